//! Tagging and the panels inside the real window (`DemarcheApp`), driven by keys and
//! clicks through egui_kittest: the paths an analyst takes every day.

use crate::ui_panels_support;

use demarche::model::Annotation;
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use ui_panels_support::*;

fn harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app)
}

/// The fixture project saved in its own folder.
fn saved_fixture(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    path
}

#[test]
fn select_a_range_tag_a_new_actor_change_its_kind_and_undo_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(saved_fixture(
        dir.path(),
    ))));
    h.run();
    let original = h.state().workspace().project().clone();
    assert_eq!(h.state().selection().document, Some(DOC));

    let (start, end) = find("José Ramírez", 0);
    h.state_mut().article_mut().set_selection(start, end);
    h.key_press(Key::M);
    h.run();
    h.get_by_label("New actor «José Ramírez»");
    h.key_press(Key::Enter);
    h.run();

    let app = h.state();
    let jose = app
        .workspace()
        .project()
        .actor_by_name("José Ramírez")
        .expect("created")
        .id;
    let mention = app.selection().annotation.expect("new mention selected");
    let doc = app.workspace().project().document(DOC).expect("doc");
    assert!(matches!(doc.annotation(mention), Some(Annotation::Mention(m)) if m.actor == jose));

    // The inspector shows it; change the new actor's kind there.
    h.get_by_label_contains(&format!("mention {mention}"));
    h.get_by_value("Person").click();
    h.run();
    h.get_by_label("Government body").click();
    h.run();
    let kind = h
        .state()
        .workspace()
        .project()
        .actor(jose)
        .map(|a| a.kind.clone());
    assert_eq!(kind.as_deref(), Some("government_body"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &original);
}

#[test]
fn keyboard_only_select_a_sentence_code_a_commitment_and_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_fixture(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
    h.run();
    // Caret to the start, then sentence by sentence to the second one ("He stressed …").
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    h.key_press(Key::E);
    h.run();
    let (s, e) = h
        .state()
        .article()
        .selection()
        .expect("a sentence is selected");
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    let selected = doc.slice(s, e).expect("in range").trim().to_owned();
    assert!(selected.starts_with("He stressed"), "selected {selected:?}");

    h.key_press(Key::C);
    h.run();
    let app = h.state();
    let id = app.selection().annotation.expect("commitment selected");
    let doc = app.workspace().project().document(DOC).expect("doc");
    let Some(Annotation::Commitment(c)) = doc.annotation(id) else {
        panic!("expected a commitment");
    };
    assert_eq!(c.strength, "possible", "“ready to” → possible");
    assert_eq!(
        c.committer,
        Some(CHINA),
        "nested attribution: “He stressed that Beijing is ready to …” is China's"
    );
    assert_eq!(doc.statements.len(), 2, "its statement was created with it");
    // The inspector shows the new commitment.
    h.get_by_label(&format!("commitment {id}"));

    // One key sets its strength: 1 is the codebook's first strength, "certain".
    h.key_press(Key::Num1);
    h.run();
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    let Some(Annotation::Commitment(c)) = doc.annotation(id) else {
        panic!("expected a commitment");
    };
    assert_eq!(c.strength, "certain", "key 1 sets the strength");
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Strength: Certain")
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().workspace().is_dirty());
    let loaded = persist::load(&path).expect("saved project loads");
    let doc = loaded.project.document(DOC).expect("doc");
    assert_eq!(doc.commitments.len(), 2);
    assert!(
        doc.commitments
            .iter()
            .any(|c| c.id == id && c.strength == "certain")
    );
    assert_eq!(doc.statements.len(), 2);
}

#[test]
fn l_on_one_annotation_then_l_on_another_links_them_and_undo_takes_it_back() {
    use demarche::ui::article::Nav;
    use demarche::ui::command::Command;
    let dir = tempfile::tempdir().expect("temp dir");
    // Linking the fixture's annotations is work in its coder's layer.
    let mut h = harness(DemarcheApp::app_for_tests_as(
        Startup::Open(saved_fixture(dir.path())),
        ANALYST,
    ));
    h.run();
    let next = Command::Navigate {
        nav: Nav::AnnotationNext,
        extend: false,
    };
    let step = |h: &mut Harness<'static, DemarcheApp>| {
        h.state_mut().queue_command(next);
        h.run();
        h.state()
            .selection()
            .annotation
            .expect("an annotation selected")
    };
    let links = |h: &Harness<'static, DemarcheApp>| {
        let doc = h.state().workspace().project().document(DOC).expect("doc");
        doc.links
            .iter()
            .map(|l| (l.from, l.to, l.label.clone()))
            .collect::<Vec<_>>()
    };

    // Esc abandons a link begun by mistake.
    step(&mut h);
    h.key_press(Key::L);
    h.run();
    assert!(
        h.state()
            .status_text()
            .unwrap_or("")
            .contains("Linking from")
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().status_text(), Some("Linking cancelled"));

    let from = step(&mut h);
    h.key_press(Key::L);
    h.run();
    let to = step(&mut h);
    assert_ne!(from, to);
    h.key_press(Key::L);
    h.run();
    assert_eq!(links(&h), vec![(from, to, "answers".to_owned())]);
    // The new link is selected, so its label can be changed at once.
    let link = h.state().selection().annotation.expect("link selected");
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    assert!(matches!(doc.annotation(link), Some(Annotation::Link(_))));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(links(&h).is_empty(), "undo removes the link");
}

#[test]
fn the_inspector_links_the_selected_annotation_to_another_it_lists() {
    use demarche::ui::article::Nav;
    use demarche::ui::command::Command;
    let dir = tempfile::tempdir().expect("temp dir");
    // Linking the fixture's annotations is work in its coder's layer.
    let mut h = harness(DemarcheApp::app_for_tests_as(
        Startup::Open(saved_fixture(dir.path())),
        ANALYST,
    ));
    h.run();
    h.state_mut().queue_command(Command::Navigate {
        nav: Nav::AnnotationNext,
        extend: false,
    });
    h.run();
    let from = h.state().selection().annotation.expect("selected");
    h.get_by_label("Link to").click();
    h.run();
    // The picker lists the document's other annotations; the statement is one of them.
    h.get_by_label_contains(&format!("statement {STATEMENT}"))
        .click();
    h.run();
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    let made: Vec<_> = doc.links.iter().map(|l| (l.from, l.to)).collect();
    assert_eq!(made, vec![(from, STATEMENT)]);
    // The new link is selected: its label is the next thing to choose.
    let link = h.state().selection().annotation.expect("link selected");
    assert!(matches!(doc.annotation(link), Some(Annotation::Link(_))));
    h.get_by_label("Label");
}
