//! Words and sentences of one paragraph, in code points within the paragraph. Pure: no egui.
//!
//! Both come from the shared text analysis (`crate::text`), so the caret's W and E see the
//! same words and sentences as tagging and the suggestions: one abbreviation and dateline
//! policy ("Mr. Wang", "Sept. 26", "U.N. Security Council" stay whole; a wire dateline is
//! in no sentence).

use crate::text::{Analysis, TokenKind};

/// Word and sentence ranges of a paragraph, `(start, end)` in code points, in text order.
/// Sentences tile the paragraph from the first one's start (trailing spaces belong to the
/// sentence before them; a dateline before the first sentence belongs to none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    pub words: Vec<(usize, usize)>,
    pub sentences: Vec<(usize, usize)>,
}

impl Segments {
    pub fn new(paragraph: &str) -> Self {
        let analysis = Analysis::new(paragraph);
        let words = analysis
            .tokens()
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (t.char_start.get(), t.char_end.get()))
            .collect();
        let starts: Vec<usize> = analysis.sentences().iter().map(|s| s.start.get()).collect();
        let ends = starts
            .iter()
            .skip(1)
            .copied()
            .chain(std::iter::once(analysis.len_chars()));
        let sentences = starts.iter().copied().zip(ends).collect();
        Self { words, sentences }
    }

    /// The word containing `c` or touching it from either side.
    pub fn word_at(&self, c: usize) -> Option<(usize, usize)> {
        let i = self.words.partition_point(|w| w.1 < c);
        self.words.get(i).copied().filter(|w| w.0 <= c)
    }

    /// The sentence containing `c` (the last one for the paragraph's end), without its
    /// trailing white space.
    pub fn sentence_at(&self, c: usize, paragraph: &str) -> Option<(usize, usize)> {
        let i = self
            .sentences
            .partition_point(|s| s.1 <= c)
            .min(self.sentences.len().checked_sub(1)?);
        let (start, end) = self.sentences[i];
        Some((start, start + trimmed_len(paragraph, start, end)))
    }

    /// Moves a selection start forward out of spaces and back to the start of its word.
    pub fn snap_start(&self, c: usize, limit: usize) -> usize {
        let i = self.words.partition_point(|w| w.1 <= c);
        match self.words.get(i) {
            Some(&(s, _)) if s <= c => s,
            Some(&(s, _)) if s < limit => s,
            _ => c,
        }
    }

    /// Moves a selection end back out of spaces and forward to the end of its word.
    pub fn snap_end(&self, c: usize, limit: usize) -> usize {
        let i = self.words.partition_point(|w| w.0 < c);
        match i.checked_sub(1).and_then(|i| self.words.get(i)) {
            Some(&(_, e)) if e >= c => e,
            Some(&(_, e)) if e > limit => e,
            _ => c,
        }
    }

    /// Start of the first word starting after `c`'s word, i.e. the next word end's target.
    pub fn next_word_end(&self, c: usize) -> Option<usize> {
        self.words.iter().map(|w| w.1).find(|&e| e > c)
    }

    pub fn previous_word_start(&self, c: usize) -> Option<usize> {
        self.words.iter().rev().map(|w| w.0).find(|&s| s < c)
    }

    pub fn next_sentence_start(&self, c: usize) -> Option<usize> {
        self.sentences.iter().map(|s| s.0).find(|&s| s > c)
    }

    pub fn previous_sentence_start(&self, c: usize) -> Option<usize> {
        self.sentences.iter().rev().map(|s| s.0).find(|&s| s < c)
    }
}

fn trimmed_len(paragraph: &str, start: usize, end: usize) -> usize {
    let piece: String = paragraph.chars().skip(start).take(end - start).collect();
    crate::model::text::char_len(piece.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        Segments::new(text)
            .sentences
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect::<String>())
            .collect()
    }

    #[test]
    fn abbreviations_and_dates_do_not_split_sentences() {
        let text = "On Sept. 26 Mr. Wang met U.N. Secretary-General Guterres. \
                    He said China “will firmly support” multilateralism. Dr. J. Smith agreed.";
        assert_eq!(
            sentences(text),
            [
                "On Sept. 26 Mr. Wang met U.N. Secretary-General Guterres. ",
                "He said China “will firmly support” multilateralism. ",
                "Dr. J. Smith agreed.",
            ]
        );
    }

    #[test]
    fn a_wire_dateline_is_in_no_sentence() {
        let text = "MOSCOW, November 27. /TASS/. Russia is ready to help. It said so.";
        let seg = Segments::new(text);
        assert_eq!(
            sentences(text),
            ["Russia is ready to help. ", "It said so."]
        );
        // E inside the dateline takes the first sentence, never the credit.
        assert_eq!(seg.sentence_at(3, text), Some((29, 53)));
    }

    #[test]
    fn cjk_sentences_split_on_ideographic_full_stops() {
        let text = "王毅表示，中方愿意合作。他还说：“我们反对干涉内政。”";
        let s = sentences(text);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0], "王毅表示，中方愿意合作。");
    }

    #[test]
    fn words_count_code_points_with_accents_and_emoji() {
        let text = "Lavrov’s café 🇺🇳 talks";
        let seg = Segments::new(text);
        let words: Vec<String> = seg
            .words
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        // The possessive is not part of the name, as the suggestions tag it.
        assert_eq!(words, ["Lavrov", "café", "talks"]);
        assert_eq!(seg.words[2], (17, 22), "the flag is two code points");
        assert_eq!(seg.word_at(10), Some((9, 13)));
        assert_eq!(seg.word_at(13), Some((9, 13)), "touching from the left");
    }

    #[test]
    fn snapping_grows_to_whole_words_and_drops_edge_spaces() {
        let text = "The minister pledged support";
        let seg = Segments::new(text);
        // "inister pled" → "minister pledged"
        assert_eq!(seg.snap_start(5, 16), 4);
        assert_eq!(seg.snap_end(16, 5), 20);
        // " pledged " (with spaces at both edges) → "pledged"
        assert_eq!(seg.snap_start(12, 21), 13);
        assert_eq!(seg.snap_end(21, 12), 20);
    }

    #[test]
    fn sentence_at_leaves_out_trailing_space() {
        let text = "First one.  Second one.";
        let seg = Segments::new(text);
        assert_eq!(seg.sentence_at(3, text), Some((0, 10)));
        assert_eq!(seg.sentence_at(23, text), Some((12, 23)));
        assert_eq!(seg.next_sentence_start(3), Some(12));
        assert_eq!(seg.previous_sentence_start(14), Some(12));
    }
}
