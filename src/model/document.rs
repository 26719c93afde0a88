//! Documents: an article's metadata, its embedded text and its annotations.

use super::annotation::{Annotation, Commitment, Link, Mention, Stance, Statement, Tag};
use super::curation::Decision;
use super::ids::{self, Id, Keyed};
use super::text::TextIndex;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocStatus {
    #[default]
    Todo,
    InProgress,
    Done,
}

impl DocStatus {
    pub const ALL: [DocStatus; 3] = [DocStatus::Todo, DocStatus::InProgress, DocStatus::Done];

    pub fn label(self) -> &'static str {
        match self {
            DocStatus::Todo => "to do",
            DocStatus::InProgress => "in progress",
            DocStatus::Done => "done",
        }
    }
}

/// What an analyst can edit about a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub byline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// BCP 47 language tag ("en", "zh-Hans").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Who speaks in the document's own voice: the government issuing a readout, the
    /// parties to a joint statement, a communiqué's signatories (actors of the registry).
    /// Left out of the file when empty, so projects without issuers keep their bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuer: Vec<Id>,
    /// How far each analyst has got with the document; an analyst not listed has it to do.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub progress: BTreeMap<String, DocStatus>,
    /// The single status of format 2 files, read only to be migrated into `progress`.
    #[serde(
        default,
        rename = "status",
        skip_serializing,
        deserialize_with = "present_status"
    )]
    pub legacy_status: Option<DocStatus>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

// The file holds a bare `Done`, not `Some(Done)`.
fn present_status<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<DocStatus>, D::Error> {
    DocStatus::deserialize(d).map(Some)
}

impl DocumentMeta {
    /// Where `analyst` is with the document.
    pub fn status_of(&self, analyst: &str) -> DocStatus {
        self.progress.get(analyst).copied().unwrap_or_default()
    }

    /// Every analyst's status, as `alice: done; bob: in progress` (empty: nobody started).
    pub fn progress_summary(&self) -> String {
        self.progress
            .iter()
            .map(|(analyst, status)| format!("{analyst}: {}", status.label()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Sets `analyst`'s status; "to do" is not stored, so untouched documents stay silent.
    pub fn set_status(&mut self, analyst: &str, status: DocStatus) {
        if status == DocStatus::Todo {
            self.progress.remove(analyst);
        } else {
            self.progress.insert(analyst.to_owned(), status);
        }
    }
}

/// The line endings an article had before it was normalised to LF.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineEndings {
    #[default]
    Lf,
    CrLf,
    Cr,
    Mixed,
}

/// Where a document's text came from and how it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The file it was imported from, as given at import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The importer that read it ("text", "html", …).
    pub format: String,
    /// The character encoding it was decoded from (WHATWG name).
    pub encoding: String,
    pub line_endings: LineEndings,
    /// SHA-256 of the file's bytes as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_fingerprint: Option<String>,
    pub imported: DateTime<Utc>,
}

/// An article with its full text embedded, so a project is complete on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: Id,
    pub meta: DocumentMeta,
    pub origin: Origin,
    /// SHA-256 of `text`; detects texts changed behind Demarche's back and duplicate imports.
    fingerprint: String,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<Commitment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stances: Vec<Stance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The curator's decisions on this document, sorted by what they cover (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curation: Vec<Decision>,
    #[serde(skip)]
    index: LazyIndex,
}

impl Keyed for Document {
    fn id(&self) -> Id {
        self.id
    }
}

/// SHA-256 of a text, as `sha256:` and lowercase hex.
pub fn fingerprint(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest.iter() {
        let _ = write!(out, "{b:02x}");
    }
    out
}

impl Document {
    /// A document over `text`, which must already be normalised (LF line endings).
    pub fn new(id: Id, meta: DocumentMeta, origin: Origin, text: String) -> Self {
        Self {
            id,
            meta,
            origin,
            fingerprint: fingerprint(text.as_bytes()),
            text,
            mentions: Vec::new(),
            statements: Vec::new(),
            commitments: Vec::new(),
            stances: Vec::new(),
            tags: Vec::new(),
            links: Vec::new(),
            curation: Vec::new(),
            index: LazyIndex::default(),
        }
    }

