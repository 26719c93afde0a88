//! Exporting the 1,000-document benchmark project (about 5,000 characters each, 100,000
//! annotations) to every format. Targets (issue 4): csv ≤ 1 s, brat ≤ 2 s. After
//! criterion's report a summary prints the median of each format beside its target.
//!
//! `cargo bench --bench export`

use criterion::{Criterion, SamplingMode};
use demarche::export::{self, Format};
use demarche::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn export_once(project: &demarche::model::Project, format: Format) -> Duration {
    let dir = tempfile::tempdir().expect("temporary folder");
    let start = Instant::now();
    let summary = export::export(project, format, dir.path(), &mut |_| {}).expect("export");
    let took = start.elapsed();
    black_box(summary);
    took
}

fn main() {
    let project = synth::project(1000, 5000, 100_000, 7);
    let counts = project.counts();
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let mut group = c.benchmark_group("export_1000_docs");
    group.sampling_mode(SamplingMode::Flat);
    for format in Format::ALL {
        group.bench_function(format.name(), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| export_once(&project, format)).sum())
        });
    }
    group.finish();
    c.final_summary();

    // A plain summary beside the targets (median of 5 runs each).
    println!(
        "\nexport of {counts} ({} tags, {} links):",
        counts.tags, counts.links
    );
    for format in Format::ALL {
        let mut runs: Vec<Duration> = (0..5).map(|_| export_once(&project, format)).collect();
        runs.sort();
        let median = runs[2];
        let target = match format {
            Format::Csv => " (target ≤ 1 s)",
            Format::Brat => " (target ≤ 2 s)",
            _ => "",
        };
        println!(
            "  {:<6} {:>8.1} ms{target}",
            format.name(),
            median.as_secs_f64() * 1e3
        );
    }
    // Replacing a previous export moves each old file aside first (so that a failure can
    // put the old set back).
    println!("again, into a folder holding the previous export:");
    for format in [Format::Csv, Format::Brat] {
        let dir = tempfile::tempdir().expect("temporary folder");
        export::export(&project, format, dir.path(), &mut |_| {}).expect("export");
        let mut runs: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let summary =
                    export::export(&project, format, dir.path(), &mut |_| {}).expect("export");
                black_box(summary);
                start.elapsed()
            })
            .collect();
        runs.sort();
        println!(
            "  {:<6} {:>8.1} ms",
            format.name(),
            runs[2].as_secs_f64() * 1e3
        );
    }
}
