//! A frozen open-addressing table from lower-cased words to [`WordInfo`]. The tokenizer looks
//! every word up, so a lookup lower-cases the word into a 16-byte key while hashing it and
//! probes an array of 16-bit fingerprints, small enough to stay in the first-level cache; only
//! a matching fingerprint leads to the key (compared as one 128-bit integer) and its info. Most
//! words of a text are not in the lexicon, and their lookups never leave the fingerprints.
//! Longer words (rare) go to an ordinary hash map.

use rustc_hash::FxHashMap;

use crate::lexicon::WordInfo;

/// Words up to this many bytes live in the slots.
const INLINE: usize = 16;

pub(super) struct WordTable {
    /// Per slot, the top bits of its key's hash with the lowest bit set; 0 marks an empty
    /// slot. A power-of-two number of slots, at most half full.
    tags: Vec<u16>,
    /// Per slot, the lower-cased word, zero-padded to 16 bytes.
    keys: Vec<u128>,
    infos: Vec<WordInfo>,
    long: FxHashMap<String, WordInfo>,
}

/// Lower-cases the ASCII letters of eight bytes at once.
#[inline]
fn lower8(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    let above_z = low7.wrapping_add(0x2525_2525_2525_2525); // > 'Z' sets the high bit
    let from_a = low7.wrapping_add(0x3f3f_3f3f_3f3f_3f3f); // >= 'A' sets the high bit
    let upper = from_a & !above_z & !x & HIGH;
    x | (upper >> 2)
}

/// Eight bytes of `bytes` from `at`, of which the first `len` (at most 8) count; the rest are
/// zeroed. Reads straight from the text when eight bytes are there, so no copy goes through the
/// stack (a small copy and a wide load of it stall the processor).
#[inline]
fn load8(bytes: &[u8], at: usize, len: usize) -> u64 {
    let mask = if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    match bytes.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or([0; 8])) & mask,
        None => bytes[at.min(bytes.len())..]
            .iter()
            .take(len)
            .rev()
            .fold(0, |x, &b| x << 8 | u64::from(b)),
    }
}

/// The key and hash of the ASCII word `bytes[start..start + len]` (at most [`INLINE`] bytes),
/// lower-cased. Bytes after the word may be read but do not count.
#[inline(always)]
fn key_of(bytes: &[u8], start: usize, len: usize) -> (u128, u64) {
    let lo = lower8(load8(bytes, start, len));
    let hi = if len > 8 {
        lower8(load8(bytes, start + 8, len - 8))
    } else {
        0
    };
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let hash = (lo.wrapping_mul(K).rotate_left(29) ^ hi).wrapping_mul(K) ^ len as u64;
    (u128::from(lo) | u128::from(hi) << 64, hash)
}

/// The slot a probe starts at and the fingerprint it looks for.
#[inline]
fn start_and_tag(hash: u64, mask: usize) -> (usize, u16) {
    (hash as usize & mask, (hash >> 48) as u16 | 1)
}

