//! Quotations: pairing quotation marks into quoted stretches of text, across sentences and
//! paragraphs, in the news convention where a quotation continuing into the next paragraph
//! leaves the first one unclosed and opens the next one again.
//!
//! Unbalanced marks degrade gracefully: a quotation left open ends with its paragraph (unless
//! the next paragraph continues it), a stray closing mark is ignored; both give a diagnostic.

use crate::lexicon::{Form, Lexicon, VerbFlags};
use crate::model::{Diagnostic, Severity};
use crate::span::Span;
use crate::text::NO_QUOTE;
use crate::text::TokenRange;
use crate::text::token::{QuoteMark, Token, TokenFlags, TokenKind};

/// A quoted stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quotation was never closed.
    pub close: Option<usize>,
    /// The quoted words' tokens (continuation marks inside included).
    pub words: TokenRange,
    /// From the opening mark to the closing mark (or the last quoted word).
    pub span: Span,
    /// The quoted words, without the outer marks.
    pub content: Span,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Facing {
    Open,
    Close,
    Either,
}

fn facing(tokens: &[Token], i: usize, text: &str) -> Facing {
    let token = &tokens[i];
    let space_before =
        i == 0 || token.has(TokenFlags::SPACE_BEFORE) || is_opener_punct(&tokens[i - 1], text);
    let space_after = tokens.get(i + 1).is_none_or(|next| {
        next.has(TokenFlags::SPACE_BEFORE)
            || matches!(next.kind, TokenKind::Punct | TokenKind::Dash)
    });
    let by_context = match (space_before, space_after) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    };
    match token.kind {
        // Curly marks say which way they face, unless the context plainly contradicts them.
        TokenKind::Quote(QuoteMark::Open) if by_context != Facing::Close => Facing::Open,
        TokenKind::Quote(QuoteMark::Close) if by_context != Facing::Open => Facing::Close,
        _ => by_context,
    }
}

fn is_opener_punct(token: &Token, text: &str) -> bool {
    token.kind == TokenKind::Dash || matches!(token.text(text), "(" | "[" | ":")
}

/// Finds the quotations. Returns them in order with, for each token, its quotation index.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    lexicon: &Lexicon,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Quote>, Vec<u32>) {
    let mut pairing = Pairing {
        text,
        tokens,
        lexicon,
        diagnostics,
        quotes: Vec::new(),
        in_quote: vec![NO_QUOTE; tokens.len()],
        open: None,
    };
    // Only double quotation marks and, inside a quotation, paragraph starts do anything: the
    // loop goes from one to the next, over the words between in a tight scan.
    let mut from = 0;
    while let Some(offset) = tokens[from..]
        .iter()
        .position(|t| t.is_double_quote() || pairing.open.is_some() && t.has(TokenFlags::PARAGRAPH))
    {
        let i = from + offset;
        from = i + 1;
        if pairing.paragraph_continues(i) && tokens[i].is_double_quote() {
            pairing.mark(i);
        }
    }
    if let Some(o) = pairing.open
        && o + 1 < tokens.len()
    {
        pairing.note(o, "quotation mark not closed before the text ends");
        pairing.finish_unclosed(o, tokens.len() - 1);
    }
    (pairing.quotes, pairing.in_quote)
}

/// The state of pairing quotation marks from the start of the text.
struct Pairing<'t, 'd> {
    text: &'t str,
    tokens: &'t [Token],
    lexicon: &'t Lexicon,
    diagnostics: &'d mut Vec<Diagnostic>,
    quotes: Vec<Quote>,
    in_quote: Vec<u32>,
    /// The opening mark of the quotation being read.
    open: Option<usize>,
}

impl Pairing<'_, '_> {
    /// At token `i`: a quotation still open at a paragraph end continues only if the new
    /// paragraph opens with a quotation mark. Is token `i` still to be read as a mark?
    fn paragraph_continues(&mut self, i: usize) -> bool {
        let token = &self.tokens[i];
        let Some(o) = self.open else {
            return true;
        };
        if !token.has(TokenFlags::PARAGRAPH) || i <= o + 1 {
            return true;
        }
        if token.is_double_quote() && facing(self.tokens, i, self.text) != Facing::Close {
            return false; // the continuation mark belongs to the quotation
        }
        self.note(o, "quotation mark not closed before the paragraph ends");
        self.finish_unclosed(o, i - 1);
        self.open = None;
        true
    }

    /// The quotation opened at `open` and never closed, running to `last`. A mark that opens
    /// its paragraph, is never closed in it (nor continued by the next paragraph) and is
    /// followed in it by the writer's own attribution (", he said", ", said Kessel") quotes
    /// nothing: the closing mark was forgotten before the attribution ("\"There wasn't a lot
    /// of education, said Kessel."), which must stay outside. Without such an attribution the
    /// paragraph stays quoted to its end ("\"We are seeing the culmination of six years of
    /// weak leadership." after Blair's quotation), as does a mark inside the paragraph.
    fn finish_unclosed(&mut self, open: usize, last: usize) {
        let opens_paragraph = open == 0 || self.tokens[open].has(TokenFlags::PARAGRAPH);
        if opens_paragraph
            && same_paragraph(self.tokens, open, last)
            && self.attributed_in(open + 1, last)
        {
            return;
        }
        self.finish(open, None, last);
    }

