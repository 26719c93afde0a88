//! A project being worked on: the project itself, where it lives, its undo history and the
//! ids it hands out. The window and the command line change projects only through here.

use crate::edit::Scope;
use crate::edit::{Edit, EditError, History};
use crate::model::{Id, IdAllocator, IdsExhausted, Project};
use crate::persist::DiskState;
use crate::persist::folder::FolderState;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Revisions are unique across every workspace of the process, so a view that caches by
/// revision never mistakes a project opened later for the one it cached.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

#[derive(Debug)]
pub struct Workspace {
    /// Shared with workers that read a snapshot (agreement figures): the next change
    /// copies it only while one still holds it.
    project: Arc<Project>,
    /// Where the project is saved; `None` for an untitled project.
    pub path: Option<PathBuf>,
    history: History,
    ids: IdAllocator,
    /// `History::state_token` at the last save or load.
    saved_token: u64,
    /// Moves on every change (apply, undo, redo): views rebuild caches when it moves.
    revision: u64,
    /// Who is annotating: stamped on new annotations, and whose block fresh ids come from.
    annotator: String,
    /// The project file as last loaded or saved here: a save over it first checks that
    /// nothing else has changed it since.
    pub disk: Option<DiskState>,
    /// For a project folder: its files as last loaded or saved here.
    pub folder: Option<FolderState>,
    /// What edits touched since the last save, so that a folder's save renders only those
    /// parts; `None` when unknown (after an undo or a merge): the save renders every part
    /// and still writes only the files whose bytes changed.
    touched: Option<BTreeSet<Scope>>,
}

