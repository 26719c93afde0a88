//! The window's curation: opening the view (the curated layer becomes the one edited),
//! moving between units, and turning the curator's choices into undoable edits.

use super::DemarcheApp;
use crate::curation::{self, CurationUnit, Planner, Rule};
use crate::edit::Edit;
use crate::model::{CURATED, Outcome};
use crate::ui::command::Command;
use crate::ui::curation::{CurationAction, CurationState};

impl DemarcheApp {
    pub fn curation(&self) -> &CurationState {
        &self.curation
    }

    pub fn curation_mut(&mut self) -> &mut CurationState {
        &mut self.curation
    }

    /// The open document's units as the view shows them.
    fn current_units(&mut self) -> Option<(crate::model::Id, Vec<CurationUnit>)> {
        let id = self.selection.document?;
        let revision = self.ws.revision();
        let doc = self.ws.project().document(id)?;
        Some((id, self.curation.units(doc, revision).to_vec()))
    }

    pub(super) fn run_curation_command(&mut self, command: Command) {
        match command {
            Command::ToggleCuration => self.toggle_curation(),
            Command::AutoMerge => self.auto_merge(),
            _ if !self.curation.open => {
                self.report("Open the curation view first (View ▸ Curation view, F7)");
            }
            Command::NextDisagreement => self.next_disagreement(),
            Command::TakeVersion(n) => {
                self.curation_action(CurationAction::Take(usize::from(n.saturating_sub(1))))
            }
            Command::EditCurated => self.curation_action(CurationAction::Edit),
            Command::NoneIsRight => self.curation_action(CurationAction::NoneRight),
            _ => {}
        }
    }

    pub(super) fn toggle_curation(&mut self) {
        self.curation.open = !self.curation.open;
        if self.curation.open {
            // The curated layer is the one the inspector and the tagging keys edit.
            self.ws.set_annotator(CURATED);
            self.hidden_layers.remove(CURATED);
            self.report(
                "Curating: the analysts' versions are side by side; F8 goes to the next \
                 disagreement, Alt+1–4 takes a version, Alt+0 says none is right",
            );
        } else {
            if self.ws.annotator() == CURATED {
                let me = self.me.clone();
                self.ws.set_annotator(me);
            }
            self.report("Curation view closed: coding in your own layer");
        }
    }

    fn auto_merge(&mut self) {
        let curator = self.me.clone();
        match curation::auto_merge(self.ws.project(), Rule::default(), &curator) {
            Ok((_, merged)) if merged.taken == 0 => self.report(format!(
                "Nothing to auto-merge: {} units already decided",
                merged.already_decided
            )),
            Ok((edit, merged)) => match self.ws.apply("auto-merge", edit) {
                Ok(()) => self.report(format!(
                    "Auto-merged {} units on {} documents",
                    merged.taken, merged.documents
                )),
                Err(e) => self.report_error(format!("Not merged: {e}")),
            },
            Err(e) => self.report_error(format!("Not merged: {e}")),
        }
    }

    fn next_disagreement(&mut self) {
        let Some((id, units)) = self.current_units() else {
            self.report("Open an article first");
            return;
        };
        let Some(doc) = self.ws.project().document(id) else {
            return;
        };
        match curation::next_open(doc, &units, self.curation.current) {
            Some(i) => self.curation_action(CurationAction::Select(i)),
            None => self.report("Every unit of this document is agreed or curated"),
        }
    }

    /// Runs what the curator asked for on the unit in hand.
    pub(super) fn curation_action(&mut self, action: CurationAction) {
        let Some((id, units)) = self.current_units() else {
            return;
        };
        if let CurationAction::Select(i) = action {
            self.curation.current = Some(i);
            if let Some(unit) = units.get(i) {
                let (start, end) = (unit.start, unit.end);
                let result = self
                    .ws
                    .project()
                    .document(id)
                    .and_then(|d| unit.decision(d))
                    .and_then(|d| d.result);
                self.reveal(start, end);
                self.selection.annotation = result;
            }
            return;
        }
        let Some(at) = self.curation.current.filter(|&c| c < units.len()) else {
            self.report("Choose a unit first (F8: the next disagreement)");
            return;
        };
        let Some(doc) = self.ws.project().document(id).cloned() else {
            return;
        };
        let reason = std::mem::take(&mut self.curation.reason);
        let curator = self.me.clone();
        let mut ids = self.ws.project().id_allocator(CURATED);
        let mut planner = Planner::new(&doc, &units, &mut ids, &curator);
        let unit = &units[at];
        let (label, planned) = match action {
            CurationAction::Take(k) => {
                let Some(version) = unit.versions.get(k) else {
                    self.report(format!("This unit has {} versions", unit.versions.len()));
                    self.curation.reason = reason;
                    return;
                };
                let outcome = Outcome::Took {
                    analyst: version.analyst.to_string(),
                };
                let label = format!("take {}'s version", version.analyst);
                (label, planner.take(at, k, outcome, &reason, true).map(Some))
            }
            CurationAction::Edit => (
                "edit the curated version".to_owned(),
                planner.edit(at, 0, &reason).map(Some),
            ),
            CurationAction::NoneRight => (
                "none is right".to_owned(),
                planner.none_right(at, &reason).map(|()| None),
            ),
            CurationAction::Select(_) => return,
        };
        let edits = planner.finish();
        match planned {
            Ok(result) => match self.ws.apply(label.clone(), Edit::Batch(edits)) {
                Ok(()) => {
                    self.selection.annotation = result;
                    self.report(format!("Curated: {label}"));
                }
                Err(e) => {
                    self.curation.reason = reason;
                    self.report_error(format!("Not curated: {e}"));
                }
            },
            Err(e) => {
                self.curation.reason = reason;
                self.report_error(format!("Not curated: {e}"));
            }
        }
    }

    /// The panel where the statements table is, while curating.
    pub(super) fn curation_panel_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("Curation");
        let Some(id) = self.selection.document else {
            ui.weak("Open a document to curate it.");
            return;
        };
        let revision = self.ws.revision();
        let Some(doc) = self.ws.project().document(id) else {
            return;
        };
        let units = self.curation.units(doc, revision).to_vec();
        let curator = self.me.clone();
        let actions = crate::ui::curation::curation_ui(
            ui,
            self.ws.project(),
            doc,
            &units,
            &mut self.curation,
            &curator,
        );
        for action in actions {
            self.curation_action(action);
        }
    }
}
