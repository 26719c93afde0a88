//! Tools ▸ Agreement: the selection bar (analysts, layers, documents or dates, the
//! suggestions as an analyst), the figures computed on a worker thread, and the matrix of
//! figures per layer and attribute (rows) and analyst pair (columns). A click on a cell
//! opens the disagreement browser on what lowers that figure.

use super::agreement_browser::{self, BrowserState};
use crate::agreement::disagreements::{Filter, Measure};
use crate::agreement::report::{self, FigureRow};
use crate::agreement::{Disagreement, Layer, Report, SUGGESTIONS, Selection, disagreements};
use crate::model::curation::is_curated;
use crate::model::{Id, Project};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// What the window asked the app for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgreementAction {
    /// Compute the figures for the selection in the bar.
    Compute,
    /// Open the document at the n-th disagreement, its versions side by side.
    Open(usize),
    /// File ▸ Export ▸ Agreement report….
    Export,
}

/// Which documents the figures cover.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Documents {
    #[default]
    All,
    /// The document open in the window.
    Open,
    /// Documents dated within the range typed in the bar.
    Dates,
}

/// The selection bar as typed; [`SelectionBar::selection`] turns it into a
/// [`Selection`].
#[derive(Clone, Debug, Default)]
pub struct SelectionBar {
    /// Analysts whose default was flipped: every coder is in by default, the curated layer
    /// out.
    pub toggled: BTreeSet<String>,
    pub layers_out: BTreeSet<Layer>,
    pub documents: Documents,
    pub from: String,
    pub to: String,
    pub suggestions: bool,
}

impl SelectionBar {
    pub fn includes(&self, analyst: &str) -> bool {
        // In by default unless curated; a toggle flips the default.
        is_curated(analyst) == self.toggled.contains(analyst)
    }

    pub fn set_included(&mut self, analyst: &str, on: bool) {
        if self.includes(analyst) != on && !self.toggled.remove(analyst) {
            self.toggled.insert(analyst.to_owned());
        }
    }

    /// The selection the bar describes over the project's `analysts`, or why it describes
    /// none.
    pub fn selection(&self, analysts: &[String], open: Option<Id>) -> Result<Selection, String> {
        let date = |text: &str, what: &str| -> Result<Option<NaiveDate>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| format!("The {what} date “{text}” is not a date like 2024-05-31"))
        };
        let mut selection = Selection {
            analysts: analysts
                .iter()
                .filter(|a| self.includes(a))
                .cloned()
                .collect(),
            layers: Layer::ALL
                .into_iter()
                .filter(|l| !self.layers_out.contains(l))
                .collect(),
            suggestions: self.suggestions,
            ..Selection::default()
        };
        if selection.layers.is_empty() {
            return Err("Choose at least one layer".to_owned());
        }
        match self.documents {
            Documents::All => {}
            Documents::Open => match open {
                Some(id) => selection.documents = vec![id],
                None => return Err("No document is open".to_owned()),
            },
            Documents::Dates => {
                selection.from = date(&self.from, "first")?;
                selection.to = date(&self.to, "last")?;
            }
        }
        Ok(selection)
    }
}

/// One row of the matrix: a layer's measure under one coefficient, a figure per scope.
pub struct MatrixRow {
    pub layer: Layer,
    pub measure: String,
    pub coefficient: &'static str,
    /// A per-category α_U row.
    pub detail: bool,
    /// One figure per column (`None`: the scope has no such figure, e.g. κ over three).
    pub cells: Vec<Option<FigureRow>>,
}

/// The figures pivoted for the matrix: columns are the analyst pairs, then all together.
pub struct Matrix {
    pub columns: Vec<Vec<String>>,
    pub rows: Vec<MatrixRow>,
}

