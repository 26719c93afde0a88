//! A lock file that names its holder: an operating-system lock (`flock`) on a small file
//! saying which process on which host took it and when. The project's writer lock and the
//! export folder lock are both this.
//!
//! The OS lock, not the file's presence, is what counts: a process that dies releases it,
//! so its leftover file is a stale lock that the next taker takes over. The holder removes
//! the file while still holding the lock; a taker that opened it just before checks
//! afterwards that the path still names the file it locked, and tries again if not —
//! otherwise two takers could each lock a different file of the same name.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// A taken lock file, released (and removed) when dropped.
#[derive(Debug)]
pub struct HeldLock {
    file: File,
    path: PathBuf,
    /// False on a file system without locks (some network shares): the taker goes on
    /// without one rather than refuse every write.
    held: bool,
    previous: Option<String>,
}

/// One try at a lock file.
#[derive(Debug)]
pub enum Attempt {
    Taken(HeldLock),
    /// Someone else holds it: who, as its file says.
    Busy(String),
}

impl HeldLock {
    /// Tries once to take the lock file at `path`, writing `doing` ("is writing this
    /// project") and this process's name into it when taken.
    pub fn try_take(path: &Path, doing: &str) -> io::Result<Attempt> {
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)?;
            let held = match file.try_lock() {
                Ok(()) => true,
                Err(TryLockError::WouldBlock) => {
                    let holder = holder_of(&mut file);
                    return Ok(Attempt::Busy(
                        holder.unwrap_or_else(|| "another process".to_owned()),
                    ));
                }
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => false,
                Err(TryLockError::Error(e)) => return Err(e),
            };
            if held && !still_named(&file, path) {
                continue;
            }
            let previous = holder_of(&mut file);
            write_holder(&mut file, doing)?;
            return Ok(Attempt::Taken(Self {
                file,
                path: path.to_owned(),
                held,
                previous,
            }));
        }
    }

    /// Whether the OS lock is held (false where the file system has no locks).
    pub fn is_held(&self) -> bool {
        self.held
    }

    /// Who had left the file behind without holding it: a process that died holding the
    /// lock.
    pub fn previous_holder(&self) -> Option<&str> {
        self.previous.as_deref()
    }
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this), see the module comment.
        let _ = fs::remove_file(&self.path);
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

/// "process 41 on host h since …", as the file says; `None` for an empty file.
fn holder_of(file: &mut File) -> Option<String> {
    let mut text = String::new();
    let _ = file.rewind();
    let _ = Read::take(&mut *file, 4096).read_to_string(&mut text);
    if text.trim().is_empty() {
        return None;
    }
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(str::trim)
            .unwrap_or("?")
            .to_owned()
    };
    Some(format!(
        "process {} on host {} since {}",
        field("pid:"),
        field("host:"),
        field("since:")
    ))
}

fn write_holder(file: &mut File, doing: &str) -> io::Result<()> {
    let host = gethostname::gethostname();
    let since = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC");
    file.set_len(0)?;
    file.rewind()?;
    write!(
        file,
        "Demarche {doing}.\npid: {}\nhost: {}\nsince: {since}\n",
        std::process::id(),
        host.to_string_lossy()
    )?;
    file.flush()
}
