//! View ▸ Corpus: one query line over every document and analyst's layer, the hit count,
//! the query's facets beside the tabs, and three tabs that the one query drives: the hits
//! as a virtualised table (`hits`), rows × columns grids (`grid`) and time charts (`time`),
//! each exported from the window (`export`). The project is flattened into a
//! `query::Index` once per revision, not per keystroke; a query that does not parse or
//! evaluate shows why and keeps the last good hits.

pub mod export;
mod facets;
pub mod grid;
mod hits;
pub mod recode;
pub mod time;

use crate::model::{Id, Project};
use crate::query::facets::{Faceted, facets};
use crate::query::{Chip, Field, Index, Query, Value};

/// Projects from this many annotations up are indexed off the window's thread (about
/// 20 ms of indexing on the window's thread at most; 100,000 annotations take 0.1–0.2 s).
pub const INDEX_ON_WORKER_FROM: usize = 20_000;

/// What the corpus view asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusAction {
    /// Open `document` with `annotation` selected and its span (code points) in view.
    Open {
        document: Id,
        annotation: Id,
        start: usize,
        end: usize,
        /// Whose layer the annotation is in (shown if it was hidden).
        analyst: String,
    },
    /// Set `field` to `value` on the marked hits, as one edit.
    Recode {
        hits: Vec<crate::query::Hit>,
        field: recode::RecodeField,
        value: String,
    },
    /// Keep the query line in the project under `name` (a saved query).
    SaveQuery { name: String, query: String },
    /// Ask where to write `export` (a file dialog), then call `CorpusState::export_to`.
    Export(export::Export),
}

/// The views the one query drives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Hits,
    Grid,
    Time,
}

/// Why the query line has no new hits: the text does not parse (with the position, in
/// characters) or names something the project lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub position: Option<usize>,
}

#[derive(Default)]
pub struct CorpusState {
    pub open: bool,
    /// The query line as typed.
    pub text: String,
    /// The text last parsed, so that an unchanged line is not parsed again.
    parsed_text: Option<String>,
    /// The last query that evaluated: its hits are the ones shown.
    good: Query,
    pub error: Option<QueryError>,
    index: Option<(u64, Index)>,
    /// A large project's index being built on a worker: for which revision, and where it
    /// arrives.
    building: Option<(u64, std::sync::mpsc::Receiver<Index>)>,
    /// Projects with at least this many annotations are indexed on a worker (`None`: the
    /// default, `INDEX_ON_WORKER_FROM`); smaller ones on the window's thread, in a few ms.
    pub index_on_worker_from: Option<usize>,
    result: Option<Faceted>,
    /// The selected hit (position in the hit list).
    pub selected: Option<usize>,
    /// The hit list has the keyboard (↑/↓/Enter) since a click in it or Enter in the query.
    has_keys: bool,
    moves: isize,
    enter: bool,
    scroll_to: Option<usize>,
    focus_query: bool,
    list_rect: Option<egui::Rect>,
    pub tab: Tab,
    pub grid: grid::GridState,
    pub time: time::TimeState,
    /// Exports waiting for their file, and PNGs waiting for their screenshot.
    pub exports: export::ExportState,
    /// Where the shown tab is drawn (what a PNG export crops the screenshot to).
    view_rect: Option<egui::Rect>,
    /// The hit list's order: a column and whether descending (`None`: date, document,
    /// offset — the engine's order).
    pub sort: Option<(hits::SortColumn, bool)>,
    /// The name typed in Presets ▸ Save query as.
    save_name: String,
    /// The order the shown hits are in (new results come in the engine's order).
    sorted: Option<(hits::SortColumn, bool)>,
    /// Hits marked for a bulk recode (Ctrl+click, Shift+click): index rows.
    pub marked: std::collections::BTreeSet<u32>,
    pub recode_field: recode::RecodeField,
    /// The codebook key the marked hits get.
    pub recode_value: String,
    /// The hit list's rows in view, described.
    rows: hits::RowCache,
}

