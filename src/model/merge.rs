//! Three-way merge of two versions of a project that changed apart from a common base: the
//! window's unsaved work ("ours") and what another program saved to the file meanwhile
//! ("theirs": a `demarche import`, `git pull`, a second window).
//!
//! The unit of change is a whole document or actor (by id), the codebook, the project's
//! name and description, and each remembered rejection. Two versions merge when no unit
//! was changed differently by both; the merged project takes each unit from the side that
//! changed it. Within a document nothing is merged: two analysts' edits of one document
//! are a conflict for the analyst to settle, never a silent mix.

use super::ids::{Id, Keyed};
use super::project::{Project, RejectedSuggestion};
use std::collections::{BTreeMap, BTreeSet};

/// How one unit differs from the base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Modified,
}

impl Change {
    fn word(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Modified => "changed",
        }
    }
}

/// What one version changed relative to the base.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub documents: BTreeMap<Id, Change>,
    pub actors: BTreeMap<Id, Change>,
    pub codebook: bool,
    pub meta: bool,
    pub rejections: bool,
}

impl Changes {
    /// What `version` changed relative to `base`.
    pub fn between(base: &Project, version: &Project) -> Self {
        Self {
            documents: keyed_changes(&base.documents, &version.documents),
            actors: keyed_changes(&base.actors, &version.actors),
            codebook: base.codebook != version.codebook,
            meta: base.meta.name != version.meta.name
                || base.meta.description != version.meta.description,
            rejections: base.rejected_suggestions != version.rejected_suggestions,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
            && self.actors.is_empty()
            && !self.codebook
            && !self.meta
            && !self.rejections
    }

    /// One line for the analyst: "1 document added (#12 “Title”), 2 documents changed".
    /// Titles come from `titles` (the version that has the document).
    pub fn describe(&self, titles: &Project, base: &Project) -> String {
        let mut parts = Vec::new();
        for change in [Change::Added, Change::Modified, Change::Removed] {
            let ids: Vec<Id> = self
                .documents
                .iter()
                .filter(|(_, c)| **c == change)
                .map(|(id, _)| *id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            let named: Vec<String> = ids
                .iter()
                .take(3)
                .map(|id| {
                    let title = titles
                        .document(*id)
                        .or_else(|| base.document(*id))
                        .map(|d| d.meta.title.as_str())
                        .unwrap_or_default();
                    format!("{id} “{title}”")
                })
                .collect();
            let more = if ids.len() > 3 {
                format!(", {} more", ids.len() - 3)
            } else {
                String::new()
            };
            parts.push(format!(
                "{} {} {} ({}{more})",
                ids.len(),
                plural(ids.len(), "document", "documents"),
                change.word(),
                named.join(", ")
            ));
        }
        if !self.actors.is_empty() {
            let n = self.actors.len();
            parts.push(format!(
                "{n} {} added, changed or removed",
                plural(n, "actor", "actors")
            ));
        }
        if self.codebook {
            parts.push("the codebook".to_owned());
        }
        if self.meta {
            parts.push("the project's name or description".to_owned());
        }
        if self.rejections {
            parts.push("rejected suggestions".to_owned());
        }
        if parts.is_empty() {
            "nothing".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Changes of one id-keyed list; both lists are id-sorted, as the model keeps them.
fn keyed_changes<T: Keyed + PartialEq>(base: &[T], version: &[T]) -> BTreeMap<Id, Change> {
    let base: BTreeMap<Id, &T> = base.iter().map(|x| (x.id(), x)).collect();
    let version: BTreeMap<Id, &T> = version.iter().map(|x| (x.id(), x)).collect();
    let mut changes = BTreeMap::new();
    for (id, item) in &version {
        match base.get(id) {
            None => {
                changes.insert(*id, Change::Added);
            }
            Some(old) if *old != *item => {
                changes.insert(*id, Change::Modified);
            }
            Some(_) => {}
        }
    }
    for id in base.keys() {
        if !version.contains_key(id) {
            changes.insert(*id, Change::Removed);
        }
    }
    changes
}

/// Units both versions changed, and not to the same value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conflict {
    pub documents: Vec<Id>,
    pub actors: Vec<Id>,
    pub codebook: bool,
    pub meta: bool,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        let ids = |ids: &[Id]| ids.iter().map(Id::to_string).collect::<Vec<_>>().join(", ");
        if !self.documents.is_empty() {
            parts.push(format!(
                "{} {}",
                plural(self.documents.len(), "document", "documents"),
                ids(&self.documents)
            ));
        }
        if !self.actors.is_empty() {
            parts.push(format!(
                "{} {}",
                plural(self.actors.len(), "actor", "actors"),
                ids(&self.actors)
            ));
        }
        if self.codebook {
            parts.push("the codebook".to_owned());
        }
        if self.meta {
            parts.push("the project's name or description".to_owned());
        }
        write!(f, "both versions changed {}", parts.join(", "))
    }
}

/// Merges `ours` and `theirs`, both descended from `base`. The result is not validated
/// here: the caller checks it (an annotation of ours may name an actor theirs removed).
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> Result<Project, Conflict> {
    let renumbered = fresh_ids_after(base, ours, theirs);
    let ours = renumbered.as_ref().unwrap_or(ours);
    let our_changes = Changes::between(base, ours);
    let their_changes = Changes::between(base, theirs);
    let conflict = Conflict {
        documents: clashing(&our_changes.documents, &their_changes.documents, |id| {
            ours.document(id) == theirs.document(id)
        }),
        actors: clashing(&our_changes.actors, &their_changes.actors, |id| {
            ours.actor(id) == theirs.actor(id)
        }),
        codebook: our_changes.codebook
            && their_changes.codebook
            && ours.codebook != theirs.codebook,
        meta: our_changes.meta
            && their_changes.meta
            && (ours.meta.name != theirs.meta.name
                || ours.meta.description != theirs.meta.description),
    };
    if conflict != Conflict::default() {
        return Err(conflict);
    }

    let mut merged = theirs.clone();
    for id in our_changes.documents.keys() {
        take_keyed(&mut merged.documents, ours.document(*id).cloned(), *id);
    }
    for id in our_changes.actors.keys() {
        take_keyed(&mut merged.actors, ours.actor(*id).cloned(), *id);
    }
    if our_changes.codebook {
        merged.codebook = ours.codebook.clone();
    }
    if our_changes.meta {
        merged.meta.name = ours.meta.name.clone();
        merged.meta.description = ours.meta.description.clone();
    }
    merged.rejected_suggestions = merge_sets(
        &base.rejected_suggestions,
        &ours.rejected_suggestions,
        &theirs.rejected_suggestions,
    );
    Ok(merged)
}

/// Both sides mint ids from the same base ("highest + 1"), so an actor added here and a
/// document imported there meet at one id. When both minted ids, ours are moved above
/// theirs (references follow); `None` when there is nothing to move.
fn fresh_ids_after(base: &Project, ours: &Project, theirs: &Project) -> Option<Project> {
    let base_highest = base.highest_id().map_or(0, |id| id.0);
    let their_highest = theirs.highest_id().map_or(0, |id| id.0);
    let our_highest = ours.highest_id().map_or(0, |id| id.0);
    if their_highest <= base_highest || our_highest <= base_highest {
        return None;
    }
    let shift = their_highest - base_highest;
    let mut moved = ours.clone();
    moved.renumber(|id| {
        if id.0 > base_highest {
            Id(id.0.saturating_add(shift))
        } else {
            id
        }
    });
    Some(moved)
}

/// Ids both sides changed, unless `same` says they ended up equal.
fn clashing(
    ours: &BTreeMap<Id, Change>,
    theirs: &BTreeMap<Id, Change>,
    same: impl Fn(Id) -> bool,
) -> Vec<Id> {
    ours.keys()
        .filter(|id| theirs.contains_key(id) && !same(**id))
        .copied()
        .collect()
}

/// Puts our version of the unit `id` into the id-sorted `list` (or removes it).
fn take_keyed<T: Keyed>(list: &mut Vec<T>, ours: Option<T>, id: Id) {
    match (list.binary_search_by_key(&id, Keyed::id), ours) {
        (Ok(i), Some(item)) => list[i] = item,
        (Ok(i), None) => {
            list.remove(i);
        }
        (Err(i), Some(item)) => list.insert(i, item),
        (Err(_), None) => {}
    }
}

/// Rejections are a set: what either side added, less what either side removed.
fn merge_sets(
    base: &[RejectedSuggestion],
    ours: &[RejectedSuggestion],
    theirs: &[RejectedSuggestion],
) -> Vec<RejectedSuggestion> {
    let base: BTreeSet<_> = base.iter().collect();
    let ours: BTreeSet<_> = ours.iter().collect();
    let theirs: BTreeSet<_> = theirs.iter().collect();
    ours.union(&theirs)
        .filter(|r| !base.contains(*r) || (ours.contains(*r) && theirs.contains(*r)))
        .map(|r| (*r).clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Document, DocumentMeta, LineEndings, Origin};

    fn doc(id: u64, text: &str) -> Document {
        let origin = Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: LineEndings::Lf,
            file_fingerprint: None,
            imported: chrono::DateTime::UNIX_EPOCH,
        };
        Document::new(Id(id), DocumentMeta::default(), origin, text.to_owned())
    }

    fn base() -> Project {
        let mut p = Project::new("corpus");
        p.documents = vec![doc(1, "One."), doc(2, "Two.")];
        p
    }

    #[test]
    fn changes_to_different_documents_merge() {
        let base = base();
        let mut ours = base.clone();
        ours.documents[0].meta.title = "ours".into();
        let mut theirs = base.clone();
        theirs.documents.push(doc(3, "Three."));
        let merged = merge(&base, &ours, &theirs).expect("disjoint changes merge");
        assert_eq!(merged.documents.len(), 3);
        assert_eq!(merged.documents[0].meta.title, "ours");
        assert_eq!(merged.documents[2].text(), "Three.");
    }

    #[test]
    fn the_same_document_changed_on_both_sides_is_a_conflict() {
        let base = base();
        let mut ours = base.clone();
        ours.documents[1].meta.title = "ours".into();
        let mut theirs = base.clone();
        theirs.documents[1].meta.title = "theirs".into();
        let conflict = merge(&base, &ours, &theirs).unwrap_err();
        assert_eq!(conflict.documents, vec![Id(2)]);
        assert!(conflict.to_string().contains("document #2"));
    }

    #[test]
    fn both_adding_a_document_keeps_both_under_different_ids() {
        let base = base();
        let mut ours = base.clone();
        ours.documents.push(doc(3, "Ours."));
        let mut theirs = base.clone();
        theirs.documents.push(doc(3, "Theirs."));
        let merged = merge(&base, &ours, &theirs).expect("merges");
        let texts: Vec<&str> = merged.documents.iter().map(|d| d.text()).collect();
        assert_eq!(texts, ["One.", "Two.", "Theirs.", "Ours."]);
    }

    #[test]
    fn ids_minted_on_both_sides_do_not_collide() {
        let base = base();
        let mut ours = base.clone();
        ours.actors.push(Actor::new(Id(3), "Wang Yi", "person"));
        let mut theirs = base.clone();
        theirs.documents.push(doc(3, "Imported meanwhile."));
        let merged = merge(&base, &ours, &theirs).expect("merges");
        assert_eq!(
            merged.document(Id(3)).map(|d| d.text()),
            Some("Imported meanwhile.")
        );
        let actor = merged.actors.iter().find(|a| a.name == "Wang Yi");
        assert_eq!(actor.map(|a| a.id), Some(Id(4)), "ours moved above theirs");
        assert!(crate::persist::validate(&merged).is_empty());
    }

    #[test]
    fn a_removal_on_one_side_is_kept() {
        let base = base();
        let mut ours = base.clone();
        ours.documents.remove(0);
        let mut theirs = base.clone();
        theirs.actors.push(Actor::new(Id(7), "China", "state"));
        let merged = merge(&base, &ours, &theirs).expect("disjoint");
        assert_eq!(merged.documents.len(), 1);
        assert_eq!(merged.actors.len(), 1);
    }

    #[test]
    fn rejections_merge_as_sets() {
        let r = |start| RejectedSuggestion {
            document: Id(1),
            analyst: "alice".into(),
            kind: "mention".into(),
            start,
            end: start + 1,
        };
        let mut base = base();
        base.rejected_suggestions = vec![r(0), r(1)];
        let mut ours = base.clone();
        ours.rejected_suggestions = vec![r(1), r(2)]; // removed 0, added 2
        let mut theirs = base.clone();
        theirs.rejected_suggestions = vec![r(0), r(1), r(3)]; // added 3
        let merged = merge(&base, &ours, &theirs).expect("sets merge");
        assert_eq!(merged.rejected_suggestions, vec![r(1), r(2), r(3)]);
    }

    #[test]
    fn describe_names_documents() {
        let base = base();
        let mut theirs = base.clone();
        let mut added = doc(3, "Three.");
        added.meta.title = "Wang Yi visits".into();
        theirs.documents.push(added);
        let text = Changes::between(&base, &theirs).describe(&theirs, &base);
        assert_eq!(text, "1 document added (#3 “Wang Yi visits”)");
    }
}
