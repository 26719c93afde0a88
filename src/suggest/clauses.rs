//! Statements (reporting cues and their speakers), commitments and stances.

use super::{Gazetteer, Suggestion};
use crate::model::{Document, Project};

/// Statement, commitment and stance suggestions for `document`, given its mention
/// suggestions (speakers, committers and holders are resolved through them).
pub fn clauses(
    _project: &Project,
    _document: &Document,
    _gazetteer: &Gazetteer,
    _mentions: &[Suggestion],
) -> Vec<Suggestion> {
    Vec::new()
}
