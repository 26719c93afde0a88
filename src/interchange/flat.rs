//! A flat picture of one document's annotations — text-bound items with attributes, notes
//! and references, plus binary relations — shared by the brat and doccano formats.
//!
//! Both formats only know labelled spans and labelled relations, so Demarche's richer
//! annotations are spelled out the same way in both ([`flatten`]) and read back the same
//! way ([`rebuild`]): a commitment is an item over its statement's span with an
//! `InStatement` relation, its committer a `Committer` relation to a mention of that actor,
//! and so on. Anything that does not fit Demarche's concepts becomes a tag or a link.

use crate::model::ids;
use crate::model::ids::IdsExhausted;
use crate::model::{
    Actor, Annotation, CodebookEntry, CodebookList, Commitment, Document, Id, IdAllocator, Link,
    Mention, Project, Span, Stamp, Stance, StanceTarget, Statement, Tag,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Item labels that carry Demarche's own annotations.
pub const MENTION: &str = "Mention";
pub const STATEMENT: &str = "Statement";
pub const COMMITMENT: &str = "Commitment";
pub const STANCE: &str = "Stance";
pub const CUE: &str = "Cue";

/// Relation labels with a meaning of their own; others become links.
pub const SPEAKER: &str = "Speaker";
pub const IN_STATEMENT: &str = "InStatement";
pub const COMMITTER: &str = "Committer";
pub const ADDRESSEE: &str = "Addressee";
pub const HOLDER: &str = "Holder";
pub const TARGET: &str = "Target";
pub const ATTRIBUTION_CUE: &str = "AttributionCue";

/// Attribute names of the categorical fields.
pub const ACTOR_KIND: &str = "ActorKind";
pub const ATTRIBUTION: &str = "Attribution";
pub const CATEGORY: &str = "Category";
pub const CONTEXT: &str = "Context";
pub const STRENGTH: &str = "Strength";
pub const TIME_HORIZON: &str = "TimeHorizon";
pub const CAMEO: &str = "Cameo";
pub const POLARITY: &str = "Polarity";
pub const INTENSITY: &str = "Intensity";
pub const TOPIC: &str = "Topic";

/// Note types: brat's own `AnnotatorNotes` and the free-text fields of commitments.
pub const NOTE: &str = "AnnotatorNotes";
pub const ACTION: &str = "Action";
pub const CONDITIONS: &str = "Conditions";

/// The normalisation database naming Demarche actors (`Demarche:A12`).
pub const ACTOR_DB: &str = "Demarche";
/// The normalisation type tying a mention to its actor.
pub const REFERENCE: &str = "Reference";

/// A reference into an outside resource (brat's N lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Norm {
    pub kind: String,
    pub db: String,
    pub id: String,
    pub text: String,
}

/// A labelled span with everything attached to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// The id in the file (`T3`, or a doccano entity id); unique within the document.
    pub key: String,
    pub label: String,
    /// Code-point ranges into the (LF) text, in text order.
    pub ranges: Vec<(usize, usize)>,
    /// Attribute name → value; an empty value is a binary attribute (brat `A1 Negated T1`).
    pub attributes: Vec<(String, String)>,
    /// Note type → text.
    pub notes: Vec<(String, String)>,
    pub norms: Vec<Norm>,
}

/// A labelled relation between two items (or two relations' ends, which brat cannot hold).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relation {
    pub key: String,
    pub label: String,
    pub from: String,
    pub to: String,
    pub notes: Vec<(String, String)>,
}

/// One document, flat.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlatDoc {
    pub items: Vec<Item>,
    pub relations: Vec<Relation>,
}

impl FlatDoc {
    /// Searched from the end: callers look up the item they have just added.
    fn item_mut(&mut self, key: &str) -> Option<&mut Item> {
        self.items.iter_mut().rev().find(|i| i.key == key)
    }
}

