//! The inspector: every field of the selected annotation, editable; its note; delete.

use super::{
    Selection, actor_combo_ui, actor_name, codebook_combo_ui, push_field, text_area_ui,
    text_field_ui, update_annotation,
};
use crate::model::{
    Annotation, Codebook, CodebookList, Commitment, Document, Id, Link, Mention, Project, Stance,
    StanceTarget, Statement, Tag,
};
use crate::ui::action::UiAction;
use crate::workspace::Workspace;

#[derive(Default)]
pub struct InspectorState {
    new_attribute_name: String,
    new_attribute_value: String,
}

/// A copy of `value` changed by `f`.
fn with<T: Clone>(value: &T, f: impl FnOnce(&mut T)) -> T {
    let mut out = value.clone();
    f(&mut out);
    out
}

/// `None` for blank text, else the trimmed text: optional codes are absent, not empty.
fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// A short description of an annotation for lists and link endpoints.
pub fn describe(project: &Project, doc: &Document, id: Id) -> String {
    let Some(a) = doc.annotation(id) else {
        return format!("(missing {id})");
    };
    let text = |span: &crate::model::Span| {
        let t = span.text();
        let mut short: String = t.chars().take(40).collect();
        if short.len() < t.len() {
            short.push('…');
        }
        short
    };
    let statement_text = |s: Id| {
        crate::model::ids::find(&doc.statements, s).map_or_else(String::new, |s| text(&s.span))
    };
    match &a {
        Annotation::Mention(m) => format!(
            "mention {id}: {} -> {}",
            text(&m.span),
            actor_name(project, Some(m.actor))
        ),
        Annotation::Statement(s) => format!("statement {id}: {}", text(&s.span)),
        Annotation::Commitment(c) => format!("commitment {id}: {}", statement_text(c.statement)),
        Annotation::Stance(s) => format!("stance {id}: {}", statement_text(s.statement)),
        Annotation::Tag(t) => format!("tag {id}: {}", text(&t.span)),
        Annotation::Link(l) => format!("link {id}: {} -> {}", l.from, l.to),
    }
}

pub fn inspector_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut InspectorState,
    sel: &Selection,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let project = ws.project();
    let Some(id) = sel.annotation else {
        ui.weak("Select an annotation in the article or the statements table.");
        return actions;
    };
    let doc = sel
        .document
        .and_then(|d| project.document(d))
        .filter(|d| d.has_annotation(id))
        .or_else(|| project.document_of_annotation(id));
    let Some((doc, annotation)) = doc.and_then(|d| Some((d, d.annotation(id)?))) else {
        ui.weak(format!("Annotation {id} no longer exists."));
        return actions;
    };
    let owner = annotation.stamp().annotator.clone();
    let read_only = owner != ws.annotator();
    if read_only {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Coded by {owner} — read only"),
            );
            if ui
                .button(format!("Edit as {owner}"))
                .on_hover_text(crate::ui::command::Command::EditAsOwner.tooltip())
                .clicked()
            {
                actions.push(UiAction::Run(crate::ui::command::Command::EditAsOwner));
            }
        });
    }
    // The window puts the inspector in a scroll area of its own.
    ui.push_id(id.0, |ui| {
        // Another analyst's annotation: every field shown, none editable.
        ui.add_enabled_ui(!read_only, |ui| {
            let mut edits = Vec::new();
            annotation_ui(ui, project, doc, &annotation, state, &mut edits);
            // Following a link to another annotation still works; changes do not.
            actions.extend(
                edits
                    .into_iter()
                    .filter(|a| !read_only || matches!(a, UiAction::SelectAnnotation(_))),
            );
        });
    });
    actions
}

