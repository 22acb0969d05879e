//! Reading the inputs as a stream of documents with unique ids: plain text, JSON Lines and HTML
//! files, gzipped or not, directories and standard input. One document is in memory at a time
//! (a JSON Lines file is read line by line); text is checked to be UTF-8 before it is analysed.

mod ids;
pub mod jsonl;
mod locate;
pub mod txt;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::bufread::MultiGzDecoder;

use super::error::{Error, io_reason};
pub use locate::{Format, Location, locate};

/// One document, as read.
#[derive(Debug)]
pub struct Source {
    /// Unique within the run.
    pub id: String,
    /// The file, for a document that is a whole file; `None` for standard input and for
    /// the records of JSON Lines.
    pub path: Option<String>,
    pub content: Content,
    /// Metadata from a JSON Lines record.
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

/// A document's words, or the page they are still to be found in.
#[derive(Debug)]
pub enum Content {
    Text(String),
    Html(String),
}

/// How to read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The format of standard input and of files whose extension names none; sniffed if `None`.
    pub format: Option<Format>,
    /// A bad JSON Lines record fails the run instead of being skipped.
    pub strict: bool,
}

/// How many warnings about renamed documents one input gives before it only counts them.
const MAX_RENAME_WARNINGS: usize = 10;

/// What reading hands on: documents, and warnings for the user.
pub trait Sink {
    /// Takes a document; false stops the reading.
    fn document(&mut self, source: Source) -> bool;
    fn warning(&mut self, message: &str);
}

/// Reads the locations in order, handing each document to `sink` as soon as it is read.
/// `consumed` counts the bytes taken from files and standard input (before decompression),
/// for the progress bar.
pub fn read(
    locations: &[Location],
    options: Options,
    consumed: &AtomicU64,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    let mut ids = ids::Ids::new(
        locations
            .iter()
            .filter(|location| location.format() != Some(Format::Jsonl))
            .map(Location::natural_id),
    );
    // Who first had each natural id, for the warning about a file renamed.
    let mut first_named: rustc_hash::FxHashMap<String, String> = Default::default();
    for location in locations {
        let name = location.name();
        let mut reader = open(location, consumed)?;
        let format = match location.format().or(options.format) {
            Some(format) => format,
            None => sniff(&mut reader).map_err(|err| failed_reading(&name, &err))?,
        };
        let keep_going = match format {
            Format::Jsonl => read_jsonl(location, reader, options, &mut ids, sink)?,
            Format::Txt | Format::Html => {
                let mut bytes = Vec::new();
                reader
                    .read_to_end(&mut bytes)
                    .map_err(|err| failed_reading(&name, &err))?;
                let text = txt::check_text(bytes).map_err(|problem| problem.error(&name))?;
                if text.trim().is_empty() {
                    sink.warning(&format!("{name} is empty; it yields nothing"));
                }
                let natural = location.natural_id();
                let id = ids.assign(&natural);
                let earlier = first_named
                    .entry(natural.clone())
                    .or_insert_with(|| name.clone());
                if id != natural {
                    sink.warning(&format!(
                        "{earlier} and {name} are both document {natural}; calling {name} {id}"
                    ));
                }
                let path = match location {
                    Location::Stdin => None,
                    Location::File(path) => Some(path.to_string_lossy().into_owned()),
                };
                let content = match format {
                    Format::Html => Content::Html(text),
                    _ => Content::Text(text),
                };
                sink.document(Source {
                    id,
                    path,
                    content,
                    title: None,
                    publisher: None,
                    url: None,
                    date: None,
                })
            }
        };
        if !keep_going {
            break;
        }
    }
    Ok(())
}

