//! A participle clause that adds a statement of the clause's subject: "..., adding that C",
//! "..., saying C", "..., noting C", "with a spokesman for X saying: C".
//!
//! "Blackwell pointed to Cruz's organization, noting that he has a ground game." →
//! Blackwell. Counter-example: "a statement saying" is handled as the statement's own content.

use crate::lexicon::{Class, Form, VerbFlags};
use crate::mention::{Mention, classify, np_after, np_start_before};
use crate::model::Relation;
use crate::rules::clause::{
    content_after, content_between, is_subject, reports_words, sentence_subject, statement_before,
};
use crate::rules::verb::{VerbHit, opens_speech_infinitive};
use crate::rules::{Content, Ctx, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;

/// Finds the participle clauses of speech in one sentence.
pub(crate) fn find(ctx: &Ctx, found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        if !is_participle_of_speech(text, &hit) {
            continue;
        }
        let i = hit.group_start;
        if i == ctx.start {
            out.extend(opening_participle(ctx, &hit));
            continue;
        }
        let Some((source, strict)) = clause_subject(ctx, found, i) else {
            continue;
        };
        // The subject stands before the participle, or after the phrase it opens the sentence
        // with ("After announcing his run, Rubio ...").
        let inside = (i..=hit.cue.end).contains(&source.np.start);
        if !is_subject(&source) || inside || text.tokens[i - 1].info.is(Class::DET) {
            continue;
        }
        let cites = !hit.verb().has(VerbFlags::SPEECH);
        if cites && inside_statement(found, i) {
            continue;
        }
        let found_content = if cites {
            cited_content(ctx, &hit).map(|c| (c, false))
        } else {
            content_after(ctx, &hit)
        };
        let Some((content, statement)) =
            found_content.and_then(|(c, st)| Some((cut_before(text, c, source.np.start)?, st)))
        else {
            continue;
        };
        let words =
            cites || !strict || says_its_object(&hit) || reports_words(text, &hit, &content);
        if is_time_or_place(text, &content) || !words {
            continue;
        }
        let mut frame = Frame::new(
            RuleId::Participle,
            hit.cue,
            hit.verb().relation,
            Role::Statement,
        );
        frame.source = Some(source);
        frame.content = Some(content);
        frame.statement = statement;
        out.push(frame);
    }
}

/// A participle of speech or citing, not negated ("While not mentioning the row, ..."): a
/// gerund ("saying"), or a gerund opening the group (", going on to say that C").
fn is_participle_of_speech(text: &Text, hit: &VerbHit) -> bool {
    let gerund = hit.forms.intersects(Form::GERUND)
        || hit.group_start < hit.cue.start && opens_speech_infinitive(text, hit.group_start);
    gerund && !hit.be && speaks_or_cites(hit) && !hit.negated && !asks_not_to_be_named(text, hit)
}

/// The content `c` cut before the subject when it starts inside ("After announcing his run,
/// Rubio ...").
fn cut_before(text: &Text, c: Content, end: usize) -> Option<Content> {
    if end > c.tokens.start && end < c.tokens.end {
        content_between(text, c.tokens.start, end)
    } else {
        Some(c)
    }
}

/// A participle opening the sentence, its subject right after the phrase's comma: "Noting that
/// Obama's policy failed, Trump reminded ...", "Citing the attack, Will urged ..." (the subject
/// notes and cites what stands between). Not words that report nothing ("Saying goodbye, he
/// left"), nor a phrase with no subject after its comma.
fn opening_participle(ctx: &Ctx, hit: &VerbHit) -> Option<Frame> {
    let text = ctx.text;
    let source = subject_after_phrase(ctx, hit.group_start).filter(is_subject)?;
    let content = content_between(text, hit.cue.end, source.np.start - 1)?;
    let cites = !hit.verb().has(VerbFlags::SPEECH);
    if !(cites || says_its_object(hit) || reports_words(text, hit, &content)) {
        return None;
    }
    let mut frame = Frame::new(
        RuleId::Participle,
        hit.cue,
        hit.verb().relation,
        Role::Statement,
    );
    frame.source = Some(source);
    frame.content = Some(content);
    Some(frame)
}

