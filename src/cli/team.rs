//! The team commands: `merge-driver` (run by git) and `team setup`.

use crate::team::merge_driver::{self, Unmerged};
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode};

/// Git's merge driver contract: the merged file goes into `ours` (%A); exit 0 when merged,
/// non-zero when `ours` holds conflict markers for the analyst to settle.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&str>,
) -> Result<ExitCode> {
    let name = name.unwrap_or("the project file");
    let read = |p: &Path| {
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let texts = (read(base), read(ours), read(theirs));
    let outcome = match &texts {
        (Ok(b), Ok(o), Ok(t)) => {
            let worktree = std::env::current_dir().unwrap_or_default();
            merge_driver::merge_file(name, &worktree, b, o, t)
        }
        _ => Err(Unmerged::Unreadable {
            side: "one",
            reason: "a version is not UTF-8 text".to_owned(),
        }),
    };
    match outcome {
        Ok(merged) => {
            // %A is git's own temporary copy: a plain write is what git expects.
            std::fs::write(ours, merged.as_bytes())
                .with_context(|| format!("cannot write the merge of {name}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(why) => {
            writeln!(
                std::io::stderr().lock(),
                "demarche merge-driver: {name}: {why}; left to git's line merge"
            )?;
            line_merge(base, ours, theirs)
        }
    }
}

/// `git merge-file`: git's own line merge, conflict markers and all, into `ours`.
fn line_merge(base: &Path, ours: &Path, theirs: &Path) -> Result<ExitCode> {
    let status = Command::new("git")
        .args([
            "merge-file",
            "-L",
            "current",
            "-L",
            "common ancestor",
            "-L",
            "other",
        ])
        .args([ours, base, theirs])
        .status()
        .context("cannot run git merge-file")?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub fn setup(project: &Path) -> Result<ExitCode> {
    let exe = std::env::current_exe().context("cannot tell where demarche is installed")?;
    let done = crate::team::setup::setup(project, &exe)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "registered the Demarche merge driver in {}/.git/config",
        done.repository.display()
    )?;
    if done.attributes_changed {
        writeln!(
            out,
            "added `{} merge=demarche` to {} (commit it so that every clone uses it)",
            done.pattern,
            done.attributes.display()
        )?;
    } else {
        writeln!(
            out,
            "{} already names the project",
            done.attributes.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
