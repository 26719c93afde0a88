//! brat standoff export; the format itself lives in [`crate::interchange::brat`].

use super::{ExportError, Progress, Sink, document_file_stem};
use crate::interchange::{brat, flat};
use crate::model::Project;

pub(super) fn write(
    project: &Project,
    sink: &mut Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ExportError> {
    let total = project.documents.len();
    let mut flats = Vec::with_capacity(total);
    for (n, doc) in project.documents.iter().enumerate() {
        let stem = document_file_stem(doc);
        let flat = flat::flatten(project, doc);
        for link in flat::unflattenable_links(doc) {
            sink.left_out(format!(
                "{stem}: link {} ({}) joins a link, which brat relations cannot",
                link.id, link.label
            ));
        }
        sink.write(&format!("{stem}.txt"), doc.text().as_bytes())?;
        sink.write(
            &format!("{stem}.ann"),
            brat::write_ann(&flat, doc.text()).as_bytes(),
        )?;
        flats.push(flat);
        progress(Progress { done: n + 1, total });
    }
    sink.write(
        "annotation.conf",
        brat::annotation_conf(project, &flats).as_bytes(),
    )?;
    sink.write("visual.conf", brat::visual_conf(project, &flats).as_bytes())?;
    Ok(())
}
