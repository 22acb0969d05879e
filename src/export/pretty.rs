//! A writer of JSON in the layout of `layout::Lines` (the outer objects indented by two
//! spaces a level, each record of a list on one line of its own), for documents whose shape the
//! caller knows: into a buffer of its own, handed on in pieces of some 64 KiB, with no
//! serializer state, no call per token through `io::Write`, and no allocation per value. The
//! caller says how deep each outer value is (the top level is 0).
//!
//! It exists for speed alone: the JSON document is the largest output, and serde_json with the
//! `Lines` formatter writes the same bytes (a test in `json.rs` holds the two together) at a cost
//! docs/performance.md gives. Values are written into a [`Values`] buffer; [`Pretty`] hands
//! such a buffer to the output.

use std::io::{self, Write};
use std::ops::{Deref, DerefMut};

/// How much is buffered before it goes to the output.
const FLUSH_AT: usize = 64 * 1024;

/// A comma, a line break and enough spaces to indent the deepest outer value: the start of
/// every member but the first is a prefix of it, and without the comma, of the first.
const SEPARATOR: &[u8; 10] = b",\n        ";

/// The start of a member at depth `level`: the separator and the indent (without the comma
/// for the first member).
#[inline]
fn separator(level: usize, first: bool) -> &'static [u8] {
    &SEPARATOR[usize::from(first)..2 + 2 * level]
}

/// JSON values written into memory.
#[derive(Default)]
pub(crate) struct Values(Vec<u8>);

impl Values {
    /// Bytes as they are: punctuation, or a value known to need no escaping.
    #[inline]
    pub(super) fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// A line break and the indent of depth `level`.
    #[inline]
    fn newline(&mut self, level: usize) {
        self.0.extend_from_slice(separator(level, true));
    }

    /// Starts field `name` (plain ASCII, nothing to escape) of an outer object at depth
    /// `level - 1`: the separator, the indent, the key and `": "`. `first` for the object's first
    /// field, which follows its `{`.
    #[inline]
    pub(super) fn key(&mut self, level: usize, first: bool, name: &str) {
        self.0.extend_from_slice(separator(level, first));
        self.0.push(b'"');
        self.0.extend_from_slice(name.as_bytes());
        self.0.extend_from_slice(b"\": ");
    }

    /// Ends an outer object or list at depth `level` that has members: the line break, the
    /// indent and `close`.
    #[inline]
    pub(super) fn close(&mut self, level: usize, close: u8) {
        self.newline(level);
        self.0.push(close);
    }

    /// A string, escaped as serde_json escapes it.
    #[inline]
    pub(super) fn str(&mut self, text: &str) {
        // Without an early exit, so that the loop is vectorized.
        let plain = !text.bytes().fold(false, |escape, byte| {
            escape | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
        });
        if plain {
            self.0.reserve(text.len() + 2);
            self.0.push(b'"');
            self.0.extend_from_slice(text.as_bytes());
            self.0.push(b'"');
        } else {
            serde_json::to_writer(&mut self.0, text).expect("writing to memory does not fail");
        }
    }

    pub(super) fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.raw(b"null"),
        }
    }

    #[inline]
    pub(super) fn usize(&mut self, n: usize) {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    #[inline]
    pub(super) fn bool(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    /// Starts field `name` (plain ASCII, nothing to escape) of a record, which is on one line:
    /// `, ` unless it is the first (which follows the `{`), the key and `": "`.
    // Always inlined: the key is then a constant of known length, copied without a call to
    // `memcpy` (docs/performance.md).
    #[inline(always)]
    pub(super) fn field(&mut self, first: bool, name: &str) {
        if !first {
            self.0.extend_from_slice(b", ");
        }
        self.0.push(b'"');
        self.0.extend_from_slice(name.as_bytes());
        self.0.extend_from_slice(b"\": ");
    }

    /// An array within a record, on one line: `[a, b]`, each item written by `write_item`.
    #[inline]
    pub(super) fn array<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        write_item: impl FnMut(&mut Self, T),
    ) {
        self.one_line(b'[', b']', items, write_item);
    }

    /// An array of strings within a record.
    pub(super) fn str_array<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        self.array(items, |out, item| out.str(item));
    }

    /// An object within a record mapping each key (escaped here) to a number.
    pub(super) fn counts<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, usize)>) {
        self.one_line(b'{', b'}', entries, |out, (key, count)| {
            out.str(key);
            out.raw(b": ");
            out.usize(count);
        });
    }

    /// `open`, the items written by `write_item` with `", "` between them, and `close`.
    #[inline]
    fn one_line<T>(
        &mut self,
        open: u8,
        close: u8,
        items: impl IntoIterator<Item = T>,
        mut write_item: impl FnMut(&mut Self, T),
    ) {
        self.0.push(open);
        let mut first = true;
        for item in items {
            if !first {
                self.0.extend_from_slice(b", ");
            }
            first = false;
            write_item(self, item);
        }
        self.0.push(close);
    }

    /// A list at depth `level` of records, each on a line of its own, written by
    /// `write_record`.
    #[inline]
    fn list<T>(
        &mut self,
        level: usize,
        items: impl IntoIterator<Item = T>,
        mut write_record: impl FnMut(&mut Self, T),
    ) {
        self.0.push(b'[');
        let mut first = true;
        for item in items {
            self.0.extend_from_slice(separator(level + 1, first));
            first = false;
            write_record(self, item);
        }
        if !first {
            self.newline(level);
        }
        self.0.push(b']');
    }
}

