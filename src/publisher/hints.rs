//! Hints, for a text that credits no one: how it speaks of an outlet says whose story it is.
//!
//! - `told`: a wire agency or a site named by its domain that the sources "told": agencies write
//!   "told AFP" of their own reporters' interviews, and a site calls itself by its domain
//!   ("Officials told CityPaper.com"). Not: "told Haaretz" (a newspaper the sources also talk
//!   to), "warned AFP" (another verb), "I told AFP so" (inside a quotation), nor an agency the
//!   text introduced before as another one ("South Korea's Yonhap News Agency quoted him ...
//!   he also told Yonhap": a wire does not present itself as "the X news agency").
//! - `obtained_by`: a known outlet, or a title opened by a capital "The" ("seen by The Real
//!   Deal"), right after a credit cue and "by": "a memo obtained by Politico", "an email seen
//!   by Reuters": outlets say so of the documents they hold. Not: "obtained by investigators"
//!   (no outlet), "obtained by the FBI" (a lower-case "the"). Another outlet's scoop ("a
//!   document obtained by The Buffalo News" in a HuffPost story) is read the same way: a hint
//!   only counts when nothing credits the text.

use std::sync::LazyLock;

use memchr::memmem;

use crate::lexicon::{Class, Form, NameTarget, OutletKind, lexicon};
use crate::mention::{Mention, MentionKind, classify, np_after};
use crate::text::token::TokenFlags;
use crate::text::{Text, TokenRange};

use super::{Zones, domain, is_known_outlet, tokens_at};

/// "a spokesman ... told AFP", "Officials told CityPaper.com".
pub(super) fn told(text: &Text, _zones: &Zones) -> Option<Mention> {
    let end = text.tokens.len().saturating_sub(1);
    let bytes = &text.src.as_bytes()[..text.byte_before(end)];
    let hits = TOLD.iter().flat_map(|finder| finder.find_iter(bytes));
    tokens_at(text, hits, |i| is_told(text, i))
        .into_iter()
        .filter(|&i| text.quote_of(i).is_none())
        .find_map(|i| told_outlet(text, i))
        .filter(|mention| !introduced_as_agency(text, mention.np.start))
}

/// Is the word at token `at` named before as a news agency: "the Xinhua news agency", "Yonhap
/// News Agency", "news agency Itar-Tass" (a news word and an agency word within two words of it)?
fn introduced_as_agency(text: &Text, at: usize) -> bool {
    let name = text.word(at);
    let before = &text.src.as_bytes()[..text.tokens[at].start as usize];
    let earlier = memmem::find_iter(before, name.as_bytes());
    let is = |k: usize, class: Class| text.tokens[k].info.is(class);
    tokens_at(text, earlier, |j| text.word(j) == name)
        .into_iter()
        .any(|j| {
            let from = j.saturating_sub(3);
            let to = (j + 3).min(text.tokens.len().saturating_sub(1));
            (from..to).any(|k| is(k, Class::OUTLET_MODIFIER) && is(k + 1, Class::AGENCY_WORD))
        })
}

/// The agency or the site by its domain right after "told" at token `i`.
fn told_outlet(text: &Text, i: usize) -> Option<Mention> {
    let np = np_after(text, i + 1, text.tokens.len())?;
    if np.len() != 1 {
        return None;
    }
    let word = text.word(np.start);
    if let Some(outlet) = domain::outlet_by_domain(word) {
        let kind = MentionKind::Known {
            target: NameTarget::Outlet(outlet),
            name: np,
        };
        return Some(Mention { np, kind });
    }
    if domain::site_name(word).is_some() {
        let kind = MentionKind::Outlet { name: np };
        return Some(Mention { np, kind });
    }
    let mention = classify(text, np);
    match mention.kind {
        MentionKind::Known {
            target: NameTarget::Outlet(o),
            ..
        } if lexicon().outlet(o).kind == OutletKind::Agency => Some(mention),
        _ => None,
    }
}

/// Finders of the spellings of "told" and "telling" (the past and the gerund of "tell").
static TOLD: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
    let lex = lexicon();
    (lex.verbs.iter())
        .filter(|verb| verb.lemma == "tell")
        .flat_map(|verb| verb.spellings(Form::PAST | Form::GERUND))
        .map(|word| memmem::Finder::new(word).into_owned())
        .collect()
});

