//! The one integration-test binary: the command line, and the exports on hand-built graphs.

mod cli;
mod export_dot;
mod export_formats;
mod export_html;
mod export_json;
mod fixtures;
mod hostile;
mod output_dir;
mod readers;
