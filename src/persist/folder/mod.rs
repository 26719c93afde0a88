//! The project folder: a project stored as many small canonical RON files, laid out so
//! that git merges parallel work (see [`layout`] for the tree). Loading reads the files in
//! parallel and assembles one [`Project`]; saving writes only the files whose bytes
//! changed, each atomically, and never a file another writer changed since it was read.

mod assemble;
pub mod layout;
mod parts;
mod read;
mod render;
mod state;
mod write;

pub use parts::{
    DocumentPart, LayerPart, LayerRejection, Part, ProjectPart, parse_part, part_text,
};
pub use state::{FileSnapshot, FolderState, changed_files, changed_since_snapshot, still_changed};
pub use write::Written;
pub(crate) use write::remove_dead_temporaries;

use super::{LoadError, Loaded, Problem, ProblemKind, ProjectLock, SaveError, validate};
use crate::edit::Scope;
use crate::model::{FORMAT_VERSION, Project};
use layout::PartKind;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The project folder `path` names: the folder itself, or its `project.ron`; `None` for a
/// single project file, a path that does not exist, or a folder without `project.ron`
/// (which is then reported as a folder where a file was expected, as ever).
pub fn root(path: &Path) -> Option<PathBuf> {
    if path.is_dir() {
        return path
            .join(layout::PROJECT_FILE)
            .is_file()
            .then(|| path.to_owned());
    }
    is_main_file(path).then(|| super::atomic::folder_of(path).to_owned())
}

/// Whether `path` is the `project.ron` of a project folder rather than a single project
/// file that happens to have that name: the folder has parts beside it, or the file has
/// only what a folder's `project.ron` holds (a single file always lists its documents).
pub fn is_main_file(path: &Path) -> bool {
    if path.file_name() != Some(layout::PROJECT_FILE.as_ref()) || !path.is_file() {
        return false;
    }
    let dir = super::atomic::folder_of(path);
    if [layout::ACTORS, layout::DOCUMENTS, layout::LAYERS]
        .iter()
        .any(|sub| dir.join(sub).is_dir())
    {
        return true;
    }
    // Small enough to read whole: a folder's project.ron holds a codebook, no texts.
    const SMALL: u64 = 1 << 20;
    std::fs::metadata(path).is_ok_and(|m| m.len() < SMALL)
        && std::fs::read_to_string(path)
            .is_ok_and(|text| ron::from_str::<ProjectPart>(&text).is_ok())
}

/// Loads the project folder `dir`. Never writes anything. Every problem names the file
/// it comes from, relative to the folder.
pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid {
        path: dir.to_owned(),
        problems,
    };
    let main = dir.join(layout::PROJECT_FILE);
    let text = std::fs::read_to_string(&main).map_err(|source| LoadError::Io {
        path: main.clone(),
        source,
    })?;
    let version = super::version::read(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|p| invalid(vec![p.in_file(layout::PROJECT_FILE)]))?;
    let migrated_from = match version {
        FORMAT_VERSION => None,
        // Format 4 only added fields (the curator, curation decisions) that 3 lacks.
        3 => Some(3),
        // Format 3 reads format 2's fields; `assign_analysts` moves them over.
        2 => Some(2),
        newer if newer > FORMAT_VERSION => {
            return Err(LoadError::TooNew {
                path: main,
                found: newer,
                supported: FORMAT_VERSION,
            });
        }
        other => {
            return Err(invalid(vec![
                Problem::of(
                    ProblemKind::UnknownVersion,
                    None,
                    None,
                    format!(
                        "format_version {other} never had project folders; convert the single \
                         file with a version of Demarche that reads it"
                    ),
                )
                .in_file(layout::PROJECT_FILE),
            ]));
        }
    };
    let relatives = layout::list_parts(dir).map_err(|source| LoadError::Io {
        path: dir.to_owned(),
        source,
    })?;
    // project.ron and the actors first: checking each document as it is read needs the
    // codebook and the actors' ids.
    let (groups, others) = group_parts(&relatives);
    let mut others: Vec<(usize, read::ReadPart)> = others
        .iter()
        .copied()
        .zip(read::read_parts(
            dir,
            &others
                .iter()
                .map(|&i| relatives[i].clone())
                .collect::<Vec<_>>(),
        ))
        .collect();
    let main_index = others
        .iter()
        .position(|(_, p)| p.relative == Path::new(layout::PROJECT_FILE));
    let project_part = match main_index.map(|i| others.remove(i).1.result) {
        Some(Ok((read::Content::Other(Part::Project(p)), disk))) => (p, disk),
        Some(Err(problem)) => return Err(invalid(vec![problem])),
        // Removed between the two reads: as if it had never been there.
        Some(Ok(_)) | None => {
            return Err(LoadError::Io {
                path: main,
                source: std::io::ErrorKind::NotFound.into(),
            });
        }
    };
    let actor_ids = others.iter().filter_map(|(_, p)| match &p.result {
        Ok((read::Content::Other(Part::Actor(a)), _)) => Some(a.id),
        _ => None,
    });
    let context = super::validate::DocumentContext::new(&project_part.0.codebook, actor_ids);
    let groups = read::read_groups(dir, &relatives, &groups, &context);
    drop(context);
    let mut state = FolderState::default();
    state
        .files
        .insert(PathBuf::from(layout::PROJECT_FILE), project_part.1);
    let (mut project, mut problems, checked) =
        assemble::assemble(project_part.0, &relatives, others, groups, &mut state);
    project.format_version = FORMAT_VERSION;
    super::v2::assign_analysts(&mut project, &crate::workspace::default_annotator());
    project.sort_all();
    if problems.is_empty() {
        // Documents checked as they were read leave only what spans them to check.
        let found = if checked && migrated_from != Some(2) {
            super::validate::validate_prechecked(&project)
        } else {
            validate(&project)
        };
        problems.extend(
            found
                .into_iter()
                .map(|p| assemble::locate(p, &project, &state)),
        );
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    Ok(Loaded {
        project,
        migrated_from,
        disk: None,
        folder: Some(state),
    })
}

