//! Property tests: what must hold for any project, not only for the ones we thought of.
//!
//! (a) Saving then loading gives the same project, and saving that again gives the same
//!     bytes — in memory and through a real file.
//! (b) Any edit followed by its inverse restores the project exactly (and the inverse of
//!     the inverse redoes it); a refused edit changes nothing; an accepted edit keeps a
//!     valid project valid.
//! (c) A random mix of applies, undos and redos through `History` keeps the project where
//!     a plain model of the history says it should be.
//!
//! Projects are built from "recipes" of raw choices so that every generated project is
//! valid (spans match their text, references resolve) and shrinking yields small cases.

use chrono::{DateTime, NaiveDate, Utc};
use demarche::edit::compose::{self, ActorRemoval};
use demarche::edit::{Edit, History};
use demarche::model::*;
use demarche::persist;
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

// ---------------------------------------------------------------------------------------
// Text.

/// What analysts' texts are made of: accents (precomposed and combining), Han, Hangul,
/// Cyrillic, astral emoji, flags and math letters, curly and straight quotes, backslashes,
/// dashes, tabs and paragraphs (LF only: imported text is normalised).
const FRAGMENTS: &[&str] = &[
    "Wang Yi",
    "王毅",
    " said ",
    "Bogotá",
    "São Paulo",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "\\",
    " — ",
    "🤝",
    "🇨🇴",
    "𝔘𝔫𝔦",
    "조태열",
    "Сергей",
    " ",
    " ",
    ". ",
    "\n",
    "\n\n",
    "CELAC",
    " will ",
    "e\u{301}",
    "\t",
    "{",
    ")",
    "r#\"",
    "\u{feff}",
];

fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>()
            .prop_filter("texts are LF-normalised", |c| *c != '\r')
            .prop_map(String::from),
    ];
    vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Names, notes and other fields: often empty, often with quotes and backslashes.
fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        3 => "[a-zA-Z0-9 éñüç“”‘’\"\\\\\n—王毅🤝𝔘#(),:]{1,16}",
        1 => any::<String>(),
    ]
}

fn some_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(free_text())
}

fn attributes() -> impl Strategy<Value = BTreeMap<String, String>> {
    prop_oneof![
        2 => Just(BTreeMap::new()),
        1 => btree_map(free_text(), free_text(), 1..4),
    ]
}

/// Whole seconds between 1970 and 2096: the model stores timestamps to the second.
fn time(secs: u32) -> DateTime<Utc> {
    DateTime::from_timestamp(i64::from(secs), 0).expect("in chrono's range")
}

// ---------------------------------------------------------------------------------------
// Recipes: raw choices that `build` turns into a valid project.
//
// Each recipe strategy is boxed: unboxed, the nested strategy types build value trees so
// large that a debug build overflows the test thread's stack.

#[derive(Clone, Debug)]
struct ActorRecipe {
    name: String,
    kind: Index,
    aliases: Vec<String>,
    iso3: Option<String>,
    cameo: Option<String>,
    wikidata: Option<String>,
    affiliation: Option<Index>,
    role: String,
    colour: [u8; 3],
    note: String,
}

fn actor_recipe() -> BoxedStrategy<ActorRecipe> {
    (
        (free_text(), any::<Index>(), vec(free_text(), 0..3)),
        (some_text(), some_text(), some_text()),
        (
            prop::option::of(any::<Index>()),
            free_text(),
            any::<[u8; 3]>(),
            free_text(),
        ),
    )
        .prop_map(
            |(
                (name, kind, aliases),
                (iso3, cameo, wikidata),
                (affiliation, role, colour, note),
            )| {
                ActorRecipe {
                    name,
                    kind,
                    aliases,
                    iso3,
                    cameo,
                    wikidata,
                    affiliation,
                    role,
                    colour,
                    note,
                }
            },
        )
        .boxed()
}

#[derive(Clone, Debug)]
struct DocRecipe {
    text: String,
    title: String,
    source: String,
    date: Option<u16>,
    byline: String,
    url: String,
    language: String,
    status: Index,
    custom: BTreeMap<String, String>,
    note: String,
    path: Option<String>,
    encoding: String,
    line_endings: Index,
    file_fingerprint: Option<String>,
    imported: u32,
}

fn doc_recipe() -> BoxedStrategy<DocRecipe> {
    (
        (
            article_text(),
            free_text(),
            free_text(),
            any::<Option<u16>>(),
        ),
        (
            free_text(),
            free_text(),
            "(en|zh-Hans|pt-BR|)",
            any::<Index>(),
        ),
        (
            attributes(),
            free_text(),
            some_text(),
            "(UTF-8|windows-1252|GB18030)",
        ),
        (any::<Index>(), some_text(), any::<u32>()),
    )
        .prop_map(
            |(
                (text, title, source, date),
                (byline, url, language, status),
                (custom, note, path, encoding),
                (line_endings, file_fingerprint, imported),
            )| DocRecipe {
                text,
                title,
                source,
                date,
                byline,
                url,
                language,
                status,
                custom,
                note,
                path,
                encoding,
                line_endings,
                file_fingerprint,
                imported,
            },
        )
        .boxed()
}

impl DocRecipe {
    fn meta(&self) -> DocumentMeta {
        DocumentMeta {
            title: self.title.clone(),
            source: self.source.clone(),
            date: self.date.map(|d| {
                NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date") + chrono::Days::new(d.into())
            }),
            byline: self.byline.clone(),
            url: self.url.clone(),
            language: self.language.clone(),
            issuer: Vec::new(),
            progress: match *self.status.get(&DocStatus::ALL) {
                DocStatus::Todo => Default::default(),
                status => [(self.byline.clone(), status)].into(),
            },
            legacy_status: None,
            custom: self.custom.clone(),
            note: self.note.clone(),
        }
    }

