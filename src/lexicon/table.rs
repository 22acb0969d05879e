//! A frozen open-addressing table from lower-cased words to [`WordInfo`]. The tokenizer looks
//! every word up, so a lookup lower-cases the word into a 16-byte key while hashing it, and
//! compares keys as one 128-bit integer, touching one slot per probe; longer words (rare) go
//! to an ordinary hash map.

use rustc_hash::FxHashMap;

use crate::lexicon::WordInfo;

/// Words up to this many bytes live in the slots.
const INLINE: usize = 16;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// The key's hash with the lowest bit set; 0 marks an empty slot.
    tag: u64,
    key: u128,
    info: WordInfo,
}

pub struct WordTable {
    /// A power-of-two number of slots, at most half full.
    slots: Vec<Slot>,
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

/// The key and tag of an ASCII word of at most [`INLINE`] bytes, lower-cased.
#[inline]
fn key_of(bytes: &[u8]) -> (u128, u64) {
    let mut buf = [0u8; INLINE];
    buf[..bytes.len()].copy_from_slice(bytes);
    let lo = lower8(u64::from_le_bytes(buf[..8].try_into().unwrap_or([0; 8])));
    let hi = lower8(u64::from_le_bytes(buf[8..].try_into().unwrap_or([0; 8])));
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let hash = (lo.wrapping_mul(K).rotate_left(29) ^ hi).wrapping_mul(K) ^ bytes.len() as u64;
    (u128::from(lo) | u128::from(hi) << 64, hash | 1)
}

impl WordTable {
    /// Builds the table from (lower-cased word, info) pairs.
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, WordInfo)>) -> WordTable {
        let words: Vec<(&str, WordInfo)> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![Slot::default(); size],
            long: FxHashMap::default(),
        };
        for (word, info) in words {
            let bytes = word.as_bytes();
            if bytes.len() > INLINE || !bytes.is_ascii() {
                table.long.insert(word.to_string(), info);
                continue;
            }
            let (key, tag) = key_of(bytes);
            let mask = size - 1;
            let mut slot = (tag >> 1) as usize & mask;
            while table.slots[slot].tag != 0 {
                slot = (slot + 1) & mask;
            }
            table.slots[slot] = Slot { tag, key, info };
        }
        table
    }

    /// The info of `word`, compared lower-cased and without a final period.
    #[inline]
    pub fn get(&self, word: &str, buf: &mut String) -> WordInfo {
        let bytes = word.as_bytes();
        let bytes = bytes.strip_suffix(b".").unwrap_or(bytes);
        if bytes.len() <= INLINE && bytes.is_ascii() {
            return self.probe(bytes);
        }
        if self.long.is_empty() && bytes.is_ascii() {
            return WordInfo::default();
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        let key = buf.strip_suffix('.').unwrap_or(buf);
        if key.len() <= INLINE && key.is_ascii() {
            // Non-ASCII upper case that lower-cases to ASCII: look it up inline.
            return self.probe(key.as_bytes());
        }
        self.long.get(key).copied().unwrap_or_default()
    }

    /// Looks up a short ASCII word in the slots.
    #[inline]
    fn probe(&self, bytes: &[u8]) -> WordInfo {
        let (key, tag) = key_of(bytes);
        let mask = self.slots.len() - 1;
        let mut slot = (tag >> 1) as usize & mask;
        loop {
            let s = &self.slots[slot];
            if s.tag == tag && s.key == key {
                return s.info;
            }
            if s.tag == 0 {
                return WordInfo::default();
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_whatever_their_case_and_a_final_period() {
        let info = |flags| WordInfo {
            flags,
            ..WordInfo::default()
        };
        let table = WordTable::new([
            ("said", info(1)),
            ("gen", info(2)),
            ("émile", info(4)),
            ("secretary-general", info(8)),
        ]);
        let mut buf = String::new();
        assert_eq!(table.get("Said", &mut buf).flags, 1);
        assert_eq!(table.get("SAID", &mut buf).flags, 1);
        assert_eq!(table.get("Gen.", &mut buf).flags, 2);
        assert_eq!(table.get("Émile", &mut buf).flags, 4);
        assert_eq!(table.get("Secretary-General", &mut buf).flags, 8);
        assert_eq!(table.get("sai", &mut buf).flags, 0);
        assert_eq!(table.get(&"x".repeat(500), &mut buf).flags, 0);
    }
}
