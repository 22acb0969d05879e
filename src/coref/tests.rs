//! Coreference, path by path: each test runs the pipeline up to coreference on a few sentences
//! and says which entity each phrase resolves to ([`check_coref`]).

use super::{Coref, EntityBuild, name_mentions};
use crate::analyze::{find_drafts, resolve_traced};
use crate::lexicon::lexicon;
use crate::model::Kind;
use crate::text::Text;
use crate::text::TokenRange;

/// The id of the document the tests resolve in (generic sources end with `--doc`).
const DOCUMENT: &str = "doc";

/// Resolves every mention of `text` as `analyze` does (names anywhere, the sources of the
/// drafts with their appositives; no sentence is read as a headline), and gives each mention's
/// phrase with its entity, in the order resolved.
fn resolve_all<'t, 'a>(text: &'t Text<'a>) -> (Coref<'t, 'a>, Vec<(TokenRange, Option<usize>)>) {
    let drafts = find_drafts(text, false);
    let mut coref = Coref::new(text, DOCUMENT);
    let mut resolved = Vec::new();
    resolve_traced(text, &drafts, &mut coref, |np, entity| {
        resolved.push((np, entity))
    });
    (coref, resolved)
}

/// The byte offset of the `n`-th (from 1) occurrence of `phrase` in `text` as whole words.
fn occurrence(text: &str, phrase: &str, n: usize) -> Option<usize> {
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(phrase)
        .map(|(at, _)| at)
        .filter(|&at| {
            !word_char(text[..at].chars().next_back())
                && !word_char(text[at + phrase.len()..].chars().next())
        })
        .nth(n.checked_sub(1)?)
}

/// The entity resolved for the mention at token `token`: one that starts there, else the
/// narrowest that holds it.
fn entity_at(resolved: &[(TokenRange, Option<usize>)], token: usize) -> Option<usize> {
    let starts = resolved.iter().find(|(np, _)| np.start == token);
    let holds = || {
        (resolved.iter())
            .filter(|(np, _)| np.start <= token && token <= np.last())
            .min_by_key(|(np, _)| np.len())
    };
    starts.or_else(holds).and_then(|(_, entity)| *entity)
}

/// Runs the pipeline on `text` up to coreference and checks the entity each phrase resolves
/// to: `("he", "jake-sullivan")`; `("he#2", ...)` for the second "he"; `"-"` when the phrase
/// resolves to nothing (or is no mention at all).
#[track_caller]
fn check_coref(text: &str, expected: &[(&str, &str)]) {
    let parsed = Text::new(text, lexicon());
    let (coref, resolved) = resolve_all(&parsed);
    let mut wrong = Vec::new();
    for &(phrase, want) in expected {
        let (words, n) = match phrase.rsplit_once('#') {
            Some((words, n)) => (words, n.parse().expect("a number after '#'")),
            None => (phrase, 1),
        };
        let at = occurrence(text, words, n).unwrap_or_else(|| panic!("no {phrase:?} in the text"));
        let token = parsed
            .token_starting_at(at)
            .unwrap_or_else(|| panic!("{phrase:?} starts no token"));
        let got = entity_at(&resolved, token).map_or_else(|| "-".to_string(), |e| coref.id(e));
        if got != want {
            wrong.push(format!("{phrase:?}: expected {want:?}, got {got:?}"));
        }
    }
    if !wrong.is_empty() {
        let mentions: Vec<String> = (resolved.iter())
            .map(|&(np, entity)| {
                let words = parsed.span(np).slice(text);
                format!(
                    "{words:?} -> {}",
                    entity.map_or("-".into(), |e| coref.id(e))
                )
            })
            .collect();
        panic!(
            "in {text:?}\n{}\nmentions: {}",
            wrong.join("\n"),
            mentions.join(", ")
        );
    }
}

#[test]
fn the_helper_finds_the_nth_occurrence_of_whole_words() {
    assert_eq!(occurrence("he said, then he left", "he", 2), Some(14));
    assert_eq!(occurrence("the head said", "he", 1), None);
    assert_eq!(occurrence("he", "he", 0), None);
}

// ---- people by name (names.rs) ----

#[test]
fn a_full_name_names_a_person() {
    check_coref(
        "Jake Sullivan said the talks failed on Monday.",
        &[("Jake Sullivan", "jake-sullivan"), ("Monday", "-")],
    );
}

