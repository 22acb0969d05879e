//! Relays (", quoted by TASS") and origins ("citing officials") attached to the statement they
//! belong to: the top-level statement before or after them, or the statement whose cue holds a
//! token ("Lavrov was quoted by Interfax as saying": the relay belongs to "saying").

use crate::assemble::nesting::Nesting;
use crate::rules::{Attach, Frame, Role};
use crate::text::Text;

/// `(statement, frame)` pairs in frame order: few sentences have any, so one list, allocated
/// only when needed.
pub(super) struct Attached(Vec<(usize, usize)>);

impl Attached {
    /// The relays and origins among `frames`, each with its statement.
    pub(super) fn of(text: &Text, frames: &[Frame], nesting: &Nesting) -> Attached {
        let mut attached = Vec::new();
        let mut chain = Vec::new();
        for (k, frame) in frames.iter().enumerate() {
            let attach = match frame.role {
                Role::Statement => continue,
                Role::Relay(attach) | Role::Origin(attach) => attach,
            };
            if let Some(target) = target(text, frames, frame, attach) {
                // A relay of the words of a statement inside another relays the outer one,
                // unless that statement is the outer one's origin ("Carson noted in an
                // interview with Fox News, as reported by BuzzFeed": Carson → Fox → BuzzFeed).
                let target = match attach {
                    Attach::Cue(_) => target,
                    _ => {
                        let top = nesting.top(target);
                        nesting.origins(text, frames, top, &mut chain);
                        if chain.contains(&target) { target } else { top }
                    }
                };
                attached.push((target, k));
            }
        }
        Attached(attached)
    }

    /// How many relays and origins there are.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Has statement `s` a relay or an origin?
    pub(super) fn any(&self, s: usize) -> bool {
        self.0.iter().any(|&(t, _)| t == s)
    }

    /// The relays (or, with `relay` false, the origins) of statement `s`, in frame order.
    pub(super) fn of_statement<'a>(
        &'a self,
        frames: &'a [Frame],
        s: usize,
        relay: bool,
    ) -> impl Iterator<Item = usize> + 'a {
        self.0
            .iter()
            .filter(move |&&(t, k)| t == s && matches!(frames[k].role, Role::Relay(_)) == relay)
            .map(|&(_, k)| k)
    }
}

/// The statement a relay or origin `frame` attaches to, before its top-level statement: the
/// statement whose subject it interrupts, or the one its attachment names.
fn target(text: &Text, frames: &[Frame], frame: &Frame, attach: Attach) -> Option<usize> {
    if matches!(attach, Attach::Before | Attach::Nearest)
        && let Some(s) = interrupted(text, frames, frame)
    {
        return Some(s);
    }
    let is_statement = |i: usize| frames[i].role == Role::Statement;
    let n = frames.len();
    let before = || {
        (0..n)
            .rev()
            .find(|&i| is_statement(i) && frames[i].cue.last() < frame.cue.start)
    };
    let after = || (0..n).find(|&i| is_statement(i) && frames[i].cue.start > frame.cue.last());
    match attach {
        Attach::Before => before(),
        Attach::After => after(),
        Attach::Nearest => before().or_else(after),
        Attach::Cue(token) => (0..n).find(|&i| {
            is_statement(i) && frames[i].cue.start <= token && token <= frames[i].cue.last()
        }),
    }
}

/// The statement whose subject and verb `frame` stands between, set off by commas: "The
/// mayor, citing a police report, said ...", "The statement, which was obtained by Variety,
/// claimed ...". Its source ends at the comma before the frame.
fn interrupted(text: &Text, frames: &[Frame], frame: &Frame) -> Option<usize> {
    let start = frame
        .cue
        .start
        .min(frame.source.as_ref().map_or(usize::MAX, |m| m.np.start));
    let comma = start.checked_sub(1)?;
    if text.word(comma) != "," {
        return None;
    }
    frames.iter().position(|f| {
        f.role == Role::Statement
            && f.cue.start > frame.cue.last()
            && f.source.as_ref().is_some_and(|m| m.np.end == comma)
    })
}

#[cfg(test)]
mod tests {
    use super::Attached;
    use crate::assemble::nesting::Nesting;
    use crate::lexicon::lexicon;
    use crate::rules::{Ctx, find_frames};
    use crate::text::Text;

    /// Each relay or origin of `input`'s first sentence with the statement it belongs to, both
    /// named by their cue's first word.
    fn check(input: &str, expected: &[(&str, &str)]) {
        let text = Text::new(input, lexicon());
        let frames = find_frames(&Ctx::new(&text, 0, false));
        let attached = Attached::of(&text, &frames, &Nesting::of(&text, &frames));
        let cue = |i: usize| text.word(frames[i].cue.start);
        let got: Vec<(&str, &str)> = attached.0.iter().map(|&(s, k)| (cue(k), cue(s))).collect();
        assert_eq!(got, expected, "\ninput: {input}");
    }

    #[test]
    fn relays_and_origins_attach_before_or_after() {
        check(
            "The deal failed, the minister said, citing officials.",
            &[("citing", "said")],
        );
        check(
            "Citing officials, the newspaper reported the deal had ended.",
            &[("Citing", "reported")],
        );
        check(
            "\"We are ready,\" he said in comments to Reuters.",
            &[("in", "said")],
        );
    }

    #[test]
    fn a_relay_of_a_nested_statement_relays_the_outer_one() {
        // "quoted by TASS" follows "reported", the top-level statement.
        check(
            "Putin has called for calm, the Kremlin's press service reported, quoted by TASS.",
            &[("quoted", "reported")],
        );
    }

    #[test]
    fn a_relay_of_the_words_of_a_cue_belongs_to_that_cue() {
        check(
            "Lavrov was quoted by Interfax as saying the talks failed.",
            &[("quoted", "saying")],
        );
    }

    #[test]
    fn a_phrase_between_a_subject_and_its_verb_belongs_to_that_verb() {
        check(
            "The mayor, citing a police report, said the road would close.",
            &[("citing", "said")],
        );
        check(
            "The news organization, citing an anonymous government source, reported that the talks had stalled.",
            &[("citing", "reported")],
        );
        // Not set off by commas before the verb: the statement before.
        check(
            "The deal failed, the minister said, citing officials.",
            &[("citing", "said")],
        );
    }

    #[test]
    fn with_no_statement_there_is_nothing_to_attach_to() {
        check("The deal failed, citing officials.", &[]);
    }
}
