//! Suggestions: mentions, statements, commitments and stances proposed by rules over a
//! document's text. They are never part of the project until the analyst accepts one
//! (`crate::edit::accept` turns a suggestion into an undoable edit); rejected ones are
//! remembered in the project (`Project::rejected_suggestions`) and never proposed again.
//!
//! Depends on `model` only. All offsets are code points in the document's text.

pub mod actors;
pub mod clauses;
pub mod gazetteer;
pub mod issuer;
pub mod lexicon;
pub mod pattern;
pub mod reading;
mod roles;
pub mod rules;
pub mod stats;

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
        /// Why the rules named no target (`target` is `None`), for the analyst.
        no_target: Option<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub detail: Detail,
    /// The name of the rule that made it (see [`rules::RULES`]); "" for a suggestion
    /// that came from elsewhere (another tool's file).
    pub rule: &'static str,
}

impl Suggestion {
    /// The key under which a rejection of this suggestion is remembered.
    pub fn rejection(&self, document: Id, analyst: &str) -> RejectedSuggestion {
        RejectedSuggestion {
            document,
            analyst: analyst.to_owned(),
            kind: self.kind.key().to_string(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Why the statement, commitment and stance rules do not run on `document`: its language
/// has no rule set (`assets/rules/`). Mentions are still found: the gazetteer's names are
/// not tied to a language. `None` when the rules run.
pub fn missing_rules(document: &Document) -> Option<String> {
    let language = document.meta.language.as_str();
    lexicon::Lexicon::for_language(language).is_none().then(|| {
        format!(
            "No statement, commitment or stance rules for language “{language}” (shipped: {}); \
                 suggesting mentions only.",
            lexicon::SHIPPED
                .iter()
                .map(|(code, _, _)| *code)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

/// Every suggestion for one document, in text order (then by kind), without those any
/// analyst rejected and without those any analyst's annotation already covers.
pub fn suggest(project: &Project, document: &Document, gazetteer: &Gazetteer) -> Vec<Suggestion> {
    suggest_in(project, document, gazetteer, None)
}

/// The suggestions for `analyst`: without those this analyst rejected or already coded.
/// Other analysts' work does not hide a suggestion: every coder codes independently.
pub fn suggest_for(
    project: &Project,
    document: &Document,
    gazetteer: &Gazetteer,
    analyst: &str,
) -> Vec<Suggestion> {
    suggest_in(project, document, gazetteer, Some(analyst))
}

/// What the rules propose, before anything rejected or coded is taken out (the window
/// filters for the analyst at work with [`retain_open`]).
pub fn proposals(project: &Project, document: &Document, gazetteer: &Gazetteer) -> Vec<Suggestion> {
    let mentions = actors::mentions(project, document, gazetteer);
    let mut out = clauses::clauses(project, document, gazetteer, &mentions);
    out.extend(mentions);
    roles::to_project_keys(&project.codebook, &mut out);
    out
}

fn suggest_in(
    project: &Project,
    document: &Document,
    gazetteer: &Gazetteer,
    analyst: Option<&str>,
) -> Vec<Suggestion> {
    let mut out = proposals(project, document, gazetteer);
    retain_open(project, document, &mut out, analyst);
    out.sort_by_key(|s| (s.start, s.kind, s.end));
    out
}

/// Drops the suggestions the analyst rejected and those an annotation of theirs already
/// covers (`None`: any analyst's). The window applies it to suggestions from any source,
/// `suggest` to the rules' own.
pub fn retain_open(
    project: &Project,
    document: &Document,
    list: &mut Vec<Suggestion>,
    analyst: Option<&str>,
) {
    let mine = |stamp: &crate::model::Stamp| analyst.is_none_or(|a| stamp.annotator == a);
    let mentioned = Coverage::new(
        document
            .mentions
            .iter()
            .filter(|m| mine(&m.stamp))
            .map(|m| &m.span),
    );
    let stated = Coverage::new(
        document
            .statements
            .iter()
            .filter(|s| mine(&s.stamp))
            .map(|s| &s.span),
    );
    list.retain(|s| {
        !is_rejected(project, document.id, s, analyst)
            && !is_annotated(document, s, &mentioned, &stated, &mine)
    });
}

fn is_rejected(
    project: &Project,
    document: Id,
    suggestion: &Suggestion,
    analyst: Option<&str>,
) -> bool {
    let rejection = suggestion.rejection(document, analyst.unwrap_or_default());
    match analyst {
        // Kept sorted by `Edit::AddRejection`.
        Some(_) => project
            .rejected_suggestions
            .binary_search(&rejection)
            .is_ok(),
        None => project.rejected_suggestions.iter().any(|r| {
            r.document == rejection.document
                && r.kind == rejection.kind
                && r.start == rejection.start
                && r.end == rejection.end
        }),
    }
}

/// The text an analyst has already coded with one kind of annotation, for overlap queries
/// in O(log n): ranges sorted by start with the running maximum of their ends.
struct Coverage {
    ranges: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl Coverage {
    fn new<'a>(spans: impl Iterator<Item = &'a crate::model::Span>) -> Self {
        let mut ranges: Vec<(usize, usize)> = spans
            .flat_map(|span| span.ranges.iter().map(|r| (r.start, r.end)))
            .collect();
        ranges.sort_unstable();
        let max_end = ranges
            .iter()
            .scan(0, |max, &(_, end)| {
                *max = (*max).max(end);
                Some(*max)
            })
            .collect();
        Self { ranges, max_end }
    }

    /// True when a coded range overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let before_end = self.ranges.partition_point(|&(s, _)| s < end);
        before_end > 0 && self.max_end[before_end - 1] > start
    }
}

/// True when the analyst has already coded this place: a mention suggestion overlapping an
/// existing mention, a statement suggestion overlapping an existing statement (the analyst
/// chose other bounds for the same words; offering the near-copy again is noise), a
/// commitment or stance on a statement over the suggestion's statement range that already
/// has one.
fn is_annotated(
    document: &Document,
    suggestion: &Suggestion,
    mentioned: &Coverage,
    stated: &Coverage,
    mine: &dyn Fn(&crate::model::Stamp) -> bool,
) -> bool {
    let statement_at = |range: (usize, usize)| {
        document.statements.iter().find(|s| {
            mine(&s.stamp)
                && s.span.ranges.len() == 1
                && s.span.ranges[0].start == range.0
                && s.span.ranges[0].end == range.1
        })
    };
    match &suggestion.detail {
        Detail::Mention { .. } => mentioned.overlaps(suggestion.start, suggestion.end),
        Detail::Statement { .. } => stated.overlaps(suggestion.start, suggestion.end),
        Detail::Commitment { statement, .. } => {
            statement_at(*statement).is_some_and(|s| document.commitments_of(s.id).next().is_some())
        }
        Detail::Stance { statement, .. } => {
            statement_at(*statement).is_some_and(|s| document.stances_of(s.id).next().is_some())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Coverage;
    use crate::model::{Span, TextRange};

    fn span(start: usize, end: usize) -> Span {
        Span {
            ranges: vec![TextRange {
                start,
                end,
                text: "x".repeat(end - start),
            }],
        }
    }

    #[test]
    fn coverage_finds_any_overlap_and_only_overlaps() {
        let spans = [span(10, 20), span(0, 50), span(60, 70)];
        let coverage = Coverage::new(spans.iter());
        assert!(coverage.overlaps(45, 55), "inside the long range");
        assert!(coverage.overlaps(65, 66));
        assert!(!coverage.overlaps(50, 60), "touching edges do not overlap");
        assert!(!coverage.overlaps(70, 80));
        assert!(!Coverage::new(std::iter::empty()).overlaps(0, 10));
    }
}
