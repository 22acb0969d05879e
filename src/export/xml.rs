//! Text in XML (GraphML, GEXF) and HTML: escaping, and the characters XML 1.0 cannot hold.
//! Text shown to people (the HTML report) also loses the bidirectional controls
//! ([`escape_shown`]).
//!
//! XML 1.0 forbids most C0 control characters (all but tab, line feed and carriage return) and
//! U+FFFE and U+FFFF, even as character references; a reader rejects the whole file if one
//! appears. They are dropped. Everything else is kept exactly: markup characters become entity
//! references, and tab, line feed and carriage return become character references, so that
//! attribute-value and line-end normalization leave them as they were.

/// Whether XML 1.0 allows `c` in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Characters that change the order in which the text around them is shown: the bidirectional
/// embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069). A name holding one can
/// make what a reader sees differ from what it is ("\u{202e}txt.exe").
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `value` as compact JSON text without the characters XML 1.0 forbids in any of its strings:
/// how the XML formats hold lists and the evidence, treating their text like all other text.
pub(crate) fn json_text(value: &serde_json::Value) -> String {
    fn clean(value: &serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(text) => {
                Value::String(text.chars().filter(|&c| is_xml_char(c)).collect())
            }
            Value::Array(items) => Value::Array(items.iter().map(clean).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), clean(v))).collect())
            }
            other => other.clone(),
        }
    }
    clean(value).to_string()
}

/// A list of strings as [`json_text`].
pub(crate) fn json_list(items: &[String]) -> String {
    json_text(&serde_json::json!(items))
}

/// `text` escaped for XML or HTML element content and quoted attribute values alike.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped as [`escape`] does, for text shown to people (the HTML report): the
/// bidirectional controls, which can make a name read as something else, become U+FFFD too.
pub(crate) fn escape_shown(text: &str) -> String {
    let mut out = escape(text);
    if out.chars().any(is_bidi_control) {
        out = out
            .chars()
            .map(|c| if is_bidi_control(c) { '\u{FFFD}' } else { c })
            .collect();
    }
    out
}

/// `text` without the characters XML 1.0 forbids.
pub(crate) fn drop_forbidden(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        return text.into();
    }
    text.chars()
        .filter(|&c| is_xml_char(c))
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_whitespace_are_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
        assert_eq!(escape("tab\tline\ncr\r"), "tab&#9;line&#10;cr&#13;");
        assert_eq!(
            escape("nul\0bell\u{7}esc\u{1b}\u{fffe}\u{ffff}end"),
            "nulbellescend"
        );
        assert_eq!(escape("Путин 📰 עברית \u{85}"), "Путин 📰 עברית \u{85}");
        assert_eq!(escape("a\u{202e}b"), "a\u{202e}b");
        assert_eq!(
            escape_shown("<a\u{202e}b\u{2067}"),
            "&lt;a\u{FFFD}b\u{FFFD}"
        );
        assert_eq!(drop_forbidden("a\u{fffe}b\u{1b}c"), "abc");
        assert_eq!(
            json_list(&["a\0b".into(), "\"c\"\n".into()]),
            r#"["ab","\"c\"\n"]"#
        );
    }
}
