//! The actors panel: the registry with search, counts, an editor for the selected actor,
//! new actor, merge and delete (with reassignment or removal of what refers to it).

use super::{
    Selection, actor_combo_ui, actor_matches, codebook_combo_ui, push_field, text_area_ui,
    text_field_ui,
};
use crate::edit::Edit;
use crate::edit::compose::{ActorRemoval, merge_actors, remove_actor};
use crate::model::duplicates::Sameness;
use crate::model::{Actor, CodebookList, Id, Project, Rgb};
use crate::ui::action::UiAction;
use crate::workspace::Workspace;
use std::collections::{BTreeMap, HashMap};

/// How often an actor is referred to, as the panel shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActorCounts {
    pub mentions: usize,
    /// Commitments the actor made (committer).
    pub commitments: usize,
    /// Stances the actor holds.
    pub stances: usize,
}

/// Counts for every actor, in one pass over the project.
pub fn actor_counts(project: &Project) -> HashMap<Id, ActorCounts> {
    let mut counts: HashMap<Id, ActorCounts> = HashMap::new();
    for doc in &project.documents {
        for m in &doc.mentions {
            counts.entry(m.actor).or_default().mentions += 1;
        }
        for c in &doc.commitments {
            if let Some(a) = c.committer {
                counts.entry(a).or_default().commitments += 1;
            }
        }
        for s in &doc.stances {
            if let Some(a) = s.holder {
                counts.entry(a).or_default().stances += 1;
            }
        }
    }
    counts
}

/// The confirmation shown before an actor is deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteRequest {
    pub actor: Id,
    /// `Some` to move every reference to this actor; `None` removes the mentions.
    pub reassign_to: Option<Id>,
    pub reassign: bool,
}

#[derive(Default)]
pub struct ActorsState {
    pub search: String,
    /// The actor being edited.
    pub selected: Option<Id>,
    /// The other actor chosen for a merge.
    pub merge_into: Option<Id>,
    pub delete: Option<DeleteRequest>,
    new_alias: String,
    counts: HashMap<Id, ActorCounts>,
    /// Actors that are probably another one too (name, alias, ISO code or Wikidata item),
    /// which others and why.
    duplicates: BTreeMap<Id, Vec<(Id, Sameness)>>,
    /// The list shows only probable duplicates: the curator's pass over the actors two
    /// analysts created in parallel.
    pub only_duplicates: bool,
    counts_revision: Option<u64>,
}

/// Draws the panel. Takes the workspace mutably only to hand out an id for a new actor.
pub fn actors_ui(
    ui: &mut egui::Ui,
    ws: &mut Workspace,
    state: &mut ActorsState,
    _sel: &Selection,
) -> Vec<UiAction> {
    if state.counts_revision != Some(ws.revision()) {
        state.counts = actor_counts(ws.project());
        state.duplicates = crate::ui::analysts::duplicate_actors(ws.project());
        state.counts_revision = Some(ws.revision());
    }
    let mut actions = Vec::new();
    let mut create = false;
    let project = ws.project();
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text("search name, alias, code")
                .desired_width(ui.available_width() - 90.0),
        );
        create = ui
            .button("New actor")
            .on_hover_text("Creates an actor named after the search text")
            .clicked();
    });
    if state.duplicates.is_empty() {
        state.only_duplicates = false;
    } else {
        ui.checkbox(
            &mut state.only_duplicates,
            format!("Only probable duplicates ({})", state.duplicates.len()),
        )
        .on_hover_text(
            "Actors sharing a name, alias, ISO code or Wikidata item with another: \
             usually one entity created by two analysts; merge each into the other",
        );
    }
    // What the marks and numbers of the list mean.
    if !project.actors.is_empty() {
        ui.add(
            egui::Label::new(
                egui::RichText::new("● person  ■ state, group…   mentions · commitments · stances")
                    .small()
                    .weak(),
            )
            .truncate(),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("actor list")
        .max_height(ui.available_height() * 0.45)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (id, matched) in actor_matches(project, &state.search) {
                if state.only_duplicates && !state.duplicates.contains_key(&id) {
                    continue;
                }
                let Some(actor) = project.actor(id) else {
                    continue;
                };
                let c = state.counts.get(&id).copied().unwrap_or_default();
                ui.horizontal(|ui| {
                    let [r, g, b] = actor.colour.0;
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    // A person is a dot, any other actor a square (as in the legend); in
                    // the text a person's mentions are underlined twice.
                    let colour = egui::Color32::from_rgb(r, g, b);
                    if actor.kind == "person" {
                        ui.painter().circle_filled(rect.center(), 5.0, colour);
                    } else {
                        ui.painter().rect_filled(rect, 1.0, colour);
                    }
                    let name = if matched == actor.name {
                        actor.name.clone()
                    } else {
                        format!("{} ({matched})", actor.name)
                    };
                    // Two analysts who each created the actor: one to merge away.
                    let twins = state.duplicates.get(&id);
                    let name = if twins.is_some() {
                        format!("⚠ {name}")
                    } else {
                        name
                    };
                    // A long name gives way (truncated, whole on hover) so that the
                    // counts keep their place on narrow panels.
                    let shown = crate::ui::article::bidi::visual(&name).into_owned();
                    let room = (ui.available_width() - 72.0).max(40.0);
                    let mut response = ui
                        .scope(|ui| {
                            ui.set_max_width(room);
                            ui.add(
                                egui::Button::selectable(state.selected == Some(id), &shown)
                                    .truncate(),
                            )
                        })
                        .inner
                        .accessible_name(name.as_str());
                    if name.chars().count() > 24 {
                        response = response.on_hover_text(&shown);
                    }
                    if let Some(twins) = twins {
                        let list: Vec<String> = twins
                            .iter()
                            .filter_map(|(t, why)| project.actor(*t).map(|t| (t, why)))
                            .map(|(t, why)| format!("{} {} ({why})", t.id, t.name))
                            .collect();
                        response = response.on_hover_text(format!(
                            "Probably the same as {}: select it and merge",
                            list.join(", ")
                        ));
                    }
                    if response.clicked() {
                        state.selected = Some(id);
                        state.merge_into = None;
                        state.delete = None;
                    }
                    ui.weak(format!(
                        "{} · {} · {}",
                        c.mentions, c.commitments, c.stances
                    ))
                    .on_hover_text("mentions · commitments · stances");
                });
            }
        });
    ui.separator();
    if let Some(actor) = state.selected.and_then(|id| project.actor(id)) {
        egui::ScrollArea::vertical()
            .id_salt("actor editor")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.push_id(actor.id.0, |ui| {
                    actor_editor_ui(ui, project, actor, state, &mut actions)
                });
            });
    } else {
        ui.weak("Select an actor to edit it.");
    }
    if create {
        let id = match ws.fresh_id() {
            Ok(id) => id,
            Err(e) => {
                actions.push(UiAction::Error(format!("No new actor: {e}")));
                return actions;
            }
        };
        let project = ws.project();
        let name = if state.search.trim().is_empty() {
            "New actor".to_owned()
        } else {
            state.search.trim().to_owned()
        };
        let kind = project
            .codebook
            .first_active(CodebookList::ActorKinds)
            .map_or_else(|| "other".to_owned(), |e| e.key.clone());
        let mut actor = Actor::new(id, name.clone(), kind);
        actor.colour = project.colour_for_new_actor(&[]);
        actions.push(UiAction::edit(
            format!("New actor “{name}”"),
            Edit::AddActor(actor),
        ));
        state.selected = Some(id);
        state.search.clear();
    }
    actions
}

