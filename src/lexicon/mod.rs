//! The lexicons: word lists kept as data files under `data/`, parsed once into lookup tables.
//!
//! Every word of the text is looked up once (lower-cased) by the tokenizer, which stores the
//! [`WordInfo`] in the token; names of outlets, organizations and countries are matched as
//! token sequences, case-sensitively, through [`Lexicon::names_at`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::Relation;

mod table;

bitflags::bitflags! {
    /// Word classes, as bits of [`WordInfo::flags`]. The data files name them in lower case
    /// (`det`, `pron`, ...); see the header of each file for what they mean.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Class: u64 {
        const DET = 1 << 0;
        const POSS = 1 << 1;
        const PRON = 1 << 2;
        const OBJ = 1 << 3;
        const REL = 1 << 4;
        const PREP = 1 << 5;
        const NPPREP = 1 << 6;
        const CONJ = 1 << 7;
        const SUB = 1 << 8;
        const AUX = 1 << 9;
        const ADV = 1 << 10;
        const NEG = 1 << 11;
        const TIME = 1 << 12;
        const MONTH = 1 << 13;
        const STARTER = 1 << 14;
        const TITLE = 1 << 15;
        const MASC = 1 << 16;
        const FEM = 1 << 17;
        const NEUT = 1 << 18;
        const PLURAL = 1 << 19;
        const GIVEN_M = 1 << 20;
        const GIVEN_F = 1 << 21;
        const GIVEN_U = 1 << 22;
        const NATIONALITY = 1 << 23;
        const ROLE = 1 << 24;
        const ROLE_PLURAL = 1 << 25;
        const VERB = 1 << 26;
        /// A word some rule starts from besides the reporting verbs ("according", "via").
        const TRIGGER = 1 << 27;
        /// Some known name (outlet, organization, country) starts with this word, in some case.
        const NAME_START = 1 << 28;
        /// A capitalized word that makes a name an outlet's ("Times", "Radio"), in some case.
        const OUTLET_WORD = 1 << 29;
        const GIVEN = Self::GIVEN_M.bits() | Self::GIVEN_F.bits() | Self::GIVEN_U.bits();
    }
}

/// What the lexicon knows about one (lower-cased) word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub flags: Class,
    /// Index into [`Lexicon::verb_forms`] + 1, or 0.
    pub verb_forms: u16,
    /// Index into [`Lexicon::roles`] + 1, or 0.
    pub role: u16,
    /// Index into [`Lexicon::countries`] + 1, or 0 (for nationality adjectives).
    pub country: u16,
}

impl WordInfo {
    /// Is the word of any of these classes?
    pub fn is(&self, class: Class) -> bool {
        self.flags.intersects(class)
    }
}

bitflags::bitflags! {
    /// Grammatical forms of a verb occurrence.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct Form: u8 {
        const BASE = 1;
        const THIRD = 2;
        const PAST = 4;
        const PARTICIPLE = 8;
        const GERUND = 16;
    }
}

bitflags::bitflags! {
    /// Flags of a reporting verb (see `data/reporting_verbs.tsv`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct VerbFlags: u16 {
        const SPEECH = 1;
        const POSTPOSE = 2;
        const OBJECT = 4;
        const NOUN = 8;
        const WEAK = 16;
        const RELAY = 32;
        const POSTONLY = 64;
        const THAT = 128;
        /// The object after it names who was spoken to ("told reporters").
        const RECIPIENT = 256;
    }
}

#[derive(Clone, Debug)]
pub struct Verb {
    pub lemma: String,
    /// The particle of a phrasal verb ("out" in "point out").
    pub particle: Option<String>,
    pub relation: Relation,
    pub flags: VerbFlags,
}

impl Verb {
    pub fn has(&self, flag: VerbFlags) -> bool {
        self.flags.intersects(flag)
    }

    /// The object after it names who was spoken to ("told reporters").
    pub fn takes_recipient(&self) -> bool {
        self.has(VerbFlags::RECIPIENT)
    }
}

/// One reading of a word as a reporting verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbForm {
    pub verb: u16,
    pub forms: Form,
}