impl Matrix {
    pub fn of(report: &Report) -> Matrix {
        let columns: Vec<Vec<String>> = report
            .layers
            .first()
            .map(|l| l.scopes.iter().map(|s| s.analysts.clone()).collect())
            .unwrap_or_default();
        let mut rows: Vec<MatrixRow> = Vec::new();
        // Per-category rows can be many (one per actor): find rows by key, not by search.
        let mut index: HashMap<(Layer, String, &'static str), usize> = HashMap::new();
        for row in report::rows(report, false) {
            let Some(column) = columns.iter().position(|c| *c == row.analysts) else {
                continue;
            };
            let Some(layer) = Layer::from_key(row.layer) else {
                continue;
            };
            let key = (layer, row.measure.clone(), row.coefficient);
            let at = *index.entry(key).or_insert_with(|| {
                rows.push(MatrixRow {
                    layer,
                    measure: row.measure.clone(),
                    coefficient: row.coefficient,
                    detail: row.detail,
                    cells: vec![None; columns.len()],
                });
                rows.len() - 1
            });
            rows[at].cells[column] = Some(row);
        }
        // Headline rows first in each layer, then the per-category breakdown.
        rows.sort_by_key(|r| (r.layer, r.detail));
        Matrix { columns, rows }
    }
}

/// Figures as they arrived from the worker.
pub struct Computed {
    /// The project revision they were computed at.
    pub revision: u64,
    pub selection: Selection,
    pub report: Report,
    pub matrix: Matrix,
    pub disagreements: Vec<Disagreement>,
    pub took: Duration,
    /// Numbers each arrival, so the browser knows its list changed.
    pub serial: u64,
}

/// What the worker sends back: the figures, or why there are none.
type Outcome = Result<Computed, String>;

struct Job {
    receive: Receiver<Outcome>,
    started: Instant,
    documents: usize,
}

/// The window's state.
#[derive(Default)]
pub struct AgreementState {
    pub open: bool,
    pub bar: SelectionBar,
    /// Show the mean over documents instead of the pooled figure.
    pub mean: bool,
    /// Show α_U per category under each layer.
    pub categories: bool,
    computed: Option<Computed>,
    error: Option<String>,
    job: Option<Job>,
    serial: u64,
    /// The project's analysts at a revision: listing them reads every annotation, too
    /// much for every frame of a large project.
    analysts: Option<(u64, Vec<String>)>,
    pub browser: BrowserState,
}

/// The short name of a coefficient in the matrix, and its full name.
pub fn coefficient_names(coefficient: &str) -> (&'static str, &'static str) {
    match coefficient {
        report::ALPHA_U => ("α_U", "Krippendorff's α_U (1995/2004)"),
        report::ALPHA_NOMINAL => ("α nominal", "Krippendorff's α, nominal"),
        report::ALPHA_ORDINAL => ("α ordinal", "Krippendorff's α, ordinal"),
        report::COHEN_KAPPA => ("Cohen's κ", "Cohen's κ (1960)"),
        report::PERCENT => ("% agreement", "percent agreement"),
        _ => ("", ""),
    }
}

fn definition(coefficient: &str) -> &'static str {
    report::DEFINITIONS
        .iter()
        .find(|(name, _)| *name == coefficient)
        .map_or("", |(_, text)| *text)
}

/// A scope's column title: "alice + bob", or "all (3)" for every analyst together.
pub fn scope_title(analysts: &[String]) -> String {
    if analysts.len() == 2 {
        analysts.join(" + ")
    } else {
        format!("all ({})", analysts.len())
    }
}

impl AgreementState {
    /// The project's analysts (the curated layer included) at `revision`.
    pub fn analysts(&mut self, project: &Project, revision: u64) -> &[String] {
        if self.analysts.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.analysts = Some((revision, project.analysts()));
        }
        self.analysts.as_ref().map_or(&[], |(_, a)| a.as_slice())
    }

    pub fn computed(&self) -> Option<&Computed> {
        self.computed.as_ref()
    }

    pub fn computing(&self) -> bool {
        self.job.is_some()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Starts computing `selection` over a snapshot of the project on a worker thread
    /// (shared, not copied: the window's next edit copies it only if the worker still
    /// holds it); figures under way for an older selection are dropped.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        project: std::sync::Arc<Project>,
        selection: Selection,
        revision: u64,
    ) {
        let (send, receive) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        self.serial += 1;
        let serial = self.serial;
        let documents = project.documents.len();
        let spawned = std::thread::Builder::new()
            .name("agreement".into())
            .spawn(move || {
                let started = Instant::now();
                let outcome = compute(&project, selection, revision, serial, started);
                // The window may be gone, or want other figures by now: nobody to tell.
                let _ = send.send(outcome);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.error = None;
                self.job = Some(Job {
                    receive,
                    started: Instant::now(),
                    documents,
                });
            }
            Err(e) => self.error = Some(format!("Cannot start computing: {e}")),
        }
    }

    /// Computes `selection` on this thread and shows the figures, as if the worker had
    /// just sent them (benches and tests).
    pub fn compute_now(&mut self, project: &Project, selection: Selection, revision: u64) {
        self.serial += 1;
        match compute(project, selection, revision, self.serial, Instant::now()) {
            Ok(computed) => {
                self.error = None;
                self.computed = Some(computed);
            }
            Err(e) => {
                self.error = Some(e);
                self.computed = None;
            }
        }
    }

    /// Takes the figures when they have arrived; true when they just did.
    pub fn poll(&mut self) -> bool {
        let Some(job) = &self.job else {
            return false;
        };
        let outcome = match job.receive.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => Err("The computation stopped".to_owned()),
        };
        self.job = None;
        match outcome {
            Ok(computed) => {
                self.error = None;
                self.computed = Some(computed);
            }
            Err(e) => {
                self.error = Some(e);
                self.computed = None;
            }
        }
        true
    }

    /// Whether the figures were computed on an older project or another selection.
    pub fn stale(&self, revision: u64, selection: Option<&Selection>) -> Option<&'static str> {
        let computed = self.computed.as_ref()?;
        if computed.revision != revision {
            Some("The project changed since these figures were computed.")
        } else if selection.is_some_and(|s| *s != computed.selection) {
            Some("The selection changed since these figures were computed.")
        } else {
            None
        }
    }
}

