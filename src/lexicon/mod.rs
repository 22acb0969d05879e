//! The lexicons: word lists kept as data files under `data/`, parsed once into lookup tables.
//!
//! Every word of the text is looked up once (lower-cased) by the tokenizer, which stores the
//! [`WordInfo`] in the token; names of outlets, organizations and countries are matched as
//! token sequences, case-sensitively, through [`Lexicon::names_at`].

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::Relation;

mod table;

/// Word classes, as bits of [`WordInfo::flags`].
pub mod class {
    pub const DET: u32 = 1 << 0;
    pub const POSS: u32 = 1 << 1;
    pub const PRON: u32 = 1 << 2;
    pub const OBJ: u32 = 1 << 3;
    pub const REL: u32 = 1 << 4;
    pub const PREP: u32 = 1 << 5;
    pub const NPPREP: u32 = 1 << 6;
    pub const CONJ: u32 = 1 << 7;
    pub const SUB: u32 = 1 << 8;
    pub const AUX: u32 = 1 << 9;
    pub const ADV: u32 = 1 << 10;
    pub const NEG: u32 = 1 << 11;
    pub const TIME: u32 = 1 << 12;
    pub const MONTH: u32 = 1 << 13;
    pub const STARTER: u32 = 1 << 14;
    pub const TITLE: u32 = 1 << 15;
    pub const MASC: u32 = 1 << 16;
    pub const FEM: u32 = 1 << 17;
    pub const NEUT: u32 = 1 << 18;
    pub const PLURAL: u32 = 1 << 19;
    pub const GIVEN_M: u32 = 1 << 20;
    pub const GIVEN_F: u32 = 1 << 21;
    pub const GIVEN_U: u32 = 1 << 22;
    pub const NATIONALITY: u32 = 1 << 23;
    pub const ROLE: u32 = 1 << 24;
    pub const ROLE_PLURAL: u32 = 1 << 25;
    pub const VERB: u32 = 1 << 26;
    /// A word some rule starts from besides the reporting verbs ("according", "via").
    pub const TRIGGER: u32 = 1 << 27;
    /// Some known name (outlet, organization, country) starts with this word, in some case.
    pub const NAME_START: u32 = 1 << 28;
    /// A capitalized word that makes a name an outlet's ("Times", "Radio"), in some case.
    pub const OUTLET_WORD: u32 = 1 << 29;
    pub const GIVEN: u32 = GIVEN_M | GIVEN_F | GIVEN_U;
}

/// What the lexicon knows about one (lower-cased) word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub flags: u32,
    /// Index into [`Lexicon::verb_forms`] + 1, or 0.
    pub verb_forms: u16,
    /// Index into [`Lexicon::roles`] + 1, or 0.
    pub role: u16,
    /// Index into [`Lexicon::countries`] + 1, or 0 (for nationality adjectives).
    pub country: u16,
}

impl WordInfo {
    pub fn is(&self, class: u32) -> bool {
        self.flags & class != 0
    }
}

/// Grammatical form of a verb occurrence, as bits.
pub mod form {
    pub const BASE: u8 = 1;
    pub const THIRD: u8 = 2;
    pub const PAST: u8 = 4;
    pub const PARTICIPLE: u8 = 8;
    pub const GERUND: u8 = 16;
}

/// Flags of a reporting verb (see `data/reporting_verbs.tsv`).
pub mod verb_flag {
    pub const SPEECH: u8 = 1;
    pub const POSTPOSE: u8 = 2;
    pub const OBJECT: u8 = 4;
    pub const NOUN: u8 = 8;
    pub const WEAK: u8 = 16;
    pub const RELAY: u8 = 32;
    pub const POSTONLY: u8 = 64;
    pub const THAT: u8 = 128;
}

/// More flags of a reporting verb (see `data/reporting_verbs.tsv`), in [`Verb::more`].
pub mod verb_flag2 {
    pub const RECIPIENT: u8 = 1;
}

#[derive(Clone, Debug)]
pub struct Verb {
    pub lemma: String,
    /// Flags of [`verb_flag2`].
    pub more: u8,
    /// The particle of a phrasal verb ("out" in "point out").
    pub particle: Option<String>,
    pub relation: Relation,
    pub flags: u8,
}

