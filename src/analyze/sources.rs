//! Stage 2: coreference. Every name in the text and every draft hop's source mention is
//! resolved to an entity, in document order, so that "Sullivan", "he" and "the adviser" reach
//! the Jake Sullivan named before them.

use crate::assemble::{Draft, DraftHop};
use crate::coref::{At, Coref, name_mentions};
use crate::model::Relation;
use crate::rules::RuleId;
use crate::text::Text;
use crate::text::TokenRange;

/// The entity of each draft hop, where its source was resolved.
pub(crate) struct HopEntities {
    /// Where each draft's hops start in `entities`.
    first_hop: Vec<usize>,
    entities: Vec<Option<usize>>,
}

impl HopEntities {
    /// Room for every hop of `drafts`, none resolved yet.
    fn new(drafts: &[Draft]) -> HopEntities {
        let mut first_hop = Vec::with_capacity(drafts.len());
        let mut hops = 0;
        for draft in drafts {
            first_hop.push(hops);
            hops += draft.hops.len();
        }
        HopEntities {
            first_hop,
            entities: vec![None; hops],
        }
    }

    /// The entity of hop `hop` of draft `draft`.
    pub(super) fn get(&self, draft: usize, hop: usize) -> Option<usize> {
        self.entities[self.first_hop[draft] + hop]
    }

    fn set(&mut self, draft: usize, hop: usize, entity: usize) {
        self.entities[self.first_hop[draft] + hop] = Some(entity);
    }
}

/// A mention to resolve, at its first token.
enum Item {
    /// A name found anywhere in the text, with its sentence.
    Name(TokenRange, usize),
    /// Hop `.1` of draft `.0`.
    Hop(usize, usize),
}

/// Resolves the names of the text and the sources of `drafts`, in document order.
pub(super) fn resolve(text: &Text, drafts: &[Draft], coref: &mut Coref) -> HopEntities {
    resolve_traced(text, drafts, coref, |_, _| {})
}

/// [`resolve`], telling `seen` each mention it resolves (a name or a hop's source) and the
/// entity it resolved to, in the order resolved: for coreference's tests.
pub(crate) fn resolve_traced(
    text: &Text,
    drafts: &[Draft],
    coref: &mut Coref,
    mut seen: impl FnMut(TokenRange, Option<usize>),
) -> HopEntities {
    let mut resolved = HopEntities::new(drafts);
    for (_, item) in mentions_in_order(text, drafts) {
        match item {
            Item::Name(np, sentence) => seen(np, coref.note_name(np, name_at(sentence))),
            Item::Hop(d, h) => {
                let hop = &drafts[d].hops[h];
                let Some(mention) = &hop.mention else {
                    continue;
                };
                let entity = resolve_hop(coref, &drafts[d], hop);
                seen(mention.np, entity);
                if let Some(entity) = entity {
                    resolved.set(d, h, entity);
                }
            }
        }
    }
    inherit_neighbours(drafts, &mut resolved);
    for (described, person) in coref.people_named_later() {
        for entity in resolved
            .entities
            .iter_mut()
            .filter(|e| **e == Some(described))
        {
            *entity = Some(person);
        }
    }
    resolved
}

/// Every name of the text that is no hop's mention, and every hop, sorted by position (hops
/// without a mention last).
fn mentions_in_order(text: &Text, drafts: &[Draft]) -> Vec<(usize, Item)> {
    let names = name_mentions(text);
    let mut hop_mentions: Vec<TokenRange> = drafts
        .iter()
        .flat_map(|d| {
            d.hops
                .iter()
                .filter_map(|h| h.mention.as_ref().map(|m| m.np))
        })
        .collect();
    hop_mentions.sort_unstable();
    // The longest hop mention, to bound the search for overlaps.
    let longest = hop_mentions.iter().map(|np| np.len()).max().unwrap_or(0);
    let hop_count: usize = drafts.iter().map(|draft| draft.hops.len()).sum();
    let mut items: Vec<(usize, Item)> = Vec::with_capacity(names.len() + hop_count);
    for (np, sentence) in names {
        let from = hop_mentions.partition_point(|h| h.start + longest <= np.start);
        let overlaps_hop = hop_mentions[from..]
            .iter()
            .take_while(|h| h.start < np.end)
            .any(|h| h.overlaps(np));
        if !overlaps_hop {
            items.push((np.start, Item::Name(np, sentence)));
        }
    }
    for (d, draft) in drafts.iter().enumerate() {
        for (h, hop) in draft.hops.iter().enumerate() {
            let position = hop.mention.as_ref().map_or(usize::MAX, |m| m.np.start);
            items.push((position, Item::Hop(d, h)));
        }
    }
    items.sort_by_key(|(position, _)| *position);
    items
}

