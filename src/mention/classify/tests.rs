//! Mention typing, table-driven. A row is a phrase (the whole text, or the part of it between
//! `[` and `]`), the decider that must type it, and the kind it must get in a compact notation:
//! `person name=Jake Sullivan title=US National Security Adviser gender=m`,
//! `description head=service label=Kremlin's press service definite owner=Kremlin:known`.
//! Each decider has rows it fires on and counter-examples: phrases near its shape that it must
//! pass on, typed by a later decider.

use super::*;
use crate::lexicon::lexicon;

/// The text without the brackets, and the phrase: the tokens between them (all without any).
fn phrase(src: &str) -> (Text<'_>, TokenRange) {
    let (open, close) = match (src.find('['), src.find(']')) {
        (Some(open), Some(close)) => (open, close - 1),
        _ => (0, src.len()),
    };
    let plain: String = src.chars().filter(|&c| c != '[' && c != ']').collect();
    let plain: &'static str = Box::leak(plain.into_boxed_str());
    let text = Text::new(plain, lexicon());
    let tokens = &text.tokens;
    let first = (0..tokens.len()).find(|&i| tokens[i].start as usize >= open);
    let last = (0..tokens.len())
        .rev()
        .find(|&i| tokens[i].end as usize <= close);
    let np = TokenRange::new(
        first.expect("a token in the brackets"),
        last.expect("a token in the brackets") + 1,
    );
    (text, np)
}

fn words(text: &Text, np: TokenRange) -> String {
    text.span(np).slice(text.src).to_string()
}

fn gender(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => " gender=m",
        Gender::Female => " gender=f",
        Gender::Neuter => " gender=n",
        Gender::Unknown => "",
    }
}

fn flag(on: bool, name: &str) -> String {
    if on {
        format!(" {name}")
    } else {
        String::new()
    }
}

/// A kind in the notation of the rows.
fn notation(text: &Text, kind: &MentionKind) -> String {
    let lex = lexicon();
    match kind {
        MentionKind::Pronoun { gender: g, plural } => {
            format!("pronoun{}{}", gender(*g), flag(*plural, "plural"))
        }
        MentionKind::Relative => "relative".into(),
        MentionKind::Person {
            name,
            title,
            gender: g,
        } => {
            let title = title.map(|t| format!(" title={}", words(text, t)));
            let name = words(text, *name);
            format!(
                "person name={name}{}{}",
                title.unwrap_or_default(),
                gender(*g)
            )
        }
        MentionKind::Known { target, name } => {
            let target = match *target {
                NameTarget::Outlet(id) => format!("outlet={}", lex.outlet(id).id),
                NameTarget::Org(id) => format!("org={}", lex.org(id).id),
                NameTarget::Country(id) => format!("country={}", lex.countries[id as usize].name),
            };
            format!("known {target} name={}", words(text, *name))
        }
        MentionKind::Outlet { name } => format!("outlet name={}", words(text, *name)),
        MentionKind::Organization { name } => format!("org name={}", words(text, *name)),
        MentionKind::Description {
            head,
            role,
            plural,
            definite,
            owner,
            label,
        } => {
            assert_eq!(
                lex.role(text.tokens[*head].info).map(|_| *role + 1),
                Some(text.tokens[*head].info.role)
            );
            let owner = owner.as_ref().map(|o| {
                let kind = notation(text, &o.kind);
                let kind = kind.split(' ').next().unwrap_or_default();
                format!(" owner={}:{kind}", words(text, o.np))
            });
            format!(
                "description head={} label={}{}{}{}",
                text.word(*head),
                words(text, *label),
                flag(*plural, "plural"),
                flag(*definite, "definite"),
                owner.unwrap_or_default()
            )
        }
        MentionKind::Group { label } => format!("group label={}", words(text, *label)),
        MentionKind::Unnamed { label, plural } => {
            format!(
                "unnamed label={}{}",
                words(text, *label),
                flag(*plural, "plural")
            )
        }
        MentionKind::Other => "other".into(),
    }
}

/// Each row: a phrase, the decider that must type it, and its kind in notation.
fn check(rows: &[(&str, &str, &str)]) {
    for &(src, decider, expected) in rows {
        let (text, np) = phrase(src);
        let (mention, by) = classify_traced(&text, np);
        assert_eq!(mention, classify(&text, np), "{src:?}");
        let got = notation(&text, &mention.kind);
        assert_eq!((by.name, got.as_str()), (decider, expected), "{src:?}");
    }
}

