//! Recovery files: unsaved work autosaved by a window, offered back at the next start.
//!
//! Each process writes its own file (`NAME.ron.recovery.SESSION`), so two windows on one
//! project never write over each other's autosave. A process marks itself alive by holding
//! an OS lock on `SESSION.lock` in [`data_dir`]`/sessions` for as long as it runs; a
//! recovery file is offered only when it is this process's own or its writer has died
//! (its lock is free), so a second window never "recovers" a live window's work.

use super::atomic::{Backup, folder_of, temporary_for, with_suffix, write};
use super::{SaveError, try_canonical_string, validate};
use crate::model::Project;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

/// A recovery file newer than its project: unsaved work to offer back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub path: PathBuf,
    pub saved: SystemTime,
}

/// The folder for Demarche's own files: `$DEMARCHE_DATA_DIR` when set (tests isolate
/// themselves with it), else `$XDG_DATA_HOME/demarche`, else `~/.local/share/demarche`.
///
/// Written out rather than taken from a crate: it is three environment look-ups, and
/// these exact places are what the documentation promises.
pub fn data_dir() -> PathBuf {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = non_empty("DEMARCHE_DATA_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = non_empty("XDG_DATA_HOME") {
        return PathBuf::from(dir).join("demarche");
    }
    match non_empty("HOME") {
        Some(home) => PathBuf::from(home).join(".local/share/demarche"),
        None => std::env::temp_dir().join("demarche"),
    }
}

/// This process's session name: its pid and start time, unique on this host over time
/// (a pid alone is reused).
pub fn session() -> &'static str {
    static SESSION: OnceLock<String> = OnceLock::new();
    SESSION.get_or_init(|| {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        format!("p{}-{:x}", std::process::id(), nanos % (1 << 40))
    })
}

fn sessions_dir() -> PathBuf {
    data_dir().join("sessions")
}

/// Holds this process's liveness lock from the first autosave until it exits (the OS
/// releases it then, however the process ends). Failing to take it only means another
/// window could offer this autosave after a crash of neither: worth no error.
fn hold_session_lock() {
    static HELD: OnceLock<Option<File>> = OnceLock::new();
    HELD.get_or_init(|| {
        let dir = sessions_dir();
        fs::create_dir_all(&dir).ok()?;
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(format!("{}.lock", session())))
            .ok()?;
        file.try_lock().ok()?;
        Some(file)
    });
}

/// Whether the process that wrote session `name` still runs: its lock is held.
fn session_alive(name: &str) -> bool {
    let path = sessions_dir().join(format!("{name}.lock"));
    let Ok(file) = File::open(&path) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            // Dead: its lock file is litter now.
            let _ = file.unlock();
            let _ = fs::remove_file(&path);
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

/// `NAME.ron.recovery` for a saved project, `untitled.ron.recovery` in [`data_dir`] for
/// an untitled one: the stem every session's recovery file name starts with.
fn recovery_stem(path: Option<&Path>) -> PathBuf {
    match path {
        Some(p) => with_suffix(p, ".recovery"),
        None => data_dir().join("untitled.ron.recovery"),
    }
}

/// Where this process autosaves unsaved work on the project at `path` (`None`: an
/// untitled project): `NAME.ron.recovery.SESSION` beside the project, or
/// `untitled.ron.recovery.SESSION` in [`data_dir`].
pub fn recovery_path(path: Option<&Path>) -> PathBuf {
    with_suffix(&recovery_stem(path), &format!(".{}", session()))
}

/// Autosaves unsaved work on the project at `path` (atomically, without a backup) and
/// returns where it went. A project that would not load again is not written.
pub fn write_recovery(project: &Project, path: Option<&Path>) -> Result<PathBuf, SaveError> {
    let recovery = recovery_path(path);
    let error = |source| SaveError::Io {
        path: recovery.clone(),
        source,
    };
    let problems = validate(project);
    if !problems.is_empty() {
        return Err(SaveError::Invalid {
            path: recovery,
            problems,
        });
    }
    if path.is_none() {
        fs::create_dir_all(folder_of(&recovery)).map_err(error)?;
    }
    hold_session_lock();
    let text = try_canonical_string(project).map_err(|e| error(io::Error::other(e)))?;
    write(&recovery, text.as_bytes(), Backup::None, |_| Ok(())).map_err(error)?;
    Ok(recovery)
}

/// The recovery files of the project at `path` that may be offered: this process's own
/// and those of processes that have died (the file of an older version, without a
/// session, counts as a dead one's).
fn offerable(path: Option<&Path>) -> Vec<PathBuf> {
    let stem = recovery_stem(path);
    let Some(stem_name) = stem.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let Ok(entries) = fs::read_dir(folder_of(&stem)) else {
        return Vec::new();
    };
    let own = session();
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            // `.NAME.ron.recovery.SESSION.XXXXXX.tmp`: an autosave killed mid-write. Only
            // its dead writer could finish it; it holds nothing a complete file lacks.
            if let Some(writer) = temporary_for(&name)
                .and_then(|target| target.strip_prefix(stem_name.as_str()))
                .and_then(|rest| rest.strip_prefix('.'))
                && writer != own
                && !session_alive(writer)
            {
                let _ = fs::remove_file(entry.path());
                return None;
            }
            let rest = name.strip_prefix(&stem_name)?;
            let keep = match rest.strip_prefix('.') {
                None if rest.is_empty() => true,
                Some(writer) if !writer.is_empty() && !writer.contains('.') => {
                    writer == own || !session_alive(writer)
                }
                _ => false,
            };
            keep.then(|| entry.path())
        })
        .collect()
}

/// The newest recovery file of the project at `path` that is newer than the project file
/// (an older one holds work that was saved since) and not a live window's.
pub fn find_recovery(path: Option<&Path>) -> Option<Recovery> {
    let project_saved = path
        .and_then(|p| fs::metadata(p).ok())
        .and_then(|m| m.modified().ok());
    offerable(path)
        .into_iter()
        .filter_map(|file| {
            let saved = fs::metadata(&file).ok()?.modified().ok()?;
            match project_saved {
                Some(project_saved) if project_saved >= saved => None,
                _ => Some(Recovery { path: file, saved }),
            }
        })
        .max_by_key(|r| r.saved)
}

/// Deletes this process's recovery file of the project at `path`; having none is not an
/// error.
pub fn discard_recovery(path: Option<&Path>) -> io::Result<()> {
    remove_recovery(&recovery_path(path))
}

/// Deletes one recovery file (one that was offered and recovered or declined).
pub fn remove_recovery(file: &Path) -> io::Result<()> {
    match fs::remove_file(file) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
