//! Reading with a limit, so that an oversized document is skipped without being held in memory:
//! a line of JSON Lines longer than the limit is read past and dropped, a whole input is read up
//! to one byte more than the limit and no further.

use std::io::{self, BufRead, Read};

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// No more lines.
    End,
    /// The next line, without its `\n`, is in the buffer.
    Whole,
    /// The next line is longer than the limit: it was read past (`bytes` long, without its `\n`)
    /// and the buffer is empty.
    TooLong { bytes: u64 },
    /// The next line is longer than the limit and has no `\n` within the most bytes the reader
    /// may read past ([`read_line_within`]): `bytes` were read, the buffer is empty, and the
    /// input is left there (`/dev/zero` has no end).
    Endless { bytes: u64 },
}

/// Reads the next line into `line` (emptied first), unless it is longer than `limit` bytes.
/// The last line need not end with `\n`.
pub fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    read_line_within(reader, line, limit, u64::MAX)
}

/// How far past a line's limit [`read_line_within`] reads looking for its end, for a limit:
/// 64 times the limit, and at least 64 MiB.
pub fn skip_limit(limit: usize) -> u64 {
    (limit as u64).saturating_mul(64).max(64 << 20)
}

/// [`read_line`], reading at most `skip` bytes of a line longer than `limit` before giving up
/// on finding its end ([`Line::Endless`]).
pub fn read_line_within(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
    skip: u64,
) -> io::Result<Line> {
    line.clear();
    let mut bytes: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (piece, ends) = match find_newline(available) {
            Some(end) => (&available[..end], true),
            None => (available, false),
        };
        bytes += piece.len() as u64;
        if !too_long {
            if line.len() + piece.len() > limit {
                too_long = true;
                line.clear();
                line.shrink_to_fit();
            } else {
                line.extend_from_slice(piece);
            }
        }
        let used = piece.len() + usize::from(ends);
        reader.consume(used);
        if ends {
            break;
        }
        if too_long && bytes >= skip {
            return Ok(Line::Endless { bytes });
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, false) => Line::Whole,
        (true, true) => Line::TooLong { bytes },
    })
}

/// Where the first `\n` in `bytes` is (memchr: many bytes at a time).
fn find_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

/// The line without the carriage returns and line feeds at its end.
pub fn trim_line_end(line: &[u8]) -> &[u8] {
    let end = line.len()
        - line
            .iter()
            .rev()
            .take_while(|&&byte| byte == b'\n' || byte == b'\r')
            .count();
    &line[..end]
}

/// Reads the whole input, unless it is longer than `limit` bytes: then `None`, after reading
/// `limit + 1` bytes and no more.
pub fn read_at_most(reader: &mut dyn Read, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(None);
    }
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use std::io::{BufReader, Cursor};

    use super::*;

    /// All lines of `data` read with a buffer of `capacity` bytes and `limit`.
    fn lines(data: &[u8], capacity: usize, limit: usize) -> Vec<Result<String, u64>> {
        let mut reader = BufReader::with_capacity(capacity, Cursor::new(data));
        let mut line = Vec::new();
        let mut found = Vec::new();
        loop {
            match read_line(&mut reader, &mut line, limit).unwrap() {
                Line::End => return found,
                Line::Whole => found.push(Ok(String::from_utf8(line.clone()).unwrap())),
                Line::TooLong { bytes } => {
                    assert!(line.is_empty());
                    found.push(Err(bytes));
                }
                Line::Endless { bytes } => panic!("no skip limit, yet endless after {bytes}"),
            }
        }
    }

    #[test]
    fn lines_longer_than_the_limit_are_read_past_whatever_the_buffer() {
        let data = b"short\n0123456789\n\nlast";
        for capacity in [1, 2, 3, 7, 64] {
            assert_eq!(
                lines(data, capacity, 5),
                [
                    Ok("short".into()),
                    Err(10),
                    Ok("".into()),
                    Ok("last".into())
                ],
                "capacity {capacity}"
            );
            assert_eq!(
                lines(data, capacity, 100),
                [
                    Ok("short".into()),
                    Ok("0123456789".into()),
                    Ok("".into()),
                    Ok("last".into())
                ]
            );
        }
        assert_eq!(lines(b"", 4, 5), []);
        assert_eq!(lines(b"\n", 4, 5), [Ok("".into())]);
        assert_eq!(lines(b"a\r\n", 4, 0), [Err(2)]);
        assert_eq!(trim_line_end(b"a\r\r\n"), b"a");
    }

    #[test]
    fn an_endless_line_is_given_up_after_the_bytes_allowed() {
        let mut zeros = io::repeat(0).take(1 << 40);
        let mut reader = BufReader::with_capacity(4096, &mut zeros);
        let mut line = Vec::new();
        match read_line_within(&mut reader, &mut line, 100, 1 << 20).unwrap() {
            Line::Endless { bytes } => assert!((1 << 20..(1 << 20) + 4096).contains(&bytes)),
            other => panic!("{other:?}"),
        }
        assert!(line.is_empty());
        assert_eq!(skip_limit(1 << 20), 64 << 20);
        assert_eq!(skip_limit(16 << 20), 1 << 30);
    }

    #[test]
    fn newlines_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes = vec![b'x'; len];
                if at < len {
                    bytes[at] = b'\n';
                    bytes[len - 1] = b'\n';
                }
                let expected = (at < len).then_some(at);
                assert_eq!(find_newline(&bytes), expected, "{len} {at}");
            }
        }
        assert_eq!(find_newline("Путин\n".as_bytes()), Some(10));
        assert_eq!(find_newline(&[0x8a, 0x0b, 0x09, b'\n']), Some(3));
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let data = vec![b'x'; 100];
        let mut reader = Cursor::new(&data);
        assert_eq!(read_at_most(&mut reader, 10).unwrap(), None);
        assert_eq!(reader.position(), 11);
        assert_eq!(
            read_at_most(&mut Cursor::new(&data), 100).unwrap(),
            Some(data.clone())
        );
        assert_eq!(
            read_at_most(&mut Cursor::new(b""), 0).unwrap(),
            Some(vec![])
        );
    }
}
