//! Preposed attribution: the source, the cue, then the content.
//!
//! "US National Security Adviser Jake Sullivan said Biden had told Putin ...",
//! "The statement notes that ...", "Sullivan told reporters: "..."", "officials say ...".
//! Counter-examples: "the said agreement" (an adjective), "declined to say" (no statement),
//! "media reports suggesting" (a noun), and a verb with nothing after it (that is postposed).

use crate::lexicon::{Form, VerbFlags};
use crate::mention::{
    Mention, MentionKind, as_unnamed, classify, np_after, subject_before, subject_before_relative,
};
use crate::rules::verb::{VerbHit, relative_that, skip_adjuncts};
use crate::rules::{Ctx, Frame, Role, RuleId, content_between, quote_content};
use crate::text::Text;
use crate::text::token::TokenFlags;

pub fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        if !hit.is_finite() {
            continue;
        }
        let Some((mention, appositive)) = subject_of(ctx, &hit) else {
            continue;
        };
        let np = mention.np;
        if !agrees(&hit, &mention) {
            continue;
        }
        if hit.verb().has(VerbFlags::NOUN)
            && !hit.has(Form::PAST)
            && !opens_clause(text, hit.cue.last + 1)
        {
            continue; // "media reports suggesting ...": a noun
        }
        if hit.verb().has(VerbFlags::POSTONLY) {
            continue; // "the United States continues to supply ..."
        }
        // "did not say when he would leave", "would never tell": nothing is attributed.
        if hit.negated {
            continue;
        }
        if hit.verb().has(VerbFlags::THAT)
            && !introduces_speech(text, hit.cue.last + 1)
            && !introduces_speech(text, skip_adjuncts(ctx, hit.cue.last + 1).0)
        {
            continue; // "would respond positively to ...", "recalled the meeting"
        }
        let Some((content, statement)) = content_after(ctx, &hit) else {
            continue;
        };
        let mut frame = Frame::new(
            RuleId::Preposed,
            hit.cue,
            hit.verb().relation,
            Role::Statement,
        );
        frame.source = Some(mention);
        frame.appositive = appositive;
        frame.content = Some(content);
        frame.weak = hit.verb().has(VerbFlags::WEAK);
        // "In a statement, the White House said ...".
        frame.statement = statement || (ctx.start..np.first).any(|k| text.word(k) == "statement");
        out.push(frame);
    }
}

/// Does a clause (or a quotation) start at token `k`, as after a verb that is also a noun?
fn opens_clause(text: &Text, k: usize) -> bool {
    let Some(t) = text.tokens.get(k) else {
        return false;
    };
    let w = text.word(k);
    if matches!(w, "that" | ":" | ",") || t.is_quote() {
        return true;
    }
    use crate::lexicon::Class;
    let gerund = w.ends_with("ing") && !t.has(TokenFlags::CAP);
    !gerund
        && (t.is_cap_word()
            || t.info.is(Class::DET | Class::PRON | Class::POSS) && !t.info.is(Class::PREP))
}

/// A complementizer, colon, comma or quotation: "replied that", "recalled: "...".
pub fn introduces_speech(text: &Text, k: usize) -> bool {
    // "Rust Belt states that have suffered".
    if relative_that(text, k) {
        return false;
    }
    // A comma only before a quotation: "stated, "..."", not "a Super Tuesday state, but".
    let comma_quote = text.word(k) == "," && text.tokens.get(k + 1).is_some_and(|t| t.is_quote());
    matches!(text.word(k), "that" | ":")
        || comma_quote
        || text.tokens.get(k).is_some_and(|t| t.is_quote())
        || matches!(text.word(k), "this" | "these") && text.word(k + 1) == ":"
}

