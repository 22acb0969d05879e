//! Ctrl-C (SIGINT), SIGTERM and SIGHUP: the temporary files and directories that output is being
//! written to are deleted, one line says so, and the run ends with status 130. Without this a
//! stopped run would leave its hidden `.provgraph-*.tmp` file behind (the target itself is never
//! touched before the rename, interrupted or not). SIGKILL cannot be caught; what it leaves is
//! hidden and says what it was.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary paths being written now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the handler; once per process, before any output is opened.
pub(super) fn install() {
    // Fails only when another handler is installed already, as in tests that call `run` twice.
    let _ = ctrlc::set_handler(|| {
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
