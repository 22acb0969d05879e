//! The DOT export: styling by kind, edge labels and widths, escaping of hostile text (checked
//! with graphviz-rust's own parser), and rendering with Graphviz's `dot` binary.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{EdgeTy, Graph, Id, Stmt, Vertex};
use provgraph::export::dot::LEGEND_ID;
use provgraph::export::{DotConfig, to_dot, to_dot_with};
use provgraph::{
    Attribution, Document, DocumentAnalysis, Kind, ProvGraph, Relation, Span, build_graph,
};

use crate::fixtures::{self, entity, hop};

/// Labels that try to break out of a DOT string, or to be mangled by Graphviz.
const HOSTILE: &[&str] = &[
    r#"Say "hi""#,
    r"C:\path\to\N and \l and \G",
    "two\nlines",
    "\"; DROP TABLE nodes; --",
    "]; node [label=\"pwned\"",
    "emoji 📰🙂 and Ünïcödé — ×2",
    "trailing backslash \\",
    "{ } -> -- ; , = <b>not html</b> // /* */ #",
    "carriage\r\nreturn",
];

fn hostile_graph() -> ProvGraph {
    let ids: Vec<String> = (0..HOSTILE.len()).map(|i| format!("n{i}")).collect();
    let mut entities: Vec<_> = HOSTILE
        .iter()
        .zip(&ids)
        .map(|(label, id)| entity(id, label, Kind::Person))
        .collect();
    // An id that needs escaping as well (ids are slugs in practice, but nothing enforces it).
    entities.push(entity("odd \"id\" \\ 🙂", "Odd id", Kind::Group));
    // Long enough that graphviz-rust prints the edge in its multi-line mode.
    let long = "long-".repeat(40);
    entities.push(entity(&long, &long, Kind::Unnamed));
    let chain = [
        ids[0].as_str(),
        ids[3].as_str(),
        "odd \"id\" \\ 🙂",
        long.as_str(),
    ];
    let attribution = Attribution {
        id: "hostile#1".into(),
        document: "hostile".into(),
        span: Span::new(0, 10),
        content: None,
        direct: false,
        hops: chain
            .iter()
            .map(|node| hop(node, None, None, Relation::Said))
            .collect(),
        rule: String::new(),
    };
    let analysis = DocumentAnalysis {
        document: Document {
            id: "hostile".into(),
            path: None,
            title: None,
            publisher: Some(ids[5].clone()),
            publisher_mention: None,
            bytes: 10,
            date: None,
        },
        entities,
        attributions: vec![attribution],
        diagnostics: vec![],
    };
    build_graph([&analysis])
}

/// The inverse of the export's quoting: the text a quoted DOT id stands for.
fn unquote(id: &Id) -> String {
    let Id::Escaped(raw) = id else {
        panic!("expected a quoted id, got {id:?}");
    };
    let inner = raw
        .strip_prefix('"')
        .and_then(|raw| raw.strip_suffix('"'))
        .unwrap_or_else(|| panic!("not in quotes: {raw}"));
    let mut text = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => text.push('"'),
            Some('\\') => text.push('\\'),
            Some('n') => text.push('\n'),
            Some('r') => text.push('\r'),
            other => panic!("unexpected escape \\{other:?} in {raw}"),
        }
    }
    // Graphviz reads entity references in strings: `&` is written `&amp;`.
    text.replace("&amp;", "&")
}

fn plain(id: &Id) -> &str {
    match id {
        Id::Plain(text) | Id::Escaped(text) => text,
        other => panic!("unexpected id {other:?}"),
    }
}

/// Node id → label, and (source, target, label) per edge.
type Parsed = (BTreeMap<String, String>, Vec<(String, String, String)>);

/// The nodes and edges as graphviz-rust's own parser reads them.
fn parse_back(dot: &str) -> Parsed {
    let parsed = graphviz_rust::parse(dot).unwrap_or_else(|err| panic!("{err}\n{dot}"));
    let Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph");
    };
    let label = |attributes: &[graphviz_rust::dot_structures::Attribute]| -> String {
        let attribute = attributes
            .iter()
            .find(|attribute| plain(&attribute.0) == "label")
            .expect("a label");
        unquote(&attribute.1)
    };
    let mut nodes = BTreeMap::new();
    let mut edges = Vec::new();
    let mut pending = stmts;
    while let Some(stmt) = pending.pop() {
        match stmt {
            Stmt::Subgraph(subgraph) => pending.extend(subgraph.stmts),
            // A bare node statement (the publishers' rank) only names a node.
            Stmt::Node(node) if node.attributes.is_empty() => {}
            Stmt::Node(node) if unquote(&node.id.0) == LEGEND_ID => {
                nodes.insert(LEGEND_ID.to_string(), "(legend)".to_string());
            }
            Stmt::Node(node) => {
                nodes.insert(unquote(&node.id.0), label(&node.attributes));
            }
            Stmt::Edge(edge) => {
                let EdgeTy::Pair(Vertex::N(source), Vertex::N(target)) = &edge.ty else {
                    panic!("unexpected edge {edge:?}");
                };
                edges.push((
                    unquote(&source.0),
                    unquote(&target.0),
                    label(&edge.attributes),
                ));
            }
            _ => {}
        }
    }
    edges.sort();
    (nodes, edges)
}

