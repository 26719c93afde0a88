//! Expanding the paths given to an import (files and folders) into the files to read.

use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// The files an import will read, in order, and the places that could not be searched.
#[derive(Debug, Default)]
pub struct Expanded {
    pub files: Vec<PathBuf>,
    /// A folder (or an entry in one) that could not be listed, and why.
    pub failures: Vec<(PathBuf, String)>,
}

/// Expands `paths` in the order given: a file stays as it is (a missing one too, so the
/// import reports it), a folder becomes every file beneath it, recursively, sorted by name
/// so that repeated imports number documents the same way. Hidden files and folders (a
/// leading dot: `.DS_Store`, `.git`) are skipped; symbolic links to folders are not
/// followed, so a link loop cannot make the walk endless.
pub fn expand_paths(paths: &[PathBuf]) -> Expanded {
    let mut expanded = Expanded::default();
    for path in paths {
        if path.is_dir() {
            walk_folder(path, &mut expanded);
        } else {
            expanded.files.push(path.clone());
        }
    }
    expanded
}

fn walk_folder(folder: &Path, expanded: &mut Expanded) {
    let walk = WalkDir::new(folder)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        // The folder named on the command line is taken even when its own name is hidden.
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry));
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            // Links to files are read through; a dangling one fails at import, by name.
            Ok(entry) if entry.path_is_symlink() && entry.path().is_dir() => {}
            Ok(entry) => expanded.files.push(entry.into_path()),
            Err(error) => {
                let path = error.path().unwrap_or(folder).to_path_buf();
                let reason = match error.io_error() {
                    Some(io) => format!("the folder could not be read: {io}"),
                    None => error.to_string(),
                };
                expanded.failures.push((path, reason));
            }
        }
    }
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}
