//! Backwards from a verb: where the subject ends (over adverbs, auxiliaries, time expressions
//! and a short parenthesis), and where the noun phrase ending there starts.

use crate::lexicon::{Class, Form, VerbFlags, lexicon};
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

use super::{
    MAX_NP, is_nounish, is_np_word, is_verb_like, is_word_like, opens_as_non_name, paren_open,
    postmodified_noun,
};

/// Skips what may stand between a subject and its verb, going backwards from `cue - 1`:
/// adverbs, auxiliaries, negation and time expressions. Returns the index of the last token
/// of the subject, if any is left at or after `lo`.
pub(crate) fn np_end_before(text: &Text, lo: usize, cue: usize) -> Option<usize> {
    let tokens = &text.tokens;
    let mut j = cue;
    while j > lo {
        let t = &tokens[j - 1];
        // "Swiss Radio International (SRI) reported", "Rep. Hank Johnson (D-Ga.) said": a
        // short parenthesis after the name.
        if text.word(j - 1) == ")"
            && let Some(open) = paren_open(text, lo, j - 1)
            && open > lo
        {
            j = open;
            continue;
        }
        if t.kind != TokenKind::Word && t.kind != TokenKind::Number {
            // "Mr. Trump said": the period of a title abbreviation is inside the phrase.
            break;
        }
        let lower_ly = t.has(TokenFlags::LY) && !t.info.is(Class::ROLE);
        if t.info.is(Class::ADV | Class::AUX | Class::NEG) && !t.has(TokenFlags::CAP) || lower_ly {
            j -= 1;
            continue;
        }
        match time_expression_start(text, lo, j - 1) {
            Some(start) => j = start,
            None => break,
        }
    }
    (j > lo).then(|| j - 1)
}

/// The first token of a time expression ending at token `end` ("Tuesday", "on Friday", "last
/// week", "earlier this month", "on Oct. 5"), if `end` ends one and something is left before it
/// (a time word alone is no subject to skip to).
fn time_expression_start(text: &Text, lo: usize, end: usize) -> Option<usize> {
    let tokens = &text.tokens;
    let t = &tokens[end];
    let month = |k: usize| tokens[k].info.is(Class::MONTH);
    let month_day = t.kind == TokenKind::Number
        && end >= 1
        && (month(end - 1) || end >= 2 && text.word(end - 1) == "." && month(end - 2));
    if !(t.info.is(Class::TIME) && !t.info.is(Class::ROLE) || month_day) {
        return None;
    }
    let mut k = end;
    while k > lo
        && (tokens[k - 1].info.is(Class::TIME | Class::MONTH)
            || is_time_opener(text, k - 1)
            || text.word(k - 1) == "." && k >= 2 && month(k - 2))
    {
        k -= 1;
    }
    if k > lo && matches!(text.word(k - 1), "on" | "On") {
        k -= 1;
    }
    (k > lo).then_some(k)
}

/// "this", "past", "next" before a time word: "this week", "past month".
fn is_time_opener(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.info.is(Class::TIME_OPENER) && !t.has(TokenFlags::CAP)
}

/// The first token of the noun phrase ending at `end`, scanning back no further than `lo`.
pub(crate) fn np_start_before(text: &Text, lo: usize, end: usize) -> Option<usize> {
    let tokens = &text.tokens;
    let last = &tokens[end];
    // "42% say": a share of people, written with the sign right after the number.
    if text.word(end) == "%"
        && end > lo
        && tokens[end - 1].kind == TokenKind::Number
        && !last.has(TokenFlags::SPACE_BEFORE)
    {
        return Some(end - 1);
    }
    if !is_word_like(last) && last.kind != TokenKind::Possessive {
        return None;
    }
    if last.info.is(Class::PRON | Class::REL) && !last.has(TokenFlags::CAP)
        || last.info.is(Class::PRON)
    {
        return Some(end);
    }
    // "Another said", "Many say": a quantity that is a determiner stands for the people it
    // counts (not "the other said": no quantity).
    if last.info.is(Class::DET) && last.info.is(Class::QUANTITY) {
        return quantity_alone(text, lo, end).then_some(end);
    }
    if !is_np_word(last) {
        return None;
    }
    let mut first = end;
    while first > lo && end - first < MAX_NP {
        match step_back(text, lo, end, first) {
            Back::To(k) => first = k,
            Back::ToAndStop(k) => {
                first = k;
                break;
            }
            Back::Stop => break,
        }
    }
    Some(trim_start(text, first, end))
}

