//! The JSON document of schema `provgraph/1` (`shared/spec/json-output.md`): networkx's
//! node-link format plus the evidence behind every edge.
//!
//! The structs below *are* the contract, field by field and in order. Writing is deterministic
//! (the graph is already sorted; serde keeps field order): the same graph gives the same bytes.
//! Reading accepts any document of the same schema, ignores fields it does not know (the contract
//! only ever grows by adding fields) and recomputes the derived ones (`key`, `weight`, `chain`).

use std::collections::BTreeSet;
use std::fmt;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::graph::{Edge, Node, ProvGraph};
use crate::model::{Attribution, Document, Hop, Kind, Relation};
use crate::span::Span;

/// The value of `graph.schema`.
pub const SCHEMA: &str = "provgraph/1";

#[derive(Serialize, Deserialize)]
struct JsonGraph {
    directed: bool,
    multigraph: bool,
    graph: JsonMeta,
    nodes: Vec<JsonNode>,
    edges: Vec<JsonEdge>,
    attributions: Vec<JsonAttribution>,
}

#[derive(Serialize, Deserialize)]
struct JsonMeta {
    schema: String,
    #[serde(default)]
    generator: String,
    documents: Vec<JsonDocument>,
}

#[derive(Serialize, Deserialize)]
struct JsonDocument {
    id: String,
    path: Option<String>,
    title: Option<String>,
    publisher: Option<String>,
    publisher_mention: Option<Span>,
    bytes: usize,
}

#[derive(Serialize, Deserialize)]
struct JsonNode {
    id: String,
    label: String,
    kind: Kind,
    aliases: Vec<String>,
    titles: Vec<String>,
    mentions: usize,
}

