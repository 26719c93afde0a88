//! The `demarche` binary as pipelines use it: new, import, validate, fmt, and their help.
//! Every test runs the real binary in its own temporary folder.

use demarche::model::Project;
use demarche::persist;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");
const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/project-files/demo.ron");

/// A wire story with accents, a Han name, curly quotes and an em dash.
const ARTICLE_LIMA: &str = "\
LIMA, May 6 (Meridian) — Peru and China signed a memorandum on port logistics on Tuesday, \
after talks between Foreign Minister Rosa Quispe Huamán and Wang Yi (王毅).

“We will open the Chancay corridor to every partner,” Quispe Huamán said. Wang said \
Beijing was “ready to share experience” in customs digitalisation.
";

/// A second story, written with Windows line endings as many newsroom exports are.
const ARTICLE_QUITO_CRLF: &str = "QUITO, June 2 (Meridian) — Ecuador’s foreign ministry said \
on Monday it would host a regional meeting on migration in Guayaquil.\r\n\r\nThe ministry \
said delegations from Colombia, Perú and Venezuela were expected to attend.\r\n";

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

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, bytes).expect("write fixture");
        path
    }

    /// Runs `demarche ARGS` in the sandbox folder.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env("DEMARCHE_DATA_DIR", self.dir.path())
            .output()
            .expect("the binary runs")
    }

    /// A saved, canonical project with nothing in it.
    fn empty_project(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        persist::save(&Project::new("Andean corpus"), &path).expect("save");
        path
    }

    /// Every file in the sandbox, to show that a failed command left nothing behind.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
}

fn assert_failure(out: &Output) {
    assert!(
        !out.status.success(),
        "expected a failure\nstdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    assert!(
        !stderr(out).trim().is_empty(),
        "a failure must say why on stderr"
    );
}

fn load(path: &Path) -> Project {
    match persist::load(path) {
        Ok(loaded) => loaded.project,
        Err(e) => panic!("{e}"),
    }
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("modification time")
}

/// Moves a file's modification time into the past, so that any rewrite shows.
fn age(path: &Path) -> SystemTime {
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(past))
        .expect("set modification time");
    past
}

// ---- help ----

#[test]
fn every_subcommand_has_help() {
    let sandbox = Sandbox::new();
    for sub in ["new", "import", "validate", "fmt"] {
        let out = sandbox.run(&[sub, "--help"]);
        assert_success(&out);
        let text = stdout(&out);
        assert!(
            text.contains(&format!("Usage: demarche {sub}")),
            "{sub}: {text}"
        );
        assert!(
            text.contains("PROJECT"),
            "{sub} help names its argument: {text}"
        );
    }
    let out = sandbox.run(&["--help"]);
    assert_success(&out);
    for sub in ["new", "import", "validate", "fmt"] {
        assert!(stdout(&out).contains(sub), "top-level help lists {sub}");
    }
}

#[test]
fn a_wrong_command_line_is_refused_with_usage() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["import", "only-a-project.ron"]);
    assert_failure(&out);
    assert!(stderr(&out).contains("Usage"), "{}", stderr(&out));
    assert!(sandbox.files().is_empty());
}

#[test]
fn opening_a_missing_file_fails_before_any_window() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["no-such-project.ron"]);
    assert_failure(&out);
    assert!(
        stderr(&out).contains("no-such-project.ron"),
        "{}",
        stderr(&out)
    );
}

// ---- new ----

#[test]
fn new_creates_an_empty_valid_project_named_after_the_file() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["new", "andes.ron"]);
    assert_success(&out);
    let project = load(&sandbox.path("andes.ron"));
    assert_eq!(project.meta.name, "andes");
    assert_eq!(project.counts(), Default::default());
    assert!(!project.codebook.actor_kinds.is_empty(), "default codebook");
}

#[test]
fn new_takes_a_name() {
    let sandbox = Sandbox::new();
    assert_success(&sandbox.run(&["new", "p.ron", "--name", "Relações Brasil–China 2025"]));
    assert_eq!(
        load(&sandbox.path("p.ron")).meta.name,
        "Relações Brasil–China 2025"
    );
}

#[test]
fn new_never_overwrites_an_existing_file() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("notes.ron", "my notes — not a project\n");
    let out = sandbox.run(&["new", "notes.ron"]);
    assert_failure(&out);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "my notes — not a project\n"
    );
    assert_eq!(sandbox.files(), ["notes.ron"]);
}

