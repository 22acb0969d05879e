//! Where tokens begin and end, and their shape: the one splitting of text into words, numbers,
//! punctuation, quotation marks and dashes. The tokenizer (`text::token`) adds what the lexicon
//! knows of each word; the lexicon splits its own names here, so that they match the text's
//! tokens. Splitting never fails and never loses a byte: every non-space character belongs to
//! exactly one token.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    /// The possessive clitic `'s` / `’s`, or a bare apostrophe after a plural ("allies’").
    Possessive,
    Punct,
    Dash,
    Quote(QuoteMark),
}

/// A quotation mark and which way it faces by its own shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuoteMark {
    /// `"` or `''`: direction from context.
    Straight,
    /// `“`, `„`, `«`, two backticks.
    Open,
    /// `”`, `»`.
    Close,
    /// `‘`.
    SingleOpen,
    /// `’` or `'` standing alone.
    SingleClose,
}

bitflags::bitflags! {
    /// Facts about a token's shape and surroundings.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub(crate) struct TokenFlags: u8 {
        /// The first character is upper case.
        const CAP = 1;
        /// Every letter is upper case and there are at least two ("NATO", "U.S.").
        const ALL_CAPS = 2;
        /// White space comes right before it.
        const SPACE_BEFORE = 4;
        /// A line break comes before it.
        const LINE_BEFORE = 8;
        /// A new paragraph starts with it.
        const PARAGRAPH = 16;
        /// A word ending in a period that is part of it ("U.S.", "a.m.").
        const DOTTED = 32;
        /// A single upper-case letter ("M" in "Brian M. Good").
        const INITIAL = 64;
        /// A lower-case word of five letters or more ending in "ly": most likely an adverb.
        const LY = 128;
    }
}

/// A token as the scanner finds it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Piece {
    /// Its bytes, `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub flags: TokenFlags,
    /// A word of ASCII letters and digits only.
    pub plain: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The spans of `text`'s tokens (the lexicon splits its names with it).
pub(crate) fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    scan(text, |piece| out.push((piece.start, piece.end)));
    out
}

/// Finds the tokens of `text`, in order, and hands each to `each`.
pub(crate) fn scan(text: &str, mut each: impl FnMut(Piece)) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    // The flags the white space since the last token gives the next one; the text starts a
    // paragraph.
    let mut before = TokenFlags::SPACE_BEFORE | TokenFlags::LINE_BEFORE | TokenFlags::PARAGRAPH;

    while pos < text.len() {
        let b = bytes[pos];
        let class = BYTE_CLASS[b as usize] & CLASS;
        if class == SPACE {
            before |= TokenFlags::SPACE_BEFORE;
            pos += 1;
            continue;
        }
        if class == LINE {
            before = after_line_break(before);
            pos += 1;
            continue;
        }
        // The common case: a plain ASCII word or number ending at a space or a plain mark.
        if class == ALNUM {
            let end = alnum_run_end(bytes, pos + 1);
            if plain_end(bytes, end) {
                let mut flags = std::mem::take(&mut before);
                let word = &bytes[pos..end];
                let kind = if word[0].is_ascii_digit() && word.iter().all(u8::is_ascii_digit) {
                    TokenKind::Number
                } else {
                    flags |= shape_flags_ascii(word);
                    TokenKind::Word
                };
                each(Piece {
                    start: pos,
                    end,
                    kind,
                    flags,
                    plain: true,
                });
                pos = end;
                // Most words are followed by one space: it is passed over here, not by another
                // turn of the loop.
                if bytes.get(pos) == Some(&b' ') {
                    before = TokenFlags::SPACE_BEFORE;
                    pos += 1;
                }
                continue;
            }
        }
        // A plain ASCII mark (not a quotation mark, dash, apostrophe or period) is a token of
        // its own.
        if class == 0 && b < 0x80 && !matches!(b, b'"' | b'`' | b'\'' | b'-' | b'.') {
            each(Piece {
                start: pos,
                end: pos + 1,
                kind: TokenKind::Punct,
                flags: std::mem::take(&mut before),
                plain: false,
            });
            pos += 1;
            continue;
        }
        let c = char_at(bytes, text, pos).unwrap_or(' ');
        let clen = c.len_utf8();
        if c.is_whitespace() {
            before |= TokenFlags::SPACE_BEFORE;
            if c == '\n' {
                before = after_line_break(before);
            }
            pos += clen;
            continue;
        }
        let flags = std::mem::take(&mut before);
        let start = pos;

        let (kind, end) = if is_word_char(c) {
            scan_word(text, pos)
        } else {
            scan_symbol(text, bytes, pos, c)
        };
        let mut piece = Piece {
            start,
            end,
            kind,
            flags,
            plain: false,
        };
        if kind == TokenKind::Word {
            piece.flags |= shape_flags(&text[start..end]);
        }
        each(piece);
        pos = end;
    }
}

