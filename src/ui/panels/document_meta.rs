//! The current document's information, shown where the inspector is when no annotation is
//! selected (Alt+Enter goes there): title, source, date, byline, URL, language, status,
//! custom fields and note, all editable; where the text came from, read-only.
//!
//! Every change is an `Edit::UpdateDocumentMeta` grouped by field, so typing a title is
//! one undo step. Input that cannot be stored yet (a half-typed date, a field renamed to a
//! name already taken) stays in the field with a message until it is fixed.

use super::{push_field, text_area_ui};
use crate::edit::Edit;
use crate::model::{DocStatus, Document, DocumentMeta, Id, LineEndings, Project};
use crate::suggest::ActorRef;
use crate::suggest::issuer::{Genre, Issuer};
use crate::ui::action::UiAction;
use crate::ui::picker::{self, Choice};
use crate::workspace::Workspace;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Language tags offered beside the language field (any BCP 47 tag may be typed).
pub const COMMON_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("de", "German"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("ar", "Arabic"),
    ("zh-Hans", "Chinese (simplified)"),
    ("zh-Hant", "Chinese (traditional)"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("tr", "Turkish"),
];

#[derive(Default)]
pub struct DocumentMetaState {
    /// Dates typed that are not (yet) valid, per document, shown instead of the stored one.
    date_drafts: HashMap<Id, String>,
    /// A custom field being renamed: (document, original name, typed name).
    rename: Option<(Id, String, String)>,
    rename_problem: Option<String>,
    new_field_name: String,
    new_field_value: String,
    add_problem: Option<String>,
    focus_title: bool,
}

impl DocumentMetaState {
    /// Puts the keyboard in the title field on the next frame.
    pub fn focus_title(&mut self) {
        self.focus_title = true;
    }
}

/// Why a typed date cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    #[error("Write the date as YYYY-MM-DD, e.g. 2026-03-10")]
    Shape,
    #[error("{0} is not a date in the calendar")]
    NoSuchDay(String),
}

/// A typed date: blank clears it; otherwise exactly `YYYY-MM-DD` and a real day.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, DateProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // chrono alone would also take "2026-3-1" and "+2026-03-01"; the field promises one form.
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(DateProblem::Shape);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| DateProblem::NoSuchDay(text.to_owned()))
}

/// Whether `tag` is shaped like a BCP 47 tag ("en", "zh-Hans", "pt-BR", "x-local"): subtags
/// of 1–8 letters or digits, the first made of letters. Only a hint; any text is stored.
pub fn looks_like_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The name of a common language tag ("en" → "English").
pub fn language_name(tag: &str) -> Option<&'static str> {
    COMMON_LANGUAGES
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        .map(|&(_, name)| name)
}

/// What the language list shows for the document's tag: the language's name, "not set"
/// for none, "other" for a tag outside the list (it is in the field beside).
fn language_choice_text(tag: &str) -> &'static str {
    match language_name(tag) {
        Some(name) => name,
        None if tag.trim().is_empty() => "not set",
        None => "other",
    }
}

/// The id of a document's title field (the Document info command focuses it).
pub fn title_field_id(document: Id) -> egui::Id {
    egui::Id::unique(("document meta", document.0, "title"))
}

fn field_id(document: Id, field: &str) -> egui::Id {
    egui::Id::unique(("document meta", document.0, field))
}

pub fn document_meta_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut DocumentMetaState,
    document: Option<Id>,
    detected: Option<&Issuer>,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let Some(doc) = document.and_then(|id| ws.project().document(id)) else {
        ui.weak("No document open. Select an annotation in the article to inspect it.");
        return actions;
    };
    ui.horizontal(|ui| {
        ui.heading("Document");
        ui.weak(format!("{}", doc.id));
    });
    ui.weak("Select an annotation to inspect it; Alt+Enter comes back here.");
    if std::mem::take(&mut state.focus_title) {
        ui.memory_mut(|m| m.request_focus(title_field_id(doc.id)));
    }
    ui.push_id(("document meta", doc.id.0), |ui| {
        let fields = Fields {
            doc,
            project: ws.project(),
            analyst: ws.annotator(),
            detected,
        };
        fields_ui(ui, &fields, state, &mut actions);
        ui.add_space(4.0);
        custom_fields_ui(ui, doc, state, &mut actions);
        ui.add_space(4.0);
        ui.label("Note");
        let out = text_area_ui(ui, field_id(doc.id, "note"), &doc.meta.note, "memo");
        push_field(
            &mut actions,
            out,
            "Edit document note",
            group(doc.id, "note"),
            |t| meta_edit(doc, |m| m.note = t),
        );
        ui.add_space(4.0);
        origin_ui(ui, doc);
    });
    actions
}

