//! Curation decisions as edits: taking an analyst's version into the curated layer, marking
//! it edited, or "none is right". A [`Planner`] collects the steps of one or many decisions
//! on one document into edits that apply (and undo) as one batch.

use super::units::CurationUnit;
use crate::agreement::Layer;
use crate::edit::Edit;
use crate::model::curation::is_curated;
use crate::model::{
    Annotation, CURATED, Decision, Document, Id, IdAllocator, IdsExhausted, Outcome, Stamp,
};
use std::collections::HashMap;

/// Why a decision cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CurationError {
    #[error("the unit has no version {0}")]
    NoVersion(usize),
    #[error("annotation {0} is not in the document any more")]
    Gone(Id),
    #[error(
        "the {layer} hangs off a statement that is not in the curated layer yet; take the \
         statement first"
    )]
    NoCuratedStatement { layer: &'static str },
    #[error(
        "the curated statement {0} still has curated commitments or stances; settle those first"
    )]
    StatementInUse(Id),
    #[error(transparent)]
    Ids(#[from] IdsExhausted),
}

/// The steps of curation decisions on one document, planned against its state before them.
pub struct Planner<'a> {
    doc: &'a Document,
    units: &'a [CurationUnit],
    ids: &'a mut IdAllocator,
    curator: String,
    edits: Vec<Edit>,
    /// Analysts' statement ids → the curated statement planned for them here.
    statements: HashMap<Id, Id>,
}

impl<'a> Planner<'a> {
    /// Plans on `doc`, whose units are `units`; new curated annotations take their ids from
    /// `ids` (the curated layer's block); decisions are signed by `curator`.
    pub fn new(
        doc: &'a Document,
        units: &'a [CurationUnit],
        ids: &'a mut IdAllocator,
        curator: &str,
    ) -> Self {
        Self {
            doc,
            units,
            ids,
            curator: curator.to_owned(),
            edits: Vec::new(),
            statements: HashMap::new(),
        }
    }

    /// The planned steps, as one batch (empty when nothing was planned).
    pub fn finish(self) -> Vec<Edit> {
        self.edits
    }

    /// The curated annotation a decision on the unit already produced, if it still exists.
    fn existing_result(&self, unit: &CurationUnit) -> Option<Annotation> {
        let id = unit.decision(self.doc)?.result?;
        self.doc
            .annotation(id)
            .filter(|a| is_curated(&a.stamp().annotator))
    }

    /// Takes version `version` of unit `unit` into the curated layer with `outcome`. A
    /// commitment or stance needs its statement curated: when it is not and
    /// `with_statement`, the same analyst's statement is taken too; else it is refused.
    pub fn take(
        &mut self,
        unit: usize,
        version: usize,
        outcome: Outcome,
        reason: &str,
        with_statement: bool,
    ) -> Result<Id, CurationError> {
        let units = self.units;
        let u = &units[unit];
        let v = u
            .versions
            .get(version)
            .ok_or(CurationError::NoVersion(version))?;
        let original = self.doc.annotation(v.id).ok_or(CurationError::Gone(v.id))?;
        let existing = self.existing_result(u);
        let id = match &existing {
            Some(a) if a.kind() == original.kind() => a.id(),
            _ => self.ids.fresh()?,
        };
        let mut copy = original.clone();
        match &mut copy {
            Annotation::Commitment(c) => {
                c.statement = self.curated_statement(c.statement, &v.analyst, with_statement)?;
            }
            Annotation::Stance(s) => {
                s.statement = self.curated_statement(s.statement, &v.analyst, with_statement)?;
            }
            _ => {}
        }
        set_identity(&mut copy, id);
        if let Some(old) = u.decision(self.doc)
            && old.covers != u.covers
        {
            self.edits.push(Edit::RemoveDecision {
                document: self.doc.id,
                covers: old.covers.clone(),
            });
        }
        match existing {
            Some(a) if a.id() == id => self.edits.push(Edit::UpdateAnnotation {
                document: self.doc.id,
                annotation: copy,
            }),
            Some(other) => {
                self.edits.push(Edit::RemoveAnnotation {
                    document: self.doc.id,
                    id: other.id(),
                });
                self.edits.push(Edit::AddAnnotation {
                    document: self.doc.id,
                    annotation: copy,
                });
            }
            None => self.edits.push(Edit::AddAnnotation {
                document: self.doc.id,
                annotation: copy,
            }),
        }
        if u.layer == Layer::Statements {
            for &covered in &u.covers {
                self.statements.insert(covered, id);
            }
        }
        self.decide(u, outcome, Some(id), reason);
        Ok(id)
    }

