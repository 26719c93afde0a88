//! The Time tab: the shown query's hits per week, month, quarter or year, as bars stacked
//! by a chosen field, with the hits in undated documents counted apart; or a holder's
//! stance line on a target, (favor − against) / (favor + against) per period, with the
//! periods where it flips marked. A click on a bar or point narrows the hit list to it.

use super::grid::labelled_combo;
use crate::query::time::{Series, StanceLine, series, stance_lines};
use crate::query::{Chip, Field, Index, Period, Query, Value};
use egui::Color32;
use egui_plot::{Bar, BarChart, Legend, Line, MarkerShape, Plot, PlotPoint, PlotTransform, Points};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Counts per period, stacked.
    #[default]
    Counts,
    /// A stance line per holder × target.
    Stance,
}

type Key = (u64, String, Period, Option<Field>);

pub struct TimeState {
    pub mode: Mode,
    pub period: Period,
    /// What the bars are stacked by (`None`: one bar per period).
    pub by: Option<Field>,
    /// The stance line shown (position in `lines`).
    pub line: usize,
    series: Option<(Key, Result<Series, String>)>,
    lines: Option<(Key, Result<Vec<StanceLine>, String>)>,
    /// How plot coordinates map to the screen, as last drawn (for tests that click a bar).
    transform: Option<PlotTransform>,
}

impl Default for TimeState {
    fn default() -> Self {
        TimeState {
            mode: Mode::Counts,
            period: Period::Month,
            by: Some(Field::Kind),
            line: 0,
            series: None,
            lines: None,
            transform: None,
        }
    }
}

/// Fields the bars can be stacked by.
pub fn stack_fields() -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(|f| crate::query::time::stackable(*f))
}

/// A qualitative palette (Tableau 10) that reads on light and dark backgrounds.
pub const PALETTE: [Color32; 10] = [
    Color32::from_rgb(78, 121, 167),
    Color32::from_rgb(242, 142, 43),
    Color32::from_rgb(225, 87, 89),
    Color32::from_rgb(118, 183, 178),
    Color32::from_rgb(89, 161, 79),
    Color32::from_rgb(237, 201, 72),
    Color32::from_rgb(176, 122, 161),
    Color32::from_rgb(255, 157, 167),
    Color32::from_rgb(156, 117, 95),
    Color32::from_rgb(186, 176, 172),
];

impl TimeState {
    pub fn series(&self) -> Option<&Series> {
        self.series.as_ref().and_then(|(_, s)| s.as_ref().ok())
    }

    pub fn lines(&self) -> Option<&[StanceLine]> {
        self.lines
            .as_ref()
            .and_then(|(_, l)| l.as_ref().ok())
            .map(|l| l.as_slice())
    }

    /// The stance line shown.
    pub fn shown_line(&self) -> Option<&StanceLine> {
        let lines = self.lines()?;
        lines.get(self.line.min(lines.len().saturating_sub(1)))
    }

    pub fn refresh(&mut self, index: &Index, revision: u64, query: &Query) {
        let text = query.to_string();
        match self.mode {
            Mode::Counts => {
                let key = (revision, text, self.period, self.by);
                if self.series.as_ref().is_none_or(|(k, _)| *k != key) {
                    let s = series(index, query, self.period, self.by).map_err(|e| e.0);
                    self.series = Some((key, s));
                }
            }
            Mode::Stance => {
                let key = (revision, text, self.period, None);
                if self.lines.as_ref().is_none_or(|(k, _)| *k != key) {
                    let l = stance_lines(index, query, self.period).map_err(|e| e.0);
                    let l = l.map(|mut lines| {
                        // The lines with the most evidence first.
                        lines.sort_by_key(|l| {
                            std::cmp::Reverse(
                                l.points
                                    .iter()
                                    .map(|p| p.favor + p.against + p.other)
                                    .sum::<usize>(),
                            )
                        });
                        lines
                    });
                    self.lines = Some((key, l));
                }
            }
        }
    }

    /// Where on the screen the middle of bar segment `key` of period `p` was drawn.
    pub fn bar_center(&self, p: usize, key: usize) -> Option<egui::Pos2> {
        let s = self.series()?;
        let below: usize = (0..key).map(|k| s.counts[k][p]).sum();
        let y = below as f64 + s.counts.get(key)?.get(p).copied()? as f64 / 2.0;
        Some(
            self.transform?
                .position_from_point(&PlotPoint::new(p as f64, y)),
        )
    }

    /// Where on the screen point `i` of the shown stance line was drawn.
    pub fn point_center(&self, i: usize) -> Option<egui::Pos2> {
        let line = self.shown_line()?;
        let first = line.points.first()?.ordinal;
        let p = line.points.get(i)?;
        let point = PlotPoint::new((p.ordinal - first) as f64, p.score.unwrap_or(0.0));
        Some(self.transform?.position_from_point(&point))
    }
}

