//! Dependence: which outlets each publisher leans on, and who carried each origin through whom.

use std::collections::BTreeMap;

use super::{Carrier, Dependence, Facts, Origin, sorted};
use crate::graph::ProvGraph;

/// Publisher x outlet leaned on (see the module header of `audit`), most attributions first.
pub(super) fn dependence(graph: &ProvGraph, facts: &Facts) -> Vec<Dependence> {
    let mut rows: BTreeMap<(Option<&str>, &str), Dependence> = BTreeMap::new();
    for attribution in &graph.attributions {
        let publisher = facts.publisher(&attribution.document);
        for outlet in facts.leaned_on(&attribution.document, &attribution.hops) {
            let row = rows
                .entry((publisher, outlet))
                .or_insert_with(|| Dependence {
                    publisher: publisher.map(str::to_string),
                    outlet: outlet.to_string(),
                    ..Dependence::default()
                });
            row.attributions.push(attribution.id.clone());
            row.documents.push(attribution.document.clone());
        }
    }
    let mut rows: Vec<Dependence> = rows
        .into_values()
        .map(|mut row| {
            row.documents = sorted(row.documents);
            row
        })
        .collect();
    rows.sort_by(|a, b| {
        b.attributions
            .len()
            .cmp(&a.attributions.len())
            .then_with(|| publisher_order(&a.publisher).cmp(&publisher_order(&b.publisher)))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    rows
}

/// Known publishers by id, the unknown one last.
pub(super) fn publisher_order(publisher: &Option<String>) -> (bool, Option<&str>) {
    (publisher.is_none(), publisher.as_deref())
}

/// Every origin with its carriers: most documents first, then most attributions, then id.
pub(super) fn origins(graph: &ProvGraph, facts: &Facts) -> Vec<Origin> {
    // origin -> (publisher order, relays) -> attribution ids
    type Carriers<'a> = BTreeMap<((bool, Option<&'a str>), Vec<&'a str>), Vec<String>>;
    let mut by_origin: BTreeMap<&str, (Vec<String>, Vec<String>, Carriers)> = BTreeMap::new();
    for attribution in &graph.attributions {
        let Some((origin, relays)) = attribution.hops.split_first() else {
            continue;
        };
        let publisher = facts.publisher(&attribution.document);
        let relays: Vec<&str> = relays.iter().map(|hop| hop.node.as_str()).collect();
        let (documents, attributions, carriers) = by_origin.entry(&origin.node).or_default();
        documents.push(attribution.document.clone());
        attributions.push(attribution.id.clone());
        carriers
            .entry(((publisher.is_none(), publisher), relays))
            .or_default()
            .push(attribution.id.clone());
    }
    let mut origins: Vec<Origin> = by_origin
        .into_iter()
        .map(|(origin, (documents, attributions, carriers))| Origin {
            origin: origin.to_string(),
            documents: sorted(documents),
            attributions,
            carriers: carriers
                .into_iter()
                .map(|(((_, publisher), relays), attributions)| Carrier {
                    publisher: publisher.map(str::to_string),
                    relays: relays.into_iter().map(str::to_string).collect(),
                    attributions,
                })
                .collect(),
        })
        .collect();
    origins.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then_with(|| b.attributions.len().cmp(&a.attributions.len()))
            .then_with(|| a.origin.cmp(&b.origin))
    });
    origins
}
