//! Coreference inside one document: every mention of a source is resolved to an entity.
//!
//! Full names register people; surnames resolve to the person with that name ("Sullivan" →
//! Jake Sullivan); pronouns to the most recent compatible source (by gender and number,
//! preferring who spoke last over who was merely named); descriptions ("the adviser", "the
//! agency", "the Russian diplomat", "the statement") to the most recent entity of their kind
//! whose titles or name fit; what fits nothing becomes a new entity of its own (an unnamed
//! source such as "officials" keeps its words as the label).
//!
//! This file holds the [`Coref`] state, where mentions stand ([`At`]) and the history of
//! mentions that antecedents are searched in. The paths of resolution live beside it:
//! `entities.rs` (an entity being built, ids, aliases, the entity handed out), `names.rs`
//! (people, known names, organizations and acronyms, the names of the text), `pronouns.rs`
//! (pronouns, relative pronouns, unidentified sources) and `descriptions.rs` ("the adviser",
//! "the statement", "the Kremlin's press service").

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::lexicon::{Class, NameTarget};
use crate::mention::{Mention, MentionKind, classify, lone_word_kind, push_slug, slug};
use crate::model::Kind;
use crate::text::Text;
use crate::text::TokenRange;

mod descriptions;
mod entities;
mod names;
mod pronouns;
#[cfg(test)]
mod tests;

pub(crate) use entities::EntityBuild;
pub(crate) use names::name_mentions;

use descriptions::Description;
use names::PersonList;

/// Where a mention stands.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At {
    pub sentence: usize,
    /// Tokens whose mentions must not be antecedents (the content the
    /// mention's own statement attributes).
    pub exclude: Option<TokenRange>,
    /// The mention is the source of an attribution.
    pub source: bool,
    /// The source spoke "in a statement".
    pub statement: bool,
    /// The source only relays someone else's statement.
    pub relay: bool,
}

impl At {
    /// Is token `token` outside the excluded content?
    fn allows(&self, token: usize) -> bool {
        self.exclude.is_none_or(|content| !content.contains(token))
    }
}

/// One resolved mention, in the order of the text: what antecedents are searched in.
#[derive(Clone, Copy, Debug)]
struct Event {
    token: usize,
    sentence: usize,
    entity: usize,
    source: bool,
    /// The mention opens its sentence (a subject).
    subject: bool,
    /// The source only relayed the statement (", quoted by TASS").
    relay: bool,
}

pub(crate) struct Coref<'t, 'a> {
    text: &'t Text<'a>,
    /// The slug of the document's id, for the ids of generic sources.
    document_slug: String,
    pub entities: Vec<EntityBuild<'t>>,
    by_key: FxHashMap<String, usize>,
    /// A buffer for building `by_key` keys without allocating for keys already known.
    key: String,
    /// People by their full label.
    persons: FxHashMap<Cow<'t, str>, usize>,
    /// Outlets, organizations and countries of the lexicon.
    known: FxHashMap<NameTarget, usize>,
    /// Every word of the people's names seen so far, with the people indexed by it, in the
    /// order they were indexed (none for words of names that made no person of their own, such
    /// as "Reuters"). The lists are chained through `person_links`, so that indexing a word
    /// allocates nothing of its own.
    word_persons: FxHashMap<&'t str, PersonList>,
    person_links: Vec<names::PersonLink>,
    /// Sources other than people by their label, and organizations by their acronym.
    by_label: FxHashMap<String, usize>,
    by_acronym: FxHashMap<String, usize>,
    history: Vec<Event>,
    /// Every phrase that named an entity, with the entity, in the order seen: their words are
    /// only needed for the entities that reach the output (`take_entity`), so they are kept as
    /// token ranges in one list rather than as strings in every entity.
    aliases: Vec<(usize, TokenRange)>,
}

/// How many mentions back any antecedent search looks (keeps long documents linear).
const HISTORY_WINDOW: usize = 400;

/// An empty map with room for `n` entries.
fn map_with_capacity<K, V>(n: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(n, Default::default())
}

impl<'t, 'a> Coref<'t, 'a> {
    pub(crate) fn new(text: &'t Text<'a>, document: &str) -> Coref<'t, 'a> {
        // Room for a typical document's mentions and entities up front (news text has about
        // one mention every 25 tokens), instead of growing every table step by step.
        let mentions = text.tokens.len() / 25 + 8;
        let entities = mentions / 2;
        Coref {
            text,
            document_slug: slug(document),
            entities: Vec::with_capacity(entities),
            by_key: map_with_capacity(entities),
            key: String::new(),
            persons: map_with_capacity(entities),
            known: map_with_capacity(entities / 2),
            word_persons: map_with_capacity(entities * 2),
            person_links: Vec::with_capacity(entities * 2),
            by_label: map_with_capacity(entities),
            by_acronym: FxHashMap::default(),
            history: Vec::with_capacity(mentions),
            aliases: Vec::with_capacity(mentions),
        }
    }

