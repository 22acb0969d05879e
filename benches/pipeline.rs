//! Benchmarks per stage and end to end, on real newswire text: `../shared/bench/newswire.jsonl`
//! when it is there (the first 300 stories), else the articles under `tests/data/articles`.
//! Throughput is in bytes of article text. Run with `cargo bench`.
//!
//! Stages: `text` (tokens and sentences), `rules` (text plus every attribution rule on every
//! sentence), `analyze` (the whole analysis of a document), `html` (main-text extraction from a
//! page), and after the analysis: `graph` (merging analyses), `json` (writing the graph),
//! `extract_line` (one analysis as a JSON line) and `merge_parse` (reading such lines back).

use std::fs;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use provgraph::export::{from_json, to_json, write_json};
use provgraph::input::jsonl::parse_line;
use provgraph::{DocumentAnalysis, DocumentInput, GraphBuilder, analyze, build_graph};

fn main() {
    divan::main();
}

const SAMPLE: usize = 300;

/// (id, text) of the sample documents.
static DOCUMENTS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let newswire = format!("{manifest}/../shared/bench/newswire.jsonl");
    if let Ok(lines) = fs::read_to_string(&newswire) {
        let mut seen = std::collections::BTreeSet::new();
        return lines
            .lines()
            .filter_map(|line| parse_line(line.as_bytes()).unwrap())
            .map(|record| (record.id.unwrap(), record.text))
            // The file has a story twice; ids must be unique.
            .filter(|(id, _)| seen.insert(id.clone()))
            .take(SAMPLE)
            .collect();
    }
    let mut documents: Vec<(String, String)> =
        fs::read_dir(format!("{manifest}/tests/data/articles"))
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let id = path.file_stem().unwrap().to_string_lossy().into_owned();
                (id, fs::read_to_string(path).unwrap())
            })
            .collect();
    documents.sort();
    documents
});

static ANALYSES: LazyLock<Vec<DocumentAnalysis>> = LazyLock::new(|| {
    DOCUMENTS
        .iter()
        .map(|(id, text)| analyze(&DocumentInput::new(id, text)))
        .collect()
});

fn text_bytes() -> BytesCount {
    BytesCount::new(DOCUMENTS.iter().map(|(_, text)| text.len()).sum::<usize>())
}

#[divan::bench(sample_count = 10)]
fn text(bencher: Bencher) {
    bencher.counter(text_bytes()).bench(|| {
        for (_, text) in DOCUMENTS.iter() {
            divan::black_box(provgraph::stages::sentences(text));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn rules(bencher: Bencher) {
    bencher.counter(text_bytes()).bench(|| {
        DOCUMENTS
            .iter()
            .map(|(_, text)| provgraph::stages::frames(text))
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn analyze_documents(bencher: Bencher) {
    bencher.counter(text_bytes()).bench(|| {
        DOCUMENTS
            .iter()
            .map(|(id, text)| analyze(&DocumentInput::new(id, text)).attributions.len())
            .sum::<usize>()
    });
}

/// The sample as web pages: a head, navigation, one `<p>` per paragraph, a footer.
static PAGES: LazyLock<Vec<String>> = LazyLock::new(|| {
    DOCUMENTS
        .iter()
        .map(|(_, text)| {
            let mut paragraphs = text.split("\n\n");
            let title = paragraphs.next().unwrap_or_default();
            let body: String = paragraphs.map(|p| format!("<p>{p}</p>\n")).collect();
            format!(
                "<!DOCTYPE html><html><head><title>{title} | Wire</title>\
                 <meta property=\"og:site_name\" content=\"Wire\"></head><body>\
                 <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
                 <article><h1>{title}</h1>\n{body}</article>\
                 <footer>Copyright Wire</footer></body></html>"
            )
        })
        .collect()
});

#[divan::bench(sample_count = 10)]
fn html(bencher: Bencher) {
    let bytes = PAGES.iter().map(String::len).sum::<usize>();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        PAGES
            .iter()
            .map(|page| provgraph::page::extract_page(page).text.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn graph(bencher: Bencher) {
    let analyses = &*ANALYSES;
    bencher
        .counter(text_bytes())
        .with_inputs(|| analyses.clone())
        .bench_values(|analyses| {
            let mut builder = GraphBuilder::default();
            for analysis in analyses {
                builder.add_analysis(analysis).unwrap();
            }
            builder.finish().attributions.len()
        });
}

#[divan::bench(sample_count = 10)]
fn json(bencher: Bencher) {
    let graph = build_graph(ANALYSES.iter());
    let bytes = to_json(&graph).len();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| write_json(&graph, std::io::sink()).unwrap());
}

#[divan::bench(sample_count = 10)]
fn json_read(bencher: Bencher) {
    let text = to_json(&build_graph(ANALYSES.iter()));
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| from_json(&text).unwrap().attributions.len());
}

#[divan::bench(sample_count = 10)]
fn extract_line(bencher: Bencher) {
    let analyses = &*ANALYSES;
    let bytes: usize = analyses
        .iter()
        .map(|analysis| serde_json::to_vec(analysis).unwrap().len())
        .sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        analyses
            .iter()
            .map(|analysis| serde_json::to_vec(analysis).unwrap().len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn merge_parse(bencher: Bencher) {
    let lines: Vec<Vec<u8>> = ANALYSES
        .iter()
        .map(|analysis| serde_json::to_vec(analysis).unwrap())
        .collect();
    let bytes = lines.iter().map(Vec::len).sum::<usize>();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        lines
            .iter()
            .map(|line| {
                serde_json::from_slice::<DocumentAnalysis>(line)
                    .unwrap()
                    .attributions
                    .len()
            })
            .sum::<usize>()
    });
}