/// The decider named `name` passes on every phrase (whatever decides before it).
fn passes(name: &str, phrases: &[&str]) {
    let decider = DECIDERS.iter().find(|d| d.name == name).expect("a decider");
    for src in phrases {
        let (text, np) = phrase(src);
        let kind = (decider.decide)(&Phrase::new(&text, np));
        assert_eq!(kind, None, "{name} on {src:?}");
    }
}

#[test]
fn the_registry_names_each_decider_once_and_the_last_decides_everything() {
    let mut names: Vec<&str> = DECIDERS.iter().map(|d| d.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), DECIDERS.len());
    assert!(DECIDERS.iter().all(|d| !d.description.is_empty()));
    let (text, np) = phrase("said [it] was");
    let last = DECIDERS.last().unwrap();
    assert_eq!(
        (last.decide)(&Phrase::new(&text, np)),
        Some(MentionKind::Other)
    );
}

#[test]
fn plain_names() {
    check(&[
        (
            "Jake Sullivan",
            "plain_name",
            "person name=Jake Sullivan gender=m",
        ),
        ("Sondland", "plain_name", "person name=Sondland"),
        (
            "Nancy Pelosi",
            "plain_name",
            "person name=Nancy Pelosi gender=f",
        ),
        (
            "said [Volodymyr Zelenskiy]",
            "plain_name",
            "person name=Volodymyr Zelenskiy gender=m",
        ),
    ]);
}

#[test]
fn plain_names_counter_examples() {
    passes(
        "plain_name",
        &[
            "Reuters",
            "Mr Trump",
            "KDJX",
            "Zagora Post",
            "[Jake] said",
            "Lt. Col. Vindman",
        ],
    );
    check(&[
        // A nationality as a surname after a given name (which the text then gives as a
        // surname: a plain name).
        (
            "Mark Cuban",
            "plain_name",
            "person name=Mark Cuban gender=m",
        ),
        // Lower-case particles are no plain name's words.
        (
            "Ludwig van Beethoven",
            "titled_person",
            "person name=Ludwig van Beethoven",
        ),
    ]);
}

#[test]
fn lone_words() {
    check(&[
        ("he", "lone_word", "pronoun gender=m"),
        ("She", "lone_word", "pronoun gender=f"),
        ("they", "lone_word", "pronoun plural"),
        ("it", "lone_word", "pronoun gender=n"),
        ("the man [who] said", "lone_word", "relative"),
        ("Reuters", "lone_word", "known outlet=reuters name=Reuters"),
        ("FAA", "lone_word", "known org=faa name=FAA"),
    ]);
}

#[test]
fn lone_words_counter_examples() {
    passes(
        "lone_word",
        &["the adviser", "Who", "said", "Reuters reporters"],
    );
    check(&[("[Who] said", "other", "other")]);
}

#[test]
fn the_named_one_before_others() {
    check(&[
        (
            "Yonhap and other news reports",
            "named_before_others",
            "known outlet=yonhap name=Yonhap",
        ),
        (
            "the AP and others",
            "named_before_others",
            "known outlet=associated-press name=AP",
        ),
    ]);
    passes(
        "named_before_others",
        &["Grassley and Leahy", "Yonhap and the AP"],
    );
}

#[test]
fn groups() {
    check(&[
        (
            "The Americans and their NATO allies",
            "group",
            "group label=Americans and their NATO allies",
        ),
        (
            "Grassley and Leahy",
            "group",
            "group label=Grassley and Leahy",
        ),
        (
            "Reuters and the AP",
            "group",
            "group label=Reuters and the AP",
        ),
    ]);
}

#[test]
fn groups_counter_examples() {
    passes(
        "group",
        &[
            "Manpower and Transmigration Minister Fahmi Idris",
            "the Food and Agriculture Organization",
            "the adviser",
        ],
    );
    check(&[
        (
            "Manpower and Transmigration Minister Fahmi Idris",
            "titled_person",
            "person name=Fahmi Idris title=Manpower and Transmigration Minister",
        ),
        (
            "the Food and Agriculture Organization",
            "known_name",
            "known org=fao name=Food and Agriculture Organization",
        ),
    ]);
}

#[test]
fn people_after_long_titles() {
    check(&[
        (
            "Secretary of State Condoleezza Rice",
            "person_after_long_title",
            "person name=Condoleezza Rice title=Secretary of State",
        ),
        (
            "Senior Regional Public Information Officer of UNHCR Vivian Tan",
            "person_after_long_title",
            "person name=Vivian Tan title=Senior Regional Public Information Officer of UNHCR gender=f",
        ),
        (
            "Council on American-Islamic Relations Executive Director Nihad Awad",
            "person_after_long_title",
            "person name=Nihad Awad title=Council on American-Islamic Relations Executive Director",
        ),
    ]);
}

