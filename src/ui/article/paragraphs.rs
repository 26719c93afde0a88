//! The article as paragraphs (split on "\n"), and document offsets ↔ (paragraph, char).
//! Pure: no egui.

/// Where each paragraph starts, in code points and bytes. Paragraph `i` covers
/// `[start(i), start(i) + len(i))`; the "\n" after it belongs to no paragraph.
#[derive(Clone, Debug, Default)]
pub struct Paragraphs {
    char_starts: Vec<usize>,
    byte_starts: Vec<usize>,
    char_lens: Vec<usize>,
    byte_lens: Vec<usize>,
}

impl Paragraphs {
    pub fn new(text: &str) -> Self {
        let mut out = Self::default();
        let (mut chars, mut bytes) = (0, 0);
        for piece in text.split('\n') {
            let n = crate::model::text::char_len(piece);
            out.char_starts.push(chars);
            out.byte_starts.push(bytes);
            out.char_lens.push(n);
            out.byte_lens.push(piece.len());
            chars += n + 1;
            bytes += piece.len() + 1;
        }
        out
    }

    /// Number of paragraphs (an empty text has one, empty, paragraph).
    pub fn len(&self) -> usize {
        self.char_starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.char_starts.is_empty()
    }

    pub fn start(&self, i: usize) -> usize {
        self.char_starts.get(i).copied().unwrap_or(0)
    }

    pub fn char_len(&self, i: usize) -> usize {
        self.char_lens.get(i).copied().unwrap_or(0)
    }

    pub fn end(&self, i: usize) -> usize {
        self.start(i) + self.char_len(i)
    }

    /// Length of the whole text in code points.
    pub fn total_chars(&self) -> usize {
        self.len().checked_sub(1).map_or(0, |last| self.end(last))
    }

    /// The paragraph's text (without its "\n").
    pub fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        match (self.byte_starts.get(i), self.byte_lens.get(i)) {
            (Some(&s), Some(&n)) => text.get(s..s + n).unwrap_or(""),
            _ => "",
        }
    }

    /// The paragraph holding a document offset and the offset within it. An offset on a
    /// "\n" maps to the end of the paragraph before it; offsets past the end are clamped.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let i = self
            .char_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        (
            i,
            offset.saturating_sub(self.start(i)).min(self.char_len(i)),
        )
    }

    /// Paragraphs that `[start, end)` touches, as an inclusive index range.
    pub fn touching(&self, start: usize, end: usize) -> std::ops::RangeInclusive<usize> {
        let first = self.locate(start).0;
        let last = self.locate(end.saturating_sub(1).max(start)).0;
        first..=last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_paragraphs_and_back_with_cjk_and_emoji() {
        let text = "王毅说：“合作。”\n\nLavrov 🇷🇺 replied.\n";
        let p = Paragraphs::new(text);
        assert_eq!(
            p.len(),
            4,
            "three lines and the empty one after the last \\n"
        );
        assert_eq!(p.text(text, 0), "王毅说：“合作。”");
        assert_eq!(p.char_len(0), 9);
        assert_eq!(p.text(text, 1), "");
        assert_eq!(p.start(2), 11);
        assert_eq!(p.text(text, 2), "Lavrov 🇷🇺 replied.");
        assert_eq!(p.locate(0), (0, 0));
        assert_eq!(
            p.locate(9),
            (0, 9),
            "the newline belongs to the end of line 0"
        );
        assert_eq!(p.locate(10), (1, 0));
        assert_eq!(p.locate(13), (2, 2));
        assert_eq!(p.total_chars(), text.chars().count());
        assert_eq!(p.locate(10_000).0, 3);
        assert_eq!(p.touching(5, 14), 0..=2);
    }
}
