//! `output/` holds the bundled article in every format; this fails when a checked-in file is
//! not what the current code writes, so that `output/` never goes stale. Text formats are
//! compared byte for byte; the HTML report too, but for its diagram, and the pictures (which
//! depend on the Graphviz and Chromium versions) only for the sources they must show.
//!
//! To bring `output/` up to date: `cargo build --release && output/regenerate`.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const ARTICLE: &str = "tests/data/articles/biden-putin-video-call.txt";
const STEM: &str = "output/biden-putin-video-call";
const FIX: &str = "run `cargo build --release && output/regenerate` and commit output/";

/// Runs the binary from the repository root, as `output/regenerate` does.
fn provgraph(args: &[&str]) -> Vec<u8> {
    let output = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "provgraph {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn checked_in(extension: &str) -> (PathBuf, Vec<u8>) {
    let path = Path::new(ROOT).join(format!("{STEM}.{extension}"));
    let bytes =
        std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}; {FIX}", path.display()));
    (path, bytes)
}

fn assert_current(path: &Path, checked_in: &[u8], current: &[u8]) {
    assert!(
        checked_in == current,
        "{} is stale (it is not what provgraph writes now); {FIX}",
        path.display()
    );
}

#[test]
fn the_text_formats_in_output_are_what_provgraph_writes_now() {
    let formats = [
        ("json", "json"),
        ("dot", "dot"),
        ("graphml", "graphml"),
        ("gexf", "gexf"),
        ("prov.json", "prov-json"),
        ("provn", "prov-n"),
        ("cyjs", "cytoscape"),
        ("cypher", "cypher"),
        ("csv", "csv"),
    ];
    for (extension, format) in formats {
        let (path, bytes) = checked_in(extension);
        assert_current(
            &path,
            &bytes,
            &provgraph(&["build", ARTICLE, "--format", format]),
        );
    }
}

#[test]
fn the_neo4j_export_in_output_is_what_provgraph_writes_now() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("neo4j");
    let fresh_arg = fresh.to_string_lossy().into_owned();
    provgraph(&["build", ARTICLE, "--format", "neo4j", "-o", &fresh_arg]);
    let mut names: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(format!("{STEM}.neo4j")))
        .unwrap_or_else(|err| panic!("{STEM}.neo4j: {err}; {FIX}"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["nodes.csv", "relationships.csv"], "{FIX}");
    for name in names {
        let (path, bytes) = checked_in(&format!("neo4j/{name}"));
        assert_current(&path, &bytes, &std::fs::read(fresh.join(&name)).unwrap());
    }
}

/// The page with its `<svg>...</svg>` diagram replaced, which Graphviz versions draw apart.
fn without_diagram(html: &str) -> String {
    match (html.find("<svg"), html.rfind("</svg>")) {
        (Some(start), Some(end)) => format!("{}[diagram]{}", &html[..start], &html[end + 6..]),
        _ => html.to_string(),
    }
}

#[test]
fn the_html_report_in_output_is_what_provgraph_writes_now_but_for_its_diagram() {
    if std::env::var_os("PROVGRAPH_SKIP_DOT").is_some() {
        eprintln!("skipped: PROVGRAPH_SKIP_DOT is set (the report would have no diagram)");
        return;
    }
    if !crate::tools::has_dot() {
        crate::tools::missing("the `dot` binary", "apt-get install graphviz");
        return;
    }
    let (path, bytes) = checked_in("html");
    let current = provgraph(&["build", ARTICLE, "--format", "html"]);
    let checked_in = String::from_utf8(bytes).unwrap();
    assert!(
        checked_in.contains("<svg"),
        "{} has its diagram",
        path.display()
    );
    assert_current(
        &path,
        without_diagram(&checked_in).as_bytes(),
        without_diagram(&String::from_utf8(current).unwrap()).as_bytes(),
    );
}

#[test]
fn the_pictures_in_output_show_every_source_of_the_article() {
    let json = provgraph(&["build", ARTICLE]);
    let graph = provgraph::export::from_json(std::str::from_utf8(&json).unwrap()).unwrap();
    let (path, svg) = checked_in("svg");
    // Graphviz writes hyphens as character references.
    let svg = String::from_utf8(svg).unwrap().replace("&#45;", "-");
    for node in graph.nodes() {
        assert!(
            svg.contains(&format!("<title>{}</title>", node.id)),
            "{} does not show {}; {FIX}",
            path.display(),
            node.id
        );
    }
    assert!(svg.contains(">Legend</text>"));
    for extension in ["png", "html.png"] {
        let (path, png) = checked_in(extension);
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{}", path.display());
    }
}
