//! The sentence a rule looks at ([`Ctx`]): its tokens, its reporting verbs and trigger words,
//! and the subjects found so far.

use std::cell::RefCell;

use crate::lexicon::Class;
use crate::mention::Mention;
use crate::rules::verb::{self, VerbHit};
use crate::text::TokenRange;
use crate::text::token::TokenFlags;
use crate::text::{NO_QUOTE, Text};

/// The sentence a rule looks at.
pub(crate) struct Ctx<'t, 'a> {
    pub text: &'t Text<'a>,
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// The sentence is the document's headline.
    pub headline: bool,
    /// Tokens outside quotations that some rule starts from: reporting verbs and trigger words.
    triggers: Vec<usize>,
    /// The reporting verbs used as verbs.
    verbs: Vec<VerbHit>,
    /// The subjects of verbs found so far, by the verb's cue: the preposed and postposed rules
    /// both look for the subject of every verb (see [`crate::rules::clause::subject_of`]).
    pub(crate) subjects: RefCell<Vec<(TokenRange, Subject)>>,
}

/// A verb's subject and the appositive describing it, if it has one.
pub(crate) type Subject = Option<(Mention, Option<TokenRange>)>;

impl<'t, 'a> Ctx<'t, 'a> {
    /// The context of sentence `sentence`: where its triggers and verbs are.
    pub(crate) fn new(text: &'t Text<'a>, sentence: usize, headline: bool) -> Ctx<'t, 'a> {
        Ctx::with_buffers(text, sentence, headline, Vec::new(), Vec::new())
    }

    /// Like [`Ctx::new`], reusing the vectors of an earlier context ([`Ctx::into_buffers`]).
    pub(crate) fn with_buffers(
        text: &'t Text<'a>,
        sentence: usize,
        headline: bool,
        mut triggers: Vec<usize>,
        mut verbs: Vec<VerbHit>,
    ) -> Ctx<'t, 'a> {
        let s = text.sentences[sentence];
        triggers.clear();
        verbs.clear();
        // One pass over the sentence's tokens; `in_quote` is looked at only for the few hits.
        for (i, t) in (s.start..).zip(&text.tokens[s.start..s.end]) {
            if t.info.is(Class::VERB | Class::TRIGGER) && text.in_quote[i] == NO_QUOTE {
                triggers.push(i);
            }
        }
        // A subject is looked for at most once per verb.
        let subjects = Vec::with_capacity(triggers.len());
        let mut ctx = Ctx {
            text,
            start: s.start,
            end: s.end,
            headline,
            triggers,
            verbs: Vec::new(),
            subjects: RefCell::new(subjects),
        };
        verbs.extend(ctx.triggers.iter().filter_map(|&i| verb::verb_at(&ctx, i)));
        ctx.verbs = verbs;
        ctx
    }

    /// The vectors of this context, for the next one.
    pub(crate) fn into_buffers(self) -> (Vec<usize>, Vec<VerbHit>) {
        (self.triggers, self.verbs)
    }

    /// Reporting verbs and trigger words, in order.
    pub(crate) fn triggers(&self) -> &[usize] {
        &self.triggers
    }

    /// The reporting verbs used as verbs, in order.
    pub(crate) fn verbs(&self) -> &[VerbHit] {
        &self.verbs
    }
}

impl Ctx<'_, '_> {
    /// The last token before the sentence's final punctuation and closing marks.
    pub(crate) fn last_word(&self) -> usize {
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
    }
}
