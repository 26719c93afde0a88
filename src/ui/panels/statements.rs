//! The statements table of the current document: one row per commitment, stance, or
//! statement coded as neither; sortable by column and filterable.

use super::{Selection, actor_name};
use crate::model::{CodebookList, Document, Id, Project, StanceTarget};
use crate::ui::action::UiAction;
use crate::ui::analysts::{LayerView, initials};
use crate::ui::type_ahead;
use crate::workspace::Workspace;
use egui_extras::{Column, TableBuilder};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowKind {
    Commitment,
    Stance,
    /// A statement with neither a commitment nor a stance.
    Other,
}

impl RowKind {
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Commitment => "commitment",
            RowKind::Stance => "stance",
            RowKind::Other => "other",
        }
    }
}

/// One row of the table, with everything it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The annotation the row selects (the commitment, stance or statement).
    pub id: Id,
    pub kind: RowKind,
    pub actor: Option<Id>,
    pub actor_name: String,
    /// Category of a commitment, topic or target actor of a stance.
    pub topic: String,
    /// Strength of a commitment, polarity of a stance (labels).
    pub polarity: String,
    /// The key behind `polarity`, for filtering.
    pub polarity_key: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Who coded it, when another analyst than the one coding (their layer is shown).
    pub other_analyst: Option<String>,
}

/// A column of the table the analyst can hide (the choice is kept in the settings).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum StatementColumn {
    Kind,
    Actor,
    Topic,
    Polarity,
    Text,
}

impl StatementColumn {
    pub const ALL: [StatementColumn; 5] = [
        StatementColumn::Kind,
        StatementColumn::Actor,
        StatementColumn::Topic,
        StatementColumn::Polarity,
        StatementColumn::Text,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatementColumn::Kind => "Kind",
            StatementColumn::Actor => "Actor",
            StatementColumn::Topic => "Topic",
            StatementColumn::Polarity => "Polarity",
            StatementColumn::Text => "Text",
        }
    }

    fn sort(self) -> SortColumn {
        match self {
            StatementColumn::Kind => SortColumn::Kind,
            StatementColumn::Actor => SortColumn::Actor,
            StatementColumn::Topic => SortColumn::Topic,
            StatementColumn::Polarity => SortColumn::Polarity,
            StatementColumn::Text => SortColumn::Text,
        }
    }

    /// Its width rule when it is not the last column shown (the last takes the rest):
    /// `width` when it had one before.
    fn column(self, width: Option<f32>) -> Column {
        if let Some(w) = width {
            return Column::initial(w)
                .at_least(self.min_width())
                .clip(self.clips());
        }
        match self {
            StatementColumn::Kind => Column::auto().at_least(70.0),
            StatementColumn::Actor | StatementColumn::Topic => {
                Column::auto().at_least(80.0).clip(true)
            }
            StatementColumn::Polarity => Column::auto().at_least(60.0),
            StatementColumn::Text => Column::remainder().clip(true),
        }
    }

    fn min_width(self) -> f32 {
        match self {
            StatementColumn::Kind => 70.0,
            StatementColumn::Actor | StatementColumn::Topic => 80.0,
            StatementColumn::Polarity => 60.0,
            StatementColumn::Text => 0.0,
        }
    }

    fn clips(self) -> bool {
        matches!(
            self,
            StatementColumn::Actor | StatementColumn::Topic | StatementColumn::Text
        )
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortColumn {
    /// Text order.
    #[default]
    Position,
    Kind,
    Actor,
    Topic,
    Polarity,
    Text,
}

/// What the table shows; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<RowKind>,
    pub actor: Option<Id>,
    /// Part of the topic/category label (case-insensitive).
    pub topic: String,
    /// A polarity or strength key.
    pub polarity: Option<String>,
    /// Part of the statement text (case-insensitive).
    pub text: String,
}

