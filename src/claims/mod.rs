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
//! The texts are needed only while signing: a [`Signer`] turns one document's attributions into
//! [`Signature`]s where the text is at hand (on the analysing threads; a content that is the
//! same bytes as one signed before is not signed again), and [`ClaimFinder`] keeps one entry per
//! distinct statement (copies of a wire story share it): its words as hashes and the words of
//! its earliest appearance, cut at [`MAX_TEXT`] bytes, and no text. [`ClaimFinder::finish`] then
//! finds the claims of the finished graph; [`find_claims`] does it all from a graph and its
//! texts, and [`merge_claims`] joins claims read back from graphs.

mod lsh;
mod merge;
mod similar;
mod words;

#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHasher};

use crate::graph::ProvGraph;
use crate::hash::fnv1a;
use crate::model::{Attribution, Claim, Document};

pub use merge::{ClaimIds, claim_ids, merge_claims, resolve};
use words::Words;

/// The longest claim text, in bytes (cut at a word's end, "…" then).
pub const MAX_TEXT: usize = 300;

/// What finding claims needs of one attribution: its content's words, hashed, and the words as
/// written, for the claim's text. Made by a [`Signer`] where the document's text is at hand.
#[derive(Clone, Debug)]
pub struct Signature {
    /// Where the attribution starts in its document: it is matched to the graph's by it.
    start: usize,
    /// None when the statement is too short to be in a claim.
    signed: Option<Arc<Signed>>,
}

/// A content signed: shared by every attribution whose content is the same bytes.
#[derive(Debug)]
struct Signed {
    words: Words,
    /// The content, white space collapsed, cut after [`MAX_TEXT`] bytes.
    excerpt: Box<str>,
}

/// Signs attributions, on any number of threads at once. Contents that are the same bytes (a
/// wire story in many papers) are signed once: each content's 64-bit hash is looked up first,
/// for 24 bytes or so a distinct content, kept as long as the signer.
#[derive(Default)]
pub struct Signer {
    seen: Mutex<FxHashMap<u64, Arc<Signed>>>,
}

/// The content of `attribution` in `text`.
fn content_of<'t>(text: &'t str, attribution: &Attribution) -> &'t str {
    attribution
        .content
        .and_then(|span| text.get(span.start..span.end))
        .unwrap_or("")
}

impl Signer {
    /// The signatures of one document's attributions, in their order; `text` is the
    /// document's text that their spans refer to.
    pub fn sign(&self, text: &str, attributions: &[Attribution]) -> Vec<Signature> {
        let hashes: Vec<u64> = attributions
            .iter()
            .map(|attribution| {
                let mut hasher = FxHasher::default();
                hasher.write(content_of(text, attribution).as_bytes());
                hasher.finish()
            })
            .collect();
        let known: Vec<Option<Arc<Signed>>> = {
            let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
            hashes.iter().map(|hash| seen.get(hash).cloned()).collect()
        };
        let mut new = Vec::new();
        let signatures = attributions
            .iter()
            .zip(known)
            .zip(&hashes)
            .map(|((attribution, known), &hash)| {
                let signed = known.unwrap_or_else(|| {
                    let signed = Arc::new(sign_content(content_of(text, attribution)));
                    new.push((hash, Arc::clone(&signed)));
                    signed
                });
                Signature {
                    start: attribution.span.start,
                    signed: (!signed.excerpt.is_empty()).then_some(signed),
                }
            })
            .collect();
        if !new.is_empty() {
            let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
            for (hash, signed) in new {
                seen.entry(hash).or_insert(signed);
            }
        }
        signatures
    }
}

/// A content's words and excerpt; an empty excerpt when it is too short to be in a claim.
fn sign_content(content: &str) -> Signed {
    let words = words::words(content);
    let excerpt = if words.words().len() >= similar::MIN_WORDS {
        words::excerpt(content, MAX_TEXT)
    } else {
        String::new()
    };
    Signed {
        words,
        excerpt: excerpt.into_boxed_str(),
    }
}

/// The signatures of one document's attributions ([`Signer::sign`] with a signer of its own).
pub fn sign(text: &str, attributions: &[Attribution]) -> Vec<Signature> {
    Signer::default().sign(text, attributions)
}

