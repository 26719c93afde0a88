//! The application: owns the workspace and the views, draws the window, and runs commands
//! and panel actions after drawing.

use super::Startup;
use super::action::UiAction;
use super::article::{ArticleInput, ArticleView};
use super::command::{self, Command, Menu};
use super::dialogs::{self, Choice, Modal, Then};
use super::export_dialog::ExportDialog;
use super::files::{self, Picked, Purpose};
use super::find::{FindAction, FindBar};
use super::focus_ring;
use super::import_dialog::ImportDialog;
use super::messages;
use super::panels::{self, PanelsState, Selection};
use super::picker;
use super::settings::{Settings, Theme};
use super::suggestions::{self, SuggestionsState};
use super::tagging::Tagging;
use crate::conflict::DiskConflict;
use crate::edit::{Edit, compose};
use crate::model::{Annotation, CodebookList, Document, Id, Project};
use crate::persist;
use crate::workspace::Workspace;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod agreement;
mod analysts;
mod corpus;
mod curation;
mod parts;

/// How often the window looks whether its project file was changed by another program.
const DISK_CHECK_EVERY: Duration = Duration::from_secs(2);

/// Unsaved work is autosaved to the recovery file this long after it was made.
const AUTOSAVE_AFTER: Duration = Duration::from_secs(30);

/// How long a status message stays.
const STATUS_FOR: Duration = Duration::from_secs(8);

struct StatusMessage {
    text: String,
    error: bool,
    shown: Instant,
}

pub struct DemarcheApp {
    ws: Workspace,
    settings: Settings,
    /// Where settings are written; `None` keeps them in memory only.
    settings_path: Option<PathBuf>,
    article: ArticleView,
    selection: Selection,
    find: FindBar,
    tagging: Tagging,
    /// A link being made: its document and first annotation (L pressed once).
    link_from: Option<(Id, Id)>,
    /// The issuer read from the open document's header, for its (document, revision).
    detected_issuer: Option<((Id, u64), Option<crate::suggest::issuer::Issuer>)>,
    suggestions: SuggestionsState,
    panels: PanelsState,
    show_codebook: bool,
    modals: Vec<Modal>,
    show_help: bool,
    /// Every message of the session (the status bar's Messages button).
    log: messages::MessageLog,
    /// The command palette (Ctrl+Shift+P).
    palette: super::palette::Palette,
    export: ExportDialog,
    import: ImportDialog,
    /// Commands to run after this frame is drawn.
    queue: Vec<Command>,
    actions: Vec<UiAction>,
    status: Option<StatusMessage>,
    /// False in tests: file questions go to the path field instead of a native dialog.
    native_dialogs: bool,
    /// Wake the window for the autosave and status timers even when nothing happens.
    /// Off in tests, whose frames must settle (they call `autosave_now` instead).
    wake_for_timers: bool,
    /// Frames left before asking the window manager to maximise the window (first run
    /// only): a request made before the window is shown is ignored by X11 managers.
    maximize_in: Option<u8>,
    /// What to do after the save the unsaved-changes dialog asked for.
    after_save: Option<Then>,
    /// When the recovery file is next due, while there is unsaved work not yet in it.
    autosave_due: Option<Instant>,
    autosaved_revision: Option<u64>,
    /// Set once the user agreed to close (saved or discarded).
    close_confirmed: bool,
    close_sent: bool,
    /// The window title last sent, to send it only when it changes.
    title: String,
    /// The project file's size and time when last compared with the disk state, so that
    /// a change is examined (and reported) once.
    disk_examined: Option<(u64, Option<std::time::SystemTime>)>,
    /// A project folder's files changed on disk that hold unsaved work here, already told.
    folder_kept: Vec<PathBuf>,
    /// A look for a folder's changed files under way on its own thread: the folder and
    /// what changed.
    folder_scan: Option<std::sync::mpsc::Receiver<(PathBuf, Vec<PathBuf>, Duration)>>,
    /// How often a folder is looked at: every [`DISK_CHECK_EVERY`], or ten times as long
    /// as the last look took, so that a large folder costs at most a tenth of a core.
    folder_scan_every: Duration,
    disk_checked_at: Instant,
    /// Who codes at this machine (`DEMARCHE_ANNOTATOR`, else the settings, else the login).
    /// "Edit as" changes only the workspace's analyst, until switched back to this one.
    me: String,
    /// Other analysts' layers hidden in View ▸ Analysts.
    hidden_layers: BTreeSet<String>,
    /// Projects already asked whose layer to continue, this session.
    asked_layer: HashSet<String>,
    /// Whether the window asks who is coding and whose layer to continue (most tests
    /// leave it off so that their fixtures open straight away).
    ask_analyst: bool,
    /// The first-start question is open: the layer question waits for its answer.
    naming: bool,
    /// The bundled demo is open, edited as its own analyst whoever codes at this machine.
    demo_open: bool,
    /// The project settings window (File ▸ Project settings…).
    show_project_settings: bool,
    /// The curation view (View ▸ Curation view).
    curation: super::curation::CurationState,
    /// Tools ▸ Agreement: its selection, figures and disagreement browser.
    agreement: super::agreement::AgreementState,
    /// View ▸ Corpus: the query, its index and hits.
    corpus: super::corpus::CorpusState,
}

impl DemarcheApp {
    /// The app as the binary starts it: settings from the data folder, native dialogs.
    pub fn new(ctx: &egui::Context, start: Startup, analyst: Option<String>) -> Self {
        let settings_path = super::settings::settings_path();
        let settings = Settings::load_from(&settings_path);
        // `--as NAME`, else `DEMARCHE_ANNOTATOR`: both name the analyst without asking.
        let env = analyst
            .filter(|n| !n.trim().is_empty())
            .or_else(crate::workspace::env_analyst);
        let mut app = Self::with_settings(settings, Some(settings_path));
        super::fonts::install(ctx);
        ctx.set_theme(app.settings.theme.preference());
        app.start_asking(start, env);
        app
    }

    /// [`Self::app_for_tests`] with `analyst` coding at this machine (whatever
    /// `DEMARCHE_ANNOTATOR` says); asks nothing.
    pub fn app_for_tests_as(start: Startup, analyst: &str) -> Self {
        let settings = Settings {
            analyst: Some(analyst.to_owned()),
            ..Settings::default()
        };
        let mut app = Self::with_settings(settings, None);
        app.me = analyst.to_owned();
        app.native_dialogs = false;
        app.wake_for_timers = false;
        app.start(start);
        app
    }

    /// An app like [`Self::app_for_tests`] with `settings`, that asks who is coding when
    /// they name no analyst (as if `DEMARCHE_ANNOTATOR` were not set) and whose layer to
    /// continue; for the tests of those questions.
    pub fn app_for_tests_asking(start: Startup, settings: Settings) -> Self {
        let mut app = Self::with_settings(settings, None);
        app.native_dialogs = false;
        app.wake_for_timers = false;
        app.start_asking(start, None);
        app
    }

    /// Resolves who is coding, asks once when nobody is named anywhere, then opens `start`.
    fn start_asking(&mut self, start: Startup, env: Option<String>) {
        self.ask_analyst = true;
        let named = self
            .settings
            .analyst
            .clone()
            .filter(|n| !n.trim().is_empty());
        self.me = env
            .clone()
            .or(named.clone())
            .unwrap_or_else(super::analysts::login_name);
        self.naming = env.is_none() && named.is_none();
        self.start(start);
        if self.naming {
            self.modals.push(Modal::AnalystName {
                text: self.me.clone(),
                first: true,
            });
        }
    }

    /// An app on `start` that keeps its settings in memory and uses the path field instead
    /// of native file dialogs; for tests.
    pub fn app_for_tests(start: Startup) -> Self {
        let mut app = Self::with_settings(Settings::default(), None);
        app.native_dialogs = false;
        app.wake_for_timers = false;
        app.start(start);
        app
    }

    fn with_settings(settings: Settings, settings_path: Option<PathBuf>) -> Self {
        let me = crate::workspace::env_analyst()
            .or_else(|| settings.analyst.clone().filter(|n| !n.trim().is_empty()))
            .unwrap_or_else(super::analysts::login_name);
        Self {
            ws: Workspace::new(Project::new(""), None),
            settings,
            settings_path,
            article: ArticleView::new(),
            selection: Selection::default(),
            find: FindBar::default(),
            tagging: Tagging::new(),
            link_from: None,
            detected_issuer: None,
            suggestions: SuggestionsState::default(),
            panels: PanelsState::default(),
            show_codebook: false,
            modals: Vec::new(),
            show_help: false,
            palette: Default::default(),
            log: Default::default(),
            export: ExportDialog::default(),
            import: ImportDialog::default(),
            queue: Vec::new(),
            actions: Vec::new(),
            status: None,
            native_dialogs: true,
            wake_for_timers: true,
            maximize_in: None,
            after_save: None,
            autosave_due: None,
            autosaved_revision: None,
            close_confirmed: false,
            close_sent: false,
            title: String::new(),
            disk_examined: None,
            folder_kept: Vec::new(),
            folder_scan: None,
            folder_scan_every: DISK_CHECK_EVERY,
            disk_checked_at: Instant::now(),
            me,
            hidden_layers: BTreeSet::new(),
            asked_layer: HashSet::new(),
            ask_analyst: false,
            naming: false,
            demo_open: false,
            show_project_settings: false,
            curation: Default::default(),
            agreement: Default::default(),
            corpus: Default::default(),
        }
    }

    fn start(&mut self, start: Startup) {
        match start {
            Startup::Open(path) if files::is_project_file(&path) => self.open_project(&path),
            Startup::Open(path) => {
                self.new_project();
                self.import_article(&path);
            }
            Startup::Default => {
                let last = self
                    .settings
                    .last_project
                    .clone()
                    .filter(|p| p.is_file() || persist::folder::root(p).is_some());
                match last {
                    Some(path) => self.open_project(&path),
                    None => {
                        self.open_demo();
                        self.offer_recovery(None);
                    }
                }
            }
        }
    }