#[derive(Default)]
pub struct StatementsState {
    pub filter: Filter,
    pub sort: SortColumn,
    pub descending: bool,
    /// The rows shown, kept until the project, document, filter or order changes: a long
    /// article has thousands of rows and the table is drawn every frame.
    cache: Option<(CacheKey, std::sync::Arc<Vec<Row>>)>,
    /// Whose rows the table lists (the window sets it each frame); `None`: everyone's.
    pub layers: Option<LayerView>,
    /// Columns the analyst hid; the window keeps them in its settings.
    pub hidden: Vec<StatementColumn>,
    /// Each column's last width, so that hiding or showing another one keeps it (the
    /// table's own memory is by position and starts over when the columns change).
    pub widths: std::collections::HashMap<StatementColumn, f32>,
}

impl StatementsState {
    /// The columns shown, in table order.
    pub fn shown_columns(&self) -> Vec<StatementColumn> {
        StatementColumn::ALL
            .into_iter()
            .filter(|c| !self.hidden.contains(c))
            .collect()
    }
}

type CacheKey = (Id, u64, Filter, SortColumn, bool, Option<LayerView>);

/// The rows of a document's table, in text order.
pub fn rows(project: &Project, doc: &Document) -> Vec<Row> {
    rows_in(project, doc, None)
}

/// [`rows`] of the layers `layers` shows, marked with the analyst when not the current
/// one's (all, unmarked, when `None`).
pub fn rows_in(project: &Project, doc: &Document, layers: Option<&LayerView>) -> Vec<Row> {
    let cb = &project.codebook;
    let mut out = Vec::new();
    let shown = |who: &str| layers.is_none_or(|l| l.shows(who));
    let other = |who: &str| layers.filter(|l| !l.owns(who)).map(|_| who.to_owned());
    for s in &doc.statements {
        let base = |id, kind, actor: Option<Id>, who: &str| Row {
            id,
            kind,
            actor,
            actor_name: actor_name(project, actor),
            topic: String::new(),
            polarity: String::new(),
            polarity_key: String::new(),
            text: s.span.text(),
            start: s.span.start(),
            end: s.span.end(),
            other_analyst: other(who),
        };
        let mut coded = false;
        for c in doc.commitments_of(s.id) {
            if !shown(&c.stamp.annotator) {
                continue;
            }
            coded = true;
            let mut row = base(
                c.id,
                RowKind::Commitment,
                c.committer.or(s.speaker),
                &c.stamp.annotator,
            );
            row.topic = cb
                .label(CodebookList::CommitmentCategories, &c.category)
                .to_owned();
            row.polarity = cb.label(CodebookList::Strengths, &c.strength).to_owned();
            row.polarity_key.clone_from(&c.strength);
            out.push(row);
        }
        for st in doc.stances_of(s.id) {
            if !shown(&st.stamp.annotator) {
                continue;
            }
            coded = true;
            let mut row = base(
                st.id,
                RowKind::Stance,
                st.holder.or(s.speaker),
                &st.stamp.annotator,
            );
            row.topic = match &st.target {
                Some(StanceTarget::Topic(t)) => cb.label(CodebookList::Topics, t).to_owned(),
                Some(StanceTarget::Actor(a)) => actor_name(project, Some(*a)),
                None => String::new(),
            };
            row.polarity = cb.label(CodebookList::Polarities, &st.polarity).to_owned();
            row.polarity_key.clone_from(&st.polarity);
            out.push(row);
        }
        if !coded && shown(&s.stamp.annotator) {
            out.push(base(s.id, RowKind::Other, s.speaker, &s.stamp.annotator));
        }
    }
    out.sort_by_key(|r| (r.start, r.end, r.kind, r.id));
    out
}

impl Filter {
    pub fn accepts(&self, row: &Row) -> bool {
        let contains = |hay: &str, needle: &str| {
            needle.trim().is_empty() || hay.to_lowercase().contains(&needle.trim().to_lowercase())
        };
        self.kind.is_none_or(|k| k == row.kind)
            && self.actor.is_none_or(|a| row.actor == Some(a))
            && self
                .polarity
                .as_ref()
                .is_none_or(|p| *p == row.polarity_key)
            && contains(&row.topic, &self.topic)
            && contains(&row.text, &self.text)
    }
}

