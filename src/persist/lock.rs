//! One writer at a time: `NAME.ron.lock` beside the project, held (see
//! [`crate::lock_file`]) by whoever is writing and naming them (process, host, time) for
//! the message a second writer gets. A lock left by a writer that died is taken over with
//! a note.

use super::SaveError;
use crate::lock_file::{Attempt, HeldLock};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How often a waiting writer tries again.
const RETRY: Duration = Duration::from_millis(25);

/// The lock of one project, released (and its file removed) when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    _held: HeldLock,
    project: PathBuf,
    took_over: Option<String>,
}

/// `NAME.ron.lock` for `NAME.ron`.
pub fn lock_path(project: &Path) -> PathBuf {
    super::atomic::with_suffix(project, ".lock")
}

/// How long to wait: [`LOCK_WAIT`], or `$DEMARCHE_LOCK_WAIT_MS` (tests shorten it).
fn wait_limit() -> Duration {
    std::env::var("DEMARCHE_LOCK_WAIT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(LOCK_WAIT, Duration::from_millis)
}

impl ProjectLock {
    /// Takes the lock of the project at `project`, waiting up to [`LOCK_WAIT`] for another
    /// writer to finish; the error names the holder.
    pub fn acquire(project: &Path) -> Result<Self, SaveError> {
        Self::acquire_within(project, wait_limit())
    }

    /// [`acquire`](Self::acquire) with an explicit wait. The lock of a project folder is
    /// `project.ron.lock` inside it, whether `project` names the folder or its
    /// `project.ron`.
    pub fn acquire_within(project: &Path, wait: Duration) -> Result<Self, SaveError> {
        let folder = super::folder::root(project);
        let main_file = folder
            .as_ref()
            .map(|dir| dir.join(super::folder::layout::PROJECT_FILE));
        let project = main_file.as_deref().unwrap_or(project);
        let lock_path = lock_path(project);
        let io_error = |source| SaveError::Io {
            path: project.to_owned(),
            source,
        };
        let started = Instant::now();
        loop {
            match HeldLock::try_take(&lock_path, "is writing this project").map_err(io_error)? {
                Attempt::Busy(holder) if started.elapsed() >= wait => {
                    return Err(SaveError::Locked {
                        path: project.to_owned(),
                        holder,
                        waited: wait,
                    });
                }
                Attempt::Busy(_) => std::thread::sleep(RETRY),
                Attempt::Taken(held) => {
                    let took_over = held.previous_holder().map(|previous| {
                        format!("took over a stale lock of {previous}, which is no longer running")
                    });
                    // Holding the lock, no save is under way: what temporaries there are,
                    // a killed writer left.
                    super::atomic::remove_dead_temporaries(project);
                    // A folder's subfolders are listed only after a writer died (its lock
                    // file was left behind): a save then costs the same at any size.
                    if let Some(dir) = &folder
                        && took_over.is_some()
                    {
                        super::folder::remove_dead_temporaries(dir);
                    }

                    return Ok(Self {
                        _held: held,
                        project: project.to_owned(),
                        took_over,
                    });
                }
            }
        }
    }

    /// The project this lock is for.
    pub fn project(&self) -> &Path {
        &self.project
    }

    /// A note for the user when the lock was left by a process that died while writing.
    pub fn took_over(&self) -> Option<&str> {
        self.took_over.as_deref()
    }
}

/// Removes what writers killed mid-save left beside the project (temporary files), when
/// no writer holds the project now; otherwise leaves everything to the next writer.
pub fn tidy_after_crash(project: &Path) {
    let _ = ProjectLock::acquire_within(project, Duration::ZERO);
}
