//! Drawing the graph with Graphviz: the `dot` program, run directly (no shell) as a child that
//! dies with us ([`super::child`]), draws the DOT document within a time limit. A graph of more
//! sources than the drawing allows is drawn as its relay core ([`provgraph::export::relay_core`]),
//! with a caption and a warning that say what was left out.

use std::io::IsTerminal;
use std::process::Command;
use std::time::Duration;

use provgraph::ProvGraph;
use provgraph::export::{DotConfig, relay_core, to_dot_picture};

use super::args::Picture;
use super::child::{self, Ran};
use super::error::Error;
use super::warnings::{Warning, Warnings};

/// How a picture is drawn: `--draw-max-nodes` and `--dot-timeout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Draw {
    /// At most this many sources are drawn; `None`: all.
    pub max_nodes: Option<usize>,
    /// `dot` is stopped after this long; `None`: never.
    pub timeout: Option<Duration>,
}

/// How many sources a picture shows by default.
pub(crate) const DEFAULT_MAX_NODES: usize = 500;

/// How long `dot` may take by default, in seconds.
pub(crate) const DEFAULT_TIMEOUT_SECS: u64 = 60;

impl Default for Draw {
    fn default() -> Draw {
        Draw {
            max_nodes: Some(DEFAULT_MAX_NODES),
            timeout: Some(Duration::from_secs(DEFAULT_TIMEOUT_SECS)),
        }
    }
}

/// Why `dot` did not draw.
#[derive(Debug)]
pub(super) enum DrawError {
    /// There is no `dot` program on the PATH.
    MissingDot,
    /// `dot` ran and failed: the first line of its complaint that says so.
    Failed(String),
    /// `dot` was still drawing at the time limit.
    TimedOut(Duration),
}

impl DrawError {
    /// Why, in the words of a `provgraph: <what>: <why>; <fix>` message.
    pub(super) fn why_and_fix(&self) -> (String, &'static str) {
        match self {
            DrawError::MissingDot => (
                "the Graphviz program dot is not installed".to_string(),
                "install the graphviz package (apt-get install graphviz)",
            ),
            DrawError::Failed(message) => (
                format!("dot failed: {message}"),
                "check that Graphviz works (dot -V), or write --format dot and draw it yourself",
            ),
            DrawError::TimedOut(limit) => (
                format!("dot did not finish within {} s", limit.as_secs()),
                "draw fewer sources (--draw-max-nodes N), allow more time (--dot-timeout \
                 SECONDS, 0 for no limit), or write --format dot and draw it yourself",
            ),
        }
    }

    pub(super) fn into_error(self) -> Error {
        let (why, fix) = self.why_and_fix();
        Error::failure("cannot render", why, fix)
    }
}

/// The picture of `graph` as `dot` draws it with `config`: the whole graph, or its relay core
/// when it has more sources than `draw` allows (with a warning, and the note returned for the
/// HTML report).
pub(super) fn draw_graph(
    graph: &ProvGraph,
    config: &DotConfig,
    picture: Picture,
    draw: Draw,
    warnings: &Warnings,
) -> (Result<Vec<u8>, DrawError>, Option<String>) {
    let core = draw.max_nodes.and_then(|max| relay_core(graph, max));
    let note = core.as_ref().map(|core| core.note());
    if let Some(note) = &note {
        warnings.warn(
            Warning::Other,
            &format!(
                "{note} --draw-max-nodes N draws more ({} now, 0 for all)",
                draw.max_nodes.unwrap_or_default()
            ),
        );
    }
    let drawn = core.as_ref().map_or(graph, |core| &core.graph);
    say_when_slow(drawn.graph.node_count(), draw.timeout);
    let dot = to_dot_picture(drawn, config, note.as_deref());
    (run_dot(&dot, picture, draw.timeout), note)
}

/// From this many sources on, `dot` may take a while: a terminal is told what is going on.
const SLOW_NODES: usize = 200;

/// Tells a terminal that `dot` is drawing `nodes` sources, and for how long at most, when
/// there are enough of them to take a while: no run looks hung.
fn say_when_slow(nodes: usize, timeout: Option<Duration>) {
    if nodes < SLOW_NODES || !std::io::stderr().is_terminal() {
        return;
    }
    let limit = match timeout {
        Some(limit) => format!("at most {} s, --dot-timeout", limit.as_secs()),
        None => "no time limit".to_string(),
    };
    super::report(&format!(
        "drawing {nodes} sources with Graphviz dot ({limit})"
    ));
}

/// The picture `dot` draws from `dot_text`, within `timeout`.
fn run_dot(
    dot_text: &str,
    picture: Picture,
    timeout: Option<Duration>,
) -> Result<Vec<u8>, DrawError> {
    let format = match picture {
        Picture::Svg => "-Tsvg",
        Picture::Png => "-Tpng",
        Picture::Pdf => "-Tpdf",
    };
    let mut command = Command::new("dot");
    command.arg(format);
    match child::run(command, dot_text.as_bytes(), timeout) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Err(DrawError::MissingDot),
        Err(err) => Err(DrawError::Failed(format!("cannot run it: {err}"))),
        Ok(Ran::TimedOut) => Err(DrawError::TimedOut(timeout.unwrap_or_default())),
        Ok(Ran::Finished(output)) if output.status.success() => Ok(output.stdout),
        Ok(Ran::Finished(output)) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let status = output.status.to_string();
            Err(DrawError::Failed(
                complaint(&stderr).unwrap_or(&status).to_string(),
            ))
        }
    }
}

/// How many characters of `dot`'s complaint a message quotes.
const MAX_COMPLAINT_CHARS: usize = 160;

/// The line of `dot`'s standard error that says what failed: the first error, else the first
/// line; cut to [`MAX_COMPLAINT_CHARS`].
fn complaint(stderr: &str) -> Option<&str> {
    let lines = || {
        stderr
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
    };
    let line = lines()
        .find(|line| line.to_ascii_lowercase().starts_with("error"))
        .or_else(|| lines().next())?;
    Some(match line.char_indices().nth(MAX_COMPLAINT_CHARS) {
        Some((at, _)) => &line[..at],
        None => line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_complaint_is_the_first_error_line() {
        let stderr = "Warning: a\nError: <stdin>: syntax error in line 1\nError: more\n";
        assert_eq!(
            complaint(stderr),
            Some("Error: <stdin>: syntax error in line 1")
        );
        assert_eq!(complaint("\n  odd thing \n"), Some("odd thing"));
        assert_eq!(complaint(""), None);
        assert_eq!(
            complaint(&"x".repeat(1000)).unwrap().len(),
            MAX_COMPLAINT_CHARS
        );
    }
}
