//! Outputs that would replace an input: `build a.txt -o a.txt`, `extract a.jsonl -o a.jsonl`,
//! `extract - -o a.jsonl < a.jsonl`, or an `--emit-text` file over an input. Files are told
//! apart by what they are (device and inode), not by how they are named, so that a symbolic
//! link, a hard link or `./a.txt` is caught too. `merge` is not checked: it reads all its
//! inputs before it writes, and `merge acc.json shard.jsonl -o acc.json` is how shards are
//! added to a graph.

use std::fs;
use std::path::Path;

use rustc_hash::FxHashSet;

use super::error::{Error, shown_path};
use super::input::Location;

/// What a file is, whatever its name.
type Identity = (u64, u64);

#[cfg(unix)]
fn identity(metadata: &fs::Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    metadata.is_file().then(|| (metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> Option<Identity> {
    None
}

/// The plain files a run reads (devices and pipes are read, never replaced).
#[derive(Default)]
pub(super) struct Inputs {
    files: FxHashSet<Identity>,
}

impl Inputs {
    /// The files among `locations`, and standard input when it is one.
    pub(super) fn of(locations: &[Location]) -> Inputs {
        let mut files = FxHashSet::default();
        for location in locations {
            let metadata = match location {
                Location::File(path) => fs::metadata(path).ok(),
                Location::Stdin => stdin_metadata(),
            };
            if let Some(identity) = metadata.as_ref().and_then(identity) {
                files.insert(identity);
            }
        }
        Inputs { files }
    }

    /// Whether the file at `path` (followed, as writing it would be) is one of the inputs.
    pub(super) fn holds(&self, path: &Path) -> bool {
        fs::metadata(path)
            .ok()
            .as_ref()
            .and_then(identity)
            .is_some_and(|identity| self.files.contains(&identity))
    }

    /// A usage error when `-o path` is one of the inputs.
    pub(super) fn check_output(&self, path: &Path) -> Result<(), Error> {
        if !self.holds(path) {
            return Ok(());
        }
        Err(Error::usage(
            format_args!("cannot write {}", shown_path(path)),
            "it is one of the inputs, and the output would replace it",
            "give -o another file",
        ))
    }
}

/// What standard input is, when it can be told.
#[cfg(unix)]
fn stdin_metadata() -> Option<fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    fs::File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<fs::Metadata> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_input_is_known_by_any_of_its_names() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        fs::write(&input, "x").unwrap();
        let other = dir.path().join("b.txt");
        fs::write(&other, "x").unwrap();
        std::os::unix::fs::symlink(&input, dir.path().join("link.txt")).unwrap();
        fs::hard_link(&input, dir.path().join("hard.txt")).unwrap();
        let inputs = Inputs::of(&[Location::File(input.clone())]);
        for name in ["a.txt", "link.txt", "hard.txt", "./a.txt"] {
            assert!(inputs.holds(&dir.path().join(name)), "{name}");
        }
        assert!(!inputs.holds(&other));
        assert!(!inputs.holds(&dir.path().join("missing.json")));
        let err = inputs.check_output(&input).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("it is one of the inputs"), "{err}");
    }
}
