//! File ▸ Export…: format, destination folder, progress and a summary. The export runs on
//! a worker thread over a copy of the project, so the window stays responsive.

use crate::export::{self, Format, Progress, Summary};
use crate::model::{Project, counted};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

struct Job {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    result: mpsc::Receiver<Result<Summary, String>>,
}

#[derive(Default)]
pub struct ExportDialog {
    open: bool,
    format: Option<Format>,
    folder: String,
    job: Option<Job>,
    outcome: Option<Result<Summary, String>>,
}

impl ExportDialog {
    /// Opens the dialog, proposing `default_folder` when no folder was chosen before.
    pub fn open(&mut self, default_folder: Option<PathBuf>) {
        self.open = true;
        self.outcome = None;
        if self.folder.trim().is_empty()
            && let Some(folder) = default_folder
        {
            self.folder = folder.display().to_string();
        }
    }

    /// Chooses format and folder as the user would in the dialog (tests, drag targets).
    pub fn choose(&mut self, format: Format, folder: &std::path::Path) {
        self.format = Some(format);
        self.folder = folder.display().to_string();
    }

    /// The format chosen, if any.
    pub fn format(&self) -> Option<Format> {
        self.format
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The last export's result, once it has finished.
    pub fn outcome(&self) -> Option<&Result<Summary, String>> {
        self.outcome.as_ref()
    }

    fn start(&mut self, project: &Project, format: Format) {
        let dir = PathBuf::from(self.folder.trim());
        let project = project.clone();
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(project.documents.len()));
        let (tx, rx) = mpsc::channel();
        let (d, t) = (done.clone(), total.clone());
        std::thread::spawn(move || {
            let mut progress = |p: Progress| {
                d.store(p.done, Ordering::Relaxed);
                t.store(p.total, Ordering::Relaxed);
            };
            let result = export::export(&project, format, &dir, &mut progress)
                .map_err(|e| crate::error_text::one_line(&e));
            // The dialog may have been dropped with the window; nothing to tell then.
            let _ = tx.send(result);
        });
        self.job = Some(Job {
            done,
            total,
            result: rx,
        });
        self.outcome = None;
    }

    /// Draws the dialog; returns a status-bar message when an export finishes.
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) -> Option<String> {
        if !self.open {
            return None;
        }
        let mut message = None;
        if let Some(job) = &self.job {
            match job.result.try_recv() {
                Ok(result) => {
                    message = Some(match &result {
                        Ok(s) => format!(
                            "Exported {} to {} ({})",
                            counted(s.documents, "document"),
                            self.folder.trim(),
                            counted(s.files.len(), "file")
                        ),
                        Err(e) => format!("Export failed: {e}"),
                    });
                    self.outcome = Some(result);
                    self.job = None;
                }
                Err(mpsc::TryRecvError::Empty) => ctx.request_repaint(),
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.outcome = Some(Err("the export stopped unexpectedly".to_owned()));
                    self.job = None;
                }
            }
        }
        let mut open = self.open;
        egui::Window::new("Export project")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| self.contents_ui(ui, project));
        self.open = open && self.open;
        message
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, project: &Project) {
        let running = self.job.is_some();
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("export-grid")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("Format");
                    // Searchable: eleven formats, most picked by typing a few letters.
                    let options: Vec<_> = Format::ALL
                        .iter()
                        .map(|&f| (f, f.label().to_owned(), Some(f.files().to_owned())))
                        .collect();
                    if let Some(f) = super::picker::pick_one(
                        ui,
                        ui.make_persistent_id("export-format"),
                        "Export format",
                        self.format.as_ref(),
                        "Choose a format",
                        &options,
                    ) {
                        self.format = Some(f);
                    }
                    ui.end_row();
                    ui.label("Folder");
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut self.folder)
                                .hint_text("destination folder")
                                .desired_width(260.0),
                        );
                        if ui.button("Browse…").clicked()
                            && let Some(dir) = super::files::blocking(|| {
                                let mut dialog =
                                    rfd::FileDialog::new().set_title("Export to folder");
                                let start = PathBuf::from(self.folder.trim());
                                if start.is_dir() {
                                    dialog = dialog.set_directory(&start);
                                }
                                dialog.pick_folder()
                            })
                        {
                            self.folder = dir.display().to_string();
                        }
                    });
                    ui.end_row();
                });
            if let Some(f) = self.format {
                ui.weak(format!("Writes {}", f.files()));
            }
        });
        ui.separator();
        if let Some(job) = &self.job {
            let total = job.total.load(Ordering::Relaxed).max(1);
            let done = job.done.load(Ordering::Relaxed).min(total);
            ui.add(
                egui::ProgressBar::new(done as f32 / total as f32)
                    .text(format!("{done} of {total} documents")),
            );
        } else {
            let ready = self.format.is_some() && !self.folder.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked()
                && let Some(format) = self.format
            {
                self.start(project, format);
            }
        }
        match &self.outcome {
            Some(Ok(s)) => {
                ui.label(format!(
                    "Done: {}, {}, {}.",
                    counted(s.documents, "document"),
                    counted(s.annotations, "annotation"),
                    counted(s.files.len(), "file")
                ));
                if !s.left_out.is_empty() {
                    ui.label(format!("Not exported ({}):", s.left_out.len()));
                    egui::ScrollArea::vertical()
                        .max_height(120.0)
                        .show(ui, |ui| {
                            for item in &s.left_out {
                                ui.label(item);
                            }
                        });
                }
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("Export failed: {e}"));
            }
            None => {}
        }
    }
}
