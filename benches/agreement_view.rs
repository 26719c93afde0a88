//! The agreement window on the 1,000-document benchmark project with three analysts'
//! layers (about 100,000 annotations each), headless (`egui::Context::run_ui`, no GPU).
//!
//! Issue 14: the view opens within one frame once the figures are computed (they are
//! computed off the UI thread). Measured: the first frame after the figures arrive (the
//! matrix is pivoted on the worker, so the frame only lays out the rows in view), a steady
//! frame, and a frame where the disagreement browser's filter changed (the list is
//! filtered again). After criterion's report a summary prints the medians beside a
//! display-rate frame (16.7 ms), and what the worker costs.
//!
//! `cargo bench --bench agreement_view`

use criterion::Criterion;
use demarche::agreement::disagreements::{Filter, Measure};
use demarche::agreement::{Layer, Selection, compute, disagreements};
use demarche::model::Project;
use demarche::synth;
use demarche::ui::agreement::{AgreementState, agreement_window};
use egui::{Pos2, RawInput, Rect, Vec2};
use std::hint::black_box;
use std::time::{Duration, Instant};

const FRAME: Duration = Duration::from_micros(16_667);

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, state: &mut AgreementState, project: &Project) {
    let _ = ctx.run_ui(raw_input(), |ui| {
        black_box(agreement_window(ui.ctx(), state, project, None, 1));
    });
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn main() {
    let base = synth::project(1000, 5000, 100_000, 2026);
    let project = synth::team::team_layers(base, &["ana", "ben", "cy"], 14);
    let everything = Selection {
        analysts: vec!["ana".into(), "ben".into(), "cy".into()],
        ..Selection::default()
    };

    let ctx = egui::Context::default();
    let mut state = AgreementState::default();
    state.open = true;
    // The first frame after the figures arrive, each time on figures just computed.
    let mut first_frames = Vec::new();
    for _ in 0..5 {
        state.compute_now(&project, everything.clone(), 1);
        first_frames.push(time(|| frame(&ctx, &mut state, &project)));
    }
    let listed = state.computed().map_or(0, |c| c.disagreements.len());

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    c.bench_function("agreement window: steady frame, matrix", |b| {
        b.iter(|| frame(&ctx, &mut state, &project))
    });
    state.browser.open = true;
    frame(&ctx, &mut state, &project);
    c.bench_function("agreement window: steady frame, matrix and browser", |b| {
        b.iter(|| frame(&ctx, &mut state, &project))
    });
    let strength = Filter {
        layer: Some(Layer::Commitments),
        measure: Some(Measure::Attribute("strength".into())),
        pair: Some(("ana".into(), "ben".into())),
        document: None,
    };
    let mut flip = false;
    c.bench_function(
        "agreement window: frame after the browser's filter changed",
        |b| {
            b.iter(|| {
                flip = !flip;
                state.browser.filter = if flip {
                    strength.clone()
                } else {
                    Filter::default()
                };
                frame(&ctx, &mut state, &project)
            })
        },
    );
    c.final_summary();

    let steady = median(
        (0..20)
            .map(|_| time(|| frame(&ctx, &mut state, &project)))
            .collect(),
    );
    let refilter = median(
        (0..20)
            .map(|i| {
                state.browser.filter = if i % 2 == 0 {
                    strength.clone()
                } else {
                    Filter::default()
                };
                time(|| frame(&ctx, &mut state, &project))
            })
            .collect(),
    );
    let figures = median(
        (0..3)
            .map(|_| time(|| drop(black_box(compute(&project, &everything)))))
            .collect(),
    );
    let list = median(
        (0..3)
            .map(|_| time(|| drop(black_box(disagreements(&project, &everything)))))
            .collect(),
    );
    // What pressing Compute costs the window's thread: a snapshot of the workspace's
    // project and a worker started (the figures themselves come later, off the thread).
    let ws = demarche::workspace::Workspace::new(project.clone(), None);
    let start = median(
        (0..3)
            .map(|_| {
                let mut pressed = AgreementState::default();
                time(|| pressed.start(&ctx, ws.snapshot(), everything.clone(), 2))
            })
            .collect(),
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "\nagreement window, {} documents, 3 analysts, {listed} disagreements listed:",
        project.documents.len()
    );
    let first = median(first_frames);
    println!(
        "  first frame after the figures arrive: median {:.2} ms ({:.2} of a {:.1} ms frame)",
        ms(first),
        first.as_secs_f64() / FRAME.as_secs_f64(),
        ms(FRAME)
    );
    println!(
        "  steady frame with the browser: {:.2} ms; after a filter change: {:.2} ms",
        ms(steady),
        ms(refilter)
    );
    println!(
        "  on the worker: figures {:.0} ms + disagreements {:.0} ms; starting it on the \
         window's thread {:.3} ms",
        ms(figures),
        ms(list),
        ms(start)
    );
}
