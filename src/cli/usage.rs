//! Usage errors that clap finds, as one line in the command's own style (`<message>; <fix>`),
//! built from the error's kind and context rather than from the text clap would print: a bad
//! flag value that one of our parsers refused is reported with our message as it is.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::error::Error;

/// The usage error to report for `err`; `None` for what clap prints whole: help, the version,
/// the help shown for no arguments at all. `args` are the command line's arguments (without the
/// program), for the command whose help the message points to.
pub(crate) fn usage_error(err: &clap::Error, args: &[String]) -> Option<Error> {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    if let Some(ours) = std::error::Error::source(err).and_then(|e| e.downcast_ref::<Error>()) {
        return Some(ours.clone());
    }
    let command = command_name(args);
    let fix = match tip(err) {
        Some(tip) => format!("{tip}, or see {command} --help"),
        None => format!("see {command} --help"),
    };
    Some(Error::usage_line(format_args!("{}; {fix}", message(err))))
}

/// `provgraph` and the subcommand the arguments name, if they name one.
fn command_name(args: &[String]) -> String {
    use clap::CommandFactory;
    let command = super::Args::command();
    let subcommand = args
        .iter()
        .take_while(|arg| *arg != "--")
        .find(|arg| !arg.starts_with('-'))
        .filter(|name| command.find_subcommand(name.as_str()).is_some());
    match subcommand {
        Some(name) => format!("provgraph {name}"),
        None => "provgraph".to_string(),
    }
}

/// A context value as text.
fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(" ")),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::StyledStrs(texts) => texts.first().map(ToString::to_string),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What is wrong, in clap's words for the errors this command line can meet, else clap's
/// description of the kind.
fn message(err: &clap::Error) -> String {
    let arg = context(err, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(err, ContextKind::InvalidValue).unwrap_or_default();
    let subcommand = context(err, ContextKind::InvalidSubcommand).unwrap_or_default();
    match err.kind() {
        ErrorKind::UnknownArgument => format!("unexpected argument '{arg}' found"),
        ErrorKind::InvalidSubcommand => format!("unrecognized subcommand '{subcommand}'"),
        ErrorKind::MissingRequiredArgument => {
            format!("the following required arguments were not provided: {arg}")
        }
        ErrorKind::MissingSubcommand => {
            format!("'{subcommand}' requires a subcommand but one was not provided")
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("a value is required for '{arg}' but none was supplied")
        }
        ErrorKind::InvalidValue => format!("invalid value '{value}' for '{arg}'"),
        ErrorKind::ValueValidation => match std::error::Error::source(err) {
            Some(why) => format!("invalid value '{value}' for '{arg}': {why}"),
            None => format!("invalid value '{value}' for '{arg}'"),
        },
        ErrorKind::ArgumentConflict
            if context(err, ContextKind::PriorArg).as_deref() == Some(&arg) =>
        {
            format!("the argument '{arg}' cannot be used multiple times")
        }
        kind => kind
            .as_str()
            .unwrap_or("the command line is not valid")
            .to_string(),
    }
}

/// clap's first tip: a similar name, or how to pass a value that looks like a flag.
fn tip(err: &clap::Error) -> Option<String> {
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        if let Some(similar) = context(err, kind) {
            return Some(format!("a similar {what} exists: '{similar}'"));
        }
    }
    context(err, ContextKind::Suggested)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// The line reported for `args`, and its exit status; `None` for help and the version.
    fn line(args: &[&str]) -> Option<(String, u8)> {
        let err = super::super::Args::try_parse_from(
            std::iter::once("provgraph").chain(args.iter().copied()),
        )
        .unwrap_err();
        let args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
        usage_error(&err, &args).map(|err| (err.to_string(), err.exit_code()))
    }

    fn check(args: &[&str], expected: &str) {
        assert_eq!(line(args), Some((expected.to_string(), 2)), "{args:?}");
    }

    #[test]
    fn clap_errors_become_one_line_that_points_to_the_help() {
        check(
            &["chains", "--bogus", "a.txt"],
            "unexpected argument '--bogus' found; to pass '--bogus' as a value, use '-- --bogus', or see provgraph chains --help",
        );
        check(
            &["build"],
            "the following required arguments were not provided: <INPUT>...; see provgraph build --help",
        );
        check(
            &["render", "a.txt"],
            "the following required arguments were not provided: --output <FILE>; see provgraph render --help",
        );
        check(
            &["frobnicate"],
            "unrecognized subcommand 'frobnicate'; see provgraph --help",
        );
        check(
            &["--sync"],
            "'provgraph' requires a subcommand but one was not provided; see provgraph --help",
        );
    }

    #[test]
    fn clap_tips_name_what_was_probably_meant() {
        check(
            &["biuld", "a.txt"],
            "unrecognized subcommand 'biuld'; a similar subcommand exists: 'build', or see provgraph --help",
        );
        check(
            &["build", "a.txt", "--strickt"],
            "unexpected argument '--strickt' found; a similar argument exists: '--strict', or see provgraph build --help",
        );
    }

    #[test]
    fn values_clap_refuses_say_which_flag() {
        check(
            &["build", "a.txt", "-j", "many"],
            "invalid value 'many' for '--threads <N>': invalid digit found in string; see provgraph build --help",
        );
        check(
            &["build", "a.txt", "--format"],
            "a value is required for '--format <FORMAT>' but none was supplied; see provgraph build --help",
        );
        check(
            &["build", "a.txt", "-o", "a", "-o", "b"],
            "the argument '--output <FILE>' cannot be used multiple times; see provgraph build --help",
        );
    }

    #[test]
    fn values_our_parsers_refuse_keep_our_message() {
        check(
            &["build", "a.txt", "--format", "xml"],
            "unknown format xml: provgraph writes json, dot, graphml, gexf, prov-json, prov-n, cytoscape, neo4j, cypher, csv or html; give one of these with --format",
        );
        check(
            &["extract", "-", "--threads", "0"],
            "--threads 0 is no threads: the documents need at least one; give --threads 1 or more, or leave it out for one per core",
        );
        check(
            &["chains", "-", "--max-doc-bytes", "lots"],
            "--max-doc-bytes lots is not a size: expected a number of bytes, perhaps with K, M or G; give it as 16777216, 16M or 16MiB",
        );
    }

    #[test]
    fn help_and_the_version_are_clap_s_to_print() {
        assert_eq!(line(&["--help"]), None);
        assert_eq!(line(&["build", "--help"]), None);
        assert_eq!(line(&["--version"]), None);
        assert_eq!(line(&[]), None);
    }
}
