//! Postposed attribution: the content, then the source and the cue.
//!
//! "..., the Associated Press reported.", ""There were a lot of compromises," Sullivan told
//! reporters.", ""Our strategy is ...," Macron said in response to a question.", and a quotation
//! closing the sentence before: ""Stop!" Trump said."
//! Counter-example: "He said." with nothing before it.

use crate::lexicon::{Class, Form, VerbFlags};
use crate::rules::clause::{
    agrees, content_before, content_between, quote_content, skip_adjuncts, skip_recipient,
    subject_of,
};
use crate::rules::verb::VerbHit;
use crate::rules::{Content, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::token::{TokenFlags, TokenKind};

/// Finds the postposed statements of one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    for &hit in ctx.verbs() {
        if !hit.is_finite() || !hit.verb().has(VerbFlags::POSTPOSE) {
            continue;
        }
        let Some((mention, appositive)) = subject_of(ctx, &hit) else {
            continue;
        };
        if !agrees(ctx.text, &hit, &mention) {
            continue;
        }
        let (after, statement) = after_cue(ctx, &hit);
        let Some(content) = content_of(ctx, &hit, mention.np.start, after) else {
            continue;
        };
        let mut frame = Frame::new(
            RuleId::Postposed,
            hit.cue,
            hit.verb().relation,
            Role::Statement,
        );
        frame.source = Some(mention);
        frame.appositive = appositive;
        frame.content = Some(content);
        frame.statement = statement;
        frame.weak = hit.verb().has(VerbFlags::WEAK);
        out.push(frame);
    }
}

/// The first token after the cue's recipient ("told reporters") and adjuncts ("in a
/// statement", "on Tuesday"), and whether "in a statement" was among them.
fn after_cue(ctx: &Ctx, hit: &VerbHit) -> (usize, bool) {
    let mut k = hit.cue.end;
    if hit.verb().takes_recipient() {
        k = skip_recipient(ctx.text, k, ctx.end);
    }
    skip_adjuncts(ctx, k)
}

/// The content of a postposed cue whose source starts at token `source` and whose words end
/// before token `after`.
fn content_of(ctx: &Ctx, hit: &VerbHit, source: usize, after: usize) -> Option<Content> {
    let text = ctx.text;
    // After the cue: the end of the sentence, or a comma and more (", adding that ...",
    // ", quoted by TASS"); after a quotation, anything (", recalling ...").
    let ends =
        after > ctx.last_word() || matches!(text.word(after), "," | ";" | "--" | "—" | "–" | "(");
    if source == ctx.start && !ends {
        return None; // a preposed statement after a quotation, not the quotation's source
    }
    // "In the town of Kalmunai, the parties complained of intimidation": an opening adverbial
    // alone is no content ("In 2006, China and Russia have made ..." is).
    let adverbial = || {
        text.tokens[ctx.start].info.is(Class::PREP | Class::SUB)
            && !(ctx.start..source.saturating_sub(1)).any(|k| text.word(k) == ",")
    };
    let ends = ends || place_phrase_ends(ctx, after) && !adverbial();
    let content = content_before(ctx, source)?;
    if !ends && !content.direct {
        return None;
    }
    // Words that are nouns first ("states", "tweets", "posts") follow only a quotation in
    // the present tense: "Republican states, including Ohio" is no statement.
    let noun_first = hit.verb().has(VerbFlags::NOUN) && hit.verb().has(VerbFlags::THAT);
    if noun_first && !hit.forms.intersects(Form::PAST) && !content.direct {
        return None;
    }
    // "As a phone rang, the announcer said, "It's 3 a.m."": the quotation after the comma
    // is what was said (the preposed rule's); the clause before is no content. After a
    // quotation it is the second half of it (""Stop," he said, "or I'll shoot."").
    let quote_follows = text.word(after) == "," && quote_content(text, after + 1).is_some();
    if quote_follows && !content.direct {
        return None;
    }
    // "The deal, officials said, was signed on Monday": an attribution set inside the
    // clause it reports; the content is the whole sentence.
    let inside_clause = !content.direct
        && content.tokens.end - content.tokens.start <= 5
        && text.word(after) == ","
        && goes_on_with_clause(text, after + 1);
    if inside_clause && let Some(whole) = content_between(text, ctx.start, ctx.last_word() + 1) {
        return Some(whole);
    }
    Some(content)
}