fn annotation_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    annotation: &Annotation,
    state: &mut InspectorState,
    actions: &mut Vec<UiAction>,
) {
    let id = annotation.id();
    let stamp = annotation.stamp();
    ui.horizontal(|ui| {
        ui.heading(format!("{} {id}", annotation.kind().label()));
    });
    ui.weak(format!(
        "by {} · created {} · modified {}",
        stamp.annotator,
        stamp.created.format("%Y-%m-%d %H:%M"),
        stamp.modified.format("%Y-%m-%d %H:%M")
    ));
    let cb = &project.codebook;
    let up = |a: Annotation| update_annotation(doc.id, a);
    if let Some(span) = annotation.span() {
        let quoted = format!("“{}”", span.text());
        // The button follows the text (not a row of its own, which pushed the fields down).
        let add_part = ui
            .horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(crate::ui::article::bidi::visual(&quoted).as_ref())
                        .italics(),
                )
                .accessible_name(quoted.as_str());
                with_span(annotation, span.clone()).is_some()
                    && ui
                        .small_button("+ part")
                        .on_hover_text(
                            "Select more text in the article, then this (or R) adds it to \
                             this annotation as a further part (undoable)",
                        )
                        .accessible_name("Add the selection as a part")
                        .clicked()
            })
            .inner;
        if add_part {
            actions.push(UiAction::Run(crate::ui::command::Command::AddSpanRange));
        }
        if span.ranges.len() > 1 {
            parts_ui(ui, annotation, span, actions, &up);
        }
    }
    let group = |field: &str| format!("annotation {id} {field}");
    egui::Grid::new("fields")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| match annotation {
            Annotation::Mention(m) => mention_ui(ui, project, m, actions, &up),
            Annotation::Statement(s) => statement_ui(ui, project, doc, s, actions, &up),
            Annotation::Commitment(c) => commitment_ui(ui, project, doc, c, actions, &up, &group),
            Annotation::Stance(s) => stance_ui(ui, project, doc, s, actions, &up),
            Annotation::Tag(t) => tag_ui(ui, cb, t, state, actions, &up),
            Annotation::Link(l) => link_ui(ui, project, doc, l, actions, &up),
        });
    if !matches!(annotation, Annotation::Link(_)) {
        links_ui(ui, project, doc, id, actions);
    }
    ui.label("Note");
    let out = text_area_ui(ui, ui.scope_id().with("note"), annotation.note(), "memo");
    push_field(actions, out, "Edit note", group("note"), |t| {
        let mut a = annotation.clone();
        match &mut a {
            Annotation::Mention(x) => x.note = t,
            Annotation::Statement(x) => x.note = t,
            Annotation::Commitment(x) => x.note = t,
            Annotation::Stance(x) => x.note = t,
            Annotation::Tag(x) => x.note = t,
            Annotation::Link(x) => x.note = t,
        }
        up(a)
    });
    ui.separator();
    let dependants = doc.commitments_of(id).count() + doc.stances_of(id).count();
    let hint = if dependants > 0 {
        format!("Also removes its {dependants} commitments/stances and any links")
    } else {
        "Removes it and any links to it".to_owned()
    };
    // The command, as the Delete key runs it: it also rejects the suggestions the
    // deletion would bring back, in the same undo step.
    if ui.button("Delete annotation").on_hover_text(hint).clicked() {
        actions.push(UiAction::Run(crate::ui::command::Command::DeleteAnnotation));
    }
}

type Up<'a> = dyn Fn(Annotation) -> crate::edit::Edit + 'a;

/// The parts of a discontinuous span, each removable while two or more are left.
fn parts_ui(
    ui: &mut egui::Ui,
    annotation: &Annotation,
    span: &crate::model::Span,
    actions: &mut Vec<UiAction>,
    up: &Up,
) {
    ui.label(format!("In {} parts:", span.ranges.len()));
    for (i, range) in span.ranges.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let remove = ui
                .small_button(format!("Remove part {}", i + 1))
                .on_hover_text("Take this part out of the span (undoable)");
            let part = format!(
                "{}. “{}” ({}–{})",
                i + 1,
                range.text,
                range.start,
                range.end
            );
            ui.label(crate::ui::article::bidi::visual(&part).as_ref())
                .accessible_name(part.as_str());
            if remove.clicked() {
                let mut rest = span.clone();
                rest.ranges.remove(i);
                if let Some(updated) = with_span(annotation, rest) {
                    actions.push(UiAction::edit("Remove part of span", up(updated)));
                }
            }
        });
    }
}

