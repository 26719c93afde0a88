//! Edits: every change to a project is an [`Edit`]. Applying one returns its inverse, so
//! undo is exact by construction; [`History`] keeps the steps with their names.

pub mod accept;
mod apply;
pub mod compose;
pub mod history;
pub mod saved_queries;
mod scope;

pub use history::History;
pub use scope::Scope;

use crate::model::{
    Actor, Annotation, CodebookEntry, CodebookList, Decision, Document, DocumentMeta, Id,
    ProjectMeta, RejectedSuggestion, SpanError,
};

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetProjectMeta(ProjectMeta),
    InsertCodebookEntry {
        list: CodebookList,
        index: usize,
        entry: CodebookEntry,
    },
    RemoveCodebookEntry {
        list: CodebookList,
        key: String,
    },
    /// Replaces the entry with key `key`; the new entry may carry another key.
    UpdateCodebookEntry {
        list: CodebookList,
        key: String,
        entry: CodebookEntry,
    },
    AddActor(Actor),
    RemoveActor(Id),
    UpdateActor(Actor),
    AddDocument(Box<Document>),
    RemoveDocument(Id),
    UpdateDocumentMeta {
        document: Id,
        meta: DocumentMeta,
    },
    AddAnnotation {
        document: Id,
        annotation: Annotation,
    },
    RemoveAnnotation {
        document: Id,
        id: Id,
    },
    UpdateAnnotation {
        document: Id,
        annotation: Annotation,
    },
    AddRejection(RejectedSuggestion),
    RemoveRejection(RejectedSuggestion),
    /// Records a curation decision, replacing the one covering the same annotations.
    SetDecision {
        document: Id,
        decision: Decision,
    },
    /// Forgets the curation decision covering exactly `covers` (sorted).
    RemoveDecision {
        document: Id,
        covers: Vec<Id>,
    },
    /// Several edits as one step; applied in order, inverted in reverse order.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. A refused edit changes nothing.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("no actor {0}")]
    NoActor(Id),
    #[error("no document {0}")]
    NoDocument(Id),
    #[error("no annotation {id} in document {document}")]
    NoAnnotation { document: Id, id: Id },
    #[error("id {0} is already in use")]
    DuplicateId(Id),
    #[error("actor {0} is still referred to; reassign or remove its mentions first")]
    ActorInUse(Id),
    #[error("annotation {0} is still referred to by other annotations")]
    AnnotationInUse(Id),
    #[error("statement {statement} for annotation {id} is not in the document")]
    NoStatement { id: Id, statement: Id },
    #[error("annotation {id} cannot change kind")]
    KindChanged { id: Id },
    #[error("an actor cannot be affiliated with itself ({0})")]
    SelfAffiliation(Id),
    #[error("annotation {id}: {error}")]
    BadSpan { id: Id, error: SpanError },
    #[error("{list:?} has no entry {key:?}")]
    NoCodebookEntry { list: CodebookList, key: String },
    #[error("{list:?} already has an entry {key:?}")]
    DuplicateCodebookEntry { list: CodebookList, key: String },
    #[error("{list:?} entry {key:?} is used by annotations; retire it instead")]
    CodebookEntryInUse { list: CodebookList, key: String },
    #[error("position {index} is past the end of {list:?}")]
    BadIndex { list: CodebookList, index: usize },
    #[error("that suggestion is already rejected")]
    DuplicateRejection,
    #[error("that suggestion was not rejected")]
    NoRejection,
    #[error("no curation decision on document {document} covers {covers:?}")]
    NoDecision { document: Id, covers: Vec<Id> },
    #[error("a curation decision must cover at least one analyst's annotation")]
    EmptyDecision,
}

impl Edit {
    /// The colours of the actors `edits` add: a further actor of the same step stands
    /// apart from them too (see `Project::colour_for_new_actor`).
    pub fn added_actor_colours(edits: &[Edit]) -> Vec<crate::model::Rgb> {
        edits
            .iter()
            .filter_map(|e| match e {
                Edit::AddActor(a) => Some(a.colour),
                _ => None,
            })
            .collect()
    }

    /// True when the edit changes nothing (an empty batch).
    pub fn is_empty(&self) -> bool {
        matches!(self, Edit::Batch(v) if v.iter().all(Edit::is_empty))
    }
}
