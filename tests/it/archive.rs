//! Whole archives: JSON Lines, HTML and gzip inputs, recursive directories and standard input;
//! the same output for any number of threads; `extract` and `merge` against `build`; no progress
//! bar when standard error is not a terminal.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};

use crate::cli::run_in as run;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// Runs and checks the exit status is 0; returns standard output and standard error.
fn run_ok(dir: &Path, args: &[&str], stdin: &[u8]) -> (String, String) {
    let output = run(dir, args, stdin);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "provgraph {}\n--- stderr\n{stderr}",
        args.join(" ")
    );
    (stdout, stderr)
}

fn write(dir: &Path, path: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

/// The graph's documents by id.
fn documents(graph: &Value) -> Vec<(String, Value)> {
    graph["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|document| {
            (
                document["id"].as_str().unwrap().to_string(),
                document.clone(),
            )
        })
        .collect()
}

fn document_ids(graph: &Value) -> Vec<String> {
    documents(graph).into_iter().map(|(id, _)| id).collect()
}

fn document<'a>(graph: &'a Value, id: &str) -> &'a Value {
    graph["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|document| document["id"] == id)
        .unwrap_or_else(|| panic!("no document {id} in {}", graph["graph"]["documents"]))
}

/// A dateline story that credits AFP, and says who said what.
const AFP_STORY: &str = "Talks go well, minister says\n\n\
    PARIS (AFP) - The foreign minister said on Monday that the talks had gone well.\n\n\
    \"We have made real progress,\" he told reporters.\n";

/// The test articles as JSON Lines records, `copies` times each with distinct ids.
fn articles_jsonl(copies: usize) -> String {
    let mut paths: Vec<_> = fs::read_dir("tests/data/articles")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    let mut out = String::new();
    for copy in 0..copies {
        for path in &paths {
            let stem = path.file_stem().unwrap().to_string_lossy();
            let text = fs::read_to_string(path).unwrap();
            let record = json!({"id": format!("{stem}-{copy}"), "text": text});
            out.push_str(&record.to_string());
            out.push('\n');
        }
    }
    out
}

#[test]
fn json_lines_records_are_documents_with_their_ids_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        json!({"id": "afp-1", "text": AFP_STORY}),
        json!({"id": "meta-1", "text": AFP_STORY, "title": "Metadata title",
               "publisher": "Reuters", "url": "https://example.test/a", "date": "2024-05-01"}),
        json!({"text": AFP_STORY}),
        json!({"id": 42, "text": "Numbered record\n"}),
        json!({"id": "afp-1", "text": "Same id again\n"}),
    ];
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    write(dir.path(), "wire.jsonl", &lines);

    let (stdout, stderr) = run_ok(dir.path(), &["build", "wire.jsonl"], b"");
    assert_eq!(
        stderr,
        "provgraph: warning: wire.jsonl line 5 is document afp-1 again; calling it afp-1-2\n\
         provgraph: 1 warning (1 renamed document)\n"
    );
    let graph = parse(&stdout);
    assert_eq!(
        document_ids(&graph),
        ["42", "afp-1", "afp-1-2", "meta-1", "wire:3"]
    );
    let detected = document(&graph, "afp-1");
    assert_eq!(detected["publisher"], "afp", "the text's dateline");
    assert_eq!(detected["title"], "Talks go well, minister says");
    assert_eq!(detected["path"], Value::Null);
    assert_eq!(detected["bytes"], AFP_STORY.len());
    let metadata = document(&graph, "meta-1");
    assert_eq!(
        metadata["publisher"], "reuters",
        "metadata wins over the text"
    );
    assert_eq!(metadata["publisher_mention"], Value::Null);
    assert_eq!(metadata["title"], "Metadata title");

    // extract carries the record's url and date along with the analysis.
    let (stdout, _) = run_ok(dir.path(), &["extract", "wire.jsonl"], b"");
    let lines: Vec<Value> = stdout.lines().map(parse).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[1]["document"]["id"], "meta-1");
    assert_eq!(lines[1]["url"], "https://example.test/a");
    assert_eq!(lines[1]["date"], "2024-05-01");
    assert!(lines[0].get("url").is_none(), "{}", lines[0]);
    for line in stdout.lines() {
        let analysis: provgraph::DocumentAnalysis = serde_json::from_str(line).unwrap();
        assert!(!analysis.document.id.is_empty());
    }
    assert!(
        !lines[0]["attributions"].as_array().unwrap().is_empty(),
        "the AFP story has attributions: {}",
        lines[0]
    );
}

