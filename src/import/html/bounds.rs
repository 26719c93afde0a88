//! Bounds on a page's nesting and attributes, applied to the raw HTML before it is parsed.
//!
//! The HTML parser (html5ever) and the readability pass take time that grows with the
//! square of the nesting depth and of a tag's attribute count: 10,000 nested `<div>`s took
//! 24 s, one tag with 200,000 attributes 16 s. No page needs that much. Where elements nest
//! deeper than [`MAX_DEPTH`], the middle of the chain loses its tags: the outer
//! [`KEPT_OUTER`] levels (the page's frame) and the inner [`KEPT_INNER`] ones (the story's
//! paragraphs) stay, and all text stays, in order. A tag's attributes past
//! [`MAX_ATTRIBUTES`] are dropped.
//!
//! The scan is a tokenizer's rough cut written here (html5ever offers no cheaper pass): it
//! knows comments, raw-text elements (scripts, styles), void elements and quoted attribute
//! values, and it may count a page as deeper than the parser would (never much shallower),
//! which only flattens a little more. A page within the bounds is passed on untouched.

use std::borrow::Cow;

/// Outer levels of a deep chain of elements that keep their tags.
const KEPT_OUTER: usize = 128;

/// Inner levels of a deep chain of elements that keep their tags.
const KEPT_INNER: usize = 128;

/// Deepest element nesting kept: news pages nest 20 to 60 deep, the deepest framework
/// pages seen about 100.
pub const MAX_DEPTH: usize = KEPT_OUTER + KEPT_INNER;

/// Most attributes kept on one tag: real tags carry a handful, framework pages a few dozen.
pub const MAX_ATTRIBUTES: usize = 64;

/// The page within bounds, and how much was changed to get it there.
pub struct Bounded<'a> {
    pub html: Cow<'a, str>,
    /// Elements whose tags were dropped for nesting deeper than [`MAX_DEPTH`].
    pub flattened: usize,
    /// Attributes dropped past [`MAX_ATTRIBUTES`] on a tag.
    pub attributes_dropped: usize,
}

impl Bounded<'_> {
    /// What the analyst should know, if anything was changed.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.flattened > 0 {
            warnings.push(format!(
                "{} elements nested deeper than {MAX_DEPTH} levels were flattened (their \
                 text is kept)",
                self.flattened
            ));
        }
        if self.attributes_dropped > 0 {
            warnings.push(format!(
                "{} attributes beyond {MAX_ATTRIBUTES} on one tag were dropped",
                self.attributes_dropped
            ));
        }
        warnings
    }
}

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements a following sibling of the same name closes (`<p>a<p>b`, `<li>`…).
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rt", "rp",
];

/// An element that nests: how deep it sits, how deep its content goes.
struct Element {
    /// 1 for a top-level element.
    depth: usize,
    /// 1 for an element with no element inside.
    height: usize,
}

/// A tag that may have to change: which element it opens or closes, and its extent.
struct Mark {
    start: usize,
    end: usize,
    name_end: usize,
    element: Option<usize>,
    /// Attribute ranges, when there are too many.
    attributes: Option<Vec<(usize, usize)>>,
}

pub fn bound(html: &str) -> Bounded<'_> {
    let (marks, elements) = scan(html);
    let flatten = |element: Option<usize>| {
        element.is_some_and(|e| elements[e].depth > KEPT_OUTER && elements[e].height > KEPT_INNER)
    };
    let flattened = elements
        .iter()
        .filter(|e| e.depth > KEPT_OUTER && e.height > KEPT_INNER)
        .count();
    let mut attributes_dropped = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    for mark in &marks {
        let drop_tag = flatten(mark.element);
        if !drop_tag && mark.attributes.is_none() {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
        out.push_str(&html[copied..mark.start]);
        copied = mark.end;
        if drop_tag {
            continue;
        }
        if let Some(attributes) = &mark.attributes {
            attributes_dropped += attributes.len() - MAX_ATTRIBUTES;
            out.push_str(&html[mark.start..mark.name_end]);
            for &(from, to) in &attributes[..MAX_ATTRIBUTES] {
                out.push(' ');
                out.push_str(&html[from..to]);
            }
            out.push('>');
        }
    }
    let html = match out {
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    };
    Bounded {
        html,
        flattened,
        attributes_dropped,
    }
}