/// Spells a document's annotations out as items and relations. Item keys are `T1, T2, …`
/// and relation keys `R1, R2, …` in a stable order (by kind, then id), so exports diff well.
pub fn flatten(project: &Project, doc: &Document) -> FlatDoc {
    let mut flat = FlatDoc::default();
    let mut key_of: HashMap<Id, String> = HashMap::new();
    let mut next_item = 0usize;
    let mut new_item = |flat: &mut FlatDoc, label: &str, span: &Span| -> String {
        next_item += 1;
        let key = format!("T{next_item}");
        flat.items.push(Item {
            key: key.clone(),
            label: label.to_owned(),
            ranges: span.ranges.iter().map(|r| (r.start, r.end)).collect(),
            ..Item::default()
        });
        key
    };
    let mut relations: Vec<(String, String, String, String)> = Vec::new();
    let mut relate = |label: &str, from: &str, to: &str, note: &str| {
        relations.push((
            label.to_owned(),
            from.to_owned(),
            to.to_owned(),
            note.to_owned(),
        ));
    };

    // The mention that stands for an actor in relations: its first one in the document.
    // Kept with the mention's start, so that no item has to be looked up again.
    let mut mention_of_actor: HashMap<Id, (usize, String)> = HashMap::new();
    for m in &doc.mentions {
        let key = new_item(&mut flat, MENTION, &m.span);
        key_of.insert(m.id, key.clone());
        let start = m.span.ranges.first().map_or(usize::MAX, |r| r.start);
        mention_of_actor
            .entry(m.actor)
            .and_modify(|(first, k)| {
                if start < *first {
                    (*first, *k) = (start, key.clone());
                }
            })
            .or_insert_with(|| (start, key.clone()));
        let item = flat.items.last_mut();
        if let Some(item) = item {
            if let Some(actor) = project.actor(m.actor) {
                item.attributes
                    .push((ACTOR_KIND.into(), actor.kind.clone()));
                item.norms.extend(actor_norms(actor, REFERENCE));
            }
            push_note(&mut item.notes, NOTE, &m.note);
        }
    }
    // Refers to an actor through a relation to its mention, or a norm when it has none here.
    let actor_ref = |flat: &mut FlatDoc,
                     relate: &mut dyn FnMut(&str, &str, &str, &str),
                     from: &str,
                     label: &str,
                     actor: Id| {
        if let Some((_, m)) = mention_of_actor.get(&actor) {
            relate(label, from, m, "");
        } else if let (Some(a), Some(item)) = (project.actor(actor), flat.item_mut(from)) {
            item.norms.push(Norm {
                kind: label.to_owned(),
                db: ACTOR_DB.into(),
                id: format!("A{}", a.id.0),
                text: a.name.clone(),
            });
        }
    };
    for s in &doc.statements {
        let key = new_item(&mut flat, STATEMENT, &s.span);
        key_of.insert(s.id, key.clone());
        if let Some(item) = flat.item_mut(&key) {
            item.attributes
                .push((ATTRIBUTION.into(), s.attribution.clone()));
            push_note(&mut item.notes, NOTE, &s.note);
        }
        if let Some(speaker) = s.speaker {
            actor_ref(&mut flat, &mut relate, &key, SPEAKER, speaker);
        }
        if let Some(cue) = &s.cue {
            let cue_key = new_item(&mut flat, CUE, cue);
            relate(ATTRIBUTION_CUE, &key, &cue_key, "");
        }
    }
    for c in &doc.commitments {
        let Some(statement_key) = key_of.get(&c.statement).cloned() else {
            continue;
        };
        let span = statement_span(doc, c.statement);
        let key = new_item(&mut flat, COMMITMENT, &span);
        key_of.insert(c.id, key.clone());
        relate(IN_STATEMENT, &key, &statement_key, "");
        if let Some(item) = flat.item_mut(&key) {
            item.attributes.extend([
                (CATEGORY.into(), c.category.clone()),
                (CONTEXT.into(), c.context.clone()),
                (STRENGTH.into(), c.strength.clone()),
                (TIME_HORIZON.into(), c.time_horizon.clone()),
            ]);
            if let Some(cameo) = &c.cameo {
                item.attributes.push((CAMEO.into(), cameo.clone()));
            }
            push_note(&mut item.notes, ACTION, &c.action);
            push_note(&mut item.notes, CONDITIONS, &c.conditions);
            push_note(&mut item.notes, NOTE, &c.note);
        }
        if let Some(committer) = c.committer {
            actor_ref(&mut flat, &mut relate, &key, COMMITTER, committer);
        }
        for &addressee in &c.addressees {
            actor_ref(&mut flat, &mut relate, &key, ADDRESSEE, addressee);
        }
    }
    for s in &doc.stances {
        let Some(statement_key) = key_of.get(&s.statement).cloned() else {
            continue;
        };
        let span = statement_span(doc, s.statement);
        let key = new_item(&mut flat, STANCE, &span);
        key_of.insert(s.id, key.clone());
        relate(IN_STATEMENT, &key, &statement_key, "");
        if let Some(item) = flat.item_mut(&key) {
            item.attributes.extend([
                (POLARITY.into(), s.polarity.clone()),
                (INTENSITY.into(), s.intensity.clone()),
            ]);
            if let Some(cameo) = &s.cameo {
                item.attributes.push((CAMEO.into(), cameo.clone()));
            }
            if let Some(StanceTarget::Topic(topic)) = &s.target {
                item.attributes.push((TOPIC.into(), topic.clone()));
            }
            push_note(&mut item.notes, NOTE, &s.note);
        }
        if let Some(holder) = s.holder {
            actor_ref(&mut flat, &mut relate, &key, HOLDER, holder);
        }
        if let Some(StanceTarget::Actor(target)) = s.target {
            actor_ref(&mut flat, &mut relate, &key, TARGET, target);
        }
    }
    for t in &doc.tags {
        let key = new_item(&mut flat, &t.category, &t.span);
        key_of.insert(t.id, key.clone());
        if let Some(item) = flat.item_mut(&key) {
            for (name, value) in &t.attributes {
                if let Some(norm) = norm_from_attribute(name, value) {
                    item.norms.push(norm);
                } else if let Some(kind) = name.strip_prefix(NOTE_ATTRIBUTE_PREFIX) {
                    item.notes.push((kind.to_owned(), value.clone()));
                } else {
                    item.attributes.push((name.clone(), value.clone()));
                }
            }
            push_note(&mut item.notes, NOTE, &t.note);
        }
    }
    for l in &doc.links {
        // A link to a link has no brat form; the exporter reports those it leaves out.
        if let (Some(from), Some(to)) = (key_of.get(&l.from), key_of.get(&l.to)) {
            relate(&l.label, from, to, &l.note);
        }
    }
    flat.relations = relations
        .into_iter()
        .enumerate()
        .map(|(i, (label, from, to, note))| {
            let mut notes = Vec::new();
            push_note(&mut notes, NOTE, &note);
            Relation {
                key: format!("R{}", i + 1),
                label,
                from,
                to,
                notes,
            }
        })
        .collect();
    flat
}

