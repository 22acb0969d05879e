//! Noun-phrase boundaries around a cue, found from tokens and word classes alone.
//!
//! Backwards from a verb: skip adverbs, auxiliaries and time expressions ("has also said",
//! "on Friday labeled"), then take the noun phrase that ends there: determiners open it, a
//! preposition such as "for" may join two parts ("a spokesman for the Seoul Detention Center"),
//! commas, conjunctions, subordinators, prepositions and verbs close it. Forwards from a
//! preposition or an inverted verb ("according to X", "said X"), the same in the other direction.

use crate::lexicon::{Class, RoleType, lexicon};
use crate::text::token::{TokenFlags, TokenKind};
use crate::text::{Text, Token};

/// A noun phrase as an inclusive token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Np {
    pub first: usize,
    pub last: usize,
}

impl Np {
    pub fn len(&self) -> usize {
        self.last + 1 - self.first
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

/// The longest noun phrase we look at.
const MAX_NP: usize = 16;

/// Lower-case words that may follow a head noun and bring a complement with them:
/// "people familiar with the matter", "sources close to the president".
pub const POSTMODIFIERS: &[&str] = &[
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "aware",
    "privy",
    "briefed",
    "based",
    "speaking",
    "who",
];

fn is_word_like(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

/// A word that can stand inside a noun phrase (not a function word or a finite verb).
fn is_np_word(t: &Token) -> bool {
    if t.kind == TokenKind::Number {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    if t.has(TokenFlags::ALL_CAPS) {
        // "US", "WHO", "IT": acronyms, not function words; but "ADDS" in an editor's note
        // ("ATTENTION - ADDS quotes") is a verb.
        return !t.info.is(Class::VERB);
    }
    let i = t.info;
    if i.is(Class::PRON | Class::OBJ | Class::REL | Class::SUB | Class::AUX | Class::CONJ) {
        return false;
    }
    if i.is(Class::PREP) && !t.has(TokenFlags::CAP) {
        return false;
    }
    if i.is(Class::ADV) && !t.has(TokenFlags::CAP) && !i.is(Class::ROLE) {
        return false;
    }
    if i.is(Class::DET | Class::POSS) {
        return false;
    }
    if t.has(TokenFlags::LY) && !i.is(Class::ROLE) {
        return false; // "slightly", "publicly": adverbs end a noun phrase
    }
    if t.has(TokenFlags::CAP) && i.is(Class::STARTER) && !i.is(Class::ROLE | Class::TITLE) {
        return false; // "However", "Meanwhile", "There"
    }
    true
}

/// Adjectives that follow the noun they describe, with the preposition they take: "officials
/// familiar with the matter", "people close to Clinton", "a source knowledgeable about the
/// talks", "lawmakers loyal to the president".
const POSTMODIFIER_PREPOSITIONS: &[(&str, &[&str])] = &[
    ("familiar", &["with"]),
    ("close", &["to"]),
    ("closest", &["to"]),
    ("knowledgeable", &["about", "of"]),
    ("loyal", &["to"]),
    ("allied", &["with", "to"]),
    ("aligned", &["with"]),
    ("briefed", &["on"]),
];

/// Is token `prep` the preposition of a postmodifying adjective ("familiar with") that follows
/// a noun? Returns the index of that noun.
pub fn postmodified_noun(text: &Text, lo: usize, prep: usize) -> Option<usize> {
    if prep < lo + 2 {
        return None;
    }
    let (adjective, preposition) = (text.word(prep - 1), text.word(prep));
    let fits = POSTMODIFIER_PREPOSITIONS
        .iter()
        .any(|(a, ps)| *a == adjective && ps.contains(&preposition));
    let noun = &text.tokens[prep - 2];
    (fits && is_np_word(noun) && !noun.info.is(Class::DET | Class::PREP)).then_some(prep - 2)
}

/// A word that can be the head of a noun phrase before a preposition ("spokesman" in
/// "spokesman for", "Flynn" in "Lawyers for Michael Flynn", "head" in "head of").
fn is_nounish(t: &Token) -> bool {
    is_np_word(t) && (t.has(TokenFlags::CAP) || t.info.is(Class::ROLE | Class::TITLE))
}

fn is_verb_like(t: &Token, text: &Text) -> bool {
    if t.kind != TokenKind::Word || t.has(TokenFlags::CAP) {
        return false;
    }
    let lex = lexicon();
    lex.verb_forms(t.info).iter().any(|f| {
        let verb = lex.verb(f.verb);
        // Nouns such as "report", "statement" may head a phrase.
        !verb.has(crate::lexicon::VerbFlags::NOUN) || t.text(text.src).ends_with("ed")
    })
}

/// Skips what may stand between a subject and its verb, going backwards from `cue - 1`:
/// adverbs, auxiliaries, negation and time expressions. Returns the index of the last token
/// of the subject, if any is left at or after `lo`.
pub fn np_end_before(text: &Text, lo: usize, cue: usize) -> Option<usize> {
    let tokens = &text.tokens;
    let mut j = cue;
    while j > lo {
        let t = &tokens[j - 1];
        // "Swiss Radio International (SRI) reported", "Rep. Hank Johnson (D-Ga.) said": a
        // short parenthesis after the name.
        if text.word(j - 1) == ")"
            && let Some(open) = paren_open(text, lo, j - 1)
            && open > lo
        {
            j = open;
            continue;
        }
        if t.kind != TokenKind::Word && t.kind != TokenKind::Number {
            // "Mr. Trump said": the period of a title abbreviation is inside the phrase.
            break;
        }
        let lower_ly = t.has(TokenFlags::LY) && !t.info.is(Class::ROLE);
        if t.info.is(Class::ADV | Class::AUX | Class::NEG) && !t.has(TokenFlags::CAP) || lower_ly {
            j -= 1;
            continue;
        }
        // Time expressions: "Tuesday", "on Friday", "last week", "earlier this month".
        let month_day = t.kind == TokenKind::Number
            && j >= 2
            && (tokens[j - 2].info.is(Class::MONTH)
                || j >= 3 && text.word(j - 2) == "." && tokens[j - 3].info.is(Class::MONTH));
        if t.info.is(Class::TIME) && !t.info.is(Class::ROLE) || month_day {
            let mut k = j - 1;
            while k > lo
                && (tokens[k - 1].info.is(Class::TIME | Class::MONTH)
                    || matches!(text.word(k - 1), "this" | "past" | "next")
                    || text.word(k - 1) == "." && k >= 2 && tokens[k - 2].info.is(Class::MONTH))
            {
                k -= 1;
            }
            if k > lo && matches!(text.word(k - 1), "on" | "On") {
                k -= 1;
            }
            // A time word alone is only skipped when something is left before it.
            if k > lo {
                j = k;
                continue;
            }
        }
        break;
    }
    (j > lo).then(|| j - 1)
}

/// The opening bracket of the short parenthesis closing at `close`.
fn paren_open(text: &Text, lo: usize, close: usize) -> Option<usize> {
    (close.saturating_sub(8).max(lo)..close)
        .rev()
        .find(|&k| text.word(k) == "(")
}

/// The first token of the noun phrase ending at `end`, scanning back no further than `lo`.
pub fn np_start_before(text: &Text, lo: usize, end: usize) -> Option<usize> {
    let tokens = &text.tokens;
    let last = &tokens[end];
    if !is_word_like(last) && last.kind != TokenKind::Possessive {
        return None;
    }
    if last.info.is(Class::PRON | Class::REL) && !last.has(TokenFlags::CAP)
        || last.info.is(Class::PRON)
    {
        return Some(end);
    }
    if !is_np_word(last) {
        return None;
    }
    let mut first = end;
    while first > lo && end - first < MAX_NP {
        let k = first - 1;
        let t = &tokens[k];
        let word = t.text(text.src);
        match t.kind {
            TokenKind::Word | TokenKind::Number if is_np_word(t) => {
                if is_verb_like(t, text) && !t.info.is(Class::ROLE) {
                    break;
                }
                first = k;
            }
            TokenKind::Word if word == "that" => break, // a complementizer, not a determiner
            TokenKind::Word if postmodified_noun(text, lo, k).is_some() => {
                // "officials familiar with the matter", "people close to Clinton".
                first = k - 2;
            }
            TokenKind::Word if t.info.is(Class::DET | Class::POSS) => {
                first = k;
                if k > lo
                    && let Some(noun) = postmodified_noun(text, lo, k - 1)
                {
                    first = noun;
                    continue;
                }
                // "a spokesman for the Seoul Detention Center": the determiner may open the
                // complement of a preposition that continues an earlier noun.
                if k >= lo + 2 && tokens[k - 1].info.is(Class::NPPREP) && is_nounish(&tokens[k - 2])
                {
                    first = k - 1;
                    continue;
                }
                // "The Americans and their NATO allies": a coordination of noun phrases.
                if k >= lo + 2
                    && text.word(k - 1) == "and"
                    && (tokens[k - 2].is_cap_word() || tokens[k - 2].info.is(Class::ROLE_PLURAL))
                {
                    first = k - 1;
                    continue;
                }
                break;
            }
            TokenKind::Word if t.info.is(Class::NPPREP) && !t.has(TokenFlags::CAP) => {
                // "Lawyers for Michael Flynn", "head of the speaker's secretariat".
                if k > lo && is_nounish(&tokens[k - 1]) && is_np_word(&tokens[first]) {
                    first = k;
                } else {
                    break;
                }
            }
            TokenKind::Word if word == "and" || word == "&" => {
                // Inside a name or a coordination of names: "Americans and their NATO allies".
                // "military sources and witnesses": two role nouns.
                let roles = k > lo
                    && tokens[k - 1].info.is(Class::ROLE)
                    && tokens[first].info.is(Class::ROLE);
                // "current and former officials": two modifiers of one role noun.
                let modifiers = k > lo
                    && first < end
                    && tokens[end].info.is(Class::ROLE)
                    && [k - 1, first].iter().all(|&m| {
                        let t = &tokens[m];
                        t.kind == TokenKind::Word && !t.has(TokenFlags::CAP) && is_np_word(t)
                    });
                let left_ok = k > lo && tokens[k - 1].is_cap_word() || roles || modifiers;
                let right_ok = tokens[first].is_cap_word()
                    || tokens[first].info.is(Class::DET | Class::POSS)
                    || roles
                    || modifiers;
                if left_ok && right_ok {
                    first = k;
                } else {
                    break;
                }
            }
            TokenKind::Possessive => first = k,
            TokenKind::Punct if word == "." => {
                // The period of an abbreviation ("Mr.", "Lt. Col.").
                let abbreviated = k > lo
                    && tokens[k - 1].kind == TokenKind::Word
                    && !t.has(TokenFlags::SPACE_BEFORE)
                    && (tokens[k - 1].has(TokenFlags::INITIAL)
                        || lexicon()
                            .abbreviation(tokens[k - 1].text(text.src))
                            .is_some());
                if abbreviated {
                    first = k;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    // Never start on a preposition, a possessive mark or a conjunction.
    while first < end
        && (tokens[first].kind == TokenKind::Possessive
            || tokens[first].info.is(Class::NPPREP) && !tokens[first].has(TokenFlags::CAP)
            || text.word(first) == "and")
    {
        first += 1;
    }
    Some(first)
}

/// The subject of a verb at `cue`: the noun phrase right before it (over adverbs and
/// auxiliaries), or, when a comma-delimited appositive stands between, the phrase before that
/// ("Jay Sekulow, an attorney for Trump, said"). `lo` is the first token it may use.
pub fn subject_before(text: &Text, lo: usize, cue: usize) -> Option<(Np, Option<Np>)> {
    let end = np_end_before(text, lo, cue)?;
    let tokens = &text.tokens;
    if tokens[end].kind == TokenKind::Punct && text.word(end) == "," {
        return one_appositive(text, lo, end).or_else(|| long_appositive(text, lo, end));
    }
    if tokens[end].kind == TokenKind::Dash {
        return dashed_appositive(text, lo, end);
    }
    let start = np_start_before(text, lo, end)?;
    Some((
        Np {
            first: start,
            last: end,
        },
        None,
    ))
}

/// The subject before one comma-delimited appositive or relative clause that closes at the
/// comma `close`: "Jay Sekulow, an attorney for Trump, said".
fn one_appositive(text: &Text, lo: usize, close: usize) -> Option<(Np, Option<Np>)> {
    let tokens = &text.tokens;
    let mut open = close;
    while open > lo && text.word(open - 1) != "," && close - open < 24 {
        open -= 1;
    }
    if open == lo || text.word(open - 1) != "," || open == close {
        return None;
    }
    let inner = Np {
        first: open,
        last: close - 1,
    };
    if !is_appositive(text, inner) {
        return None;
    }
    // A name ending in an abbreviation's period is left to `long_appositive`, which reads the
    // place abbreviations of a longer stretch ("from Ava, Mo., who ..., said").
    let np = described_before(text, lo, open - 1, false)?;
    // "retired in Cambridge, Mass., said": the object of a preposition is no subject.
    let before = np.first.checked_sub(1).filter(|&b| b >= lo);
    let object = before.is_some_and(|b| {
        let t = &tokens[b];
        t.info.is(Class::PREP) && !t.info.is(Class::SUB) && !t.has(TokenFlags::CAP)
    });
    if object {
        return None;
    }
    Some((np, Some(inner)))
}

/// The subject before a longer stretch between commas: an appositive with a place or an age
/// in it, a relative or participle clause ("Paul Porter, a truck driver from Ava, Mo., who is
/// a member of the Teamsters union, said", "Vice President Joseph R. Biden Jr., who was to
/// travel to Columbus, Ohio, on Wednesday, said", "Fiorina, speaking to Iowans, said"). The
/// subject is a name or a role noun that starts its clause; the farthest such comma wins.
fn long_appositive(text: &Text, lo: usize, close: usize) -> Option<(Np, Option<Np>)> {
    let from = close.saturating_sub(48).max(lo + 1);
    for open in (from..close).filter(|&k| text.word(k) == ",") {
        let inner = Np {
            first: open + 1,
            last: close - 1,
        };
        if inner.first > inner.last || !appositive_stretch(text, inner) {
            continue;
        }
        let Some(np) = described_before(text, lo, open, true) else {
            continue;
        };
        if clause_starts_at(text, lo, np.first) {
            return Some((np, Some(inner)));
        }
    }
    None
}

/// The subject before an appositive between dashes: "Jason Sims — a teacher from Mount
/// Pleasant — says".
fn dashed_appositive(text: &Text, lo: usize, close: usize) -> Option<(Np, Option<Np>)> {
    let dash = text.word(close);
    let open = (close.saturating_sub(24).max(lo + 1)..close)
        .rev()
        .find(|&k| text.word(k) == dash)?;
    let inner = Np {
        first: open + 1,
        last: close.checked_sub(1)?,
    };
    if inner.first > inner.last || !(is_appositive(text, inner) || appositive_stretch(text, inner))
    {
        return None;
    }
    Some((described_before(text, lo, open, true)?, Some(inner)))
}

/// The noun phrase an appositive opening after token `open` (its comma or dash) describes: the
/// phrase right before it, over a short parenthesis ("Rep. Elijah Cummings (D-Md.), chair of
/// ...") and an abbreviation's period ("Joseph R. Biden Jr., who ..."), headed by a name or
/// a role noun. `abbreviation` allows the period.
fn described_before(text: &Text, lo: usize, open: usize, abbreviation: bool) -> Option<Np> {
    let tokens = &text.tokens;
    let mut head_end = open.checked_sub(1).filter(|&e| e >= lo)?;
    if text.word(head_end) == ")" {
        let paren = paren_open(text, lo, head_end).filter(|&p| p > lo)?;
        head_end = paren - 1;
    }
    if abbreviation
        && text.word(head_end) == "."
        && head_end > lo
        && tokens[head_end - 1].kind == TokenKind::Word
    {
        head_end -= 1;
    }
    let np = Np {
        first: np_start_before(text, lo, head_end)?,
        last: head_end,
    };
    let head = &tokens[head_end];
    (head.is_cap_word() || head.info.is(Class::ROLE) || role_with_complement(text, np))
        .then_some(np)
}

/// Does a clause start at token `k`: the first token the search may use, or after a comma,
/// semicolon, dash or conjunction?
pub fn clause_starts_at(text: &Text, lo: usize, k: usize) -> bool {
    k == lo
        || matches!(
            text.word(k - 1),
            "," | ";" | "and" | "but" | "But" | "And" | "—" | "--"
        )
}

/// A role noun with its complement: "Supporters of abortion rights", "Editorial writers across
/// the country".
fn role_with_complement(text: &Text, np: Np) -> bool {
    (np.first..np.last).any(|k| {
        let t = &text.tokens[k];
        t.info.is(Class::ROLE) && text.tokens[k + 1].info.is(Class::PREP)
    })
}

/// Segments between commas that together describe a noun phrase: appositives, places and ages
/// ("Ava, Mo.", "27"), and a relative or participle clause with whatever follows it up to the
/// closing comma. No quotation and no reporting verb outside such a clause.
fn appositive_stretch(text: &Text, inner: Np) -> bool {
    let tokens = &text.tokens;
    let mut clause = false;
    let mut segments = 0;
    let mut first = inner.first;
    while first <= inner.last {
        let last = (first..=inner.last)
            .find(|&k| text.word(k) == ",")
            .map_or(inner.last, |comma| comma - 1);
        segments += 1;
        if segments > 6 || (first..=last).any(|k| tokens[k].is_quote()) {
            return false;
        }
        if last >= first {
            let segment = Np { first, last };
            let lead = if tokens[first].info.is(Class::ADV) && first < last {
                first + 1
            } else {
                first
            };
            let lead_word = text.word(lead);
            let lead_lower =
                !tokens[lead].has(TokenFlags::CAP) && tokens[lead].kind == TokenKind::Word;
            let relative = tokens[first].info.is(Class::REL) && !tokens[first].has(TokenFlags::CAP)
                // "a conservative group that has sued ...": a noun phrase and its clause.
                || tokens[first].info.is(Class::DET)
                    && (first + 1..=last).any(|k| {
                        tokens[k].info.is(Class::REL) && !tokens[k].has(TokenFlags::CAP)
                    });
            // "now 81 and retired in Cambridge": an age, and what follows it.
            let age = tokens[lead].kind == TokenKind::Number;
            let participle = lead_lower
                && (lead_word.ends_with("ing") || lead_word.ends_with("ed"))
                && lead_word.len() > 4;
            let proper = (first..=last).all(|k| {
                let t = &tokens[k];
                t.is_cap_word() || t.kind == TokenKind::Number || text.word(k) == "."
            });
            let fits =
                clause || relative || participle || age || proper || is_appositive(text, segment);
            if !fits {
                return false;
            }
            clause |= relative || participle || age;
        }
        first = last + 2;
    }
    true
}

/// The noun phrase before a restrictive relative clause that ends right before `cue`: "a White
/// House official who spoke anonymously to discuss internal strategy said".
pub fn subject_before_relative(text: &Text, lo: usize, cue: usize) -> Option<Np> {
    let end = np_end_before(text, lo, cue)?;
    let who = (end.saturating_sub(14).max(lo + 1)..end)
        .rev()
        .take_while(|&k| !matches!(text.word(k), "," | ";" | ":") && !text.tokens[k].is_quote())
        .find(|&k| matches!(text.word(k), "who" | "that" | "whose"))?;
    let start = np_start_before(text, lo, who - 1)?;
    let np = Np {
        first: start,
        last: who - 1,
    };
    let head = &text.tokens[np.last];
    (head.is_cap_word() || head.info.is(Class::ROLE)).then_some(np)
}

/// Does this comma-delimited stretch read as an appositive or a non-restrictive relative
/// clause ("an attorney for Trump", "who is Muslim", "73", "the most anticipated witness")?
fn is_appositive(text: &Text, np: Np) -> bool {
    let t = &text.tokens[np.first];
    let lex = lexicon();
    if t.info.is(Class::REL) && !t.has(TokenFlags::CAP) {
        return true;
    }
    if t.kind == TokenKind::Number && np.len() <= 3
        || text.word(np.first) == "then" && np.len() <= 4
    {
        return true; // an age: "73", "then 38"
    }
    if t.info.is(Class::PREP) && !t.has(TokenFlags::CAP) && np.len() <= 6 {
        return true; // a parenthetical: "in her dissent"
    }
    // A sentence adverb: "Murphy, though, said", "Trump, however, said".
    let adverb = |i: usize| {
        let t = &text.tokens[i];
        !t.has(TokenFlags::CAP)
            && (t.info.is(Class::ADV)
                || t.has(TokenFlags::LY)
                || matches!(
                    text.word(i),
                    "though" | "however" | "meanwhile" | "too" | "also"
                ))
    };
    if np.len() <= 2 && (np.first..=np.last).all(adverb) {
        return true;
    }
    // No reporting verb inside: that would be a clause of its own.
    let has_verb = (np.first..=np.last).any(|i| {
        let t = &text.tokens[i];
        t.info.is(Class::AUX)
            || lex
                .verb_forms(t.info)
                .iter()
                .any(|f| f.forms.intersects(!crate::lexicon::Form::BASE))
    });
    if has_verb {
        return false;
    }
    let last = &text.tokens[np.last];
    let head_is_role = last.info.is(Class::ROLE) || last.info.is(Class::TITLE);
    let opens = t.info.is(Class::DET | Class::POSS) || t.info.is(Class::TITLE) || t.is_cap_word();
    // "senior director for Asian affairs at the National Security Council": lower case, but a
    // role noun stands in it.
    let has_role = (np.first..=np.last).any(|i| text.tokens[i].info.is(Class::ROLE | Class::TITLE));
    opens && (head_is_role || last.is_cap_word() || np.len() <= 8) || has_role && np.len() <= 14
}

/// The noun phrase starting at `start` (for "according to X", "said X", "quoted by X"),
/// ending before `limit`.
pub fn np_after(text: &Text, start: usize, limit: usize) -> Option<Np> {
    let tokens = &text.tokens;
    let limit = limit.min(tokens.len());
    if start >= limit {
        return None;
    }
    let first = &tokens[start];
    if first.info.is(Class::PRON) && first.kind == TokenKind::Word {
        return Some(Np {
            first: start,
            last: start,
        });
    }
    let mut i = start;
    let mut last: Option<usize> = None;
    if first.info.is(Class::DET | Class::POSS) && !first.info.is(Class::ROLE) {
        i += 1;
    }
    let mut seen_cap_name = false;
    while i < limit && i - start < MAX_NP {
        let t = &tokens[i];
        if i > start && t.has(TokenFlags::LINE_BEFORE) {
            break; // a noun phrase does not run over a line break
        }
        let word = t.text(text.src);
        match t.kind {
            TokenKind::Word | TokenKind::Number if is_np_word(t) && !t.info.is(Class::NPPREP) => {
                if last.is_some() && is_verb_like(t, text) && !t.info.is(Class::ROLE) {
                    break;
                }
                if last.is_some()
                    && t.info.is(Class::TIME | Class::MONTH)
                    && !t.has(TokenFlags::CAP)
                {
                    break;
                }
                if seen_cap_name
                    && !t.has(TokenFlags::CAP)
                    && t.kind == TokenKind::Word
                    && !t.info.is(Class::ROLE)
                {
                    // "said Steve Cowan" stops before lower-case words that are not role nouns,
                    // unless one follows: "the Interfax news agency".
                    let role_follows = tokens
                        .get(i + 1)
                        .is_some_and(|n| n.info.is(Class::ROLE) && !n.has(TokenFlags::CAP));
                    if !role_follows {
                        break;
                    }
                }
                if seen_cap_name && t.has(TokenFlags::CAP) && t.info.is(Class::TIME) {
                    break; // "said Hill Thursday"
                }
                if t.is_cap_word() {
                    seen_cap_name = true;
                }
                last = Some(i);
                i += 1;
            }
            TokenKind::Possessive if last.is_some() => {
                seen_cap_name = false;
                last = Some(i);
                i += 1;
                // What follows the possessive is the head: "the Kremlin's press service".
                if i < limit && tokens[i].info.is(Class::DET) {
                    break;
                }
            }
            TokenKind::Punct if word == "." && last == Some(i - 1) => {
                let prev = &tokens[i - 1];
                let abbreviation = prev.has(TokenFlags::INITIAL)
                    || lexicon().abbreviation(prev.text(text.src)).is_some();
                if abbreviation
                    && !t.has(TokenFlags::SPACE_BEFORE)
                    && i + 1 < limit
                    && tokens[i + 1].is_cap_word()
                {
                    last = Some(i);
                    i += 1;
                } else {
                    break;
                }
            }
            TokenKind::Word
                if last.is_some() && (t.info.is(Class::NPPREP) || word == "in" || word == "on") =>
            {
                // A complement: "a spokesman for the ministry", "people familiar with the
                // matter", "Patrol Chief James Hall with the New York Police Department".
                let head = &tokens[last.unwrap_or(i)];
                let postmodifier = POSTMODIFIERS.contains(&text.word(last.unwrap_or(i)));
                let licensed = postmodifier
                    || (t.info.is(Class::NPPREP)
                        && (head.info.is(Class::ROLE | Class::TITLE) || head.has(TokenFlags::CAP)))
                    || (word == "in" && head.info.is(Class::ROLE));
                let next = tokens.get(i + 1);
                let opens_np = next.is_some_and(|n| {
                    n.info.is(Class::DET | Class::POSS) || n.is_cap_word() || n.kind == TokenKind::Number
                        || n.info.is(Class::ROLE)
                        // "people with knowledge of the inquiries"
                        || word == "with" && is_np_word(n) && !n.info.is(Class::VERB)
                });
                if !(licensed && opens_np) || i + 1 >= limit {
                    break;
                }
                let Some(inner) = np_after(text, i + 1, limit) else {
                    break;
                };
                last = Some(inner.last);
                i = inner.last + 1;
                seen_cap_name = false;
            }
            TokenKind::Word if (word == "and" || word == "&") && last.is_some() => {
                // "Yonhap and other news reports", "Americans and their NATO allies".
                let next = tokens.get(i + 1);
                let coordinates = next
                    .is_some_and(|n| n.is_cap_word() || n.info.is(Class::DET | Class::POSS))
                    && tokens[last.unwrap_or(i)].is_cap_word();
                if !coordinates || i + 1 >= limit {
                    break;
                }
                let Some(inner) = np_after(text, i + 1, limit) else {
                    break;
                };
                last = Some(inner.last);
                i = inner.last + 1;
            }
            _ => break,
        }
    }
    let last = last?;
    // Trailing possessives or prepositions are not part of the phrase.
    let mut last = last;
    while last > start && (tokens[last].kind == TokenKind::Possessive || text.word(last) == ".") {
        last -= 1;
    }
    Some(Np { first: start, last })
}

/// An appositive right after a noun phrase ending at `np_last`: ", a spokesman for X" up to the
/// next comma or the sentence end (before `limit`).
pub fn appositive_after(text: &Text, np_last: usize, limit: usize) -> Option<Np> {
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
    let head = &text.tokens[np.last];
    let role_head = head.info.is(Class::ROLE | Class::TITLE) || head.is_cap_word();
    role_head.then_some(np)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn words(text: &Text, np: Np) -> String {
        text.span(np.first, np.last).slice(text.src).to_string()
    }

    fn subject(sentence: &str, cue: &str) -> String {
        let text = Text::new(sentence, lexicon());
        let cue = (0..text.tokens.len())
            .rev()
            .find(|&i| text.word(i) == cue)
            .unwrap();
        match subject_before(&text, 0, cue) {
            Some((np, _)) => words(&text, np),
            None => String::new(),
        }
    }

    fn after(sentence: &str, from: &str) -> String {
        let text = Text::new(sentence, lexicon());
        let i = (0..text.tokens.len())
            .find(|&i| text.word(i) == from)
            .unwrap()
            + 1;
        np_after(&text, i, text.tokens.len())
            .map(|np| words(&text, np))
            .unwrap_or_default()
    }

    #[test]
    fn subjects_before_verbs() {
        assert_eq!(
            subject(
                "US National Security Adviser Jake Sullivan said Biden",
                "said"
            ),
            "US National Security Adviser Jake Sullivan"
        );
        assert_eq!(
            subject(
                "Tensions rose, the Kremlin's press service reported.",
                "reported"
            ),
            "the Kremlin's press service"
        );
        assert_eq!(
            subject(
                "He was taken, a spokesman for the Seoul Detention Center told AFP.",
                "told"
            ),
            "a spokesman for the Seoul Detention Center"
        );
        assert_eq!(
            subject(
                "The lawyer for former U.S. national security adviser Michael Flynn on Friday labeled",
                "labeled"
            ),
            "The lawyer for former U.S. national security adviser Michael Flynn"
        );
        assert_eq!(subject("Trump has recently said", "said"), "Trump");
        assert_eq!(subject("but Sondland has said he", "said"), "Sondland");
        assert_eq!(subject("\"Quote,\" he said.", "said"), "he");
        assert_eq!(
            subject("Lt. Col. Alexander Vindman told lawmakers", "told"),
            "Lt. Col. Alexander Vindman"
        );
        assert_eq!(
            subject("Press reports Tuesday said", "said"),
            "Press reports"
        );
        assert_eq!(
            subject(
                "The Americans and their NATO allies had said in advance",
                "said"
            ),
            "The Americans and their NATO allies"
        );
    }

    #[test]
    fn appositives_are_stepped_over() {
        assert_eq!(
            subject("Jay Sekulow, an attorney for Trump, said:", "said"),
            "Jay Sekulow"
        );
        assert_eq!(subject("Khan, who is Muslim, also said", "said"), "Khan");
        assert_eq!(
            subject(
                "Lawyers for Michael Flynn, President Donald Trump’s former national security adviser, have told",
                "told"
            ),
            "Lawyers for Michael Flynn"
        );
    }

    #[test]
    fn no_subject_across_a_comma_that_ends_a_clause() {
        assert_eq!(
            subject("\"We dodged a bullet,\" said Steve Cowan", "said"),
            ""
        );
        assert_eq!(
            subject("In a statement, the White House said", "said"),
            "the White House"
        );
    }

    #[test]
    fn noun_phrases_after_prepositions_and_inverted_verbs() {
        assert_eq!(
            after("according to a person familiar with the matter.", "to"),
            "a person familiar with the matter"
        );
        assert_eq!(
            after("said Steve Cowan, a spokesman", "said"),
            "Steve Cowan"
        );
        assert_eq!(
            after("quoted by the Interfax news agency as saying", "by"),
            "the Interfax news agency"
        );
        assert_eq!(
            after(
                "said Patrol Chief James Hall with the New York Police Department.",
                "said"
            ),
            "Patrol Chief James Hall with the New York Police Department"
        );
        assert_eq!(
            after(
                "citing four unnamed people involved in the case, the",
                "citing"
            ),
            "four unnamed people involved in the case"
        );
        assert_eq!(after("said Hill Thursday.", "said"), "Hill");
        assert_eq!(after("Reuters reported, quoted by BTA.", "by"), "BTA");
    }
}
