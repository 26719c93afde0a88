//! A project whose highest id is the largest there is: everything that adds to it refuses
//! with a clear message (the command line, the window, other tools' labels), and nothing
//! is added under an id that wrapped round to one in use.

use demarche::interchange::{InterchangeError, import_jsonl};
use demarche::model::{Actor, Id, IdsExhausted, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::workspace::Workspace;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");
const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ui_app/wang_borrell.txt"
);

/// A project holding one actor with the largest id.
fn full_project() -> Project {
    let mut project = Project::new("Full");
    project
        .actors
        .push(Actor::new(Id(u64::MAX), "Last of all", "person"));
    project
}

fn saved_full_project(dir: &Path) -> PathBuf {
    let path = dir.join("full.ron");
    persist::save(&full_project(), &path).expect("save the full project");
    path
}

#[test]
fn the_command_line_refuses_to_import_and_leaves_the_project_as_it_was() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = saved_full_project(dir.path());
    let before = std::fs::read(&path).expect("read project");
    let output = Command::new(BIN)
        .args(["import", "full.ron", ARTICLE])
        .current_dir(dir.path())
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
fn the_workspace_hands_out_no_id_past_the_largest() {
    let mut ws = Workspace::new(full_project(), None);
    assert_eq!(ws.fresh_id(), Err(IdsExhausted));
    let one_below = {
        let mut project = Project::new("Almost full");
        project
            .actors
            .push(Actor::new(Id(u64::MAX - 1), "Nearly last", "person"));
        project
    };
    let mut ws = Workspace::new(one_below, None);
    assert_eq!(ws.fresh_id(), Ok(Id(u64::MAX)));
    assert_eq!(ws.fresh_id(), Err(IdsExhausted));
}

#[test]
fn the_window_reports_the_refused_import_and_adds_nothing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = saved_full_project(dir.path());
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
    let mut project = full_project();
    match import_jsonl(&mut project, &jsonl) {
        Err(e @ InterchangeError::Ids(_)) => {
            assert!(e.to_string().contains("no id is left"), "{e}");
        }
        other => panic!("expected the ids to run out, got {other:?}"),
    }
    assert!(project.documents.is_empty());
}