const BAD_LINES: &str = concat!(
    "{\"id\": \"one\", \"text\": \"First.\\n\"}\n",
    "{\"id\": \"two\", \"text\": \n",
    "{\"id\": \"three\"}\n",
    "\n",
    "[\"not\", \"an\", \"object\"]\n",
    "{\"id\": \"six\", \"text\": \"Sixth.\\n\"}\n",
);

#[test]
fn bad_lines_are_skipped_and_reported_with_their_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.jsonl", BAD_LINES);
    let (stdout, stderr) = run_ok(dir.path(), &["build", "wire.jsonl"], b"");
    assert_eq!(
        stderr,
        "provgraph: warning: wire.jsonl line 2 is skipped: EOF while parsing a value (column 22)\n\
         provgraph: warning: wire.jsonl line 3 is skipped: missing field `text` (column 15)\n\
         provgraph: warning: wire.jsonl line 5 is skipped: it is not a JSON object\n\
         provgraph: 3 warnings (3 skipped documents)\n"
    );
    assert_eq!(document_ids(&parse(&stdout)), ["one", "six"]);
}

#[test]
fn strict_fails_at_the_first_bad_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.jsonl", BAD_LINES);
    for command in ["build", "extract"] {
        let output = run(
            dir.path(),
            &[command, "wire.jsonl", "--strict", "-o", "out.json"],
            b"",
        );
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "provgraph: cannot read wire.jsonl line 2: EOF while parsing a value (column 22); \
             fix the line, or leave out --strict to skip bad lines\n",
            "{command}"
        );
        assert!(!dir.path().join("out.json").exists(), "{command}");
    }
}

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Minister says talks went well | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:title" content="Minister says talks went well">
SCRIPT
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<article>
<h1>Minister says talks went well</h1>
<p>The foreign minister said on Monday that the talks with his counterpart had gone well,
and that both sides would meet again next month in Geneva to continue the negotiations.</p>
<p>"We have made real progress," he told reporters after the meeting. The talks lasted more
than four hours and covered trade, security and climate, officials said.</p>
<p>Officials familiar with the matter said a deal could be signed before the end of the year,
though several questions remained open, according to the state news agency.</p>
</article>
<footer>Copyright 2024 The Daily Planet. All rights reserved.</footer>
</body></html>
"#;

const JSON_LD: &str = r#"<script type="application/ld+json">{"@context": "https://schema.org",
"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Reuters"}}</script>"#;

#[test]
fn html_pages_give_their_main_text_title_and_publisher() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pages/site.html", PAGE.replace("SCRIPT", ""));
    write(dir.path(), "pages/ld.htm", PAGE.replace("SCRIPT", JSON_LD));
    let (stdout, stderr) = run_ok(dir.path(), &["build", "pages", "--emit-text", "texts"], b"");
    assert_eq!(stderr, "");
    let graph = parse(&stdout);
    assert_eq!(document_ids(&graph), ["ld", "site"]);
    let site = document(&graph, "site");
    assert_eq!(site["title"], "Minister says talks went well");
    assert_eq!(site["path"], "pages/site.html");
    assert_eq!(
        site["publisher"], "the-daily-planet",
        "og:site_name: {site}"
    );
    assert_eq!(document(&graph, "ld")["publisher"], "reuters", "JSON-LD");

    // The emitted text is the one the offsets refer to.
    let text = fs::read_to_string(dir.path().join("texts/site.txt")).unwrap();
    assert!(
        text.starts_with("Minister says talks went well\n\nThe foreign minister said on Monday"),
        "{text}"
    );
    for boilerplate in ["Home", "World news", "Copyright", "<p>"] {
        assert!(!text.contains(boilerplate), "{boilerplate} in {text}");
    }
    assert_eq!(site["bytes"], text.len());
    let attributions: Vec<&Value> = graph["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|attribution| attribution["document"] == "site")
        .collect();
    assert!(!attributions.is_empty(), "{stdout}");
    for attribution in attributions {
        for hop in attribution["hops"].as_array().unwrap() {
            let Some(cue) = hop["cue"].as_array() else {
                continue;
            };
            let (start, end) = (cue[0].as_u64().unwrap(), cue[1].as_u64().unwrap());
            let words = &text[start as usize..end as usize];
            assert!(
                ["said", "says", "told", "according to"].contains(&words),
                "cue {words:?} in {attribution}"
            );
        }
    }
}