/// Reads a JSON Lines input; false when the sink wants no more.
fn read_jsonl(
    location: &Location,
    mut reader: Box<dyn BufRead + '_>,
    options: Options,
    ids: &mut ids::Ids,
    sink: &mut dyn Sink,
) -> Result<bool, Error> {
    let name = location.name();
    let stem = location.natural_id();
    let mut line = Vec::new();
    let mut line_number = 0;
    let mut n_documents = 0;
    let mut n_renamed = 0;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|err| failed_reading(&name, &err))?;
        if n == 0 {
            break;
        }
        line_number += 1;
        let end = line.len()
            - line
                .iter()
                .rev()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
        let record = match jsonl::parse_line(&line[..end]) {
            Ok(Some(record)) => record,
            Ok(None) => continue,
            Err(why) if options.strict => {
                return Err(Error::failure(
                    format_args!("cannot read {name} line {line_number}"),
                    why,
                    "fix the line, or leave out --strict to skip bad lines",
                ));
            }
            Err(why) => {
                sink.warning(&format!("{name} line {line_number} is skipped: {why}"));
                continue;
            }
        };
        n_documents += 1;
        let natural = match record.id {
            Some(id) => id,
            None => format!("{stem}:{line_number}"),
        };
        let id = ids.assign(&natural);
        if id != natural {
            n_renamed += 1;
            if n_renamed <= MAX_RENAME_WARNINGS {
                sink.warning(&format!(
                    "{name} line {line_number} is document {natural} again; calling it {id}"
                ));
            }
        }
        let source = Source {
            id,
            path: None,
            content: Content::Text(record.text),
            title: record.title,
            publisher: record.publisher,
            url: record.url,
            date: record.date,
        };
        if !sink.document(source) {
            return Ok(false);
        }
    }
    if n_renamed > MAX_RENAME_WARNINGS {
        sink.warning(&format!(
            "{name}: {} more documents had ids used before; they were renamed the same way",
            n_renamed - MAX_RENAME_WARNINGS
        ));
    }
    if n_documents == 0 {
        sink.warning(&format!("{name} has no documents; it yields nothing"));
    }
    Ok(true)
}

/// The input as a buffered reader, decompressed when it starts as gzip does.
pub fn open<'a>(
    location: &Location,
    consumed: &'a AtomicU64,
) -> Result<Box<dyn BufRead + 'a>, Error> {
    const CAPACITY: usize = 256 * 1024;
    let raw: Box<dyn Read + Send> = match location {
        Location::Stdin => Box::new(io::stdin()),
        Location::File(path) => {
            Box::new(File::open(path).map_err(|err| locate::cannot_read(path, &err))?)
        }
    };
    let mut reader = BufReader::with_capacity(CAPACITY, Counting { raw, consumed });
    let head = reader
        .fill_buf()
        .map_err(|err| failed_reading(&location.name(), &err))?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let decoder = MultiGzDecoder::new(reader);
        Ok(Box::new(BufReader::with_capacity(CAPACITY, decoder)))
    } else {
        Ok(Box::new(reader))
    }
}

/// The format of an input whose name says none, from how it starts: `{` is JSON Lines, `<` is
/// HTML, anything else is plain text.
fn sniff(reader: &mut dyn BufRead) -> io::Result<Format> {
    let head = reader.fill_buf()?;
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    Ok(match head.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(b'<') => Format::Html,
        _ => Format::Txt,
    })
}

pub fn failed_reading(name: &str, err: &io::Error) -> Error {
    let fix = match err.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
            "check that it is whole (a gzip file must be complete)"
        }
        _ => "check the file",
    };
    Error::failure(format_args!("cannot read {name}"), io_reason(err), fix)
}

/// Counts the bytes read through it.
struct Counting<'a> {
    raw: Box<dyn Read + Send>,
    consumed: &'a AtomicU64,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.raw.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The total size of the files, for the progress bar; `None` when standard input is among them.
pub fn total_size(locations: &[Location]) -> Option<u64> {
    locations
        .iter()
        .map(|location| match location {
            Location::Stdin => None,
            Location::File(path) => Some(std::fs::metadata(path).map_or(0, |m| m.len())),
        })
        .sum()
}
