//! A writer of JSON laid out for people and line tools alike: the outer objects indented by two
//! spaces a level, each record of a list (a document, node, edge or attribution) on one line of
//! its own, with `", "` between its members and `": "` after its keys, `[]` and `{}` when empty.
//! The layout is that of a `serde_json` formatter that a test keeps beside it
//! (`reference::lines`). It is written for documents whose shape the caller knows: into a buffer of
//! its own, handed on in large pieces, with no serializer state, no call per token through
//! `io::Write`, and no allocation per value. The caller says how deep each outer value is (the
//! top level is 0).
//!
//! Values are written into a [`Values`] buffer; [`Pretty`] hands such a buffer to the output
//! and can have the records of a long list formatted by two threads.

use std::io::{self, Write};
use std::ops::{Deref, DerefMut};
use std::sync::mpsc;

/// How much is buffered before it goes to the output.
const FLUSH_AT: usize = 64 * 1024;

/// How many records a thread formats at a time in [`Pretty::records_in_parallel`].
const PARALLEL_BLOCK: usize = 1024;

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
    pub fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    pub fn with_capacity(capacity: usize) -> Values {
        Values(Vec::with_capacity(capacity))
    }

    /// What has been written.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The start of a record of a list at depth `level - 1` that is not its first: the comma,
    /// the line break and the indent. A list of such records can be made ahead and written later
    /// by [`Pretty::formatted_records`].
    #[inline]
    pub fn next_member(&mut self, level: usize) {
        self.0.extend_from_slice(separator(level, false));
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
    pub fn key(&mut self, level: usize, first: bool, name: &str) {
        self.0.extend_from_slice(separator(level, first));
        self.0.push(b'"');
        self.0.extend_from_slice(name.as_bytes());
        self.0.extend_from_slice(b"\": ");
    }

    /// Ends an outer object or list at depth `level` that has members: the line break, the
    /// indent and `close`.
    #[inline]
    pub fn close(&mut self, level: usize, close: u8) {
        self.newline(level);
        self.0.push(close);
    }

    /// A string, escaped as serde_json escapes it.
    #[inline]
    pub fn str(&mut self, text: &str) {
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

    pub fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.raw(b"null"),
        }
    }

    #[inline]
    pub fn usize(&mut self, n: usize) {
        self.0
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    #[inline]
    pub fn bool(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    /// Starts field `name` (plain ASCII, nothing to escape) of a record, which is on one line:
    /// `, ` unless it is the first (which follows the `{`), the key and `": "`.
    #[inline]
    pub fn field(&mut self, first: bool, name: &str) {
        if !first {
            self.0.extend_from_slice(b", ");
        }
        self.0.push(b'"');
        self.0.extend_from_slice(name.as_bytes());
        self.0.extend_from_slice(b"\": ");
    }

    /// An array within a record, on one line: `[a, b]`, each item written by `write_item`.
    #[inline]
    pub fn array<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        write_item: impl FnMut(&mut Self, T),
    ) {
        self.one_line(b'[', b']', items, write_item);
    }

    /// An array of strings within a record.
    pub fn str_array<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        self.array(items, |out, item| out.str(item));
    }

    /// An object within a record mapping each key (escaped here) to a number.
    pub fn counts<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, usize)>) {
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
    pub fn new(out: W) -> Pretty<W> {
        Pretty {
            buf: Values(Vec::with_capacity(FLUSH_AT + FLUSH_AT / 2)),
            out,
        }
    }

    /// Writes what is left to the output (without flushing the output itself).
    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf.0)
    }

    /// Hands the buffer to the output once it holds enough.
    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.0.len() >= FLUSH_AT {
            self.out.write_all(&self.buf.0)?;
            self.buf.0.clear();
        }
        Ok(())
    }

    /// A list at depth `level` of records (each on a line of its own, written by
    /// `write_record`); the buffer goes to the output whenever it fills, and the first error is
    /// returned.
    pub fn records<T>(
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

    /// A list at depth `level` of records formatted ahead: each piece holds records each
    /// written after [`Values::next_member`] at depth `level + 1` (the first record's comma is
    /// left out here). The bytes are those [`Pretty::records`] writes for the same records.
    pub fn formatted_records<'a>(
        &mut self,
        level: usize,
        pieces: impl IntoIterator<Item = &'a [u8]>,
    ) -> io::Result<()> {
        self.buf.0.push(b'[');
        let mut first = true;
        for piece in pieces {
            if piece.is_empty() {
                continue;
            }
            debug_assert!(piece.starts_with(separator(level + 1, false)));
            let piece = if first { &piece[1..] } else { piece };
            first = false;
            if piece.len() >= FLUSH_AT {
                self.out.write_all(&self.buf.0)?;
                self.buf.0.clear();
                self.out.write_all(piece)?;
            } else {
                self.buf.0.extend_from_slice(piece);
                self.flush_if_full()?;
            }
        }
        if first {
            self.buf.0.push(b']');
        } else {
            self.buf.close(level, b']');
        }
        Ok(())
    }

    /// [`Pretty::records`] for a slice, formatted by two threads: this one and a helper take
    /// turns at blocks of records, the helper's blocks coming back in order through a short
    /// queue. The bytes are those `records` writes, and the memory held is a few blocks.
    /// Lists of fewer than two blocks are written by this thread alone.
    pub fn records_in_parallel<T: Sync>(
        &mut self,
        level: usize,
        items: &[T],
        write_record: impl Fn(&mut Values, &T) + Sync,
    ) -> io::Result<()> {
        if items.len() < 2 * PARALLEL_BLOCK {
            return self.records(level, items, write_record);
        }
        // Block `b` written after what `buf` holds: each record after its separator.
        let format_block = |b: usize, buf: &mut Values| {
            let start = b * PARALLEL_BLOCK;
            for (i, item) in items[start..].iter().take(PARALLEL_BLOCK).enumerate() {
                buf.raw(separator(level + 1, start + i == 0));
                write_record(buf, item);
            }
        };
        let blocks = items.len().div_ceil(PARALLEL_BLOCK);
        std::thread::scope(|scope| {
            let (send, receive) = mpsc::sync_channel::<Values>(2);
            // Written blocks go back to the helper to be filled again: memory used for the
            // first time costs a page fault per page, more than the formatting.
            let (give_back, take_back) = mpsc::sync_channel::<Values>(3);
            scope.spawn(move || {
                for b in (1..blocks).step_by(2) {
                    let mut block = take_back.try_recv().unwrap_or_else(|_| {
                        // Room for records of a quarter kilobyte, about what an attribution takes.
                        Values(Vec::with_capacity(PARALLEL_BLOCK * 256))
                    });
                    format_block(b, &mut block);
                    // The receiver is gone only when writing failed: stop.
                    if send.send(block).is_err() {
                        return;
                    }
                }
            });
            self.buf.0.push(b'[');
            for b in 0..blocks {
                if b % 2 == 0 {
                    format_block(b, &mut self.buf);
                    self.flush_if_full()?;
                } else {
                    let mut block = receive.recv().expect("the helper sends every odd block");
                    self.out.write_all(&self.buf.0)?;
                    self.buf.0.clear();
                    self.out.write_all(&block.0)?;
                    block.0.clear();
                    // The helper may have stopped taking them back: the block is then dropped.
                    let _ = give_back.try_send(block);
                }
            }
            self.buf.close(level, b']');
            Ok(())
        })
    }
}

