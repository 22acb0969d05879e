//! Subjects: the noun phrase a reporting verb says is speaking, whether it agrees with the
//! verb, and the subject a later verb of the sentence shares.

use crate::lexicon::{Class, Form, RoleType, VerbFlags, lexicon};
use crate::mention::{
    Mention, MentionKind, as_unnamed, classify, clause_starts_at, np_after, np_end_before,
    np_start_before, subject_before, subject_before_relative,
};
use crate::rules::verb::VerbHit;
use crate::rules::{Ctx, Frame, Role};
use crate::text::token::{TokenFlags, TokenKind};
use crate::text::{Text, TokenRange};

/// The subject of a verb: the noun phrase before it, the phrase before a relative clause
/// ("a White House official who spoke anonymously said"), or, for a speech verb, any noun
/// phrase as an unnamed source ("respondents said").
///
/// Found once per verb and sentence: the preposed and postposed rules both ask.
pub(crate) fn subject_of(ctx: &Ctx, hit: &VerbHit) -> Option<(Mention, Option<TokenRange>)> {
    if let Some((_, subject)) = ctx
        .subjects
        .borrow()
        .iter()
        .find(|(cue, _)| *cue == hit.cue)
    {
        return subject.clone();
    }
    // "No group claimed responsibility", "Nobody said": no one spoke ("No wonder Trump said"
    // names him).
    let subject = find_subject(ctx, hit).filter(|(m, _)| {
        let named = matches!(
            m.kind,
            MentionKind::Person { .. } | MentionKind::Known { .. }
        );
        named || !ctx.text.tokens[m.np.start].info.is(Class::NEG_DET)
    });
    ctx.subjects.borrow_mut().push((hit.cue, subject.clone()));
    subject
}

