//! Noun-phrase boundaries, table-driven: each helper takes a sentence, a cue word in it, and the
//! words it must find (empty: none).

use super::*;
use crate::text::TokenRange;

fn words(text: &Text, np: TokenRange) -> String {
    text.span(np).slice(text.src).to_string()
}

/// The index of the last token spelled `word`.
fn last_index(text: &Text, word: &str) -> usize {
    (0..text.tokens.len())
        .rev()
        .find(|&i| text.word(i) == word)
        .unwrap_or_else(|| panic!("no {word:?} in {:?}", text.src))
}

/// The index of the first token spelled `word`.
fn first_index(text: &Text, word: &str) -> usize {
    (0..text.tokens.len())
        .find(|&i| text.word(i) == word)
        .unwrap_or_else(|| panic!("no {word:?} in {:?}", text.src))
}

/// Each row: a sentence, its verb (the last token so spelled), the subject `subject_before`
/// finds and the appositive it steps over ("" for none).
fn check_subject(rows: &[(&str, &str, &str, &str)]) {
    for &(sentence, cue, subject, appositive) in rows {
        let text = Text::new(sentence, lexicon());
        let found = subject_before(&text, 0, last_index(&text, cue));
        let got = found.map_or((String::new(), String::new()), |(np, inner)| {
            (
                words(&text, np),
                inner.map(|a| words(&text, a)).unwrap_or_default(),
            )
        });
        assert_eq!(
            (got.0.as_str(), got.1.as_str()),
            (subject, appositive),
            "{sentence:?}"
        );
    }
}

/// Each row: a sentence, the word before the phrase (its first occurrence), and the phrase
/// `np_after` finds ("" for none).
fn check_after(rows: &[(&str, &str, &str)]) {
    for &(sentence, from, expected) in rows {
        let text = Text::new(sentence, lexicon());
        let start = first_index(&text, from) + 1;
        let got = np_after(&text, start, text.tokens.len()).map(|np| words(&text, np));
        assert_eq!(got.unwrap_or_default(), expected, "{sentence:?}");
    }
}

#[test]
fn subjects_before_verbs() {
    check_subject(&[
        (
            "US National Security Adviser Jake Sullivan said Biden",
            "said",
            "US National Security Adviser Jake Sullivan",
            "",
        ),
        (
            "Tensions rose, the Kremlin's press service reported.",
            "reported",
            "the Kremlin's press service",
            "",
        ),
        (
            "He was taken, a spokesman for the Seoul Detention Center told AFP.",
            "told",
            "a spokesman for the Seoul Detention Center",
            "",
        ),
        (
            "Lt. Col. Alexander Vindman told lawmakers",
            "told",
            "Lt. Col. Alexander Vindman",
            "",
        ),
        ("\"Quote,\" he said.", "said", "he", ""),
        (
            "The Americans and their NATO allies had said in advance",
            "said",
            "The Americans and their NATO allies",
            "",
        ),
    ]);
}

#[test]
fn subjects_over_adverbs_auxiliaries_and_time_expressions() {
    check_subject(&[
        ("Trump has recently said", "said", "Trump", ""),
        ("but Sondland has said he", "said", "Sondland", ""),
        ("Press reports Tuesday said", "said", "Press reports", ""),
        (
            "The ministry earlier this month said",
            "said",
            "The ministry",
            "",
        ),
        (
            "Officials on Friday told reporters",
            "told",
            "Officials",
            "",
        ),
        (
            "Kremlin spokesman Dmitry Peskov on Oct. 5 said",
            "said",
            "Kremlin spokesman Dmitry Peskov",
            "",
        ),
        (
            "Swiss Radio International (SRI) reported",
            "reported",
            "Swiss Radio International",
            "",
        ),
        (
            "The lawyer for former U.S. national security adviser Michael Flynn on Friday labeled",
            "labeled",
            "The lawyer for former U.S. national security adviser Michael Flynn",
            "",
        ),
    ]);
}

#[test]
fn subjects_with_complements_and_coordinations() {
    check_subject(&[
        (
            "Officials familiar with the matter said",
            "said",
            "Officials familiar with the matter",
            "",
        ),
        (
            "Lawmakers loyal to the president said",
            "said",
            "Lawmakers loyal to the president",
            "",
        ),
        (
            "The talks failed, current and former officials said",
            "said",
            "current and former officials",
            "",
        ),
        (
            "Military sources and witnesses said",
            "said",
            "Military sources and witnesses",
            "",
        ),
        (
            "The head of the speaker's secretariat said",
            "said",
            "The head of the speaker's secretariat",
            "",
        ),
    ]);
}

