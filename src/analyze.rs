//! The pipeline for one document: text → sentences → frames → drafts → entities → attributions.

use crate::assemble::{Draft, assemble, neighbour_quote};
use crate::coref::{At, Coref, name_mentions};
use crate::lexicon::lexicon;
use crate::mention::{MentionKind, Np};
use crate::model::{Attribution, Document, DocumentAnalysis, Entity, Hop, Relation};
use crate::rules::{Ctx, RuleId, find_frames};
use crate::span::Span;
use crate::text::Text;
use crate::text::token::TokenFlags;
use crate::{coref::EntityBuild, model::Kind, publisher};

/// One document to analyse, with whatever metadata the caller has.
#[derive(Clone, Debug, Default)]
pub struct DocumentInput<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub path: Option<&'a str>,
    /// A title from metadata; otherwise the headline line is used.
    pub title: Option<&'a str>,
    /// A publisher name from metadata; it wins over what the text says.
    pub publisher: Option<&'a str>,
}

impl<'a> DocumentInput<'a> {
    pub fn new(id: &'a str, text: &'a str) -> DocumentInput<'a> {
        DocumentInput {
            id,
            text,
            ..DocumentInput::default()
        }
    }
}

/// The longest first line that still reads as a headline.
const MAX_HEADLINE_WORDS: usize = 30;

/// Is the first sentence the document's headline (a first line on its own)?
fn has_headline(text: &Text) -> bool {
    let Some(first) = text.sentences.first() else {
        return false;
    };
    let one_line = text.tokens[first.start + 1..first.end]
        .iter()
        .all(|t| !t.has(TokenFlags::LINE_BEFORE));
    let next_is_new_paragraph = text
        .sentences
        .get(1)
        .is_none_or(|s| s.paragraph > first.paragraph);
    one_line && next_is_new_paragraph && first.end - first.start <= MAX_HEADLINE_WORDS
}

/// The title: the first non-empty line, if it is not too long to be one.
fn title_of(text: &str) -> Option<String> {
    let line = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())?;
    (line.len() <= 300).then(|| line.to_string())
}