impl CorpusState {
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.focus_query = self.open;
        self.has_keys = false;
    }

    /// How many annotations the shown query matches (none before the first frame).
    pub fn hit_count(&self) -> Option<usize> {
        self.result.as_ref().map(|r| r.hits.len())
    }

    /// The query whose hits are shown.
    pub fn shown_query(&self) -> &Query {
        &self.good
    }

    /// Brings the index up to `revision` and the hits up to the query line.
    pub fn refresh(&mut self, project: &Project, revision: u64) {
        let stale = self.index.as_ref().is_none_or(|(r, _)| *r != revision);
        let on_worker = self.building.as_ref().is_some_and(|(r, _)| *r == revision);
        // While a worker indexes this revision, the last index's hits stay in view.
        if stale && !on_worker {
            self.building = None;
            self.set_index(revision, Index::build(project));
        }
        let Some((_, index)) = &self.index else {
            return;
        };
        if self.parsed_text.as_deref() != Some(self.text.as_str()) {
            self.parsed_text = Some(self.text.clone());
            match Query::parse(&self.text) {
                Ok(query) => match facets(index, &query) {
                    Ok(result) => {
                        self.good = query;
                        self.result = Some(result);
                        self.sorted = None;
                        self.marked.clear();
                        self.error = None;
                        self.selected = None;
                    }
                    Err(e) => {
                        self.error = Some(QueryError {
                            message: e.0,
                            position: None,
                        })
                    }
                },
                Err(e) => {
                    self.error = Some(QueryError {
                        position: Some(e.position),
                        message: e.to_string(),
                    })
                }
            }
        }
        if self.result.is_none() {
            self.sorted = None;
            match facets(index, &self.good) {
                Ok(result) => self.result = Some(result),
                Err(e) => {
                    // The project changed under the query (an actor deleted): show all.
                    self.error = Some(QueryError {
                        message: e.0,
                        position: None,
                    });
                    self.good = Query::default();
                    self.result = facets(index, &self.good).ok();
                }
            }
            self.selected = None;
        }
        if let (Some(result), Some((_, index))) = (&mut self.result, &self.index)
            && self.sorted != self.sort
        {
            hits::sort(index, &mut result.hits, self.sort);
            self.sorted = self.sort;
        }
    }

    /// The query as the grid and time tabs narrow it (a cell, a bar): the chips are added
    /// to the shown query (so the hits are exactly the cell's), the hit list shows them.
    fn drill(&mut self, chips: Vec<Chip>) {
        let mut query = self.good.clone();
        for chip in chips {
            if !query.chips.contains(&chip) {
                query = query.and(chip);
            }
        }
        self.text = query.to_string();
        self.tab = Tab::Hits;
        self.focus_query = false;
    }

    fn set_index(&mut self, revision: u64, index: Index) {
        self.marked.clear();
        self.index = Some((revision, index));
        // Row positions belong to one index: the old hits mean nothing now.
        self.result = None;
    }

    /// Before the frame: a large project's index for `revision` is started on a worker
    /// (the window stays responsive on every edit), and a finished one taken.
    pub fn prepare(
        &mut self,
        ctx: &egui::Context,
        revision: u64,
        snapshot: impl FnOnce() -> std::sync::Arc<Project>,
    ) {
        if let Some((r, receive)) = &self.building
            && let Ok(index) = receive.try_recv()
        {
            let r = *r;
            self.building = None;
            self.set_index(r, index);
        }
        let stale = self.index.as_ref().is_none_or(|(r, _)| *r != revision);
        let on_worker = self.building.as_ref().is_some_and(|(r, _)| *r == revision);
        if !self.open || !stale || on_worker {
            return;
        }
        let project = snapshot();
        let annotations: usize = project.documents.iter().map(|d| d.annotation_count()).sum();
        let from = self.index_on_worker_from.unwrap_or(INDEX_ON_WORKER_FROM);
        if annotations < from {
            return;
        }
        let (send, receive) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("corpus index".into())
            .spawn(move || {
                // A newer revision may have replaced this job: nobody to tell then.
                let _ = send.send(Index::build(&project));
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.building = Some((revision, receive));
        }
        // Else `refresh` builds it on this thread.
    }

    /// Whether a worker is indexing the project.
    pub fn indexing(&self) -> bool {
        self.building.is_some()
    }

    /// Selects hit `at` and scrolls the list to it (as ↑/↓ do).
    pub fn show_hit(&mut self, at: usize) {
        self.selected = Some(at);
        self.scroll_to = Some(at);
    }

    /// The project as last flattened and the rows the shown query matches.
    pub fn index(&self) -> Option<&Index> {
        self.index.as_ref().map(|(_, i)| i)
    }

    pub fn hit_rows(&self) -> &[u32] {
        self.result.as_ref().map_or(&[], |r| &r.hits)
    }

    /// A facet value clicked: its field's chip becomes that value.
    fn narrow(&mut self, field: Field, value: &str) {
        let query = self
            .good
            .without(field)
            .and(Chip::new(field, [Value::new(value)]));
        self.text = query.to_string();
    }

    /// Takes ↑/↓/Enter for the hit list while it has the keyboard, before the article's
    /// commands see them.
    pub fn take_keys(&mut self, ctx: &egui::Context) {
        let (moves, enter) = crate::ui::list_keys::take_list_keys(
            ctx,
            self.open && self.tab == Tab::Hits,
            self.list_rect,
            20,
            &mut self.has_keys,
        );
        self.moves += moves;
        self.enter |= enter;
    }

    fn open_action(&self, at: usize) -> Option<CorpusAction> {
        let (_, index) = self.index.as_ref()?;
        let row_at = *self.result.as_ref()?.hits.get(at)?;
        let hit = index.hit(row_at);
        let row = &index.rows[row_at as usize];
        Some(CorpusAction::Open {
            document: hit.document,
            annotation: hit.annotation,
            start: row.start as usize,
            end: row.end as usize,
            analyst: hit.analyst,
        })
    }
}

