//! The statements table's column chooser, through the real window: a hidden column's
//! header is gone, showing it brings it back, and the choice survives the settings file.

use crate::ui_panels_support;

use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::panels::statements::{RowKind, SortColumn, StatementColumn};
use demarche::ui::settings::Settings;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_panels_support::*;

fn harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app)
}

fn topic_header(h: &Harness<'static, DemarcheApp>) -> bool {
    h.query_by_role_and_label(Role::Button, "Topic").is_some()
}

#[test]
fn hiding_a_statements_column_removes_its_header_and_showing_it_brings_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path.clone())));
    h.run();
    assert!(topic_header(&h), "all columns are shown at first");

    h.get_by_label("Columns…").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Topic").click();
    h.run();
    assert!(!topic_header(&h), "the hidden column has no header");
    assert!(
        h.query_by_role_and_label(Role::Button, "Actor").is_some(),
        "the other columns stay"
    );
    assert_eq!(
        h.state().settings().hidden_statement_columns,
        vec![StatementColumn::Topic],
        "the choice goes to the settings"
    );

    // The settings file keeps it: a window started from it hides the column too.
    let file = dir.path().join("settings.ron");
    h.state().settings().save_to(&file).expect("settings save");
    let back = Settings::load_from(&file);
    assert_eq!(back.hidden_statement_columns, vec![StatementColumn::Topic]);
    let mut again = harness(DemarcheApp::app_for_tests_asking(
        Startup::Open(path),
        Settings {
            analyst: Some(ANALYST.to_owned()),
            ..back
        },
    ));
    again.run();
    assert!(!topic_header(&again), "still hidden in the next session");

    // Shown again from the menu.
    again.get_by_label("Columns…").click();
    again.run();
    again.get_by_role_and_label(Role::CheckBox, "Topic").click();
    again.run();
    assert!(topic_header(&again), "the header is back");
    assert!(again.state().settings().hidden_statement_columns.is_empty());
}

#[test]
fn the_last_column_shown_cannot_be_hidden() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let settings = Settings {
        analyst: Some(ANALYST.to_owned()),
        hidden_statement_columns: vec![
            StatementColumn::Kind,
            StatementColumn::Actor,
            StatementColumn::Topic,
            StatementColumn::Polarity,
        ],
        ..Settings::default()
    };
    let mut h = harness(DemarcheApp::app_for_tests_asking(
        Startup::Open(path),
        settings,
    ));
    h.run();
    h.get_by_label("Columns…").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "Text").click();
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Button, "Text").is_some(),
        "the only column left stays"
    );
    assert_eq!(h.state().settings().hidden_statement_columns.len(), 4);
}

/// The x of a header button's left edge.
fn header_left(h: &Harness<'static, DemarcheApp>, label: &str) -> f32 {
    h.get_by_role_and_label(Role::Button, label).rect().left()
}

fn toggle_column(h: &mut Harness<'static, DemarcheApp>, label: &str) {
    h.get_by_label("Columns…").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, label).click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
}

#[test]
fn a_resized_column_keeps_its_width_when_another_is_hidden_and_a_hidden_sort_is_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    let actor_width =
        |h: &Harness<'static, DemarcheApp>| header_left(h, "Topic") - header_left(h, "Actor");
    let before = actor_width(&h);

    // Drag the line between Actor and Topic 60 points to the right.
    let topic = h.get_by_role_and_label(Role::Button, "Topic").rect();
    let grab = egui::pos2(topic.left() - 3.0, topic.center().y);
    h.hover_at(grab);
    h.run();
    h.drag_at(grab);
    h.run();
    for step in 1..=6 {
        h.hover_at(grab + egui::vec2(10.0 * step as f32, 0.0));
        h.run();
    }
    h.drop_at(grab + egui::vec2(60.0, 0.0));
    h.run();
    let resized = actor_width(&h);
    assert!(
        (resized - before - 60.0).abs() < 8.0,
        "the drag widened Actor: {before} → {resized}"
    );

    // Hiding Kind, then showing it again, leaves Actor as the analyst made it.
    toggle_column(&mut h, "Kind");
    assert!(h.query_by_role_and_label(Role::Button, "Kind").is_none());
    assert!(
        (actor_width(&h) - resized).abs() < 1.5,
        "{}",
        actor_width(&h)
    );
    toggle_column(&mut h, "Kind");
    assert!(h.query_by_role_and_label(Role::Button, "Kind").is_some());
    assert!(
        (actor_width(&h) - resized).abs() < 1.5,
        "{}",
        actor_width(&h)
    );

    // Sorted by Topic, then Topic hidden: the rows go back to text order.
    h.get_by_role_and_label(Role::Button, "Topic").click();
    h.run();
    assert_eq!(h.state().statements_panel().sort, SortColumn::Topic);
    toggle_column(&mut h, "Topic");
    assert_eq!(h.state().statements_panel().sort, SortColumn::Position);
}

#[test]
fn the_kind_filter_takes_type_ahead_and_arrows_and_tags_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(path)));
    h.run();
    let before = h.state().workspace().project().clone();
    h.get_by_label("Kind filter").focus();
    h.run();
    // "s" would tag a statement in the article; on the box it picks "stance".
    h.event(egui::Event::Text("s".to_owned()));
    h.run();
    assert_eq!(
        h.state().statements_panel().filter.kind,
        Some(RowKind::Stance)
    );
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().statements_panel().filter.kind,
        Some(RowKind::Other)
    );
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(
        h.state().statements_panel().filter.kind,
        Some(RowKind::Commitment)
    );
    assert_eq!(
        *h.state().workspace().project(),
        before,
        "nothing was tagged"
    );
}
