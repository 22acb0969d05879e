//! Subjects over what stands between them and their verb: an appositive or a relative clause
//! between commas ("Jay Sekulow, an attorney for Trump, said"), between dashes, or a restrictive
//! relative clause ("a White House official who spoke anonymously said").

use crate::lexicon::{Class, lexicon};
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

use super::{np_end_before, np_start_before, paren_open};
use crate::text::TokenRange;

/// The subject of a verb at `cue`: the noun phrase right before it (over adverbs and
/// auxiliaries), or, when a comma-delimited appositive stands between, the phrase before that
/// ("Jay Sekulow, an attorney for Trump, said"). `lo` is the first token it may use.
pub(crate) fn subject_before(
    text: &Text,
    lo: usize,
    cue: usize,
) -> Option<(TokenRange, Option<TokenRange>)> {
    let end = np_end_before(text, lo, cue)?;
    let tokens = &text.tokens;
    if tokens[end].kind == TokenKind::Punct && text.word(end) == "," {
        if let Some(open) = tag_before_comma(text, lo, end) {
            let np_end = open.checked_sub(1).filter(|&e| e >= lo)?;
            let start = np_start_before(text, lo, np_end)?;
            return Some((TokenRange::new(start, np_end + 1), None));
        }
        return one_appositive(text, lo, end).or_else(|| long_appositive(text, lo, end));
    }
    // "Humphrey, who calls Trump a "sociopath," said": the aside's comma inside its closing
    // quotation mark.
    if quote_closing_after_comma(text, lo, end) {
        return one_appositive(text, lo, end - 1).or_else(|| long_appositive(text, lo, end - 1));
    }
    if tokens[end].kind == TokenKind::Dash {
        return dashed_appositive(text, lo, end);
    }
    let start = np_start_before(text, lo, end)?;
    Some((TokenRange::new(start, end + 1), None))
}

/// The opening bracket of a tag in capitals right before the comma `comma`, a comma that sets
/// off nothing: "Gov. John Kasich (R-OH), said", "Sen. Jack Reed (D-R.I.), said" (a party and a
/// state, a dash between them). Not an acronym ("Ichiro Ozawa, who heads the New Frontier Party
/// (NFP), promised": the comma closes the appositive) nor "(a Connecticut Democrat)".
fn tag_before_comma(text: &Text, lo: usize, comma: usize) -> Option<usize> {
    let close = comma
        .checked_sub(1)
        .filter(|&c| c > lo && text.word(c) == ")")?;
    let open = paren_open(text, lo, close).filter(|&o| o > lo && o + 1 < close)?;
    let tag = (open + 1..close).all(|k| {
        let t = &text.tokens[k];
        t.has(TokenFlags::ALL_CAPS) && t.kind == TokenKind::Word
            || matches!(text.word(k), "-" | "." | "–")
    });
    let capital_first = text.tokens[open + 1].has(TokenFlags::ALL_CAPS);
    let dash = (open + 1..close).any(|k| text.word(k).contains(['-', '–']));
    (tag && capital_first && dash).then_some(open)
}

/// Is the token at `end` a closing quotation mark right after a comma, the comma closing an
/// aside before the verb, inside the mark as American style puts it ("..., who calls Trump a
/// "sociopath," said")?
fn quote_closing_after_comma(text: &Text, lo: usize, end: usize) -> bool {
    end > lo + 1
        && text.tokens[end].is_double_quote()
        && text.word(end - 1) == ","
        && quote_at_mark(text, end).is_some_and(|q| q.close == Some(end) && q.open > lo)
}

/// The quotation whose opening or closing mark is the token at `k`.
fn quote_at_mark<'t>(text: &'t Text<'_>, k: usize) -> Option<&'t crate::text::Quote> {
    let opened = text.quote_of(k + 1).filter(|q| q.open == k);
    opened.or_else(|| {
        k.checked_sub(1)
            .and_then(|b| text.quote_of(b))
            .filter(|q| q.close == Some(k))
    })
}

