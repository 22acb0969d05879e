//! External tools some tests run (Graphviz, Chromium, networkx and prov, pyspark and Java).
//! On a machine without one, those tests say what they skipped and how to get the tool, and
//! pass: `cargo test` works on a fresh machine. `.ci/run` installs every tool and sets
//! `PROVGRAPH_REQUIRE_TOOLS=1`, under which a missing tool fails its tests instead.

/// Are missing tools failures (`PROVGRAPH_REQUIRE_TOOLS=1`)?
pub fn required() -> bool {
    std::env::var("PROVGRAPH_REQUIRE_TOOLS").is_ok_and(|value| value == "1")
}

/// Is Graphviz's `dot` on the PATH?
pub fn has_dot() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok()
}

/// Reports that `what` is missing, with how to install it: a skip note, or a panic when tools
/// are required. The caller returns (skips) afterwards.
pub fn missing(what: &str, install: &str) {
    if required() {
        panic!("{what} is missing: {install} (PROVGRAPH_REQUIRE_TOOLS=1 is set)");
    }
    eprintln!("skipped: {what} is missing: {install}; `bash .ci/run` installs every tool");
}

/// The names in `dir`, sorted.
pub fn dir_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Can the permission cases run, as nobody through setpriv? Only root can drop to nobody, and
/// root reads and writes anything, so those cases need both.
#[cfg(unix)]
pub fn can_drop_privileges() -> bool {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    root && std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}
