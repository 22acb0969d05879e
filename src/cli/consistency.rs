//! What `merge` checks of each input against the contract (`provgraph/1`, see
//! `../shared/spec/json-output.md`) before it adds it, so that it never writes a graph whose
//! references lead nowhere: every cross-reference the contract makes must hold.
//!
//! In a graph: document ids are unique; a document's publisher is a node; attribution ids are
//! unique (across all inputs: see [`AttributionIds`]); an attribution's document is one of the
//! graph's documents and each node of its chain is a node; the edges are exactly what the
//! chains give (for consecutive hops A, B an edge A -> B with B's relation, and from the last
//! hop to the document's publisher a `published` one, each listing the attribution); every
//! span lies within its document's bytes. In one document's analysis (extract output): its
//! entity ids are unique, its attributions are its own, their chains name its entities or its
//! publisher, and the spans lie within it.
//!
//! Each problem is reported as the first one found, in words that name what is wrong.

use std::collections::BTreeSet;

use provgraph::{Attribution, Document, DocumentAnalysis, ProvGraph, Relation, Span};
use rustc_hash::{FxHashMap, FxHashSet};

use super::error::shorten;

/// The first problem of a graph, if it has one.
pub(super) fn check_graph(graph: &ProvGraph) -> Result<(), String> {
    let nodes: FxHashSet<&str> = graph.nodes().map(|node| node.id.as_str()).collect();
    let mut documents: FxHashMap<&str, &Document> = FxHashMap::default();
    for document in &graph.documents {
        if documents.insert(&document.id, document).is_some() {
            return Err(format!("document {} is there twice", shown(&document.id)));
        }
        check_document(document)?;
        if let Some(publisher) = &document.publisher
            && !nodes.contains(publisher.as_str())
        {
            return Err(format!(
                "the publisher {} of document {} is not a node",
                shown(publisher),
                shown(&document.id)
            ));
        }
    }
    let mut ids: FxHashSet<&str> = FxHashSet::default();
    for attribution in &graph.attributions {
        if !ids.insert(&attribution.id) {
            return Err(format!(
                "attribution {} is there twice",
                shown(&attribution.id)
            ));
        }
        let Some(document) = documents.get(attribution.document.as_str()) else {
            return Err(format!(
                "attribution {} is of document {}, which is not in the graph",
                shown(&attribution.id),
                shown(&attribution.document)
            ));
        };
        check_attribution(attribution, document, |node| nodes.contains(node))?;
    }
    check_edges(graph, &documents)
}

/// The first problem of one document's analysis, if it has one.
pub(super) fn check_analysis(analysis: &DocumentAnalysis) -> Result<(), String> {
    let document = &analysis.document;
    check_document(document)?;
    let mut entities: FxHashSet<&str> = FxHashSet::default();
    for entity in &analysis.entities {
        if !entities.insert(&entity.id) {
            return Err(format!("entity {} is there twice", shown(&entity.id)));
        }
    }
    let publisher = document.publisher.as_deref();
    let mut ids: FxHashSet<&str> = FxHashSet::default();
    for attribution in &analysis.attributions {
        if !ids.insert(&attribution.id) {
            return Err(format!(
                "attribution {} is there twice",
                shown(&attribution.id)
            ));
        }
        if attribution.document != document.id {
            return Err(format!(
                "attribution {} is of document {}, not of this document ({})",
                shown(&attribution.id),
                shown(&attribution.document),
                shown(&document.id)
            ));
        }
        check_attribution(attribution, document, |node| {
            entities.contains(node) || publisher == Some(node)
        })?;
    }
    Ok(())
}

/// Attribution ids seen so far across the inputs of a run: the same id in two inputs would
/// give one id to two statements.
#[derive(Default)]
pub(super) struct AttributionIds(FxHashSet<String>);

impl AttributionIds {
    /// Takes note of `attributions`; the first id seen before is an error.
    pub(super) fn add(&mut self, attributions: &[Attribution]) -> Result<(), String> {
        for attribution in attributions {
            if !self.0.insert(attribution.id.clone()) {
                return Err(format!(
                    "attribution {} is in an earlier input too",
                    shown(&attribution.id)
                ));
            }
        }
        Ok(())
    }
}

