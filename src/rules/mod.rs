//! Attribution rules: each finds one pattern of attribution in a sentence and reports it as
//! [`Frame`]s: a cue, the source it names, the content it attributes, and how the frame
//! combines with the others of its sentence (a statement, a relay of another statement, or the
//! origin of one). `assemble` turns a sentence's frames into attributions with chains.
//!
//! One file per rule, named after its [`RuleId`]; its `//!` header says what it matches, with
//! examples and counter-examples, and its tests run them through the shared `check` helper
//! (`tests.rs`). The rules are listed once, in [`RULES`], in priority order: when two rules
//! claim the same cue words, the earlier one wins. Rules share the helpers of `clause`
//! (subjects, contents, adjuncts, sources) and [`verb`] (reporting verbs used as verbs), the
//! sentence's [`Ctx`], and never import each other.

pub(crate) mod clause;
mod ctx;
mod frame;

pub(crate) mod according_to;
pub(crate) mod as_reported_by;
pub(crate) mod citing;
pub(crate) mod coordinated;
pub(crate) mod headline;
pub(crate) mod interview;
pub(crate) mod inverted;
pub(crate) mod nominal;
pub(crate) mod participle;
pub(crate) mod postposed;
pub(crate) mod preposed;
pub(crate) mod quoted_as_saying;
pub(crate) mod quoted_by;
pub(crate) mod verb;
pub(crate) mod via;

#[cfg(test)]
pub(crate) mod tests;

pub(crate) use ctx::{Buffers, Ctx};
pub(crate) use frame::{Attach, Content, Frame, Role};

use crate::lexicon::Class;
use crate::text::token::{Token, TokenKind};
use crate::text::{Text, TokenRange};

/// A rule's typed id. [`RuleId::as_str`] is its name in the JSON `rule` field (and the name of
/// its file); [`RuleId::description`] says in one line what it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum RuleId {
    QuotedAsSaying,
    QuotedBy,
    AccordingTo,
    AsReportedBy,
    Citing,
    Interview,
    Via,
    Headline,
    Inverted,
    Postposed,
    Preposed,
    Participle,
    Coordinated,
    Nominal,
    /// Not a sentence rule: the assembly gives a quotation standing right after an attribution
    /// the same chain (`assemble::neighbour_quote`).
    NeighbourQuote,
}

impl RuleId {
    /// Every id: the sentence rules in priority order, then the assembly's neighbour quotes.
    #[cfg(test)]
    pub(crate) const ALL: [RuleId; 15] = [
        RuleId::QuotedAsSaying,
        RuleId::QuotedBy,
        RuleId::AccordingTo,
        RuleId::AsReportedBy,
        RuleId::Citing,
        RuleId::Interview,
        RuleId::Via,
        RuleId::Headline,
        RuleId::Inverted,
        RuleId::Postposed,
        RuleId::Preposed,
        RuleId::Participle,
        RuleId::Coordinated,
        RuleId::Nominal,
        RuleId::NeighbourQuote,
    ];

    /// The rule's name, as written in the output.
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            RuleId::QuotedAsSaying => "quoted_as_saying",
            RuleId::QuotedBy => "quoted_by",
            RuleId::AccordingTo => "according_to",
            RuleId::AsReportedBy => "as_reported_by",
            RuleId::Citing => "citing",
            RuleId::Interview => "interview",
            RuleId::Via => "via",
            RuleId::Headline => "headline",
            RuleId::Inverted => "inverted",
            RuleId::Postposed => "postposed",
            RuleId::Preposed => "preposed",
            RuleId::Participle => "participle",
            RuleId::Coordinated => "coordinated",
            RuleId::Nominal => "nominal",
            RuleId::NeighbourQuote => "neighbour_quote",
        }
    }

    /// What the rule matches, in one line (from [`RULES`]).
    pub(crate) fn description(self) -> &'static str {
        match self {
            RuleId::NeighbourQuote => NEIGHBOUR_QUOTE,
            id => RULES
                .iter()
                .find(|rule| rule.id == id)
                .map_or("", |rule| rule.description),
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The description of [`RuleId::NeighbourQuote`], the one id that is no sentence rule.
const NEIGHBOUR_QUOTE: &str = "a quotation right after an attribution, with only punctuation \
     between, is the same speaker's: \"...,\" she said. \"I was surprised.\"";

/// A rule's search: finds its pattern in one sentence, seeing the frames earlier rules found
/// there.
pub(crate) type RuleFn = fn(&Ctx, &[Frame], &mut Vec<Frame>);

/// A sentence rule: its id, what it matches, and its search.
pub(crate) struct Rule {
    pub id: RuleId,
    /// One line for `explain`; the rule file's `//!` header is its documentation.
    pub description: &'static str,
    pub find: RuleFn,
}

/// All sentence rules, most specific first: when two rules claim the same cue words, the
/// earlier one wins.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        id: RuleId::QuotedAsSaying,
        description: "\"X was quoted (by Y) as saying C\", \"Y quoted X as saying C\": X said C, Y relayed it",
        find: quoted_as_saying::find,
    },
    Rule {
        id: RuleId::QuotedBy,
        description: "\", quoted by Y\" after a statement, \"X quoted by Y said C\": Y relayed X's words",
        find: quoted_by::find,
    },
    Rule {
        id: RuleId::AccordingTo,
        description: "\"according to X\": the rest of the sentence is X's (not \"according to plan\")",
        find: according_to::find,
    },
    Rule {
        id: RuleId::AsReportedBy,
        description: "\"as reported by Y\", \"as Y reported\", \"first reported by Y\": Y is where C came from",
        find: as_reported_by::find,
    },
    Rule {
        id: RuleId::Citing,
        description: "\"citing X\": X is the origin of the statement it attaches to",
        find: citing::find,
    },
    Rule {
        id: RuleId::Interview,
        description: "an outlet spoken to relays the statement: \"told TASS\", \"in an interview with CNN\"",
        find: interview::find,
    },
    Rule {
        id: RuleId::Via,
        description: "\"via Y\" after a statement, Y an outlet: the statement reached us through Y",
        find: via::find,
    },
    Rule {
        id: RuleId::Headline,
        description: "a headline's source: \"...: NY Times\", \"Lavrov: talks useful\"",
        find: headline::find,
    },
    Rule {
        id: RuleId::Inverted,
        description: "the content, the cue, then the source: \"..., said Steve Cowan, a spokesman\"",
        find: inverted::find,
    },
    Rule {
        id: RuleId::Postposed,
        description: "the content, then the source and the cue: \"..., the Associated Press reported\"",
        find: postposed::find,
    },
    Rule {
        id: RuleId::Preposed,
        description: "the source, the cue, then the content: \"Sullivan said (that) C\", \"officials say C\"",
        find: preposed::find,
    },
    Rule {
        id: RuleId::Participle,
        description: "a participle clause adding a statement of the clause's subject: \"..., noting that C\"",
        find: participle::find,
    },
    Rule {
        id: RuleId::Coordinated,
        description: "a second reporting verb of the same subject: \"X said C, but added: C2\"",
        find: coordinated::find,
    },
    Rule {
        id: RuleId::Nominal,
        description: "a claim owned by its speaker, with a \"that\" clause: \"Trump's claim that C\"",
        find: nominal::find,
    },
];

