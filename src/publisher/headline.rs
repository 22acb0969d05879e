//! A headline suffix: an outlet after the headline's last dash or bar, "After storm,
//! forecasters see smooth sailing - CNN.com" (a known outlet's domain form names the outlet).
//!
//! Not: "Talks fail - again" (no outlet after the dash).

use crate::lexicon::NameTarget;
use crate::mention::{Mention, MentionKind, np_after};
use crate::text::Text;

use super::{Zones, domain, outlet_in};

pub(super) fn find(text: &Text, _zones: &Zones) -> Option<Mention> {
    let first = text.sentences.first()?;
    let headline_end = text
        .sentences
        .iter()
        .take_while(|s| s.paragraph == first.paragraph)
        .last()?
        .end;
    let sep = (first.start..headline_end)
        .rev()
        .find(|&k| matches!(text.word(k), "-" | "|" | "—" | "–"))?;
    let np = np_after(text, sep + 1, headline_end)?;
    if np.end != headline_end {
        return None;
    }
    if np.len() == 1
        && let Some(outlet) = domain::outlet_by_domain(text.word(np.start))
    {
        return Some(Mention {
            np,
            kind: MentionKind::Known {
                target: NameTarget::Outlet(outlet),
                name: np,
            },
        });
    }
    outlet_in(text, np, false)
}

#[cfg(test)]
mod tests {
    use crate::publisher::tests::check;

    #[test]
    fn an_outlet_after_the_headline() {
        check(
            "headline_suffix",
            &[
                ("After storm, smooth sailing - CNN.com\n\nText.", "CNN.com"),
                ("After storm, smooth sailing | Reuters\n\nText.", "Reuters"),
                ("Talks fail - again\n\nText.", ""),
            ],
        );
    }
}
