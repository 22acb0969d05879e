//! Writing results: to standard output, where a reader that stops early (`| head`) ends the run
//! quietly, or to a file, atomically. A file is written to a hidden temporary file beside it,
//! `.provgraph-<name>-XXXXXX.tmp`, then renamed over the target: a failed or killed run never
//! leaves a truncated output, and an existing file stays as it was until the whole new one
//! replaces it. A failed run removes its temporary file, and so does an interrupted one
//! (Ctrl-C, SIGTERM, SIGHUP: see `interrupt`); one killed with SIGKILL cannot, and what it
//! leaves is hidden and says what it was. A device or a named pipe, such as `/dev/null`, is
//! written through instead. Output is buffered and written as it comes, so that a large result
//! is never held whole in memory.
//!
//! Against a crash of the system itself (a power failure) the rename alone is not enough: the
//! new file's blocks may not be on disk yet. With `--sync` ([`Durability::Synced`]) the run waits
//! for them before the rename, and for the directory after it, as `gzip --synchronous` or
//! `rsync --fsync` do; it is not the default for the same reason as there: it waits for the
//! disk, which for a large graph takes longer than writing it.
//!
//! A directory of files (the neo4j export) is written into a temporary directory beside the
//! target and renamed into place. The target may be missing, empty, or a previous export of
//! the same kind (a real directory holding nothing but those files, each a plain file);
//! anything else is refused, so that no unrelated data is ever deleted. A previous export is
//! swapped out by two renames, then its plain files are unlinked and the directory removed
//! (never recursively); should the run stop between the two renames, it is left as
//! `.provgraph-old-*` beside it. Runs writing into the same parent directory take turns there
//! under a lock on it, so that concurrent writers end with the last one's export.
//!
//! A file named after input data (`--emit-text`) is created new and renamed over its name
//! ([`replace_file`]): a symbolic link planted there is replaced, never written through.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::error::{Error, io_reason, shown_path};
use super::interrupt::Pending;

/// Whether a file is on disk before it replaces its target (`--sync`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Durability {
    /// Renamed into place once written; the system puts it on disk when it will.
    #[default]
    Renamed,
    /// Synced to disk before the rename, and its directory after it.
    Synced,
}

/// Where a command's output goes, written as it comes: standard output, or a temporary file that
/// [`Output::finish`] renames over the target. Dropped without `finish`, it leaves no file.
pub(super) enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        path: PathBuf,
        file: BufWriter<NamedTempFile>,
        durability: Durability,
        /// Deletes the temporary file should the run be interrupted.
        _pending: Pending,
    },
    /// A device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO): written through, since
    /// renaming a file over it would replace it.
    Special {
        path: PathBuf,
        file: BufWriter<fs::File>,
    },
}

const BUFFER: usize = 256 * 1024;

/// Syncs the directory `dir`, so that a rename in it is on disk (on Unix; elsewhere there is
/// nothing to open a directory with).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