/// The documents of a folder's sorted part list, each with the layers beside it (the same
/// stem), and the rest: project.ron, the actors, layers with no document of their stem.
/// All as indices into `relatives`.
fn group_parts(relatives: &[PathBuf]) -> (Vec<read::Group>, Vec<usize>) {
    let mut groups = Vec::new();
    let mut by_stem: HashMap<String, usize> = HashMap::new();
    let mut layers = Vec::new();
    let mut others = Vec::new();
    for (index, relative) in relatives.iter().enumerate() {
        match layout::kind_of(relative) {
            Some(PartKind::Document) => {
                by_stem.insert(layout::stem_of(relative), groups.len());
                groups.push(read::Group {
                    document: index,
                    layers: Vec::new(),
                });
            }
            Some(PartKind::Layer) => layers.push(index),
            _ => others.push(index),
        }
    }
    for index in layers {
        match by_stem.get(&layout::stem_of(&relatives[index])) {
            Some(&group) => groups[group].layers.push(index),
            None => others.push(index),
        }
    }
    (groups, others)
}

/// Saves `project` into the folder `dir` it was loaded from (or last saved to) as
/// `state`, taking the folder's lock. `scopes`: the parts edits touched since (see
/// [`crate::edit::Edit::scopes`]); `None` renders every part. Only files whose bytes
/// change are written; the files of removed documents, actors and layers are removed.
pub fn save(
    dir: &Path,
    project: &Project,
    state: &mut FolderState,
    scopes: Option<&BTreeSet<Scope>>,
) -> Result<Written, SaveError> {
    let lock = ProjectLock::acquire(&dir.join(layout::PROJECT_FILE))?;
    save_holding(&lock, project, state, scopes)
}

/// [`save`] for a caller that already holds the folder's lock (a command that loaded
/// the project under it).
pub fn save_holding(
    lock: &ProjectLock,
    project: &Project,
    state: &mut FolderState,
    scopes: Option<&BTreeSet<Scope>>,
) -> Result<Written, SaveError> {
    let dir = super::atomic::folder_of(lock.project()).to_owned();
    let problems = validate_for_save(project, scopes);
    if !problems.is_empty() {
        return Err(SaveError::Invalid {
            path: dir,
            problems: problems
                .into_iter()
                .map(|p| assemble::locate(p, project, state))
                .collect(),
        });
    }
    let plan = render::plan(project, state, scopes).map_err(|path| SaveError::Io {
        path: dir.join(&path),
        source: std::io::Error::other("two analysts' layers would share this file"),
    })?;
    let written = write::carry_out(&dir, plan, state)?;
    let gitignore = dir.join(layout::GITIGNORE);
    if !gitignore.exists() {
        super::atomic::write(
            &gitignore,
            layout::GITIGNORE_TEXT.as_bytes(),
            super::atomic::Backup::None,
            |_| Ok(()),
        )
        .map_err(|source| SaveError::Io {
            path: gitignore,
            source,
        })?;
    }
    Ok(written)
}

