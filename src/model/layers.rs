//! Analysts' layers seen from outside: how much each analyst coded on each document, and a
//! project narrowed to some analysts' layers (what `--analyst NAME` reads and exports).

use super::{Document, Id, Project};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Annotations of one layer, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub mentions: usize,
    pub statements: usize,
    pub commitments: usize,
    pub stances: usize,
    pub tags: usize,
    pub links: usize,
}

impl KindCounts {
    pub fn total(&self) -> usize {
        self.mentions + self.statements + self.commitments + self.stances + self.tags + self.links
    }

    pub fn add(&mut self, other: &KindCounts) {
        self.mentions += other.mentions;
        self.statements += other.statements;
        self.commitments += other.commitments;
        self.stances += other.stances;
        self.tags += other.tags;
        self.links += other.links;
    }
}

impl std::fmt::Display for KindCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use super::counted;
        write!(
            f,
            "{}, {} ({}, {}), {}, {}",
            counted(self.mentions, "mention"),
            counted(self.statements, "statement"),
            counted(self.commitments, "commitment"),
            counted(self.stances, "stance"),
            counted(self.tags, "tag"),
            counted(self.links, "link")
        )
    }
}

/// Each analyst's annotations on `doc`, by kind; analysts without any are absent.
pub fn counts_by_analyst(doc: &Document) -> BTreeMap<&str, KindCounts> {
    let mut out: BTreeMap<&str, KindCounts> = BTreeMap::new();
    for m in &doc.mentions {
        out.entry(&m.stamp.annotator).or_default().mentions += 1;
    }
    for s in &doc.statements {
        out.entry(&s.stamp.annotator).or_default().statements += 1;
    }
    for c in &doc.commitments {
        out.entry(&c.stamp.annotator).or_default().commitments += 1;
    }
    for s in &doc.stances {
        out.entry(&s.stamp.annotator).or_default().stances += 1;
    }
    for t in &doc.tags {
        out.entry(&t.stamp.annotator).or_default().tags += 1;
    }
    for l in &doc.links {
        out.entry(&l.stamp.annotator).or_default().links += 1;
    }
    out
}

/// The analysts with annotations on `doc`, sorted; "" stands for annotations without an
/// analyst (hand-written files).
pub fn layer_names(doc: &Document) -> Vec<&str> {
    let names: BTreeSet<&str> = doc.annotators().collect();
    names.into_iter().collect()
}

/// `doc` with only `analyst`'s annotations and status: what exports write per analyst.
pub fn layer_document(doc: &Document, analyst: &str) -> Document {
    let mut project_of_one = Project::new("");
    project_of_one.documents.push(doc.clone());
    keep_layers(&mut project_of_one, &[analyst.to_owned()]);
    project_of_one
        .documents
        .pop()
        .unwrap_or_else(|| doc.clone())
}

/// `analyst`'s annotations on `doc`, removable in this order: what points at an annotation
/// (links, then commitments and stances) comes before it.
pub fn layer_ids(doc: &Document, analyst: &str) -> Vec<Id> {
    let mine = |stamp: &super::Stamp| stamp.annotator == analyst;
    let links = doc.links.iter().filter(|a| mine(&a.stamp)).map(|a| a.id);
    let commitments = doc
        .commitments
        .iter()
        .filter(|a| mine(&a.stamp))
        .map(|a| a.id);
    let stances = doc.stances.iter().filter(|a| mine(&a.stamp)).map(|a| a.id);
    let tags = doc.tags.iter().filter(|a| mine(&a.stamp)).map(|a| a.id);
    let statements = doc
        .statements
        .iter()
        .filter(|a| mine(&a.stamp))
        .map(|a| a.id);
    let mentions = doc.mentions.iter().filter(|a| mine(&a.stamp)).map(|a| a.id);
    links
        .chain(commitments)
        .chain(stances)
        .chain(tags)
        .chain(statements)
        .chain(mentions)
        .collect()
}

/// Why a list of analysts cannot narrow a project.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{} has no analyst {}; its analysts are: {}", project, quoted(unknown), if known.is_empty() { "none yet".to_owned() } else { known.join(", ") })]
pub struct UnknownAnalyst {
    pub project: String,
    pub unknown: Vec<String>,
    pub known: Vec<String>,
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks that every name in `wanted` is one of the project's analysts (`what` names the
/// project in the message).
pub fn check_analysts(
    project: &Project,
    wanted: &[String],
    what: &str,
) -> Result<(), UnknownAnalyst> {
    let known = project.analysts();
    let unknown: Vec<String> = wanted
        .iter()
        .filter(|w| !known.iter().any(|k| k == w.trim()))
        .cloned()
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(UnknownAnalyst {
            project: what.to_owned(),
            unknown,
            known,
        })
    }
}

