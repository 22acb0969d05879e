//! The graph as one self-contained HTML page: the summary, the audit's tables (when given),
//! the diagram (inline SVG, with pan and zoom), per-outlet counts, and a table of every
//! attribution (its id, which names its document; the chain with relations; the cues; the
//! statement with its source mentions highlighted) that can be filtered by source or by words.
//!
//! The page stays quick with thousands of attributions: the rows are data (compact JSON in a
//! `<script type="application/json">` block) that the page's script filters and shows
//! [`PAGE_ROWS`] at a time, so the browser lays out a page of rows, never all of them. Past
//! [`super::relay_core::DEFAULT_MAX_NODES`] sources the CLI draws the relay core, and the page
//! lists the sources left out of the picture ([`HtmlInput::left_out`]), each a link to its rows.
//!
//! The page needs nothing from the network: its CSS and script are inline and its
//! Content-Security-Policy forbids every fetch. Every text from the input is HTML-escaped (in
//! the data block, shown by the script as text, never as markup; `<` is written `\u003c`, so no
//! text can end the block), characters XML 1.0 forbids are dropped, as in the XML formats, and
//! bidirectional controls (which can make a name read as another) are shown as U+FFFD; the
//! diagram's SVG loses the characters XML forbids too.
//!
//! The address selects what the table shows: `#source=<node id>&q=<words>&page=<n>` (each part
//! optional, percent-encoded); the page keeps its address in step as the reader filters, and
//! clicking a source in the diagram or the table filters by it. When the script has run, `body`
//! has `data-ready="true"`, `data-shown` (the number of rows that match), `data-page` and
//! `data-pages`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use serde_json::{Value, json};

use super::style::kind_style;
// Every text here is shown to people.
use super::xml::{drop_forbidden, escape_shown as escape, is_bidi_control, is_xml_char};
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
    /// The audit's tables and flags, an HTML fragment of `<section class="audit">` blocks (from
    /// `export::audit`), placed after the summary and before the diagram and the attributions.
    /// It is trusted markup: whoever makes it escapes its text.
    pub audit_sections: Option<&'a str>,
    /// The ids of the sources the diagram leaves out ([`super::RelayCore::left_out`]), listed
    /// under it, each a link to its attributions.
    pub left_out: &'a [String],
}

/// What the page says where the diagram would be when there is no SVG.
pub const NO_DIAGRAM: &str = "The diagram needs Graphviz: install the graphviz package \
(apt-get install graphviz) and build the page again.";

/// How many attributions the table shows at a time; the pager steps through the rest.
pub const PAGE_ROWS: usize = 100;

/// From this many documents on, the summary's list of them is folded.
const DOCUMENTS_OPEN: usize = 12;

/// How many of the sources left out of the diagram are listed by name.
const LEFT_OUT_LISTED: usize = 200;

/// How many outlets the outlet table lists before folding the rest.
const OUTLETS_OPEN: usize = 50;

