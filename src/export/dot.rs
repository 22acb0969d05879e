//! The graph as Graphviz DOT, for looking at: one node per source, shaped and coloured by its
//! kind, one edge per (source, target, relation) labelled with the relation and its weight.
//! [`DotConfig`] adds what a picture needs: a legend, publishers in the last rank (origins are
//! left, publishers right) and a cluster per document.
//!
//! The document is built as `dot_structures` values and printed by graphviz-rust. Its printer
//! writes an `Id::Escaped` verbatim, quotes included, so every string that comes from the input
//! goes through `quoted`, which is the only place that knows DOT's escaping rules.
//!
//! What Graphviz draws is bounded and safe to embed: a label shows at most
//! [`MAX_LABEL_CHARS`] characters (a tooltip [`MAX_TOOLTIP_CHARS`], an id
//! [`MAX_ID_BYTES`] bytes; `dot` refuses strings over 16384 bytes), `&` is written `&amp;` (Graphviz
//! reads entity references in strings), and characters that SVG cannot hold or that reorder the
//! text shown (controls, U+FFFE, U+FFFF, bidirectional overrides and isolates) are drawn as
//! U+FFFD. The full names stay in the other formats.

use std::collections::{BTreeMap, BTreeSet};

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::style::kind_style;
use super::xml::is_bidi_control;
use crate::graph::{Edge, Node, ProvGraph};
use crate::model::{Kind, Relation};

const FONT: &str = "Helvetica,Arial,sans-serif";

/// How many titles a node shows under its label.
const MAX_TITLES_SHOWN: usize = 2;

/// How many characters of a name a node or cluster label shows; longer names end with `…`.
pub const MAX_LABEL_CHARS: usize = 200;

/// How many characters of a tooltip (a node's name, kind and aliases) are kept.
pub const MAX_TOOLTIP_CHARS: usize = 1000;

/// Ids longer than this many bytes are cut and end with a hash of the whole id, which keeps
/// them distinct.
pub const MAX_ID_BYTES: usize = 1000;

/// The id of the legend node: not a slug, so no source can have it.
pub const LEGEND_ID: &str = "provgraph:legend";

/// What a DOT document holds besides the graph itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DotConfig {
    /// A legend node: the colour and shape of each kind, and the dashed `published` edge.
    pub legend: bool,
    /// Publishers share the last rank, so that they line up on the right (not with clusters,
    /// which Graphviz cannot combine with ranks across them).
    pub publishers_last: bool,
    /// One box (a Graphviz cluster) per document around the sources that only it names; sources
    /// that several documents name stay outside.
    pub clusters: bool,
}

impl DotConfig {
    /// The settings for a picture (`provgraph render`, the HTML report): legend and publishers
    /// on the right, without clusters.
    pub fn picture() -> DotConfig {
        DotConfig {
            legend: true,
            publishers_last: true,
            clusters: false,
        }
    }
}

/// The graph as a DOT document (a `digraph`, left to right), ending with a newline.
pub fn to_dot(graph: &ProvGraph) -> String {
    to_dot_with(graph, &DotConfig::default())
}

/// The graph as a DOT document with what `config` adds, ending with a newline.
pub fn to_dot_with(graph: &ProvGraph, config: &DotConfig) -> String {
    to_dot_picture(graph, config, None)
}

/// [`to_dot_with`], with `caption` over the picture (as what [`super::RelayCore::note`] says).
pub fn to_dot_picture(graph: &ProvGraph, config: &DotConfig, caption: Option<&str>) -> String {
    let mut graph_attributes = vec![plain("rankdir", "LR"), quoted_attr("fontname", FONT)];
    if let Some(caption) = caption {
        graph_attributes.extend([
            quoted_attr("label", &cut(caption, MAX_TOOLTIP_CHARS)),
            plain("labelloc", "t"),
        ]);
    }
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            quoted_attr("fontname", FONT),
            plain("fontsize", "12"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            quoted_attr("fontname", FONT),
            plain("fontsize", "10"),
            quoted_attr("color", "#555555"),
            quoted_attr("fontcolor", "#333333"),
        ])),
    ];
    if config.clusters {
        stmts.extend(clustered_nodes(graph));
    } else {
        stmts.extend(graph.nodes().map(|node| Stmt::Node(dot_node(node))));
    }
    if config.publishers_last && !config.clusters {
        let publishers: BTreeSet<&str> = graph
            .documents
            .iter()
            .filter_map(|document| document.publisher.as_deref())
            .collect();
        if !publishers.is_empty() {
            let mut rank = vec![Stmt::Attribute(plain("rank", "max"))];
            rank.extend(
                publishers
                    .into_iter()
                    .map(|id| Stmt::Node(DotNode::new(NodeId(quoted_id(id), None), vec![]))),
            );
            stmts.push(Stmt::Subgraph(Subgraph {
                id: Id::Plain("publishers".to_string()),
                stmts: rank,
            }));
        }
    }
    if config.legend {
        stmts.push(Stmt::Node(legend_node()));
    }
    stmts.extend(
        graph
            .edges()
            .map(|(source, target, edge)| Stmt::Edge(dot_edge(source, target, edge))),
    );
    let document = Graph::DiGraph {
        id: Id::Plain("provgraph".to_string()),
        strict: false,
        stmts,
    };
    let mut text = document.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