#[test]
fn people_after_long_titles_counter_examples() {
    passes(
        "person_after_long_title",
        &[
            "a spokesman for Prime Minister Ariel Sharon",
            "a nurse on the ward",
            "Secretary of State Rice",
        ],
    );
    check(&[(
        "a spokesman for Prime Minister Ariel Sharon",
        "description",
        "description head=spokesman label=spokesman for Prime Minister Ariel Sharon owner=Prime Minister Ariel Sharon:person",
    )]);
}

#[test]
fn known_names() {
    check(&[
        (
            "the Associated Press",
            "known_name",
            "known outlet=associated-press name=Associated Press",
        ),
        (
            "the White House",
            "known_name",
            "known org=white-house name=White House",
        ),
        (
            "the South's Yonhap News Agency",
            "known_name",
            "known outlet=yonhap name=Yonhap News Agency",
        ),
        (
            "The Wall Street journal",
            "known_name",
            "known outlet=wall-street-journal name=Wall Street journal",
        ),
    ]);
    passes(
        "known_name",
        &["the Kremlin's press service", "the White House statement"],
    );
}

#[test]
fn outlet_nouns_before_names() {
    check(&[
        (
            "Cuban weekly Opciones",
            "outlet_noun_then_name",
            "outlet name=Opciones",
        ),
        (
            "NBC affiliate KFSM",
            "outlet_noun_then_name",
            "outlet name=KFSM",
        ),
    ]);
    passes(
        "outlet_noun_then_name",
        &["the weekly magazine", "the daily newspaper"],
    );
}

#[test]
fn names_before_outlet_nouns() {
    check(&[
        (
            "the Haaretz daily",
            "name_then_outlet_noun",
            "known outlet=haaretz name=Haaretz",
        ),
        (
            "the Interfax news agency",
            "name_then_outlet_noun",
            "known outlet=interfax name=Interfax",
        ),
        (
            "the Zagorsky weekly",
            "name_then_outlet_noun",
            "outlet name=Zagorsky",
        ),
        (
            "the SAPA news agency",
            "name_then_outlet_noun",
            "outlet name=SAPA",
        ),
    ]);
}

#[test]
fn names_before_outlet_nouns_counter_examples() {
    passes(
        "name_then_outlet_noun",
        &[
            "Russian television",
            "the news agency",
            "the Zagorsky agency",
            "the Zagorsky News agency",
        ],
    );
    check(&[
        (
            "Russian television",
            "description",
            "description head=television label=Russian television",
        ),
        (
            "the Zagorsky agency",
            "description",
            "description head=agency label=Zagorsky agency definite",
        ),
    ]);
}

#[test]
fn outlets_by_their_names() {
    check(&[
        ("Radio Zagora", "outlet_by_name", "outlet name=Radio Zagora"),
        (
            "the Zagora Gazette",
            "outlet_by_name",
            "outlet name=Zagora Gazette",
        ),
        ("Clubz.bg", "outlet_by_name", "outlet name=Clubz.bg"),
        (
            "the Zagora News Service",
            "outlet_by_name",
            "outlet name=Zagora News Service",
        ),
    ]);
    passes(
        "outlet_by_name",
        &[
            "the Seoul Detention Center",
            "the Zagora Herald Ministry",
            "Kyiv",
        ],
    );
}

#[test]
fn organizations_by_their_names() {
    check(&[
        (
            "the Seoul Detention Center",
            "organization_by_name",
            "org name=Seoul Detention Center",
        ),
        (
            "the Bulgarian Fisheries Ministry",
            "organization_by_name",
            "org name=Bulgarian Fisheries Ministry",
        ),
        (
            "the Pennsylvania Department of Transportation",
            "organization_by_name",
            "org name=Pennsylvania Department of Transportation",
        ),
        (
            "the Zagora Herald Ministry",
            "organization_by_name",
            "org name=Zagora Herald Ministry",
        ),
    ]);
}

#[test]
fn organizations_by_their_names_counter_examples() {
    passes(
        "organization_by_name",
        &["the Ministry", "Radio Zagora", "the Zagora committee"],
    );
    check(&[(
        "the Ministry",
        "description",
        "description head=Ministry label=Ministry definite",
    )]);
}

