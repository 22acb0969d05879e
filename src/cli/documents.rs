//! Reading and analysing the documents of a run: the flags checked into [`Settings`], then
//! [`analyse`] streams the inputs, in small batches, through the library's `analyze` on a pool of
//! threads and hands each analysis on in input order.

use std::fs;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use provgraph::page::{self, extract_page};
use provgraph::{DocumentAnalysis, DocumentInput, analyze};

use super::clobber::Inputs;
use super::config::Documents;
use super::error::{Error, io_reason, shorten, shown_path};
use super::input::{self, Content, Location, Source};
use super::pipeline;
use super::progress::Progress;
use super::warnings::Warning;

/// The checked flags of a run that analyses documents.
pub(super) struct Settings {
    pub locations: Vec<Location>,
    pub options: input::Options,
    pub emit_text: Option<PathBuf>,
    pub threads: NonZeroUsize,
    /// The files read, which no output may replace.
    pub inputs: Inputs,
}

/// Finds the inputs, before any is read; creates the `--emit-text` directory.
pub(super) fn settings(documents: &Documents) -> Result<Settings, Error> {
    let locations = input::locate(&documents.inputs)?;
    if let Some(dir) = &documents.emit_text {
        fs::create_dir_all(dir).map_err(|err| {
            Error::failure(
                format_args!("cannot create {}", shown_path(dir)),
                io_reason(&err),
                "give --emit-text a directory that can be written",
            )
        })?;
    }
    let threads = NonZeroUsize::new(documents.threads.get().min(most_documents(&locations)))
        .unwrap_or(NonZeroUsize::MIN);
    Ok(Settings {
        inputs: Inputs::of(&locations),
        locations,
        options: documents.options,
        emit_text: documents.emit_text.clone(),
        threads,
    })
}

/// The most documents the inputs can hold: one per text or HTML file, any number in JSON Lines,
/// standard input and files whose format is only known once they are read. No more threads
/// than documents are started.
fn most_documents(locations: &[Location]) -> usize {
    let one_each = locations.iter().all(|location| {
        matches!(
            location.format(),
            Some(input::Format::Txt | input::Format::Html)
        )
    });
    if one_each {
        locations.len().max(1)
    } else {
        usize::MAX
    }
}

/// A document analysed, with what the analysis does not keep.
pub(super) struct Analysed {
    pub analysis: DocumentAnalysis,
    /// The text the offsets refer to.
    pub text: String,
    pub url: Option<String>,
    pub date: Option<String>,
    /// What to warn the user about this document (a page nesting too deeply).
    pub warning: Option<String>,
}

/// What a batch of documents gave: each one's result and the bytes of its text, or the message
/// of a panic that lost the whole batch.
type BatchResult<R> = Result<Vec<Result<Done<R>, Problem>>, String>;

/// A document's result, the bytes of its text, and a warning about it.
type Done<R> = (R, usize, Option<String>);

/// Why a document gave no analysis.
enum Problem {
    Failed(Error),
    Panicked { id: String, message: String },
}

/// How much text a batch of documents holds, at most (unless one document is larger): enough to
/// make handing batches between threads cheap next to analysing them, little enough that
/// results come out soon and the threads share the work evenly.
const BATCH_BYTES: usize = 64 * 1024;
const BATCH_DOCUMENTS: usize = 64;

/// Reads and analyses every document, `settings.threads` at a time; `work` runs on the
/// analysing threads (to serialize, say), `consume` on this one, in input order.
pub(super) fn analyse<R: Send>(
    settings: &Settings,
    progress: &Progress<'_>,
    work: impl Fn(Analysed) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), Error>,
) -> Result<(), Error> {
    let consumed = AtomicU64::new(0);
    let emit_text = settings
        .emit_text
        .as_deref()
        .map(|dir| (dir, &settings.inputs));
    pipeline::run(
        settings.threads,
        |submit| {
            let mut sink = Batches {
                submit,
                progress,
                batch: Vec::new(),
                batch_bytes: 0,
            };
            let read = input::read(&settings.locations, settings.options, &consumed, &mut sink);
            if !sink.batch.is_empty() {
                (sink.submit)(std::mem::take(&mut sink.batch));
            }
            read
        },
        |batch: Vec<Source>| {
            batch
                .into_iter()
                .map(|source| analyse_or_catch(source, emit_text, &work))
                .collect::<Vec<_>>()
        },
        |batch| hand_on(batch, settings, progress, &consumed, &mut consume),
    )
}

