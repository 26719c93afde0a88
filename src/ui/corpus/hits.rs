//! The hit list: one row per hit, virtualised (only the rows in view are described), with
//! the statement in context and its span highlighted. What a row shows is described once
//! and kept while the row stays in view ([`RowCache`]), so that a frame only describes
//! the rows that scrolled in.

use crate::model::Project;
use crate::query::describe::{HitRow, describe};
use crate::query::{Field, Index};
use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;
use std::sync::Arc;

/// Context shown left of the span: the column is narrow, the span must stay in view.
const LEFT_CHARS: usize = 40;

pub enum HitEvent {
    Select(usize),
    Open(usize),
    /// A column header clicked.
    Sort(SortColumn),
    /// Ctrl+click: the hit marked or unmarked for a bulk recode.
    Toggle(usize),
    /// Shift+click: the hits from the selected one to this one marked.
    Range(usize),
}

/// The columns the hit list sorts by (the context is not one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    Date,
    Source,
    Document,
    Kind,
    Speaker,
    Who,
    Category,
    Firmness,
}

const SORTABLE: [Option<SortColumn>; 9] = [
    Some(SortColumn::Date),
    Some(SortColumn::Source),
    Some(SortColumn::Document),
    Some(SortColumn::Kind),
    Some(SortColumn::Speaker),
    Some(SortColumn::Who),
    Some(SortColumn::Category),
    Some(SortColumn::Firmness),
    None,
];

/// Puts `hits` (row positions) in the order of `sort`; ties keep the engine's (date,
/// document, offset) order, which `None` restores. Empty values go last either way.
pub fn sort(index: &Index, hits: &mut [u32], sort: Option<(SortColumn, bool)>) {
    hits.sort_unstable();
    let Some((column, descending)) = sort else {
        return;
    };
    if column == SortColumn::Date {
        if descending {
            hits.reverse();
        }
        return;
    }
    let text = |at: u32| -> String {
        let row = &index.rows[at as usize];
        let value = |f: Field| {
            let v = index.single(row, f);
            if v == crate::query::index::NONE {
                String::new()
            } else {
                index.value_text(f, v).to_lowercase()
            }
        };
        let either = |a: Field, b: Field| {
            let first = value(a);
            if first.is_empty() { value(b) } else { first }
        };
        match column {
            SortColumn::Date => String::new(),
            SortColumn::Source => value(Field::Source),
            SortColumn::Document => index.docs[row.doc as usize].title.to_lowercase(),
            SortColumn::Kind => value(Field::Kind),
            SortColumn::Speaker => value(Field::Speaker),
            SortColumn::Who => either(Field::Committer, Field::Holder),
            SortColumn::Category => value(Field::Category),
            SortColumn::Firmness => either(Field::Strength, Field::Polarity),
        }
    };
    // Row positions are in the engine's order, so the position breaks ties.
    hits.sort_by_cached_key(|at| {
        let t = text(*at);
        (t.is_empty(), t, *at)
    });
    if descending {
        let empty = hits
            .iter()
            .position(|at| text(*at).is_empty())
            .unwrap_or(hits.len());
        hits[..empty].reverse();
    }
}

pub struct HitsOut {
    pub rect: egui::Rect,
    pub event: Option<HitEvent>,
}

/// Initial widths of the columns before the context, which takes the rest.
const WIDTHS: [f32; 8] = [78.0, 70.0, 130.0, 80.0, 90.0, 150.0, 80.0, 80.0];

const HEADERS: [&str; 9] = [
    "Date",
    "Source",
    "Document",
    "Kind",
    "Speaker",
    "Who → whom",
    "Category",
    "Strength / polarity",
    "In context",
];

/// How the list is shown this frame.
pub struct Shown<'a> {
    pub selected: Option<usize>,
    pub scroll_to: Option<usize>,
    pub sorted: Option<(SortColumn, bool)>,
    pub marked: &'a std::collections::BTreeSet<u32>,
    /// The revision `index` was built at: a row's description is valid for it.
    pub revision: u64,
    pub cache: &'a mut RowCache,
}