/// A gerund that adds a statement: a speech verb's ("saying"), or "citing" with what it cites
/// ([`cited_content`]) as the content when that names no source ("The court blocked the sale, citing a threat to
/// public health": the court cited it). A cited source is the `citing` rule's, which runs
/// first and claims the cue ("Reuters reported, citing officials").
fn speaks_or_cites(hit: &VerbHit) -> bool {
    let verb = hit.verb();
    verb.has(VerbFlags::SPEECH) || verb.relation == Relation::Cited
}

/// Is token `i` inside the content of a statement found before ("Kim refused, citing his
/// status, his aide was quoted as saying": what Kim cited is the aide's account)?
fn inside_statement(found: &[Frame], i: usize) -> bool {
    found.iter().any(|f| {
        f.role == Role::Statement
            && f.content
                .is_some_and(|c| c.tokens.start <= i && i < c.tokens.end)
    })
}

/// What "citing" cites: the words after it up to the next comma or the sentence's end ("citing
/// his status as head of the legislature, Kim's aide was quoted as saying": not the aide).
fn cited_content(ctx: &Ctx, hit: &VerbHit) -> Option<Content> {
    let text = ctx.text;
    let end = (hit.cue.end..ctx.end)
        .find(|&k| matches!(text.word(k), "," | ";"))
        .unwrap_or(ctx.end);
    content_between(text, hit.cue.end, end)
}

/// Is what the verb takes as its object what the subject said or pointed out, words or not:
/// "noting the size of Sanders's following", "announcing her run", "denying any role" (unlike
/// "emphasizing those last words", "concluding the meeting")?
fn says_its_object(hit: &VerbHit) -> bool {
    hit.verb().lemma == "note" || hit.verb().has(VerbFlags::OBJECT)
}

/// "asking not to be named", "asking to remain anonymous": a request about the source; and
/// "writing for RealClearPolitics", "Writing for a Los Angeles Times panel": where the writer
/// writes, not what (their words are another cue's).
fn asks_not_to_be_named(text: &Text, hit: &VerbHit) -> bool {
    let lemma = hit.verb().lemma.as_str();
    lemma == "ask" && matches!(text.word(hit.cue.end), "not" | "to")
        || lemma == "write" && text.word(hit.cue.end) == "for"
}

/// The subject of the participle clause whose verb group starts at `i`: after a comma, a dash,
/// "and" or a quotation, the nearest statement's source or the sentence's subject; after "by"
/// ("responded by saying") or a channel the subject put out ("issued a statement Wednesday
/// saying"), the sentence's subject; after "with", the noun phrase between ("with a spokesman
/// for Prime Minister Ariel Sharon saying: ..."). After a statement of the same speaker that
/// holds it ("he said C1, adding that C2") it is that statement going on: no subject.
///
/// Also says whether the participle is read strictly, as a statement only if words follow
/// ([`reports_words`]), as everywhere but after a channel, where it may describe a manner or
/// an act ("said, emphasizing those words", "by admitting more students").
fn clause_subject(ctx: &Ctx, found: &[Frame], i: usize) -> Option<(Mention, bool)> {
    let text = ctx.text;
    let before = text.word(i - 1);
    // A dash sets the participle off as a comma does ("flipped his choice - saying ...").
    if before == "," || before == "and" || text.tokens[i - 1].is_quote() || text.is_dash(i - 1) {
        let subject = match statement_before(found, i) {
            Some(frame) if is_speech_frame(text, frame) && !act_holding(text, frame, i) => {
                speaker_going_on(frame, i)
            }
            Some(frame) => frame.source.clone(),
            None => sentence_subject(ctx, i),
        };
        return subject.map(|m| (m, true));
    }
    if before == "by" {
        return main_subject(ctx, i).map(|m| (m, true));
    }
    // "before announcing her run", "since announcing in October that ...": after a
    // subordinator, an act of the main clause's subject, before it or after the phrase.
    // Not "as saying" (a relay's) nor a participle going on from a statement before it.
    let sub = &text.tokens[i - 1];
    if sub.info.is(Class::SUB) && !sub.info.is(Class::REL) && before != "as" {
        if statement_before(found, i).is_some() {
            return None;
        }
        let subject = main_subject(ctx, i - 1).or_else(|| subject_after_phrase(ctx, i));
        return subject.map(|m| (m, true));
    }
    // The channel's verb is the sentence's, not one inside a statement's content ("She said
    // the group provided a statement affirming ...").
    if statement_before(found, i).is_none() && after_channel(ctx, i) {
        return main_subject(ctx, i).map(|m| (m, false));
    }
    // A number ends no noun phrase of its own: "with about three in 10 saying".
    let start = np_start_before(text, ctx.start, i - 1).unwrap_or(i - 1);
    let start = quantity_before(text, ctx.start, start).unwrap_or(start);
    (start > ctx.start && text.word(start - 1) == "with")
        .then(|| (classify(text, TokenRange::new(start, i)), false))
}

