//! Reading names inside a phrase: where a person's name begins and ends, the gender it or its
//! title gives, and the known names (outlets, organizations, countries) of the lexicon in it.

use crate::lexicon::{Class, NameEntry, NameTarget, RoleType, lexicon};
use crate::mention::np::opens_as_non_name;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::Gender;

/// The kind of role noun token `i` is, if it is one.
pub(super) fn role_type(text: &Text, i: usize) -> Option<RoleType> {
    lexicon().role(text.tokens[i].info).map(|r| r.kind)
}

/// Is token `i` a lower-case particle inside names ("von", "der", "bin")?
fn is_name_particle(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.kind == TokenKind::Word && !t.has(TokenFlags::CAP) && t.info.is(Class::NAME_PARTICLE)
}

/// Can token `i` be part of a person's name?
pub(super) fn is_name_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    if !t.is_cap_word() {
        return false;
    }
    let info = t.info;
    // A surname that is also a nationality, a role noun or an outlet word, after a given name
    // ("Mark Cuban", "Jane Post") or alone once the text has given it as one ("Cuban said").
    let surname = i > 0 && is_given_name(text, i - 1);
    let may_be_surname = info.is(Class::GIVEN)
        || surname && info.is(Class::NATIONALITY)
        || info.is(Class::NATIONALITY | Class::MONTH) && text.is_surname(i);
    if info.is(Class::TITLE | Class::NATIONALITY | Class::MONTH | Class::TIME) && !may_be_surname {
        return false;
    }
    if info.is(Class::ROLE) && !info.is(Class::GIVEN) && !surname {
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
    if opens_as_non_name(text, i) {
        return false; // "Even Rendell": "Even" opens the sentence
    }
    if is_outlet_word(text, i) && !surname {
        return false;
    }
    if super::outlets::is_company_word(text, i) {
        return false;
    }
    true
}

/// Is token `i` a capitalized given name ("Jane")?
pub(super) fn is_given_name(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.is_cap_word() && t.info.is(Class::GIVEN)
}

/// Is token `i` a word that makes a name an outlet's, written as the data writes it ("Post",
/// "Times")?
pub(super) fn is_outlet_word(text: &Text, i: usize) -> bool {
    text.tokens[i].info.is(Class::OUTLET_WORD)
        && lexicon().spelled(Class::OUTLET_WORD, text.word(i))
}

/// The person's name at the end of `body` ("Jake Sullivan" in "US National Security Adviser
/// Jake Sullivan"), if it ends in one.
/// A name of one word is never a word that names nothing ("First" of "First of America").
pub(super) fn person_name(text: &Text, body: TokenRange) -> Option<TokenRange> {
    person_name_by(text, body, |i| is_name_word(text, i))
}

/// [`person_name`] of a phrase whose every word is already known to pass [`is_name_word`]
/// (`people::plain_name` checked them): the words are not read again.
pub(super) fn person_name_of_name_words(text: &Text, body: TokenRange) -> Option<TokenRange> {
    person_name_by(text, body, |_| true)
}

/// [`person_name`], with `name_word` telling whether a word of `body` can be part of a name.
fn person_name_by(
    text: &Text,
    body: TokenRange,
    name_word: impl Fn(usize) -> bool,
) -> Option<TokenRange> {
    let last = name_end(text, body, &name_word)?;
    let name = TokenRange::new(name_start(text, body, last, &name_word), last + 1);
    let info = text.tokens[name.start].info;
    let lone_non_name = name.len() == 1
        && info.is(Class::NEVER_NAME)
        && !info.is(Class::GIVEN | Class::TITLE | Class::ROLE);
    (!lone_non_name).then_some(name)
}

/// The last word of the name `body` ends in: before a generational suffix ("Donald Trump Jr.")
/// and a final period; a title word may end a name after a given name ("Martin Luther King").
fn name_end(text: &Text, body: TokenRange, name_word: impl Fn(usize) -> bool) -> Option<usize> {
    let mut last = body.last();
    let suffix = &text.tokens[last];
    if suffix.info.is(Class::NAME_SUFFIX)
        && lexicon().spelled(Class::NAME_SUFFIX, text.word(last))
        && last > body.start
    {
        last -= 1;
        if text.word(last) == "," && last > body.start {
            last -= 1;
        }
    }
    if text.word(last) == "." && last > body.start {
        last -= 1;
    }
    let t = &text.tokens[last];
    if t.has(TokenFlags::INITIAL) {
        return None; // "Xavier B sample": a name does not end in an initial
    }
    if !name_word(last) {
        let surname_like = t.is_cap_word() && t.info.is(Class::TITLE) && last > body.start && {
            let prev = &text.tokens[last - 1];
            prev.is_cap_word() && prev.info.is(Class::GIVEN)
        };
        if !surname_like {
            return None;
        }
    }
    Some(last)
}

