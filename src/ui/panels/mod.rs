//! The side panels: documents, actors, inspector, the statements table and the codebook
//! editor. Each draws from `&Workspace` and returns [`UiAction`]s; none changes the project.
//!
//! Text fields edit a copy of the stored value each frame and send every change as an
//! edit grouped by field, so typing a word is one undo step and the field always shows
//! what the project holds (undo included).

pub mod actors;
pub mod codebook;
pub mod document_meta;
pub mod documents;
pub mod inspector;
pub mod statements;

use super::action::UiAction;
use crate::edit::Edit;
use crate::model::{Annotation, Codebook, CodebookList, Id, Project};

/// What is selected in the window: the open document and the selected annotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub document: Option<Id>,
    pub annotation: Option<Id>,
}

/// Runtime state of every panel (never saved in the project).
#[derive(Default)]
pub struct PanelsState {
    pub documents: documents::DocumentsState,
    pub document_meta: document_meta::DocumentMetaState,
    pub actors: actors::ActorsState,
    pub inspector: inspector::InspectorState,
    pub statements: statements::StatementsState,
    pub codebook: codebook::CodebookState,
}

/// What a text field did this frame.
pub(crate) struct FieldOutcome {
    /// The new text, when the user changed it.
    pub changed: Option<String>,
    pub lost_focus: bool,
}

/// A single-line field over `value`; changes come back in the outcome.
pub(crate) fn text_field_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &str,
    hint: &str,
) -> FieldOutcome {
    text_field_width_ui(ui, id, value, hint, f32::INFINITY)
}

/// A single-line field of a given width (in grids whose columns size to their content).
pub(crate) fn text_field_width_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &str,
    hint: &str,
    width: f32,
) -> FieldOutcome {
    let mut buffer = value.to_owned();
    let response = ui.add(
        egui::TextEdit::singleline(&mut buffer)
            .id(id)
            .hint_text(hint.to_owned())
            .desired_width(width),
    );
    FieldOutcome {
        changed: (response.changed() && buffer != value).then_some(buffer),
        lost_focus: response.lost_focus(),
    }
}

/// A multi-line field (notes, conditions).
pub(crate) fn text_area_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &str,
    hint: &str,
) -> FieldOutcome {
    let mut buffer = value.to_owned();
    let response = ui.add(
        egui::TextEdit::multiline(&mut buffer)
            .id(id)
            .hint_text(hint.to_owned())
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    FieldOutcome {
        changed: (response.changed() && buffer != value).then_some(buffer),
        lost_focus: response.lost_focus(),
    }
}

/// A combo box over one codebook list. Retired entries are offered only when they are the
/// current value (so old annotations still show what they hold). Returns the picked key.
pub(crate) fn codebook_combo_ui(
    ui: &mut egui::Ui,
    name: &str,
    codebook: &Codebook,
    list: CodebookList,
    current: &str,
) -> Option<String> {
    let mut picked = None;
    egui::ComboBox::from_id_salt(name)
        .selected_text(codebook.label(list, current).to_owned())
        .width(ui.available_width().min(220.0))
        .show_ui(ui, |ui| {
            for entry in codebook.list(list) {
                if entry.retired && entry.key != current {
                    continue;
                }
                let response = ui.selectable_label(entry.key == current, entry.label.as_str());
                let response = if entry.description.is_empty() {
                    response
                } else {
                    response.on_hover_text(entry.description.as_str())
                };
                if response.clicked() && entry.key != current {
                    picked = Some(entry.key.clone());
                }
            }
        })
        .response
        .accessible_name(name);
    picked
}

/// Actors whose name or an alias matches `query` (case-insensitive): those starting with it
/// first, then those containing it, each by name. An empty query matches every actor.
/// Returns the actor and the name that matched.
pub fn actor_matches<'p>(project: &'p Project, query: &str) -> Vec<(Id, &'p str)> {
    let wanted = query.trim().to_lowercase();
    let mut prefix = Vec::new();
    let mut inside = Vec::new();
    for actor in &project.actors {
        if wanted.is_empty() {
            prefix.push((actor.id, actor.name.as_str()));
            continue;
        }
        let codes = [actor.iso3.as_deref(), actor.cameo.as_deref()];
        let names = actor.names().chain(codes.into_iter().flatten());
        let mut best: Option<(bool, &str)> = None;
        for name in names {
            let lower = name.to_lowercase();
            if lower.starts_with(&wanted) {
                best = Some((true, name));
                break;
            }
            if best.is_none() && lower.contains(&wanted) {
                best = Some((false, name));
            }
        }
        match best {
            Some((true, name)) => prefix.push((actor.id, name)),
            Some((false, name)) => inside.push((actor.id, name)),
            None => {}
        }
    }
    let by_name = |a: &(Id, &str), b: &(Id, &str)| a.1.to_lowercase().cmp(&b.1.to_lowercase());
    prefix.sort_by(by_name);
    inside.sort_by(by_name);
    prefix.extend(inside);
    prefix
}

