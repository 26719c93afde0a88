//! Analysts in the window: who is coding, which layers are shown, and who owns what.
//! The window edits the current analyst's layer only; other layers are drawn distinctly
//! and read-only, unless the analyst chooses to edit as their owner.

use crate::model::duplicates::Sameness;
use crate::model::{DocStatus, Document, Id, Project};
use std::collections::{BTreeMap, BTreeSet};

/// The login name (`USER`, `USERNAME`), else "analyst": what the first-start question
/// offers.
pub fn login_name() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .map_or_else(|| "analyst".to_owned(), |v| v.trim().to_owned())
}

/// Which layers the window draws: the current analyst's always; the others' unless hidden
/// (View ▸ Analysts) or the project is blind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LayerView {
    pub current: String,
    pub blind: bool,
    pub hidden: BTreeSet<String>,
}

impl LayerView {
    pub fn new(current: &str, blind: bool, hidden: &BTreeSet<String>) -> Self {
        Self {
            current: current.to_owned(),
            blind,
            hidden: hidden.clone(),
        }
    }

    /// Everything shown and editable as `current` (tests, the benchmark).
    pub fn only(current: &str) -> Self {
        Self::new(current, false, &BTreeSet::new())
    }

    pub fn shows(&self, analyst: &str) -> bool {
        analyst == self.current || (!self.blind && !self.hidden.contains(analyst))
    }

    pub fn owns(&self, analyst: &str) -> bool {
        analyst == self.current
    }
}

/// Who coded the annotation `id` of `doc`.
pub fn owner(doc: &Document, id: Id) -> Option<String> {
    doc.annotation(id).map(|a| a.stamp().annotator.clone())
}

/// Short initials for a name ("Ana Lucía Pérez" → "ALP", "鈴木 花子" → "鈴花"), at most
/// three letters.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let out: String = if words.len() > 1 {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .take(3)
            .collect()
    } else {
        name.chars().take(2).collect()
    };
    out.to_uppercase()
}

/// One analyst's work on a document, for the documents list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coded {
    pub analyst: String,
    pub status: DocStatus,
    pub annotations: usize,
}

/// Every analyst who has coded `doc` (annotations or a status), by name.
pub fn coded_by(doc: &Document) -> Vec<Coded> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in doc.annotators() {
        *counts.entry(a).or_default() += 1;
    }
    for a in doc.meta.progress.keys() {
        counts.entry(a.as_str()).or_default();
    }
    counts
        .into_iter()
        .filter(|(a, _)| !a.is_empty())
        .map(|(a, n)| Coded {
            analyst: a.to_owned(),
            status: doc.meta.status_of(a),
            annotations: n,
        })
        .collect()
}

/// Whether `analyst` has anything in the project: an annotation, a status or a rejection.
pub fn has_layer(project: &Project, analyst: &str) -> bool {
    project
        .documents
        .iter()
        .any(|d| d.meta.progress.contains_key(analyst) || d.annotators().any(|a| a == analyst))
        || project
            .rejected_suggestions
            .iter()
            .any(|r| r.analyst == analyst)
}

/// Actors that are probably the same entity as another (a name, alias, ISO code or Wikidata
/// item in common): for each such actor, the others and why, as two analysts creating
/// "Xinhua" in parallel leave them.
pub fn duplicate_actors(project: &Project) -> BTreeMap<Id, Vec<(Id, Sameness)>> {
    let mut out: BTreeMap<Id, Vec<(Id, Sameness)>> = BTreeMap::new();
    for pair in crate::model::duplicates::probable_duplicate_actors(project) {
        out.entry(pair.first)
            .or_default()
            .push((pair.second, pair.why.clone()));
        out.entry(pair.second)
            .or_default()
            .push((pair.first, pair.why));
    }
    for others in out.values_mut() {
        others.sort_by_key(|(id, _)| *id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    #[test]
    fn initials_are_short_and_keep_other_scripts() {
        assert_eq!(initials("Ana Lucía Pérez"), "ALP");
        assert_eq!(initials("bob"), "BO");
        assert_eq!(initials("鈴木 花子"), "鈴花");
    }

    #[test]
    fn actors_named_alike_are_duplicates_whatever_the_case() {
        let mut project = Project::new("p");
        project.actors.push(Actor::new(Id(1), "Xinhua", "media"));
        project.actors.push(Actor::new(Id(2), "xinhua ", "media"));
        let mut third = Actor::new(Id(3), "New China News Agency", "media");
        third.aliases.push("XINHUA".into());
        project.actors.push(third);
        project.actors.push(Actor::new(Id(4), "Reuters", "media"));
        let dups = duplicate_actors(&project);
        let ids = |id| -> Vec<Id> { dups[&Id(id)].iter().map(|(o, _)| *o).collect() };
        assert_eq!(ids(1), vec![Id(2), Id(3)]);
        assert_eq!(ids(3), vec![Id(1), Id(2)]);
        assert!(!dups.contains_key(&Id(4)));
    }

    #[test]
    fn the_current_layer_is_always_shown_and_a_blind_project_hides_the_rest() {
        let hidden: BTreeSet<String> = ["carol".to_owned()].into();
        let view = LayerView::new("alice", false, &hidden);
        assert!(view.shows("alice") && view.shows("bob") && !view.shows("carol"));
        let blind = LayerView::new("alice", true, &hidden);
        assert!(blind.shows("alice") && !blind.shows("bob"));
        assert!(view.owns("alice") && !view.owns("bob"));
    }
}
