//! Three-way merge of two versions of a project that changed apart from a common base: the
//! window's unsaved work ("ours") and what another program saved to the file meanwhile
//! ("theirs": a `demarche import`, `git pull`, a second window).
//!
//! The units of change (see [`super::merge_units`]) are a document's body (metadata, text)
//! and each analyst's layer on it, each actor field, each codebook entry, the project's
//! name, description and blind setting, and each remembered rejection. Two versions merge
//! when no unit was changed differently by both; the merged project takes each unit from
//! the side that changed it. One analyst's layer on one document changed on both sides is
//! a conflict for the analyst to settle, never a silent mix of two codings.

use super::analyst::{BLOCK_SHIFT, block_of_id};
use super::ids::{Id, Keyed};
use super::merge_units as units;
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

/// Merges `ours` and `theirs`, both descended from `base`. Ids that both sides minted in
/// one analyst's block (the same analyst in a second window, or on a second machine) are
/// moved apart first. The result is not validated here: the caller checks it (an
/// annotation of ours may name an actor theirs removed).
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> Result<Project, Conflict> {
    let renumbered = fresh_ids_after(base, ours, theirs);
    merge_units(base, renumbered.as_ref().unwrap_or(ours), theirs)
}

/// [`merge`] without moving any id: for parts of a project folder, whose ids other files
/// refer to. Ids minted on both sides stay as they are, and a clash is a conflict.
pub fn merge_in_place(
    base: &Project,
    ours: &Project,
    theirs: &Project,
) -> Result<Project, Conflict> {
    merge_units(base, ours, theirs)
}

fn merge_units(base: &Project, ours: &Project, theirs: &Project) -> Result<Project, Conflict> {
    let mut conflict = Conflict::default();
    let mut merged = theirs.clone();
    merged.documents = merge_keyed(
        &base.documents,
        &ours.documents,
        &theirs.documents,
        units::merge_document,
        &mut conflict.documents,
    );
    merged.actors = merge_keyed(
        &base.actors,
        &ours.actors,
        &theirs.actors,
        units::merge_actor,
        &mut conflict.actors,
    );
    match units::merge_codebook(&base.codebook, &ours.codebook, &theirs.codebook) {
        Some(codebook) => merged.codebook = codebook,
        None => conflict.codebook = true,
    }
    match units::merge_meta(&base.meta, &ours.meta, &theirs.meta) {
        Some(meta) => merged.meta = meta,
        None => conflict.meta = true,
    }
    if conflict != Conflict::default() {
        return Err(conflict);
    }
    merged.rejected_suggestions = merge_sets(
        &base.rejected_suggestions,
        &ours.rejected_suggestions,
        &theirs.rejected_suggestions,
    );
    Ok(merged)
}

/// Merges two id-sorted lists unit by unit; the ids of units changed differently on both
/// sides go to `clashes`.
fn merge_keyed<T: Keyed + PartialEq + Clone>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    merge_one: impl Fn(&T, &T, &T) -> Option<T>,
    clashes: &mut Vec<Id>,
) -> Vec<T> {
    let ids: BTreeSet<Id> = base
        .iter()
        .chain(ours)
        .chain(theirs)
        .map(Keyed::id)
        .collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
        match units::pick_present(b, o, t, &merge_one) {
            Ok(Some(unit)) => out.push(unit),
            Ok(None) => {}
            Err(units::Clash) => clashes.push(id),
        }
    }
    out
}

fn find<T: Keyed>(list: &[T], id: Id) -> Option<&T> {
    super::ids::find(list, id)
}