/// The subject before one comma-delimited appositive or relative clause that closes at the
/// comma `close`: "Jay Sekulow, an attorney for Trump, said".
fn one_appositive(
    text: &Text,
    lo: usize,
    close: usize,
) -> Option<(TokenRange, Option<TokenRange>)> {
    let tokens = &text.tokens;
    let mut open = close;
    while open > lo && text.word(open - 1) != "," && close - open < 24 {
        open -= 1;
    }
    if open == lo || text.word(open - 1) != "," || open == close {
        return None;
    }
    let inner = TokenRange::new(open, close);
    if !is_appositive(text, inner) {
        return None;
    }
    // A name ending in an abbreviation's period is left to `long_appositive`, which reads the
    // place abbreviations of a longer stretch ("from Ava, Mo., who ..., said").
    let np = described_before(text, lo, open - 1, false)?;
    if state_of_place(text, lo, np) {
        return None;
    }
    // "Just shy of half, 49%, say", "about two-thirds, 67 percent, say": the share after the
    // words that round it, from its clause's start, even after "of".
    if let Some(share) = rounded_share(text, lo, np) {
        return Some((share, Some(inner)));
    }
    // "retired in Cambridge, Mass., said": the object of a preposition is no subject; but "of"
    // after a quantity opening the sentence counts the people ("One of his advisers, Tad
    // Devine, told").
    let before = np.start.checked_sub(1).filter(|&b| b >= lo);
    let object = before.is_some_and(|b| {
        let t = &tokens[b];
        // The quantity opens the sentence: not "Rahman, one of the three commissioners, who
        // ..., said", where it is an appositive itself.
        let counted = text.word(b) == "of"
            && b > lo
            && (b - 1 == lo || tokens[b - 1].has(TokenFlags::CAP))
            && tokens[b - 1].info.is(Class::QUANTITY)
            && tokens[b - 1].info.is(Class::DET);
        t.info.is(Class::PREP) && !t.info.is(Class::SUB) && !t.has(TokenFlags::CAP) && !counted
    });
    // A count of people after a comma is an appositive itself: "Rahman, one of the three
    // commissioners, who ..., said" (the speaker is before it).
    let appositive_count = np.len() > 2
        && text.word(np.start + 1) == "of"
        && tokens[np.start].info.is(Class::QUANTITY)
        && before.is_some_and(|b| text.word(b) == ",");
    if object || appositive_count {
        return None;
    }
    Some((np, Some(inner)))
}

/// The most words that may round a share before it ("Just shy of", "Just over a").
const MAX_ROUNDING: usize = 3;

/// A share of people headed by a quantity word after the few lower-case words that round it
/// from the start of its clause: "(Just shy of) half", "(about) two-thirds", "(Just over) a
/// quarter" (an appositive gives the number after them). Not after a noun or a verb ("a third of the
/// party", "won half": the words before it are no rounding).
fn rounded_share(text: &Text, lo: usize, np: TokenRange) -> Option<TokenRange> {
    let tokens = &text.tokens;
    if !tokens[np.last()].info.is(Class::QUANTITY) || np.start == lo {
        return None;
    }
    let start = (np.start.saturating_sub(MAX_ROUNDING).max(lo)..np.start)
        .find(|&k| clause_starts_at(text, lo, k))?;
    let rounds = (start..np.start).all(|k| {
        let t = &tokens[k];
        t.kind == TokenKind::Word
            && (k == start || !t.has(TokenFlags::CAP))
            && !t
                .info
                .is(Class::VERB | Class::ROLE | Class::QUANTITY | Class::PRON)
    });
    rounds.then_some(np)
}

