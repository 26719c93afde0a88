//! The staging folder of an export, and the replacement of the destination's files as one
//! set: the destination holds either every old file or every new one.
//!
//! An export writes its files into `new/` of a hidden folder `.demarche-export-XXXX` in the
//! destination. Then, holding the folder's lock ([`super::lock`]):
//! 1. every target is checked to be replaceable (a folder of the same name is not);
//! 2. the new files are synced and the journal records their names (`moving`);
//! 3. for each name the old file, if any, is moved aside into `old/` and the new one into
//!    place;
//! 4. the journal says `done` (the commit point) and the staging folder, with the old
//!    files, is removed.
//!
//! A failure in step 3 puts every old file back and takes the new ones out. A process that
//! dies leaves its staging folder; the next export into the folder finds it (holding the
//! lock, so its owner is dead) and undoes it from its journal if it says `moving`, or just
//! removes it. Undoing looks only at what is on disk, so it can be interrupted and run again.

use super::ExportError;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How staging folders start; the rest of the name is random.
pub(super) const STAGING_PREFIX: &str = ".demarche-export-";
const JOURNAL: &str = "journal";
const JOURNAL_HEADER: &str = "Demarche export journal";
const NEW: &str = "new";
const OLD: &str = "old";

/// How far an export has come, as its journal says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Files are being written into `new/`; the destination is untouched.
    Writing,
    /// Files are being moved; the names are in the journal.
    Moving,
    /// Every new file is in place; only the old ones are left in `old/`.
    Done,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Writing => "writing",
            State::Moving => "moving",
            State::Done => "done",
        }
    }
}

/// One export's staging folder. Dropped before the moves begin, it is removed with what
/// was written; once they have begun it stays for recovery, as after a crash.
#[derive(Debug)]
pub(super) struct Staging {
    root: PathBuf,
    dest: PathBuf,
    keep: bool,
}

impl Staging {
    /// A new staging folder in `dest`, with an empty `new/` and `old/`.
    pub(super) fn create(dest: &Path) -> Result<Self, ExportError> {
        let io = |source| ExportError::Io {
            path: dest.to_owned(),
            source,
        };
        let root = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(dest)
            .map_err(io)?
            .keep();
        let staging = Self {
            root,
            dest: dest.to_owned(),
            keep: false,
        };
        for sub in [NEW, OLD] {
            fs::create_dir(staging.root.join(sub)).map_err(|e| staging.io(e))?;
        }
        write_journal(&staging.root, State::Writing, &[]).map_err(|e| staging.io(e))?;
        Ok(staging)
    }

    /// Where the export writes its files.
    pub(super) fn new_files(&self) -> PathBuf {
        self.root.join(NEW)
    }

    fn io(&self, source: io::Error) -> ExportError {
        ExportError::Io {
            path: self.root.clone(),
            source,
        }
    }

