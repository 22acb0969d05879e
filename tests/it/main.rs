//! The one integration-test binary: the command line, whole archives, the Spark recipe, and the
//! exports on hand-built graphs.

mod archive;
mod cli;
mod export_dot;
mod export_json;
mod fixtures;
mod spark;
