//! Sentence splitting that survives abbreviations (U.S., p.m., Gen., Jan., Mr.), initials,
//! decimals and quotations. A new paragraph always starts a new sentence.

use crate::lexicon::{Abbreviation, Class, Lexicon};
use crate::text::token::{QuoteMark, Token, TokenFlags, TokenKind};

/// A sentence as a token range `[start, end)`. A token that starts a paragraph
/// ([`TokenFlags::PARAGRAPH`]) always starts a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Its tokens `[start, end)`, as [`Sentence::tokens`] gives them.
    pub start: usize,
    pub end: usize,
    /// Index of its paragraph in the document, counting from 0.
    pub paragraph: usize,
}

impl Sentence {
    /// Its tokens.
    pub(crate) fn tokens(&self) -> crate::text::TokenRange {
        crate::text::TokenRange::new(self.start, self.end)
    }
}

/// The most tokens a sentence may have. Text without full stops (a page of a list, a crawl
/// that lost its punctuation) would otherwise be one sentence, and the rules compare the cues
/// of a sentence pairwise: such a run is cut into pieces of at most this length, at a comma or
/// semicolon in its second half where there is one. News sentences are far shorter (the
/// longest in the dev articles and PolNeAR have at most 220 tokens).
pub(crate) const MAX_SENTENCE_TOKENS: usize = 320;

pub(crate) fn split(text: &str, tokens: &[Token], lexicon: &Lexicon) -> Vec<Sentence> {
    // News sentences run to some 25 tokens: room for most texts' sentences at once.
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut start = 0;
    let mut paragraph = 0;
    let mut from = 1;
    while from < tokens.len() {
        // Most tokens cannot change anything below: no paragraph starts there, and no white
        // space follows a token that may end a sentence (`ends_before` is false), short of the
        // length limit. A tight scan skips to the next token that can.
        let limit = (start + MAX_SENTENCE_TOKENS).clamp(from, tokens.len());
        let i = from
            + tokens[from..limit]
                .iter()
                .zip(&tokens[from - 1..])
                .position(|(token, prev)| {
                    token.has(TokenFlags::PARAGRAPH)
                        || token.has(TokenFlags::SPACE_BEFORE) && may_end_sentence(prev)
                })
                .unwrap_or(limit - from);
        if i == tokens.len() {
            break;
        }
        from = i + 1;
        let new_paragraph = tokens[i].has(TokenFlags::PARAGRAPH);
        let may_end = tokens[i].has(TokenFlags::SPACE_BEFORE) && may_end_sentence(&tokens[i - 1]);
        if i - start >= MAX_SENTENCE_TOKENS && !new_paragraph {
            let half = start + MAX_SENTENCE_TOKENS / 2;
            let cut = (half..i)
                .rev()
                .find(|&k| {
                    tokens[k].kind == TokenKind::Punct && matches!(tokens[k].text(text), "," | ";")
                })
                .map_or(i, |k| k + 1);
            sentences.push(Sentence {
                start,
                end: cut,
                paragraph,
            });
            start = cut;
            continue;
        }
        if new_paragraph || may_end && ends_before(text, tokens, i, lexicon) {
            sentences.push(Sentence {
                start,
                end: i,
                paragraph,
            });
            start = i;
            if new_paragraph {
                paragraph += 1;
            }
        }
    }
    if start < tokens.len() {
        sentences.push(Sentence {
            start,
            end: tokens.len(),
            paragraph,
        });
    }
    sentences
}

fn is_closer(token: &Token, text: &str) -> bool {
    match token.kind {
        TokenKind::Quote(QuoteMark::Close | QuoteMark::SingleClose) => true,
        TokenKind::Quote(QuoteMark::Straight) => !token.has(TokenFlags::SPACE_BEFORE),
        TokenKind::Punct => matches!(token.text(text), ")" | "]"),
        _ => false,
    }
}

/// Can a sentence end with this token? Not after a plain word or number: that is most tokens.
/// `ends_before` is false right after one, and false where no white space precedes the token.
fn may_end_sentence(token: &Token) -> bool {
    !(token.kind == TokenKind::Number
        || token.kind == TokenKind::Word && !token.has(TokenFlags::DOTTED))
}

