//! The window and a project file that another program changes (a command-line import,
//! `git pull`, a second window): a save never overwrites it; the analyst merges, reloads
//! or saves elsewhere; a window without unsaved work follows the file.

use demarche::edit::Edit;
use demarche::model::{Actor, Id, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

const ARTICLE: &str = "tests/fixtures/ui_app/wang_borrell.txt";

fn harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    crate::app_support::app_harness(app)
}

fn fixture_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("Sommet de Pékin — 北京");
    let doc = demarche::import::import_file(Path::new(ARTICLE), Id(1)).expect("imports");
    project.documents.push(doc);
    let path = dir.join("sommet.ron");
    persist::save(&project, &path).expect("saves");
    path
}

/// What `demarche import` does from outside: a second article in the file on disk.
fn import_from_outside(dir: &Path, project: &Path) {
    let article = dir.join("outside.txt");
    std::fs::write(
        &article,
        "BRASÍLIA, May 2 (Meridian) — Brazil and Indonesia agreed to expand trade in \
         biofuels, the two foreign ministers said on Friday.\n",
    )
    .expect("write article");
    let mut on_disk = persist::load(project).expect("loads").project;
    let id = on_disk.id_allocator("tester").fresh().expect("an id");
    let doc = demarche::import::import_file(&article, id).expect("imports");
    Edit::AddDocument(Box::new(doc))
        .apply(&mut on_disk)
        .expect("adds");
    persist::save(&on_disk, project).expect("the other writer saves");
}

fn add_actor_in_window(app: &mut DemarcheApp) {
    let id = app.workspace_mut().fresh_id().expect("an id");
    let edit = Edit::AddActor(Actor::new(id, "Wang Yi", "person"));
    app.workspace_mut()
        .apply("Add actor", edit)
        .expect("applies");
}

fn open(path: &Path) -> Harness<'static, DemarcheApp> {
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.to_owned())));
    h.run();
    h
}

#[test]
fn save_after_an_outside_import_asks_instead_of_overwriting_and_merges() {
    let dir = tempfile::tempdir().expect("folder");
    let path = fixture_project(dir.path());
    let mut h = open(&path);
    add_actor_in_window(h.state_mut());
    import_from_outside(dir.path(), &path);
    let outside = std::fs::read(&path).expect("read");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        h.state().modal_title().as_deref(),
        Some("The project changed on disk")
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        outside,
        "nothing was overwritten"
    );
    assert!(h.state().workspace().is_dirty(), "the work here is kept");

    h.get_by_label("Merge and save").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    let saved = persist::load(&path).expect("loads").project;
    assert_eq!(saved.documents.len(), 2, "the outside import is kept");
    assert_eq!(saved.actors.len(), 1, "the window's actor is kept");
    assert!(!h.state().workspace().is_dirty());
    assert_eq!(h.state().workspace().project(), &saved);
}

#[test]
fn reload_from_disk_takes_the_file_as_the_other_program_left_it() {
    let dir = tempfile::tempdir().expect("folder");
    let path = fixture_project(dir.path());
    let mut h = open(&path);
    add_actor_in_window(h.state_mut());
    import_from_outside(dir.path(), &path);
    let outside = persist::load(&path).expect("loads").project;

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Reload from disk").click();
    h.run();
    assert_eq!(h.state().workspace().project(), &outside);
    assert!(!h.state().workspace().is_dirty());
}

#[test]
fn cancel_keeps_both_the_file_and_the_work_here() {
    let dir = tempfile::tempdir().expect("folder");
    let path = fixture_project(dir.path());
    let mut h = open(&path);
    add_actor_in_window(h.state_mut());
    let edited = h.state().workspace().project().clone();
    import_from_outside(dir.path(), &path);
    let outside = std::fs::read(&path).expect("read");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read(&path).expect("read"), outside);
    assert_eq!(h.state().workspace().project(), &edited);
    // Saving again asks again: the file is still not the one the work was based on.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        h.state().modal_title().as_deref(),
        Some("The project changed on disk")
    );
}

#[test]
fn a_window_without_unsaved_work_follows_its_file() {
    let dir = tempfile::tempdir().expect("folder");
    let path = fixture_project(dir.path());
    let mut h = open(&path);
    import_from_outside(dir.path(), &path);

    h.state_mut().check_disk_now();
    h.run();
    assert_eq!(h.state().workspace().project().documents.len(), 2);
    assert!(!h.state().workspace().is_dirty());
    assert_eq!(h.state().modal_title(), None);
}

#[test]
fn a_window_with_unsaved_work_is_told_and_keeps_it() {
    let dir = tempfile::tempdir().expect("folder");
    let path = fixture_project(dir.path());
    let mut h = open(&path);
    add_actor_in_window(h.state_mut());
    let edited = h.state().workspace().project().clone();
    import_from_outside(dir.path(), &path);

    h.state_mut().check_disk_now();
    h.run();
    assert_eq!(h.state().workspace().project(), &edited);
    let status = h.state().status_text().unwrap_or_default().to_owned();
    assert!(status.contains("changed on disk"), "{status}");
}
