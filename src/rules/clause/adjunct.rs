//! Adjuncts: the words after a cue that still belong to it, a recipient, a time ("on
//! Tuesday"), a channel ("in a statement", "in an interview with CNN"), a short phrase before
//! "that" ("tweeted in the early morning hours that").

use crate::lexicon::{Class, RoleType, lexicon};
use crate::mention::{MentionKind, classify, np_after};
use crate::rules::Ctx;
use crate::text::Text;
use crate::text::token::{Token, TokenFlags, TokenKind};

/// The tokens after the cue that still belong to it: a recipient ("told reporters"), time
/// adjuncts ("on Tuesday"), "in a statement", "in an interview (with X)", "to" and a listener
/// ("explained to reporters", "claimed to the outlet"). Returns the first
/// token after them and whether "in a statement" was among them.
pub(crate) fn skip_adjuncts(ctx: &Ctx, after: usize) -> (usize, bool) {
    let mut k = after;
    let mut statement = false;
    while k < ctx.end {
        if let Some(next) = time_at(ctx.text, k) {
            k = next;
            continue;
        }
        if let Some((next, is_statement)) = channel_phrase(ctx, k) {
            statement |= is_statement;
            k = next;
            continue;
        }
        if by_means(ctx.text, k) {
            k += 2;
            continue;
        }
        if let Some(next) = listener_at(ctx, k) {
            k = next;
            continue;
        }
        if let Some(next) = platform_at(ctx, k) {
            k = next;
            continue;
        }
        // "tweeted in the early morning hours that ...", "said at a rally in Ohio that ...".
        if ctx.text.tokens[k].info.is(Class::PREP)
            && let Some(that) = phrase_before_that(ctx, k)
        {
            k = that;
        }
        break;
    }
    (k, statement)
}

/// Does "by" at `k` and the word after it name the means a statement came by, no agent: "said by
/// telephone", "told by email" (two-word rows of the channel class). Not "proposed by the
/// United States".
pub(crate) fn by_means(text: &Text, k: usize) -> bool {
    text.word(k) == "by"
        && k + 1 < text.tokens.len()
        && lexicon().pair(Class::CHANNEL, "by", text.word(k + 1))
}

/// The token after "to" at `k` and whoever it names that can listen, when the content or the
/// sentence's end follows: "explained to reporters that", "to the outlet.", "to CNN on
/// Tuesday". Not "to" before what is no one ("admitted to the crime", "adding to his Super
/// Tuesday victories") or a verb ("said to be").
fn listener_at(ctx: &Ctx, k: usize) -> Option<usize> {
    let text = ctx.text;
    if text.word(k) != "to" {
        return None;
    }
    let np = np_after(text, k + 1, ctx.end)?;
    let listens = match classify(text, np).kind {
        MentionKind::Description { role, .. } => matches!(
            lexicon().roles[role as usize].kind,
            RoleType::Person | RoleType::Org | RoleType::Outlet
        ),
        MentionKind::Other | MentionKind::Relative | MentionKind::Unnamed { .. } => false,
        _ => true,
    };
    let next = np.end;
    let ends = next > ctx.last_word()
        || matches!(text.word(next), "that" | "," | ":" | ";")
        || text.tokens[next].is_quote()
        || time_at(text, next).is_some()
        || text.tokens[next].info.is(Class::PREP_BEFORE_CHANNEL);
    (listens && ends).then_some(next)
}

/// The token after a social platform that starts at "on" or "via" at `k`, where what was said
/// was put out: "wrote on Twitter", "said via Instagram", "posted on his Facebook page". The
/// platform is a capitalized channel word, after a possessive or determiner at most, and a
/// lower-case noun after it ("page", "account") goes with it when the adjunct ends there. Not
/// "on Twitter users" (a noun the clause goes on from) nor "on the statement" (lower case).
fn platform_at(ctx: &Ctx, k: usize) -> Option<usize> {
    let text = ctx.text;
    if !matches!(text.word(k), "on" | "via") {
        return None;
    }
    let mut j = k + 1;
    let det = |t: &Token| t.info.is(Class::POSS | Class::DET) && !t.has(TokenFlags::CAP);
    if text.tokens.get(j).is_some_and(det) {
        j += 1;
    }
    let platform = text.tokens.get(j)?;
    if !(platform.info.is(Class::CHANNEL) && platform.has(TokenFlags::CAP)) {
        return None;
    }
    let ends_at = |n: usize| {
        n > ctx.last_word()
            || matches!(text.word(n), "that" | "," | ":" | ";" | "." | "(")
            || text.tokens[n].is_quote()
            || time_at(text, n).is_some()
    };
    let noun = text.tokens.get(j + 1).is_some_and(|t| {
        let unknown = t.info.flags.is_empty() && t.info.verb_forms == 0;
        t.kind == TokenKind::Word
            && !t.has(TokenFlags::CAP)
            && (unknown || t.info.is(Class::CHANNEL))
    });
    if noun && j + 2 <= ctx.end && ends_at(j + 2) {
        return Some(j + 2);
    }
    ends_at(j + 1).then_some(j + 1)
}

