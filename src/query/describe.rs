//! A hit as the hit list and the exports show it: its document's date, source and title,
//! the actors and codes of the annotation, and the span in context (keyword in context).

use super::index::{Index, NONE};
use crate::model::{Document, Project};

/// Characters of context shown on each side of the span.
pub const CONTEXT_CHARS: usize = 60;

/// The columns of a hit, in the order the exports write them.
pub const COLUMNS: [&str; 18] = [
    "date",
    "source",
    "document",
    "title",
    "analyst",
    "kind",
    "annotation",
    "speaker",
    "committer",
    "addressees",
    "holder",
    "target",
    "category",
    "strength",
    "polarity",
    "left",
    "text",
    "right",
];

/// One hit's cells; `text` is the span (for commitments and stances their statement's),
/// `left` and `right` its context in the document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct HitRow {
    pub date: String,
    pub source: String,
    pub document: u64,
    pub title: String,
    pub analyst: String,
    pub kind: String,
    pub annotation: u64,
    pub speaker: String,
    pub committer: String,
    pub addressees: String,
    pub holder: String,
    pub target: String,
    pub category: String,
    pub strength: String,
    pub polarity: String,
    pub left: String,
    pub text: String,
    pub right: String,
}

impl HitRow {
    /// The cells in `COLUMNS` order; numbers as text.
    pub fn cells(&self) -> [String; 18] {
        [
            self.date.clone(),
            self.source.clone(),
            self.document.to_string(),
            self.title.clone(),
            self.analyst.clone(),
            self.kind.clone(),
            self.annotation.to_string(),
            self.speaker.clone(),
            self.committer.clone(),
            self.addressees.clone(),
            self.holder.clone(),
            self.target.clone(),
            self.category.clone(),
            self.strength.clone(),
            self.polarity.clone(),
            self.left.clone(),
            self.text.clone(),
            self.right.clone(),
        ]
    }
}

/// Describes the hits `rows` of `index` (built from `project`).
pub fn describe(project: &Project, index: &Index, rows: &[u32]) -> Vec<HitRow> {
    let mut last: Option<(u32, &Document)> = None;
    rows.iter()
        .map(|&r| {
            let row = &index.rows[r as usize];
            let doc_row = &index.docs[row.doc as usize];
            let doc = match last {
                Some((at, d)) if at == row.doc => Some(d),
                _ => project.document(doc_row.id),
            };
            if let Some(d) = doc {
                last = Some((row.doc, d));
            }
            let actor = |a: u32| {
                if a == NONE {
                    String::new()
                } else {
                    index.actor_names[a as usize].clone()
                }
            };
            let text = |v: u32, names: &[String]| {
                if v == NONE {
                    String::new()
                } else {
                    names[v as usize].clone()
                }
            };
            let (left, span, right) = doc
                .map(|d| kwic(d, row.start as usize, row.end as usize))
                .unwrap_or_default();
            HitRow {
                date: doc_row.date.map(|d| d.to_string()).unwrap_or_default(),
                source: index.sources.names[doc_row.source as usize].clone(),
                document: doc_row.id.0,
                title: doc_row.title.clone(),
                analyst: index.analysts.names[row.analyst as usize].clone(),
                kind: row.kind.label().to_owned(),
                annotation: row.id.0,
                speaker: actor(row.speaker),
                committer: actor(row.committer),
                addressees: index
                    .slice(row.addressees)
                    .iter()
                    .map(|a| index.actor_names[*a as usize].as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                holder: actor(row.holder),
                target: if row.target_actor != NONE {
                    actor(row.target_actor)
                } else {
                    text(row.topic, &index.topics.names)
                },
                category: text(row.category, &index.categories.names),
                strength: text(row.strength, &index.strengths.names),
                polarity: text(row.polarity, &index.polarities.names),
                left,
                text: span,
                right,
            }
        })
        .collect()
}

/// The text from `start` to `end` (code points) with up to `CONTEXT_CHARS` on each side,
/// line breaks shown as spaces.
pub fn kwic(doc: &Document, start: usize, end: usize) -> (String, String, String) {
    let len = doc.len_chars();
    let (start, end) = (start.min(len), end.min(len));
    let flat = |s: Option<&str>| s.unwrap_or_default().replace(['\n', '\r', '\t'], " ");
    let left = flat(doc.slice(start.saturating_sub(CONTEXT_CHARS), start));
    let span = flat(doc.slice(start, end));
    let right = flat(doc.slice(end, (end + CONTEXT_CHARS).min(len)));
    (left, span, right)
}
