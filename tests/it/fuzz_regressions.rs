//! Inputs the fuzzers (`fuzz/`) and the property tests found to break the engine, kept as
//! regression tests: `tests/data/fuzz/html/*.html` are read as pages, as the HTML reader does,
//! `tests/data/fuzz/text/*.txt` as text. Each must be analysed within a minute (a hang fails
//! rather than stalls the run) and keep the invariants every analysis keeps.
//!
//! - `parent-cycle-hang*.html`: two statements each inside the other's content pointed at each
//!   other as parents, and walking up the parents never ended (`assemble::nesting::break_cycles`).
//! - `relay-after-the-last-word.html` (`html_structure`): a page whose text is its title,
//!   "according to said", made the relay rule look at the token after the last
//!   (`rules::clause::relay::relay_by`); the same text as a `.txt` file was skipped too.
//! - `same-outlet-twice-in-a-chain.txt`: "Reuters reported, quoted by Reuters" gave the chain
//!   Reuters → Reuters (two entities of one id).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use provgraph::page::extract_page;
use provgraph::{DocumentAnalysis, DocumentInput, analyze};

fn files(dir: &str, extension: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no .{extension} files in {}",
        dir.display()
    );
    paths
}

/// Analyses `text` (with the page's title and publisher) on a thread of its own, failing if it
/// takes more than a minute; then checks the invariants.
fn analyse_in_time(
    path: &Path,
    text: String,
    title: Option<String>,
    publisher: Option<String>,
) -> DocumentAnalysis {
    let (send, receive) = mpsc::channel();
    let owned = text.clone();
    std::thread::spawn(move || {
        let analysis = analyze(&DocumentInput {
            id: "regression",
            text: &owned,
            path: None,
            title: title.as_deref(),
            publisher: publisher.as_deref(),
        });
        let _ = send.send(analysis);
    });
    let analysis = receive
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{} is not analysed within a minute", path.display()));
    for attribution in &analysis.attributions {
        assert!(!attribution.hops.is_empty(), "{}", path.display());
        for span in [Some(attribution.span), attribution.content]
            .into_iter()
            .flatten()
        {
            assert!(text.get(span.start..span.end).is_some(), "{span:?}");
        }
        for pair in attribution.hops.windows(2) {
            assert_ne!(
                pair[0].node,
                pair[1].node,
                "{}: a chain repeats a node",
                path.display()
            );
        }
    }
    analysis
}

#[test]
fn pages_the_fuzzers_found_are_analysed_in_time() {
    for path in files("tests/data/fuzz/html", "html") {
        let bytes = std::fs::read(&path).unwrap();
        let html = provgraph::input::html::decode_page(bytes.clone())
            .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
        let page = extract_page(&html);
        analyse_in_time(&path, page.text, page.title, page.publisher);
    }
}

#[test]
fn texts_the_property_tests_found_keep_the_invariants() {
    for path in files("tests/data/fuzz/text", "txt") {
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = analyse_in_time(&path, text, None, None);
        assert!(!analysis.attributions.is_empty(), "{}", path.display());
    }
}