    /// The final id of entity `i`: a generic source's carries the document's
    /// (`officials--doc`).
    pub(crate) fn id(&self, i: usize) -> String {
        let e = &self.entities[i];
        e.final_id
            .get_or_init(|| {
                if e.generic && e.fixed_id.is_none() {
                    let mut id =
                        String::with_capacity(e.label.len() + 2 + self.document_slug.len());
                    push_slug(&mut id, &e.label);
                    id.push_str("--");
                    id.push_str(&self.document_slug);
                    id
                } else {
                    e.id()
                }
            })
            .clone()
    }

    /// Resolves a mention to an entity; `None` for pronouns with no antecedent and for what
    /// cannot be a source.
    pub(crate) fn resolve(&mut self, mention: &Mention, at: At) -> Option<usize> {
        let entity = self.resolve_kind(mention, at)?;
        self.record(entity, mention, at);
        Some(entity)
    }

    /// Registers a name seen anywhere in the text, and gives its entity if it made or found
    /// one: a person, a known name, an organization by its shape ("Savin Corp."). A lone
    /// surname only counts when it names a person already known ("Sondland" after "Gordon
    /// Sondland").
    pub(crate) fn note_name(&mut self, np: TokenRange, at: At) -> Option<usize> {
        // A lone capitalized word matters only as a surname of someone named before or as a
        // known name ("Reuters", "Cuba"); a lone surname of no one named before is not kept, so
        // what else a word that is neither may be need not be found out.
        if np.len() == 1 && !self.word_persons.contains_key(self.text.word(np.start)) {
            return match lone_word_kind(self.text, np.start) {
                Some(kind @ MentionKind::Known { .. }) => self.resolve(&Mention { np, kind }, at),
                _ => None,
            };
        }
        let mention = classify(self.text, np);
        let keep = match &mention.kind {
            MentionKind::Person { name, .. } => {
                name.len() > 1 || self.word_persons.contains_key(self.text.word(name.start))
            }
            MentionKind::Known { .. } | MentionKind::Organization { .. } => true,
            _ => false,
        };
        if keep {
            self.resolve(&mention, at)
        } else {
            None
        }
    }

    /// Resolves an appositive's description onto an entity: its title and role words. A
    /// relative clause describes no title ("Fishermen, who lost their boats, said").
    pub(crate) fn describe(&mut self, entity: usize, np: TokenRange) {
        let first = &self.text.tokens[np.start];
        if first.info.is(Class::REL) && !first.has(crate::text::token::TokenFlags::CAP) {
            return;
        }
        let words = self.words(np);
        let words = words.trim_end_matches([',', '.']).to_string();
        let e = &mut self.entities[entity];
        e.add_words(&words);
        if e.kind == Kind::Person {
            e.add_title(entities::without_articles(&words).to_string());
        }
    }

    /// The entity a mention names, by the kind of mention; nothing is recorded in the history.
    fn resolve_kind(&mut self, mention: &Mention, at: At) -> Option<usize> {
        let named = |coref: &mut Self, entity: usize| {
            coref.add_alias(entity, mention.np);
            Some(entity)
        };
        match &mention.kind {
            MentionKind::Pronoun { gender, plural } => {
                self.pronoun(mention.np.start, *gender, *plural, at)
            }
            MentionKind::Relative => self.relative(mention.np.start, at),
            MentionKind::Person {
                name,
                title,
                gender,
            } => {
                let entity = self.named_person(*name, *title, *gender);
                named(self, entity)
            }
            MentionKind::Known { target, name } => {
                let entity = match self.person_of_bare_word(mention.np, *name) {
                    Some(person) => person,
                    None => self.known(*target),
                };
                named(self, entity)
            }
            MentionKind::Outlet { name } => {
                let entity = self.outlet(*name);
                named(self, entity)
            }
            MentionKind::Organization { name } => {
                let entity = self.organization(*name);
                named(self, entity)
            }
            MentionKind::Group { label } => Some(self.group(*label)),
            MentionKind::Description { .. } => {
                let description = Description::of(mention)?;
                self.description(&description, at)
            }
            // "Sanders said" after "Bernie Sanders": a surname, not traders or builders.
            MentionKind::Unnamed { label, .. }
                if label.len() == 1
                    && self.word_persons.contains_key(self.text.word(label.start)) =>
            {
                let entity = self.named_person(*label, None, crate::mention::Gender::Unknown);
                named(self, entity)
            }
            MentionKind::Unnamed { label, plural } => {
                let entity = self.unnamed(*label, *plural);
                named(self, entity)
            }
            MentionKind::Other => None,
        }
    }

