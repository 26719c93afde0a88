//! The whole window driven through egui_kittest (no GPU): the unsaved-changes guard,
//! recovery after a crash, undo/redo by keys, find, and opening what the command line gives.

use demarche::edit::Edit;
use demarche::model::{Actor, Id, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::command::Command;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

const ARTICLE: &str = "tests/fixtures/ui_app/wang_borrell.txt";

fn harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    crate::app_support::app_harness(app)
}

/// A saved project holding the fixture article, in its own folder.
fn fixture_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("Sommet de Pékin — 北京");
    let doc = demarche::import::import_file(Path::new(ARTICLE), Id(1)).unwrap();
    project.documents.push(doc);
    let path = dir.join("sommet.ron");
    persist::save(&project, &path).unwrap();
    path
}

fn add_actor_edit(app: &mut DemarcheApp, name: &str) -> Edit {
    let id = app.workspace_mut().fresh_id().expect("a fresh id");
    let mut actor = Actor::new(id, name, "person");
    actor.aliases.push("王毅".to_owned());
    Edit::AddActor(actor)
}

fn edit_project(app: &mut DemarcheApp) {
    let edit = add_actor_edit(app, "Wang Yi");
    app.workspace_mut().apply("Add actor", edit).unwrap();
    assert!(app.workspace().is_dirty());
}

#[test]
fn close_with_unsaved_changes_asks_and_cancel_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
    h.run();
    edit_project(h.state_mut());
    let edited = h.state().workspace().project().clone();

    h.state_mut().request_close();
    h.run();
    assert_eq!(h.state().modal_title().as_deref(), Some("Unsaved changes"));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert!(!h.state().close_allowed());
    assert_eq!(h.state().workspace().project(), &edited);
    assert!(h.state().workspace().is_dirty());

    h.state_mut().request_close();
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().close_allowed());
    // Discarding leaves the file as it was.
    let on_disk = persist::load(&path).unwrap().project;
    assert!(on_disk.actors.is_empty());
}

#[test]
fn new_project_with_unsaved_changes_can_save_them_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
    h.run();
    edit_project(h.state_mut());
    let edited = h.state().workspace().project().clone();

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().modal_title().as_deref(), Some("Unsaved changes"));
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(persist::load(&path).unwrap().project, edited);
    // Then the new project, empty and untitled.
    assert!(h.state().workspace().path.is_none());
    assert!(h.state().workspace().project().documents.is_empty());
    assert!(!h.state().workspace().is_dirty());
}

#[test]
fn opening_with_unsaved_changes_can_discard_them_and_open_another_project() {
    let dir = tempfile::tempdir().unwrap();
    let first = fixture_project(dir.path());
    let other_dir = tempfile::tempdir().unwrap();
    let second = fixture_project(other_dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(first.clone())));
    h.run();
    edit_project(h.state_mut());

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    // No native dialogs in tests: the path field stands in for the file dialog.
    assert_eq!(h.state().modal_title().as_deref(), Some("Open project"));
    // The path field has focus: type into it.
    h.event(egui::Event::Text(second.display().to_string()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert_eq!(
        h.state().workspace().path.as_deref(),
        Some(second.as_path())
    );
    assert!(!h.state().workspace().is_dirty());
    assert!(persist::load(&first).unwrap().project.actors.is_empty());
}

#[test]
fn after_a_crash_the_next_start_offers_the_autosaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let edited = {
        let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
        h.run();
        edit_project(h.state_mut());
        h.state_mut().autosave_now();
        h.state().workspace().project().clone()
        // Dropped without saving: the crash.
    };

    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
    h.run();
    assert_eq!(
        h.state().modal_title().as_deref(),
        Some("Recover unsaved work?")
    );
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(h.state().workspace().project(), &edited);
    assert!(
        h.state().workspace().is_dirty(),
        "recovered work is unsaved"
    );
    assert_eq!(h.state().workspace().path.as_deref(), Some(path.as_path()));
    assert!(h.state().window_title().starts_with('●'));

    // Saving puts it in the project and the recovery file goes away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(persist::load(&path).unwrap().project, edited);
    assert!(persist::find_recovery(Some(&path)).is_none());
}

