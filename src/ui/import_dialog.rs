//! File ▸ Import… for many articles at once. Files and folders (searched recursively) are
//! read, decoded and extracted on a worker thread; the window shows progress with a Cancel
//! button and, at the end, what was imported, which files were skipped because the project
//! already has their text, and which failed and why.
//!
//! Everything one import adds becomes one undo step ("Import 42 articles"): the documents
//! are collected while the worker runs and added together when it ends. Cancelling stops
//! after the file being read; the articles read until then are kept, as that one step, so
//! a single Undo takes the whole import back.

use crate::edit::Edit;
use crate::import;
use crate::model::{Document, Id, plural_s};
use crate::workspace::Workspace;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How often the worker wakes the window to move the progress bar (it wakes it at once
/// when it ends). Fast enough to read as smooth, slow enough not to redraw per file.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// Reports handled per frame, so a burst of small files never makes one frame long.
const REPORTS_PER_FRAME: usize = 200;

/// What the worker tells the window, in this order: `Found`, then per file `Reading` and
/// `Imported` or `Failed`, then `Done`.
enum Report {
    Found {
        files: usize,
        /// Folders (or entries in them) that could not be searched.
        unsearchable: Vec<(PathBuf, String)>,
    },
    Reading(PathBuf),
    /// The document, and what the analyst should know about how it was read.
    Imported(PathBuf, Box<Document>, Vec<String>),
    Failed(PathBuf, String),
    Done {
        cancelled: bool,
    },
}

/// An article the import added to the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedArticle {
    pub path: PathBuf,
    pub id: Id,
    pub title: String,
    /// How the file was read otherwise than written (bytes replaced, nesting flattened).
    pub warnings: Vec<String>,
}

/// A file skipped because a document of the project (or one imported just before in the
/// same import) has the same text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedDuplicate {
    pub path: PathBuf,
    pub existing: Id,
    pub existing_title: String,
}

/// A file (or folder) that could not be imported, and why, in words for the analyst.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFailure {
    pub path: PathBuf,
    pub reason: String,
}

/// What one import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Files found once folders were searched.
    pub files: usize,
    /// Files dealt with so far: imported, skipped or failed.
    pub read: usize,
    /// In the order the files were read.
    pub imported: Vec<ImportedArticle>,
    pub duplicates: Vec<SkippedDuplicate>,
    pub failures: Vec<ImportFailure>,
    /// The user cancelled: the files after those listed were not read.
    pub cancelled: bool,
    /// From the start until the documents were in the project.
    pub elapsed: Duration,
}

impl ImportSummary {
    /// One line for the status bar.
    pub fn headline(&self) -> String {
        let mut line = format!(
            "Imported {} article{}",
            self.imported.len(),
            plural_s(self.imported.len())
        );
        if !self.duplicates.is_empty() {
            let n = self.duplicates.len();
            line.push_str(&format!(", skipped {n} duplicate{}", plural_s(n)));
        }
        let warned = self
            .imported
            .iter()
            .filter(|a| !a.warnings.is_empty())
            .count();
        if warned > 0 {
            line.push_str(&format!(" ({warned} with warnings)"));
        }
        if !self.failures.is_empty() {
            line.push_str(&format!(", {} failed", self.failures.len()));
        }
        if self.cancelled {
            line.push_str(&format!(
                " (cancelled after {} of {} files)",
                self.read, self.files
            ));
        }
        line
    }
}

/// Lets a test run an import one file at a time: the worker waits for a permit before
/// each file. Dropping the gate lets the worker run freely.
pub struct ImportGate(mpsc::Sender<()>);

impl ImportGate {
    /// Lets the worker read `files` more files.
    pub fn allow(&self, files: usize) {
        for _ in 0..files {
            // The worker may have ended already; then there is nothing to allow.
            let _ = self.0.send(());
        }
    }
}

