//! The `provgraph` command behind `main.rs`: each subcommand is a plain function from checked
//! arguments to output. Only this module and `main.rs` touch files and the terminal; the library
//! stays free of I/O.

mod args;
mod chains;
mod error;
mod input;
mod output;
mod render;

use std::io::{self, Write};

use provgraph::export::{
    DotConfig, HtmlInput, to_csv, to_cypher, to_cytoscape, to_dot, to_dot_with, to_gexf,
    to_graphml, to_html, to_json, to_neo4j, to_prov_json, to_prov_n,
};
use provgraph::{DocumentAnalysis, DocumentInput, ProvGraph, analyze, build_graph};

pub use args::Args;
use args::{BuildArgs, ChainsArgs, Command, Format, Picture, RenderArgs};
pub use error::Error;
use input::Source;

/// Runs one command line to the end; warnings go to standard error as they come.
pub fn run(args: Args) -> Result<(), Error> {
    match args.command {
        Command::Build(build) => run_build(&build),
        Command::Chains(chains) => run_chains(&chains),
        Command::Render(render) => run_render(&render),
    }
}

fn run_build(args: &BuildArgs) -> Result<(), Error> {
    let format = args::output_format(args.format.as_deref(), args.output.as_deref())?;
    let output = args::output_file(args.output.as_deref());
    if format == Format::Neo4j && output.is_none() {
        return Err(Error::usage(
            "cannot write neo4j to standard output",
            "it is a directory of two files",
            "give the directory with -o DIR",
        ));
    }
    let sources = read_sources(&args.inputs)?;
    let analyses = analyze_sources(&sources);
    let graph = build_graph(&analyses);
    let text = match format {
        Format::Json => to_json(&graph),
        Format::Dot => to_dot(&graph),
        Format::Graphml => to_graphml(&graph),
        Format::Gexf => to_gexf(&graph),
        Format::ProvJson => to_prov_json(&graph),
        Format::ProvN => to_prov_n(&graph),
        Format::Cytoscape => to_cytoscape(&graph),
        Format::Cypher => to_cypher(&graph),
        Format::Csv => to_csv(&graph),
        Format::Html => html_report(&graph, &sources),
        Format::Neo4j => {
            let path = output.expect("checked above");
            return output::write_dir(path, &to_neo4j(&graph));
        }
    };
    match output {
        Some(path) => output::write_file(path, &text),
        None => output::write_stdout(&text),
    }
}

/// The HTML report; without Graphviz, without its diagram (and a warning).
fn html_report(graph: &ProvGraph, sources: &[Source]) -> String {
    let texts: Vec<(&str, &str)> = sources
        .iter()
        .map(|source| (source.id.as_str(), source.text.as_str()))
        .collect();
    let svg = match render::draw(&to_dot_with(graph, &DotConfig::picture()), Picture::Svg) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(err) => {
            let (why, fix) = err.why_and_fix();
            warn(&format!("the report has no diagram: {why}; {fix}"));
            None
        }
    };
    to_html(
        graph,
        &HtmlInput {
            texts: &texts,
            svg: svg.as_deref(),
        },
    )
}

fn run_render(args: &RenderArgs) -> Result<(), Error> {
    let picture = args::picture_format(&args.output)?;
    let sources = read_sources(&args.inputs)?;
    let analyses = analyze_sources(&sources);
    let graph = build_graph(&analyses);
    let config = DotConfig {
        clusters: args.clusters,
        ..DotConfig::picture()
    };
    let bytes = render::draw(&to_dot_with(&graph, &config), picture)
        .map_err(render::DrawError::into_error)?;
    output::write_bytes(&args.output, &bytes)
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
