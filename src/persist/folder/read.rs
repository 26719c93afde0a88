//! Reading the part files of a folder in parallel.
//!
//! Written with `std::thread::scope` and a shared counter rather than rayon: rayon is
//! not in the dependency tree, and this is the whole of what is needed.

use super::assemble;
use super::parts::{LayerPart, Part, parse_part};
use crate::model::{Document, RejectedSuggestion};
use crate::persist::validate::{self, DocumentContext};
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
    in_parallel(relatives, |relative| read_part(dir, relative))
}

/// `work` on every item, on every core; results in the items' order.
///
/// Each thread takes the next item until none is left, which keeps both cores busy when
/// one item is far larger than the others.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break;
                        };
                        mine.push((i, work(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(results) => results,
                // A panic while parsing is a bug; it is reported, not swallowed.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
}

/// A document file and the layer files beside it (the same stem), by their index in the
/// folder's sorted list of parts.
pub(super) struct Group {
    pub document: usize,
    pub layers: Vec<usize>,
}

/// A document with the layers beside it merged in by the thread that read it, so that
/// merging, sorting and checking each document overlap with reading the others.
pub(super) struct ReadDocument {
    pub index: usize,
    pub disk: DiskState,
    pub document: Document,
    /// The layers merged in: index of the file, its state, whose layer it is.
    pub layers: Vec<(usize, DiskState, String)>,
    pub rejected: Vec<RejectedSuggestion>,
    /// Whether the document passed every check that concerns it alone (see
    /// [`validate::document_passes`]) with every layer beside it merged.
    pub checked: bool,
}

/// What reading a group gives: the document with what it could take, and every file it
/// could not (its layers when the document itself is unusable), for assembly to add or
/// report as it does any part.
pub(super) struct ReadGroup {
    pub document: Option<ReadDocument>,
    pub rest: Vec<(usize, ReadPart)>,
}

/// Reads every group on every core, merging and checking each document in its thread.
pub(super) fn read_groups(
    dir: &Path,
    relatives: &[PathBuf],
    groups: &[Group],
    context: &DocumentContext,
) -> Vec<ReadGroup> {
    in_parallel(groups, |group| read_group(dir, relatives, group, context))
}

fn read_group(
    dir: &Path,
    relatives: &[PathBuf],
    group: &Group,
    context: &DocumentContext,
) -> ReadGroup {
    let read = read_part(dir, &relatives[group.document]);
    let layers = group
        .layers
        .iter()
        .map(|&i| (i, read_part(dir, &relatives[i])));
    let (mut document, disk) = match read.result {
        Ok((Content::Document(document), disk)) => (document, disk),
        result => {
            let relative = read.relative;
            let mut rest = vec![(group.document, ReadPart { relative, result })];
            rest.extend(layers);
            return ReadGroup {
                document: None,
                rest,
            };
        }
    };
    let mut taken: Vec<(usize, DiskState, LayerPart)> = Vec::new();
    let mut rest = Vec::new();
    for (index, part) in layers {
        match part.result {
            Ok((Content::Other(Part::Layer(layer)), layer_disk))
                if layer.document == document.id
                    && !taken.iter().any(|(_, _, t)| t.analyst == layer.analyst)
                    && assemble::misplaced(&layer).is_none() =>
            {
                taken.push((index, layer_disk, layer));
            }
            result => rest.push((
                index,
                ReadPart {
                    relative: part.relative,
                    result,
                },
            )),
        }
    }
    reserve_for(&mut document, taken.iter().map(|(_, _, layer)| layer));
    let mut merged = Vec::with_capacity(taken.len());
    let mut rejected = Vec::new();
    for (index, layer_disk, layer) in taken {
        let analyst = layer.analyst.clone();
        rejected.extend(assemble::merge_layer(&mut document, layer));
        merged.push((index, layer_disk, analyst));
    }
    document.sort_annotations();
    // A layer left over changes the document later: it is checked with the project.
    let checked = rest.is_empty() && validate::document_passes(context, &document);
    ReadGroup {
        document: Some(ReadDocument {
            index: group.document,
            disk,
            document,
            layers: merged,
            rejected,
            checked,
        }),
        rest,
    }
}

/// Makes room in a document for all its layers at once: moving three analysts'
/// annotations in one after another otherwise copies the first ones twice as it grows.
fn reserve_for<'l>(d: &mut Document, layers: impl Iterator<Item = &'l LayerPart> + Clone) {
    let total = |count: fn(&LayerPart) -> usize| layers.clone().map(count).sum::<usize>();
    d.mentions.reserve(total(|l| l.mentions.len()));
    d.statements.reserve(total(|l| l.statements.len()));
    d.commitments.reserve(total(|l| l.commitments.len()));
    d.stances.reserve(total(|l| l.stances.len()));
    d.tags.reserve(total(|l| l.tags.len()));
    d.links.reserve(total(|l| l.links.len()));
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
