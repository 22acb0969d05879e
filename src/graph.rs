//! The provenance graph: one node per real-world source merged across mentions and documents,
//! one edge per (source, target, relation), following the flow of information.
//!
//! Building is deterministic and independent of the order of the documents: nodes, edges,
//! documents and attributions come out sorted, and merged node fields are chosen by
//! order-free rules (most frequent label, then longest, then smallest). Each node keeps the
//! counts it was chosen from, so graphs merge as their documents would: building from all
//! analyses, or from graphs of any split of them, gives the same graph.

use std::collections::BTreeMap;
use std::fmt;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;

use crate::model::{Attribution, Claim, Document, DocumentAnalysis, Entity, Kind, Relation};

/// A source in the graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: Kind,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub mentions: usize,
    /// How many document entities had each label: what `label` was chosen from, kept so that
    /// graphs merge exactly. Empty for a node that only an edge or a publisher names.
    pub label_counts: BTreeMap<String, usize>,
    /// How many document entities had each kind: what `kind` was chosen from.
    pub kind_counts: BTreeMap<Kind, usize>,
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
    /// Statements carried by several documents, sorted by id; empty unless claims were asked for.
    pub claims: Vec<Claim>,
}

impl ProvGraph {
    /// The node of `id`: found by halves, as the nodes are in id order, else (for a graph put
    /// together by hand out of order) by looking at each.
    pub fn node(&self, id: &str) -> Option<&Node> {
        let nodes = self.graph.raw_nodes();
        match nodes.binary_search_by(|node| node.weight.id.as_str().cmp(id)) {
            Ok(at) => Some(&nodes[at].weight),
            Err(_) => self.graph.node_weights().find(|node| node.id == id),
        }
    }

    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// The document of `id`, found by halves (documents are sorted by id).
    pub fn document(&self, id: &str) -> Option<&Document> {
        let at = self
            .documents
            .binary_search_by(|document| document.id.as_str().cmp(id))
            .ok()?;
        Some(&self.documents[at])
    }

    /// A claim's appearances, earliest first, each with its attribution and document.
    ///
    /// # Panics
    /// When `claim` is not one of this graph's: an appearance past its attributions, or an
    /// attribution whose document it does not have.
    pub fn appearances<'a>(&'a self, claim: &'a Claim) -> impl Iterator<Item = Appearance<'a>> {
        claim.appearances.iter().map(move |&at| {
            let attribution = &self.attributions[at];
            let document = self
                .document(&attribution.document)
                .expect("a claim's attribution has its document in the graph");
            Appearance {
                attribution,
                document,
            }
        })
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

/// Where a claim appears: an attribution of the graph and its document.
#[derive(Clone, Copy, Debug)]
pub struct Appearance<'a> {
    pub attribution: &'a Attribution,
    pub document: &'a Document,
}

impl<'a> Appearance<'a> {
    /// The document's date as its input gave it, or none.
    pub fn date(&self) -> Option<&'a str> {
        self.document.date.as_deref()
    }

    /// Node ids from the origin to the last relay, as in the attribution.
    pub fn chain(&self) -> impl Iterator<Item = &'a str> {
        self.attribution.chain()
    }

    /// The origin: the chain's first node.
    pub fn origin(&self) -> Option<&'a str> {
        self.attribution.chain().next()
    }
}

/// Merges document analyses into one graph. Document ids must be unique: an analysis whose
/// document id came earlier is skipped (use [`GraphBuilder`] to hear about it).
pub fn build_graph<'a>(analyses: impl IntoIterator<Item = &'a DocumentAnalysis>) -> ProvGraph {
    let mut builder = GraphBuilder::default();
    for analysis in analyses {
        let _ = builder.add_analysis(analysis.clone());
    }
    builder.finish()
}

/// A document id that was added to a [`GraphBuilder`] before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateDocument(pub String);

impl fmt::Display for DuplicateDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document {:?} is there twice", self.0)
    }
}

impl std::error::Error for DuplicateDocument {}

/// A graph being built: analyses and whole graphs go in, in any order and grouping, and
/// [`GraphBuilder::finish`] gives the same graph for the same documents. Adding takes the
/// analysis by value, so that a long run holds each attribution once. Everything is kept in hash
/// maps while adding and sorted once at the end.
#[derive(Default)]
pub struct GraphBuilder {
    /// Node ids, numbered as they come: edges refer to nodes by number.
    node_numbers: FxHashMap<String, u32>,
    /// By number.
    nodes: Vec<(String, NodeAcc)>,
    /// (source, target, relation) → attribution ids, in any order and repeated.
    edges: FxHashMap<(u32, u32, Relation), Vec<String>>,
    documents: FxHashMap<String, Document>,
    attributions: Vec<Attribution>,
}