/// Does a run of ASCII letters and digits ending at `end` end a word? A mark that may join two
/// words ("U.S", "1,000", "O'Neill", "France-Presse") does not when no letter or digit follows it.
#[inline]
fn plain_end(bytes: &[u8], end: usize) -> bool {
    end == bytes.len()
        || BYTE_CLASS[bytes[end] as usize] & PLAIN_END != 0
        || matches!(bytes[end], b',' | b'.' | b':' | b'-' | b'&' | b'\'')
            && bytes
                .get(end + 1)
                .is_none_or(|&next| next < 0x80 && !is_ascii_alnum(next))
}

/// Classes of bytes: white space, line break, ASCII letter or digit, anything else (0, also
/// every byte of a non-ASCII character); [`PLAIN_END`] may be added to a class.
const SPACE: u8 = 1;
const LINE: u8 = 2;
const ALNUM: u8 = 3;
/// The bits of the class proper.
const CLASS: u8 = 7;
/// A byte that ends a word with no chance of joining it to what follows (unlike "-", ".", "'").
const PLAIN_END: u8 = 8;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let class = match b as u8 {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => SPACE,
            b'\n' => LINE,
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ALNUM,
            _ => 0,
        };
        let plain_end = matches!(
            b as u8,
            b' ' | b'\n'
                | b'\t'
                | b'\r'
                | b'"'
                | b'('
                | b')'
                | b';'
                | b'!'
                | b'?'
                | b'/'
                | b'['
                | b']'
        );
        table[b] = class | if plain_end { PLAIN_END } else { 0 };
        b += 1;
    }
    table
};

#[inline]
fn is_ascii_alnum(b: u8) -> bool {
    BYTE_CLASS[b as usize] == ALNUM
}

/// The first index from `at` on whose byte is not an ASCII letter or digit, or the length of
/// `bytes`: eight bytes at a time, so that a word's end costs no mispredicted branch per letter.
#[inline]
fn alnum_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(eight) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        let other = !alnum_bytes(x) & HIGH_BITS;
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && is_ascii_alnum(bytes[at]) {
        at += 1;
    }
    at
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter or digit, the other bits clear.
#[inline]
fn alnum_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & !HIGH_BITS;
    // A byte b below 0x80 is in lo..=hi when b + (0x80 - lo) reaches the high bit and
    // b + (0x7f - hi) does not; no sum carries into the next byte.
    let in_range = |b: u64, lo: u64, hi: u64| (b + ONES * (0x80 - lo)) & !(b + ONES * (0x7f - hi));
    // Setting 0x20 lower-cases the letters and moves nothing else into a..z.
    let letters = in_range(low7 | (ONES * 0x20), 0x61, 0x7a);
    let digits = in_range(low7, 0x30, 0x39);
    (letters | digits) & !x & HIGH_BITS
}

/// The flags of the white space before a token once a line break is added to it: a second
/// line break starts a paragraph.
#[inline]
fn after_line_break(before: TokenFlags) -> TokenFlags {
    let paragraph = match before.contains(TokenFlags::LINE_BEFORE) {
        true => TokenFlags::PARAGRAPH,
        false => TokenFlags::empty(),
    };
    before | paragraph | TokenFlags::SPACE_BEFORE | TokenFlags::LINE_BEFORE
}

