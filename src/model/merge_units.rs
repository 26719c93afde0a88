//! Three-way merges of the units inside a project, for [`super::merge`]: a document's body
//! and each analyst's layer on it, an actor field by field, the codebook entry by entry,
//! the project's name, description and blind setting. Analysts who coded the same
//! document, or added entries to one codebook list, merge without a conflict; only the same
//! unit changed in two different ways is one.

use super::actor::Actor;
use super::annotation::{Commitment, Link, Mention, Stance, Statement, Tag};
use super::codebook::{Codebook, CodebookEntry, CodebookList};
use super::curation::{Decision, is_curated};
use super::document::{DocStatus, Document};
use super::project::ProjectMeta;
use std::collections::BTreeSet;

/// The three-way choice for one unit: the side that changed it, or `None` when both
/// changed it differently.
pub fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == theirs || theirs == base {
        Some(ours.clone())
    } else if ours == base {
        Some(theirs.clone())
    } else {
        None
    }
}

/// One unit changed in two different ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clash;

/// [`pick`] over units that may be absent on a side (added or removed).
pub fn pick_present<T: PartialEq + Clone>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
    merge_all: impl FnOnce(&T, &T, &T) -> Option<T>,
) -> Result<Option<T>, Clash> {
    if ours == theirs || theirs == base {
        return Ok(ours.cloned());
    }
    if ours == base {
        return Ok(theirs.cloned());
    }
    match (base, ours, theirs) {
        (Some(b), Some(o), Some(t)) => merge_all(b, o, t).map(Some).ok_or(Clash),
        _ => Err(Clash),
    }
}

/// One analyst's work on one document.
#[derive(Clone, Debug, Default, PartialEq)]
struct Layer {
    mentions: Vec<Mention>,
    statements: Vec<Statement>,
    commitments: Vec<Commitment>,
    stances: Vec<Stance>,
    tags: Vec<Tag>,
    links: Vec<Link>,
    status: Option<DocStatus>,
    /// The curator's decisions, which belong to the curated layer.
    curation: Vec<Decision>,
}

macro_rules! each_list {
    ($m:ident) => {
        $m!(mentions);
        $m!(statements);
        $m!(commitments);
        $m!(stances);
        $m!(tags);
        $m!(links);
    };
}

fn layer_of(doc: &Document, analyst: &str) -> Layer {
    let mut layer = Layer {
        status: doc.meta.progress.get(analyst).copied(),
        ..Layer::default()
    };
    macro_rules! take {
        ($list:ident) => {
            layer.$list = doc
                .$list
                .iter()
                .filter(|a| a.stamp.annotator == analyst)
                .cloned()
                .collect();
        };
    }
    each_list!(take);
    if is_curated(analyst) {
        layer.curation = doc.curation.clone();
    }
    layer
}

/// The document without anyone's work: metadata (less the statuses), origin and text.
fn body_of(doc: &Document) -> Document {
    let mut body = doc.clone();
    body.meta.progress.clear();
    macro_rules! clear {
        ($list:ident) => {
            body.$list.clear();
        };
    }
    each_list!(clear);
    body.curation.clear();
    body
}

fn analysts_of(doc: &Document) -> impl Iterator<Item = String> + '_ {
    let curated = (!doc.curation.is_empty()).then(|| super::curation::CURATED.to_owned());
    doc.annotators()
        .map(str::to_owned)
        .chain(doc.meta.progress.keys().cloned())
        .chain(curated)
}

/// Merges a document whose body and layers changed apart: each analyst's layer is one unit,
/// the body another.
pub fn merge_document(base: &Document, ours: &Document, theirs: &Document) -> Option<Document> {
    let mut merged = pick(&body_of(base), &body_of(ours), &body_of(theirs))?;
    let analysts: BTreeSet<String> = analysts_of(base)
        .chain(analysts_of(ours))
        .chain(analysts_of(theirs))
        .collect();
    for analyst in &analysts {
        let layer = pick(
            &layer_of(base, analyst),
            &layer_of(ours, analyst),
            &layer_of(theirs, analyst),
        )?;
        if let Some(status) = layer.status {
            merged.meta.progress.insert(analyst.clone(), status);
        }
        macro_rules! put {
            ($list:ident) => {
                merged.$list.extend(layer.$list);
            };
        }
        each_list!(put);
        merged.curation.extend(layer.curation);
    }
    merged.sort_annotations();
    Some(merged)
}

