//! Unnamed sources by their shape: quantities of people ("46 percent", "another"), and, for the
//! rules, nouns the lexicon does not know as roles but that a speech verb makes speak
//! ("respondents said", "the actress said"). The last decider, `other`, is here too.

use crate::lexicon::{Class, lexicon};
use crate::mention::np::opens_clause;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::{Mention, MentionKind, Phrase};

/// Numbers and quantities of people: "46 percent", "nine in 10", "another", "each side",
/// "dozens". Plural unless the quantity is one ("one", "another", "each").
pub(super) fn quantity(p: &Phrase) -> Option<MentionKind> {
    let head = p.layout().head;
    let t = &p.text.tokens[head];
    let number = t.kind == TokenKind::Number || p.text.word(head) == "%";
    if !(number || t.kind == TokenKind::Word && t.info.is(Class::QUANTITY)) {
        return None;
    }
    // A partitive keeps its count: "some of the others".
    let partitive = p.has_det && p.text.word(p.body.start) == "of";
    Some(MentionKind::Unnamed {
        label: if partitive { p.np } else { p.body },
        plural: number || t.info.is(Class::PLURAL),
    })
}

/// People named by the plural of a common noun written with a capital: of a nationality
/// anywhere ("Many Tunisians", "Tunisians worry"), or of a noun of people that is capitalized
/// only because it opens its sentence ("Traders cited", "Builders have complained"). Not a
/// surname that looks like one ("Peters", plural of a given name; "Sanders" after "Bernie
/// Sanders" is left to coreference), a known name ("Reuters") or place, nor a name of two
/// words.
pub(super) fn plural_noun(p: &Phrase) -> Option<MentionKind> {
    let (text, body) = (p.text, p.body);
    let head = body.start;
    let t = &text.tokens[head];
    let plain = t.is_cap_word()
        && !t.has(TokenFlags::ALL_CAPS)
        && !t.info.is(Class::NAME_START | Class::NEVER_NAME);
    if body.len() != 1 || !plain {
        return None;
    }
    let singular = text.word(head).strip_suffix('s')?;
    let lex = lexicon();
    let info = lex.word(singular, &mut String::new());
    let demonym = info.is(Class::NATIONALITY);
    let opening_noun = lex.ends_in(Class::AGENT, singular)
        && !info.is(Class::GIVEN | Class::NATIONALITY)
        && opens_clause(text, head)
        && !lex.is_place([text.word(head)]);
    (demonym || opening_noun).then_some(MentionKind::Unnamed {
        label: body,
        plural: true,
    })
}

/// Whatever is left: not a source by its shape ("the weather").
pub(super) fn other(_: &Phrase) -> Option<MentionKind> {
    Some(MentionKind::Other)
}

/// A noun phrase the lexicon cannot place, taken as an unnamed source because a speech verb
/// says it spoke: a plural noun ("respondents said", "donors") or one shaped like a person's
/// ("the actress", "the self-described democratic socialist", "the attendant", "the announcer").
pub(crate) fn as_unnamed(text: &Text, mention: &Mention) -> Option<Mention> {
    if !matches!(mention.kind, MentionKind::Other) {
        return None;
    }
    let np = mention.np;
    if surveyed_people(text, np) {
        return Some(Mention {
            np,
            kind: MentionKind::Unnamed {
                label: np,
                plural: true,
            },
        });
    }
    let word = text.word(np.last());
    let plural = word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us");
    if !is_common_noun(text, np.last()) || !(plural || is_agent_noun(text, np.last())) {
        return None;
    }
    let first = &text.tokens[np.start];
    // A partitive keeps its count, which says how many speak: "one of the hostages".
    let partitive = np.len() > 2 && text.word(np.start + 1) == "of";
    let plural = if partitive {
        first.info.is(Class::PLURAL)
    } else {
        plural
    };
    let has_det = first.info.is(Class::DET | Class::POSS) && np.len() > 1 && !partitive;
    let label = TokenRange::new(np.start + usize::from(has_det), np.end);
    Some(Mention {
        np,
        kind: MentionKind::Unnamed { label, plural },
    })
}

/// Is `np` the plural demonstrative and a past participle standing for the people it
/// describes: "those surveyed say", "those polled said", "those interviewed"? The participle
/// is a lower-case word in "-ed" that the lexicon knows as nothing else. Not "these changes"
/// (no participle), nor "those" alone (a pronoun, decided elsewhere).
fn surveyed_people(text: &Text, np: TokenRange) -> bool {
    if np.len() != 2 || !text.word(np.start).eq_ignore_ascii_case("those") {
        return false;
    }
    let t = &text.tokens[np.last()];
    let word = text.word(np.last());
    t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && word.len() > 4
        && word.ends_with("ed")
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !t
            .info
            .is(Class::TIME | Class::NEVER_NAME | Class::ROLE | Class::NEUT)
}

/// A lower-case word of letters and hyphens that may be a noun: no adverb, gerund, verb,
/// preposition, time word or other word that names nothing ("whenever").
fn is_common_noun(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    let word = text.word(i);
    t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !t.has(TokenFlags::LY)
        && !word.ends_with("ing")
        && !t.info.is(Class::VERB | Class::TIME | Class::NEVER_NAME)
}

/// A noun with a suffix that makes people ("-ist", "-ess", "-er"), unless the lexicon knows it
/// names a thing ("weather", "number").
fn is_agent_noun(text: &Text, i: usize) -> bool {
    lexicon().ends_in(Class::AGENT, text.word(i)) && !text.tokens[i].info.is(Class::NEUT)
}
