//! Contents: what a cue attributes, before it (postposed and inverted cues) or after it
//! (preposed cues), trimmed of punctuation, with quotations taken whole.

use crate::lexicon::{Class, Form, VerbFlags};
use crate::mention::np_after;
use crate::model::Relation;
use crate::rules::clause::{relative_that, skip_adjuncts};
use crate::rules::verb::{VerbHit, is_verb_form, opens_speech_infinitive};
use crate::rules::{Content, Ctx};
use crate::text::token::{TokenFlags, TokenKind};
use crate::text::{Text, TokenRange};

/// Content from token `first` up to (not including) `end`, trimmed of punctuation at both ends.
pub(crate) fn content_between(text: &Text, first: usize, end: usize) -> Option<Content> {
    let mut first = first;
    let mut end = end;
    let trim = |w: &str| matches!(w, "," | ";" | ":" | "." | "-" | "--" | "—" | "–");
    while first < end && (trim(text.word(first)) || text.word(first) == "that" && first + 1 < end) {
        first += 1;
    }
    while end > first && trim(text.word(end - 1)) {
        end -= 1;
    }
    if end <= first {
        return None;
    }
    // A quotation opened inside keeps its closing mark: "... but added: "Our openness remains.""
    let mut k = end;
    while k < text.tokens.len() && k < end + 3 && !text.tokens[k].has(TokenFlags::PARAGRAPH) {
        if text.tokens[k].is_double_quote() {
            if text
                .quote_of(k - 1)
                .is_some_and(|q| q.close == Some(k) && q.open >= first)
            {
                end = k + 1;
            }
            break;
        }
        if !matches!(text.word(k), "." | "!" | "?" | "," | "...") {
            break;
        }
        k += 1;
    }
    // A quotation that fills the whole stretch is direct speech.
    let direct = text.tokens[first].is_double_quote()
        && text
            .quote_of(first + 1)
            .is_some_and(|q| q.open == first && q.close.is_none_or(|c| c + 1 >= end));
    Some(Content {
        span: text.span(TokenRange::new(first, end)),
        direct,
        tokens: TokenRange::new(first, end),
    })
}

/// The quotation that opens at token `open` (its opening mark), as content.
pub(crate) fn quote_content(text: &Text, open: usize) -> Option<Content> {
    let quote = text.quote_of(open + 1).filter(|q| q.open == open)?;
    let end = quote.close.map_or(quote.words.end, |c| c + 1);
    Some(Content {
        span: quote.span,
        direct: true,
        tokens: TokenRange::new(open, end),
    })
}

/// The quotation that closes at token `close` (its closing mark), as content.
fn quote_content_closing(text: &Text, close: usize) -> Option<Content> {
    let q = text.quote_of(close.checked_sub(1)?)?;
    (q.close == Some(close)).then(|| Content {
        span: q.span,
        direct: true,
        tokens: TokenRange::new(q.open, close + 1),
    })
}

/// A complementizer, colon, comma or quotation: "replied that", "recalled: "..."; or a clause
/// opening with a subject pronoun or an indirect question: "complained they can't find
/// workers", "explained he chose to", "explained how it works"; or a short subject and an
/// auxiliary: "predicted it would", "warned the deal could" (not "explained it", where "it" is
/// the object).
pub(crate) fn introduces_speech(text: &Text, k: usize) -> bool {
    // "Rust Belt states that have suffered".
    if relative_that(text, k) {
        return false;
    }
    if text.tokens.get(k).is_some_and(|t| {
        t.info.is(Class::PRON) && !t.info.is(Class::NEUT) || t.info.is(Class::INDIRECT_QUESTION)
    }) {
        return true;
    }
    if subject_then_auxiliary(text, k) {
        return true;
    }
    // A comma only before a quotation: "stated, "..."", not "a Super Tuesday state, but".
    let comma_quote = text.word(k) == "," && text.tokens.get(k + 1).is_some_and(|t| t.is_quote());
    matches!(text.word(k), "that" | ":")
        || comma_quote
        || text.tokens.get(k).is_some_and(|t| t.is_quote())
        || matches!(text.word(k), "this" | "these") && text.word(k + 1) == ":"
}