/// The character at byte `pos` (a character boundary), decoding only outside ASCII.
#[inline]
fn char_at(bytes: &[u8], text: &str, pos: usize) -> Option<char> {
    let b = *bytes.get(pos)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[pos..].chars().next()
    }
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// A word or number starting at `pos` (a word character). Returns its kind and end.
fn scan_word(text: &str, start: usize) -> (TokenKind, usize) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut all_digits = true;
    loop {
        // The common case: a run of ASCII letters and digits.
        let run = pos;
        pos = alnum_run_end(bytes, pos);
        if all_digits && !bytes[run..pos].iter().all(u8::is_ascii_digit) {
            all_digits = false;
        }
        let Some(c) = char_at(bytes, text, pos) else {
            break;
        };
        if is_word_char(c) {
            if !c.is_ascii_digit() {
                all_digits = false;
            }
            pos += c.len_utf8();
            continue;
        }
        // Joiners: a character between two word characters that keeps the word whole.
        let after = char_at(bytes, text, pos + c.len_utf8());
        let joins = after.is_some_and(is_word_char)
            && match c {
                '-' | '‑' | '&' => true,
                '.' => true, // "U.S", "5.8", "clubz.bg"
                ',' | ':' => {
                    all_digits && after.is_some_and(|a| a.is_ascii_digit()) // "1,000", "5:07"
                }
                '\'' | '’' => {
                    // Keep "O'Neill", "don't", "Ha'aretz"; split the possessive "'s" off.
                    let rest = &text[pos + c.len_utf8()..];
                    !is_possessive_s(rest)
                }
                _ => false,
            };
        if !joins {
            break;
        }
        pos += c.len_utf8();
    }
    // A final period belongs to a dotted initialism: "U.S.", "a.m.".
    if bytes.get(pos) == Some(&b'.')
        && pos >= start + 3
        && bytes[pos - 2] == b'.'
        && is_dotted_initialism(&text[start..pos])
    {
        pos += 1;
    }
    let word = &text[start..pos];
    let kind = if all_digits || bytes[start].is_ascii_digit() && looks_numeric(word) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (kind, pos)
}

/// `rest` starts right after an apostrophe: is it the possessive "s" ending the word?
fn is_possessive_s(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(is_word_char)
}

/// "U.S", "a.m", "U.K": single letters separated by periods.
fn is_dotted_initialism(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
        if !single_letter {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

fn looks_numeric(word: &str) -> bool {
    let mut digits = 0;
    for c in word.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, '.' | ',' | ':' | '-') {
            return false;
        }
    }
    digits > 0
}

fn shape_flags(word: &str) -> TokenFlags {
    if word.is_ascii() {
        return shape_flags_ascii(word.as_bytes());
    }
    let mut flags = TokenFlags::empty();
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if is_uncased_letter(first) {
        // A word of a script without case (Chinese, Arabic, Hebrew...) in an English text is a
        // name: "新华社 News" is one name, as "Путин Media" is.
        flags |= TokenFlags::CAP;
    }
    if first.is_uppercase() {
        flags |= TokenFlags::CAP;
        let mut letters = 1;
        let mut all_upper = true;
        for c in word.chars().skip(1) {
            if c.is_alphabetic() {
                letters += 1;
                if !c.is_uppercase() {
                    all_upper = false;
                }
            }
        }
        if all_upper && letters >= 2 {
            flags |= TokenFlags::ALL_CAPS;
        }
        if word.chars().count() == 1 {
            flags |= TokenFlags::INITIAL;
        }
    }
    if word.ends_with('.') {
        flags |= TokenFlags::DOTTED;
    }
    if !first.is_uppercase() && word.len() > 4 && word.ends_with("ly") {
        flags |= TokenFlags::LY;
    }
    flags
}

/// A letter of a script that has no upper and lower case.
fn is_uncased_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

