//! `demarche agreement PROJECT`: how far the analysts agree, as a table, JSON, CSV or a
//! self-contained HTML report.

use crate::agreement::report::{self, Format};
use crate::agreement::{Layer, Selection, compute};
use crate::model::Id;
use crate::persist;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The output formats, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AgreementFormat {
    Text,
    Json,
    Csv,
    Html,
}

impl From<AgreementFormat> for Format {
    fn from(format: AgreementFormat) -> Self {
        match format {
            AgreementFormat::Text => Format::Text,
            AgreementFormat::Json => Format::Json,
            AgreementFormat::Csv => Format::Csv,
            AgreementFormat::Html => Format::Html,
        }
    }
}

/// Parses a layer name: mentions, statements, commitments, stances or tags.
pub fn parse_layer(text: &str) -> Result<Layer, String> {
    Layer::from_key(text).ok_or_else(|| {
        format!("“{text}” is not a layer: give mentions, statements, commitments, stances or tags")
    })
}

/// Parses a date as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("“{text}” is not a date: give it as YYYY-MM-DD (2024-03-31)"))
}

/// What the command was asked for.
pub struct Request {
    pub project: PathBuf,
    pub selection: Selection,
    pub format: AgreementFormat,
    pub out: Option<PathBuf>,
    pub per_document: bool,
}

pub fn run(request: Request) -> Result<ExitCode> {
    let project = persist::load(&request.project)?.project;
    let report = compute(&project, &request.selection)
        .with_context(|| format!("cannot compute agreement in {}", request.project.display()))?;
    let text = report::render(&report, request.format.into(), request.per_document);
    match &request.out {
        Some(path) => write_file(path, &text)?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes through a temporary file beside `path`, so that a failed write leaves any earlier
/// report whole.
fn write_file(path: &Path, text: &str) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Document ids as `--doc` gives them.
pub fn documents(ids: &[u64]) -> Vec<Id> {
    ids.iter().copied().map(Id).collect()
}