    /// Marks the unit "none is right": its curated annotation (if any) goes.
    pub fn none_right(&mut self, unit: usize, reason: &str) -> Result<(), CurationError> {
        let units = self.units;
        let u = &units[unit];
        if let Some(old) = self.existing_result(u) {
            let id = old.id();
            let hangs = self.doc.commitments.iter().any(|c| c.statement == id)
                || self.doc.stances.iter().any(|s| s.statement == id);
            if hangs {
                return Err(CurationError::StatementInUse(id));
            }
            self.edits.push(Edit::RemoveAnnotation {
                document: self.doc.id,
                id,
            });
        }
        if let Some(old) = u.decision(self.doc)
            && old.covers != u.covers
        {
            self.edits.push(Edit::RemoveDecision {
                document: self.doc.id,
                covers: old.covers.clone(),
            });
        }
        self.decide(u, Outcome::NoneRight, None, reason);
        Ok(())
    }

    /// Records that the curator edits the unit's curated annotation (taking `version`
    /// first when there is none yet); returns the annotation to edit.
    pub fn edit(&mut self, unit: usize, version: usize, reason: &str) -> Result<Id, CurationError> {
        let units = self.units;
        let u = &units[unit];
        match self.existing_result(u) {
            Some(a) => {
                self.decide(u, Outcome::Edited, Some(a.id()), reason);
                Ok(a.id())
            }
            None => self.take(unit, version, Outcome::Edited, reason, true),
        }
    }

    fn decide(&mut self, u: &CurationUnit, outcome: Outcome, result: Option<Id>, reason: &str) {
        self.edits.push(Edit::SetDecision {
            document: self.doc.id,
            decision: Decision::now(u.covers.clone(), outcome, result, &self.curator, reason),
        });
    }

    /// The curated statement standing for the analysts' statement `statement`.
    fn curated_statement(
        &mut self,
        statement: Id,
        analyst: &str,
        with_statement: bool,
    ) -> Result<Id, CurationError> {
        if let Some(&id) = self.statements.get(&statement) {
            return Ok(id);
        }
        let units = self.units;
        let Some(index) = units
            .iter()
            .position(|u| u.layer == Layer::Statements && u.covers.contains(&statement))
        else {
            return Err(CurationError::Gone(statement));
        };
        if let Some(a) = self.existing_result(&units[index]) {
            return Ok(a.id());
        }
        if !with_statement {
            return Err(CurationError::NoCuratedStatement {
                layer: "commitment or stance",
            });
        }
        let version = units[index]
            .versions
            .iter()
            .position(|v| &*v.analyst == analyst)
            .unwrap_or(0);
        let taken = Outcome::Took {
            analyst: analyst.to_owned(),
        };
        self.take(index, version, taken, "taken with what hangs off it", true)
    }
}

/// Gives an analyst's annotation its curated identity: a new id and the curated stamp.
fn set_identity(a: &mut Annotation, id: Id) {
    let stamp = Stamp::now(CURATED);
    match a {
        Annotation::Mention(x) => (x.id, x.stamp) = (id, stamp),
        Annotation::Statement(x) => (x.id, x.stamp) = (id, stamp),
        Annotation::Commitment(x) => (x.id, x.stamp) = (id, stamp),
        Annotation::Stance(x) => (x.id, x.stamp) = (id, stamp),
        Annotation::Tag(x) => (x.id, x.stamp) = (id, stamp),
        Annotation::Link(x) => (x.id, x.stamp) = (id, stamp),
    }
}