/// Analyses one document. Never fails: odd text yields fewer attributions and diagnostics.
pub fn analyze(input: &DocumentInput) -> DocumentAnalysis {
    let text = Text::new(input.text, lexicon());
    let headline = has_headline(&text);

    // Frames per sentence, assembled into drafts.
    let mut drafts: Vec<Draft> = Vec::new();
    let mut buffers = (Vec::new(), Vec::new());
    for i in 0..text.sentences.len() {
        let ctx = Ctx::with_buffers(&text, i, headline && i == 0, buffers.0, buffers.1);
        let frames = find_frames(&ctx);
        drafts.extend(assemble(&text, i, &frames));
        buffers = ctx.into_buffers();
    }
    let neighbours = neighbour_quote::find(&text, &drafts);
    drafts.extend(neighbours);

    // Coreference over every mention in document order: names anywhere, sources in drafts.
    enum Item {
        Name(Np, usize),
        Hop(usize, usize),
    }
    let names = name_mentions(&text);
    let hop_count: usize = drafts.iter().map(|draft| draft.hops.len()).sum();
    let mut items: Vec<(usize, Item)> = Vec::with_capacity(names.len() + hop_count);
    let mut hop_tokens: Vec<Np> = drafts
        .iter()
        .flat_map(|d| {
            d.hops
                .iter()
                .filter_map(|h| h.mention.as_ref().map(|m| m.np))
        })
        .collect();
    hop_tokens.sort_unstable();
    // The longest hop mention, to bound the search for overlaps.
    let longest = hop_tokens.iter().map(|np| np.len()).max().unwrap_or(0);
    for (np, sentence) in &names {
        let from = hop_tokens.partition_point(|h| h.first + longest <= np.first);
        let overlaps_hop = hop_tokens[from..]
            .iter()
            .take_while(|h| h.first <= np.last)
            .any(|h| np.first <= h.last);
        if !overlaps_hop {
            items.push((np.first, Item::Name(*np, *sentence)));
        }
    }
    for (d, draft) in drafts.iter().enumerate() {
        for (h, hop) in draft.hops.iter().enumerate() {
            let position = hop.mention.as_ref().map_or(usize::MAX, |m| m.np.first);
            items.push((position, Item::Hop(d, h)));
        }
    }
    items.sort_by_key(|(position, _)| *position);

    let mut coref = Coref::new(&text, input.id);
    // The entity of each hop: `resolved[first_hop[d] + h]` for hop `h` of draft `d`.
    let first_hop: Vec<usize> = drafts
        .iter()
        .scan(0, |next, draft| {
            let first = *next;
            *next += draft.hops.len();
            Some(first)
        })
        .collect();
    let mut resolved: Vec<Option<usize>> = vec![None; hop_count];
    for (_, item) in &items {
        match item {
            Item::Name(np, sentence) => {
                coref.note_name(
                    *np,
                    At {
                        sentence: *sentence,
                        exclude: None,
                        source: false,
                        statement: false,
                        relay: false,
                    },
                );
            }
            Item::Hop(d, h) => {
                let draft = &drafts[*d];
                let hop = &draft.hops[*h];
                let Some(mention) = &hop.mention else {
                    continue;
                };
                let at = At {
                    sentence: draft.sentence,
                    exclude: draft.content.map(|c| (c.first, c.end)),
                    source: true,
                    statement: hop.statement,
                    relay: matches!(
                        hop.relation,
                        Relation::Quoted | Relation::Via | Relation::Interview | Relation::Cited
                    ),
                };
                if let Some(entity) = coref.resolve(mention, at) {
                    if let Some(appositive) = hop.appositive {
                        coref.describe(entity, appositive);
                    }
                    resolved[first_hop[*d] + *h] = Some(entity);
                }
            }
        }
    }
    // Hops inferred from a neighbouring quotation take their neighbour's entities.
    for (d, draft) in drafts.iter().enumerate() {
        if draft.rule != RuleId::NeighbourQuote {
            continue;
        }
        let Some(prev) = drafts[..d].iter().enumerate().rev().find(|(_, p)| {
            p.hops.len() == draft.hops.len()
                && p.content
                    .is_some_and(|c| draft.content.is_some_and(|dc| c.span.end <= dc.span.start))
        }) else {
            continue;
        };
        let prev_index = prev.0;
        for h in 0..draft.hops.len() {
            if let Some(entity) = resolved[first_hop[prev_index] + h] {
                resolved[first_hop[d] + h] = Some(entity);
            }
        }
    }

    // The publisher: metadata wins over the text.
    let (publisher, publisher_mention) = match input.publisher {
        Some(name) => (Some(metadata_publisher(&mut coref, name)), None),
        None => match publisher::find(&text) {
            Some(mention) => {
                let at = At {
                    sentence: text.sentence_of(mention.np.first),
                    exclude: None,
                    source: false,
                    statement: false,
                    relay: false,
                };
                let entity = coref.resolve(&mention, at);
                (
                    entity,
                    entity.map(|_| text.span(mention.np.first, mention.np.last)),
                )
            }
            None => (None, None),
        },
    };

    // Attributions.
    let publisher_id = publisher.map(|p| coref.id(p));
    let mut used: Vec<usize> = Vec::new();
    let mut attributions: Vec<(Span, Attribution)> = Vec::new();
    for (d, draft) in drafts.iter().enumerate() {
        let mut hops: Vec<(usize, Hop)> = Vec::with_capacity(draft.hops.len());
        for (h, hop) in draft.hops.iter().enumerate() {
            let Some(entity) = resolved[first_hop[d] + h] else {
                continue;
            };
            // Hops are compared by node id, which is what merges entities: the same source
            // twice in a row, even as two entities of one name ("Reuters reported, quoted by
            // Reuters"), is one hop.
            let node = coref.id(entity);
            if hops.last().is_some_and(|(_, last)| last.node == node) {
                continue;
            }
            // What an outlet says, it reports ("the agency recalled").
            let relation = match hop.relation {
                Relation::Said if coref.entities[entity].kind == Kind::Outlet => Relation::Reported,
                other => other,
            };
            hops.push((
                entity,
                Hop {
                    node,
                    mention: hop
                        .mention
                        .as_ref()
                        .map(|m| text.span(m.np.first, m.np.last)),
                    cue: hop.cue.map(|c| text.span(c.first, c.last)),
                    relation,
                },
            ));
        }
        // The publisher is not part of the chain ("told TASS" in a TASS story), unless alone.
        if hops.len() >= 2
            && hops
                .last()
                .is_some_and(|(_, hop)| Some(&hop.node) == publisher_id.as_ref())
        {
            hops.pop();
        }
        if hops.is_empty() {
            continue;
        }
        let mut span = draft.content.map(|c| c.span);
        for (_, hop) in &hops {
            for s in [hop.mention, hop.cue].into_iter().flatten() {
                span = Some(span.map_or(s, |x| x.cover(s)));
            }
        }
        let Some(span) = span else { continue };
        used.extend(hops.iter().map(|(e, _)| *e));
        let attribution = Attribution {
            id: String::new(),
            document: input.id.to_string(),
            span,
            content: draft.content.map(|c| c.span),
            direct: draft.content.is_some_and(|c| c.direct),
            hops: hops.into_iter().map(|(_, hop)| hop).collect(),
            rule: draft.rule.as_str().to_string(),
        };
        attributions.push((span, attribution));
    }
    attributions.sort_by(|a, b| {
        (a.0.start, a.0.end)
            .cmp(&(b.0.start, b.0.end))
            .then_with(|| a.1.rule.cmp(&b.1.rule))
    });
    attributions.dedup_by(|a, b| a.0 == b.0 && a.1.hops == b.1.hops);
    let attributions: Vec<Attribution> = attributions
        .into_iter()
        .enumerate()
        .map(|(n, (_, mut a))| {
            a.id = attribution_id(input.id, n + 1);
            a
        })
        .collect();

    // Entities referenced by a hop or as the publisher, merged by id.
    used.extend(publisher);
    // Each entity counts once, however many hops use it: merged again into another entity of
    // its id, its mentions would be added twice.
    let mut seen = vec![false; coref.entities.len()];
    let mut taken: Vec<Entity> = Vec::with_capacity(used.len());
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
                    merge_entity(existing, entity);
                }
            }
            _ => entities.push(entity),
        }
    }
    let mut diagnostics = text.diagnostics.clone();
    diagnostics.truncate(100);

    DocumentAnalysis {
        document: Document {
            id: input.id.to_string(),
            path: input.path.map(String::from),
            title: input
                .title
                .map(String::from)
                .or_else(|| title_of(input.text)),
            publisher: publisher_id,
            publisher_mention,
            bytes: input.text.len(),
        },
        entities,
        attributions,
        diagnostics,
    }
}

