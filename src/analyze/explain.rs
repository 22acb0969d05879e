//! `explain`: a human-readable trace of the analysis, every sentence with the frames the rules
//! found in it and the drafts assembled from them. For debugging rules and for audits.

use std::fmt::Write;

use super::DocumentInput;
use super::drafts::has_headline;
use crate::assemble::assemble;
use crate::lexicon::lexicon;
use crate::mention::{Decider, MentionKind};
use crate::rules::{Ctx, Frame, RuleId, find_frames};
use crate::text::Text;
use crate::text::TokenRange;

/// The trace of `input`'s analysis, a few lines per sentence with a frame, then what each rule
/// and decider that appears in it does.
pub fn explain(input: &DocumentInput) -> String {
    let text = Text::new(input.text, lexicon());
    let headline = has_headline(&text);
    let mut trace = Trace::default();
    for (i, s) in text.sentences.iter().enumerate() {
        let ctx = Ctx::new(&text, i, headline && i == 0);
        let frames = find_frames(&ctx);
        if frames.is_empty() {
            continue;
        }
        let sentence = text.span(s.tokens()).slice(input.text);
        let _ = writeln!(trace.out, "[{i}] {sentence}");
        for frame in &frames {
            trace.frame(&text, frame);
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
            let _ = writeln!(trace.out, "    => {} [{}]", d.rule, chain.join(" -> "));
        }
    }
    if let Some(found) = crate::publisher::find(&text) {
        let rule = found.rule;
        let name = words(&text, found.mention.np);
        let _ = writeln!(
            trace.out,
            "publisher: {name} ({}: {})",
            rule.name, rule.description
        );
    }
    trace.finish()
}

/// The trace being written, and the rules and deciders it names, for the legend.
#[derive(Default)]
struct Trace {
    out: String,
    rules: Vec<RuleId>,
    deciders: Vec<&'static Decider>,
}

impl Trace {
    /// One frame's line: rule, role, cue, source with its kind and the decider that typed it
    /// (`rule` where the rule typed it itself), weakness, the start of its content.
    fn frame(&mut self, text: &Text, f: &Frame) {
        self.rules.push(f.rule);
        let source = f
            .source
            .as_ref()
            .map(|m| {
                let (typed, decider) = crate::mention::classify_traced(text, m.np);
                let by = if typed.kind == m.kind {
                    self.deciders.push(decider);
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
            self.out,
            "    {:<16} {:?} cue={:?} src={} weak={} content={:?}",
            f.rule,
            f.role,
            words(text, f.cue),
            source,
            f.weak,
            content
        );
    }

    /// The trace with its legend: what each rule that fired matches and what each decider that
    /// typed a source decides, once each.
    fn finish(mut self) -> String {
        self.rules.sort_unstable();
        self.rules.dedup();
        if !self.rules.is_empty() {
            let _ = writeln!(self.out, "rules:");
            for rule in &self.rules {
                let _ = writeln!(self.out, "    {:<16} {}", rule, rule.description());
            }
        }
        self.deciders.sort_by_key(|d| d.name);
        self.deciders.dedup_by_key(|d| d.name);
        if !self.deciders.is_empty() {
            let _ = writeln!(self.out, "deciders:");
            for decider in &self.deciders {
                let _ = writeln!(self.out, "    {:<24} {}", decider.name, decider.description);
            }
        }
        self.out
    }
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
