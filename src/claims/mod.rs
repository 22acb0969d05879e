//! Claims: the same statement carried by several documents, found across a whole run.
//!
//! Two attributions make the same statement when their contents say the same words — a
//! near-duplicate, a quotation and its paraphrase, the frame changed ("X said" / "according to
//! X"), clauses reordered — and neither changes the fact (another number or name, a negation):
//! [`similar`] is the exact test. Comparing every pair would cost the square of the number of
//! attributions; [`lsh`] proposes the pairs worth testing (MinHash, bands), so the cost grows
//! with the attributions. Claims are the connected groups of same statements (union-find) that
//! span two documents or more.
//!
//! The texts are needed only while signing: [`ClaimFinder::sign`] numbers one document's
//! attributions by their contents where the text is at hand (on the analysing threads). It
//! keeps each distinct content once (copies of a wire story share it): its words as hashes and
//! its words as written, cut at [`MAX_TEXT`] bytes. [`ClaimFinder::add`] keeps the numbers,
//! four bytes an attribution, in input order; [`ClaimFinder::join`] joins the statements and
//! lets go of all but the texts claims may need before the graph is finished, and
//! [`ClaimFinder::finish`] then finds the claims of the finished graph. [`find_claims`] does it all from a graph and its texts, and
//! [`merge_claims`] joins claims read back from graphs.

mod lsh;
mod merge;
mod similar;
mod words;

#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::hash::Hasher;
use std::sync::{Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHasher};

use crate::graph::ProvGraph;
use crate::hash::fnv1a;
use crate::model::{Attribution, Claim, Document};

pub use merge::{ClaimIds, claim_ids, merge_claims, resolve};
use words::Words;

/// The longest claim text, in bytes (cut at a word's end, "…" then).
pub const MAX_TEXT: usize = 300;

/// The number of a content too short to be in a claim.
const SHORT: u32 = u32::MAX;

/// A distinct content: what finding claims needs of it, its items and text kept in
/// [`Contents`]' lists.
struct Statement {
    /// Its words' counts; the items are `Contents::items[items.0..items.1]`.
    words: Words<()>,
    items: (usize, usize),
    /// The content, white space collapsed, cut after [`MAX_TEXT`] bytes (a claim's text), as
    /// `Contents::texts[text.0..text.1]`.
    text: (usize, usize),
}

/// The distinct contents signed so far, numbered as they came. Their items and texts are kept
/// in two long lists rather than two allocations each, so that letting go of them
/// ([`ClaimFinder::join`]) gives the memory back.
#[derive(Default)]
struct Contents {
    /// The 64-bit hash of a content's bytes → its number ([`SHORT`] for one too short).
    numbers: FxHashMap<u64, u32>,
    statements: Vec<Statement>,
    items: Vec<u32>,
    texts: String,
    /// Each statement's group, once [`ClaimFinder::join`] has joined them.
    groups: Option<Vec<u32>>,
}

impl Contents {
    /// The number of the content of hash `hash`, signed as `signed` (none: too short).
    fn number(&mut self, hash: u64, signed: Option<(Words, String)>) -> u32 {
        let Contents {
            numbers,
            statements,
            items,
            texts,
            ..
        } = self;
        *numbers.entry(hash).or_insert_with(|| {
            let Some((words, text)) = signed else {
                return SHORT;
            };
            let (item, start) = (items.len(), texts.len());
            items.extend_from_slice(words.items());
            texts.push_str(&text);
            statements.push(Statement {
                words: words.with_items(()),
                items: (item, items.len()),
                text: (start, texts.len()),
            });
            u32::try_from(statements.len() - 1).expect("fewer than 2^32 statements")
        })
    }

    /// The words of statement `number`.
    fn words(&self, number: usize) -> Words<&[u32]> {
        let statement = &self.statements[number];
        let (from, to) = statement.items;
        statement.words.with_items(&self.items[from..to])
    }

    /// The content words of statement `number` (a set, sorted).
    fn word_set(&self, number: usize) -> &[u32] {
        let statement = &self.statements[number];
        let from = statement.items.0;
        &self.items[from..from + statement.words.word_count()]
    }

    /// The text of statement `number`.
    fn text(&self, number: usize) -> &str {
        let (from, to) = self.statements[number].text;
        &self.texts[from..to]
    }
}

