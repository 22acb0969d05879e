//! A direct quotation whose speaker is named in the neighbouring sentence:
//! ""I thought the lines were going to be ridiculous," she said. "I was surprised."" — the
//! second quotation is hers too. It gets the same chain with no mention or cue of its own.
//!
//! Counter-example: a quotation with other words between it and the attribution before it.

use crate::assemble::{Draft, DraftHop};
use crate::rules::{Content, RuleId};
use crate::text::Text;
use crate::text::token::TokenKind;

/// Drafts for the quotations no draft covers that directly follow a draft.
pub fn find(text: &Text, drafts: &[Draft]) -> Vec<Draft> {
    let mut out = Vec::new();
    // Two indexes over the drafts' contents, so that each quotation costs a binary search, not
    // a pass over every draft: by start, with the furthest end so far (does any content
    // overlap the quotation?); by end, with the draft that ends last so far, counting its
    // mentions and cues (which draft ends last before the quotation?).
    let mut by_start: Vec<(usize, usize)> = drafts
        .iter()
        .filter_map(|d| d.content.map(|c| (c.span.start, c.span.end)))
        .collect();
    by_start.sort_unstable();
    let furthest_end: Vec<usize> = by_start
        .iter()
        .scan(0, |furthest, &(_, end)| {
            *furthest = end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    let mut by_end: Vec<(usize, (usize, usize))> = drafts
        .iter()
        .enumerate()
        .filter_map(|(k, d)| d.content.map(|c| (c.span.end, (draft_end(text, d), k))))
        .collect();
    by_end.sort_unstable();
    let last_so_far: Vec<(usize, usize)> = by_end
        .iter()
        .scan((0, 0), |last, &(_, key)| {
            *last = key.max(*last);
            Some(*last)
        })
        .collect();
    for quote in &text.quotes {
        // Only quotations standing on their own: the whole quote outside every draft.
        let starting_before = by_start.partition_point(|&(start, _)| start < quote.span.end);
        let covered = starting_before > 0 && furthest_end[starting_before - 1] > quote.span.start;
        if covered {
            continue;
        }
        // The draft that ends last before the quotation (the later draft of a tie).
        let ending_before = by_end.partition_point(|&(end, _)| end <= quote.span.start);
        let Some(&(_, k)) = ending_before.checked_sub(1).map(|i| &last_so_far[i]) else {
            continue;
        };
        let prev = &drafts[k];
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
            .map(|h| DraftHop {
                mention: None,
                cue: None,
                ..h.clone()
            })
            .collect();
        out.push(Draft {
            rule: RuleId::NeighbourQuote,
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

#[cfg(test)]
mod tests {
    use crate::assemble::assemble;
    use crate::lexicon::lexicon;
    use crate::rules::{Ctx, find_frames};
    use crate::text::Text;

    /// The contents of the neighbour-quote drafts of `input`, each with its number of hops.
    fn check(input: &str, expected: &[(&str, usize)]) {
        let text = Text::new(input, lexicon());
        let mut drafts = Vec::new();
        for i in 0..text.sentences.len() {
            let frames = find_frames(&Ctx::new(&text, i, false));
            drafts.extend(assemble(&text, i, &frames));
        }
        let found: Vec<(&str, usize)> = super::find(&text, &drafts)
            .iter()
            .map(|d| {
                let content = d.content.map_or("", |c| c.span.slice(input));
                assert!(
                    d.hops
                        .iter()
                        .all(|h| h.mention.is_none() && h.cue.is_none())
                );
                (content, d.hops.len())
            })
            .collect();
        assert_eq!(found, expected, "\ninput: {input}");
    }

    #[test]
    fn a_quotation_right_after_an_attribution_is_the_same_speakers() {
        check(
            "\"I thought the lines would be long,\" she said. \"I was surprised.\"",
            &[("\"I was surprised.\"", 1)],
        );
        // In the next paragraph too, and with the whole chain.
        check(
            "\"We are ready,\" Lavrov was quoted by Interfax as saying.\n\n\"We will win.\"",
            &[("\"We will win.\"", 2)],
        );
    }

    #[test]
    fn words_between_or_a_quotation_already_attributed_stop_it() {
        check(
            "\"I thought so,\" she said. Then it rained. \"I was surprised.\"",
            &[],
        );
        check(
            "\"I thought so,\" she said. \"I was surprised,\" he said.",
            &[],
        );
        // Nothing before it: no chain to take.
        check("\"I was surprised.\" Then it rained.", &[]);
    }

    #[test]
    fn two_paragraphs_away_is_too_far() {
        check(
            "\"I thought so,\" she said.\n\n*\n\n\"I was surprised.\"",
            &[],
        );
        check(
            "\"I thought so,\" she said.\n\n*\"I was surprised.\"",
            &[("\"I was surprised.\"", 1)],
        );
    }
}
