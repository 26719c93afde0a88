//! The article view's frame cost, headless (`egui::Context::run_ui`, no GPU).
//!
//! A generated 1 MB article with 20,000 heavily overlapping annotations is scrolled from top
//! to bottom in steps; each frame's UI build plus `Context::tessellate` is timed, and the
//! same scroll over the same text without annotations gives the baseline. It prints the
//! median, the 95th percentile and their ratio, and the time to open the document (its
//! first frame). Targets (issue 3): median ≤ 1 ms, p95 ≤ 4 ms, ratio ≤ 1.5, open ≤ 100 ms.
//! Criterion then measures one steady frame (all text laid out) with and without
//! annotations.
//!
//! `cargo bench --bench article_view` (set `ARTICLE_BENCH_QUICK=1` to skip criterion).

use criterion::Criterion;
use demarche::model::{Id, Project};
use demarche::ui::article::{ArticleInput, ArticleView};
use egui::{Pos2, RawInput, Rect, Vec2};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SCREEN: Vec2 = Vec2::new(1280.0, 800.0);
/// Pixels per scroll step: a few wheel notches.
const STEP: f32 = 120.0;

fn raw_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        ..Default::default()
    }
}

/// Runs one frame of the view and tessellates it, returning how long both took.
fn frame(ctx: &egui::Context, view: &mut ArticleView, project: &Project, doc: Id) -> Duration {
    let start = Instant::now();
    let output = ctx.run_ui(raw_input(), |ui| {
        let Some(document) = project.document(doc) else {
            return;
        };
        let input = ArticleInput {
            project,
            document,
            revision: 1,
            selected_annotation: None,
            find_matches: &[],
            find_current: None,
        };
        egui::CentralPanel::default().show(ui, |ui| {
            black_box(view.ui(ui, &input));
        });
    });
    let mut output = output;
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    black_box(primitives);
    start.elapsed()
}

struct Scroll {
    open: Duration,
    frames: Vec<Duration>,
}