/// How far back a quantity may stand before the phrase it counts ("about three in 10").
const QUANTITY_REACH: usize = 5;

/// The start of a quantity counting the phrase that starts at `start`, after "with": "with 30
/// percent of voters saying", "with about three in 10 saying". Only numbers, "of", "in" and
/// quantity words stand between "with" and the phrase; an adverb before them is left out
/// ("about").
fn quantity_before(text: &Text, lo: usize, start: usize) -> Option<usize> {
    let number = |k: usize| {
        let t = &text.tokens[k];
        t.kind == crate::text::token::TokenKind::Number || t.info.is(Class::QUANTITY)
    };
    let counts = |k: usize| {
        number(k) || text.tokens[k].info.is(Class::ADV) || matches!(text.word(k), "of" | "in")
    };
    let from = start.saturating_sub(QUANTITY_REACH).max(lo + 1);
    let with = (from..start)
        .rev()
        .find(|&k| !counts(k))
        .filter(|&k| text.word(k) == "with")?;
    let quantity = TokenRange::new(with + 1, start + 1);
    let first = quantity
        .indices()
        .find(|&k| !text.tokens[k].info.is(Class::ADV))?;
    quantity.indices().any(number).then_some(first)
}

/// The sentence's subject, if the participle at `i` stands in its clause: no subordinate or
/// relative clause opens between ("Voters are watching Clinton argue ..., while her rival has
/// soared in the polls by saying ..." is the rival's).
fn main_subject(ctx: &Ctx, i: usize) -> Option<Mention> {
    let text = ctx.text;
    let subject = sentence_subject(ctx, i)?;
    let clause_between = (subject.np.end..i).any(|k| {
        let t = &text.tokens[k];
        t.info.is(Class::SUB | Class::REL) && !t.info.is(Class::PREP)
    });
    (!clause_between).then_some(subject)
}

/// The subject after a phrase that opens the sentence and holds the participle at `i`, no
/// comma before it: the noun phrase after the phrase's comma ("One month after announcing his
/// support for Trump, Rubio still believes ..." is Rubio's).
fn subject_after_phrase(ctx: &Ctx, i: usize) -> Option<Mention> {
    let text = ctx.text;
    if (ctx.start..i).any(|k| text.word(k) == ",") {
        return None;
    }
    let comma = (i..ctx.end).find(|&k| text.word(k) == ",")?;
    // A quotation closing right after the comma: "Citing "obligations in Tennessee," the
    // spokeswoman told ...".
    let closes = text
        .quote_of(comma)
        .is_some_and(|q| q.close == Some(comma + 1));
    let after = comma + 1 + usize::from(closes);
    let np = np_after(text, after, ctx.end)?;
    (np.start == after).then(|| classify(text, np))
}

/// A participle after a speech frame whose content ended before it (""...," he said, noting
/// that C", "he said C1, adding that C2"): a statement of its own, by the same speaker. Inside
/// that content it is part of it.
fn speaker_going_on(frame: &Frame, i: usize) -> Option<Mention> {
    let content = frame.content?;
    (content.tokens.end <= i && frame.cue.end <= i)
        .then(|| frame.source.clone())
        .flatten()
}

/// How far before a participle the channel noun it describes may stand ("a statement on
/// Wednesday saying").
const CHANNEL_REACH: usize = 4;

