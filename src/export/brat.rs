//! brat standoff export; the format itself lives in [`crate::interchange::brat`].
//!
//! brat has no annotator field: teams give each annotator a folder of the same documents.
//! So a project coded by one analyst is written as one folder, as always, and a project
//! coded by several gets a folder per analyst (`folder_name(analyst)/NAME.txt` and
//! `NAME.ann`, every document in each), with `annotation.conf` and `visual.conf` at the
//! top, where brat finds them for every subfolder.

use super::{ExportError, Progress, Sink, document_file_stem};
use crate::interchange::{brat, flat};
use crate::model::Project;
use crate::model::analyst::folder_name;
use crate::model::layers::layer_document;
use std::collections::BTreeSet;

pub(super) fn write(
    project: &Project,
    sink: &mut Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ExportError> {
    let analysts: BTreeSet<&str> = project
        .documents
        .iter()
        .flat_map(|d| d.annotators())
        .collect();
    let folders: Vec<(Option<&str>, String)> = if analysts.len() > 1 {
        analysts
            .iter()
            .map(|&a| (Some(a), format!("{}/", folder_name(a))))
            .collect()
    } else {
        vec![(None, String::new())]
    };
    let total = project.documents.len();
    let mut flats = Vec::with_capacity(total * folders.len());
    for (n, whole) in project.documents.iter().enumerate() {
        let stem = document_file_stem(whole);
        for (analyst, folder) in &folders {
            let layer;
            let doc = match analyst {
                Some(name) => {
                    layer = layer_document(whole, name);
                    &layer
                }
                None => whole,
            };
            let flat = flat::flatten(project, doc);
            for link in flat::unflattenable_links(doc) {
                sink.left_out(format!(
                    "{folder}{stem}: link {} ({}) joins a link, which brat relations cannot",
                    link.id, link.label
                ));
            }
            sink.write(&format!("{folder}{stem}.txt"), doc.text().as_bytes())?;
            sink.write(
                &format!("{folder}{stem}.ann"),
                brat::write_ann(&flat, doc.text()).as_bytes(),
            )?;
            flats.push(flat);
        }
        progress(Progress { done: n + 1, total });
    }
    sink.write(
        "annotation.conf",
        brat::annotation_conf(project, &flats).as_bytes(),
    )?;
    sink.write("visual.conf", brat::visual_conf(project, &flats).as_bytes())?;
    Ok(())
}
