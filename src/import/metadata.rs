//! Metadata read from an article's text: title, date, source and language.
//!
//! The text is never changed; this only looks at it. Two layouts are recognised by hand
//! (they are two fixed shapes, smaller to parse directly than to pull in a regex engine):
//! a leading `date YYYY-MM-DD <photo caption> (Agency/Photographer)` line, as in the
//! shared corpus, and a wire dateline (`text::dateline`) opening the body.

use crate::text::dateline::{self, looks_like_agency, parse_month_day};
use crate::text::first_sentence;
use chrono::NaiveDate;

/// Longest title, in characters, before it is shortened at a word boundary.
pub const TITLE_MAX_CHARS: usize = 120;

/// What the text says about itself; empty fields are unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextMeta {
    pub title: String,
    pub source: String,
    pub date: Option<NaiveDate>,
    /// BCP 47 tag, only when the guess is reliable.
    pub language: String,
}

pub fn read(text: &str) -> TextMeta {
    let mut meta = read_layout(text);
    if meta.title.is_empty() {
        // A dateline with nothing after it, say: the first line is still a fair title.
        let first = text.lines().map(str::trim).find(|l| !l.is_empty());
        meta.title = shorten(first.unwrap_or_default(), TITLE_MAX_CHARS);
    }
    meta
}

fn read_layout(text: &str) -> TextMeta {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return TextMeta::default();
    };
    let second = lines.next();
    let mut meta = TextMeta {
        language: guess_language(text),
        ..TextMeta::default()
    };

    if let Some(header) = parse_header_line(first) {
        meta.date = Some(header.date);
        meta.source = header.agency.unwrap_or_default();
        let body = second.unwrap_or(header.caption);
        let body_dateline = dateline::parse(body);
        let opening = body_dateline
            .as_ref()
            .map_or(body, |d| &body[d.body_start..]);
        meta.title = shorten(first_sentence(opening), TITLE_MAX_CHARS);
        if meta.source.is_empty()
            && let Some(d) = body_dateline
        {
            meta.source = d.agency.to_owned();
        }
        return meta;
    }

    // The dateline opens the body: the first line, or the second after a title line.
    if let Some(d) = dateline::parse(first) {
        meta.title = shorten(first_sentence(&first[d.body_start..]), TITLE_MAX_CHARS);
        meta.source = d.agency.to_owned();
        meta.date = d.date(None);
    } else {
        meta.title = shorten(first, TITLE_MAX_CHARS);
        if let Some(d) = second.and_then(dateline::parse) {
            meta.source = d.agency.to_owned();
            meta.date = d.date(find_full_date(first));
        }
    }
    meta
}

/// The corpus layout's first line: `date 2019-09-27 <caption> (Xinhua/Liu Jie)`.
struct HeaderLine<'t> {
    date: NaiveDate,
    caption: &'t str,
    agency: Option<String>,
}

fn parse_header_line(line: &str) -> Option<HeaderLine<'_>> {
    let keyword = line.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = line[4..].trim_start_matches([':', ' ', '\t']);
    let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
    let caption = rest[10..].trim();
    Some(HeaderLine {
        date,
        caption,
        agency: caption_agency(caption),
    })
}

/// "… (Xinhua/Liu Jie)" → "Xinhua": the credit that closes a photo caption.
fn caption_agency(caption: &str) -> Option<String> {
    let inner = caption.strip_suffix(')')?;
    let credit = &inner[inner.rfind('(')? + 1..];
    let (agency, _photographer) = credit.split_once('/')?;
    let agency = agency.trim();
    looks_like_agency(agency).then(|| agency.to_owned())
}

/// A complete date written in a line: `2019-09-27`, `Sept. 27, 2019` or `27 September 2019`.
fn find_full_date(line: &str) -> Option<NaiveDate> {
    let tokens: Vec<&str> = line
        .split([' ', ',', '\t'])
        .filter(|t| !t.is_empty())
        .collect();
    for (i, token) in tokens.iter().enumerate() {
        if let Some(date) = token
            .get(..10)
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        {
            return Some(date);
        }
        if let Some(window) = tokens.get(i..i + 3)
            && let Some((month, day, Some(year))) = parse_month_day(&window.join(" "))
            && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
        {
            return Some(date);
        }
    }
    None
}

