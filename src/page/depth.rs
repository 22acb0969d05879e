//! A bound on how deeply a page's elements nest, so that no page can make the reading slow or
//! overflow a stack.
//!
//! The HTML parser looks through the open elements at many tags (is a `p` open, is a `table`?),
//! so its time grows with the square of the nesting depth; the readability port and the DOM
//! library walk the tree recursively, one frame per level; the text of each element holds that
//! of all its descendants. A page of 100,000 nested `<div>`s (1 MB) took an hour, and 100,000
//! nested `<b>`s overflowed the stack. Pages nest a few dozen levels deep; browsers keep at
//! most 512 (Blink's parser attaches deeper elements to the element at that depth).
//!
//! Two steps bound the depth:
//! - before parsing, [`bound_tags`] leaves out the start tags that would open an element inside
//!   [`MAX_OPEN_TAGS`] open ones (their contents stay, one level up);
//! - after parsing, [`flatten`] moves whatever still lies deeper than [`MAX_DEPTH`] (the parser
//!   may add elements: table bodies, reopened formatting) up to the element at that depth, in
//!   document order, so that no walk over the tree goes deeper than `MAX_DEPTH` + 2.

use std::borrow::Cow;

use dom_query::{Document, NodeId, NodeRef};

/// The most elements open at once, as the tags say, before further start tags are left out.
/// Elements that close on their own (`p`, `li`, `td`, `tr`, ...), void elements (`br`, `img`)
/// and elements of text (`script`, `style`, `textarea`, `title`) are not counted
/// (`html_tags.txt` lists them).
pub const MAX_OPEN_TAGS: usize = 128;

/// The deepest level of the parsed page whose elements may hold others; what lies deeper is
/// moved up to this level.
pub const MAX_DEPTH: usize = 128;

/// The most formatting elements (`b`, `i`, `font`, ...) left open at once, as the tags say,
/// before further ones are left out. The parser remembers those that other end tags close, and
/// opens them again for each piece of text that follows: 100 unclosed `<b>`s before 100,000
/// paragraphs made ten million elements.
pub const MAX_OPEN_FORMATTING: usize = 8;

/// The classes of elements told apart (`html_tags.txt`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Formatting,
    Void,
    Raw,
    SelfClosing,
}

/// The element names of each class, from `html_tags.txt`.
fn classes() -> &'static [(Class, Vec<&'static str>)] {
    static CLASSES: std::sync::OnceLock<Vec<(Class, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        include_str!("html_tags.txt")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let (class, names) = line.split_once('\t')?;
                let class = match class {
                    "formatting" => Class::Formatting,
                    "void" => Class::Void,
                    "raw" => Class::Raw,
                    "self-closing" => Class::SelfClosing,
                    _ => return None,
                };
                Some((class, names.split_whitespace().collect()))
            })
            .collect()
    })
}

/// The names of the elements of `class`.
fn names(class: Class) -> &'static [&'static str] {
    classes()
        .iter()
        .find(|(found, _)| *found == class)
        .map_or(&[], |(_, names)| names.as_slice())
}

/// Whether the element named `name` (any case) is of `class`.
fn is(class: Class, name: &str) -> bool {
    names(class)
        .iter()
        .any(|known| known.eq_ignore_ascii_case(name))
}

/// Whether a start tag named `name` opens an element counted against [`MAX_OPEN_TAGS`].
fn counted(name: &str) -> bool {
    !(is(Class::Void, name) || is(Class::Raw, name) || is(Class::SelfClosing, name))
}

/// The page without the start tags that would open an element inside [`MAX_OPEN_TAGS`] open
/// ones, and how many were left out. Tags are found as the HTML tokenizer finds them (comments,
/// quoted attribute values and the text of scripts and style sheets hold none); an end tag
/// closes the elements open since its start tag, as the parser closes them.
pub(super) fn bound_tags(html: &str) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    let mut open: Vec<&str> = Vec::new();
    let mut formatting = Formatting::default();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let tag = lex(html, start);
        at = tag.end;
        match tag.kind {
            Kind::Start { name, self_closing } => {
                let foreign = self_closing && open.iter().any(|o| is_foreign(o));
                if is_raw_text(name) && !foreign {
                    at = raw_text_end(html, at, name);
                } else if name.eq_ignore_ascii_case("plaintext") {
                    break;
                } else if counted(name) && !foreign {
                    if open.len() >= MAX_OPEN_TAGS || !formatting.open(name) {
                        dropped.push((start, tag.end));
                    } else {
                        open.push(name);
                    }
                }
            }
            Kind::End { name } => {
                formatting.close(name);
                if let Some(at) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                    open.truncate(at);
                }
            }
            Kind::Other => {}
        }
    }
    if dropped.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut kept = String::with_capacity(html.len());
    let mut from = 0;
    for &(start, end) in &dropped {
        kept.push_str(&html[from..start]);
        from = end;
    }
    kept.push_str(&html[from..]);
    (Cow::Owned(kept), dropped.len())
}