    // ----- accessors (tests and other panels use them) -----

    pub fn workspace(&self) -> &Workspace {
        &self.ws
    }

    pub fn workspace_mut(&mut self) -> &mut Workspace {
        &mut self.ws
    }

    pub fn article(&self) -> &ArticleView {
        &self.article
    }

    pub fn article_mut(&mut self) -> &mut ArticleView {
        &mut self.article
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// The documents list: its order, filter and the documents it shows.
    pub fn documents_panel(&self) -> &panels::documents::DocumentsState {
        &self.panels.documents
    }

    pub fn documents_panel_mut(&mut self) -> &mut panels::documents::DocumentsState {
        &mut self.panels.documents
    }

    /// The statements table: its filter, order, hidden columns and column widths.
    pub fn statements_panel(&self) -> &panels::statements::StatementsState {
        &self.panels.statements
    }

    /// The actors panel: its selected actor and the one chosen for a merge.
    pub fn actors_panel(&self) -> &panels::actors::ActorsState {
        &self.panels.actors
    }

    pub fn suggestions(&self) -> &SuggestionsState {
        &self.suggestions
    }

    /// Tests replace the suggestion source here.
    pub fn suggestions_mut(&mut self) -> &mut SuggestionsState {
        &mut self.suggestions
    }

    pub fn find_bar(&self) -> &FindBar {
        &self.find
    }

    /// Opens maximised: asked of the window manager once the window is on screen.
    pub fn maximize_when_shown(&mut self) {
        self.maximize_in = Some(3);
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The title of the open modal dialog, if any.
    /// Whether the help window (F1) is shown.
    pub fn help_shown(&self) -> bool {
        self.show_help
    }

    pub fn modal_title(&self) -> Option<String> {
        self.modals.last().map(Modal::title)
    }

    /// The open modal dialog, if any.
    pub fn export_dialog(&self) -> &ExportDialog {
        &self.export
    }

    pub fn export_dialog_mut(&mut self) -> &mut ExportDialog {
        &mut self.export
    }

    /// File ▸ Import…: the running or last import.
    pub fn import_dialog(&self) -> &ImportDialog {
        &self.import
    }

    pub fn import_dialog_mut(&mut self) -> &mut ImportDialog {
        &mut self.import
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modals.last()
    }

    /// The messages of the session, oldest first.
    pub fn message_log(&self) -> &messages::MessageLog {
        &self.log
    }

    /// The status bar message, if any.
    pub fn status_text(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.text.as_str())
    }

    /// The window title: the project's name, with ● when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.ws.is_dirty() { "● " } else { "" };
        format!("{marker}{} — Demarche", self.ws.display_name())
    }

    /// Whether the window may close now (no unsaved work, or the user answered).
    pub fn close_allowed(&self) -> bool {
        self.close_confirmed || !self.ws.is_dirty()
    }

