//! ARCHITECTURE.md's invariants that a test can check by reading the source: stages import only
//! earlier stages, word lists live in the lexicon's data, and functions stay short.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

/// The library's top-level modules in data-flow order: a module may use only itself and those
/// before it. The binary (`main.rs`, `cli/`) comes after them all.
const STAGES: &[&str] = &[
    "hash",
    "span",
    "model",
    "scan",
    "lexicon",
    "text",
    "mention",
    "rules",
    "assemble",
    "coref",
    "publisher",
    "analyze",
    "graph",
    "claims",
    "audit",
    "export",
    "page",
    "input",
];

/// The longest function allowed outside tests, and in the linguistic stages.
const MAX_LINES: usize = 100;
const MAX_LINES_LINGUISTIC: usize = 60;
const LINGUISTIC: &[&str] = &["rules", "mention", "coref"];

/// Every `.rs` file under `src/`, with its text up to its test module (test code may use any
/// stage and any words).
fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                let text = fs::read_to_string(&path).expect("sources are UTF-8");
                files.push((path, without_tests(&text)));
            }
        }
    }
    files.sort();
    files
}

/// `text` up to its `#[cfg(test)]` module.
fn without_tests(text: &str) -> String {
    let test_module =
        Regex::new(r"#\[cfg\(test\)\]\s*(pub(\(crate\))?\s+)?mod\s+\w+\s*\{").unwrap();
    match test_module.find(text) {
        Some(m) => text[..m.start()].to_string(),
        None => text.to_string(),
    }
}