/// Is token `i` "told" or "telling" (the past or the gerund of "tell", in lower case)?
fn is_told(text: &Text, i: usize) -> bool {
    let token = &text.tokens[i];
    if !token.info.is(Class::VERB) || token.has(TokenFlags::CAP) {
        return false;
    }
    let lex = lexicon();
    lex.verb_forms(token.info)
        .iter()
        .any(|f| f.forms.intersects(Form::PAST | Form::GERUND) && lex.verb(f.verb).lemma == "tell")
}

/// "a copy of which was obtained by Politico", "an email seen by Variety".
pub(super) fn obtained_by(text: &Text, zones: &Zones) -> Option<Mention> {
    zones
        .cues(text)
        .iter()
        .filter(|&&c| text.word(c + 1) == "by" && text.quote_of(c).is_none())
        .find_map(|&c| {
            super::outlet_at(text, c + 2)
                .filter(is_known_outlet)
                .or_else(|| titled_publication(text, c + 2))
        })
}

/// "an email seen by The Real Deal": inside a sentence, a capital "The" before capitalized
/// words opens the title of a publication (institutions take a lower-case "the": "obtained by
/// the FBI"; "The John Smith" is not written). Not: a name the lexicon knows as something else,
/// nor "The" opening a sentence.
fn titled_publication(text: &Text, i: usize) -> Option<Mention> {
    let the = text.tokens.get(i)?;
    let opens_sentence = i == 0 || text.sentence_of(i - 1) != text.sentence_of(i);
    if !the.info.is(Class::DET) || !the.has(TokenFlags::CAP) || opens_sentence {
        return None;
    }
    let np = np_after(text, i, text.tokens.len())?;
    let words = TokenRange::new(i + 1, np.end);
    let all_caps = (words.start..words.end).all(|k| text.tokens[k].is_cap_word());
    if np.start > i + 1 || words.is_empty() || !all_caps {
        return None;
    }
    match classify(text, words).kind {
        MentionKind::Known { .. } | MentionKind::Pronoun { .. } | MentionKind::Relative => None,
        _ => Some(Mention {
            np: words,
            kind: MentionKind::Outlet { name: words },
        }),
    }
}

#[cfg(test)]
mod tests {
    use crate::publisher::tests::check;

    #[test]
    fn an_agency_the_sources_told() {
        check(
            "told",
            &[
                ("Headline\n\nThe minister told AFP the talks failed.", "AFP"),
                (
                    "Headline\n\nThe minister left, telling AFP the talks failed.",
                    "AFP",
                ),
                ("Headline\n\nThe minister warned AFP the talks failed.", ""),
                (
                    "Headline\n\nThe minister told Haaretz the talks failed.",
                    "",
                ),
                ("Headline\n\nHe said \"I told AFP so\" and left.", ""),
                (
                    "Headline\n\nThe Xinhua news agency reported a fire. A guard told \
                     Xinhua it spread fast.",
                    "",
                ),
                (
                    "Headline\n\nNews agency Xinhua reported a fire. A guard told Xinhua it \
                     spread fast.",
                    "",
                ),
                (
                    "Headline\n\nXinhua photographers saw a fire. A guard told Xinhua it \
                     spread fast.",
                    "Xinhua",
                ),
            ],
        );
    }

    #[test]
    fn a_site_by_its_domain_the_sources_told() {
        check(
            "told",
            &[
                (
                    "Headline\n\nOfficials told CityPaper.com the road will close.",
                    "CityPaper.com",
                ),
                (
                    "Headline\n\nOfficials told DW.COM the road will close.",
                    "DW.COM",
                ),
                ("Headline\n\nOfficials told Smith the road will close.", ""),
            ],
        );
    }

    #[test]
    fn a_known_outlet_that_obtained_a_document() {
        check(
            "obtained_by",
            &[
                (
                    "Headline\n\nThe memo, a copy of which was obtained by Politico, says so.",
                    "Politico",
                ),
                (
                    "Headline\n\nIn an email seen by Variety, the firm said so.",
                    "Variety",
                ),
                (
                    "Headline\n\nThe memo was obtained by investigators last week.",
                    "",
                ),
                (
                    "Headline\n\nThe memo was obtained by Jane Doe last week.",
                    "",
                ),
                (
                    "Headline\n\nThe memo was obtained from Politico last week.",
                    "",
                ),
                (
                    "Headline\n\nClaure said so in the email, which was seen by The Real Deal.",
                    "Real Deal",
                ),
                (
                    "Headline\n\nThe memo was obtained by the Justice Department.",
                    "",
                ),
            ],
        );
    }
}
