//! ", quoted by Y" after a statement, and "X quoted by Y" as a subject: Y relayed X's words.
//!
//! "Putin has called for X, the Kremlin's press service reported, quoted by TASS." → TASS
//! relays the press service; "a senior security official quoted by the Haaretz daily attributed
//! the decision to ..." → the official → Haaretz. A document an outlet obtained, saw or reviewed
//! reached the article through it: "A letter seen by Reuters said ...", "The statement, which
//! was obtained by Variety, claimed ..." (the relay of the statement whose subject it follows).
//! Counter-examples: "Prices quoted by dealers rose" (dealers are no source here), "was quoted
//! by Y as saying" (the quoted_as_saying rule's), "according to reports cited by MySA" (the
//! according_to rule's), "seen by his followers as a leader" (no outlet).

use crate::lexicon::{Class, RoleType, lexicon};
use crate::mention::{Mention, MentionKind, classify, np_start_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_subject, relative_opening, relay_by};
use crate::rules::verb::is_passive_be;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::TokenRange;
use crate::text::token::{Token, TokenFlags, TokenKind};

/// Finds "quoted by Y" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    // Only a relay participle before "by" can be one (`relay_by` asks again): the other triggers
    // need no look back for "according to".
    let relay_participle_by =
        |q: usize| text.tokens[q].info.is(Class::RELAY_PARTICIPLE) && text.word(q + 1) == "by";
    for &q in ctx
        .triggers()
        .iter()
        .filter(|&&q| q > ctx.start && q + 2 < ctx.end && relay_participle_by(q))
    {
        if text.quote_of(q).is_some() || after_according_to(ctx, q) {
            continue;
        }
        let Some((cue, relay_mention)) = relay_by(text, q, ctx.end) else {
            continue;
        };
        let opening = relative_opening(text, ctx.start, q);
        if opening.is_none() && is_passive_be(&text.tokens[q - 1]) {
            continue;
        }
        let relay_frame = |start: usize, attach: Attach| {
            let mut frame = Frame::new(
                RuleId::QuotedBy,
                TokenRange::new(start, cue.end),
                Relation::Quoted,
                Role::Relay(attach),
            );
            frame.hop_cue = Some(cue);
            frame.source = Some(relay_mention.clone());
            frame
        };
        let start = opening.unwrap_or(q);
        if text.word(start - 1) == "," || text.tokens[start - 1].is_quote() {
            // ", quoted by TASS": relays the statement before (or the one whose subject it
            // follows: "The statement, which was obtained by Variety, claimed").
            out.push(relay_frame(start, Attach::Before));
            continue;
        }
        if opening.is_some() {
            continue;
        }
        let Some((speaker, verb)) = quoted_subject(ctx, q, cue.end, &relay_mention) else {
            continue;
        };
        let verb_cue = TokenRange::one(verb);
        let mut frame = Frame::new(RuleId::QuotedBy, verb_cue, Relation::Said, Role::Statement);
        frame.source = Some(speaker);
        frame.content = content_between(text, verb + 1, ctx.last_word() + 1);
        out.push(frame);
        out.push(relay_frame(q, Attach::Cue(verb)));
    }
}

/// Does the phrase before the participle at `q` follow "according to" ("according to reports
/// cited by MySA": the according_to rule's)?
fn after_according_to(ctx: &Ctx, q: usize) -> bool {
    let text = ctx.text;
    np_start_before(text, ctx.start, q - 1).is_some_and(|start| {
        start >= ctx.start + 2
            && text.word(start - 1) == "to"
            && text.word(start - 2).eq_ignore_ascii_case("according")
    })
}

/// "X quoted by Y VERB ...": X, the subject of the verb after the relay (ending before
/// `after`), and the verb. After a participle that is no reporting verb X is a document ("A
/// letter seen by Reuters said").
fn quoted_subject(ctx: &Ctx, q: usize, after: usize, relay: &Mention) -> Option<(Mention, usize)> {
    let text = ctx.text;
    let start = np_start_before(text, ctx.start, q - 1)?;
    let speaker = classify(text, TokenRange::new(start, q));
    if !is_subject(&speaker) || !text.tokens[q].info.is(Class::VERB) && !is_document(&speaker) {
        return None;
    }
    let mut verb = relay.np.end.max(after);
    if text.word(verb) == "," {
        verb += 1;
    }
    looks_like_verb(text.tokens.get(verb)?).then_some((speaker, verb))
}

/// A phrase headed by a document noun: "a letter", "the memo".
fn is_document(mention: &Mention) -> bool {
    matches!(&mention.kind, MentionKind::Description { role, .. }
        if lexicon().roles[*role as usize].kind == RoleType::Document)
}

/// A word in lower case that is no preposition, conjunction, determiner or relative pronoun.
fn looks_like_verb(token: &Token) -> bool {
    token.kind == TokenKind::Word
        && !token.has(TokenFlags::CAP)
        && !token
            .info
            .is(Class::PREP | Class::CONJ | Class::DET | Class::REL | Class::SUB)
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn relay_after_a_statement() {
        check(
            "Putin has called for calm, the Kremlin's press service reported, quoted by TASS.",
            &[
                // Runs to the sentence end here; assembly cuts it before the outer frames.
                (
                    "preposed",
                    "Putin",
                    "called for",
                    "calm, the Kremlin's press service reported, quoted by TASS",
                ),
                (
                    "postposed",
                    "the Kremlin's press service",
                    "reported",
                    "Putin has called for calm",
                ),
                ("quoted_by", "TASS", "quoted by", ""),
            ],
        );
    }

    #[test]
    fn quoted_subject() {
        check(
            "At the time, a senior security official quoted by the Haaretz daily attributed the decision to concerns.",
            &[
                ("quoted_by", "the Haaretz daily", "quoted by", ""),
                (
                    "quoted_by",
                    "a senior security official",
                    "attributed",
                    "the decision to concerns",
                ),
            ],
        );
    }

    #[test]
    fn a_document_an_outlet_obtained_or_saw() {
        check(
            "A letter seen by Reuters said the talks had failed.",
            &[
                ("quoted_by", "Reuters", "seen by", ""),
                ("quoted_by", "A letter", "said", "the talks had failed"),
            ],
        );
        check(
            "The statement, which was obtained by Variety, claimed that the firms had come to terms.",
            &[
                ("quoted_by", "Variety", "obtained by", ""),
                (
                    "preposed",
                    "The statement",
                    "claimed",
                    "the firms had come to terms",
                ),
            ],
        );
        check(
            "The text, a copy of which was obtained by AFP, would ban the trade.",
            &[("quoted_by", "AFP", "obtained by", "")],
        );
    }

    #[test]
    fn seen_or_obtained_by_no_outlet_is_silent() {
        check(
            "Clinton, seen by many Americans as the real power, said nothing.",
            &[],
        );
        check("The confessions were obtained by force.", &[]);
    }

    #[test]
    fn reports_cited_after_according_to_are_the_according_to_rules() {
        check(
            "According to reports cited by MySA, more than 104,000 users submitted reports.",
            &[
                (
                    "according_to",
                    "reports",
                    "According to",
                    "more than 104,000 users submitted reports",
                ),
                ("according_to", "MySA", "cited by", ""),
            ],
        );
    }

    #[test]
    fn quoted_by_something_that_cannot_speak_is_silent() {
        check("The figures were quoted by analysts.", &[]);
        check("Prices quoted by dealers rose.", &[]);
    }
}
