//! The disagreement browser, under the agreement matrix: every unit where the analysts
//! differ, filterable by layer, measure, analyst pair and document. ↑/↓ move, Enter (or a
//! double click) opens the document at the unit with the versions side by side.

use super::agreement::{Computed, scope_title};
use super::curation::value_text;
use crate::agreement::Layer;
use crate::agreement::disagreements::{Disagreement, Filter, Kind, Measure, excerpt};
use crate::model::{Id, Project};

/// The browser's state: its filter, the row in hand, and whether it has the keyboard.
#[derive(Default)]
pub struct BrowserState {
    pub open: bool,
    pub filter: Filter,
    /// What opened it, e.g. "commitments · strength · alice + bob".
    pub title: String,
    /// The row in hand, as a position in the filtered list.
    pub selected: Option<usize>,
    /// Indices into the computed list that pass the filter, for (filter, figures serial).
    shown: Vec<usize>,
    shown_for: Option<(Filter, u64)>,
    /// ↑/↓/Enter go to the browser: it was opened from the matrix or clicked last.
    pub has_keys: bool,
    /// Where the browser was drawn last frame: a press elsewhere takes the keys away.
    rect: Option<egui::Rect>,
    moves: isize,
    enter: bool,
    scroll: bool,
}

impl BrowserState {
    /// Opens the browser on `filter`, with the keyboard.
    pub fn show(&mut self, filter: Filter, title: String) {
        self.open = true;
        self.filter = filter;
        self.title = title;
        self.selected = Some(0);
        self.has_keys = true;
        self.scroll = true;
    }

    /// Positions in `computed.disagreements` that pass the filter, in list order.
    pub fn shown(&mut self, computed: &Computed) -> &[usize] {
        let fresh =
            matches!(&self.shown_for, Some((f, s)) if *f == self.filter && *s == computed.serial);
        if !fresh {
            self.shown = computed
                .disagreements
                .iter()
                .enumerate()
                .filter(|(_, d)| self.filter.matches(d))
                .map(|(i, _)| i)
                .collect();
            self.shown_for = Some((self.filter.clone(), computed.serial));
            if self.selected.is_some_and(|s| s >= self.shown.len()) {
                self.selected = (!self.shown.is_empty()).then_some(0);
            }
        }
        &self.shown
    }

    /// Takes ↑/↓/Page keys and Enter from this frame's input while the browser has the
    /// keyboard, before the article's commands see them. A press outside the browser gives
    /// the keyboard back to the article.
    pub fn take_keys(&mut self, ctx: &egui::Context) {
        let (moves, enter) =
            crate::ui::list_keys::take_list_keys(ctx, self.open, self.rect, 10, &mut self.has_keys);
        self.moves += moves;
        self.enter |= enter;
    }
}

