//! Quotations: curly, low-9, guillemets, CJK corner brackets and straight double quotes,
//! over several paragraphs where news copy runs a quotation on (a paragraph left open and
//! the next one reopened with an opening mark).

/// Opening quotation marks (curly, low-9, guillemets, CJK corner brackets).
pub fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '「' | '『' | '‹')
}

/// Closing quotation marks.
pub fn closes_quote(c: char) -> bool {
    matches!(c, '”' | '»' | '」' | '』' | '›')
}

/// How far ahead a quotation left open at a paragraph break is looked for its close.
const RUN_ON_LOOKAHEAD: usize = 4000;

/// True when a quotation left open at a paragraph break goes on at `from`: the next
/// quotation mark ahead closes one ("the spokesperson said:" and a quoted block).
pub(crate) fn quote_runs_on(text: &str, from: usize) -> bool {
    let mut end = (from + RUN_ON_LOOKAHEAD).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(from..end)
        .unwrap_or("")
        .chars()
        .find(|&c| opens_quote(c) || closes_quote(c))
        .is_some_and(closes_quote)
}

/// Bytes that start a quotation mark or a line break: `"`, `\n`, `\r`, and the lead bytes
/// of the multi-byte marks (« » are C2 …; “ ” „ ‹ › and U+2029 are E2 …; 「 」 『 』 are
/// E3 …). Only these are decoded: the rest of the text is skipped byte by byte.
fn may_matter(b: u8) -> bool {
    matches!(b, b'"' | b'\n' | b'\r' | 0xC2 | 0xE2 | 0xE3)
}

/// Byte ranges of the quotations of `text`, marks included, in text order.
pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut opened_low = false;
    // A paragraph break was passed since the last mark: where it was.
    let mut break_at: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !may_matter(bytes[i]) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        if matches!(c, '\n' | '\r' | '\u{2029}') {
            break_at = break_at.or(Some(i));
            i = end;
            continue;
        }
        if !(c == '"' || opens_quote(c) || closes_quote(c)) {
            i = end;
            continue;
        }
        if let (Some(at), Some(start)) = (break_at.take(), open) {
            // A reopening mark continues the quotation; so does a block whose next mark
            // closes it. Otherwise the paragraph break ended it.
            let reopens = (c == '"' || opens_quote(c)) && text[at..i].trim().is_empty();
            if reopens {
                i = end;
                continue;
            }
            if !quote_runs_on(text, at) {
                out.push((start, text[..at].trim_end().len()));
                open = None;
            }
        }
        match (c, open) {
            ('"', Some(start)) => {
                out.push((start, end));
                open = None;
            }
            ('"', None) => open = Some(i),
            ('“', Some(start)) if opened_low => {
                out.push((start, end));
                open = None;
            }
            (c, None) if opens_quote(c) => {
                open = Some(i);
                opened_low = c == '„';
            }
            (c, Some(start)) if closes_quote(c) => {
                out.push((start, end));
                open = None;
            }
            _ => {}
        }
        i = end;
    }
    if let Some(start) = open {
        let end = match break_at {
            Some(at) if !quote_runs_on(text, at) => text[..at].trim_end().len(),
            _ => text.trim_end().len(),
        };
        out.push((start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn curly_and_straight_quotations() {
        assert_eq!(
            quotes("He said “we agree” and \"we will act\" today."),
            vec!["“we agree”", "\"we will act\""]
        );
    }

    #[test]
    fn a_quotation_runs_on_over_reopened_paragraphs() {
        let text = "She said: “We will help.\n“We will stay,” she added.\nHe left.";
        assert_eq!(quotes(text), vec!["“We will help.\n“We will stay,”"]);
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        let text = "He said “we agree.\nOthers left.";
        assert_eq!(quotes(text), vec!["“we agree."]);
    }
}
