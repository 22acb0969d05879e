//! Hostile pages and input streams through the command line (issue 17): nesting deep enough to
//! overflow a recursive walk or make one quadratic, pages in legacy encodings, a gzip file with
//! garbage after its data, a JSON Lines input without line breaks. Each run must end, with the
//! document's text read where there is one and a one-line warning that says what was done.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

const SENTENCE: &str = "Minister Ivan Petrov said on Monday that the talks had gone well.";

/// Runs the binary in `dir`, failing (not hanging) if it takes more than `minutes`.
fn run(dir: &Path, args: &[&str], minutes: u64) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = command.spawn().unwrap();
    let id = child.id();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    match receive.recv_timeout(Duration::from_secs(60 * minutes)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            // The hang guard: end the run we started, by its id.
            let _ = Command::new("kill").arg(id.to_string()).status();
            panic!("provgraph {args:?} did not end within {minutes} minutes");
        }
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The text of the documents of a JSON graph, as `--emit-text` wrote them.
fn emitted(dir: &Path, id: &str) -> String {
    std::fs::read_to_string(dir.join("text").join(format!("{id}.txt"))).unwrap_or_default()
}

#[test]
fn deeply_nested_pages_are_read_with_a_warning_and_never_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let pages = [
        ("b", "<b>".repeat(100_000)),
        ("span", "<span>".repeat(100_000)),
        ("tables", "<table><tr><td>".repeat(3_000)),
        ("divs", "<div>".repeat(100_000)),
        ("lists", "<ul><li>".repeat(2_000)),
        ("svg", "<svg><g>".repeat(50_000)),
        ("reopened", {
            let opened: String = (0..200).map(|i| format!("<i class=c{i}>")).collect();
            format!("<div>{opened}</div>{}", "<p>x".repeat(5_000))
        }),
    ];
    let mut args: Vec<String> = vec!["build".into(), "-j".into(), "2".into()];
    for (name, open) in &pages {
        let html = format!("<html><body>{open}<p>{SENTENCE}</p></body></html>");
        std::fs::write(dir.path().join(format!("{name}.html")), html).unwrap();
        args.push(format!("{name}.html"));
    }
    args.extend(["--emit-text", "text", "-o", "g.json"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(dir.path(), &args, 5);
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    for (name, _) in &pages {
        assert!(
            stderr.contains(&format!(
                "warning: {name}.html nests its elements deeper than {} levels",
                provgraph::page::MAX_OPEN_TAGS
            )) || *name == "reopened",
            "{name}: {stderr}"
        );
        assert!(
            emitted(dir.path(), name).contains(SENTENCE),
            "{name}: {}",
            emitted(dir.path(), name)
        );
    }
    assert!(stderr.lines().all(|line| line.len() < 200), "{stderr}");
}

#[test]
fn pages_are_decoded_by_their_declared_charset_and_utf16_text_by_its_mark() {
    let dir = tempfile::tempdir().unwrap();
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><head><meta charset=\"windows-1251\"><title>Переговоры</title></head><body>\
         <p>Министр Иван Петров сказал в понедельник, что переговоры прошли хорошо.</p>\
         </body></html>",
    );
    std::fs::write(dir.path().join("ru.html"), &cyrillic).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(SENTENCE.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("wide.txt"), utf16).unwrap();
    let output = run(
        dir.path(),
        &[
            "build",
            "ru.html",
            "wide.txt",
            "--emit-text",
            "text",
            "-o",
            "g.json",
        ],
        2,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    assert!(
        emitted(dir.path(), "ru").contains("Министр Иван Петров сказал"),
        "{}",
        emitted(dir.path(), "ru")
    );
    assert_eq!(emitted(dir.path(), "wide"), SENTENCE);
}

/// `text` gzipped, as `gzip` writes it.
fn gzip(text: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn gzip_data_followed_by_garbage_is_read_and_the_garbage_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let record = format!("{{\"id\": \"w1\", \"text\": \"{SENTENCE}\"}}\n");
    for (name, data) in [
        ("story.txt.gz", SENTENCE.as_bytes()),
        ("wire.jsonl.gz", record.as_bytes()),
    ] {
        // Two members, as `cat a.gz b.gz` makes, then garbage.
        let half = data.len() / 2;
        let mut bytes = [gzip(&data[..half]), gzip(&data[half..])].concat();
        bytes.extend(b"\x00\x00garbage\x1f");
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let output = run(
        dir.path(),
        &[
            "build",
            "story.txt.gz",
            "wire.jsonl.gz",
            "--emit-text",
            "text",
            "-o",
            "g.json",
        ],
        2,
    );
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr,
        "provgraph: warning: story.txt.gz has bytes after its gzip data that are not gzip; they are ignored\n\
         provgraph: warning: wire.jsonl.gz has bytes after its gzip data that are not gzip; they are ignored\n\
         provgraph: 2 warnings (2 other)\n"
    );
    assert_eq!(emitted(dir.path(), "story"), SENTENCE);
    assert_eq!(emitted(dir.path(), "w1"), SENTENCE);
}

#[test]
fn a_json_lines_input_without_line_breaks_or_records_ends() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(
        dir.path(),
        &[
            "build",
            "--input-format",
            "jsonl",
            "--max-doc-bytes",
            "1024",
            "/dev/zero",
            "-o",
            "g.json",
        ],
        2,
    );
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with(
            "provgraph: warning: the rest of /dev/zero (from line 1) is skipped: line 1 has no end \
             within 64 MiB; give JSON Lines, one document per line\n"
        ),
        "{stderr}"
    );
    let strict = run(
        dir.path(),
        &[
            "build",
            "--strict",
            "--input-format",
            "jsonl",
            "--max-doc-bytes",
            "1024",
            "/dev/zero",
        ],
        2,
    );
    assert_eq!(strict.status.code(), Some(1), "{}", self::stderr(&strict));
    // Lines that are none of them records: the input is given up after a thousand.
    let junk: String = (0..5000).map(|i| format!("junk {i}\n")).collect();
    std::fs::write(dir.path().join("junk.jsonl"), junk).unwrap();
    let output = run(dir.path(), &["build", "junk.jsonl", "-o", "g.json"], 2);
    let stderr = self::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "warning: the rest of junk.jsonl (after line 1000) is skipped: the last 1000 lines \
             were none of them a record; give JSON Lines\n"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1002, "{stderr}");
}