/// The publisher mention lies within the document.
fn check_document(document: &Document) -> Result<(), String> {
    match document.publisher_mention {
        Some(span) if !within(span, document.bytes) => Err(format!(
            "the publisher mention of document {} is not within its {} bytes",
            shown(&document.id),
            document.bytes
        )),
        _ => Ok(()),
    }
}

/// Its chain names known nodes (`is_node`) and its spans lie within its document.
fn check_attribution(
    attribution: &Attribution,
    document: &Document,
    is_node: impl Fn(&str) -> bool,
) -> Result<(), String> {
    let id = shown(&attribution.id);
    if let Some(hop) = attribution.hops.iter().find(|hop| !is_node(&hop.node)) {
        return Err(format!(
            "the chain of attribution {id} names {}, which is not a node",
            shown(&hop.node)
        ));
    }
    let spans = [Some(attribution.span), attribution.content]
        .into_iter()
        .chain(
            attribution
                .hops
                .iter()
                .flat_map(|hop| [hop.mention, hop.cue]),
        );
    for span in spans.flatten() {
        if !within(span, document.bytes) {
            return Err(format!(
                "attribution {id} has the span [{}, {}], not within the {} bytes of document {}",
                span.start,
                span.end,
                document.bytes,
                shown(&document.id)
            ));
        }
    }
    Ok(())
}

fn within(span: Span, bytes: usize) -> bool {
    span.start <= span.end && span.end <= bytes
}

/// One edge's listing of one attribution: (source, target, relation, attribution).
type Listing<'a> = (&'a str, &'a str, Relation, &'a str);

/// The edges are exactly what the attributions' chains give.
fn check_edges(graph: &ProvGraph, documents: &FxHashMap<&str, &Document>) -> Result<(), String> {
    let mut given: BTreeSet<Listing> = BTreeSet::new();
    for (source, target, edge) in graph.edges() {
        for attribution in &edge.attributions {
            let listing = (
                source.id.as_str(),
                target.id.as_str(),
                edge.relation,
                attribution.as_str(),
            );
            if !given.insert(listing) {
                return Err(format!(
                    "{} lists attribution {} twice",
                    edge_name(&listing),
                    shown(attribution)
                ));
            }
        }
    }
    let mut expected: BTreeSet<Listing> = BTreeSet::new();
    for attribution in &graph.attributions {
        let id = attribution.id.as_str();
        for pair in attribution.hops.windows(2) {
            expected.insert((&pair[0].node, &pair[1].node, pair[1].relation, id));
        }
        let publisher = documents
            .get(attribution.document.as_str())
            .and_then(|document| document.publisher.as_deref());
        if let (Some(publisher), Some(last)) = (publisher, attribution.hops.last())
            && last.node != publisher
        {
            expected.insert((&last.node, publisher, Relation::Published, id));
        }
    }
    if let Some(listing) = given.difference(&expected).next() {
        let ids: FxHashSet<&str> = graph.attributions.iter().map(|a| a.id.as_str()).collect();
        let why = if ids.contains(listing.3) {
            "whose chain does not give it"
        } else {
            "which is not in the graph"
        };
        return Err(format!(
            "{} lists attribution {}, {why}",
            edge_name(listing),
            shown(listing.3)
        ));
    }
    if let Some(listing) = expected.difference(&given).next() {
        return Err(format!(
            "the chain of attribution {} gives {}, which the edges do not list",
            shown(listing.3),
            edge_name(listing)
        ));
    }
    Ok(())
}

/// How a message names an edge: `the edge a -> b (said)`.
fn edge_name(listing: &Listing) -> String {
    format!(
        "the edge {} -> {} ({})",
        shown(listing.0),
        shown(listing.1),
        listing.2.as_str()
    )
}

fn shown(text: &str) -> String {
    shorten(text).into_owned()
}
