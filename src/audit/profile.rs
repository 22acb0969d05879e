//! Sourcing profiles: of the whole run, per publisher and per document.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{DocumentProfile, Facts, Profile, PublisherProfile};
use crate::graph::ProvGraph;
use crate::model::{Attribution, Kind};

/// The kind of a statement's origin, as the profiles count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    /// A named person.
    Person,
    /// A named organization or group.
    Organization,
    /// An outlet.
    Outlet,
    /// An unnamed source ("officials", "a source familiar with the matter").
    Unnamed,
    /// No source: the chain is empty (never from the analysis; see the module's header).
    NoSource,
}

impl OriginKind {
    pub const ALL: [OriginKind; 5] = [
        OriginKind::Person,
        OriginKind::Organization,
        OriginKind::Outlet,
        OriginKind::Unnamed,
        OriginKind::NoSource,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OriginKind::Person => "person",
            OriginKind::Organization => "organization",
            OriginKind::Outlet => "outlet",
            OriginKind::Unnamed => "unnamed",
            OriginKind::NoSource => "no_source",
        }
    }

    /// How a table heads it.
    pub fn heading(self) -> &'static str {
        match self {
            OriginKind::Person => "named people",
            OriginKind::Organization => "named organizations",
            OriginKind::Outlet => "outlets",
            OriginKind::Unnamed => "unnamed sources",
            OriginKind::NoSource => "no source",
        }
    }

    fn of(kind: Kind) -> OriginKind {
        match kind {
            Kind::Person => OriginKind::Person,
            Kind::Organization | Kind::Group => OriginKind::Organization,
            Kind::Outlet => OriginKind::Outlet,
            Kind::Unnamed => OriginKind::Unnamed,
        }
    }
}

/// A chain's number of hops, as the profiles count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Length {
    #[serde(rename = "1")]
    One,
    #[serde(rename = "2")]
    Two,
    #[serde(rename = "3+")]
    ThreeOrMore,
}

impl Length {
    pub const ALL: [Length; 3] = [Length::One, Length::Two, Length::ThreeOrMore];

    pub fn as_str(self) -> &'static str {
        match self {
            Length::One => "1",
            Length::Two => "2",
            Length::ThreeOrMore => "3+",
        }
    }

    fn of(hops: usize) -> Option<Length> {
        match hops {
            0 => None,
            1 => Some(Length::One),
            2 => Some(Length::Two),
            _ => Some(Length::ThreeOrMore),
        }
    }
}

impl Profile {
    /// Counts one statement.
    fn add(&mut self, attribution: &Attribution, facts: &Facts) {
        let id = attribution.id.clone();
        let origin = match attribution.hops.first() {
            Some(hop) => OriginKind::of(facts.kind(&hop.node)),
            None => OriginKind::NoSource,
        };
        self.origins[origin as usize].push(id.clone());
        if let Some(length) = Length::of(attribution.hops.len()) {
            self.lengths[length as usize].push(id.clone());
        }
        if !facts
            .leaned_on(&attribution.document, &attribution.hops)
            .is_empty()
        {
            self.through_outlet.push(id.clone());
        }
        self.statements.push(id);
    }
}

/// The run's profile, each publisher's and each document's.
pub(super) fn profiles(
    graph: &ProvGraph,
    facts: &Facts,
) -> (Profile, Vec<PublisherProfile>, Vec<DocumentProfile>) {
    let mut total = Profile::default();
    // Documents come sorted by id, and attributions by document: one pass fills both.
    let mut documents: Vec<DocumentProfile> = graph
        .documents
        .iter()
        .map(|document| DocumentProfile {
            document: document.id.clone(),
            publisher: document.publisher.clone(),
            ..DocumentProfile::default()
        })
        .collect();
    let at: rustc_hash::FxHashMap<&str, usize> = graph
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    for attribution in &graph.attributions {
        total.add(attribution, facts);
        if let Some(&i) = at.get(attribution.document.as_str()) {
            let document = &mut documents[i];
            document.profile.add(attribution, facts);
            if let Some(origin) = attribution.hops.first() {
                document.origins.push(origin.node.clone());
            }
        }
    }
    for document in &mut documents {
        document.origins = super::sorted(std::mem::take(&mut document.origins));
    }
    let publishers = publisher_profiles(graph, facts, &documents);
    (total, publishers, documents)
}

/// One profile per publisher, the unknown publisher last.
fn publisher_profiles(
    graph: &ProvGraph,
    facts: &Facts,
    documents: &[DocumentProfile],
) -> Vec<PublisherProfile> {
    let mut by_publisher: BTreeMap<(bool, Option<&str>), PublisherProfile> = BTreeMap::new();
    for document in documents {
        let publisher = document.publisher.as_deref();
        by_publisher
            .entry((publisher.is_none(), publisher))
            .or_insert_with(|| PublisherProfile {
                publisher: document.publisher.clone(),
                ..PublisherProfile::default()
            })
            .documents
            .push(document.document.clone());
    }
    for attribution in &graph.attributions {
        let publisher = facts.publisher(&attribution.document);
        if let Some(profile) = by_publisher.get_mut(&(publisher.is_none(), publisher)) {
            profile.profile.add(attribution, facts);
        }
    }
    by_publisher.into_values().collect()
}