    fn document(&self, id: Id) -> Document {
        let origin = Origin {
            path: self.path.clone(),
            format: "text".to_owned(),
            encoding: self.encoding.clone(),
            line_endings: *self.line_endings.get(&[
                LineEndings::Lf,
                LineEndings::CrLf,
                LineEndings::Cr,
                LineEndings::Mixed,
            ]),
            file_fingerprint: self.file_fingerprint.clone(),
            imported: time(self.imported),
        };
        Document::new(id, self.meta(), origin, self.text.clone())
    }
}

#[derive(Clone, Debug)]
struct AnnRecipe {
    /// 0 mention, 1 statement, 2 commitment, 3 stance, 4 tag, 5 link.
    kind: usize,
    doc: Index,
    at: [Index; 4],
    discontinuous: bool,
    actor: Index,
    other: Option<Index>,
    keys: [Index; 4],
    words: String,
    note: String,
    attributes: BTreeMap<String, String>,
    annotator: String,
    created: u32,
    modified_after: Option<u16>,
}

fn ann_recipe() -> BoxedStrategy<AnnRecipe> {
    (
        (
            0usize..6,
            any::<Index>(),
            any::<[Index; 4]>(),
            any::<bool>(),
        ),
        (any::<Index>(), any::<Option<Index>>(), any::<[Index; 4]>()),
        (free_text(), free_text(), attributes(), free_text()),
        (any::<u32>(), any::<Option<u16>>()),
    )
        .prop_map(
            |(
                (kind, doc, at, discontinuous),
                (actor, other, keys),
                (words, note, attributes, annotator),
                (created, modified_after),
            )| AnnRecipe {
                kind,
                doc,
                at,
                discontinuous,
                actor,
                other,
                keys,
                words,
                note,
                attributes,
                annotator,
                created,
                modified_after,
            },
        )
        .boxed()
}

#[derive(Clone, Debug)]
pub(crate) struct ProjectRecipe {
    name: String,
    description: String,
    created: u32,
    extra_entries: Vec<(Index, String, String, Option<String>, bool)>,
    actors: Vec<ActorRecipe>,
    docs: Vec<DocRecipe>,
    annotations: Vec<AnnRecipe>,
    rejections: Vec<(Index, String, Index, Index)>,
    curator: Option<String>,
    decisions: Vec<DecisionRecipe>,
}

/// A curation decision on a document: which of its annotations it covers, the outcome
/// (0 agreed, 1 took, 2 edited, 3 none is right), whether it names a result.
#[derive(Clone, Debug)]
struct DecisionRecipe {
    doc: Index,
    covers: [Index; 2],
    outcome: usize,
    with_result: bool,
    who: String,
    reason: String,
    decided: u32,
}

fn decision_recipe() -> BoxedStrategy<DecisionRecipe> {
    (
        (
            any::<Index>(),
            any::<[Index; 2]>(),
            0usize..4,
            any::<bool>(),
        ),
        (free_text(), free_text(), any::<u32>()),
    )
        .prop_map(
            |((doc, covers, outcome, with_result), (who, reason, decided))| DecisionRecipe {
                doc,
                covers,
                outcome,
                with_result,
                who,
                reason,
                decided,
            },
        )
        .boxed()
}

