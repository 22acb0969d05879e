//! Assembling a sentence's frames into attribution drafts with chains.
//!
//! A statement inside another statement's content becomes the origin of the outer one when the
//! outer content starts with it ("Macron said today that ..., AFP reported" → Macron → AFP);
//! a nested statement in a relative clause is an attribution of its own ("..., which he said
//! would fail"); other nested statements are dropped (PolNeAR-style: one attribution per
//! stretch of text).
//! Relays (", quoted by TASS") follow the statement they attach to; origins ("citing
//! officials") precede it. A weak statement ("Putin has called for ...") stands only as an
//! origin or with a relay.
//!
//! After every sentence is assembled, [`neighbour_quote`] gives a quotation standing right
//! after a draft that draft's chain.

mod attach;
pub(crate) mod neighbour_quote;
mod nesting;

use crate::lexicon::{Class, Form, lexicon};
use crate::mention::{Mention, MentionKind};
use crate::model::Relation;
use crate::rules::clause::{content_between, reporter_outlet};
use crate::rules::{Content, Frame, Role, RuleId};
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::TokenFlags;
use attach::Attached;
use nesting::Nesting;

/// One element of a draft chain, before coreference.
#[derive(Clone, Debug)]
pub(crate) struct DraftHop {
    pub mention: Option<Mention>,
    pub cue: Option<TokenRange>,
    pub relation: Relation,
    pub appositive: Option<TokenRange>,
    /// The source spoke "in a statement".
    pub statement: bool,
}

/// An attribution before its sources are resolved to entities.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub rule: RuleId,
    pub sentence: usize,
    /// Origin first.
    pub hops: Vec<DraftHop>,
    pub content: Option<Content>,
}

/// Turns one sentence's frames (sorted by cue) into drafts: each top-level statement with the
/// statements nested at the start of its content as its origins, and its relays and origins.
pub(crate) fn assemble(text: &Text, sentence: usize, frames: &[Frame]) -> Vec<Draft> {
    let nesting = Nesting::of(text, frames);
    let attached = Attached::of(text, frames, &nesting);
    let mut drafts = Vec::with_capacity(frames.len());
    let mut chain = Vec::new();
    // The frames in some chain, as bits (frames beyond the 64th are left out of the
    // search for statements in relative clauses: no allocation per sentence).
    let mut in_chain: u64 = 0;
    for i in nesting.top_level(frames) {
        // A weak statement ("Putin has called for ...") stands only with a relay or an origin.
        if frames[i].weak && !attached.any(i) {
            continue;
        }
        nesting.origins(text, frames, i, &mut chain);
        for &c in chain.iter().filter(|&&c| c < 64) {
            in_chain |= 1 << c;
        }
        let innermost = *chain.last().unwrap_or(&i);
        drafts.push(Draft {
            rule: frames[i].rule,
            sentence,
            hops: hops(text, frames, &chain, &attached),
            content: content_of(text, frames, &nesting, innermost),
        });
        if chain.len() >= 2 && testifies(&frames[i]) {
            drafts.push(Draft {
                rule: frames[i].rule,
                sentence,
                hops: vec![hop(&frames[i])],
                content: frames[i].content,
            });
        }
    }
    let free = |i: usize| i < 64 && in_chain & (1 << i) == 0;
    for i in (0..frames.len()).filter(|&i| free(i) && nesting.parent(i).is_some()) {
        if frames[i].weak
            || !in_relative_clause(text, &frames[i]) && !dashed_aside(text, &frames[i])
        {
            continue;
        }
        drafts.push(Draft {
            rule: frames[i].rule,
            sentence,
            hops: hops(text, frames, &[i], &attached),
            content: content_of(text, frames, &nesting, i),
        });
    }
    drafts
}

/// Does a statement nested in another's content stand in a relative clause, an attribution
/// of its own rather than part of what the outer source reports: a statement about the noun a
/// relative pronoun stands for ("the rule, which he said would make it harder", "a path to the
/// nomination, which he declared a disaster"). Counter-examples: "Song said Clinton said ..."
/// (speech reported inside speech, one attribution); a relative pronoun that speaks ("64
/// percent who say the same") or "that" (it may be a complementizer: "noted that experts
/// say"), which PolNeAR train holds as often outside as inside the outer statement. "That" is
/// a relative pronoun when the content lacks its subject, the gap the pronoun fills: "moves
/// that he said improved the economy", "a rule change that he said would make it harder".
fn in_relative_clause(text: &Text, frame: &Frame) -> bool {
    let Some(source) = frame.source.as_ref() else {
        return false;
    };
    let after_relative = source.np.start.checked_sub(1).is_some_and(|k| {
        let t = &text.tokens[k];
        t.info.is(Class::REL) && !t.info.is(Class::DET)
            || text.word(k) == "that"
                && past_speech(text, frame)
                && frame.content.is_some_and(|c| lacks_subject(text, c))
    });
    frame.role == Role::Statement && !matches!(source.kind, MentionKind::Relative) && after_relative
}

