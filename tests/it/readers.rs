//! The real readers of each format, run on our exports: networkx (JSON, GraphML, GEXF,
//! Cytoscape.js), the `prov` package (PROV-JSON, PROV-N) and Python's csv module (Neo4j, CSV),
//! through `readers.py`, which prints what each saw as canonical JSON.
//!
//! The interpreter is `$PROVGRAPH_PYTHON` (`.ci/run` points it at a virtual environment with
//! networkx and prov), else `python3`. A missing interpreter or module skips the test with what
//! to install (fails it under PROVGRAPH_REQUIRE_TOOLS=1, see `tools`); PROVGRAPH_SKIP_NETWORKX
//! (networkx formats) and PROVGRAPH_SKIP_PROV (PROV) skip on purpose.

use std::path::Path;
use std::process::Command;

use provgraph::ProvGraph;
use provgraph::export::to_json;
use serde_json::{Map, Value, json};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/readers.py");

/// The Python interpreter the tests use.
pub fn python() -> String {
    std::env::var("PROVGRAPH_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// The module a format's reader needs, and the variable that skips it.
fn needs(format: &str) -> Option<(&'static str, &'static str)> {
    match format {
        "json" | "graphml" | "gexf" | "cytoscape" => Some(("networkx", "PROVGRAPH_SKIP_NETWORKX")),
        "prov-json" | "prov-n" => Some(("prov", "PROVGRAPH_SKIP_PROV")),
        _ => None,
    }
}

/// What the real reader of `format` makes of the file or directory at `path`; `None` when the
/// reader is skipped on purpose.
pub fn read(format: &str, path: &Path) -> Option<Value> {
    let module = needs(format);
    if let Some((module, skip)) = module
        && std::env::var_os(skip).is_some()
    {
        eprintln!("skipped: {skip} is set, so {module} does not read {format}");
        return None;
    }
    let python = python();
    let output = match Command::new(&python)
        .arg(SCRIPT)
        .arg(format)
        .arg(path)
        .output()
    {
        Ok(output) => output,
        Err(err) => {
            crate::tools::missing(
                &format!("{python} ({err})"),
                "install Python 3, or set PROVGRAPH_PYTHON to an interpreter",
            );
            return None;
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if let Some((module, skip)) = module
        && stderr.contains(&format!("No module named '{module}'"))
    {
        crate::tools::missing(
            &format!("the Python module {module} (for {python})"),
            &format!(
                "`python3 -m venv /tmp/provgraph-venv && /tmp/provgraph-venv/bin/pip install networkx prov` and set PROVGRAPH_PYTHON=/tmp/provgraph-venv/bin/python; {skip}=1 skips on purpose"
            ),
        );
        return None;
    }
    assert!(
        output.status.success(),
        "the {format} reader failed on {}:\n{stderr}",
        path.display()
    );
    Some(serde_json::from_slice(&output.stdout).expect("readers.py prints JSON"))
}

/// Writes `text` to `name` in a new temporary directory and reads it with the real reader.
pub fn read_text(format: &str, name: &str, text: &str) -> Option<Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    read(format, &path)
}

/// Every string in `value`, passed through `clean`.
pub fn clean_strings(value: &Value, clean: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(text) => Value::String(clean(text)),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| clean_strings(v, clean)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (clean(k), clean_strings(v, clean)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// What a graph reader should see: the nodes, edges and evidence of `graph`, every string
/// passed through `clean` (what the format does to text).
pub fn expected_graph(graph: &ProvGraph, clean: &dyn Fn(&str) -> String) -> Value {
    let mut nodes = Map::new();
    for node in graph.nodes() {
        nodes.insert(
            clean(&node.id),
            json!({
                "label": clean(&node.label),
                "kind": node.kind.as_str(),
                "aliases": node.aliases.iter().map(|a| clean(a)).collect::<Vec<_>>(),
                "titles": node.titles.iter().map(|t| clean(t)).collect::<Vec<_>>(),
                "mentions": node.mentions,
            }),
        );
    }
    let mut edges: Vec<(String, String, &str, Value)> = graph
        .edges()
        .map(|(source, target, edge)| {
            (
                clean(&source.id),
                clean(&target.id),
                edge.relation.as_str(),
                json!({
                    "relation": edge.relation.as_str(),
                    "weight": edge.weight(),
                    "attributions": edge.attributions.iter().map(|a| clean(a)).collect::<Vec<_>>(),
                }),
            )
        })
        .collect();
    edges.sort_by(|a, b| (&a.0, &a.1, a.2).cmp(&(&b.0, &b.1, b.2)));
    let edges: Vec<Value> = edges
        .into_iter()
        .map(|(source, target, _, data)| json!([source, target, data]))
        .collect();
    let contract: Value = serde_json::from_str(&to_json(graph)).unwrap();
    json!({
        "nodes": nodes,
        "edges": edges,
        "graph": {
            "schema": "provgraph/1",
            "documents": clean_strings(&contract["graph"]["documents"], clean),
            "attributions": clean_strings(&contract["attributions"], clean),
        },
    })
}

/// Text as it is.
pub fn same(text: &str) -> String {
    text.to_string()
}

/// Text without the characters XML 1.0 forbids.
pub fn xml_clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect()
}

/// Asserts that two JSON values are equal, naming the first place where they differ.
pub fn assert_same(seen: &Value, expected: &Value, context: &str) {
    if let Some((path, a, b)) = first_difference(seen, expected, String::new()) {
        panic!("{context}: at {path}: the reader saw {a} but expected {b}");
    }
}

fn first_difference(a: &Value, b: &Value, path: String) -> Option<(String, String, String)> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                let (Some(u), Some(v)) = (x.get(key), y.get(key)) else {
                    return Some((
                        format!("{path}/{key:?}"),
                        short(x.get(key)),
                        short(y.get(key)),
                    ));
                };
                if let Some(found) = first_difference(u, v, format!("{path}/{key:?}")) {
                    return Some(found);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (u, v))| first_difference(u, v, format!("{path}/{i}"))),
        _ if a == b => None,
        _ => Some((path, short(Some(a)), short(Some(b)))),
    }
}

fn short(value: Option<&Value>) -> String {
    match value {
        None => "nothing".to_string(),
        Some(value) => {
            let text = value.to_string();
            match text.char_indices().nth(300) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None => text,
            }
        }
    }
}