#[test]
fn a_surname_resolves_to_the_person_named_in_full_before() {
    check_coref(
        "Jake Sullivan said the talks failed. Sullivan said they would resume.",
        &[("Sullivan#2", "jake-sullivan")],
    );
    // A name that is no source counts too.
    check_coref(
        "Jake Sullivan said the talks failed. The weather was bad. Sullivan was tired.",
        &[("Sullivan#2", "jake-sullivan")],
    );
}

#[test]
fn a_surname_of_no_one_named_before_is_a_person_of_its_own_or_nothing() {
    // As a source, a new person; merely named, nothing.
    check_coref(
        "Jake Sullivan said the talks failed. Brown said they would resume.",
        &[("Brown", "brown"), ("Jake Sullivan", "jake-sullivan")],
    );
    check_coref(
        "The talks with Sullivan failed, the minister said.",
        &[("Sullivan", "-"), ("the minister", "minister--doc")],
    );
}

#[test]
fn a_surname_seen_first_becomes_the_full_name_that_follows() {
    check_coref(
        "Sullivan said the talks failed. Jake Sullivan said they would resume.",
        &[
            ("Sullivan", "jake-sullivan"),
            ("Jake Sullivan", "jake-sullivan"),
        ],
    );
    // Another given name with the surname is someone else once the first has a full name.
    check_coref(
        "Jake Sullivan said the talks failed. Mary Sullivan said they would resume.",
        &[
            ("Jake Sullivan", "jake-sullivan"),
            ("Mary Sullivan", "mary-sullivan"),
        ],
    );
}

#[test]
fn a_surname_shared_by_two_people_is_the_one_mentioned_last() {
    check_coref(
        "Jake Sullivan said the talks failed. Mary Sullivan said they would resume. \
         Sullivan said it again.",
        &[("Sullivan#3", "mary-sullivan")],
    );
    check_coref(
        "Mary Sullivan said the talks failed. Jake Sullivan said they would resume. \
         Sullivan said it again.",
        &[("Sullivan#3", "jake-sullivan")],
    );
}

#[test]
fn a_surname_shared_by_two_people_is_the_one_last_the_subject() {
    // The father spoke; the son was only mentioned after him.
    check_coref(
        "Tom Baker met reporters and blamed his son, Omar Baker, for the fire. \
         Baker said he was sorry.",
        &[("Baker said", "tom-baker")],
    );
    // Near miss: when the son spoke last, the surname is the son's.
    check_coref(
        "Tom Baker met reporters. Omar Baker said the fire was an accident. \
         Baker said he was sorry.",
        &[("Baker said", "omar-baker")],
    );
}

#[test]
fn a_given_name_alone_resolves_to_the_full_name() {
    check_coref(
        "Jake Sullivan said the talks failed. Jake said they would resume.",
        &[("Jake#2", "jake-sullivan")],
    );
    check_coref(
        "Jake Sullivan said the talks failed. Mary said they would resume.",
        &[("Mary", "mary")],
    );
}

#[test]
fn a_title_before_a_name_is_the_persons_and_not_part_of_the_name() {
    check_coref(
        "Secretary of State Antony Blinken said the talks failed. Blinken said they would \
         resume.",
        &[
            ("Secretary of State Antony Blinken", "antony-blinken"),
            ("Blinken#2", "antony-blinken"),
        ],
    );
}

#[test]
fn an_honorific_joins_a_surname_to_the_full_name() {
    check_coref(
        "Jake Sullivan said the talks failed. Mr. Sullivan said they would resume.",
        &[("Mr. Sullivan", "jake-sullivan")],
    );
    check_coref(
        "Jake Sullivan said the talks failed. Mr. Brown said they would resume.",
        &[("Mr. Brown", "brown")],
    );
}

#[test]
fn the_names_of_the_text_span_of_and_initials() {
    let text = Text::new(
        "Secretary of State Madeleine Albright met George W. Bush. They talked of Iraq.",
        lexicon(),
    );
    let names: Vec<&str> = name_mentions(&text)
        .iter()
        .map(|(np, _)| text.span(*np).slice(text.src))
        .collect();
    // "They" opens a sentence: a capitalized word that usually does is no name.
    assert_eq!(
        names,
        [
            "Secretary of State Madeleine Albright",
            "George W. Bush",
            "Iraq"
        ]
    );
}

// ---- known names, outlets and organizations (names.rs) ----

#[test]
fn known_outlets_organizations_and_countries_have_the_lexicons_ids() {
    check_coref(
        "Reuters reported the talks failed. The Kremlin said they would resume. Russia said \
         no. Moscow said yes. Zorbex was quiet.",
        &[
            ("Reuters", "reuters"),
            ("The Kremlin", "kremlin"),
            ("Russia", "russia"),
            ("Moscow", "moscow"),
            ("Zorbex", "-"),
        ],
    );
}

