//! Claims across documents (`--claims`), scored on a corpus made from real sentences
//! (`tests/data/claims`, README there): the same statements relayed by several documents in
//! other words, and look-alikes that change one fact. Pairwise: two documents are together when
//! they are in one claim; the gold says which should be.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/claims")
        .join(name)
}

/// `provgraph ARGS`, which must succeed; its standard output.
fn run(args: &[&str]) -> Vec<u8> {
    let output = Command::new(BIN).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// `provgraph ARGS`, which must succeed; its standard output as JSON.
fn run_json(args: &[&str]) -> Value {
    serde_json::from_slice(&run(args)).unwrap()
}

/// Document → gold group.
fn gold() -> BTreeMap<String, String> {
    std::fs::read_to_string(data("gold.tsv"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let (document, group) = line.split_once('\t').unwrap();
            (document.to_string(), group.to_string())
        })
        .collect()
}

/// Document → the claim it is in.
fn claimed(graph: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for claim in graph["claims"].as_array().into_iter().flatten() {
        for appearance in claim["appearances"].as_array().unwrap() {
            let document = appearance["document"].as_str().unwrap().to_string();
            out.insert(document, claim["id"].as_str().unwrap().to_string());
        }
    }
    out
}

/// (precision, recall, true pairs, found pairs, gold pairs) over pairs of gold documents.
fn pairwise(
    gold: &BTreeMap<String, String>,
    found: &BTreeMap<String, String>,
) -> (f64, f64, usize, usize, usize) {
    let documents: Vec<&String> = gold.keys().collect();
    let (mut both, mut predicted, mut expected) = (0, 0, 0);
    for (i, a) in documents.iter().enumerate() {
        for b in &documents[i + 1..] {
            let same_gold = gold[*a] == gold[*b];
            let same_found = found.get(*a).is_some() && found.get(*a) == found.get(*b);
            both += usize::from(same_gold && same_found);
            predicted += usize::from(same_found);
            expected += usize::from(same_gold);
        }
    }
    let precision = if predicted == 0 {
        1.0
    } else {
        both as f64 / predicted as f64
    };
    (
        precision,
        both as f64 / expected as f64,
        both,
        predicted,
        expected,
    )
}

#[test]
fn claims_on_real_sentences_reach_the_bars() {
    let gold = gold();
    let groups: BTreeSet<&str> = gold.values().map(String::as_str).collect();
    let look_alikes = groups.iter().filter(|group| group.contains('-')).count();
    assert!(
        groups.len() - look_alikes >= 40 && look_alikes >= 40,
        "{groups:?}"
    );
    let corpus = data("corpus.jsonl");
    let graph = run_json(&["build", "--claims", corpus.to_str().unwrap()]);
    crate::contract::check(&graph).unwrap();
    let found = claimed(&graph);
    let (precision, recall, both, predicted, expected) = pairwise(&gold, &found);
    println!(
        "claims: precision {precision:.3} ({both}/{predicted} pairs), recall {recall:.3} \
         ({both}/{expected}) on {} documents, {} groups ({look_alikes} look-alikes)",
        gold.len(),
        groups.len()
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
    // Every claim's earliest appearance is its group's earliest dated document found.
    for claim in graph["claims"].as_array().unwrap() {
        let first = &claim["appearances"][0];
        let dates: Vec<&str> = claim["appearances"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["date"].as_str().unwrap())
            .collect();
        assert_eq!(first["date"].as_str(), dates.iter().min().copied());
        assert!(!claim["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn without_the_flag_there_are_no_claims_and_dates_are_kept() {
    let corpus = data("corpus.jsonl");
    let graph = run_json(&["build", corpus.to_str().unwrap()]);
    assert!(graph.get("claims").is_none());
    let document = &graph["graph"]["documents"][0];
    assert!(document["date"].as_str().unwrap().starts_with("2024-05-"));
}

#[test]
fn merge_keeps_the_claims_of_its_inputs_and_joins_them_by_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = std::fs::read_to_string(data("corpus.jsonl")).unwrap();
    // Two shards: the documents of a group end up on both sides.
    let (mut one, mut two) = (String::new(), String::new());
    for (i, line) in lines.lines().enumerate() {
        let shard = if i % 2 == 0 { &mut one } else { &mut two };
        shard.push_str(line);
        shard.push('\n');
    }
    let mut graphs = Vec::new();
    for (name, text) in [("one", &one), ("two", &two)] {
        let input = dir.path().join(format!("{name}.jsonl"));
        let output = dir.path().join(format!("{name}.json"));
        std::fs::write(&input, text).unwrap();
        let (input, output) = (input.to_str().unwrap(), output.to_str().unwrap());
        run(&["build", "--claims", "-o", output, input]);
        graphs.push(output.to_string());
    }
    let whole = run_json(&["build", "--claims", data("corpus.jsonl").to_str().unwrap()]);
    let merged = run_json(&["merge", "--claims", &graphs[0], &graphs[1]]);
    crate::contract::check(&merged).unwrap();
    let plain = run_json(&["merge", &graphs[0], &graphs[1]]);
    assert!(plain.get("claims").is_none());
    // Each input claim is within one merged claim, and each merged claim within one of the
    // whole build's: merging loses claims (statements in one document of each shard), never
    // joins what building from the texts keeps apart.
    let (merged, whole) = (claimed(&merged), claimed(&whole));
    for graph in &graphs {
        let input: Value = serde_json::from_slice(&std::fs::read(graph).unwrap()).unwrap();
        let mut by_claim: BTreeMap<String, BTreeSet<&String>> = BTreeMap::new();
        let input = claimed(&input);
        for (document, claim) in &input {
            by_claim
                .entry(claim.clone())
                .or_default()
                .insert(&merged[document]);
        }
        assert!(by_claim.values().all(|claims| claims.len() == 1));
    }
    let mut across: BTreeMap<&String, BTreeSet<Option<&String>>> = BTreeMap::new();
    for (document, claim) in &merged {
        across.entry(claim).or_default().insert(whole.get(document));
    }
    assert!(
        across.values().all(|claims| claims.len() == 1),
        "{across:?}"
    );
    let shared = merged.len();
    assert!(
        shared > 0 && shared <= whole.len(),
        "{shared} of {}",
        whole.len()
    );
}

#[test]
fn claims_are_the_same_whatever_the_number_of_threads() {
    let corpus = data("corpus.jsonl");
    let corpus = corpus.to_str().unwrap();
    let one = run(&["build", "--claims", "-j1", corpus]);
    for threads in ["-j2", "-j3"] {
        assert!(
            run(&["build", "--claims", threads, corpus]) == one,
            "{threads}"
        );
    }
}

#[test]
fn dates_come_from_records_and_pages_and_survive_extract_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let paragraph = "The flu season has killed 105 children so far, the agency said. ".repeat(8);
    std::fs::write(
        &page,
        format!(
            "<html><head><meta property=\"article:published_time\" content=\"2013-03-22\">\
             </head><body><article><h1>Flu</h1><p>{paragraph}</p></article></body></html>"
        ),
    )
    .unwrap();
    let lines = dir.path().join("lines.jsonl");
    let extract = |input: &Path| {
        let input = input.to_str().unwrap();
        String::from_utf8(run(&["extract", input])).unwrap()
    };
    std::fs::write(&lines, extract(&page) + &extract(&data("corpus.jsonl"))).unwrap();
    let merged = run_json(&["merge", lines.to_str().unwrap()]);
    crate::contract::check(&merged).unwrap();
    let dates: BTreeMap<&str, Option<&str>> = merged["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["date"].as_str()))
        .collect();
    assert_eq!(dates["page"], Some("2013-03-22"));
    assert_eq!(dates["c01-0"], Some("2024-05-10"));
    let built = run_json(&[
        "build",
        page.to_str().unwrap(),
        data("corpus.jsonl").to_str().unwrap(),
    ]);
    assert_eq!(built["graph"]["documents"], merged["graph"]["documents"]);
}
