//! Stage 3: the document's publisher. A publisher from metadata wins over what the text says
//! (`crate::publisher` finds that: datelines, footers, credit lines, bylines...), unless the
//! lexicon does not know the metadata's name and the text credits a news agency: a page of
//! relayed wire copy whose site name is page furniture ("Hosted") is the agency's story.

use crate::coref::Coref;
use crate::lexicon::{NameTarget, OutletKind, lexicon};
use crate::mention::{MentionKind, classify, slug};
use crate::model::Kind;
use crate::publisher::Found;
use crate::span::Span;
use crate::text::Text;
use crate::text::TokenRange;

/// The publisher's entity, and where the text names it (never for metadata).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Publisher {
    pub entity: Option<usize>,
    pub mention: Option<Span>,
}

/// The publisher: `metadata` if given (but see the module's header), else the one the text
/// names.
pub(super) fn choose(text: &Text, metadata: Option<&str>, coref: &mut Coref) -> Publisher {
    let found = match metadata {
        None => crate::publisher::find(text),
        Some(name) => {
            let known = known_name(name);
            let agency = known
                .is_none()
                .then(|| crate::publisher::find(text))
                .flatten()
                .filter(credits_an_agency);
            if agency.is_none() {
                return Publisher {
                    entity: Some(metadata_publisher(coref, name, known)),
                    mention: None,
                };
            }
            agency
        }
    };
    let Some(Found { mention, .. }) = found else {
        return Publisher::default();
    };
    let at = super::sources::name_at(text.sentence_of(mention.np.start));
    let entity = coref.resolve(&mention, at);
    Publisher {
        entity,
        mention: entity.map(|_| text.span(mention.np)),
    }
}

/// Does a credit of the text (not a hint) name a news agency of the lexicon?
fn credits_an_agency(found: &Found) -> bool {
    let MentionKind::Known {
        target: NameTarget::Outlet(outlet),
        ..
    } = found.mention.kind
    else {
        return false;
    };
    found.rule.credit && lexicon().outlet(outlet).kind == OutletKind::Agency
}

/// An outlet named by metadata: the lexicon's (`known`) when it knows the name, else a new
/// outlet.
fn metadata_publisher(coref: &mut Coref, name: &str, known: Option<(String, String)>) -> usize {
    let (id, label) = known.unwrap_or_else(|| {
        let label = name.split_whitespace().collect::<Vec<_>>().join(" ");
        (slug(&label), label)
    });
    coref.add_entity(id, label, Kind::Outlet)
}

/// The id and label of the outlet, organization or country `name` names, if the lexicon knows
/// it by its name or as a domain ("cbsnews.com").
fn known_name(name: &str) -> Option<(String, String)> {
    let lex = lexicon();
    if let Some(outlet) = crate::publisher::outlet_by_domain(name.trim()) {
        let outlet = lex.outlet(outlet);
        return Some((outlet.id.clone(), outlet.label.clone()));
    }
    let text = Text::new(name, lex);
    let last = text.tokens.len().checked_sub(1)?;
    let MentionKind::Known { target, .. } = classify(&text, TokenRange::new(0, last + 1)).kind
    else {
        return None;
    };
    Some(match target {
        NameTarget::Outlet(i) => (lex.outlet(i).id.clone(), lex.outlet(i).label.clone()),
        NameTarget::Org(i) => (lex.org(i).id.clone(), lex.org(i).label.clone()),
        NameTarget::Country(i) => {
            let c = &lex.countries[i as usize];
            (slug(&c.name), c.name.clone())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The publisher's id and the words that name it in the text.
    fn publisher(input: &str, metadata: Option<&str>) -> (String, String) {
        let text = Text::new(input, lexicon());
        let mut coref = Coref::new(&text, "doc");
        let chosen = choose(&text, metadata, &mut coref);
        (
            chosen.entity.map(|e| coref.id(e)).unwrap_or_default(),
            chosen
                .mention
                .map(|s| s.slice(input).to_string())
                .unwrap_or_default(),
        )
    }

    #[test]
    fn the_text_names_the_publisher_in_a_dateline() {
        let text = "Talks end\n\nMOSCOW, Dec 7 (Reuters) - The talks ended.\n";
        assert_eq!(
            publisher(text, None),
            ("reuters".to_string(), "Reuters".to_string())
        );
    }

    #[test]
    fn metadata_wins_and_names_no_words_of_the_text() {
        let text = "Talks end\n\nMOSCOW, Dec 7 (Reuters) - The talks ended.\n";
        assert_eq!(
            publisher(text, Some("Agence France-Presse")),
            ("afp".to_string(), String::new())
        );
    }

    #[test]
    fn an_unknown_metadata_publisher_is_an_outlet_of_its_own_name() {
        assert_eq!(
            publisher("Text.", Some("  The   Daily  Planet ")),
            ("the-daily-planet".to_string(), String::new())
        );
    }

    #[test]
    fn no_publisher_when_neither_names_one() {
        assert_eq!(
            publisher("Talks end\n\nThe talks ended.\n", None),
            (String::new(), String::new())
        );
    }
}