/// Everything a node is chosen from; merging two is adding them up.
///
/// Sorted lists rather than B-trees: most nodes have one label, one kind and a name or two, and
/// the first leaf of a B-tree is large however little it holds (docs/performance.md).
#[derive(Default)]
struct NodeAcc {
    /// (label, count), sorted by label.
    labels: Vec<(String, usize)>,
    /// The count of each kind ever counted, in the order of [`Kind::ALL`].
    kinds: [Option<usize>; Kind::ALL.len()],
    /// Sorted, each once.
    names: Vec<String>,
    titles: Vec<String>,
    mentions: usize,
    /// A count reached `usize::MAX` and stopped there (only graphs made up to reach it do).
    saturated: bool,
}

/// `total + n`, stopping at `usize::MAX` (and saying so in `saturated`) rather than wrapping.
fn add_count(total: &mut usize, n: usize, saturated: &mut bool) {
    match total.checked_add(n) {
        Some(sum) => *total = sum,
        None => {
            *total = usize::MAX;
            *saturated = true;
        }
    }
}

impl NodeAcc {
    /// Counts `label` `count` times (copying it only if it is new).
    fn add_label(&mut self, label: &str, count: usize) {
        match self
            .labels
            .binary_search_by(|(known, _)| known.as_str().cmp(label))
        {
            Ok(i) => add_count(&mut self.labels[i].1, count, &mut self.saturated),
            Err(i) => self.labels.insert(i, (label.to_string(), count)),
        }
    }

    fn add_kind(&mut self, kind: Kind, count: usize) {
        let total = self.kinds[kind as usize].get_or_insert(0);
        add_count(total, count, &mut self.saturated);
    }

    /// The kinds counted, with their counts, in kind order.
    fn kind_counts(&self) -> impl Iterator<Item = (Kind, usize)> + '_ {
        Kind::ALL
            .iter()
            .zip(self.kinds)
            .filter_map(|(kind, count)| count.map(|count| (*kind, count)))
    }
}

/// Adds `item` to `list` (sorted, each once) unless it is there.
fn insert_sorted(list: &mut Vec<String>, item: String) {
    if let Err(i) = list.binary_search(&item) {
        list.insert(i, item);
    }
}

impl GraphBuilder {
    pub fn n_documents(&self) -> usize {
        self.documents.len()
    }

    /// Whether a count summed across inputs (a node's mentions, label or kind votes) reached
    /// `usize::MAX`: it stays there rather than wrapping round to a small number.
    pub fn saturated(&self) -> bool {
        self.nodes.iter().any(|(_, acc)| acc.saturated)
    }

    /// The number of node `id`, a new one if it is new.
    fn node_number(&mut self, id: &str) -> u32 {
        if let Some(&number) = self.node_numbers.get(id) {
            return number;
        }
        let number = u32::try_from(self.nodes.len()).expect("fewer than 2^32 nodes");
        self.node_numbers.insert(id.to_string(), number);
        self.nodes.push((id.to_string(), NodeAcc::default()));
        number
    }

    /// [`GraphBuilder::node_number`], looked up first in `local`, a document's (id, number)
    /// pairs.
    fn node_number_among(&mut self, local: &[(&str, u32)], id: &str) -> u32 {
        match local.iter().find(|(known, _)| *known == id) {
            Some(&(_, number)) => number,
            None => self.node_number(id),
        }
    }

    fn add_edge(&mut self, source: u32, target: u32, relation: Relation, attribution: &str) {
        self.edges
            .entry((source, target, relation))
            .or_default()
            .push(attribution.to_string());
    }

    fn node(&mut self, id: &str) -> &mut NodeAcc {
        let number = self.node_number(id);
        &mut self.nodes[number as usize].1
    }

