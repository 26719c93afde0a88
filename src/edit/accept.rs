//! Accepting suggestions: turns rule suggestions (`crate::suggest`) into one undoable
//! [`Edit::Batch`] that adds the actors they introduce and the annotations they propose.
//! Used by the window (Enter, "accept all") and by `demarche suggest --apply`.

use super::Edit;
use crate::model::ids::IdsExhausted;
use crate::model::{
    Actor, Annotation, CodebookList, Commitment, Document, Id, Mention, Project, Span, Stamp,
    Stance, StanceTarget, Statement,
};
use crate::suggest::{ActorRef, Detail, NewActor, StanceTargetRef, Suggestion, SuggestionKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// One edit that accepts every suggestion of `chosen` in `document`.
///
/// - Actors the suggestions introduce (`ActorRef::New`) are added once: the same name is
///   the same actor, and a project actor with that name (or alias) or ISO3 code is reused.
///   Affiliations are added before the actors that refer to them.
/// - Mentions and statements get a span over their code-point range; a suggestion whose
///   text no longer matches the document (stale) is skipped, and so is one the document
///   already has.
/// - A commitment or stance goes on the statement at its `statement` range: an existing
///   one, one accepted in this batch, or else one made from the statement suggestion of
///   `all` at that range (a bare statement spoken by the committer or holder when `all`
///   has none).
/// - Codebook keys a suggestion names but the project's codebook lacks fall back to the
///   list's first active key, as hand tagging does.
///
/// The result may be an empty batch (nothing left to accept). When the project runs out
/// of ids, nothing is accepted.
///
/// Every lookup goes through maps built once per call, so accepting all the suggestions
/// of a long document takes time linear in their number (issue 12).
pub fn accept(
    project: &Project,
    document: Id,
    chosen: &[Suggestion],
    all: &[Suggestion],
    fresh: &mut dyn FnMut() -> Result<Id, IdsExhausted>,
    annotator: &str,
) -> Result<Edit, IdsExhausted> {
    let Some(doc) = project.document(document) else {
        return Ok(Edit::Batch(Vec::new()));
    };
    let mut batch = Batch::new(project, doc, all, fresh, annotator);
    for suggestion in chosen {
        batch.accept_one(suggestion);
    }
    match batch.exhausted {
        Some(error) => Err(error),
        None => Ok(Edit::Batch(batch.edits)),
    }
}

/// One edit that makes `actors` — an issuer the rules detected (`suggest::issuer`) — the
/// document's issuer: actors new to the project are added as [`accept`] adds them (a
/// project actor with the same name, alias or ISO3 code is reused), then the document's
/// metadata names them. When the project runs out of ids, nothing is accepted.
pub fn accept_issuer(
    project: &Project,
    document: Id,
    actors: &[ActorRef],
    fresh: &mut dyn FnMut() -> Result<Id, IdsExhausted>,
    annotator: &str,
) -> Result<Edit, IdsExhausted> {
    let Some(doc) = project.document(document) else {
        return Ok(Edit::Batch(Vec::new()));
    };
    let mut batch = Batch::new(project, doc, &[], fresh, annotator);
    let mut issuer: Vec<Id> = Vec::new();
    for actor in actors {
        if let Some(id) = batch.actor(actor)
            && !issuer.contains(&id)
        {
            issuer.push(id);
        }
    }
    if let Some(error) = batch.exhausted {
        return Err(error);
    }
    let mut meta = doc.meta.clone();
    meta.issuer = issuer;
    batch
        .edits
        .push(Edit::UpdateDocumentMeta { document, meta });
    Ok(Edit::Batch(batch.edits))
}

/// The state of one acceptance: what it has added so far, so that nothing is added twice.
struct Batch<'a> {
    project: &'a Project,
    doc: &'a Document,
    all: &'a [Suggestion],
    fresh: &'a mut dyn FnMut() -> Result<Id, IdsExhausted>,
    stamp: Stamp,
    /// The project's actors and those this batch adds, by name and ISO3 code.
    actors: ActorIndex,
    /// Single-range statements of the document and of this batch, by range (the first
    /// in id order when several share one).
    statements: FxHashMap<(usize, usize), Id>,
    /// Single-range mentions of the document and of this batch.
    mentions: FxHashSet<(usize, usize)>,
    /// Statements with a commitment (`true`) or stance (`false`), in the document or
    /// added by this batch.
    coded: FxHashSet<(Id, bool)>,
    /// Positions in `all` of the statement suggestions, by range, in order; built on
    /// first use (accepting mentions alone never needs it).
    suggested_statements: Option<FxHashMap<(usize, usize), Vec<usize>>>,
    edits: Vec<Edit>,
    /// Set when an id was refused: the whole batch is then abandoned.
    exhausted: Option<IdsExhausted>,
}

