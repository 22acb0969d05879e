//! An outlet the source spoke to is a relay: "told Cuban weekly Opciones in an interview",
//! "said in an interview with CNN", "told TASS", "in comments to Reuters".
//! Counter-examples: "told reporters" and "told lawmakers" (an audience, not an outlet).

use crate::lexicon::Class;
use crate::mention::{classify, np_after};
use crate::model::Relation;
use crate::rules::clause::is_outlet;
use crate::rules::verb::is_verb_form;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{Token, TokenFlags};

/// Finds the outlets spoken to in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &i in ctx.triggers() {
        if text.quote_of(i).is_some() {
            continue;
        }
        let Some(at) = recipient_at(text, i) else {
            continue;
        };
        let Some(np) = np_after(text, at, ctx.end) else {
            continue;
        };
        let mention = classify(text, np);
        if !is_outlet(&mention) {
            continue;
        }
        let (cue, hop_cue) = if is_tell(text, i) {
            // The statement's cue ("told") covers it: the relay has no cue words of its own,
            // unless "in an interview" follows.
            let interview =
                (np.end..(np.last() + 5).min(ctx.end)).find(|&k| is_channel(&text.tokens[k]));
            (np, interview.map(TokenRange::one))
        } else {
            // "in an interview with", "speaking to".
            let first = (ctx.start..i)
                .rev()
                .take(3)
                .find(|&k| text.word(k).eq_ignore_ascii_case("in"))
                .unwrap_or(i);
            let cue = TokenRange::new(first, at);
            (cue, Some(cue))
        };
        let mut frame = Frame::new(
            RuleId::Interview,
            cue,
            Relation::Interview,
            Role::Relay(Attach::Nearest),
        );
        frame.hop_cue = hop_cue;
        frame.source = Some(mention);
        out.push(frame);
    }
}

/// Where the one spoken to starts after the word at `i`: "told TASS", "speaking to CNN", "in
/// an interview with CNN", "in comments to Reuters".
fn recipient_at(text: &Text, i: usize) -> Option<usize> {
    if is_tell(text, i) {
        return Some(i + 1);
    }
    let t = &text.tokens[i];
    if t.has(TokenFlags::CAP) || !t.info.is(Class::TRIGGER) {
        return None;
    }
    // The triggers that are no prepositions: channel nouns ("interview"), forms of "speak" and
    // "talk" ("according to" is the according_to rule's). After them, whom it was said to or
    // where: "comments to", "an interview on CNN", "spoke to", "a conversation with".
    let preposition = if t.info.is(Class::CHANNEL) {
        text.tokens
            .get(i + 1)
            .is_some_and(|n| n.info.is(Class::PREP_AFTER_CHANNEL))
    } else {
        matches!(text.word(i + 1), "to" | "with")
    };
    (!t.info.is(Class::PREP) && preposition).then_some(i + 2)
}

/// A form of "tell": "told", "telling".
fn is_tell(text: &Text, i: usize) -> bool {
    is_verb_form(text, i, |_, verb| verb.lemma == "tell")
}

/// A channel noun this rule starts from, in lower case: "interview", "comments" (not "briefing").
fn is_channel(token: &Token) -> bool {
    token.info.is(Class::CHANNEL) && token.info.is(Class::TRIGGER) && !token.has(TokenFlags::CAP)
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn an_outlet_spoken_to_relays() {
        check(
            "A state of emergency was introduced, the Russian Emergencies Ministry told TASS.",
            &[
                (
                    "postposed",
                    "the Russian Emergencies Ministry",
                    "told",
                    "A state of emergency was introduced",
                ),
                ("interview", "TASS", "", ""),
            ],
        );
        check(
            "\"We are fine,\" Macron said in an interview with CNN.",
            &[
                ("postposed", "Macron", "said", "\"We are fine,\""),
                ("interview", "CNN", "in an interview with", ""),
            ],
        );
    }

    #[test]
    fn reporters_are_an_audience() {
        check(
            "\"No,\" Sullivan told reporters.",
            &[("postposed", "Sullivan", "told", "\"No,\"")],
        );
    }

    #[test]
    fn speaking_with_someone_who_is_no_outlet_is_silent() {
        check("The minister spoke with Putin.", &[]);
        check("He spoke to reporters on Tuesday.", &[]);
    }

    #[test]
    fn forms_of_tell_speak_and_talk_and_channel_nouns() {
        check(
            "\"We will win,\" he told TASS in an interview.",
            &[
                ("postposed", "he", "told", "\"We will win,\""),
                ("interview", "TASS", "interview", ""),
            ],
        );
        check(
            "The minister said, speaking to CNN, that the talks failed.",
            &[
                (
                    "preposed",
                    "The minister",
                    "said",
                    "speaking to CNN, that the talks failed",
                ),
                ("interview", "CNN", "speaking to", ""),
            ],
        );
        check(
            "\"We are ready,\" he said in comments to Reuters.",
            &[
                ("postposed", "he", "said", "\"We are ready,\""),
                ("interview", "Reuters", "in comments to", ""),
            ],
        );
        check("He talked about CNN at length.", &[]);
    }
}
