//! Document metadata and the documents list in the real window (`DemarcheApp`), driven
//! through egui_kittest: editing a document's information field by field (with undo), and
//! narrowing and ordering the list of documents.

use chrono::NaiveDate;
use demarche::model::{DocStatus, Document, DocumentMeta, Id, LineEndings, Origin, Project};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::workspace::default_annotator;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

const WANG: Id = Id(10);
const AMTER: Id = Id(20);
const ELYSEE: Id = Id(30);
const WAIJIAOBU: Id = Id(40);
const MEMO: Id = Id(50);

fn origin(path: &str, format: &str, endings: LineEndings) -> Origin {
    Origin {
        path: Some(path.to_owned()),
        format: format.to_owned(),
        encoding: "UTF-8".to_owned(),
        line_endings: endings,
        file_fingerprint: Some(
            "sha256:9f2c4e7a1b3d5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd".to_owned(),
        ),
        imported: chrono::DateTime::parse_from_rfc3339("2026-11-20T09:30:00Z")
            .expect("fixed time")
            .with_timezone(&chrono::Utc),
    }
}

fn doc(id: Id, meta: DocumentMeta, text: &str) -> Document {
    Document::new(
        id,
        meta,
        origin(&format!("articles/{id}.txt"), "text", LineEndings::CrLf),
        text.to_owned(),
    )
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Five articles in four languages, imported in id order; one without date or source.
fn project() -> Project {
    let mut p = Project::new("Revue de presse — 新闻");
    p.documents = vec![
        doc(
            WANG,
            DocumentMeta {
                title: "Wang Yi meets CELAC envoys".into(),
                source: "Xinhua".into(),
                date: date(2026, 3, 10),
                byline: "Li Wei".into(),
                url: "https://example.org/wang-celac".into(),
                language: "en".into(),
                progress: [(default_annotator(), DocStatus::InProgress)].into(),
                custom: [("desk".to_owned(), "Asia–Pacific".to_owned())].into(),
                ..DocumentMeta::default()
            },
            "Foreign Minister Wang Yi said China “will work with Latin American countries”.\n\n\
             外交部长王毅表示，中方愿同拉美国家加强合作。",
        ),
        doc(
            AMTER,
            DocumentMeta {
                title: "Ämter und Ministerien".into(),
                source: "dpa".into(),
                date: date(2025, 12, 1),
                language: "de".into(),
                ..DocumentMeta::default()
            },
            "Das Auswärtige Amt äußerte sich nicht zu den Gesprächen.",
        ),
        doc(
            ELYSEE,
            DocumentMeta {
                title: "Élysée : la France « prête » à négocier".into(),
                source: "AFP".into(),
                date: date(2026, 1, 15),
                byline: "Camille Dupont".into(),
                language: "fr".into(),
                progress: [(default_annotator(), DocStatus::Done)].into(),
                ..DocumentMeta::default()
            },
            "Le président s’est dit « prêt » à rouvrir le dialogue avec Pékin.",
        ),
        doc(
            WAIJIAOBU,
            DocumentMeta {
                title: "外交部发言人答记者问".into(),
                source: "新华社".into(),
                date: date(2026, 2, 20),
                language: "zh-Hans".into(),
                custom: [("agency".to_owned(), "Xinhua".to_owned())].into(),
                ..DocumentMeta::default()
            },
            "外交部发言人毛宁主持例行记者会。",
        ),
        doc(
            MEMO,
            DocumentMeta {
                title: "Untitled memo".into(),
                ..DocumentMeta::default()
            },
            "Notes from the briefing; no date was given.",
        ),
    ];
    p
}

fn saved(dir: &Path) -> PathBuf {
    let path = dir.join("revue.ron");
    persist::save(&project(), &path).expect("fixture saves");
    path
}

fn harness(path: PathBuf) -> Harness<'static, DemarcheApp> {
    let mut h = Harness::builder()
        // Tall enough that the whole document information fits in the inspector's place.
        .with_size([1280.0, 1200.0])
        .with_context_setup(demarche::ui::fonts::install)
        // Some other panels' combo boxes have no accessible name yet.
        .with_accessibility_check(false)
        .build_ui_state(
            |ui, app: &mut DemarcheApp| app.frame_ui(ui),
            DemarcheApp::app_for_tests(Startup::Open(path)),
        );
    h.run();
    h
}

