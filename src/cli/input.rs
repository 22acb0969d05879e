//! Reading the inputs: files, directories and `-` become documents with unique ids, checked to
//! be UTF-8 text before anything is analysed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::error::{Error, io_reason};

/// One document to analyse.
#[derive(Debug)]
pub struct Source {
    /// The file name without its extension (`stdin` for standard input), unique within the run.
    pub id: String,
    /// The path as the user gave it, joined with the file name for a directory; `None` for
    /// standard input.
    pub path: Option<String>,
    pub text: String,
}

/// What the inputs gave: the documents in order, and what the user should hear about them.
#[derive(Debug, Default)]
pub struct Inputs {
    pub sources: Vec<Source>,
    pub warnings: Vec<String>,
}

#[derive(Debug)]
enum Location {
    Stdin,
    File(PathBuf),
}

impl Location {
    fn name(&self) -> String {
        match self {
            Location::Stdin => "standard input".to_string(),
            Location::File(path) => path.display().to_string(),
        }
    }

    fn natural_id(&self) -> String {
        match self {
            Location::Stdin => "stdin".to_string(),
            Location::File(path) => path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .filter(|stem| !stem.is_empty())
                .unwrap_or_else(|| "document".to_string()),
        }
    }
}

/// Reads every input: a file, a directory (its `.txt` files, sorted by path) or `-`.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<Inputs, Error> {
    let locations = locate(inputs)?;
    let natural: Vec<String> = locations.iter().map(Location::natural_id).collect();
    let ids = unique_ids(&natural);

    let mut result = Inputs::default();
    let mut first_named: BTreeMap<&str, String> = BTreeMap::new();
    for ((location, natural), id) in locations.iter().zip(&natural).zip(ids) {
        let name = location.name();
        let text = check_text(read_bytes(location)?).map_err(|problem| problem.error(&name))?;
        if text.trim().is_empty() {
            result
                .warnings
                .push(format!("{name} is empty; it yields nothing"));
        }
        let earlier = first_named.entry(natural).or_insert_with(|| name.clone());
        if id != *natural {
            result.warnings.push(format!(
                "{earlier} and {name} are both document {natural}; calling {name} {id}"
            ));
        }
        let path = match location {
            Location::Stdin => None,
            Location::File(path) => Some(path.to_string_lossy().into_owned()),
        };
        result.sources.push(Source { id, path, text });
    }
    Ok(result)
}

/// The document's headline: its first non-blank line, trimmed.
pub fn title_line(text: &str) -> Option<&str> {
    text.lines()
        .map(|line| line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .find(|line| !line.is_empty())
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn locate(inputs: &[PathBuf]) -> Result<Vec<Location>, Error> {
    let n_stdin = inputs.iter().filter(|path| is_stdin(path)).count();
    if n_stdin > 1 {
        return Err(Error::usage(
            "cannot read standard input twice",
            format_args!("- is given {n_stdin} times"),
            "give - once",
        ));
    }
    let mut locations = Vec::new();
    for input in inputs {
        if is_stdin(input) {
            locations.push(Location::Stdin);
            continue;
        }
        let metadata = fs::metadata(input).map_err(|err| cannot_read(input, &err))?;
        if metadata.is_dir() {
            let files = txt_files(input)?;
            if files.is_empty() {
                return Err(Error::failure(
                    format_args!("cannot read {}", input.display()),
                    "the directory has no .txt files",
                    "give .txt files, or a directory that holds some",
                ));
            }
            locations.extend(files.into_iter().map(Location::File));
        } else {
            locations.push(Location::File(input.clone()));
        }
    }
    Ok(locations)
}

/// The directory's `.txt` files (not its subdirectories'), sorted by path.
fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = fs::read_dir(dir).map_err(|err| cannot_read(dir, &err))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|err| cannot_read(dir, &err))?.path();
        let is_txt = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("txt"));
        if is_txt && fs::metadata(&path).is_ok_and(|metadata| metadata.is_file()) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read_bytes(location: &Location) -> Result<Vec<u8>, Error> {
    match location {
        Location::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map_err(|err| {
                Error::failure(
                    "cannot read standard input",
                    io_reason(&err),
                    "pipe the text in, or give a file",
                )
            })?;
            Ok(bytes)
        }
        Location::File(path) => fs::read(path).map_err(|err| cannot_read(path, &err)),
    }
}

