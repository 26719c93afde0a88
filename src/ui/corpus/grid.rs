//! The Grid tab: the shown query's hits counted by rows × columns chosen from the engine's
//! fields or periods, as a heatmap with totals, row or column percentages, and a click on a
//! cell that narrows the query to the cell's hits.

use crate::query::grid::{Dim, Grid, Measure, grid};
use crate::query::{Chip, Field, Index, Period, Query};
use egui::{Color32, Sense};

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

/// Where the grid's columns are, in points from the grid's left edge.
struct Layout {
    /// The row headings' width.
    head_w: f32,
    /// Left edge of each column, then the totals column's left edge.
    xs: Vec<f32>,
    total_w: f32,
    row_h: f32,
    head_h: f32,
}

impl Layout {
    fn new(ui: &egui::Ui, g: &Grid, show: Show, measure: Measure) -> Layout {
        let row_h = egui::TextStyle::Body.resolve(ui.style()).size + 8.0;
        let cell_w: f32 = if measure == Measure::Count && show == Show::Values {
            56.0
        } else {
            68.0
        };
        let head_w = 170.0;
        let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
        // Estimated from the characters, not measured: a grid can have hundreds of
        // columns and is laid out every frame.
        let width_of = |word: &str| -> f32 {
            word.chars()
                .map(|c| if c.is_uppercase() { 0.72 } else { 0.56 } * font_size)
                .sum()
        };
        let mut xs = Vec::with_capacity(g.cols.len() + 1);
        let mut x = head_w;
        for col in &g.cols {
            xs.push(x);
            // Wide enough for the heading on two lines, and for its longest word on one
            // ("COOPERATE" is not broken into "COOPE / RATE").
            let longest = col
                .text
                .split_whitespace()
                .map(width_of)
                .fold(0.0, f32::max);
            let half = width_of(&col.text) / 2.0;
            x += cell_w.max((longest.max(half) + 14.0).min(140.0));
        }
        xs.push(x);
        Layout {
            head_w,
            xs,
            total_w: 64.0,
            row_h,
            head_h: row_h * 2.0,
        }
    }

    fn size(&self, rows: usize) -> egui::Vec2 {
        egui::vec2(
            self.xs.last().copied().unwrap_or(self.head_w) + self.total_w,
            self.head_h + (rows + 1) as f32 * self.row_h,
        )
    }

    /// The columns (and whether the totals column) in `left..right`, grid coordinates.
    fn cols_in(&self, left: f32, right: f32) -> (std::ops::Range<usize>, bool) {
        let n = self.xs.len() - 1;
        let first = self.xs[1..].partition_point(|end| *end <= left);
        let last = self.xs[..n].partition_point(|start| *start < right);
        (first..last.max(first), self.xs[n] < right)
    }

    /// The rows (the totals row is `rows`) in `top..bottom`, grid coordinates.
    fn rows_in(&self, top: f32, bottom: f32, rows: usize) -> std::ops::Range<usize> {
        let at = |y: f32| ((y - self.head_h) / self.row_h).max(0.0) as usize;
        at(top).min(rows + 1)..(at(bottom) + 1).min(rows + 1)
    }
}