#[test]
fn hostile_labels_and_ids_come_back_exactly_through_the_parser() {
    let graph = hostile_graph();
    let (mut nodes, edges) = parse_back(&to_dot(&graph));
    assert_eq!(nodes.remove(LEGEND_ID), None, "no legend by default");
    let expected_nodes: BTreeMap<String, String> = graph
        .nodes()
        .map(|node| (node.id.clone(), node.label.clone()))
        .collect();
    assert_eq!(nodes, expected_nodes);
    for label in HOSTILE {
        assert!(nodes.values().any(|value| value == label), "{label:?}");
    }
    assert_eq!(edges, expected_edges(&graph));
    assert_eq!(edges.len(), 4);
}

fn expected_edges(graph: &ProvGraph) -> Vec<(String, String, String)> {
    let mut edges: Vec<(String, String, String)> = graph
        .edges()
        .map(|(source, target, edge)| {
            (
                source.id.clone(),
                target.id.clone(),
                format!("{} ×{}", edge.relation.as_str(), edge.weight()),
            )
        })
        .collect();
    edges.sort();
    edges
}

fn picture_configs() -> [DotConfig; 3] {
    [
        DotConfig::picture(),
        DotConfig {
            clusters: true,
            ..DotConfig::picture()
        },
        DotConfig {
            legend: false,
            publishers_last: false,
            clusters: true,
        },
    ]
}

#[test]
fn pictures_with_legend_and_clusters_parse_back_and_render_without_a_word() {
    let article = provgraph::analyze(&provgraph::DocumentInput::new(
        fixtures::DOC,
        fixtures::ARTICLE,
    ));
    let graphs = [
        fixtures::graph(),
        hostile_graph(),
        crate::hostile::graph(),
        build_graph([&article]),
    ];
    for config in picture_configs() {
        for graph in &graphs {
            let dot = to_dot_with(graph, &config);
            let (mut nodes, edges) = parse_back(&dot);
            assert_eq!(
                nodes.remove(LEGEND_ID).is_some(),
                config.legend,
                "{config:?}"
            );
            let expected: BTreeMap<String, String> = graph
                .nodes()
                .map(|node| {
                    let mut label = node.label.clone();
                    if !node.titles.is_empty() {
                        let shown = node.titles.len().min(2);
                        label = format!("{label}\n{}", node.titles[..shown].join("; "));
                        if node.titles.len() > shown {
                            label.push_str(&format!(" (+{})", node.titles.len() - shown));
                        }
                    }
                    (node.id.clone(), label)
                })
                .collect();
            // Labels with control characters other than line breaks, U+FFFE, U+FFFF and
            // bidirectional controls lose them to U+FFFD.
            let clean = |text: &str| -> String {
                text.chars()
                    .map(|c| {
                        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
                        let forbidden = c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}');
                        if bidi || (forbidden && !matches!(c, '\n' | '\r' | '\t')) {
                            '\u{FFFD}'
                        } else {
                            c
                        }
                    })
                    .collect()
            };
            let expected: BTreeMap<String, String> = expected
                .into_iter()
                .map(|(id, label)| (id, clean(&label)))
                .collect();
            assert_eq!(nodes, expected, "{config:?}");
            assert_eq!(edges, expected_edges(graph), "{config:?}");
            if let Some(svg) = render_svg(&dot) {
                assert!(svg.contains("<svg"));
                if config.legend {
                    assert!(svg.contains(">Legend</text>"), "{svg}");
                }
            }
        }
    }
}

