//! The `chains` view: one line per attribution with the chain it travelled, to audit by eye or
//! with `cut` and `grep`: `id<TAB>Origin -rel-> Relay -published-> Publisher<TAB>"content…"`.

use std::collections::BTreeMap;

use provgraph::{Attribution, ProvGraph, Relation};

/// How much of the content a line shows, in characters.
pub(super) const EXCERPT_CHARS: usize = 80;

/// The lines for `documents` (id and text), in that order; within a document, attributions come
/// in text order. Lines have no line break at the end.
pub(super) fn chain_lines(graph: &ProvGraph, documents: &[(&str, &str)]) -> Vec<String> {
    let mut by_document: BTreeMap<&str, Vec<&Attribution>> = BTreeMap::new();
    for attribution in &graph.attributions {
        by_document
            .entry(attribution.document.as_str())
            .or_default()
            .push(attribution);
    }
    let publishers: BTreeMap<&str, &str> = graph
        .documents
        .iter()
        .filter_map(|document| Some((document.id.as_str(), document.publisher.as_deref()?)))
        .collect();
    let labels: BTreeMap<&str, &str> = graph
        .nodes()
        .map(|node| (node.id.as_str(), node.label.as_str()))
        .collect();
    let label = |id: &str| one_line(labels.get(id).copied().unwrap_or(id));

    let mut lines = Vec::new();
    for (id, text) in documents {
        let publisher = publishers.get(id).copied();
        for attribution in by_document.get(id).into_iter().flatten() {
            let chain = chain_text(attribution, publisher, &label);
            let content = attribution.content.unwrap_or(attribution.span).slice(text);
            lines.push(format!(
                "{}\t{chain}\t{}",
                one_line(&attribution.id),
                excerpt(content, EXCERPT_CHARS)
            ));
        }
    }
    lines
}

/// `Origin -rel-> Relay -rel-> ... -published-> Publisher`: each arrow carries the relation of
/// the hop it points to; the publisher comes last unless it is the last hop already.
fn chain_text(
    attribution: &Attribution,
    publisher: Option<&str>,
    label: &dyn Fn(&str) -> String,
) -> String {
    let Some(last) = attribution.hops.last() else {
        return "(no source)".to_string();
    };
    let mut text = String::new();
    for (i, hop) in attribution.hops.iter().enumerate() {
        if i > 0 {
            text.push_str(&format!(" -{}-> ", hop.relation.as_str()));
        }
        text.push_str(&label(&hop.node));
    }
    if let Some(publisher) = publisher.filter(|publisher| *publisher != last.node) {
        let published = Relation::Published.as_str();
        text.push_str(&format!(" -{published}-> {}", label(publisher)));
    }
    text
}

