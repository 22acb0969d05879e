//! Mentions of sources: finding the noun phrase that names a source next to a cue, and telling
//! what it names (a person with a title, an outlet, an organization, a pronoun, a description
//! such as "the adviser", an unnamed source such as "officials").
//!
//! Only token ranges and lexicon facts are used; nothing here knows about attributions.

mod classify;
mod np;
mod slug;

pub(crate) use classify::{
    Decider, Gender, Mention, MentionKind, as_unnamed, classify, classify_traced, known_name_at,
    lone_word_kind,
};
pub(crate) use np::{
    appositive_after, clause_starts_at, np_after, np_end_before, np_start_before, opening_adverb,
    opens_as_non_name, subject_before, subject_before_relative,
};
pub(crate) use slug::{push_slug, slug};