/// The longest prepositional phrase [`place_phrase_ends`] reads, in tokens.
const MAX_PLACE_PHRASE: usize = 8;

/// Does a prepositional phrase start at `k` and run to the sentence's end, where the speaker
/// was or how they spoke: ""...," Mr. Hedge said from his office in Orlando.", "..., she said
/// at a rally in Ohio." Lower-case prepositions, words, numbers and abbreviations only; no
/// verb, relative or conjunction ("..., he said after the vote was counted" is a clause).
fn place_phrase_ends(ctx: &Ctx, k: usize) -> bool {
    let text = ctx.text;
    let last = ctx.last_word();
    // "to" opens an infinitive as often ("continues to build up his lead"); a listener after it
    // is the adjuncts' (`skip_adjuncts`).
    let opens = |t: &crate::text::Token| {
        t.info.is(Class::PREP) && !t.info.is(Class::SUB) && !t.has(TokenFlags::CAP)
    };
    k < last
        && last - k < MAX_PLACE_PHRASE
        && opens(&text.tokens[k])
        && text.word(k) != "to"
        && (k + 1..=last).all(|j| {
            let t = &text.tokens[j];
            let word_like = matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Possessive
            ) || text.word(j) == ".";
            word_like
                && !t.info.is(Class::REL | Class::SUB | Class::CONJ)
                && (t.has(TokenFlags::CAP) || !t.info.is(Class::VERB | Class::AUX))
        })
}