    /// Moves the files `names` from `new/` into the destination as one set (see the module
    /// comment); `rename` moves one file (`std::fs::rename`, or a failing one in tests).
    pub(super) fn commit(
        mut self,
        names: &[String],
        rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
    ) -> Result<(), ExportError> {
        for name in names {
            let target = self.dest.join(name);
            match fs::symlink_metadata(&target) {
                Ok(m) if m.is_dir() => return Err(ExportError::NotReplaceable { path: target }),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(ExportError::Io {
                        path: target,
                        source,
                    });
                }
            }
        }
        let new = self.new_files();
        sync_files(&new, names).map_err(|source| ExportError::Io { path: new, source })?;
        write_journal(&self.root, State::Moving, names).map_err(|e| self.io(e))?;
        // From here a crash leaves the folder for the next export to undo.
        self.keep = true;
        if let Err((path, source)) = self.move_all(names, rename) {
            return Err(self.undo_after(names, path, source));
        }
        if let Err(source) =
            sync_dir(&self.dest).and_then(|()| write_journal(&self.root, State::Done, names))
        {
            return Err(self.undo_after(names, self.dest.clone(), source));
        }
        // The set is complete; a staging folder that cannot be removed now is removed by
        // the next export (its journal says `done`).
        let _ = fs::remove_dir_all(&self.root);
        Ok(())
    }

    fn move_all(
        &self,
        names: &[String],
        rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
    ) -> Result<(), (PathBuf, io::Error)> {
        let (new, old) = (self.root.join(NEW), self.root.join(OLD));
        // Names may lie in subfolders (brat's folder per analyst): made as needed. A
        // subfolder made here stays after an undo, empty, which loses nothing.
        let parent = |path: &Path| path.parent().map_or(Ok(()), fs::create_dir_all);
        for name in names {
            let target = self.dest.join(name);
            match fs::symlink_metadata(&target) {
                Ok(_) => {
                    let aside = old.join(name);
                    parent(&aside)
                        .and_then(|()| rename(&target, &aside))
                        .map_err(|e| (target.clone(), e))?
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err((target, e)),
            }
            parent(&target)
                .and_then(|()| rename(&new.join(name), &target))
                .map_err(|e| (target, e))?;
        }
        Ok(())
    }

    /// Puts the old files back after a failed move of `path`; the error to report.
    fn undo_after(&mut self, names: &[String], path: PathBuf, source: io::Error) -> ExportError {
        match undo(&self.dest, &self.root, names) {
            Ok(()) => {
                self.keep = false;
                ExportError::Io { path, source }
            }
            Err(undo) => ExportError::Incomplete {
                path,
                source,
                undo,
                staging: self.root.clone(),
            },
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_dir_all(&self.root);
        }
    }
}

/// Undoes or removes every staging folder in `dest` left by exports that are no longer
/// running (the caller holds the folder's lock).
pub(super) fn recover(dest: &Path) -> Result<(), ExportError> {
    let entries = fs::read_dir(dest).map_err(|source| ExportError::Io {
        path: dest.to_owned(),
        source,
    })?;
    for entry in entries.flatten() {
        let is_staging = entry
            .file_name()
            .to_string_lossy()
            .starts_with(STAGING_PREFIX)
            && entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_staging {
            continue;
        }
        let root = entry.path();
        let interrupted = |reason: String| ExportError::Interrupted {
            staging: root.clone(),
            reason,
        };
        match read_journal(&root).map_err(interrupted)? {
            // Nothing was moved (a folder without a journal is an older Demarche's, which
            // only ever moved files in after writing all of them).
            None | Some((State::Writing | State::Done, _)) => {}
            Some((State::Moving, names)) => {
                undo(dest, &root, &names).map_err(|e| interrupted(e.to_string()))?
            }
        }
        fs::remove_dir_all(&root).map_err(|e| interrupted(e.to_string()))?;
    }
    Ok(())
}

/// Puts back what a move of `names` changed in `dest`, from what is on disk alone: a new
/// file that was moved in goes back into `new/`, then an old file moved aside into `old/`
/// comes back. Each step checks before it acts, so this can be run again after being
/// interrupted.
fn undo(dest: &Path, root: &Path, names: &[String]) -> io::Result<()> {
    let (new, old) = (root.join(NEW), root.join(OLD));
    for name in names.iter().rev() {
        let target = dest.join(name);
        if !exists(&new.join(name))? && exists(&target)? {
            fs::rename(&target, new.join(name))?;
        }
        if exists(&old.join(name))? {
            fs::rename(old.join(name), &target)?;
        }
    }
    sync_dir(dest)
}