#[test]
fn gzipped_files_read_as_what_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!("{}\n", json!({"id": "wire-1", "text": AFP_STORY}));
    let page = PAGE.replace("SCRIPT", "");
    for (name, contents) in [
        ("story.txt", AFP_STORY.as_bytes()),
        ("wire.jsonl", jsonl.as_bytes()),
        ("page.html", page.as_bytes()),
    ] {
        write(dir.path(), &format!("plain/{name}"), contents);
        write(dir.path(), &format!("gz/{name}.gz"), gzip(contents));
    }
    let (plain, _) = run_ok(dir.path(), &["build", "plain"], b"");
    let (zipped, _) = run_ok(dir.path(), &["build", "gz"], b"");
    let (plain, zipped) = (parse(&plain), parse(&zipped));
    assert_eq!(document_ids(&zipped), ["page", "story", "wire-1"]);
    assert_eq!(document(&zipped, "story")["path"], "gz/story.txt.gz");
    for list in ["nodes", "edges", "attributions"] {
        assert_eq!(plain[list], zipped[list], "{list}");
    }
    for ((id, a), (_, b)) in documents(&plain).into_iter().zip(documents(&zipped)) {
        assert_eq!(a["title"], b["title"], "{id}");
        assert_eq!(a["publisher"], b["publisher"], "{id}");
        assert_eq!(a["bytes"], b["bytes"], "{id}");
    }
    // Standard input is unzipped too, and then sniffed.
    let (stdin, _) = run_ok(dir.path(), &["build", "-"], &gzip(jsonl.as_bytes()));
    assert_eq!(document_ids(&parse(&stdin)), ["wire-1"]);
    // A gzip file cut short is skipped (an error under --strict), not a short document.
    let cut = gzip(AFP_STORY.as_bytes());
    write(dir.path(), "cut.txt.gz", &cut[..cut.len() - 6]);
    let (stdout, stderr) = run_ok(dir.path(), &["build", "cut.txt.gz"], b"");
    assert_eq!(document_ids(&parse(&stdout)), Vec::<String>::new());
    assert_eq!(
        stderr,
        "provgraph: warning: cut.txt.gz is skipped: unexpected end of file; check that it is \
         whole (a gzip file must be complete)\n\
         provgraph: 1 warning (1 skipped document)\n"
    );
    let output = run(dir.path(), &["build", "--strict", "cut.txt.gz"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: cannot read cut.txt.gz: unexpected end of file; check that it is whole (a \
         gzip file must be complete)\n"
    );
}

#[test]
fn directories_are_read_recursively_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "crawl/b.txt", "Bravo\n");
    write(dir.path(), "crawl/a/deep/c.txt.gz", gzip(b"Charlie\n"));
    write(
        dir.path(),
        "crawl/a/d.html",
        "<html><head><title>Delta</title></head></html>",
    );
    write(
        dir.path(),
        "crawl/a/e.ndjson",
        "{\"id\": \"echo\", \"text\": \"Echo\\n\"}\n",
    );
    write(dir.path(), "crawl/a/notes.md", "Not an input.\n");
    write(dir.path(), "crawl/.git/x.txt", "Hidden.\n");
    let (stdout, _) = run_ok(dir.path(), &["extract", "crawl"], b"");
    let ids: Vec<String> = stdout
        .lines()
        .map(|line| parse(line)["document"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        ["d", "c", "echo", "b"],
        "path order: a/d.html, a/deep/, a/e, b"
    );
}