/// The layout, written by serde_json with a formatter of its own: what tests hold the writer to.
#[cfg(test)]
pub(crate) mod reference {
    use std::io::{self, Write};

    /// `value` as [`Values`] and [`Pretty`] lay it out, by serde_json with the formatter
    /// [`Lines`].
    pub(crate) fn lines<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, Lines::default());
        value
            .serialize(&mut serializer)
            .expect("writing to memory does not fail");
        bytes
    }

    /// The layout as a serde_json formatter: an object or array that is a member of an array,
    /// and all within it, on one line, with `", "` between members and `": "` after keys; the
    /// others with each member on a line of its own, indented two spaces a level.
    #[derive(Default)]
    struct Lines {
        /// The open objects and arrays, the innermost last: (an array, on one line, has a member).
        open: Vec<(bool, bool, bool)>,
    }

    impl Lines {
        fn begin<W: ?Sized + Write>(&mut self, w: &mut W, array: bool) -> io::Result<()> {
            let one_line = self
                .open
                .last()
                .is_some_and(|&(array, one, _)| array || one);
            self.open.push((array, one_line, false));
            w.write_all(if array { b"[" } else { b"{" })
        }

        fn end<W: ?Sized + Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
            let (_, one_line, has_member) = self.open.pop().expect("balanced");
            if has_member && !one_line {
                w.write_all(b"\n")?;
                w.write_all(&b" ".repeat(2 * self.open.len()))?;
            }
            w.write_all(close)
        }

        fn member<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
            let depth = self.open.len();
            let open = self.open.last_mut().expect("a member is within something");
            open.2 = true;
            if open.1 {
                w.write_all(if first { b"" } else { b", " })
            } else {
                w.write_all(if first { b"\n" } else { b",\n" })?;
                w.write_all(&b" ".repeat(2 * depth))
            }
        }
    }

    impl serde_json::ser::Formatter for Lines {
        fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.begin(w, true)
        }

        fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.end(w, b"]")
        }

        fn begin_array_value<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.member(w, first)
        }

        fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.begin(w, false)
        }

        fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.end(w, b"}")
        }

        fn begin_object_key<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.member(w, first)
        }

        fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            w.write_all(b": ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::reference::lines;
    use super::*;

    #[test]
    fn the_formatter_indents_the_outer_levels_and_keeps_records_on_a_line() {
        let value = serde_json::json!({
            "a": true,
            "b": {"list": [{"n": 1, "s": [2, 3], "t": {}}, {"n": 2, "s": [], "t": {"x": [4]}}]},
            "c": [],
            "d": {},
        });
        let expected = r#"{
  "a": true,
  "b": {
    "list": [
      {"n": 1, "s": [2, 3], "t": {}},
      {"n": 2, "s": [], "t": {"x": [4]}}
    ]
  },
  "c": [],
  "d": {}
}"#;
        assert_eq!(String::from_utf8(lines(&value)).unwrap(), expected);
    }

    fn record(out: &mut Values, n: &usize) {
        out.raw(b"{");
        out.field(true, "n");
        out.usize(*n);
        out.field(false, "s");
        out.str(&format!("item \"{n}\""));
        out.field(false, "v");
        out.array([*n, n + 1], Values::usize);
        out.raw(b"}");
    }

    fn written(items: &[usize], parallel: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut out = Pretty::new(&mut bytes);
        out.raw(b"{");
        out.key(1, true, "list");
        if parallel {
            out.records_in_parallel(1, items, record).unwrap();
        } else {
            out.records(1, items, record).unwrap();
        }
        out.close(0, b'}');
        out.finish().unwrap();
        bytes
    }

    /// The records as [`Pretty::formatted_records`] writes them from pieces of `sizes` records.
    fn written_ahead(items: &[usize], sizes: &[usize]) -> Vec<u8> {
        let mut pieces = Vec::new();
        let mut rest = items;
        for &size in sizes {
            let (piece, after) = rest.split_at(size);
            rest = after;
            let mut values = Values::default();
            for item in piece {
                values.next_member(2);
                record(&mut values, item);
            }
            pieces.push(values.as_bytes().to_vec());
        }
        assert!(rest.is_empty());
        let mut bytes = Vec::new();
        let mut out = Pretty::new(&mut bytes);
        out.raw(b"{");
        out.key(1, true, "list");
        out.formatted_records(1, pieces.iter().map(Vec::as_slice))
            .unwrap();
        out.close(0, b'}');
        out.finish().unwrap();
        bytes
    }

    #[test]
    fn records_formatted_ahead_are_the_bytes_written_as_they_come() {
        let many: Vec<usize> = (0..3 * PARALLEL_BLOCK).collect();
        // Empty pieces anywhere, one record, and a piece larger than the buffer.
        let cases: &[(&[usize], &[usize])] = &[
            (&[], &[]),
            (&[], &[0, 0]),
            (&[7], &[0, 1, 0]),
            (&[1, 2, 3, 4, 5], &[2, 0, 3]),
            (&many, &[1, 3 * PARALLEL_BLOCK - 1]),
            (&many, &[PARALLEL_BLOCK; 3]),
        ];
        for (items, sizes) in cases {
            assert_eq!(
                written_ahead(items, sizes),
                written(items, false),
                "{} records in pieces of {sizes:?}",
                items.len()
            );
        }
    }

    #[test]
    fn records_written_by_two_threads_are_the_bytes_one_writes() {
        // No blocks, one block, and blocks in odd and even numbers with a short last one.
        for n in [
            0,
            1,
            PARALLEL_BLOCK,
            2 * PARALLEL_BLOCK,
            5 * PARALLEL_BLOCK + 17,
        ] {
            let items: Vec<usize> = (0..n).collect();
            let one = written(&items, false);
            assert_eq!(written(&items, true), one, "{n} records");
            let value: serde_json::Value = serde_json::from_slice(&one).unwrap();
            assert_eq!(value["list"].as_array().unwrap().len(), n);
            assert_eq!(
                lines(&value),
                one,
                "{n} records laid out as the formatter lays them out"
            );
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
    fn a_write_error_stops_both_threads_and_is_returned() {
        let items: Vec<usize> = (0..40 * PARALLEL_BLOCK).collect();
        let mut out = Pretty::new(Failing { left: 100_000 });
        let err = out.records_in_parallel(1, &items, record).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        let mut out = Pretty::new(Failing { left: 100_000 });
        let err = out.records(1, &items, record).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
    }
}
