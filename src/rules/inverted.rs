//! Inverted attribution: the content, then the cue, then the source.
//!
//! ""We dodged a bullet," said Steve Cowan, a spokesman for the Pennsylvania Department of
//! Transportation.", "..., said another witness in the impeachment probe."
//! Counter-example: ", said to be ..." (a passive report with no source).
//!
//! Also a capitalized verb opening its sentence, the speaker and a colon before the words:
//! "Said Ellis: "I don't get it."" (not "Said to be ill, he left.": no speaker and colon).

use crate::lexicon::{Class, Form, VerbFlags};
use crate::mention::{Mention, MentionKind, appositive_after, as_unnamed, classify, np_after};
use crate::rules::clause::{content_before, quote_content, subject_of, words_after_colon};
use crate::rules::verb::{VerbHit, is_verb_form};
use crate::rules::{Content, Ctx, Frame, Role, RuleId};
use crate::text::token::{TokenFlags, TokenKind};
use crate::text::{Text, TokenRange};

/// Finds the inverted statements of one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        let base = !is_simple_speech(&hit) && is_inverted_base(ctx, &hit);
        if !is_simple_speech(&hit) && !base {
            continue;
        }
        // A verb opening the sentence: its words come after its speaker.
        if let Some(frame) = fronted(ctx, &hit) {
            out.push(frame);
            continue;
        }
        // The content first: it needs only the cue, and most verbs have none before them (a
        // quotation or a comma), which spares looking for and classifying a speaker after them.
        let Some(content) = content_before(ctx, hit.cue.start) else {
            continue;
        };
        // After "told", "asked", "warned" comes who was spoken to ("Clinton, meanwhile, told
        // reporters that ..."), unless a quotation was what was said (""Why?" asked Manafort").
        if hit.verb().takes_recipient() && !content.direct {
            continue;
        }
        if is_subject_before(ctx, &hit, &content) {
            continue;
        }
        let Some(mention) = speaker_after(ctx, &hit, &content)
            .or_else(|| quoted_speaker_phrase(ctx, &hit, &content))
        else {
            continue;
        };
        if base && !is_plural(&mention) {
            continue;
        }
        let appositive = appositive_after(text, mention.np.last(), ctx.end);
        let (mention, appositive) = named_in_appositive(text, mention, appositive);
        let mut frame = Frame::new(
            RuleId::Inverted,
            hit.cue,
            hit.verb().relation,
            Role::Statement,
        );
        frame.appositive = appositive;
        frame.source = Some(mention);
        frame.content = Some(content);
        out.push(frame);
    }
}

/// The speaker and the appositive after it, the name in the appositive being who spoke when
/// the speaker is only described: ""...," said the editor in chief of the Vatican's newspaper,
/// Giovanni Maria Vian." Not a description or a single name after a name ("said Smith, a
/// spokesman", "said the official, Jones").
fn named_in_appositive(
    text: &Text,
    mention: Mention,
    appositive: Option<TokenRange>,
) -> (Mention, Option<TokenRange>) {
    let described = matches!(
        mention.kind,
        MentionKind::Description { .. } | MentionKind::Unnamed { .. }
    );
    if let Some(a) = appositive.filter(|_| described) {
        let named = classify(text, a);
        if matches!(&named.kind, MentionKind::Person { name, .. } if name.len() >= 2)
            && named.np.start == a.start
        {
            let np = mention.np;
            return (named, Some(np));
        }
    }
    (mention, appositive)
}