/// Does a nested statement quote its source in an aside set off by a dash, an attribution of
/// its own inside the outer one ("praised his brother's faith - ''faith that reveals itself,''
/// he said - and argued ..."). Counter-example: a quotation the outer statement reports
/// without a dash ("Song said "the plan failed," he said" stays one).
fn dashed_aside(text: &Text, frame: &Frame) -> bool {
    let Some(content) = frame.content.filter(|c| c.direct) else {
        return false;
    };
    let dash = |k: usize| matches!(text.word(k), "-" | "--" | "—" | "–");
    frame.rule == RuleId::Postposed
        && frame.role == Role::Statement
        && frame.source.is_some()
        && content.tokens.start > 0
        && dash(content.tokens.start - 1)
}

/// Is the frame's cue a verb in the past tense, the report of a speech event ("that he said
/// improved"), not a standing view in the present ("policies that Trump argues allowed ...",
/// which PolNeAR leaves inside the outer statement)?
fn past_speech(text: &Text, frame: &Frame) -> bool {
    lexicon()
        .verb_forms(text.tokens[frame.cue.start].info)
        .iter()
        .any(|f| f.forms.intersects(Form::PAST))
}

/// Does a content open with a finite verb, its subject missing: an auxiliary ("would make it
/// harder", "was too costly") or a past tense in lower case ("improved the economy"), not a
/// subject ("experts say the plan failed": "the plan") nor a quotation.
fn lacks_subject(text: &Text, content: Content) -> bool {
    let first = content.tokens.start;
    let Some(t) = text.tokens.get(first) else {
        return false;
    };
    if content.direct || t.has(TokenFlags::CAP) {
        return false;
    }
    t.info.is(Class::AUX | Class::BE | Class::HAVE)
        || text.word(first).ends_with("ed") && !t.info.is(Class::DET | Class::PRON | Class::POSS)
}

/// The hops of a chain of statements (outermost first): from the innermost out, each
/// statement's origins, the statement, its relays.
fn hops(text: &Text, frames: &[Frame], chain: &[usize], attached: &Attached) -> Vec<DraftHop> {
    let mut hops = Vec::with_capacity(chain.len() + attached.len());
    for &s in chain.iter().rev() {
        for o in attached.of_statement(frames, s, false) {
            push_hops(text, &mut hops, &frames[o]);
        }
        push_hops(text, &mut hops, &frames[s]);
        for r in attached.of_statement(frames, s, true) {
            push_hops(text, &mut hops, &frames[r]);
        }
    }
    hops
}

/// The hop a frame gives a chain, and the outlet of a reporter named with it ("according to
/// Maria Lopez of the Financial Times": Lopez, then the Financial Times).
fn push_hops(text: &Text, hops: &mut Vec<DraftHop>, frame: &Frame) {
    hops.push(hop(frame));
    if let Some(outlet) = frame.source.as_ref().and_then(|m| reporter_outlet(text, m)) {
        hops.push(DraftHop {
            mention: Some(outlet),
            cue: None,
            relation: Relation::Reported,
            appositive: None,
            statement: false,
        });
    }
}

/// The hop a frame gives a chain.
fn hop(frame: &Frame) -> DraftHop {
    DraftHop {
        mention: frame.source.clone(),
        cue: frame.hop_cue,
        relation: frame.relation,
        appositive: frame.appositive,
        statement: frame.statement,
    }
}

/// The content of statement `innermost`, cut before the words of the sentence's other frames
/// (not of what it reports inside its own words).
fn content_of(
    text: &Text,
    frames: &[Frame],
    nesting: &Nesting,
    innermost: usize,
) -> Option<Content> {
    let c = frames[innermost].content?;
    let cut = frames
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != innermost && nesting.parent(k) != Some(innermost))
        .flat_map(|(_, f)| [Some(f.cue.start), f.source.as_ref().map(|m| m.np.start)])
        .flatten()
        .filter(|&t| t > c.tokens.start && t < c.tokens.end)
        .min();
    match cut {
        Some(end) if !c.direct => content_between(text, c.tokens.start, end),
        _ => Some(c),
    }
}

/// A person telling what another said testifies too: "Afterward, Sondland said he had
/// relayed ..., Morrison testified" is Sondland's statement through Morrison and Morrison's
/// own account. (An outlet or a press service only passes the words on.)
fn testifies(frame: &Frame) -> bool {
    let person = frame.source.as_ref().is_some_and(|m| {
        matches!(
            m.kind,
            MentionKind::Person { .. } | MentionKind::Pronoun { .. }
        )
    });
    person && frame.relation == Relation::Said
}

