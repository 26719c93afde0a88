//! Edits that take several steps: built here from the project's current state, applied as
//! one [`Edit::Batch`] so that undo takes them back together.

use super::Edit;
use crate::model::{
    Annotation, CodebookList, Document, Id, Project, StanceTarget, annotation::Stamp,
};

/// Removes an annotation with everything that points at it: a statement's commitments and
/// stances, and links to or from any of them.
pub fn remove_annotation_cascade(doc: &Document, id: Id) -> Edit {
    let mut doomed: Vec<Id> = vec![id];
    doomed.extend(doc.commitments_of(id).map(|c| c.id));
    doomed.extend(doc.stances_of(id).map(|s| s.id));
    let mut links: Vec<Id> = doc
        .links
        .iter()
        .filter(|l| doomed.contains(&l.from) || doomed.contains(&l.to))
        .map(|l| l.id)
        .collect();
    links.retain(|l| !doomed.contains(l));
    // Links first, then what depends on the statement, then the annotation itself.
    let order = links
        .into_iter()
        .chain(doomed.iter().skip(1).copied())
        .chain([id]);
    Edit::Batch(
        order
            .map(|id| Edit::RemoveAnnotation {
                document: doc.id,
                id,
            })
            .collect(),
    )
}

/// What happens to an actor's mentions when it is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorRemoval {
    /// Every reference moves to another actor.
    ReassignTo(Id),
    /// Mentions are removed; speaker, committer and holder fields are cleared.
    RemoveReferences,
}

/// Deletes an actor, first reassigning or removing whatever refers to it.
pub fn remove_actor(project: &Project, actor: Id, how: ActorRemoval) -> Edit {
    let mut edits = redirect_actor(project, actor, how);
    edits.push(Edit::RemoveActor(actor));
    Edit::Batch(edits)
}

/// Merges `merged` into `kept`: every reference moves, the merged actor's name and aliases
/// become aliases of the kept one, and the merged actor is deleted.
pub fn merge_actors(project: &Project, kept: Id, merged: Id) -> Edit {
    let mut edits = redirect_actor(project, merged, ActorRemoval::ReassignTo(kept));
    if let (Some(k), Some(m)) = (project.actor(kept), project.actor(merged)) {
        let mut updated = k.clone();
        for name in m.names() {
            if !updated.names().any(|n| n.eq_ignore_ascii_case(name)) {
                updated.aliases.push(name.to_owned());
            }
        }
        updated.iso3 = updated.iso3.or_else(|| m.iso3.clone());
        updated.cameo = updated.cameo.or_else(|| m.cameo.clone());
        updated.wikidata = updated.wikidata.or_else(|| m.wikidata.clone());
        if updated.affiliation == Some(merged) || updated.affiliation.is_none() {
            updated.affiliation = m.affiliation.filter(|&a| a != kept);
        }
        if updated != *k {
            // Redirected affiliations above may already name `kept`; update it first.
            edits.insert(0, Edit::UpdateActor(updated));
        }
    }
    edits.push(Edit::RemoveActor(merged));
    Edit::Batch(edits)
}

fn redirect_actor(project: &Project, from: Id, how: ActorRemoval) -> Vec<Edit> {
    let to = match how {
        ActorRemoval::ReassignTo(to) => Some(to),
        ActorRemoval::RemoveReferences => None,
    };
    let swap = |id: Option<Id>| if id == Some(from) { to } else { id };
    let mut edits = Vec::new();
    for a in &project.actors {
        if a.affiliation == Some(from) && a.id != from {
            let mut updated = a.clone();
            updated.affiliation = swap(a.affiliation).filter(|&x| x != a.id);
            edits.push(Edit::UpdateActor(updated));
        }
    }
    for doc in &project.documents {
        let document = doc.id;
        for m in doc.mentions.iter().filter(|m| m.actor == from) {
            match to {
                Some(to) => {
                    let mut updated = m.clone();
                    updated.actor = to;
                    updated.stamp = m.stamp.touched();
                    edits.push(Edit::UpdateAnnotation {
                        document,
                        annotation: Annotation::Mention(updated),
                    });
                }
                None => edits.push(Edit::RemoveAnnotation { document, id: m.id }),
            }
        }
        for s in doc.statements.iter().filter(|s| s.speaker == Some(from)) {
            let mut updated = s.clone();
            updated.speaker = to;
            updated.stamp = s.stamp.touched();
            edits.push(Edit::UpdateAnnotation {
                document,
                annotation: Annotation::Statement(updated),
            });
        }
        for c in &doc.commitments {
            if c.committer == Some(from) || c.addressees.contains(&from) {
                let mut updated = c.clone();
                updated.committer = swap(c.committer);
                updated.addressees = c.addressees.iter().filter_map(|&a| swap(Some(a))).fold(
                    Vec::new(),
                    |mut acc, a| {
                        if !acc.contains(&a) {
                            acc.push(a);
                        }
                        acc
                    },
                );
                updated.stamp = c.stamp.touched();
                edits.push(Edit::UpdateAnnotation {
                    document,
                    annotation: Annotation::Commitment(updated),
                });
            }
        }
        for s in &doc.stances {
            let targets_actor = s.target == Some(StanceTarget::Actor(from));
            if s.holder == Some(from) || targets_actor {
                let mut updated = s.clone();
                updated.holder = swap(s.holder);
                if targets_actor {
                    updated.target = to.map(StanceTarget::Actor);
                }
                updated.stamp = s.stamp.touched();
                edits.push(Edit::UpdateAnnotation {
                    document,
                    annotation: Annotation::Stance(updated),
                });
            }
        }
    }
    edits
}

