//! A dateline credit at the top: the outlet in parentheses or slashes after the place and date
//! that open a paragraph, "MOSCOW, Dec 7 (Reuters) -", "HAVANA, December 26. /TASS/.", "(CNN)
//! --", "Hong Kong (CNN Business) A muddled view" (a known outlet with its section, running on
//! into the story); or, with no place, a known outlet and a dash opening a paragraph, "Reuters -
//! The council voted".
//!
//! Not: "One blast hit the Pakistan Industrial Development Corporation (PIDC)." (words that are
//! no dateline stand before the parenthesis), "MOSCOW - Russia said" (no outlet).

use crate::lexicon::Class;
use crate::mention::Mention;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::{Zones, credited, is_known_outlet, outlet_at, tokens_at};

/// The most tokens of a dateline before its credit ("SAN JUAN, Puerto Rico, Dec. 7").
const MAX_DATELINE: usize = 12;
/// The most tokens inside a credit's parentheses or slashes.
const MAX_CREDIT: usize = 5;

pub(super) fn find(text: &Text, zones: &Zones) -> Option<Mention> {
    bracketed(text, zones).or_else(|| lead_credit(text, zones))
}

/// "(Reuters) -", "(AP) —", "/TASS/", "(CNN Business) A" after a dateline near the top.
fn bracketed(text: &Text, zones: &Zones) -> Option<Mention> {
    let tokens = &text.tokens;
    let end = zones.top_end.min(tokens.len().saturating_sub(2));
    let top = &text.src.as_bytes()[..text.byte_before(end)];
    // Both marks are always tokens of their own.
    let marks = tokens_at(text, memchr::memchr2_iter(b'(', b'/', top), |i| {
        matches!(text.word(i), "(" | "/")
    });
    for i in marks {
        let close = if text.word(i) == "(" { ")" } else { "/" };
        let limit = (i + 2 + MAX_CREDIT).min(tokens.len());
        let Some(end) = (i + 1..limit).find(|&k| text.word(k) == close) else {
            continue;
        };
        let name_like = (i + 1..end).all(|k| {
            tokens[k].is_cap_word() || tokens[k].kind == TokenKind::Possessive || text.is_dash(k)
        });
        if end == i + 1 || !name_like || !after_dateline(text, i) {
            continue;
        }
        let np = TokenRange::new(i + 1, end);
        // A credit is followed by a dash or a period; one that stands at a line's end or runs
        // on into the story must be a known outlet ("(Undated)", "(Messina)" after a scorer's
        // name and "Springfield Sun" may be anything, "CNN Business" is CNN's).
        let next = end + 1;
        let marked = next >= tokens.len()
            || text.is_dash(next)
            || matches!(text.word(next), "." | "_" | ":");
        let found = if marked {
            credited(text, np, true)
        } else if tokens[next].has(TokenFlags::LINE_BEFORE) {
            credited(text, np, true).filter(is_known_outlet)
        } else if tokens[next].is_cap_word() {
            outlet_at(text, np.start).filter(|m| m.np.end <= np.end)
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Does the paragraph of token `i` open with a dateline that ends at `i`: nothing, or a place
/// and a date ("MOSCOW, Dec 7", "HAYWARD, Calif.", "Hong Kong") of capitalized words, numbers
/// and punctuation?
fn after_dateline(text: &Text, i: usize) -> bool {
    let tokens = &text.tokens;
    let from = i.saturating_sub(MAX_DATELINE);
    let Some(start) = (from..=i)
        .rev()
        .find(|&k| k == 0 || tokens[k].has(TokenFlags::PARAGRAPH))
    else {
        return false;
    };
    (start..i).all(|k| {
        let t = &tokens[k];
        match t.kind {
            TokenKind::Word => t.has(TokenFlags::CAP) || t.info.is(Class::NAME_PARTICLE),
            TokenKind::Number => true,
            _ => matches!(text.word(k), "," | "."),
        }
    })
}

/// "Reuters - The council voted", "AP — FIRE DEPARTMENT SAYS": a known outlet and a dash open
/// a paragraph near the top, and the story runs on.
fn lead_credit(text: &Text, zones: &Zones) -> Option<Mention> {
    zones.top_paragraphs(text).find_map(|i| {
        // A dash after a name of a few words, before looking the name up.
        let dash_soon = (i + 1..i + 1 + MAX_CREDIT).any(|k| text.is_dash(k));
        if !dash_soon {
            return None;
        }
        let m = outlet_at(text, i)?;
        let dash = m.np.end;
        let runs_on =
            dash + 1 < text.tokens.len() && !text.tokens[dash + 1].has(TokenFlags::LINE_BEFORE);
        (text.is_dash(dash) && runs_on).then_some(m)
    })
}

#[cfg(test)]
mod tests {
    use crate::publisher::tests::check;

    #[test]
    fn credits_after_a_dateline() {
        check(
            "dateline",
            &[
                (
                    "Headline\n\nMOSCOW, Dec 7 (Reuters) - Russia said.",
                    "Reuters",
                ),
                (
                    "Headline\n\nHAVANA, December 26. /TASS/. Cuba said.",
                    "TASS",
                ),
                ("Headline\n\nWASHINGTON (AP) — Trump said.", "AP"),
                ("Headline\n\nHAYWARD, Calif. (AP) — A man died.", "AP"),
                ("Headline\n\n(CNN) -- The storm passed.", "CNN"),
                (
                    "Headline\n\nBEIJING, Oct. 20 (Xinhua) -- China said.",
                    "Xinhua",
                ),
            ],
        );
    }

    #[test]
    fn an_outlet_with_its_section_may_run_on_into_the_story() {
        check(
            "dateline",
            &[
                (
                    "Headline\n\nHong Kong (CNN Business) A muddled view weighs.",
                    "CNN",
                ),
                ("Headline\n\nLONDON (BBC Sport) The match ended.", "BBC"),
                // Running on, the name must be a known outlet.
                ("Headline\n\nLONDON (Springfield Sun) The match ended.", ""),
            ],
        );
    }

    #[test]
    fn a_lead_credit_without_a_place() {
        check(
            "dateline",
            &[
                (
                    "Headline\n\nReuters - The council voted on Monday.",
                    "Reuters",
                ),
                (
                    "Headline\n\nThe Associated Press — Fire crews came.",
                    "Associated Press",
                ),
                ("Headline\n\nMOSCOW - Russia said so.", ""),
                ("Headline\n\nReuters reported that the council voted.", ""),
            ],
        );
    }

    #[test]
    fn parentheses_after_words_that_are_no_dateline_are_no_credit() {
        check(
            "dateline",
            &[
                (
                    "Headline\n\nOne blast hit the Industrial Corporation (PIDC). It burned.",
                    "",
                ),
                (
                    "Headline\n\nShe faces Rep. John Culberson (R-TX). He won.",
                    "",
                ),
                (
                    "Headline\n\nThe agency (which is new) said so. Its chief (Smith) left.",
                    "",
                ),
            ],
        );
    }

    #[test]
    fn a_credit_at_a_line_end_is_a_known_outlet() {
        check(
            "dateline",
            &[
                (
                    "Headline\n\nMOSCOW, Dec 7 (Reuters)\nPutin spoke.",
                    "Reuters",
                ),
                ("Headline\n\n(Undated)\n\nThe boy stays.", ""),
                (
                    "Top scorers\n\n8 Christian Rigano (Messina)\n\n6 Eugenio Corini",
                    "",
                ),
                (
                    "Headline\n\nThe Islamic Resistance Movement (Hamas)\n\non Tuesday urged",
                    "",
                ),
                (
                    "Headline\n\nSPRINGFIELD, Ill. (Springfield Sun) - The council voted.",
                    "Springfield Sun",
                ),
            ],
        );
    }
}
