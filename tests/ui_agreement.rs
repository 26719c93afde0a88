//! Tools ▸ Agreement in the window (issue 14): on a document two analysts coded alike but
//! for one commitment's strength, Ctrl+Shift+G computes the figures off the UI thread; the
//! matrix shows what `agreement::compute` gives; a click on the strength cell lists the
//! disagreement; Enter opens the document at the unit with both versions side by side; a
//! change marks the figures stale until recomputed; File ▸ Export ▸ Agreement report…
//! writes the same HTML as `demarche agreement --format html`.

use crate::app_support::app_harness;
use crate::curation_support::{ALICE, BOB, two_analysts};
use demarche::agreement::report::{self, ALPHA_ORDINAL, rows};
use demarche::agreement::{Layer, Selection, compute};
use demarche::curation;
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::Duration;

/// Frames until the worker's figures have arrived.
fn wait_for_figures(h: &mut Harness<'static, DemarcheApp>) {
    for _ in 0..1000 {
        h.step();
        if !h.state().agreement().computing() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run();
    assert!(!h.state().agreement().computing(), "the figures arrived");
}

#[test]
fn the_matrix_shows_the_computed_figure_and_a_click_leads_to_the_disagreement_in_the_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, document) = two_analysts();
    let path = dir.path().join("two.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "carol"));
    h.run();
    // The commitments only: every row of the matrix in view.
    h.state_mut().agreement_mut().bar.layers_out = [
        Layer::Mentions,
        Layer::Statements,
        Layer::Stances,
        Layer::Tags,
    ]
    .into();

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.step();
    assert!(h.state().agreement().open);
    wait_for_figures(&mut h);
    assert!(
        h.state().agreement().computed().is_some(),
        "figures computed"
    );

    // The same figure as the library computes, named by its coefficient.
    let expected = compute(
        &project,
        &Selection {
            analysts: vec![ALICE.into(), BOB.into()],
            layers: vec![Layer::Commitments],
            ..Selection::default()
        },
    )
    .expect("figures");
    let strength = rows(&expected, false)
        .into_iter()
        .find(|r| {
            r.layer == "commitments" && r.measure == "strength" && r.coefficient == ALPHA_ORDINAL
        })
        .expect("a strength figure");
    let shown = report::figure(strength.value);
    let cell = format!("commitments strength {ALPHA_ORDINAL} alice + bob: {shown}");
    h.get_by_label("α ordinal");
    h.get_by_label(&cell).click();
    h.run();

    // The browser lists the one unit where their strengths differ.
    assert!(h.state().agreement().browser.open);
    h.get_by_label("strength differs");
    h.get_by_label("alice: certain · bob: probable");
    h.get_by_label_contains("1 of ");

    // Enter opens the document at the unit, the versions side by side.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().selection().document, Some(document));
    assert!(h.state().curation().open);
    let units = curation::units(&h.state().workspace().project().documents[0]);
    let at = h.state().curation().current.expect("the unit in hand");
    assert_eq!(units[at].layer, Layer::Commitments);
    assert_eq!(units[at].status, curation::Status::Disagree);
    h.run();
    assert_eq!(
        h.state().article().selection(),
        Some((units[at].start, units[at].end))
    );
    h.get_by_label("commitment — disagree");
    h.get_by_label("certain");
    h.get_by_label("probable");
    // With the window out of the way, the caret keys are the article's again.
    h.key_press(Key::ArrowDown);
    h.run();
    assert_ne!(
        h.state().article().selection(),
        Some((units[at].start, units[at].end))
    );

    // The window stepped aside for the text; taking bob's version changes the project:
    // back in the window, the figures are stale until recomputed.
    assert!(!h.state().agreement().open);
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.run();
    assert!(
        !h.state().agreement().computing(),
        "stale figures wait for Recompute"
    );
    h.get_by_label_contains("The project changed since these figures were computed");
    h.get_by_label("Recompute").click();
    h.step();
    wait_for_figures(&mut h);
    assert!(
        h.query_by_label_contains("The project changed since")
            .is_none()
    );
}

