//! `demarche analysts PROJECT`: who coded what, as a table for people (scripts read the
//! CSV export's `analyst` columns and `progress.csv`).

use crate::model::layers::{KindCounts, counts_by_analyst};
use crate::model::{DocStatus, Project, counted};
use crate::persist;
use anyhow::Result;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Titles longer than this are cut, so that rows stay on one line.
const TITLE_WIDTH: usize = 40;

const HEADER: [&str; 10] = [
    "analyst",
    "document",
    "title",
    "status",
    "mentions",
    "statements",
    "commitments",
    "stances",
    "tags",
    "links",
];

/// One analyst's work on one document.
struct Row {
    analyst: String,
    document: String,
    title: String,
    status: String,
    counts: KindCounts,
}

pub fn run(path: &Path) -> Result<ExitCode> {
    let project = persist::load(path)?.project;
    let mut out = std::io::stdout().lock();
    let rows = rows(&project);
    if rows.is_empty() {
        writeln!(
            out,
            "{} has no analysts yet: nobody has coded a document, set a status or rejected a \
             suggestion",
            path.display()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    for line in table(&rows) {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A row per analyst and document they coded or gave a status, then a total per analyst
/// (and for the project when there are several analysts).
fn rows(project: &Project) -> Vec<Row> {
    let mut by_analyst: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for analyst in project.analysts() {
        by_analyst.insert(analyst, Vec::new());
    }
    for doc in &project.documents {
        let counts = counts_by_analyst(doc);
        let mut names: Vec<&str> = counts.keys().copied().collect();
        names.extend(doc.meta.progress.keys().map(String::as_str));
        names.sort_unstable();
        names.dedup();
        for name in names {
            let row = Row {
                analyst: name.to_owned(),
                document: doc.id.to_string(),
                title: cut(&doc.meta.title),
                status: doc.meta.status_of(name).label().to_owned(),
                counts: counts.get(name).copied().unwrap_or_default(),
            };
            by_analyst.entry(name.to_owned()).or_default().push(row);
        }
    }
    let several = by_analyst.len() > 1;
    let mut all = KindCounts::default();
    let mut out = Vec::new();
    for (analyst, rows) in by_analyst {
        let mut total = KindCounts::default();
        for row in &rows {
            total.add(&row.counts);
        }
        let done = rows
            .iter()
            .filter(|r| r.status == DocStatus::Done.label())
            .count();
        all.add(&total);
        let summary = Row {
            analyst: analyst.clone(),
            document: "total".to_owned(),
            title: counted(rows.len(), "document"),
            status: format!("{done} done"),
            counts: total,
        };
        out.extend(rows);
        out.push(summary);
    }
    if several {
        out.push(Row {
            analyst: "all analysts".to_owned(),
            document: "total".to_owned(),
            title: counted(project.documents.len(), "document"),
            status: String::new(),
            counts: all,
        });
    }
    out
}

fn cut(title: &str) -> String {
    if title.chars().count() <= TITLE_WIDTH {
        title.to_owned()
    } else {
        let mut short: String = title.chars().take(TITLE_WIDTH - 1).collect();
        short.push('…');
        short
    }
}

/// The rows as aligned text lines, the header first; numbers are right-aligned.
fn table(rows: &[Row]) -> Vec<String> {
    let cells: Vec<[String; 10]> = rows
        .iter()
        .map(|r| {
            let c = &r.counts;
            [
                r.analyst.clone(),
                r.document.clone(),
                r.title.clone(),
                r.status.clone(),
                c.mentions.to_string(),
                c.statements.to_string(),
                c.commitments.to_string(),
                c.stances.to_string(),
                c.tags.to_string(),
                c.links.to_string(),
            ]
        })
        .collect();
    let mut widths = HEADER.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: [&str; 10]| {
        let mut text = String::new();
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            let pad = " ".repeat(width - cell.chars().count());
            if i >= 4 {
                text.push_str(&pad);
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&pad);
            }
            text.push_str("  ");
        }
        text
    };
    let mut out = vec![line(HEADER)];
    out.extend(
        cells
            .iter()
            .map(|row| line(row.each_ref().map(String::as_str))),
    );
    out
}

/// One line per analyst for `validate`: the documents they coded and their counts.
pub fn summary_lines(project: &Project) -> Vec<String> {
    let mut totals: BTreeMap<&str, (usize, KindCounts)> = BTreeMap::new();
    for doc in &project.documents {
        for (name, counts) in counts_by_analyst(doc) {
            let entry = totals.entry(name).or_default();
            entry.0 += 1;
            entry.1.add(&counts);
        }
    }
    totals
        .into_iter()
        .map(|(name, (documents, counts))| {
            format!("{name}: {}, {counts}", counted(documents, "document"))
        })
        .collect()
}
