//! The audit of a graph: the questions people audit citation chains for, answered from the
//! graph alone, each figure with the attribution ids behind it. Plain data, no formatting
//! (`export::audit` writes it as Markdown, JSON, CSV or HTML).
//!
//! Terms, as every table and flag uses them:
//! - A *statement* is an attribution; its *origin* is the first hop of its chain (`chain[0]`).
//! - The *kind of the origin* is the node's kind in the graph: named people (`person`), named
//!   organizations (`organization` and `group`), outlets (`outlet`), unnamed sources
//!   (`unnamed`), and *no source* for an attribution whose chain is empty. The analysis never
//!   makes one (a statement nobody is credited with is not an attribution, so it is not
//!   counted at all); a graph put together by other tools may hold some.
//! - The *chain length* counts the hops from the origin to the last relay (1, 2, 3 or more);
//!   the publisher is not a hop.
//! - An outlet the page *leans on* for a statement is a hop of kind outlet (news agencies are
//!   outlets; [`NodeRef::agency`] tells them apart) other than the document's publisher, the
//!   origin included: "Reuters reported" in a BBC story means the BBC got the words from
//!   Reuters. A statement that *reached the page through another outlet* is one that leans on
//!   at least one.
//! - Documents without a known publisher are grouped as one publisher, `None`.

mod dependence;
mod flags;
mod profile;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::graph::{Appearance, ProvGraph};
use crate::model::Kind;
use crate::span::Span;

pub use flags::FlagKind;
pub use profile::{Length, OriginKind};

/// Everything the audit found, in a deterministic order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// The number of documents audited.
    pub documents: usize,
    /// The sourcing profile of the whole run.
    pub total: Profile,
    /// One per publisher (documents without a known publisher together, `publisher: None`,
    /// last), by publisher id.
    pub publishers: Vec<PublisherProfile>,
    /// One per document, by document id.
    pub document_profiles: Vec<DocumentProfile>,
    /// Publisher x outlet leaned on, most attributions first (then by publisher, outlet).
    pub dependence: Vec<Dependence>,
    /// Every origin, carried by the most documents first (then most attributions, then id).
    pub origins: Vec<Origin>,
    /// By kind (in the order of [`FlagKind::ALL`]), then the most evidence first, then subject.
    pub flags: Vec<Flag>,
    /// One per claim of the graph (empty unless claims were found), as the graph orders them.
    pub claims: Vec<ClaimSummary>,
    /// The label and kind of every node the audit names, by id.
    pub nodes: BTreeMap<String, NodeRef>,
}

/// How to show a node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeRef {
    pub label: String,
    pub kind: Kind,
    /// A news agency the lexicon knows (Reuters, AP, AFP, TASS, ...).
    pub agency: bool,
}

/// How a set of statements is sourced: each figure is the list of the attribution ids it
/// counts (in the graph's order), so that its evidence goes with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Every statement.
    pub statements: Vec<String>,
    /// By the kind of the origin, indexed by [`OriginKind`].
    pub origins: [Vec<String>; OriginKind::ALL.len()],
    /// By the number of hops, indexed by [`Length`]; statements without a source are in none.
    pub lengths: [Vec<String>; Length::ALL.len()],
    /// The statements that reached the page through an outlet other than the publisher.
    pub through_outlet: Vec<String>,
}

impl Profile {
    /// `part` as a share of the statements, 0 when there are none.
    pub fn share(&self, part: &[String]) -> f64 {
        if self.statements.is_empty() {
            0.0
        } else {
            part.len() as f64 / self.statements.len() as f64
        }
    }

    pub fn origin(&self, kind: OriginKind) -> &[String] {
        &self.origins[kind as usize]
    }

    pub fn length(&self, length: Length) -> &[String] {
        &self.lengths[length as usize]
    }
}

/// The statements of one publisher's documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PublisherProfile {
    /// The publisher's node id; `None` for the documents whose publisher is not known.
    pub publisher: Option<String>,
    /// By id.
    pub documents: Vec<String>,
    pub profile: Profile,
}

/// The statements of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentProfile {
    pub document: String,
    pub publisher: Option<String>,
    pub profile: Profile,
    /// The distinct origins of its statements, by id.
    pub origins: Vec<String>,
}

/// The statements of one publisher that lean on one outlet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dependence {
    pub publisher: Option<String>,
    /// The outlet leaned on (a relay, or the origin when an outlet is the origin).
    pub outlet: String,
    /// By id.
    pub documents: Vec<String>,
    pub attributions: Vec<String>,
}

/// One origin: who carried it, through which relays.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub origin: String,
    /// By id.
    pub documents: Vec<String>,
    pub attributions: Vec<String>,
    /// One per (publisher, relays), by publisher (unknown last) then relays.
    pub carriers: Vec<Carrier>,
}

/// A publisher that carried an origin's statements through one sequence of relays.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Carrier {
    pub publisher: Option<String>,
    /// The hops after the origin, in chain order (empty: straight from the origin).
    pub relays: Vec<String>,
    pub attributions: Vec<String>,
}

/// Something worth a look, with its evidence and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    /// What it is about: node ids, a document id or a claim id.
    pub subject: Vec<String>,
    /// One line.
    pub reason: String,
    /// By id.
    pub documents: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// One attribution behind a flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub attribution: String,
    pub document: String,
    /// The whole statement's bytes in its document.
    pub span: Span,
    /// What this attribution shows ("reuters -> associated-press", "origin tass").
    pub note: String,
}

