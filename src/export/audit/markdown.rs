//! The audit as Markdown for the terminal: headed sections, compact tables, the first `top` rows
//! of each long table and a line that says how many more there are and where they all are.

use std::fmt::Write;

use super::{
    carriers_text, count_and_share, evidence_text, label, publisher_label, publisher_statements,
    shared_origins,
};
use crate::audit::{Audit, Flag, FlagKind, Length, OriginKind, Profile};

/// Where every row is.
const ALL_ROWS: &str = "`provgraph audit -o audit.csv` or `-o audit.json` has them all";

/// The most evidence items listed under one flag.
const EVIDENCE_SHOWN: usize = 5;

/// The audit as Markdown; `top` rows of each long table (0: all).
pub fn to_markdown(audit: &Audit, top: usize) -> String {
    let top = if top == 0 { usize::MAX } else { top };
    let mut out = String::new();
    let statements = audit.total.statements.len();
    let _ = writeln!(
        out,
        "# Audit\n\n{} documents, {statements} statements, {} publishers known.\n",
        audit.documents,
        audit
            .publishers
            .iter()
            .filter(|p| p.publisher.is_some())
            .count()
    );
    write_profiles(&mut out, audit, top);
    write_dependence(&mut out, audit, top);
    write_origins(&mut out, audit, top);
    write_flags(&mut out, audit, top);
    write_claims(&mut out, audit, top);
    out
}

