//! Flags: patterns in the chains that a person auditing them wants to look at, each with the
//! attributions that show it and a one-line reason.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Evidence, Facts, Flag, sorted};
use crate::graph::{Appearance, ProvGraph};
use crate::model::{Attribution, Claim, Kind};

/// The patterns flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// Two sources relay each other: edges A -> B and B -> A in the graph (any relation,
    /// `published` included), from one document or from several.
    CircularCitation,
    /// One unnamed origin that two or more distinct outlets took first hand.
    UnnamedManyOutlets,
    /// A statement passed on three or more times between its origin and the page.
    LongChain,
    /// A document of two or more statements that all have the same origin.
    SingleOrigin,
    /// A chain that names the document's own publisher.
    SelfCitation,
    /// A claim (the same statement in several documents) credited to different named origins.
    DifferentOrigins,
}

impl FlagKind {
    pub const ALL: [FlagKind; 6] = [
        FlagKind::CircularCitation,
        FlagKind::UnnamedManyOutlets,
        FlagKind::LongChain,
        FlagKind::SingleOrigin,
        FlagKind::SelfCitation,
        FlagKind::DifferentOrigins,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::CircularCitation => "circular_citation",
            FlagKind::UnnamedManyOutlets => "unnamed_many_outlets",
            FlagKind::LongChain => "long_chain",
            FlagKind::SingleOrigin => "single_origin",
            FlagKind::SelfCitation => "self_citation",
            FlagKind::DifferentOrigins => "different_origins",
        }
    }

    /// What fires it, in a sentence.
    pub fn description(self) -> &'static str {
        match self {
            FlagKind::CircularCitation => {
                "two sources relay each other: A passed words on to B and B to A (a published edge counts), in one document or across documents"
            }
            FlagKind::UnnamedManyOutlets => {
                "one unnamed source (the same node, or the unnamed origins of one claim) taken first hand by two or more outlets: the first outlet of each chain, else the publisher"
            }
            FlagKind::LongChain => {
                "a statement passed on three or more times between its origin and the page (the arrows of its line in `chains`, the publisher's included)"
            }
            FlagKind::SingleOrigin => {
                "a document of two or more statements that all trace to one origin"
            }
            FlagKind::SelfCitation => "a chain names the document's own publisher",
            FlagKind::DifferentOrigins => {
                "the same statement (a claim) is credited to different named origins in different attributions (unnamed ones may be anyone); fires only when claims were found"
            }
        }
    }
}

/// Every flag, by kind, then the most evidence first, then subject.
pub(super) fn flags(graph: &ProvGraph, facts: &Facts) -> Vec<Flag> {
    let by_id: FxHashMap<&str, &Attribution> = graph
        .attributions
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let evidence = |id: &str, note: String| {
        by_id.get(id).map(|a| Evidence {
            attribution: a.id.clone(),
            document: a.document.clone(),
            span: a.span,
            note,
        })
    };
    let mut flags = circular(graph, &evidence);
    flags.extend(unnamed_many_outlets(graph, facts, &evidence));
    for attribution in &graph.attributions {
        flags.extend(long_chain(graph, attribution, facts));
        flags.extend(self_citation(graph, attribution, facts));
    }
    flags.extend(single_origin(graph));
    flags.extend(
        graph
            .claims
            .iter()
            .filter_map(|c| different_origins(graph, c, &evidence)),
    );
    for flag in &mut flags {
        flag.documents = sorted(flag.evidence.iter().map(|e| e.document.clone()).collect());
    }
    flags.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.evidence.len()), &a.subject).cmp(&(
            b.kind,
            std::cmp::Reverse(b.evidence.len()),
            &b.subject,
        ))
    });
    flags
}

/// The label of node `id`, or the id when the graph has no such node.
fn label<'g>(graph: &'g ProvGraph, id: &'g str) -> &'g str {
    graph.node(id).map_or(id, |node| node.label.as_str())
}

type EvidenceOf<'a> = dyn Fn(&str, String) -> Option<Evidence> + 'a;

/// A flag of `kind` about `subject`, its documents filled in later.
fn flag(kind: FlagKind, subject: Vec<String>, reason: String, evidence: Vec<Evidence>) -> Flag {
    Flag {
        kind,
        subject,
        reason,
        documents: Vec::new(),
        evidence,
    }
}

