//! One export into a folder at a time: `.demarche-export.lock` in the destination, held
//! with an operating-system lock (`flock`) for the whole export and naming its holder.
//!
//! A process that dies releases the OS lock, so every staging folder found while holding it
//! was left by an export that is no longer running and can be recovered from its journal.
//! As with the project lock (`persist::lock`), the holder removes the file while still
//! holding it, and a taker checks after locking that the path still names the file it
//! locked — otherwise two exports could each lock a different file of the same name.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The lock file's name inside the destination folder.
pub(super) const LOCK_NAME: &str = ".demarche-export.lock";

/// The lock of one destination folder, released (and its file removed) when dropped.
#[derive(Debug)]
pub(super) struct FolderLock {
    file: File,
    path: PathBuf,
    /// False on a file system without locks (some network shares): the export goes on,
    /// but nothing tells a live export's staging folder from a dead one's.
    held: bool,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub(super) enum LockError {
    /// Another export holds it: who, as its file says.
    Busy(String),
    Io(io::Error),
}

impl FolderLock {
    /// Takes the lock of `dir` without waiting: a second export into the same folder at
    /// the same time would mix two sets of files, so it is refused instead.
    pub(super) fn acquire(dir: &Path) -> Result<Self, LockError> {
        let path = dir.join(LOCK_NAME);
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(LockError::Io)?;
            let held = match file.try_lock() {
                Ok(()) => true,
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Busy(holder_of(&mut file)));
                }
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => false,
                Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
            };
            if held && !still_named(&file, &path) {
                continue;
            }
            write_holder(&mut file).map_err(LockError::Io)?;
            return Ok(Self { file, path, held });
        }
    }

    /// Whether the OS lock is held, so that no other export is running in the folder.
    pub(super) fn is_held(&self) -> bool {
        self.held
    }
}

impl Drop for FolderLock {
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

/// "process 41 on host h since …", from the holder's file.
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
        "Demarche is exporting into this folder.\npid: {}\nhost: {}\nsince: {since}\n",
        std::process::id(),
        host.to_string_lossy()
    )?;
    file.flush()
}
