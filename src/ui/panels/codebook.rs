//! The codebook editor (a window opened from Tools): every list; add, rename, describe,
//! retire/unretire and remove unused entries. Changing a key moves every annotation over.

use super::{push_field, text_field_width_ui};
use crate::edit::Edit;
use crate::edit::compose::rename_codebook_key;
use crate::model::{CodebookEntry, CodebookList, Project, StanceTarget};
use crate::ui::action::UiAction;
use crate::workspace::Workspace;
use std::collections::HashMap;

pub struct CodebookState {
    pub open: bool,
    pub list: CodebookList,
    /// A key being retyped: (list, old key, new key). Applied on Enter or when the field
    /// loses focus, since a key change rewrites every annotation that uses it.
    renaming: Option<(CodebookList, String, String)>,
    new_key: String,
    new_label: String,
    usage: HashMap<String, usize>,
    usage_of: Option<(CodebookList, u64)>,
}

impl Default for CodebookState {
    fn default() -> Self {
        Self {
            open: false,
            list: CodebookList::ActorKinds,
            renaming: None,
            new_key: String::new(),
            new_label: String::new(),
            usage: HashMap::new(),
            usage_of: None,
        }
    }
}

/// How many actors or annotations use each key of a list.
pub fn key_usage(project: &Project, list: CodebookList) -> HashMap<String, usize> {
    let mut usage: HashMap<String, usize> = HashMap::new();
    let mut count = |k: &str| *usage.entry(k.to_owned()).or_default() += 1;
    if list == CodebookList::ActorKinds {
        project.actors.iter().for_each(|a| count(&a.kind));
    }
    for d in &project.documents {
        match list {
            CodebookList::AttributionModes => {
                d.statements.iter().for_each(|s| count(&s.attribution))
            }
            CodebookList::CommitmentCategories => {
                d.commitments.iter().for_each(|c| count(&c.category))
            }
            CodebookList::Contexts => d.commitments.iter().for_each(|c| count(&c.context)),
            CodebookList::Strengths => d.commitments.iter().for_each(|c| count(&c.strength)),
            CodebookList::TimeHorizons => d.commitments.iter().for_each(|c| count(&c.time_horizon)),
            CodebookList::Polarities => d.stances.iter().for_each(|s| count(&s.polarity)),
            CodebookList::Intensities => d.stances.iter().for_each(|s| count(&s.intensity)),
            CodebookList::Topics => d.stances.iter().for_each(|s| {
                if let Some(StanceTarget::Topic(t)) = &s.target {
                    count(t);
                }
            }),
            CodebookList::TagCategories => d.tags.iter().for_each(|t| count(&t.category)),
            CodebookList::LinkTypes => d.links.iter().for_each(|l| count(&l.label)),
            CodebookList::ActorKinds => {}
        }
    }
    usage
}

/// The editor as a window; draws nothing while `state.open` is false.
pub fn codebook_window(
    ctx: &egui::Context,
    ws: &Workspace,
    state: &mut CodebookState,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let mut open = state.open;
    egui::Window::new("Codebook")
        .open(&mut open)
        .default_width(620.0)
        .vscroll(false)
        .show(ctx, |ui| actions = codebook_ui(ui, ws, state));
    state.open = open;
    actions
}

/// The editor's contents.
pub fn codebook_ui(ui: &mut egui::Ui, ws: &Workspace, state: &mut CodebookState) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let project = ws.project();
    if state.usage_of != Some((state.list, ws.revision())) {
        state.usage = key_usage(project, state.list);
        state.usage_of = Some((state.list, ws.revision()));
    }
    ui.horizontal(|ui| {
        ui.label("List");
        let options: Vec<_> = CodebookList::ALL
            .iter()
            .map(|&l| (l, l.label().to_owned(), None))
            .collect();
        if let Some(list) = crate::ui::picker::pick_one(
            ui,
            ui.make_persistent_id("codebook list"),
            "Codebook list",
            Some(&state.list),
            "",
            &options,
        ) {
            state.list = list;
        }
    });
    let list = state.list;
    let entries = project.codebook.list(list);
    egui::ScrollArea::vertical()
        .id_salt(("codebook entries", list))
        .max_height(ui.available_height() - 40.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new(("codebook grid", list))
                .num_columns(7)
                .striped(true)
                .show(ui, |ui| {
                    for h in [
                        "Key",
                        "Label",
                        "Description",
                        "CAMEO",
                        "Retired",
                        "Used",
                        "",
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for entry in entries {
                        ui.push_id(&entry.key, |ui| {
                            entry_row_ui(ui, project, list, entry, state, &mut actions);
                        });
                        ui.end_row();
                    }
                });
        });
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_key)
                .hint_text("new key")
                .desired_width(110.0),
        );
        ui.add(
            egui::TextEdit::singleline(&mut state.new_label)
                .hint_text("label")
                .desired_width(160.0),
        );
        let key = state.new_key.trim().to_owned();
        let taken = entries.iter().any(|e| e.key == key);
        if ui
            .add_enabled(!key.is_empty() && !taken, egui::Button::new("Add entry"))
            .on_disabled_hover_text("Type a key not yet in this list")
            .clicked()
        {
            let label = match state.new_label.trim() {
                "" => key.clone(),
                l => l.to_owned(),
            };
            actions.push(UiAction::edit(
                format!("Add “{label}” to {}", list.label()),
                Edit::InsertCodebookEntry {
                    list,
                    index: entries.len(),
                    entry: CodebookEntry::new(key, label),
                },
            ));
            state.new_key.clear();
            state.new_label.clear();
        }
    });
    actions
}

