//! The command's one error type: a one-line message for the user and the exit status it calls
//! for. Messages read `<what failed>: <why>; <what to do>`, in lower case without a final period;
//! `main.rs` prefixes them with `provgraph: `.

use std::fmt;
use std::io;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// The command line asks for something impossible: exit status 2.
    Usage,
    /// An input could not be read or the output not written: exit status 1.
    Failure,
    /// Whoever read standard output stopped reading (`| head`): a quiet success.
    BrokenPipe,
}

#[derive(Clone, Debug)]
pub(crate) struct Error {
    pub kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn usage(
        what: impl fmt::Display,
        why: impl fmt::Display,
        fix: impl fmt::Display,
    ) -> Error {
        Error {
            kind: ErrorKind::Usage,
            message: format!("{what}: {why}; {fix}"),
        }
    }

    /// A usage error whose message is already one line of the form above (clap's, made so).
    pub(crate) fn usage_line(message: impl fmt::Display) -> Error {
        Error {
            kind: ErrorKind::Usage,
            message: message.to_string(),
        }
    }

    pub(crate) fn failure(
        what: impl fmt::Display,
        why: impl fmt::Display,
        fix: impl fmt::Display,
    ) -> Error {
        Error {
            kind: ErrorKind::Failure,
            message: format!("{what}: {why}; {fix}"),
        }
    }

    pub(crate) fn broken_pipe() -> Error {
        Error {
            kind: ErrorKind::BrokenPipe,
            message: String::new(),
        }
    }

    pub(crate) fn is_broken_pipe(&self) -> bool {
        self.kind == ErrorKind::BrokenPipe
    }

    pub(crate) fn exit_code(&self) -> u8 {
        match self.kind {
            ErrorKind::BrokenPipe => 0,
            ErrorKind::Failure => 1,
            ErrorKind::Usage => 2,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Why an I/O operation failed, in lower case and without the OS error number.
pub(super) fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        io::ErrorKind::NotADirectory => "a part of the path is not a directory".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        io::ErrorKind::StorageFull => "no space left on the device".to_string(),
        _ => {
            let text = err.to_string();
            let text = match text.rfind(" (os error ") {
                Some(end) => &text[..end],
                None => &text,
            };
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "unknown error".to_string(),
            }
        }
    }
}

/// The most characters of a name (a path, a document id, a file name) that a message quotes:
/// input data can be long, and a message stays one readable line.
pub(crate) const MAX_SHOWN_CHARS: usize = 120;

/// `text` as a message quotes it: whole when it is short, else its start and its end around
/// an ellipsis (the end of a path names the file), [`MAX_SHOWN_CHARS`] characters in all.
pub(crate) fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    let count = text.chars().count();
    if count <= MAX_SHOWN_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let head = MAX_SHOWN_CHARS / 2;
    let tail = MAX_SHOWN_CHARS - head - 1;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    std::borrow::Cow::Owned(format!("{start}…{end}"))
}

/// A path as a message quotes it: see [`shorten`].
pub(crate) fn shown_path(path: &std::path::Path) -> String {
    shorten(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_shortened_around_an_ellipsis() {
        assert_eq!(shorten("short"), "short");
        let exact = "é".repeat(MAX_SHOWN_CHARS);
        assert_eq!(shorten(&exact), exact);
        let long = format!("{}{}", "a".repeat(300), "Путин".repeat(100));
        let shown = shorten(&long);
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS);
        assert!(
            shown.starts_with("aaa") && shown.ends_with("Путин"),
            "{shown}"
        );
        assert!(shown.contains('…'));
    }

    #[test]
    fn io_reasons_are_lower_case_without_the_os_error_number() {
        let not_found = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(io_reason(&not_found), "no such file or directory");
        let raw = io::Error::from_raw_os_error(5); // EIO
        assert_eq!(io_reason(&raw), "input/output error");
        let custom = io::Error::other("Disk on fire");
        assert_eq!(io_reason(&custom), "disk on fire");
    }

    #[test]
    fn messages_join_what_why_and_fix_and_carry_the_exit_status() {
        let err = Error::usage("unknown format xml", "expected json or dot", "use --format");
        assert_eq!(
            err.to_string(),
            "unknown format xml: expected json or dot; use --format"
        );
        assert_eq!(err.exit_code(), 2);
        assert_eq!(Error::failure("a", "b", "c").exit_code(), 1);
        assert_eq!(Error::broken_pipe().exit_code(), 0);
    }
}
