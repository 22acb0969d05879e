//! The lexicons: word lists kept as data files under `data/`, parsed once into lookup tables.
//!
//! Every word of the text is looked up once (lower-cased) by the tokenizer, which stores the
//! [`WordInfo`] in the token; names of outlets, organizations and countries are matched as
//! token sequences, case-sensitively, through [`Lexicon::names_at`].

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Relation;

mod parse;
mod table;

bitflags::bitflags! {
    /// Word classes, as bits of [`WordInfo::flags`]. The data files name them in lower case
    /// (`det`, `pron`, ...); see the header of each file for what they mean.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub(crate) struct Class: u64 {
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
        // Bits 30-39: the rules' and the assembly's classes.
        /// A perfect auxiliary, a form of "have" ("has said", "hadn't told").
        const HAVE = 1 << 30;
        /// A form of "be" before a verb ("is saying", "was quoted").
        const BE = 1 << 31;
        /// A quantifier that can stand for people ("Some say", "Many in the crowd said").
        const QUANTIFIER = 1 << 32;
        /// A determiner after which a verb form is an adjective ("the said agreement").
        const ATTRIBUTIVE_DET = 1 << 33;
        /// A conjunction after which a clause of its own starts (", and Trump has said",
        /// "because he said"); with [`Class::CONJ`], one that joins a second verb to the
        /// first one's subject ("said ..., but added").
        const LINK = 1 << 34;
        /// A preposition before a channel ("in a statement", "at a news conference").
        const PREP_BEFORE_CHANNEL = 1 << 35;
        /// A verb whose infinitive complement is the statement ("tried to suggest").
        const TRANSPARENT = 1 << 36;
        /// A preposition after a channel, before who or where ("an interview with CNN",
        /// "comments to reporters", "a post on X", "a statement by the ministry").
        const PREP_AFTER_CHANNEL = 1 << 37;
        /// A channel a statement was made in ("in a statement", "in an interview with CNN"); the
        /// capitalized ones are social platforms ("on Twitter").
        const CHANNEL = 1 << 38;
        /// What a plan, a rule or a custom prescribes: "according to plan" names no source.
        const NOT_ACCOUNT = 1 << 39;
        // Mention typing and noun phrases (bits 40-49): see the mention section of
        // `data/word_classes.tsv`.
        /// A lower-case particle inside names: "von", "der", "bin".
        const NAME_PARTICLE = 1 << 40;
        /// A lower-case word that makes "agency" or "service" an outlet's: "news", "wire".
        const OUTLET_MODIFIER = 1 << 41;
        /// An honorific before a name, not worth keeping as a title: "Mr", "Dr" (the data
        /// gives its spelling; `masc` or `fem` its gender).
        const HONORIFIC = 1 << 42;
        /// A generational suffix after a name: "Jr", "III" (the data gives its spelling).
        const NAME_SUFFIX = 1 << 43;
        /// A definite determiner: "the", "this", "those".
        const DEFINITE = 1 << 44;
        /// A word that counts people: "percent", "majority", "dozens", "another" (`plural`
        /// unless it counts one).
        const QUANTITY = 1 << 45;
        /// Suffixes of nouns naming people: "-ist", "-er" (see [`Lexicon::ends_in`]).
        const AGENT = 1 << 46;
        /// A word that follows a head noun and brings a complement: "people familiar with
        /// the matter"; two-word rows give an adjective and its preposition (see
        /// [`Lexicon::pair`]).
        const POSTMODIFIER = 1 << 47;
        /// A word before a time word in a time expression: "this week", "past month".
        const TIME_OPENER = 1 << 48;
        /// An adverb set off by commas after a subject: "Trump, however, said".
        const SENTENCE_ADVERB = 1 << 49;
        // Coreference (bits 50-55).
        /// A preposition that ends the role words of a title at its complement: "head of the
        /// speaker's secretariat" is a head, not a speaker (coreference).
        const TITLE_STOP = 1 << 50;
        /// A pronoun of the first or second person ("I", "we", "you"): it names the speaker
        /// or the one spoken to, never a source named before (coreference).
        const FIRST_SECOND = 1 << 51;
        /// A word of an organization's name that makes it a government body "the agency" may
        /// refer to: "Ministry of Defence", "Secret Service" (coreference).
        const AGENCY_WORD = 1 << 52;
        /// An article a title loses when an appositive gives it: "the national security
        /// adviser" (coreference).
        const ARTICLE = 1 << 53;
        // Chains (bits 54-55).
        /// A past participle that, with "by Y" after the words or the document it follows,
        /// makes Y their relay: "reports cited by MySA", "a memo obtained by Politico", "a
        /// letter seen by Reuters" (rules: quoted_by, according_to).
        const RELAY_PARTICIPLE = 1 << 54;
        /// A preposition joining a reporter's name to the outlet they write for: "Maria Lopez
        /// *of* the Financial Times", "Jane Roe *for* NPR" (rules: relays).
        const REPORTER_PREP = 1 << 55;
        /// A word that opens a credit line at a document's foot ("Source: BTA").
        const CREDIT = 1 << 56;
        /// A word of a phrase that credits who supplied or published the story: "CNN's Jane
        /// Doe *contributed* to this report", "This article *originally* appeared on X",
        /// "views that do not *necessarily* reflect those of X", "a memo *obtained* by X"
        /// (publisher).
        const CREDIT_CUE = 1 << 63;
        // Entities (bits 60-62).
        /// A word that is never a name, nor the first word of one, though a sentence may open
        /// with it capitalized: a sentence adverb or opener the other classes do not hold
        /// ("Perhaps", "According", "Apparently"). See [`Class::NEVER_NAME`].
        const NOT_NAME = 1 << 60;
        /// A capitalized word that ends a company's name, as the data writes it ("Inc",
        /// "Productions", "Records"): the name is an organization's, no person's.
        const COMPANY_WORD = 1 << 61;
        // Cues (bits 57-59).
        /// A word opening an indirect question that a verb of speech reports: "explained how
        /// ...", "asked whether ...", "recalled what happened" (rules: contents; not "when",
        /// "if", which also open adverbials).
        const INDIRECT_QUESTION = 1 << 57;
        /// A determiner or pronoun saying that no one spoke: "no group claimed", "nobody
        /// said" (rules: subjects).
        const NEG_DET = 1 << 58;
        /// A reflexive pronoun that may stand after its subject for emphasis: "Cruz *himself*
        /// said", "Tester, *himself* up for reelection, said" (rules: verb groups; noun
        /// phrases: appositives).
        const REFLEXIVE = 1 << 62;
        /// A preposition after a verb of speech, before whom or where the words were said:
        /// "spoke *to* Reuters", "talked *with* CNN", "said *on* ABC" (rules: interview).
        const PREP_AFTER_SPEECH = 1 << 59;
        const GIVEN = Self::GIVEN_M.bits() | Self::GIVEN_F.bits() | Self::GIVEN_U.bits();
        /// The words that are never a name when a sentence opens with them capitalized:
        /// function words, adverbs, quantities, forms of "be" and "have" and
        /// [`Class::NOT_NAME`] ("Even", "Did", "Though", "Others", "According"). Who asks also
        /// lets a given name, a title, a role or a determiner pass ("Will Doyle", "First
        /// Lady", "The").
        const NEVER_NAME = Self::ADV.bits()
            | Self::AUX.bits()
            | Self::SUB.bits()
            | Self::CONJ.bits()
            | Self::PREP.bits()
            | Self::NEG.bits()
            | Self::REL.bits()
            | Self::PRON.bits()
            | Self::OBJ.bits()
            | Self::STARTER.bits()
            | Self::QUANTITY.bits()
            | Self::QUANTIFIER.bits()
            | Self::HAVE.bits()
            | Self::BE.bits()
            | Self::SENTENCE_ADVERB.bits()
            | Self::NOT_NAME.bits();
    }
}

