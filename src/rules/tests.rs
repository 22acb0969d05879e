//! The test helper of the rules: run every rule on a text and compare the frames.

use crate::lexicon::lexicon;
use crate::rules::{Ctx, find_frames};
use crate::text::Text;

/// (rule, source, hop cue, content) of every frame found in `sentence`, in cue order.
fn frames_of(input: &str, headline: bool) -> Vec<(String, String, String, String)> {
    let text = Text::new(input, lexicon());
    let mut out = Vec::new();
    for i in 0..text.sentences.len() {
        let ctx = Ctx::new(&text, i, headline && i == 0);
        for frame in find_frames(&ctx) {
            let slice = |span: Option<crate::span::Span>| {
                span.map(|s| s.slice(input).to_string()).unwrap_or_default()
            };
            out.push((
                frame.rule.as_str().to_string(),
                slice(frame.source.as_ref().map(|m| text.span(m.np))),
                slice(frame.hop_cue.map(|c| text.span(c))),
                slice(frame.content.map(|c| c.span)),
            ));
        }
    }
    out
}

fn compare(input: &str, headline: bool, expected: &[(&str, &str, &str, &str)]) {
    let mut got = frames_of(input, headline);
    let mut want: Vec<(String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "\ninput: {input}");
}

/// Asserts the frames found in a body sentence.
pub(crate) fn check(input: &str, expected: &[(&str, &str, &str, &str)]) {
    compare(input, false, expected);
}

/// Asserts the frames found when the first line is a headline.
pub(crate) fn check_headline(input: &str, expected: &[(&str, &str, &str, &str)]) {
    compare(input, true, expected);
}

mod registry {
    use crate::rules::{RULES, RuleId};

    #[test]
    fn ids_keep_the_names_written_in_the_output() {
        let names: Vec<&str> = RuleId::ALL.iter().map(|id| id.as_str()).collect();
        assert_eq!(
            names,
            [
                "quoted_as_saying",
                "quoted_by",
                "according_to",
                "as_reported_by",
                "citing",
                "interview",
                "via",
                "headline",
                "inverted",
                "postposed",
                "preposed",
                "participle",
                "coordinated",
                "nominal",
                "neighbour_quote",
            ]
        );
        assert_eq!(format!("[{:<10}]", RuleId::Via), "[via       ]");
    }

    #[test]
    fn the_registry_lists_every_sentence_rule_once_in_priority_order() {
        let listed: Vec<RuleId> = RULES.iter().map(|rule| rule.id).collect();
        let sentence_rules: Vec<RuleId> = RuleId::ALL
            .into_iter()
            .filter(|&id| id != RuleId::NeighbourQuote)
            .collect();
        assert_eq!(listed, sentence_rules);
    }

    #[test]
    fn every_rule_has_a_one_line_description() {
        for id in RuleId::ALL {
            let description = id.description();
            assert!(!description.is_empty(), "{id}");
            assert!(!description.contains('\n'), "{id}");
        }
    }
}

mod layout {
    use crate::rules::{RULES, RuleId};

    /// The source of every rule file.
    const SOURCES: &[(RuleId, &str)] = &[
        (RuleId::QuotedAsSaying, include_str!("quoted_as_saying.rs")),
        (RuleId::QuotedBy, include_str!("quoted_by.rs")),
        (RuleId::AccordingTo, include_str!("according_to.rs")),
        (RuleId::AsReportedBy, include_str!("as_reported_by.rs")),
        (RuleId::Citing, include_str!("citing.rs")),
        (RuleId::Interview, include_str!("interview.rs")),
        (RuleId::Via, include_str!("via.rs")),
        (RuleId::Headline, include_str!("headline.rs")),
        (RuleId::Inverted, include_str!("inverted.rs")),
        (RuleId::Postposed, include_str!("postposed.rs")),
        (RuleId::Preposed, include_str!("preposed.rs")),
        (RuleId::Participle, include_str!("participle.rs")),
        (RuleId::Coordinated, include_str!("coordinated.rs")),
        (RuleId::Nominal, include_str!("nominal.rs")),
    ];

    #[test]
    fn every_rule_has_a_file_named_after_its_id() {
        let files: Vec<RuleId> = SOURCES.iter().map(|&(id, _)| id).collect();
        let rules: Vec<RuleId> = RULES.iter().map(|rule| rule.id).collect();
        assert_eq!(files, rules);
    }

    #[test]
    fn no_rule_imports_another_rule_or_a_later_stage() {
        for &(id, source) in SOURCES {
            for other in RULES.iter().filter(|other| other.id != id) {
                let name = other.id.as_str();
                for path in [format!("rules::{name}"), format!("super::{name}")] {
                    assert!(!source.contains(&path), "{id} uses {path}");
                }
            }
            for later in ["crate::assemble", "crate::coref", "crate::analyze"] {
                assert!(!source.contains(later), "{id} uses {later}");
            }
        }
    }

    #[test]
    fn every_rule_documents_itself_and_has_examples_and_counter_examples() {
        for &(id, source) in SOURCES {
            let header: String = source
                .lines()
                .take_while(|line| line.starts_with("//!"))
                .collect();
            assert!(!header.is_empty(), "{id} has no //! header");
            assert!(
                header.contains("Counter-example"),
                "{id} names no counter-example"
            );
            let tests = source
                .split_once("#[cfg(test)]")
                .map_or("", |(_, tests)| tests);
            assert!(tests.contains("check"), "{id} has no examples");
            assert!(tests.contains("&[]"), "{id} has no counter-example");
        }
    }
}

mod contents_of_a_sentence {
    use super::check;

    #[test]
    fn a_statement_joined_by_a_conjunction_is_not_inside_the_one_before() {
        check(
            "One in three said the party does not care, and one in four said it was hostile.",
            &[
                ("preposed", "three", "said", "the party does not care"),
                ("preposed", "four", "said", "it was hostile"),
            ],
        );
        // Without a conjunction it is part of what was said.
        check(
            "Sullivan said Biden had told Putin that Russia would pay.",
            &[
                (
                    "preposed",
                    "Sullivan",
                    "said",
                    "Biden had told Putin that Russia would pay",
                ),
                ("preposed", "Biden", "told", "Russia would pay"),
            ],
        );
        // After "that" too.
        check(
            "He said the talks failed and that officials said it rained.",
            &[
                (
                    "preposed",
                    "He",
                    "said",
                    "the talks failed and that officials said it rained",
                ),
                ("preposed", "officials", "said", "it rained"),
            ],
        );
    }
}
