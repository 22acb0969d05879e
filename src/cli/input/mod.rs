//! Reading the inputs as a stream of documents with unique ids: plain text, JSON Lines and HTML
//! files, gzipped or not, directories and standard input. One document is in memory at a time
//! (a JSON Lines file is read line by line), and none larger than `--max-doc-bytes`: a larger
//! file is skipped by its size, a larger line or standard input is read past, not kept.
//!
//! A document that cannot be analysed (unreadable, too large, binary, not UTF-8, a JSON Lines
//! line that is not a record) is skipped with a warning that says why and what to do; under
//! `--strict` it stops the run instead. Text is never guessed at: offsets refer to the bytes
//! as they are.

mod ids;
mod locate;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use flate2::bufread::GzDecoder;
use provgraph::input::{bounded, html, jsonl, txt};

use super::error::{Error, io_reason, shorten};
use super::warnings::Warning;
pub(super) use locate::{Format, Location, locate};

/// One document, as read.
#[derive(Debug)]
pub(super) struct Source {
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
pub(super) enum Content {
    Text(String),
    Html(String),
}

/// How to read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Options {
    /// The format of standard input and of files whose extension names none; sniffed if `None`.
    pub format: Option<Format>,
    /// A document that cannot be analysed fails the run instead of being skipped.
    pub strict: bool,
    /// The largest document read: a file's bytes (decompressed), a JSON Lines line, standard
    /// input.
    pub max_doc_bytes: u64,
}

/// `--max-doc-bytes` unless given: larger than any news article by far (a long one is 50 KB,
/// a web page 1 MB), small enough that the analysis of one stays well under a gigabyte.
pub(super) const DEFAULT_MAX_DOC_BYTES: u64 = 16 * 1024 * 1024;

impl Default for Options {
    fn default() -> Options {
        Options {
            format: None,
            strict: false,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// How many warnings about renamed documents one input gives before it only counts them.
const MAX_RENAME_WARNINGS: usize = 10;

/// What reading hands on: documents, and warnings for the user.
pub(super) trait Sink {
    /// Takes a document; false stops the reading.
    fn document(&mut self, source: Source) -> bool;
    /// Prints a warning and counts it.
    fn warning(&mut self, kind: Warning, message: &str);
    /// Counts `n` warnings that a printed one sums up.
    fn count(&mut self, kind: Warning, n: u64);
}

/// Reads the locations in order, handing each document to `sink` as soon as it is read.
/// `consumed` counts the bytes taken from files and standard input (before decompression),
/// for the progress bar.
pub(super) fn read(
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
        let keep_going = read_location(
            location,
            options,
            consumed,
            &mut ids,
            &mut first_named,
            sink,
        )?;
        if !keep_going {
            break;
        }
    }
    Ok(())
}

/// Reads one input; false when the sink wants no more.
fn read_location(
    location: &Location,
    options: Options,
    consumed: &AtomicU64,
    ids: &mut ids::Ids,
    first_named: &mut rustc_hash::FxHashMap<String, String>,
    sink: &mut dyn Sink,
) -> Result<bool, Error> {
    let name = location.name();
    let (opened, format) = match open_as(location, options, consumed) {
        Ok(found) => found,
        Err(err) => return skip_unreadable(&name, &err, options, sink),
    };
    let garbage = opened.garbage.clone();
    if format == Format::Jsonl {
        let read = read_jsonl(location, opened.reader, options, ids, sink);
        warn_garbage(&name, &garbage, sink);
        return read;
    }
    let read = read_whole(location, opened, options.max_doc_bytes);
    warn_garbage(&name, &garbage, sink);
    let bytes = match read {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return skip(
                &name,
                too_large(options.max_doc_bytes),
                RAISE_LIMIT,
                options,
                sink,
            );
        }
        Err(err) => return skip_unreadable(&name, &err, options, sink),
    };
    let decoded = match format {
        Format::Html => html::decode_page(bytes),
        _ => txt::decode_text(bytes),
    };
    let text = match decoded {
        Ok(text) => text,
        Err(problem) => return skip(&name, problem.why(), problem.fix(), options, sink),
    };
    if text.trim().is_empty() {
        sink.warning(
            Warning::Empty,
            &format!("{name} is empty; it yields nothing"),
        );
    }
    let id = file_id(location, &name, ids, first_named, sink);
    let content = match format {
        Format::Html => Content::Html(text),
        _ => Content::Text(text),
    };
    Ok(sink.document(Source {
        id,
        path: location.path_text(),
        content,
        title: None,
        publisher: None,
        url: None,
        date: None,
    }))
}

/// [`skip`] for an input that cannot be read.
fn skip_unreadable(
    name: &str,
    err: &io::Error,
    options: Options,
    sink: &mut dyn Sink,
) -> Result<bool, Error> {
    let (why, fix) = why_unreadable(err);
    skip(name, why, fix, options, sink)
}

/// The input opened, and its format: the extension's, else `--input-format`, else sniffed.
fn open_as<'a>(
    location: &Location,
    options: Options,
    consumed: &'a AtomicU64,
) -> io::Result<(Opened<'a>, Format)> {
    let mut opened = open(location, consumed)?;
    let format = match location.format().or(options.format) {
        Some(format) => format,
        None => sniff(&mut opened.reader)?,
    };
    Ok((opened, format))
}

