//! Words, punctuation and sentences of a document, computed once per suggestion pass.
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

#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Code-point range in the text.
    pub char_start: usize,
    pub char_end: usize,
    pub kind: Kind,
    /// White space separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
}

/// The tokens of a text.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token>,
}

/// Words after which a period belongs to the word, not to the sentence.
const ABBREVIATIONS: [&str; 30] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Amb", "Lt", "Col", "Maj", "Capt",
    "St", "Jr", "Sr", "No", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Co",
    "Corp", "vs",
];

/// Words that open a sentence after a dotted abbreviation ("… the U.S. The ministry").
const SENTENCE_OPENERS: [&str; 16] = [
    "The", "He", "She", "It", "In", "But", "We", "They", "This", "A", "On", "At", "His", "Her",
    "Its", "As",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Self {
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
                char_start,
                char_end: ci,
                kind,
                space_before,
                newline_before,
                sentence: 0,
            });
            space_before = false;
            newline_before = false;
        }
        let mut tokens = Tokens { text, list };
        tokens.mark_sentences();
        tokens
    }

    pub fn len(&self) -> usize {
        self.list.len()
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

    fn mark_sentences(&mut self) {
        let mut sentence = 0u32;
        let mut pending_end = false;
        for i in 0..self.list.len() {
            let token = self.list[i];
            let text = &self.text[token.start..token.end];
            if i > 0 && (token.newline_before || (pending_end && starts_sentence(text))) {
                sentence += 1;
                pending_end = false;
            }
            self.list[i].sentence = sentence;
            match token.kind {
                Kind::Punct => {
                    let c = text.chars().next().unwrap_or(' ');
                    if matches!(c, '.' | '!' | '?' | '…') {
                        pending_end = !(c == '.' && i > 0 && self.abbreviation_before(i));
                    } else if pending_end && !is_closing(c) {
                        pending_end = false;
                    }
                }
                Kind::Word if text.ends_with('.') => {
                    // "U.S." ends the sentence only before a usual opener.
                    let next = self.list.get(i + 1).map(|t| &self.text[t.start..t.end]);
                    pending_end = next.is_some_and(|w| SENTENCE_OPENERS.contains(&w));
                }
                _ => pending_end = false,
            }
        }
    }

    /// The period at `i` closes "Mr" or an initial ("R.").
    fn abbreviation_before(&self, i: usize) -> bool {
        let prev = self.list[i - 1];
        if prev.kind != Kind::Word || self.list[i].space_before {
            return false;
        }
        let word = &self.text[prev.start..prev.end];
        ABBREVIATIONS.contains(&word)
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
    }
}

fn starts_sentence(token: &str) -> bool {
    token.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || is_cjk(c)
            || matches!(c, '"' | '“' | '‘' | '(' | '«' | '—' | '-')
    })
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
        let t = Tokens::new(text);
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
    fn sentences_skip_titles_and_initials() {
        let t = Tokens::new("Mr. Wang met Joseph R. Biden. “Good,” he said. He left.\nNext");
        let sentence_of = |w: &str| t.sentence((0..t.len()).find(|&i| t.str(i) == w).unwrap_or(0));
        assert_eq!(sentence_of("Biden"), 0);
        assert_eq!(sentence_of("Good"), 1);
        assert_eq!(sentence_of("he"), 1);
        assert_eq!(sentence_of("He"), 2);
        assert_eq!(sentence_of("Next"), 3);
    }

    #[test]
    fn offsets_are_code_points() {
        let t = Tokens::new("Lula da Silva é Brasília");
        let last = t.list[t.len() - 1];
        assert_eq!((last.char_start, last.char_end), (16, 24));
        assert_eq!(t.str(t.len() - 1), "Brasília");
    }
}
