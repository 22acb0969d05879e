//! The description decider: a phrase headed by a role noun ("the adviser", "officials", "a
//! spokesman for the ministry", "the Kremlin's press service"), and who it belongs to.

use crate::lexicon::{Class, RoleType};
use crate::text::TokenRange;

use super::names::{is_given_name, known_names};
use super::{Mention, MentionKind, Phrase, classify};

/// A role noun heads the phrase (a capitalized head only if the lexicon knows it as a role):
/// "the adviser", "officials", "a spokesman for the Seoul Detention Center", "the Kremlin's
/// press service", "the statement". Definite with "the", "this" or a possessive, except a plural
/// of people ("the officials" refers back to no one in particular). Not a capitalized role noun
/// after a given name: that is a surname ("Jane Post").
pub(super) fn description(p: &Phrase) -> Option<MentionKind> {
    let layout = p.layout();
    let head = layout.head;
    let info = p.text.tokens[head].info;
    // A capitalized role noun after a given name is a surname: "Jane Post".
    let surname = p.cap(head) && head > p.body.start && is_given_name(p.text, head - 1);
    let role = layout
        .head_role
        .filter(|_| (!p.cap(head) || info.is(Class::ROLE)) && !surname)?;
    let plural = info.is(Class::ROLE_PLURAL) || role.kind == RoleType::Media || role.party;
    // A partitive keeps its count, which says how many speak: "one of the hostages".
    let count = p.np.start;
    let partitive = p.has_det && p.text.word(p.body.start) == "of";
    let plural = if partitive {
        p.text.tokens[count].info.is(Class::PLURAL)
    } else {
        plural
    };
    Some(MentionKind::Description {
        head,
        role: info.role - 1,
        plural,
        definite: p.definite && (!plural || role.kind != RoleType::Person),
        owner: owner(p),
        label: if partitive { p.np } else { p.body },
    })
}

/// Who a description belongs to: the possessor ("the Kremlin" in "the Kremlin's press
/// service"), the complement ("the ministry" in "a spokesman for the ministry"), or a known name
/// modifying the head ("The White House statement", "Kremlin press service").
fn owner(p: &Phrase) -> Option<Box<Mention>> {
    let (text, layout) = (p.text, p.layout());
    if let Some(possessive) = layout.possessive.filter(|&i| i > layout.core.start) {
        let first = if p.has_det { p.body.start } else { p.np.start };
        let np = TokenRange::new(first, possessive);
        return Some(Box::new(classify(text, np)));
    }
    if let Some(prep) = layout.prep.filter(|&i| i < p.body.last()) {
        let np = TokenRange::new(prep + 1, p.body.end);
        return Some(Box::new(classify(text, np)));
    }
    let head_phrase = layout.head_phrase;
    let modifiers = TokenRange::new(
        head_phrase.start,
        head_phrase.last().saturating_sub(1).max(head_phrase.start) + 1,
    );
    let names = known_names(text, modifiers);
    let &(target, name, _) = names
        .first()
        .filter(|(_, n, _)| n.last() < head_phrase.last())?;
    Some(Box::new(Mention {
        np: name,
        kind: MentionKind::Known { target, name },
    }))
}
