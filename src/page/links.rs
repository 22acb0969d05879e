//! Lists of links: "Trending", "Related coverage", "Most read", menus. Every item of such a
//! list is a link and nothing else, each a headline of another page ("Airline went into records
//! after Max crash, engineer says"); Readability keeps lists whatever their links, and the
//! headlines then read as statements of the story. A list with at least one item that is more
//! than a link (a bullet of the story, "STORY HIGHLIGHTS") is the story's own.
//!
//! The lists stay in the page while Readability reads it: their links are what make it drop
//! the blocks of links around them ("related stories" with their teasers); only their items'
//! lines leave the text it finds.

use dom_query::{Document, NodeId, NodeRef, Selection};
use rustc_hash::FxHashSet;

/// The fewest items with text a list of links has.
const MIN_ITEMS: usize = 2;
/// The least share of an item's characters (spaces aside) that links hold for the item to be
/// a link.
const MIN_LINKED_SHARE: f64 = 0.9;

/// The most characters (spaces aside) of a paragraph of links that are outside its links: a
/// lead-in ("Read more:", "[Read: ...]", "Related:").
const MAX_LEAD_IN: usize = 16;

/// The text of each paragraph among `linking` that is a link to another page and nothing more
/// but a short lead-in ("Read more: Tunisia sends most foreign fighters to Islamic State",
/// "[Read: Why Tunisia suffers from Islamist violence]"), on one line.
pub(super) fn paragraphs_of_links(doc: &Document, linking: &[NodeId]) -> Vec<String> {
    let mut found = Vec::new();
    for paragraph in linking.iter().filter_map(|id| doc.tree.get(id)) {
        let chars = visible_chars(&paragraph);
        let linked: usize = Selection::from(paragraph)
            .select("a")
            .nodes()
            .iter()
            .map(visible_chars)
            .sum();
        if chars > 0 && chars.saturating_sub(linked) <= MAX_LEAD_IN.min(chars / 4) {
            found.push(super::one_line(&paragraph.text()));
        }
    }
    found
}

/// The text of each item of the lists of links among `lists`, on one line.
pub(super) fn items_of_link_lists(doc: &Document, lists: &[NodeId]) -> FxHashSet<String> {
    let mut items = FxHashSet::default();
    for list in lists.iter().filter_map(|id| doc.tree.get(id)) {
        if is_link_list(&list) {
            items.extend(
                list.element_children()
                    .iter()
                    .filter(|item| item.has_name("li"))
                    .map(|item| super::one_line(&item.text()))
                    .filter(|item| !item.is_empty()),
            );
        }
    }
    items
}

/// Whether `list` (a `ul` or `ol`) is a list of links: two or more items with text, each of
/// them all link.
fn is_link_list(list: &NodeRef) -> bool {
    let mut items = 0;
    for item in list.element_children() {
        if !item.has_name("li") {
            continue;
        }
        let chars = visible_chars(&item);
        if chars == 0 {
            continue;
        }
        let linked: usize = Selection::from(item)
            .select("a")
            .nodes()
            .iter()
            .map(visible_chars)
            .sum();
        if (linked as f64) < MIN_LINKED_SHARE * chars as f64 {
            return false;
        }
        items += 1;
    }
    items >= MIN_ITEMS
}

/// The characters of `node`'s text, spaces aside.
fn visible_chars(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}