/// The files a full save of `project` would write or remove: those of the folder
/// recorded in `state` not in canonical form, or holding something else.
pub fn non_canonical(project: &Project, state: &FolderState) -> Vec<PathBuf> {
    let Ok(plan) = render::plan(project, state, None) else {
        return Vec::new();
    };
    plan.files
        .into_iter()
        .filter(|(relative, text)| {
            let recorded = state.files.get(relative);
            match (text, recorded) {
                (Some(text), Some(recorded)) => {
                    !super::DiskState::of_bytes(text.as_bytes(), None).same_content(recorded)
                }
                (None, None) => false,
                _ => true,
            }
        })
        .map(|(relative, _)| relative)
        .collect()
}

/// The problems that would stop the saved parts from loading. A full save checks the
/// whole project, as a single file's save does. A save of some parts checks those parts
/// in full (with every actor and the codebook) and the ids of their annotations against
/// the other documents; what it does not check again, the edits that changed the project
/// guarantee (an actor or codebook entry in use cannot be removed, annotation ids come
/// from the analyst's own block), so that a save costs the same in a project of any size.
fn validate_for_save(project: &Project, scopes: Option<&BTreeSet<Scope>>) -> Vec<Problem> {
    let Some(scopes) = scopes else {
        return validate(project);
    };
    let touched: BTreeSet<crate::model::Id> = scopes
        .iter()
        .filter_map(|s| match s {
            Scope::Document(id) => Some(*id),
            Scope::Project | Scope::Actor(_) => None,
        })
        .collect();
    let part = Project {
        format_version: project.format_version,
        meta: project.meta.clone(),
        codebook: project.codebook.clone(),
        actors: project.actors.clone(),
        documents: project
            .documents
            .iter()
            .filter(|d| touched.contains(&d.id))
            .cloned()
            .collect(),
        rejected_suggestions: project
            .rejected_suggestions
            .iter()
            .filter(|r| touched.contains(&r.document))
            .cloned()
            .collect(),
    };
    let mut problems = validate(&part);
    for d in &part.documents {
        for id in d.annotation_ids() {
            if project.document(id).is_some() {
                problems.push(Problem::of(
                    ProblemKind::DuplicateId,
                    Some(d.id),
                    Some(id),
                    format!("this annotation has id {id}, which is already used by a document"),
                ));
            }
        }
    }
    problems
}

/// Creates the project folder `dir` (which must not exist, or be an empty folder) holding
/// `project`, and returns its state.
pub fn create(dir: &Path, project: &Project) -> Result<FolderState, SaveError> {
    let io_error = |source| SaveError::Io {
        path: dir.to_owned(),
        source,
    };
    if !is_empty_or_missing(dir) {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "already exists and is not empty",
        )));
    }
    std::fs::create_dir(dir)
        .or_else(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists if dir.is_dir() => Ok(()),
            _ => Err(e),
        })
        .map_err(io_error)?;
    let mut state = FolderState::default();
    save(dir, project, &mut state, None)?;
    Ok(state)
}

/// Whether nothing is at `path`, or only an empty folder (what `convert` and `new` may
/// write into).
pub fn is_empty_or_missing(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(m) if m.is_dir() => std::fs::read_dir(path).is_ok_and(|mut e| e.next().is_none()),
        Ok(m) => m.len() == 0,
    }
}

/// Reloads the part files `changed` (relative to `dir`, as [`changed_files`] lists them)
/// into `project`, updating `state`: a changed file replaces what it holds (a layer
/// replaces that analyst's work on that document), a removed file takes its content away.
/// On any problem, nothing changes and the problems are returned.
pub fn reload_parts(
    dir: &Path,
    project: &mut Project,
    state: &mut FolderState,
    changed: &[PathBuf],
) -> Result<(), LoadError> {
    let mut next = project.clone();
    let mut next_state = state.clone();
    let mut ordered: Vec<(PartKind, &PathBuf)> = changed
        .iter()
        .filter_map(|p| layout::kind_of(p).map(|k| (k, p)))
        .collect();
    // Documents before their layers.
    ordered.sort();
    let mut problems = Vec::new();
    for (kind, relative) in ordered {
        next_state.files.remove(relative);
        if !dir.join(relative).exists() {
            forget_part(&mut next, &mut next_state, kind, relative);
            continue;
        }
        let read = read::read_part(dir, relative);
        let (part, disk) = match read.result {
            Ok(read) => read,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        next_state.files.insert(relative.clone(), disk);
        if let Err(problem) = apply_part(&mut next, &mut next_state, relative, part) {
            problems.push(problem.in_file(relative));
        }
    }
    next.sort_all();
    if problems.is_empty() {
        problems.extend(
            validate(&next)
                .into_iter()
                .map(|p| assemble::locate(p, &next, &next_state)),
        );
    }
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: dir.to_owned(),
            problems,
        });
    }
    *project = next;
    *state = next_state;
    Ok(())
}

