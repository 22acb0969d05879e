//! Prints the rule trace of a text file: `cargo run --example explain -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: explain FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let id = std::path::Path::new(&path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("doc");
    print!(
        "{}",
        provgraph::explain(&provgraph::DocumentInput::new(id, &text))
    );
}