/// Hands each analysis of a batch to `consume` and counts it on the progress bar; a document
/// whose analysis panicked is skipped with a warning, or under `--strict` ends the run.
fn hand_on<R>(
    batch: BatchResult<R>,
    settings: &Settings,
    progress: &Progress<'_>,
    consumed: &AtomicU64,
    consume: &mut impl FnMut(R) -> Result<(), Error>,
) -> Result<(), Error> {
    let batch = batch.unwrap_or_else(|message| {
        vec![Err(Problem::Panicked {
            id: "?".to_string(),
            message,
        })]
    });
    for result in batch {
        match result {
            Ok((done, text_bytes, warning)) => {
                if let Some(warning) = warning {
                    progress.warn(Warning::Other, &warning);
                }
                progress.document_done(text_bytes, consumed.load(Ordering::Relaxed));
                consume(done)?;
            }
            Err(Problem::Failed(error)) => return Err(error),
            Err(Problem::Panicked { id, message }) if settings.options.strict => {
                return Err(Error::failure(
                    format_args!("cannot analyse document {}", shorten(&id)),
                    format_args!("the analysis failed ({message})"),
                    "please report this bug with the document, or leave out --strict \
                     to skip such documents",
                ));
            }
            Err(Problem::Panicked { id, message }) => progress.warn(
                Warning::Skipped,
                &format!(
                    "document {} is skipped: its analysis failed ({message}); \
                     please report this bug with the document",
                    shorten(&id)
                ),
            ),
        }
    }
    Ok(())
}

/// Analyses one source and applies `work`; a panic becomes a [`Problem`] that names the document.
fn analyse_or_catch<R>(
    source: Source,
    emit_text: Option<(&Path, &Inputs)>,
    work: &impl Fn(Analysed) -> R,
) -> Result<Done<R>, Problem> {
    let id = source.id.clone();
    let analysed = panic::catch_unwind(AssertUnwindSafe(|| {
        let analysed = analyse_one(source);
        if let Some((dir, inputs)) = emit_text {
            write_text(dir, inputs, &analysed.analysis.document.id, &analysed.text)?;
        }
        Ok(analysed)
    }));
    match analysed {
        Ok(Ok(mut analysed)) => {
            let text_bytes = analysed.text.len();
            let warning = analysed.warning.take();
            Ok((work(analysed), text_bytes, warning))
        }
        Ok(Err(error)) => Err(Problem::Failed(error)),
        Err(payload) => Err(Problem::Panicked {
            id,
            message: pipeline::panic_message(payload.as_ref()),
        }),
    }
}

/// The reader's sink: documents in batches to the pool, warnings to the user.
struct Batches<'a, 'p, 'w> {
    submit: &'a mut dyn FnMut(Vec<Source>) -> bool,
    progress: &'p Progress<'w>,
    batch: Vec<Source>,
    batch_bytes: usize,
}

impl input::Sink for Batches<'_, '_, '_> {
    fn document(&mut self, source: Source) -> bool {
        self.batch_bytes += match &source.content {
            Content::Text(text) | Content::Html(text) => text.len(),
        };
        self.batch.push(source);
        if self.batch_bytes < BATCH_BYTES && self.batch.len() < BATCH_DOCUMENTS {
            return true;
        }
        self.batch_bytes = 0;
        (self.submit)(std::mem::take(&mut self.batch))
    }

    fn warning(&mut self, kind: Warning, message: &str) {
        self.progress.warn(kind, message);
    }

    fn count(&mut self, kind: Warning, n: u64) {
        self.progress.count(kind, n);
    }
}

