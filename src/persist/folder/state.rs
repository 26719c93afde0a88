//! What a project folder held when it was loaded or last saved: each part file's content
//! (to refuse overwriting another writer's change and to skip unchanged files) and the
//! file name of each document, actor and layer (names never change once chosen).

use super::layout;
use crate::model::Id;
use crate::persist::DiskState;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The state of a project folder as this process last read or wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderState {
    /// Every part file, relative to the folder, with its content then.
    pub(super) files: BTreeMap<PathBuf, DiskState>,
    /// The file stem of each document (its document file and its layers).
    pub(super) document_stems: BTreeMap<Id, String>,
    pub(super) actor_stems: BTreeMap<Id, String>,
    /// The file of each layer, by document and analyst.
    pub(super) layers: BTreeMap<(Id, String), PathBuf>,
}

impl FolderState {
    /// The part files and their recorded states, relative to the folder.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &DiskState)> {
        self.files.iter().map(|(p, s)| (p.as_path(), s))
    }

    /// The file of a document, relative to the folder, once it has one.
    pub fn document_file(&self, id: Id) -> Option<PathBuf> {
        self.document_stems
            .get(&id)
            .map(|stem| layout::document_path(stem))
    }

    /// The file of an analyst's layer on a document, once it has one.
    pub fn layer_file(&self, document: Id, analyst: &str) -> Option<&Path> {
        self.layers
            .get(&(document, analyst.to_owned()))
            .map(PathBuf::as_path)
    }

    /// Forgets a part file (removed on disk, or by a save).
    pub(super) fn forget(&mut self, relative: &Path) {
        self.files.remove(relative);
        self.layers.retain(|_, p| p != relative);
        if layout::kind_of(relative) == Some(layout::PartKind::Document) {
            let stem = layout::stem_of(relative);
            self.document_stems.retain(|_, s| *s != stem);
        }
        if layout::kind_of(relative) == Some(layout::PartKind::Actor) {
            let stem = layout::stem_of(relative);
            self.actor_stems.retain(|_, s| *s != stem);
        }
    }
}

/// The part files of `dir` added, changed or removed since `state` was recorded (by a
/// `git pull`, another window, a command), relative to the folder and sorted.
///
/// A file whose size and modification time are those recorded is taken as unchanged
/// without reading it (as git does), so checking a large folder every few seconds costs
/// one `stat` per file; any other file is hashed.
pub fn changed_files(dir: &Path, state: &FolderState) -> Vec<PathBuf> {
    changed_since(dir, &state.files)
}

/// The files a [`FolderState`] recorded, copied to look for changes on another thread:
/// a folder of 40,000 files takes about half a second to `stat`, too long for a frame.
#[derive(Clone, Debug, Default)]
pub struct FileSnapshot(BTreeMap<PathBuf, DiskState>);

impl FolderState {
    pub fn snapshot(&self) -> FileSnapshot {
        FileSnapshot(self.files.clone())
    }
}

/// [`changed_files`] against a snapshot of the state.
pub fn changed_since_snapshot(dir: &Path, snapshot: &FileSnapshot) -> Vec<PathBuf> {
    changed_since(dir, &snapshot.0)
}

/// Of `candidates` (found changed against an older state, perhaps before a save of this
/// process rewrote them), those that still differ from `state`.
pub fn still_changed(dir: &Path, state: &FolderState, candidates: Vec<PathBuf>) -> Vec<PathBuf> {
    candidates
        .into_iter()
        .filter(|relative| {
            let path = dir.join(relative);
            match state.files.get(relative) {
                None => path.exists(),
                Some(recorded) => !unchanged(&path, recorded),
            }
        })
        .collect()
}

fn changed_since(dir: &Path, files: &BTreeMap<PathBuf, DiskState>) -> Vec<PathBuf> {
    let on_disk = layout::list_parts(dir).unwrap_or_default();
    let mut changed: Vec<PathBuf> = on_disk
        .iter()
        .filter(|relative| match files.get(*relative) {
            None => true,
            Some(recorded) => !unchanged(&dir.join(relative), recorded),
        })
        .cloned()
        .collect();
    changed.extend(
        files
            .keys()
            .filter(|p| on_disk.binary_search(p).is_err())
            .cloned(),
    );
    changed.sort();
    changed
}

fn unchanged(path: &Path, recorded: &DiskState) -> bool {
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() == recorded.len
        && recorded.modified.is_some()
        && meta.modified().ok() == recorded.modified
    {
        return true;
    }
    matches!(DiskState::read(path), Ok(Some(now)) if now.same_content(recorded))
}