/// The corpus view inside `ui` (a panel below the article): query line, count, hits and
/// facets. Returns what the app should do.
pub fn corpus_ui(
    ui: &mut egui::Ui,
    state: &mut CorpusState,
    project: &Project,
    revision: u64,
) -> Vec<CorpusAction> {
    let mut actions = Vec::new();
    query_line_ui(ui, state);
    state.refresh(project, revision);
    error_ui(ui, state);

    // Keys taken before the frame: move the selection, open the selected hit.
    let count = state.hit_count().unwrap_or(0);
    if state.moves != 0 && count > 0 {
        let at = state.selected.map_or(0, |s| s as i64 + state.moves as i64);
        let at = at.clamp(0, count as i64 - 1) as usize;
        state.selected = Some(at);
        state.scroll_to = Some(at);
    }
    state.moves = 0;
    if std::mem::take(&mut state.enter)
        && let Some(action) = state.selected.and_then(|at| state.open_action(at))
    {
        actions.push(action);
    }

    tabs_ui(ui, state, project, &mut actions);
    // The grid and time caches are keyed by the index's revision, which lags the
    // project's while a worker indexes it.
    let (Some((built, index)), Some(result)) = (&state.index, &state.result) else {
        return actions;
    };
    let built = *built;
    let mut clicked_facet = None;
    let mut hit_event = None;
    let mut drill = None;
    egui::Panel::right("corpus facets")
        .resizable(true)
        .default_size(220.0)
        .size_range(140.0..=400.0)
        .show(ui, |ui| {
            clicked_facet = facets::facets_ui(ui, result);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        state.view_rect = Some(ui.max_rect());
        state.list_rect = None;
        match state.tab {
            Tab::Hits => {
                if !state.marked.is_empty() {
                    let bar = RecodeBar {
                        marked: &mut state.marked,
                        field: &mut state.recode_field,
                        value: &mut state.recode_value,
                    };
                    actions.extend(recode_bar_ui(ui, bar, project, index));
                }
                let out = hits::hits_ui(
                    ui,
                    project,
                    index,
                    &result.hits,
                    hits::Shown {
                        selected: state.selected,
                        scroll_to: state.scroll_to.take(),
                        sorted: state.sort,
                        marked: &state.marked,
                        revision: built,
                        cache: &mut state.rows,
                    },
                );
                state.list_rect = Some(out.rect);
                hit_event = out.event;
            }
            Tab::Grid => {
                drill = grid::grid_ui(ui, &mut state.grid, index, built, &state.good);
            }
            Tab::Time => {
                drill = time::time_ui(ui, &mut state.time, index, built, &state.good);
            }
        }
    });
    state.exports.take_screenshot(ui.ctx(), state.view_rect);
    if let Some((field, value)) = clicked_facet {
        state.narrow(field, &value);
    }
    if let Some(chips) = drill {
        state.drill(chips);
    }
    match hit_event {
        Some(hits::HitEvent::Select(at)) => {
            state.selected = Some(at);
            state.has_keys = true;
            state.marked.clear();
        }
        Some(hits::HitEvent::Toggle(at)) => {
            if let Some(row) = state.hit_rows().get(at).copied()
                && !state.marked.remove(&row)
            {
                state.marked.insert(row);
            }
            state.selected = Some(at);
            state.has_keys = true;
        }
        Some(hits::HitEvent::Range(at)) => {
            let from = state.selected.unwrap_or(at);
            let rows: Vec<u32> = state.hit_rows()[from.min(at)..=from.max(at)].to_vec();
            state.marked.extend(rows);
            state.has_keys = true;
        }
        Some(hits::HitEvent::Sort(column)) => {
            // A click sorts by the column, a second click reverses, a third restores.
            state.sort = match state.sort {
                Some((c, false)) if c == column => Some((c, true)),
                Some((c, true)) if c == column => None,
                _ => Some((column, false)),
            };
            state.selected = None;
        }
        Some(hits::HitEvent::Open(at)) => {
            state.selected = Some(at);
            state.has_keys = true;
            actions.extend(state.open_action(at));
        }
        None => {}
    }
    actions
}

