//! Writing results: to standard output, where a reader that stops early (`| head`) ends the run
//! quietly, or to a file, atomically. A file is written to a hidden temporary file beside it,
//! `.provgraph-<name>-XXXXXX.tmp`, then renamed over the target: a failed or killed run never
//! leaves a truncated output, and an existing file stays as it was until the whole new one
//! replaces it. A failed run removes its temporary file, and so does an interrupted one
//! (Ctrl-C, SIGTERM, SIGHUP: see `interrupt`); one killed with SIGKILL cannot, and what it
//! leaves is hidden and says what it was. A device or a named pipe, such as `/dev/null`, is
//! written through instead. Output is buffered and written as it comes, so that a large result
//! is never held whole in memory; on Linux a file goes to the disk directly, in whole blocks,
//! without being copied into the system's page cache (see [`WriteBehind`]).
//!
//! Against a crash of the system itself (a power failure) the rename alone is not enough: the
//! new file's blocks may not be on disk yet. `--sync` ([`set_sync`]) makes the run wait for
//! them before the rename, and for the directory after it, as `gzip --synchronous` or
//! `rsync --fsync` do; it is not the default for the same reason as there: it waits for the
//! disk, which for a large graph takes longer than writing it. With it, on Linux, the system is
//! asked to start putting a large file on disk as it is written, so that the final sync has
//! less left to wait for.
//!
//! A directory of files (the neo4j export) is written into a temporary directory beside the
//! target and renamed into place. The target may be missing, empty, or a previous export of
//! the same kind (it holds nothing but those files); anything else is refused, so that no
//! unrelated data is ever deleted. A previous export is swapped out by two renames and then
//! deleted; should the run stop between the two, it is left as `.provgraph-old-*` beside it.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use tempfile::NamedTempFile;

use super::error::{Error, io_reason};
use super::interrupt::Pending;

/// Where a command's output goes, written as it comes: standard output, or a temporary file that
/// [`Output::finish`] renames over the target. Dropped without `finish`, it leaves no file.
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        path: PathBuf,
        file: BufWriter<WriteBehind>,
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

/// Whether files are synced to disk before they replace their targets (`--sync`).
static SYNC: AtomicBool = AtomicBool::new(false);

/// Makes every output written from now on wait for the disk (`--sync`), or not.
pub fn set_sync(sync: bool) {
    SYNC.store(sync, Ordering::Relaxed);
}