fn exists(path: &Path) -> io::Result<bool> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Writes the journal whole (a temporary file renamed over it), so that it is read either
/// as it was or as it is now.
fn write_journal(root: &Path, state: State, names: &[String]) -> io::Result<()> {
    let mut text = format!("{JOURNAL_HEADER}\nstate: {}\n", state.name());
    for name in names {
        text.push_str("file: ");
        text.push_str(name);
        text.push('\n');
    }
    let temp = root.join(format!("{JOURNAL}.tmp"));
    let mut file = fs::File::create(&temp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    fs::rename(&temp, root.join(JOURNAL))?;
    sync_dir(root)
}

/// The state and file names of a journal; `None` when there is none.
fn read_journal(root: &Path) -> Result<Option<(State, Vec<String>)>, String> {
    let path = root.join(JOURNAL);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let unreadable = || format!("{} is not an export journal", path.display());
    let mut lines = text.lines();
    if lines.next() != Some(JOURNAL_HEADER) {
        return Err(unreadable());
    }
    let state = match lines.next().and_then(|l| l.strip_prefix("state: ")) {
        Some("writing") => State::Writing,
        Some("moving") => State::Moving,
        Some("done") => State::Done,
        _ => return Err(unreadable()),
    };
    let mut names = Vec::new();
    for line in lines {
        let name = line.strip_prefix("file: ").ok_or_else(unreadable)?;
        // Only plain names in the destination: a damaged journal must not move files
        // elsewhere.
        let plain = Path::new(name).file_name() == Some(name.as_ref())
            && !name.starts_with(STAGING_PREFIX)
            && name != super::lock::LOCK_NAME;
        if !plain {
            return Err(unreadable());
        }
        names.push(name.to_owned());
    }
    Ok(Some((state, names)))
}

/// Puts the staged files' contents on disk before the journal names them, so that after a
/// power cut the new set is whole too. On Linux one `syncfs` does it: an fsync per file
/// took 3.5 ms each on the development machine (7 s for a 1,000-document brat export).
#[cfg(target_os = "linux")]
fn sync_files(dir: &Path, _names: &[String]) -> io::Result<()> {
    let folder = fs::File::open(dir)?;
    rustix::fs::syncfs(&folder).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn sync_files(dir: &Path, names: &[String]) -> io::Result<()> {
    for name in names {
        fs::File::open(dir.join(name))?.sync_all()?;
    }
    Ok(())
}

/// Makes renames in `dir` durable (a folder cannot be opened as a file on Windows, where
/// renames are written through anyway).
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const NAMES: [&str; 4] = ["a.csv", "b.csv", "c.csv", "d.csv"];

    /// A destination with the old versions of a.csv–c.csv (d.csv is new) and a staging
    /// folder holding the new versions of all four.
    fn prepared() -> (tempfile::TempDir, Staging, Vec<String>) {
        let dest = tempfile::tempdir().unwrap();
        for name in &NAMES[..3] {
            fs::write(dest.path().join(name), format!("old {name}")).unwrap();
        }
        let staging = Staging::create(dest.path()).unwrap();
        for name in NAMES {
            fs::write(staging.new_files().join(name), format!("new {name}")).unwrap();
        }
        (dest, staging, NAMES.map(String::from).to_vec())
    }

    /// Every entry of the folder with its contents (folders as `<folder>`).
    fn listing(dir: &Path) -> BTreeMap<String, String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let contents =
                    fs::read_to_string(e.path()).unwrap_or_else(|_| "<folder>".to_owned());
                (e.file_name().to_string_lossy().into_owned(), contents)
            })
            .collect()
    }

    fn old_set() -> BTreeMap<String, String> {
        NAMES[..3]
            .iter()
            .map(|n| (n.to_string(), format!("old {n}")))
            .collect()
    }

    fn new_set() -> BTreeMap<String, String> {
        NAMES
            .iter()
            .map(|n| (n.to_string(), format!("new {n}")))
            .collect()
    }

    /// `fs::rename` that fails (or panics, like a process that dies) on call `at`.
    fn rename_failing_at(at: usize, panic: bool) -> impl FnMut(&Path, &Path) -> io::Result<()> {
        let mut calls = 0;
        move |from, to| {
            calls += 1;
            if calls == at {
                assert!(!panic, "killed in the middle of the moves");
                return Err(io::Error::other("disk unplugged"));
            }
            fs::rename(from, to)
        }
    }

    #[test]
    fn a_move_that_fails_at_any_point_leaves_the_complete_old_set() {
        // Two renames per replaced file, one for the new file d.csv.
        for at in 1..=7 {
            let (dest, staging, names) = prepared();
            let err = staging
                .commit(&names, &mut rename_failing_at(at, false))
                .unwrap_err();
            assert!(err.to_string().starts_with("cannot write to"), "{err}");
            assert_eq!(listing(dest.path()), old_set(), "failure at rename {at}");
        }
    }

    #[test]
    fn a_completed_move_leaves_the_complete_new_set_and_nothing_else() {
        let (dest, staging, names) = prepared();
        staging
            .commit(&names, &mut |a, b| fs::rename(a, b))
            .unwrap();
        assert_eq!(listing(dest.path()), new_set());
    }

    #[test]
    fn an_export_killed_while_moving_is_undone_by_the_next_one() {
        for at in 1..=7 {
            let (dest, staging, names) = prepared();
            let killed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                staging.commit(&names, &mut rename_failing_at(at, true))
            }));
            assert!(killed.is_err());
            let left = listing(dest.path());
            assert!(
                left.keys().any(|k| k.starts_with(STAGING_PREFIX)),
                "the staging folder stays for recovery: {left:?}"
            );
            recover(dest.path()).unwrap();
            assert_eq!(listing(dest.path()), old_set(), "killed at rename {at}");
            // Running it again changes nothing.
            recover(dest.path()).unwrap();
            assert_eq!(listing(dest.path()), old_set());
        }
    }

    #[test]
    fn an_undo_interrupted_halfway_can_be_run_again() {
        let (dest, staging, names) = prepared();
        let root = staging.root.clone();
        staging
            .commit(&names, &mut |a, b| fs::rename(a, b))
            .unwrap();
        // Rebuild the state of an export killed after its last move, then undo only the
        // last two names, as an undo killed halfway would have.
        fs::create_dir_all(root.join(NEW)).unwrap();
        fs::create_dir_all(root.join(OLD)).unwrap();
        for name in &NAMES[..3] {
            fs::write(root.join(OLD).join(name), format!("old {name}")).unwrap();
        }
        write_journal(&root, State::Moving, &names).unwrap();
        undo(dest.path(), &root, &names[2..]).unwrap();
        recover(dest.path()).unwrap();
        assert_eq!(listing(dest.path()), old_set());
    }

    #[test]
    fn a_staging_folder_past_its_commit_point_is_removed_and_the_new_set_kept() {
        let (dest, staging, names) = prepared();
        let root = staging.root.clone();
        staging
            .commit(&names, &mut |a, b| fs::rename(a, b))
            .unwrap();
        fs::create_dir_all(root.join(OLD)).unwrap();
        fs::write(root.join(OLD).join("a.csv"), "old a.csv").unwrap();
        write_journal(&root, State::Done, &names).unwrap();
        recover(dest.path()).unwrap();
        assert_eq!(listing(dest.path()), new_set());
    }

    #[test]
    fn a_damaged_journal_is_reported_and_its_folder_kept() {
        let (dest, staging, _) = prepared();
        let root = staging.root.clone();
        std::mem::forget(staging);
        fs::write(
            root.join(JOURNAL),
            format!("{JOURNAL_HEADER}\nstate: moving\nfile: ../elsewhere.csv\n"),
        )
        .unwrap();
        let err = recover(dest.path()).unwrap_err();
        assert!(err.to_string().contains("interrupted"), "{err}");
        assert!(root.join(NEW).join("a.csv").exists());
        assert_eq!(
            listing(dest.path()).len(),
            4,
            "old files and staging untouched"
        );
    }

    #[test]
    fn a_folder_where_a_file_should_go_stops_the_export_before_anything_moves() {
        let (dest, staging, names) = prepared();
        fs::create_dir(dest.path().join("d.csv")).unwrap();
        fs::write(dest.path().join("d.csv").join("keep"), "x").unwrap();
        let err = staging
            .commit(&names, &mut |a, b| fs::rename(a, b))
            .unwrap_err();
        assert!(err.to_string().contains("d.csv"), "{err}");
        let mut expected = old_set();
        expected.insert("d.csv".into(), "<folder>".into());
        assert_eq!(listing(dest.path()), expected);
    }
}
