//! Other tools' annotations imported in the window (egui_kittest): a brat folder chosen
//! with File ▸ Import folder… comes in as the analyst at work's layers — attached to the
//! document that already has the same text, a new document for a new text — and one Undo
//! takes the whole import back.

use demarche::export::{Format, export};
use demarche::model::{Id, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::{Key, Modifiers};
use std::fs;
use std::path::Path;

const STORY_GENEVE: &str = "Genève : reprise des pourparlers\n\nGENÈVE, 12 mars — Les délégations \
se sont retrouvées mardi au Palais des Nations. « Nous avançons », a déclaré l’envoyé \
spécial.\n";

const STORY_NEW: &str = "Addis-Abeba : l’Union africaine et le barrage du Nil\n";

/// A saved project with the Genève article, and a brat folder of its text coded by
/// another tool plus one text the project lacks.
fn fixtures(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let mut project = Project::new("Pourparlers 2024");
    let doc = demarche::import::import_bytes(STORY_GENEVE.as_bytes(), Some("geneve.txt"), Id(1))
        .expect("the fixture article imports");
    project.documents.push(doc);
    let path = dir.join("pourparlers.ron");
    persist::save(&project, &path).expect("save the fixture project");

    // Demarche's own brat export gives the text exactly as the project holds it.
    let brat = dir.join("brat");
    export(&project, Format::Brat, &brat, &mut |_| {}).expect("export");
    let ann = fs::read_dir(&brat)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "ann"))
        .expect("an .ann file");
    let text = project.documents[0].text();
    let byte = text.find("GENÈVE").expect("the dateline");
    let start = text[..byte].chars().count();
    let lines = format!(
        "T1\tplace 0 6\tGenève\nT2\tplace {start} {}\tGENÈVE\n",
        start + 6
    );
    fs::write(&ann, lines).expect("write .ann");
    fs::write(brat.join("addis.txt"), STORY_NEW).expect("write text");
    fs::write(brat.join("addis.ann"), "T1\tplace 0 11\tAddis-Abeba\n").expect("write .ann");
    (path, brat)
}

#[test]
fn a_brat_folder_imports_as_the_analysts_layer_and_one_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (project, brat) = fixtures(dir.path());
    let mut h = crate::app_support::app_harness(DemarcheApp::app_for_tests(Startup::Open(project)));
    h.run();
    h.state_mut().workspace_mut().set_annotator("bob");
    let before = h.state().workspace().project().clone();

    // File ▸ Import folder… (ctrl+shift+I); without a native dialog, the path field.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    h.run();
    h.event(egui::Event::Text(brat.display().to_string()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();

    let ws = h.state().workspace();
    let after = ws.project();
    assert_eq!(after.documents.len(), 2, "one new text, one attached");
    let geneve = &after.documents[0];
    assert_eq!(
        geneve.tags.len(),
        2,
        "attached to the document with that text"
    );
    assert!(geneve.tags.iter().all(|t| t.stamp.annotator == "bob"));
    assert_eq!(after.documents[1].tags.len(), 1);
    assert_eq!(after.analysts(), ["bob"]);
    assert!(persist::validate(after).is_empty());
    assert!(
        h.state()
            .status_text()
            .is_some_and(|s| s.contains("1 document added, 1 layer attached")),
        "{:?}",
        h.state().status_text()
    );
    assert_eq!(ws.history().undo_label(), Some("Import brat"));

    // One undo step takes the whole import back; redo brings it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project().documents.len(), 2);
    assert_eq!(h.state().workspace().project().documents[0].tags.len(), 2);
}