/// What the lexicon knows about one (lower-cased) word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
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
    pub(crate) fn is(&self, class: Class) -> bool {
        self.flags.intersects(class)
    }
}

bitflags::bitflags! {
    /// Grammatical forms of a verb occurrence.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub(crate) struct Form: u8 {
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
    pub(crate) struct VerbFlags: u16 {
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
        // Bits 9-12: the rules' flags.
        /// One of the plainest speech verbs: any noun phrase before it speaks ("respondents
        /// said"), a quantifier too ("Some say").
        const PLAIN = 1 << 9;
        /// Its gerund reports speech after "quoted as" ("was quoted as saying").
        const AS_SAYING = 1 << 10;
        /// "as Y reported": its past tense (a relay verb's present too) credits Y with the
        /// content.
        const ASIDE = 1 << 11;
        /// Its gerund right after a speaker opens a clause about them ("said Smith adding
        /// that ...", "citing").
        const COMMENT = 1 << 12;
        // Bits 13-14: cues.
        /// Before a number it reports a figure, not words: "added 20 points", "U.S. adds
        /// 20,000 jobs", "claimed 34 lives", "charged 12 executives".
        const FIGURES = 1 << 13;
        /// A person's object of it is what they told of, words or not: "She recalled her days
        /// as secretary", "Buchanan recalled the strategy", "recalled sitting in on focus
        /// groups" (not a body's: "Toyota recalled 1 million cars").
        const RECOUNT = 1 << 14;
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Verb {
    pub lemma: String,
    /// The particle of a phrasal verb ("out" in "point out").
    pub particle: Option<String>,
    pub relation: Relation,
    pub flags: VerbFlags,
    /// The first word of each of its forms, as the data spells them ("told" for the past of
    /// "tell"; "summed" for "sum up").
    pub forms: Vec<(Form, String)>,
}

impl Verb {
    /// How it is spelled in the forms `forms`, each spelling once.
    pub(crate) fn spellings(&self, forms: Form) -> Vec<&str> {
        let mut words: Vec<&str> = (self.forms.iter())
            .filter(|(form, _)| form.intersects(forms))
            .map(|(_, word)| word.as_str())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    pub(crate) fn has(&self, flag: VerbFlags) -> bool {
        self.flags.intersects(flag)
    }

    /// The object after it names who was spoken to ("told reporters").
    pub(crate) fn takes_recipient(&self) -> bool {
        self.has(VerbFlags::RECIPIENT)
    }
}

/// One reading of a word as a reporting verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VerbForm {
    pub verb: u16,
    pub forms: Form,
}

/// What kind of thing a role noun names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RoleType {
    Person,
    Org,
    Outlet,
    Document,
    Media,
}

#[derive(Clone, Debug)]
pub(crate) struct Role {
    pub singular: String,
    pub plural: String,
    pub kind: RoleType,
    /// 'm', 'f', 'u' or 'n'.
    pub gender: char,
    /// Title words a definite description with this noun may resolve to.
    pub refers: Vec<String>,
    /// The one kind of outlet the noun names, if it names one (`outlet:newspaper` in the
    /// data): "the newspaper" is no broadcaster, and "the agency" may be a news agency.
    pub outlet: Option<OutletKind>,
    /// The members of a political party (`person:party` in the data, a plural): one group
    /// ("Democrats said", "House Republicans"), not unnamed people.
    pub party: bool,
}

/// What sort of outlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OutletKind {
    Agency,
    Newspaper,
    Broadcaster,
    Magazine,
    Online,
}

