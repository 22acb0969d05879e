//! The `provgraph` command behind `main.rs`: each subcommand is a plain function from checked
//! arguments to output. Only this module and `main.rs` touch files and the terminal; the library
//! stays free of I/O.

mod args;
mod audit;
mod chains;
mod child;
mod clobber;
mod config;
mod consistency;
mod documents;
mod error;
mod input;
mod interrupt;
mod merge;
mod output;
mod pipeline;
mod progress;
mod render;
mod usage;
mod visible;
mod warnings;

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use provgraph::claims::ClaimFinder;
use provgraph::export::audit::to_html_sections;
use provgraph::export::{
    DotConfig, HtmlInput, to_csv, to_cypher, to_cytoscape, to_dot, to_gexf, to_graphml, to_html,
    to_neo4j, to_prov_json, to_prov_n, write_json,
};
use provgraph::graph::DuplicateDocument;
use provgraph::{DocumentAnalysis, DocumentInput, GraphBuilder, ProvGraph};
use serde::Serialize;

pub(crate) use args::Args;
use args::{Format, Picture};
pub(crate) use config::Config;
use config::{Build, Destination, Documents, Extract, Job, Render};
pub(crate) use error::Error;
use output::{Durability, Output};
use progress::Progress;
pub(crate) use usage::usage_error;
use warnings::Warning;
pub(crate) use warnings::Warnings;

/// Runs one command line to the end; warnings go to standard error as they come, and are
/// counted in `warnings`.
pub(crate) fn run(config: Config, warnings: &Warnings) -> Result<(), Error> {
    let durability = config.durability;
    match config.job {
        Job::Build(build) => run_build(&build, durability, warnings),
        Job::Chains(documents) => run_chains(&documents, warnings),
        Job::Explain(documents) => run_explain(&documents, warnings),
        Job::Render(render) => run_render(&render, durability, warnings),
        Job::Extract(extract) => run_extract(&extract, durability, warnings),
        Job::Merge(merge) => merge::run_merge(&merge, durability, warnings),
        Job::Audit(audit) => audit::run_audit(&audit, durability, warnings),
    }
}

fn run_build(build: &Build, durability: Durability, warnings: &Warnings) -> Result<(), Error> {
    let destination = &build.destination;
    let settings = documents::settings(&build.documents)?;
    if let Some(path) = &destination.file {
        settings.inputs.check_output(path)?;
    }
    check_writable(destination)?;
    // Only the HTML report shows the articles' words.
    let keep_texts = destination.format == Format::Html;
    let mut texts: Vec<(String, String)> = Vec::new();
    let add = |builder: &mut GraphBuilder, analysed: documents::Analysed| {
        if keep_texts {
            texts.push((analysed.analysis.document.id.clone(), analysed.text));
        }
        builder.add_analysis(analysed.analysis)
    };
    let graph = if build.claims {
        analyse_into_graph_with_claims(&settings, warnings, add)?
    } else {
        analyse_into_graph(&settings, warnings, add)?
    };
    write_final_graph(graph, destination, durability, &texts, warnings)
}

/// Fails now, before any work, when the destination's file cannot be written.
fn check_writable(destination: &Destination) -> Result<(), Error> {
    match &destination.file {
        Some(path) if destination.format == Format::Neo4j => output::check_writable_dir(
            path,
            &[
                provgraph::export::neo4j::NODES_FILE,
                provgraph::export::neo4j::RELATIONSHIPS_FILE,
            ],
        ),
        Some(path) => output::check_writable(path),
        None => Ok(()),
    }
}

/// Writes one JSON line per document, in input order, each as soon as it is ready.
fn run_extract(
    extract: &Extract,
    durability: Durability,
    warnings: &Warnings,
) -> Result<(), Error> {
    let settings = documents::settings(&extract.documents)?;
    if let Some(path) = &extract.output {
        settings.inputs.check_output(path)?;
    }
    let output_file = extract.output.as_deref().map(|path| (path, durability));
    stream_documents(&settings, output_file, warnings, |analysed| {
        let line = ExtractLine {
            analysis: &analysed.analysis,
            url: analysed.url.as_deref(),
            date: analysed.date.as_deref(),
        };
        let mut bytes = serde_json::to_vec(&line).expect("plain structs serialize");
        bytes.push(b'\n');
        bytes
    })
}