/// The documents added and their attributions' content numbers.
#[derive(Default)]
struct Places {
    /// Per document, in the order added: (the hash of its id, where its numbers start).
    documents: Vec<(u64, usize)>,
    /// Every document's attributions' content numbers, one document after the other, each
    /// document's in the graph's order (by start, end, id). One list, not one per document:
    /// newswire x10 has 27 k documents of five attributions each.
    numbers: Vec<u32>,
}

/// One document's attributions signed: their content numbers, in the graph's order.
#[derive(Debug)]
pub struct Signatures(Vec<u32>);

/// Finds the claims of a run: shared by the analysing threads, which [`sign`](Self::sign) each
/// document's attributions, and the thread that [`add`](Self::add)s them in input order.
#[derive(Default)]
pub struct ClaimFinder {
    contents: Mutex<Contents>,
    places: Mutex<Places>,
}

/// The content of `attribution` in `text`.
fn content_of<'t>(text: &'t str, attribution: &Attribution) -> &'t str {
    attribution
        .content
        .and_then(|span| text.get(span.start..span.end))
        .unwrap_or("")
}

/// A content's words and text (its excerpt); none when it is too short to be in a claim.
fn sign_content(content: &str) -> Option<(Words, String)> {
    let words = words::words(content);
    (words.words().len() >= similar::MIN_WORDS).then(|| (words, words::excerpt(content, MAX_TEXT)))
}

impl ClaimFinder {
    /// Numbers one document's attributions by their contents; `text` is the document's text
    /// that their spans refer to. A content that is the same bytes as one signed before (its
    /// 64-bit hash is looked up first) is not signed again.
    pub fn sign(&self, text: &str, attributions: &[Attribution]) -> Signatures {
        let mut order: Vec<&Attribution> = attributions.iter().collect();
        order.sort_by(|a, b| graph_order(a).cmp(&graph_order(b)));
        let hashes: Vec<u64> = (order.iter())
            .map(|attribution| {
                let mut hasher = FxHasher::default();
                hasher.write(content_of(text, attribution).as_bytes());
                hasher.finish()
            })
            .collect();
        let mut numbers: Vec<Option<u32>> = {
            let contents = self.contents.lock().unwrap_or_else(PoisonError::into_inner);
            (hashes.iter())
                .map(|hash| contents.numbers.get(hash).copied())
                .collect()
        };
        let new: Vec<(usize, Option<(Words, String)>)> = (numbers.iter().enumerate())
            .filter(|(_, number)| number.is_none())
            .map(|(at, _)| (at, sign_content(content_of(text, order[at]))))
            .collect();
        if !new.is_empty() {
            let mut contents = self.contents.lock().unwrap_or_else(PoisonError::into_inner);
            for (at, signed) in new {
                numbers[at] = Some(contents.number(hashes[at], signed));
            }
        }
        Signatures(numbers.into_iter().map(|n| n.unwrap_or(SHORT)).collect())
    }

    /// Adds a document's signatures (as [`ClaimFinder::sign`] made them from its
    /// attributions). Each document once, as a [`crate::GraphBuilder`] takes them.
    pub fn add(&self, document: &Document, signatures: Signatures) {
        let mut places = self.places.lock().unwrap_or_else(PoisonError::into_inner);
        let first = places.numbers.len();
        places
            .documents
            .push((fnv1a(document.id.as_bytes()), first));
        places.numbers.extend(signatures.0);
    }

    /// Joins the statements of the documents added into groups, and lets go of what only that
    /// needed: the statements' words, the table of contents, and the texts of statements whose
    /// group is in one document only (most of them, in a corpus of distinct stories). Call it
    /// once every document is added, before the graph is finished, so that the graph's peak of
    /// memory does not hold them too ([`ClaimFinder::finish`] joins them itself otherwise).
    /// Nothing may be signed or added after.
    pub fn join(&mut self) {
        let contents = self
            .contents
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        if contents.groups.is_some() {
            return;
        }
        let groups = join_statements(contents);
        let places = self
            .places
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let mut spans = Spans::new(groups.len());
        for number in 0..places.documents.len() {
            for &statement in places.numbers_of(number) {
                if let Some(&group) = groups.get(statement as usize) {
                    spans.see(group as usize, number);
                }
            }
        }
        let spans = spans.spans;
        // The texts of the statements that may be in a claim, copied out.
        let mut texts = String::new();
        for (number, &group) in groups.iter().enumerate() {
            let start = texts.len();
            if spans[group as usize] {
                texts.push_str(contents.text(number));
            }
            contents.statements[number].text = (start, texts.len());
        }
        contents.texts = texts;
        contents.items = Vec::new();
        contents.numbers = FxHashMap::default();
        contents.groups = Some(groups);
    }

