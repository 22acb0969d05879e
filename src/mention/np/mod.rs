//! Noun-phrase boundaries around a cue, found from tokens and word classes alone.
//!
//! Backwards from a verb (`before.rs`): skip adverbs, auxiliaries and time expressions ("has
//! also said", "on Friday labeled"), then take the noun phrase that ends there: determiners open
//! it, a preposition such as "for" may join two parts ("a spokesman for the Seoul Detention
//! Center"), commas, conjunctions, subordinators, prepositions and verbs close it. Over an
//! appositive to the subject it describes (`appositive.rs`: "Jay Sekulow, an attorney for Trump,
//! said"). Forwards from a preposition or an inverted verb (`after.rs`: "according to X", "said
//! X"), the same in the other direction.

mod after;
mod appositive;
mod before;

#[cfg(test)]
mod tests;

use crate::lexicon::{Class, lexicon};
use crate::text::token::{TokenFlags, TokenKind};
use crate::text::{Text, Token};

pub(crate) use after::{appositive_after, np_after};
pub(crate) use appositive::{clause_starts_at, subject_before, subject_before_relative};
pub(crate) use before::{np_end_before, np_start_before};

/// The longest noun phrase we look at.
const MAX_NP: usize = 16;

fn is_word_like(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

/// A word that can stand inside a noun phrase (not a function word or a finite verb).
fn is_np_word(t: &Token) -> bool {
    if t.kind == TokenKind::Number {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    if t.has(TokenFlags::ALL_CAPS) {
        // "US", "WHO", "IT": acronyms, not function words; but "ADDS" in an editor's note
        // ("ATTENTION - ADDS quotes") is a verb.
        return !t.info.is(Class::VERB);
    }
    let i = t.info;
    if i.is(Class::PRON | Class::OBJ | Class::REL | Class::SUB | Class::AUX | Class::CONJ) {
        return false;
    }
    if i.is(Class::PREP) && !t.has(TokenFlags::CAP) {
        return false;
    }
    if i.is(Class::ADV) && !t.has(TokenFlags::CAP) && !i.is(Class::ROLE) {
        return false;
    }
    if i.is(Class::DET | Class::POSS) {
        return false;
    }
    if t.has(TokenFlags::LY) && !i.is(Class::ROLE) {
        return false; // "slightly", "publicly": adverbs end a noun phrase
    }
    if t.has(TokenFlags::CAP) && i.is(Class::STARTER) && !i.is(Class::ROLE | Class::TITLE) {
        return false; // "However", "Meanwhile", "There"
    }
    true
}

/// A capitalized word in "-ly" opening its sentence, an adverb, not a name: "Shortly after
/// ...", "Significantly, the judge said" (the scanner marks only lower-case words in "-ly").
/// A comma or a lower-case preposition follows it; not a name ("Connolly said", "Kelly").
pub(crate) fn opening_adverb(text: &Text, k: usize) -> bool {
    let t = &text.tokens[k];
    let word = text.word(k);
    let next = text.tokens.get(k + 1);
    let adverb_follows = next.is_some_and(|n| {
        text.word(k + 1) == "," || !n.has(TokenFlags::CAP) && n.info.is(Class::PREP)
    });
    t.is_cap_word()
        && !t.has(TokenFlags::ALL_CAPS)
        && word.len() > 6
        && word.ends_with("ly")
        && !t.info.is(Class::GIVEN | Class::PRON | Class::DET)
        && adverb_follows
        && opens_clause(text, k)
}

/// Is token `i` a capitalized word that names nothing, capitalized only because it opens its
/// sentence, a quotation or a parenthesis: a function word, an adverb, a quantity, a verb form
/// ("Even as he won", "Did Trump ...", "Though Sanders ...", "Others said", "Asked about it,
/// ..."), or a word the lexicon says is never a name ("Perhaps", "According")? Determiners,
/// given names, titles, roles and nationalities pass ("The", "Will Doyle, a professor",
/// "First Lady"), and so do acronyms ("US"); a given name spelled like a function word is none
/// in a question ("Will Trump win?"). Inside a sentence a capitalized function word may be part
/// of a name: "party chief Do Muoi".
pub(crate) fn opens_as_non_name(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    let info = t.info;
    let never = t.is_cap_word()
        && !t.has(TokenFlags::ALL_CAPS)
        && (info.is(Class::NEVER_NAME) || is_participle(t))
        && !info.is(Class::DET | Class::POSS | Class::TITLE | Class::ROLE | Class::NATIONALITY);
    if !never || !(opens_clause(text, i) || in_title_case(text, i)) {
        return false;
    }
    !info.is(Class::GIVEN) || {
        let sentence = &text.sentences[text.sentence_of(i)];
        let last_two = sentence.end.saturating_sub(2).max(sentence.start)..sentence.end;
        last_two.into_iter().any(|k| text.word(k) == "?")
    }
}

/// Is token `i` in a first sentence written in title case, as headlines are ("Gingrich Takes
/// Talk Of Being Trump's Running Mate"), where capitals say nothing of names? Every word but
/// determiners, prepositions and conjunctions is capitalized, and there are four or more.
fn in_title_case(text: &Text, i: usize) -> bool {
    let Some(sentence) = text.sentences.first().filter(|s| i < s.end) else {
        return false;
    };
    let mut capitalized = 0;
    for t in &text.tokens[sentence.start..sentence.end] {
        if t.kind != TokenKind::Word {
            continue;
        }
        if t.has(TokenFlags::CAP) {
            capitalized += 1;
        } else if !t.info.is(Class::DET | Class::PREP | Class::CONJ) {
            return false;
        }
    }
    capitalized >= 4
}

/// A reporting verb's participle or gerund, never its base ("Asked about it, ...", "Speaking
/// to reporters, ..."; not "State Department").
fn is_participle(t: &Token) -> bool {
    let forms = lexicon().verb_forms(t.info);
    let other = crate::lexicon::Form::BASE | crate::lexicon::Form::THIRD;
    !forms.is_empty() && forms.iter().all(|f| !f.forms.intersects(other))
}

/// Does token `i` open its sentence, a quotation or a parenthesis (or a dateline's dash), maybe
/// after other capitalized words that name nothing ("Why Does Israel ...")?
pub(crate) fn opens_clause(text: &Text, i: usize) -> bool {
    let mut i = i;
    loop {
        let Some(before) = i.checked_sub(1) else {
            return true;
        };
        let prev = &text.tokens[before];
        let opens = prev.is_quote() && text.quote_of(i).is_some_and(|q| q.open == before)
            || prev.kind == TokenKind::Dash
            || matches!(text.word(before), "(" | ":")
            || text.sentences[text.sentence_of(i)].start == i;
        let opener = prev.is_cap_word()
            && !prev.has(TokenFlags::ALL_CAPS)
            && prev.info.is(Class::NEVER_NAME)
            && !prev.info.is(Class::GIVEN | Class::DET | Class::POSS);
        if opens || !opener {
            return opens;
        }
        i = before;
    }
}

/// Is token `prep` the preposition of an adjective that follows a noun ("officials familiar
/// with the matter", "people close to Clinton", "a source knowledgeable about the talks",
/// "lawmakers loyal to the president")? Returns the index of that noun.
pub(super) fn postmodified_noun(text: &Text, lo: usize, prep: usize) -> Option<usize> {
    if prep < lo + 2 || !text.tokens[prep].info.is(Class::PREP) {
        return None;
    }
    let (adjective, preposition) = (text.word(prep - 1), text.word(prep));
    let fits = lexicon().pair(Class::POSTMODIFIER, adjective, preposition);
    let noun = &text.tokens[prep - 2];
    (fits && is_np_word(noun) && !noun.info.is(Class::DET | Class::PREP)).then_some(prep - 2)
}

/// A word that can be the head of a noun phrase before a preposition ("spokesman" in
/// "spokesman for", "Flynn" in "Lawyers for Michael Flynn", "head" in "head of").
fn is_nounish(t: &Token) -> bool {
    is_np_word(t) && (t.has(TokenFlags::CAP) || t.info.is(Class::ROLE | Class::TITLE))
}

/// A lower-case reporting verb form; nouns such as "report" and "statement" only as "-ed".
fn is_verb_like(t: &Token, text: &Text) -> bool {
    if t.kind != TokenKind::Word || t.has(TokenFlags::CAP) {
        return false;
    }
    let lex = lexicon();
    lex.verb_forms(t.info).iter().any(|f| {
        let verb = lex.verb(f.verb);
        // Nouns such as "report", "statement" may head a phrase.
        !verb.has(crate::lexicon::VerbFlags::NOUN) || t.text(text.src).ends_with("ed")
    })
}

/// The opening bracket of the short parenthesis closing at `close`.
fn paren_open(text: &Text, lo: usize, close: usize) -> Option<usize> {
    (close.saturating_sub(8).max(lo)..close)
        .rev()
        .find(|&k| text.word(k) == "(")
}
