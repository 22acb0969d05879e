//! Coreference inside one document: every mention of a source is resolved to an entity.
//!
//! Full names register people; surnames resolve to the person with that name ("Sullivan" →
//! Jake Sullivan); pronouns to the most recent compatible source (by gender and number,
//! preferring who spoke last over who was merely named); descriptions ("the adviser", "the
//! agency", "the Russian diplomat", "the statement") to the most recent entity of their kind
//! whose titles or name fit; what fits nothing becomes a new entity of its own (an unnamed
//! source such as "officials" keeps its words as the label).

use crate::text::token::TokenFlags;
use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use crate::lexicon::{Class, NameTarget, OutletKind, RoleType, lexicon};
use crate::mention::{
    Gender, Mention, MentionKind, Np, classify, lone_word_kind, np_start_before, push_slug, slug,
};
use crate::model::{Entity, Kind};
use crate::text::Text;
use crate::text::token::TokenKind;

/// An entity being built.
#[derive(Clone, Debug)]
pub struct EntityBuild<'t> {
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
    /// Where it was last mentioned in the coreference history, if it was.
    last_event: Option<usize>,
    /// Its final id once `Coref::id` made it: asked for at every hop that names the entity and
    /// again for the entity itself, it is made once.
    final_id: OnceCell<String>,
}

impl<'t> EntityBuild<'t> {
    fn new(label: String, kind: Kind) -> EntityBuild<'t> {
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
            last_event: None,
            final_id: OnceCell::new(),
        }
    }

    /// Gives it a new label, and so a new id.
    fn rename(&mut self, label: String) {
        self.label = label;
        self.final_id = OnceCell::new();
    }

    /// Is `word` (lower case) one of its role words or a word of its label?
    fn has_word(&self, word: &str) -> bool {
        self.role_words.iter().any(|r| r == word)
            || self
                .label
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| {
                    // An ASCII word lower-cases to `word` only if it equals it ignoring case,
                    // so only other words need lower-casing.
                    w.len() == word.len()
                        && (w.eq_ignore_ascii_case(word)
                            || !w.is_ascii() && w.to_lowercase() == word)
                })
    }

    /// Its role words and the words of its label, lower-cased.
    fn all_words(&self) -> impl Iterator<Item = String> + '_ {
        self.role_words.iter().cloned().chain(
            self.label
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        )
    }

    pub fn new_pub(label: String, kind: Kind) -> EntityBuild<'t> {
        EntityBuild::new(label, kind)
    }

    pub fn id(&self) -> String {
        self.fixed_id.clone().unwrap_or_else(|| slug(&self.label))
    }

    fn add_title(&mut self, title: String) {
        if !self.titles.contains(&title) {
            self.titles.push(title);
        }
    }

    /// Adds the words of a title up to its first complement: "head of the speaker's
    /// secretariat" gives "head" (the person is not a speaker).
    fn add_words(&mut self, words: &str) {
        for w in words.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        {
            // Lower-cased only when it has upper case to lower (most role words have none).
            let lower = match w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                true => Cow::Borrowed(w),
                false => Cow::Owned(w.to_lowercase()),
            };
            if matches!(
                &*lower,
                "of" | "for" | "at" | "with" | "from" | "to" | "in" | "on"
            ) {
                break;
            }
            if lower.ends_with("'s") || lower.ends_with("’s") {
                break;
            }
            if !lower.is_empty() && !self.role_words.iter().any(|r| *r == *lower) {
                self.role_words.push(lower.into_owned());
            }
        }
    }
}

/// Where a mention stands.
#[derive(Clone, Copy, Debug)]
pub struct At {
    pub sentence: usize,
    /// A token range `[first, end)` whose mentions must not be antecedents (the content the
    /// mention's own statement attributes).
    pub exclude: Option<(usize, usize)>,
    /// The mention is the source of an attribution.
    pub source: bool,
    /// The source spoke "in a statement".
    pub statement: bool,
    /// The source only relays someone else's statement.
    pub relay: bool,
}

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

