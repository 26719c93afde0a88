//! When the project file changed on disk under a workspace with unsaved work (a
//! `demarche import`, `git pull`, a second window): what each side changed since the last
//! save, and whether the two merge (see [`crate::model::merge`]). The window shows this and
//! lets the analyst merge, reload or save elsewhere; nothing here writes anything.

use crate::model::Project;
use crate::model::merge::{self, Changes};
use crate::persist::{self, Loaded};
use crate::workspace::Workspace;
use std::path::{Path, PathBuf};

/// The file on disk against the workspace's unsaved work.
#[derive(Debug)]
pub struct DiskConflict {
    pub path: PathBuf,
    /// What the file holds now, or why it cannot be read (a half-done `git merge` leaves
    /// conflict markers in it).
    pub theirs: Result<Loaded, String>,
    /// What changed on disk since the last save or load, for the analyst.
    pub theirs_changed: String,
    /// What changed here since then.
    pub ours_changed: String,
    /// The merge of both, checked to load; or why there is none.
    pub merged: Result<Project, String>,
}

impl DiskConflict {
    /// Reads the file at `path` and compares it with the workspace's work.
    pub fn examine(ws: &Workspace, path: &Path) -> Self {
        let theirs = persist::load(path).map_err(|e| e.to_string());
        let base = ws.saved_version();
        let ours = ws.project();
        let (theirs_changed, ours_changed) = match (&theirs, &base) {
            (Ok(t), Some(base)) => (
                Changes::between(base, &t.project).describe(&t.project, base),
                Changes::between(base, ours).describe(ours, base),
            ),
            (Err(e), _) => (format!("the file cannot be read: {e}"), String::new()),
            (Ok(_), None) => (
                "unknown (the undo history no longer reaches the last save)".to_owned(),
                "unknown".to_owned(),
            ),
        };
        let merged = match (&theirs, &base) {
            (Err(_), _) => Err("the file on disk cannot be read".to_owned()),
            (Ok(_), None) => Err("the state of the last save is no longer known".to_owned()),
            (Ok(t), Some(base)) => merge::merge(base, ours, &t.project)
                .map_err(|c| c.to_string())
                .and_then(|merged| {
                    let problems = persist::validate(&merged);
                    match problems.first() {
                        None => Ok(merged),
                        Some(p) => Err(format!(
                            "the merge would not be a valid project ({} problem(s), first: {p})",
                            problems.len()
                        )),
                    }
                }),
        };
        Self {
            path: path.to_owned(),
            theirs,
            theirs_changed,
            ours_changed,
            merged,
        }
    }
}
