//! Forwards from a preposition or an inverted verb: the noun phrase that starts there ("according
//! to X", "said X", "quoted by X"), and an appositive after a phrase (", a spokesman for X").

use crate::lexicon::{Class, RoleType, lexicon};
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

use super::{MAX_NP, is_np_word, is_verb_like};
use crate::text::TokenRange;

/// The noun phrase starting at `start` (for "according to X", "said X", "quoted by X"),
/// ending before `limit`.
pub(crate) fn np_after(text: &Text, start: usize, limit: usize) -> Option<TokenRange> {
    let tokens = &text.tokens;
    let limit = limit.min(tokens.len());
    if start >= limit {
        return None;
    }
    let first = &tokens[start];
    if first.info.is(Class::PRON) && first.kind == TokenKind::Word {
        return Some(TokenRange::one(start));
    }
    // "one of his senior aides", "some of the negotiators": a count of the people after it.
    let partitive = first.kind == TokenKind::Word
        && first.info.is(Class::QUANTITY)
        && start + 2 < limit
        && tokens[start + 2].info.is(Class::DET | Class::POSS)
        && text.word(start + 1) == "of";
    if partitive {
        return np_after(text, start + 2, limit).map(|inner| TokenRange::new(start, inner.end));
    }
    let skip_det = first.info.is(Class::DET | Class::POSS) && !first.info.is(Class::ROLE);
    let mut scan = Scan {
        limit,
        i: start + usize::from(skip_det),
        last: None,
        seen_cap_name: false,
    };
    while scan.i < limit && scan.i - start < MAX_NP {
        if scan.i > start && tokens[scan.i].has(TokenFlags::LINE_BEFORE) {
            break; // a noun phrase does not run over a line break
        }
        if !scan.step(text) {
            break;
        }
    }
    // Trailing possessives or periods are not part of the phrase; but a possessor whose
    // possessed thing follows outside the phrase is no phrase of its own ("said Yoon's
    // “unconstitutional declaration” had caused chaos": Yoon is no speaker).
    let mut last = scan.last?;
    let owns_what_follows = tokens[last].kind == TokenKind::Possessive
        && (tokens.get(last + 1)).is_some_and(|next| next.is_quote() || is_np_word(next));
    if owns_what_follows {
        return None;
    }
    while last > start && (tokens[last].kind == TokenKind::Possessive || text.word(last) == ".") {
        last -= 1;
    }
    Some(TokenRange::new(start, last + 1))
}

/// The forward scan of [`np_after`].
struct Scan {
    limit: usize,
    /// The next token to look at.
    i: usize,
    /// The last token of the phrase so far.
    last: Option<usize>,
    /// A capitalized name has begun since the start or the last possessive ("said Steve Cowan").
    seen_cap_name: bool,
}

impl Scan {
    /// Takes the token at `i` (and what it brings) into the phrase, or tells that the phrase
    /// ended before it.
    fn step(&mut self, text: &Text) -> bool {
        let t = &text.tokens[self.i];
        let word = t.text(text.src);
        let started = self.last.is_some();
        match t.kind {
            TokenKind::Word | TokenKind::Number if is_np_word(t) && !t.info.is(Class::NPPREP) => {
                self.word(text)
            }
            TokenKind::Word if !started && ly_adjective(text, self.i) => {
                self.take(self.i);
                true
            }
            TokenKind::Possessive if started => {
                self.seen_cap_name = false;
                self.take(self.i);
                // What follows the possessive is the head: "the Kremlin's press service".
                !(self.i < self.limit && text.tokens[self.i].info.is(Class::DET))
            }
            TokenKind::Punct if word == "." && self.last.is_some_and(|last| last + 1 == self.i) => {
                self.abbreviation_period(text)
            }
            TokenKind::Word
                if started && (t.info.is(Class::NPPREP) || word == "in" || word == "on") =>
            {
                self.complement(text)
            }
            TokenKind::Word if (word == "and" || word == "&") && started => self.coordination(text),
            _ => false,
        }
    }

