//! The layout of the JSON document, as a `serde_json` formatter: the outer objects indented by
//! two spaces a level, each record of a list (a document, node, edge or attribution) on one line
//! of its own, with `", "` between its members and `": "` after its keys, `[]` and `{}` when
//! empty. People can read it and line tools (`grep`, `head`) can cut it, at half the bytes of a
//! fully indented layout. The writer ([`super::pretty`]) writes these bytes by hand; tests hold
//! it to this formatter.

use std::io::{self, Write};

/// The layout as a serde_json formatter: an object or array that is a member of an array, and
/// all within it, on one line; the others with each member on a line of its own.
#[derive(Default)]
pub(crate) struct Lines {
    /// The open objects and arrays, the innermost last.
    open: Vec<Open>,
}

/// An object or array being written.
#[derive(Clone, Copy)]
struct Open {
    array: bool,
    /// Written on one line: it is within an array.
    one_line: bool,
    has_member: bool,
}

/// Spaces to indent with, two a level.
const SPACES: &[u8; 32] = b"                                ";

/// `n` spaces.
fn indent<W: ?Sized + Write>(w: &mut W, mut n: usize) -> io::Result<()> {
    while n > 0 {
        let piece = n.min(SPACES.len());
        w.write_all(&SPACES[..piece])?;
        n -= piece;
    }
    Ok(())
}

impl Lines {
    fn begin<W: ?Sized + Write>(&mut self, w: &mut W, array: bool) -> io::Result<()> {
        let one_line = self
            .open
            .last()
            .is_some_and(|open| open.array || open.one_line);
        self.open.push(Open {
            array,
            one_line,
            has_member: false,
        });
        w.write_all(if array { b"[" } else { b"{" })
    }

    fn end<W: ?Sized + Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
        let open = self.open.pop().expect("objects and arrays are balanced");
        if open.has_member && !open.one_line {
            w.write_all(b"\n")?;
            indent(w, 2 * self.open.len())?;
        }
        w.write_all(close)
    }

    fn member<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        let depth = self.open.len();
        let open = self.open.last_mut().expect("a member is within something");
        open.has_member = true;
        if open.one_line {
            if first { Ok(()) } else { w.write_all(b", ") }
        } else {
            w.write_all(if first { b"\n" } else { b",\n" })?;
            indent(w, 2 * depth)
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

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.member(w, first)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, false)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.member(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
}

/// Writes `value` to `out` in the layout of [`Lines`].
pub(crate) fn write_lines<T: serde::Serialize + ?Sized>(
    value: &T,
    out: impl Write,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Lines::default());
    value.serialize(&mut serializer).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(value: &serde_json::Value) -> String {
        let mut bytes = Vec::new();
        write_lines(value, &mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    }

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
        assert_eq!(lines(&value), expected);
    }

    #[test]
    fn deep_objects_are_indented_past_the_spaces_at_hand() {
        let mut value = serde_json::json!(1);
        for _ in 0..20 {
            value = serde_json::json!({ "k": value });
        }
        let text = lines(&value);
        let deepest = format!("\n{}\"k\": 1\n", " ".repeat(40));
        assert!(text.contains(&deepest), "{text}");
        let read: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read, value);
    }

    #[test]
    fn scalars_and_escapes_are_written_as_serde_json_writes_them() {
        let value = serde_json::json!({"k": ["a \"q\" \\ \n \u{1} é", null, 12, false]});
        assert_eq!(
            lines(&value),
            "{\n  \"k\": [\n    \"a \\\"q\\\" \\\\ \\n \\u0001 é\",\n    null,\n    12,\n    false\n  ]\n}"
        );
        let value = serde_json::json!([{"k": ["a \"q\"", null, 12, false]}]);
        assert_eq!(
            lines(&value),
            "[\n  {\"k\": [\"a \\\"q\\\"\", null, 12, false]}\n]"
        );
    }

    /// Fails after `left` bytes.
    struct Failing {
        left: usize,
    }

    impl Write for Failing {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if buf.len() > self.left {
                return Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"));
            }
            self.left -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_comes_back_as_it_was() {
        let value = serde_json::json!({"list": (0..1000).collect::<Vec<_>>()});
        let err = write_lines(&value, Failing { left: 100 }).unwrap_err();
        // `| head` must still be told apart.
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}
