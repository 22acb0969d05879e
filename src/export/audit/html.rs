//! The audit as HTML sections for the report: `<section class="audit">` blocks holding
//! `<table class="audit-table">`s, at most [`HTML_ROWS`] rows each (a line says how many there
//! are and where the whole table is), so that a report of thousands of stories stays light.
//! Every text is HTML-escaped as in the rest of the report.

use std::fmt::Write;

use super::{
    carriers_text, count_and_share, evidence_text, label, publisher_label, publisher_statements,
};
use crate::audit::{Audit, FlagKind, Length, OriginKind, Profile};
use crate::export::xml::escape_shown as escape;

/// The most rows of a table in the page.
pub const HTML_ROWS: usize = 100;

/// The most pieces of evidence listed under one flag.
const EVIDENCE_SHOWN: usize = 8;

/// The sections, one after another.
pub fn to_html_sections(audit: &Audit) -> String {
    let mut out = String::new();
    write_profiles(&mut out, audit);
    write_dependence(&mut out, audit);
    write_origins(&mut out, audit);
    write_flags(&mut out, audit);
    write_claims(&mut out, audit);
    out
}

/// A table of `rows` (cells already HTML) under `headers`, at most [`HTML_ROWS`] of them; the
/// rows are made only when shown.
fn table(
    out: &mut String,
    headers: &str,
    rows: impl ExactSizeIterator<Item = Vec<String>>,
    file: &str,
) {
    let total = rows.len();
    if total == 0 {
        out.push_str("<p class=\"note\">None.</p>\n");
        return;
    }
    out.push_str("<div class=\"audit-scroll\"><table class=\"audit-table\">\n<thead><tr>");
    for header in headers.split('|') {
        let _ = write!(out, "<th>{}</th>", escape(header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows.take(HTML_ROWS) {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    if total > HTML_ROWS {
        let _ = writeln!(
            out,
            "<p class=\"note\">The first {HTML_ROWS} of {} rows; <code>provgraph audit -o audit.csv</code> writes them all ({file}), <code>-o audit.json</code> too.</p>",
            total
        );
    }
}

fn open_section(out: &mut String, id: &str, title: &str, intro: &str) {
    let _ = writeln!(
        out,
        "<section class=\"audit\" id=\"audit-{id}\">\n<h2>{}</h2>\n<p>{}</p>",
        escape(title),
        escape(intro)
    );
}

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

/// The columns of a profile after its documents.
const PROFILE_HEADERS: &str = "statements|named people|named organizations|outlets|unnamed|no source|1 hop|2 hops|3+ hops|through an outlet";

fn write_profiles(out: &mut String, audit: &Audit) {
    open_section(
        out,
        "profile",
        "Sourcing profile",
        "Who the statements trace to (the kind of the origin), how many hops their chains have, and how many reached the page through an outlet other than the publisher.",
    );
    let mut rows = vec![{
        let mut row = vec!["<b>all</b>".to_string()];
        row.extend(profile_cells(audit.documents, &audit.total));
        row
    }];
    let mut publishers: Vec<_> = audit.publishers.iter().collect();
    publishers.sort_by_key(|p| std::cmp::Reverse(p.profile.statements.len()));
    for publisher in publishers {
        let mut row = vec![escape(publisher_label(
            audit,
            publisher.publisher.as_deref(),
        ))];
        row.extend(profile_cells(publisher.documents.len(), &publisher.profile));
        rows.push(row);
    }
    let headers = format!("publisher|documents|{PROFILE_HEADERS}");
    table(out, &headers, rows.into_iter(), "publishers.csv");
    out.push_str("<h3>Documents</h3>\n");
    let mut documents: Vec<_> = audit.document_profiles.iter().collect();
    documents.sort_by_key(|d| std::cmp::Reverse(d.profile.statements.len()));
    let rows = documents.into_iter().map(|d| {
        let mut row = vec![
            escape(&d.document),
            escape(publisher_label(audit, d.publisher.as_deref())),
        ];
        row.extend(profile_cells(0, &d.profile).into_iter().skip(1));
        row.push(d.origins.len().to_string());
        row
    });
    let headers = format!("document|publisher|{PROFILE_HEADERS}|origins");
    table(out, &headers, rows, "documents.csv");
    out.push_str("</section>\n");
}

fn write_dependence(out: &mut String, audit: &Audit) {
    open_section(
        out,
        "dependence",
        "Dependence",
        "The outlets each publisher leans on: statements whose chain names an outlet other than the publisher, as origin or relay.",
    );
    let rows: Vec<Vec<String>> = audit
        .dependence
        .iter()
        .map(|row| {
            let of = publisher_statements(audit, row.publisher.as_deref());
            let agency = audit.nodes.get(&row.outlet).is_some_and(|n| n.agency);
            vec![
                escape(publisher_label(audit, row.publisher.as_deref())),
                escape(label(audit, &row.outlet)),
                if agency { "agency" } else { "outlet" }.to_string(),
                row.attributions.len().to_string(),
                format!(
                    "{:.1}%",
                    100.0 * row.attributions.len() as f64 / of.max(1) as f64
                ),
                row.documents.len().to_string(),
                ids(&row.attributions),
            ]
        })
        .collect();
    let headers = "publisher|leans on|kind|statements|of the publisher's|documents|attributions";
    table(out, headers, rows.into_iter(), "dependence.csv");
    out.push_str("</section>\n");
}

/// Attribution ids in `<code>`, the first [`EVIDENCE_SHOWN`] and how many more.
fn ids(ids: &[String]) -> String {
    let shown: Vec<String> = ids
        .iter()
        .take(EVIDENCE_SHOWN)
        .map(|id| format!("<code>{}</code>", escape(id)))
        .collect();
    let more = ids.len().saturating_sub(EVIDENCE_SHOWN);
    if more > 0 {
        format!("{} and {more} more", shown.join(" "))
    } else {
        shown.join(" ")
    }
}

fn write_origins(out: &mut String, audit: &Audit) {
    open_section(
        out,
        "origins",
        "Origins carried by two or more documents",
        "Who carried each origin, and through which relays.",
    );
    let rows: Vec<Vec<String>> = super::shared_origins(audit)
        .map(|origin| {
            let kind = audit
                .nodes
                .get(&origin.origin)
                .map_or("", |n| n.kind.as_str());
            vec![
                escape(label(audit, &origin.origin)),
                kind.to_string(),
                origin.documents.len().to_string(),
                origin.attributions.len().to_string(),
                escape(&carriers_text(audit, origin)),
            ]
        })
        .collect();
    let headers = "origin|kind|documents|statements|carried by (publisher, relays, statements)";
    table(out, headers, rows.into_iter(), "origins.csv");
    out.push_str("</section>\n");
}

fn write_flags(out: &mut String, audit: &Audit) {
    open_section(
        out,
        "flags",
        "Flags",
        "Patterns worth a look, each with the attributions that show it.",
    );
    let mut none: Vec<String> = Vec::new();
    for kind in FlagKind::ALL {
        let flags: Vec<_> = audit.flags.iter().filter(|f| f.kind == kind).collect();
        if flags.is_empty() {
            none.push(format!(
                "<abbr title=\"{}\">{}</abbr>",
                escape(kind.description()),
                kind.as_str()
            ));
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{} ({})</h3>\n<p class=\"note\">{}</p>",
            kind.as_str(),
            flags.len(),
            escape(kind.description())
        );
        let rows = flags.iter().map(|flag| {
            let (evidence, more) = evidence_text(flag, EVIDENCE_SHOWN, |e| {
                format!(
                    "<code>{}</code> bytes {}–{} ({})",
                    escape(&e.attribution),
                    e.span.start,
                    e.span.end,
                    escape(&e.note)
                )
            });
            let more = if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            };
            vec![
                escape(&flag.reason),
                escape(&flag.documents.join(" ")),
                format!("{}{more}", evidence.join("; ")),
            ]
        });
        table(out, "reason|documents|evidence", rows, "flags.csv");
    }
    if !none.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">None found: {}.</p>",
            none.join(", ")
        );
    }
    out.push_str("</section>\n");
}

fn write_claims(out: &mut String, audit: &Audit) {
    if audit.claims.is_empty() {
        return;
    }
    open_section(
        out,
        "claims",
        "Claims",
        "The same statement in several documents.",
    );
    let mut claims: Vec<_> = audit.claims.iter().collect();
    claims.sort_by_key(|c| std::cmp::Reverse(c.documents.len()));
    let rows: Vec<Vec<String>> = claims
        .into_iter()
        .map(|claim| {
            let origins: Vec<&str> = claim.origins.iter().map(|id| label(audit, id)).collect();
            vec![
                escape(&claim.text),
                claim.documents.len().to_string(),
                escape(&origins.join(", ")),
                format!("<code>{}</code>", escape(&claim.earliest)),
                ids(&claim.attributions),
            ]
        })
        .collect();
    let headers = "claim|documents|origins|earliest|appearances";
    table(out, headers, rows.into_iter(), "claims.csv");
    out.push_str("</section>\n");
}
