//! A document's issuer (who speaks in its own voice) goes out with every export that
//! carries document metadata: CSV's documents table, the doccano lines, the QDPX source
//! description and the HTML report.

use demarche::edit::Edit;
use demarche::model::{Actor, Project};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

#[test]
fn the_issuer_is_in_every_export_with_document_metadata() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut project = Project::new("issuers");
    let mut ids = project.id_allocator("ana");
    let (us, japan) = (ids.fresh().expect("id"), ids.fresh().expect("id"));
    for (id, name) in [(us, "United States"), (japan, "Japan")] {
        Edit::AddActor(Actor::new(id, name, "state"))
            .apply(&mut project)
            .expect("a new actor");
    }
    let doc_id = ids.fresh().expect("id");
    let mut doc = demarche::import::import_bytes(
        "Joint Statement\n\nThe two sides agreed to expand trade.\n".as_bytes(),
        Some("joint.txt"),
        doc_id,
    )
    .expect("imports");
    doc.meta.issuer = vec![us, japan];
    Edit::AddDocument(Box::new(doc))
        .apply(&mut project)
        .expect("a new document");
    let file = dir.path().join("p.ron");
    demarche::persist::save(&project, &file).expect("saved");

    for (format, file_name) in [
        ("csv", "documents.csv"),
        ("jsonl", "doccano.jsonl"),
        ("html", "report.html"),
    ] {
        let out = dir.path().join(format);
        let status = Command::new(BIN)
            .args(["export", "--format", format, "--out"])
            .arg(&out)
            .arg(&file)
            .status()
            .expect("demarche runs");
        assert!(status.success(), "{format}");
        let written = std::fs::read_to_string(out.join(file_name))
            .unwrap_or_else(|e| panic!("{format}: {file_name}: {e}"));
        assert!(
            written.contains("United States; Japan"),
            "{format}: no issuer in {written}"
        );
    }

    let out = dir.path().join("qdpx");
    let status = Command::new(BIN)
        .args(["export", "--format", "qdpx", "--out"])
        .arg(&out)
        .arg(&file)
        .status()
        .expect("demarche runs");
    assert!(status.success());
    let archive = std::fs::read_dir(&out)
        .expect("written")
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "qdpx"))
        .expect("a .qdpx file");
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(archive.path()).expect("opens")).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("project.qde").expect("project.qde"),
        &mut xml,
    )
    .expect("UTF-8");
    assert!(xml.contains("Issuer: United States; Japan"), "{xml}");
}