/// Writes `render` of every document, in input order, each as soon as it is ready: to
/// `output_file`, or down standard output flushed after each document (no progress bar
/// then when it is a terminal: the output would run through it).
fn stream_documents(
    settings: &documents::Settings,
    output_file: Option<(&Path, Durability)>,
    warnings: &Warnings,
    render: impl Fn(documents::Analysed) -> Vec<u8> + Sync,
) -> Result<(), Error> {
    let mut output = match output_file {
        Some((path, durability)) => Output::open(Some(path), durability)?,
        None => Output::open(None, Durability::Renamed)?,
    };
    let on_terminal = output_file.is_none() && io::stdout().is_terminal();
    let progress = Progress::unless(
        on_terminal,
        input::total_size(&settings.locations),
        warnings,
    );
    documents::analyse(settings, &progress, render, |bytes| {
        output.write_all(&bytes)?;
        if output_file.is_none() {
            output.write_with(|out| out.flush())?;
        }
        Ok(())
    })?;
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

fn run_render(render: &Render, durability: Durability, warnings: &Warnings) -> Result<(), Error> {
    let settings = documents::settings(&render.documents)?;
    settings.inputs.check_output(&render.output)?;
    output::check_writable(&render.output)?;
    let graph = analyse_into_graph(&settings, warnings, |builder, analysed| {
        builder.add_analysis(analysed.analysis)
    })?;
    let config = DotConfig {
        clusters: render.clusters,
        ..DotConfig::picture()
    };
    let drawn = render::draw_graph(&graph, &config, render.picture, render.draw, true, warnings);
    let bytes = drawn.picture.map_err(render::DrawError::into_error)?;
    output::write_bytes(&render.output, &bytes, durability)
}

fn run_chains(documents: &Documents, warnings: &Warnings) -> Result<(), Error> {
    let settings = documents::settings(documents)?;
    let mut texts: Vec<(String, String)> = Vec::new();
    let graph = analyse_into_graph(&settings, warnings, |builder, analysed| {
        texts.push((analysed.analysis.document.id.clone(), analysed.text));
        builder.add_analysis(analysed.analysis)
    })?;
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

/// The rule trace of every document, in input order, each written as soon as it is ready.
fn run_explain(documents: &Documents, warnings: &Warnings) -> Result<(), Error> {
    let settings = documents::settings(documents)?;
    stream_documents(&settings, None, warnings, |analysed| {
        let document = &analysed.analysis.document;
        // A publisher from metadata is not in the text: pass it on as the analysis had it.
        let publisher = document
            .publisher
            .as_ref()
            .filter(|_| document.publisher_mention.is_none())
            .and_then(|id| analysed.analysis.entities.iter().find(|e| &e.id == id))
            .map(|entity| entity.label.as_str());
        let input = DocumentInput {
            id: &document.id,
            text: &analysed.text,
            path: document.path.as_deref(),
            title: document.title.as_deref(),
            publisher,
        };
        let trace = provgraph::explain(&input);
        let id = visible::visible_line(&document.id);
        format!("== {id}\n{}\n", visible::visible_lines(&trace)).into_bytes()
    })
}

/// Analyses every document into one graph; `add` adds each analysed document, in input order.
fn analyse_into_graph(
    settings: &documents::Settings,
    warnings: &Warnings,
    add: impl FnMut(&mut GraphBuilder, documents::Analysed) -> Result<(), DuplicateDocument>,
) -> Result<ProvGraph, Error> {
    let mut builder = GraphBuilder::default();
    analyse_into(&mut builder, None, settings, warnings, add)?;
    Ok(builder.finish())
}

/// [`analyse_into_graph`], and the claims across the documents in `graph.claims`.
fn analyse_into_graph_with_claims(
    settings: &documents::Settings,
    warnings: &Warnings,
    add: impl FnMut(&mut GraphBuilder, documents::Analysed) -> Result<(), DuplicateDocument>,
) -> Result<ProvGraph, Error> {
    let mut builder = GraphBuilder::default();
    let mut finder = ClaimFinder::default();
    analyse_into(&mut builder, Some(&finder), settings, warnings, add)?;
    finder.join();
    let mut graph = builder.finish();
    graph.claims = finder.finish(&graph);
    Ok(graph)
}

/// [`analyse_into_graph`] into a graph being built. With a claim finder, each document's
/// attributions are signed on the analysing threads and given to it, so no text is kept for
/// them.
fn analyse_into(
    builder: &mut GraphBuilder,
    finder: Option<&ClaimFinder>,
    settings: &documents::Settings,
    warnings: &Warnings,
    mut add: impl FnMut(&mut GraphBuilder, documents::Analysed) -> Result<(), DuplicateDocument>,
) -> Result<(), Error> {
    let progress = Progress::new(input::total_size(&settings.locations), warnings);
    documents::analyse(
        settings,
        &progress,
        |analysed| {
            let signatures =
                finder.map(|finder| finder.sign(&analysed.text, &analysed.analysis.attributions));
            (analysed, signatures)
        },
        |(analysed, signatures)| {
            if let (Some(finder), Some(signatures)) = (finder, signatures) {
                finder.add(&analysed.analysis.document, signatures);
            }
            // Ids are unique: the reader made them so.
            add(builder, analysed).map_err(internal_duplicate)
        },
    )?;
    progress.finish();
    Ok(())
}

/// A document id twice in one run: the reader makes them unique, so a bug.
fn internal_duplicate(duplicate: DuplicateDocument) -> Error {
    Error::failure(
        "internal error",
        duplicate,
        "please report this bug with the command line",
    )
}

/// [`write_graph`] for the graph a run ends with: the graph is then let go without being freed,
/// since the process is about to exit, and freeing a large graph's many small allocations one
/// by one is work for nothing.
fn write_final_graph(
    graph: ProvGraph,
    destination: &Destination,
    durability: Durability,
    texts: &[(String, String)],
    warnings: &Warnings,
) -> Result<(), Error> {
    let written = write_graph(&graph, destination, durability, texts, warnings);
    std::mem::forget(graph);
    written
}

/// Writes the graph to `destination`; `texts` (document id, text) are for the HTML report.
fn write_graph(
    graph: &ProvGraph,
    destination: &Destination,
    durability: Durability,
    texts: &[(String, String)],
    warnings: &Warnings,
) -> Result<(), Error> {
    let file = destination.file.as_deref();
    let text = match destination.format {
        // Written as it is made: the largest output, and the one archives produce.
        Format::Json => return write_streamed(file, durability, |out| write_json(graph, out)),
        Format::Neo4j => {
            let path = file.expect("checked by the config");
            return output::write_dir(path, &to_neo4j(graph), durability);
        }
        Format::Dot => to_dot(graph),
        Format::Graphml => to_graphml(graph),
        Format::Gexf => to_gexf(graph),
        Format::ProvJson => to_prov_json(graph),
        Format::ProvN => to_prov_n(graph),
        Format::Cytoscape => to_cytoscape(graph),
        Format::Cypher => to_cypher(graph),
        Format::Csv => to_csv(graph),
        Format::Html => {
            let sections = to_html_sections(&provgraph::audit::audit(graph));
            html_report(graph, texts, destination.draw, Some(&sections), warnings)
        }
    };
    let mut out = Output::open(file, durability)?;
    out.write_all(text.as_bytes())?;
    out.finish()
}

/// Opens `output` (standard output for `None`), lets `write` write to it as it goes, and
/// finishes it.
fn write_streamed(
    output: Option<&Path>,
    durability: Durability,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let mut out = Output::open(output, durability)?;
    out.write_with(write)?;
    out.finish()
}

/// The HTML report, with the audit's sections if given; when `dot` cannot draw, without its
/// diagram (and a warning, and a note in the page saying why).
fn html_report(
    graph: &ProvGraph,
    texts: &[(String, String)],
    draw: render::Draw,
    audit_sections: Option<&str>,
    warnings: &Warnings,
) -> String {
    let texts: Vec<(&str, &str)> = texts
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let picture = DotConfig::picture();
    let drawn = render::draw_graph(graph, &picture, Picture::Svg, draw, false, warnings);
    let mut note = drawn.note;
    let svg = match drawn.picture {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(err) => {
            let (why, fix) = err.why_and_fix();
            warnings.warn(
                Warning::Other,
                &format!("the report has no diagram: {why}; {fix}"),
            );
            // Not installed: the page's own words say so (html::NO_DIAGRAM).
            note = match err {
                render::DrawError::MissingDot => None,
                _ => Some(format!("The diagram could not be drawn: {why}.")),
            };
            None
        }
    };
    to_html(
        graph,
        &HtmlInput {
            texts: &texts,
            svg: svg.as_deref(),
            diagram_note: note.as_deref(),
            audit_sections,
            left_out: &drawn.left_out,
        },
    )
}

/// Panics on the analysing threads are caught and reported as warnings that name the
/// document; the default hook's lines would only repeat them. Elsewhere a panic is a bug,
/// reported in one line.
pub(crate) fn quiet_caught_panics() {
    std::panic::set_hook(Box::new(|info| {
        if pipeline::panic_is_caught() {
            return;
        }
        let message = pipeline::panic_message(info.payload());
        let at = info
            .location()
            .map(|location| format!(" at {}:{}", location.file(), location.line()))
            .unwrap_or_default();
        report(&format!(
            "internal error: {message}{at}; please report this bug with the command line"
        ));
    }));
}

/// Prints `provgraph: <message>` on standard error, on one line whatever names from the input
/// it holds (see [`visible`]); a closed standard error is ignored.
pub(crate) fn report(message: &str) {
    let message = visible::visible_line(message);
    let _ = writeln!(io::stderr().lock(), "provgraph: {message}");
}

/// See [`interrupt`]: an interrupted run deletes its temporary output and exits with 130.
pub(crate) fn install_interrupt_handler() {
    interrupt::install();
}
