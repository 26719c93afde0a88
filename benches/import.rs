//! Importing articles the way `demarche import PROJECT FOLDER` does: expand the folder,
//! import each file, check it against the project for a duplicate, add it.
//!
//! Targets (issue 5): 500 plain-text articles (4–8 KB each, generated wire copy with
//! accents, Han, Hangul and Cyrillic names) ≤ 5 s; one 300-page PDF (about 500 words a
//! page, Helvetica with a composite font for non-Latin names, running header, page
//! numbers) ≤ 10 s. Hostile pages (issue 12): 10,000 nested `<div>`s around a story ≤ 1 s
//! (24 s before nesting was bounded), one tag with 200,000 attributes ≤ 1 s (16 s before).
//! After criterion's report a summary prints each median beside its target.
//!
//! `cargo bench --bench import`

#[path = "support/articles.rs"]
mod articles;
#[path = "../tests/fixtures/articles/pdf/writer.rs"]
mod writer;

use articles::write_articles;

use criterion::{Criterion, SamplingMode};
use demarche::edit::Edit;
use demarche::import::{self, Expanded};
use demarche::model::{Id, Project};
use demarche::synth;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ARTICLES: usize = 500;
const PDF_PAGES: usize = 300;
const LINES_PER_PAGE: usize = 40;
const LINE_CHARS: usize = 92;

/// The CLI's import loop (src/cli.rs `import`), without printing or saving.
fn import_folder(dir: &Path) -> (usize, usize) {
    let mut project = Project::new("bench");
    let mut ids = project.id_allocator("bench");
    let Expanded { files, failures } = import::expand_paths(&[dir.to_path_buf()]);
    let mut failed = failures.len();
    let mut imported = 0;
    for file in &files {
        let Ok(doc) = import::import_file(file, ids.fresh().expect("a fresh id")) else {
            failed += 1;
            continue;
        };
        if import::find_duplicate(&project, &doc).is_some() {
            continue;
        }
        Edit::AddDocument(Box::new(doc))
            .apply(&mut project)
            .expect("a fresh document adds");
        imported += 1;
    }
    (imported, failed)
}

