//! The project: everything one `.ron` file holds.

use super::actor::{Actor, Rgb};
use super::analyst;
use super::codebook::Codebook;
use super::document::Document;
use super::ids::{self, Id, IdAllocator, Keyed};
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

/// The version of the project file format this build writes.
pub const FORMAT_VERSION: u32 = 4;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectMeta {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub created: DateTime<Utc>,
    /// Analysts do not see each other's layers until curation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub blind: bool,
    /// The analyst who curates the project (format 4); any analyst may be named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator: Option<String>,
    /// Corpus queries saved by name, in the order they were saved. Left out of the file
    /// when empty, so projects without any keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub saved_queries: Vec<SavedQuery>,
}

/// A corpus query kept under a name (the query in its one-line text form).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedQuery {
    pub name: String,
    pub query: String,
}

impl ProjectMeta {
    /// The saved query of this name (case-insensitive).
    pub fn saved_query(&self, name: &str) -> Option<&SavedQuery> {
        let name = name.trim();
        self.saved_queries
            .iter()
            .find(|q| q.name.eq_ignore_ascii_case(name))
    }
}

/// A suggestion the analyst rejected, remembered so that it is never offered again.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RejectedSuggestion {
    pub document: Id,
    /// Who rejected it: rejections are per analyst. Empty only in files of format 2 until
    /// they are migrated.
    #[serde(default)]
    pub analyst: String,
    /// "mention", "statement", "commitment" or "stance".
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Here and on every struct of the file: an unknown field (a typo in a hand edit) is an
// error on load, never silently dropped.
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub meta: ProjectMeta,
    pub codebook: Codebook,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected_suggestions: Vec<RejectedSuggestion>,
}

/// How much a project holds, as `demarche validate` reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    pub actors: usize,
    pub mentions: usize,
    pub statements: usize,
    pub commitments: usize,
    pub stances: usize,
    pub tags: usize,
    pub links: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use super::counted;
        write!(
            f,
            "{}, {}, {}, {} ({}, {})",
            counted(self.documents, "document"),
            counted(self.actors, "actor"),
            counted(self.mentions, "mention"),
            counted(self.statements, "statement"),
            counted(self.commitments, "commitment"),
            counted(self.stances, "stance")
        )
    }
}

