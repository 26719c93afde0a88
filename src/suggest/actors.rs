//! Actor mentions: gazetteer names, the project's actors and aliases, people with titles,
//! later short forms, pronouns and epithets resolved to an earlier person.

use super::{Gazetteer, Suggestion};
use crate::model::{Document, Project};

/// Mention suggestions for `document`, in text order.
pub fn mentions(
    _project: &Project,
    _document: &Document,
    _gazetteer: &Gazetteer,
) -> Vec<Suggestion> {
    Vec::new()
}
