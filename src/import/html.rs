//! The HTML importer: a saved news page becomes the story's text, readability-style
//! (dom_smoothie, a port of Mozilla's Readability), with the page's own metadata.

use super::{Extracted, ImportError, decode};
use crate::model::DocumentMeta;
use chrono::{DateTime, NaiveDate};
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta charset>` is looked for: the WHATWG prescan reads 1024
/// bytes; saved pages often carry long comments or scripts first, so look further.
const CHARSET_PRESCAN_BYTES: usize = 4096;

pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let decoded = match declared_charset(bytes) {
        Some(encoding) => decode::decode_declared(bytes, encoding)?,
        None => decode::decode(bytes)?,
    };
    let config = Config {
        // Formatted text keeps paragraph breaks as blank lines.
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut reader = Readability::new(decoded.text.as_str(), None, Some(config))
        .map_err(|_| ImportError::NoArticleText)?;
    // dom_smoothie reads a URL only from JSON-LD; pages name theirs in Open Graph or a
    // canonical link. Read before parsing, which prunes the document.
    let page_url = ["meta[property='og:url']", "link[rel='canonical']"]
        .iter()
        .zip(["content", "href"])
        .find_map(|(selector, attribute)| reader.doc.select(selector).attr(attribute))
        .map(|url| url.trim().to_owned());
    // Readability keeps a share bar that sits inside the story's container when its text
    // outweighs its links ("分享到：微信 微博"); such widgets are never the story.
    reader
        .doc
        .select("[class*='share'], [id*='share'], [class*='social']")
        .remove();
    let article = reader.parse().map_err(|_| ImportError::NoArticleText)?;
    let text = tidy_paragraphs(&article.text_content);
    if text.is_empty() {
        return Err(ImportError::NoArticleText);
    }
    let meta = DocumentMeta {
        title: one_line(&article.title),
        source: article
            .site_name
            .as_deref()
            .map(one_line)
            .unwrap_or_default(),
        date: article.published_time.as_deref().and_then(parse_date),
        byline: article.byline.as_deref().map(one_line).unwrap_or_default(),
        url: article.url.or(page_url).unwrap_or_default(),
        language: article.lang.unwrap_or_default(),
        ..DocumentMeta::default()
    };
    Ok(Extracted {
        text,
        encoding: decoded.encoding,
        line_endings: decoded.line_endings,
        meta,
    })
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` near the top of the page. html5ever parses text, not bytes,
/// so this small scan (after WHATWG's prescan, without its full tokenizer) stands in.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let head = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&head[from..], b"charset") {
        let mut at = from + found + b"charset".len();
        from = at;
        at += count_while(&head[at..], |b| b.is_ascii_whitespace());
        if head.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        at += count_while(&head[at..], |b| {
            b.is_ascii_whitespace() || b == b'"' || b == b'\''
        });
        let len = count_while(&head[at..], |b| {
            !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/'))
        });
        if let Some(encoding) = Encoding::for_label(&head[at..at + len]) {
            // WHATWG: a page that says UTF-16 in ASCII bytes cannot be UTF-16.
            if encoding.is_single_byte() || encoding.output_encoding() == encoding {
                return Some(encoding);
            }
            return Some(UTF_8);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn count_while(bytes: &[u8], keep: impl Fn(u8) -> bool) -> usize {
    bytes.iter().take_while(|&&b| keep(b)).count()
}

/// Lines trimmed, paragraphs separated by exactly one blank line, no blank edges.
pub(super) fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `article:published_time` and `datePublished` are ISO 8601: a full timestamp (whose
/// date, in the page's own offset, is the one printed on the story) or a bare date.
fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Ok(stamp) = DateTime::parse_from_rfc3339(value) {
        return Some(stamp.date_naive());
    }
    value
        .get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta_tags() {
        let meta = b"<html><head><meta charset=\"GB2312\"><title>";
        assert_eq!(declared_charset(meta).map(Encoding::name), Some("GBK"));
        let http_equiv =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>";
        assert_eq!(
            declared_charset(http_equiv).map(Encoding::name),
            Some("windows-1251")
        );
        assert_eq!(declared_charset(b"<p>charset is a word</p>"), None);
    }

    #[test]
    fn dates_from_timestamps_and_days() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 5);
        assert_eq!(parse_date("2024-03-05T23:30:00+08:00"), day);
        assert_eq!(parse_date("2024-03-05"), day);
        assert_eq!(parse_date("March 5"), None);
    }
}
