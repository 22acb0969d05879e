//! Consistency checks of the lexicon data: no duplicates, no conflicting entries.

use std::collections::{HashMap, HashSet};

use super::*;

#[test]
fn built_in_data_parses() {
    let lex = lexicon();
    assert!(lex.verbs.len() > 50);
    assert!(lex.roles.len() > 100);
}

#[test]
fn names_are_unique_across_outlets_organizations_and_countries() {
    let lex = lexicon();
    let mut seen: HashMap<Vec<String>, NameTarget> = HashMap::new();
    for entry in lex.all_names().filter(|e| !e.short) {
        if let Some(previous) = seen.insert(entry.tokens.clone(), entry.target) {
            assert_eq!(
                previous,
                entry.target,
                "name {:?} names two things",
                entry.tokens.join(" ")
            );
        }
    }
}

#[test]
fn outlet_and_organization_ids_are_unique_slugs() {
    let lex = lexicon();
    let mut ids = HashSet::new();
    for id in lex
        .outlets
        .iter()
        .map(|o| &o.id)
        .chain(lex.orgs.iter().map(|o| &o.id))
    {
        assert!(
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id:?} is not a slug"
        );
        assert!(ids.insert(id.clone()), "duplicate id {id:?}");
    }
}

#[test]
fn reporting_verb_forms_resolve_back_to_their_verb() {
    let lex = lexicon();
    let mut buf = String::new();
    for (id, verb) in lex.verbs.iter().enumerate() {
        let head = verb.lemma.split(' ').next().unwrap();
        let info = lex.word(head, &mut buf);
        assert!(
            lex.verb_forms(info).iter().any(|f| f.verb as usize == id),
            "{}",
            verb.lemma
        );
    }
    let said = lex.word("said", &mut buf);
    let forms = lex.verb_forms(said);
    assert_eq!(forms.len(), 1);
    assert_eq!(lex.verb(forms[0].verb).lemma, "say");
    assert_eq!(forms[0].forms, Form::PAST | Form::PARTICIPLE);
}

#[test]
fn function_words_never_double_as_role_nouns_or_verbs() {
    let lex = lexicon();
    let mut buf = String::new();
    for word in ["the", "he", "and", "of", "said", "told", "who", "that"] {
        let info = lex.word(word, &mut buf);
        assert_eq!(info.role, 0, "{word}");
    }
    assert!(lex.word("spokesman", &mut buf).is(Class::ROLE));
    assert!(lex.word("officials", &mut buf).is(Class::ROLE_PLURAL));
}

#[test]
fn unknown_lines_are_reported_with_file_and_line() {
    let mut src = Sources::BUILT_IN;
    src.function_words = "the\tdet\nfoo\tbogus\n";
    let err = Lexicon::parse(&src).err().unwrap();
    assert_eq!(err, "function_words.tsv:2: unknown class \"bogus\"");
}

#[test]
fn class_words_written_with_capitals_keep_their_spelling() {
    let lex = lexicon();
    let mut buf = String::new();
    assert!(lex.word("NEWS", &mut buf).is(Class::OUTLET_WORD));
    assert!(lex.spelled(Class::OUTLET_WORD, "News"));
    assert!(lex.spelled(Class::OUTLET_WORD, "TV"));
    assert!(!lex.spelled(Class::OUTLET_WORD, "NEWS"));
    assert!(!lex.spelled(Class::OUTLET_WORD, "news"));
    assert!(!lex.spelled(Class::DET, "The"));
}

#[test]
fn a_row_that_repeats_a_words_classes_is_refused() {
    let mut src = Sources::BUILT_IN;
    src.function_words = "in\tprep,starter\nthe\tdet\nin\tstarter\n";
    let err = Lexicon::parse(&src).err().unwrap();
    assert_eq!(
        err,
        "function_words.tsv:3: \"in\" already has these classes"
    );
    // Another class for the same word is a row of its own ("may": an auxiliary and a month).
    src.function_words = "may\taux\nmay\tmonth\n";
    assert!(Lexicon::parse(&src).is_ok());
    // Classes built from other files cannot be given by hand.
    src.function_words = "spokesman\trole\n";
    let err = Lexicon::parse(&src).err().unwrap();
    assert_eq!(err, "function_words.tsv:1: unknown class \"role\"");
}

#[test]
fn a_role_noun_may_name_one_kind_of_outlet() {
    let lex = lexicon();
    let mut buf = String::new();
    let outlet = |word: &str, buf: &mut String| lex.role(lex.word(word, buf)).unwrap().outlet;
    assert_eq!(outlet("tabloid", &mut buf), Some(OutletKind::Newspaper));
    assert_eq!(outlet("channel", &mut buf), Some(OutletKind::Broadcaster));
    assert_eq!(outlet("agency", &mut buf), Some(OutletKind::Agency));
    assert_eq!(outlet("magazine", &mut buf), None);
    assert_eq!(outlet("adviser", &mut buf), None);
    let mut src = Sources::BUILT_IN;
    src.roles = "rag\trags\toutlet:gossip\tn\t\n";
    let err = Lexicon::parse(&src).err().unwrap();
    assert_eq!(err, "roles.tsv:1: unknown kind \"gossip\"");
}

#[test]
fn suffix_and_two_word_rows_are_kept_apart_from_words() {
    let lex = lexicon();
    let mut buf = String::new();
    assert!(lex.ends_in(Class::AGENT, "socialist"));
    assert!(lex.ends_in(Class::AGENT, "actress"));
    assert!(!lex.ends_in(Class::AGENT, "plan"));
    assert!(!lex.ends_in(Class::OUTLET_WORD, "socialist"));
    assert!(!lex.word("ist", &mut buf).is(Class::AGENT));
    assert!(lex.pair(Class::POSTMODIFIER, "familiar", "with"));
    assert!(lex.pair(Class::POSTMODIFIER, "knowledgeable", "of"));
    assert!(!lex.pair(Class::POSTMODIFIER, "familiar", "to"));
    assert!(!lex.pair(Class::POSTMODIFIER, "Familiar", "with"));
    // "loyal" takes "to" after a noun, but is no postmodifier word on its own.
    assert!(!lex.word("loyal", &mut buf).is(Class::POSTMODIFIER));
    assert!(lex.word("familiar", &mut buf).is(Class::POSTMODIFIER));
    let mut src = Sources::BUILT_IN;
    src.word_classes = "-ist\tagent\nclose to\tpostmodifier\n-ist\tagent\n";
    let err = Lexicon::parse(&src).err().unwrap();
    assert_eq!(
        err,
        "word_classes.tsv:3: \"-ist\" already has these classes"
    );
}

#[test]
fn a_verb_knows_how_its_forms_are_spelled() {
    let lex = lexicon();
    let verb = |lemma: &str| lex.verbs.iter().find(|v| v.lemma == lemma).unwrap();
    assert_eq!(
        verb("tell").spellings(Form::PAST | Form::GERUND),
        ["telling", "told"]
    );
    assert_eq!(verb("tell").spellings(Form::BASE), ["tell"]);
    // A phrasal verb's forms are spelled by their first word.
    let phrasal = lex.verbs.iter().find(|v| v.particle.is_some()).unwrap();
    for word in phrasal.spellings(Form::all()) {
        assert!(!word.contains(' '), "{word:?}");
    }
}
