//! The publisher's table tests: `check(rule, &[(text, publisher)])` runs `find` on each text
//! and compares the words naming the publisher ("" for none) and, when it finds one, the rule.

use super::*;
use crate::lexicon::lexicon;

/// The words that name the publisher of `input` and the rule that found them ("" for none).
fn publisher(input: &str) -> (String, &'static str) {
    let text = Text::new(input, lexicon());
    find(&text).map_or((String::new(), ""), |found| {
        let words = text.span(found.mention.np).slice(input).to_string();
        (words, found.rule.name)
    })
}

/// Each text's publisher is the given words, found by `rule` ("" for none found by any rule).
pub(super) fn check(rule: &str, rows: &[(&str, &str)]) {
    for &(input, want) in rows {
        let (words, by) = publisher(input);
        assert_eq!(words, want, "publisher of {input:?} (found by {by:?})");
        if !want.is_empty() {
            assert_eq!(by, rule, "the rule that found {want:?} in {input:?}");
        }
    }
}

#[test]
fn every_rule_is_named_once_and_described() {
    for (i, rule) in RULES.iter().enumerate() {
        assert!(!rule.description.is_empty(), "{}", rule.name);
        assert!(
            RULES[..i].iter().all(|r| r.name != rule.name),
            "{} twice",
            rule.name
        );
    }
    // Credits come before hints.
    let first_hint = RULES.iter().position(|r| !r.credit).unwrap_or(RULES.len());
    assert!(RULES[first_hint..].iter().all(|r| !r.credit));
}

#[test]
fn credits_beat_hints() {
    check(
        "dateline",
        &[(
            "Headline\n\nMOSCOW (Reuters) - The minister told AFP the talks failed.",
            "Reuters",
        )],
    );
    check(
        "footer",
        &[(
            "Headline\n\nThe minister told AFP the talks failed.\n\nPTI",
            "PTI",
        )],
    );
}

#[test]
fn no_publisher_when_the_text_names_none() {
    check(
        "",
        &[
            ("Headline\n\nThe talks ended, officials said.", ""),
            ("", ""),
            ("(", ""),
            ("Headline\n\n/", ""),
        ],
    );
}
