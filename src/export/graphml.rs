//! The graph as GraphML, for networkx (`read_graphml`), yEd and Gephi.
//!
//! Every attribute has a declared, typed key. Nodes carry `label`, `kind`, `aliases`, `titles`
//! and `mentions`; edges `relation`, `weight` and `attributions`; the graph itself `schema`,
//! `generator`, `documents` and `attributions` (the evidence of the JSON contract). Lists
//! (`aliases`, `titles`, an edge's `attributions`) and the evidence are strings holding compact
//! JSON, since GraphML has no list type; `json.loads` gives them back exactly. Node and edge
//! graphics for yEd (`y:ShapeNode`, `y:PolyLineEdge`) show labels and the colours of kinds.
//!
//! Characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped from all text;
//! everything else comes back exactly through an XML parser.

use std::fmt::Write;

use super::json::{attributions_value, documents_value};
use super::style::kind_style;
use super::xml::{escape, json_list, json_text};
use crate::graph::{Edge, Node, ProvGraph};
use crate::model::Relation;

/// (key id, for, attr.name, attr.type), in the order they are declared.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_schema", "graph", "schema", "string"),
    ("g_generator", "graph", "generator", "string"),
    ("g_documents", "graph", "documents", "string"),
    ("g_attributions", "graph", "attributions", "string"),
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_titles", "node", "titles", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("e_relation", "edge", "relation", "string"),
    ("e_weight", "edge", "weight", "int"),
    ("e_attributions", "edge", "attributions", "string"),
];

/// The graph as a GraphML document, ending with a newline.
pub fn to_graphml(graph: &ProvGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xmlns:y=\"http://www.yworks.com/xml/graphml\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n",
    );
    for (id, target, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <key id=\"n_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    out.push_str("  <key id=\"e_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    out.push_str("  <graph id=\"provgraph\" edgedefault=\"directed\">\n");
    data(&mut out, 4, "g_schema", super::json::SCHEMA);
    data(&mut out, 4, "g_generator", crate::GENERATOR);
    data(
        &mut out,
        4,
        "g_documents",
        &json_text(&documents_value(graph)),
    );
    data(
        &mut out,
        4,
        "g_attributions",
        &json_text(&attributions_value(graph)),
    );
    for node in graph.nodes() {
        write_node(&mut out, node);
    }
    for (n, (source, target, edge)) in graph.edges().enumerate() {
        write_edge(&mut out, n, source, target, edge);
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Edge number `n`, with its data and its look for yEd.
fn write_edge(out: &mut String, n: usize, source: &Node, target: &Node, edge: &Edge) {
    let _ = writeln!(
        out,
        "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\">",
        escape(&source.id),
        escape(&target.id)
    );
    data(out, 6, "e_relation", edge.relation.as_str());
    data(out, 6, "e_weight", &edge.weight().to_string());
    data(out, 6, "e_attributions", &json_list(&edge.attributions));
    let line = if edge.relation == Relation::Published {
        "dashed"
    } else {
        "line"
    };
    let _ = writeln!(
        out,
        "      <data key=\"e_graphics\"><y:PolyLineEdge><y:LineStyle color=\"#555555\" \
         type=\"{line}\" width=\"{}\"/><y:Arrows source=\"none\" target=\"standard\"/>\
         <y:EdgeLabel>{}</y:EdgeLabel></y:PolyLineEdge></data>",
        edge.weight().min(6),
        escape(&format!("{} ×{}", edge.relation.as_str(), edge.weight()))
    );
    out.push_str("    </edge>\n");
}

fn write_node(out: &mut String, node: &Node) {
    let _ = writeln!(out, "    <node id=\"{}\">", escape(&node.id));
    data(out, 6, "n_label", &node.label);
    data(out, 6, "n_kind", node.kind.as_str());
    data(out, 6, "n_aliases", &json_list(&node.aliases));
    data(out, 6, "n_titles", &json_list(&node.titles));
    data(out, 6, "n_mentions", &node.mentions.to_string());
    let style = kind_style(node.kind);
    let _ = writeln!(
        out,
        "      <data key=\"n_graphics\"><y:ShapeNode><y:Fill color=\"{}\" transparent=\"false\"/><y:BorderStyle color=\"{}\" type=\"line\" \
         width=\"1.0\"/><y:NodeLabel>{}</y:NodeLabel><y:Shape type=\"{}\"/></y:ShapeNode></data>",
        style.fill,
        style.border,
        escape(&node.label),
        style.yed_shape
    );
    out.push_str("    </node>\n");
}

fn data(out: &mut String, indent: usize, key: &str, value: &str) {
    let _ = writeln!(
        out,
        "{:indent$}<data key=\"{key}\">{}</data>",
        "",
        escape(value)
    );
}
