//! The `provgraph` command: parse the flags, run, report the error, sum up the warnings, set the
//! exit status (0 success, also with warnings; 1 failure; 2 usage error). Everything else lives
//! in `cli/` (files and the terminal) and the library (the rest).

mod allocator;
mod cli;

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the analysis makes many small, short-lived allocations, and runs about 15% faster
/// with it than with the system's allocator (measured with `examples/throughput`).
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

/// mimalloc's options `arena_eager_commit` and `purge_delay` (their places in `mi_option_e` of
/// the mimalloc 3 that libmimalloc-sys builds).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Memory is committed as it is used and given back as soon as it is freed, as the system's
/// allocator does: by default mimalloc commits whole arenas and keeps freed memory a while,
/// which doubles the peak memory of small runs and of runs that skip a huge line.
///
/// On Linux, no transparent huge pages: mimalloc asks for them on its arenas, and the kernel
/// then clears 2 MiB at the first touch of each. That clearing was half the time of a run on
/// one short article (17 ms, now 10), and it doubled the peak memory of a run on the newswire
/// (49 MB, now 28).
fn tune_allocator() {
    // SAFETY: setting an option is a plain store into mimalloc's option table, allowed at any
    // time; these two are read when memory is next committed or freed.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
    // SAFETY: a plain system call with constant arguments; it only sets a flag of the process.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    tune_allocator();
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(err) => match cli::usage_error(&err) {
            // --help, --version, or no arguments at all: clap prints them as they are.
            None => err.exit(),
            Some(message) => {
                cli::report(&message);
                return ExitCode::from(2);
            }
        },
    };
    cli::quiet_caught_panics();
    cli::install_interrupt_handler();
    let warnings = cli::Warnings::default();
    let result = panic::catch_unwind(AssertUnwindSafe(|| cli::run(args, &warnings)));
    let summary = warnings.summary();
    let code = match result {
        Ok(Ok(())) => 0,
        // `provgraph chains ... | head -1`: the reader has all it wanted.
        Ok(Err(err)) if err.is_broken_pipe() => 0,
        Ok(Err(err)) => {
            if let Some(summary) = &summary {
                cli::report(summary);
            }
            cli::report(&err.to_string());
            return ExitCode::from(err.exit_code());
        }
        // The panic hook has said what happened.
        Err(_) => 1,
    };
    if let Some(summary) = summary {
        cli::report(&summary);
    }
    ExitCode::from(code)
}
