//! `provgraph audit` on small corpora written here: each flag fires on the case made for it and
//! not on its near miss, and the audit's numbers agree with the JSON graph of the same inputs,
//! recomputed here from the graph alone.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// Runs provgraph in `dir`; panics unless it succeeds.
fn run(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "provgraph {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Writes `articles` (name, text) to `dir/articles/`.
fn write_articles(dir: &Path, articles: &[(&str, &str)]) {
    let articles_dir = dir.join("articles");
    fs::create_dir_all(&articles_dir).unwrap();
    for (name, text) in articles {
        fs::write(articles_dir.join(format!("{name}.txt")), text).unwrap();
    }
}

/// The audit (JSON) of `articles`.
fn audit_of(articles: &[(&str, &str)]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), articles);
    run(dir.path(), &["audit", "articles", "-o", "audit.json"]);
    let text = fs::read_to_string(dir.path().join("audit.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The subjects of the flags of `kind`, each joined with spaces.
fn flagged(audit: &Value, kind: &str) -> Vec<String> {
    audit["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|flag| flag["kind"] == kind)
        .map(|flag| {
            let subject: Vec<&str> = flag["subject"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            subject.join(" ")
        })
        .collect()
}

/// The evidence attribution ids of the flags of `kind`.
fn evidence(audit: &Value, kind: &str) -> BTreeSet<String> {
    audit["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|flag| flag["kind"] == kind)
        .flat_map(|flag| flag["evidence"].as_array().unwrap().iter())
        .map(|e| e["attribution"].as_str().unwrap().to_string())
        .collect()
}

const CITES_AP: &str =
    "LONDON (Reuters) - The minister will resign on Friday, the Associated Press reported.\n";
const CITES_REUTERS: &str =
    "NEW YORK (AP) - The bank will raise rates next month, Reuters reported.\n";
const CITES_AFP: &str = "NEW YORK (AP) - The bank will raise rates next month, AFP reported.\n";

#[test]
fn a_cycle_across_two_documents_is_flagged_with_both_edges() {
    let audit = audit_of(&[("a", CITES_AP), ("b", CITES_REUTERS)]);
    assert_eq!(
        flagged(&audit, "circular_citation"),
        ["associated-press reuters"]
    );
    assert_eq!(
        evidence(&audit, "circular_citation"),
        BTreeSet::from(["a#1".to_string(), "b#1".to_string()])
    );
    // Near miss: AP cites AFP, not Reuters.
    let audit = audit_of(&[("a", CITES_AP), ("c", CITES_AFP)]);
    assert!(flagged(&audit, "circular_citation").is_empty());
}

#[test]
fn an_anonymous_source_taken_by_two_outlets_is_flagged_and_by_one_outlet_twice_is_not() {
    let two = "WASHINGTON (Reuters) - The talks have stalled, officials told the Associated \
               Press.\n\nThe envoy will fly home, officials told CNN.\n";
    let audit = audit_of(&[("two", two)]);
    assert_eq!(flagged(&audit, "unnamed_many_outlets"), ["officials--two"]);
    assert_eq!(
        evidence(&audit, "unnamed_many_outlets"),
        BTreeSet::from(["two#1".to_string(), "two#2".to_string()])
    );
    let once = "WASHINGTON (Reuters) - The talks have stalled, officials told the Associated \
                Press.\n\nThe envoy will fly home, officials told the Associated Press.\n";
    let audit = audit_of(&[("once", once)]);
    assert!(flagged(&audit, "unnamed_many_outlets").is_empty());
    // The same phrase in two documents is two sources: no flag across them without a claim.
    let other = "PARIS (AFP) - The talks have stalled, officials said.\n";
    let audit = audit_of(&[("once", once), ("other", other)]);
    assert!(flagged(&audit, "unnamed_many_outlets").is_empty());
}

#[test]
fn a_document_with_one_origin_is_flagged_and_with_two_is_not() {
    let one = "MOSCOW (Reuters) - The talks will resume next week, Russian Foreign Minister \
               Sergei Lavrov said on Monday.\n\nThe meeting will take place in Geneva, Lavrov \
               said.\n";
    let two = "MOSCOW (Reuters) - The talks will resume next week, Russian Foreign Minister \
               Sergei Lavrov said on Monday.\n\nThe meeting will take place in Geneva, US \
               Secretary of State Antony Blinken said.\n";
    let audit = audit_of(&[("one", one), ("two", two)]);
    assert_eq!(flagged(&audit, "single_origin"), ["one"]);
    assert_eq!(
        evidence(&audit, "single_origin"),
        BTreeSet::from(["one#1".to_string(), "one#2".to_string()])
    );
}

#[test]
fn a_publisher_citing_itself_is_flagged_and_citing_another_outlet_is_not() {
    let own = "LONDON (Reuters) - The company hid its losses for years, Reuters reported in \
               June.\n";
    let other = "LONDON (Reuters) - The company hid its losses for years, the Associated Press \
                 reported in June.\n";
    let audit = audit_of(&[("own", own), ("other", other)]);
    assert_eq!(flagged(&audit, "self_citation"), ["own#1"]);
    // The other outlet is leaned on instead.
    let dependence = audit["dependence"].as_array().unwrap();
    assert_eq!(dependence.len(), 1, "{dependence:?}");
    assert_eq!(dependence[0]["publisher"], "reuters");
    assert_eq!(dependence[0]["outlet"], "associated-press");
    assert_eq!(
        dependence[0]["attributions"],
        serde_json::json!(["other#1"])
    );
}

#[test]
fn three_transmissions_are_a_long_chain_and_two_are_not() {
    let chain = "Putin has called for calm, the Kremlin press service reported, quoted by TASS.\n";
    // Putin -> Kremlin press service -> TASS -> ClubZ: three arrows.
    let published = format!("{chain}\n/ClubZ\n");
    // Putin -> Kremlin press service -> TASS, no publisher: two.
    let audit = audit_of(&[("three", &published), ("two", chain)]);
    assert_eq!(flagged(&audit, "long_chain"), ["three#1"]);
    let short = "Putin has called for calm, quoted by TASS.\n\n/ClubZ\n";
    let audit = audit_of(&[("short", short)]);
    assert!(flagged(&audit, "long_chain").is_empty());
}

#[test]
fn the_formats_hold_the_same_flags() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), &[("a", CITES_AP), ("b", CITES_REUTERS)]);
    let markdown = run(dir.path(), &["audit", "articles"]);
    assert!(markdown.starts_with("# Audit\n"), "{markdown}");
    assert!(markdown.contains("### circular_citation (1)"), "{markdown}");
    assert!(markdown.contains("`a#1`") && markdown.contains("`b#1`"));
    run(dir.path(), &["audit", "articles", "-o", "tables.csv"]);
    let flags = fs::read_to_string(dir.path().join("tables.csv/flags.csv")).unwrap();
    let rows: Vec<&str> = flags.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{flags}");
    assert!(rows.iter().all(|row| row.contains(",circular_citation,")));
    // A second run replaces its own directory; a directory of other files is refused.
    run(dir.path(), &["audit", "articles", "-o", "tables.csv"]);
    let refused = Command::new(BIN)
        .args(["audit", "articles", "-o", "articles", "--format", "csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(dir.path().join("articles/a.txt").exists());
    run(dir.path(), &["audit", "articles", "-o", "audit.html"]);
    let html = fs::read_to_string(dir.path().join("audit.html")).unwrap();
    assert!(html.contains("<section class=\"audit\" id=\"audit-flags\">"));
    let summary = html.find("<header>").unwrap();
    let audit = html.find("class=\"audit\"").unwrap();
    let attributions = html.find("id=\"attributions\"").unwrap();
    assert!(summary < audit && audit < attributions);
}

#[test]
fn audit_reads_graphs_and_extract_output_as_merge_does() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(dir.path(), &[("a", CITES_AP)]);
    fs::write(dir.path().join("b.txt"), CITES_REUTERS).unwrap();
    run(dir.path(), &["build", "articles", "-o", "a.json"]);
    run(dir.path(), &["extract", "b.txt", "-o", "b.jsonl"]);
    run(
        dir.path(),
        &["audit", "a.json", "b.jsonl", "-o", "merged.json"],
    );
    run(
        dir.path(),
        &["audit", "articles", "b.txt", "-o", "direct.json"],
    );
    let merged = fs::read_to_string(dir.path().join("merged.json")).unwrap();
    let direct = fs::read_to_string(dir.path().join("direct.json")).unwrap();
    assert_eq!(merged, direct, "the same documents give the same audit");
    let audit: Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(audit["schema"], "provgraph-audit/1");
    assert_eq!(flagged(&audit, "circular_citation").len(), 1);
}

/// (origin kind, hops, leaned-on outlets) of each attribution of a JSON graph, with its
/// publisher: what the audit counts, from the graph alone.
struct Recount {
    /// publisher ("" for none) -> [statements, person, organization, outlet, unnamed, no
    /// source, 1 hop, 2 hops, 3+ hops, through an outlet]
    publishers: BTreeMap<String, [usize; 10]>,
    /// (publisher, outlet) -> attribution ids
    dependence: BTreeMap<(String, String), Vec<String>>,
}

fn recount(graph: &Value) -> Recount {
    let kind: BTreeMap<&str, &str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["kind"].as_str().unwrap()))
        .collect();
    let publisher: BTreeMap<&str, &str> = graph["graph"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["publisher"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let mut publishers: BTreeMap<String, [usize; 10]> = BTreeMap::new();
    for document_publisher in publisher.values() {
        publishers
            .entry(document_publisher.to_string())
            .or_default();
    }
    let mut dependence: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for attribution in graph["attributions"].as_array().unwrap() {
        let id = attribution["id"].as_str().unwrap();
        let document_publisher = publisher[attribution["document"].as_str().unwrap()];
        let chain: Vec<&str> = attribution["chain"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        let counts = publishers
            .entry(document_publisher.to_string())
            .or_default();
        counts[0] += 1;
        let origin = match chain.first().map(|id| kind[id]) {
            Some("person") => 1,
            Some("organization" | "group") => 2,
            Some("outlet") => 3,
            Some(_) => 4,
            None => 5,
        };
        counts[origin] += 1;
        match chain.len() {
            0 => {}
            1 => counts[6] += 1,
            2 => counts[7] += 1,
            _ => counts[8] += 1,
        }
        let outlets: BTreeSet<&str> = chain
            .iter()
            .copied()
            .filter(|node| kind[node] == "outlet" && *node != document_publisher)
            .collect();
        if !outlets.is_empty() {
            counts[9] += 1;
        }
        for outlet in outlets {
            dependence
                .entry((document_publisher.to_string(), outlet.to_string()))
                .or_default()
                .push(id.to_string());
        }
    }
    Recount {
        publishers,
        dependence,
    }
}

/// The counts of a `provgraph-audit/1` profile, in [`Recount`]'s order.
fn profile_counts(profile: &Value) -> [usize; 10] {
    let count = |figure: &Value| figure["count"].as_u64().unwrap() as usize;
    let origins = &profile["origins"];
    let lengths = &profile["lengths"];
    [
        count(&profile["statements"]),
        count(&origins["person"]),
        count(&origins["organization"]),
        count(&origins["outlet"]),
        count(&origins["unnamed"]),
        count(&origins["no_source"]),
        count(&lengths["1"]),
        count(&lengths["2"]),
        count(&lengths["3+"]),
        count(&profile["through_outlet"]),
    ]
}

#[test]
fn the_audit_agrees_with_the_json_graph() {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let articles = data.join("articles");
    let dev2 = data.join("dev2/articles");
    let inputs = [articles.to_str().unwrap(), dev2.to_str().unwrap()];
    run(
        dir.path(),
        &["build", inputs[0], inputs[1], "-o", "graph.json"],
    );
    run(
        dir.path(),
        &["audit", inputs[0], inputs[1], "-o", "audit.json"],
    );
    let read = |name: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(dir.path().join(name)).unwrap()).unwrap()
    };
    let (graph, audit) = (read("graph.json"), read("audit.json"));
    let expected = recount(&graph);

    let publishers: BTreeMap<String, [usize; 10]> = audit["publishers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = p["publisher"].as_str().unwrap_or("").to_string();
            (id, profile_counts(&p["profile"]))
        })
        .collect();
    assert_eq!(publishers, expected.publishers);
    assert!(publishers.len() > 5, "a corpus of many publishers");
    let total: usize = publishers.values().map(|c| c[0]).sum();
    assert_eq!(total, graph["attributions"].as_array().unwrap().len());
    assert_eq!(profile_counts(&audit["total"])[0], total);

    let dependence: BTreeMap<(String, String), Vec<String>> = audit["dependence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let key = (
                row["publisher"].as_str().unwrap_or("").to_string(),
                row["outlet"].as_str().unwrap().to_string(),
            );
            let ids = row["attributions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| id.as_str().unwrap().to_string())
                .collect();
            (key, ids)
        })
        .collect();
    assert_eq!(dependence, expected.dependence);
    assert!(!dependence.is_empty());

    // Every document's figures add up to its publisher's.
    let mut summed: BTreeMap<String, [usize; 10]> = BTreeMap::new();
    for document in audit["document_profiles"].as_array().unwrap() {
        let publisher = document["publisher"].as_str().unwrap_or("").to_string();
        let counts = profile_counts(&document["profile"]);
        let sum = summed.entry(publisher).or_default();
        for (s, c) in sum.iter_mut().zip(counts) {
            *s += c;
        }
    }
    assert_eq!(summed, expected.publishers);
}
