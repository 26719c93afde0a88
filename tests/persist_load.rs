//! Loading project files: every kind of damage gives its own specific problem, located by
//! line and column or by document and annotation id, and the file is never touched.

use crate::persist_support;

use demarche::model::{FORMAT_VERSION, Id};
use demarche::persist::{self, LoadError, ProblemKind};
use persist_support::{
    BOGOTA, Scratch, fixture, fixture_text, line_of, load_invalid, replace_after, single_problem,
};

#[test]
fn the_fixture_loads_and_validates_with_everything_in_it() {
    let loaded = persist::load(&fixture(BOGOTA)).expect("fixture loads");
    assert_eq!(loaded.migrated_from, None);
    let counts = loaded.project.counts();
    assert_eq!(
        counts.to_string(),
        "2 documents, 5 actors, 11 mentions, 5 statements (4 commitments, 3 stances)"
    );
    assert_eq!((counts.tags, counts.links), (1, 1));
    assert!(persist::validate(&loaded.project).is_empty());
}

#[test]
fn a_truncated_file_is_reported_as_cut_short_at_its_end() {
    let text = fixture_text(BOGOTA);
    let cut = &text[..text.find("id: 40,").expect("second document")];
    let scratch = Scratch::with_text(cut);
    let problems = load_invalid(&scratch);
    let problem = single_problem(&problems, ProblemKind::Truncated);
    let (line, _) = problem.position.expect("a truncated file has a position");
    assert_eq!(line, cut.lines().count(), "{problem}");
    assert!(
        problem
            .message
            .contains(&format!("the file ends early at line {line}")),
        "{problem}"
    );
}

#[test]
fn a_value_of_the_wrong_type_is_located_by_line_and_column() {
    let text = replace_after(
        &fixture_text(BOGOTA),
        "id: 11,",
        "actor: 2,",
        "actor: \"two\",",
    );
    let scratch = Scratch::with_text(&text);
    let problems = load_invalid(&scratch);
    let problem = single_problem(&problems, ProblemKind::WrongValue);
    let (line, column) = problem.position.expect("position");
    assert_eq!(line, line_of(&text, "actor: \"two\""), "{problem}");
    assert!(column > 1, "{problem}");
}

#[test]
fn a_syntax_error_is_located_by_line_and_column() {
    let text = replace_after(&fixture_text(BOGOTA), "id: 12,", "actor: 2,", "actor: 2;");
    let scratch = Scratch::with_text(&text);
    let problems = load_invalid(&scratch);
    let problem = single_problem(&problems, ProblemKind::Syntax);
    let (line, column) = problem.position.expect("position");
    let expected_line = line_of(&text, "actor: 2;");
    let expected_column = 1 + text
        .lines()
        .nth(expected_line - 1)
        .expect("line")
        .find(';')
        .expect(";");
    assert_eq!(
        (line, column),
        (expected_line, expected_column),
        "{problem}"
    );
}

#[test]
fn a_span_beyond_the_text_names_document_and_annotation() {
    let text = replace_after(&fixture_text(BOGOTA), "id: 11,", "end: ", "end: 9");
    let scratch = Scratch::with_text(&text);
    let problems = load_invalid(&scratch);
    let problem = single_problem(&problems, ProblemKind::OutOfRange);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(10)), Some(Id(11)))
    );
    assert!(problem.message.contains("outside the text"), "{problem}");
    assert!(
        problem.to_string().starts_with("document #10: #11: span"),
        "{problem}"
    );
}

#[test]
fn stored_text_that_differs_from_the_document_is_shown_side_by_side() {
    let text = replace_after(
        &fixture_text(BOGOTA),
        "id: 11,",
        "text: \"Wang Yi\"",
        "text: \"Wang Ye\"",
    );
    let scratch = Scratch::with_text(&text);
    let problems = load_invalid(&scratch);
    let problem = single_problem(&problems, ProblemKind::TextMismatch);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(10)), Some(Id(11)))
    );
    assert!(
        problem.message.contains("\"Wang Yi\"") && problem.message.contains("\"Wang Ye\""),
        "{problem}"
    );
}