#[test]
fn an_alias_of_a_known_name_is_the_same_entity() {
    check_coref(
        "Thomson Reuters said the talks failed. Reuters reported they would resume.",
        &[("Thomson Reuters", "reuters"), ("Reuters#2", "reuters")],
    );
    check_coref("Thomson said the talks failed.", &[("Thomson", "thomson")]);
    check_coref(
        "The Federal Aviation Administration said the plane was safe. The FAA said it would \
         inspect it.",
        &[
            ("The Federal Aviation Administration", "faa"),
            ("The FAA", "faa"),
        ],
    );
}

#[test]
fn a_short_form_of_a_known_name_is_the_same_entity() {
    check_coref(
        "The New York Times reported the talks failed. The Times said they would resume. The \
         Post said no.",
        &[
            ("The New York Times", "new-york-times"),
            ("The Times", "new-york-times"),
            ("The Post", "washington-post"),
        ],
    );
}

#[test]
fn an_organization_by_its_shape_and_then_by_its_acronym() {
    check_coref(
        "The Seoul Detention Center said the prisoner left. The SDC said he was fine. The SCC \
         said no.",
        &[
            ("The Seoul Detention Center", "seoul-detention-center"),
            ("The SDC", "seoul-detention-center"),
            ("The SCC", "scc"),
        ],
    );
}

#[test]
fn an_acronym_seen_first_takes_the_full_name_that_follows() {
    check_coref(
        "The SLC said the plane crashed. The Seoul Licensing Commission said it was old.",
        &[
            ("The SLC", "seoul-licensing-commission"),
            (
                "The Seoul Licensing Commission",
                "seoul-licensing-commission",
            ),
        ],
    );
    check_coref(
        "The SLC said the plane crashed. The Seoul Safety Council said it was old.",
        &[
            ("The SLC", "slc"),
            ("The Seoul Safety Council", "seoul-safety-council"),
        ],
    );
}

#[test]
fn a_lone_name_is_the_outlet_or_organization_of_that_name_before() {
    let text = "The Haaretz daily reported the flight was late. Haaretz said it was on time.";
    check_coref(text, &[("Haaretz#2", "haaretz")]);
    let parsed = Text::new(text, lexicon());
    let (coref, resolved) = resolve_all(&parsed);
    assert_eq!(resolved[0].1, resolved[1].1);
    assert_eq!(coref.entities[resolved[1].1.unwrap()].kind, Kind::Outlet);
    // Otherwise a lone name is a person, the same one each time.
    check_coref(
        "Zorbex said the flight was late. Zorbex later said it was on time.",
        &[("Zorbex", "zorbex"), ("Zorbex#2", "zorbex")],
    );
}

// ---- pronouns (pronouns.rs) ----

#[test]
fn a_relative_pronoun_names_the_phrase_before_it() {
    check_coref(
        "Gordon Sondland, who testified on Tuesday, said he was wrong.",
        &[("who", "gordon-sondland")],
    );
    check_coref(
        "The report, which said the plane crashed, was wrong.",
        &[("which", "report--doc")],
    );
    // What cannot be a source gives the relative pronoun nothing.
    check_coref(
        "The weather, which said nothing, was fine.",
        &[("which", "-")],
    );
}

#[test]
fn he_and_she_go_to_the_last_speaker_of_their_gender() {
    check_coref(
        "Mary Smith spoke first. John Brown spoke next. \"It is over,\" she said. \"No,\" he \
         said.",
        &[("she", "mary-smith"), ("he", "john-brown")],
    );
    check_coref(
        "John Brown said the talks failed. Mary Smith said they would resume. \"No,\" he said.",
        &[("he", "john-brown")],
    );
}

#[test]
fn a_person_of_unknown_gender_takes_he_or_she() {
    // A surname alone has no gender: "she" may be Sullivan; a given name has one.
    check_coref(
        "Sullivan said the talks failed. \"We are ready,\" she said.",
        &[("she", "sullivan")],
    );
    check_coref(
        "Jake Sullivan said the talks failed. \"We are ready,\" she said.",
        &[("she", "unidentified-person--doc")],
    );
}

#[test]
fn a_speaker_is_preferred_to_a_name_mentioned_after_it() {
    check_coref(
        "John Brown said the talks failed. The plan came from Jake Sullivan. \"No,\" he said.",
        &[("he", "john-brown")],
    );
    // Someone named as the subject after the speaker spoke is who "he" is.
    check_coref(
        "John Brown said the talks failed. Jake Sullivan was tired. \"No,\" he said.",
        &[("he", "jake-sullivan")],
    );
}

