//! Stable ids: a label as lower-case ASCII words joined by hyphens, with common Latin letters
//! folded to ASCII and a hash of the label when letters of other scripts had to be left out.

/// A stable id: lower-case ASCII words joined by hyphens ("Agence France-Presse" →
/// "agence-france-presse", "Kremlin's press service" → "kremlins-press-service"). A label with a
/// letter or digit that has no ASCII form here ("Путин Media", "新华社") keeps what it can and
/// ends with `x-` and 12 hex digits of the label's FNV-1a hash ("media-x-…", "x-…"), so that
/// distinct names keep distinct ids, the same in every run. A slug longer than
/// [`MAX_SLUG_BYTES`] is cut there and takes the hash too.
pub(crate) fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    push_slug(&mut out, label);
    out
}

/// How long a slug may grow before it is cut and ended with the label's hash: ids stay short
/// enough for every tool that takes them (`dot` refuses strings over 16384 bytes).
pub(crate) const MAX_SLUG_BYTES: usize = 160;

/// Appends the slug of `label` (see [`slug`]) to `out`, for keys built without a second
/// allocation.
pub(crate) fn push_slug(out: &mut String, label: &str) {
    let start = out.len();
    let mut pending_dash = false;
    // Whether a letter or digit was left out: then the id takes the label's hash.
    let mut dropped = false;
    let bytes = label.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // ASCII needs no decoding: letters and digits are kept, an apostrophe is dropped
            // ("Kremlin's" → "kremlins") and anything else separates words.
            i += 1;
            if b.is_ascii_alphanumeric() {
                if pending_dash {
                    out.push('-');
                    pending_dash = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            } else if b != b'\'' {
                pending_dash = out.len() > start;
            }
            continue;
        }
        let c = label[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        let folded = fold_ascii(c);
        if folded.is_empty() {
            if c == '’' {
                continue;
            }
            dropped |= c.is_alphanumeric();
            pending_dash = out.len() > start;
            continue;
        }
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                if pending_dash {
                    out.push('-');
                    pending_dash = false;
                }
                out.push(f.to_ascii_lowercase());
            } else if f != '\'' {
                pending_dash = out.len() > start;
            }
        }
    }
    end_slug(out, start, label, dropped);
}

/// Ends the slug begun at `start` of `out`: cut at [`MAX_SLUG_BYTES`], and the label's hash
/// when it was cut, when letters or digits were `dropped` or when nothing is left.
fn end_slug(out: &mut String, start: usize, label: &str, mut dropped: bool) {
    if out.len() - start > MAX_SLUG_BYTES {
        // ASCII: any byte is a character boundary.
        out.truncate(start + MAX_SLUG_BYTES);
        out.truncate(out.trim_end_matches('-').len());
        dropped = true;
    }
    if dropped || out.len() == start {
        // Names in scripts without an ASCII transliteration here: keep them distinct.
        if out.len() > start {
            out.push('-');
        }
        use std::fmt::Write;
        let _ = write!(
            out,
            "x-{:012x}",
            crate::hash::fnv1a(label.as_bytes()) & 0xffff_ffff_ffff
        );
    }
}

/// ASCII letters for common Latin letters with diacritics; other letters give nothing.
fn fold_ascii(c: char) -> &'static str {
    if c.is_ascii() {
        return "";
    }

    (match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' => "l",
        'Ł' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' => "r",
        'Ř' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => "",
    }) as _
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: a label and its slug.
    fn check(rows: &[(&str, &str)]) {
        for &(label, expected) in rows {
            assert_eq!(slug(label), expected, "{label:?}");
        }
    }

    #[test]
    fn slugs_are_lower_case_ascii_with_hyphens() {
        check(&[
            ("Agence France-Presse", "agence-france-presse"),
            ("Kremlin's press service", "kremlins-press-service"),
            ("Kremlin’s press service", "kremlins-press-service"),
            ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
            ("  U.S. officials ", "u-s-officials"),
        ]);
    }

    #[test]
    fn latin_letters_with_diacritics_are_folded() {
        check(&[
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("  Łódź – Ćwierć ", "lodz-cwierc"),
            ("Straße", "strasse"),
        ]);
    }

    #[test]
    fn other_scripts_get_a_hash() {
        assert!(slug("新华社").starts_with("x-"));
        assert_ne!(slug("新华社"), slug("人民日报"));
        // The hash is fixed: FNV-1a of the label's bytes, 48 bits.
        assert_eq!(slug(""), "x-9ce484222325");
    }

    /// Issue 17: "Путин Media" and "Газпром Media" were both `media`.
    #[test]
    fn a_name_that_loses_letters_keeps_them_in_a_hash() {
        let pairs = [
            ("Путин Media", "Газпром Media"),
            ("新华社 News", "人民日报 News"),
            ("Ελληνικά 24", "Ρωσικά 24"),
            ("١٢٣ TV", "٤٥٦ TV"),
            ("Þór News", "Ðór News"),
        ];
        for (a, b) in pairs {
            assert_ne!(slug(a), slug(b), "{a:?} and {b:?}");
            assert_eq!(slug(a), slug(a));
            assert!(
                slug(a)
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{a:?}"
            );
        }
        assert!(
            slug("Путин Media").starts_with("media-x-"),
            "{}",
            slug("Путин Media")
        );
        // Folded Latin letters and punctuation lose nothing: no hash.
        assert_eq!(slug("José Martí – “Ñu”"), "jose-marti-nu");
        assert_eq!(slug("Kremlin’s"), "kremlins");
    }

    /// Issue 17, item 11: a 20,000-character name made a 20,000-byte id.
    #[test]
    fn long_slugs_are_cut_and_keep_a_hash() {
        let long = |end: &str| format!("{}{end}", "word ".repeat(4000));
        let (a, b) = (slug(&long("a")), slug(&long("b")));
        assert_ne!(a, b);
        assert!(a.len() <= MAX_SLUG_BYTES + 15, "{}", a.len());
        assert!(a.starts_with("word-word-") && a.contains("-x-"), "{a}");
        let fits = "a".repeat(MAX_SLUG_BYTES);
        assert_eq!(slug(&fits), fits);
    }

    #[test]
    fn slugs_extend_a_prefix() {
        let mut key = String::from("desc:");
        push_slug(&mut key, "the Kremlin's press service");
        assert_eq!(key, "desc:the-kremlins-press-service");
        let mut key = String::from("org:");
        push_slug(&mut key, "新华社");
        assert_eq!(key, format!("org:{}", slug("新华社")));
    }
}