    /// The claims among the documents added, with the attributions, chains and dates of `graph`
    /// (the graph they were added to); sorted by id.
    pub fn finish(mut self, graph: &ProvGraph) -> Vec<Claim> {
        self.join();
        let mut contents = into_inner(self.contents);
        let groups = contents.groups.take().unwrap_or_default();
        let places = into_inner(self.places);
        let ranks = document_ranks(graph);
        // Pass one: each group's appearances, and whether they span two documents.
        let mut count = vec![0usize; groups.len()];
        let mut spans = Spans::new(groups.len());
        places.each(graph, |_, document, statement| {
            let group = groups[statement as usize] as usize;
            count[group] += 1;
            spans.see(group, document as usize);
        });
        let spans = spans.spans;
        // Pass two: (document rank, index into graph.attributions, statement) of every
        // appearance of a group that spans documents, a group after the other.
        let mut next = vec![usize::MAX; groups.len()];
        let mut total = 0;
        for group in (0..groups.len()).filter(|&group| spans[group]) {
            next[group] = total;
            total += count[group];
        }
        let mut members = vec![(0u32, 0u32, 0u32); total];
        places.each(graph, |index, document, statement| {
            let group = groups[statement as usize] as usize;
            if spans[group] {
                let index = u32::try_from(index).expect("fewer than 2^32 attributions");
                members[next[group]] = (ranks[document as usize], index, statement);
                next[group] += 1;
            }
        });
        let mut claims: Vec<Claim> = (0..groups.len())
            .filter(|&group| spans[group])
            .map(|group| {
                let run = &mut members[next[group] - count[group]..next[group]];
                claim(graph, &contents, run)
            })
            .collect();
        claims.sort_by(|a, b| a.id.cmp(&b.id));
        claims
    }
}

/// Which groups span two documents or more, seen a document after the other.
struct Spans {
    /// The document each group was last seen in.
    last: Vec<Option<usize>>,
    spans: Vec<bool>,
}

impl Spans {
    fn new(groups: usize) -> Spans {
        Spans {
            last: vec![None; groups],
            spans: vec![false; groups],
        }
    }

    /// Group `group` has an appearance in document `document` (documents come in turn).
    fn see(&mut self, group: usize, document: usize) {
        let last = self.last[group].replace(document);
        self.spans[group] |= last.is_some_and(|last| last != document);
    }
}

/// What a mutex held, poisoned or not.
fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(PoisonError::into_inner)
}

/// The key of the graph's order of one document's attributions.
fn graph_order(attribution: &Attribution) -> (usize, usize, &str) {
    (
        attribution.span.start,
        attribution.span.end,
        &attribution.id,
    )
}

impl Places {
    /// Calls `f(index into graph.attributions, document index, statement)` for each attribution
    /// of `graph` that a statement was signed for. A document whose id is another's too by its
    /// hash, or whose attributions are not those signed, takes no part.
    fn each(&self, graph: &ProvGraph, mut f: impl FnMut(usize, u32, u32)) {
        let mut by_hash: Vec<(u64, usize)> = (0..self.documents.len())
            .map(|number| (self.documents[number].0, number))
            .collect();
        by_hash.sort_unstable();
        let mut at = 0;
        for group in graph.attributions.chunk_by(|a, b| a.document == b.document) {
            let first = at;
            at += group.len();
            let id = group[0].document.as_str();
            let hash = fnv1a(id.as_bytes());
            let found = by_hash.partition_point(|&(known, _)| known < hash);
            let (Some(&(known, number)), Ok(document)) = (
                by_hash.get(found),
                graph.documents.binary_search_by(|d| d.id.as_str().cmp(id)),
            ) else {
                continue;
            };
            let twice = by_hash
                .get(found + 1)
                .is_some_and(|&(next, _)| next == hash);
            let numbers = self.numbers_of(number);
            if known != hash || twice || numbers.len() != group.len() {
                continue;
            }
            let document = u32::try_from(document).expect("fewer than 2^32 documents");
            for (offset, &statement) in numbers.iter().enumerate() {
                if statement != SHORT {
                    f(first + offset, document, statement);
                }
            }
        }
    }

