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

use crate::audit::{Audit, Evidence, Flag, Profile};

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

/// The first `shown` pieces of a flag's evidence, each written by `show`, and how many more
/// there are.
fn evidence_text(
    flag: &Flag,
    shown: usize,
    show: impl Fn(&Evidence) -> String,
) -> (Vec<String>, usize) {
    let texts = flag.evidence.iter().take(shown).map(show).collect();
    (texts, flag.evidence.len().saturating_sub(shown))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{DocumentProfile, Evidence, Flag, FlagKind, NodeRef, PublisherProfile};
    use crate::model::Kind;
    use crate::span::Span;

    /// An audit of `documents` documents of one statement each, by a publisher whose label is
    /// markup, with one flag whose reason and evidence note are markup too.
    fn made_up(documents: usize) -> Audit {
        let mut audit = Audit {
            documents,
            ..Audit::default()
        };
        let ids: Vec<String> = (0..documents).map(|n| format!("doc{n:03}#1")).collect();
        let profile = |ids: &[String]| Profile {
            statements: ids.to_vec(),
            ..Profile::default()
        };
        audit.total = profile(&ids);
        audit.publishers = vec![PublisherProfile {
            publisher: Some("evil".to_string()),
            documents: (0..documents).map(|n| format!("doc{n:03}")).collect(),
            profile: profile(&ids),
        }];
        audit.document_profiles = ids
            .iter()
            .enumerate()
            .map(|(n, id)| DocumentProfile {
                document: format!("doc{n:03}"),
                publisher: Some("evil".to_string()),
                profile: profile(std::slice::from_ref(id)),
                origins: vec![],
            })
            .collect();
        audit.nodes.insert(
            "evil".to_string(),
            NodeRef {
                label: "<script>a|b</script>".to_string(),
                kind: Kind::Outlet,
                agency: false,
            },
        );
        audit.flags = vec![Flag {
            kind: FlagKind::SelfCitation,
            subject: vec!["doc000#1".to_string()],
            reason: "=cmd <b>bold</b>, \"quoted\"".to_string(),
            documents: vec!["doc000".to_string()],
            evidence: vec![Evidence {
                attribution: "doc000#1".to_string(),
                document: "doc000".to_string(),
                span: Span::new(3, 9),
                note: "<i>".to_string(),
            }],
        }];
        audit
    }

    #[test]
    fn html_escapes_every_text_and_caps_long_tables() {
        let html = to_html_sections(&made_up(150));
        assert!(!html.contains("<script>") && !html.contains("<b>bold") && !html.contains("<i>"));
        assert!(html.contains("&lt;script&gt;a|b&lt;/script&gt;"));
        assert!(html.contains("=cmd &lt;b&gt;bold&lt;/b&gt;"));
        let documents = html.find("<h3>Documents</h3>").unwrap();
        let table = &html[documents..html[documents..].find("</table>").unwrap() + documents];
        assert_eq!(
            table.matches("<tr>").count(),
            HTML_ROWS + 1,
            "the header and 100 rows"
        );
        assert!(html.contains("The first 100 of 150 rows"));
        let small = to_html_sections(&made_up(3));
        assert!(!small.contains("The first"));
    }

    #[test]
    fn markdown_shows_the_top_rows_and_says_where_the_rest_are() {
        let markdown = to_markdown(&made_up(25), 10);
        assert!(markdown.contains("… and 15 more rows"), "{markdown}");
        assert!(markdown.contains("documents.csv"));
        assert!(
            markdown.contains("<script>a\\|b</script>"),
            "a | cannot end a cell"
        );
        let all = to_markdown(&made_up(25), usize::MAX);
        assert!(!all.contains("more rows"));
        assert!(all.contains("| doc024 |"));
    }

    #[test]
    fn csv_has_a_row_per_evidence_and_defuses_formulas() {
        let files = to_csv_files(&made_up(2));
        let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, CSV_FILES);
        let flags = &files
            .iter()
            .find(|(name, _)| *name == "flags.csv")
            .unwrap()
            .1;
        let lines: Vec<&str> = flags.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 2, "{flags}");
        assert!(
            lines[1].contains("\"'=cmd <b>bold</b>, \"\"quoted\"\"\""),
            "{flags}"
        );
        assert!(lines[1].ends_with(",doc000#1,doc000,3,9,<i>"), "{flags}");
    }

    #[test]
    fn json_names_its_schema_and_gives_each_figure_its_attributions() {
        let json: serde_json::Value = serde_json::from_str(&to_json(&made_up(4))).unwrap();
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["statements"], 4);
        assert_eq!(json["total"]["statements"]["count"], 4);
        assert_eq!(json["total"]["statements"]["share"], 1.0);
        assert_eq!(json["publishers"][0]["label"], "<script>a|b</script>");
        assert_eq!(
            json["document_profiles"][1]["profile"]["statements"]["attributions"],
            serde_json::json!(["doc001#1"])
        );
        assert_eq!(json["flags"][0]["kind"], "self_citation");
        assert_eq!(
            json["flags"][0]["evidence"][0]["span"],
            serde_json::json!([3, 9])
        );
    }
}