/// What the window should do once an import has ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportEnded {
    /// The document to show: the first one imported, or for a single file already in
    /// the project, the document that has its text.
    pub show: Option<Id>,
    pub message: String,
    /// The message reports a failure (shown until dismissed).
    pub error: bool,
}

struct Job {
    reports: mpsc::Receiver<Report>,
    /// The last frame left reports unread (it took its share).
    backlog: bool,
    started: Instant,
    cancel: Arc<AtomicBool>,
    /// One file was chosen: no window; the outcome goes to the status bar, as before.
    quiet: bool,
    /// What was chosen, to show paths relative to it.
    roots: Vec<PathBuf>,
    found: bool,
    reading: Option<PathBuf>,
    summary: ImportSummary,
    /// Read but not yet in the project: added together, as one undo step, at the end.
    pending: Vec<Document>,
    /// The pending documents by text fingerprint, to catch a file imported twice.
    pending_texts: HashMap<String, (Id, String)>,
}

#[derive(Default)]
pub struct ImportDialog {
    job: Option<Job>,
    /// The last import's summary and the paths it was given, once it has ended.
    outcome: Option<(ImportSummary, Vec<PathBuf>)>,
    /// The summary window is shown.
    open: bool,
    /// Kept from the last frame so that the worker can wake the window.
    ctx: Option<egui::Context>,
}

impl ImportDialog {
    /// Starts importing `paths` (files and folders). Refused while another import runs.
    pub fn start(&mut self, paths: Vec<PathBuf>) -> Result<(), String> {
        self.start_job(paths, None)
    }

    /// Starts an import that reads a file only when the returned gate allows it; for tests
    /// that need to act between two files (cancel after the first).
    pub fn start_gated(&mut self, paths: Vec<PathBuf>) -> Result<ImportGate, String> {
        let (permits, gate) = mpsc::channel();
        self.start_job(paths, Some(gate))?;
        Ok(ImportGate(permits))
    }