pub struct Coref<'t, 'a> {
    text: &'t Text<'a>,
    /// The slug of the document's id, for the ids of generic sources.
    document_slug: String,
    pub entities: Vec<EntityBuild<'t>>,
    by_key: FxHashMap<String, usize>,
    /// A buffer for building `by_key` keys without allocating for keys already known.
    key: String,
    /// People by their full label.
    persons: FxHashMap<std::borrow::Cow<'t, str>, usize>,
    /// Outlets, organizations and countries of the lexicon.
    known: FxHashMap<NameTarget, usize>,
    /// Every word of the people's names seen so far, with the people indexed by it, in the
    /// order they were indexed (none for words of names that made no person of their own, such
    /// as "Reuters"). The lists are chained through `person_links`, so that indexing a word
    /// allocates nothing of its own.
    word_persons: FxHashMap<&'t str, PersonList>,
    person_links: Vec<PersonLink>,
    /// Sources other than people by their label, and organizations by their acronym.
    by_label: FxHashMap<String, usize>,
    by_acronym: FxHashMap<String, usize>,
    history: Vec<Event>,
    /// Every phrase that named an entity, with the entity, in the order seen: their words are
    /// only needed for the entities that reach the output (`take_entity`), so they are kept as
    /// token ranges in one list rather than as strings in every entity.
    aliases: Vec<(usize, Np)>,
}

/// The people indexed under one word: the first and last of their links in
/// `Coref::person_links` (`NO_LINK` when there are none).
#[derive(Clone, Copy, Debug)]
struct PersonList {
    first: usize,
    last: usize,
}

impl PersonList {
    const EMPTY: PersonList = PersonList {
        first: NO_LINK,
        last: NO_LINK,
    };
}

/// A person of a `PersonList` and the link to the next one.
#[derive(Clone, Copy, Debug)]
struct PersonLink {
    person: usize,
    next: usize,
}

const NO_LINK: usize = usize::MAX;

/// How many mentions back any antecedent search looks (keeps long documents linear).
const HISTORY_WINDOW: usize = 400;

/// An empty map with room for `n` entries.
fn map_with_capacity<K, V>(n: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(n, Default::default())
}

/// Sentences back that a pronoun may reach for a speaker.
const PRONOUN_REACH: usize = 6;

