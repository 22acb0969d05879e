//! Relays standing after the words or the document a noun phrase names: "reports cited by
//! MySA", "a memo obtained by Politico", "The text, a copy of which was obtained by AFP, ...":
//! they reached the article through Y. And the outlet of a reporter: "Maria Lopez of the
//! Financial Times".

use crate::lexicon::Class;
use crate::mention::{Mention, MentionKind, classify, np_after};
use crate::rules::clause::is_outlet;
use crate::text::{Text, TokenRange};

/// "cited by Y", "obtained by Y" with the relay participle at `p`: the cue words and Y's
/// mention, when Y can relay there. After a reporting verb's participle any source can
/// ("reports cited by MySA"); after the others only an outlet ("a letter seen by Reuters",
/// not "seen by his followers", "obtained by force").
pub(crate) fn relay_by(text: &Text, p: usize, limit: usize) -> Option<(TokenRange, Mention)> {
    let participle = text.tokens.get(p)?;
    if !participle.info.is(Class::RELAY_PARTICIPLE)
        || participle.has(crate::text::token::TokenFlags::CAP)
        || p + 2 >= limit
        || text.word(p + 1) != "by"
    {
        return None;
    }
    let np = np_after(text, p + 2, limit)?;
    let mention = classify(text, np);
    let accepted = if participle.info.is(Class::VERB) {
        mention.is_source_like()
    } else {
        is_outlet(&mention)
    };
    accepted.then(|| (TokenRange::new(p, p + 2), mention))
}

/// The first relay participle inside `np` that "by" follows ("a memo obtained" before "by
/// Politico"): where the phrase really ends.
pub(crate) fn relay_participle_in(text: &Text, np: TokenRange) -> Option<usize> {
    (np.start + 1..np.end)
        .find(|&k| text.tokens[k].info.is(Class::RELAY_PARTICIPLE) && text.word(k + 1) == "by")
}

/// The start of a relative clause's opening before the participle at `p`: "which was", "that
/// had been", "a copy of which was" (" obtained by AFP"), not looking before `lo`.
pub(crate) fn relative_opening(text: &Text, lo: usize, p: usize) -> Option<usize> {
    let mut k = p;
    while k > lo && text.tokens[k - 1].info.is(Class::BE | Class::HAVE) {
        k -= 1;
    }
    if k == p || k == lo || !matches!(text.word(k - 1), "which" | "that") {
        return None;
    }
    let relative = k - 1;
    // "a copy of which": a short phrase and "of" before the relative.
    if relative >= lo + 2 && text.word(relative - 1) == "of" {
        let start = (relative.saturating_sub(4).max(lo)..relative - 1)
            .find(|&s| text.word(s.saturating_sub(1)) == "," && s > lo)?;
        return Some(start);
    }
    Some(relative)
}

/// The outlet of a reporter named with it: "Maria Lopez of the Financial Times", "Jane Roe
/// for NPR". Not a person of any other body ("Mark Zandi of Moody's Analytics").
pub(crate) fn reporter_outlet(text: &Text, mention: &Mention) -> Option<Mention> {
    let MentionKind::Person { name, .. } = &mention.kind else {
        return None;
    };
    let prep = name.end;
    if prep + 1 >= mention.np.end || !text.tokens[prep].info.is(Class::REPORTER_PREP) {
        return None;
    }
    let outlet = classify(text, TokenRange::new(prep + 1, mention.np.end));
    is_outlet(&outlet).then_some(outlet)
}
