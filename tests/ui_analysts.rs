//! Analysts in the window (issue 13): another analyst's layer is drawn but read-only until
//! "Edit as", layers can be hidden, a blind project hides them all, the window asks once
//! who is coding and whose layer to continue, the documents list shows who coded what, and
//! duplicate actors left by a merge are marked.

use crate::app_support::app_harness;
use crate::ui_panels_support::{CELAC, COMMITMENT, DOC, STATEMENT, WANG, find, project};

use demarche::model::analyst::{block_of, block_of_id};
use demarche::model::{Actor, Annotation, DocStatus, Id, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::command::Command;
use demarche::ui::settings::Settings;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};

/// The fixture (every annotation coded by "fixture") saved in `dir`.
fn saved(dir: &Path, project: &Project) -> PathBuf {
    let path = dir.join("celac.ron");
    persist::save(project, &path).expect("fixture saves");
    path
}

/// The window on the fixture, with "alice" coding at this machine.
fn as_alice(dir: &Path, project: &Project) -> Harness<'static, DemarcheApp> {
    let app = DemarcheApp::app_for_tests_as(Startup::Open(saved(dir, project)), "alice");
    let mut h = app_harness(app);
    h.run();
    h
}

/// Tab (next annotation) until `id` is selected.
fn select(h: &mut Harness<'static, DemarcheApp>, id: Id) {
    h.state_mut().queue_command(Command::Navigate {
        nav: demarche::ui::article::Nav::AnnotationNext,
        extend: false,
    });
    h.run();
    while h.state().selection().annotation != Some(id) {
        let before = h.state().selection().annotation;
        h.state_mut().queue_command(Command::Navigate {
            nav: demarche::ui::article::Nav::AnnotationNext,
            extend: false,
        });
        h.run_steps(8);
        assert_ne!(
            h.state().selection().annotation,
            before,
            "{id} is never reached"
        );
    }
}

/// The drawn decorations of the first paragraph: (id, other analyst's).
fn drawn(h: &Harness<'static, DemarcheApp>) -> Vec<(Id, bool)> {
    h.state()
        .article()
        .paragraph_decorations(0)
        .iter()
        .map(|d| (d.id, d.foreign))
        .collect()
}

fn analyst_index(h: &Harness<'static, DemarcheApp>, name: &str) -> u16 {
    let at = h
        .state()
        .analyst_list()
        .iter()
        .position(|a| a == name)
        .expect("listed in View ▸ Analysts");
    u16::try_from(at).expect("few analysts")
}

#[test]
fn another_analysts_annotation_is_drawn_but_read_only_until_edit_as() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = as_alice(dir.path(), &project());
    assert_eq!(h.state().workspace().annotator(), "alice");
    h.get_by_label("coding as alice");
    // Drawn, and drawn as someone else's.
    let marks = drawn(&h);
    assert!(marks.contains(&(STATEMENT, true)), "{marks:?}");
    assert!(marks.iter().all(|&(_, foreign)| foreign));

    select(&mut h, STATEMENT);
    h.get_by_label("Coded by fixture — read only");
    assert!(
        h.get_by_label("Link to").accesskit_node().is_disabled(),
        "the inspector's fields are disabled"
    );
    // Deleting and linking are refused, and say why.
    h.key_press(Key::Delete);
    h.run();
    let doc = |h: &Harness<'static, DemarcheApp>| {
        h.state()
            .workspace()
            .project()
            .document(DOC)
            .expect("doc")
            .clone()
    };
    assert!(doc(&h).has_annotation(STATEMENT), "not deleted");
    let status = h.state().status_text().unwrap_or("").to_owned();
    assert!(
        status.contains("fixture's annotation is read only"),
        "{status}"
    );
    h.key_press(Key::L);
    h.run();
    assert!(doc(&h).links.is_empty());
    assert!(!h.state().workspace().is_dirty());

    // Edit as fixture: the same annotation becomes editable.
    h.get_by_label("Edit as fixture").click();
    h.run();
    assert_eq!(h.state().workspace().annotator(), "fixture");
    assert_eq!(h.state().analyst(), "alice", "the machine's analyst stays");
    assert!(h.query_by_label("Coded by fixture — read only").is_none());
    assert!(!h.get_by_label("Link to").accesskit_node().is_disabled());
    assert!(drawn(&h).iter().all(|&(_, foreign)| !foreign));
    h.get_by_label("coding as fixture (edit as)");

    // New annotations carry fixture's stamp and ids from fixture's block.
    let (s, e) = find("The delegation arrived in Brasília on Monday.", 0);
    h.state_mut().article_mut().set_selection(s, e);
    h.key_press(Key::S);
    h.run();
    let id = h.state().selection().annotation.expect("new statement");
    let Some(Annotation::Statement(made)) = doc(&h).annotation(id) else {
        panic!("a statement");
    };
    assert_eq!(made.stamp.annotator, "fixture");
    assert_eq!(block_of_id(id), block_of("fixture"));

    // And back: alice's new statement is hers, in her block.
    h.state_mut().queue_command(Command::EditAsMe);
    h.run();
    assert_eq!(h.state().workspace().annotator(), "alice");
    let (s, e) = find(
        "CELAC welcomed the proposal and called for more investment.",
        0,
    );
    h.state_mut().article_mut().set_selection(s, e);
    h.key_press(Key::S);
    h.run();
    let id = h.state().selection().annotation.expect("new statement");
    assert_eq!(block_of_id(id), block_of("alice"));
    assert!(h.query_by_label("Coded by fixture — read only").is_none());

    // Coding a commitment over fixture's statement codes it in alice's own layer: her
    // own statement with her commitment, never a reference into fixture's layer.
    let (s, e) = find(
        "will work with Latin American countries to build a community with a shared future.",
        0,
    );
    h.state_mut().article_mut().set_selection(s, e);
    h.key_press(Key::C);
    h.run();
    let d = doc(&h);
    assert_eq!(d.commitments.len(), 2);
    let mine = d
        .commitments
        .iter()
        .find(|c| c.id != COMMITMENT)
        .expect("alice's commitment");
    assert_eq!(mine.stamp.annotator, "alice");
    assert_ne!(mine.statement, STATEMENT);
    let Some(Annotation::Statement(under)) = d.annotation(mine.statement) else {
        panic!("its statement");
    };
    assert_eq!(under.stamp.annotator, "alice");
}

