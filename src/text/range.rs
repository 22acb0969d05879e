//! [`TokenRange`]: the one way a stretch of tokens is written, half-open like Rust's ranges.

/// Tokens `[start, end)` of a text: a noun phrase, a cue, a quotation's words, a content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TokenRange {
    pub start: usize,
    pub end: usize,
}

impl TokenRange {
    pub(crate) const fn new(start: usize, end: usize) -> TokenRange {
        TokenRange { start, end }
    }

    /// The one token `i`.
    pub(crate) const fn one(i: usize) -> TokenRange {
        TokenRange::new(i, i + 1)
    }

    /// How many tokens it holds.
    pub(crate) const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub(crate) const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Its last token; the token before `start` if it is empty.
    pub(crate) const fn last(self) -> usize {
        self.end.wrapping_sub(1)
    }

    /// Does it hold token `i`?
    pub(crate) const fn contains(self, i: usize) -> bool {
        self.start <= i && i < self.end
    }

    /// Does it hold all of `other`?
    pub(crate) const fn covers(self, other: TokenRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Do the two share a token?
    pub(crate) const fn overlaps(self, other: TokenRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Its token indices, in order.
    pub(crate) const fn indices(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_holds_its_start_but_not_its_end() {
        let r = TokenRange::new(2, 5);
        assert_eq!((r.len(), r.last()), (3, 4));
        assert!(r.contains(2) && r.contains(4) && !r.contains(5) && !r.contains(1));
        assert_eq!(r.indices().collect::<Vec<_>>(), [2, 3, 4]);
        assert_eq!(TokenRange::one(7), TokenRange::new(7, 8));
        assert!(TokenRange::new(3, 3).is_empty() && !r.is_empty());
    }

    #[test]
    fn ranges_overlap_when_they_share_a_token() {
        let r = TokenRange::new(2, 5);
        assert!(r.overlaps(TokenRange::new(4, 9)));
        assert!(!r.overlaps(TokenRange::new(5, 9)));
        assert!(!r.overlaps(TokenRange::new(0, 2)));
        assert!(r.covers(TokenRange::new(3, 5)) && !r.covers(TokenRange::new(3, 6)));
    }

    #[test]
    fn ranges_sort_by_start_then_end() {
        let mut v = [
            TokenRange::new(3, 4),
            TokenRange::new(1, 9),
            TokenRange::new(1, 2),
        ];
        v.sort();
        assert_eq!(
            v,
            [
                TokenRange::new(1, 2),
                TokenRange::new(1, 9),
                TokenRange::new(3, 4)
            ]
        );
    }
}
