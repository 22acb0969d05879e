//! A foot line that credits the story, alone on its line in the bottom paragraphs:
//!
//! - a slash before a name: "/ClubZ" (the slot is an outlet's whatever the name);
//! - a credit word or a copyright sign, then a colon, signs or years, then the outlet: "Source:
//!   BTA", "© 2021 The Associated Press", "(c) Reuters 2020", "Copyright 2019 The Toledo
//!   Blade." (a copyright's holder may have any name, a source must be an outlet);
//! - a known outlet's name and nothing else: "PTI", "Associated Press", "— Reuters";
//! - a journal's citation, name, volume, pages and year: "Nature 574, 16-17 (2019)".
//!
//! Not: "Source BTA" (nothing between the credit word and the name), "source: BTA" (a credit
//! word is capitalized), "Source: Pew Research Center" (no outlet), "Copyright law changed in
//! 2019." (the line runs on), "AUSTRALIA AHEAD" (no outlet).

use crate::lexicon::{Class, lexicon};
use crate::mention::{Mention, np_after};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::{Zones, credited, line_ends_before, line_ends_within, outlet_at};

/// The most tokens of a line that is an outlet's name ("— The Associated Press.").
const MAX_OUTLET_LINE: usize = 8;

pub(super) fn find(text: &Text, zones: &Zones) -> Option<Mention> {
    zones.bottom_paragraphs(text).find_map(|i| {
        slash_line(text, i)
            .or_else(|| credit_line(text, i))
            .or_else(|| outlet_line(text, i))
            .or_else(|| citation(text, i))
    })
}

/// "/ClubZ": any name after a slash that opens the line.
fn slash_line(text: &Text, i: usize) -> Option<Mention> {
    if text.word(i) != "/" {
        return None;
    }
    let np = np_after(text, i + 1, text.tokens.len())?;
    ends_line(text, np.end).then(|| credited(text, np, true))?
}

/// "Source: BTA", "© 2021 The Associated Press", "(c) Reuters 2020", "Copyright 2019 X.".
fn credit_line(text: &Text, i: usize) -> Option<Mention> {
    let tokens = &text.tokens;
    let credit_word =
        tokens[i].info.is(Class::CREDIT) && lexicon().spelled(Class::CREDIT, text.word(i));
    if !credit_word && copyright_sign(text, i) == 0 {
        return None;
    }
    let mut k = i + usize::from(credit_word);
    // A colon, a sign or a year stands between a credit word and the name; a sign or a year
    // makes the name the copyright holder's, who published the story whatever the name.
    let mut copyright = !credit_word;
    let mut marked = copyright;
    while k < tokens.len() && !(k > i && tokens[k].has(TokenFlags::LINE_BEFORE)) {
        let step = match copyright_sign(text, k) {
            0 if text.word(k) == ":" => 1,
            0 if tokens[k].kind == TokenKind::Number => {
                copyright = true;
                1
            }
            sign => {
                copyright |= sign > 0;
                sign
            }
        };
        if step == 0 {
            break;
        }
        marked = true;
        k += step;
    }
    if !marked {
        return None;
    }
    let np = np_after(text, k, tokens.len())?;
    // A year may follow the name: "(c) Reuters 2020".
    let mut end = np.end;
    while end < tokens.len()
        && !tokens[end].has(TokenFlags::LINE_BEFORE)
        && (tokens[end].kind == TokenKind::Number || text.word(end) == ",")
    {
        end += 1;
    }
    ends_line(text, end).then(|| credited(text, np, copyright))?
}

/// How many tokens the copyright sign at `k` takes: "©" one, "(c)" three; 0 for none.
fn copyright_sign(text: &Text, k: usize) -> usize {
    if text.word(k) == "©" {
        1
    } else if text.word(k) == "("
        && text.word(k + 1).eq_ignore_ascii_case("c")
        && text.word(k + 2) == ")"
    {
        3
    } else {
        0
    }
}

/// The line ends at token `end`, or a period, slash or parenthesis closes the name there.
fn ends_line(text: &Text, end: usize) -> bool {
    line_ends_before(text, end) || matches!(text.word(end), "/" | "." | ")")
}

/// "PTI", "Associated Press", "— Reuters": a line after the headline that is a known outlet's
/// name and nothing else (a final period aside).
fn outlet_line(text: &Text, i: usize) -> Option<Mention> {
    if i == 0 || !line_ends_within(text, i, MAX_OUTLET_LINE) {
        return None; // a headline "CNN" heads what CNN says; a long line is no name
    }
    let start = i + usize::from(text.is_dash(i));
    let m = outlet_at(text, start)?;
    let mut end = m.np.end;
    if text.word(end) == "." {
        end += 1;
    }
    line_ends_before(text, end).then_some(m)
}

