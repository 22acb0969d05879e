//! Deciders for outlets and organizations the lexicon does not know, recognized by their shape:
//! an outlet noun next to a name ("weekly Opciones", "the Haaretz daily"), a capitalized name
//! with an outlet word ("Radio Zagora") or an organization noun ("Seoul Detention Center"), an
//! acronym ("KDJX").

use crate::lexicon::{Class, RoleType, lexicon};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::names::{known_names, role_type};
use super::{MentionKind, Phrase};

/// A lower-case outlet noun with the outlet's name after it, up to the head: "weekly Opciones",
/// "affiliate KFSM".
pub(super) fn outlet_noun_then_name(p: &Phrase) -> Option<MentionKind> {
    let (text, layout) = (p.text, p.layout());
    let head = layout.head;
    let outlet_noun = (layout.head_phrase.start..head)
        .rev()
        .find(|&i| role_type(text, i) == Some(RoleType::Outlet) && !p.cap(i))?;
    let named =
        (outlet_noun + 1..=head).all(|i| p.cap(i) || text.tokens[i].kind == TokenKind::Number);
    named.then_some(MentionKind::Outlet {
        name: TokenRange::new(outlet_noun + 1, head + 1),
    })
}

/// A name before a lower-case outlet noun at the head: "the Haaretz daily", "the Interfax news
/// agency" ("agency" and "service" are an outlet's after "news", "wire", "state-run"). A known
/// name is typed as known; a nationality is no name ("Russian television").
pub(super) fn name_then_outlet_noun(p: &Phrase) -> Option<MentionKind> {
    let (text, layout) = (p.text, p.layout());
    let (head, head_phrase) = (layout.head, layout.head_phrase);
    let role = layout.head_role?;
    let outlet_head = role.kind == RoleType::Outlet
        || (role.singular == "agency" || role.singular == "service")
            && head > head_phrase.start
            && is_outlet_modifier(text, head - 1);
    if !outlet_head || p.cap(head) {
        return None;
    }
    let name_last = (head_phrase.start..head).rev().find(|&i| p.cap(i))?;
    let mut name_first = name_last;
    while name_first > head_phrase.start && p.cap(name_first - 1) {
        name_first -= 1;
    }
    let name = TokenRange::new(name_first, name_last + 1);
    if let Some(&(target, _, _)) = known_names(text, name).last() {
        return Some(MentionKind::Known { target, name });
    }
    let nationality_only = name
        .indices()
        .all(|i| text.tokens[i].info.is(Class::NATIONALITY));
    (!nationality_only).then_some(MentionKind::Outlet { name })
}

/// A lower-case word that makes "agency" or "service" an outlet's: "news", "wire", "state-run".
fn is_outlet_modifier(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.info.is(Class::OUTLET_MODIFIER) && !t.has(TokenFlags::CAP)
}

/// A capitalized name that looks like an outlet's: with an outlet word ("Radio Zagora", "Kyiv
/// Post") or a web domain ("clubz.bg"); one with an organization noun too only when "News" or
/// "Press" is in it.
pub(super) fn outlet_by_name(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let name = layout.name?;
    let text = p.text;
    let outlet_word = name.indices().any(|i| {
        text.tokens[i].info.is(Class::OUTLET_WORD)
            && lexicon().spelled(Class::OUTLET_WORD, text.word(i))
    });
    let looks_outlet = outlet_word || name.len() == 1 && is_web_domain(text.word(name.start));
    let news = name
        .indices()
        .any(|i| matches!(text.word(i), "News" | "Press"));
    (looks_outlet && (!layout.org_noun || news)).then_some(MentionKind::Outlet { name })
}

/// "clubz.bg", "Rappler.com": a word with a top-level domain of two to four lower-case letters.
fn is_web_domain(word: &str) -> bool {
    word.contains('.')
        && word.rsplit('.').next().is_some_and(|tld| {
            (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// A capitalized name with an organization noun in it: "the Seoul Detention Center", "the
/// Russian Emergencies Ministry" (the nationality before it is kept: it is part of the name). A
/// role noun alone is no name ("Agency").
pub(super) fn organization_by_name(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let name = layout.name?;
    let lone_role = name.len() == 1 && p.text.tokens[layout.head].info.is(Class::ROLE);
    if !layout.org_noun || lone_role {
        return None;
    }
    let mut first = name.start;
    while first > layout.head_phrase.start && p.text.tokens[first - 1].info.is(Class::NATIONALITY) {
        first -= 1;
    }
    Some(MentionKind::Organization {
        name: TokenRange::new(first, name.end),
    })
}

/// An acronym alone, not dotted, that the lexicon does not know: "KDJX", "SRI".
pub(super) fn acronym(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let name = layout.name?;
    let head = &p.text.tokens[layout.head];
    let acronym =
        head.has(TokenFlags::ALL_CAPS) && !head.has(TokenFlags::DOTTED) && name.len() == 1;
    acronym.then_some(MentionKind::Organization { name })
}