/// Filters and sorts rows as the table shows them.
pub fn visible_rows(
    mut rows: Vec<Row>,
    filter: &Filter,
    sort: SortColumn,
    descending: bool,
) -> Vec<Row> {
    rows.retain(|r| filter.accepts(r));
    let key = |r: &Row| -> String {
        match sort {
            SortColumn::Position => String::new(),
            SortColumn::Kind => r.kind.label().to_owned(),
            SortColumn::Actor => r.actor_name.to_lowercase(),
            SortColumn::Topic => r.topic.to_lowercase(),
            SortColumn::Polarity => r.polarity.to_lowercase(),
            SortColumn::Text => r.text.to_lowercase(),
        }
    };
    // Stable: ties keep text order.
    rows.sort_by_cached_key(key);
    if descending {
        rows.reverse();
    }
    rows
}

pub fn statements_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut StatementsState,
    sel: &Selection,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let project = ws.project();
    let Some(doc) = sel.document.and_then(|d| project.document(d)) else {
        ui.weak("No document open.");
        return actions;
    };
    filter_bar_ui(ui, project, state);
    let columns = state.shown_columns();
    // A sort on a hidden column would order the rows by something not shown.
    if !columns.iter().any(|c| c.sort() == state.sort) && state.sort != SortColumn::Position {
        state.sort = SortColumn::Position;
        state.descending = false;
    }
    let key: CacheKey = (
        doc.id,
        ws.revision(),
        state.filter.clone(),
        state.sort,
        state.descending,
        state.layers.clone(),
    );
    let shown = match &state.cache {
        Some((k, rows)) if *k == key => rows.clone(),
        _ => {
            let fresh = std::sync::Arc::new(visible_rows(
                rows_in(project, doc, state.layers.as_ref()),
                &state.filter,
                state.sort,
                state.descending,
            ));
            state.cache = Some((key, fresh.clone()));
            fresh
        }
    };
    let text_height = egui::TextStyle::Body.resolve(ui.style()).size + 6.0;
    let mut table = TableBuilder::new(ui)
        .id_salt(("statements table", columns.clone()))
        .striped(true)
        .sense(egui::Sense::click())
        .resizable(true)
        .auto_shrink([false, true]);
    for (i, c) in columns.iter().enumerate() {
        // The last column shown takes the width left, whichever it is.
        // It keeps a readable width: on a narrow panel the table scrolls sideways rather
        // than squeeze the statement's text to "…".
        table = table.column(if i + 1 == columns.len() {
            Column::remainder()
                .at_least(c.min_width().max(if *c == StatementColumn::Text {
                    160.0
                } else {
                    0.0
                }))
                .clip(true)
        } else {
            c.column(state.widths.get(c).copied())
        });
    }
    table
        .header(text_height, |mut header| {
            for (i, &column) in columns.iter().enumerate() {
                let (_, cell) = header.col(|ui| {
                    let sort = column.sort();
                    let arrow = match (state.sort == sort, state.descending) {
                        (true, false) => " ^",
                        (true, true) => " v",
                        _ => "",
                    };
                    let button = ui
                        .button(format!("{}{arrow}", column.label()))
                        .on_hover_text("Sort by this column; right-click to choose columns");
                    if button.clicked() {
                        if state.sort == sort {
                            state.descending = !state.descending;
                        } else {
                            state.sort = sort;
                            state.descending = false;
                        }
                    }
                    button.context_menu(|ui| columns_menu_ui(ui, &mut state.hidden));
                });
                // The last column's width is whatever is left: not its own.
                if i + 1 < columns.len() && cell.rect.width() > 1.0 {
                    state.widths.insert(column, cell.rect.width());
                }
            }
        })
        .body(|body| {
            body.rows(text_height, shown.len(), |mut row| {
                let r = &shown[row.index()];
                row.set_selected(sel.annotation == Some(r.id));
                for &column in &columns {
                    row.col(|ui| cell_ui(ui, r, column));
                }
                if row.response().clicked() {
                    actions.push(UiAction::SelectAnnotation(Some(r.id)));
                    actions.push(UiAction::Reveal {
                        start: r.start,
                        end: r.end,
                    });
                }
            });
        });
    actions
}

