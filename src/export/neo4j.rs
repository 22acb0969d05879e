//! The graph as CSV files for `neo4j-admin database import full`: `nodes.csv` and
//! `relationships.csv`, with typed headers.
//!
//! ```text
//! nodes.csv:          id:ID,:LABEL,label,kind,aliases:string[],titles:string[],mentions:int
//! relationships.csv:  :START_ID,:END_ID,:TYPE,relation,weight:int,attributions:string[]
//! ```
//!
//! `:LABEL` is the kind (`Person`, `Organization`, `Outlet`, `Group`, `Unnamed`) and `:TYPE` the
//! relation in upper case (`SAID`, `REPORTED`, ..., `PUBLISHED`). Text fields are always in double
//! quotes (a quote doubled), so commas, quotes, backslashes and line breaks stay as they are.
//! Arrays are joined with U+001F (the unit separator), which no name contains, since `;`, the
//! default, often appears in text; U+001F is dropped from array elements. Import with:
//!
//! ```text
//! neo4j-admin database import full --nodes=Source=nodes.csv \
//!     --relationships=relationships.csv --array-delimiter=U+001F --multiline-fields=true
//! ```

use crate::graph::ProvGraph;
use crate::model::Kind;

/// The array delimiter: U+001F.
pub const ARRAY_DELIMITER: char = '\u{1f}';

pub const NODES_FILE: &str = "nodes.csv";
pub const RELATIONSHIPS_FILE: &str = "relationships.csv";

pub const NODES_HEADER: &str =
    "id:ID,:LABEL,label,kind,aliases:string[],titles:string[],mentions:int";
pub const RELATIONSHIPS_HEADER: &str =
    ":START_ID,:END_ID,:TYPE,relation,weight:int,attributions:string[]";

/// The Neo4j label of a kind.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "Person",
        Kind::Organization => "Organization",
        Kind::Outlet => "Outlet",
        Kind::Group => "Group",
        Kind::Unnamed => "Unnamed",
    }
}

/// The files of the import, as (file name, contents): `nodes.csv`, then `relationships.csv`.
pub fn to_neo4j(graph: &ProvGraph) -> Vec<(&'static str, String)> {
    let mut nodes = format!("{NODES_HEADER}\n");
    for node in graph.nodes() {
        let fields = [
            text(&node.id),
            kind_label(node.kind).to_string(),
            text(&node.label),
            text(node.kind.as_str()),
            array(&node.aliases),
            array(&node.titles),
            node.mentions.to_string(),
        ];
        nodes.push_str(&fields.join(","));
        nodes.push('\n');
    }
    let mut relationships = format!("{RELATIONSHIPS_HEADER}\n");
    for (source, target, edge) in graph.edges() {
        let fields = [
            text(&source.id),
            text(&target.id),
            edge.relation.as_str().to_ascii_uppercase(),
            text(edge.relation.as_str()),
            edge.weight().to_string(),
            array(&edge.attributions),
        ];
        relationships.push_str(&fields.join(","));
        relationships.push('\n');
    }
    vec![(NODES_FILE, nodes), (RELATIONSHIPS_FILE, relationships)]
}

/// A text field, always quoted.
fn text(value: &str) -> String {
    format!("\"{}\"", value.replace('"', "\"\""))
}

/// An array field: its elements joined with U+001F, quoted.
fn array(items: &[String]) -> String {
    let joined: Vec<String> = items
        .iter()
        .map(|item| item.replace(ARRAY_DELIMITER, ""))
        .collect();
    text(&joined.join(&ARRAY_DELIMITER.to_string()))
}
