//! What a noun phrase names: a person (with the title split off), a known outlet, organization
//! or country, an outlet or organization recognized by its shape, a pronoun, a description
//! headed by a role noun, a group, or nothing that can be a source.

use crate::lexicon::{Class, NameTarget, RoleType, lexicon};
use crate::mention::Np;
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Neuter,
    Unknown,
}

impl Gender {
    /// Can a mention of gender `self` and one of gender `other` name the same source?
    pub fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// A noun phrase and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole phrase as found, determiner and complements included.
    pub np: Np,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// "he", "she", "it", "they", "we", "I".
    Pronoun { gender: Gender, plural: bool },
    /// "who", "which", "that".
    Relative,
    /// A named person; `title` is the part before the name ("US National Security Adviser").
    Person {
        name: Np,
        title: Option<Np>,
        gender: Gender,
    },
    /// An outlet, organization or country of the lexicon.
    Known { target: NameTarget, name: Np },
    /// An outlet recognized by its shape: "the Haaretz daily", "weekly Opciones", "KFSM".
    Outlet { name: Np },
    /// An organization recognized by its shape: "Seoul Detention Center", "FAA".
    Organization { name: Np },
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
        label: Np,
    },
    /// A coordination naming several sources at once: "the Americans and their NATO allies".
    Group { label: Np },
    /// People described by a number or a quantity ("46 percent", "nine in 10", "another"), or a
    /// noun the lexicon does not know as a role, as the subject of a speech verb ("respondents
    /// said", "the actress said").
    Unnamed { label: Np, plural: bool },
    /// Not a source by its shape.
    Other,
}

impl Mention {
    /// Is this something that can say or relay a thing?
    pub fn is_source_like(&self) -> bool {
        !matches!(self.kind, MentionKind::Other)
    }
}

/// Lower-case particles inside names: "Ursula von der Leyen".
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "dos", "bin", "ibn", "al", "el", "la", "le",
];

/// Lower-case words that make a role noun an outlet's: "news agency", "wire service".
const OUTLET_MODIFIERS: &[&str] = &[
    "news",
    "press",
    "wire",
    "state-run",
    "state-owned",
    "official",
];

/// Honorifics that are not worth keeping as titles.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."];

/// Is `word` one of the `NAME_PARTICLES` (all of two or three letters)?
fn is_name_particle(word: &str) -> bool {
    (2..=3).contains(&word.len()) && NAME_PARTICLES.contains(&word)
}

fn cap(text: &Text, i: usize) -> bool {
    text.tokens[i].is_cap_word()
}

fn role_type(text: &Text, i: usize) -> Option<RoleType> {
    lexicon().role(text.tokens[i].info).map(|r| r.kind)
}

/// Can token `i` be part of a person's name?
fn is_name_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    if !t.is_cap_word() {
        return false;
    }
    let info = t.info;
    // A surname that is also a nationality, after a given name: "Mark Cuban".
    let surname = info.is(Class::NATIONALITY)
        && i > 0
        && text.tokens[i - 1].is_cap_word()
        && text.tokens[i - 1].info.is(Class::GIVEN);
    if info.is(Class::TITLE | Class::NATIONALITY | Class::MONTH | Class::TIME)
        && !info.is(Class::GIVEN)
        && !surname
    {
        return false;
    }
    if info.is(Class::ROLE) && !info.is(Class::GIVEN) {
        return false;
    }
    if info.is(Class::STARTER | Class::DET | Class::PRON | Class::PREP | Class::CONJ)
        && !info.is(Class::GIVEN)
    {
        return false;
    }
    if t.has(TokenFlags::ALL_CAPS) && !t.has(TokenFlags::INITIAL) {
        return false; // acronyms name organizations
    }
    if t.info.is(Class::OUTLET_WORD) && lexicon().spelled(Class::OUTLET_WORD, text.word(i)) {
        return false;
    }
    true
}

