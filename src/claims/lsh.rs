//! Pairs of statements that may be the same, found without comparing every pair: MinHash over
//! the content words and locality-sensitive hashing by bands.
//!
//! Each statement gets `BANDS * ROWS` min-hashes; each band of `ROWS` of them is hashed into a
//! key, and statements that share a key in some band are candidates. Two statements whose word
//! sets have Jaccard similarity `j` share a band with probability `1 - (1 - j^ROWS)^BANDS`:
//! with 24 bands of 3 rows, 0.96 at `j = 0.5`, 0.80 at 0.4 and under 0.01 at 0.1. The cost is
//! linear in the number of statements (and in the pairs that share a key, few for unrelated
//! statements); a band key that many statements share is compared along a chain rather than
//! pair by pair ([`MAX_BUCKET`]).

pub(crate) const BANDS: usize = 24;
pub(crate) const ROWS: usize = 3;
const HASHES: usize = BANDS * ROWS;

/// The most statements under one band key that are compared pair by pair; past it, each is
/// compared with the next one only (a key that hundreds share is a few common words, and
/// near-identical statements still meet their neighbours).
pub(crate) const MAX_BUCKET: usize = 48;

/// The seeds of the hash functions: fixed, so that runs agree.
const SEEDS: [u64; HASHES] = seeds();

const fn seeds() -> [u64; HASHES] {
    // splitmix64 from a fixed start.
    let mut out = [0u64; HASHES];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out[i] = z ^ (z >> 31);
        i += 1;
    }
    out
}

/// The key of band `band` of a word set (of hashed words): its `ROWS` min-hashes, hashed.
fn band_key(band: usize, words: &[u32]) -> u64 {
    let mut mins = [u32::MAX; ROWS];
    let seeds = &SEEDS[band * ROWS..(band + 1) * ROWS];
    for &word in words {
        let word = u64::from(word);
        for (slot, seed) in mins.iter_mut().zip(seeds) {
            let mixed = ((word ^ seed).wrapping_mul(0xff51_afd7_ed55_8ccd) >> 32) as u32;
            *slot = (*slot).min(mixed);
        }
    }
    let mut key = (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for hash in mins {
        key = (key ^ u64::from(hash))
            .wrapping_mul(0x0100_0000_01b3)
            .rotate_left(23);
    }
    key
}

/// Calls `pair(a, b)` for the statements (by index into `sets`) that share a band key; sets
/// that `skip` are left out. A pair may come more than once; every call has `a < b`. One band
/// at a time, so that what is held beside the sets is 12 bytes a statement.
pub(crate) fn candidates(
    sets: &[&[u32]],
    skip: impl Fn(usize) -> bool,
    mut pair: impl FnMut(usize, usize),
) {
    let kept: Vec<u32> = (0..sets.len())
        .filter(|&index| !skip(index))
        .map(|index| u32::try_from(index).expect("fewer than 2^32 statements"))
        .collect();
    // (band key's upper half, index) in one number, so that sorting compares one word: two
    // statements that share half a key by chance are a candidate pair more, tested and dropped.
    let mut keyed: Vec<u64> = Vec::with_capacity(kept.len());
    let mut members: Vec<u32> = Vec::new();
    for band in 0..BANDS {
        keyed.clear();
        keyed.extend(kept.iter().map(|&index| {
            (band_key(band, sets[index as usize]) & 0xffff_ffff_0000_0000) | u64::from(index)
        }));
        keyed.sort_unstable();
        for run in keyed.chunk_by(|a, b| a >> 32 == b >> 32) {
            if run.len() > 1 {
                members.clear();
                members.extend(run.iter().map(|&keyed| keyed as u32));
                pairs_of(&members, &mut pair);
            }
        }
    }
}
/// The pairs of one bucket (members in increasing order): all of them, or a chain.
fn pairs_of(members: &[u32], pair: &mut impl FnMut(usize, usize)) {
    if members.len() <= MAX_BUCKET {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                pair(a as usize, b as usize);
            }
        }
    } else {
        for window in members.windows(2) {
            pair(window[0] as usize, window[1] as usize);
        }
    }
}
