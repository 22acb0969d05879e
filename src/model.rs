//! The result of analysing one document: entities, attributions with their chains, the publisher.
//!
//! These are plain data, serializable, and independent of any output format: the graph
//! (`graph.rs`) merges them across documents and `export` turns the graph into files.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of source a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Outlet,
    Group,
    Unnamed,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Person,
        Kind::Organization,
        Kind::Outlet,
        Kind::Group,
        Kind::Unnamed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Outlet => "outlet",
            Kind::Group => "group",
            Kind::Unnamed => "unnamed",
        }
    }
}

/// How a hop conveyed the content (and, on edges, `Published` for the last relay to the publisher).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Said,
    Reported,
    Quoted,
    Cited,
    AccordingTo,
    Via,
    Interview,
    /// Only on edges: from the last relay of a chain to the document's publisher.
    Published,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Said => "said",
            Relation::Reported => "reported",
            Relation::Quoted => "quoted",
            Relation::Cited => "cited",
            Relation::AccordingTo => "according_to",
            Relation::Via => "via",
            Relation::Interview => "interview",
            Relation::Published => "published",
        }
    }
}

/// A real-world source as one document sees it, after coreference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable slug of the canonical label; the node id in the graph.
    pub id: String,
    pub label: String,
    pub kind: Kind,
    /// Other names it was mentioned by (pronouns excluded), sorted, without the label.
    pub aliases: Vec<String>,
    /// Roles seen with the name ("US National Security Adviser"), sorted.
    pub titles: Vec<String>,
    /// How many times the document mentions it (pronouns and descriptions included).
    pub mentions: usize,
}

/// One element of a chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// The entity id (node id).
    pub node: String,
    /// Where this source is named for this statement (a pronoun or description counts).
    pub mention: Option<Span>,
    /// The words that attribute to it ("said", "quoted by", "according to").
    pub cue: Option<Span>,
    pub relation: Relation,
}

/// A statement the document attributes to a source, with the chain it travelled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// `<document id>#<n>`, n counting from 1 in document order.
    pub id: String,
    pub document: String,
    /// The whole statement: content, source mentions and cues.
    pub span: Span,
    /// The reported words, where there are any.
    pub content: Option<Span>,
    /// True when the content is a verbatim quotation.
    pub direct: bool,
    /// Origin first, last relay last; the publisher is never part of it.
    pub hops: Vec<Hop>,
    /// The name of the rule that found it (for debugging and audits).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

impl Attribution {
    pub fn chain(&self) -> impl Iterator<Item = &str> {
        self.hops.iter().map(|hop| hop.node.as_str())
    }
}

/// Facts about one input document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub path: Option<String>,
    pub title: Option<String>,
    /// Node id of the outlet that published the document, where known.
    pub publisher: Option<String>,
    pub publisher_mention: Option<Span>,
    pub bytes: usize,
    /// When it was published, as its input gave it (JSON Lines `date`, else an HTML page's
    /// `article:published_time` or JSON-LD `datePublished`; kept as written, and ISO dates such
    /// as `2013-03-22` sort in time order); none when the input does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One statement carried by several documents: the attributions whose contents say the same
/// thing (near-duplicate words, quotation or paraphrase), found across the whole run.
///
/// A claim belongs to one [`ProvGraph`](crate::ProvGraph): its appearances are places in that
/// graph's `attributions`, so that each appearance costs a number, not a copy of the attribution's
/// id, document, date and chain. [`ProvGraph::appearances`](crate::ProvGraph::appearances) gives
/// them with their attributions and documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// A stable id, `claim-` and a hash of the earliest appearance's attribution id.
    pub id: String,
    /// The words of the earliest appearance's content, as the document has them.
    pub text: String,
    /// Every appearance as an index into the graph's `attributions`, earliest first (by date,
    /// then document id, then position): the first is the earliest.
    pub appearances: Vec<usize>,
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
}

/// Something odd about the input that extraction worked around.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentAnalysis {
    pub document: Document,
    /// Sorted by id.
    pub entities: Vec<Entity>,
    /// Sorted by span, ids numbered in that order.
    pub attributions: Vec<Attribution>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}
