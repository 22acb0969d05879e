//! "via Y" after a statement, where Y is an outlet: the statement reached us through Y.
//!
//! "\"We will respond,\" the ministry said, via Interfax." → ministry → Interfax.
//! Counter-example: "disseminating propaganda via social media" (not an outlet, no statement).

use crate::mention::{classify, np_after};
use crate::model::Relation;
use crate::rules::clause::is_outlet;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};
use crate::text::TokenRange;

/// Finds "via Y" in one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &i in ctx.triggers() {
        if text.word(i) != "via" || text.quote_of(i).is_some() {
            continue;
        }
        let Some(np) = np_after(text, i + 1, ctx.end) else {
            continue;
        };
        let mention = classify(text, np);
        if !is_outlet(&mention) {
            continue;
        }
        let mut frame = Frame::new(
            RuleId::Via,
            TokenRange::one(i),
            Relation::Via,
            Role::Relay(Attach::Before),
        );
        frame.source = Some(mention);
        out.push(frame);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn via_an_outlet() {
        check(
            "\"We will respond,\" the ministry said via Interfax.",
            &[
                ("postposed", "the ministry", "said", "\"We will respond,\""),
                ("via", "Interfax", "via", ""),
            ],
        );
    }

    #[test]
    fn via_something_else_is_silent() {
        check("They spread propaganda via social media.", &[]);
    }
}
