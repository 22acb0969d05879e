//! The graph as Cytoscape.js elements JSON (also what Cytoscape desktop imports as `.cyjs`, and
//! what networkx's `cytoscape_graph` reads).
//!
//! `elements.nodes[].data` has `id`, `label`, `kind`, `aliases`, `titles`, `mentions` and, for
//! networkx, `name` (the label) and `value` (the id); `classes` is the kind and `data.color` its
//! colour, for a stylesheet such as `node { background-color: data(color); label: data(label) }`.
//! `elements.edges[].data` has `id`, `source`, `target`, `key` and `relation` (the relation),
//! `weight` and `attributions`. The top-level `data` holds the schema, the generator, the
//! documents and the attributions of the JSON contract. Edge ids are `<source>-><target>:<relation>`,
//! made unique against the node ids, since Cytoscape.js has one namespace for both.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::json::{SCHEMA, attributions_value, documents_value};
use super::style::kind_style;
use crate::graph::{Edge, Node, ProvGraph};

/// The graph as Cytoscape.js JSON, pretty-printed, ending with a newline.
pub fn to_cytoscape(graph: &ProvGraph) -> String {
    let mut ids: BTreeSet<String> = graph.nodes().map(|node| node.id.clone()).collect();
    let nodes: Vec<Value> = graph.nodes().map(node_element).collect();
    let edges: Vec<Value> = graph
        .edges()
        .map(|(source, target, edge)| edge_element(source, target, edge, &mut ids))
        .collect();
    let document = json!({
        "format_version": "1.0",
        "generated_by": crate::GENERATOR,
        "target_cytoscapejs_version": "~3",
        "directed": true,
        "multigraph": true,
        "data": {
            "schema": SCHEMA,
            "generator": crate::GENERATOR,
            "documents": documents_value(graph),
            "attributions": attributions_value(graph),
        },
        "elements": {"nodes": nodes, "edges": edges},
    });
    let mut text = serde_json::to_string_pretty(&document).expect("JSON values serialize");
    text.push('\n');
    text
}

/// A node's element: its data, and its kind as its class.
fn node_element(node: &Node) -> Value {
    json!({
        "data": {
            "id": node.id,
            "label": node.label,
            "kind": node.kind.as_str(),
            "aliases": node.aliases,
            "titles": node.titles,
            "mentions": node.mentions,
            "color": kind_style(node.kind).fill,
            "border": kind_style(node.kind).border,
            "name": node.label,
            "value": node.id,
        },
        "classes": node.kind.as_str(),
    })
}

/// An edge's element, its id `source->target:relation` made unique among `ids` (which it joins).
fn edge_element(source: &Node, target: &Node, edge: &Edge, ids: &mut BTreeSet<String>) -> Value {
    let relation = edge.relation.as_str();
    let natural = format!("{}->{}:{relation}", source.id, target.id);
    let mut id = natural.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{natural}#{n}");
        n += 1;
    }
    json!({
        "data": {
            "id": id,
            "source": source.id,
            "target": target.id,
            "key": relation,
            "relation": relation,
            "weight": edge.weight(),
            "attributions": edge.attributions,
        },
        "classes": relation,
    })
}
