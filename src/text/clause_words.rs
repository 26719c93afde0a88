//! The words the clause rules read a sentence by: "China's" and "people-to-people" whole,
//! a dotted name's final period apart ("U.S" "."), punctuation one character per token.
//!
//! Kept apart from the document's tokens (`text::tokens`, which split the possessive off
//! for the name rules) because the clause rules' word lists are written for these forms.
//! Offsets are bytes into the text: crate-internal, for the rules' slicing.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots ("China's", "U.S",
    /// "people-to-people").
    Word,
    /// Any other visible character, one per token (",", "“", "」").
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Tokens of `text[start..end]` (byte offsets into `text`). Written by hand because the
/// rules need punctuation and quotation marks as tokens, which Unicode word segmentation
/// drops, and inner dots kept ("U.S."-style names).
pub(crate) fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let slice = &text[start..end];
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
            continue;
        }
        let mut word_end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                word_end = j + d.len_utf8();
                chars.next();
                continue;
            }
            // An inner joiner stays in the word only when a letter or digit follows it.
            let joiner = matches!(d, '\'' | '’' | '-' | '‐' | '.' | '&');
            let after = slice[j + d.len_utf8()..].chars().next();
            if joiner && after.is_some_and(char::is_alphanumeric) {
                chars.next();
                continue;
            }
            break;
        }
        out.push(Token {
            start: start + i,
            end: start + word_end,
            kind: TokenKind::Word,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_apostrophes_and_split_quotes() {
        let text = "“China’s U.S. policy,” said Wáng.";
        let words: Vec<&str> = tokens(text, 0, text.len())
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(
            words,
            vec![
                "“",
                "China’s",
                "U.S",
                ".",
                "policy",
                ",",
                "”",
                "said",
                "Wáng",
                "."
            ]
        );
    }
}