    /// Runs a command as if its key had been pressed (after the next frame's drawing).
    pub fn queue_command(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// The user asked to close the window (title bar, Quit): ask about unsaved work.
    pub fn request_close(&mut self) {
        if !self.close_allowed() && self.modals.is_empty() {
            self.modals.push(Modal::Unsaved(Then::Quit));
        }
    }

    /// Writes the recovery file now (the autosave timer does this after 30 s).
    pub fn autosave_now(&mut self) {
        if !self.ws.is_dirty() {
            return;
        }
        match persist::write_recovery(self.ws.project(), self.ws.path.as_deref()) {
            Ok(_) => {
                self.autosaved_revision = Some(self.ws.revision());
                self.autosave_due = None;
            }
            Err(e) => {
                // Tried again at the next interval, not at every frame.
                self.autosave_due = Some(Instant::now() + AUTOSAVE_AFTER);
                self.report_error(format!("Autosave failed: {e}"));
            }
        }
    }

    // ----- messages -----

    fn report(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.log.push(&text, false);
        self.status = Some(StatusMessage {
            text,
            error: false,
            shown: Instant::now(),
        });
    }

    fn report_error(&mut self, text: impl Into<String>) {
        let text = text.into();
        self.log.push(&text, true);
        self.status = Some(StatusMessage {
            text,
            error: true,
            shown: Instant::now(),
        });
    }

    fn save_settings(&mut self) {
        if let Some(path) = &self.settings_path
            && let Err(e) = self.settings.save_to(path)
        {
            let text = format!("Settings could not be saved to {}: {e}", path.display());
            self.report_error(text);
        }
    }

    // ----- projects -----

    fn replace_workspace(&mut self, ws: Workspace) {
        // An import still running was meant for the project being closed.
        self.import.abandon();
        self.ws = ws;
        self.demo_open = false;
        // "Edit as" lasts for the project it was chosen in.
        self.ws.set_annotator(self.me.clone());
        self.link_from = None;
        self.selection = Selection {
            document: self.ws.project().documents.first().map(|d| d.id),
            annotation: None,
        };
        self.article = ArticleView::new();
        self.find.refresh(None);
        self.autosave_due = None;
        self.autosaved_revision = None;
    }

    fn new_project(&mut self) {
        self.replace_workspace(Workspace::new(Project::new(""), None));
    }

    /// The demo project bundled in the binary, so a first run shows something to work on
    /// from any folder. It opens untitled: saving asks where.
    fn open_demo(&mut self) {
        const DEMO: &str = include_str!("../../project-files/demo.ron");
        match persist::from_str(DEMO, Path::new("demo.ron")) {
            Ok(loaded) => {
                self.replace_workspace(Workspace::new(loaded.project, None));
                // The demo is one analyst's coding, "demo": editing it as that analyst lets
                // a first-time user try every edit (as "Edit as", it ends with the demo).
                if let Some(coder) = self.ws.project().analysts().into_iter().next() {
                    self.ws.set_annotator(coder);
                }
                self.demo_open = true;
                self.report(format!(
                    "Welcome: this is the demo project, editable as its analyst “{}”. Ctrl+N starts your own.",
                    self.ws.annotator()
                ));
            }
            Err(e) => {
                self.new_project();
                self.report_error(format!("The bundled demo cannot be read: {e}"));
            }
        }
    }

    /// Opens a project file; a file that fails to load is reported in full and never
    /// becomes the save target.
    pub fn open_project(&mut self, path: &Path) {
        // A project folder is known by the folder itself, whichever of the two was chosen.
        let folder = persist::folder::root(path);
        let path = folder.as_deref().unwrap_or(path);
        if folder.is_none() {
            persist::tidy_after_crash(path);
        }
        match persist::load(path) {
            Ok(loaded) => {
                let mut ws = Workspace::new(loaded.project, Some(path.to_owned()));
                ws.disk = loaded.disk;
                ws.folder = loaded.folder;
                self.replace_workspace(ws);
                self.settings.remember_project(path);
                self.save_settings();
                match loaded.migrated_from {
                    Some(v) => self.report(format!(
                        "Opened {} (converted from format version {v}; saving writes the new format)",
                        path.display()
                    )),
                    None => self.report(format!("Opened {}", path.display())),
                }
                self.offer_recovery(Some(path));
                self.ask_whose_layer();
            }
            Err(error) => {
                let problems = error.problems().iter().map(|p| p.to_string()).collect();
                let summary = match &error {
                    persist::LoadError::Invalid { problems, .. } => format!(
                        "It is not a valid Demarche project: {} problem(s) were found.",
                        problems.len()
                    ),
                    other => other.to_string(),
                };
                self.report_error(format!("Could not open {}", path.display()));
                self.modals.push(Modal::LoadFailed {
                    path: path.to_owned(),
                    summary,
                    problems,
                });
            }
        }
    }

    fn offer_recovery(&mut self, project: Option<&Path>) {
        if let Some(recovery) = persist::find_recovery(project) {
            self.modals.push(Modal::Recovery {
                recovery,
                project: project.map(Path::to_owned),
            });
        }
    }

    fn recover(&mut self, recovery: &persist::Recovery, project: Option<PathBuf>) {
        match persist::load(&recovery.path) {
            Ok(loaded) => {
                // The work was autosaved against the file as it is now (the recovery file is
                // newer): saving checks against that.
                let disk = project
                    .as_deref()
                    .and_then(|p| persist::DiskState::read(p).ok().flatten());
                let mut ws = Workspace::new(loaded.project, project);
                ws.disk = disk;
                ws.mark_unsaved();
                self.replace_workspace(ws);
                // The work moves into this window's own recovery file; the old one (a dead
                // window's) goes only once that copy exists.
                self.autosave_now();
                if self.autosaved_revision == Some(self.ws.revision())
                    && recovery.path != persist::recovery_path(self.ws.path.as_deref())
                {
                    let _ = persist::remove_recovery(&recovery.path);
                }
                self.report("Recovered unsaved work — save to keep it");
                self.ask_whose_layer();
            }
            Err(e) => self.report_error(format!("The recovered work cannot be read: {e}")),
        }
    }

    /// Imports an article into the open project as one undoable step and shows it.
    pub fn import_article(&mut self, path: &Path) {
        let id = match self.ws.fresh_id() {
            Ok(id) => id,
            Err(e) => return self.report_error(format!("Could not import: {e}")),
        };
        match crate::import::import_file_with_warnings(path, id) {
            Ok(crate::import::Imported { document, warnings }) => {
                let title = document.meta.title.clone();
                let label = format!("Import “{title}”");
                let mut edit = Edit::AddDocument(Box::new(document));
                // A project started from an article is named after it (reports and the
                // title bar need a name); File ▸ Project settings renames it.
                let project = self.ws.project();
                if project.meta.name.trim().is_empty()
                    && project.documents.is_empty()
                    && self.ws.path.is_none()
                    && !title.trim().is_empty()
                {
                    let mut meta = project.meta.clone();
                    meta.name = title.clone();
                    edit = Edit::Batch(vec![edit, Edit::SetProjectMeta(meta)]);
                }
                match self.ws.apply(label, edit) {
                    Ok(()) => {
                        self.select_document(id);
                        self.settings.remember_folder(path);
                        let mut message = format!("Imported “{title}”");
                        if !warnings.is_empty() {
                            message.push_str(&format!(" — {}", warnings.join("; ")));
                        }
                        self.report(message);
                    }
                    Err(e) => self.report_error(format!("Could not import: {e}")),
                }
            }
            Err(e) => self.report_error(format!("Could not import {}: {e}", path.display())),
        }
    }

    /// Imports articles and folders (searched recursively) on a worker thread. A single
    /// file is imported quietly and opened, as always; more show the import window with
    /// progress and, at the end, a summary.
    pub fn import_paths(&mut self, paths: Vec<PathBuf>) {
        if let Some(first) = paths.first() {
            self.settings.remember_folder(first);
        }
        // brat folders and doccano files are other tools' annotations, not articles.
        let (annotations, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| super::import_dialog::annotation_format(p).is_some());
        for path in annotations {
            let Some(format) = super::import_dialog::annotation_format(&path) else {
                continue;
            };
            match super::import_dialog::import_annotations(&mut self.ws, &path, format) {
                Ok((show, message)) => {
                    if let Some(id) = show {
                        self.select_document(id);
                    }
                    self.report(message);
                }
                Err(message) => self.report_error(message),
            }
        }
        if paths.is_empty() {
            return;
        }
        if let Err(message) = self.import.start(paths) {
            self.report_error(message);
        }
    }

    /// Saves to the project's file, or asks where for an untitled project. Returns
    /// whether the project is now saved.
    fn save(&mut self) -> bool {
        match self.ws.path.clone() {
            Some(path) => self.save_to(&path),
            None => {
                self.ask_path(Purpose::SaveProject(files::suggested_file_name(
                    &self.ws.display_name(),
                )));
                false
            }
        }
    }

    /// Saves as a new project folder at `path` (which must not exist, or be empty); from
    /// then on the project is that folder.
    pub fn save_to_folder(&mut self, path: &Path) -> bool {
        if self.ws.folder.is_some() && self.ws.path.as_deref() == Some(path) {
            return self.save_to(path);
        }
        match persist::folder::create(path, self.ws.project()) {
            Ok(state) => {
                let old = self.ws.path.clone();
                self.ws.folder = Some(state);
                self.ws.disk = None;
                let message = format!("Saved {} as a project folder", path.display());
                self.after_folder_saved(path, old, message);
                true
            }
            Err(e) => {
                self.after_save = None;
                self.report_error(format!("Not saved: {e}"));
                false
            }
        }
    }

    /// Saves the open project folder: only the files of what changed since the last save,
    /// and never a file another writer changed meanwhile.
    fn save_folder(&mut self, dir: &Path) -> bool {
        let touched = self.ws.touched().cloned();
        let Some(mut state) = self.ws.folder.take() else {
            return false;
        };
        let result = persist::folder::save(dir, self.ws.project(), &mut state, touched.as_ref());
        self.ws.folder = Some(state);
        match result {
            Ok(written) => {
                let files = written.written.len() + written.removed.len();
                let message = format!(
                    "Saved {} ({} written)",
                    dir.display(),
                    crate::model::counted(files, "file")
                );
                self.after_folder_saved(dir, Some(dir.to_owned()), message);
                true
            }
            Err(e) => {
                self.after_save = None;
                self.report_error(format!("Not saved: {e}"));
                false
            }
        }
    }

    fn after_folder_saved(&mut self, dir: &Path, old: Option<PathBuf>, message: String) {
        self.ws.mark_saved(dir.to_owned());
        self.folder_kept.clear();
        let _ = persist::discard_recovery(old.as_deref());
        self.autosave_due = None;
        self.settings.remember_project(dir);
        self.save_settings();
        self.report(message);
        if let Some(then) = self.after_save.take() {
            self.proceed(then);
        }
    }

    pub fn save_to(&mut self, path: &Path) -> bool {
        if self.ws.folder.is_some() && self.ws.path.as_deref() == Some(path) {
            return self.save_folder(path);
        }
        // Save As… to a file: the project is that file from now on.
        self.ws.folder = None;
        let was_untitled = self.ws.path.is_none();
        // Over its own file, a save first checks that nothing else wrote it; Save As over
        // another file was confirmed in the dialog, and a file since deleted holds nothing
        // to lose.
        let expected = self
            .ws
            .disk
            .as_ref()
            .filter(|_| self.ws.path.as_deref() == Some(path) && path.exists());
        let result = match expected {
            Some(disk) => persist::save_over(self.ws.project(), path, disk),
            None => persist::save(self.ws.project(), path),
        };
        match result {
            Ok(disk) => {
                let old = self.ws.path.clone();
                self.ws.mark_saved(path.to_owned());
                self.ws.disk = Some(disk);
                // The autosaved copy is now older than the project: drop it.
                let _ = persist::discard_recovery(Some(path));
                if was_untitled || old.as_deref() != Some(path) {
                    let _ = persist::discard_recovery(old.as_deref());
                }
                self.autosave_due = None;
                self.settings.remember_project(path);
                self.save_settings();
                self.report(format!("Saved {}", path.display()));
                if let Some(then) = self.after_save.take() {
                    self.proceed(then);
                }
                true
            }
            Err(persist::SaveError::ChangedOnDisk { .. }) => {
                // What to do after the save waits for the analyst's choice in the dialog.
                let conflict = DiskConflict::examine(&self.ws, path);
                self.modals
                    .push(Modal::ChangedOnDisk(std::sync::Arc::new(conflict)));
                self.report_error(format!(
                    "Not saved: {} changed on disk; nothing was overwritten",
                    path.display()
                ));
                false
            }
            Err(e) => {
                self.after_save = None;
                self.report_error(format!("Not saved: {e}"));
                false
            }
        }
    }

    /// Takes in the merge of the work here with the file on disk and saves it over that
    /// file (checked against it: a third change in between asks again).
    fn save_merged(&mut self, conflict: &DiskConflict) {
        let (Ok(merged), Ok(theirs)) = (&conflict.merged, &conflict.theirs) else {
            return;
        };
        self.ws.replace_merged(merged.clone());
        self.ws.disk = theirs.disk.clone();
        if self
            .selection
            .document
            .is_some_and(|id| self.ws.project().document(id).is_none())
        {
            self.selection = Selection::default();
        }
        let path = conflict.path.clone();
        if self.save_to(&path) {
            self.report(format!(
                "Merged with the changes on disk and saved {}",
                path.display()
            ));
        }
    }

    /// Checks whether the project file changed on disk (the window does this every few
    /// seconds): unchanged work here follows the file; unsaved work is never replaced, the
    /// analyst is told and the next save asks.
    pub fn check_disk_now(&mut self) {
        if self.ws.folder.is_some() {
            return self.check_folder_now();
        }
        let (Some(path), Some(known)) = (self.ws.path.clone(), self.ws.disk.clone()) else {
            return;
        };
        // Size and time first, so an unchanged file costs one `stat`.
        let quick = std::fs::metadata(&path)
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        if quick == Some((known.len, known.modified)) || quick == self.disk_examined {
            return;
        }
        self.disk_examined = quick;
        let now = match persist::DiskState::read(&path) {
            Ok(Some(now)) => now,
            Ok(None) | Err(_) => return,
        };
        if now.same_content(&known) {
            self.ws.disk = Some(now);
            return;
        }
        if self.ws.is_dirty() {
            self.report_error(format!(
                "{} changed on disk; your unsaved work is kept, and saving will ask what to do",
                path.display()
            ));
        } else {
            let document = self.selection.document;
            self.open_project(&path);
            if let Some(id) = document.filter(|id| self.ws.project().document(*id).is_some()) {
                self.select_document(id);
            }
            self.report(format!("Reloaded {}: it changed on disk", path.display()));
        }
    }

    /// A project folder: files another writer changed (a `git pull`, a command, another
    /// window) are reloaded, except those holding this window's unsaved edits: those are
    /// kept here, never overwritten (the save refuses), and the analyst is told once.
    fn check_folder_now(&mut self) {
        let (Some(dir), Some(state)) = (self.ws.path.clone(), self.ws.folder.as_ref()) else {
            return;
        };
        let changed = persist::folder::changed_files(&dir, state);
        self.folder_changed(dir, changed);
    }

    /// Starts looking for a folder's changed files on a thread of its own, unless a look is
    /// already under way; [`Self::finish_folder_scan`] takes the answer.
    fn start_folder_scan(&mut self, ctx: &egui::Context) {
        let (Some(dir), Some(state)) = (self.ws.path.clone(), self.ws.folder.as_ref()) else {
            return;
        };
        if self.folder_scan.is_some() {
            return;
        }
        let snapshot = state.snapshot();
        let (send, receive) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("folder check".into())
            .spawn(move || {
                let started = Instant::now();
                let changed = persist::folder::changed_since_snapshot(&dir, &snapshot);
                // The window may be gone: nobody to tell.
                let _ = send.send((dir, changed, started.elapsed()));
                ctx.request_repaint();
            });
        // Without a thread, the next tick tries again.
        if spawned.is_ok() {
            self.folder_scan = Some(receive);
        }
    }

    /// Acts on a finished folder scan: the files that still differ from what this window
    /// last read or wrote (a save since the scan began is no change).
    fn finish_folder_scan(&mut self) {
        let Some(receive) = &self.folder_scan else {
            return;
        };
        let (dir, changed, took) = match receive.try_recv() {
            Ok(found) => found,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.folder_scan = None;
                return;
            }
        };
        self.folder_scan = None;
        self.folder_scan_every = DISK_CHECK_EVERY.max(took * 10);
        let (Some(path), Some(state)) = (&self.ws.path, &self.ws.folder) else {
            return;
        };
        if *path != dir || !self.modals.is_empty() {
            return;
        }
        let changed = persist::folder::still_changed(&dir, state, changed);
        self.folder_changed(dir, changed);
    }

