//! Atomic writes with an optional backup, and the clean-up of interrupted ones.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The steps of a save, in order, for tests that stop or inspect a save between them (a
/// process killed there leaves exactly what is on disk at that moment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep<'a> {
    /// The new text is complete and synced in a temporary file beside the target.
    Written { temp: &'a Path },
    /// The current file is linked (or copied) under a temporary name, to become the backup.
    BackupStaged { staged: &'a Path },
    /// That copy has replaced the old backup.
    BackupKept,
    /// The temporary file is about to replace the target.
    Renaming { temp: &'a Path },
    /// The target holds the new text, and its folder is synced.
    Renamed,
}

/// Whether a write keeps the file it replaces as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Backup {
    Keep,
    None,
}

/// `path` with `suffix` appended to its file name (`a.ron` → `a.ron.bak`).
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

/// The folder a path lives in (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` so that a reader sees either the old file or the new one,
/// never a mix: a temporary file in the same folder is written, flushed and synced, then
/// renamed over the target, and the folder is synced. Returns false, writing nothing, when
/// the file already holds exactly these bytes.
pub(super) fn write(
    path: &Path,
    bytes: &[u8],
    backup: Backup,
    mut at_step: impl FnMut(SaveStep<'_>) -> io::Result<()>,
) -> io::Result<bool> {
    // Write through a symbolic link rather than replacing the link with a file.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_owned(),
    };
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &existing
        && m.len() == bytes.len() as u64
        && same_content(&target, bytes)?
    {
        return Ok(false);
    }

    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let folder = folder_of(&target);
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets what the user's umask allows (as any editor's file would), not the
    // temporary file's private 0600; a replaced file keeps its permissions below.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    if let Some(m) = &existing {
        temp.as_file().set_permissions(m.permissions())?;
    }
    temp.as_file().sync_all()?;
    at_step(SaveStep::Written { temp: temp.path() })?;

    if backup == Backup::Keep && existing.is_some() {
        keep_backup(&target, &mut at_step)?;
    }
    at_step(SaveStep::Renaming { temp: temp.path() })?;
    // On error the temporary file is deleted when `temp` drops; the target is untouched.
    temp.persist(&target).map_err(|e| e.error)?;
    // Makes the rename itself durable. Some file systems cannot sync a folder; the file is
    // already complete on disk then, so that is not worth failing the save for.
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    at_step(SaveStep::Renamed)?;
    Ok(true)
}

/// Whether the file holds exactly `bytes`, read in blocks so a large project is not held
/// twice in memory.
fn same_content(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let mut file = File::open(path)?;
    let mut block = vec![0u8; 1 << 16];
    let mut offset = 0;
    loop {
        let n = file.read(&mut block)?;
        if n == 0 {
            return Ok(offset == bytes.len());
        }
        if bytes.get(offset..offset + n) != Some(&block[..n]) {
            return Ok(false);
        }
        offset += n;
    }
}

/// Makes `NAME.bak` the current file without a moment where there is no backup: the new
/// one is made under a temporary name (a hard link costs nothing, a copy is the fallback
/// on file systems without links) and renamed over the old one.
fn keep_backup(
    target: &Path,
    at_step: &mut impl FnMut(SaveStep<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let backup = with_suffix(target, ".bak");
    if same_file(target, &backup) {
        // A save stopped after this step last time: the backup already is the current
        // file. (Renaming a link over another link to the same file would do nothing and
        // leave the staged link behind.)
        return at_step(SaveStep::BackupKept);
    }
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    let folder = folder_of(target);
    // Only reserves a unique name; the link or copy then takes its place.
    let staged = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?
        .into_temp_path();
    fs::remove_file(&staged)?;
    if fs::hard_link(target, &staged).is_err() {
        fs::copy(target, &staged)?;
    }
    at_step(SaveStep::BackupStaged { staged: &staged })?;
    // On error `staged` is removed when it drops; the old backup is still there.
    staged.persist(&backup).map_err(|e| e.error)?;
    at_step(SaveStep::BackupKept)
}

/// Whether both paths name one file (hard links to the same inode).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> bool {
    false
}

/// Removes what interrupted saves of `target` left behind: its temporary files and those
/// of its backup (`.NAME.XXXXXX.tmp`, `.NAME.bak.XXXXXX.tmp`). Only called while holding
/// the project's lock, so none of them belongs to a save in progress. Recovery files'
/// temporaries (`.NAME.recovery.XXXXXX.tmp`) are left: autosaves do not take the lock.
pub(super) fn remove_dead_temporaries(target: &Path) {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let backup = format!("{name}.bak");
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if temporary_for(&file_name.to_string_lossy()).is_some_and(|t| t == name || t == backup) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The file a temporary file of [`write`] was made for: `NAME` for `.NAME.XXXXXX.tmp`
/// (`XXXXXX` being six random letters and digits); `None` for any other name.
pub(super) fn temporary_for(file_name: &str) -> Option<&str> {
    let (target, random) = file_name
        .strip_prefix('.')?
        .strip_suffix(".tmp")?
        .rsplit_once('.')?;
    (random.len() == 6 && random.chars().all(|c| c.is_ascii_alphanumeric())).then_some(target)
}
