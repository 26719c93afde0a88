//! Round trips: project → brat → project and project → doccano JSONL → project keep
//! everything those formats can carry (all but ids, stamps and document metadata).

use crate::export_fixture;

use demarche::export::{self, Format};
use demarche::interchange::{self, flat::describe};
use demarche::model::Project;

fn descriptions(p: &Project) -> Vec<Vec<String>> {
    p.documents.iter().map(|d| describe(p, d)).collect()
}

fn texts(p: &Project) -> Vec<&str> {
    p.documents.iter().map(|d| d.text()).collect()
}

#[test]
fn project_to_brat_and_back_is_identical_in_what_brat_carries() {
    let original = export_fixture::project();
    let dir = tempfile::tempdir().unwrap();
    export::export(&original, Format::Brat, dir.path(), &mut |_| {}).unwrap();

    let mut back = Project::new("back");
    let report = interchange::import_brat(&mut back, dir.path(), "ana").unwrap();
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(report.documents, 3);
    assert_eq!(texts(&back), texts(&original));
    assert_eq!(descriptions(&back), descriptions(&original));
    // Actors come back with their kinds and codes.
    let china = back.actor_by_name("China").unwrap();
    assert_eq!(
        (china.kind.as_str(), china.iso3.as_deref()),
        ("state", Some("CHN"))
    );
    assert_eq!(
        back.actor_by_name("Wang Yi").unwrap().wikidata.as_deref(),
        Some("Q22101")
    );
    assert!(
        demarche::persist::validate(&back).is_empty(),
        "{:?}",
        demarche::persist::validate(&back)
    );
}

#[test]
fn project_to_jsonl_and_back_is_identical_in_what_doccano_carries() {
    let original = export_fixture::project();
    let dir = tempfile::tempdir().unwrap();
    export::export(&original, Format::Jsonl, dir.path(), &mut |_| {}).unwrap();

    let mut back = Project::new("back");
    let report =
        interchange::import_jsonl(&mut back, &dir.path().join("doccano.jsonl"), "ana").unwrap();
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(texts(&back), texts(&original));
    assert_eq!(descriptions(&back), descriptions(&original));
    assert_eq!(back.documents[1].meta.title, "习近平会见墨西哥总统");
}

#[test]
fn plain_jsonl_keeps_every_span_with_its_label() {
    let original = export_fixture::project();
    let dir = tempfile::tempdir().unwrap();
    export::export(&original, Format::Jsonl, dir.path(), &mut |_| {}).unwrap();
    let mut back = Project::new("back");
    interchange::import_jsonl(&mut back, &dir.path().join("doccano_labels.jsonl"), "ana").unwrap();
    let doc = &back.documents[0];
    let orig = &original.documents[0];
    // Mentions come back as mentions (actors by their text); everything else as tags.
    assert_eq!(doc.mentions.len(), orig.mentions.len());
    for (a, b) in doc.mentions.iter().zip(&orig.mentions) {
        assert_eq!(a.span, b.span);
    }
    // Statements come back one per range; commitments (no relation to their statement in
    // the plain form) as tags labelled "Commitment", one per range of their statement.
    let pieces = |id| {
        orig.statements
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .span
            .ranges
            .len()
    };
    let statement_pieces: usize = orig.statements.iter().map(|s| s.span.ranges.len()).sum();
    assert_eq!(doc.statements.len(), statement_pieces);
    let commitment_pieces: usize = orig.commitments.iter().map(|c| pieces(c.statement)).sum();
    let tagged = doc
        .tags
        .iter()
        .filter(|t| t.category == "Commitment")
        .count();
    assert_eq!(tagged, commitment_pieces);
}