#[test]
fn hiding_a_layer_hides_its_marks_and_rows_and_a_blind_project_hides_every_other_layer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = as_alice(dir.path(), &project());
    // The statements table lists fixture's rows, marked with its initials.
    assert!(!drawn(&h).is_empty());
    h.get_by_label("commitment · FI");

    let fixture = analyst_index(&h, "fixture");
    h.state_mut().queue_command(Command::ToggleLayer(fixture));
    h.run();
    h.run();
    assert!(drawn(&h).is_empty(), "fixture's marks are hidden");
    assert!(h.query_by_label("commitment · FI").is_none());
    h.state_mut().queue_command(Command::ToggleLayer(fixture));
    h.run();
    h.run();
    assert!(!drawn(&h).is_empty(), "shown again");

    // File ▸ Project settings… ▸ Blind coding: an undoable edit of the project.
    h.state_mut().queue_command(Command::ProjectSettings);
    h.run();
    h.get_by_label("Blind coding").click();
    h.run();
    h.run();
    assert!(h.state().workspace().project().meta.blind);
    assert!(drawn(&h).is_empty(), "blind: others' marks are not drawn");
    assert!(
        h.query_by_label_contains("FI").is_none(),
        "nor their rows or marks"
    );
    assert!(h.query_by_label("commitment · FI").is_none());
    // Nor can they be shown again while blind.
    h.state_mut().queue_command(Command::ToggleOtherLayers);
    h.run();
    h.run();
    assert!(drawn(&h).is_empty());
    assert_eq!(
        h.state().status_text(),
        Some("Blind project: other layers hidden until curation")
    );
    h.state_mut().queue_command(Command::Undo);
    h.run();
    h.run();
    assert!(!h.state().workspace().project().meta.blind);
    assert!(!drawn(&h).is_empty());
}

#[test]
fn a_project_with_only_another_analysts_layer_asks_once_whose_layer_to_continue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved(dir.path(), &project());
    let settings = Settings {
        analyst: Some("alice".into()),
        ..Settings::default()
    };
    let app = DemarcheApp::app_for_tests_asking(Startup::Open(path.clone()), settings);
    let mut h = app_harness(app);
    h.run();
    assert_eq!(
        h.state().modal_title().as_deref(),
        Some("Continue a layer or start a new one?")
    );
    h.get_by_label("Start a new layer as alice");
    h.get_by_label("Continue fixture's layer").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert_eq!(h.state().workspace().annotator(), "fixture");
    assert_eq!(h.state().analyst(), "fixture");
    assert_eq!(h.state().settings().analyst.as_deref(), Some("fixture"));
    assert!(
        drawn(&h).iter().all(|&(_, foreign)| !foreign),
        "now editable"
    );

    // Asked once per project and session.
    h.state_mut().open_project(&path);
    h.run();
    assert_eq!(h.state().modal_title(), None);
}

#[test]
fn the_first_start_asks_who_is_coding_and_a_project_without_analysts_asks_nothing_more() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut empty = project();
    for doc in &mut empty.documents {
        doc.mentions.clear();
        doc.statements.clear();
        doc.commitments.clear();
        doc.stances.clear();
    }
    let path = saved(dir.path(), &empty);
    let app = DemarcheApp::app_for_tests_asking(Startup::Open(path), Settings::default());
    let mut h = app_harness(app);
    h.run();
    assert_eq!(
        h.state().modal_title().as_deref(),
        Some("Who is coding at this machine?")
    );
    let login = demarche::ui::analysts::login_name();
    assert_eq!(
        h.get_by_label("Analyst name").value().as_deref(),
        Some(login.as_str())
    );
    h.get_by_label("Analyst name").type_text(" Ng");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let named = format!("{login} Ng");
    assert_eq!(
        h.state().settings().analyst.as_deref(),
        Some(named.as_str())
    );
    assert_eq!(h.state().workspace().annotator(), named);
    assert_eq!(
        h.state().modal_title(),
        None,
        "no analysts: nothing to continue"
    );
}