    fn start_job(
        &mut self,
        paths: Vec<PathBuf>,
        gate: Option<mpsc::Receiver<()>>,
    ) -> Result<(), String> {
        if self.job.is_some() {
            return Err(
                "An import is still running; wait for it to finish or cancel it first".to_owned(),
            );
        }
        if paths.is_empty() {
            return Err("Nothing to import".to_owned());
        }
        let quiet = matches!(paths.as_slice(), [one] if !one.is_dir());
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let worker = Worker {
            paths: paths.clone(),
            reports: tx,
            cancel: cancel.clone(),
            gate,
            ctx: self.ctx.clone(),
        };
        std::thread::Builder::new()
            .name("import".to_owned())
            .spawn(move || worker.run())
            .map_err(|e| format!("The import could not start: {e}"))?;
        self.job = Some(Job {
            reports: rx,
            backlog: false,
            started: Instant::now(),
            cancel,
            quiet,
            roots: paths,
            found: false,
            reading: None,
            summary: ImportSummary::default(),
            pending: Vec::new(),
            pending_texts: HashMap::new(),
        });
        self.open = !quiet;
        Ok(())
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the import window (progress or summary) is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The running import's summary so far, else the last import's.
    pub fn summary(&self) -> Option<&ImportSummary> {
        match &self.job {
            Some(job) => Some(&job.summary),
            None => self.outcome.as_ref().map(|(summary, _)| summary),
        }
    }

    /// The last finished import's summary.
    pub fn outcome(&self) -> Option<&ImportSummary> {
        self.outcome.as_ref().map(|(summary, _)| summary)
    }

    /// Stops the import after the file being read; what was read so far is kept.
    pub fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The project the import was going into is being closed: stop, and add nothing.
    pub fn abandon(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
        self.open = false;
    }

    /// Takes in what the worker reported, draws the window, and adds the documents when
    /// the import ends; returns what the window should then show and say.
    pub fn ui(&mut self, ctx: &egui::Context, ws: &mut Workspace) -> Option<ImportEnded> {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        let ended = self.poll(ws);
        if let Some(job) = &self.job {
            if job.backlog {
                // More reports are waiting: take them in the very next frame, so the
                // window's pace never limits the import's.
                ctx.request_repaint();
            } else {
                // The worker wakes the window too; this keeps it moving if it cannot.
                ctx.request_repaint_after(PROGRESS_EVERY * 2);
            }
        }
        if self.open {
            self.window_ui(ctx);
        }
        ended
    }

    fn poll(&mut self, ws: &mut Workspace) -> Option<ImportEnded> {
        let job = self.job.as_mut()?;
        job.backlog = true;
        for _ in 0..REPORTS_PER_FRAME {
            match job.reports.try_recv() {
                Ok(Report::Done { cancelled }) => {
                    job.summary.cancelled = cancelled;
                    return self.finish(ws, None);
                }
                Ok(report) => job.take(report, ws),
                Err(mpsc::TryRecvError::Empty) => {
                    job.backlog = false;
                    return None;
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    let note =
                        "the import stopped unexpectedly; the files not listed were not read";
                    return self.finish(ws, Some(note));
                }
            }
        }
        None
    }

    /// Adds what was read as one undo step and turns the job into its summary.
    fn finish(&mut self, ws: &mut Workspace, broken: Option<&str>) -> Option<ImportEnded> {
        let mut job = self.job.take()?;
        if let Some(note) = broken {
            job.summary.failures.push(ImportFailure {
                path: PathBuf::new(),
                reason: note.to_owned(),
            });
        }
        let documents = std::mem::take(&mut job.pending);
        let label = match documents.as_slice() {
            [one] => format!("Import “{}”", one.meta.title),
            many => format!("Import {} articles", many.len()),
        };
        if !documents.is_empty() {
            let edit = Edit::Batch(
                documents
                    .into_iter()
                    .map(|d| Edit::AddDocument(Box::new(d)))
                    .collect(),
            );
            if let Err(e) = ws.apply(label, edit) {
                // Nothing was added (an edit applies whole or not at all).
                let reason = format!("could not be added to the project: {e}");
                for article in job.summary.imported.drain(..) {
                    job.summary.failures.push(ImportFailure {
                        path: article.path,
                        reason: reason.clone(),
                    });
                }
            }
        }
        job.summary.elapsed = job.started.elapsed();
        let ended = ended(&job);
        self.outcome = Some((job.summary, job.roots));
        Some(ended)
    }

    fn window_ui(&mut self, ctx: &egui::Context) {
        let running = self.job.is_some();
        let mut open = true;
        let mut close = false;
        let mut cancel = false;
        let window = egui::Window::new("Import articles")
            .collapsible(false)
            // Over the article, not over the documents list it is filling.
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 80.0))
            // Sized by its contents; the long lists scroll inside it.
            .resizable(false)
            .default_width(560.0)
            .max_width(760.0);
        // While the import runs the window stays: Cancel is the way to stop it.
        let window = if running {
            window
        } else {
            window.open(&mut open)
        };
        window.show(ctx, |ui| match &self.job {
            Some(job) => cancel = progress_ui(ui, job),
            None => {
                if let Some((summary, roots)) = &self.outcome {
                    close = summary_ui(ui, summary, roots);
                }
            }
        });
        if cancel {
            self.cancel();
        }
        if close || !open {
            self.open = false;
        }
    }
}

impl Job {
    fn take(&mut self, report: Report, ws: &mut Workspace) {
        match report {
            Report::Found {
                files,
                unsearchable,
            } => {
                self.found = true;
                self.summary.files = files;
                self.summary.failures.extend(
                    unsearchable
                        .into_iter()
                        .map(|(path, reason)| ImportFailure { path, reason }),
                );
            }
            Report::Reading(path) => self.reading = Some(path),
            Report::Imported(path, document, warnings) => {
                self.summary.read += 1;
                self.add(path, *document, warnings, ws);
            }
            Report::Failed(path, reason) => {
                self.summary.read += 1;
                self.summary.failures.push(ImportFailure { path, reason });
            }
            Report::Done { .. } => {}
        }
    }