/// Does the quantity determiner at `end` stand alone for the people it counts, as the subject
/// of the verb after it ("Another said", "while another says")? Not after a determiner, a
/// noun or a preposition, where it modifies ("the most pledged", "candidates most often
/// described", "against another accused terrorist"); not a generic "one" ("if one adds", "one
/// could say"); not before a bare verb form that is also a noun, unless a plain verb of speech
/// ("Most praise however was ...", but "Many say").
fn quantity_alone(text: &Text, lo: usize, end: usize) -> bool {
    let tokens = &text.tokens;
    let modifies = end > lo
        && (tokens[end - 1].info.is(Class::DET | Class::PREP) || is_np_word(&tokens[end - 1]));
    let generic = text.word(end).eq_ignore_ascii_case("one")
        && (end > lo && tokens[end - 1].info.is(Class::SUB)
            || tokens.get(end + 1).is_some_and(|t| t.info.is(Class::AUX)));
    let lex = lexicon();
    let bare_noun_like = tokens.get(end + 1).is_some_and(|t| {
        let forms = lex.verb_forms(t.info);
        !forms.is_empty()
            && forms.iter().all(|f| {
                !f.forms.intersects(Form::PAST | Form::THIRD)
                    && !lex.verb(f.verb).has(VerbFlags::PLAIN)
            })
    });
    !modifies && !generic && !bare_noun_like
}

/// What the backward scan does with the token before the phrase's first token.
enum Back {
    /// The phrase starts at this token now; go on.
    To(usize),
    /// The phrase starts at this token, and no earlier.
    ToAndStop(usize),
    /// The token is not part of the phrase.
    Stop,
}

/// One step of [`np_start_before`]: the phrase `first..=end` and the token before it.
fn step_back(text: &Text, lo: usize, end: usize, first: usize) -> Back {
    let k = first - 1;
    let t = &text.tokens[k];
    let word = t.text(text.src);
    match t.kind {
        TokenKind::Word | TokenKind::Number if is_np_word(t) => {
            if is_verb_like(t, text) && !t.info.is(Class::ROLE) {
                Back::Stop
            } else {
                Back::To(k)
            }
        }
        TokenKind::Word if word == "that" => Back::Stop, // a complementizer, not a determiner
        // "officials familiar with the matter", "people close to Clinton".
        TokenKind::Word if postmodified_noun(text, lo, k).is_some() => Back::To(k - 2),
        TokenKind::Word if t.info.is(Class::DET | Class::POSS) => determiner_back(text, lo, k),
        TokenKind::Word if t.info.is(Class::NPPREP) && !t.has(TokenFlags::CAP) => {
            // "Lawyers for Michael Flynn", "head of the speaker's secretariat".
            let joins =
                k > lo && is_nounish(&text.tokens[k - 1]) && is_np_word(&text.tokens[first]);
            if joins { Back::To(k) } else { Back::Stop }
        }
        TokenKind::Word if joins_role(text, lo, k) && is_np_word(&text.tokens[first]) => {
            Back::To(k)
        }
        TokenKind::Word if word == "and" && pronoun_and(text, lo, first) => Back::ToAndStop(k - 1),
        TokenKind::Word if word == "and" || word == "&" => {
            if coordinates_back(text, lo, end, first) {
                Back::To(k)
            } else {
                Back::Stop
            }
        }
        TokenKind::Possessive => Back::To(k),
        TokenKind::Punct if word == "." => {
            if is_abbreviation_period(text, lo, k) {
                Back::To(k)
            } else {
                Back::Stop
            }
        }
        _ => Back::Stop,
    }
}

/// A determiner at `k` opens the phrase, unless it opens the complement of something earlier:
/// a postmodifying adjective ("people close to the president"), a preposition after a noun ("a
/// spokesman for the Seoul Detention Center"), or a coordination ("The Americans and their NATO
/// allies").
fn determiner_back(text: &Text, lo: usize, k: usize) -> Back {
    let tokens = &text.tokens;
    if k > lo
        && let Some(noun) = postmodified_noun(text, lo, k - 1)
    {
        return Back::To(noun);
    }
    if partitive_of(text, lo, k) {
        return Back::To(k - 2);
    }
    if k >= lo + 2
        && (tokens[k - 1].info.is(Class::NPPREP) && is_nounish(&tokens[k - 2])
            || joins_role(text, lo, k - 1))
    {
        return Back::To(k - 1);
    }
    if k >= lo + 2
        && text.word(k - 1) == "and"
        && (tokens[k - 2].is_cap_word() || tokens[k - 2].info.is(Class::ROLE_PLURAL))
    {
        return Back::To(k - 1);
    }
    // "she and another reporter said".
    if k >= lo + 2 && text.word(k - 1) == "and" && pronoun_and(text, lo, k) {
        return Back::ToAndStop(k - 2);
    }
    Back::ToAndStop(k)
}

