//! The graph as GEXF 1.3, for Gephi (and networkx's `read_gexf(path, version="1.3")`).
//!
//! Nodes carry their label, a colour and a shape by kind (`viz:color`, `viz:shape`) and the
//! attributes `kind`, `aliases`, `titles` and `mentions`; edges are directed, weighted by their
//! number of attributions, labelled and kinded with their relation (so that Gephi keeps parallel
//! edges of different relations apart), with the attributes `relation` and `attributions`.
//! Lists are strings holding compact JSON, as in the GraphML export.
//!
//! Characters that XML 1.0 forbids are dropped from all text; everything else is kept exactly.

use std::fmt::Write;

use super::style::{kind_style, rgb};
use super::xml::{escape, json_list};
use crate::graph::ProvGraph;

/// The graph as a GEXF 1.3 document, ending with a newline.
pub fn to_gexf(graph: &ProvGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>{}</creator>\n    <description>media-source provenance graph \
         ({})</description>\n  </meta>",
        escape(crate::GENERATOR),
        super::json::SCHEMA
    );
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    out.push_str("    <attributes class=\"node\" mode=\"static\">\n");
    for (id, ty) in [
        ("kind", "string"),
        ("aliases", "string"),
        ("titles", "string"),
        ("mentions", "integer"),
    ] {
        let _ = writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
        );
    }
    out.push_str("    </attributes>\n");
    out.push_str("    <attributes class=\"edge\" mode=\"static\">\n");
    out.push_str("      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n");
    out.push_str("      <attribute id=\"attributions\" title=\"attributions\" type=\"string\"/>\n");
    out.push_str("    </attributes>\n");

    write_nodes(&mut out, graph);
    write_edges(&mut out, graph);
    out.push_str("  </graph>\n</gexf>\n");
    out
}

/// The `<nodes>` element: each source with its attributes and its kind's look.
fn write_nodes(out: &mut String, graph: &ProvGraph) {
    out.push_str("    <nodes>\n");
    for node in graph.nodes() {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&node.id),
            escape(&node.label)
        );
        out.push_str("        <attvalues>\n");
        attvalue(out, "kind", node.kind.as_str());
        attvalue(out, "aliases", &json_list(&node.aliases));
        attvalue(out, "titles", &json_list(&node.titles));
        attvalue(out, "mentions", &node.mentions.to_string());
        out.push_str("        </attvalues>\n");
        let style = kind_style(node.kind);
        let (r, g, b) = rgb(style.border);
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        let size = 10 + 2 * node.mentions.min(20);
        let _ = writeln!(out, "        <viz:size value=\"{size}.0\"/>");
        let _ = writeln!(out, "        <viz:shape value=\"{}\"/>", style.gexf_shape);
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n");
}

/// The `<edges>` element: each edge with its relation and attributions.
fn write_edges(out: &mut String, graph: &ProvGraph) {
    out.push_str("    <edges>\n");
    for (n, (source, target, edge)) in graph.edges().enumerate() {
        let relation = edge.relation.as_str();
        let _ = writeln!(
            out,
            "      <edge id=\"{n}\" source=\"{}\" target=\"{}\" label=\"{relation}\" \
             kind=\"{relation}\" weight=\"{}\">",
            escape(&source.id),
            escape(&target.id),
            edge.weight()
        );
        out.push_str("        <attvalues>\n");
        attvalue(out, "relation", relation);
        attvalue(out, "attributions", &json_list(&edge.attributions));
        out.push_str("        </attvalues>\n");
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n");
}

fn attvalue(out: &mut String, id: &str, value: &str) {
    let _ = writeln!(
        out,
        "          <attvalue for=\"{id}\" value=\"{}\"/>",
        escape(value)
    );
}