#[test]
fn reversed_and_unordered_ranges_are_told_apart() {
    // Mention 12 is 王毅: swap its start and end.
    let base = fixture_text(BOGOTA);
    let at = base.find("id: 12,").expect("mention 12");
    let start = base[at..].find("start: ").expect("start") + at;
    let (s, e) = {
        let nums: Vec<usize> = base[start..]
            .lines()
            .take(2)
            .map(|l| {
                l.trim()
                    .trim_end_matches(',')
                    .rsplit(' ')
                    .next()
                    .expect("n")
                    .parse()
                    .expect("number")
            })
            .collect();
        (nums[0], nums[1])
    };
    let swapped = replace_after(
        &base,
        "id: 12,",
        &format!("start: {s},"),
        &format!("start: {e},"),
    );
    let swapped = replace_after(
        &swapped,
        "id: 12,",
        &format!("end: {e},"),
        &format!("end: {s},"),
    );
    let problems = load_invalid(&Scratch::with_text(&swapped));
    let problem = single_problem(&problems, ProblemKind::ReversedRange);
    assert_eq!(problem.item, Some(Id(12)));

    // Tag 30 has two ranges in text order; listing them the other way round is a problem.
    let at = base.find("id: 30,").expect("tag 30");
    let open = base[at..].find("span: [").expect("span") + at + "span: [".len();
    let close = base[open..]
        .find("\n                    ],")
        .expect("end of span")
        + open;
    let ranges = &base[open..close];
    let mid = ranges.find("),").expect("first range") + 2;
    let reordered = format!(
        "{}{}{}{}",
        &base[..open],
        &ranges[mid..],
        &ranges[..mid],
        &base[close..]
    );
    let problems = load_invalid(&Scratch::with_text(&reordered));
    let problem = single_problem(&problems, ProblemKind::UnorderedRanges);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(10)), Some(Id(30)))
    );
}

#[test]
fn a_dangling_actor_id_names_the_field_and_the_annotation() {
    let text = replace_after(&fixture_text(BOGOTA), "id: 11,", "actor: 2,", "actor: 99,");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::DanglingActor);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(10)), Some(Id(11)))
    );
    assert!(problem.message.contains("actor #99"), "{problem}");
}

#[test]
fn every_kind_of_actor_reference_is_checked() {
    let base = fixture_text(BOGOTA);
    let cases = [
        (
            "id: 2,",
            "affiliation: Some(1)",
            "affiliation: Some(77)",
            None,
            2,
            "affiliation",
        ),
        (
            "id: 20,",
            "speaker: Some(2)",
            "speaker: Some(77)",
            Some(10),
            20,
            "speaker",
        ),
        (
            "id: 24,",
            "committer: Some(1)",
            "committer: Some(77)",
            Some(10),
            24,
            "committer",
        ),
        (
            "id: 25,",
            "                        3,",
            "                        77,",
            Some(10),
            25,
            "addressee",
        ),
        (
            "id: 27,",
            "holder: Some(1)",
            "holder: Some(77)",
            Some(10),
            27,
            "holder",
        ),
        ("id: 29,", "Actor(1)", "Actor(11)", Some(10), 29, "target"),
    ];
    for (anchor, from, to, document, item, field) in cases {
        let text = replace_after(&base, anchor, from, to);
        let problems = load_invalid(&Scratch::with_text(&text));
        let problem = single_problem(&problems, ProblemKind::DanglingActor);
        assert_eq!(
            (problem.document, problem.item),
            (document.map(Id), Some(Id(item)))
        );
        assert!(problem.message.starts_with(field), "{problem}");
    }
}

#[test]
fn a_duplicate_id_is_reported_with_both_owners() {
    // The second document's mention takes the id of a mention in the first.
    let text = replace_after(&fixture_text(BOGOTA), "id: 40,", "id: 41,", "id: 11,");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::DuplicateId);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(40)), Some(Id(11)))
    );
    assert!(
        problem.message.contains("mention of document #10"),
        "{problem}"
    );
}

#[test]
fn ids_are_one_space_across_actors_documents_and_annotations() {
    // Document 40 renumbered to 3, an actor's id.
    let text = replace_after(&fixture_text(BOGOTA), "id: 40,", "id: 40,", "id: 3,");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::DuplicateId);
    assert_eq!(problem.item, Some(Id(3)));
    assert!(problem.message.contains("an actor"), "{problem}");
}

#[test]
fn commitments_stances_and_links_must_point_inside_their_document() {
    let base = fixture_text(BOGOTA);
    let text = replace_after(&base, "id: 43,", "statement: 42,", "statement: 20,");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::MissingStatement);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(40)), Some(Id(43)))
    );

    let text = replace_after(&base, "id: 28,", "statement: 23,", "statement: 19,");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::MissingStatement);
    assert_eq!(problem.item, Some(Id(28)), "a mention is not a statement");

    let text = replace_after(&base, "id: 31,", "to: 28,", "to: 42,");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::MissingLinkEnd);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(10)), Some(Id(31)))
    );
    assert!(problem.message.contains("to #42"), "{problem}");
}

