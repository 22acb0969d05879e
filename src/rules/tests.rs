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
                frame.rule.to_string(),
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
