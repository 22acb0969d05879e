//! Preposed attribution: the source, the cue, then the content.
//!
//! "US National Security Adviser Jake Sullivan said Biden had told Putin ...",
//! "The statement notes that ...", "Sullivan told reporters: "..."", "officials say ...".
//! Counter-examples: "the said agreement" (an adjective), "declined to say" (no statement),
//! "media reports suggesting" (a noun), and a verb with nothing after it (that is postposed).

use crate::lexicon::{Class, Form, RoleType, VerbFlags, lexicon};
use crate::mention::{Gender, Mention, MentionKind};
use crate::rules::clause::{
    agrees, colon_quote_after, content_after, introduces_speech, skip_adjuncts, subject_of,
};
use crate::rules::verb::VerbHit;
use crate::rules::{Ctx, Frame, Role, RuleId};
use crate::text::token::TokenFlags;
use crate::text::{Text, TokenRange};

/// Finds the preposed statements of one sentence.
pub(crate) fn find(ctx: &Ctx, _found: &[Frame], out: &mut Vec<Frame>) {
    let text = ctx.text;
    for &hit in ctx.verbs() {
        if !hit.is_finite() {
            continue;
        }
        let Some((mention, appositive)) = subject_of(ctx, &hit) else {
            continue;
        };
        let np = mention.np;
        if !agrees(text, &hit, &mention) {
            continue;
        }
        if hit.verb().has(VerbFlags::NOUN)
            && !hit.has(Form::PAST)
            && !opens_clause(text, hit.cue.end)
            && !parenthetical(text, np.start, hit.cue.end)
        {
            continue; // "media reports suggesting ...": a noun
        }
        if hit.verb().has(VerbFlags::POSTONLY) {
            continue; // "the United States continues to supply ..."
        }
        // "did not say when he would leave", "would never tell": nothing is attributed.
        if hit.negated {
            continue;
        }
        if lacks_its_clause(ctx, &hit, &mention) {
            continue; // "would respond positively to ...", "the company recalled the cars"
        }
        let Some((content, statement)) = content_after(ctx, &hit) else {
            continue;
        };
        // "He explained it to the voters": a pronoun for a thing as the whole object.
        if pronoun_object(text, content.tokens) {
            continue;
        }
        // "he said - and argued for ...": a second verb of the subject, no content (but "would
        // argue - and Sanders believes - that ...": an aside that a second dash closes).
        if second_verb_after_dash(text, content.tokens) {
            continue;
        }
        let mut frame = Frame::new(
            RuleId::Preposed,
            hit.cue,
            hit.verb().relation,
            Role::Statement,
        );
        frame.source = Some(mention);
        frame.appositive = appositive;
        frame.content = Some(content);
        frame.weak = hit.verb().has(VerbFlags::WEAK);
        // "In a statement, the White House said ...".
        frame.statement = statement || (ctx.start..np.start).any(|k| text.word(k) == "statement");
        out.push(frame);
    }
}

/// A verb preposed only before "that", a colon or a quotation ("replied that", not "replied to
/// the letter") with none of them after it. A person's object of a verb that recounts is what
/// they told of ("Clinton recalled her opposition to the war", "He recalled sitting in"); a
/// body's or a thing's is not ("The company recalled the cars").
fn lacks_its_clause(ctx: &Ctx, hit: &VerbHit, subject: &Mention) -> bool {
    let text = ctx.text;
    hit.verb().has(VerbFlags::THAT)
        && !introduces_speech(text, hit.cue.end)
        && !introduces_speech(text, skip_adjuncts(ctx, hit.cue.end).0)
        && colon_quote_after(ctx, hit.cue.end).is_none()
        && !recounts(text, hit, subject)
}

/// A person recalling a thing or an event: the object after the verb, not a phrase that opens
/// with a preposition ("He recalled in the days that followed").
fn recounts(text: &Text, hit: &VerbHit, subject: &Mention) -> bool {
    hit.verb().has(VerbFlags::RECOUNT)
        && is_person(subject)
        && !text.tokens[hit.cue.end].info.is(Class::PREP)
}

