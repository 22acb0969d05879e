//! What every fuzz target checks once it has a document's text: the analysis keeps the
//! invariants of ARCHITECTURE.md (every span inside the text and on character boundaries, no
//! chain without hops), and its graph exports as JSON that reads back to the same bytes, and as
//! DOT. A broken invariant panics, which libFuzzer reports as a crash with the input.

use provgraph::export::{from_json, to_dot, to_json};
use provgraph::{DocumentAnalysis, DocumentInput, Span, analyze, build_graph};

/// Analyses `text` as the command line does, checks the invariants, builds the graph and
/// exports it.
pub fn check_document(input: &DocumentInput) -> DocumentAnalysis {
    let analysis = analyze(input);
    check_spans(&analysis, input.text);
    let graph = build_graph([&analysis]);
    let json = to_json(&graph);
    let read = from_json(&json).unwrap_or_else(|err| panic!("the JSON does not read back: {err}"));
    assert_eq!(to_json(&read), json, "the JSON reads back to other bytes");
    let dot = to_dot(&graph);
    assert!(dot.starts_with("digraph provgraph {"));
    analysis
}

/// Every span of the analysis lies inside `text` and on character boundaries.
pub fn check_spans(analysis: &DocumentAnalysis, text: &str) {
    assert_eq!(analysis.document.bytes, text.len());
    let check = |what: &str, span: Span| {
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{what} {span:?} is not a span of the {} bytes of text",
            text.len()
        );
    };
    if let Some(span) = analysis.document.publisher_mention {
        check("the publisher mention", span);
    }
    for attribution in &analysis.attributions {
        assert!(
            !attribution.hops.is_empty(),
            "{} has no hops",
            attribution.id
        );
        check(&attribution.id, attribution.span);
        if let Some(content) = attribution.content {
            check("a content", content);
        }
        for hop in &attribution.hops {
            for span in [hop.mention, hop.cue].into_iter().flatten() {
                check("a hop's mention or cue", span);
                assert!(
                    attribution.span.contains(span),
                    "{} does not cover its hops",
                    attribution.id
                );
            }
        }
    }
}
