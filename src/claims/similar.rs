//! Whether two statements say the same thing: the exact test that a pair the LSH index proposes
//! must pass before the two join one claim.
//!
//! Two statements are the same when their content words overlap enough — Jaccard of the word
//! sets at least [`MIN_JACCARD`], or, for a short quotation inside a longer paraphrase, the
//! shorter one's words at least [`MIN_CONTAINMENT`] inside the longer — and neither changes the
//! fact: the same parity of negations, and no number or name of one swapped for another number
//! or name in the other ("killed 105 children" is not "killed 150 children"; "Putin said" is
//! not "Biden said" when the name is in the content).

use super::words::Words;

/// Statements with fewer content words say too little to be recognised elsewhere ("he
/// agreed"): they are in no claim.
pub(crate) const MIN_WORDS: usize = 4;

/// The word overlap (shared over all) from which two statements are the same.
pub(crate) const MIN_JACCARD: f64 = 0.5;

/// The share of the shorter statement's words found in the longer one from which a quotation is
/// the same statement as the paraphrase around it; only for statements of at least
/// [`MIN_CONTAINED_WORDS`] words (a short phrase is found in too many sentences).
pub(crate) const MIN_CONTAINMENT: f64 = 0.8;
pub(crate) const MIN_CONTAINED_WORDS: usize = 6;

/// How many items two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether `keys` (numbers or names, sorted, repeated as they come) of one statement hold one
/// more often than the other statement says it: more often than among its `other_keys`, and
/// at all if its `other_words` lack it (a name may stand in lower case there: "the
/// President" / "the president").
fn has_own(keys: &[u32], other_keys: &[u32], other_words: &[u32]) -> bool {
    keys.chunk_by(|a, b| a == b).any(|run| {
        let key = run[0];
        let theirs =
            other_keys.partition_point(|&k| k <= key) - other_keys.partition_point(|&k| k < key);
        let said = usize::from(other_words.binary_search(&key).is_ok());
        run.len() > theirs.max(said)
    })
}

/// Whether each statement has a number (or each a name) that the other does not say: one fact
/// put in the place of another.
fn swapped(a: &Words<&[u32]>, b: &Words<&[u32]>) -> bool {
    let own = |x: &Words<&[u32]>, y: &Words<&[u32]>, numbers: bool| {
        if numbers {
            has_own(x.numbers(), y.numbers(), y.words())
        } else {
            has_own(x.names(), y.names(), y.words())
        }
    };
    (own(a, b, true) && own(b, a, true)) || (own(a, b, false) && own(b, a, false))
}

/// Whether `a` and `b` make the same statement.
pub(crate) fn same(a: &Words<impl AsRef<[u32]>>, b: &Words<impl AsRef<[u32]>>) -> bool {
    let (a, b) = (&a.with_items(a.items()), &b.with_items(b.items()));
    let (na, nb) = (a.words().len(), b.words().len());
    if na < MIN_WORDS || nb < MIN_WORDS || a.negated != b.negated {
        return false;
    }
    let common = shared(a.words(), b.words());
    let union = na + nb - common;
    let jaccard = common as f64 / union as f64;
    let smaller = na.min(nb);
    let contained =
        smaller >= MIN_CONTAINED_WORDS && common as f64 / smaller as f64 >= MIN_CONTAINMENT;
    (jaccard >= MIN_JACCARD || contained) && !swapped(a, b)
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn same_text(a: &str, b: &str) -> bool {
        same(&words(a), &words(b))
    }

    #[test]
    fn paraphrase_and_reordering_are_the_same_statement() {
        assert!(same_text(
            "the flu season has killed 105 children so far, about the average toll",
            "The flu has killed 105 children so far this season, about the average toll"
        ));
        assert!(same_text(
            "the season ended up very hard on the elderly but moderately severe overall",
            "the season was moderately severe overall but very hard on the elderly"
        ));
    }

    #[test]
    fn another_number_name_or_a_negation_is_another_statement() {
        assert!(!same_text(
            "the flu season has killed 105 children so far, about the average toll",
            "the flu season has killed 150 children so far, about the average toll"
        ));
        assert!(!same_text(
            "the minister will meet President Putin in Moscow next week",
            "the minister will meet President Erdogan in Moscow next week"
        ));
        assert!(!same_text(
            "the company will cut jobs at its plants in Ohio this year",
            "the company will not cut jobs at its plants in Ohio this year"
        ));
    }

    #[test]
    fn a_quotation_inside_a_longer_paraphrase_is_the_same_statement() {
        assert!(same_text(
            "the vaccine was safe and effective for older patients",
            "regulators found after a long review that the vaccine was safe and effective \
             for older patients in the trial"
        ));
    }

    #[test]
    fn short_statements_join_nothing() {
        assert!(!same_text("he agreed", "he agreed"));
    }
}
