//! A project in which the analyst's range of ids is used up (its last id is taken):
//! everything that adds to it refuses with a clear message (the command line, the window,
//! other tools' labels), and nothing is added under an id that wrapped round to one in use
//! or spilled into another analyst's range.

use demarche::interchange::{InterchangeError, import_jsonl};
use demarche::model::analyst::{BLOCK_SHIFT, block_of, block_of_id};
use demarche::model::{Actor, Id, IdsExhausted, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::workspace::Workspace;
use demarche::workspace::default_annotator;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");
const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ui_app/wang_borrell.txt"
);

/// The analyst the command line runs as in these tests.
const ANALYST: &str = "tester";

/// The last id of `analyst`'s range.
fn last_id(analyst: &str) -> Id {
    Id(((block_of(analyst) + 1) << BLOCK_SHIFT) - 1)
}

/// A project holding one actor with the last id of `analyst`'s range.
fn full_project_for(analyst: &str) -> Project {
    let mut project = Project::new("Full");
    project
        .actors
        .push(Actor::new(last_id(analyst), "Last of all", "person"));
    project
}

fn full_project() -> Project {
    full_project_for(&default_annotator())
}

fn saved_full_project(dir: &Path, analyst: &str) -> PathBuf {
    let path = dir.join("full.ron");
    persist::save(&full_project_for(analyst), &path).expect("save the full project");
    path
}

#[test]
fn the_command_line_refuses_to_import_and_leaves_the_project_as_it_was() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = saved_full_project(dir.path(), ANALYST);
    let before = std::fs::read(&path).expect("read project");
    let output = Command::new(BIN)
        .args(["import", "full.ron", ARTICLE])
        .current_dir(dir.path())
        .env("DEMARCHE_ANNOTATOR", ANALYST)
        .env("DEMARCHE_DATA_DIR", dir.path())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("no id is left"), "{stderr}");
    assert!(stderr.contains("left unchanged"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&path).expect("read project"), before);
}

#[test]
fn the_workspace_hands_out_no_id_past_the_end_of_the_analysts_range() {
    let mut ws = Workspace::new(full_project(), None);
    assert_eq!(ws.fresh_id(), Err(IdsExhausted));
    let last = last_id(&default_annotator());
    let one_below = {
        let mut project = Project::new("Almost full");
        project
            .actors
            .push(Actor::new(Id(last.0 - 1), "Nearly last", "person"));
        project
    };
    let mut ws = Workspace::new(one_below, None);
    assert_eq!(ws.fresh_id(), Ok(last));
    assert_eq!(ws.fresh_id(), Err(IdsExhausted));
}

#[test]
fn another_analysts_full_range_does_not_stop_this_one() {
    let mut ws = Workspace::new(full_project_for("someone else"), None);
    let id = ws.fresh_id().expect("an id in this analyst's own range");
    assert_eq!(block_of_id(id), block_of(&default_annotator()));
}

#[test]
fn the_window_reports_the_refused_import_and_adds_nothing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = saved_full_project(dir.path(), &default_annotator());
    let mut app = DemarcheApp::app_for_tests(Startup::Open(path));
    app.import_article(Path::new(ARTICLE));
    let status = app.status_text().unwrap_or_default().to_owned();
    assert!(status.contains("no id is left"), "{status}");
    assert!(app.workspace().project().documents.is_empty());
    assert!(!app.workspace().is_dirty());
}

#[test]
fn doccano_labels_are_refused_without_an_id_that_wrapped() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let jsonl = dir.path().join("labels.jsonl");
    std::fs::write(
        &jsonl,
        r#"{"text": "Wang Yi met Rosa Quispe in Lima.", "label": [[0, 7, "Mention"]]}"#,
    )
    .expect("write labels");
    let mut project = full_project_for("ana");
    match import_jsonl(&mut project, &jsonl, "ana") {
        Err(e @ InterchangeError::Ids(_)) => {
            assert!(e.to_string().contains("no id is left"), "{e}");
        }
        other => panic!("expected the ids to run out, got {other:?}"),
    }
    assert!(project.documents.is_empty());
}
