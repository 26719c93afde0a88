//! Accepting every suggestion of a 4 MB article (`demarche suggest --apply`, the window's
//! accept-all): `edit::accept::accept` and applying the batch it returns, against
//! computing the same suggestions and printing them as `demarche suggest` does.
//!
//! The article is the gold set's eight articles (`tests/gold/`, markup removed) repeated
//! to 4 MB, imported into a project with no actors. Target (issue 12): accept-all ≤ 3× the
//! time of computing and printing the suggestions. Undoing the accept-all is timed too.
//! After criterion's report a summary prints each median and the ratio to the target.
//!
//! `cargo bench --bench accept`

#[path = "support/long_report.rs"]
mod long_report;

use criterion::{BatchSize, Criterion};
use demarche::edit::Edit;
use demarche::edit::accept::accept;
use demarche::model::{Id, Project};
use demarche::suggest::{self, Gazetteer, Suggestion};
use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

const SIZE: usize = 4_000_000;
const TARGET_RATIO: f64 = 3.0;

/// What `demarche suggest` does for one document: compute, then print JSON lines.
fn suggest_and_print(project: &Project, id: Id) -> Vec<Suggestion> {
    let doc = project.document(id).expect("the bench document");
    let suggestions = suggest::suggest(project, doc, Gazetteer::bundled());
    let mut out = std::io::sink();
    for s in &suggestions {
        let _ = writeln!(out, "{}", demarche::cli::suggest::to_json(project, doc, s));
    }
    suggestions
}

/// What `--apply` adds: one batch accepting everything, applied to the project.
fn accept_all(project: &mut Project, id: Id, suggestions: &[Suggestion]) -> Edit {
    let mut ids = project.id_allocator("bench");
    let edit = accept(
        project,
        id,
        suggestions,
        suggestions,
        &mut || ids.fresh(),
        "bench",
    )
    .expect("ids left");
    edit.apply(project).expect("the accept-all batch applies")
}

fn median_of<T>(runs: usize, mut f: impl FnMut() -> (Duration, T)) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| black_box(f()).0).collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let (project, id) = long_report::long_report("accept bench", SIZE);
    let suggestions = suggest_and_print(&project, id);

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    criterion.bench_function("accept/suggest and print, 4 MB", |b| {
        b.iter(|| black_box(suggest_and_print(&project, id)))
    });
    criterion.bench_function("accept/accept all, 4 MB", |b| {
        b.iter_batched(
            || project.clone(),
            |mut p| black_box(accept_all(&mut p, id, &suggestions)),
            BatchSize::LargeInput,
        )
    });
    criterion.final_summary();

    let runs = 5;
    let doc = project.document(id).expect("the bench document");
    let compute = median_of(runs, || {
        let start = Instant::now();
        let s = suggest::suggest(&project, doc, Gazetteer::bundled());
        (start.elapsed(), s)
    });
    let print = median_of(runs, || {
        let start = Instant::now();
        let s = suggest_and_print(&project, id);
        (start.elapsed(), s)
    });
    let mut accepted = project.clone();
    let mut undo = None;
    let apply = median_of(runs, || {
        let mut p = project.clone();
        let start = Instant::now();
        let inverse = accept_all(&mut p, id, &suggestions);
        let elapsed = start.elapsed();
        undo = Some(inverse);
        accepted = p;
        (elapsed, ())
    });
    let undo = undo.expect("accept-all ran");
    let undone = median_of(runs, || {
        let mut p = accepted.clone();
        let start = Instant::now();
        let redo = undo.clone().apply(&mut p);
        let elapsed = start.elapsed();
        assert!(p == project, "undoing the accept-all restores the project");
        (elapsed, redo.is_ok())
    });

    let counts = accepted.counts();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let ratio = apply.as_secs_f64() / print.as_secs_f64();
    println!();
    println!("== Demarche accept-all summary (median of {runs} runs) ==");
    println!(
        "  {} bytes, {} suggestions; accepted: {}",
        doc.text().len(),
        suggestions.len(),
        counts
    );
    println!("  compute suggestions           {:>9.1} ms", ms(compute));
    println!("  compute and print (JSON)      {:>9.1} ms", ms(print));
    println!(
        "  accept all (accept + apply)   {:>9.1} ms  = {:.2}× compute and print, {:.2}× compute (target ≤ {TARGET_RATIO}×)  {}",
        ms(apply),
        ratio,
        apply.as_secs_f64() / compute.as_secs_f64(),
        if ratio <= TARGET_RATIO {
            "met"
        } else {
            "MISSED"
        }
    );
    println!("  undo the accept-all           {:>9.1} ms", ms(undone));
}