/// A combo box picking an actor, with a search field at the top (type-ahead over names,
/// aliases and codes). `Some(new)` when the user picked; `new` is `None` for "(none)".
pub(crate) fn actor_combo_ui(
    ui: &mut egui::Ui,
    name: &str,
    project: &Project,
    current: Option<Id>,
    allow_none: bool,
) -> Option<Option<Id>> {
    let combo_id = ui.make_persistent_id(name);
    let filter_id = combo_id.with("filter");
    let shown = current
        .and_then(|id| project.actor(id))
        .map_or_else(|| "(none)".to_owned(), |a| a.name.clone());
    let mut picked = None;
    egui::ComboBox::from_id_salt(combo_id)
        .selected_text(shown)
        .width(ui.available_width().min(220.0))
        .show_ui(ui, |ui| {
            let mut filter: String = ui.data(|d| d.get_temp(filter_id)).unwrap_or_default();
            let response = ui.add(
                egui::TextEdit::singleline(&mut filter)
                    .hint_text("type to search")
                    .desired_width(180.0),
            );
            if !response.has_focus() && filter.is_empty() {
                response.request_focus();
            }
            ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
            if allow_none && ui.selectable_label(current.is_none(), "(none)").clicked() {
                picked = Some(None);
            }
            let matches = actor_matches(project, &filter);
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter && let Some(&(id, _)) = matches.first() {
                picked = Some(Some(id));
                ui.close();
            }
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| {
                    for (id, matched) in matches.into_iter().take(200) {
                        let Some(actor) = project.actor(id) else {
                            continue;
                        };
                        let text = if matched == actor.name {
                            actor.name.clone()
                        } else {
                            format!("{} ({matched})", actor.name)
                        };
                        if ui.selectable_label(current == Some(id), text).clicked() {
                            picked = Some(Some(id));
                        }
                    }
                });
        })
        .response
        .accessible_name(name);
    if picked.is_some() {
        ui.data_mut(|d| d.remove::<String>(filter_id));
    }
    picked.filter(|&p| p != current)
}

/// An edit replacing an annotation with `updated`, stamped as modified now.
pub(crate) fn update_annotation(document: Id, updated: Annotation) -> Edit {
    Edit::UpdateAnnotation {
        document,
        annotation: touch(updated),
    }
}

/// The annotation with its `stamp.modified` set to now.
pub(crate) fn touch(annotation: Annotation) -> Annotation {
    match annotation {
        Annotation::Mention(mut a) => {
            a.stamp = a.stamp.touched();
            Annotation::Mention(a)
        }
        Annotation::Statement(mut a) => {
            a.stamp = a.stamp.touched();
            Annotation::Statement(a)
        }
        Annotation::Commitment(mut a) => {
            a.stamp = a.stamp.touched();
            Annotation::Commitment(a)
        }
        Annotation::Stance(mut a) => {
            a.stamp = a.stamp.touched();
            Annotation::Stance(a)
        }
        Annotation::Tag(mut a) => {
            a.stamp = a.stamp.touched();
            Annotation::Tag(a)
        }
        Annotation::Link(mut a) => {
            a.stamp = a.stamp.touched();
            Annotation::Link(a)
        }
    }
}

/// An actor's display name, or a marker when the id is dangling.
pub(crate) fn actor_name(project: &Project, id: Option<Id>) -> String {
    match id {
        None => String::new(),
        Some(id) => project
            .actor(id)
            .map_or_else(|| format!("(missing actor {id})"), |a| a.name.clone()),
    }
}

/// Adds `FieldOutcome` results to `actions`: a grouped edit on change, a seal on blur.
pub(crate) fn push_field(
    actions: &mut Vec<UiAction>,
    outcome: FieldOutcome,
    label: &str,
    group: String,
    make: impl FnOnce(String) -> Edit,
) {
    if let Some(text) = outcome.changed {
        actions.push(UiAction::Edit {
            label: label.to_owned(),
            edit: make(text),
            group: Some(group),
        });
    }
    if outcome.lost_focus {
        actions.push(UiAction::SealGroup);
    }
}