#[test]
fn a_pronoun_prefers_the_subject_to_a_later_name() {
    check_coref(
        "Gordon Sondland met investigators about Joe Biden. Yet Sondland has amended his \
         account of Joe Biden once — \"I now do recall,\" he said.",
        &[("he", "gordon-sondland")],
    );
    check_coref(
        "Jake Sullivan met Joe Biden. Biden was tired. \"I now do recall,\" he said.",
        &[("he", "joe-biden")],
    );
}

#[test]
fn it_and_they_go_to_organizations_and_groups() {
    check_coref(
        "The Ministry of Defence said the troops left. They said the war was over. It said \
         more.",
        &[
            ("They", "ministry-of-defence"),
            ("It", "ministry-of-defence"),
        ],
    );
    check_coref(
        "Jake Sullivan said the talks failed. It said more.",
        &[("It", "unidentified-organization--doc")],
    );
}

#[test]
fn they_go_to_plural_sources() {
    check_coref(
        "Officials said the talks failed. They said they would resume.",
        &[("They", "officials--doc")],
    );
    check_coref(
        "A spokesman said the talks failed. They said they would resume.",
        &[("They", "unidentified-sources--doc")],
    );
}

#[test]
fn a_pronoun_takes_a_role_that_names_people() {
    check_coref(
        "A spokesman for the ministry said the talks failed. He said they would resume.",
        &[("He", "spokesman-for-the-ministry--doc")],
    );
    check_coref(
        "The ministry said the talks failed. He said they would resume.",
        &[("He", "unidentified-person--doc")],
    );
}

#[test]
fn first_and_second_person_pronouns_name_no_one() {
    check_coref(
        "Jake Sullivan spoke first. I said yes. We said no. You said maybe. He said so.",
        &[
            ("I", "-"),
            ("We", "-"),
            ("You", "-"),
            ("He", "jake-sullivan"),
        ],
    );
}

#[test]
fn a_pronoun_with_no_antecedent_is_an_unidentified_source() {
    check_coref(
        "He said the talks failed. They said so too. It said no.",
        &[
            ("He", "unidentified-person--doc"),
            ("They", "unidentified-sources--doc"),
            ("It", "unidentified-organization--doc"),
        ],
    );
}

/// `n` sentences that name no one.
fn filler(n: usize) -> String {
    "The weather was bad. ".repeat(n)
}

#[test]
fn a_pronoun_reaches_six_sentences_back_for_a_name() {
    let near = format!("Jake Sullivan met the team. {}\"No,\" he said.", filler(5));
    check_coref(&near, &[("he", "jake-sullivan")]);
    let far = format!("Jake Sullivan met the team. {}\"No,\" he said.", filler(6));
    check_coref(&far, &[("he", "unidentified-person--doc")]);
}

#[test]
fn a_pronoun_reaches_a_speaker_at_any_distance() {
    let text = format!(
        "Jake Sullivan said the talks failed. {}\"No,\" he said.",
        filler(20)
    );
    check_coref(&text, &[("he", "jake-sullivan")]);
}

#[test]
fn a_pronoun_is_not_someone_named_in_its_own_statement() {
    check_coref(
        "\"Jake Sullivan lied,\" he said.",
        &[("he", "unidentified-person--doc")],
    );
    check_coref(
        "Jake Sullivan spoke. \"We lied,\" he said.",
        &[("he", "jake-sullivan")],
    );
}

#[test]
fn he_or_she_makes_a_bare_name_a_person() {
    // "Zorbex" is a bare name, an organization for "the airline" until "he" refers to it.
    check_coref(
        "Zorbex, the budget airline, said the flight was late. He said it would land. The \
         airline said it would refund passengers.",
        &[("He", "zorbex"), ("The airline", "airline--doc")],
    );
    check_coref(
        "Zorbex, the budget airline, said the flight was late. The airline said it would \
         refund passengers.",
        &[("The airline", "zorbex")],
    );
}

// ---- descriptions (descriptions.rs) ----

#[test]
fn a_description_refers_to_a_person_by_a_title_word() {
    check_coref(
        "Secretary of State Antony Blinken said the talks failed. The secretary said they would \
         resume. The minister said no.",
        &[
            ("The secretary", "antony-blinken"),
            ("The minister", "minister--doc"),
        ],
    );
}

