//! Consistency checks, as brat has them: annotations an analyst most likely wants to look
//! at again. Each row carries a bit per check it fails, so a check is a chip
//! (`check:no-committer`) that composes with the rest of the query.

use super::index::{Index, NONE};
use crate::model::{AnnotationKind, Id, Project};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Check {
    /// A commitment without a committer.
    NoCommitter = 0,
    /// A stance without a target (neither actor nor topic).
    NoTarget = 1,
    /// The same text in one document coded (by one analyst) with different categories:
    /// commitments of one statement span, or tags of one span.
    MixedCategories = 2,
    /// A statement whose speaker is never mentioned in the document by that analyst (and
    /// is not one of the document's issuers, who speak in its own voice).
    SpeakerNotMentioned = 3,
}

impl Check {
    pub const ALL: [Check; 4] = [
        Check::NoCommitter,
        Check::NoTarget,
        Check::MixedCategories,
        Check::SpeakerNotMentioned,
    ];
    pub const NAMES: [&'static str; 4] = [
        "no-committer",
        "no-target",
        "mixed-categories",
        "speaker-not-mentioned",
    ];

    pub fn name(self) -> &'static str {
        Check::NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What the check finds, for the preset list.
    pub fn description(self) -> &'static str {
        match self {
            Check::NoCommitter => "Commitments without a committer",
            Check::NoTarget => "Stances without a target",
            Check::MixedCategories => "The same text coded with different categories",
            Check::SpeakerNotMentioned => "Statements whose speaker is never mentioned",
        }
    }
}

/// Sets the check bits of every row.
pub fn mark(project: &Project, ix: &mut Index) {
    let docs: Vec<Option<&crate::model::Document>> =
        ix.docs.iter().map(|d| project.document(d.id)).collect();
    // (document, analyst) → actors mentioned there.
    let mut mentioned: HashMap<(u32, u32), HashSet<u32>> = HashMap::new();
    // (document, analyst, kind, covered text) → categories and rows.
    type Coded = (HashSet<u32>, Vec<usize>);
    let mut coded: HashMap<(u32, u32, AnnotationKind, &str), Coded> = HashMap::new();
    for (at, row) in ix.rows.iter().enumerate() {
        match row.kind {
            AnnotationKind::Mention if row.mentioned != NONE => {
                mentioned
                    .entry((row.doc, row.analyst))
                    .or_default()
                    .insert(row.mentioned);
            }
            AnnotationKind::Commitment | AnnotationKind::Tag if row.end > row.start => {
                let Some(doc) = docs[row.doc as usize] else {
                    continue;
                };
                let text = doc
                    .slice(row.start as usize, row.end as usize)
                    .unwrap_or_default()
                    .trim();
                let entry = coded
                    .entry((row.doc, row.analyst, row.kind, text))
                    .or_default();
                entry.0.insert(row.category);
                entry.1.push(at);
            }
            _ => {}
        }
    }
    let mut mixed = vec![false; ix.rows.len()];
    for (categories, rows) in coded.values() {
        if categories.len() > 1 {
            rows.iter().for_each(|r| mixed[*r] = true);
        }
    }
    let issuers: Vec<Vec<Id>> = docs
        .iter()
        .map(|d| d.map(|d| d.meta.issuer.clone()).unwrap_or_default())
        .collect();
    let actor_ids = ix.actor_ids.clone();
    for (at, row) in ix.rows.iter_mut().enumerate() {
        let mut bits = 0;
        if row.kind == AnnotationKind::Commitment && row.committer == NONE {
            bits |= 1 << Check::NoCommitter as u32;
        }
        if row.kind == AnnotationKind::Stance && row.target_actor == NONE && row.topic == NONE {
            bits |= 1 << Check::NoTarget as u32;
        }
        if mixed[at] {
            bits |= 1 << Check::MixedCategories as u32;
        }
        if row.kind == AnnotationKind::Statement && row.speaker != NONE {
            let seen = mentioned
                .get(&(row.doc, row.analyst))
                .is_some_and(|m| m.contains(&row.speaker));
            let issuer = issuers[row.doc as usize].contains(&actor_ids[row.speaker as usize]);
            if !seen && !issuer {
                bits |= 1 << Check::SpeakerNotMentioned as u32;
            }
        }
        row.checks = bits;
    }
}
