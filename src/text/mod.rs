//! The text layer: tokens, sentences and quotations of one document.
//!
//! Invariant: building a [`Text`] never fails; odd input (unbalanced quotation marks, no
//! punctuation, binary-looking characters) gives diagnostics and best-effort structure.

pub(crate) mod quote;
mod range;
pub(crate) mod sentence;
pub(crate) mod token;

use crate::lexicon::{Class, Lexicon};
use crate::model::Diagnostic;
use crate::span::Span;

pub(crate) use quote::Quote;
pub(crate) use range::TokenRange;
pub(crate) use sentence::Sentence;
pub(crate) use token::Token;

/// No quotation contains the token.
pub(crate) const NO_QUOTE: u32 = u32::MAX;

pub(crate) struct Text<'a> {
    pub src: &'a str,
    pub tokens: Vec<Token>,
    /// Each token's words, sliced once: the rules ask [`Text::word`] for them again and again
    /// (1.4% of `build`'s instructions went to checking the slices' bounds).
    words: Vec<&'a str>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// For each token, the quotation whose words it is one of, or [`NO_QUOTE`]. Quotation
    /// marks themselves are outside.
    pub in_quote: Vec<u32>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every class some word of the text has: whether a word of a class is anywhere, without
    /// reading the tokens.
    pub classes: Class,
    /// Surnames that the lexicon reads as another word, seen after a given name somewhere in
    /// the text: "Cuban" of "Mark Cuban" (a nationality), so that "Cuban said" is his.
    surnames: Vec<&'a str>,
    /// The tokens outside quotations that some rule starts from, in order: the words of
    /// [`TRIGGERS`] (noted as the text is split, so that no rule reads every token for them).
    pub triggers: Vec<usize>,
}

/// Reporting verbs and trigger words: the classes of the words the rules start from.
pub(crate) const TRIGGERS: Class = Class::VERB.union(Class::TRIGGER);

impl<'a> Text<'a> {
    pub(crate) fn new(src: &'a str, lexicon: &Lexicon) -> Text<'a> {
        let token::Tokenized {
            tokens,
            classes,
            noted,
        } = token::tokenize_noting(src, lexicon, SURNAME_LOOKALIKE | TRIGGERS);
        let sentences = sentence::split(src, &tokens, lexicon);
        let mut diagnostics = Vec::new();
        let (quotes, in_quote) = quote::find(src, &tokens, lexicon, &mut diagnostics);
        let of_class = |class: Class| {
            let tokens = &tokens;
            noted
                .iter()
                .copied()
                .filter(move |&i| tokens[i].info.is(class))
        };
        let surnames = match classes.intersects(Class::GIVEN) {
            true => other_words_as_surnames(src, &tokens, of_class(SURNAME_LOOKALIKE)),
            false => Vec::new(),
        };
        let triggers = of_class(TRIGGERS)
            .filter(|&i| in_quote[i] == NO_QUOTE)
            .collect();
        let words = (tokens.iter())
            .map(|t| &src[t.start as usize..t.end as usize])
            .collect();
        Text {
            src,
            tokens,
            words,
            sentences,
            quotes,
            in_quote,
            diagnostics,
            classes,
            surnames,
            triggers,
        }
    }

    /// Is token `i` a surname of someone named in full in the text, though the lexicon reads
    /// the word as something else ("Cuban" after "Mark Cuban")? Not after a determiner or a
    /// number ("a Cuban", "two Cubans").
    pub(crate) fn is_surname(&self, i: usize) -> bool {
        let counted = i.checked_sub(1).is_some_and(|before| {
            let t = &self.tokens[before];
            t.info.is(Class::DET | Class::POSS | Class::QUANTITY)
                || t.kind == token::TokenKind::Number
        });
        !self.surnames.is_empty() && !counted && self.surnames.contains(&self.word(i))
    }

    /// Is one of [`Text::triggers`] in `range`?
    pub(crate) fn has_trigger_in(&self, range: TokenRange) -> bool {
        let first = self.triggers.partition_point(|&i| i < range.start);
        self.triggers.get(first).is_some_and(|&i| i < range.end)
    }

    /// Is token `i` a dash ("-", "—", "--"), as between a dateline and its story?
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == token::TokenKind::Dash || self.word(i) == "-")
    }

    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The bytes of tokens `range` (which holds at least one token).
    pub(crate) fn span(&self, range: TokenRange) -> Span {
        debug_assert!(!range.is_empty(), "the span of no tokens");
        Span::new(
            self.tokens[range.start].start as usize,
            self.tokens[range.last()].end as usize,
        )
    }

    /// The quotation containing token `i`, if any.
    pub(crate) fn quote_of(&self, i: usize) -> Option<&Quote> {
        match self.in_quote.get(i) {
            Some(&q) if q != NO_QUOTE => self.quotes.get(q as usize),
            _ => None,
        }
    }

    /// The token that starts at byte `at`, if one does.
    pub(crate) fn token_starting_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| (t.start as usize) < at);
        (self.tokens.get(i)?.start as usize == at).then_some(i)
    }

    /// The byte where the tokens before token `end` have all ended.
    pub(crate) fn byte_before(&self, end: usize) -> usize {
        self.tokens
            .get(end)
            .map_or(self.src.len(), |t| t.start as usize)
    }

    pub(crate) fn sentence_of(&self, token: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= token)
    }
}

/// The classes of a word that a surname may also have: "Mark Cuban", "Ma Jun".
const SURNAME_LOOKALIKE: Class = Class::NATIONALITY.union(Class::MONTH);

/// The capitalized words of [`SURNAME_LOOKALIKE`] classes that follow a capitalized given name
/// ("Mark Cuban"), each once. `lookalikes` are the tokens of those classes.
fn other_words_as_surnames<'a>(
    src: &'a str,
    tokens: &[Token],
    lookalikes: impl Iterator<Item = usize>,
) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for k in lookalikes.filter(|&k| k > 0) {
        let (given, next) = (&tokens[k - 1], &tokens[k]);
        let surname = given.is_cap_word()
            && given.info.is(Class::GIVEN)
            && next.is_cap_word()
            && !next.has(token::TokenFlags::ALL_CAPS);
        let word = &src[next.start as usize..next.end as usize];
        if surname && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    #[test]
    fn tokens_are_found_by_where_they_start() {
        let src = "He told AFP (untold) “told”";
        let text = Text::new(src, lexicon());
        for i in 0..text.tokens.len() {
            assert_eq!(
                text.token_starting_at(text.tokens[i].start as usize),
                Some(i)
            );
            assert_eq!(text.byte_before(i), text.tokens[i].start as usize);
        }
        // Inside a token, in white space, past the end: none.
        assert_eq!(
            text.token_starting_at(src.find("untold").unwrap() + 2),
            None
        );
        assert_eq!(text.token_starting_at(2), None);
        assert_eq!(text.token_starting_at(src.len()), None);
        assert_eq!(text.byte_before(text.tokens.len()), src.len());
    }
}