    fn take(&mut self, last: usize) {
        self.last = Some(last);
        self.i = last + 1;
    }

    /// A word of the phrase, unless it starts what follows the phrase: a verb, a lower-case
    /// time word, a lower-case word after a name ("said Steve Cowan on"), a capitalized time
    /// word after a name ("said Hill Thursday").
    fn word(&mut self, text: &Text) -> bool {
        let t = &text.tokens[self.i];
        let started = self.last.is_some();
        if started
            && (is_verb_like(t, text) || is_past_verb_before_object(text, self.i))
            && !t.info.is(Class::ROLE)
        {
            return false;
        }
        if started && t.info.is(Class::TIME | Class::MONTH) && !t.has(TokenFlags::CAP) {
            return false;
        }
        if self.seen_cap_name
            && !t.has(TokenFlags::CAP)
            && t.kind == TokenKind::Word
            && !t.info.is(Class::ROLE)
        {
            // "said Steve Cowan" stops before lower-case words that are not role nouns,
            // unless one follows: "the Interfax news agency".
            let role_follows = text
                .tokens
                .get(self.i + 1)
                .is_some_and(|n| n.info.is(Class::ROLE) && !n.has(TokenFlags::CAP));
            if !role_follows {
                return false;
            }
        }
        // "said Hill Thursday", "broadcast by television Monday"; not "the Sunday Times".
        let after_preposition = || text.tokens[self.i - 1].info.is(Class::PREP);
        if started && t.has(TokenFlags::CAP) && t.info.is(Class::TIME) && !after_preposition() {
            return false;
        }
        self.seen_cap_name |= t.is_cap_word();
        self.take(self.i);
        true
    }

    /// The period of an abbreviation inside a name, before a capitalized word: "Lt. Col.
    /// Alexander Vindman".
    fn abbreviation_period(&mut self, text: &Text) -> bool {
        let tokens = &text.tokens;
        let (t, prev) = (&tokens[self.i], &tokens[self.i - 1]);
        let abbreviation =
            prev.has(TokenFlags::INITIAL) || lexicon().abbreviation(prev.text(text.src)).is_some();
        let inside = abbreviation
            && !t.has(TokenFlags::SPACE_BEFORE)
            && self.i + 1 < self.limit
            && tokens[self.i + 1].is_cap_word();
        if inside {
            self.take(self.i);
        }
        inside
    }

    /// A complement of the head: "a spokesman for the ministry", "people familiar with the
    /// matter", "Patrol Chief James Hall with the New York Police Department", "officials in
    /// the ministry". The head must take one (a role noun, a title, a name, a postmodifier), and
    /// a noun phrase must follow.
    fn complement(&mut self, text: &Text) -> bool {
        let tokens = &text.tokens;
        let (t, word) = (&tokens[self.i], text.word(self.i));
        let head_index = self.last.unwrap_or(self.i);
        let head = &tokens[head_index];
        let postmodifier = head.info.is(Class::POSTMODIFIER) && !head.has(TokenFlags::CAP);
        let licensed = postmodifier
            || (t.info.is(Class::NPPREP)
                && (head.info.is(Class::ROLE | Class::TITLE) || head.has(TokenFlags::CAP)))
            || (word == "in" && head.info.is(Class::ROLE))
            || (word == "of" && object_of_with(text, head_index));
        let opens_np = tokens.get(self.i + 1).is_some_and(|n| {
            n.info.is(Class::DET | Class::POSS)
                || n.is_cap_word()
                || n.kind == TokenKind::Number
                || n.info.is(Class::ROLE)
                // "people with knowledge of the inquiries"
                || word == "with" && is_np_word(n) && !n.info.is(Class::VERB)
        });
        if !(licensed && opens_np) || self.i + 1 >= self.limit {
            return false;
        }
        let Some(inner) = np_after(text, self.i + 1, self.limit) else {
            return false;
        };
        self.take(inner.last());
        self.seen_cap_name = false;
        true
    }

