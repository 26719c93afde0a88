//! The HTML importer: a saved news page becomes the story's text, readability-style
//! (dom_smoothie, a port of Mozilla's Readability), with the page's own metadata.

mod bounds;
mod edges;

pub use bounds::{MAX_ATTRIBUTES as MAX_HTML_ATTRIBUTES, MAX_DEPTH as MAX_HTML_DEPTH};

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
    let bounded = bounds::bound(&decoded.text);
    let mut warnings = decoded.warnings.clone();
    warnings.extend(bounded.warnings());
    let mut reader = Readability::new(bounded.html.as_ref(), None, Some(config))
        .map_err(|_| ImportError::NoArticleText)?;
    // dom_smoothie reads a URL only from JSON-LD; pages name theirs in Open Graph or a
    // canonical link. Read before parsing, which prunes the document.
    let page_url = ["meta[property='og:url']", "link[rel='canonical']"]
        .iter()
        .zip(["content", "href"])
        .find_map(|(selector, attribute)| reader.doc.select(selector).attr(attribute))
        .map(|url| url.trim().to_owned());
    let headline = single_headline(&reader.doc);
    let meta_date = meta_published_date(&reader.doc);
    let dek = page_dek(&reader.doc, headline.as_deref());
    remove_page_furniture(&reader.doc);
    let article = reader.parse().map_err(|_| ImportError::NoArticleText)?;
    let text = tidy_paragraphs(&article.text_content);
    if text.is_empty() {
        return Err(ImportError::NoArticleText);
    }
    let page_title = one_line(&article.title);
    let (title, site_from_title) = split_page_title(&page_title, headline.as_deref());
    let mut meta = DocumentMeta {
        title,
        source: article
            .site_name
            .as_deref()
            .map(one_line)
            .or(site_from_title)
            .unwrap_or_default(),
        date: article
            .published_time
            .as_deref()
            .and_then(parse_date)
            .or(meta_date),
        byline: article.byline.as_deref().map(one_line).unwrap_or_default(),
        url: article.url.or(page_url).unwrap_or_default(),
        language: article.lang.unwrap_or_default(),
        ..DocumentMeta::default()
    };
    let trimmed = edges::strip(
        &text,
        &edges::PageFacts {
            titles: [
                Some(meta.title.as_str()),
                Some(page_title.as_str()),
                headline.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect(),
            byline: &meta.byline,
            source: &meta.source,
            date: meta.date,
            dek: dek
                .as_ref()
                .filter(|dek| !dek.repeats_a_paragraph)
                .map(|dek| dek.text.as_str()),
        },
    );
    meta.date = meta.date.or(trimmed.date_line);
    // The dek (the outlet's summary under the headline) is not part of the story: analysts
    // code what the story reports, and the dek restates it in the desk's words, so coding
    // both would count each statement twice. Readability already drops it on most pages;
    // taking it out everywhere makes outlets alike, and it is kept, like the headline, in
    // the document's info.
    if let Some(dek) = dek {
        meta.custom.insert(SUMMARY_FIELD.to_owned(), dek.text);
    }
    Ok(Extracted {
        text: trimmed.text,
        encoding: decoded.encoding,
        line_endings: decoded.line_endings,
        meta,
        warnings,
    })
}

/// The document-info field that holds a page's dek.
const SUMMARY_FIELD: &str = "summary";

/// Words in a class, id or `data-*` name that mark the dek (the summary under the headline)
/// across outlets: NYT "article-summary", Telegraph "e-standfirst", Washington Post
/// "subheadline", Guardian "standfirst", Le Monde "article__desc".
const DEK_WORDS: &[&str] = &[
    "summary",
    "dek",
    "standfirst",
    "subheadline",
    "subhead",
    "sub-headline",
    "strapline",
    "desc",
    "description",
];

/// The summary under the headline, as the page marks it up.
struct Dek {
    text: String,
    /// The same words are also a paragraph elsewhere on the page: the dek repeats the
    /// story's opening, so the text keeps them.
    repeats_a_paragraph: bool,
}

