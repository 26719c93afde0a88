//! Migration from format 2, which had one analyst in mind: a document had one status and
//! a rejected suggestion did not say who rejected it. Both now belong to analysts.

use crate::model::{DocStatus, Project};
use std::collections::BTreeSet;

/// Gives the single statuses and the rejections without an analyst to the analysts who
/// coded the document, else to everyone who coded in the project, else to `fallback` (the
/// analyst opening the file). Returns true when anything was assigned.
pub(super) fn assign_analysts(project: &mut Project, fallback: &str) -> bool {
    // Runs on every load: a project with nothing to migrate costs one pass, not a set of
    // every annotation's analyst.
    let legacy = project
        .documents
        .iter()
        .any(|d| d.meta.legacy_status.is_some())
        || project
            .rejected_suggestions
            .iter()
            .any(|r| r.analyst.is_empty());
    if !legacy {
        return false;
    }
    let everyone: BTreeSet<String> = project
        .documents
        .iter()
        .flat_map(|d| d.annotators())
        .map(str::to_owned)
        .collect();
    let owners = |coded: BTreeSet<String>| -> BTreeSet<String> {
        if !coded.is_empty() {
            coded
        } else if !everyone.is_empty() {
            everyone.clone()
        } else {
            BTreeSet::from([fallback.to_owned()])
        }
    };
    let mut changed = false;
    let mut coders_of = std::collections::BTreeMap::new();
    for d in &mut project.documents {
        let coded: BTreeSet<String> = d.annotators().map(str::to_owned).collect();
        if let Some(status) = d.meta.legacy_status.take() {
            changed = true;
            if status != DocStatus::Todo {
                for analyst in owners(coded.clone()) {
                    d.meta.set_status(&analyst, status);
                }
            }
        }
        coders_of.insert(d.id, coded);
    }
    if project
        .rejected_suggestions
        .iter()
        .any(|r| r.analyst.is_empty())
    {
        changed = true;
        let mut assigned = Vec::with_capacity(project.rejected_suggestions.len());
        for r in project.rejected_suggestions.drain(..) {
            if !r.analyst.is_empty() {
                assigned.push(r);
                continue;
            }
            let coded = coders_of.get(&r.document).cloned().unwrap_or_default();
            for analyst in owners(coded) {
                assigned.push(crate::model::RejectedSuggestion {
                    analyst,
                    ..r.clone()
                });
            }
        }
        assigned.sort();
        assigned.dedup();
        project.rejected_suggestions = assigned;
    }
    changed
}
