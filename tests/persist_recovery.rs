//! Recovery files beside a saved project: written atomically, offered only when newer
//! than the project, discarded on request.

use crate::persist_support;

use demarche::persist;
use persist_support::{BOGOTA, Scratch, fixture, fixture_text};
use std::fs::File;
use std::time::{Duration, SystemTime};

fn set_modified(path: &std::path::Path, time: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .expect("set modification time");
}

#[test]
fn recovery_lives_beside_the_project() {
    let scratch = Scratch::with_text("");
    assert_eq!(
        persist::recovery_path(Some(&scratch.path)),
        scratch
            .dir
            .path()
            .join(format!("project.ron.recovery.{}", persist::session()))
    );
}

#[test]
fn unsaved_work_is_written_found_and_discarded() {
    let scratch = Scratch::with_text(&fixture_text(BOGOTA));
    let mut project = persist::load(&fixture(BOGOTA)).expect("loads").project;
    project.meta.description = "Unsaved: three new stances".to_owned();

    assert_eq!(
        persist::find_recovery(Some(&scratch.path)),
        None,
        "nothing yet"
    );
    let written = persist::write_recovery(&project, Some(&scratch.path)).expect("autosaves");
    assert_eq!(written, persist::recovery_path(Some(&scratch.path)));
    assert_eq!(
        scratch.listing(),
        vec![
            "project.ron".to_owned(),
            written
                .file_name()
                .expect("a file")
                .to_string_lossy()
                .into_owned()
        ],
        "no backup and no temporary file for recovery files"
    );
    let now = SystemTime::now();
    set_modified(&scratch.path, now - Duration::from_secs(600));
    set_modified(&written, now);

    let found = persist::find_recovery(Some(&scratch.path)).expect("newer recovery is offered");
    assert_eq!(found.path, written);
    assert_eq!(found.saved, now);
    let recovered = persist::load(&found.path).expect("the recovery file loads");
    assert_eq!(recovered.project, project);

    persist::discard_recovery(Some(&scratch.path)).expect("discards");
    assert_eq!(persist::find_recovery(Some(&scratch.path)), None);
    assert_eq!(scratch.listing(), vec!["project.ron"]);
    persist::discard_recovery(Some(&scratch.path)).expect("discarding nothing is fine");
}

#[test]
fn a_recovery_older_than_the_project_is_not_offered() {
    let scratch = Scratch::with_text(&fixture_text(BOGOTA));
    let project = persist::load(&scratch.path).expect("loads").project;
    let written = persist::write_recovery(&project, Some(&scratch.path)).expect("autosaves");
    let now = SystemTime::now();
    set_modified(&written, now - Duration::from_secs(60));
    set_modified(&scratch.path, now);
    assert_eq!(persist::find_recovery(Some(&scratch.path)), None);
}

#[test]
fn a_recovery_whose_project_file_is_gone_is_offered() {
    let scratch = Scratch::with_text(&fixture_text(BOGOTA));
    let project = persist::load(&scratch.path).expect("loads").project;
    persist::write_recovery(&project, Some(&scratch.path)).expect("autosaves");
    std::fs::remove_file(&scratch.path).expect("delete project");
    assert!(persist::find_recovery(Some(&scratch.path)).is_some());
}
