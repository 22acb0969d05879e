//! What a statement's content says, reduced to what comparing it needs: its content words as
//! hashes (lower case, punctuation and function words out), the numbers and names among them,
//! and whether it is negated. Comparing two of these is [`super::similar`]'s job.

use crate::lexicon::{Class, lexicon};

/// Words that carry no fact of their own: dropped before comparing ("the", "of", "he", "has").
/// Negations are not among them: they are counted apart ([`Words::negated`]).
const FUNCTION_WORDS: Class = Class::DET
    .union(Class::POSS)
    .union(Class::PRON)
    .union(Class::OBJ)
    .union(Class::REL)
    .union(Class::PREP)
    .union(Class::CONJ)
    .union(Class::SUB)
    .union(Class::AUX)
    .union(Class::BE)
    .union(Class::HAVE)
    .union(Class::ARTICLE);

/// How many words a statement keeps, at most: the `MAX_WORDS` smallest hashes of a longer one
/// (a bottom-k sketch, so that two long statements are still compared on the same words).
pub(crate) const MAX_WORDS: usize = 64;

/// A statement's content, ready to be compared: one list of items (content words, then
/// numbers, then names), boxed as [`words`] makes it, or borrowed from wherever it is kept
/// (`I` is `&[u32]` then; `()` for the counts alone, with the items elsewhere).
#[derive(Debug)]
pub(crate) struct Words<I = Box<[u32]>> {
    /// Content words (numbers and names included), hashed, sorted, each once; then numbers
    /// (and words with digits: "12-day"), then names (words with a capital), each hashed the
    /// same way, sorted and as often as they come: a statement that swaps one for another says
    /// something else, even where the one swapped out is said elsewhere in it too.
    items: I,
    n_words: u8,
    n_numbers: u16,
    /// An odd number of negations ("not", "never", "didn't").
    pub negated: bool,
}

impl<I> Words<I> {
    /// The same counts with the items `items` (these items, kept elsewhere).
    pub(crate) fn with_items<J>(&self, items: J) -> Words<J> {
        Words {
            items,
            n_words: self.n_words,
            n_numbers: self.n_numbers,
            negated: self.negated,
        }
    }

    /// How many content words there are.
    pub(crate) fn word_count(&self) -> usize {
        usize::from(self.n_words)
    }
}

impl<I: AsRef<[u32]>> Words<I> {
    /// Every item, to be kept elsewhere ([`Words::with_items`]).
    pub(crate) fn items(&self) -> &[u32] {
        self.items.as_ref()
    }

    pub(crate) fn words(&self) -> &[u32] {
        &self.items()[..usize::from(self.n_words)]
    }

    pub(crate) fn numbers(&self) -> &[u32] {
        let start = usize::from(self.n_words);
        &self.items()[start..start + usize::from(self.n_numbers)]
    }