/// The person's name at the end of `body` ("Jake Sullivan" in "US National Security Adviser
/// Jake Sullivan"), if it ends in one.
fn person_name(text: &Text, body: Np) -> Option<Np> {
    let mut last = body.last;
    // Generational suffixes: "Donald Trump Jr."
    if matches!(
        text.word(last),
        "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"
    ) && last > body.first
    {
        last -= 1;
        if text.word(last) == "," && last > body.first {
            last -= 1;
        }
    }
    if text.word(last) == "." && last > body.first {
        last -= 1;
    }
    if text.tokens[last].has(TokenFlags::INITIAL) {
        return None; // "Xavier B sample": a name does not end in an initial
    }
    if !is_name_word(text, last) {
        // "Martin Luther King": a title word can end a name after another name word.
        let t = &text.tokens[last];
        let surname_like = t.is_cap_word() && t.info.is(Class::TITLE) && last > body.first && {
            let prev = &text.tokens[last - 1];
            prev.is_cap_word() && prev.info.is(Class::GIVEN)
        };
        if !surname_like {
            return None;
        }
    }
    let mut first = last;
    let mut found_given = text.tokens[last].info.is(Class::GIVEN) && last == body.first;
    let mut name_words = 1;
    while first > body.first {
        let k = first - 1;
        let t = &text.tokens[k];
        // A middle initial: "Brian M. Good".
        if text.word(k) == "." && k > body.first && text.tokens[k - 1].has(TokenFlags::INITIAL) {
            first = k - 1;
            continue;
        }
        if t.has(TokenFlags::INITIAL) && t.is_cap_word() {
            first = k;
            continue;
        }
        if is_name_particle(text.word(k)) && k > body.first && cap(text, k - 1) {
            first = k;
            continue;
        }
        if found_given && !t.info.is(Class::GIVEN) {
            break;
        }
        if k > body.first && text.word(k - 1) == "of" {
            break; // "Secretary of State Madeleine Albright": "State" ends a title
        }
        if !is_name_word(text, k) || name_words >= 4 {
            break;
        }
        if t.info.is(Class::GIVEN) {
            found_given = true;
        }
        name_words += 1;
        first = k;
    }
    Some(Np { first, last })
}

