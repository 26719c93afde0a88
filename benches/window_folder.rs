//! The window on the 10,000-document, 1,000,000-annotation project folder: does it stay
//! responsive? Opens the folder in the real app (egui_kittest, no GPU), then measures the
//! UI thread's frames: at rest with the documents list showing, and the frames that switch
//! to the next document (Ctrl+PageDown: the article laid out, the list scrolled to it),
//! against a 60 Hz frame budget of 16.7 ms. The issue of team projects asks that the
//! window stays responsive on this folder.
//!
//! `cargo bench --bench window_folder`. The folder is generated once into
//! `target/bench-cache/` (a few minutes) and reused, as `persist_folder` does.

#[path = "support/team_folder.rs"]
mod team_folder;

use criterion::Criterion;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use std::time::{Duration, Instant};

const FRAME_BUDGET: Duration = Duration::from_micros(16_667);
/// Documents switched to, one after the other.
const SWITCHES: usize = 40;

fn next_document(h: &mut Harness<'static, DemarcheApp>) -> Duration {
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    let start = Instant::now();
    h.step();
    start.elapsed()
}

fn summary(name: &str, frames: &mut [Duration]) {
    frames.sort();
    let pick = |q: f64| frames[((frames.len() - 1) as f64 * q) as usize];
    println!("{name} ({} frames):", frames.len());
    for (what, value) in [
        ("median", pick(0.5)),
        ("p95", pick(0.95)),
        ("max", pick(1.0)),
    ] {
        println!(
            "  {what:>6}: {:>8.2} ms = {:.2}× the 16.7 ms frame budget",
            value.as_secs_f64() * 1e3,
            value.as_secs_f64() / FRAME_BUDGET.as_secs_f64()
        );
    }
}

fn main() {
    let data = tempfile::tempdir().expect("temporary folder");
    // The app reads and writes its settings here, never in the user's folder.
    // SAFETY: single-threaded at this point; nothing else reads the environment yet.
    unsafe { std::env::set_var("DEMARCHE_DATA_DIR", data.path()) };
    let folder = team_folder::large_folder();

    let started = Instant::now();
    let app = DemarcheApp::app_for_tests_as(
        Startup::Open(folder.join("project.ron")),
        team_folder::ANALYSTS[1],
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app);
    h.step();
    let opened = started.elapsed();
    let documents = h.state().workspace().project().documents.len();
    assert_eq!(documents, 10_000, "the folder opens whole");

    let mut first_switches = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..SWITCHES {
        first_switches.push(next_document(&mut h));
        seen.insert(h.state().selection().document);
    }
    assert!(
        seen.len() >= SWITCHES - 1,
        "Ctrl+PageDown moves on each time"
    );
    let mut rest = Vec::new();
    for _ in 0..120 {
        let start = Instant::now();
        h.step();
        rest.push(start.elapsed());
    }

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(8))
        .without_plots()
        .configure_from_args();
    c.bench_function("window_folder/frame at rest, 10,000 documents", |b| {
        b.iter(|| h.step())
    });
    c.bench_function("window_folder/switch to the next document", |b| {
        b.iter_custom(|iterations| (0..iterations).map(|_| next_document(&mut h)).sum())
    });
    c.final_summary();

    println!(
        "\nthe window on the 10,000-document folder: open and first frame {:.2} s",
        opened.as_secs_f64()
    );
    summary("switching to the next document", &mut first_switches);
    summary("at rest", &mut rest);
}