fn actor_editor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    actor: &Actor,
    state: &mut ActorsState,
    actions: &mut Vec<UiAction>,
) {
    let group = |field: &str| format!("actor {} {field}", actor.id);
    let update = |f: &dyn Fn(&mut Actor)| {
        let mut a = actor.clone();
        f(&mut a);
        Edit::UpdateActor(a)
    };
    egui::Grid::new("actor fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label("Name");
            let out = text_field_ui(
                ui,
                ui.scope_id().with("name"),
                &actor.name,
                "canonical name",
            );
            push_field(actions, out, "Rename actor", group("name"), |t| {
                update(&|a| a.name = t.clone())
            });
            ui.end_row();

            ui.label("Kind");
            if let Some(kind) = codebook_combo_ui(
                ui,
                "kind",
                &project.codebook,
                CodebookList::ActorKinds,
                &actor.kind,
            ) {
                actions.push(UiAction::edit(
                    "Change actor kind",
                    update(&|a| a.kind = kind.clone()),
                ));
            }
            ui.end_row();

            let optional = |t: String| (!t.trim().is_empty()).then(|| t.trim().to_owned());
            for (label, hint, value, field) in [
                ("ISO3", "CHN", &actor.iso3, 0),
                ("CAMEO", "CHNGOV", &actor.cameo, 1),
                ("Wikidata", "Q148", &actor.wikidata, 2),
            ] {
                ui.label(label);
                let out = text_field_ui(
                    ui,
                    ui.scope_id().with(label),
                    value.as_deref().unwrap_or(""),
                    hint,
                );
                push_field(
                    actions,
                    out,
                    &format!("Edit actor {label}"),
                    group(label),
                    |t| {
                        update(&|a| {
                            let v = optional(t.clone());
                            match field {
                                0 => a.iso3 = v,
                                1 => a.cameo = v,
                                _ => a.wikidata = v,
                            }
                        })
                    },
                );
                ui.end_row();
            }

            ui.label("Affiliation");
            if let Some(aff) = actor_combo_ui(ui, "affiliation", project, actor.affiliation, true) {
                if aff == Some(actor.id) {
                    actions.push(UiAction::Status(
                        "An actor cannot be affiliated with itself.".into(),
                    ));
                } else {
                    actions.push(UiAction::edit(
                        "Change affiliation",
                        update(&|a| a.affiliation = aff),
                    ));
                }
            }
            ui.end_row();

            ui.label("Role");
            let out = text_field_ui(ui, ui.scope_id().with("role"), &actor.role, "role or title");
            push_field(actions, out, "Edit actor role", group("role"), |t| {
                update(&|a| a.role = t.clone())
            });
            ui.end_row();

            ui.label("Colour");
            let mut rgb = actor.colour.0;
            if ui.color_edit_button_srgb(&mut rgb).changed() && rgb != actor.colour.0 {
                actions.push(UiAction::Edit {
                    label: "Change actor colour".into(),
                    edit: update(&|a| a.colour = Rgb(rgb)),
                    group: Some(group("colour")),
                });
            }
            ui.end_row();
        });

    ui.label("Aliases");
    for (i, alias) in actor.aliases.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text("Remove this alias")
                .clicked()
            {
                actions.push(UiAction::edit(
                    format!("Remove alias “{alias}”"),
                    update(&|a| {
                        a.aliases.remove(i);
                    }),
                ));
            }
            ui.label(alias);
        });
    }
    ui.horizontal(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.new_alias)
                .hint_text("new alias")
                .desired_width(ui.available_width() - 50.0),
        );
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let alias = state.new_alias.trim().to_owned();
        if (ui.button("Add").clicked() || entered) && !alias.is_empty() {
            if actor.names().any(|n| n.eq_ignore_ascii_case(&alias)) {
                actions.push(UiAction::Status(format!(
                    "“{alias}” is already a name of {}.",
                    actor.name
                )));
            } else {
                actions.push(UiAction::edit(
                    format!("Add alias “{alias}”"),
                    update(&|a| a.aliases.push(alias.clone())),
                ));
            }
            state.new_alias.clear();
        }
    });

    ui.label("Note");
    let out = text_area_ui(ui, ui.scope_id().with("note"), &actor.note, "memo");
    push_field(actions, out, "Edit actor note", group("note"), |t| {
        update(&|a| a.note = t.clone())
    });

    ui.separator();
    for (twin, why) in state.duplicates.get(&actor.id).cloned().unwrap_or_default() {
        let Some(other) = project.actor(twin) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("⚠ Probably {} {} ({why}) — merge?", other.id, other.name),
            );
            if ui
                .button(format!("Merge into {}", other.id))
                .on_hover_text("Chooses it in Merge into below; Merge then joins the two")
                .clicked()
            {
                state.merge_into = Some(other.id);
            }
        });
    }
    // The picker takes the panel's width; the button goes below it.
    ui.vertical(|ui| {
        ui.label("Merge into");
        if let Some(other) = actor_combo_ui(ui, "merge into", project, state.merge_into, true) {
            state.merge_into = other.filter(|&o| o != actor.id);
        }
        let target = state.merge_into.and_then(|id| project.actor(id));
        if ui
            .add_enabled(target.is_some(), egui::Button::new("Merge"))
            .on_hover_text("Moves every mention and role to the other actor; this actor's names become its aliases")
            .clicked()
            && let Some(target) = target
        {
            actions.push(UiAction::edit(
                format!("Merge “{}” into “{}”", actor.name, target.name),
                merge_actors(project, target.id, actor.id),
            ));
            state.selected = Some(target.id);
            state.merge_into = None;
        }
    });
    delete_ui(ui, project, actor, state, actions);
}

