//! The standfirst: the sentence or two under the headline that sum the story up ("“We have to
//! make some necessary job eliminations,” WeWork chairman Marcelo Claure said in an email to
//! employees Monday").
//!
//! Readability drops the page's header with the headline, and the standfirst goes with it, yet
//! it is text of the story (a plain-text article keeps it after the headline) and often
//! attributes. Pages repeat it as their description (`description`, `og:description`,
//! `twitter:description`); a description that also stands among the first words after an
//! `h1` is shown as the standfirst, not only a summary for search engines.

use dom_query::{Document, NodeRef};

use super::scan::{Scan, next_in_order};

/// How many pieces of text after the start of an `h1` the standfirst may stand within.
const WINDOW_TEXTS: usize = 16;
/// How many nodes after the start of an `h1` the standfirst may stand within, and how many
/// `h1`s are looked after: a page of empty elements must not make each look go through the
/// whole page.
const WINDOW_NODES: usize = 4096;
const MAX_HEADINGS: usize = 32;
/// The fewest characters of a description taken as a standfirst.
const MIN_CHARS: usize = 40;

/// The page's candidate standfirsts: the descriptions of its metadata that stand in the page
/// right after an `h1`, each on one line. A description that repeats the body's first paragraph
/// stands there too: the caller takes the first that the main text lacks.
pub(super) fn find(doc: &Document, scan: &Scan) -> Vec<String> {
    let mut descriptions = descriptions(scan);
    if descriptions.is_empty() || scan.headings.is_empty() {
        return Vec::new();
    }
    let windows: Vec<String> = scan
        .headings
        .iter()
        .take(MAX_HEADINGS)
        .filter_map(|id| doc.tree.get(id))
        .map(|heading| window_from(&heading))
        .collect();
    descriptions.retain(|description| {
        windows
            .iter()
            .any(|window| window.contains(description.as_str()))
    });
    descriptions
}

/// The descriptions in the page's `meta` elements (any whose name or property ends with
/// "description"), long enough, each once.
fn descriptions(scan: &Scan) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (name, content) in &scan.metas {
        if name.ends_with("description") && content.len() >= MIN_CHARS && !found.contains(content) {
            found.push(content.clone());
        }
    }
    found
}

/// The first [`WINDOW_TEXTS`] pieces of text from the start of `heading` on (scripts and style
/// sheets aside) among its first [`WINDOW_NODES`] nodes, joined by spaces on one line.
fn window_from(heading: &NodeRef) -> String {
    let mut window = String::new();
    let mut count = 0;
    let mut at = Some(*heading);
    for _ in 0..WINDOW_NODES {
        let Some(node) = at else {
            break;
        };
        if count >= WINDOW_TEXTS {
            break;
        }
        if node.is_text() && !in_script(&node) {
            let text = node.text();
            if !text.trim().is_empty() {
                window.push(' ');
                window.push_str(&text);
                count += 1;
            }
        }
        at = next_in_order(&node);
    }
    super::one_line(&window)
}

/// Whether a text node is a script's or a style sheet's, which the page does not show.
fn in_script(node: &NodeRef) -> bool {
    node.parent()
        .is_some_and(|parent| parent.has_name("script") || parent.has_name("style"))
}
