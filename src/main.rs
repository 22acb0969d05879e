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

/// mimalloc's options `arena_eager_commit`, `purge_delay`, `destroy_on_exit` and
/// `minimal_purge_size` (their places in `mi_option_e` of the mimalloc 3 that libmimalloc-sys
/// builds).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_OPTION_DESTROY_ON_EXIT: libmimalloc_sys::mi_option_t = 22;
const MI_OPTION_MINIMAL_PURGE_SIZE: libmimalloc_sys::mi_option_t = 44;

/// Memory is committed as it is used, and a run of at least 1 MiB of freed memory is given
/// back 10 ms after it is freed: by default mimalloc commits whole arenas and keeps freed
/// memory a while, which doubles the peak memory of small runs and of runs that skip a huge
/// line.
///
/// Smaller runs of freed memory are kept for the next document. Giving back every freed
/// page at once (`purge_delay` 0, as before) gave the kernel a thousand `madvise` calls on the
/// 10x newswire and took seven thousand page faults more, as the next document touched the
/// same memory again: `build` and `extract` on 10x took 3 to 6% more CPU time, for 1 to 15 MB
/// less peak memory. Skipping a 100 MB line peaks at 46 MB instead of 42.
///
/// At exit, mimalloc does not tidy up (`destroy_on_exit` 2 makes its exit handler return at
/// once): it would go through the main thread's pages to free them, some 6 ms at the end of
/// `build` on 10x, for memory the system takes back anyway.
///
/// On Linux, no transparent huge pages: mimalloc asks for them on its arenas, and the kernel
/// then clears 2 MiB at the first touch of each. That clearing was half the time of a run on
/// one short article (17 ms, now 10), and it doubled the peak memory of a run on the newswire
/// (49 MB, now 28).
fn tune_allocator() {
    // SAFETY: setting an option is a plain store into mimalloc's option table, allowed at any
    // time; these are read when memory is next committed or freed, or at exit.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10);
        // In KiB.
        libmimalloc_sys::mi_option_set(MI_OPTION_MINIMAL_PURGE_SIZE, 1024);
        libmimalloc_sys::mi_option_set(MI_OPTION_DESTROY_ON_EXIT, 2);
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