/// Merges an actor field by field; aliases as a set (what either side added, less what
/// either side removed).
pub fn merge_actor(base: &Actor, ours: &Actor, theirs: &Actor) -> Option<Actor> {
    Some(Actor {
        id: ours.id,
        name: pick(&base.name, &ours.name, &theirs.name)?,
        kind: pick(&base.kind, &ours.kind, &theirs.kind)?,
        aliases: merge_set(&base.aliases, &ours.aliases, &theirs.aliases),
        iso3: pick(&base.iso3, &ours.iso3, &theirs.iso3)?,
        cameo: pick(&base.cameo, &ours.cameo, &theirs.cameo)?,
        wikidata: pick(&base.wikidata, &ours.wikidata, &theirs.wikidata)?,
        affiliation: pick(&base.affiliation, &ours.affiliation, &theirs.affiliation)?,
        role: pick(&base.role, &ours.role, &theirs.role)?,
        colour: pick(&base.colour, &ours.colour, &theirs.colour)?,
        note: pick(&base.note, &ours.note, &theirs.note)?,
    })
}

/// What either side added, less what either side removed, in our order then theirs.
fn merge_set(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ours
        .iter()
        .filter(|x| !base.contains(x) || theirs.contains(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// Merges each codebook list entry by entry (by key): entries added on either side are
/// kept (ours first, then theirs in their order), an entry changed on one side takes that
/// change. `None` when one entry was changed differently on both sides.
pub fn merge_codebook(base: &Codebook, ours: &Codebook, theirs: &Codebook) -> Option<Codebook> {
    let mut merged = ours.clone();
    for list in CodebookList::ALL {
        *merged.list_mut(list) =
            merge_entries(base.list(list), ours.list(list), theirs.list(list))?;
    }
    Some(merged)
}

fn merge_entries(
    base: &[CodebookEntry],
    ours: &[CodebookEntry],
    theirs: &[CodebookEntry],
) -> Option<Vec<CodebookEntry>> {
    let find = |list: &[CodebookEntry], key: &str| list.iter().find(|e| e.key == key).cloned();
    let mut keys: Vec<&str> = ours.iter().map(|e| e.key.as_str()).collect();
    for e in theirs {
        if !keys.contains(&e.key.as_str()) {
            keys.push(&e.key);
        }
    }
    for e in base {
        if !keys.contains(&e.key.as_str()) {
            keys.push(&e.key);
        }
    }
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let (b, o, t) = (find(base, key), find(ours, key), find(theirs, key));
        if let Some(entry) = pick_present(b.as_ref(), o.as_ref(), t.as_ref(), |b, o, t| {
            Some(CodebookEntry {
                key: o.key.clone(),
                label: pick(&b.label, &o.label, &t.label)?,
                description: pick(&b.description, &o.description, &t.description)?,
                cameo: pick(&b.cameo, &o.cameo, &t.cameo)?,
                retired: pick(&b.retired, &o.retired, &t.retired)?,
                role: pick(&b.role, &o.role, &t.role)?,
            })
        })
        .ok()?
        {
            out.push(entry);
        }
    }
    Some(out)
}

/// Merges the project's metadata field by field.
pub fn merge_meta(
    base: &ProjectMeta,
    ours: &ProjectMeta,
    theirs: &ProjectMeta,
) -> Option<ProjectMeta> {
    Some(ProjectMeta {
        name: pick(&base.name, &ours.name, &theirs.name)?,
        description: pick(&base.description, &ours.description, &theirs.description)?,
        created: pick(&base.created, &ours.created, &theirs.created)?,
        blind: pick(&base.blind, &ours.blind, &theirs.blind)?,
        curator: pick(&base.curator, &ours.curator, &theirs.curator)?,
        saved_queries: pick(
            &base.saved_queries,
            &ours.saved_queries,
            &theirs.saved_queries,
        )?,
    })
}
