//! `demarche query PROJECT 'QUERY'` prints the hits of a query; `demarche table PROJECT
//! --rows F --cols F` prints a grid of them; `demarche series PROJECT --by month` counts
//! them per period. All read a project file or folder, cover every analyst's layer unless
//! the query or `--analyst` names some, and write CSV, JSON, (with `--out FILE.xlsx`) a
//! spreadsheet, or (grids and series) an SVG figure.

use crate::export::{chart_svg, grid_svg, query_tables};
use crate::model::layers::check_analysts;
use crate::persist;
use crate::query::describe::describe;
use crate::query::grid::{Dim, Measure, grid};
use crate::query::time::{series as time_series, stackable};
use crate::query::{Chip, Field, Index, Period, Query, Value, select};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Csv,
    Json,
    Xlsx,
    /// A figure: grids and series only.
    Svg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableValue {
    Count,
    Goldstein,
}

/// Parses a grid dimension: a field or a period.
pub fn parse_dim(text: &str) -> Result<Dim, String> {
    Dim::parse(text).ok_or_else(|| {
        format!(
            "“{text}” is not a field or period: give one of {}",
            Dim::names().join(", ")
        )
    })
}

/// Parses a period: week, month, quarter or year.
pub fn parse_period(text: &str) -> Result<Period, String> {
    match Dim::parse(text) {
        Some(Dim::Period(p)) => Ok(p),
        _ => Err(format!(
            "“{text}” is not a period: give week, month, quarter or year"
        )),
    }
}

/// Parses the field a series is stacked by.
pub fn parse_stack(text: &str) -> Result<Field, String> {
    Field::from_name(text.trim())
        .filter(|f| stackable(*f))
        .ok_or_else(|| {
            let names: Vec<&str> = Field::ALL
                .iter()
                .filter(|f| stackable(**f))
                .map(|f| f.name())
                .collect();
            format!(
                "“{text}” cannot stack a series: give one of {}",
                names.join(", ")
            )
        })
}

/// The query text parsed, with `--analyst` names as one more chip; a malformed query is
/// shown with a caret under the position.
fn parse(text: &str, analysts: &[String]) -> Result<Query> {
    let mut query = match Query::parse(text) {
        Ok(q) => q,
        Err(e) => {
            let caret = " ".repeat(e.position);
            bail!("the query does not parse: {e}\n  {text}\n  {caret}^");
        }
    };
    if !analysts.is_empty() {
        query = query.and(Chip::new(
            Field::Analyst,
            analysts.iter().map(|a| Value::new(a.trim())),
        ));
    }
    Ok(query)
}

/// The query text, or the saved query `@NAME` stands for.
fn resolve<'a>(project: &'a crate::model::Project, text: &'a str) -> Result<&'a str> {
    let Some(name) = text.trim().strip_prefix('@') else {
        return Ok(text);
    };
    match project.meta.saved_query(name) {
        Some(saved) => Ok(&saved.query),
        None => {
            let names: Vec<&str> = project
                .meta
                .saved_queries
                .iter()
                .map(|q| q.name.as_str())
                .collect();
            bail!(
                "the project has no saved query “{name}”; its saved queries: {}",
                if names.is_empty() {
                    "none yet".to_owned()
                } else {
                    names.join(", ")
                }
            )
        }
    }
}

/// `demarche query PROJECT 'QUERY' --save NAME`: keeps the query in the project, as one
/// edit, saved back.
pub fn save(path: &Path, text: &str, name: &str) -> Result<ExitCode> {
    if name.trim().is_empty() || name.trim().starts_with('@') {
        bail!("give the saved query a name (not empty, not starting with @)");
    }
    let canonical = parse(text, &[])?.to_string();
    let (lock, mut loaded) = crate::cli::load_locked(path)?;
    let mut project = loaded.project;
    crate::edit::saved_queries::save(&project.meta, name, &canonical).apply(&mut project)?;
    persist::save_back(
        &lock,
        &project,
        loaded.disk.as_ref(),
        loaded.folder.as_mut(),
    )?;
    writeln!(
        std::io::stdout().lock(),
        "saved “{}”: {canonical}",
        name.trim()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn exported() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()
}

fn is_xlsx(format: OutputFormat, out: Option<&Path>) -> Result<bool> {
    let by_name = out.is_some_and(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    });
    if format == OutputFormat::Xlsx && out.is_none() {
        bail!("--format xlsx writes a file: give it with --out FILE.xlsx");
    }
    Ok(by_name || format == OutputFormat::Xlsx)
}

fn emit(text: &str, out: Option<&Path>) -> Result<()> {
    match out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}

fn load(path: &Path, analysts: &[String]) -> Result<crate::model::Project> {
    let project = persist::load(path)?.project;
    check_analysts(&project, analysts, &path.display().to_string())?;
    Ok(project)
}

