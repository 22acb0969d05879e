//! Hostile names and large graphs through the command line, as a user meets them: node ids that
//! must stay distinct, the text that reaches the terminal, what is handed to Graphviz and what
//! comes back from it (the picture and the HTML report), and the bounds on drawing.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// Runs the binary in `dir` with `args` and `env`, standard input empty.
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(BIN)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_env(dir, args, &[])
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
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