/// The first word of the name ending at `last`: back over name words (at most four), middle
/// initials ("Brian M. Good") and particles ("Ursula von der Leyen"), not past a given name's
/// first name, nor into a title ending in "of X" ("Secretary of State Madeleine Albright").
fn name_start(
    text: &Text,
    body: TokenRange,
    last: usize,
    name_word: impl Fn(usize) -> bool,
) -> usize {
    let mut first = last;
    let mut found_given = text.tokens[last].info.is(Class::GIVEN) && last == body.start;
    let mut name_words = 1;
    while first > body.start {
        let k = first - 1;
        let t = &text.tokens[k];
        if text.word(k) == "." && k > body.start && text.tokens[k - 1].has(TokenFlags::INITIAL) {
            first = k - 1;
            continue;
        }
        if t.has(TokenFlags::INITIAL) && t.is_cap_word()
            || is_name_particle(text, k) && k > body.start && text.tokens[k - 1].is_cap_word()
        {
            first = k;
            continue;
        }
        if found_given && !t.info.is(Class::GIVEN)
            || k > body.start && text.word(k - 1) == "of"
            || !name_word(k)
            || name_words >= 4
        {
            break;
        }
        found_given |= t.info.is(Class::GIVEN);
        name_words += 1;
        first = k;
    }
    first
}

/// The gender of a person: from an honorific or a gendered role noun of the title ("Mrs",
/// "chairwoman"), else from the given name.
pub(super) fn gender_of_name(text: &Text, name: TokenRange, title: Option<TokenRange>) -> Gender {
    let lex = lexicon();
    for i in title.into_iter().flat_map(|t| t.start..t.end) {
        let info = text.tokens[i].info;
        if info.is(Class::HONORIFIC) && lex.spelled(Class::HONORIFIC, text.word(i)) {
            if info.is(Class::MASC) {
                return Gender::Male;
            }
            if info.is(Class::FEM) {
                return Gender::Female;
            }
        }
        match lex.role(info).map(|role| role.gender) {
            Some('m') => return Gender::Male,
            Some('f') => return Gender::Female,
            _ => {}
        }
    }
    let info = text.tokens[name.start].info;
    match (info.is(Class::GIVEN_M), info.is(Class::GIVEN_F)) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Is the title `title` only an honorific, not worth keeping ("Mr", "Dr.")?
pub(super) fn is_honorific(text: &Text, title: TokenRange) -> bool {
    let word = text.word(title.start);
    let honorific = text.tokens[title.start].info.is(Class::HONORIFIC)
        && lexicon().spelled(Class::HONORIFIC, word);
    honorific && (title.len() == 1 || title.len() == 2 && text.word(title.last()) == ".")
}

/// A known name found in a phrase: what it names, where, and whether it is a short form.
pub(super) type KnownName = (NameTarget, TokenRange, bool);

/// Up to four known names found in a phrase, without allocating (the last four if more).
#[derive(Default)]
pub(super) struct Names {
    items: [Option<KnownName>; 4],
    len: usize,
}

impl Names {
    fn push(&mut self, item: KnownName) {
        if self.len == self.items.len() {
            self.items.rotate_left(1);
            self.len -= 1;
        }
        self.items[self.len] = Some(item);
        self.len += 1;
    }

    pub(super) fn iter(&self) -> impl DoubleEndedIterator<Item = &KnownName> {
        self.items[..self.len].iter().flatten()
    }

    pub(super) fn first(&self) -> Option<&KnownName> {
        self.iter().next()
    }

    pub(super) fn last(&self) -> Option<&KnownName> {
        self.iter().next_back()
    }
}

/// The longest known name (outlet, organization, country) at token `i` ending by `last`.
pub(crate) fn known_name_at(
    text: &Text,
    i: usize,
    last: usize,
) -> Option<(NameTarget, usize, bool)> {
    let t = &text.tokens[i];
    if t.kind == TokenKind::Word && !t.info.is(Class::NAME_START) {
        return None; // no known name starts with this word (numbers are not looked up)
    }
    // Every entry's first token is the word it was found by: only the tokens after it are
    // compared, the second against the word read once here (most entries differ there).
    let entries = lexicon().names_starting(text.word(i));
    let next = text.word(i + 1);
    let matches = |entry: &NameEntry, same: fn(&str, &str) -> bool| {
        entry.tokens.get(1).is_none_or(|second| same(next, second))
            && (2..entry.tokens.len()).all(|k| same(text.word(i + k), &entry.tokens[k]))
    };
    let mut best: Option<(NameTarget, usize, bool)> = None;
    for entry in entries {
        let end = i + entry.tokens.len() - 1;
        if end <= last && matches(entry, |a, b| a == b) && best.is_none_or(|(_, e, _)| end > e) {
            best = Some((entry.target, end, entry.short));
        }
    }
    if best.is_none() && text.tokens[i].is_cap_word() {
        // "The Wall Street journal": a long name written with a lower-case word.
        for entry in entries {
            let end = i + entry.tokens.len() - 1;
            if entry.tokens.len() < 3 || entry.short || end > last {
                continue;
            }
            if matches(entry, str::eq_ignore_ascii_case) && best.is_none_or(|(_, e, _)| end > e) {
                best = Some((entry.target, end, false));
            }
        }
    }
    best
}

/// All known names inside `np`, left to right, not overlapping (longest first at each start).
pub(super) fn known_names(text: &Text, np: TokenRange) -> Names {
    let mut out = Names::default();
    let mut i = np.start;
    while i <= np.last() {
        if let Some((target, end, short)) = known_name_at(text, i, np.last()) {
            out.push((target, TokenRange::new(i, end + 1), short));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}
