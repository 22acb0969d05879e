//! The run's checked configuration: [`Config::from_args`] turns clap's parsed flags into settled
//! choices (the output format, the picture, the threads, the size limit, whether to sync) before
//! any work starts, so that the commands take no raw flags and no global switch.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use super::args::{self, Args, Command, DrawArgs, Format, InputArgs, Picture};
use super::error::Error;
use super::input;
use super::output::Durability;
use super::render::{self, Draw};

/// What to do, and how outputs reach the disk.
#[derive(Debug)]
pub(crate) struct Config {
    pub job: Job,
    pub durability: Durability,
}

/// A subcommand with its checked flags.
#[derive(Debug)]
pub(crate) enum Job {
    Build(Build),
    Chains(Documents),
    Explain(Documents),
    Render(Render),
    Extract(Extract),
    Merge(Merge),
    Audit(Audit),
}

/// How documents are found, read and analysed.
#[derive(Debug)]
pub(crate) struct Documents {
    /// As given: files, directories, `-`.
    pub inputs: Vec<PathBuf>,
    pub options: input::Options,
    pub emit_text: Option<PathBuf>,
    pub threads: NonZeroUsize,
}

/// Where a graph goes: a format, and a file (standard output for `None`); how the html
/// report's diagram is drawn.
#[derive(Debug)]
pub(crate) struct Destination {
    pub format: Format,
    pub file: Option<PathBuf>,
    pub draw: Draw,
}

#[derive(Debug)]
pub(crate) struct Build {
    pub documents: Documents,
    pub destination: Destination,
    /// Find claims across the documents (`--claims`).
    pub claims: bool,
}

#[derive(Debug)]
pub(crate) struct Render {
    pub documents: Documents,
    pub picture: Picture,
    pub output: PathBuf,
    pub clusters: bool,
    pub draw: Draw,
}

#[derive(Debug)]
pub(crate) struct Extract {
    pub documents: Documents,
    pub output: Option<PathBuf>,
}

#[derive(Debug)]
pub(crate) struct Merge {
    pub inputs: Vec<PathBuf>,
    pub destination: Destination,
    /// The longest line of extract output read.
    pub max_line_bytes: u64,
    /// The largest JSON graph read, decompressed.
    pub max_graph_bytes: u64,
    /// Keep and join the inputs' claims (`--claims`).
    pub claims: bool,
}

/// `audit`: its inputs (articles, extract output and graphs), output and the limits of both
/// readers.
#[derive(Debug)]
pub(crate) struct Audit {
    /// Every input, articles or not; how articles are read.
    pub documents: Documents,
    pub format: args::AuditFormat,
    /// Standard output for `None`.
    pub file: Option<PathBuf>,
    /// Rows of each long Markdown table (`usize::MAX`: all).
    pub top: usize,
    pub draw: Draw,
    pub max_line_bytes: u64,
    pub max_graph_bytes: u64,
}

/// `audit --top` unless given.
pub(crate) const DEFAULT_TOP: usize = 10;

/// `merge --max-line-bytes` unless given: one document's analysis; that of the largest document
/// `build` reads by default (16 MiB) stays well under it.
pub(crate) const DEFAULT_MAX_LINE_BYTES: u64 = 64 * 1024 * 1024;

/// `merge --max-graph-bytes` unless given: a graph of some hundred thousand attributions, read
/// in about 1.3 GiB of memory (five times its size).
pub(crate) const DEFAULT_MAX_GRAPH_BYTES: u64 = 256 * 1024 * 1024;

