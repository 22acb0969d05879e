//! Any bytes as a JSON Lines file, as the command line reads one: the bounded line reader splits
//! them (on a reader that hands out a few bytes at a time, with a small `--max-doc-bytes`, both
//! taken from the first bytes), and must agree with a plain split on `\n`; each line short enough
//! goes to `parse_line`, and each record it gives is analysed and checked as every document is.

#![no_main]

use std::io::{BufReader, Cursor};

use libfuzzer_sys::fuzz_target;
use provgraph::DocumentInput;
use provgraph::input::{bounded, jsonl};

fuzz_target!(|bytes: &[u8]| {
    let [capacity, limit, data @ ..] = bytes else {
        return;
    };
    let capacity = usize::from(*capacity % 16) + 1;
    let limit = usize::from(*limit) * 8;
    let mut reader = BufReader::with_capacity(capacity, Cursor::new(data));
    let mut expected = data.split(|&byte| byte == b'\n').peekable();
    let mut line = Vec::new();
    loop {
        let read = bounded::read_line(&mut reader, &mut line, limit).unwrap();
        let Some(want) = expected.next() else {
            assert_eq!(read, bounded::Line::End);
            break;
        };
        // A final line break ends the last line; nothing follows it.
        if want.is_empty() && expected.peek().is_none() {
            assert_eq!(read, bounded::Line::End);
            break;
        }
        if want.len() > limit {
            assert_eq!(
                read,
                bounded::Line::TooLong {
                    bytes: want.len() as u64
                }
            );
            assert!(line.is_empty());
            continue;
        }
        assert_eq!(read, bounded::Line::Whole);
        assert_eq!(line, want);
        let Ok(Some(record)) = jsonl::parse_line(bounded::trim_line_end(&line)) else {
            continue;
        };
        provgraph_fuzz::check_document(&DocumentInput {
            id: record.id.as_deref().unwrap_or("line"),
            text: &record.text,
            path: None,
            title: record.title.as_deref(),
            publisher: record.publisher.as_deref(),
        });
    }
});
