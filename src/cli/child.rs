//! Child processes: every program provgraph runs (Graphviz's `dot`, with [`run`]) dies with
//! it and within its time limit. A child is registered with the interrupt handler, which kills
//! it on Ctrl-C, SIGTERM and SIGHUP before the run exits; on Linux it also gets SIGKILL from the
//! kernel when provgraph dies any other way (PR_SET_PDEATHSIG), SIGKILL included. Without this,
//! a `dot` laying out a large graph went on for minutes after the run that started it was gone.

use std::io::{self, Read, Write};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::interrupt;

/// How a child's run ended.
pub(super) enum Ran {
    /// It exited (or died of a signal) by itself.
    Finished(Output),
    /// It was still running at the time limit, and was killed.
    TimedOut,
}

/// Runs `command` with `input` on its standard input, collecting its standard output and
/// error, for at most `limit` (`None`: as long as it takes). The child cannot outlive us.
pub(super) fn run(mut command: Command, input: &[u8], limit: Option<Duration>) -> io::Result<Ran> {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    die_with_parent(&mut command);
    let mut child = command.spawn()?;
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    let child = interrupt::Running::new(child);
    thread::scope(|scope| {
        // A child that stops reading (it failed, or was killed) ends the write with an error.
        scope.spawn(move || stdin.map(|mut stdin| stdin.write_all(input)));
        let stdout = scope.spawn(move || read_all(stdout));
        let stderr = scope.spawn(move || read_all(stderr));
        let status = wait(&child, limit)?;
        let stdout = stdout.join().unwrap_or_default();
        let stderr = stderr.join().unwrap_or_default();
        Ok(match status {
            Some(status) => Ran::Finished(Output {
                status,
                stdout,
                stderr,
            }),
            None => Ran::TimedOut,
        })
    })
}

fn read_all(pipe: Option<impl Read>) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Some(mut pipe) = pipe {
        let _ = pipe.read_to_end(&mut bytes);
    }
    bytes
}

/// Waits for the child to exit, looking ever less often (up to 50 ms) so that a quick one
/// costs little; kills it at `limit` and returns `None`.
fn wait(
    child: &interrupt::Running,
    limit: Option<Duration>,
) -> io::Result<Option<std::process::ExitStatus>> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            interrupt::wait_if_interrupted();
            return Ok(Some(status));
        }
        if limit.is_some_and(|limit| start.elapsed() >= limit) {
            child.kill_and_wait();
            return Ok(None);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// On Linux, the child gets SIGKILL when the thread that started it ends: [`run`] waits on
/// that thread for the child, so this only happens when provgraph itself dies.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn die_with_parent(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    let parent = std::process::id();
    // SAFETY: the hook runs in the child between fork and exec, where only async-signal-safe
    // calls are allowed: prctl and getppid are, and nothing here allocates or takes a lock
    // (an io::Error made from an OS error code holds just the code).
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(io::Error::last_os_error());
            }
            // We died before the call: the child would run on as an orphan.
            if u32::try_from(libc::getppid()).ok() != Some(parent) {
                return Err(io::Error::from_raw_os_error(libc::ESRCH));
            }
            Ok(())
        });
    }
}

/// Elsewhere the interrupt handler is what kills the child.
#[cfg(not(target_os = "linux"))]
fn die_with_parent(_command: &mut Command) {}
