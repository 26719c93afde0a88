//! A grid (a code matrix or a dyad matrix) as SVG for papers, re-drawn from its cells:
//! each cell shaded by its value (blue for positive, red for negative Goldstein sums) with
//! the value written in it, row and column headings, and the totals. Each non-empty cell is
//! one `<g class="cell">` naming its row and column, so the figure can be checked and
//! restyled by a script.

use super::chart_svg::esc;
use super::query_tables::number;
use crate::query::grid::Grid;
use std::fmt::Write;

const CELL_H: f64 = 22.0;
const MARGIN: f64 = 16.0;
const TITLE_H: f64 = 52.0;
/// Headings longer than this are cut with "…" (the full text is in the cell's `<title>`).
const HEADING_CHARS: usize = 40;
/// Approximate advance of one character at 12 px, for the heading widths.
const CHAR_W: f64 = 6.6;

fn cut(text: &str) -> String {
    if text.chars().count() <= HEADING_CHARS {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(HEADING_CHARS - 1).collect();
        out.push('…');
        out
    }
}

/// The fill of a cell: white blended towards blue (or red, for negative values) by
/// |value| / max, the smallest non-zero value still visibly tinted; and a text colour that
/// reads on it.
fn shade(value: f64, max: f64) -> (String, &'static str) {
    if value == 0.0 || max <= 0.0 {
        return ("#ffffff".into(), "#222222");
    }
    let accent: [f64; 3] = if value < 0.0 {
        [178.0, 24.0, 43.0]
    } else {
        [33.0, 102.0, 172.0]
    };
    let t = 0.12 + 0.88 * (value.abs() / max).clamp(0.0, 1.0);
    let c: Vec<u8> = accent
        .iter()
        .map(|a| (255.0 + (a - 255.0) * t).round() as u8)
        .collect();
    let luminance = (0.299 * c[0] as f64 + 0.587 * c[1] as f64 + 0.114 * c[2] as f64) / 255.0;
    let text = if luminance > 0.55 {
        "#141414"
    } else {
        "#f0f0f0"
    };
    (format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]), text)
}

