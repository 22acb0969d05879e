//! `provgraph audit`: articles are analysed and extract output and graphs merged (by the code of
//! `build` and `merge`) into one graph, which the library audits; the audit is written as
//! Markdown, JSON, the html report with its sections, or a directory of CSV tables.

use std::path::PathBuf;

use provgraph::GraphBuilder;
use provgraph::claims::{ClaimFinder, merge_claims, resolve};
use provgraph::export::audit::{CSV_FILES, to_csv_files, to_html_sections, to_json, to_markdown};

use super::args::AuditFormat;
use super::config::{Audit, Documents};
use super::error::Error;
use super::merge::{self, Limits};
use super::output::{self, Durability, Output};
use super::progress::Progress;
use super::visible;
use super::warnings::Warnings;
use super::{documents, input};

pub(super) fn run_audit(
    audit: &Audit,
    durability: Durability,
    warnings: &Warnings,
) -> Result<(), Error> {
    let mut analyses: Vec<PathBuf> = Vec::new();
    let mut articles: Vec<PathBuf> = Vec::new();
    for path in &audit.documents.inputs {
        if merge::holds_analyses(path)? {
            analyses.push(path.clone());
        } else {
            articles.push(path.clone());
        }
    }
    let analysis_locations = input::locate(&analyses)?;
    let settings = if articles.is_empty() {
        None
    } else {
        let documents = Documents {
            inputs: articles,
            options: audit.documents.options,
            emit_text: audit.documents.emit_text.clone(),
            threads: audit.documents.threads,
        };
        Some(documents::settings(&documents)?)
    };
    if let (Some(settings), Some(path)) = (&settings, &audit.file) {
        settings.inputs.check_output(path)?;
    }
    check_writable(audit)?;

    let mut builder = GraphBuilder::default();
    let mut finder = ClaimFinder::default();
    // The texts: the report shows the statements' words.
    let mut texts: Vec<(String, String)> = Vec::new();
    // Articles first: a document that an analysis input has again is then merge's error,
    // which names the input.
    if let Some(settings) = &settings {
        super::analyse_into(
            &mut builder,
            Some(&finder),
            settings,
            warnings,
            |builder, analysed| {
                if audit.format == AuditFormat::Html {
                    texts.push((analysed.analysis.document.id.clone(), analysed.text));
                }
                builder.add_analysis(analysed.analysis)
            },
        )?;
    }
    let mut read_claims = Vec::new();
    if !analysis_locations.is_empty() {
        let progress = Progress::new(input::total_size(&analysis_locations), warnings);
        let limits = Limits {
            max_line_bytes: audit.max_line_bytes,
            max_graph_bytes: audit.max_graph_bytes,
        };
        read_claims =
            merge::merge_into(&mut builder, &analysis_locations, &limits, true, &progress)?;
        progress.finish();
    }
    merge::warn_if_saturated(&builder, warnings);
    finder.join();
    let mut graph = builder.finish();
    // The claims of the articles, and those the graphs read carried, joined.
    let mut claims = finder.finish(&graph);
    claims.append(&mut resolve(&graph, read_claims));
    graph.claims = merge_claims(&graph, claims);
    let found = provgraph::audit::audit(&graph);
    let file = audit.file.as_deref();
    let text = match audit.format {
        AuditFormat::Markdown => visible::visible_lines(&to_markdown(&found, audit.top)).into(),
        AuditFormat::Json => to_json(&found),
        AuditFormat::Html => {
            let sections = to_html_sections(&found);
            super::html_report(&graph, &texts, audit.draw, Some(&sections), warnings)
        }
        AuditFormat::Csv => {
            let path = file.expect("checked by the config");
            return output::write_dir(path, &to_csv_files(&found), durability);
        }
    };
    let mut out = Output::open(file, durability)?;
    out.write_all(text.as_bytes())?;
    out.finish()
}

/// Fails now, before any work, when the output cannot be written.
fn check_writable(audit: &Audit) -> Result<(), Error> {
    match &audit.file {
        Some(path) if audit.format == AuditFormat::Csv => {
            output::check_writable_dir(path, &CSV_FILES)
        }
        Some(path) => output::check_writable(path),
        None => Ok(()),
    }
}
