//! Where each part of a project folder lives, and what kind of part a path names.
//!
//! ```text
//! NAME/
//! ├── project.ron                 format_version, meta, codebook
//! ├── actors/<id>-<slug>.ron      one actor
//! ├── documents/<id>-<slug>.ron   one document: metadata and text
//! └── layers/<analyst>/<document stem>.ron   one analyst's work on one document
//! ```
//!
//! A file's name is chosen once, when it is first written, and remembered from then on
//! (see `FolderState`): a retitled document keeps its file.

use crate::model::analyst::{folder_name, slug};
use crate::model::{Actor, Document};
use std::path::{Component, Path, PathBuf};

/// The file that marks a project folder.
pub const PROJECT_FILE: &str = "project.ron";
pub const ACTORS: &str = "actors";
pub const DOCUMENTS: &str = "documents";
pub const LAYERS: &str = "layers";
/// Files that are never part of the project: locks, temporaries, recovery files.
pub const GITIGNORE: &str = ".gitignore";
pub const GITIGNORE_TEXT: &str = "\
# Written by Demarche: files that only exist while Demarche writes, or after a crash.
*.lock
.*.tmp
*.recovery.*
";

/// The longest slug in a file name: readable, and far from any file system's limit.
const SLUG_MAX: usize = 40;

/// The kinds of files in a project folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartKind {
    Project,
    Actor,
    Document,
    Layer,
}

/// What kind of part `relative` (a path inside the folder) names; `None` for every other
/// file (a README, git's files, temporaries), which loading ignores.
pub fn kind_of(relative: &Path) -> Option<PartKind> {
    let names: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let is_part_name = |name: &str| name.ends_with(".ron") && !name.starts_with('.');
    match names.as_slice() {
        [PROJECT_FILE] => Some(PartKind::Project),
        [ACTORS, name] if is_part_name(name) => Some(PartKind::Actor),
        [DOCUMENTS, name] if is_part_name(name) => Some(PartKind::Document),
        [LAYERS, analyst, name] if is_part_name(name) && !analyst.starts_with('.') => {
            Some(PartKind::Layer)
        }
        _ => None,
    }
}

/// `12-wang-yi-visits-lima` for a document or actor: the id keeps names unique, the slug
/// keeps them readable.
fn stem(id: u64, title: &str) -> String {
    let slug = slug(title, SLUG_MAX);
    if slug.is_empty() {
        id.to_string()
    } else {
        format!("{id}-{slug}")
    }
}

/// The stem a new document's files get.
pub fn new_document_stem(document: &Document) -> String {
    stem(document.id.0, &document.meta.title)
}

/// The stem a new actor's file gets.
pub fn new_actor_stem(actor: &Actor) -> String {
    stem(actor.id.0, &actor.name)
}

pub fn document_path(stem: &str) -> PathBuf {
    Path::new(DOCUMENTS).join(format!("{stem}.ron"))
}

pub fn actor_path(stem: &str) -> PathBuf {
    Path::new(ACTORS).join(format!("{stem}.ron"))
}

/// Where a new layer of `analyst` on the document whose files have `document_stem` goes.
pub fn layer_path(analyst: &str, document_stem: &str) -> PathBuf {
    Path::new(LAYERS)
        .join(folder_name(analyst))
        .join(format!("{document_stem}.ron"))
}

/// The stem of a part's file name (`12-lima` for `documents/12-lima.ron`).
pub fn stem_of(relative: &Path) -> String {
    relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every part file under `dir`, as paths relative to it, sorted; other files are left
/// out. A folder that cannot be listed is an error; missing subfolders are not.
pub fn list_parts(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut parts = Vec::new();
    if dir.join(PROJECT_FILE).exists() {
        parts.push(PathBuf::from(PROJECT_FILE));
    }
    for sub in [ACTORS, DOCUMENTS] {
        for name in file_names(&dir.join(sub))? {
            parts.push(Path::new(sub).join(name));
        }
    }
    for analyst in file_names(&dir.join(LAYERS))? {
        let layer_dir = Path::new(LAYERS).join(&analyst);
        if !dir.join(&layer_dir).is_dir() {
            continue;
        }
        for name in file_names(&dir.join(&layer_dir))? {
            parts.push(layer_dir.join(name));
        }
    }
    parts.retain(|p| kind_of(p).is_some());
    parts.sort();
    Ok(parts)
}

/// The names in a folder; none when it does not exist.
fn file_names(dir: &Path) -> std::io::Result<Vec<std::ffi::OsString>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.map(|e| e.file_name())).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_kind_and_other_files_are_not_parts() {
        assert_eq!(kind_of(Path::new("project.ron")), Some(PartKind::Project));
        assert_eq!(
            kind_of(Path::new("actors/3-china.ron")),
            Some(PartKind::Actor)
        );
        assert_eq!(
            kind_of(Path::new("documents/12-lima.ron")),
            Some(PartKind::Document)
        );
        assert_eq!(
            kind_of(Path::new("layers/alice/12-lima.ron")),
            Some(PartKind::Layer)
        );
        for other in [
            "README.md",
            "actors/.3-china.ron.a1b2c3.tmp",
            "documents/12-lima.txt",
            "layers/12-lima.ron",
            "layers/alice/deeper/12.ron",
            "project.ron.lock",
            "../project.ron",
        ] {
            assert_eq!(kind_of(Path::new(other)), None, "{other}");
        }
    }

    #[test]
    fn stems_are_the_id_and_a_slug_of_the_title() {
        assert_eq!(stem(12, "Wang Yi visits Lima"), "12-wang-yi-visits-lima");
        assert_eq!(stem(7, "王毅"), "7");
        assert_eq!(
            layer_path("Ann Lee", "12-lima"),
            Path::new("layers")
                .join(folder_name("Ann Lee"))
                .join("12-lima.ron")
        );
    }
}