#[derive(Serialize, Deserialize)]
struct JsonEdge {
    source: String,
    target: String,
    /// networkx's multigraph key: the relation, unique per (source, target).
    #[serde(default)]
    key: String,
    relation: Relation,
    #[serde(default)]
    weight: usize,
    attributions: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct JsonAttribution {
    id: String,
    document: String,
    span: Span,
    content: Option<Span>,
    direct: bool,
    /// The hops' nodes, for readers that do not need the evidence.
    #[serde(default)]
    chain: Vec<String>,
    hops: Vec<JsonHop>,
}

#[derive(Serialize, Deserialize)]
struct JsonHop {
    node: String,
    mention: Option<Span>,
    cue: Option<Span>,
    relation: Relation,
}

/// The graph as a `provgraph/1` JSON document: pretty-printed, two-space indent, final newline.
pub fn to_json(graph: &ProvGraph) -> String {
    let document = JsonGraph {
        directed: true,
        multigraph: true,
        graph: JsonMeta {
            schema: SCHEMA.to_string(),
            generator: crate::GENERATOR.to_string(),
            documents: graph.documents.iter().map(json_document).collect(),
        },
        nodes: graph.nodes().map(json_node).collect(),
        edges: graph
            .edges()
            .map(|(source, target, edge)| JsonEdge {
                source: source.id.clone(),
                target: target.id.clone(),
                key: edge.relation.as_str().to_string(),
                relation: edge.relation,
                weight: edge.weight(),
                attributions: edge.attributions.clone(),
            })
            .collect(),
        attributions: graph.attributions.iter().map(json_attribution).collect(),
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("plain structs with string keys serialize");
    text.push('\n');
    text
}

/// The `graph.documents` list of the contract, for formats that carry the evidence too.
pub(crate) fn documents_value(graph: &ProvGraph) -> serde_json::Value {
    let documents: Vec<JsonDocument> = graph.documents.iter().map(json_document).collect();
    serde_json::to_value(documents).expect("plain structs serialize")
}

/// The `attributions` list of the contract, for formats that carry the evidence too.
pub(crate) fn attributions_value(graph: &ProvGraph) -> serde_json::Value {
    let attributions: Vec<JsonAttribution> =
        graph.attributions.iter().map(json_attribution).collect();
    serde_json::to_value(attributions).expect("plain structs serialize")
}

/// Why a JSON document could not be read back into a graph.
#[derive(Debug)]
pub enum ReadError {
    /// Not JSON, or JSON of another shape.
    Syntax(serde_json::Error),
    /// `graph.schema` is not [`SCHEMA`].
    Schema(String),
    DuplicateNode(String),
    DuplicateEdge {
        source: String,
        target: String,
        relation: Relation,
    },
    /// An edge names a node that the document does not list.
    UnknownNode {
        source: String,
        target: String,
        node: String,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Syntax(err) => write!(f, "not a provgraph JSON document: {err}"),
            ReadError::Schema(schema) => {
                write!(f, "unsupported schema {schema:?}, expected {SCHEMA:?}")
            }
            ReadError::DuplicateNode(id) => write!(f, "node {id:?} is listed twice"),
            ReadError::DuplicateEdge {
                source,
                target,
                relation,
            } => write!(
                f,
                "edge {source:?} -> {target:?} ({}) is listed twice",
                relation.as_str()
            ),
            ReadError::UnknownNode {
                source,
                target,
                node,
            } => write!(
                f,
                "edge {source:?} -> {target:?} names the unknown node {node:?}"
            ),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Syntax(err) => Some(err),
            _ => None,
        }
    }
}

/// Reads a `provgraph/1` document (as written by [`to_json`]) back into a graph.
///
/// Nodes, edges, documents and attributions are sorted again, so the graph keeps the order
/// that [`ProvGraph`] promises; derived fields (`key`, `weight`, `chain`) are recomputed from
/// `relation`, `attributions` and `hops`.
pub fn from_json(text: &str) -> Result<ProvGraph, ReadError> {
    let mut document: JsonGraph = serde_json::from_str(text).map_err(ReadError::Syntax)?;
    if document.graph.schema != SCHEMA {
        return Err(ReadError::Schema(document.graph.schema));
    }

    document.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut graph = DiGraph::with_capacity(document.nodes.len(), document.edges.len());
    let mut index: FxHashMap<String, NodeIndex> = FxHashMap::default();
    for node in document.nodes {
        if index.contains_key(&node.id) {
            return Err(ReadError::DuplicateNode(node.id));
        }
        let id = node.id.clone();
        let node_index = graph.add_node(Node {
            id: node.id,
            label: node.label,
            kind: node.kind,
            aliases: node.aliases,
            titles: node.titles,
            mentions: node.mentions,
        });
        index.insert(id, node_index);
    }

    document.edges.sort_by(|a, b| {
        (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
    });
    let mut seen = BTreeSet::new();
    for edge in document.edges {
        let endpoint = |node: &String| {
            index
                .get(node)
                .copied()
                .ok_or_else(|| ReadError::UnknownNode {
                    source: edge.source.clone(),
                    target: edge.target.clone(),
                    node: node.clone(),
                })
        };
        let (source, target) = (endpoint(&edge.source)?, endpoint(&edge.target)?);
        if !seen.insert((source, target, edge.relation)) {
            return Err(ReadError::DuplicateEdge {
                source: edge.source,
                target: edge.target,
                relation: edge.relation,
            });
        }
        let mut attributions = edge.attributions;
        attributions.sort();
        attributions.dedup();
        graph.add_edge(
            source,
            target,
            Edge {
                relation: edge.relation,
                attributions,
            },
        );
    }

    let mut documents: Vec<Document> = document
        .graph
        .documents
        .into_iter()
        .map(|doc| Document {
            id: doc.id,
            path: doc.path,
            title: doc.title,
            publisher: doc.publisher,
            publisher_mention: doc.publisher_mention,
            bytes: doc.bytes,
        })
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));

    let mut attributions: Vec<Attribution> = document
        .attributions
        .into_iter()
        .map(|attribution| Attribution {
            id: attribution.id,
            document: attribution.document,
            span: attribution.span,
            content: attribution.content,
            direct: attribution.direct,
            hops: attribution
                .hops
                .into_iter()
                .map(|hop| Hop {
                    node: hop.node,
                    mention: hop.mention,
                    cue: hop.cue,
                    relation: hop.relation,
                })
                .collect(),
            rule: String::new(),
        })
        .collect();
    attributions.sort_by(|a, b| {
        (a.document.as_str(), a.span.start, a.span.end, a.id.as_str()).cmp(&(
            b.document.as_str(),
            b.span.start,
            b.span.end,
            b.id.as_str(),
        ))
    });