/// Does the participle at `i` describe a channel that the clause's subject put out: "issued a
/// statement saying", "released a statement Wednesday saying", "sent a letter stating"? The
/// channel noun stands a few words before, a determiner at most two words before it ("a press
/// release"), and only a time or a place of publication between.
fn after_channel(ctx: &Ctx, i: usize) -> bool {
    let text = ctx.text;
    let lo = i.saturating_sub(CHANNEL_REACH).max(ctx.start + 1);
    // Between the channel and the participle only a time or where it was put out: "Wednesday",
    // "on Twitter" (not "a letter from 1990 saying").
    let between = |k: usize| {
        let t = &text.tokens[k];
        t.info
            .is(Class::TIME | Class::MONTH | Class::PREP_AFTER_CHANNEL)
            || t.is_cap_word()
    };
    let Some(channel) = (lo..i).rev().find(|&k| !between(k)) else {
        return false;
    };
    let t = &text.tokens[channel];
    t.info.is(Class::CHANNEL)
        && !t.has(TokenFlags::CAP)
        && (channel.saturating_sub(2).max(ctx.start)..channel)
            .any(|j| text.tokens[j].info.is(Class::DET | Class::POSS))
}

/// "nine witnesses testifying over three days": a phrase of time or place, no words. Not a
/// clause after "that" that opens with one ("noting that at one point he trailed").
fn is_time_or_place(text: &Text, content: &Content) -> bool {
    let start = content.tokens.start;
    let first = &text.tokens[start];
    !content.direct
        && first.info.is(Class::PREP)
        && !first.has(TokenFlags::CAP)
        && text.word(start) != "that"
        && (start == 0 || text.word(start - 1) != "that")
}

/// Does the frame of a verb that takes an object hold the participle at `i` in its content, as
/// an act does ("strongly denied the charge, noting that ...": the denial's subject notes)?
/// A statement that reports words ends before the participle instead (`content_after`).
fn act_holding(text: &Text, frame: &Frame, i: usize) -> bool {
    frame.cue_verb_is(text, |verb| verb.has(VerbFlags::OBJECT))
        && frame
            .content
            .is_some_and(|c| c.tokens.start < i && i < c.tokens.end)
}

