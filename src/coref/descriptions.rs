//! Descriptions: phrases headed by a role noun. A document speaks for its owner ("The White
//! House statement", "the statement" after someone spoke in one); a definite description refers
//! back to the most recent entity of its kind whose titles or name fit ("the adviser", "the
//! agency", "the newspaper", "the Russian diplomat"); any other is a source of its own, named by
//! its words ("officials", "the Kremlin's press service" → "Kremlin press service").

use crate::lexicon::{Class, OutletKind, Role, RoleType, lexicon};
use crate::mention::{Gender, Mention, MentionKind};
use crate::model::Kind;
use crate::text::token::TokenFlags;
use crate::text::{Text, TokenRange};

use super::{At, Coref, EntityBuild, Event};

/// A description's parts, as [`MentionKind::Description`] gives them.
pub(super) struct Description<'m> {
    mention: &'m Mention,
    /// The head noun's token.
    head: usize,
    /// The head noun's role.
    role: &'static Role,
    plural: bool,
    /// "the", "this", a possessive: it refers back to something named before.
    definite: bool,
    /// Who it belongs to: the possessor or the complement.
    owner: Option<&'m Mention>,
    /// The phrase without its determiner.
    label: TokenRange,
}

impl<'m> Description<'m> {
    /// The parts of `mention`, if it is a description.
    pub(super) fn of(mention: &'m Mention) -> Option<Description<'m>> {
        let MentionKind::Description {
            head,
            role,
            plural,
            definite,
            owner,
            label,
        } = &mention.kind
        else {
            return None;
        };
        Some(Description {
            mention,
            head: *head,
            role: &lexicon().roles[*role as usize],
            plural: *plural,
            definite: *definite,
            owner: owner.as_deref(),
            label: *label,
        })
    }

    /// Does it refer back to an entity named before? Definite, singular, and owned by no one
    /// but maybe a pronoun ("its spokesman").
    fn refers_back(&self) -> bool {
        self.definite
            && self
                .owner
                .is_none_or(|o| matches!(o.kind, MentionKind::Pronoun { .. }))
            && !self.plural
    }
}

/// What a definite description asks of the entity it refers to.
struct Antecedent<'r> {
    role: &'r Role,
    /// The head noun, lower-cased.
    head_word: String,
    /// Its nationality and capitalized modifiers, lower-cased ("the Russian diplomat"): the
    /// entity must have each among its words.
    modifiers: Vec<String>,
    /// The press names it ("the news organization"): any outlet fits.
    press: bool,
}

impl Antecedent<'_> {
    /// Does entity `e` fit? The cheap tests of kind come first: the words of the entity are
    /// only searched when they decide.
    fn fits(&self, e: &EntityBuild) -> bool {
        let role = self.role;
        let role_match =
            || role.refers.iter().any(|r| e.has_word(r)) || e.has_word(&self.head_word);
        let any_of_kind = role.kind == RoleType::Outlet;
        let press_outlet = self.press && e.kind == Kind::Outlet;
        (kind_fits(role, e) && (any_of_kind || role_match()) || is_agency(role, e) || press_outlet)
            && self.modifiers.iter().all(|m| e.has_word(m))
    }
}

/// Is `e` of the kind the role noun names? A person for "the adviser" (or a role that names
/// people); an organization for "the ministry", or a bare name not known to be a person
/// ("Qantas ... the airline"); an outlet of the role's kind of outlet for "the newspaper".
fn kind_fits(role: &Role, e: &EntityBuild) -> bool {
    let bare_name = e.kind == Kind::Person && e.name_words.len() == 1 && !e.personal;
    match role.kind {
        RoleType::Person => e.animate,
        RoleType::Org if bare_name => true,
        // "The group" after "a group of employees".
        RoleType::Org => {
            matches!(e.kind, Kind::Organization | Kind::Group)
                || role.outlet.is_some() && e.outlet_kind == role.outlet
        }
        RoleType::Outlet => {
            e.kind == Kind::Outlet
                && role
                    .outlet
                    .is_none_or(|kind| e.outlet_kind.is_none_or(|k| k == kind))
        }
        RoleType::Document | RoleType::Media => false,
    }
}

