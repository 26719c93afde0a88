//! Auto-merge: the units where the analysts agree go to the curated layer without the
//! curator, as decisions of their own ("agreed"), so that the curator sees only the rest.

use super::decide::{CurationError, Planner};
use super::units::{self, Status};
use crate::edit::Edit;
use crate::model::{CURATED, Outcome, Project};

/// Which units auto-merge takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    /// Also take units where at least this many analysts have the same version (2 or
    /// more); `None`: only units where every analyst who coded the document agrees.
    pub threshold: Option<usize>,
}

/// What an auto-merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// Units taken into the curated layer.
    pub taken: usize,
    /// Units left because the curator (or an earlier auto-merge) already decided them.
    pub already_decided: usize,
    /// Agreed commitments and stances left because their statement is not curated.
    pub without_statement: usize,
    /// Documents with at least one unit taken.
    pub documents: usize,
}

/// The edits (one batch) that auto-merge the whole project under `rule`, signed by
/// `curator`. Units that already have a decision are never touched, so running it again
/// changes nothing and never undoes the curator's work.
pub fn auto_merge(
    project: &Project,
    rule: Rule,
    curator: &str,
) -> Result<(Edit, Merged), CurationError> {
    let mut ids = project.id_allocator(CURATED);
    let mut merged = Merged::default();
    let mut edits = Vec::new();
    for doc in &project.documents {
        let coders = units::coders(doc).len();
        if coders < 2 {
            continue;
        }
        let all = units::units(doc);
        // Statements before what hangs off them.
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&i| all[i].layer);
        let mut planner = Planner::new(doc, &all, &mut ids, curator);
        let mut taken_here = 0;
        for i in order {
            let unit = &all[i];
            if unit.decision(doc).is_some() {
                merged.already_decided += 1;
                continue;
            }
            let agreeing = unit.largest_agreeing();
            let takes = unit.status == Status::Agree
                || rule
                    .threshold
                    .is_some_and(|t| t >= 2 && agreeing.len() >= t);
            if !takes {
                continue;
            }
            let analysts = agreeing
                .iter()
                .map(|&v| unit.versions[v].analyst.to_string())
                .collect();
            let outcome = Outcome::Agreed { analysts };
            match planner.take(i, agreeing[0], outcome, "", false) {
                Ok(_) => taken_here += 1,
                Err(CurationError::NoCuratedStatement { .. }) => merged.without_statement += 1,
                Err(e) => return Err(e),
            }
        }
        edits.extend(planner.finish());
        if taken_here > 0 {
            merged.documents += 1;
            merged.taken += taken_here;
        }
    }
    Ok((Edit::Batch(edits), merged))
}
