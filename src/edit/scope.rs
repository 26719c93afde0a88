//! What an edit touches, in the units a project folder stores: the project's own file,
//! one actor, one document (its text file and its layers). A window accumulates the scopes
//! of its edits and undos between saves, so that a save renders only those parts.

use super::Edit;
use crate::model::Id;
use std::collections::BTreeSet;

/// A part of a project that edits change and saves write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// The project's metadata and codebook.
    Project,
    Actor(Id),
    /// A document, its metadata, its annotations, its analysts' progress and rejections.
    Document(Id),
}

impl Edit {
    /// The scopes this edit touches (its inverse touches the same ones).
    pub fn scopes(&self) -> BTreeSet<Scope> {
        let mut scopes = BTreeSet::new();
        self.add_scopes(&mut scopes);
        scopes
    }

    /// Adds the scopes this edit touches to `scopes`.
    pub fn add_scopes(&self, scopes: &mut BTreeSet<Scope>) {
        match self {
            Edit::SetProjectMeta(_)
            | Edit::InsertCodebookEntry { .. }
            | Edit::RemoveCodebookEntry { .. }
            | Edit::UpdateCodebookEntry { .. } => {
                scopes.insert(Scope::Project);
            }
            Edit::AddActor(actor) | Edit::UpdateActor(actor) => {
                scopes.insert(Scope::Actor(actor.id));
            }
            Edit::RemoveActor(id) => {
                scopes.insert(Scope::Actor(*id));
            }
            Edit::AddDocument(document) => {
                scopes.insert(Scope::Document(document.id));
            }
            Edit::RemoveDocument(document)
            | Edit::UpdateDocumentMeta { document, .. }
            | Edit::AddAnnotation { document, .. }
            | Edit::RemoveAnnotation { document, .. }
            | Edit::UpdateAnnotation { document, .. }
            | Edit::SetDecision { document, .. }
            | Edit::RemoveDecision { document, .. } => {
                scopes.insert(Scope::Document(*document));
            }
            Edit::AddRejection(r) | Edit::RemoveRejection(r) => {
                scopes.insert(Scope::Document(r.document));
            }
            Edit::Batch(edits) => {
                for edit in edits {
                    edit.add_scopes(scopes);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RejectedSuggestion;

    #[test]
    fn a_batch_touches_what_its_edits_touch() {
        let rejection = RejectedSuggestion {
            document: Id(4),
            analyst: "alice".to_owned(),
            kind: "mention".to_owned(),
            start: 0,
            end: 3,
        };
        let edit = Edit::Batch(vec![
            Edit::RemoveActor(Id(2)),
            Edit::AddRejection(rejection),
            Edit::RemoveAnnotation {
                document: Id(7),
                id: Id(9),
            },
            Edit::RemoveCodebookEntry {
                list: crate::model::CodebookList::Topics,
                key: "trade".to_owned(),
            },
            Edit::RemoveDecision {
                document: Id(11),
                covers: vec![Id(12)],
            },
        ]);
        assert_eq!(
            edit.scopes().into_iter().collect::<Vec<_>>(),
            [
                Scope::Project,
                Scope::Actor(Id(2)),
                Scope::Document(Id(4)),
                Scope::Document(Id(7)),
                Scope::Document(Id(11))
            ]
        );
    }
}