/// Shortens to at most `max` characters at a word boundary, marking the cut with "…".
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    let Some((cut, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = &text[..cut];
    // Cut at the last space unless that would lose more than half (e.g. CJK, no spaces).
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{head}…")
}

/// A language tag only where the script or the commonest words make it unmistakable.
pub fn guess_language(text: &str) -> String {
    const SAMPLE_CHARS: usize = 4000;
    let (mut letters, mut han, mut kana, mut hangul, mut cyrillic, mut latin) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    for c in sample.chars() {
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        match c as u32 {
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => han += 1,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => hangul += 1,
            0x0400..=0x04FF => cyrillic += 1,
            0x0041..=0x024F | 0x1E00..=0x1EFF => latin += 1,
            _ => {}
        }
    }
    if letters < 20 {
        return String::new();
    }
    let tag = if kana * 10 > letters && (han + kana) * 2 > letters {
        "ja"
    } else if hangul * 2 > letters {
        "ko"
    } else if han * 2 > letters {
        "zh"
    } else if cyrillic * 2 > letters {
        cyrillic_language(sample)
    } else if latin * 2 > letters {
        latin_language(sample)
    } else {
        ""
    };
    tag.to_owned()
}

/// Russian has ы and э, Ukrainian і ї є ґ; Belarusian has both (and ў), Bulgarian neither.
fn cyrillic_language(text: &str) -> &'static str {
    let has = |set: &str| {
        text.chars()
            .any(|c| set.contains(c.to_lowercase().next().unwrap_or(c)))
    };
    match (has("ыэ"), has("іїєґ"), has("ў")) {
        (true, false, false) => "ru",
        (false, true, false) => "uk",
        _ => "",
    }
}

/// Counts each language's commonest function words in a sample; a clear winner names the
/// language.
fn latin_language(text: &str) -> &'static str {
    const WORDS: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "the", "and", "of", "is", "that", "with", "said", "was", "for", "on",
            ],
        ),
        (
            "fr",
            &[
                "le", "les", "des", "et", "est", "du", "une", "dans", "pour", "avec", "sur", "au",
            ],
        ),
        (
            "es",
            &[
                "el", "los", "las", "del", "y", "una", "por", "con", "al", "como", "su",
            ],
        ),
        (
            "pt",
            &[
                "os", "do", "da", "dos", "das", "não", "com", "uma", "em", "ao", "pelo", "é",
            ],
        ),
        (
            "de",
            &[
                "der", "die", "und", "ist", "nicht", "mit", "den", "dem", "von", "zu", "auf",
            ],
        ),
    ];
    let mut hits = [0usize; WORDS.len()];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        for (i, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                hits[i] += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, &str)> = hits
        .iter()
        .zip(WORDS)
        .map(|(&n, &(tag, _))| (n, tag))
        .collect();
    ranked.sort_unstable_by_key(|&(hits, _)| std::cmp::Reverse(hits));
    match ranked.as_slice() {
        [(best, tag), (second, _), ..] if *best >= 8 && *best >= 2 * *second => tag,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_alone_is_its_own_title() {
        let meta = read("BEIJING, Sept. 27 (Xinhua) --\n\nWang Yi met ministers.");
        assert_eq!(meta.title, "BEIJING, Sept. 27 (Xinhua) --");
        assert_eq!(meta.source, "Xinhua");
    }

    #[test]
    fn the_title_is_the_first_sentence_of_the_shared_analysis() {
        let meta = read(
            "BEIJING, Sept. 27 (Xinhua) -- Mr. Wang met U.S. officials on Sept. 26 \
                         in New York. Then he left.",
        );
        assert_eq!(
            meta.title,
            "Mr. Wang met U.S. officials on Sept. 26 in New York."
        );
        assert_eq!(
            first_sentence("王毅表示，中方愿同拉方合作。他说。"),
            "王毅表示，中方愿同拉方合作。"
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let title = shorten(&"word ".repeat(40), 22);
        assert_eq!(title, "word word word word…");
        assert_eq!(shorten("短标题", 10), "短标题");
        assert_eq!(
            shorten(&"汉".repeat(12), 10),
            format!("{}…", "汉".repeat(10))
        );
    }

    #[test]
    fn languages_by_script_and_words() {
        assert_eq!(
            guess_language("王毅表示，中方愿同拉美和加勒比国家一道，克服困难，实现共同发展。"),
            "zh"
        );
        assert_eq!(
            guess_language("茂木外務大臣は、国連総会の際にラテンアメリカの外相と会談しました。"),
            "ja"
        );
        assert_eq!(
            guess_language("Министр иностранных дел России заявил, что это важно для всех."),
            "ru"
        );
        assert_eq!(
            guess_language(
                "The minister said that the talks with the delegation of Brazil were \
                 constructive and that both sides agreed on the need for more trade."
            ),
            "en"
        );
        assert_eq!(
            guess_language("Bogotá São Paulo Lima Quito Caracas Santiago"),
            ""
        );
    }
}
