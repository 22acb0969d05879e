//! Attribution rules: each finds one pattern of attribution in a sentence and reports it as
//! [`Frame`]s: a cue, the source it names, the content it attributes, and how the frame
//! combines with the others of its sentence (a statement, a relay of another statement, or the
//! origin of one). `assemble` turns a sentence's frames into attributions with chains.
//!
//! The rules are listed in [`RULES`] in priority order: when two rules claim the same cue
//! words, the earlier one wins.

pub mod according_to;
pub mod as_reported_by;
pub mod citing;
pub mod coordinated;
pub mod headline;
pub mod interview;
pub mod inverted;
pub mod participle;
pub mod postposed;
pub mod preposed;
pub mod quoted_as_saying;
pub mod quoted_by;
pub mod verb;
pub mod via;

#[cfg(test)]
pub mod tests;

use crate::lexicon;
use crate::mention::{Mention, Np};
use crate::model::Relation;
use crate::span::Span;
use crate::text::Text;
use crate::text::token::TokenFlags;

/// The sentence a rule looks at.
pub struct Ctx<'t, 'a> {
    pub text: &'t Text<'a>,
    /// Index of the sentence.
    pub sentence: usize,
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// The sentence is the document's headline.
    pub headline: bool,
    /// Tokens outside quotations that some rule starts from: reporting verbs and trigger words.
    triggers: Vec<usize>,
    /// The reporting verbs used as verbs.
    verbs: Vec<verb::VerbHit>,
    /// The subjects of verbs found so far, by the verb's cue: the preposed and postposed rules
    /// both look for the subject of every verb (see [`preposed::subject_of`]).
    pub(crate) subjects: std::cell::RefCell<Vec<(Np, Subject)>>,
}

/// A verb's subject and the appositive describing it, if it has one.
pub(crate) type Subject = Option<(Mention, Option<Np>)>;

impl<'t, 'a> Ctx<'t, 'a> {
    /// The context of sentence `sentence`: where its triggers and verbs are.
    pub fn new(text: &'t Text<'a>, sentence: usize, headline: bool) -> Ctx<'t, 'a> {
        Ctx::with_buffers(text, sentence, headline, Vec::new(), Vec::new())
    }

    /// Like [`Ctx::new`], reusing the vectors of an earlier context ([`Ctx::into_buffers`]).
    pub fn with_buffers(
        text: &'t Text<'a>,
        sentence: usize,
        headline: bool,
        mut triggers: Vec<usize>,
        mut verbs: Vec<verb::VerbHit>,
    ) -> Ctx<'t, 'a> {
        use crate::lexicon::Class;
        let s = text.sentences[sentence];
        triggers.clear();
        verbs.clear();
        // One pass over the sentence's tokens; `in_quote` is looked at only for the few hits.
        for (i, t) in (s.start..).zip(&text.tokens[s.start..s.end]) {
            if t.info.is(Class::VERB | Class::TRIGGER) && text.in_quote[i] == crate::text::NO_QUOTE
            {
                triggers.push(i);
            }
        }
        // A subject is looked for at most once per verb.
        let subjects = Vec::with_capacity(triggers.len());
        let mut ctx = Ctx {
            text,
            sentence,
            start: s.start,
            end: s.end,
            headline,
            triggers,
            verbs: Vec::new(),
            subjects: std::cell::RefCell::new(subjects),
        };
        verbs.extend(ctx.triggers.iter().filter_map(|&i| verb::verb_at(&ctx, i)));
        ctx.verbs = verbs;
        ctx
    }

    /// The vectors of this context, for the next one.
    pub fn into_buffers(self) -> (Vec<usize>, Vec<verb::VerbHit>) {
        (self.triggers, self.verbs)
    }

    /// Reporting verbs and trigger words, in order.
    pub fn triggers(&self) -> &[usize] {
        &self.triggers
    }

    /// The reporting verbs used as verbs, in order.
    pub fn verbs(&self) -> &[verb::VerbHit] {
        &self.verbs
    }
}