/// Is `np` a place's state, abbreviated after the place and its comma ("Raleigh, N.C.,"): no
/// one an appositive after it describes ("Harry Bond, 30, of Raleigh, N.C., who was among those
/// polled, said" describes Harry Bond).
fn state_of_place(text: &Text, lo: usize, np: TokenRange) -> bool {
    np.len() == 1
        && text.word(np.start).ends_with('.')
        && np.start >= lo + 2
        && text.word(np.start - 1) == ","
        && text.tokens[np.start - 2].is_cap_word()
}

/// The subject before a longer stretch between commas: an appositive with a place or an age
/// in it, a relative or participle clause ("Paul Porter, a truck driver from Ava, Mo., who is
/// a member of the Teamsters union, said", "Vice President Joseph R. Biden Jr., who was to
/// travel to Columbus, Ohio, on Wednesday, said", "Fiorina, speaking to Iowans, said"). The
/// subject is a name or a role noun that starts its clause; the farthest such comma wins.
fn long_appositive(
    text: &Text,
    lo: usize,
    close: usize,
) -> Option<(TokenRange, Option<TokenRange>)> {
    let from = close.saturating_sub(48).max(lo + 1);
    for open in (from..close).filter(|&k| text.word(k) == ",") {
        let inner = TokenRange::new(open + 1, close);
        if inner.start > inner.last() || !appositive_stretch(text, inner) {
            continue;
        }
        let Some(np) =
            described_before(text, lo, open, true).filter(|&np| !state_of_place(text, lo, np))
        else {
            continue;
        };
        if clause_starts_at(text, lo, np.start) {
            return Some((np, Some(inner)));
        }
    }
    None
}

/// The subject before an appositive between dashes: "Jason Sims — a teacher from Mount
/// Pleasant — says".
fn dashed_appositive(
    text: &Text,
    lo: usize,
    close: usize,
) -> Option<(TokenRange, Option<TokenRange>)> {
    let dash = text.word(close);
    let open = (close.saturating_sub(24).max(lo + 1)..close)
        .rev()
        .find(|&k| text.word(k) == dash)?;
    let inner = TokenRange::new(open + 1, close.checked_sub(1)? + 1);
    if inner.start > inner.last()
        || !(is_appositive(text, inner) || appositive_stretch(text, inner))
    {
        return None;
    }
    Some((described_before(text, lo, open, true)?, Some(inner)))
}

/// The noun phrase an appositive opening after token `open` (its comma or dash) describes: the
/// phrase right before it, over a short parenthesis ("Rep. Elijah Cummings (D-Md.), chair of
/// ...") and an abbreviation's period ("Joseph R. Biden Jr., who ..."), headed by a name or
/// a role noun. `abbreviation` allows the period.
fn described_before(text: &Text, lo: usize, open: usize, abbreviation: bool) -> Option<TokenRange> {
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
    let np = TokenRange::new(np_start_before(text, lo, head_end)?, head_end + 1);
    let head = &tokens[head_end];
    // "Significantly, the judge said": an opening adverb is described by nothing.
    let adverb = np.len() == 1 && super::opening_adverb(text, head_end);
    if head.is_cap_word() || head.info.is(Class::ROLE) || role_with_complement(text, np) {
        return (!adverb).then_some(np);
    }
    counted_people(text, lo, np)
}

/// A share of people an appositive counts or names: "A third, Daniel Traynor, said", "A
/// majority, 55 percent, say", "A third of independents, 33%, say": the phrase `np`, headed by
/// a quantity word, or the quantity and "of" before it. Not a number alone ("In 2012, Smith
/// ..."), which the quantity class does not hold.
fn counted_people(text: &Text, lo: usize, np: TokenRange) -> Option<TokenRange> {
    let tokens = &text.tokens;
    let quantity =
        |k: usize| tokens[k].kind == TokenKind::Word && tokens[k].info.is(Class::QUANTITY);
    if quantity(np.last()) {
        return Some(np);
    }
    let of = np
        .start
        .checked_sub(1)
        .filter(|&k| k > lo && text.word(k) == "of")?;
    let start = np_start_before(text, lo, of - 1)?;
    quantity(of - 1).then(|| TokenRange::new(start, np.end))
}

