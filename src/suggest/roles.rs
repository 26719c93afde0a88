//! The rules speak in roles — the default codebook's keys ("certain", "AGREE", "person")
//! — and never in a project's own keys: analysts may rename any key in the codebook
//! editor. Actor kinds read from the project are turned into roles on the way in
//! ([`actor_kind`]), and every suggestion's codebook values into the project's keys on
//! the way out ([`to_project_keys`]).

use super::{ActorRef, Detail, StanceTargetRef, Suggestion};
use crate::model::{Codebook, CodebookList, Project};

/// The role of an actor's kind: a project actor's kind through the codebook; a new
/// actor's kind is already a role.
pub(crate) fn actor_kind<'a>(project: &'a Project, actor: &'a ActorRef) -> &'a str {
    match actor {
        ActorRef::Project(id) => project.actor(*id).map_or("", |a| {
            project.codebook.role_of(CodebookList::ActorKinds, &a.kind)
        }),
        ActorRef::New(n) => n.kind.as_str(),
    }
}

/// Rewrites every role in `list` as the key the project's codebook gives it. A role the
/// codebook has no active entry for stays as it is (accepting it falls back to the
/// list's first entry, as for any unknown key).
pub(crate) fn to_project_keys(codebook: &Codebook, list: &mut [Suggestion]) {
    let key = |which: CodebookList, value: &mut String| {
        if value.is_empty() {
            return;
        }
        if let Some(entry) = codebook.by_role(which, value)
            && entry.key != *value
        {
            *value = entry.key.clone();
        }
    };
    let actor = |a: &mut ActorRef| {
        if let ActorRef::New(n) = a {
            key(CodebookList::ActorKinds, &mut n.kind);
            if let Some(affiliation) = n.affiliation.as_deref_mut()
                && let ActorRef::New(m) = affiliation
            {
                key(CodebookList::ActorKinds, &mut m.kind);
            }
        }
    };
    for s in list {
        match &mut s.detail {
            Detail::Mention { actor: a } => actor(a),
            Detail::Statement {
                speaker,
                attribution,
                ..
            } => {
                speaker.iter_mut().for_each(actor);
                key(CodebookList::AttributionModes, attribution);
            }
            Detail::Commitment {
                committer,
                addressees,
                strength,
                category,
                ..
            } => {
                committer.iter_mut().for_each(actor);
                addressees.iter_mut().for_each(actor);
                key(CodebookList::Strengths, strength);
                key(CodebookList::CommitmentCategories, category);
            }
            Detail::Stance {
                holder,
                target,
                polarity,
                ..
            } => {
                holder.iter_mut().for_each(actor);
                match target {
                    Some(StanceTargetRef::Actor(a)) => actor(a),
                    Some(StanceTargetRef::Topic(t)) => key(CodebookList::Topics, t),
                    None => {}
                }
                key(CodebookList::Polarities, polarity);
            }
        }
    }
}
