//! The graph as one self-contained HTML page: the diagram (inline SVG), a table of every
//! attribution (document, chain with relations, cues, the statement with its source mentions
//! highlighted) that can be filtered by source or by words, and per-outlet counts.
//!
//! The page needs nothing from the network: its CSS and script are inline and its
//! Content-Security-Policy forbids every fetch. Every text from the input is HTML-escaped,
//! characters XML 1.0 forbids are dropped, as in the XML formats, and bidirectional controls
//! (which can make a name read as another) are shown as U+FFFD; the diagram's SVG loses the
//! characters XML forbids too. The page filters itself by
//! source when opened with `#source=<node id>`, and clicking a node of the diagram does the same.
//! When the script has run, `body` has `data-ready="true"` and `data-shown` (the number of rows
//! shown).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::style::kind_style;
// Every text here is shown to people.
use super::xml::{drop_forbidden, escape_shown as escape};
use crate::graph::{Node, ProvGraph};
use crate::model::{Attribution, Kind, Relation};
use crate::span::Span;

/// What the page shows besides the graph.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlInput<'a> {
    /// Each document's text, by document id: the statements, mentions and cues come from it.
    /// A document without its text shows byte offsets instead.
    pub texts: &'a [(&'a str, &'a str)],
    /// The diagram as SVG (`dot -Tsvg` of [`super::to_dot_with`]); without it, the page says
    /// that the diagram needs Graphviz, or `diagram_note`.
    pub svg: Option<&'a str>,
    /// A sentence about the diagram: what it leaves out (shown above it), or why there is none
    /// ("The diagram could not be drawn: dot failed: ...", shown in its place).
    pub diagram_note: Option<&'a str>,
    /// The audit's sections (`export::audit::to_html_sections`), placed after the summary.
    pub audit_sections: Option<&'a str>,
}

/// What the page says where the diagram would be when there is no SVG.
pub const NO_DIAGRAM: &str = "The diagram needs Graphviz: install the graphviz package \
(apt-get install graphviz) and build the page again.";

/// The page, ending with a newline.
pub fn to_html(graph: &ProvGraph, input: &HtmlInput) -> String {
    let nodes: Vec<&Node> = graph.nodes().collect();
    let title = match graph.documents.as_slice() {
        [only] => only.title.clone().unwrap_or_else(|| only.id.clone()),
        documents => format!("{} documents", documents.len()),
    };
    let mut out = String::new();
    write_head(&mut out, &title);
    write_summary(&mut out, graph, &title);
    if let Some(sections) = input.audit_sections {
        out.push_str(sections);
    }
    write_diagram(&mut out, input.svg, input.diagram_note);
    write_outlets(&mut out, graph);
    out.push_str("<section id=\"attributions\">\n<h2>Attributions</h2>\n<div class=\"filters\">\n");
    write_source_filter(&mut out, &nodes);
    out.push_str("<label>Words <input id=\"text-filter\" type=\"search\" placeholder=\"filter rows\"></label>\n");
    out.push_str("<span id=\"shown\"></span>\n</div>\n");
    write_attribution_table(&mut out, graph, &nodes, input.texts);
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<footer>Made by {}. Edges point from a source to whoever relayed its words.</footer>",
        escape(crate::GENERATOR)
    );
    out.push_str("<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The document's start up to `<body>`: the policy that forbids every fetch, the title, the
/// style with each kind's colours.
fn write_head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
    );
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"{}\">",
        escape(crate::GENERATOR)
    );
    let _ = writeln!(out, "<title>Provenance: {}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(CSS);
    for kind in Kind::ALL {
        let style = kind_style(kind);
        let _ = writeln!(
            out,
            ".kind-{} {{ background: {}; border-color: {}; }}",
            kind.as_str(),
            style.fill,
            style.border
        );
    }
    out.push_str("</style>\n</head>\n<body>\n");
}

/// The header: the counts, and each document with its title and publisher.
fn write_summary(out: &mut String, graph: &ProvGraph, title: &str) {
    let _ = writeln!(
        out,
        "<header>\n<h1>Provenance: {}</h1>\n<p class=\"summary\">{} documents, {} sources, \
         {} edges, {} attributions.</p>",
        escape(title),
        graph.documents.len(),
        graph.graph.node_count(),
        graph.graph.edge_count(),
        graph.attributions.len()
    );
    out.push_str("<ul class=\"documents\">\n");
    for document in &graph.documents {
        let publisher = match document.publisher.as_deref() {
            Some(id) => format!(", published by {}", chip(graph, id)),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "<li><b>{}</b>{}{publisher}</li>",
            escape(&document.id),
            document
                .title
                .as_deref()
                .map(|title| format!(": {}", escape(title)))
                .unwrap_or_default()
        );
    }
    out.push_str("</ul>\n</header>\n");
}