#[test]
fn standard_input_is_sniffed_unless_the_format_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = b"{\"id\": \"x\", \"text\": \"Piped record.\\n\"}\n{\"text\": \"Second.\\n\"}\n";
    let (stdout, _) = run_ok(dir.path(), &["build", "-"], jsonl);
    assert_eq!(document_ids(&parse(&stdout)), ["stdin:2", "x"]);

    let (stdout, _) = run_ok(dir.path(), &["build", "-"], PAGE.as_bytes());
    let graph = parse(&stdout);
    assert_eq!(
        document(&graph, "stdin")["title"],
        "Minister says talks went well"
    );

    let (stdout, _) = run_ok(dir.path(), &["build", "-", "--input-format", "txt"], jsonl);
    let graph = parse(&stdout);
    assert_eq!(document_ids(&graph), ["stdin"]);
    assert_eq!(document(&graph, "stdin")["bytes"], jsonl.len());

    let output = run(dir.path(), &["build", "-", "--input-format", "pdf"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: unknown input format pdf: provgraph reads txt, jsonl and html; \
         use --input-format txt, jsonl or html\n"
    );
    let output = run(dir.path(), &["extract", "-", "--threads", "0"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_output_is_the_same_for_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.jsonl", articles_jsonl(4));
    for command in ["extract", "build"] {
        let (one, _) = run_ok(dir.path(), &[command, "wire.jsonl", "-j", "1"], b"");
        assert!(one.len() > 10_000, "{command}: {} bytes", one.len());
        for threads in ["2", "5"] {
            let (many, _) = run_ok(dir.path(), &[command, "wire.jsonl", "-j", threads], b"");
            assert!(one == many, "{command} -j {threads} differs from -j 1");
        }
    }
}

/// `provgraph merge` of `inputs` to standard output.
fn merge(dir: &Path, inputs: &[&str]) -> String {
    let mut args = vec!["merge"];
    args.extend(inputs);
    run_ok(dir, &args, b"").0
}

#[test]
fn merging_is_associative_commutative_and_equals_build() {
    let dir = tempfile::tempdir().unwrap();
    let all = articles_jsonl(2);
    let lines: Vec<&str> = all.lines().collect();
    // Three shards of different sizes, each a JSON Lines file.
    let shards = [&lines[..3], &lines[3..12], &lines[12..]];
    for (i, shard) in shards.iter().enumerate() {
        write(
            dir.path(),
            &format!("shard-{i}.jsonl"),
            shard.join("\n") + "\n",
        );
        run_ok(
            dir.path(),
            &[
                "extract",
                &format!("shard-{i}.jsonl"),
                "-o",
                &format!("a{i}.jsonl"),
            ],
            b"",
        );
        let graph = merge(dir.path(), &[&format!("a{i}.jsonl")]);
        write(dir.path(), &format!("g{i}.json"), graph);
    }
    write(dir.path(), "all.jsonl", &all);
    let (build, _) = run_ok(dir.path(), &["build", "all.jsonl"], b"");
    assert!(build.contains("\"label_counts\""));

    let check = |name: &str, got: String| assert!(got == build, "{name} differs from build");
    check(
        "merge of extracts",
        merge(dir.path(), &["a0.jsonl", "a1.jsonl", "a2.jsonl"]),
    );
    check(
        "merge of graphs",
        merge(dir.path(), &["g2.json", "g0.json", "g1.json"]),
    );
    check(
        "mixed",
        merge(dir.path(), &["g1.json", "a2.jsonl", "a0.jsonl"]),
    );

    let ab = merge(dir.path(), &["g0.json", "g1.json"]);
    let ba = merge(dir.path(), &["g1.json", "g0.json"]);
    assert!(ab == ba, "merge(a, b) != merge(b, a)");
    write(dir.path(), "ab.json", &ab);
    let bc = merge(dir.path(), &["a1.jsonl", "a2.jsonl"]);
    write(dir.path(), "bc.json", &bc);
    check(
        "merge(merge(a, b), c)",
        merge(dir.path(), &["ab.json", "g2.json"]),
    );
    check(
        "merge(a, merge(b, c))",
        merge(dir.path(), &["a0.jsonl", "bc.json"]),
    );

    // From standard input, gzipped.
    let extract = fs::read(dir.path().join("a0.jsonl")).unwrap();
    let (from_stdin, _) = run_ok(dir.path(), &["merge", "-", "bc.json"], &gzip(&extract));
    check("merge of gzipped standard input", from_stdin);
}

#[test]
fn a_document_in_two_shards_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.jsonl", articles_jsonl(1));
    run_ok(dir.path(), &["extract", "wire.jsonl", "-o", "a.jsonl"], b"");
    write(dir.path(), "g.json", merge(dir.path(), &["a.jsonl"]));
    let output = run(
        dir.path(),
        &["merge", "g.json", "a.jsonl", "-o", "out.json"],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: cannot merge a.jsonl line 1: document aeb-hosted-ap-org-82b6d780c7-0 is in \
         an earlier input too; give each document once: shards must not share documents\n"
    );
    assert!(!dir.path().join("out.json").exists());

    write(dir.path(), "bad.jsonl", "{\"document\": 1}\n");
    let output = run(dir.path(), &["merge", "bad.jsonl"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: cannot merge bad.jsonl line 1: it is not a document analysis (invalid \
         type: integer `1`, expected struct Document (column 14)); give files that provgraph \
         extract wrote\n"
    );
    let output = run(dir.path(), &["merge", "."], b"");
    assert_eq!(output.status.code(), Some(2));
}

/// Runs `command` (a closure from the input file's name to an output) on ever larger inputs
/// until a run lasts long enough that a terminal would show the progress bar, which waits a
/// second; returns that run's output.
fn long_run(dir: &Path, command: impl Fn(&str) -> Output) -> Output {
    let mut copies = 8;
    loop {
        write(dir, "wire.jsonl", articles_jsonl(copies));
        let start = Instant::now();
        let output = command("wire.jsonl");
        if start.elapsed().as_secs_f64() > 1.5 {
            return output;
        }
        // 8,192 copies are 336 MB: some minutes in a debug build, seconds in a release one.
        assert!(
            copies < 8192,
            "even {copies} copies of the articles take under 1.5 s"
        );
        copies *= 2;
    }
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let output = long_run(dir.path(), |input| {
        run(
            dir.path(),
            &["build", input, "-j", "1", "-o", "g.json"],
            b"",
        )
    });
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_terminal_shows_the_progress_bar_on_a_long_run() {
    // `script` gives the command a terminal; without it there is nothing to test.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` command to give provgraph a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let output = long_run(dir.path(), |input| {
        let command = format!("{BIN} build {input} -j 1 -o g.json");
        Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap()
    });
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains(" documents, "),
        "no progress bar in {shown:?}"
    );
    assert!(shown.contains(" MB/s"), "{shown:?}");
    assert!(dir.path().join("g.json").exists());
}