    /// A coordination of names or phrases: "Yonhap and other news reports", "Americans and
    /// their NATO allies".
    fn coordination(&mut self, text: &Text) -> bool {
        let tokens = &text.tokens;
        let next = tokens.get(self.i + 1);
        let coordinates = next
            .is_some_and(|n| n.is_cap_word() || n.info.is(Class::DET | Class::POSS))
            && tokens[self.last.unwrap_or(self.i)].is_cap_word();
        if !coordinates || self.i + 1 >= self.limit {
            return false;
        }
        let Some(inner) = np_after(text, self.i + 1, self.limit) else {
            return false;
        };
        self.take(inner.last());
        true
    }
}

/// Is token `noun` the object of "with", maybe after an adjective or two: "knowledge" in
/// "people with (direct) knowledge of the inquiries", whose "of" complement it takes? Not a
/// noun after other prepositions ("told reporters of the plan").
fn object_of_with(text: &Text, noun: usize) -> bool {
    let lo = noun.saturating_sub(3);
    (lo..noun)
        .rev()
        .find(|&k| !is_lower_np_word(text, k))
        .is_some_and(|k| text.word(k) == "with")
}

/// Is the "-ly" word at `i`, opening a phrase, an adjective of the noun after it rather than an
/// adverb ending the phrase: after a determiner, or before a lower-case noun ("a yearly Gallup
/// poll", "early results of the exit poll", "the weekly report"). Counter-examples: "said
/// early Monday" (a time word follows), "said publicly Trump ..." (no determiner, a name
/// follows), "said only that ..." (no noun follows).
fn ly_adjective(text: &Text, i: usize) -> bool {
    let tokens = &text.tokens;
    let t = &tokens[i];
    let after_det = i > 0 && tokens[i - 1].info.is(Class::DET | Class::POSS);
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    t.has(TokenFlags::LY)
        && !t.has(TokenFlags::CAP)
        && !t.info.is(Class::PRON
            | Class::REL
            | Class::SUB
            | Class::AUX
            | Class::CONJ
            | Class::PREP)
        && is_np_word(next)
        && !next.info.is(Class::TIME | Class::MONTH | Class::NPPREP)
        && !is_verb_like(next, text)
        && (after_det || !next.has(TokenFlags::CAP) && next.kind == TokenKind::Word)
}

/// A lower-case word that can stand inside a noun phrase.
fn is_lower_np_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.kind == TokenKind::Word && !t.has(TokenFlags::CAP) && is_np_word(t)
}

/// An appositive right after a noun phrase ending at `np_last`: ", a spokesman for X" up to the
/// next comma or the sentence end (before `limit`).
pub(crate) fn appositive_after(text: &Text, np_last: usize, limit: usize) -> Option<TokenRange> {
    let comma = np_last + 1;
    if comma + 1 >= limit || text.word(comma) != "," {
        return None;
    }
    let t = &text.tokens[comma + 1];
    let lex = lexicon();
    let opens = t.info.is(Class::DET | Class::POSS)
        || t.info.is(Class::TITLE)
        || lex.role(t.info).is_some_and(|r| r.kind == RoleType::Person)
        || t.is_cap_word();
    if !opens {
        return None;
    }
    let np = np_after(text, comma + 1, limit)?;
    let head = &text.tokens[np.last()];
    let role_head = head.info.is(Class::ROLE | Class::TITLE) || head.is_cap_word();
    role_head.then_some(np)
}

/// Is token `i` a verb in the past with its object after it, though the lexicon does not know
/// the verb: a lower-case word in "-ed" before "the", "a", "an", a possessive or a comma ("The party *issued* a statement",
/// "The company *reported* a loss", "The minister *resigned*, saying")? Not a participle
/// before its noun ("the armed forces") nor one after it without an article ("funds
/// allocated to schools").
fn is_past_verb_before_object(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    let past = t.kind == TokenKind::Word && !t.has(TokenFlags::CAP) && text.word(i).ends_with("ed");
    past && text.tokens.get(i + 1).is_some_and(|next| {
        next.info.is(Class::ATTRIBUTIVE_DET | Class::POSS)
            || next.kind == TokenKind::Punct && text.word(i + 1) == ","
    })
}
