//! The facts about a phrase that several deciders read: its determiner and body, and (worked
//! out on first use) the head phrase, the head noun and the capitalized name ending there.

use std::cell::OnceCell;

use crate::lexicon::{Class, Role, RoleType, lexicon};
use crate::mention::np::postmodified_noun;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{TokenFlags, TokenKind};

use super::names::role_type;
use super::outlets::is_org_word;

/// A phrase being classified, with the facts the deciders share.
pub(super) struct Phrase<'t, 'a> {
    pub text: &'t Text<'a>,
    /// The whole phrase.
    pub np: TokenRange,
    /// It opens with a determiner or a possessive ("the", "a", "his").
    pub has_det: bool,
    /// A definite determiner ("the", "this", "those") or a possessive opens it.
    pub definite: bool,
    /// The phrase without its determiner.
    pub body: TokenRange,
    /// The first "and" (or "&") inside the body, between two of its words.
    pub coordination: Option<usize>,
    layout: OnceCell<Layout>,
}

/// Where the head of a phrase is: "the Kremlin's press service", "a spokesman for X",
/// "officials familiar with the matter".
pub(super) struct Layout {
    /// The first preposition (or postmodifying adjective) after the body's first word: the
    /// complement it opens follows the head.
    pub prep: Option<usize>,
    /// The body up to the complement.
    pub core: TokenRange,
    /// The last possessive mark of the core.
    pub possessive: Option<usize>,
    /// The core after its last possessive ("press service" in "the Kremlin's press service").
    pub head_phrase: TokenRange,
    /// The head noun: the head phrase's last word, or the noun before a postmodifier
    /// ("person" in "a person familiar").
    pub head: usize,
    /// The head noun as a role noun of the lexicon.
    pub head_role: Option<&'static Role>,
    /// The capitalized name that ends at the head, if the head is a capitalized word.
    pub name: Option<TokenRange>,
    /// A capitalized organization noun or company word is part of that name ("Center",
    /// "Ministry", "Productions").
    pub org_noun: bool,
}

impl<'t, 'a> Phrase<'t, 'a> {
    #[inline]
    pub(super) fn new(text: &'t Text<'a>, np: TokenRange) -> Self {
        let first = text.tokens[np.start].info;
        let has_det = first.is(Class::DET | Class::POSS) && !first.is(Class::ROLE) && np.len() > 1;
        let definite = has_det && first.is(Class::POSS | Class::DEFINITE);
        let body = TokenRange::new(np.start + usize::from(has_det), np.end);
        let coordination =
            (body.start + 1..body.last()).find(|&i| matches!(text.word(i), "and" | "&"));
        Phrase {
            text,
            np,
            has_det,
            definite,
            body,
            coordination,
            layout: OnceCell::new(),
        }
    }

    /// Is token `i` a capitalized word?
    pub(super) fn cap(&self, i: usize) -> bool {
        self.text.tokens[i].is_cap_word()
    }

    /// Where the head is (worked out once).
    pub(super) fn layout(&self) -> &Layout {
        self.layout.get_or_init(|| Layout::new(self))
    }
}

impl Layout {
    fn new(phrase: &Phrase) -> Layout {
        let (text, body) = (phrase.text, phrase.body);
        let tokens = &text.tokens;
        let prep = complement_start(text, body);
        // "officials familiar with the matter": the head ends before the adjective.
        let postmodified = prep.and_then(|p| postmodified_noun(text, body.start, p));
        let core = TokenRange::new(
            body.start,
            postmodified.or(prep.map(|p| p - 1)).unwrap_or(body.last()) + 1,
        );
        let possessive = core
            .indices()
            .rev()
            .find(|&i| tokens[i].kind == TokenKind::Possessive);
        let head_phrase = match possessive {
            Some(p) if p < core.last() => TokenRange::new(p + 1, core.end),
            _ => core,
        };
        let head = head_before_postmodifier(text, head_phrase);
        let name = phrase
            .cap(head)
            .then(|| capitalized_name(text, body, head_phrase, head, prep));
        let org_noun = name.is_some_and(|name| name.indices().any(|i| is_org_word(text, i)));
        Layout {
            prep,
            core,
            possessive,
            head_phrase,
            head,
            head_role: lexicon().role(tokens[head].info),
            name,
            org_noun,
        }
    }
}

/// The first token after the body's first word that opens a complement of the head: a
/// preposition that joins noun phrases ("for", "of"), "in" or "on", or the preposition of a
/// postmodifying adjective ("familiar with").
fn complement_start(text: &Text, body: TokenRange) -> Option<usize> {
    let tokens = &text.tokens;
    (body.start + 1..body.end).find(|&i| {
        tokens[i].info.is(Class::NPPREP) && !tokens[i].has(TokenFlags::CAP)
            || matches!(text.word(i), "in" | "on")
            || postmodified_noun(text, body.start, i).is_some()
    })
}

/// The head noun of `head_phrase`: its last word, or the role noun before a postmodifier
/// ("a person familiar", "people involved").
fn head_before_postmodifier(text: &Text, head_phrase: TokenRange) -> usize {
    let tokens = &text.tokens;
    let mut head = head_phrase.last();
    while head > head_phrase.start
        && !tokens[head].has(TokenFlags::CAP)
        && (tokens[head].info.is(Class::POSTMODIFIER)
            || text.word(head).ends_with("ed") && !tokens[head].info.is(Class::ROLE))
        && tokens[head - 1].info.is(Class::ROLE)
    {
        head -= 1;
    }
    head
}

/// The capitalized name ending at the capitalized `head`: the capitalized words before it,
/// joined by "of" ("Department of Transportation"). A capitalized complement of "of" right after
/// an organization noun is part of the name: "Pennsylvania Department of Transportation".
fn capitalized_name(
    text: &Text,
    body: TokenRange,
    head_phrase: TokenRange,
    head: usize,
    prep: Option<usize>,
) -> TokenRange {
    let cap = |i: usize| text.tokens[i].is_cap_word();
    let mut first = head;
    while first > head_phrase.start
        && (cap(first - 1)
            || text.word(first - 1) == "of" && first - 1 > head_phrase.start && cap(first - 2))
    {
        first -= 1;
    }
    let mut name = TokenRange::new(first, head + 1);
    if let Some(p) = prep.filter(|&p| text.word(p) == "of" && p == head + 1 && p < body.last()) {
        let mut rest = (p + 1..body.end).filter(|&k| text.word(k) != "the");
        if rest.all(|k| cap(k) || matches!(text.word(k), "and" | "&"))
            && role_type(text, head) == Some(RoleType::Org)
        {
            name.end = body.end;
        }
    }
    name
}