#[test]
fn the_browser_moves_with_the_arrow_keys_and_the_export_writes_the_html_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut project, _) = two_analysts();
    // bob also misses the first mention: two disagreements on the mentions' spans.
    let doc = &mut project.documents[0];
    let bobs_first = doc
        .mentions
        .iter()
        .filter(|m| m.stamp.annotator == BOB)
        .map(|m| m.id)
        .next()
        .expect("a mention of bob's");
    doc.mentions.retain(|m| m.id != bobs_first);
    let path = dir.path().join("two.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "carol"));
    h.run();
    h.state_mut().agreement_mut().bar.layers_out =
        [Layer::Statements, Layer::Stances, Layer::Tags].into();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.step();
    wait_for_figures(&mut h);

    let cell = h
        .query_all_by_label_contains("commitments span (by category) Krippendorff")
        .next()
        .is_some();
    assert!(cell, "a span figure for the commitments");
    h.get_by_label_contains("commitments strength Cohen kappa alice + bob")
        .click();
    h.run();
    let browser = &h.state().agreement().browser;
    assert_eq!(browser.selected, Some(0));
    // Every disagreement, whatever the layer: ↓ moves, but not past the end.
    h.state_mut().agreement_mut().browser.filter = Default::default();
    h.run();
    let listed = h
        .state()
        .agreement()
        .computed()
        .map_or(0, |c| c.disagreements.len());
    assert!(listed >= 2, "{listed} disagreements");
    for _ in 0..listed + 2 {
        h.key_press(Key::ArrowDown);
        h.run();
    }
    assert_eq!(h.state().agreement().browser.selected, Some(listed - 1));
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(h.state().agreement().browser.selected, Some(listed - 2));

    // File ▸ Export ▸ Agreement report…: the path field stands in for the dialog.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::G);
    h.run();
    let out = dir.path().join("report");
    h.event(egui::Event::Text(out.display().to_string()));
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let written = std::fs::read_to_string(dir.path().join("report.html")).expect("report");
    let expected = compute(
        h.state().workspace().project(),
        &Selection {
            analysts: vec![ALICE.into(), BOB.into()],
            layers: vec![Layer::Mentions, Layer::Commitments],
            ..Selection::default()
        },
    )
    .expect("figures");
    assert_eq!(written, report::html_report(&expected));
    h.get_by_label_contains("Agreement report written to");
}

#[test]
fn a_letter_typed_on_the_browsers_layer_box_picks_the_layer_and_tags_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, _) = two_analysts();
    let path = dir.path().join("two.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "carol"));
    h.run();
    h.state_mut().agreement_mut().bar.layers_out =
        [Layer::Statements, Layer::Stances, Layer::Tags].into();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.step();
    wait_for_figures(&mut h);
    h.get_by_label_contains("commitments strength Cohen kappa alice + bob")
        .click();
    h.run();
    h.state_mut().agreement_mut().browser.filter = Default::default();
    h.run();
    let before = h.state().workspace().project().clone();

    h.get_by_label("Layer filter").focus();
    h.run();
    // "m" would tag a mention in the article; on the focused box it picks "mentions".
    h.event(egui::Event::Text("m".to_owned()));
    h.run();
    assert_eq!(
        h.state().agreement().browser.filter.layer,
        Some(Layer::Mentions)
    );
    h.event(egui::Event::Text("c".to_owned()));
    h.run();
    assert_eq!(
        h.state().agreement().browser.filter.layer,
        Some(Layer::Commitments)
    );
    assert_eq!(
        *h.state().workspace().project(),
        before,
        "nothing was tagged"
    );
}

#[test]
fn the_arrow_keys_on_a_focused_browser_selector_move_its_choice_not_the_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, _) = two_analysts();
    let path = dir.path().join("two.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "carol"));
    h.run();
    h.state_mut().agreement_mut().bar.layers_out =
        [Layer::Statements, Layer::Stances, Layer::Tags].into();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::G);
    h.step();
    wait_for_figures(&mut h);
    // The click gives the browser the keyboard: ↑/↓ move its rows from now on.
    h.get_by_label_contains("commitments strength Cohen kappa alice + bob")
        .click();
    h.run();
    h.state_mut().agreement_mut().browser.filter = Default::default();
    h.run();
    assert!(
        h.state().agreement().browser.has_keys,
        "the browser has the keys"
    );

    // Before, the browser took ↓ (it reads its keys before the widgets draw) and the
    // layer stayed "every layer".
    h.get_by_label("Layer filter").focus();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().agreement().browser.filter.layer,
        Some(Layer::Mentions),
        "↓ picks the next layer"
    );
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().agreement().browser.filter.layer,
        Some(Layer::Commitments)
    );
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(
        h.state().agreement().browser.filter.layer,
        Some(Layer::Mentions)
    );
}
