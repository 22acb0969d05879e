//! "according to X": the rest of the sentence is attributed to X.
//!
//! "The meeting began at 5:07 p.m., according to the White House.", "According to the ministry,
//! the spill covers 220 kilometers.", "..., according to a person familiar with the matter."
//! An account by someone is theirs: "according to a newsletter from AgriWatch" → AgriWatch.
//! A relay after the source adds a hop: "according to reports cited by MySA" → reports →
//! MySA; "according to a memo obtained by Politico" → memo → Politico.
//! Counter-examples: "according to plan", "according to the law" (not sources).

use crate::lexicon::{Class, NameTarget};
use crate::mention::{Gender, Mention, MentionKind, classify, np_after};
use crate::model::Relation;
use crate::rules::clause::{content_between, is_named_source, relay_by, relay_participle_in};
use crate::rules::{Attach, Content, Ctx, Frame, Role, RuleId};
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
        let Some((np, mention)) = object_pronoun(ctx, i + 2).or_else(|| {
            let np = np_after(text, i + 2, ctx.end)?;
            // "a memo obtained" before "by Politico" ends at "memo".
            let np = relay_participle_in(text, np).map_or(np, |p| TokenRange::new(np.start, p));
            Some((np, source_of(text, np)?))
        }) else {
            continue;
        };
        let cue = TokenRange::new(i, i + 2);
        let (mention, relay) = author_and_relay(ctx, cue, mention);
        // Where the source's words end: after its relay, or the complement of its account.
        let np_end = match relay.as_ref().and_then(|r| r.source.as_ref()) {
            Some(relay) => relay.np.end,
            None => complement_end(ctx, np).max(mention.np.end),
        };
        let mut frame = Frame::new(
            RuleId::AccordingTo,
            cue,
            Relation::AccordingTo,
            Role::Statement,
        );
        frame.source = Some(mention);
        frame.content = content_of(ctx, i, np_end);
        out.push(frame);
        out.extend(relay);
    }
}

/// "according to her", "according to him": an object pronoun of the third person at `k`, set
/// off by a comma or ending the sentence (not "according to her account": a possessive).
fn object_pronoun(ctx: &Ctx, k: usize) -> Option<(TokenRange, Mention)> {
    let text = ctx.text;
    let t = &text.tokens[k];
    let next = text.word(k + 1);
    let alone = k + 1 >= ctx.end || matches!(next, "," | "." | ";" | ")" | "--" | "—");
    if !t.info.is(Class::OBJ) || !t.info.is(Class::MASC | Class::FEM | Class::PLURAL) || !alone {
        return None;
    }
    let np = TokenRange::one(k);
    let gender = if t.info.is(Class::MASC) {
        Gender::Male
    } else if t.info.is(Class::FEM) {
        Gender::Female
    } else {
        Gender::Unknown
    };
    let plural = t.info.is(Class::PLURAL);
    Some((
        np,
        Mention {
            np,
            kind: MentionKind::Pronoun { gender, plural },
        },
    ))
}

/// The content of "according to" at `i` whose source's words end before `np_end`: at the
/// start of the sentence what follows, at its end what precedes, in the middle the whole
/// sentence.
fn content_of(ctx: &Ctx, i: usize, np_end: usize) -> Option<Content> {
    let text = ctx.text;
    if i == ctx.start || i == ctx.start + 1 && text.word(ctx.start) == "But" {
        content_between(text, np_end, ctx.last_word() + 1)
    } else if np_end > ctx.last_word() {
        content_between(text, ctx.start, i)
    } else {
        content_between(text, ctx.start, ctx.last_word() + 1)
    }
}

/// Where the phrase `np` ends with a complement of its account: "a newsletter from
/// AgriWatch", "reports from Taipei" (whether or not it names the author).
fn complement_end(ctx: &Ctx, np: TokenRange) -> usize {
    if !matches!(ctx.text.word(np.end), "from" | "by") {
        return np.end;
    }
    np_after(ctx.text, np.end + 1, ctx.end).map_or(np.end, |c| c.end)
}

/// The source after "according to" as the author of the account it names ("a newsletter from
/// AgriWatch" → AgriWatch), and the relay after it ("reports cited by MySA"), as a relay frame
/// of the cue `cue`.
fn author_and_relay(ctx: &Ctx, cue: TokenRange, mention: Mention) -> (Mention, Option<Frame>) {
    let text = ctx.text;
    let mention = author_of(ctx, &mention).unwrap_or(mention);
    let Some((relay_cue, relay)) = relay_by(text, mention.np.end, ctx.end) else {
        return (mention, None);
    };
    let mut frame = Frame::new(
        RuleId::AccordingTo,
        relay_cue,
        Relation::Quoted,
        Role::Relay(Attach::Cue(cue.start)),
    );
    frame.source = Some(relay);
    (mention, Some(frame))
}