    /// Records a mention of `entity` in the history.
    fn record(&mut self, entity: usize, mention: &Mention, at: At) {
        let subject = self.is_subject(mention.np.start, at.sentence);
        let e = &mut self.entities[entity];
        e.mentions += 1;
        if at.statement {
            e.statement = true;
        }
        e.first_event.get_or_insert(self.history.len());
        e.last_event = Some(self.history.len());
        if subject || at.source {
            e.last_subject = e.last_event;
        }
        self.history.push(Event {
            token: mention.np.start,
            sentence: at.sentence,
            entity,
            source: at.source,
            subject,
            relay: at.relay,
        });
    }

    /// Is the phrase at token `first` the first noun phrase of sentence `sentence`, maybe after
    /// an opening adverbial ("At US Airways, Todd Lehmacher called ...")?
    fn is_subject(&self, first: usize, sentence: usize) -> bool {
        let text = self.text;
        text.sentences.get(sentence).is_some_and(|s| {
            first == s.start
                || first > s.start
                    && text.word(first - 1) == ","
                    && text.tokens[s.start]
                        .info
                        .is(Class::PREP | Class::ADV | Class::SUB)
                    && !(s.start..first - 1).any(|k| text.word(k) == ",")
        })
    }

    /// The mentions within the history window, most recent first.
    fn recent(&self) -> impl Iterator<Item = &Event> + '_ {
        self.history.iter().rev().take(HISTORY_WINDOW)
    }

    fn add_alias(&mut self, entity: usize, np: TokenRange) {
        self.aliases.push((entity, np));
    }

    fn words(&self, np: TokenRange) -> String {
        self.words_cow(np).into_owned()
    }

    /// The text of a phrase with its white space folded; borrowed when it needs no folding.
    fn words_cow(&self, np: TokenRange) -> Cow<'t, str> {
        let text = self.text;
        let raw: &'t str = text.span(np).slice(text.src);
        // Plain text has no line break or tab, and no two spaces in a row. Tokens hold no white
        // space and all that stands between two tokens is white space, so only the gaps between
        // the phrase's tokens need looking at, and most are empty or a single space.
        let src = text.src.as_bytes();
        let tokens = text.tokens.get(np.indices()).unwrap_or(&[]);
        let plain = tokens
            .windows(2)
            .all(|pair| plain_gap(&src[pair[0].end as usize..pair[1].start as usize]));
        if plain {
            return Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        for (i, part) in raw.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
        Cow::Owned(out)
    }

    /// A key for `by_key`: `prefix` and the slug of `label`, built in the reusable key buffer
    /// (hand it back through `entity_for_key` or `return_key`).
    fn slug_key(&mut self, prefix: &str, label: &str) -> String {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push_str(prefix);
        push_slug(&mut key, label);
        key
    }

    /// A key for `by_key`: `prefix` and `name` as they are, built like `slug_key`.
    fn plain_key(&mut self, prefix: &str, name: &str) -> String {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key.push_str(prefix);
        key.push_str(name);
        key
    }

    /// Gives the key buffer back for the next key.
    fn return_key(&mut self, key: String) {
        self.key = key;
    }

    /// The entity of `key`, made by `make` when there is none yet.
    fn entity_for_key(&mut self, key: String, make: impl FnOnce() -> EntityBuild<'t>) -> usize {
        if let Some(&i) = self.by_key.get(key.as_str()) {
            self.return_key(key);
            return i;
        }
        let i = self.entities.len();
        let entity = make();
        if entity.kind != Kind::Person {
            self.by_label.entry(entity.label.clone()).or_insert(i);
        }
        self.entities.push(entity);
        self.by_key.insert(key.as_str().to_owned(), i);
        self.return_key(key);
        i
    }
}

/// Is the white space between two tokens a single space, or nothing?  Empty and one-space gaps
/// are the common case; otherwise no line break, tab or two spaces in a row.
fn plain_gap(gap: &[u8]) -> bool {
    match gap {
        [] | [b' '] => true,
        _ => {
            let mut previous = 0;
            gap.iter().all(|&b| {
                let ok = !(matches!(b, b'\n' | b'\r' | b'\t') || b == b' ' && previous == b' ');
                previous = b;
                ok
            })
        }
    }
}
