//! Saving: canonical bytes, atomic replacement, the `.bak` of the previous version, and
//! saves that fail before the rename leaving the old file whole.

use crate::persist_support;

use chrono::{NaiveDate, TimeZone, Utc};
use demarche::model::{
    Actor, Document, DocumentMeta, Id, LineEndings, Mention, Origin, Project, Rgb, Span, Stamp,
    Stance, StanceTarget, Statement, Tag,
};
use demarche::persist;
use persist_support::{BOGOTA, Scratch, fixture, fixture_text};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;

fn bogota() -> Project {
    persist::load(&fixture(BOGOTA))
        .expect("fixture loads")
        .project
}

#[test]
fn loading_then_saving_a_canonical_file_gives_it_back_byte_for_byte() {
    let text = fixture_text(BOGOTA);
    assert_eq!(persist::to_canonical_string(&bogota()), text);
    assert!(
        text.starts_with("(\n    format_version: 4,\n"),
        "version comes first"
    );
}

#[test]
fn the_same_project_always_gives_the_same_bytes() {
    let project = bogota();
    let first = persist::to_canonical_string(&project);
    assert_eq!(persist::to_canonical_string(&project.clone()), first);
    let reloaded = persist::from_str(&first, Path::new("memory.ron")).expect("reloads");
    assert_eq!(reloaded.project, project);
    assert_eq!(persist::to_canonical_string(&reloaded.project), first);
}

#[test]
fn saving_an_unchanged_project_changes_nothing() {
    let text = fixture_text(BOGOTA);
    let scratch = Scratch::with_text(&text);
    let modified = std::fs::metadata(&scratch.path)
        .and_then(|m| m.modified())
        .expect("mtime");
    let project = persist::load(&scratch.path).expect("loads").project;
    persist::save(&project, &scratch.path).expect("saves");
    assert_eq!(scratch.bytes(), text.as_bytes());
    assert_eq!(
        scratch.listing(),
        vec!["project.ron"],
        "no backup, no temporary file"
    );
    let after = std::fs::metadata(&scratch.path)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(after, modified, "the file was not rewritten");
}

#[test]
fn a_save_keeps_the_previous_version_as_bak() {
    let text = fixture_text(BOGOTA);
    let scratch = Scratch::with_text(&text);
    let mut project = bogota();
    project.meta.description = "Second pass: stances reviewed by 鈴木.".to_owned();
    persist::save(&project, &scratch.path).expect("saves");

    assert_eq!(scratch.listing(), vec!["project.ron", "project.ron.bak"]);
    let backup = scratch.dir.path().join("project.ron.bak");
    assert_eq!(std::fs::read(&backup).expect("backup"), text.as_bytes());
    let saved = persist::load(&scratch.path)
        .expect("the new file loads")
        .project;
    assert_eq!(saved, project);

    // A second save moves the backup on to the first save's version.
    let first_save = scratch.bytes();
    project.meta.description.push_str(" Third pass.");
    persist::save(&project, &scratch.path).expect("saves again");
    assert_eq!(std::fs::read(&backup).expect("backup"), first_save);
    assert_eq!(scratch.listing(), vec!["project.ron", "project.ron.bak"]);
}

#[test]
fn a_first_save_makes_no_backup() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("new project.ron");
    persist::save(&bogota(), &path).expect("saves");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec!["new project.ron"]);
    assert_eq!(
        std::fs::read_to_string(&path).expect("saved"),
        fixture_text(BOGOTA)
    );
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_old_file_intact() {
    let text = fixture_text(BOGOTA);
    let scratch = Scratch::with_text(&text);
    let mut project = bogota();
    project.meta.name = "Renamed – never saved".to_owned();
    let expected_new = persist::to_canonical_string(&project);

    let mut seen_temp = None;
    let result = persist::save_with(&project, &scratch.path, |temp| {
        // The temporary file is complete and beside the target when the rename would come.
        assert_eq!(temp.parent(), scratch.path.parent());
        assert_eq!(std::fs::read_to_string(temp)?, expected_new);
        seen_temp = Some(temp.to_owned());
        Err(io::Error::other("power cut"))
    });

    let error = result.expect_err("the save reports the interruption");
    assert!(error.to_string().contains("power cut"), "{error}");
    assert!(error.to_string().contains("project.ron"), "{error}");
    assert_eq!(
        scratch.bytes(),
        text.as_bytes(),
        "the previous file is intact"
    );
    let temp = seen_temp.expect("the hook ran");
    assert!(!temp.exists(), "the temporary file is removed");
    assert!(
        scratch.listing().iter().all(|n| !n.ends_with(".tmp")),
        "{:?}",
        scratch.listing()
    );
    assert_eq!(
        persist::load(&scratch.path).expect("still loads").project,
        bogota()
    );
}