    /// Keeps a document read by the worker, unless the project or this import already has
    /// its text. Its id is given here: the worker cannot know which ids are free.
    fn add(
        &mut self,
        path: PathBuf,
        mut document: Document,
        warnings: Vec<String>,
        ws: &mut Workspace,
    ) {
        let existing = import::find_duplicate(ws.project(), &document)
            .map(|d| (d.id, d.meta.title.clone()))
            .or_else(|| self.pending_texts.get(document.fingerprint()).cloned());
        if let Some((existing, existing_title)) = existing {
            self.summary.duplicates.push(SkippedDuplicate {
                path,
                existing,
                existing_title,
            });
            return;
        }
        let id = match ws.fresh_id() {
            Ok(id) => id,
            Err(e) => {
                self.summary.failures.push(ImportFailure {
                    path,
                    reason: e.to_string(),
                });
                return;
            }
        };
        document.id = id;
        let title = document.meta.title.clone();
        self.pending_texts
            .insert(document.fingerprint().to_owned(), (id, title.clone()));
        self.summary.imported.push(ImportedArticle {
            path,
            id,
            title,
            warnings,
        });
        self.pending.push(document);
    }
}

/// Another tool's annotations the window imports: a brat folder (it holds `.ann` files) or
/// a doccano JSONL file. Anything else is an article or a folder of articles.
pub fn annotation_format(path: &Path) -> Option<crate::interchange::command::ImportFormat> {
    use crate::interchange::command::ImportFormat;
    if path.is_dir() {
        let has_ann = std::fs::read_dir(path)
            .ok()?
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "ann") && e.path().is_file());
        return has_ann.then_some(ImportFormat::Brat);
    }
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl"))
        .then_some(ImportFormat::Jsonl)
}

/// Imports a brat folder or a doccano file as the analyst at work's layers, as one undo
/// step (through the workspace, like every other change). Returns the document to show
/// and the message for the status bar; an error message when nothing was imported.
pub fn import_annotations(
    ws: &mut Workspace,
    path: &Path,
    format: crate::interchange::command::ImportFormat,
) -> Result<(Option<Id>, String), String> {
    use crate::interchange::command::ImportFormat;
    let analyst = ws.annotator().to_owned();
    let prepared = match format {
        ImportFormat::Brat => crate::interchange::prepare_brat(ws.project(), path, &analyst, false),
        ImportFormat::Jsonl => {
            crate::interchange::prepare_jsonl(ws.project(), path, &analyst, false)
        }
    }
    .map_err(|e| format!("Could not import {}: {e}", path.display()))?;
    let report = prepared.report;
    let name = file_name(path);
    let mut message = format!(
        "Imported {name}: {} added, {} attached to documents already here ({})",
        crate::model::counted(report.documents, "document"),
        crate::model::counted(report.attached.len(), "layer"),
        crate::model::counted(report.annotations, "annotation"),
    );
    if !report.refused.is_empty() {
        message.push_str(&format!(
            "; {} refused: {analyst} already coded the same text",
            crate::model::counted(report.refused.len(), "document")
        ));
    }
    if !report.problems.is_empty() {
        message.push_str(&format!(
            "; {} not kept as written",
            crate::model::counted(report.problems.len(), "line")
        ));
    }
    if prepared.edit.is_empty() {
        return Err(message);
    }
    let show = report.attached.first().map(|a| a.document);
    let before: Vec<Id> = ws.project().documents.iter().map(|d| d.id).collect();
    ws.apply(format!("Import {name}"), prepared.edit)
        .map_err(|e| format!("Could not import {name}: {e}"))?;
    let added = ws
        .project()
        .documents
        .iter()
        .map(|d| d.id)
        .find(|id| !before.contains(id));
    Ok((added.or(show), message))
}

