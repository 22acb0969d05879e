//! Warnings: each is printed as it comes (`provgraph: warning: ...`), counted by what it is
//! about, and the counts are summed up in one line at the end of the run, so that a long run's
//! skipped documents are not lost in the scroll: `provgraph: 3 warnings (2 skipped documents, 1
//! empty input)`.

use std::sync::atomic::{AtomicU64, Ordering};

/// What a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Warning {
    /// A document (a file, a JSON Lines line, standard input) was not analysed: not text, too
    /// large, not a record, unreadable, or its analysis failed.
    Skipped,
    /// An input held no text or no documents.
    Empty,
    /// A document's id was taken, so it got another.
    Renamed,
    /// Anything else (the report has no diagram).
    Other,
}

impl Warning {
    const ALL: [Warning; 4] = [
        Warning::Skipped,
        Warning::Empty,
        Warning::Renamed,
        Warning::Other,
    ];

    /// How the summary counts it: singular and plural.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Warning::Skipped => ("skipped document", "skipped documents"),
            Warning::Empty => ("empty input", "empty inputs"),
            Warning::Renamed => ("renamed document", "renamed documents"),
            Warning::Other => ("other", "other"),
        }
    }
}

/// The warnings of a run so far, by kind; shared by the threads of the run.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    counts: [AtomicU64; 4],
}

impl Warnings {
    /// Prints `provgraph: warning: <message>` on standard error and counts it.
    pub(crate) fn warn(&self, kind: Warning, message: &str) {
        super::report(&format!("warning: {message}"));
        self.count(kind, 1);
    }

    /// Counts `n` warnings of `kind` without printing (for those that a printed one sums up).
    pub(crate) fn count(&self, kind: Warning, n: u64) {
        self.counts[kind as usize].fetch_add(n, Ordering::Relaxed);
    }

    /// The line that ends a run with warnings, without `provgraph: `; `None` without warnings.
    pub(crate) fn summary(&self) -> Option<String> {
        let counts: Vec<(Warning, u64)> = Warning::ALL
            .iter()
            .map(|&kind| (kind, self.counts[kind as usize].load(Ordering::Relaxed)))
            .collect();
        summary_line(&counts)
    }
}

/// `3 warnings (2 skipped documents, 1 empty input)`, from the counts by kind.
fn summary_line(counts: &[(Warning, u64)]) -> Option<String> {
    let total: u64 = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| {
            let (one, many) = kind.names();
            format!("{n} {}", if *n == 1 { one } else { many })
        })
        .collect();
    let warnings = if total == 1 { "warning" } else { "warnings" };
    Some(format!("{total} {warnings} ({})", parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_kind_in_a_fixed_order() {
        assert_eq!(summary_line(&[(Warning::Skipped, 0)]), None);
        assert_eq!(
            summary_line(&[(Warning::Skipped, 1)]).unwrap(),
            "1 warning (1 skipped document)"
        );
        assert_eq!(
            summary_line(&[
                (Warning::Skipped, 2),
                (Warning::Empty, 1),
                (Warning::Renamed, 0),
                (Warning::Other, 3),
            ])
            .unwrap(),
            "6 warnings (2 skipped documents, 1 empty input, 3 other)"
        );
        let warnings = Warnings::default();
        warnings.count(Warning::Renamed, 12);
        assert_eq!(
            warnings.summary().unwrap(),
            "12 warnings (12 renamed documents)"
        );
    }
}
