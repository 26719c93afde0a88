//! Recovery of an untitled project, in the user data folder. A test binary of its own:
//! it sets `DEMARCHE_DATA_DIR`, which no other test may see change.

use demarche::model::Project;
use demarche::persist;

#[test]
fn an_untitled_project_recovers_from_the_data_folder() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = dir.path().join("data home");
    // SAFETY: this binary has no other test, so no other thread reads the environment.
    unsafe { std::env::set_var("DEMARCHE_DATA_DIR", &data) };
    assert_eq!(persist::data_dir(), data);
    assert_eq!(
        persist::recovery_path(None),
        data.join(format!("untitled.ron.recovery.{}", persist::session()))
    );

    let project = Project::new("Sin título — 無題");
    assert_eq!(persist::find_recovery(None), None);
    let written = persist::write_recovery(&project, None).expect("creates the folder and writes");
    assert_eq!(written, persist::recovery_path(None));
    let found = persist::find_recovery(None).expect("offered at next start");
    assert_eq!(persist::load(&found.path).expect("loads").project, project);
    persist::discard_recovery(None).expect("discards");
    assert_eq!(persist::find_recovery(None), None);
}