impl Ctx<'_, '_> {
    /// The last token before the sentence's final punctuation and closing marks.
    pub fn last_word(&self) -> usize {
        let mut last = self.end - 1;
        while last > self.start {
            let t = &self.text.tokens[last];
            let w = self.text.word(last);
            let closing = matches!(w, "." | "!" | "?" | "..." | "…" | ";")
                || t.is_quote() && !t.has(TokenFlags::SPACE_BEFORE)
                || matches!(w, ")" | "]");
            if !closing {
                break;
            }
            last -= 1;
        }
        last
    }
}

/// How a frame combines with the other frames of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A source's statement with its content: "X said (that) C", "C, X reported".
    Statement,
    /// Passes on another statement: ", quoted by Y", "in an interview with Y".
    Relay(Attach),
    /// The origin of another statement: "citing Y".
    Origin(Attach),
}

/// Which statement a relay or origin belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attach {
    /// The nearest statement whose cue comes before this frame's cue.
    Before,
    /// The nearest statement whose cue comes after.
    After,
    /// The statement whose cue contains this token.
    Cue(usize),
    /// The nearest statement on either side, preferring the one before.
    Nearest,
}

/// What a frame attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Content {
    pub span: Span,
    /// The content is a verbatim quotation.
    pub direct: bool,
    /// Its token range `[first, end)`.
    pub first: usize,
    pub end: usize,
}

/// One attribution cue found by a rule.
#[derive(Clone, Debug)]
pub struct Frame {
    pub rule: RuleId,
    /// Where the frame stands: the cue words, an inclusive token range.
    pub cue: Np,
    /// The cue the hop reports; `None` where no words of its own attribute to the source
    /// ("told TASS": the outlet is a relay through "told", the statement's cue).
    pub hop_cue: Option<Np>,
    pub relation: Relation,
    /// The source as named here; `None` when the rule found none.
    pub source: Option<Mention>,
    /// An appositive that describes the source (", a spokesman for the ministry").
    pub appositive: Option<Np>,
    pub content: Option<Content>,
    pub role: Role,
    /// A communicative act that is not a report of words ("called for", "urged"): it only
    /// counts as the origin of an enclosing statement.
    pub weak: bool,
    /// The source spoke "in a statement" (descriptions like "the statement" refer to it).
    pub statement: bool,
}

impl Frame {
    pub fn new(rule: RuleId, cue: Np, relation: Relation, role: Role) -> Frame {
        Frame {
            rule,
            cue,
            hop_cue: Some(cue),
            relation,
            source: None,
            appositive: None,
            content: None,
            role,
            weak: false,
            statement: false,
        }
    }
}

/// A rule's typed id. [`RuleId::as_str`] is its name in the JSON `rule` field (and the name of
/// its file); [`RuleId::description`] says in one line what it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
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
    /// Not a sentence rule: the assembly gives a quotation standing right after an attribution
    /// the same chain (`assemble::neighbour_quote`).
    NeighbourQuote,
}

impl RuleId {
    /// Every id: the sentence rules in priority order, then the assembly's neighbour quotes.
    pub const ALL: [RuleId; 14] = [
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
        RuleId::NeighbourQuote,
    ];

    /// The rule's name, as written in the output.
    pub const fn as_str(self) -> &'static str {
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
            RuleId::NeighbourQuote => "neighbour_quote",
        }
    }

    /// What the rule matches, in one line (from [`RULES`]).
    pub fn description(self) -> &'static str {
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
pub type RuleFn = fn(&Ctx, &[Frame], &mut Vec<Frame>);

/// A sentence rule: its id, what it matches, and its search.
pub struct Rule {
    pub id: RuleId,
    /// One line for `explain`; the rule file's `//!` header is its documentation.
    pub description: &'static str,
    pub find: RuleFn,
}

/// All sentence rules, most specific first: when two rules claim the same cue words, the
/// earlier one wins.
pub const RULES: &[Rule] = &[
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
];

/// Runs every rule on a sentence; frames whose cue overlaps an earlier rule's are dropped.
pub fn find_frames(ctx: &Ctx) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    if ctx.triggers.is_empty() && !ctx.headline {
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
            let clash = frames
                .iter()
                .any(|f| f.cue.first <= frame.cue.last && frame.cue.first <= f.cue.last);
            if !clash {
                frames.push(frame);
            }
        }
    }
    // A cue inside another frame's source is part of a noun phrase ("Press reports Tuesday
    // said": "reports" is the subject's head, not a verb).
    let sources: Vec<(usize, Np)> = frames
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.source.as_ref().map(|m| (i, m.np)))
        .collect();
    let mut index = 0;
    frames.retain(|f| {
        let me = index;
        index += 1;
        !sources
            .iter()
            .any(|&(i, np)| i != me && np.first <= f.cue.first && f.cue.last <= np.last)
    });
    frames.sort_by_key(|f| f.cue.first);
    frames
}

