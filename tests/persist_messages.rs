//! What a project file that does not load is told: the file's own terms (fields, lists,
//! texts in quotes), never the program's type names; "the file ends early at line L"
//! wherever a file was cut; and how to fix a file saved in another encoding.

use crate::persist_support::{
    BOGOTA, Scratch, fixture, fixture_text, load_invalid, replace_after, single_problem,
};
use demarche::persist::{self, LoadError, Problem, ProblemKind};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/project-files/demo.ron");
const V1: &str = "v1-minimal.ron";

/// The Rust types behind the project file: their names mean nothing to its reader.
const TYPE_NAMES: &[&str] = &[
    "VersionOnly",
    "Project",
    "ProjectV1",
    "ProjectMeta",
    "Codebook",
    "CodebookV1",
    "CodebookEntry",
    "Actor",
    "ActorV1",
    "Rgb",
    "Document",
    "DocumentV1",
    "DocumentMeta",
    "Origin",
    "Mention",
    "Statement",
    "Commitment",
    "Stance",
    "StanceTarget",
    "Tag",
    "Link",
    "Stamp",
    "RejectedSuggestion",
    "Span",
    "TextRange",
    "DocStatus",
    "LineEndings",
    "Id",
    "struct",
    "enum",
    "ron",
    "RON",
];

/// Asserts that a message names no type, outside the `quoted` spelling of the file itself.
fn assert_in_the_files_terms(problem: &Problem) {
    let message = &problem.message;
    let outside_quotes: String = message.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    for word in outside_quotes.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        assert!(
            !TYPE_NAMES.contains(&word),
            "{word:?} is a type name, not the file's term: {message}"
        );
    }
    assert!(!message.is_empty());
}

fn only_problem(text: &str) -> Problem {
    let problems = load_invalid(&Scratch::with_text(text));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = problems.into_iter().next().expect("one problem");
    assert_in_the_files_terms(&problem);
    problem
}

#[test]
fn an_empty_file_ends_early_at_line_one_and_names_no_type() {
    let problem = only_problem("");
    assert_eq!(problem.kind, ProblemKind::Truncated);
    assert!(
        problem.message.contains("the file ends early at line 1"),
        "{problem}"
    );
    assert!(problem.message.contains("empty"), "{problem}");
}

#[test]
fn malformed_files_are_told_in_the_files_terms() {
    let bogota = fixture_text(BOGOTA);
    let cases: Vec<(String, &str)> = vec![
        ("[1, 2, 3]".into(), "expected `(` here, opening the project"),
        ("{\"format_version\": 2}".into(), "`(`"),
        (
            "(format_version: 2)".into(),
            "the project lacks its field `meta`",
        ),
        (
            replace_after(&bogota, "id: 20,", "speaker: Some(2),", "speakr: Some(2),"),
            "unknown field `speakr` in a statement (did you mean `speaker`?)",
        ),
        (
            replace_after(&bogota, "id: 29,", "Actor(1)", "Actr(1)"),
            "(did you mean `Actor`?)",
        ),
        (
            replace_after(&bogota, "id: 11,", "actor: 2,", "actor: \"two\","),
            "expected a whole number here",
        ),
        (
            replace_after(
                &bogota,
                "id: 20,",
                "speaker: Some(2),",
                "speaker: Some(2), speaker: None,",
            ),
            "the field `speaker` appears twice in a statement",
        ),
        (
            replace_after(&bogota, "id: 10,", "\": InProgress", "\": Underway"),
            "`Underway` is not one of the values allowed here",
        ),
        (
            replace_after(&bogota, "", "colour: \"#e15759\"", "colour: \"red\""),
            "colour \"red\"",
        ),
        (
            replace_after(&bogota, "", "meta: (", "meta: 5, old_meta: ("),
            "the project's `meta`",
        ),
        (
            replace_after(&bogota, "", "documents: [", "documents: 5, old: ["),
            "expected `[` here, opening a list",
        ),
        (format!("{bogota}x"), "after the end of the project"),
        (
            replace_after(
                &fixture_text(V1),
                "",
                "format_version: 1,",
                "format_version: 1, colour: 3,",
            ),
            "unknown field `colour` in the project",
        ),
    ];
    for (text, expected) in cases {
        let problem = only_problem(&text);
        assert!(
            problem.message.contains(expected),
            "expected {expected:?} in: {problem}"
        );
        assert_ne!(problem.kind, ProblemKind::Truncated, "{problem}");
    }
}

/// What loading `cut` (a project file cut short) must say. Only a cut inside a character
/// goes through the disk: the text of the others is parsed as `load` would.
fn assert_ends_early(scratch: &Scratch, cut: &[u8]) {
    let lines = String::from_utf8_lossy(cut).lines().count().max(1);
    let expected = format!("the file ends early at line {lines}");
    let loaded = match std::str::from_utf8(cut) {
        Ok(text) => persist::from_str(text, &scratch.path),
        Err(_) => {
            std::fs::write(&scratch.path, cut).expect("write the cut file");
            persist::load(&scratch.path)
        }
    };
    let problems = match loaded {
        Err(LoadError::Invalid { problems, .. }) => problems,
        other => panic!("a file cut at byte {} must not load: {other:?}", cut.len()),
    };
    let problem = single_problem(&problems, ProblemKind::Truncated);
    assert!(
        problem.message.contains(&expected),
        "cut at byte {} (…{:?}): {problem}",
        cut.len(),
        String::from_utf8_lossy(&cut[cut.len().saturating_sub(40)..])
    );
    assert_eq!(problem.position.map(|(line, _)| line), Some(lines));
    assert_in_the_files_terms(problem);
}

