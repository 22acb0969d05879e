//! Reporting verbs in a sentence: where a verb of the lexicon stands as a verb (not as an
//! adjective, "the said agreement", "a reported stroke"; not in "all told"; not inside a
//! quotation), with its phrasal particle and the auxiliaries before it. A helper of the rules
//! (`Ctx` finds a sentence's verbs with it), not a rule.

use crate::lexicon::{Class, Form, Verb, VerbFlags, lexicon};
use crate::rules::Ctx;
use crate::text::Text;
use crate::text::TokenRange;
use crate::text::token::{Token, TokenFlags, TokenKind};

/// A reporting verb occurrence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VerbHit {
    /// The verb's words (with a particle: "summed up", "called for").
    pub cue: TokenRange,
    pub verb: u16,
    /// The forms this word can be.
    pub forms: Form,
    /// An auxiliary of "have" stands before it ("has said").
    pub perfect: bool,
    /// An auxiliary of "be" stands before it ("was quoted", "is saying").
    pub be: bool,
    /// "do", "will", "would", "to"... before it: the base form is finite or infinitive.
    pub modal: bool,
    /// A negation in the verb group ("did not say", "never told", "didn't say").
    pub negated: bool,
    /// The first token of the verb group (auxiliaries and adverbs before the verb).
    pub group_start: usize,
}

impl VerbHit {
    /// The verb of the lexicon.
    pub(crate) fn verb(&self) -> &'static Verb {
        lexicon().verb(self.verb)
    }

    /// Can the word be one of these forms?
    pub(crate) fn has(&self, f: Form) -> bool {
        self.forms.intersects(f)
    }

    /// A finite verb of a clause with a subject ("said", "says", "has said", "did say", "say").
    pub(crate) fn is_finite(&self) -> bool {
        if self.be {
            return self.has(Form::GERUND); // "is saying"
        }
        self.has(Form::PAST | Form::THIRD)
            || self.perfect && self.has(Form::PARTICIPLE)
            || self.has(Form::BASE)
    }
}

/// The reporting verb at token `i`, if it is used as one there.
pub(crate) fn verb_at(ctx: &Ctx, i: usize) -> Option<VerbHit> {
    let text = ctx.text;
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word || !t.info.is(Class::VERB) {
        return None;
    }
    if t.has(TokenFlags::CAP) && !ctx.headline && i != ctx.start {
        return None;
    }
    if text.quote_of(i).is_some() {
        return None;
    }
    let mut hit = reading_at(text, i)?;
    hit.group_start = verb_group(ctx, i, &mut hit)?;
    // "a working document proposed by the United States": a passive participle (not "said by
    // telephone": the means, no agent).
    if !hit.perfect
        && hit.forms.intersects(Form::PAST | Form::PARTICIPLE)
        && text.word(hit.cue.end) == "by"
        && !crate::rules::clause::by_means(text, hit.cue.end)
    {
        return None;
    }
    // "deported Georgians accused of staying", "executives charged with fraud": the verb that
    // takes an object has none before its complement; a passive participle.
    if !hit.perfect
        && !hit.be
        && hit.forms.intersects(Form::PARTICIPLE)
        && hit.verb().has(VerbFlags::OBJECT)
        && matches!(text.word(hit.cue.end), "of" | "with")
    {
        return None;
    }
    Some(hit)
}

/// The word at `i` read as a reporting verb: a phrasal reading whose particle follows ("pointed
/// out") before a plain one ("pointed"). The verb group is the verb alone so far.
fn reading_at(text: &Text, i: usize) -> Option<VerbHit> {
    let lex = lexicon();
    let mut best: Option<VerbHit> = None;
    for vf in lex.verb_forms(text.tokens[i].info) {
        let verb = lex.verb(vf.verb);
        let mut last = i;
        if let Some(particle) = &verb.particle {
            if !text.word(i + 1).eq_ignore_ascii_case(particle) {
                continue;
            }
            last = i + 1;
        }
        if best.is_some_and(|b| b.cue.last() >= last) {
            continue;
        }
        best = Some(VerbHit {
            cue: TokenRange::new(i, last + 1),
            verb: vf.verb,
            forms: vf.forms,
            perfect: false,
            be: false,
            modal: false,
            negated: false,
            group_start: i,
        });
    }
    best
}

