//! The merge driver for the files of a project folder: each kind of part merged as what it
//! holds. Layers are written by one analyst only, so two clones of different analysts never
//! touch the same layer file; what reaches the driver is shared: `project.ron` (settings
//! and codebook, entry by entry), an actor (field by field), a document's metadata.

use super::merge_driver::Unmerged;
use crate::model::merge_units::{self, pick};
use crate::persist::folder::layout::{self, PartKind};
use crate::persist::folder::{DocumentPart, Part, ProjectPart, parse_part, part_text};
use std::path::{Component, Path, PathBuf};

/// The path of `name` (a path in the repository) inside its project folder, when it names
/// a part of one: `corpus/actors/12-xinhua.ron` → `actors/12-xinhua.ron`. `worktree`
/// is where git runs the driver (the repository's top), to tell a folder's `project.ron`
/// from a single project file of that name.
pub fn part_path(name: &str, worktree: &Path) -> Option<PathBuf> {
    let parts: Vec<&str> = Path::new(name)
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    let tail = |from: usize| parts[from..].iter().collect::<PathBuf>();
    let n = parts.len();
    let candidates = [
        n.checked_sub(1).map(|i| (i, PartKind::Project)),
        n.checked_sub(2).map(|i| (i, PartKind::Actor)),
        n.checked_sub(3).map(|i| (i, PartKind::Layer)),
    ];
    for (from, _) in candidates.into_iter().flatten() {
        let relative = tail(from);
        let Some(kind) = layout::kind_of(&relative) else {
            continue;
        };
        if kind == PartKind::Project {
            let file = worktree.join(name);
            if !crate::persist::folder::is_main_file(&file) {
                continue;
            }
        }
        return Some(relative);
    }
    None
}

/// Merges three versions of one part file. `base` is empty when both sides added it.
pub fn merge_part(
    relative: &Path,
    base: &str,
    ours: &str,
    theirs: &str,
) -> Result<String, Unmerged> {
    let read = |side: &'static str, text: &str| {
        parse_part(relative, text).map_err(|p| Unmerged::Unreadable {
            side,
            reason: p.to_string(),
        })
    };
    let ours = read("current", ours)?;
    let theirs = read("other", theirs)?;
    let base = if base.trim().is_empty() {
        None
    } else {
        Some(read("common ancestor", base)?)
    };
    let clash = |what: String| Unmerged::Parts(what);
    let merged = match (base, ours, theirs) {
        (base, Part::Project(o), Part::Project(t)) => {
            let b = match base {
                Some(Part::Project(b)) => b,
                _ => o.clone(),
            };
            Part::Project(ProjectPart {
                format_version: o.format_version.max(t.format_version),
                meta: merge_units::merge_meta(&b.meta, &o.meta, &t.meta).ok_or_else(|| {
                    clash("the project's name, description or blind setting".into())
                })?,
                codebook: merge_units::merge_codebook(&b.codebook, &o.codebook, &t.codebook)
                    .ok_or_else(|| clash("the same codebook entry".into()))?,
            })
        }
        (base, Part::Actor(o), Part::Actor(t)) => {
            let b = match base {
                Some(Part::Actor(b)) => Some(b),
                _ => None,
            };
            let merged = match &b {
                Some(b) => merge_units::merge_actor(b, &o, &t),
                None => (o == t).then(|| o.clone()),
            };
            Part::Actor(merged.ok_or_else(|| clash(format!("the same field of actor {}", o.id)))?)
        }
        (base, Part::Document(o), Part::Document(t)) => {
            let b = match base {
                Some(Part::Document(b)) => Some(b),
                _ => None,
            };
            Part::Document(
                merge_document(b.as_ref(), &o, &t)
                    .ok_or_else(|| clash(format!("the same field of document {}", o.id)))?,
            )
        }
        (base, Part::Layer(o), Part::Layer(t)) => {
            let b = match base {
                Some(Part::Layer(b)) => Some(b),
                _ => None,
            };
            let merged = match &b {
                Some(b) => pick(b, &o, &t),
                None => (o == t).then(|| o.clone()),
            };
            Part::Layer(merged.ok_or_else(|| {
                clash(format!(
                    "{}'s layer on document {} (the same analyst on two machines)",
                    o.analyst, o.document
                ))
            })?)
        }
        _ => {
            return Err(Unmerged::Unreadable {
                side: "other",
                reason: "the two versions are different kinds of file".into(),
            });
        }
    };
    Ok(part_text(&merged))
}

/// A document's metadata field by field; its text and origin as wholes.
fn merge_document(
    base: Option<&DocumentPart>,
    ours: &DocumentPart,
    theirs: &DocumentPart,
) -> Option<DocumentPart> {
    let Some(b) = base else {
        return (ours == theirs).then(|| ours.clone());
    };
    let (bm, om, tm) = (&b.meta, &ours.meta, &theirs.meta);
    let text = pick(
        &(&b.fingerprint, &b.text),
        &(&ours.fingerprint, &ours.text),
        &(&theirs.fingerprint, &theirs.text),
    )?;
    Some(DocumentPart {
        id: ours.id,
        meta: crate::model::DocumentMeta {
            title: pick(&bm.title, &om.title, &tm.title)?,
            source: pick(&bm.source, &om.source, &tm.source)?,
            date: pick(&bm.date, &om.date, &tm.date)?,
            byline: pick(&bm.byline, &om.byline, &tm.byline)?,
            url: pick(&bm.url, &om.url, &tm.url)?,
            language: pick(&bm.language, &om.language, &tm.language)?,
            issuer: pick(&bm.issuer, &om.issuer, &tm.issuer)?,
            custom: pick(&bm.custom, &om.custom, &tm.custom)?,
            note: pick(&bm.note, &om.note, &tm.note)?,
            progress: Default::default(),
            legacy_status: None,
        },
        origin: pick(&b.origin, &ours.origin, &theirs.origin)?,
        fingerprint: text.0.clone(),
        text: text.1.clone(),
    })
}
