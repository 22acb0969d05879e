//! The audit as JSON, schema `provgraph-audit/1`: every figure is an object with its `count`,
//! its `share` of the statements it is part of (where it is a part) and the `attributions`
//! it counts, so that each number can be checked against the graph.
//!
//! ```text
//! {
//!   "schema": "provgraph-audit/1", "generator": "provgraph 0.1.0",
//!   "documents": 11, "statements": 154,
//!   "total": PROFILE,
//!   "publishers": [{"publisher": "reuters" | null, "label": "Reuters", "documents": [ids],
//!                   "profile": PROFILE}],                  // by id, the unknown publisher last
//!   "document_profiles": [{"document": id, "publisher": id | null, "origins": [ids],
//!                          "profile": PROFILE}],           // by document id
//!   "dependence": [{"publisher": id | null, "outlet": id, "agency": bool, "count": n,
//!                   "share": n / the publisher's statements, "documents": [ids],
//!                   "attributions": [ids]}],               // most attributions first
//!   "origins": [{"origin": id, "documents": [ids], "attributions": [ids],
//!                "carriers": [{"publisher": id | null, "relays": [ids], "attributions": [ids]}]}],
//!                                                          // most documents first
//!   // flags: by kind (in the order below), then the most evidence first
//!   "flags": [{"kind": "circular_citation" | "unnamed_many_outlets" | "long_chain" |
//!              "single_origin" | "self_citation" | "different_origins",
//!              "subject": [node, document, attribution or claim ids], "reason": "one line",
//!              "documents": [ids], "evidence": [{"attribution": id, "document": id,
//!              "span": [start, end], "note": "..."}]}],
//!   "claims": [{"id", "text", "earliest", "attributions": [ids], "documents": [ids],
//!               "origins": [ids]}],
//!   "nodes": {"<id>": {"label": "...", "kind": "person" | ..., "agency": bool}}
//! }
//! PROFILE = {"statements": FIGURE,
//!            "origins": {"person", "organization", "outlet", "unnamed", "no_source": FIGURE},
//!            "lengths": {"1", "2", "3+": FIGURE}, "through_outlet": FIGURE}
//! FIGURE  = {"count": n, "share": n / statements (0 when there are none),
//!            "attributions": [attribution ids]}
//! ```
//!
//! The meaning of each figure is the `audit` module's (origin kinds, hops, outlets leaned
//! on); `share`s are rounded to 4 decimals.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::audit::{Audit, ClaimSummary, Flag, Length, NodeRef, Origin, OriginKind, Profile};

/// The schema's name, written as `schema`.
pub const SCHEMA: &str = "provgraph-audit/1";

#[derive(Serialize)]
struct JsonAudit<'a> {
    schema: &'static str,
    generator: &'static str,
    documents: usize,
    statements: usize,
    total: JsonProfile<'a>,
    publishers: Vec<JsonPublisher<'a>>,
    document_profiles: Vec<JsonDocument<'a>>,
    dependence: Vec<JsonDependence<'a>>,
    origins: &'a [Origin],
    flags: &'a [Flag],
    claims: &'a [ClaimSummary],
    nodes: &'a BTreeMap<String, NodeRef>,
}

#[derive(Serialize)]
struct Figure<'a> {
    count: usize,
    share: f64,
    attributions: &'a [String],
}

#[derive(Serialize)]
struct JsonProfile<'a> {
    statements: Figure<'a>,
    origins: BTreeMap<&'static str, Figure<'a>>,
    lengths: BTreeMap<&'static str, Figure<'a>>,
    through_outlet: Figure<'a>,
}

#[derive(Serialize)]
struct JsonPublisher<'a> {
    publisher: Option<&'a str>,
    label: &'a str,
    documents: &'a [String],
    profile: JsonProfile<'a>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    document: &'a str,
    publisher: Option<&'a str>,
    origins: &'a [String],
    profile: JsonProfile<'a>,
}

#[derive(Serialize)]
struct JsonDependence<'a> {
    publisher: Option<&'a str>,
    outlet: &'a str,
    agency: bool,
    count: usize,
    share: f64,
    documents: &'a [String],
    attributions: &'a [String],
}

/// `part / whole`, 4 decimals; 0 for no whole.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
    }
}

fn figure<'a>(profile: &Profile, part: &'a [String]) -> Figure<'a> {
    Figure {
        count: part.len(),
        share: ratio(part.len(), profile.statements.len()),
        attributions: part,
    }
}

fn profile(profile: &Profile) -> JsonProfile<'_> {
    JsonProfile {
        statements: figure(profile, &profile.statements),
        origins: OriginKind::ALL
            .iter()
            .map(|&kind| (kind.as_str(), figure(profile, profile.origin(kind))))
            .collect(),
        lengths: Length::ALL
            .iter()
            .map(|&length| (length.as_str(), figure(profile, profile.length(length))))
            .collect(),
        through_outlet: figure(profile, &profile.through_outlet),
    }
}

/// The audit as pretty-printed JSON, ending with a newline.
pub fn to_json(audit: &Audit) -> String {
    let json = JsonAudit {
        schema: SCHEMA,
        generator: crate::GENERATOR,
        documents: audit.documents,
        statements: audit.total.statements.len(),
        total: profile(&audit.total),
        publishers: audit
            .publishers
            .iter()
            .map(|p| JsonPublisher {
                publisher: p.publisher.as_deref(),
                label: super::publisher_label(audit, p.publisher.as_deref()),
                documents: &p.documents,
                profile: profile(&p.profile),
            })
            .collect(),
        document_profiles: audit
            .document_profiles
            .iter()
            .map(|d| JsonDocument {
                document: &d.document,
                publisher: d.publisher.as_deref(),
                origins: &d.origins,
                profile: profile(&d.profile),
            })
            .collect(),
        dependence: audit
            .dependence
            .iter()
            .map(|row| JsonDependence {
                publisher: row.publisher.as_deref(),
                outlet: &row.outlet,
                agency: audit.nodes.get(&row.outlet).is_some_and(|n| n.agency),
                count: row.attributions.len(),
                share: ratio(
                    row.attributions.len(),
                    super::publisher_statements(audit, row.publisher.as_deref()),
                ),
                documents: &row.documents,
                attributions: &row.attributions,
            })
            .collect(),
        origins: &audit.origins,
        flags: &audit.flags,
        claims: &audit.claims,
        nodes: &audit.nodes,
    };
    let mut text = serde_json::to_string_pretty(&json).expect("plain data serializes");
    text.push('\n');
    text
}