    /// Adds one document's analysis; a document id that is already there is an error and
    /// changes nothing.
    pub fn add_analysis(&mut self, analysis: DocumentAnalysis) -> Result<(), DuplicateDocument> {
        let DocumentAnalysis {
            document,
            mut entities,
            attributions,
            diagnostics: _,
        } = analysis;
        if self.documents.contains_key(&document.id) {
            return Err(DuplicateDocument(document.id));
        }
        // The numbers of the document's nodes, looked up once: hops name them again and again,
        // and a short list is quicker to search than the table of every node.
        let mut local: Vec<(&str, u32)> = Vec::with_capacity(entities.len() + 1);
        for entity in &mut entities {
            let number = self.add_entity(entity);
            local.push((&entity.id, number));
        }
        let publisher = document.publisher.as_deref();
        if let Some(publisher) = publisher {
            // Every publisher is a node, even one no entity names.
            local.push((publisher, self.node_number(publisher)));
        }
        for attribution in &attributions {
            self.add_chain(&local, publisher, attribution);
        }
        self.documents.insert(document.id.clone(), document);
        self.attributions.extend(attributions);
        Ok(())
    }

    /// Counts a document's entity into its node (taking its names); the node's number.
    fn add_entity(&mut self, entity: &mut Entity) -> u32 {
        let number = self.node_number(&entity.id);
        let acc = &mut self.nodes[number as usize].1;
        acc.add_kind(entity.kind, 1);
        for alias in std::mem::take(&mut entity.aliases) {
            insert_sorted(&mut acc.names, alias);
        }
        for title in std::mem::take(&mut entity.titles) {
            insert_sorted(&mut acc.titles, title);
        }
        add_count(&mut acc.mentions, entity.mentions, &mut acc.saturated);
        let label = std::mem::take(&mut entity.label);
        acc.add_label(&label, 1);
        insert_sorted(&mut acc.names, label);
        number
    }

    /// The edges of one attribution's chain, and the last hop's to the publisher; `local` are
    /// the numbers of the document's nodes.
    fn add_chain(
        &mut self,
        local: &[(&str, u32)],
        publisher: Option<&str>,
        attribution: &Attribution,
    ) {
        for pair in attribution.hops.windows(2) {
            let source = self.node_number_among(local, &pair[0].node);
            let target = self.node_number_among(local, &pair[1].node);
            self.add_edge(source, target, pair[1].relation, &attribution.id);
        }
        if let (Some(publisher), Some(last)) = (publisher, attribution.hops.last())
            && last.node != publisher
        {
            let source = self.node_number_among(local, &last.node);
            let target = self.node_number_among(local, publisher);
            self.add_edge(source, target, Relation::Published, &attribution.id);
        }
    }

    /// Adds a whole graph (one read back from JSON, say); any of its document ids that is
    /// already there is an error and changes nothing.
    pub fn add_graph(&mut self, graph: ProvGraph) -> Result<(), DuplicateDocument> {
        if let Some(document) = graph
            .documents
            .iter()
            .find(|document| self.documents.contains_key(&document.id))
        {
            return Err(DuplicateDocument(document.id.clone()));
        }
        let (nodes, edges) = graph.graph.into_nodes_edges();
        let ids: Vec<String> = nodes.iter().map(|node| node.weight.id.clone()).collect();
        for node in nodes {
            let node = node.weight;
            let acc = self.node(&node.id);
            // A node without counts only stood in for a name an edge used: it adds no names.
            if !node.label_counts.is_empty() {
                insert_sorted(&mut acc.names, node.label);
            }
            for (label, count) in node.label_counts {
                acc.add_label(&label, count);
            }
            for (kind, count) in node.kind_counts {
                acc.add_kind(kind, count);
            }
            for alias in node.aliases {
                insert_sorted(&mut acc.names, alias);
            }
            for title in node.titles {
                insert_sorted(&mut acc.titles, title);
            }
            add_count(&mut acc.mentions, node.mentions, &mut acc.saturated);
        }
        for edge in edges {
            let key = (
                self.node_number(&ids[edge.source().index()]),
                self.node_number(&ids[edge.target().index()]),
                edge.weight.relation,
            );
            self.edges
                .entry(key)
                .or_default()
                .extend(edge.weight.attributions);
        }
        self.attributions.extend(graph.attributions);
        for document in graph.documents {
            if let Some(publisher) = &document.publisher {
                self.node_number(publisher);
            }
            self.documents.insert(document.id.clone(), document);
        }
        Ok(())
    }

