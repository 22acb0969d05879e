//! "citing X": X is where the statement it attaches to came from.
//!
//! "..., Reuters reported, citing officials." → officials → Reuters;
//! "Citing four unnamed people involved in the case, the newspaper reported ..." → people →
//! newspaper. Counter-example: "he said, citing low economic growth" (a reason, not a source).

use crate::mention::{classify, np_after};
use crate::model::Relation;
use crate::rules::clause::is_named_source;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::TokenRange;

/// Finds "citing X" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &i in ctx.triggers() {
        if !text.word(i).eq_ignore_ascii_case("citing") || text.quote_of(i).is_some() {
            continue;
        }
        let Some(np) = np_after(text, i + 1, ctx.end) else {
            continue;
        };
        let mention = classify(text, np);
        if !is_named_source(text, &mention) || !is_informant(text, &mention) {
            continue;
        }
        let attach = if i == ctx.start {
            Attach::After
        } else {
            Attach::Before
        };
        let mut frame = Frame::new(
            RuleId::Citing,
            TokenRange::one(i),
            Relation::Cited,
            Role::Origin(attach),
        );
        frame.source = Some(mention);
        out.push(frame);
    }
}

/// Cited things that can have said something: not reasons ("citing low growth") but people,
/// bodies, outlets and documents.
fn is_informant(_text: &crate::text::Text, mention: &crate::mention::Mention) -> bool {
    use crate::mention::MentionKind;
    !matches!(
        mention.kind,
        MentionKind::Other | MentionKind::Pronoun { .. }
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn citing_names_the_origin() {
        check(
            "The agreement had ended, Reuters reported, citing officials.",
            &[
                (
                    "postposed",
                    "Reuters",
                    "reported",
                    "The agreement had ended",
                ),
                ("citing", "officials", "citing", ""),
            ],
        );
        check(
            "Citing four unnamed people involved in the case, the newspaper reported the agreement had ended.",
            &[
                (
                    "citing",
                    "four unnamed people involved in the case",
                    "Citing",
                    "",
                ),
                (
                    "preposed",
                    "the newspaper",
                    "reported",
                    "the agreement had ended",
                ),
            ],
        );
    }

    #[test]
    fn citing_a_reason_is_not_a_source() {
        // No origin: the participle rule makes the reason a statement of McCain's own.
        check(
            "\"It is anger,\" McCain said, citing low economic growth.",
            &[
                ("postposed", "McCain", "said", "\"It is anger,\""),
                ("participle", "McCain", "citing", "low economic growth"),
            ],
        );
    }

    #[test]
    fn citing_a_reason_at_the_start_is_silent() {
        check("Citing low growth, the bank cut rates.", &[]);
    }
}