fn gender_of_name(text: &Text, name: Np, title: Option<Np>) -> Gender {
    if let Some(title) = title {
        for i in title.first..=title.last {
            match text.word(i) {
                "Mr" | "Mr." => return Gender::Male,
                "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" => return Gender::Female,
                _ => {}
            }
            if let Some(role) = lexicon().role(text.tokens[i].info) {
                match role.gender {
                    'm' => return Gender::Male,
                    'f' => return Gender::Female,
                    _ => {}
                }
            }
        }
    }
    let info = text.tokens[name.first].info;
    match (info.is(Class::GIVEN_M), info.is(Class::GIVEN_F)) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Up to four known names found in a phrase, without allocating (the last four if more).
#[derive(Default)]
struct Names {
    items: [Option<(NameTarget, Np, bool)>; 4],
    len: usize,
}

impl Names {
    fn push(&mut self, item: (NameTarget, Np, bool)) {
        if self.len == self.items.len() {
            self.items.rotate_left(1);
            self.len -= 1;
        }
        self.items[self.len] = Some(item);
        self.len += 1;
    }

    fn iter(&self) -> impl DoubleEndedIterator<Item = &(NameTarget, Np, bool)> {
        self.items[..self.len].iter().flatten()
    }

    fn first(&self) -> Option<&(NameTarget, Np, bool)> {
        self.iter().next()
    }

    fn last(&self) -> Option<&(NameTarget, Np, bool)> {
        self.iter().next_back()
    }
}

/// The longest known name (outlet, organization, country) at token `i` ending by `last`.
fn known_name_at(text: &Text, i: usize, last: usize) -> Option<(NameTarget, usize, bool)> {
    let t = &text.tokens[i];
    if t.kind == TokenKind::Word && !t.info.is(Class::NAME_START) {
        return None; // no known name starts with this word (numbers are not looked up)
    }
    // Every entry's first token is the word it was found by: only the tokens after it are
    // compared.
    let entries = lexicon().names_starting(text.word(i));
    let mut best: Option<(NameTarget, usize, bool)> = None;
    for entry in entries {
        let n = entry.tokens.len();
        if i + n - 1 > last {
            continue;
        }
        let matches = entry.tokens[1..]
            .iter()
            .enumerate()
            .all(|(k, tok)| text.word(i + 1 + k) == tok);
        if matches && best.is_none_or(|(_, end, _)| i + n - 1 > end) {
            best = Some((entry.target, i + n - 1, entry.short));
        }
    }
    if best.is_none() && text.tokens[i].is_cap_word() {
        // "The Wall Street journal": a long name written with a lower-case word.
        for entry in entries {
            let n = entry.tokens.len();
            if n < 3 || entry.short || i + n - 1 > last {
                continue;
            }
            let matches = entry.tokens[1..]
                .iter()
                .enumerate()
                .all(|(k, tok)| text.word(i + 1 + k).eq_ignore_ascii_case(tok));
            if matches && best.is_none_or(|(_, end, _)| i + n - 1 > end) {
                best = Some((entry.target, i + n - 1, false));
            }
        }
    }
    best
}

/// All known names inside `np`, left to right, not overlapping (longest first at each start).
fn known_names(text: &Text, np: Np) -> Names {
    let mut out = Names::default();
    let mut i = np.first;
    while i <= np.last {
        if let Some((target, end, short)) = known_name_at(text, i, np.last) {
            out.push((
                target,
                Np {
                    first: i,
                    last: end,
                },
                short,
            ));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// What a phrase of the single word `i` is when the word alone decides it: a pronoun, a
/// relative pronoun, or a known name ("Reuters", "NATO", "Cuba"); `None` when it takes the rest
/// of `classify` to tell. Nothing else makes a lone word a known name: the known names of its
/// head phrase, found at the end of `classify_kind`, would be this one.
pub fn lone_word_kind(text: &Text, i: usize) -> Option<MentionKind> {
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let info = t.info;
    if info.is(Class::PRON) {
        let gender = if info.is(Class::MASC) {
            Gender::Male
        } else if info.is(Class::FEM) {
            Gender::Female
        } else if info.is(Class::NEUT) {
            Gender::Neuter
        } else {
            Gender::Unknown
        };
        return Some(MentionKind::Pronoun {
            gender,
            plural: info.is(Class::PLURAL),
        });
    }
    if info.is(Class::REL) && !t.has(TokenFlags::CAP) {
        return Some(MentionKind::Relative);
    }
    known_name_at(text, i, i).map(|(target, _, _)| MentionKind::Known {
        target,
        name: Np { first: i, last: i },
    })
}

/// Classifies the noun phrase `np`.
pub fn classify(text: &Text, np: Np) -> Mention {
    let kind = classify_kind(text, np);
    Mention { np, kind }
}

fn classify_kind(text: &Text, np: Np) -> MentionKind {
    let tokens = &text.tokens;
    let first = &tokens[np.first];
    // The common case first: a plain name of one to three capitalized words that are no
    // title, role, nationality, month, function word or start of a known name ("Jake
    // Sullivan", "Sondland").
    if np.len() <= 3 {
        let plain = (np.first..=np.last).all(|i| {
            let t = &tokens[i];
            t.is_cap_word()
                && !t.has(TokenFlags::ALL_CAPS)
                && !t.has(TokenFlags::INITIAL)
                && !t.info.is(Class::TITLE
                    | Class::ROLE
                    | Class::NATIONALITY
                    | Class::MONTH
                    | Class::TIME
                    | Class::NAME_START
                    | Class::STARTER
                    | Class::DET
                    | Class::PRON
                    | Class::PREP
                    | Class::CONJ
                    | Class::OUTLET_WORD)
                // (A capitalized word is never one of the lower-case `NAME_PARTICLES`.)
                && !text.word(i).contains('.')
        });
        if plain
            && !(np.len() == 1 && first.info.is(Class::GIVEN) && np.first == 0)
            && let Some(name) = person_name(text, np).filter(|n| *n == np)
        {
            let gender = gender_of_name(text, name, None);
            return MentionKind::Person {
                name,
                title: None,
                gender,
            };
        }
    }
    if np.len() == 1
        && let Some(kind) = lone_word_kind(text, np.first)
    {
        return kind;
    }
    // The body: the phrase without its determiner.
    let has_det =
        first.info.is(Class::DET | Class::POSS) && !first.info.is(Class::ROLE) && np.len() > 1;
    let definite = has_det
        && (first.info.is(Class::POSS)
            || matches!(
                crate::text::lower(text.word(np.first), &mut [0; 16]),
                "the" | "this" | "that" | "these" | "those"
            ));
    let body = Np {
        first: np.first + usize::from(has_det),
        last: np.last,
    };

    // A coordination: "the Americans and their NATO allies", "Grassley and Leahy".
    if let Some(and) = (body.first + 1..body.last).find(|&i| matches!(text.word(i), "and" | "&")) {
        let right_first = &tokens[and + 1];
        // "Yonhap and other news reports": the named one is the source.
        if matches!(text.word(and + 1), "other" | "others") {
            return classify_kind(
                text,
                Np {
                    first: np.first,
                    last: and - 1,
                },
            );
        }
        let left = Np {
            first: body.first,
            last: and - 1,
        };
        let right = Np {
            first: and + 1,
            last: body.last,
        };
        let opens_np = right_first.info.is(Class::DET | Class::POSS)
            && !right_first.has(TokenFlags::CAP)
            || right_first.info.is(Class::DET) && right_first.has(TokenFlags::CAP);
        // Two named people ("Grassley and Leahy"), not a title with a coordination inside
        // ("Manpower and Transmigration Minister Fahmi Idris").
        let named = |kind: MentionKind| match kind {
            MentionKind::Person { name, title, .. } => {
                title.is_none() || name.len() >= 2 && tokens[name.first].info.is(Class::GIVEN)
            }
            _ => false,
        };
        let left_kind = classify_kind(text, left);
        let left_is_bare = matches!(&left_kind, MentionKind::Person { title: None, name, .. } if name.len() == 1 && !tokens[name.first].info.is(Class::GIVEN));
        let right_titled = matches!(
            classify_kind(text, right),
            MentionKind::Person { title: Some(_), .. }
        );
        let both_people = named(left_kind)
            && named(classify_kind(text, right))
            && !(left_is_bare && right_titled);
        let inside_known = known_names(text, body)
            .iter()
            .any(|(_, n, _)| n.first < and && n.last > and);
        if (opens_np || both_people) && !inside_known {
            return MentionKind::Group { label: body };
        }
    }

    // A person named at the very end of a long title: "Secretary of State Condoleezza Rice",
    // "Senior Regional Public Information Officer of UNHCR Vivian Tan"; not "a spokesman for
    // Prime Minister Ariel Sharon" (a lower-case role heads that one).
    if let Some(person) = person_name(text, body) {
        let prep = (body.first..person.first)
            .find(|&i| tokens[i].info.is(Class::NPPREP) && !tokens[i].has(TokenFlags::CAP));
        if let Some(prep) = prep.filter(|&p| p > body.first) {
            let titled = cap(text, prep - 1) && cap(text, person.first - 1);
            if titled && (person.len() >= 2 || tokens[person.first].info.is(Class::GIVEN)) {
                let title = Np {
                    first: body.first,
                    last: person.first - 1,
                };
                let gender = gender_of_name(text, person, Some(title));
                return MentionKind::Person {
                    name: person,
                    title: Some(title),
                    gender,
                };
            }
        }
    }

    // The head phrase follows the last top-level possessive: "the Kremlin's press service".
    // A complement opened by a preposition ("a spokesman for X") follows the head.
    let prep = (body.first + 1..=body.last).find(|&i| {
        tokens[i].info.is(Class::NPPREP) && !tokens[i].has(TokenFlags::CAP)
            || matches!(text.word(i), "in" | "on")
            || crate::mention::np::postmodified_noun(text, body.first, i).is_some()
    });
    // "officials familiar with the matter": the head ends before the adjective.
    let postmodified =
        prep.and_then(|p| crate::mention::np::postmodified_noun(text, body.first, p));
    let core = Np {
        first: body.first,
        last: postmodified.or(prep.map(|p| p - 1)).unwrap_or(body.last),
    };
    let possessive = (core.first..=core.last)
        .rev()
        .find(|&i| tokens[i].kind == TokenKind::Possessive);
    let head_phrase = match possessive {
        Some(p) if p < core.last => Np {
            first: p + 1,
            last: core.last,
        },
        _ => core,
    };
    let owner = || -> Option<Box<Mention>> {
        if let Some(p) = possessive.filter(|&p| p > core.first) {
            let owner_np = Np {
                first: np.first,
                last: p - 1,
            };
            let owner_np = if has_det {
                Np {
                    first: body.first,
                    last: p - 1,
                }
            } else {
                owner_np
            };
            return Some(Box::new(classify(text, owner_np)));
        }
        if let Some(p) = prep.filter(|&p| p < body.last) {
            return Some(Box::new(classify(
                text,
                Np {
                    first: p + 1,
                    last: body.last,
                },
            )));
        }
        // A capitalized modifier naming the owner: "The White House statement", "Kremlin press service".
        let names = known_names(
            text,
            Np {
                first: head_phrase.first,
                last: head_phrase.last.saturating_sub(1).max(head_phrase.first),
            },
        );
        names
            .first()
            .filter(|(_, n, _)| n.last < head_phrase.last)
            .map(|(target, n, _)| {
                Box::new(Mention {
                    np: *n,
                    kind: MentionKind::Known {
                        target: *target,
                        name: *n,
                    },
                })
            })
    };

    // Known names: the head phrase is, or ends in, an outlet, organization or country.
    let names = known_names(text, head_phrase);
    if let Some(&(target, name, _)) = names
        .iter()
        .rev()
        .find(|(_, n, _)| n.last == head_phrase.last)
    {
        // "the South's Yonhap News Agency", "the White House", "Cuban weekly Opciones" (unknown).
        return MentionKind::Known { target, name };
    }
    // "a person familiar with the matter", "people involved in the case": the head stands
    // before the postmodifier.
    let mut head = head_phrase.last;
    while head > head_phrase.first
        && !tokens[head].has(TokenFlags::CAP)
        && (crate::mention::POSTMODIFIERS.contains(&text.word(head))
            || text.word(head).ends_with("ed") && !tokens[head].info.is(Class::ROLE))
        && tokens[head - 1].info.is(Class::ROLE)
    {
        head -= 1;
    }
    let head_role = lexicon().role(tokens[head].info);

    // An outlet word with the outlet's name after it: "weekly Opciones", "affiliate KFSM".
    if let Some(outlet_word) = (head_phrase.first..head)
        .rev()
        .find(|&i| role_type(text, i) == Some(RoleType::Outlet) && !cap(text, i))
        && (outlet_word + 1..=head).all(|i| cap(text, i) || tokens[i].kind == TokenKind::Number)
    {
        return MentionKind::Outlet {
            name: Np {
                first: outlet_word + 1,
                last: head,
            },
        };
    }
    // A name with an outlet word after it: "the Haaretz daily", "the Interfax news agency".
    if let Some(role) = head_role {
        let outlet_head = role.kind == RoleType::Outlet
            || (role.singular == "agency" || role.singular == "service")
                && head > head_phrase.first
                && OUTLET_MODIFIERS.contains(&text.word(head - 1));
        if outlet_head && !cap(text, head) {
            let name_last = (head_phrase.first..head).rev().find(|&i| cap(text, i));
            if let Some(name_last) = name_last {
                let mut name_first = name_last;
                while name_first > head_phrase.first && cap(text, name_first - 1) {
                    name_first -= 1;
                }
                let name = Np {
                    first: name_first,
                    last: name_last,
                };
                if let Some(&(target, _, _)) = known_names(text, name).last() {
                    return MentionKind::Known { target, name };
                }
                // "Russian television", "Chinese state media": a nationality is no name.
                let nationality_only =
                    (name.first..=name.last).all(|i| tokens[i].info.is(Class::NATIONALITY));
                if !nationality_only {
                    return MentionKind::Outlet { name };
                }
            }
        }
    }

    // A capitalized name: organization, outlet or person?
    if cap(text, head) && tokens[head].kind == TokenKind::Word {
        let mut name_first = head;
        while name_first > head_phrase.first
            && (cap(text, name_first - 1)
                || text.word(name_first - 1) == "of"
                    && name_first - 1 > head_phrase.first
                    && cap(text, name_first - 2))
        {
            name_first -= 1;
        }
        let mut name = Np {
            first: name_first,
            last: head,
        };
        // "Pennsylvania Department of Transportation": a capitalized complement of "of" is
        // part of an organization's name.
        if let Some(p) = prep.filter(|&p| text.word(p) == "of" && p == head + 1 && p < body.last) {
            let rest = (p + 1..=body.last).filter(|&k| text.word(k) != "the");
            if rest
                .clone()
                .all(|k| cap(text, k) || matches!(text.word(k), "and" | "&"))
                && role_type(text, head) == Some(RoleType::Org)
            {
                name.last = body.last;
            }
        }
        let words = || (name.first..=name.last).map(|i| text.word(i));
        let single = text.word(name.first);
        let looks_outlet = (name.first..=name.last).any(|i| {
            tokens[i].info.is(Class::OUTLET_WORD)
                && lexicon().spelled(Class::OUTLET_WORD, text.word(i))
        }) || (name.len() == 1
            && single.contains('.')
            && single.rsplit('.').next().is_some_and(|tld| {
                (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
            }));
        let org_word = (name.first..=name.last)
            .any(|i| role_type(text, i) == Some(RoleType::Org) && cap(text, i));
        if looks_outlet && (!org_word || words().any(|w| w == "News" || w == "Press")) {
            return MentionKind::Outlet { name };
        }
        let lone_role = name.len() == 1 && tokens[head].info.is(Class::ROLE);
        if org_word && !lone_role {
            // "Russian Emergencies Ministry": keep the nationality, it is part of the name.
            let mut first = name.first;
            while first > head_phrase.first && tokens[first - 1].info.is(Class::NATIONALITY) {
                first -= 1;
            }
            return MentionKind::Organization {
                name: Np {
                    first,
                    last: name.last,
                },
            };
        }
        if tokens[head].has(TokenFlags::ALL_CAPS)
            && !tokens[head].has(TokenFlags::DOTTED)
            && name.len() == 1
        {
            return MentionKind::Organization { name };
        }
        if let Some(person) = person_name(text, head_phrase) {
            let title = (person.first > head_phrase.first)
                .then(|| Np {
                    first: head_phrase.first,
                    last: person.first - 1,
                })
                .filter(|t| !(t.len() == 1 && HONORIFICS.contains(&text.word(t.first))))
                .filter(|t| {
                    !(t.len() == 2
                        && HONORIFICS.contains(&text.word(t.first))
                        && text.word(t.last) == ".")
                });
            let gender = gender_of_name(text, person, title);
            return MentionKind::Person {
                name: person,
                title,
                gender,
            };
        }
    }

    // A role noun heads it: a description.
    if let Some(role) = head_role.filter(|_| !cap(text, head) || tokens[head].info.is(Class::ROLE))
    {
        let plural = tokens[head].info.is(Class::ROLE_PLURAL) || role.kind == RoleType::Media;
        let role_index = tokens[head].info.role - 1;
        let definite = definite && (!plural || role.kind != RoleType::Person);
        let _ = role;
        return MentionKind::Description {
            head,
            role: role_index,
            plural,
            definite,
            owner: owner(),
            label: body,
        };
    }
    // Numbers and quantities of people: "46 percent", "nine in 10", "another", "each side".
    let head_word = text.word(head).to_ascii_lowercase();
    let quantity = tokens[head].kind == TokenKind::Number
        || matches!(
            head_word.as_str(),
            "percent"
                | "%"
                | "half"
                | "majority"
                | "minority"
                | "third"
                | "quarter"
                | "dozen"
                | "others"
                | "another"
                | "both"
                | "many"
                | "most"
                | "some"
                | "several"
                | "few"
                | "all"
                | "one"
                | "each"
                | "side"
                | "everyone"
                | "everybody"
                | "nobody"
                | "none"
        )
        || NUMBER_WORDS.contains(&head_word.as_str());
    if quantity {
        return MentionKind::Unnamed {
            label: body,
            plural: head_word != "one" && head_word != "another" && head_word != "each",
        };
    }
    MentionKind::Other
}

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// A noun phrase the lexicon cannot place, taken as an unnamed source because a speech verb
/// says it spoke ("respondents said", "the self-described democratic socialist said").
pub fn as_unnamed(text: &Text, mention: &Mention) -> Option<Mention> {
    if !matches!(mention.kind, MentionKind::Other) {
        return None;
    }
    let np = mention.np;
    let head = &text.tokens[np.last];
    let word = text.word(np.last);
    let nounish = head.kind == TokenKind::Word
        && !head.has(TokenFlags::CAP)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !head.has(TokenFlags::LY)
        && !word.ends_with("ing")
        && !head
            .info
            .is(Class::VERB | Class::PREP | Class::ADV | Class::TIME);
    // Plural nouns ("respondents", "donors") or words shaped like people's ("the actress", "the
    // socialist", "the attendant", "the announcer").
    let personal = [
        "ist", "ant", "ent", "ian", "ess", "or", "man", "woman", "ee", "er",
    ];
    // "-er" makes agents ("announcer", "teacher"), but not in these.
    let not_agent = [
        "weather", "water", "number", "matter", "order", "border", "center", "centre", "chapter",
        "quarter", "summer", "winter", "other", "power", "tower", "corner", "answer", "river",
        "danger", "disaster", "cancer", "dinner", "theater", "theatre", "shelter", "finger",
        "butter", "silver", "timber", "fever", "monster", "ladder", "banner", "manner",
    ];
    let plural = word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us");
    let agent = personal.iter().any(|s| word.ends_with(s)) && !not_agent.contains(&word);
    if !nounish || !(plural || agent) {
        return None;
    }
    let first = &text.tokens[np.first];
    let has_det = first.info.is(Class::DET | Class::POSS) && np.len() > 1;
    let label = Np {
        first: np.first + usize::from(has_det),
        last: np.last,
    };
    Some(Mention {
        np,
        kind: MentionKind::Unnamed { label, plural },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(phrase: &str) -> (MentionKind, Text<'_>) {
        let text = Text::new(phrase, lexicon());
        let np = Np {
            first: 0,
            last: text.tokens.len() - 1,
        };
        (classify(&text, np).kind, text)
    }

    fn words(text: &Text, np: Np) -> String {
        text.span(np.first, np.last).slice(text.src).to_string()
    }

    fn person(phrase: &str) -> (String, String) {
        let (kind, text) = kind_of(phrase);
        match kind {
            MentionKind::Person { name, title, .. } => (
                words(&text, name),
                title.map(|t| words(&text, t)).unwrap_or_default(),
            ),
            other => panic!("{phrase:?} is not a person: {other:?}"),
        }
    }

    #[test]
    fn people_with_their_titles() {
        assert_eq!(
            person("US National Security Adviser Jake Sullivan"),
            (
                "Jake Sullivan".into(),
                "US National Security Adviser".into()
            )
        );
        assert_eq!(
            person("Russian Emergencies Minister Alexander Kurenkov"),
            (
                "Alexander Kurenkov".into(),
                "Russian Emergencies Minister".into()
            )
        );
        assert_eq!(
            person("Lt. Col. Alexander Vindman"),
            ("Alexander Vindman".into(), "Lt. Col.".into())
        );
        assert_eq!(person("Mr. Trump"), ("Trump".into(), "".into()));
        assert_eq!(person("Brian M. Good"), ("Brian M. Good".into(), "".into()));
        assert_eq!(
            person("Hanbo founder Chung Tae-Soo"),
            ("Chung Tae-Soo".into(), "Hanbo founder".into())
        );
        assert_eq!(person("Sullivan"), ("Sullivan".into(), "".into()));
    }

    #[test]
    fn outlets_organizations_and_countries() {
        assert!(matches!(
            kind_of("the Associated Press").0,
            MentionKind::Known {
                target: NameTarget::Outlet(_),
                ..
            }
        ));
        assert!(matches!(
            kind_of("the Interfax news agency").0,
            MentionKind::Known { .. } | MentionKind::Outlet { .. }
        ));
        let (kind, text) = kind_of("Cuban weekly Opciones");
        assert!(matches!(kind, MentionKind::Outlet { name } if words(&text, name) == "Opciones"));
        let (kind, text) = kind_of("the Haaretz daily");
        assert!(
            matches!(kind, MentionKind::Outlet { name } | MentionKind::Known { name, .. } if words(&text, name) == "Haaretz")
        );
        let (kind, text) = kind_of("the Seoul Detention Center");
        assert!(
            matches!(kind, MentionKind::Organization { name } if words(&text, name) == "Seoul Detention Center")
        );
        let (kind, text) = kind_of("the Russian Emergencies Ministry");
        assert!(
            matches!(kind, MentionKind::Organization { name } | MentionKind::Known { name, .. } if words(&text, name).ends_with("Emergencies Ministry"))
        );
        let (kind, text) = kind_of("the Pennsylvania Department of Transportation");
        assert!(
            matches!(kind, MentionKind::Organization { name } if words(&text, name) == "Pennsylvania Department of Transportation")
        );
        assert!(matches!(
            kind_of("FAA").0,
            MentionKind::Known {
                target: NameTarget::Org(_),
                ..
            }
        ));
        assert!(matches!(
            kind_of("KDJX").0,
            MentionKind::Organization { .. }
        ));
        assert!(matches!(
            kind_of("Radio Zagora").0,
            MentionKind::Outlet { .. }
        ));
    }

    #[test]
    fn descriptions_pronouns_and_groups() {
        assert!(matches!(
            kind_of("he").0,
            MentionKind::Pronoun {
                gender: Gender::Male,
                plural: false
            }
        ));
        assert!(matches!(
            kind_of("the adviser").0,
            MentionKind::Description {
                definite: true,
                plural: false,
                ..
            }
        ));
        assert!(matches!(
            kind_of("officials").0,
            MentionKind::Description {
                definite: false,
                plural: true,
                ..
            }
        ));
        let (kind, text) = kind_of("the Kremlin's press service");
        match kind {
            MentionKind::Description {
                owner: Some(owner),
                definite: true,
                ..
            } => {
                assert_eq!(words(&text, owner.np), "Kremlin");
            }
            other => panic!("{other:?}"),
        }
        let (kind, text) = kind_of("a spokesman for the Seoul Detention Center");
        match kind {
            MentionKind::Description {
                owner: Some(owner),
                definite: false,
                label,
                ..
            } => {
                assert_eq!(
                    words(&text, label),
                    "spokesman for the Seoul Detention Center"
                );
                assert!(matches!(owner.kind, MentionKind::Organization { .. }));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            kind_of("The Americans and their NATO allies").0,
            MentionKind::Group { .. }
        ));
        assert!(matches!(kind_of("the weather").0, MentionKind::Other));
    }

    #[test]
    fn name_particles_are_short_lower_case_words() {
        // `is_name_particle` and the plain-name fast path of `classify_kind` rely on this.
        for p in NAME_PARTICLES {
            assert!((2..=3).contains(&p.len()), "{p}");
            assert!(p.chars().all(|c| c.is_ascii_lowercase()), "{p}");
        }
    }
}
