//! Deciders for people: a plain name, a name after a long title, a name after a short one.

use crate::lexicon::Class;
use crate::mention::np::opens_as_non_name;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

use super::names::{gender_of_name, is_honorific, person_name, person_name_of_name_words};
use super::outlets::is_company_word;
use super::{MentionKind, Phrase};

/// One to three capitalized words that are no title, role, nationality, month, function word,
/// outlet word or start of a known name: "Jake Sullivan", "Sondland". The common case, so it
/// comes first. A lone given name opening the text is left to the others ("Will" in "Will
/// they ...").
pub(super) fn plain_name(p: &Phrase) -> Option<MentionKind> {
    let (text, np) = (p.text, p.np);
    if np.len() > 3 || !np.indices().all(|i| is_plain_name_word(text, i)) {
        return None;
    }
    if np.len() == 1 && text.tokens[np.start].info.is(Class::GIVEN) && np.start == 0 {
        return None;
    }
    // Every word passed `is_plain_name_word`, which implies `is_name_word`.
    let name = person_name_of_name_words(text, np).filter(|n| *n == np)?;
    Some(MentionKind::Person {
        name,
        title: None,
        gender: gender_of_name(text, name, None),
    })
}

/// A capitalized word with nothing but a name's shape: no acronym, initial or abbreviation, and
/// none of the classes that make a word something else, but a nationality or a month that the
/// text gives someone as a surname ("Mark Cuban ... Cuban said"). (A capitalized word is never a
/// lower-case name particle.)
fn is_plain_name_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.is_cap_word()
        && !t.has(TokenFlags::ALL_CAPS)
        && !t.has(TokenFlags::INITIAL)
        && (!t.info.is(Class::NATIONALITY | Class::MONTH) || text.is_surname(i))
        && !t.info.is(Class::TITLE
            | Class::ROLE
            | Class::TIME
            | Class::NAME_START
            | Class::STARTER
            | Class::DET
            | Class::PRON
            | Class::PREP
            | Class::CONJ
            | Class::OUTLET_WORD)
        && !text.word(i).contains('.')
        && !opens_as_non_name(text, i)
        && !is_company_word(text, i)
}

/// A person named at the very end of a title with a complement: "Secretary of State
/// Condoleezza Rice", "Senior Regional Public Information Officer of UNHCR Vivian Tan",
/// "Council on American-Islamic Relations Executive Director Nihad Awad". The
/// words on both sides of the complement are capitalized, so not "a spokesman for Prime
/// Minister Ariel Sharon" (a lower-case role heads that one); a lone surname needs a given name.
pub(super) fn person_after_long_title(p: &Phrase) -> Option<MentionKind> {
    let (text, body) = (p.text, p.body);
    let is_prep = |i: usize| {
        let t = &text.tokens[i];
        t.info.is(Class::PREP) && !t.info.is(Class::SUB) && !t.has(TokenFlags::CAP)
    };
    // Most phrases have no preposition after their first word: no name is read for them.
    if !(body.start + 1..body.end).any(is_prep) {
        return None;
    }
    let person = person_name(text, body)?;
    let prep = (body.start..person.start)
        .find(|&i| is_prep(i))
        .filter(|&prep| prep > body.start)?;
    let titled = p.cap(prep - 1) && p.cap(person.start - 1);
    if !titled || person.len() < 2 && !text.tokens[person.start].info.is(Class::GIVEN) {
        return None;
    }
    let title = TokenRange::new(body.start, person.start);
    Some(MentionKind::Person {
        name: person,
        title: Some(title),
        gender: gender_of_name(text, person, Some(title)),
    })
}

/// A capitalized head phrase that ends in a person's name, with the title before it: "US
/// National Security Adviser Jake Sullivan", "Hanbo founder Chung Tae-Soo". An honorific alone
/// is no title ("Mr. Trump").
pub(super) fn titled_person(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    layout.name?;
    let head_phrase = layout.head_phrase;
    let person = person_name(p.text, head_phrase)?;
    let title = (person.start > head_phrase.start)
        .then(|| TokenRange::new(head_phrase.start, person.start))
        .filter(|&title| !is_honorific(p.text, title));
    Some(MentionKind::Person {
        name: person,
        title,
        gender: gender_of_name(p.text, person, title),
    })
}

/// Is `np` typed as a person with no title, or with a full name ("Grassley", "Jake Sullivan",
/// not "Manpower and Transmigration Minister Fahmi Idris")? Used by the group decider.
pub(super) fn is_named_person(text: &Text, kind: &MentionKind) -> bool {
    match kind {
        MentionKind::Person { name, title, .. } => {
            title.is_none() || name.len() >= 2 && text.tokens[name.start].info.is(Class::GIVEN)
        }
        _ => false,
    }
}
