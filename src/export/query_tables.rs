//! The corpus views as tables: the hit list, grids and time series, to CSV (free-text cells a
//! spreadsheet would run as a formula get a leading `'`, as in the project CSV export) and
//! to XLSX (a first row with the query and the time of export; text is written as string
//! cells, which a spreadsheet never runs as formulas, so it needs no apostrophe).

use super::neutralise_formula;
use crate::query::describe::{COLUMNS, HitRow};
use crate::query::grid::Grid;
use crate::query::time::Series;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// A number as the tables write it: integers bare, others to two decimals.
pub fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        rounded.to_string()
    }
}

fn csv_text(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = out.write_record(row.iter().map(|c| neutralise_formula(c).into_owned()));
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The hit list as CSV: a header of `COLUMNS`, then one row per hit.
pub fn hits_csv(hits: &[HitRow]) -> String {
    let header = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    csv_text(std::iter::once(header).chain(hits.iter().map(|h| h.cells().to_vec())))
}

/// The grid's cells as rows of text: a heading row (`rows \ cols`, the columns, `total`),
/// a row per heading with its total, and a total row.
pub fn grid_table(grid: &Grid, rows: &str, cols: &str) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(grid.rows.len() + 2);
    let mut head = vec![format!("{rows} \\ {cols}")];
    head.extend(grid.cols.iter().map(|c| c.text.clone()));
    head.push("total".into());
    out.push(head);
    for (r, heading) in grid.rows.iter().enumerate() {
        let mut line = vec![heading.text.clone()];
        line.extend(grid.values[r].iter().map(|v| number(*v)));
        line.push(number(grid.row_totals[r]));
        out.push(line);
    }
    let mut totals = vec!["total".to_owned()];
    totals.extend(grid.col_totals.iter().map(|v| number(*v)));
    totals.push(number(grid.total));
    out.push(totals);
    out
}

pub fn grid_csv(grid: &Grid, rows: &str, cols: &str) -> String {
    csv_text(grid_table(grid, rows, cols))
}

/// A time series as rows of text: a heading row (the period's name, a column per stacked
/// value, `total`), a row per period from the first to the last dated hit (empty periods
/// included, as 0), and an `undated` row with the hits in documents without a date.
pub fn series_table(series: &Series) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(series.labels.len() + 2);
    let mut head = vec![series.period.name().to_owned()];
    head.extend(series.keys.iter().cloned());
    head.push("total".into());
    out.push(head);
    let line = |label: &str, counts: Vec<usize>| {
        let total: usize = counts.iter().sum();
        let mut line = vec![label.to_owned()];
        line.extend(counts.iter().map(usize::to_string));
        line.push(total.to_string());
        line
    };
    for (p, label) in series.labels.iter().enumerate() {
        out.push(line(label, series.counts.iter().map(|k| k[p]).collect()));
    }
    out.push(line("undated", series.undated.clone()));
    out
}

pub fn series_csv(series: &Series) -> String {
    csv_text(series_table(series))
}

fn title_row(sheet: &mut Worksheet, query: &str, exported: &str) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, "query", &bold)?;
    sheet.write_string(0, 1, query)?;
    sheet.write_string_with_format(0, 2, "exported", &bold)?;
    sheet.write_string(0, 3, exported)?;
    Ok(())
}

/// Writes the hit list to an XLSX file: the query row, the header, one row per hit
/// (document and annotation ids as numbers).
pub fn hits_xlsx(
    path: &Path,
    query: &str,
    exported: &str,
    hits: &[HitRow],
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("hits")?;
    title_row(sheet, query, exported)?;
    let bold = Format::new().set_bold();
    for (c, name) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(1, c as u16, *name, &bold)?;
    }
    for (i, hit) in hits.iter().enumerate() {
        let r = i as u32 + 2;
        for (c, cell) in hit.cells().iter().enumerate() {
            if COLUMNS[c] == "document" || COLUMNS[c] == "annotation" {
                sheet.write_number(r, c as u16, cell.parse::<f64>().unwrap_or(0.0))?;
            } else if !cell.is_empty() {
                sheet.write_string(r, c as u16, cell)?;
            }
        }
    }
    book.save(path)
}

/// Writes a grid to an XLSX file: the query row, then `grid_table` with numbers as numbers.
pub fn grid_xlsx(
    path: &Path,
    query: &str,
    exported: &str,
    grid: &Grid,
    rows: &str,
    cols: &str,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("grid")?;
    title_row(sheet, query, exported)?;
    let bold = Format::new().set_bold();
    let table = grid_table(grid, rows, cols);
    for (r, line) in table.iter().enumerate() {
        for (c, cell) in line.iter().enumerate() {
            let (xr, xc) = (r as u32 + 1, c as u16);
            if r == 0 || c == 0 {
                sheet.write_string_with_format(xr, xc, cell, &bold)?;
            } else {
                sheet.write_number(xr, xc, cell.parse::<f64>().unwrap_or(0.0))?;
            }
        }
    }
    book.save(path)
}

/// Writes a time series to an XLSX file: the query row, then `series_table` with counts as
/// numbers.
pub fn series_xlsx(
    path: &Path,
    query: &str,
    exported: &str,
    series: &Series,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("series")?;
    title_row(sheet, query, exported)?;
    let bold = Format::new().set_bold();
    for (r, line) in series_table(series).iter().enumerate() {
        for (c, cell) in line.iter().enumerate() {
            let (xr, xc) = (r as u32 + 1, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if r > 0 && c > 0 => sheet.write_number(xr, xc, n)?,
                _ => sheet.write_string_with_format(xr, xc, cell, &bold)?,
            };
        }
    }
    book.save(path)
}