impl Output {
    /// Standard output for `None`, else a new temporary file beside `path`; fails at once when
    /// `path` cannot be written.
    pub(super) fn open(path: Option<&Path>, durability: Durability) -> Result<Output, Error> {
        let Some(path) = path else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                BUFFER,
                io::stdout(),
            )));
        };
        if path.is_dir() {
            return Err(Error::failure(
                format_args!("cannot write {}", shown_path(path)),
                "it is a directory",
                "give a file name",
            ));
        }
        if fs::metadata(path).is_ok_and(|metadata| !metadata.is_file()) {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|err| cannot_write(path, &err))?;
            return Ok(Output::Special {
                path: path.to_path_buf(),
                file: BufWriter::with_capacity(BUFFER, file),
            });
        }
        let prefix = temporary_prefix(path);
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            // A new file gets the usual permissions (0666 less the umask) rather than the
            // temporary file's 0600; an existing file keeps its own, set below.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let file = builder
            .tempfile_in(directory_of(path))
            .map_err(|err| cannot_write(path, &err))?;
        if let Ok(metadata) = fs::metadata(path) {
            file.as_file()
                .set_permissions(metadata.permissions())
                .map_err(|err| cannot_write(path, &err))?;
        }
        Ok(Output::File {
            path: path.to_path_buf(),
            _pending: Pending::new(file.path()),
            file: BufWriter::with_capacity(BUFFER, file),
            durability,
        })
    }

    pub(super) fn write_all(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.write_with(|out| out.write_all(bytes))
    }

    /// Runs `write` on the output, turning its I/O error into the command's.
    pub(super) fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        match self {
            Output::Stdout(out) => write(out).map_err(|err| stdout_error(&err)),
            Output::File { path, file, .. } => write(file).map_err(|err| cannot_write(path, &err)),
            Output::Special { path, file } => write(file).map_err(|err| cannot_write(path, &err)),
        }
    }

    /// Flushes everything; a file is synced and renamed over the target.
    pub(super) fn finish(self) -> Result<(), Error> {
        match self {
            Output::Stdout(mut out) => out.flush().map_err(|err| stdout_error(&err)),
            Output::File {
                path,
                file,
                durability,
                ..
            } => {
                let file = file
                    .into_inner()
                    .map_err(|err| cannot_write(&path, err.error()))?;
                if durability == Durability::Synced {
                    file.as_file()
                        .sync_all()
                        .map_err(|err| cannot_write(&path, &err))?;
                }
                file.persist(&path)
                    .map_err(|err| cannot_write(&path, &err.error))?;
                if durability == Durability::Synced {
                    sync_dir(directory_of(&path)).map_err(|err| cannot_write(&path, &err))?;
                }
                Ok(())
            }
            Output::Special { path, mut file } => {
                file.flush().map_err(|err| cannot_write(&path, &err))
            }
        }
    }
}

/// Fails now, before any work, when the file `path` cannot be written: a temporary file is
/// made beside it and removed. A device or a named pipe is left alone: opening one can be seen
/// by whoever reads it.
pub(super) fn check_writable(path: &Path) -> Result<(), Error> {
    if fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir()) {
        return Ok(());
    }
    Output::open(Some(path), Durability::Renamed).map(drop)
}

/// Writes `text` to standard output.
pub(super) fn write_stdout(text: &str) -> Result<(), Error> {
    let mut output = Output::open(None, Durability::Renamed)?;
    output.write_all(text.as_bytes())?;
    output.finish()
}

/// Replaces the file at `path` with `bytes`, or leaves everything as it was.
pub(super) fn write_bytes(path: &Path, bytes: &[u8], durability: Durability) -> Result<(), Error> {
    let mut output = Output::open(Some(path), durability)?;
    output.write_all(bytes)?;
    output.finish()
}

/// Replaces whatever is at `path` (a file, a symbolic link, a named pipe) with a new file
/// holding `bytes`, never writing through it: the file is created new (`O_EXCL`) beside it
/// and renamed over it. For files named after input data (`--emit-text`), where `path` may be
/// a link planted to make provgraph overwrite the file it points to.
pub(super) fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let prefix = temporary_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(directory_of(path))?;
    let _pending = Pending::new(file.path());
    file.write_all(bytes)?;
    file.persist(path).map(drop).map_err(|err| err.error)
}

