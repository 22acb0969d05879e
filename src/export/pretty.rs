//! A writer of JSON laid out one record a line: the frame of the document indented as
//! `serde_json::to_writer_pretty` indents it (two spaces, `": "` after keys, `[]` when empty),
//! and each record of its lists on a line of its own, compact as `serde_json::to_writer` writes
//! it. It is for documents whose shape the caller knows: it writes into a buffer of its own and
//! hands the buffer on in large pieces, with no serializer state, no call per token through
//! `io::Write`, and no allocation per value. Inside a record the caller writes the punctuation
//! and keys itself, as constant byte strings (`b",\"id\":"`), which the compiler turns into a
//! few stores.

use std::io::{self, Write};

use crate::span::Span;

/// How much is buffered before it goes to the output.
const FLUSH_AT: usize = 64 * 1024;

/// A comma, a line break and enough spaces to indent the deepest member of the frame: the
/// start of every member but the first is a prefix of it, and without the comma, of the first.
const SEPARATOR: &[u8; 18] = b",\n                ";

/// JSON being written to `out`. Nothing reaches `out` until [`Pretty::records`] fills the
/// buffer or [`Pretty::finish`].
pub(crate) struct Pretty<W: Write> {
    buf: Vec<u8>,
    out: W,
}

impl<W: Write> Pretty<W> {
    pub fn new(out: W) -> Pretty<W> {
        Pretty {
            buf: Vec::with_capacity(FLUSH_AT + FLUSH_AT / 2),
            out,
        }
    }

    /// Writes what is left to the output (without flushing the output itself).
    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)
    }

    /// Bytes as they are: punctuation, keys, or a value known to need no escaping.
    #[inline]
    pub fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// A line break and the indent of depth `level` (of the frame: at most 8).
    #[inline]
    fn newline(&mut self, level: usize) {
        self.buf.extend_from_slice(&SEPARATOR[1..2 + 2 * level]);
    }

    /// Starts field `name` (plain ASCII, nothing to escape) of a frame object at depth
    /// `level - 1`: the separator, the indent, the key and `": "`. `first` for the object's
    /// first field, which follows its `{`.
    pub fn key(&mut self, level: usize, first: bool, name: &str) {
        self.buf
            .extend_from_slice(&SEPARATOR[usize::from(first)..2 + 2 * level]);
        self.buf.push(b'"');
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    /// Ends a frame object or array at depth `level` that has members: the line break, the
    /// indent and `close`.
    pub fn close(&mut self, level: usize, close: u8) {
        self.newline(level);
        self.buf.push(close);
    }

    /// A frame array at depth `level` of records, one a line, each written by `write_record`;
    /// the buffer goes to the output whenever it fills, and the first error is returned.
    pub fn records<T>(
        &mut self,
        level: usize,
        items: impl IntoIterator<Item = T>,
        mut write_record: impl FnMut(&mut Self, T),
    ) -> io::Result<()> {
        self.buf.push(b'[');
        let mut first = true;
        for item in items {
            self.buf
                .extend_from_slice(&SEPARATOR[usize::from(first)..4 + 2 * level]);
            first = false;
            write_record(self, item);
            if self.buf.len() >= FLUSH_AT {
                self.out.write_all(&self.buf)?;
                self.buf.clear();
            }
        }
        if first {
            self.buf.push(b']');
        } else {
            self.close(level, b']');
        }
        Ok(())
    }

    /// A string, escaped as serde_json escapes it.
    #[inline]
    pub fn str(&mut self, text: &str) {
        // Without an early exit, so that the loop is vectorized.
        let plain = !text.bytes().fold(false, |escape, byte| {
            escape | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
        });
        if plain {
            self.buf.reserve(text.len() + 2);
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
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    #[inline]
    pub fn bool(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    /// A span, compact: `[start,end]`.
    #[inline]
    pub fn span(&mut self, span: Span) {
        self.buf.push(b'[');
        self.usize(span.start);
        self.buf.push(b',');
        self.usize(span.end);
        self.buf.push(b']');
    }

    pub fn opt_span(&mut self, span: Option<Span>) {
        match span {
            Some(span) => self.span(span),
            None => self.raw(b"null"),
        }
    }

    /// A compact array, each item written by `write_item`.
    #[inline]
    pub fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut write_item: impl FnMut(&mut Self, T),
    ) {
        self.buf.push(b'[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            write_item(self, item);
        }
        self.buf.push(b']');
    }

    /// A compact array of strings.
    pub fn str_list<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        self.list(items, |out, item| out.str(item));
    }

    /// A compact object mapping each key (escaped here) to a number.
    pub fn counts<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, usize)>) {
        self.buf.push(b'{');
        for (i, (key, count)) in entries.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            self.str(key);
            self.buf.push(b':');
            self.usize(count);
        }
        self.buf.push(b'}');
    }
}
