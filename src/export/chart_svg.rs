//! The corpus time charts as SVG for papers, re-drawn from the series data (not a
//! screenshot): stacked bars of counts per period, and a stance line with its flips.
//!
//! A small writer rather than a crate: the `svg` crate only assembles element trees (what
//! `format!` does here), and plotters' SVG backend brings a second charting library whose
//! layout would not match the window's chart; the few shapes needed are written directly.

use crate::query::Period;
use crate::query::time::{Series, StanceLine};
use std::fmt::Write;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 540.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 180.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 80.0;

/// The window's palette (Tableau 10).
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// Text for an SVG text node or attribute.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn open(out: &mut String, title: &str, subtitle: &str) {
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="{LEFT}" y="22" font-size="15" font-weight="bold">{}</text>
<text x="{LEFT}" y="38" fill="#555">{}</text>
"##,
        esc(title),
        esc(subtitle)
    );
}

/// Period labels along the x axis, thinned so that they do not overlap.
fn x_labels(out: &mut String, labels: &[String], x_of: impl Fn(usize) -> f64) {
    let step = (labels.len() as f64 / 24.0).ceil().max(1.0) as usize;
    let y = HEIGHT - BOTTOM + 14.0;
    for (i, label) in labels.iter().enumerate().step_by(step) {
        let x = x_of(i);
        let _ = writeln!(
            out,
            r#"<text x="{x:.1}" y="{y}" text-anchor="end" transform="rotate(-45 {x:.1} {y})">{}</text>"#,
            esc(label)
        );
    }
}

fn axes(out: &mut String) {
    let (x0, y0, x1, y1) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    let _ = writeln!(
        out,
        r##"<path d="M{x0} {y0} V{y1} H{x1}" fill="none" stroke="#333"/>"##
    );
}

/// A rounded step (1, 2, 5 × 10ⁿ) for about five ticks up to `max`.
fn tick_step(max: f64) -> f64 {
    let raw = (max / 5.0).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(raw)
}

/// Counts per period stacked by key: one `<rect class="bar">` per non-empty segment, a
/// legend, and the hits in undated documents in the subtitle.
pub fn series_svg(series: &Series, query: &str) -> String {
    let mut out = String::new();
    let undated = series.undated_total();
    open(
        &mut out,
        &format!("Hits per {}", series.period.name()),
        &format!(
            "query: {}   ·   {undated} hit{} in undated documents",
            if query.is_empty() { "(all)" } else { query },
            if undated == 1 { "" } else { "s" }
        ),
    );
    let n = series.ordinals.len().max(1) as f64;
    let totals: Vec<usize> = (0..series.ordinals.len())
        .map(|p| series.counts.iter().map(|k| k[p]).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let step = tick_step(max);
    let top = (max / step).ceil() * step;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / n;
    let y_of = |v: f64| HEIGHT - BOTTOM - v / top * plot_h;
    // Grid lines and y labels.
    let mut v = 0.0;
    while v <= top + 1e-9 {
        let y = y_of(v);
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{v}</text>"##,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
        v += step;
    }
    for (p, label) in series.labels.iter().enumerate() {
        let mut below = 0.0;
        for (k, key) in series.keys.iter().enumerate() {
            let count = series.counts[k][p];
            if count == 0 {
                continue;
            }
            let (y_top, y_bottom) = (y_of(below + count as f64), y_of(below));
            let _ = writeln!(
                out,
                r#"<rect class="bar" x="{:.1}" y="{y_top:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{} · {}: {count}</title></rect>"#,
                LEFT + slot * p as f64 + slot * 0.1,
                slot * 0.8,
                y_bottom - y_top,
                PALETTE[k % PALETTE.len()],
                esc(label),
                esc(key)
            );
            below += count as f64;
        }
    }
    axes(&mut out);
    x_labels(&mut out, &series.labels, |i| {
        LEFT + slot * i as f64 + slot * 0.5
    });
    if series.keys.len() > 1 || series.keys.first().is_some_and(|k| k != "all") {
        for (k, key) in series.keys.iter().enumerate() {
            let y = TOP + 6.0 + k as f64 * 18.0;
            let x = WIDTH - RIGHT + 16.0;
            let _ = writeln!(
                out,
                r#"<rect x="{x}" y="{y}" width="12" height="12" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                PALETTE[k % PALETTE.len()],
                x + 18.0,
                y + 10.0,
                esc(key)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

/// A stance line: (favor − against) / (favor + against) per period from −1 to 1, a
/// `<circle class="point">` per scored period and a `<path class="flip">` diamond where
/// the sign flips.
pub fn stance_svg(line: &StanceLine, period: Period, query: &str) -> String {
    let mut out = String::new();
    let (f, a, o) = line.undated;
    open(
        &mut out,
        &format!(
            "{} → {}: stance per {}",
            line.holder,
            line.target,
            period.name()
        ),
        &format!(
            "(favor − against) / (favor + against)   ·   query: {}   ·   undated: {f} favor, {a} against, {o} other",
            if query.is_empty() { "(all)" } else { query }
        ),
    );
    let first = line.points.first().map_or(0, |p| p.ordinal);
    let last = line.points.last().map_or(first, |p| p.ordinal);
    let labels: Vec<String> = (first..=last).map(|o| period.label(o)).collect();
    let n = labels.len().max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / n;
    let x_of = |i: f64| LEFT + slot * i + slot * 0.5;
    let y_of = |s: f64| TOP + (1.0 - s) / 2.0 * plot_h;
    for s in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let y = y_of(s);
        let _ = writeln!(
            out,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}"/><text x="{:.1}" y="{:.1}" text-anchor="end">{s}</text>"##,
            WIDTH - RIGHT,
            if s == 0.0 { "#888" } else { "#ddd" },
            LEFT - 6.0,
            y + 4.0
        );
    }
    let scored: Vec<(f64, f64, &crate::query::time::StancePoint)> = line
        .points
        .iter()
        .filter_map(|p| {
            p.score
                .map(|s| (x_of((p.ordinal - first) as f64), y_of(s), p))
        })
        .collect();
    if scored.len() > 1 {
        let points: Vec<String> = scored
            .iter()
            .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = writeln!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            points.join(" "),
            PALETTE[0]
        );
    }
    for (x, y, p) in &scored {
        let _ = writeln!(
            out,
            r#"<circle class="point" cx="{x:.1}" cy="{y:.1}" r="4" fill="{}"><title>{}: {} favor, {} against, {} other</title></circle>"#,
            PALETTE[0],
            esc(&p.label),
            p.favor,
            p.against,
            p.other
        );
        if p.flip {
            let _ = writeln!(
                out,
                r##"<path class="flip" d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z" fill="none" stroke="#d62728" stroke-width="2"><title>flip</title></path>"##,
                y - 9.0,
                x + 9.0,
                y + 9.0,
                x - 9.0
            );
        }
    }
    axes(&mut out);
    x_labels(&mut out, &labels, |i| x_of(i as f64));
    out.push_str("</svg>\n");
    out
}
