//! The whole project as one JSON document: the same structure as the project file (see
//! the README's schema), each document object carrying its `id` and full `text`.

use super::{ExportError, Sink};
use crate::model::Project;
use std::io::Write;

pub(super) fn write(project: &Project, sink: &mut Sink) -> Result<(), ExportError> {
    let name = "project.json";
    let mut w = sink.create(name)?;
    serde_json::to_writer_pretty(&mut w, project)?;
    w.write_all(b"\n")
        .and_then(|()| w.flush())
        .map_err(|e| sink.io(name, e))
}