/// The whole input, unless it is larger than `limit` bytes (`None`): a plain file too large is
/// skipped by its size, unread.
fn read_whole(location: &Location, mut opened: Opened, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let size = match location {
        Location::File(path) if !opened.gzip => std::fs::metadata(path).map_or(0, |m| m.len()),
        _ => 0,
    };
    if size > limit {
        return Ok(None);
    }
    bounded::read_at_most(&mut opened.reader, limit)
}

/// The id of the document that the file or standard input is: its natural id, made unique,
/// with a warning when it had to be renamed.
fn file_id(
    location: &Location,
    name: &str,
    ids: &mut ids::Ids,
    first_named: &mut rustc_hash::FxHashMap<String, String>,
    sink: &mut dyn Sink,
) -> String {
    let natural = location.natural_id();
    let id = ids.assign(&natural);
    let earlier = first_named
        .entry(natural.clone())
        .or_insert_with(|| name.to_string());
    if id != natural {
        sink.warning(
            Warning::Renamed,
            &format!(
                "{earlier} and {name} are both document {}; calling {name} {}",
                shorten(&natural),
                shorten(&id)
            ),
        );
    }
    id
}

const RAISE_LIMIT: &str = "give a larger --max-doc-bytes to read it";

/// Why a document is skipped when it is larger than the limit.
fn too_large(limit: u64) -> String {
    format!("it is larger than --max-doc-bytes ({})", size_text(limit))
}

/// A number of bytes as `--max-doc-bytes` takes it: `16 MiB`, `512 KiB`, `1000 bytes`.
pub(super) fn size_text(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    match bytes {
        1 => "1 byte".to_string(),
        _ => format!("{bytes} bytes"),
    }
}