#[test]
fn a_save_into_a_missing_folder_fails_without_writing() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("no such folder").join("p.ron");
    let error = persist::save(&bogota(), &path).expect_err("cannot save there");
    assert!(error.to_string().contains("no such folder"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::with_text(&fixture_text(BOGOTA));
    std::fs::set_permissions(&scratch.path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let mut project = bogota();
    project.meta.description.clear();
    persist::save(&project, &scratch.path).expect("saves");
    let mode = std::fs::metadata(&scratch.path)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_updates_the_linked_file() {
    let scratch = Scratch::with_text(&fixture_text(BOGOTA));
    let link = scratch.dir.path().join("link.ron");
    std::os::unix::fs::symlink(&scratch.path, &link).expect("symlink");
    let mut project = bogota();
    project.meta.name = "Through the link".to_owned();
    persist::save(&project, &link).expect("saves");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        persist::load(&scratch.path)
            .expect("loads")
            .project
            .meta
            .name,
        "Through the link"
    );
}

/// A project with every awkward value the format must carry: `None` and `Some`, enums with
/// data, maps, dates and timestamps, colours, and strings with quotes, backslashes, tabs,
/// newlines, combining marks, CJK, right-to-left text, emoji sequences and control bytes.
fn awkward_project() -> Project {
    let text = "Line one with \"straight\" and “curly” quotes, a back\\slash and a\ttab.\n\
                Café with a combining accent: Cafe\u{301}. 北京 and 東京; السلام عليكم.\n\
                Flags 🇨🇴🇧🇷, family 👨‍👩‍👧, bell \u{7}, nul \u{0}, zero-width\u{200b}space.\n";
    let mut project = Project::new("Awkward “values” \\ test\nsecond line");
    project.meta.created = Utc
        .with_ymd_and_hms(2024, 2, 29, 23, 59, 59)
        .single()
        .expect("date");
    project.meta.description = "r#\"not a raw string\"# ### \u{feff}".to_owned();
    let mut actor = Actor::new(Id(1), "Lula da Silva 🇧🇷", "person");
    actor.aliases = vec!["Luiz Inácio".into(), "\"Lula\"".into(), String::new()];
    actor.iso3 = None;
    actor.cameo = Some("BRAGOV".into());
    actor.colour = Rgb([0, 0x7f, 0xff]);
    actor.note = "multi\nline\r\nwith CR LF".into();
    let mut other = Actor::new(Id(2), "中华人民共和国", "state");
    other.affiliation = None;
    other.wikidata = Some("Q148".into());
    project.actors = vec![actor, other];

    let meta = DocumentMeta {
        title: "Título \"difícil\"".into(),
        date: Some(NaiveDate::from_ymd_opt(1999, 12, 31).expect("date")),
        custom: BTreeMap::from([
            ("z last".into(), "ω".into()),
            ("a first".into(), "\"α\"".into()),
            ("".into(), "empty key".into()),
        ]),
        ..DocumentMeta::default()
    };
    let origin = Origin {
        path: Some("C:\\Users\\Ana\\Artículos\\nota.txt".into()),
        format: "text".into(),
        encoding: "GB18030".into(),
        line_endings: LineEndings::Mixed,
        file_fingerprint: None,
        imported: Utc
            .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
            .single()
            .expect("date"),
    };
    let mut doc = Document::new(Id(3), meta, origin, text.to_owned());
    let span = |needle: &str| {
        let start = doc_char_offset(text, needle);
        Span::from_range(text, doc_index(text), start, start + needle.chars().count())
            .expect("span in range")
    };
    let stamp = Stamp {
        annotator: "José \"Pepe\" Núñez".into(),
        created: Utc
            .with_ymd_and_hms(2025, 6, 30, 12, 0, 0)
            .single()
            .expect("date"),
        modified: Utc
            .with_ymd_and_hms(2025, 7, 1, 8, 30, 15)
            .single()
            .expect("date"),
    };
    doc.mentions.push(Mention {
        id: Id(4),
        span: span("Cafe\u{301}"),
        actor: Id(1),
        stamp: stamp.clone(),
        note: String::new(),
    });
    doc.statements.push(Statement {
        id: Id(5),
        span: span("👨‍👩‍👧"),
        speaker: None,
        attribution: "narration".into(),
        cue: Some(span("\"straight\"")),
        stamp: stamp.clone(),
        note: "tab\there".into(),
    });
    doc.stances.push(Stance {
        id: Id(6),
        statement: Id(5),
        holder: Some(Id(2)),
        target: Some(StanceTarget::Topic("sovereignty".into())),
        polarity: "against".into(),
        intensity: "high".into(),
        cameo: None,
        stamp: stamp.clone(),
        note: String::new(),
    });
    doc.stances.push(Stance {
        id: Id(7),
        statement: Id(5),
        holder: None,
        target: Some(StanceTarget::Actor(Id(1))),
        polarity: "favor".into(),
        intensity: "low".into(),
        cameo: Some("051".into()),
        stamp: stamp.clone(),
        note: String::new(),
    });
    doc.tags.push(Tag {
        id: Id(8),
        span: span("bell \u{7}, nul \u{0}"),
        category: "to_review".into(),
        attributes: BTreeMap::from([("why".into(), "control\ncharacters".into())]),
        stamp,
        note: String::new(),
    });
    project.documents.push(doc);
    project
}

fn doc_char_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .chars()
        .count()
}

fn doc_index(text: &str) -> &'static demarche::model::TextIndex {
    Box::leak(Box::new(demarche::model::TextIndex::new(text)))
}

#[test]
fn every_field_type_survives_a_round_trip_through_the_file() {
    let project = awkward_project();
    assert!(
        persist::validate(&project).is_empty(),
        "{:?}",
        persist::validate(&project)
    );
    let text = persist::to_canonical_string(&project);
    assert!(
        text.contains("中华人民共和国"),
        "CJK is written as is, not escaped"
    );
    assert!(text.contains("“curly”"));
    let scratch = Scratch::with_text("");
    persist::save(&project, &scratch.path).expect("saves");
    let loaded = persist::load(&scratch.path).expect("loads").project;
    assert_eq!(loaded, project);
    assert_eq!(persist::to_canonical_string(&loaded), text);
    // One line per value: no raw line break or control byte inside a string.
    assert!(!text.contains('\r') && !text.contains('\u{7}') && !text.contains('\u{0}'));
}
