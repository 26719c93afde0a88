//! The project folder through the command line: `convert`, `new`, `validate`, `fmt`,
//! `export`, `suggest` and `import` on folders; saves killed at random moments; two
//! imports at once; the permissions of new files.

use crate::persist_folder::{demo_path, snapshot};
use demarche::persist;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::Instant;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("DEMARCHE_DATA_DIR", self.dir.path())
            .env("DEMARCHE_ANNOTATOR", "demo");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the binary runs")
    }

    fn spawn(&self, args: &[&str]) -> Child {
        self.command(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the binary runs")
    }

    /// The demo as a single file in the sandbox.
    fn demo_file(&self) -> PathBuf {
        let path = self.path("demo.ron");
        fs::copy(demo_path(), &path).expect("copy");
        path
    }
}

fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn convert_turns_a_file_into_a_folder_and_back_byte_for_byte() {
    let sandbox = Sandbox::new();
    sandbox.demo_file();
    ok(
        &sandbox.run(&["convert", "demo.ron", "demo"]),
        "to a folder",
    );
    assert!(sandbox.path("demo/project.ron").is_file());
    ok(&sandbox.run(&["validate", "demo"]), "validate the folder");
    ok(
        &sandbox.run(&["convert", "demo", "back.ron"]),
        "back to a file",
    );
    assert_eq!(
        fs::read(sandbox.path("back.ron")).expect("read"),
        fs::read(demo_path()).expect("read")
    );
    // The folder's project.ron names the folder too.
    ok(
        &sandbox.run(&["convert", "demo/project.ron", "again.ron"]),
        "from the main file",
    );
    assert_eq!(
        fs::read(sandbox.path("again.ron")).expect("read"),
        fs::read(demo_path()).expect("read")
    );
}

#[test]
fn convert_never_overwrites_what_exists() {
    let sandbox = Sandbox::new();
    sandbox.demo_file();
    fs::create_dir(sandbox.path("taken")).expect("mkdir");
    fs::write(sandbox.path("taken/notes.txt"), "mine\n").expect("write");
    fs::write(sandbox.path("taken.ron"), "mine\n").expect("write");
    for dest in ["taken", "taken.ron"] {
        let out = sandbox.run(&["convert", "demo.ron", dest]);
        assert!(!out.status.success());
        assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    }
    assert_eq!(
        fs::read_to_string(sandbox.path("taken/notes.txt")).expect("read"),
        "mine\n"
    );
    assert_eq!(
        fs::read_to_string(sandbox.path("taken.ron")).expect("read"),
        "mine\n"
    );
    // An empty folder is fine.
    fs::create_dir(sandbox.path("empty")).expect("mkdir");
    ok(
        &sandbox.run(&["convert", "demo.ron", "empty"]),
        "into an empty folder",
    );
}

