//! A direct quotation whose speaker is named in the neighbouring sentence:
//! ""I thought the lines were going to be ridiculous," she said. "I was surprised."" — the
//! second quotation is hers too. It gets the same chain with no mention or cue of its own.
//!
//! Counter-example: a quotation with other words between it and the attribution before it.

use crate::assemble::{Draft, DraftHop};
use crate::rules::{Content, RuleId};
use crate::text::token::TokenKind;
use crate::text::{Text, TokenRange};

/// Drafts for the quotations no draft covers that directly follow a draft.
pub(crate) fn find(text: &Text, drafts: &[Draft]) -> Vec<Draft> {
    let index = Index::new(text, drafts);
    let mut out = Vec::new();
    for quote in &text.quotes {
        // Only quotations standing on their own: the whole quote outside every draft.
        if index.covers(quote.span.start, quote.span.end) {
            continue;
        }
        let Some(k) = index.last_ending_by(quote.span.start) else {
            continue;
        };
        let prev = &drafts[k];
        if prev.hops.is_empty() || !follows(text, prev, quote.open) {
            continue;
        }
        let end = quote.close.map_or(quote.words.end, |c| c + 1);
        let content = Content {
            span: quote.span,
            direct: true,
            tokens: TokenRange::new(quote.open, end),
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

/// Two indexes over the drafts' contents, so that each quotation costs a binary search, not a
/// pass over every draft: by start, with the furthest end so far (does any content overlap the
/// quotation?); by end, with the draft that ends last so far, counting its mentions and cues
/// (which draft ends last before the quotation?).
struct Index {
    /// `(start, end)` of each content, sorted.
    by_start: Vec<(usize, usize)>,
    /// The furthest end of the contents up to each of `by_start`.
    furthest_end: Vec<usize>,
    /// `(end of the content, (last byte of the draft, draft))`, sorted.
    by_end: Vec<(usize, (usize, usize))>,
    /// The greatest `(last byte, draft)` up to each of `by_end`.
    last_so_far: Vec<(usize, usize)>,
}

impl Index {
    /// The indexes of `drafts`.
    fn new(text: &Text, drafts: &[Draft]) -> Index {
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
        Index {
            by_start,
            furthest_end,
            by_end,
            last_so_far,
        }
    }

    /// Does some draft's content overlap the bytes `[start, end)`?
    fn covers(&self, start: usize, end: usize) -> bool {
        let starting_before = self.by_start.partition_point(|&(s, _)| s < end);
        starting_before > 0 && self.furthest_end[starting_before - 1] > start
    }

    /// The draft whose content ends by byte `start` and that ends last (the later draft of a
    /// tie).
    fn last_ending_by(&self, start: usize) -> Option<usize> {
        let ending_before = self.by_end.partition_point(|&(end, _)| end <= start);
        let (_, k) = self.last_so_far[ending_before.checked_sub(1)?];
        Some(k)
    }
}

/// Does the quotation opening at token `open` follow the draft `prev` with nothing but
/// punctuation between, in the same or the next paragraph?
fn follows(text: &Text, prev: &Draft, open: usize) -> bool {
    let prev_end = draft_end(text, prev);
    let first_between = text
        .tokens
        .partition_point(|t| (t.end as usize) <= prev_end);
    let adjacent = (first_between..open).all(|k| {
        let t = &text.tokens[k];
        matches!(t.kind, TokenKind::Punct | TokenKind::Quote(_))
    });
    let para_of = |token: usize| text.sentences[text.sentence_of(token)].paragraph;
    adjacent && para_of(open) <= para_of(first_between.saturating_sub(1)) + 1
}

/// The last byte of a draft: its content, mentions and cues.
fn draft_end(text: &Text, draft: &Draft) -> usize {
    let mut end = draft.content.map_or(0, |c| c.span.end);
    for hop in &draft.hops {
        if let Some(m) = &hop.mention {
            end = end.max(text.tokens[m.np.last()].end as usize);
        }
        if let Some(c) = hop.cue {
            end = end.max(text.tokens[c.last()].end as usize);
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