/// Is the content before the cue no content but the verb's subject with its appositive,
/// which the preposed reading takes: "Another pollster, David Woodard of Clemson University,
/// said his survey showed ...", "Zeke Emanuel, an oncologist who advised Obama, said
/// Obamacare ..."? The content is the subject and its appositive, which holds no comma. Not
/// a quotation, nor a clause ("The talks failed, said Smith"; "Kenya, which has 30 million
/// people, has enough rain, said the report": the stretch between the commas runs on).
fn is_subject_before(ctx: &Ctx, hit: &VerbHit, content: &Content) -> bool {
    let text = ctx.text;
    !content.direct
        && subject_of(ctx, hit).is_some_and(|(mention, appositive)| {
            // The name may stand in the appositive, the description before it ("Another
            // pollster, David Woodard of Clemson University, said his survey showed ...").
            // Its comma may stand inside a closing quotation mark ("James Baker, speaking on
            // "This Week," said").
            appositive.is_some_and(|a| {
                let (first, last) = if a.start < mention.np.start {
                    (a, mention.np)
                } else {
                    (mention.np, a)
                };
                let closes = (last.end..content.tokens.end)
                    .all(|k| text.word(k) == "," || text.tokens[k].is_quote());
                last.end <= content.tokens.end
                    && closes
                    && first.start == content.tokens.start
                    && !a.indices().any(|k| text.word(k) == ",")
            })
        })
}

/// The speaker in the noun phrase right after the cue, if the clause ends with it.
fn speaker_after(ctx: &Ctx, hit: &VerbHit, content: &Content) -> Option<Mention> {
    let text = ctx.text;
    let np = np_after(text, hit.cue.end, ctx.end)?;
    if text.word(np.end) == "to" || text.word(np.start) == "to" {
        return None; // "said to be"
    }
    if clause_goes_on(ctx, np.end) {
        return None;
    }
    speaker_here(ctx, hit, content, classify(text, np))
}

/// The longest speaker phrase [`quoted_speaker_phrase`] takes, in tokens.
const MAX_SPEAKER_PHRASE: usize = 12;

/// After a quotation and a plain speech verb that closes its sentence, the words up to the
/// sentence's end (or a comma, or a postmodifier after their head) are who spoke, whatever the
/// noun phrase reader makes of them (after a clause, only words that name a speaker):
/// ""...," said Pierre de Vos, a professor", ""...," said Oversight ranking Democrat Elijah
/// Cummings (D-Md.)." A name there is a person's, other words an unnamed source. Not a
/// preposition or a verb after the cue (""...," said in a statement", "said to be").
fn quoted_speaker_phrase(ctx: &Ctx, hit: &VerbHit, content: &Content) -> Option<Mention> {
    let text = ctx.text;
    let start = hit.cue.end;
    if !hit.verb().has(VerbFlags::PLAIN) || start > ctx.last_word() {
        return None;
    }
    let end = (start..=ctx.last_word())
        .find(|&k| {
            matches!(text.word(k), "," | "(" | ";" | ":")
                || text.tokens[k].is_quote()
                || k > start && postmodifier_at(text, k)
        })
        .unwrap_or(ctx.last_word() + 1);
    // After a clause that is no quotation, only a phrase a relative or a postmodifier of the
    // lexicon closes ("said a former official who oversaw ..."; not "said the candidate tended
    // to ...", a verb in "-ed").
    let closed = end <= ctx.last_word()
        && postmodifier_at(text, end)
        && text.tokens[end].info.is(Class::REL | Class::POSTMODIFIER);
    if !(content.direct || closed) {
        return None;
    }
    let first = &text.tokens[start];
    let opens = (first.is_cap_word() || first.info.is(Class::DET) || lower_modifier(text, start))
        && !first.info.is(Class::TIME | Class::MONTH);
    let np = TokenRange::new(start, end);
    if !opens || end <= start || end - start > MAX_SPEAKER_PHRASE || !phrase_words(text, np) {
        return None;
    }
    // A name closing the phrase is who spoke ("HP executive vice president Ann Livermore"),
    // not a role its words hold.
    let name_start = (start..end)
        .rev()
        .take_while(|&k| text.tokens[k].is_cap_word())
        .last()
        .filter(|&k| end - k >= 2);
    if let Some(k) = name_start {
        let name = classify(text, TokenRange::new(k, end));
        if matches!(name.kind, MentionKind::Person { .. }) {
            return Some(name);
        }
    }
    let mention = classify(text, np);
    if can_speak_here(ctx, &mention) {
        return Some(mention);
    }
    if !content.direct {
        return None; // no unnamed source after a clause
    }
    let det = first.info.is(Class::DET) && np.len() > 1;
    Some(Mention {
        np,
        kind: MentionKind::Unnamed {
            label: TokenRange::new(start + usize::from(det), end),
            plural: false,
        },
    })
}

