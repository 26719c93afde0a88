//! Curation in the window (issue 14): a document two analysts coded alike but for one
//! commitment's strength. F7 opens the curation view, F8 goes to the disagreement, the
//! curator takes bob's strength with a reason, undoes and redoes it; auto-merge then
//! leaves only the disagreement, and the documents list shows the progress.

use crate::app_support::app_harness;
use crate::curation_support::{BOB, two_analysts};
use demarche::agreement::Layer;
use demarche::curation;
use demarche::model::{CURATED, Outcome};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn curated_strengths(h: &Harness<'static, DemarcheApp>) -> Vec<String> {
    h.state().workspace().project().documents[0]
        .commitments
        .iter()
        .filter(|c| c.stamp.annotator == CURATED)
        .map(|c| c.strength.clone())
        .collect()
}

#[test]
fn the_curator_takes_bobs_strength_with_a_reason_undoes_redoes_and_auto_merges_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, _) = two_analysts();
    let path = dir.path().join("two.ron");
    persist::save(&project, &path).expect("saved");
    let app = DemarcheApp::app_for_tests_as(Startup::Open(path), "carol");
    let mut h = app_harness(app);
    h.run();

    h.key_press(Key::F7);
    h.run();
    assert!(h.state().curation().open);
    assert_eq!(h.state().workspace().annotator(), CURATED);
    h.get_by_label("Curation");

    // F8: the one unit whose versions differ.
    h.key_press(Key::F8);
    h.run();
    let units = curation::units(&h.state().workspace().project().documents[0]);
    let at = h.state().curation().current.expect("a unit in hand");
    assert_eq!(units[at].layer, Layer::Commitments);
    h.get_by_label("commitment — disagree");
    h.get_by_label("certain");
    h.get_by_label("probable");

    h.get_by_label("Reason for the decision").focus();
    h.run();
    h.get_by_label("Reason for the decision")
        .type_text("the minister hedges");
    h.run();
    h.get_by_label("Take bob (Alt+2)").click();
    h.run();
    let status = h.state().status_text().unwrap_or("").to_owned();
    assert_eq!(curated_strengths(&h), ["probable"], "{status}");
    let doc = h.state().workspace().project().documents[0].clone();
    let decision = units[at].decision(&doc).expect("decided");
    assert_eq!(
        decision.outcome,
        Outcome::Took {
            analyst: BOB.into()
        }
    );
    assert_eq!(decision.reason, "the minister hedges");
    assert_eq!(decision.curator, "carol");
    h.get_by_label("Decided by carol: took bob's: the minister hedges");

    // One undo takes the whole decision back (the statement taken with it too).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let doc = h.state().workspace().project().documents[0].clone();
    assert!(doc.curation.is_empty());
    assert!(doc.annotators().all(|a| a != CURATED));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(curated_strengths(&h), ["probable"]);
    assert_eq!(
        h.state().workspace().project().documents[0].curation.len(),
        2
    );

    // Undo again, then auto-merge: everything but the disagreement is curated.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::ALT, Key::M);
    h.run();
    let doc = h.state().workspace().project().documents[0].clone();
    let open: Vec<_> = units
        .iter()
        .filter(|u| u.decision(&doc).is_none())
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].layer, Layer::Commitments);
    assert!(curated_strengths(&h).is_empty());
    h.get_by_label(&format!("curated {}/{}", units.len() - 1, units.len()));

    // Alt+1 takes alice's version of the unit in hand, keys only.
    h.key_press(Key::F8);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    h.run();
    assert_eq!(curated_strengths(&h), ["certain"]);
    h.get_by_label(&format!("curated {}/{}", units.len(), units.len()));

    // Closing the view gives the analyst their own layer back.
    h.key_press(Key::F7);
    h.run();
    assert_eq!(h.state().workspace().annotator(), "carol");
}