/// How far after a cue the colon before its quotation may stand: "explained it this way:".
const COLON_REACH: usize = 8;

/// The opening mark of a quotation after a colon a few words after token `k`, the words between
/// being what the cue names or how, and no clause: "explained it this way: "..."", "recalled
/// the pay freeze: "..."", "responded pointedly, with a smile: "..."". Not "said the plan, which
/// failed: ..." (a verb or a relative pronoun between), nor a colon right at `k` (that
/// introduces speech itself).
pub(crate) fn colon_quote_after(ctx: &Ctx, k: usize) -> Option<usize> {
    let text = ctx.text;
    for j in k..(k + COLON_REACH).min(ctx.end) {
        let t = &text.tokens[j];
        if text.word(j) == ":" {
            let opens = text.tokens.get(j + 1).is_some_and(|q| q.is_double_quote());
            return (j > k && opens).then_some(j + 1);
        }
        let wordlike = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive
        );
        let comma = text.word(j) == "," && j > k;
        if !(wordlike || comma)
            || t.info
                .is(Class::VERB | Class::CONJ | Class::SUB | Class::REL)
        {
            return None;
        }
    }
    None
}

/// How far after the start of a clause its auxiliary may stand: "the federal government
/// should", "France were".
const AUXILIARY_REACH: usize = 3;

/// A short subject and then an auxiliary at token `k`: "it would", "the government should"
/// (not "explained it to", "declared a determination to", "announce the guests when").
fn subject_then_auxiliary(text: &Text, k: usize) -> bool {
    let Some(first) = text.tokens.get(k) else {
        return false;
    };
    // Not a name: "Battleground state Florida is" has "state" as a noun.
    if !first.info.is(Class::PRON | Class::DET | Class::POSS) || first.has(TokenFlags::CAP) {
        return false;
    }
    let end = (k + 1 + AUXILIARY_REACH).min(text.tokens.len());
    for t in &text.tokens[k + 1..end] {
        if t.info.is(Class::AUX | Class::BE | Class::HAVE) {
            return true;
        }
        let stops = t
            .info
            .is(Class::PREP | Class::SUB | Class::CONJ | Class::REL);
        if stops || t.kind != TokenKind::Word {
            return false;
        }
    }
    false
}

/// The token after a preposed cue's recipient ("told reporters"). "Trump cited his own
/// endorsements": what is cited is the content, no recipient, unless "as" follows ("cited X as
/// saying", "cited X as the reason").
fn after_recipient(ctx: &Ctx, hit: &VerbHit) -> usize {
    let text = ctx.text;
    let k = hit.cue.end;
    if !hit.verb().takes_recipient() {
        return k;
    }
    let after = skip_recipient(text, k, ctx.end);
    let cited_object = hit.verb().relation == Relation::Cited
        && after > k
        && (after >= ctx.end || text.word(after) != "as");
    if cited_object { k } else { after }
}