fn query_line_ui(ui: &mut egui::Ui, state: &mut CorpusState) {
    ui.horizontal(|ui| {
        ui.strong("Query");
        let count = match state.hit_count() {
            _ if state.indexing() && state.index.is_none() => "indexing…".to_owned(),
            Some(1) => "1 hit".to_owned(),
            Some(n) => format!("{n} hits"),
            None => String::new(),
        };
        let width = (ui.available_width() - 90.0).max(120.0);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.text)
                    .font(egui::TextStyle::Monospace)
                    .hint_text("kind:commitment committer:China~ strength:certain \"cooperation\"")
                    .desired_width(width),
            )
            .accessible_name("Corpus query");
        if std::mem::take(&mut state.focus_query) {
            field.request_focus();
        }
        // Enter in the query goes down to the hits: the first is selected, Enter opens it.
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            state.has_keys = true;
            if state.selected.is_none() {
                state.selected = Some(0);
                state.scroll_to = Some(0);
            }
        }
        ui.label(count).on_hover_text(
            "Every annotation of every analyst's layer that the query matches; \
             README \"Querying the corpus\" has the grammar",
        );
    });
}

/// The view's bulk-recode fields, borrowed apart from its index.
struct RecodeBar<'a> {
    marked: &'a mut std::collections::BTreeSet<u32>,
    field: &'a mut recode::RecodeField,
    value: &'a mut String,
}

