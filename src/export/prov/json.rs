//! PROV-JSON (the W3C member submission that the Python `prov` package reads): an object per
//! kind of record, keyed by identifier. Relations get blank identifiers `_:r1`, `_:r2`, ... in
//! the order of the records; `wasQuotedFrom` and `hadPrimarySource` are `wasDerivedFrom` with
//! `prov:type` `prov:Quotation` and `prov:PrimarySource`, as PROV-JSON writes them.

use std::fmt::Write;

use super::{Derivation, PREFIXES, Record, Value, records};
use crate::graph::ProvGraph;

/// A record of PROV-JSON: its identifier and its members (name, JSON value).
type JsonRecord = (String, Vec<(String, String)>);

/// The graph as a PROV-JSON document, ending with a newline.
pub fn to_prov_json(graph: &ProvGraph) -> String {
    let mut agents = Vec::new();
    let mut entities = Vec::new();
    let mut attributed = Vec::new();
    let mut derived = Vec::new();
    let mut n_relations = 0;
    for record in &records(graph) {
        match record {
            Record::Agent { id, attributes } => agents.push((id.clone(), members(attributes))),
            Record::Entity { id, attributes } => entities.push((id.clone(), members(attributes))),
            Record::WasAttributedTo { entity, agent } => {
                n_relations += 1;
                attributed.push((
                    format!("_:r{n_relations}"),
                    vec![
                        ("prov:entity".to_string(), string(entity)),
                        ("prov:agent".to_string(), string(agent)),
                    ],
                ));
            }
            Record::Derivation { .. } => {
                n_relations += 1;
                derived.push((format!("_:r{n_relations}"), derivation_members(record)));
            }
        }
    }
    let mut out = String::from("{\n  \"prefix\": {");
    for (i, (prefix, uri)) in PREFIXES.iter().enumerate() {
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(out, "{comma}\n    {}: {}", string(prefix), string(uri));
    }
    out.push_str("\n  }");
    write_group(&mut out, "agent", &agents);
    write_group(&mut out, "entity", &entities);
    write_group(&mut out, "wasAttributedTo", &attributed);
    write_group(&mut out, "wasDerivedFrom", &derived);
    out.push_str("\n}\n");
    out
}

/// The members of a derivation: what was generated from what, its kind as `prov:type`, its
/// attributes.
fn derivation_members(record: &Record) -> Vec<(String, String)> {
    let Record::Derivation {
        kind,
        generated,
        used,
        attributes,
    } = record
    else {
        return Vec::new();
    };
    let mut fields = vec![
        ("prov:generatedEntity".to_string(), string(generated)),
        ("prov:usedEntity".to_string(), string(used)),
    ];
    match kind {
        Derivation::Plain => {}
        Derivation::Quotation => fields.push(("prov:type".to_string(), qname("prov:Quotation"))),
        Derivation::PrimarySource => {
            fields.push(("prov:type".to_string(), qname("prov:PrimarySource")))
        }
    }
    fields.extend(members(attributes));
    fields
}

/// `"name": {...}` with a member per record, unless there are none.
fn write_group(out: &mut String, name: &str, items: &[JsonRecord]) {
    if items.is_empty() {
        return;
    }
    let _ = write!(out, ",\n  \"{name}\": {{");
    for (i, (id, fields)) in items.iter().enumerate() {
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(out, "{comma}\n    {}: {{", string(id));
        for (j, (key, value)) in fields.iter().enumerate() {
            let comma = if j == 0 { "" } else { "," };
            let _ = write!(out, "{comma}\n      {}: {value}", string(key));
        }
        out.push_str(if fields.is_empty() { "}" } else { "\n    }" });
    }
    out.push_str("\n  }");
}

/// Attributes as JSON members: a repeated name becomes one member holding a list.
fn members(attributes: &[(&'static str, Value)]) -> Vec<(String, String)> {
    let mut grouped: Vec<(&str, Vec<String>)> = Vec::new();
    for (name, value) in attributes {
        let value = json_value(value);
        match grouped.iter_mut().find(|(seen, _)| seen == name) {
            Some((_, values)) => values.push(value),
            None => grouped.push((name, vec![value])),
        }
    }
    grouped
        .into_iter()
        .map(|(name, values)| {
            let value = if values.len() == 1 {
                values.into_iter().next().expect("one value")
            } else {
                format!("[{}]", values.join(", "))
            };
            (name.to_string(), value)
        })
        .collect()
}

fn json_value(value: &Value) -> String {
    match value {
        Value::Str(text) => string(text),
        Value::Int(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::QName(name) => qname(name),
    }
}

fn qname(name: &str) -> String {
    format!(
        "{{\"$\": {}, \"type\": \"prov:QUALIFIED_NAME\"}}",
        string(name)
    )
}

fn string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialize")
}
