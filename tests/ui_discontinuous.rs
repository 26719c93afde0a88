//! Discontinuous spans from the window: the analyst keeps a selection as one part (R),
//! selects another, tags the whole as one mention; the inspector lists the parts and takes
//! one out as an undoable step.

use crate::ui_panels_support::*;

use demarche::model::Annotation;
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::command::Command;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app)
}

fn ranges_of(h: &Harness<'static, DemarcheApp>, id: demarche::model::Id) -> Vec<(usize, usize)> {
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    match doc.annotation(id) {
        Some(Annotation::Mention(m)) => m.span.ranges.iter().map(|r| (r.start, r.end)).collect(),
        other => panic!("expected a mention, found {other:?}"),
    }
}

#[test]
fn two_parts_tagged_as_one_mention_then_one_part_removed_in_the_inspector_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests_as(Startup::Open(path), ANALYST));
    h.run();
    let before = h
        .state()
        .workspace()
        .project()
        .document(DOC)
        .expect("doc")
        .mentions
        .len();

    // "Foreign Minister" and, further on, "Wang Yi": one mention in two parts.
    let first = find("Foreign Minister", 0);
    let second = find("Wang Yi", 0);
    h.state_mut().article_mut().set_selection(first.0, first.1);
    h.key_press(Key::R);
    h.run();
    assert_eq!(h.state().article().pending_ranges(), &[first]);
    assert_eq!(
        h.state().article().selection(),
        None,
        "the kept part is no longer the selection"
    );
    h.state_mut()
        .article_mut()
        .set_selection(second.0, second.1);
    h.run();
    assert_eq!(h.state().article().span_ranges(), vec![first, second]);

    h.key_press(Key::M);
    h.run();
    // The popup offers the parts read as one name; the existing actor matches "Wang Yi".
    h.event(egui::Event::Text("Wang Yi".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();

    let mention = h
        .state()
        .selection()
        .annotation
        .expect("the new mention is selected");
    assert_eq!(ranges_of(&h, mention), vec![first, second]);
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    assert_eq!(doc.mentions.len(), before + 1, "one annotation, not two");
    assert!(
        h.state().article().pending_ranges().is_empty(),
        "tagging uses the kept parts up"
    );

    // The inspector lists both parts; removing the first is one undo step.
    h.get_by_label_contains("In 2 parts");
    h.get_by_label_contains("1. “Foreign Minister”");
    h.get_by_label("Remove part 1").click();
    h.run();
    assert_eq!(ranges_of(&h, mention), vec![second]);
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Remove part of span")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(ranges_of(&h, mention), vec![first, second]);
}

#[test]
fn escape_drops_the_kept_parts_and_a_statement_takes_them_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests_as(Startup::Open(path), ANALYST));
    h.run();

    let a = find("The delegation arrived in Brasília on Monday.", 0);
    let b = find("CELAC welcomed the proposal", 0);
    h.state_mut().article_mut().set_selection(a.0, a.1);
    h.state_mut().queue_command(Command::AddSpanRange);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.state().article().pending_ranges().is_empty(),
        "Escape drops them"
    );

    h.state_mut().article_mut().set_selection(a.0, a.1);
    h.state_mut().queue_command(Command::AddSpanRange);
    h.run();
    h.state_mut().article_mut().set_selection(b.0, b.1);
    h.key_press(Key::S);
    h.run();
    let id = h
        .state()
        .selection()
        .annotation
        .expect("statement selected");
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    let Some(Annotation::Statement(st)) = doc.annotation(id) else {
        panic!("expected a statement");
    };
    let got: Vec<(usize, usize)> = st.span.ranges.iter().map(|r| (r.start, r.end)).collect();
    assert_eq!(got, vec![a, b]);
    // The hover text says it is in parts.
    let described = demarche::ui::article::describe(h.state().workspace().project(), doc, id)
        .expect("described");
    assert!(described.contains("(2 parts)"), "{described}");
}

#[test]
fn a_part_is_added_to_a_selected_mention_with_r_or_the_inspector_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests_as(Startup::Open(path), ANALYST));
    h.run();
    let wang_mention = demarche::model::Id(11);
    let wang = find("Wang Yi", 0);
    let minister = find("Foreign Minister", 0);
    assert_eq!(ranges_of(&h, wang_mention), vec![wang]);
    // Tab walks the annotations to the mention of Wang Yi.
    for _ in 0..20 {
        if h.state().selection().annotation == Some(wang_mention) {
            break;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    assert_eq!(h.state().selection().annotation, Some(wang_mention));

    // More text selected, R: one mention in two parts, one undo step.
    h.state_mut()
        .article_mut()
        .set_selection(minister.0, minister.1);
    h.key_press(Key::R);
    h.run();
    assert_eq!(ranges_of(&h, wang_mention), vec![minister, wang]);
    assert!(
        h.state().article().pending_ranges().is_empty(),
        "added, not kept for a new span"
    );
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Add part to span")
    );
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    assert_eq!(doc.mentions.len(), 6, "no new annotation");
    h.get_by_label_contains("In 2 parts");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(ranges_of(&h, wang_mention), vec![wang]);

    // The inspector's button does the same.
    h.state_mut()
        .article_mut()
        .set_selection(minister.0, minister.1);
    h.get_by_label("Add the selection as a part").click();
    h.run();
    assert_eq!(ranges_of(&h, wang_mention), vec![minister, wang]);
}