#[test]
fn appositives_are_stepped_over() {
    check_subject(&[
        (
            "Jay Sekulow, an attorney for Trump, said:",
            "said",
            "Jay Sekulow",
            "an attorney for Trump",
        ),
        (
            "Khan, who is Muslim, also said",
            "said",
            "Khan",
            "who is Muslim",
        ),
        (
            "Lawyers for Michael Flynn, President Donald Trump’s former national security adviser, have told",
            "told",
            "Lawyers for Michael Flynn",
            "President Donald Trump’s former national security adviser",
        ),
        ("Murphy, though, said", "said", "Murphy", "though"),
        ("Trump, however, said", "said", "Trump", "however"),
        ("Smith, 73, said", "said", "Smith", "73"),
        (
            "Tester, himself up for reelection in 2018, said",
            "said",
            "Tester",
            "himself up for reelection in 2018",
        ),
        // A gerund before the role noun it modifies is no verb of the appositive.
        (
            "Sexton, a creative writing professor, said",
            "said",
            "Sexton",
            "a creative writing professor",
        ),
        // "of" after a quantity counts the people: the phrase after it is a subject.
        (
            "One of his advisers, Tad Devine, told",
            "told",
            "One of his advisers",
            "Tad Devine",
        ),
        // A quantity inside an appositive: the name before it is the subject.
        (
            "Justice Mahfuzur Rahman, one of the three commissioners, who became chief Thursday, said",
            "said",
            "Justice Mahfuzur Rahman",
            "one of the three commissioners, who became chief Thursday",
        ),
        // A gerund with its object is a verb: a participle clause, stepped over as one.
        (
            "Smith, a man writing books, said",
            "said",
            "Smith",
            "a man writing books",
        ),
        (
            "Ginsburg, in her dissent, wrote",
            "wrote",
            "Ginsburg",
            "in her dissent",
        ),
    ]);
}

#[test]
fn long_and_dashed_appositives_are_stepped_over() {
    check_subject(&[
        (
            "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said",
            "said",
            "Paul Porter",
            "a truck driver from Ava, Mo., who is a member of the union",
        ),
        (
            "Fiorina, speaking to Iowans, said",
            "said",
            "Fiorina",
            "speaking to Iowans",
        ),
        (
            "Jason Sims — a teacher from Mount Pleasant — says",
            "says",
            "Jason Sims",
            "a teacher from Mount Pleasant",
        ),
    ]);
}

#[test]
fn no_subject_across_a_comma_that_ends_a_clause() {
    check_subject(&[
        ("\"We dodged a bullet,\" said Steve Cowan", "said", "", ""),
        (
            "In a statement, the White House said",
            "said",
            "the White House",
            "",
        ),
        ("He retired in Cambridge, Mass., said", "said", "", ""),
        ("The plan, he said, failed", "failed", "", ""),
    ]);
}

#[test]
fn noun_phrases_after_prepositions_and_inverted_verbs() {
    check_after(&[
        (
            "according to a person familiar with the matter.",
            "to",
            "a person familiar with the matter",
        ),
        ("said Steve Cowan, a spokesman", "said", "Steve Cowan"),
        (
            "quoted by the Interfax news agency as saying",
            "by",
            "the Interfax news agency",
        ),
        (
            "said Patrol Chief James Hall with the New York Police Department.",
            "said",
            "Patrol Chief James Hall with the New York Police Department",
        ),
        (
            "citing four unnamed people involved in the case, the",
            "citing",
            "four unnamed people involved in the case",
        ),
        ("said Hill Thursday.", "said", "Hill"),
        ("Reuters reported, quoted by BTA.", "by", "BTA"),
    ]);
}

#[test]
fn an_ly_adjective_opens_a_phrase_before_its_noun() {
    check_after(&[
        (
            "according to a yearly Gallup poll.",
            "to",
            "a yearly Gallup poll",
        ),
        (
            "according to early results of the exit poll.",
            "to",
            "early results",
        ),
        (
            "according to recently hacked party documents.",
            "to",
            "recently hacked party documents",
        ),
        // An adverb before a time word, a name without a determiner, or no noun: no phrase.
        ("said early Monday that", "said", ""),
        ("said publicly Trump was wrong.", "said", ""),
        ("said only that it was late.", "said", ""),
    ]);
}