    /// The graph of everything added: sorted, with each node's fields chosen by order-free rules.
    /// A node that only an edge or a publisher names is labelled with its id, of kind unnamed.
    pub fn finish(self) -> ProvGraph {
        let GraphBuilder {
            node_numbers: _,
            nodes,
            edges,
            documents,
            mut attributions,
        } = self;
        let mut documents: Vec<Document> = documents.into_values().collect();
        let sort = |documents: &mut Vec<Document>, attributions: &mut Vec<Attribution>| {
            documents.sort_unstable_by(|a, b| a.id.cmp(&b.id));
            sort_attributions(attributions, documents);
        };
        // Sorting the documents and the attributions goes on beside the building of the nodes
        // and edges when there are many of them.
        let graph = if attributions.len() + documents.len() >= PARALLEL_SORT {
            std::thread::scope(|scope| {
                scope.spawn(|| sort(&mut documents, &mut attributions));
                build_petgraph(nodes, edges)
            })
        } else {
            sort(&mut documents, &mut attributions);
            build_petgraph(nodes, edges)
        };
        ProvGraph {
            graph,
            documents,
            attributions,
            claims: Vec::new(),
        }
    }
}

/// From this many attributions and documents on, [`GraphBuilder::finish`] sorts them on a
/// thread of their own.
const PARALLEL_SORT: usize = 10_000;

/// The graph of the nodes and edges added: nodes in id order, with their fields chosen by
/// order-free rules; edges in (source, target, relation) order.
fn build_petgraph(
    mut nodes: Vec<(String, NodeAcc)>,
    edges: FxHashMap<(u32, u32, Relation), Vec<String>>,
) -> DiGraph<Node, Edge> {
    // Numbers in the order of ids: the graph's node indices.
    let mut order: Vec<u32> = (0..nodes.len() as u32).collect();
    order.sort_unstable_by(|a, b| nodes[*a as usize].0.cmp(&nodes[*b as usize].0));
    let mut index = vec![NodeIndex::new(0); nodes.len()];

    let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
    for &number in &order {
        let (id, acc) = std::mem::take(&mut nodes[number as usize]);
        let label = pick_label(&acc.labels).unwrap_or_else(|| id.clone());
        let kind = acc
            .kind_counts()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(kind, _)| kind)
            .unwrap_or(Kind::Unnamed);
        let kind_counts = acc.kind_counts().collect();
        let mut aliases = acc.names;
        aliases.retain(|name| *name != label);
        let node = Node {
            id,
            label,
            kind,
            aliases,
            titles: acc.titles,
            mentions: acc.mentions,
            label_counts: acc.labels.into_iter().collect(),
            kind_counts,
        };
        index[number as usize] = graph.add_node(node);
    }
    let mut edges: Vec<((u32, u32, Relation), Vec<String>)> = edges.into_iter().collect();
    edges.sort_unstable_by(|((s1, t1, r1), _), ((s2, t2, r2), _)| {
        (index[*s1 as usize], index[*t1 as usize], r1).cmp(&(
            index[*s2 as usize],
            index[*t2 as usize],
            r2,
        ))
    });
    for ((source, target, relation), mut ids) in edges {
        ids.sort_unstable();
        ids.dedup();
        let edge = Edge {
            relation,
            attributions: ids,
        };
        graph.add_edge(index[source as usize], index[target as usize], edge);
    }

    graph
}

/// Sorts attributions by (document id, span start, span end, id), given the documents sorted
/// by id. Comparing document ids, which share long prefixes, was most of the cost: the sort
/// compares each document's rank instead, computed once per attribution, and only the rare
/// attributions of one document with the same span are compared by id.
fn sort_attributions(attributions: &mut [Attribution], documents: &[Document]) {
    let listed = ranks(documents.iter().map(|d| d.id.as_str()));
    // A graph read from JSON may hold attributions of documents it does not list: they are
    // ranked among the others, so that the order stays that of the ids, whatever the input order.
    let unlisted: Vec<String> = attributions
        .iter()
        .map(|a| a.document.as_str())
        .filter(|id| !listed.contains_key(id))
        .map(str::to_string)
        .collect();
    let rank = if unlisted.is_empty() {
        listed
    } else {
        let mut ids: Vec<&str> = listed.keys().copied().collect();
        ids.extend(unlisted.iter().map(String::as_str));
        ids.sort_unstable();
        ids.dedup();
        ranks(ids.into_iter())
    };
    attributions.sort_by_cached_key(|a| (rank[a.document.as_str()], a.span.start, a.span.end));
    sort_same_place_by_id(attributions);
}

/// Sorts by id each run of attributions of the same document and span.
fn sort_same_place_by_id(attributions: &mut [Attribution]) {
    let same_place =
        |a: &Attribution, b: &Attribution| a.document == b.document && a.span == b.span;
    for group in attributions.chunk_by_mut(same_place) {
        if group.len() > 1 {
            group.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        }
    }
}

