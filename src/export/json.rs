//! The JSON document of schema `provgraph/1` (`shared/spec/json-output.md`): networkx's
//! node-link format plus the evidence behind every edge.
//!
//! The structs below *are* the contract, field by field and in order. Writing is deterministic
//! (the graph is already sorted; serde keeps field order): the same graph gives the same bytes.
//! Reading accepts any document of the same schema, ignores fields it does not know (the contract
//! only ever grows by adding fields) and recomputes the derived ones (`key`, `weight`, `chain`).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::graph::{Edge, Node, ProvGraph};
use crate::model::{Attribution, Document, Hop, Kind, Relation};
use crate::span::Span;

use super::pretty::{Pretty, Values};

/// The value of `graph.schema`.
pub const SCHEMA: &str = "provgraph/1";

/// The document. Its lists are type parameters: `Vec`s when reading, and [`Each`] (a list
/// made on the fly from the graph) when writing, so that a large graph is not copied to be written.
#[derive(Serialize, Deserialize)]
struct JsonGraph<Documents, Nodes, Edges, Attributions> {
    directed: bool,
    multigraph: bool,
    graph: JsonMeta<Documents>,
    nodes: Nodes,
    edges: Edges,
    attributions: Attributions,
}

/// What [`from_json`] reads.
type JsonGraphIn = JsonGraph<
    Vec<JsonDocument<'static>>,
    Vec<JsonNode<'static>>,
    Vec<JsonEdge<'static>>,
    Vec<JsonAttribution<'static>>,
>;

#[derive(Serialize, Deserialize)]
struct JsonMeta<Documents> {
    schema: String,
    #[serde(default)]
    generator: String,
    documents: Documents,
}

#[derive(Serialize, Deserialize)]
struct JsonDocument<'a> {
    id: Cow<'a, str>,
    path: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    publisher: Option<Cow<'a, str>>,
    publisher_mention: Option<Span>,
    bytes: usize,
}

#[derive(Serialize, Deserialize)]
struct JsonNode<'a> {
    id: Cow<'a, str>,
    label: Cow<'a, str>,
    kind: Kind,
    aliases: Cow<'a, [String]>,
    titles: Cow<'a, [String]>,
    mentions: usize,
    /// How many documents' entities had each label and kind: what `label` and `kind` were
    /// chosen from, so that `provgraph merge` can merge graphs exactly. Absent in older files.
    #[serde(default)]
    label_counts: Option<Cow<'a, BTreeMap<String, usize>>>,
    #[serde(default)]
    kind_counts: Option<Cow<'a, BTreeMap<Kind, usize>>>,
}

#[derive(Serialize, Deserialize)]
struct JsonEdge<'a> {
    source: Cow<'a, str>,
    target: Cow<'a, str>,
    /// networkx's multigraph key: the relation, unique per (source, target).
    #[serde(default)]
    key: Cow<'a, str>,
    relation: Relation,
    #[serde(default)]
    weight: usize,
    attributions: Cow<'a, [String]>,
}

#[derive(Serialize, Deserialize)]
struct JsonAttribution<'a> {
    id: Cow<'a, str>,
    document: Cow<'a, str>,
    span: Span,
    content: Option<Span>,
    direct: bool,
    /// The hops' nodes, for readers that do not need the evidence.
    #[serde(default)]
    chain: Vec<Cow<'a, str>>,
    hops: Vec<JsonHop<'a>>,
}

#[derive(Serialize, Deserialize)]
struct JsonHop<'a> {
    node: Cow<'a, str>,
    mention: Option<Span>,
    cue: Option<Span>,
    relation: Relation,
}

/// A list written as it is made: `Each(|| items)` serializes the items the closure yields.
#[cfg(test)]
struct Each<F>(F);

#[cfg(test)]
impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// The graph as a `provgraph/1` JSON document: the outer objects indented by two spaces a level,
/// each document, node, edge and attribution on one line of its own, a final newline.
pub fn to_json(graph: &ProvGraph) -> String {
    let mut bytes = Vec::new();
    write_json(graph, &mut bytes).expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("the writer writes UTF-8")
}

/// Writes what [`to_json`] returns to `out`, as it goes, in pieces of some 64 KiB.
///
/// The bytes are those that serde_json writes for the structs above with the layout's formatter
/// (a test holds the two together), written by hand: that is several times faster, and this is
/// the largest output.
pub fn write_json(graph: &ProvGraph, out: impl io::Write) -> io::Result<()> {
    write_json_graph(graph, None, out)
}