/// The content after a preposed cue: over the recipient ("told reporters"), adjuncts ("in a
/// statement", "on Tuesday") and "that" or a colon; a quotation there is taken whole, even
/// when it runs on past the sentence.
pub(crate) fn content_after(ctx: &Ctx, hit: &VerbHit) -> Option<(Content, bool)> {
    let text = ctx.text;
    let (k, statement) = skip_adjuncts(ctx, after_recipient(ctx, hit));
    let mut k = k;
    // "Costa reported from Washington.": a reporter's credit line.
    if text.word(k) == "from" && !speech_follows_soon(text, k, ctx.end) {
        return None;
    }
    if hit.verb().has(VerbFlags::OBJECT) && text.word(k) == "as" {
        k += 1; // "described Trump's call as "crazy""
    }
    // "tweeted this: "...""
    if matches!(text.word(k), "this" | "these") && text.word(k + 1) == ":" {
        k += 1;
    }
    // "explained it this way: "..."", "recalled the freeze: "..."": the quotation is the content.
    if !introduces_speech(text, k)
        && let Some(quote) = colon_quote_after(ctx, k).and_then(|open| quote_content(text, open))
    {
        return Some((quote, statement));
    }
    // "Vivendi added 1.18 percent", "U.S. adds 20,000 jobs": a figure, not words (but "added
    // that 20 people died"); "who added to her lead": a thing grew.
    if hit.verb().has(VerbFlags::FIGURES)
        && (is_figure(text, k)
            || figure_or_growth_after(text, k, ctx.end)
            || gains_a_thing(text, k, ctx.end))
    {
        return None;
    }
    while k < ctx.end && matches!(text.word(k), "," | ":" | "that" | "--" | "—" | "–") {
        k += 1;
    }
    // "He said:" ending its paragraph, the quotation opening the next one.
    if k == ctx.end
        && k > 0
        && text.word(k - 1) == ":"
        && text.tokens.get(k).is_some_and(|t| t.is_double_quote())
        && let Some(quote) = quote_content(text, k)
    {
        return Some((quote, statement));
    }
    if let Some(block) = block_after_colon(ctx, k) {
        return Some((block, statement));
    }
    if k >= ctx.end || k > ctx.last_word() && !text.tokens[k].is_double_quote() {
        return None;
    }
    if text.tokens[k].is_double_quote()
        && let Some(quote) = quote_content(text, k)
    {
        return Some((quote, statement));
    }
    // "said the talks failed, adding that ...": the participle makes a statement of its own
    // (the participle rule's). After an act ("revealed one of those meetings, saying ...") it
    // says what the act said, and stays inside.
    let whole = match comparison_with_speech(ctx, k) {
        Some(comma) => content_between(text, k, comma),
        None => content_between(text, k, ctx.last_word() + 1),
    };
    let first = participle_of_speech_after(ctx, k)
        .and_then(|comma| content_between(text, k, comma))
        .filter(|c| reports_words(text, hit, c));
    first.or(whole).map(|c| (c, statement))
}

/// The paragraph a cue's colon introduces when the colon ends the cue's own paragraph and no
/// quotation mark opens the next one: "The governor added:" / "It's typical of her. She knows
/// nothing." (a block quotation set as its own paragraph, as blogs and transcripts do). Not a
/// colon inside a paragraph ("said: the plan failed" is the sentence's own content), nor one
/// ending the text.
fn block_after_colon(ctx: &Ctx, k: usize) -> Option<Content> {
    let text = ctx.text;
    let next = text.tokens.get(k)?;
    if k != ctx.end || k == 0 || text.word(k - 1) != ":" || !next.has(TokenFlags::PARAGRAPH) {
        return None;
    }
    let end = (k + 1..text.tokens.len())
        .find(|&j| text.tokens[j].has(TokenFlags::PARAGRAPH))
        .unwrap_or(text.tokens.len());
    content_between(text, k, end)
}

/// What a colon at token `colon` introduces: the quotation opening right after it, the
/// paragraph it introduces when it ends its own ([`block_after_colon`]), or the rest of the
/// sentence ("sent Trump a message: He is hurting the party").
pub(crate) fn words_after_colon(ctx: &Ctx, colon: usize) -> Option<Content> {
    let text = ctx.text;
    let k = colon + 1;
    if text.tokens.get(k).is_some_and(|t| t.is_double_quote()) {
        return quote_content(text, k);
    }
    if k >= ctx.end {
        return block_after_colon(ctx, k);
    }
    content_between(text, k, ctx.last_word() + 1)
}

/// Where the content before a participle of speech after token `k` ends: at the comma before
/// it ("failed, adding that ..."), or after the closing mark of a quotation that ends in the
/// comma ("was "corrupt," noting that ...").
fn participle_of_speech_after(ctx: &Ctx, k: usize) -> Option<usize> {
    let text = ctx.text;
    let speech_gerund = |j: usize| {
        is_verb_form(text, j, |forms, verb| {
            forms.intersects(Form::GERUND) && verb.has(VerbFlags::SPEECH)
        }) || opens_speech_infinitive(text, j)
    };
    (k + 1..ctx.last_word()).find_map(|j| {
        if text.word(j) != "," {
            return None;
        }
        if text.quote_of(j).is_none() {
            return speech_gerund(j + 1).then_some(j);
        }
        let close = text.quote_of(j)?.close?;
        (close == j + 1 && speech_gerund(j + 2)).then_some(j + 2)
    })
}