    /// The content numbers of document `number`'s attributions.
    fn numbers_of(&self, number: usize) -> &[u32] {
        let from = self.documents[number].1;
        let to = (self.documents.get(number + 1)).map_or(self.numbers.len(), |d| d.1);
        &self.numbers[from..to]
    }
}

/// Each of `graph`'s documents' place in the order of appearances (dated first, by date, then
/// by id), by index into `graph.documents`.
fn document_ranks(graph: &ProvGraph) -> Vec<u32> {
    let key = |at: usize| {
        let document = &graph.documents[at];
        (document.date.as_deref(), document.id.as_str(), 0)
    };
    let mut order: Vec<usize> = (0..graph.documents.len()).collect();
    order.sort_by(|&a, &b| appearance_order(key(a), key(b)));
    let mut ranks = vec![0; order.len()];
    for (rank, at) in order.into_iter().enumerate() {
        ranks[at] = u32::try_from(rank).expect("fewer than 2^32 documents");
    }
    ranks
}

/// Each statement's group (the number of one of its members): statements the index proposes
/// and [`similar::same`] accepts are joined.
fn join_statements(contents: &Contents) -> Vec<u32> {
    let sets: Vec<&[u32]> = (0..contents.statements.len())
        .map(|number| contents.word_set(number))
        .collect();
    let mut groups = UnionFind::new(sets.len());
    lsh::candidates(
        &sets,
        |index| sets[index].len() < similar::MIN_WORDS,
        |a, b| {
            if groups.find(a) != groups.find(b)
                && similar::same(&contents.words(a), &contents.words(b))
            {
                groups.union(a, b);
            }
        },
    );
    (0..sets.len()).map(|index| groups.find(index)).collect()
}

/// The claim of `run`, the (document rank, index into `graph.attributions`, statement) of a
/// group's appearances: in order of appearance, with the text of the earliest one's statement.
fn claim(graph: &ProvGraph, contents: &Contents, run: &mut [(u32, u32, u32)]) -> Claim {
    let attribution = |index: u32| &graph.attributions[index as usize];
    run.sort_unstable_by(|a, b| {
        let (x, y) = (attribution(a.1), attribution(b.1));
        (a.0, x.span.start, &x.id).cmp(&(b.0, y.span.start, &y.id))
    });
    let (_, earliest, statement) = run[0];
    Claim {
        id: claim_id(&attribution(earliest).id),
        text: contents.text(statement as usize).to_string(),
        appearances: run.iter().map(|&(_, index, _)| index as usize).collect(),
    }
}

/// The claims of `graph`, whose documents' texts are `texts` (document id, text); documents
/// without a text take no part.
pub fn find_claims(graph: &ProvGraph, texts: &[(&str, &str)]) -> Vec<Claim> {
    let texts: FxHashMap<&str, &str> = texts.iter().copied().collect();
    let finder = ClaimFinder::default();
    for group in graph.attributions.chunk_by(|a, b| a.document == b.document) {
        let id = group[0].document.as_str();
        let (Some(text), Some(document)) = (texts.get(id), graph.document(id)) else {
            continue;
        };
        finder.add(document, finder.sign(text, group));
    }
    finder.finish(graph)
}

/// The order of two appearances given as (date, document id, start): dated ones first, by date
/// (as written: ISO dates sort in time order), then by document, then by place.
pub(crate) fn appearance_order(
    a: (Option<&str>, &str, usize),
    b: (Option<&str>, &str, usize),
) -> Ordering {
    (a.0.is_none(), a.0, a.1, a.2).cmp(&(b.0.is_none(), b.0, b.1, b.2))
}

/// A claim's id: `claim-` and 16 hex digits of the hash of its earliest attribution's id.
pub(crate) fn claim_id(earliest: &str) -> String {
    format!("claim-{:016x}", fnv1a(earliest.as_bytes()))
}

/// Disjoint sets of `0..n`, joined by rank with paths halved.
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    rank: Vec<u8>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n)
                .map(|i| u32::try_from(i).expect("fewer than 2^32 items"))
                .collect(),
            rank: vec![0; n],
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> u32 {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x as u32
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a) as usize, self.find(b) as usize);
        if a == b {
            return;
        }
        match self.rank[a].cmp(&self.rank[b]) {
            Ordering::Less => self.parent[a] = b as u32,
            Ordering::Greater => self.parent[b] = a as u32,
            Ordering::Equal => {
                self.parent[b] = a as u32;
                self.rank[a] += 1;
            }
        }
    }
}