#[test]
fn clusters_box_the_sources_that_only_one_document_names() {
    let dot = to_dot_with(
        &fixtures::graph(),
        &DotConfig {
            clusters: true,
            ..DotConfig::default()
        },
    );
    let parsed = graphviz_rust::parse(&dot).unwrap();
    let Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph");
    };
    let clusters: Vec<(String, Vec<String>)> = stmts
        .iter()
        .filter_map(|stmt| match stmt {
            Stmt::Subgraph(subgraph) => Some((
                plain(&subgraph.id).to_string(),
                subgraph
                    .stmts
                    .iter()
                    .filter_map(|stmt| match stmt {
                        Stmt::Node(node) => Some(unquote(&node.id.0)),
                        _ => None,
                    })
                    .collect(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        clusters,
        [
            (
                "cluster_0".to_string(),
                vec!["jake-sullivan".to_string(), "reuters".to_string()]
            ),
            (
                "cluster_1".to_string(),
                vec!["nato-allies".to_string(), "western-officials".to_string()]
            ),
        ]
    );
    assert!(dot.contains(r#"label="The Biden-Putin Video Meeting: Two Hours of Mutual Warnings""#));
}

#[test]
fn nodes_are_styled_by_kind_and_edges_labelled_with_relation_and_weight() {
    let dot = to_dot(&fixtures::graph());
    let expected = [
        "digraph provgraph {\n",
        "rankdir=LR",
        r##""tass"[label="TASS" shape=note style="filled" fillcolor="#dcefd6" color="#4b8a3c"]"##,
        r##""vladimir-putin"[label="Vladimir Putin\nRussian President" shape=ellipse style="filled""##,
        r##""kremlin-press-service"[label="Kremlin press service" shape=box style="filled,rounded""##,
        r##""nato-allies"[label="NATO allies" shape=hexagon"##,
        r##""western-officials"[label="Western officials" shape=ellipse style="filled,dashed""##,
        r##"tooltip="Jake Sullivan (person); also: Sullivan, US National Security Adviser Jake Sullivan, the adviser""##,
        r##""kremlin-press-service" -> "tass" [label="quoted ×2" penwidth=2.0]"##,
        r##""jake-sullivan" -> "reuters" [label="reported ×1" penwidth=1.0]"##,
        r##""tass" -> "clubz" [label="published ×2" penwidth=2.0 style=dashed]"##,
    ];
    for line in expected {
        assert!(dot.contains(line), "missing {line}\nin\n{dot}");
    }
    assert!(dot.ends_with("}\n"));
}

#[test]
fn output_is_the_same_bytes_whatever_the_order_of_documents() {
    let (a, b) = (fixtures::biden_putin(), fixtures::relay());
    assert_eq!(
        to_dot(&build_graph([&a, &b])),
        to_dot(&build_graph([&b, &a]))
    );
}

/// Renders with Graphviz; `None` when `dot` is missing (see `tools`) or PROVGRAPH_SKIP_DOT is set.
fn render_svg(dot: &str) -> Option<String> {
    if std::env::var_os("PROVGRAPH_SKIP_DOT").is_some() {
        eprintln!("skipped: PROVGRAPH_SKIP_DOT is set");
        return None;
    }
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            crate::tools::missing(
                "the `dot` binary",
                "apt-get install graphviz, or set PROVGRAPH_SKIP_DOT=1",
            );
            return None;
        }
        Err(err) => panic!("cannot run dot: {err}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "dot failed ({}): {stderr}\n{dot}",
        output.status
    );
    assert_eq!(stderr, "", "dot complained about\n{dot}");
    Some(String::from_utf8(output.stdout).expect("SVG is UTF-8"))
}

#[test]
fn graphviz_renders_the_example_graph_without_a_word() {
    if let Some(svg) = render_svg(&to_dot(&fixtures::graph())) {
        assert!(svg.contains("<svg"));
        assert!(svg.contains(">Vladimir Putin</text>"), "{svg}");
        assert!(svg.contains(">quoted ×2</text>"), "{svg}");
    }
}

#[test]
fn graphviz_renders_hostile_labels_as_written() {
    if let Some(svg) = render_svg(&to_dot(&hostile_graph())) {
        for text in [
            ">Say &quot;hi&quot;</text>",
            r">C:\path\to\N and \l and \G</text>",
            ">two</text>",
            ">lines</text>",
            ">emoji 📰🙂 and Ünïcödé — ×2</text>",
            ">]; node [label=&quot;pwned&quot;</text>",
            ">trailing backslash \\</text>",
        ] {
            assert!(svg.contains(text), "missing {text} in\n{svg}");
        }
    }
}

#[test]
fn snapshot() {
    insta::assert_snapshot!("biden_putin_and_relay", to_dot(&fixtures::graph()));
}
