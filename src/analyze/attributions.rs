//! Stage 4: attributions. Each draft whose hops were resolved becomes an attribution: repeats
//! of one source in a row merge, an outlet's "said" is a report, the publisher at the end of a
//! chain is dropped, and the attributions are sorted and numbered in text order.

use super::sources::HopEntities;
use crate::assemble::{Draft, DraftHop};
use crate::coref::Coref;
use crate::model::{Attribution, Hop, Kind, Relation};
use crate::span::Span;
use crate::text::Text;

/// The attributions of a document, and the entities their hops use (with repeats).
pub(super) struct Built {
    pub attributions: Vec<Attribution>,
    pub used: Vec<usize>,
}

/// What the stage reads: the text, the drafts and the entities of their hops.
pub(super) struct Drafts<'d, 't, 'a> {
    pub text: &'d Text<'a>,
    pub drafts: &'d [Draft],
    pub entities: &'d HopEntities,
    pub coref: &'d Coref<'t, 'a>,
}

/// The publisher's node id and label, for the chains it closes.
#[derive(Clone, Copy)]
pub(super) struct PublisherName<'p> {
    pub id: &'p str,
    pub label: &'p str,
}

/// The attributions of document `document`, published by `publisher`.
pub(super) fn build(from: &Drafts, document: &str, publisher: Option<PublisherName>) -> Built {
    let mut used: Vec<usize> = Vec::new();
    let mut attributions: Vec<(Span, Attribution)> = Vec::new();
    for (d, draft) in from.drafts.iter().enumerate() {
        let hops = chain(from, d, publisher);
        let Some(span) = statement_span(draft, &hops) else {
            continue;
        };
        used.extend(hops.iter().map(|(e, _)| *e));
        let attribution = Attribution {
            id: String::new(),
            document: document.to_string(),
            span,
            content: draft.content.map(|c| c.span),
            direct: draft.content.is_some_and(|c| c.direct),
            hops: hops.into_iter().map(|(_, hop)| hop).collect(),
            rule: draft.rule.as_str().to_string(),
        };
        attributions.push((span, attribution));
    }
    Built {
        attributions: number(document, attributions),
        used,
    }
}

/// The resolved hops of draft `d`, with their entities: a source repeated in a row is one hop,
/// and the publisher closing a longer chain is no hop ("told TASS" in a TASS story, "told
/// CityPaper.com" on CityPaper's page).
fn chain(from: &Drafts, d: usize, publisher: Option<PublisherName>) -> Vec<(usize, Hop)> {
    let draft = &from.drafts[d];
    let mut hops: Vec<(usize, Hop)> = Vec::with_capacity(draft.hops.len());
    for (h, hop) in draft.hops.iter().enumerate() {
        let Some(entity) = from.entities.get(d, h) else {
            continue;
        };
        // Hops are compared by node id, which is what merges entities: the same source twice
        // in a row, even as two entities of one name ("Reuters reported, quoted by Reuters"),
        // is one hop.
        let node = from.coref.id(entity);
        if hops.last().is_some_and(|(_, last)| last.node == node) {
            continue;
        }
        hops.push((entity, model_hop(from, hop, entity, node)));
    }
    let names_publisher = |(entity, hop): &(usize, Hop)| {
        publisher.is_some_and(|p| {
            hop.node == p.id
                || crate::publisher::same_outlet(&from.coref.entities[*entity].label, p.label)
        })
    };
    if hops.len() >= 2 && hops.last().is_some_and(names_publisher) {
        hops.pop();
    }
    hops
}

/// A draft hop as the model's hop of node `node`: what an outlet says, it reports ("the agency
/// recalled").
fn model_hop(from: &Drafts, hop: &DraftHop, entity: usize, node: String) -> Hop {
    let relation = match hop.relation {
        Relation::Said if from.coref.entities[entity].kind == Kind::Outlet => Relation::Reported,
        other => other,
    };
    let text = from.text;
    Hop {
        node,
        mention: hop.mention.as_ref().map(|m| text.span(m.np)),
        cue: hop.cue.map(|c| text.span(c)),
        relation,
    }
}

