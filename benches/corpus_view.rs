//! View ▸ Corpus's frame cost, headless (`egui::Context::run_ui`, no GPU), on the
//! 1,000-document, 100,000-annotation benchmark project: the first frame (the project
//! flattened into the query index, the empty query and its facets); the hit list jumping
//! through all 100,000 hits (every frame new rows) and scrolled three rows a frame as a
//! wheel does (target, issue 17: the article view's frame times, median ≤ 1 ms); the Grid tab (committer × addressee, Goldstein weighted by strength) and the
//! Time tab (monthly, stacked by kind), each steady and while the query changes every frame
//! (typing: facets + grid or series recomputed, target ≤ 30 ms). Prints median and p95 of
//! each, then criterion measures one steady hit-list frame and one typing frame per tab.
//!
//! `cargo bench --bench corpus_view` (set `CORPUS_BENCH_QUICK=1` to skip criterion).

use criterion::Criterion;
use demarche::model::Project;
use demarche::query::grid::{Dim, Measure};
use demarche::query::{Field, Period};
use demarche::synth;
use demarche::ui::corpus::{CorpusState, Tab, corpus_ui};
use egui::{Pos2, RawInput, Rect, Vec2};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SCREEN: Vec2 = Vec2::new(1280.0, 800.0);
const REVISION: u64 = 1;
/// Two queries typed in turn: each frame evaluates a new one.
const TYPING: [&str; 2] = [
    "kind:commitment,stance -strength:uncommitted",
    "kind:commitment,stance -strength:uncommitted \"trade\"",
];

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        ..Default::default()
    }
}

/// One frame of the view (UI build and tessellation).
fn frame(ctx: &egui::Context, state: &mut CorpusState, project: &Project) -> Duration {
    let start = Instant::now();
    let mut output = ctx.run_ui(raw_input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            black_box(corpus_ui(ui, state, project, REVISION));
        });
    });
    output.textures_delta.clear();
    black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    start.elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(name: &str, mut frames: Vec<Duration>, target_ms: f64) {
    frames.sort();
    let at = |p: f64| frames[((frames.len() as f64 - 1.0) * p).round() as usize];
    let (median, p95) = (at(0.5), at(0.95));
    println!(
        "{name:>34}: {} frames · median {:.3} ms · p95 {:.3} ms · max {:.3} ms (target median ≤ {target_ms} ms: {})",
        frames.len(),
        ms(median),
        ms(p95),
        ms(frames.last().copied().unwrap_or_default()),
        ms(median) <= target_ms
    );
}

/// A view on `tab` with the dyad grid and the monthly series set up, warmed up.
fn view(ctx: &egui::Context, project: &Project, tab: Tab) -> CorpusState {
    let mut state = CorpusState::default();
    state.open = true;
    state.tab = tab;
    state.grid.rows = Dim::Field(Field::Committer);
    state.grid.cols = Dim::Field(Field::Addressee);
    state.grid.measure = Measure::Goldstein { weighted: true };
    state.time.period = Period::Month;
    state.time.by = Some(Field::Kind);
    for _ in 0..3 {
        frame(ctx, &mut state, project);
    }
    state
}

fn typing(
    ctx: &egui::Context,
    state: &mut CorpusState,
    project: &Project,
    n: usize,
) -> Vec<Duration> {
    (0..n)
        .map(|i| {
            state.text = TYPING[i % 2].to_owned();
            frame(ctx, state, project)
        })
        .collect()
}

fn main() {
    let project = synth::project(1000, 5000, 100_000, 2026);
    let ctx = egui::Context::default();
    demarche::ui::fonts::install(&ctx);
    ctx.run_ui(raw_input(), |ui| {
        ui.label("warm-up");
    })
    .textures_delta
    .clear();

    // The first frame: the index is built, the empty query and its facets evaluated.
    let mut state = CorpusState::default();
    state.open = true;
    let open = frame(&ctx, &mut state, &project);
    let hits = state.hit_count().unwrap_or(0);
    println!(
        "corpus view: {} documents, {hits} hits · first frame (index + facets) {:.1} ms",
        project.documents.len(),
        ms(open)
    );

    // The hit list scrolled from the first hit to the last in 400 steps, twice (the
    // first pass also rasterises glyphs); the second is reported.
    let step = (hits / 400).max(1);
    let scroll = |state: &mut CorpusState| -> Vec<Duration> {
        (0..hits)
            .step_by(step)
            .map(|at| {
                state.show_hit(at);
                frame(&ctx, state, &project)
            })
            .collect()
    };
    let _ = scroll(&mut state);
    report("hit list, jumping through 100k", scroll(&mut state), 1.0);
    // As a wheel scrolls: three rows further each frame, over 1,200 rows mid-list.
    let wheel: Vec<Duration> = (0..400)
        .map(|i| {
            state.show_hit(hits / 2 + i * 3);
            frame(&ctx, &mut state, &project)
        })
        .collect();
    report("hit list, wheel (3 rows a frame)", wheel, 1.0);
    let steady: Vec<Duration> = (0..200)
        .map(|_| frame(&ctx, &mut state, &project))
        .collect();
    report("hit list, steady", steady, 1.0);
    report(
        "hit list, typing (query + facets)",
        typing(&ctx, &mut state, &project, 60),
        30.0,
    );

    let mut grid = view(&ctx, &project, Tab::Grid);
    let steady: Vec<Duration> = (0..200).map(|_| frame(&ctx, &mut grid, &project)).collect();
    report("grid (dyads, Goldstein), steady", steady, 1.0);
    report(
        "grid, typing (facets + grid)",
        typing(&ctx, &mut grid, &project, 60),
        30.0,
    );

    let mut time = view(&ctx, &project, Tab::Time);
    let steady: Vec<Duration> = (0..200).map(|_| frame(&ctx, &mut time, &project)).collect();
    report("time (monthly by kind), steady", steady, 1.0);
    report(
        "time, typing (facets + series)",
        typing(&ctx, &mut time, &project, 60),
        30.0,
    );

    if std::env::var_os("CORPUS_BENCH_QUICK").is_some() {
        return;
    }
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    let mut group = c.benchmark_group("corpus_view");
    state.show_hit(hits / 2);
    frame(&ctx, &mut state, &project);
    group.bench_function("hit_list_steady_frame", |b| {
        b.iter(|| frame(&ctx, &mut state, &project))
    });
    for (name, s) in [
        ("grid_typing_frame", &mut grid),
        ("time_typing_frame", &mut time),
    ] {
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                s.text = TYPING[i % 2].to_owned();
                frame(&ctx, s, &project)
            })
        });
    }
    group.finish();
    c.final_summary();
}
