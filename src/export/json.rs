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

use crate::graph::{Appearance, Edge, Node, ProvGraph};
use crate::model::{Attribution, Claim, Document, Hop, Kind, Relation};
use crate::span::Span;

use super::pretty::{Pretty, Values};

/// The value of `graph.schema`.
pub const SCHEMA: &str = "provgraph/1";

/// The document. Its lists are type parameters: `Vec`s when reading, and `Each` (a list made on
/// the fly from the graph) when the tests have serde_json write a graph, without copying it.
#[derive(Serialize, Deserialize)]
struct JsonGraph<Documents, Nodes, Edges, Attributions, Claims> {
    directed: bool,
    multigraph: bool,
    graph: JsonMeta<Documents>,
    nodes: Nodes,
    edges: Edges,
    attributions: Attributions,
    /// Statements carried by several documents (added by issue 18): only when claims were
    /// looked for and some were found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    claims: Option<Claims>,
}

/// What [`from_json`] reads.
type JsonGraphIn = JsonGraph<
    Vec<JsonDocument<'static>>,
    Vec<JsonNode<'static>>,
    Vec<JsonEdge<'static>>,
    Vec<JsonAttribution<'static>>,
    Vec<JsonClaim>,
>;

/// A claim: the model's own type, whose fields are the contract's.
#[derive(Serialize, Deserialize)]
struct JsonClaim {
    id: String,
    text: String,
    earliest: String,
    appearances: Vec<JsonAppearance>,
}

#[derive(Serialize, Deserialize)]
struct JsonAppearance {
    attribution: String,
    document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    chain: Vec<String>,
}

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
    /// The record's date, when it gave one (added to the contract by issue 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Cow<'a, str>>,
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
/// each document, node, edge and attribution on one line of its own, a final newline (the layout
/// of `export/layout.rs`).
pub fn to_json(graph: &ProvGraph) -> String {
    let mut bytes = Vec::new();
    write_json(graph, &mut bytes).expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("the writer writes UTF-8")
}

/// Writes what [`to_json`] returns to `out`, as it goes, in pieces of some 64 KiB.
///
/// The bytes are those that serde_json writes for the structs above with the layout's formatter
/// (a test holds the two together), written by hand (`export/pretty.rs`): the largest output,
/// written with less than half the instructions (docs/performance.md).
pub fn write_json(graph: &ProvGraph, out: impl io::Write) -> io::Result<()> {
    write_json_graph(graph, out)
}