    /// Reloads the folder's files in `changed` that hold no unsaved work here, and tells
    /// the analyst once about those that do.
    fn folder_changed(&mut self, dir: PathBuf, changed: Vec<PathBuf>) {
        let Some(state) = self.ws.folder.as_ref() else {
            return;
        };
        if changed.is_empty() {
            self.folder_kept.clear();
            return;
        }
        let (kept, reload): (Vec<PathBuf>, Vec<PathBuf>) = changed
            .into_iter()
            .partition(|f| self.holds_unsaved_work(f));
        if !reload.is_empty() {
            let mut project = self.ws.project().clone();
            let mut state = state.clone();
            match persist::folder::reload_parts(&dir, &mut project, &mut state, &reload) {
                Ok(()) => {
                    let dirty = self.ws.is_dirty();
                    self.ws.replace_merged(project);
                    self.ws.folder = Some(state);
                    if !dirty {
                        self.ws.mark_saved(dir.clone());
                    }
                    if self
                        .selection
                        .document
                        .is_some_and(|id| self.ws.project().document(id).is_none())
                    {
                        self.selection = Selection::default();
                    }
                    self.report(format!(
                        "Reloaded {} changed on disk in {}",
                        crate::model::counted(reload.len(), "file"),
                        dir.display()
                    ));
                }
                Err(e) => {
                    if !self.folder_kept.contains(&reload[0]) {
                        self.folder_kept.extend(reload.iter().cloned());
                        self.report_error(format!(
                            "Files changed on disk cannot be read yet (a merge in progress?): {}",
                            crate::error_text::one_line(&e)
                        ));
                    }
                }
            }
        }
        let new: Vec<&PathBuf> = kept
            .iter()
            .filter(|f| !self.folder_kept.contains(f))
            .collect();
        if !new.is_empty() {
            let names: Vec<String> = new.iter().map(|f| f.display().to_string()).collect();
            self.report_error(format!(
                "{} changed on disk and holds your unsaved edits: yours are kept, and saving will not overwrite it (Save as project folder… keeps both)",
                names.join(", ")
            ));
            self.folder_kept.extend(kept);
        }
    }

    /// Whether the folder's file `relative` holds edits made here since the last save: the
    /// analyst's own layer and the shared files of what the edits touched.
    fn holds_unsaved_work(&self, relative: &Path) -> bool {
        use crate::edit::Scope;
        use persist::folder::layout::{self, PartKind};
        if !self.ws.is_dirty() {
            return false;
        }
        let Some(kind) = layout::kind_of(relative) else {
            return false;
        };
        let own_layer = kind == PartKind::Layer
            && relative.parent().and_then(Path::file_name)
                == Some(std::ffi::OsStr::new(&crate::model::analyst::folder_name(
                    self.ws.annotator(),
                )));
        let Some(touched) = self.ws.touched() else {
            // Unknown (after an undo): everything but other analysts' layers.
            return kind != PartKind::Layer || own_layer;
        };
        let id_of_file = || {
            layout::stem_of(relative)
                .split('-')
                .next()
                .and_then(|n| n.parse().ok())
                .map(Id)
        };
        touched.iter().any(|scope| match (scope, kind) {
            (Scope::Project, PartKind::Project) => true,
            (Scope::Actor(id), PartKind::Actor) => id_of_file() == Some(*id),
            (Scope::Document(id), PartKind::Document) => id_of_file() == Some(*id),
            (Scope::Document(id), PartKind::Layer) => own_layer && id_of_file() == Some(*id),
            _ => false,
        })
    }

