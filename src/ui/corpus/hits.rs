//! The hit list: one row per hit, virtualised (only the rows in view are described), with
//! the statement in context and its span highlighted.

use crate::model::Project;
use crate::query::describe::{HitRow, describe};
use crate::query::{Field, Index};
use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};
use egui_extras::{Column, TableBuilder};

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
    } = shown;
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
                let Some(hit) = describe(project, index, &hits[at..=at]).pop() else {
                    return;
                };
                row.set_selected(selected == Some(at) || marked.contains(&hits[at]));
                for text in [
                    hit.date.as_str(),
                    hit.source.as_str(),
                    hit.title.as_str(),
                    hit.kind.as_str(),
                    hit.speaker.as_str(),
                ] {
                    cell(&mut row, text);
                }
                cell(&mut row, &who_to_whom(&hit));
                cell(&mut row, &hit.category);
                let firmness = [hit.strength.as_str(), hit.polarity.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                cell(&mut row, &firmness);
                row.col(|ui| {
                    let job = kwic_job(ui, &hit);
                    ui.add(egui::Label::new(job).selectable(false).truncate());
                });
                let response = row.response();
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
fn kwic_job(ui: &egui::Ui, hit: &HitRow) -> LayoutJob {
    let font = FontId::proportional(egui::TextStyle::Body.resolve(ui.style()).size);
    let weak = ui.visuals().weak_text_color();
    let strong = ui.visuals().strong_text_color();
    let mark = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
    let left: String = {
        let n = hit.left.chars().count();
        hit.left
            .chars()
            .skip(n.saturating_sub(LEFT_CHARS))
            .collect()
    };
    let mut job = LayoutJob::default();
    let plain = |color: Color32| TextFormat::simple(font.clone(), color);
    job.append(&left, 0.0, plain(weak));
    job.append(
        &hit.text,
        0.0,
        TextFormat {
            background: mark,
            ..plain(strong)
        },
    );
    job.append(&hit.right, 0.0, plain(weak));
    job
}
