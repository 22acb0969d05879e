//! PROV-N, the W3C's notation for people: one statement per line between `document` and
//! `endDocument`, agents first, then entities, then relations. Quotation and primary source are
//! derivations with `prov:type` `prov:Quotation` and `prov:PrimarySource`, as PROV-N writes
//! them. Strings use PROV-N's escapes (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`); other
//! characters are written as they are.

use std::fmt::Write;

use super::{Attributes, Derivation, PREFIXES, Record, Value, records};
use crate::graph::ProvGraph;

/// The graph as a PROV-N document, ending with a newline.
pub fn to_prov_n(graph: &ProvGraph) -> String {
    let mut out = String::from("document\n");
    for (prefix, uri) in PREFIXES {
        let _ = writeln!(out, "  prefix {prefix} <{uri}>");
    }
    out.push('\n');
    for record in records(graph) {
        let line = match record {
            Record::Agent { id, attributes } => format!("agent({id}{})", pairs(&attributes)),
            Record::Entity { id, attributes } => format!("entity({id}{})", pairs(&attributes)),
            Record::WasAttributedTo { entity, agent } => {
                format!("wasAttributedTo({entity}, {agent})")
            }
            Record::Derivation {
                kind,
                generated,
                used,
                attributes,
            } => {
                let mut attributes = attributes;
                match kind {
                    Derivation::Plain => {}
                    Derivation::Quotation => {
                        attributes.insert(0, ("prov:type", Value::QName("prov:Quotation".into())))
                    }
                    Derivation::PrimarySource => attributes
                        .insert(0, ("prov:type", Value::QName("prov:PrimarySource".into()))),
                }
                format!("wasDerivedFrom({generated}, {used}{})", pairs(&attributes))
            }
        };
        let _ = writeln!(out, "  {line}");
    }
    out.push_str("endDocument\n");
    out
}

/// `, [name=value, ...]`, or nothing when there are no attributes.
fn pairs(attributes: &Attributes) -> String {
    if attributes.is_empty() {
        return String::new();
    }
    let items: Vec<String> = attributes
        .iter()
        .map(|(name, value)| format!("{name}={}", literal(value)))
        .collect();
    format!(", [{}]", items.join(", "))
}

fn literal(value: &Value) -> String {
    match value {
        Value::Str(text) => string(text),
        Value::Int(n) => n.to_string(),
        Value::Bool(b) => format!("\"{b}\" %% xsd:boolean"),
        Value::QName(name) => format!("'{name}'"),
    }
}

/// A PROV-N string literal.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_use_prov_n_escapes() {
        assert_eq!(string(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(string("1\n2\r3\t4"), r#""1\n2\r3\t4""#);
        assert_eq!(string("Путин 🙂"), "\"Путин 🙂\"");
    }
}