/// How many formatting elements of each kind are open, as the tags say (an end tag of another
/// element does not close them: the parser reopens them after it).
#[derive(Default)]
struct Formatting {
    /// By the element's place in its class's names.
    open: Vec<usize>,
}

impl Formatting {
    fn kind(name: &str) -> Option<usize> {
        names(Class::Formatting)
            .iter()
            .position(|known| known.eq_ignore_ascii_case(name))
    }

    /// Counts a start tag; false when it opens one formatting element too many.
    fn open(&mut self, name: &str) -> bool {
        let Some(kind) = Self::kind(name) else {
            return true;
        };
        if self.open.iter().sum::<usize>() >= MAX_OPEN_FORMATTING {
            return false;
        }
        if self.open.len() <= kind {
            self.open.resize(kind + 1, 0);
        }
        self.open[kind] += 1;
        true
    }

    fn close(&mut self, name: &str) {
        if let Some(open) = Self::kind(name).and_then(|kind| self.open.get_mut(kind)) {
            *open = open.saturating_sub(1);
        }
    }
}

fn is_raw_text(name: &str) -> bool {
    is(Class::Raw, name)
}

fn is_foreign(name: &str) -> bool {
    name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math")
}

/// What starts at a `<`.
enum Kind<'a> {
    Start {
        name: &'a str,
        self_closing: bool,
    },
    End {
        name: &'a str,
    },
    /// A comment, a doctype, or a `<` that is text.
    Other,
}

struct Tag<'a> {
    kind: Kind<'a>,
    /// Where the tag (or comment) ends: the byte after its `>`, or the end of the page.
    end: usize,
}

/// The tag, comment or text that starts with the `<` at `start`.
fn lex(html: &str, start: usize) -> Tag<'_> {
    let bytes = html.as_bytes();
    let rest = &bytes[start + 1..];
    let other = |end| Tag {
        kind: Kind::Other,
        end,
    };
    match rest {
        [b'!', b'-', b'-', ..] => other(comment_end(bytes, start + 4)),
        [b'!' | b'?', ..] => other(after_gt(bytes, start + 2)),
        [b'/', first, ..] if first.is_ascii_alphabetic() => {
            let (name, end) = lex_tag(html, start + 2);
            Tag {
                kind: Kind::End { name: name.0 },
                end,
            }
        }
        [b'/', ..] => other(after_gt(bytes, start + 2)),
        [first, ..] if first.is_ascii_alphabetic() => {
            let ((name, self_closing), end) = lex_tag(html, start + 1);
            Tag {
                kind: Kind::Start { name, self_closing },
                end,
            }
        }
        _ => other(start + 1),
    }
}

/// The byte after the first `>` from `from` on, or the end.
fn after_gt(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &bytes[from.min(bytes.len())..]).map_or(bytes.len(), |at| from + at + 1)
}

/// The end of a comment whose text starts at `from` (after `<!--`).
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let from = from.min(bytes.len());
    let text = &bytes[from..];
    // `<!-->` and `<!--->` are empty comments.
    if text.starts_with(b">") {
        return from + 1;
    }
    if text.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"--") {
        let dashes = at + found + 2;
        match &bytes[dashes..] {
            [b'>', ..] => return dashes + 1,
            [b'!', b'>', ..] => return dashes + 2,
            _ => at = dashes - 1,
        }
    }
    bytes.len()
}