impl OutletKind {
    /// The role noun that names an outlet of this kind ("the agency", "the website").
    pub(crate) fn noun(self) -> &'static str {
        match self {
            OutletKind::Agency => "agency",
            OutletKind::Newspaper => "newspaper",
            OutletKind::Broadcaster => "broadcaster",
            OutletKind::Magazine => "magazine",
            OutletKind::Online => "website",
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Outlet {
    pub id: String,
    pub label: String,
    pub kind: OutletKind,
}

#[derive(Clone, Debug)]
pub(crate) struct Org {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug)]
pub(crate) struct Country {
    pub name: String,
}

/// What a known name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum NameTarget {
    Outlet(u16),
    Org(u16),
    Country(u16),
}

/// A known name as a token sequence.
#[derive(Clone, Debug)]
pub(crate) struct NameEntry {
    pub tokens: Vec<String>,
    pub target: NameTarget,
    /// A short form ("Times") that only counts once the full name was mentioned.
    pub short: bool,
}

/// How an abbreviation with a final period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Stands before a name: never ends a sentence.
    Title,
    /// A month: ends no sentence before a number.
    Month,
    /// May end a sentence.
    Other,
}

pub(crate) struct Lexicon {
    words: FxHashMap<String, WordInfo>,
    /// The entries the data gives otherwise than as a lower-case word, by class (sorted):
    /// spellings with capitals ([`Lexicon::spelled`]), suffixes ("-ist", [`Lexicon::ends_in`])
    /// and two-word sequences ("familiar with", [`Lexicon::pair`]).
    spellings: FxHashMap<Class, Vec<String>>,
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
    /// The gazetteer: names of places as the tokenizer splits them, joined by single spaces
    /// ([`Lexicon::is_place`]).
    places: FxHashSet<String>,
}

/// The lexicon, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON
        .get_or_init(|| Lexicon::parse(&Sources::BUILT_IN).expect("built-in lexicon data is valid"))
}

/// The data files' texts.
pub(crate) struct Sources<'a> {
    pub function_words: &'a str,
    pub word_classes: &'a str,
    pub abbreviations: &'a str,
    pub reporting_verbs: &'a str,
    pub roles: &'a str,
    pub titles: &'a str,
    pub outlets: &'a str,
    pub organizations: &'a str,
    pub nationalities: &'a str,
    pub given_names: &'a str,
    pub places: &'a str,
}

impl Sources<'static> {
    pub(crate) const BUILT_IN: Sources<'static> = Sources {
        function_words: include_str!("data/function_words.tsv"),
        word_classes: include_str!("data/word_classes.tsv"),
        abbreviations: include_str!("data/abbreviations.tsv"),
        reporting_verbs: include_str!("data/reporting_verbs.tsv"),
        roles: include_str!("data/roles.tsv"),
        titles: include_str!("data/titles.txt"),
        outlets: include_str!("data/outlets.tsv"),
        organizations: include_str!("data/organizations.tsv"),
        nationalities: include_str!("data/nationalities.tsv"),
        given_names: include_str!("data/given_names.tsv"),
        places: include_str!("data/places.tsv"),
    };
}

