//! The one sentence policy: where a sentence of news copy or an official text ends.
//!
//! A sentence ends at a line break, or at `.`, `!`, `?` (or a CJK full stop) followed by
//! closing quotes or brackets and then a space. Then the breaks that news copy fools are
//! glued back, by one abbreviation policy:
//! - titles never end a sentence ("Mr. Wang", "Hon. Wang", "Gen. Li", "vs.");
//! - numbered and dated forms go on before a digit ("No. 5", "Sept. 3"), not before a word
//!   ("in Sept. The ministry");
//! - initials, dotted names and company forms go on unless a usual sentence opener follows
//!   ("Joseph R. Biden", "the U.S. President", but "Acme Corp. The", "the U.S. The");
//! - a lowercase word after the stop goes on (“Why?” he asked).
//!
//! A wire dateline and its credit opening a paragraph ("MOSCOW, November 27. /TASS/.",
//! "BEIJING, Sept. 27 (Xinhua) --") is never a sentence: the first sentence starts after it.
//!
//! Written by hand rather than with Unicode sentence segmentation (UAX #29), which needs
//! the same gluing and took 40 ms per megabyte against a few for this. Offsets here are
//! bytes and stay inside the `text` module.

use super::dateline;

/// Titles and forms of address: a period after them never ends a sentence.
const TITLES: [&str; 32] = [
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "sen", "rep", "gov", "pres", "amb", "sec", "min", "rev", "hon", "h.e", "st", "mt", "ft", "fr",
    "vs", "dept", "gens", "cmdr", "supt",
];

/// Forms that go on before a number only: "No. 5", "Art. 51", "Sept. 3".
const BEFORE_NUMBERS: [&str; 19] = [
    "no", "nos", "art", "arts", "para", "vol", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov",
];

/// "Dec." too, kept apart to stay within one line above.
const DECEMBER: &str = "dec";

/// Forms that go on unless a usual sentence opener follows: company forms, name suffixes
/// and Latin abbreviations ("Acme Corp. Chairman Li" goes on, "Acme Corp. The" ends).
const UNLESS_OPENER: [&str; 13] = [
    "inc", "ltd", "co", "corp", "plc", "llc", "bros", "jr", "sr", "e.g", "i.e", "cf", "approx",
];

/// Words that usually open a new sentence after an abbreviation ("… the U.S. The ministry").
const SENTENCE_OPENERS: [&str; 16] = [
    "the", "he", "she", "it", "in", "but", "we", "they", "this", "a", "on", "at", "his", "her",
    "its", "as",
];

/// Byte ranges `(start, end)`, in text order.
pub(super) type ByteRanges = Vec<(usize, usize)>;

/// Sentences of `text` as byte ranges without surrounding white space, and the byte ranges
/// of the datelines opening paragraphs (which belong to no sentence).
pub(super) fn split(text: &str) -> (ByteRanges, ByteRanges) {
    let mut sentences = Vec::new();
    let mut datelines = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive(is_line_break) {
        let start = line_start;
        line_start += line.len();
        let content = line.trim_end_matches(is_line_break);
        let lead = content.len() - content.trim_start().len();
        let mut from = start + lead;
        if let Some(d) = dateline::parse(&content[lead..]) {
            let head = content[lead..lead + d.body_start].trim_end();
            datelines.push((from, from + head.len()));
            from += d.body_start;
        }
        split_line(text, from, start + content.len(), &mut sentences);
    }
    (sentences, datelines)
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}' | '\u{2028}')
}

