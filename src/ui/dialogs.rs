//! The window's modal dialogs: unsaved changes, a project that failed to load, recovery
//! of autosaved work, a project changed on disk, a path field when no file dialog can be
//! shown; and the help window.

use super::command::{self, Menu};
use super::files::{self, Purpose};
use std::path::PathBuf;

/// What to do once the unsaved-changes question is answered (other than Cancel).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    NewProject,
    /// Open this project, or ask which with the file dialog.
    OpenProject(Option<PathBuf>),
    /// Ask for a project folder with the folder dialog, and open it.
    OpenFolder,
    /// Import an article into a new untitled project.
    ImportIntoNew(PathBuf),
    Quit,
}

#[derive(Clone, Debug)]
pub enum Modal {
    Unsaved(Then),
    LoadFailed {
        path: PathBuf,
        summary: String,
        problems: Vec<String>,
    },
    Recovery {
        recovery: crate::persist::Recovery,
        /// The project the recovered work belongs to (`None`: untitled).
        project: Option<PathBuf>,
    },
    /// Saving found the project file changed on disk by another program.
    ChangedOnDisk(std::sync::Arc<crate::conflict::DiskConflict>),
    /// No file dialog could be shown (or the user prefers typing): a path field.
    PathEntry {
        purpose: Purpose,
        text: String,
        dialog_unavailable: bool,
    },
    /// Who is coding at this machine: asked once at the first start (`first`), and from
    /// View ▸ Analysts ▸ Analyst….
    AnalystName {
        text: String,
        first: bool,
    },
    /// The project has other analysts' layers but none of the current analyst's: continue
    /// one of theirs (a solo analyst on another machine) or start a new one.
    WhoseLayer {
        current: String,
        others: Vec<String>,
    },
}

impl Modal {
    /// The heading shown, also how tests find out which dialog is open.
    pub fn title(&self) -> String {
        match self {
            Modal::Unsaved(_) => "Unsaved changes".to_owned(),
            Modal::LoadFailed { .. } => "The project could not be opened".to_owned(),
            Modal::Recovery { .. } => "Recover unsaved work?".to_owned(),
            Modal::ChangedOnDisk(_) => "The project changed on disk".to_owned(),
            Modal::PathEntry { purpose, .. } => purpose.title().to_owned(),
            Modal::AnalystName { .. } => "Who is coding at this machine?".to_owned(),
            Modal::WhoseLayer { .. } => "Continue a layer or start a new one?".to_owned(),
        }
    }
}

/// The answer given in a modal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Save,
    Discard,
    Cancel,
    Recover,
    DiscardRecovery,
    Path(PathBuf),
    /// Several paths (an import: files and folders, one per line).
    Paths(Vec<PathBuf>),
    /// Show the native file dialog after all.
    TryDialog,
    /// Merge the work here with the file changed on disk, and save.
    Merge,
    /// Open the file as it is on disk, leaving the unsaved work here.
    Reload,
    SaveAs,
    Close,
    /// The analyst's name, as typed.
    Analyst(String),
    /// Continue this analyst's layer (and code as them from now on).
    ContinueLayer(String),
    /// Start a layer of one's own.
    NewLayer,
}

