//! "as reported by Y", "as Y reported", "first reported by Y": Y is where the content came from
//! (a relay when a statement stands before it in the sentence).
//!
//! "The talks failed, as reported by Reuters." → Reuters; "As Politico reported, Trump would
//! win." → Politico. Counter-example: "as reported earlier" (no source).

use crate::lexicon::{Class, Form, VerbFlags};
use crate::mention::{classify, np_after, subject_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_named_source};
use crate::rules::verb::is_verb_form;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

/// Finds "as reported by Y" and "as Y reported" in one sentence.
pub(crate) fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for i in openers(ctx) {
        if i + 2 >= ctx.end || text.quote_of(i).is_some() {
            continue;
        }
        let reported_by_follows = text.word(i + 1) == "reported" && text.word(i + 2) == "by";
        let cue_and_source = if reported_by_follows {
            reported_by(ctx, i)
        } else {
            as_source_reported(ctx, i)
        };
        let Some((cue, np)) = cue_and_source else {
            continue;
        };
        let mention = classify(text, np);
        if !is_named_source(text, &mention) {
            continue;
        }
        let statement_before = found
            .iter()
            .any(|f| f.role == Role::Statement && f.cue.last() < i);
        let role = if statement_before {
            Role::Relay(Attach::Before)
        } else {
            Role::Statement
        };
        let mut frame = Frame::new(RuleId::AsReportedBy, cue, Relation::Reported, role);
        if role == Role::Statement {
            frame.content = if i <= ctx.start + 1 {
                content_between(text, np.last().max(cue.last()) + 1, ctx.last_word() + 1)
            } else {
                content_between(text, ctx.start, i)
            };
        }
        frame.source = Some(mention);
        out.push(frame);
    }
}

/// Each "as" (or an adverb: "first", "originally") within a few words before a verb like
/// "reported", in order.
fn openers(ctx: &Ctx) -> Vec<usize> {
    let text = ctx.text;
    let mut starts: Vec<usize> = ctx
        .triggers()
        .iter()
        .filter(|&&v| is_aside_verb(text, v))
        .flat_map(|&v| (v.saturating_sub(9).max(ctx.start)..v).filter(|&i| opens(text, i)))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// "as" (or "As"), or an adverb in lower case that can stand before "reported by Y": "first",
/// "originally" (not "not").
fn opens(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    let adverb = t.info.is(Class::ADV) && !t.info.is(Class::NEG) || t.has(TokenFlags::LY);
    matches!(text.word(i), "as" | "As") || adverb && !t.has(TokenFlags::CAP)
}

/// A verb that credits a source in "as Y reported": "reported", "noted", "wrote", and a relay
/// verb's present ("as Reuters reports").
fn is_aside_verb(text: &Text, k: usize) -> bool {
    is_verb_form(text, k, |forms, verb| {
        verb.has(VerbFlags::ASIDE)
            && (forms.intersects(Form::PAST)
                || forms.intersects(Form::THIRD) && verb.has(VerbFlags::RELAY))
    })
}

/// "as reported by Y", "first reported by Y", "originally reported by Y" at `i`: the cue and Y.
fn reported_by(ctx: &Ctx, i: usize) -> Option<(TokenRange, TokenRange)> {
    let np = np_after(ctx.text, i + 3, ctx.end)?;
    let cue = TokenRange::new(i, i + 3);
    Some((cue, np))
}

/// "as Y reported" / "As Politico reported," at `i`: the verb as the cue, and Y.
fn as_source_reported(ctx: &Ctx, i: usize) -> Option<(TokenRange, TokenRange)> {
    let text = ctx.text;
    if !text.word(i).eq_ignore_ascii_case("as") {
        return None;
    }
    let verb = (i + 2..(i + 10).min(ctx.end)).find(|&k| is_aside_verb(text, k))?;
    let (np, _) = subject_before(text, i + 1, verb)?;
    let cue = TokenRange::one(verb);
    (np.start == i + 1).then_some((cue, np))
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn as_reported_by_a_source() {
        check(
            "The talks failed, as reported by Reuters.",
            &[(
                "as_reported_by",
                "Reuters",
                "as reported by",
                "The talks failed",
            )],
        );
        check(
            "As Politico reported, Trump would win the county.",
            &[(
                "as_reported_by",
                "Politico",
                "reported",
                "Trump would win the county",
            )],
        );
    }

    #[test]
    fn no_source_no_attribution() {
        check("The talks failed, as reported earlier.", &[]);
    }

    #[test]
    fn first_reported_by_and_a_relay_verbs_present() {
        check(
            "The story was first reported by Reuters.",
            &[(
                "as_reported_by",
                "Reuters",
                "first reported by",
                "The story was",
            )],
        );
        check(
            "The talks failed, as Reuters reports.",
            &[("as_reported_by", "Reuters", "reports", "The talks failed")],
        );
        // "notes" is no past tense and "note" no relay verb; "not" reported is no report.
        check("The talks failed, as Reuters notes.", &[]);
        check("The talks were not reported by Reuters.", &[]);
    }
}