/// Are the tokens of a speaker phrase words and abbreviations' periods, with no lower-case
/// verb, preposition, relative or auxiliary? "of" joins the phrase after a quantity or a role
/// noun, or before a name closing it: "one of two witnesses", "master of ceremonies Asab
/// Al-Tabchi" (not "Ignacio Walker ahead of a cabinet meeting").
fn phrase_words(text: &Text, np: TokenRange) -> bool {
    let joins = |k: usize| {
        text.word(k) == "of"
            && k > np.start
            && (text.tokens[k - 1].info.is(Class::QUANTITY | Class::ROLE)
                || text.tokens[np.last()].is_cap_word())
    };
    np.indices()
        .all(|k| text.tokens[k].kind == TokenKind::Word || text.word(k) == ".")
        && !np.indices().any(|k| {
            let t = &text.tokens[k];
            !t.has(TokenFlags::CAP)
                && t.info
                    .is(Class::VERB | Class::PREP | Class::REL | Class::AUX)
                && !joins(k)
        })
}

/// Does a postmodifier of the speaker's head start at token `k`, ending the speaker phrase
/// after a quotation: a relative clause ("said a former official who oversaw ..."), an
/// adjective or participle that takes a complement ("said one Democrat familiar with the
/// discussion", "said one Republican involved in the planning"), or a participle in "-ed"
/// before a preposition ("said a voter interviewed at the rally"). The word before it heads
/// the phrase: a role noun or a capitalized word, no time word. Not "said the embattled
/// governor" (a determiner before the participle).
fn postmodifier_at(text: &Text, k: usize) -> bool {
    let t = &text.tokens[k];
    let head = &text.tokens[k - 1];
    let heads = (head.is_cap_word() || head.info.is(Class::ROLE))
        && !head.info.is(Class::TIME | Class::MONTH);
    if !heads || t.kind != TokenKind::Word || t.has(TokenFlags::CAP) {
        return false;
    }
    let before_prep = text
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.info.is(Class::PREP) && !n.has(TokenFlags::CAP));
    t.info.is(Class::REL | Class::POSTMODIFIER)
        || text.word(k).ends_with("ed") && before_prep && !t.info.is(Class::ROLE)
}

/// Is the lower-case word at `k` a modifier that may open a speaker phrase, as an adjective or
/// a noun does ("said former Pennsylvania Gov. ...", "said master of ceremonies ..."), no
/// function word, verb, adverb or time word ("said in a statement", "said yesterday")?
fn lower_modifier(text: &Text, k: usize) -> bool {
    let t = &text.tokens[k];
    t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP | TokenFlags::LY)
        && !t.info.is(Class::VERB
            | Class::PREP
            | Class::ADV
            | Class::TIME
            | Class::AUX
            | Class::SUB
            | Class::CONJ
            | Class::REL
            | Class::PRON
            | Class::NEG
            | Class::DET
            | Class::POSS)
}

