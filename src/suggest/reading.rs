//! What the rules read in words an analyst selected: the statement, commitment and stance
//! suggestions over them. Hand tagging (S, C, T) takes speaker, attribution, cue,
//! committer, holder, strength and polarity from here, so a hand-made statement and a
//! suggested one over the same words agree.

use super::{Detail, Gazetteer, Suggestion, SuggestionKind, proposals};
use crate::model::{Document, Project};

/// The suggestions of each coded kind that best cover a selection.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    pub statement: Option<Suggestion>,
    pub commitment: Option<Suggestion>,
    pub stance: Option<Suggestion>,
}

/// The rules' reading of `[start, end)` in `doc`: for each kind the suggestion overlapping
/// the selection most (by its own words, then by its statement's).
pub fn reading(
    project: &Project,
    doc: &Document,
    gazetteer: &Gazetteer,
    start: usize,
    end: usize,
) -> Reading {
    let all = proposals(project, doc, gazetteer);
    let overlap = |(a, b): (usize, usize)| b.min(end).saturating_sub(a.max(start));
    let best = |kind: SuggestionKind| {
        all.iter()
            .filter(|s| s.kind == kind)
            .map(|s| {
                let statement = match &s.detail {
                    Detail::Commitment { statement, .. } | Detail::Stance { statement, .. } => {
                        *statement
                    }
                    _ => (s.start, s.end),
                };
                ((overlap((s.start, s.end)), overlap(statement)), s)
            })
            .filter(|((own, of_statement), _)| *own > 0 || *of_statement > 0)
            // The first of equals, in text order.
            .fold(
                None,
                |best: Option<((usize, usize), &Suggestion)>, (score, s)| match best {
                    Some((top, _)) if top >= score => best,
                    _ => Some((score, s)),
                },
            )
            .map(|(_, s)| s.clone())
    };
    Reading {
        statement: best(SuggestionKind::Statement),
        commitment: best(SuggestionKind::Commitment),
        stance: best(SuggestionKind::Stance),
    }
}