/// The grid of `rows` × `cols` (field or period names) as an SVG document. `value` names
/// what the cells hold ("count", "Goldstein", …); `query` is written under the title.
pub fn grid_svg(grid: &Grid, rows: &str, cols: &str, value: &str, query: &str) -> String {
    let max_chars = |texts: &mut dyn Iterator<Item = &str>| {
        texts
            .map(|t| cut(t).chars().count())
            .max()
            .unwrap_or(0)
            .max(5) as f64
    };
    let row_w = (max_chars(&mut grid.rows.iter().map(|h| h.text.as_str())) * CHAR_W + 12.0)
        .max(rows.len() as f64 * CHAR_W + 12.0);
    // Column headings are written at -45°: their height is the longest one's reach.
    let head_h = max_chars(&mut grid.cols.iter().map(|h| h.text.as_str())) * CHAR_W * 0.72 + 24.0;
    let widest_value = grid
        .values
        .iter()
        .flatten()
        .chain(&grid.row_totals)
        .chain(&grid.col_totals)
        .chain(std::iter::once(&grid.total))
        .map(|v| number(*v).len())
        .max()
        .unwrap_or(1) as f64;
    let cell_w = (widest_value * CHAR_W + 12.0).max(34.0);
    let left = MARGIN + row_w;
    let top = TITLE_H + head_h;
    let n_cols = grid.cols.len() as f64;
    let n_rows = grid.rows.len() as f64;
    // The last column heading leans right past its column.
    let width = left + (n_cols + 1.0) * cell_w + head_h + MARGIN;
    let height = top + (n_rows + 1.0) * CELL_H + MARGIN;
    let max = grid
        .values
        .iter()
        .flatten()
        .fold(0.0f64, |m, v| m.max(v.abs()));

    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="{MARGIN}" y="22" font-size="15" font-weight="bold">{} × {} ({})</text>
<text x="{MARGIN}" y="38" fill="#555">query: {}   ·   total {}</text>
<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555">{}</text>
"##,
        esc(rows),
        esc(cols),
        esc(value),
        esc(if query.is_empty() { "(all)" } else { query }),
        number(grid.total),
        left - 6.0,
        top - 6.0,
        esc(&format!("{rows} \\ {cols}")),
    );
    // Column headings, then the totals' heading.
    let col_heading = |out: &mut String, x: f64, text: &str, bold: bool| {
        let y = top - 6.0;
        let _ = writeln!(
            out,
            r#"<g transform="translate({x:.1} {y:.1}) rotate(-45)"><text class="col-heading"{}>{}</text></g>"#,
            if bold { r#" font-weight="bold""# } else { "" },
            esc(&cut(text))
        );
    };
    for (c, heading) in grid.cols.iter().enumerate() {
        col_heading(
            &mut out,
            left + (c as f64 + 0.5) * cell_w,
            &heading.text,
            false,
        );
    }
    col_heading(&mut out, left + (n_cols + 0.5) * cell_w, "total", true);
    let cell_text = |out: &mut String, x: f64, y: f64, fill: &str, text: &str| {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="{fill}">{}</text>"#,
            x + cell_w / 2.0,
            y + CELL_H / 2.0 + 4.0,
            esc(text)
        );
    };
    for (r, heading) in grid.rows.iter().enumerate() {
        let y = top + r as f64 * CELL_H;
        let _ = writeln!(
            out,
            r#"<text class="row-heading" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 6.0,
            y + CELL_H / 2.0 + 4.0,
            esc(&cut(&heading.text))
        );
        for (c, col) in grid.cols.iter().enumerate() {
            let x = left + c as f64 * cell_w;
            let hits = grid.counts[r][c];
            if hits == 0 {
                let _ = writeln!(
                    out,
                    r##"<rect class="empty" x="{x:.1}" y="{y:.1}" width="{cell_w:.1}" height="{CELL_H}" fill="white" stroke="#e4e4e4"/>"##
                );
                continue;
            }
            let v = grid.values[r][c];
            let (fill, ink) = shade(v, max);
            let _ = write!(
                out,
                r##"<g class="cell" data-row="{}" data-col="{}" data-hits="{hits}"><title>{} × {}: {} ({hits} hit{})</title><rect x="{x:.1}" y="{y:.1}" width="{cell_w:.1}" height="{CELL_H}" fill="{fill}" stroke="#e4e4e4"/>"##,
                esc(&heading.text),
                esc(&col.text),
                esc(&heading.text),
                esc(&col.text),
                number(v),
                if hits == 1 { "" } else { "s" }
            );
            cell_text(&mut out, x, y, ink, &number(v));
            out.push_str("</g>\n");
        }
        let x = left + n_cols * cell_w;
        let _ = write!(out, r#"<g class="row-total" font-weight="bold">"#);
        cell_text(&mut out, x, y, "#222222", &number(grid.row_totals[r]));
        out.push_str("</g>\n");
    }
    // The totals row.
    let y = top + n_rows * CELL_H;
    let _ = writeln!(
        out,
        r##"<line x1="{MARGIN}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#333"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-weight="bold">total</text>"##,
        left + (n_cols + 1.0) * cell_w,
        left - 6.0,
        y + CELL_H / 2.0 + 4.0
    );
    let x_total = left + n_cols * cell_w;
    let _ = writeln!(
        out,
        r##"<line x1="{x_total:.1}" y1="{:.1}" x2="{x_total:.1}" y2="{:.1}" stroke="#333"/>"##,
        top,
        y + CELL_H
    );
    out.push_str(r#"<g class="col-totals" font-weight="bold">"#);
    for (c, total) in grid.col_totals.iter().enumerate() {
        cell_text(
            &mut out,
            left + c as f64 * cell_w,
            y,
            "#222222",
            &number(*total),
        );
    }
    out.push_str("</g>\n");
    let _ = write!(out, r#"<g class="grand-total" font-weight="bold">"#);
    cell_text(&mut out, x_total, y, "#222222", &number(grid.total));
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_grow_with_the_value_and_negative_values_are_red() {
        let (low, _) = shade(1.0, 10.0);
        let (high, ink) = shade(10.0, 10.0);
        assert_ne!(low, high);
        assert_eq!(high, "#2166ac");
        assert_eq!(ink, "#f0f0f0");
        let (red, _) = shade(-10.0, 10.0);
        assert_eq!(red, "#b2182b");
        assert_eq!(shade(0.0, 10.0).0, "#ffffff");
    }

    #[test]
    fn long_headings_are_cut() {
        let long = "a".repeat(HEADING_CHARS + 10);
        assert_eq!(cut(&long).chars().count(), HEADING_CHARS);
        assert!(cut(&long).ends_with('…'));
        assert_eq!(cut("China"), "China");
    }
}
