//! The curated layer on disk: its annotations and decisions survive both storage forms,
//! the folder keeps them in their own layer files, and format 3 files still open.

use crate::persist_folder::{demo_path, snapshot};
use demarche::edit::Edit;
use demarche::model::{Annotation, CURATED, Decision, Outcome, Project, Stamp};
use demarche::persist::{self, ProblemKind, folder};
use std::path::Path;

/// The demo with a curator, one curated copy of a mention and two decisions.
fn curated_demo() -> Project {
    let mut project = persist::load(&demo_path()).expect("demo").project;
    let doc = &project.documents[0];
    let document = doc.id;
    let taken = doc.mentions[0].clone();
    let other = doc.mentions[1].id;
    let mut copy = taken.clone();
    copy.id = project.id_allocator(CURATED).fresh().expect("an id");
    copy.stamp = Stamp::now(CURATED);
    let mut meta = project.meta.clone();
    meta.curator = Some("Ana Lucía Pérez".into());
    let edit = Edit::Batch(vec![
        Edit::SetProjectMeta(meta),
        Edit::AddAnnotation {
            document,
            annotation: Annotation::Mention(copy.clone()),
        },
        Edit::SetDecision {
            document,
            decision: Decision::now(
                vec![taken.id],
                Outcome::Took {
                    analyst: taken.stamp.annotator.clone(),
                },
                Some(copy.id),
                "Ana Lucía Pérez",
                "the “minister” is Wang Yi",
            ),
        },
        Edit::SetDecision {
            document,
            decision: Decision::now(vec![other], Outcome::NoneRight, None, "Ana Lucía Pérez", ""),
        },
    ]);
    edit.apply(&mut project).expect("curation applies");
    project
}

#[test]
fn the_curated_layer_survives_the_single_file_byte_for_byte() {
    let project = curated_demo();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = tmp.path().join("p.ron");
    persist::save(&project, &path).expect("saved");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("(\n    format_version: 4,\n"));
    assert!(text.contains("curator: Some(\"Ana Lucía Pérez\")"));
    let loaded = persist::load(&path).expect("loads").project;
    assert_eq!(loaded, project);
    assert_eq!(persist::to_canonical_string(&loaded), text);
}

#[test]
fn decisions_live_in_the_curated_layer_files_and_the_folder_gives_the_same_file_back() {
    let project = curated_demo();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("p");
    folder::create(&dir, &project).expect("created");
    let files = snapshot(&dir);
    let curated: Vec<_> = files
        .keys()
        .filter(|p| p.starts_with(Path::new("layers").join(CURATED)))
        .collect();
    assert_eq!(curated.len(), 1, "one curated layer file: {curated:?}");
    let text = String::from_utf8(files[curated[0]].clone()).expect("UTF-8");
    assert!(text.contains("curation: ["), "{text}");
    assert!(
        text.contains("NoneRight") && text.contains("Took("),
        "{text}"
    );
    // No analyst's layer holds a decision.
    for (path, bytes) in &files {
        if path.starts_with("layers") && !curated.contains(&path) {
            assert!(!String::from_utf8_lossy(bytes).contains("curation:"));
        }
    }
    let loaded = persist::load(&dir).expect("the folder loads").project;
    assert_eq!(loaded, project);
    assert_eq!(
        persist::to_canonical_string(&loaded),
        persist::to_canonical_string(&project)
    );
}

#[test]
fn decisions_in_an_analysts_layer_are_refused_naming_the_file() {
    let project = curated_demo();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("p");
    folder::create(&dir, &project).expect("created");
    let files = snapshot(&dir);
    let (curated, text) = files
        .iter()
        .find(|(p, _)| p.starts_with(Path::new("layers").join(CURATED)))
        .expect("curated layer");
    let text = String::from_utf8(text.clone()).expect("UTF-8");
    let analyst_folder = demarche::model::analyst::folder_name("someone");
    let moved = text.replacen("analyst: \"curated\"", "analyst: \"someone\"", 1);
    let moved = moved.replace("annotator: \"curated\"", "annotator: \"someone\"");
    let target = dir
        .join("layers")
        .join(&analyst_folder)
        .join(curated.file_name().expect("name"));
    std::fs::create_dir_all(target.parent().expect("parent")).expect("folder");
    std::fs::write(&target, moved).expect("written");
    std::fs::remove_file(dir.join(curated)).expect("removed");
    let Err(persist::LoadError::Invalid { problems, .. }) = persist::load(&dir) else {
        panic!("decisions outside the curated layer load");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::MisplacedPart);
    assert!(
        problems[0].message.contains("curated layer"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_format_3_file_opens_as_migrated_and_saves_as_format_4() {
    let text = std::fs::read_to_string(demo_path())
        .expect("demo")
        .replacen("format_version: 4,", "format_version: 3,", 1);
    let loaded = persist::from_str(&text, Path::new("old.ron")).expect("format 3 loads");
    assert_eq!(loaded.migrated_from, Some(3));
    assert!(persist::to_canonical_string(&loaded.project).starts_with("(\n    format_version: 4,"));
}

#[test]
fn curation_edits_undo_to_the_project_before() {
    let before = persist::load(&demo_path()).expect("demo").project;
    let mut project = before.clone();
    let doc = &project.documents[0];
    let (document, covered) = (doc.id, doc.mentions[0].id);
    let first = Decision::now(vec![covered], Outcome::NoneRight, None, "carol", "");
    let undo_first = Edit::SetDecision {
        document,
        decision: first,
    }
    .apply(&mut project)
    .expect("recorded");
    assert_eq!(project.documents[0].curation.len(), 1);
    // A second decision on the same unit replaces the first; its inverse brings it back.
    let second = Decision::now(vec![covered], Outcome::Edited, None, "carol", "why");
    let undo_second = Edit::SetDecision {
        document,
        decision: second.clone(),
    }
    .apply(&mut project)
    .expect("replaced");
    assert_eq!(project.documents[0].curation, vec![second]);
    undo_second.apply(&mut project).expect("undone");
    assert_eq!(project.documents[0].curation[0].outcome, Outcome::NoneRight);
    undo_first.apply(&mut project).expect("undone");
    assert_eq!(project, before);
    let refused = Edit::RemoveDecision {
        document,
        covers: vec![covered],
    }
    .apply(&mut project);
    assert!(refused.is_err(), "nothing to remove");
    assert_eq!(project, before);
}
