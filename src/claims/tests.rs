use super::*;
use crate::analyze::{DocumentInput, analyze};
use crate::graph::GraphBuilder;

/// The graph of `documents` (id, date, text) and their claims.
fn claims_of(documents: &[(&str, Option<&str>, &str)]) -> (ProvGraph, Vec<Claim>) {
    claims_joined(documents, false)
}

/// [`claims_of`], the finder's statements joined before the graph is finished when `join`.
fn claims_joined(documents: &[(&str, Option<&str>, &str)], join: bool) -> (ProvGraph, Vec<Claim>) {
    let mut builder = GraphBuilder::default();
    let mut finder = ClaimFinder::default();
    for &(id, date, text) in documents {
        let mut analysis = analyze(&DocumentInput::new(id, text));
        analysis.document.date = date.map(str::to_string);
        finder.add(
            &analysis.document,
            finder.sign(text, &analysis.attributions),
        );
        builder.add_analysis(analysis).unwrap();
    }
    if join {
        finder.join();
    }
    let graph = builder.finish();
    let claims = finder.finish(&graph);
    (graph, claims)
}

const FLU: &str = "The flu season has killed 105 children so far, about the average toll, \
                   the Centers for Disease Control and Prevention said on Friday.\n";
const FLU_PARAPHRASE: &str = "According to the Centers for Disease Control and Prevention, \
                              the flu has killed 105 children so far this season, about the \
                              average toll.\n";
const FLU_OTHER: &str = "The flu season has killed 150 children so far, about the average toll, \
                         the Centers for Disease Control and Prevention said on Friday.\n";

#[test]
fn the_same_statement_in_two_documents_is_one_claim_earliest_by_date() {
    let (graph, claims) = claims_of(&[
        ("a", Some("2013-03-23"), FLU),
        ("b", Some("2013-03-22"), FLU_PARAPHRASE),
        ("c", None, FLU),
    ]);
    assert_eq!(graph.attributions.len(), 3, "{:?}", graph.attributions);
    assert_eq!(claims.len(), 1, "{claims:?}");
    let claim = &claims[0];
    let appearances: Vec<_> = graph.appearances(claim).collect();
    assert_eq!(appearances[0].attribution.id, "b#1");
    assert_eq!(claim.id, claim_id("b#1"));
    let documents: Vec<&str> = appearances.iter().map(|a| a.document.id.as_str()).collect();
    assert_eq!(
        documents,
        ["b", "a", "c"],
        "dated first, by date; undated last"
    );
    assert_eq!(appearances[0].date(), Some("2013-03-22"));
    assert!(
        claim.text.starts_with("the flu has killed 105 children"),
        "{}",
        claim.text
    );
    assert!(appearances[0].origin().is_some());
}

#[test]
fn another_number_is_another_statement_and_one_document_makes_no_claim() {
    let (_, claims) = claims_of(&[("a", None, FLU), ("b", None, FLU_OTHER)]);
    assert!(claims.is_empty(), "{claims:?}");
    let twice = format!("{FLU}\n{FLU}");
    let (_, claims) = claims_of(&[("a", None, &twice)]);
    assert!(claims.is_empty(), "{claims:?}");
}

#[test]
fn find_claims_signs_from_texts_and_merging_joins_by_text() {
    let (graph, found) = claims_of(&[("a", None, FLU), ("b", None, FLU_PARAPHRASE)]);
    let texts = [("a", FLU), ("b", FLU_PARAPHRASE)];
    assert_eq!(find_claims(&graph, &texts), found);
    // Two graphs' claims, by id, joined in the graph of both as merge does it.
    let mut first = graph;
    let (mut second, other) = claims_of(&[("c", None, FLU), ("d", None, FLU)]);
    second.claims = other;
    first.claims = found.clone();
    let mut read = claim_ids(&mut first);
    read.append(&mut claim_ids(&mut second));
    let mut builder = GraphBuilder::default();
    builder.add_graph(first).unwrap();
    builder.add_graph(second).unwrap();
    let both = builder.finish();
    let merged = merge_claims(&both, resolve(&both, read));
    assert_eq!(merged.len(), 1, "{merged:?}");
    let ids: Vec<&str> = (both.appearances(&merged[0]))
        .map(|a| a.attribution.id.as_str())
        .collect();
    assert_eq!(ids, ["a#1", "b#1", "c#1", "d#1"]);
    assert_eq!(merged[0].id, claim_id("a#1"));
    assert_eq!(merged[0].text, found[0].text);
}

#[test]
fn excerpts_collapse_space_and_stop_at_a_word() {
    assert_eq!(words::excerpt("a  b\n c", 10), "a b c");
    assert_eq!(words::excerpt("alpha beta gamma", 11), "alpha beta…");
}

#[test]
fn attributions_starting_at_one_place_keep_their_own_statements() {
    // One speaker, two cues: attributions that start at the same subject, each with its own
    // content.
    const TWO: &str = "In the town, residents who said they opposed the new levy criticised the \
                       council and said they hoped the mayor would resign before the winter.\n";
    let (graph, claims) = claims_of(&[("a", None, TWO), ("b", None, TWO)]);
    let at_one_place = (graph.attributions.windows(2))
        .filter(|pair| {
            pair[0].document == pair[1].document && pair[0].span.start == pair[1].span.start
        })
        .count();
    assert!(
        at_one_place > 0,
        "the test needs two attributions at one place"
    );
    assert!(
        claims
            .iter()
            .any(|claim| claim.text.starts_with("they hoped")),
        "{claims:?}"
    );
    for claim in &claims {
        let contents: Vec<&str> = (graph.appearances(claim))
            .map(|a| super::content_of(TWO, a.attribution))
            .collect();
        assert_eq!(contents, [contents[0]; 2], "{claim:?}");
        assert_eq!(claim.text, contents[0].trim_end(), "{claim:?}");
    }
}

#[test]
fn joining_before_the_graph_is_finished_finds_the_same_claims() {
    let documents = [
        ("a", Some("2013-03-23"), FLU),
        ("b", Some("2013-03-22"), FLU_PARAPHRASE),
        ("c", None, FLU_OTHER),
        ("d", None, FLU_OTHER),
    ];
    let (_, claims) = claims_of(&documents);
    let (_, joined) = claims_joined(&documents, true);
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(joined, claims);
}