fn syncing() -> bool {
    SYNC.load(Ordering::Relaxed)
}

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
    pub fn open(path: Option<&Path>) -> Result<Output, Error> {
        let Some(path) = path else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                BUFFER,
                io::stdout(),
            )));
        };
        if path.is_dir() {
            return Err(Error::failure(
                format_args!("cannot write {}", path.display()),
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
            file: BufWriter::with_capacity(BUFFER, WriteBehind::new(file)),
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.write_with(|out| out.write_all(bytes))
    }

    /// Runs `write` on the output, turning its I/O error into the command's.
    pub fn write_with(
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
    pub fn finish(self) -> Result<(), Error> {
        match self {
            Output::Stdout(mut out) => out.flush().map_err(|err| stdout_error(&err)),
            Output::File { path, file, .. } => {
                let file = file
                    .into_inner()
                    .map_err(|err| cannot_write(&path, err.error()))?
                    .finish()
                    .map_err(|err| cannot_write(&path, &err))?;
                if syncing() {
                    file.as_file()
                        .sync_all()
                        .map_err(|err| cannot_write(&path, &err))?;
                }
                file.persist(&path)
                    .map_err(|err| cannot_write(&path, &err.error))?;
                if syncing() {
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

/// A temporary file, written in one of two ways.
///
/// - **Directly** (on Linux, where the file system allows it): the bytes gather in an aligned
///   buffer of [`Direct::BLOCK`] bytes, and each full buffer goes from there to the disk
///   (`O_DIRECT`), without being copied into the system's page cache first. That copy was the
///   largest part of writing a graph: for the 51 MB of `build` on the 10x newswire, some 35 ms of
///   the system's time (up to 100 ms right after other large writes), against a few ms for the
///   copy into the buffer here. The last bytes, less than a block, go through the page cache.
///   Should the disk be slower than a gigabyte a second (a spinning disk, a network file system),
///   where waiting for it would cost more time than copying saves, or should it refuse a direct
///   write, the rest of the file is written the usual way.
/// - **Through the page cache**, asking the system with `--sync` to start writing what it is
///   given to the disk every [`WriteBehind::STRIDE`] bytes, without waiting for it: the final
///   sync then only waits for the last stretch instead of the whole file.
pub struct WriteBehind {
    file: NamedTempFile,
    /// Bytes written so far, and how many of them the system was asked to start writing (or
    /// were written directly).
    written: u64,
    started: u64,
    /// Whether to ask at all: only a file that will be synced gains by it.
    ahead: bool,
    /// While the file is written directly: the buffer.
    direct: Option<Direct>,
}

/// The buffer of a file written directly, and how fast the disk has taken what it was given.
struct Direct {
    /// `storage[start..start + BLOCK]` is the buffer: its address is aligned to [`Direct::ALIGN`].
    storage: Vec<u8>,
    start: usize,
    /// How much of the buffer is filled.
    len: usize,
    /// Bytes written directly, and the time their writes took.
    bytes: u64,
    time: std::time::Duration,
}

impl Direct {
    /// The size of the buffer, written at once.
    const BLOCK: usize = 1 << 20;
    /// What a direct write's address, length and place in the file must be multiples of: the
    /// page size, a multiple of every disk's block size.
    const ALIGN: usize = 4096;
    /// Direct writes are given up if they take the disk longer than this per byte, once this
    /// many bytes were written (1 ns a byte: 1 GB/s).
    const SLOW_NS_PER_BYTE: u64 = 1;
    const JUDGED_AFTER: u64 = 4 << 20;

    /// Direct writing of `file`, if the system allows it (on Linux, if the file system can).
    fn start(file: &fs::File) -> Option<Direct> {
        if !set_direct(file, true) {
            return None;
        }
        let storage = vec![0u8; Direct::BLOCK + Direct::ALIGN];
        let start = storage.as_ptr().align_offset(Direct::ALIGN);
        Some(Direct {
            storage,
            start,
            len: 0,
            bytes: 0,
            time: std::time::Duration::ZERO,
        })
    }

    fn filled(&self) -> &[u8] {
        &self.storage[self.start..self.start + self.len]
    }

    /// Has the disk been too slow for direct writes to pay?
    fn too_slow(bytes: u64, time: std::time::Duration) -> bool {
        bytes >= Direct::JUDGED_AFTER
            && time.as_nanos() > u128::from(bytes) * u128::from(Direct::SLOW_NS_PER_BYTE)
    }
}

/// Turns direct writing of `file` on or off; whether it could.
fn set_direct(file: &fs::File, on: bool) -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: `fcntl` on a file descriptor this function borrows; it reads no memory.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags < 0 {
                return false;
            }
            let flags = if on {
                flags | libc::O_DIRECT
            } else {
                flags & !libc::O_DIRECT
            };
            libc::fcntl(fd, libc::F_SETFL, flags) == 0
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (file, on);
        false
    }
}

impl WriteBehind {
    const STRIDE: u64 = 8 << 20;

    fn new(file: NamedTempFile) -> WriteBehind {
        let direct = Direct::start(file.as_file());
        WriteBehind {
            file,
            written: 0,
            started: 0,
            ahead: syncing(),
            direct,
        }
    }

    /// Asks the system to start writing the bytes written since the last time.
    fn start_writing(&mut self) {
        #[cfg(target_os = "linux")]
        if let (Ok(offset), Ok(length)) = (
            i64::try_from(self.started),
            i64::try_from(self.written - self.started),
        ) {
            use std::os::fd::AsRawFd;
            // SAFETY: a system call on a file descriptor this value owns; it reads no memory.
            // Its failure only leaves more for the final sync to do.
            unsafe {
                libc::sync_file_range(
                    self.file.as_file().as_raw_fd(),
                    offset,
                    length,
                    libc::SYNC_FILE_RANGE_WRITE,
                );
            }
        }
        self.started = self.written;
    }

    /// Writes the first `n` bytes of the direct buffer (a multiple of [`Direct::ALIGN`])
    /// directly, and keeps the rest at its start. A short write, a refusal, or a slow disk ends
    /// direct writing: the rest goes through the page cache.
    fn write_direct(&mut self, n: usize) -> io::Result<()> {
        let Some(direct) = &mut self.direct else {
            return Ok(());
        };
        debug_assert!(n.is_multiple_of(Direct::ALIGN) && n <= direct.len);
        let began = std::time::Instant::now();
        let block = &direct.storage[direct.start..direct.start + n];
        let done = loop {
            match self.file.as_file().write(block) {
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                // The file system takes no direct writes after all: nothing was written.
                Err(err) if err.raw_os_error() == Some(libc::EINVAL) => break 0,
                Err(err) => return Err(err),
                Ok(done) => break done,
            }
        };
        direct.time += began.elapsed();
        direct.bytes += done as u64;
        direct
            .storage
            .copy_within(direct.start + done..direct.start + direct.len, direct.start);
        direct.len -= done;
        if done < n || Direct::too_slow(direct.bytes, direct.time) {
            self.leave_direct()?;
        }
        Ok(())
    }

    /// Ends direct writing: what the buffer holds, and all that comes after, is written through
    /// the page cache.
    fn leave_direct(&mut self) -> io::Result<()> {
        let Some(direct) = self.direct.take() else {
            return Ok(());
        };
        if !set_direct(self.file.as_file(), false) {
            return Err(io::Error::other("cannot turn off direct writing"));
        }
        self.started = self.written - direct.len as u64;
        self.file.write_all(direct.filled())
    }

    /// Writes what is still buffered, and hands the file back.
    fn finish(mut self) -> io::Result<NamedTempFile> {
        if let Some(direct) = &self.direct {
            let whole = direct.len / Direct::ALIGN * Direct::ALIGN;
            if whole > 0 {
                self.write_direct(whole)?;
            }
        }
        self.leave_direct()?;
        Ok(self.file)
    }
}

impl Write for WriteBehind {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if let Some(direct) = &mut self.direct {
            let n = bytes.len().min(Direct::BLOCK - direct.len);
            let at = direct.start + direct.len;
            direct.storage[at..at + n].copy_from_slice(&bytes[..n]);
            direct.len += n;
            self.written += n as u64;
            if direct.len == Direct::BLOCK {
                self.write_direct(Direct::BLOCK)?;
            }
            return Ok(n);
        }
        let n = self.file.write(bytes)?;
        self.written += n as u64;
        if self.ahead && self.written - self.started >= WriteBehind::STRIDE {
            self.start_writing();
        }
        Ok(n)
    }

    /// Everything written reaches the file; a file written directly is written through the
    /// page cache from then on.
    fn flush(&mut self) -> io::Result<()> {
        self.leave_direct()?;
        self.file.flush()
    }
}

/// Fails now, before any work, when `path` cannot be written: a temporary file is made beside
/// it and removed (for a directory export, a temporary directory). A device or a named pipe is
/// left alone: opening one can be seen by whoever reads it.
pub fn check_writable(path: &Path, directory: bool) -> Result<(), Error> {
    if fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir()) {
        return Ok(());
    }
    if !directory {
        return Output::open(Some(path)).map(drop);
    }
    let prefix = temporary_prefix(path);
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempdir_in(directory_of(path))
        .map(drop)
        .map_err(|err| cannot_write(path, &err))
}

/// Writes `text` to standard output.
pub fn write_stdout(text: &str) -> Result<(), Error> {
    let mut output = Output::open(None)?;
    output.write_all(text.as_bytes())?;
    output.finish()
}

/// Replaces the file at `path` with `bytes`, or leaves everything as it was.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut output = Output::open(Some(path))?;
    output.write_all(bytes)?;
    output.finish()
}

/// Replaces the directory at `path` with one holding `files` (name, contents), or leaves
/// everything as it was. `path` must be missing, empty, or hold only files named in `files`.
pub fn write_dir(path: &Path, files: &[(&str, String)]) -> Result<(), Error> {
    let dir = directory_of(path);
    let cannot_write = |err: io::Error| cannot_write(path, &err);
    let existing = match fs::read_dir(path) {
        Ok(entries) => {
            let mut names = Vec::new();
            for entry in entries {
                names.push(entry.map_err(cannot_write)?.file_name());
            }
            Some(names)
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) if err.kind() == io::ErrorKind::NotADirectory => {
            return Err(Error::failure(
                format_args!("cannot write {}", path.display()),
                "it is a file, and this format writes a directory",
                "give the name of a new or empty directory",
            ));
        }
        Err(err) => return Err(cannot_write(err)),
    };
    if let Some(names) = &existing {
        let foreign = names
            .iter()
            .find(|name| !files.iter().any(|(file, _)| name.as_os_str() == *file));
        if let Some(foreign) = foreign {
            return Err(Error::failure(
                format_args!("cannot write {}", path.display()),
                format_args!(
                    "the directory holds {}, so it is not a previous export",
                    foreign.to_string_lossy()
                ),
                "give a new or empty directory, or remove it first",
            ));
        }
    }

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
    // Dropping `staging` on any early return deletes it and what it holds.
    let staging = builder.tempdir_in(dir).map_err(cannot_write)?;
    let _pending = Pending::new(staging.path());
    if let Ok(metadata) = fs::metadata(path) {
        fs::set_permissions(staging.path(), metadata.permissions()).map_err(cannot_write)?;
    }
    for (name, contents) in files {
        let file = staging.path().join(name);
        fs::write(&file, contents).map_err(cannot_write)?;
        if syncing() {
            fs::File::open(&file)
                .and_then(|file| file.sync_all())
                .map_err(cannot_write)?;
        }
    }
    if syncing() {
        sync_dir(staging.path()).map_err(cannot_write)?;
    }
    match existing {
        None => {
            fs::rename(staging.path(), path).map_err(cannot_write)?;
            // The directory now has its final name; nothing is left to delete.
            let _ = staging.keep();
        }
        Some(names) if names.is_empty() => {
            // rename(2) replaces an empty directory.
            fs::rename(staging.path(), path).map_err(cannot_write)?;
            let _ = staging.keep();
        }
        Some(_) => {
            let old = tempfile::Builder::new()
                .prefix(".provgraph-old-")
                .tempdir_in(dir)
                .map_err(cannot_write)?;
            let old_path = old.path().to_path_buf();
            // `old` is an empty placeholder: rename(2) moves the previous export onto it.
            let _ = old.keep();
            fs::rename(path, &old_path).map_err(|err| {
                let _ = fs::remove_dir(&old_path);
                cannot_write(err)
            })?;
            if let Err(err) = fs::rename(staging.path(), path) {
                // Put the previous export back.
                let _ = fs::rename(&old_path, path);
                return Err(cannot_write(err));
            }
            let _ = staging.keep();
            fs::remove_dir_all(&old_path).map_err(cannot_write)?;
        }
    }
    if syncing() {
        sync_dir(dir).map_err(cannot_write)?;
    }
    Ok(())
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
    // Short enough that the whole name stays within the 255 bytes file systems allow.
    let name: String = name.chars().take(60).collect();
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
            format!("the directory {} does not exist", dir.display()),
            "create it first, or choose another path",
        ),
        io::ErrorKind::NotADirectory => (
            format!("{} is not a directory", dir.display()),
            "choose another path",
        ),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => (
            format!("{} is not writable ({})", dir.display(), io_reason(err)),
            "choose a writable location",
        ),
        _ => (io_reason(err), "choose another path"),
    };
    Error::failure(format_args!("cannot write {}", path.display()), why, fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replaces the file at `path` with `text`, or leaves everything as it was.
    fn write_file(path: &Path, text: &str) -> Result<(), Error> {
        let mut output = Output::open(Some(path))?;
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
    fn a_file_longer_than_the_write_behind_stride_is_written_whole() {
        // As with --sync, and without it.
        for ahead in [true, false] {
            a_file_longer_than_the_stride_is_written_whole(ahead);
        }
    }

    fn a_file_longer_than_the_stride_is_written_whole(ahead: bool) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        // Two and a half strides, in pieces that do not divide them.
        let piece: Vec<u8> = (0..=250u8).collect();
        let pieces = (WriteBehind::STRIDE as usize * 5 / 2).div_ceil(piece.len());
        let mut output = Output::open(Some(&path)).unwrap();
        // The switch is global (--sync), and the tests run side by side: set it on this file.
        let Output::File { file, .. } = &mut output else {
            panic!("a new path is a file");
        };
        // Write-behind is for files written through the page cache.
        file.get_mut().leave_direct().unwrap();
        file.get_mut().ahead = ahead;
        for _ in 0..pieces {
            output.write_all(&piece).unwrap();
        }
        let Output::File { file, .. } = &output else {
            panic!("a new path is a file");
        };
        let behind = file.get_ref();
        if ahead {
            assert!(
                behind.started >= 2 * WriteBehind::STRIDE,
                "{}",
                behind.started
            );
            assert!(behind.started <= behind.written);
        } else {
            assert_eq!(behind.started, 0, "nothing is started without --sync");
        }
        output.finish().unwrap();
        let written = fs::read(&path).unwrap();
        assert_eq!(written.len(), pieces * piece.len());
        assert!(written.chunks(piece.len()).all(|chunk| chunk == piece));
        assert_eq!(entries(dir.path()), ["big.json"]);
    }

    /// Whether `output` is a file being written directly.
    fn direct(output: &Output) -> bool {
        matches!(output, Output::File { file, .. } if file.get_ref().direct.is_some())
    }

    #[test]
    fn a_file_written_directly_is_written_whole_whatever_the_pieces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        let block = Direct::BLOCK;
        let mut engaged = false;
        for size in [
            0,
            1,
            4095,
            4096,
            4097,
            block - 1,
            block,
            block + 1,
            3 * block + 12345,
        ] {
            let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            for piece in [1, 4096, 100_000, block + 3] {
                if piece == 1 && size > 2 * block {
                    continue;
                }
                let mut output = Output::open(Some(&path)).unwrap();
                engaged |= direct(&output);
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
        if !engaged {
            eprintln!("note: {} takes no direct writes", dir.path().display());
        }
    }

    #[test]
    fn a_flush_ends_direct_writing_and_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        let data: Vec<u8> = (0..5 * Direct::BLOCK / 2)
            .map(|i| (i % 253) as u8)
            .collect();
        let (first, second) = data.split_at(Direct::BLOCK + 100);
        let mut output = Output::open(Some(&path)).unwrap();
        output.write_all(first).unwrap();
        output.write_with(|out| out.flush()).unwrap();
        assert!(!direct(&output));
        output.write_all(second).unwrap();
        output.finish().unwrap();
        assert!(fs::read(&path).unwrap() == data);
    }

    #[test]
    fn direct_writing_is_given_up_on_a_disk_slower_than_a_gigabyte_a_second() {
        use std::time::Duration;
        let judged = Direct::JUDGED_AFTER;
        // 4 MiB in 10 ms is 420 MB/s; in 1 ms, 4 GB/s.
        assert!(Direct::too_slow(judged, Duration::from_millis(10)));
        assert!(!Direct::too_slow(judged, Duration::from_millis(1)));
        // Too early to tell.
        assert!(!Direct::too_slow(judged - 1, Duration::from_secs(1)));
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
        let mut output = Output::open(Some(&fifo)).unwrap();
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
        write_dir(&target, &files()).unwrap();
        assert_eq!(entries(&target), ["a.csv", "b.csv"]);
        assert_eq!(entries(dir.path()), ["export"]);
        let newer = vec![("a.csv", "three\n".to_string()), ("b.csv", String::new())];
        write_dir(&target, &newer).unwrap();
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
        write_dir(&target, &files()).unwrap();
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
        let err = write_dir(&target, &files()).unwrap_err();
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
        let err = write_dir(&target, &files()).unwrap_err();
        assert!(err.to_string().contains("it is a file"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "mine");
    }
}
