//! The command line: subcommands, flags and their help texts, and the checks that turn raw
//! flags into settled choices (the output format) before any work starts.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use super::error::Error;

const ABOUT: &str = "Find who said what in news articles, and through whom it reached the page";

// Help texts are wrapped by hand at 90 columns: clap prints them as they are.
const LONG_ABOUT: &str = "\
Find who said what in news articles, and through whom it reached the page.

provgraph reads plain-text articles, finds each statement that an article attributes to a
source (\"X said\", \"according to Y\", \"quoted by Z\") and follows the chain it travelled:
from the original source through the agencies and outlets that relayed it, to the outlet
that published the article. `build` merges the chains of all inputs into one provenance
graph; `chains` lists them, one line per statement, for auditing.";

const AFTER_HELP: &str = "\
Inputs are UTF-8 text: a .txt file, a directory (its .txt files, in path order), or - for
standard input. Each input is one document, named after its file without the extension
(standard input is `stdin`).

Exit status: 0 on success, 1 when an input cannot be read or the output cannot be
written, 2 for a usage error.

Examples:
  provgraph chains article.txt
  provgraph build articles/ -o graph.json
  provgraph build articles/ -o graph.dot && dot -Tsvg graph.dot > graph.svg
  cat article.txt | provgraph build - --format dot";

const BUILD_ABOUT: &str = "Build one provenance graph from all inputs and write it as JSON or DOT";

const BUILD_LONG_ABOUT: &str = "\
Build one provenance graph from all inputs and write it as JSON or DOT.

Nodes are sources (people, organizations, outlets, groups, unnamed sources) merged across
documents. An edge A -> B says that information went from A to B; it carries the relation
(said, reported, quoted, cited, according_to, via, interview, or published for the last
relay to the article's publisher) and the attributions behind it.

JSON (schema provgraph/1) is networkx's node-link format plus the evidence: the documents,
and each attribution with its byte spans and chain. DOT is for Graphviz:
`dot -Tsvg graph.dot > graph.svg`.

The format is --format if given, else the extension of -o (.json; .dot or .gv), else
JSON. The same inputs always give the same bytes.";

const CHAINS_ABOUT: &str = "Print each attribution with the chain it travelled, for auditing";

const CHAINS_LONG_ABOUT: &str = "\
Print each attribution with the chain it travelled, for auditing.

One line per attribution, documents in the order given and attributions in text order,
with three tab-separated fields: the attribution id (document#n), the chain from the
original source to the publisher, and the start of the reported words. For example:

  doc#3  Vladimir Putin -reported-> Kremlin press service -quoted-> TASS -published-> ClubZ  \"Putin has called for …\"

Each arrow is labelled with how the source it points to got the content.";

#[derive(Debug, Parser)]
#[command(
    name = "provgraph",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = BUILD_ABOUT, long_about = BUILD_LONG_ABOUT, after_help = AFTER_HELP)]
    Build(BuildArgs),
    #[command(about = CHAINS_ABOUT, long_about = CHAINS_LONG_ABOUT, after_help = AFTER_HELP)]
    Chains(ChainsArgs),
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Articles to read: .txt files, directories of .txt files, or - for standard input
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Output format: json or dot [default: from the extension of -o, else json]
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Write to FILE instead of standard output; the file is replaced whole or not at all
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ChainsArgs {
    /// Articles to read: .txt files, directories of .txt files, or - for standard input
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Dot,
}

/// Where `build` writes: a file, or standard output when there is no `-o` or it is `-`.
pub fn output_file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| path.as_os_str() != "-")
}

/// The output format: `--format` wins, else the extension of the output file, else JSON.
pub fn output_format(format: Option<&str>, output: Option<&Path>) -> Result<Format, Error> {
    if let Some(format) = format {
        return match format.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "dot" | "gv" => Ok(Format::Dot),
            _ => Err(Error::usage(
                format_args!("unknown format {format}"),
                "provgraph writes json or dot",
                "use --format json or --format dot",
            )),
        };
    }
    let Some(path) = output_file(output) else {
        return Ok(Format::Json);
    };
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("json") => Ok(Format::Json),
        Some("dot" | "gv") => Ok(Format::Dot),
        Some(other) => Err(Error::usage(
            format_args!("cannot tell the output format of {}", path.display()),
            format_args!(".{other} is not a known extension"),
            "name the file .json, .dot or .gv, or give --format json or --format dot",
        )),
        None => Err(Error::usage(
            format_args!("cannot tell the output format of {}", path.display()),
            "the file name has no extension",
            "name the file .json, .dot or .gv, or give --format json or --format dot",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Args::command().debug_assert();
    }

    fn check(format: Option<&str>, output: Option<&str>, expected: Result<Format, &str>) {
        let got = output_format(format, output.map(Path::new)).map_err(|err| {
            assert_eq!(err.exit_code(), 2, "a usage error");
            err.to_string()
        });
        assert_eq!(
            got,
            expected.map_err(String::from),
            "--format {format:?} -o {output:?}"
        );
    }

    #[test]
    fn format_comes_from_the_flag_then_the_extension_then_defaults_to_json() {
        check(None, None, Ok(Format::Json));
        check(None, Some("-"), Ok(Format::Json));
        check(None, Some("out/graph.json"), Ok(Format::Json));
        check(None, Some("graph.JSON"), Ok(Format::Json));
        check(None, Some("graph.dot"), Ok(Format::Dot));
        check(None, Some("graph.gv"), Ok(Format::Dot));
        check(Some("dot"), Some("graph.json"), Ok(Format::Dot));
        check(Some("json"), Some("graph.txt"), Ok(Format::Json));
        check(Some("DOT"), None, Ok(Format::Dot));
    }

    #[test]
    fn unknown_formats_are_usage_errors() {
        check(
            Some("xml"),
            Some("graph.json"),
            Err(
                "unknown format xml: provgraph writes json or dot; use --format json or --format dot",
            ),
        );
        check(
            None,
            Some("graph.xml"),
            Err(
                "cannot tell the output format of graph.xml: .xml is not a known extension; name the file .json, .dot or .gv, or give --format json or --format dot",
            ),
        );
        check(
            None,
            Some("graph"),
            Err(
                "cannot tell the output format of graph: the file name has no extension; name the file .json, .dot or .gv, or give --format json or --format dot",
            ),
        );
    }
}
