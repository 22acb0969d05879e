//! A writer of JSON laid out one record a line: the frame of the document indented as
//! `serde_json::to_writer_pretty` indents it (two spaces, `": "` after keys, `[]` and `{}` when
//! empty), and each record (a value written by [`Pretty::record`]) on a line of its own, compact
//! as `serde_json::to_writer` writes it. It is for documents whose shape the caller knows: it
//! writes into a buffer of its own and hands the buffer on in large pieces, with no serializer
//! state, no call per token through `io::Write`, and no allocation per value. The caller says
//! how deep each value is (the top level is 0); inside a record the depth is not used.

use std::io::{self, Write};

/// How much is buffered before it goes to the output.
const FLUSH_AT: usize = 64 * 1024;

/// A comma, a line break and enough spaces to indent the deepest value written: the start of
/// every member but the first is a prefix of it, and without the comma, of the first.
const SEPARATOR: &[u8; 66] = b",\n                                                                ";

/// Pretty JSON being written to `out`. Nothing reaches `out` until [`Pretty::flush_if_full`]
/// or [`Pretty::finish`].
pub(crate) struct Pretty<W: Write> {
    buf: Vec<u8>,
    out: W,
    /// Inside a record: no line breaks, no spaces.
    flat: bool,
}

impl<W: Write> Pretty<W> {
    pub fn new(out: W) -> Pretty<W> {
        Pretty {
            buf: Vec::with_capacity(FLUSH_AT + FLUSH_AT / 2),
            out,
            flat: false,
        }
    }

    /// Hands the buffer to the output once it holds enough; call it between large values.
    pub fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes what is left to the output (without flushing the output itself).
    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)
    }

    /// Bytes as they are: punctuation, or a value known to need no escaping.
    #[inline]
    pub fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// A line break and the indent of depth `level`.
    #[inline]
    fn newline(&mut self, level: usize) {
        self.buf.extend_from_slice(&SEPARATOR[1..2 + 2 * level]);
    }

    /// Writes a record: what `write` writes goes on the current line, compact.
    #[inline]
    pub fn record(&mut self, write: impl FnOnce(&mut Self)) {
        self.flat = true;
        write(self);
        self.flat = false;
    }

    /// Starts the next member of an object or array whose members are at depth `level`.
    #[inline]
    fn next_member(&mut self, level: usize, first: bool) {
        if self.flat {
            if !first {
                self.buf.push(b',');
            }
        } else {
            self.buf
                .extend_from_slice(&SEPARATOR[usize::from(first)..2 + 2 * level]);
        }
    }

    /// Ends a member's key: `": "`, or in a record `":"`.
    #[inline]
    fn colon(&mut self) {
        if self.flat {
            self.buf.push(b':');
        } else {
            self.buf.extend_from_slice(b": ");
        }
    }

    /// Starts field `name` (plain ASCII, nothing to escape) of an object at depth `level - 1`:
    /// the separator, the indent, the key and `": "`. `first` for the object's first field,
    /// which follows its `{`.
    #[inline]
    pub fn key(&mut self, level: usize, first: bool, name: &str) {
        self.next_member(level, first);
        self.buf.push(b'"');
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b'"');
        self.colon();
    }

    /// Ends an object or array at depth `level` that has members: the line break, the indent
    /// and `close` (in a record, `close` alone).
    #[inline]
    pub fn close(&mut self, level: usize, close: u8) {
        if !self.flat {
            self.newline(level);
        }
        self.buf.push(close);
    }

    /// A string, escaped as serde_json escapes it.
    pub fn str(&mut self, text: &str) {
        // Without an early exit, so that the loop is vectorized.
        let plain = !text.bytes().fold(false, |escape, byte| {
            escape | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
        });
        if plain {
            self.buf.push(b'"');
            self.buf.extend_from_slice(text.as_bytes());
            self.buf.push(b'"');
        } else {
            serde_json::to_writer(&mut self.buf, text).expect("writing to memory does not fail");
        }
    }

    pub fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.raw(b"null"),
        }
    }

    #[inline]
    pub fn usize(&mut self, n: usize) {
        serde_json::to_writer(&mut self.buf, &n).expect("writing to memory does not fail");
    }

    #[inline]
    pub fn bool(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    /// An array at depth `level`, each item written by `write_item` (after its indent).
    pub fn array<T>(
        &mut self,
        level: usize,
        items: impl IntoIterator<Item = T>,
        mut write_item: impl FnMut(&mut Self, T),
    ) {
        self.buf.push(b'[');
        let mut first = true;
        for item in items {
            self.next_member(level + 1, first);
            first = false;
            write_item(self, item);
        }
        if first {
            self.buf.push(b']');
        } else {
            self.close(level, b']');
        }
    }

    /// An array of strings at depth `level`.
    pub fn str_array<'a>(&mut self, level: usize, items: impl IntoIterator<Item = &'a str>) {
        self.array(level, items, |out, item| out.str(item));
    }

    /// An object at depth `level` mapping each key (escaped here) to a number.
    pub fn counts<'a>(
        &mut self,
        level: usize,
        entries: impl IntoIterator<Item = (&'a str, usize)>,
    ) {
        self.buf.push(b'{');
        let mut first = true;
        for (key, count) in entries {
            self.next_member(level + 1, first);
            first = false;
            self.str(key);
            self.colon();
            self.usize(count);
        }
        if first {
            self.buf.push(b'}');
        } else {
            self.close(level, b'}');
        }
    }
}