/// A speech verb opening its sentence before its speaker, and what was said after the speaker:
/// a quotation after a comma or colon, over an aside, for a plain verb and a named speaker
/// ("Said Comey, "The thought ..."", "Said Dorothy Poynter, who grew up with Ali in the
/// neighborhood, "We were all so proud.""); else what a colon or comma right after the speaker
/// introduces ("Said Ellis: "I don't get the sense she's interested."", "Stated Stone: ...").
/// Not "Said to be worth millions, the deal ..." (no speaker) nor a verb inside the sentence.
fn fronted(ctx: &Ctx, hit: &VerbHit) -> Option<Frame> {
    let text = ctx.text;
    if hit.cue.start != ctx.start {
        return None;
    }
    let np = np_after(text, hit.cue.end, ctx.end)?;
    let mention = classify(text, np);
    if !can_speak_here(ctx, &mention) {
        return None;
    }
    let named = !matches!(mention.kind, MentionKind::Pronoun { .. });
    let quoted = (hit.verb().has(VerbFlags::PLAIN) && named)
        .then(|| {
            let open = (np.end..ctx.end).find(|&k| text.tokens[k].is_quote())?;
            let after_comma = matches!(text.word(open - 1), "," | ":");
            after_comma.then(|| quote_content(text, open)).flatten()
        })
        .flatten();
    let mut frame = Frame::new(
        RuleId::Inverted,
        hit.cue,
        hit.verb().relation,
        Role::Statement,
    );
    if let Some(content) = quoted {
        frame.appositive = appositive_after(text, mention.np.last(), ctx.end);
        frame.content = Some(content);
    } else {
        let right_after = np.start == hit.cue.end
            && text.tokens[hit.cue.start].has(TokenFlags::CAP)
            && matches!(text.word(np.end), ":" | ",");
        frame.content = Some(
            right_after
                .then(|| words_after_colon(ctx, np.end))
                .flatten()?,
        );
    }
    frame.source = Some(mention);
    Some(frame)
}

/// A speech verb alone in the simple past or present: "said", "says" (not "has said").
fn is_simple_speech(hit: &VerbHit) -> bool {
    hit.forms.intersects(Form::PAST | Form::THIRD)
        && !hit.perfect
        && !hit.be
        && !hit.modal
        && hit.verb().has(VerbFlags::SPEECH)
        && hit.group_start == hit.cue.start
}

/// A plain speech verb in its base form right after a comma or a closing quotation mark, as
/// the plural speakers after it invert it: "..., say some Democrats, who cringe ...". Not "to
/// say", nor a verb after its subject.
fn is_inverted_base(ctx: &Ctx, hit: &VerbHit) -> bool {
    let text = ctx.text;
    let before = hit.cue.start.checked_sub(1).filter(|&b| b > ctx.start);
    hit.forms.intersects(Form::BASE)
        && !hit.perfect
        && !hit.be
        && !hit.modal
        && hit.verb().has(VerbFlags::PLAIN)
        && hit.group_start == hit.cue.start
        && before.is_some_and(|b| text.word(b) == "," || text.tokens[b].is_quote())
}

/// Does a mention name several speakers ("some Democrats", "experts", "voters")?
fn is_plural(mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Description { plural: true, .. }
            | MentionKind::Group { .. }
            | MentionKind::Unnamed { plural: true, .. }
    )
}

/// Does the clause go on at `next`, after the noun phrase after the cue? A verb there makes
/// the noun phrase the subject of what was said ("Megan Hester, a senior associate, said
/// parents still want ..."); the speaker ends its clause ("said Smith yesterday.", "said Smith,
/// who ...", "said Smith in a statement").
fn clause_goes_on(ctx: &Ctx, next: usize) -> bool {
    let text = ctx.text;
    if next > ctx.last_word() {
        return false;
    }
    let t = &text.tokens[next];
    let last_word = next + 1 > ctx.last_word() || text.tokens[next + 1].kind == TokenKind::Punct;
    t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && !t
            .info
            .is(Class::PREP | Class::SUB | Class::REL | Class::CONJ)
        && !t.info.is(Class::TIME | Class::MONTH)
        && !(last_word && (t.info.is(Class::ADV) || t.has(TokenFlags::LY)))
        // A participle opening a clause about the speaker ("said Smith adding that", "said
        // Dulaimi referring to"); a verb makes the noun phrase its subject.
        && !opens_comment(text, next)
}