/// The subject of a verb, looked for (see [`subject_of`]).
fn find_subject(ctx: &Ctx, hit: &VerbHit) -> Option<(Mention, Option<TokenRange>)> {
    let text = ctx.text;
    let plain_speech = hit.verb().has(VerbFlags::PLAIN);
    // The noun phrase before the verb group, found once for both readings below.
    let before = subject_before(text, ctx.start, hit.group_start);
    if plain_speech && let Some(quantified) = quantifier_subject(ctx, hit, before) {
        return Some((quantified, None));
    }
    let Some((np, appositive)) = before else {
        return object_subject(ctx, hit, plain_speech).map(|m| (m, None));
    };
    let mention = classify(text, np);
    // "Giovanni Maria Vian, the editor in chief of the Vatican's newspaper, L'Osservatore
    // Romano, said": the name before the description, whatever follows it.
    if let Some(named) = name_before_description(ctx, &mention) {
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
    if appositive.is_none()
        && let Some(head) = head_over_object(ctx, hit, np)
    {
        return Some((head, None));
    }
    if is_subject(&mention) {
        return Some((mention, appositive));
    }
    if let Some(named) = trailing_name(text, np) {
        return Some((named, appositive));
    }
    if let Some(head) = relative_subject(ctx, hit) {
        return Some((head, None));
    }
    if appositive.is_none()
        && let Some(head) = head_before_complement(ctx, np, plain_speech)
    {
        return Some((head, None));
    }
    // Only the plainest speech verbs make any noun phrase a speaker ("respondents said"; not
    // "the nation's rail system was adding seats").
    if plain_speech {
        return as_unnamed(text, &mention).map(|m| (m, appositive));
    }
    None
}

/// The speaker when no noun phrase stands before the verb but an object pronoun: the speaker
/// before a complement that ends in it ("a source close to him said", [`object_complement`]),
/// or the head of a relative clause it closes ("progressive organizations that have endorsed
/// him say").
fn object_subject(ctx: &Ctx, hit: &VerbHit, plain_speech: bool) -> Option<Mention> {
    let text = ctx.text;
    let object_before = hit
        .group_start
        .checked_sub(1)
        .is_some_and(|k| k > ctx.start && text.tokens[k].info.is(Class::OBJ));
    object_complement(ctx, hit, plain_speech)
        .or_else(|| object_before.then(|| relative_subject(ctx, hit)).flatten())
}

/// The head of a relative clause whose object is the phrase `np` before the verb: "Current and
/// former officials who spoke with The Huffington Post said" (after a preposition, [`is_object`]),
/// "voters who support Trump said" ([`inside_relative`]).
fn head_over_object(ctx: &Ctx, hit: &VerbHit, np: TokenRange) -> Option<Mention> {
    if is_object(ctx.text, ctx.start, np) {
        return relative_subject(ctx, hit);
    }
    let relative = inside_relative(ctx, hit, np)?;
    relative_subject(ctx, hit).filter(|head| head.np.end == relative)
}

/// The head of a relative clause before the verb, when it names a subject: "a White House
/// official who spoke anonymously said" (see [`subject_before_relative`]).
fn relative_subject(ctx: &Ctx, hit: &VerbHit) -> Option<Mention> {
    let np = subject_before_relative(ctx.text, ctx.start, hit.group_start)?;
    let mention = classify(ctx.text, np);
    is_subject(&mention).then_some(mention)
}

/// The relative ("who") opening a restrictive relative clause whose object is the phrase `np`
/// before the verb, a word or more after it (or right after it, when the phrase opens with the
/// clause's lower-case verb): "voters who support Trump
/// said", "27 percent of those who named a candidate said" (the relative's head speaks). Not
/// "the man who Trump said ..." (the phrase right after the relative is its subject) nor after
/// a comma ("Smith, who met Jones, said" is the appositive's).
fn inside_relative(ctx: &Ctx, hit: &VerbHit, np: TokenRange) -> Option<usize> {
    let text = ctx.text;
    if text.tokens[np.start].info.is(Class::PRON) || hit.group_start <= np.start {
        return None; // "critics who say he should ...": a pronoun is a subject
    }
    // "who support Trump": the phrase reader took the relative's lower-case verb in.
    let first = &text.tokens[np.start];
    let verb_first = first.kind == TokenKind::Word
        && !first.has(TokenFlags::CAP)
        && !first
            .info
            .is(Class::DET | Class::POSS | Class::QUANTITY | Class::ROLE);
    // Else the relative's verb stands right before the phrase ("who named a candidate"): a
    // lower-case word, no function word (most subjects open their clause).
    let verb_before = np.start > ctx.start && {
        let t = &text.tokens[np.start - 1];
        t.kind == TokenKind::Word
            && !t.has(TokenFlags::CAP)
            && !t.info.is(Class::PREP
                | Class::SUB
                | Class::CONJ
                | Class::REL
                | Class::DET
                | Class::AUX)
    };
    if !verb_first && !verb_before {
        return None;
    }
    let lo = np.start.saturating_sub(6).max(ctx.start);
    let stops = |k: usize| {
        let t = &text.tokens[k];
        match t.kind {
            TokenKind::Word => {
                t.info.is(Class::VERB | Class::SUB)
                    || t.info.is(Class::REL) && text.word(k) == "that"
            }
            TokenKind::Number | TokenKind::Possessive => false,
            TokenKind::Punct => text.word(k) != ".",
            _ => true,
        }
    };
    let k = (lo..np.start)
        .rev()
        .take_while(|&k| !stops(k))
        .find(|&k| (k + 1 < np.start || verb_first) && text.tokens[k].info.is(Class::REL))?;
    let t = &text.tokens[k];
    let person = !t.info.is(Class::NEUT | Class::OBJ) && !t.has(TokenFlags::CAP);
    (person && !text.tokens[k + 1].info.is(Class::PRON)).then_some(k)
}

/// The name closing a phrase that names nothing as a whole, after a lower-case word: "Saturday
/// at the convention Sen. Elizabeth Warren", "columnist Ai Jun", "Minnesota state delegate Mary
/// Susan". The name is a person's with a title or two names, or a known one of two words or
/// more. Not "the report by the National Academy of Sciences" ("Sciences" alone is no name).
fn trailing_name(text: &Text, np: TokenRange) -> Option<Mention> {
    let start = (np.start + 1..np.end).rev().find(|&k| {
        let t = &text.tokens[k];
        !(t.is_cap_word() || text.word(k) == "." && text.tokens[k - 1].is_cap_word())
    })? + 1;
    let before = &text.tokens[start - 1];
    // Two words at least: a title and a name, or two names.
    if start + 1 >= np.end || before.kind != TokenKind::Word || before.has(TokenFlags::CAP) {
        return None;
    }
    let named = classify(text, TokenRange::new(start, np.end));
    let fits = match &named.kind {
        MentionKind::Person { name, title, .. } => title.is_some() || name.len() >= 2,
        MentionKind::Known { .. } => true,
        _ => false,
    };
    (fits && named.np.start == start).then_some(named)
}

/// Is the noun phrase `np` an object, no subject: the object of a lower-case preposition
/// ("who spoke with The Huffington Post")? Not after a subordinator ("after Smith said"), a
/// conjunction ("claimed it but U.S. officials said") or a comma, nor the agent of a passive,
/// who is the author ("a statement issued by army spokesman Felix Kulayigye said").
fn is_object(text: &Text, lo: usize, np: TokenRange) -> bool {
    let Some(before) = np.start.checked_sub(1).filter(|&b| b >= lo) else {
        return false;
    };
    let t = &text.tokens[before];
    text.word(before) != "by"
        && t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && !t.info.is(Class::SUB)
        && t.info.is(Class::PREP)
}

/// The speaker before a complement that ends in an object pronoun, which no noun phrase
/// before the verb takes in: "a source close to him said" (see [`head_before_complement`]).
fn object_complement(ctx: &Ctx, hit: &VerbHit, plain_speech: bool) -> Option<Mention> {
    let end = np_end_before(ctx.text, ctx.start, hit.group_start)?;
    let object = ctx.text.tokens[end].info.is(Class::OBJ);
    object
        .then(|| head_before_complement(ctx, TokenRange::new(end, end + 1), plain_speech))
        .flatten()
}

/// How many prepositional complements back from the verb a speaker's head may stand
/// ("People with direct knowledge of Gates' work said": two).
const MAX_COMPLEMENTS: usize = 2;

/// The speaker a prepositional complement follows, when the noun phrase right before the
/// verb is that complement's object and names no speaker: "Proponents of the new bill say",
/// "a source close to him said", "People with direct knowledge of Gates' work said". The
/// preposition joins noun phrases ("of", "for", "with", ...) or follows a postmodifying
/// adjective ("close to"); the head before it must be a speaker, or, for a plain speech verb,
/// a plural or agent noun (`as_unnamed`). Counter-example: "The rise in prices says little"
/// (no head names a speaker); "Sixty-six percent of those surveyed said" (a quantity of the
/// complement's people).
fn head_before_complement(ctx: &Ctx, np: TokenRange, plain_speech: bool) -> Option<Mention> {
    let text = ctx.text;
    let mut start = np.start;
    for _ in 0..MAX_COMPLEMENTS {
        let prep = start.checked_sub(1).filter(|&k| k > ctx.start)?;
        let t = &text.tokens[prep];
        if !t.info.is(Class::NPPREP) || t.has(TokenFlags::CAP) {
            return None;
        }
        let adjective = text.tokens[prep - 1].info.is(Class::POSTMODIFIER)
            && lexicon().pair(Class::POSTMODIFIER, text.word(prep - 1), text.word(prep));
        let end = if adjective && prep >= ctx.start + 2 {
            prep - 2
        } else {
            prep - 1
        };
        let head_start = np_start_before(text, ctx.start, end)?;
        // "Sixty-six percent of those surveyed", "thousands of users": a quantity counts the
        // complement's people; it is no speaker of its own.
        let counts = (head_start..=end).any(|k| {
            let t = &text.tokens[k];
            t.kind == TokenKind::Number || t.info.is(Class::QUANTITY)
        });
        if counts {
            return None;
        }
        let head = classify(text, TokenRange::new(head_start, end + 1));
        if is_subject(&head) && !matches!(head.kind, MentionKind::Pronoun { .. }) {
            return Some(head);
        }
        if plain_speech && let Some(unnamed) = as_unnamed(text, &head) {
            return Some(unnamed);
        }
        start = head_start;
    }
    None
}

/// A quantifier standing for people as the subject of a plain speech verb: "Some say",
/// "Many in the crowd said", "Most of the protesters told reporters". The quantifier opens its
/// clause. `subject` is the noun phrase before the verb group ([`subject_before`]).
fn quantifier_subject(
    ctx: &Ctx,
    hit: &VerbHit,
    subject: Option<(TokenRange, Option<TokenRange>)>,
) -> Option<Mention> {
    let text = ctx.text;
    let is_quantifier = |k: usize| text.tokens[k].info.is(Class::QUANTIFIER);
    let before = hit.group_start.checked_sub(1).filter(|&k| k >= ctx.start)?;
    let first = if is_quantifier(before) {
        before
    } else {
        // "Many in the crowd": the quantifier, a preposition, a short noun phrase; "most of
        // them": an object pronoun, which is no phrase of its own.
        let object = text.tokens[before].info.is(Class::OBJ) && before > ctx.start;
        let (np, appositive) = match subject {
            _ if object => (TokenRange::one(before), None),
            Some(found) => found,
            None => return None,
        };
        let of = np.start.checked_sub(1)?;
        if appositive.is_some() || of < ctx.start + 1 || !text.tokens[of].info.is(Class::PREP) {
            return None;
        }
        if !is_quantifier(of - 1) {
            return None;
        }
        of - 1
    };
    if !clause_starts_at(text, ctx.start, first) {
        return None;
    }
    let np = TokenRange::new(first, before + 1);
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
    let person_role = lexicon().roles[role as usize].kind == RoleType::Person;
    let comma = mention.np.start.checked_sub(1)?;
    if !person_role || comma <= ctx.start || text.word(comma) != "," {
        return None;
    }
    let start = np_start_before(text, ctx.start, comma - 1)?;
    if start != ctx.start
        && !matches!(text.word(start - 1), "," | "\"" | "”")
        && !text.tokens[start - 1].is_quote()
    {
        return None;
    }
    // "Significantly, the judge said": an opening adverb names no one.
    if comma - start == 1 && crate::mention::opening_adverb(text, start) {
        return None;
    }
    let named = classify(text, TokenRange::new(start, comma));
    matches!(named.kind, MentionKind::Person { .. }).then_some(named)
}

/// Can this mention be the subject of a reporting verb outside quotations?
pub(crate) fn is_subject(mention: &Mention) -> bool {
    !matches!(mention.kind, MentionKind::Other)
}

/// Subject-verb agreement: "says" needs a singular subject ("media reports" is a noun
/// phrase), a bare "say" a plural one ("officials say") unless an auxiliary stands before it.
pub(crate) fn agrees(text: &Text, hit: &VerbHit, mention: &Mention) -> bool {
    // "Forbes and Wealth-X say", "Jeb Bush and Chris Christie say": names joined by "and".
    let joined = (mention.np.start + 1..mention.np.last()).any(|k| {
        text.tokens[k].info.is(Class::CONJ)
            && text.tokens[k + 1].is_cap_word()
            && text.word(k) == "and"
    });
    let plural = match &mention.kind {
        _ if joined => None,
        // "The Khans say", "Some Democrats say": a name in the plural.
        MentionKind::Person {
            name, title: None, ..
        } if name.len() == 1 && mention.np.len() <= 2 => None,
        // "Leading Democrats say", "Saban, Meyer and other coaches claim": two capitalized
        // words, or names joined by "and", ending in a plural (not in a title-case headline,
        // "Health Insurers Warn on Premiums").
        MentionKind::Person { title: None, .. }
            if (mention.np.len() <= 2 || mention.np.indices().any(|k| text.word(k) == "and"))
                && text.word(mention.np.last()).ends_with('s')
                && !text.tokens[hit.cue.start].has(TokenFlags::CAP) =>
        {
            None
        }
        MentionKind::Pronoun { plural, .. } => Some(*plural),
        MentionKind::Description { plural, role, .. } => {
            // "police", "staff": the same word in the singular and the plural.
            let role = &lexicon().roles[*role as usize];
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

/// The noun phrase opening the sentence's main clause, if it names something that can speak
/// (the subject a later verb of the sentence shares: "Blackwell pointed to ..., noting that
/// ..."), also after an opening conjunction and an adverbial set off by a comma ("But on
/// Thursday, he hedged ..., telling MSNBC ..."; not "On Monday the mayor left, noting ...").
/// Not a participle opening a phrase of its own ("Speaking on CNBC, Ubben called ...").
pub(crate) fn sentence_subject(ctx: &Ctx, before: usize) -> Option<Mention> {
    opening_subject(ctx, before, true)
}

/// [`sentence_subject`] only where the phrase opening the main clause is itself the subject
/// (never an opening of a phrase read on over its verb): for a rule that looks for a nearer
/// clause's subject before it settles for that.
pub(crate) fn whole_sentence_subject(ctx: &Ctx, before: usize) -> Option<Mention> {
    opening_subject(ctx, before, false)
}

/// The subject opening the main clause before `before`; with `shorten`, also the opening of a
/// phrase that runs on over the verb ([`subject_before_its_verb`]).
fn opening_subject(ctx: &Ctx, before: usize, shorten: bool) -> Option<Mention> {
    let text = ctx.text;
    let start = main_clause_start(ctx, before);
    if text.tokens[start].info.is(Class::VERB | Class::TRIGGER) {
        return None;
    }
    let np = np_after(text, start, before)?;
    // "The senator paused and recalled": the phrase runs on over a first verb; it is no
    // subject itself.
    if ends_in_past(text, np) {
        if !shorten {
            return None;
        }
        if let Some(subject) = subject_before_its_verb(ctx, np) {
            return Some(subject);
        }
    }
    let mention = classify(text, np);
    if speaks(text, &mention) && mention.np.start == start {
        return Some(mention);
    }
    shorten.then(|| subject_before_its_verb(ctx, np)).flatten()
}

/// Does the phrase `np` end in a lower-case word in "-ed" after a role noun or a name, a verb
/// the phrase reader took in ("The senator paused", "Smith nodded")? Not "those surveyed" (no
/// noun before it), nor "the United States Department of Defense" (no "-ed").
fn ends_in_past(text: &Text, np: TokenRange) -> bool {
    if np.len() < 2 {
        return false;
    }
    let (last, before) = (&text.tokens[np.last()], &text.tokens[np.last() - 1]);
    let word = text.word(np.last());
    last.kind == TokenKind::Word
        && !last.has(TokenFlags::CAP)
        && word.ends_with("ed")
        && !last.info.is(Class::ROLE)
        && (before.is_cap_word() || before.info.is(Class::ROLE))
}

/// The subject at the start of `np`, a phrase read on over the verb after it ("The president
/// left no doubt of his commitment" is no phrase): its shortest opening that can speak, with a
/// lower-case word after it that no noun phrase goes on with ("The president" before "left").
/// Not a name cut short: the word after it is no capitalized one ("Senator Bernie" before
/// "Sanders").
fn subject_before_its_verb(ctx: &Ctx, np: TokenRange) -> Option<Mention> {
    let text = ctx.text;
    (np.start + 1..np.end).find_map(|e| {
        let next = &text.tokens[e];
        let verb_like = next.kind == crate::text::token::TokenKind::Word
            && !next.has(TokenFlags::CAP)
            && !next.info.is(Class::PREP
                | Class::NPPREP
                | Class::DET
                | Class::POSS
                | Class::CONJ
                | Class::ROLE);
        if !verb_like {
            return None;
        }
        let mention = classify(text, TokenRange::new(np.start, e));
        (speaks(text, &mention) && mention.np.start == np.start).then_some(mention)
    })
}

/// The subject of the clause that token `i` goes on, when the sentence's subject is not it:
/// the nearest noun phrase that can speak and opens a clause (after a comma, a dash or a
/// subordinator) with words between it and `i` ("when Rubio thanked Miami and said ...", "-
/// he called her "weak" and said ..."). Walks back at most [`MAX_CLAUSE_REACH`] tokens.
pub(crate) fn nearest_clause_subject(ctx: &Ctx, i: usize) -> Option<Mention> {
    let text = ctx.text;
    let lo = i.saturating_sub(MAX_CLAUSE_REACH).max(ctx.start);
    (lo..i.saturating_sub(1)).rev().find_map(|k| {
        let opens = k == ctx.start
            || matches!(text.word(k - 1), "," | ";" | "—" | "--" | "-" | "–")
            || text.tokens[k - 1].info.is(Class::SUB) && !text.tokens[k - 1].info.is(Class::PREP);
        if !opens {
            return None;
        }
        let np = np_after(text, k, i)?;
        let mention = classify(text, np);
        (speaks(text, &mention) && mention.np.start == k && mention.np.end + 1 < i)
            .then_some(mention)
    })
}

/// How far back [`nearest_clause_subject`] looks for a clause's subject.
const MAX_CLAUSE_REACH: usize = 24;

/// Can a mention speak as the subject of a clause? People named by a capitalized plural can
/// ("Merchants are delighted, saying ..."), a number cannot ("Eight").
fn speaks(text: &Text, mention: &Mention) -> bool {
    if let MentionKind::Unnamed { label, .. } = mention.kind {
        let t = &text.tokens[label.start];
        return label.len() == 1 && t.is_cap_word() && !t.info.is(Class::QUANTITY);
    }
    matches!(
        mention.kind,
        MentionKind::Person { .. }
            | MentionKind::Known { .. }
            | MentionKind::Organization { .. }
            | MentionKind::Outlet { .. }
            | MentionKind::Pronoun { .. }
            | MentionKind::Description { .. }
            | MentionKind::Group { .. }
    )
}

/// The longest adverbial that may open a sentence before its subject, in tokens ("In a
/// televised interview on Sunday with CBS's Face the Nation,").
const MAX_OPENING_ADVERBIAL: usize = 14;

/// Where the sentence's main clause starts, before token `before`: after an opening
/// conjunction ("But") and after an opening adverbial closed by a comma ("Earlier Saturday,",
/// "In an interview with CNN,", "When asked about it,", "Minutes later,").
fn main_clause_start(ctx: &Ctx, before: usize) -> usize {
    let text = ctx.text;
    let mut k = dateline_end(ctx, before).unwrap_or(ctx.start);
    if k + 1 < before && text.tokens[k].info.is(Class::CONJ) {
        k += 1;
    }
    let first = &text.tokens[k];
    let limit = before.min(k + MAX_OPENING_ADVERBIAL);
    // "Shortly after ...,", "Minutes later,": an adverb, or a time word soon after the start.
    let adverbial = first
        .info
        .is(Class::PREP | Class::SUB | Class::ADV | Class::TIME)
        || first.has(TokenFlags::LY)
        || crate::mention::opening_adverb(text, k)
        || (k + 1..limit.min(k + 3)).any(|j| text.tokens[j].info.is(Class::TIME));
    if !adverbial {
        return k;
    }
    // "Then Trump went on the attack, saying ...": a one-word adverb before the subject, when
    // the comma closes the clause itself.
    let after_adverb = if first.info.is(Class::ADV | Class::TIME) && k + 1 < before {
        k + 1
    } else {
        k
    };
    let Some(mut comma) = (k + 1..limit)
        .take_while(|&j| !text.tokens[j].is_quote())
        .find(|&j| text.word(j) == ",")
        .filter(|&comma| comma + 1 < before)
    else {
        return after_adverb;
    };
    // "At a rally in Ames, Iowa, on Sunday,": the adverbial goes on over a place's state and
    // more of itself.
    while let Some(next) = adverbial_goes_on(text, comma, before) {
        comma = next;
    }
    comma + 1
}

/// The comma that ends the stretch after the comma `comma` when that stretch goes on with the
/// opening adverbial: a place's state, abbreviated ("Portsmouth, N.H.,") or before more of the
/// adverbial ("Ames, Iowa, on Sunday,"), or a phrase opened by a lower-case preposition or time
/// word (", on Sunday,"). Not a name ("In Washington, Obama, a Democrat, said").
fn adverbial_goes_on(text: &Text, comma: usize, before: usize) -> Option<usize> {
    let next = (comma + 1..before.min(comma + 6))
        .take_while(|&j| !text.tokens[j].is_quote())
        .find(|&j| text.word(j) == ",")?;
    let abbreviated_place = (comma + 1..next)
        .all(|j| text.tokens[j].is_cap_word() || text.word(j) == ".")
        && (comma + 1..next).any(|j| text.word(j) == "." || text.word(j).ends_with('.'));
    let goes_on = |k: usize| {
        let t = &text.tokens[k];
        !t.has(TokenFlags::CAP) && t.info.is(Class::PREP | Class::TIME)
    };
    // "Ames, Iowa, on Sunday,": a place's state when more of the adverbial follows it.
    let place = (comma + 1..next).all(|j| text.tokens[j].is_cap_word())
        && next + 1 < before
        && goes_on(next + 1);
    (abbreviated_place || place || goes_on(comma + 1)).then_some(next)
}

/// Where a dateline that opens the sentence ends: after its dash, when an agency's credit in
/// brackets or a place in capitals opens it ("WASHINGTON — Sen. Sanders ...", "Washington
/// (AFP) – Clinton ..."). Not a name set off by a dash ("Obama — the president — said").
fn dateline_end(ctx: &Ctx, before: usize) -> Option<usize> {
    let text = ctx.text;
    let dash = (ctx.start + 1..before.min(ctx.start + 8)).find(|&j| text.is_dash(j))?;
    let first = &text.tokens[ctx.start];
    let credit = (ctx.start..dash).any(|j| text.word(j) == "(");
    let capitals = first.has(TokenFlags::ALL_CAPS) && first.kind == TokenKind::Word;
    (credit || capitals).then_some(dash + 1)
}

/// The nearest statement before token `i` in the sentence that names its source.
pub(crate) fn statement_before(found: &[Frame], i: usize) -> Option<&Frame> {
    found
        .iter()
        .rev()
        .find(|f| f.role == Role::Statement && f.cue.last() < i && f.source.is_some())
}