/// `<document>#<n>`, built directly: `format!` costs several times as much, once per
/// attribution.
fn attribution_id(document: &str, n: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut id = String::with_capacity(document.len() + 1 + digits.len());
    id.push_str(document);
    id.push('#');
    id.push_str(digits);
    id
}

fn merge_entity(into: &mut Entity, other: Entity) {
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

/// An outlet named by metadata: the lexicon's when it knows the name, else a new outlet.
fn metadata_publisher(coref: &mut Coref, name: &str) -> usize {
    let text = Text::new(name, lexicon());
    if !text.tokens.is_empty() {
        let np = Np {
            first: 0,
            last: text.tokens.len() - 1,
        };
        let mention = crate::mention::classify(&text, np);
        if let MentionKind::Known { target, .. } = mention.kind {
            let lex = lexicon();
            let (id, label) = match target {
                crate::lexicon::NameTarget::Outlet(i) => {
                    (lex.outlet(i).id.clone(), lex.outlet(i).label.clone())
                }
                crate::lexicon::NameTarget::Org(i) => {
                    (lex.org(i).id.clone(), lex.org(i).label.clone())
                }
                crate::lexicon::NameTarget::Country(i) => {
                    let c = &lex.countries[i as usize];
                    (crate::mention::slug(&c.name), c.name.clone())
                }
            };
            return coref.add_entity(id, label, Kind::Outlet);
        }
    }
    let label = name.split_whitespace().collect::<Vec<_>>().join(" ");
    coref.add_entity(crate::mention::slug(&label), label, Kind::Outlet)
}

impl Coref<'_, '_> {
    /// An entity with a fixed id (for metadata), reusing one of the same id.
    pub fn add_entity(&mut self, id: String, label: String, kind: Kind) -> usize {
        if let Some(i) = (0..self.entities.len()).find(|&i| self.id(i) == id) {
            return i;
        }
        let mut e = EntityBuild::new_pub(label, kind);
        e.fixed_id = Some(id);
        self.entities.push(e);
        self.entities.len() - 1
    }
}

/// A human-readable trace of the analysis: every sentence with the frames the rules found in
/// it and the drafts assembled from them. For debugging rules and for audits.
pub fn explain(input: &DocumentInput) -> String {
    use std::fmt::Write;
    let text = Text::new(input.text, lexicon());
    let headline = has_headline(&text);
    let mut out = String::new();
    let words = |np: Np| text.span(np.first, np.last).slice(input.text).to_string();
    // The rules that found something, for the legend at the end.
    let mut fired: Vec<RuleId> = Vec::new();
    for (i, s) in text.sentences.iter().enumerate() {
        let ctx = Ctx::new(&text, i, headline && i == 0);
        let frames = find_frames(&ctx);
        if frames.is_empty() {
            continue;
        }
        let sentence = text.span(s.start, s.end - 1).slice(input.text);
        let _ = writeln!(out, "[{i}] {sentence}");
        for f in &frames {
            fired.push(f.rule);
            let source = f
                .source
                .as_ref()
                .map(|m| format!("{} ({})", words(m.np), kind_name(&m.kind)))
                .unwrap_or_default();
            let content = f
                .content
                .map(|c| c.span.slice(input.text).to_string())
                .unwrap_or_default();
            let content: String = content.chars().take(70).collect();
            let _ = writeln!(
                out,
                "    {:<16} {:?} cue={:?} src={} weak={} content={:?}",
                f.rule,
                f.role,
                words(f.cue),
                source,
                f.weak,
                content
            );
        }
        for d in assemble(&text, i, &frames) {
            let chain: Vec<String> = d
                .hops
                .iter()
                .map(|h| {
                    h.mention
                        .as_ref()
                        .map(|m| words(m.np))
                        .unwrap_or_else(|| "?".into())
                })
                .collect();
            let _ = writeln!(out, "    => {} [{}]", d.rule, chain.join(" -> "));
        }
    }
    fired.sort_unstable();
    fired.dedup();
    if !fired.is_empty() {
        let _ = writeln!(out, "rules:");
        for rule in fired {
            let _ = writeln!(out, "    {:<16} {}", rule, rule.description());
        }
    }
    out
}

fn kind_name(kind: &MentionKind) -> &'static str {
    match kind {
        MentionKind::Pronoun { .. } => "pronoun",
        MentionKind::Relative => "relative",
        MentionKind::Person { .. } => "person",
        MentionKind::Known { .. } => "known",
        MentionKind::Outlet { .. } => "outlet",
        MentionKind::Organization { .. } => "org",
        MentionKind::Description { .. } => "description",
        MentionKind::Group { .. } => "group",
        MentionKind::Unnamed { .. } => "unnamed",
        MentionKind::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