/// What kind of thing a role noun names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleType {
    Person,
    Org,
    Outlet,
    Document,
    Media,
}

#[derive(Clone, Debug)]
pub struct Role {
    pub singular: String,
    pub plural: String,
    pub kind: RoleType,
    /// 'm', 'f', 'u' or 'n'.
    pub gender: char,
    /// Title words a definite description with this noun may resolve to.
    pub refers: Vec<String>,
}

/// What sort of outlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutletKind {
    Agency,
    Newspaper,
    Broadcaster,
    Magazine,
    Online,
}

#[derive(Clone, Debug)]
pub struct Outlet {
    pub id: String,
    pub label: String,
    pub kind: OutletKind,
    pub country: String,
}

#[derive(Clone, Debug)]
pub struct Org {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug)]
pub struct Country {
    pub name: String,
    pub adjective: String,
}

/// What a known name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameTarget {
    Outlet(u16),
    Org(u16),
    Country(u16),
}

/// A known name as a token sequence.
#[derive(Clone, Debug)]
pub struct NameEntry {
    pub tokens: Vec<String>,
    pub target: NameTarget,
    /// A short form ("Times") that only counts once the full name was mentioned.
    pub short: bool,
}

/// How an abbreviation with a final period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbreviation {
    /// Stands before a name: never ends a sentence.
    Title,
    /// A month: ends no sentence before a number.
    Month,
    /// May end a sentence.
    Other,
}

pub struct Lexicon {
    words: FxHashMap<String, WordInfo>,
    /// `words`, frozen for fast lookups.
    table: table::WordTable,
    pub verbs: Vec<Verb>,
    verb_forms: Vec<Vec<VerbForm>>,
    pub roles: Vec<Role>,
    pub outlets: Vec<Outlet>,
    pub orgs: Vec<Org>,
    pub countries: Vec<Country>,
    names: FxHashMap<String, Vec<NameEntry>>,
    abbreviations: FxHashMap<String, Abbreviation>,
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON
        .get_or_init(|| Lexicon::parse(&Sources::BUILT_IN).expect("built-in lexicon data is valid"))
}

/// The data files' texts.
pub struct Sources<'a> {
    pub function_words: &'a str,
    pub abbreviations: &'a str,
    pub reporting_verbs: &'a str,
    pub roles: &'a str,
    pub titles: &'a str,
    pub outlets: &'a str,
    pub organizations: &'a str,
    pub nationalities: &'a str,
    pub given_names: &'a str,
}

impl Sources<'static> {
    pub const BUILT_IN: Sources<'static> = Sources {
        function_words: include_str!("data/function_words.tsv"),
        abbreviations: include_str!("data/abbreviations.tsv"),
        reporting_verbs: include_str!("data/reporting_verbs.tsv"),
        roles: include_str!("data/roles.tsv"),
        titles: include_str!("data/titles.txt"),
        outlets: include_str!("data/outlets.tsv"),
        organizations: include_str!("data/organizations.tsv"),
        nationalities: include_str!("data/nationalities.tsv"),
        given_names: include_str!("data/given_names.tsv"),
    };
}

/// The class a data file names in lower case: `det` is [`Class::DET`]. Classes made from other
/// files (given names, roles, verbs, known names) cannot be named.
fn class_named(name: &str) -> Option<Class> {
    let class = Class::from_name(&name.to_ascii_uppercase())?;
    let derived = Class::GIVEN
        | Class::ROLE
        | Class::ROLE_PLURAL
        | Class::VERB
        | Class::NATIONALITY
        | Class::NAME_START
        | Class::OUTLET_WORD
        | Class::TITLE;
    (!class.intersects(derived)).then_some(class)
}

/// Data lines: not empty, not comments, split on tabs.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(i, line)| (i + 1, line.split('\t').collect()))
}

fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Splits a name into the tokens the tokenizer would make of it.
pub fn name_tokens(name: &str) -> Vec<String> {
    crate::scan::spans(name)
        .into_iter()
        .map(|(s, e)| name[s..e].to_string())
        .collect()
}

