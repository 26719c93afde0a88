//! File dialogs (rfd: the desktop portal, else zenity) and what the window does when no
//! dialog can be shown.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// When the last blocking dialog closed. While a dialog is open the window's thread waits,
/// and the keys and clicks the window received meanwhile (zenity does not always take the
/// focus) arrive all at once afterwards: [`input_during_dialog`] lets the window drop them.
static DIALOG_CLOSED: Mutex<Option<Instant>> = Mutex::new(None);

/// How long after a dialog closes input is still taken for input sent during it.
const DIALOG_INPUT_GRACE: Duration = Duration::from_millis(150);

/// Runs a blocking dialog and notes when it closed.
pub fn blocking<T>(dialog: impl FnOnce() -> T) -> T {
    let out = dialog();
    if let Ok(mut closed) = DIALOG_CLOSED.lock() {
        *closed = Some(Instant::now());
    }
    out
}

/// Whether input arriving now was most likely sent while a dialog was open: true for the
/// first call after a dialog closed, and for calls within the grace time after it.
pub fn input_during_dialog() -> bool {
    let Ok(mut closed) = DIALOG_CLOSED.lock() else {
        return false;
    };
    match *closed {
        Some(at) if at.elapsed() < DIALOG_INPUT_GRACE => true,
        Some(_) => {
            // Past the grace time: this frame still drops what was queued, once.
            *closed = None;
            true
        }
        None => false,
    }
}

/// Drops the keyboard, pointer and text input from `raw`, keeping what the window itself
/// reports (focus, size, files dropped).
pub fn drop_user_input(raw: &mut egui::RawInput) {
    raw.events.retain(|event| {
        !matches!(
            event,
            egui::Event::Key { .. }
                | egui::Event::Text(_)
                | egui::Event::Paste(_)
                | egui::Event::Copy
                | egui::Event::Cut
                | egui::Event::PointerButton { .. }
                | egui::Event::MouseWheel { .. }
                | egui::Event::Zoom(_)
                | egui::Event::Touch { .. }
                | egui::Event::Ime(_)
        )
    });
}

/// What a file dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    OpenProject,
    /// Articles to import: several files at once.
    Import,
    /// A folder of articles to import, searched recursively.
    ImportFolder,
    /// Save the project; the suggested file name.
    SaveProject(String),
    /// Save the project as a project folder; the suggested folder name.
    SaveProjectFolder(String),
    /// Open a project folder.
    OpenProjectFolder,
    /// Write the agreement report (HTML); the suggested file name.
    SaveAgreementReport(String),
    /// Export a corpus view (View ▸ Corpus ▸ Export); the suggested file name, whose
    /// extension gives the format.
    ExportCorpus(String),
}

impl Purpose {
    pub fn title(&self) -> &'static str {
        match self {
            Purpose::OpenProject => "Open project",
            Purpose::Import => "Import articles",
            Purpose::ImportFolder => "Import folder",
            Purpose::SaveProject(_) => "Save project as",
            Purpose::SaveProjectFolder(_) => "Save as a project folder (name of the new folder)",
            Purpose::OpenProjectFolder => "Open project folder",
            Purpose::SaveAgreementReport(_) => "Export agreement report",
            Purpose::ExportCorpus(_) => "Export corpus view",
        }
    }
}

/// The outcome of a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    File(PathBuf),
    /// Articles or folders to import (never empty).
    Files(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown (no desktop portal, no zenity).
    Unavailable,
}

/// A dialog that a person cancelled takes longer than this; rfd gives up on a missing
/// portal and zenity much faster. rfd reports both as `None`, hence the clock.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(150);

/// The article file extensions offered in the import dialog.
pub fn article_extensions() -> &'static [&'static str] {
    crate::import::SUPPORTED_EXTENSIONS
}

/// Shows the native dialog for `purpose`, starting in `folder`. Blocks until it closes.
pub fn pick(purpose: &Purpose, folder: Option<&Path>) -> Picked {
    let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
    if let Some(folder) = folder.filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    dialog = match purpose {
        Purpose::OpenProject => dialog.add_filter("Demarche project", &["ron"]),
        Purpose::Import => dialog
            .add_filter("Article", article_extensions())
            // Imported as the analyst's annotations (a brat folder: Import folder…).
            .add_filter("doccano annotations", &["jsonl"])
            .add_filter("Any file", &["*"]),
        Purpose::ImportFolder => dialog,
        Purpose::SaveProject(name) => dialog
            .add_filter("Demarche project", &["ron"])
            .set_file_name(name.as_str()),
        Purpose::SaveProjectFolder(name) => dialog.set_file_name(name.as_str()),
        Purpose::OpenProjectFolder => dialog,
        Purpose::SaveAgreementReport(name) => dialog
            .add_filter("HTML page", &["html", "htm"])
            .set_file_name(name.as_str()),
        Purpose::ExportCorpus(name) => {
            let ext = Path::new(name).extension().and_then(|e| e.to_str());
            dialog
                .add_filter(ext.unwrap_or("*").to_uppercase(), &[ext.unwrap_or("*")])
                .set_file_name(name.as_str())
        }
    };
    let started = Instant::now();
    let chosen = blocking(|| match purpose {
        Purpose::OpenProject => dialog.pick_file().map(Picked::File),
        Purpose::OpenProjectFolder => dialog.pick_folder().map(Picked::File),
        Purpose::SaveProjectFolder(_) => dialog.save_file().map(Picked::File),
        Purpose::SaveAgreementReport(_) | Purpose::ExportCorpus(_) => dialog
            .save_file()
            .map(|path| Picked::File(with_project_extension(purpose, path))),
        Purpose::SaveProject(_) => dialog
            .save_file()
            .map(|path| Picked::File(with_project_extension(purpose, path))),
        // zenity answers a cancelled multiple choice with an empty list (or one empty path).
        Purpose::Import => dialog.pick_files().and_then(|paths| {
            let paths: Vec<PathBuf> = paths
                .into_iter()
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            (!paths.is_empty()).then_some(Picked::Files(paths))
        }),
        Purpose::ImportFolder => dialog.pick_folder().map(|dir| Picked::Files(vec![dir])),
    });
    match chosen {
        Some(picked) => picked,
        None if started.elapsed() < TOO_FAST_FOR_A_PERSON && !zenity_installed() => {
            Picked::Unavailable
        }
        None => Picked::Cancelled,
    }
}