/// Links whose ends have no item (links to links): what [`flatten`] cannot carry.
pub fn unflattenable_links(doc: &Document) -> impl Iterator<Item = &Link> {
    doc.links.iter().filter(|l| {
        ids::find(&doc.links, l.from).is_some()
            || ids::find(&doc.links, l.to).is_some()
            || !doc.has_annotation(l.from)
            || !doc.has_annotation(l.to)
    })
}

fn statement_span(doc: &Document, statement: Id) -> Span {
    doc.statements
        .iter()
        .find(|s| s.id == statement)
        .map(|s| s.span.clone())
        .unwrap_or_default()
}

fn push_note(notes: &mut Vec<(String, String)>, kind: &str, text: &str) {
    if !text.is_empty() {
        notes.push((kind.to_owned(), text.to_owned()));
    }
}

/// The norms that identify an actor: its Demarche id with its name, then its codes.
fn actor_norms(actor: &Actor, kind: &str) -> Vec<Norm> {
    let norm = |db: &str, id: &str| Norm {
        kind: kind.to_owned(),
        db: db.to_owned(),
        id: id.to_owned(),
        text: actor.name.clone(),
    };
    let mut out = vec![norm(ACTOR_DB, &format!("A{}", actor.id.0))];
    if let Some(q) = &actor.wikidata {
        out.push(norm("Wikidata", q));
    }
    if let Some(code) = &actor.iso3 {
        out.push(norm("ISO3166", code));
    }
    if let Some(code) = &actor.cameo {
        out.push(norm("CAMEO", code));
    }
    out
}

