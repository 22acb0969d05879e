//! The one integration-test binary: the command line, whole archives, the Spark recipe, accuracy
//! on real articles, golden outputs, and the exports on hand-built graphs.

mod architecture;
mod archive;
mod audit;
mod bad_input;
mod claims;
mod cli;
mod contract;
mod eval;
mod export_dot;
mod export_formats;
mod export_html;
mod export_json;
mod fixtures;
mod fuzz_regressions;
mod golden;
mod hostile;
mod hostile_fs;
mod hostile_output;
mod hostile_pages;
mod interrupt;
mod node_labels;
mod output_dir;
mod properties;
mod readers;
mod spark;
mod tools;
