//! Assembling a sentence's frames into attribution drafts with chains.
//!
//! A statement inside another statement's content becomes the origin of the outer one when the
//! outer content starts with it ("Macron said today that ..., AFP reported" → Macron → AFP);
//! other nested statements are dropped (PolNeAR-style: one attribution per stretch of text).
//! Relays (", quoted by TASS") follow the statement they attach to; origins ("citing
//! officials") precede it. A weak statement ("Putin has called for ...") stands only as an
//! origin or with a relay.
//!
//! After every sentence is assembled, [`neighbour_quote`] gives a quotation standing right
//! after a draft that draft's chain.

pub mod neighbour_quote;

use crate::lexicon::Class;
use crate::mention::{Mention, Np};
use crate::model::Relation;
use crate::rules::clause::content_between;
use crate::rules::{Attach, Content, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

/// One element of a draft chain, before coreference.
#[derive(Clone, Debug)]
pub struct DraftHop {
    pub mention: Option<Mention>,
    pub cue: Option<Np>,
    pub relation: Relation,
    pub appositive: Option<Np>,
    /// The source spoke "in a statement".
    pub statement: bool,
}

/// An attribution before its sources are resolved to entities.
#[derive(Clone, Debug)]
pub struct Draft {
    pub rule: RuleId,
    pub sentence: usize,
    /// Origin first.
    pub hops: Vec<DraftHop>,
    pub content: Option<Content>,
}

fn hop(frame: &Frame) -> DraftHop {
    DraftHop {
        mention: frame.source.clone(),
        cue: frame.hop_cue,
        relation: frame.relation,
        appositive: frame.appositive,
        statement: frame.statement,
    }
}

fn inside(frame: &Frame, content: &Content) -> bool {
    let in_range = |first: usize, last: usize| content.first <= first && last < content.end;
    in_range(frame.cue.first, frame.cue.last)
        && frame
            .source
            .as_ref()
            .is_none_or(|m| in_range(m.np.first, m.np.last))
}

/// Does the frame's source open a new clause (after a comma, a semicolon, a conjunction)?
fn clause_initial(text: &Text, frame: &Frame) -> bool {
    let Some(source) = &frame.source else {
        return false;
    };
    let preposed = frame.content.is_some_and(|c| c.first > frame.cue.last);
    if !preposed || source.np.first == 0 {
        return false;
    }
    let before = source.np.first - 1;
    let token = &text.tokens[before];
    matches!(text.word(before), "," | ";" | ":" | "—" | "–" | "--")
        || token.info.is(Class::LINK) && !token.has(TokenFlags::CAP)
}

/// Statements each inside the other's content can point at each other as parents when the
/// tie-breaks above do not separate them (odd punctuation, three statements sharing words).
/// Every cycle is cut at the statement with the widest content, which is then a top-level
/// statement, so walking up the parents always ends.
fn break_cycles(parent: &mut [Option<usize>], frames: &[Frame]) {
    let width = |i: usize| frames[i].content.map_or(0, |c| c.end - c.first);
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

/// Turns one sentence's frames (sorted by cue) into drafts.
pub fn assemble(text: &Text, sentence: usize, frames: &[Frame]) -> Vec<Draft> {
    let n = frames.len();
    let is_statement = |i: usize| frames[i].role == Role::Statement;
    // The innermost statement whose content holds each statement.
    let mut parent: Vec<Option<usize>> = vec![None; n];
    for j in (0..n).filter(|&j| is_statement(j)) {
        let mut best: Option<(usize, usize)> = None;
        for i in (0..n).filter(|&i| i != j && is_statement(i)) {
            let Some(content) = frames[i].content else {
                continue;
            };
            if !inside(&frames[j], &content) {
                continue;
            }
            // Each inside the other ("X said that C, the agency recalled"): the later cue is
            // the outer statement, unless it is an inverted cue inside the earlier statement's
            // words ("Kiedis said his band, AKA Danger Mouse, wrote a host of songs"). An
            // inverted "said" takes no object, so it is the outer statement ("Obama warned the
            // leader not to move, said an American official").
            let mutual = frames[j].content.is_some_and(|c| inside(&frames[i], &c));
            let later_inverted = |a: usize, b: usize| {
                let said = frames[a].cue_verb_is(text, |verb| verb.lemma == "say");
                frames[a].cue.first > frames[b].cue.first
                    && frames[a].rule == RuleId::Inverted
                    && !said
            };
            if mutual && frames[i].cue.first < frames[j].cue.first && !later_inverted(j, i) {
                continue;
            }
            if mutual && later_inverted(i, j) {
                continue;
            }
            // A statement opening a clause of its own after an earlier cue ("..., and Trump
            // has said", "..., the Georgian minister said") is not part of that content.
            let opens_content = frames[j]
                .source
                .as_ref()
                .is_some_and(|m| m.np.first <= content.first + 1);
            if clause_initial(text, &frames[j])
                && frames[i].cue.first < frames[j].cue.first
                && !opens_content
            {
                continue;
            }
            let size = content.end - content.first;
            if best.is_none_or(|(_, s)| size < s) {
                best = Some((i, size));
            }
        }
        parent[j] = best.map(|(i, _)| i);
    }
    break_cycles(&mut parent, frames);
    let top = |mut i: usize| {
        while let Some(p) = parent[i] {
            i = p;
        }
        i
    };

    // Relays and origins, attached to their top-level statement: `(statement, frame)` pairs in
    // frame order (few sentences have any, so one list, allocated only when needed).
    let mut attached: Vec<(usize, usize)> = Vec::new();
    for (k, frame) in frames.iter().enumerate() {
        let attach = match frame.role {
            Role::Statement => continue,
            Role::Relay(attach) | Role::Origin(attach) => attach,
        };
        let before = (0..n)
            .rev()
            .find(|&i| is_statement(i) && frames[i].cue.last < frame.cue.first);
        let after = (0..n).find(|&i| is_statement(i) && frames[i].cue.first > frame.cue.last);
        let target = match attach {
            Attach::Before => before,
            Attach::After => after,
            Attach::Nearest => before.or(after),
            Attach::Cue(token) => (0..n).find(|&i| {
                is_statement(i) && frames[i].cue.first <= token && token <= frames[i].cue.last
            }),
        };
        if let Some(target) = target {
            let target = if matches!(attach, Attach::Cue(_)) {
                target
            } else {
                top(target)
            };
            attached.push((target, k));
        }
    }
    let attached_to = |s: usize, relay: bool| {
        attached
            .iter()
            .filter(move |&&(t, k)| t == s && matches!(frames[k].role, Role::Relay(_)) == relay)
            .map(|&(_, k)| k)
    };

    // The statement nested at the very start of another's content is its origin, when that
    // other statement reports the clause before it ("Macron said ..., AFP reported"); what a
    // preposed statement says is its content, not a relay ("Sullivan said Biden had told
    // Putin that ..." is Sullivan's statement).
    let inner_origin = |i: usize| -> Option<usize> {
        let content = frames[i].content?;
        if content.first > frames[i].cue.last {
            return None;
        }
        (0..n)
            .filter(|&j| parent[j] == Some(i))
            .filter(|&j| {
                frames[j]
                    .source
                    .as_ref()
                    .is_some_and(|m| opens(text, content.first, m.np.first))
            })
            .min_by_key(|&j| frames[j].cue.first)
    };

    let mut drafts = Vec::with_capacity(n);
    let mut stack = Vec::new();
    for i in (0..n).filter(|&i| is_statement(i) && parent[i].is_none()) {
        if frames[i].weak && !attached.iter().any(|&(t, _)| t == i) {
            continue;
        }
        // Walk down the nested origins: outermost last.
        stack.clear();
        stack.push(i);
        while let Some(inner) = inner_origin(*stack.last().unwrap_or(&i)) {
            if stack.contains(&inner) {
                break;
            }
            stack.push(inner);
        }
        let mut hops = Vec::with_capacity(stack.len() + attached.len());
        for &s in stack.iter().rev() {
            hops.extend(attached_to(s, false).map(|o| hop(&frames[o])));
            hops.push(hop(&frames[s]));
            hops.extend(attached_to(s, true).map(|r| hop(&frames[r])));
        }
        // The content is the innermost statement's, cut before the outer frames' words.
        let innermost = *stack.last().unwrap_or(&i);
        let content = frames[innermost].content.and_then(|c| {
            let cut = frames
                .iter()
                .enumerate()
                // Not the statement itself, nor what it reports inside its own words.
                .filter(|&(k, _)| k != innermost && parent[k] != Some(innermost))
                .flat_map(|(_, f)| [Some(f.cue.first), f.source.as_ref().map(|m| m.np.first)])
                .flatten()
                .filter(|&t| t > c.first && t < c.end)
                .min();
            match cut {
                Some(end) if !c.direct => content_between(text, c.first, end),
                _ => Some(c),
            }
        });
        drafts.push(Draft {
            rule: frames[i].rule,
            sentence,
            hops,
            content,
        });
        // A person telling what another said testifies too: "Afterward, Sondland said he had
        // relayed ..., Morrison testified" is Sondland's statement through Morrison and
        // Morrison's own account. (An outlet or a press service only passes the words on.)
        let person = frames[i].source.as_ref().is_some_and(|m| {
            matches!(
                m.kind,
                crate::mention::MentionKind::Person { .. }
                    | crate::mention::MentionKind::Pronoun { .. }
            )
        });
        if stack.len() >= 2 && person && frames[i].relation == Relation::Said {
            drafts.push(Draft {
                rule: frames[i].rule,
                sentence,
                hops: vec![hop(&frames[i])],
                content: frames[i].content,
            });
        }
    }
    drafts
}

#[cfg(test)]
mod tests {
    use crate::analyze::{DocumentInput, analyze};

    /// The chains (node ids, origin first) of a one-sentence body.
    fn chains(sentence: &str) -> Vec<Vec<String>> {
        let text = format!("Headline\n\n{sentence}\n");
        let analysis = analyze(&DocumentInput::new("t", &text));
        analysis
            .attributions
            .iter()
            .map(|a| a.hops.iter().map(|h| h.node.clone()).collect())
            .collect()
    }

    #[test]
    fn a_statement_opening_a_reported_clause_is_its_origin() {
        assert_eq!(
            chains("Macron said the talks failed, AFP reported."),
            [["macron", "afp"]]
        );
        // After an introductory phrase and its comma too.
        assert_eq!(
            chains("On Tuesday, Macron said the talks failed, AFP reported."),
            [["macron", "afp"]]
        );
    }

    #[test]
    fn an_inverted_said_closing_the_sentence_is_the_outer_statement() {
        assert_eq!(
            chains("Obama warned the leader not to move, said an American official."),
            [["obama", "american-official--t"]]
        );
    }

    #[test]
    fn a_person_telling_what_another_said_testifies_too() {
        assert_eq!(
            chains("Afterward, Sondland said he had relayed the offer, Morrison testified."),
            [vec!["morrison"], vec!["sondland", "morrison"]]
        );
    }
}