/// The chips of bar segment `key` in period `p`: the period, and the key's value unless it
/// is "(none)" (which no chip selects).
pub fn bar_chips(s: &Series, by: Option<Field>, p: usize, key: usize) -> Vec<Chip> {
    let mut chips = vec![Chip::new(
        Field::Date,
        [Value::new(s.period.chip_text(s.ordinals[p]))],
    )];
    if let (Some(field), Some(text)) = (by, s.keys.get(key))
        && text != "(none)"
    {
        chips.push(Chip::new(field, [Value::new(text.clone())]));
    }
    chips
}

/// The chips of point `i` of a stance line: its period, holder and target.
pub fn point_chips(line: &StanceLine, period: Period, i: usize) -> Vec<Chip> {
    let p = &line.points[i];
    vec![
        Chip::new(Field::Date, [Value::new(period.chip_text(p.ordinal))]),
        Chip::new(Field::Holder, [Value::new(line.holder.clone())]),
        Chip::new(Field::Target, [Value::new(line.target.clone())]),
    ]
}

fn period_label(p: Period) -> &'static str {
    match p {
        Period::Week => "week",
        Period::Month => "month",
        Period::Quarter => "quarter",
        Period::Year => "year",
    }
}

/// The controls and the chart. Returns the chips of a clicked bar or point.
pub fn time_ui(
    ui: &mut egui::Ui,
    state: &mut TimeState,
    index: &Index,
    revision: u64,
    query: &Query,
) -> Option<Vec<Chip>> {
    controls_ui(ui, state);
    state.refresh(index, revision, query);
    match state.mode {
        Mode::Counts => counts_ui(ui, state),
        Mode::Stance => stance_ui(ui, state),
    }
}

fn controls_ui(ui: &mut egui::Ui, state: &mut TimeState) {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut state.mode, Mode::Counts, "Counts");
        ui.selectable_value(&mut state.mode, Mode::Stance, "Stance lines");
        ui.separator();
        labelled_combo(ui, "Period", period_label(state.period), |ui| {
            for p in [Period::Week, Period::Month, Period::Quarter, Period::Year] {
                ui.selectable_value(&mut state.period, p, period_label(p));
            }
        });
        match state.mode {
            Mode::Counts => {
                let selected = state.by.map_or("nothing", |f| f.name());
                labelled_combo(ui, "Stacked by", selected, |ui| {
                    ui.selectable_value(&mut state.by, None, "nothing");
                    for f in stack_fields() {
                        ui.selectable_value(&mut state.by, Some(f), f.name());
                    }
                });
            }
            Mode::Stance => {
                let names: Vec<String> = state
                    .lines()
                    .unwrap_or_default()
                    .iter()
                    .map(|l| format!("{} → {}", l.holder, l.target))
                    .collect();
                if !names.is_empty() {
                    let at = state.line.min(names.len() - 1);
                    labelled_combo(ui, "Holder → target", &names[at], |ui| {
                        for (i, name) in names.iter().enumerate() {
                            ui.selectable_value(&mut state.line, i, name);
                        }
                    });
                }
            }
        }
    });
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// The x axis shows the period labels at whole numbers.
fn x_label(labels: &[String], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels.get(i as usize).cloned().unwrap_or_default()
}

fn counts_ui(ui: &mut egui::Ui, state: &mut TimeState) -> Option<Vec<Chip>> {
    let s = match state.series.as_ref().map(|(_, s)| s) {
        Some(Ok(s)) => s.clone(),
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return None;
        }
        None => return None,
    };
    let undated = s.undated_total();
    ui.horizontal(|ui| {
        ui.label(format!("{} in undated documents", plural(undated, "hit")))
            .on_hover_text(
                "Documents without a date are in no period: they are counted here, \
                 never dropped (date:undated lists them)",
            );
        if undated > 0 && s.keys.len() > 1 {
            let parts: Vec<String> = s
                .keys
                .iter()
                .zip(&s.undated)
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            ui.weak(format!("({})", parts.join(", ")));
        }
    });
    if s.ordinals.is_empty() {
        ui.weak("No hit of the query is in a dated document.");
        return None;
    }
    let labels = s.labels.clone();
    // Solid segments with a thin edge in the background colour between them.
    let edge = ui.visuals().extreme_bg_color;
    let mut charts: Vec<BarChart> = Vec::new();
    for (k, key) in s.keys.iter().enumerate() {
        let bars: Vec<Bar> = s.counts[k]
            .iter()
            .enumerate()
            .map(|(p, n)| {
                Bar::new(p as f64, *n as f64)
                    .width(0.8)
                    .name(&labels[p])
                    .fill(PALETTE[k % PALETTE.len()])
                    .stroke(egui::Stroke::new(0.5, edge))
            })
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(key.clone(), bars)
            .color(PALETTE[k % PALETTE.len()])
            .stack_on(&refs);
        charts.push(chart);
    }
    let response = Plot::new("corpus time counts")
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .y_axis_label("hits")
        .x_axis_formatter(move |mark, _| x_label(&labels, mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
            (plot.response().clicked())
                .then(|| plot.pointer_coordinate())
                .flatten()
        });
    state.transform = Some(response.transform);
    let at = response.inner?;
    let p = at.x.round();
    if (at.x - p).abs() > 0.45 || p < 0.0 || p as usize >= s.ordinals.len() {
        return None;
    }
    let p = p as usize;
    // The segment under the pointer, bottom up.
    let mut below = 0.0;
    for k in 0..s.keys.len() {
        let n = s.counts[k][p] as f64;
        if n > 0.0 && at.y >= below && at.y < below + n {
            return Some(bar_chips(&s, state.by, p, k));
        }
        below += n;
    }
    None
}

