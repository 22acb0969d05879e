//! A participle clause that adds a statement of the clause's subject: "..., adding that C",
//! "..., saying C", "..., noting C", "with a spokesman for X saying: C".
//!
//! "Blackwell pointed to Cruz's organization, noting that he has a ground game." →
//! Blackwell. Counter-example: "a statement saying" is handled as the statement's own content.

use crate::lexicon::{class, form, verb_flag};
use crate::mention::{MentionKind, classify, np_after, np_start_before};
use crate::rules::preposed::{content_after, is_subject};
use crate::rules::{Ctx, Frame, Role};

pub fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        if hit.forms & form::GERUND == 0 || hit.be || !hit.verb().has(verb_flag::SPEECH) {
            continue;
        }
        let i = hit.group_start;
        if i == ctx.start {
            continue;
        }
        let before = text.word(i - 1);
        let source = if before == "," || before == "and" || text.tokens[i - 1].is_quote() {
            // The subject of the clause: the nearest statement's source, or the sentence's
            // first noun phrase.
            let nearest = found
                .iter()
                .rev()
                .find(|f| f.role == Role::Statement && f.cue.last < i && f.source.is_some());
            match nearest {
                Some(_) => continue,
                None => np_after(text, ctx.start, i)
                    .map(|np| classify(text, np))
                    .filter(|m| {
                        matches!(
                            m.kind,
                            MentionKind::Person { .. }
                                | MentionKind::Known { .. }
                                | MentionKind::Organization { .. }
                                | MentionKind::Outlet { .. }
                                | MentionKind::Pronoun { .. }
                                | MentionKind::Description { .. }
                                | MentionKind::Group { .. }
                        )
                    }),
            }
        } else {
            // "with a spokesman for Prime Minister Ariel Sharon saying: ..."
            let start = np_start_before(text, ctx.start, i - 1);
            start
                .filter(|&s| s > ctx.start && text.word(s - 1) == "with")
                .map(|s| {
                    classify(
                        text,
                        crate::mention::Np {
                            first: s,
                            last: i - 1,
                        },
                    )
                })
        };
        let Some(source) = source.filter(is_subject) else {
            continue;
        };
        if source.np.first >= i || text.tokens[i - 1].info.is(class::DET) {
            continue;
        }
        let Some((content, statement)) = content_after(ctx, &hit) else {
            continue;
        };
        let mut frame = Frame::new("participle", hit.cue, hit.verb().relation, Role::Statement);
        frame.source = Some(source);
        frame.content = Some(content);
        frame.statement = statement;
        out.push(frame);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn adding_and_noting_take_the_clause_subject() {
        // After a statement of the same speaker it is that statement going on, not a new one.
        check(
            "\"No,\" he said, adding that the talks would go on.",
            &[("postposed", "he", "said", "\"No,\"")],
        );
        check(
            "Blackwell pointed to Cruz's organization, noting that he has a ground game.",
            &[("participle", "Blackwell", "noting", "he has a ground game")],
        );
        check(
            "Israel froze talks, with a spokesman for Prime Minister Ariel Sharon saying: \"There will be no talks.\"",
            &[(
                "participle",
                "a spokesman for Prime Minister Ariel Sharon",
                "saying",
                "\"There will be no talks.\"",
            )],
        );
    }
}