#[test]
fn a_description_refers_to_a_person_by_a_word_its_role_noun_refers_to() {
    // "the diplomat" may be a minister; "the adviser" is no minister.
    check_coref(
        "Foreign Minister Sergei Lavrov said the talks failed. The diplomat said they would \
         resume. The adviser said no.",
        &[
            ("The diplomat", "sergei-lavrov"),
            ("The adviser", "adviser--doc"),
        ],
    );
}

#[test]
fn an_appositive_gives_a_person_the_title_a_description_refers_to() {
    check_coref(
        "Jake Sullivan, the national security adviser, said talks failed. The adviser said they \
         would resume.",
        &[("The adviser", "jake-sullivan")],
    );
    check_coref(
        "Jake Sullivan said talks failed. The adviser said they would resume.",
        &[("The adviser", "adviser--doc")],
    );
}

#[test]
fn a_titles_role_words_stop_at_its_complement() {
    // "head of the speaker's secretariat" is a head, not a speaker.
    check_coref(
        "Jake Sullivan, head of the speaker's secretariat, said the talks failed. The speaker \
         said they would resume. The head said no.",
        &[
            ("The speaker", "speaker--doc"),
            ("The head", "jake-sullivan"),
        ],
    );
    check_coref(
        "Jake Sullivan, adviser to the president, said the talks failed. The president said \
         they would resume.",
        &[("The president", "president--doc")],
    );
}

#[test]
fn a_modifier_of_a_description_must_be_among_the_words_of_its_antecedent() {
    check_coref(
        "Russian Foreign Minister Sergei Lavrov said the talks failed. The Russian diplomat said \
         they would resume. The French diplomat said no.",
        &[
            ("The Russian diplomat", "sergei-lavrov"),
            ("The French diplomat", "french-diplomat--doc"),
        ],
    );
}

#[test]
fn a_description_refers_to_an_organization_by_its_kind() {
    check_coref(
        "The Ministry of Defence said the troops left. The ministry said they would return.",
        &[("The ministry", "ministry-of-defence")],
    );
    check_coref(
        "The Bureau of Land Affairs said the troops left. The ministry said they would return.",
        &[("The ministry", "ministry--doc")],
    );
}

#[test]
fn the_agency_is_a_news_agency_or_a_government_body() {
    check_coref(
        "Reuters reported the talks failed. The agency said they would resume.",
        &[("The agency", "reuters")],
    );
    check_coref(
        "The Foreign Office said the troops left. The agency said they would return.",
        &[("The agency", "uk-foreign-office")],
    );
    check_coref(
        "The Ministry of Defence said the troops left. The agency said they would return.",
        &[("The agency", "ministry-of-defence")],
    );
    check_coref(
        "The Bureau of Land Affairs said the troops left. The agency said they would return.",
        &[("The agency", "agency--doc")],
    );
}

#[test]
fn the_newspaper_is_no_broadcaster_and_the_broadcaster_no_newspaper() {
    check_coref(
        "The Guardian reported the talks failed. The newspaper said they would resume. The \
         broadcaster said no.",
        &[
            ("The newspaper", "guardian"),
            ("The broadcaster", "broadcaster--doc"),
        ],
    );
    check_coref(
        "The BBC reported the talks failed. The channel said they would resume. The tabloid \
         said no.",
        &[("The channel", "bbc"), ("The tabloid", "tabloid--doc")],
    );
    check_coref(
        "Reuters reported the talks failed. The daily said no.",
        &[("The daily", "daily--doc")],
    );
}

#[test]
fn an_outlet_description_takes_an_outlet_of_any_kind_when_it_names_no_kind() {
    check_coref(
        "Reuters reported the talks failed. The outlet said they would resume.",
        &[("The outlet", "reuters")],
    );
    check_coref(
        "The Ministry of Defence said the troops left. The outlet said they would return.",
        &[("The outlet", "outlet--doc")],
    );
}

#[test]
fn a_bare_name_is_an_organization_when_the_airline_refers_to_it() {
    let text = "Zorbex, the budget airline, said the flight was late. The airline said it \
                would refund passengers.";
    check_coref(text, &[("Zorbex", "zorbex"), ("The airline", "zorbex")]);
    let parsed = Text::new(text, lexicon());
    let (coref, _) = resolve_all(&parsed);
    let zorbex = &coref.entities[0];
    assert_eq!(
        (zorbex.label.as_str(), zorbex.kind),
        ("Zorbex", Kind::Organization)
    );
    // A full name is a person's: "the airline" is not Alan Zorbex.
    check_coref(
        "Alan Zorbex, the budget airline chief, said the flight was late. The airline said it \
         would refund passengers.",
        &[("The airline", "airline--doc")],
    );
}

