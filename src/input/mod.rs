//! Readers of the input formats that need no file: they take bytes or a reader (`impl Read`,
//! `BufRead`) and never open anything, so that the command line, the fuzz targets and other
//! programs read documents the same way.
//!
//! - [`jsonl`]: one JSON Lines record (`{"text": ..., "id": ..., ...}`) into a [`jsonl::Record`];
//! - [`bounded`]: lines and whole inputs read with a limit, so that an oversized document is
//!   skipped without being held in memory;
//! - [`txt`]: the checks that make bytes a text to analyse (UTF-8, no NUL byte);
//! - [`html`]: a page's bytes decoded by its byte order mark or declared charset.
//!
//! ```
//! use std::io::Cursor;
//! use provgraph::input::{bounded, jsonl};
//!
//! let mut reader = Cursor::new(&b"{\"id\": 7, \"text\": \"Putin said.\"}\n"[..]);
//! let mut line = Vec::new();
//! assert_eq!(bounded::read_line(&mut reader, &mut line, 1 << 20).unwrap(), bounded::Line::Whole);
//! let record = jsonl::parse_line(&line).unwrap().unwrap();
//! assert_eq!((record.id.as_deref(), record.text.as_str()), (Some("7"), "Putin said."));
//! ```

pub mod bounded;
pub mod html;
pub mod jsonl;
pub mod txt;
