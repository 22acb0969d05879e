//! The graph as W3C PROV: the same records written as PROV-JSON ([`to_prov_json`]) or PROV-N
//! ([`to_prov_n`]); both load in the Python `prov` package.
//!
//! - Each source is an agent: `prov:Person` for people, `prov:Organization` for organizations,
//!   outlets and groups, a plain agent for unnamed sources; `pg:kind` says which.
//! - Each hop of an attribution is an entity, `statement:<attribution id>/<hop>`: what that source
//!   said or reported. Hop 1 is the origin's statement, with the attribution's byte spans.
//!   Statements of a direct (verbatim) attribution have `prov:type='prov:Quotation'`.
//! - Each statement `wasAttributedTo` its source, and each relay's report `wasQuotedFrom` the
//!   previous hop's statement (when the relay quoted it, or the content is verbatim) or else
//!   `wasDerivedFrom` it, with `pg:relation`. PROV points from the derived thing to its source:
//!   the reverse of provgraph's edges.
//! - Each document is an entity that `wasAttributedTo` its publisher, `hadPrimarySource` the
//!   origin's statement of each attribution and `wasDerivedFrom` the last relay's report.
//! - Each later appearance of a claim (the same statement in another document): its origin's
//!   statement `wasDerivedFrom` the earliest appearance's, with `pg:claim` (the claim's id).
//!   That says the words came first there, not that this document took them from there.
//!
//! Identifiers are percent-encoded (every byte outside `[A-Za-z0-9_-]`), so that any id is a
//! valid local name in both notations.

mod json;
mod n;

pub use json::to_prov_json;
pub use n::to_prov_n;

use crate::graph::{Node, ProvGraph};
use crate::model::{Attribution, Document, Kind, Relation};
use crate::span::Span;

/// Prefixes and their namespaces, in the order they are declared.
pub(crate) const PREFIXES: &[(&str, &str)] = &[
    ("pg", "urn:provgraph:"),
    ("source", "urn:provgraph:source:"),
    ("document", "urn:provgraph:document:"),
    ("statement", "urn:provgraph:statement:"),
];

/// An attribute value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Int(usize),
    Bool(bool),
    /// A qualified name such as `prov:Person`.
    QName(String),
}

