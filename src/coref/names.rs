//! Named sources: people by full name, surname or given name; outlets, organizations and
//! countries of the lexicon; outlets and organizations by their shape, with acronyms ("Federal
//! Aviation Administration ... the FAA"); groups and unnamed sources by their words. And the
//! names of the whole text ([`name_mentions`]), which coreference notes besides the sources.

use crate::lexicon::{Class, NameTarget, lexicon};
use crate::mention::{Gender, opens_as_non_name, slug};
use crate::model::Kind;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{Token, TokenFlags, TokenKind};

use super::{Coref, EntityBuild, HISTORY_WINDOW};

/// The people indexed under one word: the first and last of their links in
/// `Coref::person_links` (`NO_LINK` when there are none).
#[derive(Clone, Copy, Debug)]
pub(super) struct PersonList {
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
pub(super) struct PersonLink {
    person: usize,
    next: usize,
}

const NO_LINK: usize = usize::MAX;

/// The people of the chain of `links` that starts at `first`.
fn person_links(links: &[PersonLink], first: usize) -> impl Iterator<Item = usize> + Clone + '_ {
    let mut next = first;
    std::iter::from_fn(move || {
        let link = links.get(next)?;
        next = link.next;
        Some(link.person)
    })
}

/// The words of a person's name, as written (without its punctuation).
fn name_words<'t>(text: &'t Text, name: TokenRange) -> impl Iterator<Item = &'t str> + Clone {
    name.indices()
        .filter(|&i| text.tokens[i].kind == TokenKind::Word)
        .map(|i| text.word(i))
}

