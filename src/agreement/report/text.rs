//! The readable table `demarche agreement` prints by default.

use super::{DEFINITIONS, FigureRow, figure, rows};
use crate::agreement::scope::Report;
use std::fmt::Write as _;

const HEADER: [&str; 9] = [
    "layer",
    "analysts",
    "measure",
    "coefficient",
    "pooled",
    "mean/doc",
    "docs",
    "units",
    "unmatched",
];

fn analysts(row: &FigureRow) -> String {
    row.analysts.join(" + ")
}

fn unmatched(row: &FigureRow) -> String {
    row.unmatched
        .iter()
        .map(|(who, n)| format!("{who} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn render(report: &Report, per_document: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Agreement in {} — {} analysts ({}), {} documents; codebook {}",
        report.project,
        report.analysts.len(),
        report.analysts.join(", "),
        report.documents.len(),
        report.codebook_hash
    );
    let _ = writeln!(
        out,
        "Units are matched when they share at least {:.0}% of the shorter one's characters. \
         'units': coded units on span rows, matched units on attribute rows; 'unmatched': \
         each analyst's units that no other analyst matched.\n",
        report.min_overlap * 100.0
    );
    let all = rows(report, per_document);
    let mut cells: Vec<[String; 9]> = Vec::new();
    for row in all.iter().filter(|r| !r.detail) {
        let doc = row.document.map(|d| format!(" (document {d})"));
        cells.push([
            row.layer.to_owned(),
            analysts(row),
            format!("{}{}", row.measure, doc.unwrap_or_default()),
            row.coefficient.to_owned(),
            figure(row.value),
            if row.document.is_some() {
                String::new()
            } else {
                figure(row.mean_over_documents)
            },
            row.documents.to_string(),
            row.matched.to_string(),
            if row.document.is_some() {
                String::new()
            } else {
                unmatched(row)
            },
        ]);
    }
    let mut widths = HEADER.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header = HEADER.map(str::to_owned);
    for row in std::iter::once(&header).chain(&cells) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            let pad = w - cell.chars().count();
            // Figures and counts are right-aligned.
            if (4..=7).contains(&i) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
    for (name, definition) in DEFINITIONS {
        let _ = writeln!(out, "{name}: {definition}");
    }
    out
}
