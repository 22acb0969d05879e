//! The graph as Cypher for `cypher-shell -f graph.cypher`: idempotent statements, so that running
//! the file again (or after another run's file) updates the database instead of duplicating it.
//!
//! A uniqueness constraint on `Source.id`; one `MERGE` per node on its id, which sets its
//! properties and its kind label (removing the other kind labels); one `MERGE` per edge between
//! its nodes with the relation as type (`REPORTED`, ...), which sets `relation`, `weight` and
//! `attributions`. Strings are single-quoted with Cypher's escapes, so any text is safe.

use std::fmt::Write;

use super::neo4j::kind_label;
use crate::graph::ProvGraph;
use crate::model::Kind;

/// The graph as a Cypher script, one statement per line, each ending with `;`.
pub fn to_cypher(graph: &ProvGraph) -> String {
    let mut out = format!(
        "// {}: the media-source provenance graph. Run with: cypher-shell -f FILE\n",
        crate::GENERATOR
    );
    out.push_str(
        "CREATE CONSTRAINT provgraph_source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;\n",
    );
    let all_labels: Vec<&str> = Kind::ALL.iter().map(|&kind| kind_label(kind)).collect();
    for node in graph.nodes() {
        let _ = writeln!(
            out,
            "MERGE (s:Source {{id: {}}}) REMOVE s:{} SET s:{}, s.label = {}, s.kind = {}, \
             s.aliases = {}, s.titles = {}, s.mentions = {};",
            string(&node.id),
            all_labels.join(":"),
            kind_label(node.kind),
            string(&node.label),
            string(node.kind.as_str()),
            list(&node.aliases),
            list(&node.titles),
            node.mentions
        );
    }
    for (source, target, edge) in graph.edges() {
        let _ = writeln!(
            out,
            "MATCH (a:Source {{id: {}}}), (b:Source {{id: {}}}) MERGE (a)-[r:{}]->(b) \
             SET r.relation = {}, r.weight = {}, r.attributions = {};",
            string(&source.id),
            string(&target.id),
            edge.relation.as_str().to_ascii_uppercase(),
            string(edge.relation.as_str()),
            edge.weight(),
            list(&edge.attributions)
        );
    }
    out
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| string(item)).collect();
    format!("[{}]", items.join(", "))
}

/// A single-quoted Cypher string: `\\`, `\'`, `\"`, `\n`, `\r`, `\t`, `\b`, `\f`, and `\uXXXX` for
/// other control characters.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_single_quoted_with_escapes() {
        assert_eq!(string("O'Neil"), r"'O\'Neil'");
        assert_eq!(string(r#"a\b "c""#), r#"'a\\b \"c\"'"#);
        assert_eq!(string("x\ny\0"), r"'x\ny\u0000'");
        assert_eq!(string("🙂 Путин"), "'🙂 Путин'");
    }
}
