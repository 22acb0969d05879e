//! A participle clause that adds a statement of the clause's subject: "..., adding that C",
//! "..., saying C", "..., noting C", "with a spokesman for X saying: C".
//!
//! "Blackwell pointed to Cruz's organization, noting that he has a ground game." →
//! Blackwell. Counter-example: "a statement saying" is handled as the statement's own content.

use crate::lexicon::{Class, Form, VerbFlags};
use crate::mention::{Mention, classify, np_start_before};
use crate::rules::clause::{content_after, is_subject, sentence_subject, statement_before};
use crate::rules::verb::VerbHit;
use crate::rules::{Content, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

/// Finds the participle clauses of speech in one sentence.
pub(crate) fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        if !hit.forms.intersects(Form::GERUND) || hit.be || !hit.verb().has(VerbFlags::SPEECH) {
            continue;
        }
        let i = hit.group_start;
        if i == ctx.start || asks_not_to_be_named(text, &hit) {
            continue;
        }
        let Some(source) = clause_subject(ctx, found, i).filter(is_subject) else {
            continue;
        };
        if source.np.start >= i || text.tokens[i - 1].info.is(Class::DET) {
            continue;
        }
        let Some((content, statement)) = content_after(ctx, &hit) else {
            continue;
        };
        if is_time_or_place(text, &content) {
            continue;
        }
        let mut frame = Frame::new(
            RuleId::Participle,
            hit.cue,
            hit.verb().relation,
            Role::Statement,
        );
        frame.source = Some(source);
        frame.content = Some(content);
        frame.statement = statement;
        out.push(frame);
    }
}

/// "asking not to be named", "asking to remain anonymous": a request about the source.
fn asks_not_to_be_named(text: &Text, hit: &VerbHit) -> bool {
    hit.verb().lemma == "ask" && matches!(text.word(hit.cue.end), "not" | "to")
}

/// The subject of the participle clause whose verb group starts at `i`: after a comma, "and"
/// or a quotation, the nearest statement's source or the sentence's first noun phrase; after
/// "with", the noun phrase between ("with a spokesman for Prime Minister Ariel Sharon saying:
/// ..."). After a statement of the same speaker it is that statement going on ("he said,
/// adding that ..."), not a new one: no subject.
fn clause_subject(ctx: &Ctx, found: &[Frame], i: usize) -> Option<Mention> {
    let text = ctx.text;
    let before = text.word(i - 1);
    if before == "," || before == "and" || text.tokens[i - 1].is_quote() {
        return match statement_before(found, i) {
            Some(frame) if is_speech_frame(text, frame) => None,
            Some(frame) => frame.source.clone(),
            None => sentence_subject(ctx, i),
        };
    }
    let start = np_start_before(text, ctx.start, i - 1)?;
    (start > ctx.start && text.word(start - 1) == "with")
        .then(|| classify(text, TokenRange::new(start, i)))
}

/// "nine witnesses testifying over three days": a phrase of time or place, no words.
fn is_time_or_place(text: &Text, content: &Content) -> bool {
    let first = &text.tokens[content.tokens.start];
    !content.direct
        && first.info.is(Class::PREP)
        && !first.has(TokenFlags::CAP)
        && text.word(content.tokens.start) != "that"
}

/// Is the frame's cue a speech verb ("said"), not an act like "rejected" or "praised"?
fn is_speech_frame(text: &Text, frame: &Frame) -> bool {
    frame.cue_verb_is(text, |verb| verb.has(VerbFlags::SPEECH))
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn asking_not_to_be_named_is_no_statement() {
        check(
            "The official, asking not to be named, said the talks failed.",
            &[("preposed", "The official", "said", "the talks failed")],
        );
    }

    #[test]
    fn a_phrase_of_time_or_place_is_no_content() {
        check(
            "The inquiry pushed through a week with nine witnesses testifying over three days.",
            &[],
        );
    }

    #[test]
    fn adding_and_noting_take_the_clause_subject() {
        // After a statement of the same speaker it is that statement going on, not a new one.
        check(
            "\"No,\" he said, adding that the talks would go on.",
            &[("postposed", "he", "said", "\"No,\"")],
        );
        check(
            "Lewandowski rejected the idea, saying the crowds prove it.",
            &[
                (
                    "preposed",
                    "Lewandowski",
                    "rejected",
                    "the idea, saying the crowds prove it",
                ),
                ("participle", "Lewandowski", "saying", "the crowds prove it"),
            ],
        );
        check(
            "Blackwell pointed to Cruz's organization, noting that he has a ground game.",
            &[("participle", "Blackwell", "noting", "he has a ground game")],
        );
        check(
            "Israel froze talks, with a spokesman for Prime Minister Ariel Sharon saying: \"There will be no talks.\"",
            &[(
                "participle",
                "a spokesman for Prime Minister Ariel Sharon",
                "saying",
                "\"There will be no talks.\"",
            )],
        );
    }
}
