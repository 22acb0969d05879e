//! Plain text: the checks that make bytes a document (UTF-8, no NUL byte). Bytes that fail them
//! are not guessed at: offsets must refer to the bytes as they are, so such a document is skipped
//! (or, under `--strict`, fails the run) with a message that says how to convert it. The one
//! exception is a text that starts with a UTF-16 byte order mark, which says what it is: it is
//! decoded ([`decode_text`]), and offsets refer to its UTF-8 text (as `--emit-text` writes it).

/// Why some bytes are not a text to analyse.
#[derive(Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A NUL byte: binary data, or UTF-16.
    Binary { offset: usize },
    /// The offset of the first byte that is not part of valid UTF-8.
    NotUtf8 { offset: usize },
    /// A page that declares no other encoding, and whose byte at `offset` is not part of valid
    /// UTF-8.
    PageNotUtf8 { offset: usize },
}

impl TextProblem {
    /// What is wrong, in the words of a `<what>: <why>; <fix>` message.
    pub fn why(&self) -> String {
        match self {
            TextProblem::Binary { offset } => {
                format!("it holds binary data (a NUL byte at offset {offset})")
            }
            TextProblem::NotUtf8 { offset } => {
                format!("it is not UTF-8 (the first invalid byte is at offset {offset})")
            }
            TextProblem::PageNotUtf8 { offset } => format!(
                "it declares no charset and is not UTF-8 (the first invalid byte is at offset \
                 {offset})"
            ),
        }
    }

    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            TextProblem::Binary { .. } => {
                "give a plain-text file; UTF-16 text can be converted with iconv -f UTF-16 -t UTF-8"
            }
            TextProblem::NotUtf8 { .. } => {
                "convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8"
            }
            TextProblem::PageNotUtf8 { .. } => {
                "declare its charset in the page (<meta charset=\"windows-1251\">, say) or \
                 convert it to UTF-8"
            }
        }
    }
}

/// The bytes as text, unless they hold a NUL byte or are not UTF-8.
pub fn check_text(bytes: Vec<u8>) -> Result<String, TextProblem> {
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Err(TextProblem::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|err| TextProblem::NotUtf8 {
        offset: err.utf8_error().valid_up_to(),
    })
}

/// The bytes as text: decoded from UTF-16 when they start with its byte order mark (a lone
/// surrogate becoming U+FFFD), else as [`check_text`] takes them.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, TextProblem> {
    match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, _)) if encoding != encoding_rs::UTF_8 => {
            let (text, _, _) = encoding.decode(&bytes);
            check_text(text.into_owned().into_bytes())
        }
        _ => check_text(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_must_be_utf8_without_nul_bytes() {
        assert_eq!(check_text(b"plain".to_vec()), Ok("plain".to_string()));
        assert_eq!(check_text("Путин".into()), Ok("Путин".to_string()));
        assert_eq!(
            check_text(b"caf\xe9 au lait".to_vec()),
            Err(TextProblem::NotUtf8 { offset: 3 })
        );
        assert_eq!(
            check_text(b"\xff\xfeh\0i\0".to_vec()),
            Err(TextProblem::Binary { offset: 3 })
        );
    }

    #[test]
    fn utf16_with_its_byte_order_mark_is_decoded() {
        assert_eq!(
            decode_text(b"\xff\xfeh\0i\0".to_vec()),
            Ok("hi".to_string())
        );
        assert_eq!(
            decode_text(b"\xfe\xff\0h\0i".to_vec()),
            Ok("hi".to_string())
        );
        // Without the mark, UTF-16 is binary; a UTF-8 mark stays, as the text's first character.
        assert_eq!(
            decode_text(b"h\0i\0".to_vec()),
            Err(TextProblem::Binary { offset: 1 })
        );
        assert_eq!(
            decode_text(b"\xef\xbb\xbfhi".to_vec()),
            Ok("\u{feff}hi".to_string())
        );
    }
}