/// The token after a time adjunct starting at `k`: "Tuesday", "on Tuesday", "this week",
/// "March 3".
fn time_at(text: &Text, k: usize) -> Option<usize> {
    let t = &text.tokens[k];
    let next_is = |class: Class| text.tokens.get(k + 1).is_some_and(|n| n.info.is(class));
    if t.info.is(Class::TIME) && (!t.has(TokenFlags::CAP) || !t.info.is(Class::STARTER)) {
        return Some(k + 1);
    }
    if matches!(text.word(k), "on" | "this") && next_is(Class::TIME | Class::MONTH) {
        return Some(k + 1);
    }
    // "reported in 1991": a year.
    if text.word(k) == "in" && is_year(text, k + 1) {
        return Some(k + 2);
    }
    let number_next = text
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.kind == TokenKind::Number);
    (t.info.is(Class::MONTH) && number_next).then_some(k + 2)
}

/// Is the token at `k` a year: a number of four digits ("1991", "2016")?
fn is_year(text: &Text, k: usize) -> bool {
    let word = text.word(k);
    text.tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Number)
        && word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && matches!(word.as_bytes()[0], b'1' | b'2')
}

/// Is the "that" at `k` a relative pronoun, a verb right after it ("the days that followed",
/// "states that have suffered"), rather than a complementizer?
pub(crate) fn relative_that(text: &Text, k: usize) -> bool {
    text.word(k) == "that"
        && text.tokens.get(k + 1).is_some_and(|next| {
            !next.has(TokenFlags::CAP)
                && (next.info.is(Class::VERB | Class::AUX) || text.word(k + 1).ends_with("ed"))
        })
}

/// The "that" or colon ending a short prepositional phrase that starts at `k`: nothing in
/// between but words and numbers that are not verbs or conjunctions, and no verb right after
/// "that" ("in the days that followed" is no complementizer). "tweeted in response:".
fn phrase_before_that(ctx: &Ctx, k: usize) -> Option<usize> {
    let text = ctx.text;
    for j in k + 1..(k + 10).min(ctx.end) {
        let t = &text.tokens[j];
        if text.word(j) == ":" {
            return (j > k + 1).then_some(j);
        }
        if text.word(j) == "that" {
            return (j > k + 1 && !relative_that(text, j)).then_some(j);
        }
        let wordlike = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive
        );
        if !wordlike || t.info.is(Class::VERB) || t.info.is(Class::CONJ | Class::SUB | Class::REL) {
            return None;
        }
    }
    None
}

/// "in a statement", "in an emailed statement", "at a news conference", "in an interview with
/// X" starting at the preposition `k`: the token after it and whether it was a statement.
fn channel_phrase(ctx: &Ctx, k: usize) -> Option<(usize, bool)> {
    let text = ctx.text;
    if !text.tokens[k].info.is(Class::PREP_BEFORE_CHANNEL) {
        return None;
    }
    for j in k + 1..(k + 6).min(ctx.end) {
        let n = &text.tokens[j];
        if n.kind != TokenKind::Word {
            return None;
        }
        let w = text.word(j);
        if n.info.is(Class::CHANNEL) && !n.has(TokenFlags::CAP) {
            let mut next = j + 1;
            // "in an interview with CNN", "in comments to reporters".
            if text
                .tokens
                .get(next)
                .is_some_and(|t| t.info.is(Class::PREP_AFTER_CHANNEL))
                && let Some(np) = np_after(text, next + 1, ctx.end)
            {
                next = np.end;
            }
            return Some((next, w == "statement"));
        }
        if n.info.is(Class::VERB) && !w.ends_with("ed")
            || n.info.is(Class::CONJ | Class::SUB | Class::REL)
        {
            return None;
        }
    }
    None
}