fn shape_flags_ascii(word: &[u8]) -> TokenFlags {
    let mut flags = TokenFlags::empty();
    let first = word.first().copied().unwrap_or(b' ');
    if first.is_ascii_uppercase() {
        flags |= TokenFlags::CAP;
        // Most capitalized words have a lower-case letter second: the search for one ends there.
        let all_upper = !word.iter().any(u8::is_ascii_lowercase);
        if all_upper && word.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2 {
            flags |= TokenFlags::ALL_CAPS;
        }
        if word.len() == 1 {
            flags |= TokenFlags::INITIAL;
        }
    } else if word.len() > 4 && word.ends_with(b"ly") {
        flags |= TokenFlags::LY;
    }
    if word.ends_with(b".") {
        flags |= TokenFlags::DOTTED;
    }
    flags
}

/// A non-word token starting at `pos`.
fn scan_symbol(text: &str, bytes: &[u8], pos: usize, c: char) -> (TokenKind, usize) {
    let clen = c.len_utf8();
    match c {
        '"' => (TokenKind::Quote(QuoteMark::Straight), pos + 1),
        '“' | '„' | '«' => (TokenKind::Quote(QuoteMark::Open), pos + clen),
        '”' | '»' => (TokenKind::Quote(QuoteMark::Close), pos + clen),
        '‘' if text[pos + clen..].starts_with('‘') => {
            (TokenKind::Quote(QuoteMark::Open), pos + 2 * clen)
        }
        '‘' | '‹' => (TokenKind::Quote(QuoteMark::SingleOpen), pos + clen),
        '`' if bytes.get(pos + 1) == Some(&b'`') => (TokenKind::Quote(QuoteMark::Open), pos + 2),
        // "them,''' said": after a word, a single mark closes before the double one.
        '\'' if bytes.get(pos + 1) == Some(&b'\'')
            && bytes.get(pos + 2) == Some(&b'\'')
            && char_before(text, pos).is_some_and(|c| !c.is_whitespace()) =>
        {
            (TokenKind::Quote(QuoteMark::SingleClose), pos + 1)
        }
        '\'' if bytes.get(pos + 1) == Some(&b'\'') => {
            (TokenKind::Quote(QuoteMark::Straight), pos + 2)
        }
        // Two right single marks typed for a double one (AP copy); "‘‘" opens, above.
        '’' if text[pos + clen..].starts_with('’') => {
            (TokenKind::Quote(QuoteMark::Close), pos + 2 * clen)
        }
        '\'' | '’' | '›' => {
            // An apostrophe right after a word ending in "s" and before a space: plural possessive,
            // unless it is followed by "s" (handled in scan_word).
            let prev = char_before(text, pos);
            let next = text[pos + clen..].chars().next();
            if is_apostrophe(c) && prev == Some('s') && !next.is_some_and(is_word_char) {
                (TokenKind::Possessive, pos + clen)
            } else if is_apostrophe(c)
                && prev.is_some_and(is_word_char)
                && is_possessive_s(&text[pos + clen..])
            {
                (TokenKind::Possessive, pos + clen + 1)
            } else {
                (TokenKind::Quote(QuoteMark::SingleClose), pos + clen)
            }
        }
        '—' | '–' | '―' => (TokenKind::Dash, pos + clen),
        '-' => {
            let mut end = pos + 1;
            while bytes.get(end) == Some(&b'-') {
                end += 1;
            }
            (TokenKind::Dash, end)
        }
        '.' if text[pos..].starts_with("...") => (TokenKind::Punct, pos + 3),
        _ => (TokenKind::Punct, pos + clen),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_runs_end_at_the_first_other_byte_whatever_it_is() {
        // Every byte value, at every place in and after an eight-byte block.
        for other in 0..=255u8 {
            let alnum = other.is_ascii_alphanumeric();
            for at in 0..20 {
                let mut bytes: Vec<u8> = (0..20).map(|i| b"aZ09zA9m"[i % 8]).collect();
                bytes[at] = other;
                let end = alnum_run_end(&bytes, 0);
                assert_eq!(end, if alnum { 20 } else { at }, "byte {other:#x} at {at}");
                assert_eq!(alnum_run_end(&bytes, at), if alnum { 20 } else { at });
            }
        }
        assert_eq!(alnum_run_end(b"", 0), 0);
        assert_eq!(alnum_run_end(b"ab", 2), 2);
    }
}