#[test]
fn an_indefinite_or_plural_description_refers_to_no_one_before() {
    check_coref(
        "Jake Sullivan, the national security adviser, said talks failed. An adviser said they \
         would resume. The advisers said no.",
        &[
            ("An adviser", "adviser--doc"),
            ("The advisers", "advisers--doc"),
        ],
    );
}

#[test]
fn a_description_is_not_someone_named_in_its_own_statement() {
    check_coref(
        "\"The Ministry of Defence lied,\" the ministry said.",
        &[("the ministry", "ministry--doc")],
    );
    check_coref(
        "The Ministry of Defence said the troops left. \"We lied,\" the ministry said.",
        &[("the ministry", "ministry-of-defence")],
    );
}

#[test]
fn a_document_speaks_for_its_owner() {
    check_coref(
        "The White House statement said the talks failed. A Reuters report said they would \
         resume.",
        &[
            ("The White House statement", "white-house"),
            ("A Reuters report", "reuters"),
        ],
    );
    check_coref(
        "A statement said the talks failed.",
        &[("A statement", "statement--doc")],
    );
}

#[test]
fn the_statement_speaks_for_who_spoke_in_a_statement() {
    check_coref(
        "Jake Sullivan said in a statement that the talks failed. The statement added that \
         they would resume.",
        &[("The statement", "jake-sullivan")],
    );
    check_coref(
        "Jake Sullivan said that the talks failed. The statement added that they would resume.",
        &[("The statement", "statement--doc")],
    );
}

#[test]
fn the_statement_speaks_for_the_last_body_that_spoke() {
    check_coref(
        "The Ministry of Defence said the troops left. The statement added that they would \
         return.",
        &[("The statement", "ministry-of-defence")],
    );
    // A body that only relayed a statement does not count.
    check_coref(
        "The troops left, Jake Sullivan said, quoted by Reuters. The statement added that they \
         would return.",
        &[("Reuters", "reuters"), ("The statement", "statement--doc")],
    );
}

#[test]
fn a_description_owned_by_a_named_source_is_a_source_of_its_own() {
    check_coref(
        "The Kremlin's press service said the talks failed.",
        &[("The Kremlin's press service", "kremlin-press-service")],
    );
    // Owned by nobody in particular, it is generic and keeps its words.
    check_coref(
        "The company's spokesman said no.",
        &[("The company's spokesman", "companys-spokesman--doc")],
    );
}

#[test]
fn plural_people_of_a_person_are_a_group() {
    let text = "Jake Sullivan's aides said the talks failed. The company's aides said no.";
    check_coref(
        text,
        &[
            ("Jake Sullivan's aides", "jake-sullivans-aides"),
            ("The company's aides", "companys-aides--doc"),
        ],
    );
    let parsed = Text::new(text, lexicon());
    let (coref, resolved) = resolve_all(&parsed);
    let kinds: Vec<Kind> = (resolved.iter())
        .filter_map(|(_, e)| Some(coref.entities[(*e)?].kind))
        .collect();
    // People of a person are a group, a source across documents; those of a company are
    // unnamed.
    assert_eq!(kinds, [Kind::Group, Kind::Unnamed]);
}

#[test]
fn sources_that_name_no_one_in_particular_carry_the_documents_id() {
    check_coref(
        "Officials said the talks failed. The company said it would resume. Police said no. \
         Officials said yes.",
        &[
            ("Officials", "officials--doc"),
            ("The company", "company--doc"),
            ("Police", "police--doc"),
            ("Officials#2", "officials--doc"),
        ],
    );
}

#[test]
fn a_description_looks_back_only_as_far_as_the_history_window() {
    let text = |n: usize| {
        format!(
            "Jake Sullivan, the national security adviser, said talks failed. {}The adviser \
             said they would resume.",
            "Reuters reported rain. ".repeat(n)
        )
    };
    check_coref(&text(398), &[("The adviser", "jake-sullivan")]);
    check_coref(&text(400), &[("The adviser", "adviser--doc")]);
}

// ---- entities (entities.rs) ----

#[test]
fn an_entity_is_handed_out_with_its_aliases_and_titles_sorted() {
    let text = "Secretary of State Antony Blinken said the talks failed. Blinken said they would \
                resume. Antony Blinken, the top diplomat, said no.";
    let parsed = Text::new(text, lexicon());
    let (mut coref, resolved) = resolve_all(&parsed);
    let blinken = resolved[0].1.unwrap();
    let entity = coref.take_entity(blinken);
    assert_eq!(entity.id, "antony-blinken");
    assert_eq!(entity.label, "Antony Blinken");
    assert_eq!(
        entity.aliases,
        ["Blinken", "Secretary of State Antony Blinken"]
    );
    assert_eq!(entity.titles, ["Secretary of State", "top diplomat"]);
    assert_eq!(entity.mentions, 3);
    // Its id stays.
    assert_eq!(coref.id(blinken), "antony-blinken");
}

