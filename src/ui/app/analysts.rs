//! The window's analysts: who is coding, "Edit as", which layers are shown (View ▸
//! Analysts), the question of whose layer to continue, and the project settings (blind).

use super::DemarcheApp;
use crate::edit::Edit;
use crate::model::Id;
use crate::ui::analysts::{self, LayerView};
use crate::ui::command::Command;
use crate::ui::dialogs::Modal;

/// What View ▸ Analysts says in a blind project.
pub const BLIND_NOTE: &str = "Blind project: other layers hidden until curation";

impl DemarcheApp {
    /// Who codes at this machine (not changed by "Edit as").
    pub fn analyst(&self) -> &str {
        &self.me
    }

    /// The analysts View ▸ Analysts lists: every analyst with a layer in the project, the
    /// one coding now and the one at this machine; sorted.
    pub fn analyst_list(&self) -> Vec<String> {
        let mut names = self.ws.project().analysts();
        names.push(self.ws.annotator().to_owned());
        names.push(self.me.clone());
        names.sort();
        names.dedup();
        names
    }

    /// Which layers are drawn, and whose is editable.
    pub fn layer_view(&self) -> LayerView {
        LayerView::new(
            self.ws.annotator(),
            self.ws.project().meta.blind,
            &self.hidden_layers,
        )
    }

    /// Shows or hides another analyst's layer (one's own is always shown).
    pub fn set_layer_shown(&mut self, analyst: &str, shown: bool) {
        if shown {
            self.hidden_layers.remove(analyst);
        } else if analyst != self.ws.annotator() {
            self.hidden_layers.insert(analyst.to_owned());
        }
        self.drop_hidden_selection();
    }

    /// Works as `analyst` until switched back: new annotations carry that name and take
    /// ids in that analyst's block; that layer becomes the editable one.
    pub fn edit_as(&mut self, analyst: &str) {
        if analyst == self.ws.annotator() {
            self.report(format!("Already coding as {analyst}"));
            return;
        }
        self.ws.set_annotator(analyst);
        self.hidden_layers.remove(analyst);
        self.link_from = None;
        if analyst == self.me {
            self.report(format!("Back to your own layer: coding as {analyst}"));
        } else {
            self.report(format!(
                "Coding as {analyst} — View ▸ Analysts ▸ Back to my layer switches back"
            ));
        }
    }

    /// True (and says why in the status bar) when annotation `id` of `doc` belongs to
    /// another analyst than the one coding: it is read-only.
    pub(super) fn refuse_foreign(&mut self, doc: Id, id: Id) -> bool {
        let owner = self
            .ws
            .project()
            .document(doc)
            .and_then(|d| analysts::owner(d, id));
        match owner {
            Some(owner) if owner != self.ws.annotator() => {
                self.report_error(format!(
                    "{owner}'s annotation is read only: Edit as {owner} (Ctrl+Shift+E) to change it"
                ));
                true
            }
            _ => false,
        }
    }

    /// [`Self::refuse_foreign`] for the selected annotation.
    pub(super) fn refuse_foreign_selection(&mut self) -> bool {
        match (self.selection.document, self.selection.annotation) {
            (Some(doc), Some(id)) => self.refuse_foreign(doc, id),
            _ => false,
        }
    }

    /// A selected annotation whose layer is no longer shown is deselected.
    pub(super) fn drop_hidden_selection(&mut self) {
        let view = self.layer_view();
        let hidden = match (self.selection.document, self.selection.annotation) {
            (Some(doc), Some(id)) => self
                .ws
                .project()
                .document(doc)
                .and_then(|d| analysts::owner(d, id))
                .is_some_and(|owner| !view.shows(&owner)),
            _ => false,
        };
        if hidden {
            self.selection.annotation = None;
        }
    }

