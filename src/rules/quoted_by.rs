//! ", quoted by Y" after a statement, and "X quoted by Y" as a subject: Y relayed X's words.
//!
//! "Putin has called for X, the Kremlin's press service reported, quoted by TASS." → TASS
//! relays the press service; "a senior security official quoted by the Haaretz daily attributed
//! the decision to ..." → the official → Haaretz.
//! Counter-examples: "Prices quoted by dealers rose" (dealers are no source here), "was quoted
//! by Y as saying" (the quoted_as_saying rule's).

use crate::lexicon::Class;
use crate::mention::{Mention, classify, np_after, np_start_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_subject};
use crate::rules::verb::is_passive_be;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{Token, TokenFlags, TokenKind};

/// Finds "quoted by Y" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &q in ctx
        .triggers()
        .iter()
        .filter(|&&q| q > ctx.start && q + 2 < ctx.end)
    {
        if !is_quoted_by(text, q) {
            continue;
        }
        let Some(relay) = np_after(text, q + 2, ctx.end) else {
            continue;
        };
        let relay_mention = classify(text, relay);
        if !relay_mention.is_source_like() {
            continue;
        }
        let relay_frame = |attach: Attach| {
            let cue = TokenRange::new(q, q + 2);
            let mut frame =
                Frame::new(RuleId::QuotedBy, cue, Relation::Quoted, Role::Relay(attach));
            frame.source = Some(relay_mention.clone());
            frame
        };
        if text.word(q - 1) == "," || text.tokens[q - 1].is_quote() {
            // ", quoted by TASS": relays the statement before.
            out.push(relay_frame(Attach::Before));
            continue;
        }
        let Some((speaker, verb)) = quoted_subject(ctx, q, relay) else {
            continue;
        };
        let verb_cue = TokenRange::one(verb);
        let mut frame = Frame::new(RuleId::QuotedBy, verb_cue, Relation::Said, Role::Statement);
        frame.source = Some(speaker);
        frame.content = content_between(text, verb + 1, ctx.last_word() + 1);
        out.push(frame);
        out.push(relay_frame(Attach::Cue(verb)));
    }
}

/// "quoted by" or "cited by" at `q`, outside quotations; not "was quoted by Y as saying" (the
/// quoted_as_saying rule's).
fn is_quoted_by(text: &Text, q: usize) -> bool {
    matches!(text.word(q), "quoted" | "cited")
        && text.word(q + 1) == "by"
        && text.quote_of(q).is_none()
        && !is_passive_be(&text.tokens[q - 1])
}

/// "X quoted by Y VERB ...": X, the subject of the verb after the relay `relay`, and the verb.
fn quoted_subject(ctx: &Ctx, q: usize, relay: TokenRange) -> Option<(Mention, usize)> {
    let text = ctx.text;
    let start = np_start_before(text, ctx.start, q - 1)?;
    let speaker = classify(text, TokenRange::new(start, q));
    if !is_subject(&speaker) {
        return None;
    }
    let mut verb = relay.end;
    if text.word(verb) == "," {
        verb += 1;
    }
    looks_like_verb(text.tokens.get(verb)?).then_some((speaker, verb))
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
    fn quoted_by_something_that_cannot_speak_is_silent() {
        check("The figures were quoted by analysts.", &[]);
        check("Prices quoted by dealers rose.", &[]);
    }
}
