//! The audit of hand-built graphs: claims set by hand (the claims stage fills them in a run),
//! and the figures' definitions at their edges.

use super::*;
use crate::graph::GraphBuilder;
use crate::model::{Attribution, Claim, Document, DocumentAnalysis, Entity, Hop};
use crate::model::{Kind, Relation};

fn entity(id: &str, kind: Kind) -> Entity {
    Entity {
        id: id.to_string(),
        label: id.to_uppercase(),
        kind,
        aliases: vec![],
        titles: vec![],
        mentions: 1,
    }
}

/// A document `id` published by `publisher`, one attribution per chain, each at its own bytes.
fn document(
    id: &str,
    publisher: Option<&str>,
    entities: &[(&str, Kind)],
    chains: &[&[&str]],
) -> DocumentAnalysis {
    let attributions = chains
        .iter()
        .enumerate()
        .map(|(n, chain)| Attribution {
            id: format!("{id}#{}", n + 1),
            document: id.to_string(),
            span: Span::new(n * 10, n * 10 + 9),
            content: Some(Span::new(n * 10, n * 10 + 5)),
            direct: false,
            hops: chain
                .iter()
                .map(|node| Hop {
                    node: node.to_string(),
                    mention: None,
                    cue: None,
                    relation: Relation::Said,
                })
                .collect(),
            rule: String::new(),
        })
        .collect();
    DocumentAnalysis {
        document: Document {
            id: id.to_string(),
            path: None,
            title: None,
            publisher: publisher.map(str::to_string),
            publisher_mention: None,
            bytes: 100,
            date: None,
        },
        entities: entities
            .iter()
            .map(|(id, kind)| entity(id, *kind))
            .collect(),
        attributions,
        diagnostics: vec![],
    }
}

fn graph(documents: Vec<DocumentAnalysis>) -> ProvGraph {
    let mut builder = GraphBuilder::default();
    for document in documents {
        builder.add_analysis(document).unwrap();
    }
    builder.finish()
}

/// A claim of the attributions `ids` of `graph`.
fn claim(graph: &ProvGraph, id: &str, ids: &[&str]) -> Claim {
    let appearances = (ids.iter())
        .map(|id| graph.attributions.iter().position(|a| a.id == *id).unwrap())
        .collect();
    Claim {
        id: id.to_string(),
        text: "the words".to_string(),
        appearances,
    }
}

fn subjects(audit: &Audit, kind: FlagKind) -> Vec<Vec<String>> {
    audit
        .flags
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.subject.clone())
        .collect()
}

/// Two outlets publish the same words: one credits a minister, the other a spokesman; a third
/// document credits the minister with other words.
fn two_origins() -> ProvGraph {
    graph(vec![
        document(
            "a",
            Some("reuters"),
            &[("minister", Kind::Person), ("reuters", Kind::Outlet)],
            &[&["minister"]],
        ),
        document(
            "b",
            Some("afp"),
            &[("spokesman", Kind::Person), ("afp", Kind::Outlet)],
            &[&["spokesman"]],
        ),
        document(
            "c",
            Some("afp"),
            &[("minister", Kind::Person), ("afp", Kind::Outlet)],
            &[&["minister"]],
        ),
    ])
}

#[test]
fn a_claim_credited_to_different_origins_is_flagged_and_one_origin_is_not() {
    let mut graph = two_origins();
    assert!(
        subjects(&audit(&graph), FlagKind::DifferentOrigins).is_empty(),
        "no claims, no flag"
    );
    graph.claims = vec![claim(&graph, "claim-a", &["a#1", "b#1"])];
    let found = audit(&graph);
    assert_eq!(
        subjects(&found, FlagKind::DifferentOrigins),
        [["claim-a".to_string()]]
    );
    let flag = &found.flags[0];
    assert_eq!(flag.documents, ["a", "b"]);
    let notes: Vec<&str> = flag.evidence.iter().map(|e| e.note.as_str()).collect();
    assert_eq!(notes, ["origin minister", "origin spokesman"]);
    assert_eq!(flag.evidence[1].span, Span::new(0, 9));
    assert_eq!(found.claims[0].origins, ["minister", "spokesman"]);
    // The same origin in both: not flagged.
    graph.claims = vec![claim(&graph, "claim-a", &["a#1", "c#1"])];
    assert!(subjects(&audit(&graph), FlagKind::DifferentOrigins).is_empty());
}

