//! The one integration-test binary: the command line, whole archives, the Spark recipe, accuracy
//! on real articles, golden outputs, and the exports on hand-built graphs.

mod archive;
mod cli;
mod eval;
mod export_dot;
mod export_formats;
mod export_html;
mod export_json;
mod fixtures;
mod golden;
mod hostile;
mod output_dir;
mod readers;
mod spark;
