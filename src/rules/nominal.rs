//! A claim named by a noun with its speaker as the possessor and its words in a "that"
//! clause: "Trump's claim that C", "his claim in November that C", "the campaign's earlier
//! claim that C".
//!
//! "Politifact checked Donald Trump's claim that there were thousands of shootings." → Donald
//! Trump. Counter-examples: "the claim that C" (no possessor: nobody is named), "his comments
//! on Muslims" (no words follow), "Rubio's claim to be the strongest" (no "that" clause).
//!
//! Also a statement the clause's subject put out, its words after a colon: "Trump issued the
//! following statement: "Our prayers are with ..."", "Sanders made the following comment:"
//! and the paragraph after it. Counter-example: "He was unhappy with the remarks: ..." (the
//! noun follows a preposition, not a verb of the subject).

use crate::lexicon::{Class, Form, VerbFlags, lexicon};
use crate::mention::{Gender, Mention, MentionKind, classify};
use crate::model::Relation;
use crate::rules::clause::{
    content_between, is_subject, sentence_subject, skip_adjuncts, words_after_colon,
};
use crate::rules::{Ctx, Frame, Role, RuleId};
use crate::text::token::{TokenFlags, TokenKind};
use crate::text::{Text, TokenRange};

/// How many modifiers may stand between the possessor and the noun ("Trump's by-now-familiar
/// claims", "the campaign's earlier claim").
const MAX_MODIFIERS: usize = 2;

/// Finds "X's claim that C" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &i in ctx.triggers() {
        if let Some(frame) = put_out(ctx, i) {
            out.push(frame);
            continue;
        }
        // The cheap test first: a possessive just before.
        let lo = i.saturating_sub(MAX_MODIFIERS + 1).max(ctx.start);
        let owned = (lo..i).any(|k| {
            let t = &text.tokens[k];
            t.kind == TokenKind::Possessive || t.info.is(Class::POSS)
        });
        if !owned || !is_statement_noun(text, i) {
            continue;
        }
        let Some(source) = possessor(ctx, i) else {
            continue;
        };
        let (that, _) = skip_adjuncts(ctx, i + 1);
        if that >= ctx.end || text.word(that) != "that" {
            continue;
        }
        let Some(content) = content_between(text, that + 1, ctx.end) else {
            continue;
        };
        let mut frame = Frame::new(
            RuleId::Nominal,
            TokenRange::one(i),
            Relation::Said,
            Role::Statement,
        );
        frame.source = Some(source);
        frame.content = Some(content);
        out.push(frame);
    }
}

/// How many words may stand between the determiner and the channel noun ("the following
/// statement", "a brief written statement").
const PUT_OUT_MODIFIERS: usize = 2;

/// A channel noun at `i` right before a colon, the object of a verb of the clause's subject:
/// "issued the following statement:", "made the following comment:", "released a statement:".
/// The frame's cue is the noun, its content what the colon introduces.
fn put_out(ctx: &Ctx, i: usize) -> Option<Frame> {
    let text = ctx.text;
    let noun = &text.tokens[i];
    if !noun.info.is(Class::CHANNEL) || noun.has(TokenFlags::CAP) || text.word(i + 1) != ":" {
        return None;
    }
    let lo = i.saturating_sub(PUT_OUT_MODIFIERS + 1).max(ctx.start + 1);
    let det = (lo..i)
        .rev()
        .find(|&k| text.tokens[k].info.is(Class::DET | Class::POSS))?;
    let plain = |k: usize| {
        let t = &text.tokens[k];
        t.kind == TokenKind::Word && !t.has(TokenFlags::CAP)
    };
    let verb = det - 1;
    let not_a_verb = Class::PREP | Class::CONJ | Class::SUB | Class::REL | Class::BE | Class::PRON;
    if !(det + 1..i).all(plain) || !plain(verb) || text.tokens[verb].info.is(not_a_verb) {
        return None;
    }
    let source = sentence_subject(ctx, verb).filter(is_subject)?;
    let content = words_after_colon(ctx, i + 1)?;
    let mut frame = Frame::new(
        RuleId::Nominal,
        TokenRange::one(i),
        Relation::Said,
        Role::Statement,
    );
    frame.source = Some(source);
    frame.content = Some(content);
    Some(frame)
}

