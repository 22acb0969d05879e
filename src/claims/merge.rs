//! Claims read back from graphs, put together without the texts: what `merge` can do.
//!
//! A graph's JSON keeps each claim's text (its earliest appearance's words) but not the words
//! of its other appearances, nor any statement that was in one document only. So claims of
//! different inputs are joined when they share an attribution, or when their texts make the
//! same statement by the same test as [`super::similar`]; a statement that was in one document
//! of each input is found only by building from the texts.

use rustc_hash::FxHashMap;

use super::{UnionFind, appearance_order, claim_id, lsh, similar, words};
use crate::ProvGraph;
use crate::model::Claim;

/// A claim of an input graph by its attributions' ids: what `merge` keeps of each graph's claims
/// until the merged graph, where the attributions have their places, is built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimIds {
    pub text: String,
    /// Attribution ids, earliest first.
    pub attributions: Vec<String>,
}

/// The claims of `graph` by attribution id (taken out of it).
pub fn claim_ids(graph: &mut ProvGraph) -> Vec<ClaimIds> {
    let claims = std::mem::take(&mut graph.claims);
    claims
        .into_iter()
        .map(|claim| ClaimIds {
            text: claim.text,
            attributions: (claim.appearances.iter())
                .map(|&at| graph.attributions[at].id.clone())
                .collect(),
        })
        .collect()
}

/// `claims` as claims of `graph`, whose attributions they name; an id the graph does not have is
/// left out, and so is a claim left with none.
pub fn resolve(graph: &ProvGraph, claims: Vec<ClaimIds>) -> Vec<Claim> {
    let at: FxHashMap<&str, usize> = (graph.attributions.iter().enumerate())
        .map(|(index, attribution)| (attribution.id.as_str(), index))
        .collect();
    claims
        .into_iter()
        .filter_map(|claim| {
            let appearances: Vec<usize> = (claim.attributions.iter())
                .filter_map(|id| at.get(id.as_str()).copied())
                .collect();
            let earliest = &graph.attributions[*appearances.first()?].id;
            Some(Claim {
                id: claim_id(earliest),
                text: claim.text,
                appearances,
            })
        })
        .collect()
}

/// `claims` (of `graph`, from several sources) with those that make the same statement
/// joined, each attribution in one claim, sorted by id.
pub fn merge_claims(graph: &ProvGraph, claims: Vec<Claim>) -> Vec<Claim> {
    let signed: Vec<words::Words> = claims
        .iter()
        .map(|claim| words::words(&claim.text))
        .collect();
    let sets: Vec<&[u32]> = signed.iter().map(words::Words::words).collect();
    let mut groups = UnionFind::new(claims.len());
    lsh::candidates(
        &sets,
        |index| sets[index].len() < similar::MIN_WORDS,
        |a, b| {
            if groups.find(a) != groups.find(b) && similar::same(&signed[a], &signed[b]) {
                groups.union(a, b);
            }
        },
    );
    let mut by_attribution: FxHashMap<usize, usize> = FxHashMap::default();
    for (index, claim) in claims.iter().enumerate() {
        for &appearance in &claim.appearances {
            if let Some(&other) = by_attribution.get(&appearance) {
                groups.union(index, other);
            } else {
                by_attribution.insert(appearance, index);
            }
        }
    }
    let roots: Vec<u32> = (0..claims.len()).map(|index| groups.find(index)).collect();
    let mut joined: FxHashMap<u32, Vec<Claim>> = FxHashMap::default();
    for (claim, root) in claims.into_iter().zip(roots) {
        joined.entry(root).or_default().push(claim);
    }
    let mut out: Vec<Claim> = (joined.into_values())
        .map(|claims| join(graph, claims))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// One claim of several: their appearances, each once, earliest first; the text of the claim
/// whose earliest appearance is the earliest.
fn join(graph: &ProvGraph, mut claims: Vec<Claim>) -> Claim {
    if claims.len() == 1 {
        return claims.pop().expect("one claim");
    }
    let key = |at: usize| {
        let attribution = &graph.attributions[at];
        let date = graph
            .document(&attribution.document)
            .and_then(|document| document.date.as_deref());
        (date, attribution.document.as_str(), attribution.span.start)
    };
    let mut text_of: FxHashMap<usize, String> = FxHashMap::default();
    let mut appearances: Vec<usize> = Vec::new();
    for claim in claims {
        if let Some(&earliest) = claim.appearances.first() {
            text_of.insert(earliest, claim.text);
        }
        appearances.extend(claim.appearances);
    }
    appearances.sort_by(|&a, &b| {
        appearance_order(key(a), key(b))
            .then_with(|| graph.attributions[a].id.cmp(&graph.attributions[b].id))
    });
    appearances.dedup();
    let earliest = appearances[0];
    Claim {
        id: claim_id(&graph.attributions[earliest].id),
        text: text_of.remove(&earliest).unwrap_or_default(),
        appearances,
    }
}
