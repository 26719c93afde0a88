//! The curation view: where the statements table is, the open document's units with the
//! analysts' versions side by side, coloured agree / disagree / incomplete, and the
//! curator's choices (take a version, edit it, none is right) with an optional reason.

use crate::agreement::{Unit, Value};
use crate::curation::{self, CurationUnit, Progress, Status};
use crate::model::{Document, Id, Project};
use std::collections::BTreeMap;

/// What the curator asked for in the panel; the app turns it into edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CurationAction {
    Select(usize),
    Take(usize),
    Edit,
    NoneRight,
}

/// The view's state: whether it is open, the unit in hand, the reason being typed, and the
/// units of the open document (recomputed when the project changes).
#[derive(Default)]
pub struct CurationState {
    pub open: bool,
    pub current: Option<usize>,
    pub reason: String,
    cache: Option<(Id, u64, Vec<CurationUnit>)>,
    progress: Option<(u64, BTreeMap<Id, Progress>)>,
}

impl CurationState {
    /// The units of `doc` at `revision`.
    pub fn units(&mut self, doc: &Document, revision: u64) -> &[CurationUnit] {
        let fresh = matches!(&self.cache, Some((d, r, _)) if *d == doc.id && *r == revision);
        if !fresh {
            let units = curation::units(doc);
            if self.cache.as_ref().is_none_or(|(d, _, _)| *d != doc.id) {
                self.current = None;
            }
            if self.current.is_some_and(|c| c >= units.len()) {
                self.current = None;
            }
            self.cache = Some((doc.id, revision, units));
        }
        self.cache.as_ref().map_or(&[], |(_, _, u)| u.as_slice())
    }

    /// Every document's curation progress at `revision` (for the documents list).
    pub fn progress(&mut self, project: &Project, revision: u64) -> &BTreeMap<Id, Progress> {
        let fresh = matches!(&self.progress, Some((r, _)) if *r == revision);
        if !fresh {
            let all = project
                .documents
                .iter()
                .map(|d| (d.id, Progress::of(d)))
                .collect();
            self.progress = Some((revision, all));
        }
        static EMPTY: BTreeMap<Id, Progress> = BTreeMap::new();
        self.progress.as_ref().map_or(&EMPTY, |(_, p)| p)
    }
}

/// The colour of a status: green agree, amber incomplete, red disagree.
pub fn status_colour(ui: &egui::Ui, status: Status) -> egui::Color32 {
    let dark = ui.visuals().dark_mode;
    match (status, dark) {
        (Status::Agree, false) => egui::Color32::from_rgb(0x1b, 0x7a, 0x3a),
        (Status::Agree, true) => egui::Color32::from_rgb(0x6c, 0xd0, 0x8a),
        (Status::Incomplete, false) => egui::Color32::from_rgb(0x9a, 0x62, 0x00),
        (Status::Incomplete, true) => egui::Color32::from_rgb(0xf0, 0xb4, 0x4c),
        (Status::Disagree, false) => egui::Color32::from_rgb(0xb4, 0x1e, 0x1e),
        (Status::Disagree, true) => egui::Color32::from_rgb(0xff, 0x7a, 0x7a),
    }
}

/// A value as the curator reads it: actors by name.
pub fn value_text(project: &Project, value: &Value) -> String {
    let actor = |id: &Id| {
        project
            .actor(*id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    match value {
        Value::Actor(id) => actor(id),
        Value::Actors(ids) if ids.is_empty() => "(none)".to_owned(),
        Value::Actors(ids) => ids.iter().map(actor).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn excerpt(doc: &Document, unit: &Unit) -> String {
    let text: String = unit
        .ranges
        .iter()
        .filter_map(|&(s, e)| doc.slice(s, e))
        .collect::<Vec<_>>()
        .join(" … ");
    let mut short: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        short.push('…');
    }
    short
}

/// The panel for `doc`; returns what the curator asked for.
pub fn curation_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    units: &[CurationUnit],
    state: &mut CurationState,
    curator: &str,
) -> Vec<CurationAction> {
    let mut actions = Vec::new();
    let decided = units.iter().filter(|u| u.decision(doc).is_some()).count();
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Curated {decided} of {} units", units.len()));
        ui.weak(format!("· curator: {curator}"));
        if let Some(named) = &project.meta.curator
            && named != curator
        {
            ui.weak(format!("(the project names {named})"));
        }
    });
    if units.is_empty() {
        ui.weak("No analyst has coded this document yet.");
        return actions;
    }
    let width = ui.available_width();
    egui::Panel::left("curation-units")
        .resizable(true)
        .default_size(width * 0.32)
        .size_range(160.0..=width * 0.6)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("curation-units")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (i, unit) in units.iter().enumerate() {
                        let decision = unit.decision(doc);
                        let mark = if decision.is_some() { "✔" } else { "●" };
                        let label = format!(
                            "{mark} {} · {} · {}",
                            unit.layer.key().trim_end_matches('s'),
                            unit.versions
                                .first()
                                .map(|v| excerpt(doc, v))
                                .unwrap_or_default(),
                            decision.map_or_else(
                                || unit.status.label().to_owned(),
                                |d| d.outcome.label()
                            )
                        );
                        let text = egui::RichText::new(label).color(status_colour(ui, unit.status));
                        let row = ui.add(
                            egui::Button::selectable(state.current == Some(i), text).truncate(),
                        );
                        if row.clicked() {
                            actions.push(CurationAction::Select(i));
                        }
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("curation-unit")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                unit_ui(ui, project, doc, units, state, &mut actions)
            });
    });
    actions
}

