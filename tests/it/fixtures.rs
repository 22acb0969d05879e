//! Hand-built analyses for the export tests, so that they do not depend on what the extractor
//! finds: the example of `shared/spec/json-output.md` (Jake Sullivan via Reuters) and the chain
//! "Putin ..., the Kremlin's press service reported, quoted by TASS", published by ClubZ.

use provgraph::{
    Attribution, Document, DocumentAnalysis, Entity, Hop, Kind, ProvGraph, Relation, Span,
    build_graph,
};

pub const ARTICLE: &str = include_str!("../data/articles/biden-putin-video-call.txt");
pub const DOC: &str = "biden-putin-video-call";

pub fn entity(id: &str, label: &str, kind: Kind) -> Entity {
    Entity {
        id: id.into(),
        label: label.into(),
        kind,
        aliases: vec![],
        titles: vec![],
        mentions: 1,
    }
}

pub fn hop(node: &str, mention: Option<Span>, cue: Option<Span>, relation: Relation) -> Hop {
    Hop {
        node: node.into(),
        mention,
        cue,
        relation,
    }
}

/// The span of `needle` in the article, at or after `from`.
fn find(needle: &str, from: usize) -> Span {
    let start = from + ARTICLE[from..].find(needle).expect("needle in the article");
    Span::new(start, start + needle.len())
}

/// The Putin → Kremlin press service → TASS attribution, with its real offsets in the article.
pub fn putin_attribution(document: &str, id: &str) -> Attribution {
    let sentence = find("Putin has called for the responsibility", 0);
    let content = find("Putin has called", 0).cover(find("\"on the shoulders of Russia\"", 0));
    let press_service = find("the Kremlin's press service", sentence.start);
    let reported = find("reported", press_service.end);
    let quoted_by = find("quoted by", reported.end);
    let tass = find("TASS", quoted_by.end);
    Attribution {
        id: id.into(),
        document: document.into(),
        span: sentence.cover(tass),
        content: Some(content),
        direct: false,
        hops: vec![
            hop(
                "vladimir-putin",
                Some(Span::new(sentence.start, sentence.start + 5)),
                None,
                Relation::Said,
            ),
            hop(
                "kremlin-press-service",
                Some(press_service),
                Some(reported),
                Relation::Reported,
            ),
            hop("tass", Some(tass), Some(quoted_by), Relation::Quoted),
        ],
        rule: "postposed-reported-quoted-by".into(),
    }
}

/// The spec's example attribution, with the spec's numbers.
pub fn sullivan_attribution() -> Attribution {
    Attribution {
        id: format!("{DOC}#14"),
        document: DOC.into(),
        span: Span::new(2480, 2682),
        content: Some(Span::new(2520, 2660)),
        direct: false,
        hops: vec![
            hop(
                "jake-sullivan",
                Some(Span::new(2480, 2519)),
                Some(Span::new(2520, 2524)),
                Relation::Said,
            ),
            hop(
                "reuters",
                Some(Span::new(2662, 2669)),
                Some(Span::new(2670, 2678)),
                Relation::Reported,
            ),
        ],
        rule: String::new(),
    }
}

pub fn entities() -> Vec<Entity> {
    vec![
        entity("clubz", "ClubZ", Kind::Outlet),
        Entity {
            aliases: vec![
                "Sullivan".into(),
                "US National Security Adviser Jake Sullivan".into(),
                "the adviser".into(),
            ],
            titles: vec!["US National Security Adviser".into()],
            mentions: 9,
            ..entity("jake-sullivan", "Jake Sullivan", Kind::Person)
        },
        Entity {
            aliases: vec!["the Kremlin's press service".into()],
            ..entity(
                "kremlin-press-service",
                "Kremlin press service",
                Kind::Organization,
            )
        },
        entity("reuters", "Reuters", Kind::Outlet),
        entity("tass", "TASS", Kind::Outlet),
        Entity {
            titles: vec!["Russian President".into()],
            mentions: 12,
            ..entity("vladimir-putin", "Vladimir Putin", Kind::Person)
        },
    ]
}

/// The example document of the spec, with two attributions: #3 (Putin) and #14 (Sullivan).
pub fn biden_putin() -> DocumentAnalysis {
    DocumentAnalysis {
        document: Document {
            id: DOC.into(),
            path: Some("articles/biden-putin-video-call.txt".into()),
            title: Some("The Biden-Putin Video Meeting: Two Hours of Mutual Warnings".into()),
            publisher: Some("clubz".into()),
            publisher_mention: Some(Span::new(5921, 5926)),
            bytes: 5999,
            date: None,
        },
        entities: entities(),
        attributions: vec![
            putin_attribution(DOC, &format!("{DOC}#3")),
            sullivan_attribution(),
        ],
        diagnostics: vec![],
    }
}

/// A second document that relays the same Putin chain, also published by ClubZ, and names an
/// unnamed source and a group, so that every kind and a weight of 2 appear.
pub fn relay() -> DocumentAnalysis {
    let mut officials = putin_attribution("relay", "relay#2");
    officials.span = Span::new(100, 150);
    officials.content = None;
    officials.hops = vec![
        hop("western-officials", None, None, Relation::Said),
        hop("nato-allies", None, None, Relation::AccordingTo),
    ];
    DocumentAnalysis {
        document: Document {
            id: "relay".into(),
            path: None,
            title: None,
            publisher: Some("clubz".into()),
            publisher_mention: None,
            bytes: ARTICLE.len(),
            date: None,
        },
        entities: vec![
            entity("clubz", "ClubZ", Kind::Outlet),
            entity(
                "kremlin-press-service",
                "Kremlin press service",
                Kind::Organization,
            ),
            entity("nato-allies", "NATO allies", Kind::Group),
            entity("tass", "TASS", Kind::Outlet),
            entity("vladimir-putin", "Vladimir Putin", Kind::Person),
            entity("western-officials", "Western officials", Kind::Unnamed),
        ],
        attributions: vec![putin_attribution("relay", "relay#1"), officials],
        diagnostics: vec![],
    }
}

pub fn graph() -> ProvGraph {
    build_graph([&biden_putin(), &relay()])
}