/// Tags keep foreign norms and notes as attributes with these prefixes, so they go back
/// out as N and `#` lines.
const NORM_ATTRIBUTE_PREFIX: &str = "N:";
const NOTE_ATTRIBUTE_PREFIX: &str = "#:";

fn norm_attribute(norm: &Norm) -> (String, String) {
    (
        format!("{NORM_ATTRIBUTE_PREFIX}{}:{}", norm.kind, norm.db),
        if norm.text.is_empty() {
            norm.id.clone()
        } else {
            format!("{}\t{}", norm.id, norm.text)
        },
    )
}

fn norm_from_attribute(name: &str, value: &str) -> Option<Norm> {
    let (kind, db) = name.strip_prefix(NORM_ATTRIBUTE_PREFIX)?.split_once(':')?;
    let (id, text) = value.split_once('\t').unwrap_or((value, ""));
    Some(Norm {
        kind: kind.to_owned(),
        db: db.to_owned(),
        id: id.to_owned(),
        text: text.to_owned(),
    })
}

/// What [`rebuild`] could not keep, or had to change, one line each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// The item or relation key it concerns (`T3`, `R2`, `E1`).
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// Turns a flat document back into Demarche annotations on `doc` (whose text the ranges
/// index), creating actors and codebook entries the project lacks. Ids come from `ids`;
/// when they run out, `project` may hold some of the new actors and keys, and the caller
/// drops it (the import command then saves nothing).
pub fn rebuild(
    project: &mut Project,
    doc: &mut Document,
    flat: &FlatDoc,
    ids: &mut IdAllocator,
    annotator: &str,
) -> Result<Vec<ImportProblem>, IdsExhausted> {
    let mut problems = Vec::new();
    let stamp = Stamp::now(annotator);
    let problem = |problems: &mut Vec<ImportProblem>, key: &str, message: String| {
        problems.push(ImportProblem {
            key: key.to_owned(),
            message,
        })
    };

    // Spans first: an item whose ranges do not fit the text cannot become anything.
    let mut spans: HashMap<&str, Span> = HashMap::new();
    for item in &flat.items {
        match Span::from_ranges(doc.text(), doc.index(), item.ranges.iter().copied()) {
            Some(span) => {
                spans.insert(item.key.as_str(), span);
            }
            None => problem(
                &mut problems,
                &item.key,
                format!(
                    "left out: its offsets {} do not fit the text ({} characters)",
                    ranges_text(&item.ranges),
                    doc.len_chars()
                ),
            ),
        }
    }
    let items: HashMap<&str, &Item> = flat.items.iter().map(|i| (i.key.as_str(), i)).collect();

    // Which relations Demarche understands: they are consumed by the items they describe.
    let mut consumed = vec![false; flat.relations.len()];
    // Relations by source and label, in order: looked up per item, so indexed once.
    let mut relations_from: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, r) in flat.relations.iter().enumerate() {
        relations_from
            .entry((r.from.as_str(), r.label.as_str()))
            .or_default()
            .push(i);
    }
    let rels_from = |key: &str, label: &str| -> Vec<usize> {
        relations_from
            .get(&(key, label))
            .cloned()
            .unwrap_or_default()
    };
    let label_of = |key: &str| items.get(key).map(|i| i.label.as_str());

    // Mentions and their actors.
    let mut names = ActorNames::of(project);
    let mut actor_of_item: HashMap<&str, Id> = HashMap::new();
    let mut id_of_item: HashMap<&str, Id> = HashMap::new();
    for item in flat.items.iter().filter(|i| i.label == MENTION) {
        let Some(span) = spans.get(item.key.as_str()) else {
            continue;
        };
        let actor = resolve_actor(project, ids, &mut names, item, span)?;
        actor_of_item.insert(&item.key, actor);
        let id = ids.fresh()?;
        id_of_item.insert(&item.key, id);
        doc.mentions.push(Mention {
            id,
            span: span.clone(),
            actor,
            stamp: stamp.clone(),
            note: note_of(item, NOTE),
        });
    }
    // An actor named by a relation to a mention, or by a norm of the given kind.
    let actor_via = |project: &mut Project,
                     ids: &mut IdAllocator,
                     names: &mut ActorNames,
                     consumed: &mut Vec<bool>,
                     item: &Item,
                     label: &str|
     -> Result<Vec<Id>, IdsExhausted> {
        let mut out = Vec::new();
        for i in rels_from(&item.key, label) {
            if let Some(&actor) = actor_of_item.get(flat.relations[i].to.as_str()) {
                consumed[i] = true;
                out.push(actor);
            }
        }
        for norm in item.norms.iter().filter(|n| n.kind == label) {
            out.push(actor_by_norm(project, ids, names, norm)?);
        }
        Ok(out)
    };

    // Statements, with their speakers and cues.
    let mut cue_items: HashSet<&str> = HashSet::new();
    for item in flat.items.iter().filter(|i| i.label == STATEMENT) {
        let Some(span) = spans.get(item.key.as_str()) else {
            continue;
        };
        let speaker = actor_via(project, ids, &mut names, &mut consumed, item, SPEAKER)?
            .first()
            .copied();
        let mut cue = None;
        for i in rels_from(&item.key, ATTRIBUTION_CUE) {
            let to = flat.relations[i].to.as_str();
            if cue.is_none()
                && label_of(to) == Some(CUE)
                && let Some(span) = spans.get(to)
            {
                cue = Some(span.clone());
                consumed[i] = true;
                cue_items.insert(to);
            }
        }
        let attribution = attribute(item, ATTRIBUTION)
            .map(str::to_owned)
            .or_else(|| first_key(project, CodebookList::AttributionModes))
            .unwrap_or_default();
        ensure_key(project, CodebookList::AttributionModes, &attribution);
        let id = ids.fresh()?;
        id_of_item.insert(&item.key, id);
        doc.statements.push(Statement {
            id,
            span: span.clone(),
            speaker,
            attribution,
            cue,
            stamp: stamp.clone(),
            note: note_of(item, NOTE),
        });
    }

    // Commitments and stances: items tied to a statement by `InStatement`.
    for item in &flat.items {
        let is_commitment = item.label == COMMITMENT;
        if !is_commitment && item.label != STANCE {
            continue;
        }
        let statement = rels_from(&item.key, IN_STATEMENT)
            .into_iter()
            .find_map(|i| {
                let id = id_of_item.get(flat.relations[i].to.as_str()).copied()?;
                (label_of(&flat.relations[i].to) == Some(STATEMENT)).then_some((i, id))
            });
        let Some((rel, statement)) = statement else {
            continue; // no statement: kept below as a tag
        };
        consumed[rel] = true;
        let id = ids.fresh()?;
        id_of_item.insert(&item.key, id);
        let mut field = |list: CodebookList, name: &str| -> String {
            let value = attribute(item, name)
                .map(str::to_owned)
                .or_else(|| first_key(project, list))
                .unwrap_or_default();
            ensure_key(project, list, &value);
            value
        };
        if is_commitment {
            let category = field(CodebookList::CommitmentCategories, CATEGORY);
            let context = field(CodebookList::Contexts, CONTEXT);
            let strength = field(CodebookList::Strengths, STRENGTH);
            let time_horizon = field(CodebookList::TimeHorizons, TIME_HORIZON);
            let committer = actor_via(project, ids, &mut names, &mut consumed, item, COMMITTER)?
                .first()
                .copied();
            let addressees = actor_via(project, ids, &mut names, &mut consumed, item, ADDRESSEE)?;
            doc.commitments.push(Commitment {
                id,
                statement,
                committer,
                addressees,
                action: note_of(item, ACTION),
                category,
                cameo: attribute(item, CAMEO).map(str::to_owned),
                context,
                strength,
                conditions: note_of(item, CONDITIONS),
                time_horizon,
                stamp: stamp.clone(),
                note: note_of(item, NOTE),
            });
        } else {
            let polarity = field(CodebookList::Polarities, POLARITY);
            let intensity = field(CodebookList::Intensities, INTENSITY);
            let holder = actor_via(project, ids, &mut names, &mut consumed, item, HOLDER)?
                .first()
                .copied();
            let target =
                match actor_via(project, ids, &mut names, &mut consumed, item, TARGET)?.first() {
                    Some(&actor) => Some(StanceTarget::Actor(actor)),
                    None => attribute(item, TOPIC).map(|t| {
                        ensure_key(project, CodebookList::Topics, t);
                        StanceTarget::Topic(t.to_owned())
                    }),
                };
            doc.stances.push(Stance {
                id,
                statement,
                holder,
                target,
                polarity,
                intensity,
                cameo: attribute(item, CAMEO).map(str::to_owned),
                stamp: stamp.clone(),
                note: note_of(item, NOTE),
            });
        }
    }

    // Everything else that has a span becomes a tag, keeping its attributes, notes and norms.
    for item in &flat.items {
        if id_of_item.contains_key(item.key.as_str()) || cue_items.contains(&item.key.as_str()) {
            continue;
        }
        let Some(span) = spans.get(item.key.as_str()) else {
            continue;
        };
        // No label names no category; the empty key would make a project that never saves.
        if item.label.is_empty() {
            problem(
                &mut problems,
                &item.key,
                "left out: it has no label".to_owned(),
            );
            continue;
        }
        let category = item.label.clone();
        ensure_key(project, CodebookList::TagCategories, &category);
        let mut attributes = BTreeMap::new();
        for (name, value) in &item.attributes {
            attributes.insert(name.clone(), value.clone());
        }
        for norm in &item.norms {
            let (name, value) = norm_attribute(norm);
            attributes.insert(name, value);
        }
        for (kind, text) in &item.notes {
            if kind != NOTE {
                attributes.insert(format!("{NOTE_ATTRIBUTE_PREFIX}{kind}"), text.clone());
            }
        }
        let id = ids.fresh()?;
        id_of_item.insert(&item.key, id);
        doc.tags.push(Tag {
            id,
            span: span.clone(),
            category,
            attributes,
            stamp: stamp.clone(),
            note: note_of(item, NOTE),
        });
    }

    // Relations not consumed above become links between the annotations they join.
    for (i, rel) in flat.relations.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let (Some(&from), Some(&to)) = (
            id_of_item.get(rel.from.as_str()),
            id_of_item.get(rel.to.as_str()),
        ) else {
            problem(
                &mut problems,
                &rel.key,
                format!(
                    "relation {} left out: it refers to {} and {}, not both of which were kept",
                    rel.label, rel.from, rel.to
                ),
            );
            continue;
        };
        if rel.label.is_empty() {
            problem(
                &mut problems,
                &rel.key,
                format!(
                    "relation between {} and {} left out: it has no label",
                    rel.from, rel.to
                ),
            );
            continue;
        }
        ensure_key(project, CodebookList::LinkTypes, &rel.label);
        doc.links.push(Link {
            id: ids.fresh()?,
            from,
            to,
            label: rel.label.clone(),
            stamp: stamp.clone(),
            note: rel
                .notes
                .iter()
                .filter(|(k, _)| k == NOTE)
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        });
    }
    doc.sort_annotations();
    Ok(problems)
}

