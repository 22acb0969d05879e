//! Plain text: the checks that make bytes a document (UTF-8, no NUL byte).

use crate::cli::error::Error;

/// Why some bytes are not a text to analyse.
#[derive(Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A NUL byte: binary data, or UTF-16.
    Binary { offset: usize },
    /// The offset of the first byte that is not part of valid UTF-8.
    NotUtf8 { offset: usize },
}

impl TextProblem {
    pub fn error(&self, name: &str) -> Error {
        match self {
            TextProblem::Binary { offset } => Error::failure(
                format_args!("cannot read {name}"),
                format_args!("it holds binary data (a NUL byte at offset {offset})"),
                "give a plain-text file; UTF-16 text can be converted with iconv -f UTF-16 -t UTF-8",
            ),
            TextProblem::NotUtf8 { offset } => Error::failure(
                format_args!("cannot read {name}"),
                format_args!("it is not UTF-8 (the first invalid byte is at offset {offset})"),
                "convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8",
            ),
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
}