impl<'t> Coref<'t, '_> {
    /// A person named with or without a title ("US National Security Adviser Jake
    /// Sullivan"): a full name, a title or a given name makes the entity a person for sure.
    pub(super) fn named_person(
        &mut self,
        name: TokenRange,
        title: Option<TokenRange>,
        gender: Gender,
    ) -> usize {
        if title.is_none() && self.is_unclaimed_place(name) {
            return self.organization(name);
        }
        let entity = self.person(name, gender);
        let text = self.text;
        if title.is_some() || name.len() > 1 || text.tokens[name.start].info.is(Class::GIVEN) {
            self.entities[entity].personal = true;
        }
        if let Some(title) = title {
            let title = self.words(title);
            let e = &mut self.entities[entity];
            e.add_words(&title);
            e.add_title(title);
        }
        entity
    }

    /// Is the name a place of the gazetteer that names no one of the document: not led by a
    /// given name ("Victoria"), not a person's name seen before ("Joaquin Phoenix ...
    /// Phoenix"), nor one of its words? A place that speaks is its government or its people,
    /// an organization ("Lagos said", "Capitol Hill"), and no "he" or "she" refers to it.
    fn is_unclaimed_place(&self, name: TokenRange) -> bool {
        let text = self.text;
        if text.tokens[name.start].info.is(Class::GIVEN)
            || !lexicon().is_place(name.indices().map(|i| text.word(i)))
        {
            return false;
        }
        let label = self.words_cow(name);
        let claimed = self.persons.contains_key(label.as_ref())
            || name_words(text, name).any(|w| self.persons_with_word(w).next().is_some());
        !claimed
    }

    /// The person a bare word that is also a known name refers to: a word of the name of a
    /// person named before ("Jane Post ... Post said" is no Washington Post, "Michael Jordan
    /// ... Jordan said" no country). With a determiner it stays the known name ("the Post").
    pub(super) fn person_of_bare_word(&self, np: TokenRange, name: TokenRange) -> Option<usize> {
        if np != name || name.len() != 1 {
            return None;
        }
        self.person_by_word(self.text.word(name.start))
            .filter(|&i| self.entities[i].kind == Kind::Person)
    }

    /// The person of a name: one of that full name, the surname-only person a full name
    /// completes, the person named in full before that a surname refers to, a known outlet or
    /// organization of that one word ("Reuters"), or else a new person.
    fn person(&mut self, name: TokenRange, gender: Gender) -> usize {
        let words = name_words(self.text, name);
        let mut word_count = 0;
        let mut surname: &'t str = "";
        for w in words.clone() {
            self.word_persons.entry(w).or_insert(PersonList::EMPTY);
            word_count += 1;
            surname = w;
        }
        let label = self.words_cow(name);
        if let Some(&i) = self.persons.get(label.as_ref()) {
            return i;
        }
        let found = match word_count >= 2 {
            true => self.complete_surname_person(surname, name, gender),
            false => self
                .person_by_word(surname)
                .or_else(|| self.by_label.get(surname).copied()),
        };
        if let Some(i) = found {
            return i;
        }
        let mut entity = EntityBuild::new(label.clone().into_owned(), Kind::Person);
        entity.name_words = words.collect();
        entity.gender = gender;
        let i = self.entities.len();
        self.entities.push(entity);
        self.persons.insert(label, i);
        self.index_name_words(i);
        i
    }

    /// A person seen by surname only before ("Sullivan ... Jake Sullivan"), who becomes the
    /// person of the full name `name`.
    fn complete_surname_person(
        &mut self,
        surname: &str,
        name: TokenRange,
        gender: Gender,
    ) -> Option<usize> {
        let i = self.persons_with_word(surname).find(|&i| {
            let e = &self.entities[i];
            e.kind == Kind::Person && e.name_words.len() == 1 && e.name_words[0] == surname
        })?;
        let label = self.words_cow(name);
        let e = &mut self.entities[i];
        e.rename(label.clone().into_owned());
        e.name_words = name_words(self.text, name).collect();
        e.add_words(&label);
        if gender != Gender::Unknown {
            e.gender = gender;
        }
        self.persons.insert(label, i);
        self.index_name_words(i);
        Some(i)
    }

    /// A surname (or a first name) of someone named in full before, most recent first: of the
    /// people with that word in their names, the one last mentioned as a subject or a source
    /// within the history window, else the one mentioned last there (every person whose name
    /// has the word is listed under it): "Seddique Mateen met reporters and called the
    /// massacre by his son, Omar Mateen, ... Mateen said" is the father. Failing that, the
    /// first person indexed under the word.
    fn person_by_word(&self, word: &str) -> Option<usize> {
        let window_start = self.history.len().saturating_sub(HISTORY_WINDOW);
        let within = |at: Option<usize>| at.filter(|&at| at >= window_start);
        // The people of the word, looked up once for both passes.
        let mut people = self.persons_with_word(word);
        let by_history = people
            .clone()
            .filter(|&i| {
                let e = &self.entities[i];
                e.kind == Kind::Person && e.name_words.len() >= 2 && e.name_words.contains(&word)
            })
            .filter_map(|i| {
                let e = &self.entities[i];
                let at = within(e.last_event)?;
                Some((within(e.last_subject), at, i))
            })
            .max()
            .map(|(_, _, i)| i);
        by_history.or_else(|| people.find(|&i| self.entities[i].kind == Kind::Person))
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
    fn persons_with_word(&self, word: &str) -> impl Iterator<Item = usize> + Clone + '_ {
        let first = self
            .word_persons
            .get(word)
            .map_or(NO_LINK, |list| list.first);
        person_links(&self.person_links, first)
    }

    /// An outlet, organization or country of the lexicon, under its fixed id.
    pub(super) fn known(&mut self, target: NameTarget) -> usize {
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
            if let Some(kind) = outlet_kind {
                e.set_outlet_kind(kind);
            }
            e
        });
        self.known.insert(target, entity);
        entity
    }

    /// An outlet the lexicon does not know, by its name ("the Haaretz daily").
    pub(super) fn outlet(&mut self, name: TokenRange) -> usize {
        let label = self.words(name);
        let key = self.slug_key("outlet:", &label);
        self.entity_for_key(key, || EntityBuild::new(label, Kind::Outlet))
    }

    /// An organization by its name: the one of that name, the one an acronym stands for
    /// ("FAA" after "Federal Aviation Administration"), the one seen as the acronym of a full
    /// name (which it is renamed to), or a new one.
    pub(super) fn organization(&mut self, name: TokenRange) -> usize {
        let label = self.words_cow(name);
        let key = self.slug_key("org:", &label);
        if let Some(&i) = self.by_key.get(key.as_str()) {
            self.return_key(key);
            return i;
        }
        // The acronym of a name of several words ("FAA"), made once.
        let short = label.contains(' ').then(|| acronym(&label));
        let found = match &short {
            None => self.by_acronym.get(label.as_ref()).copied(),
            Some(short) => self
                .by_label
                .get(short.as_str())
                .copied()
                .filter(|&i| self.entities[i].kind == Kind::Organization),
        };
        if let Some(i) = found {
            if short.is_some() {
                self.entities[i].rename(label.into_owned());
            }
            self.by_key.insert(key.as_str().to_owned(), i);
            self.return_key(key);
            return i;
        }
        if let Some(short) = short.filter(|short| short.chars().count() >= 2) {
            let next = self.entities.len();
            self.by_acronym.entry(short).or_insert(next);
        }
        let next = self.entities.len();
        if let Some(stem) = self.company_stem(name) {
            self.by_label.entry(stem).or_insert(next);
        }
        self.entity_for_key(key, || {
            EntityBuild::new(label.into_owned(), Kind::Organization)
        })
    }

    /// A company's name without the word that ends it, by which it is named again: "Savin" of
    /// "Savin Corp.", "Unisys" of "Unisys Corp".
    fn company_stem(&self, name: TokenRange) -> Option<String> {
        let text = self.text;
        let mut last = name.last();
        if text.word(last) == "." && last > name.start {
            last -= 1;
        }
        let t = &text.tokens[last];
        let company = t.info.is(Class::COMPANY_WORD)
            && lexicon().spelled(Class::COMPANY_WORD, text.word(last).trim_end_matches('.'));
        (company && last > name.start).then(|| self.words(TokenRange::new(name.start, last)))
    }

    /// A coordination of sources ("the Americans and their NATO allies"), by its words.
    pub(super) fn group(&mut self, label: TokenRange) -> usize {
        let label = self.words(label);
        let key = self.slug_key("group:", &label);
        self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label, Kind::Group);
            e.plural = true;
            e.animate = true;
            e
        })
    }

    /// An unnamed source ("46 percent", "respondents"): generic, by its words.
    pub(super) fn unnamed(&mut self, label: TokenRange, plural: bool) -> usize {
        let label = self.words(label);
        let key = self.slug_key("unnamed:", &label);
        self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label, Kind::Unnamed);
            e.plural = plural;
            e.animate = true;
            e.generic = true;
            e
        })
    }
}