/// The document, its lists written straight from the graph.
fn write_json_graph(graph: &ProvGraph, out: impl io::Write) -> io::Result<()> {
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
    out.records(1, graph.nodes(), write_node)?;
    out.key(1, false, "edges");
    out.records(1, graph.edges(), write_edge)?;
    out.key(1, false, "attributions");
    out.records(1, &graph.attributions, write_attribution)?;
    if !graph.claims.is_empty() {
        out.key(1, false, "claims");
        out.records(1, &graph.claims, |out, claim| {
            write_claim(out, graph, claim)
        })?;
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
    if let Some(date) = &document.date {
        out.field(false, "date");
        out.str(date);
    }
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

/// [`JsonClaim`], on one line: the appearances' ids, documents, dates and chains are the
/// graph's, looked up as they are written.
fn write_claim(out: &mut Values, graph: &ProvGraph, claim: &Claim) {
    let appearances: Vec<Appearance> = graph.appearances(claim).collect();
    out.raw(b"{");
    out.field(true, "id");
    out.str(&claim.id);
    out.field(false, "text");
    out.str(&claim.text);
    out.field(false, "earliest");
    out.str(
        appearances
            .first()
            .map_or("", |a| a.attribution.id.as_str()),
    );
    out.field(false, "appearances");
    out.array(&appearances, |out, appearance| {
        out.raw(b"{");
        out.field(true, "attribution");
        out.str(&appearance.attribution.id);
        out.field(false, "document");
        out.str(&appearance.document.id);
        if let Some(date) = appearance.date() {
            out.field(false, "date");
            out.str(date);
        }
        out.field(false, "chain");
        out.str_array(appearance.chain());
        out.raw(b"}");
    });
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

/// The document as serde_json writes the structs above in the layout of [`super::layout`]:
/// what [`write_json`] must write.
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
        edges: Each(|| graph.edges().map(json_edge)),
        attributions: Each(|| graph.attributions.iter().map(json_attribution)),
        claims: (!graph.claims.is_empty())
            .then_some(Each(|| graph.claims.iter().map(|c| json_claim(graph, c)))),
    };
    let mut bytes = Vec::new();
    super::layout::write_lines(&document, &mut bytes).expect("writing to memory does not fail");
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("JSON is UTF-8")
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
    /// An attribution's `chain` is not the nodes of its `hops`, in order.
    ChainNotHops(String),
    /// An edge names a node that the document does not list.
    UnknownNode {
        source: String,
        target: String,
        node: String,
    },
    /// A claim's appearance names an attribution that the document does not list.
    UnknownAttribution {
        claim: String,
        attribution: String,
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
            ReadError::ChainNotHops(id) => write!(
                f,
                "the chain of attribution {id:?} is not the nodes of its hops"
            ),
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
            ReadError::UnknownAttribution { claim, attribution } => write!(
                f,
                "claim {claim:?} names the unknown attribution {attribution:?}"
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
    let document: JsonGraphIn = serde_json::from_str(text).map_err(ReadError::Syntax)?;
    if document.graph.schema != SCHEMA {
        return Err(ReadError::Schema(document.graph.schema));
    }
    let mut graph = DiGraph::with_capacity(document.nodes.len(), document.edges.len());
    let index = add_nodes(&mut graph, document.nodes)?;
    add_edges(&mut graph, &index, document.edges)?;
    let mut documents: Vec<Document> = document
        .graph
        .documents
        .into_iter()
        .map(JsonDocument::into_document)
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    // The chain repeats the hops' nodes for readers that need no evidence; one that says
    // otherwise is not what provgraph wrote.
    if let Some(bad) = document.attributions.iter().find(|attribution| {
        !attribution.chain.is_empty()
            && !attribution
                .chain
                .iter()
                .map(Cow::as_ref)
                .eq(attribution.hops.iter().map(|hop| hop.node.as_ref()))
    }) {
        return Err(ReadError::ChainNotHops(bad.id.to_string()));
    }
    let mut attributions: Vec<Attribution> = document
        .attributions
        .into_iter()
        .map(JsonAttribution::into_attribution)
        .collect();
    attributions.sort_by(|a, b| {
        (a.document.as_str(), a.span.start, a.span.end, a.id.as_str()).cmp(&(
            b.document.as_str(),
            b.span.start,
            b.span.end,
            b.id.as_str(),
        ))
    });
    let claims = read_claims(&attributions, document.claims.unwrap_or_default())?;
    Ok(ProvGraph {
        graph,
        documents,
        attributions,
        claims,
    })
}

/// The claims of a graph read back, sorted by id, each appearance the place of its attribution
/// in `attributions`; an appearance of an attribution the graph does not have is an error.
fn read_claims(
    attributions: &[Attribution],
    claims: Vec<JsonClaim>,
) -> Result<Vec<Claim>, ReadError> {
    if claims.is_empty() {
        return Ok(Vec::new());
    }
    let at: FxHashMap<&str, usize> = (attributions.iter().enumerate())
        .map(|(index, attribution)| (attribution.id.as_str(), index))
        .collect();
    let mut read = Vec::with_capacity(claims.len());
    for claim in claims {
        let mut appearances = Vec::with_capacity(claim.appearances.len());
        for appearance in &claim.appearances {
            let Some(&index) = at.get(appearance.attribution.as_str()) else {
                return Err(ReadError::UnknownAttribution {
                    claim: claim.id,
                    attribution: appearance.attribution.clone(),
                });
            };
            appearances.push(index);
        }
        read.push(Claim {
            id: claim.id,
            text: claim.text,
            appearances,
        });
    }
    read.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(read)
}

#[cfg(test)]
fn json_claim(graph: &ProvGraph, claim: &Claim) -> JsonClaim {
    let appearances: Vec<Appearance> = graph.appearances(claim).collect();
    JsonClaim {
        id: claim.id.clone(),
        text: claim.text.clone(),
        earliest: appearances
            .first()
            .map_or(String::new(), |a| a.attribution.id.clone()),
        appearances: appearances
            .iter()
            .map(|appearance| JsonAppearance {
                attribution: appearance.attribution.id.clone(),
                document: appearance.document.id.clone(),
                date: appearance.date().map(str::to_string),
                chain: appearance.chain().map(str::to_string).collect(),
            })
            .collect(),
    }
}

/// Adds the nodes in id order; their indices by id.
fn add_nodes(
    graph: &mut DiGraph<Node, Edge>,
    mut nodes: Vec<JsonNode<'static>>,
) -> Result<FxHashMap<String, NodeIndex>, ReadError> {
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut index: FxHashMap<String, NodeIndex> = FxHashMap::default();
    for node in nodes {
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
    Ok(index)
}

/// Adds the edges in (source, target, relation) order, each once, between known nodes.
fn add_edges(
    graph: &mut DiGraph<Node, Edge>,
    index: &FxHashMap<String, NodeIndex>,
    mut edges: Vec<JsonEdge<'static>>,
) -> Result<(), ReadError> {
    edges.sort_by(|a, b| {
        (&a.source, &a.target, a.relation).cmp(&(&b.source, &b.target, b.relation))
    });
    let mut seen = BTreeSet::new();
    for edge in edges {
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
    Ok(())
}

impl JsonDocument<'_> {
    fn into_document(self) -> Document {
        Document {
            id: self.id.into_owned(),
            path: self.path.map(Cow::into_owned),
            title: self.title.map(Cow::into_owned),
            publisher: self.publisher.map(Cow::into_owned),
            publisher_mention: self.publisher_mention,
            bytes: self.bytes,
            date: self.date.map(Cow::into_owned),
        }
    }
}

impl JsonAttribution<'_> {
    /// The attribution; its chain is the hops' nodes, so the `chain` read is not kept.
    fn into_attribution(self) -> Attribution {
        Attribution {
            id: self.id.into_owned(),
            document: self.document.into_owned(),
            span: self.span,
            content: self.content,
            direct: self.direct,
            hops: self
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
        }
    }
}

fn json_document(document: &Document) -> JsonDocument<'_> {
    JsonDocument {
        id: Cow::Borrowed(&document.id),
        path: document.path.as_deref().map(Cow::Borrowed),
        title: document.title.as_deref().map(Cow::Borrowed),
        publisher: document.publisher.as_deref().map(Cow::Borrowed),
        publisher_mention: document.publisher_mention,
        bytes: document.bytes,
        date: document.date.as_deref().map(Cow::Borrowed),
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

#[cfg(test)]
fn json_edge<'a>((source, target, edge): (&'a Node, &'a Node, &'a Edge)) -> JsonEdge<'a> {
    JsonEdge {
        source: Cow::Borrowed(&source.id),
        target: Cow::Borrowed(&target.id),
        key: Cow::Borrowed(edge.relation.as_str()),
        relation: edge.relation,
        weight: edge.weight(),
        attributions: Cow::Borrowed(&edge.attributions),
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
    fn written_and_returned_documents_are_the_same_bytes() {
        let graph = crate::build_graph(&article_analyses());
        let text = to_json(&graph);
        let mut written = Vec::new();
        write_json(&graph, &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), text);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let count = |list: &serde_json::Value| list.as_array().unwrap().len();
        assert!(count(&value["attributions"]) >= 50);
        // Each record on a line of its own, and 16 lines of keys and closing brackets.
        let records = count(&value["graph"]["documents"])
            + count(&value["nodes"])
            + count(&value["edges"])
            + count(&value["attributions"]);
        assert_eq!(text.lines().count(), records + 16, "{text}");
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
                date: Some("2021-12-07".into()),
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
        let mut b = DocumentAnalysis {
            document: Document {
                id: "b".into(),
                path: None,
                title: None,
                publisher: None,
                publisher_mention: None,
                bytes: 0,
                date: None,
            },
            entities: vec![entity("putin", "Putin", Kind::Group, &[], &["a\u{1f}b"])],
            attributions: vec![],
            diagnostics: vec![],
        };
        b.attributions.push(Attribution {
            id: "b#1".into(),
            document: "b".into(),
            ..a.attributions[0].clone()
        });
        let mut graph = crate::build_graph([&a, &b]);
        // Claims: one with an undated appearance, one with an escaped text.
        let at = |id: &str| graph.attributions.iter().position(|a| a.id == id).unwrap();
        graph.claims = vec![
            Claim {
                id: "claim-1".into(),
                text: "\"We will\" — «not»\n".into(),
                appearances: vec![at("doc#2"), at("b#1")],
            },
            Claim {
                id: "claim-2".into(),
                text: String::new(),
                appearances: vec![at("doc#1")],
            },
        ];
        graph
    }

    #[test]
    fn the_writer_writes_what_serde_writes_for_the_contract_structs() {
        let articles = crate::build_graph(&article_analyses());
        for graph in [crate::build_graph([]), awkward_graph(), articles] {
            assert_eq!(to_json(&graph), to_json_by_serde(&graph));
        }
    }

    #[test]
    fn awkward_values_are_escaped_and_read_back_to_the_same_bytes() {
        let text = to_json(&awkward_graph());
        let document = r#"{"id": "doc \"one\"\\\t\u0001"#;
        assert!(text.contains(document), "{text}");
        assert!(text.contains(r#""title": "Line\nbreak — «quoted»""#));
        assert!(text.contains(r#""label_counts": {"Putin": 1, "Vladimir \"Vova\" Putin": 1}"#));
        assert!(text.contains(r#""titles": ["President", "a\u001fb"]"#));
        assert!(
            text.contains(r#""bytes": 1234, "date": "2021-12-07"}"#),
            "{text}"
        );
        assert!(text.contains(r#"{"attribution": "b#1", "document": "b", "chain": ["#));
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
    fn reading_rejects_a_claim_of_an_unknown_attribution() {
        let text = r#"{"directed": true, "multigraph": true,
            "graph": {"schema": "provgraph/1", "documents": []},
            "nodes": [], "edges": [], "attributions": [],
            "claims": [{"id": "claim-1", "text": "t", "earliest": "d#1",
                        "appearances": [{"attribution": "d#1", "document": "d", "chain": []}]}]}"#;
        let err = from_json(text).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"claim "claim-1" names the unknown attribution "d#1""#
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
