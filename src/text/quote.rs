//! Quotations: pairing quotation marks into quoted stretches of text, across sentences and
//! paragraphs, in the news convention where a quotation continuing into the next paragraph
//! leaves the first one unclosed and opens the next one again.
//!
//! Unbalanced marks degrade gracefully: a quotation left open ends with its paragraph (unless
//! the next paragraph continues it), a stray closing mark is ignored; both give a diagnostic.

use crate::model::{Diagnostic, Severity};
use crate::span::Span;
use crate::text::NO_QUOTE;
use crate::text::token::{QuoteMark, Token, TokenFlags, TokenKind};

/// A quoted stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quotation was never closed.
    pub close: Option<usize>,
    /// Token range of the quoted words `[first, end)` (continuation marks inside included).
    pub first: usize,
    pub end: usize,
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
pub fn find(
    text: &str,
    tokens: &[Token],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Quote>, Vec<u32>) {
    let mut quotes = Vec::new();
    let mut in_quote = vec![NO_QUOTE; tokens.len()];
    let mut open: Option<usize> = None;

    let finish = |quotes: &mut Vec<Quote>,
                  in_quote: &mut [u32],
                  open: usize,
                  close: Option<usize>,
                  last: usize| {
        let first = open + 1;
        let end = close.unwrap_or(last + 1);
        if end <= first {
            return;
        }
        let index = quotes.len() as u32;
        for slot in &mut in_quote[first..end] {
            *slot = index;
        }
        let span_end = close.map_or(tokens[end - 1].end, |c| tokens[c].end) as usize;
        quotes.push(Quote {
            open,
            close,
            first,
            end,
            span: Span::new(tokens[open].start as usize, span_end),
            content: Span::new(tokens[first].start as usize, tokens[end - 1].end as usize),
        });
    };

    // Only double quotation marks and, inside a quotation, paragraph starts do anything below:
    // the loop goes from one to the next, over the words between in a tight scan.
    let mut from = 0;
    while let Some(offset) = tokens[from..]
        .iter()
        .position(|t| t.is_double_quote() || open.is_some() && t.has(TokenFlags::PARAGRAPH))
    {
        let i = from + offset;
        from = i + 1;
        let token = &tokens[i];
        if let Some(o) = open
            && token.has(TokenFlags::PARAGRAPH)
            && i > o + 1
        {
            // A quotation still open at a paragraph end continues only if the new
            // paragraph opens with a quotation mark.
            let continues = token.is_double_quote() && facing(tokens, i, text) != Facing::Close;
            if continues {
                continue; // the continuation mark belongs to the quotation
            }
            diagnostics.push(Diagnostic {
                severity: Severity::Note,
                message: "quotation mark not closed before the paragraph ends".into(),
                span: Some(tokens[o].span()),
            });
            finish(&mut quotes, &mut in_quote, o, None, i - 1);
            open = None;
        }
        if !token.is_double_quote() {
            continue;
        }
        let face = facing(tokens, i, text);
        match (open, face) {
            (None, Facing::Close) => diagnostics.push(Diagnostic {
                severity: Severity::Note,
                message: "closing quotation mark without an opening one".into(),
                span: Some(token.span()),
            }),
            (None, _) => open = Some(i),
            (Some(o), Facing::Open) if i > o + 1 && same_paragraph(tokens, o, i) => {
                // A second opening mark: the first was never closed.
                diagnostics.push(Diagnostic {
                    severity: Severity::Note,
                    message: "quotation mark opened twice".into(),
                    span: Some(tokens[o].span()),
                });
                finish(&mut quotes, &mut in_quote, o, None, i - 1);
                open = Some(i);
            }
            (Some(o), _) => {
                finish(&mut quotes, &mut in_quote, o, Some(i), i - 1);
                open = None;
            }
        }
    }
    if let Some(o) = open
        && o + 1 < tokens.len()
    {
        diagnostics.push(Diagnostic {
            severity: Severity::Note,
            message: "quotation mark not closed before the text ends".into(),
            span: Some(tokens[o].span()),
        });
        finish(&mut quotes, &mut in_quote, o, None, tokens.len() - 1);
    }
    (quotes, in_quote)
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
    fn thousands_of_unbalanced_marks_do_not_break_anything() {
        let text = "\" a ".repeat(10_001);
        let t = Text::new(&text, lexicon());
        assert!(t.quotes.len() <= 5_001);
    }
}