/// The `attributions` list of a graph's JSON document, formatted a document at a time ahead of
/// the rest: `build` formats each document's as it comes, while they are still in the cache
/// (and with several threads, while the next documents are analysed), instead of all of them
/// after the last document. Memory: the formatted records, about as much as the attributions
/// themselves.
#[derive(Default)]
pub struct AttributionRecords {
    /// Document id → where its records are: (block, start, end).
    by_document: FxHashMap<String, (usize, usize, usize)>,
    /// The records, each after its separator, a document's together, formatted in place into
    /// blocks of about [`RECORD_BLOCK`] bytes: no copy and no allocation per document.
    blocks: Vec<Values>,
}

/// The size of a block of [`AttributionRecords`].
const RECORD_BLOCK: usize = 1 << 20;

impl AttributionRecords {
    /// Formats the attributions of `document`, in the graph's order (see
    /// [`crate::graph::sort_document_attributions`]). A document added again replaces its
    /// records.
    pub fn add(&mut self, document: String, mut attributions: Vec<Attribution>) {
        crate::graph::sort_document_attributions(&mut attributions);
        // A new block when the last is nearly full; a document whose records do not fit
        // grows the block (rare: records of a document are some kilobytes).
        let full = |block: &Values| block.as_bytes().len() >= RECORD_BLOCK - RECORD_BLOCK / 8;
        if self.blocks.last().is_none_or(full) {
            self.blocks.push(Values::with_capacity(RECORD_BLOCK));
        }
        let b = self.blocks.len() - 1;
        let block = &mut self.blocks[b];
        let start = block.as_bytes().len();
        for attribution in &attributions {
            block.next_member(2);
            write_attribution(block, attribution);
        }
        let end = block.as_bytes().len();
        self.by_document.insert(document, (b, start, end));
    }

    /// The records of `document`, if it was added.
    fn of(&self, document: &str) -> Option<&[u8]> {
        let &(b, start, end) = self.by_document.get(document)?;
        Some(&self.blocks[b].as_bytes()[start..end])
    }
}

/// [`write_json`] of `graph` with `records` as its attributions: `graph` is one whose
/// attributions were kept apart ([`crate::GraphBuilder::add_analysis_detached`]) and formatted
/// into `records` instead, and the bytes are those [`write_json`] writes for the graph with
/// them. Records of documents the graph does not list are left out. A graph that also lists
/// attributions of its own (one built with [`crate::GraphBuilder::add_analysis`] as well) has
/// them written before the records, which is then not the graph's order: keep the two apart.
pub fn write_json_with(
    graph: &ProvGraph,
    records: &AttributionRecords,
    out: impl io::Write,
) -> io::Result<()> {
    write_json_graph(graph, Some(records), out)
}

fn write_json_graph(
    graph: &ProvGraph,
    records: Option<&AttributionRecords>,
    out: impl io::Write,
) -> io::Result<()> {
    let mut out = Pretty::new(out);
    out.raw(b"{");
    out.key(1, true, "directed");
    out.bool(true);
    out.key(1, false, "multigraph");
    out.bool(true);
    out.key(1, false, "graph");
    out.raw(b"{");
    out.key(2, true, "schema");
    out.str(SCHEMA);
    out.key(2, false, "generator");
    out.str(crate::GENERATOR);
    out.key(2, false, "documents");
    out.records(2, &graph.documents, write_document)?;
    out.close(1, b'}');
    out.key(1, false, "nodes");
    // The next largest list: two threads format it too.
    let nodes = graph.graph.raw_nodes();
    out.records_in_parallel(1, nodes, |out, node| write_node(out, &node.weight))?;
    out.key(1, false, "edges");
    out.records(1, graph.edges(), write_edge)?;
    out.key(1, false, "attributions");
    match records {
        // The largest list by far: two threads format it.
        None => out.records_in_parallel(1, &graph.attributions, write_attribution)?,
        Some(records) => {
            let mut listed = Values::default();
            for attribution in &graph.attributions {
                listed.next_member(2);
                write_attribution(&mut listed, attribution);
            }
            let formatted = graph
                .documents
                .iter()
                .filter_map(|document| records.of(&document.id));
            out.formatted_records(1, std::iter::once(listed.as_bytes()).chain(formatted))?;
        }
    }
    out.close(0, b'}');
    out.raw(b"\n");
    out.finish()
}

