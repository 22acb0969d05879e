//! The `provgraph` command: parse the flags into a checked configuration, run, report the error,
//! sum up the warnings, set the exit status (0 success, also with warnings; 1 failure; 2 usage
//! error). Everything else lives in `cli/` (files and the terminal) and the library (the rest).

// One `unsafe` block, allowed where it stands: the hook that makes a child process die with
// provgraph (cli/child.rs).
#![deny(unsafe_code)]
#![warn(unreachable_pub)]

mod cli;

use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc, unless the crate is built without its default feature `mimalloc`: the analysis
/// makes many small, short-lived allocations (docs/performance.md has the figures).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let config = match cli::Args::try_parse() {
        Ok(args) => cli::Config::from_args(args),
        Err(err) => {
            let args: Vec<String> = std::env::args().skip(1).collect();
            match cli::usage_error(&err, &args) {
                // --help, --version, or no arguments at all: clap prints them as they are.
                None => err.exit(),
                Some(usage) => Err(usage),
            }
        }
    };
    let config = match config {
        Ok(config) => config,
        Err(err) => {
            cli::report(&err.to_string());
            return ExitCode::from(err.exit_code());
        }
    };
    cli::quiet_caught_panics();
    cli::install_interrupt_handler();
    let warnings = cli::Warnings::default();
    let result = panic::catch_unwind(AssertUnwindSafe(|| cli::run(config, &warnings)));
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