#[test]
fn new_in_a_missing_folder_fails_and_creates_nothing() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["new", "missing/folder/p.ron"]);
    assert_failure(&out);
    assert!(sandbox.files().is_empty());
}

// ---- import ----

#[test]
fn import_adds_articles_as_documents() {
    let sandbox = Sandbox::new();
    let project = sandbox.empty_project("p.ron");
    sandbox.write("lima.txt", ARTICLE_LIMA);
    sandbox.write("quito.txt", ARTICLE_QUITO_CRLF);
    let out = sandbox.run(&["import", "p.ron", "lima.txt", "quito.txt"]);
    assert_success(&out);
    assert!(
        stdout(&out).contains("imported 2, skipped 0 duplicates, failed 0"),
        "{}",
        stdout(&out)
    );

    let p = load(&project);
    assert_eq!(p.documents.len(), 2);
    assert_eq!(
        p.meta.name, "Andean corpus",
        "the rest of the project is kept"
    );
    let lima = &p.documents[0];
    assert_eq!(lima.text(), ARTICLE_LIMA);
    let han = ARTICLE_LIMA[..ARTICLE_LIMA.find("王毅").expect("in the article")]
        .chars()
        .count();
    assert_eq!(
        lima.slice(han, han + 2),
        Some("王毅"),
        "offsets count code points"
    );
    let quito = &p.documents[1];
    assert!(!quito.text().contains('\r'), "line endings normalised");
    assert_ne!(lima.id, quito.id);
}

#[test]
fn import_skips_an_article_already_in_the_project() {
    let sandbox = Sandbox::new();
    let project = sandbox.empty_project("p.ron");
    sandbox.write("lima.txt", ARTICLE_LIMA);
    assert_success(&sandbox.run(&["import", "p.ron", "lima.txt"]));
    let before = fs::read(&project).expect("read");
    let when = age(&project);

    // The same text under another name is still the same article.
    sandbox.write("lima-copy.txt", ARTICLE_LIMA);
    let out = sandbox.run(&["import", "p.ron", "lima-copy.txt"]);
    assert_success(&out);
    assert!(
        stdout(&out).contains("lima-copy.txt: skipped"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("imported 0, skipped 1 duplicate, failed 0"));
    assert_eq!(
        fs::read(&project).expect("read"),
        before,
        "nothing added, nothing written"
    );
    assert_eq!(modified(&project), when);
}

#[test]
fn import_skips_a_duplicate_within_one_run() {
    let sandbox = Sandbox::new();
    let project = sandbox.empty_project("p.ron");
    sandbox.write("quito.txt", ARTICLE_QUITO_CRLF);
    // The LF version of a CRLF file is the same text once normalised.
    sandbox.write("quito-lf.txt", ARTICLE_QUITO_CRLF.replace("\r\n", "\n"));
    let out = sandbox.run(&["import", "p.ron", "quito.txt", "quito-lf.txt", "quito.txt"]);
    assert_success(&out);
    assert!(
        stdout(&out).contains("imported 1, skipped 2 duplicates, failed 0"),
        "{}",
        stdout(&out)
    );
    assert_eq!(load(&project).documents.len(), 1);
}

#[test]
fn import_refuses_a_binary_file_and_changes_nothing() {
    let sandbox = Sandbox::new();
    let project = sandbox.empty_project("p.ron");
    let before = fs::read(&project).expect("read");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend((0..2048u32).map(|i| (i * 7919 % 251) as u8));
    sandbox.write("photo.txt", &png);

    let out = sandbox.run(&["import", "p.ron", "photo.txt"]);
    assert_failure(&out);
    assert!(stderr(&out).contains("photo.txt"), "{}", stderr(&out));
    assert!(stdout(&out).contains("failed 1"), "{}", stdout(&out));
    assert_eq!(fs::read(&project).expect("read"), before);
    assert_eq!(
        sandbox.files(),
        ["p.ron", "photo.txt"],
        "no backup, no temporary file"
    );
}

#[test]
fn import_keeps_the_good_articles_when_one_fails() {
    let sandbox = Sandbox::new();
    let project = sandbox.empty_project("p.ron");
    sandbox.write("lima.txt", ARTICLE_LIMA);
    let out = sandbox.run(&["import", "p.ron", "missing.txt", "lima.txt"]);
    assert_failure(&out);
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 1, skipped 0 duplicates, failed 1"),
        "{}",
        stdout(&out)
    );
    assert_eq!(load(&project).documents.len(), 1);
}