/// The unit in hand: its versions side by side, the reason, the other choices.
fn unit_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    units: &[CurationUnit],
    state: &mut CurationState,
    actions: &mut Vec<CurationAction>,
) {
    let Some(at) = state.current.filter(|&c| c < units.len()) else {
        ui.weak("Choose a unit on the left, or F8 for the next one to settle.");
        return;
    };
    let unit = &units[at];
    ui.label(
        egui::RichText::new(format!(
            "{} — {}",
            unit.layer.key().trim_end_matches('s'),
            unit.status.label()
        ))
        .strong()
        .color(status_colour(ui, unit.status)),
    );
    if let Some(d) = unit.decision(doc) {
        let reason = if d.reason.is_empty() {
            String::new()
        } else {
            format!(": {}", d.reason)
        };
        ui.weak(format!(
            "Decided by {}: {}{reason}",
            d.curator,
            d.outcome.label()
        ));
    }
    versions_ui(ui, project, doc, unit, actions);
    ui.horizontal(|ui| {
        ui.label("Reason");
        ui.add(
            egui::TextEdit::singleline(&mut state.reason)
                .hint_text("optional, kept with the decision")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Reason for the decision");
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Edit (Alt+E)")
            .on_hover_text("Take the first version if none is taken, then edit it in the inspector")
            .clicked()
        {
            actions.push(CurationAction::Edit);
        }
        if ui
            .button("None is right (Alt+0)")
            .on_hover_text("Leave this unit out of the curated layer")
            .clicked()
        {
            actions.push(CurationAction::NoneRight);
        }
    });
}

/// The analysts' versions side by side: one column each; values that differ from the
/// first version in the disagreement colour.
fn versions_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    unit: &CurationUnit,
    actions: &mut Vec<CurationAction>,
) {
    let differ = status_colour(ui, Status::Disagree);
    // Every column fits the panel: values are cut (whole on hover) rather than pushing
    // the last analysts' columns out of sight.
    let columns = unit.versions.len() + 1;
    let spacing = ui.spacing().item_spacing.x * columns as f32;
    let column = ((ui.available_width() - spacing) / columns as f32).max(60.0);
    let cell = |ui: &mut egui::Ui, text: egui::RichText| {
        let full = text.text().to_owned();
        ui.add(egui::Label::new(text).truncate())
            .on_hover_text(full);
    };
    egui::Grid::new("curation-versions-grid")
        .striped(true)
        .num_columns(columns)
        .min_col_width(column)
        .max_col_width(column)
        .show(ui, |ui| {
            ui.label("");
            for (k, v) in unit.versions.iter().enumerate() {
                let key = if k < 4 {
                    format!(" (Alt+{})", k + 1)
                } else {
                    String::new()
                };
                if ui
                    .add(egui::Button::new(format!("Take {}{key}", v.analyst)).truncate())
                    .on_hover_text("Take this analyst's version into the curated layer")
                    .clicked()
                {
                    actions.push(CurationAction::Take(k));
                }
            }
            ui.end_row();
            let first = &unit.versions[0];
            ui.weak("text");
            for v in &unit.versions {
                let t = egui::RichText::new(excerpt(doc, v));
                cell(
                    ui,
                    if v.ranges == first.ranges {
                        t
                    } else {
                        t.color(differ)
                    },
                );
            }
            ui.end_row();
            ui.weak(unit.layer.category_name());
            for v in &unit.versions {
                let t = egui::RichText::new(value_text(project, &v.category));
                cell(
                    ui,
                    if v.category == first.category {
                        t
                    } else {
                        t.color(differ)
                    },
                );
            }
            ui.end_row();
            for (attribute, _) in &first.attributes {
                ui.weak(attribute.name());
                for v in &unit.versions {
                    let value = v.value(attribute).cloned().unwrap_or(Value::Missing);
                    let t = egui::RichText::new(value_text(project, &value));
                    cell(
                        ui,
                        if Some(&value) == first.value(attribute) {
                            t
                        } else {
                            t.color(differ)
                        },
                    );
                }
                ui.end_row();
            }
        });
}
