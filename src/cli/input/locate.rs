//! Where the documents are: files, directories walked recursively, and standard input; and what
//! format each file is in, by its extension (`.txt`; `.jsonl`, `.ndjson`; `.html`, `.htm`; any of
//! these followed by `.gz`).

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::cli::error::{Error, io_reason, shown_path};

/// How a file holds its documents, by its names for `--input-format` and as extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// The whole file is one document.
    #[value(name = "txt", alias = "text")]
    Txt,
    /// One JSON object per line, each a document.
    #[value(name = "jsonl", alias = "ndjson")]
    Jsonl,
    /// The page is one document: its main text.
    #[value(name = "html", alias = "htm")]
    Html,
}

impl Format {
    /// The format a name or extension says, in any case.
    pub(crate) fn parse(name: &str) -> Option<Format> {
        <Format as clap::ValueEnum>::from_str(name, true).ok()
    }
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Location {
    Stdin,
    File(PathBuf),
}

impl Location {
    /// How messages name it.
    pub(crate) fn name(&self) -> String {
        match self {
            Location::Stdin => "standard input".to_string(),
            Location::File(path) => shown_path(path),
        }
    }

    /// The path of a file as the document records it; `None` for standard input.
    pub(crate) fn path_text(&self) -> Option<String> {
        match self {
            Location::Stdin => None,
            Location::File(path) => Some(path.to_string_lossy().into_owned()),
        }
    }

    /// The format its extension says, if it says one.
    pub(crate) fn format(&self) -> Option<Format> {
        match self {
            Location::Stdin => None,
            Location::File(path) => split_name(path).1,
        }
    }