/// Cuts at `points` of `bytes` (offsets before the project's closing parenthesis).
fn assert_every_cut_ends_early(bytes: &[u8], points: impl Iterator<Item = usize>) -> usize {
    let end = bytes
        .iter()
        .rposition(|&b| b == b')')
        .expect("a project ends with `)`");
    let scratch = Scratch::with_bytes(b"");
    let mut count = 0;
    for at in points.take_while(|&at| at <= end) {
        assert_ends_early(&scratch, &bytes[..at]);
        count += 1;
    }
    count
}

#[test]
fn a_small_project_cut_at_every_byte_ends_early_where_it_is_cut() {
    // The old-format fixture migrated: every kind of annotation in a few kilobytes.
    let mut project = persist::load(&fixture(V1)).expect("fixture loads").project;
    project.meta.name = "Engagements de Genève — 日内瓦".to_owned();
    let text = persist::to_canonical_string(&project);
    assert!(!text.is_ascii(), "the cuts must fall inside characters too");
    let cuts = assert_every_cut_ends_early(text.as_bytes(), 0..);
    assert!(cuts > 1000, "{cuts}");
}

#[test]
fn an_old_format_project_cut_at_every_byte_ends_early_too() {
    let text = fixture_text(V1);
    assert_every_cut_ends_early(text.as_bytes(), 0..);
}

#[test]
fn the_fixtures_cut_at_hundreds_of_points_end_early() {
    for path in [fixture(BOGOTA), DEMO.into()] {
        let bytes = std::fs::read(&path).expect("read the project");
        // Spread over the whole file, at a step that falls on every kind of place.
        let step = bytes.len() / 397;
        let cuts = assert_every_cut_ends_early(&bytes, (0..).map(|i| i * step + i % 11));
        assert!(cuts >= 390, "{cuts} cuts of {}", path.display());
    }
}

#[test]
fn a_file_cut_inside_a_chinese_character_ends_early() {
    let text = fixture_text(BOGOTA);
    let at = text.find('王').expect("a Han character") + 1;
    let scratch = Scratch::with_bytes(b"");
    assert_ends_early(&scratch, &text.as_bytes()[..at]);
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let bom = bom.then_some('\u{feff}');
    bom.into_iter()
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn a_project_saved_as_utf16_says_so_with_or_without_a_byte_order_mark() {
    let text = fixture_text(BOGOTA);
    for (big_endian, bom) in [(false, false), (true, false), (false, true), (true, true)] {
        let problems = load_invalid(&Scratch::with_bytes(&utf16(&text, big_endian, bom)));
        let problem = single_problem(&problems, ProblemKind::NotUtf8);
        assert!(
            problem
                .message
                .contains("saved as UTF-16; save it as UTF-8"),
            "big endian {big_endian}, BOM {bom}: {problem}"
        );
    }
}

#[test]
fn a_project_saved_as_utf32_or_latin1_says_so() {
    let text = fixture_text(BOGOTA);
    let utf32: Vec<u8> = "\u{feff}"
        .chars()
        .chain(text.chars())
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let problems = load_invalid(&Scratch::with_bytes(&utf32));
    let problem = single_problem(&problems, ProblemKind::NotUtf8);
    assert!(
        problem
            .message
            .contains("saved as UTF-32; save it as UTF-8"),
        "{problem}"
    );

    let latin1 = b"(\n    format_version: 2,\n    meta: (\n        name: \"Visite \xE0 Bogot\xE1 : le caf\xE9 de la r\xE9publique\",\n    ),\n)\n";
    let problems = load_invalid(&Scratch::with_bytes(latin1));
    let problem = single_problem(&problems, ProblemKind::NotUtf8);
    assert_eq!(problem.position, Some((4, 23)), "{problem}");
    assert!(
        problem
            .message
            .contains("saved as windows-1252; save it as UTF-8"),
        "{problem}"
    );
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    // Without a leading format_version the whole file is scanned for one, skipping
    // every other value however deep it goes.
    let deep_lists = format!("(\n    meta: {}", "[".repeat(100_000));
    let problem = only_problem(&deep_lists);
    assert!(problem.message.contains("nested far deeper"), "{problem}");

    let deep_comments = format!("(\n    format_version: 2,\n{}", "/*".repeat(100_000));
    let problem = only_problem(&deep_comments);
    assert_eq!(problem.kind, ProblemKind::Truncated, "{problem}");
    assert!(
        problem.message.contains("inside a /* comment */"),
        "{problem}"
    );
}