/// Is the frame's cue a speech verb ("said"), not an act like "rejected" or "praised"?
fn is_speech_frame(text: &Text, frame: &Frame) -> bool {
    frame.cue_verb_is(text, |verb| verb.has(VerbFlags::SPEECH))
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn citing_what_names_no_source_is_a_statement_of_the_subject() {
        check(
            "In 1986, the Supreme Court blocked the plan, citing a threat to public health.",
            &[(
                "participle",
                "the Supreme Court",
                "citing",
                "a threat to public health",
            )],
        );
        check(
            "\"It is anger,\" McCain said, citing low economic growth.",
            &[
                ("postposed", "McCain", "said", "\"It is anger,\""),
                ("participle", "McCain", "citing", "low economic growth"),
            ],
        );
        check(
            "But Kim refused, citing his status as speaker, his aide was quoted as saying.",
            &[
                // What Kim cited is inside the aide's account.
                (
                    "quoted_as_saying",
                    "his aide",
                    "saying",
                    "But Kim refused, citing his status as speaker",
                ),
            ],
        );
        // A cited source is the origin of the statement, not a statement of its own.
        check(
            "The talks ended, Reuters reported, citing officials.",
            &[
                ("postposed", "Reuters", "reported", "The talks ended"),
                ("citing", "officials", "citing", ""),
            ],
        );
        // No clause subject that can speak.
        check("The weather turned cold, citing the season.", &[]);
    }

    #[test]
    fn the_sentence_subject_comes_after_a_dateline_and_an_opening_adverbial() {
        check(
            "WASHINGTON — Sen. Bernie Sanders defended his call, saying the positives outweigh the costs.",
            &[(
                "participle",
                "Sen. Bernie Sanders",
                "saying",
                "the positives outweigh the costs",
            )],
        );
        check(
            "Shortly after the announcement, Senator Mitch McConnell issued a statement saying the seat should stay vacant.",
            &[(
                "participle",
                "Senator Mitch McConnell",
                "saying",
                "the seat should stay vacant",
            )],
        );
        check(
            "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on it, saying that the United States should lead.",
            &[(
                "participle",
                "Mrs. Clinton",
                "saying",
                "the United States should lead",
            )],
        );
        // "with" and a quantity counting those who speak.
        check(
            "Trump has improved his standing, with 30 percent of voters saying they like him.",
            &[(
                "participle",
                "30 percent of voters",
                "saying",
                "they like him",
            )],
        );
        // A one-word adverb before the subject, the comma closing the clause.
        check(
            "Then Trump went on the attack, saying the race was rigged.",
            &[("participle", "Trump", "saying", "the race was rigged")],
        );
        // A name set off by dashes is no dateline.
        check(
            "Obama — the president — defended the plan, saying it works.",
            &[("participle", "Obama", "saying", "it works")],
        );
    }

    #[test]
    fn a_dash_sets_a_participle_off_as_a_comma_does() {
        check(
            "Marco Rubio flipped his choice on the spot – saying he was rooting for Manning.",
            &[(
                "participle",
                "Marco Rubio",
                "saying",
                "he was rooting for Manning",
            )],
        );
        check("The weather turned cold — saying that winter came.", &[]);
    }

    #[test]
    fn asking_not_to_be_named_is_no_statement() {
        check(
            "The official, asking not to be named, said the talks failed.",
            &[("preposed", "The official", "said", "the talks failed")],
        );
    }

    #[test]
    fn a_phrase_of_time_or_place_is_no_content() {
        check(
            "The inquiry pushed through a week with nine witnesses testifying over three days.",
            &[],
        );
    }

    #[test]
    fn after_a_quotation_and_its_speaker_a_statement_of_their_own() {
        check(
            "\"No,\" he said, adding that the talks would go on.",
            &[
                ("postposed", "he", "said", "\"No,\""),
                ("participle", "he", "adding", "the talks would go on"),
            ],
        );
        check(
            "He said the talks failed, adding that it rained.",
            &[
                ("preposed", "He", "said", "the talks failed"),
                ("participle", "He", "adding", "it rained"),
            ],
        );
    }

    #[test]
    fn a_clause_after_that_opening_with_a_preposition_is_words() {
        check(
            "\"No,\" he said, noting that at one point he had trailed by 50 points.",
            &[
                ("postposed", "he", "said", "\"No,\""),
                (
                    "participle",
                    "he",
                    "noting",
                    "at one point he had trailed by 50 points",
                ),
            ],
        );
        // Without "that", a phrase of place.
        check("The inquiry heard witnesses testifying at one point.", &[]);
    }

    #[test]
    fn the_subject_ends_before_the_verb_its_phrase_runs_on_over() {
        check(
            "The president left no doubt of his commitment, saying that nobody was more qualified.",
            &[(
                "participle",
                "The president",
                "saying",
                "nobody was more qualified",
            )],
        );
        check(
            "The billionaire businessman began by talking about the crisis, saying that heroin is cheap.",
            &[(
                "participle",
                "The billionaire businessman",
                "saying",
                "heroin is cheap",
            )],
        );
        // No opening of the phrase can speak.
        check("The weather turned cold, saying that winter came.", &[]);
    }

    #[test]
    fn after_a_denial_holding_it_the_subject_goes_on() {
        check(
            "The leaders strongly denied the charge, noting that they used the same system.",
            &[
                (
                    "preposed",
                    "The leaders",
                    "denied",
                    "the charge, noting that they used the same system",
                ),
                (
                    "participle",
                    "The leaders",
                    "noting",
                    "they used the same system",
                ),
            ],
        );
        // A statement that reports words ends before the participle: no act holds it.
        check(
            "He said the system was \"corrupt,\" noting that it is strange.",
            &[
                ("preposed", "He", "said", "the system was \"corrupt,\""),
                ("participle", "He", "noting", "it is strange"),
            ],
        );
    }

    #[test]
    fn by_saying_and_a_channel_the_subject_put_out() {
        check(
            "The White House released a statement Wednesday saying the comments were wrong.",
            &[(
                "participle",
                "The White House",
                "saying",
                "the comments were wrong",
            )],
        );
        check(
            "Zucker responded by saying that the network does not pay.",
            &[("participle", "Zucker", "saying", "the network does not pay")],
        );
        check(
            "Minutes later, Senator Rubio sent out a press release saying Murphy owes an explanation.",
            &[(
                "participle",
                "Senator Rubio",
                "saying",
                "Murphy owes an explanation",
            )],
        );
        // A channel described by more than a time or a place is not the subject's.
        check("He read a letter from 1990 saying the plan failed.", &[]);
        // After "by", an act rather than words.
        check("The college grew by admitting more students.", &[]);
    }

    #[test]
    fn adding_and_noting_take_the_clause_subject() {
        check(
            "Lewandowski rejected the idea, saying the crowds prove it.",
            &[
                // An act: what the participle says stays inside.
                (
                    "preposed",
                    "Lewandowski",
                    "rejected",
                    "the idea, saying the crowds prove it",
                ),
                ("participle", "Lewandowski", "saying", "the crowds prove it"),
            ],
        );
        check(
            "Blackwell pointed to Cruz's organization, noting that he has a ground game.",
            &[("participle", "Blackwell", "noting", "he has a ground game")],
        );
        // What "noting" takes is what was pointed out, a clause or not; not so "emphasizing".
        check(
            "Obama hewed to the plan, noting limited gains in take-home pay.",
            &[(
                "participle",
                "Obama",
                "noting",
                "limited gains in take-home pay",
            )],
        );
        check(
            "Obama hewed to the plan, emphasizing those last words.",
            &[],
        );
    }

    #[test]
    fn after_a_subordinator_the_main_clause_subject_acts() {
        check(
            "Clinton quit giving paid speeches before announcing her run in April.",
            &[("participle", "Clinton", "announcing", "her run in April")],
        );
        check(
            "One month after announcing his support for Trump, Rubio still believes it.",
            &[("participle", "Rubio", "announcing", "his support for Trump")],
        );
        // No subject after a comma inside the opening phrase, nor a gerund that is no speech.
        check(
            "In Ohio, after announcing his support for Trump, the crowd left.",
            &[],
        );
        check("After leaving the party, Rubio still believes it.", &[]);
        check(
            "Before concluding the meeting, the leaders posed for a photo.",
            &[],
        );
        check(
            "While not mentioning the row, Ueda said tension was visible.",
            &[("preposed", "Ueda", "said", "tension was visible")],
        );
        check(
            "Israel froze talks, with a spokesman for Prime Minister Ariel Sharon saying: \"There will be no talks.\"",
            &[(
                "participle",
                "a spokesman for Prime Minister Ariel Sharon",
                "saying",
                "\"There will be no talks.\"",
            )],
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_is_the_subjects_after_it() {
        check(
            "Noting that Obama let the group grow rich, Trump reminded Americans of his plan.",
            &[(
                "participle",
                "Trump",
                "Noting",
                "Obama let the group grow rich",
            )],
        );
        check(
            "Citing the attack in Paris, Smith left the race.",
            &[("participle", "Smith", "Citing", "the attack in Paris")],
        );
        // Words that report nothing; no subject right after the comma; where one writes.
        check("Saying goodbye, the senator left the room.", &[]);
        check(
            "Writing for a Times panel that agreed Pence won, Smith gave him an A.",
            &[],
        );
        check("Noting the time, and the weather, left.", &[]);
        // The phrase's comma inside a quotation that closes right after it.
        check(
            "Citing \"obligations in Tennessee,\" the spokeswoman said Gore would skip it.",
            &[
                (
                    "participle",
                    "the spokeswoman",
                    "Citing",
                    "\"obligations in Tennessee,\"",
                ),
                ("preposed", "the spokeswoman", "said", "Gore would skip it"),
            ],
        );
        // A quotation opening after the comma is no subject.
        check("Noting, \"We won,\" left the room.", &[]);
    }

    #[test]
    fn a_participle_inside_what_a_statement_names_stays_inside() {
        // "confirmed this, noting that ...": one statement (dev's convention), though PolNeAR
        // annotates the participle on its own.
        check(
            "The statement confirmed this, noting that Washington intends to consult allies.",
            &[(
                "preposed",
                "The statement",
                "confirmed",
                "this, noting that Washington intends to consult allies",
            )],
        );
    }

    #[test]
    fn going_on_to_say_is_a_participle_of_speech() {
        check(
            "Sanders said the issue is insane, going on to say that the media should move on.",
            &[
                ("preposed", "Sanders", "said", "the issue is insane"),
                ("participle", "Sanders", "say", "the media should move on"),
            ],
        );
        check(
            "Sanders attacked the media, going on to say that the issue is insane.",
            &[("participle", "Sanders", "say", "the issue is insane")],
        );
        // Going somewhere is no speech; nor is going on to act.
        check("Sanders left the stage, going on to Iowa.", &[]);
        check("Sanders left the stage, going on to win the state.", &[]);
    }
}
