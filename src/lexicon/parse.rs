//! Parsing the data files into a [`Lexicon`]: one function per file. Errors name the file and
//! the line.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    Abbreviation, Class, Country, Form, Lexicon, NameEntry, NameTarget, Org, Outlet, OutletKind,
    Role, RoleType, Sources, Verb, VerbFlags, VerbForm, WordInfo, joined_name_tokens, name_tokens,
    table,
};
use crate::model::Relation;

/// One data line: its file and number (for errors) and its tab-separated columns.
struct Row<'a> {
    file: &'static str,
    line: usize,
    columns: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// An error about this line.
    fn error(&self, message: impl std::fmt::Display) -> String {
        format!("{}:{}: {message}", self.file, self.line)
    }

    /// The line's columns, which must be `N`.
    fn columns<const N: usize>(&self) -> Result<[&'a str; N], String> {
        <[&str; N]>::try_from(self.columns.as_slice())
            .map_err(|_| self.error(format_args!("expected {N} columns")))
    }
}

/// Data lines: not empty, not comments, split on tabs.
fn rows<'a>(file: &'static str, text: &'a str) -> impl Iterator<Item = Row<'a>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(i, line)| Row {
            file,
            line: i + 1,
            columns: line.split('\t').collect(),
        })
}

/// The items of a `|`-separated list column.
fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
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
        | Class::TITLE;
    // A union of classes is no class of its own.
    (!class.intersects(derived) && class != Class::NEVER_NAME).then_some(class)
}

/// The classes of a comma-separated column.
fn classes(row: &Row, column: &str) -> Result<Class, String> {
    let mut flags = Class::empty();
    for name in column.split(',') {
        flags |= class_named(name).ok_or_else(|| row.error(format!("unknown class {name:?}")))?;
    }
    Ok(flags)
}

/// The kind of outlet a data file names.
fn outlet_kind(row: &Row, name: &str) -> Result<OutletKind, String> {
    Ok(match name {
        "agency" => OutletKind::Agency,
        "newspaper" => OutletKind::Newspaper,
        "broadcaster" => OutletKind::Broadcaster,
        "magazine" => OutletKind::Magazine,
        "online" => OutletKind::Online,
        other => return Err(row.error(format!("unknown kind {other:?}"))),
    })
}