/// Who can speak after an inverted cue: a person, a body, an outlet, a description, a group,
/// and a pronoun only at the end of the sentence ("..., said he.").
fn can_speak_here(ctx: &Ctx, mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Person { .. }
            | MentionKind::Known { .. }
            | MentionKind::Outlet { .. }
            | MentionKind::Organization { .. }
            | MentionKind::Description { .. }
            | MentionKind::Group { .. }
    ) || matches!(mention.kind, MentionKind::Pronoun { .. }) && mention.np.end >= ctx.last_word()
}

/// The speaker the mention after the cue names: one [`can_speak_here`], or, after a quotation
/// and a plain speech verb, any noun phrase of a determiner and lower-case words, as an unnamed
/// source (""...," said the 46-year-old.", "said one Trump confidant"): who else says a
/// quotation? Not a name the lexicon cannot place ("said Tuesday" is no noun phrase here).
fn speaker_here(ctx: &Ctx, hit: &VerbHit, content: &Content, mention: Mention) -> Option<Mention> {
    if can_speak_here(ctx, &mention) {
        return Some(mention);
    }
    if !content.direct || !hit.verb().has(VerbFlags::PLAIN) {
        return None;
    }
    let text = ctx.text;
    let np = mention.np;
    let opens_with_det = text.tokens[np.start].info.is(Class::DET) && np.len() > 1;
    // "said protesters", "said the actress"; not a lone "whenever".
    if let Some(unnamed) = as_unnamed(text, &mention)
        && (opens_with_det || matches!(unnamed.kind, MentionKind::Unnamed { plural: true, .. }))
    {
        return Some(unnamed);
    }
    let lower_words = (np.start + 1..np.end).all(|k| {
        let t = &text.tokens[k];
        t.kind == TokenKind::Word
            && !t.has(TokenFlags::CAP)
            && !t
                .info
                .is(Class::VERB | Class::PREP | Class::ADV | Class::TIME)
    });
    (matches!(mention.kind, MentionKind::Other) && opens_with_det && lower_words).then(|| Mention {
        np,
        kind: MentionKind::Unnamed {
            label: TokenRange::new(np.start + 1, np.end),
            plural: false,
        },
    })
}