/// Sentences of the line `text[from..to]` (no line break inside) appended to `out`.
fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let first = out.len();
    let push = |start: usize, end: usize, out: &mut Vec<(usize, usize)>| {
        let piece = &text[start..end];
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return;
        }
        let start = start + (piece.len() - piece.trim_start().len());
        let end = start + trimmed.len();
        if out.len() > first
            && let Some(last) = out.last_mut()
            && continues(&text[last.0..last.1], &text[start..end])
        {
            last.1 = end;
            return;
        }
        out.push((start, end));
    };
    let bytes = text.as_bytes();
    let mut start = from;
    let mut i = from;
    while i < to {
        // Only '.', '!', '?' and the lead bytes of the CJK stops (。 E3…, ！？ EF…) can
        // end a sentence; everything else is skipped without decoding.
        if !matches!(bytes[i], b'.' | b'!' | b'?' | 0xE3 | 0xEF) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..to].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
            continue;
        }
        let mut rest = text[i..to].chars();
        let mut next = rest.next();
        while let Some(d) = next {
            if !matches!(
                d,
                '.' | '!' | '?' | ')' | ']' | '\'' | '’' | '"' | '”' | '»' | '」' | '』' | '›'
            ) {
                break;
            }
            i += d.len_utf8();
            next = rest.next();
        }
        let cjk_stop = matches!(c, '。' | '！' | '？');
        let spaced = next.is_none_or(char::is_whitespace);
        if spaced || cjk_stop {
            push(start, i, out);
            start = i;
        }
    }
    push(start, to, out);
}

/// True when the sentence `next` continues `previous` on the same line (a false break).
fn continues(previous: &str, next: &str) -> bool {
    let first_next = next.chars().next().unwrap_or(' ');
    if first_next.is_lowercase() {
        return true;
    }
    let Some(head) = previous.strip_suffix('.') else {
        return false;
    };
    let word = head
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '«' | '‘'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let lower = lower.as_str();
    if TITLES.contains(&lower) {
        return true;
    }
    if BEFORE_NUMBERS.contains(&lower) || lower == DECEMBER {
        return first_next.is_ascii_digit();
    }
    if UNLESS_OPENER.contains(&lower) || is_initial_or_dotted(word) {
        let opener = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        return !SENTENCE_OPENERS.contains(&opener.as_str());
    }
    false
}

/// "R" (an initial) or "U.S", "U.N", "U.S.A" (single letters joined by periods).
fn is_initial_or_dotted(word: &str) -> bool {
    let mut letters = 0;
    for (k, part) in word.split('.').enumerate() {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() && (k > 0 || c.is_uppercase()) => letters += 1,
            _ => return false,
        }
    }
    letters > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text)
            .0
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn titles_dotted_names_and_trailing_cues_stay_together() {
        let text = "Mr. Wang met the U.S. President on Monday. “Why now?” he asked.\r\n\
                    Talks with the U.S. The ministry said more.\n\
                    Hon. Wang spoke. Joseph R. Biden replied.";
        assert_eq!(
            texts(text),
            vec![
                "Mr. Wang met the U.S. President on Monday.",
                "“Why now?” he asked.",
                "Talks with the U.S.",
                "The ministry said more.",
                "Hon. Wang spoke.",
                "Joseph R. Biden replied.",
            ]
        );
    }

    #[test]
    fn numbers_and_dates_go_on_only_before_a_digit() {
        assert_eq!(
            texts("Resolution No. 5 passed on Sept. 3 in New York. It came in Sept. The vote."),
            vec![
                "Resolution No. 5 passed on Sept. 3 in New York.",
                "It came in Sept.",
                "The vote."
            ]
        );
    }

    #[test]
    fn company_forms_end_before_an_opener() {
        assert_eq!(
            texts("He joined Acme Corp. The firm grew. Acme Corp. Chairman Li agreed."),
            vec![
                "He joined Acme Corp.",
                "The firm grew.",
                "Acme Corp. Chairman Li agreed."
            ]
        );
    }

    #[test]
    fn datelines_and_credits_are_never_sentences() {
        let text = "MOSCOW, November 27. /TASS/. Russia is ready to help.\n\
                    BEIJING, Sept. 27 (Xinhua) --\n\
                    Wang Yi met ministers.";
        let (sentences, datelines) = split(text);
        let sentences: Vec<&str> = sentences.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            sentences,
            vec!["Russia is ready to help.", "Wang Yi met ministers."]
        );
        let datelines: Vec<&str> = datelines.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            datelines,
            vec![
                "MOSCOW, November 27. /TASS/.",
                "BEIJING, Sept. 27 (Xinhua) --"
            ]
        );
    }

    #[test]
    fn cjk_sentences_split_on_ideographic_full_stops() {
        assert_eq!(
            texts("王毅表示，中方愿意合作。他还说：“我们反对干涉内政。”"),
            vec!["王毅表示，中方愿意合作。", "他还说：“我们反对干涉内政。”"]
        );
    }
}