    /// A document as stored in a file: `fingerprint` is kept as written, not recomputed,
    /// so that validation still reports a text changed behind Demarche's back.
    pub fn from_stored(
        id: Id,
        meta: DocumentMeta,
        origin: Origin,
        fingerprint: String,
        text: String,
    ) -> Self {
        Self {
            id,
            meta,
            origin,
            fingerprint,
            text,
            mentions: Vec::new(),
            statements: Vec::new(),
            commitments: Vec::new(),
            stances: Vec::new(),
            tags: Vec::new(),
            links: Vec::new(),
            curation: Vec::new(),
            index: LazyIndex::default(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The fingerprint stored in the file (checked against the text on load).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Code-point index of the text, built once: the text of a document never changes.
    pub fn index(&self) -> &TextIndex {
        self.index.0.get_or_init(|| TextIndex::new(&self.text))
    }

    pub fn len_chars(&self) -> usize {
        self.index().len_chars()
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        self.index().slice(&self.text, start, end)
    }

    pub fn annotation_count(&self) -> usize {
        self.mentions.len()
            + self.statements.len()
            + self.commitments.len()
            + self.stances.len()
            + self.tags.len()
            + self.links.len()
    }

    /// The annotation with this id, of whatever kind.
    pub fn annotation(&self, id: Id) -> Option<Annotation> {
        if let Some(a) = ids::find(&self.mentions, id) {
            return Some(Annotation::Mention(a.clone()));
        }
        if let Some(a) = ids::find(&self.statements, id) {
            return Some(Annotation::Statement(a.clone()));
        }
        if let Some(a) = ids::find(&self.commitments, id) {
            return Some(Annotation::Commitment(a.clone()));
        }
        if let Some(a) = ids::find(&self.stances, id) {
            return Some(Annotation::Stance(a.clone()));
        }
        if let Some(a) = ids::find(&self.tags, id) {
            return Some(Annotation::Tag(a.clone()));
        }
        ids::find(&self.links, id).map(|a| Annotation::Link(a.clone()))
    }

    pub fn has_annotation(&self, id: Id) -> bool {
        ids::find(&self.mentions, id).is_some()
            || ids::find(&self.statements, id).is_some()
            || ids::find(&self.commitments, id).is_some()
            || ids::find(&self.stances, id).is_some()
            || ids::find(&self.tags, id).is_some()
            || ids::find(&self.links, id).is_some()
    }

    /// The analysts with annotations here, in no particular order and possibly repeated.
    pub fn annotators(&self) -> impl Iterator<Item = &str> + '_ {
        self.mentions
            .iter()
            .map(|a| &a.stamp)
            .chain(self.statements.iter().map(|a| &a.stamp))
            .chain(self.commitments.iter().map(|a| &a.stamp))
            .chain(self.stances.iter().map(|a| &a.stamp))
            .chain(self.tags.iter().map(|a| &a.stamp))
            .chain(self.links.iter().map(|a| &a.stamp))
            .map(|s| s.annotator.as_str())
    }

    /// Every annotation id, in no particular order.
    pub fn annotation_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.mentions
            .iter()
            .map(|a| a.id)
            .chain(self.statements.iter().map(|a| a.id))
            .chain(self.commitments.iter().map(|a| a.id))
            .chain(self.stances.iter().map(|a| a.id))
            .chain(self.tags.iter().map(|a| a.id))
            .chain(self.links.iter().map(|a| a.id))
    }

    /// The decision covering the analysts' annotation `id`, if the curator settled it.
    pub fn decision_covering(&self, id: Id) -> Option<&Decision> {
        self.curation.iter().find(|d| d.covers_id(id))
    }

    pub fn commitments_of(&self, statement: Id) -> impl Iterator<Item = &Commitment> {
        self.commitments
            .iter()
            .filter(move |c| c.statement == statement)
    }

    pub fn stances_of(&self, statement: Id) -> impl Iterator<Item = &Stance> {
        self.stances
            .iter()
            .filter(move |s| s.statement == statement)
    }

    /// Restores the invariant that every list is sorted by id (after deserialising a file
    /// written by hand or by another tool). Returns true when anything moved.
    pub fn sort_annotations(&mut self) -> bool {
        fn sort<T: Keyed>(v: &mut [T]) -> bool {
            if v.is_sorted_by_key(Keyed::id) {
                return false;
            }
            v.sort_by_key(Keyed::id);
            true
        }
        let mut moved = sort(&mut self.mentions);
        moved |= sort(&mut self.statements);
        moved |= sort(&mut self.commitments);
        moved |= sort(&mut self.stances);
        moved |= sort(&mut self.tags);
        moved |= sort(&mut self.links);
        if !self.curation.is_sorted_by(|a, b| a.covers <= b.covers) {
            self.curation.sort_by(|a, b| a.covers.cmp(&b.covers));
            moved = true;
        }
        moved
    }
}

/// A derived cache that never takes part in equality or serialisation.
#[derive(Clone, Default)]
struct LazyIndex(OnceLock<TextIndex>);

impl PartialEq for LazyIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for LazyIndex {}

impl std::fmt::Debug for LazyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyIndex")
    }
}
