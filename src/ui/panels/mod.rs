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
pub mod suggestion;

use super::action::UiAction;
use super::focus_ring;
use super::picker::{self, Choice};
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
    focus_ring::register(ui.ctx(), response.id, response.id);
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
    focus_ring::register(ui.ctx(), response.id, response.id);
    FieldOutcome {
        changed: (response.changed() && buffer != value).then_some(buffer),
        lost_focus: response.lost_focus(),
    }
}

/// A picker over one codebook list (type-ahead, arrows, Enter). Retired entries are offered
/// only when they are the current value (so old annotations still show what they hold).
/// Returns the picked key.
pub(crate) fn codebook_combo_ui(
    ui: &mut egui::Ui,
    name: &str,
    codebook: &Codebook,
    list: CodebookList,
    current: &str,
) -> Option<String> {
    let entries: Vec<_> = codebook
        .list(list)
        .iter()
        .filter(|e| !e.retired || e.key == current)
        .collect();
    let mut offered = Vec::new();
    let id = ui.make_persistent_id(name);
    let picked = picker::picker_ui(ui, id, name, codebook.label(list, current), |query| {
        offered = picker::filter_labels(entries.iter().map(|e| e.label.as_str()), query);
        offered
            .iter()
            .map(|&i| {
                let e = entries[i];
                Choice {
                    label: e.label.clone(),
                    hover: (!e.description.is_empty()).then(|| e.description.clone()),
                    current: e.key == current,
                }
            })
            .collect()
    })?;
    let key = &entries[*offered.get(picked)?].key;
    (key != current).then(|| key.clone())
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

/// A picker of an actor: type-ahead over names, aliases and codes, arrows, Enter.
/// `Some(new)` when the user picked; `new` is `None` for "(none)".
pub(crate) fn actor_combo_ui(
    ui: &mut egui::Ui,
    name: &str,
    project: &Project,
    current: Option<Id>,
    allow_none: bool,
) -> Option<Option<Id>> {
    let id = ui.make_persistent_id(name);
    let shown = current
        .and_then(|id| project.actor(id))
        .map_or_else(|| "(none)".to_owned(), |a| a.name.clone());
    let mut offered: Vec<Option<Id>> = Vec::new();
    let picked = picker::picker_ui(ui, id, name, &shown, |query| {
        let mut choices = Vec::new();
        if allow_none && query.trim().is_empty() {
            offered.push(None);
            choices.push(Choice::new("(none)", current.is_none()));
        }
        for (actor, matched) in actor_matches(project, query) {
            let Some(a) = project.actor(actor) else {
                continue;
            };
            let label = if matched == a.name {
                a.name.clone()
            } else {
                format!("{} ({matched})", a.name)
            };
            offered.push(Some(actor));
            choices.push(Choice::new(label, current == Some(actor)));
        }
        choices
    })?;
    offered.get(picked).copied().filter(|&p| p != current)
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
