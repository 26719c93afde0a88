//! The checks a loaded project must pass, reporting every problem found.
//!
//! Cheap by design, since it runs on every load of projects with 100,000 annotations:
//! one hash map of every id (sized up front) answers both "is this id taken twice" and
//! "is this reference an actor / a statement of this document"; spans are checked
//! through each document's code-point index, built once; nothing is allocated per
//! annotation unless it has a problem.

use super::{Problem, ProblemKind};
use crate::model::document::fingerprint;
use crate::model::{
    AnnotationKind, Codebook, CodebookList, Document, Id, Project, Span, SpanError, StanceTarget,
};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;

/// What an id belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Actor,
    Document,
    Annotation { document: Id, kind: AnnotationKind },
}

impl Owner {
    fn describe(self) -> String {
        match self {
            Owner::Actor => "an actor".to_owned(),
            Owner::Document => "a document".to_owned(),
            Owner::Annotation { document, kind } => {
                format!("a {} of document {document}", kind.label())
            }
        }
    }
}

/// Every problem of a project held in memory (the checks `load` makes after parsing).
///
/// Expects the id-sorted lists the model keeps; nothing here depends on the order, though.
pub fn validate(project: &Project) -> Vec<Problem> {
    let keys = CodebookKeys::new(&project.codebook);
    let mut check = Checker {
        owners: Cow::Owned(HashMap::with_capacity(id_count(project))),
        keys: &keys,
        problems: Vec::new(),
    };
    check.claim_ids(project);
    check.actors(project);
    check.documents(&project.documents);
    check.rejections(project);
    check.problems
}

/// What checking one document on its own needs from the rest of the project: the
/// codebook's keys and the actors' ids. Lets a project folder check each document in the
/// thread that read it, overlapped with reading the others.
pub struct DocumentContext<'c> {
    keys: CodebookKeys<'c>,
    actors: HashMap<Id, Owner>,
}

impl<'c> DocumentContext<'c> {
    pub fn new(codebook: &'c Codebook, actors: impl IntoIterator<Item = Id>) -> Self {
        Self {
            keys: CodebookKeys::new(codebook),
            actors: actors.into_iter().map(|id| (id, Owner::Actor)).collect(),
        }
    }
}

/// Whether `document` passes every check of [`validate`] that concerns it alone,
/// provided its ids turn out unique across the project ([`validate_prechecked`] makes sure).
pub fn document_passes(context: &DocumentContext, document: &Document) -> bool {
    let mut owners = context.actors.clone();
    owners.reserve(document.annotation_count());
    let mut check = Checker {
        owners: Cow::Owned(owners),
        keys: &context.keys,
        problems: Vec::new(),
    };
    check.claim_annotations(document);
    check.document(document);
    check.problems.is_empty()
}

/// [`validate`] for a project whose every document [`document_passes`]: checks only what
/// spans documents (ids unique across the project, the actors, rejected suggestions).
/// When any of that fails, runs the whole of [`validate`], so that the problems reported
/// are exactly the ones it reports.
pub fn validate_prechecked(project: &Project) -> Vec<Problem> {
    let mut ids: Vec<Id> = Vec::with_capacity(id_count(project));
    ids.extend(project.actors.iter().map(|a| a.id));
    for d in &project.documents {
        ids.push(d.id);
        ids.extend(d.annotation_ids());
    }
    ids.sort_unstable();
    if ids.windows(2).any(|pair| pair[0] == pair[1]) {
        return validate(project);
    }
    drop(ids);
    let keys = CodebookKeys::new(&project.codebook);
    let mut check = Checker {
        owners: Cow::Owned(HashMap::with_capacity(
            project.actors.len() + project.documents.len(),
        )),
        keys: &keys,
        problems: Vec::new(),
    };
    for actor in &project.actors {
        check.claim(actor.id, Owner::Actor, None);
    }
    for d in &project.documents {
        check.claim(d.id, Owner::Document, Some(d.id));
    }
    check.actors(project);
    check.rejections(project);
    if check.problems.is_empty() {
        Vec::new()
    } else {
        validate(project)
    }
}

fn id_count(project: &Project) -> usize {
    project.actors.len()
        + project
            .documents
            .iter()
            .map(|d| 1 + d.annotation_count())
            .sum::<usize>()
}

/// The keys of each codebook list, for constant-time look-ups.
struct CodebookKeys<'p> {
    lists: Vec<HashSet<&'p str>>,
}