    pub(super) fn run_analyst_command(&mut self, command: Command) {
        let blind = self.ws.project().meta.blind;
        match command {
            Command::ProjectSettings => self.show_project_settings = true,
            Command::Analyst => self.modals.push(Modal::AnalystName {
                text: self.me.clone(),
                first: false,
            }),
            Command::EditAsOwner => {
                let owner = match (self.selection.document, self.selection.annotation) {
                    (Some(doc), Some(id)) => self
                        .ws
                        .project()
                        .document(doc)
                        .and_then(|d| analysts::owner(d, id)),
                    _ => None,
                };
                match owner {
                    Some(owner) => self.edit_as(&owner),
                    None => self.report("Select an annotation to edit as its analyst"),
                }
            }
            Command::EditAsMe => {
                let me = self.me.clone();
                self.edit_as(&me);
            }
            Command::ToggleOtherLayers => {
                if blind {
                    self.report(BLIND_NOTE);
                    return;
                }
                let current = self.ws.annotator().to_owned();
                let others: Vec<String> = self
                    .analyst_list()
                    .into_iter()
                    .filter(|a| *a != current)
                    .collect();
                let any_shown = others.iter().any(|a| !self.hidden_layers.contains(a));
                for a in &others {
                    self.set_layer_shown(a, !any_shown);
                }
                self.report(if any_shown {
                    "Other analysts' layers hidden"
                } else {
                    "Other analysts' layers shown"
                });
            }
            Command::EditAs(n) => {
                if let Some(name) = self.analyst_list().get(usize::from(n)).cloned() {
                    if blind && name != self.me {
                        self.report(BLIND_NOTE);
                    } else {
                        self.edit_as(&name);
                    }
                }
            }
            Command::ToggleLayer(n) => {
                if let Some(name) = self.analyst_list().get(usize::from(n)).cloned() {
                    if name == self.ws.annotator() {
                        self.report("The layer you code in is always shown");
                    } else {
                        let shown = self.hidden_layers.contains(&name);
                        self.set_layer_shown(&name, shown);
                    }
                }
            }
            _ => {}
        }
    }

