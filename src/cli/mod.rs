//! The `provgraph` command behind `main.rs`: each subcommand is a plain function from checked
//! arguments to output. Only this module and `main.rs` touch files and the terminal; the library
//! stays free of I/O.

mod args;
mod chains;
mod error;
mod input;
mod output;

use std::io::{self, Write};

use provgraph::export::{to_dot, to_json};
use provgraph::{DocumentAnalysis, DocumentInput, analyze, build_graph};

pub use args::Args;
use args::{BuildArgs, ChainsArgs, Command, Format};
pub use error::Error;
use input::Source;

/// Runs one command line to the end; warnings go to standard error as they come.
pub fn run(args: Args) -> Result<(), Error> {
    match args.command {
        Command::Build(build) => run_build(&build),
        Command::Chains(chains) => run_chains(&chains),
    }
}

fn run_build(args: &BuildArgs) -> Result<(), Error> {
    let format = args::output_format(args.format.as_deref(), args.output.as_deref())?;
    let sources = read_sources(&args.inputs)?;
    let analyses = analyze_sources(&sources);
    let graph = build_graph(&analyses);
    let text = match format {
        Format::Json => to_json(&graph),
        Format::Dot => to_dot(&graph),
    };
    match args::output_file(args.output.as_deref()) {
        Some(path) => output::write_file(path, &text),
        None => output::write_stdout(&text),
    }
}

fn run_chains(args: &ChainsArgs) -> Result<(), Error> {
    let sources = read_sources(&args.inputs)?;
    let analyses = analyze_sources(&sources);
    let graph = build_graph(&analyses);
    let documents: Vec<(&str, &str)> = sources
        .iter()
        .map(|source| (source.id.as_str(), source.text.as_str()))
        .collect();
    let mut text = String::new();
    for line in chains::chain_lines(&graph, &documents) {
        text.push_str(&line);
        text.push('\n');
    }
    output::write_stdout(&text)
}

fn read_sources(inputs: &[std::path::PathBuf]) -> Result<Vec<Source>, Error> {
    let inputs = input::read_inputs(inputs)?;
    for warning in &inputs.warnings {
        warn(warning);
    }
    Ok(inputs.sources)
}

/// Analyses each source; the headline line stands in for a title the analysis did not find.
fn analyze_sources(sources: &[Source]) -> Vec<DocumentAnalysis> {
    sources
        .iter()
        .map(|source| {
            let mut analysis = analyze(&DocumentInput {
                id: &source.id,
                text: &source.text,
                path: source.path.as_deref(),
                ..DocumentInput::default()
            });
            if analysis.document.title.is_none() {
                analysis.document.title = input::title_line(&source.text).map(String::from);
            }
            analysis
        })
        .collect()
}

/// Prints `provgraph: <message>` on standard error; a closed standard error is ignored.
pub fn report(message: &str) {
    let _ = writeln!(io::stderr().lock(), "provgraph: {message}");
}

fn warn(message: &str) {
    report(&format!("warning: {message}"));
}
