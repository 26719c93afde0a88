//! The window while it imports: 500 plain-text articles picked as a folder run on the import
//! worker, and the window keeps drawing. Measures the UI thread's frame time during the
//! import (reports taken from the worker, duplicate checks, the progress window) against a
//! 60 Hz frame budget of 16.7 ms; issue 5 asks that the window stays responsive throughout.
//! The frames are egui's UI work on the real app (egui_kittest, no GPU).
//!
//! `cargo bench --bench import_window`

#[path = "support/articles.rs"]
mod articles;

use articles::write_articles;
use criterion::Criterion;
use demarche::model::Project;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui_kittest::Harness;
use std::path::Path;
use std::time::{Duration, Instant};

const ARTICLES: usize = 500;
const FRAME_BUDGET: Duration = Duration::from_micros(16_667);

fn harness(project: &Path) -> Harness<'static, DemarcheApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut DemarcheApp| app.frame_ui(ui),
            DemarcheApp::app_for_tests(Startup::Open(project.to_path_buf())),
        )
}

/// Runs one import of the folder to its end; returns each frame's duration.
fn import_frames(h: &mut Harness<'static, DemarcheApp>, folder: &Path) -> Vec<Duration> {
    h.state_mut().import_paths(vec![folder.to_path_buf()]);
    let mut frames = Vec::new();
    while h.state().import_dialog().is_running() {
        let start = Instant::now();
        h.step();
        frames.push(start.elapsed());
    }
    frames
}

fn main() {
    let data = tempfile::tempdir().expect("temporary folder");
    // The app reads and writes its settings here, never in the user's folder.
    // SAFETY: single-threaded at this point; nothing else reads the environment yet.
    unsafe { std::env::set_var("DEMARCHE_DATA_DIR", data.path().join("data")) };
    let folder = data.path().join("articles");
    write_articles(&folder, ARTICLES);
    let project_path = data.path().join("project.ron");
    demarche::persist::save(&Project::new("bench"), &project_path).expect("project saved");

    let mut h = harness(&project_path);
    h.run_steps(3);
    let mut frames = import_frames(&mut h, &folder);
    let imported = h.state().workspace().project().documents.len();
    assert_eq!(imported, ARTICLES, "every article imports");

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10))
        .without_plots()
        .configure_from_args();
    // Later imports of the same folder read every file again and find each a duplicate:
    // the same worker and UI-thread work per file, without growing the project.
    c.bench_function("import_window/frame while importing 500 articles", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut done = 0;
            while done < iters {
                if !h.state().import_dialog().is_running() {
                    h.state_mut().import_paths(vec![folder.clone()]);
                }
                let start = Instant::now();
                h.step();
                total += start.elapsed();
                done += 1;
            }
            total
        })
    });
    c.final_summary();

    frames.sort();
    let pick = |q: f64| frames[((frames.len() - 1) as f64 * q) as usize];
    let (median, p95, max) = (pick(0.5), pick(0.95), pick(1.0));
    println!(
        "\nwindow during the first import of {ARTICLES} articles ({} frames):",
        frames.len()
    );
    for (name, value) in [("median", median), ("p95", p95), ("max", max)] {
        println!(
            "  frame {name}: {:>7.2} ms = {:.2}× the 16.7 ms frame budget",
            value.as_secs_f64() * 1e3,
            value.as_secs_f64() / FRAME_BUDGET.as_secs_f64()
        );
    }
}
