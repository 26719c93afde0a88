//! Spans: one or more character ranges of a document's text.

use super::text::TextIndex;
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of code points, with the exact text it covers so that
/// drift (an edited text, an off-by-one importer) is detected on load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Several ranges make a discontinuous span, as in brat. Ranges are kept in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Span {
    pub ranges: Vec<TextRange>,
}

/// Why a span does not fit its document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("the span has no ranges")]
    Empty,
    #[error("range {start}..{end} is empty or reversed")]
    Reversed { start: usize, end: usize },
    #[error("range {start}..{end} lies outside the text ({len} characters)")]
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("range {start}..{end} covers {actual:?} but the file says {stored:?}")]
    TextMismatch {
        start: usize,
        end: usize,
        stored: String,
        actual: String,
    },
    #[error("ranges are not in text order or overlap each other")]
    Unordered,
}

impl Span {
    /// A one-range span over `text[start..end]` (code points). `None` when out of range.
    pub fn from_range(text: &str, index: &TextIndex, start: usize, end: usize) -> Option<Self> {
        let covered = index.slice(text, start, end)?;
        (start < end).then(|| Span {
            ranges: vec![TextRange {
                start,
                end,
                text: covered.to_owned(),
            }],
        })
    }

    /// A span over several ranges, sorted; `None` when any is out of range or empty.
    pub fn from_ranges(
        text: &str,
        index: &TextIndex,
        ranges: impl IntoIterator<Item = (usize, usize)>,
    ) -> Option<Self> {
        let mut out = Vec::new();
        for (start, end) in ranges {
            if start >= end {
                return None;
            }
            out.push(TextRange {
                start,
                end,
                text: index.slice(text, start, end)?.to_owned(),
            });
        }
        out.sort_by_key(|r| (r.start, r.end));
        let span = Span { ranges: out };
        (!span.ranges.is_empty() && span.check_order().is_ok()).then_some(span)
    }

    pub fn start(&self) -> usize {
        self.ranges.first().map_or(0, |r| r.start)
    }

    pub fn end(&self) -> usize {
        self.ranges.last().map_or(0, |r| r.end)
    }

    /// The covered text; discontinuous pieces are joined with " … ".
    pub fn text(&self) -> String {
        match self.ranges.as_slice() {
            [one] => one.text.clone(),
            many => many
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" … "),
        }
    }

    pub fn contains_offset(&self, offset: usize) -> bool {
        self.ranges
            .iter()
            .any(|r| r.start <= offset && offset < r.end)
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.ranges.iter().any(|r| r.start < end && start < r.end)
    }

    /// True when every offset of `[start, end)` lies inside this span.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.ranges.iter().any(|r| r.start <= start && end <= r.end)
    }

    fn check_order(&self) -> Result<(), SpanError> {
        for pair in self.ranges.windows(2) {
            if pair[1].start < pair[0].end {
                return Err(SpanError::Unordered);
            }
        }
        Ok(())
    }

    /// Checks the span against its document: every range inside the text, in order, and
    /// covering exactly the stored text.
    pub fn check(&self, text: &str, index: &TextIndex) -> Result<(), SpanError> {
        if self.ranges.is_empty() {
            return Err(SpanError::Empty);
        }
        for r in &self.ranges {
            if r.start >= r.end {
                return Err(SpanError::Reversed {
                    start: r.start,
                    end: r.end,
                });
            }
            let Some(actual) = index.slice(text, r.start, r.end) else {
                return Err(SpanError::OutOfRange {
                    start: r.start,
                    end: r.end,
                    len: index.len_chars(),
                });
            };
            if actual != r.text {
                return Err(SpanError::TextMismatch {
                    start: r.start,
                    end: r.end,
                    stored: r.text.clone(),
                    actual: actual.to_owned(),
                });
            }
        }
        self.check_order()
    }
}
