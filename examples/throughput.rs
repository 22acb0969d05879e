//! Measures analysis throughput on a JSON Lines corpus (one `{"text": ...}` per line):
//! `cargo run --release --example throughput -- ../shared/bench/newswire.jsonl [ROUNDS] [STAGE]`,
//! where STAGE is `analyze` (the default: the whole analysis), `text` (tokens, sentences and
//! quotations) or `tokens` (tokens only).
use std::time::Instant;

/// The allocator of the `provgraph` binary, so that the numbers are the command's.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: throughput FILE.jsonl [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let stage = args.next().unwrap_or_else(|| "analyze".to_string());
    let texts: Vec<(String, String)> = std::fs::read_to_string(&path)
        .expect("readable corpus")
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let record = provgraph::input::jsonl::parse_line(line.as_bytes()).ok()??;
            Some((format!("doc{i}"), record.text))
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mut best = f64::MAX;
    let mut attributions = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        attributions = 0;
        for (id, text) in &texts {
            attributions += match stage.as_str() {
                "tokens" => provgraph::stages::tokens(text),
                "text" => provgraph::stages::sentences(text),
                _ => provgraph::analyze(&provgraph::DocumentInput::new(id, text))
                    .attributions
                    .len(),
            };
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{stage}: {} documents, {:.1} MB, {} attributions (tokens, sentences): {:.3} s, {:.1} MB/s (one thread)",
        texts.len(),
        bytes as f64 / 1e6,
        attributions,
        best,
        bytes as f64 / 1e6 / best
    );
}
