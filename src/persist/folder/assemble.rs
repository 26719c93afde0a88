//! Putting the parts read from a folder together into one project, and remembering the
//! file each part came from.

use super::layout;
use super::parts::{LayerPart, Part, ProjectPart};
use super::read::{Content, ReadPart};
use super::state::FolderState;
use crate::model::{Id, Project, RejectedSuggestion};
use crate::persist::{Problem, ProblemKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The project of a folder's parts (`project` its `project.ron`), with every problem that
/// prevents using them together. Unusable parts are left out and reported.
pub(super) fn assemble(
    project: ProjectPart,
    parts: Vec<ReadPart>,
    state: &mut FolderState,
) -> (Project, Vec<Problem>) {
    let mut assembled = Project {
        format_version: project.format_version,
        meta: project.meta,
        codebook: project.codebook,
        actors: Vec::new(),
        documents: Vec::new(),
        rejected_suggestions: Vec::new(),
    };
    let mut problems = Vec::new();
    let mut layers = Vec::new();
    // Which file holds each actor and document id, for the message about a second one.
    let mut owners: HashMap<Id, PathBuf> = HashMap::new();
    let mut claim = |id: Id, relative: &Path, problems: &mut Vec<Problem>| match owners.get(&id) {
        Some(first) => {
            problems.push(
                Problem::of(
                    ProblemKind::DuplicateId,
                    None,
                    Some(id),
                    format!("id {id} is already used in {}", first.display()),
                )
                .in_file(relative),
            );
            false
        }
        None => {
            owners.insert(id, relative.to_owned());
            true
        }
    };
    // Collected, then built in one go: parts come in path order, so the map is built
    // from a sorted run instead of one insert (a dozen path comparisons) per file.
    let mut files = Vec::with_capacity(parts.len());
    for ReadPart { relative, result } in parts {
        let (part, disk) = match result {
            Ok(read) => read,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        files.push((relative.clone(), disk));
        match part {
            Content::Other(Part::Project(_)) => {}
            Content::Other(Part::Actor(actor)) => {
                if claim(actor.id, &relative, &mut problems) {
                    state
                        .actor_stems
                        .insert(actor.id, layout::stem_of(&relative));
                    assembled.actors.push(actor);
                }
            }
            Content::Document(d) => {
                if claim(d.id, &relative, &mut problems) {
                    state
                        .document_stems
                        .insert(d.id, layout::stem_of(&relative));
                    assembled.documents.push(d);
                }
            }
            // Parsed as a document whatever its path says: cannot happen.
            Content::Other(Part::Document(_)) => {}
            Content::Other(Part::Layer(layer)) => layers.push((relative, layer)),
        }
    }
    let mut files: std::collections::BTreeMap<_, _> = files.into_iter().collect();
    state.files.append(&mut files);
    assembled.documents.sort_by_key(|d| d.id);
    reserve_for_layers(&mut assembled, &layers);
    for (relative, layer) in layers {
        if let Err(problem) = add_layer(&mut assembled, &relative, layer, state) {
            problems.push(problem.in_file(relative));
        }
    }
    (assembled, problems)
}

/// Makes room in each document for all its layers at once: moving three analysts'
/// annotations in one after another otherwise copies the first ones twice as it grows.
fn reserve_for_layers(project: &mut Project, layers: &[(PathBuf, LayerPart)]) {
    let mut totals: HashMap<Id, [usize; 6]> = HashMap::new();
    for (_, layer) in layers {
        let t = totals.entry(layer.document).or_default();
        t[0] += layer.mentions.len();
        t[1] += layer.statements.len();
        t[2] += layer.commitments.len();
        t[3] += layer.stances.len();
        t[4] += layer.tags.len();
        t[5] += layer.links.len();
    }
    for d in &mut project.documents {
        if let Some(t) = totals.get(&d.id) {
            d.mentions.reserve(t[0]);
            d.statements.reserve(t[1]);
            d.commitments.reserve(t[2]);
            d.stances.reserve(t[3]);
            d.tags.reserve(t[4]);
            d.links.reserve(t[5]);
        }
    }
}

/// Adds one analyst's layer to its document.
pub(super) fn add_layer(
    project: &mut Project,
    relative: &Path,
    layer: LayerPart,
    state: &mut FolderState,
) -> Result<(), Problem> {
    let key = (layer.document, layer.analyst.clone());
    if let Some(first) = state.layers.get(&key) {
        return Err(Problem::of(
            ProblemKind::MisplacedPart,
            Some(layer.document),
            None,
            format!(
                "a second layer of {:?} on document {}; the first is {}",
                layer.analyst,
                layer.document,
                first.display()
            ),
        ));
    }
    let Ok(index) = project
        .documents
        .binary_search_by_key(&layer.document, |d| d.id)
    else {
        return Err(Problem::of(
            ProblemKind::MissingDocument,
            Some(layer.document),
            None,
            format!(
                "a layer of {:?} on document {}, which is not in the project",
                layer.analyst, layer.document
            ),
        ));
    };
    if let Some(stranger) = stamped_by_another(&layer) {
        return Err(Problem::of(
            ProblemKind::MisplacedPart,
            Some(layer.document),
            Some(stranger.0),
            format!(
                "annotation {} is stamped by {:?} but sits in the layer of {:?}; each \
                 analyst's annotations belong in that analyst's own layer",
                stranger.0, stranger.1, layer.analyst
            ),
        ));
    }
    if !layer.curation.is_empty() && !crate::model::curation::is_curated(&layer.analyst) {
        return Err(Problem::of(
            ProblemKind::MisplacedPart,
            Some(layer.document),
            None,
            format!(
                "curation decisions sit in the layer of {:?}; they belong in the curated \
                 layer ({:?})",
                layer.analyst,
                crate::model::CURATED
            ),
        ));
    }
    state.layers.insert(key, relative.to_owned());
    let d = &mut project.documents[index];
    d.curation.extend(layer.curation);
    d.meta.set_status(&layer.analyst, layer.status);
    d.mentions.extend(layer.mentions);
    d.statements.extend(layer.statements);
    d.commitments.extend(layer.commitments);
    d.stances.extend(layer.stances);
    d.tags.extend(layer.tags);
    d.links.extend(layer.links);
    project
        .rejected_suggestions
        .extend(
            layer
                .rejected_suggestions
                .into_iter()
                .map(|r| RejectedSuggestion {
                    document: layer.document,
                    analyst: layer.analyst.clone(),
                    kind: r.kind,
                    start: r.start,
                    end: r.end,
                }),
        );
    Ok(())
}

/// An annotation of the layer stamped by someone else than its analyst: id and stamp.
fn stamped_by_another(layer: &LayerPart) -> Option<(Id, &str)> {
    let stamps = layer
        .mentions
        .iter()
        .map(|a| (a.id, &a.stamp))
        .chain(layer.statements.iter().map(|a| (a.id, &a.stamp)))
        .chain(layer.commitments.iter().map(|a| (a.id, &a.stamp)))
        .chain(layer.stances.iter().map(|a| (a.id, &a.stamp)))
        .chain(layer.tags.iter().map(|a| (a.id, &a.stamp)))
        .chain(layer.links.iter().map(|a| (a.id, &a.stamp)));
    stamps
        .map(|(id, s)| (id, s.annotator.as_str()))
        .find(|(_, annotator)| *annotator != layer.analyst)
}

/// The file a validation problem comes from: the layer of an annotation, the file of a
/// document or an actor, `project.ron` for the rest.
pub(super) fn locate(problem: Problem, project: &Project, state: &FolderState) -> Problem {
    if problem.file.is_some() {
        return problem;
    }
    let file = match (problem.document, problem.item) {
        (Some(doc), Some(item)) => project
            .document(doc)
            .and_then(|d| d.annotation(item))
            .and_then(|a| {
                state
                    .layer_file(doc, &a.stamp().annotator)
                    .map(Path::to_owned)
            })
            .or_else(|| state.document_file(doc)),
        (Some(doc), None) => state.document_file(doc),
        (None, Some(item)) => state
            .actor_stems
            .get(&item)
            .map(|stem| layout::actor_path(stem)),
        (None, None) => None,
    };
    problem.in_file(file.unwrap_or_else(|| PathBuf::from(layout::PROJECT_FILE)))
}
