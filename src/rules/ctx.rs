//! The sentence a rule looks at ([`Ctx`]): its tokens, its reporting verbs and trigger words,
//! and the subjects found so far.

use std::cell::{OnceCell, RefCell};

use crate::mention::Mention;
use crate::rules::verb::{self, VerbHit};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

/// The sentence a rule looks at.
pub(crate) struct Ctx<'t, 'a> {
    pub text: &'t Text<'a>,
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// The sentence is the document's headline.
    pub headline: bool,
    /// Tokens outside quotations that some rule starts from: reporting verbs and trigger words.
    triggers: &'t [usize],
    /// The reporting verbs used as verbs.
    verbs: Vec<VerbHit>,
    /// The subjects of verbs found so far, by the verb's cue: the preposed and postposed rules
    /// both look for the subject of every verb (see [`crate::rules::clause::subject_of`]).
    pub(crate) subjects: RefCell<Vec<(TokenRange, Subject)>>,
    /// [`Ctx::last_word`], found on first use (several rules ask for it).
    last_word: OnceCell<usize>,
}

/// The vectors of a [`Ctx`], kept from one sentence to the next so as not to allocate them
/// again ([`Ctx::with_buffers`], [`Ctx::into_buffers`]).
#[derive(Default)]
pub(crate) struct Buffers {
    verbs: Vec<VerbHit>,
    subjects: Vec<(TokenRange, Subject)>,
}

/// A verb's subject and the appositive describing it, if it has one.
pub(crate) type Subject = Option<(Mention, Option<TokenRange>)>;

/// The most tokens a dateline takes: "WASHINGTON, Dec. 7, 2021 (Reuters Breakingviews) -".
const MAX_DATELINE: usize = 16;

/// The first token after a dateline opening a paragraph, where its sentence begins: a place
/// in capitals or a parenthesis, then a credit in parentheses closed by a dash ("MOSCOW, Dec 7
/// (Reuters) - Putin has called ...", "WASHINGTON (AP) — ...", "(CNN Business) -- ..."). Not
/// a parenthesis and a dash inside a sentence ("Putin (69) - and Biden").
fn after_dateline(text: &Text, sentence: TokenRange) -> Option<usize> {
    let first = &text.tokens[sentence.start];
    let opens_paragraph = sentence.start == 0 || first.has(TokenFlags::PARAGRAPH);
    let place = first.is_cap_word() && first.has(TokenFlags::ALL_CAPS);
    if !opens_paragraph || !(place || text.word(sentence.start) == "(") {
        return None;
    }
    let limit = sentence.end.min(sentence.start + MAX_DATELINE);
    (sentence.start + 1..limit)
        .find(|&k| text.is_dash(k) && text.word(k - 1) == ")")
        .map(|dash| dash + 1)
        .filter(|&start| start < sentence.end)
}

impl<'t, 'a> Ctx<'t, 'a> {
    /// The context of sentence `sentence`: where its triggers and verbs are.
    pub(crate) fn new(text: &'t Text<'a>, sentence: usize, headline: bool) -> Ctx<'t, 'a> {
        Ctx::with_buffers(text, sentence, headline, Buffers::default())
    }

    /// Like [`Ctx::new`], reusing the vectors of an earlier context ([`Ctx::into_buffers`]).
    pub(crate) fn with_buffers(
        text: &'t Text<'a>,
        sentence: usize,
        headline: bool,
        buffers: Buffers,
    ) -> Ctx<'t, 'a> {
        let Buffers {
            mut verbs,
            mut subjects,
        } = buffers;
        let s = text.sentences[sentence];
        let start = after_dateline(text, s.tokens()).unwrap_or(s.start);
        verbs.clear();
        // A subject is looked for at most once per verb.
        subjects.clear();
        let all = &text.triggers;
        let triggers =
            &all[all.partition_point(|&i| i < start)..all.partition_point(|&i| i < s.end)];
        let mut ctx = Ctx {
            text,
            start,
            end: s.end,
            headline,
            triggers,
            verbs: Vec::new(),
            subjects: RefCell::new(subjects),
            last_word: OnceCell::new(),
        };
        verbs.extend(ctx.triggers.iter().filter_map(|&i| verb::verb_at(&ctx, i)));
        ctx.verbs = verbs;
        ctx
    }

    /// The vectors of this context, for the next one.
    pub(crate) fn into_buffers(self) -> Buffers {
        Buffers {
            verbs: self.verbs,
            subjects: self.subjects.into_inner(),
        }
    }

    /// Reporting verbs and trigger words, in order.
    pub(crate) fn triggers(&self) -> &[usize] {
        self.triggers
    }

    /// The reporting verbs used as verbs, in order.
    pub(crate) fn verbs(&self) -> &[VerbHit] {
        &self.verbs
    }
}

impl Ctx<'_, '_> {
    /// The last token before the sentence's final punctuation and closing marks.
    pub(crate) fn last_word(&self) -> usize {
        *self.last_word.get_or_init(|| {
            let mut last = self.end - 1;
            while last > self.start {
                let t = &self.text.tokens[last];
                let w = self.text.word(last);
                let closing = matches!(w, "." | "!" | "?" | "..." | "…" | ";")
                    || t.is_quote() && !t.has(TokenFlags::SPACE_BEFORE)
                    || matches!(w, ")" | "]");
                if !closing {
                    break;
                }
                last -= 1;
            }
            last
        })
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::Ctx;
    use crate::lexicon::lexicon;
    use crate::text::Text;

    /// The first word of sentence 0 as its context sees it.
    fn first_word(input: &str) -> String {
        let text = Text::new(input, lexicon());
        let ctx = Ctx::new(&text, 0, false);
        text.word(ctx.start).to_string()
    }

    #[test]
    fn a_dateline_is_no_part_of_the_sentence_it_opens() {
        let cases = [
            (
                "MOSCOW, Dec 7 (Reuters) - Putin has called for talks.",
                "Putin",
            ),
            ("WASHINGTON (AP) \u{2014} The council voted.", "The"),
            ("(CNN Business) -- Shares fell.", "Shares"),
            // Near misses: no place in capitals or parenthesis first, no dash after the ")".
            ("Putin (69) - and Biden met.", "Putin"),
            ("MOSCOW (Reuters) The council voted.", "MOSCOW"),
        ];
        for (input, want) in cases {
            assert_eq!(first_word(input), want, "{input:?}");
        }
    }
}
