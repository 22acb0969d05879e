//! The relay core of a graph too large to draw: the sources that relay or publish the most
//! attributions. Graphviz's layout takes minutes beyond a few thousand nodes, and such a
//! picture cannot be read anyway; the core shows how content reached the page, and
//! [`RelayCore::note`] says what was left out. The JSON and the other formats keep everything.

use std::collections::BTreeSet;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::graph::ProvGraph;

/// The part of a graph that is drawn, and how much of the whole it is.
#[derive(Clone, Debug)]
pub struct RelayCore {
    /// The chosen sources, the edges between them, the documents that name one of them (a
    /// publisher that is not chosen is left out of its document) and their attributions.
    pub graph: ProvGraph,
    /// The sources of the whole graph.
    pub total_nodes: usize,
    /// The edges of the whole graph.
    pub total_edges: usize,
}

impl RelayCore {
    /// One sentence for the reader of the picture: what it shows, what it leaves out.
    pub fn note(&self) -> String {
        let shown = self.graph.graph.node_count();
        format!(
            "Relay core: the {shown} of {} sources that relay or publish the most attributions \
             (then the origins that carry the most); {} sources and {} edges are left out of the \
             drawing.",
            self.total_nodes,
            self.total_nodes - shown,
            self.total_edges - self.graph.graph.edge_count()
        )
    }
}

/// The relay core of `graph` when it has more than `max_nodes` sources, else `None` (draw it
/// whole). The sources are ranked: those that relay or publish (an edge comes into them, or a
/// document names them its publisher) before the origins, then by the attributions on their
/// edges, then by id; the first `max_nodes` are kept.
pub fn relay_core(graph: &ProvGraph, max_nodes: usize) -> Option<RelayCore> {
    let g = &graph.graph;
    if g.node_count() <= max_nodes {
        return None;
    }
    let publishers: BTreeSet<&str> = graph
        .documents
        .iter()
        .filter_map(|document| document.publisher.as_deref())
        .collect();
    let mut ranked: Vec<(bool, usize, NodeIndex)> = g
        .node_indices()
        .map(|index| {
            let incoming = g.edges_directed(index, petgraph::Direction::Incoming);
            let relays =
                incoming.clone().next().is_some() || publishers.contains(g[index].id.as_str());
            let outgoing = g.edges_directed(index, petgraph::Direction::Outgoing);
            let weight = incoming.chain(outgoing).map(|e| e.weight().weight()).sum();
            (relays, weight, index)
        })
        .collect();
    // Relays first, then the heaviest, then in id order (the node order).
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut kept = vec![false; g.node_count()];
    for &(_, _, index) in ranked.iter().take(max_nodes) {
        kept[index.index()] = true;
    }
    Some(RelayCore {
        graph: subgraph(graph, &kept),
        total_nodes: g.node_count(),
        total_edges: g.edge_count(),
    })
}

/// The nodes `kept` (by index), in their order, the edges between them, and the documents and
/// attributions that name them.
fn subgraph(graph: &ProvGraph, kept: &[bool]) -> ProvGraph {
    let g = &graph.graph;
    let mut sub = DiGraph::new();
    let mut index = vec![None; g.node_count()];
    for old in g.node_indices().filter(|i| kept[i.index()]) {
        index[old.index()] = Some(sub.add_node(g[old].clone()));
    }
    for edge in g.edge_indices() {
        let (source, target) = g.edge_endpoints(edge).expect("an edge of this graph");
        if let (Some(source), Some(target)) = (index[source.index()], index[target.index()]) {
            sub.add_edge(source, target, g[edge].clone());
        }
    }
    let ids: BTreeSet<&str> = sub.node_weights().map(|node| node.id.as_str()).collect();
    let attributions: Vec<_> = graph
        .attributions
        .iter()
        .filter(|a| a.chain().any(|id| ids.contains(id)))
        .cloned()
        .collect();
    let named: BTreeSet<&str> = attributions.iter().map(|a| a.document.as_str()).collect();
    let documents = graph
        .documents
        .iter()
        .filter_map(|document| {
            let publisher = document.publisher.as_deref().filter(|p| ids.contains(p));
            (publisher.is_some() || named.contains(document.id.as_str())).then(|| {
                let mut document = document.clone();
                document.publisher = publisher.map(str::to_string);
                document
            })
        })
        .collect();
    ProvGraph {
        graph: sub,
        documents,
        attributions,
        claims: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::build_graph;
    use crate::model::{Attribution, Document, DocumentAnalysis, Entity, Hop, Kind, Relation};
    use crate::span::Span;

    /// Document `doc-n`: `origin-n` said something, published by `publisher`.
    fn analysis(n: usize, publisher: &str) -> DocumentAnalysis {
        let entity = |id: &str| Entity {
            id: id.into(),
            label: id.into(),
            kind: Kind::Person,
            aliases: vec![],
            titles: vec![],
            mentions: 1,
        };
        let origin = format!("origin-{n}");
        DocumentAnalysis {
            document: Document {
                id: format!("doc-{n}"),
                path: None,
                title: None,
                publisher: Some(publisher.into()),
                publisher_mention: None,
                bytes: 10,
                date: None,
            },
            entities: vec![entity(&origin), entity(publisher)],
            attributions: vec![Attribution {
                id: format!("doc-{n}#1"),
                document: format!("doc-{n}"),
                span: Span::new(0, 5),
                content: None,
                direct: false,
                hops: vec![Hop {
                    node: origin,
                    mention: None,
                    cue: None,
                    relation: Relation::Said,
                }],
                rule: String::new(),
            }],
            diagnostics: vec![],
        }
    }

    #[test]
    fn a_small_graph_is_drawn_whole() {
        let graph = build_graph([&analysis(1, "tass")]);
        assert!(relay_core(&graph, 2).is_none());
    }

    #[test]
    fn the_core_keeps_the_busiest_publishers_first() {
        // "tass" publishes three documents, "rt" one, each has its own origin.
        let analyses: Vec<DocumentAnalysis> = (0..4)
            .map(|n| analysis(n, if n < 3 { "tass" } else { "rt" }))
            .collect();
        let graph = build_graph(&analyses);
        assert_eq!(graph.graph.node_count(), 6);
        let core = relay_core(&graph, 3).expect("too large");
        let ids: Vec<&str> = core.graph.nodes().map(|node| node.id.as_str()).collect();
        assert_eq!(ids, ["origin-0", "rt", "tass"]);
        assert_eq!(core.graph.graph.edge_count(), 1);
        // The documents that name a kept source, without a publisher that is not kept.
        let documents: Vec<(&str, Option<&str>)> = core
            .graph
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.publisher.as_deref()))
            .collect();
        assert_eq!(
            documents,
            [
                ("doc-0", Some("tass")),
                ("doc-1", Some("tass")),
                ("doc-2", Some("tass")),
                ("doc-3", Some("rt"))
            ]
        );
        assert_eq!(
            core.note(),
            "Relay core: the 3 of 6 sources that relay or publish the most attributions \
             (then the origins that carry the most); 3 sources and 3 edges are left out of the \
             drawing."
        );
    }
}