#[test]
fn a_text_edited_outside_demarche_fails_its_fingerprint() {
    // A change of one character that no span covers: only the fingerprint notices.
    let text = fixture_text(BOGOTA).replace("before the end of 2025", "before the end of 2026");
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::FingerprintMismatch);
    assert_eq!((problem.document, problem.item), (Some(Id(40)), None));
}

#[test]
fn codebook_keys_in_use_must_be_in_the_codebook() {
    let text = replace_after(
        &fixture_text(BOGOTA),
        "id: 25,",
        "category: \"AGREE\"",
        "category: \"PROMISE\"",
    );
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::UnknownCodebookKey);
    assert_eq!(problem.item, Some(Id(25)));
    assert!(problem.message.contains("\"PROMISE\""), "{problem}");
    assert!(
        problem.message.contains("Commitment categories"),
        "{problem}"
    );
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let base = fixture_text(BOGOTA);
    let text = replace_after(&base, "id: 11,", "actor: 2,", "actor: 99,");
    let text = replace_after(&text, "id: 14,", "end: ", "end: 9");
    let text = replace_after(&text, "id: 40,", "id: 41,", "id: 16,");
    let text = replace_after(&text, "id: 27,", "polarity: \"favor\"", "polarity: \"pro\"");
    let problems = load_invalid(&Scratch::with_text(&text));
    let mut found: Vec<(ProblemKind, Option<Id>)> =
        problems.iter().map(|p| (p.kind, p.item)).collect();
    found.sort_by_key(|(_, id)| *id);
    assert_eq!(
        found,
        vec![
            (ProblemKind::DanglingActor, Some(Id(11))),
            (ProblemKind::OutOfRange, Some(Id(14))),
            (ProblemKind::DuplicateId, Some(Id(16))),
            (ProblemKind::UnknownCodebookKey, Some(Id(27))),
        ]
    );
}

#[test]
fn a_newer_format_is_refused_naming_both_versions() {
    let text = fixture_text(BOGOTA).replacen("format_version: 4,", "format_version: 5,", 1);
    let scratch = Scratch::with_text(&text);
    let listing = scratch.listing();
    let error = persist::load(&scratch.path).expect_err("newer files are refused");
    match &error {
        LoadError::TooNew {
            found, supported, ..
        } => assert_eq!((*found, *supported), (5, FORMAT_VERSION)),
        other => panic!("expected TooNew, got {other}"),
    }
    let message = error.to_string();
    assert!(
        message.contains("format version 5") && message.contains("up to 4"),
        "{message}"
    );
    assert_eq!(scratch.bytes(), text.as_bytes());
    assert_eq!(scratch.listing(), listing);
}

#[test]
fn a_newer_format_is_refused_even_when_its_content_is_unreadable() {
    // A future version may change anything; the version alone decides.
    let scratch =
        Scratch::with_text("(\n    format_version: 7,\n    hologram: Quantum(1.5e9),\n)\n");
    match persist::load(&scratch.path) {
        Err(LoadError::TooNew { found: 7, .. }) => {}
        other => panic!("expected TooNew, got {other:?}"),
    }
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let text = fixture_text(BOGOTA);
    let line = line_of(&text, "Staff reporter");
    let at = text.find("Staff reporter").expect("byline") + "Staff ".len();
    let mut bytes = text.clone().into_bytes();
    bytes[at] = 0xE9; // "é" in Latin-1, as a mis-encoded copy would have
    let scratch = Scratch::with_bytes(&bytes);
    let problems = load_invalid(&scratch);
    let problem = single_problem(&problems, ProblemKind::NotUtf8);
    let column = 1
        + text
            .lines()
            .nth(line - 1)
            .expect("line")
            .find("Staff")
            .expect("col")
        + "Staff ".len();
    assert_eq!(problem.position, Some((line, column)), "{problem}");
    assert!(problem.message.contains("0xE9"), "{problem}");
}

#[test]
fn a_utf16_file_gets_a_hint() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "(format_version: 2)".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let problems = load_invalid(&Scratch::with_bytes(&bytes));
    let problem = single_problem(&problems, ProblemKind::NotUtf8);
    assert_eq!(problem.position, Some((1, 1)));
    assert!(problem.message.contains("UTF-16"), "{problem}");
}

