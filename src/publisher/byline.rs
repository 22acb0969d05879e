//! A byline near the top, "By Zeno Park, Associated Press", or a reporter's sign-off anywhere,
//! a short line of its own: "Analysis: Jon Sopel, BBC News, Washington" (a person, a known
//! outlet, a place).
//!
//! Not: "By Zeno Park" (no outlet), "Contributing: Jane Roe, Medill News Service" (a
//! contributor's outlet), "Officials in Paris, London and Berlin" (no person, no outlet).

use crate::mention::{Mention, MentionKind, classify, np_after};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

use super::{Zones, line_ends_before, opens_paragraph, outlet_at, outlet_in};

/// The most tokens of a sign-off line.
const MAX_SIGN_OFF: usize = 14;

pub(super) fn find(text: &Text, zones: &Zones) -> Option<Mention> {
    byline(text, zones).or_else(|| sign_off(text))
}

/// "By Zeno Park, Associated Press" near the top.
fn byline(text: &Text, zones: &Zones) -> Option<Mention> {
    let tokens = &text.tokens;
    for i in zones.top_paragraphs(text) {
        if !matches!(text.word(i), "By" | "BY") {
            continue;
        }
        // The outlet after a comma or bar on the byline's line.
        let mut k = i + 1;
        while k < tokens.len() && !tokens[k].has(TokenFlags::LINE_BEFORE) {
            if matches!(text.word(k), "," | "|")
                && let Some(np) = np_after(text, k + 1, tokens.len())
                && let Some(m) = outlet_in(text, np, false)
            {
                return Some(m);
            }
            k += 1;
        }
    }
    None
}

/// "Jon Sopel, BBC News, Washington", after an optional label ("Analysis:"): a line of its own.
fn sign_off(text: &Text) -> Option<Mention> {
    let tokens = &text.tokens;
    text.sentences.iter().find_map(|s| {
        let short_line = opens_paragraph(text, s.start)
            && s.end - s.start <= MAX_SIGN_OFF
            && line_ends_before(text, s.end);
        if !short_line || !tokens[s.start].is_cap_word() {
            return None;
        }
        let labelled = text.word(s.start + 1) == ":";
        let start = if labelled { s.start + 2 } else { s.start };
        let comma = (start..s.end).find(|&k| text.word(k) == ",")?;
        // The outlet first: looking it up costs less than typing the person.
        let outlet = outlet_at(text, comma + 1)?;
        let person = classify(text, TokenRange::new(start, comma));
        if comma == start || !matches!(person.kind, MentionKind::Person { .. }) {
            return None;
        }
        let rest = outlet.np.end;
        // Nothing but a place may follow the outlet.
        let place = text.word(rest) == ","
            && (rest + 1..s.end).all(|k| tokens[k].is_cap_word() || text.word(k) == ".");
        (rest == s.end || place || text.word(rest) == "." && rest + 1 == s.end).then_some(outlet)
    })
}

#[cfg(test)]
mod tests {
    use crate::publisher::tests::check;

    #[test]
    fn bylines_near_the_top() {
        check(
            "byline",
            &[
                (
                    "Headline\n\nBy Zeno Park, Associated Press\n\nText.",
                    "Associated Press",
                ),
                ("Headline\n\nBY ZENO PARK | Reuters\n\nText.", "Reuters"),
                ("Headline\n\nBy Zeno Park\n\nText.", ""),
            ],
        );
    }

    #[test]
    fn sign_offs_on_a_line_of_their_own() {
        check(
            "byline",
            &[
                (
                    "Headline\n\nText.\n\nMore.\n\nMore.\n\nMore.\n\nAnalysis: Jon Sopel, BBC News, Washington\n\nMore.\n\nMore.\n\nMore.\n\nEnd.",
                    "BBC News",
                ),
                (
                    "Headline\n\nText.\n\nLisa Stark, ABC News\n\nEnd.",
                    "ABC News",
                ),
                (
                    "Headline\n\nText.\n\nContributing: Jane Roe, Medill News Service\n\nEnd.",
                    "",
                ),
                (
                    "Headline\n\nText.\n\nOfficials in Paris, London and Berlin agreed.\n\nEnd.",
                    "",
                ),
                (
                    "Headline\n\nText.\n\nJon Sopel, BBC News, said the talks ended.\n\nEnd.",
                    "",
                ),
            ],
        );
    }
}