/// The name of the tag whose name starts at `from`, whether it ends with `/>`, and where it
/// ends: attribute values in quotes may hold `>`.
fn lex_tag(html: &str, from: usize) -> ((&str, bool), usize) {
    let bytes = html.as_bytes();
    let is_space = |byte: u8| matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut at = from;
    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    let name = &html[from..at];
    let mut self_closing = false;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return ((name, self_closing), at + 1),
            b'/' => {
                self_closing = true;
                at += 1;
                continue;
            }
            byte if is_space(byte) => {}
            b'=' => {
                at += 1;
                while at < bytes.len() && is_space(bytes[at]) {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let Some(close) = memchr::memchr(quote, &bytes[at + 1..]) else {
                            return ((name, false), bytes.len());
                        };
                        at += close + 1;
                    }
                    _ => continue,
                }
            }
            _ => {}
        }
        self_closing = false;
        at += 1;
    }
    ((name, false), bytes.len())
}

/// Where the text of a raw-text element named `name` that starts at `from` ends: at its end
/// tag (`</script` followed by a space, `/` or `>`), or the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"</") {
        let tag = at + found;
        let after = tag + 2 + name.len();
        if bytes
            .get(tag + 2..after)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
        {
            return tag;
        }
        at = tag + 2;
    }
    bytes.len()
}

/// Moves the nodes of `doc` deeper than [`MAX_DEPTH`] up to their ancestor at that depth, in
/// document order, each without its children (but an element that holds only text, a
/// paragraph, a script, keeps its text); the contents of `template`s that deep are dropped.
/// Returns how many nodes were moved. The walk keeps its own stack.
pub(super) fn flatten(doc: &Document) -> usize {
    let mut moved = 0;
    let mut stack: Vec<(NodeId, usize)> = vec![(doc.root().id, 0)];
    while let Some((id, depth)) = stack.pop() {
        let Some(node) = doc.tree.get(&id) else {
            continue;
        };
        if depth >= MAX_DEPTH {
            moved += flatten_below(doc, &node);
            continue;
        }
        if let Some(contents) = template_contents(&node) {
            stack.push((contents, depth + 1));
        }
        stack.extend(
            children(&node)
                .iter()
                .rev()
                .map(|child| (child.id, depth + 1)),
        );
    }
    moved
}

/// Makes every descendant of `node` its child, in document order; an element holding only
/// text keeps it. Returns how many nodes were moved.
fn flatten_below(doc: &Document, node: &NodeRef) -> usize {
    let top = children(node);
    if top.iter().all(|child| !has_elements(child)) {
        return 0;
    }
    let mut order: Vec<NodeId> = Vec::new();
    let mut stack: Vec<NodeId> = top.iter().rev().map(|child| child.id).collect();
    while let Some(id) = stack.pop() {
        let Some(below) = doc.tree.get(&id) else {
            continue;
        };
        if let Some(contents) = template_contents(&below).and_then(|id| doc.tree.get(&id)) {
            contents.remove_children();
        }
        order.push(id);
        if has_elements(&below) {
            stack.extend(children(&below).iter().rev().map(|child| child.id));
        }
        // Else its text (and comments) stay with it, one level further down.
    }
    for id in &order {
        node.append_child(id);
    }
    order.len()
}

/// Whether any child of `node` is an element.
fn has_elements(node: &NodeRef) -> bool {
    let mut child = node.first_child();
    while let Some(at) = child {
        if at.is_element() {
            return true;
        }
        child = at.next_sibling();
    }
    false
}

/// The children of `node`, in order.
fn children<'a>(node: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let mut found = Vec::new();
    let mut child = node.first_child();
    while let Some(at) = child {
        child = at.next_sibling();
        found.push(at);
    }
    found
}

/// The fragment holding a `template` element's contents, which the tree keeps apart from the
/// element's children.
fn template_contents(node: &NodeRef) -> Option<NodeId> {
    node.query(|data| {
        data.as_element()
            .and_then(|element| element.template_contents)
    })
    .flatten()
}

