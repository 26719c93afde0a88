//! Entities that are probably one thing twice: what two analysts leave when each creates
//! the same actor ("Xinhua") or imports the same article on their own clone. Never merged
//! behind the analyst's back: shown, for the actor panel's Merge to settle.

use super::ids::Id;
use super::project::Project;
use std::collections::BTreeMap;

/// Two actors whose names (or aliases) match, ignoring case and surrounding spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SameName {
    pub first: Id,
    pub second: Id,
    pub name: String,
}

/// Every pair of actors sharing a name or alias, each pair once, in id order.
pub fn actors_with_same_name(project: &Project) -> Vec<SameName> {
    let mut by_name: BTreeMap<String, Vec<Id>> = BTreeMap::new();
    for actor in &project.actors {
        let mut names: Vec<String> = actor.names().map(|n| n.trim().to_lowercase()).collect();
        names.sort();
        names.dedup();
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            by_name.entry(name).or_default().push(actor.id);
        }
    }
    let mut pairs: BTreeMap<(Id, Id), String> = BTreeMap::new();
    for ids in by_name.values() {
        for (i, &first) in ids.iter().enumerate() {
            for &second in &ids[i + 1..] {
                let name = project
                    .actor(first)
                    .map(|a| a.name.clone())
                    .unwrap_or_default();
                pairs.entry((first, second)).or_insert(name);
            }
        }
    }
    pairs
        .into_iter()
        .map(|((first, second), name)| SameName {
            first,
            second,
            name,
        })
        .collect()
}

/// Pairs of documents with the same text (same fingerprint), in id order.
pub fn documents_with_same_text(project: &Project) -> Vec<(Id, Id)> {
    let mut by_text: BTreeMap<&str, Vec<Id>> = BTreeMap::new();
    for d in &project.documents {
        by_text.entry(d.fingerprint()).or_default().push(d.id);
    }
    by_text
        .values()
        .flat_map(|ids| ids.windows(2).map(|w| (w[0], w[1])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    #[test]
    fn actors_named_alike_pair_up_once_and_others_do_not() {
        let mut p = Project::new("team");
        p.actors.push(Actor::new(Id(1), "Xinhua", "media"));
        let mut alias = Actor::new(Id(2), "New China News Agency", "media");
        alias.aliases.push("XINHUA ".into());
        p.actors.push(alias);
        p.actors.push(Actor::new(Id(3), "China", "state"));
        let pairs = actors_with_same_name(&p);
        assert_eq!(
            pairs,
            vec![SameName {
                first: Id(1),
                second: Id(2),
                name: "Xinhua".into()
            }]
        );
    }
}
