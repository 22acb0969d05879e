//! An interrupted run never leaves a truncated output: `extract -o FILE` streams into a hidden
//! temporary file beside FILE, and FILE is replaced only by the rename at the end. Ctrl-C,
//! SIGTERM and SIGHUP delete the temporary file too; SIGKILL cannot be caught, and what it
//! leaves is hidden (`.provgraph-*.tmp`).

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::tools::dir_names;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// A JSON Lines archive far larger than any run gets through before the signal: copies of the
/// bundled article, about 20 MB.
fn write_archive(dir: &Path) {
    let article = fs::read_to_string("tests/data/articles/biden-putin-video-call.txt").unwrap();
    let mut archive = String::new();
    let mut n = 0;
    while archive.len() < 20 << 20 {
        n += 1;
        let line = serde_json::json!({"id": format!("copy-{n}"), "text": article});
        archive.push_str(&line.to_string());
        archive.push('\n');
    }
    fs::write(dir.join("archive.jsonl"), archive).unwrap();
}

/// Starts `extract archive.jsonl -o out.jsonl` in `dir` and waits until its temporary output
/// holds something: the run is then in the middle of writing.
// The child is returned, and its callers wait for it.
#[allow(clippy::zombie_processes)]
fn start_extract(dir: &Path) -> Child {
    let mut child = Command::new(BIN)
        .args(["extract", "archive.jsonl", "-o", "out.jsonl"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        let writing = dir_names(dir).iter().any(|name| {
            name.ends_with(".tmp") && fs::metadata(dir.join(name)).is_ok_and(|m| m.len() > 0)
        });
        if writing {
            return child;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the run never started writing");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(child: &Child, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: kill(2) with the pid of a child this test started and has not yet waited for.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
}

#[test]
fn an_interrupted_run_leaves_the_previous_output_and_no_temporary_file() {
    for sig in [libc::SIGINT, libc::SIGTERM] {
        let dir = tempfile::tempdir().unwrap();
        write_archive(dir.path());
        fs::write(dir.path().join("out.jsonl"), "the previous output\n").unwrap();
        let child = start_extract(dir.path());
        signal(&child, sig);
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(130), "signal {sig}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        // The last line, whole: the message once, with the one prefix every message has.
        assert_eq!(
            stderr.lines().last(),
            Some("provgraph: interrupted; no output was written"),
            "signal {sig}: {stderr}"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("out.jsonl")).unwrap(),
            "the previous output\n"
        );
        assert_eq!(dir_names(dir.path()), ["archive.jsonl", "out.jsonl"]);
    }
}

#[test]
fn a_killed_run_leaves_the_previous_output_and_only_a_hidden_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    write_archive(dir.path());
    let child = start_extract(dir.path());
    signal(&child, libc::SIGKILL);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), None, "killed by the signal");
    let names = dir_names(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[1], "archive.jsonl");
    assert!(
        names[0].starts_with(".provgraph-out.jsonl-") && names[0].ends_with(".tmp"),
        "{names:?}"
    );
}
