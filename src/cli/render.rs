//! Drawing the graph with Graphviz: graphviz-rust runs the `dot` program (no shell) on the DOT
//! document and returns the picture's bytes.

use std::io;

use graphviz_rust::cmd::{CommandArg, Format};

use super::args::Picture;
use super::error::Error;

/// Why `dot` did not draw.
#[derive(Debug)]
pub(super) enum DrawError {
    /// There is no `dot` program on the PATH.
    MissingDot,
    /// `dot` ran and failed: its last line of complaint (the first are often warnings).
    Failed(String),
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
        }
    }

    pub(super) fn into_error(self) -> Error {
        let (why, fix) = self.why_and_fix();
        Error::failure("cannot render", why, fix)
    }
}

/// The picture `dot` draws from `dot_text`.
pub(super) fn draw(dot_text: &str, picture: Picture) -> Result<Vec<u8>, DrawError> {
    let format = match picture {
        Picture::Svg => Format::Svg,
        Picture::Png => Format::Png,
        Picture::Pdf => Format::Pdf,
    };
    graphviz_rust::exec_dot(dot_text.to_string(), vec![CommandArg::Format(format)]).map_err(|err| {
        match err.kind() {
            io::ErrorKind::NotFound => DrawError::MissingDot,
            _ => DrawError::Failed(
                err.to_string()
                    .lines()
                    .map(str::trim)
                    .rfind(|line| !line.is_empty())
                    .unwrap_or("no message")
                    .to_string(),
            ),
        }
    })
}