impl Project {
    /// An empty project with the default codebook.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            meta: ProjectMeta {
                name: name.into(),
                description: String::new(),
                created: Utc::now().trunc_subsecs(0),
                blind: false,
                curator: None,
                saved_queries: Vec::new(),
            },
            codebook: Codebook::default(),
            actors: Vec::new(),
            documents: Vec::new(),
            rejected_suggestions: Vec::new(),
        }
    }

    pub fn actor(&self, id: Id) -> Option<&Actor> {
        ids::find(&self.actors, id)
    }

    pub fn document(&self, id: Id) -> Option<&Document> {
        ids::find(&self.documents, id)
    }

    pub fn document_mut(&mut self, id: Id) -> Option<&mut Document> {
        ids::find_mut(&mut self.documents, id)
    }

    /// The colour for a new actor: the most distinct from every actor's colour and from
    /// `also` (actors being added in the same step).
    pub fn colour_for_new_actor(&self, also: &[Rgb]) -> Rgb {
        let used: Vec<Rgb> = self
            .actors
            .iter()
            .map(|a| a.colour)
            .chain(also.iter().copied())
            .collect();
        Rgb::most_distinct(&used)
    }

    /// The actor with this name or alias (case-insensitive), if any.
    pub fn actor_by_name(&self, name: &str) -> Option<&Actor> {
        let wanted = name.trim().to_lowercase();
        self.actors
            .iter()
            .find(|a| a.names().any(|n| n.to_lowercase() == wanted))
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            documents: self.documents.len(),
            actors: self.actors.len(),
            ..Counts::default()
        };
        for d in &self.documents {
            c.mentions += d.mentions.len();
            c.statements += d.statements.len();
            c.commitments += d.commitments.len();
            c.stances += d.stances.len();
            c.tags += d.tags.len();
            c.links += d.links.len();
        }
        c
    }

    /// The highest id in use anywhere in the project.
    pub fn highest_id(&self) -> Option<Id> {
        let actors = self.actors.iter().map(Keyed::id);
        let docs = self
            .documents
            .iter()
            .flat_map(|d| std::iter::once(d.id).chain(d.annotation_ids()));
        actors.chain(docs).max()
    }

    /// Gives every id (of documents, actors and annotations, and every reference to one)
    /// the value `map` returns for it, then restores id order. `map` must be one-to-one on
    /// the project's ids.
    pub fn renumber(&mut self, map: impl Fn(Id) -> Id) {
        use super::annotation::StanceTarget;
        for actor in &mut self.actors {
            actor.id = map(actor.id);
            actor.affiliation = actor.affiliation.map(&map);
        }
        for d in &mut self.documents {
            d.id = map(d.id);
            d.meta.issuer.iter_mut().for_each(|a| *a = map(*a));
            for m in &mut d.mentions {
                m.id = map(m.id);
                m.actor = map(m.actor);
            }
            for s in &mut d.statements {
                s.id = map(s.id);
                s.speaker = s.speaker.map(&map);
            }
            for c in &mut d.commitments {
                c.id = map(c.id);
                c.statement = map(c.statement);
                c.committer = c.committer.map(&map);
                c.addressees.iter_mut().for_each(|a| *a = map(*a));
            }
            for s in &mut d.stances {
                s.id = map(s.id);
                s.statement = map(s.statement);
                s.holder = s.holder.map(&map);
                if let Some(StanceTarget::Actor(a)) = &mut s.target {
                    *a = map(*a);
                }
            }
            for t in &mut d.tags {
                t.id = map(t.id);
            }
            for l in &mut d.links {
                l.id = map(l.id);
                l.from = map(l.from);
                l.to = map(l.to);
            }
            for decision in &mut d.curation {
                decision.covers.iter_mut().for_each(|c| *c = map(*c));
                decision.covers.sort();
                decision.result = decision.result.map(&map);
            }
        }
        for r in &mut self.rejected_suggestions {
            r.document = map(r.document);
        }
        self.rejected_suggestions.sort();
        self.sort_all();
    }

    /// Hands out the ids `analyst` mints: in the analyst's own block, after the highest id
    /// in use there.
    pub fn id_allocator(&self, analyst: &str) -> IdAllocator {
        let block = analyst::block_of(analyst);
        let in_block = |id: &Id| analyst::block_of_id(*id) == block;
        let actors = self.actors.iter().map(Keyed::id);
        let docs = self
            .documents
            .iter()
            .flat_map(|d| std::iter::once(d.id).chain(d.annotation_ids()));
        IdAllocator::in_block(block, actors.chain(docs).filter(in_block).max())
    }

    /// Every analyst with a layer, a document status or a rejection in the project, sorted.
    pub fn analysts(&self) -> Vec<String> {
        let mut names = std::collections::BTreeSet::new();
        for d in &self.documents {
            names.extend(d.annotators().map(str::to_owned));
            names.extend(d.meta.progress.keys().cloned());
            if !d.curation.is_empty() {
                names.insert(super::curation::CURATED.to_owned());
            }
        }
        names.extend(self.rejected_suggestions.iter().map(|r| r.analyst.clone()));
        names.remove("");
        names.into_iter().collect()
    }

    /// The analysts who code, without the curated layer: whose layers curation and
    /// agreement compare.
    pub fn coders(&self) -> Vec<String> {
        let mut names = self.analysts();
        names.retain(|n| !super::curation::is_curated(n));
        names
    }

    /// The document holding the annotation with this id.
    pub fn document_of_annotation(&self, id: Id) -> Option<&Document> {
        self.documents.iter().find(|d| d.has_annotation(id))
    }

    /// True when any annotation anywhere refers to the actor.
    pub fn actor_in_use(&self, id: Id) -> bool {
        self.actors.iter().any(|a| a.affiliation == Some(id))
            || self.documents.iter().any(|d| {
                d.meta.issuer.contains(&id)
                    || d.mentions.iter().any(|m| m.actor == id)
                    || d.statements.iter().any(|s| s.speaker == Some(id))
                    || d.commitments
                        .iter()
                        .any(|c| c.committer == Some(id) || c.addressees.contains(&id))
                    || d.stances.iter().any(|s| {
                        s.holder == Some(id)
                            || s.target == Some(super::annotation::StanceTarget::Actor(id))
                    })
            })
    }

    /// Sorts every id-keyed list; see [`Document::sort_annotations`].
    /// The names of a document's issuers ("United States; Japan"), in the order given;
    /// an id the registry lacks is shown as the id.
    pub fn issuer_names(&self, document: &Document) -> String {
        document
            .meta
            .issuer
            .iter()
            .map(|&id| {
                self.actor(id)
                    .map_or_else(|| id.to_string(), |a| a.name.clone())
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn sort_all(&mut self) -> bool {
        let mut moved = false;
        if !self.actors.is_sorted_by_key(Keyed::id) {
            self.actors.sort_by_key(Keyed::id);
            moved = true;
        }
        if !self.documents.is_sorted_by_key(Keyed::id) {
            self.documents.sort_by_key(Keyed::id);
            moved = true;
        }
        for d in &mut self.documents {
            moved |= d.sort_annotations();
        }
        if !self.rejected_suggestions.is_sorted() {
            self.rejected_suggestions.sort();
            moved = true;
        }
        moved
    }
}