pub fn hits(
    path: &Path,
    text: &str,
    format: OutputFormat,
    analysts: &[String],
    out: Option<&Path>,
) -> Result<ExitCode> {
    let xlsx = is_xlsx(format, out)?;
    if format == OutputFormat::Svg {
        bail!(
            "a hit list has no figure: --format svg is for `demarche table` and `demarche series`"
        );
    }
    let project = load(path, analysts)?;
    let query = parse(resolve(&project, text)?, analysts)?;
    let index = Index::build(&project);
    let rows = select(&index, &query)?;
    let hits = describe(&project, &index, &rows);
    match (xlsx, out) {
        (true, Some(file)) => query_tables::hits_xlsx(file, &query.to_string(), &exported(), &hits)
            .with_context(|| format!("cannot write {}", file.display()))?,
        _ if format == OutputFormat::Json => {
            let json = serde_json::json!({
                "query": query.to_string(),
                "count": hits.len(),
                "hits": hits,
            });
            emit(&format!("{}\n", serde_json::to_string_pretty(&json)?), out)?;
        }
        _ => emit(&query_tables::hits_csv(&hits), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What `demarche table` was asked for.
pub struct TableRequest {
    pub project: PathBuf,
    pub rows: Dim,
    pub cols: Dim,
    pub query: String,
    pub value: TableValue,
    pub weighted: bool,
    pub format: OutputFormat,
    pub analysts: Vec<String>,
    pub out: Option<PathBuf>,
}

pub fn table(r: TableRequest) -> Result<ExitCode> {
    let out = r.out.as_deref();
    let xlsx = is_xlsx(r.format, out)?;
    if r.weighted && r.value != TableValue::Goldstein {
        bail!("--weighted weighs Goldstein scores: add --value goldstein");
    }
    let project = load(&r.project, &r.analysts)?;
    let query = parse(resolve(&project, &r.query)?, &r.analysts)?;
    let index = Index::build(&project);
    let measure = match r.value {
        TableValue::Count => Measure::Count,
        TableValue::Goldstein => Measure::Goldstein {
            weighted: r.weighted,
        },
    };
    let g = grid(&index, &query, r.rows, r.cols, measure)?;
    let (rows, cols) = (r.rows.name(), r.cols.name());
    match (xlsx, out) {
        (true, Some(file)) => {
            query_tables::grid_xlsx(file, &query.to_string(), &exported(), &g, rows, cols)
                .with_context(|| format!("cannot write {}", file.display()))?
        }
        _ if r.format == OutputFormat::Svg => {
            let value = match measure {
                Measure::Count => "count",
                Measure::Goldstein { weighted: false } => "Goldstein",
                Measure::Goldstein { weighted: true } => "Goldstein × strength",
            };
            emit(
                &grid_svg::grid_svg(&g, rows, cols, value, &query.to_string()),
                out,
            )?;
        }
        _ if r.format == OutputFormat::Json => {
            let percent = |f: &dyn Fn(usize, usize) -> Option<f64>| -> Vec<Vec<Option<f64>>> {
                (0..g.rows.len())
                    .map(|i| (0..g.cols.len()).map(|j| f(i, j)).collect())
                    .collect()
            };
            let json = serde_json::json!({
                "query": query.to_string(),
                "rows_field": rows,
                "cols_field": cols,
                "value": match measure {
                    Measure::Count => "count",
                    Measure::Goldstein { weighted: false } => "goldstein",
                    Measure::Goldstein { weighted: true } => "goldstein weighted by strength",
                },
                "rows": g.rows.iter().map(|h| &h.text).collect::<Vec<_>>(),
                "cols": g.cols.iter().map(|h| &h.text).collect::<Vec<_>>(),
                "cells": g.values,
                "hits": g.counts,
                "row_totals": g.row_totals,
                "col_totals": g.col_totals,
                "total": g.total,
                "row_percent": percent(&|i, j| g.row_percent(i, j)),
                "col_percent": percent(&|i, j| g.col_percent(i, j)),
            });
            emit(&format!("{}\n", serde_json::to_string_pretty(&json)?), out)?;
        }
        _ => emit(&query_tables::grid_csv(&g, rows, cols), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// What `demarche series` was asked for.
pub struct SeriesRequest {
    pub project: PathBuf,
    pub period: Period,
    pub stack: Option<Field>,
    pub query: String,
    pub format: OutputFormat,
    pub analysts: Vec<String>,
    pub out: Option<PathBuf>,
}

pub fn series(r: SeriesRequest) -> Result<ExitCode> {
    let out = r.out.as_deref();
    let xlsx = is_xlsx(r.format, out)?;
    let project = load(&r.project, &r.analysts)?;
    let query = parse(resolve(&project, &r.query)?, &r.analysts)?;
    let index = Index::build(&project);
    let s = time_series(&index, &query, r.period, r.stack)?;
    match (xlsx, out) {
        (true, Some(file)) => query_tables::series_xlsx(file, &query.to_string(), &exported(), &s)
            .with_context(|| format!("cannot write {}", file.display()))?,
        _ if r.format == OutputFormat::Svg => {
            emit(&chart_svg::series_svg(&s, &query.to_string()), out)?
        }
        _ if r.format == OutputFormat::Json => {
            let json = serde_json::json!({
                "query": query.to_string(),
                "period": r.period.name(),
                "stack": r.stack.map(|f| f.name()),
                "periods": s.labels,
                "keys": s.keys,
                "counts": s.counts,
                "undated": s.undated,
            });
            emit(&format!("{}\n", serde_json::to_string_pretty(&json)?), out)?;
        }
        _ => emit(&query_tables::series_csv(&s), out)?,
    }
    Ok(ExitCode::SUCCESS)
}