/// The subject of a verb: the noun phrase before it, the phrase before a relative clause
/// ("a White House official who spoke anonymously said"), or, for a speech verb, any noun
/// phrase as an unnamed source ("respondents said").
///
/// Found once per verb and sentence: the preposed and postposed rules both ask.
pub fn subject_of(ctx: &Ctx, hit: &VerbHit) -> Option<(Mention, Option<crate::mention::Np>)> {
    if let Some((_, subject)) = ctx
        .subjects
        .borrow()
        .iter()
        .find(|(cue, _)| *cue == hit.cue)
    {
        return subject.clone();
    }
    let subject = find_subject(ctx, hit);
    ctx.subjects.borrow_mut().push((hit.cue, subject.clone()));
    subject
}

fn find_subject(ctx: &Ctx, hit: &VerbHit) -> Option<(Mention, Option<crate::mention::Np>)> {
    let text = ctx.text;
    let plain_speech = matches!(
        hit.verb().lemma.as_str(),
        "say" | "tell" | "write" | "argue" | "claim" | "complain" | "insist" | "ask"
    );
    // The noun phrase before the verb group, found once for both readings below.
    let before = subject_before(text, ctx.start, hit.group_start);
    if plain_speech && let Some(quantified) = quantifier_subject(ctx, hit, before) {
        return Some((quantified, None));
    }
    let (np, appositive) = before?;
    let mention = classify(text, np);
    if appositive.is_none()
        && let Some(named) = name_before_description(ctx, &mention)
    {
        return Some((named, Some(np)));
    }
    // "One Republican presidential hopeful, Carly Fiorina, says": the name in the appositive
    // names the described person.
    if let Some(inner) = appositive
        && matches!(
            mention.kind,
            MentionKind::Description { .. } | MentionKind::Unnamed { .. }
        )
    {
        let named = classify(text, inner);
        if matches!(&named.kind, MentionKind::Person { name, .. } if name.len() >= 2)
            && named.np == inner
        {
            return Some((named, Some(np)));
        }
    }
    if is_subject(&mention) {
        return Some((mention, appositive));
    }
    if let Some(np) = subject_before_relative(text, ctx.start, hit.group_start) {
        let mention = classify(text, np);
        if is_subject(&mention) {
            return Some((mention, None));
        }
    }
    // Only the plainest speech verbs make any noun phrase a speaker ("respondents said"; not
    // "the nation's rail system was adding seats").
    if plain_speech {
        return as_unnamed(text, &mention).map(|m| (m, appositive));
    }
    None
}

/// A quantifier standing for people as the subject of a plain speech verb: "Some say",
/// "Many in the crowd said", "Most of the protesters told reporters". The quantifier opens its
/// clause. `subject` is the noun phrase before the verb group ([`subject_before`]).
fn quantifier_subject(
    ctx: &Ctx,
    hit: &VerbHit,
    subject: Option<(crate::mention::Np, Option<crate::mention::Np>)>,
) -> Option<Mention> {
    let text = ctx.text;
    let is_quantifier = |k: usize| {
        let mut buf = [0u8; 16];
        matches!(
            crate::text::lower(text.word(k), &mut buf),
            "some" | "many" | "most" | "several" | "others" | "few" | "both"
        )
    };
    let before = hit.group_start.checked_sub(1).filter(|&k| k >= ctx.start)?;
    let first = if is_quantifier(before) {
        before
    } else {
        // "Many in the crowd": the quantifier, a preposition, a short noun phrase.
        let (np, appositive) = subject?;
        let of = np.first.checked_sub(1)?;
        if appositive.is_some()
            || of < ctx.start + 1
            || !matches!(text.word(of), "of" | "in" | "among")
        {
            return None;
        }
        if !is_quantifier(of - 1) {
            return None;
        }
        of - 1
    };
    if !crate::mention::clause_starts_at(text, ctx.start, first) {
        return None;
    }
    let np = crate::mention::Np {
        first,
        last: before,
    };
    Some(Mention {
        np,
        kind: MentionKind::Unnamed {
            label: np,
            plural: true,
        },
    })
}

