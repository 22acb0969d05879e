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
/// "the South's Yonhap News Agency", "Britain's Foreign Office".
pub(super) fn known_name(p: &Phrase) -> Option<MentionKind> {
    let head_phrase = p.layout().head_phrase;
    let names = known_names(p.text, head_phrase);
    let &(target, name, _) = names
        .iter()
        .rev()
        .find(|(_, n, _)| n.last() == head_phrase.last())?;
    Some(MentionKind::Known { target, name })
}
