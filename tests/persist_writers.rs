//! Several writers on one project: commands that run at the same moment, a writer that
//! died holding the lock, a file changed on disk under a loaded project, a save killed at
//! any step, a project that would not load again, and recovery files per process.

use crate::persist_support::{BOGOTA, Scratch, fixture};
use demarche::model::Project;
use demarche::persist::{self, ProjectLock, SaveError};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_demarche");
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/project-files/demo.ron");

/// A short wire story of its own for each `n`, with a statement the suggester codes.
fn article(n: usize) -> String {
    format!(
        "GENEVA, March {day} (Meridian) — Delegates met for round {n} of talks on river \
         commissions.\n\nForeign Minister Ana Duarte said Portugal would host round {next} \
         of the talks, and that the commission “will publish its findings”.\n",
        day = 1 + n % 28,
        next = n + 1,
    )
}

struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A copy of the bundled demo project.
    fn demo(&self) -> PathBuf {
        let path = self.path("demo.ron");
        std::fs::copy(DEMO, &path).expect("copy the demo");
        path
    }

    fn article(&self, n: usize) -> PathBuf {
        let path = self.path(&format!("story-{n}.txt"));
        std::fs::write(&path, article(n)).expect("write article");
        path
    }

    fn command(&self, args: &[&Path]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("DEMARCHE_DATA_DIR", self.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    fn spawn(&self, args: &[&Path]) -> Child {
        self.command(args).spawn().expect("the binary runs")
    }

    fn run(&self, args: &[&Path]) -> Output {
        self.command(args).output().expect("the binary runs")
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn finished(child: Child) -> Output {
    child.wait_with_output().expect("the command finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        text(&out.stderr),
        text(&out.stdout)
    );
}

/// What identifies story `n` in an imported document's text.
fn marker(n: usize) -> String {
    format!("round {n} of talks")
}

fn has_story(path: &Path, n: usize) -> bool {
    document_texts(path).iter().any(|t| t.contains(&marker(n)))
}

fn document_texts(path: &Path) -> Vec<String> {
    persist::load(path)
        .expect("the project loads")
        .project
        .documents
        .iter()
        .map(|d| d.text().to_owned())
        .collect()
}

#[test]
fn two_imports_at_the_same_moment_both_keep_their_article() {
    let folder = Folder::new();
    let project = folder.demo();
    let before = document_texts(&project).len();
    for round in 0..4 {
        let (a, b) = (folder.article(2 * round), folder.article(2 * round + 1));
        let first = folder.spawn(&[p("import"), &project, &a]);
        let second = folder.spawn(&[p("import"), &project, &b]);
        for out in [finished(first), finished(second)] {
            assert_ok(&out, "import");
            assert!(text(&out.stdout).contains("imported as document"));
        }
    }
    let texts = document_texts(&project);
    assert_eq!(texts.len(), before + 8, "no import was lost");
    for n in 0..8 {
        assert!(has_story(&project, n), "article {n} is in the project");
    }
    assert!(
        !folder.path("demo.ron.lock").exists(),
        "the lock goes with its writer: {:?}",
        folder.files()
    );
}

#[test]
fn an_import_beside_suggest_apply_keeps_both_changes() {
    let folder = Folder::new();
    let project = folder.demo();
    let annotations = |path: &Path, body: &str| -> usize {
        let project = persist::load(path).expect("loads").project;
        let doc = project
            .documents
            .iter()
            .find(|d| d.text().contains(body))
            .expect("the article is in the project");
        doc.annotation_count()
    };
    for round in 0..3 {
        let (coded, added) = (100 + 2 * round, 101 + 2 * round);
        assert_ok(
            &folder.run(&[p("import"), &project, &folder.article(coded)]),
            "import",
        );
        assert_eq!(annotations(&project, &marker(coded)), 0, "not coded yet");
        let suggest = folder.spawn(&[p("suggest"), &project, p("--apply")]);
        let import = folder.spawn(&[p("import"), &project, &folder.article(added)]);
        assert_ok(&finished(suggest), "suggest --apply");
        assert_ok(&finished(import), "import");
        // Whichever ran second read what the first saved: both changes are there.
        assert!(
            annotations(&project, &marker(coded)) > 0,
            "suggestions kept"
        );
        assert!(has_story(&project, added), "import kept");
    }
}

#[test]
fn a_second_writer_waits_then_fails_naming_the_holder() {
    let folder = Folder::new();
    let project = folder.demo();
    let before = std::fs::read(&project).expect("read");
    let lock = ProjectLock::acquire(&project).expect("the test takes the lock");

    let out = folder
        .command(&[p("import"), &project, &folder.article(1)])
        .env("DEMARCHE_LOCK_WAIT_MS", "300")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("is being written by")
            && stderr.contains(&format!("process {}", std::process::id())),
        "{stderr}"
    );
    assert!(
        !text(&out.stdout).contains("imported as"),
        "nothing claimed"
    );
    assert_eq!(std::fs::read(&project).expect("read"), before, "untouched");

    drop(lock);
    assert_ok(
        &folder.run(&[p("import"), &project, &folder.article(1)]),
        "import after the lock is free",
    );
    assert!(has_story(&project, 1));
}

#[test]
fn the_lock_of_a_writer_that_died_is_taken_over_with_a_note() {
    let folder = Folder::new();
    let project = folder.demo();
    // What a killed writer leaves: the file naming it, with no process holding its lock.
    std::fs::write(
        persist::lock_path(&project),
        "Demarche is writing this project.\npid: 4194000\nhost: lab-7\nsince: 2026-12-01 10:00:00 UTC\n",
    )
    .expect("write a stale lock");

    let out = folder.run(&[p("import"), &project, &folder.article(7)]);
    assert_ok(&out, "import over a stale lock");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("took over a stale lock of process 4194000 on host lab-7"),
        "{stderr}"
    );
    assert!(has_story(&project, 7));
    assert!(!persist::lock_path(&project).exists());
}

#[test]
fn a_save_over_a_file_changed_on_disk_is_refused_and_writes_nothing() {
    let scratch = Scratch::with_text(&persist::to_canonical_string(
        &persist::load(&fixture(BOGOTA)).expect("loads").project,
    ));
    let loaded = persist::load(&scratch.path).expect("loads");
    let read_then = loaded.disk.clone().expect("a loaded file has a disk state");

    // Another program (`git pull`, a command-line import) writes the file meanwhile.
    let mut theirs = loaded.project.clone();
    theirs.meta.description = "Changed by a colleague's pull".to_owned();
    persist::save(&theirs, &scratch.path).expect("the other writer saves");
    let on_disk = scratch.bytes();

    let mut ours = loaded.project.clone();
    ours.meta.name = "Renamed here".to_owned();
    let error = persist::save_over(&ours, &scratch.path, &read_then)
        .expect_err("the save must not overwrite");
    assert!(matches!(error, SaveError::ChangedOnDisk { .. }), "{error}");
    assert!(error.to_string().contains("changed on disk"), "{error}");
    assert_eq!(scratch.bytes(), on_disk, "the other writer's file stands");

    // Touching the file (same bytes, new time) is no change.
    let now = persist::DiskState::read(&scratch.path)
        .expect("reads")
        .expect("exists");
    std::fs::File::options()
        .write(true)
        .open(&scratch.path)
        .and_then(|f| f.set_modified(std::time::SystemTime::now() + Duration::from_secs(5)))
        .expect("touch");
    persist::save_over(&ours, &scratch.path, &now).expect("same content saves");
    assert_eq!(
        persist::load(&scratch.path)
            .expect("loads")
            .project
            .meta
            .name,
        "Renamed here"
    );
}

/// A project the loader would refuse: an actor of a kind the codebook lacks.
fn unloadable() -> Project {
    let mut project = persist::load(&fixture(BOGOTA)).expect("loads").project;
    project.actors[0].kind = "no-such-kind".to_owned();
    assert!(!persist::validate(&project).is_empty());
    project
}

#[test]
fn a_project_that_would_not_load_is_never_written() {
    let scratch = Scratch::with_text(&persist::to_canonical_string(
        &persist::load(&fixture(BOGOTA)).expect("loads").project,
    ));
    let before = scratch.bytes();
    let listing = scratch.listing();

    let error = persist::save(&unloadable(), &scratch.path).expect_err("refused");
    assert!(matches!(error, SaveError::Invalid { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("was not saved"), "{message}");
    assert!(
        message.contains("no-such-kind"),
        "names the problem: {message}"
    );
    assert_eq!(scratch.bytes(), before);
    assert_eq!(scratch.listing(), listing, "no backup, no temporary file");

    let new = scratch.dir.path().join("new.ron");
    persist::save(&unloadable(), &new).expect_err("refused");
    assert!(!new.exists());

    // Nor is it autosaved: a recovery file that cannot load recovers nothing.
    persist::write_recovery(&unloadable(), Some(&scratch.path)).expect_err("refused");
    assert!(!persist::recovery_path(Some(&scratch.path)).exists());
}

#[test]
fn the_backup_is_present_at_every_step_of_a_save() {
    let mut project = persist::load(&fixture(BOGOTA)).expect("loads").project;
    let scratch = Scratch::with_text(&persist::to_canonical_string(&project));
    let backup = scratch.dir.path().join("project.ron.bak");
    project.meta.description = "first save".to_owned();
    persist::save(&project, &scratch.path).expect("saves");
    let old_backup = std::fs::read(&backup).expect("the first save kept a backup");
    let old = scratch.bytes();

    project.meta.description = "second save".to_owned();
    let new = persist::to_canonical_string(&project).into_bytes();
    let mut steps = Vec::new();
    persist::save_observed(&project, &scratch.path, |step| {
        // A process killed here leaves exactly these files.
        let name = format!("{step:?}");
        let name = name.split([' ', '{']).next().unwrap_or_default().to_owned();
        let current = std::fs::read(&scratch.path).expect("the project file is always there");
        assert!(current == old || current == new, "old or new at {name}");
        let kept = std::fs::read(&backup).unwrap_or_default();
        assert!(
            kept == old_backup || kept == old,
            "a complete backup at {name}"
        );
        persist::load(&backup).expect("the backup loads");
        steps.push(name);
        Ok(())
    })
    .expect("saves");
    assert_eq!(
        steps,
        [
            "Written",
            "BackupStaged",
            "BackupKept",
            "Renaming",
            "Renamed"
        ]
    );
    assert_eq!(std::fs::read(&backup).expect("backup"), old);
    assert_eq!(scratch.bytes(), new);
}

#[test]
fn a_save_stopped_at_any_step_keeps_a_loadable_file_and_its_backup() {
    for stop_at in 0..5 {
        let mut project = persist::load(&fixture(BOGOTA)).expect("loads").project;
        let scratch = Scratch::with_text(&persist::to_canonical_string(&project));
        let backup = scratch.dir.path().join("project.ron.bak");
        project.meta.description = "saved once".to_owned();
        persist::save(&project, &scratch.path).expect("saves");

        project.meta.description = format!("stopped at step {stop_at}");
        let mut step = 0;
        let result = persist::save_observed(&project, &scratch.path, |_| {
            step += 1;
            if step > stop_at {
                Err(std::io::Error::other("power cut"))
            } else {
                Ok(())
            }
        });
        assert!(result.is_err(), "interrupted at step {stop_at}");
        assert!(backup.exists(), "backup after a stop at step {stop_at}");
        persist::load(&backup).expect("the backup loads");
        let on_disk = persist::load(&scratch.path)
            .expect("the project loads")
            .project;
        // Stopped after the rename, the new text is in place; before it, the old one.
        if stop_at == 4 {
            assert_eq!(on_disk.meta.description, project.meta.description);
        } else {
            assert_ne!(on_disk.meta.description, project.meta.description);
        }
        assert!(
            scratch.listing().iter().all(|n| !n.ends_with(".tmp")),
            "{:?}",
            scratch.listing()
        );
        // The next save completes and leaves nothing behind.
        project.meta.description = "saved after the stop".to_owned();
        persist::save(&project, &scratch.path).expect("saves");
        assert_eq!(
            scratch.listing(),
            ["project.ron", "project.ron.bak"],
            "after a stop at step {stop_at}"
        );
    }
}

/// A project of a few megabytes, so that a save takes long enough to be killed inside.
fn large_project(folder: &Folder) -> PathBuf {
    let path = folder.path("large.ron");
    let project = demarche::synth::project(40, 40_000, 6_000, 7);
    persist::save(&project, &path).expect("saves");
    path
}

#[test]
fn writers_killed_at_random_moments_leave_a_loadable_project_and_a_backup() {
    let folder = Folder::new();
    let project = large_project(&folder);
    assert_ok(
        &folder.run(&[p("import"), &project, &folder.article(0)]),
        "first import",
    );
    let started = Instant::now();
    assert_ok(
        &folder.run(&[p("import"), &project, &folder.article(1)]),
        "second import",
    );
    let one_import = started.elapsed();
    let backup = folder.path("large.ron.bak");
    // A fixed sequence of kill times over the length of one import (no clock in the
    // assertions: only where the kill lands varies with the machine's speed).
    for k in 0..16u32 {
        let delay = one_import.mul_f64(f64::from(k * 7 % 16) / 15.0);
        let mut child = folder.spawn(&[p("import"), &project, &folder.article(2 + k as usize)]);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        persist::load(&project).unwrap_or_else(|e| panic!("after kill {k}: {e}"));
        persist::load(&backup).unwrap_or_else(|e| panic!("backup after kill {k}: {e}"));
    }
    // The next writer takes over any stale lock and clears the dead writers' temporaries.
    assert_ok(
        &folder.run(&[p("import"), &project, &folder.article(99)]),
        "import after the kills",
    );
    let files = folder.files();
    assert!(
        files
            .iter()
            .all(|n| !n.ends_with(".tmp") && !n.ends_with(".lock")),
        "{files:?}"
    );
}

#[test]
fn a_command_that_fails_says_each_cause_once() {
    let folder = Folder::new();
    let dir = folder.path("not-a-project");
    std::fs::create_dir(&dir).expect("mkdir");
    let article = folder.article(1);
    for args in [
        vec![p("validate"), &dir],
        vec![p("fmt"), &dir],
        vec![p("import"), &dir, &article],
    ] {
        let out = folder.run(&args);
        assert!(!out.status.success());
        let stderr = text(&out.stderr);
        assert!(stderr.contains("not-a-project"), "{args:?}: {stderr}");
        assert_eq!(
            stderr.matches("Is a directory").count(),
            1,
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn an_import_that_cannot_save_claims_nothing() {
    let folder = Folder::new();
    let project = folder.demo();
    let lock = ProjectLock::acquire(&project).expect("lock");
    let out = folder
        .command(&[p("import"), &project, &folder.article(3)])
        .env("DEMARCHE_LOCK_WAIT_MS", "50")
        .output()
        .expect("runs");
    drop(lock);
    assert!(!out.status.success());
    assert!(
        !text(&out.stdout).contains("imported"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn another_live_process_s_recovery_file_is_not_offered_until_it_dies() {
    let scratch = Scratch::with_text(&persist::to_canonical_string(
        &persist::load(&fixture(BOGOTA)).expect("loads").project,
    ));
    let mut work = persist::load(&scratch.path).expect("loads").project;
    work.meta.description = "unsaved work of another window".to_owned();
    std::thread::sleep(Duration::from_millis(20));
    // Another window (session `p1-live`) autosaved and is still running: it holds its
    // session lock.
    let other = scratch.dir.path().join("project.ron.recovery.p1-live");
    std::fs::write(&other, persist::to_canonical_string(&work)).expect("write");
    let sessions = persist::data_dir().join("sessions");
    std::fs::create_dir_all(&sessions).expect("mkdir");
    let alive = std::fs::File::create(sessions.join("p1-live.lock")).expect("create");
    alive.lock().expect("lock");

    assert_eq!(
        persist::find_recovery(Some(&scratch.path)),
        None,
        "a live window's autosave is its own business"
    );
    // This process's own autosave is always offered.
    let own = persist::write_recovery(&work, Some(&scratch.path)).expect("autosave");
    assert_ne!(own, other, "each process has its own file");
    assert_eq!(
        persist::find_recovery(Some(&scratch.path)).map(|r| r.path),
        Some(own.clone())
    );
    persist::discard_recovery(Some(&scratch.path)).expect("discard");

    // A write of the live window's in progress is left alone...
    let in_progress = scratch
        .dir
        .path()
        .join(".project.ron.recovery.p1-live.Ab12Cd.tmp");
    std::fs::write(&in_progress, "half").expect("write");
    persist::find_recovery(Some(&scratch.path));
    assert!(in_progress.exists());

    // The other window dies: its lock is released, its work is offered, and what its
    // killed autosave left half-written goes.
    drop(alive);
    let offered = persist::find_recovery(Some(&scratch.path)).expect("offered");
    assert_eq!(offered.path, other);
    assert!(!in_progress.exists());
    assert_eq!(persist::load(&offered.path).expect("loads").project, work);
}

#[cfg(unix)]
#[test]
fn new_project_files_get_the_permissions_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let folder = Folder::new();
    for (umask, mode) in [("022", 0o644), ("027", 0o640)] {
        let name = format!("umask-{umask}.ron");
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" new {name}"))
            .arg(BIN)
            .current_dir(folder.dir.path())
            .output()
            .expect("runs");
        assert_ok(&out, "new");
        let meta = std::fs::metadata(folder.path(&name)).expect("created");
        assert_eq!(meta.permissions().mode() & 0o777, mode, "umask {umask}");
    }
    // A replaced file keeps the permissions it had.
    let kept = folder.path("umask-027.ron");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    assert_ok(
        &folder.run(&[p("import"), &kept, &folder.article(5)]),
        "import",
    );
    let meta = std::fs::metadata(&kept).expect("exists");
    assert_eq!(meta.permissions().mode() & 0o777, 0o664);
}
