//! The provenance graph: one node per real-world source merged across mentions and documents,
//! one edge per (source, target, relation), following the flow of information.
//!
//! Building is deterministic and independent of the order of the documents: nodes, edges,
//! documents and attributions come out sorted, and merged node fields are chosen by
//! order-free rules (most frequent label, then longest, then smallest).

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{Attribution, Document, DocumentAnalysis, Kind, Relation};

/// A source in the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: Kind,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub mentions: usize,
}

/// Information flowing from one source to the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub relation: Relation,
    /// Attribution ids, sorted; the weight is their number.
    pub attributions: Vec<String>,
}

impl Edge {
    pub fn weight(&self) -> usize {
        self.attributions.len()
    }
}

/// The whole run: the graph plus the evidence behind it.
#[derive(Clone, Debug)]
pub struct ProvGraph {
    /// Nodes are inserted in id order and edges in (source, target, relation) order, so
    /// iterating `node_indices()` / `edge_indices()` is deterministic.
    pub graph: DiGraph<Node, Edge>,
    /// Sorted by id.
    pub documents: Vec<Document>,
    /// Sorted by (document, span start, id).
    pub attributions: Vec<Attribution>,
}

impl ProvGraph {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.graph.node_weights().find(|node| node.id == id)
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Edges as (source node, target node, edge), in order.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        self.graph.edge_indices().map(move |index| {
            let (source, target) = self
                .graph
                .edge_endpoints(index)
                .expect("edge index from this graph");
            (&self.graph[source], &self.graph[target], &self.graph[index])
        })
    }
}

#[derive(Default)]
struct NodeAcc {
    labels: BTreeMap<String, usize>,
    kinds: BTreeMap<Kind, usize>,
    names: BTreeSet<String>,
    titles: BTreeSet<String>,
    mentions: usize,
}

/// Merges document analyses into one graph.
pub fn build_graph<'a>(analyses: impl IntoIterator<Item = &'a DocumentAnalysis>) -> ProvGraph {
    let mut nodes: BTreeMap<String, NodeAcc> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String, Relation), BTreeSet<String>> = BTreeMap::new();
    let mut documents = Vec::new();
    let mut attributions = Vec::new();

    for analysis in analyses {
        for entity in &analysis.entities {
            let acc = nodes.entry(entity.id.clone()).or_default();
            *acc.labels.entry(entity.label.clone()).or_default() += 1;
            *acc.kinds.entry(entity.kind).or_default() += 1;
            acc.names.insert(entity.label.clone());
            acc.names.extend(entity.aliases.iter().cloned());
            acc.titles.extend(entity.titles.iter().cloned());
            acc.mentions += entity.mentions;
        }
        let publisher = analysis.document.publisher.as_deref();
        for attribution in &analysis.attributions {
            for pair in attribution.hops.windows(2) {
                let key = (pair[0].node.clone(), pair[1].node.clone(), pair[1].relation);
                edges.entry(key).or_default().insert(attribution.id.clone());
            }
            if let (Some(publisher), Some(last)) = (publisher, attribution.hops.last())
                && last.node != publisher
            {
                let key = (
                    last.node.clone(),
                    publisher.to_string(),
                    Relation::Published,
                );
                edges.entry(key).or_default().insert(attribution.id.clone());
            }
            attributions.push(attribution.clone());
        }
        documents.push(analysis.document.clone());
    }

    // Every node an edge or a publisher names must exist, even if an analysis forgot it.
    let referenced = edges
        .keys()
        .flat_map(|(s, t, _)| [s, t])
        .cloned()
        .collect::<Vec<_>>();
    for id in referenced
        .into_iter()
        .chain(documents.iter().filter_map(|d| d.publisher.clone()))
    {
        nodes.entry(id.clone()).or_insert_with(|| NodeAcc {
            labels: BTreeMap::from([(id.clone(), 1)]),
            kinds: BTreeMap::from([(Kind::Unnamed, 1)]),
            names: BTreeSet::from([id]),
            ..NodeAcc::default()
        });
    }

    let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (id, acc) in nodes {
        let label = pick_label(&acc.labels);
        let kind = acc
            .kinds
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(kind, _)| *kind)
            .unwrap_or(Kind::Unnamed);
        let aliases = acc
            .names
            .iter()
            .filter(|name| **name != label)
            .cloned()
            .collect();
        let node = Node {
            id: id.clone(),
            label,
            kind,
            aliases,
            titles: acc.titles.into_iter().collect(),
            mentions: acc.mentions,
        };
        index.insert(id, graph.add_node(node));
    }
    for ((source, target, relation), ids) in edges {
        let edge = Edge {
            relation,
            attributions: ids.into_iter().collect(),
        };
        graph.add_edge(index[&source], index[&target], edge);
    }

    documents.sort_by(|a, b| a.id.cmp(&b.id));
    attributions.sort_by(|a, b| {
        (a.document.as_str(), a.span.start, a.span.end, a.id.as_str()).cmp(&(
            b.document.as_str(),
            b.span.start,
            b.span.end,
            b.id.as_str(),
        ))
    });
    ProvGraph {
        graph,
        documents,
        attributions,
    }
}