/// Is token `i` a lower-case word naming news outlets ("news", "wire"): an outlet modifier
/// that, capitalized, is an outlet word ("News"), unlike "state-run" or "official", and no
/// noun for the media at large ("press": "the press service" speaks for its owner)?
fn is_press_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    // "press" names the media at large: "the press service" speaks for its owner.
    let media = lexicon()
        .role(t.info)
        .is_some_and(|r| r.kind == RoleType::Media);
    if !t.info.is(Class::OUTLET_MODIFIER) || t.has(TokenFlags::CAP) || media {
        return false;
    }
    let word = text.word(i);
    let mut chars = word.chars();
    let capitalized: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    lexicon().spelled(Class::OUTLET_WORD, &capitalized)
}

/// Is `e` an agency for "the agency", whatever its words: a news agency, or an organization
/// with a word of a government body in its name ("Ministry of Defence", "Secret Service")?
fn is_agency(role: &Role, e: &EntityBuild) -> bool {
    let mut buf = String::new();
    role.kind == RoleType::Org
        && role.outlet == Some(OutletKind::Agency)
        && (e.outlet_kind == Some(OutletKind::Agency)
            || e.kind == Kind::Organization
                && e.all_words()
                    .any(|w| lexicon().word(&w, &mut buf).is(Class::AGENCY_WORD)))
}

impl Coref<'_, '_> {
    /// The entity a description names.
    pub(super) fn description(&mut self, d: &Description, at: At) -> Option<usize> {
        let owner_entity = self.owner_entity(d, at);
        let found = match d.role.kind {
            RoleType::Document => owner_entity.or_else(|| self.document_speaker(d)),
            _ => None,
        };
        let found = found.or_else(|| self.description_antecedent(d, at));
        let entity = match found {
            Some(entity) => entity,
            None => self.description_entity(d, owner_entity),
        };
        self.add_alias(entity, d.mention.np);
        Some(entity)
    }

    /// The entity of the description's owner ("the Kremlin" of "the Kremlin's press service"),
    /// resolved as a mention that is no source.
    fn owner_entity(&mut self, d: &Description, at: At) -> Option<usize> {
        let owner = d.owner?;
        if matches!(owner.kind, MentionKind::Other) {
            return None;
        }
        let at = At {
            source: false,
            relay: false,
            ..at
        };
        self.resolve(owner, at)
    }

    /// Who a definite document speaks for ("the statement", "the report"): the last body
    /// (organization or outlet) to speak before it, or failing that the last source that spoke
    /// "in a statement". Relays do not count.
    fn document_speaker(&self, d: &Description) -> Option<usize> {
        if !d.definite {
            return None;
        }
        let first = d.mention.np.start;
        let before = |ev: &&Event| ev.source && !ev.relay && ev.token < first;
        let body = |ev: &&Event| {
            matches!(
                self.entities[ev.entity].kind,
                Kind::Organization | Kind::Outlet
            )
        };
        let found = self.recent().filter(before).find(body).or_else(|| {
            self.recent()
                .filter(before)
                .find(|ev| self.entities[ev.entity].statement)
        });
        found.map(|ev| ev.entity)
    }

    /// The entity a definite description refers back to ("the adviser", "the agency", "the
    /// ministry"): the most recent one before it, outside the content its statement
    /// attributes, that fits. A bare name it refers to as an organization is one after all
    /// ("Qantas ... the airline announced").
    fn description_antecedent(&mut self, d: &Description, at: At) -> Option<usize> {
        if !d.refers_back() {
            return None;
        }
        let wanted = self.antecedent_wanted(d);
        // An entity fits or not wherever it was mentioned: each is tested once, at its most
        // recent mention.
        let mut tested = vec![false; self.entities.len()];
        let first = d.mention.np.start;
        let entity = self
            .recent()
            .filter(|ev| ev.token < first && at.allows(ev.token))
            .map(|ev| ev.entity)
            .find(|&i| {
                !std::mem::replace(&mut tested[i], true) && wanted.fits(&self.entities[i])
            })?;
        let e = &mut self.entities[entity];
        if d.role.kind == RoleType::Org && e.kind == Kind::Person {
            e.kind = Kind::Organization;
            e.animate = false;
        }
        Some(entity)
    }

