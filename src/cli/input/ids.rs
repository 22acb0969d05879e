//! Document ids that are unique within a run, given as the documents stream past: the first
//! document with an id keeps it, later ones get the first free `id-2`, `id-3`, ... that no file
//! is naturally called and no document has yet.

use rustc_hash::{FxHashMap, FxHashSet};

pub(super) struct Ids {
    /// The natural ids of the files known before reading (a JSON Lines record's id is only known
    /// when it is read).
    taken: FxHashSet<String>,
    /// Every id given so far: it grows with the run, by one id per document.
    assigned: FxHashSet<String>,
    /// For a natural id given more than once, the last suffix given to it: every smaller one is
    /// taken or given (neither set shrinks), so the search for a free one goes on from there.
    last_suffix: FxHashMap<String, usize>,
}

impl Ids {
    pub(super) fn new(taken: impl IntoIterator<Item = String>) -> Ids {
        Ids {
            taken: taken.into_iter().collect(),
            assigned: FxHashSet::default(),
            last_suffix: FxHashMap::default(),
        }
    }

    /// The id for a document naturally called `natural`.
    pub(super) fn assign(&mut self, natural: &str) -> String {
        if self.assigned.insert(natural.to_string()) {
            return natural.to_string();
        }
        let last = self.last_suffix.entry(natural.to_string()).or_insert(1);
        loop {
            *last += 1;
            let unique = format!("{natural}-{last}");
            if !self.taken.contains(&unique) && self.assigned.insert(unique.clone()) {
                return unique;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    #[test]
    fn duplicate_ids_get_numbered_suffixes_that_no_input_uses() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["a", "b"], &["a", "b"]),
            (&["a", "a", "a"], &["a", "a-2", "a-3"]),
            (&["a", "a", "a-2"], &["a", "a-3", "a-2"]),
            (&["a-2", "a", "a"], &["a-2", "a", "a-3"]),
            (&["x", "y", "x", "y"], &["x", "y", "x-2", "y-2"]),
        ];
        for (natural, expected) in cases {
            let mut ids = Ids::new(strings(natural));
            let got: Vec<String> = natural.iter().map(|id| ids.assign(id)).collect();
            assert_eq!(got, strings(expected), "{natural:?}");
        }
    }

    #[test]
    fn ids_not_known_in_advance_yield_to_those_given_first() {
        // Records of a JSON Lines file: nothing is known before they are read.
        let mut ids = Ids::new([]);
        let got: Vec<String> = ["a", "a", "a-2", "a"]
            .iter()
            .map(|id| ids.assign(id))
            .collect();
        assert_eq!(got, ["a", "a-2", "a-2-2", "a-3"]);
    }
}
