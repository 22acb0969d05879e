//! The analysis's first stages one at a time, for benchmarks (`benches/pipeline.rs`,
//! `examples/throughput.rs`): each runs a stage on a text and returns how much it found. Not
//! part of the API; the stages themselves stay inside the crate.

use crate::lexicon::lexicon;
use crate::rules::{Ctx, find_frames};
use crate::text::Text;
use crate::text::token::tokenize;

/// The number of tokens of `text`.
pub fn tokens(text: &str) -> usize {
    tokenize(text, lexicon()).len()
}

/// The number of sentences of `text` (tokens, sentences and quotations are all found).
pub fn sentences(text: &str) -> usize {
    Text::new(text, lexicon()).sentences.len()
}

/// The number of frames every rule finds in every sentence of `text` (the first sentence read
/// as a headline).
pub fn frames(text: &str) -> usize {
    let text = Text::new(text, lexicon());
    (0..text.sentences.len())
        .map(|i| find_frames(&Ctx::new(&text, i, i == 0)).len())
        .sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_stage_counts_what_it_finds() {
        let text = "Talks end\n\n\"It failed,\" he said. Prices rose, Reuters reported.";
        assert_eq!(super::tokens(text), 16);
        assert_eq!(super::sentences(text), 3);
        assert_eq!(super::frames(text), 2);
    }
}