#[test]
fn undo_and_redo_by_keys_restore_the_project_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    let original = h.state().workspace().project().clone();
    let first = add_actor_edit(h.state_mut(), "Wang Yi");
    h.state_mut()
        .workspace_mut()
        .apply("Add actor", first)
        .unwrap();
    let second = add_actor_edit(h.state_mut(), "Josep Borrell");
    h.state_mut()
        .workspace_mut()
        .apply("Add actor", second)
        .unwrap();
    let edited = h.state().workspace().project().clone();

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &original);
    assert!(!h.state().workspace().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().workspace().project(), &edited);

    // The Edit menu names the step undo would take back.
    h.get_by_label("Edit").click();
    h.run();
    assert!(h.query_by_label_contains("Undo Add actor").is_some());
}

#[test]
fn find_counts_every_match_and_steps_through_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    // The find field has focus: type into it.
    h.event(egui::Event::Text("wang".to_owned()));
    h.run();
    let bar = h.state().find_bar();
    // "Wang Yi" twice, "Wang added", "WANG is": case-insensitive by default.
    assert_eq!(bar.matches().len(), 4);
    assert_eq!(bar.count_text(), "1 of 4 matches");
    let first = bar.current_match().unwrap();

    h.key_press(Key::Enter);
    h.run();
    let second = h.state().find_bar().current_match().unwrap();
    assert!(second.0 > first.0);
    assert_eq!(h.state().article().selection(), Some(second));
    assert_eq!(h.state().find_bar().count_text(), "2 of 4 matches");

    h.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    h.run();
    assert_eq!(h.state().find_bar().current_match(), Some(first));
}

#[test]
fn an_article_on_the_command_line_opens_in_a_new_project_named_after_it() {
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(PathBuf::from(
        ARTICLE,
    ))));
    h.run();
    let ws = h.state().workspace();
    assert!(ws.path.is_none());
    assert_eq!(ws.project().documents.len(), 1);
    assert!(ws.is_dirty());
    // Named after the article, so that reports and the title bar have a name.
    let title = ws.project().documents[0].meta.title.clone();
    assert!(!title.is_empty());
    assert_eq!(ws.project().meta.name, title);
    assert!(
        h.state().window_title().starts_with(&format!("● {title}")),
        "{}",
        h.state().window_title()
    );
    assert!(ws.path.is_none(), "still unsaved: saving asks where");
    assert_eq!(
        h.state().selection().document,
        Some(ws.project().documents[0].id)
    );
}

#[test]
fn a_project_that_fails_to_load_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let broken = "(\n    format_version: 1,\n    meta: (name: \"Sommet\"\n";
    std::fs::write(&path, broken).unwrap();
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
    h.run();
    assert_eq!(
        h.state().modal_title().as_deref(),
        Some("The project could not be opened")
    );
    h.get_by_label("Close").click();
    h.run();
    // Saving now asks where (the broken file is not the save target).
    h.queue_command_and_run(Command::Save);
    assert_eq!(h.state().modal_title().as_deref(), Some("Save project as"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

trait RunCommand {
    fn queue_command_and_run(&mut self, command: Command);
}

impl RunCommand for Harness<'_, DemarcheApp> {
    fn queue_command_and_run(&mut self, command: Command) {
        self.state_mut().queue_command(command);
        self.run();
    }
}

#[test]
fn the_first_run_opens_the_bundled_demo_untitled() {
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Default));
    h.run();
    let ws = h.state().workspace();
    assert!(!ws.project().documents.is_empty(), "the demo has articles");
    assert!(ws.path.is_none(), "saving the demo asks where");
    assert!(!ws.is_dirty());
    assert!(h.state().selection().document.is_some());
}

#[test]
fn keys_do_not_fire_commands_while_typing_in_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    // "m", "s", "t" would tag; typed into the find field they are just text.
    h.event(egui::Event::Key {
        key: Key::M,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::Text("mst".to_owned()));
    h.run();
    assert_eq!(h.state().find_bar().query, "mst");
    assert_eq!(h.state().workspace().project().counts().statements, 0);
    assert!(!h.state().workspace().is_dirty());
}

