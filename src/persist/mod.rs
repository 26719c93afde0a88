//! Project files: canonical RON, atomic saves with a backup, validation that reports every
//! problem, migration of older formats, and recovery files for unsaved work.
//!
//! PROVISIONAL: a first working cut so that the rest of the crate can build on the API;
//! the persistence work replaces the bodies, keeping these signatures.

use crate::model::Project;
use std::path::{Path, PathBuf};

/// One thing wrong with a project file, located as precisely as possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Line and column (1-based) in the file, for syntax errors.
    pub position: Option<(usize, usize)>,
    /// The document and annotation (or actor) concerned.
    pub document: Option<crate::model::Id>,
    pub item: Option<crate::model::Id>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some((l, c)) = self.position {
            write!(f, "line {l}, column {c}: ")?;
        }
        if let Some(d) = self.document {
            write!(f, "document {d}: ")?;
        }
        if let Some(i) = self.item {
            write!(f, "{i}: ")?;
        }
        f.write_str(&self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a Demarche project: {} problem(s)\n{}", problems.len(), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
    #[error("{path} was written by a newer Demarche (format version {found}); this version reads up to {supported}")]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A loaded project and what loading had to do to it.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    /// The format version the file had when it was older than the current one.
    pub migrated_from: Option<u32>,
}

/// The canonical text of a project: the same project always gives the same bytes.
pub fn to_canonical_string(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(false);
    ron::ser::to_string_pretty(project, config).unwrap_or_default() + "\n"
}

/// Parses and validates a project from text. `path` is only used in messages.
pub fn from_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    match ron::from_str::<Project>(text) {
        Ok(mut project) => {
            project.sort_all();
            Ok(Loaded {
                project,
                migrated_from: None,
            })
        }
        Err(e) => Err(LoadError::Invalid {
            path: path.to_owned(),
            problems: vec![Problem {
                position: Some((e.span.start.line, e.span.start.col)),
                document: None,
                item: None,
                message: e.code.to_string(),
            }],
        }),
    }
}

/// Reads, migrates and validates a project file. Never writes anything.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    from_str(&text, path)
}

/// Every problem of a project held in memory (the checks `load` makes after parsing).
pub fn validate(_project: &Project) -> Vec<Problem> {
    Vec::new()
}

/// Saves atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), SaveError> {
    std::fs::write(path, to_canonical_string(project)).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Where unsaved work on the project at `path` is autosaved (`None`: an untitled project).
pub fn recovery_path(path: Option<&Path>) -> PathBuf {
    match path {
        Some(p) => {
            let mut name = p.file_name().unwrap_or_default().to_os_string();
            name.push(".recovery");
            p.with_file_name(name)
        }
        None => std::env::temp_dir().join("demarche-untitled.ron.recovery"),
    }
}