/// Does "of" before the determiner at `k` follow a word that counts people, making a partitive
/// speaker whose head is the count: "one of the negotiators told reporters", "many of the
/// local GOP leaders said", "46 percent of the voters say" (not "the head of the agency": no
/// count; not "one of those" alone: the determiner must open a phrase after it).
fn partitive_of(text: &Text, lo: usize, k: usize) -> bool {
    let tokens = &text.tokens;
    k >= lo + 2
        && text.word(k - 1) == "of"
        && tokens[k - 2].kind == TokenKind::Word
        && tokens[k - 2].info.is(Class::QUANTITY)
}

/// Is token `prep` a preposition that joins a place or a body to the role noun before it: "a
/// nurse *on* the ward", "teachers *in* the district", "residents *near* the river"? Not after a
/// name ("Smith in Paris"), nor a subordinator ("officials after the vote").
fn joins_role(text: &Text, lo: usize, prep: usize) -> bool {
    let t = &text.tokens[prep];
    if prep <= lo || !t.info.is(Class::PREP) || t.info.is(Class::SUB) || t.has(TokenFlags::CAP) {
        return false;
    }
    let noun = &text.tokens[prep - 1];
    noun.info.is(Class::ROLE) && is_np_word(noun) && !is_verb_like(noun, text)
}

/// Does the "and" before `first` join parts of one phrase: names ("Americans and their NATO
/// allies"), two role nouns ("military sources and witnesses"), or two modifiers of one role
/// noun ("current and former officials")?
fn coordinates_back(text: &Text, lo: usize, end: usize, first: usize) -> bool {
    let tokens = &text.tokens;
    let k = first - 1;
    let roles = k > lo && tokens[k - 1].info.is(Class::ROLE) && tokens[first].info.is(Class::ROLE);
    let modifiers = k > lo
        && first < end
        && tokens[end].info.is(Class::ROLE)
        && [k - 1, first].iter().all(|&m| {
            let t = &tokens[m];
            t.kind == TokenKind::Word && !t.has(TokenFlags::CAP) && is_np_word(t)
        });
    let left_ok = k > lo && tokens[k - 1].is_cap_word() || roles || modifiers;
    let right_ok = tokens[first].is_cap_word()
        || tokens[first].info.is(Class::DET | Class::POSS)
        || roles
        || modifiers;
    left_ok && right_ok
}

/// Does the "and" before `first` join a personal pronoun in the subject case to a name or a
/// description after it: "he and Mr. Allen said", "she and another reporter said"? Not "him
/// and ..." (an object) nor "it and ...".
fn pronoun_and(text: &Text, lo: usize, first: usize) -> bool {
    let k = first - 1;
    if k <= lo {
        return false;
    }
    let pronoun = &text.tokens[k - 1];
    let right = &text.tokens[first];
    pronoun.kind == TokenKind::Word
        && pronoun.info.is(Class::PRON)
        && !pronoun
            .info
            .is(Class::OBJ | Class::NEUT | Class::REL | Class::POSS)
        && (right.is_cap_word() || right.info.is(Class::DET | Class::QUANTITY))
}

/// Is the period at `k` an abbreviation's ("Mr.", "Lt. Col.", "R.")?
fn is_abbreviation_period(text: &Text, lo: usize, k: usize) -> bool {
    let tokens = &text.tokens;
    k > lo
        && tokens[k - 1].kind == TokenKind::Word
        && !tokens[k].has(TokenFlags::SPACE_BEFORE)
        && (tokens[k - 1].has(TokenFlags::INITIAL)
            || lexicon()
                .abbreviation(tokens[k - 1].text(text.src))
                .is_some())
}

/// A phrase never starts on a preposition, a possessive mark, a conjunction or a capitalized
/// word that opens the sentence and names nothing ("Even Rendell", see [`opens_as_non_name`];
/// a quantity stays: "Two people briefed on the talks"): the first token of `first..=end`
/// after those.
fn trim_start(text: &Text, mut first: usize, end: usize) -> usize {
    let tokens = &text.tokens;
    while first < end
        && (tokens[first].kind == TokenKind::Possessive
            || tokens[first].info.is(Class::NPPREP) && !tokens[first].has(TokenFlags::CAP)
            || text.word(first) == "and"
            || opens_as_non_name(text, first)
                && !tokens[first].info.is(Class::QUANTITY | Class::QUANTIFIER))
    {
        first += 1;
    }
    first
}