/// What to show and say once `job` has ended.
fn ended(job: &Job) -> ImportEnded {
    let summary = &job.summary;
    let show = summary.imported.first().map(|a| a.id);
    if job.quiet {
        if let Some(article) = summary.imported.first() {
            let mut message = format!("Imported “{}”", article.title);
            if !article.warnings.is_empty() {
                message.push_str(&format!(" — {}", article.warnings.join("; ")));
            }
            return ImportEnded {
                show,
                message,
                error: false,
            };
        }
        if let Some(dup) = summary.duplicates.first() {
            return ImportEnded {
                show: Some(dup.existing),
                message: format!(
                    "{} is already in the project: document {} “{}” has the same text",
                    file_name(&dup.path),
                    dup.existing,
                    dup.existing_title
                ),
                error: false,
            };
        }
        if let Some(failure) = summary.failures.first() {
            return ImportEnded {
                show: None,
                message: format!(
                    "Could not import {}: {}",
                    failure.path.display(),
                    failure.reason
                ),
                error: true,
            };
        }
    }
    ImportEnded {
        show,
        message: summary.headline(),
        error: summary.imported.is_empty() && !summary.failures.is_empty(),
    }
}

/// The progress bar, counts so far and Cancel; returns whether Cancel was pressed.
fn progress_ui(ui: &mut egui::Ui, job: &Job) -> bool {
    if !job.found {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Looking for articles in the folders…");
        });
    } else {
        let total = job.summary.files;
        let done = job.summary.read.min(total);
        let name = job
            .reading
            .as_deref()
            .map(|p| shown_path(p, &job.roots))
            .unwrap_or_default();
        let fraction = if total == 0 {
            1.0
        } else {
            done as f32 / total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(520.0)
                .text(format!("{done} / {total} — {name}")),
        );
    }
    let s = &job.summary;
    ui.label(format!(
        "So far: {} imported · {} duplicate{} skipped · {} failed",
        s.imported.len(),
        s.duplicates.len(),
        plural_s(s.duplicates.len()),
        s.failures.len()
    ));
    ui.add_space(4.0);
    if job.cancel.load(Ordering::Relaxed) {
        ui.weak("Stopping after the current file…");
        false
    } else {
        ui.button("Cancel")
            .on_hover_text("Stop after the current file; the articles read so far are kept")
            .clicked()
    }
}

/// The summary of an ended import; returns whether Close was pressed.
fn summary_ui(ui: &mut egui::Ui, summary: &ImportSummary, roots: &[PathBuf]) -> bool {
    ui.strong(summary.headline());
    let n = summary.imported.len();
    if summary.cancelled {
        ui.label(format!(
            "Cancelled: {} of {} files were read. The {n} article{} imported before that \
             {} kept; Undo (Ctrl+Z) removes the whole import in one step.",
            summary.read,
            summary.files,
            plural_s(n),
            if n == 1 { "is" } else { "are" }
        ));
    } else if n > 0 {
        ui.weak("Undo (Ctrl+Z) removes the whole import in one step.");
    }
    if !summary.duplicates.is_empty() {
        ui.add_space(6.0);
        ui.label(format!(
            "Skipped — the project already has the same text ({}):",
            summary.duplicates.len()
        ));
        egui::ScrollArea::vertical()
            .id_salt("import-duplicates")
            .max_height(140.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for dup in &summary.duplicates {
                    ui.label(format!(
                        "{} — same text as document {} “{}”",
                        shown_path(&dup.path, roots),
                        dup.existing,
                        dup.existing_title
                    ));
                }
            });
    }
    let warned: Vec<&ImportedArticle> = summary
        .imported
        .iter()
        .filter(|a| !a.warnings.is_empty())
        .collect();
    if !warned.is_empty() {
        ui.add_space(6.0);
        ui.label(format!(
            "Imported, but not exactly as written ({}):",
            warned.len()
        ));
        egui::ScrollArea::vertical()
            .id_salt("import-warnings")
            .max_height(140.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for article in warned {
                    let file = shown_path(&article.path, roots);
                    for warning in &article.warnings {
                        ui.label(
                            egui::RichText::new(format!("{file}: {warning}"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                }
            });
    }
    if !summary.failures.is_empty() {
        ui.add_space(6.0);
        ui.label(format!("Not imported ({}):", summary.failures.len()));
        egui::ScrollArea::vertical()
            .id_salt("import-failures")
            .max_height(200.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for failure in &summary.failures {
                    let file = shown_path(&failure.path, roots);
                    let text = if file.is_empty() {
                        failure.reason.clone()
                    } else {
                        format!("{file}: {}", failure.reason)
                    };
                    ui.label(egui::RichText::new(text).color(ui.visuals().warn_fg_color));
                }
            });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let close = ui.button("Close").clicked();
        ui.weak(format!("Took {:.1} s.", summary.elapsed.as_secs_f64()));
        close
    })
    .inner
}

