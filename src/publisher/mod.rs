//! Who published the document, from what the text says. Each rule of [`RULES`] looks in one
//! place for one kind of credit, and the first that finds one names the publisher:
//!
//! - a dateline credit ("MOSCOW, Dec 7 (Reuters) -", "/TASS/", "(CNN Business)", "Reuters - The
//!   council voted"), at the top;
//! - a foot line ("/ClubZ", "Source: BTA", "© 2021 The Associated Press", "Copyright 2019 X.",
//!   "PTI", "Nature 574, 16-17 (2019)"), at the bottom;
//! - a credit line ("CNN's Jane Doe contributed to this report", "This article originally
//!   appeared on X", "... do not necessarily reflect those of X"), at the top or the bottom;
//! - a headline suffix ("... - CNN.com"), a byline or a sign-off ("By Jane Doe, Associated
//!   Press", "Jon Sopel, BBC News, Washington");
//! - failing all these, hints that are no credit: a wire agency or a site the sources "told"
//!   ("told AFP", "told CityPaper.com"), a document an outlet obtained ("a memo obtained by X").
//!
//! A rule reads only the top and bottom paragraphs (the sign-off and the hints read short lines
//! and rare words anywhere), finding its words with memchr/memmem or the lexicon's classes, so
//! that `find` stays cheap: a wire story ends at the first rule.

mod byline;
mod credit_line;
mod dateline;
mod domain;
mod footer;
mod headline;
mod hints;

use std::cell::OnceCell;

use crate::lexicon::{Class, NameTarget};
use crate::mention::{Mention, MentionKind, classify, known_name_at};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

pub(crate) use domain::{outlet_by_domain, same_outlet};

/// How many paragraphs from the top a dateline or byline may stand in.
const TOP_PARAGRAPHS: usize = 4;
/// How many paragraphs from the bottom a footer may stand in.
const BOTTOM_PARAGRAPHS: usize = 3;

/// One place where a text may name its publisher.
pub(crate) struct Rule {
    pub name: &'static str,
    /// What it finds, in one line.
    pub description: &'static str,
    /// The text credits the story there; otherwise the rule infers the publisher from how the
    /// text speaks of an outlet (a hint), and a site's own name in metadata beats it.
    pub credit: bool,
    find: fn(&Text, &Zones) -> Option<Mention>,
}

/// The rules in priority order: credits first, then hints.
pub(crate) static RULES: &[Rule] = &[
    Rule {
        name: "dateline",
        description: "a dateline credit at the top: \"MOSCOW (Reuters) -\", \"/TASS/\", \"Reuters - The council voted\"",
        credit: true,
        find: dateline::find,
    },
    Rule {
        name: "footer",
        description: "a foot line: \"/ClubZ\", \"Source: BTA\", \"(c) Reuters 2020\", \"PTI\", \"Nature 574, 16-17 (2019)\"",
        credit: true,
        find: footer::find,
    },
    Rule {
        name: "credit_line",
        description: "a credit line: \"CNN's Jane Doe contributed to this report\", \"This article originally appeared on X\"",
        credit: true,
        find: credit_line::find,
    },
    Rule {
        name: "headline_suffix",
        description: "an outlet after the headline's last dash or bar: \"... - CNN.com\"",
        credit: true,
        find: headline::find,
    },
    Rule {
        name: "byline",
        description: "a byline or a sign-off: \"By Jane Doe, Associated Press\", \"Jon Sopel, BBC News, Washington\"",
        credit: true,
        find: byline::find,
    },
    Rule {
        name: "told",
        description: "a wire agency or a site by its domain the sources told: \"told AFP\", \"told CityPaper.com\"",
        credit: false,
        find: hints::told,
    },
    Rule {
        name: "obtained_by",
        description: "a known outlet that obtained or saw a document: \"a memo obtained by Politico\"",
        credit: false,
        find: hints::obtained_by,
    },
];

/// The publisher a text names, and the rule that found it.
pub(crate) struct Found {
    pub mention: Mention,
    pub rule: &'static Rule,
}

/// The mention naming the publisher, if the text names one.
pub(crate) fn find(text: &Text) -> Option<Found> {
    let zones = Zones::new(text);
    RULES
        .iter()
        .find_map(|rule| (rule.find)(text, &zones).map(|mention| Found { mention, rule }))
}

/// Where the top and bottom paragraphs of a text are, and its credit cues.
pub(super) struct Zones {
    /// The first token after the top paragraphs, where datelines and bylines stand.
    top_end: usize,
    /// The first token of the bottom paragraphs, where footers stand.
    bottom_start: usize,
    /// The tokens of the lexicon's credit cues ("contributed", "obtained"), found on first use.
    cues: OnceCell<Vec<usize>>,
}

impl Zones {
    fn new(text: &Text) -> Zones {
        // Paragraph numbers never decrease from one sentence to the next.
        let sentences = &text.sentences;
        let last = sentences.last().map_or(0, |s| s.paragraph);
        let start_of = |n: usize| sentences.get(n).map_or(text.tokens.len(), |s| s.start);
        let top_end = start_of(sentences.partition_point(|s| s.paragraph <= TOP_PARAGRAPHS));
        let bottom = sentences.partition_point(|s| s.paragraph + BOTTOM_PARAGRAPHS <= last);
        Zones {
            top_end,
            bottom_start: start_of(bottom),
            cues: OnceCell::new(),
        }
    }

