//! The command line: subcommands, flags and their help texts, and the parsers that check each
//! flag's value as clap reads it (formats, sizes, threads), so that a bad value is a usage error
//! before any work starts.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use super::error::Error;
use super::input::Format as InputFormat;

const ABOUT: &str = "Find who said what in news articles, and through whom it reached the page";

// Help texts are wrapped by hand at 90 columns: clap prints them as they are.
const LONG_ABOUT: &str = "\
Find who said what in news articles, and through whom it reached the page.

provgraph reads news articles, finds each statement that an article attributes to a
source (\"X said\", \"according to Y\", \"quoted by Z\") and follows the chain it travelled:
from the original source through the agencies and outlets that relayed it, to the outlet
that published the article. `build` merges the chains of all inputs into one provenance
graph; `chains` lists them, one line per statement, and `audit` answers what people audit
them for: sourcing profiles, dependence on outlets, flags with evidence. For archives too large
for one run, `extract` writes each document's analysis as one JSON line, and `merge` joins
such files (and graphs) into the graph `build` would have made.";

const AFTER_HELP: &str = "\
Inputs are files, directories (all their .txt, .jsonl, .ndjson, .html and .htm files,
recursively, in path order) and - for standard input; any file may be gzipped (.gz). A .txt
file is one document, named after the file; an HTML page is one document, its main text;
each line of a JSON Lines file is one document: {\"text\": ..., \"id\": ..., \"title\": ...,
\"publisher\": ..., \"url\": ..., \"date\": ...}, only text required. Standard input is
sniffed ({ is JSON Lines, < is HTML, else text) unless --input-format says.

A document that cannot be analysed (unreadable, not UTF-8, binary, larger than
--max-doc-bytes, a JSON Lines line that is not a record) is skipped with a warning, and
the run ends with a line that counts the warnings; --strict stops at the first instead.

Exit status: 0 on success (also with warnings), 1 when an input is missing, the output
cannot be written, or --strict meets a document it would skip, 2 for a usage error.

Examples:
  provgraph chains article.txt
  provgraph build articles/ -o graph.json
  provgraph build articles/ -o graph.graphml
  provgraph build articles/ -o report.html
  provgraph audit articles/
  provgraph audit articles/ -o audit.html
  provgraph build articles/ --format neo4j -o neo4j-import/
  provgraph render articles/ -o graph.svg
  cat article.txt | provgraph build - --format dot
  provgraph extract archive.jsonl.gz -o shard-1.jsonl
  provgraph merge shard-*.jsonl -o graph.json";

const BUILD_ABOUT: &str = "Build one provenance graph from all inputs and write it as JSON, DOT, GraphML, GEXF, PROV, ...";

const BUILD_LONG_ABOUT: &str = "\
Build one provenance graph from all inputs and write it in one of many formats.

Nodes are sources (people, organizations, outlets, groups, unnamed sources) merged across
documents. An edge A -> B says that information went from A to B; it carries the relation
(said, reported, quoted, cited, according_to, via, interview, or published for the last
relay to the article's publisher) and the attributions behind it.

Formats (--format NAME, or the extension of -o):
  json        .json            provgraph/1: networkx node-link plus the evidence
  dot         .dot .gv         Graphviz
  graphml     .graphml         networkx, yEd, Gephi
  gexf        .gexf            GEXF 1.3 for Gephi
  prov-json   .prov.json       W3C PROV-JSON
  prov-n      .provn .prov-n   W3C PROV-N
  cytoscape   .cyjs .cytoscape.json   Cytoscape.js elements
  neo4j       (a directory)    nodes.csv and relationships.csv for neo4j-admin import
  cypher      .cypher .cql     idempotent MERGE statements for cypher-shell -f
  csv         .csv             a flat edge list for spreadsheets
  html        .html .htm       a self-contained report: diagram (pan and zoom; past
                               --draw-max-nodes sources, the relay core), outlets, and
                               the attributions 100 a page, filtered by source or words
                               (report.html#source=ID&q=WORDS&page=N links to a view)

The format is --format if given, else the extension of -o, else JSON. neo4j writes a
directory (-o DIR): a new or empty one, or one that holds a previous neo4j export, which
is replaced. The same inputs always give the same bytes (html: but for the diagram,
which Graphviz draws).";

const RENDER_ABOUT: &str =
    "Draw the provenance graph of all inputs as SVG, PNG or PDF with Graphviz";

const RENDER_LONG_ABOUT: &str = "\
Draw the provenance graph of all inputs as SVG, PNG or PDF with Graphviz.

Origins are on the left and publishers on the right; each kind of source has its colour
and shape, explained by a legend. With --clusters, the sources that only one document
names are boxed with that document. The picture format is the extension of -o (.svg,
.png or .pdf). Needs the Graphviz program dot (apt-get install graphviz). A graph of more
than --draw-max-nodes sources (40 by default) is drawn as its relay core, with a caption
and a warning that say what was left out; dot is stopped after --dot-timeout seconds.
When Graphviz shrinks a PNG to fit its bitmap limit, a warning says by how much.";

const EXPLAIN_ABOUT: &str =
    "Show, sentence by sentence, which rules fired and the chains they made";

const EXPLAIN_LONG_ABOUT: &str = "\
Show, sentence by sentence, which rules fired and the chains they made.

For finding out why an attribution was found, missed or chained as it was. For each
document, `== id` and then every sentence in which a rule found something: the sentence
with its number, one line per frame (the rule, the frame's role, its cue, its source and
how the source was classified, the start of its content), and `=>` the drafts assembled
from them, with their chains of mentions before the mentions are resolved to sources.
The format is for people and may change; use build or extract for data.";

const CHAINS_ABOUT: &str = "Print each attribution with the chain it travelled, for auditing";

const CHAINS_LONG_ABOUT: &str = "\
Print each attribution with the chain it travelled, for auditing.

One line per attribution, documents in the order given and attributions in text order,
with three tab-separated fields: the attribution id (document#n), the chain from the
original source to the publisher, and the start of the reported words. For example:

  doc#3  Vladimir Putin -reported-> Kremlin press service -quoted-> TASS -published-> ClubZ  \"Putin has called for …\"

Each arrow is labelled with how the source it points to got the content.";

const EXTRACT_ABOUT: &str = "Analyse each document and write its analysis as one JSON line";

const EXTRACT_LONG_ABOUT: &str = "\
Analyse each document and write its analysis as one JSON line, in input order, as soon as
it is done: the map step of a large run.

Each line holds the document (id, path, title, publisher, bytes), its entities and its
attributions with their chains and byte spans, plus the record's url and date when a JSON
Lines record had them. Memory stays the same however long the input. `provgraph merge`
joins such files into one graph, the same graph `build` makes from the same documents.";

const MERGE_ABOUT: &str = "Merge extract output and JSON graphs into one graph";

const MERGE_LONG_ABOUT: &str = "\
Merge extract output and JSON graphs into one graph, the one `build` makes from all their
documents: the reduce step of a large run.

Inputs are files written by `provgraph extract` (JSON Lines, .jsonl or .ndjson) or by
`provgraph build` or `merge` (JSON graphs, .json), gzipped or not, or - for standard
input; a file is told by its extension, else by how it starts. Merging is associative and
commutative: shards may be merged in any grouping and order. A document may come only
once: the same document id in two inputs is an error.

The format is --format if given, else the extension of -o, else JSON, as for build.";

const AUDIT_ABOUT: &str =
    "Audit the chains: sourcing profiles, dependence on outlets, flags with their evidence";

const AUDIT_LONG_ABOUT: &str = "\
Audit the chains: who the statements trace to, which outlets each publisher leans on, and
patterns worth a look, each figure with the attribution ids (and byte spans) behind it.

Inputs are articles (as for build), extract output (.jsonl files that extract wrote) and
JSON graphs (.json files that build or merge wrote), in any mix: articles are analysed,
the rest merged, into one graph, which is audited. A .jsonl file given by name is
extract output when its first line starts {\"document\", otherwise articles; directories
and - hold articles.

Output: Markdown on standard output, or -o FILE: .json (schema provgraph-audit/1, every
row and every figure with its attribution ids), .html (the html report of build, with
the audit's tables after its summary), .csv (a directory of CSV tables, written as
neo4j's: a new or empty directory, or a previous audit's), .md (the Markdown); or
--format markdown, json, html or csv.

Tables:
  sourcing profile  per publisher and per document: statements; the kind of their origin
                    (the first source of the chain): named people, named organizations
                    (and groups), outlets, unnamed sources (\"officials\"), no source (an
                    empty chain: never from the analysis, which keeps only statements
                    credited to someone); chains of 1, 2, 3+ hops; and the statements
                    that reached the page through an outlet: whose chain names an outlet
                    (news agencies included) other than the publisher, the origin too
  dependence        publisher x outlet leaned on (as just defined), with the share of the
                    publisher's statements; documents without a known publisher are
                    counted together as \"(unknown publisher)\"
  origins           for each origin, the publishers that carried it and through which
                    relays (Markdown and html list those carried by two or more documents)
  claims            the same statement in several documents: found in the articles'
                    texts; a graph input brings the claims it carries (build --claims)

Flags (each with its attributions, documents, spans and a one-line reason):
  circular_citation     A passed words on to B and B to A: edges both ways in the graph
                        (a published edge, last relay -> publisher, counts), in one
                        document or across documents
  unnamed_many_outlets  one unnamed source taken first hand by two or more outlets: the
                        same unnamed node (unnamed ids end with their document's id, so
                        this is within one document), or the unnamed origins of one claim
                        across documents; an appearance's outlet is the first outlet
                        after the origin, else the publisher, so one outlet relaying the
                        source twice does not fire
  long_chain            a statement passed on three or more times between its origin and
                        the page: the arrows of its line in `chains`, the one to the
                        publisher included (origin -> relay -> relay -> publisher fires;
                        origin -> relay -> publisher does not)
  single_origin         a document of two or more statements that all trace to one origin
  self_citation         a chain names the document's own publisher (\"Reuters reported
                        in June\" in a Reuters story)
  different_origins     a claim whose appearances are credited to two or more different
                        named origins (unnamed ones such as \"officials\", descriptions
                        such as \"the coalition\" and part of a name such as \"Kadyrov\"
                        beside \"Ramzan Kadyrov\" are not counted as others);
                        fires only when claims were found

Markdown and html show the first --top rows of each long table (html: 100) and say how
many more there are; -o audit.json and -o audit.csv hold every row.";

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
pub(crate) struct Args {
    #[command(subcommand)]
    pub command: Command,

    /// Wait until a file written with -o is on disk, before and after it replaces the target:
    /// safe even from a power failure, but slower
    #[arg(long, global = true)]
    pub sync: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    #[command(about = BUILD_ABOUT, long_about = BUILD_LONG_ABOUT, after_help = AFTER_HELP)]
    Build(BuildArgs),
    #[command(about = CHAINS_ABOUT, long_about = CHAINS_LONG_ABOUT, after_help = AFTER_HELP)]
    Chains(ChainsArgs),
    #[command(about = RENDER_ABOUT, long_about = RENDER_LONG_ABOUT, after_help = AFTER_HELP)]
    Render(RenderArgs),
    #[command(about = EXTRACT_ABOUT, long_about = EXTRACT_LONG_ABOUT, after_help = AFTER_HELP)]
    Extract(ExtractArgs),
    #[command(about = MERGE_ABOUT, long_about = MERGE_LONG_ABOUT)]
    Merge(MergeArgs),
    #[command(about = EXPLAIN_ABOUT, long_about = EXPLAIN_LONG_ABOUT, after_help = AFTER_HELP)]
    Explain(ChainsArgs),
    #[command(about = AUDIT_ABOUT, long_about = AUDIT_LONG_ABOUT, after_help = AFTER_HELP)]
    Audit(AuditArgs),
}

#[derive(Debug, clap::Args)]
pub(crate) struct AuditArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: markdown, json, html or csv [default: from the extension of -o (.md,
    /// .json, .html, .csv), else markdown]
    #[arg(short, long, value_name = "FORMAT", value_parser = parse_audit_format)]
    pub format: Option<AuditFormat>,

    /// Write to FILE instead of standard output, replaced whole or not at all (csv: the
    /// directory FILE)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Rows of each long table in the Markdown; 0 for all [default: 10]
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    #[command(flatten)]
    pub draw: DrawArgs,

    /// As for merge: refuse a line of extract output longer than SIZE bytes [default: 64M]
    #[arg(long, value_name = "SIZE", value_parser = parse_max_line_bytes)]
    pub max_line_bytes: Option<u64>,

    /// As for merge: refuse a JSON graph larger than SIZE bytes [default: 256M]
    #[arg(long, value_name = "SIZE", value_parser = parse_max_graph_bytes)]
    pub max_graph_bytes: Option<u64>,
}

/// What `audit` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AuditFormat {
    #[value(name = "markdown", alias = "md")]
    Markdown,
    #[value(name = "json")]
    Json,
    #[value(name = "html", alias = "htm")]
    Html,
    #[value(name = "csv")]
    Csv,
}

/// `audit --format NAME`, in any case.
fn parse_audit_format(name: &str) -> Result<AuditFormat, Error> {
    AuditFormat::from_str(name, true).map_err(|_| {
        Error::usage(
            format_args!("unknown audit format {}", super::error::shorten(name)),
            "audit writes markdown, json, html or csv",
            "give one of these with --format",
        )
    })
}

/// The format of `audit`: `--format` wins, else the ending of `-o`, else Markdown.
pub(super) fn audit_format(
    format: Option<AuditFormat>,
    output: Option<&Path>,
) -> Result<AuditFormat, Error> {
    if let Some(format) = format {
        return Ok(format);
    }
    let Some(path) = output_file(output) else {
        return Ok(AuditFormat::Markdown);
    };
    // The format names and their aliases are the extensions.
    let extension = lower_extension(path).unwrap_or_default();
    AuditFormat::from_str(&extension, true).map_err(|_| {
        Error::usage(
            format_args!(
                "cannot tell the audit format of {}",
                super::error::shown_path(path)
            ),
            "audit writes .md, .json, .html or .csv (a directory)",
            "name the file so, or give --format",
        )
    })
}

/// The extension of `path`, in lower case.
fn lower_extension(path: &Path) -> Option<String> {
    (path.extension()).map(|extension| extension.to_string_lossy().to_ascii_lowercase())
}

#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format: json, dot, graphml, gexf, prov-json, prov-n, cytoscape, neo4j, cypher,
    /// csv or html [default: from the extension of -o, else json]
    #[arg(short, long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Write to FILE instead of standard output; the file is replaced whole or not at all
    /// (neo4j: the directory FILE)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub draw: DrawArgs,

    /// Find claims: statements that two or more documents carry (the same words, quoted or
    /// paraphrased, with no number, name or negation changed), each with its appearances, their
    /// dates and chains, earliest first; written as the JSON's `claims` and PROV's
    /// wasDerivedFrom
    #[arg(long)]
    pub claims: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The picture to write: a .svg, .png or .pdf file, replaced whole or not at all
    #[arg(short, long, value_name = "FILE", required = true)]
    pub output: PathBuf,

    /// Box the sources that only one document names with that document
    #[arg(long)]
    pub clusters: bool,

    #[command(flatten)]
    pub draw: DrawArgs,
}

/// How Graphviz draws: `render`, and the diagram of the html report.
#[derive(Debug, clap::Args)]
pub(crate) struct DrawArgs {
    /// Draw at most N sources (render, html): a larger graph is drawn as its relay core, the
    /// sources that relay or publish the most attributions (never one without an edge to
    /// another drawn source), and a note says what was left out; 0 draws all [default: 40]
    #[arg(long, value_name = "N")]
    pub draw_max_nodes: Option<usize>,

    /// Stop Graphviz's dot after SECONDS (render, html); 0 for no limit [default: 60]
    #[arg(long, value_name = "SECONDS")]
    pub dot_timeout: Option<u64>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ChainsArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write to FILE instead of standard output; the file is replaced whole or not at all
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct MergeArgs {
    /// Files to merge: extract output (.jsonl), JSON graphs (.json), or - for standard input
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Output format, as for build (the html report shows no article text) [default: from the
    /// extension of -o, else json]
    #[arg(short, long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,

    /// Write to FILE instead of standard output; the file is replaced whole or not at all
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub draw: DrawArgs,
    /// Refuse a line of extract output (one document's analysis) longer than SIZE bytes,
    /// without reading it whole; K, M and G count 1024s [default: 64M]
    #[arg(long, value_name = "SIZE", value_parser = parse_max_line_bytes)]
    pub max_line_bytes: Option<u64>,

    /// Refuse a JSON graph larger than SIZE bytes (after decompression), without reading it
    /// whole; reading one takes about five times its size in memory [default: 256M]
    #[arg(long, value_name = "SIZE", value_parser = parse_max_graph_bytes)]
    pub max_graph_bytes: Option<u64>,

    /// Keep the claims of the input graphs (build --claims), joining those that share an
    /// attribution or whose texts make the same statement; without the texts, a statement
    /// that is in one document of each input is not found (build from the articles for that)
    #[arg(long)]
    pub claims: bool,
}

/// How the documents are read and analysed; shared by the commands that analyse.
#[derive(Debug, clap::Args)]
pub(crate) struct InputArgs {
    /// Articles to read: files (.txt, .jsonl, .ndjson, .html, .htm, and .gz of these),
    /// directories, or - for standard input
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Format of standard input and of files whose extension names none: txt, jsonl or html
    /// [default: sniffed]
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub input_format: Option<InputFormat>,

    /// Stop at the first document that cannot be analysed (unreadable, not UTF-8, binary, too
    /// large, a bad JSON Lines record) with exit status 1, instead of skipping it with a warning
    #[arg(long)]
    pub strict: bool,

    /// Skip documents larger than SIZE bytes (a file, after decompression; a JSON Lines line;
    /// standard input) without reading them whole; K, M and G (also KiB, MiB, GiB) count 1024s
    /// [default: 16M]
    #[arg(long, value_name = "SIZE", value_parser = parse_max_doc_bytes)]
    pub max_doc_bytes: Option<u64>,

    /// Also write each document's text, which the byte offsets refer to, to DIR/<id>.txt (for
    /// HTML, the extracted main text)
    #[arg(long, value_name = "DIR")]
    pub emit_text: Option<PathBuf>,

    /// Analyse on N threads, at most 4 per core and one per document; the output is the same
    /// for any N [default: one per core]
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<NonZeroUsize>,
}

/// The output formats of `build` and `merge`, by their names for `--format` (in the order that
/// help and messages list them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    #[value(name = "json")]
    Json,
    #[value(name = "dot", alias = "gv")]
    Dot,
    #[value(name = "graphml")]
    Graphml,
    #[value(name = "gexf")]
    Gexf,
    #[value(name = "prov-json", alias = "provjson")]
    ProvJson,
    #[value(name = "prov-n", alias = "provn")]
    ProvN,
    #[value(name = "cytoscape", alias = "cyjs")]
    Cytoscape,
    #[value(name = "neo4j")]
    Neo4j,
    #[value(name = "cypher", alias = "cql")]
    Cypher,
    #[value(name = "csv")]
    Csv,
    #[value(name = "html", alias = "htm")]
    Html,
}

/// The endings of file names that imply each format. Longer endings come first where one ends
/// another; neo4j writes a directory, which has none.
const FILE_ENDINGS: &[(Format, &[&str])] = &[
    (Format::ProvJson, &[".prov.json"]),
    (Format::Cytoscape, &[".cytoscape.json", ".cyjs"]),
    (Format::Json, &[".json"]),
    (Format::Dot, &[".dot", ".gv"]),
    (Format::Graphml, &[".graphml"]),
    (Format::Gexf, &[".gexf"]),
    (Format::ProvN, &[".provn", ".prov-n"]),
    (Format::Cypher, &[".cypher", ".cql"]),
    (Format::Csv, &[".csv"]),
    (Format::Html, &[".html", ".htm"]),
];

/// The endings that messages suggest.
const SUGGESTED_ENDINGS: &str =
    ".json, .dot, .gv, .graphml, .gexf, .prov.json, .provn, .cyjs, .cypher, .csv or .html";

/// What `render` draws, by the extension of its file: the format `dot` is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Picture {
    Svg,
    Png,
    Pdf,
}

/// Where `build` writes: a file, or standard output when there is no `-o` or it is `-`.
pub(super) fn output_file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| path.as_os_str() != "-")
}

/// `names` joined as a message lists them: `a, b or c`.
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The names of the formats, as messages list them.
fn format_names() -> String {
    let values: Vec<clap::builder::PossibleValue> = Format::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .collect();
    let names: Vec<&str> = values.iter().map(|value| value.get_name()).collect();
    listed(&names)
}

/// `--format NAME`, in any case: a format's name or alias. A picture's name points to `render`.
fn parse_format(name: &str) -> Result<Format, Error> {
    if let Ok(format) = Format::from_str(name, true) {
        return Ok(format);
    }
    let fix = match Picture::from_str(name, true) {
        Ok(_) => format!(
            "to draw the graph, use provgraph render -o graph.{}",
            name.to_ascii_lowercase()
        ),
        Err(_) => "give one of these with --format".to_string(),
    };
    Err(Error::usage(
        format_args!("unknown format {}", super::error::shorten(name)),
        format_args!("provgraph writes {}", format_names()),
        fix,
    ))
}

/// The output format: `--format` wins, else the ending of the output file's name, else JSON.
pub(super) fn output_format(
    format: Option<Format>,
    output: Option<&Path>,
) -> Result<Format, Error> {
    if let Some(format) = format {
        return Ok(format);
    }
    let Some(path) = output_file(output) else {
        return Ok(Format::Json);
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let found = FILE_ENDINGS.iter().find(|(_, endings)| {
        endings
            .iter()
            .any(|ending| name.len() > ending.len() && name.ends_with(ending))
    });
    if let Some((format, _)) = found {
        return Ok(*format);
    }
    // A name without an extension (`/dev/null`, `graph`) says nothing: JSON, as help says.
    if Path::new(&name).extension().is_none() {
        return Ok(Format::Json);
    }
    Err(unknown_output_format(path))
}

/// Why the format of `path` cannot be told from its extension.
fn unknown_output_format(path: &Path) -> Error {
    let extension = lower_extension(path).unwrap_or_default();
    let shown = super::error::shown_path(path);
    if Picture::from_str(&extension, true).is_ok() {
        return Error::usage(
            format_args!("cannot write {shown} with build"),
            format_args!(".{extension} is a picture"),
            format_args!("draw it with provgraph render -o {shown}"),
        );
    }
    Error::usage(
        format_args!("cannot tell the output format of {shown}"),
        format_args!(
            ".{} is not a known extension",
            super::error::shorten(&extension)
        ),
        format_args!(
            "name the file {SUGGESTED_ENDINGS}, or give --format (neo4j writes a directory)"
        ),
    )
}

/// The picture format from the extension of the output file.
pub(super) fn picture_format(output: &Path) -> Result<Picture, Error> {
    let extension = lower_extension(output);
    if let Some(picture) = extension
        .as_deref()
        .and_then(|extension| Picture::from_str(extension, true).ok())
    {
        return Ok(picture);
    }
    Err(Error::usage(
        format_args!(
            "cannot tell the picture format of {}",
            super::error::shown_path(output)
        ),
        match extension {
            Some(other) => format!(".{other} is not a picture format provgraph draws"),
            None => "the file name has no extension".to_string(),
        },
        "name the file .svg, .png or .pdf",
    ))
}

/// `--input-format NAME`, in any case.
fn parse_input_format(name: &str) -> Result<InputFormat, Error> {
    InputFormat::parse(name).ok_or_else(|| {
        Error::usage(
            format_args!("unknown input format {}", super::error::shorten(name)),
            "provgraph reads txt, jsonl and html",
            "use --input-format txt, jsonl or html",
        )
    })
}

/// `--threads N`: at least one. Text that is not a number is clap's to report.
fn parse_threads(text: &str) -> Result<NonZeroUsize, Box<dyn std::error::Error + Send + Sync>> {
    let threads: usize = text.parse()?;
    NonZeroUsize::new(threads).ok_or_else(|| {
        Error::usage(
            "--threads 0 is no threads",
            "the documents need at least one",
            "give --threads 1 or more, or leave it out for one per core",
        )
        .into()
    })
}

/// How many threads per core a run starts at most, whatever `--threads` asks: the analysis
/// keeps a core busy, so more threads than this only wait for each other (and each costs a
/// stack and a start; `-j 100000` once spent minutes starting threads for one document).
pub(super) const MAX_THREADS_PER_CORE: usize = 4;

/// The number of threads: `--threads` if given, else one per core; never more than
/// [`MAX_THREADS_PER_CORE`] per core.
pub(super) fn threads(threads: Option<NonZeroUsize>) -> NonZeroUsize {
    let cores = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    let most = cores.saturating_mul(NonZeroUsize::new(MAX_THREADS_PER_CORE).expect("not 0"));
    threads.unwrap_or(cores).min(most)
}

/// `--max-doc-bytes SIZE`: a number of bytes, perhaps with a unit (`16M`, `512KiB`), at least 1.
fn parse_max_doc_bytes(size: &str) -> Result<u64, Error> {
    parse_size("--max-doc-bytes", "would skip every document", "16M", size)
}

/// `merge --max-line-bytes SIZE`, as [`parse_max_doc_bytes`].
fn parse_max_line_bytes(size: &str) -> Result<u64, Error> {
    parse_size("--max-line-bytes", "would refuse every line", "64M", size)
}

/// `merge --max-graph-bytes SIZE`, as [`parse_max_doc_bytes`].
fn parse_max_graph_bytes(size: &str) -> Result<u64, Error> {
    parse_size(
        "--max-graph-bytes",
        "would refuse every graph",
        "256M",
        size,
    )
}

/// The size given to `flag`: a number of bytes, perhaps with a unit, at least 1; `zero` says
/// what 0 would do, and `default` is the flag's default.
fn parse_size(flag: &str, zero: &str, default: &str, size: &str) -> Result<u64, Error> {
    let bad = || {
        Error::usage(
            format_args!("{flag} {} is not a size", super::error::shorten(size)),
            "expected a number of bytes, perhaps with K, M or G",
            "give it as 16777216, 16M or 16MiB",
        )
    };
    let text = size.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 = number.parse().map_err(|_| bad())?;
    let unit = unit_bytes(unit.trim()).ok_or_else(bad)?;
    match number.checked_mul(unit) {
        Some(0) => Err(Error::usage(
            format_args!("{flag} 0 {zero}"),
            "the limit must be at least one byte",
            format_args!("give a larger size, or leave it out for {default}"),
        )),
        Some(bytes) => Ok(bytes),
        None => Err(bad()),
    }
}

/// The bytes in one `unit` of a size: none or `B` is one; `K`, `M` and `G`, alone or followed
/// by `B` or `iB`, in any case, are powers of 1024.
fn unit_bytes(unit: &str) -> Option<u64> {
    let unit = unit.to_ascii_lowercase();
    if unit.is_empty() || unit == "b" {
        return Some(1);
    }
    let mut chars = unit.chars();
    let shift = match chars.next()? {
        'k' => 10,
        'm' => 20,
        'g' => 30,
        _ => return None,
    };
    matches!(chars.as_str(), "" | "b" | "ib").then_some(1 << shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn size(text: &str) -> Result<u64, String> {
        parse_max_doc_bytes(text).map_err(|err| {
            assert_eq!(err.exit_code(), 2, "a usage error");
            err.to_string()
        })
    }

    #[test]
    fn max_doc_bytes_takes_bytes_and_units_of_1024() {
        assert_eq!(size("1000"), Ok(1000));
        assert_eq!(size("16M"), Ok(16 << 20));
        assert_eq!(size("512KiB"), Ok(512 << 10));
        assert_eq!(size("3kb"), Ok(3 << 10));
        assert_eq!(size("2 g"), Ok(2 << 30));
        assert_eq!(size("7B"), Ok(7));
        assert_eq!(size(" 5 "), Ok(5));
    }

    #[test]
    fn max_doc_bytes_refuses_what_is_not_a_size() {
        let not_a_size = |text: &str| {
            format!(
                "--max-doc-bytes {text} is not a size: expected a number of bytes, perhaps with K, M or G; give it as 16777216, 16M or 16MiB"
            )
        };
        for text in [
            "lots",
            "16T",
            "16Mi",
            "16 MiBs",
            "K",
            "",
            "99999999999999999999",
            "-1",
        ] {
            assert_eq!(size(text), Err(not_a_size(text)), "{text:?}");
        }
        assert_eq!(
            size("0k"),
            Err("--max-doc-bytes 0 would skip every document: the limit must be at least one byte; give a larger size, or leave it out for 16M".to_string())
        );
    }

    #[test]
    fn threads_are_one_or_more() {
        assert_eq!(parse_threads("3").unwrap().get(), 3);
        let zero = parse_threads("0").unwrap_err();
        assert_eq!(
            zero.to_string(),
            "--threads 0 is no threads: the documents need at least one; give --threads 1 or more, or leave it out for one per core"
        );
        assert!(zero.downcast_ref::<Error>().is_some(), "ours to report");
        let word = parse_threads("many").unwrap_err();
        assert!(word.downcast_ref::<Error>().is_none(), "clap's to report");
        assert!(threads(None).get() >= 1);
        let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        let many = threads(NonZeroUsize::new(100_000)).get();
        assert_eq!(many, MAX_THREADS_PER_CORE * cores, "bounded");
        assert_eq!(threads(NonZeroUsize::new(1)).get(), 1);
    }

    #[test]
    fn input_formats_have_names_and_aliases_in_any_case() {
        let cases = [
            ("txt", InputFormat::Txt),
            ("TEXT", InputFormat::Txt),
            ("jsonl", InputFormat::Jsonl),
            ("ndjson", InputFormat::Jsonl),
            ("Html", InputFormat::Html),
            ("htm", InputFormat::Html),
        ];
        for (name, format) in cases {
            assert_eq!(parse_input_format(name).unwrap(), format, "{name}");
        }
        assert_eq!(
            parse_input_format("pdf").unwrap_err().to_string(),
            "unknown input format pdf: provgraph reads txt, jsonl and html; use --input-format txt, jsonl or html"
        );
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Args::command().debug_assert();
    }

    fn check(format: Option<&str>, output: Option<&str>, expected: Result<Format, &str>) {
        let got = format
            .map(parse_format)
            .transpose()
            .and_then(|format| output_format(format, output.map(Path::new)))
            .map_err(|err| {
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
    fn every_format_has_its_names_and_endings() {
        let cases = [
            ("graphml", "g.graphml", Format::Graphml),
            ("gexf", "g.gexf", Format::Gexf),
            ("prov-json", "g.prov.json", Format::ProvJson),
            ("provjson", "G.PROV.JSON", Format::ProvJson),
            ("prov-n", "g.provn", Format::ProvN),
            ("provn", "g.prov-n", Format::ProvN),
            ("cytoscape", "g.cyjs", Format::Cytoscape),
            ("cyjs", "g.cytoscape.json", Format::Cytoscape),
            ("cypher", "g.cypher", Format::Cypher),
            ("cql", "g.cql", Format::Cypher),
            ("csv", "g.csv", Format::Csv),
            ("html", "report.html", Format::Html),
            ("htm", "report.htm", Format::Html),
            ("gv", "g.gv", Format::Dot),
        ];
        for (name, file, format) in cases {
            check(Some(name), None, Ok(format));
            check(None, Some(file), Ok(format));
        }
        check(Some("neo4j"), Some("import-dir"), Ok(Format::Neo4j));
        // A name without an extension says nothing: JSON, as help says.
        check(None, Some(".json"), Ok(Format::Json));
        check(None, Some("/dev/null"), Ok(Format::Json));
        check(None, Some("graph"), Ok(Format::Json));
    }

    #[test]
    fn unknown_formats_are_usage_errors() {
        check(
            Some("xml"),
            Some("graph.json"),
            Err(
                "unknown format xml: provgraph writes json, dot, graphml, gexf, prov-json, prov-n, cytoscape, neo4j, cypher, csv or html; give one of these with --format",
            ),
        );
        check(
            Some("SVG"),
            None,
            Err(
                "unknown format SVG: provgraph writes json, dot, graphml, gexf, prov-json, prov-n, cytoscape, neo4j, cypher, csv or html; to draw the graph, use provgraph render -o graph.svg",
            ),
        );
        check(
            None,
            Some("graph.xml"),
            Err(
                "cannot tell the output format of graph.xml: .xml is not a known extension; name the file .json, .dot, .gv, .graphml, .gexf, .prov.json, .provn, .cyjs, .cypher, .csv or .html, or give --format (neo4j writes a directory)",
            ),
        );
        check(
            None,
            Some("graph.png"),
            Err(
                "cannot write graph.png with build: .png is a picture; draw it with provgraph render -o graph.png",
            ),
        );
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(listed(&[]), "");
        assert_eq!(listed(&["a"]), "a");
        assert_eq!(listed(&["a", "b"]), "a or b");
        assert_eq!(listed(&["a", "b", "c"]), "a, b or c");
    }

    #[test]
    fn pictures_come_from_the_extension() {
        assert_eq!(picture_format(Path::new("a/g.svg")).unwrap(), Picture::Svg);
        assert_eq!(picture_format(Path::new("g.PNG")).unwrap(), Picture::Png);
        assert_eq!(picture_format(Path::new("g.pdf")).unwrap(), Picture::Pdf);
        let err = picture_format(Path::new("g.jpg")).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "cannot tell the picture format of g.jpg: .jpg is not a picture format provgraph draws; name the file .svg, .png or .pdf"
        );
        assert_eq!(
            picture_format(Path::new("graph")).unwrap_err().to_string(),
            "cannot tell the picture format of graph: the file name has no extension; name the file .svg, .png or .pdf"
        );
    }
}
