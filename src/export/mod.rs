//! Output formats. Only this module knows JSON and DOT.

pub mod dot;
pub mod json;

pub use dot::to_dot;
pub use json::{ReadError, from_json, to_json, write_json};
