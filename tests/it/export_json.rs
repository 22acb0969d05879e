//! The JSON export against its contract, `shared/spec/json-output.md`: shape, order,
//! determinism, reading back, and networkx.

use std::process::Command;

use provgraph::export::{from_json, to_json};
use provgraph::{Kind, ProvGraph, build_graph};
use serde_json::{Value, json};

use crate::fixtures;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the export is JSON")
}

fn find<'a>(list: &'a Value, key: &str, value: &str) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|item| item[key] == value)
        .unwrap_or_else(|| panic!("no item with {key} = {value:?} in {list}"))
}

/// Checks that `keys` come in this order in the JSON object that starts at `anchor` in `text`.
fn assert_keys_in_order(text: &str, anchor: &str, keys: &[&str]) {
    let start = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} in output"));
    let mut at = start;
    for key in keys {
        let quoted = format!("\"{key}\":");
        let offset = text[at..]
            .find(&quoted)
            .unwrap_or_else(|| panic!("{key} after {anchor} in the right order"));
        at += offset + quoted.len();
    }
}

#[test]
fn fields_match_the_spec_example_one_by_one() {
    let graph = build_graph([&fixtures::biden_putin()]);
    let text = to_json(&graph);
    let value = parse(&text);

    assert_eq!(value["directed"], json!(true));
    assert_eq!(value["multigraph"], json!(true));
    assert_eq!(value["graph"]["schema"], "provgraph/1");
    assert_eq!(
        value["graph"]["generator"],
        format!("provgraph {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(
        value["graph"]["documents"],
        json!([
            {"id": "biden-putin-video-call", "path": "articles/biden-putin-video-call.txt",
             "title": "The Biden-Putin Video Meeting: Two Hours of Mutual Warnings",
             "publisher": "clubz", "publisher_mention": [5921, 5926], "bytes": 5999}
        ])
    );
    assert_eq!(
        *find(&value["nodes"], "id", "jake-sullivan"),
        json!({"id": "jake-sullivan", "label": "Jake Sullivan", "kind": "person",
               "aliases": ["Sullivan", "US National Security Adviser Jake Sullivan", "the adviser"],
               "titles": ["US National Security Adviser"], "mentions": 9,
               "label_counts": {"Jake Sullivan": 1}, "kind_counts": {"person": 1}})
    );
    assert_eq!(
        *find(&value["edges"], "source", "jake-sullivan"),
        json!({"source": "jake-sullivan", "target": "reuters", "key": "reported",
               "relation": "reported", "weight": 1,
               "attributions": ["biden-putin-video-call#14"]})
    );
    assert_eq!(
        *find(&value["attributions"], "id", "biden-putin-video-call#14"),
        json!({"id": "biden-putin-video-call#14", "document": "biden-putin-video-call",
        "span": [2480, 2682], "content": [2520, 2660], "direct": false,
        "chain": ["jake-sullivan", "reuters"],
        "hops": [
          {"node": "jake-sullivan", "mention": [2480, 2519], "cue": [2520, 2524], "relation": "said"},
          {"node": "reuters", "mention": [2662, 2669], "cue": [2670, 2678], "relation": "reported"}
        ]})
    );

    // The order of fields is the spec's too.
    assert_keys_in_order(
        &text,
        "{",
        &[
            "directed",
            "multigraph",
            "graph",
            "schema",
            "generator",
            "documents",
            "nodes",
            "edges",
            "attributions",
        ],
    );
    assert_keys_in_order(
        &text,
        "\"id\": \"biden-putin-video-call\"",
        &["path", "title", "publisher", "publisher_mention", "bytes"],
    );
    assert_keys_in_order(
        &text,
        "\"id\": \"jake-sullivan\"",
        &[
            "label",
            "kind",
            "aliases",
            "titles",
            "mentions",
            "label_counts",
            "kind_counts",
        ],
    );
    assert_keys_in_order(
        &text,
        "\"source\": \"jake-sullivan\"",
        &["target", "key", "relation", "weight", "attributions"],
    );
    assert_keys_in_order(
        &text,
        "\"id\": \"biden-putin-video-call#14\"",
        &[
            "document", "span", "content", "direct", "chain", "hops", "node", "mention", "cue",
            "relation",
        ],
    );
}

#[test]
fn nodes_edges_and_attributions_are_all_there_and_sorted() {
    let value = parse(&to_json(&fixtures::graph()));
    let ids = |list: &str, key: &str| -> Vec<String> {
        value[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item[key].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids("nodes", "id"),
        [
            "clubz",
            "jake-sullivan",
            "kremlin-press-service",
            "nato-allies",
            "reuters",
            "tass",
            "vladimir-putin",
            "western-officials"
        ]
    );
    let edges: Vec<(String, String, String, u64)> = value["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| {
            (
                edge["source"].as_str().unwrap().to_string(),
                edge["target"].as_str().unwrap().to_string(),
                edge["key"].as_str().unwrap().to_string(),
                edge["weight"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("jake-sullivan", "reuters", "reported", 1),
        ("kremlin-press-service", "tass", "quoted", 2),
        ("nato-allies", "clubz", "published", 1),
        ("reuters", "clubz", "published", 1),
        ("tass", "clubz", "published", 2),
        ("vladimir-putin", "kremlin-press-service", "reported", 2),
        ("western-officials", "nato-allies", "according_to", 1),
    ]
    .map(|(s, t, k, w)| (s.to_string(), t.to_string(), k.to_string(), w));
    assert_eq!(edges, expected);
    assert_eq!(
        ids("attributions", "id"),
        [
            "biden-putin-video-call#3",
            "biden-putin-video-call#14",
            "relay#2",
            "relay#1"
        ],
        "sorted by document, then span"
    );
    let tass = find(&value["edges"], "key", "quoted");
    assert_eq!(
        tass["attributions"],
        json!(["biden-putin-video-call#3", "relay#1"])
    );
    // `rule` is for debugging, not part of the contract.
    assert!(value["attributions"][0].get("rule").is_none());
}

#[test]
fn output_is_pretty_printed_with_two_spaces_and_a_final_newline() {
    let text = to_json(&fixtures::graph());
    assert!(
        text.starts_with("{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {\n    \"schema\": \"provgraph/1\",\n"),
        "{text}"
    );
    assert!(text.ends_with("\n}\n"));
    assert!(!text.contains('\t'));
}

#[test]
fn output_is_the_same_bytes_whatever_the_order_of_documents() {
    let (a, b) = (fixtures::biden_putin(), fixtures::relay());
    let one = to_json(&build_graph([&a, &b]));
    let two = to_json(&build_graph([&b, &a]));
    assert_eq!(one, two);
    assert_eq!(one, to_json(&build_graph([&a, &b])));
}

fn summary(graph: &ProvGraph) -> (Vec<provgraph::graph::Node>, Vec<(String, String, String)>) {
    let nodes = graph.nodes().cloned().collect();
    let edges = graph
        .edges()
        .map(|(s, t, e)| (s.id.clone(), t.id.clone(), format!("{e:?}")))
        .collect();
    (nodes, edges)
}

#[test]
fn reading_back_gives_the_same_graph_and_the_same_bytes() {
    let graph = fixtures::graph();
    let text = to_json(&graph);
    let read = from_json(&text).expect("our own output reads back");
    assert_eq!(to_json(&read), text);
    assert_eq!(summary(&read), summary(&graph));
    assert_eq!(read.documents, graph.documents);
    let hops =
        |g: &ProvGraph| -> Vec<_> { g.attributions.iter().map(|a| a.hops.clone()).collect() };
    assert_eq!(hops(&read), hops(&graph));
    // Reading back rebuilt petgraph's indices: neighbours work.
    let tass = read
        .graph
        .node_indices()
        .find(|&index| read.graph[index].id == "tass")
        .unwrap();
    let into_tass: Vec<&str> = read
        .graph
        .neighbors_directed(tass, petgraph::Direction::Incoming)
        .map(|index| read.graph[index].id.as_str())
        .collect();
    assert_eq!(into_tass, ["kremlin-press-service"]);
}

#[test]
fn reading_back_keeps_non_ascii_quotes_and_emoji() {
    let mut analysis = fixtures::biden_putin();
    analysis.entities.push(fixtures::entity(
        "zz",
        "Агенция \"Фокус\" \\ 📰\nline two",
        Kind::Outlet,
    ));
    let graph = build_graph([&analysis]);
    let read = from_json(&to_json(&graph)).unwrap();
    assert_eq!(
        read.node("zz").unwrap().label,
        "Агенция \"Фокус\" \\ 📰\nline two"
    );
}

#[test]
fn reading_back_sorts_what_a_hand_edited_document_left_unsorted() {
    let text = r#"{"directed": true, "multigraph": true,
        "graph": {"schema": "provgraph/1", "documents": [], "future_field": 1},
        "nodes": [
          {"id": "b", "label": "B", "kind": "outlet", "aliases": [], "titles": [], "mentions": 1},
          {"id": "a", "label": "A", "kind": "person", "aliases": [], "titles": [], "mentions": 2}
        ],
        "edges": [{"source": "a", "target": "b", "relation": "reported", "attributions": ["d#2", "d#1"]}],
        "attributions": []}"#;
    let graph = from_json(text).unwrap();
    let ids: Vec<&str> = graph.nodes().map(|node| node.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let value = parse(&to_json(&graph));
    assert_eq!(
        value["edges"][0],
        json!({"source": "a", "target": "b", "key": "reported", "relation": "reported",
               "weight": 2, "attributions": ["d#1", "d#2"]})
    );
}

#[test]
fn networkx_reads_the_same_numbers_of_nodes_and_edges() {
    if std::env::var_os("PROVGRAPH_SKIP_NETWORKX").is_some() {
        eprintln!("skipped: PROVGRAPH_SKIP_NETWORKX is set");
        return;
    }
    let graph = fixtures::graph();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    std::fs::write(&path, to_json(&graph)).unwrap();
    let script = "\
import json, sys
import networkx as nx
with open(sys.argv[1], encoding='utf-8') as f:
    data = json.load(f)
g = nx.node_link_graph(data, edges='edges')
assert g.is_directed() and g.is_multigraph()
print(g.number_of_nodes(), g.number_of_edges())
print(g.graph['schema'])
print(g.nodes['jake-sullivan']['label'])
print(g.edges['tass', 'clubz', 'published']['weight'])
";
    let python = crate::readers::python();
    let output = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap_or_else(|err| panic!("cannot run {python} ({err})"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("No module named 'networkx'") {
        crate::tools::missing(
            &format!("the Python module networkx (for {python})"),
            "pip install networkx in a virtual environment and set PROVGRAPH_PYTHON to its python",
        );
        return;
    }
    assert!(output.status.success(), "{python} failed: {stderr}");
    let expected = format!(
        "{} {}\nprovgraph/1\nJake Sullivan\n2\n",
        graph.nodes().count(),
        graph.edges().count()
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
}

#[test]
fn snapshot() {
    // The version is left out, so that releasing does not change the snapshot.
    let text = to_json(&fixtures::graph()).replace(provgraph::GENERATOR, "provgraph [version]");
    insta::assert_snapshot!("biden_putin_and_relay", text);
}