/// A document that cannot be analysed: a warning that it is skipped and the reading goes on,
/// or under `--strict` the run's error.
fn skip(
    what: &str,
    why: impl fmt::Display,
    fix: &str,
    options: Options,
    sink: &mut dyn Sink,
) -> Result<bool, Error> {
    if options.strict {
        return Err(Error::failure(format_args!("cannot read {what}"), why, fix));
    }
    sink.warning(
        Warning::Skipped,
        &format!("{what} is skipped: {why}; {fix}"),
    );
    Ok(true)
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
    let mut counts = LineCounts::default();
    let mut line = Vec::new();
    let mut bad_in_a_row = 0;
    loop {
        let skipped = counts.skipped;
        let record = match next_record(&name, &mut reader, &mut line, options, &mut counts, sink)? {
            Next::End => break,
            Next::Skipped if counts.skipped == skipped => continue,
            Next::Skipped => {
                bad_in_a_row += 1;
                if bad_in_a_row >= MAX_BAD_LINES_IN_A_ROW {
                    give_up(&name, counts.lines, sink);
                    break;
                }
                continue;
            }
            Next::Record(record) => record,
        };
        bad_in_a_row = 0;
        counts.documents += 1;
        let natural = match record.id {
            Some(id) => id,
            None => format!("{stem}:{}", counts.lines),
        };
        let id = ids.assign(&natural);
        if id != natural {
            counts.renamed += 1;
            if counts.renamed <= MAX_RENAME_WARNINGS {
                let line = counts.lines;
                sink.warning(
                    Warning::Renamed,
                    &format!(
                        "{name} line {line} is document {} again; calling it {}",
                        shorten(&natural),
                        shorten(&id)
                    ),
                );
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
    warn_at_end(&name, &counts, sink);
    Ok(true)
}

/// How many lines in a row that are not records (blank lines aside) make the rest of a JSON
/// Lines input be skipped: it is no JSON Lines (`/dev/urandom`, a binary file named `.jsonl`).
pub(super) const MAX_BAD_LINES_IN_A_ROW: usize = 1000;

/// Skips the rest of a JSON Lines input after [`MAX_BAD_LINES_IN_A_ROW`] bad lines.
fn give_up(name: &str, lines: usize, sink: &mut dyn Sink) {
    sink.warning(
        Warning::Skipped,
        &format!(
            "the rest of {name} (after line {lines}) is skipped: the last \
             {MAX_BAD_LINES_IN_A_ROW} lines were none of them a record; give JSON Lines"
        ),
    );
}

/// What one JSON Lines input has given so far.
#[derive(Default)]
struct LineCounts {
    /// Lines read (the number of the last).
    lines: usize,
    documents: usize,
    skipped: usize,
    renamed: usize,
}

/// The next thing a JSON Lines input holds.
enum Next {
    End,
    /// A blank line, or one skipped with a warning.
    Skipped,
    Record(jsonl::Record),
}

/// Reads and parses the next line of `reader` into `line`: a record, or a line skipped (too
/// long, not a record: a warning, or under `--strict` the run's error). A read error skips the
/// rest of the input.
fn next_record(
    name: &str,
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    options: Options,
    counts: &mut LineCounts,
    sink: &mut dyn Sink,
) -> Result<Next, Error> {
    let limit = usize::try_from(options.max_doc_bytes).unwrap_or(usize::MAX);
    let skip_limit = bounded::skip_limit(limit);
    let read = match bounded::read_line_within(reader, line, limit, skip_limit) {
        Ok(read) => read,
        Err(err) => {
            let (why, fix) = why_unreadable(&err);
            let what = format!("the rest of {name} (after line {})", counts.lines);
            skip(&what, why, fix, options, sink)?;
            counts.skipped += 1;
            return Ok(Next::End);
        }
    };
    match read {
        bounded::Line::End => return Ok(Next::End),
        bounded::Line::Whole => counts.lines += 1,
        bounded::Line::TooLong { .. } => {
            counts.lines += 1;
            counts.skipped += 1;
            let what = format!("{name} line {}", counts.lines);
            let why = too_large(options.max_doc_bytes);
            skip(&what, why, RAISE_LIMIT, options, sink)?;
            return Ok(Next::Skipped);
        }
        bounded::Line::Endless { .. } => {
            counts.skipped += 1;
            let what = format!("the rest of {name} (from line {})", counts.lines + 1);
            let why = format!(
                "line {} has no end within {}",
                counts.lines + 1,
                size_text(skip_limit)
            );
            skip(
                &what,
                why,
                "give JSON Lines, one document per line",
                options,
                sink,
            )?;
            return Ok(Next::End);
        }
    }
    match jsonl::parse_line(bounded::trim_line_end(line)) {
        Ok(Some(record)) => Ok(Next::Record(record)),
        Ok(None) => Ok(Next::Skipped),
        Err(why) if options.strict => Err(Error::failure(
            format_args!("cannot read {name} line {}", counts.lines),
            shorten(&why.to_string()),
            "fix the line, or leave out --strict to skip bad lines",
        )),
        Err(why) => {
            counts.skipped += 1;
            sink.warning(
                Warning::Skipped,
                &format!(
                    "{name} line {} is skipped: {}",
                    counts.lines,
                    shorten(&why.to_string())
                ),
            );
            Ok(Next::Skipped)
        }
    }
}

/// The warnings that sum up a JSON Lines input: the renamed documents not warned about one by
/// one, an input without documents.
fn warn_at_end(name: &str, counts: &LineCounts, sink: &mut dyn Sink) {
    if counts.renamed > MAX_RENAME_WARNINGS {
        let more = counts.renamed - MAX_RENAME_WARNINGS;
        sink.warning(
            Warning::Renamed,
            &format!(
                "{name}: {more} more documents had ids used before; they were renamed the same way"
            ),
        );
        // The line above stands for all of them.
        sink.count(Warning::Renamed, more as u64 - 1);
    }
    // An input whose every line was skipped has been warned about line by line.
    if counts.documents == 0 && counts.skipped == 0 {
        sink.warning(
            Warning::Empty,
            &format!("{name} has no documents; it yields nothing"),
        );
    }
}

/// An input opened for reading.
pub(super) struct Opened<'a> {
    pub reader: Box<dyn BufRead + 'a>,
    /// It started as gzip does, and is read decompressed.
    pub gzip: bool,
    /// Set when gzip data ended before the input and what followed was no gzip member: it is
    /// left unread, as `gzip -d` leaves it ("trailing garbage ignored").
    pub garbage: Arc<AtomicBool>,
}

/// The input as a buffered reader, decompressed when it starts as gzip does.
pub(super) fn open<'a>(location: &Location, consumed: &'a AtomicU64) -> io::Result<Opened<'a>> {
    const CAPACITY: usize = 256 * 1024;
    let raw: Box<dyn Read + Send> = match location {
        Location::Stdin => Box::new(io::stdin()),
        Location::File(path) => Box::new(File::open(path)?),
    };
    let mut reader = BufReader::with_capacity(CAPACITY, Counting { raw, consumed });
    let head = reader.fill_buf()?;
    let garbage = Arc::new(AtomicBool::new(false));
    if head.starts_with(&GZIP_MAGIC) {
        let members = Members {
            decoder: Some(GzDecoder::new(reader)),
            member_bytes: 0,
            members: 1,
            garbage: garbage.clone(),
        };
        Ok(Opened {
            reader: Box::new(BufReader::with_capacity(CAPACITY, members)),
            gzip: true,
            garbage,
        })
    } else {
        Ok(Opened {
            reader: Box::new(reader),
            gzip: false,
            garbage,
        })
    }
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The members of a gzip input one after the other, as `gzip -d` reads them: what follows the
/// last whole member and is not the start of another (or is a member whose header is broken)
/// ends the data, and is noted in `garbage`. A member broken after its header is an error.
struct Members<R: BufRead> {
    decoder: Option<GzDecoder<R>>,
    /// Bytes the current member gave so far.
    member_bytes: u64,
    /// Members started, the current one included.
    members: usize,
    garbage: Arc<AtomicBool>,
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = &mut self.decoder else {
                return Ok(0);
            };
            match decoder.read(buf) {
                Ok(0) if !buf.is_empty() => {}
                Ok(n) => {
                    self.member_bytes += n as u64;
                    return Ok(n);
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                // A later member whose header is not gzip's: garbage after the data.
                Err(_) if self.members > 1 && self.member_bytes == 0 => {
                    self.decoder = None;
                    self.garbage.store(true, Ordering::Relaxed);
                    return Ok(0);
                }
                Err(err) => return Err(err),
            }
            let mut rest = self.decoder.take().map(GzDecoder::into_inner).unwrap();
            let head = rest.fill_buf()?;
            if head.is_empty() {
                return Ok(0);
            }
            if !head.starts_with(&GZIP_MAGIC) {
                self.garbage.store(true, Ordering::Relaxed);
                return Ok(0);
            }
            self.decoder = Some(GzDecoder::new(rest));
            self.members += 1;
            self.member_bytes = 0;
        }
    }
}

