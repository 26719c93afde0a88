//! Project files: canonical RON, atomic saves with a backup, validation that reports every
//! problem, migration of older formats, and recovery files for unsaved work.
//!
//! Loading never writes anything; saving writes a temporary file beside the target and
//! renames it over the target only once it is complete on disk.

mod atomic;
mod canonical;
mod disk;
mod encoding;
pub mod fast_read;
pub mod folder;
mod lock;
mod messages;
mod recovery;
mod v1;
mod v2;
mod validate;
mod version;

pub use atomic::SaveStep;
pub use disk::DiskState;
pub use lock::{LOCK_WAIT, ProjectLock, lock_path, tidy_after_crash};
pub use recovery::{
    Recovery, data_dir, discard_recovery, find_recovery, recovery_path, remove_recovery, session,
    write_recovery,
};
pub use validate::validate;

use crate::model::{FORMAT_VERSION, Id, Project};
pub(crate) use messages::syntax_problem;
use std::path::{Path, PathBuf};

/// What kind of problem a [`Problem`] is, for callers (and tests) that act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The file ends in the middle of the project.
    Truncated,
    /// The RON itself is malformed (a missing bracket or comma, an unknown character).
    Syntax,
    /// Well-formed RON with a value of the wrong type, a missing field or an unknown variant.
    WrongValue,
    /// No `format_version` at all.
    MissingVersion,
    /// A `format_version` that never existed (0).
    UnknownVersion,
    /// An id used by more than one actor, document or annotation.
    DuplicateId,
    /// A reference to an actor that is not in the registry.
    DanglingActor,
    /// A commitment or stance whose statement is not in its document.
    MissingStatement,
    /// A link whose endpoint is not an annotation of its document.
    MissingLinkEnd,
    /// A remembered rejected suggestion for a document that is not in the project.
    MissingDocument,
    /// A span with no ranges.
    EmptySpan,
    /// A range whose end is not after its start.
    ReversedRange,
    /// A range beyond the end of the document's text.
    OutOfRange,
    /// A range whose stored text differs from the document's text there.
    TextMismatch,
    /// Ranges of one span out of text order or overlapping.
    UnorderedRanges,
    /// A document's fingerprint does not match its text.
    FingerprintMismatch,
    /// A codebook key used by an actor or annotation but missing from the codebook.
    UnknownCodebookKey,
    /// A file of a project folder that cannot be read (permissions, an I/O error).
    Unreadable,
    /// A file of a project folder that contradicts another one (a layer whose annotations
    /// are stamped by another analyst, two layers of one analyst on one document).
    MisplacedPart,
}

/// One thing wrong with a project file, located as precisely as possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Line and column (1-based) in the file, for syntax errors.
    pub position: Option<(usize, usize)>,
    /// The document and annotation (or actor) concerned.
    pub document: Option<Id>,
    pub item: Option<Id>,
    pub message: String,
    /// The file it comes from, relative to a project folder (`None` in a single file).
    pub file: Option<PathBuf>,
}

impl Problem {
    /// A problem at a place in the file text.
    pub fn at(kind: ProblemKind, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            kind,
            position: Some((line, column)),
            document: None,
            item: None,
            message: message.into(),
            file: None,
        }
    }

    /// The same problem, located in `file` (a part of a project folder).
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// A problem of an entity of the project (a document, an actor or an annotation).
    pub fn of(
        kind: ProblemKind,
        document: Option<Id>,
        item: Option<Id>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            position: None,
            document,
            item,
            message: message.into(),
            file: None,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
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
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    #[error(
        "{path} was written by a newer Demarche (format version {found}); this version reads up to {supported}"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

impl LoadError {
    /// The problems of an invalid file; empty for the other errors.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid { problems, .. } => problems,
            LoadError::Io { .. } | LoadError::TooNew { .. } => &[],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The project would not load again; nothing was written.
    #[error("{path} was not saved: the project would not load again ({} problem(s))\n{}", problems.len(), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// Another writer holds the project's lock.
    #[error(
        "{path} is being written by {holder}; waited {} s for it to finish. Try again in a moment",
        waited.as_secs()
    )]
    Locked {
        path: PathBuf,
        holder: String,
        waited: std::time::Duration,
    },
    /// The file is no longer the one that was loaded; nothing was written.
    #[error(
        "{path} was not saved: it changed on disk since it was read (now {now}). Something else wrote it (another window, a command, git); load it again and redo the change"
    )]
    ChangedOnDisk { path: PathBuf, now: String },
}

/// A loaded project and what loading had to do to it.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    /// The format version the file had when it was older than the current one.
    pub migrated_from: Option<u32>,
    /// The file as it was read (`None` for a project parsed from text): a later save
    /// checks that it is still the same.
    pub disk: Option<DiskState>,
    /// The folder's files as they were read, for a project folder (`None` for a file).
    pub folder: Option<folder::FolderState>,
}

