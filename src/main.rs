//! The `provgraph` command: parse the flags, run, report the error, set the exit status.
//! Everything else lives in `cli/` (files and the terminal) and the library (the rest).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // clap prints its own usage errors and exits with status 2 (0 for --help and --version).
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        // `provgraph chains ... | head -1`: the reader has all it wanted.
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            cli::report(&err.to_string());
            ExitCode::from(err.exit_code())
        }
    }
}