impl WordTable {
    /// Builds the table from (lower-cased word, info) pairs.
    pub(super) fn new<'w>(words: impl IntoIterator<Item = (&'w str, WordInfo)>) -> WordTable {
        let words: Vec<(&str, WordInfo)> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            tags: vec![0; size],
            keys: vec![0; size],
            infos: vec![WordInfo::default(); size],
            long: FxHashMap::default(),
        };
        for (word, info) in words {
            let bytes = word.as_bytes();
            if bytes.len() > INLINE || !bytes.is_ascii() {
                table.long.insert(word.to_string(), info);
                continue;
            }
            let (key, hash) = key_of(bytes, 0, bytes.len());
            let mask = size - 1;
            let (mut slot, tag) = start_and_tag(hash, mask);
            while table.tags[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table.tags[slot] = tag;
            table.keys[slot] = key;
            table.infos[slot] = info;
        }
        table
    }

    /// The info of `word`, compared lower-cased and without a final period.
    #[inline]
    pub(super) fn get(&self, word: &str, buf: &mut String) -> WordInfo {
        self.get_in(word, 0, word.len(), buf)
    }

    /// The info of the word `text[start..end]`, compared lower-cased and without a final
    /// period. The same as `get(&text[start..end])`, but a short word is read in place.
    #[inline]
    pub(super) fn get_in(
        &self,
        text: &str,
        start: usize,
        end: usize,
        buf: &mut String,
    ) -> WordInfo {
        let bytes = text.as_bytes();
        let word = &bytes[start..end];
        let len = word.strip_suffix(b".").unwrap_or(word).len();
        if len <= INLINE && word.is_ascii() {
            return self.probe(key_of(bytes, start, len));
        }
        if self.long.is_empty() && word.is_ascii() {
            return WordInfo::default();
        }
        buf.clear();
        buf.extend(text[start..end].chars().flat_map(char::to_lowercase));
        let key = buf.strip_suffix('.').unwrap_or(buf);
        if key.len() <= INLINE && key.is_ascii() {
            // Non-ASCII upper case that lower-cases to ASCII: look it up inline.
            return self.probe(key_of(key.as_bytes(), 0, key.len()));
        }
        self.long.get(key).copied().unwrap_or_default()
    }

    /// The info of `text[start..end]`, a word of ASCII letters and digits only (so with no
    /// final period to drop): the same as `get_in`, with fewer checks. Always inlined: the
    /// tokenizer calls it for most words, and LTO stopped inlining it when the binary grew
    /// (1x newswire `build -j1` 749.5 M -> 737.2 M instructions with it).
    #[inline(always)]
    pub(super) fn get_plain(&self, text: &str, start: usize, end: usize) -> WordInfo {
        let len = end - start;
        if len <= INLINE {
            return self.probe(key_of(text.as_bytes(), start, len));
        }
        match self.long.is_empty() {
            true => WordInfo::default(),
            false => self.get_in(text, start, end, &mut String::new()),
        }
    }

    /// Looks up a short ASCII word in the slots.
    #[inline]
    fn probe(&self, (key, hash): (u128, u64)) -> WordInfo {
        let mask = self.tags.len() - 1;
        let (mut slot, tag) = start_and_tag(hash, mask);
        loop {
            let found = self.tags[slot];
            if found == tag && self.keys[slot] == key {
                return self.infos[slot];
            }
            if found == 0 {
                return WordInfo::default();
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Class;

    #[test]
    fn finds_words_whatever_their_case_and_a_final_period() {
        let info = |bits| WordInfo {
            flags: Class::from_bits_retain(bits),
            ..WordInfo::default()
        };
        let table = WordTable::new([
            ("said", info(1)),
            ("gen", info(2)),
            ("émile", info(4)),
            ("secretary-general", info(8)),
        ]);
        let mut buf = String::new();
        assert_eq!(table.get("Said", &mut buf).flags.bits(), 1);
        assert_eq!(table.get("SAID", &mut buf).flags.bits(), 1);
        assert_eq!(table.get("Gen.", &mut buf).flags.bits(), 2);
        assert_eq!(table.get("Émile", &mut buf).flags.bits(), 4);
        assert_eq!(table.get("Secretary-General", &mut buf).flags.bits(), 8);
        assert_eq!(table.get("sai", &mut buf).flags.bits(), 0);
        assert_eq!(table.get(&"x".repeat(500), &mut buf).flags.bits(), 0);
    }

    #[test]
    fn a_word_inside_a_text_is_read_in_place_whatever_follows_it() {
        let info = |bits| WordInfo {
            flags: Class::from_bits_retain(bits),
            ..WordInfo::default()
        };
        let table = WordTable::new([("said", info(1)), ("secretary", info(2)), ("u.s", info(4))]);
        let mut buf = String::new();
        let text = "Secretary SAID. U.S. said";
        let at = |word: &str| text.find(word).map(|s| (s, s + word.len())).unwrap();
        let get =
            |(start, end): (usize, usize), buf: &mut String| table.get_in(text, start, end, buf);
        assert_eq!(get(at("Secretary"), &mut buf).flags.bits(), 2);
        assert_eq!(get(at("SAID."), &mut buf).flags.bits(), 1);
        assert_eq!(get(at("U.S."), &mut buf).flags.bits(), 4);
        // At the very end, with fewer than eight bytes left to read.
        assert_eq!(get((text.len() - 4, text.len()), &mut buf).flags.bits(), 1);
        assert_eq!(get((text.len() - 3, text.len()), &mut buf).flags.bits(), 0);
        // Longer than eight bytes, near the end: "Secretary" as the last word.
        let text = "the Secretary";
        assert_eq!(table.get_in(text, 4, text.len(), &mut buf).flags.bits(), 2);
    }
}