/// Runs every rule on a sentence; frames whose cue overlaps an earlier rule's are dropped.
pub(crate) fn find_frames(ctx: &Ctx) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    if ctx.triggers().is_empty() && !ctx.headline {
        return frames;
    }
    let mut scratch = Vec::new();
    for rule in RULES {
        scratch.clear();
        (rule.find)(ctx, &frames, &mut scratch);
        // Most rules find nothing in most sentences: skip the drain's set-up and tear-down.
        if scratch.is_empty() {
            continue;
        }
        for frame in scratch.drain(..) {
            let clash = frames.iter().any(|f| f.cue.overlaps(frame.cue));
            if !clash {
                frames.push(frame);
            }
        }
    }
    // A cue inside another frame's source is part of a noun phrase ("Press reports Tuesday
    // said": "reports" is the subject's head, not a verb).
    let sources: Vec<(usize, TokenRange)> = frames
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.source.as_ref().map(|m| (i, m.np)))
        .collect();
    let mut index = 0;
    frames.retain(|f| {
        let me = index;
        index += 1;
        !sources.iter().any(|&(i, np)| i != me && np.covers(f.cue))
    });
    frames.sort_by_key(|f| f.cue.start);
    end_contents_at_coordinated_statements(ctx.text, &mut frames);
    frames
}

/// A content after its cue ends where a statement of a new subject joined by a conjunction
/// begins: in "One in three said the party doesn't care, and one in four said it was hostile"
/// the second statement is not inside the first. Without the conjunction the statement is
/// part of what was said ("Sullivan said Biden had told Putin ...").
fn end_contents_at_coordinated_statements(text: &Text, frames: &mut [Frame]) {
    for i in 0..frames.len() {
        let Some(content) = frames[i].content else {
            continue;
        };
        if content.direct || content.tokens.start <= frames[i].cue.last() {
            continue;
        }
        let cut = frames.iter().enumerate().find_map(|(j, other)| {
            let source = other.source.as_ref()?;
            let start = source.np.start;
            let inside = start > content.tokens.start + 1 && other.cue.end <= content.tokens.end;
            (j != i && other.role == Role::Statement && inside)
                .then(|| coordination_before(text, start))
                .flatten()
        });
        if let Some(cut) = cut
            && let Some(shorter) = clause::content_between(text, content.tokens.start, cut)
        {
            frames[i].content = Some(shorter);
        }
    }
}

/// How far before a source's noun phrase the conjunction joining its clause may stand: the
/// phrase may have begun before the words the source names ("and more than 4 in 10 said").
const COORDINATION_REACH: usize = 5;

/// The start of a conjunction joining a clause shortly before token `start` (", and", "but",
/// "; "), if one stands there with only plain words between ("and one in four").
fn coordination_before(text: &Text, start: usize) -> Option<usize> {
    let lo = start.saturating_sub(COORDINATION_REACH);
    let plain_word = |t: &Token| {
        matches!(t.kind, TokenKind::Word | TokenKind::Number)
            && !t.info.is(Class::LINK | Class::VERB | Class::REL)
    };
    let link = (lo..start).rev().find(|&k| !plain_word(&text.tokens[k]))?;
    let t = &text.tokens[link];
    let joins = t.info.is(Class::LINK) && t.info.is(Class::CONJ) || text.word(link) == ";";
    if !joins {
        return None;
    }
    Some(if link > 0 && text.word(link - 1) == "," {
        link - 1
    } else {
        link
    })
}
