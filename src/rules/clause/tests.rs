//! The clause helpers, each with examples and counter-examples: one `check_*` helper per
//! helper, run on the first sentence of its input.

use crate::lexicon::lexicon;
use crate::mention::classify;
use crate::rules::Ctx;
use crate::rules::verb::VerbHit;
use crate::text::Text;
use crate::text::TokenRange;

/// Runs `f` on the first sentence of `input` with the first token spelled `word`.
fn at_word<R>(input: &str, word: &str, f: impl FnOnce(&Ctx, usize) -> R) -> R {
    let text = Text::new(input, lexicon());
    let ctx = Ctx::new(&text, 0, false);
    let i = (ctx.start..ctx.end)
        .find(|&k| text.word(k) == word)
        .unwrap_or_else(|| panic!("no {word:?} in {input:?}"));
    f(&ctx, i)
}

/// Runs `f` on the first sentence of `input` with the reporting verb spelled `verb`.
fn at_verb<R>(input: &str, verb: &str, f: impl FnOnce(&Ctx, &VerbHit) -> R) -> R {
    at_word(input, verb, |ctx, i| {
        let hit = ctx
            .verbs()
            .iter()
            .find(|hit| hit.cue.start == i)
            .unwrap_or_else(|| panic!("{verb:?} is no verb in {input:?}"));
        f(ctx, hit)
    })
}

/// The words of tokens `range` (none for an empty range).
fn words(ctx: &Ctx, range: TokenRange) -> String {
    if range.is_empty() {
        return String::new();
    }
    ctx.text.span(range).slice(ctx.text.src).to_string()
}

mod subjects {
    use super::*;
    use crate::rules::clause::{agrees, sentence_subject, subject_of};

    /// The subject of `verb` and its appositive, if the verb has a subject that agrees with it.
    fn check_subject(input: &str, verb: &str, expected: Option<(&str, Option<&str>)>) {
        let got = at_verb(input, verb, |ctx, hit| {
            subject_of(ctx, hit)
                .filter(|(mention, _)| agrees(ctx.text, hit, mention))
                .map(|(mention, appositive)| {
                    let appositive = appositive.map(|a| words(ctx, a));
                    (words(ctx, mention.np), appositive)
                })
        });
        let expected = expected.map(|(s, a)| (s.to_string(), a.map(str::to_string)));
        assert_eq!(got, expected, "\ninput: {input}");
    }

    #[test]
    fn the_subject_over_a_long_or_quoted_aside() {
        // A party and a state in brackets, then a comma that sets off nothing.
        check_subject(
            "After winning Ohio, Gov. John Kasich (R-OH), said he was ready.",
            "said",
            Some(("Gov. John Kasich", None)),
        );
        // Counter-example: an acronym in brackets closes the appositive before it.
        check_subject(
            "Ichiro Ozawa, who heads the New Frontier Party (NFP), said he was ready.",
            "said",
            Some((
                "Ichiro Ozawa",
                Some("who heads the New Frontier Party (NFP)"),
            )),
        );
        // The aside's comma inside its closing quotation mark, and a quoted title in it.
        check_subject(
            "Humphrey, who calls Trump a \u{201c}sociopath,\u{201d} said he doubts it.",
            "said",
            Some(("Humphrey", Some("who calls Trump a \u{201c}sociopath"))),
        );
        check_subject(
            "Hemsley, the co-author of \"Going Viral,\" about the spread of information, said it was over.",
            "said",
            Some((
                "Hemsley",
                Some("the co-author of \"Going Viral,\" about the spread of information"),
            )),
        );
        // A long appositive with a role in it.
        check_subject(
            "Paul Begala, a former political adviser to Mr. Clinton and a friend of the couple's, said it.",
            "said",
            Some((
                "Paul Begala",
                Some("a former political adviser to Mr. Clinton and a friend of the couple's"),
            )),
        );
        // A place's state after its comma is no one the aside describes.
        check_subject(
            "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said it.",
            "said",
            Some((
                "Harry Bond",
                Some("30, of Raleigh, N.C., who was among those polled"),
            )),
        );
        // Counter-example: a participle clause after a phrase that opens no clause.
        check_subject(
            "The fact that it was not a party to the agreements, allowing the group to go on, has given added fuel to the argument.",
            "added",
            None,
        );
    }