/// [`JsonDocument`], on one line.
fn write_document(out: &mut Values, document: &Document) {
    out.raw(b"{");
    out.field(true, "id");
    out.str(&document.id);
    out.field(false, "path");
    out.opt_str(document.path.as_deref());
    out.field(false, "title");
    out.opt_str(document.title.as_deref());
    out.field(false, "publisher");
    out.opt_str(document.publisher.as_deref());
    out.field(false, "publisher_mention");
    write_opt_span(out, document.publisher_mention);
    out.field(false, "bytes");
    out.usize(document.bytes);
    out.raw(b"}");
}

/// [`JsonNode`], on one line.
fn write_node(out: &mut Values, node: &Node) {
    out.raw(b"{");
    out.field(true, "id");
    out.str(&node.id);
    out.field(false, "label");
    out.str(&node.label);
    out.field(false, "kind");
    out.str(node.kind.as_str());
    out.field(false, "aliases");
    out.str_array(node.aliases.iter().map(String::as_str));
    out.field(false, "titles");
    out.str_array(node.titles.iter().map(String::as_str));
    out.field(false, "mentions");
    out.usize(node.mentions);
    out.field(false, "label_counts");
    let labels = node.label_counts.iter();
    out.counts(labels.map(|(label, count)| (label.as_str(), *count)));
    out.field(false, "kind_counts");
    let kinds = node.kind_counts.iter();
    out.counts(kinds.map(|(kind, count)| (kind.as_str(), *count)));
    out.raw(b"}");
}

/// [`JsonEdge`], on one line.
fn write_edge(out: &mut Values, (source, target, edge): (&Node, &Node, &Edge)) {
    out.raw(b"{");
    out.field(true, "source");
    out.str(&source.id);
    out.field(false, "target");
    out.str(&target.id);
    out.field(false, "key");
    out.str(edge.relation.as_str());
    out.field(false, "relation");
    out.str(edge.relation.as_str());
    out.field(false, "weight");
    out.usize(edge.weight());
    out.field(false, "attributions");
    out.str_array(edge.attributions.iter().map(String::as_str));
    out.raw(b"}");
}

/// [`JsonAttribution`], on one line.
fn write_attribution(out: &mut Values, attribution: &Attribution) {
    out.raw(b"{");
    out.field(true, "id");
    out.str(&attribution.id);
    out.field(false, "document");
    out.str(&attribution.document);
    out.field(false, "span");
    write_span(out, attribution.span);
    out.field(false, "content");
    write_opt_span(out, attribution.content);
    out.field(false, "direct");
    out.bool(attribution.direct);
    out.field(false, "chain");
    out.str_array(attribution.chain());
    out.field(false, "hops");
    out.array(&attribution.hops, write_hop);
    out.raw(b"}");
}

/// [`JsonHop`], within its attribution's line.
fn write_hop(out: &mut Values, hop: &Hop) {
    out.raw(b"{");
    out.field(true, "node");
    out.str(&hop.node);
    out.field(false, "mention");
    write_opt_span(out, hop.mention);
    out.field(false, "cue");
    write_opt_span(out, hop.cue);
    out.field(false, "relation");
    out.str(hop.relation.as_str());
    out.raw(b"}");
}

/// A span: `[start, end]`.
fn write_span(out: &mut Values, span: Span) {
    out.array([span.start, span.end], Values::usize);
}

fn write_opt_span(out: &mut Values, span: Option<Span>) {
    match span {
        Some(span) => write_span(out, span),
        None => out.raw(b"null"),
    }
}