/// Does the word at `k`, right after ", officials said,", go on with the clause the
/// attribution was set in ("was signed")? A participle, a conjunction joining a clause ("and",
/// "but"), "as" or "while", or a word another rule starts from (", according to") does not.
fn goes_on_with_clause(text: &Text, k: usize) -> bool {
    let Some(t) = text.tokens.get(k) else {
        return false;
    };
    let w = text.word(k);
    let joins_clause = t.info.is(Class::LINK) && t.info.is(Class::CONJ);
    t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && !w.ends_with("ing")
        && !w.ends_with("ed")
        && !joins_clause
        && !t.info.is(Class::TRIGGER)
        && !matches!(w, "as" | "while")
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn a_place_phrase_after_the_cue_ends_the_sentence() {
        check(
            "Still, golf clubs are \u{201c}just scratching out a profit,\u{201d} Mr. Hedge said from his office in Orlando.",
            &[(
                "postposed",
                "Mr. Hedge",
                "said",
                "Still, golf clubs are \u{201c}just scratching out a profit,\u{201d}",
            )],
        );
        check(
            "Tents were burned in the fire, the agency said in Tehran.",
            &[(
                "postposed",
                "the agency",
                "said",
                "Tents were burned in the fire",
            )],
        );
        // Counter-examples: an infinitive after "to" is no place ("continues to build"), and an
        // opening adverbial alone is no content.
        check(
            "Despite the loss, Trump continues to build up his lead.",
            &[],
        );
        check(
            "In the town of Kalmunai, the parties complained of intimidation of voters.",
            &[],
        );
    }

    #[test]
    fn an_attribution_inside_its_clause_attributes_the_whole_sentence() {
        check(
            "The deal, officials said, was signed on Monday.",
            &[(
                "postposed",
                "officials",
                "said",
                "The deal, officials said, was signed on Monday",
            )],
        );
        // After a whole clause, what follows the comma is not part of it.
        check(
            "The talks failed, officials said, citing a dispute.",
            &[
                ("postposed", "officials", "said", "The talks failed"),
                // What they cited is a statement of their own.
                ("participle", "officials", "citing", "a dispute"),
            ],
        );
    }

    #[test]
    fn a_year_after_the_cue_is_a_time() {
        check(
            "The work was influence peddling, The Washington Post reported in 1991.",
            &[(
                "postposed",
                "The Washington Post",
                "reported",
                "The work was influence peddling",
            )],
        );
    }

    #[test]
    fn modifiers_coordinated_before_a_role_noun() {
        check(
            "The talks failed, current and former officials said.",
            &[(
                "postposed",
                "current and former officials",
                "said",
                "The talks failed",
            )],
        );
    }

    #[test]
    fn nouns_first_verbs_follow_quotations_only() {
        check(
            "\"We propose a federal response,\" Minister Alexander Kurenkov stated.",
            &[(
                "postposed",
                "Minister Alexander Kurenkov",
                "stated",
                "\"We propose a federal response,\"",
            )],
        );
        check(
            "Florida is not a Super Tuesday state, but both candidates were there.",
            &[],
        );
        check("She won heavily Republican states, including Ohio.", &[]);
        check(
            "Most Southern states that will vote have large minorities.",
            &[],
        );
        check(
            "Rokita and state House Speaker Bosma have stated their interest.",
            &[],
        );
    }

    #[test]
    fn a_quotation_after_a_dash_opening_an_aside_is_the_whole_content() {
        check(
            "The crowd cheered - \"We will win,\" he said.",
            &[("postposed", "he", "said", "\"We will win,\"")],
        );
        // A dash closing an aside: the whole sentence.
        check(
            "Because the deal -- a contract -- \"left no room,\" he said.",
            &[(
                "postposed",
                "he",
                "said",
                "Because the deal -- a contract -- \"left no room,\"",
            )],
        );
    }

    #[test]
    fn a_clause_before_a_cue_that_a_quotation_follows_is_no_content() {
        check(
            "As a phone rang, the announcer said, \"It is 3 a.m.\"",
            &[("preposed", "the announcer", "said", "\"It is 3 a.m.\"")],
        );
        check(
            "The talks failed, officials familiar with the matter said.",
            &[(
                "postposed",
                "officials familiar with the matter",
                "said",
                "The talks failed",
            )],
        );
    }

    #[test]
    fn content_then_source_and_cue() {
        check(
            "Putin entered the meeting seeking assurances, the Associated Press reported.",
            &[(
                "postposed",
                "the Associated Press",
                "reported",
                "Putin entered the meeting seeking assurances",
            )],
        );
        check(
            "\"There were a lot of compromises,\" Sullivan told reporters.",
            &[(
                "postposed",
                "Sullivan",
                "told",
                "\"There were a lot of compromises,\"",
            )],
        );
        check(
            "\"Our strategy is to start,\" Macron said in response to a question.",
            &[(
                "postposed",
                "Macron",
                "said",
                "\"Our strategy is to start,\"",
            )],
        );
        check(
            "\"Stop!\" Trump said.",
            &[("postposed", "Trump", "said", "\"Stop!\"")],
        );
    }

    #[test]
    fn a_quotation_over_several_sentences() {
        check(
            "\"We are ready. We were not in 2014,\" he said.",
            &[(
                "postposed",
                "he",
                "said",
                "\"We are ready. We were not in 2014,\"",
            )],
        );
    }

    #[test]
    fn nothing_before_is_not_postposed() {
        check("He said.", &[]);
    }

    #[test]
    fn a_clause_after_the_attribution_goes_on_with_the_content() {
        check(
            "The talks failed, he said, because it rained.",
            &[(
                "postposed",
                "he",
                "said",
                "The talks failed, he said, because it rained",
            )],
        );
        check(
            "The talks failed, he said, and it rained.",
            &[("postposed", "he", "said", "The talks failed")],
        );
    }
}