impl<'a> Batch<'a> {
    fn new(
        project: &'a Project,
        doc: &'a Document,
        all: &'a [Suggestion],
        fresh: &'a mut dyn FnMut() -> Result<Id, IdsExhausted>,
        annotator: &str,
    ) -> Self {
        Batch {
            project,
            doc,
            all,
            fresh,
            stamp: Stamp::now(annotator),
            actors: ActorIndex::new(&project.actors),
            // Only the analyst's own layer: another analyst's mention or statement never
            // stops this one from coding the same words, nor is referred to from this layer.
            statements: statement_index(doc, annotator),
            mentions: doc
                .mentions
                .iter()
                .filter(|m| m.stamp.annotator == annotator)
                .filter_map(|m| single_range(&m.span))
                .collect(),
            coded: coded_statements(doc, annotator),
            suggested_statements: None,
            edits: Vec::new(),
            exhausted: None,
        }
    }

    /// A fresh id, or `None` (remembering why) when none is left.
    fn fresh_id(&mut self) -> Option<Id> {
        match (self.fresh)() {
            Ok(id) => Some(id),
            Err(error) => {
                self.exhausted = Some(error);
                None
            }
        }
    }

    fn accept_one(&mut self, s: &Suggestion) {
        // A stale suggestion (the text moved under it) is skipped whole.
        let Some(span) = self.span(s) else { return };
        match &s.detail {
            Detail::Mention { actor } => {
                let range = (s.start, s.end);
                if self.mentions.contains(&range) {
                    return;
                }
                let Some(actor) = self.actor(actor) else {
                    return;
                };
                let Some(id) = self.fresh_id() else {
                    return;
                };
                self.mentions.insert(range);
                self.add(Annotation::Mention(Mention {
                    id,
                    span,
                    actor,
                    stamp: self.stamp.clone(),
                    note: String::new(),
                }));
            }
            Detail::Statement { .. } => {
                self.statement_at((s.start, s.end), Some(s), None);
            }
            Detail::Commitment {
                statement,
                committer,
                addressees,
                action,
                strength,
                conditions,
                category,
            } => {
                let committer = committer.as_ref().and_then(|a| self.actor(a));
                let suggested = self.suggested_statement(*statement);
                let Some(statement) = self.statement_at(*statement, suggested, committer) else {
                    return;
                };
                if self.already_coded(statement, true) {
                    return;
                }
                let mut addressee_ids = Vec::new();
                for a in addressees {
                    if let Some(id) = self.actor(a)
                        && !addressee_ids.contains(&id)
                    {
                        addressee_ids.push(id);
                    }
                }
                let Some(id) = self.fresh_id() else {
                    return;
                };
                self.coded.insert((statement, true));
                self.add(Annotation::Commitment(Commitment {
                    id,
                    statement,
                    committer,
                    addressees: addressee_ids,
                    action: action.clone(),
                    category: self.key(CodebookList::CommitmentCategories, category),
                    cameo: None,
                    context: self.key(CodebookList::Contexts, ""),
                    strength: self.key(CodebookList::Strengths, strength),
                    conditions: conditions.clone(),
                    time_horizon: self.key(CodebookList::TimeHorizons, "unspecified"),
                    stamp: self.stamp.clone(),
                    note: String::new(),
                }));
            }
            Detail::Stance {
                statement,
                holder,
                target,
                polarity,
                ..
            } => {
                let holder = holder.as_ref().and_then(|a| self.actor(a));
                let suggested = self.suggested_statement(*statement);
                let Some(statement) = self.statement_at(*statement, suggested, holder) else {
                    return;
                };
                if self.already_coded(statement, false) {
                    return;
                }
                let target = match target {
                    Some(StanceTargetRef::Actor(a)) => self.actor(a).map(StanceTarget::Actor),
                    // A topic the codebook lacks is left out: another topic would be wrong.
                    Some(StanceTargetRef::Topic(key)) => self
                        .project
                        .codebook
                        .entry(CodebookList::Topics, key)
                        .filter(|e| !e.retired)
                        .map(|e| StanceTarget::Topic(e.key.clone())),
                    None => None,
                };
                let Some(id) = self.fresh_id() else {
                    return;
                };
                self.coded.insert((statement, false));
                self.add(Annotation::Stance(Stance {
                    id,
                    statement,
                    holder,
                    target,
                    polarity: self.key(CodebookList::Polarities, polarity),
                    intensity: self.key(CodebookList::Intensities, ""),
                    cameo: None,
                    stamp: self.stamp.clone(),
                    note: String::new(),
                }));
            }
        }
    }