#[test]
fn a_claim_credited_to_a_name_and_to_an_unnamed_source_is_not_flagged() {
    let mut graph = graph(vec![
        document(
            "a",
            Some("reuters"),
            &[("minister", Kind::Person), ("reuters", Kind::Outlet)],
            &[&["minister"]],
        ),
        document(
            "b",
            Some("afp"),
            &[("officials--b", Kind::Unnamed), ("afp", Kind::Outlet)],
            &[&["officials--b"]],
        ),
        document(
            "c",
            Some("afp"),
            &[("officials--c", Kind::Unnamed), ("afp", Kind::Outlet)],
            &[&["officials--c"]],
        ),
    ]);
    // "Officials" may be the minister; two unnamed sources may be one.
    graph.claims = vec![claim(&graph, "claim-a", &["a#1", "b#1", "c#1"])];
    assert!(subjects(&audit(&graph), FlagKind::DifferentOrigins).is_empty());
}

#[test]
fn a_claim_credited_to_a_name_and_to_part_of_it_or_to_two_descriptions_is_not_flagged() {
    let one = |id: &str, origin: &str, kind: Kind| {
        document(
            id,
            Some("afp"),
            &[(origin, kind), ("afp", Kind::Outlet)],
            &[&[origin]],
        )
    };
    let mut graph = graph(vec![
        one("a", "ramzan-kadyrov", Kind::Person),
        one("b", "kadyrov", Kind::Person),
        one("c", "coalition--c", Kind::Organization),
        one("d", "coalition--d", Kind::Organization),
        one("e", "joseph-estrada", Kind::Person),
    ]);
    // "Kadyrov" is part of "Ramzan Kadyrov"; "the coalition" of two stories may be one.
    graph.claims = vec![claim(&graph, "claim-a", &["a#1", "b#1", "c#1", "d#1"])];
    assert!(subjects(&audit(&graph), FlagKind::DifferentOrigins).is_empty());
    // Another name is another origin.
    graph.claims = vec![claim(&graph, "claim-a", &["a#1", "b#1", "e#1"])];
    assert_eq!(
        subjects(&audit(&graph), FlagKind::DifferentOrigins),
        [["claim-a".to_string()]]
    );
}

#[test]
fn the_unnamed_origins_of_one_claim_taken_by_two_outlets_are_flagged() {
    let unnamed = |id: &str, publisher: &str| {
        document(
            id,
            Some(publisher),
            &[
                (&format!("officials--{id}"), Kind::Unnamed),
                (publisher, Kind::Outlet),
            ],
            &[&[&format!("officials--{id}")]],
        )
    };
    let mut graph = graph(vec![unnamed("a", "reuters"), unnamed("b", "afp")]);
    assert!(subjects(&audit(&graph), FlagKind::UnnamedManyOutlets).is_empty());
    graph.claims = vec![claim(&graph, "claim-x", &["a#1", "b#1"])];
    assert_eq!(
        subjects(&audit(&graph), FlagKind::UnnamedManyOutlets),
        [["claim-x".to_string()]]
    );
    // Both from one outlet: one path, no flag.
    let mut graph = graph_of_one_outlet();
    graph.claims = vec![claim(&graph, "claim-y", &["a#1", "b#1"])];
    assert!(subjects(&audit(&graph), FlagKind::UnnamedManyOutlets).is_empty());
}

/// Two documents by AFP and BBC, both taking anonymous officials' words through Reuters.
fn graph_of_one_outlet() -> ProvGraph {
    let through_reuters = |id: &str, publisher: &str| {
        let unnamed = format!("officials--{id}");
        document(
            id,
            Some(publisher),
            &[
                (&unnamed, Kind::Unnamed),
                ("reuters", Kind::Outlet),
                (publisher, Kind::Outlet),
            ],
            &[&[&unnamed, "reuters"]],
        )
    };
    graph(vec![
        through_reuters("a", "afp"),
        through_reuters("b", "bbc"),
    ])
}

