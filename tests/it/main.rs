//! The one integration-test binary: the command line, and the exports on hand-built graphs.

mod archive;
mod cli;
mod export_dot;
mod export_json;
mod fixtures;