/// "N marked · Set FIELD to VALUE · Apply · Unmark": the bulk recode of the marked hits.
fn recode_bar_ui(
    ui: &mut egui::Ui,
    bar: RecodeBar<'_>,
    project: &Project,
    index: &Index,
) -> Option<CorpusAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.strong(format!("{} marked", bar.marked.len()));
        ui.label("· Set");
        grid::labelled_combo(ui, "Recode field", bar.field.label(), |ui| {
            for f in recode::RecodeField::ALL {
                ui.selectable_value(bar.field, f, f.label());
            }
        });
        let values = bar.field.values(project);
        if !values.iter().any(|(k, _)| k == bar.value) {
            *bar.value = values.first().map(|v| v.0.clone()).unwrap_or_default();
        }
        let shown = values
            .iter()
            .find(|(k, _)| k == bar.value)
            .map_or(String::new(), |v| v.1.clone());
        grid::labelled_combo(ui, "to", &shown, |ui| {
            for (key, label) in &values {
                ui.selectable_value(bar.value, key.clone(), label);
            }
        });
        if ui
            .add_enabled(!bar.value.is_empty(), egui::Button::new("Apply"))
            .on_hover_text(
                "Set it on every marked hit of your own layer that has the field, \
                 as one step that one undo restores",
            )
            .clicked()
        {
            action = Some(CorpusAction::Recode {
                hits: bar.marked.iter().map(|r| index.hit(*r)).collect(),
                field: *bar.field,
                value: bar.value.clone(),
            });
        }
        if ui.button("Unmark").clicked() {
            bar.marked.clear();
        }
        ui.weak("Ctrl+click marks a hit, Shift+click a range");
    });
    action
}

/// Hits | Grid | Time, and the export menu of the shown tab.
fn tabs_ui(
    ui: &mut egui::Ui,
    state: &mut CorpusState,
    project: &Project,
    actions: &mut Vec<CorpusAction>,
) {
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Hits, "Hits"),
            (Tab::Grid, "Grid"),
            (Tab::Time, "Time"),
        ] {
            ui.selectable_value(&mut state.tab, tab, label);
        }
        ui.separator();
        if let Some(export) = export::menu_ui(ui, state.tab, state.time.mode) {
            actions.push(CorpusAction::Export(export));
        }
        presets_ui(ui, state, project, actions);
    });
}

/// Presets: the project's saved queries, the consistency checks, and saving the query line.
fn presets_ui(
    ui: &mut egui::Ui,
    state: &mut CorpusState,
    project: &Project,
    actions: &mut Vec<CorpusAction>,
) {
    // Stays open while the name of a query to save is typed.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new("Presets")
        .config(config)
        .ui(ui, |ui| {
            ui.label(egui::RichText::new("Saved queries").weak());
            if project.meta.saved_queries.is_empty() {
                ui.weak("none yet");
            }
            for saved in &project.meta.saved_queries {
                if ui.button(&saved.name).on_hover_text(&saved.query).clicked() {
                    state.text = saved.query.clone();
                    ui.close();
                }
            }
            ui.separator();
            ui.label(egui::RichText::new("Consistency checks").weak());
            for check in crate::query::checks::Check::ALL {
                if ui
                    .button(format!("check:{}", check.name()))
                    .on_hover_text(check.description())
                    .clicked()
                {
                    state.text = format!("check:{}", check.name());
                    ui.close();
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut state.save_name)
                        .hint_text("name")
                        .desired_width(120.0),
                )
                .accessible_name("Saved query name");
                let name = state.save_name.trim().to_owned();
                let can = !name.is_empty() && !name.starts_with('@') && state.error.is_none();
                if ui
                    .add_enabled(can, egui::Button::new("Save query"))
                    .on_hover_text("Keep the query line in the project under this name")
                    .clicked()
                {
                    actions.push(CorpusAction::SaveQuery {
                        name,
                        query: state.good.to_string(),
                    });
                    state.save_name.clear();
                    ui.close();
                }
            });
        });
}

fn error_ui(ui: &mut egui::Ui, state: &CorpusState) {
    let Some(error) = &state.error else {
        return;
    };
    let red = ui.visuals().error_fg_color;
    if let Some(position) = error.position {
        // The caret under the character where the query went wrong.
        let caret = format!("{}^", " ".repeat(position));
        ui.label(
            egui::RichText::new(format!("{}\n{caret}", state.text))
                .monospace()
                .color(red),
        );
    }
    ui.colored_label(
        red,
        format!("{} — showing the last query's hits", error.message),
    );
}
