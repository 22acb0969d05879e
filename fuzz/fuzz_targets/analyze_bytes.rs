//! Any bytes, as the command line takes a `.txt` file: text that is UTF-8 without a NUL byte is
//! analysed as it is; anything else is skipped (`check_text` says why). So that the analysis also
//! meets the replacement character and broken sequences made good, the lossy decoding of bytes
//! that are not UTF-8 is analysed too.

#![no_main]

use libfuzzer_sys::fuzz_target;
use provgraph::DocumentInput;
use provgraph::input::txt;

fuzz_target!(|bytes: &[u8]| {
    match txt::check_text(bytes.to_vec()) {
        Ok(text) => {
            provgraph_fuzz::check_document(&DocumentInput::new("fuzz", &text));
        }
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            provgraph_fuzz::check_document(&DocumentInput::new("fuzz", &text));
        }
    }
});
