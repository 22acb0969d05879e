//! The progress bar on standard error: documents done, MB/s of text, and the time left when the
//! input's size is known. It appears only when standard error is a terminal and the run has
//! lasted a second; otherwise nothing is drawn. Warnings go through it so that they print above
//! the bar instead of through it (and are counted for the run's summary).

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::warnings::{Warning, Warnings};

/// How long a run goes before the bar shows.
const DELAY: Duration = Duration::from_secs(1);

pub(super) struct Progress<'w> {
    /// `None` when standard error is not a terminal.
    bar: Option<ProgressBar>,
    warnings: &'w Warnings,
    shown: AtomicBool,
    start: Instant,
    documents: AtomicU64,
    text_bytes: AtomicU64,
}

impl<'w> Progress<'w> {
    /// A bar for an input of `total` bytes (`None`: unknown, as for standard input); warnings
    /// count in `warnings`.
    pub(super) fn new(total: Option<u64>, warnings: &'w Warnings) -> Progress<'w> {
        Progress::unless(false, total, warnings)
    }

    /// No bar if `hidden` (as when results stream to the same terminal), else [`Progress::new`].
    pub(super) fn unless(hidden: bool, total: Option<u64>, warnings: &'w Warnings) -> Progress<'w> {
        let bar = (!hidden && io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
            let template = match total {
                Some(_) => "{bar:30} {percent:>3}% {msg}, {eta} left",
                None => "{spinner} {msg}",
            };
            bar.set_style(ProgressStyle::with_template(template).expect("a valid template"));
            bar
        });
        Progress {
            bar,
            warnings,
            shown: AtomicBool::new(false),
            start: Instant::now(),
            documents: AtomicU64::new(0),
            text_bytes: AtomicU64::new(0),
        }
    }

    /// One more document of `text_bytes` done, with `consumed` bytes of input read so far.
    pub(super) fn document_done(&self, text_bytes: usize, consumed: u64) {
        let documents = self.documents.fetch_add(1, Ordering::Relaxed) + 1;
        // Sizes come from the inputs (merge reads them from extract output): never overflow.
        let text = self
            .text_bytes
            .fetch_add(text_bytes as u64, Ordering::Relaxed)
            .saturating_add(text_bytes as u64);
        let Some(bar) = &self.bar else {
            return;
        };
        let elapsed = self.start.elapsed();
        if !self.shown.load(Ordering::Relaxed) {
            if elapsed < DELAY {
                return;
            }
            self.shown.store(true, Ordering::Relaxed);
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.reset_elapsed();
        }
        let mb_per_s = text as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);
        bar.set_message(format!("{documents} documents, {mb_per_s:.1} MB/s"));
        bar.set_position(consumed);
    }

    /// Prints `provgraph: warning: <message>` on standard error, above the bar, and counts it.
    pub(super) fn warn(&self, kind: Warning, message: &str) {
        let print = || self.warnings.warn(kind, message);
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// Counts `n` warnings of `kind` that a printed one sums up.
    pub(super) fn count(&self, kind: Warning, n: u64) {
        self.warnings.count(kind, n);
    }

    /// Removes the bar.
    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
