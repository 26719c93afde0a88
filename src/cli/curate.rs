//! `demarche curate PROJECT --auto`: auto-merge the units the analysts agree on into the
//! curated layer, as one edit, saved back to the project.

use crate::curation::{Rule, auto_merge};
use crate::model::curation::is_curated;
use crate::model::{CURATED, plural_s};
use crate::persist;
use anyhow::{Result, bail};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Who signs the decisions: `--as`, else the project's curator, else the current analyst.
fn curator_of(explicit: Option<&str>, project: &crate::model::Project) -> String {
    match explicit.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => name.to_owned(),
        None => project
            .meta
            .curator
            .clone()
            .unwrap_or_else(|| crate::workspace::current_analyst(None)),
    }
}

pub fn run(
    path: &Path,
    auto: bool,
    threshold: Option<usize>,
    as_name: Option<&str>,
) -> Result<ExitCode> {
    if !auto {
        bail!(
            "say what to curate: --auto takes the units every analyst agrees on (add \
             --threshold N for units at least N analysts agree on); the rest is curated in \
             the window"
        );
    }
    if threshold.is_some_and(|t| t < 2) {
        bail!("--threshold counts agreeing analysts: give 2 or more");
    }
    let (lock, mut loaded) = crate::cli::load_locked(path)?;
    let curator = curator_of(as_name, &loaded.project);
    if is_curated(&curator) {
        bail!("“{CURATED}” is the curated layer's own name; curate --as a person's name");
    }
    let (edit, merged) = auto_merge(&loaded.project, Rule { threshold }, &curator)?;
    let mut out = std::io::stdout().lock();
    if merged.taken > 0 {
        let mut project = loaded.project;
        edit.apply(&mut project)?;
        persist::save_back(
            &lock,
            &project,
            loaded.disk.as_ref(),
            loaded.folder.as_mut(),
        )?;
    }
    writeln!(
        out,
        "auto-merged {} unit{} on {} document{} as {curator}; {} already decided{}",
        merged.taken,
        plural_s(merged.taken),
        merged.documents,
        plural_s(merged.documents),
        merged.already_decided,
        if merged.without_statement > 0 {
            format!(
                "; {} commitment{} or stance{} left for the curator (their statement is not \
                 curated)",
                merged.without_statement,
                plural_s(merged.without_statement),
                plural_s(merged.without_statement)
            )
        } else {
            String::new()
        }
    )?;
    if merged.taken == 0 {
        writeln!(out, "{} left unchanged", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}
