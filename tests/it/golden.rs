//! Golden tests on real articles: the JSON and DOT of each bundled article are checked in under
//! `tests/data/expected/`, so any change in what the extractor finds shows up as a diff to
//! review. `PROVGRAPH_BLESS=1 cargo test golden` rewrites them after a reviewed change.
//!
//! The chains the issue names (taken from the human gold, not from our output) are asserted
//! separately, so a blessed regression cannot hide them.

use std::path::{Path, PathBuf};

use provgraph::export::{dot::to_dot, json::to_json};
use provgraph::{DocumentAnalysis, DocumentInput, ProvGraph, analyze, build_graph};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn articles() -> Vec<(String, String)> {
    let dir = root().join("tests/data/articles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("articles directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).expect("UTF-8 article");
            (name.trim_end_matches(".txt").to_string(), text)
        })
        .collect()
}

fn analysis_of(id: &str, text: &str) -> DocumentAnalysis {
    let path = format!("tests/data/articles/{id}.txt");
    analyze(&DocumentInput {
        id,
        text,
        path: Some(&path),
        ..DocumentInput::default()
    })
}

fn check_or_bless(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("PROVGRAPH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create expected dir");
        std::fs::write(path, actual).expect("write expected output");
        return Ok(());
    }
    let expected = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: {e}; run PROVGRAPH_BLESS=1 cargo test golden",
            path.display()
        )
    })?;
    if expected == actual {
        return Ok(());
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    Err(format!(
        "{} differs at line {}:\n  expected: {}\n  actual:   {}\n(review, then PROVGRAPH_BLESS=1 cargo test golden)",
        path.display(),
        line + 1,
        expected.lines().nth(line).unwrap_or(""),
        actual.lines().nth(line).unwrap_or("")
    ))
}

#[test]
fn golden_json_and_dot_of_every_bundled_article() {
    let expected_dir = root().join("tests/data/expected");
    let mut failures = Vec::new();
    let all = articles();
    assert!(
        all.len() >= 5,
        "golden tests need at least five real articles"
    );
    for (id, text) in &all {
        let graph = build_graph([&analysis_of(id, text)]);
        for (ext, output) in [("json", to_json(&graph)), ("dot", to_dot(&graph))] {
            if let Err(e) = check_or_bless(&expected_dir.join(format!("{id}.{ext}")), &output) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `label -relation-> label ...` of the attribution whose span covers `anchor`.
fn chain_at(graph: &ProvGraph, text: &str, anchor: &str) -> String {
    let start = text
        .find(anchor)
        .unwrap_or_else(|| panic!("anchor {anchor:?} not in the article"));
    let end = start + anchor.len();
    let attribution = graph
        .attributions
        .iter()
        .find(|a| a.span.start < end && start < a.span.end)
        .unwrap_or_else(|| panic!("no attribution covers {anchor:?}"));
    let mut out = String::new();
    for (i, hop) in attribution.hops.iter().enumerate() {
        let label = graph
            .node(&hop.node)
            .map_or(hop.node.as_str(), |n| n.label.as_str());
        if i > 0 {
            out.push_str(&format!(" -{}-> ", hop.relation.as_str()));
        }
        out.push_str(label);
    }
    out
}

fn graph_of(id: &str) -> (ProvGraph, String) {
    let (_, text) = articles()
        .into_iter()
        .find(|(name, _)| name == id)
        .expect("bundled article");
    (build_graph([&analysis_of(id, &text)]), text)
}

#[test]
fn the_chains_of_the_bundled_example_article() {
    let (graph, text) = graph_of("biden-putin-video-call");
    let cases = [
        (
            "Putin has called for the responsibility",
            "Vladimir Putin -reported-> Kremlin press service -quoted-> TASS",
        ),
        (
            "French President Emmanuel Macron said today",
            "Emmanuel Macron -reported-> AFP -quoted-> BTA",
        ),
        (
            "Jake Sullivan said Biden had told Putin",
            "Jake Sullivan -reported-> Reuters",
        ),
        ("He said Biden welcomed", "Jake Sullivan"),
        ("The adviser noted", "Jake Sullivan"),
        (
            "the agency recalled",
            "Americans and their NATO allies -reported-> Associated Press",
        ),
        (
            "US lawmakers have planned measures",
            "Reuters -quoted-> BTA",
        ),
        ("according to the White House", "White House"),
    ];
    for (anchor, expected) in cases {
        assert_eq!(chain_at(&graph, &text, anchor), expected, "at {anchor:?}");
    }
    let document = &graph.documents[0];
    assert_eq!(document.publisher.as_deref(), Some("clubz"));
    assert_eq!(
        document.publisher_mention.map(|s| s.slice(&text)),
        Some("ClubZ")
    );
}

#[test]
fn chains_of_other_real_articles() {
    let cases = [
        (
            "tass-1893901",
            "the Russian Emergencies Ministry told TASS",
            "Russian Emergencies Ministry",
        ),
        ("tass-1893901", "He noted that", "Alexander Kurenkov"),
        (
            "te3-xin-eng-20061129-0431",
            "Lavrov was quoted by the Interfax news agency",
            "Sergei Lavrov -quoted-> Interfax",
        ),
        (
            "te3-xin-eng-20061106-0150",
            "Novartis CEO Daniel Vasella was quoted by SRI",
            "Daniel Vasella -quoted-> Swiss Radio International",
        ),
        (
            "te3-afp-eng-20051213-0484",
            "a senior security official quoted by the Haaretz daily",
            "senior security official -quoted-> Haaretz",
        ),
        (
            "reuters-isot-544-flynn-s-lawyers-cut-talks-with-trump-tea",
            "Citing four unnamed people",
            "four unnamed people involved in the case -reported-> New York Times",
        ),
        (
            "newspaper-cnn",
            "Jennifer Peterson told CNN affiliate WUSA",
            "Jennifer Peterson -interview-> WUSA",
        ),
    ];
    for (id, anchor, expected) in cases {
        let (graph, text) = graph_of(id);
        assert_eq!(
            chain_at(&graph, &text, anchor),
            expected,
            "{id} at {anchor:?}"
        );
    }
}
