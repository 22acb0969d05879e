//! The HTML report, opened in headless Chromium: it loads without a console message (so
//! without an error), the script runs, the diagram has a node per source and the table a row
//! per attribution, the filter works from the page's address, and hostile names are escaped.
//! Our page and Chromium's dump of its DOM are both read with Python's html.parser.
//!
//! Chromium is `$PROVGRAPH_CHROMIUM`, else `chromium` (Debian's package; `.ci/run` installs it).
//! Missing, the tests skip with what to install (fail under PROVGRAPH_REQUIRE_TOOLS=1, see
//! `tools`); PROVGRAPH_SKIP_CHROMIUM skips on purpose.

use std::io;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use provgraph::ProvGraph;
use provgraph::export::html::{NO_DIAGRAM, PAGE_ROWS};
use provgraph::export::{DotConfig, HtmlInput, to_dot_with, to_html};
use serde_json::{Value, json};

use crate::readers::{read, xml_clean};

/// What the page shows of a name: [`xml_clean`], and the bidirectional controls as U+FFFD.
fn shown_clean(text: &str) -> String {
    xml_clean(text)
        .chars()
        .map(|c| match c {
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c => c,
        })
        .collect()
}
use crate::{fixtures, hostile};

/// What Chromium made of a page: the DOM after its scripts ran, and its console messages.
struct Loaded {
    dom: String,
    console: Vec<String>,
}

fn chromium_binary() -> String {
    std::env::var("PROVGRAPH_CHROMIUM").unwrap_or_else(|_| "chromium".to_string())
}

/// Runs headless Chromium on `url` with `extra` flags; `None` when skipped on purpose.
fn chromium(url: &str, extra: &[&str]) -> Option<(String, String)> {
    if std::env::var_os("PROVGRAPH_SKIP_CHROMIUM").is_some() {
        eprintln!("skipped: PROVGRAPH_SKIP_CHROMIUM is set");
        return None;
    }
    let profile = tempfile::tempdir().unwrap();
    let binary = chromium_binary();
    let child = Command::new(&binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(std::fs::File::create(profile.path().join("stdout")).unwrap())
        .stderr(std::fs::File::create(profile.path().join("stderr")).unwrap())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            crate::tools::missing(
                &binary,
                "apt-get install chromium, or set PROVGRAPH_CHROMIUM to a Chromium binary; PROVGRAPH_SKIP_CHROMIUM=1 skips on purpose",
            );
            return None;
        }
        Err(err) => panic!("cannot run {binary}: {err}"),
    };
    let status = wait_or_kill(&mut child, &binary);
    let read = |name: &str| {
        String::from_utf8_lossy(&std::fs::read(profile.path().join(name)).unwrap()).into_owned()
    };
    let stderr = read("stderr");
    assert!(status.success(), "{binary} failed: {stderr}");
    Some((read("stdout"), stderr))
}

/// How long Chromium may take on a page before the test calls it hung: generous, since a page
/// that loads in a second may take far longer on a loaded machine; not a measure of speed.
const HANG_GUARD: Duration = Duration::from_secs(300);

