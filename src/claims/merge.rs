//! Claims read back from graphs, put together without the texts: what `merge` can do.
//!
//! A graph's JSON keeps each claim's text (its earliest appearance's words) but not the words
//! of its other appearances, nor any statement that was in one document only. So claims of
//! different inputs are joined when they share an attribution, or when their texts make the
//! same statement by the same test as [`super::similar`]; a statement that was in one document
//! of each input is found only by building from the texts.

use rustc_hash::FxHashMap;

use super::{UnionFind, appearance_order, claim_id, lsh, similar, words};
use crate::model::{Appearance, Claim};

/// `claims` (from several graphs) with those that make the same statement joined, each
/// attribution in one claim, sorted by id.
pub fn merge_claims(claims: Vec<Claim>) -> Vec<Claim> {
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
    let mut by_attribution: FxHashMap<&str, usize> = FxHashMap::default();
    for (index, claim) in claims.iter().enumerate() {
        for appearance in &claim.appearances {
            if let Some(&other) = by_attribution.get(appearance.attribution.as_str()) {
                groups.union(index, other);
            } else {
                by_attribution.insert(&appearance.attribution, index);
            }
        }
    }
    let roots: Vec<u32> = (0..claims.len()).map(|index| groups.find(index)).collect();
    let mut joined: FxHashMap<u32, Vec<Claim>> = FxHashMap::default();
    for (claim, root) in claims.into_iter().zip(roots) {
        joined.entry(root).or_default().push(claim);
    }
    let mut out: Vec<Claim> = joined.into_values().map(join).collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// One claim of several: their appearances, each once, earliest first; the text of the claim
/// whose earliest appearance is the earliest.
fn join(mut claims: Vec<Claim>) -> Claim {
    let key = |appearance: &Appearance| {
        let start = appearance
            .attribution
            .rsplit_once('#')
            .and_then(|(_, n)| n.parse::<usize>().ok())
            .unwrap_or(0);
        (appearance.date.clone(), appearance.document.clone(), start)
    };
    let order = |a: &Appearance, b: &Appearance| {
        let (ka, kb) = (key(a), key(b));
        appearance_order(
            (ka.0.as_deref(), &ka.1, ka.2),
            (kb.0.as_deref(), &kb.1, kb.2),
        )
        .then_with(|| a.attribution.cmp(&b.attribution))
    };
    if claims.len() == 1 {
        return claims.pop().expect("one claim");
    }
    let mut text_of: FxHashMap<String, String> = FxHashMap::default();
    let mut appearances: Vec<Appearance> = Vec::new();
    for claim in claims {
        text_of.insert(claim.earliest, claim.text);
        appearances.extend(claim.appearances);
    }
    appearances.sort_by(order);
    appearances.dedup_by(|a, b| a.attribution == b.attribution);
    let earliest = appearances[0].attribution.clone();
    Claim {
        id: claim_id(&earliest),
        text: text_of.remove(&earliest).unwrap_or_default(),
        earliest,
        appearances,
    }
}