/// The acronym of a name: the initials of its capitalized words ("Federal Aviation
/// Administration" → "FAA").
fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Names mentioned anywhere in the text (people, outlets, organizations), as mentions with
/// their sentence, for coreference: "Sondland" later resolves to "Gordon Sondland".
pub(crate) fn name_mentions(text: &Text) -> Vec<(TokenRange, usize)> {
    // About one name every ten tokens in news text.
    let mut out = Vec::with_capacity(text.tokens.len() / 10);
    for (si, s) in text.sentences.iter().enumerate() {
        let mut i = s.start;
        // Most tokens are no capitalized word: a tight scan goes from one to the next.
        while let Some(skip) = text.tokens[i..s.end].iter().position(Token::is_cap_word) {
            i += skip;
            let t = &text.tokens[i];
            if t.info.is(Class::STARTER) && !t.info.is(Class::GIVEN) || opens_as_non_name(text, i) {
                i += 1;
                continue;
            }
            let last = name_end(text, i, s.end);
            out.push((TokenRange::new(i, last + 1), si));
            i = last + 1;
        }
    }
    out
}

/// The last token of the name that starts at capitalized token `first`, in a sentence that
/// ends before `end`: capitalized words, joined by "of" ("Secretary of State Madeleine
/// Albright") or the dot of an abbreviation or initial.
fn name_end(text: &Text, first: usize, end: usize) -> usize {
    let mut j = first;
    while j + 1 < end {
        if text.tokens[j + 1].is_cap_word() {
            j += 1;
            continue;
        }
        // Else only a word between capitalized words continues the name.
        if !(j + 2 < end && text.tokens[j + 2].is_cap_word()) {
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
    j
}