fn entry_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    list: CodebookList,
    entry: &CodebookEntry,
    state: &mut CodebookState,
    actions: &mut Vec<UiAction>,
) {
    let key = &entry.key;
    let update = |f: &dyn Fn(&mut CodebookEntry)| {
        let mut e = entry.clone();
        f(&mut e);
        Edit::UpdateCodebookEntry {
            list,
            key: key.clone(),
            entry: e,
        }
    };
    let group = |field: &str| format!("codebook {list:?} {key} {field}");

    // Key: typed into a buffer, applied as one rename when done.
    let mut buffer = match &state.renaming {
        Some((l, old, new)) if *l == list && old == key => new.clone(),
        _ => key.clone(),
    };
    let response = ui
        .add(egui::TextEdit::singleline(&mut buffer).desired_width(110.0))
        .accessible_name(format!("Key of {}", entry.label));
    if response.changed() {
        state.renaming = Some((list, key.clone(), buffer.clone()));
    }
    if response.lost_focus() {
        let new = buffer.trim().to_owned();
        if !new.is_empty() && new != *key {
            if project.codebook.entry(list, &new).is_some() {
                actions.push(UiAction::Status(format!(
                    "{} already has a key “{new}”.",
                    list.label()
                )));
            } else {
                actions.push(UiAction::edit(
                    format!("Rename key “{key}” to “{new}”"),
                    rename_codebook_key(project, list, key, &new),
                ));
            }
        }
        state.renaming = None;
    }

    let out = text_field_width_ui(
        ui,
        ui.scope_id().with("label"),
        &entry.label,
        "label",
        160.0,
    );
    push_field(actions, out, "Edit codebook label", group("label"), |t| {
        update(&|e| e.label = t.clone())
    });
    let out = text_field_width_ui(
        ui,
        ui.scope_id().with("description"),
        &entry.description,
        "description",
        200.0,
    );
    push_field(
        actions,
        out,
        "Edit codebook description",
        group("description"),
        |t| update(&|e| e.description = t.clone()),
    );
    let out = text_field_width_ui(
        ui,
        ui.scope_id().with("cameo"),
        entry.cameo.as_deref().unwrap_or(""),
        "code",
        50.0,
    );
    push_field(actions, out, "Edit codebook CAMEO", group("cameo"), |t| {
        update(&|e| e.cameo = Some(t.trim().to_owned()).filter(|c| !c.is_empty()))
    });
    let mut retired = entry.retired;
    if ui
        .checkbox(&mut retired, "")
        .accessible_name(format!("Retire {}", entry.label))
        .on_hover_text("Retired entries are not offered for new annotations")
        .changed()
    {
        let verb = if retired { "Retire" } else { "Unretire" };
        actions.push(UiAction::edit(
            format!("{verb} “{}”", entry.label),
            update(&|e| e.retired = retired),
        ));
    }
    let used = state.usage.get(key).copied().unwrap_or(0);
    ui.label(used.to_string());
    if ui
        .add_enabled(used == 0, egui::Button::new("Remove"))
        .on_disabled_hover_text("In use: retire it instead")
        .clicked()
    {
        actions.push(UiAction::edit(
            format!("Remove “{}” from {}", entry.label, list.label()),
            Edit::RemoveCodebookEntry {
                list,
                key: key.clone(),
            },
        ));
    }
}