/// Is the mention a person: named ("Buchanan"), "he" or "she", or a description of one ("the
/// senator")?
fn is_person(mention: &Mention) -> bool {
    match &mention.kind {
        MentionKind::Person { .. } => true,
        MentionKind::Pronoun { gender, .. } => matches!(gender, Gender::Male | Gender::Female),
        MentionKind::Description { role, .. } => {
            lexicon().roles[*role as usize].kind == RoleType::Person
        }
        _ => false,
    }
}

/// Is a content a pronoun for a thing standing alone or before a preposition, the verb's
/// object and no statement: "explained it to the voters", "explained it." (not "explained it
/// was wrong", "said it would").
fn pronoun_object(text: &Text, content: TokenRange) -> bool {
    let first = &text.tokens[content.start];
    first.info.is(Class::PRON)
        && first.info.is(Class::NEUT)
        && (content.len() == 1
            || text.tokens[content.start + 1].info.is(Class::PREP)
            || matches!(text.word(content.start + 1), "," | "."))
}

/// Does a content open with a conjunction after a dash, no second dash closing it as an aside:
/// "he said - and argued for ...". Not "would argue - and Sanders believes - that ...".
fn second_verb_after_dash(text: &Text, content: TokenRange) -> bool {
    let dash = |k: usize| matches!(text.word(k), "-" | "--" | "—" | "–");
    let first = content.start;
    first > 0
        && dash(first - 1)
        && text.tokens[first].info.is(Class::CONJ)
        && !(first + 1..content.end).any(dash)
}

/// Do commas enclose the subject and the verb, an aside of speech: "Democrats, Frank notes,
/// applaud ..." (not "the 2013 report, Ari Fleischer said": no comma before the subject).
fn parenthetical(text: &Text, subject: usize, after: usize) -> bool {
    subject > 0 && text.word(subject - 1) == "," && text.word(after) == ","
}