/// How far after "compared with" a plain speech verb may stand for [`comparison_with_speech`].
const MAX_COMPARISON: usize = 8;

/// The comma before a comparison that holds a statement of its own, which ends the content
/// after token `k`: "say they view Clinton favorably, compared with 64 percent who say the same
/// of Sanders" (the second "say" is its own attribution). Not a comparison without a speech verb
/// ("said profit rose, compared with $3 million a year earlier").
fn comparison_with_speech(ctx: &Ctx, k: usize) -> Option<usize> {
    let text = ctx.text;
    // From each later plain speech verb (few in a sentence), back to the nearest comma.
    ctx.verbs()
        .iter()
        .filter(|h| h.cue.start > k + 3 && h.verb().has(VerbFlags::PLAIN))
        .find_map(|h| {
            let lo = h.cue.start.saturating_sub(MAX_COMPARISON + 3).max(k + 1);
            let comma = (lo..h.cue.start).rev().find(|&j| text.word(j) == ",")?;
            let compared =
                text.word(comma + 1) == "compared" && matches!(text.word(comma + 2), "with" | "to");
            compared.then_some(comma)
        })
}

/// A number or an amount of money at token `k`: "20,000", "$5 million".
fn is_figure(text: &Text, k: usize) -> bool {
    text.tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Number)
        || text
            .word(k)
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
}

/// After a verb that also reports figures ("add", "charge"), a figure behind an article or an
/// approximation, or "to" before a thing that grows: "added around 292,000 jobs", "charged a
/// $100,000 fee", "who added to her delegate lead", "may add to his staff". Not where words
/// follow soon: "added to reporters that ...", "added in 2012 that ...".
fn figure_or_growth_after(text: &Text, k: usize, end: usize) -> bool {
    if k + 1 >= end || speech_follows_soon(text, k, end) {
        return false;
    }
    let first = &text.tokens[k];
    let next = &text.tokens[k + 1];
    let grows = text.word(k) == "to" && next.info.is(Class::ATTRIBUTIVE_DET | Class::POSS);
    let approximates = first
        .info
        .is(Class::ATTRIBUTIVE_DET | Class::PREP | Class::ADV)
        && !first.info.is(Class::SUB);
    grows || approximates && is_figure(text, k + 1)
}

/// After a verb that also reports figures ("claim", "add"), a thing gained: a noun phrase of
/// lower-case words, a preposition after it, and no clause in the rest: "claimed a victory in
/// the primary", "claimed the prize for exceeding expectations", "added another link to the
/// chain". Not "claimed the election in Pennsylvania was rigged" (a verb follows), "claimed
/// that ...", nor a name ("claimed Trump lied").
fn gains_a_thing(text: &Text, k: usize, end: usize) -> bool {
    let opens = |t: &crate::text::token::Token| {
        t.info.is(Class::ATTRIBUTIVE_DET | Class::DET | Class::POSS) && !t.info.is(Class::SUB)
    };
    let clause = Class::AUX | Class::BE | Class::HAVE | Class::SUB | Class::REL | Class::PRON;
    if k >= end || !opens(&text.tokens[k]) || speech_follows_soon(text, k, end) {
        return false;
    }
    let Some(prep) = (k + 1..end).find(|&j| text.tokens[j].info.is(Class::PREP)) else {
        return false;
    };
    let plain_word = |j: usize| {
        let t = &text.tokens[j];
        t.kind == TokenKind::Word && !t.has(TokenFlags::CAP) && !t.info.is(clause | Class::VERB)
    };
    let clause_end = (prep..end)
        .find(|&j| matches!(text.word(j), "," | ";" | "." | ":"))
        .unwrap_or(end);
    // "I'd add a reason for the split: ...": a colon opens what is said.
    let colon = clause_end < end && text.word(clause_end) == ":";
    prep > k + 1
        && !colon
        && (k + 1..prep).all(plain_word)
        && !(prep..clause_end).any(|j| text.tokens[j].info.is(clause) || text.tokens[j].is_quote())
}

