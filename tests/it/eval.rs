//! The issue's accuracy bars, checked on every test run: Rust ports of the evaluation's
//! scorers (`shared/eval/score.py` and `score_polnear.py`) run on the bundled real articles.
//!
//! - `tests/data/articles` + `tests/data/gold`: news articles with gold attribution chains
//!   (human-made, from `shared/eval/dev`): chain F1 >= 0.85 overall, >= 0.90 on the
//!   Biden-Putin article, and the publisher right wherever the text names one.
//! - `tests/data/dev2` (`shared/eval/dev2`'s 28 pages as text, with their gold): chain F1 and
//!   publishers held at floors a little under today's (issue 16).
//! - `tests/data/polnear-dev`: PolNeAR's human annotations (reporting subset): cue F1 >= 0.80,
//!   source F1 >= 0.75.
//!
//! The scores printed here match the Python scorers' on the same files (checked by hand).
//!
//! Above the issue's bars, regression floors a little under today's scores (chain F1 0.94,
//! cue F1 0.90, source F1 0.89) catch a change that loses attributions: chain F1 >= 0.92, cue
//! F1 >= 0.88, source F1 >= 0.87.

/// Regression floors: a little under what the engine scores today.
const CHAIN_FLOOR: f64 = 0.92;
const CUE_FLOOR: f64 = 0.88;
const SOURCE_FLOOR: f64 = 0.87;
/// dev2's floors: the issue's chain F1 bar (today 0.940), and the 18 of 21 publishers issue 16
/// asks for.
const DEV2_CHAIN_FLOOR: f64 = 0.92;
const DEV2_PUBLISHER_FLOOR: usize = 18;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use provgraph::{DocumentAnalysis, DocumentInput, ProvGraph, analyze, build_graph};
use regex::Regex;
use serde_json::Value;

fn data(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

fn analyze_dir(dir: &Path) -> Vec<DocumentAnalysis> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("data directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("UTF-8 article");
            let id = p.file_stem().and_then(|s| s.to_str()).expect("file name");
            analyze(&DocumentInput::new(id, &text))
        })
        .collect()
}

