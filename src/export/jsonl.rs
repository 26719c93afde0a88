//! doccano JSONL export, in the relation form and the plain form; the format itself lives
//! in [`crate::interchange::jsonl`].

use super::{ExportError, Progress, Sink};
use crate::interchange::{flat, jsonl};
use crate::model::Project;
use std::io::Write;

pub(super) fn write(
    project: &Project,
    sink: &mut Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ExportError> {
    let (rel_name, plain_name) = ("doccano.jsonl", "doccano_labels.jsonl");
    let mut relations = sink.create(rel_name)?;
    let mut plain = sink.create(plain_name)?;
    let total = project.documents.len();
    for (n, doc) in project.documents.iter().enumerate() {
        let flat = flat::flatten(project, doc);
        for link in flat::unflattenable_links(doc) {
            sink.left_out(format!(
                "document {}: link {} ({}) joins a link, which doccano relations cannot",
                doc.id, link.id, link.label
            ));
        }
        let title = &doc.meta.title;
        serde_json::to_writer(
            &mut relations,
            &jsonl::relation_line(doc.id.0, title, doc.text(), &flat),
        )?;
        relations
            .write_all(b"\n")
            .map_err(|e| sink.io(rel_name, e))?;
        serde_json::to_writer(
            &mut plain,
            &jsonl::plain_line(doc.id.0, title, doc.text(), &flat),
        )?;
        plain.write_all(b"\n").map_err(|e| sink.io(plain_name, e))?;
        progress(Progress { done: n + 1, total });
    }
    relations.flush().map_err(|e| sink.io(rel_name, e))?;
    plain.flush().map_err(|e| sink.io(plain_name, e))?;
    Ok(())
}