impl Config {
    /// Checks what clap could not check flag by flag: the output format from `--format` and the
    /// name of `-o` together, the picture format, a directory export's need of `-o`.
    pub(crate) fn from_args(args: Args) -> Result<Config, Error> {
        let job = match args.command {
            Command::Build(build) => Job::Build(Build {
                destination: destination(build.format, build.output, &build.draw)?,
                documents: documents(build.input),
                claims: build.claims,
            }),
            Command::Chains(chains) => Job::Chains(documents(chains.input)),
            Command::Explain(explain) => Job::Explain(documents(explain.input)),
            Command::Render(render) => Job::Render(Render {
                picture: args::picture_format(&render.output)?,
                documents: documents(render.input),
                output: render.output,
                clusters: render.clusters,
                draw: draw(&render.draw),
            }),
            Command::Extract(extract) => Job::Extract(Extract {
                documents: documents(extract.input),
                output: file(extract.output),
            }),
            Command::Merge(merge) => Job::Merge(Merge {
                destination: destination(merge.format, merge.output, &merge.draw)?,
                inputs: merge.inputs,
                max_line_bytes: merge.max_line_bytes.unwrap_or(DEFAULT_MAX_LINE_BYTES),
                max_graph_bytes: merge.max_graph_bytes.unwrap_or(DEFAULT_MAX_GRAPH_BYTES),
                claims: merge.claims,
            }),
            Command::Audit(audit) => Job::Audit(audit_job(audit)?),
        };
        let durability = if args.sync {
            Durability::Synced
        } else {
            Durability::Renamed
        };
        Ok(Config { job, durability })
    }
}

/// `audit`'s flags checked: the format from `--format` or `-o`; csv needs `-o`.
fn audit_job(audit: args::AuditArgs) -> Result<Audit, Error> {
    let format = args::audit_format(audit.format, audit.output.as_deref())?;
    let file = file(audit.output);
    if format == args::AuditFormat::Csv && file.is_none() {
        return Err(Error::usage(
            "cannot write the audit's csv to standard output",
            "it is a directory of tables",
            "give the directory with -o DIR",
        ));
    }
    Ok(Audit {
        format,
        file,
        top: match audit.top.unwrap_or(DEFAULT_TOP) {
            0 => usize::MAX,
            top => top,
        },
        draw: draw(&audit.draw),
        max_line_bytes: audit.max_line_bytes.unwrap_or(DEFAULT_MAX_LINE_BYTES),
        max_graph_bytes: audit.max_graph_bytes.unwrap_or(DEFAULT_MAX_GRAPH_BYTES),
        documents: documents(audit.input),
    })
}

/// The flags of the commands that analyse documents, with their defaults.
fn documents(args: InputArgs) -> Documents {
    Documents {
        inputs: args.inputs,
        options: input::Options {
            format: args.input_format,
            strict: args.strict,
            max_doc_bytes: args.max_doc_bytes.unwrap_or(input::DEFAULT_MAX_DOC_BYTES),
        },
        emit_text: args.emit_text,
        threads: args::threads(args.threads),
    }
}

/// `-o FILE`: `None` for standard output (no `-o`, or `-`).
fn file(output: Option<PathBuf>) -> Option<PathBuf> {
    output.filter(|path| path.as_os_str() != "-")
}

/// The output of `build` and `merge`: the format from `--format` or the file's name; a
/// directory export (neo4j) needs `-o`.
fn destination(
    format: Option<Format>,
    output: Option<PathBuf>,
    draw_args: &DrawArgs,
) -> Result<Destination, Error> {
    let format = args::output_format(format, output.as_deref())?;
    let file = file(output);
    if format == Format::Neo4j && file.is_none() {
        return Err(Error::usage(
            "cannot write neo4j to standard output",
            "it is a directory of two files",
            "give the directory with -o DIR",
        ));
    }
    Ok(Destination {
        format,
        file,
        draw: draw(draw_args),
    })
}

