//! Entities that are probably one thing twice: what two analysts leave when each creates
//! the same actor ("Xinhua") or imports the same article on their own clone. Never merged
//! behind the analyst's back: shown, for the actor panel's Merge to settle.

use super::ids::Id;
use super::project::Project;
use std::collections::BTreeMap;

/// Why two actors are probably one entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sameness {
    /// A name or alias in common, case and surrounding spaces ignored.
    Name(String),
    /// The same ISO 3166-1 code (given to states only).
    Iso3(String),
    /// The same Wikidata item.
    Wikidata(String),
}

impl std::fmt::Display for Sameness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Sameness::Name(name) => write!(f, "both named “{name}”"),
            Sameness::Iso3(code) => write!(f, "both coded {code} (ISO 3166)"),
            Sameness::Wikidata(item) => write!(f, "both Wikidata {item}"),
        }
    }
}

/// Two actors that are probably the same entity, and the first reason found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SameEntity {
    pub first: Id,
    pub second: Id,
    pub why: Sameness,
}

/// Every pair of actors sharing a name, alias, ISO code or Wikidata item, each pair once, in
/// id order. CAMEO codes are left out: they classify rather than identify (every Chinese
/// ministry is CHNGOV).
pub fn probable_duplicate_actors(project: &Project) -> Vec<SameEntity> {
    let mut by_key: BTreeMap<(u8, String), Vec<Id>> = BTreeMap::new();
    for actor in &project.actors {
        let mut keys: Vec<(u8, String)> = actor
            .names()
            .map(|n| (0, n.trim().to_lowercase()))
            .chain(actor.iso3.iter().map(|c| (1, c.trim().to_uppercase())))
            .chain(actor.wikidata.iter().map(|q| (2, q.trim().to_uppercase())))
            .filter(|(_, k)| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            by_key.entry(key).or_default().push(actor.id);
        }
    }
    let mut pairs: BTreeMap<(Id, Id), Sameness> = BTreeMap::new();
    for ((kind, key), ids) in &by_key {
        for (i, &first) in ids.iter().enumerate() {
            for &second in &ids[i + 1..] {
                let why = match kind {
                    0 => Sameness::Name(
                        project
                            .actor(first)
                            .map(|a| a.name.clone())
                            .unwrap_or_default(),
                    ),
                    1 => Sameness::Iso3(key.clone()),
                    _ => Sameness::Wikidata(key.clone()),
                };
                // Names first: the reason an analyst recognises at a glance.
                pairs
                    .entry((first, second))
                    .and_modify(|old| {
                        if why < *old {
                            *old = why.clone();
                        }
                    })
                    .or_insert(why);
            }
        }
    }
    pairs
        .into_iter()
        .map(|((first, second), why)| SameEntity { first, second, why })
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
        let pairs = probable_duplicate_actors(&p);
        assert_eq!(
            pairs,
            vec![SameEntity {
                first: Id(1),
                second: Id(2),
                why: Sameness::Name("Xinhua".into())
            }]
        );
    }

    #[test]
    fn actors_with_one_code_or_wikidata_item_pair_up_but_a_shared_cameo_code_does_not() {
        let mut p = Project::new("team");
        let mut china = Actor::new(Id(1), "China", "state");
        china.iso3 = Some("CHN".into());
        p.actors.push(china);
        let mut prc = Actor::new(Id(2), "People's Republic of China", "state");
        prc.iso3 = Some("chn ".into());
        p.actors.push(prc);
        let mut wang = Actor::new(Id(3), "Wang Yi", "person");
        wang.wikidata = Some("Q22101".into());
        p.actors.push(wang);
        let mut minister = Actor::new(Id(4), "Chinese Foreign Minister", "person");
        minister.wikidata = Some("Q22101".into());
        p.actors.push(minister);
        for (id, name) in [(5, "Ministry of Commerce"), (6, "Ministry of Finance")] {
            let mut ministry = Actor::new(Id(id), name, "organization");
            ministry.cameo = Some("CHNGOV".into());
            p.actors.push(ministry);
        }
        let pairs = probable_duplicate_actors(&p);
        assert_eq!(
            pairs,
            vec![
                SameEntity {
                    first: Id(1),
                    second: Id(2),
                    why: Sameness::Iso3("CHN".into())
                },
                SameEntity {
                    first: Id(3),
                    second: Id(4),
                    why: Sameness::Wikidata("Q22101".into())
                },
            ]
        );
        assert_eq!(pairs[1].why.to_string(), "both Wikidata Q22101");
    }
}
