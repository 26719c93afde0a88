//! Words and punctuation of a text, with code-point offsets.
//!
//! Written by hand rather than with `unicode-segmentation`: the rules need news-specific
//! decisions the Unicode algorithms do not make ("U.S." is one word, "China's" is "China"
//! plus a possessive, "al-Sudani" keeps its hyphen as an adjacent token, "Mr. Wang" does
//! not end a sentence), and code-point offsets come for free while scanning.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes ("d'Ivoire") and dotted
    /// abbreviations ("U.S.").
    Word,
    /// "'s" or "’s" after a word.
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

use super::CharOffset;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// Byte range in the text: for slicing inside the crate (the gazetteer's matcher and
    /// the rules still slice `&str`); everything shown or stored uses `char_start..char_end`.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Code-point range in the text.
    pub char_start: CharOffset,
    pub char_end: CharOffset,
    pub kind: Kind,
    /// White space separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
    /// Index of the sentence the token belongs to (a dateline's tokens count with the
    /// sentence after it).
    pub sentence: u32,
}

impl Token {
    /// The token's text in `text`, the text it was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Tokens over a text: the document's (borrowed from its analysis) or a phrase's own.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Cow<'t, [Token]>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

impl<'t> Tokens<'t> {
    /// The tokens of a short phrase (a name or a cue), all in sentence 0.
    pub fn of_phrase(text: &'t str) -> Self {
        Tokens {
            text,
            list: Cow::Owned(tokenize(text)),
        }
    }
}

/// Tokens of `text`, sentence indices left at 0.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    // Byte and code-point offsets advance together, which spares a conversion pass.
    let mut list = Vec::with_capacity(text.len() / 5 + 1);
    let (mut b, mut ci) = (0usize, 0usize);
    let mut space_before = false;
    let mut newline_before = false;
    let peek = |b: usize, n: usize| text[b..].chars().nth(n);
    while let Some(c) = peek(b, 0) {
        if c.is_whitespace() {
            space_before = true;
            if matches!(c, '\n' | '\r' | '\u{2029}') {
                newline_before = true;
            }
            b += c.len_utf8();
            ci += 1;
            continue;
        }
        let (start, char_start) = (b, ci);
        let kind;
        if c.is_alphanumeric() {
            kind = Kind::Word;
            b += c.len_utf8();
            ci += 1;
            let mut rest = text[b..].chars();
            while let Some(c) = rest.next() {
                if c.is_alphanumeric() {
                    b += c.len_utf8();
                    ci += 1;
                    continue;
                }
                let mut ahead = rest.clone();
                let next = ahead.next();
                let after = ahead.next();
                if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
                    // "China's" stops before the possessive; "d'Ivoire" goes on.
                    let possessive =
                        matches!(next, Some('s')) && !after.is_some_and(char::is_alphanumeric);
                    if possessive {
                        break;
                    }
                    b += c.len_utf8();
                    ci += 1;
                    continue;
                }
                let word = &text[start..b];
                if c == '.' && dotted_so_far(word) {
                    // "U.S." / "U.N.": single letters joined by periods.
                    let letter_follows = next.is_some_and(char::is_uppercase)
                        && !after.is_some_and(char::is_alphanumeric);
                    if letter_follows {
                        b += 1;
                        ci += 1;
                        continue;
                    }
                    if word.contains('.') {
                        b += 1; // the final period of "U.S."
                        ci += 1;
                    }
                }
                break;
            }
        } else if is_apostrophe(c)
            && peek(b, 1) == Some('s')
            && !peek(b, 2).is_some_and(char::is_alphanumeric)
            && !space_before
            && list.last().is_some_and(|t: &Token| t.kind == Kind::Word)
        {
            kind = Kind::Possessive;
            b += c.len_utf8() + 1;
            ci += 2;
        } else {
            kind = Kind::Punct;
            b += c.len_utf8();
            ci += 1;
        }
        list.push(Token {
            start,
            end: b,
            char_start: CharOffset(char_start),
            char_end: CharOffset(ci),
            kind,
            space_before,
            newline_before,
            sentence: 0,
        });
        space_before = false;
        newline_before = false;
    }
    list
}

impl<'t> Tokens<'t> {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The text of token `i` ("" past the end).
    pub fn str(&self, i: usize) -> &'t str {
        match self.list.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// A word starting with a capital letter (or a CJK character, which has no case).
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .str(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || is_cjk(c))
    }

    /// True when token `j` directly follows token `j - 1` without white space.
    pub fn joined(&self, j: usize) -> bool {
        self.list.get(j).is_some_and(|t| !t.space_before)
    }

    pub fn sentence(&self, i: usize) -> u32 {
        self.list.get(i).map_or(u32::MAX, |t| t.sentence)
    }

    /// Same sentence for tokens `a` and `b`.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.len() && self.list[a].sentence == self.list[b].sentence
    }

    /// Index of the first token starting at or after byte `byte`.
    pub fn at_byte(&self, byte: usize) -> usize {
        self.list.partition_point(|t| t.start < byte)
    }
}

/// The word so far is a run of single letters each followed by a period ("U", "U.S").
fn dotted_so_far(word: &str) -> bool {
    word.chars().enumerate().all(|(k, c)| {
        if k % 2 == 0 {
            c.is_uppercase()
        } else {
            c == '.'
        }
    })
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = Tokens::of_phrase(text);
        (0..t.len()).map(|i| t.str(i)).collect()
    }

    #[test]
    fn dotted_names_possessives_and_hyphens() {
        assert_eq!(
            words("the U.S. and China’s al-Sudani, d'Ivoire."),
            [
                "the", "U.S.", "and", "China", "’s", "al", "-", "Sudani", ",", "d'Ivoire", "."
            ]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let t = Tokens::of_phrase("Lula da Silva é Brasília");
        let last = t.list[t.len() - 1];
        assert_eq!((last.char_start.get(), last.char_end.get()), (16, 24));
        assert_eq!(t.str(t.len() - 1), "Brasília");
    }
}