/// A claim of the graph: the same statement in several documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClaimSummary {
    pub id: String,
    pub text: String,
    pub earliest: String,
    /// The appearances' attribution ids, earliest first.
    pub attributions: Vec<String>,
    /// By id.
    pub documents: Vec<String>,
    /// The distinct origins of the appearances, by id.
    pub origins: Vec<String>,
}

/// Audits the graph.
pub fn audit(graph: &ProvGraph) -> Audit {
    let facts = Facts::of(graph);
    let (total, publishers, document_profiles) = profile::profiles(graph, &facts);
    let mut audit = Audit {
        documents: graph.documents.len(),
        total,
        publishers,
        document_profiles,
        dependence: dependence::dependence(graph, &facts),
        origins: dependence::origins(graph, &facts),
        flags: flags::flags(graph, &facts),
        claims: claim_summaries(graph),
        nodes: BTreeMap::new(),
    };
    audit.nodes = named_nodes(graph, &facts, &audit);
    audit
}

/// What every part of the audit asks of the graph, looked up once.
pub(crate) struct Facts<'g> {
    /// Each document's publisher, by document id (hash maps: looked up for every hop, and
    /// never iterated).
    publisher: FxHashMap<&'g str, Option<&'g str>>,
    /// Each node's kind, by id.
    kind: FxHashMap<&'g str, Kind>,
    /// The node ids of the news agencies the lexicon knows.
    agencies: std::collections::BTreeSet<&'static str>,
}

impl<'g> Facts<'g> {
    fn of(graph: &'g ProvGraph) -> Facts<'g> {
        let agencies = crate::lexicon::lexicon()
            .outlets
            .iter()
            .filter(|outlet| outlet.kind == crate::lexicon::OutletKind::Agency)
            .map(|outlet| outlet.id.as_str())
            .collect();
        Facts {
            publisher: graph
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d.publisher.as_deref()))
                .collect(),
            kind: graph.nodes().map(|n| (n.id.as_str(), n.kind)).collect(),
            agencies,
        }
    }

    /// The publisher of `document`, if known.
    fn publisher(&self, document: &str) -> Option<&'g str> {
        self.publisher.get(document).copied().flatten()
    }

    /// The kind of node `id` (unnamed for a node the graph does not have).
    fn kind(&self, id: &str) -> Kind {
        self.kind.get(id).copied().unwrap_or(Kind::Unnamed)
    }

    fn is_agency(&self, id: &str) -> bool {
        self.agencies.contains(id)
    }

    /// Whether node `id` is an outlet: of kind outlet in the graph (news agencies are), so
    /// that every figure can be recomputed from the JSON graph alone.
    fn is_outlet(&self, id: &str) -> bool {
        self.kind(id) == Kind::Outlet
    }

    /// The outlets other than the publisher that a statement of `document` with `chain` leans
    /// on, each once, in chain order.
    fn leaned_on<'c>(&self, document: &str, chain: &'c [crate::model::Hop]) -> Vec<&'c str> {
        let publisher = self.publisher(document);
        let mut outlets: Vec<&str> = Vec::new();
        for hop in chain {
            let id = hop.node.as_str();
            if Some(id) != publisher && self.is_outlet(id) && !outlets.contains(&id) {
                outlets.push(id);
            }
        }
        outlets
    }
}

fn claim_summaries(graph: &ProvGraph) -> Vec<ClaimSummary> {
    graph
        .claims
        .iter()
        .map(|claim| {
            let appearances: Vec<Appearance> = graph.appearances(claim).collect();
            let attributions: Vec<String> = (appearances.iter())
                .map(|a| a.attribution.id.clone())
                .collect();
            ClaimSummary {
                id: claim.id.clone(),
                text: claim.text.clone(),
                earliest: attributions.first().cloned().unwrap_or_default(),
                documents: sorted(
                    (appearances.iter())
                        .map(|a| a.document.id.clone())
                        .collect(),
                ),
                origins: sorted(
                    (appearances.iter())
                        .filter_map(|a| a.origin().map(str::to_string))
                        .collect(),
                ),
                attributions,
            }
        })
        .collect()
}

/// Every node id the audit names, with its label, kind and whether it is an agency.
fn named_nodes(graph: &ProvGraph, facts: &Facts, audit: &Audit) -> BTreeMap<String, NodeRef> {
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(
        audit
            .publishers
            .iter()
            .filter_map(|p| p.publisher.as_deref()),
    );
    ids.extend(
        audit
            .document_profiles
            .iter()
            .flat_map(|d| d.publisher.iter().chain(&d.origins))
            .map(String::as_str),
    );
    for row in &audit.dependence {
        ids.extend(row.publisher.as_deref());
        ids.push(&row.outlet);
    }
    for origin in &audit.origins {
        ids.push(&origin.origin);
        for carrier in &origin.carriers {
            ids.extend(carrier.publisher.as_deref());
            ids.extend(carrier.relays.iter().map(String::as_str));
        }
    }
    for flag in &audit.flags {
        ids.extend(flag.subject.iter().map(String::as_str));
    }
    ids.extend(
        audit
            .claims
            .iter()
            .flat_map(|c| &c.origins)
            .map(String::as_str),
    );
    // Each id once, in order: the map is then built without a sort.
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| {
            let node = graph.node(id)?;
            let agency = facts.is_agency(id);
            Some((
                id.to_string(),
                NodeRef {
                    label: node.label.clone(),
                    kind: node.kind,
                    agency,
                },
            ))
        })
        .collect()
}

/// Sorts and removes repeats.
fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests;