/// Pairs of nodes with edges both ways.
fn circular<'g>(graph: &'g ProvGraph, evidence: &EvidenceOf) -> Vec<Flag> {
    let mut edges: BTreeMap<(&'g str, &'g str), BTreeSet<&'g str>> = BTreeMap::new();
    for (source, target, edge) in graph.edges() {
        if source.id != target.id {
            edges
                .entry((&source.id, &target.id))
                .or_default()
                .extend(edge.attributions.iter().map(String::as_str));
        }
    }
    let mut flags = Vec::new();
    for (&(a, b), forth) in &edges {
        let Some(back) = edges.get(&(b, a)).filter(|_| a < b) else {
            continue;
        };
        let label = |id: &'g str| label(graph, id);
        let mut found: Vec<Evidence> = Vec::new();
        found.extend(
            forth
                .iter()
                .filter_map(|id| evidence(id, format!("{a} -> {b}"))),
        );
        found.extend(
            back.iter()
                .filter_map(|id| evidence(id, format!("{b} -> {a}"))),
        );
        let reason = format!(
            "{} passes words on to {} ({} attributions) and {} to {} ({})",
            label(a),
            label(b),
            forth.len(),
            label(b),
            label(a),
            back.len()
        );
        flags.push(flag(
            FlagKind::CircularCitation,
            vec![a.to_string(), b.to_string()],
            reason,
            found,
        ));
    }
    flags
}

/// The outlet that took a statement first hand from its origin: the first outlet after the
/// origin in the chain, else the publisher.
fn first_outlet<'a>(facts: &Facts<'a>, attribution: &'a Attribution) -> Option<&'a str> {
    attribution
        .hops
        .iter()
        .skip(1)
        .map(|hop| hop.node.as_str())
        .find(|id| facts.is_outlet(id))
        .or_else(|| facts.publisher(&attribution.document))
}

/// Unnamed origins (one node, or the unnamed origins of one claim) that two or more outlets
/// took first hand.
fn unnamed_many_outlets(graph: &ProvGraph, facts: &Facts, evidence: &EvidenceOf) -> Vec<Flag> {
    let unnamed = |a: &&Attribution| {
        a.hops
            .first()
            .is_some_and(|hop| facts.kind(&hop.node) == Kind::Unnamed)
    };
    let mut groups: BTreeMap<Vec<String>, Vec<&Attribution>> = BTreeMap::new();
    for attribution in graph.attributions.iter().filter(unnamed) {
        groups
            .entry(vec![attribution.hops[0].node.clone()])
            .or_default()
            .push(attribution);
    }
    for claim in &graph.claims {
        let members: Vec<&Attribution> = (claim.appearances.iter())
            .map(|&at| &graph.attributions[at])
            .filter(unnamed)
            .collect();
        let origins: BTreeSet<&str> = members.iter().map(|a| a.hops[0].node.as_str()).collect();
        // One node is a group of its own already.
        if origins.len() >= 2 {
            groups.insert(vec![claim.id.clone()], members);
        }
    }
    groups
        .into_iter()
        .filter_map(|(subject, members)| unnamed_flag(graph, facts, evidence, subject, &members))
        .collect()
}

fn unnamed_flag(
    graph: &ProvGraph,
    facts: &Facts,
    evidence: &EvidenceOf,
    subject: Vec<String>,
    members: &[&Attribution],
) -> Option<Flag> {
    let outlets: BTreeSet<&str> = members
        .iter()
        .filter_map(|a| first_outlet(facts, a))
        .collect();
    if outlets.len() < 2 {
        return None;
    }
    let found = members
        .iter()
        .filter_map(|a| {
            let outlet = first_outlet(facts, a)?;
            evidence(&a.id, format!("{} -> {outlet}", a.hops[0].node))
        })
        .collect();
    let names: Vec<&str> = outlets.iter().map(|id| label(graph, id)).collect();
    let what = match graph.node(&subject[0]) {
        Some(node) => format!("the unnamed source \"{}\"", node.label),
        None => format!("the unnamed sources of claim {}", subject[0]),
    };
    let reason = format!(
        "{what} reached {} outlets first hand: {}",
        outlets.len(),
        names.join(", ")
    );
    Some(flag(FlagKind::UnnamedManyOutlets, subject, reason, found))
}

/// The number of times a statement was passed on: the arrows from its origin to the page.
pub(super) fn transmissions(attribution: &Attribution, publisher: Option<&str>) -> usize {
    let Some(last) = attribution.hops.last() else {
        return 0;
    };
    let published = publisher.is_some_and(|publisher| publisher != last.node);
    attribution.hops.len() - 1 + usize::from(published)
}

