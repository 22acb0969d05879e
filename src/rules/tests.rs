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
                slice(
                    frame
                        .source
                        .as_ref()
                        .map(|m| text.span(m.np.first, m.np.last)),
                ),
                slice(frame.hop_cue.map(|c| text.span(c.first, c.last))),
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
pub fn check(input: &str, expected: &[(&str, &str, &str, &str)]) {
    compare(input, false, expected);
}

/// Asserts the frames found when the first line is a headline.
pub fn check_headline(input: &str, expected: &[(&str, &str, &str, &str)]) {
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