pub(crate) fn project_recipe() -> BoxedStrategy<ProjectRecipe> {
    (
        (free_text(), free_text(), any::<u32>()),
        vec(
            (
                any::<Index>(),
                "[a-z_]{1,8}",
                free_text(),
                some_text(),
                any::<bool>(),
            ),
            0..3,
        ),
        vec(actor_recipe(), 0..6),
        vec(doc_recipe(), 0..4),
        vec(ann_recipe(), 0..30),
        vec(
            (
                any::<Index>(),
                "(mention|statement|commitment|stance)",
                any::<Index>(),
                any::<Index>(),
            ),
            0..4,
        ),
        (
            proptest::option::of(free_text()),
            vec(decision_recipe(), 0..4),
        ),
    )
        .prop_map(
            |(
                (name, description, created),
                extra_entries,
                actors,
                docs,
                annotations,
                rejections,
                (curator, decisions),
            )| {
                ProjectRecipe {
                    name,
                    description,
                    created,
                    extra_entries,
                    actors,
                    docs,
                    annotations,
                    rejections,
                    curator,
                    decisions,
                }
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------
// Building valid model values from recipes, with the model's own constructors.

fn key(project: &Project, list: CodebookList, pick: Index) -> Option<String> {
    let entries = project.codebook.list(list);
    (!entries.is_empty()).then(|| pick.get(entries).key.clone())
}

fn pick_actor(project: &Project, pick: Index) -> Option<Id> {
    (!project.actors.is_empty()).then(|| pick.get(&project.actors).id)
}

/// A span of one or two ranges inside the document, or `None` for an empty text.
fn make_span(doc: &Document, at: &[Index; 4], discontinuous: bool) -> Option<Span> {
    let len = doc.len_chars();
    if len == 0 {
        return None;
    }
    let start = at[0].index(len);
    let end = start + 1 + at[1].index(len - start);
    let mut ranges = vec![(start, end)];
    if discontinuous && end < len {
        // May touch the first range: adjacent ranges are allowed.
        let start2 = end + at[2].index(len - end);
        let end2 = start2 + 1 + at[3].index(len - start2);
        ranges.push((start2, end2));
    }
    Span::from_ranges(doc.text(), doc.index(), ranges)
}

fn make_actor(project: &Project, r: &ActorRecipe, id: Id) -> Actor {
    let kind = key(project, CodebookList::ActorKinds, r.kind).unwrap_or_default();
    let mut a = Actor::new(id, r.name.clone(), kind);
    a.aliases = r.aliases.clone();
    a.iso3 = r.iso3.clone();
    a.cameo = r.cameo.clone();
    a.wikidata = r.wikidata.clone();
    a.affiliation = r
        .affiliation
        .and_then(|i| pick_actor(project, i))
        .filter(|&other| other != id);
    a.role = r.role.clone();
    a.colour = Rgb(r.colour);
    a.note = r.note.clone();
    a
}

/// An annotation of the recipe's kind for `doc`, or `None` when the document cannot hold
/// one (no text for a span, no actor for a mention, no statement for a commitment, …).
/// `id` is never chosen as an end of a link.
fn make_annotation(project: &Project, doc: &Document, r: &AnnRecipe, id: Id) -> Option<Annotation> {
    let stamp = Stamp {
        annotator: r.annotator.clone(),
        created: time(r.created),
        modified: time(
            r.created
                .saturating_add(r.modified_after.map_or(0, u32::from)),
        ),
    };
    let note = r.note.clone();
    let other = r.other.and_then(|i| pick_actor(project, i));
    let statement = || (!doc.statements.is_empty()).then(|| r.at[0].get(&doc.statements).id);
    Some(match r.kind {
        0 => Annotation::Mention(Mention {
            id,
            span: make_span(doc, &r.at, r.discontinuous)?,
            actor: pick_actor(project, r.actor)?,
            stamp,
            note,
        }),
        1 => Annotation::Statement(Statement {
            id,
            span: make_span(doc, &r.at, r.discontinuous)?,
            speaker: other,
            attribution: key(project, CodebookList::AttributionModes, r.keys[0])?,
            cue: if r.discontinuous {
                None
            } else {
                make_span(doc, &[r.at[2], r.at[3], r.at[0], r.at[1]], false)
            },
            stamp,
            note,
        }),
        2 => {
            let mut addressees: Vec<Id> = r.at[1..]
                .iter()
                .take(r.keys[0].index(3))
                .filter_map(|&i| pick_actor(project, i))
                .collect();
            addressees.dedup();
            Annotation::Commitment(Commitment {
                id,
                statement: statement()?,
                committer: other,
                addressees,
                action: r.words.clone(),
                category: key(project, CodebookList::CommitmentCategories, r.keys[0])?,
                cameo: r.discontinuous.then(|| "036".to_owned()),
                context: key(project, CodebookList::Contexts, r.keys[1])?,
                strength: key(project, CodebookList::Strengths, r.keys[2])?,
                conditions: r.attributes.values().next().cloned().unwrap_or_default(),
                time_horizon: key(project, CodebookList::TimeHorizons, r.keys[3])?,
                stamp,
                note,
            })
        }
        3 => {
            let target = match r.keys[3].index(3) {
                0 => None,
                1 => Some(StanceTarget::Actor(pick_actor(project, r.actor)?)),
                _ => Some(StanceTarget::Topic(key(
                    project,
                    CodebookList::Topics,
                    r.keys[2],
                )?)),
            };
            Annotation::Stance(Stance {
                id,
                statement: statement()?,
                holder: other,
                target,
                polarity: key(project, CodebookList::Polarities, r.keys[0])?,
                intensity: key(project, CodebookList::Intensities, r.keys[1])?,
                cameo: r.discontinuous.then(|| "111".to_owned()),
                stamp,
                note,
            })
        }
        4 => Annotation::Tag(Tag {
            id,
            span: make_span(doc, &r.at, r.discontinuous)?,
            category: key(project, CodebookList::TagCategories, r.keys[0])?,
            attributes: r.attributes.clone(),
            stamp,
            note,
        }),
        _ => {
            let mut ends: Vec<Id> = doc.annotation_ids().filter(|&e| e != id).collect();
            ends.sort();
            if ends.len() < 2 {
                return None;
            }
            let from = r.at[0].index(ends.len());
            let to = (from + 1 + r.at[1].index(ends.len() - 1)) % ends.len();
            Annotation::Link(Link {
                id,
                from: ends[from],
                to: ends[to],
                label: key(project, CodebookList::LinkTypes, r.keys[0])?,
                stamp,
                note,
            })
        }
    })
}

fn push_annotation(doc: &mut Document, a: Annotation) {
    match a {
        Annotation::Mention(a) => doc.mentions.push(a),
        Annotation::Statement(a) => doc.statements.push(a),
        Annotation::Commitment(a) => doc.commitments.push(a),
        Annotation::Stance(a) => doc.stances.push(a),
        Annotation::Tag(a) => doc.tags.push(a),
        Annotation::Link(a) => doc.links.push(a),
    }
}

pub(crate) fn build(r: &ProjectRecipe) -> Project {
    let mut p = Project::new(r.name.clone());
    p.meta.description = r.description.clone();
    p.meta.created = time(r.created);
    for (list, k, label, description, retired) in &r.extra_entries {
        let list = *list.get(&CodebookList::ALL);
        if p.codebook.entry(list, k).is_none() {
            let mut e = CodebookEntry::new(k.clone(), label.clone());
            e.description = description.clone().unwrap_or_default();
            e.cameo = description.clone();
            e.retired = *retired;
            p.codebook.list_mut(list).push(e);
        }
    }
    let mut ids = IdAllocator::after(None);
    for a in &r.actors {
        let actor = make_actor(&p, a, ids.fresh().expect("a fresh id"));
        p.actors.push(actor);
    }
    for d in &r.docs {
        let doc = d.document(ids.fresh().expect("a fresh id"));
        p.documents.push(doc);
    }
    for a in &r.annotations {
        if p.documents.is_empty() {
            break;
        }
        let at = a.doc.index(p.documents.len());
        let id = ids.fresh().expect("a fresh id");
        if let Some(annotation) = make_annotation(&p, &p.documents[at], a, id) {
            // Ids grow, so pushing keeps every list sorted.
            push_annotation(&mut p.documents[at], annotation);
        }
    }
    for (doc, kind, a, b) in &r.rejections {
        if p.documents.is_empty() {
            break;
        }
        let d = doc.get(&p.documents);
        let len = d.len_chars() + 1;
        let (start, end) = (a.index(len), b.index(len));
        let rejection = RejectedSuggestion {
            document: d.id,
            analyst: kind.clone(),
            kind: kind.clone(),
            start: start.min(end),
            end: start.max(end),
        };
        if !p.rejected_suggestions.contains(&rejection) {
            p.rejected_suggestions.push(rejection);
        }
    }
    p.meta.curator = r.curator.clone();
    for d in &r.decisions {
        if p.documents.is_empty() {
            break;
        }
        let at = d.doc.index(p.documents.len());
        let doc = &mut p.documents[at];
        let mut ids: Vec<Id> = doc.annotation_ids().collect();
        ids.sort();
        if ids.is_empty() {
            continue;
        }
        let covers: Vec<Id> = d.covers.iter().map(|i| *i.get(&ids)).collect();
        let outcome = match d.outcome {
            0 => Outcome::Agreed {
                analysts: vec![d.who.clone(), d.reason.clone()],
            },
            1 => Outcome::Took {
                analyst: d.who.clone(),
            },
            2 => Outcome::Edited,
            _ => Outcome::NoneRight,
        };
        let mut decision = Decision::now(covers, outcome, None, &d.who, &d.reason);
        decision.reason = d.reason.clone();
        decision.decided = time(d.decided);
        decision.result = d.with_result.then(|| ids[ids.len() - 1]);
        if curation::position(&doc.curation, &decision.covers).is_err() {
            doc.curation.push(decision);
            doc.curation.sort_by(|a, b| a.covers.cmp(&b.covers));
        }
    }
    p.sort_all();
    p
}

// ---------------------------------------------------------------------------------------
// Edits of every kind, built against the project they will be applied to.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Variant {
    SetProjectMeta,
    InsertCodebookEntry,
    RemoveCodebookEntry,
    UpdateCodebookEntry,
    AddActor,
    RemoveActor,
    UpdateActor,
    AddDocument,
    RemoveDocument,
    UpdateDocumentMeta,
    AddAnnotation,
    RemoveAnnotation,
    UpdateAnnotation,
    AddRejection,
    RemoveRejection,
    RemoveAnnotationCascade,
    RemoveActorReassigning,
    RemoveActorAndReferences,
    MergeActors,
    RenameCodebookKey,
    SetDecision,
    RemoveDecision,
}

const VARIANTS: [Variant; 22] = [
    Variant::SetProjectMeta,
    Variant::InsertCodebookEntry,
    Variant::RemoveCodebookEntry,
    Variant::UpdateCodebookEntry,
    Variant::AddActor,
    Variant::RemoveActor,
    Variant::UpdateActor,
    Variant::AddDocument,
    Variant::RemoveDocument,
    Variant::UpdateDocumentMeta,
    Variant::AddAnnotation,
    Variant::RemoveAnnotation,
    Variant::UpdateAnnotation,
    Variant::AddRejection,
    Variant::RemoveRejection,
    Variant::RemoveAnnotationCascade,
    Variant::RemoveActorReassigning,
    Variant::RemoveActorAndReferences,
    Variant::MergeActors,
    Variant::RenameCodebookKey,
    Variant::SetDecision,
    Variant::RemoveDecision,
];

/// Raw material for one edit. `sound` edits are meant to be accepted (some still are
/// refused, e.g. removing an actor in use); unsound ones are built to be refused.
#[derive(Clone, Debug)]
struct Material {
    pick: [Index; 4],
    sound: bool,
    text: String,
    created: u32,
    actor: ActorRecipe,
    doc: DocRecipe,
    annotation: AnnRecipe,
    doc_annotations: Vec<AnnRecipe>,
}

fn material() -> BoxedStrategy<Material> {
    (
        (
            any::<[Index; 4]>(),
            prop::bool::weighted(0.8),
            free_text(),
            any::<u32>(),
        ),
        (
            actor_recipe(),
            doc_recipe(),
            ann_recipe(),
            vec(ann_recipe(), 0..5),
        ),
    )
        .prop_map(
            |((pick, sound, text, created), (actor, doc, annotation, doc_annotations))| Material {
                pick,
                sound,
                text,
                created,
                actor,
                doc,
                annotation,
                doc_annotations,
            },
        )
        .boxed()
}

#[derive(Clone, Debug)]
enum EditRecipe {
    One(Variant, Box<Material>),
    /// Built one after the other, each against the state the previous ones lead to.
    Batch(Vec<(Variant, Material)>),
}

fn edit_recipe() -> BoxedStrategy<EditRecipe> {
    let one = || (prop::sample::select(VARIANTS.to_vec()), material());
    prop_oneof![
        5 => one().prop_map(|(v, m)| EditRecipe::One(v, Box::new(m))),
        1 => vec(one(), 0..4).prop_map(EditRecipe::Batch),
    ]
    .boxed()
}

/// Any annotation of the project, as (document, annotation).
fn pick_annotation(p: &Project, pick: Index) -> Option<(Id, Annotation)> {
    let all: Vec<(Id, Id)> = p
        .documents
        .iter()
        .flat_map(|d| d.annotation_ids().map(move |a| (d.id, a)))
        .collect();
    if all.is_empty() {
        return None;
    }
    let (doc, id) = *pick.get(&all);
    let annotation = p.document(doc)?.annotation(id)?;
    Some((doc, annotation))
}

fn kind_index(a: &Annotation) -> usize {
    match a {
        Annotation::Mention(_) => 0,
        Annotation::Statement(_) => 1,
        Annotation::Commitment(_) => 2,
        Annotation::Stance(_) => 3,
        Annotation::Tag(_) => 4,
        Annotation::Link(_) => 5,
    }
}

/// Breaks an annotation so that adding it must be refused.
fn corrupt(a: &mut Annotation, fresh: Id) {
    match a {
        Annotation::Mention(m) => m.span.ranges[0].text.push('x'),
        Annotation::Statement(s) => s.span.ranges[0].start = usize::MAX - 1,
        Annotation::Tag(t) => t.span.ranges.clear(),
        Annotation::Commitment(c) => c.committer = Some(fresh),
        Annotation::Stance(s) => s.statement = fresh,
        Annotation::Link(l) => l.to = fresh,
    }
}

fn build_edit(p: &Project, v: Variant, m: &Material, ids: &mut IdAllocator) -> Edit {
    let [a, b, c, _] = m.pick;
    let empty = Edit::Batch(Vec::new());
    let list = *a.get(&CodebookList::ALL);
    let entries = p.codebook.list(list);
    let existing_key = (!entries.is_empty()).then(|| b.get(entries).key.clone());
    let actor = pick_actor(p, b);
    let document = (!p.documents.is_empty()).then(|| b.get(&p.documents));
    match v {
        Variant::SetProjectMeta => Edit::SetProjectMeta(ProjectMeta {
            name: m.text.clone(),
            description: m.actor.note.clone(),
            created: time(m.created),
            blind: m.sound,
            curator: (!m.sound).then(|| m.text.clone()),
            saved_queries: if m.sound {
                vec![demarche::model::SavedQuery {
                    name: m.text.clone(),
                    query: "kind:commitment".into(),
                }]
            } else {
                Vec::new()
            },
        }),
        Variant::InsertCodebookEntry => {
            let key = match (&existing_key, m.sound) {
                (Some(k), false) => k.clone(),
                _ => format!("new {}", m.text),
            };
            let mut entry = CodebookEntry::new(key, m.actor.name.clone());
            entry.description = m.actor.role.clone();
            entry.cameo = m.actor.cameo.clone();
            entry.retired = c.index(2) == 1;
            let index = if m.sound {
                c.index(entries.len() + 1)
            } else {
                entries.len() + 1 + c.index(3)
            };
            Edit::InsertCodebookEntry { list, index, entry }
        }
        Variant::RemoveCodebookEntry => Edit::RemoveCodebookEntry {
            list,
            key: match (existing_key, m.sound) {
                (Some(k), true) => k,
                _ => format!("no such key {}", m.text),
            },
        },
        Variant::UpdateCodebookEntry => {
            let Some(key) = existing_key else {
                return empty;
            };
            let mut entry = b.get(entries).clone();
            entry.label = m.text.clone();
            entry.description = m.actor.role.clone();
            entry.retired = !entry.retired;
            if !m.sound {
                // Renaming onto another existing key is refused.
                entry.key = c.get(entries).key.clone();
            } else if c.index(3) == 0 {
                entry.key = format!("renamed {}", m.text);
            }
            Edit::UpdateCodebookEntry { list, key, entry }
        }
        Variant::AddActor => {
            let id = match (actor, m.sound) {
                (Some(taken), false) => taken,
                _ => ids.fresh().expect("a fresh id"),
            };
            Edit::AddActor(make_actor(p, &m.actor, id))
        }
        Variant::RemoveActor => Edit::RemoveActor(match (actor, m.sound) {
            (Some(id), true) => id,
            _ => ids.fresh().expect("a fresh id"),
        }),
        Variant::UpdateActor => {
            let Some(id) = actor else {
                return empty;
            };
            let mut updated = make_actor(p, &m.actor, id);
            if !m.sound {
                updated.affiliation = Some(id);
            }
            Edit::UpdateActor(updated)
        }
        Variant::AddDocument => {
            let id = match (document, m.sound) {
                (Some(d), false) => d.id,
                _ => ids.fresh().expect("a fresh id"),
            };
            let mut doc = m.doc.document(id);
            for r in &m.doc_annotations {
                let aid = ids.fresh().expect("a fresh id");
                if let Some(annotation) = make_annotation(p, &doc, r, aid) {
                    push_annotation(&mut doc, annotation);
                }
            }
            Edit::AddDocument(Box::new(doc))
        }
        Variant::RemoveDocument => Edit::RemoveDocument(match (document, m.sound) {
            (Some(d), true) => d.id,
            _ => ids.fresh().expect("a fresh id"),
        }),
        Variant::UpdateDocumentMeta => Edit::UpdateDocumentMeta {
            document: match (document, m.sound) {
                (Some(d), true) => d.id,
                _ => ids.fresh().expect("a fresh id"),
            },
            meta: m.doc.meta(),
        },
        Variant::AddAnnotation => {
            let Some(doc) = document else {
                return empty;
            };
            let fresh = ids.fresh().expect("a fresh id");
            let Some(mut annotation) = make_annotation(p, doc, &m.annotation, fresh) else {
                return empty;
            };
            if !m.sound {
                corrupt(&mut annotation, ids.fresh().expect("a fresh id"));
            }
            Edit::AddAnnotation {
                document: doc.id,
                annotation,
            }
        }
        Variant::RemoveAnnotation => match (pick_annotation(p, b), m.sound) {
            (Some((document, a)), true) => Edit::RemoveAnnotation {
                document,
                id: a.id(),
            },
            (Some((document, _)), false) => Edit::RemoveAnnotation {
                document,
                id: ids.fresh().expect("a fresh id"),
            },
            (None, _) => empty,
        },
        Variant::UpdateAnnotation => {
            let Some((document, old)) = pick_annotation(p, b) else {
                return empty;
            };
            let Some(doc) = p.document(document) else {
                return empty;
            };
            let mut recipe = m.annotation.clone();
            if m.sound {
                recipe.kind = kind_index(&old);
            }
            let Some(annotation) = make_annotation(p, doc, &recipe, old.id()) else {
                return empty;
            };
            Edit::UpdateAnnotation {
                document,
                annotation,
            }
        }
        Variant::AddRejection => {
            let Some(doc) = document else {
                return empty;
            };
            let len = doc.len_chars() + 1;
            let rejection = if !m.sound && !p.rejected_suggestions.is_empty() {
                c.get(&p.rejected_suggestions).clone()
            } else {
                let (s, e) = (c.index(len), a.index(len));
                RejectedSuggestion {
                    document: if m.sound {
                        doc.id
                    } else {
                        ids.fresh().expect("a fresh id")
                    },
                    analyst: m.text.clone(),
                    kind: m.text.clone(),
                    start: s.min(e),
                    end: s.max(e),
                }
            };
            Edit::AddRejection(rejection)
        }
        Variant::RemoveRejection => {
            let rejection = if m.sound && !p.rejected_suggestions.is_empty() {
                c.get(&p.rejected_suggestions).clone()
            } else {
                RejectedSuggestion {
                    document: ids.fresh().expect("a fresh id"),
                    analyst: m.text.clone(),
                    kind: m.text.clone(),
                    start: 0,
                    end: 1,
                }
            };
            Edit::RemoveRejection(rejection)
        }
        Variant::SetDecision => {
            let Some((document, a)) = pick_annotation(p, b) else {
                return empty;
            };
            let outcome = Outcome::Took {
                analyst: m.text.clone(),
            };
            let decision = Decision::now(vec![a.id()], outcome, Some(a.id()), &m.text, &m.text);
            // Unsound: a document that is not in the project.
            let document = if m.sound {
                document
            } else {
                ids.fresh().expect("a fresh id")
            };
            Edit::SetDecision { document, decision }
        }
        Variant::RemoveDecision => {
            let decided = p
                .documents
                .iter()
                .flat_map(|d| d.curation.iter().map(move |c| (d.id, c.covers.clone())))
                .collect::<Vec<_>>();
            match (decided.is_empty(), m.sound) {
                (false, true) => {
                    let (document, covers) = c.get(&decided).clone();
                    Edit::RemoveDecision { document, covers }
                }
                _ => Edit::RemoveDecision {
                    document: document.map_or(Id(1), |d| d.id),
                    covers: vec![ids.fresh().expect("a fresh id")],
                },
            }
        }
        Variant::RemoveAnnotationCascade => {
            let Some((document, a)) = pick_annotation(p, b) else {
                return empty;
            };
            match p.document(document) {
                Some(doc) => compose::remove_annotation_cascade(doc, a.id()),
                None => empty,
            }
        }
        Variant::RemoveActorReassigning | Variant::MergeActors => {
            let (Some(from), Some(to)) = (actor, pick_actor(p, c)) else {
                return empty;
            };
            if from == to && m.sound {
                return empty;
            }
            if v == Variant::MergeActors {
                compose::merge_actors(p, to, from)
            } else {
                compose::remove_actor(p, from, ActorRemoval::ReassignTo(to))
            }
        }
        Variant::RemoveActorAndReferences => match actor {
            Some(id) => compose::remove_actor(p, id, ActorRemoval::RemoveReferences),
            None => empty,
        },
        Variant::RenameCodebookKey => {
            let Some(old) = existing_key else {
                return empty;
            };
            let new = if m.sound {
                format!("renamed {}", m.text)
            } else {
                c.get(entries).key.clone()
            };
            compose::rename_codebook_key(p, list, &old, &new)
        }
    }
}

/// The edit a recipe describes, built against `p` (ids come from `ids`).
fn materialise(p: &Project, recipe: &EditRecipe, ids: &mut IdAllocator) -> Edit {
    match recipe {
        EditRecipe::One(v, m) => build_edit(p, *v, m, ids),
        EditRecipe::Batch(steps) => {
            let mut scratch = p.clone();
            let mut edits = Vec::new();
            for (v, m) in steps {
                let edit = build_edit(&scratch, *v, m, ids);
                // Later steps see what earlier ones did; a refused step leaves `scratch`
                // as it was, and makes the whole batch refused (and rolled back).
                let _ = edit.clone().apply(&mut scratch);
                edits.push(edit);
            }
            Edit::Batch(edits)
        }
    }
}

/// Applies an edit and checks the inverse laws. Returns whether it was accepted.
fn check_edit(p: &mut Project, edit: Edit) -> Result<bool, TestCaseError> {
    let before = p.clone();
    match edit.apply(p) {
        Ok(inverse) => {
            let after = p.clone();
            let problems = persist::validate(&after);
            prop_assert!(
                problems.is_empty(),
                "an accepted edit left problems: {:?}",
                problems
            );
            let redo = inverse
                .apply(p)
                .map_err(|e| TestCaseError::fail(format!("the inverse was refused: {e}")))?;
            prop_assert_eq!(&*p, &before, "edit + inverse changed the project");
            redo.apply(p)
                .map_err(|e| TestCaseError::fail(format!("redo was refused: {e}")))?;
            prop_assert_eq!(&*p, &after, "inverse of the inverse is not the edit");
            Ok(true)
        }
        Err(_) => {
            prop_assert_eq!(&*p, &before, "a refused edit changed the project");
            Ok(false)
        }
    }
}

// ---------------------------------------------------------------------------------------
// The properties.

fn load_text(text: &str) -> Result<Project, TestCaseError> {
    persist::from_str(text, Path::new("generated.ron"))
        .map(|l| l.project)
        .map_err(|e| TestCaseError::fail(format!("could not load what was saved: {e}")))
}

proptest! {
    #![proptest_config(Config { cases: 96, ..Config::default() })]

    #[test]
    fn generated_projects_are_valid(recipe in project_recipe()) {
        let p = build(&recipe);
        let problems = persist::validate(&p);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    #[test]
    fn save_then_load_gives_an_equal_project_and_identical_bytes(recipe in project_recipe()) {
        let p = build(&recipe);
        let text = persist::to_canonical_string(&p);
        let loaded = load_text(&text)?;
        prop_assert_eq!(&loaded, &p);
        prop_assert_eq!(persist::to_canonical_string(&loaded), text);
    }
}

/// Any string, with the chars escaping treats specially (NUL and other controls, quotes,
/// backslashes, combining marks, invisible format chars, emoji) far more often than chance.
fn any_string() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\0',
        '\u{1}',
        '\u{1b}',
        '\t',
        '\n',
        '\r',
        '\u{7f}',
        '"',
        '\'',
        '\\',
        '#',
        '\u{301}',
        '\u{85}',
        '\u{a0}',
        '\u{ad}',
        '\u{200b}',
        '\u{200d}',
        '\u{2028}',
        '\u{feff}',
        '\u{fffd}',
        '王',
        'ع',
        '😀',
        '🇨',
        '\u{e0001}',
        '\u{10ffff}',
    ]);
    vec(prop_oneof![any::<char>(), special], 0..48).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    /// The canonical writer escapes strings itself (for speed): its bytes must stay
    /// exactly `ron`'s, wherever a string sits (field, document text, map key and value).
    #[test]
    fn the_canonical_writer_gives_the_bytes_ron_gives(
        recipe in project_recipe(),
        doc in doc_recipe(),
        strings in vec(any_string(), 5),
    ) {
        let mut p = build(&recipe);
        p.meta.name = strings[0].clone();
        p.meta.description = strings[1].clone();
        let id = p.id_allocator("tester").fresh().expect("an id");
        let mut d = DocRecipe { text: strings[2].clone(), ..doc }.document(id);
        d.meta.custom.insert(strings[3].clone(), strings[4].clone());
        p.documents.push(d);
        let ours = persist::to_canonical_string(&p);
        let rons = ron::ser::to_string_pretty(&p, persist::canonical_config())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ours, rons + "\n");
    }
}