/// `annotation` with `[start, end)` (code points) added to its span as a further part;
/// parts it overlaps or touches are joined. Why not, when it cannot take it.
pub fn with_added_part(
    doc: &Document,
    annotation: &Annotation,
    (start, end): (usize, usize),
) -> Result<Annotation, String> {
    let Some(span) = annotation.span() else {
        return Err("A link has no text of its own".to_owned());
    };
    if span.covers(start, end) {
        return Err("The selection is already part of it".to_owned());
    }
    let mut all: Vec<(usize, usize)> = span
        .ranges
        .iter()
        .map(|r| (r.start, r.end))
        .chain([(start, end)])
        .collect();
    all.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let span = crate::model::Span::from_ranges(doc.text(), doc.index(), merged)
        .ok_or_else(|| "The selection is outside the text".to_owned())?;
    with_span(annotation, span).ok_or_else(|| {
        format!(
            "A {}'s text is its statement's: select the statement to add a part",
            annotation.kind().label()
        )
    })
}

/// The annotation over another span; `None` for kinds without one.
fn with_span(annotation: &Annotation, span: crate::model::Span) -> Option<Annotation> {
    let mut out = annotation.clone();
    match &mut out {
        Annotation::Mention(a) => a.span = span,
        Annotation::Statement(a) => a.span = span,
        Annotation::Tag(a) => a.span = span,
        Annotation::Commitment(_) | Annotation::Stance(_) | Annotation::Link(_) => return None,
    }
    Some(out)
}

fn mention_ui(
    ui: &mut egui::Ui,
    project: &Project,
    m: &Mention,
    actions: &mut Vec<UiAction>,
    up: &Up<'_>,
) {
    ui.label("Actor");
    if let Some(Some(actor)) = actor_combo_ui(ui, "actor", project, Some(m.actor), false) {
        actions.push(UiAction::edit(
            "Change mention actor",
            up(Annotation::Mention(with(m, |x| x.actor = actor))),
        ));
    }
    ui.end_row();
    // The actor's kind is edited here too: tagging a new actor and setting its kind is
    // the usual first step with a new name.
    if let Some(actor) = project.actor(m.actor) {
        ui.label("Actor kind");
        if let Some(kind) = codebook_combo_ui(
            ui,
            "actor kind",
            &project.codebook,
            CodebookList::ActorKinds,
            &actor.kind,
        ) {
            let mut updated = actor.clone();
            updated.kind = kind;
            actions.push(UiAction::edit(
                format!("Change kind of “{}”", actor.name),
                crate::edit::Edit::UpdateActor(updated),
            ));
        }
        ui.end_row();
    }
}

fn statement_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    s: &Statement,
    actions: &mut Vec<UiAction>,
    up: &Up<'_>,
) {
    ui.label("Speaker");
    if let Some(speaker) = actor_combo_ui(ui, "speaker", project, s.speaker, true) {
        actions.push(UiAction::edit(
            "Change speaker",
            up(Annotation::Statement(with(s, |x| x.speaker = speaker))),
        ));
    }
    ui.end_row();
    ui.label("Attribution");
    if let Some(mode) = codebook_combo_ui(
        ui,
        "attribution",
        &project.codebook,
        CodebookList::AttributionModes,
        &s.attribution,
    ) {
        actions.push(UiAction::edit(
            "Change attribution",
            up(Annotation::Statement(with(s, |x| x.attribution = mode))),
        ));
    }
    ui.end_row();
    ui.label("Cue");
    match &s.cue {
        Some(cue) => ui.label(format!("“{}”", cue.text())),
        None => ui.weak("none"),
    };
    ui.end_row();
    let on_it: Vec<(Id, &str)> = doc
        .commitments_of(s.id)
        .map(|c| (c.id, "commitment"))
        .chain(doc.stances_of(s.id).map(|x| (x.id, "stance")))
        .collect();
    if !on_it.is_empty() {
        ui.label("Coded as");
        ui.horizontal_wrapped(|ui| {
            for (id, kind) in on_it {
                if ui.link(format!("{kind} {id}")).clicked() {
                    actions.push(UiAction::SelectAnnotation(Some(id)));
                }
            }
        });
        ui.end_row();
    }
}

fn statement_row_ui(ui: &mut egui::Ui, doc: &Document, statement: Id, actions: &mut Vec<UiAction>) {
    ui.label("Statement");
    let text = crate::model::ids::find(&doc.statements, statement)
        .map_or_else(|| format!("(missing {statement})"), |s| s.span.text());
    if ui
        .link(text)
        .on_hover_text("Select the statement")
        .clicked()
    {
        actions.push(UiAction::SelectAnnotation(Some(statement)));
    }
    ui.end_row();
}