/// The paths typed into the path field for an import: one per line, blank lines ignored.
pub fn typed_paths(text: &str) -> Vec<PathBuf> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(expand_home)
        .collect()
}

/// `~/x` → `$HOME/x`, as a shell would.
pub fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

/// Saved projects end in `.ron` and reports in `.html` even when the user typed a bare
/// name.
pub fn with_project_extension(purpose: &Purpose, path: PathBuf) -> PathBuf {
    // GTK's save dialog selects the proposed name without its extension, so typing
    // "celac.ron" over it gives "celac.ron.ron".
    let doubled = |ext: &str| {
        let name = path.file_name()?.to_str()?;
        let single = name.strip_suffix(&format!(".{ext}"))?;
        single
            .ends_with(&format!(".{ext}"))
            .then(|| path.with_file_name(single))
    };
    match purpose {
        Purpose::SaveProject(_) if path.extension().is_none() => path.with_extension("ron"),
        Purpose::SaveProject(_) => doubled("ron").unwrap_or(path),
        Purpose::SaveAgreementReport(_) if path.extension().is_none() => {
            path.with_extension("html")
        }
        Purpose::ExportCorpus(name) if path.extension().is_none() => {
            path.with_extension(Path::new(name).extension().unwrap_or_default())
        }
        Purpose::ExportCorpus(name) => Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .and_then(doubled)
            .unwrap_or(path),
        _ => path,
    }
}

/// Whether `zenity` (rfd's fallback when there is no portal) is on the `PATH`.
fn zenity_installed() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

/// Whether a dropped or typed path is a project: a `.ron` file or a project folder (else
/// it is imported as an article).
pub fn is_project_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        || crate::persist::folder::root(path).is_some()
}

/// A file name for saving an untitled project: its name with unsafe characters replaced.
pub fn suggested_file_name(project_name: &str) -> String {
    let cleaned: String = project_name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    if cleaned.is_empty() {
        "project.ron".to_owned()
    } else {
        format!("{cleaned}.ron")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_window_reports_itself_survives_the_input_dropped_after_a_dialog() {
        let mut raw = egui::RawInput {
            events: vec![
                egui::Event::WindowFocused(true),
                egui::Event::Text("e".into()),
                egui::Event::Paste("pasted".into()),
                egui::Event::Cut,
            ],
            ..Default::default()
        };
        drop_user_input(&mut raw);
        assert_eq!(raw.events, vec![egui::Event::WindowFocused(true)]);
    }

    #[test]
    fn save_names_get_the_project_extension() {
        let purpose = Purpose::SaveProject(String::new());
        assert_eq!(
            with_project_extension(&purpose, PathBuf::from("/w/Sommet de Pékin")),
            PathBuf::from("/w/Sommet de Pékin.ron")
        );
        assert_eq!(
            with_project_extension(&purpose, PathBuf::from("/w/celac.ron.ron")),
            PathBuf::from("/w/celac.ron")
        );
        assert_eq!(
            with_project_extension(&purpose, PathBuf::from("/w/celac.ron")),
            PathBuf::from("/w/celac.ron")
        );
        assert_eq!(
            suggested_file_name("G20: «Bali» 2022"),
            "G20_ «Bali» 2022.ron"
        );
        assert_eq!(suggested_file_name("  "), "project.ron");
        // A corpus export: the proposed name's extension, once.
        let export = Purpose::ExportCorpus("grid.png".into());
        for typed in ["/w/figure", "/w/figure.png", "/w/figure.png.png"] {
            assert_eq!(
                with_project_extension(&export, PathBuf::from(typed)),
                PathBuf::from("/w/figure.png")
            );
        }
        assert!(is_project_file(Path::new("/x/a.RON")));
        assert!(!is_project_file(Path::new("/x/a.txt")));
    }

    #[test]
    fn typed_import_paths_are_one_per_line() {
        let typed = "/data/articles/Pékin.txt\r\n\n   /data/2024  \n";
        assert_eq!(
            typed_paths(typed),
            vec![
                PathBuf::from("/data/articles/Pékin.txt"),
                PathBuf::from("/data/2024")
            ]
        );
    }
}
