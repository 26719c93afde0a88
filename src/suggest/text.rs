//! Sentences and tokens of a document's text, shared by the suggestion rules.
//!
//! Offsets here are **bytes** into the text (the rules slice `&str`); callers convert to
//! code points with `Document::index` when they build a `Suggestion`.

/// Abbreviations after which a period does not end the sentence, whatever follows.
const TITLE_ABBREVIATIONS: [&str; 25] = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "amb", "lt", "col", "maj", "capt",
    "sgt", "st", "jr", "sr", "no", "vs", "pres", "adm", "hon", "messrs", "h.e",
];

/// Month abbreviations: "Nov. 27" goes on (datelines), "in Nov. The ministry" ends.
const MONTH_ABBREVIATIONS: [&str; 9] = [
    "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec", "apr",
];

/// Dotted short forms of places and bodies ("U.S.", "U.N."): the sentence goes on unless
/// the next word is a usual sentence opener.
const DOTTED_NAMES: [&str; 8] = ["u.s", "u.n", "u.k", "e.u", "u.a.e", "d.c", "u.s.a", "p.r.c"];

/// Words that usually open a new sentence after a dotted name ("… the U.S. The ministry").
const SENTENCE_OPENERS: [&str; 16] = [
    "the", "he", "she", "it", "in", "but", "we", "they", "this", "a", "on", "at", "his", "her",
    "its", "as",
];

/// Sentences of `text` as byte ranges without surrounding whitespace, from the first
/// character to the final punctuation (closing quotes included).
///
/// A sentence ends at a line break, or at `.`, `!`, `?` (or the CJK full stops) followed
/// by closing quotes or brackets and then a space; then breaks that news copy fools are
/// glued back: titles ("Mr. Wang"), dotted names before a capital ("the U.S.
/// President"), and a question or exclamation followed by a lowercase cue (“Why?” he
/// asked). Written by hand rather than with Unicode sentence segmentation (UAX #29),
/// which needed the same gluing and took 40 ms per megabyte against 3 ms for this.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut push = |start: usize, end: usize| {
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return;
        }
        let (start, end) = (start + lead, start + lead + trimmed.len());
        if let Some(last) = out.last_mut()
            && continues(text, *last, (start, end))
        {
            last.1 = end;
            return;
        }
        out.push((start, end));
    };
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' | '\r' | '\u{2029}' | '\u{2028}' => {
                push(start, i);
                start = i + c.len_utf8();
            }
            '.' | '!' | '?' | '。' | '！' | '？' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if matches!(
                        d,
                        '.' | '!'
                            | '?'
                            | ')'
                            | ']'
                            | '\''
                            | '’'
                            | '"'
                            | '”'
                            | '»'
                            | '」'
                            | '』'
                            | '›'
                    ) {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let cjk_stop = matches!(c, '。' | '！' | '？');
                let spaced = chars.peek().is_none_or(|&(_, d)| d.is_whitespace());
                if spaced || cjk_stop {
                    push(start, end);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push(start, text.len());
    out
}

/// True when the sentence at `next` continues `previous` (same paragraph, false break).
fn continues(text: &str, previous: (usize, usize), next: (usize, usize)) -> bool {
    let between = &text[previous.1..next.0];
    if between.contains(['\n', '\r', '\u{2029}']) {
        return false;
    }
    let prev = &text[previous.0..previous.1];
    let next_text = &text[next.0..next.1];
    let first_next = next_text.chars().next().unwrap_or(' ');
    if first_next.is_lowercase() {
        return true;
    }
    let Some(head) = prev.strip_suffix('.') else {
        return false;
    };
    let last_word = head
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '«'))
        .next()
        .unwrap_or("")
        .to_lowercase();
    if TITLE_ABBREVIATIONS.contains(&last_word.as_str()) {
        return true;
    }
    if MONTH_ABBREVIATIONS.contains(&last_word.as_str()) && first_next.is_ascii_digit() {
        return true;
    }
    if DOTTED_NAMES.contains(&last_word.as_str()) {
        let opener = next_text
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        return !SENTENCE_OPENERS.contains(&opener.as_str());
    }
    false
}

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
    pub start: usize,
    pub end: usize,
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
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
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

/// Opening quotation marks (curly, low-9, guillemets, CJK corner brackets).
pub fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '「' | '『' | '‹')
}

/// Closing quotation marks.
pub fn closes_quote(c: char) -> bool {
    matches!(c, '”' | '»' | '」' | '』' | '›')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn sentences_keep_titles_dotted_names_and_trailing_cues_together() {
        let text = "Mr. Wang met the U.S. President on Monday. “Why now?” he asked.\r\n\
                    Talks with the U.S. The ministry said more.\n\
                    MOSCOW, Nov. 27 (Reuters) — Lavrov said so.";
        assert_eq!(
            texts(text),
            vec![
                "Mr. Wang met the U.S. President on Monday.",
                "“Why now?” he asked.",
                "Talks with the U.S.",
                "The ministry said more.",
                "MOSCOW, Nov. 27 (Reuters) — Lavrov said so.",
            ]
        );
    }

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
