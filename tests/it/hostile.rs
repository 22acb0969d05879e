//! A hand-built graph whose every name tries to break out of some format: quotes, backslashes,
//! closing tags, SQL and DOT injections, line breaks, tabs, NUL and other control characters,
//! emoji, right-to-left text, a spreadsheet formula. Each export's test reads it back with the
//! format's own reader and expects the exact strings (less what the format documents it drops).

use provgraph::{
    Attribution, Document, DocumentAnalysis, Entity, Kind, ProvGraph, Relation, Span, build_graph,
};

use crate::fixtures::{entity, hop};

pub const HOSTILE: &[&str] = &[
    r#"Say "hi" & 'bye'"#,
    r"C:\path\to\N and \l and \G",
    "</graphml></gexf></svg></script><b>not html</b>",
    "\"; DROP TABLE nodes; --",
    "]; node [label=\"pwned\"",
    "two\nlines\tand a tab",
    "carriage\r\nreturn",
    "nul\0bell\u{7}esc\u{1b}del\u{7f}vt\u{b}",
    "emoji 📰🙂 and Ünïcödé — ×2",
    "עברית and العربية \u{202e}override",
    "=HYPERLINK(\"http://example.invalid\")",
    "trailing backslash \\",
    " spaces around ",
    "{ } -> -- ; , = // /* */ # % $ ` ' &amp; &#0; ]]>",
    "unit\u{1f}separator",
    "\u{feff}bom and \u{fffe}\u{ffff} non-characters",
];

/// An id that needs escaping as well (ids are slugs in practice, but nothing enforces it).
pub const ODD_ID: &str = "odd \"id\" \\ 🙂 <x/> & y";

pub const DOCUMENT: &str = "hostile \"doc\" <x> 🙂";

pub fn ids() -> Vec<String> {
    (0..HOSTILE.len()).map(|i| format!("n{i:02}")).collect()
}

pub fn analysis() -> DocumentAnalysis {
    let ids = ids();
    let mut entities: Vec<Entity> = HOSTILE
        .iter()
        .zip(&ids)
        .map(|(label, id)| entity(id, label, Kind::ALL[id.len() % Kind::ALL.len()]))
        .collect();
    entities[1].aliases = HOSTILE.iter().map(|s| s.to_string()).collect();
    entities[2].titles = HOSTILE[..4].iter().map(|s| s.to_string()).collect();
    entities.push(Entity {
        aliases: vec!["odd".into()],
        ..entity(ODD_ID, "Odd id", Kind::Group)
    });
    for (i, e) in entities.iter_mut().enumerate() {
        e.kind = Kind::ALL[i % Kind::ALL.len()];
    }
    let text_len = 400;
    // Chains through hostile nodes: every label is at an edge's end.
    let chains: Vec<Vec<(&str, Relation)>> = vec![
        vec![
            (ids[0].as_str(), Relation::Said),
            (ids[3].as_str(), Relation::Quoted),
            (ODD_ID, Relation::Reported),
            (ids[5].as_str(), Relation::Cited),
        ],
        vec![
            (ids[1].as_str(), Relation::Said),
            (ids[2].as_str(), Relation::Via),
        ],
        vec![
            (ids[4].as_str(), Relation::Said),
            (ids[6].as_str(), Relation::AccordingTo),
        ],
        vec![
            (ids[7].as_str(), Relation::Said),
            (ids[9].as_str(), Relation::Interview),
        ],
        vec![
            (ids[10].as_str(), Relation::Said),
            (ids[11].as_str(), Relation::Quoted),
        ],
        vec![
            (ids[12].as_str(), Relation::Said),
            (ids[13].as_str(), Relation::Reported),
        ],
        vec![
            (ids[14].as_str(), Relation::Said),
            (ids[15].as_str(), Relation::Reported),
        ],
        vec![(ids[8].as_str(), Relation::Said)],
    ];
    let attributions = chains
        .iter()
        .enumerate()
        .map(|(i, chain)| Attribution {
            id: format!("{DOCUMENT}#{}", i + 1),
            document: DOCUMENT.into(),
            span: Span::new(i * 40, i * 40 + 30),
            content: Some(Span::new(i * 40, i * 40 + 10)),
            direct: i % 2 == 0,
            hops: chain
                .iter()
                .map(|(node, relation)| hop(node, None, None, *relation))
                .collect(),
            rule: String::new(),
        })
        .collect();
    DocumentAnalysis {
        document: Document {
            id: DOCUMENT.into(),
            path: Some("dir/\"odd\" path\n.txt".into()),
            title: Some(HOSTILE.join(" | ")),
            publisher: Some(ids[8].clone()),
            publisher_mention: None,
            bytes: text_len,
            date: None,
        },
        entities,
        attributions,
        diagnostics: vec![],
    }
}

pub fn graph() -> ProvGraph {
    build_graph([&analysis()])
}

/// A text for the hostile document: every hostile string, each in a statement.
pub fn text() -> String {
    let mut text = String::new();
    for (i, label) in HOSTILE.iter().enumerate() {
        let line = format!("{label} said {i}.");
        text.push_str(&line);
        text.push('\n');
    }
    text
}