/// A "that" or a quotation mark within a few tokens of `k`: "reported from Kabul that ...",
/// "reported from Kabul, "..."".
fn speech_follows_soon(text: &Text, k: usize, end: usize) -> bool {
    (k..(k + 8).min(end)).any(|j| text.word(j) == "that" || text.tokens[j].is_double_quote())
}

/// Skips the recipient or object right after a verb like "told": "told reporters", "told
/// Trump's legal team", "asked him". Returns the first token after it.
pub(crate) fn skip_recipient(text: &Text, k: usize, end: usize) -> usize {
    if k >= end
        || matches!(text.word(k), "that" | ":" | "," | "“" | "\"")
        || text.tokens[k].is_quote()
    {
        return k;
    }
    match np_after(text, k, end) {
        Some(np) => np.end,
        None => k,
    }
}

/// The content before a postposed source starting at token `source`: a quotation closing right
/// before it (possibly opened sentences or paragraphs earlier), or the sentence up to the
/// separating comma.
pub(crate) fn content_before(ctx: &Ctx, source: usize) -> Option<Content> {
    let text = ctx.text;
    if source == ctx.start {
        // ""Stop!" Trump said.": the quotation ended the sentence before.
        return (source > 0)
            .then(|| closing_quote_before(text, source))
            .flatten();
    }
    let sep = source - 1;
    let word = text.word(sep);
    if text.tokens[sep].is_double_quote() {
        // A whole quotation, or a clause ending in a partial one ("The failure was
        // "heartbreaking" she said" is rare; "But "it will not be carpets," said X" is not).
        let quote = quote_content_closing(text, sep)?;
        // A quotation set off by a dash is said by itself: "praised his faith - "faith
        // that ...," he said - and argued"; not after a dash that closes an aside ("(PSA) --
        // a contract ... -- "there was little opportunity," he said": the whole sentence).
        let dash = |k: usize| matches!(text.word(k), "-" | "--" | "—" | "–");
        let open = quote.tokens.start;
        let after_dash = open > ctx.start && dash(open - 1) && !(ctx.start..open - 1).any(dash);
        if quote.tokens.start <= ctx.start || after_dash {
            return Some(quote);
        }
        return content_between(text, ctx.start, sep + 1);
    }
    if !matches!(word, "," | "--" | "—" | "–" | "-") {
        return None;
    }
    // A quotation is the whole content only if it opens the sentence; a partial quotation at
    // the end of a clause ("... not to be shifted "on the shoulders of Russia", the press
    // service reported") leaves the whole clause as the content.
    if let Some(quote) = closing_quote_before(text, sep).filter(|q| q.tokens.start <= ctx.start) {
        return Some(quote);
    }
    let content = content_between(text, ctx.start, sep)?;
    (content.tokens.end - content.tokens.start >= 2).then_some(content)
}

/// A quotation whose closing mark stands right before token `i` (with at most a comma between).
fn closing_quote_before(text: &Text, i: usize) -> Option<Content> {
    let mut j = i.checked_sub(1)?;
    if text.word(j) == "," {
        j = j.checked_sub(1)?;
    }
    if !text.tokens[j].is_double_quote() {
        return None;
    }
    quote_content_closing(text, j)
}

/// Does a verb report words, not only an act: a plain speech verb ("saying", "told"), or a
/// content that opens as speech does ("adding that ...", "recalling: "..."", "noting he ...")?
/// Not "emphasizing those last words", "declared himself an independent".
pub(crate) fn reports_words(text: &Text, hit: &VerbHit, content: &Content) -> bool {
    let first = content.tokens.start;
    hit.verb().has(VerbFlags::PLAIN)
        || content.direct
        || introduces_speech(text, first)
        || first > 0 && introduces_speech(text, first - 1)
}
