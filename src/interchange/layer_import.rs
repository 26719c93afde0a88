//! Another tool's annotations turned into one [`Edit`]: the command line applies it and
//! saves, the window applies it as one undoable step. Nothing here changes the project.
//!
//! Each document read is one analyst's layer. A document whose text the project already
//! holds (same fingerprint) gets the annotations attached to it as that analyst's layer;
//! if the analyst already has annotations there, the document is refused (no silent
//! doubling) unless the import replaces layers. Other documents are added.

use super::flat::{FlatDoc, ImportProblem, rebuild};
use super::{ImportReport, InterchangeError};
use crate::edit::Edit;
use crate::model::layers::{counts_by_analyst, layer_ids};
use crate::model::{Annotation, Document, Id, IdAllocator, Project, counted};
use std::collections::HashMap;

/// What an import will do: the edit to apply, and what to tell the analyst.
#[derive(Debug)]
pub struct PreparedImport {
    pub edit: Edit,
    pub report: ImportReport,
}

/// Builds the edit document by document; actors and codebook entries the documents need
/// are created in a scratch copy of the registry and the codebook, then compared.
pub(super) struct LayerImport<'p> {
    original: &'p Project,
    /// The project's meta, codebook and actors, without documents: what [`rebuild`] adds to.
    scratch: Project,
    /// One allocator per analyst: ids are minted in each analyst's own block.
    ids: HashMap<String, IdAllocator>,
    replace: bool,
    by_fingerprint: HashMap<&'p str, Id>,
    /// New documents by fingerprint: their index in `documents`.
    pending: HashMap<String, usize>,
    removals: Vec<Edit>,
    documents: Vec<Document>,
    attached: Vec<Edit>,
    pub(super) report: ImportReport,
}

impl<'p> LayerImport<'p> {
    pub(super) fn new(original: &'p Project, replace: bool) -> Self {
        let scratch = Project {
            format_version: original.format_version,
            meta: original.meta.clone(),
            codebook: original.codebook.clone(),
            actors: original.actors.clone(),
            documents: Vec::new(),
            rejected_suggestions: Vec::new(),
        };
        let mut by_fingerprint = HashMap::new();
        for doc in &original.documents {
            // The first document with a text wins, as for duplicate articles.
            by_fingerprint.entry(doc.fingerprint()).or_insert(doc.id);
        }
        Self {
            original,
            scratch,
            ids: HashMap::new(),
            replace,
            by_fingerprint,
            pending: HashMap::new(),
            removals: Vec::new(),
            documents: Vec::new(),
            attached: Vec::new(),
            report: ImportReport::default(),
        }
    }

    /// Rebuilds `flat` on `doc` as `analyst`'s annotations, with ids from that analyst's
    /// block (a fresh one for the document first when `new_id`).
    fn rebuild_as(
        &mut self,
        doc: &mut Document,
        flat: &FlatDoc,
        analyst: &str,
        new_id: bool,
    ) -> Result<Vec<ImportProblem>, InterchangeError> {
        let original = self.original;
        let ids = self
            .ids
            .entry(analyst.to_owned())
            .or_insert_with(|| original.id_allocator(analyst));
        if new_id {
            doc.id = ids.fresh()?;
        }
        Ok(rebuild(&mut self.scratch, doc, flat, ids, analyst)?)
    }

    /// Takes in one document of the other tool's file: `new` (its text, title and
    /// origin, without annotations; its id is given here) with its annotations `flat`, as
    /// `analyst`'s layer. `where_` names it in messages.
    pub(super) fn document(
        &mut self,
        mut new: Document,
        flat: &FlatDoc,
        analyst: &str,
        where_: &str,
    ) -> Result<Vec<ImportProblem>, InterchangeError> {
        let fingerprint = new.fingerprint().to_owned();
        let existing = self
            .by_fingerprint
            .get(fingerprint.as_str())
            .and_then(|&id| self.original.document(id));
        if let Some(existing) = existing {
            return self.attach(existing, flat, analyst, where_);
        }
        // A text met earlier in this import: another analyst's layer of the same article
        // (Demarche's JSONL export writes one line per analyst) joins that document; the
        // same analyst's second copy is a document of its own, as it always was.
        let earlier = self
            .pending
            .get(&fingerprint)
            .copied()
            .filter(|&index| !counts_by_analyst(&self.documents[index]).contains_key(analyst));
        if let Some(index) = earlier {
            let mut layer = empty_copy(&self.documents[index]);
            let problems = self.rebuild_as(&mut layer, flat, analyst, false)?;
            self.report.annotations += layer.annotation_count();
            let doc = &mut self.documents[index];
            doc.mentions.append(&mut layer.mentions);
            doc.statements.append(&mut layer.statements);
            doc.commitments.append(&mut layer.commitments);
            doc.stances.append(&mut layer.stances);
            doc.tags.append(&mut layer.tags);
            doc.links.append(&mut layer.links);
            doc.sort_annotations();
            return Ok(problems);
        }
        let problems = self.rebuild_as(&mut new, flat, analyst, true)?;
        self.report.documents += 1;
        self.report.annotations += new.annotation_count();
        self.pending
            .entry(fingerprint)
            .or_insert(self.documents.len());
        self.documents.push(new);
        Ok(problems)
    }

