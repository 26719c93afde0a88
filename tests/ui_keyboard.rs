//! The keyboard in the inspector: F2 moves it there, Tab and Shift+Tab walk the fields of
//! the selected annotation, a picker searches as one types and takes arrows and Enter,
//! Escape gives the keyboard back to the article, and what was changed undoes.

use crate::ui_panels_support::*;

use demarche::model::Annotation;
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::article::Nav;
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

/// The fixture open in its coder's layer, with the commitment selected.
fn commitment_selected(dir: &std::path::Path) -> Harness<'static, DemarcheApp> {
    let path = dir.join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests_as(Startup::Open(path), ANALYST));
    h.run();
    for _ in 0..20 {
        if h.state().selection().annotation == Some(STATEMENT) {
            break;
        }
        h.state_mut().queue_command(Command::Navigate {
            nav: Nav::AnnotationNext,
            extend: false,
        });
        h.run();
    }
    // A commitment is reached from its statement's inspector.
    h.get_by_label(&format!("commitment {COMMITMENT}")).click();
    h.run();
    assert_eq!(h.state().selection().annotation, Some(COMMITMENT));
    h
}

fn category(h: &Harness<'static, DemarcheApp>) -> String {
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    match doc.annotation(COMMITMENT) {
        Some(Annotation::Commitment(c)) => c.category.clone(),
        other => panic!("expected the commitment, found {other:?}"),
    }
}

/// Whether the field named `name` (its label or accessible name) has the keyboard.
fn focused(h: &Harness<'static, DemarcheApp>, name: &str) -> bool {
    h.query_all_by_label(name).any(|n| n.is_focused())
}

fn press(h: &mut Harness<'static, DemarcheApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn f2_walks_the_commitment_fields_picks_by_typing_and_escape_returns_to_the_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = commitment_selected(dir.path());
    let before = category(&h);
    assert_eq!(before, "COOPERATE");

    press(&mut h, Modifiers::NONE, Key::F2);
    assert!(
        focused(&h, "committer"),
        "F2 puts the keyboard in the first field"
    );
    // Tab walks the fields in order, Shift+Tab back; letters do not tag the article.
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert!(focused(&h, "add addressee"));
    press(&mut h, Modifiers::NONE, Key::Tab);
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert!(focused(&h, "Category"));
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    assert!(!focused(&h, "Category"));
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert!(focused(&h, "Category"));

    // Typing on the picker opens it searching: "me" leaves "Meet or negotiate" and
    // "Mediate or accept mediation"; ↓ goes to the second, Enter takes it.
    h.event(egui::Event::Text("me".into()));
    h.run();
    h.get_by_label("Meet or negotiate");
    h.get_by_label("Mediate or accept mediation");
    assert!(h.query_by_label("Provide aid").is_none());
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(category(&h), "MEDIATE");
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    assert_eq!(
        doc.annotation_count(),
        project().document(DOC).expect("doc").annotation_count()
    );
    assert!(
        focused(&h, "Category"),
        "the keyboard stays on the field picked in"
    );
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Change category")
    );

    // Escape on a list closes the list only; on a field it returns to the article.
    h.event(egui::Event::Text("d".into()));
    h.run();
    h.get_by_label("Search Category");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Search Category").is_none());
    assert!(focused(&h, "Category"));
    assert_eq!(h.state().selection().annotation, Some(COMMITMENT));
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().article().has_focus(&h.ctx));
    assert_eq!(
        h.state().selection().annotation,
        Some(COMMITMENT),
        "leaving the inspector keeps the selection"
    );

    // The change went through the history like any other.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(category(&h), before);
}

#[test]
fn an_actor_is_picked_from_the_keyboard_by_an_alias() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = commitment_selected(dir.path());
    press(&mut h, Modifiers::NONE, Key::F2);
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert!(focused(&h, "add addressee"));
    // "Beijing" is China's alias: the list shows the actor with the name that matched.
    h.event(egui::Event::Text("beij".into()));
    h.run();
    h.get_by_label("China (Beijing)");
    press(&mut h, Modifiers::NONE, Key::Enter);
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    let Some(Annotation::Commitment(c)) = doc.annotation(COMMITMENT) else {
        panic!("expected the commitment");
    };
    assert!(c.addressees.contains(&CHINA));
}

#[test]
fn link_to_and_a_links_endpoint_are_searched_by_typing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests_as(Startup::Open(path), ANALYST));
    h.run();
    h.state_mut().queue_command(Command::Navigate {
        nav: Nav::AnnotationNext,
        extend: false,
    });
    h.run();
    let from = h.state().selection().annotation.expect("selected");

    // "Link to…" opens a search over the document's annotations: "celac" finds its
    // mentions, Enter links to the first.
    h.get_by_label("Link to").click();
    h.run();
    h.event(egui::Event::Text("celac".into()));
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    let doc = h.state().workspace().project().document(DOC).expect("doc");
    let link = doc.links.first().expect("a link").clone();
    assert_eq!(link.from, from);
    assert!(
        matches!(doc.annotation(link.to), Some(Annotation::Mention(m)) if m.actor == CELAC),
        "linked to a CELAC mention"
    );

    // The new link is selected; its "To" is searched the same way.
    assert_eq!(h.state().selection().annotation, Some(link.id));
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "To")
        .click();
    h.run();
    h.event(egui::Event::Text("statement".into()));
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    let to = |h: &Harness<'static, DemarcheApp>| {
        let doc = h.state().workspace().project().document(DOC).expect("doc");
        doc.links.first().map(|l| l.to)
    };
    assert_eq!(to(&h), Some(STATEMENT));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(to(&h), Some(link.to), "undo puts the endpoint back");
}