#[cfg(test)]
mod tests {
    use super::assemble;
    use crate::analyze::{DocumentInput, analyze};
    use crate::lexicon::lexicon;
    use crate::rules::{Ctx, find_frames};
    use crate::text::{Text, TokenRange};

    /// The drafts of `input`'s first sentence: the rule, the sources' words (origin first) and
    /// the content.
    fn check(input: &str, expected: &[(&str, &[&str], &str)]) {
        let text = Text::new(input, lexicon());
        let frames = find_frames(&Ctx::new(&text, 0, false));
        let words = |range: TokenRange| text.span(range).slice(input);
        let got: Vec<(&str, Vec<&str>, &str)> = assemble(&text, 0, &frames)
            .iter()
            .map(|d| {
                let sources = d
                    .hops
                    .iter()
                    .filter_map(|h| h.mention.as_ref().map(|m| words(m.np)))
                    .collect();
                let content = d.content.map_or("", |c| c.span.slice(input));
                (d.rule.as_str(), sources, content)
            })
            .collect();
        let expected: Vec<(&str, Vec<&str>, &str)> = expected
            .iter()
            .map(|&(rule, sources, content)| (rule, sources.to_vec(), content))
            .collect();
        assert_eq!(got, expected, "\ninput: {input}");
    }

    #[test]
    fn a_statement_in_a_relative_clause_stands_on_its_own() {
        check(
            "Bamberg said the videos do not show his hands, which he said were at his side.",
            &[
                (
                    "preposed",
                    &["Bamberg"],
                    "the videos do not show his hands, which he said were at his side",
                ),
                ("preposed", &["he"], "were at his side"),
            ],
        );
        // "that" with the content's subject missing opens a relative clause.
        check(
            "Cruz praised Pence for cutting taxes, moves that he said improved the economy.",
            &[
                (
                    "preposed",
                    &["Cruz"],
                    "Pence for cutting taxes, moves that he said improved the economy",
                ),
                ("preposed", &["he"], "improved the economy"),
            ],
        );
        // A quotation set off by a dash with its own source is an aside of its own.
        check(
            "Bush praised his faith - \"faith that shows itself in good works,\" he said - and argued for unity.",
            &[
                (
                    "preposed",
                    &["Bush"],
                    "his faith - \"faith that shows itself in good works,\" he said - and",
                ),
                // The second verb is Bush's.
                ("coordinated", &["Bush"], "for unity"),
                (
                    "postposed",
                    &["he"],
                    "\"faith that shows itself in good works,\"",
                ),
            ],
        );
        // A quotation not set off by a dash stays inside.
        check(
            "Clinton suggested that the plan was unserious: \"We need details,\" she said - and charged that it would fail.",
            &[
                (
                    "preposed",
                    &["Clinton"],
                    "the plan was unserious: \"We need details,\" she said - and",
                ),
                ("coordinated", &["Clinton"], "it would fail"),
            ],
        );
        // A view held in the present stays inside.
        check(
            "It mentions policies that Trump argues allowed the group to grow.",
            &[(
                "preposed",
                &["It"],
                "policies that Trump argues allowed the group to grow",
            )],
        );
        // "that" before a clause with its subject is a complementizer: one attribution.
        check(
            "Clinton argued that experts said the plan failed.",
            &[("preposed", &["Clinton"], "experts said the plan failed")],
        );
        // A relative pronoun that speaks stays inside.
        check(
            "Most voters say they like Clinton, unlike 30 percent who say they like Trump.",
            &[(
                "preposed",
                &["Most voters"],
                "they like Clinton, unlike 30 percent who say they like Trump",
            )],
        );
        // Speech reported inside speech is one attribution.
        check(
            "Song said Clinton said the plan would not happen.",
            &[(
                "preposed",
                &["Song"],
                "Clinton said the plan would not happen",
            )],
        );
    }

    #[test]
    fn a_weak_statement_stands_only_with_a_relay_or_an_origin() {
        check("Putin has called for calm.", &[]);
        check(
            "Putin has called for calm, the Kremlin's press service reported, quoted by TASS.",
            &[(
                "postposed",
                &["Putin", "the Kremlin's press service", "TASS"],
                "calm",
            )],
        );
    }

    #[test]
    fn origins_precede_and_relays_follow_their_statement() {
        check(
            "The deal failed, the minister said, citing officials.",
            &[(
                "postposed",
                &["officials", "the minister"],
                "The deal failed",
            )],
        );
        check(
            "Lavrov was quoted by Interfax as saying the talks failed.",
            &[(
                "quoted_as_saying",
                &["Lavrov", "Interfax"],
                "the talks failed",
            )],
        );
    }

