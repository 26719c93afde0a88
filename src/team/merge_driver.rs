//! `demarche merge-driver %O %A %B %P`: git's three versions of a project file merged as
//! projects rather than as lines. Two analysts who coded the same document, added actors
//! or codebook entries in parallel, or changed different fields of one actor, get a merged
//! file with no conflict. What cannot be merged (one analyst's layer on one document
//! changed in two ways, a file that does not parse) is left to git's own line merge, with
//! its conflict markers, and said on stderr.

use crate::model::Project;
use crate::model::merge;
use crate::persist;
use std::path::Path;

/// Why the driver left a file to git's line merge.
#[derive(Debug, thiserror::Error)]
pub enum Unmerged {
    #[error("the {side} version is not a project file Demarche reads: {reason}")]
    Unreadable { side: &'static str, reason: String },
    #[error("{0}")]
    Conflict(merge::Conflict),
    #[error("the merge would not be a valid project: {0}")]
    Invalid(String),
    #[error("both versions changed {0} in different ways")]
    Parts(String),
}

/// Merges the texts of one project file, or of one part of a project folder. `name` is
/// the file's path in the repository, and `worktree` the repository's top (where git runs
/// the driver): together they say whether the file is a part of a folder.
pub fn merge_file(
    name: &str,
    worktree: &Path,
    base: &str,
    ours: &str,
    theirs: &str,
) -> Result<String, Unmerged> {
    match super::parts::part_path(name, worktree) {
        Some(relative) => super::parts::merge_part(&relative, base, ours, theirs),
        None => merge_texts(name, base, ours, theirs),
    }
}

/// Merges the texts of one single-file project.
pub fn merge_texts(name: &str, base: &str, ours: &str, theirs: &str) -> Result<String, Unmerged> {
    let read = |side: &'static str, text: &str| -> Result<Project, Unmerged> {
        persist::from_str(text, Path::new(name))
            .map(|loaded| loaded.project)
            .map_err(|e| Unmerged::Unreadable {
                side,
                reason: crate::error_text::one_line(&e),
            })
    };
    let ours = read("current", ours)?;
    let theirs = read("other", theirs)?;
    // A file both sides added has an empty base: everything in it is new on both sides.
    let base = if base.trim().is_empty() {
        Project {
            meta: ours.meta.clone(),
            ..Project::new(ours.meta.name.clone())
        }
    } else {
        read("common ancestor", base)?
    };
    let merged = merge::merge(&base, &ours, &theirs).map_err(Unmerged::Conflict)?;
    let problems = persist::validate(&merged);
    if let Some(first) = problems.first() {
        return Err(Unmerged::Invalid(format!(
            "{} problem(s), first: {first}",
            problems.len()
        )));
    }
    Ok(persist::to_canonical_string(&merged))
}