/// Draws the modal; returns the answer once given.
pub fn modal_ui(ctx: &egui::Context, modal: &mut Modal, project_name: &str) -> Option<Choice> {
    let mut choice = None;
    let title = modal.title();
    let response = egui::Modal::new(egui::Id::unique("demarche-modal")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(&title);
        ui.add_space(6.0);
        match modal {
            Modal::Unsaved(then) => {
                let what = match then {
                    Then::NewProject => "starting a new project",
                    Then::OpenProject(_) | Then::OpenFolder => "opening another project",
                    Then::ImportIntoNew(_) => "importing into a new project",
                    Then::Quit => "closing",
                };
                ui.label(format!(
                    "“{project_name}” has changes that are not saved. Save them before {what}?"
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let save = ui.button("Save");
                    if save.clicked() {
                        choice = Some(Choice::Save);
                    }
                    if ui.button("Discard").clicked() {
                        choice = Some(Choice::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Cancel);
                    }
                    if ui.memory(|m| m.focused().is_none()) {
                        save.request_focus();
                    }
                });
            }
            Modal::LoadFailed {
                path,
                summary,
                problems,
            } => {
                ui.label(summary.as_str());
                ui.weak(format!("File: {}", path.display()));
                if !problems.is_empty() {
                    ui.add_space(4.0);
                    ui.label(format!("{} problem(s):", problems.len()));
                    egui::ScrollArea::vertical()
                        .max_height(300.0)
                        .show(ui, |ui| {
                            for problem in problems.iter() {
                                ui.monospace(problem.as_str());
                            }
                        });
                }
                ui.add_space(4.0);
                ui.weak("The file has not been changed. Fix it in an editor and open it again.");
                if ui.button("Close").clicked() {
                    choice = Some(Choice::Close);
                }
            }
            Modal::Recovery { recovery, project } => {
                let of = project.as_ref().map_or_else(
                    || "an untitled project".to_owned(),
                    |p| format!("“{}”", p.display()),
                );
                let when: chrono::DateTime<chrono::Local> = recovery.saved.into();
                ui.label(format!(
                    "Demarche autosaved unsaved work on {of} at {} but was not closed normally.",
                    when.format("%Y-%m-%d %H:%M")
                ));
                ui.label("Recovered work opens as unsaved; save it to keep it.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        choice = Some(Choice::Recover);
                    }
                    if ui.button("Discard recovered work").clicked() {
                        choice = Some(Choice::DiscardRecovery);
                    }
                });
            }
            Modal::ChangedOnDisk(conflict) => choice = changed_on_disk_ui(ui, conflict),
            Modal::AnalystName { text, first } => choice = analyst_name_ui(ui, text, *first),
            Modal::WhoseLayer { current, others } => {
                ui.label(format!(
                    "This project has no annotations, statuses or rejections of {current} yet, \
                     but other analysts have coded it."
                ));
                ui.label(
                    "If you coded it on another machine under another name, continue that \
                     layer; otherwise start your own.",
                );
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    for name in others.iter() {
                        if ui.button(format!("Continue {name}'s layer")).clicked() {
                            choice = Some(Choice::ContinueLayer(name.clone()));
                        }
                    }
                    let new = ui.button(format!("Start a new layer as {current}"));
                    if new.clicked() {
                        choice = Some(Choice::NewLayer);
                    }
                    if ui.memory(|m| m.focused().is_none()) {
                        new.request_focus();
                    }
                });
            }
            Modal::PathEntry {
                purpose,
                text,
                dialog_unavailable,
            } => {
                let import = matches!(purpose, Purpose::Import | Purpose::ImportFolder);
                let what = if import {
                    "the full paths of the files or folders, one per line"
                } else {
                    "the file's full path"
                };
                if *dialog_unavailable {
                    ui.label(format!(
                        "No file dialog could be shown (no desktop portal and no zenity). \
                         Type {what} instead:"
                    ));
                } else {
                    ui.label(format!("Type {what}:"));
                }
                let hint = match purpose {
                    Purpose::SaveProject(_) | Purpose::OpenProject => "/home/me/corpus/project.ron",
                    Purpose::Import => "/home/me/articles/article.txt\n/home/me/articles/2024",
                    Purpose::ImportFolder => "/home/me/articles",
                    Purpose::SaveProjectFolder(_) | Purpose::OpenProjectFolder => {
                        "/home/me/team/corpus"
                    }
                    Purpose::SaveAgreementReport(_) => "/home/me/corpus/agreement.html",
                    Purpose::ExportCorpus(_) => "/home/me/corpus/grid.csv",
                };
                let field = if import {
                    // Enter starts a new line here; Ctrl+Enter or OK imports.
                    egui::TextEdit::multiline(text).desired_rows(4)
                } else {
                    egui::TextEdit::singleline(text)
                };
                let field = ui.add(field.hint_text(hint).desired_width(f32::INFINITY));
                // Checked before focusing again: `lost_focus` reads the focus state live.
                let entered = if import {
                    field.has_focus()
                        && ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter))
                } else {
                    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
                };
                if ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                }
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("OK"));
                    if (ok.clicked() || entered) && !text.trim().is_empty() {
                        choice = Some(if import {
                            Choice::Paths(files::typed_paths(text))
                        } else {
                            Choice::Path(files::expand_home(text.trim()))
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Cancel);
                    }
                    if !*dialog_unavailable && ui.button("Browse…").clicked() {
                        choice = Some(Choice::TryDialog);
                    }
                });
            }
        }
    });
    if choice.is_none() && response.should_close() {
        // Escape or a click outside: the safe answer.
        choice = Some(match modal {
            Modal::Recovery { .. } => return None, // must be answered explicitly
            Modal::LoadFailed { .. } => Choice::Close,
            // Asked once: the name offered stands.
            Modal::AnalystName { text, first: true } => Choice::Analyst(text.trim().to_owned()),
            Modal::WhoseLayer { .. } => Choice::NewLayer,
            _ => Choice::Cancel,
        });
    }
    choice
}