fn stance_ui(ui: &mut egui::Ui, state: &mut TimeState) -> Option<Vec<Chip>> {
    let lines = match state.lines.as_ref().map(|(_, l)| l) {
        Some(Ok(l)) => l,
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
            return None;
        }
        None => return None,
    };
    if lines.is_empty() {
        ui.weak("No stance of the query has a holder and a target.");
        return None;
    }
    let line = lines[state.line.min(lines.len() - 1)].clone();
    let period = state.period;
    let (f, a, o) = line.undated;
    let flips = line.points.iter().filter(|p| p.flip).count();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} in undated documents ({f} favor, {a} against, {o} other)",
            plural(f + a + o, "stance")
        ));
        ui.separator();
        ui.label(format!("{} marked", plural(flips, "flip")));
    });
    let Some(first) = line.points.first().map(|p| p.ordinal) else {
        ui.weak("None of these stances is in a dated document.");
        return None;
    };
    let last = line.points.last().map_or(first, |p| p.ordinal);
    let labels: Vec<String> = (first..=last).map(|o| period.label(o)).collect();
    let scored: Vec<[f64; 2]> = line
        .points
        .iter()
        .filter_map(|p| p.score.map(|s| [(p.ordinal - first) as f64, s]))
        .collect();
    let flipped: Vec<[f64; 2]> = line
        .points
        .iter()
        .filter(|p| p.flip)
        .filter_map(|p| p.score.map(|s| [(p.ordinal - first) as f64, s]))
        .collect();
    let unscored: Vec<[f64; 2]> = line
        .points
        .iter()
        .filter(|p| p.score.is_none())
        .map(|p| [(p.ordinal - first) as f64, 0.0])
        .collect();
    let points = line.points.clone();
    let name = format!("{} → {}", line.holder, line.target);
    let flip_color = ui.visuals().error_fg_color;
    let response = Plot::new("corpus time stance")
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(-1.05)
        .include_y(1.05)
        .include_x(-0.5)
        .include_x((last - first) as f64 + 0.5)
        .y_axis_label("(favor − against) / (favor + against)")
        .x_axis_formatter(move |mark, _| x_label(&labels, mark.value))
        .label_formatter(move |hover| {
            let (egui_plot::HoverPosition::NearDataPoint { position, .. }
            | egui_plot::HoverPosition::Elsewhere { position }) = hover;
            let x = position.x.round() as i64 + first;
            points.iter().find(|p| p.ordinal == x).map(|p| {
                format!(
                    "{}: {} favor, {} against, {} other{}",
                    p.label,
                    p.favor,
                    p.against,
                    p.other,
                    if p.flip { " — flip" } else { "" }
                )
            })
        })
        .show(ui, |plot| {
            plot.hline(egui_plot::HLine::new("", 0.0).color(Color32::GRAY));
            plot.line(
                Line::new(name.clone(), scored.clone())
                    .color(PALETTE[0])
                    .width(2.0),
            );
            plot.points(
                Points::new("", scored)
                    .color(PALETTE[0])
                    .radius(4.0)
                    .shape(MarkerShape::Circle),
            );
            if !unscored.is_empty() {
                plot.points(
                    Points::new("neutral or mixed only", unscored)
                        .color(Color32::GRAY)
                        .radius(4.0)
                        .filled(false),
                );
            }
            if !flipped.is_empty() {
                plot.points(
                    Points::new("flip", flipped)
                        .color(flip_color)
                        .radius(8.0)
                        .shape(MarkerShape::Diamond)
                        .filled(false),
                );
            }
            (plot.response().clicked())
                .then(|| plot.pointer_coordinate())
                .flatten()
        });
    state.transform = Some(response.transform);
    let at = response.inner?;
    let o = at.x.round() as i64 + first;
    if (at.x - at.x.round()).abs() > 0.45 {
        return None;
    }
    let i = line.points.iter().position(|p| p.ordinal == o)?;
    Some(point_chips(&line, period, i))
}