fn group(document: Id, field: &str) -> String {
    format!("document {document} {field}")
}

/// An edit setting the document's metadata to a changed copy.
fn meta_edit(doc: &Document, change: impl FnOnce(&mut DocumentMeta)) -> Edit {
    let mut meta = doc.meta.clone();
    change(&mut meta);
    Edit::UpdateDocumentMeta {
        document: doc.id,
        meta,
    }
}

/// A single-line field over `value` with an accessible name; changes come back as text.
fn line_field(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: &str,
    hint: &str,
    name: &str,
) -> (super::FieldOutcome, egui::Response) {
    let mut buffer = value.to_owned();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer)
                .id(id)
                .hint_text(hint.to_owned())
                .desired_width(f32::INFINITY),
        )
        .accessible_name(name);
    crate::ui::focus_ring::register(ui.ctx(), response.id, response.id);
    let outcome = super::FieldOutcome {
        changed: (response.changed() && buffer != value).then_some(buffer),
        lost_focus: response.lost_focus(),
    };
    (outcome, response)
}

/// What the document's fields are drawn from.
struct Fields<'a> {
    doc: &'a Document,
    project: &'a Project,
    analyst: &'a str,
    /// The issuer the rules read from the text, offered when none is named.
    detected: Option<&'a Issuer>,
}

fn fields_ui(
    ui: &mut egui::Ui,
    fields: &Fields,
    state: &mut DocumentMetaState,
    actions: &mut Vec<UiAction>,
) {
    let &Fields {
        doc,
        project,
        analyst,
        detected,
    } = fields;
    let id = doc.id;
    egui::Grid::new("document fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.label("Title");
            let (out, _) = line_field(
                ui,
                title_field_id(id),
                &doc.meta.title,
                "headline",
                "Document title",
            );
            push_field(actions, out, "Edit title", group(id, "title"), |t| {
                meta_edit(doc, |m| m.title = t)
            });
            ui.end_row();

            ui.label("Source");
            let (out, _) = line_field(
                ui,
                field_id(id, "source"),
                &doc.meta.source,
                "outlet or issuer",
                "Document source",
            );
            push_field(actions, out, "Edit source", group(id, "source"), |t| {
                meta_edit(doc, |m| m.source = t)
            });
            ui.end_row();

            ui.label("Issuer").on_hover_text(
                "Who speaks in the document's own voice (a readout's government, a joint \
                 statement's parties); its sentences are suggested as their statements",
            );
            issuer_ui(ui, doc, project, detected, actions);
            ui.end_row();

            ui.label("Date");
            date_ui(ui, doc, state, actions);
            ui.end_row();

            ui.label("Byline");
            let (out, _) = line_field(
                ui,
                field_id(id, "byline"),
                &doc.meta.byline,
                "author(s)",
                "Document byline",
            );
            push_field(actions, out, "Edit byline", group(id, "byline"), |t| {
                meta_edit(doc, |m| m.byline = t)
            });
            ui.end_row();

            ui.label("URL");
            url_ui(ui, doc, actions);
            ui.end_row();

            ui.label("Language");
            language_ui(ui, doc, actions);
            ui.end_row();

            ui.label("Status");
            let was = doc.meta.status_of(analyst);
            let mut status = was;
            let labels: Vec<&str> = DocStatus::ALL.iter().map(|s| s.label()).collect();
            let mut offered = Vec::new();
            let id = ui.make_persistent_id("document status");
            if let Some(i) = picker::picker_ui(ui, id, "Document status", was.label(), |q| {
                offered = picker::filter_labels(labels.iter().copied(), q);
                offered
                    .iter()
                    .map(|&i| Choice::new(labels[i], DocStatus::ALL[i] == was))
                    .collect()
            }) && let Some(&at) = offered.get(i)
            {
                status = DocStatus::ALL[at];
            }
            if status != was {
                actions.push(UiAction::edit(
                    format!("Mark “{}” {}", doc.meta.title, status.label()),
                    meta_edit(doc, |m| m.set_status(analyst, status)),
                ));
            }
            ui.end_row();
        });
}

