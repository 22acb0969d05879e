//! Which statement holds which: a statement's parent is the innermost other statement whose
//! content holds it ("Sullivan said Biden had told Putin that ...": Biden's statement is inside
//! Sullivan's). A statement nested at the very start of a content that comes before its cue is
//! that statement's origin ("Macron said ..., AFP reported": Macron → AFP).

use crate::lexicon::Class;
use crate::mention::MentionKind;
use crate::rules::{Content, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

/// The parents of a sentence's frames, by frame index.
pub(super) struct Nesting {
    parent: Vec<Option<usize>>,
}

impl Nesting {
    /// The parents of the statements among `frames` (sorted by cue); relays and origins have
    /// none. Walking up the parents always ends.
    pub(super) fn of(text: &Text, frames: &[Frame]) -> Nesting {
        let mut parent: Vec<Option<usize>> = (0..frames.len())
            .map(|j| parent_of(text, frames, j))
            .collect();
        break_cycles(&mut parent, frames);
        Nesting { parent }
    }

    /// The innermost statement whose content holds frame `i`.
    pub(super) fn parent(&self, i: usize) -> Option<usize> {
        self.parent[i]
    }

    /// The top-level statement holding frame `i` (itself if none does).
    pub(super) fn top(&self, mut i: usize) -> usize {
        while let Some(p) = self.parent[i] {
            i = p;
        }
        i
    }

    /// The statements of no other statement's content, in order.
    pub(super) fn top_level<'f>(&'f self, frames: &'f [Frame]) -> impl Iterator<Item = usize> + 'f {
        (0..frames.len()).filter(|&i| frames[i].role == Role::Statement && self.parent[i].is_none())
    }

    /// Statement `i` and, one inside the other, the statements that are its origin (see
    /// [`Nesting::inner_origin`]), into `chain`: `i` first, the innermost last.
    pub(super) fn origins(&self, text: &Text, frames: &[Frame], i: usize, chain: &mut Vec<usize>) {
        chain.clear();
        chain.push(i);
        let mut at = i;
        while let Some(inner) = self.inner_origin(text, frames, at) {
            if chain.contains(&inner) {
                break;
            }
            chain.push(inner);
            at = inner;
        }
    }

    /// The statement nested at the very start of statement `i`'s content is its origin, when
    /// `i` reports the clause before it ("Macron said ..., AFP reported") or passes its
    /// content on ("According to Reuters, the minister said ..."); what a preposed statement
    /// says is its content, not a relay ("Sullivan said Biden had told Putin that ..." is
    /// Sullivan's statement). So is a statement that fills the content before `i`'s cue and
    /// ends it ("No damage was reported, the ministry said, according to Reuters": the
    /// ministry → Reuters), but not one inside it ("The deal failed after Macron said it
    /// would, AFP reported").
    fn inner_origin(&self, text: &Text, frames: &[Frame], i: usize) -> Option<usize> {
        let content = frames[i].content?;
        let before = content.tokens.start <= frames[i].cue.last();
        if !before && !frames[i].passes_on() {
            return None;
        }
        (0..frames.len())
            .filter(|&j| self.parent[j] == Some(i))
            .filter(|&j| {
                let opening = frames[j]
                    .source
                    .as_ref()
                    .is_some_and(|m| opens(text, content.tokens.start, m.np.start));
                opening || before && fills(text, frames, &content, j)
            })
            .min_by_key(|&j| frames[j].cue.start)
    }
}

/// The innermost other statement whose content holds statement `j`, after the tie-breaks of
/// [`holds`].
fn parent_of(text: &Text, frames: &[Frame], j: usize) -> Option<usize> {
    if frames[j].role != Role::Statement {
        return None;
    }
    (0..frames.len())
        .filter(|&i| i != j && frames[i].role == Role::Statement)
        .filter_map(|i| Some((i, frames[i].content?)))
        .filter(|&(i, content)| holds(text, frames, i, &content, j))
        .map(|(i, content)| (i, content.tokens.end - content.tokens.start))
        // The smallest content, the first of a tie.
        .fold(None, |best: Option<(usize, usize)>, (i, size)| {
            if best.is_none_or(|(_, s)| size < s) {
                Some((i, size))
            } else {
                best
            }
        })
        .map(|(i, _)| i)
}

/// Does statement `i`'s content `content` hold statement `j`?
fn holds(text: &Text, frames: &[Frame], i: usize, content: &Content, j: usize) -> bool {
    if !inside(&frames[j], content) {
        return false;
    }
    // Each inside the other ("X said that C, the agency recalled"): the later cue is the outer
    // statement, unless it is an inverted cue inside the earlier statement's words ("Kiedis
    // said his band, AKA Danger Mouse, wrote a host of songs"). An inverted "said" takes no
    // object, so it is the outer statement ("Obama warned the leader not to move, said an
    // American official").
    let mutual = frames[j].content.is_some_and(|c| inside(&frames[i], &c));
    let later_inverted = |a: usize, b: usize| {
        let said = frames[a].cue_verb_is(text, |verb| verb.lemma == "say");
        frames[a].cue.start > frames[b].cue.start && frames[a].rule == RuleId::Inverted && !said
    };
    if mutual && frames[i].cue.start < frames[j].cue.start && !later_inverted(j, i) {
        return false;
    }
    if mutual && later_inverted(i, j) {
        return false;
    }
    // A statement opening a clause of its own after an earlier cue ("..., and Trump has said",
    // "..., the Georgian minister said") is not part of that content.
    let opens_content = frames[j]
        .source
        .as_ref()
        .is_some_and(|m| m.np.start <= content.tokens.start + 1);
    !(clause_initial(text, &frames[j])
        && frames[i].cue.start < frames[j].cue.start
        && !opens_content)
}

/// Are the frame's cue and source inside `content`?
fn inside(frame: &Frame, content: &Content) -> bool {
    let in_range =
        |first: usize, last: usize| content.tokens.start <= first && last < content.tokens.end;
    in_range(frame.cue.start, frame.cue.last())
        && frame
            .source
            .as_ref()
            .is_none_or(|m| in_range(m.np.start, m.np.last()))
}

/// How many words of a phrase may stand between a clause's opening and its statement's
/// source ("while only 49 percent of Republicans say", "at the town hall this week she said").
const MAX_CLAUSE_LEAD: usize = 6;

/// Does the frame's source open a new clause (after a comma, a semicolon, a conjunction), maybe
/// after a few words of its own phrase or an adverbial ("..., while nine in 10 said", "..., at
/// the town hall this week she said")? Not after a verb or a relative pronoun ("the plan,
/// which officials say works"), nor a relative pronoun in its phrase ("unlike 30 percent who
/// say").
fn clause_initial(text: &Text, frame: &Frame) -> bool {
    let Some(source) = &frame.source else {
        return false;
    };
    let preposed = frame
        .content
        .is_some_and(|c| c.tokens.start > frame.cue.last());
    if !preposed || source.np.start == 0 {
        return false;
    }
    let opens = |k: usize| {
        let token = &text.tokens[k];
        matches!(text.word(k), "," | ";" | ":" | "—" | "–" | "--")
            || token.info.is(Class::LINK) && !token.has(TokenFlags::CAP)
    };
    let lead = |k: usize| {
        let t = &text.tokens[k];
        matches!(t.kind, TokenKind::Word | TokenKind::Number)
            && !t
                .info
                .is(Class::VERB | Class::REL | Class::AUX | Class::LINK)
    };
    // A relative pronoun speaks inside its phrase ("unlike 30 percent who say").
    let reach = if matches!(source.kind, MentionKind::Relative) {
        0
    } else {
        MAX_CLAUSE_LEAD
    };
    let lo = source.np.start.saturating_sub(reach + 1);
    let Some(opener) = (lo..source.np.start).rev().find(|&k| !lead(k)) else {
        return false;
    };
    // The words between open a phrase or an adverbial, not a noun a reduced relative clause
    // describes ("..., something she has asked", "- names he said would be released").
    let first = opener + 1;
    let opening = first == source.np.start || {
        let t = &text.tokens[first];
        t.kind == TokenKind::Number
            || t.has(TokenFlags::LY)
            || t.info.is(Class::PREP
                | Class::ADV
                | Class::SUB
                | Class::DET
                | Class::QUANTITY
                | Class::TIME)
    };
    opens(opener) && opening
}

/// Statements each inside the other's content can point at each other as parents when the
/// tie-breaks of [`holds`] do not separate them (odd punctuation, three statements sharing
/// words). Every cycle is cut at the statement with the widest content, which is then a
/// top-level statement, so walking up the parents always ends.
fn break_cycles(parent: &mut [Option<usize>], frames: &[Frame]) {
    let width = |i: usize| {
        frames[i]
            .content
            .map_or(0, |c| c.tokens.end - c.tokens.start)
    };
    for start in 0..parent.len() {
        let mut path = Vec::new();
        let mut at = start;
        while let Some(p) = parent[at] {
            path.push(at);
            if let Some(from) = path.iter().position(|&k| k == p) {
                let cycle = &path[from..];
                let widest = cycle
                    .iter()
                    .copied()
                    .max_by_key(|&k| (width(k), std::cmp::Reverse(k)))
                    .unwrap_or(p);
                parent[widest] = None;
                break;
            }
            if path.len() > parent.len() {
                break;
            }
            at = p;
        }
    }
}

/// Does statement `j` fill `content`: its own content starts where `content` does, and its
/// cue and source end it ("No damage was reported, the ministry said" before ", according to
/// Reuters"; ""Rates will rise," said one economist" before ", as reported by the Guardian"),
/// maybe with a relay of its own ("Carson noted in an interview with a podcast").
fn fills(text: &Text, frames: &[Frame], content: &Content, j: usize) -> bool {
    let frame = &frames[j];
    let Some(own) = frame.content else {
        return false;
    };
    let end_of = |f: &Frame| {
        f.source
            .as_ref()
            .map_or(f.cue.last(), |m| m.np.last().max(f.cue.last()))
    };
    let mut last = end_of(frame);
    for f in frames.iter().skip(j + 1) {
        if f.role != Role::Statement && f.cue.start > last && f.cue.start <= last + 2 {
            last = last.max(end_of(f));
        }
    }
    let closing = |k: usize| text.tokens[k].kind == TokenKind::Punct || text.tokens[k].is_quote();
    let ends = (last + 1..content.tokens.end).all(closing);
    own.tokens.start <= content.tokens.start + 1 && ends
}

/// Does a source at token `source` open a content starting at token `first`: right at its
/// start (or after one token, a quotation mark or "But"), or after a short introductory phrase
/// and its comma ("Afterward, Sondland said ..., Morrison testified", "On Tuesday, the
/// ministry said ..., TASS reported")?
fn opens(text: &Text, first: usize, source: usize) -> bool {
    if source <= first + 1 {
        return true;
    }
    let short = source - first <= 5;
    let plain = (first..source - 1).all(|k| {
        let t = &text.tokens[k];
        matches!(t.kind, TokenKind::Word | TokenKind::Number) && !t.info.is(Class::VERB)
    });
    short && plain && text.word(source - 1) == ","
}

#[cfg(test)]
mod tests {
    use super::{Nesting, break_cycles};
    use crate::lexicon::lexicon;
    use crate::model::Relation;
    use crate::rules::{Content, Ctx, Frame, Role, RuleId, find_frames};
    use crate::span::Span;
    use crate::text::Text;
    use crate::text::TokenRange;

    /// The parent of each frame of `input`'s first sentence, both named by their cue's first
    /// word, and the chain of origins of each top-level statement.
    fn check(input: &str, parents: &[(&str, Option<&str>)], chains: &[&[&str]]) {
        let text = Text::new(input, lexicon());
        let frames = find_frames(&Ctx::new(&text, 0, false));
        let nesting = Nesting::of(&text, &frames);
        let cue = |i: usize| text.word(frames[i].cue.start);
        let got: Vec<(&str, Option<&str>)> = (0..frames.len())
            .map(|i| (cue(i), nesting.parent(i).map(cue)))
            .collect();
        assert_eq!(got, parents, "\ninput: {input}");
        let mut chain = Vec::new();
        let got: Vec<Vec<&str>> = nesting
            .top_level(&frames)
            .map(|i| {
                nesting.origins(&text, &frames, i, &mut chain);
                chain.iter().map(|&k| cue(k)).collect()
            })
            .collect();
        assert_eq!(got, chains, "\ninput: {input}");
    }

    #[test]
    fn what_a_preposed_statement_says_is_its_content() {
        check(
            "Sullivan said Biden had told Putin that Russia would pay.",
            &[("said", None), ("told", Some("said"))],
            &[&["said"]],
        );
    }

    #[test]
    fn a_statement_opening_a_reported_clause_is_its_origin() {
        check(
            "Macron said the talks failed, AFP reported.",
            &[("said", Some("reported")), ("reported", None)],
            &[&["reported", "said"]],
        );
        check(
            "On Tuesday, Macron said the talks failed, AFP reported.",
            &[("said", Some("reported")), ("reported", None)],
            &[&["reported", "said"]],
        );
    }

    #[test]
    fn a_statement_inside_the_words_of_another_is_no_origin() {
        check(
            "The deal failed after Macron said it would, AFP reported.",
            &[("said", Some("reported")), ("reported", None)],
            &[&["reported"]],
        );
    }

    #[test]
    fn each_inside_the_other_the_later_cue_is_outer_unless_inverted() {
        // "wrote" is an inverted cue inside Kiedis's words.
        check(
            "Kiedis said his band, AKA Danger Mouse, wrote a host of songs.",
            &[("said", None), ("wrote", Some("said"))],
            &[&["said"]],
        );
        // An inverted "said" takes no object: it is the outer statement.
        check(
            "Obama warned the leader not to move, said an American official.",
            &[("warned", Some("said")), ("said", None)],
            &[&["said", "warned"]],
        );
    }

    #[test]
    fn a_statement_opening_a_clause_of_its_own_is_no_part_of_the_content() {
        check(
            "Clinton said the race was close, and Trump has said it is over.",
            &[("said", None), ("said", None)],
            &[&["said"], &["said"]],
        );
        // A few words of the source's phrase, or an adverbial, may open the clause.
        check(
            "Most Democrats say they are satisfied, while only 49 percent of Republicans say so.",
            &[("say", None), ("say", None)],
            &[&["say"], &["say"]],
        );
        // Not after a noun a reduced relative clause describes, nor after a relative pronoun:
        // the statement is part of the content.
        check(
            "Clinton called for plans, something she has repeatedly asked of Sanders.",
            &[("called", None), ("asked", Some("called"))],
            &[&["called"]],
        );
        check(
            "Clinton said the plan, which many officials say works, is good.",
            &[("said", None), ("say", Some("said"))],
            &[&["said"]],
        );
    }

    #[test]
    fn relays_and_origins_have_no_parent() {
        check(
            "The deal failed, the minister said, citing officials.",
            &[("said", None), ("citing", None)],
            &[&["said"]],
        );
    }

    /// A statement with a cue at token `cue` and a content of `width` tokens.
    fn statement(cue: usize, width: usize) -> Frame {
        let mut frame = Frame::new(
            RuleId::Preposed,
            TokenRange::one(cue),
            Relation::Said,
            Role::Statement,
        );
        frame.content = Some(Content {
            span: Span::new(0, 0),
            direct: false,
            tokens: TokenRange::new(cue + 1, cue + 1 + width),
        });
        frame
    }

    #[test]
    fn every_cycle_is_cut_at_its_widest_statement() {
        let frames = [statement(0, 3), statement(1, 8), statement(2, 5)];
        let mut parent = vec![Some(1), Some(2), Some(0)];
        break_cycles(&mut parent, &frames);
        assert_eq!(parent, [Some(1), None, Some(0)]);
        // Of two as wide, the first.
        let frames = [statement(0, 4), statement(1, 4)];
        let mut parent = vec![Some(1), Some(0)];
        break_cycles(&mut parent, &frames);
        assert_eq!(parent, [None, Some(0)]);
        // No cycle: nothing changes.
        let mut parent = vec![Some(1), None];
        break_cycles(&mut parent, &frames);
        assert_eq!(parent, [Some(1), None]);
    }
}