/// The whole statement: its content and every hop's mention and cue; `None` without hops.
fn statement_span(draft: &Draft, hops: &[(usize, Hop)]) -> Option<Span> {
    if hops.is_empty() {
        return None;
    }
    let mut span = draft.content.map(|c| c.span);
    for (_, hop) in hops {
        for s in [hop.mention, hop.cue].into_iter().flatten() {
            span = Some(span.map_or(s, |x| x.cover(s)));
        }
    }
    span
}

/// The attributions in text order (ties by rule), one per span and chain, numbered from 1.
fn number(document: &str, mut attributions: Vec<(Span, Attribution)>) -> Vec<Attribution> {
    attributions.sort_by(|a, b| {
        (a.0.start, a.0.end)
            .cmp(&(b.0.start, b.0.end))
            .then_with(|| a.1.rule.cmp(&b.1.rule))
    });
    attributions.dedup_by(|a, b| a.0 == b.0 && a.1.hops == b.1.hops);
    attributions
        .into_iter()
        .enumerate()
        .map(|(n, (_, mut a))| {
            a.id = attribution_id(document, n + 1);
            a
        })
        .collect()
}

/// `<document>#<n>`.
fn attribution_id(document: &str, n: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut id = String::with_capacity(document.len() + 1 + digits.len());
    id.push_str(document);
    id.push('#');
    id.push_str(digits);
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    /// Each attribution as `id rule: node -relation-> node ...`.
    fn attributions(input: &str, publisher: Option<(&str, &str)>) -> Vec<String> {
        let text = Text::new(input, lexicon());
        let drafts = super::super::drafts::find(&text);
        let mut coref = Coref::new(&text, "doc");
        let entities = super::super::sources::resolve(&text, &drafts, &mut coref);
        let from = Drafts {
            text: &text,
            drafts: &drafts,
            entities: &entities,
            coref: &coref,
        };
        let publisher = publisher.map(|(id, label)| PublisherName { id, label });
        build(&from, "doc", publisher)
            .attributions
            .iter()
            .map(|a| {
                let hops: Vec<String> = a
                    .hops
                    .iter()
                    .map(|h| format!("{} ({})", h.node, h.relation.as_str()))
                    .collect();
                format!("{} {}: {}", a.id, a.rule, hops.join(" "))
            })
            .collect()
    }

    #[test]
    fn attributions_are_numbered_in_text_order() {
        let text = "Talks\n\nThe talks failed, Sullivan said. Prices rose, officials said.\n";
        assert_eq!(
            attributions(text, None),
            [
                "doc#1 postposed: sullivan (said)",
                "doc#2 postposed: officials--doc (said)"
            ]
        );
    }

    #[test]
    fn what_an_outlet_says_it_reports() {
        let text = "Talks\n\nThe talks failed, Reuters said.\n";
        assert_eq!(
            attributions(text, None),
            ["doc#1 postposed: reuters (reported)"]
        );
    }

    #[test]
    fn the_publisher_closing_a_chain_is_dropped_unless_alone() {
        let text = "Talks\n\nThe talks failed, Sullivan told TASS. Prices rose, TASS reported.\n";
        let with = attributions(text, Some(("tass", "TASS")));
        assert_eq!(with[0], "doc#1 postposed: sullivan (said)");
        assert_eq!(with[1], "doc#2 postposed: tass (reported)");
        let without = attributions(text, None);
        assert_eq!(
            without[0],
            "doc#1 postposed: sullivan (said) tass (interview)"
        );
    }

    #[test]
    fn the_publisher_by_its_domain_closing_a_chain_is_dropped() {
        let text = "Roads\n\nThe road will close, officials told CityPaper.com.\n";
        let with = attributions(text, Some(("citypaper", "CityPaper")));
        assert_eq!(with, ["doc#1 postposed: officials--doc (said)"]);
        let other = attributions(text, Some(("city-times", "City Times")));
        assert_eq!(other.len(), 1);
        assert!(other[0].contains("citypaper-com"), "{other:?}");
    }

    #[test]
    fn a_source_repeated_in_a_row_is_one_hop() {
        let text = "Talks\n\nThe talks failed, Reuters reported, quoted by Reuters.\n";
        let found = attributions(text, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].matches("reuters").count(), 1, "{found:?}");
    }

    #[test]
    fn ids_join_the_document_and_the_number() {
        assert_eq!(attribution_id("doc", 1), "doc#1");
        assert_eq!(attribution_id("a#b", 120), "a#b#120");
    }
}