/// One row as shown: its cells' texts, the statement in context, and what a screen reader
/// says of it.
struct RowView {
    cells: [String; 8],
    kwic: Arc<LayoutJob>,
    /// "commitment China → Peru · CONSULT · «span»", after "Hit N: ".
    said: String,
}

/// The rows in view, described, by index row. A row's description depends only on the
/// index (its revision) and on the theme's colours and body size (the KWIC's format), so
/// neither the query nor the order invalidates it; rows that leave the view are dropped.
#[derive(Default)]
pub struct RowCache {
    key: Option<(u64, Look)>,
    rows: HashMap<u32, RowView>,
    /// The rows shown this frame (the others are dropped after it).
    shown: Vec<u32>,
}

/// The visuals a KWIC job is built with.
#[derive(Clone, Copy, PartialEq)]
struct Look {
    size: f32,
    weak: Color32,
    strong: Color32,
    mark: Color32,
}

impl Look {
    fn of(ui: &egui::Ui) -> Self {
        Self {
            size: egui::TextStyle::Body.resolve(ui.style()).size,
            weak: ui.visuals().weak_text_color(),
            strong: ui.visuals().strong_text_color(),
            mark: ui.visuals().selection.bg_fill.gamma_multiply(0.6),
        }
    }
}

impl RowCache {
    /// Starts a frame: everything goes if the index or the look changed.
    fn begin(&mut self, revision: u64, look: Look) {
        if self.key != Some((revision, look)) {
            self.key = Some((revision, look));
            self.rows.clear();
        }
        self.shown.clear();
    }

    /// The row of index row `at`, described if it is new to the view.
    fn row(&mut self, project: &Project, index: &Index, at: u32, look: Look) -> Option<&RowView> {
        self.shown.push(at);
        use std::collections::hash_map::Entry;
        match self.rows.entry(at) {
            Entry::Occupied(row) => Some(row.into_mut()),
            Entry::Vacant(slot) => {
                let hit = describe(project, index, &[at]).pop()?;
                Some(slot.insert(RowView::new(&hit, look)))
            }
        }
    }

    /// Ends a frame: rows no longer in view are dropped.
    fn end(&mut self) {
        if self.rows.len() > self.shown.len() {
            let shown: std::collections::HashSet<u32> = self.shown.iter().copied().collect();
            self.rows.retain(|at, _| shown.contains(at));
        }
    }
}

