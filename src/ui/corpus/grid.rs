//! The Grid tab: the shown query's hits counted by rows × columns chosen from the engine's
//! fields or periods, as a heatmap with totals, row or column percentages, and a click on a
//! cell that narrows the query to the cell's hits.

use crate::query::grid::{Dim, Grid, Measure, grid};
use crate::query::{Chip, Field, Index, Period, Query};
use egui::{Color32, Sense};
use egui_extras::{Column, TableBuilder};

/// What a cell shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    Values,
    RowPercent,
    ColPercent,
}

/// What the grid was computed from: recomputed only when one of them changes.
type Key = (u64, String, Dim, Dim, Measure);

pub struct GridState {
    pub rows: Dim,
    pub cols: Dim,
    pub measure: Measure,
    pub show: Show,
    computed: Option<(Key, Result<Grid, String>)>,
}

impl Default for GridState {
    fn default() -> Self {
        GridState {
            rows: Dim::Field(Field::Committer),
            cols: Dim::Field(Field::Category),
            measure: Measure::Count,
            show: Show::Values,
            computed: None,
        }
    }
}

impl GridState {
    /// The grid as last drawn (`None` before the tab was shown, or when it failed).
    pub fn current(&self) -> Option<&Grid> {
        self.computed.as_ref().and_then(|(_, g)| g.as_ref().ok())
    }

    /// Brings the grid up to the index and query.
    pub fn refresh(&mut self, index: &Index, revision: u64, query: &Query) {
        let key = (
            revision,
            query.to_string(),
            self.rows,
            self.cols,
            self.measure,
        );
        if self.computed.as_ref().is_none_or(|(k, _)| *k != key) {
            let g = grid(index, query, self.rows, self.cols, self.measure).map_err(|e| e.0);
            self.computed = Some((key, g));
        }
    }
}

/// Every dimension a grid takes, in the pickers' order.
fn dims() -> Vec<Dim> {
    Dim::names().into_iter().filter_map(Dim::parse).collect()
}

/// What the cells hold, as the Value picker and the SVG's title name it.
pub fn measure_label(m: Measure) -> &'static str {
    match m {
        Measure::Count => "count",
        Measure::Goldstein { weighted: false } => "Goldstein",
        Measure::Goldstein { weighted: true } => "Goldstein × strength",
    }
}

/// The controls and the grid. Returns the chips of a clicked cell.
pub fn grid_ui(
    ui: &mut egui::Ui,
    state: &mut GridState,
    index: &Index,
    revision: u64,
    query: &Query,
) -> Option<Vec<Chip>> {
    controls_ui(ui, state);
    state.refresh(index, revision, query);
    let (show, measure) = (state.show, state.measure);
    match state.computed.as_ref().map(|(_, g)| g) {
        Some(Ok(g)) if g.rows.is_empty() => {
            ui.weak("No hit of the query has these fields.");
            None
        }
        Some(Ok(g)) => table_ui(ui, g, show, measure),
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            None
        }
        None => None,
    }
}

fn controls_ui(ui: &mut egui::Ui, state: &mut GridState) {
    ui.horizontal_wrapped(|ui| {
        for (label, dim) in [("Rows", &mut state.rows), ("Columns", &mut state.cols)] {
            labelled_combo(ui, label, dim.name(), |ui| {
                for d in dims() {
                    ui.selectable_value(dim, d, d.name());
                }
            });
        }
        labelled_combo(ui, "Value", measure_label(state.measure), |ui| {
            for m in [
                Measure::Count,
                Measure::Goldstein { weighted: false },
                Measure::Goldstein { weighted: true },
            ] {
                ui.selectable_value(&mut state.measure, m, measure_label(m))
                    .on_hover_text(match m {
                        Measure::Count => "How many hits",
                        _ => {
                            "The sum of the Goldstein cooperation scores of the hits' \
                                 CAMEO codes (README: Querying the corpus)"
                        }
                    });
            }
        });
        ui.separator();
        ui.selectable_value(&mut state.show, Show::Values, "values");
        ui.selectable_value(&mut state.show, Show::RowPercent, "row %");
        ui.selectable_value(&mut state.show, Show::ColPercent, "column %");
        ui.separator();
        ui.label("Dyads:");
        if ui
            .button("committer × addressee")
            .on_hover_text("Who committed to whom")
            .clicked()
        {
            state.rows = Dim::Field(Field::Committer);
            state.cols = Dim::Field(Field::Addressee);
        }
        if ui
            .button("holder × target")
            .on_hover_text("Who stands where on whom or what")
            .clicked()
        {
            state.rows = Dim::Field(Field::Holder);
            state.cols = Dim::Field(Field::Target);
        }
        if ui
            .button("actor × month")
            .on_hover_text("Who appears when")
            .clicked()
        {
            state.rows = Dim::Field(Field::Actor);
            state.cols = Dim::Period(Period::Month);
        }
    });
}

/// "Label ▾combo", the combo box named by the label (for screen readers and tests).
pub fn labelled_combo(
    ui: &mut egui::Ui,
    label: &str,
    selected: &str,
    options: impl FnOnce(&mut egui::Ui),
) {
    let name = ui.label(label);
    egui::ComboBox::from_id_salt(("corpus combo", label))
        .selected_text(selected)
        .height(400.0)
        .show_ui(ui, options)
        .response
        .labelled_by(name.id);
}