fn dot_node(node: &Node) -> DotNode {
    let style = kind_style(node.kind);
    let mut attributes = vec![
        quoted_attr("label", &node_label(node)),
        plain("shape", style.dot_shape),
        quoted_attr("style", style.dot_style),
        quoted_attr("fillcolor", style.fill),
        quoted_attr("color", style.border),
    ];
    if !node.aliases.is_empty() {
        let aliases = node.aliases.join(", ");
        let tooltip = format!("{} ({}); also: {aliases}", node.label, node.kind.as_str());
        attributes.push(quoted_attr("tooltip", &cut(&tooltip, MAX_TOOLTIP_CHARS)));
    }
    DotNode::new(NodeId(quoted_id(&node.id), None), attributes)
}

/// Node statements inside one cluster per document, for the sources that only that document
/// names (in a chain or as its publisher); the others outside, after the clusters.
fn clustered_nodes(graph: &ProvGraph) -> Vec<Stmt> {
    let mut documents_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for attribution in &graph.attributions {
        for id in attribution.chain() {
            documents_of
                .entry(id)
                .or_default()
                .insert(&attribution.document);
        }
    }
    for document in &graph.documents {
        if let Some(publisher) = &document.publisher {
            documents_of
                .entry(publisher)
                .or_default()
                .insert(&document.id);
        }
    }
    let mut stmts = Vec::new();
    let mut shared = Vec::new();
    for (n, document) in graph.documents.iter().enumerate() {
        let mut inside = vec![
            Stmt::Attribute(quoted_attr(
                "label",
                &cut(
                    document.title.as_deref().unwrap_or(&document.id),
                    MAX_LABEL_CHARS,
                ),
            )),
            Stmt::Attribute(quoted_attr("style", "rounded")),
            Stmt::Attribute(quoted_attr("color", "#999999")),
        ];
        inside.extend(
            graph
                .nodes()
                .filter(|node| {
                    documents_of.get(node.id.as_str()).is_some_and(|documents| {
                        documents.len() == 1 && documents.contains(document.id.as_str())
                    })
                })
                .map(|node| Stmt::Node(dot_node(node))),
        );
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{n}")),
            stmts: inside,
        }));
    }
    for node in graph.nodes() {
        let alone = documents_of
            .get(node.id.as_str())
            .is_some_and(|documents| documents.len() == 1);
        if !alone {
            shared.push(Stmt::Node(dot_node(node)));
        }
    }
    stmts.extend(shared);
    stmts
}

/// One node whose HTML-like label is a table: a swatch per kind, and the edge styles.
fn legend_node() -> DotNode {
    let mut rows = String::new();
    for kind in Kind::ALL {
        let style = kind_style(kind);
        rows.push_str(&format!(
            r#"<TR><TD BGCOLOR="{}" COLOR="{}" BORDER="1" WIDTH="24"> </TD><TD ALIGN="LEFT">{}</TD></TR>"#,
            style.fill,
            style.border,
            kind.as_str()
        ));
    }
    rows.push_str(r#"<TR><TD>→</TD><TD ALIGN="LEFT">relayed (relation ×attributions)</TD></TR>"#);
    rows.push_str(r#"<TR><TD>⇢</TD><TD ALIGN="LEFT">published (dashed)</TD></TR>"#);
    let label = format!(
        r#"<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR>{rows}</TABLE>>"#
    );
    DotNode::new(
        NodeId(quoted(LEGEND_ID), None),
        vec![
            Attribute(Id::Plain("label".to_string()), Id::Html(label)),
            plain("shape", "plain"),
            quoted_attr("tooltip", "Legend"),
        ],
    )
}

/// The node's label, and on a second line its first titles, each cut to [`MAX_LABEL_CHARS`].
fn node_label(node: &Node) -> String {
    let mut label = cut(&node.label, MAX_LABEL_CHARS);
    if !node.titles.is_empty() {
        label.push('\n');
        let titles = node.titles[..node.titles.len().min(MAX_TITLES_SHOWN)].join("; ");
        label.push_str(&cut(&titles, MAX_LABEL_CHARS));
        if node.titles.len() > MAX_TITLES_SHOWN {
            let more = node.titles.len() - MAX_TITLES_SHOWN;
            label.push_str(&format!(" (+{more})"));
        }
    }
    label
}

fn dot_edge(source: &Node, target: &Node, edge: &Edge) -> DotEdge {
    let weight = edge.weight();
    let mut attributes = vec![
        quoted_attr("label", &format!("{} ×{weight}", edge.relation.as_str())),
        plain("penwidth", &penwidth(weight)),
    ];
    if edge.relation == Relation::Published {
        attributes.push(plain("style", "dashed"));
    }
    let vertex = |node: &Node| Vertex::N(NodeId(quoted_id(&node.id), None));
    DotEdge {
        ty: EdgeTy::Pair(vertex(source), vertex(target)),
        attributes,
    }
}

/// 1 for one attribution, one more for each doubling, at most 6.
fn penwidth(weight: usize) -> String {
    let width = 1.0 + (weight.max(1) as f64).log2();
    format!("{:.1}", width.min(6.0))
}

fn plain(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), Id::Plain(value.to_string()))
}

