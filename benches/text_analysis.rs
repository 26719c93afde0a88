//! The shared text analysis of a 1 MB article (`text::Analysis::new`): paragraphs,
//! sentences, tokens, datelines and quotations, computed once per text and cached.
//!
//! Two inputs, as in the suggest bench: the gold set's articles repeated to 1 MB and the
//! generated wire copy of `synth::long_article`. Target (issue 15): ≤ 30 ms. After
//! criterion's report a summary prints each median and its ratio to the target.
//!
//! `cargo bench --bench text_analysis`

#[path = "support/long_report.rs"]
mod long_report;

use criterion::Criterion;
use demarche::model::{Id, Project};
use demarche::text::Analysis;
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_millis(30);
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

fn median(text: &str, runs: usize) -> (Duration, usize, usize) {
    let analysis = Analysis::new(text);
    let counts = (analysis.sentences().len(), analysis.tokens().len());
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(Analysis::new(text));
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], counts.0, counts.1)
}

fn main() {
    let inputs = [
        (
            "gold articles repeated to 1 MB",
            long_report::long_report("text bench", SIZE),
        ),
        ("synth::long_article 1 MB", synth_project()),
    ];

    let mut criterion = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for (name, (project, id)) in &inputs {
        let doc = project.document(*id).expect("the bench document");
        criterion.bench_function(&format!("text_analysis/{name}"), |b| {
            b.iter(|| black_box(Analysis::new(doc.text())))
        });
    }
    criterion.final_summary();

    println!();
    println!("== Demarche text analysis summary (median of 9 runs) ==");
    for (name, (project, id)) in &inputs {
        let doc = project.document(*id).expect("the bench document");
        let (time, sentences, tokens) = median(doc.text(), 9);
        let ratio = time.as_secs_f64() / TARGET.as_secs_f64();
        println!(
            "  {name:<32} {:>7.1} ms  {:>4.2}× of the {} ms target  {}  ({} bytes, {} sentences, {} tokens)",
            time.as_secs_f64() * 1000.0,
            ratio,
            TARGET.as_millis(),
            if time <= TARGET { "met" } else { "MISSED" },
            doc.text().len(),
            sentences,
            tokens
        );
    }
}