/// The claims of `graph`, whose documents' texts are `texts` (document id, text); documents
/// without a text take no part.
pub fn find_claims(graph: &ProvGraph, texts: &[(&str, &str)]) -> Vec<Claim> {
    let texts: FxHashMap<&str, &str> = texts.iter().copied().collect();
    let mut finder = ClaimFinder::default();
    let signer = Signer::default();
    for group in graph.attributions.chunk_by(|a, b| a.document == b.document) {
        let id = group[0].document.as_str();
        let (Some(text), Some(document)) = (texts.get(id), graph.document(id)) else {
            continue;
        };
        finder.add(document, signer.sign(text, group));
    }
    finder.finish(graph)
}

/// One document as the finder knows it: its id and date for the order of appearances, and
/// where its attributions start in the finder's `places`.
struct DocumentEntry {
    id: Box<str>,
    date: Option<Box<str>>,
    first: usize,
}

/// A distinct statement: its earliest appearance, with the words it has there.
struct Statement {
    signed: Arc<Signed>,
    earliest: (u32, usize),
}

/// Collects signatures document by document, then finds the claims of the finished graph.
#[derive(Default)]
pub struct ClaimFinder {
    documents: Vec<DocumentEntry>,
    /// Every document's attributions' (start, statement number), in order, one document after
    /// the other; `u32::MAX` for one too short. One list, not one per document: newswire x10
    /// has 27 k documents of five attributions each.
    places: Vec<(usize, u32)>,
    statements: Vec<Statement>,
    /// A statement's words' hash → its number, so that copies share one.
    distinct: FxHashMap<u64, u32>,
}

/// The hash of a statement's words, for finding copies.
fn words_hash(words: &Words) -> u64 {
    let mut hasher = FxHasher::default();
    words.hash(&mut hasher);
    hasher.finish()
}

impl ClaimFinder {
    /// Adds a document's signatures (as [`sign`] made them from its attributions). Each
    /// document once, as a [`crate::GraphBuilder`] takes them: of a document added twice, the
    /// claims know the first.
    pub fn add(&mut self, document: &Document, signatures: Vec<Signature>) {
        let number = u32::try_from(self.documents.len()).expect("fewer than 2^32 documents");
        self.documents.push(DocumentEntry {
            id: document.id.as_str().into(),
            date: document.date.as_deref().map(Box::from),
            first: self.places.len(),
        });
        for signature in signatures {
            let statement = match signature.signed {
                Some(signed) => self.statement(number, signature.start, signed),
                None => u32::MAX,
            };
            self.places.push((signature.start, statement));
        }
    }

    /// The (start, statement) places of document `number`.
    fn places_of(&self, number: u32) -> &[(usize, u32)] {
        let from = self.documents[number as usize].first;
        let next = self.documents.get(number as usize + 1);
        &self.places[from..next.map_or(self.places.len(), |d| d.first)]
    }

    /// The document numbers by id, each id once (its first number).
    fn numbers_by_id(&self) -> Vec<u32> {
        let id = |number: &u32| &self.documents[*number as usize].id;
        let mut numbers: Vec<u32> = (0..self.documents.len())
            .map(|number| u32::try_from(number).expect("fewer than 2^32 documents"))
            .collect();
        numbers.sort_by(|a, b| id(a).cmp(id(b)));
        numbers.dedup_by(|b, a| id(a) == id(b));
        numbers
    }

    /// The number of the statement `signed`, appearing in document `document` at `start`: a new
    /// one, or the copy already there (which takes this appearance's words if it is earlier).
    fn statement(&mut self, document: u32, start: usize, signed: Arc<Signed>) -> u32 {
        let hash = words_hash(&signed.words);
        if let Some(&number) = self.distinct.get(&hash) {
            let known = &self.statements[number as usize];
            if known.signed.words == signed.words {
                if self.earlier((document, start), known.earliest) == Ordering::Less {
                    let known = &mut self.statements[number as usize];
                    known.earliest = (document, start);
                    known.signed = signed;
                }
                return number;
            }
        }
        let number = u32::try_from(self.statements.len()).expect("fewer than 2^32 statements");
        self.distinct.entry(hash).or_insert(number);
        self.statements.push(Statement {
            signed,
            earliest: (document, start),
        });
        number
    }

    /// The order of appearances: dated documents first, by date, then by document id, then by
    /// place in the document.
    fn earlier(&self, a: (u32, usize), b: (u32, usize)) -> Ordering {
        let (da, db) = (&self.documents[a.0 as usize], &self.documents[b.0 as usize]);
        appearance_order(
            (da.date.as_deref(), &da.id, a.1),
            (db.date.as_deref(), &db.id, b.1),
        )
    }