/// Warns that the data of a gzip input ended before the input, when it did.
fn warn_garbage(name: &str, garbage: &AtomicBool, sink: &mut dyn Sink) {
    if garbage.load(Ordering::Relaxed) {
        sink.warning(
            Warning::Other,
            &format!("{name} has bytes after its gzip data that are not gzip; they are ignored"),
        );
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

/// Why reading failed, and what to do about it.
pub(super) fn why_unreadable(err: &io::Error) -> (String, &'static str) {
    let fix = match err.kind() {
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
            "check that it is whole (a gzip file must be complete)"
        }
        io::ErrorKind::PermissionDenied => "check its permissions",
        io::ErrorKind::NotFound => "check the path",
        // ENAMETOOLONG: deeper than the system lets a path go (PATH_MAX, 4096 bytes on Linux).
        io::ErrorKind::InvalidFilename => "move it to a shorter path to read it",
        _ => "check the file",
    };
    (io_reason(err), fix)
}

/// The run's error for an input that cannot be read.
pub(super) fn failed_reading(name: &str, err: &io::Error) -> Error {
    let (why, fix) = why_unreadable(err);
    Error::failure(format_args!("cannot read {name}"), why, fix)
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
pub(super) fn total_size(locations: &[Location]) -> Option<u64> {
    // Saturating: sparse files can claim sizes that add up past 2^64.
    locations
        .iter()
        .try_fold(0u64, |total, location| match location {
            Location::Stdin => None,
            Location::File(path) => {
                Some(total.saturating_add(std::fs::metadata(path).map_or(0, |m| m.len())))
            }
        })
}
