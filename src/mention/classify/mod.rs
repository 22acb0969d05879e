//! What a noun phrase names: a person (with the title split off), a known outlet, organization
//! or country, an outlet or organization recognized by its shape, a pronoun, a description
//! headed by a role noun, a group, or nothing that can be a source.
//!
//! [`classify`] asks the deciders of [`DECIDERS`] in turn; the first that decides types the
//! phrase. Each decider is a small function over the facts of [`Phrase`] (determiner, body,
//! head phrase, head noun, ...) and sees only the phrases every decider before it passed on.
//! The files hold the deciders by what they find: `people.rs`, `known.rs` (pronouns and known
//! names), `outlets.rs` (outlets and organizations by their shape), `groups.rs`,
//! `descriptions.rs`, `unnamed.rs` (quantities, and unknown nouns as unnamed sources); `names.rs`
//! has the name-reading helpers they share.

mod descriptions;
mod groups;
mod known;
mod names;
mod outlets;
mod people;
mod phrase;
mod unnamed;

#[cfg(test)]
mod tests;

use crate::lexicon::NameTarget;
use crate::text::Text;
use crate::text::TokenRange;

pub(crate) use known::lone_word_kind;
pub(crate) use names::known_name_at;
use phrase::Phrase;
pub(crate) use unnamed::as_unnamed;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Neuter,
    Unknown,
}

impl Gender {
    /// Can a mention of gender `self` and one of gender `other` name the same source?
    pub(crate) fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// A noun phrase and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The whole phrase as found, determiner and complements included.
    pub np: TokenRange,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// "he", "she", "it", "they", "we", "I".
    Pronoun { gender: Gender, plural: bool },
    /// "who", "which", "that".
    Relative,
    /// A named person; `title` is the part before the name ("US National Security Adviser").
    Person {
        name: TokenRange,
        title: Option<TokenRange>,
        gender: Gender,
    },
    /// An outlet, organization or country of the lexicon.
    Known {
        target: NameTarget,
        name: TokenRange,
    },
    /// An outlet recognized by its shape: "the Haaretz daily", "weekly Opciones", "KFSM".
    Outlet { name: TokenRange },
    /// An organization recognized by its shape: "Seoul Detention Center", "FAA".
    Organization { name: TokenRange },
    /// A phrase headed by a role noun: "the adviser", "a spokesman for the ministry",
    /// "officials", "the Kremlin's press service", "the statement".
    Description {
        /// The head noun's token.
        head: usize,
        /// Index into the lexicon's roles.
        role: u16,
        plural: bool,
        /// "the", "this", a possessive: it refers back to something named before.
        definite: bool,
        /// Who it belongs to: the possessor or the complement ("of the Russian head of state").
        owner: Option<Box<Mention>>,
        /// The phrase without its determiner: the label of an unnamed source.
        label: TokenRange,
    },
    /// A coordination naming several sources at once: "the Americans and their NATO allies".
    Group { label: TokenRange },
    /// People described by a number or a quantity ("46 percent", "nine in 10", "another"), or a
    /// noun the lexicon does not know as a role, as the subject of a speech verb ("respondents
    /// said", "the actress said").
    Unnamed { label: TokenRange, plural: bool },
    /// Not a source by its shape.
    Other,
}

impl Mention {
    /// Is this something that can say or relay a thing?
    pub(crate) fn is_source_like(&self) -> bool {
        !matches!(self.kind, MentionKind::Other)
    }
}

/// One step of [`classify`]: it types the phrase, or passes it on to the next.
pub(crate) struct Decider {
    /// The name `explain` prints.
    pub name: &'static str,
    /// What it recognizes, in one line.
    pub description: &'static str,
    decide: fn(&Phrase) -> Option<MentionKind>,
}

/// The deciders in the order they are asked: the first that decides types the phrase.
pub(crate) static DECIDERS: &[Decider] = &[
    Decider {
        name: "plural_noun",
        description: "a capitalized plural of a common noun: \"Tunisians\", \"Traders said\"",
        decide: unnamed::plural_noun,
    },
    Decider {
        name: "plain_name",
        description: "capitalized words that are only a name: \"Jake Sullivan\"",
        decide: people::plain_name,
    },
    Decider {
        name: "lone_word",
        description: "a pronoun, a relative or a known name alone: \"he\", \"Reuters\"",
        decide: known::lone_word,
    },
    Decider {
        name: "named_before_others",
        description: "the named one in \"Yonhap and other news reports\"",
        decide: groups::named_before_others,
    },
    Decider {
        name: "group",
        description: "phrases or named people joined by \"and\": \"Grassley and Leahy\"",
        decide: groups::group,
    },
    Decider {
        name: "person_after_long_title",
        description: "a name after a title with \"of\": \"Secretary of State Condoleezza Rice\"",
        decide: people::person_after_long_title,
    },
    Decider {
        name: "known_name",
        description: "ends in a known outlet, organization or country: \"the White House\"",
        decide: known::known_name,
    },
    Decider {
        name: "outlet_noun_then_name",
        description: "an outlet noun, then its name: \"weekly Opciones\"",
        decide: outlets::outlet_noun_then_name,
    },
    Decider {
        name: "name_then_outlet_noun",
        description: "a name, then an outlet noun: \"the Haaretz daily\"",
        decide: outlets::name_then_outlet_noun,
    },
    Decider {
        name: "outlet_by_name",
        description: "a name with an outlet word or a domain: \"Radio Zagora\"",
        decide: outlets::outlet_by_name,
    },
    Decider {
        name: "organization_by_name",
        description: "a name with an organization noun: \"the Seoul Detention Center\"",
        decide: outlets::organization_by_name,
    },
    Decider {
        name: "acronym",
        description: "an acronym alone: \"KDJX\"",
        decide: outlets::acronym,
    },
    Decider {
        name: "titled_person",
        description: "a title, then a name: \"US National Security Adviser Jake Sullivan\"",
        decide: people::titled_person,
    },
    Decider {
        name: "description",
        description: "a role noun heads it: \"the adviser\", \"officials\"",
        decide: descriptions::description,
    },
    Decider {
        name: "quantity",
        description: "a number or quantity of people: \"46 percent\", \"another\"",
        decide: unnamed::quantity,
    },
    Decider {
        name: "other",
        description: "none of the above: not a source by its shape",
        decide: unnamed::other,
    },
];

/// Classifies the noun phrase `np`.
pub(crate) fn classify(text: &Text, np: TokenRange) -> Mention {
    classify_traced(text, np).0
}

/// Classifies the noun phrase `np`, and tells which decider typed it.
pub(crate) fn classify_traced(text: &Text, np: TokenRange) -> (Mention, &'static Decider) {
    let (kind, decider) = decide(text, np);
    (Mention { np, kind }, decider)
}

/// The kind of `np` and the decider that gave it.
fn decide(text: &Text, np: TokenRange) -> (MentionKind, &'static Decider) {
    let phrase = Phrase::new(text, np);
    for decider in DECIDERS {
        if let Some(kind) = (decider.decide)(&phrase) {
            return (kind, decider);
        }
    }
    (MentionKind::Other, &DECIDERS[DECIDERS.len() - 1])
}

/// The kind of `np`, for deciders that type a part of their phrase.
fn kind_of(text: &Text, np: TokenRange) -> MentionKind {
    decide(text, np).0
}