/// Walks back from the verb at `i` over its group: adverbs, auxiliaries ("has", "was", "did"),
/// and "to" after a verb like "tried". Sets the hit's auxiliaries and negation and returns the
/// group's first token; `None` where the word is no verb here ("the said agreement", "declined
/// to say").
fn verb_group(ctx: &Ctx, i: usize, hit: &mut VerbHit) -> Option<usize> {
    let text = ctx.text;
    let mut k = i;
    while k > ctx.start {
        let before = &text.tokens[k - 1];
        hit.negated |= is_negation(text, k - 1);
        // "Cruz himself said": a reflexive for emphasis, like an adverb.
        if is_adverb(before) || floats(ctx, k - 1) || before.info.is(Class::REFLEXIVE) {
            k -= 1;
        } else if before.info.is(Class::HAVE) {
            hit.perfect = true;
            k -= 1;
        } else if contracted_auxiliary(text, ctx.start, k - 1) {
            // "he's said" is "he has said", "she's telling" "she is telling".
            if hit.has(Form::GERUND) {
                hit.be = true;
            } else {
                hit.perfect = true;
            }
            k -= 1;
        } else if k == i && word_after_have(ctx, k - 1) && hit.has(Form::PARTICIPLE) {
            // "has since said", "has long said".
            k -= 1;
        } else if before.info.is(Class::BE) {
            hit.be = true;
            k -= 1;
        } else if before.info.is(Class::AUX) {
            hit.modal = true; // "do", "will", "would", "couldn't"...
            k -= 1;
        } else if text.word(k - 1) == "to" {
            // "went on to say", "tried to suggest"; other infinitives are not statements.
            k = transparent_before(ctx, k - 1)?;
            hit.modal = true;
        } else if k == i && (is_adjective_use(text, i) || numbered_participle(text, i, hit)) {
            return None;
        } else {
            break;
        }
    }
    Some(k)
}

/// Is token `k` the "'s" of a personal pronoun, a contracted "has" or "is" ("he's said",
/// "She's telling")? Not after a name, where it is a possessive ("Trump's said policy"), nor
/// after "it", where a participle is passive ("as it's currently written").
fn contracted_auxiliary(text: &Text, lo: usize, k: usize) -> bool {
    k > lo
        && text.tokens[k].kind == TokenKind::Possessive
        && text.tokens[k - 1].info.is(Class::PRON)
        && !text.tokens[k - 1].info.is(Class::REL | Class::NEUT)
}

/// Is token `k` a lower-case word standing between "has" or "have" and a participle, an adverb
/// the lexicon does not list as one ("has since said", "have long argued")? Not a word that
/// opens a phrase ("has the said agreement") or another verb.
fn word_after_have(ctx: &Ctx, k: usize) -> bool {
    let text = ctx.text;
    let t = &text.tokens[k];
    k > ctx.start
        && text.tokens[k - 1].info.is(Class::HAVE)
        && t.kind == TokenKind::Word
        && !t.has(TokenFlags::CAP)
        && !t
            .info
            .is(Class::VERB | Class::DET | Class::POSS | Class::PRON | Class::OBJ | Class::BE)
        && !t.info.is(Class::AUX | Class::NEG)
}

/// An adverb inside a verb group ("has recently said", "never told").
fn is_adverb(token: &Token) -> bool {
    token.info.is(Class::ADV | Class::NEG) && !token.info.is(Class::AUX)
        || token.has(TokenFlags::LY) && !token.info.is(Class::ROLE)
}

/// A quantity floated off its subject into the verb group: "Reuters and AP both reported",
/// "They all said", "have both argued": a plural quantity right before the verb or its
/// auxiliary, after a word of the subject or an auxiliary. Never opening the clause ("Many
/// said", "because all said": the quantity is the subject), after a determiner ("the most
/// said"), or before an adverb ("candidates most often described").
fn floats(ctx: &Ctx, k: usize) -> bool {
    let text = ctx.text;
    let t = &text.tokens[k];
    if !t.info.is(Class::DET)
        || !t.info.is(Class::QUANTITY)
        || t.has(TokenFlags::CAP)
        || k == ctx.start
    {
        return false;
    }
    let prev = &text.tokens[k - 1];
    let next = text.tokens.get(k + 1);
    t.info.is(Class::PLURAL)
        && next.is_some_and(|n| !n.info.is(Class::ADV))
        && prev.kind == TokenKind::Word
        && !prev
            .info
            .is(Class::DET | Class::PREP | Class::SUB | Class::CONJ | Class::REL)
}