proptest! {
    #![proptest_config(Config { cases: 16, ..Config::default() })]

    #[test]
    fn save_to_a_file_then_load_gives_an_equal_project_and_identical_bytes(
        recipe in project_recipe(),
        other in project_recipe(),
    ) {
        let p = build(&recipe);
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("Cancillería “notes” 王毅.ron");
        persist::save(&p, &path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let first = std::fs::read(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = persist::load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&loaded.project, &p);
        prop_assert_eq!(loaded.migrated_from, None);

        // Saving what was loaded changes nothing on disk.
        persist::save(&loaded.project, &path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let second = std::fs::read(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(first == second, "saving the loaded project changed the file");

        // Saving another project over it loads back as that project.
        let q = build(&other);
        persist::save(&q, &path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let reloaded = persist::load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&reloaded.project, &q);
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn any_edit_then_its_inverse_restores_the_project(
        recipe in project_recipe(),
        edit in edit_recipe(),
    ) {
        let mut p = build(&recipe);
        let mut ids = p.id_allocator("tester");
        let edit = materialise(&p, &edit, &mut ids);
        check_edit(&mut p, edit)?;
    }
}

#[derive(Clone, Debug)]
enum Op {
    Apply(EditRecipe),
    Undo,
    Redo,
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    vec(
        prop_oneof![
            3 => edit_recipe().prop_map(Op::Apply),
            2 => Just(Op::Undo),
            1 => Just(Op::Redo),
        ],
        1..24,
    )
}

/// A state the model of the history remembers: the project, its step's name and the
/// history's token for it.
type Remembered = (Project, String, u64);

proptest! {
    #![proptest_config(Config { cases: 48, ..Config::default() })]

    #[test]
    fn history_follows_a_model_of_undo_and_redo(
        recipe in project_recipe(),
        ops in ops(),
        limit in 2usize..10,
    ) {
        let mut p = build(&recipe);
        let original = p.clone();
        let mut ids = p.id_allocator("tester");
        let mut history = History::new(limit);
        // What undo and redo should lead to, newest last.
        let mut undo: VecDeque<Remembered> = VecDeque::new();
        let mut redo: Vec<Remembered> = Vec::new();
        let mut dropped = false;
        // Equal tokens must mean equal projects (the window's unsaved marker relies on it).
        let mut seen: BTreeMap<u64, Project> = BTreeMap::new();
        seen.insert(history.state_token(), p.clone());

        for (n, op) in ops.iter().enumerate() {
            match op {
                Op::Apply(recipe) => {
                    let edit = materialise(&p, recipe, &mut ids);
                    let nothing = edit.is_empty();
                    let before = p.clone();
                    let token = history.state_token();
                    let label = format!("step {n} ✓");
                    match history.apply(&mut p, label.clone(), edit) {
                        Ok(()) if nothing => prop_assert_eq!(&p, &before),
                        Ok(()) => {
                            undo.push_back((before, label, token));
                            if undo.len() > limit {
                                undo.pop_front();
                                dropped = true;
                            }
                            redo.clear();
                        }
                        Err(_) => prop_assert_eq!(&p, &before),
                    }
                }
                Op::Undo => {
                    let current = (p.clone(), history.state_token());
                    let label = history
                        .undo(&mut p)
                        .map_err(|e| TestCaseError::fail(format!("undo refused: {e}")))?;
                    match undo.pop_back() {
                        Some((state, name, token)) => {
                            prop_assert_eq!(label.as_deref(), Some(name.as_str()));
                            prop_assert_eq!(&p, &state);
                            prop_assert_eq!(history.state_token(), token);
                            redo.push((current.0, name, current.1));
                        }
                        None => {
                            prop_assert_eq!(label, None);
                            prop_assert_eq!(&p, &current.0);
                        }
                    }
                }
                Op::Redo => {
                    let current = (p.clone(), history.state_token());
                    let label = history
                        .redo(&mut p)
                        .map_err(|e| TestCaseError::fail(format!("redo refused: {e}")))?;
                    match redo.pop() {
                        Some((state, name, token)) => {
                            prop_assert_eq!(label.as_deref(), Some(name.as_str()));
                            prop_assert_eq!(&p, &state);
                            prop_assert_eq!(history.state_token(), token);
                            undo.push_back((current.0, name, current.1));
                        }
                        None => {
                            prop_assert_eq!(label, None);
                            prop_assert_eq!(&p, &current.0);
                        }
                    }
                }
            }
            prop_assert_eq!(history.can_undo(), !undo.is_empty());
            prop_assert_eq!(history.can_redo(), !redo.is_empty());
            let token = history.state_token();
            match seen.get(&token) {
                Some(known) => prop_assert_eq!(known, &p, "token {} names two states", token),
                None => {
                    seen.insert(token, p.clone());
                }
            }
        }

        // Undoing everything reaches the oldest state still remembered: the original,
        // unless the limit dropped older steps.
        let oldest = undo.front().map_or_else(|| p.clone(), |s| s.0.clone());
        while history.can_undo() {
            history
                .undo(&mut p)
                .map_err(|e| TestCaseError::fail(format!("undo refused: {e}")))?;
        }
        prop_assert_eq!(&p, &oldest);
        if !dropped {
            prop_assert_eq!(&p, &original);
        }
    }
}

/// The edit property above would prove little if most generated edits were refused or
/// empty: every kind of edit must be accepted in some cases and refused in others.
#[test]
fn generated_edits_cover_every_variant_both_accepted_and_refused() {
    let mut runner = TestRunner::deterministic();
    let strategy = (
        project_recipe(),
        prop::sample::select(VARIANTS.to_vec()),
        material(),
    );
    let mut accepted: BTreeMap<Variant, usize> = BTreeMap::new();
    let mut refused: BTreeMap<Variant, usize> = BTreeMap::new();
    for _ in 0..1500 {
        let (recipe, variant, m) = strategy
            .new_tree(&mut runner)
            .expect("strategies generate")
            .current();
        let mut p = build(&recipe);
        let mut ids = p.id_allocator("tester");
        let edit = build_edit(&p, variant, &m, &mut ids);
        if edit.is_empty() {
            continue;
        }
        let counts = match check_edit(&mut p, edit) {
            Ok(true) => &mut accepted,
            Ok(false) => &mut refused,
            Err(e) => panic!("{variant:?}: {e}"),
        };
        *counts.entry(variant).or_default() += 1;
    }
    for v in VARIANTS {
        assert!(
            accepted.get(&v).copied().unwrap_or(0) >= 5,
            "{v:?} accepted only {:?} times",
            accepted.get(&v)
        );
    }
    // Every primitive edit has a way to be refused; of the composites only renaming onto a
    // taken key is (the others are built from the project's state and always fit).
    for v in VARIANTS {
        let composite = matches!(
            v,
            Variant::RemoveAnnotationCascade
                | Variant::RemoveActorReassigning
                | Variant::RemoveActorAndReferences
                | Variant::MergeActors
                | Variant::SetProjectMeta
        );
        if !composite {
            assert!(refused.contains_key(&v), "{v:?} was never refused");
        }
    }
}