/// Does a clause start at token `k`: the first token the search may use, or after a comma,
/// semicolon, dash, conjunction or quotation mark (""...," James B. Comey Jr., the director,
/// said")?
pub(crate) fn clause_starts_at(text: &Text, lo: usize, k: usize) -> bool {
    k == lo
        || matches!(text.word(k - 1), "," | ";" | "—" | "--")
        || text.tokens[k - 1].is_quote()
        || text.tokens[k - 1].info.is(Class::CONJ) && !text.tokens[k - 1].has(TokenFlags::ALL_CAPS)
}

/// A role noun with its complement: "Supporters of abortion rights", "Editorial writers across
/// the country".
fn role_with_complement(text: &Text, np: TokenRange) -> bool {
    (np.start..np.last()).any(|k| {
        let t = &text.tokens[k];
        t.info.is(Class::ROLE) && text.tokens[k + 1].info.is(Class::PREP)
    })
}

/// Segments between commas that together describe a noun phrase: appositives, places and ages
/// ("Ava, Mo.", "27"), and a relative or participle clause with whatever follows it up to the
/// closing comma. No quotation and no reporting verb outside such a clause.
fn appositive_stretch(text: &Text, inner: TokenRange) -> bool {
    let quotes_pair = quoted_inside(text, inner);
    let mut clause = false;
    let mut segments = 0;
    let mut first = inner.start;
    while first <= inner.last() {
        let last = (first..inner.end)
            .find(|&k| text.word(k) == ",")
            .map_or(inner.last(), |comma| comma - 1);
        segments += 1;
        if segments > 6 || !quotes_pair && (first..=last).any(|k| text.tokens[k].is_quote()) {
            return false;
        }
        if last >= first && !clause {
            match segment_reading(text, TokenRange::new(first, last + 1)) {
                Some(opens_clause) => clause = opens_clause,
                None => return false,
            }
        }
        first = last + 2;
    }
    true
}

/// Does a stretch hold whole quotations only, their closing mark at most one token past its end
/// (after its closing comma): a title or a word quoted in an aside ("the co-author of "Going
/// Viral," about ...", "citing "the unique magic of Trump,""). Not a quotation that opens in it
/// and runs on past the verb.
fn quoted_inside(text: &Text, inner: TokenRange) -> bool {
    let limit = inner.end + 1;
    let marks = |k: usize| text.tokens[k].is_quote();
    inner.indices().filter(|&k| marks(k)).all(|k| {
        quote_at_mark(text, k)
            .is_some_and(|q| q.open >= inner.start && q.close.is_some_and(|c| c <= limit))
    })
}

/// How one segment of an appositive stretch reads: `Some(true)` if it opens a clause that runs
/// to the closing comma (a relative clause, a participle, an age and what follows it),
/// `Some(false)` if it describes the noun phrase by itself (a proper name such as a place, an
/// appositive), `None` if it does neither.
fn segment_reading(text: &Text, segment: TokenRange) -> Option<bool> {
    let tokens = &text.tokens;
    // "the co-author of "Going Viral," about ...": the mark closing a quotation of the
    // segment before is no word of this one.
    let segment = if tokens[segment.start].is_quote() && segment.len() > 1 {
        TokenRange::new(segment.start + 1, segment.end)
    } else {
        segment
    };
    let (first, last) = (segment.start, segment.last());
    let lead = if tokens[first].info.is(Class::ADV) && first < last {
        first + 1
    } else {
        first
    };
    let lead_word = text.word(lead);
    let lead_lower = !tokens[lead].has(TokenFlags::CAP) && tokens[lead].kind == TokenKind::Word;
    let is_relative = |k: usize| tokens[k].info.is(Class::REL) && !tokens[k].has(TokenFlags::CAP);
    // "a conservative group that has sued ...": a noun phrase and its clause.
    let relative = is_relative(first)
        || tokens[first].info.is(Class::DET) && (first + 1..=last).any(is_relative);
    // "now 81 and retired in Cambridge": an age, and what follows it.
    let age = tokens[lead].kind == TokenKind::Number;
    let participle = lead_lower
        && (lead_word.ends_with("ing") || lead_word.ends_with("ed"))
        && lead_word.len() > 4;
    if relative || participle || age {
        return Some(true);
    }
    let proper = (first..=last).all(|k| {
        let t = &tokens[k];
        t.is_cap_word() || t.kind == TokenKind::Number || text.word(k) == "."
    });
    (proper || is_appositive(text, segment)).then_some(false)
}

