//! What a statement's content says, reduced to what comparing it needs: its content words as
//! hashes (lower case, punctuation and function words out), the numbers and names among them,
//! and whether it is negated. Comparing two of these is [`super::similar`]'s job.

use crate::lexicon::{Class, lexicon};
use crate::scan::{self, TokenFlags, TokenKind};

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

/// A statement's content, ready to be compared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Words {
    /// Content words (numbers and names included), hashed, sorted, each once.
    pub words: Vec<u32>,
    /// Numbers (and words with digits: "12-day") and names (capitalised words), hashed as in
    /// `words`, sorted, each as often as it comes: a statement that swaps one for another says
    /// something else, even where the one swapped out is said elsewhere in it too.
    pub numbers: Vec<u32>,
    pub names: Vec<u32>,
    /// An odd number of negations ("not", "never", "didn't").
    pub negated: bool,
}

/// The hash of a word as compared: FNV-1a of its lower-case spelling, folded to 32 bits (made
/// without writing the lower-case spelling out).
fn word_hash(word: &str) -> u32 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for byte in word.bytes() {
            hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(PRIME);
        }
    } else {
        let mut utf8 = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            for &byte in c.encode_utf8(&mut utf8).as_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
            }
        }
    }
    (hash ^ (hash >> 32)) as u32
}

/// The [`Words`] of `content`.
pub(crate) fn words(content: &str) -> Words {
    let lexicon = lexicon();
    let mut out = Words::default();
    let mut buf = String::new();
    scan::scan(content, |piece| {
        let token = &content[piece.start..piece.end];
        match piece.kind {
            TokenKind::Number => {
                let hash = word_hash(token);
                out.words.push(hash);
                out.numbers.push(hash);
            }
            TokenKind::Word => {
                let info = if piece.plain {
                    lexicon.plain_word_in(content, piece.start, piece.end)
                } else {
                    lexicon.word_in(content, piece.start, piece.end, &mut buf)
                };
                if info.is(Class::NEG) || info.is(Class::NEG_DET) {
                    out.negated = !out.negated;
                } else if !info.is(FUNCTION_WORDS) {
                    let hash = word_hash(token);
                    out.words.push(hash);
                    if token.bytes().any(|byte| byte.is_ascii_digit()) {
                        out.numbers.push(hash);
                    } else if piece.flags.contains(TokenFlags::CAP)
                        || token.chars().skip(1).any(char::is_uppercase)
                    {
                        out.names.push(hash);
                    }
                }
            }
            TokenKind::Punct | TokenKind::Quote(_) | TokenKind::Dash | TokenKind::Possessive => {}
        }
    });
    out.words.sort_unstable();
    out.words.dedup();
    out.words.truncate(MAX_WORDS);
    out.numbers.sort_unstable();
    out.names.sort_unstable();
    out
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
