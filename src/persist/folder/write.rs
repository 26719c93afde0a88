//! Carrying out a save plan: every file checked first, then written atomically one by
//! one, so that a save either refuses before writing anything or writes each file whole.
//!
//! No `.bak` beside each file, unlike the single file: a project folder lives in git,
//! which keeps every earlier version.

use super::layout;
use super::render::Plan;
use super::state::FolderState;
use crate::persist::atomic::{self, Backup};
use crate::persist::{DiskState, SaveError};
use std::path::{Path, PathBuf};

/// What a save did to the folder's files, relative to the folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub written: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
}

impl Written {
    /// Whether the save changed no file.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty() && self.removed.is_empty()
    }
}

enum Action {
    Write(String),
    Remove,
    /// The file already holds the new content (another writer wrote the same bytes):
    /// only the record changes.
    Record(DiskState),
    Forget,
}

/// Writes `plan` into `dir`, refusing with [`SaveError::ChangedOnDisk`] (and writing
/// nothing) when a file to be written or removed is no longer what `state` recorded.
pub(super) fn carry_out(
    dir: &Path,
    plan: Plan,
    state: &mut FolderState,
) -> Result<Written, SaveError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| SaveError::Io { path, source }
    };
    let mut actions = Vec::new();
    for (relative, text) in plan.files {
        let recorded = state.files.get(&relative);
        let new = text
            .as_ref()
            .map(|t| DiskState::of_bytes(t.as_bytes(), None));
        match (&new, recorded) {
            (Some(new), Some(recorded)) if new.same_content(recorded) => continue,
            (None, None) => continue,
            _ => {}
        }
        let path = dir.join(&relative);
        let now = DiskState::read(&path).map_err(io_error(&path))?;
        let as_recorded = match (&now, recorded) {
            (Some(now), Some(recorded)) => now.same_content(recorded),
            (None, None) => true,
            _ => false,
        };
        let action = match (text, now) {
            (Some(text), Some(now)) if new.as_ref().is_some_and(|n| n.same_content(&now)) => {
                drop(text);
                Action::Record(now)
            }
            (None, None) => Action::Forget,
            (Some(text), _) if as_recorded => Action::Write(text),
            (None, _) if as_recorded => Action::Remove,
            (_, now) => {
                return Err(SaveError::ChangedOnDisk {
                    path,
                    now: now.map_or_else(|| "removed".to_owned(), |n| n.describe()),
                });
            }
        };
        actions.push((relative, action));
    }

    let mut done = Written::default();
    let mut touched_folders = std::collections::BTreeSet::new();
    for (relative, action) in actions {
        let path = dir.join(&relative);
        match action {
            Action::Write(text) => {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(io_error(parent))?;
                }
                atomic::write(&path, text.as_bytes(), Backup::None, |_| Ok(()))
                    .map_err(io_error(&path))?;
                let modified = std::fs::metadata(&path)
                    .ok()
                    .and_then(|m| m.modified().ok());
                state.files.insert(
                    relative.clone(),
                    DiskState::of_bytes(text.as_bytes(), modified),
                );
                done.written.push(relative);
            }
            Action::Remove => {
                match std::fs::remove_file(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(io_error(&path)(e));
                    }
                    _ => {}
                }
                if let Some(parent) = path.parent() {
                    touched_folders.insert(parent.to_owned());
                }
                state.forget(&relative);
                done.removed.push(relative);
            }
            Action::Record(now) => {
                state.files.insert(relative, now);
            }
            Action::Forget => state.forget(&relative),
        }
    }
    for folder in touched_folders {
        // An analyst's layer folder with no layer left goes too; any other folder stays.
        let is_layer_folder = folder.parent() == Some(dir.join(layout::LAYERS).as_path());
        if is_layer_folder && std::fs::remove_dir(&folder).is_ok() {
            sync_folder(&dir.join(layout::LAYERS));
        } else {
            sync_folder(&folder);
        }
    }
    record_names(plan.document_stems, plan.actor_stems, plan.layers, state);
    Ok(done)
}

fn record_names(
    documents: std::collections::BTreeMap<crate::model::Id, Option<String>>,
    actors: std::collections::BTreeMap<crate::model::Id, Option<String>>,
    layers: std::collections::BTreeMap<(crate::model::Id, String), Option<PathBuf>>,
    state: &mut FolderState,
) {
    for (id, stem) in documents {
        match stem {
            Some(stem) => state.document_stems.insert(id, stem),
            None => state.document_stems.remove(&id),
        };
    }
    for (id, stem) in actors {
        match stem {
            Some(stem) => state.actor_stems.insert(id, stem),
            None => state.actor_stems.remove(&id),
        };
    }
    for (key, path) in layers {
        match path {
            Some(path) => state.layers.insert(key, path),
            None => state.layers.remove(&key),
        };
    }
}

/// Makes removals durable; a file system that cannot sync a folder is not worth failing
/// the save for (as in `atomic::write`).
fn sync_folder(folder: &Path) {
    if let Ok(f) = std::fs::File::open(folder) {
        let _ = f.sync_all();
    }
}

/// Removes what saves killed mid-write left in the folder (`.NAME.XXXXXX.tmp` beside
/// parts). Only called while holding the folder's lock, so no save is under way.
pub(crate) fn remove_dead_temporaries(dir: &Path) {
    let mut folders = vec![
        dir.to_owned(),
        dir.join(layout::ACTORS),
        dir.join(layout::DOCUMENTS),
    ];
    if let Ok(entries) = std::fs::read_dir(dir.join(layout::LAYERS)) {
        folders.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(target) = atomic::temporary_for(&name.to_string_lossy()).map(str::to_owned)
            else {
                continue;
            };
            let relative = entry
                .path()
                .strip_prefix(dir)
                .map(|p| p.with_file_name(&target))
                .unwrap_or_default();
            // Only temporaries of parts (and of `.gitignore`): recovery files' are left.
            if layout::kind_of(&relative).is_some() || target == layout::GITIGNORE {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}