#[test]
fn noun_phrases_after_end_where_the_phrase_does() {
    check_after(&[
        (
            "according to the Kremlin's press service.",
            "to",
            "the Kremlin's press service",
        ),
        (
            "said Lt. Col. Alexander Vindman.",
            "said",
            "Lt. Col. Alexander Vindman",
        ),
        (
            "according to Yonhap and other news reports.",
            "to",
            "Yonhap and other news reports",
        ),
        ("according to officials on Friday.", "to", "officials"),
        (
            "according to people with knowledge of the inquiries.",
            "to",
            "people with knowledge of the inquiries",
        ),
        (
            "citing people with direct knowledge of the talks.",
            "citing",
            "people with direct knowledge of the talks",
        ),
        // "of" after a noun that is no object of "with" opens no complement of the phrase.
        ("warned the town of the risk.", "warned", "the town"),
        ("said Smith\nThe next line", "said", "Smith"),
        ("according to Trump's", "to", "Trump"),
        ("said he would", "said", "he"),
        ("according to.", "to", ""),
    ]);
}

#[test]
fn appositives_after_a_phrase() {
    for (sentence, from, expected) in [
        (
            "said Steve Cowan, the mayor's spokesman.",
            "Cowan",
            "the mayor's spokesman",
        ),
        ("said Steve Cowan, Mayor of Kyiv.", "Cowan", "Mayor of Kyiv"),
        // The last word must be a role noun, a title or a name.
        ("said Steve Cowan, a spokesman for the city.", "Cowan", ""),
        ("said Smith, adding that it rained.", "Smith", ""),
        ("said Smith, who left.", "Smith", ""),
        (
            "said Jones, spokesman for the Interior Ministry.",
            "Jones",
            "spokesman for the Interior Ministry",
        ),
    ] {
        let text = Text::new(sentence, lexicon());
        let got = appositive_after(&text, first_index(&text, from), text.tokens.len());
        assert_eq!(
            got.map(|np| words(&text, np)).unwrap_or_default(),
            expected,
            "{sentence:?}"
        );
    }
}

#[test]
fn a_place_after_a_role_noun_is_part_of_the_subject() {
    check_subject(&[
        (
            "A nurse on the ward said",
            "said",
            "A nurse on the ward",
            "",
        ),
        (
            "Teachers in the district said",
            "said",
            "Teachers in the district",
            "",
        ),
        (
            "Officials in California said",
            "said",
            "Officials in California",
            "",
        ),
        // Not after a name, nor a subordinator.
        (
            "He met Smith in Paris and officials said",
            "said",
            "officials",
            "",
        ),
        ("The talks in Paris said", "said", "Paris", ""),
    ]);
}

#[test]
fn subjects_before_restrictive_relative_clauses() {
    for (sentence, cue, expected) in [
        (
            "A White House official who spoke anonymously to discuss strategy said",
            "said",
            "A White House official",
        ),
        (
            "The company that owns the plant said",
            "said",
            "The company",
        ),
        ("A man whose son died said", "said", "A man"),
        // Over the complement of a role noun or a name to its head.
        (
            "Democrats in Iowa who watched the debate said",
            "said",
            "Democrats in Iowa",
        ),
        (
            "Officials at the ministry who saw the plan said",
            "said",
            "Officials at the ministry",
        ),
        (
            "Voters met in Iowa officials who saw the plan said",
            "said",
            "Iowa officials",
        ),
        ("It rained, and who knows what he said", "said", ""),
        ("The SPD leader whom only 36 percent said", "said", ""),
        ("The ministry which runs the plant said", "said", ""),
        ("The plan that failed said", "said", ""),
    ] {
        let text = Text::new(sentence, lexicon());
        let got = subject_before_relative(&text, 0, last_index(&text, cue));
        assert_eq!(
            got.map(|np| words(&text, np)).unwrap_or_default(),
            expected,
            "{sentence:?}"
        );
    }
}

#[test]
fn clauses_start_after_commas_dashes_and_conjunctions() {
    for (sentence, word, expected) in [
        ("Smith left, Jones said", "Jones", true),
        ("Smith left and Jones said", "Jones", true),
        ("Smith left but Jones said", "Jones", true),
        ("Prices rose or Jones said", "Jones", true),
        ("Smith AND Jones said", "Jones", false),
        ("Smith left — Jones said", "Jones", true),
        ("Jones said", "Jones", true),
        ("\"It failed,\" Jones said", "Jones", true),
        ("Smith told Jones", "Jones", false),
        ("Smith of Jones", "Jones", false),
    ] {
        let text = Text::new(sentence, lexicon());
        let got = clause_starts_at(&text, 0, first_index(&text, word));
        assert_eq!(got, expected, "{sentence:?}");
    }
}

