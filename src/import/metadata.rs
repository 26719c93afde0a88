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

/// The language of an article as a BCP 47 tag ("en", "fr", "ar"), detected by `whatlang`
/// (trigram statistics per script) from its first few thousand characters; "" when the
/// text is too short or the detection unsure (the document then says "not set").
pub fn guess_language(text: &str) -> String {
    const SAMPLE_CHARS: usize = 4000;
    const FEWEST_LETTERS: usize = 20;
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    if sample.chars().filter(|c| c.is_alphabetic()).count() < FEWEST_LETTERS {
        return String::new();
    }
    // A few words in an alphabet (place names, a dateline) read as any language.
    const FEWEST_WORDS: usize = 6;
    let few_words = sample.split_whitespace().count() < FEWEST_WORDS;
    whatlang::detect(sample)
        .filter(whatlang::Info::is_reliable)
        .filter(|info| {
            !few_words
                || !matches!(
                    info.script(),
                    whatlang::Script::Latin | whatlang::Script::Cyrillic
                )
        })
        .map_or_else(String::new, |info| language_tag(info.lang()))
}

/// The shortest ISO 639 code of a language, as BCP 47 wants it: two letters where ISO
/// 639-1 has them, else whatlang's three.
fn language_tag(lang: whatlang::Lang) -> String {
    use whatlang::Lang::*;
    let two = match lang {
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Ind => "id",
        // Iranian Persian: "fa" is the tag in use.
        Pes => "fa",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Afr => "af",
        Hye => "hy",
        Cym => "cy",
        Epo => "eo",
        Aze => "az",
        Uzb => "uz",
        other => return other.code().to_owned(),
    };
    two.to_owned()
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
            guess_language(
                "Le ministre des Affaires étrangères a déclaré que les deux pays \
                 renforceront leur coopération dans le domaine de l'énergie."
            ),
            "fr"
        );
        assert_eq!(
            guess_language(
                "أكد وزير الخارجية أن البلدين سيعززان التعاون في مجالي التجارة والطاقة خلال \
                 العام المقبل."
            ),
            "ar"
        );
        // Place names alone say nothing sure: "not set".
        assert_eq!(guess_language("Bogotá São Paulo Lima Quito"), "");
        assert_eq!(guess_language("Lima"), "");
    }
}