fn quoted_attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quoted(value))
}

/// `text` cut to `max_chars` characters, ending with `…` when cut.
fn cut(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((at, _)) => format!("{}…", &text[..at]),
    }
}

/// A node id as a DOT string: as it is up to [`MAX_ID_BYTES`], else cut there (on a character
/// boundary) and ended with 16 hex digits of the whole id's FNV-1a hash.
fn quoted_id(id: &str) -> Id {
    if id.len() <= MAX_ID_BYTES {
        return quoted(id);
    }
    let mut at = MAX_ID_BYTES - 20;
    while !id.is_char_boundary(at) {
        at -= 1;
    }
    let hash = crate::hash::fnv1a(id.as_bytes());
    quoted(&format!("{}…{hash:016x}", &id[..at]))
}

/// `text` as a DOT double-quoted string whose label value reads back as `text`.
///
/// Inside quotes DOT only knows `\"`; Graphviz then reads labels as escape strings, where `\\` is a
/// backslash and `\n` a line break, so backslashes are doubled (`\N` in a name must not become the
/// node's id) and line breaks written as `\n` (`\r` for a carriage return). Graphviz also reads
/// entity references (`&amp;`, `&#x202E;`) in every string, so `&` is written `&amp;`. Other
/// control characters, U+FFFE and U+FFFF, which no renderer draws and SVG cannot hold, and the
/// bidirectional controls become U+FFFD.
fn quoted(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push('\t'),
            '&' => out.push_str("&amp;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c if c.is_control() || is_bidi_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted_text(text: &str) -> String {
        match quoted(text) {
            Id::Escaped(text) => text,
            other => panic!("not escaped: {other:?}"),
        }
    }

    #[test]
    fn quoting_escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(quoted_text("plain"), r#""plain""#);
        assert_eq!(quoted_text(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quoted_text(r"a\b"), r#""a\\b""#);
        assert_eq!(quoted_text(r"ends with \"), r#""ends with \\""#);
        assert_eq!(quoted_text("two\nlines"), r#""two\nlines""#);
        assert_eq!(quoted_text("crlf\r\n"), r#""crlf\r\n""#);
        assert_eq!(quoted_text("bell\u{7}"), "\"bell\u{FFFD}\"");
        assert_eq!(quoted_text("Путин 🙂 ×2"), "\"Путин 🙂 ×2\"");
    }

    /// Issue 17, items 12 and 13: U+FFFE made the SVG ill-formed, `&amp;` and `&#x202E;` were
    /// decoded by Graphviz.
    #[test]
    fn quoting_escapes_entities_and_replaces_what_svg_cannot_hold() {
        assert_eq!(quoted_text("A &amp; B"), "\"A &amp;amp; B\"");
        assert_eq!(quoted_text("&#x202E;"), "\"&amp;#x202E;\"");
        assert_eq!(
            quoted_text("a\u{fffe}b\u{ffff}c\u{202e}d\u{2066}e\u{85}"),
            "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}\""
        );
    }

    /// Issue 17, item 11: `dot` refuses strings over 16384 bytes.
    #[test]
    fn long_labels_and_ids_are_cut() {
        let long = "é".repeat(20_000);
        assert_eq!(cut(&long, 3), "ééé…");
        assert_eq!(cut("short", 5), "short");
        let a = quoted_text_id(&format!("{long}a"));
        let b = quoted_text_id(&format!("{long}b"));
        assert!(
            a.len() <= MAX_ID_BYTES + 2 && b.len() <= MAX_ID_BYTES + 2,
            "{}",
            a.len()
        );
        assert_ne!(a, b);
        assert_eq!(quoted_text_id("jake-sullivan"), "\"jake-sullivan\"");
    }

    fn quoted_text_id(id: &str) -> String {
        match quoted_id(id) {
            Id::Escaped(text) => text,
            other => panic!("not escaped: {other:?}"),
        }
    }

    #[test]
    fn penwidth_grows_with_weight_and_stops_at_six() {
        let widths: Vec<String> = [0, 1, 2, 4, 8, 1000].into_iter().map(penwidth).collect();
        assert_eq!(widths, ["1.0", "1.0", "2.0", "3.0", "4.0", "6.0"]);
    }

    #[test]
    fn node_label_shows_two_titles_and_counts_the_rest() {
        let node = Node {
            id: "x".into(),
            label: "Jake Sullivan".into(),
            kind: Kind::Person,
            aliases: vec![],
            titles: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            mentions: 1,
            label_counts: Default::default(),
            kind_counts: Default::default(),
        };
        assert_eq!(node_label(&node), "Jake Sullivan\na; b (+2)");
    }
}