fn compute(
    project: &Project,
    selection: Selection,
    revision: u64,
    serial: u64,
    started: Instant,
) -> Outcome {
    let report = crate::agreement::compute(project, &selection).map_err(|e| e.to_string())?;
    let disagreements = disagreements(project, &selection).map_err(|e| e.to_string())?;
    let matrix = Matrix::of(&report);
    Ok(Computed {
        revision,
        selection,
        report,
        matrix,
        disagreements,
        took: started.elapsed(),
        serial,
    })
}

/// The window: selection bar, state of the figures, matrix, and the browser once a cell
/// was clicked.
pub fn agreement_window(
    ctx: &egui::Context,
    state: &mut AgreementState,
    project: &Project,
    open_document: Option<Id>,
    revision: u64,
) -> Vec<AgreementAction> {
    let mut actions = Vec::new();
    if !state.open {
        return actions;
    }
    let screen = ctx.content_rect().size();
    let mut open = true;
    egui::Window::new("Agreement")
        .open(&mut open)
        .default_size([
            (screen.x - 80.0).clamp(320.0, 1100.0),
            (screen.y - 120.0).clamp(240.0, 760.0),
        ])
        .max_size(screen - egui::vec2(16.0, 48.0))
        .resizable(true)
        .constrain(true)
        .show(ctx, |ui| {
            window_ui(ui, state, project, open_document, revision, &mut actions);
        });
    if !open {
        state.open = false;
        state.browser.has_keys = false;
    }
    actions
}

fn window_ui(
    ui: &mut egui::Ui,
    state: &mut AgreementState,
    project: &Project,
    open_document: Option<Id>,
    revision: u64,
    actions: &mut Vec<AgreementAction>,
) {
    let analysts = state.analysts(project, revision).to_vec();
    let selection = state.bar.selection(&analysts, open_document);
    selection_bar_ui(ui, &mut state.bar, &analysts);
    ui.horizontal_wrapped(|ui| {
        let label = if state.computed.is_some() {
            "Recompute"
        } else {
            "Compute"
        };
        if ui
            .add_enabled(selection.is_ok(), egui::Button::new(label))
            .on_hover_text("Compute the figures for this selection (on a worker thread)")
            .clicked()
        {
            actions.push(AgreementAction::Compute);
        }
        if ui
            .add_enabled(selection.is_ok(), egui::Button::new("Export report…"))
            .on_hover_text(
                "File ▸ Export ▸ Agreement report…: the figures as a self-contained HTML page",
            )
            .clicked()
        {
            actions.push(AgreementAction::Export);
        }
        ui.separator();
        ui.selectable_value(&mut state.mean, false, "Pooled")
            .on_hover_text("Each figure pooled over the documents");
        ui.selectable_value(&mut state.mean, true, "Mean per document")
            .on_hover_text("The mean of the documents' figures (where each is defined)");
        ui.checkbox(&mut state.categories, "α_U per category");
        ui.separator();
        status_ui(ui, state, selection.as_ref().ok(), revision);
        if let Err(e) = &selection {
            ui.colored_label(ui.visuals().warn_fg_color, e.as_str());
        }
    });
    ui.separator();
    let Some(computed) = &state.computed else {
        if !state.computing() {
            ui.weak("Press Compute to measure how far the analysts agree.");
        }
        return;
    };
    // The matrix and the browser share the height once a cell was clicked.
    let height = ui.available_height();
    let matrix_height = if state.browser.open {
        (height * 0.45).max(120.0)
    } else {
        height
    };
    ui.allocate_ui(egui::vec2(ui.available_width(), matrix_height), |ui| {
        matrix_ui(
            ui,
            computed,
            state.mean,
            state.categories,
            &mut state.browser,
        );
    });
    if state.browser.open {
        ui.separator();
        if let Some(index) =
            agreement_browser::browser_ui(ui, &mut state.browser, project, computed)
        {
            actions.push(AgreementAction::Open(index));
        }
    }
}