impl<'t, 'a> Coref<'t, 'a> {
    pub fn new(text: &'t Text<'a>, document: &str) -> Coref<'t, 'a> {
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

    /// The final id of entity `i`.
    pub fn id(&self, i: usize) -> String {
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

    fn words(&self, np: Np) -> String {
        self.words_cow(np).into_owned()
    }

    /// The text of a phrase with its white space folded; borrowed when it needs no folding.
    fn words_cow(&self, np: Np) -> std::borrow::Cow<'t, str> {
        let text = self.text;
        let raw: &'t str = text.span(np.first, np.last).slice(text.src);
        // Plain text has no line break or tab, and no two spaces in a row. Tokens hold no white
        // space and all that stands between two tokens is white space, so only the gaps between
        // the phrase's tokens need looking at, and most are empty or a single space.
        let src = text.src.as_bytes();
        let tokens = text.tokens.get(np.first..=np.last).unwrap_or(&[]);
        let plain = tokens.windows(2).all(|pair| {
            let gap = &src[pair[0].end as usize..pair[1].start as usize];
            match gap {
                [] | [b' '] => true,
                _ => {
                    let mut previous = 0;
                    gap.iter().all(|&b| {
                        let ok =
                            !(matches!(b, b'\n' | b'\r' | b'\t') || b == b' ' && previous == b' ');
                        previous = b;
                        ok
                    })
                }
            }
        });
        if plain {
            return std::borrow::Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        for (i, part) in raw.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
        std::borrow::Cow::Owned(out)
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

    fn record(&mut self, entity: usize, mention: &Mention, at: At) {
        let e = &mut self.entities[entity];
        e.mentions += 1;
        if at.statement {
            e.statement = true;
        }
        let subject = self.text.sentences.get(at.sentence).is_some_and(|s| {
            // The sentence's first noun phrase, maybe after an opening adverbial ("At US
            // Airways, Todd Lehmacher called ...").
            let first = mention.np.first;
            first == s.start
                || first > s.start
                    && self.text.word(first - 1) == ","
                    && self.text.tokens[s.start]
                        .info
                        .is(Class::PREP | Class::ADV | Class::SUB)
                    && !(s.start..first - 1).any(|k| self.text.word(k) == ",")
        });
        e.last_event = Some(self.history.len());
        self.history.push(Event {
            token: mention.np.first,
            sentence: at.sentence,
            entity,
            source: at.source,
            subject,
            relay: at.relay,
        });
    }

    fn add_alias(&mut self, entity: usize, np: Np) {
        self.aliases.push((entity, np));
    }

    /// The words of an alias, without trailing punctuation.
    fn alias_words(&self, np: Np) -> Cow<'t, str> {
        const TRAILING: [char; 4] = [',', '.', ';', ':'];
        match self.words_cow(np) {
            Cow::Borrowed(words) => Cow::Borrowed(words.trim_end_matches(TRAILING)),
            Cow::Owned(words) => Cow::Owned(words.trim_end_matches(TRAILING).to_string()),
        }
    }

    /// Resolves a mention to an entity; `None` for pronouns with no antecedent and for what
    /// cannot be a source.
    pub fn resolve(&mut self, mention: &Mention, at: At) -> Option<usize> {
        let entity = self.resolve_kind(mention, at)?;
        self.record(entity, mention, at);
        Some(entity)
    }

    /// Registers a name seen anywhere in the text. A lone surname only counts when it names a
    /// person already known ("Sondland" after "Gordon Sondland").
    pub fn note_name(&mut self, np: Np, at: At) {
        // A lone capitalized word matters only as a surname of someone named before or as a
        // known name ("Reuters", "Cuba"); a lone surname of no one named before is not kept, so
        // what else a word that is neither may be need not be found out.
        if np.len() == 1 && !self.word_persons.contains_key(self.text.word(np.first)) {
            if let Some(kind @ MentionKind::Known { .. }) = lone_word_kind(self.text, np.first) {
                self.resolve(&Mention { np, kind }, at);
            }
            return;
        }
        let mention = classify(self.text, np);
        let keep = match &mention.kind {
            MentionKind::Person { name, .. } => {
                name.len() > 1 || self.word_persons.contains_key(self.text.word(name.first))
            }
            MentionKind::Known { .. } => true,
            _ => false,
        };
        if keep {
            self.resolve(&mention, at);
        }
    }

    /// Resolves an appositive's description onto an entity: its title and role words.
    pub fn describe(&mut self, entity: usize, np: Np) {
        let words = self.words(np);
        let words = words.trim_end_matches([',', '.']).to_string();
        let e = &mut self.entities[entity];
        e.add_words(&words);
        if e.kind == Kind::Person {
            let title = words
                .trim_start_matches("a ")
                .trim_start_matches("an ")
                .trim_start_matches("the ")
                .to_string();
            e.add_title(title);
        }
    }

    fn resolve_kind(&mut self, mention: &Mention, at: At) -> Option<usize> {
        let text = self.text;
        match &mention.kind {
            MentionKind::Pronoun { gender, plural } => {
                let entity = self.pronoun(mention, *gender, *plural, at)?;
                if matches!(gender, Gender::Male | Gender::Female) {
                    self.entities[entity].personal = true;
                }
                Some(entity)
            }
            MentionKind::Relative => {
                // "Sondland, who said": the phrase before the comma (or right before "who").
                let mut end = mention.np.first.checked_sub(1)?;
                if text.word(end) == "," {
                    end = end.checked_sub(1)?;
                }
                let sentence_start = text.sentences[at.sentence].start;
                let start = np_start_before(text, sentence_start, end)?;
                let antecedent = classify(
                    text,
                    Np {
                        first: start,
                        last: end,
                    },
                );
                if matches!(antecedent.kind, MentionKind::Relative | MentionKind::Other) {
                    return None;
                }
                self.resolve_kind(
                    &antecedent,
                    At {
                        source: false,
                        ..at
                    },
                )
            }
            MentionKind::Person {
                name,
                title,
                gender,
            } => {
                let entity = self.person(*name, *gender);
                if title.is_some()
                    || name.len() > 1
                    || text.tokens[name.first].info.is(Class::GIVEN)
                {
                    self.entities[entity].personal = true;
                }
                if let Some(title) = title {
                    let title = self.words(*title);
                    let e = &mut self.entities[entity];
                    e.add_words(&title);
                    e.add_title(title);
                }
                self.add_alias(entity, mention.np);
                Some(entity)
            }
            MentionKind::Known { target, name } => {
                let entity = self.known(*target, *name);
                self.add_alias(entity, mention.np);
                Some(entity)
            }
            MentionKind::Outlet { name } => {
                let label = self.words(*name);
                let key = self.slug_key("outlet:", &label);
                let entity = self.entity_for_key(key, || EntityBuild::new(label, Kind::Outlet));
                self.add_alias(entity, mention.np);
                Some(entity)
            }
            MentionKind::Organization { name } => {
                let entity = self.organization(*name);
                self.add_alias(entity, mention.np);
                Some(entity)
            }
            MentionKind::Group { label } => {
                let label = self.words(*label);
                let key = self.slug_key("group:", &label);
                let entity = self.entity_for_key(key, || {
                    let mut e = EntityBuild::new(label, Kind::Group);
                    e.plural = true;
                    e.animate = true;
                    e
                });
                Some(entity)
            }
            MentionKind::Description {
                head,
                role,
                plural,
                definite,
                owner,
                label,
            } => self.description(
                mention,
                *head,
                *role,
                *plural,
                *definite,
                owner.as_deref(),
                *label,
                at,
            ),
            MentionKind::Unnamed { label, plural } => {
                let label = self.words(*label);
                let key = self.slug_key("unnamed:", &label);
                let plural = *plural;
                let entity = self.entity_for_key(key, || {
                    let mut e = EntityBuild::new(label, Kind::Unnamed);
                    e.plural = plural;
                    e.animate = true;
                    e.generic = true;
                    e
                });
                self.add_alias(entity, mention.np);
                Some(entity)
            }
            MentionKind::Other => None,
        }
    }

    fn person(&mut self, name: Np, gender: Gender) -> usize {
        let text: &'t Text<'a> = self.text;
        let words = (name.first..=name.last)
            .filter(|&i| text.tokens[i].kind == TokenKind::Word)
            .map(|i| text.word(i));
        let mut word_count = 0;
        let mut surname: &'t str = "";
        for w in words.clone() {
            self.word_persons.entry(w).or_insert(PersonList::EMPTY);
            word_count += 1;
            surname = w;
        }
        let label_cow = self.words_cow(name);
        if let Some(&i) = self.persons.get(label_cow.as_ref()) {
            return i;
        }
        let key = label_cow.clone();
        let label = label_cow.into_owned();
        if word_count >= 2 {
            // A surname-only person seen before becomes this person.
            let earlier = self.persons_with_word(surname).find(|&i| {
                let e = &self.entities[i];
                e.kind == Kind::Person && e.name_words.len() == 1 && e.name_words[0] == surname
            });
            if let Some(i) = earlier {
                let e = &mut self.entities[i];
                e.rename(label.clone());
                e.name_words = words.collect();
                e.add_words(&label);
                if gender != Gender::Unknown {
                    e.gender = gender;
                }
                self.persons.insert(key, i);
                self.index_name_words(i);
                return i;
            }
        } else {
            // A surname (or a first name) of someone named in full before, most recent first:
            // of the people with that word in their names, the one mentioned last within the
            // history window (every person whose name has the word is listed under it).
            let window_start = self.history.len().saturating_sub(HISTORY_WINDOW);
            let by_history = self
                .persons_with_word(surname)
                .filter(|&i| {
                    let e = &self.entities[i];
                    e.kind == Kind::Person
                        && e.name_words.len() >= 2
                        && e.name_words.contains(&surname)
                })
                .filter_map(|i| {
                    let at = self.entities[i].last_event?;
                    (at >= window_start).then_some((at, i))
                })
                .max()
                .map(|(_, i)| i);
            let any = by_history.or_else(|| {
                self.persons_with_word(surname)
                    .find(|&i| self.entities[i].kind == Kind::Person)
            });
            if let Some(i) = any {
                return i;
            }
            // A known outlet or organization of that name ("Amtrak", "Reuters").
            if let Some(&i) = self.by_label.get(surname) {
                return i;
            }
        }
        let mut entity = EntityBuild::new(label, Kind::Person);
        entity.name_words = words.collect();
        entity.gender = gender;
        let i = self.entities.len();
        self.entities.push(entity);
        self.persons.insert(key, i);
        self.index_name_words(i);
        i
    }

    /// Indexes a person by the words of their name.
    fn index_name_words(&mut self, i: usize) {
        let links = &mut self.person_links;
        for &word in &self.entities[i].name_words {
            let list = self.word_persons.entry(word).or_insert(PersonList::EMPTY);
            if person_links(links, list.first).any(|p| p == i) {
                continue;
            }
            let link = links.len();
            links.push(PersonLink {
                person: i,
                next: NO_LINK,
            });
            match list.last {
                NO_LINK => list.first = link,
                last => links[last].next = link,
            }
            list.last = link;
        }
    }

    /// The people with `word` in their names, in the order they were indexed.
    fn persons_with_word(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let first = self
            .word_persons
            .get(word)
            .map_or(NO_LINK, |list| list.first);
        person_links(&self.person_links, first)
    }

    fn known(&mut self, target: NameTarget, _name: Np) -> usize {
        if let Some(&i) = self.known.get(&target) {
            return i;
        }
        let lex = lexicon();
        let (id, label, kind, outlet_kind) = match target {
            NameTarget::Outlet(i) => {
                let o = lex.outlet(i);
                (o.id.clone(), o.label.clone(), Kind::Outlet, Some(o.kind))
            }
            NameTarget::Org(i) => {
                let o = lex.org(i);
                (o.id.clone(), o.label.clone(), Kind::Organization, None)
            }
            NameTarget::Country(i) => {
                let c = &lex.countries[i as usize];
                (slug(&c.name), c.name.clone(), Kind::Organization, None)
            }
        };
        let key = self.plain_key("known:", &id);
        let entity = self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label, kind);
            e.fixed_id = Some(id);
            e.outlet_kind = outlet_kind;
            if let Some(kind) = outlet_kind {
                e.role_words.push(
                    match kind {
                        OutletKind::Agency => "agency",
                        OutletKind::Newspaper => "newspaper",
                        OutletKind::Broadcaster => "broadcaster",
                        OutletKind::Magazine => "magazine",
                        OutletKind::Online => "website",
                    }
                    .to_string(),
                );
            }
            e
        });
        self.known.insert(target, entity);
        entity
    }

    fn organization(&mut self, name: Np) -> usize {
        let label = self.words(name);
        let key = self.slug_key("org:", &label);
        if let Some(&i) = self.by_key.get(key.as_str()) {
            self.return_key(key);
            return i;
        }
        // An acronym of an organization named in full before ("FAA"), or the full name of
        // one seen as an acronym.
        let acronym = |s: &str| -> String {
            s.split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect()
        };
        let single = !label.contains(' ');
        let found = if single {
            self.by_acronym.get(label.as_str()).copied()
        } else {
            self.by_label
                .get(acronym(&label).as_str())
                .copied()
                .filter(|&i| self.entities[i].kind == Kind::Organization)
        };
        if let Some(i) = found {
            if !single {
                self.entities[i].rename(label.clone());
            }
            self.by_key.insert(key.as_str().to_owned(), i);
            self.return_key(key);
            return i;
        }
        if !single {
            let short = acronym(&label);
            if short.chars().count() >= 2 {
                let next = self.entities.len();
                self.by_acronym.entry(short).or_insert(next);
            }
        }
        self.entity_for_key(key, || EntityBuild::new(label, Kind::Organization))
    }

    fn pronoun(
        &mut self,
        mention: &Mention,
        gender: Gender,
        plural: bool,
        at: At,
    ) -> Option<usize> {
        if matches!(
            crate::text::lower(self.text.word(mention.np.first), &mut [0; 16]),
            "i" | "we" | "you"
        ) {
            return None;
        }
        let fits = |e: &EntityBuild| -> bool {
            if plural {
                e.plural || e.kind == Kind::Organization || e.kind == Kind::Group
            } else if gender == Gender::Neuter {
                !e.animate && !e.plural
            } else {
                e.animate && !e.plural && e.gender.agrees(gender)
            }
        };
        let usable = |ev: &Event| -> bool {
            ev.token < mention.np.first
                && at
                    .exclude
                    .is_none_or(|(a, b)| ev.token < a || ev.token >= b)
                && at.sentence.saturating_sub(ev.sentence) <= PRONOUN_REACH
        };
        // The most recent speaker that fits; failing that, the most recent fitting name in
        // this or the previous sentence.
        let speaker = self
            .history
            .iter()
            .rev()
            .take(HISTORY_WINDOW)
            .filter(|ev| usable(ev) && ev.source)
            .find(|ev| fits(&self.entities[ev.entity]));
        // A subject before anyone named elsewhere in the clause ("Yet Sondland has amended his
        // testimony about Biden — "I now do recall," he said": he is Sondland).
        let near = |ev: &&Event| usable(ev) && at.sentence.saturating_sub(ev.sentence) <= 1;
        let named_subject = self
            .history
            .iter()
            .rev()
            .take(HISTORY_WINDOW)
            .filter(near)
            .find(|ev| ev.subject && fits(&self.entities[ev.entity]));
        let named = named_subject.or_else(|| {
            self.history
                .iter()
                .rev()
                .take(HISTORY_WINDOW)
                .filter(near)
                .find(|ev| fits(&self.entities[ev.entity]))
        });
        let chosen = match (speaker, named) {
            // Someone named as the subject after the last speaker spoke is who "he" is.
            (Some(s), Some(n)) if n.token > s.token && n.subject && !n.source => n.entity,
            (Some(s), _) => s.entity,
            (None, Some(n)) => n.entity,
            (None, None) => {
                // Further back: anyone who fits within reach, then a speaker who fits at any
                // distance; failing all, the pronoun stays an unidentified source.
                let anyone = self
                    .history
                    .iter()
                    .rev()
                    .take(HISTORY_WINDOW)
                    .filter(|ev| usable(ev))
                    .find(|ev| fits(&self.entities[ev.entity]));
                let far_speaker = self
                    .history
                    .iter()
                    .rev()
                    .take(HISTORY_WINDOW)
                    .filter(|ev| ev.source && ev.token < mention.np.first)
                    .find(|ev| fits(&self.entities[ev.entity]));
                match anyone.or(far_speaker) {
                    Some(ev) => ev.entity,
                    None => self.unidentified(gender, plural),
                }
            }
        };
        Some(chosen)
    }

    /// The source a pronoun names when nothing before it fits: "unidentified person",
    /// "unidentified organization", "unidentified sources".
    fn unidentified(&mut self, gender: Gender, plural: bool) -> usize {
        let (label, animate) = match (plural, gender) {
            (true, _) => ("unidentified sources", true),
            (false, Gender::Neuter) => ("unidentified organization", false),
            (false, _) => ("unidentified person", true),
        };
        let key = self.plain_key("unidentified:", label);
        self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label.to_string(), Kind::Unnamed);
            e.generic = true;
            e.animate = animate;
            e.plural = plural;
            e
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn description(
        &mut self,
        mention: &Mention,
        head: usize,
        role: u16,
        plural: bool,
        definite: bool,
        owner: Option<&Mention>,
        label: Np,
        at: At,
    ) -> Option<usize> {
        let text = self.text;
        let lex = lexicon();
        let role = &lex.roles[role as usize];
        let owner_entity = owner.and_then(|o| {
            if matches!(o.kind, MentionKind::Other) {
                None
            } else {
                self.resolve(
                    o,
                    At {
                        source: false,
                        relay: false,
                        ..at
                    },
                )
            }
        });
        // Documents speak for their owner: "The White House statement", "A Reuters report".
        if role.kind == RoleType::Document {
            if let Some(owner) = owner_entity {
                self.add_alias(owner, mention.np);
                return Some(owner);
            }
            if definite {
                // "the statement", "the report": what the last body to speak said, or failing
                // that the last one that spoke "in a statement".
                let before = |ev: &&Event| ev.source && !ev.relay && ev.token < mention.np.first;
                let found = self
                    .history
                    .iter()
                    .rev()
                    .take(HISTORY_WINDOW)
                    .filter(before)
                    .find(|ev| {
                        matches!(
                            self.entities[ev.entity].kind,
                            Kind::Organization | Kind::Outlet
                        )
                    })
                    .or_else(|| {
                        self.history
                            .iter()
                            .rev()
                            .take(HISTORY_WINDOW)
                            .filter(before)
                            .find(|ev| self.entities[ev.entity].statement)
                    });
                if let Some(ev) = found {
                    let entity = ev.entity;
                    self.add_alias(entity, mention.np);
                    return Some(entity);
                }
            }
        }
        // A definite description refers back: "the adviser", "the agency", "the ministry".
        if definite
            && owner.is_none_or(|o| matches!(o.kind, MentionKind::Pronoun { .. }))
            && !plural
        {
            let modifiers: Vec<String> = (label.first..head)
                .filter(|&i| {
                    text.tokens[i].info.is(Class::NATIONALITY) || text.tokens[i].is_cap_word()
                })
                .map(|i| text.word(i).to_lowercase())
                .collect();
            let head_word = text.word(head).to_lowercase();
            // The cheap tests of kind come first: the words of the entity are only searched when
            // they decide.
            let compatible = |e: &EntityBuild| -> bool {
                let role_match =
                    || role.refers.iter().any(|r| e.has_word(r)) || e.has_word(&head_word);
                let bare_name = e.kind == Kind::Person && e.name_words.len() == 1 && !e.personal;
                let kind_match = match role.kind {
                    RoleType::Person => e.animate,
                    RoleType::Org if bare_name => true,
                    RoleType::Org => {
                        e.kind == Kind::Organization
                            || role.singular == "agency"
                                && e.outlet_kind == Some(OutletKind::Agency)
                    }
                    RoleType::Outlet => {
                        e.kind == Kind::Outlet
                            && match role.singular.as_str() {
                                "newspaper" | "paper" | "daily" | "weekly" | "tabloid" => {
                                    e.outlet_kind.is_none_or(|k| k == OutletKind::Newspaper)
                                }
                                "broadcaster" | "network" | "channel" | "station"
                                | "television" | "radio" => {
                                    e.outlet_kind.is_none_or(|k| k == OutletKind::Broadcaster)
                                }
                                _ => true,
                            }
                    }
                    _ => false,
                };
                let agency_any = || {
                    role.singular == "agency"
                        && (e.outlet_kind == Some(OutletKind::Agency)
                            || e.kind == Kind::Organization
                                && e.all_words().any(|w| {
                                    matches!(
                                        w.as_str(),
                                        "ministry" | "agency" | "department" | "service" | "office"
                                    )
                                }))
                };
                let outlet_any = role.kind == RoleType::Outlet;
                (kind_match && (outlet_any || role_match()) || agency_any())
                    && modifiers.iter().all(|m| e.has_word(m))
            };
            // An entity fits or not wherever it was mentioned: each is tested once, at its most
            // recent mention.
            let mut tested = vec![false; self.entities.len()];
            let found = self
                .history
                .iter()
                .rev()
                .take(HISTORY_WINDOW)
                .filter(|ev| {
                    ev.token < mention.np.first
                        && at
                            .exclude
                            .is_none_or(|(a, b)| ev.token < a || ev.token >= b)
                })
                .map(|ev| ev.entity)
                .find(|&i| {
                    !std::mem::replace(&mut tested[i], true) && compatible(&self.entities[i])
                });
            if let Some(entity) = found {
                // "Qantas ... the airline announced": a bare name is an organization after all.
                let e = &mut self.entities[entity];
                if role.kind == RoleType::Org && e.kind == Kind::Person {
                    e.kind = Kind::Organization;
                    e.animate = false;
                }
                self.add_alias(entity, mention.np);
                return Some(entity);
            }
        }
        // Otherwise a source of its own, named by its words.
        let mut label_text = self.words(label);
        if let Some(o) = owner {
            let named_owner = matches!(
                o.kind,
                MentionKind::Known { .. }
                    | MentionKind::Organization { .. }
                    | MentionKind::Outlet { .. }
            );
            if named_owner {
                // "the Kremlin's press service" → "Kremlin press service".
                label_text = label_text.replace("'s ", " ").replace("’s ", " ");
            }
        }
        let kind = match role.kind {
            RoleType::Person if plural && owner_entity.is_some() => Kind::Group,
            RoleType::Person | RoleType::Media | RoleType::Document => Kind::Unnamed,
            RoleType::Org => Kind::Organization,
            RoleType::Outlet => Kind::Outlet,
        };
        let key = self.slug_key("desc:", &label_text);
        let animate = role.kind == RoleType::Person;
        let gender = match role.gender {
            'm' => Gender::Male,
            'f' => Gender::Female,
            _ => Gender::Unknown,
        };
        let named_owner = owner_entity.is_some_and(|o| {
            let e = &self.entities[o];
            !e.generic
                && matches!(
                    e.kind,
                    Kind::Person | Kind::Organization | Kind::Outlet | Kind::Group
                )
        });
        let generic = kind == Kind::Unnamed || !named_owner;
        let entity = self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label_text, kind);
            e.plural = plural || role.kind == RoleType::Media;
            e.animate = animate;
            e.gender = gender;
            e.generic = generic;
            e
        });
        self.add_alias(entity, mention.np);
        Some(entity)
    }

    /// Entity `i` as the model's type, with its final id. Its label, aliases and titles are
    /// moved out, not copied: only its id (kept) may be asked for afterwards.
    pub fn take_entity(&mut self, i: usize) -> Entity {
        let id = self.id(i);
        let label = std::mem::take(&mut self.entities[i].label);
        // Its aliases sorted, each once, without the empty one or its label.
        let mut titles = std::mem::take(&mut self.entities[i].titles);
        titles.sort_unstable();
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
}

