//! Deciders for outlets and organizations the lexicon does not know, recognized by their shape:
//! an outlet noun next to a name ("weekly Opciones", "the Haaretz daily"), a capitalized name
//! with an outlet word ("Radio Zagora") or an organization noun ("Seoul Detention Center"), an
//! acronym ("KDJX").

use crate::lexicon::{Class, RoleType, lexicon};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::names::{is_given_name, known_names, role_type};
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
/// "Press" is in it. Not when a title follows the outlet word ("White House Press Secretary
/// Stephanie Grisham" is a person), nor a given name and its surname ("Jane Post").
pub(super) fn outlet_by_name(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let name = layout.name?;
    let text = p.text;
    let is_outlet_word = |i: usize| {
        text.tokens[i].info.is(Class::OUTLET_WORD)
            && lexicon().spelled(Class::OUTLET_WORD, text.word(i))
    };
    let outlet_word = name.indices().rfind(|&i| is_outlet_word(i));
    if outlet_word.is_some_and(|w| title_after(text, w, name.end)) {
        return None;
    }
    // "Jane Post": a given name and a surname that is an outlet word.
    if name.len() == 2 && is_given_name(text, name.start) && !is_outlet_word(name.start) {
        return None;
    }
    let outlet_word = outlet_word.is_some();
    let looks_outlet = outlet_word || name.len() == 1 && is_web_domain(text.word(name.start));
    let news = name
        .indices()
        .any(|i| matches!(text.word(i), "News" | "Press"));
    (looks_outlet && (!layout.org_noun || news)).then_some(MentionKind::Outlet { name })
}

/// Does a capitalized title word stand after token `word`, before `end`: "Press Secretary",
/// "Committee Chairman"? Then the name runs on into a person's title.
fn title_after(text: &Text, word: usize, end: usize) -> bool {
    (word + 1..end).any(|i| text.tokens[i].is_cap_word() && text.tokens[i].info.is(Class::TITLE))
}

/// "clubz.bg", "Rappler.com": a word with a top-level domain of two to four lower-case letters.
fn is_web_domain(word: &str) -> bool {
    word.contains('.')
        && word.rsplit('.').next().is_some_and(|tld| {
            (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// A capitalized name with an organization noun in it: "the Seoul Detention Center", "the
/// Russian Emergencies Ministry" (the nationality before it is kept: it is part of the name),
/// "Dick Clark Productions" (a company word). A role noun alone is no name ("Agency"); nor is
/// a name that runs on into a person's title ("Democratic National Committee Chairman Tim
/// Kaine", "Interim BART Police Chief Ed Alvarez").
pub(super) fn organization_by_name(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let name = layout.name?;
    let lone_role = name.len() == 1 && p.text.tokens[layout.head].info.is(Class::ROLE);
    if !layout.org_noun || lone_role {
        return None;
    }
    let org_word = name.indices().rfind(|&i| is_org_word(p.text, i));
    if org_word.is_some_and(|w| title_after(p.text, w, name.end)) {
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

/// Is token `i` a capitalized organization noun ("Center", "Ministry") or company word
/// ("Productions", "Inc")?
pub(super) fn is_org_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.is_cap_word() && role_type(text, i) == Some(RoleType::Org) || is_company_word(text, i)
}

/// Is token `i` a word that ends a company's name, written as the data writes it: "Inc",
/// "Productions", "Records"?
pub(super) fn is_company_word(text: &Text, i: usize) -> bool {
    text.tokens[i].info.is(Class::COMPANY_WORD)
        && lexicon().spelled(Class::COMPANY_WORD, text.word(i))
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
