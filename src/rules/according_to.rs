//! "according to X": the rest of the sentence is attributed to X.
//!
//! "The meeting began at 5:07 p.m., according to the White House.", "According to the ministry,
//! the spill covers 220 kilometers.", "..., according to a person familiar with the matter."
//! Counter-examples: "according to plan", "according to the law" (not sources).

use crate::lexicon::RoleType;
use crate::mention::{Mention, MentionKind, Np, classify, np_after};
use crate::model::Relation;
use crate::rules::{Ctx, Frame, Role, content_between};
use crate::text::Text;

pub fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
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
        let mention = classify(text, np);
        if !is_named_source(text, &mention) {
            continue;
        }
        let cue = Np {
            first: i,
            last: i + 1,
        };
        // The phrase at the start: the content follows; at the end: it precedes; in the middle:
        // the whole sentence is the content.
        let content = if i == ctx.start || i == ctx.start + 1 && text.word(ctx.start) == "But" {
            content_between(text, np.last + 1, ctx.last_word() + 1)
        } else if np.last >= ctx.last_word() {
            content_between(text, ctx.start, i)
        } else {
            content_between(text, ctx.start, ctx.last_word() + 1)
        };
        let mut frame = Frame::new("according_to", cue, Relation::AccordingTo, Role::Statement);
        frame.source = Some(mention);
        frame.content = content;
        out.push(frame);
    }
}

/// Sources after "according to": people, outlets, organizations, role nouns that name people
/// or bodies or documents ("a statement", "the poll"), unnamed sources; not "plan", "law".
pub fn is_named_source(_text: &Text, mention: &Mention) -> bool {
    match &mention.kind {
        MentionKind::Other | MentionKind::Relative => false,
        MentionKind::Description { role, .. } => {
            let role = &crate::lexicon::lexicon().roles[*role as usize];
            matches!(
                role.kind,
                RoleType::Person
                    | RoleType::Org
                    | RoleType::Outlet
                    | RoleType::Document
                    | RoleType::Media
            )
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

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
