//! Format version 1 files load through the migration to the current format.

use crate::persist_support;

use demarche::model::{CodebookList, DocStatus, FORMAT_VERSION, Id, Rgb, StanceTarget};
use demarche::persist::{self, ProblemKind};
use persist_support::{Scratch, fixture, fixture_text, load_invalid, single_problem};

const V1: &str = "v1-minimal.ron";

#[test]
fn a_version_1_file_loads_migrated_and_valid() {
    let loaded = persist::load(&fixture(V1)).expect("the v1 fixture loads");
    assert_eq!(loaded.migrated_from, Some(1));
    let project = &loaded.project;
    assert_eq!(project.format_version, FORMAT_VERSION);
    assert!(persist::validate(project).is_empty());
    assert_eq!(
        project.counts().to_string(),
        "1 document, 3 actors, 5 mentions, 2 statements (1 commitment, 2 stances)"
    );

    // `color` became `colour`; the CJK alias survived.
    let kamikawa = project.actor(Id(2)).expect("actor 2");
    assert_eq!(kamikawa.colour, Rgb([0x4e, 0x79, 0xa7]));
    assert!(kamikawa.aliases.iter().any(|a| a == "上川陽子"));

    let doc = project.document(Id(4)).expect("document 4");
    assert!(doc.fingerprint().starts_with("sha256:8848d847"));
    // One-range spans became span lists, still covering the same text.
    let mention = &doc.mentions[0];
    assert_eq!(mention.span.ranges.len(), 1);
    assert_eq!(mention.span.text(), "上川陽子");
    assert_eq!(
        doc.slice(mention.span.start(), mention.span.end()),
        Some("上川陽子")
    );
    let statement = &doc.statements[0];
    assert_eq!(
        statement.cue.as_ref().map(|c| c.text()).as_deref(),
        Some("said")
    );
    // `annotator` and `created` became a stamp, never modified since.
    assert_eq!(statement.stamp.annotator, "Mariko Sato");
    assert_eq!(statement.stamp.created, statement.stamp.modified);
    // New fields get their neutral values.
    assert_eq!(doc.commitments[0].time_horizon, "unspecified");
    assert_eq!(
        doc.stances[1].target,
        Some(StanceTarget::Topic("humanitarian_aid".into()))
    );
    assert!(
        !project.codebook.list(CodebookList::LinkTypes).is_empty(),
        "link types come from the default codebook"
    );
    assert!(doc.links.is_empty());
    assert_eq!(
        doc.tags[0].note,
        "Check against the ministry’s\n“press release”."
    );
}

#[test]
fn migrating_never_rewrites_the_old_file_but_saving_writes_the_current_version() {
    let text = fixture_text(V1);
    let scratch = Scratch::with_text(&text);
    let loaded = persist::load(&scratch.path).expect("loads");
    assert_eq!(
        scratch.bytes(),
        text.as_bytes(),
        "loading leaves the v1 file alone"
    );
    assert_eq!(scratch.listing(), vec!["project.ron"]);

    persist::save(&loaded.project, &scratch.path).expect("saves");
    let saved = String::from_utf8(scratch.bytes()).expect("UTF-8");
    assert!(saved.starts_with("(\n    format_version: 4,\n"));
    let backup = scratch.dir.path().join("project.ron.bak");
    assert_eq!(
        std::fs::read_to_string(backup).expect("backup"),
        text,
        "the v1 file is kept"
    );
    let again = persist::load(&scratch.path).expect("the migrated file loads");
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.project, loaded.project);
}

#[test]
fn a_version_1_text_that_does_not_match_its_fingerprint_is_reported() {
    let text = fixture_text(V1).replace("$20 million in new aid.", "$25 million in new aid.");
    let problems = load_invalid(&Scratch::with_text(&text));
    // The tag over "$20 million" no longer matches either.
    let fingerprint = problems
        .iter()
        .find(|p| p.kind == ProblemKind::FingerprintMismatch)
        .expect("fingerprint problem");
    assert_eq!(fingerprint.document, Some(Id(4)));
    let mismatch = problems
        .iter()
        .find(|p| p.kind == ProblemKind::TextMismatch)
        .expect("span problem");
    assert_eq!(mismatch.item, Some(Id(15)));
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn a_version_1_file_with_version_2_fields_is_a_wrong_value() {
    // A v2-style span list where v1 expects one range: reported, not guessed at.
    let text = fixture_text(V1).replacen(
        "span: (start: 53, end: 57, text: \"上川陽子\")",
        "span: [(start: 53, end: 57, text: \"上川陽子\")]",
        1,
    );
    let problems = load_invalid(&Scratch::with_text(&text));
    let problem = single_problem(&problems, ProblemKind::WrongValue);
    let line = 1 + text[..text.find("span: [(").expect("edited")]
        .matches('\n')
        .count();
    assert_eq!(problem.position.map(|(l, _)| l), Some(line), "{problem}");
}

/// Format 2 had one status per document and rejections without an analyst: both go to
/// the analysts who coded the document, and the v2 file itself is never rewritten.
#[test]
fn a_version_2_file_gives_statuses_and_rejections_to_the_analysts_who_coded() {
    const V2: &str = "v2-bogota-visit.ron";
    let before = std::fs::read(fixture(V2)).expect("the v2 fixture");
    let loaded = persist::load(&fixture(V2)).expect("the v2 fixture loads");
    assert_eq!(loaded.migrated_from, Some(2));
    let project = &loaded.project;
    assert!(persist::validate(project).is_empty());
    let visit = project.document(Id(10)).expect("document 10");
    let coders: std::collections::BTreeSet<&str> = visit.annotators().collect();
    assert_eq!(coders.len(), 2, "two analysts coded the visit: {coders:?}");
    for analyst in &coders {
        assert_eq!(visit.meta.status_of(analyst), DocStatus::InProgress);
        assert!(
            project
                .rejected_suggestions
                .iter()
                .any(|r| r.document == Id(10) && r.analyst == *analyst),
            "{analyst} keeps the rejection"
        );
    }
    assert_eq!(visit.meta.status_of("someone else"), DocStatus::Todo);
    assert_eq!(project.analysts().len(), 2);
    assert_eq!(std::fs::read(fixture(V2)).expect("reread"), before);
    // The migrated project is the current fixture, byte for byte.
    assert_eq!(
        persist::to_canonical_string(project),
        fixture_text("bogota-visit.ron")
    );
}
