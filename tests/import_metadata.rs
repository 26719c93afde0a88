//! Metadata read from an article's text, offsets into imported text, duplicate detection.

use chrono::NaiveDate;
use demarche::import;
use demarche::model::{Id, Project, Span};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
}

fn import(name: &str) -> demarche::model::Document {
    import::import_file(&fixture(name), Id(1)).unwrap()
}

#[test]
fn corpus_layout_gives_date_source_and_first_sentence_as_title() {
    let doc = import("corpus-style.txt");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2021, 3, 3));
    assert_eq!(doc.meta.source, "Xinhua");
    assert_eq!(
        doc.meta.title,
        "Colombia and Brazil will strengthen cooperation on border security and trade in the \
         Amazon region, the two countries'…"
    );
    assert!(doc.meta.title.chars().count() <= import::metadata::TITLE_MAX_CHARS + 1);
    assert_eq!(doc.meta.language, "en");
    // The text stays whole: the caption line is still its first line.
    assert!(
        doc.text()
            .starts_with(" date 2021-03-03 Colombian Foreign Minister")
    );
}

#[test]
fn dateline_after_a_title_line_gives_source_and_leaves_a_yearless_date_empty() {
    let doc = import("dateline.txt");
    assert_eq!(
        doc.meta.title,
        "EU and Mercosur ministers vow to finish trade deal"
    );
    assert_eq!(doc.meta.source, "Reuters");
    assert_eq!(doc.meta.date, None);
}

#[test]
fn dateline_opening_the_text_gives_source_and_the_first_sentence_as_title() {
    let doc = import("dateline-first.txt");
    assert_eq!(doc.meta.source, "Xinhua");
    assert_eq!(
        doc.meta.title,
        "China is willing to work with Latin American and Caribbean countries to achieve common \
         development, Chinese Foreign…"
    );
    assert_eq!(doc.meta.date, None);
}

#[test]
fn dateline_year_comes_from_the_dateline_or_an_earlier_date() {
    let doc = import("en-utf-8.txt");
    assert_eq!(doc.meta.source, "Reuters");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2021, 3, 3));

    let text = "Ministers meet in Havana — December 30, 2020\n\n\
                HAVANA, Jan. 2 (Prensa Latina) -- Ministers met on Saturday.";
    let doc = import::import_bytes(text.as_bytes(), None, Id(1)).unwrap();
    assert_eq!(doc.meta.source, "Prensa Latina");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2021, 1, 2));
}

#[test]
fn plain_title_is_the_first_line_shortened_at_a_word() {
    let doc = import("fr-windows-1252.txt");
    assert_eq!(
        doc.meta.title,
        "Paris et Brasília s’engagent à relancer le dialogue stratégique"
    );
    assert_eq!(doc.meta.language, "fr");

    let long = format!("{}\n\nBody.", "Ministers discuss trade ".repeat(10));
    let doc = import::import_bytes(long.as_bytes(), None, Id(1)).unwrap();
    assert!(doc.meta.title.ends_with("trade…"), "{}", doc.meta.title);
    assert!(doc.meta.title.chars().count() <= import::metadata::TITLE_MAX_CHARS + 1);
}

#[test]
fn language_is_guessed_only_where_it_is_clear() {
    assert_eq!(import("zh-hans-gbk.txt").meta.language, "zh");
    assert_eq!(import("zh-hant-big5.txt").meta.language, "zh");
    assert_eq!(import("ja-shift-jis.txt").meta.language, "ja");
    assert_eq!(import("ru-koi8-r.txt").meta.language, "ru");
    assert_eq!(import("es-iso-8859-1.txt").meta.language, "es");
    assert_eq!(import("pt-iso-8859-1.txt").meta.language, "pt");
    assert_eq!(import("en-utf-16le-bom.txt").meta.language, "en");
    // Arabic with English names and an English paragraph is Arabic.
    assert_eq!(import("ar-en-mixed.txt").meta.language, "ar");
    let doc = import::import_bytes("Bogotá\n\nLima.".as_bytes(), None, Id(1)).unwrap();
    assert_eq!(doc.meta.language, "");
}

#[test]
fn code_point_offsets_line_up_after_astral_characters() {
    let doc = import("en-utf-16le-bom.txt");
    let text = doc.text();
    // Offsets counted independently, in code points, after the 🌏 of the title.
    for name in ["王毅", "茂木敏充", "강경화", "🤝", "Bogotá"] {
        let byte = text.find(name).unwrap();
        let start = text[..byte].chars().count();
        let end = start + name.chars().count();
        assert_eq!(doc.slice(start, end), Some(name));
        let span = Span::from_range(text, doc.index(), start, end).unwrap();
        assert!(span.check(text, doc.index()).is_ok());
        assert_eq!(span.text(), name);
    }
    let doc = import("zh-hans-gb18030.txt");
    let start = doc.text().chars().position(|c| c == '𠀋').unwrap();
    assert_eq!(doc.slice(start - 1, start + 1), Some("陈𠀋"));
}

#[test]
fn same_text_is_a_duplicate_whatever_its_encoding() {
    let mut project = Project::new("Test");
    project.documents.push(import("en-utf-8.txt"));
    // Same text from UTF-16 and CRLF files: a duplicate of the project's document.
    for name in ["en-utf-16be-bom.txt", "en-crlf.txt"] {
        let again = import::import_file(&fixture(name), Id(2)).unwrap();
        assert_eq!(
            import::find_duplicate(&project, &again).map(|d| d.id),
            Some(Id(1))
        );
    }
    let other = import::import_file(&fixture("fr-windows-1252.txt"), Id(3)).unwrap();
    assert!(import::find_duplicate(&project, &other).is_none());
}

#[test]
fn import_time_is_recorded_to_the_second() {
    let doc = import("en-utf-8.txt");
    assert_eq!(doc.origin.imported.timestamp_subsec_nanos(), 0);
    assert!((chrono::Utc::now() - doc.origin.imported).num_seconds() < 3600);
}

#[test]
fn tass_dateline_gives_the_agency_and_no_mention_is_suggested_in_it() {
    let doc = import("dateline-tass.txt");
    assert_eq!(
        doc.meta.title,
        "Lavrov says Moscow is ready to host Armenia–Azerbaijan talks"
    );
    assert_eq!(doc.meta.source, "TASS");
    // No year in the dateline and no earlier date: the date stays unknown.
    assert_eq!(doc.meta.date, None);

    let mentions = demarche::suggest::actors::mentions(
        &Project::new("t"),
        &doc,
        demarche::suggest::Gazetteer::bundled(),
    );
    let dateline_end = doc.text().find("Russia is ready").unwrap();
    let dateline_end = doc.index().char_of(dateline_end).unwrap();
    let body = doc.text().find("\n\nMOSCOW").unwrap();
    let body = doc.index().char_of(body).unwrap();
    assert!(
        mentions
            .iter()
            .all(|m| m.end <= body || m.start >= dateline_end),
        "nothing is suggested inside the dateline"
    );
    // The story itself still has its mentions.
    assert!(mentions.iter().any(|m| m.text == "Russia"));
    assert!(mentions.iter().any(|m| m.text == "Lavrov"));
}