/// Does a clause (or a quotation) start at token `k`, as after a verb that is also a noun?
fn opens_clause(text: &Text, k: usize) -> bool {
    let Some(t) = text.tokens.get(k) else {
        return false;
    };
    let w = text.word(k);
    if matches!(w, "that" | ":") || t.is_quote() {
        return true;
    }
    // A comma opens speech only before a quotation or "that" soon after it ("notes, however,
    // that ..."); "credit reports, so why not ...", "the 1960s remark, their only ..." are nouns.
    if w == "," {
        return (k + 1..(k + 8).min(text.tokens.len()))
            .any(|j| text.word(j) == "that" || text.tokens[j].is_double_quote());
    }
    let gerund = w.ends_with("ing") && !t.has(TokenFlags::CAP);
    !gerund
        && (t.is_cap_word()
            || t.info.is(Class::DET | Class::PRON | Class::POSS) && !t.info.is(Class::PREP))
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn subject_cue_content() {
        check(
            "US National Security Adviser Jake Sullivan said Biden had told Putin that Russia would pay.",
            &[
                (
                    "preposed",
                    "US National Security Adviser Jake Sullivan",
                    "said",
                    "Biden had told Putin that Russia would pay",
                ),
                // Nested in the content: assembly drops it.
                ("preposed", "Biden", "told", "Russia would pay"),
            ],
        );
        check(
            "The statement notes that the problems dominated.",
            &[(
                "preposed",
                "The statement",
                "notes",
                "the problems dominated",
            )],
        );
        check(
            "He said Biden welcomed the possibility.",
            &[("preposed", "He", "said", "Biden welcomed the possibility")],
        );
        check(
            "Officials say the talks failed.",
            &[("preposed", "Officials", "say", "the talks failed")],
        );
        check(
            "Trump has recently tried to suggest that he barely knows him.",
            &[("preposed", "Trump", "suggest", "he barely knows him")],
        );
    }

    #[test]
    fn what_a_speaker_mentions_tweets_or_cites_is_the_content() {
        // "mention" takes what is said as its object, like "announced the plan".
        check(
            "At the debate, Clinton mentioned remarks Trump had made about Machado.",
            &[(
                "preposed",
                "Clinton",
                "mentioned",
                "remarks Trump had made about Machado",
            )],
        );
        // Negated: nothing is attributed.
        check("Clinton has not mentioned Machado since the debate.", &[]);
        // So does "tweet": "tweeted her thanks", "tweeted a chart".
        check(
            "Clinton tweeted her thanks to the president.",
            &[(
                "preposed",
                "Clinton",
                "tweeted",
                "her thanks to the president",
            )],
        );
        // What a speaker cites, unless "as" follows ("cited X as saying").
        check(
            "Trump cited his own endorsements from 88 generals on Tuesday.",
            &[(
                "preposed",
                "Trump",
                "cited",
                "his own endorsements from 88 generals on Tuesday",
            )],
        );
        // A verb that takes words only before "that" or a quotation still does ("replied to
        // the letter"), but what a person recalls is what they told of (PolNeAR annotates
        // it: "Buchanan recalled the aggressive convention strategy").
        check("The campaign replied to the convention strategy.", &[]);
        check(
            "Buchanan recalled the convention strategy.",
            &[(
                "preposed",
                "Buchanan",
                "recalled",
                "the convention strategy",
            )],
        );
        // It does before an indirect question, or a colon and a quotation after a few words.
        check(
            "The senator recalled what happened in 2008.",
            &[(
                "preposed",
                "The senator",
                "recalled",
                "what happened in 2008",
            )],
        );
        check(
            "Singh explained it this way: \"It is like a wedding.\"",
            &[(
                "preposed",
                "Singh",
                "explained",
                "\"It is like a wedding.\"",
            )],
        );
        check(
            "Kelly responded pointedly, with a smile: \"It can happen at 45.\"",
            &[("preposed", "Kelly", "responded", "\"It can happen at 45.\"")],
        );
        // Not a colon after a clause of its own.
        check("Kelly replied to the letter that failed: \"No.\"", &[]);
    }

    #[test]
    fn a_social_platform_after_the_cue_is_no_content() {
        check(
            "Smith posted on Facebook that the plan failed.",
            &[("preposed", "Smith", "posted", "the plan failed")],
        );
        // After its content the cue and the platform end the sentence: a postposed statement.
        check(
            "The plan failed, Smith wrote on Twitter.",
            &[("postposed", "Smith", "wrote", "The plan failed")],
        );
    }

    #[test]
    fn parentheticals_postmodifiers_and_agent_nouns_in_the_subject() {
        check(
            "Murphy, though, said he is with Clinton.",
            &[("preposed", "Murphy", "said", "he is with Clinton")],
        );
        check(
            "People close to Clinton say the talks failed.",
            &[(
                "preposed",
                "People close to Clinton",
                "say",
                "the talks failed",
            )],
        );
        check(
            "Officials familiar with the matter said the talks failed.",
            &[(
                "preposed",
                "Officials familiar with the matter",
                "said",
                "the talks failed",
            )],
        );
        check(
            "The announcer said, \"It is 3 a.m.\"",
            &[("preposed", "The announcer", "said", "\"It is 3 a.m.\"")],
        );
    }

    #[test]
    fn long_appositives_with_places_ages_and_clauses() {
        check(
            "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he agreed.",
            &[("preposed", "Paul Porter", "said", "he agreed")],
        );
        check(
            "Jillian Chase, 27, a Tinder user in New York, said the election came up.",
            &[("preposed", "Jillian Chase", "said", "the election came up")],
        );
        check(
            "Hillary Clinton, also campaigning in Wisconsin, said Trump is responsible.",
            &[(
                "preposed",
                "Hillary Clinton",
                "said",
                "Trump is responsible",
            )],
        );
        check(
            "In a statement, Smith, a spokesman, said the talks failed.",
            &[("preposed", "Smith", "said", "the talks failed")],
        );
        check(
            "Tom Fitton, the president of Judicial Watch, a group that has sued, said that it failed.",
            &[("preposed", "Tom Fitton", "said", "it failed")],
        );
        check(
            "Supporters of abortion rights, on the other hand, argued that it will help.",
            &[(
                "preposed",
                "Supporters of abortion rights",
                "argued",
                "it will help",
            )],
        );
        check(
            "Jason Sims — a teacher from Mount Pleasant — says he made a decision.",
            &[("preposed", "Jason Sims", "says", "he made a decision")],
        );
        // A name in the appositive names the described person.
        check(
            "One Republican presidential hopeful, Carly Fiorina, says she plans to stay.",
            &[("preposed", "Carly Fiorina", "says", "she plans to stay")],
        );
        // The place in the appositive is not the speaker.
        check(
            "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said the talks failed.",
            &[("preposed", "Mr. Daniloff", "said", "the talks failed")],
        );
    }

    #[test]
    fn quantifiers_plural_names_and_sentence_adverbs() {
        check(
            "Many in the crowd said the senator was the only candidate.",
            &[(
                "preposed",
                "Many in the crowd",
                "said",
                "the senator was the only candidate",
            )],
        );
        check(
            "Some say they hear echoes.",
            &[("preposed", "Some", "say", "they hear echoes")],
        );
        check(
            "Others say the talks failed.",
            &[("preposed", "Others", "say", "the talks failed")],
        );
        // A quantity that is a determiner stands alone for the people it counts.
        check(
            "Another said the plan was dead.",
            &[("preposed", "Another", "said", "the plan was dead")],
        );
        check(
            "One firm counts 2,400, while another says there are 1,800.",
            &[("preposed", "another", "says", "there are 1,800")],
        );
        // A reflexive for emphasis stands in the verb group.
        check(
            "Cruz himself said that the only way to win is to ask.",
            &[("preposed", "Cruz", "said", "the only way to win is to ask")],
        );
        // As an object it is what the verb takes: no speaker.
        check(
            "He told himself the talks failed.",
            &[("preposed", "He", "told", "the talks failed")],
        );
        // A determiner that counts no one is no speaker.
        check("The other said the plan was dead.", &[]);
        // A quantity floated into the verb group leaves the subject before it.
        check(
            "Reuters and AP both reported that the plant closed.",
            &[("preposed", "Reuters and AP", "reported", "the plant closed")],
        );
        check(
            "Trump and Sanders have both argued that workers lost jobs.",
            &[(
                "preposed",
                "Trump and Sanders",
                "argued",
                "workers lost jobs",
            )],
        );
        // Before an adverb it modifies what follows: no subject of its own.
        check(
            "Cruz, the candidates most often described as outsiders, won.",
            &[],
        );
        check(
            "The Khans say they have heard rising fears.",
            &[(
                "preposed",
                "The Khans",
                "say",
                "they have heard rising fears",
            )],
        );
        check(
            "Cologne police say they have not determined it.",
            &[(
                "preposed",
                "Cologne police",
                "say",
                "they have not determined it",
            )],
        );
        // A sentence adverb before the comma is not a name the description follows.
        check(
            "Instead, officials said she stands.",
            &[("preposed", "officials", "said", "she stands")],
        );
        // Agreement still holds: a singular description with "say" is no subject.
        check("The spokesman say nothing.", &[]);
        check("He gave some say in the matter.", &[]);
        check(
            "Mark Cuban said he would run.",
            &[("preposed", "Mark Cuban", "said", "he would run")],
        );
        // What someone did not say is not attributed to them, nor what they did not mention,
        // nor a question they would not answer: nothing was communicated (PolNeAR marks
        // "would not say whether ..."; a provenance graph has no statement to carry).
        check("The president did not say when he would leave.", &[]);
        check("Reid wouldn't say whether he would run.", &[]);
        check("She did not say that he was unqualified.", &[]);
        check("Clinton did not mention Trump by name.", &[]);
        // A reporter's credit line.
        check("Costa reported from Washington.", &[]);
    }

    #[test]
    fn opening_adverbs_and_role_nouns_of_people() {
        // An opening adverb is no name the subject describes.
        check(
            "Significantly, the judge said he could not require restitution.",
            &[(
                "preposed",
                "the judge",
                "said",
                "he could not require restitution",
            )],
        );
        // Role nouns of people who speak in the news: a justice, an operative, a user.
        check(
            "The justice, who was in a scuffle with Trump, said she regretted her remarks.",
            &[(
                "preposed",
                "The justice",
                "said",
                "she regretted her remarks",
            )],
        );
        check(
            "One operative inside Trump Tower said they were not a big deal.",
            &[(
                "preposed",
                "One operative inside Trump Tower",
                "said",
                "they were not a big deal",
            )],
        );
    }

    #[test]
    fn a_phrase_before_that_and_a_quotation_in_the_next_paragraph() {
        check(
            "Trump tweeted in the early morning hours that Machado was a con.",
            &[("preposed", "Trump", "tweeted", "Machado was a con")],
        );
        check(
            "He said:\n\n\"We have a situation.\"",
            &[("preposed", "He", "said", "\"We have a situation.\"")],
        );
        check(
            "Romney tweeted in response: \"Important distinction.\"",
            &[(
                "preposed",
                "Romney",
                "tweeted",
                "\"Important distinction.\"",
            )],
        );
        check(
            "Axelrod tweeted this: \"She did it again.\"",
            &[("preposed", "Axelrod", "tweeted", "\"She did it again.\"")],
        );
        // "that" after a noun is a relative pronoun: no speech follows "recalled in the days".
        check("He recalled in the days that followed the vote.", &[]);
        // A clause opening with a subject pronoun, without "that".
        check(
            "Builders have complained they can't find workers.",
            &[(
                "preposed",
                "Builders",
                "complained",
                "they can't find workers",
            )],
        );
        check(
            "Coach Urban Meyer explained this week he chose to close practices.",
            &[(
                "preposed",
                "Coach Urban Meyer",
                "explained",
                "he chose to close practices",
            )],
        );
        // Not "it", which may be the object.
        check("He explained it to the voters.", &[]);
        check("He explained it.", &[]);
        // "explain" also takes what it explains as its object ("explained his reasoning").
        check(
            "Trump explained his reasoning on CBS.",
            &[("preposed", "Trump", "explained", "his reasoning on CBS")],
        );
    }

    #[test]
    fn recipients_adjuncts_and_quotations() {
        check(
            "Sullivan told reporters on Tuesday that the US was ready.",
            &[("preposed", "Sullivan", "told", "the US was ready")],
        );
        check(
            "Kelner said in an emailed statement: \"Out of respect.\"",
            &[("preposed", "Kelner", "said", "\"Out of respect.\"")],
        );
    }

    #[test]
    fn figures_acts_and_no_one_are_no_statements() {
        check("Vivendi added 1.18 percent to 26.63 euros.", &[]);
        check("The U.S. economy adds 20,000 jobs.", &[]);
        check(
            "He added that 20 people died.",
            &[("preposed", "He", "added", "20 people died")],
        );
        check("No group claimed responsibility for the attack.", &[]);
        // Behind an approximation or an article, a figure still; "to" before a thing that grows.
        check("The U.S. added around 292,000 jobs in December.", &[]);
        check("The club charged a $100,000 initiation fee.", &[]);
        check("Clinton, who added to her delegate lead, spoke.", &[]);
        check(
            "He added to reporters that the talks failed.",
            &[("preposed", "He", "added", "the talks failed")],
        );
        check(
            "She claimed to be the winner.",
            &[("preposed", "She", "claimed", "to be the winner")],
        );
        // A thing gained before a preposition, no clause after it.
        check("Rubio claimed the prize for exceeding expectations.", &[]);
        check(
            "Sanders won Minnesota, claiming his third victory in a row.",
            &[],
        );
        check("Social media has added another link to the chain.", &[]);
        check(
            "I'd add a reason for the split: nobody remembers it.",
            &[(
                "preposed",
                "I'd",
                "add",
                "a reason for the split: nobody remembers it",
            )],
        );
        check(
            "Trump claimed the election in Pennsylvania was rigged.",
            &[(
                "preposed",
                "Trump",
                "claimed",
                "the election in Pennsylvania was rigged",
            )],
        );
        // A participle between a number and a noun is no verb.
        check(
            "Clinton leads Sanders by roughly 270 pledged delegates.",
            &[],
        );
        check(
            "Of the voters polled, 60 said the plan failed.",
            &[("preposed", "60", "said", "the plan failed")],
        );
        check("In the end, nobody said the talks failed.", &[]);
        check(
            "Russia deported Georgians accused of staying illegally.",
            &[],
        );
        check(
            "Volker disputed the notion that he had been a participant.",
            &[(
                "preposed",
                "Volker",
                "disputed",
                "the notion that he had been a participant",
            )],
        );
    }

    #[test]
    fn counter_examples_stay_silent() {
        check("The said agreement was signed.", &[]);
        check("He declined to say whether it happened.", &[]);
        check("Media reports suggesting a deal were wrong.", &[]);
        // A noun form before a comma, no quotation or "that" after it.
        check(
            "Scores use data from credit reports, so why not share them?",
            &[],
        );
        check(
            "The agency notes, \"Prices rose.\"",
            &[("preposed", "The agency", "notes", "\"Prices rose.\"")],
        );
        // Commas around the subject and the verb: an aside of speech.
        check(
            "Democrats, Frank notes, applaud the governor.",
            &[("preposed", "Frank", "notes", "applaud the governor")],
        );
        check("All told, ten people died.", &[]);
        check("The weather said nothing.", &[]);
    }

    #[test]
    fn a_conjunction_after_a_dash_is_a_second_verb_unless_the_aside_closes() {
        check(
            "Mr. Bush also praised his brother - \"a good man,\" he said - and argued for unity.",
            &[
                ("coordinated", "Mr. Bush", "argued", "for unity"),
                ("postposed", "he", "said", "\"a good man,\""),
                (
                    "preposed",
                    "Mr. Bush",
                    "praised",
                    "his brother - \"a good man,\" he said - and argued for unity",
                ),
            ],
        );
        check(
            "Supporters would argue - and Sanders believes - that his pitch fits the mood.",
            &[(
                "preposed",
                "Supporters",
                "argue",
                "and Sanders believes - that his pitch fits the mood",
            )],
        );
    }

    #[test]
    fn documents_rulings_and_films_speak() {
        check(
            "The SVP counterproposal argued that the towns should decide.",
            &[(
                "preposed",
                "The SVP counterproposal",
                "argued",
                "the towns should decide",
            )],
        );
        check(
            "One slide says the program costs too much.",
            &[(
                "preposed",
                "One slide",
                "says",
                "the program costs too much",
            )],
        );
        // A thing that is no text nor picture says nothing.
        check("The storm says the season has come.", &[]);
    }

    #[test]
    fn what_a_person_recalls_is_what_they_told_of() {
        check(
            "Clinton recalled her opposition to the war.",
            &[(
                "preposed",
                "Clinton",
                "recalled",
                "her opposition to the war",
            )],
        );
        check(
            "The senator recalled sitting in on focus groups.",
            &[(
                "preposed",
                "The senator",
                "recalled",
                "sitting in on focus groups",
            )],
        );
        // A body recalls goods or envoys; "replied" still needs its clause.
        check("The company recalled 1 million cars.", &[]);
        check("Toyota recalled its cars on Monday.", &[]);
        check("Clinton replied to the letter.", &[]);
    }
}