/// The noun phrase before a restrictive relative clause that ends right before `cue`: "a White
/// House official who spoke anonymously to discuss internal strategy said"; or before a
/// participle clause, when that phrase opens its clause ("Democrats trying to regain control of
/// the Senate say", "But Republican activists clamoring to block Trump say"). Counter-examples:
/// "support for candidates seeking office says" (the phrase before the participle is an
/// object); "Islamic State claimed it but officials said" (a form in "-ed" may be a past).
pub(crate) fn subject_before_relative(text: &Text, lo: usize, cue: usize) -> Option<TokenRange> {
    let end = np_end_before(text, lo, cue)?;
    let mut openers = (end.saturating_sub(14).max(lo + 1)..end)
        .rev()
        .take_while(|&k| !matches!(text.word(k), "," | ";" | ":") && !text.tokens[k].is_quote());
    openers.find_map(|k| {
        if is_person_relative(text, k) {
            return Some(head_before_clause(text, lo, k));
        }
        let np = head_before_clause(text, lo, k).filter(|np| clause_starts_at(text, lo, np.start));
        (is_participle_opener(text, k) && np.is_some()).then_some(np)
    })?
}

/// The noun phrase right before a clause opening at `opener`, headed by a name or a role noun.
fn head_before_clause(text: &Text, lo: usize, opener: usize) -> Option<TokenRange> {
    let last = opener.checked_sub(1)?;
    let Some(start) = np_start_before(text, lo, last) else {
        // "27 percent of those who named a candidate said": "those" stands for the people the
        // clause names, and a share of them speaks.
        let those = TokenRange::new(last, opener);
        return counted_people(text, lo, those).filter(|c| c.start < last);
    };
    let start = owner_of_complement(text, lo, start).unwrap_or(start);
    let np = TokenRange::new(start, opener);
    let head = &text.tokens[np.last()];
    if head.is_cap_word() || head.info.is(Class::ROLE) {
        return Some(np);
    }
    // "27 percent of those who named a candidate said": a share of the people the clause names.
    counted_people(text, lo, np).filter(|c| c.start < np.start)
}

/// A lower-case present participle that opens a clause after a noun: "trying"; not a
/// preposition or a conjunction in "-ing" ("during", "including"), nor an adverb.
fn is_participle_opener(text: &Text, k: usize) -> bool {
    let t = &text.tokens[k];
    let word = text.word(k);
    t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && !t.has(TokenFlags::LY)
        && word.len() > 4
        && word.ends_with("ing")
        && !t
            .info
            .is(Class::PREP | Class::SUB | Class::CONJ | Class::ADV | Class::AUX | Class::BE)
        && !t.info.is(Class::TIME | Class::NEVER_NAME | Class::ROLE)
}

/// The start of the phrase whose complement opens with a preposition right before `start`:
/// "Democrats in Iowa who watched the debate said" is the Democrats', not Iowa's; "officials
/// at the ministry who ...". The noun before the preposition is a role noun or a name. Not
/// after a verb: "met in Iowa".
fn owner_of_complement(text: &Text, lo: usize, start: usize) -> Option<usize> {
    let prep = start.checked_sub(1).filter(|&p| p > lo)?;
    let t = &text.tokens[prep];
    if !t.info.is(Class::PREP) || t.info.is(Class::SUB) || t.has(TokenFlags::CAP) {
        return None;
    }
    let noun = &text.tokens[prep - 1];
    if !(noun.info.is(Class::ROLE) || noun.is_cap_word()) {
        return None;
    }
    np_start_before(text, lo, prep - 1)
}

