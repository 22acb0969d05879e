//! A direct quotation whose speaker is named in the neighbouring sentence:
//! ""I thought the lines were going to be ridiculous," she said. "I was surprised."" — the
//! second quotation is hers too. It gets the same chain with no mention or cue of its own.
//!
//! Counter-example: a quotation with other words between it and the attribution before it.

use crate::assemble::Draft;
use crate::rules::Content;
use crate::text::Text;
use crate::text::token::TokenKind;

/// Drafts for the quotations no draft covers that directly follow a draft.
pub fn find(text: &Text, drafts: &[Draft]) -> Vec<Draft> {
    let mut out = Vec::new();
    for quote in &text.quotes {
        // Only quotations standing on their own: the whole quote outside every draft.
        let covered = drafts
            .iter()
            .any(|d| d.content.is_some_and(|c| c.span.overlaps(quote.span)));
        if covered {
            continue;
        }
        // The draft that ends last before the quotation.
        let Some(prev) = drafts
            .iter()
            .filter(|d| d.content.is_some_and(|c| c.span.end <= quote.span.start))
            .max_by_key(|d| draft_end(text, d))
        else {
            continue;
        };
        let prev_end = draft_end(text, prev);
        let first_between = text
            .tokens
            .partition_point(|t| (t.end as usize) <= prev_end);
        // Nothing but punctuation between the draft and the quotation.
        let adjacent = (first_between..quote.open).all(|k| {
            let t = &text.tokens[k];
            matches!(t.kind, TokenKind::Punct | TokenKind::Quote(_))
        });
        let para_of = |token: usize| text.sentences[text.sentence_of(token)].paragraph;
        let near = para_of(quote.open) <= para_of(first_between.saturating_sub(1)) + 1;
        if !adjacent || !near || prev.hops.is_empty() {
            continue;
        }
        let end = quote.close.map_or(quote.end, |c| c + 1);
        let content = Content {
            span: quote.span,
            direct: true,
            first: quote.open,
            end,
        };
        let hops = prev
            .hops
            .iter()
            .map(|h| crate::assemble::DraftHop {
                mention: None,
                cue: None,
                ..h.clone()
            })
            .collect();
        out.push(Draft {
            rule: "neighbour_quote",
            sentence: text.sentence_of(quote.open),
            hops,
            content: Some(content),
        });
    }
    out
}

/// The last byte of a draft: its content, mentions and cues.
fn draft_end(text: &Text, draft: &Draft) -> usize {
    let mut end = draft.content.map_or(0, |c| c.span.end);
    for hop in &draft.hops {
        if let Some(m) = &hop.mention {
            end = end.max(text.tokens[m.np.last].end as usize);
        }
        if let Some(c) = hop.cue {
            end = end.max(text.tokens[c.last].end as usize);
        }
    }
    end
}