fn commitment_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    c: &Commitment,
    actions: &mut Vec<UiAction>,
    up: &Up<'_>,
    group: &dyn Fn(&str) -> String,
) {
    let cb = &project.codebook;
    let edit = |f: &dyn Fn(&mut Commitment)| up(Annotation::Commitment(with(c, f)));
    statement_row_ui(ui, doc, c.statement, actions);
    ui.label("Committer");
    if let Some(who) = actor_combo_ui(ui, "committer", project, c.committer, true) {
        actions.push(UiAction::edit(
            "Change committer",
            edit(&|x| x.committer = who),
        ));
    }
    ui.end_row();

    ui.label("Addressees");
    ui.vertical(|ui| {
        for (i, a) in c.addressees.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .small_button("×")
                    .on_hover_text("Remove this addressee")
                    .clicked()
                {
                    actions.push(UiAction::edit(
                        "Remove addressee",
                        edit(&|x| {
                            x.addressees.remove(i);
                        }),
                    ));
                }
                ui.label(actor_name(project, Some(*a)));
            });
        }
        if let Some(Some(add)) = actor_combo_ui(ui, "add addressee", project, None, false)
            && !c.addressees.contains(&add)
        {
            actions.push(UiAction::edit(
                "Add addressee",
                edit(&|x| x.addressees.push(add)),
            ));
        }
    });
    ui.end_row();

    ui.label("Action");
    let out = text_field_ui(
        ui,
        ui.scope_id().with("action"),
        &c.action,
        "in a few words",
    );
    push_field(actions, out, "Edit action", group("action"), |t| {
        edit(&|x| x.action = t.clone())
    });
    ui.end_row();

    for (label, list, value) in [
        ("Category", CodebookList::CommitmentCategories, &c.category),
        ("Context", CodebookList::Contexts, &c.context),
        ("Strength", CodebookList::Strengths, &c.strength),
        ("Time horizon", CodebookList::TimeHorizons, &c.time_horizon),
    ] {
        ui.label(label);
        if let Some(key) = codebook_combo_ui(ui, label, cb, list, value) {
            let e = edit(&|x| {
                let field = match list {
                    CodebookList::CommitmentCategories => &mut x.category,
                    CodebookList::Contexts => &mut x.context,
                    CodebookList::Strengths => &mut x.strength,
                    _ => &mut x.time_horizon,
                };
                field.clone_from(&key);
            });
            actions.push(UiAction::edit(
                format!("Change {}", label.to_lowercase()),
                e,
            ));
        }
        ui.end_row();
    }

    ui.label("CAMEO");
    let default = cb
        .entry(CodebookList::CommitmentCategories, &c.category)
        .and_then(|e| e.cameo.clone())
        .unwrap_or_default();
    let out = text_field_ui(
        ui,
        ui.scope_id().with("cameo"),
        c.cameo.as_deref().unwrap_or(""),
        &default,
    );
    push_field(actions, out, "Edit CAMEO code", group("cameo"), |t| {
        edit(&|x| x.cameo = optional(&t))
    });
    ui.end_row();

    ui.label("Conditions");
    let out = text_area_ui(ui, ui.scope_id().with("conditions"), &c.conditions, "if …");
    push_field(actions, out, "Edit conditions", group("conditions"), |t| {
        edit(&|x| x.conditions = t.clone())
    });
    ui.end_row();
}

