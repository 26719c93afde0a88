//! File ▸ Import… with many articles, driven through the real window (egui_kittest, no
//! GPU): a folder with nested folders, a duplicate and a file that is not an article; one
//! undo step for the whole import; cancelling after the first file; several paths typed
//! into the path field; files dropped on the window; a single file as before.

use demarche::model::{Id, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::import_dialog::ImportSummary;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Already in the project before the import; `copie.txt` repeats it word for word.
const STORY_GENEVE: &str = "Genève : reprise des pourparlers\n\nGENÈVE, 12 mars — Les délégations \
se sont retrouvées mardi au Palais des Nations. « Nous avançons », a déclaré l’envoyé \
spécial.\n";

/// CRLF line endings, as saved on Windows; `reprise.txt` repeats it in the same import.
const STORY_PEKIN_CRLF: &str = "Pékin et Bruxelles relancent le dialogue\r\n\r\nPÉKIN, 4 avril — \
Wang Yi (王毅) a reçu Josep Borrell pour « un dialogue franc ».\r\n\r\nLes deux parties \
ont promis de se revoir à l’automne.\r\n";

const STORY_SEOUL_MD: &str = "# 서울 회담: 조태열 장관, 일본 외무상과 회동\n\nSEOUL, 5 avril — \
Le ministre **Cho Tae-yul** (조태열) a rencontré son homologue japonais.\n\n\
- Reprise des consultations\n- Sommet trilatéral à l’automne\n";

const STORY_ADDIS: &str = "Addis-Abeba : l’Union africaine et le barrage du Nil\n\nADDIS-ABEBA, \
6 avril — L’Union africaine a annoncé mercredi la reprise des discussions en mai.\n";

fn harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    crate::app_support::app_harness(app)
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    fs::write(path, bytes).expect("write fixture");
}

/// A saved project holding one article (Genève), in `dir`.
fn project_with_one_article(dir: &Path) -> PathBuf {
    let mut project = Project::new("Pourparlers 2024");
    let doc = demarche::import::import_bytes(STORY_GENEVE.as_bytes(), Some("geneve.txt"), Id(1))
        .expect("the fixture article imports");
    project.documents.push(doc);
    let path = dir.join("pourparlers.ron");
    persist::save(&project, &path).expect("save the fixture project");
    path
}

/// articles/
///   2024/mars/pekin.txt    CRLF
///   2024/seoul.md          Markdown, Hangul
///   addis.txt
///   copie.txt              same text as the project's Genève article
///   photo.png              not an article
///   reprise.txt            same text as 2024/mars/pekin.txt
///   .brouillons/note.txt   hidden folder: skipped
///   .DS_Store              hidden file: skipped
fn article_folder(dir: &Path) -> PathBuf {
    let root = dir.join("articles");
    write(
        &root.join("2024/mars/pekin.txt"),
        STORY_PEKIN_CRLF.as_bytes(),
    );
    write(&root.join("2024/seoul.md"), STORY_SEOUL_MD.as_bytes());
    write(&root.join("addis.txt"), STORY_ADDIS.as_bytes());
    write(&root.join("copie.txt"), STORY_GENEVE.as_bytes());
    write(
        &root.join("photo.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    write(&root.join("reprise.txt"), STORY_PEKIN_CRLF.as_bytes());
    write(
        &root.join(".brouillons/note.txt"),
        b"Brouillon, ne pas importer.\n",
    );
    write(&root.join(".DS_Store"), b"\0\0\0\x01Bud1");
    root
}

/// Runs frames until the running import has ended (the worker reads the files while the
/// window goes on drawing), then lets the window settle.
fn finish_import(h: &mut Harness<'static, DemarcheApp>) {
    for _ in 0..5000 {
        h.step();
        if !h.state().import_dialog().is_running() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(
        !h.state().import_dialog().is_running(),
        "the import did not end"
    );
    h.run();
}

fn outcome(h: &Harness<'static, DemarcheApp>) -> ImportSummary {
    h.state()
        .import_dialog()
        .outcome()
        .expect("the import has a summary")
        .clone()
}

fn titles(app: &DemarcheApp) -> Vec<String> {
    app.workspace()
        .project()
        .documents
        .iter()
        .map(|d| d.meta.title.clone())
        .collect()
}

fn file_names(paths: impl Iterator<Item = PathBuf>) -> Vec<String> {
    paths
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_folder_imports_recursively_with_duplicates_and_failures_in_the_summary_and_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_with_one_article(dir.path());
    let folder = article_folder(dir.path());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(project)));
    h.run();
    let before = h.state().workspace().project().clone();

    // File ▸ Import folder… (ctrl+shift+I); without a native dialog, the path field.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    h.run();
    assert_eq!(h.state().modal_title().as_deref(), Some("Import folder"));
    h.event(egui::Event::Text(folder.display().to_string()));
    h.run();
    // Enter starts a new line in this field; Ctrl+Enter imports (as OK does).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    finish_import(&mut h);

    let summary = outcome(&h);
    assert_eq!(summary.files, 6, "hidden files and folders are skipped");
    assert!(!summary.cancelled);
    assert_eq!(
        file_names(summary.imported.iter().map(|a| a.path.clone())),
        ["pekin.txt", "seoul.md", "addis.txt"],
        "articles in name order, nested folders included"
    );
    // The project has the three new articles after the one it had.
    let ws = h.state().workspace();
    assert_eq!(ws.project().documents.len(), 4);
    assert_eq!(
        titles(h.state())[1..],
        [
            "Pékin et Bruxelles relancent le dialogue",
            "서울 회담: 조태열 장관, 일본 외무상과 회동",
            "Addis-Abeba : l’Union africaine et le barrage du Nil",
        ]
    );
    let pekin = summary.imported[0].id;
    let pekin_doc = ws.project().document(pekin).unwrap();
    assert!(
        !pekin_doc.text().contains('\r'),
        "CRLF is normalised as for any import"
    );
    assert!(persist::validate(ws.project()).is_empty());

    // Duplicates name the document that already has their text: one from before, one
    // imported a moment earlier by the same import.
    let dups: Vec<(String, Id)> = summary
        .duplicates
        .iter()
        .map(|d| {
            (
                file_names(std::iter::once(d.path.clone())).remove(0),
                d.existing,
            )
        })
        .collect();
    assert_eq!(
        dups,
        [
            ("copie.txt".to_owned(), Id(1)),
            ("reprise.txt".to_owned(), pekin)
        ]
    );
    assert_eq!(summary.failures.len(), 1);
    assert!(summary.failures[0].path.ends_with("photo.png"));
    assert!(
        summary.failures[0].reason.contains("PNG image"),
        "reason: {}",
        summary.failures[0].reason
    );

    // The summary window says it all, with reasons.
    assert!(h.state().import_dialog().is_open());
    let headline = "Imported 3 articles, skipped 2 duplicates, 1 failed";
    assert_eq!(h.state().status_text(), Some(headline));
    assert_eq!(
        h.get_all_by_label(headline).count(),
        2,
        "in the summary window and in the status bar"
    );
    h.get_by_label_contains(
        "copie.txt — same text as document #1 “Genève : reprise des pourparlers”",
    );
    h.get_by_label_contains("photo.png: this is a PNG image, not a text article");
    // The first imported article is shown.
    assert_eq!(h.state().selection().document, Some(pekin));

    // One undo step takes the whole import back, and redo brings it again.
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Import 3 articles")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project().documents.len(), 4);

    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().import_dialog().is_open());
}

