//! The audit as a folder of CSV tables, one file per table (RFC 4180, as the graph's CSV:
//! CRLF, quotes when needed, formula starts defused). Lists of ids are joined with spaces (ids
//! hold none).
//!
//! - `publishers.csv`, `documents.csv`: the sourcing profile, one row each (`publishers.csv`
//!   starts with the whole run, `publisher` `(all)`): counts, with the attributions of the row.
//! - `dependence.csv`: publisher, outlet leaned on, agency, statements, share of the
//!   publisher's statements, documents, attributions.
//! - `origins.csv`: one row per origin and carrier (publisher and relays).
//! - `flags.csv`: one row per piece of evidence: the flag's number (from 1), kind, subject,
//!   reason, then the attribution, document, span and note.
//! - `claims.csv`: one row per claim.

use crate::audit::{Audit, Length, OriginKind, Profile};
use crate::export::csv::{quote, text_field};

const PUBLISHERS_FILE: &str = "publishers.csv";
const DOCUMENTS_FILE: &str = "documents.csv";
const DEPENDENCE_FILE: &str = "dependence.csv";
const ORIGINS_FILE: &str = "origins.csv";
const FLAGS_FILE: &str = "flags.csv";
const CLAIMS_FILE: &str = "claims.csv";

/// The files written, in the order of [`to_csv_files`].
pub const FILES: [&str; 6] = [
    PUBLISHERS_FILE,
    DOCUMENTS_FILE,
    DEPENDENCE_FILE,
    ORIGINS_FILE,
    FLAGS_FILE,
    CLAIMS_FILE,
];

/// Each table as (file name, contents).
pub fn to_csv_files(audit: &Audit) -> Vec<(&'static str, String)> {
    let tables = [
        publishers(audit),
        documents(audit),
        dependence(audit),
        origins(audit),
        flags(audit),
        claims(audit),
    ];
    FILES.into_iter().zip(tables).collect()
}

/// A row of CSV: text fields defused, all quoted when needed.
fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| quote(&text_field(f))).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The header row `names` (comma-separated), with its line end.
fn header(names: &str) -> String {
    format!("{names}\r\n")
}

const PROFILE_COLUMNS: &str = "statements,person,organization,outlet,unnamed,no_source,hops_1,hops_2,hops_3_plus,through_outlet,attributions";

fn profile_fields(profile: &Profile) -> Vec<String> {
    let mut fields = vec![profile.statements.len().to_string()];
    fields.extend(
        OriginKind::ALL
            .iter()
            .map(|&kind| profile.origin(kind).len().to_string()),
    );
    fields.extend(
        Length::ALL
            .iter()
            .map(|&length| profile.length(length).len().to_string()),
    );
    fields.push(profile.through_outlet.len().to_string());
    fields.push(profile.statements.join(" "));
    fields
}

fn publishers(audit: &Audit) -> String {
    let mut out = header(&format!("publisher,label,documents,{PROFILE_COLUMNS}"));
    let mut fields = vec![
        "(all)".to_string(),
        String::new(),
        audit.documents.to_string(),
    ];
    fields.extend(profile_fields(&audit.total));
    row(&mut out, &fields);
    for publisher in &audit.publishers {
        let id = publisher.publisher.as_deref();
        let mut fields = vec![
            id.unwrap_or("").to_string(),
            super::publisher_label(audit, id).to_string(),
            publisher.documents.len().to_string(),
        ];
        fields.extend(profile_fields(&publisher.profile));
        row(&mut out, &fields);
    }
    out
}

fn documents(audit: &Audit) -> String {
    let mut out = header(&format!("document,publisher,origins,{PROFILE_COLUMNS}"));
    for document in &audit.document_profiles {
        let mut fields = vec![
            document.document.clone(),
            document.publisher.clone().unwrap_or_default(),
            document.origins.len().to_string(),
        ];
        fields.extend(profile_fields(&document.profile));
        row(&mut out, &fields);
    }
    out
}

fn dependence(audit: &Audit) -> String {
    let mut out = header(
        "publisher,outlet,outlet_label,agency,statements,share_of_publisher,documents,attributions",
    );
    for dependence in &audit.dependence {
        let of = super::publisher_statements(audit, dependence.publisher.as_deref());
        let share = dependence.attributions.len() as f64 / of.max(1) as f64;
        row(
            &mut out,
            &[
                dependence.publisher.clone().unwrap_or_default(),
                dependence.outlet.clone(),
                super::label(audit, &dependence.outlet).to_string(),
                audit
                    .nodes
                    .get(&dependence.outlet)
                    .is_some_and(|n| n.agency)
                    .to_string(),
                dependence.attributions.len().to_string(),
                format!("{share:.4}"),
                dependence.documents.join(" "),
                dependence.attributions.join(" "),
            ],
        );
    }
    out
}

fn origins(audit: &Audit) -> String {
    let mut out = header(
        "origin,label,kind,documents,statements,publisher,relays,carrier_statements,attributions",
    );
    for origin in &audit.origins {
        let kind = audit
            .nodes
            .get(&origin.origin)
            .map_or("", |n| n.kind.as_str());
        for carrier in &origin.carriers {
            row(
                &mut out,
                &[
                    origin.origin.clone(),
                    super::label(audit, &origin.origin).to_string(),
                    kind.to_string(),
                    origin.documents.len().to_string(),
                    origin.attributions.len().to_string(),
                    carrier.publisher.clone().unwrap_or_default(),
                    carrier.relays.join(" "),
                    carrier.attributions.len().to_string(),
                    carrier.attributions.join(" "),
                ],
            );
        }
    }
    out
}

fn flags(audit: &Audit) -> String {
    let mut out = header("flag,kind,subject,reason,attribution,document,span_start,span_end,note");
    for (number, flag) in audit.flags.iter().enumerate() {
        for evidence in &flag.evidence {
            row(
                &mut out,
                &[
                    (number + 1).to_string(),
                    flag.kind.as_str().to_string(),
                    flag.subject.join(" "),
                    flag.reason.clone(),
                    evidence.attribution.clone(),
                    evidence.document.clone(),
                    evidence.span.start.to_string(),
                    evidence.span.end.to_string(),
                    evidence.note.clone(),
                ],
            );
        }
    }
    out
}

fn claims(audit: &Audit) -> String {
    let mut out = header("claim,documents,origins,earliest,attributions,text");
    for claim in &audit.claims {
        row(
            &mut out,
            &[
                claim.id.clone(),
                claim.documents.join(" "),
                claim.origins.join(" "),
                claim.earliest.clone(),
                claim.attributions.join(" "),
                claim.text.clone(),
            ],
        );
    }
    out
}