/// The document as serde_json writes the structs above in the layout of
/// [`super::pretty::reference`]: what [`write_json`] must write.
#[cfg(test)]
fn to_json_by_serde(graph: &ProvGraph) -> String {
    let document = JsonGraph {
        directed: true,
        multigraph: true,
        graph: JsonMeta {
            schema: SCHEMA.to_string(),
            generator: crate::GENERATOR.to_string(),
            documents: Each(|| graph.documents.iter().map(json_document)),
        },
        nodes: Each(|| graph.nodes().map(json_node)),
        edges: Each(|| {
            graph.edges().map(|(source, target, edge)| JsonEdge {
                source: Cow::Borrowed(&source.id),
                target: Cow::Borrowed(&target.id),
                key: Cow::Borrowed(edge.relation.as_str()),
                relation: edge.relation,
                weight: edge.weight(),
                attributions: Cow::Borrowed(&edge.attributions),
            })
        }),
        attributions: Each(|| graph.attributions.iter().map(json_attribution)),
    };
    let mut text =
        String::from_utf8(super::pretty::reference::lines(&document)).expect("JSON is UTF-8");
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
    let mut document: JsonGraphIn = serde_json::from_str(text).map_err(ReadError::Syntax)?;
    if document.graph.schema != SCHEMA {
        return Err(ReadError::Schema(document.graph.schema));
    }

    document.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut graph = DiGraph::with_capacity(document.nodes.len(), document.edges.len());
    let mut index: FxHashMap<String, NodeIndex> = FxHashMap::default();
    for node in document.nodes {
        if index.contains_key(node.id.as_ref()) {
            return Err(ReadError::DuplicateNode(node.id.into_owned()));
        }
        // A file without counts (written before they existed) counts each node once.
        let label_counts = match node.label_counts {
            Some(counts) => counts.into_owned(),
            None => BTreeMap::from([(node.label.to_string(), 1)]),
        };
        let kind_counts = match node.kind_counts {
            Some(counts) => counts.into_owned(),
            None => BTreeMap::from([(node.kind, 1)]),
        };
        let id = node.id.into_owned();
        let node_index = graph.add_node(Node {
            id: id.clone(),
            label: node.label.into_owned(),
            kind: node.kind,
            aliases: node.aliases.into_owned(),
            titles: node.titles.into_owned(),
            mentions: node.mentions,
            label_counts,
            kind_counts,
        });
        index.insert(id, node_index);
    }

    document.edges.sort_by(|a, b| {
        (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
    });
    let mut seen = BTreeSet::new();
    for edge in document.edges {
        let endpoint = |node: &Cow<str>| {
            index
                .get(node.as_ref())
                .copied()
                .ok_or_else(|| ReadError::UnknownNode {
                    source: edge.source.to_string(),
                    target: edge.target.to_string(),
                    node: node.to_string(),
                })
        };
        let (source, target) = (endpoint(&edge.source)?, endpoint(&edge.target)?);
        if !seen.insert((source, target, edge.relation)) {
            return Err(ReadError::DuplicateEdge {
                source: edge.source.into_owned(),
                target: edge.target.into_owned(),
                relation: edge.relation,
            });
        }
        let mut attributions = edge.attributions.into_owned();
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
            id: doc.id.into_owned(),
            path: doc.path.map(Cow::into_owned),
            title: doc.title.map(Cow::into_owned),
            publisher: doc.publisher.map(Cow::into_owned),
            publisher_mention: doc.publisher_mention,
            bytes: doc.bytes,
        })
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));

    let mut attributions: Vec<Attribution> = document
        .attributions
        .into_iter()
        .map(|attribution| Attribution {
            id: attribution.id.into_owned(),
            document: attribution.document.into_owned(),
            span: attribution.span,
            content: attribution.content,
            direct: attribution.direct,
            hops: attribution
                .hops
                .into_iter()
                .map(|hop| Hop {
                    node: hop.node.into_owned(),
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

fn json_document(document: &Document) -> JsonDocument<'_> {
    JsonDocument {
        id: Cow::Borrowed(&document.id),
        path: document.path.as_deref().map(Cow::Borrowed),
        title: document.title.as_deref().map(Cow::Borrowed),
        publisher: document.publisher.as_deref().map(Cow::Borrowed),
        publisher_mention: document.publisher_mention,
        bytes: document.bytes,
    }
}

#[cfg(test)]
fn json_node(node: &Node) -> JsonNode<'_> {
    JsonNode {
        id: Cow::Borrowed(&node.id),
        label: Cow::Borrowed(&node.label),
        kind: node.kind,
        aliases: Cow::Borrowed(&node.aliases),
        titles: Cow::Borrowed(&node.titles),
        mentions: node.mentions,
        label_counts: Some(Cow::Borrowed(&node.label_counts)),
        kind_counts: Some(Cow::Borrowed(&node.kind_counts)),
    }
}

fn json_attribution(attribution: &Attribution) -> JsonAttribution<'_> {
    JsonAttribution {
        id: Cow::Borrowed(&attribution.id),
        document: Cow::Borrowed(&attribution.document),
        span: attribution.span,
        content: attribution.content,
        direct: attribution.direct,
        chain: attribution.chain().map(Cow::Borrowed).collect(),
        hops: attribution
            .hops
            .iter()
            .map(|hop| JsonHop {
                node: Cow::Borrowed(&hop.node),
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

    /// The real articles of `tests/data/articles`, analysed, in the order of their file names
    /// reversed (not the order of their ids).
    fn article_analyses() -> Vec<crate::DocumentAnalysis> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.sort();
        paths.reverse();
        paths
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap();
                let id = path.file_stem().unwrap().to_string_lossy();
                crate::analyze(&crate::DocumentInput::new(&id, &text))
            })
            .collect()
    }

    #[test]
    fn attributions_formatted_as_they_come_are_the_bytes_of_the_whole_graph() {
        let analyses = article_analyses();
        assert!(analyses.len() >= 5);
        let whole = to_json(&crate::build_graph(&analyses));

        let mut builder = crate::GraphBuilder::default();
        let mut records = AttributionRecords::default();
        for analysis in analyses.iter().cloned() {
            let id = analysis.document.id.clone();
            let mut attributions = builder.add_analysis_detached(analysis).unwrap();
            // The order they come in does not matter.
            attributions.reverse();
            records.add(id, attributions);
        }
        let graph = builder.finish();
        assert!(graph.attributions.is_empty());
        let mut ahead = Vec::new();
        write_json_with(&graph, &records, &mut ahead).unwrap();
        assert_eq!(String::from_utf8(ahead).unwrap(), whole);
        let value: serde_json::Value = serde_json::from_str(&whole).unwrap();
        assert!(value["attributions"].as_array().unwrap().len() >= 50);
    }

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

    /// A graph with what the writer must get right: escapes, empty and missing values, counts,
    /// multi-hop chains, publishers.
    fn awkward_graph() -> ProvGraph {
        use crate::model::{DocumentAnalysis, Entity};
        let entity =
            |id: &str, label: &str, kind: Kind, aliases: &[&str], titles: &[&str]| Entity {
                id: id.into(),
                label: label.into(),
                kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                titles: titles.iter().map(|t| t.to_string()).collect(),
                mentions: 2,
            };
        let hop = |node: &str, mention: Option<Span>, relation: Relation| Hop {
            node: node.into(),
            mention,
            cue: mention.map(|span| Span::new(span.end + 1, span.end + 5)),
            relation,
        };
        let mut a = DocumentAnalysis {
            document: Document {
                id: "doc \"one\"\\\t\u{1}\u{7f}é".into(),
                path: Some("dir/one.txt".into()),
                title: Some("Line\nbreak — «quoted»".into()),
                publisher: Some("tass".into()),
                publisher_mention: Some(Span::new(0, 4)),
                bytes: 1234,
            },
            entities: vec![
                entity(
                    "putin",
                    "Vladimir \"Vova\" Putin",
                    Kind::Person,
                    &["Putin"],
                    &["President"],
                ),
                entity("tass", "TASS", Kind::Outlet, &[], &[]),
            ],
            attributions: vec![Attribution {
                id: "doc#1".into(),
                document: "doc \"one\"\\\t\u{1}\u{7f}é".into(),
                span: Span::new(10, 99),
                content: Some(Span::new(20, 99)),
                direct: true,
                hops: vec![
                    hop("putin", Some(Span::new(10, 15)), Relation::Said),
                    hop("kremlin", None, Relation::AccordingTo),
                ],
                rule: "rule".into(),
            }],
            diagnostics: vec![],
        };
        // Two more, one with the same span as the first.
        let first = a.attributions[0].clone();
        a.attributions.push(Attribution {
            id: "doc#10".into(),
            ..first.clone()
        });
        a.attributions.push(Attribution {
            id: "doc#2".into(),
            span: Span::new(5, 8),
            ..first
        });
        let b = DocumentAnalysis {
            document: Document {
                id: "b".into(),
                path: None,
                title: None,
                publisher: None,
                publisher_mention: None,
                bytes: 0,
            },
            entities: vec![entity("putin", "Putin", Kind::Group, &[], &["a\u{1f}b"])],
            attributions: vec![],
            diagnostics: vec![],
        };
        crate::build_graph([&a, &b])
    }

    #[test]
    fn the_writer_writes_what_serde_writes_for_the_contract_structs() {
        for graph in [crate::build_graph([]), awkward_graph()] {
            assert_eq!(to_json(&graph), to_json_by_serde(&graph));
        }
        // And reads back to the same bytes.
        let text = to_json(&awkward_graph());
        assert_eq!(to_json(&from_json(&text).unwrap()), text);
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