/// "Nature 574, 16-17 (2019)": a journal's name, a volume, its pages and the year, which close
/// the line. Whatever the name, the slot is a publication's.
fn citation(text: &Text, i: usize) -> Option<Mention> {
    let tokens = &text.tokens;
    let on_line = |k: usize| k < tokens.len() && !tokens[k].has(TokenFlags::LINE_BEFORE);
    let mut k = i;
    while k < tokens.len() && k - i < 5 && tokens[k].is_cap_word() && (k == i || on_line(k)) {
        k += 1;
    }
    let name = TokenRange::new(i, k);
    // The volume, a comma, the pages ("16-17", "e123"), the year in parentheses.
    let is_number = |k: usize| on_line(k) && tokens[k].kind == TokenKind::Number;
    if name.is_empty() || !is_number(k) || text.word(k + 1) != "," || !is_number(k + 2) {
        return None;
    }
    let mut k = k + 3;
    while on_line(k) && (is_number(k) || text.is_dash(k)) {
        k += 1;
    }
    let year = text.word(k) == "(" && is_number(k + 1) && text.word(k + 2) == ")";
    (year && ends_line(text, k + 3)).then(|| credited(text, name, true))?
}

#[cfg(test)]
mod tests {
    use crate::publisher::tests::check;

    #[test]
    fn slash_and_source_lines() {
        check(
            "footer",
            &[
                ("Headline\nText here.\n/ClubZ\nBack", "ClubZ"),
                ("Headline\nText here.\nSource: BTA", "BTA"),
                ("Headline\nText here.\nSources: BTA", "BTA"),
                ("Headline\nText here.\nSOURCE: BTA", "BTA"),
                ("Headline\nText here.\nsource: BTA", ""),
                ("Headline\nText here.\nSource BTA", ""),
            ],
        );
    }

    #[test]
    fn copyright_lines_with_or_without_the_sign() {
        check(
            "footer",
            &[
                (
                    "Headline\n\nText here.\n\n© 2021 The Associated Press",
                    "Associated Press",
                ),
                ("Headline\n\nText here.\n\n© Reuters", "Reuters"),
                ("Headline\n\nText here.\n\n(c) Reuters 2020", "Reuters"),
                (
                    "Headline\n\nText here.\n\nCopyright 2019 Reuters. All rights reserved.",
                    "Reuters",
                ),
                ("Headline\n\nText here.\n\nCOPYRIGHT © 2019 AFP", "AFP"),
                (
                    "Headline\n\nText here.\n\nCopyright 2019 The Toledo Blade.",
                    "The Toledo Blade",
                ),
                ("Headline\n\nText here.\n\nSource: Pew Research Center", ""),
                (
                    "Headline\n\nText here.\n\nCopyright law changed in 2019.",
                    "",
                ),
                ("Headline\n\nText here.\n\nCopyright Reuters", ""),
            ],
        );
    }

    #[test]
    fn a_foot_line_that_is_only_an_outlet() {
        check(
            "footer",
            &[
                ("Headline\n\nText here.\n\nPTI", "PTI"),
                (
                    "Headline\n\nText here.\n\nAssociated Press\n",
                    "Associated Press",
                ),
                ("Headline\n\nText here.\n\n— Reuters.", "Reuters"),
                (
                    "Headline\n\nText here.\n\nAUSTRALIA AHEAD\n\nMore text.",
                    "",
                ),
                (
                    "Headline\n\nText here.\n\nReuters said the talks ended.",
                    "",
                ),
                ("CNN\n\nFLASH: DEMOCRATS WIN THE HOUSE: CNN", ""),
            ],
        );
    }

    #[test]
    fn a_journal_citation() {
        check(
            "footer",
            &[
                (
                    "Headline\n\nText here.\n\nNature 574, 16-17 (2019)",
                    "Nature",
                ),
                (
                    "Headline\n\nText here.\n\nScience 366, 12 (2019).",
                    "Science",
                ),
                ("Headline\n\nText here.\n\nChapter 5, 16 (draft)", ""),
                (
                    "Headline\n\nText here.\n\nOn March 5, 2019 (Tuesday) it rained.",
                    "",
                ),
            ],
        );
    }
}