/// Opens the document in a fresh view, then scrolls through all of it.
fn scroll_through(ctx: &egui::Context, project: &Project, doc: Id) -> Scroll {
    let mut view = ArticleView::new();
    let open = frame(ctx, &mut view, project, doc);
    let mut frames = Vec::new();
    let mut y = 0.0;
    loop {
        view.set_scroll_offset(y);
        frames.push(frame(ctx, &mut view, project, doc));
        if y > view.content_height() {
            break;
        }
        y += STEP;
    }
    Scroll { open, frames }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(name: &str, scroll: &mut Scroll) -> (Duration, Duration) {
    scroll.frames.sort();
    let median = percentile(&scroll.frames, 0.5);
    let p95 = percentile(&scroll.frames, 0.95);
    println!(
        "{name:>16}: open {:7.2} ms · {} frames · median {:.3} ms · p95 {:.3} ms · max {:.3} ms",
        ms(scroll.open),
        scroll.frames.len(),
        ms(median),
        ms(p95),
        ms(scroll.frames.last().copied().unwrap_or_default()),
    );
    (median, p95)
}

fn bare(project: &Project) -> Project {
    let mut bare = project.clone();
    for d in &mut bare.documents {
        d.mentions.clear();
        d.statements.clear();
        d.commitments.clear();
        d.stances.clear();
        d.tags.clear();
        d.links.clear();
    }
    bare
}

/// The same project with every tenth paragraph in Arabic with English names (same length,
/// so every annotation keeps its offsets): right-to-left paragraphs laid out by the bidi
/// path of the view; and every 20th mention a discontinuous span of two parts.
fn with_bidi(project: &Project) -> Project {
    const ARABIC: &str = "التقى وزير الخارجية Mauro Vieira في الرياض وبحث الجانبان سبل تعزيز \
                          التعاون في مجالي التجارة والطاقة، وقال إن المملكة مستعدة للشراكة. ";
    let mut out = project.clone();
    for d in &mut out.documents {
        let text: Vec<String> = d
            .text()
            .split('\n')
            .enumerate()
            .map(|(i, para)| {
                if i % 10 == 3 {
                    ARABIC.chars().cycle().take(para.chars().count()).collect()
                } else {
                    para.to_owned()
                }
            })
            .collect();
        let mut doc =
            demarche::model::Document::new(d.id, d.meta.clone(), d.origin.clone(), text.join("\n"));
        // Every 20th mention gets a second part 200 characters on: discontinuous spans,
        // outlined and joined by the view.
        let mut mentions = std::mem::take(&mut d.mentions);
        let (all, index, len) = (doc.text().to_owned(), doc.index(), doc.len_chars());
        for m in mentions.iter_mut().step_by(20) {
            let (start, end) = (m.span.start(), m.span.end());
            let (start2, end2) = (end + 200, end + 200 + (end - start).min(20));
            if end2 < len
                && let Some(span) =
                    demarche::model::Span::from_ranges(&all, index, [(start, end), (start2, end2)])
            {
                m.span = span;
            }
        }
        let parted = mentions.iter().filter(|m| m.span.ranges.len() > 1).count();
        println!("two-part mentions in the bidi article: {parted}");
        doc.mentions = mentions;
        doc.statements = std::mem::take(&mut d.statements);
        doc.commitments = std::mem::take(&mut d.commitments);
        doc.stances = std::mem::take(&mut d.stances);
        doc.tags = std::mem::take(&mut d.tags);
        doc.links = std::mem::take(&mut d.links);
        *d = doc;
    }
    out
}

fn main() {
    let project = demarche::synth::long_article(1_000_000, 20_000, 7);
    let Some(doc) = project.documents.first() else {
        eprintln!("the generator made no document");
        return;
    };
    let doc_id = doc.id;
    println!(
        "article: {} chars, {} paragraphs, {} annotations",
        doc.len_chars(),
        doc.text().split('\n').count(),
        doc.annotation_count()
    );
    let plain = bare(&project);

    let ctx = egui::Context::default();
    demarche::ui::fonts::install(&ctx);
    // Warm the font atlas so neither run pays for first-time glyph rasterisation alone.
    ctx.run_ui(raw_input(), |ui| {
        ui.label("warm-up");
    })
    .textures_delta
    .clear();

    // Twice each, alternating, and keep the second: the first pass also rasterises glyphs.
    let _ = scroll_through(&ctx, &plain, doc_id);
    let _ = scroll_through(&ctx, &project, doc_id);
    let mut without = scroll_through(&ctx, &plain, doc_id);
    let mut with = scroll_through(&ctx, &project, doc_id);
    let (m0, p0) = report("no annotations", &mut without);
    let (m1, p1) = report("20k annotations", &mut with);
    let bidi = with_bidi(&project);
    let _ = scroll_through(&ctx, &bidi, doc_id);
    let mut with_rtl = scroll_through(&ctx, &bidi, doc_id);
    let (m2, p2) = report(
        "20k annotations, every 10th paragraph Arabic, every 20th mention in two parts",
        &mut with_rtl,
    );
    println!(
        "ratio annotated / plain: median {:.2}× · p95 {:.2}×",
        m1.as_secs_f64() / m0.as_secs_f64().max(1e-9),
        p1.as_secs_f64() / p0.as_secs_f64().max(1e-9)
    );
    println!(
        "targets: median ≤ 1 ms: {} · p95 ≤ 4 ms: {} · open ≤ 100 ms: {}",
        ms(m1) <= 1.0,
        ms(p1) <= 4.0,
        ms(with.open) <= 100.0
    );
    println!(
        "with Arabic paragraphs and two-part spans: median ≤ 1 ms: {} · p95 ≤ 4 ms: {}",
        ms(m2) <= 1.0,
        ms(p2) <= 4.0
    );

    if std::env::var_os("ARTICLE_BENCH_QUICK").is_some() {
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("article_view");
    for (name, p) in [
        ("steady_frame_plain", &plain),
        ("steady_frame_annotated", &project),
    ] {
        let mut view = ArticleView::new();
        view.set_scroll_offset(20_000.0);
        for _ in 0..3 {
            frame(&ctx, &mut view, p, doc_id);
        }
        group.bench_function(name, |b| b.iter(|| frame(&ctx, &mut view, p, doc_id)));
    }
    group.finish();
    c.final_summary();
}