/// A negation: "not", "never", "didn't".
fn is_negation(text: &Text, k: usize) -> bool {
    // Compared in place, ignoring case ("DIDN'T" in a headline): every word before a verb is
    // asked, and a lower-cased copy of each was a measurable cost (docs/performance.md).
    let word = text.word(k).as_bytes();
    let ends_with = |suffix: &str| {
        word.len() >= suffix.len()
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    text.tokens[k].info.is(Class::NEG) || ends_with("n't") || ends_with("n’t")
}

/// The verb before the infinitive marker `to` (over "on": "went on to say") when its infinitive
/// is the real statement ("tried to suggest"). A gerund only with "on" ("going on to say"):
/// "we're going to tell" is a future.
fn transparent_before(ctx: &Ctx, to: usize) -> Option<usize> {
    let text = ctx.text;
    let mut g = to;
    while g > ctx.start && text.word(g - 1) == "on" {
        g -= 1;
    }
    let verb = g.checked_sub(1).filter(|&v| v >= ctx.start)?;
    let token = &text.tokens[verb];
    if token.info.is(Class::TRANSPARENT) && !token.has(TokenFlags::CAP) {
        let future = g == to && text.word(verb).ends_with("ing");
        return (!future).then_some(verb);
    }
    transparent_over_phrase(ctx, g)
}

/// How many words may stand between a verb like "went" and the "to" of its infinitive.
const PHRASE_REACH: usize = 4;

/// A verb like "went" or "took" a short phrase before the "to" at `to`, the phrase opening
/// with a preposition and holding no clause and no other infinitive: "went out of his way to
/// say", "took to Twitter to say", "went on CNN to declare". Not "tried to get voters to say"
/// (another infinitive: the voters say), "went home because they wanted to say" (a clause),
/// "seemed ready to say", "it takes this long to confirm" (no preposition: a state, a time).
fn transparent_over_phrase(ctx: &Ctx, to: usize) -> Option<usize> {
    let text = ctx.text;
    let clause = Class::VERB
        | Class::CONJ
        | Class::SUB
        | Class::REL
        | Class::NEG
        | Class::AUX
        | Class::BE
        | Class::HAVE
        | Class::PRON
        | Class::OBJ;
    let lo = to.saturating_sub(PHRASE_REACH + 1).max(ctx.start);
    for k in (lo..to).rev() {
        let t = &text.tokens[k];
        if t.info.is(Class::TRANSPARENT) && !t.has(TokenFlags::CAP) {
            return (k + 1 < to && text.tokens[k + 1].info.is(Class::PREP)).then_some(k);
        }
        let infinitive = text.word(k) == "to"
            && text
                .tokens
                .get(k + 1)
                .is_some_and(|n| !n.has(TokenFlags::CAP));
        let word = t.kind == TokenKind::Word && (t.is_cap_word() || !t.info.is(clause));
        if !word || infinitive {
            return None;
        }
    }
    None
}

/// Does a gerund of a verb like "going" at `i` open a verb group whose infinitive is a speech
/// verb's: "going on to say that ..." (with "on": "going to say" is a future)? The group then
/// reads as a participle of speech (", going on to say that C").
pub(crate) fn opens_speech_infinitive(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    if !t.info.is(Class::TRANSPARENT) || t.has(TokenFlags::CAP) || !text.word(i).ends_with("ing") {
        return false;
    }
    let mut k = i + 1;
    while text.word(k) == "on" {
        k += 1;
    }
    k > i + 1
        && text.word(k) == "to"
        && is_verb_form(text, k + 1, |forms, verb| {
            forms.intersects(Form::BASE) && verb.has(VerbFlags::SPEECH)
        })
}

/// The verb form at `i` is an adjective or a noun after what stands right before it: "the said
/// agreement", "their reported ties", "Reuters' report", "all told".
fn is_adjective_use(text: &Text, i: usize) -> bool {
    let before = &text.tokens[i - 1];
    before.info.is(Class::ATTRIBUTIVE_DET)
        || text.word(i - 1).eq_ignore_ascii_case("all") && text.word(i) == "told"
        || before.kind == TokenKind::Possessive
}

/// A participle between a number and the noun it describes is an adjective inside a noun
/// phrase, no verb: "roughly 270 pledged delegates", "5 reported cases", "her 1,280 pledged
/// delegates". Not before what opens a clause or names someone: "Seven said they would",
/// "60 said the plan failed", "2,000 told Reuters", "4 in 10 said billionaire Donald Trump
/// would" (a share of people, and a title before a name).
fn numbered_participle(text: &Text, i: usize, hit: &VerbHit) -> bool {
    let number = &text.tokens[i - 1];
    let Some(next) = text.tokens.get(i + 1) else {
        return false;
    };
    let share = i >= 3 && text.word(i - 2) == "in" && text.tokens[i - 3].kind == TokenKind::Number;
    let before_name = text.tokens.get(i + 2).is_some_and(Token::is_cap_word);
    let opens_clause = Class::DET
        | Class::POSS
        | Class::PRON
        | Class::OBJ
        | Class::PREP
        | Class::SUB
        | Class::CONJ
        | Class::REL
        | Class::ADV
        | Class::AUX
        | Class::BE
        | Class::HAVE
        | Class::NEG
        | Class::QUANTIFIER;
    hit.has(Form::PARTICIPLE)
        && !share
        && !before_name
        && number.kind == TokenKind::Number
        && next.kind == TokenKind::Word
        && !next.has(TokenFlags::CAP)
        && !next.has(TokenFlags::LY)
        && !next.info.is(opens_clause)
}

/// Is the word at `i`, in lower case, a form of a reporting verb that `accepts` (the form it
/// is, the verb)? "telling" is a gerund of "tell".
pub(crate) fn is_verb_form(text: &Text, i: usize, accepts: impl Fn(Form, &Verb) -> bool) -> bool {
    let Some(token) = text.tokens.get(i) else {
        return false;
    };
    let lex = lexicon();
    !token.has(TokenFlags::CAP)
        && lex
            .verb_forms(token.info)
            .iter()
            .any(|f| accepts(f.forms, lex.verb(f.verb)))
}

/// A form of "be" that makes the verb after it passive: "was quoted", "is cited".
pub(crate) fn is_passive_be(token: &Token) -> bool {
    token.info.is(Class::BE) && !token.info.is(Class::NEG)
}

#[cfg(test)]
mod tests {
    use super::verb_at;
    use crate::lexicon::lexicon;
    use crate::rules::Ctx;
    use crate::text::Text;

    /// The verb group of the reporting verb spelled `verb` in `input`: its words and which of
    /// perfect, be, modal and negated it has; `None` where the word is no verb there.
    fn check(input: &str, verb: &str, expected: Option<(&str, &str)>) {
        let text = Text::new(input, lexicon());
        let ctx = Ctx::new(&text, 0, false);
        let i = (ctx.start..ctx.end)
            .find(|&k| text.word(k) == verb)
            .unwrap_or_else(|| panic!("no {verb:?} in {input:?}"));
        let got = verb_at(&ctx, i).map(|hit| {
            let group = text
                .span(crate::text::TokenRange::new(hit.group_start, hit.cue.end))
                .slice(input)
                .to_string();
            let flags: Vec<&str> = [
                (hit.perfect, "perfect"),
                (hit.be, "be"),
                (hit.modal, "modal"),
                (hit.negated, "negated"),
            ]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
            (group, flags.join(" "))
        });
        let expected = expected.map(|(g, f)| (g.to_string(), f.to_string()));
        assert_eq!(got, expected, "\ninput: {input}");
    }

    #[test]
    fn auxiliaries_and_adverbs_make_the_verb_group() {
        check("He has said so.", "said", Some(("has said", "perfect")));
        check(
            "He hasn't said so.",
            "said",
            Some(("hasn't said", "perfect negated")),
        );
        check("He is saying so.", "saying", Some(("is saying", "be")));
        check(
            "He wasn’t saying so.",
            "saying",
            Some(("wasn’t saying", "be negated")),
        );
        check(
            "He did not say so.",
            "say",
            Some(("did not say", "modal negated")),
        );
        check(
            "He would never say so.",
            "say",
            Some(("would never say", "modal negated")),
        );
        check(
            "He has repeatedly said so.",
            "said",
            Some(("has repeatedly said", "perfect")),
        );
        check(
            "They pointed out the risk.",
            "pointed",
            Some(("pointed out", "")),
        );
        // A pronoun's "'s" is "has" or "is"; a word between "has" and a participle an adverb.
        check("He's said so.", "said", Some(("'s said", "perfect")));
        check(
            "She’s telling allies so.",
            "telling",
            Some(("’s telling", "be")),
        );
        check(
            "She has since said so.",
            "said",
            Some(("has since said", "perfect")),
        );
        check(
            "He has long said so.",
            "said",
            Some(("has long said", "perfect")),
        );
        // A name's "'s" is a possessive; "has" before a phrase is no auxiliary of the verb.
        check("Trump's said policy.", "said", None);
        check("She has the said document.", "said", None);
        check(
            "The rule, as it's currently written, adds a number.",
            "written",
            Some(("currently written", "")),
        );
    }

    #[test]
    fn an_infinitive_counts_only_after_verbs_like_tried() {
        check(
            "Trump has recently tried to suggest it.",
            "suggest",
            Some(("has recently tried to suggest", "perfect modal")),
        );
        check(
            "He went on to say it.",
            "say",
            Some(("went on to say", "modal")),
        );
        check("He declined to say it.", "say", None);
        check(
            "She then went on to say it.",
            "say",
            Some(("then went on to say", "modal")),
        );
        check(
            "He continues to insist it.",
            "insist",
            Some(("continues to insist", "modal")),
        );
        check(
            "Lewis, going on to say it, left.",
            "say",
            Some(("going on to say", "modal")),
        );
        // A gerund without "on" is a future: "we're going to tell".
        check("What we're going to tell them.", "tell", None);
        // A short phrase between: no clause, no other infinitive.
        check(
            "He went out of his way to say it.",
            "say",
            Some(("went out of his way to say", "modal")),
        );
        check(
            "Clinton took to Twitter to say thanks.",
            "say",
            Some(("took to Twitter to say", "modal")),
        );
        check("He tried to get voters to say it.", "say", None);
        check("He went home because they wanted to say it.", "say", None);
        check("They seemed ready to say it.", "say", None);
        check("He wanted to say it.", "say", None);
    }

    #[test]
    fn adjectives_nouns_and_passive_participles_are_no_verbs() {
        check("The said agreement was signed.", "said", None);
        check("Their reported ties are old.", "reported", None);
        check("All told, ten died.", "told", None);
        check("Reuters' report was wrong.", "report", None);
        check("A document proposed by the US failed.", "proposed", None);
        // "by telephone" is the means, no agent: the verb is active.
        check(
            "\"We won,\" he said by telephone.",
            "said",
            Some(("said", "")),
        );
        // After "has", "by" is the agent of an active verb: "has reported by phone".
        check(
            "He has reported by phone.",
            "reported",
            Some(("has reported", "perfect")),
        );
        // A capital inside the sentence is a name, not a verb.
        check("He met Said Ali.", "Said", None);
        // A passive participle before its complement: "charged with" (but "has charged").
        check(
            "A group charged with cleaning the park met.",
            "charged",
            None,
        );
        check(
            "Critics have charged that the vote was rigged.",
            "charged",
            Some(("have charged", "perfect")),
        );
        // A participle between a number and a noun describes the noun.
        check("She leads by 270 pledged delegates.", "pledged", None);
        check("There were 5 reported cases.", "reported", None);
        check(
            "Of those polled, 60 said they agreed.",
            "said",
            Some(("said", "")),
        );
        check(
            "Of those polled, 60 said the plan failed.",
            "said",
            Some(("said", "")),
        );
        check("Of them, 20 told Reuters so.", "told", Some(("told", "")));
        check(
            "More than 4 in 10 said billionaire Donald Trump would win.",
            "said",
            Some(("said", "")),
        );
    }
}