/// "Rovnag Abdullayev, head of Azerbaijan's state oil company SOCAR said": a description of a
/// person after a comma, with a person's name before it, describes that person, who is the
/// subject (the appositive's closing comma is missing).
fn name_before_description(ctx: &Ctx, mention: &Mention) -> Option<Mention> {
    let text = ctx.text;
    let MentionKind::Description { role, .. } = mention.kind else {
        return None;
    };
    let person_role =
        crate::lexicon::lexicon().roles[role as usize].kind == crate::lexicon::RoleType::Person;
    let comma = mention.np.first.checked_sub(1)?;
    if !person_role || comma <= ctx.start || text.word(comma) != "," {
        return None;
    }
    let start = crate::mention::np_start_before(text, ctx.start, comma - 1)?;
    if start != ctx.start
        && !matches!(text.word(start - 1), "," | "\"" | "”")
        && !text.tokens[start - 1].is_quote()
    {
        return None;
    }
    let named = classify(
        text,
        crate::mention::Np {
            first: start,
            last: comma - 1,
        },
    );
    matches!(named.kind, MentionKind::Person { .. }).then_some(named)
}

/// Can this mention be the subject of a reporting verb outside quotations?
pub fn is_subject(mention: &Mention) -> bool {
    !matches!(mention.kind, MentionKind::Other)
}

/// Subject-verb agreement: "says" needs a singular subject ("media reports" is a noun
/// phrase), a bare "say" a plural one ("officials say") unless an auxiliary stands before it.
pub fn agrees(hit: &VerbHit, mention: &Mention) -> bool {
    let plural = match &mention.kind {
        // "The Khans say", "Some Democrats say": a name in the plural.
        MentionKind::Person {
            name, title: None, ..
        } if name.len() == 1 && mention.np.len() <= 2 => None,
        MentionKind::Pronoun { plural, .. } => Some(*plural),
        MentionKind::Description { plural, role, .. } => {
            // "police", "staff": the same word in the singular and the plural.
            let role = &crate::lexicon::lexicon().roles[*role as usize];
            (role.singular != role.plural).then_some(*plural)
        }
        MentionKind::Group { .. } => Some(true),
        MentionKind::Unnamed { plural, .. } => Some(*plural),
        MentionKind::Person { .. } => Some(false),
        _ => None,
    };
    let only_third = !hit
        .forms
        .intersects(Form::PAST | Form::PARTICIPLE | Form::BASE)
        && hit.forms.intersects(Form::THIRD);
    let only_base = !hit
        .forms
        .intersects(Form::PAST | Form::PARTICIPLE | Form::THIRD)
        && hit.forms.intersects(Form::BASE);
    if hit.perfect || hit.modal || hit.be {
        return true;
    }
    match plural {
        Some(true) if only_third => false,
        Some(false) if only_base => false,
        _ => true,
    }
}

/// The content after a preposed cue: over the recipient ("told reporters"), adjuncts ("in a
/// statement", "on Tuesday") and "that" or a colon; a quotation there is taken whole, even
/// when it runs on past the sentence.
pub fn content_after(ctx: &Ctx, hit: &VerbHit) -> Option<(crate::rules::Content, bool)> {
    let text = ctx.text;
    let mut k = hit.cue.last + 1;
    if hit.verb().takes_recipient() {
        k = skip_recipient(text, k, ctx.end);
    }
    let (k, statement) = skip_adjuncts(ctx, k);
    let mut k = k;
    // "Costa reported from Washington.": a reporter's credit line.
    if text.word(k) == "from" && !speech_follows_soon(text, k, ctx.end) {
        return None;
    }
    if hit.verb().has(VerbFlags::OBJECT) && text.word(k) == "as" {
        k += 1; // "described Trump's call as "crazy""
    }
    // "tweeted this: "...""
    if matches!(text.word(k), "this" | "these") && text.word(k + 1) == ":" {
        k += 1;
    }
    while k < ctx.end && matches!(text.word(k), "," | ":" | "that" | "--" | "—" | "–") {
        k += 1;
    }
    // "He said:" ending its paragraph, the quotation opening the next one.
    if k == ctx.end
        && k > 0
        && text.word(k - 1) == ":"
        && text.tokens.get(k).is_some_and(|t| t.is_double_quote())
        && let Some(quote) = quote_content(text, k)
    {
        return Some((quote, statement));
    }
    if k >= ctx.end || k > ctx.last_word() && !text.tokens[k].is_double_quote() {
        return None;
    }
    if text.tokens[k].is_double_quote()
        && let Some(quote) = quote_content(text, k)
    {
        return Some((quote, statement));
    }
    content_between(text, k, ctx.last_word() + 1).map(|c| (c, statement))
}