fn type_text(h: &mut Harness<'_, DemarcheApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// Focuses a text field by its accessible name and replaces all its text.
fn replace_field(h: &mut Harness<'_, DemarcheApp>, name: &str, text: &str) {
    h.get_by_label(name).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_text(h, text);
}

fn meta(h: &Harness<'_, DemarcheApp>, id: Id) -> DocumentMeta {
    h.state()
        .workspace()
        .project()
        .document(id)
        .expect("fixture document")
        .meta
        .clone()
}

fn undo(h: &mut Harness<'_, DemarcheApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn shown(h: &Harness<'_, DemarcheApp>) -> Vec<Id> {
    h.state().documents_panel().shown_ids().to_vec()
}

#[test]
fn title_date_and_a_new_field_are_edited_one_undo_step_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved(dir.path()));
    let original = h.state().workspace().project().clone();
    assert_eq!(h.state().selection().document, Some(WANG));
    assert_eq!(h.state().selection().annotation, None);

    // The information of the open document is where the inspector is, origin included.
    h.get_by_label("Document title");
    h.get_by_label("CRLF (Windows)");
    h.get_by_label("articles/#10.txt");

    // Typing a title in two bursts is one change.
    replace_field(&mut h, "Document title", "Wang Yi meets CELAC ");
    type_text(&mut h, "foreign ministers in Brasília");
    assert_eq!(
        meta(&h, WANG).title,
        "Wang Yi meets CELAC foreign ministers in Brasília"
    );

    // A date that is not a day: a message, the typed text kept, the model unchanged.
    replace_field(&mut h, "Document date", "2026-02-30");
    h.get_by_label_contains("2026-02-30 is not a date in the calendar");
    assert_eq!(meta(&h, WANG).date, date(2026, 3, 10));
    assert_eq!(
        h.get_by_label("Document date").value().as_deref(),
        Some("2026-02-30"),
        "the typed text stays in the field"
    );
    // The wrong form says what the form is.
    replace_field(&mut h, "Document date", "11/03/2026");
    h.get_by_label_contains("Write the date as YYYY-MM-DD");
    assert_eq!(meta(&h, WANG).date, date(2026, 3, 10));
    // A good date goes to the model and the message goes away.
    replace_field(&mut h, "Document date", "2026-03-11");
    assert_eq!(meta(&h, WANG).date, date(2026, 3, 11));
    assert!(h.query_by_label_contains("YYYY-MM-DD, e.g.").is_none());

    // A custom field: name, value, Enter.
    replace_field(&mut h, "New field name", "wire");
    replace_field(&mut h, "New field value", "Agence France-Presse");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        meta(&h, WANG).custom.get("wire").map(String::as_str),
        Some("Agence France-Presse")
    );
    assert_eq!(
        meta(&h, WANG).custom.get("desk").map(String::as_str),
        Some("Asia–Pacific"),
        "the other field is kept"
    );

    // Undo takes back one field at a time.
    undo(&mut h);
    assert!(!meta(&h, WANG).custom.contains_key("wire"));
    assert_eq!(meta(&h, WANG).date, date(2026, 3, 11));
    undo(&mut h);
    assert_eq!(meta(&h, WANG).date, date(2026, 3, 10));
    assert!(meta(&h, WANG).title.ends_with("in Brasília"));
    undo(&mut h);
    assert_eq!(h.state().workspace().project(), &original);
    // The fields show what the project holds again.
    assert_eq!(
        h.get_by_label("Document title").value().as_deref(),
        Some("Wang Yi meets CELAC envoys")
    );
}

