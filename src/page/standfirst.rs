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

/// How many pieces of text after the start of an `h1` the standfirst may stand within.
const WINDOW_TEXTS: usize = 16;
/// The fewest characters of a description taken as a standfirst.
const MIN_CHARS: usize = 40;

/// The page's candidate standfirsts: the descriptions of its metadata that stand in the page
/// right after an `h1`, each on one line. A description that repeats the body's first paragraph
/// stands there too: the caller takes the first that the main text lacks.
pub(super) fn find(doc: &Document) -> Vec<String> {
    let mut descriptions = descriptions(doc);
    if descriptions.is_empty() {
        return descriptions;
    }
    let windows = windows_after_headings(doc);
    descriptions.retain(|description| {
        windows
            .iter()
            .any(|window| window.contains(description.as_str()))
    });
    descriptions
}

/// The descriptions in the page's `meta` elements (any whose name or property ends with
/// "description"), on one line, long enough, each once.
fn descriptions(doc: &Document) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(name) = node.attr("name").or_else(|| node.attr("property")) else {
            continue;
        };
        if !name.to_ascii_lowercase().ends_with("description") {
            continue;
        }
        let content = super::one_line(&node.attr("content").unwrap_or_default());
        if content.len() >= MIN_CHARS && !found.contains(&content) {
            found.push(content);
        }
    }
    found
}

/// For each `h1`, the text of the first [`WINDOW_TEXTS`] pieces of text from its start on,
/// joined by spaces on one line.
fn windows_after_headings(doc: &Document) -> Vec<String> {
    let headings = doc.select("h1");
    let mut windows = Vec::new();
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut pending = headings.length();
    for node in doc.root().descendants_it() {
        if pending == 0 && open.is_empty() {
            break;
        }
        if node.has_name("h1") {
            open.push((String::new(), 0));
            pending = pending.saturating_sub(1);
        } else if node.is_text() && !open.is_empty() && !in_script(&node) {
            let text = node.text();
            if text.trim().is_empty() {
                continue;
            }
            for (window, count) in &mut open {
                window.push(' ');
                window.push_str(&text);
                *count += 1;
            }
            let (done, still): (Vec<_>, Vec<_>) = open
                .drain(..)
                .partition(|(_, count)| *count >= WINDOW_TEXTS);
            windows.extend(done.into_iter().map(|(window, _)| super::one_line(&window)));
            open = still;
        }
    }
    windows.extend(open.into_iter().map(|(window, _)| super::one_line(&window)));
    windows
}

/// Whether a text node is a script's or a style sheet's, which the page does not show.
fn in_script(node: &NodeRef) -> bool {
    node.parent()
        .is_some_and(|parent| parent.has_name("script") || parent.has_name("style"))
}