    #[test]
    fn the_content_is_cut_before_the_outer_frames_words() {
        check(
            "Macron said the talks failed, AFP reported.",
            &[("postposed", &["Macron", "AFP"], "the talks failed")],
        );
        // What a statement reports inside its own words stays in its content.
        check(
            "Sullivan said Biden had told Putin that Russia would pay.",
            &[(
                "preposed",
                &["Sullivan"],
                "Biden had told Putin that Russia would pay",
            )],
        );
    }

    #[test]
    fn a_person_telling_what_another_said_gives_an_account_of_their_own() {
        check(
            "Afterward, Sondland said he had relayed the offer, Morrison testified.",
            &[
                (
                    "postposed",
                    &["Sondland", "Morrison"],
                    "he had relayed the offer",
                ),
                (
                    "postposed",
                    &["Morrison"],
                    "Afterward, Sondland said he had relayed the offer",
                ),
            ],
        );
        // An outlet only passes the words on.
        check(
            "Macron said the talks failed, AFP reported.",
            &[("postposed", &["Macron", "AFP"], "the talks failed")],
        );
    }

    /// The chains (node ids, origin first) of a one-sentence body.
    fn chains(sentence: &str) -> Vec<Vec<String>> {
        let text = format!("Headline\n\n{sentence}\n");
        let analysis = analyze(&DocumentInput::new("t", &text));
        analysis
            .attributions
            .iter()
            .map(|a| a.hops.iter().map(|h| h.node.clone()).collect())
            .collect()
    }

    #[test]
    fn a_statement_opening_a_reported_clause_is_its_origin() {
        assert_eq!(
            chains("Macron said the talks failed, AFP reported."),
            [["macron", "afp"]]
        );
        // After an introductory phrase and its comma too.
        assert_eq!(
            chains("On Tuesday, Macron said the talks failed, AFP reported."),
            [["macron", "afp"]]
        );
    }

    #[test]
    fn an_inverted_said_closing_the_sentence_is_the_outer_statement() {
        assert_eq!(
            chains("Obama warned the leader not to move, said an American official."),
            [["obama", "american-official--t"]]
        );
    }

    #[test]
    fn a_reporter_of_an_outlet_is_followed_by_the_outlet() {
        assert_eq!(
            chains(
                "The port authority halted loading, according to Maria Lopez of the Financial Times."
            ),
            [["maria-lopez", "financial-times"]]
        );
        // Of a body that is no outlet: the person alone.
        assert_eq!(
            chains("Growth slowed, according to Mark Zandi of Moody's Analytics."),
            [["mark-zandi"]]
        );
    }

    #[test]
    fn a_statement_filling_a_relayed_content_is_its_origin() {
        assert_eq!(
            chains("No damage was reported, the regional ministry said, according to Reuters."),
            [["regional-ministry--t", "reuters"]]
        );
        assert_eq!(
            chains("\"Rates will rise,\" said one economist, as reported by the Guardian."),
            [["economist--t", "guardian"]]
        );
        assert_eq!(
            chains("According to Reuters, the minister said the talks had failed."),
            [["minister--t", "reuters"]]
        );
        // With a relay of its own.
        assert_eq!(
            chains(
                "\"I would take corrections,\" Carson noted in an interview with Fox News, as reported by BuzzFeed News."
            ),
            [["carson", "fox-news", "buzzfeed-news"]]
        );
        // A statement inside the content is no origin.
        assert_eq!(
            chains("The deal failed after Macron said it would, according to Reuters."),
            [["reuters"]]
        );
    }

    #[test]
    fn relays_of_quoted_words_keep_every_hop() {
        assert_eq!(
            chains(
                "Residents heard blasts, the council was quoted as saying by the Tanjug news agency."
            ),
            [["council--t", "tanjug"]]
        );
        assert_eq!(
            chains("The mayor, citing a police report, said the road would close."),
            [["police-report--t", "mayor--t"]]
        );
        assert_eq!(
            chains(
                "According to reports cited by MySA, more than 104,000 users submitted reports."
            ),
            [["reports--t", "mysa"]]
        );
    }

    #[test]
    fn an_outlet_noun_spoken_to_is_the_outlet_named_before() {
        assert_eq!(
            chains(
                "The Chronicle says he was arrested. Employee Steve Castro tells the paper that he fought with the man."
            ),
            [
                vec!["san-francisco-chronicle"],
                vec!["steve-castro", "san-francisco-chronicle"]
            ]
        );
    }

    #[test]
    fn a_person_telling_what_another_said_testifies_too() {
        assert_eq!(
            chains("Afterward, Sondland said he had relayed the offer, Morrison testified."),
            [vec!["morrison"], vec!["sondland", "morrison"]]
        );
    }
}