/// A path as the analyst chose it: below a chosen folder, from that folder's name on
/// ("2024/mars/pekin.txt" under "2024"); a chosen file by its name.
fn shown_path(path: &Path, roots: &[PathBuf]) -> String {
    roots
        .iter()
        .filter(|root| path.starts_with(root))
        .find_map(|root| path.strip_prefix(root.parent()?).ok())
        .filter(|rest| !rest.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The thread that finds and reads the files.
struct Worker {
    paths: Vec<PathBuf>,
    reports: mpsc::Sender<Report>,
    cancel: Arc<AtomicBool>,
    gate: Option<mpsc::Receiver<()>>,
    ctx: Option<egui::Context>,
}

impl Worker {
    fn run(self) {
        let import::Expanded { files, failures } = import::expand_paths(&self.paths);
        let found = Report::Found {
            files: files.len(),
            unsearchable: failures,
        };
        if !self.send(found) {
            return;
        }
        let mut cancelled = false;
        for path in files {
            if let Some(gate) = &self.gate {
                // An error means the gate was dropped: run freely from here on.
                let _ = gate.recv();
            }
            if self.cancel.load(Ordering::Relaxed) {
                cancelled = true;
                break;
            }
            if !self.send(Report::Reading(path.clone())) {
                return;
            }
            // Ids are given by the window when it adds the document; 0 is a placeholder.
            let report = match import::import_file_with_warnings(&path, Id(0)) {
                Ok(imported) => {
                    Report::Imported(path, Box::new(imported.document), imported.warnings)
                }
                Err(e) => Report::Failed(path, e.to_string()),
            };
            if !self.send(report) {
                return;
            }
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint_after(PROGRESS_EVERY);
            }
        }
        self.send(Report::Done { cancelled });
        if let Some(ctx) = &self.ctx {
            ctx.request_repaint();
        }
    }

    /// False when the window is gone (the import was abandoned): stop then.
    fn send(&self, report: Report) -> bool {
        self.reports.send(report).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_the_chosen_folder_on() {
        let roots = vec![
            PathBuf::from("/data/articles"),
            PathBuf::from("/elsewhere/Déclaration.txt"),
        ];
        assert_eq!(
            shown_path(Path::new("/data/articles/2024/北京.txt"), &roots),
            Path::new("articles/2024/北京.txt").display().to_string()
        );
        assert_eq!(
            shown_path(Path::new("/elsewhere/Déclaration.txt"), &roots),
            "Déclaration.txt"
        );
        assert_eq!(
            shown_path(Path::new("/tmp/other.txt"), &roots),
            "/tmp/other.txt"
        );
    }
}
