//! Which story on a page is the page's own: the one under the headline that the page's title
//! names.
//!
//! Pages often carry other stories in full after their own: "next story" feeds that load the
//! following articles, "read next" blocks with their bodies. Readability scores paragraphs and
//! their nearest ancestors, so when the page's own body sits deeper in the markup than the
//! stories appended to it, or is shorter than them together, it picks the appended stories. A
//! story announces itself by a top-level heading (`h1`) of its own: the page's headline is the
//! `h1` whose words are the title's ("Meta Outage Hits Facebook, Instagram and Messenger
//! Worldwide" under the title "Meta Outage Hits Facebook, Instagram and Messenger | Kulu
//! Media"); an `h1` sharing almost no word with the title heads another story ("Artemis II
//! Successful Return Marks Historic Crewed Lunar Flyby"), and the largest block around it that
//! does not hold the headline is that story. The page's own text is the paragraphs that follow
//! the headline up to the first such block.

use dom_query::{Document, NodeId, NodeRef};
use rustc_hash::FxHashSet;

/// The least share of words (Dice coefficient) an `h1` has in common with the title to be the
/// page's headline.
const HEADLINE_MIN_SIMILARITY: f64 = 0.5;
/// The most an `h1` may share with the title to head another story.
const OTHER_STORY_MAX_SIMILARITY: f64 = 0.2;
/// The fewest words of a heading that heads another story: shorter `h1`s are site names and
/// section labels ("Kulu Media", "Tech"), whose block is the page's frame, not a story.
const OTHER_STORY_MIN_WORDS: usize = 4;

/// The most paragraphs under the headline that [`Stories::share_kept`] looks for in a text
/// (each is looked for in the whole text): far more than an article has.
const MAX_OWN_PARAGRAPHS: usize = 256;

/// The page's headline, the blocks holding other stories, and the page's own paragraphs.
#[derive(Debug)]
pub(super) struct Stories {
    /// The roots of the blocks that hold other stories.
    others: Vec<NodeId>,
    /// The text of each paragraph between the headline and the first other story, one line; the
    /// first [`MAX_OWN_PARAGRAPHS`].
    own: Vec<String>,
}

impl Stories {
    /// The stories of `doc` with the `h1`s `headings` and the titles `titles`; `None` unless an
    /// `h1` is the headline and another heads a different story.
    pub(super) fn find(doc: &Document, headings: &[NodeId], titles: &[&str]) -> Option<Self> {
        if headings.len() < 2 {
            return None;
        }
        let headings: Vec<NodeRef> = headings.iter().filter_map(|id| doc.tree.get(id)).collect();
        let title: FxHashSet<String> = titles.iter().flat_map(|title| words(title)).collect();
        let scored: Vec<(f64, usize, &NodeRef)> = headings
            .iter()
            .map(|heading| {
                let words = words(&heading.text());
                (dice(&words, &title), words.len(), heading)
            })
            .collect();
        let (best, _, headline) = scored.iter().copied().max_by(|a, b| a.0.total_cmp(&b.0))?;
        if best < HEADLINE_MIN_SIMILARITY {
            return None;
        }
        let above: FxHashSet<NodeId> = headline.ancestors_it(None).map(|node| node.id).collect();
        let others: Vec<NodeId> = scored
            .iter()
            .filter(|(similarity, count, _)| {
                *similarity < OTHER_STORY_MAX_SIMILARITY && *count >= OTHER_STORY_MIN_WORDS
            })
            .map(|(_, _, heading)| block_apart_from(heading, &above))
            .collect();
        if others.is_empty() {
            return None;
        }
        let own = paragraphs_after(doc, headline, &others);
        Some(Self { others, own })
    }

    /// The share of the page's own paragraph text (in bytes) that `text` holds, 1 when there is
    /// none.
    pub(super) fn share_kept(&self, text: &str) -> f64 {
        let text = super::one_line(text);
        let total: usize = self.own.iter().map(String::len).sum();
        if total == 0 {
            return 1.0;
        }
        let kept: usize = self
            .own
            .iter()
            .filter(|paragraph| {
                memchr::memmem::find(text.as_bytes(), paragraph.as_bytes()).is_some()
            })
            .map(String::len)
            .sum();
        kept as f64 / total as f64
    }

    /// Removes the blocks of other stories from `doc`, which must be the document these stories
    /// were found in or a parse of the same page.
    pub(super) fn remove_others(&self, doc: &Document) {
        for &id in &self.others {
            if let Some(node) = doc.tree.get(&id) {
                node.remove_from_parent();
            }
        }
    }
}

/// The largest ancestor-or-self of `heading` below the nearest ancestor it shares with the
/// headline (`above`: the headline's ancestors).
fn block_apart_from(heading: &NodeRef, above: &FxHashSet<NodeId>) -> NodeId {
    let mut block = *heading;
    while let Some(parent) = block.parent() {
        if above.contains(&parent.id) || !parent.is_element() {
            break;
        }
        block = parent;
    }
    block.id
}

/// The text of each paragraph (`p`) that follows `headline` in the document, up to the first
/// of `others` that comes after it, each on one line; empty paragraphs left out.
fn paragraphs_after(doc: &Document, headline: &NodeRef, others: &[NodeId]) -> Vec<String> {
    let others: FxHashSet<NodeId> = others.iter().copied().collect();
    let mut own = Vec::new();
    let mut after = false;
    for node in doc.root().descendants_it() {
        if node.id == headline.id {
            after = true;
        } else if after && (others.contains(&node.id) || own.len() >= MAX_OWN_PARAGRAPHS) {
            break;
        } else if after && node.has_name("p") {
            let text = super::one_line(&node.text());
            if !text.is_empty() {
                own.push(text);
            }
        }
    }
    own
}

/// Of the texts of a page's `h1`s, the one that is its headline: the most like `title` (the
/// title its metadata gives), by at least [`HEADLINE_MIN_SIMILARITY`].
pub(super) fn headline<'h>(headings: &'h [String], title: &str) -> Option<&'h str> {
    let title = words(title);
    headings
        .iter()
        .map(|heading| (dice(&words(heading), &title), heading))
        .filter(|(similarity, _)| *similarity >= HEADLINE_MIN_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, heading)| heading.as_str())
}

/// The lower-cased words (runs of letters and digits) of `text`.
fn words(text: &str) -> FxHashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Twice the words two sets share over the words of both; 0 when both are empty.
fn dice(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / total as f64
}
