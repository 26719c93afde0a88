//! The statements table's column chooser, through the real window: a hidden column's
//! header is gone, showing it brings it back, and the choice survives the settings file.

use crate::ui_panels_support;

use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::panels::statements::StatementColumn;
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