/// The pretty-printer settings of the canonical form. Spelled out in full (rather than
/// relying on `ron`'s defaults, which use CR LF on Windows) so that every platform writes
/// the same bytes. Public so that benchmarks measure bare `ron` with the same settings.
pub fn canonical_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .compact_structs(false)
        .compact_maps(false)
        // Escaped strings keep every document text on one line and never put a raw CR
        // or tab into the file, which git or an editor might rewrite.
        .escape_strings(true)
        .number_suffixes(false)
}

/// The canonical text, or the serialiser's error. Every list of the model is id-sorted and
/// every map is a `BTreeMap`; there are no floats, and timestamps are whole seconds, so the
/// same project always gives the same text.
fn try_canonical_string(project: &Project) -> Result<String, ron::Error> {
    let mut text = canonical::to_string_pretty(project, canonical_config())?;
    text.push('\n');
    Ok(text)
}

/// The canonical text of a project: the same project always gives the same bytes.
///
/// Serialising the model cannot fail: it writes to a `String` and none of its types
/// rejects a value. Should that ever change, the result is empty, and [`save`] (which
/// does not use this function) reports the error instead of writing.
pub fn to_canonical_string(project: &Project) -> String {
    try_canonical_string(project).unwrap_or_default()
}

/// Parses and validates a project from text. `path` is only used in messages.
pub fn from_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    };
    // A byte-order mark is not RON; editors on Windows add one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut project, mut problems, migrated_from) =
        parse_any_version(text, path).map_err(|e| match e {
            // Only looked for once parsing failed: a valid project costs nothing.
            LoadError::Invalid { .. } => match encoding::nul_problem(text) {
                Some(problem) => invalid(vec![problem]),
                None => e,
            },
            other => other,
        })?;
    project.format_version = FORMAT_VERSION;
    v2::assign_analysts(&mut project, &crate::workspace::default_annotator());
    // Files written by hand or by other tools may list things out of order; the model
    // relies on id order for its look-ups.
    project.sort_all();
    problems.extend(validate(&project));
    if problems.is_empty() {
        Ok(Loaded {
            project,
            migrated_from,
            disk: None,
            folder: None,
        })
    } else {
        Err(invalid(problems))
    }
}

/// The project in the current format, the problems of migrating it, and the version it was
/// migrated from.
fn parse_any_version(
    text: &str,
    path: &Path,
) -> Result<(Project, Vec<Problem>, Option<u32>), LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    };
    match version::read(text).map_err(|p| invalid(vec![p]))? {
        FORMAT_VERSION => Ok((parse::<Project>(text).map_err(invalid)?, Vec::new(), None)),
        // Format 4 only added fields (the curator, curation decisions) that 3 lacks.
        3 => Ok((
            parse::<Project>(text).map_err(invalid)?,
            Vec::new(),
            Some(3),
        )),
        // Format 3 reads format 2's fields too; `v2::assign_analysts` moves them over.
        2 => Ok((
            parse::<Project>(text).map_err(invalid)?,
            Vec::new(),
            Some(2),
        )),
        1 => {
            let old = parse::<v1::ProjectV1>(text).map_err(invalid)?;
            let (project, problems) = old.migrate();
            Ok((project, problems, Some(1)))
        }
        0 => Err(invalid(vec![Problem::of(
            ProblemKind::UnknownVersion,
            None,
            None,
            format!(
                "format_version 0 does not exist; Demarche files have versions 1 to {FORMAT_VERSION}"
            ),
        )])),
        newer => Err(LoadError::TooNew {
            path: path.to_owned(),
            found: newer,
            supported: FORMAT_VERSION,
        }),
    }
}

/// Deserialises RON, turning its error into a located problem.
fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    parse_ron(text).map_err(|e| vec![syntax_problem(&e, text)])
}

/// `ron::from_str`, read by [`fast_read`] when the text is in the form Demarche writes.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, ron::error::SpannedError> {
    fast_read::from_str(text).or_else(|_| ron::from_str(text))
}

/// Reads, migrates and validates a project: a single file, or a project folder (the
/// folder or its `project.ron`). Never writes anything.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if let Some(dir) = folder::root(path) {
        return folder::load(&dir);
    }
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // Taken before the bytes: a write in between then shows as a changed fingerprint with
    // an old time at the next save, never as an unchanged file.
    let modified = std::fs::metadata(path).map_err(io_error)?.modified().ok();
    let bytes = std::fs::read(path).map_err(io_error)?;
    let disk = DiskState::of_bytes(&bytes, modified);
    let text =
        String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error(), path))?;
    let mut loaded = from_str(&text, path)?;
    loaded.disk = Some(disk);
    Ok(loaded)
}

