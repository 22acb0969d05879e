//! ", quoted by Y" after a statement, and "X quoted by Y" as a subject: Y relayed X's words.
//!
//! "Putin has called for X, the Kremlin's press service reported, quoted by TASS." → TASS
//! relays the press service; "a senior security official quoted by the Haaretz daily attributed
//! the decision to ..." → the official → Haaretz.

use crate::lexicon::Class;
use crate::mention::{Np, classify, np_after, np_start_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_subject};
use crate::rules::verb::is_passive_be;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::token::{TokenFlags, TokenKind};

pub fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &q in ctx
        .triggers()
        .iter()
        .filter(|&&q| q > ctx.start && q + 2 < ctx.end)
    {
        if !matches!(text.word(q), "quoted" | "cited")
            || text.word(q + 1) != "by"
            || text.quote_of(q).is_some()
        {
            continue;
        }
        let prev = text.word(q - 1);
        if is_passive_be(&text.tokens[q - 1]) {
            continue; // "was quoted by Y as saying": quoted_as_saying
        }
        let Some(relay) = np_after(text, q + 2, ctx.end) else {
            continue;
        };
        let relay_mention = classify(text, relay);
        if !relay_mention.is_source_like() {
            continue;
        }
        let cue = Np {
            first: q,
            last: q + 1,
        };
        if prev == "," || text.tokens[q - 1].is_quote() {
            // ", quoted by TASS": relays the statement before.
            let mut frame = Frame::new(
                RuleId::QuotedBy,
                cue,
                Relation::Quoted,
                Role::Relay(Attach::Before),
            );
            frame.source = Some(relay_mention);
            out.push(frame);
            continue;
        }
        // "X quoted by Y VERB ...": X is the subject of the verb after the relay.
        let Some(start) = np_start_before(text, ctx.start, q - 1) else {
            continue;
        };
        let speaker = classify(
            text,
            Np {
                first: start,
                last: q - 1,
            },
        );
        if !is_subject(&speaker) {
            continue;
        }
        let mut verb = relay.last + 1;
        if text.word(verb) == "," {
            verb += 1;
        }
        let Some(t) = text.tokens.get(verb) else {
            continue;
        };
        let looks_verb = t.kind == TokenKind::Word
            && !t.has(TokenFlags::CAP)
            && !t
                .info
                .is(Class::PREP | Class::CONJ | Class::DET | Class::REL | Class::SUB);
        if !looks_verb {
            continue;
        }
        let verb_cue = Np {
            first: verb,
            last: verb,
        };
        let mut frame = Frame::new(RuleId::QuotedBy, verb_cue, Relation::Said, Role::Statement);
        frame.source = Some(speaker);
        frame.content = content_between(text, verb + 1, ctx.last_word() + 1);
        out.push(frame);
        let mut frame = Frame::new(
            RuleId::QuotedBy,
            cue,
            Relation::Quoted,
            Role::Relay(Attach::Cue(verb)),
        );
        frame.source = Some(relay_mention);
        out.push(frame);
    }
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