#[test]
fn cancel_after_the_first_file_keeps_it_as_one_step_and_reads_no_more() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_with_one_article(dir.path());
    let folder = dir.path().join("lot");
    write(&folder.join("1-pekin.txt"), STORY_PEKIN_CRLF.as_bytes());
    write(&folder.join("2-seoul.md"), STORY_SEOUL_MD.as_bytes());
    write(&folder.join("3-addis.txt"), STORY_ADDIS.as_bytes());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(project)));
    h.run();
    let before = h.state().workspace().project().clone();

    // The worker reads a file only when the test allows it.
    let gate = h
        .state_mut()
        .import_dialog_mut()
        .start_gated(vec![folder])
        .unwrap();
    gate.allow(1);
    for _ in 0..5000 {
        h.step();
        if h.state()
            .import_dialog()
            .summary()
            .is_some_and(|s| s.read == 1)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(h.state().import_dialog().summary().map(|s| s.read), Some(1));
    // A new window's first frame only measures it; the next one shows it.
    h.step();
    // Nothing is added while the import runs: it goes in as one step at the end.
    assert_eq!(h.state().workspace().project(), &before);
    h.get_by_label_contains("1 / 3 — lot");
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    h.get_by_label("Stopping after the current file…");
    // Let the worker go on: it sees the cancel before the next file.
    drop(gate);
    finish_import(&mut h);

    let summary = outcome(&h);
    assert!(summary.cancelled);
    assert_eq!((summary.files, summary.read), (3, 1));
    assert_eq!(summary.imported.len(), 1);
    let ws = h.state().workspace();
    assert_eq!(
        ws.project().documents.len(),
        2,
        "only the first file was read"
    );
    assert!(persist::validate(ws.project()).is_empty());
    assert_eq!(
        ws.history().undo_label(),
        Some("Import “Pékin et Bruxelles relancent le dialogue”")
    );
    h.get_by_label_contains("Cancelled: 1 of 3 files were read");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &before);
}

#[test]
fn several_paths_typed_one_per_line_import_together_and_show_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let addis = dir.path().join("addis.txt");
    let seoul = dir.path().join("séoul.md");
    write(&addis, STORY_ADDIS.as_bytes());
    write(&seoul, STORY_SEOUL_MD.as_bytes());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(
        project_with_one_article(dir.path()),
    )));
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert_eq!(h.state().modal_title().as_deref(), Some("Import articles"));
    h.event(egui::Event::Text(addis.display().to_string()));
    h.key_press(Key::Enter); // a new line in the field, not OK
    h.run();
    assert_eq!(h.state().modal_title().as_deref(), Some("Import articles"));
    h.event(egui::Event::Text(seoul.display().to_string()));
    h.run();
    h.get_by_label("OK").click();
    finish_import(&mut h);

    let summary = outcome(&h);
    assert_eq!(summary.imported.len(), 2);
    assert!(summary.duplicates.is_empty() && summary.failures.is_empty());
    assert_eq!(h.state().workspace().project().documents.len(), 3);
    assert_eq!(
        h.state().selection().document,
        Some(summary.imported[0].id),
        "the first imported article is shown"
    );
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Import 2 articles")
    );
}

