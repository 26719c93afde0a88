//! View ▸ Corpus's hit list beyond the query line (issue 17): a click on a column header
//! sorts the hits by it (again: reversed; a third time: date order back); Presets lists the
//! consistency checks, which run as queries, and saves the query line in the project; a
//! hit opened in a hidden analyst's layer shows that layer; a large project is indexed on
//! a worker thread.

use crate::app_support::app_harness;
use crate::query_support as fixture;
use demarche::model::Project;
use demarche::persist;
use demarche::query::{Query, hits};
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::accesskit::Toggled;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn open(dir: &std::path::Path, query: &str) -> (Project, Harness<'static, DemarcheApp>) {
    let project = fixture::corpus();
    let path = dir.join("corpus.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "ana"));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    h.event(egui::Event::Text(query.to_owned()));
    h.run();
    (project, h)
}

/// The categories of the listed hits, in list order, looked up in the model.
fn listed_categories(h: &Harness<'static, DemarcheApp>, project: &Project) -> Vec<String> {
    let corpus = h.state().corpus();
    let index = corpus.index().expect("an index");
    corpus
        .hit_rows()
        .iter()
        .map(|at| {
            let hit = index.hit(*at);
            project
                .document(hit.document)
                .and_then(|d| d.commitments.iter().find(|c| c.id == hit.annotation))
                .map(|c| c.category.to_lowercase())
                .expect("a commitment of the model")
        })
        .collect()
}

#[test]
fn a_header_click_sorts_the_hits_and_the_third_restores_date_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let query = "kind:commitment";
    let (project, mut h) = open(dir.path(), query);
    h.get_by_label("Category").click();
    h.run();
    let up = listed_categories(&h, &project);
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "ascending");
    assert!(up.first() != up.last(), "more than one category");
    h.get_by_label("Category ⏶").click();
    h.run();
    let down = listed_categories(&h, &project);
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "descending");
    h.get_by_label("Category ⏷").click();
    h.run();
    let engine = hits(&project, &Query::parse(query).expect("parses")).expect("hits");
    let corpus = h.state().corpus();
    let index = corpus.index().expect("index");
    let listed: Vec<_> = corpus
        .hit_rows()
        .iter()
        .map(|at| index.hit(*at).annotation)
        .collect();
    let expected: Vec<_> = engine.iter().map(|h| h.annotation).collect();
    assert_eq!(listed, expected, "date, document, offset order again");
}

#[test]
fn presets_run_a_check_and_save_the_query_in_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, mut h) = open(dir.path(), "");
    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("check:no-committer").click();
    h.run();
    let without = project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| c.committer.is_none())
        .count();
    assert!(without > 0);
    assert_eq!(h.state().corpus().text, "check:no-committer");
    assert_eq!(h.state().corpus().hit_count(), Some(without));

    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("Saved query name").click();
    h.run();
    h.event(egui::Event::Text("orphans".into()));
    h.run();
    h.get_by_label("Save query").click();
    h.run();
    let saved = h
        .state()
        .workspace()
        .project()
        .meta
        .saved_query("orphans")
        .expect("saved in the project")
        .query
        .clone();
    assert_eq!(saved, "check:no-committer");
    // Listed under Presets from now on.
    h.state_mut().corpus_mut().text = "kind:stance".into();
    h.run();
    h.get_by_label("Presets").click();
    h.run();
    h.get_by_label("orphans").click();
    h.run();
    assert_eq!(h.state().corpus().text, "check:no-committer");
}

#[test]
fn opening_a_hit_of_a_hidden_layer_shows_that_layer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, mut h) = open(dir.path(), "");
    h.state_mut().set_layer_shown("ben", false);
    h.run();
    assert!(!h.state().layer_view().shows("ben"));
    h.state_mut().corpus_mut().text = "analyst:ben kind:commitment".into();
    h.run();
    // Enter in the query line selects the first hit; Enter again opens it.
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().layer_view().shows("ben"), "ben's layer shown");
    assert!(h.state().selection().annotation.is_some());
}