    /// Runs `then` now, or asks first when there is unsaved work.
    fn guard(&mut self, then: Then) {
        if self.ws.is_dirty() {
            self.modals.push(Modal::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    /// Does what was asked once unsaved work is dealt with.
    fn proceed(&mut self, then: Then) {
        match then {
            Then::NewProject => {
                self.discard_own_recovery();
                self.new_project();
                self.report("New project");
            }
            Then::OpenProject(Some(path)) => {
                self.discard_own_recovery();
                self.open_project(&path);
            }
            Then::OpenProject(None) => self.ask_path(Purpose::OpenProject),
            Then::OpenFolder => self.ask_path(Purpose::OpenProjectFolder),
            Then::ImportIntoNew(path) => {
                self.discard_own_recovery();
                self.new_project();
                self.import_article(&path);
            }
            Then::Quit => {
                self.discard_own_recovery();
                self.close_confirmed = true;
            }
        }
    }

    /// Unsaved work the user chose to leave behind no longer needs recovering.
    fn discard_own_recovery(&mut self) {
        if self.ws.is_dirty() {
            let _ = persist::discard_recovery(self.ws.path.as_deref());
        }
    }

    /// Asks for a file with the native dialog, or the path field when there is none.
    fn ask_path(&mut self, purpose: Purpose) {
        if !self.native_dialogs {
            self.modals.push(Modal::PathEntry {
                purpose,
                text: String::new(),
                dialog_unavailable: false,
            });
            return;
        }
        let start = self.dialog_folder(&purpose);
        match files::pick(&purpose, start.as_deref()) {
            Picked::File(path) => self.path_chosen(&purpose, path),
            Picked::Files(paths) => self.import_paths(paths),
            Picked::Cancelled => self.after_save = None,
            Picked::Unavailable => self.modals.push(Modal::PathEntry {
                purpose,
                text: String::new(),
                dialog_unavailable: true,
            }),
        }
    }

    /// Where a file dialog starts: beside the project for a save, else the folder last
    /// used, else the project's folder — never the home folder when either is known.
    pub fn dialog_folder(&self, purpose: &Purpose) -> Option<PathBuf> {
        // A project folder's parent too: a save as goes beside it, not inside.
        let project_folder = self
            .ws
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let last = self.settings.last_folder.clone();
        match purpose {
            Purpose::SaveProject(_) | Purpose::SaveProjectFolder(_) => project_folder.or(last),
            _ => last.or(project_folder),
        }
        .filter(|f| f.is_dir())
    }

    fn path_chosen(&mut self, purpose: &Purpose, path: PathBuf) {
        self.settings.remember_folder(&path);
        match purpose {
            Purpose::OpenProject | Purpose::OpenProjectFolder => self.open_project(&path),
            Purpose::SaveProjectFolder(_) => {
                self.save_to_folder(&path);
            }
            Purpose::Import | Purpose::ImportFolder => self.import_paths(vec![path]),
            Purpose::SaveProject(_) => {
                let path = files::with_project_extension(purpose, path);
                self.save_to(&path);
            }
            Purpose::SaveAgreementReport(_) => {
                let path = files::with_project_extension(purpose, path);
                self.export_agreement_report(&path);
            }
            Purpose::ExportCorpus(_) => {
                let path = files::with_project_extension(purpose, path);
                self.export_corpus(&path);
            }
        }
    }

    /// Files and folders dropped on the window: a project opens (after the unsaved
    /// question); everything else is imported into the open project, as one import.
    fn dropped(&mut self, paths: Vec<PathBuf>) {
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| files::is_project_file(p));
        if !articles.is_empty() {
            self.import_paths(articles);
        } else if let Some(project) = projects.into_iter().next() {
            self.guard(Then::OpenProject(Some(project)));
        }
    }

    // ----- selection -----

    fn current_document(&self) -> Option<&Document> {
        self.selection
            .document
            .and_then(|id| self.ws.project().document(id))
    }

    fn select_document(&mut self, id: Id) {
        if self.selection.document != Some(id) {
            self.selection = Selection {
                document: Some(id),
                annotation: None,
            };
            self.article.reset(id);
            self.link_from = None;
        }
    }

    /// Keeps the selection pointing at things that exist (after undo, delete, open).
    fn repair_selection(&mut self) {
        let project = self.ws.project();
        let doc = self
            .selection
            .document
            .filter(|&id| project.document(id).is_some())
            .or_else(|| project.documents.first().map(|d| d.id));
        let annotation = self.selection.annotation.filter(|&a| {
            doc.and_then(|d| project.document(d))
                .is_some_and(|d| d.has_annotation(a))
        });
        self.selection = Selection {
            document: doc,
            annotation,
        };
        // An annotation whose layer was just hidden (View ▸ Analysts, a blind project)
        // is no longer selected.
        self.drop_hidden_selection();
    }

    fn step_document(&mut self, forward: bool) {
        // In the order the documents list shows (its filter included), once it was drawn.
        if let Some(id) = self
            .panels
            .documents
            .neighbour(self.selection.document, forward)
            .filter(|&id| self.ws.project().document(id).is_some())
        {
            self.select_document(id);
            return;
        }
        let docs = &self.ws.project().documents;
        if docs.is_empty() {
            return;
        }
        let at = self
            .selection
            .document
            .and_then(|id| docs.iter().position(|d| d.id == id));
        let next = match at {
            None => 0,
            Some(i) if forward => (i + 1) % docs.len(),
            Some(i) => (i + docs.len() - 1) % docs.len(),
        };
        let id = docs[next].id;
        self.select_document(id);
    }

    // ----- commands and actions -----

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewProject => self.guard(Then::NewProject),
            Command::OpenProject => self.guard(Then::OpenProject(None)),
            Command::Import => self.ask_path(Purpose::Import),
            Command::ImportFolder => self.ask_path(Purpose::ImportFolder),
            Command::Export => {
                let beside = self
                    .ws
                    .path
                    .as_deref()
                    .and_then(|p| p.parent())
                    .map(|dir| dir.join("export"));
                self.export.open(beside);
            }
            Command::Save => {
                self.save();
            }
            Command::SaveAsFolder => self.ask_path(Purpose::SaveProjectFolder(
                files::suggested_file_name(&self.ws.display_name())
                    .trim_end_matches(".ron")
                    .to_owned(),
            )),
            Command::OpenProjectFolder => self.guard(Then::OpenFolder),
            Command::SaveAs => self.ask_path(Purpose::SaveProject(files::suggested_file_name(
                &self.ws.display_name(),
            ))),
            Command::Quit => {
                self.request_close();
                if self.close_allowed() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::Undo => match self.ws.undo() {
                Ok(Some(label)) => self.report(format!("Undid {label}")),
                Ok(None) => self.report("Nothing to undo"),
                Err(e) => self.report_error(format!("Cannot undo: {e}")),
            },
            Command::Redo => match self.ws.redo() {
                Ok(Some(label)) => self.report(format!("Redid {label}")),
                Ok(None) => self.report("Nothing to redo"),
                Err(e) => self.report_error(format!("Cannot redo: {e}")),
            },
            Command::Find => self.find.open(),
            Command::FindNext | Command::FindPrevious => {
                if !self.find.open {
                    self.find.open();
                } else if let Some((s, e)) = self.find.step(command == Command::FindNext) {
                    self.reveal(s, e);
                }
            }
            Command::DeleteAnnotation => {
                if !self.refuse_foreign_selection() {
                    self.delete_selected_annotation();
                }
            }
            Command::LinkAnnotations => {
                if !self.refuse_foreign_selection() {
                    self.link_step();
                }
            }
            Command::SetLevel(n) => {
                if !self.refuse_foreign_selection() {
                    self.set_level(n);
                }
            }
            Command::TagMention
            | Command::TagStatement
            | Command::TagCommitment
            | Command::TagStance
            | Command::TagTag
            | Command::ChangeActor => {
                let Some(doc) = self.selection.document else {
                    self.report("Open an article first");
                    return;
                };
                let selection = self.article.selection();
                // The kept parts of a discontinuous span, with the selection.
                let ranges = self.article.span_ranges();
                // A new mention, statement or tag is the analyst's own wherever it lies;
                // changing or coding on a selected annotation needs it to be one's own.
                let on_selected = command == Command::ChangeActor
                    || (selection.is_none()
                        && matches!(command, Command::TagCommitment | Command::TagStance));
                if on_selected && self.refuse_foreign_selection() {
                    return;
                }
                let actions = self.tagging.start_ranges(
                    command,
                    &mut self.ws,
                    doc,
                    &ranges,
                    self.selection.annotation,
                );
                // Tagged (or in the popup): the kept parts are used up.
                if self.tagging.is_open()
                    || actions.iter().any(|a| matches!(a, UiAction::Edit { .. }))
                {
                    self.article.clear_pending_ranges();
                }
                self.actions.extend(actions);
            }
            Command::AddSpanRange => {
                // With an annotation selected, the selection becomes a part of it.
                if self.add_part_to_selected() {
                } else if self.article.add_selection_to_span() {
                    let kept = match self.article.pending_ranges().len() {
                        1 => "1 part kept".to_owned(),
                        n => format!("{n} parts kept"),
                    };
                    self.report(format!(
                        "{kept}: select the next part, then tag them as one (Esc drops them)"
                    ));
                } else {
                    self.report("Select a part of the text to keep it for a discontinuous span");
                }
            }
            Command::Navigate { nav, extend } => {
                if let Some(id) = self.selection.document
                    && let Some(doc) = self.ws.project().document(id)
                {
                    self.article.navigate(doc, nav, extend);
                }
            }
            Command::ShowHelp => self.show_help = !self.show_help,
            Command::CommandPalette => self.palette.toggle(),
            Command::CodebookEditor => self.show_codebook = true,
            Command::DocumentInfo => {
                self.selection.annotation = None;
                self.panels.document_meta.focus_title();
            }
            Command::FilterDocuments => self.panels.documents.focus_filter(),
            Command::FocusInspector => match focus_ring::first(ctx) {
                Some(first) => ctx.memory_mut(|m| m.request_focus(first)),
                None => self.report("Nothing to edit: open a document or select an annotation"),
            },
            Command::NextSuggestion
            | Command::PreviousSuggestion
            | Command::AcceptSuggestion
            | Command::RejectSuggestion
            | Command::AcceptAllSuggestions
            | Command::AcceptAllOfKind(_)
            | Command::ToggleSuggestions => self.run_suggestion_command(ctx, command),
            Command::ProjectSettings
            | Command::Analyst
            | Command::EditAsOwner
            | Command::EditAsMe
            | Command::ToggleOtherLayers
            | Command::EditAs(_)
            | Command::ToggleLayer(_) => self.run_analyst_command(command),
            Command::ToggleCuration
            | Command::NextDisagreement
            | Command::TakeVersion(_)
            | Command::EditCurated
            | Command::NoneIsRight
            | Command::AutoMerge => self.run_curation_command(command),
            Command::Agreement | Command::ExportAgreementReport => {
                self.run_agreement_command(ctx, command)
            }
            Command::Corpus => self.corpus.toggle(),
            Command::NextDocument => self.step_document(true),
            Command::PreviousDocument => self.step_document(false),
            Command::ToggleTheme => {
                self.settings.theme = if ctx.theme() == egui::Theme::Dark {
                    Theme::Light
                } else {
                    Theme::Dark
                };
                ctx.set_theme(self.settings.theme.preference());
                self.save_settings();
            }
        }
    }

    fn run_suggestion_command(&mut self, ctx: &egui::Context, command: Command) {
        // Focus moves on to the next suggestion on the next frame: make sure there is one.
        ctx.request_repaint();
        if command == Command::ToggleSuggestions {
            let on = !self.settings.suggestions.enabled;
            self.settings.suggestions.enabled = on;
            self.save_settings();
            self.report(if on {
                "Suggestions shown"
            } else {
                "Suggestions hidden"
            });
            return;
        }
        let Some(doc) = self.selection.document else {
            self.report("Open an article first");
            return;
        };
        let shown = self.settings.suggestions;
        let caret = self.article.caret();
        let list = &mut self.suggestions;
        let outcome = match command {
            Command::NextSuggestion => list.step(true, caret, &shown),
            Command::PreviousSuggestion => list.step(false, caret, &shown),
            Command::AcceptSuggestion => list.accept_focused(&mut self.ws, doc, &shown),
            Command::RejectSuggestion => list.reject_focused(&mut self.ws, doc, &shown),
            Command::AcceptAllSuggestions => list.accept_all(&mut self.ws, doc, None, &shown),
            Command::AcceptAllOfKind(kind) => {
                list.accept_all(&mut self.ws, doc, Some(kind), &shown)
            }
            _ => return,
        };
        if let Some((s, e)) = outcome.reveal {
            self.selection.annotation = None;
            self.reveal(s, e);
        }
        match outcome.message {
            Some(text) if outcome.error => self.report_error(text),
            Some(text) => self.report(text),
            None => {}
        }
        // What N or Shift+N focused is said in words, not only on hover.
        if matches!(
            command,
            Command::NextSuggestion | Command::PreviousSuggestion
        ) && let Some(focused) = self.suggestions.focused(&shown)
        {
            let what = super::suggestions::describe(self.ws.project(), focused);
            let rule = super::suggestions::rule_note(focused);
            self.report(format!("{what}{rule} — Enter accepts, Backspace rejects"));
        }
    }

    fn suggestions_menu_ui(&mut self, ui: &mut egui::Ui) {
        let mut shown = self.settings.suggestions;
        let keys = Command::ToggleSuggestions
            .shortcut_text(ui.ctx())
            .unwrap_or_default();
        ui.checkbox(&mut shown.enabled, format!("Show suggestions  {keys}"))
            .on_hover_text(Command::ToggleSuggestions.tooltip());
        ui.add_enabled_ui(shown.enabled, |ui| {
            for kind in crate::suggest::SuggestionKind::ALL {
                ui.checkbox(shown.kind_mut(kind), suggestions::kind_title(kind));
            }
        });
        if shown != self.settings.suggestions {
            self.settings.suggestions = shown;
            self.save_settings();
        }
        ui.separator();
        let focused = self
            .suggestions
            .focused(&self.settings.suggestions)
            .is_some();
        for c in [Command::NextSuggestion, Command::PreviousSuggestion] {
            self.command_button(ui, c, None);
        }
        for c in [
            Command::AcceptSuggestion,
            Command::RejectSuggestion,
            Command::AcceptAllSuggestions,
        ] {
            self.command_button(ui, c, (!focused).then_some(None));
        }
        ui.separator();
        for kind in crate::suggest::SuggestionKind::ALL {
            let on = self.settings.suggestions.shows(kind);
            self.command_button(ui, Command::AcceptAllOfKind(kind), (!on).then_some(None));
        }
    }

    fn delete_selected_annotation(&mut self) {
        let (Some(doc_id), Some(id)) = (self.selection.document, self.selection.annotation) else {
            self.report("Select an annotation to delete");
            return;
        };
        let Some(doc) = self.ws.project().document(doc_id) else {
            return;
        };
        let edit = compose::remove_annotation_cascade(doc, id);
        let rejections = self
            .suggestions
            .rejections_for_deletion(&self.ws, doc, &edit);
        let kept_away = rejections.len();
        let edit = if rejections.is_empty() {
            edit
        } else {
            Edit::Batch(std::iter::once(edit).chain(rejections).collect())
        };
        match self.ws.apply("Delete annotation", edit) {
            Ok(()) => {
                self.selection.annotation = None;
                self.report(if kept_away == 0 {
                    "Annotation deleted (Ctrl+Z brings it back)".to_owned()
                } else {
                    format!(
                        "Annotation deleted; {kept_away} suggestion{} for it will not come back \
                         (Ctrl+Z brings back both)",
                        if kept_away == 1 { "" } else { "s" }
                    )
                });
            }
            Err(e) => self.report_error(format!("Cannot delete: {e}")),
        }
    }

    /// One key sets a commitment's strength or a stance's polarity, so coding never needs
    /// the inspector's combo boxes.
    fn set_level(&mut self, n: u8) {
        let (Some(doc_id), Some(id)) = (self.selection.document, self.selection.annotation) else {
            self.report("Select a commitment or a stance first");
            return;
        };
        let Some(annotation) = self
            .ws
            .project()
            .document(doc_id)
            .and_then(|d| d.annotation(id))
        else {
            return;
        };
        let codebook = &self.ws.project().codebook;
        let nth = |list: CodebookList| {
            codebook
                .list(list)
                .iter()
                .filter(|e| !e.retired)
                .nth(usize::from(n.saturating_sub(1)))
                .map(|e| (e.key.clone(), e.label.clone()))
        };
        let (updated, what) = match annotation {
            Annotation::Commitment(mut c) => {
                let Some((key, label)) = nth(CodebookList::Strengths) else {
                    return;
                };
                c.strength = key;
                c.stamp = c.stamp.touched();
                (Annotation::Commitment(c), format!("Strength: {label}"))
            }
            Annotation::Stance(mut s) => {
                let Some((key, label)) = nth(CodebookList::Polarities) else {
                    return;
                };
                s.polarity = key;
                s.stamp = s.stamp.touched();
                (Annotation::Stance(s), format!("Polarity: {label}"))
            }
            _ => {
                self.report(
                    "Keys 1–4 set the strength of a commitment or the polarity of a stance",
                );
                return;
            }
        };
        let edit = Edit::UpdateAnnotation {
            document: doc_id,
            annotation: updated,
        };
        match self.ws.apply(what.clone(), edit) {
            Ok(()) => self.report(what),
            Err(e) => self.report_error(format!("Not changed: {e}")),
        }
    }

    fn reveal(&mut self, start: usize, end: usize) {
        self.article.reveal(start, end);
        self.article.set_selection(start, end);
    }

    fn apply_action(&mut self, action: UiAction) {
        match action {
            UiAction::Edit { label, edit, group } => {
                if let Err(e) = self.ws.apply_grouped(label, edit, group) {
                    self.report_error(format!("Not changed: {e}"));
                }
            }
            UiAction::SealGroup => self.ws.seal_group(),
            UiAction::SelectDocument(id) => self.select_document(id),
            UiAction::SelectAnnotation(id) => self.selection.annotation = id,
            UiAction::Reveal { start, end } => self.reveal(start, end),
            UiAction::AddLink { document, from, to } => self.add_link(document, from, to),
            UiAction::AcceptIssuer { document, actors } => self.accept_issuer(document, &actors),
            UiAction::Run(command) => self.queue.push(command),
            UiAction::Status(text) => self.report(text),
            UiAction::Error(text) => self.report_error(text),
        }
    }

    /// L on an annotation starts a link from it; L on a second annotation makes the link.
    fn link_step(&mut self) {
        let (Some(doc_id), Some(id)) = (self.selection.document, self.selection.annotation) else {
            self.report("Select an annotation to link from (Tab walks them), then press L");
            return;
        };
        match self.link_from {
            Some((d, from)) if d == doc_id && from != id => {
                self.link_from = None;
                self.add_link(doc_id, from, id);
            }
            Some((d, _)) if d == doc_id => {
                self.report("Now select the other annotation and press L (Esc cancels)");
            }
            _ => {
                let Some(doc) = self.ws.project().document(doc_id) else {
                    return;
                };
                if matches!(doc.annotation(id), Some(Annotation::Link(_))) {
                    self.report("Links join annotations, not other links");
                    return;
                }
                let what = panels::inspector::describe(self.ws.project(), doc, id);
                self.link_from = Some((doc_id, id));
                self.report(format!(
                    "Linking from {what}: select the other annotation and press L (Esc cancels)"
                ));
            }
        }
    }

    fn accept_issuer(&mut self, document: Id, actors: &[crate::suggest::ActorRef]) {
        let annotator = self.ws.annotator().to_owned();
        let (project, ids) = self.ws.project_and_ids();
        let edit = match crate::edit::accept::accept_issuer(
            project,
            document,
            actors,
            &mut || ids.fresh(),
            &annotator,
        ) {
            Ok(edit) => edit,
            Err(e) => return self.report_error(format!("Issuer not accepted: {e}")),
        };
        match self.ws.apply("Accept the detected issuer", edit) {
            Ok(()) => self.report("Issuer accepted (Ctrl+Z undoes)"),
            Err(e) => self.report_error(format!("Issuer not accepted: {e}")),
        }
    }

    /// The issuer the rules read from the open document's header when the analyst has
    /// named none, once its suggestions are computed; cached per revision.
    fn detected_issuer(&mut self, document: Option<Id>) -> Option<crate::suggest::issuer::Issuer> {
        let doc = self.ws.project().document(document?)?;
        if !doc.meta.issuer.is_empty() {
            return None;
        }
        let key = (doc.id, self.ws.revision());
        if let Some((at, issuer)) = &self.detected_issuer
            && *at == key
        {
            return issuer.clone();
        }
        let proposals = self.suggestions.proposals_for(key.0, key.1)?;
        let found = crate::suggest::issuer::issuer(
            self.ws.project(),
            doc,
            crate::suggest::Gazetteer::bundled(),
            proposals,
        );
        self.detected_issuer = Some((key, found.clone()));
        found
    }

    fn add_link(&mut self, doc_id: Id, from: Id, to: Id) {
        // Links stay inside one analyst's layer.
        if self.refuse_foreign(doc_id, from) || self.refuse_foreign(doc_id, to) {
            return;
        }
        let id = match self.ws.fresh_id() {
            Ok(id) => id,
            Err(e) => return self.report_error(format!("Not linked: {e}")),
        };
        let project = self.ws.project();
        let Some(doc) = project.document(doc_id) else {
            return;
        };
        match compose::add_link(project, doc, id, from, to, self.ws.annotator()) {
            Ok(edit) => match self.ws.apply("Link annotations", edit) {
                Ok(()) => {
                    self.selection.annotation = Some(id);
                    self.report("Linked — choose its label in the inspector (Ctrl+Z undoes)");
                }
                Err(e) => self.report_error(format!("Not linked: {e}")),
            },
            Err(e) => self.report_error(format!("Not linked: {e}")),
        }
    }

    fn answer_modal(&mut self, choice: Choice) {
        let Some(modal) = self.modals.pop() else {
            return;
        };
        match (modal, choice) {
            (Modal::Unsaved(then), Choice::Save) => {
                // A successful save runs `then` (see `save_to`); an untitled project first
                // asks where.
                self.after_save = Some(then);
                self.save();
            }
            (Modal::Unsaved(then), Choice::Discard) => self.proceed(then),
            (Modal::Recovery { recovery, project }, Choice::Recover) => {
                self.recover(&recovery, project)
            }
            (Modal::Recovery { recovery, .. }, Choice::DiscardRecovery) => {
                if let Err(e) = persist::remove_recovery(&recovery.path) {
                    self.report_error(format!("The recovery file could not be deleted: {e}"));
                }
            }
            (Modal::PathEntry { purpose, .. }, Choice::Path(path)) => {
                self.path_chosen(&purpose, path)
            }
            (Modal::PathEntry { .. }, Choice::Paths(paths)) => self.import_paths(paths),
            (Modal::PathEntry { purpose, .. }, Choice::TryDialog) => self.ask_path(purpose),
            (Modal::PathEntry { .. }, Choice::Cancel) => self.after_save = None,
            (Modal::ChangedOnDisk(conflict), Choice::Merge) => self.save_merged(&conflict),
            (Modal::ChangedOnDisk(conflict), Choice::Reload) => {
                self.after_save = None;
                self.open_project(&conflict.path);
            }
            (Modal::ChangedOnDisk(_), Choice::SaveAs) => {
                self.ask_path(Purpose::SaveProject(files::suggested_file_name(
                    &self.ws.display_name(),
                )));
            }
            (Modal::ChangedOnDisk(_), Choice::Cancel) => self.after_save = None,
            (Modal::AnalystName { first, .. }, Choice::Analyst(name)) => {
                self.analyst_named(name, first)
            }
            (Modal::WhoseLayer { .. }, Choice::ContinueLayer(name)) => self.continue_layer(name),
            (Modal::WhoseLayer { current, .. }, Choice::NewLayer) => {
                self.report(format!("Coding in a new layer as {current}"))
            }
            (modal @ Modal::Recovery { .. }, _) => self.modals.push(modal),
            _ => {}
        }
    }

    /// Looks at the project file every [`DISK_CHECK_EVERY`] (see `check_disk_now`), not while
    /// a dialog is open: the analyst is deciding on the state they see.
    fn disk_tick(&mut self, ctx: &egui::Context) {
        if self.ws.path.is_none() {
            return;
        }
        let every = if self.ws.folder.is_some() {
            self.folder_scan_every
        } else {
            DISK_CHECK_EVERY
        };
        if self.modals.is_empty() && self.disk_checked_at.elapsed() >= every {
            self.disk_checked_at = Instant::now();
            if self.ws.folder.is_some() {
                self.start_folder_scan(ctx);
            } else {
                self.check_disk_now();
            }
        }
        self.finish_folder_scan();
        if self.wake_for_timers {
            ctx.request_repaint_after(DISK_CHECK_EVERY);
        }
    }

    /// Starts the autosave clock on new unsaved work and writes the recovery file when due.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let pending = self.ws.is_dirty() && self.autosaved_revision != Some(self.ws.revision());
        if !pending {
            self.autosave_due = None;
            return;
        }
        let due = *self
            .autosave_due
            .get_or_insert_with(|| Instant::now() + AUTOSAVE_AFTER);
        let now = Instant::now();
        if now >= due {
            self.autosave_now();
        } else if self.wake_for_timers {
            ctx.request_repaint_after(due - now);
        }
    }