fn cell_ui(ui: &mut egui::Ui, r: &Row, column: StatementColumn) {
    // Right-to-left text in visual order; screen readers keep the logical text.
    let plain = |ui: &mut egui::Ui, text: &str| {
        ui.add(
            egui::Label::new(crate::ui::article::bidi::visual(text).as_ref())
                .selectable(false)
                .truncate(),
        )
        .accessible_name(text);
    };
    match column {
        StatementColumn::Kind => match &r.other_analyst {
            // Another analyst's row: their initials, and their name on hover.
            Some(who) => {
                let text = format!("{} · {}", r.kind.label(), initials(who));
                ui.add(
                    egui::Label::new(egui::RichText::new(text).weak())
                        .selectable(false)
                        .truncate(),
                )
                .on_hover_text(format!("Coded by {who} (read only)"));
            }
            None => plain(ui, r.kind.label()),
        },
        StatementColumn::Actor => plain(ui, &r.actor_name),
        StatementColumn::Topic => plain(ui, &r.topic),
        StatementColumn::Polarity => plain(ui, &r.polarity),
        StatementColumn::Text => plain(ui, &r.text),
    }
}

/// One checkbox per column; the last column shown cannot be hidden (an empty table could
/// not be clicked to bring the others back).
fn columns_menu_ui(ui: &mut egui::Ui, hidden: &mut Vec<StatementColumn>) {
    let shown = StatementColumn::ALL.len() - hidden.len();
    for c in StatementColumn::ALL {
        let mut on = !hidden.contains(&c);
        let enabled = !on || shown > 1;
        if ui
            .add_enabled(enabled, egui::Checkbox::new(&mut on, c.label()))
            .changed()
        {
            if on {
                hidden.retain(|h| *h != c);
            } else {
                hidden.push(c);
                hidden.sort();
            }
        }
    }
}

fn filter_bar_ui(ui: &mut egui::Ui, project: &Project, state: &mut StatementsState) {
    let f = &mut state.filter;
    ui.horizontal_wrapped(|ui| {
        let kinds: Vec<(Option<RowKind>, String)> = std::iter::once((None, "any kind".into()))
            .chain(
                [RowKind::Commitment, RowKind::Stance, RowKind::Other]
                    .map(|k| (Some(k), k.label().to_owned())),
            )
            .collect();
        type_ahead::combo_box(ui, "kind filter", "Kind filter", &mut f.kind, &kinds, None);
        if let Some(actor) = super::actor_combo_ui(ui, "actor filter", project, f.actor, true) {
            f.actor = actor;
        }
        let cb = &project.codebook;
        let mut polarities: Vec<(Option<String>, String)> = vec![(None, "any polarity".into())];
        for list in [CodebookList::Polarities, CodebookList::Strengths] {
            for e in cb.list(list) {
                polarities.push((Some(e.key.clone()), e.label.clone()));
            }
        }
        // A key no longer in the codebook still shows as itself.
        if let Some(k) = f.polarity.as_ref()
            && !polarities.iter().any(|(v, _)| v.as_ref() == Some(k))
        {
            polarities.push((Some(k.clone()), k.clone()));
        }
        type_ahead::combo_box(
            ui,
            "polarity filter",
            "Polarity filter",
            &mut f.polarity,
            &polarities,
            None,
        );
        ui.add(
            egui::TextEdit::singleline(&mut f.topic)
                .hint_text("topic")
                .desired_width(90.0),
        );
        ui.add(
            egui::TextEdit::singleline(&mut f.text)
                .hint_text("text")
                .desired_width(120.0),
        );
        if *f != Filter::default() && ui.small_button("clear").clicked() {
            *f = Filter::default();
        }
        ui.menu_button("Columns…", |ui| columns_menu_ui(ui, &mut state.hidden))
            .response
            .on_hover_text("Show or hide the table's columns");
    });
}
