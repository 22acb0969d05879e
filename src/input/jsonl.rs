//! JSON Lines: one document per line, `{"text": ..., "id": ..., "title": ..., "publisher": ...,
//! "url": ..., "date": ...}`; only `text` is required, other fields are ignored.

use serde::Deserialize;

/// One line's document.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub text: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

#[derive(Deserialize)]
#[serde(expecting = "an object with a \"text\" string")]
struct RawRecord {
    text: String,
    #[serde(default)]
    id: Option<RawId>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// Archives number their records as often as they name them.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawId {
    Text(String),
    Number(serde_json::Number),
}

/// Reads one line (without its line break). `Ok(None)` for a blank line; the error says what is
/// wrong with the line, in lower case.
pub fn parse_line(line: &[u8]) -> Result<Option<Record>, String> {
    match line.iter().find(|byte| !byte.is_ascii_whitespace()) {
        None => return Ok(None),
        Some(b'{') => {}
        Some(_) => return Err("it is not a JSON object".to_string()),
    }
    // serde_json would call a byte that is not UTF-8 an "invalid unicode code point".
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(err) => {
            return Err(format!(
                "it is not UTF-8 (the first invalid byte is at column {})",
                err.valid_up_to() + 1
            ));
        }
    };
    // From the checked text, so that serde_json does not check the strings' UTF-8 again.
    let raw: RawRecord = serde_json::from_str(line).map_err(|err| serde_reason(&err))?;
    let id = raw.id.map(|id| match id {
        RawId::Text(text) => text,
        RawId::Number(number) => number.to_string(),
    });
    Ok(Some(Record {
        text: raw.text,
        id: non_blank(id),
        title: non_blank(raw.title),
        publisher: non_blank(raw.publisher),
        url: non_blank(raw.url),
        date: non_blank(raw.date),
    }))
}

/// The value trimmed (without a copy when there is nothing to trim), if anything is left.
fn non_blank(value: Option<String>) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_string())
    }
}

/// serde_json's message with the column instead of "at line 1 column N".
pub fn serde_reason(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" at line ") {
        Some(end) => &text[..end],
        None => &text,
    };
    let text = match text {
        "data did not match any variant of untagged enum RawId" => {
            "invalid type: \"id\" must be a string or a number"
        }
        other => other,
    };
    format!("{text} (column {})", err.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: Result<Option<Record>, &str>) {
        assert_eq!(
            parse_line(line.as_bytes()),
            expected.map_err(String::from),
            "{line}"
        );
    }

    #[test]
    fn only_text_is_required() {
        check(
            r#"{"text": "Body.", "extra": [1, 2]}"#,
            Ok(Some(Record {
                text: "Body.".into(),
                ..Record::default()
            })),
        );
        check(
            r#"{"id": 17, "text": "T", "title": " Head ", "publisher": "Reuters", "url": "https://x.test/a", "date": "2013-03-22"}"#,
            Ok(Some(Record {
                text: "T".into(),
                id: Some("17".into()),
                title: Some("Head".into()),
                publisher: Some("Reuters".into()),
                url: Some("https://x.test/a".into()),
                date: Some("2013-03-22".into()),
            })),
        );
        check(
            r#"{"id": "", "text": "T", "publisher": "  ", "title": null}"#,
            Ok(Some(Record {
                text: "T".into(),
                ..Record::default()
            })),
        );
    }

    #[test]
    fn blank_lines_are_no_documents() {
        check("", Ok(None));
        check(" \t\r", Ok(None));
    }

    #[test]
    fn bad_lines_say_what_is_wrong_and_where() {
        check(r#"{"id": "a"}"#, Err("missing field `text` (column 11)"));
        check(
            r#"{"text": null}"#,
            Err("invalid type: null, expected a string (column 13)"),
        );
        check(
            r#"{"text": "T", "id": [1]}"#,
            Err("invalid type: \"id\" must be a string or a number (column 24)"),
        );
        check(
            r#"{"text": "unterminated"#,
            Err("EOF while parsing a string (column 22)"),
        );
        check("[1, 2]", Err("it is not a JSON object"));
        check("not json", Err("it is not a JSON object"));
        check("{not json}", Err("key must be a string (column 2)"));
    }

    #[test]
    fn text_may_hold_any_unicode_but_the_line_must_be_utf8() {
        check(
            r#"{"text": "Путин \u00e9\n"}"#,
            Ok(Some(Record {
                text: "Путин é\n".into(),
                ..Record::default()
            })),
        );
        assert_eq!(
            parse_line(b"{\"text\": \"caf\xe9\"}"),
            Err("it is not UTF-8 (the first invalid byte is at column 14)".to_string())
        );
    }
}