#[test]
fn import_into_a_missing_project_creates_nothing() {
    let sandbox = Sandbox::new();
    sandbox.write("lima.txt", ARTICLE_LIMA);
    let out = sandbox.run(&["import", "p.ron", "lima.txt"]);
    assert_failure(&out);
    assert!(stderr(&out).contains("p.ron"), "{}", stderr(&out));
    assert_eq!(sandbox.files(), ["lima.txt"]);
}

// ---- corrupt projects are never touched ----

/// A project cut off in the middle, as after a full disk.
fn corrupt_project(sandbox: &Sandbox) -> (PathBuf, Vec<u8>) {
    let demo = fs::read_to_string(DEMO).expect("demo");
    let cut = demo
        .char_indices()
        .nth(demo.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    let path = sandbox.write("broken.ron", &demo[..cut]);
    (path, demo.as_bytes()[..cut].to_vec())
}

#[test]
fn a_corrupt_project_is_reported_and_left_untouched_by_every_command() {
    let sandbox = Sandbox::new();
    let (path, bytes) = corrupt_project(&sandbox);
    sandbox.write("lima.txt", ARTICLE_LIMA);
    let when = age(&path);

    let out = sandbox.run(&["validate", "broken.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "no counts for a broken file");
    assert!(stderr(&out).contains("broken.ron"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("line "),
        "says where: {}",
        stderr(&out)
    );

    for args in [
        &["import", "broken.ron", "lima.txt"][..],
        &["fmt", "broken.ron"],
        &["fmt", "--check", "broken.ron"],
    ] {
        let out = sandbox.run(args);
        assert_failure(&out);
        assert!(
            stderr(&out).contains("broken.ron"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(fs::read(&path).expect("read"), bytes);
    assert_eq!(modified(&path), when);
    assert_eq!(sandbox.files(), ["broken.ron", "lima.txt"]);
}

#[test]
fn validate_reports_every_problem() {
    let sandbox = Sandbox::new();
    let demo = fs::read_to_string(DEMO).expect("demo");
    // Two annotations whose stored text no longer matches the document.
    let broken = demo
        .replacen("text: \"王毅\"", "text: \"Wang\"", 1)
        .replacen("text: \"Beijing\"", "text: \"Peking\"", 1);
    assert_ne!(broken, demo, "the fixture changed something");
    sandbox.write("drift.ron", &broken);
    let out = sandbox.run(&["validate", "drift.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("Wang") && err.contains("Peking"),
        "both problems: {err}"
    );
}

// ---- validate ----

#[test]
fn validate_prints_the_counts_first() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["validate", DEMO]);
    assert_success(&out);
    let expected = load(Path::new(DEMO)).counts();
    let text = stdout(&out);
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "{} documents, {} actors, {} mentions, {} statements ({} commitments, {} stances)",
            expected.documents,
            expected.actors,
            expected.mentions,
            expected.statements,
            expected.commitments,
            expected.stances
        )
    );
}

#[test]
fn validate_a_missing_file_fails() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["validate", "nowhere.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nowhere.ron"), "{}", stderr(&out));
    assert!(sandbox.files().is_empty());
}

// ---- fmt ----

#[test]
fn fmt_leaves_a_canonical_file_alone() {
    let sandbox = Sandbox::new();
    let path = sandbox.write("demo.ron", fs::read(DEMO).expect("demo"));
    let when = age(&path);
    for args in [&["fmt", "--check", "demo.ron"][..], &["fmt", "demo.ron"]] {
        let out = sandbox.run(args);
        assert_success(&out);
    }
    assert_eq!(
        fs::read(&path).expect("read"),
        fs::read(DEMO).expect("demo")
    );
    assert_eq!(
        modified(&path),
        when,
        "not even rewritten with the same bytes"
    );
    assert_eq!(sandbox.files(), ["demo.ron"]);
}

#[test]
fn fmt_rewrites_a_hand_edited_file_in_canonical_form() {
    let sandbox = Sandbox::new();
    let demo = fs::read_to_string(DEMO).expect("demo");
    // The same project, written on one line as another tool might.
    let compact = ron::to_string(&load(Path::new(DEMO))).expect("serialise");
    let path = sandbox.write("compact.ron", &compact);

    let out = sandbox.run(&["fmt", "--check", "compact.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not in canonical form"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        compact,
        "--check writes nothing"
    );

    assert_success(&sandbox.run(&["fmt", "compact.ron"]));
    assert_eq!(fs::read_to_string(&path).expect("read"), demo);
    assert_success(&sandbox.run(&["fmt", "--check", "compact.ron"]));
}
