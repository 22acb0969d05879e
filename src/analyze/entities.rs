//! Stage 5: the entities a document's output names (the hops' sources and the publisher), one
//! per node id, sorted by id.

use crate::coref::Coref;
use crate::model::Entity;

/// The entities `used` (with repeats, in order of use), taken out of `coref` and merged by id.
pub(super) fn collect(coref: &mut Coref, used: impl IntoIterator<Item = usize>) -> Vec<Entity> {
    // Each entity counts once, however many hops use it: merged again into another entity of
    // its id, its mentions would be added twice.
    let mut seen = vec![false; coref.entities.len()];
    let mut taken: Vec<Entity> = Vec::new();
    for i in used {
        if !std::mem::replace(&mut seen[i], true) {
            taken.push(coref.take_entity(i));
        }
    }
    // By id; the sort is stable, so the entities of one id stay in the order they were used
    // and merge into the first of them.
    taken.sort_by(|a, b| a.id.cmp(&b.id));
    let mut entities: Vec<Entity> = Vec::with_capacity(taken.len());
    for entity in taken {
        match entities.last_mut() {
            Some(existing) if existing.id == entity.id => {
                if existing.label != entity.label || existing.mentions != entity.mentions {
                    merge(existing, entity);
                }
            }
            _ => entities.push(entity),
        }
    }
    entities
}

/// Two entities of one id become one: the other's label becomes an alias, titles and mentions
/// add up.
fn merge(into: &mut Entity, other: Entity) {
    let mut aliases: Vec<String> = into.aliases.drain(..).chain(other.aliases).collect();
    if other.label != into.label {
        aliases.push(other.label);
    }
    aliases.sort();
    aliases.dedup();
    aliases.retain(|a| *a != into.label);
    into.aliases = aliases;
    into.titles.extend(other.titles);
    into.titles.sort();
    into.titles.dedup();
    into.mentions += other.mentions;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{DocumentInput, analyze};
    use crate::model::Kind;

    fn entity(id: &str, label: &str, aliases: &[&str], titles: &[&str], mentions: usize) -> Entity {
        Entity {
            id: id.into(),
            label: label.into(),
            kind: Kind::Outlet,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: titles.iter().map(|s| s.to_string()).collect(),
            mentions,
        }
    }

    #[test]
    fn merging_keeps_the_first_label_and_adds_the_rest_up() {
        let mut into = entity("sapa", "SAPA", &["the agency"], &["b"], 2);
        merge(
            &mut into,
            entity(
                "sapa",
                "the SAPA news agency",
                &["SAPA", "x"],
                &["a", "b"],
                1,
            ),
        );
        assert_eq!(into.label, "SAPA");
        assert_eq!(into.aliases, ["the SAPA news agency", "the agency", "x"]);
        assert_eq!(into.titles, ["a", "b"]);
        assert_eq!(into.mentions, 3);
    }

    /// Regression: two entities of one id ("the SAPA news agency", "SAPA"), one used by several
    /// hops, were merged once per use, so its mentions were counted again each time (5, not 3).
    #[test]
    fn an_entity_used_by_several_hops_counts_its_mentions_once() {
        let text = "Talks end\n\nPRETORIA, Nov 20 (Xinhua) -- The talks failed, the SAPA news \
                    agency reported. SAPA said the minister left on Monday. Prices rose, SAPA \
                    reported, quoting officials.\n";
        let analysis = analyze(&DocumentInput::new("doc", text));
        let sapa = analysis
            .entities
            .iter()
            .find(|e| e.id == "sapa")
            .expect("SAPA is a source");
        assert_eq!(sapa.aliases, ["the SAPA news agency"]);
        assert_eq!(sapa.mentions, text.matches("SAPA").count());
        assert_eq!(
            analysis
                .attributions
                .iter()
                .filter(|a| a.hops.iter().any(|h| h.node == "sapa"))
                .count(),
            3
        );
    }
}