    fn add(&mut self, annotation: Annotation) {
        self.edits.push(Edit::AddAnnotation {
            document: self.doc.id,
            annotation,
        });
    }

    /// The span of a suggestion, `None` when its range or text no longer fits the document.
    fn span(&self, s: &Suggestion) -> Option<Span> {
        let span = Span::from_range(self.doc.text(), self.doc.index(), s.start, s.end)?;
        let fits = span.ranges.first().is_some_and(|r| r.text == s.text);
        fits.then_some(span)
    }

    /// True when the statement already has a commitment (`commitment`) or stance, in the
    /// document or in this batch: accepting the same suggestion twice adds it once.
    fn already_coded(&self, statement: Id, commitment: bool) -> bool {
        self.coded.contains(&(statement, commitment))
    }

    /// The first statement suggestion of `all` over exactly `range` that still fits the
    /// text.
    fn suggested_statement(&mut self, range: (usize, usize)) -> Option<&'a Suggestion> {
        let all: &'a [Suggestion] = self.all;
        if self.suggested_statements.is_none() {
            self.suggested_statements = Some(statement_suggestions(all));
        }
        let candidates = self.suggested_statements.as_ref()?.get(&range)?;
        candidates
            .iter()
            .map(|&i| &all[i])
            .find(|s| self.span(s).is_some())
    }

    /// The statement over exactly `range`: existing, added by this batch, or added now
    /// from `suggested` (else bare, spoken by `speaker`).
    fn statement_at(
        &mut self,
        range: (usize, usize),
        suggested: Option<&Suggestion>,
        speaker: Option<Id>,
    ) -> Option<Id> {
        if let Some(&id) = self.statements.get(&range) {
            return Some(id);
        }
        let span = Span::from_range(self.doc.text(), self.doc.index(), range.0, range.1)?;
        let (speaker, mode, cue) = match suggested.map(|s| &s.detail) {
            Some(Detail::Statement {
                speaker: who,
                attribution,
                cue,
            }) => {
                let who = who.as_ref().and_then(|a| self.actor(a)).or(speaker);
                let cue = cue.and_then(|(cs, ce)| {
                    Span::from_range(self.doc.text(), self.doc.index(), cs, ce)
                });
                (who, attribution.as_str(), cue)
            }
            _ if speaker.is_some() => (speaker, "reported", None),
            _ => (None, "narration", None),
        };
        let id = self.fresh_id()?;
        self.statements.insert(range, id);
        let attribution = self.key(CodebookList::AttributionModes, mode);
        self.add(Annotation::Statement(Statement {
            id,
            span,
            speaker,
            attribution,
            cue,
            stamp: self.stamp.clone(),
            note: String::new(),
        }));
        Some(id)
    }

    /// The id of the actor a suggestion refers to, adding it (and its affiliations) to
    /// the batch when it is new. `None` for a project actor that no longer exists.
    fn actor(&mut self, actor: &ActorRef) -> Option<Id> {
        match actor {
            ActorRef::Project(id) => self.project.actor(*id).map(|a| a.id),
            ActorRef::New(new) => self.new_actor(new),
        }
    }

    fn new_actor(&mut self, new: &NewActor) -> Option<Id> {
        if let Some(id) = self.known_actor(new) {
            return Some(id);
        }
        // The affiliation first: an actor may only point at one that exists.
        let affiliation = new.affiliation.as_deref().and_then(|a| self.actor(a));
        let id = self.fresh_id()?;
        let mut actor = Actor::new(
            id,
            new.name.trim(),
            self.key(CodebookList::ActorKinds, &new.kind),
        );
        actor.aliases = new
            .aliases
            .iter()
            .filter(|a| !a.trim().is_empty() && !a.trim().eq_ignore_ascii_case(new.name.trim()))
            .map(|a| a.trim().to_owned())
            .collect();
        actor.aliases.dedup();
        actor.iso3 = new.iso3.clone();
        actor.cameo = new.cameo.clone();
        actor.role = new.role.clone();
        actor.affiliation = affiliation.filter(|&a| a != id);
        actor.colour = self
            .project
            .colour_for_new_actor(&Edit::added_actor_colours(&self.edits));
        self.actors.add(&actor);
        self.edits.push(Edit::AddActor(actor));
        Some(id)
    }

    /// A project actor or one added by this batch with the new actor's name (or alias)
    /// or ISO3 code.
    fn known_actor(&self, new: &NewActor) -> Option<Id> {
        let iso3 = new.iso3.as_deref().filter(|c| !c.is_empty());
        self.actors
            .by_name(&new.name)
            .or_else(|| iso3.and_then(|c| self.actors.by_iso3(c)))
    }

    /// The entry `wanted` means (its role or key; not retired), else the list's first
    /// active key.
    fn key(&self, list: CodebookList, wanted: &str) -> String {
        let cb = &self.project.codebook;
        cb.by_role(list, wanted)
            .or_else(|| cb.first_active(list))
            .map_or_else(String::new, |e| e.key.clone())
    }
}

