//! A credit line at the top or the foot, found by a credit cue of the lexicon
//! ([`Class::CREDIT_CUE`]):
//!
//! - a line that opens with a known outlet, its reporter or its writers, and ends soon after the
//!   cue: "CNN's Alex Mooney contributed to this report.", "Associated Press writers Jay Reeves
//!   in Birmingham and Dave Martin contributed to this report.", "Reuters contributed
//!   reporting.";
//! - an outlet after the preposition of an adverb cue's verb, closing the line: "This article
//!   originally appeared on Daily Planet US", "The views expressed do not necessarily reflect
//!   those of the Gazette".
//!
//! Not: "Heba Habib contributed to this report." (a person alone: the publisher is not named),
//! "Fox News contributed $1 million to the party." (the line runs on), "The memo, obtained by
//! Politico" (an outlet that obtained a document is only a hint: `obtained_by`), "He was seen
//! as aligned with Clinton." (no adverb), "It was originally planned for Charleston, the aides
//! said." (the name does not close the line).

use crate::lexicon::Class;
use crate::mention::{Mention, np_after};
use crate::text::Text;
use crate::text::token::TokenFlags;

use super::{Zones, credited, line_ends_before, line_ends_within, outlet_at};

/// The most tokens of a credit line before its cue (a list of writers and their places).
const MAX_LINE: usize = 60;
/// The most tokens after the cue on a line that opens with the outlet ("to this report.").
const MAX_AFTER_CUE: usize = 5;
/// How far after the cue its preposition may stand ("reflect the views of").
const MAX_TO_PREPOSITION: usize = 4;

pub(super) fn find(text: &Text, zones: &Zones) -> Option<Mention> {
    zones
        .cues(text)
        .iter()
        .filter(|&&c| zones.at_top_or_bottom(c) && text.quote_of(c).is_none())
        .find_map(|&c| opening_outlet(text, c).or_else(|| outlet_after(text, c)))
}

/// The first token of the line of token `i`, if it is no more than [`MAX_LINE`] tokens back.
fn line_start(text: &Text, i: usize) -> Option<usize> {
    (i.saturating_sub(MAX_LINE)..=i)
        .rev()
        .find(|&k| k == 0 || text.tokens[k].has(TokenFlags::LINE_BEFORE))
}

/// "CNN's Alex Mooney contributed to this report.": the line opens with a known outlet and ends
/// within a few tokens of cue `c`, which no noun phrase follows.
fn opening_outlet(text: &Text, c: usize) -> Option<Mention> {
    let tokens = &text.tokens;
    let ends_soon = line_ends_within(text, c, MAX_AFTER_CUE + 1);
    // "contributed to this report", "contributed reporting", "contributed.": not "CNN obtained
    // the memo", whose cue takes an object.
    let next = c + 1;
    let no_object = line_ends_before(text, next)
        || text.word(next) == "."
        || tokens[next].info.is(Class::PREP | Class::VERB) && text.word(next) != "by";
    if !ends_soon || !no_object {
        return None;
    }
    outlet_at(text, line_start(text, c)?).filter(|m| m.np.end <= c)
}

/// "originally appeared on X", "do not necessarily reflect those of X": cue `c` is an adverb
/// (not "seen as aligned with Clinton"), and the outlet after the first preposition of its verb
/// closes the line (not "originally planned for Charleston, the rally"). After "by" the name
/// must be a known outlet ("originally published by Jane Doe").
fn outlet_after(text: &Text, c: usize) -> Option<Mention> {
    let tokens = &text.tokens;
    if !tokens[c].has(TokenFlags::LY) {
        return None;
    }
    let limit = (c + 2 + MAX_TO_PREPOSITION).min(tokens.len());
    let prep = (c + 2..limit)
        .take_while(|&k| !tokens[k].has(TokenFlags::LINE_BEFORE))
        .find(|&k| tokens[k].info.is(Class::PREP))?;
    let np = np_after(text, prep + 1, tokens.len())?;
    let end = np.end + usize::from(text.word(np.end) == ".");
    if !line_ends_before(text, end) {
        return None;
    }
    let by = text.word(prep) == "by";
    credited(text, np, !by).filter(|m| !by || super::is_known_outlet(m))
}

#[cfg(test)]
mod tests {
    use crate::publisher::tests::check;

    #[test]
    fn an_outlet_its_reporter_or_its_writers_contributed() {
        check(
            "credit_line",
            &[
                (
                    "Headline\n\nText here.\n\nCNN's Alex Mooney contributed to this report.",
                    "CNN",
                ),
                (
                    "Headline\n\nText here.\n\nFox News’ Jessica Napoli contributed to this report.",
                    "Fox News",
                ),
                (
                    "Headline\n\nText here.\n\nAssociated Press writers Jay Reeves in Birmingham, Ala., and Dave Martin contributed to this report.",
                    "Associated Press",
                ),
                (
                    "Headline\n\nText here.\n\nAP Technology Writer Barbara Ortutay contributed to this report.",
                    "AP",
                ),
                (
                    "Headline\n\nText here.\n\nThe Associated Press contributed to this report.",
                    "Associated Press",
                ),
                (
                    "Headline\n\nText here.\n\nReuters contributed reporting.",
                    "Reuters",
                ),
            ],
        );
    }

    #[test]
    fn a_person_alone_or_a_line_that_runs_on_is_no_credit() {
        check(
            "credit_line",
            &[
                (
                    "Headline\n\nText here.\n\nHeba Habib contributed to this report.",
                    "",
                ),
                (
                    "Headline\n\nText here.\n\nAbigail Williams and Beomsu Jo contributed.",
                    "",
                ),
                (
                    "Headline\n\nText here.\n\nFox News contributed $1 million to the party in 2016.",
                    "",
                ),
                ("Headline\n\nText here.\n\nCNN obtained the memo.", ""),
                (
                    "Headline\n\nText here.\n\nShe said \"Reuters contributed to this report.\"",
                    "",
                ),
            ],
        );
    }

    #[test]
    fn an_outlet_after_the_cue() {
        check(
            "credit_line",
            &[
                (
                    "Headline\n\nText here.\n\nThis article originally appeared on Daily Planet US.",
                    "Daily Planet US",
                ),
                (
                    "Headline\n\nThis story was originally published by Reuters.\n\nText here.",
                    "Reuters",
                ),
                (
                    "Headline\n\nText here.\n\nThe views expressed do not necessarily reflect those of the Gazette.",
                    "the Gazette",
                ),
                (
                    "Headline\n\nText here.\n\nThis essay was originally published by Jane Doe.",
                    "",
                ),
                (
                    "Headline\n\nText here.\n\nThe opinions do not necessarily reflect those of the author.",
                    "",
                ),
                (
                    "Headline\n\nText here.\n\nHe was seen as aligned with Clinton.",
                    "",
                ),
                (
                    "Headline\n\nText here.\n\nIt was originally planned for Charleston, the aides said.",
                    "",
                ),
            ],
        );
    }
}
