//! The relay core of a graph too large to draw readably: the sources that relay or publish
//! the most attributions, and the origins that carry the most to them. Past a few dozen
//! sources a whole picture cannot be read (and Graphviz's layout takes minutes beyond a few
//! thousand); the core shows how content reached the page. A source with no edge, or none to
//! another drawn source, is never in the core: it would only be a box on its own.
//! [`RelayCore::note`] says what was left out and [`RelayCore::left_out`] lists it. The JSON
//! and the other formats keep everything.

use std::collections::BTreeSet;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::graph::ProvGraph;

/// How many sources a picture shows by default (`--draw-max-nodes`): past this many, the
/// picture is the relay core. A few dozen boxes still read at a page's width.
pub const DEFAULT_MAX_NODES: usize = 40;

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
    /// The ids of the sources not drawn, the ones with edges first, most attributions first
    /// (then by id).
    pub left_out: Vec<String>,
    /// How many of `left_out` have no edge at all in the whole graph.
    pub unconnected: usize,
}

impl RelayCore {
    /// One sentence for the reader of the picture: what it shows, what it leaves out.
    pub fn note(&self) -> String {
        let shown = self.graph.graph.node_count();
        format!(
            "Relay core: the {shown} of {} sources that relay or publish the most attributions \
             (then the origins that carry the most to them); {} sources ({} of them with no \
             edge) and {} edges are left out of the drawing.",
            self.total_nodes,
            self.left_out.len(),
            self.unconnected,
            self.total_edges - self.graph.graph.edge_count()
        )
    }
}

/// How many times the choice is made again after dropping sources left without an edge.
const ROUNDS: usize = 8;

/// The relay core of `graph` when it has more than `max_nodes` sources, else `None` (draw it
/// whole). The sources with an edge are ranked: those that relay or publish (an edge comes
/// into them, or a document names them its publisher) before the origins, then by the
/// attributions on their edges, then by id. The first `max_nodes` are kept; a kept source with
/// no edge to another kept one is dropped and the next ones take its place (a few rounds).
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
            let incoming = g.edges_directed(index, Direction::Incoming);
            let relays =
                incoming.clone().next().is_some() || publishers.contains(g[index].id.as_str());
            let outgoing = g.edges_directed(index, Direction::Outgoing);
            let weight = incoming.chain(outgoing).map(|e| e.weight().weight()).sum();
            (relays, weight, index)
        })
        .collect();
    // Relays first, then the heaviest, then in id order (the node order).
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let connected = |index: NodeIndex| g.neighbors_undirected(index).next().is_some();
    let candidates: Vec<NodeIndex> = ranked
        .iter()
        .map(|&(_, _, index)| index)
        .filter(|&index| connected(index))
        .collect();
    let kept = choose(graph, &candidates, max_nodes);
    let mut left_out: Vec<NodeIndex> = candidates
        .iter()
        .copied()
        .filter(|index| !kept[index.index()])
        .collect();
    let mut weight = vec![0; g.node_count()];
    for &(_, w, index) in &ranked {
        weight[index.index()] = w;
    }
    left_out.sort_by(|a, b| weight[b.index()].cmp(&weight[a.index()]).then(a.cmp(b)));
    let unconnected: Vec<NodeIndex> = g.node_indices().filter(|&i| !connected(i)).collect();
    let count = unconnected.len();
    left_out.extend(unconnected);
    Some(RelayCore {
        graph: subgraph(graph, &kept),
        total_nodes: g.node_count(),
        total_edges: g.edge_count(),
        left_out: left_out.iter().map(|&i| g[i].id.clone()).collect(),
        unconnected: count,
    })
}

/// Which of `candidates` (ranked) are drawn, by node index: the first `max_nodes`, less those
/// with no edge to another kept one, refilled from the next ones for [`ROUNDS`] rounds.
fn choose(graph: &ProvGraph, candidates: &[NodeIndex], max_nodes: usize) -> Vec<bool> {
    let g = &graph.graph;
    let mut kept = vec![false; g.node_count()];
    let mut dropped = vec![false; g.node_count()];
    for _ in 0..ROUNDS {
        let mut count = kept.iter().filter(|&&k| k).count();
        for &index in candidates {
            if count >= max_nodes {
                break;
            }
            if !kept[index.index()] && !dropped[index.index()] {
                kept[index.index()] = true;
                count += 1;
            }
        }
        let alone: Vec<NodeIndex> = candidates
            .iter()
            .copied()
            .filter(|&i| kept[i.index()] && !g.neighbors_undirected(i).any(|n| kept[n.index()]))
            .collect();
        if alone.is_empty() {
            break;
        }
        for index in alone {
            kept[index.index()] = false;
            dropped[index.index()] = true;
        }
    }
    kept
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
    fn the_core_keeps_the_busiest_publishers_and_no_source_on_its_own() {
        // "tass" publishes three documents, "rt" one, each has its own origin.
        let analyses: Vec<DocumentAnalysis> = (0..4)
            .map(|n| analysis(n, if n < 3 { "tass" } else { "rt" }))
            .collect();
        let graph = build_graph(&analyses);
        assert_eq!(graph.graph.node_count(), 6);
        let core = relay_core(&graph, 3).expect("too large");
        // tass, rt and origin-0 rank first; rt would be drawn on its own (its origin is not
        // drawn), so the next origin takes its place.
        let ids: Vec<&str> = core.graph.nodes().map(|node| node.id.as_str()).collect();
        assert_eq!(ids, ["origin-0", "origin-1", "tass"]);
        assert_eq!(core.graph.graph.edge_count(), 2);
        assert_eq!(core.left_out, ["origin-2", "origin-3", "rt"]);
        assert_eq!(core.unconnected, 0);
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
            ]
        );
        assert_eq!(
            core.note(),
            "Relay core: the 3 of 6 sources that relay or publish the most attributions \
             (then the origins that carry the most to them); 3 sources (0 of them with no \
             edge) and 2 edges are left out of the drawing."
        );
    }

    #[test]
    fn sources_with_no_edge_are_left_out_and_listed_last() {
        // Three documents published by "tass", and three whose origin has no publisher: an
        // origin on its own, with no edge.
        let mut analyses: Vec<DocumentAnalysis> = (0..6).map(|n| analysis(n, "tass")).collect();
        for analysis in &mut analyses[3..] {
            analysis.document.publisher = None;
            analysis.entities.pop();
        }
        let graph = build_graph(&analyses);
        assert_eq!(graph.graph.node_count(), 7);
        let core = relay_core(&graph, 6).expect("too large");
        let ids: Vec<&str> = core.graph.nodes().map(|node| node.id.as_str()).collect();
        // Six may be drawn, but only four have an edge.
        assert_eq!(ids, ["origin-0", "origin-1", "origin-2", "tass"]);
        assert_eq!(core.left_out, ["origin-3", "origin-4", "origin-5"]);
        assert_eq!(core.unconnected, 3);
        assert!(core.note().contains("3 sources (3 of them with no edge)"));
    }
}
