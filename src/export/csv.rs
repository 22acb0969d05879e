//! The graph as a flat CSV edge list for spreadsheets: one row per edge with the columns
//! `source`, `target` (the labels), `relation`, `weight`, `documents` (the ids of the documents
//! behind the edge, joined with `; `), then `source_id`, `target_id` and `attributions` (joined
//! with `; `) for joining with other exports.
//!
//! RFC 4180: comma-separated, CRLF line ends, a field in double quotes (a quote doubled) when it
//! holds a comma, quote, line break or leading or trailing space. A text field that a
//! spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, tab or carriage
//! return) gets a leading `'`, which spreadsheets hide; every other text is kept exactly.

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::ProvGraph;

/// The header row: the columns the module header describes, in order.
const HEADER: &str = "source,target,relation,weight,documents,source_id,target_id,attributions\r\n";

/// The graph as a CSV edge list with a header row.
pub fn to_csv(graph: &ProvGraph) -> String {
    let document_of: BTreeMap<&str, &str> = graph
        .attributions
        .iter()
        .map(|attribution| (attribution.id.as_str(), attribution.document.as_str()))
        .collect();
    let mut out = String::from(HEADER);
    for (source, target, edge) in graph.edges() {
        let documents: BTreeSet<&str> = edge
            .attributions
            .iter()
            .filter_map(|id| document_of.get(id.as_str()).copied())
            .collect();
        let fields = [
            text_field(&source.label),
            text_field(&target.label),
            edge.relation.as_str().to_string(),
            edge.weight().to_string(),
            text_field(&documents.into_iter().collect::<Vec<_>>().join("; ")),
            text_field(&source.id),
            text_field(&target.id),
            text_field(&edge.attributions.join("; ")),
        ];
        out.push_str(&row(fields.into_iter()));
    }
    out
}

/// Text that a spreadsheet shows as text: formula starts get a leading `'`.
pub(crate) fn text_field(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn row(fields: impl Iterator<Item = String>) -> String {
    let mut line = fields.map(|f| quote(&f)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// A CSV field, in double quotes when it needs them.
pub(crate) fn quote(field: &str) -> String {
    let needs =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(" padded"), "\" padded\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(text_field("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_field("-1"), "'-1");
        assert_eq!(text_field("@sum"), "'@sum");
        assert_eq!(text_field("Jake Sullivan"), "Jake Sullivan");
    }
}