    /// The answer to "Who is coding at this machine?": kept in the settings.
    pub(super) fn analyst_named(&mut self, name: String, first: bool) {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return;
        }
        self.settings.analyst = Some(name.clone());
        self.save_settings();
        self.me.clone_from(&name);
        if !self.demo_open {
            self.ws.set_annotator(name.clone());
        }
        self.report(format!("Coding as {name}"));
        if first {
            self.naming = false;
            self.ask_whose_layer();
        }
    }

    /// "Continue NAME's layer": this machine codes as NAME from now on.
    pub(super) fn continue_layer(&mut self, name: String) {
        self.settings.analyst = Some(name.clone());
        self.save_settings();
        self.me.clone_from(&name);
        self.ws.set_annotator(name.clone());
        self.hidden_layers.remove(&name);
        self.report(format!("Continuing {name}'s layer: coding as {name}"));
    }

    /// Asks once per project and session whose layer to continue, when the analyst coding
    /// has none in the project but others have.
    pub(super) fn ask_whose_layer(&mut self) {
        if !self.ask_analyst || self.naming || self.demo_open {
            return;
        }
        let key = match &self.ws.path {
            Some(path) => path.display().to_string(),
            None => format!("untitled {}", self.ws.project().meta.created),
        };
        if !self.asked_layer.insert(key) {
            return;
        }
        let current = self.ws.annotator().to_owned();
        if analysts::has_layer(self.ws.project(), &current) {
            return;
        }
        let others = self.ws.project().analysts();
        if others.is_empty() {
            return;
        }
        self.modals.push(Modal::WhoseLayer { current, others });
    }

    /// "coding as NAME" in the status bar, with the way back after "Edit as".
    pub(super) fn coding_as_ui(&mut self, ui: &mut egui::Ui) {
        let current = self.ws.annotator().to_owned();
        if current == self.me {
            ui.label(format!("coding as {current}"))
                .on_hover_text("View ▸ Analysts changes who is coding");
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("coding as {current} (edit as)"),
            )
            .on_hover_text(format!("You are {}; this edits {current}'s layer", self.me));
            if ui
                .small_button(format!("back to {}", self.me))
                .on_hover_text(Command::EditAsMe.tooltip())
                .clicked()
            {
                self.queue.push(Command::EditAsMe);
            }
        }
    }

    /// View ▸ Analysts: who is coding, each analyst's layer shown or hidden, "Edit as".
    pub(super) fn analysts_menu_ui(&mut self, ui: &mut egui::Ui) {
        let current = self.ws.annotator().to_owned();
        ui.label(format!("Coding as {current}"));
        self.command_button(ui, Command::Analyst, None);
        if current != self.me {
            let label = format!("Back to my layer ({})", self.me);
            self.command_button(ui, Command::EditAsMe, Some(Some(label)));
        }
        ui.separator();
        let blind = self.ws.project().meta.blind;
        if blind {
            ui.weak(BLIND_NOTE);
        }
        for (i, name) in self.analyst_list().into_iter().enumerate() {
            let Ok(n) = u16::try_from(i) else {
                break;
            };
            let mine = name == current;
            if blind && !mine {
                continue;
            }
            ui.horizontal(|ui| {
                let mut shown = mine || !self.hidden_layers.contains(&name);
                let text = if mine {
                    format!("{name} (coding)")
                } else {
                    name.clone()
                };
                let response = ui
                    .add_enabled(!mine, egui::Checkbox::new(&mut shown, text))
                    .on_hover_text(Command::ToggleLayer(n).tooltip());
                if response.changed() {
                    self.queue.push(Command::ToggleLayer(n));
                }
                if !mine
                    && ui
                        .button("Edit as")
                        .on_hover_text(Command::EditAs(n).tooltip())
                        .clicked()
                {
                    self.queue.push(Command::EditAs(n));
                    ui.close();
                }
            });
        }
        if !blind {
            ui.separator();
            let current = self.ws.annotator();
            let any_shown = self
                .analyst_list()
                .iter()
                .any(|a| a != current && !self.hidden_layers.contains(a));
            let label = if any_shown {
                "Hide other analysts' layers"
            } else {
                "Show other analysts' layers"
            };
            self.command_button(ui, Command::ToggleOtherLayers, Some(Some(label.to_owned())));
            self.command_button(ui, Command::EditAsOwner, None);
        }
    }

    /// File ▸ Project settings…: the name, the description and the blind setting, each
    /// change an undoable edit.
    pub(super) fn project_settings_ui(&mut self, ctx: &egui::Context) {
        if !self.show_project_settings {
            return;
        }
        let mut open = true;
        let meta = self.ws.project().meta.clone();
        let mut actions = Vec::new();
        egui::Window::new("Project settings")
            .open(&mut open)
            .collapsible(false)
            .default_width(420.0)
            .show(ctx, |ui| {
                let id = ui.make_persistent_id("project settings");
                egui::Grid::new("project settings grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label("Name");
                        let out =
                            crate::ui::panels::text_field_ui(ui, id.with("name"), &meta.name, "");
                        crate::ui::panels::push_field(
                            &mut actions,
                            out,
                            "Rename project",
                            "project name".to_owned(),
                            |t| {
                                let mut m = meta.clone();
                                m.name = t;
                                Edit::SetProjectMeta(m)
                            },
                        );
                        ui.end_row();
                        ui.label("Description");
                        let out = crate::ui::panels::text_area_ui(
                            ui,
                            id.with("description"),
                            &meta.description,
                            "what the project codes",
                        );
                        crate::ui::panels::push_field(
                            &mut actions,
                            out,
                            "Edit project description",
                            "project description".to_owned(),
                            |t| {
                                let mut m = meta.clone();
                                m.description = t;
                                Edit::SetProjectMeta(m)
                            },
                        );
                        ui.end_row();
                        ui.label("Curator");
                        let curator = meta.curator.clone().unwrap_or_default();
                        let out = crate::ui::panels::text_field_ui(
                            ui,
                            id.with("curator"),
                            &curator,
                            "the analyst who curates (any analyst)",
                        );
                        crate::ui::panels::push_field(
                            &mut actions,
                            out,
                            "Set the curator",
                            "project curator".to_owned(),
                            |t| {
                                let mut m = meta.clone();
                                let name = t.trim().to_owned();
                                m.curator = (!name.is_empty()).then_some(name);
                                Edit::SetProjectMeta(m)
                            },
                        );
                        ui.end_row();
                    });
                let mut blind = meta.blind;
                if ui
                    .checkbox(&mut blind, "Blind coding")
                    .on_hover_text(
                        "Analysts do not see each other's layers until curation: each one \
                         codes independently, as agreement measures require",
                    )
                    .changed()
                {
                    let mut m = meta.clone();
                    m.blind = blind;
                    let label = if blind {
                        "Make the project blind"
                    } else {
                        "Show analysts each other's layers"
                    };
                    actions.push(crate::ui::action::UiAction::edit(
                        label,
                        Edit::SetProjectMeta(m),
                    ));
                }
                ui.weak(if meta.blind {
                    "Every analyst sees only their own layer."
                } else {
                    "Every analyst sees the other layers, dotted and read-only."
                });
            });
        self.show_project_settings = open;
        self.actions.extend(actions);
    }
}
