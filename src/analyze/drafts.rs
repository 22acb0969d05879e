//! Stage 1 of the analysis: every sentence's frames (the rules), assembled into drafts, plus the
//! quotations whose speaker stands in a neighbouring sentence.

use crate::assemble::{Draft, assemble, neighbour_quote};
use crate::rules::{Buffers, Ctx, find_frames};
use crate::text::Text;
use crate::text::token::TokenFlags;

/// The longest first line that still reads as a headline.
const MAX_HEADLINE_WORDS: usize = 30;

/// Is the first sentence the document's headline (a first line on its own)?
pub(super) fn has_headline(text: &Text) -> bool {
    let Some(first) = text.sentences.first() else {
        return false;
    };
    let one_line = text.tokens[first.start + 1..first.end]
        .iter()
        .all(|t| !t.has(TokenFlags::LINE_BEFORE));
    let next_is_new_paragraph = text
        .sentences
        .get(1)
        .is_none_or(|s| s.paragraph > first.paragraph);
    one_line && next_is_new_paragraph && first.end - first.start <= MAX_HEADLINE_WORDS
}

/// The drafts of the whole text, sentence by sentence, then those inferred from neighbouring
/// quotations.
pub(super) fn find(text: &Text) -> Vec<Draft> {
    find_in(text, has_headline(text))
}

/// [`find`], told whether the first sentence is a headline.
pub(crate) fn find_in(text: &Text, headline: bool) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    // The rules' scratch vectors, reused from sentence to sentence.
    let mut buffers = Buffers::default();
    for (i, sentence) in text.sentences.iter().enumerate() {
        // No rule starts in a sentence without a reporting verb or trigger word (but for the
        // headline): it has no frames to find.
        let is_headline = headline && i == 0;
        if !is_headline && !text.has_trigger_in(sentence.tokens()) {
            continue;
        }
        let ctx = Ctx::with_buffers(text, i, is_headline, buffers);
        let frames = find_frames(&ctx);
        drafts.extend(assemble(text, i, &frames));
        buffers = ctx.into_buffers();
    }
    let neighbours = neighbour_quote::find(text, &drafts);
    drafts.extend(neighbours);
    drafts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn headline(text: &str) -> bool {
        has_headline(&Text::new(text, lexicon()))
    }

    #[test]
    fn a_short_first_line_on_its_own_is_a_headline() {
        assert!(headline(
            "Storm hits coast\n\nThe storm hit the coast, officials said."
        ));
        assert!(headline("Storm hits coast"));
    }

    #[test]
    fn a_first_sentence_running_on_or_too_long_is_no_headline() {
        // The first line runs on into the same paragraph.
        assert!(!headline(
            "The storm hit the coast. Officials said so.\n\nMore."
        ));
        // Wrapped over two lines.
        assert!(!headline("Storm hits\ncoast today\n\nText."));
        let long = format!("{}\n\nText.", ["word"; 31].join(" "));
        assert!(!headline(&long));
        assert!(!headline(""));
    }

    fn rules_of(text: &str) -> Vec<String> {
        find(&Text::new(text, lexicon()))
            .iter()
            .map(|d| d.rule.to_string())
            .collect()
    }

    #[test]
    fn drafts_come_sentence_by_sentence_then_neighbouring_quotations() {
        let text = "Talks end\n\n\"We are leaving,\" said the minister. \"It is over.\" \
                    Prices rose, Reuters reported.\n";
        assert_eq!(rules_of(text), ["inverted", "postposed", "neighbour_quote"]);
    }

    #[test]
    fn a_headline_gets_the_headline_rule_and_a_body_line_does_not() {
        assert_eq!(
            rules_of("Lawyers cut talks: NY Times\n\nText."),
            ["headline"]
        );
        assert!(rules_of("Text.\n\nLawyers cut talks: NY Times").is_empty());
    }
}