/// Ids both sides minted from the same base in the same analyst's block ("highest + 1"
/// there) meet: an actor added here and a document imported there by the same analyst.
/// Ours are moved above theirs in that block (references follow); `None` when no id was
/// minted on both sides in one block.
fn fresh_ids_after(base: &Project, ours: &Project, theirs: &Project) -> Option<Project> {
    let highest_by_block = |p: &Project| {
        let mut highest: BTreeMap<u64, u64> = BTreeMap::new();
        let ids = p.actors.iter().map(Keyed::id).chain(
            p.documents
                .iter()
                .flat_map(|d| std::iter::once(d.id).chain(d.annotation_ids())),
        );
        for id in ids {
            let slot = highest.entry(block_of_id(id)).or_default();
            *slot = (*slot).max(id.0);
        }
        highest
    };
    let (base_high, our_high, their_high) = (
        highest_by_block(base),
        highest_by_block(ours),
        highest_by_block(theirs),
    );
    let mut shifts: BTreeMap<u64, (u64, u64)> = BTreeMap::new();
    for (block, &ours_top) in &our_high {
        let floor = base_high
            .get(block)
            .copied()
            .unwrap_or(block << BLOCK_SHIFT);
        let theirs_top = their_high.get(block).copied().unwrap_or(0);
        if ours_top > floor && theirs_top > floor {
            shifts.insert(*block, (floor, theirs_top - floor));
        }
    }
    if shifts.is_empty() {
        return None;
    }
    let mut moved = ours.clone();
    moved.renumber(|id| match shifts.get(&block_of_id(id)) {
        Some(&(floor, shift)) if id.0 > floor => Id(id.0.saturating_add(shift)),
        _ => id,
    });
    Some(moved)
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

    fn mention(id: Id, analyst: &str, start: usize, text: &str) -> crate::model::Mention {
        use crate::model::{Mention, Span, Stamp, TextRange};
        Mention {
            id,
            span: Span {
                ranges: vec![TextRange {
                    start,
                    end: start + text.chars().count(),
                    text: text.into(),
                }],
            },
            actor: Id(9),
            stamp: Stamp::now(analyst),
            note: String::new(),
        }
    }

    /// Two analysts' clones: each codes document 1 in ids of their own block.
    fn coded_by_two() -> (Project, Project, Project) {
        let mut base = base();
        base.actors.push(Actor::new(Id(9), "One", "person"));
        let mut ours = base.clone();
        let mut alice = ours.id_allocator("alice");
        let a = alice.fresh().expect("id");
        ours.documents[0]
            .mentions
            .push(mention(a, "alice", 0, "One"));
        ours.documents[0]
            .meta
            .set_status("alice", crate::model::DocStatus::Done);
        let mut theirs = base.clone();
        let mut bob = theirs.id_allocator("bob");
        let b = bob.fresh().expect("id");
        theirs.documents[0]
            .mentions
            .push(mention(b, "bob", 0, "One"));
        (base, ours, theirs)
    }

    #[test]
    fn two_analysts_coding_one_document_merge_with_both_layers_and_their_ids() {
        let (base, ours, theirs) = coded_by_two();
        let merged = merge(&base, &ours, &theirs).expect("different layers merge");
        let doc = &merged.documents[0];
        let coders: Vec<&str> = doc
            .mentions
            .iter()
            .map(|m| m.stamp.annotator.as_str())
            .collect();
        assert_eq!(doc.mentions.len(), 2, "{coders:?}");
        assert!(coders.contains(&"alice") && coders.contains(&"bob"));
        assert_eq!(doc.meta.status_of("alice"), crate::model::DocStatus::Done);
        // Different blocks: nothing was renumbered.
        assert_eq!(
            doc.mentions.iter().map(|m| m.id).collect::<BTreeSet<_>>(),
            ours.documents[0]
                .mentions
                .iter()
                .chain(&theirs.documents[0].mentions)
                .map(|m| m.id)
                .collect()
        );
        assert!(crate::persist::validate(&merged).is_empty());
        assert_eq!(merge(&base, &theirs, &ours).expect("either way"), merged);
    }

    #[test]
    fn one_analysts_layer_changed_on_both_sides_is_a_conflict() {
        let (base, ours, mut theirs) = coded_by_two();
        for m in &mut theirs.documents[0].mentions {
            m.stamp.annotator = "alice".into();
        }
        let conflict = merge_in_place(&base, &ours, &theirs).unwrap_err();
        assert_eq!(conflict.documents, vec![Id(1)]);
    }

    #[test]
    fn codebook_entries_added_on_both_sides_are_all_kept_in_order() {
        use crate::model::{CodebookEntry, CodebookList};
        let base = base();
        let mut ours = base.clone();
        fn topics(p: &mut Project) -> &mut Vec<CodebookEntry> {
            p.codebook.list_mut(CodebookList::Topics)
        }
        topics(&mut ours).push(CodebookEntry::new("arctic", "Arctic"));
        let mut theirs = base.clone();
        topics(&mut theirs).push(CodebookEntry::new("space", "Outer space"));
        topics(&mut theirs)[0].label = "Multilateralism (renamed)".into();
        let merged = merge(&base, &ours, &theirs).expect("entries merge");
        let keys: Vec<&str> = merged
            .codebook
            .list(CodebookList::Topics)
            .iter()
            .map(|e| e.key.as_str())
            .collect();
        assert_eq!(&keys[keys.len() - 2..], ["arctic", "space"]);
        assert_eq!(
            merged.codebook.list(CodebookList::Topics)[0].label,
            "Multilateralism (renamed)"
        );
        let mut clash = base.clone();
        topics(&mut clash)[0].label = "Another label".into();
        assert!(merge(&base, &clash, &theirs).unwrap_err().codebook);
    }

    #[test]
    fn an_actor_changed_in_different_fields_merges_and_aliases_unite() {
        let mut base = base();
        base.actors.push(Actor::new(Id(9), "Xinhua", "media"));
        let mut ours = base.clone();
        ours.actors[0].aliases.push("New China News Agency".into());
        ours.actors[0].iso3 = Some("CHN".into());
        let mut theirs = base.clone();
        theirs.actors[0].aliases.push("新华社".into());
        theirs.actors[0].role = "state news agency".into();
        let merged = merge(&base, &ours, &theirs).expect("fields merge");
        let actor = &merged.actors[0];
        assert_eq!(actor.aliases, ["New China News Agency", "新华社"]);
        assert_eq!(actor.iso3.as_deref(), Some("CHN"));
        assert_eq!(actor.role, "state news agency");
    }
}