/// The issuer's actors, each with a remove button, and a list of the registry's other
/// actors to add one; every change is one undoable edit of the metadata.
fn issuer_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    project: &Project,
    detected: Option<&Issuer>,
    actions: &mut Vec<UiAction>,
) {
    let name = |id: Id| {
        project
            .actor(id)
            .map_or_else(|| format!("{id}"), |a| a.name.clone())
    };
    // The issuers on a wrapped row, the picker below at the cell's width.
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            for &id in &doc.meta.issuer {
                let actor = name(id);
                ui.label(&actor);
                if ui
                    .small_button("×")
                    .on_hover_text(format!("{actor} is not an issuer of this document"))
                    .accessible_name(format!("Remove issuer {actor}"))
                    .clicked()
                {
                    actions.push(UiAction::edit(
                        format!("Remove issuer {actor}"),
                        meta_edit(doc, |m| m.issuer.retain(|&a| a != id)),
                    ));
                }
            }
        });
        if let Some(found) = detected.filter(|_| doc.meta.issuer.is_empty()) {
            detected_issuer_ui(ui, doc, project, found, actions);
        }
        let mut others: Vec<(String, Id)> = project
            .actors
            .iter()
            .filter(|a| !doc.meta.issuer.contains(&a.id))
            .map(|a| (a.name.clone(), a.id))
            .collect();
        others.sort();
        let hint = if doc.meta.issuer.is_empty() {
            "read from the text"
        } else {
            "add…"
        };
        let mut offered = Vec::new();
        let picker_id = ui.make_persistent_id(("document issuer", doc.id.0));
        let picked = picker::picker_ui(ui, picker_id, "Add an issuer", hint, |q| {
            offered = picker::filter_labels(others.iter().map(|o| o.0.as_str()), q);
            offered
                .iter()
                .map(|&i| Choice::new(others[i].0.clone(), false))
                .collect()
        })
        .and_then(|i| offered.get(i))
        .map(|&i| (others[i].1, others[i].0.clone()));
        if let Some((id, actor)) = picked {
            actions.push(UiAction::edit(
                format!("Add issuer {actor}"),
                meta_edit(doc, |m| m.issuer.push(id)),
            ));
        }
    });
}

/// The issuer the rules read from the header ("Readout", "Joint Statement of …"), with a
/// button that makes it the document's issuer as one undoable edit.
fn detected_issuer_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    project: &Project,
    found: &Issuer,
    actions: &mut Vec<UiAction>,
) {
    let names: Vec<String> = found
        .actors
        .iter()
        .map(|a| match a {
            ActorRef::Project(id) => project
                .actor(*id)
                .map_or_else(|| format!("{id}"), |x| x.name.clone()),
            ActorRef::New(n) => format!("{} (new)", n.name),
        })
        .collect();
    let genre = match found.genre {
        Genre::Readout => "readout",
        Genre::JointStatement => "joint statement",
        Genre::Declaration => "declaration",
        Genre::Communique => "communiqué",
        Genre::Statement => "statement",
    };
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "Read from the text ({genre}): {}",
            names.join(", ")
        ));
        if ui
            .small_button("Accept")
            .on_hover_text(
                "Make these the document's issuer (new actors are added to the registry); \
                 Ctrl+Z undoes",
            )
            .accessible_name("Accept the detected issuer")
            .clicked()
        {
            actions.push(UiAction::AcceptIssuer {
                document: doc.id,
                actors: found.actors.clone(),
            });
        }
    });
}

fn date_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    state: &mut DocumentMetaState,
    actions: &mut Vec<UiAction>,
) {
    let stored = doc
        .meta
        .date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let shown = state
        .date_drafts
        .get(&doc.id)
        .cloned()
        .unwrap_or_else(|| stored.clone());
    ui.vertical(|ui| {
        let (out, response) = line_field(
            ui,
            field_id(doc.id, "date"),
            &shown,
            "YYYY-MM-DD",
            "Document date",
        );
        if let Some(text) = out.changed {
            match parse_date(&text) {
                Ok(date) => {
                    state.date_drafts.remove(&doc.id);
                    if date != doc.meta.date {
                        actions.push(UiAction::Edit {
                            label: "Edit date".to_owned(),
                            edit: meta_edit(doc, |m| m.date = date),
                            group: Some(group(doc.id, "date")),
                        });
                    }
                }
                // Kept, not stored: the field shows it with the message until it is fixed.
                Err(_) => {
                    state.date_drafts.insert(doc.id, text);
                }
            }
        }
        if out.lost_focus {
            actions.push(UiAction::SealGroup);
        }
        if let Some(draft) = state.date_drafts.get(&doc.id)
            && let Err(problem) = parse_date(draft)
        {
            // While the date is still being typed, only say what the form is.
            if response.has_focus() && draft.trim().len() < 10 {
                ui.weak("YYYY-MM-DD");
            } else {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{problem} — not saved yet"),
                );
            }
        }
    });
}

fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn url_ui(ui: &mut egui::Ui, doc: &Document, actions: &mut Vec<UiAction>) {
    ui.horizontal(|ui| {
        let web = is_web_address(&doc.meta.url);
        // The button first, so the field can take the rest of the row.
        let open = ui
            .add_enabled(web, egui::Button::new("Open"))
            .on_hover_text("Open the address in the web browser")
            .on_disabled_hover_text("Only http:// and https:// addresses open");
        if open.clicked() {
            let message = match open_in_browser(doc.meta.url.trim()) {
                Ok(()) => format!("Opening {} in the browser", doc.meta.url.trim()),
                Err(e) => format!("Could not open the address: {e}"),
            };
            actions.push(UiAction::Status(message));
        }
        let (out, _) = line_field(
            ui,
            field_id(doc.id, "url"),
            &doc.meta.url,
            "https://…",
            "Document URL",
        );
        push_field(actions, out, "Edit URL", group(doc.id, "url"), |t| {
            meta_edit(doc, |m| m.url = t)
        });
    });
}

/// Opens a web address with the desktop's browser. eframe can do this through its `links`
/// feature, but that pulls the `url`/ICU crates into the build for one call; the command
/// each platform uses for it is all it runs.
fn open_in_browser(url: &str) -> std::io::Result<()> {
    #[cfg(target_os = "macos")]
    let mut command = std::process::Command::new("open");
    #[cfg(target_os = "windows")]
    let mut command = {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    };
    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    let mut command = std::process::Command::new("xdg-open");
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

fn language_ui(ui: &mut egui::Ui, doc: &Document, actions: &mut Vec<UiAction>) {
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let tag = doc.meta.language.trim();
            let labels: Vec<String> = COMMON_LANGUAGES
                .iter()
                .map(|(common, name)| format!("{common} — {name}"))
                .collect();
            let mut offered = Vec::new();
            let picker_id = ui.make_persistent_id("common languages");
            let picked = ui.scope(|ui| {
                ui.set_max_width(130.0);
                picker::picker_ui(
                    ui,
                    picker_id,
                    "Common languages",
                    language_choice_text(tag),
                    |q| {
                        offered = picker::filter_labels(labels.iter().map(String::as_str), q);
                        offered
                            .iter()
                            .map(|&i| {
                                let chosen = COMMON_LANGUAGES[i].0.eq_ignore_ascii_case(tag);
                                Choice::new(labels[i].clone(), chosen)
                            })
                            .collect()
                    },
                )
            });
            let picked = picked
                .inner
                .and_then(|i| offered.get(i))
                .map(|&i| COMMON_LANGUAGES[i].0);
            if let Some(tag) = picked.filter(|t| *t != doc.meta.language) {
                actions.push(UiAction::edit(
                    format!("Set language {tag}"),
                    meta_edit(doc, |m| m.language = tag.to_owned()),
                ));
            }
            let (out, _) = line_field(
                ui,
                field_id(doc.id, "language"),
                &doc.meta.language,
                "BCP 47, e.g. en, zh-Hans",
                "Document language",
            );
            push_field(
                actions,
                out,
                "Edit language",
                group(doc.id, "language"),
                |t| meta_edit(doc, |m| m.language = t),
            );
        });
        let tag = doc.meta.language.trim();
        if !tag.is_empty() && language_name(tag).is_none() && !looks_like_language_tag(tag) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Not shaped like a language tag (e.g. en, fr, zh-Hans, pt-BR)",
            );
        }
        if let Some(note) = crate::suggest::missing_rules(doc) {
            ui.weak("Mentions only: no suggestion rules for this language")
                .on_hover_text(note);
        }
    });
}

