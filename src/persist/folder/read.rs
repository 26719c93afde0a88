//! Reading the part files of a folder in parallel.
//!
//! Written with `std::thread::scope` and a shared counter rather than rayon: rayon is
//! not in the dependency tree, and this is the whole of what is needed — each thread takes
//! the next file until none is left, which keeps both cores busy when one document is far
//! larger than the others.

use super::parts::{Part, parse_part};
use crate::model::Document;
use crate::persist::{DiskState, Problem, ProblemKind, encoding};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One part file read: its content's state and what it holds, or why it cannot be used.
pub(super) struct ReadPart {
    pub relative: PathBuf,
    pub result: Result<(Content, DiskState), Problem>,
}

/// What a part file holds. A document is made ready here, in the reading thread: its
/// code-point index (which validation needs) is built in parallel with the others.
// Unboxed: each value lives only until it is moved into the project, and a box would
// cost one more allocation per document of a large folder.
#[allow(clippy::large_enum_variant)]
pub(super) enum Content {
    Document(Document),
    Other(Part),
}

/// Reads and parses every file of `relatives` (relative to `dir`), in that order.
pub(super) fn read_parts(dir: &Path, relatives: &[PathBuf]) -> Vec<ReadPart> {
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(relatives.len().max(1));
    let next = AtomicUsize::new(0);
    let mut read: Vec<(usize, ReadPart)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(relative) = relatives.get(i) else {
                            break;
                        };
                        mine.push((i, read_part(dir, relative)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(parts) => parts,
                // A panic while parsing is a bug; it is reported, not swallowed.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    read.sort_by_key(|(i, _)| *i);
    read.into_iter().map(|(_, part)| part).collect()
}

/// Reads and parses one part file.
pub(super) fn read_part(dir: &Path, relative: &Path) -> ReadPart {
    ReadPart {
        relative: relative.to_owned(),
        result: read_and_parse(&dir.join(relative), relative),
    }
}

fn read_and_parse(path: &Path, relative: &Path) -> Result<(Content, DiskState), Problem> {
    let unreadable = |e: std::io::Error| {
        Problem::of(
            ProblemKind::Unreadable,
            None,
            None,
            format!("cannot be read: {e}"),
        )
        .in_file(relative)
    };
    // Taken before the bytes, as for a single file (see `persist::load`).
    let modified = std::fs::metadata(path).map_err(unreadable)?.modified().ok();
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let disk = DiskState::of_bytes(&bytes, modified);
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            return Err(encoding::not_utf8_problem(e.as_bytes(), valid_up_to).in_file(relative));
        }
    };
    let part = parse_part(relative, &text).map_err(|p| match encoding::nul_problem(&text) {
        Some(nul) => nul.in_file(relative),
        None => p,
    })?;
    drop(text);
    let content = match part {
        Part::Document(d) => {
            let document = Document::from_stored(d.id, d.meta, d.origin, d.fingerprint, d.text);
            document.index();
            Content::Document(document)
        }
        other => Content::Other(other),
    };
    Ok((content, disk))
}