fn delete_ui(
    ui: &mut egui::Ui,
    project: &Project,
    actor: &Actor,
    state: &mut ActorsState,
    actions: &mut Vec<UiAction>,
) {
    let Some(request) = state.delete.as_mut().filter(|r| r.actor == actor.id) else {
        if ui.button("Delete actor…").clicked() {
            state.delete = Some(DeleteRequest {
                actor: actor.id,
                reassign_to: None,
                reassign: false,
            });
        }
        return;
    };
    let in_use = project.actor_in_use(actor.id);
    let mut confirmed = false;
    let mut cancelled = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(format!("Delete “{}”?", actor.name));
        if in_use {
            ui.radio_value(&mut request.reassign, true, "Reassign everything to:");
            ui.add_enabled_ui(request.reassign, |ui| {
                if let Some(to) =
                    actor_combo_ui(ui, "reassign to", project, request.reassign_to, false)
                {
                    request.reassign_to = to.filter(|&t| t != actor.id);
                }
            });
            ui.radio_value(
                &mut request.reassign,
                false,
                "Remove its mentions and clear it as speaker, committer or holder",
            );
        } else {
            ui.weak("Nothing refers to this actor.");
        }
        ui.horizontal(|ui| {
            let ready = !in_use || !request.reassign || request.reassign_to.is_some();
            confirmed = ui.add_enabled(ready, egui::Button::new("Delete")).clicked();
            cancelled = ui.button("Cancel").clicked();
        });
    });
    if confirmed {
        let how = match (request.reassign, request.reassign_to) {
            (true, Some(to)) => ActorRemoval::ReassignTo(to),
            _ => ActorRemoval::RemoveReferences,
        };
        actions.push(UiAction::edit(
            format!("Delete actor “{}”", actor.name),
            remove_actor(project, actor.id, how),
        ));
        state.selected = match how {
            ActorRemoval::ReassignTo(to) => Some(to),
            ActorRemoval::RemoveReferences => None,
        };
        state.delete = None;
    }
    if cancelled {
        state.delete = None;
    }
}