    #[test]
    fn a_rounded_share_before_its_number() {
        check_subject(
            "Just shy of half, 49%, say the economy improved.",
            "say",
            Some(("half", Some("49%"))),
        );
        check_subject(
            "Among likely voters, about two-thirds, 67 percent, say they will vote.",
            "say",
            Some(("two-thirds", Some("67 percent"))),
        );
        // Counter-example: a share after a verb's words is their object, no speaker.
        check_subject(
            "Turnout fell short of half, 49%, said officials.",
            "said",
            None,
        );
    }

    #[test]
    fn a_name_before_its_description_over_a_second_appositive() {
        check_subject(
            "Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said it.",
            "said",
            Some((
                "Giovanni Maria Vian",
                Some("the editor of the Vatican's newspaper"),
            )),
        );
        check_subject(
            "One attendee, who like others spoke on the condition of anonymity, said it.",
            "said",
            Some((
                "One attendee",
                Some("who like others spoke on the condition of anonymity"),
            )),
        );
    }

    #[test]
    fn documents_speak() {
        check_subject(
            "The court takes no view, the unsigned opinion said.",
            "said",
            Some(("the unsigned opinion", None)),
        );
        check_subject(
            "Her email use, which an FBI investigation said was careless, ended.",
            "said",
            Some(("an FBI investigation", None)),
        );
    }

    #[test]
    fn a_name_closing_a_phrase_that_names_nothing() {
        check_subject(
            "Saturday at the convention Sen. Elizabeth Warren (D-MA) said Trump failed.",
            "said",
            Some(("Sen. Elizabeth Warren", None)),
        );
        // Counter-example: one capitalized word after "of" is no such name.
        check_subject(
            "The report by the National Academy of Sciences said prices rose.",
            "said",
            Some(("The report by the National Academy of Sciences", None)),
        );
    }

    #[test]
    fn coordinated_and_counted_subjects() {
        check_subject(
            "It is about big audiences, he and Mr. Allen said.",
            "said",
            Some(("he and Mr. Allen", None)),
        );
        check_subject(
            "The arm was yanked, she and another reporter said.",
            "said",
            Some(("she and another reporter", None)),
        );
        // Names joined by "and" agree with a plural verb.
        check_subject(
            "Forbes and Wealth-X say the United States has more billionaires.",
            "say",
            Some(("Forbes and Wealth-X", None)),
        );
        check_subject(
            "And until then, most of them said they had loved working there.",
            "said",
            Some(("most of them", None)),
        );
        // Counter-example: an object pronoun is no part of a coordination.
        check_subject(
            "They met him and Mr. Allen said nothing.",
            "said",
            Some(("Mr. Allen", None)),
        );
    }

    #[test]
    fn the_head_of_a_relative_clause_whose_object_precedes_the_verb() {
        check_subject(
            "Voters who support Trump said they were angry.",
            "said",
            Some(("Voters", None)),
        );
        check_subject(
            "Only 7 percent were undecided, and 27 percent of those who named a candidate said they could change.",
            "said",
            Some(("27 percent of those", None)),
        );
        check_subject(
            "But progressive organizations that have endorsed him say they disagree.",
            "say",
            Some(("progressive organizations", None)),
        );
        // Counter-examples: a subject pronoun after the relative's verb, a complement clause.
        check_subject(
            "He rebuked critics who say he should condemn them.",
            "condemn",
            Some(("he", None)),
        );
        check_subject(
            "Smith, who notes that United Technologies has vowed to cut costs, left.",
            "vowed",
            Some(("United Technologies", None)),
        );
    }

