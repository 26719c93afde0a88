//! The window's View ▸ Corpus: the query view below the article, and opening a hit's
//! document with its annotation selected (the query and its hits stay).

use super::DemarcheApp;
use crate::ui::corpus::{CorpusAction, CorpusState, corpus_ui};
use crate::ui::files::Purpose;
use std::path::Path;

impl DemarcheApp {
    pub fn corpus(&self) -> &CorpusState {
        &self.corpus
    }

    pub fn corpus_mut(&mut self) -> &mut CorpusState {
        &mut self.corpus
    }

    /// Draws the corpus view (when open) as a panel across the window, below the article
    /// and the side panels.
    pub(super) fn corpus_panel_ui(&mut self, ui: &mut egui::Ui) {
        if !self.corpus.open {
            return;
        }
        let ws = &self.ws;
        self.corpus
            .prepare(ui.ctx(), ws.revision(), || ws.snapshot());
        let height = ui.available_height();
        let mut actions = Vec::new();
        egui::Panel::bottom("corpus")
            .resizable(true)
            .default_size(height * 0.45)
            .size_range(160.0..=(height * 0.8).max(200.0))
            .show(ui, |ui| {
                actions = corpus_ui(ui, &mut self.corpus, self.ws.project(), self.ws.revision());
            });
        for action in actions {
            match action {
                CorpusAction::Open {
                    document,
                    annotation,
                    start,
                    end,
                    analyst,
                } => {
                    if self.ws.project().document(document).is_none() {
                        self.report_error("That document is no longer in the project");
                        continue;
                    }
                    // A hit in a hidden layer: that layer is shown, or the article would
                    // open without the annotation in view.
                    if !self.layer_view().shows(&analyst) {
                        if self.ws.project().meta.blind {
                            self.report_error(format!(
                                "That hit is in {analyst}'s layer, hidden while coding blind"
                            ));
                        } else {
                            self.set_layer_shown(&analyst, true);
                            self.report(format!("Showing {analyst}'s layer"));
                        }
                    }
                    self.select_document(document);
                    self.selection.annotation = Some(annotation);
                    self.reveal(start, end);
                }
                CorpusAction::Recode { hits, field, value } => {
                    let r = crate::ui::corpus::recode::recode(
                        self.ws.project(),
                        &hits,
                        self.ws.annotator(),
                        field,
                        &value,
                    );
                    let left = if r.left > 0 {
                        format!(
                            " ({} left: another analyst's layer, no {}, or already so)",
                            r.left,
                            field.label()
                        )
                    } else {
                        String::new()
                    };
                    let Some(edit) = r.edit else {
                        self.report(format!("Nothing to recode{left}"));
                        continue;
                    };
                    let what = format!("Set {} to {value} on {} hits", field.label(), r.changed);
                    match self.ws.apply(what.clone(), edit) {
                        Ok(()) => self.report(format!("{what}{left}")),
                        Err(e) => self.report_error(format!("Not recoded: {e}")),
                    }
                }
                CorpusAction::SaveQuery { name, query } => {
                    let edit =
                        crate::edit::saved_queries::save(&self.ws.project().meta, &name, &query);
                    match self.ws.apply(format!("Save query “{name}”"), edit) {
                        Ok(_) => self.report(format!("Saved query “{name}”: {query}")),
                        Err(e) => self.report_error(format!("Query not saved: {e}")),
                    }
                }
                CorpusAction::Export(export) => {
                    self.corpus.begin_export(export);
                    self.ask_path(Purpose::ExportCorpus(self.corpus.export_file_name()));
                }
            }
        }
        for outcome in self.corpus.exports.take_outcomes() {
            match outcome {
                Ok(text) => self.report(text),
                Err(text) => self.report_error(text),
            }
        }
    }

    /// Writes the corpus view's pending export to `path` (a PNG once the next frame is drawn).
    pub(super) fn export_corpus(&mut self, path: &Path) {
        match self.corpus.export_to(self.ws.project(), path) {
            Ok(Some(text)) => self.report(text),
            Ok(None) => {}
            Err(text) => self.report_error(text),
        }
    }
}
