//! The window on a project folder: a `git pull` (here: another writer's files replaced on
//! disk) while the analyst has unsaved edits keeps both — the other analyst's work is
//! reloaded, the analyst's own edits stay and are saved into their own files only.

use demarche::edit::Edit;
use demarche::model::{DocStatus, Id};
use demarche::persist;
use demarche::persist::folder::{Part, parse_part, part_text};
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use std::path::Path;

const ANA: &str = "Ana Lucía Pérez";
const SUZUKI: &str = "鈴木 花子";
const VISIT: Id = Id(10);

fn fixture_folder(dir: &Path) -> std::path::PathBuf {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/projects/bogota-visit.ron");
    let project = persist::load(&file).expect("the fixture loads").project;
    let folder = dir.join("visit");
    persist::folder::create(&folder, &project).expect("a project folder");
    folder
}

#[test]
fn another_analysts_pulled_work_and_unsaved_edits_here_both_survive() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = fixture_folder(dir.path());
    let mut app = DemarcheApp::app_for_tests_as(Startup::Open(folder.clone()), ANA);
    assert!(app.workspace().folder.is_some(), "opened as a folder");

    mark_visit_done(&mut app);
    assert!(app.workspace().is_dirty());

    // Meanwhile a pull brings Suzuki's new note on her statement in the same document.
    pull_suzukis_note(&folder);

    app.check_disk_now();
    let project = app.workspace().project();
    let visit = project.document(VISIT).expect("visit");
    assert!(
        visit
            .statements
            .iter()
            .any(|s| s.note == "Pulled from Suzuki's clone"),
        "the other analyst's work was reloaded"
    );
    assert_eq!(
        visit.meta.status_of(ANA),
        DocStatus::Done,
        "the edit here is kept"
    );
    assert!(app.workspace().is_dirty(), "and still unsaved");

    assert!(app.save_to(&folder), "{:?}", app.status_text());
    let saved = persist::load(&folder).expect("the folder loads").project;
    let visit = saved.document(VISIT).expect("visit");
    assert_eq!(visit.meta.status_of(ANA), DocStatus::Done);
    assert!(
        visit
            .statements
            .iter()
            .any(|s| s.note == "Pulled from Suzuki's clone")
    );
    assert!(!app.workspace().is_dirty());
}

/// What a `git pull` does to Suzuki's layer on the visit: her statement gets a note.
fn pull_suzukis_note(folder: &Path) {
    let layers = folder.join("layers");
    let suzuki_file = std::fs::read_dir(&layers)
        .expect("layers")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("analyst-"))
        })
        .expect("Suzuki's layer folder")
        .read_dir()
        .expect("her files")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("10-"))
        })
        .expect("her layer on the visit");
    let relative = suzuki_file.strip_prefix(folder).expect("inside").to_owned();
    let text = std::fs::read_to_string(&suzuki_file).expect("read");
    let Ok(Part::Layer(mut layer)) = parse_part(&relative, &text) else {
        panic!("a layer");
    };
    assert_eq!(layer.analyst, SUZUKI);
    layer.statements[0].note = "Pulled from Suzuki's clone".into();
    std::fs::write(&suzuki_file, part_text(&Part::Layer(layer))).expect("write");
}

/// The running window notices the pull by itself (the folder is looked at on a thread of
/// its own every few seconds) and reloads it.
#[test]
fn the_window_notices_a_pull_by_itself() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = fixture_folder(dir.path());
    let app = DemarcheApp::app_for_tests_as(Startup::Open(folder.clone()), ANA);
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1024.0, 700.0])
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app);
    harness.step();
    pull_suzukis_note(&folder);
    let pulled = |app: &DemarcheApp| {
        app.workspace().project().document(VISIT).is_some_and(|d| {
            d.statements
                .iter()
                .any(|s| s.note == "Pulled from Suzuki's clone")
        })
    };
    let started = std::time::Instant::now();
    while !pulled(harness.state()) && started.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(
        pulled(harness.state()),
        "the window reloaded the pulled file"
    );
    assert!(
        !harness.state().workspace().is_dirty(),
        "nothing of its own to save"
    );
}

#[test]
fn save_as_project_folder_then_a_save_writes_only_the_edited_layer() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/projects/bogota-visit.ron");
    let mut app = DemarcheApp::app_for_tests_as(Startup::Open(file), ANA);
    let folder = dir.path().join("as-folder");
    assert!(app.save_to_folder(&folder), "{:?}", app.status_text());
    assert_eq!(app.workspace().path.as_deref(), Some(folder.as_path()));
    let before = snapshot(&folder);

    mark_visit_done(&mut app);
    assert!(app.save_to(&folder));
    let after = snapshot(&folder);
    let changed: Vec<&String> = after
        .iter()
        .filter(|(name, bytes)| before.get(*name) != Some(bytes))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        changed.len(),
        1,
        "only Ana's layer on the visit: {changed:?}"
    );
    assert!(changed[0].starts_with("layers/ana-luc"), "{changed:?}");
}

/// Ana's unsaved edit on the visit: her status.
fn mark_visit_done(app: &mut DemarcheApp) {
    let mut meta = app
        .workspace()
        .project()
        .document(VISIT)
        .expect("visit")
        .meta
        .clone();
    meta.set_status(ANA, DocStatus::Done);
    let edit = Edit::UpdateDocumentMeta {
        document: VISIT,
        meta,
    };
    app.workspace_mut()
        .apply("Mark done", edit)
        .expect("applies");
}

fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .display()
                .to_string();
            (name, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}
