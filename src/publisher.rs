//! Who published the document, from what the text says: a dateline credit ("MOSCOW, Dec 7
//! (Reuters) -", "HAVANA, December 26. /TASS/.", "(CNN) --"), a footer ("/ClubZ", "Source:
//! BTA", "© 2021 The Associated Press"), a headline suffix ("... - CNN.com"), a byline ("By Jane
//! Doe, Associated Press"), and, failing all these, a wire agency the sources "told" (agencies
//! write "told AFP" of their own interviews).

use std::sync::LazyLock;

use memchr::memmem;

use crate::lexicon::{Class, Form, NameTarget, OutletKind, lexicon};
use crate::mention::{Mention, MentionKind, classify, np_after};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

/// How many paragraphs from the top a dateline or byline may stand in.
const TOP_PARAGRAPHS: usize = 4;
/// How many paragraphs from the bottom a footer may stand in.
const BOTTOM_PARAGRAPHS: usize = 3;

/// The mention naming the publisher, if the text names one.
pub(crate) fn find(text: &Text) -> Option<Mention> {
    dateline(text)
        .or_else(|| footer(text))
        .or_else(|| headline_suffix(text))
        .or_else(|| byline(text))
        .or_else(|| told_agency(text))
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

/// The first token after the top paragraphs where datelines and bylines stand.
fn top_end(text: &Text) -> usize {
    text.sentences
        .iter()
        .find(|s| s.paragraph > TOP_PARAGRAPHS)
        .map_or(text.tokens.len(), |s| s.start)
}

/// The first token of the bottom paragraphs where footers stand.
fn bottom_start(text: &Text) -> usize {
    let last = last_paragraph(text);
    text.sentences
        .iter()
        .find(|s| s.paragraph + BOTTOM_PARAGRAPHS > last)
        .map_or(0, |s| s.start)
}

fn last_paragraph(text: &Text) -> usize {
    text.sentences.last().map_or(0, |s| s.paragraph)
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

/// "(Reuters) -", "(AP) —", "/TASS/" near the top.
fn dateline(text: &Text) -> Option<Mention> {
    let tokens = &text.tokens;
    let end = top_end(text).min(tokens.len().saturating_sub(2));
    let top = &text.src.as_bytes()[..text.byte_before(end)];
    // Both marks are always tokens of their own.
    for i in tokens_at(text, memchr::memchr2_iter(b'(', b'/', top), |i| {
        matches!(text.word(i), "(" | "/")
    }) {
        let close = if text.word(i) == "(" { ")" } else { "/" };
        let Some(end) = (i + 1..(i + 6).min(tokens.len())).find(|&k| text.word(k) == close) else {
            continue;
        };
        if end == i + 1
            || (i + 1..end).any(|k| {
                !tokens[k].is_cap_word()
                    && tokens[k].kind != TokenKind::Possessive
                    && text.word(k) != "-"
            })
        {
            continue;
        }
        // A credit is followed by a dash or a period, or stands at a paragraph start.
        let next = end + 1;
        let followed = next >= tokens.len()
            || tokens[next].kind == TokenKind::Dash
            || matches!(text.word(next), "." | "_" | ":")
            || tokens[next].has(TokenFlags::PARAGRAPH);
        // A dateline stands at the start of its paragraph: "MOSCOW, Dec 7 (Reuters) -".
        // (Looking back no further than that keeps a long paragraph linear.)
        let leads = i <= 12 || (i - 12..=i).any(|k| tokens[k].has(TokenFlags::PARAGRAPH));
        if !followed || !leads {
            continue;
        }
        if let Some(m) = outlet_in(text, TokenRange::new(i + 1, end), true) {
            return Some(m);
        }
    }
    None
}

/// "/ClubZ", "Source: BTA", "(c) 2021 Reuters", "© The Associated Press" near the bottom.
fn footer(text: &Text) -> Option<Mention> {
    let tokens = &text.tokens;
    let bottom = bottom_start(text);
    // A paragraph always starts a sentence: only sentence starts need the test.
    let starts = text.sentences.iter().rev().map(|s| s.start);
    for i in starts.take_while(|&i| i >= bottom) {
        if !tokens[i].has(TokenFlags::PARAGRAPH) {
            continue;
        }
        let w = text.word(i);
        let start = match w {
            "/" => i + 1,
            "©" => {
                let mut k = i + 1;
                while k < tokens.len() && tokens[k].kind == TokenKind::Number {
                    k += 1;
                }
                k
            }
            _ if text.word(i + 1) == ":" && lexicon().spelled(Class::CREDIT, w) => i + 2,
            _ => continue,
        };
        let Some(np) = np_after(text, start, tokens.len()) else {
            continue;
        };
        // The footer is the whole line.
        let ends_line = np.end >= tokens.len()
            || tokens[np.end].has(TokenFlags::LINE_BEFORE)
            || matches!(text.word(np.end), "/" | "." | ")");
        if !ends_line {
            continue;
        }
        if let Some(m) = outlet_in(text, np, w == "/") {
            return Some(m);
        }
    }
    None
}

/// "After storm, forecasters see smooth sailing - CNN.com": an outlet after the headline's
/// last dash or bar.
fn headline_suffix(text: &Text) -> Option<Mention> {
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
    // "CNN.com" names CNN when CNN is known.
    if np.len() == 1 {
        let word = text.word(np.start);
        if let Some((stem, _)) = word.split_once('.') {
            let known = lexicon()
                .names_starting(stem)
                .iter()
                .find(|e| e.tokens.len() == 1 && !e.short);
            if let Some(entry) = known {
                return Some(Mention {
                    np,
                    kind: MentionKind::Known {
                        target: entry.target,
                        name: np,
                    },
                });
            }
        }
    }
    outlet_in(text, np, false)
}

/// "By Zeno Park, Associated Press" near the top.
fn byline(text: &Text) -> Option<Mention> {
    let tokens = &text.tokens;
    let top = top_end(text);
    // A paragraph always starts a sentence: only sentence starts need the test.
    let starts = text.sentences.iter().map(|s| s.start);
    for i in starts.take_while(|&i| i < top) {
        if !tokens[i].has(TokenFlags::PARAGRAPH) || !matches!(text.word(i), "By" | "BY") {
            continue;
        }
        // The outlet after a comma or bar on the byline's line.
        let mut k = i + 1;
        while k < tokens.len() && !tokens[k].has(TokenFlags::LINE_BEFORE) {
            if matches!(text.word(k), "," | "|")
                && let Some(np) = np_after(text, k + 1, tokens.len())
                && let Some(m) = outlet_in(text, np, false)
            {
                return Some(m);
            }
            k += 1;
        }
    }
    None
}

/// "a spokesman ... told AFP": agencies say "told AFP" of their own reporters' interviews.
fn told_agency(text: &Text) -> Option<Mention> {
    let lex = lexicon();
    let end = text.tokens.len().saturating_sub(1);
    let bytes = &text.src.as_bytes()[..text.byte_before(end)];
    let hits = TOLD.iter().flat_map(|finder| finder.find_iter(bytes));
    for i in tokens_at(text, hits, |i| is_told(text, i)) {
        if text.quote_of(i).is_some() {
            continue;
        }
        let Some(np) = np_after(text, i + 1, text.tokens.len()) else {
            continue;
        };
        let mention = classify(text, np);
        if let MentionKind::Known {
            target: NameTarget::Outlet(o),
            ..
        } = mention.kind
            && lex.outlet(o).kind == OutletKind::Agency
            && np.len() == 1
        {
            return Some(mention);
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    fn publisher(input: &str) -> String {
        let text = Text::new(input, lexicon());
        find(&text)
            .map(|m| text.span(m.np).slice(input).to_string())
            .unwrap_or_default()
    }

    #[test]
    fn dateline_credits() {
        assert_eq!(
            publisher("Headline\n\nMOSCOW, Dec 7 (Reuters) - Russia said."),
            "Reuters"
        );
        assert_eq!(
            publisher("Headline\n\nHAVANA, December 26. /TASS/. Cuba said."),
            "TASS"
        );
        assert_eq!(publisher("Headline\n\nWASHINGTON (AP) — Trump said."), "AP");
        assert_eq!(publisher("Headline\n\n(CNN) -- The storm passed."), "CNN");
    }

    #[test]
    fn footers_and_headline_suffixes() {
        assert_eq!(publisher("Headline\nText here.\n/ClubZ\nBack"), "ClubZ");
        assert_eq!(publisher("Headline\nText here.\nSource: BTA"), "BTA");
        assert_eq!(
            publisher("After storm, smooth sailing - CNN.com\n\nText."),
            "CNN.com"
        );
    }

    #[test]
    fn a_credit_line_is_spelled_as_credit_lines_are() {
        assert_eq!(publisher("Headline\nText here.\nSources: BTA"), "BTA");
        assert_eq!(publisher("Headline\nText here.\nSOURCE: BTA"), "BTA");
        assert_eq!(publisher("Headline\nText here.\nsource: BTA"), "");
        assert_eq!(publisher("Headline\nText here.\nSource BTA"), "");
    }

    #[test]
    fn failing_all_else_an_agency_the_sources_told() {
        let told = "Headline\n\nThe minister told AFP the talks failed.";
        assert_eq!(publisher(told), "AFP");
        let telling = "Headline\n\nThe minister left, telling AFP the talks failed.";
        assert_eq!(publisher(telling), "AFP");
        // Not another verb, not a newspaper, not inside a quotation.
        assert_eq!(
            publisher("Headline\n\nThe minister warned AFP the talks failed."),
            ""
        );
        assert_eq!(
            publisher("Headline\n\nThe minister told Haaretz the talks failed."),
            ""
        );
        assert_eq!(
            publisher("Headline\n\nHe said \"I told AFP so\" and left."),
            ""
        );
    }

    #[test]
    fn parentheses_in_the_body_are_not_credits() {
        assert_eq!(
            publisher("Headline\n\nThe agency (which is new) said so. Its chief (Smith) left."),
            ""
        );
    }
}
