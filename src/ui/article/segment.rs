//! Words and sentences of one paragraph, in code points within the paragraph. Pure: no egui.
//!
//! Both come from `unicode-segmentation` (UAX #29). Its sentence rules split after every
//! "." followed by a space and a capital or a digit, which cuts news text at "Sept. 26",
//! "Mr. Wang" or "U.N. Security Council"; no maintained crate knows the abbreviations of
//! English news copy, so a short list here joins those pieces back.

use unicode_segmentation::UnicodeSegmentation;

/// Word and sentence ranges of a paragraph, `(start, end)` in code points, in text order.
/// Sentences tile the paragraph (trailing spaces belong to the sentence before them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    pub words: Vec<(usize, usize)>,
    pub sentences: Vec<(usize, usize)>,
}

/// Abbreviations that end with a full stop but do not end a sentence in news copy.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Capt.", "Maj.", "Adm.", "Sen.",
    "Rep.", "Gov.", "Pres.", "Amb.", "Sec.", "Min.", "Rev.", "St.", "Mt.", "Ft.", "Jr.", "Sr.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.", "No.", "Nos.", "Art.", "para.", "vs.", "e.g.", "i.e.", "cf.", "approx.", "Inc.",
    "Ltd.", "Co.", "Corp.", "Dept.",
];

impl Segments {
    pub fn new(paragraph: &str) -> Self {
        let char_offsets = CharOffsets::new(paragraph);
        let words = paragraph
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(b, w)| (char_offsets.of(b), char_offsets.of(b + w.len())))
            .collect();
        let mut sentences: Vec<(usize, usize)> = Vec::new();
        let mut joining = false;
        for (b, s) in paragraph.split_sentence_bound_indices() {
            let range = (char_offsets.of(b), char_offsets.of(b + s.len()));
            match sentences.last_mut() {
                Some(last) if joining => last.1 = range.1,
                _ => sentences.push(range),
            }
            joining = ends_with_abbreviation(s);
        }
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

/// Does this sentence piece end with an abbreviation (or an initial such as "J." or a
/// dotted acronym such as "U.N.") rather than with the end of a sentence?
fn ends_with_abbreviation(piece: &str) -> bool {
    let Some(last) = piece.split_whitespace().next_back() else {
        return false;
    };
    let word = last.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // Initials and dotted acronyms: letters each followed by a dot ("J.", "U.N.", "U.S.A.").
    let mut chars = word.chars();
    let mut letters = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(l), Some('.')) if l.is_alphabetic() => letters += 1,
            (None, _) => return letters > 0 && word.chars().next().is_some_and(char::is_uppercase),
            _ => return false,
        }
    }
}

fn trimmed_len(paragraph: &str, start: usize, end: usize) -> usize {
    let piece: String = paragraph.chars().skip(start).take(end - start).collect();
    crate::model::text::char_len(piece.trim_end())
}

/// Byte → code-point offsets within one paragraph (ASCII paragraphs need no table).
struct CharOffsets(Option<Vec<usize>>);

impl CharOffsets {
    fn new(s: &str) -> Self {
        if s.is_ascii() {
            return Self(None);
        }
        let mut table = vec![0; s.len() + 1];
        let mut count = 0;
        for (n, (b, _)) in s.char_indices().enumerate() {
            table[b] = n;
            count = n + 1;
        }
        table[s.len()] = count;
        Self(Some(table))
    }

    fn of(&self, byte: usize) -> usize {
        self.0.as_ref().map_or(byte, |t| t[byte])
    }
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
        assert_eq!(words, ["Lavrov’s", "café", "talks"]);
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