#[test]
fn a_missing_format_version_is_a_clear_error() {
    let text = fixture_text(BOGOTA).replacen("    format_version: 4,\n", "", 1);
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::MissingVersion);
    assert!(problem.message.contains("format_version"), "{problem}");
}

#[test]
fn format_version_zero_does_not_exist() {
    let text = fixture_text(BOGOTA).replacen("format_version: 4,", "format_version: 0,", 1);
    let problems = load_invalid(&Scratch::with_text(&text));
    single_problem(&problems, ProblemKind::UnknownVersion);
}

#[test]
fn a_file_that_is_not_a_project_at_all_is_refused() {
    for junk in [
        "",
        "\u{0}\u{1}binary\u{2}",
        "{\"format_version\": 2}",
        "[1, 2, 3]",
    ] {
        let problems = load_invalid(&Scratch::with_text(junk));
        assert!(!problems.is_empty(), "{junk:?}");
    }
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("nowhere.ron");
    let error = persist::load(&path).expect_err("no file");
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(error.to_string().contains("nowhere.ron"));
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_are_read_as_usual() {
    // A project copied through a Windows editor: BOM and CR LF between the lines (the
    // document texts themselves are escaped and keep their LF).
    let text = fixture_text(BOGOTA);
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let scratch = Scratch::with_text(&windows);
    let loaded = persist::load(&scratch.path).expect("CR LF project loads");
    assert_eq!(persist::to_canonical_string(&loaded.project), text);
    assert_eq!(
        scratch.bytes(),
        windows.as_bytes(),
        "loading never rewrites"
    );
}

#[test]
fn lists_out_of_id_order_load_sorted() {
    // Swap the two documents, as a hand edit or a merge might.
    let text = fixture_text(BOGOTA);
    let docs_at = text.find("    documents: [\n").expect("documents") + "    documents: [\n".len();
    let second = text
        .find("        (\n            id: 40,")
        .expect("second document");
    let end = text
        .find("\n    ],\n    rejected_suggestions")
        .expect("end of documents")
        + 1;
    let swapped = format!(
        "{}{}{}{}",
        &text[..docs_at],
        &text[second..end],
        &text[docs_at..second],
        &text[end..]
    );
    assert_ne!(swapped, text);
    let loaded = persist::load(&Scratch::with_text(&swapped).path).expect("loads");
    let ids: Vec<Id> = loaded.project.documents.iter().map(|d| d.id).collect();
    assert_eq!(ids, vec![Id(10), Id(40)]);
    assert_eq!(persist::to_canonical_string(&loaded.project), text);
}

#[test]
fn an_unknown_field_is_refused_rather_than_dropped() {
    // A hand edit with a typo: "speakr" would otherwise vanish on the next save.
    let text = replace_after(
        &fixture_text(BOGOTA),
        "id: 20,",
        "speaker: Some(2),",
        "speakr: Some(2),",
    );
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::WrongValue);
    assert_eq!(
        problem.position.map(|(line, _)| line),
        Some(line_of(&text, "speakr"))
    );
    assert!(problem.message.contains("speakr"), "{problem}");
}

/// A document's issuer (the actors it speaks for) is stored after its language, read back,
/// and checked like every other actor reference.
#[test]
fn an_issuer_loads_and_a_dangling_one_is_reported() {
    let base = fixture_text(BOGOTA);
    let with = |ids: &str| {
        replace_after(
            &base,
            "title: \"Joint Statement of China and Colombia\",",
            "language: \"en\",",
            &format!("language: \"en\",\n                issuer: [{ids}],"),
        )
    };
    let scratch = Scratch::with_text(&with("1, 3"));
    let loaded = persist::load(&scratch.path).expect("an issuer of known actors loads");
    let doc = loaded
        .project
        .document(Id(40))
        .expect("the joint statement");
    assert_eq!(doc.meta.issuer, [Id(1), Id(3)]);
    assert!(loaded.project.actor_in_use(Id(3)));
    persist::save(&loaded.project, &scratch.path).expect("saved");
    let again = persist::load(&scratch.path).expect("reloads");
    assert_eq!(
        again.project.document(Id(40)).expect("doc").meta.issuer,
        [Id(1), Id(3)]
    );

    let problems = load_invalid(&Scratch::with_text(&with("1, 99")));
    let problem = single_problem(&problems, ProblemKind::DanglingActor);
    assert_eq!(
        (problem.document, problem.item),
        (Some(Id(40)), Some(Id(40)))
    );
    assert!(problem.message.contains("issuer"), "{problem}");
}
