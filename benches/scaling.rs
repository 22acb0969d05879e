//! Time against input size for the inputs that once took time quadratic in their length (found
//! with the bad-input matrix of issue 5): doubling the size should double the time. Run with
//! `cargo bench --bench scaling` and compare the rows of each group.
//!
//! - `cues_in_one_sentence`: text without full stops and a cue every few words. Every cue of a
//!   sentence is compared with every other; sentences are now cut at
//!   `text::sentence::MAX_SENTENCE_TOKENS`.
//! - `credits_in_one_paragraph`: "(Reuters) -" over and over in one long paragraph. The dateline
//!   check scanned back to the paragraph start for each.
//! - `quotations_after_statements`: each quotation looked through every draft of the document
//!   for its speaker.
//!
//! docs/performance.md has the times before the fixes.
//! - `plain_words` and `unclosed_quotations`: linear all along, for contrast.

use divan::Bencher;
use divan::counter::BytesCount;
use provgraph::{DocumentInput, analyze};

fn main() {
    divan::main();
}

fn bench_text(bencher: Bencher, text: String) {
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| analyze(&DocumentInput::new("scaling", divan::black_box(&text))));
}

#[divan::bench(args = [2_000, 4_000, 8_000])]
fn cues_in_one_sentence(bencher: Bencher, n: usize) {
    let text =
        "Officials said the talks with Reuters went well and the minister told AFP that ".repeat(n);
    bench_text(bencher, text);
}

#[divan::bench(args = [20_000, 40_000, 80_000])]
fn credits_in_one_paragraph(bencher: Bencher, n: usize) {
    let mut text =
        "One two three four five six seven eight nine ten eleven twelve thirteen fourteen. "
            .to_string();
    text.push_str(&"He spoke (Reuters) - today. ".repeat(n));
    bench_text(bencher, text);
}

#[divan::bench(args = [5_000, 10_000, 20_000])]
fn quotations_after_statements(bencher: Bencher, n: usize) {
    bench_text(
        bencher,
        "Officials said the talks went well. \"Fine.\"\n\n".repeat(n),
    );
}

#[divan::bench(args = [200_000, 400_000])]
fn plain_words(bencher: Bencher, n: usize) {
    bench_text(bencher, "word ".repeat(n));
}

#[divan::bench(args = [50_000, 100_000])]
fn unclosed_quotations(bencher: Bencher, n: usize) {
    bench_text(bencher, "He said \"we will ".repeat(n));
}
