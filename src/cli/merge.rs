//! `provgraph merge`: the reduce step. Extract output (one document analysis per line) and JSON
//! graphs go into one [`GraphBuilder`], which gives the graph `build` makes from the same
//! documents, whatever the grouping and order of the inputs. A document may come only once.

use std::fs;
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use provgraph::claims::{ClaimIds, claim_ids, merge_claims, resolve};
use provgraph::export::from_json;
use provgraph::{DocumentAnalysis, GraphBuilder, ProvGraph};

use provgraph::input::bounded;

use super::args;
use super::config::Merge;
use super::consistency::{self, AttributionIds};
use super::error::{Error, shorten};
use super::input::{self, Location};
use super::output::Durability;
use super::pipeline;
use super::progress::Progress;
use super::warnings::{Warning, Warnings};

/// What an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    /// `provgraph extract` output: one analysis per line.
    Lines,
    /// A `provgraph/1` JSON document.
    Graph,
}

/// A piece of input to parse.
enum Item {
    Line {
        input: usize,
        number: usize,
        bytes: Vec<u8>,
    },
    Graph {
        input: usize,
        text: String,
    },
}

enum Parsed {
    Analysis(DocumentAnalysis),
    Graph(ProvGraph),
}

pub(super) fn run_merge(
    merge: &Merge,
    durability: Durability,
    warnings: &Warnings,
) -> Result<(), Error> {
    for path in &merge.inputs {
        check_not_directory(path)?;
    }
    let locations = input::locate(&merge.inputs)?;
    super::check_writable(&merge.destination)?;
    let progress = Progress::new(input::total_size(&locations), warnings);
    let mut builder = GraphBuilder::default();
    let limits = Limits {
        max_line_bytes: merge.max_line_bytes,
        max_graph_bytes: merge.max_graph_bytes,
    };
    let claims = merge_into(&mut builder, &locations, &limits, merge.claims, &progress)?;
    progress.finish();
    warn_if_saturated(&builder, warnings);
    let destination = &merge.destination;
    let mut graph = builder.finish();
    graph.claims = merge_claims(&graph, resolve(&graph, claims));
    super::write_final_graph(graph, destination, durability, &[], warnings)
}

/// The largest line of extract output and the largest graph read.
pub(super) struct Limits {
    pub max_line_bytes: u64,
    pub max_graph_bytes: u64,
}

/// Reads extract output and JSON graphs at `locations` into `builder`, checking each against
/// the contract; a document or attribution there twice is an error. The input graphs' claims,
/// when `keep_claims`, come back to be joined ([`merge_claims`]).
pub(super) fn merge_into(
    builder: &mut GraphBuilder,
    locations: &[Location],
    limits: &Limits,
    keep_claims: bool,
    progress: &Progress<'_>,
) -> Result<Vec<ClaimIds>, Error> {
    let names: Vec<String> = locations.iter().map(Location::name).collect();
    let consumed = AtomicU64::new(0);
    let mut attribution_ids = AttributionIds::default();
    // The input graphs' claims, under --claims.
    let mut claims = Vec::new();
    let threads = args::threads(None);

    pipeline::run(
        threads,
        |submit| read_inputs(locations, limits, &consumed, submit),
        |batch: Vec<Item>| {
            batch
                .into_iter()
                .map(|item| parse(item, &names))
                .collect::<Vec<_>>()
        },
        |batch| {
            let batch = batch.map_err(|message| {
                Error::failure("internal error", message, "please report this bug")
            })?;
            for parsed in batch {
                let (input, number, parsed) = parsed?;
                let at = || match number {
                    Some(number) => format!("{} line {number}", names[input]),
                    None => names[input].clone(),
                };
                let attributions = match &parsed {
                    Parsed::Analysis(analysis) => &analysis.attributions,
                    Parsed::Graph(graph) => &graph.attributions,
                };
                // Reported after a document that is there twice, which says more.
                let new_ids = attribution_ids.add(attributions);
                let added = match parsed {
                    Parsed::Analysis(analysis) => {
                        let consumed = consumed.load(Ordering::Relaxed);
                        progress.document_done(analysis.document.bytes, consumed);
                        builder.add_analysis(analysis)
                    }
                    Parsed::Graph(mut graph) => {
                        if keep_claims {
                            claims.append(&mut claim_ids(&mut graph));
                        }
                        builder.add_graph(graph)
                    }
                };
                added.map_err(|duplicate| {
                    Error::failure(
                        format_args!("cannot merge {}", at()),
                        format_args!(
                            "document {} is in an earlier input too",
                            shorten(&duplicate.0)
                        ),
                        "give each document once: shards must not share documents",
                    )
                })?;
                new_ids.map_err(|why| {
                    Error::failure(
                        format_args!("cannot merge {}", at()),
                        why,
                        "give each attribution once: shards must not share attributions",
                    )
                })?;
            }
            Ok(())
        },
    )?;
    Ok(claims)
}