fn status_ui(
    ui: &mut egui::Ui,
    state: &AgreementState,
    selection: Option<&Selection>,
    revision: u64,
) {
    if let Some(job) = &state.job {
        ui.spinner();
        ui.label(format!(
            "Computing over {} documents… {:.1} s",
            job.documents,
            job.started.elapsed().as_secs_f64()
        ));
        // The clock above moves while the worker runs.
        ui.ctx().request_repaint_after(Duration::from_millis(100));
        return;
    }
    if let Some(e) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, e.as_str());
        return;
    }
    let Some(computed) = &state.computed else {
        return;
    };
    match state.stale(revision, selection) {
        Some(why) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{why} Recompute to update."),
            );
        }
        None => {
            ui.weak(format!(
                "{} analysts · {} documents · {} disagreements · {:.0} ms",
                computed.report.analysts.len(),
                computed.report.documents.len(),
                computed.disagreements.len(),
                computed.took.as_secs_f64() * 1e3
            ));
        }
    }
}

fn selection_bar_ui(ui: &mut egui::Ui, bar: &mut SelectionBar, analysts: &[String]) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Analysts");
        for analyst in analysts {
            let mut on = bar.includes(analyst);
            if ui.checkbox(&mut on, analyst.as_str()).changed() {
                bar.set_included(analyst, on);
            }
        }
        ui.checkbox(&mut bar.suggestions, "the suggestions as an analyst")
            .on_hover_text(format!(
                "Count the rules' suggestions as one more analyst, “{SUGGESTIONS}”: how far \
                 each analyst follows them"
            ));
    });
    ui.horizontal_wrapped(|ui| {
        ui.strong("Layers");
        for layer in Layer::ALL {
            let mut on = !bar.layers_out.contains(&layer);
            if ui.checkbox(&mut on, layer.key()).changed() {
                if on {
                    bar.layers_out.remove(&layer);
                } else {
                    bar.layers_out.insert(layer);
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.strong("Documents");
        ui.radio_value(&mut bar.documents, Documents::All, "all");
        ui.radio_value(&mut bar.documents, Documents::Open, "the open one");
        ui.radio_value(&mut bar.documents, Documents::Dates, "dated from");
        let dates = bar.documents == Documents::Dates;
        ui.add_enabled(
            dates,
            egui::TextEdit::singleline(&mut bar.from)
                .hint_text("YYYY-MM-DD")
                .desired_width(90.0),
        )
        .accessible_name("First date");
        ui.label("to");
        ui.add_enabled(
            dates,
            egui::TextEdit::singleline(&mut bar.to)
                .hint_text("YYYY-MM-DD")
                .desired_width(90.0),
        )
        .accessible_name("Last date");
    });
}

/// The matrix: one row per layer, measure and coefficient; a column per analyst pair and
/// one for all analysts. A click on a cell opens the browser on its disagreements.
fn matrix_ui(
    ui: &mut egui::Ui,
    computed: &Computed,
    mean: bool,
    categories: bool,
    browser: &mut BrowserState,
) {
    let matrix = &computed.matrix;
    let rows: Vec<&MatrixRow> = matrix
        .rows
        .iter()
        .filter(|r| categories || !r.detail)
        .collect();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::horizontal()
        .id_salt("agreement-matrix-h")
        .show(ui, |ui| {
            let mut table = egui_extras::TableBuilder::new(ui)
                .id_salt("agreement-matrix")
                .striped(true)
                .auto_shrink([false, false])
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(egui_extras::Column::auto().at_least(90.0))
                .column(egui_extras::Column::auto().at_least(120.0).clip(true))
                .column(egui_extras::Column::auto().at_least(80.0));
            for _ in &matrix.columns {
                table = table.column(egui_extras::Column::auto().at_least(90.0));
            }
            table
                .header(row_height, |mut header| {
                    header.col(|ui| {
                        ui.strong("Layer");
                    });
                    header.col(|ui| {
                        ui.strong("Measure");
                    });
                    header.col(|ui| {
                        ui.strong("Coefficient");
                    });
                    for column in &matrix.columns {
                        header.col(|ui| {
                            ui.strong(scope_title(column))
                                .on_hover_text(column.join(" + "));
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        let r = rows[row.index()];
                        let first = row.index() == 0 || rows[row.index() - 1].layer != r.layer;
                        row.col(|ui| {
                            if first {
                                ui.strong(r.layer.key());
                            }
                        });
                        row.col(|ui| {
                            let text = if r.detail {
                                egui::RichText::new(&r.measure).weak()
                            } else {
                                egui::RichText::new(&r.measure)
                            };
                            ui.add(egui::Label::new(text).truncate());
                        });
                        let (short, long) = coefficient_names(r.coefficient);
                        row.col(|ui| {
                            ui.label(short)
                                .on_hover_text(format!("{long}: {}", definition(r.coefficient)));
                        });
                        for (column, cell) in matrix.columns.iter().zip(&r.cells) {
                            row.col(|ui| {
                                let Some(figure) = cell else {
                                    return;
                                };
                                if cell_ui(ui, r, figure, mean, long).clicked() {
                                    browser.show(
                                        Filter {
                                            layer: Some(r.layer),
                                            measure: Some(Measure::of_row(&r.measure)),
                                            pair: (column.len() == 2)
                                                .then(|| (column[0].clone(), column[1].clone())),
                                            document: None,
                                        },
                                        format!(
                                            "{} · {} · {}",
                                            r.layer.key(),
                                            r.measure,
                                            scope_title(column)
                                        ),
                                    );
                                }
                            });
                        }
                    });
                });
        });
}

/// One figure: pooled or the mean over documents; the tooltip names the coefficient and
/// the coverage.
fn cell_ui(
    ui: &mut egui::Ui,
    r: &MatrixRow,
    figure: &FigureRow,
    mean: bool,
    long: &str,
) -> egui::Response {
    let value = if mean {
        figure.mean_over_documents
    } else {
        figure.value
    };
    let text = report::figure(value);
    let counts = |map: &std::collections::BTreeMap<String, usize>| {
        map.iter()
            .map(|(who, n)| format!("{who} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut tip = format!(
        "{long}\n{} · {} · {}\npooled {} · mean over {} documents {}\n{} units compared",
        r.layer.key(),
        r.measure,
        figure.analysts.join(" + "),
        report::figure(figure.value),
        figure.documents,
        report::figure(figure.mean_over_documents),
        figure.matched
    );
    if !figure.units.is_empty() {
        tip.push_str(&format!("\ncoded: {}", counts(&figure.units)));
        tip.push_str(&format!("\nunmatched: {}", counts(&figure.unmatched)));
    }
    tip.push_str("\nClick: the disagreements behind this figure");
    ui.add(egui::Button::new(text.as_str()).frame(false))
        .on_hover_text(tip)
        .accessible_name(format!(
            "{} {} {} {}: {text}",
            r.layer.key(),
            r.measure,
            r.coefficient,
            figure.analysts.join(" + ")
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_leaves_the_curated_layer_out_unless_ticked() {
        let mut bar = SelectionBar::default();
        assert!(bar.includes("alice"));
        assert!(!bar.includes("curated"));
        bar.set_included("curated", true);
        bar.set_included("alice", false);
        assert!(bar.includes("curated"));
        assert!(!bar.includes("alice"));
        bar.set_included("alice", true);
        assert!(bar.toggled.len() == 1 && bar.includes("alice"));
    }

    #[test]
    fn dates_are_checked_before_computing() {
        let bar = SelectionBar {
            documents: Documents::Dates,
            from: "2024-13-01".into(),
            ..SelectionBar::default()
        };
        assert!(bar.selection(&[], None).is_err());
        let open = SelectionBar {
            documents: Documents::Open,
            ..SelectionBar::default()
        };
        assert_eq!(
            open.selection(&[], Some(Id(4))).map(|s| s.documents),
            Ok(vec![Id(4)])
        );
    }
}