/// Splits a name into the tokens the tokenizer would make of it.
pub(crate) fn name_tokens(name: &str) -> Vec<String> {
    crate::scan::spans(name)
        .into_iter()
        .map(|(s, e)| name[s..e].to_string())
        .collect()
}

/// The tokens of [`name_tokens`] joined by single spaces, in one string (how the gazetteer keys
/// its places).
pub(crate) fn joined_name_tokens(name: &str) -> String {
    let mut joined = String::with_capacity(name.len() + 4);
    crate::scan::scan(name, |piece| {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&name[piece.start..piece.end]);
    });
    joined
}

impl Lexicon {
    /// Looks a word up, lower-casing it into `buf`.
    pub(crate) fn word(&self, word: &str, buf: &mut String) -> WordInfo {
        self.table.get(word, buf)
    }

    /// Looks the word `text[start..end]` up: the same as `word(&text[start..end])`, faster.
    #[inline]
    pub(crate) fn word_in(
        &self,
        text: &str,
        start: usize,
        end: usize,
        buf: &mut String,
    ) -> WordInfo {
        self.table.get_in(text, start, end, buf)
    }

    /// Looks up `text[start..end]`, a word of ASCII letters and digits only.
    #[inline]
    pub(crate) fn plain_word_in(&self, text: &str, start: usize, end: usize) -> WordInfo {
        self.table.get_plain(text, start, end)
    }

    /// Is `word`, spelled as it is, one of the words of `class` that the data writes with
    /// capitals ("News" and "TV" are outlet words; "news" and "Tv" are not)?
    pub(crate) fn spelled(&self, class: Class, word: &str) -> bool {
        self.spellings
            .get(&class)
            .is_some_and(|s| s.binary_search_by(|x| x.as_str().cmp(word)).is_ok())
    }

    /// Does `word` end in one of the suffixes the data gives for `class` ("-ist": "socialist")?
    /// The comparison is case-sensitive.
    pub(crate) fn ends_in(&self, class: Class, word: &str) -> bool {
        self.spellings.get(&class).is_some_and(|entries| {
            entries
                .iter()
                .filter_map(|entry| entry.strip_prefix('-'))
                .any(|suffix| word.ends_with(suffix))
        })
    }

    /// Is `first second`, spelled as it is, one of the two-word sequences the data gives for
    /// `class` ("familiar with")?
    pub(crate) fn pair(&self, class: Class, first: &str, second: &str) -> bool {
        // The entries are sorted: compare them with `first second` without building it.
        let wanted = || first.bytes().chain([b' ']).chain(second.bytes());
        self.spellings.get(&class).is_some_and(|entries| {
            entries
                .binary_search_by(|entry| entry.bytes().cmp(wanted()))
                .is_ok()
        })
    }

    pub(crate) fn verb_forms(&self, info: WordInfo) -> &[VerbForm] {
        match info.verb_forms {
            0 => &[],
            i => &self.verb_forms[i as usize - 1],
        }
    }

    pub(crate) fn role(&self, info: WordInfo) -> Option<&Role> {
        match info.role {
            0 => None,
            i => self.roles.get(i as usize - 1),
        }
    }

    /// Known names whose first token is `first` (exact case).
    pub(crate) fn names_starting(&self, first: &str) -> &[NameEntry] {
        self.names.get(first).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Is the name of these words, as the tokenizer splits it ("Rio de Janeiro", "St. Louis"),
    /// a place of the gazetteer (`data/places.tsv`): a city of 100,000 people or more, a US
    /// state, a country, a continent or a region? Case-sensitive.
    pub(crate) fn is_place<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> bool {
        let mut words = words.into_iter();
        let first = words.next().unwrap_or_default();
        let Some(second) = words.next() else {
            // A name of one word, the most common: no key to build.
            return self.places.contains(first);
        };
        let mut key = String::with_capacity(32);
        key.push_str(first);
        for word in std::iter::once(second).chain(words) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
        }
        self.places.contains(&key)
    }

    pub(crate) fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        self.abbreviations.get(word).copied()
    }

    pub(crate) fn verb(&self, id: u16) -> &Verb {
        &self.verbs[id as usize]
    }

    pub(crate) fn outlet(&self, id: u16) -> &Outlet {
        &self.outlets[id as usize]
    }

    pub(crate) fn org(&self, id: u16) -> &Org {
        &self.orgs[id as usize]
    }

    /// Every name with its target (consistency checks; the publisher's domain forms).
    pub(crate) fn all_names(&self) -> impl Iterator<Item = &NameEntry> {
        self.names.values().flatten()
    }
}

#[cfg(test)]
mod tests;
