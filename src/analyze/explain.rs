//! `explain`: a human-readable trace of the analysis, every sentence with the frames the rules
//! found in it and the drafts assembled from them. For debugging rules and for audits.

use std::fmt::Write;

use super::DocumentInput;
use super::drafts::has_headline;
use crate::assemble::assemble;
use crate::lexicon::lexicon;
use crate::mention::MentionKind;
use crate::rules::{Ctx, Frame, RuleId, find_frames};
use crate::text::Text;
use crate::text::TokenRange;

/// The trace of `input`'s analysis, a few lines per sentence with a frame.
pub fn explain(input: &DocumentInput) -> String {
    let text = Text::new(input.text, lexicon());
    let headline = has_headline(&text);
    let mut out = String::new();
    // The rules that found something, for the legend at the end.
    let mut fired: Vec<RuleId> = Vec::new();
    for (i, s) in text.sentences.iter().enumerate() {
        let ctx = Ctx::new(&text, i, headline && i == 0);
        let frames = find_frames(&ctx);
        if frames.is_empty() {
            continue;
        }
        let sentence = text.span(s.tokens()).slice(input.text);
        let _ = writeln!(out, "[{i}] {sentence}");
        for frame in &frames {
            fired.push(frame.rule);
            write_frame(&mut out, &text, frame);
        }
        for d in assemble(&text, i, &frames) {
            let chain: Vec<String> = d
                .hops
                .iter()
                .map(|h| {
                    h.mention
                        .as_ref()
                        .map_or("?".into(), |m| words(&text, m.np))
                })
                .collect();
            let _ = writeln!(out, "    => {} [{}]", d.rule, chain.join(" -> "));
        }
    }
    write_legend(&mut out, fired);
    out
}

/// What each rule that fired matches, once per rule.
fn write_legend(out: &mut String, mut fired: Vec<RuleId>) {
    fired.sort_unstable();
    fired.dedup();
    if !fired.is_empty() {
        let _ = writeln!(out, "rules:");
        for rule in fired {
            let _ = writeln!(out, "    {:<16} {}", rule, rule.description());
        }
    }
}

/// One frame's line: rule, role, cue, source and its kind, weakness, the start of its content.
fn write_frame(out: &mut String, text: &Text, f: &Frame) {
    let source = f
        .source
        .as_ref()
        .map(|m| {
            // The decider that types the phrase, unless the rule typed it itself.
            let (typed, decider) = crate::mention::classify_traced(text, m.np);
            let by = if typed.kind == m.kind {
                decider.name
            } else {
                "rule"
            };
            format!("{} ({} by {by})", words(text, m.np), kind_name(&m.kind))
        })
        .unwrap_or_default();
    let content: String = f
        .content
        .map(|c| c.span.slice(text.src).chars().take(70).collect())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "    {:<16} {:?} cue={:?} src={} weak={} content={:?}",
        f.rule,
        f.role,
        words(text, f.cue),
        source,
        f.weak,
        content
    );
}

fn words(text: &Text, np: TokenRange) -> String {
    text.span(np).slice(text.src).to_string()
}

fn kind_name(kind: &MentionKind) -> &'static str {
    match kind {
        MentionKind::Pronoun { .. } => "pronoun",
        MentionKind::Relative => "relative",
        MentionKind::Person { .. } => "person",
        MentionKind::Known { .. } => "known",
        MentionKind::Outlet { .. } => "outlet",
        MentionKind::Organization { .. } => "org",
        MentionKind::Description { .. } => "description",
        MentionKind::Group { .. } => "group",
        MentionKind::Unnamed { .. } => "unnamed",
        MentionKind::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sentence_with_a_frame_shows_its_frames_and_chains() {
        let text = "Talks end\n\nThe weather was fine. Putin has called for calm, the \
                    Kremlin's press service reported, quoted by TASS.\n";
        let trace = explain(&DocumentInput::new("doc", text));
        let lines: Vec<&str> = trace.lines().collect();
        assert!(
            lines[0].starts_with("[2] Putin has called for calm"),
            "{trace}"
        );
        assert!(!trace.contains("weather"), "{trace}");
        assert!(
            trace.contains("cue=\"quoted by\" src=TASS (known by lone_word)"),
            "{trace}"
        );
        assert!(
            trace.contains("[Putin -> the Kremlin's press service -> TASS]"),
            "{trace}"
        );
    }

    #[test]
    fn a_text_without_attributions_explains_nothing() {
        assert_eq!(
            explain(&DocumentInput::new("doc", "The weather was fine.")),
            ""
        );
    }
}
