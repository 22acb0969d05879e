//! Attributions in a headline: "Flynn's lawyers cut talks with Trump team: NY Times",
//! "Storm eases, CDC Says" (title case is allowed for the verb there), "Lavrov: talks useful".
//! Counter-examples: "The Biden-Putin Video Meeting: Two Hours ..." (no plain name before the
//! colon), and an outlet after a colon in the body ("...: NY Times" outside the headline).

use crate::lexicon::{Class, RoleType, lexicon};
use crate::mention::{Mention, MentionKind, classify, np_after, np_start_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_outlet};
use crate::rules::{Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;

/// Finds the source of a headline.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    if !ctx.headline {
        return;
    }
    if let Some(frame) = trailing_outlet(ctx).or_else(|| leading_speaker(ctx)) {
        out.push(frame);
    }
}

/// "...: NY Times" / "... - Reuters": an outlet after the last colon or dash.
fn trailing_outlet(ctx: &Ctx) -> Option<Frame> {
    let text = ctx.text;
    let last = ctx.last_word();
    let sep = (ctx.start + 2..last)
        .rev()
        .find(|&k| matches!(text.word(k), ":" | "-" | "--" | "—" | "–" | "|"))?;
    let np = np_after(text, sep + 1, last + 1).filter(|np| np.last() == last)?;
    let mention = classify(text, np);
    if !is_outlet(&mention) {
        return None;
    }
    let cue = TokenRange::one(sep);
    let mut frame = Frame::new(RuleId::Headline, cue, Relation::Reported, Role::Statement);
    frame.source = Some(mention);
    frame.content = content_between(text, ctx.start, sep);
    Some(frame)
}

/// "Lavrov: talks useful": a leading name and a colon.
fn leading_speaker(ctx: &Ctx) -> Option<Frame> {
    let text = ctx.text;
    let last = ctx.last_word();
    let colon = (ctx.start + 1..(ctx.start + 6).min(last)).find(|&k| text.word(k) == ":")?;
    if np_start_before(text, ctx.start, colon - 1) != Some(ctx.start) {
        return None;
    }
    let np = TokenRange::new(ctx.start, colon);
    let mention = classify(text, np);
    if !is_plain_name(text, &mention) {
        return None;
    }
    let cue = TokenRange::one(colon);
    let mut frame = Frame::new(RuleId::Headline, cue, Relation::Said, Role::Statement);
    frame.source = Some(mention);
    frame.content = content_between(text, colon + 1, last + 1);
    Some(frame)
}

/// A plain name: a person with a title or a known first name, or a known body ("The
/// Biden-Putin Video Meeting: Two Hours ..." is a headline, not a speaker).
fn is_plain_name(text: &Text, mention: &Mention) -> bool {
    match &mention.kind {
        MentionKind::Person { name, title, .. } => {
            let titled = title.is_some_and(|t| {
                t.indices().any(|k| {
                    let info = text.tokens[k].info;
                    info.is(Class::TITLE)
                        || lexicon()
                            .role(info)
                            .is_some_and(|r| r.kind == RoleType::Person)
                })
            });
            titled || text.tokens[name.start].info.is(Class::GIVEN)
        }
        MentionKind::Known { .. } => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::{check, check_headline};

    #[test]
    fn trailing_outlet() {
        check_headline(
            "Flynn's lawyers cut talks with Trump team: NY Times\n\nBody.",
            &[(
                "headline",
                "NY Times",
                ":",
                "Flynn's lawyers cut talks with Trump team",
            )],
        );
    }

    #[test]
    fn title_case_verb() {
        check_headline(
            "Storm Eases Before Holiday, CDC Says\n\nBody.",
            &[("postposed", "CDC", "Says", "Storm Eases Before Holiday")],
        );
        // Capitalized words ending in a plural agree with a bare verb only in lower case.
        check_headline(
            "Health Insurers Warn on Premiums

Body.",
            &[],
        );
    }

    #[test]
    fn a_trailing_outlet_outside_the_headline_is_silent() {
        check("Flynn's lawyers cut talks with Trump team: NY Times", &[]);
        check_headline("Storm eases before holiday\n\nBody.", &[]);
    }
}
