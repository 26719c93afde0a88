//! Code-point offsets over a document's text.
//!
//! Offsets in Demarche count Unicode scalar values (as brat, spaCy and Python do). Rust
//! strings index bytes, so every conversion goes through this index.

/// Maps code-point offsets to byte offsets for one text. ASCII texts (most English wire
/// copy) need no table at all.
#[derive(Clone, Debug, Default)]
pub struct TextIndex {
    /// Byte offset of every char boundary, including the end; `None` when the text is ASCII.
    boundaries: Option<Vec<u32>>,
    len_bytes: usize,
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
        let boundaries = if text.is_ascii() {
            None
        } else {
            let mut b: Vec<u32> = Vec::with_capacity(text.len() + 1);
            b.extend(text.char_indices().map(|(i, _)| i as u32));
            b.push(text.len() as u32);
            Some(b)
        };
        Self {
            boundaries,
            len_bytes: text.len(),
        }
    }

    /// Length in code points.
    pub fn len_chars(&self) -> usize {
        match &self.boundaries {
            None => self.len_bytes,
            Some(b) => b.len() - 1,
        }
    }

    pub fn byte_of(&self, char_offset: usize) -> Option<usize> {
        match &self.boundaries {
            None => (char_offset <= self.len_bytes).then_some(char_offset),
            Some(b) => b.get(char_offset).map(|&x| x as usize),
        }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, byte_offset: usize) -> Option<usize> {
        match &self.boundaries {
            None => (byte_offset <= self.len_bytes).then_some(byte_offset),
            Some(b) => b.binary_search(&(byte_offset as u32)).ok(),
        }
    }

    /// The text between two code-point offsets, or `None` when they are out of range.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let (a, b) = (self.byte_of(start)?, self.byte_of(end)?);
        text.get(a..b)
    }
}

/// Code-point length of a string.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}