fn stance_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    s: &Stance,
    actions: &mut Vec<UiAction>,
    up: &Up<'_>,
) {
    let cb = &project.codebook;
    let edit = |f: &dyn Fn(&mut Stance)| up(Annotation::Stance(with(s, f)));
    statement_row_ui(ui, doc, s.statement, actions);
    ui.label("Holder");
    if let Some(who) = actor_combo_ui(ui, "holder", project, s.holder, true) {
        actions.push(UiAction::edit("Change holder", edit(&|x| x.holder = who)));
    }
    ui.end_row();

    ui.label("Target");
    ui.vertical(|ui| {
        let is_actor = matches!(s.target, Some(StanceTarget::Actor(_)));
        let is_topic = matches!(s.target, Some(StanceTarget::Topic(_)));
        ui.horizontal(|ui| {
            if ui.radio(s.target.is_none(), "none").clicked() && s.target.is_some() {
                actions.push(UiAction::edit(
                    "Clear stance target",
                    edit(&|x| x.target = None),
                ));
            }
            if ui.radio(is_actor, "actor").clicked() && !is_actor {
                // An actor target needs an actor: pick the first one; the combo changes it.
                if let Some(first) = project.actors.first() {
                    actions.push(UiAction::edit(
                        "Target an actor",
                        edit(&|x| x.target = Some(StanceTarget::Actor(first.id))),
                    ));
                }
            }
            if ui.radio(is_topic, "topic").clicked()
                && !is_topic
                && let Some(topic) = cb.first_active(CodebookList::Topics)
            {
                actions.push(UiAction::edit(
                    "Target a topic",
                    edit(&|x| x.target = Some(StanceTarget::Topic(topic.key.clone()))),
                ));
            }
        });
        match &s.target {
            Some(StanceTarget::Actor(a)) => {
                if let Some(Some(to)) = actor_combo_ui(ui, "target actor", project, Some(*a), false)
                {
                    actions.push(UiAction::edit(
                        "Change stance target",
                        edit(&|x| x.target = Some(StanceTarget::Actor(to))),
                    ));
                }
            }
            Some(StanceTarget::Topic(t)) => {
                if let Some(key) = codebook_combo_ui(ui, "topic", cb, CodebookList::Topics, t) {
                    actions.push(UiAction::edit(
                        "Change stance topic",
                        edit(&|x| x.target = Some(StanceTarget::Topic(key.clone()))),
                    ));
                }
            }
            None => {}
        }
    });
    ui.end_row();

    ui.label("Polarity");
    if let Some(key) = codebook_combo_ui(ui, "polarity", cb, CodebookList::Polarities, &s.polarity)
    {
        actions.push(UiAction::edit(
            "Change polarity",
            edit(&|x| x.polarity.clone_from(&key)),
        ));
    }
    ui.end_row();
    ui.label("Intensity");
    if let Some(key) =
        codebook_combo_ui(ui, "intensity", cb, CodebookList::Intensities, &s.intensity)
    {
        actions.push(UiAction::edit(
            "Change intensity",
            edit(&|x| x.intensity.clone_from(&key)),
        ));
    }
    ui.end_row();
    ui.label("CAMEO");
    let out = text_field_ui(
        ui,
        ui.scope_id().with("cameo"),
        s.cameo.as_deref().unwrap_or(""),
        "051, 016, 111…",
    );
    push_field(
        actions,
        out,
        "Edit CAMEO code",
        format!("annotation {} cameo", s.id),
        |t| edit(&|x| x.cameo = optional(&t)),
    );
    ui.end_row();
}

fn tag_ui(
    ui: &mut egui::Ui,
    cb: &Codebook,
    t: &Tag,
    state: &mut InspectorState,
    actions: &mut Vec<UiAction>,
    up: &Up<'_>,
) {
    let edit = |f: &dyn Fn(&mut Tag)| up(Annotation::Tag(with(t, f)));
    ui.label("Category");
    if let Some(key) =
        codebook_combo_ui(ui, "category", cb, CodebookList::TagCategories, &t.category)
    {
        actions.push(UiAction::edit(
            "Change tag category",
            edit(&|x| x.category.clone_from(&key)),
        ));
    }
    ui.end_row();
    for (name, value) in &t.attributes {
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text("Remove this attribute")
                .clicked()
            {
                actions.push(UiAction::edit(
                    format!("Remove attribute {name}"),
                    edit(&|x| {
                        x.attributes.remove(name);
                    }),
                ));
            }
            ui.label(name);
        });
        let out = text_field_ui(ui, ui.scope_id().with(("attr", name)), value, "value");
        push_field(
            actions,
            out,
            "Edit attribute",
            format!("annotation {} attr {name}", t.id),
            |v| {
                edit(&|x| {
                    x.attributes.insert(name.clone(), v.clone());
                })
            },
        );
        ui.end_row();
    }
    ui.add(
        egui::TextEdit::singleline(&mut state.new_attribute_name)
            .hint_text("attribute")
            .desired_width(90.0),
    );
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_attribute_value)
                .hint_text("value")
                .desired_width(90.0),
        );
        let name = state.new_attribute_name.trim().to_owned();
        if ui
            .add_enabled(!name.is_empty(), egui::Button::new("Add"))
            .clicked()
        {
            let value = state.new_attribute_value.clone();
            actions.push(UiAction::edit(
                format!("Add attribute {name}"),
                edit(&|x| {
                    x.attributes.insert(name.clone(), value.clone());
                }),
            ));
            state.new_attribute_name.clear();
            state.new_attribute_value.clear();
        }
    });
    ui.end_row();
}

