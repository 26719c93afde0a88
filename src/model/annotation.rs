//! Annotations: mentions, statements, commitments, stances, tags and links.

use super::ids::{Id, Keyed};
use super::span::Span;
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who made an annotation and when; kept on every annotation for team work and audits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub annotator: String,
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    pub created: DateTime<Utc>,
    #[serde(deserialize_with = "super::timestamp::deserialize")]
    pub modified: DateTime<Utc>,
}

impl Stamp {
    /// Now, to the second: finer times add noise to files and diffs.
    pub fn now(annotator: impl Into<String>) -> Self {
        let now = Utc::now().trunc_subsecs(0);
        Self {
            annotator: annotator.into(),
            created: now,
            modified: now,
        }
    }

    /// The same stamp, modified now.
    pub fn touched(&self) -> Self {
        Self {
            modified: Utc::now().trunc_subsecs(0),
            ..self.clone()
        }
    }
}

/// A span that refers to an actor ("Wang", "the top diplomat", "he").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    pub id: Id,
    pub span: Span,
    pub actor: Id,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A span that says something codable, with its source and how it is attributed (PARC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: Id,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Id>,
    /// Key into the codebook's attribution modes (direct, reported, narration).
    pub attribution: String,
    /// The attribution cue ("said", "according to").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A commitment made in a statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub id: Id,
    pub statement: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committer: Option<Id>,
    /// Beneficiaries and addressees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<Id>,
    /// The action in a few words ("work with Latin America").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// Key into commitment categories (PLOVER).
    pub category: String,
    /// A CAMEO 03x code more specific than the category's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Key into contexts.
    pub context: String,
    /// Key into strengths (FactBank).
    pub strength: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conditions: String,
    /// Key into time horizons.
    pub time_horizon: String,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// What a stance is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StanceTarget {
    Actor(Id),
    /// Key into the codebook's topics.
    Topic(String),
}

/// A stance taken in a statement (SemEval-2016 polarity).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    pub id: Id,
    pub statement: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<StanceTarget>,
    pub polarity: String,
    pub intensity: String,
    /// CAMEO code such as 051 (praise or endorse), 016 (deny), 111 (criticize).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A span coded with a free codebook category, QDA-style, with optional attributes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: Id,
    pub span: Span,
    pub category: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A labelled relation between two annotations of the same document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    /// Key into link types.
    pub label: String,
    pub stamp: Stamp,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

macro_rules! keyed {
    ($($t:ty),*) => { $(impl Keyed for $t { fn id(&self) -> Id { self.id } })* };
}
keyed!(Mention, Statement, Commitment, Stance, Tag, Link);

/// Any annotation, for the edits and views that treat them alike.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Annotation {
    Mention(Mention),
    Statement(Statement),
    Commitment(Commitment),
    Stance(Stance),
    Tag(Tag),
    Link(Link),
}

/// The kinds of annotation, in the order they are listed and exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AnnotationKind {
    Mention,
    Statement,
    Commitment,
    Stance,
    Tag,
    Link,
}

impl AnnotationKind {
    pub fn label(self) -> &'static str {
        match self {
            AnnotationKind::Mention => "mention",
            AnnotationKind::Statement => "statement",
            AnnotationKind::Commitment => "commitment",
            AnnotationKind::Stance => "stance",
            AnnotationKind::Tag => "tag",
            AnnotationKind::Link => "link",
        }
    }
}

impl Annotation {
    pub fn id(&self) -> Id {
        match self {
            Annotation::Mention(a) => a.id,
            Annotation::Statement(a) => a.id,
            Annotation::Commitment(a) => a.id,
            Annotation::Stance(a) => a.id,
            Annotation::Tag(a) => a.id,
            Annotation::Link(a) => a.id,
        }
    }

    pub fn kind(&self) -> AnnotationKind {
        match self {
            Annotation::Mention(_) => AnnotationKind::Mention,
            Annotation::Statement(_) => AnnotationKind::Statement,
            Annotation::Commitment(_) => AnnotationKind::Commitment,
            Annotation::Stance(_) => AnnotationKind::Stance,
            Annotation::Tag(_) => AnnotationKind::Tag,
            Annotation::Link(_) => AnnotationKind::Link,
        }
    }

    /// The annotation's own span; commitments, stances and links have none of their own.
    pub fn span(&self) -> Option<&Span> {
        match self {
            Annotation::Mention(a) => Some(&a.span),
            Annotation::Statement(a) => Some(&a.span),
            Annotation::Tag(a) => Some(&a.span),
            Annotation::Commitment(_) | Annotation::Stance(_) | Annotation::Link(_) => None,
        }
    }

    pub fn stamp(&self) -> &Stamp {
        match self {
            Annotation::Mention(a) => &a.stamp,
            Annotation::Statement(a) => &a.stamp,
            Annotation::Commitment(a) => &a.stamp,
            Annotation::Stance(a) => &a.stamp,
            Annotation::Tag(a) => &a.stamp,
            Annotation::Link(a) => &a.stamp,
        }
    }

    pub fn note(&self) -> &str {
        match self {
            Annotation::Mention(a) => &a.note,
            Annotation::Statement(a) => &a.note,
            Annotation::Commitment(a) => &a.note,
            Annotation::Stance(a) => &a.note,
            Annotation::Tag(a) => &a.note,
            Annotation::Link(a) => &a.note,
        }
    }
}