/// A single-line text cut with "…" to `width`, or wrapped on up to `rows` lines.
fn galley(
    ui: &egui::Ui,
    text: &str,
    strong: bool,
    width: f32,
    rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let color = if strong {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let mut job = egui::text::LayoutJob::simple(
        text.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        color,
        width.max(1.0),
    );
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    ui.fonts_mut(|f| f.layout_job(job))
}

/// The grid, hand-painted: only the rows and columns in view are laid out, painted and made
/// clickable, so a dyad grid with hundreds of columns costs what one screen of cells costs.
/// The column headings stay at the top and the row headings at the left while scrolling.
fn table_ui(ui: &mut egui::Ui, g: &Grid, show: Show, measure: Measure) -> Option<Vec<Chip>> {
    let mut clicked = None;
    let max = g
        .values
        .iter()
        .flatten()
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let lay = Layout::new(ui, g, show, measure);
    let n_rows = g.rows.len();
    egui::ScrollArea::both()
        .id_salt("corpus grid scroll")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let (rect, _) = ui.allocate_exact_size(lay.size(n_rows), Sense::hover());
            let origin = rect.min;
            let at = |x: f32, y: f32| origin + egui::vec2(x, y);
            let visuals = ui.visuals().clone();
            let painter = ui.painter().clone();
            // The body: what is right of the row headings and below the column headings.
            let body = egui::Rect::from_min_max(
                at(viewport.min.x + lay.head_w, viewport.min.y + lay.head_h),
                at(viewport.max.x, viewport.max.y),
            );
            let (cols, total_col) = lay.cols_in(viewport.min.x + lay.head_w, viewport.max.x);
            let rows = lay.rows_in(viewport.min.y + lay.head_h, viewport.max.y, n_rows);
            let x_total = lay.xs[g.cols.len()];
            let row_y = |r: usize| lay.head_h + r as f32 * lay.row_h;
            let strong = |ui: &egui::Ui, text: &str, cell: egui::Rect| {
                let gal = galley(ui, text, true, cell.width() - 8.0, 1);
                painter.galley(
                    egui::Align2::CENTER_CENTER
                        .anchor_size(cell.center(), gal.size())
                        .min,
                    gal,
                    visuals.strong_text_color(),
                );
            };
            for r in rows.clone() {
                let y = row_y(r);
                if r == n_rows {
                    // The totals row.
                    for c in cols.clone() {
                        let cell = egui::Rect::from_min_max(
                            at(lay.xs[c], y),
                            at(lay.xs[c + 1], y + lay.row_h),
                        );
                        strong(
                            ui,
                            &crate::export::query_tables::number(g.col_totals[c]),
                            cell,
                        );
                    }
                    if total_col {
                        let cell = egui::Rect::from_min_size(
                            at(x_total, y),
                            egui::vec2(lay.total_w, lay.row_h),
                        );
                        strong(ui, &crate::export::query_tables::number(g.total), cell);
                    }
                    continue;
                }
                let heading = &g.rows[r];
                for c in cols.clone() {
                    let col = &g.cols[c];
                    let cell = egui::Rect::from_min_max(
                        at(lay.xs[c], y),
                        at(lay.xs[c + 1], y + lay.row_h),
                    );
                    let text = cell_text(g, r, c, show);
                    let label = format!("{} × {}: {text}", heading.text, col.text);
                    let id = ui.scope_id().with(("cell", r, c));
                    if cell_ui(
                        ui,
                        id,
                        cell,
                        body,
                        g.values[r][c],
                        max,
                        &text,
                        &label,
                        g.counts[r][c],
                    ) && let (Some(a), Some(b)) = (&heading.chip, &col.chip)
                    {
                        clicked = Some(vec![a.clone(), b.clone()]);
                    }
                }
                if total_col {
                    let cell = egui::Rect::from_min_size(
                        at(x_total, y),
                        egui::vec2(lay.total_w, lay.row_h),
                    );
                    strong(
                        ui,
                        &crate::export::query_tables::number(g.row_totals[r]),
                        cell,
                    );
                }
            }
            // The row headings, kept at the left edge over the cells scrolled under them.
            let left = viewport.min.x;
            painter.rect_filled(
                egui::Rect::from_min_max(
                    at(left, viewport.min.y),
                    at(left + lay.head_w, viewport.max.y),
                ),
                0.0,
                visuals.panel_fill,
            );
            for r in rows {
                let y = row_y(r);
                let cell =
                    egui::Rect::from_min_size(at(left, y), egui::vec2(lay.head_w, lay.row_h));
                let (text, bold) = match g.rows.get(r) {
                    Some(h) => (h.text.as_str(), false),
                    None => ("total", true),
                };
                let gal = galley(ui, text, bold, lay.head_w - 8.0, 1);
                let pos = egui::pos2(cell.left() + 4.0, cell.center().y - gal.size().y / 2.0);
                let elided = gal.elided;
                painter.galley(pos, gal, visuals.text_color());
                let visible = cell.intersect(body.with_min_x(at(left, 0.0).x));
                if elided && visible.height() > 0.0 {
                    ui.interact(
                        visible,
                        ui.scope_id().with(("row heading", r)),
                        Sense::hover(),
                    )
                    .on_hover_text(text);
                }
            }
            // The column headings, kept at the top.
            let top = viewport.min.y;
            painter.rect_filled(
                egui::Rect::from_min_max(
                    at(viewport.min.x, top),
                    at(viewport.max.x, top + lay.head_h),
                ),
                0.0,
                visuals.panel_fill,
            );
            let heading_rect =
                |x0: f32, x1: f32| egui::Rect::from_min_max(at(x0, top), at(x1, top + lay.head_h));
            for c in cols {
                let cell = heading_rect(lay.xs[c], lay.xs[c + 1]);
                let text = &g.cols[c].text;
                let gal = galley(ui, text, true, cell.width() - 8.0, 2);
                let pos = egui::pos2(cell.left() + 4.0, cell.center().y - gal.size().y / 2.0);
                let elided = gal.elided;
                painter.galley(pos, gal, visuals.strong_text_color());
                let visible = cell.intersect(body.with_min_y(cell.min.y));
                if elided && visible.width() > 0.0 {
                    ui.interact(
                        visible,
                        ui.scope_id().with(("col heading", c)),
                        Sense::hover(),
                    )
                    .on_hover_text(text);
                }
            }
            if total_col {
                strong(ui, "total", heading_rect(x_total, x_total + lay.total_w));
            }
            // The corner, over both.
            let corner = egui::Rect::from_min_size(
                at(viewport.min.x, top),
                egui::vec2(lay.head_w, lay.head_h),
            );
            painter.rect_filled(corner, 0.0, visuals.panel_fill);
            let gal = galley(ui, "rows \\ columns", false, lay.head_w - 8.0, 1);
            painter.galley(
                egui::pos2(corner.left() + 4.0, corner.center().y - gal.size().y / 2.0),
                gal,
                visuals.weak_text_color(),
            );
        });
    clicked
}

/// One heatmap cell drawn in `rect`, clickable where it shows inside `body`; true when
/// clicked.
#[allow(clippy::too_many_arguments)]
fn cell_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    rect: egui::Rect,
    body: egui::Rect,
    value: f64,
    max: f64,
    text: &str,
    label: &str,
    hits: usize,
) -> bool {
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
    let visible = rect.intersect(body);
    if visible.width() <= 0.0 || visible.height() <= 0.0 {
        return false;
    }
    let response = ui.interact(visible, id, Sense::click());
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