/// The text of the source (a page's main text), analysed. The title is the metadata's, else
/// the analysis's (the first line, unless it is too long to be a headline).
fn analyse_one(source: Source) -> Analysed {
    let mut warning = None;
    let mut date = source.date;
    let (text, title, publisher) = match source.content {
        Content::Text(text) => (text, source.title, source.publisher),
        Content::Html(html) => {
            let page = extract_page(&html);
            if page.too_deep {
                let name = source.path.as_deref().unwrap_or(&source.id);
                warning = Some(format!(
                    "{name} nests its elements deeper than {} levels; the deeper ones are read \
                     as if side by side (their text is kept)",
                    page::MAX_OPEN_TAGS
                ));
            }
            // A page's own time of publication, unless its record gave a date.
            date = date.or(page.published);
            (page.text, page.title, page.publisher)
        }
    };
    let mut analysis = analyze(&DocumentInput {
        id: &source.id,
        text: &text,
        path: source.path.as_deref(),
        title: title.as_deref(),
        publisher: publisher.as_deref(),
    });
    analysis.document.date.clone_from(&date);
    Analysed {
        analysis,
        text,
        url: source.url,
        date,
        warning,
    }
}

/// Writes `text` to `dir/<id>.txt`, the id made a safe file name. Whatever is there is
/// replaced, never written through (a symbolic link is replaced, not followed); an input is
/// never replaced.
fn write_text(dir: &Path, inputs: &Inputs, id: &str, text: &str) -> Result<(), Error> {
    let path = dir.join(format!("{}.txt", file_name(id)));
    if inputs.holds(&path) {
        return Err(Error::failure(
            format_args!("cannot write {}", shown_path(&path)),
            format_args!(
                "it is one of the inputs, and the text of document {} would replace it",
                shorten(id)
            ),
            "give --emit-text another directory",
        ));
    }
    super::output::replace_file(&path, text.as_bytes()).map_err(|err| {
        Error::failure(
            format_args!("cannot write {}", shown_path(&path)),
            io_reason(&err),
            "give --emit-text a directory that can be written",
        )
    })
}

/// The most bytes of an id that a file name keeps: with the hash and `.txt`, a name stays well
/// within the 255 bytes that file systems allow.
const MAX_NAME_BYTES: usize = 200;

/// The id as a file name: bytes other than ASCII letters, digits, `-`, `_` and a `.` that does
/// not lead are written `%XX`, so that different ids give different names. A name longer than
/// [`MAX_NAME_BYTES`] is cut there (never inside a `%XX`) and ends `~` and a hash of the whole
/// id, so that long ids that start alike still give different names. The empty id, which
/// would give the hidden `.txt`, is `~` and the hash.
pub(super) fn file_name(id: &str) -> String {
    if id.is_empty() {
        return format!("~{:016x}", provgraph::hash::fnv1a(b""));
    }
    let mut name = String::with_capacity(id.len());
    for (i, byte) in id.bytes().enumerate() {
        let before = name.len();
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => name.push(byte as char),
            b'.' if i > 0 => name.push('.'),
            _ => name.push_str(&format!("%{byte:02X}")),
        }
        if name.len() > MAX_NAME_BYTES {
            name.truncate(before);
            return format!("{name}~{:016x}", provgraph::hash::fnv1a(id.as_bytes()));
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_safe_distinct_file_names() {
        assert_eq!(file_name("AP_20130322"), "AP_20130322");
        assert_eq!(file_name("a.b-c"), "a.b-c");
        assert_eq!(file_name("wire:12"), "wire%3A12");
        assert_eq!(file_name("../etc/passwd"), "%2E.%2Fetc%2Fpasswd");
        assert_eq!(file_name("a%2F"), "a%252F");
        assert_eq!(file_name("Путин"), "%D0%9F%D1%83%D1%82%D0%B8%D0%BD");
        assert_eq!(file_name(""), "~cbf29ce484222325");
    }

    #[test]
    fn long_ids_become_bounded_distinct_file_names() {
        let url = format!("https://example.com/{}", "path/".repeat(45));
        let ids = [
            "П".repeat(100),
            "П".repeat(101),
            "a".repeat(300),
            "a".repeat(301),
            format!("{}b", "a".repeat(300)),
            url.clone(),
            format!("{url}x"),
        ];
        let names: Vec<String> = ids.iter().map(|id| file_name(id)).collect();
        for (id, name) in ids.iter().zip(&names) {
            assert!(name.len() <= MAX_NAME_BYTES + 17, "{} bytes", name.len());
            assert!(!name.starts_with('.') && !name.contains('/'), "{name}");
            assert_eq!(file_name(id), *name, "stable");
        }
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len(), "{names:?}");
        // An escape is never cut in two.
        let cut = &names[0][..names[0].find('~').unwrap()];
        assert!(cut.ends_with("%9F") || cut.ends_with("%D0"), "{cut}");
    }
}