/// A participle that opens a clause about the speaker right after them: "adding", "citing",
/// "referring" ("refer" is no reporting verb).
fn opens_comment(text: &Text, k: usize) -> bool {
    text.word(k) == "referring"
        || is_verb_form(text, k, |forms, verb| {
            forms.intersects(Form::GERUND) && verb.has(VerbFlags::COMMENT)
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn after_a_quotation_the_words_closing_the_sentence_are_the_speaker() {
        check(
            "\"I've been watching this election,\" said Pierre de Vos, a professor in public law.",
            &[(
                "inverted",
                "Pierre de Vos",
                "said",
                "\"I've been watching this election,\"",
            )],
        );
        check(
            "\"They are spending millions,\" said Oversight ranking Democrat Elijah Cummings (D-Md.).",
            &[(
                "inverted",
                "Democrat Elijah Cummings",
                "said",
                "\"They are spending millions,\"",
            )],
        );
        // A preposition after the cue: no speaker there.
        check("\"We won,\" said in a statement.", &[]);
    }

    #[test]
    fn a_subject_and_its_appositive_before_the_cue_are_no_content() {
        check(
            "Zeke Emanuel, an oncologist who advised Obama, said Obamacare so far has been a success.",
            &[(
                "preposed",
                "Zeke Emanuel",
                "said",
                "Obamacare so far has been a success",
            )],
        );
        // Counter-example: a clause before the cue, with a list in it.
        check(
            "The team included 15 Nepalese, three Indians, one Japanese, said Lam Ty Ni.",
            &[(
                "inverted",
                "Lam Ty Ni",
                "said",
                "The team included 15 Nepalese, three Indians, one Japanese",
            )],
        );
    }

    #[test]
    fn a_noun_phrase_going_on_as_a_clause_is_no_speaker() {
        check(
            "Kerr Putney, the Charlotte-Mecklenburg police chief, said parents still want schools.",
            &[(
                "preposed",
                "Kerr Putney",
                "said",
                "parents still want schools",
            )],
        );
        check(
            "\"We dodged a bullet,\" said Steve Cowan yesterday.",
            &[("inverted", "Steve Cowan", "said", "\"We dodged a bullet,\"")],
        );
    }

    #[test]
    fn a_possessor_of_what_follows_is_no_speaker() {
        // "Yoon's" owns the declaration: the speaker is Lee, before the verb.
        check(
            "Lee, the party leader, said Yoon's \u{201c}declaration\u{201d} had caused chaos.",
            &[(
                "preposed",
                "Lee",
                "said",
                "Yoon's \u{201c}declaration\u{201d} had caused chaos",
            )],
        );
        // Near miss: a possessive phrase after the verb that owns nothing after it speaks.
        check(
            "\"The talks failed,\" said the ministry's spokesman.",
            &[(
                "inverted",
                "the ministry's spokesman",
                "said",
                "\"The talks failed,\"",
            )],
        );
    }

    #[test]
    fn who_was_told_is_not_the_speaker() {
        check(
            "Clinton, meanwhile, told reporters that the talks failed.",
            &[("preposed", "Clinton", "told", "the talks failed")],
        );
        // After a quotation, who asked is the speaker.
        check(
            "\"Is he running against the party?\" asked Mr. Manafort.",
            &[(
                "inverted",
                "Mr. Manafort",
                "asked",
                "\"Is he running against the party?\"",
            )],
        );
    }

    #[test]
    fn cue_before_source() {
        check(
            "\"We dodged a bullet,\" said Steve Cowan, a spokesman for the Pennsylvania Department of Transportation.",
            &[("inverted", "Steve Cowan", "said", "\"We dodged a bullet,\"")],
        );
        check(
            "It was never in doubt, said another witness in the impeachment probe.",
            &[(
                "inverted",
                "another witness in the impeachment probe",
                "said",
                "It was never in doubt",
            )],
        );
    }

    #[test]
    fn after_a_quotation_any_person_said_is_the_speaker() {
        check(
            "\"Donald is an amazing leader,\" said the 46-year-old.",
            &[(
                "inverted",
                "the 46-year-old",
                "said",
                "\"Donald is an amazing leader,\"",
            )],
        );
        check(
            "\"It is hard enough,\" said the designer, who works for another brand.",
            &[("inverted", "the designer", "said", "\"It is hard enough,\"")],
        );
        // Without a quotation, or with a verb that is no plain speech verb, a word the lexicon
        // cannot place is no speaker.
        check("It was hard, said the old.", &[]);
        check("\"It was hard,\" noted the obvious.", &[]);
    }

    #[test]
    fn a_postmodifier_after_the_speaker_ends_the_speaker_phrase() {
        check(
            "\"It was not convincing,\" said one Democrat familiar with the discussion, who added more.",
            &[
                (
                    "inverted",
                    "one Democrat",
                    "said",
                    "\"It was not convincing,\"",
                ),
                ("preposed", "who", "added", "more"),
            ],
        );
        check(
            "\"You will see a massive ad spend,\" said one Republican involved in the planning.",
            &[(
                "inverted",
                "one Republican",
                "said",
                "\"You will see a massive ad spend,\"",
            )],
        );
        check(
            "\"It was awful,\" said one of two witnesses who relayed the same story.",
            &[(
                "inverted",
                "one of two witnesses",
                "said",
                "\"It was awful,\"",
            )],
        );
        // A lower-case modifier may open the phrase; a name closing it is who spoke.
        check(
            "\"He is reprising that role,\" said former Pennsylvania Gov. and party Chairman Ed Rendell.",
            &[(
                "inverted",
                "Chairman Ed Rendell",
                "said",
                "\"He is reprising that role,\"",
            )],
        );
        // Counter-example: "of" after a word that is no quantity or role, before no name.
        check(
            "\"We will abide by the law,\" said ahead of a cabinet meeting.",
            &[],
        );
    }

    #[test]
    fn a_speech_verb_opening_the_sentence_before_its_speaker_and_quotation() {
        check(
            "Said Dorothy Poynter, who grew up with Ali, \u{201c}We were all so proud.\u{201d}",
            &[(
                "inverted",
                "Dorothy Poynter",
                "Said",
                "\u{201c}We were all so proud.\u{201d}",
            )],
        );
        // Counter-example: no speaker after the verb.
        check(
            "Said to be worth millions, the deal, \"a big one,\" collapsed.",
            &[],
        );
    }

    #[test]
    fn a_name_in_the_appositive_names_the_described_speaker() {
        check(
            "\"It is not our job,\" said the editor of the Vatican's newspaper, Giovanni Maria Vian.",
            &[(
                "inverted",
                "Giovanni Maria Vian",
                "said",
                "\"It is not our job,\"",
            )],
        );
        // Counter-example: a description after a name leaves the name.
        check(
            "\"It is not our job,\" said Giovanni Maria Vian, the editor.",
            &[(
                "inverted",
                "Giovanni Maria Vian",
                "said",
                "\"It is not our job,\"",
            )],
        );
        // Before the cue, the name in the appositive makes the text before the cue a subject,
        // no content.
        check(
            "Another pollster, David Woodard of Clemson University, said his survey showed support.",
            &[(
                "preposed",
                "David Woodard of Clemson University",
                "said",
                "his survey showed support",
            )],
        );
    }

    #[test]
    fn plural_speakers_invert_a_base_form() {
        check(
            "A subdued Clinton may not be a bad thing, say some Democrats, who cringe at the past.",
            &[(
                "inverted",
                "some Democrats",
                "say",
                "A subdued Clinton may not be a bad thing",
            )],
        );
        // Counter-examples: "say" as a filler, and a single speaker.
        check("It was, say, ten people.", &[]);
        check("It was a bad thing, say Smith.", &[]);
    }

    #[test]
    fn a_subject_whose_aside_closes_in_a_quotation_mark_is_no_content() {
        check(
            "James Baker, speaking on \"This Week,\" said the request gives the U.S. a basis.",
            &[(
                "preposed",
                "James Baker",
                "said",
                "the request gives the U.S. a basis",
            )],
        );
    }

    #[test]
    fn after_a_clause_a_speaker_phrase_that_names_someone() {
        check(
            "Petraeus \"was handled lightly,\" said a former law enforcement official who oversaw the case.",
            &[(
                "inverted",
                "a former law enforcement official",
                "said",
                "Petraeus \"was handled lightly,\"",
            )],
        );
        // Counter-example: no relative closes the phrase, and a time word opens none.
        check(
            "Fans will get tickets at a discount, said Wednesday the organizers.",
            &[],
        );
    }

    #[test]
    fn passive_reports_are_not_inverted() {
        check("The deal, said to be worth millions, collapsed.", &[]);
    }

    #[test]
    fn a_participle_after_the_speaker_opens_a_clause_about_them() {
        check(
            "\"It is over,\" said Dulaimi referring to the war.",
            &[("inverted", "Dulaimi", "said", "\"It is over,\"")],
        );
        check(
            "\"It is over,\" said Dulaimi adding that he was sad.",
            &[("inverted", "Dulaimi", "said", "\"It is over,\"")],
        );
        // Other words after the name go on with a clause of their own.
        check("\"It is over,\" said Dulaimi resigning from the post.", &[]);
    }

    #[test]
    fn a_verb_opening_the_sentence_then_the_speaker_and_a_colon() {
        check(
            "\"We won.\" Said Ellis: \"I don't get the sense she's interested.\"",
            &[(
                "inverted",
                "Ellis",
                "Said",
                "\"I don't get the sense she's interested.\"",
            )],
        );
        check(
            "Stated Stone:\n\nThe stakes are so high.",
            &[("inverted", "Stone", "Stated", "The stakes are so high")],
        );
        // No speaker and colon after the verb: nothing is said by anyone there.
        check("Said to be ill, Ellis left early.", &[]);
    }
}