/// Changes a codebook key and every annotation that uses it, as one step.
pub fn rename_codebook_key(project: &Project, list: CodebookList, old: &str, new: &str) -> Edit {
    let Some(entry) = project.codebook.entry(list, old) else {
        return Edit::Batch(Vec::new());
    };
    // Add the new key first, move every user over, then drop the old entry.
    let index = project
        .codebook
        .list(list)
        .iter()
        .position(|e| e.key == old)
        .unwrap_or(0);
    let mut renamed = entry.clone();
    // The rules keep finding the entry by what it meant before the rename.
    renamed.role = (entry.role() != new).then(|| entry.role().to_owned());
    renamed.key = new.to_owned();
    let mut edits = vec![Edit::InsertCodebookEntry {
        list,
        index,
        entry: renamed,
    }];
    let fix = |s: &mut String| {
        if s == old {
            *s = new.to_owned();
            true
        } else {
            false
        }
    };
    if list == CodebookList::ActorKinds {
        for a in &project.actors {
            let mut u = a.clone();
            if fix(&mut u.kind) {
                edits.push(Edit::UpdateActor(u));
            }
        }
    }
    for doc in &project.documents {
        let document = doc.id;
        let mut push = |annotation: Annotation| {
            edits.push(Edit::UpdateAnnotation {
                document,
                annotation,
            })
        };
        for s in &doc.statements {
            let mut u = s.clone();
            if list == CodebookList::AttributionModes && fix(&mut u.attribution) {
                push(Annotation::Statement(u));
            }
        }
        for c in &doc.commitments {
            let mut u = c.clone();
            let changed = match list {
                CodebookList::CommitmentCategories => fix(&mut u.category),
                CodebookList::Contexts => fix(&mut u.context),
                CodebookList::Strengths => fix(&mut u.strength),
                CodebookList::TimeHorizons => fix(&mut u.time_horizon),
                _ => false,
            };
            if changed {
                push(Annotation::Commitment(u));
            }
        }
        for s in &doc.stances {
            let mut u = s.clone();
            let changed = match (list, &mut u.target) {
                (CodebookList::Polarities, _) => fix(&mut u.polarity),
                (CodebookList::Intensities, _) => fix(&mut u.intensity),
                (CodebookList::Topics, Some(StanceTarget::Topic(t))) => fix(t),
                _ => false,
            };
            if changed {
                push(Annotation::Stance(u));
            }
        }
        for t in &doc.tags {
            let mut u = t.clone();
            if list == CodebookList::TagCategories && fix(&mut u.category) {
                push(Annotation::Tag(u));
            }
        }
        for l in &doc.links {
            let mut u = l.clone();
            if list == CodebookList::LinkTypes && fix(&mut u.label) {
                push(Annotation::Link(u));
            }
        }
    }
    edits.push(Edit::RemoveCodebookEntry {
        list,
        key: old.to_owned(),
    });
    // The new entry went in just before the old one; removing the old leaves it in place.
    Edit::Batch(edits)
}

/// Why two annotations cannot be linked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("an annotation cannot be linked to itself")]
    ToItself,
    #[error("annotation {0} is not in this document")]
    Missing(Id),
    #[error("links join annotations, not other links")]
    LinkEndpoint,
    #[error("these two annotations are already linked that way")]
    AlreadyLinked,
}

/// Adds a link `from` → `to` with the codebook's first active link type (the analyst
/// changes it in the inspector).
pub fn add_link(
    project: &Project,
    doc: &Document,
    id: Id,
    from: Id,
    to: Id,
    annotator: &str,
) -> Result<Edit, LinkError> {
    if from == to {
        return Err(LinkError::ToItself);
    }
    for end in [from, to] {
        match doc.annotation(end) {
            None => return Err(LinkError::Missing(end)),
            Some(Annotation::Link(_)) => return Err(LinkError::LinkEndpoint),
            Some(_) => {}
        }
    }
    let label = project
        .codebook
        .first_active(CodebookList::LinkTypes)
        .map_or_else(String::new, |e| e.key.clone());
    if doc
        .links
        .iter()
        .any(|l| l.from == from && l.to == to && l.label == label)
    {
        return Err(LinkError::AlreadyLinked);
    }
    Ok(Edit::AddAnnotation {
        document: doc.id,
        annotation: Annotation::Link(crate::model::Link {
            id,
            from,
            to,
            label,
            stamp: stamp(annotator),
            note: String::new(),
        }),
    })
}

/// A fresh stamp for a new annotation by `annotator`.
pub fn stamp(annotator: &str) -> Stamp {
    Stamp::now(annotator)
}
