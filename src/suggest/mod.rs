//! Suggestions: mentions, statements, commitments and stances proposed by rules over a
//! document's text. They are never part of the project until the analyst accepts one
//! (`crate::edit::accept` turns a suggestion into an undoable edit); rejected ones are
//! remembered in the project (`Project::rejected_suggestions`) and never proposed again.
//!
//! Depends on `model` only. All offsets are code points in the document's text.

pub mod actors;
pub mod clauses;
pub mod gazetteer;
pub mod text;

use crate::model::{Document, Id, Project, RejectedSuggestion};
use serde::Serialize;

pub use gazetteer::Gazetteer;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuggestionKind {
    Mention,
    Statement,
    Commitment,
    Stance,
}

impl SuggestionKind {
    pub const ALL: [SuggestionKind; 4] = [
        SuggestionKind::Mention,
        SuggestionKind::Statement,
        SuggestionKind::Commitment,
        SuggestionKind::Stance,
    ];

    /// The word used in JSON output and in `RejectedSuggestion::kind`.
    pub fn key(self) -> &'static str {
        match self {
            SuggestionKind::Mention => "mention",
            SuggestionKind::Statement => "statement",
            SuggestionKind::Commitment => "commitment",
            SuggestionKind::Stance => "stance",
        }
    }
}

/// An actor the suggestion refers to: one already in the project, or one the gazetteer
/// or the text introduces (accepting the suggestion adds it to the registry first).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ActorRef {
    Project(Id),
    New(NewActor),
}

/// An actor not yet in the project. Two `NewActor`s with the same `name` are the same
/// actor (accepting several suggestions creates it once).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct NewActor {
    pub name: String,
    /// An `ActorKinds` codebook key: "person", "state", "international_org", …
    pub kind: String,
    pub aliases: Vec<String>,
    pub iso3: Option<String>,
    pub cameo: Option<String>,
    /// "Foreign Minister" for a person introduced with a title.
    pub role: String,
    /// The state or organisation a person speaks for, when the text says it.
    pub affiliation: Option<Box<ActorRef>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum StanceTargetRef {
    Actor(ActorRef),
    /// A `Topics` codebook key.
    Topic(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Detail {
    Mention {
        actor: ActorRef,
    },
    Statement {
        speaker: Option<ActorRef>,
        /// An `AttributionModes` key: "direct", "reported" or "narration".
        attribution: String,
        /// The reporting cue ("said", "according to"), code points.
        cue: Option<(usize, usize)>,
    },
    /// `start..end` of the suggestion is the commitment's cue and action ("will deepen
    /// cooperation"); `statement` is the range of the statement it belongs to.
    Commitment {
        statement: (usize, usize),
        committer: Option<ActorRef>,
        addressees: Vec<ActorRef>,
        action: String,
        /// A `Strengths` key: "certain", "probable", "possible", "uncommitted".
        strength: String,
        conditions: String,
        /// A `CommitmentCategories` key when the cue says it ("agree to" → AGREE), else "".
        category: String,
    },
    /// `start..end` is the stance cue and its object ("opposes interference").
    Stance {
        statement: (usize, usize),
        holder: Option<ActorRef>,
        target: Option<StanceTargetRef>,
        /// A `Polarities` key: "favor", "against", "neutral".
        polarity: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub detail: Detail,
}

impl Suggestion {
    /// The key under which a rejection of this suggestion is remembered.
    pub fn rejection(&self, document: Id) -> RejectedSuggestion {
        RejectedSuggestion {
            document,
            kind: self.kind.key().to_string(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Every suggestion for one document, in text order (then by kind), without those the
/// analyst rejected and without those an existing annotation already covers.
pub fn suggest(project: &Project, document: &Document, gazetteer: &Gazetteer) -> Vec<Suggestion> {
    let mentions = actors::mentions(project, document, gazetteer);
    let mut out = clauses::clauses(project, document, gazetteer, &mentions);
    out.extend(mentions);
    out.retain(|s| !is_rejected(project, document.id, s) && !is_annotated(document, s));
    out.sort_by_key(|s| (s.start, s.kind, s.end));
    out
}

fn is_rejected(project: &Project, document: Id, suggestion: &Suggestion) -> bool {
    let key = suggestion.rejection(document);
    project.rejected_suggestions.contains(&key)
}

/// True when the document already has an annotation of the same kind at the same place
/// (a mention or statement over the same range; a commitment or stance on a statement
/// over the suggestion's statement range).
fn is_annotated(document: &Document, suggestion: &Suggestion) -> bool {
    let single = |span: &crate::model::Span| {
        span.ranges.len() == 1
            && span.ranges[0].start == suggestion.start
            && span.ranges[0].end == suggestion.end
    };
    let statement_at = |range: (usize, usize)| {
        document.statements.iter().find(|s| {
            s.span.ranges.len() == 1
                && s.span.ranges[0].start == range.0
                && s.span.ranges[0].end == range.1
        })
    };
    match &suggestion.detail {
        Detail::Mention { .. } => document.mentions.iter().any(|m| single(&m.span)),
        Detail::Statement { .. } => document.statements.iter().any(|s| single(&s.span)),
        Detail::Commitment { statement, .. } => {
            statement_at(*statement).is_some_and(|s| document.commitments_of(s.id).next().is_some())
        }
        Detail::Stance { statement, .. } => {
            statement_at(*statement).is_some_and(|s| document.stances_of(s.id).next().is_some())
        }
    }
}