/// Does a sentence end right before token `i`?
fn ends_before(text: &str, tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    let next = &tokens[i];
    if !next.has(TokenFlags::SPACE_BEFORE) {
        return false;
    }
    // Most tokens follow a plain word or number: no sentence ends there.
    let prev = &tokens[i - 1];
    if matches!(prev.kind, TokenKind::Number)
        || prev.kind == TokenKind::Word && !prev.has(TokenFlags::DOTTED)
    {
        return false;
    }
    // Step back over closing quotation marks and brackets to the terminator.
    let mut t = i - 1;
    while t > 0 && is_closer(&tokens[t], text) {
        t -= 1;
    }
    let term = &tokens[t];
    let term_text = term.text(text);
    let dotted_word = term.kind == TokenKind::Word && term.has(TokenFlags::DOTTED);
    let is_terminator = match term.kind {
        TokenKind::Punct => matches!(term_text, "." | "!" | "?" | "..." | "…"),
        _ => dotted_word,
    };
    if !is_terminator {
        return false;
    }
    if !starts_sentence(next, text) {
        return false;
    }
    if term_text == "." || dotted_word {
        // What stands before the period?
        let (word, word_token) = if dotted_word {
            (term_text.trim_end_matches('.'), Some(term))
        } else if t > 0
            && tokens[t - 1].kind == TokenKind::Word
            && !term.has(TokenFlags::SPACE_BEFORE)
        {
            (tokens[t - 1].text(text), Some(&tokens[t - 1]))
        } else {
            ("", None)
        };
        let next_starts = next.info.is(Class::STARTER) || next.is_quote();
        if let Some(word_token) = word_token {
            if word_token.has(TokenFlags::INITIAL) && !dotted_word {
                // "Brian M. Good": an initial, unless a sentence plainly starts.
                return next.info.is(Class::STARTER);
            }
            match lexicon.abbreviation(word) {
                Some(Abbreviation::Title) => return false,
                Some(Abbreviation::Month) => return next.kind != TokenKind::Number,
                Some(Abbreviation::Other) => return next_starts,
                None if dotted_word => return next_starts,
                None => {}
            }
        }
    }
    true
}

/// Can this token begin a sentence?
fn starts_sentence(token: &Token, text: &str) -> bool {
    match token.kind {
        TokenKind::Word => token.has(TokenFlags::CAP),
        TokenKind::Number => true,
        TokenKind::Quote(QuoteMark::Open | QuoteMark::SingleOpen | QuoteMark::Straight) => true,
        TokenKind::Dash => true,
        TokenKind::Punct => matches!(token.text(text), "(" | "[" | "¿" | "¡"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::lexicon;
    use crate::text::Text;

    fn sentences(text: &str) -> Vec<String> {
        let t = Text::new(text, lexicon());
        t.sentences
            .iter()
            .map(|s| t.span(s.tokens()).slice(text).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Gen. Dan Halutz met Mr. Brian M. Good at 5:07 p.m. on Jan. 5 in the U.S. capital. It cost 5.8 billion."
            ),
            [
                "Gen. Dan Halutz met Mr. Brian M. Good at 5:07 p.m. on Jan. 5 in the U.S. capital.",
                "It cost 5.8 billion."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_when_the_next_one_plainly_starts() {
        assert_eq!(
            sentences("Troops left the U.S. The move surprised Washington."),
            ["Troops left the U.S.", "The move surprised Washington."]
        );
        assert_eq!(
            sentences("It ended at 7:08 p.m. He left."),
            ["It ended at 7:08 p.m.", "He left."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence_and_paragraphs_split() {
        assert_eq!(
            sentences(
                "\"We dodged a bullet.\" He left.\nHeadline without stop\n\"Why?\" he asked."
            ),
            [
                "\"We dodged a bullet.\"",
                "He left.",
                "Headline without stop",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn a_run_without_full_stops_is_cut_at_a_comma_within_the_longest_sentence() {
        let text = "one two three four five six seven, ".repeat(200);
        let t = Text::new(&text, lexicon());
        assert!(t.sentences.len() > 1);
        for s in &t.sentences {
            assert!(s.end - s.start <= super::MAX_SENTENCE_TOKENS);
            // Every piece but the last ends with its comma.
            if s.end < t.tokens.len() {
                assert_eq!(t.word(s.end - 1), ",");
            }
        }
        // No token is lost or repeated.
        let covered: usize = t.sentences.iter().map(|s| s.end - s.start).sum();
        assert_eq!(covered, t.tokens.len());
        // Without a comma the cut falls at the length limit.
        let words = "word ".repeat(1000);
        let t = Text::new(&words, lexicon());
        assert_eq!(t.sentences[0].end, super::MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn every_paragraph_starts_a_sentence() {
        // The publisher search reads paragraph starts from sentence starts only.
        let text = format!(
            "{}\nNext paragraph, cut. And more\n\nThird {}",
            "word ".repeat(400),
            "word, ".repeat(400)
        );
        let t = Text::new(&text, lexicon());
        let starts: Vec<usize> = t.sentences.iter().map(|s| s.start).collect();
        for (i, token) in t.tokens.iter().enumerate() {
            if token.has(crate::text::token::TokenFlags::PARAGRAPH) {
                assert!(starts.contains(&i), "paragraph at token {i}");
            }
        }
    }

    #[test]
    fn lower_case_after_a_period_continues_the_sentence() {
        assert_eq!(
            sentences("Sales rose 3 pct. in May."),
            ["Sales rose 3 pct. in May."]
        );
    }
}