impl Verb {
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// The object after it names who was spoken to ("told reporters").
    pub fn takes_recipient(&self) -> bool {
        self.more & verb_flag2::RECIPIENT != 0
    }
}

/// One reading of a word as a reporting verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerbForm {
    pub verb: u16,
    pub forms: u8,
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
    let lexicon_free = crate::text::token::tokenize_plain(name);
    lexicon_free
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
            let mut flags = 0;
            for class in classes.split(',') {
                flags |= match class {
                    "det" => class::DET,
                    "poss" => class::POSS,
                    "pron" => class::PRON,
                    "obj" => class::OBJ,
                    "rel" => class::REL,
                    "prep" => class::PREP,
                    "npprep" => class::NPPREP,
                    "conj" => class::CONJ,
                    "sub" => class::SUB,
                    "aux" => class::AUX,
                    "adv" => class::ADV,
                    "neg" => class::NEG,
                    "time" => class::TIME,
                    "month" => class::MONTH,
                    "starter" => class::STARTER,
                    "m" => class::MASC,
                    "f" => class::FEM,
                    "n" => class::NEUT,
                    "pl" => class::PLURAL,
                    "trigger" => class::TRIGGER,
                    other => {
                        return Err(format!(
                            "function_words.tsv:{line}: unknown class {other:?}"
                        ));
                    }
                };
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
            let mut bits = 0;
            let mut more = 0;
            for flag in flags.split(',').filter(|f| !f.is_empty()) {
                if flag == "recipient" {
                    more |= verb_flag2::RECIPIENT;
                    continue;
                }
                bits |= match flag {
                    "speech" => verb_flag::SPEECH,
                    "postpose" => verb_flag::POSTPOSE,
                    "object" => verb_flag::OBJECT,
                    "noun" => verb_flag::NOUN,
                    "weak" => verb_flag::WEAK,
                    "relay" => verb_flag::RELAY,
                    "postonly" => verb_flag::POSTONLY,
                    "that" => verb_flag::THAT,
                    other => {
                        return Err(format!(
                            "reporting_verbs.tsv:{line}: unknown flag {other:?}"
                        ));
                    }
                };
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
                more,
                particle: particle.clone(),
                relation,
                flags: bits,
            });
            for (text, form) in [
                (base, form::BASE),
                (third, form::THIRD),
                (past, form::PAST),
                (participle, form::PARTICIPLE),
                (gerund, form::GERUND),
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
            entry.flags |= class::ROLE;
            if plural != singular {
                let entry = lex.entry(plural);
                if entry.role == 0 {
                    entry.role = id;
                    entry.flags |= class::ROLE | class::ROLE_PLURAL;
                }
            }
        }

        for (_, cols) in rows(src.titles) {
            lex.entry(cols[0].trim()).flags |= class::TITLE;
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
            entry.flags |= class::NATIONALITY;
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
                    let function_word = entry.flags
                        & (class::PRON | class::OBJ | class::DET | class::PREP | class::AUX)
                        != 0;
                    if entry.country == 0 && !function_word {
                        entry.flags |= class::NATIONALITY;
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
                "m" => class::GIVEN_M,
                "f" => class::GIVEN_F,
                "u" => class::GIVEN_U,
                other => return Err(format!("given_names.tsv:{line}: unknown gender {other:?}")),
            };
            lex.entry(&name.to_lowercase()).flags |= bit;
        }
        for word in crate::mention::OUTLET_NAME_WORDS {
            lex.entry(&word.to_lowercase()).flags |= class::OUTLET_WORD;
        }
        lex.table = table::WordTable::new(lex.words.iter().map(|(w, info)| (w.as_str(), *info)));
        Ok(lex)
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.words.entry(word.to_string()).or_default()
    }

    fn add_verb_form(&mut self, word: &str, verb: u16, forms: u8) {
        let index = {
            let entry = self.entry(word);
            entry.flags |= class::VERB;
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
        self.entry(key.strip_suffix('.').unwrap_or(&key)).flags |= class::NAME_START;
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
