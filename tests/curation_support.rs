//! A project two analysts coded alike except for one commitment's strength: what the
//! curation tests start from.

use demarche::model::{Annotation, Document, Id, Project, Stamp};
use demarche::persist;
use std::path::Path;

pub const ALICE: &str = "alice";
pub const BOB: &str = "bob";

/// The demo's first document with a commitment, coded by alice and bob: the same
/// mentions, the same statement, and on it one commitment each that differs only in its
/// strength (alice "certain", bob "probable"). Returns the project and the document id.
pub fn two_analysts() -> (Project, Id) {
    let demo_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("project-files/demo.ron");
    let demo = persist::load(&demo_path).expect("demo").project;
    let source = demo
        .documents
        .iter()
        .find(|d| !d.commitments.is_empty())
        .expect("a document with a commitment");
    let commitment = source.commitments[0].clone();
    let statement = source
        .statements
        .iter()
        .find(|s| s.id == commitment.statement)
        .expect("its statement")
        .clone();
    let mut project = Project::new("two analysts");
    project.codebook = demo.codebook.clone();
    project.actors = demo.actors.clone();
    let mut doc = Document::new(
        source.id,
        source.meta.clone(),
        source.origin.clone(),
        source.text().to_owned(),
    );
    doc.meta.progress.clear();
    project.documents.push(doc);
    let document = source.id;
    for analyst in [ALICE, BOB] {
        let mut ids = project.id_allocator(analyst);
        let mut edits = Vec::new();
        for m in &source.mentions {
            let mut m = m.clone();
            m.id = ids.fresh().expect("id");
            m.stamp = Stamp::now(analyst);
            edits.push(Annotation::Mention(m));
        }
        let mut s = statement.clone();
        s.id = ids.fresh().expect("id");
        s.stamp = Stamp::now(analyst);
        let mut c = commitment.clone();
        c.id = ids.fresh().expect("id");
        c.statement = s.id;
        c.stamp = Stamp::now(analyst);
        c.strength = if analyst == ALICE {
            "certain"
        } else {
            "probable"
        }
        .into();
        edits.push(Annotation::Statement(s));
        edits.push(Annotation::Commitment(c));
        for annotation in edits {
            demarche::edit::Edit::AddAnnotation {
                document,
                annotation,
            }
            .apply(&mut project)
            .expect("coded");
        }
    }
    (project, document)
}
