//! Any text: the analysis never panics, keeps its invariants, and its graph exports.

#![no_main]

use libfuzzer_sys::fuzz_target;
use provgraph::DocumentInput;

fuzz_target!(|text: &str| {
    provgraph_fuzz::check_document(&DocumentInput::new("fuzz", text));
});