/// The most frequent label; ties go to the longest, then the smallest.
fn pick_label(labels: &BTreeMap<String, usize>) -> String {
    labels
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(label, _)| label.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Hop};
    use crate::span::Span;

    fn entity(id: &str, label: &str, kind: Kind) -> Entity {
        Entity {
            id: id.into(),
            label: label.into(),
            kind,
            aliases: vec![],
            titles: vec![],
            mentions: 1,
        }
    }

    fn hop(node: &str, relation: Relation) -> Hop {
        Hop {
            node: node.into(),
            mention: None,
            cue: None,
            relation,
        }
    }

    fn analysis(
        doc: &str,
        publisher: Option<&str>,
        chains: &[&[(&str, Relation)]],
    ) -> DocumentAnalysis {
        let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
        let attributions = chains
            .iter()
            .enumerate()
            .map(|(i, chain)| {
                for (id, _) in chain.iter() {
                    entities.insert(id.to_string(), entity(id, id, Kind::Person));
                }
                Attribution {
                    id: format!("{doc}#{}", i + 1),
                    document: doc.into(),
                    span: Span::new(i * 10, i * 10 + 5),
                    content: None,
                    direct: false,
                    hops: chain.iter().map(|(id, rel)| hop(id, *rel)).collect(),
                    rule: String::new(),
                }
            })
            .collect();
        if let Some(p) = publisher {
            entities.insert(p.into(), entity(p, p, Kind::Outlet));
        }
        DocumentAnalysis {
            document: Document {
                id: doc.into(),
                path: None,
                title: None,
                publisher: publisher.map(String::from),
                publisher_mention: None,
                bytes: 100,
            },
            entities: entities.into_values().collect(),
            attributions,
            diagnostics: vec![],
        }
    }

    fn edge_list(graph: &ProvGraph) -> Vec<(String, String, &'static str, usize)> {
        graph
            .edges()
            .map(|(s, t, e)| (s.id.clone(), t.id.clone(), e.relation.as_str(), e.weight()))
            .collect()
    }

    #[test]
    fn chain_hops_become_edges_with_the_target_relation_and_reach_the_publisher() {
        let a = analysis(
            "doc",
            Some("clubz"),
            &[&[
                ("putin", Relation::Said),
                ("kremlin", Relation::Reported),
                ("tass", Relation::Quoted),
            ]],
        );
        let graph = build_graph([&a]);
        assert_eq!(
            edge_list(&graph),
            vec![
                ("kremlin".into(), "tass".into(), "quoted", 1),
                ("putin".into(), "kremlin".into(), "reported", 1),
                ("tass".into(), "clubz".into(), "published", 1),
            ]
        );
    }

    #[test]
    fn no_published_edge_when_the_last_hop_is_the_publisher() {
        let a = analysis(
            "doc",
            Some("tass"),
            &[&[("ministry", Relation::Said), ("tass", Relation::Interview)]],
        );
        let graph = build_graph([&a]);
        assert_eq!(
            edge_list(&graph),
            vec![("ministry".into(), "tass".into(), "interview", 1)]
        );
    }

    #[test]
    fn edges_merge_across_documents_and_weights_count_attributions() {
        let a = analysis(
            "a",
            Some("bta"),
            &[&[("macron", Relation::Said), ("afp", Relation::Reported)]],
        );
        let b = analysis(
            "b",
            Some("bta"),
            &[&[("macron", Relation::Said), ("afp", Relation::Reported)]],
        );
        let graph = build_graph([&a, &b]);
        let edges = edge_list(&graph);
        assert!(edges.contains(&("macron".into(), "afp".into(), "reported", 2)));
        assert!(edges.contains(&("afp".into(), "bta".into(), "published", 2)));
        assert_eq!(graph.nodes().count(), 3);
    }

    #[test]
    fn building_is_independent_of_document_order() {
        let mut a = analysis("a", None, &[&[("x", Relation::Said)]]);
        let mut b = analysis("b", None, &[&[("x", Relation::Said)]]);
        a.entities[0].label = "Jake Sullivan".into();
        b.entities[0].label = "Sullivan".into();
        let one = build_graph([&a, &b]);
        let two = build_graph([&b, &a]);
        assert_eq!(one.node("x"), two.node("x"));
        assert_eq!(one.node("x").unwrap().label, "Jake Sullivan");
        assert_eq!(one.node("x").unwrap().aliases, vec!["Sullivan".to_string()]);
        assert_eq!(one.attributions, two.attributions);
    }
}