#[test]
fn file_export_writes_the_chosen_format_into_the_folder_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(
        h.state().export_dialog().is_open(),
        "ctrl+E opens File ▸ Export…"
    );
    let out = dir.path().join("out");
    h.state_mut()
        .export_dialog_mut()
        .choose(demarche::export::Format::Csv, &out);
    h.run();
    h.get_by_label("Export").click();
    // The export runs on a worker thread; frames go on until it reports back.
    for _ in 0..500 {
        h.step();
        if h.state().export_dialog().outcome().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let summary = match h.state().export_dialog().outcome() {
        Some(Ok(s)) => s.clone(),
        other => panic!("export did not succeed: {other:?}"),
    };
    assert_eq!(summary.documents, 1);
    let rows = csv::Reader::from_path(out.join("documents.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(rows, 1, "one row for the one document");
    assert!(out.join("mentions.csv").is_file());
    let status = h.state().status_text().unwrap_or_default().to_owned();
    assert!(status.contains("Exported 1 document "), "status: {status}");
}

#[test]
fn escape_closes_the_help_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().help_shown());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().help_shown());
    // That Escape did nothing else.
    assert!(!h.state().workspace().is_dirty());
}

#[test]
fn escape_clears_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::new("Escape");
    let mut doc = demarche::import::import_file(Path::new(ARTICLE), Id(1)).unwrap();
    let index = demarche::model::TextIndex::new(doc.text());
    let span = demarche::model::Span::from_range(doc.text(), &index, 0, 7).unwrap();
    doc.tags.push(demarche::model::Tag {
        id: Id(2),
        span,
        category: "background".to_owned(),
        attributes: Default::default(),
        stamp: demarche::model::Stamp::now("test"),
        note: String::new(),
    });
    project.documents.push(doc);
    let path = dir.path().join("escape.ron");
    persist::save(&project, &path).unwrap();
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();

    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state().selection().annotation, Some(Id(2)));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selection().annotation, None);

    h.key_press(Key::W);
    h.run();
    assert!(h.state().article().selection().is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().article().selection(), None);
    assert!(!h.state().workspace().is_dirty());
}

#[test]
fn keys_and_clicks_sent_while_a_file_dialog_was_open_never_reach_the_article() {
    use demarche::ui::files;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(fixture_project(
        dir.path(),
    ))));
    let typed = || egui::RawInput {
        events: vec![
            egui::Event::WindowFocused(true),
            egui::Event::Text("m".into()),
            egui::Event::Key {
                key: Key::M,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            },
            egui::Event::PointerButton {
                pos: egui::pos2(300.0, 300.0),
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: Modifiers::NONE,
            },
        ],
        ..Default::default()
    };
    // What the user typed for the dialog arrives in the first frame after it closes.
    files::blocking(|| ());
    let ctx = h.ctx.clone();
    let mut raw = typed();
    eframe::App::raw_input_hook(h.state_mut(), &ctx, &mut raw);
    assert_eq!(raw.events, vec![egui::Event::WindowFocused(true)]);
    // Once that is over, keys reach the window again.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let mut drained = typed();
    eframe::App::raw_input_hook(h.state_mut(), &ctx, &mut drained);
    let mut raw = typed();
    eframe::App::raw_input_hook(h.state_mut(), &ctx, &mut raw);
    assert_eq!(raw.events, typed().events);
}

#[test]
fn a_save_as_dialog_starts_beside_the_project_and_an_import_where_the_last_file_was() {
    use demarche::ui::files::Purpose;
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let app = DemarcheApp::app_for_tests(Startup::Open(project.clone()));
    // Opened from its folder: dialogs start there, not in the home folder.
    assert_eq!(
        app.dialog_folder(&Purpose::Import).as_deref(),
        Some(dir.path())
    );
    // After an import from another folder, imports start there; a save still beside the
    // project.
    let article = elsewhere.path().join("article.txt");
    std::fs::copy(ARTICLE, &article).unwrap();
    let mut app = app;
    app.import_paths(vec![article]);
    assert_eq!(
        app.dialog_folder(&Purpose::SaveProject("x.ron".into()))
            .as_deref(),
        Some(dir.path())
    );
    assert_eq!(
        app.dialog_folder(&Purpose::Import).as_deref(),
        Some(elsewhere.path())
    );
}

#[test]
fn the_export_format_is_picked_by_typing_part_of_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_project(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export format").focus();
    h.run();
    // Typed on the focused picker, letters open its search; they tag nothing.
    h.event(egui::Event::Text("csv".to_owned()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().export_dialog().format(),
        Some(demarche::export::Format::Csv)
    );
    assert_eq!(h.state().workspace().project().counts().statements, 0);
}
