//! What a project file on disk was when it was loaded or saved, so that a later save can
//! tell whether something else (a command-line import, `git pull`, another window) has
//! changed it since.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The identity of a project file's content: its size and modification time (for the
/// messages) and a 128-bit XXH3 hash of its bytes (what decides: it tells a changed file
/// from an unchanged one; nobody forges project files to collide with themselves).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskState {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u128,
}

impl DiskState {
    /// The state of the bytes just written or read; `modified` comes from the file.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            len: bytes.len() as u64,
            modified,
            hash: xxh3_128(bytes),
        }
    }

    /// The state of the file at `path` now; `None` when there is no file.
    pub fn read(path: &Path) -> io::Result<Option<Self>> {
        let mut file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        // Taken before the bytes: a write in between then shows as a changed fingerprint
        // with an old time, never as an unchanged file.
        let modified = file.metadata()?.modified().ok();
        let mut hasher = Xxh3::new();
        let mut block = vec![0u8; 1 << 16];
        let mut len = 0u64;
        loop {
            let n = file.read(&mut block)?;
            if n == 0 {
                break;
            }
            hasher.update(&block[..n]);
            len += n as u64;
        }
        Ok(Some(Self {
            len,
            modified,
            hash: hasher.digest128(),
        }))
    }

    /// Whether two states hold the same bytes (the times may differ: a `touch` or a
    /// checkout of identical content is no change).
    pub fn same_content(&self, other: &Self) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// Size and time, for messages: "105 KiB, modified 2026-12-05 01:02:03 UTC".
    pub fn describe(&self) -> String {
        let size = crate::model::human_size(self.len);
        match self.modified {
            Some(t) => {
                let t: chrono::DateTime<chrono::Utc> = t.into();
                format!("{size}, modified {}", t.format("%Y-%m-%d %H:%M:%S UTC"))
            }
            None => size,
        }
    }
}
