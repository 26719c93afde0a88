//! Format version 1, the first project file format, and its migration to the current one.
//!
//! What changed in version 2:
//! - a span was one range, written `(start: S, end: E, text: "…")`; it is now a list of
//!   ranges, so that discontinuous spans (as in brat) can be stored;
//! - actors had `color`; the field is now `colour`, as everywhere else in Demarche;
//! - annotations had `annotator` and `created` at top level; they are now grouped in a
//!   `stamp`, which also records when the annotation was last modified;
//! - a document's fingerprint was bare hex; it now names its algorithm (`sha256:…`);
//! - the codebook had no time horizons or link types, commitments had no time horizon,
//!   and documents had no links: those come from the default codebook and start empty.

use super::{Problem, ProblemKind};
use crate::model::document::fingerprint;
use crate::model::{
    Actor, Codebook, CodebookEntry, Commitment, Document, DocumentMeta, FORMAT_VERSION, Id,
    Mention, Origin, Project, ProjectMeta, RejectedSuggestion, Rgb, Span, Stamp, Stance,
    StanceTarget, Statement, Tag, TextRange,
};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The time horizon given to commitments that had none.
const UNSPECIFIED_HORIZON: &str = "unspecified";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProjectV1 {
    #[serde(rename = "format_version")]
    _format_version: u32,
    meta: ProjectMeta,
    codebook: CodebookV1,
    #[serde(default)]
    actors: Vec<ActorV1>,
    #[serde(default)]
    documents: Vec<DocumentV1>,
    #[serde(default)]
    rejected_suggestions: Vec<RejectedSuggestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodebookV1 {
    actor_kinds: Vec<CodebookEntry>,
    attribution_modes: Vec<CodebookEntry>,
    commitment_categories: Vec<CodebookEntry>,
    contexts: Vec<CodebookEntry>,
    strengths: Vec<CodebookEntry>,
    polarities: Vec<CodebookEntry>,
    intensities: Vec<CodebookEntry>,
    topics: Vec<CodebookEntry>,
    tag_categories: Vec<CodebookEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorV1 {
    id: Id,
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    iso3: Option<String>,
    #[serde(default)]
    cameo: Option<String>,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default)]
    affiliation: Option<Id>,
    #[serde(default)]
    role: String,
    color: Rgb,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentV1 {
    id: Id,
    meta: DocumentMeta,
    origin: Origin,
    /// SHA-256 of the text as bare lowercase hex.
    fingerprint: String,
    text: String,
    #[serde(default)]
    mentions: Vec<MentionV1>,
    #[serde(default)]
    statements: Vec<StatementV1>,
    #[serde(default)]
    commitments: Vec<CommitmentV1>,
    #[serde(default)]
    stances: Vec<StanceV1>,
    #[serde(default)]
    tags: Vec<TagV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionV1 {
    id: Id,
    span: TextRange,
    actor: Id,
    annotator: String,
    created: DateTime<Utc>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementV1 {
    id: Id,
    span: TextRange,
    #[serde(default)]
    speaker: Option<Id>,
    attribution: String,
    #[serde(default)]
    cue: Option<TextRange>,
    annotator: String,
    created: DateTime<Utc>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommitmentV1 {
    id: Id,
    statement: Id,
    #[serde(default)]
    committer: Option<Id>,
    #[serde(default)]
    addressees: Vec<Id>,
    #[serde(default)]
    action: String,
    category: String,
    #[serde(default)]
    cameo: Option<String>,
    context: String,
    strength: String,
    #[serde(default)]
    conditions: String,
    annotator: String,
    created: DateTime<Utc>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceV1 {
    id: Id,
    statement: Id,
    #[serde(default)]
    holder: Option<Id>,
    #[serde(default)]
    target: Option<StanceTarget>,
    polarity: String,
    intensity: String,
    #[serde(default)]
    cameo: Option<String>,
    annotator: String,
    created: DateTime<Utc>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TagV1 {
    id: Id,
    span: TextRange,
    category: String,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    annotator: String,
    created: DateTime<Utc>,
    #[serde(default)]
    note: String,
}

/// A version 1 annotation was never modified as far as the file knows.
fn stamp(annotator: String, created: DateTime<Utc>) -> Stamp {
    Stamp {
        annotator,
        created,
        modified: created,
    }
}

fn span(range: TextRange) -> Span {
    Span {
        ranges: vec![range],
    }
}

impl ProjectV1 {
    /// The same project in the current format, with the problems only the old file shows
    /// (a fingerprint that does not match its text cannot be carried over, since the new
    /// document computes its own).
    pub(super) fn migrate(self) -> (Project, Vec<Problem>) {
        let mut problems = Vec::new();
        let defaults = Codebook::default();
        let old = self.codebook;
        let codebook = Codebook {
            actor_kinds: old.actor_kinds,
            attribution_modes: old.attribution_modes,
            commitment_categories: old.commitment_categories,
            contexts: old.contexts,
            strengths: old.strengths,
            time_horizons: defaults.time_horizons,
            polarities: old.polarities,
            intensities: old.intensities,
            topics: old.topics,
            tag_categories: old.tag_categories,
            link_types: defaults.link_types,
        };
        let actors = self
            .actors
            .into_iter()
            .map(|a| Actor {
                id: a.id,
                name: a.name,
                kind: a.kind,
                aliases: a.aliases,
                iso3: a.iso3,
                cameo: a.cameo,
                wikidata: a.wikidata,
                affiliation: a.affiliation,
                role: a.role,
                colour: a.color,
                note: a.note,
            })
            .collect();
        let documents = self
            .documents
            .into_iter()
            .map(|d| d.migrate(&mut problems))
            .collect();
        let project = Project {
            format_version: FORMAT_VERSION,
            meta: self.meta,
            codebook,
            actors,
            documents,
            rejected_suggestions: self.rejected_suggestions,
        };
        (project, problems)
    }
}

impl DocumentV1 {
    fn migrate(self, problems: &mut Vec<Problem>) -> Document {
        let mut document = Document::new(self.id, self.meta, self.origin, self.text);
        let stored = format!("sha256:{}", self.fingerprint.to_ascii_lowercase());
        if stored != fingerprint(document.text().as_bytes()) {
            problems.push(Problem::of(
                ProblemKind::FingerprintMismatch,
                Some(self.id),
                None,
                format!(
                    "the text does not match its fingerprint {} (was the text edited outside Demarche?)",
                    self.fingerprint
                ),
            ));
        }
        document.mentions = self
            .mentions
            .into_iter()
            .map(|m| Mention {
                id: m.id,
                span: span(m.span),
                actor: m.actor,
                stamp: stamp(m.annotator, m.created),
                note: m.note,
            })
            .collect();
        document.statements = self
            .statements
            .into_iter()
            .map(|s| Statement {
                id: s.id,
                span: span(s.span),
                speaker: s.speaker,
                attribution: s.attribution,
                cue: s.cue.map(span),
                stamp: stamp(s.annotator, s.created),
                note: s.note,
            })
            .collect();
        document.commitments = self
            .commitments
            .into_iter()
            .map(|c| Commitment {
                id: c.id,
                statement: c.statement,
                committer: c.committer,
                addressees: c.addressees,
                action: c.action,
                category: c.category,
                cameo: c.cameo,
                context: c.context,
                strength: c.strength,
                conditions: c.conditions,
                time_horizon: UNSPECIFIED_HORIZON.to_owned(),
                stamp: stamp(c.annotator, c.created),
                note: c.note,
            })
            .collect();
        document.stances = self
            .stances
            .into_iter()
            .map(|s| Stance {
                id: s.id,
                statement: s.statement,
                holder: s.holder,
                target: s.target,
                polarity: s.polarity,
                intensity: s.intensity,
                cameo: s.cameo,
                stamp: stamp(s.annotator, s.created),
                note: s.note,
            })
            .collect();
        document.tags = self
            .tags
            .into_iter()
            .map(|t| Tag {
                id: t.id,
                span: span(t.span),
                category: t.category,
                attributes: t.attributes,
                stamp: stamp(t.annotator, t.created),
                note: t.note,
            })
            .collect();
        document
    }
}
