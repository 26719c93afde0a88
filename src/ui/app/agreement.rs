//! The window's agreement tools: Tools ▸ Agreement (figures computed off the UI thread),
//! opening a disagreement at its unit with the versions side by side, and File ▸ Export ▸
//! Agreement report….

use super::DemarcheApp;
use crate::agreement::report;
use crate::ui::agreement::{AgreementAction, AgreementState, agreement_window};
use crate::ui::command::Command;
use crate::ui::curation::CurationAction;
use crate::ui::files::{self, Purpose};
use std::io::Write as _;
use std::path::Path;

impl DemarcheApp {
    pub fn agreement(&self) -> &AgreementState {
        &self.agreement
    }

    pub fn agreement_mut(&mut self) -> &mut AgreementState {
        &mut self.agreement
    }

    pub(super) fn run_agreement_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Agreement => {
                self.agreement.open = !self.agreement.open;
                if self.agreement.open {
                    // Back from a disagreement: ↑/↓/Enter go on through the list.
                    self.agreement.browser.has_keys = self.agreement.browser.open;
                    // Only missing figures are computed on opening; figures of an older
                    // project stay, marked stale, until Recompute.
                    if self.agreement.computed().is_none() && !self.agreement.computing() {
                        self.start_agreement(ctx);
                    }
                }
            }
            Command::ExportAgreementReport => {
                let name = files::suggested_file_name(&self.ws.display_name());
                let name = format!("{} agreement.html", name.trim_end_matches(".ron"));
                self.ask_path(Purpose::SaveAgreementReport(name));
            }
            _ => {}
        }
    }

    fn start_agreement(&mut self, ctx: &egui::Context) {
        let analysts = self
            .agreement
            .analysts(self.ws.project(), self.ws.revision())
            .to_vec();
        match self
            .agreement
            .bar
            .selection(&analysts, self.selection.document)
        {
            Ok(selection) => {
                let revision = self.ws.revision();
                self.agreement
                    .start(ctx, self.ws.snapshot(), selection, revision);
            }
            Err(e) => self.report_error(format!("No agreement figures: {e}")),
        }
    }

    /// Draws the agreement window (when open) and runs what it asked for.
    pub(super) fn agreement_ui(&mut self, ctx: &egui::Context) {
        if self.agreement.poll() {
            ctx.request_repaint();
        }
        let actions = agreement_window(
            ctx,
            &mut self.agreement,
            self.ws.project(),
            self.selection.document,
            self.ws.revision(),
        );
        for action in actions {
            match action {
                AgreementAction::Compute => self.start_agreement(ctx),
                AgreementAction::Open(index) => self.open_disagreement(index),
                AgreementAction::Export => self.queue.push(Command::ExportAgreementReport),
            }
        }
    }

    /// Takes ↑/↓/Enter for the disagreement browser while it has the keyboard; with the
    /// window closed they are the article's.
    pub(super) fn agreement_keys(&mut self, ctx: &egui::Context) {
        if self.agreement.open {
            self.agreement.browser.take_keys(ctx);
        } else {
            self.agreement.browser.has_keys = false;
        }
    }

    /// Opens the document at the n-th disagreement: the curation view shows the unit's
    /// versions side by side and the article selects its text.
    fn open_disagreement(&mut self, index: usize) {
        let Some(d) = self
            .agreement
            .computed()
            .and_then(|c| c.disagreements.get(index))
            .cloned()
        else {
            return;
        };
        if self.ws.project().document(d.document).is_none() {
            self.report_error("That document is no longer in the project");
            return;
        }
        self.select_document(d.document);
        if !self.curation.open {
            self.toggle_curation();
        }
        let covers = d.covers();
        let revision = self.ws.revision();
        let unit = self.ws.project().document(d.document).and_then(|doc| {
            self.curation
                .units(doc, revision)
                .iter()
                .position(|u| u.layer == d.layer && u.covers.iter().any(|id| covers.contains(id)))
        });
        match unit {
            Some(i) => self.curation_action(CurationAction::Select(i)),
            None => {
                // The suggestions' side only, or a project changed since: show the text.
                self.selection.annotation = None;
                self.reveal(d.start, d.end);
            }
        }
        // The window would cover the text: it steps aside until Ctrl+Shift+G.
        self.agreement.open = false;
        self.report(format!(
            "{}: {} — Ctrl+Shift+G goes back to the disagreements",
            d.layer.key(),
            d.kind.label()
        ));
    }

    /// Writes the agreement report for the selection in Tools ▸ Agreement to `path`: the
    /// figures on screen when they are current, else computed now.
    pub(super) fn export_agreement_report(&mut self, path: &Path) {
        match self.agreement_report_html() {
            Ok(html) => match write_through_temporary(path, &html) {
                Ok(()) => self.report(format!("Agreement report written to {}", path.display())),
                Err(e) => self.report_error(format!("Cannot write {}: {e}", path.display())),
            },
            Err(e) => self.report_error(format!("No report written: {e}")),
        }
    }

    fn agreement_report_html(&self) -> Result<String, String> {
        let project = self.ws.project();
        let selection = self
            .agreement
            .bar
            .selection(&project.analysts(), self.selection.document)?;
        let current = self
            .agreement
            .computed()
            .filter(|c| c.revision == self.ws.revision() && c.selection == selection);
        Ok(match current {
            Some(c) => report::html_report(&c.report),
            None => report::html_report(
                &crate::agreement::compute(project, &selection).map_err(|e| e.to_string())?,
            ),
        })
    }
}

/// Writes through a temporary file beside `path`, so that a failed write leaves any earlier
/// report whole.
fn write_through_temporary(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