fn ranges_text(ranges: &[(usize, usize)]) -> String {
    ranges
        .iter()
        .map(|(s, e)| format!("{s}-{e}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The value of an attribute. A brat attribute without a value (a flag, or a line cut
/// short) names no codebook key: the field then gets the list's default, as when absent.
fn attribute<'a>(item: &'a Item, name: &str) -> Option<&'a str> {
    item.attributes
        .iter()
        .find(|(n, v)| n == name && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

/// Notes of one type, joined: brat allows several `#` lines on one annotation.
fn note_of(item: &Item, kind: &str) -> String {
    item.notes
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn first_key(project: &Project, list: CodebookList) -> Option<String> {
    project.codebook.first_active(list).map(|e| e.key.clone())
}

/// Adds a codebook entry for a key the project does not know yet (a label from another
/// tool), so the imported project validates and the key shows in the codebook editor.
fn ensure_key(project: &mut Project, list: CodebookList, key: &str) {
    if key.is_empty() || project.codebook.entry(list, key).is_some() {
        return;
    }
    project
        .codebook
        .list_mut(list)
        .push(CodebookEntry::new(key, key.replace('_', " ")));
}

/// The actor a mention stands for: named by its `Demarche` norm, else by its text; found
/// in the registry by name (or alias), else created with the codes its norms give.
fn resolve_actor(
    project: &mut Project,
    ids: &mut IdAllocator,
    names: &mut ActorNames,
    item: &Item,
    span: &Span,
) -> Result<Id, IdsExhausted> {
    let named = item
        .norms
        .iter()
        .find(|n| n.kind == REFERENCE && n.db == ACTOR_DB && !n.text.is_empty())
        .map(|n| n.text.clone());
    let name = named.unwrap_or_else(|| span.text());
    let kind = attribute(item, ACTOR_KIND).map(str::to_owned);
    let actor = find_or_create_actor(project, ids, names, &name, kind)?;
    if let Some(a) = crate::model::ids::find_mut(&mut project.actors, actor) {
        for norm in item.norms.iter().filter(|n| n.kind == REFERENCE) {
            let slot = match norm.db.as_str() {
                "Wikidata" => &mut a.wikidata,
                "ISO3166" => &mut a.iso3,
                "CAMEO" => &mut a.cameo,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(norm.id.clone());
            }
        }
    }
    Ok(actor)
}

fn actor_by_norm(
    project: &mut Project,
    ids: &mut IdAllocator,
    names: &mut ActorNames,
    norm: &Norm,
) -> Result<Id, IdsExhausted> {
    let name = if norm.text.is_empty() {
        norm.id.clone()
    } else {
        norm.text.clone()
    };
    find_or_create_actor(project, ids, names, &name, None)
}

/// The registry's actors by name and alias, matched as [`Project::actor_by_name`] does
/// (lowercased; the first actor in the registry wins), kept up to date with the actors
/// an import creates: one lookup per mention instead of a scan of the registry.
struct ActorNames(HashMap<String, Id>);

impl ActorNames {
    fn of(project: &Project) -> Self {
        let mut names = Self(HashMap::new());
        for actor in &project.actors {
            names.add(actor);
        }
        names
    }

    fn add(&mut self, actor: &Actor) {
        for name in actor.names() {
            self.0.entry(name.to_lowercase()).or_insert(actor.id);
        }
    }

    fn get(&self, name: &str) -> Option<Id> {
        self.0.get(&name.trim().to_lowercase()).copied()
    }
}

fn find_or_create_actor(
    project: &mut Project,
    ids: &mut IdAllocator,
    names: &mut ActorNames,
    name: &str,
    kind: Option<String>,
) -> Result<Id, IdsExhausted> {
    if let Some(id) = names.get(name) {
        return Ok(id);
    }
    let kind = kind
        .or_else(|| first_key(project, CodebookList::ActorKinds))
        .unwrap_or_default();
    ensure_key(project, CodebookList::ActorKinds, &kind);
    let mut actor = Actor::new(ids.fresh()?, name.trim(), kind);
    actor.colour = project.colour_for_new_actor(&[]);
    let id = actor.id;
    names.add(&actor);
    crate::model::ids::insert_sorted(&mut project.actors, actor);
    Ok(id)
}

/// Every annotation of a document in a form that ignores ids and stamps: what a round trip
/// through brat or doccano must keep. Actors appear by name.
pub fn describe(project: &Project, doc: &Document) -> Vec<String> {
    let actor = |id: Id| {
        project
            .actor(id)
            .map_or_else(|| format!("?{}", id.0), |a| a.name.clone())
    };
    let span = |s: &Span| {
        ranges_text(
            &s.ranges
                .iter()
                .map(|r| (r.start, r.end))
                .collect::<Vec<_>>(),
        )
    };
    let statement_span = |id: Id| {
        doc.statements
            .iter()
            .find(|s| s.id == id)
            .map_or_else(String::new, |s| span(&s.span))
    };
    let describe_annotation = |id: Id| match doc.annotation(id) {
        Some(Annotation::Mention(m)) => format!("mention {}", span(&m.span)),
        Some(Annotation::Statement(s)) => format!("statement {}", span(&s.span)),
        Some(Annotation::Tag(t)) => format!("tag {} {}", t.category, span(&t.span)),
        Some(Annotation::Commitment(c)) => format!("commitment on {}", statement_span(c.statement)),
        Some(Annotation::Stance(s)) => format!("stance on {}", statement_span(s.statement)),
        Some(Annotation::Link(l)) => format!("link {}", l.label),
        None => "?".into(),
    };
    let mut out = Vec::new();
    for m in &doc.mentions {
        out.push(format!(
            "mention {} {} {:?}",
            span(&m.span),
            actor(m.actor),
            m.note
        ));
    }
    for s in &doc.statements {
        out.push(format!(
            "statement {} speaker={:?} {} cue={:?} {:?}",
            span(&s.span),
            s.speaker.map(actor),
            s.attribution,
            s.cue.as_ref().map(span),
            s.note
        ));
    }
    for c in &doc.commitments {
        out.push(format!(
            "commitment on {} committer={:?} addressees={:?} {:?} {} {:?} {} {} {:?} {} {:?}",
            statement_span(c.statement),
            c.committer.map(actor),
            c.addressees.iter().map(|&a| actor(a)).collect::<Vec<_>>(),
            c.action,
            c.category,
            c.cameo,
            c.context,
            c.strength,
            c.conditions,
            c.time_horizon,
            c.note
        ));
    }
    for s in &doc.stances {
        let target = match &s.target {
            Some(StanceTarget::Actor(a)) => format!("actor {}", actor(*a)),
            Some(StanceTarget::Topic(t)) => format!("topic {t}"),
            None => "none".into(),
        };
        out.push(format!(
            "stance on {} holder={:?} target={} {} {} {:?} {:?}",
            statement_span(s.statement),
            s.holder.map(actor),
            target,
            s.polarity,
            s.intensity,
            s.cameo,
            s.note
        ));
    }
    for t in &doc.tags {
        out.push(format!(
            "tag {} {} {:?} {:?}",
            t.category,
            span(&t.span),
            t.attributes,
            t.note
        ));
    }
    for l in &doc.links {
        out.push(format!(
            "link {} from {} to {} {:?}",
            l.label,
            describe_annotation(l.from),
            describe_annotation(l.to),
            l.note
        ));
    }
    out.sort();
    out
}
