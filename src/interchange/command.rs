//! `demarche import PROJECT.ron --format brat DIR` and `--format jsonl FILE`, called from
//! the command line.

use super::{PreparedImport, prepare_brat, prepare_jsonl};
use crate::model::counted;
use anyhow::{Context, Result, bail};
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

/// Imports into the project as `analyst`'s work (one edit) and saves it; every line not
/// kept as written is listed on stderr. Nothing is saved when the input cannot be read.
/// A document refused (its analyst already coded the same text, without `replace`) is
/// said on stderr and gives a non-zero exit; the rest is still imported.
pub fn run(
    project_path: &Path,
    format: ImportFormat,
    inputs: &[PathBuf],
    analyst: &str,
    replace: bool,
) -> Result<ExitCode> {
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
    let PreparedImport { edit, report } = match format {
        ImportFormat::Brat => prepare_brat(&project, input, analyst, replace)?,
        ImportFormat::Jsonl => prepare_jsonl(&project, input, analyst, replace)?,
    };
    let changed = !edit.is_empty();
    if changed {
        edit.apply(&mut project).with_context(|| {
            format!(
                "cannot import {}; {} was left unchanged",
                input.display(),
                project_path.display()
            )
        })?;
        crate::persist::save_back(
            &lock,
            &project,
            loaded.disk.as_ref(),
            loaded.folder.as_mut(),
        )?;
    }
    let mut stderr = std::io::stderr().lock();
    for problem in &report.problems {
        writeln!(stderr, "{problem}")?;
    }
    for refused in &report.refused {
        writeln!(stderr, "{refused}")?;
    }
    drop(stderr);
    let mut stdout = std::io::stdout().lock();
    for a in &report.attached {
        let replaced = if a.replaced > 0 {
            format!(
                ", replacing {}'s {}",
                a.analyst,
                counted(a.replaced, "annotation")
            )
        } else {
            String::new()
        };
        writeln!(
            stdout,
            "attached {} to document {} “{}” as {}'s layer{replaced}",
            counted(a.annotations, "annotation"),
            a.document,
            a.title,
            a.analyst
        )?;
    }
    writeln!(
        stdout,
        "imported {} with {} ({} new) from {}{}",
        counted(report.documents, "document"),
        counted(report.annotations, "annotation"),
        counted(report.actors_added, "actor"),
        input.display(),
        if report.refused.is_empty() {
            String::new()
        } else {
            format!("; refused {}", counted(report.refused.len(), "document"))
        }
    )?;
    if !changed {
        writeln!(stdout, "{} left unchanged", project_path.display())?;
    }
    Ok(if report.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
