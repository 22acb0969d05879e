//! Deciders for coordinations: "Yonhap and other news reports" names Yonhap; "the Americans
//! and their NATO allies" and "Grassley and Leahy" name a group.

use crate::lexicon::Class;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

use super::names::known_names;
use super::people::is_named_person;
use super::{MentionKind, Phrase, kind_of};

/// A phrase coordinated with "other(s)": what the phrase before "and" names ("Yonhap and other
/// news reports", "Reuters and others").
pub(super) fn named_before_others(p: &Phrase) -> Option<MentionKind> {
    let and = p.coordination?;
    if !matches!(p.text.word(and + 1), "other" | "others") {
        return None;
    }
    Some(kind_of(p.text, TokenRange::new(p.np.start, and)))
}

/// A coordination naming several sources: of noun phrases ("the Americans and their NATO
/// allies") or of two named people ("Grassley and Leahy"), unless a known name holds the "and"
/// ("Procter & Gamble"). Not a title with a coordination inside: "Manpower and Transmigration
/// Minister Fahmi Idris" (a lone capitalized word that reads as a surname, then a titled
/// person).
pub(super) fn group(p: &Phrase) -> Option<MentionKind> {
    let (text, body) = (p.text, p.body);
    let and = p.coordination?;
    let right_first = &text.tokens[and + 1];
    let left = TokenRange::new(body.start, and);
    let right = TokenRange::new(and + 1, body.end);
    let opens_np = right_first.info.is(Class::DET | Class::POSS)
        && !right_first.has(TokenFlags::CAP)
        || right_first.info.is(Class::DET) && right_first.has(TokenFlags::CAP);
    let (left_kind, right_kind) = (kind_of(text, left), kind_of(text, right));
    let left_is_bare = matches!(&left_kind, MentionKind::Person { title: None, name, .. }
        if name.len() == 1 && !text.tokens[name.start].info.is(Class::GIVEN));
    let right_titled = matches!(right_kind, MentionKind::Person { title: Some(_), .. });
    let both_people = is_named_person(text, &left_kind)
        && is_named_person(text, &right_kind)
        && !(left_is_bare && right_titled);
    let inside_known = known_names(text, body)
        .iter()
        .any(|(_, n, _)| n.start < and && n.last() > and);
    ((opens_np || both_people) && !inside_known).then_some(MentionKind::Group { label: body })
}