#[test]
fn acronyms() {
    check(&[
        ("KDJX", "acronym", "org name=KDJX"),
        ("the ZKPQ", "acronym", "org name=ZKPQ"),
    ]);
    passes("acronym", &["the Z.K.P.Q.", "ZKPQ Radio", "Smith"]);
}

#[test]
fn titled_people() {
    check(&[
        (
            "US National Security Adviser Jake Sullivan",
            "titled_person",
            "person name=Jake Sullivan title=US National Security Adviser gender=m",
        ),
        (
            "Russian Emergencies Minister Alexander Kurenkov",
            "titled_person",
            "person name=Alexander Kurenkov title=Russian Emergencies Minister gender=m",
        ),
        (
            "Lt. Col. Alexander Vindman",
            "titled_person",
            "person name=Alexander Vindman title=Lt. Col. gender=m",
        ),
        (
            "Hanbo founder Chung Tae-Soo",
            "titled_person",
            "person name=Chung Tae-Soo title=Hanbo founder",
        ),
        (
            "Brian M. Good",
            "titled_person",
            "person name=Brian M. Good gender=m",
        ),
        (
            "Vice President Joseph R. Biden Jr",
            "titled_person",
            "person name=Joseph R. Biden title=Vice President gender=m",
        ),
        (
            "State Department spokeswoman Jen Psaki",
            "titled_person",
            "person name=Jen Psaki title=State Department spokeswoman gender=f",
        ),
    ]);
}

#[test]
fn honorifics_are_no_titles_but_tell_the_gender() {
    check(&[
        ("Mr. Trump", "titled_person", "person name=Trump"),
        ("Mrs. Pelosi", "titled_person", "person name=Pelosi"),
        // An honorific that opens a longer title tells the gender.
        (
            "Mrs. Justice Ginsburg",
            "titled_person",
            "person name=Ginsburg title=Mrs. Justice gender=f",
        ),
        (
            "Mr. Speaker Bercow",
            "titled_person",
            "person name=Bercow title=Mr. Speaker gender=m",
        ),
        ("Ms Ardern", "titled_person", "person name=Ardern"),
        ("Dr. Fauci", "titled_person", "person name=Fauci"),
        (
            "Senator Klobuchar",
            "titled_person",
            "person name=Klobuchar title=Senator",
        ),
    ]);
}

#[test]
fn titled_people_counter_examples() {
    passes(
        "titled_person",
        &[
            "the adviser",
            "Xavier B",
            "U.S. officials",
            "the Zagora daily",
        ],
    );
}

#[test]
fn descriptions() {
    check(&[
        (
            "the adviser",
            "description",
            "description head=adviser label=adviser definite",
        ),
        (
            "officials",
            "description",
            "description head=officials label=officials plural",
        ),
        (
            "the officials",
            "description",
            "description head=officials label=officials plural",
        ),
        (
            "his lawyer",
            "description",
            "description head=lawyer label=lawyer definite",
        ),
        (
            "a senior administration official",
            "description",
            "description head=official label=senior administration official",
        ),
        (
            "the statement",
            "description",
            "description head=statement label=statement definite",
        ),
    ]);
}

#[test]
fn descriptions_and_their_owners() {
    check(&[
        (
            "the Kremlin's press service",
            "description",
            "description head=service label=Kremlin's press service definite owner=Kremlin:known",
        ),
        (
            "a spokesman for the Seoul Detention Center",
            "description",
            "description head=spokesman label=spokesman for the Seoul Detention Center owner=the Seoul Detention Center:org",
        ),
        (
            "The White House statement",
            "description",
            "description head=statement label=White House statement definite owner=White House:known",
        ),
        (
            "the head of the speaker's secretariat",
            "description",
            "description head=head label=head of the speaker's secretariat definite owner=the speaker's secretariat:description",
        ),
    ]);
}

#[test]
fn descriptions_with_postmodifiers() {
    check(&[
        (
            "a person familiar with the matter",
            "description",
            "description head=person label=person familiar with the matter owner=the matter:other",
        ),
        (
            "people familiar with the matter",
            "description",
            "description head=people label=people familiar with the matter plural owner=the matter:other",
        ),
        (
            "four unnamed people involved in the case",
            "description",
            "description head=people label=four unnamed people involved in the case plural owner=the case:other",
        ),
        (
            "sources close to Trump",
            "description",
            "description head=sources label=sources close to Trump plural owner=Trump:person",
        ),
    ]);
}

#[test]
fn descriptions_counter_examples() {
    passes("description", &["the weather", "46 percent", "the Haaretz"]);
}