impl RowView {
    fn new(hit: &HitRow, look: Look) -> Self {
        let who = who_to_whom(hit);
        let firmness = [hit.strength.as_str(), hit.polarity.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let said = [hit.kind.as_str(), &who, &hit.category, &firmness]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let said = format!("{said} · «{}»", hit.text);
        Self {
            cells: [
                hit.date.clone(),
                hit.source.clone(),
                hit.title.clone(),
                hit.kind.clone(),
                hit.speaker.clone(),
                who,
                hit.category.clone(),
                firmness,
            ],
            kwic: Arc::new(kwic_job(look, hit)),
            said,
        }
    }
}

pub fn hits_ui(
    ui: &mut egui::Ui,
    project: &Project,
    index: &Index,
    hits: &[u32],
    shown: Shown<'_>,
) -> HitsOut {
    let Shown {
        selected,
        scroll_to,
        sorted,
        marked,
        revision,
        cache,
    } = shown;
    let look = Look::of(ui);
    cache.begin(revision, look);
    let rect = ui.available_rect_before_wrap();
    let mut event = None;
    let height = egui::TextStyle::Body.resolve(ui.style()).size + 6.0;
    // The columns shrink together on a narrow window so that the context stays in view.
    let fixed = WIDTHS.iter().sum::<f32>();
    let scale = ((ui.available_width() - 200.0) / fixed).clamp(0.5, 1.0);
    let mut table = TableBuilder::new(ui)
        .id_salt("corpus hits")
        .striped(true)
        .sense(egui::Sense::click())
        .resizable(true)
        .auto_shrink([false, false]);
    for (n, width) in WIDTHS.into_iter().enumerate() {
        // A cut date ("2025-0…") says nothing: the date column keeps its width.
        let width = if n == 0 { width } else { width * scale };
        table = table.column(Column::initial(width).at_least(30.0).clip(true));
    }
    table = table.column(Column::remainder().at_least(120.0).clip(true));
    if let Some(at) = scroll_to {
        table = table.scroll_to_row(at, Some(egui::Align::Center));
    }
    table
        .header(height, |mut header| {
            for (label, column) in HEADERS.into_iter().zip(SORTABLE) {
                header.col(|ui| {
                    let Some(column) = column else {
                        ui.strong(label);
                        return;
                    };
                    let mark = match sorted {
                        Some((c, false)) if c == column => " ⏶",
                        Some((c, true)) if c == column => " ⏷",
                        _ => "",
                    };
                    let response = ui
                        .add(
                            egui::Label::new(
                                egui::RichText::new(format!("{label}{mark}")).strong(),
                            )
                            .sense(egui::Sense::click())
                            .selectable(false),
                        )
                        .on_hover_text(
                            "Sort by this column; again for the reverse order, \
                             a third time for date order",
                        );
                    if response.clicked() {
                        event = Some(HitEvent::Sort(column));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(height, hits.len(), |mut row| {
                let at = row.index();
                let Some(view) = cache.row(project, index, hits[at], look) else {
                    return;
                };
                let selected = selected == Some(at) || marked.contains(&hits[at]);
                row.set_selected(selected);
                for text in &view.cells {
                    cell(&mut row, text);
                }
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(view.kwic.clone())
                            .selectable(false)
                            .truncate(),
                    );
                });
                let response = row.response();
                // The row's own name, so that a screen reader (and kittest) can point at it.
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::accesskit::Role::Row,
                        true,
                        selected,
                        format!("Hit {}: {}", at + 1, view.said),
                    )
                });
                let modifiers = response.ctx.input(|i| i.modifiers);
                if response.double_clicked() {
                    event = Some(HitEvent::Open(at));
                } else if response.clicked() {
                    event = Some(if modifiers.command {
                        HitEvent::Toggle(at)
                    } else if modifiers.shift {
                        HitEvent::Range(at)
                    } else {
                        HitEvent::Select(at)
                    });
                }
            });
        });
    cache.end();
    HitsOut { rect, event }
}

fn cell(row: &mut egui_extras::TableRow<'_, '_>, text: &str) {
    row.col(|ui| {
        ui.add(egui::Label::new(text).selectable(false).truncate());
    });
}

/// "committer → addressees" for commitments, "holder → target" for stances.
fn who_to_whom(hit: &HitRow) -> String {
    let (who, whom) = if !hit.holder.is_empty() || !hit.target.is_empty() {
        (&hit.holder, &hit.target)
    } else {
        (&hit.committer, &hit.addressees)
    };
    match (who.is_empty(), whom.is_empty()) {
        (true, true) => String::new(),
        (false, true) => who.clone(),
        _ => format!("{who} → {whom}"),
    }
}

/// The span in bold on the selection colour, its context around it in the weak colour.
fn kwic_job(look: Look, hit: &HitRow) -> LayoutJob {
    let font = FontId::proportional(look.size);
    let left: String = {
        let n = hit.left.chars().count();
        hit.left
            .chars()
            .skip(n.saturating_sub(LEFT_CHARS))
            .collect()
    };
    let mut job = LayoutJob::default();
    let plain = |color: Color32| TextFormat::simple(font.clone(), color);
    job.append(&left, 0.0, plain(look.weak));
    job.append(
        &hit.text,
        0.0,
        TextFormat {
            background: look.mark,
            ..plain(look.strong)
        },
    );
    job.append(&hit.right, 0.0, plain(look.weak));
    job
}
