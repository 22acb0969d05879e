//! Files, paths, directories, threads and merge under a hostile or careless hand (issue 17):
//! no run deletes or overwrites what it should not, follows a planted link, fails on a long id,
//! replaces its own input, starts threads without bound, drops an input unseen, or merges an
//! inconsistent graph. Each test builds its hostile input itself.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::tools::{can_drop_privileges, dir_names};

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

const STORY: &str = "Talks go well\n\nMOSCOW (Reuters) - Foreign Minister Sergei Lavrov said on \
                     Monday that the talks had gone well, according to TASS.\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `dir`, with `stdin` (a file in `dir`) or nothing on standard input, and
/// kills it should it run for more than a minute (a hang guard, not a measure of speed).
fn run_with(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let out = tempfile::tempdir().unwrap();
    let (stdout_path, stderr_path) = (out.path().join("out"), out.path().join("err"));
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(match stdin {
            Some(name) => Stdio::from(fs::File::open(dir.join(name)).unwrap()),
            None => Stdio::null(),
        })
        .stdout(fs::File::create(&stdout_path).unwrap())
        .stderr(fs::File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("provgraph {} hangs", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: fs::read_to_string(stdout_path).unwrap(),
        stderr: fs::read_to_string(stderr_path).unwrap(),
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_with(dir, args, None)
}

fn write(dir: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// Every message is one line of a readable length.
fn assert_short_lines(stderr: &str) {
    for line in stderr.lines() {
        assert!(line.chars().count() < 400, "a long message: {line}");
    }
}

#[cfg(unix)]
#[test]
fn a_neo4j_export_replaces_nothing_but_the_plain_files_of_a_previous_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", STORY);
    // A directory where a file of the export would be, holding the user's work.
    write(root, "out/nodes.csv/thesis.tex", "mine");
    // A link where a file of the export would be, and a link as the export itself.
    write(root, "victim.csv", "mine");
    fs::create_dir(root.join("linked")).unwrap();
    std::os::unix::fs::symlink("../victim.csv", root.join("linked/nodes.csv")).unwrap();
    write(root, "real/nodes.csv", "mine");
    std::os::unix::fs::symlink("real", root.join("alias")).unwrap();
    let before = dir_names(root);
    for (target, why) in [
        ("out", "its nodes.csv is not a plain file"),
        ("linked", "its nodes.csv is not a plain file"),
        ("alias", "it is a symbolic link"),
    ] {
        let run = run(root, &["build", "a.txt", "--format", "neo4j", "-o", target]);
        assert_eq!(run.code, 1, "{target}: {}", run.stderr);
        assert!(run.stderr.contains(why), "{target}: {}", run.stderr);
        assert_short_lines(&run.stderr);
        assert_eq!(
            dir_names(root),
            before,
            "{target}: nothing is left beside it"
        );
    }
    assert_eq!(
        fs::read_to_string(root.join("out/nodes.csv/thesis.tex")).unwrap(),
        "mine"
    );
    assert_eq!(fs::read_to_string(root.join("victim.csv")).unwrap(), "mine");
    assert_eq!(
        fs::read_to_string(root.join("real/nodes.csv")).unwrap(),
        "mine"
    );
    // A previous export is replaced, and nothing is left beside it.
    for _ in 0..2 {
        let run = run(
            root,
            &["build", "a.txt", "--format", "neo4j", "-o", "fresh"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    assert_eq!(
        dir_names(&root.join("fresh")),
        ["nodes.csv", "relationships.csv"]
    );
    assert_eq!(dir_names(root).len(), before.len() + 1);
}

#[test]
fn concurrent_neo4j_writers_leave_one_whole_export_and_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", STORY);
    let single = run(root, &["build", "a.txt", "--format", "neo4j", "-o", "one"]);
    assert_eq!(single.code, 0, "{}", single.stderr);
    let expected = fs::read(root.join("one/nodes.csv")).unwrap();
    for round in 0..3 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                Command::new(BIN)
                    .args(["build", "a.txt", "--format", "neo4j", "-o", "n4"])
                    .current_dir(root)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            // The last writer wins; should one lose, it says why in one clear line.
            assert!(
                output.status.success() || !stderr.contains("does not exist"),
                "round {round}: {stderr}"
            );
        }
        assert_eq!(dir_names(root), ["a.txt", "n4", "one"], "round {round}");
        assert_eq!(
            dir_names(&root.join("n4")),
            ["nodes.csv", "relationships.csv"]
        );
        assert_eq!(fs::read(root.join("n4/nodes.csv")).unwrap(), expected);
    }
}

#[cfg(unix)]
#[test]
fn emit_text_never_writes_through_a_planted_link() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", STORY);
    write(root, "b.txt", STORY);
    write(root, "victim", "mine");
    fs::create_dir(root.join("texts")).unwrap();
    std::os::unix::fs::symlink("../victim", root.join("texts/a.txt")).unwrap();
    std::os::unix::fs::symlink("../planted", root.join("texts/b.txt")).unwrap();
    let run = run(root, &["build", "a.txt", "b.txt", "--emit-text", "texts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read_to_string(root.join("victim")).unwrap(), "mine");
    assert!(
        !root.join("planted").exists(),
        "a dangling link is not followed"
    );
    for name in ["a.txt", "b.txt"] {
        let path = root.join("texts").join(name);
        assert!(fs::symlink_metadata(&path).unwrap().is_file(), "{name}");
        assert_eq!(fs::read_to_string(&path).unwrap(), STORY);
    }
    assert_eq!(dir_names(&root.join("texts")), ["a.txt", "b.txt"]);
}

#[test]
fn long_ids_give_bounded_distinct_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let url = format!("https://example.com/news/{}", "story-".repeat(37));
    assert!(url.len() >= 247);
    let ids = [
        "Путин".repeat(20),
        "a".repeat(300),
        format!("{}b", "a".repeat(299)),
        url,
        "..".to_string(),
        "/etc/passwd\u{0}\u{1b}".to_string(),
    ];
    let mut lines = String::new();
    for (i, id) in ids.iter().enumerate() {
        let record = serde_json::json!({"id": id, "text": format!("{STORY}{i}")});
        lines.push_str(&format!("{record}\n"));
    }
    write(root, "wire.jsonl", lines);
    let run = run(
        root,
        &[
            "extract",
            "wire.jsonl",
            "--emit-text",
            "texts",
            "-o",
            "x.jsonl",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names = dir_names(&root.join("texts"));
    assert_eq!(names.len(), ids.len(), "{names:?}");
    for name in &names {
        assert!(name.len() <= 240, "{} bytes: {name}", name.len());
        assert!(!name.starts_with('.'), "{name}");
        let text = fs::read_to_string(root.join("texts").join(name)).unwrap();
        assert!(text.starts_with(STORY), "{name}");
    }
    // A message that quotes a long path stays one readable line.
    let missing = format!("{}.txt", "x".repeat(250));
    let run = self::run(root, &["build", &missing]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains('…'), "{}", run.stderr);
    assert_short_lines(&run.stderr);
}

#[cfg(unix)]
#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", STORY);
    let line = run(root, &["extract", "a.txt"]).stdout;
    write(root, "a.jsonl", &line);
    write(root, "crawl/c.txt", STORY);
    write(root, "crawl/old.jsonl", &line);
    std::os::unix::fs::symlink("a.jsonl", root.join("link.jsonl")).unwrap();
    fs::hard_link(root.join("a.jsonl"), root.join("hard.jsonl")).unwrap();
    let cases: &[(&[&str], Option<&str>)] = &[
        (&["build", "a.txt", "--format", "json", "-o", "a.txt"], None),
        (&["extract", "a.jsonl", "-o", "a.jsonl"], None),
        (&["extract", "a.jsonl", "-o", "./link.jsonl"], None),
        (&["extract", "a.jsonl", "-o", "hard.jsonl"], None),
        (&["extract", "-", "-o", "a.jsonl"], Some("a.jsonl")),
        (&["extract", "crawl", "-o", "crawl/old.jsonl"], None),
        (
            &["build", "a.jsonl", "-o", "link.jsonl", "--format", "json"],
            None,
        ),
    ];
    for (args, stdin) in cases {
        let run = run_with(root, args, *stdin);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("it is one of the inputs"),
            "{}",
            run.stderr
        );
        assert_eq!(fs::read_to_string(root.join("a.jsonl")).unwrap(), line);
        assert_eq!(fs::read_to_string(root.join("a.txt")).unwrap(), STORY);
    }
    assert!(
        fs::symlink_metadata(root.join("link.jsonl"))
            .unwrap()
            .is_symlink()
    );
    // --emit-text would put the text of crawl/c.txt over crawl/c.txt.
    let run = run(root, &["build", "crawl", "--emit-text", "crawl"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("it is one of the inputs"),
        "{}",
        run.stderr
    );
    // A new file in an input directory is no input; merging into a graph is how shards add up.
    let run = self::run(root, &["extract", "crawl", "-o", "crawl/new.jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = self::run(root, &["merge", "a.jsonl", "-o", "acc.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = self::run(
        root,
        &["merge", "acc.json", "crawl/new.jsonl", "-o", "acc.json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn huge_thread_counts_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", STORY);
    let one = run(root, &["build", "a.txt", "-j", "1"]);
    for threads in ["100000", "18446744073709551615"] {
        let many = run(root, &["build", "a.txt", "-j", threads]);
        assert_eq!(many.code, 0, "{}", many.stderr);
        assert_eq!(many.stdout, one.stdout);
    }
    write(
        root,
        "wire.jsonl",
        format!("{}\n", serde_json::json!({"text": STORY})),
    );
    let many = run(root, &["extract", "wire.jsonl", "-j", "100000"]);
    assert_eq!(many.code, 0, "{}", many.stderr);
}

/// A tree `depth` directories deep, each made relative to the one above (so that it may go
/// deeper than the system lets one path go), with an article `deep.txt` at the bottom.
#[cfg(unix)]
fn deep_tree(root: &Path, name: &str, depth: usize) {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let name = CString::new(name).unwrap();
    let root = CString::new(root.as_os_str().as_bytes()).unwrap();
    let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC;
    // SAFETY: plain system calls on descriptors this function opens and closes, with
    // NUL-terminated names that outlive the calls.
    unsafe {
        let mut dir = libc::open(root.as_ptr(), flags);
        assert!(dir >= 0, "open");
        for _ in 0..depth {
            assert_eq!(libc::mkdirat(dir, name.as_ptr(), 0o755), 0, "mkdirat");
            let next = libc::openat(dir, name.as_ptr(), flags);
            assert!(next >= 0, "openat");
            libc::close(dir);
            dir = next;
        }
        let file_name = CString::new("deep.txt").unwrap();
        let file = libc::openat(
            dir,
            file_name.as_ptr(),
            libc::O_WRONLY | libc::O_CREAT,
            0o644,
        );
        assert!(file >= 0, "openat deep.txt");
        let written = libc::write(file, STORY.as_ptr().cast(), STORY.len());
        assert_eq!(written, STORY.len() as isize);
        libc::close(file);
        libc::close(dir);
    }
}

#[cfg(unix)]
#[test]
fn deep_directories_are_walked_once_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("crawl");
    fs::create_dir(&root).unwrap();
    deep_tree(&root, "d", 1000);
    // A loop of links at the bottom, back to the top.
    let mut bottom = root.clone();
    for _ in 0..1000 {
        bottom.push("d");
    }
    std::os::unix::fs::symlink(&root, bottom.join("loop")).unwrap();
    let run = run(dir.path(), &["build", "crawl", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let graph: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(graph["graph"]["documents"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn an_input_that_cannot_be_reached_is_a_warning_and_under_strict_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("crawl");
    fs::create_dir(&root).unwrap();
    write(&root, "a.txt", STORY);
    // 25 levels of 200 bytes: the article's path is longer than PATH_MAX (4096).
    deep_tree(&root, &"d".repeat(200), 25);
    std::os::unix::fs::symlink("gone.txt", root.join("dangling.txt")).unwrap();
    let run = run(dir.path(), &["build", "crawl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is skipped: file name too long; move it to a shorter path to read it"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("dangling.txt is skipped: no such file"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 warnings"), "{}", run.stderr);
    assert_short_lines(&run.stderr);
    fs::remove_file(root.join("dangling.txt")).unwrap();
    let strict = self::run(dir.path(), &["build", "crawl", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict.stderr.contains("file name too long"),
        "{}",
        strict.stderr
    );
}

/// Builds one graph of `STORY` as document `id` in `dir`, as JSON.
fn graph_of(dir: &Path, id: &str) -> Value {
    write(dir, &format!("{id}.txt"), STORY);
    let run = run(dir, &["build", &format!("{id}.txt")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// A change that makes a graph inconsistent.
type Break = fn(&mut Value);

#[test]
fn merge_refuses_inconsistent_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let good = graph_of(root, "a");
    let cases: Vec<(&str, Break)> = vec![
        ("names sergei-lavrov-2, which is not a node", |g| {
            g["attributions"][0]["hops"][0]["node"] = "sergei-lavrov-2".into();
            g["attributions"][0]["chain"][0] = "sergei-lavrov-2".into();
        }),
        (
            "the chain of attribution \"a#1\" is not the nodes of its hops",
            |g| g["attributions"][0]["chain"][1] = "nobody".into(),
        ),
        ("of document b, which is not in the graph", |g| {
            g["attributions"][0]["document"] = "b".into();
        }),
        ("attribution a#1 is there twice", |g| {
            let copy = g["attributions"][0].clone();
            g["attributions"].as_array_mut().unwrap().push(copy);
        }),
        ("lists attribution a#9, which is not in the graph", |g| {
            g["edges"][0]["attributions"][0] = "a#9".into();
        }),
        ("which the edges do not list", |g| {
            g["edges"].as_array_mut().unwrap().pop();
        }),
        ("not within the 129 bytes of document a", |g| {
            g["attributions"][0]["span"][1] = 5000.into();
        }),
        ("the publisher reuters-2 of document a is not a node", |g| {
            g["graph"]["documents"][0]["publisher"] = "reuters-2".into();
        }),
    ];
    for (why, break_it) in cases {
        let mut graph = good.clone();
        break_it(&mut graph);
        write(root, "bad.json", graph.to_string());
        let run = run(root, &["merge", "bad.json", "-o", "out.json"]);
        assert_eq!(run.code, 1, "{why}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("provgraph: cannot merge bad.json: "),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(why), "{why}: {}", run.stderr);
        assert!(!root.join("out.json").exists());
    }
    // One document's analysis whose chain names no entity of it.
    let line = run(root, &["extract", "a.txt"]).stdout;
    let mut analysis: Value = serde_json::from_str(&line).unwrap();
    analysis["attributions"][0]["hops"][0]["node"] = "nobody".into();
    write(root, "bad.jsonl", format!("{analysis}\n"));
    let run = run(root, &["merge", "bad.jsonl"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("bad.jsonl line 1: the chain of attribution a#1 names nobody"),
        "{}",
        run.stderr
    );
    // The same attribution id in two inputs.
    let mut other = good.clone();
    other["graph"]["documents"][0]["id"] = "c".into();
    other["attributions"][0]["document"] = "c".into();
    write(root, "a.json", good.to_string());
    write(root, "c.json", other.to_string());
    let run = self::run(root, &["merge", "a.json", "c.json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("attribution a#1 is in an earlier input too"),
        "{}",
        run.stderr
    );
}

#[test]
fn merge_sums_counts_without_wrapping() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let near = u64::MAX - 5;
    for id in ["a", "b"] {
        let mut graph = graph_of(root, id);
        graph["nodes"][0]["mentions"] = near.into();
        graph["nodes"][0]["label_counts"]["Reuters"] = near.into();
        write(root, &format!("{id}.json"), graph.to_string());
    }
    let run = run(root, &["merge", "a.json", "b.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("reached 18446744073709551615"),
        "{}",
        run.stderr
    );
    let merged: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(merged["nodes"][0]["id"], "reuters");
    assert_eq!(merged["nodes"][0]["mentions"], u64::MAX);
}

/// A gzip stream of `bytes` zeros, made as it is written (never held whole).
fn gzip_of_zeros(path: &Path, prefix: &[u8], bytes: usize) {
    let file = fs::File::create(path).unwrap();
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    gz.write_all(prefix).unwrap();
    let block = vec![b'0'; 1 << 20];
    for _ in 0..bytes / block.len() {
        gz.write_all(&block).unwrap();
    }
    gz.finish().unwrap();
}

#[test]
fn merge_reads_no_more_than_its_limits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A line of extract output longer than the limit, and a graph that expands past it.
    write(
        root,
        "long.jsonl",
        format!("{{\"document\": \"{}\"}}\n", "x".repeat(8192)),
    );
    gzip_of_zeros(&root.join("bomb.json.gz"), b"{\"directed\": ", 64 << 20);
    let cases: &[(&[&str], &str)] = &[
        (
            &["merge", "long.jsonl", "--max-line-bytes", "4K"],
            "provgraph: cannot merge long.jsonl: its line 1 is larger than --max-line-bytes (4 KiB); give a larger --max-line-bytes to read it\n",
        ),
        (
            &["merge", "bomb.json.gz", "--max-graph-bytes", "1M"],
            "provgraph: cannot merge bomb.json.gz: its graph is larger than --max-graph-bytes (1 MiB); give a larger --max-graph-bytes to read it\n",
        ),
    ];
    for (args, stderr) in cases {
        let run = run(root, args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stderr, *stderr);
        assert_eq!(run.stdout, "");
    }
    let run = run(root, &["merge", "long.jsonl", "--max-line-bytes", "0"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_directory_without_permission_is_a_warning_not_the_end_of_the_run() {
    use std::os::unix::fs::PermissionsExt;
    if !can_drop_privileges() {
        eprintln!("skipped: not root with setpriv, permissions cannot be dropped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "crawl/a.txt", STORY);
    write(root, "crawl/locked/b.txt", STORY);
    for path in ["", "crawl", "crawl/a.txt"] {
        fs::set_permissions(root.join(path), fs::Permissions::from_mode(0o777)).unwrap();
    }
    fs::set_permissions(root.join("crawl/locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let as_nobody = |extra: &[&str]| {
        let mut args = vec![
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            BIN,
            "build",
        ];
        args.extend(["crawl", "-o", "/dev/null"]);
        args.extend(extra);
        Command::new("setpriv")
            .args(&args)
            .current_dir(root)
            .output()
            .unwrap()
    };
    let output = as_nobody(&[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("crawl/locked is skipped: permission denied"),
        "{stderr}"
    );
    let output = as_nobody(&["--strict"]);
    assert_eq!(output.status.code(), Some(1));
}