    /// Is there a reporting verb in the past just after a comma (", said Kessel") or one word
    /// after it (", he added") between tokens `first` and `last`?
    fn attributed_in(&self, first: usize, last: usize) -> bool {
        let tokens = self.tokens;
        let is_comma = |k: usize| k >= first && tokens[k].text(self.text) == ",";
        (first + 1..=last).any(|k| {
            self.lexicon.verb_forms(tokens[k].info).iter().any(|form| {
                form.forms.contains(Form::PAST)
                    && self
                        .lexicon
                        .verb(form.verb)
                        .flags
                        .contains(VerbFlags::SPEECH)
            }) && (is_comma(k - 1) || is_comma(k - 2))
        })
    }

    /// A double quotation mark at token `i` opens or closes a quotation.
    fn mark(&mut self, i: usize) {
        match (self.open, facing(self.tokens, i, self.text)) {
            (None, Facing::Close) => self.note(i, "closing quotation mark without an opening one"),
            (None, _) => self.open = Some(i),
            (Some(o), Facing::Open) if i > o + 1 && same_paragraph(self.tokens, o, i) => {
                // A second opening mark: the first was never closed.
                self.note(o, "quotation mark opened twice");
                self.finish_unclosed(o, i - 1);
                self.open = Some(i);
            }
            (Some(o), _) => {
                self.finish(o, Some(i), i - 1);
                self.open = None;
            }
        }
    }

    /// A note about the mark at token `i`.
    fn note(&mut self, i: usize, message: &str) {
        self.diagnostics.push(Diagnostic {
            severity: Severity::Note,
            message: message.into(),
            span: Some(self.tokens[i].span()),
        });
    }

    /// The quotation opened at `open`, closed at `close` or, unclosed, running to `last`.
    fn finish(&mut self, open: usize, close: Option<usize>, last: usize) {
        let tokens = self.tokens;
        let first = open + 1;
        let end = close.unwrap_or(last + 1);
        if end <= first {
            return;
        }
        let index = self.quotes.len() as u32;
        for slot in &mut self.in_quote[first..end] {
            *slot = index;
        }
        let span_end = close.map_or(tokens[end - 1].end, |c| tokens[c].end) as usize;
        self.quotes.push(Quote {
            open,
            close,
            words: TokenRange::new(first, end),
            span: Span::new(tokens[open].start as usize, span_end),
            content: Span::new(tokens[first].start as usize, tokens[end - 1].end as usize),
        });
    }
}

fn same_paragraph(tokens: &[Token], a: usize, b: usize) -> bool {
    !tokens[a + 1..=b]
        .iter()
        .any(|t| t.has(TokenFlags::PARAGRAPH))
}

#[cfg(test)]
mod tests {
    use crate::lexicon::lexicon;
    use crate::text::Text;

    fn quotes(text: &str) -> Vec<&str> {
        let t = Text::new(text, lexicon());
        t.quotes.iter().map(|q| q.content.slice(text)).collect()
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        assert_eq!(
            quotes("\"We dodged a bullet,\" said Cowan."),
            ["We dodged a bullet,"]
        );
        assert_eq!(quotes("He said “one” and “two.”"), ["one", "two."]);
        assert_eq!(quotes("He said ``fine'' then."), ["fine"]);
        // Two right single marks close a double quotation (AP copy).
        assert_eq!(
            quotes("It has no “role in regulating content.’’ It said so."),
            ["role in regulating content."]
        );
        // Three straight marks after a word close a single quotation, then the double one.
        assert_eq!(
            quotes("''They said 'bomb them,''' said McCain."),
            ["They said 'bomb them,'"]
        );
        // One stays a single mark.
        assert_eq!(
            quotes("He said “the players’ union” won."),
            ["the players’ union"]
        );
    }

    #[test]
    fn a_quotation_runs_over_sentences_and_continued_paragraphs() {
        let text = "\"First. Second.\n\"Third,\" he said.";
        assert_eq!(quotes(text), ["First. Second.\n\"Third,"]);
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        let text = "He said \"this never closes.\nNext paragraph \"closed\" here.";
        assert_eq!(quotes(text), ["this never closes.", "closed"]);
        let t = Text::new(text, lexicon());
        assert_eq!(t.diagnostics.len(), 1);
    }

    #[test]
    fn a_stray_mark_opening_a_paragraph_quotes_nothing() {
        let text = "Intro.\n\"There was no help for parents, said Kessel.\nClinton said no.";
        assert!(quotes(text).is_empty());
        let text = "Intro.\n\"Absent a force, he added, \"this is how.\nClinton said no.";
        assert_eq!(quotes(text), ["this is how."]);
        // Without an attribution of its own the paragraph is a quotation left open.
        let text = "Intro.\n\"We are seeing weak leadership.\nBlair said no.";
        assert_eq!(quotes(text), ["We are seeing weak leadership."]);
        // Continued by the next paragraph's mark, or closed in it: a quotation.
        let text = "Intro.\n\"First.\n\"Second.\nClinton said no.";
        assert_eq!(quotes(text), ["First.\n\"Second."]);
        let text = "Intro.\n\"On Sunday, we won,\" he said.";
        assert_eq!(quotes(text), ["On Sunday, we won,"]);
    }

    #[test]
    fn thousands_of_unbalanced_marks_do_not_break_anything() {
        let text = "\" a ".repeat(10_001);
        let t = Text::new(&text, lexicon());
        assert!(t.quotes.len() <= 5_001);
    }
}