#[test]
fn the_documents_list_shows_who_else_coded_each_document_except_when_blind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = project();
    let doc = p.document_mut(DOC).expect("doc");
    doc.meta.set_status("fixture", DocStatus::Done);
    doc.meta.set_status("alice", DocStatus::InProgress);
    let h = as_alice(dir.path(), &p);
    // fixture is done; alice's own status is in the combo box, not among the marks.
    h.get_by_label("FI✓");
    assert!(h.query_by_label("AL…").is_none());

    let mut blind = p.clone();
    blind.meta.blind = true;
    let dir2 = tempfile::tempdir().expect("temp dir");
    let h = as_alice(dir2.path(), &blind);
    assert!(
        h.query_by_label("FI✓").is_none(),
        "blind: nobody else shown"
    );
}

#[test]
fn actors_named_alike_are_marked_and_their_details_preselect_the_merge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = project();
    // What two analysts who each created "CELAC" leave after a git merge.
    let twin = Id((block_of("bob") << 32) + 1);
    p.actors.push(Actor::new(twin, "celac", "regional_group"));
    let mut h = as_alice(dir.path(), &p);
    h.get_by_label("⚠ CELAC");
    h.get_by_label("⚠ celac").click();
    h.run();
    assert_eq!(h.state().actors_panel().selected, Some(twin));
    h.get_by_label(&format!(
        "⚠ Probably {CELAC} CELAC (both named “CELAC”) — merge?"
    ));
    h.get_by_label(&format!("Merge into {CELAC}")).click();
    h.run();
    assert_eq!(h.state().actors_panel().selected, Some(twin));
    assert_eq!(h.state().actors_panel().merge_into, Some(CELAC));
    // A name no other actor has is not marked.
    assert!(h.query_by_label("⚠ China").is_none());
}

#[test]
fn the_curators_pass_over_actors_lists_only_probable_duplicates_and_merges_them_undoably() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = project();
    // Bob coded China's foreign minister under another name, with the same Wikidata item.
    let wang_id = WANG;
    if let Some(wang) = p.actors.iter_mut().find(|a| a.id == wang_id) {
        wang.wikidata = Some("Q22101".into());
    }
    let mut minister = Actor::new(Id((block_of("bob") << 32) + 1), "FM Wang", "person");
    minister.wikidata = Some("Q22101".into());
    let minister_id = minister.id;
    p.actors.push(minister);
    let mut h = as_alice(dir.path(), &p);
    let actors_before = h.state().workspace().project().actors.len();
    h.get_by_label("Only probable duplicates (2)").click();
    h.run();
    assert!(h.query_by_label("⚠ Wang Yi").is_some());
    assert!(
        h.query_by_label("CELAC").is_none(),
        "an actor without a twin is filtered out"
    );
    h.get_by_label("⚠ FM Wang").click();
    h.run();
    h.get_by_label(&format!(
        "⚠ Probably {wang_id} Wang Yi (both Wikidata Q22101) — merge?"
    ));
    h.get_by_label(&format!("Merge into {wang_id}")).click();
    h.run();
    h.get_by_label("Merge").click();
    h.run();
    let project = h.state().workspace().project();
    assert_eq!(project.actors.len(), actors_before - 1);
    assert!(project.actor(minister_id).is_none());
    let merged = project.actor(wang_id).expect("the kept actor");
    assert!(merged.aliases.iter().any(|a| a == "FM Wang"));
    // No duplicates are left, so the filter goes away; undo brings both back.
    assert!(
        h.query_by_label_contains("Only probable duplicates")
            .is_none()
    );
    h.state_mut().queue_command(Command::Undo);
    h.run();
    assert!(h.state().workspace().project().actor(minister_id).is_some());
}

/// A first run shows the bundled demo, coded by its analyst "demo": it opens editable as
/// that analyst, so a new user can try every edit on it.
#[test]
fn the_demo_opens_editable_as_its_own_analyst() {
    let app = DemarcheApp::app_for_tests_as(Startup::Default, "newcomer");
    assert_eq!(app.workspace().annotator(), "demo");
    let status = app.status_text().unwrap_or_default().to_owned();
    assert!(
        status.contains("editable as its analyst “demo”"),
        "{status}"
    );
    // Its annotations are in the layer being edited, not another analyst's read-only one.
    let project = app.workspace().project();
    assert!(
        project.documents[0]
            .mentions
            .iter()
            .all(|m| m.stamp.annotator == app.workspace().annotator())
    );
}