/// Replaces the directory at `path` with one holding `files` (name, contents), or leaves
/// everything as it was. `path` must be missing, empty, or a previous export: a real directory
/// (not a symbolic link) holding only plain files named in `files`.
///
/// Writers of directory exports into the same parent directory take turns (a lock on the
/// parent, held from the check of the target to the end of the swap), so that concurrent runs
/// end with one whole export, the last one's, and nothing left beside it.
pub(super) fn write_dir(
    path: &Path,
    files: &[(&str, String)],
    durability: Durability,
) -> Result<(), Error> {
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    previous_export(path, &names)?;
    // Dropping `staging` on any early return deletes it and what it holds.
    let staging = staging_dir(path)?;
    let _pending = Pending::new(staging.path());
    let cannot_write = |err: io::Error| cannot_write(path, &err);
    fill_dir(staging.path(), files, durability).map_err(cannot_write)?;
    {
        let _turn = lock_dir(directory_of(path));
        // Checked again in turn: another run may have written or removed it meanwhile.
        match previous_export(path, &names)? {
            // rename(2) replaces an empty directory.
            None => fs::rename(staging.path(), path).map_err(cannot_write)?,
            Some(found) if found.is_empty() => {
                fs::rename(staging.path(), path).map_err(cannot_write)?
            }
            Some(found) => swap_dir(staging.path(), path, &found).map_err(cannot_write)?,
        }
    }
    // The directory now has its final name; nothing is left to delete.
    let _ = staging.keep();
    if durability == Durability::Synced {
        sync_dir(directory_of(path)).map_err(cannot_write)?;
    }
    Ok(())
}

/// An exclusive lock on the directory `dir`, released when dropped; `None` where the system
/// gives none (the writers then do not take turns, and a race is reported as an error).
fn lock_dir(dir: &Path) -> Option<fs::File> {
    let file = fs::File::open(dir).ok()?;
    file.lock().ok()?;
    Some(file)
}

/// The names of the plain files in the directory at `path` (`None` if there is none), when it
/// may be replaced by an export of the files `names`: it is a directory, not a symbolic link,
/// and holds nothing but plain files of those names.
fn previous_export(path: &Path, names: &[&str]) -> Result<Option<Vec<std::ffi::OsString>>, Error> {
    let cannot_write = |err: io::Error| cannot_write(path, &err);
    let refuse = |why: &str| {
        Error::failure(
            format_args!("cannot write {}", shown_path(path)),
            why,
            "give a new or empty directory, or remove it first",
        )
    };
    match fs::symlink_metadata(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(cannot_write(err)),
        Ok(metadata) if metadata.file_type().is_symlink() => {
            return Err(refuse(
                "it is a symbolic link, and this format replaces a directory",
            ));
        }
        Ok(metadata) if !metadata.is_dir() => {
            return Err(Error::failure(
                format_args!("cannot write {}", shown_path(path)),
                "it is a file, and this format writes a directory",
                "give the name of a new or empty directory",
            ));
        }
        Ok(_) => {}
    }
    let entries = match fs::read_dir(path) {
        Ok(entries) => entries,
        // Moved away meanwhile (by a writer that does not take turns).
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(cannot_write(err)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(cannot_write)?;
        let name = entry.file_name();
        let shown = super::error::shorten(&name.to_string_lossy()).into_owned();
        if !names.iter().any(|file| name.as_os_str() == *file) {
            return Err(refuse(&format!(
                "the directory holds {shown}, so it is not a previous export"
            )));
        }
        // Not followed: a link or a directory of that name is not a file this format wrote.
        if !entry.file_type().map_err(cannot_write)?.is_file() {
            return Err(refuse(&format!(
                "its {shown} is not a plain file, so it is not a previous export"
            )));
        }
        found.push(name);
    }
    Ok(Some(found))
}

/// Fails now, before any work, when the directory export at `path` could not be written: it is
/// not a new or empty directory or a previous export of the files `names`, or its parent
/// directory is not writable.
pub(super) fn check_writable_dir(path: &Path, names: &[&str]) -> Result<(), Error> {
    {
        let _turn = lock_dir(directory_of(path));
        previous_export(path, names)?;
    }
    let prefix = temporary_prefix(path);
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempdir_in(directory_of(path))
        .map(drop)
        .map_err(|err| cannot_write(path, &err))
}

/// A new temporary directory beside `path`, with the permissions of the directory it will
/// replace (or the usual ones).
fn staging_dir(path: &Path) -> Result<tempfile::TempDir, Error> {
    let cannot_write = |err: io::Error| cannot_write(path, &err);
    let prefix = temporary_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // A new directory gets the usual permissions (0777 less the umask) rather than the
        // temporary directory's 0700; an existing one keeps its own, set below.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o777));
    }
    let staging = builder
        .tempdir_in(directory_of(path))
        .map_err(cannot_write)?;
    if let Ok(metadata) = fs::symlink_metadata(path)
        && metadata.is_dir()
    {
        fs::set_permissions(staging.path(), metadata.permissions()).map_err(cannot_write)?;
    }
    Ok(staging)
}

