//! Output formats. Only this module knows JSON and DOT.
