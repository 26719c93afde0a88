//! The hit list: one row per hit, virtualised (only the rows in view are described), with
//! the statement in context and its span highlighted.

use crate::model::Project;
use crate::query::Index;
use crate::query::describe::{HitRow, describe};
use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};
use egui_extras::{Column, TableBuilder};

/// Context shown left of the span: the column is narrow, the span must stay in view.
const LEFT_CHARS: usize = 40;

pub enum HitEvent {
    Select(usize),
    Open(usize),
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

pub fn hits_ui(
    ui: &mut egui::Ui,
    project: &Project,
    index: &Index,
    hits: &[u32],
    selected: Option<usize>,
    scroll_to: Option<usize>,
) -> HitsOut {
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
            for label in HEADERS {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(height, hits.len(), |mut row| {
                let at = row.index();
                let Some(hit) = describe(project, index, &hits[at..=at]).pop() else {
                    return;
                };
                row.set_selected(selected == Some(at));
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
                if response.double_clicked() {
                    event = Some(HitEvent::Open(at));
                } else if response.clicked() {
                    event = Some(HitEvent::Select(at));
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
