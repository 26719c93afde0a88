//! The corpus query engine on the 1,000-document, 100,000-annotation benchmark project
//! (about 5,000 characters each), and on the same project coded by three analysts
//! (about 300,000 annotations). Targets (issue 17): a query with its facet counts, a grid
//! and a monthly time series each ≤ 30 ms, so that every view follows the analyst's
//! typing within two frames; the XLSX export of 100,000 hits ≤ 3 s. The project is
//! flattened once per revision (`Index::build`, printed too). After criterion's report a
//! summary prints each median beside its target.
//!
//! `cargo bench --bench query`

use criterion::{Criterion, SamplingMode};
use demarche::export::query_tables;
use demarche::query::describe::describe;
use demarche::query::eval::Period;
use demarche::query::facets::facets;
use demarche::query::grid::{Dim, Measure, grid};
use demarche::query::time::series;
use demarche::query::{Field, Index, Query, select};
use demarche::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

const VIEW_TARGET: Duration = Duration::from_millis(30);
const XLSX_TARGET: Duration = Duration::from_secs(3);

const QUERY: &str = "kind:commitment,stance -strength:uncommitted \"trade\"";

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn line(what: &str, took: Duration, target: Duration) {
    println!(
        "  {what}: median {:.1} ms (target ≤ {} ms; {:.2}× the target)",
        took.as_secs_f64() * 1e3,
        target.as_millis(),
        took.as_secs_f64() / target.as_secs_f64()
    );
}

fn main() {
    let single = synth::project(1000, 5000, 100_000, 2026);
    let team = synth::team::team_layers(single.clone(), &["ana", "ben", "cy"], 17);
    let query = Query::parse(QUERY).expect("query");
    let everything = Query::default();
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let mut summary = Vec::new();
    for (name, project) in [("1 analyst", &single), ("3 analysts", &team)] {
        let built = Instant::now();
        let index = Index::build(project);
        let build = built.elapsed();
        let mut group = c.benchmark_group(format!("query_{}", name.replace(' ', "_")));
        group.sampling_mode(SamplingMode::Flat);
        group.bench_function("query_with_facets", |b| {
            b.iter(|| black_box(facets(&index, &query).expect("facets")))
        });
        group.bench_function("everything_with_facets", |b| {
            b.iter(|| black_box(facets(&index, &everything).expect("facets")))
        });
        group.bench_function("grid_committer_by_category", |b| {
            b.iter(|| {
                black_box(
                    grid(
                        &index,
                        &everything,
                        Dim::Field(Field::Committer),
                        Dim::Field(Field::Category),
                        Measure::Count,
                    )
                    .expect("grid"),
                )
            })
        });
        group.bench_function("monthly_series_by_kind", |b| {
            b.iter(|| {
                black_box(
                    series(&index, &everything, Period::Month, Some(Field::Kind)).expect("series"),
                )
            })
        });
        group.finish();

        let faceted = median(11, || {
            black_box(facets(&index, &query).expect("facets"));
        });
        let all = median(11, || {
            black_box(facets(&index, &everything).expect("facets"));
        });
        let dyads = median(11, || {
            let q = Query::parse("kind:commitment").expect("query");
            black_box(
                grid(
                    &index,
                    &q,
                    Dim::Field(Field::Committer),
                    Dim::Field(Field::Addressee),
                    Measure::Goldstein { weighted: true },
                )
                .expect("grid"),
            );
        });
        let monthly = median(11, || {
            black_box(
                series(&index, &everything, Period::Month, Some(Field::Kind)).expect("series"),
            );
        });
        let hits = facets(&index, &query).expect("facets").hits.len();
        summary.push(format!(
            "{name}: {} rows, index built in {:.0} ms; the query {QUERY:?} has {hits} hits",
            index.rows.len(),
            build.as_secs_f64() * 1e3
        ));
        summary.push(String::new());
        let mut lines = Vec::new();
        lines.push(("query with its 19 facets", faceted));
        lines.push(("the empty query (every annotation) with its facets", all));
        lines.push(("dyad grid committer × addressee, weighted Goldstein", dyads));
        lines.push(("monthly time series by kind", monthly));
        for (what, took) in lines {
            summary.push(format!(
                "  {what}: median {:.1} ms (target ≤ {} ms; {:.2}× the target)",
                took.as_secs_f64() * 1e3,
                VIEW_TARGET.as_millis(),
                took.as_secs_f64() / VIEW_TARGET.as_secs_f64()
            ));
        }
    }
    c.final_summary();

    // XLSX of 100,000 hits: every annotation of the single-analyst project.
    let index = Index::build(&single);
    let rows = select(&index, &everything).expect("rows");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hits.xlsx");
    let described = Instant::now();
    let hits = describe(&single, &index, &rows);
    let describe_took = described.elapsed();
    let xlsx = median(3, || {
        query_tables::hits_xlsx(&path, "", "2026-12-06 20:00", &hits).expect("xlsx");
    });
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);

    println!(
        "\ncorpus query engine on {} documents",
        single.documents.len()
    );
    for s in summary {
        println!("{s}");
    }
    println!(
        "\nXLSX export of {} hits ({} MB; describing them took {:.0} ms more):",
        hits.len(),
        size / 1_000_000,
        describe_took.as_secs_f64() * 1e3
    );
    line("write", xlsx, XLSX_TARGET);
}