/// Keeps only the layers, document statuses and rejections of `analysts` (every analyst
/// when empty). Actors, documents and the codebook are shared and stay.
pub fn keep_layers(project: &mut Project, analysts: &[String]) {
    if analysts.is_empty() {
        return;
    }
    let keep: BTreeSet<&str> = analysts.iter().map(|a| a.trim()).collect();
    let kept = |annotator: &str| keep.contains(annotator);
    for doc in &mut project.documents {
        doc.mentions.retain(|a| kept(&a.stamp.annotator));
        doc.statements.retain(|a| kept(&a.stamp.annotator));
        let statements: HashSet<Id> = doc.statements.iter().map(|s| s.id).collect();
        // A layer's references stay inside it; an annotation whose statement was in
        // another layer (hand-edited files) goes with that layer.
        doc.commitments
            .retain(|a| kept(&a.stamp.annotator) && statements.contains(&a.statement));
        doc.stances
            .retain(|a| kept(&a.stamp.annotator) && statements.contains(&a.statement));
        doc.tags.retain(|a| kept(&a.stamp.annotator));
        let ids: HashSet<Id> = doc.annotation_ids().collect();
        doc.links.retain(|l| kept(&l.stamp.annotator));
        let links: HashSet<Id> = doc.links.iter().map(|l| l.id).collect();
        doc.links.retain(|l| {
            [l.from, l.to]
                .iter()
                .all(|end| ids.contains(end) || links.contains(end))
        });
        doc.meta.progress.retain(|analyst, _| kept(analyst));
        if !kept(super::curation::CURATED) {
            doc.curation.clear();
        }
    }
    project
        .rejected_suggestions
        .retain(|r| kept(r.analyst.as_str()));
}

/// An annotation that refers to one in another analyst's layer: a commitment or stance on
/// someone else's statement, a link between two layers. Valid, but outside the rule that
/// references stay inside a layer: each analyst's coding is no longer theirs alone, and
/// agreement and curation cannot compare it as one analyst's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossLayerReference {
    pub document: Id,
    pub from: Id,
    pub from_kind: &'static str,
    pub from_analyst: String,
    pub to: Id,
    pub to_kind: &'static str,
    pub to_analyst: String,
}

/// Every reference from one analyst's layer into another's, by document and id.
pub fn cross_layer_references(project: &Project) -> Vec<CrossLayerReference> {
    let mut found = Vec::new();
    for doc in &project.documents {
        let mut refer = |from: Id, kind: &'static str, analyst: &str, to: Id| {
            let Some(target) = doc.annotation(to) else {
                return;
            };
            let to_analyst = &target.stamp().annotator;
            if to_analyst != analyst {
                found.push(CrossLayerReference {
                    document: doc.id,
                    from,
                    from_kind: kind,
                    from_analyst: analyst.to_owned(),
                    to,
                    to_kind: target.kind().label(),
                    to_analyst: to_analyst.clone(),
                });
            }
        };
        for c in &doc.commitments {
            refer(c.id, "commitment", &c.stamp.annotator, c.statement);
        }
        for s in &doc.stances {
            refer(s.id, "stance", &s.stamp.annotator, s.statement);
        }
        for l in &doc.links {
            refer(l.id, "link", &l.stamp.annotator, l.from);
            refer(l.id, "link", &l.stamp.annotator, l.to);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Mention, Origin, Span, Stamp, Tag};

    fn doc_with(layers: &[(&str, usize)]) -> (Project, Id) {
        let mut project = Project::new("p");
        let origin = Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: Default::default(),
            file_fingerprint: None,
            imported: chrono::Utc::now(),
        };
        let mut doc = Document::new(
            Id(1),
            DocumentMeta::default(),
            origin,
            "Lima and Quito.".into(),
        );
        let mut next = 10;
        for (analyst, tags) in layers {
            for _ in 0..*tags {
                next += 1;
                doc.tags.push(Tag {
                    id: Id(next),
                    span: Span::from_ranges(doc.text(), doc.index(), [(0, 4)]).expect("span"),
                    category: "place".into(),
                    attributes: Default::default(),
                    stamp: Stamp::now(*analyst),
                    note: String::new(),
                });
            }
        }
        let actor = crate::model::Actor::new(Id(2), "Lima", "country");
        doc.mentions.push(Mention {
            id: Id(100),
            span: Span::from_ranges(doc.text(), doc.index(), [(0, 4)]).expect("span"),
            actor: actor.id,
            stamp: Stamp::now("bob"),
            note: String::new(),
        });
        project.actors.push(actor);
        project.documents.push(doc);
        (project, Id(1))
    }

    #[test]
    fn counts_are_per_analyst_and_kind() {
        let (project, id) = doc_with(&[("alice", 2), ("bob", 1)]);
        let counts = counts_by_analyst(project.document(id).expect("doc"));
        assert_eq!(counts["alice"].tags, 2);
        assert_eq!(counts["bob"].tags, 1);
        assert_eq!(counts["bob"].mentions, 1);
        assert_eq!(counts["bob"].total(), 2);
        assert_eq!(counts.len(), 2);
    }

    #[test]
    fn keeping_a_layer_drops_the_others_but_not_the_shared_actors() {
        let (mut project, id) = doc_with(&[("alice", 2), ("bob", 1)]);
        keep_layers(&mut project, &["alice".to_owned()]);
        let doc = project.document(id).expect("doc");
        assert_eq!(doc.tags.len(), 2);
        assert!(doc.mentions.is_empty());
        assert_eq!(project.actors.len(), 1);
        assert_eq!(project.analysts(), ["alice"]);
    }

    #[test]
    fn an_unknown_analyst_is_named_with_the_known_ones() {
        let (project, _) = doc_with(&[("alice", 1)]);
        let err = check_analysts(&project, &["carol".to_owned()], "p.ron").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.ron has no analyst “carol”; its analysts are: alice, bob"
        );
    }

    #[test]
    fn a_layer_is_listed_with_what_points_at_an_annotation_first() {
        let (project, id) = doc_with(&[("alice", 1)]);
        let doc = project.document(id).expect("doc");
        assert_eq!(layer_ids(doc, "bob"), [Id(100)]);
        assert_eq!(layer_ids(doc, "alice"), [Id(11)]);
    }
}