/// Writes `files` into the new directory `dir` (and with `--sync`, onto the disk), each as a
/// new file: nothing there is followed or overwritten.
fn fill_dir(dir: &Path, files: &[(&str, String)], durability: Durability) -> io::Result<()> {
    for (name, contents) in files {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join(name))?;
        file.write_all(contents.as_bytes())?;
        if durability == Durability::Synced {
            file.sync_all()?;
        }
    }
    if durability == Durability::Synced {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Puts the directory `staging` in the place of the previous export at `path`, which is
/// moved aside and deleted: its plain files `found`, then the directory, which is left as it
/// is should anything else have appeared in it. Should the second rename fail, the previous
/// export is put back.
fn swap_dir(staging: &Path, path: &Path, found: &[std::ffi::OsString]) -> io::Result<()> {
    let prefix = format!(
        ".provgraph-old-{}",
        &temporary_prefix(path)[".provgraph-".len()..]
    );
    let old = tempfile::Builder::new()
        .prefix(&prefix)
        .tempdir_in(directory_of(path))?;
    let old_path = old.path().to_path_buf();
    // `old` is an empty placeholder: rename(2) moves the previous export onto it.
    let _ = old.keep();
    fs::rename(path, &old_path).inspect_err(|_| {
        let _ = fs::remove_dir(&old_path);
    })?;
    if let Err(err) = fs::rename(staging, path) {
        let _ = fs::rename(&old_path, path);
        return Err(err);
    }
    for name in found {
        let file = old_path.join(name);
        if fs::symlink_metadata(&file).is_ok_and(|metadata| metadata.is_file()) {
            fs::remove_file(&file)?;
        }
    }
    fs::remove_dir(&old_path)
}

fn stdout_error(err: &io::Error) -> Error {
    match err.kind() {
        io::ErrorKind::BrokenPipe => Error::broken_pipe(),
        _ => Error::failure(
            "cannot write to standard output",
            io_reason(err),
            "check where the output goes, or give -o FILE",
        ),
    }
}

/// How the temporary file or directory for `path` starts: hidden, provgraph's, and naming the
/// target (`.provgraph-graph.json-` + random + `.tmp`), so that one left by a killed run says
/// what it was and never looks like the output itself.
fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Short enough that the whole name stays within the 255 bytes file systems allow: at
    // most 60 bytes of the name, cut where a character ends.
    let mut end = name.len().min(60);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let name = &name[..end];
    format!(".provgraph-{name}-")
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn cannot_write(path: &Path, err: &io::Error) -> Error {
    let dir = directory_of(path);
    let (why, fix) = match err.kind() {
        io::ErrorKind::NotFound => (
            format!("the directory {} does not exist", shown_path(dir)),
            "create it first, or choose another path",
        ),
        io::ErrorKind::NotADirectory => (
            format!("{} is not a directory", shown_path(dir)),
            "choose another path",
        ),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => (
            format!("{} is not writable ({})", shown_path(dir), io_reason(err)),
            "choose a writable location",
        ),
        _ => (io_reason(err), "choose another path"),
    };
    Error::failure(format_args!("cannot write {}", shown_path(path)), why, fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replaces the file at `path` with `text`, or leaves everything as it was.
    fn write_file(path: &Path, text: &str) -> Result<(), Error> {
        let mut output = Output::open(Some(path), Durability::Renamed)?;
        output.write_all(text.as_bytes())?;
        output.finish()
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_is_written_whole_whatever_the_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        for durability in [Durability::Renamed, Durability::Synced] {
            for size in [0, 1, BUFFER - 1, BUFFER, 3 * BUFFER + 12345] {
                let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
                for piece in [1, 4096, BUFFER + 3] {
                    if piece == 1 && size > BUFFER {
                        continue;
                    }
                    let mut output = Output::open(Some(&path), durability).unwrap();
                    for chunk in data.chunks(piece) {
                        output.write_all(chunk).unwrap();
                    }
                    output.finish().unwrap();
                    assert!(
                        fs::read(&path).unwrap() == data,
                        "{size} bytes in pieces of {piece}"
                    );
                    assert_eq!(entries(dir.path()), ["graph.json"]);
                }
            }
        }
    }

    #[test]
    fn writing_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        write_file(&path, "one\n").unwrap();
        write_file(&path, "two\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two\n");
        assert_eq!(entries(dir.path()), ["graph.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&path, "new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    /// Regression: `-o /dev/null` renamed a regular file over the device.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_through_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: mkfifo is not there");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        let mut output = Output::open(Some(&fifo), Durability::Renamed).unwrap();
        output.write_all(b"through the pipe\n").unwrap();
        output.finish().unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe\n");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(entries(dir.path()), ["pipe"]);
    }

    #[test]
    fn writing_into_a_missing_directory_fails_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("graph.json");
        let err = write_file(&path, "x").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cannot write {}: the directory {} does not exist; create it first, or choose another path",
                path.display(),
                dir.path().join("missing").display()
            )
        );
        assert_eq!(err.exit_code(), 1);
        assert!(entries(dir.path()).is_empty());
    }

    fn files() -> Vec<(&'static str, String)> {
        vec![
            ("a.csv", "one\n".to_string()),
            ("b.csv", "two\n".to_string()),
        ]
    }

    #[test]
    fn a_directory_is_created_whole_and_replaces_a_previous_export() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export");
        write_dir(&target, &files(), Durability::Renamed).unwrap();
        assert_eq!(entries(&target), ["a.csv", "b.csv"]);
        assert_eq!(entries(dir.path()), ["export"]);
        let newer = vec![("a.csv", "three\n".to_string()), ("b.csv", String::new())];
        write_dir(&target, &newer, Durability::Synced).unwrap();
        assert_eq!(fs::read_to_string(target.join("a.csv")).unwrap(), "three\n");
        assert_eq!(
            entries(dir.path()),
            ["export"],
            "no temporary directory is left"
        );
    }

    #[test]
    fn an_empty_directory_is_filled() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("empty");
        fs::create_dir(&target).unwrap();
        write_dir(&target, &files(), Durability::Renamed).unwrap();
        assert_eq!(entries(&target), ["a.csv", "b.csv"]);
        assert_eq!(entries(dir.path()), ["empty"]);
    }

    #[test]
    fn a_directory_with_other_files_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("data");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("a.csv"), "mine").unwrap();
        fs::write(target.join("thesis.tex"), "mine").unwrap();
        let err = write_dir(&target, &files(), Durability::Renamed).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cannot write {}: the directory holds thesis.tex, so it is not a previous export; give a new or empty directory, or remove it first",
                target.display()
            )
        );
        assert_eq!(entries(&target), ["a.csv", "thesis.tex"]);
        assert_eq!(fs::read_to_string(target.join("a.csv")).unwrap(), "mine");
        assert_eq!(entries(dir.path()), ["data"]);
    }

    #[test]
    fn a_file_is_not_replaced_by_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("graph.csv");
        fs::write(&target, "mine").unwrap();
        let err = write_dir(&target, &files(), Durability::Renamed).unwrap_err();
        assert!(err.to_string().contains("it is a file"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "mine");
    }
}