/// The name field of "Who is coding at this machine?"; Enter accepts.
fn analyst_name_ui(ui: &mut egui::Ui, text: &mut String, first: bool) -> Option<Choice> {
    let mut choice = None;
    ui.label(
        "New annotations carry this name, and the window edits this analyst's layer. \
         It is kept in the settings; View ▸ Analysts ▸ Analyst… changes it.",
    );
    if crate::workspace::env_analyst().is_some() {
        ui.weak("DEMARCHE_ANNOTATOR is set: it takes precedence when Demarche starts.");
    }
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .hint_text("your name")
            .desired_width(f32::INFINITY),
    );
    let field = field.accessible_name("Analyst name");
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    let name = text.trim().to_owned();
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(!name.is_empty(), egui::Button::new("OK"));
        if (ok.clicked() || entered) && !name.is_empty() {
            choice = Some(Choice::Analyst(name.clone()));
        }
        if !first && ui.button("Cancel").clicked() {
            choice = Some(Choice::Cancel);
        }
    });
    choice
}

/// The choices when saving found the file changed by another program: never an overwrite.
fn changed_on_disk_ui(
    ui: &mut egui::Ui,
    conflict: &crate::conflict::DiskConflict,
) -> Option<Choice> {
    let mut choice = None;
    ui.label(format!(
        "{} was changed by another program since it was opened or last saved here (a \
         command-line import, git, another window). Nothing has been overwritten.",
        conflict.path.display()
    ));
    ui.add_space(4.0);
    egui::Grid::new("changed-on-disk")
        .num_columns(2)
        .show(ui, |ui| {
            ui.strong("Changed on disk:");
            ui.add(egui::Label::new(conflict.theirs_changed.as_str()).wrap());
            ui.end_row();
            ui.strong("Changed here:");
            ui.add(egui::Label::new(conflict.ours_changed.as_str()).wrap());
            ui.end_row();
        });
    ui.add_space(4.0);
    match &conflict.merged {
        Ok(_) => {
            ui.label("The changes touch different documents, so both can be kept.");
        }
        Err(why) => {
            ui.label(format!("They cannot be merged: {why}."));
        }
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if conflict.merged.is_ok() {
            let merge = ui.button("Merge and save");
            if merge.clicked() {
                choice = Some(Choice::Merge);
            }
            if ui.memory(|m| m.focused().is_none()) {
                merge.request_focus();
            }
        }
        if ui
            .button("Save as…")
            .on_hover_text("Keep both: save the work here to another file")
            .clicked()
        {
            choice = Some(Choice::SaveAs);
        }
        if conflict.theirs.is_ok()
            && ui
                .button("Reload from disk")
                .on_hover_text("Open the file as it is now; the unsaved work here is dropped")
                .clicked()
        {
            choice = Some(Choice::Reload);
        }
        if ui.button("Cancel").clicked() {
            choice = Some(Choice::Cancel);
        }
    });
    choice
}

/// The help window: every command and its keys, grouped by menu.
/// What the mouse does, for the help window (the article view and the panels).
const MOUSE_GESTURES: &[(&str, &str)] = &[
    (
        "Drag in the article",
        "Select text (Shift+click extends the selection)",
    ),
    (
        "Ctrl+drag in the article",
        "Select a further part: the parts are tagged as one discontinuous span (as R does)",
    ),
    ("Double-click / triple-click", "Select a word / a sentence"),
    (
        "Click an annotation",
        "Select it; click again at the same place for the next one stacked there",
    ),
    (
        "Right-click in the article",
        "Tag the selection (or the word under the pointer)",
    ),
    (
        "Hover an annotation",
        "What it is: actor, kind, speaker, strength…",
    ),
    (
        "Click a dashed suggestion",
        "Focus it: Enter accepts, Backspace rejects",
    ),
    ("Drag a panel's edge", "Resize it (sizes are remembered)"),
    ("Drop files or folders", "Import them as articles"),
];

pub fn help_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .default_width(460.0)
        .vscroll(true)
        .show(ctx, |ui| {
            ui.label(
                "Single letters and caret keys act on the article when no text field \
                 has focus. Select text, then press a tagging key. Ctrl+Shift+P finds any \
                 command by name.",
            );
            for menu in [
                Menu::File,
                Menu::Edit,
                Menu::Tag,
                Menu::Navigate,
                Menu::View,
                Menu::Tools,
                Menu::Help,
            ] {
                ui.add_space(6.0);
                ui.strong(menu.label());
                egui::Grid::new(("help", menu.label()))
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for c in command::ALL.iter().filter(|c| c.menu() == menu) {
                            ui.label(c.label());
                            ui.monospace(c.all_shortcuts_text(ctx));
                            ui.end_row();
                        }
                    });
                if menu == Menu::Tag {
                    // What the four number keys set, from the table's own text.
                    ui.label(command::Command::SetLevel(1).tooltip());
                }
            }
            ui.add_space(6.0);
            ui.strong("Mouse");
            egui::Grid::new("help mouse")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (gesture, what) in MOUSE_GESTURES {
                        ui.label(*gesture);
                        ui.label(*what);
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            ui.weak("In the find bar: Enter next match, Shift+Enter previous, Escape closes.");
        });
}