#[test]
fn profiles_count_by_origin_kind_hops_and_outlets_leaned_on() {
    let graph = graph(vec![document(
        "d",
        Some("bbc"),
        &[
            ("putin", Kind::Person),
            ("kremlin", Kind::Organization),
            ("nato", Kind::Group),
            ("tass", Kind::Outlet),
            ("bbc", Kind::Outlet),
            ("sources--d", Kind::Unnamed),
        ],
        &[
            &["putin", "kremlin", "tass"],
            &["nato"],
            &["tass"],
            &["sources--d", "bbc"],
            &[],
        ],
    )]);
    let found = audit(&graph);
    let profile = &found.document_profiles[0].profile;
    let count = |kind| profile.origin(kind).len();
    assert_eq!(profile.statements.len(), 5);
    assert_eq!(count(OriginKind::Person), 1);
    assert_eq!(count(OriginKind::Organization), 1, "a group counts");
    assert_eq!(count(OriginKind::Outlet), 1);
    assert_eq!(count(OriginKind::Unnamed), 1);
    assert_eq!(profile.origin(OriginKind::NoSource), ["d#5"]);
    assert_eq!(profile.length(Length::One), ["d#2", "d#3"]);
    assert_eq!(profile.length(Length::Two), ["d#4"]);
    assert_eq!(profile.length(Length::ThreeOrMore), ["d#1"]);
    // TASS as relay and as origin; the publisher itself is no other outlet.
    assert_eq!(profile.through_outlet, ["d#1", "d#3"]);
    assert_eq!(found.dependence.len(), 1);
    assert_eq!(found.dependence[0].outlet, "tass");
    assert_eq!(found.dependence[0].attributions, ["d#1", "d#3"]);
    assert!(found.nodes["tass"].agency, "the lexicon knows TASS");
    assert!((profile.share(&profile.through_outlet) - 0.4).abs() < 1e-9);
    // The publisher as a relay is a self-citation.
    assert_eq!(
        subjects(&found, FlagKind::SelfCitation),
        [["d#4".to_string()]]
    );
}

#[test]
fn transmissions_count_the_arrow_to_the_publisher_unless_it_is_the_last_hop() {
    let graph = graph(vec![document(
        "d",
        Some("p"),
        &[
            ("a", Kind::Person),
            ("b", Kind::Person),
            ("c", Kind::Person),
            ("p", Kind::Outlet),
        ],
        &[&["a", "b", "c"], &["a", "b", "p"], &["a", "b"]],
    )]);
    let publisher = Some("p");
    let passed: Vec<usize> = graph
        .attributions
        .iter()
        .map(|a| flags::transmissions(a, publisher))
        .collect();
    assert_eq!(passed, [3, 2, 2]);
    assert_eq!(
        subjects(&audit(&graph), FlagKind::LongChain),
        [["d#1".to_string()]]
    );
}

#[test]
fn circular_citation_needs_edges_both_ways() {
    let graph_of = |back: &str| {
        graph(vec![
            document(
                "x",
                Some("bbc"),
                &[("cnn", Kind::Outlet), ("bbc", Kind::Outlet)],
                &[&["cnn"]],
            ),
            document(
                "y",
                Some("cnn"),
                &[(back, Kind::Outlet), ("cnn", Kind::Outlet)],
                &[&[back]],
            ),
        ])
    };
    let found = audit(&graph_of("bbc"));
    assert_eq!(
        subjects(&found, FlagKind::CircularCitation),
        [["bbc".to_string(), "cnn".to_string()]]
    );
    assert_eq!(found.flags[0].documents, ["x", "y"]);
    assert!(subjects(&audit(&graph_of("afp")), FlagKind::CircularCitation).is_empty());
}

#[test]
fn the_audit_is_the_same_whatever_the_order_of_the_documents() {
    let documents = || {
        vec![
            document("a", Some("bbc"), &[("cnn", Kind::Outlet)], &[&["cnn"]]),
            document("b", None, &[("x", Kind::Person)], &[&["x"], &["x"]]),
            document("c", Some("cnn"), &[("bbc", Kind::Outlet)], &[&["bbc"]]),
        ]
    };
    let forward = audit(&graph(documents()));
    let mut reversed = documents();
    reversed.reverse();
    assert_eq!(forward, audit(&graph(reversed)));
    assert_eq!(forward.publishers.last().unwrap().publisher, None);
}