/// Actors by name or alias (trimmed, ASCII case folded) and by ISO3 code (ASCII case
/// folded). The first actor to claim a key keeps it: project actors in id order, then
/// the batch's in the order it adds them, as a scan of that sequence would find.
struct ActorIndex {
    names: FxHashMap<String, Id>,
    iso3: FxHashMap<String, Id>,
}

impl ActorIndex {
    fn new(actors: &[Actor]) -> Self {
        let mut index = Self {
            names: FxHashMap::default(),
            iso3: FxHashMap::default(),
        };
        for actor in actors {
            index.add(actor);
        }
        index
    }

    fn add(&mut self, actor: &Actor) {
        for name in actor.names() {
            self.names
                .entry(name.trim().to_ascii_lowercase())
                .or_insert(actor.id);
        }
        if let Some(code) = &actor.iso3 {
            self.iso3
                .entry(code.to_ascii_lowercase())
                .or_insert(actor.id);
        }
    }

    fn by_name(&self, name: &str) -> Option<Id> {
        self.names.get(&name.trim().to_ascii_lowercase()).copied()
    }

    fn by_iso3(&self, code: &str) -> Option<Id> {
        self.iso3.get(&code.to_ascii_lowercase()).copied()
    }
}

/// The analyst's single-range statements by range, the first (lowest id) of each range.
fn statement_index(doc: &Document, analyst: &str) -> FxHashMap<(usize, usize), Id> {
    let mut by_range = FxHashMap::default();
    for st in doc
        .statements
        .iter()
        .filter(|s| s.stamp.annotator == analyst)
    {
        if let Some(range) = single_range(&st.span) {
            by_range.entry(range).or_insert(st.id);
        }
    }
    by_range
}

/// Positions of the statement suggestions of `all`, by range, in order.
fn statement_suggestions(all: &[Suggestion]) -> FxHashMap<(usize, usize), Vec<usize>> {
    let mut by_range: FxHashMap<(usize, usize), Vec<usize>> = FxHashMap::default();
    for (i, s) in all.iter().enumerate() {
        if s.kind == SuggestionKind::Statement {
            by_range.entry((s.start, s.end)).or_default().push(i);
        }
    }
    by_range
}

/// The statements that have a commitment (`true`) or a stance (`false`) of the analyst's.
fn coded_statements(doc: &Document, analyst: &str) -> FxHashSet<(Id, bool)> {
    let mine = |stamp: &Stamp| stamp.annotator == analyst;
    let commitments = doc
        .commitments
        .iter()
        .filter(|c| mine(&c.stamp))
        .map(|c| (c.statement, true));
    let stances = doc
        .stances
        .iter()
        .filter(|s| mine(&s.stamp))
        .map(|s| (s.statement, false));
    commitments.chain(stances).collect()
}

fn single_range(span: &Span) -> Option<(usize, usize)> {
    match span.ranges.as_slice() {
        [one] => Some((one.start, one.end)),
        _ => None,
    }
}