/// The error of a file that is not UTF-8. A file cut inside a character is a cut file.
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error, path: &Path) -> LoadError {
    let valid_up_to = error.valid_up_to();
    let problem = encoding::not_utf8_problem(bytes, valid_up_to);
    let cut_in_a_character = error.error_len().is_none();
    if cut_in_a_character && !encoding::is_wide(bytes) {
        let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
        if let Err(e) = from_str(prefix, path)
            && e.problems()
                .iter()
                .any(|p| p.kind == ProblemKind::Truncated)
        {
            return e;
        }
    }
    LoadError::Invalid {
        path: path.to_owned(),
        problems: vec![problem],
    }
}

/// Saves atomically, keeping the previous file as `NAME.ron.bak`, whatever the file on
/// disk holds now (Save As over a file the user chose to replace, a new project). Takes the
/// project's lock for the write. Saving a project to a file that already holds exactly its
/// bytes writes nothing. Returns the file's new state, for a later [`save_over`].
pub fn save(project: &Project, path: &Path) -> Result<DiskState, SaveError> {
    ProjectLock::acquire(path)?.save(project, None)
}

/// Saves over the file that was loaded or last saved as `expected`, refusing with
/// [`SaveError::ChangedOnDisk`] when something else has changed it since.
pub fn save_over(
    project: &Project,
    path: &Path,
    expected: &DiskState,
) -> Result<DiskState, SaveError> {
    ProjectLock::acquire(path)?.save(project, Some(expected))
}

/// Saves a project loaded under `lock` back where it came from: over the single file
/// (checked against `disk`, see [`save_over`]), or into its folder, writing only the files
/// that change (checked against `folder`, which is updated).
pub fn save_back(
    lock: &ProjectLock,
    project: &Project,
    disk: Option<&DiskState>,
    folder: Option<&mut folder::FolderState>,
) -> Result<(), SaveError> {
    match folder {
        Some(state) => folder::save_holding(lock, project, state, None).map(drop),
        None => lock.save(project, disk).map(drop),
    }
}

/// [`save`], running `before_rename` on the complete temporary file just before it
/// replaces the target. An error from it abandons the save, leaving the target as it was;
/// tests use it to interrupt a save at the last moment.
pub fn save_with(
    project: &Project,
    path: &Path,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<DiskState, SaveError> {
    let mut before_rename = Some(before_rename);
    save_observed(project, path, |step| match (step, before_rename.take()) {
        (SaveStep::Renaming { temp }, Some(hook)) => hook(temp),
        (_, hook) => {
            before_rename = hook;
            Ok(())
        }
    })
}

/// [`save`], calling `at_step` after each step of the write (see [`SaveStep`]); an error
/// from it abandons the save there. Tests use it to look at the files between steps.
pub fn save_observed(
    project: &Project,
    path: &Path,
    at_step: impl FnMut(SaveStep<'_>) -> std::io::Result<()>,
) -> Result<DiskState, SaveError> {
    ProjectLock::acquire(path)?.write(project, None, at_step)
}

impl ProjectLock {
    /// Saves the project this lock is for: checked against `expected` when given (see
    /// [`save_over`]), never when the project would not load again.
    pub fn save(
        &self,
        project: &Project,
        expected: Option<&DiskState>,
    ) -> Result<DiskState, SaveError> {
        self.write(project, expected, |_| Ok(()))
    }

    fn write(
        &self,
        project: &Project,
        expected: Option<&DiskState>,
        at_step: impl FnMut(SaveStep<'_>) -> std::io::Result<()>,
    ) -> Result<DiskState, SaveError> {
        let path = self.project();
        let io_error = |source| SaveError::Io {
            path: path.to_owned(),
            source,
        };
        // What is written must load: loading is parsing plus exactly this validation, and
        // the canonical text parses back to the same project (the round-trip property
        // tests), so no path (an import of another tool's labels, a bug in an edit) can save
        // a project that only the backup could bring back. Validating the model rather than
        // parsing the text back keeps a save within its budget of about one `ron` write.
        let problems = validate(project);
        if !problems.is_empty() {
            return Err(SaveError::Invalid {
                path: path.to_owned(),
                problems,
            });
        }
        let text = try_canonical_string(project).map_err(|e| io_error(std::io::Error::other(e)))?;
        if let Some(expected) = expected {
            match DiskState::read(path).map_err(io_error)? {
                Some(now) if !now.same_content(expected) => {
                    return Err(SaveError::ChangedOnDisk {
                        path: path.to_owned(),
                        now: now.describe(),
                    });
                }
                None => {
                    return Err(SaveError::ChangedOnDisk {
                        path: path.to_owned(),
                        now: "removed".to_owned(),
                    });
                }
                Some(_) => {}
            }
        }
        atomic::write(path, text.as_bytes(), atomic::Backup::Keep, at_step).map_err(io_error)?;
        let modified = std::fs::metadata(path).ok().and_then(|m| m.modified().ok());
        Ok(DiskState::of_bytes(text.as_bytes(), modified))
    }
}
