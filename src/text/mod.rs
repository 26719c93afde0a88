//! One analysis of a document's text, shared by everything that reads it: the caret's word
//! and sentence moves, tagging defaults, the importer's metadata reading and the suggestion
//! rules. Paragraphs, sentences (one abbreviation and dateline policy, `sentences`), tokens,
//! wire datelines and quotations, all as code-point offsets ([`CharOffset`]).
//!
//! Depends on `model` only. An analysis is computed once per text and shared through a
//! small cache keyed by the document's fingerprint ([`of`]), so the window and the
//! suggestion worker, which hold different clones of a document, see the same one.

pub mod clause_words;
pub mod dateline;
mod quotes;
mod sentences;
pub mod tokens;

use crate::model::Document;
use crate::model::text::char_len;
use std::sync::{Arc, Mutex, PoisonError};

pub(crate) use quotes::quote_runs_on;
pub use quotes::{closes_quote, opens_quote};
pub use tokens::{Kind as TokenKind, Token, Tokens};

/// An offset in code points (Unicode scalar values) into a text, as stored in spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharOffset(usize);

impl CharOffset {
    pub const fn new(offset: usize) -> Self {
        Self(offset)
    }

    pub const fn get(self) -> usize {
        self.0
    }
}

/// A range of code points, `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharRange {
    pub start: CharOffset,
    pub end: CharOffset,
}

impl CharRange {
    /// `(start, end)` as plain code-point offsets, for spans and suggestions.
    pub fn pair(self) -> (usize, usize) {
        (self.start.0, self.end.0)
    }

    /// True when `offset` lies in `start..end`.
    pub fn contains(self, offset: usize) -> bool {
        (self.start.0..self.end.0).contains(&offset)
    }
}

/// The analysis of one text.
#[derive(Debug)]
pub struct Analysis {
    len_chars: usize,
    paragraphs: Vec<CharRange>,
    sentences: Vec<CharRange>,
    datelines: Vec<CharRange>,
    quotes: Vec<CharRange>,
    tokens: Vec<Token>,
}

impl Analysis {
    pub fn new(text: &str) -> Self {
        let (sentence_bytes, dateline_bytes) = sentences::split(text);
        let mut tokens = tokens::tokenize(text);
        let mut k = 0;
        for t in &mut tokens {
            while k < sentence_bytes.len() && sentence_bytes[k].1 <= t.start {
                k += 1;
            }
            t.sentence = u32::try_from(k).unwrap_or(u32::MAX);
        }
        Self {
            len_chars: char_len(text),
            paragraphs: to_chars(text, &paragraph_bytes(text)),
            sentences: to_chars(text, &sentence_bytes),
            datelines: to_chars(text, &dateline_bytes),
            quotes: to_chars(text, &quotes::find(text)),
            tokens,
        }
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Non-empty lines, without their surrounding white space.
    pub fn paragraphs(&self) -> &[CharRange] {
        &self.paragraphs
    }

    /// Sentences in text order, without surrounding white space; datelines are in none.
    pub fn sentences(&self) -> &[CharRange] {
        &self.sentences
    }

    /// Wire datelines opening paragraphs, credit included ("MOSCOW, November 27. /TASS/.").
    pub fn datelines(&self) -> &[CharRange] {
        &self.datelines
    }

    /// Quotations, marks included.
    pub fn quotes(&self) -> &[CharRange] {
        &self.quotes
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The tokens as a view over `text`, which must be the text analysed.
    pub fn token_view<'t>(&'t self, text: &'t str) -> Tokens<'t> {
        Tokens {
            text,
            list: std::borrow::Cow::Borrowed(&self.tokens),
        }
    }

    /// Index of the sentence holding `offset`, or of the first one after it when it lies
    /// between sentences (a dateline, white space); the last one past the end.
    pub fn sentence_index(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end.0 <= offset);
        let last = self.sentences.len().checked_sub(1)?;
        Some(i.min(last))
    }

    /// The sentence holding `offset` (see [`Self::sentence_index`]) and the one before it.
    pub fn sentence_and_previous(&self, offset: usize) -> Option<(Option<CharRange>, CharRange)> {
        let i = self.sentence_index(offset)?;
        let previous = i.checked_sub(1).map(|p| self.sentences[p]);
        Some((previous, self.sentences[i]))
    }

    /// Word tokens (not punctuation or possessives) lying inside `start..end`.
    pub fn words_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Token> {
        let from = self.tokens.partition_point(|t| t.char_start.0 < start);
        self.tokens[from..]
            .iter()
            .take_while(move |t| t.char_end.0 <= end)
            .filter(|t| t.kind == TokenKind::Word)
    }

    /// True when `offset` lies inside a quotation (after its opening mark).
    pub fn in_quote(&self, offset: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.end.0 <= offset);
        self.quotes
            .get(i)
            .is_some_and(|q| q.start.0 < offset && offset < q.end.0)
    }
}