/// Takes away what a removed part file held.
fn forget_part(project: &mut Project, state: &mut FolderState, kind: PartKind, relative: &Path) {
    let stem = layout::stem_of(relative);
    match kind {
        // A folder without its project.ron no longer loads at all; the next full load
        // says so. Meanwhile the window keeps what it has.
        PartKind::Project => {}
        PartKind::Actor => {
            if let Some((&id, _)) = state.actor_stems.iter().find(|(_, s)| **s == stem) {
                project.actors.retain(|a| a.id != id);
            }
        }
        PartKind::Document => {
            if let Some((&id, _)) = state.document_stems.iter().find(|(_, s)| **s == stem) {
                project.documents.retain(|d| d.id != id);
                project.rejected_suggestions.retain(|r| r.document != id);
                state.layers.retain(|(d, _), _| *d != id);
            }
        }
        PartKind::Layer => {
            if let Some(((document, analyst), _)) =
                state.layers.iter().find(|(_, p)| p.as_path() == relative)
            {
                let (document, analyst) = (*document, analyst.clone());
                strip_layer(project, document, &analyst);
            }
        }
    }
    state.forget(relative);
}

/// Puts what a changed part file holds in place of what the project had from it.
fn apply_part(
    project: &mut Project,
    state: &mut FolderState,
    relative: &Path,
    part: read::Content,
) -> Result<(), Problem> {
    let part = match part {
        read::Content::Document(document) => {
            replace_document(project, state, relative, document);
            return Ok(());
        }
        read::Content::Other(part) => part,
    };
    match part {
        // Always read as `Content::Document`.
        Part::Document(_) => {}
        Part::Project(p) => {
            project.meta = p.meta;
            project.codebook = p.codebook;
        }
        Part::Actor(actor) => {
            state
                .actor_stems
                .insert(actor.id, layout::stem_of(relative));
            match project.actors.iter_mut().find(|a| a.id == actor.id) {
                Some(existing) => *existing = actor,
                None => project.actors.push(actor),
            }
        }
        Part::Layer(layer) => {
            let key = (layer.document, layer.analyst.clone());
            // A layer that moved to another file: what its old file held goes first.
            if let Some(old) = state.layers.remove(&key)
                && old != relative
            {
                state.files.remove(&old);
            }
            if let Some(((document, analyst), _)) = state
                .layers
                .iter()
                .find(|(_, p)| p.as_path() == relative)
                .map(|(k, p)| (k.clone(), p.clone()))
            {
                strip_layer(project, document, &analyst);
                state.layers.remove(&(document, analyst));
            }
            strip_layer(project, layer.document, &layer.analyst);
            assemble::add_layer(project, relative, layer, state)?;
        }
    }
    Ok(())
}

/// Puts a document read again in place of the one the project has, keeping its layers
/// (files of their own).
fn replace_document(
    project: &mut Project,
    state: &mut FolderState,
    relative: &Path,
    mut document: crate::model::Document,
) {
    state
        .document_stems
        .insert(document.id, layout::stem_of(relative));
    match project.documents.iter_mut().find(|x| x.id == document.id) {
        Some(existing) => {
            document.meta.progress = std::mem::take(&mut existing.meta.progress);
            document.mentions = std::mem::take(&mut existing.mentions);
            document.statements = std::mem::take(&mut existing.statements);
            document.commitments = std::mem::take(&mut existing.commitments);
            document.stances = std::mem::take(&mut existing.stances);
            document.tags = std::mem::take(&mut existing.tags);
            document.links = std::mem::take(&mut existing.links);
            *existing = document;
        }
        None => {
            project.documents.push(document);
            project.documents.sort_by_key(|x| x.id);
        }
    }
}

/// Removes an analyst's annotations, status and rejections on a document.
fn strip_layer(project: &mut Project, document: crate::model::Id, analyst: &str) {
    project
        .rejected_suggestions
        .retain(|r| !(r.document == document && r.analyst == analyst));
    if let Some(d) = project.document_mut(document) {
        d.meta.progress.remove(analyst);
        d.mentions.retain(|a| a.stamp.annotator != analyst);
        d.statements.retain(|a| a.stamp.annotator != analyst);
        d.commitments.retain(|a| a.stamp.annotator != analyst);
        d.stances.retain(|a| a.stamp.annotator != analyst);
        d.tags.retain(|a| a.stamp.annotator != analyst);
        d.links.retain(|a| a.stamp.annotator != analyst);
    }
}
