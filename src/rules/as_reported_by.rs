//! "as reported by Y", "as Y reported", "first reported by Y": Y is where the content came from
//! (a relay when a statement stands before it in the sentence).
//!
//! "The talks failed, as reported by Reuters." → Reuters; "As Politico reported, Trump would
//! win." → Politico. Counter-example: "as reported earlier" (no source).

use crate::mention::{Np, classify, np_after, subject_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_named_source};
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};

pub fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    // Each "as" (or "first", "originally") within a few words before a reporting verb.
    let starts = ctx
        .triggers()
        .iter()
        .filter(|&&v| matches!(text.word(v), "reported" | "reports" | "noted" | "wrote"))
        .flat_map(|&v| {
            (v.saturating_sub(9).max(ctx.start)..v)
                .filter(|&i| matches!(text.word(i), "as" | "As" | "first" | "originally"))
        });
    let mut starts: Vec<usize> = starts.collect();
    starts.sort_unstable();
    starts.dedup();
    for i in starts {
        if i + 2 >= ctx.end || text.quote_of(i).is_some() {
            continue;
        }
        let w = text.word(i);
        // "as reported by Y" / "first reported by Y" / "was reported by Y".
        let (cue, np) = if (w.eq_ignore_ascii_case("as") || w == "first" || w == "originally")
            && text.word(i + 1) == "reported"
            && text.word(i + 2) == "by"
        {
            let Some(np) = np_after(text, i + 3, ctx.end) else {
                continue;
            };
            (
                Np {
                    first: i,
                    last: i + 2,
                },
                np,
            )
        } else if w.eq_ignore_ascii_case("as") {
            // "as Y reported" / "As Politico reported,".
            let Some(verb) = (i + 2..(i + 10).min(ctx.end))
                .find(|&k| matches!(text.word(k), "reported" | "reports" | "noted" | "wrote"))
            else {
                continue;
            };
            let Some((np, _)) = subject_before(text, i + 1, verb) else {
                continue;
            };
            if np.first != i + 1 {
                continue;
            }
            (
                Np {
                    first: verb,
                    last: verb,
                },
                np,
            )
        } else {
            continue;
        };
        let mention = classify(text, np);
        if !is_named_source(text, &mention) {
            continue;
        }
        let statement_before = found
            .iter()
            .any(|f| f.role == Role::Statement && f.cue.last < i);
        let role = if statement_before {
            Role::Relay(Attach::Before)
        } else {
            Role::Statement
        };
        let mut frame = Frame::new(RuleId::AsReportedBy, cue, Relation::Reported, role);
        if role == Role::Statement {
            frame.content = if i <= ctx.start + 1 {
                content_between(text, np.last.max(cue.last) + 1, ctx.last_word() + 1)
            } else {
                content_between(text, ctx.start, i)
            };
        }
        frame.source = Some(mention);
        out.push(frame);
    }
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
}
