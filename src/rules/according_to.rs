//! "according to X": the rest of the sentence is attributed to X.
//!
//! "The meeting began at 5:07 p.m., according to the White House.", "According to the ministry,
//! the spill covers 220 kilometers.", "..., according to a person familiar with the matter."
//! Counter-examples: "according to plan", "according to the law" (not sources).

use crate::lexicon::Class;
use crate::mention::{Mention, MentionKind, classify, np_after};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_named_source};
use crate::rules::{Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;

/// Finds "according to X" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &i in ctx.triggers().iter().filter(|&&i| i + 2 < ctx.end) {
        if !text.word(i).eq_ignore_ascii_case("according")
            || text.word(i + 1) != "to"
            || text.quote_of(i).is_some()
        {
            continue;
        }
        let Some(np) = np_after(text, i + 2, ctx.end) else {
            continue;
        };
        let Some(mention) = source_of(text, np) else {
            continue;
        };
        let cue = TokenRange::new(i, i + 2);
        // The phrase at the start: the content follows; at the end: it precedes; in the middle:
        // the whole sentence is the content.
        let content = if i == ctx.start || i == ctx.start + 1 && text.word(ctx.start) == "But" {
            content_between(text, np.end, ctx.last_word() + 1)
        } else if np.last() >= ctx.last_word() {
            content_between(text, ctx.start, i)
        } else {
            content_between(text, ctx.start, ctx.last_word() + 1)
        };
        let mut frame = Frame::new(
            RuleId::AccordingTo,
            cue,
            Relation::AccordingTo,
            Role::Statement,
        );
        frame.source = Some(mention);
        frame.content = content;
        out.push(frame);
    }
}

/// The source the noun phrase `np` after "according to" names: a named source, or an account
/// nobody in particular gave as an unnamed source by its words ("the summary").
fn source_of(text: &Text, np: TokenRange) -> Option<Mention> {
    let mention = classify(text, np);
    if is_named_source(text, &mention) {
        return Some(mention);
    }
    if !is_account(text, np) {
        return None;
    }
    let det = text.tokens[np.start].info.is(Class::DET) && np.len() > 1;
    let label = TokenRange::new(np.start + usize::from(det), np.end);
    let plural = text.word(np.last()).ends_with('s');
    Some(Mention {
        np,
        kind: MentionKind::Unnamed { label, plural },
    })
}

/// Any other noun phrase after "according to" is an account someone gave: "according to the
/// summary", "according to a yearly Gallup poll", "according to Farley's account", "according
/// to calculations by ...". Not a plan, a rule or a custom.
fn is_account(text: &Text, np: TokenRange) -> bool {
    let head = np.last();
    let token = &text.tokens[head];
    let word = text.word(head).to_lowercase();
    let word = word.as_str();
    token.kind == crate::text::token::TokenKind::Word
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !token.info.is(Class::NOT_ACCOUNT)
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn according_to_an_account_nobody_in_particular_gave() {
        check(
            "The server was managed by Platte River, according to the summary.",
            &[(
                "according_to",
                "the summary",
                "according to",
                "The server was managed by Platte River",
            )],
        );
        check("Everything went according to plan.", &[]);
        check("Dinner was served according to tradition.", &[]);
    }

    #[test]
    fn according_to_a_source() {
        check(
            "The meeting ended at 7:08 p.m., according to the White House.",
            &[(
                "according_to",
                "the White House",
                "according to",
                "The meeting ended at 7:08 p.m.",
            )],
        );
        check(
            "According to the ministry, the area is 220 kilometers long.",
            &[(
                "according_to",
                "the ministry",
                "According to",
                "the area is 220 kilometers long",
            )],
        );
        check(
            "The deal ended, according to a person familiar with the matter.",
            &[(
                "according_to",
                "a person familiar with the matter",
                "according to",
                "The deal ended",
            )],
        );
    }

    #[test]
    fn according_to_plan_is_not_a_source() {
        check("Everything went according to plan.", &[]);
        check("They acted according to the law.", &[]);
    }
}