fn cannot_read(path: &Path, err: &io::Error) -> Error {
    let fix = match err.kind() {
        io::ErrorKind::PermissionDenied => "check its permissions",
        _ => "check the path",
    };
    Error::failure(
        format_args!("cannot read {}", path.display()),
        io_reason(err),
        fix,
    )
}

/// Why some bytes are not a text to analyse.
#[derive(Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A NUL byte: binary data, or UTF-16.
    Binary { offset: usize },
    /// The offset of the first byte that is not part of valid UTF-8.
    NotUtf8 { offset: usize },
}

impl TextProblem {
    fn error(&self, name: &str) -> Error {
        match self {
            TextProblem::Binary { offset } => Error::failure(
                format_args!("cannot read {name}"),
                format_args!("it holds binary data (a NUL byte at offset {offset})"),
                "give a plain-text file; UTF-16 text can be converted with iconv -f UTF-16 -t UTF-8",
            ),
            TextProblem::NotUtf8 { offset } => Error::failure(
                format_args!("cannot read {name}"),
                format_args!("it is not UTF-8 (the first invalid byte is at offset {offset})"),
                "convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8",
            ),
        }
    }
}

/// The bytes as text, unless they hold a NUL byte or are not UTF-8.
pub fn check_text(bytes: Vec<u8>) -> Result<String, TextProblem> {
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Err(TextProblem::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|err| TextProblem::NotUtf8 {
        offset: err.utf8_error().valid_up_to(),
    })
}

/// Document ids that are unique, in input order: the first input with an id keeps it, later ones
/// get the first free `id-2`, `id-3`, ... that no input is naturally called.
pub fn unique_ids(natural: &[String]) -> Vec<String> {
    let taken: BTreeSet<&str> = natural.iter().map(String::as_str).collect();
    let mut assigned: BTreeSet<String> = BTreeSet::new();
    let mut ids = Vec::with_capacity(natural.len());
    for id in natural {
        let mut unique = id.clone();
        let mut n = 2;
        while assigned.contains(&unique) || (unique != *id && taken.contains(unique.as_str())) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        assigned.insert(unique.clone());
        ids.push(unique);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    #[test]
    fn duplicate_ids_get_numbered_suffixes_that_no_input_uses() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["a", "b"], &["a", "b"]),
            (&["a", "a", "a"], &["a", "a-2", "a-3"]),
            (&["a", "a", "a-2"], &["a", "a-3", "a-2"]),
            (&["a-2", "a", "a"], &["a-2", "a", "a-3"]),
            (&["x", "y", "x", "y"], &["x", "y", "x-2", "y-2"]),
        ];
        for (natural, expected) in cases {
            assert_eq!(
                unique_ids(&strings(natural)),
                strings(expected),
                "{natural:?}"
            );
        }
    }

    #[test]
    fn text_must_be_utf8_without_nul_bytes() {
        assert_eq!(check_text(b"plain".to_vec()), Ok("plain".to_string()));
        assert_eq!(check_text("Путин".into()), Ok("Путин".to_string()));
        assert_eq!(
            check_text(b"caf\xe9 au lait".to_vec()),
            Err(TextProblem::NotUtf8 { offset: 3 })
        );
        assert_eq!(
            check_text(b"\xff\xfeh\0i\0".to_vec()),
            Err(TextProblem::Binary { offset: 3 })
        );
    }

    #[test]
    fn the_title_is_the_first_non_blank_line_trimmed() {
        assert_eq!(
            title_line("\n  \n  Headline here  \nbody"),
            Some("Headline here")
        );
        assert_eq!(title_line("\u{feff}Headline\r\nbody"), Some("Headline"));
        assert_eq!(title_line(" \n\t\n"), None);
        assert_eq!(title_line(""), None);
    }
}