impl Workspace {
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        Self {
            ids: project.id_allocator(&default_annotator()),
            project: Arc::new(project),
            path,
            history: History::default(),
            saved_token: 0,
            revision: next_revision(),
            annotator: default_annotator(),
            disk: None,
            folder: None,
            touched: Some(BTreeSet::new()),
        }
    }

    /// The analyst at work: the window edits this analyst's layer.
    pub fn annotator(&self) -> &str {
        &self.annotator
    }

    /// Works as another analyst from now on; fresh ids come from that analyst's block.
    pub fn set_annotator(&mut self, analyst: impl Into<String>) {
        self.annotator = analyst.into();
        self.ids = self.project.id_allocator(&self.annotator);
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project as it is now, for a worker thread: no copy is made unless the project
    /// changes while the worker still holds it.
    pub fn snapshot(&self) -> Arc<Project> {
        Arc::clone(&self.project)
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// A fresh id, never used in this project; refused once the largest id is taken.
    pub fn fresh_id(&mut self) -> Result<Id, IdsExhausted> {
        self.ids.fresh()
    }

    /// The project together with the id allocator, for builders that read the project
    /// while taking fresh ids (`edit::accept`).
    pub fn project_and_ids(&mut self) -> (&Project, &mut IdAllocator) {
        (&self.project, &mut self.ids)
    }

    /// Applies an edit as one named undo step.
    pub fn apply(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        self.apply_grouped(label, edit, None)
    }

    /// Applies an edit; successive edits with the same `group` (typing in one field)
    /// become one undo step.
    pub fn apply_grouped(
        &mut self,
        label: impl Into<String>,
        edit: Edit,
        group: Option<String>,
    ) -> Result<(), EditError> {
        let scopes = edit.scopes();
        self.history
            .apply_grouped(Arc::make_mut(&mut self.project), label, edit, group)?;
        if let Some(touched) = &mut self.touched {
            touched.extend(scopes);
        }
        self.changed();
        Ok(())
    }

    /// What edits touched since the last save (`None`: unknown, see the field).
    pub fn touched(&self) -> Option<&BTreeSet<Scope>> {
        self.touched.as_ref()
    }

    /// Ends a typing group (the field lost focus).
    pub fn seal_group(&mut self) {
        self.history.seal();
    }

    pub fn undo(&mut self) -> Result<Option<String>, EditError> {
        let label = self.history.undo(Arc::make_mut(&mut self.project))?;
        if label.is_some() {
            self.touched = None;
            self.changed();
        }
        Ok(label)
    }

    pub fn redo(&mut self) -> Result<Option<String>, EditError> {
        let label = self.history.redo(Arc::make_mut(&mut self.project))?;
        if label.is_some() {
            self.touched = None;
            self.changed();
        }
        Ok(label)
    }

    fn changed(&mut self) {
        self.revision = next_revision();
        // Undo may bring back entities whose ids are above what the allocator saw.
        if let Some(id) = self.project.highest_id() {
            self.ids.observe(id);
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the project differs from what was last saved or loaded.
    pub fn is_dirty(&self) -> bool {
        self.history.state_token() != self.saved_token
    }

    /// Records that the project as it is now has been saved (to `path`).
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        // Typing after the save must become a step of its own, or the saved state would
        // vanish into the typing group and `saved_version` could not reach it.
        self.history.seal();
        self.saved_token = self.history.state_token();
        self.touched = Some(BTreeSet::new());
    }

    /// The project as it was last saved or loaded, rebuilt from the undo history (the base
    /// of a three-way merge with what another program saved meanwhile); `None` when the
    /// history no longer reaches that state.
    pub fn saved_version(&self) -> Option<Project> {
        let path = self.history.path_to(self.saved_token)?;
        let mut project = Project::clone(&self.project);
        for edit in path {
            edit.clone().apply(&mut project).ok()?;
        }
        Some(project)
    }

    /// Replaces the project with `project` (a merge of this one with the file on disk),
    /// keeping the unsaved steps: they still apply, since the merge only took in units
    /// this workspace did not change.
    pub fn replace_merged(&mut self, project: Project) {
        self.project = Arc::new(project);
        self.touched = None;
        // The other side may have minted ids in this analyst's block too (a second window).
        self.ids = self.project.id_allocator(&self.annotator);
        // Steps from before the last save could undo what the other program changed.
        self.history.forget_up_to(self.saved_token);
        self.changed();
    }

    /// Marks the project as unsaved even without an edit (e.g. recovered or imported work).
    pub fn mark_unsaved(&mut self) {
        self.saved_token = u64::MAX;
    }

    /// The project's display name: its own name, else the file name, else "Untitled".
    pub fn display_name(&self) -> String {
        if !self.project.meta.name.trim().is_empty() {
            return self.project.meta.name.clone();
        }
        self.path
            .as_deref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_owned())
    }
}

/// Who is working, for the command line: `--as NAME` (`explicit`), else
/// `DEMARCHE_ANNOTATOR`, else the name set in the window's settings, else the login name.
pub fn current_analyst(explicit: Option<&str>) -> String {
    if let Some(name) = explicit.map(str::trim).filter(|n| !n.is_empty()) {
        return name.to_owned();
    }
    if let Some(name) = env_analyst() {
        return name;
    }
    crate::ui::settings::Settings::load()
        .analyst
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(default_annotator)
}

/// `DEMARCHE_ANNOTATOR`, when set to a name.
pub fn env_analyst() -> Option<String> {
    std::env::var("DEMARCHE_ANNOTATOR")
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The annotator's name: `DEMARCHE_ANNOTATOR`, else the login name.
pub fn default_annotator() -> String {
    ["DEMARCHE_ANNOTATOR", "USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "analyst".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed(ws: &Workspace, name: &str) -> Edit {
        let mut meta = ws.project().meta.clone();
        meta.name = name.to_owned();
        Edit::SetProjectMeta(meta)
    }

    #[test]
    fn a_worker_s_snapshot_keeps_what_it_saw_while_the_window_edits_and_undoes() {
        let mut ws = Workspace::new(Project::new("first"), None);
        let snapshot = ws.snapshot();
        ws.apply("rename", renamed(&ws, "edited")).unwrap();
        assert_eq!(snapshot.meta.name, "first");
        assert_eq!(ws.project().meta.name, "edited");
        ws.undo().unwrap();
        assert_eq!(ws.project().meta.name, "first");
        // Nobody holds a snapshot any more: edits change the one project in place.
        drop(snapshot);
        ws.apply("rename", renamed(&ws, "again")).unwrap();
        assert_eq!(ws.project().meta.name, "again");
    }

    #[test]
    fn the_saved_version_is_rebuilt_from_the_history() {
        let mut ws = Workspace::new(Project::new("first"), None);
        ws.apply("rename", renamed(&ws, "saved")).unwrap();
        ws.mark_saved(PathBuf::from("p.ron"));
        let saved = ws.project().clone();
        ws.apply("rename", renamed(&ws, "after")).unwrap();
        ws.apply("rename", renamed(&ws, "later")).unwrap();
        assert_eq!(ws.saved_version(), Some(saved.clone()));
        // Undone past the save: the state is reached by redoing.
        ws.undo().unwrap();
        ws.undo().unwrap();
        ws.undo().unwrap();
        assert_eq!(ws.project().meta.name, "first");
        assert_eq!(ws.saved_version(), Some(saved));
    }

    #[test]
    fn typing_after_a_save_does_not_hide_the_saved_state() {
        let mut ws = Workspace::new(Project::new(""), None);
        let group = Some("name".to_owned());
        ws.apply_grouped("type", renamed(&ws, "a"), group.clone())
            .unwrap();
        ws.mark_saved(PathBuf::from("p.ron"));
        let saved = ws.project().clone();
        ws.apply_grouped("type", renamed(&ws, "ab"), group).unwrap();
        assert!(ws.is_dirty());
        assert_eq!(ws.saved_version(), Some(saved));
    }

    #[test]
    fn a_merge_keeps_only_the_unsaved_steps() {
        let mut ws = Workspace::new(Project::new(""), None);
        ws.apply("old", renamed(&ws, "old")).unwrap();
        ws.mark_saved(PathBuf::from("p.ron"));
        ws.apply("new", renamed(&ws, "new")).unwrap();
        let merged = ws.project().clone();
        ws.replace_merged(merged);
        assert_eq!(ws.undo().unwrap().as_deref(), Some("new"));
        assert_eq!(ws.undo().unwrap(), None, "the saved step is forgotten");
        assert_eq!(ws.project().meta.name, "old");
    }
}
