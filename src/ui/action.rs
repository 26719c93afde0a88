//! What panels and views ask the app to do. They never change the project themselves:
//! they return actions, and the app applies them after drawing (edits go through the
//! workspace, so every change can be undone).

use super::command::Command;
use crate::edit::Edit;
use crate::model::Id;

// A handful of actions are made per frame and moved once, so boxing the large `Edit`
// variant would buy nothing but noise at every construction site.
#[allow(clippy::large_enum_variant)]
#[must_use]
#[derive(Clone, Debug)]
pub enum UiAction {
    /// Apply an edit as an undo step named `label`. Edits with the same `group` merge into
    /// one step (typing in one text field).
    Edit {
        label: String,
        edit: Edit,
        group: Option<String>,
    },
    /// A text field lost focus: the next edit of it is a new undo step.
    SealGroup,
    SelectDocument(Id),
    /// Select (and outline) an annotation, or clear the selection.
    SelectAnnotation(Option<Id>),
    /// Scroll the article so that this code-point range is visible and select it.
    Reveal {
        start: usize,
        end: usize,
    },
    /// Link two annotations of a document (the app takes a fresh id for the link).
    AddLink {
        document: Id,
        from: Id,
        to: Id,
    },
    /// Make the issuer the rules detected the document's issuer (the app takes fresh ids
    /// for the actors it adds).
    AcceptIssuer {
        document: Id,
        actors: Vec<crate::suggest::ActorRef>,
    },
    /// Run an app command as if its key had been pressed.
    Run(Command),
    /// A message for the status bar.
    Status(String),
    /// Something could not be done: shown in the status bar as an error.
    Error(String),
}

impl UiAction {
    pub fn edit(label: impl Into<String>, edit: Edit) -> Self {
        UiAction::Edit {
            label: label.into(),
            edit,
            group: None,
        }
    }
}
