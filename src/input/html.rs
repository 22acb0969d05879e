//! HTML pages: their bytes decoded as a browser decodes them. A byte order mark names the
//! encoding; else the charset a `<meta>` in the first [`PRESCAN_BYTES`] declares (`<meta
//! charset="windows-1251">`, or `http-equiv="Content-Type" content="text/html;
//! charset=koi8-r"`), by the labels of the WHATWG Encoding Standard (encoding_rs); else UTF-8.
//!
//! A page in a declared legacy encoding is decoded whole, bytes that the encoding has no
//! character for becoming U+FFFD, as a browser shows them. A page read as UTF-8 (declared so or
//! declaring nothing) must be valid UTF-8: a page that declares nothing and is not UTF-8 is in
//! some legacy encoding that cannot be told from its bytes, and is refused rather than guessed at.

use encoding_rs::{Encoding, UTF_8};

use super::txt::{TextProblem, check_text};

/// How far into a page its `<meta>` charset is looked for (the standard's prescan reads 1024
/// bytes; browsers read further in practice).
pub const PRESCAN_BYTES: usize = 4096;

/// The page's text, decoded by its byte order mark or declared charset, else as UTF-8.
pub fn decode_page(bytes: Vec<u8>) -> Result<String, TextProblem> {
    let encoding = match Encoding::for_bom(&bytes) {
        Some((encoding, _)) => encoding,
        None => declared(&bytes[..bytes.len().min(PRESCAN_BYTES)]).unwrap_or(UTF_8),
    };
    if encoding == UTF_8 {
        let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        return check_text(bytes).map_err(|problem| match problem {
            TextProblem::NotUtf8 { offset } => TextProblem::PageNotUtf8 { offset },
            other => other,
        });
    }
    let (text, _, _) = encoding.decode(&bytes);
    check_text(text.into_owned().into_bytes())
}

/// The encoding that a `<meta>` among `head` declares: the first `charset=` inside a `<meta ...>`
/// tag, by its label. UTF-16 declared in the page itself means UTF-8 (the page could not be
/// read to find the declaration otherwise), as the standard says.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&head[at..], b"<") {
        let start = at + found + 1;
        at = start;
        if !head[start..]
            .get(..4)
            .is_some_and(|name| name.eq_ignore_ascii_case(b"meta"))
        {
            continue;
        }
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |end| start + end);
        if let Some(encoding) = charset_in(&head[start..end]) {
            return Some(match encoding.name() {
                "UTF-16LE" | "UTF-16BE" => UTF_8,
                "x-user-defined" => encoding_rs::WINDOWS_1252,
                _ => encoding,
            });
        }
        at = end;
    }
    None
}

/// The encoding named after the first `charset` followed by `=` in a tag's text.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let lower = tag.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], b"charset") {
        let mut rest = &lower[at + found + b"charset".len()..];
        at += found + 1;
        rest = rest.trim_ascii_start();
        let Some(value) = rest.strip_prefix(b"=") else {
            continue;
        };
        let value = value.trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let label_end = value
            .iter()
            .position(|&b| {
                matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()
            })
            .unwrap_or(value.len());
        return Encoding::for_label(&value[..label_end]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_legacy_charset_is_decoded() {
        // "Путин" in windows-1251 and in KOI8-R.
        let cp1251 = b"\xcf\xf3\xf2\xe8\xed";
        let koi8 = b"\xf0\xd5\xd4\xc9\xce";
        for (head, body) in [
            (&b"<meta charset=\"windows-1251\">"[..], &cp1251[..]),
            (b"<META CHARSET=cp1251>", cp1251),
            (b"<meta charset='windows-1251'/>", cp1251),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
                koi8,
            ),
            (
                b"<meta content='text/html;charset = KOI8-R' http-equiv=content-type>",
                koi8,
            ),
        ] {
            let page = [
                b"<html><head>",
                head,
                b"</head><body>",
                body,
                b"</body></html>",
            ]
            .concat();
            let text = decode_page(page).unwrap();
            assert!(text.contains("<body>Путин</body>"), "{text}");
        }
    }

    #[test]
    fn a_byte_order_mark_names_the_encoding() {
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("<p>Путин</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_page(utf16).unwrap(), "<p>Путин</p>");
        let bom8 = b"\xef\xbb\xbf<p>x</p>".to_vec();
        assert_eq!(decode_page(bom8).unwrap(), "<p>x</p>");
        // The mark wins over the declaration.
        let both = b"\xef\xbb\xbf<meta charset=windows-1251><p>\xd0\x9f</p>".to_vec();
        assert!(decode_page(both).unwrap().contains("<p>П</p>"));
    }

    #[test]
    fn without_a_declaration_a_page_must_be_utf8() {
        assert_eq!(
            decode_page(b"<p>caf\xe9</p>".to_vec()),
            Err(TextProblem::PageNotUtf8 { offset: 6 })
        );
        assert_eq!(
            decode_page(b"<meta charset=utf-8><p>caf\xe9</p>".to_vec()),
            Err(TextProblem::PageNotUtf8 { offset: 26 })
        );
        // An unknown label, or one too far into the page, declares nothing.
        let unknown = b"<meta charset=klingon><p>caf\xe9</p>".to_vec();
        assert!(decode_page(unknown).is_err());
        let mut late = vec![b' '; PRESCAN_BYTES];
        late.extend(b"<meta charset=windows-1251>\xcf");
        assert!(decode_page(late).is_err());
        // UTF-16 declared in the page is read as UTF-8.
        assert_eq!(
            decode_page(b"<meta charset=utf-16><p>x</p>".to_vec()).unwrap(),
            "<meta charset=utf-16><p>x</p>"
        );
        assert!(matches!(
            decode_page(b"<p>\0</p>".to_vec()),
            Err(TextProblem::Binary { .. })
        ));
    }
}