    /// What description `d` asks of its antecedent: its role, head word and modifiers.
    fn antecedent_wanted(&self, d: &Description) -> Antecedent<'static> {
        let text = self.text;
        let modifiers = (d.label.start..d.head)
            .filter(|&i| text.tokens[i].info.is(Class::NATIONALITY) || text.tokens[i].is_cap_word())
            .map(|i| text.word(i).to_lowercase())
            .collect();
        Antecedent {
            role: d.role,
            head_word: text.word(d.head).to_lowercase(),
            modifiers,
            press: d.role.kind == RoleType::Org && self.named_by_press(d),
        }
    }

    /// A new source of its own for a description that refers to none before it, named by its
    /// words. It is generic (a different source in every document) unless it belongs to a
    /// named source ("the Kremlin's press service").
    fn description_entity(&mut self, d: &Description, owner_entity: Option<usize>) -> usize {
        let label = self.description_label(d);
        let role = d.role;
        let kind = self.description_kind(d, owner_entity);
        let key = self.slug_key("desc:", &label);
        let gender = match role.gender {
            'm' => Gender::Male,
            'f' => Gender::Female,
            _ => Gender::Unknown,
        };
        let named_owner = owner_entity.is_some_and(|o| {
            let e = &self.entities[o];
            !e.generic
                && matches!(
                    e.kind,
                    Kind::Person | Kind::Organization | Kind::Outlet | Kind::Group
                )
        });
        // Members of a party are the same group in every document ("Democrats").
        let generic = (kind == Kind::Unnamed || !named_owner) && !(d.plural && role.party);
        let plural = d.plural || role.kind == RoleType::Media;
        // One person, not of a person named beside ("a spokesman for Yasser Arafat" is not the
        // next spokesman named).
        let of_person = owner_entity.is_some_and(|o| self.entities[o].kind == Kind::Person);
        let one_person =
            role.kind == RoleType::Person && !plural && kind == Kind::Unnamed && !of_person;
        self.entity_for_key(key, || {
            let mut e = EntityBuild::new(label, kind);
            e.described = one_person.then_some((d.label, d.head));
            e.plural = plural;
            e.animate = role.kind == RoleType::Person;
            e.gender = gender;
            e.generic = generic;
            e
        })
    }

    /// The kind of source a description that refers to none before it names:
    /// - people of a person ("Flynn's lawyers") or members of a party ("Democrats", "House
    ///   Republicans") are a group; people of an organization ("White House advisers") or of no
    ///   one ("officials") are unnamed, as is one of them ("a spokesman");
    /// - a body of people ("a group of employees", not "a group for employees") is a group;
    /// - several bodies or outlets ("authorities", "international media outlets") are unnamed,
    ///   unless a name says whose they are ("U.S. intelligence agencies"); one is an organization ("the ministry"), an outlet ("the newspaper"), or an outlet when
    ///   the press names it ("the news organization", not "the state-run organization").
    fn description_kind(&self, d: &Description, owner_entity: Option<usize>) -> Kind {
        let owner_kind = owner_entity.map(|o| self.entities[o].kind);
        match d.role.kind {
            RoleType::Person if d.plural && d.role.party => Kind::Group,
            RoleType::Person
                if d.plural && matches!(owner_kind, Some(Kind::Person | Kind::Group)) =>
            {
                Kind::Group
            }
            RoleType::Person | RoleType::Media | RoleType::Document => Kind::Unnamed,
            RoleType::Org | RoleType::Outlet if d.plural && !self.proper_modifier(d) => {
                Kind::Unnamed
            }
            RoleType::Org if self.of_people(d) => Kind::Group,
            RoleType::Org if self.named_by_press(d) => Kind::Outlet,
            RoleType::Org => Kind::Organization,
            RoleType::Outlet => Kind::Outlet,
        }
    }

    /// Does a capitalized word or a nationality modify the head: "U.S. intelligence agencies",
    /// "Russian authorities"; not "prison authorities", "Authorities" (opening a sentence)?
    fn proper_modifier(&self, d: &Description) -> bool {
        let text = self.text;
        (d.label.start..d.head).any(|i| {
            let t = &text.tokens[i];
            t.info.is(Class::NATIONALITY) || t.is_cap_word() || t.has(TokenFlags::ALL_CAPS)
        })
    }

    /// Is the description a body "of" people: "a group of employees", "a coalition of
    /// workers"? Not "a group for employees", "a group of companies".
    fn of_people(&self, d: &Description) -> bool {
        d.owner.is_some_and(|owner| {
            let people = matches!(&owner.kind, MentionKind::Description { role, plural: true, .. }
                if lexicon().roles[*role as usize].kind == RoleType::Person);
            people && owner.np.start > 0 && self.text.word(owner.np.start - 1) == "of"
        })
    }

    /// Is the head of the description modified by a word that names the press ("the news
    /// organization", "a wire service"): a lower-case outlet modifier that is an outlet word
    /// when capitalized ("News", "Press"; not "state-run")?
    fn named_by_press(&self, d: &Description) -> bool {
        d.head > d.label.start && is_press_word(self.text, d.head - 1)
    }

    /// The words of a description's label; an owner named by a name loses its possessive
    /// ("the Kremlin's press service" → "Kremlin press service").
    fn description_label(&self, d: &Description) -> String {
        let label = self.words(d.label);
        let named_owner = d.owner.is_some_and(|o| {
            matches!(
                o.kind,
                MentionKind::Known { .. }
                    | MentionKind::Organization { .. }
                    | MentionKind::Outlet { .. }
            )
        });
        match named_owner {
            true => label.replace("'s ", " ").replace("’s ", " "),
            false => label,
        }
    }
}

