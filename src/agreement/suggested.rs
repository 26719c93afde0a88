//! The rules' suggestions as one more analyst, so that agreement can say how far each
//! analyst follows them. Only what the rules propose is compared: a context or time horizon
//! the rules never set is left out of the comparison rather than counted as a
//! disagreement.

use super::units::{Attribute, Layer, Unit, Value, sort_units};
use crate::model::{Document, Project};
use crate::suggest::{self, ActorRef, Detail, Gazetteer, StanceTargetRef, Suggestion};
use std::sync::Arc;

/// The name the suggestions go by among the analysts.
pub const SUGGESTIONS: &str = "(suggestions)";

fn actor(actor: &ActorRef) -> Value {
    match actor {
        ActorRef::Project(id) => Value::Actor(*id),
        ActorRef::New(new) => Value::NewActor(new.name.clone()),
    }
}

fn optional_actor(a: &Option<ActorRef>) -> Value {
    a.as_ref().map_or(Value::Missing, actor)
}

/// Addressees as a set: registry ids when all are in the registry, else the names.
fn addressees(list: &[ActorRef]) -> Value {
    let mut ids: Vec<_> = list
        .iter()
        .filter_map(|a| match a {
            ActorRef::Project(id) => Some(*id),
            ActorRef::New(_) => None,
        })
        .collect();
    if ids.len() == list.len() {
        ids.sort();
        ids.dedup();
        return Value::Actors(ids);
    }
    let mut names: Vec<String> = list.iter().map(|a| actor(a).to_string()).collect();
    names.sort();
    names.dedup();
    Value::Key(names.join(", "))
}

fn non_empty(key: &str) -> Value {
    if key.is_empty() {
        Value::Missing
    } else {
        Value::Key(key.to_owned())
    }
}

/// One suggestion as a unit of `layer`, if it is of that layer.
fn unit_of(s: &Suggestion, layer: Layer, name: &Arc<str>, index: usize) -> Option<Unit> {
    let (ranges, category, attributes) = match (&s.detail, layer) {
        (Detail::Mention { actor: a }, Layer::Mentions) => (
            vec![(s.start, s.end)],
            actor(a),
            vec![(Attribute::Actor, actor(a))],
        ),
        (
            Detail::Statement {
                speaker,
                attribution,
                ..
            },
            Layer::Statements,
        ) => (
            vec![(s.start, s.end)],
            Value::Key(attribution.clone()),
            vec![
                (Attribute::Speaker, optional_actor(speaker)),
                (Attribute::Attribution, Value::Key(attribution.clone())),
            ],
        ),
        (
            Detail::Commitment {
                statement,
                committer,
                addressees: to,
                strength,
                category,
                ..
            },
            Layer::Commitments,
        ) => (
            vec![*statement],
            non_empty(category),
            vec![
                (Attribute::Committer, optional_actor(committer)),
                (Attribute::Addressees, addressees(to)),
                (Attribute::Category, non_empty(category)),
                (Attribute::Strength, Value::Key(strength.clone())),
            ],
        ),
        (
            Detail::Stance {
                statement,
                holder,
                target,
                polarity,
                ..
            },
            Layer::Stances,
        ) => {
            let target = match target {
                None => Value::Missing,
                Some(StanceTargetRef::Actor(a)) => actor(a),
                Some(StanceTargetRef::Topic(topic)) => Value::Topic(topic.clone()),
            };
            (
                vec![*statement],
                target.clone(),
                vec![
                    (Attribute::Holder, optional_actor(holder)),
                    (Attribute::Target, target),
                    (Attribute::Polarity, Value::Key(polarity.clone())),
                ],
            )
        }
        _ => return None,
    };
    Some(Unit {
        // Suggestions have no ids: their place in the list stands in for one.
        id: crate::model::Id(index as u64),
        analyst: name.clone(),
        layer,
        ranges,
        category,
        attributes,
    })
}

/// What the rules propose for `doc` (before anything is rejected or coded: every analyst
/// is measured against the same suggestions), as units of every layer, sorted.
pub fn suggested_units(project: &Project, doc: &Document, gazetteer: &Gazetteer) -> Vec<Unit> {
    let name: Arc<str> = Arc::from(SUGGESTIONS);
    let proposals = suggest::proposals(project, doc, gazetteer);
    let name = &name;
    let mut units: Vec<Unit> = Layer::ALL
        .into_iter()
        .flat_map(|layer| {
            proposals
                .iter()
                .enumerate()
                .filter_map(move |(i, s)| unit_of(s, layer, name, i))
        })
        .collect();
    sort_units(&mut units);
    units
}
