//! Entities being built: their labels, ids, titles and role words, and the aliases they are
//! handed out with ([`Coref::take_entity`]). Entities with a fixed id come from metadata
//! ([`Coref::add_entity`]).

use std::borrow::Cow;
use std::cell::OnceCell;

use super::Coref;
use crate::lexicon::{Class, OutletKind, lexicon};
use crate::mention::{Gender, slug};
use crate::model::{Entity, Kind};
use crate::text::TokenRange;

/// An entity being built.
#[derive(Clone, Debug)]
pub(crate) struct EntityBuild<'t> {
    /// Its name; changed through `rename`, which forgets the id made from it.
    pub label: String,
    /// A fixed id (from the lexicon); otherwise the slug of the label.
    pub fixed_id: Option<String>,
    pub kind: Kind,
    /// Its titles, each once, in the order first seen (sorted for output).
    pub titles: Vec<String>,
    pub mentions: usize,
    pub gender: Gender,
    pub plural: bool,
    /// A person, or a role that names people ("a spokesman"): "he" and "she" may refer to it.
    pub animate: bool,
    /// The words of a person's name, as written in the text.
    pub name_words: Vec<&'t str>,
    /// Lower-case words of its titles, each once, for descriptions ("the adviser").
    pub role_words: Vec<String>,
    pub outlet_kind: Option<OutletKind>,
    /// It spoke "in a statement".
    pub statement: bool,
    /// A description that names no particular source ("officials", "the company"): a
    /// different source in every document, so its id carries the document's.
    pub generic: bool,
    /// Known to be a person: a given name, a title, or "he"/"she" referred to it.
    pub personal: bool,
    /// For one person described by a role noun and named by no one before ("Austria's interior
    /// minister"), the description's words and the token of that noun: the person named later
    /// may be them.
    pub(super) described: Option<(TokenRange, usize)>,
    /// Where it was first mentioned in the coreference history, if it was.
    pub(super) first_event: Option<usize>,
    /// Where it was last mentioned in the coreference history, if it was.
    pub(super) last_event: Option<usize>,
    /// Where it was last mentioned as a subject or a source, if it was.
    pub(super) last_subject: Option<usize>,
    /// Its final id once `Coref::id` made it: asked for at every hop that names the entity and
    /// again for the entity itself, it is made once.
    pub(super) final_id: OnceCell<String>,
}

impl<'t> EntityBuild<'t> {
    pub(crate) fn new(label: String, kind: Kind) -> EntityBuild<'t> {
        // The label's own words count as role words too (see `has_word`).
        let role_words = Vec::new();
        EntityBuild {
            label,
            fixed_id: None,
            kind,
            titles: Vec::new(),
            mentions: 0,
            gender: Gender::Unknown,
            plural: false,
            animate: kind == Kind::Person,
            name_words: Vec::new(),
            role_words,
            outlet_kind: None,
            statement: false,
            generic: false,
            personal: false,
            described: None,
            first_event: None,
            last_event: None,
            last_subject: None,
            final_id: OnceCell::new(),
        }
    }

    /// Its id without regard to the document: the fixed one, or the slug of its label.
    pub(crate) fn id(&self) -> String {
        self.fixed_id.clone().unwrap_or_else(|| slug(&self.label))
    }

    /// Gives it a new label, and so a new id.
    pub(super) fn rename(&mut self, label: String) {
        self.label = label;
        self.final_id = OnceCell::new();
    }

    /// Is `word` (lower case) one of its role words or a word of its label?
    pub(super) fn has_word(&self, word: &str) -> bool {
        self.role_words.iter().any(|r| r == word)
            || label_words(&self.label).any(|w| {
                // An ASCII word lower-cases to `word` only if it equals it ignoring case,
                // so only other words need lower-casing.
                w.len() == word.len()
                    && (w.eq_ignore_ascii_case(word) || !w.is_ascii() && w.to_lowercase() == word)
            })
    }

    /// Its role words and the words of its label, lower-cased.
    pub(super) fn all_words(&self) -> impl Iterator<Item = String> + '_ {
        self.role_words.iter().cloned().chain(
            label_words(&self.label)
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        )
    }

    pub(super) fn add_title(&mut self, title: String) {
        if !self.titles.contains(&title) {
            self.titles.push(title);
        }
    }

    /// Adds the words of a title up to its first complement: "head of the speaker's
    /// secretariat" gives "head" (the person is not a speaker).
    pub(super) fn add_words(&mut self, words: &str) {
        let mut buf = String::new();
        for w in words.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        {
            if lexicon().word(w, &mut buf).is(Class::TITLE_STOP) {
                break;
            }
            // Lower-cased only when it has upper case to lower (most role words have none).
            let lower = match w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                true => Cow::Borrowed(w),
                false => Cow::Owned(w.to_lowercase()),
            };
            if lower.ends_with("'s") || lower.ends_with("’s") {
                break;
            }
            if !lower.is_empty() && !self.role_words.iter().any(|r| *r == *lower) {
                self.role_words.push(lower.into_owned());
            }
        }
    }

    /// Adds the role noun of its outlet kind ("the agency" refers to a news agency).
    pub(super) fn set_outlet_kind(&mut self, kind: OutletKind) {
        self.outlet_kind = Some(kind);
        self.role_words.push(kind.noun().to_string());
    }
}

