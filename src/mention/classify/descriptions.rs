//! The description decider: a phrase headed by a role noun ("the adviser", "officials", "a
//! spokesman for the ministry", "the Kremlin's press service"), and who it belongs to.

use crate::lexicon::{Class, RoleType};
use crate::mention::Np;

use super::names::known_names;
use super::{Mention, MentionKind, Phrase, classify};

/// A role noun heads the phrase (a capitalized head only if the lexicon knows it as a role):
/// "the adviser", "officials", "a spokesman for the Seoul Detention Center", "the Kremlin's
/// press service", "the statement". Definite with "the", "this" or a possessive, except a plural
/// of people ("the officials" refers back to no one in particular).
pub(super) fn description(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let head = layout.head;
    let info = p.text.tokens[head].info;
    let role = layout
        .head_role
        .filter(|_| !p.cap(head) || info.is(Class::ROLE))?;
    let plural = info.is(Class::ROLE_PLURAL) || role.kind == RoleType::Media;
    Some(MentionKind::Description {
        head,
        role: info.role - 1,
        plural,
        definite: p.definite && (!plural || role.kind != RoleType::Person),
        owner: owner(p),
        label: p.body,
    })
}

/// Who a description belongs to: the possessor ("the Kremlin" in "the Kremlin's press
/// service"), the complement ("the ministry" in "a spokesman for the ministry"), or a known name
/// modifying the head ("The White House statement", "Kremlin press service").
fn owner(p: &Phrase) -> Option<Box<Mention>> {
    let (text, layout) = (p.text, p.layout());
    if let Some(possessive) = layout.possessive.filter(|&i| i > layout.core.first) {
        let first = if p.has_det { p.body.first } else { p.np.first };
        let np = Np {
            first,
            last: possessive - 1,
        };
        return Some(Box::new(classify(text, np)));
    }
    if let Some(prep) = layout.prep.filter(|&i| i < p.body.last) {
        let np = Np {
            first: prep + 1,
            last: p.body.last,
        };
        return Some(Box::new(classify(text, np)));
    }
    let head_phrase = layout.head_phrase;
    let modifiers = Np {
        first: head_phrase.first,
        last: head_phrase.last.saturating_sub(1).max(head_phrase.first),
    };
    let names = known_names(text, modifiers);
    let &(target, name, _) = names
        .first()
        .filter(|(_, n, _)| n.last < head_phrase.last)?;
    Some(Box::new(Mention {
        np: name,
        kind: MentionKind::Known { target, name },
    }))
}