/// The first sentence of `text` after any dateline (the whole trimmed text when it has no
/// sentence stop), for titles.
pub fn first_sentence(text: &str) -> &str {
    let (sentences, _) = sentences::split(text);
    match sentences.first() {
        Some(&(s, e)) => &text[s..e],
        None => text.trim(),
    }
}

/// The sentences of `text` as code-point ranges (the one policy, for a paragraph or any
/// piece of text that is not a stored document).
pub fn sentences_of(text: &str) -> Vec<CharRange> {
    to_chars(text, &sentences::split(text).0)
}

/// How many analyses are kept: the window's document and the worker's, with room to spare.
const CACHE_SIZE: usize = 4;

type Cache = Vec<(String, usize, Arc<Analysis>)>;

static CACHE: Mutex<Cache> = Mutex::new(Vec::new());

/// The analysis of `document`'s text, computed once and shared: keyed by the document's
/// fingerprint and length (a text never changes under its fingerprint; a stored one that
/// does not match its text is reported by validation).
pub fn of(document: &Document) -> Arc<Analysis> {
    let key = document.fingerprint();
    let len = document.text().len();
    {
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = cache.iter().position(|(k, l, _)| k == key && *l == len) {
            let entry = cache.remove(at);
            let analysis = entry.2.clone();
            cache.push(entry);
            return analysis;
        }
    }
    // Computed outside the lock: a megabyte takes milliseconds and other threads may read.
    let analysis = Arc::new(Analysis::new(document.text()));
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if cache.len() >= CACHE_SIZE {
        cache.remove(0);
    }
    cache.push((key.to_owned(), len, analysis.clone()));
    analysis
}

/// Byte ranges of the non-empty lines, trimmed.
fn paragraph_bytes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = start + (line.len() - line.trim_start().len());
            out.push((s, s + trimmed.len()));
        }
        start += line.len();
    }
    out
}

/// Byte ranges (sorted by start, ends not before starts) to code-point ranges, in one pass.
fn to_chars(text: &str, ranges: &[(usize, usize)]) -> Vec<CharRange> {
    let mut cursor = (0usize, 0usize);
    let mut at = |byte: usize| {
        let (b, c) = cursor;
        let c = if byte >= b {
            c + char_len(&text[b..byte])
        } else {
            c - char_len(&text[byte..b])
        };
        cursor = (byte, c);
        CharOffset(c)
    };
    ranges
        .iter()
        .map(|&(s, e)| {
            let start = at(s);
            let end = at(e);
            CharRange { start, end }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, ranges: &[CharRange]) -> Vec<String> {
        ranges
            .iter()
            .map(|r| {
                text.chars()
                    .skip(r.start.get())
                    .take(r.end.get() - r.start.get())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_analysis_in_code_points() {
        let text = "MOSCOW, November 27. /TASS/. Lavrov said “Россия готова.”\n\n\
                    Mr. Wang met the U.S. envoy. He left.";
        let a = Analysis::new(text);
        assert_eq!(
            pieces(text, a.sentences()),
            [
                "Lavrov said “Россия готова.”",
                "Mr. Wang met the U.S. envoy.",
                "He left."
            ]
        );
        assert_eq!(
            pieces(text, a.datelines()),
            ["MOSCOW, November 27. /TASS/."]
        );
        assert_eq!(pieces(text, a.quotes()), ["“Россия готова.”"]);
        assert_eq!(a.paragraphs().len(), 2);
        let wang = a.tokens().iter().find(|t| t.text(text) == "Wang");
        let wang = wang.expect("a token for Wang");
        assert_eq!(wang.sentence, 1);
        let (s, _) = a.sentences()[1].pair();
        assert_eq!(wang.char_start.get(), s + 4);
        assert!(a.in_quote(a.quotes()[0].start.get() + 2));
        assert!(!a.in_quote(s + 4));
        // The dateline counts with the sentence after it.
        assert_eq!(a.sentence_index(2), Some(0));
    }

    #[test]
    fn first_sentence_skips_the_dateline_and_abbreviations() {
        assert_eq!(
            first_sentence("BEIJING, Sept. 27 (Xinhua) -- Mr. Wang met U.S. officials. Then."),
            "Mr. Wang met U.S. officials."
        );
    }
}
