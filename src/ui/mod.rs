//! The window.

pub mod action;
pub mod agreement;
pub mod agreement_browser;
pub mod analysts;
pub mod app;
pub mod article;
pub mod command;
pub mod corpus;
pub mod curation;
pub mod dialogs;
pub mod export_dialog;
pub mod files;
pub mod find;
pub mod focus_ring;
pub mod fonts;
pub mod import_dialog;
pub mod list_keys;
pub mod messages;
pub mod palette;
pub mod panels;
pub mod picker;
pub mod settings;
pub mod suggestions;
pub mod tagging;
pub mod type_ahead;

use std::path::PathBuf;

/// What the window opens with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Startup {
    /// The last project, or the bundled demo on first run.
    Default,
    /// A project file (`.ron`) or an article to import into a new project.
    Open(PathBuf),
}

/// Opens the window and runs until it is closed.
/// Opens the window on `start`; `analyst` (`--as NAME`) codes in it whatever
/// `DEMARCHE_ANNOTATOR` and the settings say.
pub fn run(start: Startup, analyst: Option<String>) -> anyhow::Result<()> {
    let window_file = crate::persist::data_dir().join("window.ron");
    // No remembered geometry: the first run, which opens maximised.
    let first_run = !window_file.exists();
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Demarche")
            .with_inner_size([1280.0, 800.0])
            // The first time maximised; afterwards eframe restores the size and place the
            // window was left at (its persistence overrides these).
            .with_maximized(true)
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        // Panel sizes and window placement (egui memory) live beside the settings, so
        // `DEMARCHE_DATA_DIR` isolates them too.
        persistence_path: Some(window_file),
        ..Default::default()
    };
    eframe::run_native(
        "Demarche",
        options,
        Box::new(move |cc| {
            let mut app = app::DemarcheApp::new(&cc.egui_ctx, start, analyst);
            if first_run {
                // `with_maximized` alone is sent before the window is mapped, which
                // X11 window managers (openbox) ignore.
                app.maximize_when_shown();
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