/// A 300-page report: generated wire copy wrapped at 92 characters, 40 lines a page.
fn report_pdf() -> (Vec<u8>, usize) {
    let project = synth::project(200, 6_000, 0, 300);
    let paragraphs: Vec<String> = project
        .documents
        .iter()
        .flat_map(|d| {
            d.text()
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let mut lines = writer::wrap(&paragraphs, LINE_CHARS, 8.0);
    lines.truncate(PDF_PAGES * LINES_PER_PAGE);
    assert_eq!(lines.len(), PDF_PAGES * LINES_PER_PAGE, "enough text");
    let words = lines
        .iter()
        .map(|l| l.text.split_whitespace().count())
        .sum();
    let bytes = writer::write(&writer::Spec {
        lines,
        lines_per_page: LINES_PER_PAGE,
        header: Some("Annual Report on Foreign Policy — 2025".to_owned()),
        footer: Some(|page, pages| format!("Page {page} of {pages}")),
        info: vec![("Title", "Annual Report on Foreign Policy".to_owned())],
    });
    (bytes, words)
}

fn import_pdf(bytes: &[u8]) -> String {
    let doc = import::import_bytes(bytes, Some("report.pdf"), Id(1)).expect("the report imports");
    doc.text().to_owned()
}

/// A story of three paragraphs, as a page nests it.
const STORY: &str = "<p>The foreign ministers of Brazil and India met in Geneva on Tuesday to \
    discuss the reform of the Security Council, according to a statement released after the \
    talks by both delegations.</p><p>“We will continue to work together for a council that \
    reflects the world of today,” the Brazilian minister said, adding that the two countries \
    would coordinate their positions before the General Assembly.</p><p>The Indian minister \
    said the talks had been productive and that both sides would meet again in New Delhi.</p>";

const NESTING: usize = 10_000;
const ATTRIBUTES: usize = 200_000;

fn page(body: &str) -> Vec<u8> {
    format!("<!DOCTYPE html><html><head><title>Talks</title></head><body>{body}</body></html>")
        .into_bytes()
}

/// The story inside 10,000 nested `<div>`s (110 KB).
fn deep_page() -> Vec<u8> {
    page(&format!(
        "{}<article>{STORY}</article>{}",
        "<div>".repeat(NESTING),
        "</div>".repeat(NESTING)
    ))
}

/// The story in an `<article>` with 200,000 attributes (3.5 MB).
fn wide_page() -> Vec<u8> {
    let attributes: String = (0..ATTRIBUTES)
        .map(|n| format!(" data-x{n}=\"{n}\""))
        .collect();
    page(&format!("<article{attributes}>{STORY}</article>"))
}

fn import_html(bytes: &[u8]) -> usize {
    let doc = import::import_bytes(bytes, Some("page.html"), Id(1)).expect("the page imports");
    doc.text().len()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let article_bytes = write_articles(dir.path(), ARTICLES);
    let folder: PathBuf = dir.path().to_path_buf();
    let (imported, failed) = import_folder(&folder);
    assert_eq!((imported, failed), (ARTICLES, 0), "every article imports");
    let (pdf, words) = report_pdf();
    let text = import_pdf(&pdf);
    assert!(
        !text.contains("Page 1 of") && !text.contains("Policy — 2025"),
        "page furniture is dropped"
    );
    let text_len = text.len();
    let (deep, wide) = (deep_page(), wide_page());
    assert!(
        import_html(&deep) > 300 && import_html(&wide) > 300,
        "the story is kept"
    );

    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(10))
        .without_plots()
        .configure_from_args();
    let mut group = c.benchmark_group("import");
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("500 plain-text articles (folder)", |b| {
        b.iter(|| black_box(import_folder(&folder)))
    });
    group.bench_function("300-page PDF", |b| b.iter(|| black_box(import_pdf(&pdf))));
    group.bench_function("10,000 nested divs (HTML)", |b| {
        b.iter(|| black_box(import_html(&deep)))
    });
    group.bench_function("200,000 attributes on a tag (HTML)", |b| {
        b.iter(|| black_box(import_html(&wide)))
    });
    group.finish();
    c.final_summary();

    let folder_median = median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                black_box(import_folder(&folder));
                start.elapsed()
            })
            .collect(),
    );
    let pdf_median = median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                black_box(import_pdf(&pdf));
                start.elapsed()
            })
            .collect(),
    );
    let time = |bytes: &[u8]| {
        median(
            (0..5)
                .map(|_| {
                    let start = Instant::now();
                    black_box(import_html(bytes));
                    start.elapsed()
                })
                .collect(),
        )
    };
    let (deep_median, wide_median) = (time(&deep), time(&wide));
    println!("\nimport (median of 5 runs):");
    println!(
        "  {ARTICLES} plain-text articles ({:.1} MB, avg {:.1} KB): {:>8.1} ms = {:.2}× the 5 s target",
        article_bytes as f64 / 1e6,
        article_bytes as f64 / ARTICLES as f64 / 1e3,
        folder_median.as_secs_f64() * 1e3,
        folder_median.as_secs_f64() / 5.0
    );
    println!(
        "  {PDF_PAGES}-page PDF ({:.1} MB, {words} words, {:.2} MB of text): {:>8.1} ms = {:.2}× the 10 s target",
        pdf.len() as f64 / 1e6,
        text_len as f64 / 1e6,
        pdf_median.as_secs_f64() * 1e3,
        pdf_median.as_secs_f64() / 10.0
    );
    println!(
        "  {NESTING} nested divs ({:.0} KB of HTML): {:>8.1} ms = {:.2}× the 1 s target",
        deep.len() as f64 / 1e3,
        deep_median.as_secs_f64() * 1e3,
        deep_median.as_secs_f64() / 1.0
    );
    println!(
        "  {ATTRIBUTES} attributes on one tag ({:.1} MB of HTML): {:>8.1} ms = {:.2}× the 1 s target",
        wide.len() as f64 / 1e6,
        wide_median.as_secs_f64() * 1e3,
        wide_median.as_secs_f64() / 1.0
    );
}
