//! An export replaces the destination's files as one set: a failure leaves every old file
//! as it was, a staging folder left by a killed export is cleaned up by the next one, a
//! second export into the same folder at the same time is refused, and the command tells
//! each cause once and claims success only once every file is in place.

use crate::export_fixture;

use demarche::export::{self, Format};
use demarche::model::Project;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

/// Every entry of `dir` with its bytes (folders as `<folder>`).
fn listing(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.file_type().unwrap().is_dir() {
                b"<folder>".to_vec()
            } else {
                fs::read(e.path()).unwrap()
            };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

/// The fixture with every document retitled, so that each CSV of a new export differs.
fn changed_project() -> Project {
    let mut p = export_fixture::project();
    for d in &mut p.documents {
        d.meta.title.push_str(" (revised)");
        d.meta.note = "second pass".into();
    }
    p
}

#[test]
fn a_folder_where_a_csv_goes_stops_the_export_and_every_old_csv_stays() {
    let dir = tempfile::tempdir().unwrap();
    export::export(
        &export_fixture::project(),
        Format::Csv,
        dir.path(),
        &mut |_| {},
    )
    .unwrap();
    // mentions.csv comes fourth: documents, actors and codebook would move in before it.
    fs::remove_file(dir.path().join("mentions.csv")).unwrap();
    fs::create_dir(dir.path().join("mentions.csv")).unwrap();
    fs::write(dir.path().join("mentions.csv").join("mine.txt"), "keep me").unwrap();
    let before = listing(dir.path());

    let err = export::export(&changed_project(), Format::Csv, dir.path(), &mut |_| {}).unwrap_err();
    let message = demarche::error_text::one_line(&err);
    assert!(
        message.contains("mentions.csv") && message.contains("is a folder"),
        "{message}"
    );
    assert_eq!(listing(dir.path()), before, "the old set, and nothing else");
    assert_eq!(
        fs::read_to_string(dir.path().join("mentions.csv/mine.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn a_staging_folder_left_by_a_killed_export_is_removed_by_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    export::export(
        &export_fixture::project(),
        Format::Csv,
        dir.path(),
        &mut |_| {},
    )
    .unwrap();
    // What an export killed while writing leaves: a staging folder with some of its files
    // (an older Demarche's has no journal; the lock file stays too, unlocked).
    let left = dir.path().join(".demarche-export-k1lled");
    fs::create_dir(&left).unwrap();
    fs::write(left.join("documents.csv"), "id,title\n").unwrap();
    fs::write(dir.path().join(".demarche-export.lock"), "pid: 1\n").unwrap();

    let summary = export::export(&changed_project(), Format::Csv, dir.path(), &mut |_| {}).unwrap();
    let after = listing(dir.path());
    let names: Vec<&String> = after.keys().collect();
    assert_eq!(names.len(), 10, "only the ten CSVs: {names:?}");
    assert!(summary.files.iter().all(|f| f.is_file()));
    let documents = String::from_utf8(after["documents.csv"].clone()).unwrap();
    assert!(documents.contains("(revised)"));
}

#[test]
fn an_export_into_a_folder_another_export_is_writing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    export::export(
        &export_fixture::project(),
        Format::Csv,
        dir.path(),
        &mut |_| {},
    )
    .unwrap();
    // Another export, still running: it holds the folder's lock and has a staging folder.
    let lock = fs::File::create(dir.path().join(".demarche-export.lock")).unwrap();
    lock.try_lock().unwrap();
    fs::write(
        dir.path().join(".demarche-export.lock"),
        "pid: 4242\nhost: desk\nsince: 2026-05-06 10:00:00 UTC\n",
    )
    .unwrap();
    let live = dir.path().join(".demarche-export-live01");
    fs::create_dir(&live).unwrap();
    fs::write(live.join("documents.csv"), "being written").unwrap();
    let before = listing(dir.path());

    let err = export::export(&changed_project(), Format::Csv, dir.path(), &mut |_| {}).unwrap_err();
    let message = demarche::error_text::one_line(&err);
    assert!(
        message.contains("another export") && message.contains("process 4242 on host desk"),
        "{message}"
    );
    assert_eq!(listing(dir.path()), before, "nothing touched");

    // Once it has gone, its staging folder is cleaned up by the next export.
    drop(lock);
    export::export(&changed_project(), Format::Csv, dir.path(), &mut |_| {}).unwrap();
    assert!(!live.exists());
    assert_eq!(listing(dir.path()).len(), 10);
}

/// A project file holding the fixture, for the command line.
fn saved_fixture(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("forum.ron");
    demarche::persist::save(&export_fixture::project(), &path).unwrap();
    path
}

#[test]
fn a_failed_export_command_tells_each_cause_once_and_claims_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = saved_fixture(dir.path());
    fs::write(dir.path().join("a-file"), "x").unwrap();
    let out = Command::new(BIN)
        .arg("export")
        .arg(&project)
        .args(["--format", "csv", "--out"])
        .arg(dir.path().join("a-file/sub"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: cannot export"), "{stderr}");
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
}

#[test]
fn the_export_command_lists_every_file_in_place_then_its_success_line() {
    let dir = tempfile::tempdir().unwrap();
    let project = saved_fixture(dir.path());
    let out_dir = dir.path().join("out");
    let out = Command::new(BIN)
        .arg("export")
        .arg(&project)
        .args(["--format", "brat", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let (last, wrote) = lines.split_last().unwrap();
    assert!(last.starts_with("exported 3 documents"), "{stdout}");
    assert_eq!(wrote.len(), 8, "{stdout}");
    for line in wrote {
        let path = line.strip_prefix("wrote ").unwrap();
        assert!(Path::new(path).is_file(), "{path}");
    }
    // Nothing but the exported files is left in the folder.
    assert_eq!(listing(&out_dir).len(), 8);
}
