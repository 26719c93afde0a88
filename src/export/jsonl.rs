//! doccano JSONL export, in the relation form and the plain form; the format itself lives
//! in [`crate::interchange::jsonl`]. Each line is one analyst's layer on one document,
//! named by its `analyst` key (as doccano exports one file per user); a document nobody
//! coded is one line without it.

use super::{ExportError, Progress, Sink};
use crate::interchange::{flat, jsonl};
use crate::model::Project;
use crate::model::layers::{layer_document, layer_names};
use serde_json::Value;
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
    for (n, whole) in project.documents.iter().enumerate() {
        let names = layer_names(whole);
        let layers: Vec<(Option<&str>, std::borrow::Cow<'_, _>)> = match names.as_slice() {
            [] => vec![(None, std::borrow::Cow::Borrowed(whole))],
            [one] => vec![(Some(*one), std::borrow::Cow::Borrowed(whole))],
            many => many
                .iter()
                .map(|&name| {
                    (
                        Some(name),
                        std::borrow::Cow::Owned(layer_document(whole, name)),
                    )
                })
                .collect(),
        };
        for (analyst, doc) in layers {
            let flat = flat::flatten(project, &doc);
            for link in flat::unflattenable_links(&doc) {
                sink.left_out(format!(
                    "document {}: link {} ({}) joins a link, which doccano relations cannot",
                    doc.id, link.id, link.label
                ));
            }
            let title = &doc.meta.title;
            let issuer = project.issuer_names(whole);
            let named = |mut line: Value| {
                if let Value::Object(map) = &mut line {
                    if let Some(name) = analyst.filter(|n| !n.is_empty()) {
                        map.insert("analyst".into(), Value::String(name.to_owned()));
                    }
                    // doccano keeps keys it does not know as the document's metadata.
                    if !issuer.is_empty() {
                        map.insert("issuer".into(), Value::String(issuer.clone()));
                    }
                }
                line
            };
            serde_json::to_writer(
                &mut relations,
                &named(jsonl::relation_line(doc.id.0, title, doc.text(), &flat)),
            )?;
            relations
                .write_all(b"\n")
                .map_err(|e| sink.io(rel_name, e))?;
            serde_json::to_writer(
                &mut plain,
                &named(jsonl::plain_line(doc.id.0, title, doc.text(), &flat)),
            )?;
            plain.write_all(b"\n").map_err(|e| sink.io(plain_name, e))?;
        }
        progress(Progress { done: n + 1, total });
    }
    relations.flush().map_err(|e| sink.io(rel_name, e))?;
    plain.flush().map_err(|e| sink.io(plain_name, e))?;
    Ok(())
}
