//! "X was quoted (by Y) as saying C" and "Y quoted X as saying C": X said it, Y relayed it.
//!
//! ""I don't think so," Lavrov was quoted by the Interfax news agency as saying." → Lavrov →
//! Interfax; "Kim's aide was quoted as saying ..." → the aide;
//! "The Associated Press quoted Wassim Bouhlel as saying ..." → Bouhlel → AP.
//! The relay may also follow "saying" ("the council was quoted as saying by the Tanjug news
//! agency") or be an outlet the words stood in ("the council was cited in the Herald as
//! saying"), and a time word may stand before "quoted" ("Kiet was Saturday quoted as saying").
//! Counter-example: "The photo was quoted as evidence" (no gerund of speech after "as");
//! "He was quoted in a report as saying" (a report is no outlet).

use crate::lexicon::{Class, Form, VerbFlags};
use crate::mention::{classify, np_after, subject_before};
use crate::model::Relation;
use crate::rules::clause::{
    content_before, content_between, is_outlet, is_subject, quote_content, skip_adjuncts,
};
use crate::rules::verb::{is_passive_be, is_verb_form};
use crate::rules::{Attach, Content, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;

/// Finds "quoted as saying" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &q in ctx.triggers().iter().filter(|&&q| q > ctx.start) {
        if !matches!(text.word(q), "quoted" | "cited") || text.quote_of(q).is_some() {
            continue;
        }
        let Some(as_) = as_saying_after(ctx, q) else {
            continue;
        };
        let Some(quoting) = quoting(ctx, q, as_) else {
            continue;
        };
        let mention = classify(text, quoting.speaker);
        if !is_subject(&mention) {
            continue;
        }
        let saying = as_ + 1;
        let quoting = quoting.with_relay_after(ctx, saying);
        let cue = TokenRange::one(saying);
        let mut frame = Frame::new(RuleId::QuotedAsSaying, cue, Relation::Said, Role::Statement);
        frame.source = Some(mention);
        frame.content = content_of(ctx, &quoting, saying);
        out.push(frame);
        let relay = quoting.relay.map(|relay| classify(text, relay));
        if let Some(relay) = relay.filter(|relay| relay.is_source_like()) {
            let mut frame = Frame::new(
                RuleId::QuotedAsSaying,
                quoting.relay_cue,
                Relation::Quoted,
                Role::Relay(Attach::Cue(saying)),
            );
            frame.source = Some(relay);
            out.push(frame);
        }
    }
}

/// Who was quoted, and who quoted them.
struct Quoting {
    speaker: TokenRange,
    relay: Option<TokenRange>,
    /// "quoted by" or "quoted".
    relay_cue: TokenRange,
    /// "X was quoted (by Y)", not "Y quoted X".
    passive: bool,
    /// Where the words after "saying" may start: after a relay standing there.
    after_relay: Option<usize>,
}

impl Quoting {
    /// "X was quoted as saying by Y": the relay after "saying" at `saying`, when none stood
    /// before.
    fn with_relay_after(self, ctx: &Ctx, saying: usize) -> Quoting {
        let text = ctx.text;
        if !self.passive || self.relay.is_some() || text.word(saying + 1) != "by" {
            return self;
        }
        let Some(relay) = np_after(text, saying + 2, ctx.end) else {
            return self;
        };
        Quoting {
            relay: Some(relay),
            after_relay: Some(relay.end),
            ..self
        }
    }
}

/// The "as" of "as saying" within a few tokens after "quoted" at `q`.
fn as_saying_after(ctx: &Ctx, q: usize) -> Option<usize> {
    let text = ctx.text;
    (q + 1..(q + 16).min(ctx.end.saturating_sub(1)))
        .find(|&k| text.word(k) == "as" && is_saying(text, k + 1))
}

/// "X was quoted (by Y) as saying" or "Y quoted X as saying", with "quoted" at `q` and "as"
/// at `as_`.
fn quoting(ctx: &Ctx, q: usize, as_: usize) -> Option<Quoting> {
    let text = ctx.text;
    if let Some(be) = passive_be_before(ctx, q) {
        let (speaker, _) = subject_before(text, ctx.start, be)?;
        let relay = match text.word(q + 1) {
            "by" => np_after(text, q + 2, as_),
            "in" => np_after(text, q + 2, as_).filter(|&np| is_outlet(&classify(text, np))),
            _ => None,
        };
        let last = if relay.is_some() { q + 1 } else { q };
        return Some(Quoting {
            speaker,
            relay,
            relay_cue: TokenRange::new(q, last + 1),
            passive: true,
            after_relay: None,
        });
    }
    let (relay, _) = subject_before(text, ctx.start, q)?;
    let speaker = np_after(text, q + 1, as_)?;
    Some(Quoting {
        speaker,
        relay: Some(relay),
        relay_cue: TokenRange::one(q),
        passive: false,
        after_relay: None,
    })
}

