//! A reporting verb coordinated with an earlier verb of the same subject: "The Georgian minister
//! said Russian sanctions were raised, but added: "Our openness ..."", "Trump called on her to
//! resign and said, "Her mind is shot!"". The subject is the earlier statement's source or the
//! sentence's subject.
//!
//! Counter-example: "Trump and Clinton said" (a coordinated subject, handled as a group).

use crate::lexicon::{class, verb_flag};
use crate::rules::preposed::{content_after, introduces_speech, is_subject};
use crate::rules::{Ctx, Frame, Role, sentence_subject, statement_before};
use crate::text::token::flag;

pub fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        let mut i = hit.group_start;
        // "but on Tuesday wrote that ...": a time phrase between the conjunction and the verb.
        while i > ctx.start + 1 && {
            let t = &text.tokens[i - 1];
            t.info.is(class::TIME | class::MONTH) && !t.has(flag::CAP)
                || matches!(text.word(i - 1), "on" | "this" | "last" | "later" | "then")
                || t.info.is(class::TIME) && t.has(flag::CAP) && text.word(i - 2) == "on"
        } {
            i -= 1;
        }
        if i <= ctx.start || !matches!(text.word(i - 1), "and" | "but" | "yet") || !hit.is_finite()
        {
            continue;
        }
        if !hit.verb().has(verb_flag::SPEECH) {
            continue;
        }
        // "Rokita and state House Speaker Bosma": a verb that needs "that" or a quotation.
        if hit.verb().has(verb_flag::THAT) && !introduces_speech(text, hit.cue.last + 1) {
            continue;
        }
        let source = match statement_before(found, i) {
            Some(frame) => frame.source.clone(),
            None => sentence_subject(ctx, i),
        };
        let Some(source) = source.filter(is_subject) else {
            continue;
        };
        let Some((content, statement)) = content_after(ctx, &hit) else {
            continue;
        };
        let mut frame = Frame::new("coordinated", hit.cue, hit.verb().relation, Role::Statement);
        frame.source = Some(source);
        frame.content = Some(content);
        frame.statement = statement;
        out.push(frame);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn a_time_phrase_after_the_conjunction() {
        check(
            "Ruth Marcus has been critical of Trump but on Tuesday wrote that she agreed.",
            &[("coordinated", "Ruth Marcus", "wrote", "she agreed")],
        );
    }

    #[test]
    fn a_second_verb_of_the_same_speaker() {
        check(
            "The minister said sanctions were raised, but added: \"Our openness remains.\"",
            &[
                (
                    "preposed",
                    "The minister",
                    "said",
                    "sanctions were raised, but added: \"Our openness remains.\"",
                ),
                (
                    "coordinated",
                    "The minister",
                    "added",
                    "\"Our openness remains.\"",
                ),
            ],
        );
        check(
            "Trump called on her to resign and said, \"Her mind is shot!\"",
            &[
                (
                    "preposed",
                    "Trump",
                    "called on",
                    "her to resign and said, \"Her mind is shot!\"",
                ),
                ("coordinated", "Trump", "said", "\"Her mind is shot!\""),
            ],
        );
    }
}