/// Each of `ids`, in order, with its place.
fn ranks<'a>(ids: impl Iterator<Item = &'a str>) -> FxHashMap<&'a str, u32> {
    ids.enumerate().map(|(i, id)| (id, i as u32)).collect()
}

/// The most frequent label; ties go to the longest, then the smallest.
fn pick_label(labels: &[(String, usize)]) -> Option<String> {
    labels
        .iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(&a.0))
        })
        .map(|(label, _)| label.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_counts_in_the_place_of_its_discriminant() {
        // `NodeAcc::kinds` is indexed by `kind as usize`, in the order of `Kind::ALL`.
        for (i, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i, "{kind:?}");
        }
    }

    #[test]
    fn counts_stop_at_the_largest_instead_of_wrapping() {
        let mut acc = NodeAcc::default();
        acc.add_label("X", usize::MAX - 1);
        acc.add_kind(Kind::Person, usize::MAX);
        assert!(!acc.saturated);
        acc.add_label("X", 2);
        acc.add_kind(Kind::Person, 1);
        add_count(&mut acc.mentions, usize::MAX, &mut acc.saturated);
        add_count(&mut acc.mentions, 1, &mut acc.saturated);
        assert_eq!(acc.labels, [("X".to_string(), usize::MAX)]);
        assert_eq!(acc.kinds[Kind::Person as usize], Some(usize::MAX));
        assert_eq!(acc.mentions, usize::MAX);
        assert!(acc.saturated);
    }

    #[test]
    fn sorted_lists_keep_each_item_once_in_order() {
        let mut list = Vec::new();
        for item in ["b", "a", "c", "a", "b"] {
            insert_sorted(&mut list, item.to_string());
        }
        assert_eq!(list, ["a", "b", "c"]);
        let mut acc = NodeAcc::default();
        acc.add_label("Y", 1);
        acc.add_label("X", 2);
        acc.add_label("Y", 3);
        assert_eq!(acc.labels, [("X".to_string(), 2), ("Y".to_string(), 4)]);
        acc.add_kind(Kind::Unnamed, 0);
        acc.add_kind(Kind::Person, 2);
        let counts: Vec<(Kind, usize)> = acc.kind_counts().collect();
        assert_eq!(counts, [(Kind::Person, 2), (Kind::Unnamed, 0)]);
    }
    use crate::model::Hop;
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
                date: None,
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
    fn attributions_sort_by_document_id_then_span_then_id() {
        let document = |id: &str| Document {
            id: id.into(),
            path: None,
            title: None,
            publisher: None,
            publisher_mention: None,
            bytes: 100,
            date: None,
        };
        let attribution = |document: &str, id: &str, start: usize, end: usize| Attribution {
            id: id.into(),
            document: document.into(),
            span: Span::new(start, end),
            content: None,
            direct: false,
            hops: vec![],
            rule: String::new(),
        };
        // Ranks, not ids, are compared: "doc-10" sorts before "doc-9" as a string.
        let documents = vec![document("doc-10"), document("doc-9")];
        let mut attributions = vec![
            attribution("doc-9", "doc-9#1", 0, 5),
            attribution("doc-10", "doc-10#9", 3, 8),
            attribution("doc-10", "doc-10#10", 3, 8),
            attribution("doc-10", "doc-10#2", 3, 9),
            attribution("doc-10", "doc-10#1", 1, 20),
        ];
        sort_attributions(&mut attributions, &documents);
        let ids: Vec<&str> = attributions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            ["doc-10#1", "doc-10#10", "doc-10#9", "doc-10#2", "doc-9#1"]
        );

        // Attributions of documents not listed (a hand-edited graph) sort among the others by
        // document id, whatever order they came in.
        let unlisted = |order: [usize; 4]| {
            let all = [
                attribution("doc-9", "doc-9#1", 5, 9),
                attribution("doc-11", "doc-11#1", 0, 4),
                attribution("doc-0", "doc-0#1", 5, 9),
                attribution("doc-10", "doc-10#1", 1, 2),
            ];
            let mut attributions: Vec<Attribution> = order.map(|k| all[k].clone()).to_vec();
            sort_attributions(&mut attributions, &documents);
            attributions
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        };
        let expected = ["doc-0#1", "doc-10#1", "doc-11#1", "doc-9#1"];
        assert_eq!(unlisted([0, 1, 2, 3]), expected);
        assert_eq!(unlisted([3, 2, 1, 0]), expected);
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