    // ----- drawing -----

    /// Draws one frame and then runs what the user asked for. The eframe `App::ui` calls
    /// this; tests drive it directly through `egui_kittest`.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) {
            self.request_close();
            if !self.close_allowed() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        let revealed = self.suggestions.refresh(
            &ctx,
            &self.ws,
            self.selection.document,
            &self.settings.suggestions,
        );
        if let Some((s, e)) = revealed {
            self.selection.annotation = None;
            self.reveal(s, e);
        }
        if let Some(failure) = self.suggestions.take_failure() {
            self.report_error(failure);
        }
        // Into the log only: the line under the document's language says it for good,
        // and the status line stays with what the analyst just did (an import's summary).
        if let Some(notice) = self.suggestions.take_notice() {
            self.log.push(&notice, false);
        }
        self.suggestions.follow_selection(self.article.selection());
        if self.link_from.is_some()
            && self.modals.is_empty()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.link_from = None;
            self.report("Linking cancelled");
        }
        // Escape closes the help window first, as it closes any other window on top.
        if self.show_help
            && self.modals.is_empty()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.show_help = false;
        }
        // Escape with nothing open on top clears the selection, text and annotation alike.
        if self.modals.is_empty()
            && !self.palette.is_open()
            && focus_ring::focused_index(&ctx).is_none()
            && !self.tagging.is_open()
            && !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.selection.annotation = None;
            self.article.clear_selection();
            self.article.clear_pending_ranges();
        }
        // The palette's own keys come first while it is open (it is drawn on top).
        if self.modals.is_empty()
            && let Some(command) = self.palette.ui(&ctx)
        {
            self.queue.push(command);
        }
        if self.modals.is_empty() && !self.tagging.is_open() && !self.palette.is_open() {
            self.inspector_keys(&ctx);
            // The disagreement browser's ↑/↓/Enter, before the article's commands.
            self.agreement_keys(&ctx);
            self.corpus.take_keys(&ctx);
            // Letters and caret keys belong to a focused field, of the inspector or not.
            let article_keys = !ctx.text_edit_focused()
                && focus_ring::focused_index(&ctx).is_none()
                && !super::type_ahead::has_focus(&ctx);
            let suggestion_keys = self
                .suggestions
                .focused(&self.settings.suggestions)
                .is_some();
            let pressed = command::take_pressed_with(&ctx, article_keys, suggestion_keys);
            self.queue.extend(pressed);
        }

        self.menu_bar_ui(ui);
        self.status_bar_ui(ui);
        // Across the window's width, above the status bar: the hit list needs the room.
        self.corpus_panel_ui(ui);
        self.side_panels_ui(ui);
        self.centre_ui(ui);

        if let Some(modal) = self.modals.last_mut() {
            let name = self.ws.display_name();
            if let Some(choice) = dialogs::modal_ui(&ctx, modal, &name) {
                self.answer_modal(choice);
            }
        }
        dialogs::help_ui(&ctx, &mut self.show_help);
        self.log.window_ui(&ctx);
        self.agreement_ui(&ctx);
        self.project_settings_ui(&ctx);
        if let Some(message) = self.export.ui(&ctx, self.ws.project()) {
            self.report(message);
        }
        if let Some(ended) = self.import.ui(&ctx, &mut self.ws) {
            if let Some(id) = ended.show {
                self.select_document(id);
            }
            if ended.error {
                self.report_error(ended.message);
            } else {
                self.report(ended.message);
            }
        }
        if self.modals.is_empty() {
            let actions = self.tagging.ui(&ctx, &mut self.ws);
            self.actions.extend(actions);
        }

        if !dropped.is_empty() {
            self.dropped(dropped);
        }
        for action in std::mem::take(&mut self.actions) {
            self.apply_action(action);
        }
        let queued = std::mem::take(&mut self.queue);
        if !queued.is_empty() {
            // What a command opens or changes shows on the next frame, not the next event.
            ctx.request_repaint();
        }
        for command in queued {
            self.run_command(&ctx, command);
        }
        if self.article.has_pending() {
            // A command moved to an annotation: select it on the next frame, not at the
            // next input event.
            ctx.request_repaint();
        }
        self.repair_selection();
        if self.close_confirmed && !self.close_sent {
            self.close_sent = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        focus_ring::hold_keys(&ctx);
        self.autosave_tick(&ctx);
        self.disk_tick(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// While a field of the inspector has the keyboard, Tab and Shift+Tab walk its fields
    /// round and Escape (with no list open) gives the keyboard back to the article.
    fn inspector_keys(&mut self, ctx: &egui::Context) {
        if focus_ring::focused_index(ctx).is_none() {
            return;
        }
        let list_open = picker::any_open(ctx);
        let (mut steps, mut escape) = (0isize, false);
        ctx.input_mut(|i| {
            i.events.retain(|e| match e {
                egui::Event::Key {
                    key: egui::Key::Tab,
                    pressed,
                    modifiers,
                    ..
                } if modifiers.is_none() || modifiers.shift_only() => {
                    if *pressed {
                        steps += if modifiers.shift { -1 } else { 1 };
                    }
                    false
                }
                egui::Event::Key {
                    key: egui::Key::Escape,
                    pressed,
                    modifiers,
                    ..
                } if !list_open && modifiers.is_none() => {
                    escape |= *pressed;
                    false
                }
                _ => true,
            })
        });
        if escape {
            self.article.request_focus(ctx);
        } else if steps != 0
            && let Some(next) = focus_ring::neighbour(ctx, steps)
        {
            ctx.memory_mut(|m| m.request_focus(next));
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    for c in [
                        Command::NewProject,
                        Command::OpenProject,
                        Command::Import,
                        Command::ImportFolder,
                    ] {
                        self.command_button(ui, c, None);
                    }
                    ui.menu_button("Recent projects", |ui| {
                        if self.settings.recent.is_empty() {
                            ui.weak("None yet");
                        }
                        for path in self.settings.recent.clone() {
                            let name = path.display().to_string();
                            if ui.button(name).clicked() {
                                if path.is_file() {
                                    self.guard(Then::OpenProject(Some(path)));
                                } else {
                                    self.settings.forget_recent(&path);
                                    self.save_settings();
                                    self.report_error(format!(
                                        "{} no longer exists; removed from recent projects",
                                        path.display()
                                    ));
                                }
                            }
                        }
                    });
                    ui.separator();
                    self.command_button(ui, Command::Save, None);
                    self.command_button(ui, Command::SaveAs, None);
                    ui.separator();
                    ui.menu_button("Export", |ui| {
                        self.command_button(ui, Command::Export, None);
                        self.command_button(ui, Command::ExportAgreementReport, None);
                    });
                    self.command_button(ui, Command::ProjectSettings, None);
                    ui.separator();
                    self.command_button(ui, Command::Quit, None);
                });
                ui.menu_button("Edit", |ui| {
                    let undo = self.ws.history().undo_label().map(|l| format!("Undo {l}"));
                    let redo = self.ws.history().redo_label().map(|l| format!("Redo {l}"));
                    self.command_button(ui, Command::Undo, Some(undo));
                    self.command_button(ui, Command::Redo, Some(redo));
                    ui.separator();
                    for c in [
                        Command::Find,
                        Command::FindNext,
                        Command::FindPrevious,
                        Command::DeleteAnnotation,
                    ] {
                        self.command_button(ui, c, None);
                    }
                });
                ui.menu_button("View", |ui| {
                    for c in [
                        Command::NextDocument,
                        Command::PreviousDocument,
                        Command::DocumentInfo,
                        Command::FilterDocuments,
                        Command::Corpus,
                        Command::ToggleTheme,
                    ] {
                        self.command_button(ui, c, None);
                    }
                    ui.separator();
                    ui.menu_button("Analysts", |ui| self.analysts_menu_ui(ui));
                    ui.menu_button("Suggestions", |ui| self.suggestions_menu_ui(ui));
                    ui.menu_button("Curation", |ui| {
                        for c in [
                            Command::ToggleCuration,
                            Command::NextDisagreement,
                            Command::TakeVersion(1),
                            Command::TakeVersion(2),
                            Command::EditCurated,
                            Command::NoneIsRight,
                            Command::AutoMerge,
                        ] {
                            self.command_button(ui, c, None);
                        }
                    });
                    ui.separator();
                    ui.label("Line length");
                    let mut length = self.settings.line_length.0;
                    for (chars, label) in [
                        (70, "Narrow (70 characters)"),
                        (90, "Readable (90)"),
                        (120, "Wide (120)"),
                        (0, "Fill the window"),
                    ] {
                        ui.radio_value(&mut length, chars, label);
                    }
                    if length != self.settings.line_length.0 {
                        self.settings.line_length.0 = length;
                        self.save_settings();
                    }
                    ui.separator();
                    ui.label("Theme");
                    let mut theme = self.settings.theme;
                    for t in [Theme::System, Theme::Light, Theme::Dark] {
                        ui.radio_value(&mut theme, t, t.label());
                    }
                    if theme != self.settings.theme {
                        self.settings.theme = theme;
                        ui.ctx().set_theme(theme.preference());
                        self.save_settings();
                    }
                });
                ui.menu_button("Tools", |ui| {
                    self.command_button(ui, Command::Agreement, None);
                    self.command_button(ui, Command::CodebookEditor, None);
                    ui.separator();
                    for menu in [Menu::Tag, Menu::Navigate] {
                        ui.menu_button(menu.label(), |ui| {
                            for &c in command::ALL.iter().filter(|c| c.menu() == menu) {
                                self.command_button(ui, c, None);
                            }
                        });
                    }
                });
                ui.menu_button("Help", |ui| {
                    self.command_button(ui, Command::CommandPalette, None);
                    self.command_button(ui, Command::ShowHelp, None);
                });
            });
        });
    }

    /// A menu entry for `command` with its shortcut; `label` overrides the text (and
    /// `Some(None)` disables the entry, e.g. Undo with nothing to undo).
    fn command_button(
        &mut self,
        ui: &mut egui::Ui,
        command: Command,
        label: Option<Option<String>>,
    ) {
        let (text, enabled) = match label {
            None => (command.label(), true),
            Some(Some(text)) => (text, true),
            Some(None) => (command.label(), false),
        };
        let mut button = egui::Button::new(text);
        if let Some(keys) = command.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(keys);
        }
        let response = ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip());
        if response.clicked() {
            self.queue.push(command);
            ui.close();
        }
    }

    /// The status bar: state only, laid out from the right so that the saved / unsaved
    /// marker and the messages button always show; the rest gives way (truncated, whole on
    /// hover). Messages go to the toast and the log.
    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        if self
            .status
            .as_ref()
            .is_some_and(|s| !s.error && s.shown.elapsed() > STATUS_FOR)
        {
            self.status = None;
        }
        let bar = egui::Panel::bottom("status").show(ui, |ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if self.ws.is_dirty() {
                    ui.colored_label(ui.visuals().warn_fg_color, "unsaved changes");
                } else {
                    ui.label("saved");
                }
                ui.separator();
                let count = self.log.len();
                let errors = self.log.entries().rev().take(1).any(|e| e.error);
                let text = if errors {
                    egui::RichText::new(format!("Messages ({count})"))
                        .color(ui.visuals().error_fg_color)
                } else {
                    egui::RichText::new(format!("Messages ({count})"))
                };
                if ui
                    .selectable_label(self.log.open, text)
                    .on_hover_text("Every message of this session, whole, with its time")
                    .clicked()
                {
                    self.log.open = !self.log.open;
                }
                if let Some((_, from)) = self.link_from {
                    ui.separator();
                    ui.colored_label(
                        ui.visuals().selection.stroke.color,
                        format!("linking from {from}"),
                    )
                    .on_hover_text("Select the other annotation and press L; Esc cancels");
                }
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    self.status_state_ui(ui);
                });
            });
        });
        if let Some(status) = &self.status {
            let above = bar.response.rect.height();
            if messages::toast_ui(ui.ctx(), &status.text, status.error, above) {
                self.status = None;
            }
        }
        if self.wake_for_timers && self.status.as_ref().is_some_and(|s| !s.error) {
            ui.ctx().request_repaint_after(STATUS_FOR);
        }
    }

    /// The project, the analyst, the document and the counts, left to right.
    fn status_state_ui(&mut self, ui: &mut egui::Ui) {
        let name = self.ws.display_name();
        let shown = crate::ui::article::bidi::visual(&name).into_owned();
        ui.label(&shown)
            .accessible_name(name.as_str())
            .on_hover_text(shown.as_str());
        ui.separator();
        self.coding_as_ui(ui);
        ui.separator();
        match self.current_document() {
            Some(doc) => {
                let counts = crate::model::counted(doc.annotation_count(), "annotation");
                let n = self.suggestions.shown(&self.settings.suggestions).count();
                let computing = self.suggestions.computing();
                ui.label(counts);
                if computing {
                    ui.separator();
                    ui.weak("suggesting…");
                } else if n > 0 {
                    ui.separator();
                    ui.label(crate::model::counted(n, "suggestion"))
                        .on_hover_text(
                            "N / Shift+N go through them; Enter accepts, Backspace rejects",
                        );
                }
                ui.separator();
            }
            None => {
                ui.weak("no document");
                ui.separator();
            }
        }
        let counts = self.ws.project().counts();
        ui.label(format!(
            "{} · {}",
            crate::model::counted(self.ws.project().documents.len(), "document"),
            crate::model::counted(counts.actors, "actor")
        ));
    }

    fn side_panels_ui(&mut self, ui: &mut egui::Ui) {
        let sel = self.selection;
        let detected = if sel.annotation.is_none() {
            self.detected_issuer(sel.document)
        } else {
            None
        };
        self.panels.statements.layers = Some(self.layer_view());
        self.panels
            .statements
            .hidden
            .clone_from(&self.settings.hidden_statement_columns);
        let mut actions = Vec::new();
        // Side panels share the width so that the article keeps at least ~40% of it, from
        // a 1024-pixel laptop to 4K.
        let width = ui.available_width();
        egui::Panel::left("left")
            .resizable(true)
            .default_size((width * 0.22).min(300f32.max(width * 0.12)))
            .size_range(160.0..=(width * 0.3).max(200.0))
            .show(ui, |ui| {
                egui::Panel::top("documents")
                    .resizable(true)
                    .default_size(ui.available_height() * 0.4)
                    .size_range(80.0..=f32::INFINITY)
                    .show(ui, |ui| {
                        ui.heading("Documents");
                        self.panels.documents.curation_progress = self.curation.open.then(|| {
                            self.curation
                                .progress(self.ws.project(), self.ws.revision())
                                .clone()
                        });
                        actions.extend(panels::documents::documents_ui(
                            ui,
                            &self.ws,
                            &mut self.panels.documents,
                            &sel,
                        ));
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading("Actors");
                    actions.extend(panels::actors::actors_ui(
                        ui,
                        &mut self.ws,
                        &mut self.panels.actors,
                        &sel,
                    ));
                });
            });
        egui::Panel::right("right")
            .resizable(true)
            .default_size((width * 0.28).min(420f32.max(width * 0.2)))
            .size_range(220.0..=(width * 0.32).max(260.0))
            .show(ui, |ui| {
                egui::Panel::top("inspector")
                    .resizable(true)
                    .default_size(ui.available_height() * 0.5)
                    .size_range(80.0..=f32::INFINITY)
                    .show(ui, |ui| {
                        ui.heading("Inspector");
                        focus_ring::begin(ui.ctx());
                        egui::ScrollArea::vertical()
                            .id_salt("inspector-scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                // With no annotation selected, the open document's
                                // information takes the inspector's place.
                                // The suggestion N focused, described above it.
                                let project = self.ws.project();
                                if sel.annotation.is_none()
                                    && let Some(s) =
                                        self.suggestions.focused(&self.settings.suggestions)
                                    && let Some(doc) =
                                        sel.document.and_then(|d| project.document(d))
                                {
                                    actions.extend(panels::suggestion::suggestion_ui(
                                        ui, project, doc, s,
                                    ));
                                    ui.separator();
                                }
                                actions.extend(if sel.annotation.is_none() {
                                    panels::document_meta::document_meta_ui(
                                        ui,
                                        &self.ws,
                                        &mut self.panels.document_meta,
                                        sel.document,
                                        detected.as_ref(),
                                    )
                                } else {
                                    panels::inspector::inspector_ui(
                                        ui,
                                        &self.ws,
                                        &mut self.panels.inspector,
                                        &sel,
                                    )
                                });
                            });
                        focus_ring::end(ui.ctx());
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.heading("Statements");
                    // The table's columns must not widen the panel over the article on
                    // narrow windows: they scroll sideways instead.
                    egui::ScrollArea::horizontal()
                        .id_salt("statements-hscroll")
                        .show(ui, |ui| {
                            actions.extend(panels::statements::statements_ui(
                                ui,
                                &self.ws,
                                &mut self.panels.statements,
                                &sel,
                            ));
                        });
                });
            });
        if self.panels.statements.hidden != self.settings.hidden_statement_columns {
            self.settings
                .hidden_statement_columns
                .clone_from(&self.panels.statements.hidden);
            self.save_settings();
        }
        let ctx = ui.ctx().clone();
        egui::Window::new("Codebook")
            .open(&mut self.show_codebook)
            .default_size([520.0, 480.0])
            .show(&ctx, |ui| {
                actions.extend(panels::codebook::codebook_ui(
                    ui,
                    &self.ws,
                    &mut self.panels.codebook,
                ));
            });
        self.actions.extend(actions);
    }

    fn centre_ui(&mut self, ui: &mut egui::Ui) {
        if self.curation.open {
            // Below the article, across its width: the versions sit side by side.
            let height = ui.available_height();
            egui::Panel::bottom("curation")
                .resizable(true)
                .default_size(height * 0.45)
                .size_range(120.0..=(height * 0.75).max(160.0))
                .show(ui, |ui| self.curation_panel_ui(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if self.find.open {
                let doc = self
                    .selection
                    .document
                    .and_then(|id| self.ws.project().document(id));
                match self.find.ui(ui, doc) {
                    Some(FindAction::Reveal(s, e)) => {
                        self.actions.push(UiAction::Reveal { start: s, end: e })
                    }
                    Some(FindAction::Close) => self.find.close(),
                    None => {}
                }
                ui.separator();
            }
            let Some(doc) = self
                .selection
                .document
                .and_then(|id| self.ws.project().document(id))
            else {
                ui.centered_and_justified(|ui| {
                    ui.label(
                        "No article open.\nImport articles with File ▸ Import… (Ctrl+I) or File ▸ Import \
                         folder… (Ctrl+Shift+I), or drop files or folders here.",
                    );
                });
                return;
            };
            let (marks, focused) = self.suggestions.marks();
            self.article.set_suggestions(marks, focused);
            self.article.set_layers(self.layer_view());
            self.article
                .set_line_length(self.settings.line_length.limit());
            let input = ArticleInput {
                project: self.ws.project(),
                document: doc,
                revision: self.ws.revision(),
                selected_annotation: self.selection.annotation,
                find_matches: self.find.matches(),
                find_current: self.find.current(),
            };
            let actions = self.article.ui(ui, &input);
            self.actions.extend(actions);
            if let Some(mark) = self.article.take_clicked_suggestion()
                && let Some((s, e)) = self.suggestions.focus_mark(mark)
            {
                self.selection.annotation = None;
                self.article.set_selection(s, e);
            }
        });
    }
}

impl eframe::App for DemarcheApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(n) = self.maximize_in {
            if n == 0 {
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::Maximized(true));
                self.maximize_in = None;
            } else {
                self.maximize_in = Some(n - 1);
                ui.ctx().request_repaint();
            }
        }
        self.frame_ui(ui);
    }

    /// Keys and clicks sent while a file dialog held the window's thread are dropped, so
    /// that letters typed for the dialog never tag the article.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if files::input_during_dialog() {
            files::drop_user_input(raw_input);
        }
    }
}
