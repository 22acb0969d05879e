//! Pronouns and relative pronouns. "he" and "she" go to the most recent speaker of their
//! gender within reach, unless someone was named as the subject after that speaker spoke;
//! "it" to a thing, "they" to a group or an organization; "who" to the phrase before it. What
//! nothing fits becomes an unidentified source ("unidentified person").

use crate::lexicon::Class;
use crate::mention::{Gender, MentionKind, classify, np_end_before, np_start_before};
use crate::model::Kind;
use crate::text::TokenRange;

use super::{At, Coref, EntityBuild, Event};

/// Sentences back that a pronoun may reach for a speaker.
const PRONOUN_REACH: usize = 6;

/// A pronoun looking for its antecedent.
#[derive(Clone, Copy, Debug)]
struct Pronoun {
    /// Its token.
    token: usize,
    gender: Gender,
    plural: bool,
    at: At,
}

impl Pronoun {
    /// Can it refer to `e`? "they" to what is plural, an organization or a group; "it" to a
    /// single thing; "he", "she" to a single person of an agreeing gender.
    fn fits(&self, e: &EntityBuild) -> bool {
        if self.plural {
            e.plural || e.kind == Kind::Organization || e.kind == Kind::Group
        } else if self.gender == Gender::Neuter {
            !e.animate && !e.plural
        } else {
            e.animate && !e.plural && e.gender.agrees(self.gender)
        }
    }

    /// Is the mention `ev` before it, outside the content its statement attributes, and within
    /// its reach?
    fn usable(&self, ev: &Event) -> bool {
        ev.token < self.token
            && self.at.allows(ev.token)
            && self.at.sentence.saturating_sub(ev.sentence) <= PRONOUN_REACH
    }

    /// Is `ev` usable, and in this sentence or the one before?
    fn near(&self, ev: &Event) -> bool {
        self.usable(ev) && self.at.sentence.saturating_sub(ev.sentence) <= 1
    }
}

impl Coref<'_, '_> {
    /// The entity a pronoun at `token` refers to; none for "I", "we" and "you", which name
    /// the speaker or the one spoken to. "he" or "she" makes its entity a person for sure.
    pub(super) fn pronoun(
        &mut self,
        token: usize,
        gender: Gender,
        plural: bool,
        at: At,
    ) -> Option<usize> {
        if self.text.tokens[token].info.is(Class::FIRST_SECOND) {
            return None;
        }
        let pronoun = Pronoun {
            token,
            gender,
            plural,
            at,
        };
        let entity = match self.pronoun_antecedent(&pronoun) {
            Some(entity) => entity,
            None => self.unidentified(gender, plural),
        };
        if matches!(gender, Gender::Male | Gender::Female) {
            self.entities[entity].personal = true;
        }
        Some(entity)
    }

    /// The antecedent of a pronoun: the most recent speaker that fits, unless someone who fits
    /// was named as the subject after that speaker spoke; failing a speaker, the most recent
    /// fitting name in this or the previous sentence, a subject first; failing that, the
    /// farther antecedents.
    fn pronoun_antecedent(&self, pronoun: &Pronoun) -> Option<usize> {
        let fits = |ev: &&Event| pronoun.fits(&self.entities[ev.entity]);
        let speaker = self
            .recent()
            .filter(|ev| pronoun.usable(ev) && ev.source)
            .find(fits);
        // A subject before anyone named elsewhere in the clause ("Yet Sondland has amended his
        // testimony about Biden — "I now do recall," he said": he is Sondland).
        let named_subject = self
            .recent()
            .filter(|ev| pronoun.near(ev))
            .find(|ev| ev.subject && fits(ev));
        let named =
            named_subject.or_else(|| self.recent().filter(|ev| pronoun.near(ev)).find(fits));
        match (speaker, named) {
            // Someone named as the subject after the last speaker spoke is who "he" is.
            (Some(s), Some(n)) if n.token > s.token && n.subject && !n.source => Some(n.entity),
            (Some(s), _) => Some(s.entity),
            (None, Some(n)) => Some(n.entity),
            (None, None) => self.far_antecedent(pronoun),
        }
    }

    /// Further back: anyone who fits within reach, then a speaker who fits at any distance.
    fn far_antecedent(&self, pronoun: &Pronoun) -> Option<usize> {
        let fits = |ev: &&Event| pronoun.fits(&self.entities[ev.entity]);
        let anyone = self.recent().filter(|ev| pronoun.usable(ev)).find(fits);
        let far_speaker = self
            .recent()
            .filter(|ev| ev.source && ev.token < pronoun.token)
            .find(fits);
        anyone.or(far_speaker).map(|ev| ev.entity)
    }

    /// The source a pronoun names when nothing before it fits: "unidentified person",
    /// "unidentified organization", "unidentified sources".
    fn unidentified(&mut self, gender: Gender, plural: bool) -> usize {
        let (label, animate) = match (plural, gender) {
            (true, _) => ("unidentified sources", true),
            (false, Gender::Neuter) => ("unidentified organization", false),
            (false, _) => ("unidentified person", true),
        };
        let key = self.plain_key("unidentified:", label);
        self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label.to_string(), Kind::Unnamed);
            e.generic = true;
            e.animate = animate;
            e.plural = plural;
            e
        })
    }

    /// "Sondland, who said": the relative pronoun at `token` names what the phrase before the
    /// comma (or right before "who") names, if that can be a source; a time expression between
    /// them is no part of it ("the Guardian newspaper Wednesday, which claimed").
    pub(super) fn relative(&mut self, token: usize, at: At) -> Option<usize> {
        let text = self.text;
        let mut end = token.checked_sub(1)?;
        if text.word(end) == "," {
            end = end.checked_sub(1)?;
        }
        let sentence_start = text.sentences[at.sentence].start;
        let end = np_end_before(text, sentence_start, end + 1)?;
        let start = np_start_before(text, sentence_start, end)?;
        let antecedent = classify(text, TokenRange::new(start, end + 1));
        if matches!(antecedent.kind, MentionKind::Relative | MentionKind::Other) {
            return None;
        }
        self.resolve_kind(
            &antecedent,
            At {
                source: false,
                ..at
            },
        )
    }
}