/// A file dropped on the window, as eframe hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_and_folders_dropped_together_are_one_import() {
    let dir = tempfile::tempdir().unwrap();
    let folder = article_folder(dir.path());
    let loose = dir.path().join("geneve.txt");
    write(&loose, STORY_GENEVE.as_bytes());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(
        project_with_one_article(dir.path()),
    )));
    h.run();
    h.input_mut().dropped_files = vec![
        Arc::new(Dropped(folder.join("2024"))),
        Arc::new(Dropped(folder.join("addis.txt"))),
        Arc::new(Dropped(loose)),
    ];
    finish_import(&mut h);

    let summary = outcome(&h);
    assert_eq!(
        file_names(summary.imported.iter().map(|a| a.path.clone())),
        ["pekin.txt", "seoul.md", "addis.txt"]
    );
    assert_eq!(summary.duplicates.len(), 1, "geneve.txt is already there");
    assert_eq!(h.state().workspace().project().documents.len(), 4);
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Import 3 articles")
    );
}

#[test]
fn a_single_file_imports_quietly_and_opens_and_a_second_time_shows_the_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let pekin = dir.path().join("pékin.txt");
    write(&pekin, STORY_PEKIN_CRLF.as_bytes());
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(
        project_with_one_article(dir.path()),
    )));
    h.run();
    let import_once = |h: &mut Harness<'static, DemarcheApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, Key::I);
        h.run();
        h.event(egui::Event::Text(pekin.display().to_string()));
        h.run();
        h.get_by_label("OK").click();
        finish_import(h);
    };

    import_once(&mut h);
    assert!(
        !h.state().import_dialog().is_open(),
        "one file needs no summary window"
    );
    let docs = &h.state().workspace().project().documents;
    assert_eq!(docs.len(), 2);
    let id = docs[1].id;
    assert_eq!(h.state().selection().document, Some(id));
    assert_eq!(
        h.state().status_text(),
        Some("Imported “Pékin et Bruxelles relancent le dialogue”")
    );

    // The same file again: nothing is added; the article it duplicates is shown.
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.run();
    assert_ne!(h.state().selection().document, Some(id));
    import_once(&mut h);
    assert_eq!(h.state().workspace().project().documents.len(), 2);
    assert_eq!(h.state().selection().document, Some(id));
    let status = h.state().status_text().unwrap_or_default().to_owned();
    assert!(
        status.contains("already in the project") && status.contains(&format!("document {id}")),
        "status: {status}"
    );
}

#[test]
fn a_single_file_that_fails_is_reported_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("photo.png");
    write(&photo, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(
        project_with_one_article(dir.path()),
    )));
    h.run();
    h.state_mut().import_paths(vec![photo]);
    finish_import(&mut h);
    assert_eq!(h.state().workspace().project().documents.len(), 1);
    assert!(!h.state().workspace().is_dirty());
    let status = h.state().status_text().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Could not import") && status.contains("PNG image"),
        "status: {status}"
    );
}

#[test]
fn an_article_read_with_replaced_bytes_is_imported_and_its_warning_shown_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let addis = dir.path().join("addis.txt");
    let stray = dir.path().join("stray.txt");
    write(&addis, STORY_ADDIS.as_bytes());
    // A windows-1252 "é" pasted into a UTF-8 story.
    let mut bytes = STORY_PEKIN_CRLF.as_bytes().to_vec();
    bytes.insert(10, 0xE9);
    write(&stray, &bytes);
    let mut h = harness(DemarcheApp::app_for_tests(Startup::Open(
        project_with_one_article(dir.path()),
    )));
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    h.event(egui::Event::Text(addis.display().to_string()));
    h.key_press(Key::Enter);
    h.event(egui::Event::Text(stray.display().to_string()));
    h.run();
    h.get_by_label("OK").click();
    finish_import(&mut h);

    let summary = outcome(&h);
    assert_eq!(summary.imported.len(), 2);
    assert!(summary.imported[0].warnings.is_empty());
    assert_eq!(summary.imported[1].warnings.len(), 1);
    let headline = "Imported 2 articles (1 with warnings)";
    assert_eq!(h.state().status_text(), Some(headline));
    h.get_by_label_contains(
        "stray.txt: read as UTF-8, but 1 byte sequence is not UTF-8 and was replaced",
    );
    let text = h.state().workspace().project().documents[2]
        .text()
        .to_owned();
    assert!(text.starts_with("Pékin et \u{FFFD}Bruxelles"), "{text}");
}