/// The dek: the first element named as one (see `DEK_WORDS`) holding a short text that is
/// not the headline. A named element holding several paragraphs is a container, not a dek.
fn page_dek(doc: &dom_query::Document, headline: Option<&str>) -> Option<Dek> {
    const MAX_DEK_CHARS: usize = 600;
    const NAMES: [&str; 5] = ["class", "id", "data-qa", "data-testid", "data-gu-name"];
    let candidates = doc
        .select("body [class], body [id], body [data-qa], body [data-testid], body [data-gu-name]");
    candidates.nodes().iter().find_map(|node| {
        let named = NAMES
            .iter()
            .filter_map(|attribute| node.attr(attribute))
            .any(|name| is_dek_name(&name));
        if !named || dom_query::Selection::from(*node).select("p").length() > 1 {
            return None;
        }
        let text = one_line(&node.text());
        if text.is_empty()
            || text.chars().count() > MAX_DEK_CHARS
            || Some(text.as_str()) == headline
        {
            return None;
        }
        let same_text = |paragraph: &dom_query::NodeRef| one_line(&paragraph.text()) == text;
        let own = usize::from(node.has_name("p") && same_text(node))
            + dom_query::Selection::from(*node)
                .select("p")
                .nodes()
                .iter()
                .filter(|p| same_text(p))
                .count();
        let everywhere = doc
            .select("body p")
            .nodes()
            .iter()
            .filter(|p| same_text(p))
            .count();
        Some(Dek {
            repeats_a_paragraph: everywhere > own,
            text,
        })
    })
}

fn is_dek_name(name: &str) -> bool {
    name.split_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        DEK_WORDS.contains(&token.as_str())
            || token
                .split(['-', '_'])
                .any(|word| DEK_WORDS.contains(&word))
    })
}

/// Words in a class, id or `data-*` name that mark page furniture: ad slots, promos,
/// newsletter boxes, share bars, related and most-read lists, comment threads, paywall
/// banners, author bios and editor lines. Readability scores whole containers, so widgets
/// that sit *between* a story's paragraphs (as outlets place them) survive it unless they
/// are taken out first. Matched against whole words of the name ("story-ad-1-wrapper" →
/// "ad"), never substrings, so "header" or "lead" are safe.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "interstitial",
    "share",
    "sharing",
    "social",
    "related",
    "relevant",
    "recommended",
    "outbrain",
    "taboola",
    "comments",
    "comment",
    "subscribe",
    "paywall",
    "martech",
    "ranking",
    "reprints",
    "timestamp",
    "edit",
    "author-bio",
];

/// Names also matched as a whole token, for compound names that must not match word by
/// word ("most-read" — but not every "read").
const FURNITURE_NAMES: &[&str] = &["most-read", "bottom-of-article", "author-bio"];

fn is_furniture_name(name: &str) -> bool {
    name.split_whitespace().any(|token| {
        let token = token.to_ascii_lowercase();
        FURNITURE_NAMES.contains(&token.as_str())
            || token
                .split(['-', '_'])
                .any(|word| FURNITURE_WORDS.contains(&word))
    })
}

/// Removes widgets (see `FURNITURE_WORDS`) before Readability runs. The story's own
/// container is never furniture, so a widget that encloses it is kept.
fn remove_page_furniture(doc: &dom_query::Document) {
    // Photo captions and credits, and controls, are never the story's text.
    doc.select("body figcaption, body button").remove();
    let candidates = doc
        .select("body [class], body [id], body [data-qa], body [data-testid], body [aria-label]");
    for node in candidates.nodes() {
        let named = ["class", "id", "data-qa", "data-testid", "aria-label"]
            .iter()
            .filter_map(|attribute| node.attr(attribute))
            .any(|name| is_furniture_name(&name));
        let holds_story = || {
            node.is_element() && dom_query::Selection::from(*node).select("p").nodes().len() >= 3
        };
        if named && !holds_story() {
            node.remove_from_parent();
        }
    }
}

