//! What a rule reports: a [`Frame`] (a cue, its source, its content) and how it combines with
//! the other frames of its sentence ([`Role`], [`Attach`]).

use crate::lexicon::{self, Verb};
use crate::mention::Mention;
use crate::model::Relation;
use crate::rules::RuleId;
use crate::span::Span;
use crate::text::Text;
use crate::text::TokenRange;

/// How a frame combines with the other frames of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A source's statement with its content: "X said (that) C", "C, X reported".
    Statement,
    /// Passes on another statement: ", quoted by Y", "in an interview with Y".
    Relay(Attach),
    /// The origin of another statement: "citing Y".
    Origin(Attach),
}

/// Which statement a relay or origin belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attach {
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
pub(crate) struct Content {
    pub span: Span,
    /// The content is a verbatim quotation.
    pub direct: bool,
    /// Its tokens.
    pub tokens: TokenRange,
}

/// One attribution cue found by a rule.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub rule: RuleId,
    /// Where the frame stands: the cue words, an inclusive token range.
    pub cue: TokenRange,
    /// The cue the hop reports; `None` where no words of its own attribute to the source
    /// ("told TASS": the outlet is a relay through "told", the statement's cue).
    pub hop_cue: Option<TokenRange>,
    pub relation: Relation,
    /// The source as named here; `None` when the rule found none.
    pub source: Option<Mention>,
    /// An appositive that describes the source (", a spokesman for the ministry").
    pub appositive: Option<TokenRange>,
    pub content: Option<Content>,
    pub role: Role,
    /// A communicative act that is not a report of words ("called for", "urged"): it only
    /// counts as the origin of an enclosing statement.
    pub weak: bool,
    /// The source spoke "in a statement" (descriptions like "the statement" refer to it).
    pub statement: bool,
}

impl Frame {
    /// A frame of rule `rule` at cue words `cue`, whose hop cue is the cue; no source or
    /// content yet.
    pub(crate) fn new(rule: RuleId, cue: TokenRange, relation: Relation, role: Role) -> Frame {
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

    /// Does the frame say where its content came from rather than what its source said in
    /// words of its own: "according to X", "as reported by Y"? A statement standing in such a
    /// content ("According to Reuters, the minister said ...") is the origin of the content.
    pub(crate) fn passes_on(&self) -> bool {
        matches!(self.rule, RuleId::AccordingTo | RuleId::AsReportedBy)
            && self.role == Role::Statement
    }

    /// Does the reporting verb at the frame's cue have a reading that `accepts`?
    pub(crate) fn cue_verb_is(&self, text: &Text, accepts: impl Fn(&Verb) -> bool) -> bool {
        let lex = lexicon::lexicon();
        lex.verb_forms(text.tokens[self.cue.start].info)
            .iter()
            .any(|f| accepts(lex.verb(f.verb)))
    }
}
