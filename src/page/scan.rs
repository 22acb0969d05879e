//! One walk over a page before Readability prunes it: its `meta` fields, its canonical link, its
//! top-level headings and its captions, so that what [`super::extract_page`] asks of the page
//! besides Readability costs one pass over the document.

use dom_query::{Document, NodeId, NodeRef};
use rustc_hash::FxHashSet;

/// What one walk over the page finds.
#[derive(Debug, Default)]
pub(super) struct Scan {
    /// Each `meta` element's name (or property), lower-cased, and its content on one line; empty
    /// contents left out.
    pub metas: Vec<(String, String)>,
    /// The `href` of the first `link rel="canonical"`.
    pub canonical: Option<String>,
    /// The `h1` elements, in document order.
    pub headings: Vec<NodeId>,
    /// The `figcaption` elements.
    pub captions: Vec<NodeId>,
    /// The lists (`ul`, `ol`).
    pub lists: Vec<NodeId>,
    /// The paragraphs (`p`) that hold a link.
    pub linking: Vec<NodeId>,
    /// The alternative texts of the images, on one line, long enough to be captions: a line of
    /// text that repeats one is a caption ("Democratic National Committee Chairman Tim Kaine
    /// says ..." under a picture of him described so) or a teaser's headline under its picture.
    pub alts: FxHashSet<String>,
}

/// The fewest characters of an image's alternative text that a caption repeating it must have:
/// shorter ones ("Maurkice Pouncey", "Reuters") are names that the story may use on their own.
const MIN_CAPTION_CHARS: usize = 40;

impl Scan {
    /// Walks `doc` once.
    pub(super) fn new(doc: &Document) -> Self {
        let mut scan = Self::default();
        for node in doc.root().descendants_it() {
            let Some(name) = node.qual_name_ref() else {
                continue;
            };
            match name.local.as_ref() {
                "meta" => scan.add_meta(&node),
                "h1" => scan.headings.push(node.id),
                "figcaption" => scan.captions.push(node.id),
                "ul" | "ol" => scan.lists.push(node.id),
                "a" => {
                    if let Some(paragraph) = node.ancestors_it(None).find(|up| up.has_name("p"))
                        && scan.linking.last() != Some(&paragraph.id)
                    {
                        scan.linking.push(paragraph.id);
                    }
                }
                "img" => scan.add_alt(&node),
                "link"
                    if scan.canonical.is_none()
                        && node
                            .attr("rel")
                            .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
                {
                    scan.canonical = node.attr("href").map(|href| href.to_string());
                }
                _ => {}
            }
        }
        scan
    }

    fn add_meta(&mut self, node: &NodeRef) {
        let Some(name) = node.attr("name").or_else(|| node.attr("property")) else {
            return;
        };
        let Some(content) = node.attr("content") else {
            return;
        };
        let content = super::one_line(&content);
        if !content.is_empty() {
            self.metas.push((name.to_ascii_lowercase(), content));
        }
    }

    fn add_alt(&mut self, node: &NodeRef) {
        if let Some(alt) = node.attr("alt")
            && alt.len() >= MIN_CAPTION_CHARS
        {
            self.alts.insert(super::one_line(&alt));
        }
    }

    /// The content of the first `meta` named `wanted` (lower case).
    pub(super) fn meta(&self, wanted: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(name, _)| name == wanted)
            .map(|(_, content)| content.as_str())
    }
}

/// The node after `node` in document order (its first child, else its next sibling, else the
/// next sibling of its nearest ancestor that has one).
pub(super) fn next_in_order<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    if let Some(child) = node.first_child() {
        return Some(child);
    }
    let mut at = *node;
    loop {
        if let Some(sibling) = at.next_sibling() {
            return Some(sibling);
        }
        at = at.parent()?;
    }
}
