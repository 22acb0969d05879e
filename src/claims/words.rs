//! What a statement's content says, reduced to what comparing it needs: its content words as
//! hashes (lower case, punctuation and function words out), the numbers and names among them,
//! and whether it is negated. Comparing two of these is [`super::similar`]'s job.

use crate::hash::fnv1a;
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
    /// Numbers and names (capitalised words not opening a sentence), hashed as in `words`:
    /// a statement that swaps one for another says something else.
    pub numbers: Vec<u32>,
    pub names: Vec<u32>,
    /// An odd number of negations ("not", "never", "didn't").
    pub negated: bool,
}

/// The hash of a word as compared: of its lower-case spelling.
fn word_hash(lower: &str) -> u32 {
    let hash = fnv1a(lower.as_bytes());
    (hash ^ (hash >> 32)) as u32
}

/// The [`Words`] of `content`.
pub(crate) fn words(content: &str) -> Words {
    let lexicon = lexicon();
    let mut out = Words::default();
    let mut buf = String::new();
    // Whether the next word opens a sentence (so its capital says nothing).
    let mut opening = true;
    scan::scan(content, |piece| {
        let token = &content[piece.start..piece.end];
        match piece.kind {
            TokenKind::Number => {
                let hash = word_hash(token);
                out.words.push(hash);
                out.numbers.push(hash);
                opening = false;
            }
            TokenKind::Word => {
                let info = lexicon.word_in(content, piece.start, piece.end, &mut buf);
                let lower = token.to_lowercase();
                if info.is(Class::NEG) || info.is(Class::NEG_DET) {
                    out.negated = !out.negated;
                } else if !info.is(FUNCTION_WORDS) {
                    let hash = word_hash(&lower);
                    out.words.push(hash);
                    if piece.flags.contains(TokenFlags::CAP) && !opening {
                        out.names.push(hash);
                    }
                }
                opening = false;
            }
            TokenKind::Punct => opening = matches!(token, "." | "?" | "!" | ":" | ";"),
            TokenKind::Quote(_) | TokenKind::Dash | TokenKind::Possessive => {}
        }
    });
    for list in [&mut out.words, &mut out.numbers, &mut out.names] {
        list.sort_unstable();
        list.dedup();
    }
    out.words.truncate(MAX_WORDS);
    out
}

/// `content` with its white space collapsed to single spaces, cut after about `max` bytes at a
/// word's end (with "…" then).
pub(crate) fn excerpt(content: &str, max: usize) -> String {
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
