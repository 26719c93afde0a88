//! Applying edits. Each arm checks everything first and mutates last, so a refused edit
//! leaves the project untouched, and returns the edit that undoes it.

use super::{Edit, EditError};
use crate::model::curation;
use crate::model::ids;
use crate::model::{
    Annotation, CodebookList, Document, Id, Project, StanceTarget, annotation::Commitment,
    annotation::Link, annotation::Stance,
};
use std::collections::HashMap;

impl Edit {
    /// Applies the edit and returns its inverse.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::SetProjectMeta(meta) => Ok(Edit::SetProjectMeta(std::mem::replace(
                &mut project.meta,
                meta,
            ))),
            Edit::InsertCodebookEntry { list, index, entry } => {
                let entries = project.codebook.list_mut(list);
                if entries.iter().any(|e| e.key == entry.key) {
                    return Err(EditError::DuplicateCodebookEntry {
                        list,
                        key: entry.key,
                    });
                }
                if index > entries.len() {
                    return Err(EditError::BadIndex { list, index });
                }
                let key = entry.key.clone();
                entries.insert(index, entry);
                Ok(Edit::RemoveCodebookEntry { list, key })
            }
            Edit::RemoveCodebookEntry { list, key } => {
                if codebook_key_in_use(project, list, &key) {
                    return Err(EditError::CodebookEntryInUse { list, key });
                }
                let entries = project.codebook.list_mut(list);
                let Some(index) = entries.iter().position(|e| e.key == key) else {
                    return Err(EditError::NoCodebookEntry { list, key });
                };
                let entry = entries.remove(index);
                Ok(Edit::InsertCodebookEntry { list, index, entry })
            }
            Edit::UpdateCodebookEntry { list, key, entry } => {
                let entries = project.codebook.list(list);
                let Some(index) = entries.iter().position(|e| e.key == key) else {
                    return Err(EditError::NoCodebookEntry { list, key });
                };
                if entry.key != key {
                    if entries.iter().any(|e| e.key == entry.key) {
                        return Err(EditError::DuplicateCodebookEntry {
                            list,
                            key: entry.key,
                        });
                    }
                    if codebook_key_in_use(project, list, &key) {
                        return Err(EditError::CodebookEntryInUse { list, key });
                    }
                }
                let new_key = entry.key.clone();
                let old = std::mem::replace(&mut project.codebook.list_mut(list)[index], entry);
                Ok(Edit::UpdateCodebookEntry {
                    list,
                    key: new_key,
                    entry: old,
                })
            }
            Edit::AddActor(actor) => {
                if project.actor(actor.id).is_some() {
                    return Err(EditError::DuplicateId(actor.id));
                }
                check_affiliation(project, &actor)?;
                let id = actor.id;
                ids::insert_sorted(&mut project.actors, actor);
                Ok(Edit::RemoveActor(id))
            }
            Edit::RemoveActor(id) => {
                if project.actor(id).is_none() {
                    return Err(EditError::NoActor(id));
                }
                if project.actor_in_use(id) {
                    return Err(EditError::ActorInUse(id));
                }
                let actor =
                    ids::remove_sorted(&mut project.actors, id).ok_or(EditError::NoActor(id))?;
                Ok(Edit::AddActor(actor))
            }
            Edit::UpdateActor(actor) => {
                if project.actor(actor.id).is_none() {
                    return Err(EditError::NoActor(actor.id));
                }
                check_affiliation(project, &actor)?;
                let id = actor.id;
                let old = ids::replace_sorted(&mut project.actors, actor)
                    .ok_or(EditError::NoActor(id))?;
                Ok(Edit::UpdateActor(old))
            }
            Edit::AddDocument(doc) => {
                if project.document(doc.id).is_some() {
                    return Err(EditError::DuplicateId(doc.id));
                }
                check_document(project, &doc)?;
                let id = doc.id;
                ids::insert_sorted(&mut project.documents, *doc);
                Ok(Edit::RemoveDocument(id))
            }
            Edit::RemoveDocument(id) => {
                let doc = ids::remove_sorted(&mut project.documents, id)
                    .ok_or(EditError::NoDocument(id))?;
                // Rejections belong to the document and go (and come back) with it.
                let rejections: Vec<Edit> = project
                    .rejected_suggestions
                    .iter()
                    .filter(|r| r.document == id)
                    .cloned()
                    .map(Edit::AddRejection)
                    .collect();
                project.rejected_suggestions.retain(|r| r.document != id);
                let restore = Edit::AddDocument(Box::new(doc));
                if rejections.is_empty() {
                    Ok(restore)
                } else {
                    let mut batch = vec![restore];
                    batch.extend(rejections);
                    Ok(Edit::Batch(batch))
                }
            }
            Edit::UpdateDocumentMeta { document, meta } => {
                let doc = project
                    .document_mut(document)
                    .ok_or(EditError::NoDocument(document))?;
                let old = std::mem::replace(&mut doc.meta, meta);
                Ok(Edit::UpdateDocumentMeta {
                    document,
                    meta: old,
                })
            }
            Edit::AddAnnotation {
                document,
                annotation,
            } => {
                let doc = project
                    .document(document)
                    .ok_or(EditError::NoDocument(document))?;
                let id = annotation.id();
                if doc.has_annotation(id)
                    || project.actor(id).is_some()
                    || project.document(id).is_some()
                {
                    return Err(EditError::DuplicateId(id));
                }
                check_annotation(project, doc, &annotation)?;
                let doc = project
                    .document_mut(document)
                    .ok_or(EditError::NoDocument(document))?;
                insert_annotation(doc, annotation);
                Ok(Edit::RemoveAnnotation { document, id })
            }
            Edit::RemoveAnnotation { document, id } => {
                let doc = project
                    .document(document)
                    .ok_or(EditError::NoDocument(document))?;
                if !doc.has_annotation(id) {
                    return Err(EditError::NoAnnotation { document, id });
                }
                if annotation_in_use(doc, id) {
                    return Err(EditError::AnnotationInUse(id));
                }
                let doc = project
                    .document_mut(document)
                    .ok_or(EditError::NoDocument(document))?;
                let removed =
                    remove_annotation(doc, id).ok_or(EditError::NoAnnotation { document, id })?;
                Ok(Edit::AddAnnotation {
                    document,
                    annotation: removed,
                })
            }
            Edit::UpdateAnnotation {
                document,
                annotation,
            } => {
                let doc = project
                    .document(document)
                    .ok_or(EditError::NoDocument(document))?;
                let id = annotation.id();
                let Some(old) = doc.annotation(id) else {
                    return Err(EditError::NoAnnotation { document, id });
                };
                if old.kind() != annotation.kind() {
                    return Err(EditError::KindChanged { id });
                }
                check_annotation(project, doc, &annotation)?;
                let doc = project
                    .document_mut(document)
                    .ok_or(EditError::NoDocument(document))?;
                replace_annotation(doc, annotation);
                Ok(Edit::UpdateAnnotation {
                    document,
                    annotation: old,
                })
            }
            Edit::AddRejection(r) => match project.rejected_suggestions.binary_search(&r) {
                Ok(_) => Err(EditError::DuplicateRejection),
                Err(i) => {
                    if project.document(r.document).is_none() {
                        return Err(EditError::NoDocument(r.document));
                    }
                    project.rejected_suggestions.insert(i, r.clone());
                    Ok(Edit::RemoveRejection(r))
                }
            },
            Edit::RemoveRejection(r) => match project.rejected_suggestions.binary_search(&r) {
                Ok(i) => Ok(Edit::AddRejection(project.rejected_suggestions.remove(i))),
                Err(_) => Err(EditError::NoRejection),
            },
            Edit::SetDecision {
                document,
                mut decision,
            } => {
                decision.covers.sort();
                decision.covers.dedup();
                if decision.covers.is_empty() {
                    return Err(EditError::EmptyDecision);
                }
                // The result is not checked: the curator may delete the curated annotation
                // later, and the decision (its record) must still undo and redo.
                let doc = project
                    .document_mut(document)
                    .ok_or(EditError::NoDocument(document))?;
                match curation::position(&doc.curation, &decision.covers) {
                    Ok(i) => {
                        let old = std::mem::replace(&mut doc.curation[i], decision);
                        Ok(Edit::SetDecision {
                            document,
                            decision: old,
                        })
                    }
                    Err(i) => {
                        let covers = decision.covers.clone();
                        doc.curation.insert(i, decision);
                        Ok(Edit::RemoveDecision { document, covers })
                    }
                }
            }
            Edit::RemoveDecision { document, covers } => {
                let doc = project
                    .document_mut(document)
                    .ok_or(EditError::NoDocument(document))?;
                match curation::position(&doc.curation, &covers) {
                    Ok(i) => Ok(Edit::SetDecision {
                        document,
                        decision: doc.curation.remove(i),
                    }),
                    Err(_) => Err(EditError::NoDecision { document, covers }),
                }
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                // Kept across a run of removals from one document (undoing an accept-all).
                let mut references: Option<References> = None;
                for edit in edits {
                    let applied = match edit {
                        Edit::RemoveAnnotation { document, id } => {
                            remove_counted(project, document, id, &mut references)
                        }
                        other => {
                            references = None;
                            other.apply(project)
                        }
                    };
                    match applied {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Roll back what the batch already did, newest first.
                            for inverse in inverses.into_iter().rev() {
                                // An inverse always applies to the state its edit produced.
                                let _ = inverse.apply(project);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}

fn check_affiliation(project: &Project, actor: &crate::model::Actor) -> Result<(), EditError> {
    match actor.affiliation {
        Some(a) if a == actor.id => Err(EditError::SelfAffiliation(a)),
        Some(a) if project.actor(a).is_none() => Err(EditError::NoActor(a)),
        _ => Ok(()),
    }
}

fn check_actor(project: &Project, id: Option<Id>) -> Result<(), EditError> {
    match id {
        Some(id) if project.actor(id).is_none() => Err(EditError::NoActor(id)),
        _ => Ok(()),
    }
}

fn check_span(doc: &Document, id: Id, span: &crate::model::Span) -> Result<(), EditError> {
    span.check(doc.text(), doc.index())
        .map_err(|error| EditError::BadSpan { id, error })
}

/// Checks that an annotation fits its document and refers only to what exists.
fn check_annotation(
    project: &Project,
    doc: &Document,
    annotation: &Annotation,
) -> Result<(), EditError> {
    let id = annotation.id();
    match annotation {
        Annotation::Mention(m) => {
            check_span(doc, id, &m.span)?;
            check_actor(project, Some(m.actor))
        }
        Annotation::Statement(s) => {
            check_span(doc, id, &s.span)?;
            if let Some(cue) = &s.cue {
                check_span(doc, id, cue)?;
            }
            check_actor(project, s.speaker)
        }
        Annotation::Commitment(c) => {
            if ids::find(&doc.statements, c.statement).is_none() {
                return Err(EditError::NoStatement {
                    id,
                    statement: c.statement,
                });
            }
            check_actor(project, c.committer)?;
            c.addressees
                .iter()
                .try_for_each(|&a| check_actor(project, Some(a)))
        }
        Annotation::Stance(s) => {
            if ids::find(&doc.statements, s.statement).is_none() {
                return Err(EditError::NoStatement {
                    id,
                    statement: s.statement,
                });
            }
            check_actor(project, s.holder)?;
            match &s.target {
                Some(StanceTarget::Actor(a)) => check_actor(project, Some(*a)),
                _ => Ok(()),
            }
        }
        Annotation::Tag(t) => check_span(doc, id, &t.span),
        Annotation::Link(l) => {
            for end in [l.from, l.to] {
                if end == id || !doc.has_annotation(end) {
                    return Err(EditError::NoAnnotation {
                        document: doc.id,
                        id: end,
                    });
                }
            }
            Ok(())
        }
    }
}

fn check_document(project: &Project, doc: &Document) -> Result<(), EditError> {
    for id in doc.annotation_ids() {
        if project.actor(id).is_some() || project.document(id).is_some() || id == doc.id {
            return Err(EditError::DuplicateId(id));
        }
        if let Some(a) = doc.annotation(id) {
            check_annotation(project, doc, &a)?;
        }
    }
    Ok(())
}

/// How many commitments, stances and links of one document point at each annotation.
/// A batch removing thousands of annotations asks for each one: counting once and keeping
/// the counts up to date replaces a scan of the document per removal (issue 12).
struct References {
    document: Id,
    count: HashMap<Id, usize>,
}

impl References {
    fn of(doc: &Document) -> Self {
        let mut count = HashMap::new();
        for id in referenced(&doc.commitments, &doc.stances, &doc.links) {
            *count.entry(id).or_insert(0) += 1;
        }
        Self {
            document: doc.id,
            count,
        }
    }

    fn in_use(&self, id: Id) -> bool {
        self.count.get(&id).is_some_and(|&n| n > 0)
    }

    /// Takes the references of an annotation that was just removed off the counts.
    fn forget(&mut self, removed: &Annotation) {
        let targets: Vec<Id> = match removed {
            Annotation::Commitment(c) => referenced(std::slice::from_ref(c), &[], &[]).collect(),
            Annotation::Stance(s) => referenced(&[], std::slice::from_ref(s), &[]).collect(),
            Annotation::Link(l) => referenced(&[], &[], std::slice::from_ref(l)).collect(),
            _ => Vec::new(),
        };
        for id in targets {
            if let Some(n) = self.count.get_mut(&id) {
                *n = n.saturating_sub(1);
            }
        }
    }
}

/// The annotations these commitments, stances and links point at (with repeats).
fn referenced<'a>(
    commitments: &'a [Commitment],
    stances: &'a [Stance],
    links: &'a [Link],
) -> impl Iterator<Item = Id> + 'a {
    commitments
        .iter()
        .map(|c| c.statement)
        .chain(stances.iter().map(|s| s.statement))
        .chain(links.iter().flat_map(|l| [l.from, l.to]))
}

/// `Edit::RemoveAnnotation` inside a batch: the same checks and errors, with "in use"
/// answered by `references` (counted for the document on first need).
fn remove_counted(
    project: &mut Project,
    document: Id,
    id: Id,
    references: &mut Option<References>,
) -> Result<Edit, EditError> {
    let doc = project
        .document(document)
        .ok_or(EditError::NoDocument(document))?;
    if !doc.has_annotation(id) {
        return Err(EditError::NoAnnotation { document, id });
    }
    let counts = match references {
        Some(counts) if counts.document == document => counts,
        _ => references.insert(References::of(doc)),
    };
    if counts.in_use(id) {
        return Err(EditError::AnnotationInUse(id));
    }
    let doc = project
        .document_mut(document)
        .ok_or(EditError::NoDocument(document))?;
    let removed = remove_annotation(doc, id).ok_or(EditError::NoAnnotation { document, id })?;
    counts.forget(&removed);
    Ok(Edit::AddAnnotation {
        document,
        annotation: removed,
    })
}

/// True when a commitment, stance or link points at the annotation.
fn annotation_in_use(doc: &Document, id: Id) -> bool {
    doc.commitments
        .iter()
        .any(|c: &Commitment| c.statement == id)
        || doc.stances.iter().any(|s: &Stance| s.statement == id)
        || doc.links.iter().any(|l| l.from == id || l.to == id)
}

fn insert_annotation(doc: &mut Document, annotation: Annotation) {
    match annotation {
        Annotation::Mention(a) => ids::insert_sorted(&mut doc.mentions, a),
        Annotation::Statement(a) => ids::insert_sorted(&mut doc.statements, a),
        Annotation::Commitment(a) => ids::insert_sorted(&mut doc.commitments, a),
        Annotation::Stance(a) => ids::insert_sorted(&mut doc.stances, a),
        Annotation::Tag(a) => ids::insert_sorted(&mut doc.tags, a),
        Annotation::Link(a) => ids::insert_sorted(&mut doc.links, a),
    };
}

fn replace_annotation(doc: &mut Document, annotation: Annotation) {
    match annotation {
        Annotation::Mention(a) => ids::replace_sorted(&mut doc.mentions, a).map(|_| ()),
        Annotation::Statement(a) => ids::replace_sorted(&mut doc.statements, a).map(|_| ()),
        Annotation::Commitment(a) => ids::replace_sorted(&mut doc.commitments, a).map(|_| ()),
        Annotation::Stance(a) => ids::replace_sorted(&mut doc.stances, a).map(|_| ()),
        Annotation::Tag(a) => ids::replace_sorted(&mut doc.tags, a).map(|_| ()),
        Annotation::Link(a) => ids::replace_sorted(&mut doc.links, a).map(|_| ()),
    };
}

fn remove_annotation(doc: &mut Document, id: Id) -> Option<Annotation> {
    if let Some(a) = ids::remove_sorted(&mut doc.mentions, id) {
        return Some(Annotation::Mention(a));
    }
    if let Some(a) = ids::remove_sorted(&mut doc.statements, id) {
        return Some(Annotation::Statement(a));
    }
    if let Some(a) = ids::remove_sorted(&mut doc.commitments, id) {
        return Some(Annotation::Commitment(a));
    }
    if let Some(a) = ids::remove_sorted(&mut doc.stances, id) {
        return Some(Annotation::Stance(a));
    }
    if let Some(a) = ids::remove_sorted(&mut doc.tags, id) {
        return Some(Annotation::Tag(a));
    }
    ids::remove_sorted(&mut doc.links, id).map(Annotation::Link)
}

/// True when any annotation or actor uses the codebook key.
pub(crate) fn codebook_key_in_use(project: &Project, list: CodebookList, key: &str) -> bool {
    let docs = || project.documents.iter();
    match list {
        CodebookList::ActorKinds => project.actors.iter().any(|a| a.kind == key),
        CodebookList::AttributionModes => {
            docs().any(|d| d.statements.iter().any(|s| s.attribution == key))
        }
        CodebookList::CommitmentCategories => {
            docs().any(|d| d.commitments.iter().any(|c| c.category == key))
        }
        CodebookList::Contexts => docs().any(|d| d.commitments.iter().any(|c| c.context == key)),
        CodebookList::Strengths => docs().any(|d| d.commitments.iter().any(|c| c.strength == key)),
        CodebookList::TimeHorizons => {
            docs().any(|d| d.commitments.iter().any(|c| c.time_horizon == key))
        }
        CodebookList::Polarities => docs().any(|d| d.stances.iter().any(|s| s.polarity == key)),
        CodebookList::Intensities => docs().any(|d| d.stances.iter().any(|s| s.intensity == key)),
        CodebookList::Topics => docs().any(|d| {
            d.stances
                .iter()
                .any(|s| matches!(&s.target, Some(StanceTarget::Topic(t)) if t == key))
        }),
        CodebookList::TagCategories => docs().any(|d| d.tags.iter().any(|t| t.category == key)),
        CodebookList::LinkTypes => docs().any(|d| d.links.iter().any(|l| l.label == key)),
    }
}
