//! `demarche export PROJECT.ron --format FORMAT --out DIR`, called from the command line.

use super::{Format, export};
use crate::error_text::one_line;
use crate::model::counted;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Loads the project, exports it and prints what was written (once every file is in
/// place); anything the format could not carry is listed on stderr (the export still
/// succeeds).
pub fn run(
    project_path: &Path,
    format: Format,
    out: &Path,
    analysts: &[String],
) -> Result<ExitCode> {
    let mut project = crate::persist::load(project_path)?.project;
    crate::model::layers::check_analysts(&project, analysts, &project_path.display().to_string())?;
    crate::model::layers::keep_layers(&mut project, analysts);
    // One message with each cause once (`main` prints a chain, whose links repeat causes).
    let summary = export(&project, format, out, &mut |_| {}).map_err(|e| {
        anyhow!(
            "cannot export {} as {format}: {}",
            project_path.display(),
            one_line(&e)
        )
    })?;
    let mut stdout = std::io::stdout().lock();
    for file in &summary.files {
        writeln!(stdout, "wrote {}", file.display())?;
    }
    writeln!(
        stdout,
        "exported {} and {} as {} to {}",
        counted(summary.documents, "document"),
        counted(summary.annotations, "annotation"),
        format.label(),
        out.display()
    )?;
    let mut stderr = std::io::stderr().lock();
    for message in &summary.left_out {
        writeln!(stderr, "not exported: {message}")?;
    }
    Ok(ExitCode::SUCCESS)
}