    #[test]
    fn the_noun_phrase_before_the_verb_group() {
        check_subject(
            "Officials say the talks failed.",
            "say",
            Some(("Officials", None)),
        );
        check_subject("He has repeatedly said so.", "said", Some(("He", None)));
        check_subject(
            "Steve Cowan, a spokesman, said the road was closed.",
            "said",
            Some(("Steve Cowan", Some("a spokesman"))),
        );
        check_subject(
            "A White House official who spoke anonymously said the talks failed.",
            "said",
            Some(("A White House official", None)),
        );
    }

    #[test]
    fn an_object_inside_a_relative_clause_is_no_subject() {
        check_subject(
            "Current and former officials who spoke with The Huffington Post said it failed.",
            "said",
            Some(("former officials", None)),
        );
        check_subject(
            "Executives who have worked with Lachlan Murdoch say he is quiet.",
            "say",
            Some(("Executives", None)),
        );
        // Counter-examples: no relative clause (the phrase before the verb stays), or a
        // subordinator before the subject.
        check_subject(
            "The talks with Iran said nothing.",
            "said",
            Some(("Iran", None)),
        );
        check_subject(
            "Reporters waited until Smith said it.",
            "said",
            Some(("Smith", None)),
        );
        check_subject(
            "Voters who backed him after Smith said it left.",
            "said",
            Some(("Smith", None)),
        );
    }

    #[test]
    fn the_noun_before_a_participle_clause_opening_the_sentence() {
        check_subject(
            "Democrats trying to regain control of the Senate in November say they have a weapon.",
            "say",
            Some(("Democrats", None)),
        );
        check_subject(
            "But Republican activists clamoring to block Donald Trump from the nomination say \
             they are gaining.",
            "say",
            Some(("Republican activists", None)),
        );
        // Counter-examples: a past in "-ed" before a coordinated clause; the agent of a passive.
        check_subject(
            "Islamic State claimed responsibility but U.S. officials have said they doubt it.",
            "said",
            Some(("U.S. officials", None)),
        );
        check_subject(
            "A statement issued by the spokesman Felix Kulayigye said the troops left.",
            "said",
            Some(("the spokesman Felix Kulayigye", None)),
        );
    }

    #[test]
    fn a_share_of_people_before_an_appositive() {
        check_subject(
            "A third of independents, 33%, say they feel that way.",
            "say",
            Some(("A third of independents", Some("33%"))),
        );
        check_subject(
            "A majority, 55 percent, say they will vote.",
            "say",
            Some(("A majority", Some("55 percent"))),
        );
        check_subject(
            "A third, Daniel Traynor, said he was opposed.",
            "said",
            Some(("Daniel Traynor", Some("A third"))),
        );
        // Counter-example: no quantity heads the phrase before the appositive.
        check_subject("The cost of the plan, 33%, says little.", "says", None);
    }

    #[test]
    fn quantifiers_and_names_in_the_appositive() {
        check_subject("Some say they hear echoes.", "say", Some(("Some", None)));
        check_subject(
            "Most of the protesters told reporters they would stay.",
            "told",
            Some(("Most of the protesters", None)),
        );
        check_subject(
            "One hopeful, Carly Fiorina, says she will stay.",
            "says",
            Some(("Carly Fiorina", Some("One hopeful"))),
        );
        // A quantifier that does not open its clause is no subject of its own.
        check_subject("He gave some say in it.", "say", None);
    }

    #[test]
    fn the_head_before_a_prepositional_complement() {
        check_subject(
            "But proponents of the new bill say it would keep safeguards.",
            "say",
            Some(("proponents", None)),
        );
        check_subject(
            "Later, people with direct knowledge of Gates' work said that he helped.",
            "said",
            Some(("people with direct knowledge", None)),
        );
        check_subject(
            "He will stay, a source close to him said.",
            "said",
            Some(("a source", None)),
        );
        // No head before the complement names a speaker.
        check_subject("The rise in prices says little.", "says", None);
        check_subject(
            "Then tens of thousands of outages reported problems.",
            "reported",
            None,
        );
    }