/// The values the analysts gave, as one line: "alice: certain · bob: probable".
pub fn values_text(project: &Project, d: &Disagreement) -> String {
    d.sides
        .iter()
        .map(|side| {
            let value = match (&d.kind, &side.unit) {
                (_, None) => "—".to_owned(),
                (Kind::OnlySome, Some(_)) => "coded".to_owned(),
                (Kind::Extent, Some(u)) => u
                    .ranges
                    .iter()
                    .map(|(s, e)| format!("{s}–{e}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                (Kind::Attribute(_), Some(_)) => d
                    .value_of(&side.analyst)
                    .map_or_else(|| "—".to_owned(), |v| value_text(project, v)),
            };
            format!("{}: {value}", side.analyst)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn layer_name(layer: Option<Layer>) -> String {
    layer.map_or_else(|| "every layer".to_owned(), |l| l.key().to_owned())
}

fn measure_name(measure: &Option<Measure>) -> String {
    match measure {
        None => "every measure".to_owned(),
        Some(Measure::Span) => "spans".to_owned(),
        Some(Measure::Attribute(a)) => a.clone(),
    }
}

fn filter_bar_ui(
    ui: &mut egui::Ui,
    state: &mut BrowserState,
    project: &Project,
    computed: &Computed,
) {
    use super::type_ahead::combo_box;
    let filter = &mut state.filter;
    ui.horizontal_wrapped(|ui| {
        let layers: Vec<_> = std::iter::once(None)
            .chain(computed.report.layers.iter().map(|l| Some(l.layer)))
            .map(|l| (l, layer_name(l)))
            .collect();
        combo_box(
            ui,
            "disagreements-layer",
            "Layer filter",
            &mut filter.layer,
            &layers,
            None,
        );
        let mut measures: Vec<Measure> = computed
            .matrix
            .rows
            .iter()
            .filter(|r| !r.detail && filter.layer.is_none_or(|l| l == r.layer))
            .map(|r| Measure::of_row(&r.measure))
            .collect();
        measures.sort();
        measures.dedup();
        let measures: Vec<_> = std::iter::once(None)
            .chain(measures.into_iter().map(Some))
            .map(|m| {
                let name = measure_name(&m);
                (m, name)
            })
            .collect();
        combo_box(
            ui,
            "disagreements-measure",
            "Measure filter",
            &mut filter.measure,
            &measures,
            None,
        );
        let pairs: Vec<_> = std::iter::once((None, "any analysts".to_owned()))
            .chain(
                computed
                    .matrix
                    .columns
                    .iter()
                    .filter(|c| c.len() == 2)
                    .map(|c| (Some((c[0].clone(), c[1].clone())), scope_title(c))),
            )
            .collect();
        combo_box(
            ui,
            "disagreements-pair",
            "Analysts filter",
            &mut filter.pair,
            &pairs,
            None,
        );
        let title = |id: Option<Id>| match id.and_then(|id| project.document(id)) {
            None => "every document".to_owned(),
            Some(doc) => doc.meta.title.chars().take(40).collect(),
        };
        let documents: Vec<_> = std::iter::once(None)
            .chain(computed.report.documents.iter().map(|d| Some(Id(d.id))))
            .map(|id| (id, title(id)))
            .collect();
        combo_box(
            ui,
            "disagreements-document",
            "Document filter",
            &mut filter.document,
            &documents,
            Some(180.0),
        );
    });
}

/// The browser; returns the position in `computed.disagreements` to open, if asked.
pub fn browser_ui(
    ui: &mut egui::Ui,
    state: &mut BrowserState,
    project: &Project,
    computed: &Computed,
) -> Option<usize> {
    let top = ui.cursor().min;
    ui.horizontal(|ui| {
        ui.strong("Disagreements");
        if !state.title.is_empty() {
            ui.weak(format!("· {}", state.title));
        }
    });
    filter_bar_ui(ui, state, project, computed);
    let shown = state.shown(computed).to_vec();
    let mut open = None;
    if shown.is_empty() {
        state.selected = None;
        ui.weak("The analysts agree on everything here.");
    } else {
        let last = shown.len() - 1;
        if state.moves != 0 {
            let at = state.selected.map_or(0, |s| s as isize + state.moves);
            state.selected = Some(at.clamp(0, last as isize) as usize);
            state.moves = 0;
            state.scroll = true;
        }
        if std::mem::take(&mut state.enter) {
            open = state.selected.map(|s| shown[s.min(last)]);
        }
        ui.horizontal(|ui| {
            ui.weak(format!(
                "{} of {} · ↑/↓ move, Enter opens the document at the unit",
                shown.len(),
                computed.disagreements.len()
            ));
        });
        if let Some(at) = table_ui(ui, state, project, computed, &shown) {
            open = Some(at);
        }
    }
    state.enter = false;
    state.moves = 0;
    state.rect = Some(egui::Rect::from_min_max(top, ui.min_rect().max));
    open
}

/// One cell of text, cut to the column with an ellipsis; clicks go to the row.
fn text_cell(row: &mut egui_extras::TableRow<'_, '_>, text: String) {
    row.col(|ui| {
        ui.add(egui::Label::new(text).truncate().selectable(false));
    });
}

fn table_ui(
    ui: &mut egui::Ui,
    state: &mut BrowserState,
    project: &Project,
    computed: &Computed,
    shown: &[usize],
) -> Option<usize> {
    let mut open = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = egui_extras::TableBuilder::new(ui)
        .id_salt("disagreements")
        .striped(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            egui_extras::Column::initial(150.0)
                .at_least(60.0)
                .clip(true),
        )
        .column(egui_extras::Column::initial(90.0).at_least(50.0).clip(true))
        .column(
            egui_extras::Column::initial(130.0)
                .at_least(60.0)
                .clip(true),
        )
        .column(
            egui_extras::Column::initial(220.0)
                .at_least(80.0)
                .clip(true),
        )
        .column(egui_extras::Column::remainder().at_least(80.0).clip(true));
    if std::mem::take(&mut state.scroll)
        && let Some(s) = state.selected
    {
        table = table.scroll_to_row(s, None);
    }
    table
        .header(row_height, |mut header| {
            for title in [
                "Disagreements document",
                "Disagreements layer",
                "Disagreement",
                "Analysts' values",
                "Text",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, shown.len(), |mut row| {
                let at = row.index();
                let d = &computed.disagreements[shown[at]];
                row.set_selected(state.selected == Some(at));
                let doc = project.document(d.document);
                text_cell(
                    &mut row,
                    doc.map_or_else(|| d.document.to_string(), |doc| doc.meta.title.clone()),
                );
                text_cell(&mut row, d.layer.key().to_owned());
                text_cell(&mut row, d.kind.label());
                text_cell(&mut row, values_text(project, d));
                text_cell(
                    &mut row,
                    doc.map(|doc| excerpt(doc, d.start, d.end, 120))
                        .unwrap_or_default(),
                );
                let response = row.response();
                if response.clicked() {
                    state.selected = Some(at);
                    state.has_keys = true;
                }
                if response.double_clicked() {
                    open = Some(shown[at]);
                }
            });
        });
    open
}
