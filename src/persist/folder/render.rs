//! Splitting a project into the parts of its folder: which files a save must write (or
//! remove), with their canonical text.

use super::layout;
use super::parts::{DocumentPart, LayerPart, LayerRejection, Part, ProjectPart, part_text};
use super::state::FolderState;
use crate::edit::Scope;
use crate::model::{Document, Id, Project};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// What a save is to do: each file's new text, or `None` to remove it; and the names
/// given to new parts, recorded once the save succeeds.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub files: BTreeMap<PathBuf, Option<String>>,
    pub document_stems: BTreeMap<Id, Option<String>>,
    pub actor_stems: BTreeMap<Id, Option<String>>,
    pub layers: BTreeMap<(Id, String), Option<PathBuf>>,
}

/// The plan for the parts of `scopes`, or of the whole project when `None`.
pub(super) fn plan(
    project: &Project,
    state: &FolderState,
    scopes: Option<&BTreeSet<Scope>>,
) -> Result<Plan, PathBuf> {
    let mut plan = Plan::default();
    match scopes {
        Some(scopes) => {
            for scope in scopes {
                match *scope {
                    Scope::Project => plan_project(project, &mut plan),
                    Scope::Actor(id) => plan_actor(project, state, id, &mut plan),
                    Scope::Document(id) => plan_document(project, state, id, &mut plan)?,
                }
            }
        }
        None => {
            plan_project(project, &mut plan);
            let actor_ids = project.actors.iter().map(|a| a.id);
            for id in actor_ids.chain(state.actor_stems.keys().copied()) {
                plan_actor(project, state, id, &mut plan);
            }
            let doc_ids: BTreeSet<Id> = project
                .documents
                .iter()
                .map(|d| d.id)
                .chain(state.document_stems.keys().copied())
                .collect();
            for id in doc_ids {
                plan_document(project, state, id, &mut plan)?;
            }
            // Parts recorded under names no plan chose (a layer file renamed by hand).
            for relative in state.files.keys() {
                plan.files.entry(relative.clone()).or_insert(None);
            }
        }
    }
    Ok(plan)
}

fn plan_project(project: &Project, plan: &mut Plan) {
    let part = Part::Project(ProjectPart {
        format_version: project.format_version,
        meta: project.meta.clone(),
        codebook: project.codebook.clone(),
    });
    plan.files
        .insert(PathBuf::from(layout::PROJECT_FILE), Some(part_text(&part)));
}

fn plan_actor(project: &Project, state: &FolderState, id: Id, plan: &mut Plan) {
    let recorded = state.actor_stems.get(&id);
    match project.actor(id) {
        Some(actor) => {
            let stem = recorded
                .cloned()
                .unwrap_or_else(|| layout::new_actor_stem(actor));
            let text = part_text(&Part::Actor(actor.clone()));
            plan.files.insert(layout::actor_path(&stem), Some(text));
            plan.actor_stems.insert(id, Some(stem));
        }
        None => {
            if let Some(stem) = recorded {
                plan.files.insert(layout::actor_path(stem), None);
                plan.actor_stems.insert(id, None);
            }
        }
    }
}

/// The document's file and every layer on it; a removed document's files go. Fails with
/// the path when two analysts' layers would share a file.
fn plan_document(
    project: &Project,
    state: &FolderState,
    id: Id,
    plan: &mut Plan,
) -> Result<(), PathBuf> {
    let recorded_layers = state
        .layers
        .range((id, String::new())..)
        .take_while(|((d, _), _)| *d == id);
    let Some(document) = project.document(id) else {
        if let Some(stem) = state.document_stems.get(&id) {
            plan.files.insert(layout::document_path(stem), None);
            plan.document_stems.insert(id, None);
        }
        for (key, path) in recorded_layers {
            plan.files.insert(path.clone(), None);
            plan.layers.insert(key.clone(), None);
        }
        return Ok(());
    };
    let stem = state
        .document_stems
        .get(&id)
        .cloned()
        .unwrap_or_else(|| layout::new_document_stem(document));
    let part = Part::Document(document_part(document));
    plan.files
        .insert(layout::document_path(&stem), Some(part_text(&part)));
    plan.document_stems.insert(id, Some(stem.clone()));
    let mut layers = layers_of(project, document);
    for (key, path) in recorded_layers {
        if !layers.contains_key(&key.1) {
            plan.files.insert(path.clone(), None);
            plan.layers.insert(key.clone(), None);
        }
    }
    for (analyst, layer) in std::mem::take(&mut layers) {
        let key = (id, analyst);
        let path = state
            .layers
            .get(&key)
            .cloned()
            .unwrap_or_else(|| layout::layer_path(&key.1, &stem));
        if matches!(plan.files.get(&path), Some(Some(_))) {
            return Err(path);
        }
        plan.files
            .insert(path.clone(), Some(part_text(&Part::Layer(layer))));
        plan.layers.insert(key, Some(path));
    }
    Ok(())
}

/// A document's own part: everything but the annotations and the analysts' progress.
pub(super) fn document_part(document: &Document) -> DocumentPart {
    let mut meta = document.meta.clone();
    meta.progress.clear();
    DocumentPart {
        id: document.id,
        meta,
        origin: document.origin.clone(),
        fingerprint: document.fingerprint().to_owned(),
        text: document.text().to_owned(),
    }
}

/// Every analyst's layer on a document: annotations by their stamp, status, rejections.
pub(super) fn layers_of(project: &Project, document: &Document) -> BTreeMap<String, LayerPart> {
    let mut layers: BTreeMap<String, LayerPart> = BTreeMap::new();
    let id = document.id;
    fn layer<'l>(
        layers: &'l mut BTreeMap<String, LayerPart>,
        analyst: &str,
        document: Id,
    ) -> &'l mut LayerPart {
        layers
            .entry(analyst.to_owned())
            .or_insert_with(|| LayerPart::new(analyst, document))
    }
    for a in &document.mentions {
        layer(&mut layers, &a.stamp.annotator, id)
            .mentions
            .push(a.clone());
    }
    for a in &document.statements {
        layer(&mut layers, &a.stamp.annotator, id)
            .statements
            .push(a.clone());
    }
    for a in &document.commitments {
        layer(&mut layers, &a.stamp.annotator, id)
            .commitments
            .push(a.clone());
    }
    for a in &document.stances {
        layer(&mut layers, &a.stamp.annotator, id)
            .stances
            .push(a.clone());
    }
    for a in &document.tags {
        layer(&mut layers, &a.stamp.annotator, id)
            .tags
            .push(a.clone());
    }
    for a in &document.links {
        layer(&mut layers, &a.stamp.annotator, id)
            .links
            .push(a.clone());
    }
    for (analyst, status) in &document.meta.progress {
        layer(&mut layers, analyst, id).status = *status;
    }
    // Sorted by document first: this document's rejections are one run.
    let rejections = &project.rejected_suggestions;
    let start = rejections.partition_point(|r| r.document < id);
    for r in rejections[start..].iter().take_while(|r| r.document == id) {
        layer(&mut layers, &r.analyst, id)
            .rejected_suggestions
            .push(LayerRejection {
                kind: r.kind.clone(),
                start: r.start,
                end: r.end,
            });
    }
    if !document.curation.is_empty() {
        layer(&mut layers, crate::model::CURATED, id).curation = document.curation.clone();
    }
    layers
}
