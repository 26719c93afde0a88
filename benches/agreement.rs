//! Agreement on the 1,000-document benchmark project (about 5,000 characters each) with
//! three analysts' layers of about 100,000 annotations each (independent double coding:
//! most spans the same, some shifted, some missing, some attribute values different).
//! Target (issue 14): every layer and attribute together, every pair and all three
//! analysts, pooled and per document, in ≤ 1 s. After criterion's report a summary prints
//! the median beside the target.
//!
//! `cargo bench --bench agreement`

use criterion::{Criterion, SamplingMode};
use demarche::agreement::{Selection, compute};
use demarche::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_secs(1);

fn main() {
    let base = synth::project(1000, 5000, 100_000, 2026);
    let project = synth::team::team_layers(base, &["ana", "ben", "cy"], 14);
    let mut per_analyst = std::collections::BTreeMap::<String, usize>::new();
    for doc in &project.documents {
        for a in doc.annotators() {
            *per_analyst.entry(a.to_owned()).or_default() += 1;
        }
    }
    let everything = Selection::default();
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let mut group = c.benchmark_group("agreement_1000_docs_3_analysts");
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("all_layers_pairs_and_all", |b| {
        b.iter(|| black_box(compute(&project, &everything).expect("figures")))
    });
    group.finish();
    c.final_summary();

    let mut runs: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            black_box(compute(&project, &everything).expect("figures"));
            start.elapsed()
        })
        .collect();
    runs.sort();
    let median = runs[2];
    let report = compute(&project, &everything).expect("figures");
    let layers = report.layers.len();
    let scopes = report.layers.first().map_or(0, |l| l.scopes.len());
    println!(
        "\nagreement over {} documents, annotations per analyst {per_analyst:?}: \
         {layers} layers × {scopes} scopes, pooled and per document",
        project.documents.len()
    );
    println!(
        "  median {:.1} ms (target ≤ {} ms; {:.2}× the target)",
        median.as_secs_f64() * 1e3,
        TARGET.as_millis(),
        median.as_secs_f64() / TARGET.as_secs_f64()
    );
}