fn custom_fields_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    state: &mut DocumentMetaState,
    actions: &mut Vec<UiAction>,
) {
    ui.label("Custom fields").on_hover_text(
        "Your own fields: name and value (a field is renamed when you leave its name)",
    );
    // A rename that belongs to another document is forgotten, not applied there.
    if state.rename.as_ref().is_some_and(|(d, ..)| *d != doc.id) {
        state.rename = None;
        state.rename_problem = None;
    }
    // Rows of their own rather than a grid: a grid sizes its middle column to last
    // frame's content, which leaves text fields a few pixels wide.
    let name_width = (ui.available_width() * 0.35).clamp(60.0, 140.0);
    let button_width = 28.0;
    for (name, value) in &doc.meta.custom {
        ui.horizontal(|ui| {
            custom_row_ui(
                ui,
                doc,
                name,
                value,
                name_width,
                button_width,
                state,
                actions,
            );
        });
    }
    // The row that adds a field.
    ui.horizontal(|ui| {
        let name_response = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_field_name)
                    .id(field_id(doc.id, "new field name"))
                    .hint_text("new field")
                    .desired_width(name_width),
            )
            .accessible_name("New field name");
        let value_width = (ui.available_width() - 40.0 - ui.spacing().item_spacing.x).max(40.0);
        let value_response = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_field_value)
                    .id(field_id(doc.id, "new field value"))
                    .hint_text("value")
                    .desired_width(value_width),
            )
            .accessible_name("New field value");
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter))
            && (name_response.lost_focus() || value_response.lost_focus());
        if ui.button("Add").clicked() || enter {
            add_field(doc, state, actions);
        }
    });
    for problem in [&state.rename_problem, &state.add_problem]
        .into_iter()
        .flatten()
    {
        ui.colored_label(ui.visuals().error_fg_color, problem.as_str());
    }
}

fn add_field(doc: &Document, state: &mut DocumentMetaState, actions: &mut Vec<UiAction>) {
    let name = state.new_field_name.trim().to_owned();
    state.add_problem = if name.is_empty() {
        Some("Give the new field a name".to_owned())
    } else if doc.meta.custom.contains_key(&name) {
        Some(format!("There is already a field “{name}”"))
    } else {
        None
    };
    if state.add_problem.is_some() {
        return;
    }
    let value = std::mem::take(&mut state.new_field_value);
    state.new_field_name.clear();
    actions.push(UiAction::edit(
        format!("Add field “{name}”"),
        meta_edit(doc, |m| {
            m.custom.insert(name.clone(), value);
        }),
    ));
}

#[allow(clippy::too_many_arguments)] // one row's parts; a struct would only rename them
fn custom_row_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    name: &str,
    value: &str,
    name_width: f32,
    button_width: f32,
    state: &mut DocumentMetaState,
    actions: &mut Vec<UiAction>,
) {
    // The name is renamed when its field is left (typing a new name letter by letter
    // would re-sort the rows and move the field away under the cursor).
    let renaming = state
        .rename
        .as_ref()
        .filter(|(_, old, _)| old == name)
        .map(|(_, _, typed)| typed.clone());
    let mut typed = renaming.clone().unwrap_or_else(|| name.to_owned());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut typed)
                .id(egui::Id::unique(("custom field name", doc.id.0, name)))
                .desired_width(name_width),
        )
        .accessible_name(format!("Field name {name}"));
    if response.changed() {
        state.rename = Some((doc.id, name.to_owned(), typed.clone()));
    }
    if response.lost_focus() && (renaming.is_some() || response.changed()) {
        rename_field(doc, name, &typed, state, actions);
    }
    let value_id = egui::Id::unique(("custom field value", doc.id.0, name));
    let mut buffer = value.to_owned();
    let value_width = (ui.available_width() - button_width - ui.spacing().item_spacing.x).max(40.0);
    let value_response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer)
                .id(value_id)
                .desired_width(value_width),
        )
        .accessible_name(format!("Field value {name}"));
    let out = super::FieldOutcome {
        changed: (value_response.changed() && buffer != value).then_some(buffer),
        lost_focus: value_response.lost_focus(),
    };
    let key = name.to_owned();
    push_field(
        actions,
        out,
        &format!("Edit field “{name}”"),
        group(doc.id, &format!("custom {name}")),
        |t| {
            meta_edit(doc, |m| {
                m.custom.insert(key, t);
            })
        },
    );
    if ui
        .small_button("×")
        .on_hover_text(format!("Remove the field “{name}”"))
        .clicked()
    {
        actions.push(UiAction::edit(
            format!("Remove field “{name}”"),
            meta_edit(doc, |m| {
                m.custom.remove(name);
            }),
        ));
    }
}

