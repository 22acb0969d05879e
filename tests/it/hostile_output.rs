//! Hostile names and large graphs through the command line, as a user meets them: node ids that
//! must stay distinct, the text that reaches the terminal, what is handed to Graphviz and what
//! comes back from it (the picture and the HTML report), and the bounds on drawing.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// Runs the binary in `dir` with `args`, standard input empty.
fn run(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("the binary runs")
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(dir).stdin(Stdio::null());
    command
}

/// [`run`] with `PATH` set to `path`: a fake `dot` first, or no `dot` at all.
fn run_with_path(dir: &Path, args: &[&str], path: &Path) -> Output {
    command(dir, args)
        .env("PATH", path)
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A JSON Lines archive of `records` (id, text, publisher or "").
fn write_jsonl(dir: &Path, name: &str, records: &[(&str, &str, &str)]) {
    let mut lines = String::new();
    for (id, text, publisher) in records {
        let mut record = serde_json::json!({"id": id, "text": text});
        if !publisher.is_empty() {
            record["publisher"] = Value::from(*publisher);
        }
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    fs::write(dir.join(name), lines).unwrap();
}

/// The graph `build` writes as JSON for `args`.
fn build_json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let output = run(dir, &all);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// Each node's label with its id.
fn ids_by_label(graph: &Value) -> Vec<(String, String)> {
    graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| {
            let label = node["label"].as_str().unwrap().to_string();
            (label, node["id"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Issue 17, item 14: "Путин Media" and "Газпром Media" were one node `media`, "新华社 News" and
/// "人民日报 News" one node `news`. Distinct names keep distinct ASCII ids, the same in every run.
#[test]
fn names_in_other_scripts_keep_distinct_ascii_ids() {
    let dir = tempfile::tempdir().unwrap();
    write_jsonl(
        dir.path(),
        "in.jsonl",
        &[
            ("a", "The minister said the plan would work.", "Путин Media"),
            (
                "b",
                "The minister said the plan would fail.",
                "Газпром Media",
            ),
            (
                "c",
                "Officials said it rained, according to 新华社 News.",
                "",
            ),
            (
                "d",
                "Officials said it snowed, according to 人民日报 News.",
                "",
            ),
        ],
    );
    let graph = build_json(dir.path(), &["in.jsonl"]);
    let ids = ids_by_label(&graph);
    for name in [
        "Путин Media",
        "Газпром Media",
        "新华社 News",
        "人民日报 News",
    ] {
        let id = &ids
            .iter()
            .find(|(label, _)| label == name)
            .unwrap_or_else(|| panic!("no node {name:?} in {ids:?}"))
            .1;
        let ascii = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        assert!(ascii, "{id:?} is not a slug");
    }
    let mut distinct: Vec<&String> = ids.iter().map(|(_, id)| id).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), ids.len(), "{ids:?}");
    assert_eq!(
        build_json(dir.path(), &["in.jsonl"]),
        graph,
        "ids change between runs"
    );
}

/// `PATH` with `dir` first: a fake `dot` there wins over a real one.
fn path_first(dir: &Path) -> std::path::PathBuf {
    let mut dirs = vec![dir.to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap().into()
}

/// A directory holding a stand-in for Graphviz's `dot`: a shell script with `body`.
fn fake_dot(body: &str) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dot");
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

/// Whether Graphviz is there for the tests that need the real `dot`.
fn has_dot() -> bool {
    if crate::tools::has_dot() {
        return true;
    }
    crate::tools::missing("the `dot` binary", "apt-get install graphviz");
    false
}

/// Names that Graphviz used to decode, that made its SVG ill-formed, or that it refused.
fn hostile_publishers() -> Vec<String> {
    vec![
        "A &amp; B &#x202E; Co".to_string(),
        "Bad\u{fffe}\u{ffff}\u{1b} Name\u{202e}gnp.exe".to_string(),
        format!("Long {}", "é".repeat(20_000)),
    ]
}

fn write_hostile(dir: &Path) {
    let publishers = hostile_publishers();
    let records: Vec<(String, &str, &str)> = publishers
        .iter()
        .enumerate()
        .map(|(i, publisher)| {
            (
                format!("doc-{i}"),
                "Officials said it rained.",
                publisher.as_str(),
            )
        })
        .collect();
    let records: Vec<(&str, &str, &str)> = records
        .iter()
        .map(|(a, b, c)| (a.as_str(), *b, *c))
        .collect();
    write_jsonl(dir, "hostile.jsonl", &records);
}

/// Issue 17, items 11, 12 and 13: a 20,000-character name made `dot` fail, U+FFFE made the SVG
/// ill-formed, `&amp;` and `&#x202E;` were decoded. The SVG now parses with a strict XML parser
/// and shows each name as written, less what it cannot hold, long ones cut.
#[test]
fn the_picture_of_hostile_names_is_well_formed_and_shows_them_as_written() {
    if !has_dot() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_hostile(dir.path());
    let output = run(dir.path(), &["render", "hostile.jsonl", "-o", "g.svg"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let Some(svg) = crate::readers::read("svg", &dir.path().join("g.svg")) else {
        return;
    };
    let texts: Vec<&str> = svg["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(texts.contains(&"A &amp; B &#x202E; Co"), "{texts:?}");
    assert!(
        texts.contains(&"Bad\u{fffd}\u{fffd}\u{fffd} Name\u{fffd}gnp.exe"),
        "{texts:?}"
    );
    let long = texts
        .iter()
        .find(|t| t.starts_with("Long "))
        .expect("the long name");
    assert!(
        long.ends_with('…') && long.chars().count() <= 201,
        "{}",
        long.len()
    );
    // The JSON keeps every name whole.
    let graph = build_json(dir.path(), &["hostile.jsonl"]);
    let labels: Vec<String> = ids_by_label(&graph)
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    for name in hostile_publishers() {
        assert!(labels.contains(&name), "{:.40}", name);
    }
    // Ids stay short.
    for (_, id) in ids_by_label(&graph) {
        assert!(id.len() <= 200, "{} bytes", id.len());
    }
}

/// Issue 17, item 11: the report said Graphviz was not installed when `dot` failed. It draws
/// the 20,000-character name now, and when `dot` does fail it says so, with `dot`'s words.
#[test]
fn the_report_says_why_there_is_no_diagram() {
    let dir = tempfile::tempdir().unwrap();
    write_hostile(dir.path());
    if has_dot() {
        let output = run(dir.path(), &["build", "hostile.jsonl", "-o", "r.html"]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(stderr(&output), "", "no warning: the diagram is drawn");
        let html = fs::read_to_string(dir.path().join("r.html")).unwrap();
        assert!(html.contains("<svg"));
    }
    let failing =
        fake_dot("echo 'Warning: odd'; echo 'Error: <stdin>: syntax error in line 9' >&2; exit 1");
    let output = run_with_path(
        dir.path(),
        &["build", "hostile.jsonl", "-o", "r.html"],
        &path_first(failing.path()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let warning = stderr(&output);
    assert!(
        warning.contains(
            "the report has no diagram: dot failed: Error: <stdin>: syntax error in line 9;"
        ),
        "{warning}"
    );
    assert!(!warning.contains("not installed"), "{warning}");
    let html = fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(
        html.contains("The diagram could not be drawn: dot failed: Error: &lt;stdin&gt;: syntax error in line 9."),
        "{html}"
    );
    assert!(!html.contains(provgraph::export::html::NO_DIAGRAM));
    // Without any `dot`, the page says that the diagram needs Graphviz.
    let empty = tempfile::tempdir().unwrap();
    let output = run_with_path(
        dir.path(),
        &["build", "hostile.jsonl", "-o", "r.html"],
        empty.path(),
    );
    assert!(stderr(&output).contains("the Graphviz program dot is not installed"));
    let html = fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains(provgraph::export::html::NO_DIAGRAM));
}

/// Issue 17, item 10: `dot` had no time limit. A `dot` that never finishes is stopped at
/// `--dot-timeout`, with a message that names the flags, and nothing is written.
#[test]
fn dot_is_stopped_at_its_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    write_hostile(dir.path());
    let slow = fake_dot("exec sleep 60");
    let output = run_with_path(
        dir.path(),
        &[
            "render",
            "hostile.jsonl",
            "-o",
            "g.svg",
            "--dot-timeout",
            "1",
        ],
        &path_first(slow.path()),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "provgraph: cannot render: dot did not finish within 1 s; draw fewer sources \
         (--draw-max-nodes N), allow more time (--dot-timeout SECONDS, 0 for no limit), or write \
         --format dot and draw it yourself\n"
    );
    assert!(!dir.path().join("g.svg").exists());
}

/// Issue 17, item 10: 10,000 distinct publishers took `dot` minutes. A graph of more sources
/// than `--draw-max-nodes` is drawn as its relay core, and the picture and a warning say what
/// was left out.
#[test]
fn a_large_graph_is_drawn_as_its_relay_core() {
    let dir = tempfile::tempdir().unwrap();
    let agencies = [
        "Reuters",
        "TASS",
        "AFP",
        "Xinhua",
        "Interfax",
        "Bloomberg",
        "Kyodo",
    ];
    let records: Vec<(String, String, String)> = (0..300)
        .map(|i| {
            (
                format!("doc-{i}"),
                format!(
                    "The minister said plan {i} would work, according to {}.",
                    agencies[i % 7]
                ),
                format!("Outlet {i}"),
            )
        })
        .collect();
    let records: Vec<(&str, &str, &str)> = records
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    write_jsonl(dir.path(), "many.jsonl", &records);
    let seen = dir.path().join("seen.dot");
    let recorder = fake_dot(&format!("cat > '{}'; echo '<svg/>'", seen.display()));
    let output = run_with_path(
        dir.path(),
        &[
            "render",
            "many.jsonl",
            "-o",
            "g.svg",
            "--draw-max-nodes",
            "40",
        ],
        &path_first(recorder.path()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let warning = stderr(&output);
    assert!(
        warning.contains("warning: Relay core: the 40 of "),
        "{warning}"
    );
    assert!(
        warning.contains("--draw-max-nodes N draws more (40 now, 0 for all)"),
        "{warning}"
    );
    let dot = fs::read_to_string(&seen).unwrap();
    assert!(dot.contains("label=\"Relay core: the 40 of "), "{dot}");
    // 40 sources and the legend, each with its shape.
    assert_eq!(dot.matches("shape=").count(), 41, "{dot}");
    // The agencies relay most: all seven are drawn.
    for agency in agencies {
        assert!(
            dot.contains(&format!("label=\"{agency}")),
            "{agency} in {dot}"
        );
    }
    // 0 draws all.
    let output = run_with_path(
        dir.path(),
        &[
            "render",
            "many.jsonl",
            "-o",
            "g.svg",
            "--draw-max-nodes",
            "0",
        ],
        &path_first(recorder.path()),
    );
    assert_eq!(stderr(&output), "");
    assert!(!fs::read_to_string(&seen).unwrap().contains("Relay core"));
}

/// The pid of the first child process of `pid`, waiting up to 30 s for it.
fn first_child(pid: u32) -> u32 {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(30) {
        let path = format!("/proc/{pid}/task/{pid}/children");
        if let Some(child) = fs::read_to_string(path)
            .ok()
            .and_then(|text| text.split_whitespace().next()?.parse().ok())
        {
            return child;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{pid} started no child");
}

/// Whether `pid` is gone, or dead and waiting to be reaped (where nothing reaps orphans).
fn is_dead(pid: u32) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(10) {
        match fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => return true,
            Ok(stat)
                if stat
                    .rsplit(')')
                    .next()
                    .is_some_and(|s| s.trim_start().starts_with('Z')) =>
            {
                return true;
            }
            Ok(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    }
    false
}

/// Issue 17, item 8: SIGTERM or SIGINT sent to provgraph alone left `dot` running. Every
/// child dies with the run: on the signals the run catches, and on SIGKILL, which it cannot.
#[test]
fn dot_dies_with_the_run_whatever_signal_ends_it() {
    let dir = tempfile::tempdir().unwrap();
    write_hostile(dir.path());
    let slow = fake_dot("exec sleep 60");
    for signal in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP, libc::SIGKILL] {
        let run = command(dir.path(), &["render", "hostile.jsonl", "-o", "g.svg"])
            .env("PATH", path_first(slow.path()))
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let dot = first_child(run.id());
        let pid = libc::pid_t::try_from(run.id()).unwrap();
        // SAFETY: kill(2) with the pid of a child this test started and has not yet waited for.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let output = run.wait_with_output().unwrap();
        if signal != libc::SIGKILL {
            assert_eq!(output.status.code(), Some(130), "signal {signal}");
        }
        assert!(is_dead(dot), "dot {dot} outlived the run (signal {signal})");
        assert!(!dir.path().join("g.svg").exists());
    }
}

/// Issue 17, item 16: `chains`, `explain` and warnings printed ESC and BEL from the input to
/// the terminal. What is written for people shows them (and bidirectional overrides) as
/// `\u{..}` escapes; the JSON keeps them, escaped by JSON's rules.
#[test]
fn control_characters_from_the_input_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Evil\u{1b}]0;owned\u{7}\u{1b}[2J Corp\u{202e}";
    write_jsonl(
        dir.path(),
        "evil.jsonl",
        &[(
            "doc\u{1b}[31m",
            "Officials said the \u{1b}[5mplan\u{7} would work.\rFAKE",
            evil,
        )],
    );
    // A warning that names the input: an empty file.
    let empty_name = "empty\u{1b}[31m\u{7}.txt";
    fs::write(dir.path().join(empty_name), "").unwrap();
    for command in ["chains", "explain"] {
        let output = run(dir.path(), &[command, "evil.jsonl", empty_name]);
        assert!(output.status.success(), "{}", stderr(&output));
        for (what, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let raw: Vec<char> = text
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n' && c != '\t')
                        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                })
                .collect();
            assert!(raw.is_empty(), "{command} {what}: {raw:?} in {text}");
        }
        let out = String::from_utf8_lossy(&output.stdout);
        assert!(out.contains("doc\\u{1b}[31m"), "{command}: {out}");
        let err = stderr(&output);
        assert!(
            err.contains("empty\\u{1b}[31m\\u{7}.txt"),
            "{command}: {err}"
        );
    }
    let chains = run(dir.path(), &["chains", "evil.jsonl"]);
    let line = String::from_utf8(chains.stdout).unwrap();
    assert!(
        line.contains("Evil\\u{1b}]0;owned\\u{7}\\u{1b}[2J Corp\\u{202e}"),
        "{line}"
    );
    assert!(line.contains("\\u{1b}[5mplan\\u{7} would work"), "{line}");
    // The data keeps the name exactly.
    let graph = build_json(dir.path(), &["evil.jsonl"]);
    assert!(ids_by_label(&graph).iter().any(|(label, _)| label == evil));
}

/// Issue 18: Graphviz shrank a PNG too large for its bitmaps to 7% and said so only on its
/// standard error, which was dropped: the picture was shrunk silently. Its warning reaches the
/// user as ours, with the scale and what to do; any other warning of dot's is passed on.
#[test]
fn a_picture_that_graphviz_scaled_down_is_told() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "The minister said the plan would work, according to Reuters.",
    )
    .unwrap();
    let dot = fake_dot(
        "cat > /dev/null\n\
         echo 'Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.0727 to fit' >&2\n\
         echo 'Warning: some other trouble' >&2\n\
         printf 'PNG'",
    );
    let output = run_with_path(
        dir.path(),
        &["render", "a.txt", "-o", "g.png"],
        &path_first(dot.path()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "provgraph: warning: the picture is too large for Graphviz's bitmaps and was scaled to \
         7% of its size to fit, so its text may not be readable; write .svg or .pdf for the full \
         size, or draw fewer sources (--draw-max-nodes N)\n\
         provgraph: warning: Graphviz dot: Warning: some other trouble\n\
         provgraph: 2 warnings (2 other)\n"
    );
    assert_eq!(fs::read(dir.path().join("g.png")).unwrap(), b"PNG");
}