#[test]
fn plural_nouns() {
    check(&[
        (
            "[Traders] said it fell.",
            "plural_noun",
            "unnamed label=Traders plural",
        ),
        (
            "[Builders] have complained.",
            "plural_noun",
            "unnamed label=Builders plural",
        ),
        (
            "[Many Tunisians] worry.",
            "plural_noun",
            "unnamed label=Tunisians plural",
        ),
        (
            "Last fall, [Tunisians] voted.",
            "plural_noun",
            "unnamed label=Tunisians plural",
        ),
        (
            "[Democrats] said no.",
            "description",
            "description head=Democrats label=Democrats plural",
        ),
    ]);
    // A plural of a given name is a surname; a capital inside a sentence is a name's; a
    // known name is known; a lone surname of a known person is coreference's to find.
    passes(
        "plural_noun",
        &[
            "[Peters] said it fell.",
            "He met [Masters] on Monday.",
            "[Reuters] said it fell.",
            "[Jane Builders] said so.",
            "[TRADERS] said so.",
        ],
    );
}

#[test]
fn quantities() {
    check(&[
        ("46 percent", "quantity", "unnamed label=46 percent plural"),
        ("46 %", "quantity", "unnamed label=46 % plural"),
        ("nine in 10", "quantity", "unnamed label=nine in 10 plural"),
        ("another", "quantity", "unnamed label=another"),
        ("each side", "quantity", "unnamed label=side plural"),
        (
            "dozens of protesters",
            "quantity",
            "unnamed label=dozens of protesters plural",
        ),
        ("the majority", "quantity", "unnamed label=majority plural"),
        ("One", "quantity", "unnamed label=One"),
    ]);
    passes(
        "quantity",
        &["the weather", "the 10 commandments", "Sondland"],
    );
}

#[test]
fn other_phrases() {
    check(&[
        ("the weather", "other", "other"),
        ("the 10 commandments", "other", "other"),
        ("said [slowly]", "other", "other"),
    ]);
}

/// Each row: a phrase classified as `other`, and what `as_unnamed` makes of it ("none").
fn check_unnamed(rows: &[(&str, &str)]) {
    for &(src, expected) in rows {
        let (text, np) = phrase(src);
        let mention = classify(&text, np);
        let got = as_unnamed(&text, &mention).map_or("none".into(), |m| notation(&text, &m.kind));
        assert_eq!(got, expected, "{src:?}");
    }
}

#[test]
fn unknown_nouns_that_speak_are_unnamed_sources() {
    check_unnamed(&[
        ("respondents", "unnamed label=respondents plural"),
        ("the actress", "unnamed label=actress"),
        (
            "the self-described democratic socialist",
            "unnamed label=self-described democratic socialist",
        ),
        ("the attendant", "unnamed label=attendant"),
        ("the bartender", "unnamed label=bartender"),
        ("a fisherman", "unnamed label=fisherman"),
        ("the trainee", "unnamed label=trainee"),
        ("those surveyed", "unnamed label=those surveyed plural"),
        ("Those polled", "unnamed label=Those polled plural"),
    ]);
}

#[test]
fn unknown_nouns_counter_examples() {
    check_unnamed(&[
        ("the weather", "none"),
        ("the number", "none"),
        ("the meeting", "none"),
        ("the class", "none"),
        ("the virus", "none"),
        ("the plan", "none"),
        ("Smith", "none"),
        ("the adviser", "none"),
        ("Zagora", "none"),
        ("these surveyed", "none"),
        ("the surveyed", "none"),
    ]);
}

/// Each row: a text, the index of a token, and what `lone_word_kind` makes of it ("none").
fn check_lone(rows: &[(&str, usize, &str)]) {
    for &(src, i, expected) in rows {
        let text = Text::new(src, lexicon());
        let got = lone_word_kind(&text, i).map_or("none".into(), |k| notation(&text, &k));
        assert_eq!(got, expected, "{src:?} {i}");
    }
}

#[test]
fn lone_word_kinds() {
    check_lone(&[
        ("he said", 0, "pronoun gender=m"),
        ("we said", 0, "pronoun plural"),
        ("officials who said", 1, "relative"),
        ("said Reuters", 1, "known outlet=reuters name=Reuters"),
        ("Who said", 0, "none"),
        ("said Smith", 1, "none"),
        ("the 10 officials", 1, "none"),
        ("\"Yes\"", 0, "none"),
    ]);
}