/// `text` without comments (line and block), string contents kept.
fn without_comments(text: &str) -> String {
    let comment = Regex::new(r#"(?s)"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/"#).unwrap();
    comment
        .replace_all(text, |c: &regex::Captures| {
            let m = &c[0];
            if m.starts_with('"') {
                m.to_string()
            } else {
                m.chars().filter(|&ch| ch == '\n').collect()
            }
        })
        .into_owned()
}

/// The top-level module a file of `src/` belongs to ("rules" for `src/rules/verb.rs`).
fn module_of(path: &Path) -> String {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let relative = path.strip_prefix(&src).expect("a file of src/");
    let first = relative.components().next().expect("a path");
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_string()
}

/// What the crate root re-exports, by name: `crate::analyze` is the stage `analyze`.
fn root_exports() -> BTreeMap<String, String> {
    let lib = fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("src/lib.rs is readable");
    let reexport = Regex::new(r"pub use (\w+)::(\{[^}]*\}|\w+);").unwrap();
    let mut exports = BTreeMap::new();
    for c in reexport.captures_iter(&lib) {
        for name in c[2].trim_matches(['{', '}']).split(',') {
            let name = name.trim().rsplit(" as ").next().unwrap_or("").trim();
            if !name.is_empty() {
                exports.insert(name.to_string(), c[1].to_string());
            }
        }
    }
    exports
}

#[test]
fn no_stage_imports_a_later_one() {
    let exports = root_exports();
    let path_re = Regex::new(r"crate::(\{[^}]*\}|\w+)").unwrap();
    let mut wrong = Vec::new();
    for (path, text) in sources() {
        let module = module_of(&path);
        let Some(rank) = STAGES.iter().position(|s| *s == module) else {
            continue; // lib.rs, main.rs and the binary's cli/ may use everything
        };
        for c in path_re.captures_iter(&without_comments(&text)) {
            for name in c[1].trim_matches(['{', '}']).split(',') {
                let name = name.trim().split("::").next().unwrap_or("").trim();
                let target = exports.get(name).map_or(name, String::as_str);
                let used = STAGES.iter().position(|s| *s == target);
                if used.is_some_and(|u| u > rank) {
                    wrong.push(format!("{} uses crate::{name} ({target})", path.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "stages importing later ones:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_word_list_in_code_outside_the_lexicon() {
    let literal = r#""(?:[^"\\]|\\.)*""#;
    let patterns = [
        Regex::new(&format!(r"{literal}(?:\s*\|\s*{literal}){{2,}}")).unwrap(),
        Regex::new(&format!(
            r"\[\s*{literal}(?:\s*,\s*{literal}){{2,}}\s*,?\s*\]"
        ))
        .unwrap(),
    ];
    let word = Regex::new(literal).unwrap();
    let mut lists = Vec::new();
    for (path, text) in sources() {
        if module_of(&path) == "lexicon" {
            continue;
        }
        let code = without_comments(&text);
        for pattern in &patterns {
            for m in pattern.find_iter(&code) {
                let words: Vec<&str> = word
                    .find_iter(m.as_str())
                    .map(|w| w.as_str())
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .collect();
                if words.len() >= 3 {
                    let line = code[..m.start()].matches('\n').count() + 1;
                    lists.push(format!("{}:{line}: {}", path.display(), words.join(" ")));
                }
            }
        }
    }
    lists.sort();
    lists.dedup();
    assert!(
        lists.is_empty(),
        "word lists in code (move them to src/lexicon/data):\n{}",
        lists.join("\n")
    );
}

/// The functions of `code` (comments removed) with their first line and length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let blanked = Regex::new(r#""(?:[^"\\]|\\.)*"|'(?:\\.|[^\\'])'"#)
        .unwrap()
        .replace_all(code, |c: &regex::Captures| " ".repeat(c[0].len()))
        .into_owned();
    let bytes = blanked.as_bytes();
    let fn_re = Regex::new(r"\bfn\s+(\w+)").unwrap();
    let mut out = Vec::new();
    for c in fn_re.captures_iter(&blanked) {
        let whole = c.get(0).unwrap();
        // The body opens at the first `{` outside parentheses; a `;` first means no body.
        let (mut depth, mut k) = (0i32, whole.end());
        while k < bytes.len() {
            match bytes[k] {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b';' if depth == 0 => break,
                b'{' if depth == 0 => break,
                _ => {}
            }
            k += 1;
        }
        if k >= bytes.len() || bytes[k] == b';' {
            continue;
        }
        let mut braces = 0;
        let mut end = k;
        while end < bytes.len() {
            match bytes[end] {
                b'{' => braces += 1,
                b'}' => {
                    braces -= 1;
                    if braces == 0 {
                        break;
                    }
                }
                _ => {}
            }
            end += 1;
        }
        let first = blanked[..whole.start()].matches('\n').count() + 1;
        let lines = blanked[whole.start()..=end.min(bytes.len() - 1)]
            .matches('\n')
            .count()
            + 1;
        out.push((c[1].to_string(), first, lines));
    }
    out
}

#[test]
fn functions_are_short() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        let linguistic = LINGUISTIC.contains(&module_of(&path).as_str());
        let limit = if linguistic {
            MAX_LINES_LINGUISTIC
        } else {
            MAX_LINES
        };
        for (name, line, lines) in functions(&text) {
            if lines > limit {
                long.push(format!(
                    "{}:{line} {name}: {lines} lines (limit {limit})",
                    path.display()
                ));
            }
        }
    }
    assert!(long.is_empty(), "functions too long:\n{}", long.join("\n"));
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The checks above pass on a clean tree; these make sure they would fail on a dirty one.
    let code = "fn short() {\n    let a = 1;\n}\nfn f(x: &[u8]) -> usize {\n  x.len()\n}\n";
    let found = functions(code);
    assert_eq!(
        found,
        [("short".to_string(), 1, 3), ("f".to_string(), 4, 3)]
    );
    assert_eq!(
        without_comments("a // b\n/* c\n d */ e \"// f\""),
        "a \n\n e \"// f\""
    );
    assert_eq!(
        without_tests("fn a() {}\n#[cfg(test)]\nmod tests {\n fn b() {}\n}\n"),
        "fn a() {}\n"
    );
    let exports = root_exports();
    assert_eq!(exports.get("analyze").map(String::as_str), Some("analyze"));
}