    pub(crate) fn names(&self) -> &[u32] {
        &self.items()[usize::from(self.n_words) + usize::from(self.n_numbers)..]
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// One word of a content, as [`next_word`] finds it.
struct Word {
    start: usize,
    end: usize,
    /// FNV-1a of its lower-case spelling (a curly apostrophe as a straight one).
    hash: u64,
    /// ASCII letters and digits only.
    plain: bool,
    digit: bool,
    upper: bool,
}

impl Word {
    fn add(&mut self, byte: u8) {
        self.hash = (self.hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
    }

    /// The hash folded to 32 bits: how words are compared.
    fn key(&self) -> u32 {
        (self.hash ^ (self.hash >> 32)) as u32
    }
}

/// The character at byte `at` (a boundary) and whether it is a letter or digit.
fn char_at(content: &str, at: usize) -> Option<(char, bool)> {
    let c = content.get(at..)?.chars().next()?;
    Some((c, c.is_alphanumeric()))
}

/// Whether a word character starts at byte `at`.
fn word_char_at(content: &str, at: usize) -> bool {
    match content.as_bytes().get(at) {
        Some(byte) if *byte < 0x80 => byte.is_ascii_alphanumeric(),
        Some(_) => char_at(content, at).is_some_and(|(_, word)| word),
        None => false,
    }
}

/// Whether the apostrophe before byte `at` begins a possessive ending ("'s" and no more).
fn possessive_at(content: &str, at: usize) -> bool {
    matches!(content.as_bytes().get(at), Some(b's' | b'S')) && !word_char_at(content, at + 1)
}

/// The next word of `content` from byte `at`: letters and digits, kept together across ".",
/// "-" and apostrophes between them ("U.S.", "3.2", "12-day", "didn't"), without a possessive
/// "'s"; hashed lower-case as it is read.
fn next_word(content: &str, mut at: usize) -> Option<Word> {
    let bytes = content.as_bytes();
    while !word_char_at(content, at) {
        at += match bytes.get(at)? {
            byte if *byte < 0x80 => 1,
            _ => char_at(content, at).map_or(1, |(c, _)| c.len_utf8()),
        };
    }
    let mut word = Word {
        start: at,
        end: at,
        hash: FNV_OFFSET,
        plain: true,
        digit: false,
        upper: false,
    };
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii_alphanumeric() {
            word.add(byte.to_ascii_lowercase());
            word.digit |= byte.is_ascii_digit();
            word.upper |= byte.is_ascii_uppercase();
            at += 1;
            continue;
        }
        let (c, len) = match char_at(content, at) {
            Some((c, true)) => {
                word.upper |= c.is_uppercase();
                let mut utf8 = [0u8; 4];
                for lower in c.to_lowercase() {
                    lower
                        .encode_utf8(&mut utf8)
                        .bytes()
                        .for_each(|b| word.add(b));
                }
                (c, c.len_utf8())
            }
            Some((c, false)) if matches!(c, '.' | '-' | '\'' | '\u{2019}') => (c, c.len_utf8()),
            _ => break,
        };
        if !c.is_alphanumeric() {
            let apostrophe = matches!(c, '\'' | '\u{2019}');
            if !word_char_at(content, at + len) || (apostrophe && possessive_at(content, at + len))
            {
                break;
            }
            word.add(if apostrophe { b'\'' } else { c as u8 });
        }
        word.plain = false;
        at += len;
    }
    word.end = at;
    Some(word)
}

/// The [`Words`] of `content`: its words ([`next_word`]), function words out, as the lexicon
/// classes them.
pub(crate) fn words(content: &str) -> Words {
    let lexicon = lexicon();
    let mut words = Vec::with_capacity(content.len() / 5 + 4);
    let (mut numbers, mut names) = (Vec::new(), Vec::new());
    let mut negated = false;
    let mut buf = String::new();
    let mut at = 0;
    while let Some(word) = next_word(content, at) {
        at = word.end;
        let spelled = &content[word.start..word.end];
        let info = if word.plain {
            lexicon.plain_word_in(content, word.start, word.end)
        } else if spelled.contains('\u{2019}') {
            lexicon.word(&spelled.replace('\u{2019}', "'"), &mut buf)
        } else {
            lexicon.word_in(content, word.start, word.end, &mut buf)
        };
        if info.is(Class::NEG) || info.is(Class::NEG_DET) {
            negated = !negated;
            continue;
        }
        if info.is(FUNCTION_WORDS) {
            continue;
        }
        let key = word.key();
        words.push(key);
        if word.digit {
            numbers.push(key);
        } else if word.upper {
            names.push(key);
        }
    }
    words.sort_unstable();
    words.dedup();
    words.truncate(MAX_WORDS);
    numbers.truncate(usize::from(u16::MAX));
    names.truncate(usize::from(u16::MAX));
    numbers.sort_unstable();
    names.sort_unstable();
    let (n_words, n_numbers) = (words.len() as u8, numbers.len() as u16);
    words.extend(numbers);
    words.extend(names);
    Words {
        items: words.into_boxed_slice(),
        n_words,
        n_numbers,
        negated,
    }
}

/// `content` with its white space collapsed to single spaces, cut after about `max` bytes at a
/// word's end (with "…" then).
pub(crate) fn excerpt(content: &str, max: usize) -> String {
    let content = content.trim();
    let plain = content.len() <= max
        && !content.contains("  ")
        && !content
            .bytes()
            .any(|byte| byte.is_ascii_whitespace() && byte != b' ');
    if plain {
        return content.to_string();
    }
    let mut out = String::with_capacity(content.len().min(max + 4));
    for word in content.split_whitespace() {
        if out.len() + word.len() + 1 > max && !out.is_empty() {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if word.len() > max {
            let mut end = max;
            while !word.is_char_boundary(end) {
                end -= 1;
            }
            out.push_str(&word[..end]);
            out.push('…');
            return out;
        }
        out.push_str(word);
    }
    out
}