/// The page, ending with a newline.
pub fn to_html(graph: &ProvGraph, input: &HtmlInput) -> String {
    let nodes: Vec<&Node> = graph.nodes().collect();
    let title = match graph.documents.as_slice() {
        [only] => only.title.clone().unwrap_or_else(|| only.id.clone()),
        documents => format!("{} documents", documents.len()),
    };
    let data = ReportData::new(graph, &nodes, input.texts);
    let mut out = String::new();
    write_head(&mut out, &title);
    write_summary(&mut out, graph, &title, input.audit_sections.is_some());
    if let Some(sections) = input.audit_sections {
        out.push_str("<div id=\"audit\">\n");
        out.push_str(sections);
        out.push_str("\n</div>\n");
    }
    write_diagram(&mut out, input.svg, input.diagram_note);
    write_left_out(&mut out, graph, input.left_out, &data.counts);
    write_outlets(&mut out, graph);
    out.push_str("<section id=\"attributions\">\n<h2>Attributions</h2>\n<div class=\"filters\">\n");
    write_source_filter(&mut out, &nodes, &data.counts);
    out.push_str("<label>Words <input id=\"text-filter\" type=\"search\" placeholder=\"filter rows\"></label>\n");
    out.push_str("<span id=\"shown\"></span>\n</div>\n");
    write_attribution_table(&mut out, &data);
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

/// The header: the counts, links to the sections, and each document with its title and
/// publisher (folded when there are many).
fn write_summary(out: &mut String, graph: &ProvGraph, title: &str, audit: bool) {
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
    out.push_str("<nav>");
    if audit {
        out.push_str("<a href=\"#audit\">Audit</a> · ");
    }
    out.push_str(
        "<a href=\"#diagram\">Diagram</a> · <a href=\"#outlets\">Outlets</a> · \
         <a href=\"#attributions\">Attributions</a></nav>\n",
    );
    let folded = graph.documents.len() >= DOCUMENTS_OPEN;
    if folded {
        let _ = writeln!(
            out,
            "<details class=\"documents\"><summary>The {} documents</summary>",
            graph.documents.len()
        );
    }
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
    out.push_str("</ul>\n");
    if folded {
        out.push_str("</details>\n");
    }
    out.push_str("</header>\n");
}

/// The diagram's section: the note, the controls and the SVG, or the note or what is missing
/// to draw it.
fn write_diagram(out: &mut String, svg: Option<&str>, note: Option<&str>) {
    out.push_str("<section id=\"diagram\">\n<h2>Diagram</h2>\n");
    match svg.and_then(svg_element) {
        Some(svg) => {
            if let Some(note) = note {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
            }
            out.push_str(
                "<div class=\"zoom\"><button type=\"button\" id=\"zoom-in\" title=\"Zoom in\">+</button>\
                 <button type=\"button\" id=\"zoom-out\" title=\"Zoom out\">−</button>\
                 <button type=\"button\" id=\"zoom-reset\">Reset</button>\
                 <span class=\"hint\">Ctrl+wheel or the buttons to zoom, drag to move; click a \
                 source to list its attributions.</span></div>\n<div class=\"svg\">\n",
            );
            out.push_str(&drop_forbidden(svg));
            out.push_str("\n</div>\n");
        }
        None => {
            let note = note.unwrap_or(NO_DIAGRAM);
            let _ = writeln!(out, "<p class=\"missing\">{}</p>", escape(note));
        }
    }
    out.push_str("</section>\n");
}

/// The sources the diagram leaves out, folded: the first [`LEFT_OUT_LISTED`], each a link to
/// its rows with how many attributions name it, and how many more there are.
fn write_left_out(out: &mut String, graph: &ProvGraph, left_out: &[String], counts: &[usize]) {
    if left_out.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details id=\"left-out\"><summary>{} sources not drawn</summary>\n<p class=\"hint\">The \
         busiest first, with the attributions that name each; a source lists its rows in the \
         table.</p>\n<ul class=\"left-out\">",
        left_out.len()
    );
    let places: BTreeMap<&str, usize> = graph
        .nodes()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), i))
        .collect();
    for id in left_out.iter().take(LEFT_OUT_LISTED) {
        let count = places.get(id.as_str()).map_or(0, |&i| counts[i]);
        if count == 0 {
            // Named by no attribution: nothing to list.
            let _ = writeln!(out, "<li>{} 0</li>", chip(graph, id));
            continue;
        }
        let _ = writeln!(
            out,
            "<li><a href=\"#source={}\">{}</a> {count}</li>",
            percent_encode(id),
            chip(graph, id)
        );
    }
    out.push_str("</ul>\n");
    if left_out.len() > LEFT_OUT_LISTED {
        let _ = writeln!(
            out,
            "<p class=\"hint\">And {} more: pick them in the Source filter of the table.</p>",
            left_out.len() - LEFT_OUT_LISTED
        );
    }
    out.push_str("</details>\n");
}