/// Warns when a count summed across the inputs stopped at its largest value.
pub(super) fn warn_if_saturated(builder: &GraphBuilder, warnings: &Warnings) {
    if builder.saturated() {
        warnings.warn(
            Warning::Other,
            &format!(
                "a count summed across the inputs (a node's mentions, or the votes for its label \
                 or kind) reached {}, the largest there is, and stays there",
                usize::MAX
            ),
        );
    }
}

/// Whether the file `path` holds what `merge` reads (a JSON graph, or extract output: a
/// `.jsonl` file whose first line starts `{"document"`) rather than articles. Directories and
/// standard input hold articles.
pub(super) fn holds_analyses(path: &Path) -> Result<bool, Error> {
    if path.as_os_str() == "-" || fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Ok(false);
    }
    let location = Location::File(path.to_path_buf());
    match holds_by_name(&location) {
        Some(Holds::Graph) => Ok(true),
        None => Ok(false),
        Some(Holds::Lines) => {
            let consumed = AtomicU64::new(0);
            let name = location.name();
            let failed = |err: std::io::Error| input::failed_reading(&name, &err);
            let mut reader = input::open(&location, &consumed).map_err(failed)?.reader;
            let head = reader.fill_buf().map_err(failed)?;
            Ok(!head.iter().all(u8::is_ascii_whitespace) && sniff(head) == Holds::Lines)
        }
    }
}

/// How many bytes of extract output go to a thread at once.
const BATCH_BYTES: usize = 256 * 1024;

/// Hands on the lines of extract output in batches, and each graph whole; a line longer than
/// `--max-line-bytes` or a graph larger than `--max-graph-bytes` stops the run as soon as
/// reading passes the limit (a gzip file is never decompressed further).
fn read_inputs(
    locations: &[Location],
    merge: &Limits,
    consumed: &AtomicU64,
    submit: &mut dyn FnMut(Vec<Item>) -> bool,
) -> Result<(), Error> {
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for (input, location) in locations.iter().enumerate() {
        let name = location.name();
        let failed = |err: std::io::Error| input::failed_reading(&name, &err);
        let mut reader = input::open(location, consumed).map_err(failed)?.reader;
        let holds = match holds_by_name(location) {
            Some(holds) => holds,
            None => sniff(reader.fill_buf().map_err(failed)?),
        };
        match holds {
            Holds::Graph => {
                let limit = merge.max_graph_bytes;
                let bytes = bounded::read_at_most(&mut reader, limit)
                    .map_err(failed)?
                    .ok_or_else(|| too_large(&name, "graph", "--max-graph-bytes", limit))?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    Error::failure(
                        format_args!("cannot merge {name}"),
                        "it is not UTF-8, so not a JSON graph",
                        "give JSON graphs that provgraph build or merge wrote",
                    )
                })?;
                batch_bytes += text.len();
                batch.push(Item::Graph { input, text });
            }
            Holds::Lines => {
                let mut number = 0;
                loop {
                    let bytes = next_line(&mut reader, merge.max_line_bytes, &name, number + 1)
                        .map_err(|err| err.unwrap_or_else(&failed))?;
                    let Some(bytes) = bytes else { break };
                    number += 1;
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    batch_bytes += bytes.len();
                    batch.push(Item::Line {
                        input,
                        number,
                        bytes,
                    });
                    if batch_bytes >= BATCH_BYTES {
                        batch_bytes = 0;
                        if !submit(std::mem::take(&mut batch)) {
                            return Ok(());
                        }
                    }
                }
            }
        }
    }
    if !batch.is_empty() {
        submit(batch);
    }
    Ok(())
}