/// "a newsletter from AgriWatch", "a new report by E! News", "a statement issued by the
/// ministry": an account nobody in particular gave, then "from" or "by" and a named source, its
/// author. After "from" not a country, nor a lone unknown name after a plural ("reports from
/// Taipei"): a known organization or outlet, a full name, or a lone name that sent one account
/// ("a newsletter from AgriWatch").
fn author_of(ctx: &Ctx, mention: &Mention) -> Option<Mention> {
    let text = ctx.text;
    let np = mention.np;
    let by = match text.word(np.end) {
        "by" => true,
        "from" => false,
        _ => return None,
    };
    // The account's words end in its noun or a participle ("issued"), with no clause of
    // their own ("reports reaching here").
    let head = &text.tokens[np.last()];
    let noun_or_participle =
        !head.info.is(Class::ADV) && !(np.start..np.end).any(|k| text.word(k).ends_with("ing"));
    if !matches!(
        mention.kind,
        MentionKind::Unnamed { .. } | MentionKind::Description { .. }
    ) || !is_account(text, np)
        || !noun_or_participle
    {
        return None;
    }
    let author = classify(text, np_after(text, np.end + 1, ctx.end)?);
    let named = match &author.kind {
        MentionKind::Unnamed { .. } | MentionKind::Description { .. } => false,
        MentionKind::Known {
            target: NameTarget::Country(_),
            ..
        } => by,
        // "a newsletter from AgriWatch", not "reports from Taipei".
        MentionKind::Person { name, .. } => by || name.len() >= 2 || !is_plural(text, np),
        _ => true,
    };
    (named && is_named_source(text, &author)).then_some(author)
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
    let plural = is_plural(text, np);
    Some(Mention {
        np,
        kind: MentionKind::Unnamed { label, plural },
    })
}

/// Is the head of `np` a plural ("reports", "figures")?
fn is_plural(text: &Text, np: TokenRange) -> bool {
    text.word(np.last()).ends_with('s')
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
    fn according_to_an_object_pronoun() {
        check(
            "According to her, the talks failed.",
            &[("according_to", "her", "According to", "the talks failed")],
        );
        check(
            "He left after, according to him, the network censured his report.",
            &[(
                "according_to",
                "him",
                "according to",
                "He left after, according to him, the network censured his report",
            )],
        );
        // A possessive opens the account's phrase: its own source, not the pronoun.
        check("According to her plan, the talks will go on.", &[]);
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
    fn an_account_by_someone_is_theirs() {
        check(
            "According to a newsletter from AgriWatch, the weather office expects rain.",
            &[(
                "according_to",
                "AgriWatch",
                "According to",
                "the weather office expects rain",
            )],
        );
        check(
            "Braun is unhappy, according to a new report by Variety.",
            &[(
                "according_to",
                "Variety",
                "according to",
                "Braun is unhappy",
            )],
        );
        // From a place or a lone unknown name: the account itself.
        check(
            "According to dispatches from Taipei, shares closed lower.",
            &[(
                "according_to",
                "dispatches",
                "According to",
                "shares closed lower",
            )],
        );
        check(
            "Shares closed lower, according to reports reaching here from Taipei.",
            &[(
                "according_to",
                "reports reaching here",
                "according to",
                "Shares closed lower",
            )],
        );
        check(
            "The rain stopped, according to a statement issued by the Foreign Ministry.",
            &[(
                "according_to",
                "the Foreign Ministry",
                "according to",
                "The rain stopped",
            )],
        );
        // Not after an account: "a spokesman from the ministry" is the source.
        check(
            "The deal ended, according to a spokesman from the ministry.",
            &[(
                "according_to",
                "a spokesman from the ministry",
                "according to",
                "The deal ended",
            )],
        );
    }

    #[test]
    fn a_relay_after_the_source() {
        check(
            "The rain stopped, according to a memo obtained by Politico.",
            &[
                ("according_to", "a memo", "according to", "The rain stopped"),
                ("according_to", "Politico", "obtained by", ""),
            ],
        );
        // A reporter's outlet is the assembly's to add.
        check(
            "The port authority halted loading, according to Maria Lopez of the Financial Times.",
            &[(
                "according_to",
                "Maria Lopez of the Financial Times",
                "according to",
                "The port authority halted loading",
            )],
        );
        // Of a body that is no outlet: no relay.
        check(
            "Growth slowed, according to Mark Zandi of Moody's Analytics.",
            &[(
                "according_to",
                "Mark Zandi of Moody's Analytics",
                "according to",
                "Growth slowed",
            )],
        );
    }

    #[test]
    fn according_to_plan_is_not_a_source() {
        check("Everything went according to plan.", &[]);
        check("They acted according to the law.", &[]);
    }
}