#[test]
fn new_creates_a_folder_for_any_path_not_ending_in_ron() {
    let sandbox = Sandbox::new();
    ok(&sandbox.run(&["new", "corpus/"]), "new corpus/");
    ok(&sandbox.run(&["new", "team"]), "new team");
    for name in ["corpus", "team"] {
        let files = snapshot(&sandbox.path(name));
        let names: Vec<&Path> = files.keys().map(PathBuf::as_path).collect();
        assert_eq!(names, [Path::new(".gitignore"), Path::new("project.ron")]);
        let loaded = persist::load(&sandbox.path(name)).expect("loads");
        assert_eq!(loaded.project.meta.name, name);
    }
    let out = sandbox.run(&["new", "team"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already exists"));
}

#[test]
fn validate_reports_the_path_of_the_file_with_the_problem() {
    let sandbox = Sandbox::new();
    sandbox.demo_file();
    ok(
        &sandbox.run(&["convert", "demo.ron", "demo"]),
        "to a folder",
    );
    let layer = fs::read_dir(sandbox.path("demo/layers/demo"))
        .expect("list")
        .map(|e| e.expect("entry").path())
        .find(|p| p.to_string_lossy().contains("/15-"))
        .expect("the layer of document 15");
    let text = fs::read_to_string(&layer).expect("read");
    fs::write(&layer, text.replacen("actor: 2,", "actor: 999,", 1)).expect("write");
    let out = sandbox.run(&["validate", "demo"]);
    assert!(!out.status.success());
    let relative = layer.strip_prefix(sandbox.path("")).expect("inside");
    let expected = format!(
        "{}: document #15: ",
        Path::new("demo")
            .join(relative.strip_prefix("demo").expect("in demo"))
            .display()
    );
    assert!(
        stderr(&out).contains(&expected),
        "{expected} in {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("not in the actor registry"),
        "{}",
        stderr(&out)
    );
}

/// Rewrites every part file of `dir` from its `canonical` text with two-space
/// indentation: the same project, not in canonical form.
fn uncanonical(dir: &Path, canonical: &BTreeMap<PathBuf, Vec<u8>>) {
    for (relative, bytes) in canonical {
        if relative.extension().is_some_and(|e| e == "ron") {
            let text = String::from_utf8_lossy(bytes).replace("    ", "  ");
            fs::write(dir.join(relative), text).expect("write");
        }
    }
}

#[test]
fn fmt_rewrites_only_the_files_not_in_canonical_form() {
    let sandbox = Sandbox::new();
    sandbox.demo_file();
    ok(
        &sandbox.run(&["convert", "demo.ron", "demo"]),
        "to a folder",
    );
    let canonical = snapshot(&sandbox.path("demo"));
    ok(&sandbox.run(&["fmt", "--check", "demo"]), "canonical");
    let actor = sandbox.path("demo/actors/1-china.ron");
    let text = fs::read_to_string(&actor).expect("read");
    fs::write(&actor, text.replace("    ", "  ")).expect("write");
    let out = sandbox.run(&["fmt", "--check", "demo"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("1-china.ron is not in canonical form"),
        "{}",
        stderr(&out)
    );
    let out = sandbox.run(&["fmt", "demo"]);
    ok(&out, "fmt");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "reformatted {}",
            Path::new("demo").join("actors/1-china.ron").display()
        )
    );
    assert_eq!(snapshot(&sandbox.path("demo")), canonical);
}

#[test]
fn export_and_suggest_read_a_folder_as_they_read_the_file() {
    let sandbox = Sandbox::new();
    sandbox.demo_file();
    ok(
        &sandbox.run(&["convert", "demo.ron", "demo"]),
        "to a folder",
    );
    ok(
        &sandbox.run(&[
            "export",
            "demo.ron",
            "--format",
            "csv",
            "--out",
            "from-file",
        ]),
        "export the file",
    );
    ok(
        &sandbox.run(&["export", "demo", "--format", "csv", "--out", "from-folder"]),
        "export the folder",
    );
    assert_eq!(
        snapshot(&sandbox.path("from-file")),
        snapshot(&sandbox.path("from-folder"))
    );
    let from_file = sandbox.run(&["suggest", "demo.ron"]);
    let from_folder = sandbox.run(&["suggest", "demo"]);
    ok(&from_folder, "suggest");
    assert_eq!(from_file.stdout, from_folder.stdout);

    // --apply writes the accepted suggestions into the analyst's layers, nothing shared.
    let before = snapshot(&sandbox.path("demo"));
    ok(
        &sandbox.run(&["suggest", "demo", "--apply"]),
        "suggest --apply",
    );
    let after = snapshot(&sandbox.path("demo"));
    let changed: Vec<&PathBuf> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(!changed.is_empty());
    assert!(
        changed
            .iter()
            .all(|p| p.starts_with("layers/demo") || p.starts_with("actors")),
        "{changed:?}"
    );
    ok(&sandbox.run(&["validate", "demo"]), "valid after --apply");
}

fn article(i: usize) -> String {
    format!(
        "LIMA, May {} (Meridian) — Delegation {i} met its counterparts in Lima on day {i} \
         to discuss port access and fisheries, officials said.\n",
        i % 28 + 1
    )
}

#[test]
fn two_imports_into_one_folder_at_once_lose_nothing() {
    let sandbox = Sandbox::new();
    ok(&sandbox.run(&["new", "corpus"]), "new");
    let mut batches = Vec::new();
    for batch in 0..2 {
        let dir = sandbox.path(&format!("batch{batch}"));
        fs::create_dir(&dir).expect("mkdir");
        for i in 0..4 {
            fs::write(dir.join(format!("{i}.txt")), article(batch * 10 + i)).expect("write");
        }
        batches.push(format!("batch{batch}"));
    }
    let children: Vec<Child> = batches
        .iter()
        .map(|b| sandbox.spawn(&["import", "corpus", b]))
        .collect();
    for mut child in children {
        assert!(child.wait().expect("waits").success());
    }
    let project = persist::load(&sandbox.path("corpus"))
        .expect("loads")
        .project;
    assert_eq!(project.documents.len(), 8);
    assert_eq!(snapshot(&sandbox.path("corpus/documents")).len(), 8);
}

#[test]
fn saves_killed_at_random_moments_leave_every_file_old_or_new() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path("large");
    let project = demarche::synth::project(40, 20_000, 4_000, 11);
    persist::folder::create(&dir, &project).expect("created");
    let canonical = snapshot(&dir);
    uncanonical(&dir, &canonical);
    let old = snapshot(&dir);
    let started = Instant::now();
    ok(&sandbox.run(&["fmt", "large"]), "a whole fmt");
    let one_fmt = started.elapsed();
    assert_eq!(snapshot(&dir), canonical);
    // A fixed sequence of kill times over the length of one save (no clock in the
    // assertions: only where the kill lands varies with the machine's speed).
    for k in 0..20u32 {
        uncanonical(&dir, &canonical);
        let delay = one_fmt.mul_f64(f64::from(k * 7 % 20) / 19.0);
        let mut child = sandbox.spawn(&["fmt", "large"]);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&dir);
        for (relative, bytes) in &now {
            let is_part = relative.extension().is_some_and(|e| e == "ron")
                && !relative.to_string_lossy().contains("/.");
            if is_part {
                assert!(
                    Some(bytes) == old.get(relative) || Some(bytes) == canonical.get(relative),
                    "after kill {k}: {} is neither old nor new",
                    relative.display()
                );
            }
        }
        let loaded = persist::load(&dir).unwrap_or_else(|e| panic!("after kill {k}: {e}"));
        assert_eq!(loaded.project, project, "after kill {k}");
    }
    // The next writer takes over the stale lock and clears the dead writers' temporaries.
    ok(&sandbox.run(&["fmt", "large"]), "fmt after the kills");
    assert_eq!(snapshot(&dir), canonical);
}

#[cfg(unix)]
#[test]
fn new_folder_files_get_the_permissions_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    sandbox.demo_file();
    for (umask, file_mode, dir_mode) in [("022", 0o644, 0o755), ("027", 0o640, 0o750)] {
        let name = format!("umask-{umask}");
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" convert demo.ron {name}"
            ))
            .arg(BIN)
            .current_dir(sandbox.dir.path())
            .output()
            .expect("runs");
        ok(&out, "convert");
        for entry in walkdir::WalkDir::new(sandbox.path(&name)) {
            let entry = entry.expect("walk");
            let mode = entry.metadata().expect("meta").permissions().mode() & 0o777;
            let expected = if entry.file_type().is_dir() {
                dir_mode
            } else {
                file_mode
            };
            assert_eq!(
                mode,
                expected,
                "{} under umask {umask}",
                entry.path().display()
            );
        }
    }
}