/// The diagram's section: the note and the SVG, or the note or what is missing to draw it.
fn write_diagram(out: &mut String, svg: Option<&str>, note: Option<&str>) {
    out.push_str("<section id=\"diagram\">\n<h2>Diagram</h2>\n");
    match svg.and_then(svg_element) {
        Some(svg) => {
            if let Some(note) = note {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
            }
            out.push_str("<div class=\"svg\">\n");
            out.push_str(&drop_forbidden(svg));
            out.push_str(
                "\n</div>\n<p class=\"hint\">Click a source to list its attributions.</p>\n",
            );
        }
        None => {
            let note = note.unwrap_or(NO_DIAGRAM);
            let _ = writeln!(out, "<p class=\"missing\">{}</p>", escape(note));
        }
    }
    out.push_str("</section>\n");
}

/// The outlets' section: a row of counts per outlet.
fn write_outlets(out: &mut String, graph: &ProvGraph) {
    out.push_str("<section id=\"outlets\">\n<h2>Outlets</h2>\n");
    out.push_str(
        "<table id=\"outlet-table\">\n<thead><tr><th>Outlet</th><th>Attributions relayed</th>\
         <th>Attributions published</th><th>Documents published</th></tr></thead>\n<tbody>\n",
    );
    for count in outlet_counts(graph) {
        let _ = writeln!(
            out,
            "<tr data-id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&count.id),
            chip(graph, &count.id),
            count.relayed,
            count.published,
            count.documents
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The source filter: every node by label, its value the node's place in `nodes`.
fn write_source_filter(out: &mut String, nodes: &[&Node]) {
    out.push_str(
        "<label>Source <select id=\"source-filter\">\n<option value=\"\">All sources</option>\n",
    );
    let mut by_label: Vec<(usize, &Node)> = nodes.iter().copied().enumerate().collect();
    by_label.sort_by(|a, b| {
        (a.1.label.to_lowercase(), &a.1.id).cmp(&(b.1.label.to_lowercase(), &b.1.id))
    });
    for (i, node) in by_label {
        let _ = writeln!(
            out,
            "<option value=\"{i}\" data-id=\"{}\">{} ({})</option>",
            escape(&node.id),
            escape(&node.label),
            node.kind.as_str()
        );
    }
    out.push_str("</select></label>\n");
}

/// The table of attributions, a row each; a row lists its sources (places in `nodes`) for the
/// filter.
fn write_attribution_table(
    out: &mut String,
    graph: &ProvGraph,
    nodes: &[&Node],
    texts: &[(&str, &str)],
) {
    let texts: BTreeMap<&str, &str> = texts.iter().copied().collect();
    let index: BTreeMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), i))
        .collect();
    let publishers: BTreeMap<&str, &str> = graph
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.publisher.as_deref()?)))
        .collect();
    out.push_str(
        "<table id=\"attribution-table\">\n<thead><tr><th>Id</th><th>Document</th><th>Chain</th>\
         <th>Cues</th><th>Statement</th></tr></thead>\n<tbody>\n",
    );
    for attribution in &graph.attributions {
        let publisher = publishers.get(attribution.document.as_str()).copied();
        let mut sources: BTreeSet<usize> = attribution
            .chain()
            .filter_map(|id| index.get(id).copied())
            .collect();
        if let Some(publisher) = publisher.and_then(|id| index.get(id)) {
            sources.insert(*publisher);
        }
        let sources: Vec<String> = sources.iter().map(usize::to_string).collect();
        let text = texts.get(attribution.document.as_str()).copied();
        let _ = writeln!(
            out,
            "<tr data-sources=\"{}\"><td class=\"id\">{}</td><td>{}</td><td class=\"chain\">{}</td>\
             <td class=\"cues\">{}</td><td class=\"statement\">{}</td></tr>",
            sources.join(" "),
            escape(&attribution.id),
            escape(&attribution.document),
            chain_html(graph, attribution, publisher),
            cues_html(attribution, text),
            statement_html(attribution, text)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The `<svg>` element of Graphviz's output, without the XML declaration, doctype and comments
/// before it.
fn svg_element(svg: &str) -> Option<&str> {
    let start = svg.find("<svg")?;
    let end = svg.rfind("</svg>")? + "</svg>".len();
    (start < end).then(|| &svg[start..end])
}

/// A source's label in a box of its kind's colours.
fn chip(graph: &ProvGraph, id: &str) -> String {
    match graph.node(id) {
        Some(node) => format!(
            "<span class=\"chip kind-{}\" title=\"{} ({})\">{}</span>",
            node.kind.as_str(),
            escape(&node.id),
            node.kind.as_str(),
            escape(&node.label)
        ),
        None => format!("<span class=\"chip\">{}</span>", escape(id)),
    }
}

fn chain_html(graph: &ProvGraph, attribution: &Attribution, publisher: Option<&str>) -> String {
    let mut html = String::new();
    for (i, hop) in attribution.hops.iter().enumerate() {
        if i > 0 {
            let _ = write!(
                html,
                " <span class=\"rel\">{} →</span> ",
                hop.relation.as_str()
            );
        }
        html.push_str(&chip(graph, &hop.node));
    }
    let last = attribution.hops.last().map(|hop| hop.node.as_str());
    if let Some(publisher) = publisher.filter(|publisher| Some(*publisher) != last) {
        let _ = write!(
            html,
            " <span class=\"rel published\">{} →</span> {}",
            Relation::Published.as_str(),
            chip(graph, publisher)
        );
    }
    if html.is_empty() {
        html.push_str("(no source)");
    }
    html
}

/// The words of each hop's cue, or its relation where the text is missing or has no cue.
fn cues_html(attribution: &Attribution, text: Option<&str>) -> String {
    let cues: Vec<String> = attribution
        .hops
        .iter()
        .map(|hop| {
            let words = hop.cue.and_then(|cue| slice(text, cue));
            match words {
                Some(words) => format!("<q>{}</q>", escape(words)),
                None => format!("<i>{}</i>", hop.relation.as_str()),
            }
        })
        .collect();
    cues.join(" · ")
}

/// The statement's text with the source mentions in `<mark>`, the content in a `<span
/// class="content">` and the cues in `<span class="cue">`; or its byte offsets without the text.
fn statement_html(attribution: &Attribution, text: Option<&str>) -> String {
    let span = attribution.span;
    if slice(text, span).is_none() {
        let content = attribution
            .content
            .map(|c| format!(", content {}–{}", c.start, c.end))
            .unwrap_or_default();
        return format!(
            "<i>bytes {}–{} of the document{content}</i>",
            span.start, span.end
        );
    }
    let text = text.expect("sliced above");
    // Boundaries: (offset, is_start, order, tag). Marks nest inside the content span.
    let mut marks: Vec<(Span, &str)> = Vec::new();
    for hop in &attribution.hops {
        if let Some(mention) = hop.mention {
            marks.push((mention, "mark"));
        }
        if let Some(cue) = hop.cue {
            marks.push((cue, "cue"));
        }
    }
    marks.retain(|(mark, _)| {
        mark.start >= span.start && mark.end <= span.end && slice(Some(text), *mark).is_some()
    });
    marks.sort_by_key(|(mark, _)| (mark.start, std::cmp::Reverse(mark.end)));
    // Keep marks that do not overlap an earlier one.
    let mut kept: Vec<(Span, &str)> = Vec::new();
    for (mark, kind) in marks {
        if kept.last().is_none_or(|(last, _)| mark.start >= last.end) {
            kept.push((mark, kind));
        }
    }
    let mut html = String::new();
    let mut at = span.start;
    for (mark, kind) in kept {
        html.push_str(&escape(&text[at..mark.start]));
        let words = escape(&text[mark.start..mark.end]);
        match kind {
            "mark" => {
                let _ = write!(html, "<mark>{words}</mark>");
            }
            _ => {
                let _ = write!(html, "<span class=\"cue\">{words}</span>");
            }
        }
        at = mark.end;
    }
    html.push_str(&escape(&text[at..span.end]));
    if attribution.direct {
        html.push_str(" <span class=\"direct\">verbatim</span>");
    }
    html
}

/// The text a span names, if the text is there and the span fits it.
fn slice(text: Option<&str>, span: Span) -> Option<&str> {
    text?.get(span.start..span.end)
}

/// How much an outlet (or any publisher) carried.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct OutletCount {
    pub id: String,
    /// Attributions whose chain names it.
    pub relayed: usize,
    /// Attributions of the documents it published.
    pub published: usize,
    /// Documents it published.
    pub documents: usize,
}

/// One row per outlet or publisher, most attributions first, then by id.
pub(crate) fn outlet_counts(graph: &ProvGraph) -> Vec<OutletCount> {
    let mut counts: BTreeMap<&str, OutletCount> = BTreeMap::new();
    let entry = |id: &str| OutletCount {
        id: id.to_string(),
        relayed: 0,
        published: 0,
        documents: 0,
    };
    for node in graph.nodes().filter(|node| node.kind == Kind::Outlet) {
        counts.insert(&node.id, entry(&node.id));
    }
    let mut publisher_of: BTreeMap<&str, &str> = BTreeMap::new();
    for document in &graph.documents {
        if let Some(publisher) = document.publisher.as_deref() {
            publisher_of.insert(&document.id, publisher);
            counts
                .entry(publisher)
                .or_insert_with(|| entry(publisher))
                .documents += 1;
        }
    }
    for attribution in &graph.attributions {
        let chain: BTreeSet<&str> = attribution.chain().collect();
        for id in chain {
            if let Some(count) = counts.get_mut(id) {
                count.relayed += 1;
            }
        }
        if let Some(publisher) = publisher_of.get(attribution.document.as_str())
            && let Some(count) = counts.get_mut(publisher)
        {
            count.published += 1;
        }
    }
    let mut rows: Vec<OutletCount> = counts.into_values().collect();
    rows.sort_by(|a, b| {
        (b.relayed + b.published)
            .cmp(&(a.relayed + a.published))
            .then(a.id.cmp(&b.id))
    });
    rows
}

const CSS: &str = r#"body { font: 14px/1.45 Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 2em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.5em; border-bottom: 1px solid #ddd; }
.summary { color: #555; margin-top: 0; }
.documents { padding-left: 1.2em; }
.svg { overflow-x: auto; border: 1px solid #eee; padding: 0.5em; }
.svg svg { max-width: 100%; height: auto; }
.svg g.node { cursor: pointer; }
.hint, .missing, .note { color: #666; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
#outlet-table { width: auto; }
#outlet-table td:not(:first-child) { text-align: right; }
.filters { margin: 0.5em 0 0.8em; display: flex; gap: 1.5em; align-items: center; flex-wrap: wrap; }
#shown { color: #555; }
.chip { display: inline-block; border: 1px solid #999; border-radius: 4px; padding: 0 0.35em; margin: 1px 0; white-space: pre-wrap; }
.rel { color: #555; font-size: 0.9em; white-space: nowrap; }
.rel.published { font-style: italic; }
td.id { white-space: nowrap; font-family: monospace; }
td.statement { white-space: pre-wrap; }
mark { background: #ffe27a; padding: 0 1px; }
.cue { text-decoration: underline dotted; }
.direct { font-size: 0.8em; color: #4b8a3c; border: 1px solid #4b8a3c; border-radius: 3px; padding: 0 0.2em; }
footer { margin-top: 2em; color: #777; font-size: 0.9em; }
"#;

const SCRIPT: &str = r#"(function () {
  "use strict";
  var table = document.getElementById("attribution-table");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var select = document.getElementById("source-filter");
  var search = document.getElementById("text-filter");
  var shown = document.getElementById("shown");
  function apply() {
    var source = select.value;
    var words = search.value.toLowerCase().trim();
    var count = 0;
    rows.forEach(function (row) {
      var sources = " " + row.getAttribute("data-sources") + " ";
      var match = (source === "" || sources.indexOf(" " + source + " ") >= 0) &&
        (words === "" || row.textContent.toLowerCase().indexOf(words) >= 0);
      row.hidden = !match;
      if (match) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " attributions";
    document.body.setAttribute("data-shown", String(count));
  }
  function selectSource(id) {
    var options = Array.prototype.slice.call(select.options);
    var option = options.filter(function (o) { return o.getAttribute("data-id") === id; })[0];
    if (option) { select.value = option.value; apply(); }
    return Boolean(option);
  }
  select.addEventListener("change", apply);
  search.addEventListener("input", apply);
  Array.prototype.slice.call(document.querySelectorAll(".svg g.node")).forEach(function (node) {
    node.addEventListener("click", function () {
      var title = node.querySelector("title");
      if (title && selectSource(title.textContent)) {
        document.getElementById("attributions").scrollIntoView();
      }
    });
  });
  var hash = /^#source=(.*)$/.exec(window.location.hash);
  if (hash) {
    // The address is the reader's to type: a malformed escape ("%E0%A4%A") is taken as it is.
    var id = hash[1];
    try { id = decodeURIComponent(id); } catch (e) { /* keep it undecoded */ }
    selectSource(id);
  }
  apply();
  document.body.setAttribute("data-ready", "true");
})();
"#;