impl Lexicon {
    /// Parses the data files. Errors name the file and line.
    pub fn parse(src: &Sources) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            words: FxHashMap::default(),
            table: table::WordTable::new([]),
            verbs: Vec::new(),
            verb_forms: Vec::new(),
            roles: Vec::new(),
            outlets: Vec::new(),
            orgs: Vec::new(),
            countries: Vec::new(),
            names: FxHashMap::default(),
            abbreviations: FxHashMap::default(),
        };

        for (line, cols) in rows(src.function_words) {
            let [word, classes] = cols[..] else {
                return Err(format!("function_words.tsv:{line}: expected 2 columns"));
            };
            let mut flags = Class::empty();
            for class in classes.split(',') {
                flags |= class_named(class)
                    .ok_or_else(|| format!("function_words.tsv:{line}: unknown class {class:?}"))?;
            }
            lex.entry(word).flags |= flags;
        }

        for (line, cols) in rows(src.abbreviations) {
            let [word, kind] = cols[..] else {
                return Err(format!("abbreviations.tsv:{line}: expected 2 columns"));
            };
            let kind = match kind {
                "title" => Abbreviation::Title,
                "month" => Abbreviation::Month,
                "other" => Abbreviation::Other,
                other => return Err(format!("abbreviations.tsv:{line}: unknown kind {other:?}")),
            };
            if lex.abbreviations.insert(word.to_string(), kind).is_some() {
                return Err(format!("abbreviations.tsv:{line}: duplicate {word:?}"));
            }
        }

        for (line, cols) in rows(src.reporting_verbs) {
            let [
                lemma,
                base,
                third,
                past,
                participle,
                gerund,
                relation,
                flags,
            ] = cols[..]
            else {
                return Err(format!("reporting_verbs.tsv:{line}: expected 8 columns"));
            };
            let relation = match relation {
                "said" => Relation::Said,
                "reported" => Relation::Reported,
                "quoted" => Relation::Quoted,
                "cited" => Relation::Cited,
                "interview" => Relation::Interview,
                other => {
                    return Err(format!(
                        "reporting_verbs.tsv:{line}: unknown relation {other:?}"
                    ));
                }
            };
            let mut bits = VerbFlags::empty();
            for flag in flags.split(',').filter(|f| !f.is_empty()) {
                bits |= VerbFlags::from_name(&flag.to_ascii_uppercase())
                    .ok_or_else(|| format!("reporting_verbs.tsv:{line}: unknown flag {flag:?}"))?;
            }
            let particle = lemma.split_once(' ').map(|(_, p)| p.to_string());
            if lex.verbs.iter().any(|v| v.lemma == lemma) {
                return Err(format!(
                    "reporting_verbs.tsv:{line}: duplicate verb {lemma:?}"
                ));
            }
            let id = lex.verbs.len() as u16;
            lex.verbs.push(Verb {
                lemma: lemma.to_string(),
                particle: particle.clone(),
                relation,
                flags: bits,
            });
            for (text, form) in [
                (base, Form::BASE),
                (third, Form::THIRD),
                (past, Form::PAST),
                (participle, Form::PARTICIPLE),
                (gerund, Form::GERUND),
            ] {
                let head = text.split(' ').next().unwrap_or(text);
                if let Some(p) = &particle
                    && !text.ends_with(&format!(" {p}"))
                {
                    return Err(format!(
                        "reporting_verbs.tsv:{line}: {text:?} lacks the particle {p:?}"
                    ));
                }
                lex.add_verb_form(head, id, form);
            }
        }

        for (line, cols) in rows(src.roles) {
            let [singular, plural, kind, gender, refers] = cols[..] else {
                return Err(format!("roles.tsv:{line}: expected 5 columns"));
            };
            let kind = match kind {
                "person" => RoleType::Person,
                "org" => RoleType::Org,
                "outlet" => RoleType::Outlet,
                "document" => RoleType::Document,
                "media" => RoleType::Media,
                other => return Err(format!("roles.tsv:{line}: unknown type {other:?}")),
            };
            let gender = match gender {
                "m" | "f" | "u" | "n" => gender.chars().next().unwrap_or('u'),
                other => return Err(format!("roles.tsv:{line}: unknown gender {other:?}")),
            };
            let mut refers: Vec<String> = split_list(refers).map(String::from).collect();
            if refers.is_empty() {
                refers.push(singular.to_string());
            }
            if lex.words.get(singular).is_some_and(|w| w.role != 0) {
                return Err(format!("roles.tsv:{line}: duplicate role {singular:?}"));
            }
            let id = lex.roles.len() as u16 + 1;
            lex.roles.push(Role {
                singular: singular.into(),
                plural: plural.into(),
                kind,
                gender,
                refers,
            });
            let entry = lex.entry(singular);
            entry.role = id;
            entry.flags |= Class::ROLE;
            if plural != singular {
                let entry = lex.entry(plural);
                if entry.role == 0 {
                    entry.role = id;
                    entry.flags |= Class::ROLE | Class::ROLE_PLURAL;
                }
            }
        }

        for (_, cols) in rows(src.titles) {
            lex.entry(cols[0].trim()).flags |= Class::TITLE;
        }

        for (line, cols) in rows(src.outlets) {
            let [id, label, kind, country, aliases, short] = cols[..] else {
                return Err(format!("outlets.tsv:{line}: expected 6 columns"));
            };
            let kind = match kind {
                "agency" => OutletKind::Agency,
                "newspaper" => OutletKind::Newspaper,
                "broadcaster" => OutletKind::Broadcaster,
                "magazine" => OutletKind::Magazine,
                "online" => OutletKind::Online,
                other => return Err(format!("outlets.tsv:{line}: unknown kind {other:?}")),
            };
            let target = NameTarget::Outlet(lex.outlets.len() as u16);
            lex.outlets.push(Outlet {
                id: id.into(),
                label: label.into(),
                kind,
                country: country.into(),
            });
            lex.add_name(label, target, false);
            for alias in split_list(aliases) {
                lex.add_name(alias, target, false);
            }
            for alias in split_list(short) {
                lex.add_name(alias, target, true);
            }
        }

        for (line, cols) in rows(src.organizations) {
            let [id, label, aliases] = cols[..] else {
                return Err(format!("organizations.tsv:{line}: expected 3 columns"));
            };
            let target = NameTarget::Org(lex.orgs.len() as u16);
            lex.orgs.push(Org {
                id: id.into(),
                label: label.into(),
            });
            lex.add_name(label, target, false);
            for alias in split_list(aliases) {
                lex.add_name(alias, target, false);
            }
        }

        for (line, cols) in rows(src.nationalities) {
            let [adjective, country, aliases] = cols[..] else {
                return Err(format!("nationalities.tsv:{line}: expected 3 columns"));
            };
            // Countries with two adjectives ("Congolese", "Congo-Brazzaville"...) have a row each.
            let index = match lex.countries.iter().position(|c| c.name == country) {
                Some(i) => i as u16,
                None => {
                    lex.countries.push(Country {
                        name: country.into(),
                        adjective: adjective.into(),
                    });
                    lex.countries.len() as u16 - 1
                }
            };
            let known_country = lex
                .names_starting(name_tokens(country).first().map_or("", |s| s.as_str()))
                .iter()
                .any(|e| e.target == NameTarget::Country(index));
            let entry = lex.entry(&adjective.to_lowercase());
            entry.flags |= Class::NATIONALITY;
            entry.country = index + 1;
            let target = NameTarget::Country(index);
            if known_country {
                continue;
            }
            lex.add_name(country, target, false);
            for alias in split_list(aliases) {
                lex.add_name(alias, target, false);
                if !alias.contains(' ') {
                    // "US President", "U.S. officials": a country name used as an adjective.
                    let entry = lex.entry(&alias.to_lowercase());
                    let function_word =
                        entry.is(Class::PRON | Class::OBJ | Class::DET | Class::PREP | Class::AUX);
                    if entry.country == 0 && !function_word {
                        entry.flags |= Class::NATIONALITY;
                        entry.country = index + 1;
                    }
                }
            }
        }

        for (line, cols) in rows(src.given_names) {
            let [name, gender] = cols[..] else {
                return Err(format!("given_names.tsv:{line}: expected 2 columns"));
            };
            let bit = match gender {
                "m" => Class::GIVEN_M,
                "f" => Class::GIVEN_F,
                "u" => Class::GIVEN_U,
                other => return Err(format!("given_names.tsv:{line}: unknown gender {other:?}")),
            };
            lex.entry(&name.to_lowercase()).flags |= bit;
        }
        for word in crate::mention::OUTLET_NAME_WORDS {
            lex.entry(&word.to_lowercase()).flags |= Class::OUTLET_WORD;
        }
        lex.table = table::WordTable::new(lex.words.iter().map(|(w, info)| (w.as_str(), *info)));
        Ok(lex)
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.words.entry(word.to_string()).or_default()
    }

    fn add_verb_form(&mut self, word: &str, verb: u16, forms: Form) {
        let index = {
            let entry = self.entry(word);
            entry.flags |= Class::VERB;
            entry.verb_forms
        };
        let index = if index == 0 {
            self.verb_forms.push(Vec::new());
            let i = self.verb_forms.len() as u16;
            self.entry(word).verb_forms = i;
            i
        } else {
            index
        };
        let list = &mut self.verb_forms[index as usize - 1];
        match list.iter_mut().find(|f| f.verb == verb) {
            Some(existing) => existing.forms |= forms,
            None => list.push(VerbForm { verb, forms }),
        }
    }

    fn add_name(&mut self, name: &str, target: NameTarget, short: bool) {
        let tokens = name_tokens(name);
        let Some(first) = tokens.first().cloned() else {
            return;
        };
        // Looked up as the tokenizer does: lower case, without a final period ("U.S.").
        let key = first.to_lowercase();
        self.entry(key.strip_suffix('.').unwrap_or(&key)).flags |= Class::NAME_START;
        self.names.entry(first).or_default().push(NameEntry {
            tokens,
            target,
            short,
        });
    }

    /// Looks a word up, lower-casing it into `buf`.
    pub fn word(&self, word: &str, buf: &mut String) -> WordInfo {
        self.table.get(word, buf)
    }

    /// Looks the word `text[start..end]` up: the same as `word(&text[start..end])`, faster.
    #[inline]
    pub fn word_in(&self, text: &str, start: usize, end: usize, buf: &mut String) -> WordInfo {
        self.table.get_in(text, start, end, buf)
    }

    /// Looks up `text[start..end]`, a word of ASCII letters and digits only.
    #[inline]
    pub fn plain_word_in(&self, text: &str, start: usize, end: usize) -> WordInfo {
        self.table.get_plain(text, start, end)
    }

    pub fn verb_forms(&self, info: WordInfo) -> &[VerbForm] {
        match info.verb_forms {
            0 => &[],
            i => &self.verb_forms[i as usize - 1],
        }
    }

    pub fn role(&self, info: WordInfo) -> Option<&Role> {
        match info.role {
            0 => None,
            i => self.roles.get(i as usize - 1),
        }
    }

    pub fn country(&self, info: WordInfo) -> Option<&Country> {
        match info.country {
            0 => None,
            i => self.countries.get(i as usize - 1),
        }
    }

    /// Known names whose first token is `first` (exact case).
    pub fn names_starting(&self, first: &str) -> &[NameEntry] {
        self.names.get(first).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        self.abbreviations.get(word).copied()
    }

    pub fn verb(&self, id: u16) -> &Verb {
        &self.verbs[id as usize]
    }

    pub fn outlet(&self, id: u16) -> &Outlet {
        &self.outlets[id as usize]
    }

    pub fn org(&self, id: u16) -> &Org {
        &self.orgs[id as usize]
    }

    /// Every name with its target, for consistency checks.
    pub fn all_names(&self) -> impl Iterator<Item = &NameEntry> {
        self.names.values().flatten()
    }
}

#[cfg(test)]
mod tests;