    /// The tokens of credit cues, in order (one pass over the tokens' classes, in the few texts
    /// that have one).
    fn cues(&self, text: &Text) -> &[usize] {
        self.cues.get_or_init(|| {
            if !text.classes.contains(Class::CREDIT_CUE) {
                return Vec::new();
            }
            let tokens = text.tokens.iter().enumerate();
            tokens
                .filter(|(_, t)| t.info.is(Class::CREDIT_CUE))
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// The first tokens of the top paragraphs, from the first.
    fn top_paragraphs<'t>(&self, text: &'t Text) -> impl Iterator<Item = usize> + 't {
        let end = self.top_end;
        text.sentences
            .iter()
            .map(|s| s.start)
            .take_while(move |&i| i < end)
            .filter(|&i| opens_paragraph(text, i))
    }

    /// The first tokens of the bottom paragraphs, from the last.
    fn bottom_paragraphs<'t>(&self, text: &'t Text) -> impl Iterator<Item = usize> + 't {
        let start = self.bottom_start;
        text.sentences
            .iter()
            .rev()
            .map(|s| s.start)
            .take_while(move |&i| i >= start)
            .filter(|&i| opens_paragraph(text, i))
    }

    /// Is token `i` in the top or the bottom paragraphs?
    fn at_top_or_bottom(&self, i: usize) -> bool {
        i < self.top_end || i >= self.bottom_start
    }
}

/// Does token `i` open a paragraph (a paragraph always starts a sentence)?
fn opens_paragraph(text: &Text, i: usize) -> bool {
    i == 0 || text.tokens[i].has(TokenFlags::PARAGRAPH)
}

/// Does a line end before one of the `n` tokens after token `i`?
fn line_ends_within(text: &Text, i: usize, n: usize) -> bool {
    (i + 1..=i + n).any(|k| line_ends_before(text, k))
}

/// Does a line end before token `i` (or the text)?
fn line_ends_before(text: &Text, i: usize) -> bool {
    text.tokens
        .get(i)
        .is_none_or(|t| t.has(TokenFlags::LINE_BEFORE))
}

/// The tokens that start at the bytes `hits` and pass `wanted`, in order. The publisher's words
/// are rare: searching the text for them (up to [`Text::byte_before`] the last token that
/// counts) is far cheaper than reading every token, and in an article without paragraph breaks
/// "the top" where datelines stand runs to its end.
fn tokens_at(
    text: &Text,
    hits: impl Iterator<Item = usize>,
    wanted: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut found: Vec<usize> = hits
        .filter_map(|at| text.token_starting_at(at))
        .filter(|&i| wanted(i))
        .collect();
    found.sort_unstable();
    found
}

/// A name that can be a publisher: an outlet, or an unknown capitalized name in a slot that only
/// outlets fill (a dateline credit, a "/Name" footer).
fn outlet_in(text: &Text, np: TokenRange, slot_is_for_outlets: bool) -> Option<Mention> {
    let mention = classify(text, np);
    match &mention.kind {
        MentionKind::Known {
            target: NameTarget::Outlet(_),
            ..
        }
        | MentionKind::Outlet { .. } => Some(mention),
        MentionKind::Person { .. }
        | MentionKind::Organization { .. }
        | MentionKind::Known { .. }
            if slot_is_for_outlets =>
        {
            // "(UPI)", "/ClubZ/": the slot says it is an outlet whatever the name looks like.
            Some(Mention {
                np,
                kind: MentionKind::Outlet { name: np },
            })
        }
        _ => None,
    }
}

/// The known outlet whose name starts at token `i`, or right after a determiner there ("The
/// Associated Press"), as a mention of just its name.
fn outlet_at(text: &Text, i: usize) -> Option<Mention> {
    let last = text.tokens.len().checked_sub(1)?;
    if i > last {
        return None;
    }
    // "The Hill" or "The Associated Press"; a determiner before a lower-case word opens no name.
    let det = text.tokens[i].info.is(Class::DET);
    if det && !text.tokens.get(i + 1).is_some_and(|t| t.is_cap_word()) {
        return None;
    }
    let starts = [Some(i), det.then_some(i + 1)];
    let (target, name) = starts.into_iter().flatten().find_map(|k| {
        known_name_at(text, k, last)
            .filter(|(target, _, _)| matches!(target, NameTarget::Outlet(_)))
            .map(|(target, end, _)| (target, TokenRange::new(k, end + 1)))
    })?;
    Some(Mention {
        np: name,
        kind: MentionKind::Known { target, name },
    })
}

/// The outlet a credit names: a known outlet that opens the name is that outlet whatever words
/// follow, which name a section or an edition ("CNN Business", "BBC Sport"); otherwise the name
/// as [`outlet_in`] takes it.
fn credited(text: &Text, np: TokenRange, slot_is_for_outlets: bool) -> Option<Mention> {
    outlet_at(text, np.start)
        .filter(|m| m.np.end <= np.end)
        .or_else(|| outlet_in(text, np, slot_is_for_outlets))
}

/// Is the mention a known outlet of the lexicon (not one recognized by its shape)?
fn is_known_outlet(mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Known {
            target: NameTarget::Outlet(_),
            ..
        }
    )
}

#[cfg(test)]
mod tests;