#[test]
fn postmodifying_adjectives_take_their_own_prepositions() {
    for (sentence, expected) in [
        ("officials familiar with the matter", "officials"),
        ("people close to Clinton", "people"),
        ("a source knowledgeable about the talks", "source"),
        ("lawmakers allied to the president", "lawmakers"),
        ("people familiar to the matter", ""),
        ("the familiar with", ""),
        ("officials Familiar with the matter", ""),
    ] {
        let text = Text::new(sentence, lexicon());
        let prep = (2..text.tokens.len()).find(|&i| text.tokens[i].info.is(Class::PREP));
        let got = prep.and_then(|p| postmodified_noun(&text, 0, p));
        assert_eq!(
            got.map(|i| text.word(i)).unwrap_or_default(),
            expected,
            "{sentence:?}"
        );
    }
}

#[test]
fn where_subjects_end_before_a_verb() {
    for (sentence, cue, expected) in [
        ("Trump has also not said", "said", "Trump"),
        ("Officials this week said", "said", "Officials"),
        ("Officials past week said", "said", "Officials"),
        ("Tuesday said", "said", "Tuesday"),
        ("has said", "said", ""),
    ] {
        let text = Text::new(sentence, lexicon());
        let got = np_end_before(&text, 0, last_index(&text, cue));
        assert_eq!(
            got.map(|i| text.word(i)).unwrap_or_default(),
            expected,
            "{sentence:?}"
        );
    }
}

#[test]
fn a_capitalized_word_that_names_nothing_opens_no_subject() {
    check_subject(&[
        ("Even Rendell said it.", "said", "Rendell", ""),
        ("Though Trump said it.", "said", "Trump", ""),
        // A quantity stays: it counts the people.
        (
            "Two people briefed on the talks said",
            "said",
            "Two people briefed on the talks",
            "",
        ),
        // Not at the opening: "First" is part of the name.
        (
            "and First Lady Jill Biden said",
            "said",
            "First Lady Jill Biden",
            "",
        ),
    ]);
}

#[test]
fn a_capitalized_time_word_ends_a_phrase_but_after_a_preposition() {
    check_after(&[
        (
            "figures broadcast by television Monday.",
            "by",
            "television",
        ),
        ("said Hill Thursday.", "said", "Hill"),
        (
            "an interview with the Sunday Times.",
            "with",
            "the Sunday Times",
        ),
    ]);
}

#[test]
fn in_a_title_case_headline_a_capitalized_function_word_names_nothing() {
    let headline = Text::new(
        "Gingrich Takes Talk Of Being Trump's Running Mate\n",
        lexicon(),
    );
    assert!(opens_as_non_name(
        &headline,
        first_index(&headline, "Being")
    ));
    // Near misses: inside a sentence a capitalized function word may be part of a name, and a
    // given name in a headline is still one.
    let sentence = Text::new("The visit of party chief Do Muoi ended.", lexicon());
    assert!(!opens_as_non_name(&sentence, first_index(&sentence, "Do")));
    let given = Text::new("Gingrich Says Will Smith Is Running Mate\n", lexicon());
    assert!(!opens_as_non_name(&given, first_index(&given, "Will")));
}

#[test]
fn a_past_verb_the_lexicon_does_not_know_ends_a_subject_before_its_object() {
    check_after(&[
        (": The party issued a statement saying", ":", "The party"),
        (": The minister resigned, saying", ":", "The minister"),
        // Near misses: a participle before its noun, or after it with no article following.
        (": the armed forces said", ":", "the armed forces"),
    ]);
}

#[test]
fn partitive_subjects_keep_their_count() {
    check_subject(&[
        (
            "The talks will resume, one of the negotiators told reporters",
            "told",
            "one of the negotiators",
            "",
        ),
        (
            "Many of the local GOP leaders said",
            "said",
            "Many of the local GOP leaders",
            "",
        ),
        (
            "He wrote, one of his senior aides said",
            "said",
            "one of his senior aides",
            "",
        ),
        // Counter-examples: no count before "of", so the phrase starts at its determiner.
        (
            "The head of the agency said",
            "said",
            "The head of the agency",
            "",
        ),
        (
            "Members of the panel said",
            "said",
            "Members of the panel",
            "",
        ),
    ]);
}

#[test]
fn partitive_phrases_after_a_preposition() {
    check_after(&[
        (
            "according to one of his senior aides.",
            "to",
            "one of his senior aides",
        ),
        (
            "according to some of the negotiators.",
            "to",
            "some of the negotiators",
        ),
        // Counter-example: no determiner after "of", so no phrase of people it counts.
        ("according to one of them.", "to", ""),
    ]);
}