/// The passive "be" before "quoted" at `q`, maybe over a time word: "was quoted", "was
/// Saturday quoted".
fn passive_be_before(ctx: &Ctx, q: usize) -> Option<usize> {
    let tokens = &ctx.text.tokens;
    if is_passive_be(&tokens[q - 1]) {
        return Some(q - 1);
    }
    let time = tokens[q - 1].info.is(Class::TIME);
    (time && q >= ctx.start + 2 && is_passive_be(&tokens[q - 2])).then(|| q - 2)
}

/// What was quoted: after "saying" (over "on Friday"), or, when nothing is said there, before
/// whoever comes first, the speaker ("X was quoted ...") or the relay ("local media cited X as
/// saying").
fn content_of(ctx: &Ctx, quoting: &Quoting, saying: usize) -> Option<Content> {
    let text = ctx.text;
    let (mut k, _) = skip_adjuncts(ctx, quoting.after_relay.unwrap_or(saying + 1));
    if matches!(text.word(k), "that" | ":" | ",") {
        k += 1;
    }
    let first_named = match quoting.relay {
        Some(relay) if !quoting.passive => relay.start,
        _ => quoting.speaker.start,
    };
    if text.tokens.get(k).is_some_and(|t| t.is_double_quote()) {
        quote_content(text, k)
    } else if k > ctx.last_word() && first_named > ctx.start {
        content_before(ctx, first_named)
    } else if first_named > ctx.start {
        content_before(ctx, first_named).or_else(|| content_between(text, k, ctx.last_word() + 1))
    } else {
        content_between(text, k, ctx.last_word() + 1)
    }
}

/// A gerund that reports speech after "as": "saying", "telling", "warning".
fn is_saying(text: &Text, k: usize) -> bool {
    is_verb_form(text, k, |forms, verb| {
        forms.intersects(Form::GERUND) && verb.has(VerbFlags::AS_SAYING)
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn passive_with_relay() {
        check(
            "\"I expect clarity,\" Lavrov was quoted by the Interfax news agency as saying at the start of talks.",
            &[
                (
                    "quoted_as_saying",
                    "the Interfax news agency",
                    "quoted by",
                    "",
                ),
                (
                    "quoted_as_saying",
                    "Lavrov",
                    "saying",
                    "\"I expect clarity,\"",
                ),
            ],
        );
        check(
            "Kim's aide was quoted as saying the speaker would not appear.",
            &[(
                "quoted_as_saying",
                "Kim's aide",
                "saying",
                "the speaker would not appear",
            )],
        );
    }

    #[test]
    fn content_before_the_relay_when_nothing_follows() {
        check(
            "About 300,000 farmers will grow jatropha, local media cited the National Association of Farmers as saying on Friday.",
            &[
                ("quoted_as_saying", "local media", "cited", ""),
                (
                    "quoted_as_saying",
                    "the National Association of Farmers",
                    "saying",
                    "About 300,000 farmers will grow jatropha",
                ),
            ],
        );
    }

    #[test]
    fn active_with_relay() {
        check(
            "The Associated Press quoted Wassim Bouhlel as saying the driver had a gun.",
            &[
                ("quoted_as_saying", "The Associated Press", "quoted", ""),
                (
                    "quoted_as_saying",
                    "Wassim Bouhlel",
                    "saying",
                    "the driver had a gun",
                ),
            ],
        );
    }

    #[test]
    fn quoted_as_something_other_than_saying_is_silent() {
        check("The photo was quoted as evidence in court.", &[]);
        check("He was quoted in the report.", &[]);
    }

    #[test]
    fn a_relay_after_saying_or_an_outlet_the_words_stood_in() {
        check(
            "Residents heard blasts, the council was quoted as saying by the Tanjug news agency.",
            &[
                ("quoted_as_saying", "the Tanjug news agency", "quoted", ""),
                (
                    "quoted_as_saying",
                    "the council",
                    "saying",
                    "Residents heard blasts",
                ),
            ],
        );
        check(
            "The council was cited in the Herald as saying that the road would close.",
            &[
                ("quoted_as_saying", "the Herald", "cited in", ""),
                (
                    "quoted_as_saying",
                    "The council",
                    "saying",
                    "the road would close",
                ),
            ],
        );
        check(
            "Lavrov was quoted as saying by Interfax that the talks failed.",
            &[
                ("quoted_as_saying", "Interfax", "quoted", ""),
                ("quoted_as_saying", "Lavrov", "saying", "the talks failed"),
            ],
        );
        check(
            "\"The road is long,\" Kiet was Saturday quoted as saying by the daily Vietnam News.",
            &[
                ("quoted_as_saying", "the daily Vietnam News", "quoted", ""),
                (
                    "quoted_as_saying",
                    "Kiet",
                    "saying",
                    "\"The road is long,\"",
                ),
            ],
        );
        // A report is no outlet: no relay.
        check(
            "He was quoted in a report as saying the road would close.",
            &[("quoted_as_saying", "He", "saying", "the road would close")],
        );
    }

    #[test]
    fn gerunds_of_other_reporting_verbs() {
        check(
            "Kim was quoted as warning that war was near.",
            &[("quoted_as_saying", "Kim", "warning", "war was near")],
        );
    }
}