    /// `analyst`'s layer on a document the project already has.
    fn attach(
        &mut self,
        existing: &'p Document,
        flat: &FlatDoc,
        analyst: &str,
        where_: &str,
    ) -> Result<Vec<ImportProblem>, InterchangeError> {
        let already = counts_by_analyst(existing)
            .get(analyst)
            .map_or(0, |c| c.total());
        if already > 0 && !self.replace {
            self.report.refused.push(format!(
                "{where_}: refused: document {} “{}” has the same text and already has {} by \
                 {analyst}; nothing of it was imported (import with --replace to replace \
                 {analyst}'s annotations on it)",
                existing.id,
                existing.meta.title,
                counted(already, "annotation"),
            ));
            return Ok(Vec::new());
        }
        // Rebuilt on an empty copy of the document, then added to the real one.
        let mut layer = empty_copy(existing);
        let problems = self.rebuild_as(&mut layer, flat, analyst, false)?;
        if already > 0 {
            self.removals
                .extend(layer_ids(existing, analyst).into_iter().map(|id| {
                    Edit::RemoveAnnotation {
                        document: existing.id,
                        id,
                    }
                }));
        }
        let added = additions(&layer);
        self.report.attached.push(Attached {
            document: existing.id,
            title: existing.meta.title.clone(),
            analyst: analyst.to_owned(),
            annotations: added.len(),
            replaced: already,
        });
        self.report.annotations += added.len();
        self.attached.extend(added);
        Ok(problems)
    }

    /// The one edit: new codebook entries, new and completed actors, the replaced layers
    /// taken away, new documents, attached layers — in an order each step can apply in.
    pub(super) fn finish(self) -> PreparedImport {
        let mut edits = Vec::new();
        for list in crate::model::CodebookList::ALL {
            let before = self.original.codebook.list(list).len();
            for (index, entry) in self.scratch.codebook.list(list).iter().enumerate() {
                if index >= before {
                    edits.push(Edit::InsertCodebookEntry {
                        list,
                        index,
                        entry: entry.clone(),
                    });
                }
            }
        }
        let mut report = self.report;
        let mut updated = Vec::new();
        for actor in &self.scratch.actors {
            match self.original.actor(actor.id) {
                None => {
                    report.actors_added += 1;
                    edits.push(Edit::AddActor(actor.clone()));
                }
                Some(old) if old != actor => updated.push(Edit::UpdateActor(actor.clone())),
                Some(_) => {}
            }
        }
        edits.extend(updated);
        edits.extend(self.removals);
        edits.extend(
            self.documents
                .into_iter()
                .map(|d| Edit::AddDocument(Box::new(d))),
        );
        edits.extend(self.attached);
        PreparedImport {
            edit: Edit::Batch(edits),
            report,
        }
    }
}

/// A layer attached to a document already in the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attached {
    pub document: Id,
    pub title: String,
    pub analyst: String,
    pub annotations: usize,
    /// The analyst's annotations that were there before and are replaced.
    pub replaced: usize,
}

/// The annotations of `doc` as edits adding them, each after what it refers to.
fn additions(doc: &Document) -> Vec<Edit> {
    let add = |annotation: Annotation| Edit::AddAnnotation {
        document: doc.id,
        annotation,
    };
    doc.mentions
        .iter()
        .cloned()
        .map(Annotation::Mention)
        .chain(doc.statements.iter().cloned().map(Annotation::Statement))
        .chain(doc.commitments.iter().cloned().map(Annotation::Commitment))
        .chain(doc.stances.iter().cloned().map(Annotation::Stance))
        .chain(doc.tags.iter().cloned().map(Annotation::Tag))
        .chain(doc.links.iter().cloned().map(Annotation::Link))
        .map(add)
        .collect()
}

/// The document's text and metadata without its annotations.
fn empty_copy(doc: &Document) -> Document {
    Document::new(
        doc.id,
        doc.meta.clone(),
        doc.origin.clone(),
        doc.text().to_owned(),
    )
}