    /// The id of the document it holds, for `.txt` and HTML: the file name without its
    /// extensions (`a` for `a.txt.gz`), `stdin` for standard input.
    pub(crate) fn natural_id(&self) -> String {
        match self {
            Location::Stdin => "stdin".to_string(),
            Location::File(path) => {
                let stem = split_name(path).0;
                if stem.is_empty() {
                    "document".to_string()
                } else {
                    stem
                }
            }
        }
    }
}

/// The file name without a `.gz` and a known format extension, and that format.
fn split_name(path: &Path) -> (String, Option<Format>) {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match name.len().checked_sub(3) {
        Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(".gz") => {
            name[..cut].to_string()
        }
        _ => name,
    };
    match name.rsplit_once('.') {
        Some((stem, extension)) => match Format::parse(extension) {
            Some(format) => (stem.to_string(), Some(format)),
            None => (stem.to_string(), None),
        },
        None => (name, None),
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Turns the inputs into locations, in order: a file as it is, a directory as the files of known
/// formats under it (recursively, hidden entries skipped, in path order), `-` as standard input.
pub(crate) fn locate(inputs: &[PathBuf]) -> Result<Vec<Location>, Error> {
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
            let mut files = Vec::new();
            walk(input, &mut files)?;
            if files.is_empty() {
                return Err(Error::failure(
                    format_args!("cannot read {}", shown_path(input)),
                    "the directory has no articles (.txt, .jsonl, .ndjson, .html or .htm files, \
                     gzipped or not)",
                    "give files, or a directory that holds some",
                ));
            }
            files.sort();
            locations.extend(files.into_iter().map(Location::File));
        } else {
            locations.push(Location::File(input.clone()));
        }
    }
    Ok(locations)
}

/// What a directory is, whatever its path: a directory reached twice (through a symbolic link
/// or a bind mount) is walked once, and a loop of links ends.
#[cfg(unix)]
type DirIdentity = (u64, u64);
#[cfg(not(unix))]
type DirIdentity = PathBuf;

#[cfg(unix)]
fn dir_identity(_: &Path, metadata: &fs::Metadata) -> io::Result<DirIdentity> {
    use std::os::unix::fs::MetadataExt;
    Ok((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn dir_identity(path: &Path, _: &fs::Metadata) -> io::Result<DirIdentity> {
    fs::canonicalize(path)
}

/// Collects the files of known formats under `root`, in no particular order.
///
/// The walk keeps its own stack (no recursion, however deep the tree) and knows each
/// directory by its device and inode, read from its entry: the work is linear in the number
/// of entries (it once canonicalized the path at every level, cubic in the depth). An entry
/// that cannot be looked at or read (permission denied, a path longer than the system allows,
/// a dangling or looping symbolic link with an article's name or no extension) is kept as a
/// file: reading it then fails, and the reader skips it with a warning that says why (under
/// `--strict`, the run stops), instead of it being dropped unseen.
fn walk(root: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let metadata = fs::metadata(root).map_err(|err| cannot_read(root, &err))?;
    let mut visited: BTreeSet<DirIdentity> = BTreeSet::new();
    visited.insert(dir_identity(root, &metadata).map_err(|err| cannot_read(root, &err))?);
    let mut stack = vec![root.to_path_buf()];
    let mut first = true;
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if first => return Err(cannot_read(&dir, &err)),
            Err(_) => {
                files.push(dir);
                continue;
            }
        };
        first = false;
        for entry in entries {
            let entry = entry.map_err(|err| cannot_read(&dir, &err))?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry_kind(&entry, &mut visited) {
                Kind::Dir => stack.push(entry.path()),
                Kind::File | Kind::Broken if split_name(&entry.path()).1.is_some() => {
                    files.push(entry.path())
                }
                Kind::Broken if Path::new(&entry.file_name()).extension().is_none() => {
                    files.push(entry.path())
                }
                Kind::File | Kind::Broken | Kind::Other => {}
            }
        }
    }
    Ok(())
}

/// What a directory entry is, for the walk.
enum Kind {
    /// A directory not walked yet (a symbolic link to one is followed).
    Dir,
    File,
    /// It cannot be looked at: a dangling or looping link, a path too long, no permission.
    Broken,
    /// A directory walked already, a device, a socket, a pipe: not read.
    Other,
}

/// Looks at `entry`, following a symbolic link; a directory is marked as visited.
fn entry_kind(entry: &fs::DirEntry, visited: &mut BTreeSet<DirIdentity>) -> Kind {
    let path = entry.path();
    // Relative to the directory's descriptor: no path lookup, whatever the depth.
    let metadata = match entry.metadata() {
        Ok(metadata) if metadata.file_type().is_symlink() => fs::metadata(&path),
        found => found,
    };
    let Ok(metadata) = metadata else {
        return Kind::Broken;
    };
    if metadata.is_file() {
        return Kind::File;
    }
    if !metadata.is_dir() {
        return Kind::Other;
    }
    match dir_identity(&path, &metadata) {
        Ok(identity) if visited.insert(identity) => Kind::Dir,
        Ok(_) => Kind::Other,
        Err(_) => Kind::Broken,
    }
}

pub(super) fn cannot_read(path: &Path, err: &io::Error) -> Error {
    let fix = match err.kind() {
        io::ErrorKind::PermissionDenied => "check its permissions",
        _ => "check the path",
    };
    Error::failure(
        format_args!("cannot read {}", shown_path(path)),
        io_reason(err),
        fix,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_give_the_format_and_the_id_drops_them() {
        let cases = [
            ("dir/a.txt", "a", Some(Format::Txt)),
            ("a.TXT.gz", "a", Some(Format::Txt)),
            ("wire.jsonl", "wire", Some(Format::Jsonl)),
            ("wire.ndjson.GZ", "wire", Some(Format::Jsonl)),
            ("page.htm", "page", Some(Format::Html)),
            ("page.html.gz", "page", Some(Format::Html)),
            ("notes.md", "notes", None),
            ("archive.gz", "archive", None),
            ("README", "README", None),
            ("v1.2.txt", "v1.2", Some(Format::Txt)),
            (".txt", "", Some(Format::Txt)),
        ];
        for (path, id, format) in cases {
            assert_eq!(
                split_name(Path::new(path)),
                (id.to_string(), format),
                "{path}"
            );
        }
        assert_eq!(Location::File(".txt".into()).natural_id(), "document");
        assert_eq!(Location::Stdin.natural_id(), "stdin");
    }

    #[test]
    fn directories_are_walked_recursively_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        for path in [
            "b.txt",
            "a/z.html.gz",
            "a/y.md",
            "a/deeper/x.jsonl",
            ".hidden/h.txt",
            "a/.h.txt",
            "c.ndjson",
        ] {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/loop")).unwrap();
        let found: Vec<String> = locate(&[dir.path().to_path_buf()])
            .unwrap()
            .into_iter()
            .map(|location| match location {
                Location::File(path) => {
                    path.strip_prefix(dir.path()).unwrap().display().to_string()
                }
                Location::Stdin => "-".to_string(),
            })
            .collect();
        assert_eq!(
            found,
            ["a/deeper/x.jsonl", "a/z.html.gz", "b.txt", "c.ndjson"]
        );
    }
}