    /// The claims among the documents added, with the attributions, chains and dates of `graph`
    /// (the graph they were added to); sorted by id.
    pub fn finish(self, graph: &ProvGraph) -> Vec<Claim> {
        let groups = self.join_statements();
        let by_id = self.numbers_by_id();
        // (group, index into graph.attributions, document number) of every attribution in a
        // statement.
        let mut members: Vec<(u32, u32, u32)> = Vec::new();
        let mut at = 0;
        for group in graph.attributions.chunk_by(|a, b| a.document == b.document) {
            let first = at;
            at += group.len();
            let id = group[0].document.as_str();
            let Ok(found) = by_id.binary_search_by(|&n| (*self.documents[n as usize].id).cmp(id))
            else {
                continue;
            };
            let number = by_id[found];
            let places = self.places_of(number);
            for (offset, attribution) in group.iter().enumerate() {
                if let Some(statement) = statement_at(places, attribution.span.start) {
                    let index = u32::try_from(first + offset).expect("fewer than 2^32");
                    members.push((groups[statement as usize], index, number));
                }
            }
        }
        members.sort_unstable();
        let ranks = self.document_ranks();
        let mut claims: Vec<Claim> = members
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|run| run.len() > 1)
            .filter_map(|run| {
                let appearances = run
                    .iter()
                    .map(|&(_, index, number)| (index as usize, number));
                self.claim(graph, &ranks, appearances.collect())
            })
            .collect();
        claims.sort_by(|a, b| a.id.cmp(&b.id));
        claims
    }

    /// Each document's place in the order of appearances (dated first, by date, then by id),
    /// by document number.
    fn document_ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.documents.len())
            .map(|number| u32::try_from(number).expect("fewer than 2^32 documents"))
            .collect();
        order.sort_by(|&a, &b| self.earlier((a, 0), (b, 0)));
        let mut ranks = vec![0; order.len()];
        for (rank, number) in order.into_iter().enumerate() {
            ranks[number as usize] = u32::try_from(rank).expect("fewer than 2^32 documents");
        }
        ranks
    }

    /// Each statement's group (the number of one of its members): statements the index proposes
    /// and [`similar::same`] accepts are joined.
    fn join_statements(&self) -> Vec<u32> {
        let sets: Vec<&[u32]> = self
            .statements
            .iter()
            .map(|statement| statement.signed.words.words())
            .collect();
        let mut groups = UnionFind::new(sets.len());
        lsh::candidates(
            &sets,
            |index| sets[index].len() < similar::MIN_WORDS,
            |a, b| {
                if groups.find(a) != groups.find(b)
                    && similar::same(
                        &self.statements[a].signed.words,
                        &self.statements[b].signed.words,
                    )
                {
                    groups.union(a, b);
                }
            },
        );
        (0..sets.len()).map(|index| groups.find(index)).collect()
    }

    /// The claim made of `appearances` (indices into `graph.attributions`) when they span two
    /// documents or more; `ranks` are the documents' places in time
    /// ([`ClaimFinder::document_ranks`]).
    fn claim(
        &self,
        graph: &ProvGraph,
        ranks: &[u32],
        appearances: Vec<(usize, u32)>,
    ) -> Option<Claim> {
        let attribution = |at: usize| &graph.attributions[at];
        let first = appearances.first()?.1;
        if appearances.iter().all(|&(_, number)| number == first) {
            return None;
        }
        // (document rank, start, id, index, document number) of each appearance.
        let mut keyed: Vec<(u32, usize, &str, usize, u32)> = appearances
            .into_iter()
            .map(|(at, number)| {
                let a = attribution(at);
                (
                    ranks[number as usize],
                    a.span.start,
                    a.id.as_str(),
                    at,
                    number,
                )
            })
            .collect();
        keyed.sort_unstable();
        let (_, start, _, at, number) = keyed[0];
        let earliest = attribution(at);
        let statement = statement_at(self.places_of(number), start)?;
        Some(Claim {
            id: claim_id(&earliest.id),
            text: self.statements[statement as usize]
                .signed
                .excerpt
                .to_string(),
            appearances: keyed.into_iter().map(|(_, _, _, at, _)| at).collect(),
        })
    }
}

/// The statement number of the attribution starting at `start`, among a document's
/// (start, statement) pairs in order; none for one too short or not signed.
fn statement_at(statements: &[(usize, u32)], start: usize) -> Option<u32> {
    let at = statements.partition_point(|&(known, _)| known < start);
    statements
        .get(at)
        .filter(|&&(known, number)| known == start && number != u32::MAX)
        .map(|&(_, number)| number)
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
