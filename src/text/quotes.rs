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

/// Byte ranges of the quotations of `text`, marks included, in text order.
pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut opened_low = false;
    // Where the last paragraph with an open quotation ended (its close if none follows).
    let mut last_content_end = 0;
    let mut at_break = false;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2029}') {
            at_break = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let end = i + c.len_utf8();
        if at_break {
            at_break = false;
            if let Some(start) = open {
                // A reopening mark continues the quotation; so does a block whose next
                // mark closes it. Otherwise the paragraph break ended it.
                if c == '"' || opens_quote(c) {
                    last_content_end = end;
                    continue;
                }
                if !quote_runs_on(text, i) {
                    out.push((start, last_content_end));
                    open = None;
                }
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
        last_content_end = end;
    }
    if let Some(start) = open {
        out.push((start, last_content_end));
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
