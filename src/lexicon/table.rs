//! A frozen open-addressing table from lower-cased words to [`WordInfo`]: the tokenizer looks
//! every word up, so the lookup lower-cases and hashes in one pass over the bytes, without
//! allocating, and rejects words longer than any key at once.

use crate::lexicon::WordInfo;

pub struct WordTable {
    /// Entry index + 1 per slot; 0 is empty. The length is a power of two.
    slots: Vec<u32>,
    keys: Vec<u8>,
    entries: Vec<Entry>,
    max_len: usize,
}

struct Entry {
    start: u32,
    len: u32,
    hash: u64,
    info: WordInfo,
}

/// The longest word looked up without allocating.
const STACK: usize = 48;

#[inline]
fn mix(hash: u64, byte: u8) -> u64 {
    (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

fn hash_of(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |h, &b| mix(h, b))
}

impl WordTable {
    /// Builds the table from (lower-cased word, info) pairs.
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, WordInfo)>) -> WordTable {
        let mut table = WordTable {
            slots: Vec::new(),
            keys: Vec::new(),
            entries: Vec::new(),
            max_len: 0,
        };
        for (word, info) in words {
            let bytes = word.as_bytes();
            table.max_len = table.max_len.max(bytes.len());
            table.entries.push(Entry {
                start: table.keys.len() as u32,
                len: bytes.len() as u32,
                hash: hash_of(bytes),
                info,
            });
            table.keys.extend_from_slice(bytes);
        }
        let size = (table.entries.len() * 2).next_power_of_two().max(16);
        table.slots = vec![0; size];
        let mask = size - 1;
        for (index, entry) in table.entries.iter().enumerate() {
            let mut slot = entry.hash as usize & mask;
            while table.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table.slots[slot] = index as u32 + 1;
        }
        table
    }

    fn find(&self, key: &[u8], hash: u64) -> WordInfo {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let index = self.slots[slot];
            if index == 0 {
                return WordInfo::default();
            }
            let entry = &self.entries[index as usize - 1];
            if entry.hash == hash {
                let stored = &self.keys[entry.start as usize..(entry.start + entry.len) as usize];
                if stored == key {
                    return entry.info;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The info of `word`, compared lower-cased and without a final period.
    pub fn get(&self, word: &str, buf: &mut String) -> WordInfo {
        let bytes = word.as_bytes();
        let bytes = bytes.strip_suffix(b".").unwrap_or(bytes);
        if bytes.len() > self.max_len + 4 {
            return WordInfo::default();
        }
        if bytes.is_ascii() && bytes.len() <= STACK {
            let mut lower = [0u8; STACK];
            let mut hash = 0;
            for (i, &b) in bytes.iter().enumerate() {
                let l = b.to_ascii_lowercase();
                lower[i] = l;
                hash = mix(hash, l);
            }
            return self.find(&lower[..bytes.len()], hash);
        }
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        let key = buf.strip_suffix('.').unwrap_or(buf);
        self.find(key.as_bytes(), hash_of(key.as_bytes()))
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
        let table = WordTable::new([("said", info(1)), ("gen", info(2)), ("émile", info(4))]);
        let mut buf = String::new();
        assert_eq!(table.get("Said", &mut buf).flags, 1);
        assert_eq!(table.get("SAID", &mut buf).flags, 1);
        assert_eq!(table.get("Gen.", &mut buf).flags, 2);
        assert_eq!(table.get("Émile", &mut buf).flags, 4);
        assert_eq!(table.get("sai", &mut buf).flags, 0);
        assert_eq!(table.get(&"x".repeat(500), &mut buf).flags, 0);
    }
}