#[test]
fn custom_fields_are_renamed_on_leaving_the_name_and_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved(dir.path()));

    // A name already taken is refused with a message and kept in the field.
    replace_field(&mut h, "New field name", "section");
    h.key_press(Key::Enter);
    h.run();
    replace_field(&mut h, "Field name desk", "section");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("There is already a field “section”");
    assert_eq!(
        meta(&h, WANG).custom.get("desk").map(String::as_str),
        Some("Asia–Pacific")
    );

    // Another name is taken when the field is left; the value moves with it.
    replace_field(&mut h, "Field name desk", "région");
    h.key_press(Key::Enter);
    h.run();
    let custom = meta(&h, WANG).custom;
    assert_eq!(
        custom.get("région").map(String::as_str),
        Some("Asia–Pacific")
    );
    assert!(!custom.contains_key("desk"));

    // Editing a value is one step; removing the field is another.
    replace_field(&mut h, "Field value région", "Amérique latine");
    assert_eq!(
        meta(&h, WANG).custom.get("région").map(String::as_str),
        Some("Amérique latine")
    );
    h.get_by_label("Field name région").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let removes: Vec<_> = h.get_all_by_label("×").collect();
    assert_eq!(removes.len(), 2, "one remove button per field");
    removes[0].click();
    h.run();
    assert!(!meta(&h, WANG).custom.contains_key("région"));
    undo(&mut h);
    assert_eq!(
        meta(&h, WANG).custom.get("région").map(String::as_str),
        Some("Amérique latine")
    );
}

#[test]
fn status_language_and_source_are_edited_from_the_document_information() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved(dir.path()));
    h.get_by_label("Document status").click();
    h.run();
    h.get_by_label("done").click();
    h.run();
    assert_eq!(
        meta(&h, WANG).status_of(&default_annotator()),
        DocStatus::Done
    );

    replace_field(&mut h, "Document language", "pt-BR");
    assert_eq!(meta(&h, WANG).language, "pt-BR");
    replace_field(&mut h, "Document language", "portuguese please");
    h.get_by_label_contains("Not shaped like a language tag");

    replace_field(&mut h, "Document source", "Agência Brasil");
    replace_field(&mut h, "Document byline", "Ana Lúcia Ribeiro");
    replace_field(
        &mut h,
        "Document URL",
        "https://agenciabrasil.example/celac",
    );
    let m = meta(&h, WANG);
    assert_eq!(m.source, "Agência Brasil");
    assert_eq!(m.byline, "Ana Lúcia Ribeiro");
    assert_eq!(m.url, "https://agenciabrasil.example/celac");
}

#[test]
fn alt_enter_brings_the_document_information_back_with_the_title_focused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved(dir.path()));
    // Leave the title field, then come back by key.
    h.get_by_label("Document source").focus();
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::Enter);
    h.run();
    h.run();
    assert!(h.get_by_label("Document title").is_focused());
}

#[test]
fn filter_by_text_status_and_language_narrows_the_list_with_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved(dir.path()));
    assert_eq!(shown(&h), [WANG, AMTER, ELYSEE, WAIJIAOBU, MEMO]);
    h.get_by_label("5 documents");

    // Ctrl+Shift+F puts the keyboard in the filter; accents and case are ignored.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    h.run();
    assert!(h.get_by_label("Filter documents").is_focused());
    type_text(&mut h, "ELYSEE");
    assert_eq!(shown(&h), [ELYSEE]);
    h.get_by_label("1 of 5");

    // Source, byline and custom values match too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "xinhua");
    assert_eq!(shown(&h), [WANG, WAIJIAOBU], "source, then a custom value");
    h.get_by_label("2 of 5");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "dupont");
    assert_eq!(shown(&h), [ELYSEE], "byline");

    // Down in the filter opens the next document of the narrowed list.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Filter by status").click();
    h.run();
    h.get_by_label("to do").click();
    h.run();
    assert_eq!(shown(&h), [AMTER, WAIJIAOBU, MEMO]);
    h.get_by_label("3 of 5");
    h.get_by_label("Filter documents").focus();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().selection().document, Some(AMTER));
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().selection().document, Some(WAIJIAOBU));

    // Language, on top of the status.
    h.get_by_label("Filter by language").click();
    h.run();
    h.get_by_label("zh-Hans").click();
    h.run();
    assert_eq!(shown(&h), [WAIJIAOBU]);

    h.get_by_label("Show all").click();
    h.run();
    assert_eq!(shown(&h).len(), 5);
}