/// A cell: no `|` or line break may end it early.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A table of `rows` under `headers`, the first `top` of them, and a line for the rest; the
/// rows are made only when shown.
fn table(
    out: &mut String,
    headers: &str,
    rows: impl ExactSizeIterator<Item = Vec<String>>,
    top: usize,
    file: &str,
) {
    let total = rows.len();
    if total == 0 {
        out.push_str("(none)\n\n");
        return;
    }
    let headers: Vec<&str> = headers.split('|').collect();
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
    for row in rows.take(top) {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if total > top {
        let more = total - top;
        let rows = if more == 1 { "row" } else { "rows" };
        let _ = writeln!(out, "\n… and {more} more {rows} ({ALL_ROWS}: {file}).");
    }
    out.push('\n');
}

/// The columns of a profile after its documents.
const PROFILE_HEADERS: &str = "statements|people|organizations|outlets|unnamed|no source|1 hop|2 hops|3+ hops|through an outlet";

/// The figures of a profile, as cells.
fn profile_cells(documents: usize, profile: &Profile) -> Vec<String> {
    let mut cells = vec![documents.to_string(), profile.statements.len().to_string()];
    for kind in OriginKind::ALL {
        cells.push(count_and_share(profile, profile.origin(kind)));
    }
    for length in Length::ALL {
        cells.push(profile.length(length).len().to_string());
    }
    cells.push(count_and_share(profile, &profile.through_outlet));
    cells
}

fn write_profiles(out: &mut String, audit: &Audit, top: usize) {
    out.push_str("## Sourcing profile\n\nWho the statements trace to (the kind of the origin), how many hops their chains have, and how many reached the page through another outlet.\n\n");
    let headers = format!("publisher|documents|{PROFILE_HEADERS}");
    let mut rows = vec![{
        let mut row = vec!["**all**".to_string()];
        row.extend(profile_cells(audit.documents, &audit.total));
        row
    }];
    let mut publishers: Vec<_> = audit.publishers.iter().collect();
    publishers.sort_by_key(|p| std::cmp::Reverse(p.profile.statements.len()));
    for publisher in publishers {
        let mut row = vec![publisher_label(audit, publisher.publisher.as_deref()).to_string()];
        row.extend(profile_cells(publisher.documents.len(), &publisher.profile));
        rows.push(row);
    }
    table(
        out,
        &headers,
        rows.into_iter(),
        top.saturating_add(1),
        "publishers.csv",
    );

    out.push_str("### Documents\n\nMost statements first.\n\n");
    let headers = format!("document|publisher|{PROFILE_HEADERS}|origins");
    let mut documents: Vec<_> = audit.document_profiles.iter().collect();
    documents.sort_by_key(|d| std::cmp::Reverse(d.profile.statements.len()));
    let rows = documents.into_iter().map(|document| {
        let mut row = vec![
            document.document.clone(),
            publisher_label(audit, document.publisher.as_deref()).to_string(),
        ];
        row.extend(profile_cells(0, &document.profile).into_iter().skip(1));
        row.push(document.origins.len().to_string());
        row
    });
    table(out, &headers, rows, top, "documents.csv");
}

fn write_dependence(out: &mut String, audit: &Audit, top: usize) {
    out.push_str("## Dependence\n\nThe outlets each publisher leans on: statements whose chain names an outlet other than the publisher (as origin or relay). A statement may lean on several.\n\n");
    let rows: Vec<Vec<String>> = audit
        .dependence
        .iter()
        .map(|row| {
            let agency = audit.nodes.get(&row.outlet).is_some_and(|n| n.agency);
            let of = publisher_statements(audit, row.publisher.as_deref());
            vec![
                publisher_label(audit, row.publisher.as_deref()).to_string(),
                label(audit, &row.outlet).to_string(),
                if agency { "agency" } else { "outlet" }.to_string(),
                row.attributions.len().to_string(),
                format!(
                    "{:.1}%",
                    100.0 * row.attributions.len() as f64 / of.max(1) as f64
                ),
                row.documents.len().to_string(),
            ]
        })
        .collect();
    let headers = "publisher|leans on|kind|statements|of the publisher's|documents";
    table(out, headers, rows.into_iter(), top, "dependence.csv");
}

fn write_origins(out: &mut String, audit: &Audit, top: usize) {
    out.push_str("## Origins carried by two or more documents\n\nWho carried each origin, and through which relays.\n\n");
    let rows: Vec<Vec<String>> = shared_origins(audit)
        .map(|origin| {
            let kind = audit
                .nodes
                .get(&origin.origin)
                .map_or("", |n| n.kind.as_str());
            vec![
                label(audit, &origin.origin).to_string(),
                kind.to_string(),
                origin.documents.len().to_string(),
                origin.attributions.len().to_string(),
                carriers_text(audit, origin),
            ]
        })
        .collect();
    let headers = "origin|kind|documents|statements|carried by (publisher, relays, statements)";
    table(out, headers, rows.into_iter(), top, "origins.csv");
}

fn write_flags(out: &mut String, audit: &Audit, top: usize) {
    out.push_str("## Flags\n\n");
    for kind in FlagKind::ALL {
        let flags: Vec<&Flag> = audit.flags.iter().filter(|f| f.kind == kind).collect();
        let _ = writeln!(
            out,
            "### {} ({})\n\n{}.\n",
            kind.as_str(),
            flags.len(),
            capitalized(kind.description())
        );
        if flags.is_empty() {
            out.push_str("(none)\n");
        }
        for flag in flags.iter().take(top) {
            let _ = writeln!(out, "- {}", cell(&flag.reason));
            let (shown, more) = evidence_text(flag, EVIDENCE_SHOWN, |e| {
                format!(
                    "`{}` (bytes {}–{}; {})",
                    cell(&e.attribution),
                    e.span.start,
                    e.span.end,
                    cell(&e.note)
                )
            });
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let _ = writeln!(out, "  - evidence: {}{more}", shown.join(", "));
        }
        if flags.len() > top {
            let _ = writeln!(
                out,
                "\n… and {} more ({ALL_ROWS}: flags.csv).",
                flags.len() - top
            );
        }
        out.push('\n');
    }
}

fn write_claims(out: &mut String, audit: &Audit, top: usize) {
    out.push_str("## Claims\n\nThe same statement in several documents (found in the articles' texts; a graph brings the claims it carries).\n\n");
    let mut claims: Vec<_> = audit.claims.iter().collect();
    claims.sort_by_key(|c| std::cmp::Reverse(c.documents.len()));
    let rows: Vec<Vec<String>> = claims
        .into_iter()
        .map(|claim| {
            let origins: Vec<&str> = claim.origins.iter().map(|id| label(audit, id)).collect();
            vec![
                claim.id.clone(),
                claim.documents.len().to_string(),
                origins.join(", "),
                claim.earliest.clone(),
                shortened(&claim.text, 80),
            ]
        })
        .collect();
    let headers = "claim|documents|origins|earliest|text";
    table(out, headers, rows.into_iter(), top, "claims.csv");
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// At most `most` characters of `text`, with `…` when cut.
fn shortened(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