/// The nearest statement before token `i` in the sentence that names its source.
/// Does the reporting verb at a frame's cue have a reading that `accepts`?
pub fn cue_verb_is(text: &Text, frame: &Frame, accepts: impl Fn(&lexicon::Verb) -> bool) -> bool {
    let lex = lexicon::lexicon();
    lex.verb_forms(text.tokens[frame.cue.first].info)
        .iter()
        .any(|f| accepts(lex.verb(f.verb)))
}

pub fn statement_before(found: &[Frame], i: usize) -> Option<&Frame> {
    found
        .iter()
        .rev()
        .find(|f| f.role == Role::Statement && f.cue.last < i && f.source.is_some())
}

/// The noun phrase opening the sentence, if it names something that can speak (the subject a
/// later verb of the sentence shares: "Blackwell pointed to ..., noting that ...").
pub fn sentence_subject(ctx: &Ctx, before: usize) -> Option<Mention> {
    let text = ctx.text;
    let np = crate::mention::np_after(text, ctx.start, before)?;
    let mention = crate::mention::classify(text, np);
    use crate::mention::MentionKind;
    let speaks = matches!(
        mention.kind,
        MentionKind::Person { .. }
            | MentionKind::Known { .. }
            | MentionKind::Organization { .. }
            | MentionKind::Outlet { .. }
            | MentionKind::Pronoun { .. }
            | MentionKind::Description { .. }
            | MentionKind::Group { .. }
    );
    (speaks && mention.np.first == ctx.start).then_some(mention)
}

/// Content from token `first` up to (not including) `end`, trimmed of punctuation at both ends.
pub fn content_between(text: &Text, first: usize, end: usize) -> Option<Content> {
    let mut first = first;
    let mut end = end;
    let trim = |w: &str| matches!(w, "," | ";" | ":" | "." | "-" | "--" | "—" | "–");
    while first < end && (trim(text.word(first)) || text.word(first) == "that" && first + 1 < end) {
        first += 1;
    }
    while end > first && trim(text.word(end - 1)) {
        end -= 1;
    }
    if end <= first {
        return None;
    }
    // A quotation opened inside keeps its closing mark: "... but added: "Our openness remains.""
    let mut k = end;
    while k < text.tokens.len() && k < end + 3 && !text.tokens[k].has(TokenFlags::PARAGRAPH) {
        if text.tokens[k].is_double_quote() {
            if text
                .quote_of(k - 1)
                .is_some_and(|q| q.close == Some(k) && q.open >= first)
            {
                end = k + 1;
            }
            break;
        }
        if !matches!(text.word(k), "." | "!" | "?" | "," | "...") {
            break;
        }
        k += 1;
    }
    // A quotation that fills the whole stretch is direct speech.
    let direct = text.tokens[first].is_double_quote()
        && text
            .quote_of(first + 1)
            .is_some_and(|q| q.open == first && q.close.is_none_or(|c| c + 1 >= end));
    Some(Content {
        span: text.span(first, end - 1),
        direct,
        first,
        end,
    })
}

/// The quotation that opens at token `i` (its opening mark), as content.
pub fn quote_content(text: &Text, open: usize) -> Option<Content> {
    let quote = text.quote_of(open + 1).filter(|q| q.open == open)?;
    let end = quote.close.map_or(quote.end, |c| c + 1);
    Some(Content {
        span: quote.span,
        direct: true,
        first: open,
        end,
    })
}

/// The quotation that closes at token `i` (its closing mark), as content.
pub fn quote_content_closing(text: &Text, close: usize) -> Option<Content> {
    let q = text.quote_of(close.checked_sub(1)?)?;
    (q.close == Some(close)).then(|| Content {
        span: q.span,
        direct: true,
        first: q.open,
        end: close + 1,
    })
}