/// `id` for the address's fragment: ASCII letters, digits and `-._~` as they are, every other
/// byte as `%XX`.
fn percent_encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in drop_forbidden(id).bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char);
            }
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// The outlets' section: a row of counts per outlet, the busiest [`OUTLETS_OPEN`] open and the
/// rest folded.
fn write_outlets(out: &mut String, graph: &ProvGraph) {
    out.push_str("<section id=\"outlets\">\n<h2>Outlets</h2>\n");
    let head = "<table class=\"outlet-table\">\n<thead><tr><th>Outlet</th><th>Attributions \
                relayed</th><th>Attributions published</th><th>Documents published</th></tr>\
                </thead>\n<tbody>\n";
    // The first table has the id; the folded rest is a second table.
    out.push_str(&head.replacen("<table", "<table id=\"outlet-table\"", 1));
    let counts = outlet_counts(graph);
    for (i, count) in counts.iter().enumerate() {
        if i == OUTLETS_OPEN {
            let _ = writeln!(
                out,
                "</tbody>\n</table>\n<details><summary>{} more outlets</summary>\n{head}",
                counts.len() - OUTLETS_OPEN
            );
        }
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
    out.push_str("</tbody>\n</table>\n");
    if counts.len() > OUTLETS_OPEN {
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

/// The source filter: every node that a row names (`counts`, by place), by label, its value
/// the node's place in `nodes`. A source no attribution names would list nothing. The options
/// wait in a `<datalist>` (never drawn) until the reader opens the list: a drawn `<select>` of
/// 6,300 sources cost the newswire page most of a second.
fn write_source_filter(out: &mut String, nodes: &[&Node], counts: &[usize]) {
    out.push_str(
        "<label>Source <select id=\"source-filter\">\n<option value=\"\">All sources</option>\n\
         </select></label>\n<datalist id=\"source-options\">\n",
    );
    let mut by_label: Vec<(usize, &Node)> = nodes
        .iter()
        .copied()
        .enumerate()
        .filter(|&(i, _)| counts[i] > 0)
        .collect();
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
    out.push_str("</datalist>\n");
}

/// The attribution table: its head, an empty body that the script fills a page at a time, the
/// pager, and the rows as data.
fn write_attribution_table(out: &mut String, data: &ReportData) {
    let _ = writeln!(
        out,
        "<table id=\"attribution-table\" data-page-rows=\"{PAGE_ROWS}\">\n<colgroup><col \
         class=\"c-id\"><col class=\"c-chain\"><col class=\"c-cues\"><col \
         class=\"c-statement\"></colgroup>\n<thead><tr><th>Id (document#n)</th><th>Chain</th>\
         <th>Cues</th><th>Statement</th></tr></thead>\n<tbody></tbody>\n</table>"
    );
    out.push_str(
        "<noscript><p class=\"hint\">The table needs JavaScript; the JSON output (build -o \
         graph.json) holds every attribution.</p></noscript>\n<div class=\"pager\"><button \
         type=\"button\" id=\"page-prev\">‹ Previous</button> <span id=\"page-info\"></span> \
         <button type=\"button\" id=\"page-next\">Next ›</button></div>\n",
    );
    out.push_str("<script type=\"application/json\" id=\"report-data\">");
    out.push_str(&script_json(&data.json));
    out.push_str("</script>\n");
}

/// `value` as JSON text that can sit in a `<script>` block: `<` is written `\u003c` (so no
/// string can close the block or open a comment).
fn script_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON values serialize")
        .replace('<', "\\u003c")
}

/// `text` as the page shows it: without the characters XML forbids, bidirectional controls as
/// U+FFFD.
fn shown(text: &str) -> String {
    text.chars()
        .filter(|&c| is_xml_char(c))
        .map(|c| if is_bidi_control(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// The table's rows as data for the page's script, and how many rows name each source.
///
/// The JSON is `{"documents": [id...], "sources": [[id, label, kind]...] (by place in the
/// graph's nodes), "rows": [row...]}`; a row is `[id, document (place), sources (places, for
/// the filter), chain, cues, statement, verbatim (0/1), where]`. `chain` alternates sources (a
/// place, or the id of a source the graph lacks) and relations; a cue is its words, or
/// `[relation]` without them; a statement is a list of pieces, text or `[1, mention]` or
/// `[2, cue]`, or `null` without the document's text, when `where` gives its byte offsets.
struct ReportData {
    json: Value,
    /// Per source (by place in the nodes), the rows that name it.
    counts: Vec<usize>,
}

impl ReportData {
    fn new(graph: &ProvGraph, nodes: &[&Node], texts: &[(&str, &str)]) -> ReportData {
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
        let documents: BTreeMap<&str, usize> = graph
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut counts = vec![0; nodes.len()];
        let mut rows = Vec::with_capacity(graph.attributions.len());
        for attribution in &graph.attributions {
            let document = attribution.document.as_str();
            let publisher = publishers.get(document).copied();
            let mut sources: BTreeSet<usize> = attribution
                .chain()
                .filter_map(|id| index.get(id).copied())
                .collect();
            if let Some(publisher) = publisher.and_then(|id| index.get(id)) {
                sources.insert(*publisher);
            }
            for &source in &sources {
                counts[source] += 1;
            }
            let text = texts.get(document).copied();
            let place = documents
                .get(document)
                .map_or_else(|| json!(shown(document)), |&i| json!(i));
            let mut row = vec![
                json!(shown(&attribution.id)),
                place,
                json!(sources),
                chain_json(attribution, publisher, &index),
                cues_json(attribution, text),
            ];
            row.extend(statement_json(attribution, text));
            rows.push(Value::Array(row));
        }
        let sources: Vec<Value> = nodes
            .iter()
            .map(|node| json!([shown(&node.id), shown(&node.label), node.kind.as_str()]))
            .collect();
        let documents: Vec<String> = graph.documents.iter().map(|d| shown(&d.id)).collect();
        ReportData {
            json: json!({"documents": documents, "sources": sources, "rows": rows}),
            counts,
        }
    }
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

/// The chain as data: sources (places in the nodes, or ids the graph lacks) between their
/// relations, and the publisher after `published` when it is not the last hop.
fn chain_json(
    attribution: &Attribution,
    publisher: Option<&str>,
    index: &BTreeMap<&str, usize>,
) -> Value {
    let source = |id: &str| {
        index
            .get(id)
            .map_or_else(|| json!(shown(id)), |&i| json!(i))
    };
    let mut chain = Vec::new();
    for (i, hop) in attribution.hops.iter().enumerate() {
        if i > 0 {
            chain.push(json!(hop.relation.as_str()));
        }
        chain.push(source(&hop.node));
    }
    let last = attribution.hops.last().map(|hop| hop.node.as_str());
    if let Some(publisher) = publisher.filter(|publisher| Some(*publisher) != last) {
        chain.push(json!(Relation::Published.as_str()));
        chain.push(source(publisher));
    }
    Value::Array(chain)
}

/// The words of each hop's cue, or `[relation]` where the text is missing or has no cue.
fn cues_json(attribution: &Attribution, text: Option<&str>) -> Value {
    attribution
        .hops
        .iter()
        .map(|hop| match hop.cue.and_then(|cue| slice(text, cue)) {
            Some(words) => json!(shown(words)),
            None => json!([hop.relation.as_str()]),
        })
        .collect()
}

/// The statement and whether it is verbatim, and where it is without its text: its pieces
/// (text, `[1, mention]`, `[2, cue]`), `verbatim` as 0 or 1; or `null`, `verbatim` and its byte
/// offsets in words.
fn statement_json(attribution: &Attribution, text: Option<&str>) -> Vec<Value> {
    let span = attribution.span;
    let direct = json!(u8::from(attribution.direct));
    let Some(text) = text.filter(|&text| slice(Some(text), span).is_some()) else {
        let content = attribution
            .content
            .map(|c| format!(", content {}–{}", c.start, c.end))
            .unwrap_or_default();
        let place = format!("bytes {}–{} of the document{content}", span.start, span.end);
        return vec![Value::Null, direct, json!(place)];
    };
    let mut marks: Vec<(Span, u8)> = Vec::new();
    for hop in &attribution.hops {
        if let Some(mention) = hop.mention {
            marks.push((mention, 1));
        }
        if let Some(cue) = hop.cue {
            marks.push((cue, 2));
        }
    }
    marks.retain(|(mark, _)| {
        mark.start >= span.start && mark.end <= span.end && slice(Some(text), *mark).is_some()
    });
    marks.sort_by_key(|(mark, _)| (mark.start, std::cmp::Reverse(mark.end)));
    let mut pieces = Vec::new();
    let mut at = span.start;
    for (mark, kind) in marks {
        // A mark that overlaps an earlier one is left out.
        if mark.start < at {
            continue;
        }
        if mark.start > at {
            pieces.push(json!(shown(&text[at..mark.start])));
        }
        pieces.push(json!([kind, shown(&text[mark.start..mark.end])]));
        at = mark.end;
    }
    if span.end > at {
        pieces.push(json!(shown(&text[at..span.end])));
    }
    vec![Value::Array(pieces), direct]
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

const CSS: &str = r#"body { font: 14px/1.45 Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1em 2em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.5em; border-bottom: 1px solid #ddd; }
.summary { color: #555; margin: 0; }
nav { margin: 0.3em 0 0.6em; }
.documents { padding-left: 1.2em; }
details > summary { cursor: pointer; color: #335; }
.svg { overflow: hidden; border: 1px solid #eee; padding: 0.5em; }
.svg svg { display: block; margin: 0 auto; max-width: 100%; height: auto; cursor: grab; touch-action: none; }
.svg svg:active { cursor: grabbing; }
.svg g.node { cursor: pointer; }
.zoom { margin: 0.3em 0; display: flex; gap: 0.4em; align-items: center; }
.zoom button { min-width: 2em; }
.hint, .missing, .note { color: #666; font-style: italic; }
ul.left-out { columns: 16em; padding-left: 1.2em; font-size: 0.92em; }
ul.left-out a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
.outlet-table { width: auto; }
.outlet-table td:not(:first-child) { text-align: right; }
section.audit { margin-top: 1.5em; }
section.audit h2, section.audit h3 { margin-bottom: 0.3em; }
section.audit p { margin: 0.3em 0; }
table.audit-table { display: block; overflow-x: auto; max-width: 100%; width: max-content; font-size: 0.92em; margin: 0.4em 0 0.8em; }
table.audit-table th, table.audit-table td { padding: 0.2em 0.5em; max-width: 40em; }
table.audit-table caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
table.audit-table td.num, table.audit-table th.num { text-align: right; font-variant-numeric: tabular-nums; }
.filters { margin: 0.5em 0 0.8em; display: flex; gap: 1.5em; align-items: center; flex-wrap: wrap; }
#source-filter { max-width: 28em; }
#shown, #page-info { color: #555; }
.pager { margin: 0.6em 0; display: flex; gap: 1em; align-items: center; }
#attribution-table { table-layout: fixed; }
col.c-id { width: 12em; }
col.c-chain { width: 24%; }
col.c-cues { width: 10%; }
td.id { font-family: monospace; font-size: 0.9em; overflow-wrap: anywhere; }
td.id .document { color: #666; }
.chip { display: inline-block; border: 1px solid #999; border-radius: 4px; padding: 0 0.35em; margin: 1px 0; white-space: pre-wrap; }
td .chip[data-n] { cursor: pointer; }
.rel { color: #555; font-size: 0.9em; white-space: nowrap; }
.rel.published { font-style: italic; }
td.statement { white-space: pre-wrap; overflow-wrap: anywhere; }
.q::before { content: "\201C"; }
.q::after { content: "\201D"; }
mark { background: #ffe27a; padding: 0 1px; }
.cue { text-decoration: underline dotted; }
.direct { font-size: 0.8em; color: #4b8a3c; border: 1px solid #4b8a3c; border-radius: 3px; padding: 0 0.2em; }
footer { margin-top: 2em; color: #777; font-size: 0.9em; }
"#;

const SCRIPT: &str = r##"(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var sources = data.sources, rows = data.rows, documents = data.documents;
  var table = document.getElementById("attribution-table");
  var tbody = table.tBodies[0];
  var pageRows = Number(table.getAttribute("data-page-rows")) || 100;
  var select = document.getElementById("source-filter");
  var search = document.getElementById("text-filter");
  var shown = document.getElementById("shown");
  var info = document.getElementById("page-info");
  var prev = document.getElementById("page-prev");
  var next = document.getElementById("page-next");
  var matches = [], page = 0, haystacks = null, optionOf = null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function chip(source) {
    if (typeof source !== "number") { return el("span", "chip", source); }
    var s = sources[source];
    var e = el("span", "chip kind-" + s[2], s[1]);
    e.title = s[0] + " (" + s[2] + ")";
    e.setAttribute("data-n", String(source));
    return e;
  }
  function space(parent) { parent.appendChild(document.createTextNode(" ")); }
  function chainCell(chain) {
    var td = el("td", "chain");
    if (chain.length === 0) { td.textContent = "(no source)"; }
    chain.forEach(function (part, i) {
      if (i % 2 === 0) { td.appendChild(chip(part)); return; }
      space(td);
      td.appendChild(el("span", part === "published" ? "rel published" : "rel", part + " \u2192"));
      space(td);
    });
    return td;
  }
  function cuesCell(cues) {
    var td = el("td", "cues");
    cues.forEach(function (cue, i) {
      if (i > 0) { td.appendChild(document.createTextNode(" \u00b7 ")); }
      td.appendChild(typeof cue === "string" ? el("span", "q", cue) : el("i", "", cue[0]));
    });
    return td;
  }
  function statementCell(row) {
    var td = el("td", "statement");
    if (row[5] === null) { td.appendChild(el("i", "", row[7])); return td; }
    row[5].forEach(function (piece) {
      if (typeof piece === "string") { td.appendChild(document.createTextNode(piece)); return; }
      td.appendChild(piece[0] === 1 ? el("mark", "", piece[1]) : el("span", "cue", piece[1]));
    });
    if (row[6]) { space(td); td.appendChild(el("span", "direct", "verbatim")); }
    return td;
  }
  function documentOf(row) { return typeof row[1] === "number" ? documents[row[1]] : row[1]; }
  function rowElement(row) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-sources", row[2].join(" "));
    tr.setAttribute("data-attribution", row[0]);
    // An id names its document ("doc#3"); one that does not is followed by it.
    var id = el("td", "id", row[0]);
    var documentId = documentOf(row);
    if (row[0].indexOf(documentId + "#") !== 0) { id.appendChild(el("div", "document", documentId)); }
    tr.appendChild(id);
    tr.appendChild(chainCell(row[3]));
    tr.appendChild(cuesCell(row[4]));
    tr.appendChild(statementCell(row));
    return tr;
  }
  // What a row shows, lower-cased: what the word filter looks in.
  function haystack(row) {
    var parts = [row[0], documentOf(row)];
    row[3].forEach(function (part, i) {
      parts.push(i % 2 === 0 && typeof part === "number" ? sources[part][1] : part);
    });
    row[4].forEach(function (cue) { parts.push(typeof cue === "string" ? cue : cue[0]); });
    if (row[5] === null) { parts.push(row[7]); } else {
      row[5].forEach(function (piece) { parts.push(typeof piece === "string" ? piece : piece[1]); });
    }
    if (row[6]) { parts.push("verbatim"); }
    return parts.join(" ").toLowerCase();
  }
  function filter() {
    var source = select.value === "" ? -1 : Number(select.value);
    var words = search.value.toLowerCase().trim();
    if (words !== "" && haystacks === null) { haystacks = rows.map(haystack); }
    matches = [];
    for (var i = 0; i < rows.length; i += 1) {
      if (source >= 0 && rows[i][2].indexOf(source) < 0) { continue; }
      if (words !== "" && haystacks[i].indexOf(words) < 0) { continue; }
      matches.push(i);
    }
  }
  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / pageRows));
    page = Math.min(Math.max(page, 0), pages - 1);
    var start = page * pageRows, end = Math.min(matches.length, start + pageRows);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i += 1) { fragment.appendChild(rowElement(rows[matches[i]])); }
    tbody.textContent = "";
    tbody.appendChild(fragment);
    shown.textContent = matches.length + " of " + rows.length + " attributions";
    info.textContent = matches.length === 0 ? "no rows" :
      "rows " + (start + 1) + "\u2013" + end + " of " + matches.length + ", page " + (page + 1) + " of " + pages;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    document.body.setAttribute("data-shown", String(matches.length));
    document.body.setAttribute("data-page", String(page + 1));
    document.body.setAttribute("data-pages", String(pages));
  }
  // The address says what is shown: #source=<id>&q=<words>&page=<n>.
  function remember() {
    var parts = [];
    var option = select.options[select.selectedIndex];
    if (select.value !== "" && option) { parts.push("source=" + encodeURIComponent(option.getAttribute("data-id"))); }
    if (search.value.trim() !== "") { parts.push("q=" + encodeURIComponent(search.value.trim())); }
    if (page > 0) { parts.push("page=" + (page + 1)); }
    var hash = parts.length > 0 ? "#" + parts.join("&") : "";
    if (hash === window.location.hash) { return; }
    try {
      window.history.replaceState(null, "", hash === "" ? window.location.pathname + window.location.search : hash);
    } catch (e) { /* an address the browser will not change: the view still works */ }
  }
  function decode(text) {
    // The address is the reader's to type: a malformed escape ("%E0%A4%A") is taken as it is.
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }
  // The sources' options wait in a datalist until the list is opened or a source is chosen.
  function fill() {
    var store = document.getElementById("source-options");
    if (!store || !store.firstChild) { return; }
    var fragment = document.createDocumentFragment();
    while (store.firstChild) { fragment.appendChild(store.firstChild); }
    select.appendChild(fragment);
  }
  function choose(value) {
    if (value !== "") { fill(); }
    select.value = value;
  }
  function selectSource(id) {
    if (optionOf === null) {
      optionOf = {};
      Array.prototype.forEach.call(document.querySelectorAll("#source-filter option, #source-options option"), function (o) {
        var key = o.getAttribute("data-id");
        if (key !== null) { optionOf["=" + key] = o; }
      });
    }
    var option = optionOf["=" + id];
    choose(option ? option.value : "");
    return Boolean(option);
  }
  // Takes what the address says, if it says something of the table's (not "#diagram").
  function fromAddress() {
    if (!/^#(source|q|page)=/.test(window.location.hash)) { return false; }
    var params = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) { params[part.slice(0, at)] = decode(part.slice(at + 1)); }
    });
    selectSource(params.source === undefined ? "" : params.source);
    search.value = params.q === undefined ? "" : params.q;
    filter();
    page = (parseInt(params.page, 10) || 1) - 1;
    render();
    return true;
  }
  function apply() { filter(); page = 0; render(); remember(); }
  function turn(step) { page += step; render(); remember(); table.scrollIntoView(); }
  function showSource(id) {
    if (selectSource(id)) { apply(); document.getElementById("attributions").scrollIntoView(); }
  }
  select.addEventListener("change", apply);
  select.addEventListener("mousedown", fill);
  select.addEventListener("focus", fill);
  select.addEventListener("keydown", fill);
  select.addEventListener("touchstart", fill);
  search.addEventListener("input", apply);
  prev.addEventListener("click", function () { turn(-1); });
  next.addEventListener("click", function () { turn(1); });
  tbody.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest(".chip[data-n]") : null;
    if (target) { choose(target.getAttribute("data-n")); apply(); }
  });
  window.addEventListener("hashchange", function () {
    if (fromAddress()) { document.getElementById("attributions").scrollIntoView(); }
  });
  var moved = panAndZoom();
  Array.prototype.forEach.call(document.querySelectorAll(".svg g.node"), function (node) {
    node.addEventListener("click", function () {
      var title = node.querySelector("title");
      if (title && !moved()) { showSource(title.textContent); }
    });
  });
  // Ctrl+wheel zooms about the pointer, drag to move, buttons to zoom and to go back: the SVG's
  // viewBox changes, so the text stays sharp. Returns whether the last press was a drag.
  function panAndZoom() {
    var svg = document.querySelector(".svg svg");
    var dragged = false;
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) {
      return function () { return false; };
    }
    var base = svg.viewBox.baseVal;
    var original = svg.getAttribute("viewBox");
    var home = [base.x, base.y, base.width, base.height], view = home.slice(), drag = null;
    function set(v) { view = v; svg.setAttribute("viewBox", v.join(" ")); }
    function unit() {
      var box = svg.getBoundingClientRect();
      return { box: box, s: Math.max(view[2] / box.width, view[3] / box.height) };
    }
    function at(x, y) {
      var u = unit();
      return [view[0] + (x - u.box.left) * u.s - (u.box.width * u.s - view[2]) / 2,
        view[1] + (y - u.box.top) * u.s - (u.box.height * u.s - view[3]) / 2];
    }
    function zoom(factor, p) {
      set([p[0] - (p[0] - view[0]) * factor, p[1] - (p[1] - view[1]) * factor, view[2] * factor, view[3] * factor]);
    }
    function middle() { return [view[0] + view[2] / 2, view[1] + view[3] / 2]; }
    // The wheel alone scrolls the page past the diagram; with Ctrl (or Cmd) it zooms.
    svg.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey) { return; }
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.8 : 1.25, at(event.clientX, event.clientY));
    }, { passive: false });
    svg.addEventListener("pointerdown", function (event) {
      drag = { x: event.clientX, y: event.clientY, view: view.slice(), s: unit().s };
      dragged = false;
    });
    window.addEventListener("pointermove", function (event) {
      if (drag === null) { return; }
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { dragged = true; }
      if (dragged) { set([drag.view[0] - dx * drag.s, drag.view[1] - dy * drag.s, drag.view[2], drag.view[3]]); }
    });
    window.addEventListener("pointerup", function () { drag = null; });
    document.getElementById("zoom-in").addEventListener("click", function () { zoom(0.8, middle()); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.25, middle()); });
    document.getElementById("zoom-reset").addEventListener("click", function () {
      view = home.slice();
      svg.setAttribute("viewBox", original);
    });
    return function () { return dragged; };
  }
  // A link to a view of the table (#source=...) opens at the table.
  if (fromAddress()) { document.getElementById("attributions").scrollIntoView(); } else { filter(); render(); }
  document.body.setAttribute("data-ready", "true");
})();
"##;