impl<'p> CodebookKeys<'p> {
    fn new(codebook: &'p Codebook) -> Self {
        let lists = CodebookList::ALL
            .iter()
            .map(|&list| codebook.list(list).iter().map(|e| e.key.as_str()).collect())
            .collect();
        Self { lists }
    }

    fn contains(&self, list: CodebookList, key: &str) -> bool {
        let index = CodebookList::ALL
            .iter()
            .position(|&l| l == list)
            .unwrap_or_default();
        self.lists.get(index).is_some_and(|keys| keys.contains(key))
    }
}

struct Checker<'o, 'p> {
    /// Owned while the ids are claimed; borrowed by the threads that check documents.
    owners: Cow<'o, HashMap<Id, Owner>>,
    keys: &'o CodebookKeys<'p>,
    problems: Vec<Problem>,
}

/// Below this many documents, checking them on one thread is as fast.
const PARALLEL_FROM: usize = 64;

impl Checker<'_, '_> {
    /// Checks `documents`, on every core for a large project (each document's checks
    /// only read the claimed ids); problems come in document order either way.
    fn documents(&mut self, documents: &[Document]) {
        let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        if threads < 2 || documents.len() < PARALLEL_FROM {
            for d in documents {
                self.document(d);
            }
            return;
        }
        let chunk = documents.len().div_ceil(threads);
        let (owners, keys) = (&*self.owners, self.keys);
        let found: Vec<Vec<Problem>> = std::thread::scope(|scope| {
            let workers: Vec<_> = documents
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut check = Checker {
                            owners: Cow::Borrowed(owners),
                            keys,
                            problems: Vec::new(),
                        };
                        for d in part {
                            check.document(d);
                        }
                        check.problems
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| match w.join() {
                    Ok(problems) => problems,
                    // A panic while checking is a bug; it is reported, not swallowed.
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        self.problems.extend(found.into_iter().flatten());
    }

    /// Records who owns each id, reporting every id met a second time.
    fn claim_ids(&mut self, project: &Project) {
        for actor in &project.actors {
            self.claim(actor.id, Owner::Actor, None);
        }
        for d in &project.documents {
            self.claim(d.id, Owner::Document, Some(d.id));
            self.claim_annotations(d);
        }
    }

    fn claim_annotations(&mut self, d: &Document) {
        let owner = |kind| Owner::Annotation {
            document: d.id,
            kind,
        };
        let doc = Some(d.id);
        for a in &d.mentions {
            self.claim(a.id, owner(AnnotationKind::Mention), doc);
        }
        for a in &d.statements {
            self.claim(a.id, owner(AnnotationKind::Statement), doc);
        }
        for a in &d.commitments {
            self.claim(a.id, owner(AnnotationKind::Commitment), doc);
        }
        for a in &d.stances {
            self.claim(a.id, owner(AnnotationKind::Stance), doc);
        }
        for a in &d.tags {
            self.claim(a.id, owner(AnnotationKind::Tag), doc);
        }
        for a in &d.links {
            self.claim(a.id, owner(AnnotationKind::Link), doc);
        }
    }

    /// The actors' kinds and affiliations.
    fn actors(&mut self, project: &Project) {
        for actor in &project.actors {
            self.key(
                None,
                actor.id,
                CodebookList::ActorKinds,
                "kind",
                &actor.kind,
            );
            if let Some(affiliation) = actor.affiliation {
                self.actor(None, actor.id, "affiliation", affiliation);
            }
        }
    }

    /// The documents that rejected suggestions name.
    fn rejections(&mut self, project: &Project) {
        for rejected in &project.rejected_suggestions {
            if self.owners.get(&rejected.document) != Some(&Owner::Document) {
                self.problems.push(Problem::of(
                    ProblemKind::MissingDocument,
                    Some(rejected.document),
                    None,
                    format!(
                        "a rejected {} suggestion at {}..{} names document {}, which is not in the project",
                        rejected.kind, rejected.start, rejected.end, rejected.document
                    ),
                ));
            }
        }
    }

    fn claim(&mut self, id: Id, owner: Owner, document: Option<Id>) {
        if let Some(first) = self.owners.get(&id) {
            let this = match owner {
                Owner::Annotation { kind, .. } => kind.label(),
                Owner::Actor => "actor",
                Owner::Document => "document",
            };
            self.problems.push(Problem::of(
                ProblemKind::DuplicateId,
                document,
                Some(id),
                format!(
                    "this {this} has id {id}, which is already used by {}; ids must be unique across the project",
                    first.describe()
                ),
            ));
        } else {
            self.owners.to_mut().insert(id, owner);
        }
    }

    fn document(&mut self, d: &Document) {
        let doc = Some(d.id);
        if fingerprint(d.text().as_bytes()) != d.fingerprint() {
            self.problems.push(Problem::of(
                ProblemKind::FingerprintMismatch,
                doc,
                None,
                format!(
                    "the text does not match its fingerprint {} (was the text edited outside Demarche?)",
                    d.fingerprint()
                ),
            ));
        }
        for &issuer in &d.meta.issuer {
            self.actor(doc, d.id, "issuer", issuer);
        }
        for m in &d.mentions {
            self.span(d, m.id, "span", &m.span);
            self.actor(doc, m.id, "actor", m.actor);
        }
        for s in &d.statements {
            self.span(d, s.id, "span", &s.span);
            if let Some(cue) = &s.cue {
                self.span(d, s.id, "cue", cue);
            }
            if let Some(speaker) = s.speaker {
                self.actor(doc, s.id, "speaker", speaker);
            }
            self.key(
                doc,
                s.id,
                CodebookList::AttributionModes,
                "attribution",
                &s.attribution,
            );
        }
        for c in &d.commitments {
            self.statement(d.id, c.id, "commitment", c.statement);
            if let Some(committer) = c.committer {
                self.actor(doc, c.id, "committer", committer);
            }
            for &addressee in &c.addressees {
                self.actor(doc, c.id, "addressee", addressee);
            }
            let keys = [
                (CodebookList::CommitmentCategories, "category", &c.category),
                (CodebookList::Contexts, "context", &c.context),
                (CodebookList::Strengths, "strength", &c.strength),
                (CodebookList::TimeHorizons, "time horizon", &c.time_horizon),
            ];
            for (list, field, key) in keys {
                self.key(doc, c.id, list, field, key);
            }
        }
        for s in &d.stances {
            self.statement(d.id, s.id, "stance", s.statement);
            if let Some(holder) = s.holder {
                self.actor(doc, s.id, "holder", holder);
            }
            match &s.target {
                Some(StanceTarget::Actor(target)) => self.actor(doc, s.id, "target", *target),
                Some(StanceTarget::Topic(topic)) => {
                    self.key(doc, s.id, CodebookList::Topics, "topic", topic);
                }
                None => {}
            }
            self.key(doc, s.id, CodebookList::Polarities, "polarity", &s.polarity);
            self.key(
                doc,
                s.id,
                CodebookList::Intensities,
                "intensity",
                &s.intensity,
            );
        }
        for t in &d.tags {
            self.span(d, t.id, "span", &t.span);
            self.key(
                doc,
                t.id,
                CodebookList::TagCategories,
                "category",
                &t.category,
            );
        }
        for l in &d.links {
            for (end, target) in [("from", l.from), ("to", l.to)] {
                if !matches!(self.owners.get(&target), Some(Owner::Annotation { document, .. }) if *document == d.id)
                {
                    self.problems.push(Problem::of(
                        ProblemKind::MissingLinkEnd,
                        doc,
                        Some(l.id),
                        format!("link {end} {target}: no annotation of this document has that id"),
                    ));
                }
            }
            self.key(doc, l.id, CodebookList::LinkTypes, "label", &l.label);
        }
    }

    fn actor(&mut self, document: Option<Id>, item: Id, field: &str, actor: Id) {
        match self.owners.get(&actor) {
            Some(Owner::Actor) => {}
            other => {
                let what = other.map_or_else(
                    || "nothing in the project".to_owned(),
                    |owner| owner.describe(),
                );
                self.problems.push(Problem::of(
                    ProblemKind::DanglingActor,
                    document,
                    Some(item),
                    format!("{field} {actor} is not in the actor registry (that id names {what})"),
                ));
            }
        }
    }

    fn statement(&mut self, document: Id, item: Id, what: &str, statement: Id) {
        let expected = Owner::Annotation {
            document,
            kind: AnnotationKind::Statement,
        };
        if self.owners.get(&statement) != Some(&expected) {
            self.problems.push(Problem::of(
                ProblemKind::MissingStatement,
                Some(document),
                Some(item),
                format!("this {what} belongs to statement {statement}, which is not a statement of this document"),
            ));
        }
    }

    fn key(&mut self, document: Option<Id>, item: Id, list: CodebookList, field: &str, key: &str) {
        if !self.keys.contains(list, key) {
            self.problems.push(Problem::of(
                ProblemKind::UnknownCodebookKey,
                document,
                Some(item),
                format!(
                    "{field} {key:?} is not in the codebook's list \"{}\"",
                    list.label()
                ),
            ));
        }
    }

    fn span(&mut self, d: &Document, item: Id, field: &str, span: &Span) {
        let Err(error) = span.check(d.text(), d.index()) else {
            return;
        };
        let kind = match error {
            SpanError::Empty => ProblemKind::EmptySpan,
            SpanError::Reversed { .. } => ProblemKind::ReversedRange,
            SpanError::OutOfRange { .. } => ProblemKind::OutOfRange,
            SpanError::TextMismatch { .. } => ProblemKind::TextMismatch,
            SpanError::Unordered => ProblemKind::UnorderedRanges,
        };
        let detail = match &error {
            // Statements can be paragraphs long: show enough to recognise them.
            SpanError::TextMismatch {
                start,
                end,
                stored,
                actual,
            } => format!(
                "range {start}..{end} covers {:?} in the text but the file says {:?}",
                abbreviate(actual),
                abbreviate(stored)
            ),
            other => other.to_string(),
        };
        self.problems.push(Problem::of(
            kind,
            Some(d.id),
            Some(item),
            format!("{field}: {detail}"),
        ));
    }
}

/// At most 60 characters of a text, with an ellipsis when cut.
fn abbreviate(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large project's documents are checked on several threads; what they find comes
    /// in document order all the same, each problem once.
    #[test]
    fn problems_of_a_large_project_come_in_document_order() {
        let mut project = crate::synth::project(200, 50, 2_000, 11);
        let missing = Id(u64::from(u32::MAX) - 1);
        let mut broken = Vec::new();
        for i in [3, 64, 65, 120, 199] {
            let doc = &mut project.documents[i];
            if let Some(m) = doc.mentions.first_mut() {
                m.actor = missing;
                broken.push((doc.id, m.id));
            }
        }
        assert!(broken.len() >= 4, "the generator gives documents mentions");
        let found: Vec<(Id, Id)> = validate(&project)
            .iter()
            .map(|p| (p.document.expect("a document"), p.item.expect("an item")))
            .collect();
        assert_eq!(found, broken);
    }

    fn passes_alone(project: &Project) -> Vec<bool> {
        let context = DocumentContext::new(&project.codebook, project.actors.iter().map(|a| a.id));
        project
            .documents
            .iter()
            .map(|d| document_passes(&context, d))
            .collect()
    }

    /// A folder checks each document alone as it reads it, then what spans documents: a
    /// valid project passes both ways.
    #[test]
    fn a_valid_project_passes_document_by_document() {
        let project = crate::synth::project(20, 400, 300, 5);
        assert!(validate(&project).is_empty());
        assert!(passes_alone(&project).iter().all(|&ok| ok));
        assert!(validate_prechecked(&project).is_empty());
    }

    /// What only shows across documents is still found: an id used in two documents
    /// (each fine alone) gives exactly the problems of the whole check.
    #[test]
    fn an_id_in_two_documents_is_found_after_the_documents_passed_alone() {
        let mut project = crate::synth::project(5, 400, 60, 6);
        let taken = project.documents[0].mentions[0].id;
        project.documents[3].mentions[0].id = taken;
        project.documents[3].sort_annotations();
        assert!(passes_alone(&project).iter().all(|&ok| ok));
        let whole = validate(&project);
        assert!(
            whole.iter().any(|p| p.kind == ProblemKind::DuplicateId),
            "{whole:?}"
        );
        assert_eq!(validate_prechecked(&project), whole);
    }

    /// A reference to another document's statement, or to an actor not in the registry,
    /// fails the document's own check.
    #[test]
    fn references_outside_the_document_fail_its_own_check() {
        let mut project = crate::synth::project(4, 400, 80, 7);
        let elsewhere = project.documents[0].statements[0].id;
        project.documents[1].commitments[0].statement = elsewhere;
        project.documents[2].mentions[0].actor = Id(u64::from(u32::MAX) - 3);
        assert_eq!(passes_alone(&project), [true, false, false, true]);
        assert!(!validate(&project).is_empty());
    }
}