/// Each row: a phrase, its head phrase and its head noun.
fn check_layout(rows: &[(&str, &str, &str)]) {
    for &(src, head_phrase, head) in rows {
        let (text, np) = phrase(src);
        let phrase = Phrase::new(&text, np);
        let layout = phrase.layout();
        let got = (words(&text, layout.head_phrase), text.word(layout.head));
        assert_eq!((got.0.as_str(), got.1), (head_phrase, head), "{src:?}");
    }
}

#[test]
fn the_head_follows_possessives_and_precedes_complements() {
    check_layout(&[
        ("the Kremlin's press service", "press service", "service"),
        ("a spokesman for the ministry", "spokesman", "spokesman"),
        (
            "officials familiar with the matter",
            "officials",
            "officials",
        ),
        ("people involved in the case", "people involved", "people"),
        (
            "Russia's state news agency TASS",
            "state news agency TASS",
            "TASS",
        ),
        ("the adviser", "adviser", "adviser"),
    ]);
}

#[test]
fn determiners_make_a_phrase_definite() {
    for (src, has_det, definite) in [
        ("the adviser", true, true),
        ("These officials", true, true),
        ("his lawyer", true, true),
        ("a spokesman", true, false),
        ("some officials", true, false),
        ("officials", false, false),
        ("the", false, false),
    ] {
        let (text, np) = phrase(src);
        let phrase = Phrase::new(&text, np);
        assert_eq!(
            (phrase.has_det, phrase.definite),
            (has_det, definite),
            "{src:?}"
        );
    }
}

#[test]
fn people_with_company_and_job_titles() {
    check(&[
        (
            "Commerzbank analyst Carsten Fritsch",
            "titled_person",
            "person name=Carsten Fritsch title=Commerzbank analyst",
        ),
        (
            "Novartis CEO Daniel Vasella",
            "titled_person",
            "person name=Daniel Vasella title=Novartis CEO gender=m",
        ),
        (
            "WeWork chairman Marcelo Claure",
            "titled_person",
            "person name=Marcelo Claure title=WeWork chairman gender=m",
        ),
        (
            "director Bong Joon Ho",
            "titled_person",
            "person name=Bong Joon Ho title=director",
        ),
    ]);
}

#[test]
fn people_with_national_titles() {
    check(&[
        (
            "French President Emmanuel Macron",
            "titled_person",
            "person name=Emmanuel Macron title=French President gender=m",
        ),
        (
            "U.S. President Donald Trump",
            "titled_person",
            "person name=Donald Trump title=U.S. President gender=m",
        ),
        (
            "Foreign Secretary Dominic Raab",
            "titled_person",
            "person name=Dominic Raab title=Foreign Secretary gender=m",
        ),
    ]);
}

#[test]
fn generational_suffixes_are_no_part_of_the_name() {
    check(&[
        (
            "James Roosevelt Jr",
            "titled_person",
            "person name=James Roosevelt gender=m",
        ),
        (
            "John Smith III",
            "titled_person",
            "person name=John Smith gender=m",
        ),
        (
            "Ken Griffey, Jr",
            "titled_person",
            "person name=Ken Griffey gender=m",
        ),
    ]);
    // Not a plain name: the suffix is no part of it.
    passes("plain_name", &["Roosevelt Jr"]);
    check(&[("Roosevelt Jr", "titled_person", "person name=Roosevelt")]);
}

#[test]
fn name_particles_join_the_words_of_a_name() {
    check(&[
        (
            "Crown Prince Mohammed bin Salman",
            "titled_person",
            "person name=Mohammed bin Salman title=Crown Prince gender=m",
        ),
        (
            "Ludwig van Beethoven",
            "titled_person",
            "person name=Ludwig van Beethoven",
        ),
    ]);
    // A capitalized particle is a word of the name like any other.
    check(&[(
        "Dick Van Dyke",
        "plain_name",
        "person name=Dick Van Dyke gender=m",
    )]);
}

#[test]
fn a_lone_given_name_opening_the_text_is_left_to_later_deciders() {
    passes("plain_name", &["[Jake] said", "[Nancy] left"]);
    check(&[
        ("[Jake] said", "titled_person", "person name=Jake gender=m"),
        ("said [Jake]", "plain_name", "person name=Jake gender=m"),
    ]);
}

#[test]
fn known_outlets_with_their_article() {
    check(&[
        (
            "The Korea Times",
            "known_name",
            "known outlet=korea-times name=Korea Times",
        ),
        (
            "the San Francisco Chronicle",
            "known_name",
            "known outlet=san-francisco-chronicle name=San Francisco Chronicle",
        ),
        (
            "Fox News",
            "known_name",
            "known outlet=fox-news name=Fox News",
        ),
    ]);
}

