//! Drawing the graph with Graphviz: the `dot` program, run directly (no shell) as a child that
//! dies with us ([`super::child`]), draws the DOT document within a time limit. A graph of more
//! sources than the drawing allows is drawn as its relay core ([`provgraph::export::relay_core`]),
//! with a caption and a warning that say what was left out. What `dot` warns about a picture
//! that was drawn (a PNG scaled down to fit its bitmap limit) reaches the user as our warning:
//! never a silently shrunk picture.

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
pub(crate) const DEFAULT_MAX_NODES: usize = provgraph::export::relay_core::DEFAULT_MAX_NODES;

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

/// What [`draw_graph`] drew.
#[derive(Debug)]
pub(super) struct Drawn {
    /// The picture, or why `dot` did not draw it.
    pub picture: Result<Vec<u8>, DrawError>,
    /// What the relay core leaves out, in a sentence (`None`: the whole graph is drawn).
    pub note: Option<String>,
    /// The ids of the sources not drawn, the busiest first.
    pub left_out: Vec<String>,
}

/// The picture of `graph` as `dot` draws it with `config`: the whole graph, or its relay core
/// when it has more sources than `draw` allows (with a warning, and the note and what was left
/// out returned for the HTML report). The note is the picture's caption when `caption` (a
/// picture on its own; the report shows the note beside its diagram).
pub(super) fn draw_graph(
    graph: &ProvGraph,
    config: &DotConfig,
    picture: Picture,
    draw: Draw,
    caption: bool,
    warnings: &Warnings,
) -> Drawn {
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
    let dot = to_dot_picture(drawn, config, note.as_deref().filter(|_| caption));
    Drawn {
        picture: run_dot(&dot, picture, draw.timeout, warnings),
        note,
        left_out: core.map(|core| core.left_out).unwrap_or_default(),
    }
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
    warnings: &Warnings,
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
        Ok(Ran::Finished(output)) if output.status.success() => {
            for warning in dot_warnings(&String::from_utf8_lossy(&output.stderr)) {
                warnings.warn(Warning::Other, &warning);
            }
            Ok(output.stdout)
        }
        Ok(Ran::Finished(output)) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let status = output.status.to_string();
            Err(DrawError::Failed(
                complaint(&stderr).unwrap_or(&status).to_string(),
            ))
        }
    }
}

/// How many of `dot`'s warnings about a picture it drew are passed on.
const MAX_DOT_WARNINGS: usize = 5;

/// What `dot` warned about a picture it drew, in our words: a bitmap scaled down to fit
/// Graphviz's limit says by how much and what to do; any other warning is quoted (the first
/// [`MAX_DOT_WARNINGS`] distinct ones, each cut to [`MAX_COMPLAINT_CHARS`]).
fn dot_warnings(stderr: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for line in stderr
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        let message = match scaled_by(line) {
            Some(scale) => format!(
                "the picture is too large for Graphviz's bitmaps and was scaled to {}% of its \
                 size to fit, so its text may not be readable; write .svg or .pdf for the full \
                 size, or draw fewer sources (--draw-max-nodes N)",
                percent(scale)
            ),
            None => format!("Graphviz dot: {}", cut(line)),
        };
        if !seen.contains(&message) && seen.len() < MAX_DOT_WARNINGS {
            seen.push(message);
        }
    }
    seen
}

/// The factor of "... too big for cairo-renderer bitmaps. Scaling by 0.07 to fit".
fn scaled_by(line: &str) -> Option<f64> {
    let (_, rest) = line.split_once("Scaling by ")?;
    rest.split_whitespace().next()?.parse().ok()
}

/// A factor as a percentage for people: whole numbers, and at least "<1".
fn percent(scale: f64) -> String {
    let percent = scale * 100.0;
    if percent < 1.0 {
        "less than 1".to_string()
    } else {
        format!("{}", percent.round())
    }
}

/// `line` cut to [`MAX_COMPLAINT_CHARS`] characters.
fn cut(line: &str) -> &str {
    match line.char_indices().nth(MAX_COMPLAINT_CHARS) {
        Some((at, _)) => &line[..at],
        None => line,
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
    Some(cut(line))
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

    #[test]
    fn a_scaled_bitmap_is_told_with_its_scale_and_other_warnings_are_quoted() {
        let stderr = "Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.0727 \
                      to fit\nWarning: Orthogonal edges do not currently handle edge labels\n\
                      Warning: Orthogonal edges do not currently handle edge labels\n";
        let warnings = dot_warnings(stderr);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].contains("was scaled to 7% of its size"),
            "{}",
            warnings[0]
        );
        assert_eq!(
            warnings[1],
            "Graphviz dot: Warning: Orthogonal edges do not currently handle edge labels"
        );
        assert!(dot_warnings("Warning: x. Scaling by 0.004 to fit")[0].contains("less than 1%"));
        assert_eq!(dot_warnings(""), Vec::<String>::new());
    }
}