#[test]
fn sorting_by_date_title_and_status_orders_the_list_and_next_document_follows_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved(dir.path()));
    let pick_order = |h: &mut Harness<'_, DemarcheApp>, label: &str| {
        h.get_by_label("Sort documents by").click();
        h.run();
        h.get_by_label(label).click();
        h.run();
    };

    pick_order(&mut h, "date");
    assert_eq!(
        shown(&h),
        [WANG, WAIJIAOBU, ELYSEE, AMTER, MEMO],
        "newest first, undated last"
    );
    // Drawn in that order, top to bottom.
    let y = |h: &Harness<'_, DemarcheApp>, title: &str| h.get_by_label(title).rect().top();
    assert!(y(&h, "外交部发言人答记者问") < y(&h, "Ämter und Ministerien"));
    // Ctrl+PgDn goes to the next document as listed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    h.run();
    assert_eq!(h.state().selection().document, Some(WAIJIAOBU));

    h.get_by_label("Reverse order").click();
    h.run();
    assert_eq!(
        shown(&h),
        [AMTER, ELYSEE, WAIJIAOBU, WANG, MEMO],
        "oldest first; undated still last"
    );

    h.get_by_label("Reverse order").click();
    h.run();
    pick_order(&mut h, "title");
    assert_eq!(
        shown(&h),
        [AMTER, ELYSEE, MEMO, WANG, WAIJIAOBU],
        "accents ignored: Ämter and Élysée sort with A and E"
    );

    pick_order(&mut h, "status");
    assert_eq!(
        shown(&h),
        [AMTER, MEMO, WAIJIAOBU, WANG, ELYSEE],
        "to do (by title), in progress, done"
    );
}

#[test]
fn counts_of_one_are_said_in_the_singular() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = project();
    project.documents.truncate(1);
    let path = dir.path().join("one.ron");
    persist::save(&project, &path).expect("saves");
    let h = harness(path);
    // The documents list and the status bar.
    h.get_by_label("1 document");
    assert!(h.query_by_label("1 documents").is_none());
    assert!(project.actors.is_empty());
    h.get_by_label("1 document · 0 actors");
}

/// The issuer is picked from the registry's actors in the document information, removed
/// with its button, and each change is one undo step.
#[test]
fn the_issuer_is_picked_from_the_actors_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = project();
    p.actors = vec![
        demarche::model::Actor::new(Id(900), "Japan", "state"),
        demarche::model::Actor::new(Id(901), "United States", "state"),
    ];
    let path = dir.path().join("issuers.ron");
    persist::save(&p, &path).expect("fixture saves");
    let mut h = harness(path);
    h.get_by_label("Add an issuer").click();
    h.run();
    // The list opens over the actors panel, which names them too: the last one drawn.
    h.get_all_by_label("United States")
        .last()
        .expect("in the list")
        .click();
    h.run();
    h.get_by_label("Add an issuer").click();
    h.run();
    h.get_all_by_label("Japan")
        .last()
        .expect("in the list")
        .click();
    h.run();
    assert_eq!(meta(&h, WANG).issuer, [Id(901), Id(900)]);
    h.get_by_label("Remove issuer United States").click();
    h.run();
    assert_eq!(
        meta(&h, WANG).issuer,
        [Id(900)],
        "× removes the first issuer"
    );
    undo(&mut h);
    assert_eq!(meta(&h, WANG).issuer, [Id(901), Id(900)]);
    undo(&mut h);
    undo(&mut h);
    assert!(meta(&h, WANG).issuer.is_empty());
}