/// The text with its whitespace collapsed, cut to `max_chars` characters (with `…` when cut),
/// in double quotes.
pub(super) fn excerpt(text: &str, max_chars: usize) -> String {
    let collapsed = collapse(text);
    let visible = |text: &str| super::visible::visible_line(text).into_owned();
    match collapsed.char_indices().nth(max_chars) {
        None => format!("\"{}\"", visible(&collapsed)),
        Some((cut, _)) => format!("\"{}…\"", visible(collapsed[..cut].trim_end())),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text with its whitespace collapsed, and what must not reach a terminal as it is
/// escaped (see [`super::visible`]).
fn one_line(text: &str) -> String {
    super::visible::visible_line(&collapse(text)).into_owned()
}

#[cfg(test)]
mod tests {
    use provgraph::{Document, DocumentAnalysis, Entity, Hop, Kind, Relation, Span, build_graph};

    use super::*;

    const TEXT: &str = "Putin has called for calm, the Kremlin's press service reported, quoted by TASS.\n\
        Officials said the talks   went\nwell.\n";

    fn entity(id: &str, label: &str, kind: Kind) -> Entity {
        Entity {
            id: id.into(),
            label: label.into(),
            kind,
            aliases: vec![],
            titles: vec![],
            mentions: 1,
        }
    }

    fn hop(node: &str, relation: Relation) -> Hop {
        Hop {
            node: node.into(),
            mention: None,
            cue: None,
            relation,
        }
    }

    fn attribution(id: &str, span: Span, content: Option<Span>, hops: Vec<Hop>) -> Attribution {
        Attribution {
            id: id.into(),
            document: "doc".into(),
            span,
            content,
            direct: false,
            hops,
            rule: String::new(),
        }
    }

    fn analysis(publisher: Option<&str>) -> DocumentAnalysis {
        let second_start = TEXT.find("Officials").unwrap();
        DocumentAnalysis {
            document: Document {
                id: "doc".into(),
                path: None,
                title: None,
                publisher: publisher.map(String::from),
                publisher_mention: None,
                bytes: TEXT.len(),
                date: None,
            },
            entities: vec![
                entity("clubz", "ClubZ", Kind::Outlet),
                entity(
                    "kremlin-press-service",
                    "Kremlin press service",
                    Kind::Organization,
                ),
                entity("officials", "officials", Kind::Unnamed),
                entity("tass", "TASS", Kind::Outlet),
                entity("vladimir-putin", "Vladimir Putin", Kind::Person),
            ],
            attributions: vec![
                attribution(
                    "doc#1",
                    Span::new(0, 80),
                    Some(Span::new(0, 25)),
                    vec![
                        hop("vladimir-putin", Relation::Said),
                        hop("kremlin-press-service", Relation::Reported),
                        hop("tass", Relation::Quoted),
                    ],
                ),
                attribution(
                    "doc#2",
                    Span::new(second_start, TEXT.len() - 1),
                    None,
                    vec![hop("officials", Relation::Said)],
                ),
            ],
            diagnostics: vec![],
        }
    }

    #[test]
    fn lines_show_id_chain_with_publisher_and_content() {
        let graph = build_graph([&analysis(Some("clubz"))]);
        assert_eq!(
            chain_lines(&graph, &[("doc", TEXT)]),
            [
                "doc#1\tVladimir Putin -reported-> Kremlin press service -quoted-> TASS -published-> ClubZ\t\"Putin has called for calm\"",
                "doc#2\tofficials -published-> ClubZ\t\"Officials said the talks went well.\"",
            ]
        );
    }

    #[test]
    fn without_a_publisher_the_chain_ends_at_the_last_relay() {
        let graph = build_graph([&analysis(None)]);
        let lines = chain_lines(&graph, &[("doc", TEXT)]);
        assert_eq!(
            lines[0],
            "doc#1\tVladimir Putin -reported-> Kremlin press service -quoted-> TASS\t\"Putin has called for calm\""
        );
    }

    #[test]
    fn a_publisher_that_is_the_last_hop_is_not_repeated() {
        let graph = build_graph([&analysis(Some("tass"))]);
        let lines = chain_lines(&graph, &[("doc", TEXT)]);
        assert!(
            lines[0]
                .contains("\tVladimir Putin -reported-> Kremlin press service -quoted-> TASS\t"),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn documents_come_in_the_order_given_and_unknown_ones_give_nothing() {
        let mut other = analysis(None);
        other.document.id = "another".into();
        for attribution in &mut other.attributions {
            attribution.document = "another".into();
            attribution.id = attribution.id.replace("doc", "another");
        }
        let graph = build_graph([&analysis(None), &other]);
        let ids = |documents: &[(&str, &str)]| -> Vec<String> {
            chain_lines(&graph, documents)
                .iter()
                .map(|line| line.split('\t').next().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            ids(&[("doc", TEXT), ("another", TEXT)]),
            ["doc#1", "doc#2", "another#1", "another#2"]
        );
        assert_eq!(ids(&[("another", TEXT)]), ["another#1", "another#2"]);
        assert!(ids(&[("missing", TEXT)]).is_empty());
    }

    #[test]
    fn excerpts_collapse_whitespace_and_cut_at_the_limit() {
        assert_eq!(excerpt("  a \n b\t\tc ", 80), "\"a b c\"");
        assert_eq!(excerpt("abcdef", 6), "\"abcdef\"");
        assert_eq!(excerpt("abcdefg", 6), "\"abcdef…\"");
        assert_eq!(excerpt("abc   defg", 4), "\"abc…\"");
        assert_eq!(excerpt("Путин сказал", 5), "\"Путин…\"");
        assert_eq!(excerpt("", 80), "\"\"");
    }

    /// Issue 17, item 16: ESC and BEL from the input reached the terminal.
    #[test]
    fn excerpts_and_labels_show_control_characters_as_escapes() {
        assert_eq!(
            excerpt("a\u{1b}[31mred\u{7}", 80),
            "\"a\\u{1b}[31mred\\u{7}\""
        );
        assert_eq!(excerpt("\u{1b}\u{1b}\u{1b}", 2), "\"\\u{1b}\\u{1b}…\"");
        assert_eq!(
            one_line("Evil\u{1b}]0;owned\u{7} \u{202e}Corp"),
            "Evil\\u{1b}]0;owned\\u{7} \\u{202e}Corp"
        );
    }
}