/// `--draw-max-nodes` and `--dot-timeout`, 0 meaning no limit, with their defaults.
fn draw(args: &DrawArgs) -> Draw {
    let max_nodes = args.draw_max_nodes.unwrap_or(render::DEFAULT_MAX_NODES);
    let timeout = args.dot_timeout.unwrap_or(render::DEFAULT_TIMEOUT_SECS);
    Draw {
        max_nodes: (max_nodes > 0).then_some(max_nodes),
        timeout: (timeout > 0).then(|| std::time::Duration::from_secs(timeout)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn config(args: &[&str]) -> Result<Config, String> {
        let args = Args::try_parse_from(std::iter::once("provgraph").chain(args.iter().copied()))
            .map_err(|err| err.to_string())?;
        Config::from_args(args).map_err(|err| err.to_string())
    }

    #[test]
    fn build_settles_its_format_and_file() {
        let Job::Build(build) = config(&["build", "a.txt", "-o", "g.dot"]).unwrap().job else {
            panic!("a build");
        };
        assert_eq!(build.destination.format, Format::Dot);
        assert_eq!(build.destination.file, Some(PathBuf::from("g.dot")));
        let Job::Build(build) = config(&["build", "a.txt", "-o", "-"]).unwrap().job else {
            panic!("a build");
        };
        assert_eq!(build.destination.format, Format::Json);
        assert_eq!(build.destination.file, None);
    }

    #[test]
    fn defaults_fill_what_was_not_given() {
        let config = config(&["chains", "a.txt"]).unwrap();
        assert_eq!(config.durability, Durability::Renamed);
        let Job::Chains(documents) = config.job else {
            panic!("chains");
        };
        assert_eq!(
            documents.options.max_doc_bytes,
            input::DEFAULT_MAX_DOC_BYTES
        );
        assert!(!documents.options.strict);
        assert!(documents.threads.get() >= 1);
    }

    #[test]
    fn flags_reach_the_config_checked() {
        let config = config(&[
            "extract",
            "-",
            "--sync",
            "-j",
            "3",
            "--max-doc-bytes",
            "2K",
            "--input-format",
            "ndjson",
            "--strict",
        ])
        .unwrap();
        assert_eq!(config.durability, Durability::Synced);
        let Job::Extract(extract) = config.job else {
            panic!("extract");
        };
        assert_eq!(extract.documents.threads.get(), 3);
        assert_eq!(extract.documents.options.max_doc_bytes, 2048);
        assert_eq!(extract.documents.options.format, Some(input::Format::Jsonl));
        assert!(extract.documents.options.strict);
        assert_eq!(extract.output, None);
    }

    #[test]
    fn audit_settles_its_format_from_the_flag_or_the_file() {
        let audit = |args: &[&str]| match config(args).map(|c| c.job) {
            Ok(Job::Audit(audit)) => Ok((audit.format, audit.file, audit.top)),
            Ok(_) => panic!("an audit"),
            Err(err) => Err(err),
        };
        use args::AuditFormat as F;
        assert_eq!(audit(&["audit", "a"]), Ok((F::Markdown, None, DEFAULT_TOP)));
        assert_eq!(
            audit(&["audit", "a", "-o", "x.JSON", "--top", "0"]),
            Ok((F::Json, Some(PathBuf::from("x.JSON")), usize::MAX))
        );
        assert_eq!(audit(&["audit", "a", "-o", "r.htm"]).unwrap().0, F::Html);
        assert_eq!(audit(&["audit", "a", "-o", "t.csv"]).unwrap().0, F::Csv);
        assert_eq!(audit(&["audit", "a", "-o", "a.md"]).unwrap().0, F::Markdown);
        assert_eq!(
            audit(&["audit", "a", "-o", "dir", "--format", "CSV"])
                .unwrap()
                .0,
            F::Csv
        );
        assert_eq!(
            audit(&["audit", "a", "--format", "csv"]).unwrap_err(),
            "cannot write the audit's csv to standard output: it is a directory of tables; give the directory with -o DIR"
        );
        assert_eq!(
            audit(&["audit", "a", "-o", "audit.txt"]).unwrap_err(),
            "cannot tell the audit format of audit.txt: audit writes .md, .json, .html or .csv (a directory); name the file so, or give --format"
        );
        assert!(
            audit(&["audit", "a", "--format", "dot"])
                .unwrap_err()
                .contains("unknown audit format dot")
        );
    }

    #[test]
    fn what_clap_cannot_check_alone_is_a_usage_error() {
        assert_eq!(
            config(&["build", "a.txt", "--format", "neo4j"]).unwrap_err(),
            "cannot write neo4j to standard output: it is a directory of two files; give the directory with -o DIR"
        );
        assert_eq!(
            config(&["merge", "a.jsonl", "-o", "g.png"]).unwrap_err(),
            "cannot write g.png with build: .png is a picture; draw it with provgraph render -o g.png"
        );
        assert!(
            config(&["render", "a.txt", "-o", "g.gif"])
                .unwrap_err()
                .starts_with("cannot tell the picture format of g.gif")
        );
        let Job::Render(render) = config(&["render", "a.txt", "-o", "g.svg", "--clusters"])
            .unwrap()
            .job
        else {
            panic!("render");
        };
        assert_eq!((render.picture, render.clusters), (Picture::Svg, true));
    }
}
