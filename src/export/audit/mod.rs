//! The audit ([`crate::audit::Audit`]) as Markdown for the terminal, JSON
//! (`provgraph-audit/1`), a folder of CSV tables, and HTML sections for the report.
//!
//! All four show the same tables: the sourcing profile (whole run, per publisher, per
//! document), the dependence of publishers on outlets, the origins and who carried them, the
//! flags with their evidence, and the claims. Markdown and HTML show the first rows of the
//! long tables and say how many more there are and where to find them all (`audit -o
//! audit.csv` or `audit -o audit.json`); JSON and CSV hold every row.

mod csv;
mod html;
mod json;
mod markdown;

pub use self::csv::{FILES as CSV_FILES, to_csv_files};
pub use self::html::{HTML_ROWS, to_html_sections};
pub use self::json::{SCHEMA, to_json};
pub use self::markdown::to_markdown;

use crate::audit::{Audit, Profile};

/// The label of node `id`, or the id.
fn label<'a>(audit: &'a Audit, id: &'a str) -> &'a str {
    audit.nodes.get(id).map_or(id, |node| node.label.as_str())
}

/// A publisher's label; documents without one are "(unknown publisher)".
fn publisher_label<'a>(audit: &'a Audit, publisher: Option<&'a str>) -> &'a str {
    publisher.map_or(UNKNOWN_PUBLISHER, |id| label(audit, id))
}

const UNKNOWN_PUBLISHER: &str = "(unknown publisher)";

/// `part` of `profile`'s statements as a percentage with one decimal: `42.9%`.
fn percent(profile: &Profile, part: &[String]) -> String {
    format!("{:.1}%", profile.share(part) * 100.0)
}

/// `n (p%)`, or `0` when none.
fn count_and_share(profile: &Profile, part: &[String]) -> String {
    if part.is_empty() {
        "0".to_string()
    } else {
        format!("{} ({})", part.len(), percent(profile, part))
    }
}

/// The statements of the dependence row's publisher, for its share.
fn publisher_statements(audit: &Audit, publisher: Option<&str>) -> usize {
    audit
        .publishers
        .iter()
        .find(|p| p.publisher.as_deref() == publisher)
        .map_or(0, |p| p.profile.statements.len())
}

/// The origins carried by two or more documents (the table Markdown and HTML show).
fn shared_origins(audit: &Audit) -> impl Iterator<Item = &crate::audit::Origin> {
    audit.origins.iter().take_while(|o| o.documents.len() >= 2)
}

/// The carriers of an origin as one line: `Reuters via AP; BBC (direct)`.
fn carriers_text(audit: &Audit, origin: &crate::audit::Origin) -> String {
    let parts: Vec<String> = origin
        .carriers
        .iter()
        .map(|carrier| {
            let publisher = publisher_label(audit, carrier.publisher.as_deref());
            let relays: Vec<&str> = carrier.relays.iter().map(|id| label(audit, id)).collect();
            let via = if relays.is_empty() {
                "direct".to_string()
            } else {
                format!("via {}", relays.join(" > "))
            };
            format!("{publisher} ({via}, {})", carrier.attributions.len())
        })
        .collect();
    parts.join("; ")
}
