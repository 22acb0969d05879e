//! Text from the input on the terminal. A name, a path or an article can hold control
//! characters (ESC starts the sequences that move the cursor, recolour the screen or retitle the
//! window; BEL rings; CR writes over the line) and bidirectional controls (U+202E turns
//! "txt.exe" round). In what provgraph writes for people to read (`chains`, `explain`, warnings
//! and errors) they are written as visible escapes instead, `\u{1b}`, so the text shows as what
//! it is. The data formats (JSON, CSV, ...) escape by their own rules and are left alone.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach the terminal as it is: the C0 and C1 controls, DEL, and the
/// bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` for one line: every unsafe character, line breaks and tabs included, as `\u{..}`.
pub(crate) fn visible_line(text: &str) -> Cow<'_, str> {
    escape_where(text, is_unsafe)
}

/// `text` for lines of its own: as [`visible_line`], but line breaks and tabs are kept.
pub(crate) fn visible_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| is_unsafe(c) && !matches!(c, '\n' | '\t'))
}

fn escape_where(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_become_visible_escapes() {
        assert_eq!(visible_line("plain Путин 🙂"), "plain Путин 🙂");
        assert_eq!(
            visible_line("a\u{1b}[2Jb\u{7}c\rd\ne\u{9b}f\u{202e}g\u{7f}"),
            "a\\u{1b}[2Jb\\u{7}c\\u{d}d\\u{a}e\\u{9b}f\\u{202e}g\\u{7f}"
        );
        assert_eq!(
            visible_lines("one\n\ttwo\u{1b}]0;x\u{7}"),
            "one\n\ttwo\\u{1b}]0;x\\u{7}"
        );
    }
}
