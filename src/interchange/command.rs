//! `demarche import PROJECT.ron --format brat DIR` and `--format jsonl FILE`, called from
//! the command line.

use super::{ImportReport, import_brat, import_jsonl};
use crate::model::counted;
use anyhow::{Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The formats `demarche import --format` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    Brat,
    Jsonl,
}

impl std::str::FromStr for ImportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "brat" => Ok(ImportFormat::Brat),
            "jsonl" | "doccano" => Ok(ImportFormat::Jsonl),
            other => Err(format!(
                "cannot import format {other:?}; choose brat (a folder) or jsonl (a file)"
            )),
        }
    }
}

/// Imports into the project and saves it; every line not kept as written is listed on
/// stderr. Nothing is saved when the input cannot be read.
pub fn run(project_path: &Path, format: ImportFormat, inputs: &[PathBuf]) -> Result<ExitCode> {
    let [input] = inputs else {
        bail!(
            "--format {} imports one {} at a time; {} were given",
            match format {
                ImportFormat::Brat => "brat",
                ImportFormat::Jsonl => "jsonl",
            },
            match format {
                ImportFormat::Brat => "folder",
                ImportFormat::Jsonl => "file",
            },
            inputs.len()
        );
    };
    let (lock, mut loaded) = crate::cli::load_locked(project_path)?;
    let mut project = loaded.project;
    let report: ImportReport = match format {
        ImportFormat::Brat => import_brat(&mut project, input)?,
        ImportFormat::Jsonl => import_jsonl(&mut project, input)?,
    };
    crate::persist::save_back(
        &lock,
        &project,
        loaded.disk.as_ref(),
        loaded.folder.as_mut(),
    )?;
    let mut stderr = std::io::stderr().lock();
    for problem in &report.problems {
        writeln!(stderr, "{problem}")?;
    }
    writeln!(
        std::io::stdout().lock(),
        "imported {} with {} ({} new) from {}",
        counted(report.documents, "document"),
        counted(report.annotations, "annotation"),
        counted(report.actors_added, "actor"),
        input.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