/// JSON being written to `out`. Values are written through [`Values`] (it derefs to
/// it); nothing reaches `out` until a list of records fills the buffer, or [`Pretty::finish`].
pub(crate) struct Pretty<W: Write> {
    buf: Values,
    out: W,
}

impl<W: Write> Deref for Pretty<W> {
    type Target = Values;

    fn deref(&self) -> &Values {
        &self.buf
    }
}

impl<W: Write> DerefMut for Pretty<W> {
    fn deref_mut(&mut self) -> &mut Values {
        &mut self.buf
    }
}

impl<W: Write> Pretty<W> {
    pub(super) fn new(out: W) -> Pretty<W> {
        Pretty {
            buf: Values(Vec::with_capacity(FLUSH_AT + FLUSH_AT / 2)),
            out,
        }
    }

    /// Writes what is left to the output (without flushing the output itself).
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf.0)
    }

    /// A list at depth `level` of records (each on a line of its own, written by
    /// `write_record`); the buffer goes to the output whenever it fills, and the first error is
    /// returned.
    pub(super) fn records<T>(
        &mut self,
        level: usize,
        items: impl IntoIterator<Item = T>,
        mut write_record: impl FnMut(&mut Values, T),
    ) -> io::Result<()> {
        let mut result = Ok(());
        let out = &mut self.out;
        self.buf.list(level, items, |buf, item| {
            write_record(buf, item);
            if buf.0.len() >= FLUSH_AT {
                // After a failed write the rest is formatted for nothing, but not kept.
                if result.is_ok() {
                    result = out.write_all(&buf.0);
                }
                buf.0.clear();
            }
        });
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json writes for `value` with the layout's formatter.
    fn lines(value: &serde_json::Value) -> Vec<u8> {
        let mut bytes = Vec::new();
        super::super::layout::write_lines(value, &mut bytes).unwrap();
        bytes
    }

    fn record(out: &mut Values, n: &usize) {
        out.raw(b"{");
        // Fields in the order of serde_json::Value's keys.
        out.field(true, "a");
        out.usize(*n);
        out.field(false, "b");
        out.str(&format!("item \"{n}\"\n"));
        out.field(false, "c");
        out.array([*n, n + 1], Values::usize);
        out.field(false, "d");
        out.counts([("a\\b", *n)].into_iter().take(n % 2));
        out.field(false, "e");
        out.opt_str(None);
        out.field(false, "f");
        out.bool(n.is_multiple_of(3));
        out.raw(b"}");
    }

    fn written(items: &[usize]) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut out = Pretty::new(&mut bytes);
        out.raw(b"{");
        out.key(1, true, "list");
        out.records(1, items, record).unwrap();
        // After "list" in the order of serde_json::Value's keys.
        out.key(1, false, "none");
        out.records(1, &[] as &[usize], record).unwrap();
        out.close(0, b'}');
        out.finish().unwrap();
        bytes
    }

    #[test]
    fn records_are_the_bytes_serde_json_writes_with_the_layout() {
        // None, one, and more than fill the buffer.
        for n in [0, 1, 2, 5000] {
            let items: Vec<usize> = (0..n).collect();
            let bytes = written(&items);
            let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(value["list"].as_array().unwrap().len(), n);
            assert!(lines(&value) == bytes, "{n} records");
        }
    }

    /// Fails after `left` bytes.
    struct Failing {
        left: usize,
    }

    impl Write for Failing {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.left {
                return Err(io::Error::other("disk full"));
            }
            self.left -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_is_returned() {
        let items: Vec<usize> = (0..40_000).collect();
        let mut out = Pretty::new(Failing { left: 100_000 });
        let err = out.records(1, &items, record).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
    }
}