#[test]
fn a_relative_clause_between_commas_is_no_title() {
    let text = "Fishermen, who lost their boats last week, said the storm was the worst.";
    let parsed = Text::new(text, lexicon());
    let (mut coref, resolved) = resolve_all(&parsed);
    let fishermen = resolved[0].1.unwrap();
    let entity = coref.take_entity(fishermen);
    assert_eq!(entity.label, "Fishermen");
    assert!(entity.titles.is_empty(), "{:?}", entity.titles);
}

#[test]
fn an_entity_keeps_its_id_once_handed_out() {
    let text = "Secretary of State Antony Blinken said the talks failed.";
    let parsed = Text::new(text, lexicon());
    let (mut coref, resolved) = resolve_all(&parsed);
    let blinken = resolved[0].1.unwrap();
    coref.take_entity(blinken);
    // Its id stays.
    assert_eq!(coref.id(blinken), "antony-blinken");
}

#[test]
fn an_entity_with_a_fixed_id_reuses_one_of_that_id() {
    let text = "Reuters reported the talks failed.";
    let parsed = Text::new(text, lexicon());
    let (mut coref, resolved) = resolve_all(&parsed);
    let reuters = resolved[0].1.unwrap();
    let label = String::from("Reuters News");
    assert_eq!(
        coref.add_entity("reuters".into(), label, Kind::Outlet),
        reuters
    );
    let other = coref.add_entity("kyiv-post".into(), "Kyiv Post".into(), Kind::Outlet);
    assert_ne!(other, reuters);
    assert_eq!(coref.id(other), "kyiv-post");
    assert_eq!(coref.entities[other].label, "Kyiv Post");
}

#[test]
fn a_title_keeps_its_words_up_to_its_complement() {
    let role_words = |title: &str| {
        let mut e = EntityBuild::new(String::new(), Kind::Person);
        e.add_words(title);
        e.role_words
    };
    assert_eq!(role_words("head of the speaker's secretariat"), ["head"]);
    assert_eq!(
        role_words("Budget Airline chief"),
        ["budget", "airline", "chief"]
    );
    assert_eq!(role_words("adviser to the president"), ["adviser"]);
    assert_eq!(role_words("Jake Sullivan's aide"), ["jake"]);
    assert_eq!(role_words("chief executive"), ["chief", "executive"]);
}

#[test]
fn a_title_loses_its_lower_case_articles() {
    use super::entities::without_articles;
    assert_eq!(
        without_articles("the national security adviser"),
        "national security adviser"
    );
    assert_eq!(without_articles("an adviser"), "adviser");
    assert_eq!(without_articles("The Hague envoy"), "The Hague envoy");
    assert_eq!(without_articles("theatre critic"), "theatre critic");
    assert_eq!(without_articles("a"), "a");
}

#[test]
fn an_entity_has_the_words_of_its_label_and_titles() {
    let mut e = EntityBuild::new("Ministry of Défense".into(), Kind::Organization);
    e.add_words("the state agency");
    assert!(e.has_word("ministry") && e.has_word("défense") && e.has_word("agency"));
    assert!(!e.has_word("defense") && !e.has_word("min"));
    let words: Vec<String> = e.all_words().collect();
    assert_eq!(
        words,
        ["the", "state", "agency", "ministry", "of", "défense"]
    );
}

/// The kind of the entity the first mention of `phrase` in `text` resolves to.
fn kind_at(text: &str, phrase: &str) -> Option<Kind> {
    let parsed = Text::new(text, lexicon());
    let (coref, resolved) = resolve_all(&parsed);
    let token = parsed.token_starting_at(occurrence(text, phrase, 1)?)?;
    entity_at(&resolved, token).map(|e| coref.entities[e].kind)
}

