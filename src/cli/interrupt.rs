//! Ctrl-C (SIGINT), SIGTERM and SIGHUP: the temporary files and directories that output is being
//! written to are deleted, one line says so, and the run ends with status 130. Without this a
//! stopped run would leave its hidden `.provgraph-*.tmp` file behind (the target itself is never
//! touched before the rename, interrupted or not). SIGKILL cannot be caught; what it leaves is
//! hidden and says what it was. Child processes still running (`dot`) are killed first, so
//! none outlives the run ([`Running`]).

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// The temporary paths being written now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set when the handler starts: the run is ending with status 130.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The child processes running now.
static CHILDREN: Mutex<Vec<Arc<Mutex<Child>>>> = Mutex::new(Vec::new());

/// Installs the handler; once per process, before any output is opened.
pub(super) fn install() {
    // Fails only when another handler is installed already, as in tests that call `run` twice.
    let _ = ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::SeqCst);
        kill_children();
        let pending = PENDING.lock().map(|p| p.clone()).unwrap_or_default();
        for path in &pending {
            let _ = if path.is_dir() {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
        }
        super::report("interrupted; no output was written");
        std::process::exit(130);
    });
}

/// A temporary path registered for deletion on interruption as long as the guard lives.
pub(super) struct Pending(PathBuf);

impl Pending {
    pub(super) fn new(path: &Path) -> Pending {
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(path.to_path_buf());
        }
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock()
            && let Some(at) = pending.iter().position(|p| *p == self.0)
        {
            pending.swap_remove(at);
        }
    }
}

/// Never returns once the run is interrupted: the handler is deleting the temporary output and
/// exits with 130. A child it killed must not be reported as a failure in the meantime.
pub(super) fn wait_if_interrupted() {
    while INTERRUPTED.load(Ordering::SeqCst) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Kills every registered child process.
fn kill_children() {
    let children = CHILDREN.lock().map(|c| c.clone()).unwrap_or_default();
    for child in children {
        if let Ok(mut child) = child.lock() {
            let _ = child.kill();
            // Reaped, so that no zombie is left where nothing else would reap it.
            let _ = child.wait();
        }
    }
}

/// A child process registered to be killed on interruption as long as it is running here.
pub(super) struct Running(Arc<Mutex<Child>>);

impl Running {
    pub(super) fn new(child: Child) -> Running {
        let child = Arc::new(Mutex::new(child));
        if let Ok(mut children) = CHILDREN.lock() {
            children.push(Arc::clone(&child));
        }
        Running(child)
    }

    fn lock(&self) -> MutexGuard<'_, Child> {
        // A panic while holding it leaves the child as it was: still usable.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Its exit status if it has exited, without waiting.
    pub(super) fn try_wait(&self) -> io::Result<Option<ExitStatus>> {
        self.lock().try_wait()
    }

    /// Kills it and waits for it to go.
    pub(super) fn kill_and_wait(&self) {
        let mut child = self.lock();
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // Never left running: a run that gave up on it early must not leave it behind.
        if matches!(self.try_wait(), Ok(None)) {
            self.kill_and_wait();
        }
        if let Ok(mut children) = CHILDREN.lock()
            && let Some(at) = children.iter().position(|c| Arc::ptr_eq(c, &self.0))
        {
            children.swap_remove(at);
        }
    }
}