/// A relative that opens a clause about its subject: "who", "whose", "that"; not "which"
/// (things) or "whom" (an object: "the leader whom 36 percent said they would back").
fn is_person_relative(text: &Text, k: usize) -> bool {
    let t = &text.tokens[k];
    t.info.is(Class::REL) && !t.info.is(Class::NEUT | Class::OBJ) && !t.has(TokenFlags::CAP)
}

/// Does this comma-delimited stretch read as an appositive or a non-restrictive relative
/// clause ("an attorney for Trump", "who is Muslim", "73", "the most anticipated witness")?
fn is_appositive(text: &Text, np: TokenRange) -> bool {
    if is_short_aside(text, np) {
        return true;
    }
    // No reporting verb inside: that would be a clause of its own. A gerund before the noun
    // it modifies is none ("a creative writing professor").
    let lex = lexicon();
    let has_verb = np.indices().any(|i| {
        let t = &text.tokens[i];
        t.info.is(Class::AUX)
            || !modifies_noun_after(text, np, i)
                && lex
                    .verb_forms(t.info)
                    .iter()
                    .any(|f| f.forms.intersects(!crate::lexicon::Form::BASE))
    });
    let t = &text.tokens[np.start];
    // "allowing the group to continue ...": a participle clause, which `long_appositive`
    // takes only after a subject opening its clause.
    let participle = t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && !t.info.is(Class::ROLE)
        && text.word(np.start).ends_with("ing");
    if has_verb || participle {
        return false;
    }
    let last = &text.tokens[np.last()];
    let head_is_role = last.info.is(Class::ROLE) || last.info.is(Class::TITLE);
    let opens = t.info.is(Class::DET | Class::POSS) || t.info.is(Class::TITLE) || t.is_cap_word();
    // "senior director for Asian affairs at the National Security Council": lower case, but a
    // role noun stands in it.
    let has_role = np
        .indices()
        .any(|i| text.tokens[i].info.is(Class::ROLE | Class::TITLE));
    opens && (head_is_role || last.is_cap_word() || np.len() <= 8) || has_role && np.len() <= 18
}

/// Is the token at `i` of `np` a gerund that modifies the noun after it, the phrase's last
/// word ("writing" in "a creative writing professor"), not a verb with its object ("writing
/// books")?
fn modifies_noun_after(text: &Text, np: TokenRange, i: usize) -> bool {
    let head = &text.tokens[np.last()];
    i + 2 == np.end
        && text.word(i).ends_with("ing")
        && (head.info.is(Class::ROLE) || head.info.is(Class::TITLE))
}

/// A short aside between commas: a relative clause ("who is Muslim"), an age ("73", "then
/// 38"), a parenthetical ("in her dissent"), a sentence adverb ("Murphy, though, said"), a
/// reflexive and what it says of the subject ("himself up for reelection in 2018").
fn is_short_aside(text: &Text, np: TokenRange) -> bool {
    let t = &text.tokens[np.start];
    let lower = !t.has(TokenFlags::CAP);
    let adverb = |i: usize| {
        let t = &text.tokens[i];
        !t.has(TokenFlags::CAP)
            && (t.info.is(Class::ADV | Class::SENTENCE_ADVERB) || t.has(TokenFlags::LY))
    };
    t.info.is(Class::REL) && lower
        || t.kind == TokenKind::Number && np.len() <= 3
        || text.word(np.start) == "then" && np.len() <= 4
        || t.info.is(Class::PREP) && lower && np.len() <= 6
        || np.len() <= 2 && np.indices().all(adverb)
        || t.info.is(Class::REFLEXIVE) && lower && np.len() <= 8
}