#[test]
fn a_place_that_speaks_is_an_organization_unless_it_names_a_person() {
    let lagos = "Lagos said the port would reopen.";
    check_coref(lagos, &[("Lagos", "lagos")]);
    assert_eq!(kind_at(lagos, "Lagos"), Some(Kind::Organization));
    let hill = "Capitol Hill said it would not act.";
    assert_eq!(kind_at(hill, "Capitol Hill"), Some(Kind::Organization));
    // A place is no antecedent of "he".
    check_coref(
        "John Doe spoke in Lagos. Lagos said the port was shut. He said it would reopen.",
        &[("He", "john-doe")],
    );
    // A person named before keeps the word, and a given name leads a person's name.
    let phoenix = "Joaquin Phoenix won the award. Phoenix said he was grateful.";
    check_coref(phoenix, &[("Phoenix#2", "joaquin-phoenix")]);
    assert_eq!(kind_at("Victoria said no.", "Victoria"), Some(Kind::Person));
    // A common surname is left out of the gazetteer.
    assert_eq!(kind_at("Houston said no.", "Houston"), Some(Kind::Person));
}

#[test]
fn a_bare_known_word_that_names_a_person_before_is_the_person() {
    check_coref(
        "Jane Post, a nurse, said the ward was full. Post said more beds were needed. The \
         Post reported the story.",
        &[("Post#2", "jane-post"), ("The Post", "washington-post")],
    );
    check_coref(
        "Michael Jordan said he would retire. Jordan said he was tired.",
        &[("Jordan#2", "michael-jordan")],
    );
}

#[test]
fn a_name_that_opens_with_a_word_that_names_nothing_is_the_name_after_it() {
    check_coref(
        "Does Rubio agree? Marco Rubio said he did. Rubio said so again.",
        &[("Rubio#3", "marco-rubio")],
    );
    check_coref(
        "Though Trump leads, Donald Trump said he was worried. Trump said it again.",
        &[("Trump#3", "donald-trump")],
    );
}

#[test]
fn a_company_is_named_again_without_the_word_that_ends_its_name() {
    check_coref(
        "Savin Corp. reported a loss. Savin said demand was soft.",
        &[("Savin#2", "savin-corp")],
    );
    // An acronym named anywhere is the organization it stands for.
    check_coref(
        "The Bharatiya Janata Party held a rally. The BJP said it would win.",
        &[("The BJP", "bharatiya-janata-party")],
    );
}

/// The kind of the entity each phrase resolves to (`None`: it resolves to nothing).
#[track_caller]
fn check_kinds(text: &str, expected: &[(&str, Option<Kind>)]) {
    let parsed = Text::new(text, lexicon());
    let (coref, resolved) = resolve_all(&parsed);
    for &(phrase, want) in expected {
        let at = occurrence(text, phrase, 1).unwrap_or_else(|| panic!("no {phrase:?}"));
        let token = parsed.token_starting_at(at).expect("a token");
        let got = entity_at(&resolved, token).map(|e| coref.entities[e].kind);
        assert_eq!(got, want, "{phrase:?} in {text:?}");
    }
}

#[test]
fn descriptions_of_several_people_or_bodies_are_groups_or_unnamed() {
    check_kinds(
        "A group of employees said the deal was bad. The group said it would sue. \
         White House advisers said no. Authorities said the road was closed. \
         U.S. intelligence agencies said Russia did it. Democrats said they would vote no. \
         Several international media outlets reported the outage. A group for employees said so.",
        &[
            ("A group of employees", Some(Kind::Group)),
            ("The group", Some(Kind::Group)),
            ("White House advisers", Some(Kind::Unnamed)),
            ("Authorities", Some(Kind::Unnamed)),
            ("U.S. intelligence agencies", Some(Kind::Organization)),
            ("Democrats", Some(Kind::Group)),
            ("Several international media outlets", Some(Kind::Unnamed)),
            ("A group for employees", Some(Kind::Organization)),
        ],
    );
}

#[test]
fn a_description_the_press_names_is_an_outlet() {
    check_coref(
        "Stocks fell after CNBC reported the talks stalled. The news organization, citing \
         an official, reported that Trump was reluctant.",
        &[("The news organization", "cnbc")],
    );
    // The press service of a body speaks for it: no outlet.
    check_kinds(
        "The Kremlin's press service said the talks went well. A news organization said so.",
        &[
            ("The Kremlin's press service", Some(Kind::Organization)),
            ("A news organization", Some(Kind::Outlet)),
        ],
    );
}

#[test]
fn a_capitalized_plural_is_unnamed_unless_it_is_a_surname() {
    check_kinds(
        "Traders said stocks fell. Tunisians said they worry about it.",
        &[
            ("Traders", Some(Kind::Unnamed)),
            ("Tunisians", Some(Kind::Unnamed)),
        ],
    );
    check_coref(
        "Bernie Sanders spoke in Iowa. Sanders said he would win.",
        &[("Sanders#2", "bernie-sanders")],
    );
}