impl Lexicon {
    /// Parses the data files. Errors name the file and line.
    pub(crate) fn parse(src: &Sources) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            words: FxHashMap::default(),
            spellings: FxHashMap::default(),
            table: table::WordTable::new([]),
            verbs: Vec::new(),
            verb_forms: Vec::new(),
            roles: Vec::new(),
            outlets: Vec::new(),
            orgs: Vec::new(),
            countries: Vec::new(),
            names: FxHashMap::default(),
            abbreviations: FxHashMap::default(),
            places: FxHashSet::default(),
        };
        lex.parse_word_classes("function_words.tsv", src.function_words)?;
        lex.parse_word_classes("word_classes.tsv", src.word_classes)?;
        lex.parse_abbreviations(src.abbreviations)?;
        lex.parse_reporting_verbs(src.reporting_verbs)?;
        lex.parse_roles(src.roles)?;
        for row in rows("titles.txt", src.titles) {
            lex.entry(row.columns[0].trim()).flags |= Class::TITLE;
        }
        lex.parse_outlets(src.outlets)?;
        lex.parse_organizations(src.organizations)?;
        lex.parse_nationalities(src.nationalities)?;
        lex.parse_given_names(src.given_names)?;
        lex.parse_places(src.places)?;
        lex.table = table::WordTable::new(lex.words.iter().map(|(w, info)| (w.as_str(), *info)));
        Ok(lex)
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.words.entry(word.to_string()).or_default()
    }

    /// `word<TAB>classes`: the classes of a word, whatever its case. A word written with
    /// capitals keeps that spelling for [`Lexicon::spelled`]. A suffix ("-ist") or two words
    /// ("familiar with") give no word its classes: they are kept for [`Lexicon::ends_in`] and
    /// [`Lexicon::pair`].
    fn parse_word_classes(&mut self, file: &'static str, text: &str) -> Result<(), String> {
        for row in rows(file, text) {
            let [word, names] = row.columns()?;
            let flags = classes(&row, names)?;
            if word.starts_with('-') || word.contains(' ') {
                self.add_pattern(&row, word, flags)?;
                continue;
            }
            let lower = word.to_lowercase();
            let entry = self.entry(&lower);
            if entry.flags.contains(flags) && word == lower {
                return Err(row.error(format!("{word:?} already has these classes")));
            }
            entry.flags |= flags;
            if word != lower {
                for class in flags.iter() {
                    self.spellings
                        .entry(class)
                        .or_default()
                        .push(word.to_string());
                }
            }
        }
        for spellings in self.spellings.values_mut() {
            spellings.sort_unstable();
            spellings.dedup();
        }
        Ok(())
    }

    /// A suffix or a two-word sequence of the classes `flags`, kept with the spellings.
    fn add_pattern(&mut self, row: &Row, pattern: &str, flags: Class) -> Result<(), String> {
        for class in flags.iter() {
            let entries = self.spellings.entry(class).or_default();
            if entries.iter().any(|entry| entry == pattern) {
                return Err(row.error(format!("{pattern:?} already has these classes")));
            }
            entries.push(pattern.to_string());
        }
        Ok(())
    }

    fn parse_abbreviations(&mut self, text: &str) -> Result<(), String> {
        for row in rows("abbreviations.tsv", text) {
            let [word, kind] = row.columns()?;
            let kind = match kind {
                "title" => Abbreviation::Title,
                "month" => Abbreviation::Month,
                "other" => Abbreviation::Other,
                other => return Err(row.error(format!("unknown kind {other:?}"))),
            };
            if self.abbreviations.insert(word.to_string(), kind).is_some() {
                return Err(row.error(format!("duplicate {word:?}")));
            }
        }
        Ok(())
    }

    fn parse_reporting_verbs(&mut self, text: &str) -> Result<(), String> {
        for row in rows("reporting_verbs.tsv", text) {
            let [
                lemma,
                base,
                third,
                past,
                participle,
                gerund,
                relation,
                flags,
            ] = row.columns()?;
            let relation = match relation {
                "said" => Relation::Said,
                "reported" => Relation::Reported,
                "quoted" => Relation::Quoted,
                "cited" => Relation::Cited,
                "interview" => Relation::Interview,
                other => return Err(row.error(format!("unknown relation {other:?}"))),
            };
            let mut bits = VerbFlags::empty();
            for flag in flags.split(',').filter(|f| !f.is_empty()) {
                bits |= VerbFlags::from_name(&flag.to_ascii_uppercase())
                    .ok_or_else(|| row.error(format!("unknown flag {flag:?}")))?;
            }
            let particle = lemma.split_once(' ').map(|(_, p)| p.to_string());
            if self.verbs.iter().any(|v| v.lemma == lemma) {
                return Err(row.error(format!("duplicate verb {lemma:?}")));
            }
            let id = self.verbs.len() as u16;
            self.verbs.push(Verb {
                lemma: lemma.to_string(),
                particle: particle.clone(),
                relation,
                flags: bits,
                forms: Vec::new(),
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
                    return Err(row.error(format!("{text:?} lacks the particle {p:?}")));
                }
                self.add_verb_form(head, id, form);
                self.verbs[id as usize].forms.push((form, head.to_string()));
            }
        }
        Ok(())
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

    fn parse_roles(&mut self, text: &str) -> Result<(), String> {
        for row in rows("roles.tsv", text) {
            let [singular, plural, kind, gender, refers] = row.columns()?;
            // `outlet:newspaper`: a type and the one kind of outlet the noun names;
            // `person:party`: a member of a political party.
            let (kind, outlet, party) = match kind.split_once(':') {
                Some(("person", "party")) => ("person", None, true),
                Some((kind, outlet)) => (kind, Some(outlet_kind(&row, outlet)?), false),
                None => (kind, None, false),
            };
            let kind = match kind {
                "person" => RoleType::Person,
                "org" => RoleType::Org,
                "outlet" => RoleType::Outlet,
                "document" => RoleType::Document,
                "media" => RoleType::Media,
                other => return Err(row.error(format!("unknown type {other:?}"))),
            };
            let gender = match gender {
                "m" | "f" | "u" | "n" => gender.chars().next().unwrap_or('u'),
                other => return Err(row.error(format!("unknown gender {other:?}"))),
            };
            let mut refers: Vec<String> = split_list(refers).map(String::from).collect();
            if refers.is_empty() {
                refers.push(singular.to_string());
            }
            if self.words.get(singular).is_some_and(|w| w.role != 0) {
                return Err(row.error(format!("duplicate role {singular:?}")));
            }
            let id = self.roles.len() as u16 + 1;
            self.roles.push(Role {
                singular: singular.into(),
                plural: plural.into(),
                kind,
                gender,
                refers,
                outlet,
                party,
            });
            let entry = self.entry(singular);
            entry.role = id;
            entry.flags |= Class::ROLE;
            if plural != singular {
                let entry = self.entry(plural);
                if entry.role == 0 {
                    entry.role = id;
                    entry.flags |= Class::ROLE | Class::ROLE_PLURAL;
                }
            }
        }
        Ok(())
    }

    fn parse_outlets(&mut self, text: &str) -> Result<(), String> {
        for row in rows("outlets.tsv", text) {
            let [id, label, kind, _country, aliases, short] = row.columns()?;
            let kind = outlet_kind(&row, kind)?;
            let target = NameTarget::Outlet(self.outlets.len() as u16);
            self.outlets.push(Outlet {
                id: id.into(),
                label: label.into(),
                kind,
            });
            self.add_name(label, target, false);
            for alias in split_list(aliases) {
                self.add_name(alias, target, false);
            }
            for alias in split_list(short) {
                self.add_name(alias, target, true);
            }
        }
        Ok(())
    }

    fn parse_organizations(&mut self, text: &str) -> Result<(), String> {
        for row in rows("organizations.tsv", text) {
            let [id, label, aliases] = row.columns()?;
            let target = NameTarget::Org(self.orgs.len() as u16);
            self.orgs.push(Org {
                id: id.into(),
                label: label.into(),
            });
            self.add_name(label, target, false);
            for alias in split_list(aliases) {
                self.add_name(alias, target, false);
            }
        }
        Ok(())
    }

    fn parse_nationalities(&mut self, text: &str) -> Result<(), String> {
        for row in rows("nationalities.tsv", text) {
            let [adjective, country, aliases] = row.columns()?;
            // Countries with two adjectives ("Congolese", "Congo-Brazzaville"...) have a row each.
            let index = match self.countries.iter().position(|c| c.name == country) {
                Some(i) => i as u16,
                None => {
                    self.countries.push(Country {
                        name: country.into(),
                    });
                    self.countries.len() as u16 - 1
                }
            };
            let target = NameTarget::Country(index);
            let known_country = self
                .names_starting(name_tokens(country).first().map_or("", |s| s.as_str()))
                .iter()
                .any(|e| e.target == target);
            let entry = self.entry(&adjective.to_lowercase());
            entry.flags |= Class::NATIONALITY;
            entry.country = index + 1;
            if known_country {
                continue;
            }
            self.add_name(country, target, false);
            for alias in split_list(aliases) {
                self.add_name(alias, target, false);
                if !alias.contains(' ') {
                    self.add_country_adjective(alias, index);
                }
            }
        }
        Ok(())
    }

    /// "US President", "U.S. officials": a country name used as an adjective.
    fn add_country_adjective(&mut self, alias: &str, country: u16) {
        let entry = self.entry(&alias.to_lowercase());
        let function_word =
            entry.is(Class::PRON | Class::OBJ | Class::DET | Class::PREP | Class::AUX);
        if entry.country == 0 && !function_word {
            entry.flags |= Class::NATIONALITY;
            entry.country = country + 1;
        }
    }

    fn parse_given_names(&mut self, text: &str) -> Result<(), String> {
        for row in rows("given_names.tsv", text) {
            let [name, gender] = row.columns()?;
            let bit = match gender {
                "m" => Class::GIVEN_M,
                "f" => Class::GIVEN_F,
                "u" => Class::GIVEN_U,
                other => return Err(row.error(format!("unknown gender {other:?}"))),
            };
            self.entry(&name.to_lowercase()).flags |= bit;
        }
        Ok(())
    }

    /// `name<TAB>type`: the gazetteer, kept as token sequences joined by spaces.
    fn parse_places(&mut self, text: &str) -> Result<(), String> {
        self.places.reserve(text.len() / 16);
        for row in rows("places.tsv", text) {
            let [name, kind] = row.columns()?;
            if !matches!(kind, "city" | "state" | "country" | "continent" | "region") {
                return Err(row.error(format!("unknown type {kind:?}")));
            }
            if !self.places.insert(joined_name_tokens(name)) {
                return Err(row.error(format!("duplicate place {name:?}")));
            }
        }
        Ok(())
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
}