    Ok(ProvGraph {
        graph,
        documents,
        attributions,
    })
}

fn json_document(document: &Document) -> JsonDocument {
    JsonDocument {
        id: document.id.clone(),
        path: document.path.clone(),
        title: document.title.clone(),
        publisher: document.publisher.clone(),
        publisher_mention: document.publisher_mention,
        bytes: document.bytes,
    }
}

fn json_node(node: &Node) -> JsonNode {
    JsonNode {
        id: node.id.clone(),
        label: node.label.clone(),
        kind: node.kind,
        aliases: node.aliases.clone(),
        titles: node.titles.clone(),
        mentions: node.mentions,
    }
}

fn json_attribution(attribution: &Attribution) -> JsonAttribution {
    JsonAttribution {
        id: attribution.id.clone(),
        document: attribution.document.clone(),
        span: attribution.span,
        content: attribution.content,
        direct: attribution.direct,
        chain: attribution.chain().map(String::from).collect(),
        hops: attribution
            .hops
            .iter()
            .map(|hop| JsonHop {
                node: hop.node.clone(),
                mention: hop.mention,
                cue: hop.cue,
                relation: hop.relation,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_graph_is_a_complete_document() {
        let graph = crate::build_graph([]);
        let text = to_json(&graph);
        assert!(text.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["directed"], true);
        assert_eq!(value["multigraph"], true);
        assert_eq!(value["graph"]["schema"], SCHEMA);
        assert_eq!(value["graph"]["generator"], crate::GENERATOR);
        for list in ["nodes", "edges", "attributions"] {
            assert_eq!(value[list], serde_json::json!([]), "{list}");
        }
    }

    #[test]
    fn reading_rejects_another_schema() {
        let text = to_json(&crate::build_graph([])).replace(SCHEMA, "provgraph/2");
        let err = from_json(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"unsupported schema "provgraph/2", expected "provgraph/1""#
        );
    }

    #[test]
    fn reading_rejects_an_edge_to_an_unknown_node() {
        let text = r#"{"directed": true, "multigraph": true,
            "graph": {"schema": "provgraph/1", "documents": []},
            "nodes": [{"id": "a", "label": "A", "kind": "person", "aliases": [], "titles": [], "mentions": 1}],
            "edges": [{"source": "a", "target": "b", "relation": "said", "attributions": []}],
            "attributions": []}"#;
        let err = from_json(text).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"edge "a" -> "b" names the unknown node "b""#
        );
    }

    #[test]
    fn reading_rejects_a_duplicate_node() {
        let node = r#"{"id": "a", "label": "A", "kind": "person", "aliases": [], "titles": [], "mentions": 1}"#;
        let text = format!(
            r#"{{"directed": true, "multigraph": true,
            "graph": {{"schema": "provgraph/1", "documents": []}},
            "nodes": [{node}, {node}], "edges": [], "attributions": []}}"#
        );
        let err = from_json(&text).unwrap_err();
        assert_eq!(err.to_string(), r#"node "a" is listed twice"#);
    }

    #[test]
    fn reading_rejects_a_duplicate_edge() {
        let node = |id: &str| {
            format!(
                r#"{{"id": "{id}", "label": "{id}", "kind": "person", "aliases": [], "titles": [], "mentions": 1}}"#
            )
        };
        let edge =
            r#"{"source": "a", "target": "b", "relation": "quoted", "attributions": ["d#1"]}"#;
        let text = format!(
            r#"{{"directed": true, "multigraph": true,
            "graph": {{"schema": "provgraph/1", "documents": []}},
            "nodes": [{}, {}], "edges": [{edge}, {edge}], "attributions": []}}"#,
            node("a"),
            node("b")
        );
        let err = from_json(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"edge "a" -> "b" (quoted) is listed twice"#
        );
    }

    #[test]
    fn reading_rejects_text_that_is_not_json() {
        let err = from_json("digraph {}").unwrap_err();
        assert!(matches!(err, ReadError::Syntax(_)));
        assert!(
            err.to_string()
                .starts_with("not a provgraph JSON document: expected value"),
            "{err}"
        );
    }
}