/// The next line of `reader` (`None` at the end); one longer than `limit` is an error as soon
/// as the limit is passed.
fn next_line(
    reader: &mut dyn BufRead,
    limit: u64,
    name: &str,
    number: usize,
) -> Result<Option<Vec<u8>>, Result<Error, std::io::Error>> {
    let mut bytes = Vec::new();
    let read = reader
        .take(limit.saturating_add(1))
        .read_until(b'\n', &mut bytes)
        .map_err(Err)?;
    if read == 0 {
        return Ok(None);
    }
    let line = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    if line.len() as u64 > limit {
        let what = format!("line {number}");
        return Err(Ok(too_large(name, &what, "--max-line-bytes", limit)));
    }
    Ok(Some(bytes))
}

/// The error for a line or graph of `name` larger than `flag` allows.
fn too_large(name: &str, what: &str, flag: &str, limit: u64) -> Error {
    Error::failure(
        format_args!("cannot merge {name}"),
        format_args!(
            "its {what} is larger than {flag} ({})",
            input::size_text(limit)
        ),
        format_args!("give a larger {flag} to read it"),
    )
}

/// Parses one item and checks it against the contract; the input index and line number come
/// back with it.
fn parse(item: Item, names: &[String]) -> Result<(usize, Option<usize>, Parsed), Error> {
    match item {
        Item::Line {
            input,
            number,
            bytes,
        } => {
            let what = || format!("cannot merge {} line {number}", names[input]);
            let analysis = serde_json::from_slice::<DocumentAnalysis>(&bytes).map_err(|err| {
                Error::failure(
                    what(),
                    format_args!(
                        "it is not a document analysis ({})",
                        shorten(&provgraph::input::jsonl::serde_reason(&err))
                    ),
                    "give files that provgraph extract wrote",
                )
            })?;
            consistency::check_analysis(&analysis).map_err(|why| {
                Error::failure(what(), why, "give files that provgraph extract wrote")
            })?;
            Ok((input, Some(number), Parsed::Analysis(analysis)))
        }
        Item::Graph { input, text } => {
            let what = || format!("cannot merge {}", names[input]);
            let fix = "give JSON graphs that provgraph build or merge wrote";
            let graph = from_json(&text)
                .map_err(|err| Error::failure(what(), shorten(&err.to_string()), fix))?;
            drop(text);
            consistency::check_graph(&graph).map_err(|why| Error::failure(what(), why, fix))?;
            Ok((input, None, Parsed::Graph(graph)))
        }
    }
}

/// What the file name says: `.jsonl` and `.ndjson` are extract output, `.json` a graph (each
/// perhaps with `.gz`).
fn holds_by_name(location: &Location) -> Option<Holds> {
    let Location::File(path) = location else {
        return None;
    };
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let extension = Path::new(name).extension()?.to_str()?;
    match extension {
        "jsonl" | "ndjson" => Some(Holds::Lines),
        "json" => Some(Holds::Graph),
        _ => None,
    }
}

/// Extract output starts `{"document"`; anything else is taken for a graph.
fn sniff(head: &[u8]) -> Holds {
    let start = head
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(head.len());
    if head[start..].starts_with(br#"{"document""#) || start == head.len() {
        Holds::Lines
    } else {
        Holds::Graph
    }
}

/// Merge takes files and `-`, not directories.
fn check_not_directory(path: &Path) -> Result<(), Error> {
    if fs::metadata(path).is_ok_and(|metadata| metadata.is_dir()) {
        return Err(Error::usage(
            format_args!("cannot merge {}", super::error::shown_path(path)),
            "it is a directory",
            "give the files in it",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_told_by_name_then_by_how_they_start() {
        let file = |name: &str| Location::File(name.into());
        assert_eq!(holds_by_name(&file("a.jsonl")), Some(Holds::Lines));
        assert_eq!(holds_by_name(&file("dir/a.NDJSON.gz")), Some(Holds::Lines));
        assert_eq!(holds_by_name(&file("g.json")), Some(Holds::Graph));
        assert_eq!(holds_by_name(&file("g.json.gz")), Some(Holds::Graph));
        assert_eq!(holds_by_name(&file("part-00000")), None);
        assert_eq!(holds_by_name(&Location::Stdin), None);
        assert_eq!(sniff(br#"{"document": {"id": "a"}}"#), Holds::Lines);
        assert_eq!(sniff(b"\n{\"document\":{}}"), Holds::Lines);
        assert_eq!(sniff(b""), Holds::Lines);
        assert_eq!(sniff(b"{\n  \"directed\": true,"), Holds::Graph);
    }
}
