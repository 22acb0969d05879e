//! A reporting verb coordinated with an earlier verb of the same subject: "The Georgian minister
//! said Russian sanctions were raised, but added: "Our openness ..."", "Trump called on her to
//! resign and said, "Her mind is shot!"". The subject is the earlier statement's source or the
//! sentence's subject.
//!
//! Counter-example: "Trump and Clinton said" (a coordinated subject, handled as a group).

use crate::lexicon::{Class, VerbFlags};
use crate::mention::np_end_before;
use crate::rules::clause::{
    colon_quote_after, content_after, introduces_speech, is_subject, nearest_clause_subject,
    reports_words, sentence_subject, statement_before, whole_sentence_subject,
};
use crate::rules::{Ctx, Frame, Role, RuleId};
use crate::text::token::{Token, TokenFlags};

/// Finds the reporting verbs after "and", "but", "yet" in one sentence.
pub(crate) fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        // "but on Tuesday wrote that ...": a time phrase may stand between the conjunction
        // and the verb; `np_end_before` steps back over it as over any subject's.
        let i = np_end_before(text, ctx.start, hit.group_start).map_or(hit.group_start, |e| e + 1);
        if i <= ctx.start || !is_link(&text.tokens[i - 1]) || !hit.is_finite() {
            continue;
        }
        // "and did not say how": a negated verb attributes nothing.
        if !hit.verb().has(VerbFlags::SPEECH) || hit.negated {
            continue;
        }
        // "Rokita and state House Speaker Bosma": a verb that needs "that" or a quotation.
        if hit.verb().has(VerbFlags::THAT)
            && !introduces_speech(text, hit.cue.end)
            && colon_quote_after(ctx, hit.cue.end).is_none()
        {
            continue;
        }
        let source = match statement_before(found, i) {
            Some(frame) => frame.source.clone(),
            None => whole_sentence_subject(ctx, i)
                .or_else(|| nearest_clause_subject(ctx, i))
                .or_else(|| sentence_subject(ctx, i)),
        };
        let Some(source) = source.filter(is_subject) else {
            continue;
        };
        // "flag and report posts", "and declared himself an independent": acts, not words.
        let Some((content, statement)) =
            content_after(ctx, &hit).filter(|(c, _)| reports_words(text, &hit, c))
        else {
            continue;
        };
        let mut frame = Frame::new(
            RuleId::Coordinated,
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

/// A coordinating conjunction joining a second verb ("and", "but", "yet"; not "or", "nor"), in
/// lower case.
fn is_link(token: &Token) -> bool {
    token.info.is(Class::LINK) && token.info.is(Class::CONJ) && !token.has(TokenFlags::CAP)
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn the_subject_of_a_clause_inside_the_sentence() {
        check(
            "The crowd booed when Rubio thanked Miami and said it was great to be home.",
            &[("coordinated", "Rubio", "said", "it was great to be home")],
        );
        // Not a noun phrase right before the conjunction.
        check(
            "The crowd booed when the music stopped and said nothing.",
            &[],
        );
    }

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

    #[test]
    fn a_coordinated_subject_or_verb_that_reports_nothing_is_silent() {
        check(
            "Trump and Clinton said they would debate.",
            &[("preposed", "Trump and Clinton", "said", "they would debate")],
        );
        check("He was tired and left.", &[]);
    }

    #[test]
    fn a_negated_second_verb_attributes_nothing() {
        check(
            "The crowd booed when Rubio thanked Miami and did not say that it was great.",
            &[],
        );
        check(
            "The crowd booed when Rubio thanked Miami and never said that it was great.",
            &[],
        );
    }
}