#[test]
fn affiliates_and_web_domains_are_outlets() {
    check(&[
        (
            "CNN affiliate WUSA",
            "outlet_noun_then_name",
            "outlet name=WUSA",
        ),
        ("CNN.com", "outlet_by_name", "outlet name=CNN.com"),
    ]);
    // Upper-case letters after the dot make no domain.
    passes("outlet_by_name", &["Zagora.BG"]);
}

#[test]
fn organizations_with_long_names() {
    check(&[
        (
            "The National Highway Traffic Safety Administration",
            "organization_by_name",
            "org name=National Highway Traffic Safety Administration",
        ),
        (
            "the Zagora Bureau of Prisons",
            "organization_by_name",
            "org name=Zagora Bureau of Prisons",
        ),
    ]);
}

#[test]
fn plural_descriptions_with_modifiers() {
    check(&[
        (
            "Biden administration officials",
            "description",
            "description head=officials label=Biden administration officials plural",
        ),
        (
            "parliamentary sources",
            "description",
            "description head=sources label=parliamentary sources plural",
        ),
        (
            "Opposition lawmakers",
            "description",
            "description head=lawmakers label=Opposition lawmakers plural",
        ),
        (
            "U.S. intelligence agencies",
            "description",
            "description head=agencies label=U.S. intelligence agencies plural owner=U.S.:known",
        ),
    ]);
}

#[test]
fn possessives_own_descriptions() {
    check(&[
        (
            "Austria's interior minister",
            "description",
            "description head=minister label=Austria's interior minister owner=Austria:known",
        ),
        (
            "Kim's aide",
            "description",
            "description head=aide label=Kim's aide owner=Kim:person",
        ),
        (
            "his supporters",
            "description",
            "description head=supporters label=supporters plural",
        ),
    ]);
}

#[test]
fn complements_own_descriptions() {
    check(&[
        (
            "an official in the Afghan intelligence agency",
            "description",
            "description head=official label=official in the Afghan intelligence agency owner=the Afghan intelligence agency:description",
        ),
        (
            "The chairman of the Conservative Party",
            "description",
            "description head=chairman label=chairman of the Conservative Party definite owner=the Conservative Party:org",
        ),
    ]);
}

#[test]
fn documents_and_reports_are_descriptions() {
    check(&[
        (
            "a Justice Department filing",
            "description",
            "description head=filing label=Justice Department filing owner=Justice Department:known",
        ),
        (
            "A Reuters report",
            "description",
            "description head=report label=Reuters report owner=Reuters:known",
        ),
        (
            "local news reports",
            "description",
            "description head=reports label=local news reports plural",
        ),
        // Rulings, rules, proposals and films say things too: "the unsigned opinion said",
        // "FEC regulations suggest", "The SVP counterproposal argued", "one slide says".
        (
            "the unsigned opinion",
            "description",
            "description head=opinion label=unsigned opinion definite",
        ),
        (
            "Federal Election Commission regulations",
            "description",
            "description head=regulations label=Federal Election Commission regulations plural",
        ),
        (
            "The film",
            "description",
            "description head=film label=film definite",
        ),
        (
            "The memoir",
            "description",
            "description head=memoir label=memoir definite",
        ),
    ]);
}

#[test]
fn groups_of_named_people_after_a_determiner() {
    check(&[
        (
            "both Vindman and Williams",
            "group",
            "group label=Vindman and Williams",
        ),
        (
            "Volker and Morrison",
            "group",
            "group label=Volker and Morrison",
        ),
    ]);
}

#[test]
fn first_and_second_person_pronouns() {
    check(&[
        ("I", "lone_word", "pronoun"),
        ("we", "lone_word", "pronoun plural"),
        ("you", "lone_word", "pronoun"),
    ]);
}

#[test]
fn quantities_with_complements() {
    check(&[
        (
            "said [half of the protesters]",
            "quantity",
            "unnamed label=half of the protesters plural",
        ),
        (
            "a third of voters",
            "quantity",
            "unnamed label=third of voters plural",
        ),
        ("nobody", "quantity", "unnamed label=nobody plural"),
        ("thousands", "quantity", "unnamed label=thousands plural"),
    ]);
    // A role noun after a number heads the phrase.
    check(&[(
        "Two people briefed on the talks",
        "description",
        "description head=people label=Two people briefed on the talks plural owner=the talks:other",
    )]);
}

