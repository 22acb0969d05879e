//! Deciders for words the lexicon knows: pronouns, relatives, and known names of outlets,
//! organizations and countries.

use crate::lexicon::Class;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::names::{known_name_at, known_names};
use super::{Gender, MentionKind, Phrase};

/// What a phrase of the single word `i` is when the word alone decides it: a pronoun, a
/// relative pronoun, or a known name ("Reuters", "NATO", "Cuba"); `None` when it takes the rest
/// of `classify` to tell. Nothing else makes a lone word a known name: the known names of its
/// head phrase, found by the `known_name` decider, would be this one.
pub(crate) fn lone_word_kind(text: &Text, i: usize) -> Option<MentionKind> {
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let info = t.info;
    if info.is(Class::PRON) {
        let gender = if info.is(Class::MASC) {
            Gender::Male
        } else if info.is(Class::FEM) {
            Gender::Female
        } else if info.is(Class::NEUT) {
            Gender::Neuter
        } else {
            Gender::Unknown
        };
        return Some(MentionKind::Pronoun {
            gender,
            plural: info.is(Class::PLURAL),
        });
    }
    if info.is(Class::REL) && !t.has(TokenFlags::CAP) {
        return Some(MentionKind::Relative);
    }
    known_name_at(text, i, i).map(|(target, _, _)| MentionKind::Known {
        target,
        name: TokenRange::one(i),
    })
}

/// A single word that is a pronoun ("he"), a relative ("who") or a known name ("Reuters").
pub(super) fn lone_word(p: &Phrase) -> Option<MentionKind> {
    (p.np.len() == 1)
        .then(|| lone_word_kind(p.text, p.np.start))
        .flatten()
}

/// The head phrase is, or ends in, a known outlet, organization or country: "the White House",
/// "the South's Yonhap News Agency", "Britain's Foreign Office", "People's Daily" (a known name
/// may hold a possessive). Never by its last words: a capitalized word before the known name
/// makes a name of its own ("The Toledo Times" is not the New York Times, "Hobart Sun" not the
/// Sun), unless it is a nationality or a known name itself ("the Russian Foreign Ministry", "US
/// State Department").
pub(super) fn known_name(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let head_phrase = layout.head_phrase;
    let names = known_names(p.text, layout.core);
    let &(target, name, _) = names
        .iter()
        .rev()
        .find(|(_, n, _)| n.last() == head_phrase.last())?;
    let before = name
        .start
        .checked_sub(1)
        .filter(|&b| b >= layout.core.start);
    let longer_name = before.is_some_and(|b| {
        let t = &p.text.tokens[b];
        let known_before = names.iter().any(|(_, n, _)| n.last() == b);
        t.is_cap_word()
            && !t.info.is(Class::NATIONALITY | Class::DET | Class::POSS)
            && !known_before
    });
    (!longer_name).then_some(MentionKind::Known { target, name })
}