pub(crate) type Attributes = Vec<(&'static str, Value)>;

/// One PROV statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Record {
    Agent {
        id: String,
        attributes: Attributes,
    },
    Entity {
        id: String,
        attributes: Attributes,
    },
    WasAttributedTo {
        entity: String,
        agent: String,
    },
    /// `wasDerivedFrom`, or one of its kinds.
    Derivation {
        kind: Derivation,
        generated: String,
        used: String,
        attributes: Attributes,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Derivation {
    Plain,
    Quotation,
    PrimarySource,
}

/// The records of the graph: agents, then entities, then relations, each in the graph's order.
pub(crate) fn records(graph: &ProvGraph) -> Vec<Record> {
    let mut records: Vec<Record> = graph.nodes().map(agent).collect();
    let mut relations = Vec::new();
    for document in &graph.documents {
        let id = document_id(&document.id);
        if let Some(publisher) = &document.publisher {
            relations.push(Record::WasAttributedTo {
                entity: id.clone(),
                agent: source_id(publisher),
            });
        }
        records.push(document_entity(document, id));
    }
    for attribution in &graph.attributions {
        add_attribution(attribution, &mut records, &mut relations);
    }
    for claim in &graph.claims {
        let mut appearances = graph.appearances(claim);
        let Some(earliest) = appearances.next() else {
            continue;
        };
        let earliest = statement_id(&earliest.attribution.id, 1);
        for appearance in appearances {
            relations.push(Record::Derivation {
                kind: Derivation::Plain,
                generated: statement_id(&appearance.attribution.id, 1),
                used: earliest.clone(),
                attributes: vec![("pg:claim", Value::Str(claim.id.clone()))],
            });
        }
    }
    records.extend(relations);
    records
}

/// A source as an agent.
fn agent(node: &Node) -> Record {
    let mut attributes = Vec::new();
    match node.kind {
        Kind::Person => attributes.push(("prov:type", qname("prov:Person"))),
        Kind::Organization | Kind::Outlet | Kind::Group => {
            attributes.push(("prov:type", qname("prov:Organization")))
        }
        Kind::Unnamed => {}
    }
    attributes.push(("prov:label", Value::Str(node.label.clone())));
    attributes.push(("pg:kind", Value::Str(node.kind.as_str().to_string())));
    attributes.extend(
        node.aliases
            .iter()
            .map(|a| ("pg:alias", Value::Str(a.clone()))),
    );
    attributes.extend(
        node.titles
            .iter()
            .map(|t| ("pg:title", Value::Str(t.clone()))),
    );
    attributes.push(("pg:mentions", Value::Int(node.mentions)));
    Record::Agent {
        id: source_id(&node.id),
        attributes,
    }
}

/// A document as an entity, `id` its identifier.
fn document_entity(document: &Document, id: String) -> Record {
    let mut attributes = vec![("prov:type", qname("pg:Document"))];
    if let Some(title) = &document.title {
        attributes.push(("prov:label", Value::Str(title.clone())));
    }
    if let Some(path) = &document.path {
        attributes.push(("pg:path", Value::Str(path.clone())));
    }
    attributes.push(("pg:bytes", Value::Int(document.bytes)));
    Record::Entity { id, attributes }
}

/// An attribution's statements (one entity per hop) to `entities`, and to `relations` who each
/// is attributed to, what each relay's report derives from, and the document's primary source
/// and last relay.
fn add_attribution(
    attribution: &Attribution,
    entities: &mut Vec<Record>,
    relations: &mut Vec<Record>,
) {
    let statements: Vec<String> = (1..=attribution.hops.len())
        .map(|hop| statement_id(&attribution.id, hop))
        .collect();
    for (i, hop) in attribution.hops.iter().enumerate() {
        entities.push(Record::Entity {
            id: statements[i].clone(),
            attributes: statement_attributes(attribution, i),
        });
        relations.push(Record::WasAttributedTo {
            entity: statements[i].clone(),
            agent: source_id(&hop.node),
        });
        if i > 0 {
            let quoted = attribution.direct || hop.relation == Relation::Quoted;
            relations.push(Record::Derivation {
                kind: if quoted {
                    Derivation::Quotation
                } else {
                    Derivation::Plain
                },
                generated: statements[i].clone(),
                used: statements[i - 1].clone(),
                attributes: vec![("pg:relation", relation(hop.relation))],
            });
        }
    }
    let document = document_id(&attribution.document);
    if let (Some(first), Some(last)) = (statements.first(), statements.last()) {
        relations.push(Record::Derivation {
            kind: Derivation::PrimarySource,
            generated: document.clone(),
            used: first.clone(),
            attributes: vec![],
        });
        if statements.len() > 1 {
            relations.push(Record::Derivation {
                kind: Derivation::Plain,
                generated: document,
                used: last.clone(),
                attributes: vec![("pg:relation", relation(Relation::Published))],
            });
        }
    }
}

/// The attributes of the statement of hop `i` (from 0) of `attribution`; the first carries the
/// attribution's spans.
fn statement_attributes(attribution: &Attribution, i: usize) -> Attributes {
    let hop = &attribution.hops[i];
    let mut attributes = Vec::new();
    if attribution.direct {
        attributes.push(("prov:type", qname("prov:Quotation")));
    }
    attributes.push((
        "prov:label",
        Value::Str(format!("{} hop {}", attribution.id, i + 1)),
    ));
    attributes.push(("pg:attribution", Value::Str(attribution.id.clone())));
    attributes.push(("pg:document", Value::Str(attribution.document.clone())));
    attributes.push(("pg:hop", Value::Int(i + 1)));
    attributes.push(("pg:relation", relation(hop.relation)));
    if i == 0 {
        attributes.push(("pg:direct", Value::Bool(attribution.direct)));
        let span = Some(attribution.span);
        push_span(&mut attributes, "pg:spanStart", "pg:spanEnd", span);
        let content = attribution.content;
        push_span(&mut attributes, "pg:contentStart", "pg:contentEnd", content);
    }
    push_span(
        &mut attributes,
        "pg:mentionStart",
        "pg:mentionEnd",
        hop.mention,
    );
    push_span(&mut attributes, "pg:cueStart", "pg:cueEnd", hop.cue);
    attributes
}

fn qname(name: &str) -> Value {
    Value::QName(name.to_string())
}

fn relation(relation: Relation) -> Value {
    Value::Str(relation.as_str().to_string())
}

fn push_span(
    attributes: &mut Attributes,
    start: &'static str,
    end: &'static str,
    span: Option<Span>,
) {
    if let Some(span) = span {
        attributes.push((start, Value::Int(span.start)));
        attributes.push((end, Value::Int(span.end)));
    }
}

fn source_id(node: &str) -> String {
    format!("source:{}", local_name(node))
}

fn document_id(document: &str) -> String {
    format!("document:{}", local_name(document))
}

fn statement_id(attribution: &str, hop: usize) -> String {
    format!("statement:{}/{hop}", local_name(attribution))
}

/// `text` as a local name that PROV-N and PROV-JSON both accept: ASCII letters, digits, `_` and
/// `-` stay (a leading `-` does not), every other byte becomes `%XX`.
pub(crate) fn local_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, byte) in text.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric() || byte == b'_' || (byte == b'-' && i > 0);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_keep_slugs_and_encode_the_rest() {
        assert_eq!(local_name("vladimir-putin"), "vladimir-putin");
        assert_eq!(local_name("doc#3"), "doc%233");
        assert_eq!(local_name("-x y"), "%2Dx%20y");
        assert_eq!(local_name("Ü\"🙂"), "%C3%9C%22%F0%9F%99%82");
        assert_eq!(local_name(""), "_");
    }
}
