//! Reporting verbs in a sentence: where a verb of the lexicon stands as a verb (not as an
//! adjective, "the said agreement", "a reported stroke"; not in "all told"; not inside a
//! quotation), with its phrasal particle and the auxiliaries before it.

use crate::lexicon::{Class, Form, Verb, VerbFlags, lexicon};
use crate::mention::Np;
use crate::rules::Ctx;
use crate::text::token::{TokenFlags, TokenKind};

/// A reporting verb occurrence.
#[derive(Clone, Copy, Debug)]
pub struct VerbHit {
    /// The verb's words (with a particle: "summed up", "called for").
    pub cue: Np,
    pub verb: u16,
    /// The forms this word can be.
    pub forms: Form,
    /// An auxiliary of "have" stands before it ("has said").
    pub perfect: bool,
    /// An auxiliary of "be" stands before it ("was quoted", "is saying").
    pub be: bool,
    /// "do", "will", "would", "to"... before it: the base form is finite or infinitive.
    pub modal: bool,
    /// A negation in the verb group ("did not say", "never told", "didn't say").
    pub negated: bool,
    /// The first token of the verb group (auxiliaries and adverbs before the verb).
    pub group_start: usize,
}

impl VerbHit {
    pub fn verb(&self) -> &'static Verb {
        lexicon().verb(self.verb)
    }

    pub fn has(&self, f: Form) -> bool {
        self.forms.intersects(f)
    }

    /// A finite verb of a clause with a subject ("said", "says", "has said", "did say", "say").
    pub fn is_finite(&self) -> bool {
        if self.be {
            return self.has(Form::GERUND); // "is saying"
        }
        self.has(Form::PAST | Form::THIRD)
            || self.perfect && self.has(Form::PARTICIPLE)
            || self.has(Form::BASE)
    }
}

/// Verbs whose infinitive complement is the real statement: "tried to suggest", "went on to say".
const TRANSPARENT: &[&str] = &[
    "tried",
    "went",
    "continued",
    "appeared",
    "seemed",
    "began",
    "moved",
    "rushed",
    "hastened",
    "sought",
    "proceeded",
];

/// The reporting verb at token `i`, if it is used as one there.
pub fn verb_at(ctx: &Ctx, i: usize) -> Option<VerbHit> {
    let text = ctx.text;
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word || !t.info.is(Class::VERB) {
        return None;
    }
    if t.has(TokenFlags::CAP) && !ctx.headline && i != ctx.start {
        return None;
    }
    if text.quote_of(i).is_some() {
        return None;
    }
    let lex = lexicon();
    let mut best: Option<VerbHit> = None;
    for vf in lex.verb_forms(t.info) {
        let verb = lex.verb(vf.verb);
        let mut last = i;
        if let Some(particle) = &verb.particle {
            if !text.word(i + 1).eq_ignore_ascii_case(particle) {
                continue;
            }
            last = i + 1;
        }
        // A phrasal reading beats a plain one ("pointed out" over a plain "pointed").
        if best.is_some_and(|b| b.cue.last >= last) {
            continue;
        }
        best = Some(VerbHit {
            cue: Np { first: i, last },
            verb: vf.verb,
            forms: vf.forms,
            perfect: false,
            be: false,
            modal: false,
            negated: false,
            group_start: i,
        });
    }
    let mut hit = best?;
    // The verb group: adverbs, auxiliaries, and "to" after verbs like "tried".
    let mut k = i;
    while k > ctx.start {
        let p = &text.tokens[k - 1];
        let mut buf = [0u8; 16];
        let w = crate::text::lower(text.word(k - 1), &mut buf);
        let adverb = p.info.is(Class::ADV | Class::NEG) && !p.info.is(Class::AUX)
            || p.has(TokenFlags::LY) && !p.info.is(Class::ROLE);
        hit.negated |= p.info.is(Class::NEG) || w.ends_with("n't") || w.ends_with("n’t");
        if adverb {
            k -= 1;
            continue;
        }
        match w {
            "has" | "have" | "had" | "having" | "'ve" | "’ve" | "hasn't" | "haven't" | "hadn't"
            | "hasn’t" | "haven’t" | "hadn’t" => {
                hit.perfect = true;
                k -= 1;
                continue;
            }
            "is" | "was" | "were" | "are" | "be" | "been" | "being" | "am" | "isn't" | "wasn't"
            | "isn’t" | "wasn’t" => {
                hit.be = true;
                k -= 1;
                continue;
            }
            "do" | "does" | "did" | "will" | "would" | "can" | "could" | "may" | "might"
            | "must" | "shall" | "should" | "didn't" | "doesn't" | "don't" | "won't"
            | "wouldn't" | "didn’t" | "doesn’t" | "don’t" | "won’t" | "wouldn’t" | "couldn't"
            | "couldn’t" => {
                hit.modal = true;
                k -= 1;
                continue;
            }
            "to" => {
                // "went on to say", "tried to suggest"; other infinitives are not statements.
                let mut g = k - 1;
                while g > ctx.start && text.word(g - 1) == "on" {
                    g -= 1;
                }
                if g > ctx.start && TRANSPARENT.contains(&text.word(g - 1)) {
                    hit.modal = true;
                    k = g - 1;
                    continue;
                }
                return None;
            }
            "the" | "a" | "an" | "these" | "those" | "its" | "his" | "her" | "their" | "our"
                if k == i =>
            {
                // "the said agreement", "a reported stroke", "their reported ties".
                return None;
            }
            "all" if k == i && text.word(i) == "told" => return None,
            _ => {}
        }
        if p.kind == TokenKind::Possessive && k == i {
            return None; // "Reuters' report"
        }
        break;
    }
    hit.group_start = k;
    // "a working document proposed by the United States": a passive participle.
    if !hit.perfect
        && hit.forms.intersects(Form::PAST | Form::PARTICIPLE)
        && text.word(hit.cue.last + 1) == "by"
    {
        return None;
    }
    Some(hit)
}

/// All reporting verbs of the sentence.
pub fn verbs(ctx: &Ctx) -> Vec<VerbHit> {
    (ctx.start..ctx.end)
        .filter_map(|i| verb_at(ctx, i))
        .collect()
}

/// Is the verb a speech verb (it may introduce quotations and be postposed)?
pub fn is_speech(hit: &VerbHit) -> bool {
    hit.verb().has(VerbFlags::SPEECH)
}