/// The depth of the deepest node of `doc` (the document is 0), walked with a stack of its own.
#[cfg(test)]
fn deepest(doc: &Document) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(NodeId, usize)> = vec![(doc.root().id, 0)];
    while let Some((id, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if let Some(node) = doc.tree.get(&id) {
            stack.extend(children(&node).iter().map(|child| (child.id, depth + 1)));
            stack.extend(template_contents(&node).map(|contents| (contents, depth + 1)));
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start tags `bound_tags` keeps of `html`, as its text.
    fn bounded(html: &str) -> (String, usize) {
        let (kept, dropped) = bound_tags(html);
        (kept.into_owned(), dropped)
    }

    #[test]
    fn start_tags_past_the_limit_are_left_out_and_their_text_kept() {
        let deep = format!("{}text{}", "<div>".repeat(300), "</div>".repeat(300));
        let (kept, dropped) = bounded(&deep);
        assert_eq!(dropped, 300 - MAX_OPEN_TAGS);
        assert_eq!(kept.matches("<div>").count(), MAX_OPEN_TAGS);
        assert!(kept.contains("text"));
        // Formatting elements left open count as well; end tags close what opened since.
        let spans = "<span>".repeat(100_000);
        assert_eq!(bounded(&spans).1, 100_000 - MAX_OPEN_TAGS);
        let closed = "<div><span><b>x</b></div>".repeat(10_000);
        assert_eq!(bounded(&closed).1, 0);
    }

    #[test]
    fn formatting_elements_left_open_are_bounded_as_the_parser_reopens_them() {
        let unclosed = "<b>".repeat(100_000);
        assert_eq!(bounded(&unclosed).1, 100_000 - MAX_OPEN_FORMATTING);
        // Closed by the `div`'s end tag, reopened in every paragraph after it.
        let opened: String = (0..100).map(|i| format!("<b id={i}>")).collect();
        let page = format!("<div>{opened}</div>{}", "<p>x".repeat(1000));
        let (kept, dropped) = bounded(&page);
        assert_eq!(dropped, 100 - MAX_OPEN_FORMATTING);
        let doc = Document::from(kept.as_ref());
        assert!(doc.select("b").length() <= (MAX_OPEN_FORMATTING + 1) * 1001);
        assert_eq!(doc.select("p").text().matches('x').count(), 1000);
    }

    #[test]
    fn what_closes_itself_or_holds_no_elements_is_not_counted() {
        for page in [
            "<p>one".repeat(1000),
            "<li>item".repeat(1000),
            "<br><img src=x><meta charset=utf-8>".repeat(1000),
            "<table><tr><td>cell</table>".repeat(1000),
            "<svg><path d='M0'/></svg>".repeat(1000),
        ] {
            assert_eq!(bounded(&page).1, 0, "{}", &page[..40]);
        }
    }

    #[test]
    fn tags_in_comments_scripts_and_attributes_are_no_tags() {
        let many = "<div>".repeat(MAX_OPEN_TAGS);
        for page in [
            format!("<!-- {many} -->"),
            format!("<script>var s = '{many}';</script>"),
            format!("<style>/* {many} */</style>"),
            format!("<textarea>{many}</textarea>"),
            format!("<a title=\"{many}\">link</a>"),
            format!("<a title='{many}'>link</a>"),
        ] {
            let (kept, dropped) = bounded(&format!("{page}{many}<b>x</b>"));
            assert_eq!(dropped, 1, "{}", &page[..20]);
            assert!(kept.ends_with("x</b>"));
        }
        // A script's end tag ends it whatever its case; `</scripts>` does not.
        let page = format!("<script>a</scripts>b</SCRIPT >{many}<i>");
        assert_eq!(bounded(&page).1, 1);
    }

    #[test]
    fn broken_markup_is_read_to_its_end() {
        for page in [
            "<",
            "<a",
            "<a href=\"",
            "<!--",
            "<!-->",
            "<!--->",
            "</",
            "</>",
            "<?x",
            "<script>",
            "<a b='>'",
            "<plaintext><div><div>",
            "<<<>>>",
            "<é>",
            "<a\u{0}>",
        ] {
            let (kept, dropped) = bounded(page);
            assert_eq!((kept.as_str(), dropped), (page, 0));
        }
    }

    #[test]
    fn what_lies_deeper_than_the_limit_is_moved_up_in_order() {
        // The parser nests a table's cells in a body and a row that the tags do not count.
        let html = format!(
            "{}<p>first</p><div><p>second</p><script>third()</script></div>",
            "<table><tr><td>".repeat(200)
        );
        let doc = Document::from(html.as_str());
        assert!(deepest(&doc) > MAX_DEPTH);
        let text = doc.select("body").text().to_string();
        assert!(flatten(&doc) > 0);
        assert!(deepest(&doc) <= MAX_DEPTH + 2, "{}", deepest(&doc));
        assert_eq!(doc.select("body").text().to_string(), text);
        assert_eq!(doc.select("p").length(), 2);
        assert_eq!(doc.select("script").text().to_string(), "third()");
        // A shallow page is left as it is.
        let shallow = Document::from("<div><p>one</p></div>");
        assert_eq!(flatten(&shallow), 0);
    }
}