/// Waits for `child`, killing it (and failing) past [`HANG_GUARD`].
fn wait_or_kill(child: &mut std::process::Child, binary: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{binary} was still loading the page after {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Loads `path` (plus `fragment`, such as `#source=tass`) and collects the console messages.
fn load(path: &Path, fragment: &str) -> Option<Loaded> {
    let url = format!("file://{}{fragment}", path.display());
    let (dom, stderr) = chromium(&url, &["--dump-dom"])?;
    let console = stderr
        .lines()
        .filter(|line| line.contains(":CONSOLE") || line.contains("Uncaught"))
        .map(String::from)
        .collect();
    Some(Loaded { dom, console })
}

/// The SVG `dot` draws of the picture DOT, if Graphviz is there (PROVGRAPH_SKIP_DOT skips it).
fn svg(graph: &ProvGraph) -> Option<String> {
    if std::env::var_os("PROVGRAPH_SKIP_DOT").is_some() {
        return None;
    }
    let dot = to_dot_with(graph, &DotConfig::picture());
    if !crate::tools::has_dot() {
        crate::tools::missing("the `dot` binary", "apt-get install graphviz");
        return None;
    }
    let svg = graphviz_rust::exec_dot(dot, vec![graphviz_rust::cmd::Format::Svg.into()])
        .unwrap_or_else(|err| panic!("dot failed: {err}"));
    Some(String::from_utf8(svg).unwrap())
}

fn page(graph: &ProvGraph, texts: &[(&str, &str)], svg: Option<&str>) -> String {
    to_html(
        graph,
        &HtmlInput {
            texts,
            svg,
            diagram_note: None,
            audit_sections: None,
            left_out: &[],
        },
    )
}

/// Writes `html` to a file and returns (what our page holds, what Chromium's DOM holds).
fn open(html: &str, fragment: &str) -> Option<(Value, Value, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, html).unwrap();
    let source = read("html", &path)?;
    let loaded = load(&path, fragment)?;
    assert_eq!(
        loaded.console,
        Vec::<String>::new(),
        "the page wrote to the console (an error, or a blocked request)"
    );
    let dom_path = dir.path().join("dom.html");
    std::fs::write(&dom_path, &loaded.dom).unwrap();
    let dom = read("html", &dom_path)?;
    assert_eq!(
        dom["body"]["data-ready"], "true",
        "the script ran to its end"
    );
    Some((source, dom, dir))
}

fn example_texts() -> Vec<(&'static str, &'static str)> {
    vec![
        (fixtures::DOC, fixtures::ARTICLE),
        ("relay", fixtures::ARTICLE),
    ]
}

#[test]
fn the_report_loads_without_errors_with_a_node_per_source_and_a_row_per_attribution() {
    let graph = fixtures::graph();
    let svg = svg(&graph);
    let html = page(&graph, &example_texts(), svg.as_deref());
    let Some((source, dom, _dir)) = open(&html, "") else {
        return;
    };
    let n = graph.attributions.len();
    assert_eq!(dom["rows"].as_array().unwrap().len(), n);
    assert_eq!(dom["body"]["data-shown"], n.to_string());
    assert!(
        dom["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|row| row["hidden"] == false)
    );
    if svg.is_some() {
        let mut expected: Vec<String> = graph.nodes().map(|node| node.id.clone()).collect();
        expected.push(provgraph::export::dot::LEGEND_ID.to_string());
        expected.sort();
        let mut drawn: Vec<String> = serde_json::from_value(dom["svg_nodes"].clone()).unwrap();
        drawn.sort();
        assert_eq!(drawn, expected);
    }
    // Outlets: ClubZ published all four attributions; TASS relayed two.
    assert_eq!(source["outlets"], json!(["clubz", "tass", "reuters"]));
    assert!(html.contains("<tr data-id=\"clubz\"><td><span class=\"chip kind-outlet\" title=\"clubz (outlet)\">ClubZ</span></td><td>0</td><td>4</td><td>2</td></tr>"));
    assert!(html.contains("<tr data-id=\"tass\"><td><span class=\"chip kind-outlet\" title=\"tass (outlet)\">TASS</span></td><td>2</td><td>0</td><td>0</td></tr>"));
    // The statement, with the source mentions highlighted: pieces in the data, marks in the
    // page.
    let pieces = source["data"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[5].to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        pieces.contains(
            r#"[1,"the Kremlin's press service"]," ",[2,"reported"],", ",[2,"quoted by"]," ",[1,"TASS"]"#
        ),
        "{pieces}"
    );
    let marks: Vec<String> = serde_json::from_value(dom["marks"].clone()).unwrap();
    assert!(
        marks.contains(&"the Kremlin's press service".to_string()),
        "{marks:?}"
    );
    assert!(marks.contains(&"TASS".to_string()), "{marks:?}");
    let ids: Vec<&str> = dom["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = graph.attributions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(dom["body"]["data-page"], "1");
    assert_eq!(dom["body"]["data-pages"], "1");
    // The source filter offers the sources that rows name: a chain's, or a publisher's.
    let mut named: Vec<&str> = graph
        .attributions
        .iter()
        .flat_map(|a| a.chain().collect::<Vec<_>>())
        .chain(
            graph
                .documents
                .iter()
                .filter_map(|d| d.publisher.as_deref()),
        )
        .collect();
    named.sort();
    named.dedup();
    let mut offered: Vec<String> = source["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|option| option[0].as_str().unwrap().to_string())
        .collect();
    offered.sort();
    assert_eq!(offered, named);
}

#[test]
fn the_page_filters_by_the_source_in_its_address() {
    let graph = fixtures::graph();
    let html = page(&graph, &example_texts(), None);
    let Some((_, dom, _dir)) = open(&html, "#source=tass") else {
        return;
    };
    // TASS is in the chains of biden-putin-video-call#3 and relay#1 only.
    let tass_rows = graph
        .attributions
        .iter()
        .filter(|a| a.chain().any(|id| id == "tass"))
        .count();
    assert_eq!(tass_rows, 2);
    assert_eq!(dom["body"]["data-shown"], "2");
    let shown: Vec<&str> = dom["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = graph
        .attributions
        .iter()
        .filter(|a| a.chain().any(|id| id == "tass"))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(shown, expected);
}

#[test]
fn without_graphviz_the_page_says_the_diagram_needs_it_and_keeps_the_table() {
    let graph = fixtures::graph();
    let html = page(&graph, &example_texts(), None);
    let Some((source, dom, _dir)) = open(&html, "") else {
        return;
    };
    assert_eq!(source["missing"], json!([NO_DIAGRAM]));
    assert_eq!(dom["svg_nodes"], json!([]));
    assert_eq!(
        dom["rows"].as_array().unwrap().len(),
        graph.attributions.len()
    );
}

#[test]
fn a_page_that_throws_is_caught() {
    // The check itself must be able to fail: a page with an error and a blocked fetch.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.html");
    std::fs::write(
        &path,
        "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'\">\
         <body><img src=\"https://example.invalid/x.png\"><script>null.boom();</script></body>",
    )
    .unwrap();
    let Some(loaded) = load(&path, "") else {
        return;
    };
    let console = loaded.console.join("\n");
    assert!(console.contains("Uncaught TypeError"), "{console}");
    assert!(console.contains("Content Security Policy"), "{console}");
}

#[test]
fn hostile_names_are_escaped_in_the_page_and_the_diagram() {
    let graph = hostile::graph();
    let text = hostile::text();
    let texts = [(hostile::DOCUMENT, text.as_str())];
    let svg = svg(&graph);
    let html = page(&graph, &texts, svg.as_deref());
    assert!(!html.contains("<b>not html</b>"));
    assert!(!html.contains('\0'));
    let Some((source, dom, _dir)) = open(&html, "") else {
        return;
    };
    // Every label, exactly (less what XML forbids), as a source option and in Chromium's DOM.
    let mut expected: Vec<Value> = graph
        .nodes()
        .map(|node| {
            json!([
                shown_clean(&node.id),
                format!("{} ({})", shown_clean(&node.label), node.kind.as_str())
            ])
        })
        .collect();
    expected.sort_by_key(|v| v.to_string());
    for seen in [&source, &dom] {
        let mut options = seen["options"].as_array().unwrap().clone();
        options.sort_by_key(|v| v.to_string());
        assert_eq!(options, expected);
    }
    assert_eq!(
        dom["rows"].as_array().unwrap().len(),
        graph.attributions.len()
    );
    assert_eq!(
        dom["body"]["data-shown"],
        graph.attributions.len().to_string()
    );
    // The rows' data block holds every text, and none ends the block early: each row's
    // statement, as the page shows it, has the document's words.
    let rows = source["data"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), graph.attributions.len());
    let mut with_text = 0;
    for (row, attribution) in rows.iter().zip(&graph.attributions) {
        assert_eq!(row[0], shown_clean(&attribution.id));
        let span = attribution.span;
        let Some(pieces) = row[5].as_array() else {
            // A span that cuts a character: its offsets instead.
            assert!(text.get(span.start..span.end).is_none());
            assert!(row[7].as_str().unwrap().starts_with("bytes "), "{row}");
            continue;
        };
        with_text += 1;
        let statement: String = pieces
            .iter()
            .map(|piece| piece.as_str().unwrap_or_else(|| piece[1].as_str().unwrap()))
            .collect();
        assert_eq!(statement, shown_clean(&text[span.start..span.end]));
    }
    assert!(with_text > 0);
    assert!(!html.contains("</script><b>"));
    let title = shown_clean(&graph.documents[0].title.clone().unwrap());
    assert_eq!(source["title"], format!("Provenance: {title}"));
    let chips: Vec<String> = serde_json::from_value(dom["chips"].clone()).unwrap();
    for node in graph.nodes() {
        assert!(
            chips.contains(&shown_clean(&node.label)),
            "{:?}",
            node.label
        );
    }
    if svg.is_some() {
        assert_eq!(
            dom["svg_nodes"].as_array().unwrap().len(),
            graph.nodes().count() + 1
        );
    }
}

#[test]
fn chromium_takes_a_screenshot_of_the_report() {
    let graph = fixtures::graph();
    let svg = svg(&graph);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, page(&graph, &example_texts(), svg.as_deref())).unwrap();
    let png = dir.path().join("report.png");
    let url = format!("file://{}", path.display());
    let flag = format!("--screenshot={}", png.display());
    if chromium(
        &url,
        &[&flag, "--window-size=1280,1600", "--hide-scrollbars"],
    )
    .is_none()
    {
        return;
    }
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(bytes.len() > 20_000, "a page with a table and a diagram");
}

/// Issue 17, item 21: a malformed escape in the address (`#source=%E0%A4%A`) threw a URIError
/// and stopped the page's script. The page loads and lists every attribution.
#[test]
fn a_malformed_source_in_the_address_leaves_the_page_working() {
    let graph = fixtures::graph();
    let html = page(&graph, &example_texts(), None);
    for fragment in ["#source=%E0%A4%A", "#source=%", "#source=%FF%FE%"] {
        let Some((_source, dom, _dir)) = open(&html, fragment) else {
            return;
        };
        assert_eq!(
            dom["body"]["data-shown"],
            graph.attributions.len().to_string(),
            "{fragment}"
        );
    }
}

/// The audit's tables go where the report puts them: after the summary, before the diagram
/// and the attributions, as given (the audit escapes its own text).
#[test]
fn the_audit_sections_sit_between_the_summary_and_the_attributions() {
    let graph = fixtures::graph();
    let sections = "<section class=\"audit\" id=\"audit-profile\"><h2>Sourcing</h2>\
                    <table class=\"audit-table\"><thead><tr><th>Publisher</th><th class=\"num\">Statements</th></tr></thead>\
                    <tbody><tr><td>ClubZ</td><td class=\"num\">4</td></tr></tbody></table></section>";
    let texts = example_texts();
    let html = to_html(
        &graph,
        &HtmlInput {
            texts: &texts,
            audit_sections: Some(sections),
            ..HtmlInput::default()
        },
    );
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle}"));
    assert!(at("</header>") < at(sections));
    assert!(at(sections) < at("<section id=\"diagram\">"));
    assert!(at(sections) < at("<section id=\"attributions\">"));
    assert!(html.contains("<a href=\"#audit\">Audit</a>"));
    // Without them, no trace of them.
    assert!(!page(&graph, &texts, None).contains("#audit"));
    let Some((_, dom, _dir)) = open(&html, "") else {
        return;
    };
    assert_eq!(
        dom["body"]["data-shown"],
        graph.attributions.len().to_string()
    );
}

/// The sources the diagram leaves out are listed under it, each a link that filters the
/// table by it.
#[test]
fn the_sources_left_out_of_the_diagram_link_to_their_rows() {
    let graph = fixtures::graph();
    let texts = example_texts();
    let left_out = vec!["tass".to_string(), "not-a-node".to_string()];
    let html = to_html(
        &graph,
        &HtmlInput {
            texts: &texts,
            diagram_note: Some("Relay core: ..."),
            left_out: &left_out,
            ..HtmlInput::default()
        },
    );
    assert!(html.contains("2 sources not drawn"));
    let Some((source, dom, _dir)) = open(&html, "#source=tass") else {
        return;
    };
    // A source no row names is listed without a link: it would list nothing.
    assert_eq!(source["left_out"], json!(["#source=tass"]));
    assert!(html.contains("<li><span class=\"chip\">not-a-node</span> 0</li>"));
    assert_eq!(dom["body"]["data-shown"], "2");
}

/// Thousands of attributions from generated articles: the page is ready with one page of rows
/// in the DOM, filters by source and by words over all rows, and steps through the pages;
/// the address says which. (Its speed is measured with the CLI, not here: see README.)
#[test]
fn a_large_report_shows_a_page_of_rows_and_filters_them_all() {
    let (graph, texts) = large_graph();
    let n = graph.attributions.len();
    assert!(n > 2_000, "{n} attributions");
    let texts: Vec<(&str, &str)> = texts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let html = page(&graph, &texts, None);
    let Some((_, dom, dir)) = open(&html, "") else {
        return;
    };
    let pages = n.div_ceil(PAGE_ROWS);
    assert_eq!(dom["body"]["data-shown"], n.to_string());
    assert_eq!(dom["body"]["data-pages"], pages.to_string());
    assert_eq!(dom["rows"].as_array().unwrap().len(), PAGE_ROWS);
    drop(dir);
    // By source: the busiest agency, its rows in order, the second page of them.
    let agency = graph
        .nodes()
        .filter(|node| node.label == "Reuters")
        .map(|node| node.id.clone())
        .next()
        .expect("Reuters is a source");
    let names = |a: &provgraph::Attribution| {
        let publisher = graph
            .documents
            .iter()
            .find(|d| d.id == a.document)
            .and_then(|d| d.publisher.clone());
        a.chain().any(|id| id == agency) || publisher.as_deref() == Some(agency.as_str())
    };
    let expected: Vec<&str> = graph
        .attributions
        .iter()
        .filter(|a| names(a))
        .map(|a| a.id.as_str())
        .collect();
    assert!(expected.len() > PAGE_ROWS, "{} rows", expected.len());
    let Some((_, dom, _dir)) = open(&html, &format!("#source={agency}&page=2")) else {
        return;
    };
    assert_eq!(dom["body"]["data-shown"], expected.len().to_string());
    assert_eq!(dom["body"]["data-page"], "2");
    let shown: Vec<&str> = dom["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    let end = expected.len().min(2 * PAGE_ROWS);
    assert_eq!(shown, &expected[PAGE_ROWS..end]);
    // By words, over every row (not only the page shown); a page past the end is the last.
    let words = |a: &&provgraph::Attribution| {
        let text = texts.iter().find(|(id, _)| *id == a.document).unwrap().1;
        text[a.span.start..a.span.end]
            .to_lowercase()
            .contains("quokka")
    };
    let expected: Vec<&str> = graph
        .attributions
        .iter()
        .filter(words)
        .map(|a| a.id.as_str())
        .collect();
    assert!(!expected.is_empty() && expected.len() < PAGE_ROWS);
    let Some((_, dom, _dir)) = open(&html, "#q=QUOKKA&page=9") else {
        return;
    };
    assert_eq!(dom["body"]["data-shown"], expected.len().to_string());
    assert_eq!(dom["body"]["data-page"], "1");
    let shown: Vec<&str> = dom["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_str().unwrap())
        .collect();
    assert_eq!(shown, expected);
    assert!(dom["rows"].as_array().unwrap().iter().all(|row| {
        row["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("quokka")
    }));
}

/// 400 generated articles of eight attributed sentences each, every one relayed by one of
/// five agencies and published by one of twenty outlets; one sentence in 97 names a quokka.
fn large_graph() -> (ProvGraph, Vec<(String, String)>) {
    let agencies = ["Reuters", "TASS", "AFP", "Xinhua", "Kyodo"];
    let mut texts = Vec::new();
    let mut analyses = Vec::new();
    for i in 0..400 {
        let mut text = format!("Report {i}\n\n");
        for j in 0..8 {
            let k = i * 8 + j;
            let animal = if k % 97 == 0 { "quokka" } else { "bridge" };
            text.push_str(&format!(
                "Mayor Ann Lee{} said the {animal} {k} would reopen soon, according to {}. ",
                i % 30,
                agencies[k % agencies.len()]
            ));
        }
        let id = format!("story-{i:03}");
        let publisher = format!("Outlet {}", i % 20);
        analyses.push(provgraph::analyze(&provgraph::DocumentInput {
            publisher: Some(&publisher),
            ..provgraph::DocumentInput::new(&id, &text)
        }));
        texts.push((id, text));
    }
    (provgraph::build_graph(&analyses), texts)
}

/// The diagram zooms (the buttons, Ctrl+wheel about the pointer; a plain wheel leaves it to
/// scroll the page), moves when dragged, and Reset brings it back: a script appended to the
/// page plays the reader and writes the viewBox after each step into `body`.
#[test]
fn the_diagram_zooms_moves_and_resets() {
    let graph = fixtures::graph();
    let Some(svg) = svg(&graph) else {
        return;
    };
    let mut html = page(&graph, &example_texts(), Some(&svg));
    html.push_str(
        r#"<script>
(function () {
  var svg = document.querySelector(".svg svg");
  var box = svg.getBoundingClientRect();
  var x = box.left + box.width / 2, y = box.top + box.height / 2;
  function note(name) { document.body.setAttribute("data-" + name, svg.getAttribute("viewBox")); }
  function wheel(ctrl) {
    svg.dispatchEvent(new WheelEvent("wheel", { deltaY: -100, ctrlKey: ctrl, clientX: x, clientY: y, bubbles: true, cancelable: true }));
  }
  function pointer(type, dx) {
    var target = type === "pointerdown" ? svg : window;
    target.dispatchEvent(new PointerEvent(type, { clientX: x + dx, clientY: y, bubbles: true }));
  }
  note("home");
  document.getElementById("zoom-in").click(); note("in");
  document.getElementById("zoom-reset").click(); note("reset");
  wheel(false); note("plain-wheel");
  wheel(true); note("ctrl-wheel");
  pointer("pointerdown", 0); pointer("pointermove", -40); pointer("pointerup", -40); note("dragged");
})();
</script>
"#,
    );
    let Some((_, dom, _dir)) = open(&html, "") else {
        return;
    };
    let view = |name: &str| -> Vec<f64> {
        dom["body"][format!("data-{name}")]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: {}", dom["body"]))
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let home = view("home");
    assert_eq!(home.len(), 4);
    let zoomed = view("in");
    // The SVG holds its viewBox in single precision.
    assert!(
        (zoomed[2] - home[2] * 0.8).abs() < 1e-3,
        "{zoomed:?} {home:?}"
    );
    assert_eq!(view("reset"), home);
    assert_eq!(view("plain-wheel"), home);
    let wheeled = view("ctrl-wheel");
    assert!(wheeled[2] < home[2] && wheeled[3] < home[3], "{wheeled:?}");
    let dragged = view("dragged");
    assert!(
        dragged[0] > wheeled[0],
        "dragging left moves the view right: {dragged:?}"
    );
    assert_eq!(dragged[2], wheeled[2]);
}