fn rename_field(
    doc: &Document,
    old: &str,
    typed: &str,
    state: &mut DocumentMetaState,
    actions: &mut Vec<UiAction>,
) {
    let new = typed.trim();
    state.rename_problem = if new.is_empty() {
        Some(format!(
            "The field “{old}” needs a name (× removes the field)"
        ))
    } else if new != old && doc.meta.custom.contains_key(new) {
        Some(format!("There is already a field “{new}”"))
    } else {
        None
    };
    if state.rename_problem.is_some() {
        // The typed name stays in the field until it is fixed.
        return;
    }
    state.rename = None;
    if new != old {
        let new = new.to_owned();
        actions.push(UiAction::edit(
            format!("Rename field “{old}” to “{new}”"),
            meta_edit(doc, |m| {
                if let Some(value) = m.custom.remove(old) {
                    m.custom.insert(new, value);
                }
            }),
        ));
    }
}

fn line_endings_label(endings: LineEndings) -> &'static str {
    match endings {
        LineEndings::Lf => "LF (Unix)",
        LineEndings::CrLf => "CRLF (Windows)",
        LineEndings::Cr => "CR (old Mac)",
        LineEndings::Mixed => "mixed",
    }
}

/// "sha256:0123abcd…" — enough to tell two files apart at a glance.
fn short_fingerprint(fingerprint: &str) -> String {
    let short: String = fingerprint.chars().take(7 + 12).collect();
    if short.len() < fingerprint.len() {
        format!("{short}…")
    } else {
        short
    }
}

fn origin_ui(ui: &mut egui::Ui, doc: &Document) {
    let origin = &doc.origin;
    egui::CollapsingHeader::new("Where the text came from")
        .id_salt("document origin")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("document origin facts")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("File");
                    match &origin.path {
                        Some(path) => {
                            ui.add(egui::Label::new(path.as_str()).truncate())
                                .on_hover_text(path.as_str());
                        }
                        None => {
                            ui.weak("— (not read from a file)");
                        }
                    }
                    ui.end_row();
                    ui.label("Format");
                    ui.label(origin.format.as_str());
                    ui.end_row();
                    ui.label("Encoding");
                    ui.label(origin.encoding.as_str());
                    ui.end_row();
                    ui.label("Line endings");
                    ui.label(line_endings_label(origin.line_endings));
                    ui.end_row();
                    ui.label("Length");
                    ui.label(format!("{} characters", group_digits(doc.len_chars())));
                    ui.end_row();
                    ui.label("Imported");
                    ui.label(origin.imported.format("%Y-%m-%d %H:%M UTC").to_string());
                    ui.end_row();
                    if let Some(file) = &origin.file_fingerprint {
                        ui.label("File fingerprint");
                        fingerprint_ui(ui, file);
                        ui.end_row();
                    }
                    ui.label("Text fingerprint");
                    fingerprint_ui(ui, doc.fingerprint());
                    ui.end_row();
                });
        });
}

fn fingerprint_ui(ui: &mut egui::Ui, fingerprint: &str) {
    ui.horizontal(|ui| {
        ui.monospace(short_fingerprint(fingerprint))
            .on_hover_text(fingerprint);
        if ui
            .small_button("Copy")
            .on_hover_text("Copy the whole fingerprint")
            .clicked()
        {
            ui.ctx().copy_text(fingerprint.to_owned());
        }
    });
}

/// 12345 → "12,345".
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_list_says_not_set_rather_than_a_placeholder() {
        assert_eq!(language_choice_text(""), "not set");
        assert_eq!(language_choice_text("  "), "not set");
        assert_eq!(language_choice_text("EN"), "English");
        assert_eq!(language_choice_text("tlh"), "other");
    }

    #[test]
    fn dates_take_one_form_and_real_days_only() {
        assert_eq!(
            parse_date(" 2026-03-10 "),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 10))
        );
        assert_eq!(parse_date(""), Ok(None), "blank clears the date");
        assert_eq!(parse_date("10/03/2026"), Err(DateProblem::Shape));
        assert_eq!(parse_date("2026-3-10"), Err(DateProblem::Shape));
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateProblem::NoSuchDay("2026-02-30".into()))
        );
        assert_eq!(
            parse_date("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29))
        );
    }

    #[test]
    fn language_tags_are_recognised_by_shape() {
        for tag in ["en", "zh-Hans", "pt-BR", "es-419", "x-local"] {
            assert!(looks_like_language_tag(tag), "{tag}");
        }
        for tag in ["english language", "e_n", "123", "en--GB", ""] {
            assert!(!looks_like_language_tag(tag), "{tag}");
        }
        assert_eq!(language_name("ZH-hans"), Some("Chinese (simplified)"));
    }

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(7), "7");
        assert_eq!(group_digits(1234), "1,234");
        assert_eq!(group_digits(1234567), "1,234,567");
    }
}