    #[test]
    fn subjects_must_agree_with_the_verb() {
        check_subject("The spokesman say nothing.", "say", None);
        check_subject("The officials says nothing.", "says", None);
        // "police" is singular and plural.
        check_subject(
            "Cologne police say it failed.",
            "say",
            Some(("Cologne police", None)),
        );
        // Capitalized words ending in a plural: a plural name.
        check_subject(
            "Leading Democrats say it failed.",
            "say",
            Some(("Leading Democrats", None)),
        );
        check_subject(
            "Saban, Meyer and other coaches claim it failed.",
            "claim",
            Some(("Meyer and other coaches", None)),
        );
        // A singular name with a bare "say" is none.
        check_subject("Joe Biden say it failed.", "say", None);
        // A share of people written with the sign.
        check_subject("Only 42% say it failed.", "say", Some(("42%", None)));
        // An auxiliary agrees for the verb.
        check_subject(
            "The spokesman did say so.",
            "say",
            Some(("The spokesman", None)),
        );
    }

    #[test]
    fn the_sentence_subject_a_later_verb_shares() {
        let subject = |input: &str, word: &str| {
            at_word(input, word, |ctx, i| {
                sentence_subject(ctx, i).map(|m| words(ctx, m.np))
            })
        };
        assert_eq!(
            subject("Blackwell pointed to it, noting that it works.", "noting").as_deref(),
            Some("Blackwell")
        );
        assert_eq!(
            subject("On Monday the mayor left, noting that it works.", "noting"),
            None
        );
        // A phrase read on over a first verb in "-ed": the noun before it.
        assert_eq!(
            subject("The senator paused and recalled that it works.", "recalled").as_deref(),
            Some("The senator")
        );
        assert_eq!(
            subject("Smith nodded and said that it works.", "said").as_deref(),
            Some("Smith")
        );
        // Counter-example: no role noun or name before the word in "-ed".
        assert_eq!(
            subject("The tired said that it works.", "said").as_deref(),
            None
        );
        // After an opening adverbial set off by a comma.
        assert_eq!(
            subject(
                "On Thursday, he hedged on the plan, telling MSNBC it works.",
                "telling"
            )
            .as_deref(),
            Some("he")
        );
        assert_eq!(
            subject(
                "But earlier Saturday, Yoon apologized, saying it works.",
                "saying"
            )
            .as_deref(),
            Some("Yoon")
        );
    }
}

mod contents {
    use super::*;
    use crate::rules::clause::{content_after, content_before, content_between};

    /// The content after a preposed `verb` and whether "in a statement" came before it.
    fn check_after(input: &str, verb: &str, expected: Option<(&str, bool)>) {
        let got = at_verb(input, verb, |ctx, hit| {
            content_after(ctx, hit).map(|(c, statement)| (words(ctx, c.tokens), statement))
        });
        let expected = expected.map(|(c, s)| (c.to_string(), s));
        assert_eq!(got, expected, "\ninput: {input}");
    }

    /// The content before a postposed source that starts at the token spelled `source`.
    fn check_before(input: &str, source: &str, expected: Option<(&str, bool)>) {
        let got = at_word(input, source, |ctx, i| {
            content_before(ctx, i).map(|c| (words(ctx, c.tokens), c.direct))
        });
        let expected = expected.map(|(c, d)| (c.to_string(), d));
        assert_eq!(got, expected, "\ninput: {input}");
    }

    #[test]
    fn a_comparison_with_a_statement_of_its_own_ends_the_content() {
        check_after(
            "Most voters say they like Clinton, compared with 64 percent who say the same of Sanders.",
            "say",
            Some(("they like Clinton", false)),
        );
        // Counter-example: a comparison of figures stays in the content.
        check_after(
            "The company said profit rose, compared with a loss a year earlier.",
            "said",
            Some(("profit rose, compared with a loss a year earlier", false)),
        );
    }

