//! An outlet the source spoke to is a relay: "told Cuban weekly Opciones in an interview",
//! "said in an interview with CNN", "told TASS", "in comments to Reuters".
//! Counter-examples: "told reporters" and "told lawmakers" (an audience, not an outlet).

use crate::mention::{Np, classify, np_after};
use crate::model::Relation;
use crate::rules::clause::is_outlet;
use crate::rules::{Attach, Ctx, Frame, Role, RuleId};

/// Nouns of a conversation with an outlet.
const CHANNEL: &[&str] = &[
    "interview",
    "interviews",
    "comments",
    "remarks",
    "statement",
    "e-mail",
    "email",
    "letter",
    "conversation",
];

pub fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &i in ctx.triggers() {
        if text.quote_of(i).is_some() {
            continue;
        }
        let word = text.word(i);
        // "told TASS", "telling Reuters", "speaking to CNN".
        let recipient_at = match word {
            "told" | "tells" | "telling" | "tell" => Some(i + 1),
            "speaking" | "spoke" | "talking" | "talked"
                if matches!(text.word(i + 1), "to" | "with") =>
            {
                Some(i + 2)
            }
            _ if CHANNEL.contains(&word) && matches!(text.word(i + 1), "with" | "to" | "on") => {
                Some(i + 2)
            }
            _ => None,
        };
        let Some(at) = recipient_at else { continue };
        let Some(np) = np_after(text, at, ctx.end) else {
            continue;
        };
        let mention = classify(text, np);
        if !is_outlet(&mention) {
            continue;
        }
        let told = matches!(word, "told" | "tells" | "telling" | "tell");
        let (cue, hop_cue) = if told {
            // The statement's cue ("told") covers it: the relay has no cue words of its own,
            // unless "in an interview" follows.
            let interview = (np.last + 1..(np.last + 5).min(ctx.end))
                .find(|&k| CHANNEL.contains(&text.word(k)));
            (np, interview.map(|k| Np { first: k, last: k }))
        } else {
            let first = (ctx.start..i)
                .rev()
                .take(3)
                .find(|&k| text.word(k) == "in" || text.word(k) == "In")
                .unwrap_or(i);
            let cue = Np {
                first,
                last: at - 1,
            };
            (cue, Some(cue))
        };
        let mut frame = Frame::new(
            RuleId::Interview,
            cue,
            Relation::Interview,
            Role::Relay(Attach::Nearest),
        );
        frame.hop_cue = hop_cue;
        frame.source = Some(mention);
        out.push(frame);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn an_outlet_spoken_to_relays() {
        check(
            "A state of emergency was introduced, the Russian Emergencies Ministry told TASS.",
            &[
                (
                    "postposed",
                    "the Russian Emergencies Ministry",
                    "told",
                    "A state of emergency was introduced",
                ),
                ("interview", "TASS", "", ""),
            ],
        );
        check(
            "\"We are fine,\" Macron said in an interview with CNN.",
            &[
                ("postposed", "Macron", "said", "\"We are fine,\""),
                ("interview", "CNN", "in an interview with", ""),
            ],
        );
    }

    #[test]
    fn reporters_are_an_audience() {
        check(
            "\"No,\" Sullivan told reporters.",
            &[("postposed", "Sullivan", "told", "\"No,\"")],
        );
    }

    #[test]
    fn speaking_with_someone_who_is_no_outlet_is_silent() {
        check("The minister spoke with Putin.", &[]);
        check("He spoke to reporters on Tuesday.", &[]);
    }
}
