//! Tokens: the scanner's pieces (`crate::scan`) with the lexicon's facts about each word.

use crate::lexicon::{Class, Lexicon, WordInfo};
pub(crate) use crate::scan::{QuoteMark, TokenFlags, TokenKind};
use crate::span::Span;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    pub flags: TokenFlags,
    /// What the lexicon knows about the word (empty for other tokens).
    pub info: WordInfo,
}

impl Token {
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// Has it any of these flags?
    pub(crate) fn has(&self, flag: TokenFlags) -> bool {
        self.flags.intersects(flag)
    }

    pub(crate) fn is_cap_word(&self) -> bool {
        self.kind == TokenKind::Word && self.has(TokenFlags::CAP)
    }

    pub(crate) fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(_))
    }

    pub(crate) fn is_double_quote(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Quote(QuoteMark::Straight | QuoteMark::Open | QuoteMark::Close)
        )
    }
}

/// Splits `text` into tokens. Words are looked up in `lexicon`.
pub(crate) fn tokenize(text: &str, lexicon: &Lexicon) -> Vec<Token> {
    tokenize_noting(text, lexicon, Class::empty()).tokens
}

/// Tokens, and what the pass that makes them notes on the way (so that no other pass over
/// every token is needed for it).
pub(crate) struct Tokenized {
    pub tokens: Vec<Token>,
    /// Every class some word has.
    pub classes: Class,
    /// The tokens whose word is of one of the classes asked for, in order.
    pub noted: Vec<usize>,
}

/// [`tokenize`], noting every class some word has and which tokens are words of a class of
/// `noted`.
pub(crate) fn tokenize_noting(text: &str, lexicon: &Lexicon, noted: Class) -> Tokenized {
    let mut out = Tokenized {
        tokens: Vec::with_capacity(text.len() / 5 + 8),
        classes: Class::empty(),
        noted: Vec::new(),
    };
    let mut lower = String::new();
    crate::scan::scan(
        text,
        #[inline(always)]
        |piece| {
            let info = match (piece.kind, piece.plain) {
                (TokenKind::Word, true) => lexicon.plain_word_in(text, piece.start, piece.end),
                (TokenKind::Word, false) => {
                    lexicon.word_in(text, piece.start, piece.end, &mut lower)
                }
                _ => WordInfo::default(),
            };
            out.classes |= info.flags;
            if info.is(noted) {
                out.noted.push(out.tokens.len());
            }
            let mut token = Token {
                start: piece.start as u32,
                end: piece.end as u32,
                kind: piece.kind,
                flags: piece.flags,
                info,
            };
            if token.has(TokenFlags::LINE_BEFORE)
                && !token.has(TokenFlags::PARAGRAPH)
                && let Some(prev) = out.tokens.last()
                && starts_paragraph_after_line_break(prev, &token, text)
            {
                token.flags |= TokenFlags::PARAGRAPH;
            }
            out.tokens.push(token);
        },
    );
    out
}

/// A single line break starts a paragraph too, unless it only wraps a running sentence:
/// the line before ends without closing punctuation and the next starts in lower case.
fn starts_paragraph_after_line_break(prev: &Token, token: &Token, text: &str) -> bool {
    let closes = prev
        .text(text)
        .ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')', '»'])
        || prev.is_quote();
    let starts_lower = token.kind == TokenKind::Word && !token.has(TokenFlags::CAP);
    closes || !starts_lower
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, lexicon())
            .iter()
            .map(|t| t.text(text).to_string())
            .collect()
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations_whole() {
        assert_eq!(
            words("the Kremlin's press service"),
            ["the", "Kremlin", "'s", "press", "service"]
        );
        assert_eq!(
            words("Trump’s U.S. trip at 5:07 p.m."),
            ["Trump", "’s", "U.S.", "trip", "at", "5:07", "p.m."]
        );
        assert_eq!(words("the allies’ view"), ["the", "allies", "’", "view"]);
        assert_eq!(words("O'Neill doesn't"), ["O'Neill", "doesn't"]);
    }

    #[test]
    fn keeps_hyphens_decimals_and_domains_inside_words() {
        assert_eq!(
            words("Agence France-Presse, 5.8 billion, 1,000"),
            [
                "Agence",
                "France-Presse",
                ",",
                "5.8",
                "billion",
                ",",
                "1,000"
            ]
        );
        assert_eq!(words("see CNN.com."), ["see", "CNN.com", "."]);
        assert_eq!(words("Gen. Halutz"), ["Gen", ".", "Halutz"]);
    }

    #[test]
    fn quotation_marks_and_dashes_are_their_own_tokens() {
        let text = "“Yes,” he said -- ''no'' — ok \"x\"";
        let kinds: Vec<TokenKind> = tokenize(text, lexicon()).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::Quote(QuoteMark::Open));
        assert_eq!(kinds[3], TokenKind::Quote(QuoteMark::Close));
        assert_eq!(kinds[6], TokenKind::Dash);
        assert_eq!(kinds[7], TokenKind::Quote(QuoteMark::Straight));
        assert_eq!(kinds[10], TokenKind::Dash);
    }

    #[test]
    fn flags_paragraphs_and_capitals() {
        let text = "One.\n\nTwo NATO\nthree";
        let tokens = tokenize(text, lexicon());
        assert!(tokens[0].has(TokenFlags::PARAGRAPH));
        assert!(tokens[2].has(TokenFlags::PARAGRAPH) && tokens[2].has(TokenFlags::CAP));
        assert!(tokens[3].has(TokenFlags::ALL_CAPS));
        assert!(tokens[4].has(TokenFlags::LINE_BEFORE) && !tokens[4].has(TokenFlags::PARAGRAPH));
    }

    #[test]
    fn every_byte_outside_white_space_is_covered_once() {
        let text = "Ünïcødé “quotes” — and 🙂 emoji; \u{0}odd\u{7f} bytes'";
        let tokens = tokenize(text, lexicon());
        let mut covered = vec![false; text.len()];
        for t in &tokens {
            assert!(
                text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize)
            );
            for b in &mut covered[t.start as usize..t.end as usize] {
                assert!(!*b);
                *b = true;
            }
        }
        for (i, c) in text.char_indices() {
            assert_eq!(covered[i], !c.is_whitespace(), "byte {i} {c:?}");
        }
    }
}