/// The words of a label: split at what is neither a letter, a digit nor a hyphen.
fn label_words(label: &str) -> impl Iterator<Item = &str> {
    label.split(|c: char| !c.is_alphanumeric() && c != '-')
}

/// A title without the articles before it: "the national security adviser" → "national
/// security adviser". Only lower-case articles go ("The Hague envoy" keeps its "The").
pub(super) fn without_articles(title: &str) -> &str {
    let mut buf = String::new();
    let mut rest = title;
    while let Some((first, after)) = rest.split_once(' ') {
        let lower_case = !first.bytes().any(|b| b.is_ascii_uppercase());
        if !(lower_case && lexicon().word(first, &mut buf).is(Class::ARTICLE)) {
            break;
        }
        rest = after;
    }
    rest
}

impl<'t> Coref<'t, '_> {
    /// An entity with a fixed id (for metadata), reusing one of the same id.
    pub(crate) fn add_entity(&mut self, id: String, label: String, kind: Kind) -> usize {
        if let Some(i) = (0..self.entities.len()).find(|&i| self.id(i) == id) {
            return i;
        }
        let mut e = EntityBuild::new(label, kind);
        e.fixed_id = Some(id);
        self.entities.push(e);
        self.entities.len() - 1
    }

    /// Entity `i` as the model's type, with its final id. Its label, aliases and titles are
    /// moved out, not copied: only its id (kept) may be asked for afterwards.
    pub(crate) fn take_entity(&mut self, i: usize) -> Entity {
        let id = self.id(i);
        let label = std::mem::take(&mut self.entities[i].label);
        let mut titles = std::mem::take(&mut self.entities[i].titles);
        titles.sort_unstable();
        let aliases = self.aliases_of(i, &label);
        let e = &mut self.entities[i];
        Entity {
            id,
            label,
            kind: e.kind,
            aliases,
            titles,
            mentions: e.mentions,
        }
    }

    /// The aliases of entity `i` sorted, each once, without the empty one or its label.
    fn aliases_of(&self, i: usize, label: &str) -> Vec<String> {
        let mut aliases: Vec<String> = self
            .aliases
            .iter()
            .filter(|(entity, _)| *entity == i)
            .map(|&(_, np)| self.alias_words(np))
            .filter(|a| !a.is_empty() && *a != label)
            .map(Cow::into_owned)
            .collect();
        aliases.sort();
        aliases.dedup();
        aliases
    }

    /// The words of an alias, without trailing punctuation.
    fn alias_words(&self, np: TokenRange) -> Cow<'t, str> {
        const TRAILING: [char; 4] = [',', '.', ';', ':'];
        match self.words_cow(np) {
            Cow::Borrowed(words) => Cow::Borrowed(words.trim_end_matches(TRAILING)),
            Cow::Owned(words) => Cow::Owned(words.trim_end_matches(TRAILING).to_string()),
        }
    }
}