#[test]
fn a_large_project_is_indexed_on_a_worker_and_its_hits_arrive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = fixture::corpus();
    let path = dir.path().join("corpus.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "ana"));
    h.run();
    // Every project counts as large here.
    h.state_mut().corpus_mut().index_on_worker_from = Some(0);
    // Single frames: the worker asks for a repaint whenever it is done, which `run` (that
    // expects the window to settle within a few frames) would count against it.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.step();
    h.state_mut().corpus_mut().text = "kind:commitment".to_owned();
    h.step();
    let expected = project
        .documents
        .iter()
        .map(|d| d.commitments.len())
        .sum::<usize>();
    // The worker's index arrives within a few frames; the window never waits for it.
    for _ in 0..500 {
        if h.state().corpus().hit_count().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(!h.state().corpus().indexing());
    assert_eq!(h.state().corpus().hit_count(), Some(expected));
}

/// The hit list's row at `at` (0-based), by its accessible name "Hit N: …".
fn row_label(at: usize) -> String {
    format!("Hit {}: ", at + 1)
}

#[test]
fn three_hits_ctrl_clicked_are_recoded_at_once_and_one_undo_restores_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, mut h) = open(dir.path(), "kind:commitment analyst:ana");
    let category_in = |p: &Project, hit: &demarche::query::Hit| {
        p.document(hit.document)
            .and_then(|d| d.commitments.iter().find(|c| c.id == hit.annotation))
            .map(|c| c.category.clone())
            .expect("a commitment of the model")
    };
    // Three of ana's listed commitments whose category is not CONSULT, among the rows in
    // view (a row has its name only while drawn).
    let picked: Vec<(usize, demarche::query::Hit)> = {
        let corpus = h.state().corpus();
        let index = corpus.index().expect("index");
        corpus
            .hit_rows()
            .iter()
            .enumerate()
            .map(|(at, r)| (at, index.hit(*r)))
            .filter(|(at, hit)| {
                category_in(&project, hit) != "CONSULT"
                    && h.query_by_label_contains(&row_label(*at)).is_some()
            })
            .take(3)
            .collect()
    };
    assert_eq!(picked.len(), 3, "three such rows in view");
    for (at, _) in &picked {
        h.get_by_label_contains(&row_label(*at))
            .click_modifiers(Modifiers::COMMAND);
        h.run();
    }
    h.get_by_label("3 marked");
    // The marked rows are drawn selected, and say so.
    for (at, _) in &picked {
        let label = row_label(*at);
        let row = h.get_by_label_contains(&label);
        assert_eq!(
            row.accesskit_node().toggled(),
            Some(Toggled::True),
            "row {at} marked"
        );
    }
    // The value is chosen in the picker by its label in the codebook.
    let consult = project
        .codebook
        .commitment_categories
        .iter()
        .find(|c| c.key == "CONSULT")
        .map(|c| c.label.clone())
        .expect("CONSULT in the codebook");
    choose(&mut h, "Recode field", "category");
    choose(&mut h, "to", &consult);
    h.get_by_label("Apply").click();
    h.run();
    for (_, hit) in &picked {
        assert_eq!(category_in(h.state().workspace().project(), hit), "CONSULT");
    }
    // One Ctrl+Z restores all three.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    for (_, hit) in &picked {
        assert_eq!(
            category_in(h.state().workspace().project(), hit),
            category_in(&project, hit)
        );
    }
}

#[test]
fn a_click_then_a_shift_click_marks_the_rows_between() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, mut h) = open(dir.path(), "kind:commitment");
    h.get_by_label_contains(&row_label(1)).click();
    h.run();
    h.get_by_label_contains(&row_label(4))
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    h.get_by_label("4 marked");
    // Ctrl+click on a marked row unmarks it.
    h.get_by_label_contains(&row_label(3))
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    h.get_by_label("3 marked");
}

/// Picks `option` in the combo box labelled `combo`.
fn choose(h: &mut Harness<'static, DemarcheApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    // The popup's entry is a button; the same text may show as a label elsewhere (a facet).
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, option)
        .last()
        .expect("an option")
        .click();
    h.run();
}