/// The links from and to an annotation, each one click from the inspector, and a picker
/// that links it to another annotation of the document.
fn links_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    id: Id,
    actions: &mut Vec<UiAction>,
) {
    let label_of = |key: &str| {
        project
            .codebook
            .entry(CodebookList::LinkTypes, key)
            .map_or_else(|| key.to_owned(), |e| e.label.clone())
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Links");
        for l in doc.links.iter().filter(|l| l.from == id || l.to == id) {
            let text = if l.from == id {
                format!("{} → {}", label_of(&l.label), describe(project, doc, l.to))
            } else {
                format!(
                    "{} ← {}",
                    label_of(&l.label),
                    describe(project, doc, l.from)
                )
            };
            if ui.link(text).on_hover_text("Select the link").clicked() {
                actions.push(UiAction::SelectAnnotation(Some(l.id)));
            }
        }
    });
    let others: Vec<Id> = doc
        .annotation_ids()
        .filter(|&o| o != id && !matches!(doc.annotation(o), Some(Annotation::Link(_))))
        .collect();
    // (L here, then L on the other, does the same from the article.)
    if let Some(to) = annotation_picker_ui(ui, "Link to", "Link to…", project, doc, &others, None)
    {
        actions.push(UiAction::AddLink {
            document: doc.id,
            from: id,
            to,
        });
    }
}

/// A searchable picker over `candidates` (annotations of `doc`, described as in lists);
/// the labels are made only while the list is open. Returns the one picked.
fn annotation_picker_ui(
    ui: &mut egui::Ui,
    name: &str,
    shown: &str,
    project: &Project,
    doc: &Document,
    candidates: &[Id],
    current: Option<Id>,
) -> Option<Id> {
    use crate::ui::picker;
    let mut offered = Vec::new();
    let id = ui.make_persistent_id(name);
    let picked = picker::picker_ui(ui, id, name, shown, |query| {
        let labels: Vec<String> = candidates
            .iter()
            .map(|&o| describe(project, doc, o))
            .collect();
        offered = picker::filter_labels(labels.iter().map(String::as_str), query);
        offered
            .iter()
            .map(|&i| picker::Choice::new(labels[i].clone(), Some(candidates[i]) == current))
            .collect()
    })?;
    candidates.get(*offered.get(picked)?).copied()
}

fn link_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    l: &Link,
    actions: &mut Vec<UiAction>,
    up: &Up<'_>,
) {
    let edit = |f: &dyn Fn(&mut Link)| up(Annotation::Link(with(l, f)));
    ui.label("Label");
    if let Some(key) = codebook_combo_ui(
        ui,
        "label",
        &project.codebook,
        CodebookList::LinkTypes,
        &l.label,
    ) {
        actions.push(UiAction::edit(
            "Change link label",
            edit(&|x| x.label.clone_from(&key)),
        ));
    }
    ui.end_row();
    for (which, current) in [("From", l.from), ("To", l.to)] {
        ui.label(which);
        let others: Vec<Id> = doc.annotation_ids().filter(|&o| o != l.id).collect();
        let shown = describe(project, doc, current);
        let picked = annotation_picker_ui(ui, which, &shown, project, doc, &others, Some(current));
        if let Some(p) = picked.filter(|&p| p != current) {
            let e = edit(&|x| {
                if which == "From" {
                    x.from = p
                } else {
                    x.to = p
                }
            });
            actions.push(UiAction::edit("Change link endpoint", e));
        }
        ui.end_row();
    }
}
