//! Suggesting on a 1 MB article: `suggest::suggest` (mentions, statements, commitments,
//! stances) over one long document.
//!
//! Two inputs: the gold set's eight articles (`tests/gold/`, markup removed) repeated to
//! 1 MB in a project with no actors, as after importing a long report; and the generated
//! wire copy of `synth::long_article` (1 MB) in its project, whose actor registry the rules
//! also consult. Target (issue 15): ≤ 150 ms. The shared text analysis (`text::of`) is
//! cached by fingerprint, so after the first call criterion times the rules alone; the
//! summary prints that median, the analysis's own median, and their sum (a first
//! suggestion pass on a text never analysed) with its ratio to the target.
//!
//! `cargo bench --bench suggest`

#[path = "support/long_report.rs"]
mod long_report;

use criterion::Criterion;
use demarche::model::{Id, Project};
use demarche::suggest::{self, Gazetteer};
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_millis(150);
const SIZE: usize = 1_000_000;

fn synth_project() -> (Project, Id) {
    let project = demarche::synth::long_article(SIZE, 0, 11);
    let id = project
        .documents
        .first()
        .map(|d| d.id)
        .expect("one document");
    (project, id)
}

/// Median of `runs` timed calls (the first call, which builds the gazetteer's matcher, is
/// not counted).
fn median(project: &Project, id: Id, runs: usize) -> (Duration, usize) {
    let doc = project.document(id).expect("the bench document");
    let gazetteer = Gazetteer::bundled();
    let count = suggest::suggest(project, doc, gazetteer).len();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(suggest::suggest(project, doc, gazetteer));
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], count)
}

/// Median of `runs` analyses of the text, uncached.
fn analysis_median(text: &str, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(demarche::text::Analysis::new(text));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let inputs = [
        (
            "gold articles repeated to 1 MB",
            long_report::long_report("suggest bench", SIZE),
        ),
        ("synth::long_article 1 MB", synth_project()),
    ];

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    for (name, (project, id)) in &inputs {
        let doc = project.document(*id).expect("the bench document");
        criterion.bench_function(&format!("suggest/{name}"), |b| {
            b.iter(|| black_box(suggest::suggest(project, doc, Gazetteer::bundled())))
        });
    }
    criterion.final_summary();

    println!();
    println!("== Demarche suggest summary (median of 7 runs) ==");
    for (name, (project, id)) in &inputs {
        let doc = project.document(*id).expect("the bench document");
        let (rules, count) = median(project, *id, 7);
        let analysis = analysis_median(doc.text(), 7);
        let time = rules + analysis;
        let ratio = time.as_secs_f64() / TARGET.as_secs_f64();
        println!(
            "  {name:<32} {:>8.1} ms  {:>4.2}× of the {} ms target  {}  (rules {:.1} ms + analysis {:.1} ms; {} bytes, {} suggestions)",
            time.as_secs_f64() * 1000.0,
            ratio,
            TARGET.as_millis(),
            if time <= TARGET { "met" } else { "MISSED" },
            rules.as_secs_f64() * 1000.0,
            analysis.as_secs_f64() * 1000.0,
            doc.text().len(),
            count
        );
    }
}
