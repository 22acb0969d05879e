//! Attributions in a headline: "Flynn's lawyers cut talks with Trump team: NY Times",
//! "Storm eases, CDC Says" (title case is allowed for the verb there), "Lavrov: talks useful".

use crate::mention::{MentionKind, Np, classify, np_after, np_start_before};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_outlet};
use crate::rules::{Ctx, Frame, Role, RuleId};

pub fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    if !ctx.headline {
        return;
    }
    let text = ctx.text;
    let last = ctx.last_word();
    // "...: NY Times" / "... - Reuters": a trailing outlet after a colon or dash.
    for sep in (ctx.start + 2..last).rev() {
        if !matches!(text.word(sep), ":" | "-" | "--" | "—" | "–" | "|") {
            continue;
        }
        if let Some(np) = np_after(text, sep + 1, last + 1).filter(|np| np.last == last) {
            let mention = classify(text, np);
            if is_outlet(&mention) {
                let mut frame = Frame::new(
                    RuleId::Headline,
                    Np {
                        first: sep,
                        last: sep,
                    },
                    Relation::Reported,
                    Role::Statement,
                );
                frame.source = Some(mention);
                frame.content = content_between(text, ctx.start, sep);
                out.push(frame);
                return;
            }
        }
        break;
    }
    // "Lavrov: talks useful": a leading name and a colon.
    if let Some(colon) = (ctx.start + 1..(ctx.start + 6).min(last)).find(|&k| text.word(k) == ":") {
        let start = np_start_before(text, ctx.start, colon - 1);
        if start == Some(ctx.start) {
            let mention = classify(
                text,
                Np {
                    first: ctx.start,
                    last: colon - 1,
                },
            );
            // Only a plain name: a person with a title or a known first name, or a known body
            // ("The Biden-Putin Video Meeting: Two Hours ..." is a headline, not a speaker).
            let speaker = match &mention.kind {
                MentionKind::Person { name, title, .. } => {
                    use crate::lexicon::Class;
                    let lex = crate::lexicon::lexicon();
                    let titled = title.is_some_and(|t| {
                        (t.first..=t.last).any(|k| {
                            let info = text.tokens[k].info;
                            info.is(Class::TITLE)
                                || lex
                                    .role(info)
                                    .is_some_and(|r| r.kind == crate::lexicon::RoleType::Person)
                        })
                    });
                    titled || text.tokens[name.first].info.is(Class::GIVEN)
                }
                MentionKind::Known { .. } => true,
                _ => false,
            };
            if speaker {
                let mut frame = Frame::new(
                    RuleId::Headline,
                    Np {
                        first: colon,
                        last: colon,
                    },
                    Relation::Said,
                    Role::Statement,
                );
                frame.source = Some(mention);
                frame.content = content_between(text, colon + 1, last + 1);
                out.push(frame);
            }
        }
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
    }

    #[test]
    fn a_trailing_outlet_outside_the_headline_is_silent() {
        check("Flynn's lawyers cut talks with Trump team: NY Times", &[]);
        check_headline("Storm eases before holiday\n\nBody.", &[]);
    }
}
