//! Exports of a whole project into a folder: tidy CSV, JSON, brat standoff, doccano JSONL,
//! REFI-QDA (`.qdpx`) and a self-contained HTML report. File names are listed by
//! [`Format::files`] and documented in the README.
//!
//! Files are written into a hidden staging folder inside the destination and replace the
//! old ones as one set ([`staging`]): the destination holds either all the old files or all
//! the new ones, even when the export fails or its process dies halfway.

mod brat;
pub mod chart_svg;
pub mod command;
mod csv;
pub mod grid_svg;
mod html;
mod json;
mod jsonl;
mod lock;
mod qdpx;
pub mod query_tables;
mod staging;

pub use self::csv::neutralise_formula;

use crate::model::Project;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
    Brat,
    Jsonl,
    Qdpx,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Csv,
        Format::Json,
        Format::Brat,
        Format::Jsonl,
        Format::Qdpx,
        Format::Html,
    ];

    /// The name used on the command line (`--format csv`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Brat => "brat",
            Format::Jsonl => "jsonl",
            Format::Qdpx => "qdpx",
            Format::Html => "html",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV tables (R, pandas, Stata)",
            Format::Json => "JSON (whole project)",
            Format::Brat => "brat standoff",
            Format::Jsonl => "doccano JSONL",
            Format::Qdpx => "REFI-QDA project (MAXQDA, NVivo, ATLAS.ti)",
            Format::Html => "HTML report",
        }
    }

    /// What the format writes into the destination folder.
    pub fn files(self) -> &'static str {
        match self {
            Format::Csv => {
                "documents.csv, progress.csv, actors.csv, codebook.csv, mentions.csv, statements.csv, \
                 commitments.csv, stances.csv, tags.csv, links.csv"
            }
            Format::Json => "project.json",
            Format::Brat => {
                "NAME.txt and NAME.ann per document (in a folder per analyst when several \
                 analysts coded), annotation.conf, visual.conf"
            }
            Format::Jsonl => "doccano.jsonl (entities and relations), doccano_labels.jsonl (plain)",
            Format::Qdpx => "project.qdpx",
            Format::Html => "report.html",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?}; choose one of {}", names.join(", "))
            })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an export failed. The destination then holds its old files, unchanged, except
/// for [`ExportError::Incomplete`]. Causes are [`source`](std::error::Error::source)s, not
/// repeated in the messages: show them with [`crate::error_text::one_line`].
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write to {}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write CSV")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write JSON")]
    Json(#[from] serde_json::Error),
    #[error("cannot write the REFI-QDA archive")]
    Zip(#[from] zip::result::ZipError),
    #[error("{} exists and is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error(
        "{} is a folder where the export would write a file; nothing was changed (move the folder away or export elsewhere)",
        path.display()
    )]
    NotReplaceable { path: PathBuf },
    #[error(
        "another export into {} is running ({holder}); nothing was changed, try again when it has finished",
        path.display()
    )]
    Busy { path: PathBuf, holder: String },
    /// An earlier export was stopped while moving its files and could not be undone.
    #[error(
        "an export into this folder was interrupted and cannot be undone ({reason}); its files are kept in {} for you to sort out, and nothing else was changed",
        staging.display()
    )]
    Interrupted { staging: PathBuf, reason: String },
    /// A move failed and putting the old files back failed too.
    #[error(
        "cannot write to {}, and putting the old files back failed too ({undo}); the next export into this folder tries again, and the old files are kept in {} until then",
        path.display(),
        staging.display()
    )]
    Incomplete {
        path: PathBuf,
        source: std::io::Error,
        undo: std::io::Error,
        staging: PathBuf,
    },
}

/// How far an export has come, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What an export wrote, and what the format could not carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: Vec<PathBuf>,
    pub documents: usize,
    pub annotations: usize,
    /// Things the format has no place for, one message each (never dropped silently).
    pub left_out: Vec<String>,
}

/// Where a format's writer puts its files, and what it tells the caller.
pub(crate) struct Sink {
    staging: PathBuf,
    files: Vec<String>,
    left_out: Vec<String>,
}

impl Sink {
    /// A buffered file in the staging folder; the name is recorded for the summary.
    pub(crate) fn create(
        &mut self,
        name: &str,
    ) -> Result<std::io::BufWriter<std::fs::File>, ExportError> {
        let path = self.staging.join(name);
        let io = |source| ExportError::Io {
            path: path.clone(),
            source,
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io)?;
        }
        let file = std::fs::File::create(&path).map_err(io)?;
        self.files.push(name.to_owned());
        Ok(std::io::BufWriter::with_capacity(1 << 16, file))
    }

    pub(crate) fn write(&mut self, name: &str, contents: &[u8]) -> Result<(), ExportError> {
        use std::io::Write;
        let mut w = self.create(name)?;
        w.write_all(contents)
            .and_then(|()| w.flush())
            .map_err(|source| self.io(name, source))
    }

    pub(crate) fn io(&self, name: &str, source: std::io::Error) -> ExportError {
        ExportError::Io {
            path: self.staging.join(name),
            source,
        }
    }

    pub(crate) fn left_out(&mut self, message: String) {
        self.left_out.push(message);
    }
}

/// Exports `project` as `format` into the folder `dir` (created if missing), replacing
/// files of the same names as one set: on failure `dir` keeps its old files. `progress` is
/// called as documents are written.
pub fn export(
    project: &Project,
    format: Format,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, ExportError> {
    let io = |source| ExportError::Io {
        path: dir.to_owned(),
        source,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotAFolder {
            path: dir.to_owned(),
        });
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    let lock = lock::FolderLock::acquire(dir).map_err(|e| match e {
        lock::LockError::Busy(holder) => ExportError::Busy {
            path: dir.to_owned(),
            holder,
        },
        lock::LockError::Io(source) => io(source),
    })?;
    // Without the OS lock a staging folder may be a live export's: leave them all.
    if lock.is_held() {
        staging::recover(dir)?;
    }
    let staging = staging::Staging::create(dir)?;
    let mut sink = Sink {
        staging: staging.new_files(),
        files: Vec::new(),
        left_out: Vec::new(),
    };
    match format {
        Format::Csv => csv::write(project, &mut sink, progress)?,
        Format::Json => json::write(project, &mut sink)?,
        Format::Brat => brat::write(project, &mut sink, progress)?,
        Format::Jsonl => jsonl::write(project, &mut sink, progress)?,
        Format::Qdpx => qdpx::write(project, &mut sink, progress)?,
        Format::Html => html::write(project, &mut sink, progress)?,
    }
    staging.commit(&sink.files, &mut |from, to| std::fs::rename(from, to))?;
    drop(lock);
    let counts = project.counts();
    Ok(Summary {
        files: sink.files.iter().map(|name| dir.join(name)).collect(),
        documents: counts.documents,
        annotations: project.documents.iter().map(|d| d.annotation_count()).sum(),
        left_out: sink.left_out,
    })
}

/// A file name for a document, unique by its id and readable by its title:
/// `d12-wang-yi-visits-havana`. Only ASCII letters, digits and dashes, so it is safe on
/// every file system and in brat's URLs.
pub fn document_file_stem(doc: &crate::model::Document) -> String {
    let slug = crate::model::analyst::slug(&doc.meta.title, 40);
    if slug.is_empty() {
        format!("d{}", doc.id.0)
    } else {
        format!("d{}-{slug}", doc.id.0)
    }
}
