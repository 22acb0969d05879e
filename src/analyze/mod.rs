//! The pipeline for one document, as a list of named stages: the drafts of every sentence
//! (rules and assembly), coreference of their sources, the publisher, the attributions, and
//! the entities they name. Each stage lives in its own file with its own tests.

mod attributions;
mod drafts;
mod entities;
mod explain;
mod publisher;
mod sources;

use crate::coref::Coref;
use crate::lexicon::lexicon;
use crate::model::{Document, DocumentAnalysis};
use crate::text::Text;

pub use explain::explain;
/// The first two stages apart, for coreference's tests.
#[cfg(test)]
pub(crate) use {drafts::find_in as find_drafts, sources::resolve_traced};

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

/// Analyses one document. Never fails: odd text yields fewer attributions and diagnostics.
pub fn analyze(input: &DocumentInput) -> DocumentAnalysis {
    let text = Text::new(input.text, lexicon());
    let drafts = drafts::find(&text);
    let mut coref = Coref::new(&text, input.id);
    let hop_entities = sources::resolve(&text, &drafts, &mut coref);
    let publisher = publisher::choose(&text, input.publisher, &mut coref);
    let publisher_id = publisher.entity.map(|p| coref.id(p));
    let from = attributions::Drafts {
        text: &text,
        drafts: &drafts,
        entities: &hop_entities,
        coref: &coref,
    };
    let publisher_name = publisher
        .entity
        .zip(publisher_id.as_deref())
        .map(|(p, id)| attributions::PublisherName {
            id,
            label: &coref.entities[p].label,
        });
    let built = attributions::build(&from, input.id, publisher_name);
    let used = built.used.into_iter().chain(publisher.entity);
    let entities = entities::collect(&mut coref, used);
    let mut diagnostics = text.diagnostics;
    diagnostics.truncate(MAX_DIAGNOSTICS);
    DocumentAnalysis {
        document: Document {
            id: input.id.to_string(),
            path: input.path.map(String::from),
            title: input
                .title
                .map(String::from)
                .or_else(|| title_of(input.text)),
            publisher: publisher_id,
            publisher_mention: publisher.mention,
            bytes: input.text.len(),
            date: None,
        },
        entities,
        attributions: built.attributions,
        diagnostics,
    }
}

/// The most diagnostics a document reports.
const MAX_DIAGNOSTICS: usize = 100;

/// The title: the first non-empty line, if it is not too long to be one.
fn title_of(text: &str) -> Option<String> {
    let line = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())?;
    (line.len() <= 300).then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_the_first_line_that_is_not_empty() {
        assert_eq!(
            title_of("\u{feff}\n  Talks end \n\nText.").as_deref(),
            Some("Talks end")
        );
        assert_eq!(title_of(" \n\n"), None);
        assert_eq!(title_of(&"x".repeat(301)), None);
    }

    #[test]
    fn metadata_names_the_title_and_publisher() {
        let text = "Talks end\n\nMOSCOW (Reuters) - The talks failed, the minister said.\n";
        let input = DocumentInput {
            title: Some("Talks"),
            publisher: Some("AFP"),
            ..DocumentInput::new("doc", text)
        };
        let analysis = analyze(&input);
        assert_eq!(analysis.document.title.as_deref(), Some("Talks"));
        assert_eq!(analysis.document.publisher.as_deref(), Some("afp"));
        assert_eq!(analysis.document.publisher_mention, None);
        let plain = analyze(&DocumentInput::new("doc", text));
        assert_eq!(plain.document.title.as_deref(), Some("Talks end"));
        assert_eq!(plain.document.publisher.as_deref(), Some("reuters"));
    }

    #[test]
    fn the_publisher_is_an_entity_of_the_document_even_without_attributions() {
        let analysis = analyze(&DocumentInput::new("doc", "Talks\n\n(AP) -- It rained.\n"));
        assert!(analysis.attributions.is_empty());
        let ids: Vec<&str> = analysis.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["associated-press"]);
    }
}