/// A "that" or a quotation mark within a few tokens of `k`: "reported from Kabul that ...",
/// "reported from Kabul, "..."".
fn speech_follows_soon(text: &Text, k: usize, end: usize) -> bool {
    (k..(k + 8).min(end)).any(|j| text.word(j) == "that" || text.tokens[j].is_double_quote())
}

/// Skips the recipient or object right after a verb like "told": "told reporters", "told
/// Trump's legal team", "asked him". Returns the first token after it.
pub fn skip_recipient(text: &Text, k: usize, end: usize) -> usize {
    if k >= end
        || matches!(text.word(k), "that" | ":" | "," | "“" | "\"")
        || text.tokens[k].is_quote()
    {
        return k;
    }
    match np_after(text, k, end) {
        Some(np) => np.last + 1,
        None => k,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn subject_cue_content() {
        check(
            "US National Security Adviser Jake Sullivan said Biden had told Putin that Russia would pay.",
            &[
                (
                    "preposed",
                    "US National Security Adviser Jake Sullivan",
                    "said",
                    "Biden had told Putin that Russia would pay",
                ),
                // Nested in the content: assembly drops it.
                ("preposed", "Biden", "told", "Russia would pay"),
            ],
        );
        check(
            "The statement notes that the problems dominated.",
            &[(
                "preposed",
                "The statement",
                "notes",
                "the problems dominated",
            )],
        );
        check(
            "He said Biden welcomed the possibility.",
            &[("preposed", "He", "said", "Biden welcomed the possibility")],
        );
        check(
            "Officials say the talks failed.",
            &[("preposed", "Officials", "say", "the talks failed")],
        );
        check(
            "Trump has recently tried to suggest that he barely knows him.",
            &[("preposed", "Trump", "suggest", "he barely knows him")],
        );
    }

    #[test]
    fn parentheticals_postmodifiers_and_agent_nouns_in_the_subject() {
        check(
            "Murphy, though, said he is with Clinton.",
            &[("preposed", "Murphy", "said", "he is with Clinton")],
        );
        check(
            "People close to Clinton say the talks failed.",
            &[(
                "preposed",
                "People close to Clinton",
                "say",
                "the talks failed",
            )],
        );
        check(
            "Officials familiar with the matter said the talks failed.",
            &[(
                "preposed",
                "Officials familiar with the matter",
                "said",
                "the talks failed",
            )],
        );
        check(
            "The announcer said, \"It is 3 a.m.\"",
            &[("preposed", "The announcer", "said", "\"It is 3 a.m.\"")],
        );
    }

    #[test]
    fn long_appositives_with_places_ages_and_clauses() {
        check(
            "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he agreed.",
            &[("preposed", "Paul Porter", "said", "he agreed")],
        );
        check(
            "Jillian Chase, 27, a Tinder user in New York, said the election came up.",
            &[("preposed", "Jillian Chase", "said", "the election came up")],
        );
        check(
            "Hillary Clinton, also campaigning in Wisconsin, said Trump is responsible.",
            &[(
                "preposed",
                "Hillary Clinton",
                "said",
                "Trump is responsible",
            )],
        );
        check(
            "In a statement, Smith, a spokesman, said the talks failed.",
            &[("preposed", "Smith", "said", "the talks failed")],
        );
        check(
            "Tom Fitton, the president of Judicial Watch, a group that has sued, said that it failed.",
            &[("preposed", "Tom Fitton", "said", "it failed")],
        );
        check(
            "Supporters of abortion rights, on the other hand, argued that it will help.",
            &[(
                "preposed",
                "Supporters of abortion rights",
                "argued",
                "it will help",
            )],
        );
        check(
            "Jason Sims — a teacher from Mount Pleasant — says he made a decision.",
            &[("preposed", "Jason Sims", "says", "he made a decision")],
        );
        // A name in the appositive names the described person.
        check(
            "One Republican presidential hopeful, Carly Fiorina, says she plans to stay.",
            &[("preposed", "Carly Fiorina", "says", "she plans to stay")],
        );
        // The place in the appositive is not the speaker.
        check(
            "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said the talks failed.",
            &[("preposed", "Mr. Daniloff", "said", "the talks failed")],
        );
    }

    #[test]
    fn quantifiers_plural_names_and_sentence_adverbs() {
        check(
            "Many in the crowd said the senator was the only candidate.",
            &[(
                "preposed",
                "Many in the crowd",
                "said",
                "the senator was the only candidate",
            )],
        );
        check(
            "Some say they hear echoes.",
            &[("preposed", "Some", "say", "they hear echoes")],
        );
        check(
            "The Khans say they have heard rising fears.",
            &[(
                "preposed",
                "The Khans",
                "say",
                "they have heard rising fears",
            )],
        );
        check(
            "Cologne police say they have not determined it.",
            &[(
                "preposed",
                "Cologne police",
                "say",
                "they have not determined it",
            )],
        );
        // A sentence adverb before the comma is not a name the description follows.
        check(
            "Instead, officials said she stands.",
            &[("preposed", "officials", "said", "she stands")],
        );
        // Agreement still holds: a singular description with "say" is no subject.
        check("The spokesman say nothing.", &[]);
        check("He gave some say in the matter.", &[]);
        check(
            "Mark Cuban said he would run.",
            &[("preposed", "Mark Cuban", "said", "he would run")],
        );
        // What someone did not say is not attributed to them.
        check("He never said the talks failed.", &[]);
        check("The president did not say when he would leave.", &[]);
        // A reporter's credit line.
        check("Costa reported from Washington.", &[]);
    }

    #[test]
    fn a_phrase_before_that_and_a_quotation_in_the_next_paragraph() {
        check(
            "Trump tweeted in the early morning hours that Machado was a con.",
            &[("preposed", "Trump", "tweeted", "Machado was a con")],
        );
        check(
            "He said:\n\n\"We have a situation.\"",
            &[("preposed", "He", "said", "\"We have a situation.\"")],
        );
        check(
            "Romney tweeted in response: \"Important distinction.\"",
            &[(
                "preposed",
                "Romney",
                "tweeted",
                "\"Important distinction.\"",
            )],
        );
        check(
            "Axelrod tweeted this: \"She did it again.\"",
            &[("preposed", "Axelrod", "tweeted", "\"She did it again.\"")],
        );
        // "that" after a noun is a relative pronoun: no speech follows "recalled in the days".
        check("He recalled in the days that followed the vote.", &[]);
    }

    #[test]
    fn recipients_adjuncts_and_quotations() {
        check(
            "Sullivan told reporters on Tuesday that the US was ready.",
            &[("preposed", "Sullivan", "told", "the US was ready")],
        );
        check(
            "Kelner said in an emailed statement: \"Out of respect.\"",
            &[("preposed", "Kelner", "said", "\"Out of respect.\"")],
        );
    }

    #[test]
    fn counter_examples_stay_silent() {
        check("The said agreement was signed.", &[]);
        check("He declined to say whether it happened.", &[]);
        check("Media reports suggesting a deal were wrong.", &[]);
        check("All told, ten people died.", &[]);
        check("The weather said nothing.", &[]);
    }
}