/// Where a name that is no source stands.
pub(super) fn name_at(sentence: usize) -> At {
    At {
        sentence,
        exclude: None,
        source: false,
        statement: false,
        relay: false,
    }
}

/// The entity of one hop's source mention; an appositive describing it adds its titles.
fn resolve_hop(coref: &mut Coref, draft: &Draft, hop: &DraftHop) -> Option<usize> {
    let mention = hop.mention.as_ref()?;
    let at = At {
        sentence: draft.sentence,
        exclude: draft.content.map(|c| c.tokens),
        source: true,
        statement: hop.statement,
        relay: matches!(
            hop.relation,
            Relation::Quoted | Relation::Via | Relation::Interview | Relation::Cited
        ),
    };
    let entity = coref.resolve(mention, at)?;
    if let Some(appositive) = hop.appositive {
        coref.describe(entity, appositive);
    }
    Some(entity)
}

/// Hops inferred from a neighbouring quotation take the entities of the nearest earlier draft
/// with as many hops whose content ends before theirs starts.
fn inherit_neighbours(drafts: &[Draft], resolved: &mut HopEntities) {
    for (d, draft) in drafts.iter().enumerate() {
        if draft.rule != RuleId::NeighbourQuote {
            continue;
        }
        let Some(prev) = drafts[..d].iter().rposition(|p| {
            p.hops.len() == draft.hops.len()
                && p.content
                    .is_some_and(|c| draft.content.is_some_and(|dc| c.span.end <= dc.span.start))
        }) else {
            continue;
        };
        for h in 0..draft.hops.len() {
            if let Some(entity) = resolved.get(prev, h) {
                resolved.set(d, h, entity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    /// The entity ids of each draft's hops, in draft order.
    fn chains(input: &str) -> Vec<Vec<String>> {
        let text = Text::new(input, lexicon());
        let drafts = super::super::drafts::find(&text);
        let mut coref = Coref::new(&text, "doc");
        let resolved = resolve(&text, &drafts, &mut coref);
        drafts
            .iter()
            .enumerate()
            .map(|(d, draft)| {
                (0..draft.hops.len())
                    .map(|h| resolved.get(d, h).map_or("-".into(), |e| coref.id(e)))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_person_described_first_is_the_one_named_next_with_that_title() {
        let text = "VIENNA - The house will be a police station, Austria's interior minister \
                    said. The plan ends a debate. \"It sends a signal,\" Interior Minister \
                    Wolfgang Peschorn said.";
        assert_eq!(chains(text), [["wolfgang-peschorn"], ["wolfgang-peschorn"]]);
        let text = "A California transit chief says a man was stabbed. Interim BART Police \
                    Chief Ed Alvarez told reporters that officials got calls.";
        assert_eq!(chains(text), [["ed-alvarez"], ["ed-alvarez"]]);
        // Not one of another nationality or party, nor a spokesman of a person named beside.
        let text = "A Democratic senator said the deal was done. Republican Senator John \
                    Cornyn said no.";
        assert_eq!(chains(text), [["democratic-senator--doc"], ["john-cornyn"]]);
        let text = "A spokesman for President Yasser Arafat said it was wrong. State \
                    Department spokesman Nicholas Burns said it was right.";
        assert_eq!(
            chains(text),
            [
                ["spokesman-for-president-yasser-arafat--doc"],
                ["nicholas-burns"]
            ]
        );
    }

    #[test]
    fn a_surname_reaches_the_full_name_named_anywhere_before() {
        let text = "Talks\n\nJake Sullivan flew to Geneva on Monday. \
                    The talks failed, Sullivan said.\n";
        assert_eq!(chains(text), [["jake-sullivan"]]);
    }

    #[test]
    fn a_name_inside_a_hop_mention_is_resolved_once_as_the_hop() {
        let text = "Talks\n\nUS National Security Adviser Jake Sullivan said the talks failed.\n";
        assert_eq!(chains(text), [["jake-sullivan"]]);
    }

    #[test]
    fn a_neighbouring_quotation_takes_its_neighbours_sources() {
        let text = "Talks\n\n\"We are leaving,\" Sullivan told Reuters. \"It is over.\"\n";
        let chains = chains(text);
        assert_eq!(chains.len(), 2);
        assert_eq!(chains[1], chains[0]);
        assert_eq!(chains[0].first().map(String::as_str), Some("sullivan"));
    }

    #[test]
    fn an_appositive_gives_its_source_a_title() {
        let text = "Talks\n\nJake Sullivan, the national security adviser, said the talks \
                    failed. The adviser said more.\n";
        assert_eq!(chains(text), [["jake-sullivan"], ["jake-sullivan"]]);
    }
}