/// Publication dates under the names portals and CMSs use besides Open Graph and JSON-LD
/// (which Readability reads itself), then the first `<time datetime>`.
fn meta_published_date(doc: &dom_query::Document) -> Option<NaiveDate> {
    const SELECTORS: [(&str, &str); 8] = [
        ("meta[name='publishdate']", "content"),
        ("meta[name='pubdate']", "content"),
        ("meta[name='publish-date']", "content"),
        ("meta[name='parsely-pub-date']", "content"),
        ("meta[name='sailthru.date']", "content"),
        ("meta[name='dc.date.issued']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("time[datetime]", "datetime"),
    ];
    SELECTORS.iter().find_map(|(selector, attribute)| {
        doc.select(selector)
            .attr(attribute)
            .and_then(|value| parse_date(&value))
    })
}

/// The text of the page's only `<h1>`, when it has exactly one: the story's headline.
fn single_headline(doc: &dom_query::Document) -> Option<String> {
    let headings = doc.select("body h1");
    (headings.length() == 1)
        .then(|| one_line(&headings.text()))
        .filter(|text| !text.is_empty())
}

/// Portals title their pages "Headline--Section--Site" with separators Readability does
/// not know. When the page title starts with the page's headline, the headline is the
/// title and the last part of the rest names the site.
fn split_page_title(page_title: &str, headline: Option<&str>) -> (String, Option<String>) {
    let Some(headline) = headline else {
        return (page_title.to_owned(), None);
    };
    let Some(rest) = page_title.strip_prefix(headline) else {
        return (page_title.to_owned(), None);
    };
    let separators: &[char] = &['-', '|', '_', '–', '—', '·', ':', '/', '»'];
    if !rest.is_empty() && !rest.trim_start().starts_with(separators) {
        // The headline is only a prefix of a longer title: keep the page's title.
        return (page_title.to_owned(), None);
    }
    let site = rest
        .split(separators)
        .map(str::trim)
        .rfind(|part| !part.is_empty())
        .map(str::to_owned);
    (headline.to_owned(), site)
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
    fn furniture_names_match_whole_words_only() {
        assert!(is_furniture_name("ad story-ad-1-wrapper"));
        assert!(is_furniture_name("rm_relevant"));
        assert!(is_furniture_name("Share full article"));
        assert!(is_furniture_name("most-read"));
        assert!(!is_furniture_name("site-header"));
        assert!(!is_furniture_name("lead headline"));
        assert!(!is_furniture_name("articleBodyText section"));
        assert!(!is_furniture_name("readability-content"));
    }

    #[test]
    fn the_dek_is_found_by_name_and_marked_when_it_repeats_the_opening() {
        let page =
            |body: &str| dom_query::Document::from(format!("<html><body>{body}</body></html>"));
        let dek = page_dek(
            &page(
                "<h1>Talks stall</h1><div class='e-standfirst'><p>Mediators try again.</p></div>\
                 <p>Ministers met.</p><p>They left.</p>",
            ),
            Some("Talks stall"),
        )
        .expect("a dek");
        assert_eq!(dek.text, "Mediators try again.");
        assert!(!dek.repeats_a_paragraph);
        // A summary that is also the story's first paragraph stays in the text.
        let dek = page_dek(
            &page(
                "<p id='article-summary'>Ministers met.</p><p>Ministers met.</p><p>They left.</p>",
            ),
            None,
        )
        .expect("a dek");
        assert!(dek.repeats_a_paragraph);
        // A container named "summary" holding the story is no dek.
        assert!(
            page_dek(
                &page("<div class='summary'><p>Ministers met.</p><p>They left.</p></div>"),
                None
            )
            .is_none()
        );
    }

    #[test]
    fn portal_titles_split_into_headline_and_site() {
        assert_eq!(
            split_page_title(
                "中方愿同非洲国家一道--国际--人民网",
                Some("中方愿同非洲国家一道")
            ),
            ("中方愿同非洲国家一道".to_owned(), Some("人民网".to_owned()))
        );
        assert_eq!(
            split_page_title("Talks resume | Daily News", Some("Talks resume")),
            ("Talks resume".to_owned(), Some("Daily News".to_owned()))
        );
        // A headline that is only the start of a longer title is not cut off.
        assert_eq!(
            split_page_title("Talks resume in Geneva", Some("Talks resume")),
            ("Talks resume in Geneva".to_owned(), None)
        );
        assert_eq!(split_page_title("Title", None), ("Title".to_owned(), None));
    }

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
