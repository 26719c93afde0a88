//! The documents list with 1,000 documents, headless (`egui::Context::run_ui`, no GPU).
//!
//! Measures (criterion) what the list costs: a steady frame (order cached, only the rows in
//! view drawn), a frame right after the filter text changed (the order recomputed: one
//! frame per keystroke), and the bare ordering and filtering of the 1,000 documents for
//! every order. `cargo bench --bench documents_panel`.

use criterion::Criterion;
use demarche::model::Project;
use demarche::ui::panels::Selection;
use demarche::ui::panels::documents::{
    self, DocumentFilter, DocumentOrder, DocumentsState, documents_ui,
};
use demarche::workspace::Workspace;
use egui::{Pos2, RawInput, Rect, Vec2};
use std::hint::black_box;

const DOCUMENTS: usize = 1_000;

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        ..Default::default()
    }
}

/// A 1,000-document project with languages and bylines set, as imports leave them.
fn project() -> Project {
    let mut project = demarche::synth::project(DOCUMENTS, 600, 5_000, 7);
    let languages = ["en", "fr", "zh-Hans", "es", "de"];
    for (i, doc) in project.documents.iter_mut().enumerate() {
        doc.meta.language = languages[i % languages.len()].to_owned();
        doc.meta.byline = format!("Correspondent {}", i % 37);
    }
    project
}

fn frame(ctx: &egui::Context, ws: &Workspace, state: &mut DocumentsState, sel: &Selection) {
    let _ = ctx.run_ui(raw_input(), |ui| {
        egui::Panel::left("documents").show(ui, |ui| {
            black_box(documents_ui(ui, ws, state, sel));
        });
    });
}

fn bench(c: &mut Criterion) {
    let ws = Workspace::new(project(), None);
    let sel = Selection {
        document: ws.project().documents.first().map(|d| d.id),
        annotation: None,
    };
    let ctx = egui::Context::default();
    let mut state = DocumentsState::default();
    state.order = DocumentOrder::Title;
    frame(&ctx, &ws, &mut state, &sel);

    c.bench_function("documents list: steady frame, 1,000 documents", |b| {
        b.iter(|| frame(&ctx, &ws, &mut state, &sel))
    });

    let mut flip = false;
    c.bench_function(
        "documents list: frame after a filter keystroke, 1,000 documents",
        |b| {
            b.iter(|| {
                flip = !flip;
                state.filter.text = if flip { "corr".into() } else { "corre".into() };
                frame(&ctx, &ws, &mut state, &sel)
            })
        },
    );

    let docs = &ws.project().documents;
    for order in DocumentOrder::ALL {
        c.bench_function(
            &format!("arrange 1,000 documents by {}", order.label()),
            |b| b.iter(|| documents::arrange(docs, order, false, &DocumentFilter::default())),
        );
    }
    let filter = DocumentFilter {
        text: "élysée".into(),
        ..DocumentFilter::default()
    };
    c.bench_function("filter 1,000 documents by text", |b| {
        b.iter(|| documents::arrange(docs, DocumentOrder::Added, false, &filter))
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