/// The people of the chain of `links` that starts at `first`.
fn person_links(links: &[PersonLink], first: usize) -> impl Iterator<Item = usize> + '_ {
    let mut next = first;
    std::iter::from_fn(move || {
        let link = links.get(next)?;
        next = link.next;
        Some(link.person)
    })
}

/// Names mentioned anywhere in the text (people, outlets, organizations), as mentions with
/// their sentence, for coreference: "Sondland" later resolves to "Gordon Sondland".
pub fn name_mentions(text: &Text) -> Vec<(Np, usize)> {
    // About one name every ten tokens in news text.
    let mut out = Vec::with_capacity(text.tokens.len() / 10);
    for (si, s) in text.sentences.iter().enumerate() {
        let mut i = s.start;
        while i < s.end {
            let t = &text.tokens[i];
            if !t.is_cap_word() || t.info.is(Class::STARTER) && !t.info.is(Class::GIVEN) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < s.end {
                if text.tokens[j + 1].is_cap_word() {
                    j += 1;
                    continue;
                }
                // Else only a word between capitalized words continues the name: "of"
                // ("Secretary of State Madeleine Albright") or the dot of an abbreviation.
                if !(j + 2 < s.end && text.tokens[j + 2].is_cap_word()) {
                    break;
                }
                let between = text.word(j + 1);
                let continues = between == "of"
                    || between == "."
                        && (text.tokens[j].has(TokenFlags::INITIAL)
                            || lexicon().abbreviation(text.word(j)).is_some());
                if !continues {
                    break;
                }
                j += 1;
            }
            out.push((Np { first: i, last: j }, si));
            i = j + 1;
        }
    }
    out
}

#[cfg(test)]
mod pronoun_tests {
    use crate::analyze::{DocumentInput, analyze};

    fn sources(body: &str) -> Vec<String> {
        let text = format!("Headline\n\n{body}\n");
        analyze(&DocumentInput::new("t", &text))
            .attributions
            .iter()
            .map(|a| a.hops[0].node.clone())
            .collect()
    }

    #[test]
    fn a_pronoun_prefers_the_subject_to_a_later_name() {
        assert_eq!(
            sources(
                "Gordon Sondland met investigators about Joe Biden. Yet Sondland has amended his \
                 account of Joe Biden once — \"I now do recall,\" he said."
            ),
            ["gordon-sondland"]
        );
    }
}