fn long_chain(graph: &ProvGraph, attribution: &Attribution, facts: &Facts) -> Option<Flag> {
    let publisher = facts.publisher(&attribution.document);
    let passed = transmissions(attribution, publisher);
    if passed < 3 {
        return None;
    }
    let mut path: Vec<&str> = attribution.chain().collect();
    if let Some(publisher) = publisher.filter(|p| attribution.hops.last().unwrap().node != *p) {
        path.push(publisher);
    }
    let labels: Vec<&str> = path.iter().map(|id| label(graph, id)).collect();
    let reason = format!("passed on {passed} times: {}", labels.join(" -> "));
    let path = path.join(" -> ");
    let evidence = Evidence {
        attribution: attribution.id.clone(),
        document: attribution.document.clone(),
        span: attribution.span,
        note: path,
    };
    Some(flag(
        FlagKind::LongChain,
        vec![attribution.id.clone()],
        reason,
        vec![evidence],
    ))
}

fn self_citation(graph: &ProvGraph, attribution: &Attribution, facts: &Facts) -> Option<Flag> {
    let publisher = facts.publisher(&attribution.document)?;
    let at = attribution
        .hops
        .iter()
        .position(|hop| hop.node == publisher)?;
    let role = if at == 0 { "the origin" } else { "a relay" };
    let reason = format!(
        "the publisher {} is {role} (hop {} of {}) of a statement in its own document",
        label(graph, publisher),
        at + 1,
        attribution.hops.len()
    );
    let evidence = Evidence {
        attribution: attribution.id.clone(),
        document: attribution.document.clone(),
        span: attribution.hops[at].mention.unwrap_or(attribution.span),
        note: format!("hop {}: {publisher}", at + 1),
    };
    Some(flag(
        FlagKind::SelfCitation,
        vec![attribution.id.clone()],
        reason,
        vec![evidence],
    ))
}

/// Documents of two or more statements with one origin between them.
fn single_origin(graph: &ProvGraph) -> Vec<Flag> {
    let mut by_document: BTreeMap<&str, Vec<&Attribution>> = BTreeMap::new();
    for attribution in &graph.attributions {
        by_document
            .entry(&attribution.document)
            .or_default()
            .push(attribution);
    }
    let mut flags = Vec::new();
    for (document, statements) in by_document {
        let origins: BTreeSet<Option<&str>> = statements
            .iter()
            .map(|a| a.hops.first().map(|hop| hop.node.as_str()))
            .collect();
        let [Some(origin)] = origins.into_iter().collect::<Vec<_>>()[..] else {
            continue;
        };
        if statements.len() < 2 {
            continue;
        }
        let label = label(graph, origin);
        let reason = format!(
            "all {} statements of {document} trace to one origin, {label}",
            statements.len()
        );
        let evidence = statements
            .iter()
            .map(|a| Evidence {
                attribution: a.id.clone(),
                document: a.document.clone(),
                span: a.span,
                note: format!("origin {origin}"),
            })
            .collect();
        flags.push(flag(
            FlagKind::SingleOrigin,
            vec![document.to_string()],
            reason,
            evidence,
        ));
    }
    flags
}

/// A claim whose appearances have two or more different named origins. Left out: unnamed
/// origins and descriptions that name nobody in particular (ids ending `--<document>`: "the
/// coalition" of one story and of another), which may be anyone; and a name that is part of
/// another ("Kadyrov", "Ramzan Kadyrov"), which is most likely the same source.
fn different_origins(graph: &ProvGraph, claim: &Claim, evidence: &EvidenceOf) -> Option<Flag> {
    let appearances: Vec<Appearance> = graph.appearances(claim).collect();
    let named = |a: &&Appearance| {
        let Some(id) = a.origin() else {
            return false;
        };
        // Only these ids hold "--": a slug joins its words with one hyphen.
        let particular = !id.contains("--");
        particular
            && graph
                .node(id)
                .is_some_and(|node| node.kind != Kind::Unnamed)
    };
    let all: BTreeSet<&str> = (appearances.iter())
        .filter(named)
        .filter_map(Appearance::origin)
        .collect();
    // A name whose words are all in another origin's name is that origin.
    let words = |id: &str| -> BTreeSet<String> {
        (label(graph, id).split(|c: char| !c.is_alphanumeric()))
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let origins: Vec<&str> = (all.iter().copied())
        .filter(|&id| {
            let mine = words(id);
            !all.iter()
                .any(|&other| other != id && mine.is_subset(&words(other)))
        })
        .collect();
    if origins.len() < 2 {
        return None;
    }
    let found = (appearances.iter())
        .filter_map(|a| {
            let origin = a.origin()?;
            evidence(&a.attribution.id, format!("origin {origin}"))
        })
        .collect();
    let listed: Vec<&str> = origins.iter().map(|id| label(graph, id)).collect();
    let reason = format!(
        "the same statement is credited to {} different named origins: {}",
        origins.len(),
        listed.join(", ")
    );
    Some(flag(
        FlagKind::DifferentOrigins,
        vec![claim.id.clone()],
        reason,
        found,
    ))
}
