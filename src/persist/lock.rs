//! One writer at a time: `NAME.ron.lock` beside the project, held with an operating-system
//! lock (`flock`) by whoever is writing, and naming them (process, host, time) for the
//! message a second writer gets.
//!
//! The OS lock, not the file's presence, is what counts: a process that dies releases it,
//! so its leftover file is a stale lock that the next writer takes over (with a note). The
//! holder removes the file while still holding the lock; a writer that opened it just
//! before checks afterwards that the path still names the file it locked, and tries again
//! if not — otherwise two writers could each lock a different file of the same name.

use super::SaveError;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another one to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How often a waiting writer tries again.
const RETRY: Duration = Duration::from_millis(25);

/// The lock of one project, released (and its file removed) when dropped.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    lock_path: PathBuf,
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

    /// [`acquire`](Self::acquire) with an explicit wait.
    pub fn acquire_within(project: &Path, wait: Duration) -> Result<Self, SaveError> {
        let lock_path = lock_path(project);
        let io_error = |source| SaveError::Io {
            path: project.to_owned(),
            source,
        };
        let started = Instant::now();
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(io_error)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    if started.elapsed() >= wait {
                        return Err(SaveError::Locked {
                            path: project.to_owned(),
                            holder: holder_of(&mut file),
                            waited: wait,
                        });
                    }
                    std::thread::sleep(RETRY);
                    continue;
                }
                // A file system without locks (some network shares): write without one
                // rather than refuse every save.
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
                Err(TryLockError::Error(e)) => return Err(io_error(e)),
            }
            if !still_named(&file, &lock_path) {
                continue;
            }
            let previous = holder_of(&mut file);
            let took_over = (!previous.is_empty()).then(|| {
                format!("took over a stale lock of {previous}, which is no longer running")
            });
            write_holder(&mut file).map_err(io_error)?;
            // Holding the lock, no save is under way: what temporaries there are, a
            // killed writer left.
            super::atomic::remove_dead_temporaries(project);
            return Ok(Self {
                file,
                lock_path,
                project: project.to_owned(),
                took_over,
            });
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

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this), see the module comment.
        let _ = fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names the open `file` (its holder may have removed it between
/// our open and our lock).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Who holds (or held) the lock, as its file says: "process 41 on host h since …".
fn holder_of(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind();
    let _ = Read::take(&mut *file, 4096).read_to_string(&mut text);
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(str::trim)
            .unwrap_or("?")
            .to_owned()
    };
    if text.trim().is_empty() {
        return String::new();
    }
    format!(
        "process {} on host {} since {}",
        field("pid:"),
        field("host:"),
        field("since:")
    )
}

fn write_holder(file: &mut File) -> io::Result<()> {
    let host = gethostname::gethostname();
    let since = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC");
    file.set_len(0)?;
    file.rewind()?;
    write!(
        file,
        "Demarche is writing this project.\npid: {}\nhost: {}\nsince: {since}\n",
        std::process::id(),
        host.to_string_lossy()
    )?;
    file.flush()
}