/// A lower-case noun that names words someone said: a present form of one of the plainest
/// speech verbs that is also a noun ("claim", "claims"; not "claimed"). Nouns of channels and
/// of comments ("his comments that ...", "her remarks that ...") are left out: PolNeAR train
/// holds them as often unannotated as annotated.
fn is_statement_noun(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word || t.has(TokenFlags::CAP) {
        return false;
    }
    let lex = lexicon();
    lex.verb_forms(t.info).iter().any(|f| {
        let verb = lex.verb(f.verb);
        verb.has(VerbFlags::NOUN)
            && verb.has(VerbFlags::PLAIN)
            && !f.forms.intersects(Form::PAST | Form::GERUND)
    })
}

/// The speaker owning the noun at `i`: a possessive pronoun ("his claim") or a noun phrase
/// with "'s" ("Donald Trump's claim"), with at most [`MAX_MODIFIERS`] lower-case words between
/// ("Trump's false claims").
fn possessor(ctx: &Ctx, i: usize) -> Option<Mention> {
    let text = ctx.text;
    let lo = i.saturating_sub(MAX_MODIFIERS + 1).max(ctx.start);
    let k = (lo..i).rev().find(|&k| {
        let t = &text.tokens[k];
        t.kind == TokenKind::Possessive || t.info.is(Class::POSS)
    })?;
    let modifiers_only = (k + 1..i).all(|m| {
        let t = &text.tokens[m];
        t.kind == TokenKind::Word
            && !t.has(TokenFlags::CAP)
            && !t
                .info
                .is(Class::DET | Class::PREP | Class::VERB | Class::POSS)
    });
    if !modifiers_only {
        return None;
    }
    let t = &text.tokens[k];
    if t.kind != TokenKind::Possessive {
        // "his", "her", "their": a pronoun for coreference to resolve.
        let gender = if t.info.is(Class::FEM) {
            Gender::Female
        } else {
            Gender::Unknown
        };
        return Some(Mention {
            np: TokenRange::one(k),
            kind: MentionKind::Pronoun {
                gender,
                plural: false,
            },
        });
    }
    let end = k.checked_sub(1).filter(|&e| e >= ctx.start)?;
    let mention = classify(text, TokenRange::new(owner_start(ctx, end)?, k));
    is_subject(&mention).then_some(mention)
}

/// Where the owner ending at `end` before "'s" starts: a run of capitalized words ("Donald
/// Trump's"), or a determiner and at most [`MAX_MODIFIERS`] words ("the campaign's"); not a
/// clause before it ("Politifact checked Donald Trump's").
fn owner_start(ctx: &Ctx, end: usize) -> Option<usize> {
    let text = ctx.text;
    let mut start = end + 1;
    while start > ctx.start && text.tokens[start - 1].is_cap_word() {
        start -= 1;
    }
    if start <= end {
        return Some(start);
    }
    let lo = end.saturating_sub(MAX_MODIFIERS).max(ctx.start);
    (lo..=end)
        .rev()
        .find(|&d| text.tokens[d].info.is(Class::DET | Class::POSS))
        .filter(|&d| d < end)
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn a_possessor_and_a_that_clause() {
        check(
            "Politifact checked Donald Trump's claim that there were thousands of shootings.",
            &[(
                "nominal",
                "Donald Trump",
                "claim",
                "there were thousands of shootings",
            )],
        );
        check(
            "He never cited a source for his claim in November that Obama wants more refugees.",
            &[("nominal", "his", "claim", "Obama wants more refugees")],
        );
        check(
            "It was reminiscent of the campaign's earlier claim that Sanders wanted to end it.",
            &[(
                "nominal",
                "the campaign",
                "claim",
                "Sanders wanted to end it",
            )],
        );
    }

    #[test]
    fn a_statement_the_subject_put_out_before_a_colon() {
        check(
            "Trump issued the following statement: \"Our prayers are with them.\"",
            &[(
                "nominal",
                "Trump",
                "statement",
                "\"Our prayers are with them.\"",
            )],
        );
        check(
            "On July 6, Sanders made the following comment:\n\nThe unemployment rate is 33 percent.",
            &[(
                "nominal",
                "Sanders",
                "comment",
                "The unemployment rate is 33 percent",
            )],
        );
        // After a preposition the noun is no object of the subject's; no colon, no words.
        check("He was unhappy with the remarks: Ginsburg apologized.", &[]);
        check("Trump issued a statement on Tuesday.", &[]);
    }

    #[test]
    fn no_possessor_or_no_that_clause_is_none() {
        check(
            "There was anger after his comments that Muslims be banned.",
            &[],
        );
        check(
            "Politifact checked the claim that there were shootings.",
            &[],
        );
        check("Jewish leaders were upset by his comments on Muslims.", &[]);
        check(
            "A win would bolster Rubio's claim to be the strongest.",
            &[],
        );
    }
}
