//! Putting the parts read from a folder together into one project, and remembering the
//! file each part came from.

use super::layout;
use super::parts::{LayerPart, Part, ProjectPart};
use super::read::{Content, ReadGroup, ReadPart};
use super::state::FolderState;
use crate::model::{Document, Id, Project, RejectedSuggestion};
use crate::persist::{DiskState, Problem, ProblemKind};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The project of a folder's parts (`project` its `project.ron`; `relatives` the sorted
/// list the indices point into; `others` the actors and any layer without its document;
/// `groups` the documents read with their layers), with every problem that prevents using
/// them together, and whether every document passed its own checks on reading (see
/// [`ReadDocument::checked`]). Unusable parts are left out and reported.
pub(super) fn assemble(
    project: ProjectPart,
    relatives: &[PathBuf],
    others: Vec<(usize, ReadPart)>,
    mut groups: Vec<ReadGroup>,
    state: &mut FolderState,
) -> (Project, Vec<Problem>, bool) {
    let mut assembled = Project {
        format_version: project.format_version,
        meta: project.meta,
        codebook: project.codebook,
        actors: Vec::new(),
        documents: Vec::with_capacity(groups.len()),
        rejected_suggestions: Vec::new(),
    };
    let mut problems = Vec::new();
    let mut all_checked = true;
    // Which file holds each actor and document id, for the message about a second one.
    let mut owners: HashMap<Id, usize> = HashMap::new();
    let mut claim = |id: Id, index: usize, problems: &mut Vec<Problem>| match owners.get(&id) {
        Some(&first) => {
            problems.push(
                Problem::of(
                    ProblemKind::DuplicateId,
                    None,
                    Some(id),
                    format!("id {id} is already used in {}", relatives[first].display()),
                )
                .in_file(&relatives[index]),
            );
            false
        }
        None => {
            owners.insert(id, index);
            true
        }
    };
    // Each file's state by its place in the sorted list: the map is then built from a
    // sorted run instead of one insert (a dozen path comparisons) per file.
    let mut files: Vec<Option<DiskState>> = vec![None; relatives.len()];
    let mut layers = Vec::new();
    let mut rest = others;
    for group in &mut groups {
        rest.append(&mut group.rest);
    }
    // Actors first, then layers in path order, as the files are listed.
    rest.sort_by_key(|(index, _)| *index);
    let mut rest_layers = Vec::new();
    for (index, ReadPart { relative, result }) in rest {
        let (part, disk) = match result {
            Ok(read) => read,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        files[index] = Some(disk);
        match part {
            Content::Other(Part::Actor(actor)) => {
                if claim(actor.id, index, &mut problems) {
                    state
                        .actor_stems
                        .insert(actor.id, layout::stem_of(&relative));
                    assembled.actors.push(actor);
                }
            }
            Content::Other(Part::Layer(layer)) => rest_layers.push((relative, layer)),
            // A document whose group could not use it (read as a document, so never a
            // layer-less `Part::Document`), or a second project.ron: nothing to add.
            Content::Document(_) | Content::Other(Part::Project(_) | Part::Document(_)) => {}
        }
    }
    for group in groups {
        let Some(read) = group.document else {
            continue;
        };
        files[read.index] = Some(read.disk);
        if !claim(read.document.id, read.index, &mut problems) {
            continue;
        }
        all_checked &= read.checked;
        let id = read.document.id;
        state
            .document_stems
            .insert(id, layout::stem_of(&relatives[read.index]));
        for (index, disk, analyst) in read.layers {
            files[index] = Some(disk);
            layers.push(((id, analyst), relatives[index].clone()));
        }
        assembled.rejected_suggestions.extend(read.rejected);
        assembled.documents.push(read.document);
    }
    state.layers.extend(layers);
    let mut files: BTreeMap<PathBuf, DiskState> = files
        .into_iter()
        .zip(relatives)
        .filter_map(|(disk, relative)| disk.map(|disk| (relative.clone(), disk)))
        .collect();
    state.files.append(&mut files);
    assembled.documents.sort_by_key(|d| d.id);
    all_checked &= rest_layers.is_empty();
    for (relative, layer) in rest_layers {
        if let Err(problem) = add_layer(&mut assembled, &relative, layer, state) {
            problems.push(problem.in_file(relative));
        }
    }
    (assembled, problems, all_checked)
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
    if let Some(problem) = misplaced(&layer) {
        return Err(problem);
    }
    state.layers.insert(key, relative.to_owned());
    let rejected = merge_layer(&mut project.documents[index], layer);
    project.rejected_suggestions.extend(rejected);
    Ok(())
}

/// Why a layer's content cannot be in its file: an annotation stamped by another analyst,
/// or curation decisions outside the curated layer.
pub(super) fn misplaced(layer: &LayerPart) -> Option<Problem> {
    if let Some(stranger) = stamped_by_another(layer) {
        return Some(Problem::of(
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
        return Some(Problem::of(
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
    None
}

/// Moves a layer's work into its document; returns its rejected suggestions.
pub(super) fn merge_layer(d: &mut Document, layer: LayerPart) -> Vec<RejectedSuggestion> {
    d.curation.extend(layer.curation);
    d.meta.set_status(&layer.analyst, layer.status);
    d.mentions.extend(layer.mentions);
    d.statements.extend(layer.statements);
    d.commitments.extend(layer.commitments);
    d.stances.extend(layer.stances);
    d.tags.extend(layer.tags);
    d.links.extend(layer.links);
    let (document, analyst) = (layer.document, layer.analyst);
    layer
        .rejected_suggestions
        .into_iter()
        .map(|r| RejectedSuggestion {
            document,
            analyst: analyst.clone(),
            kind: r.kind,
            start: r.start,
            end: r.end,
        })
        .collect()
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