#[test]
fn renamed_documents_are_reported_ten_times_then_counted() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..14)
        .map(|i| {
            format!(
                "{}\n",
                json!({"id": "same", "text": format!("Story {i}.\n")})
            )
        })
        .collect();
    write(dir.path(), "wire.jsonl", lines);
    let (stdout, stderr) = run_ok(dir.path(), &["extract", "wire.jsonl"], b"");
    assert_eq!(stdout.lines().count(), 14);
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 12, "{stderr}");
    assert_eq!(
        warnings[0],
        "provgraph: warning: wire.jsonl line 2 is document same again; calling it same-2"
    );
    assert_eq!(
        warnings[10],
        "provgraph: warning: wire.jsonl: 3 more documents had ids used before; they were renamed \
         the same way"
    );
    // The summary counts every renamed document, not the lines that told of them.
    assert_eq!(
        warnings[11],
        "provgraph: 13 warnings (13 renamed documents)"
    );
}

#[test]
fn extract_into_head_exits_quietly_with_status_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wire.jsonl", articles_jsonl(30));
    let script =
        r#""$1" extract wire.jsonl | head -n 1 | cut -c1-13; echo "status ${PIPESTATUS[0]}""#;
    let output = Command::new("bash")
        .args(["-c", script, "bash", BIN])
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "{\"document\":{\nstatus 0\n"
    );
}

/// Regression: the first paragraph of a story without a headline became its title.
#[test]
fn a_first_line_too_long_for_a_headline_is_no_title() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "The minister said on Monday that the talks had gone well. ".repeat(8);
    let record = json!({"id": "no-headline", "text": format!("{paragraph}\n\nMore.\n")});
    let (stdout, _) = run_ok(
        dir.path(),
        &["build", "-"],
        format!("{record}\n").as_bytes(),
    );
    assert_eq!(
        document(&parse(&stdout), "no-headline")["title"],
        Value::Null
    );
}