#[test]
fn relatives_are_lower_case() {
    check(&[
        ("the report [which] said", "lone_word", "relative"),
        ("the man [that] said", "lone_word", "relative"),
    ]);
    passes("lone_word", &["[Which] said"]);
}

#[test]
fn a_word_that_opens_the_sentence_and_names_nothing_is_no_name() {
    // Adverbs, auxiliaries, subordinators, quantities and participles are capitalized only
    // because they open the sentence.
    check(&[
        ("[Even] as he won, Trump said", "other", "other"),
        ("[Others] said", "quantity", "unnamed label=Others plural"),
        ("[Asked] about it, she said", "other", "other"),
        ("[Perhaps] it is so", "other", "other"),
        // A given name spelled like a function word is a name, unless the sentence asks.
        (
            "[Will Doyle], a professor, said",
            "plain_name",
            "person name=Will Doyle gender=m",
        ),
        // Inside a sentence a capitalized function word may begin a name.
        (
            "talks with party chief [Do Muoi] ended",
            "plain_name",
            "person name=Do Muoi",
        ),
        // A determiner, a title or a role stays.
        (
            "[The Pentagon] said",
            "known_name",
            "known org=pentagon name=Pentagon",
        ),
    ]);
    passes("plain_name", &["[Did Trump] say it?", "[Will Trump] win?"]);
}

#[test]
fn a_known_name_is_never_found_by_its_last_words() {
    check(&[
        (
            "People's Daily",
            "known_name",
            "known outlet=peoples-daily name=People's Daily",
        ),
        (
            "the US Defense Department",
            "known_name",
            "known org=pentagon name=Defense Department",
        ),
        (
            "The Toledo Times",
            "outlet_by_name",
            "outlet name=Toledo Times",
        ),
        (
            "the Springfield Post",
            "outlet_by_name",
            "outlet name=Springfield Post",
        ),
    ]);
    passes(
        "known_name",
        &["The Toledo Times", "the Hobart Sun", "Springfield Post"],
    );
}

#[test]
fn a_name_that_runs_on_into_a_title_is_a_person() {
    check(&[
        (
            "White House Press Secretary Stephanie Grisham",
            "titled_person",
            "person name=Stephanie Grisham title=White House Press Secretary gender=f",
        ),
        (
            "Democratic National Committee Chairman Tim Kaine",
            "titled_person",
            "person name=Tim Kaine title=Democratic National Committee Chairman gender=m",
        ),
    ]);
    passes(
        "outlet_by_name",
        &["White House Press Secretary Stephanie Grisham"],
    );
    passes(
        "organization_by_name",
        &["Democratic National Committee Chairman Tim Kaine"],
    );
}

#[test]
fn a_company_word_makes_a_name_an_organization() {
    check(&[
        (
            "Dick Clark Productions",
            "organization_by_name",
            "org name=Dick Clark Productions",
        ),
        (
            "Price Stern Sloan Inc",
            "organization_by_name",
            "org name=Price Stern Sloan Inc",
        ),
    ]);
    passes(
        "plain_name",
        &["Dick Clark Productions", "Big Machine Records"],
    );
}

#[test]
fn a_nationality_the_text_gives_as_a_surname_is_that_person_alone() {
    let kind_of_last = |src: &str, word: &str| {
        let text = Text::new(src, crate::lexicon::lexicon());
        let i = (0..text.tokens.len()).rev().find(|&i| text.word(i) == word);
        let i = i.expect("the word");
        let kind = classify(&text, crate::text::TokenRange::one(i)).kind;
        matches!(kind, MentionKind::Person { .. })
    };
    assert!(kind_of_last("Mark Cuban owns it. Cuban said it.", "Cuban"));
    // Near misses: with no one of that surname, or after a determiner, the nationality is none.
    assert!(!kind_of_last("The ship owns it. Cuban said it.", "Cuban"));
    assert!(!kind_of_last(
        "Mark Cuban owns it. A Cuban said it.",
        "Cuban"
    ));
}

#[test]
fn partitives_keep_their_count_in_the_label() {
    check(&[
        (
            "one of the negotiators",
            "description",
            "description head=negotiators label=one of the negotiators",
        ),
        (
            "the negotiators",
            "description",
            "description head=negotiators label=negotiators plural",
        ),
        (
            "some of the others",
            "quantity",
            "unnamed label=some of the others plural",
        ),
    ]);
    check_unnamed(&[
        (
            "one of the bartenders",
            "unnamed label=one of the bartenders",
        ),
        ("the bartenders", "unnamed label=bartenders plural"),
    ]);
}
