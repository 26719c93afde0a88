//! The units a curator settles: the analysts' annotations of one document grouped by the
//! agreement helper's alignment, each with its analysts' versions and whether they agree.

use crate::agreement::{self, Layer, Unit};
use crate::model::curation::is_curated;
use crate::model::{Decision, Document, Id};
use std::collections::BTreeSet;

/// How the analysts' versions of a unit compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Every analyst who coded the document has the same version.
    Agree,
    /// The versions that exist are the same, but some analyst has none.
    Incomplete,
    /// At least two versions differ (extent, category or an attribute).
    Disagree,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Agree => "agree",
            Status::Incomplete => "incomplete",
            Status::Disagree => "disagree",
        }
    }
}

/// One unit of one layer: each analyst's version (at most one per analyst).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurationUnit {
    pub layer: Layer,
    /// The versions, in analyst-name order.
    pub versions: Vec<Unit>,
    pub status: Status,
    /// The analysts' annotation ids, sorted: what a decision on the unit covers.
    pub covers: Vec<Id>,
    pub start: usize,
    pub end: usize,
}

impl CurationUnit {
    /// The version of `analyst`, if they have one.
    pub fn version_of(&self, analyst: &str) -> Option<&Unit> {
        self.versions.iter().find(|u| &*u.analyst == analyst)
    }

    /// The largest set of analysts whose versions are identical (ties: the first in
    /// analyst order), as indices into `versions`.
    pub fn largest_agreeing(&self) -> Vec<usize> {
        let mut best: Vec<usize> = Vec::new();
        for (i, v) in self.versions.iter().enumerate() {
            let same: Vec<usize> = (0..self.versions.len())
                .filter(|&j| same_version(v, &self.versions[j]))
                .collect();
            if same.len() > best.len() || (same.len() == best.len() && best.first() > Some(&i)) {
                best = same;
            }
        }
        best
    }

    /// The decision that settles this unit: one covering any of its annotations (the
    /// alignment may have moved since the decision was made).
    pub fn decision<'d>(&self, doc: &'d Document) -> Option<&'d Decision> {
        doc.curation.iter().find(|d| {
            d.covers
                .iter()
                .any(|id| self.covers.binary_search(id).is_ok())
        })
    }
}

/// Two versions are the same when extent, category and every attribute are.
pub fn same_version(a: &Unit, b: &Unit) -> bool {
    a.ranges == b.ranges && a.category == b.category && a.attributes == b.attributes
}

/// The analysts whose layers are curated on `doc`: everyone with an annotation there, less
/// the curated layer itself.
pub fn coders(doc: &Document) -> Vec<String> {
    let names: BTreeSet<&str> = doc.annotators().filter(|a| !is_curated(a)).collect();
    names.into_iter().map(str::to_owned).collect()
}

/// Every unit of `doc` over all layers, in text order (then layer order).
pub fn units(doc: &Document) -> Vec<CurationUnit> {
    let everyone = coders(doc);
    let mut out = Vec::new();
    for layer in Layer::ALL {
        let mut found = agreement::extract(doc, layer);
        found.retain(|u| !is_curated(&u.analyst));
        for group in agreement::group(&found) {
            let versions: Vec<Unit> = group.members.iter().map(|&i| found[i].clone()).collect();
            out.push(unit_of(layer, versions, everyone.len()));
        }
    }
    out.sort_by_key(|u| (u.start, u.end, u.layer));
    out
}

fn unit_of(layer: Layer, versions: Vec<Unit>, analysts: usize) -> CurationUnit {
    let all_same = versions.windows(2).all(|w| same_version(&w[0], &w[1]));
    let status = if !all_same {
        Status::Disagree
    } else if versions.len() < analysts {
        Status::Incomplete
    } else {
        Status::Agree
    };
    let mut covers: Vec<Id> = versions.iter().map(|u| u.id).collect();
    covers.sort();
    let start = versions.iter().map(Unit::start).min().unwrap_or(0);
    let end = versions.iter().map(Unit::end).max().unwrap_or(0);
    CurationUnit {
        layer,
        versions,
        status,
        covers,
        start,
        end,
    }
}

/// How far curation of a document has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub curated: usize,
    pub units: usize,
    /// Units without a decision whose versions differ.
    pub open_disagreements: usize,
}

impl Progress {
    pub fn of(doc: &Document) -> Self {
        let units = units(doc);
        let mut p = Progress {
            units: units.len(),
            ..Progress::default()
        };
        for unit in &units {
            if unit.decision(doc).is_some() {
                p.curated += 1;
            } else if unit.status == Status::Disagree {
                p.open_disagreements += 1;
            }
        }
        p
    }
}

/// The index of the first unit after `after` (wrapping round) that still needs the
/// curator: versions that differ or are incomplete, and no decision yet.
pub fn next_open(doc: &Document, units: &[CurationUnit], after: Option<usize>) -> Option<usize> {
    let n = units.len();
    let start = after.map_or(0, |i| i + 1);
    (0..n)
        .map(|k| (start + k) % n)
        .find(|&i| units[i].status != Status::Agree && units[i].decision(doc).is_none())
}
