//! One walk over a page before Readability prunes it: its `meta` fields, its canonical link, its
//! top-level headings and its captions, so that what [`super::extract_page`] asks of the page
//! besides Readability costs one pass over the document.

use dom_query::{Document, NodeId, NodeRef};

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
}

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
