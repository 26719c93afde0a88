//! View ▸ Corpus in the window (issue 17): Ctrl+Shift+C opens the query view; a typed
//! query shows as many hits as the test counts by walking the model; a malformed query
//! shows the position and keeps the last good hits; Enter, ↓ and Enter open the second hit's
//! document with its annotation selected, and the query stays.
//! A click on a facet value narrows the query to it.

use crate::app_support::app_harness;
use crate::query_support::{self as fixture, CHINA};
use demarche::persist;
use demarche::query::facets::facets;
use demarche::query::{Field, Index, Query, hits};
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const QUERY: &str = "kind:commitment committer:China~ strength:certain";

#[test]
fn a_typed_query_lists_its_hits_and_enter_opens_one_in_the_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = fixture::corpus();
    let path = dir.path().join("corpus.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "carol"));
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    assert!(
        h.state().corpus().open,
        "Ctrl+Shift+C opens the corpus view"
    );
    // The query line has the keyboard as the view opens.
    h.event(egui::Event::Text(QUERY.to_owned()));
    h.run();

    // Every analyst's certain commitments by China, its ministry or Wang Yi.
    let china = fixture::family(&project, CHINA);
    let expected = project
        .documents
        .iter()
        .flat_map(|d| d.commitments.iter())
        .filter(|c| c.strength == "certain" && c.committer.is_some_and(|a| china.contains(&a)))
        .count();
    assert!(expected > 5, "the corpus has such commitments");
    assert_eq!(h.state().corpus().hit_count(), Some(expected));
    h.get_by_label(&format!("{expected} hits"));

    // A malformed query: the error with its position, the last good hits kept.
    h.event(egui::Event::Text(" colour:red".to_owned()));
    h.run();
    let error = h.state().corpus().error.clone().expect("an error shown");
    assert_eq!(error.position, Some(QUERY.chars().count() + 1));
    assert_eq!(h.state().corpus().hit_count(), Some(expected));
    for _ in 0.." colour:red".len() {
        h.key_press(Key::Backspace);
    }
    h.run();
    assert!(h.state().corpus().error.is_none(), "the query parses again");

    // Enter goes to the hits, ↓ selects the second, Enter opens it.
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let second = hits(&project, &Query::parse(QUERY).expect("parses"))
        .expect("hits")
        .into_iter()
        .nth(1)
        .expect("a second hit");
    let selection = h.state().selection();
    assert_eq!(selection.document, Some(second.document));
    assert_eq!(selection.annotation, Some(second.annotation));
    // The query and its hits stay for the next one.
    assert!(h.state().corpus().open);
    assert_eq!(h.state().corpus().text, QUERY);
    assert_eq!(h.state().corpus().selected, Some(1));

    // A click on a facet value narrows the query to it: as many hits as the facet said.
    let index = Index::build(&project);
    let faceted = facets(&index, &Query::parse(QUERY).expect("parses")).expect("facets");
    let category = faceted
        .facets
        .iter()
        .find(|f| f.field == Field::Category)
        .and_then(|f| f.values.first())
        .expect("a category facet value")
        .clone();
    let label = format!("{}  {}", category.text, category.count);
    // Below the other facets: scrolled into view first, as a user would.
    h.get_by_label(&label).scroll_to_me();
    h.run();
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().corpus().text,
        format!("{QUERY} category:{}", category.text)
    );
    assert_eq!(h.state().corpus().hit_count(), Some(category.count));
}
