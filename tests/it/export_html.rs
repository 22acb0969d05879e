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

use provgraph::ProvGraph;
use provgraph::export::html::NO_DIAGRAM;
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
    let output = Command::new(&binary)
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
        .output();
    let output = match output {
        Ok(output) => output,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            crate::tools::missing(
                &binary,
                "apt-get install chromium, or set PROVGRAPH_CHROMIUM to a Chromium binary; PROVGRAPH_SKIP_CHROMIUM=1 skips on purpose",
            );
            return None;
        }
        Err(err) => panic!("cannot run {binary}: {err}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{binary} failed: {stderr}");
    Some((String::from_utf8_lossy(&output.stdout).into_owned(), stderr))
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
    // The statement, with the source mentions highlighted.
    assert!(html.contains(
        "<mark>the Kremlin&#39;s press service</mark> <span class=\"cue\">reported</span>, <span class=\"cue\">quoted by</span> <mark>TASS</mark>"
    ));
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
    let hidden: Vec<bool> = dom["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["hidden"].as_bool().unwrap())
        .collect();
    let expected: Vec<bool> = graph
        .attributions
        .iter()
        .map(|a| !a.chain().any(|id| id == "tass"))
        .collect();
    assert_eq!(hidden, expected);
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