/// A cell's text: the value, or its share of the row's or column's total.
pub fn cell_text(g: &Grid, r: usize, c: usize, show: Show) -> String {
    let percent = |p: Option<f64>| p.map_or("–".to_owned(), |p| format!("{p:.1}%"));
    match show {
        Show::Values => crate::export::query_tables::number(g.values[r][c]),
        Show::RowPercent => percent(g.row_percent(r, c)),
        Show::ColPercent => percent(g.col_percent(r, c)),
    }
}

/// The heatmap colour of `value` on a scale up to `max` (by magnitude): blue for positive
/// values, red for negative (Goldstein conflict), over the view's background; and a text
/// colour that reads on it.
fn heat(ui: &egui::Ui, value: f64, max: f64) -> (Color32, Color32) {
    let dark = ui.visuals().dark_mode;
    let base = ui.visuals().extreme_bg_color;
    let accent = match (value < 0.0, dark) {
        (false, false) => Color32::from_rgb(33, 102, 172),
        (false, true) => Color32::from_rgb(67, 147, 195),
        (true, false) => Color32::from_rgb(178, 24, 43),
        (true, true) => Color32::from_rgb(214, 96, 77),
    };
    let t = if max > 0.0 {
        (value.abs() / max).clamp(0.0, 1.0) as f32
    } else {
        0.0
    };
    // Even the smallest non-zero value is visibly tinted.
    let t = if value != 0.0 { 0.12 + 0.88 * t } else { 0.0 };
    let fill = lerp(base, accent, t);
    let luminance =
        (0.299 * fill.r() as f32 + 0.587 * fill.g() as f32 + 0.114 * fill.b() as f32) / 255.0;
    let text = if luminance > 0.55 {
        Color32::from_gray(20)
    } else {
        Color32::from_gray(240)
    };
    (fill, text)
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

/// The grid as a virtualised table: a heading column, a column per heading, the totals.
fn table_ui(ui: &mut egui::Ui, g: &Grid, show: Show, measure: Measure) -> Option<Vec<Chip>> {
    let mut clicked = None;
    let height = egui::TextStyle::Body.resolve(ui.style()).size + 8.0;
    let max = g
        .values
        .iter()
        .flatten()
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let cell_width: f32 = if measure == Measure::Count && show == Show::Values {
        56.0
    } else {
        68.0
    };
    egui::ScrollArea::horizontal()
        .id_salt("corpus grid scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("corpus grid")
                .striped(false)
                .resizable(true)
                .auto_shrink([false, false])
                .column(Column::initial(170.0).at_least(60.0).clip(true));
            for col in &g.cols {
                // Wide enough for the heading on two lines.
                let heading = (col.text.chars().count() as f32 * 3.8 + 12.0).min(140.0);
                table = table.column(
                    Column::initial(cell_width.max(heading))
                        .at_least(36.0)
                        .clip(true),
                );
            }
            table = table.column(Column::initial(64.0).at_least(40.0));
            table
                .header(height * 2.0, |mut header| {
                    header.col(|ui| {
                        ui.weak("rows \\ columns");
                    });
                    for col in &g.cols {
                        header.col(|ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&col.text).strong()).wrap(),
                            )
                            .on_hover_text(&col.text);
                        });
                    }
                    header.col(|ui| {
                        ui.strong("total");
                    });
                })
                .body(|body| {
                    body.rows(height, g.rows.len() + 1, |mut row| {
                        let r = row.index();
                        if r == g.rows.len() {
                            // The totals row.
                            row.col(|ui| {
                                ui.strong("total");
                            });
                            for c in 0..g.cols.len() {
                                row.col(|ui| {
                                    ui.strong(crate::export::query_tables::number(g.col_totals[c]));
                                });
                            }
                            row.col(|ui| {
                                ui.strong(crate::export::query_tables::number(g.total));
                            });
                            return;
                        }
                        let heading = &g.rows[r];
                        row.col(|ui| {
                            ui.add(egui::Label::new(&heading.text).truncate());
                        });
                        for (c, col) in g.cols.iter().enumerate() {
                            row.col(|ui| {
                                let text = cell_text(g, r, c, show);
                                let label = format!("{} × {}: {text}", heading.text, col.text);
                                if cell_ui(ui, g.values[r][c], max, &text, &label, g.counts[r][c])
                                    && let (Some(a), Some(b)) = (&heading.chip, &col.chip)
                                {
                                    clicked = Some(vec![a.clone(), b.clone()]);
                                }
                            });
                        }
                        row.col(|ui| {
                            ui.strong(crate::export::query_tables::number(g.row_totals[r]));
                        });
                    });
                });
        });
    clicked
}

/// One heatmap cell; true when clicked.
fn cell_ui(ui: &mut egui::Ui, value: f64, max: f64, text: &str, label: &str, hits: usize) -> bool {
    let rect = ui.max_rect();
    let response = ui.allocate_rect(rect, Sense::click());
    let (fill, color) = heat(ui, value, max);
    let painter = ui.painter();
    painter.rect_filled(rect.shrink(1.0), 2.0, fill);
    if hits > 0 {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            text,
            egui::TextStyle::Body.resolve(ui.style()),
            color,
        );
    }
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label.clone()));
    let response = if hits > 0 {
        response.on_hover_text(format!(
            "{label}\n{hits} hit{} — click to list them",
            if hits == 1 { "" } else { "s" }
        ))
    } else {
        response
    };
    hits > 0 && response.clicked()
}
