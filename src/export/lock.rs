//! One export into a folder at a time: `.demarche-export.lock` in the destination, held
//! (see [`crate::lock_file`]) for the whole export and naming its holder. A process that
//! dies releases the lock, so every staging folder found while holding it was left by an
//! export that is no longer running and can be recovered from its journal.

use crate::lock_file::{Attempt, HeldLock};
use std::io;
use std::path::Path;

/// The lock file's name inside the destination folder.
pub(super) const LOCK_NAME: &str = ".demarche-export.lock";

/// The lock of one destination folder, released (and its file removed) when dropped.
#[derive(Debug)]
pub(super) struct FolderLock(HeldLock);

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
        match HeldLock::try_take(&dir.join(LOCK_NAME), "is exporting into this folder") {
            Ok(Attempt::Taken(held)) => Ok(Self(held)),
            Ok(Attempt::Busy(holder)) => Err(LockError::Busy(holder)),
            Err(e) => Err(LockError::Io(e)),
        }
    }

    /// Whether the OS lock is held, so that no other export is running in the folder (false
    /// on a file system without locks: nothing then tells a live export's staging folder
    /// from a dead one's).
    pub(super) fn is_held(&self) -> bool {
        self.0.is_held()
    }
}