    #[test]
    fn after_a_recipient_adjuncts_and_that() {
        check_after(
            "Sullivan told reporters on Tuesday that the US was ready.",
            "told",
            Some(("the US was ready", false)),
        );
        check_after(
            "He said in a statement that it failed.",
            "said",
            Some(("it failed", true)),
        );
        // After a verb that takes an object, "as" is skipped, and a quotation is taken whole.
        check_after(
            "The adviser described as \"crazy\" the call.",
            "described",
            Some(("\"crazy\"", false)),
        );
        check_after(
            "Axelrod tweeted this: \"She did it again.\"",
            "tweeted",
            Some(("\"She did it again.\"", false)),
        );
    }

    #[test]
    fn a_colon_ending_the_paragraph_introduces_the_next_one() {
        check_after(
            "The governor added:\n\nIt is typical of her. She knows nothing.\n\nThe race goes on.",
            "added",
            Some(("It is typical of her. She knows nothing", false)),
        );
        check_after(
            "Fox News reports:\n\n...at least four emails had their markings changed.",
            "reports",
            Some(("...at least four emails had their markings changed", false)),
        );
        // A colon inside its paragraph, or ending the text, introduces no other paragraph.
        check_after(
            "He said: the plan failed.\n\nThe race goes on.",
            "said",
            Some(("the plan failed", false)),
        );
        check_after("The governor added:", "added", None);
    }

    #[test]
    fn nothing_after_the_cue_is_no_content() {
        check_after("The talks failed, he said.", "said", None);
        check_after("Costa reported from Washington.", "reported", None);
    }

    #[test]
    fn before_a_source_a_clause_or_a_whole_quotation() {
        check_before(
            "The talks failed, officials said.",
            "officials",
            Some(("The talks failed", false)),
        );
        check_before(
            "\"We are ready,\" Sullivan said.",
            "Sullivan",
            Some(("\"We are ready,\"", true)),
        );
        // A partial quotation at the end of a clause leaves the whole clause.
        check_before(
            "It must not fall \"on our shoulders\", the ministry said.",
            "the",
            Some(("It must not fall \"on our shoulders\"", false)),
        );
        // No separator, or a single word, is no content.
        check_before("The talks officials said.", "officials", None);
        check_before("Yes, officials said.", "officials", None);
    }

    #[test]
    fn between_trims_punctuation_and_a_leading_that() {
        at_word("He said that, in fact, it failed.", "that", |ctx, i| {
            let c = content_between(ctx.text, i, ctx.end).unwrap();
            assert_eq!(words(ctx, c.tokens), "in fact, it failed");
        });
        at_word("He said: --", ":", |ctx, i| {
            assert!(content_between(ctx.text, i, ctx.end).is_none());
        });
    }
}

mod adjuncts {
    use super::*;
    use crate::rules::clause::{introduces_speech, relative_that, skip_adjuncts};

    /// What `skip_adjuncts` leaves after the token spelled `after`: the next word and whether
    /// "in a statement" was among the adjuncts.
    fn check_skip(input: &str, after: &str, expected: (&str, bool)) {
        let got = at_word(input, after, |ctx, i| {
            let (k, statement) = skip_adjuncts(ctx, i + 1);
            (ctx.text.word(k).to_string(), statement)
        });
        assert_eq!(
            got,
            (expected.0.to_string(), expected.1),
            "\ninput: {input}"
        );
    }

