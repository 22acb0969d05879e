//! An outlet the source spoke to is a relay: "told Cuban weekly Opciones in an interview",
//! "said in an interview with CNN", "told TASS", "in comments to Reuters".
//! An outlet named before counts by a definite outlet noun: "an insider told the outlet",
//! "Castro tells the paper".
//! Counter-examples: "told reporters" and "told lawmakers" (an audience, not an outlet); "told
//! its website", "told the agency" (owned, or maybe a government's).

use crate::lexicon::{Class, OutletKind, RoleType, lexicon};
use crate::mention::{Mention, MentionKind, classify, np_after};
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
        let Some((at, direct)) = recipient_at(ctx, i) else {
            continue;
        };
        let Some(np) = np_after(text, at, ctx.end) else {
            continue;
        };
        let mention = classify(text, np);
        let Some(mention) = outlet_spoken_to(text, i, mention) else {
            continue;
        };
        let (cue, hop_cue) = if direct {
            // The statement's cue ("told", "said on") covers it: the relay has no cue words of
            // its own, unless "in an interview" follows.
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

/// The outlet one spoke to: an outlet by its name ("told TASS"), or one named before by a
/// definite outlet noun ("told the newspaper", "an insider told the outlet"). A document noun
/// after "told the" names the newspaper that printed it ("Castro tells the paper"): nobody
/// tells a document. Not an owned one ("told its website", "reported on its website Friday")
/// or an agency, which may be a government's ("told the agency").
fn outlet_spoken_to(text: &Text, i: usize, mention: Mention) -> Option<Mention> {
    if text.tokens[mention.np.start].info.is(Class::POSS) {
        return None;
    }
    if is_outlet(&mention) {
        return Some(mention);
    }
    let MentionKind::Description {
        role,
        plural: false,
        definite: true,
        owner: None,
        ..
    } = &mention.kind
    else {
        return None;
    };
    let lex = lexicon();
    let starts_with_the = text.tokens[mention.np.start].info.is(Class::ARTICLE);
    match lex.roles[*role as usize].kind {
        RoleType::Outlet if starts_with_the => Some(mention),
        RoleType::Document if starts_with_the && is_tell(text, i) => {
            let newspaper = lex.roles.iter().position(|r| {
                r.kind == RoleType::Outlet && r.outlet == Some(OutletKind::Newspaper)
            })?;
            let mut kind = mention.kind.clone();
            if let MentionKind::Description { role, .. } = &mut kind {
                *role = u16::try_from(newspaper).ok()?;
            }
            Some(Mention { kind, ..mention })
        }
        _ => None,
    }
}

/// Where the one spoken to starts after the word at `i`, and whether the statement's own verb
/// names it ("told TASS", "said to the outlet", "said on CNN"), rather than a channel noun or
/// "speak" ("speaking to CNN", "in an interview with CNN", "in comments to Reuters").
fn recipient_at(ctx: &Ctx, i: usize) -> Option<(usize, bool)> {
    let text = ctx.text;
    if is_tell(text, i) {
        return Some((i + 1, true));
    }
    let t = &text.tokens[i];
    // Capitalized only as a sentence's first word ("Speaking on ABC, ...").
    if t.has(TokenFlags::CAP) && i != ctx.start || t.info.is(Class::RELAY_PARTICIPLE) {
        return None;
    }
    // A reporting verb used as a verb, then "to" or "on" and an outlet: "claimed to the outlet",
    // "confirmed to Reuters", "said on ABC" (not a channel noun: "comments to Reuters").
    let next = text.word(i + 1);
    let channel = t.info.is(Class::CHANNEL);
    if !channel && matches!(next, "to" | "on") && ctx.verbs().iter().any(|hit| hit.cue.last() == i)
    {
        return Some((i + 2, true));
    }
    if !t.info.is(Class::TRIGGER) {
        return None;
    }
    // The triggers that are no prepositions: channel nouns ("interview"), forms of "speak" and
    // "talk" ("according to" is the according_to rule's). After them, whom it was said to or
    // where: "comments to", "an interview on CNN", "an interview for POLITICO", "spoke to",
    // "speaking on ABC", "a conversation with".
    let preposition = if channel {
        text.tokens
            .get(i + 1)
            .is_some_and(|n| n.info.is(Class::PREP_AFTER_CHANNEL))
    } else {
        text.tokens
            .get(i + 1)
            .is_some_and(|n| n.info.is(Class::PREP_AFTER_SPEECH))
    };
    (!t.info.is(Class::PREP) && preposition).then_some((i + 2, false))
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
    fn a_reporting_verb_to_or_on_an_outlet() {
        check(
            "The deal is off, the source further claimed to the outlet.",
            &[
                ("postposed", "the source", "claimed", "The deal is off"),
                ("interview", "the outlet", "", ""),
            ],
        );
        check(
            "\"We will win,\" Cruz said on ABC.",
            &[
                ("postposed", "Cruz", "said", "\"We will win,\""),
                ("interview", "ABC", "", ""),
            ],
        );
        check(
            "\"We will win,\" Cruz said in an interview for POLITICO.",
            &[
                ("postposed", "Cruz", "said", "\"We will win,\""),
                ("interview", "POLITICO", "in an interview for", ""),
            ],
        );
        check(
            "\"We will win,\" Cruz said in a call to ABC.",
            &[
                ("postposed", "Cruz", "said", "\"We will win,\""),
                ("interview", "ABC", "in a call to", ""),
            ],
        );
        check(
            "Speaking on ABC, Cruz said he would win.",
            &[
                ("interview", "ABC", "Speaking on", ""),
                ("preposed", "Cruz", "said", "he would win"),
            ],
        );
        // Not an outlet: nothing relays.
        check("He spoke on the condition of anonymity.", &[]);
        check(
            "Bettman is looking at changes, The Sports Network reported on its website Friday.",
            &[(
                "postposed",
                "The Sports Network",
                "reported",
                "Bettman is looking at changes",
            )],
        );
        check(
            "\"We will win,\" Cruz said on Tuesday.",
            &[("postposed", "Cruz", "said", "\"We will win,\"")],
        );
    }

    #[test]
    fn an_outlet_named_before_by_an_outlet_noun() {
        check(
            "\"He is frustrated,\" an insider told the outlet on Monday.",
            &[
                ("postposed", "an insider", "told", "\"He is frustrated,\""),
                ("interview", "the outlet", "", ""),
            ],
        );
        check(
            "Employee Steve Castro tells the paper that he fought with the man.",
            &[
                (
                    "preposed",
                    "Employee Steve Castro",
                    "tells",
                    "he fought with the man",
                ),
                ("interview", "the paper", "", ""),
            ],
        );
        check(
            "The minister told the agency that he would resign.",
            &[("preposed", "The minister", "told", "he would resign")],
        );
        check(
            "\"No,\" he told its website.",
            &[("postposed", "he", "told", "\"No,\"")],
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