/// Finds every element's depth and height, and the tags that open and close elements (or
/// carry too many attributes).
fn scan(html: &str) -> (Vec<Mark>, Vec<Element>) {
    let bytes = html.as_bytes();
    let mut marks: Vec<Mark> = Vec::new();
    let mut elements: Vec<Element> = Vec::new();
    // Open elements: name and index in `elements`.
    let mut open: Vec<(String, usize)> = Vec::new();
    // Closes the open elements from `at` on, passing heights up to their parents.
    let close = |open: &mut Vec<(String, usize)>, elements: &mut Vec<Element>, at: usize| {
        while open.len() > at {
            let Some((_, child)) = open.pop() else { break };
            if let Some(&(_, parent)) = open.last() {
                elements[parent].height = elements[parent].height.max(elements[child].height + 1);
            }
        }
    };
    let mut i = 0usize;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(&bytes[start + 4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', rest).map_or(bytes.len(), |e| start + e + 1);
            continue;
        }
        let is_end = rest.starts_with(b"</");
        let name_start = start + if is_end { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = name_start;
            continue;
        }
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                .unwrap_or(bytes.len() - name_start);
        let name = html[name_start..name_end].to_ascii_lowercase();
        let tag = scan_tag(bytes, name_end);
        i = tag.end;
        let mut mark = Mark {
            start,
            end: tag.end,
            name_end,
            element: None,
            attributes: None,
        };
        if is_end {
            if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                mark.element = Some(open[at].1);
                close(&mut open, &mut elements, at);
                marks.push(mark);
            }
            continue;
        }
        if tag.attributes.len() > MAX_ATTRIBUTES {
            mark.attributes = Some(tag.attributes);
        }
        let raw_text = RAW_TEXT.contains(&name.as_str());
        if !VOID.contains(&name.as_str()) && !raw_text {
            if SELF_CLOSING_SIBLINGS.contains(&name.as_str())
                && open.last().is_some_and(|(n, _)| *n == name)
            {
                let last = open.len() - 1;
                close(&mut open, &mut elements, last);
            }
            mark.element = Some(elements.len());
            elements.push(Element {
                depth: open.len() + 1,
                height: 1,
            });
            open.push((name.clone(), elements.len() - 1));
        }
        if mark.element.is_some() || mark.attributes.is_some() {
            marks.push(mark);
        }
        if raw_text {
            // The content is text: skip to the end tag, which closes the element.
            let closing = format!("</{name}");
            i = find_ignore_case(&bytes[i..], closing.as_bytes()).map_or(bytes.len(), |e| i + e);
            if i < bytes.len() {
                i = scan_tag(bytes, i + closing.len()).end;
            }
        }
    }
    close(&mut open, &mut elements, 0);
    (marks, elements)
}

/// A tag's attributes (byte ranges of `name` or `name=value`) and where the tag ends.
struct Tag {
    attributes: Vec<(usize, usize)>,
    end: usize,
}

/// Reads attributes from `i` (just after the tag name) to the closing `>`.
fn scan_tag(bytes: &[u8], mut i: usize) -> Tag {
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return Tag {
                attributes,
                end: bytes.len(),
            };
        }
        if bytes[i] == b'>' {
            return Tag {
                attributes,
                end: i + 1,
            };
        }
        let from = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        // The name may be followed by spaces, then `=` and a value.
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    i = memchr(quote, &bytes[j + 1..]).map_or(bytes.len(), |e| j + 1 + e + 1);
                }
                _ => {
                    i = j;
                    while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                }
            }
        }
        if i > from {
            attributes.push((from, i));
        } else {
            // A stray `=`: step over it.
            i += 1;
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_bounds_is_untouched() {
        let page = r#"<html><body><div class="a" id='b'><p>One<p>Two</div><br>
            <script>if (a < b) { x = "<div>"; }</script><!-- <div> --></body></html>"#;
        let bounded = bound(page);
        assert!(matches!(bounded.html, Cow::Borrowed(_)));
        assert!(bounded.warnings().is_empty());
    }

    #[test]
    fn the_middle_of_a_deep_chain_is_flattened_and_its_text_kept() {
        let depth = MAX_DEPTH + 10;
        let page = format!(
            "{}<p>deep</p>{}<p>after</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let bounded = bound(&page);
        // The chain is depth + 1 elements long (the paragraph at its end).
        assert_eq!(bounded.flattened, depth + 1 - MAX_DEPTH);
        assert_eq!(
            bounded.html,
            format!(
                "{}<p>deep</p>{}<p>after</p>",
                "<div>".repeat(MAX_DEPTH - 1),
                "</div>".repeat(MAX_DEPTH - 1)
            )
        );
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_do_not_count_as_nesting() {
        let page = format!(
            "<ul>{}</ul>{}",
            "<li>item".repeat(1000),
            "<p>text".repeat(1000)
        );
        let bounded = bound(&page);
        assert_eq!(bounded.flattened, 0);
    }

    #[test]
    fn attributes_past_the_limit_are_dropped() {
        let attributes: String = (0..MAX_ATTRIBUTES + 3)
            .map(|n| format!(" a{n}=\"v>{n}\""))
            .collect();
        let page = format!("<p{attributes}>text</p>");
        let bounded = bound(&page);
        assert_eq!(bounded.attributes_dropped, 3);
        let kept: String = (0..MAX_ATTRIBUTES)
            .map(|n| format!(" a{n}=\"v>{n}\""))
            .collect();
        assert_eq!(bounded.html, format!("<p{kept}>text</p>"));
    }
}