/// `norm` of score.py.
fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace('\u{2019}', "'");
    // re.sub(r"'s\b", "", s)
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\''
            && chars.get(i + 1) == Some(&'s')
            && !chars
                .get(i + 2)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            i += 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    // re.sub(r"[^\w\s.-]", " ", s)
    let out: String = out
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c.is_whitespace() || c == '.' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut out = out.trim().to_string();
    for article in ["the", "a", "an"] {
        if let Some(rest) = out.strip_prefix(article)
            && rest.starts_with(char::is_whitespace)
        {
            out = rest.trim_start().to_string();
            break;
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    out.trim_matches(|c| c == ' ' || c == '.').to_string()
}

struct GoldEntity {
    id: String,
    names: BTreeSet<String>,
}

fn entity_of(node: &str, graph: &ProvGraph, gold: &[GoldEntity]) -> String {
    let names: Vec<String> = match graph.node(node) {
        Some(n) => std::iter::once(n.label.clone())
            .chain(n.aliases.iter().cloned())
            .chain(std::iter::once(node.to_string()))
            .collect(),
        None => vec![node.to_string()],
    };
    for name in names {
        let key = norm(&name);
        if let Some(e) = gold.iter().find(|e| e.names.contains(&key)) {
            return e.id.clone();
        }
    }
    format!("?{node}")
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn f1(self) -> f64 {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// A gold attribution: its anchor's bytes, the chains it accepts, and whether it may be missed.
struct Gold {
    start: usize,
    end: usize,
    chains: Vec<Vec<String>>,
    optional: bool,
}

/// The gold entities, each with its normalised names.
fn gold_entities(gold: &Value) -> Vec<GoldEntity> {
    gold["entities"]
        .as_object()
        .expect("entities")
        .iter()
        .map(|(id, e)| {
            let mut names: BTreeSet<String> = e["aliases"]
                .as_array()
                .expect("aliases")
                .iter()
                .map(|a| norm(a.as_str().unwrap_or("")))
                .collect();
            names.insert(norm(id));
            GoldEntity {
                id: id.clone(),
                names,
            }
        })
        .collect()
}

/// The gold attributions of document `doc`, found in its text by their anchors.
fn gold_attributions(doc: &str, text: &str, gold: &Value) -> Vec<Gold> {
    gold["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .map(|a| {
            let anchor = a["anchor"].as_str().expect("anchor");
            let start = text
                .find(anchor)
                .unwrap_or_else(|| panic!("{doc}: anchor not in article: {anchor:?}"));
            let chains = a["chains"]
                .as_array()
                .expect("chains")
                .iter()
                .map(|c| {
                    c.as_array()
                        .expect("chain")
                        .iter()
                        .map(|x| x.as_str().unwrap_or("").to_string())
                        .collect()
                })
                .collect();
            Gold {
                start,
                end: start + anchor.len(),
                chains,
                optional: a["optional"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

fn overlaps(p: &provgraph::Span, g: &Gold) -> bool {
    p.start < g.end && g.start < p.end
}

/// How well a predicted chain matches a gold attribution: whole, by origin, by last hop.
type Match = (bool, bool, bool);

/// score.py's matching: each gold attribution (required ones first) takes the best
/// overlapping prediction not taken yet, exact chains first; the gold index maps to the match and the prediction's index.
fn match_predictions(
    golds: &[Gold],
    preds: &[(provgraph::Span, Vec<String>)],
) -> BTreeMap<usize, (Match, usize)> {
    let mut used = BTreeSet::new();
    let mut choice: BTreeMap<usize, (Match, usize)> = BTreeMap::new();
    // Required gold attributions choose before optional ones.
    let mut order: Vec<usize> = (0..golds.len()).collect();
    order.sort_by_key(|&gi| golds[gi].optional);
    for exact_pass in [true, false] {
        for &gi in &order {
            let g = &golds[gi];
            if choice.contains_key(&gi) {
                continue;
            }
            let mut best: Option<(Match, usize)> = None;
            for (i, (span, chain)) in preds.iter().enumerate() {
                if used.contains(&i) || !overlaps(span, g) {
                    continue;
                }
                let score = (
                    g.chains.contains(chain),
                    g.chains.iter().any(|c| c.first() == chain.first()),
                    g.chains.iter().any(|c| c.last() == chain.last()),
                );
                if exact_pass && !score.0 {
                    continue;
                }
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, i));
                }
            }
            if let Some(b) = best {
                used.insert(b.1);
                choice.insert(gi, b);
            }
        }
    }
    choice
}

/// The chain measure of score.py for one document; also whether the publisher is right
/// (`None` when the gold says the text does not name one).
fn score_document(
    graph: &ProvGraph,
    doc: &str,
    text: &str,
    gold: &Value,
) -> (Counts, Option<bool>) {
    let gold_entities = gold_entities(gold);
    let golds = gold_attributions(doc, text, gold);
    let preds: Vec<(provgraph::Span, Vec<String>)> = graph
        .attributions
        .iter()
        .filter(|a| a.document == doc)
        .map(|a| {
            (
                a.span,
                a.chain()
                    .map(|n| entity_of(n, graph, &gold_entities))
                    .collect(),
            )
        })
        .collect();
    let choice = match_predictions(&golds, &preds);
    let used: BTreeSet<usize> = choice.values().map(|(_, i)| *i).collect();
    let mut counts = Counts::default();
    for (gi, g) in golds.iter().enumerate() {
        if g.optional {
            continue;
        }
        match choice.get(&gi) {
            Some(((true, _, _), _)) => counts.tp += 1,
            Some(_) => {
                counts.fn_ += 1;
                counts.fp += 1;
            }
            None => counts.fn_ += 1,
        }
    }
    for (i, (span, _)) in preds.iter().enumerate() {
        if used.contains(&i) || golds.iter().any(|g| g.optional && overlaps(span, g)) {
            continue;
        }
        counts.fp += 1;
    }
    let publisher = gold["publisher"].as_array().map(|accepted| {
        let document = graph
            .documents
            .iter()
            .find(|d| d.id == doc)
            .expect("document");
        document.publisher.as_deref().is_some_and(|p| {
            let entity = entity_of(p, graph, &gold_entities);
            accepted.iter().any(|a| a.as_str() == Some(entity.as_str()))
        })
    });
    (counts, publisher)
}

/// The chain measure of a set of articles with gold chains (`tests/data/<set>/articles`,
/// `<set>/gold`), document by document.
struct SetScore {
    total: Counts,
    /// One line per document: its chain F1 and counts.
    report: String,
    /// Each document's chain F1.
    f1: BTreeMap<String, f64>,
    /// The documents whose text names a publisher, and those where provgraph got it wrong.
    publishers_named: usize,
    wrong_publishers: Vec<String>,
}

fn score_set(set: &str) -> SetScore {
    let analyses = analyze_dir(&data(&format!("{set}articles")));
    let graph = build_graph(&analyses);
    let mut score = SetScore {
        total: Counts::default(),
        report: String::new(),
        f1: BTreeMap::new(),
        publishers_named: 0,
        wrong_publishers: Vec::new(),
    };
    for analysis in &analyses {
        let doc = &analysis.document.id;
        let gold_path = data(&format!("{set}gold/{doc}.json"));
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold file"))
                .expect("gold JSON");
        let text =
            std::fs::read_to_string(data(&format!("{set}articles/{doc}.txt"))).expect("article");
        let (counts, publisher) = score_document(&graph, doc, &text, &gold);
        score.report.push_str(&format!(
            "{doc}: chain F1 {:.3} (tp={} fp={} fn={})\n",
            counts.f1(),
            counts.tp,
            counts.fp,
            counts.fn_
        ));
        score.f1.insert(doc.clone(), counts.f1());
        score.publishers_named += usize::from(publisher.is_some());
        if publisher == Some(false) {
            score.wrong_publishers.push(doc.clone());
        }
        score.total.tp += counts.tp;
        score.total.fp += counts.fp;
        score.total.fn_ += counts.fn_;
    }
    score
}

#[test]
fn chains_on_real_articles_reach_the_bar() {
    let SetScore {
        total,
        report,
        f1,
        wrong_publishers,
        ..
    } = score_set("");
    let biden = f1["biden-putin-video-call"];
    eprintln!("{report}overall chain F1 {:.3}", total.f1());
    assert!(
        total.f1() >= 0.85,
        "chain F1 {:.3} < 0.85 (the issue's bar)\n{report}",
        total.f1()
    );
    assert!(
        total.f1() >= CHAIN_FLOOR,
        "chain F1 {:.3} < {CHAIN_FLOOR} (the regression floor)\n{report}",
        total.f1()
    );
    assert!(
        biden >= 0.90,
        "biden-putin-video-call chain F1 {biden:.3} < 0.90"
    );
    assert!(
        wrong_publishers.is_empty(),
        "publisher wrong in {wrong_publishers:?}"
    );
}

/// dev2 (`tests/data/dev2`, 28 pages from many outlets, as text): issue 16 asks chain F1 >=
/// 0.92 and the publisher right in 18 of the 21 texts that name one; today's 0.940 is held at
/// that bar, the publishers at 18.
#[test]
fn chains_and_publishers_on_dev2_hold_their_floor() {
    let score = score_set("dev2/");
    let f1 = score.total.f1();
    let right = score.publishers_named - score.wrong_publishers.len();
    eprintln!(
        "{}dev2 chain F1 {f1:.3}, publishers {right}/{}",
        score.report, score.publishers_named
    );
    assert!(
        f1 >= DEV2_CHAIN_FLOOR,
        "dev2 chain F1 {f1:.3} < {DEV2_CHAIN_FLOOR}\n{}",
        score.report
    );
    assert!(
        right >= DEV2_PUBLISHER_FLOOR,
        "dev2 publishers {right}/{} < {DEV2_PUBLISHER_FLOOR}; wrong in {:?}",
        score.publishers_named,
        score.wrong_publishers
    );
}

#[test]
fn the_scoring_port_agrees_with_score_py_on_its_own_example() {
    assert_eq!(norm("The Kremlin's press service"), "kremlin press service");
    assert_eq!(norm("the Associated Press."), "associated press");
    assert_eq!(norm("Flynn\u{2019}s lawyers"), "flynn lawyers");
    assert_eq!(norm("  U.S. officials "), "u.s. officials");
}

/// score_polnear.py's reporting subset.
const REPORTING: &str = r"(?i)\b(say|says|said|saying|tell|tells|told|telling|according|report|reports|reported|reporting|quote|quoted|quotes|quoting|cite|cited|cites|citing|announce[ds]?|announcing|state[ds]?|statement|add|added|adds|note[ds]?|noting|wrote|write|writes|writing|claim(s|ed)?|argue[ds]?|insist(s|ed)?|explain(s|ed)?|ask(s|ed)?|den(y|ies|ied)|confirm(s|ed)?|warn(s|ed)?|interview|tweet(s|ed)?|post(s|ed)?|declare[ds]?|comment(s|ed)?|recall(s|ed)?|respond(s|ed)?|repl(y|ies|ied)|acknowledge[ds]?|admit(s|ted)?|suggest(s|ed)?|predict(s|ed)?|testif(y|ies|ied)|mention(s|ed)?)\b";

type Range = (usize, usize);

fn hull(spans: &Value) -> Option<Range> {
    let spans = spans.as_array()?;
    let starts = spans.iter().filter_map(|s| s[0].as_u64());
    let ends = spans.iter().filter_map(|s| s[1].as_u64());
    Some((starts.min()? as usize, ends.max()? as usize))
}

fn ov(a: Option<Range>, b: Option<Range>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 < b.1 && b.0 < a.1)
}

#[test]
fn polnear_cues_and_sources_reach_the_bar() {
    let analyses = analyze_dir(&data("polnear-dev/articles"));
    let reporting = Regex::new(REPORTING).expect("regex");
    // Candidates per document: every hop with a cue.
    let mut cands: BTreeMap<String, Vec<(Range, Option<Range>)>> = BTreeMap::new();
    for a in analyses.iter().flat_map(|a| &a.attributions) {
        for hop in &a.hops {
            if let Some(cue) = hop.cue {
                cands
                    .entry(a.document.clone())
                    .or_default()
                    .push(((cue.start, cue.end), hop.mention.map(|m| (m.start, m.end))));
            }
        }
    }
    struct Gold {
        cue: Range,
        source: Option<Range>,
        required: bool,
    }
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    let lines = std::fs::read_to_string(data("polnear-dev/gold.jsonl")).expect("gold");
    for line in lines.lines() {
        let g: Value = serde_json::from_str(line).expect("gold line");
        let Some(cue) = hull(&g["cue"]) else { continue };
        let required = reporting.is_match(g["cue_text"].as_str().unwrap_or(""));
        gold.entry(g["document"].as_str().unwrap_or("").to_string())
            .or_default()
            .push(Gold {
                cue,
                source: hull(&g["source"]),
                required,
            });
    }
    let (mut n_gold, mut n_pred, mut tp_cue, mut tp_source) = (0usize, 0usize, 0usize, 0usize);
    for (doc, golds) in &mut gold {
        let mut cs = cands.get(doc).cloned().unwrap_or_default();
        cs.sort();
        golds.sort_by_key(|g| g.cue);
        let mut taken = BTreeSet::new();
        for g in golds.iter() {
            let best =
                (0..cs.len()).find(|&i| !taken.contains(&i) && ov(Some(cs[i].0), Some(g.cue)));
            let Some(best) = best else {
                if g.required {
                    n_gold += 1;
                }
                continue;
            };
            taken.insert(best);
            if !g.required {
                continue;
            }
            n_gold += 1;
            n_pred += 1;
            tp_cue += 1;
            let source_ok = match (g.source, cs[best].1) {
                (None, None) => true,
                (a, b) => ov(a, b),
            };
            if source_ok {
                tp_source += 1;
            }
        }
        n_pred += cs.len() - taken.len();
    }
    n_pred += cands
        .iter()
        .filter(|(doc, _)| !gold.contains_key(*doc))
        .map(|(_, c)| c.len())
        .sum::<usize>();
    let f1 = |tp: usize| {
        let p = tp as f64 / n_pred.max(1) as f64;
        let r = tp as f64 / n_gold.max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    eprintln!(
        "PolNeAR dev (reporting): {n_gold} gold, {n_pred} candidates, cue F1 {:.3}, source F1 {:.3}",
        f1(tp_cue),
        f1(tp_source)
    );
    assert!(f1(tp_cue) >= 0.80, "cue F1 {:.3} < 0.80", f1(tp_cue));
    assert!(
        f1(tp_source) >= 0.75,
        "source F1 {:.3} < 0.75",
        f1(tp_source)
    );
    assert!(
        f1(tp_cue) >= CUE_FLOOR && f1(tp_source) >= SOURCE_FLOOR,
        "cue F1 {:.3} / source F1 {:.3} under the regression floors {CUE_FLOOR} / {SOURCE_FLOOR}",
        f1(tp_cue),
        f1(tp_source)
    );
}
