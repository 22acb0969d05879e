//! The `provgraph` command behind `main.rs`: each subcommand is a plain function from checked
//! arguments to output. Only this module and `main.rs` touch files and the terminal; the library
//! stays free of I/O.

mod args;
mod chains;
mod documents;
mod error;
mod input;
mod merge;
mod output;
mod pipeline;
mod progress;

use std::io::{self, Write};

use provgraph::export::{to_dot, write_json};
use provgraph::{DocumentAnalysis, GraphBuilder, ProvGraph};
use serde::Serialize;

pub use args::Args;
use args::{BuildArgs, ChainsArgs, Command, ExtractArgs, Format};
pub use error::Error;
use output::Output;
use progress::Progress;

/// Runs one command line to the end; warnings go to standard error as they come.
pub fn run(args: Args) -> Result<(), Error> {
    match args.command {
        Command::Build(build) => run_build(&build),
        Command::Chains(chains) => run_chains(&chains),
        Command::Extract(extract) => run_extract(&extract),
        Command::Merge(merge) => merge::run_merge(&merge),
    }
}

fn run_build(args: &BuildArgs) -> Result<(), Error> {
    let format = args::output_format(args.format.as_deref(), args.output.as_deref())?;
    let settings = documents::settings(&args.input)?;
    let output = Output::open(args::output_file(args.output.as_deref()))?;
    let progress = Progress::new(input::total_size(&settings.locations));
    let mut builder = GraphBuilder::default();
    documents::analyse(
        &settings,
        &progress,
        |analysed| analysed.analysis,
        |analysis| add_analysis(&mut builder, analysis),
    )?;
    progress.finish();
    write_graph(&builder.finish(), format, output)
}

/// Writes one JSON line per document, in input order, each as soon as it is ready.
fn run_extract(args: &ExtractArgs) -> Result<(), Error> {
    let settings = documents::settings(&args.input)?;
    let output_file = args::output_file(args.output.as_deref());
    let mut output = Output::open(output_file)?;
    let progress = Progress::new(input::total_size(&settings.locations));
    documents::analyse(
        &settings,
        &progress,
        |analysed| {
            let line = ExtractLine {
                analysis: &analysed.analysis,
                url: analysed.url.as_deref(),
                date: analysed.date.as_deref(),
            };
            let mut bytes = serde_json::to_vec(&line).expect("plain structs serialize");
            bytes.push(b'\n');
            bytes
        },
        |line| {
            output.write_all(&line)?;
            // Down a pipe, each line goes as soon as it is ready.
            if output_file.is_none() {
                output.write_with(|out| out.flush())?;
            }
            Ok(())
        },
    )?;
    progress.finish();
    output.finish()
}

/// One line of `extract`: the analysis, and the record's metadata that it does not keep.
#[derive(Serialize)]
struct ExtractLine<'a> {
    #[serde(flatten)]
    analysis: &'a DocumentAnalysis,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
}

fn run_chains(args: &ChainsArgs) -> Result<(), Error> {
    let settings = documents::settings(&args.input)?;
    let progress = Progress::new(input::total_size(&settings.locations));
    let mut builder = GraphBuilder::default();
    let mut texts: Vec<(String, String)> = Vec::new();
    documents::analyse(
        &settings,
        &progress,
        |analysed| analysed,
        |analysed| {
            texts.push((analysed.analysis.document.id.clone(), analysed.text));
            add_analysis(&mut builder, analysed.analysis)
        },
    )?;
    progress.finish();
    let graph = builder.finish();
    let documents: Vec<(&str, &str)> = texts
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let mut text = String::new();
    for line in chains::chain_lines(&graph, &documents) {
        text.push_str(&line);
        text.push('\n');
    }
    output::write_stdout(&text)
}

/// Adds an analysis of this run; its id is unique, as the reader made it.
fn add_analysis(builder: &mut GraphBuilder, analysis: DocumentAnalysis) -> Result<(), Error> {
    builder.add_analysis(analysis).map_err(|duplicate| {
        Error::failure(
            "internal error",
            duplicate,
            "please report this bug with the command line",
        )
    })
}

/// Writes the graph in `format` and closes the output.
fn write_graph(graph: &ProvGraph, format: Format, mut output: Output) -> Result<(), Error> {
    match format {
        Format::Json => output.write_with(|out| write_json(graph, out))?,
        Format::Dot => output.write_all(to_dot(graph).as_bytes())?,
    }
    output.finish()
}

/// Prints `provgraph: <message>` on standard error; a closed standard error is ignored.
pub fn report(message: &str) {
    let _ = writeln!(io::stderr().lock(), "provgraph: {message}");
}