    #[test]
    fn times_channels_and_phrases_before_that() {
        check_skip(
            "He said on Tuesday that it failed.",
            "said",
            ("that", false),
        );
        check_skip("He said Tuesday that it failed.", "said", ("that", false));
        check_skip("The Post reported in 1991.", "reported", (".", false));
        check_skip(
            "He said on March 3 that it failed.",
            "said",
            ("that", false),
        );
        check_skip(
            "He said in an emailed statement that it failed.",
            "said",
            ("that", true),
        );
        check_skip(
            "He said in an interview with CNN that it failed.",
            "said",
            ("that", false),
        );
        check_skip(
            "He tweeted in the early morning hours that it failed.",
            "tweeted",
            ("that", false),
        );
        check_skip(
            "Romney tweeted in response: \"No.\"",
            "tweeted",
            (":", false),
        );
        // The means a statement came by: "by telephone".
        check_skip(
            "\"We won,\" he said by telephone this week.",
            "said",
            (".", false),
        );
        // Counter-example: an agent after "by" stays.
        check_skip("It was said by the ministry.", "said", ("by", false));
    }

    #[test]
    fn a_social_platform_the_words_were_put_out_on() {
        check_skip("It failed, Smith wrote on Twitter.", "wrote", (".", false));
        check_skip(
            "Smith wrote on Facebook that it failed.",
            "wrote",
            ("that", false),
        );
        check_skip(
            "It failed, he wrote on his Facebook page on Monday.",
            "wrote",
            (".", false),
        );
        check_skip("He said via Instagram: \"No.\"", "said", (":", false));
        // A noun the clause goes on from, a lower-case word, a platform that is no channel.
        check_skip(
            "He posted on Twitter users' pages.",
            "posted",
            ("on", false),
        );
        check_skip("He commented on the statement.", "commented", ("on", false));
        check_skip("He reported on Apple.", "reported", ("on", false));
    }

    #[test]
    fn other_words_stay() {
        check_skip("He said the talks failed.", "said", ("the", false));
        // "that" after a noun is a relative pronoun: no complementizer ends the phrase.
        check_skip(
            "He recalled in the days that followed the vote.",
            "recalled",
            ("in", false),
        );
        check_skip("He said in Paris it failed.", "said", ("in", false));
        // A number that is no year.
        check_skip("Sales rose in 250 stores.", "rose", ("in", false));
    }

    #[test]
    fn complementizers_colons_and_quotations_introduce_speech() {
        let speech = |input: &str, word: &str| {
            at_word(input, word, |ctx, i| introduces_speech(ctx.text, i + 1))
        };
        assert!(speech("He replied that it failed.", "replied"));
        assert!(speech("He recalled: \"No.\"", "recalled"));
        assert!(speech("He stated, \"No.\"", "stated"));
        assert!(speech("He recalled what happened.", "recalled"));
        assert!(!speech("He replied to them.", "replied"));
        assert!(!speech("It is a Super Tuesday state, but no.", "state"));
        assert!(!speech("Rust Belt states that have suffered.", "states"));
        let relative = |input: &str| at_word(input, "that", |ctx, i| relative_that(ctx.text, i));
        assert!(relative("The states that have suffered."));
        assert!(relative("The days that followed."));
        assert!(!relative("He said that Biden left."));
    }
}

mod sources {
    use super::*;
    use crate::rules::clause::{is_named_source, is_outlet};

    /// Is the noun phrase `np` of `input` (a whole sentence) a source after "according to", and
    /// an outlet?
    fn check_source(np: &str, expected: (bool, bool)) {
        let text = Text::new(np, lexicon());
        let last = text.tokens.len() - 1;
        let mention = classify(&text, TokenRange::new(0, last + 1));
        let got = (is_named_source(&text, &mention), is_outlet(&mention));
        assert_eq!(got, expected, "\nnoun phrase: {np}");
    }

    #[test]
    fn people_bodies_outlets_and_documents_are_sources() {
        check_source("the White House", (true, false));
        check_source("Sergei Lavrov", (true, false));
        check_source("a statement", (true, false));
        check_source("Reuters", (true, true));
        check_source("the Interfax news agency", (true, true));
    }

    #[test]
    fn plans_and_things_are_not() {
        check_source("plan", (false, false));
        check_source("the weather", (false, false));
    }
}