/// How many sentences after the description the name may come.
const NAMED_WITHIN: usize = 3;

impl Coref<'_, '_> {
    /// People described before they are named, as a lede does: "A California transit chief
    /// says a man was stabbed ... Interim BART Police Chief Ed Alvarez told reporters" (the
    /// chief is Ed Alvarez), "Austria's interior minister said ... Interior Minister Wolfgang
    /// Peschorn". The description (one person, by a role noun) is the first person named after
    /// it, within a few sentences, whose titles hold its noun and who was not named
    /// before it; not "a senior official said ... Interior Minister X" (no title of X is an
    /// official's). Gives each such pair (the description's entity, the person's), and moves
    /// the description's aliases and mentions to the person.
    pub(crate) fn people_named_later(&mut self) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for described in 0..self.entities.len() {
            let Some((label, head)) = self.entities[described].described else {
                continue;
            };
            if let Some(person) = self.named_after(described, label, head) {
                pairs.push((described, person));
            }
        }
        for &(from, to) in &pairs {
            for alias in self.aliases.iter_mut().filter(|(e, _)| *e == from) {
                alias.0 = to;
            }
            let mentions = std::mem::take(&mut self.entities[from].mentions);
            self.entities[to].mentions += mentions;
        }
        pairs
    }

    /// The person named first after the description of entity `described`, of the words
    /// `label` and the noun at token `head` (see [`Coref::people_named_later`]). Whatever
    /// nationality or name modifies the noun must be among the person's words ("a White House
    /// spokesman" is no Chinese spokesman, "a Democratic senator" no Republican one), a place
    /// excepted ("A California transit chief ... BART Police Chief Ed Alvarez").
    fn named_after(&self, described: usize, label: TokenRange, head: usize) -> Option<usize> {
        let text = self.text;
        let sentence = text.sentence_of(head);
        let word = text.word(head).to_lowercase();
        let modifiers: Vec<String> = (label.start..head)
            .filter(|&i| {
                let t = &text.tokens[i];
                let place = || lexicon().is_place([text.word(i)]);
                t.info.is(Class::NATIONALITY) || t.is_cap_word() && !place()
            })
            .map(|i| text.word(i).to_lowercase())
            .collect();
        let fits = |e: &EntityBuild| {
            e.kind == Kind::Person
                && e.personal
                && e.has_word(&word)
                && modifiers.iter().all(|m| e.has_word(m))
        };
        // The window after the description is a few sentences long: the search is bounded.
        let first = self.entities[described].first_event?;
        let later = self.history[first..]
            .iter()
            .take_while(|ev| ev.sentence <= sentence + NAMED_WITHIN)
            .find(|ev| ev.token > head && fits(&self.entities[ev.entity]))?;
        let named_before = self.entities[later.entity]
            .first_event
            .is_some_and(|e| e < first);
        (!named_before).then_some(later.entity)
    }
}
