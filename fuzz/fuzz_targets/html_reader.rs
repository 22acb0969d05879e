//! Any bytes as an HTML page, as the command line reads a `.html` file: bytes that decode (by
//! their byte order mark or declared charset, else as UTF-8) without a NUL character go to
//! `extract_page`, whose main text, title and publisher are analysed and checked as every
//! document is.

#![no_main]

use libfuzzer_sys::fuzz_target;
use provgraph::DocumentInput;
use provgraph::input::html;
use provgraph::page::extract_page;

fuzz_target!(|bytes: &[u8]| {
    let Ok(html) = html::decode_page(bytes.to_vec()) else {
        return;
    };
    let page = extract_page(&html);
    provgraph_fuzz::check_document(&DocumentInput {
        id: "page",
        text: &page.text,
        path: None,
        title: page.title.as_deref(),
        publisher: page.publisher.as_deref(),
    });
});
