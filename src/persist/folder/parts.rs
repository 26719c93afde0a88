//! The files of a project folder, one type per kind of file, and their canonical text.
//!
//! Public so that tools on top of the folder (the git merge driver) read and write parts
//! exactly as Demarche does: [`parse_part`] reads one file, [`part_text`] gives the only
//! bytes Demarche ever writes for a part.

use super::layout::{self, PartKind};
use crate::model::{
    Actor, Codebook, Commitment, Decision, DocStatus, DocumentMeta, Id, Link, Mention, Origin,
    ProjectMeta, Stance, Statement, Tag,
};
use crate::persist::{
    Problem, ProblemKind, canonical, canonical_config, parse_ron, syntax_problem,
};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// `project.ron`: what the project is, and its codebook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectPart {
    pub format_version: u32,
    pub meta: ProjectMeta,
    pub codebook: Codebook,
}

/// `documents/<id>-<slug>.ron`: one document's metadata and text, written at import and
/// shared by every analyst. Progress is per analyst, so it lives in the layers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentPart {
    pub id: Id,
    pub meta: DocumentMeta,
    pub origin: Origin,
    pub fingerprint: String,
    pub text: String,
}

/// A rejected suggestion inside a layer: the layer already says whose and on what.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerRejection {
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

/// `layers/<analyst>/<document stem>.ron`: one analyst's work on one document, written
/// only by that analyst, so that parallel work never touches the same file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerPart {
    pub analyst: String,
    pub document: Id,
    #[serde(default)]
    pub status: DocStatus,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected_suggestions: Vec<LayerRejection>,
    /// The curator's decisions on the document: only in the curated layer (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curation: Vec<Decision>,
}

impl LayerPart {
    /// An empty layer of `analyst` on `document`.
    pub fn new(analyst: &str, document: Id) -> Self {
        Self {
            analyst: analyst.to_owned(),
            document,
            status: DocStatus::Todo,
            mentions: Vec::new(),
            statements: Vec::new(),
            commitments: Vec::new(),
            stances: Vec::new(),
            tags: Vec::new(),
            links: Vec::new(),
            rejected_suggestions: Vec::new(),
            curation: Vec::new(),
        }
    }

    /// The number of annotations in the layer.
    pub fn annotation_count(&self) -> usize {
        self.mentions.len()
            + self.statements.len()
            + self.commitments.len()
            + self.stances.len()
            + self.tags.len()
            + self.links.len()
    }
}

/// One file of a project folder, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Project(ProjectPart),
    Actor(Actor),
    Document(DocumentPart),
    Layer(LayerPart),
}

/// Parses the file at `relative_path` (relative to the project folder, which decides what
/// kind of part it is) from its text. The problem names the file.
pub fn parse_part(relative_path: &Path, text: &str) -> Result<Part, Problem> {
    // A byte-order mark is not RON; editors on Windows add one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let located = |p: Problem| p.in_file(relative_path);
    let kind = layout::kind_of(relative_path).ok_or_else(|| {
        located(Problem::of(
            ProblemKind::WrongValue,
            None,
            None,
            "not a part of a project folder (project.ron, actors/*.ron, documents/*.ron, \
             layers/ANALYST/*.ron)",
        ))
    })?;
    let parse_error = |e: ron::error::SpannedError| located(syntax_problem(&e, text));
    Ok(match kind {
        PartKind::Project => Part::Project(parse_ron(text).map_err(parse_error)?),
        PartKind::Actor => Part::Actor(parse_ron(text).map_err(parse_error)?),
        PartKind::Document => Part::Document(parse_ron(text).map_err(parse_error)?),
        PartKind::Layer => Part::Layer(parse_ron(text).map_err(parse_error)?),
    })
}

/// The canonical text of a part: the same part always gives the same bytes, in the
/// single file's canonical form (LF, four-space indent, escaped strings), ending with a
/// newline. Every list of a part must be sorted by id, as the model keeps them.
pub fn part_text(part: &Part) -> String {
    let text = match part {
        Part::Project(p) => canonical::to_string_pretty(p, canonical_config()),
        Part::Actor(a) => canonical::to_string_pretty(a, canonical_config()),
        Part::Document(d) => canonical::to_string_pretty(d, canonical_config()),
        Part::Layer(l) => canonical::to_string_pretty(l, canonical_config()),
    };
    // Serialising the model cannot fail (see `to_canonical_string`).
    let mut text = text.unwrap_or_default();
    text.push('\n');
    text
}
