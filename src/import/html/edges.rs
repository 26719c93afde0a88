//! Story-header and trailer furniture left in the extracted text.
//!
//! Readability keeps short blocks that sit inside the article element: the byline, the
//! date line, "Read in app", "Listen to this article · 5 min", "Sign up for …",
//! "Copyright …". They are recognised here by what they say, not by markup (outlets hash
//! their class names), and only at the story's edges: blocks are taken off the top until
//! the first block that is not furniture (the story's first paragraph), and off the bottom
//! likewise. Inside the story only whole-block UI labels ("Advertisement", "Werbung",
//! "广告") go, which no paragraph of a story ever is.
//!
//! Matching is by whole blocks against short word lists rather than by regular
//! expressions: a block is furniture when *nothing* is left after taking out the page's
//! own metadata (authors, outlet, dates) and header words ("By", "Updated", "来源").
//! "By Tuesday, the talks had …" leaves "the talks had …" and stays.
//!
//! Kept on purpose: the wire trailer "Reporting by …; Editing by …". It names who reported
//! from where, which analysts cite when they weigh a story's sourcing, and it is part of
//! the copy the agency distributed; it sits after the story, so it never gets in the way.

use chrono::NaiveDate;

/// What the page says about itself, for recognising header lines that repeat it.
pub(super) struct PageFacts<'a> {
    /// The headline and page titles; a block repeating one is furniture.
    pub titles: Vec<&'a str>,
    /// The byline as extracted ("Farnaz Fassihi", "A, B", "By A and B").
    pub byline: &'a str,
    /// The outlet's name.
    pub source: &'a str,
    /// The published date from the page's metadata.
    pub date: Option<NaiveDate>,
    /// The summary under the headline, as marked up by the page.
    pub dek: Option<&'a str>,
}

/// The text without its edge furniture, and a date read from a removed date line (for
/// pages whose metadata has none).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Trimmed {
    pub text: String,
    pub date_line: Option<NaiveDate>,
}

/// Longest header or trailer line considered, in words: a byline or date line is short;
/// anything longer is a paragraph.
const MAX_EDGE_WORDS: usize = 40;

pub(super) fn strip(text: &str, facts: &PageFacts<'_>) -> Trimmed {
    let mut known = Known::new(facts);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let mut date_line = None;
    let mut start = 0;
    while let Some(block) = blocks.get(start) {
        if known.dek.as_deref() == Some(fold(block).as_str()) {
            // The dek: the outlet's summary, kept in the document's info instead (see
            // html.rs). Once only: a second copy is the story's own.
            known.dek = None;
        } else if let Some(found) = edge_furniture(block, &known) {
            date_line = date_line.or(found.date);
        } else {
            break;
        }
        start += 1;
    }
    let mut end = blocks.len();
    while end > start {
        match edge_furniture(blocks[end - 1], &known) {
            Some(found) => date_line = date_line.or(found.date),
            None => break,
        }
        end -= 1;
    }
    let kept: Vec<&str> = blocks[start..end]
        .iter()
        .copied()
        .filter(|block| !is_ui_label(block))
        .collect();
    if kept.is_empty() {
        // Nothing but furniture: better the page as it is than no document at all.
        return Trimmed {
            text: text.to_owned(),
            date_line: None,
        };
    }
    Trimmed {
        text: kept.join("\n\n"),
        date_line,
    }
}

/// The page's facts folded for comparison.
struct Known {
    titles: Vec<String>,
    /// Authors and outlet, longest first so "Ben Riley-Smith" goes before "Ben".
    names: Vec<String>,
    dek: Option<String>,
    date: Option<NaiveDate>,
}

impl Known {
    fn new(facts: &PageFacts<'_>) -> Self {
        let mut names: Vec<String> = author_names(facts.byline)
            .into_iter()
            .chain(std::iter::once(fold(facts.byline)))
            .chain(std::iter::once(fold(facts.source)))
            .filter(|name| name.chars().count() >= 2)
            .collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        names.dedup();
        Known {
            titles: facts
                .titles
                .iter()
                .map(|title| fold(title))
                .filter(|title| !title.is_empty())
                .collect(),
            names,
            dek: facts.dek.map(fold).filter(|dek| !dek.is_empty()),
            date: facts.date,
        }
    }
}

/// "By A, B and C" → ["a", "b", "c"].
fn author_names(byline: &str) -> Vec<String> {
    let folded = fold(byline);
    let folded = folded.strip_prefix("by ").unwrap_or(&folded);
    folded
        .split([',', ';', '&', '、', '，'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" et "))
        .flat_map(|part| part.split(" und "))
        .map(str::trim)
        .map(str::to_owned)
        .collect()
}

struct Furniture {
    date: Option<NaiveDate>,
}

/// Whether a block at the story's top or bottom is furniture: every line of it.
fn edge_furniture(block: &str, known: &Known) -> Option<Furniture> {
    let mut date = None;
    for line in block.lines() {
        let found = furniture_line(line, known)?;
        date = date.or(found.date);
    }
    Some(Furniture { date })
}

fn furniture_line(line: &str, known: &Known) -> Option<Furniture> {
    let folded = fold(line);
    if is_ui_label(line)
        || known.titles.contains(&folded)
        || (folded.split_whitespace().count() <= MAX_EDGE_WORDS && is_labelled_furniture(&folded))
    {
        return Some(Furniture { date: None });
    }
    let facts = header_line(&folded, known)?;
    // One reading of the date, or none ("4/3/2025" could be April or March).
    let date = match facts.dates.as_slice() {
        [date] => Some(*date),
        _ => None,
    };
    if facts.named {
        return Some(Furniture { date });
    }
    // A date line goes when it repeats the published date (a day either way: pages print
    // their own time zone's date), is a stamp ("Updated …", "2 hours ago"), holds only a
    // time, or gives the date the metadata lacks (read, not lost). Any other date, such as
    // a timeline's first heading, stays.
    let repeats = known.date.is_some_and(|published| {
        facts
            .dates
            .iter()
            .any(|date| (*date - published).num_days().abs() <= 1)
    });
    let fills_in = known.date.is_none() && date.is_some();
    (repeats || fills_in || facts.stamp || !facts.has_date_part).then_some(Furniture { date })
}

/// The folded form used for every comparison: lower case, straight apostrophes and
/// quotes, single spaces.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
}

/// Buttons and labels outlets print as blocks of their own, in the languages of the
/// outlets analysts read most. Whole-block matches only (see `is_ui_label`).
const UI_LABELS: &[&str] = &[
    // English
    "advertisement",
    "advertising",
    "ad",
    "skip advertisement",
    "scroll to continue",
    "story continues below advertisement",
    "continue reading",
    "continue reading the main story",
    "supported by",
    "sponsored",
    "sponsored content",
    "paid content",
    "read in app",
    "open in app",
    "listen to this article",
    "listen",
    "share",
    "share full article",
    "share this article",
    "share this story",
    "share article",
    "gift article",
    "gift this article",
    "save",
    "save article",
    "save for later",
    "print",
    "email",
    "copy link",
    "link copied",
    "comments",
    "show comments",
    "view comments",
    "sign up",
    "subscribe",
    "log in",
    "sign in",
    "follow",
    "skip to content",
    "skip to main content",
    "back to top",
    "most read",
    "more on this story",
    // French
    "publicité",
    "partager",
    "partager l'article",
    "partager cet article",
    "écouter cet article",
    "écouter l'article",
    "lire dans l'application",
    "sauvegarder",
    "commentaires",
    "s'abonner",
    "article réservé aux abonnés",
    // German
    "werbung",
    "anzeige",
    "teilen",
    "artikel teilen",
    "artikel anhören",
    "vorlesen",
    "merken",
    "kommentare",
    // Spanish, Portuguese, Italian
    "publicidad",
    "anuncio",
    "compartir",
    "escuchar",
    "escuchar artículo",
    "comentarios",
    "publicidade",
    "compartilhar",
    "partilhar",
    "pubblicità",
    "condividi",
    "ascolta",
    // Russian
    "реклама",
    "поделиться",
    // Chinese, Japanese
    "广告",
    "廣告",
    "分享",
    "分享到",
    "分享到微信",
    "分享到微博",
    "打印",
    "收藏",
    "评论",
    "纠错",
    "【纠错】",
    "小字号",
    "中字号",
    "大字号",
    "听新闻",
    "扫一扫",
    "在app内打开",
    "点击播报本文",
    "広告",
    "シェア",
];

/// A block that is nothing but UI labels (possibly several, "Advertisement · Scroll to
/// continue") and reading times ("5 min", "5 min read").
fn is_ui_label(block: &str) -> bool {
    let parts: Vec<String> = block
        .split(['|', '·', '•', '\n'])
        .map(|part| fold(part.trim_matches(|c: char| c.is_whitespace() || ":-–—".contains(c))))
        .filter(|part| !part.is_empty())
        .collect();
    !parts.is_empty()
        && parts
            .iter()
            .all(|part| UI_LABELS.contains(&part.as_str()) || is_reading_time(part))
}

/// "5 min", "5 min read", "4 min de lecture", "Lesezeit: 4 Min.", "5分钟".
fn is_reading_time(part: &str) -> bool {
    const WORDS: &[&str] = &[
        "min", "mins", "minute", "minutes", "read", "de", "lecture", "lesezeit", "temps",
        "lectura", "分钟", "阅读",
    ];
    let mut has_number = false;
    for word in part.split(|c: char| c.is_whitespace() || c == ':' || c == '.') {
        let word = word.trim_start_matches(|c: char| {
            has_number |= c.is_ascii_digit();
            c.is_ascii_digit()
        });
        if !word.is_empty() && !WORDS.contains(&word) {
            return false;
        }
    }
    has_number
}

/// Furniture that starts with a label and goes on with free text: credits, sign-up and
/// follow prompts, "read more" links, copyright lines. Only looked for at the story's
/// edges and in short blocks.
fn is_labelled_furniture(folded: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "photo:",
        "photo :",
        "photos:",
        "photo by ",
        "photograph:",
        "photograph by ",
        "image:",
        "image by ",
        "picture:",
        "credit:",
        "credit...",
        "credit…",
        "foto:",
        "bild:",
        "illustration:",
        "sign up for ",
        "sign up to ",
        "sign up here",
        "subscribe to our ",
        "inscrivez-vous",
        "abonnez-vous",
        "follow us",
        "suivez-nous",
        "folgen sie uns",
        "síguenos",
        "©",
        "(c) ",
        "copyright ©",
        "copyright (c)",
        "read more:",
        "read more about",
        "lire aussi",
        "à lire aussi",
        "lesen sie auch",
        "mehr zum thema",
        "see also:",
        "related:",
        "图片来源",
        "图片：",
        "图：",
        "关注我们",
        "延伸阅读",
        "相关阅读",
    ];
    const RESERVED: &[&str] = &[
        "all rights reserved",
        "tous droits réservés",
        "alle rechte vorbehalten",
        "todos los derechos reservados",
        "版权所有",
    ];
    const PLATFORMS: &[&str] = &[
        "x",
        "twitter",
        "facebook",
        "instagram",
        "telegram",
        "whatsapp",
        "linkedin",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "weibo",
        "wechat",
    ];
    if PREFIXES.iter().any(|prefix| folded.starts_with(prefix))
        || RESERVED.iter().any(|phrase| folded.contains(phrase))
    {
        return true;
    }
    // "Copyright 2025 Reuters", not "Copyright talks between …".
    if let Some(rest) = folded.strip_prefix("copyright ")
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // "Follow Reuters on X", not "Follow-up talks …" or "Follow the money, he said".
    folded.starts_with("follow ")
        && folded
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| PLATFORMS.contains(&word))
}

/// What a byline or date line holds once the page's names and header words are gone.
struct HeaderLine {
    /// An author or the outlet was named.
    named: bool,
    /// Every reading of the dates in it.
    dates: Vec<NaiveDate>,
    /// A year or a month's name: more than a time of day.
    has_date_part: bool,
    /// "Updated", "Published", "ago", "更新": a time stamp, never a heading.
    stamp: bool,
}

/// The line as a byline or date line, or `None` when anything else is left in it.
fn header_line(folded: &str, known: &Known) -> Option<HeaderLine> {
    let mut rest = folded.to_owned();
    let mut named = false;
    for name in &known.names {
        named |= remove_word(&mut rest, name);
    }
    let tokens: Vec<&str> = rest
        .split(is_separator)
        .map(|token| token.trim_matches(['.', ':']))
        .filter(|token| !token.is_empty())
        .collect();
    if tokens.len() > MAX_EDGE_WORDS {
        return None;
    }
    let mut dated = false;
    let mut has_date_part = false;
    let mut stamp = false;
    for token in &tokens {
        if month_number(token).is_some() {
            has_date_part = true;
            continue;
        }
        if HEADER_WORDS.contains(token) || is_weekday(token) || is_time_zone(token) {
            stamp |= STAMP_WORDS.contains(token);
            continue;
        }
        if !is_date_or_time(token) {
            return None;
        }
        dated = true;
        has_date_part |= has_four_digits(token);
    }
    (named || dated).then(|| HeaderLine {
        named,
        dates: dates_in(&tokens),
        has_date_part,
        stamp,
    })
}

/// Header words that make a line a time stamp.
const STAMP_WORDS: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "modified",
    "originally",
    "mis",
    "publié",
    "publiée",
    "modifié",
    "actualisé",
    "aktualisiert",
    "veröffentlicht",
    "stand",
    "actualizado",
    "publicado",
    "atualizado",
    "aggiornato",
    "pubblicato",
    "ago",
    "today",
    "yesterday",
    "更新",
    "发布",
    "发布时间",
];

/// Words of bylines and date lines besides names and dates.
const HEADER_WORDS: &[&str] = &[
    "by",
    "par",
    "von",
    "por",
    "di",
    "da",
    "de",
    "door",
    "av",
    "af",
    "written",
    "reported",
    "words",
    "and",
    "&",
    "et",
    "und",
    "y",
    "e",
    "on",
    "at",
    "à",
    "a",
    "am",
    "um",
    "le",
    "la",
    "el",
    "the",
    "updated",
    "update",
    "published",
    "posted",
    "modified",
    "last",
    "first",
    "originally",
    "mis",
    "jour",
    "publié",
    "publiée",
    "modifié",
    "actualisé",
    "aktualisiert",
    "veröffentlicht",
    "stand",
    "actualizado",
    "publicado",
    "atualizado",
    "aggiornato",
    "pubblicato",
    "source",
    "sources",
    "quelle",
    "fuente",
    "fonte",
    "staff",
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "chief",
    "bureau",
    "senior",
    "political",
    "diplomatic",
    "foreign",
    "deputy",
    "associate",
    "contributor",
    "columnist",
    "uhr",
    "h",
    "heure",
    "heures",
    "ago",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "today",
    "yesterday",
    "a.m",
    "p.m",
    "am",
    "pm",
    "更新",
    "发布",
    "发布时间",
    "时间",
    "日期",
    "来源",
    "作者",
    "记者",
    "文",
    "编辑",
];

fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",;|•·()[]{}—–\"«»“”'/，、；｜（）【】「」《》：".contains(c)
}

/// Takes every whole-word occurrence of `name` out of `text`; whether there was one.
fn remove_word(text: &mut String, name: &str) -> bool {
    let mut removed = false;
    let mut from = 0;
    while let Some(found) = text[from..].find(name) {
        let at = from + found;
        let end = at + name.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            from = end;
            continue;
        }
        text.replace_range(at..end, " ");
        removed = true;
        from = at + 1;
    }
    removed
}

/// Letters and digits of scripts that separate words with spaces; Chinese and Japanese
/// names sit against other characters ("作者：李明", "记者张晓东").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// "15", "3:45", "9:00pm", "14h30", "18.02", "2025-03-08", "15.04.2025", "15th",
/// "2025年05月20日16:42".
fn is_date_or_time(token: &str) -> bool {
    let token = [
        "a.m", "p.m", "am", "pm", "st", "nd", "rd", "th", "er", "º", "e",
    ]
    .iter()
    .find_map(|suffix| token.strip_suffix(suffix))
    .unwrap_or(token);
    token.chars().any(|c| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || ":.-/h年月日时時分秒号點点".contains(c))
}

fn has_four_digits(token: &str) -> bool {
    token
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4)
}

fn is_time_zone(token: &str) -> bool {
    const ZONES: &[&str] = &[
        "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt",
        "utc", "bst", "cet", "cest", "mez", "mesz", "eet", "eest", "msk", "ist", "jst", "kst",
        "hkt", "sgt", "aest", "aedt", "wib", "sast", "eat", "wat",
    ];
    // "GMT+1", "UTC-05:00".
    let zone = token.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':');
    let zone = zone.strip_suffix(['+', '-']).unwrap_or(zone);
    ZONES.contains(&zone)
}

fn is_weekday(token: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    DAYS.contains(&token)
        || ((token.starts_with("星期") || token.starts_with('周')) && token.chars().count() <= 3)
}

/// Month names and abbreviations in English, French, German, Spanish, Italian and
/// Portuguese.
fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "janvier", "janv", "januar", "enero", "gennaio", "janeiro",
        ],
        &[
            "february",
            "feb",
            "février",
            "févr",
            "februar",
            "febrero",
            "febbraio",
            "fevereiro",
        ],
        &["march", "mar", "mars", "märz", "mär", "marzo", "março"],
        &["april", "apr", "avril", "avr", "abril", "aprile"],
        &["may", "mai", "mayo", "maggio", "maio"],
        &["june", "jun", "juin", "juni", "junio", "giugno", "junho"],
        &[
            "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "julho",
        ],
        &["august", "aug", "août", "agosto"],
        &[
            "september",
            "sept",
            "sep",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
        ],
        &[
            "october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "outubro",
        ],
        &["november", "nov", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "dec",
            "décembre",
            "déc",
            "dezember",
            "dez",
            "diciembre",
            "dicembre",
            "dezembro",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&token))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Every complete date among a line's tokens, each way it can be read: ISO ("2025-03-08"),
/// day first with dots ("15.04.2025"), Chinese ("2025年05月20日"), a month's name with a
/// day and a year in either order ("April 15, 2025", "18 March 2025"), and numbers split
/// by slashes ("2025/03/08"; "4/3/2025" both as 3 April and as 4 March).
fn dates_in(tokens: &[&str]) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        dates.extend(numeric_date(token));
        dates.extend(month_name_date(tokens, i));
        if let Some(&[a, b, c]) = tokens.get(i..i + 3) {
            let parts = (a.parse::<u32>(), b.parse::<u32>(), c.parse::<i32>());
            if let (Ok(a), Ok(b), Ok(c)) = parts {
                if a > 999 {
                    dates.extend(
                        i32::try_from(a)
                            .ok()
                            .and_then(|y| NaiveDate::from_ymd_opt(y, b, u32::try_from(c).ok()?)),
                    );
                } else if c > 999 {
                    dates.extend(NaiveDate::from_ymd_opt(c, a, b));
                    dates.extend(NaiveDate::from_ymd_opt(c, b, a));
                }
            }
        }
    }
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// The date around a month's name at `i`: day before and year after, or day and year after.
fn month_name_date(tokens: &[&str], i: usize) -> Option<NaiveDate> {
    let number = |token: &str| -> Option<u32> {
        token
            .trim_end_matches(|c: char| c.is_alphabetic() || c == '.')
            .parse()
            .ok()
    };
    let month = month_number(tokens[i])?;
    let year_at = |at: usize| {
        tokens
            .get(at)
            .filter(|t| t.len() == 4)
            .and_then(|t| t.parse::<i32>().ok())
    };
    let day_before = i.checked_sub(1).and_then(|at| number(tokens[at]));
    let day_after = tokens.get(i + 1).and_then(|t| number(t));
    [(day_before, year_at(i + 1)), (day_after, year_at(i + 2))]
        .into_iter()
        .find_map(|(day, year)| NaiveDate::from_ymd_opt(year?, month, day?))
}

fn numeric_date(token: &str) -> Option<NaiveDate> {
    if let Some(day) = token.get(..10)
        && let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(day, "%d.%m.%Y"))
    {
        return Some(date);
    }
    let (year, rest) = token.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(byline: &'a str, source: &'a str, date: Option<NaiveDate>) -> PageFacts<'a> {
        PageFacts {
            titles: vec!["Talks on Gaza ceasefire resume in Cairo"],
            byline,
            source,
            date,
            dek: None,
        }
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    const STORY: &str = "CAIRO — Negotiators from Egypt and Qatar met on Monday.\n\n\
                         “We are close,” said Majed al-Ansari.";

    #[test]
    fn bylines_and_date_lines_that_repeat_the_metadata_go() {
        let text = format!(
            "Talks on Gaza ceasefire resume in Cairo\n\nBy Jane O’Neill and Ahmed Saïd\n\n\
             Updated April 15, 2025 at 3:45 p.m. EDT\n\nListen to this article · 5 min\n\n{STORY}"
        );
        let page = facts("Jane O'Neill, Ahmed Saïd", "The Daily", day(2025, 4, 15));
        assert_eq!(strip(&text, &page).text, STORY);
    }

    #[test]
    fn a_story_that_opens_with_by_keeps_its_first_paragraph() {
        let opening = "By Tuesday, the talks had stalled over the sequencing of hostage releases.";
        let text = format!("By Jane O’Neill\n\n{opening}\n\n{STORY}");
        let page = facts("Jane O’Neill", "The Daily", day(2025, 4, 15));
        let trimmed = strip(&text, &page).text;
        assert!(trimmed.starts_with(opening), "{trimmed}");
        // Also when the page names no author: "By Tuesday" alone is no byline either.
        let text = format!("By Tuesday\n\n{STORY}");
        assert!(
            strip(&text, &facts("", "", None))
                .text
                .starts_with("By Tuesday")
        );
    }

    #[test]
    fn a_byline_naming_someone_else_stays() {
        let text = format!("By Jane O’Neill and Ahmed Saïd\n\n{STORY}");
        let page = facts("Jane O’Neill", "The Daily", None);
        assert!(strip(&text, &page).text.starts_with("By Jane"));
    }

    #[test]
    fn header_lines_in_other_languages_go() {
        let page = facts("Anna Müller", "Süddeutsche Zeitung", day(2025, 4, 15));
        for header in [
            "Von Anna Müller\n\n15.04.2025, 14:32 Uhr\n\nArtikel anhören · 4 Min.",
            "Par Anna Müller\n\nPublié le 15 avril 2025 à 14h32\n\nPublicité",
            "2025年04月15日16:42 | 来源：Süddeutsche Zeitung\n\n分享到",
            "Werbung\n\nSüddeutsche Zeitung\n\nAnna Müller, Diplomatic Correspondent",
        ] {
            let text = format!("{header}\n\n{STORY}");
            assert_eq!(strip(&text, &page).text, STORY, "{header}");
        }
    }

    #[test]
    fn a_date_line_fills_a_missing_date_and_an_unreadable_one_stays() {
        let page = facts("", "", None);
        let trimmed = strip(&format!("18 March 2025 • 9:00pm\n\n{STORY}"), &page);
        assert_eq!(
            trimmed,
            Trimmed {
                text: STORY.to_owned(),
                date_line: day(2025, 3, 18)
            }
        );
        assert_eq!(
            strip(&format!("2025年05月20日16:42\n\n{STORY}"), &page).date_line,
            day(2025, 5, 20)
        );
        // A date that reads two ways is kept rather than lost or guessed.
        let kept = strip(&format!("4/3/2025\n\n{STORY}"), &page).text;
        assert!(kept.starts_with("4/3/2025"));
        // Once the page's metadata has the date, either reading may repeat it.
        let dated = facts("", "", day(2025, 3, 4));
        assert_eq!(strip(&format!("4/3/2025\n\n{STORY}"), &dated).text, STORY);
    }

    #[test]
    fn a_date_heading_that_is_not_the_published_date_stays() {
        // A timeline's first heading, in a story published on 15 April.
        let page = facts("", "", day(2025, 4, 15));
        let text = format!("March 3, 2025\n\n{STORY}");
        assert_eq!(strip(&text, &page).text, text);
        // A page's own time zone may print the day before or after the UTC stamp.
        assert_eq!(
            strip(&format!("April 16, 2025\n\n{STORY}"), &page).text,
            STORY
        );
        // Stamps and bare times go whatever their date.
        for stamp in [
            "Updated April 20, 2025",
            "Updated 2 hours ago",
            "3:45 PM ET",
        ] {
            assert_eq!(strip(&format!("{stamp}\n\n{STORY}"), &page).text, STORY);
        }
    }

    #[test]
    fn trailers_go_but_the_wire_credit_line_stays() {
        let credit = "Reporting by Humeyra Pamuk in Washington; Editing by Alistair Bell";
        let text = format!(
            "{STORY}\n\n{credit}\n\nSign up here.\n\nFollow Reuters on X\n\n\
             Copyright © 2025 Reuters. All rights reserved."
        );
        let page = facts("Humeyra Pamuk", "Reuters", None);
        assert_eq!(strip(&text, &page).text, format!("{STORY}\n\n{credit}"));
    }

    #[test]
    fn ui_labels_inside_the_story_go_but_sentences_that_start_alike_stay() {
        let text = "Ministers met.\n\nAdvertisement · Scroll to continue\n\nThey agreed.\n\n\
                    Advertisement\nSKIP ADVERTISEMENT\n\n\
                    广告\n\nShare prices rose.\n\nFollow the money, the envoy said on Monday.\n\n\
                    Copyright talks open next week.";
        assert_eq!(
            strip(text, &facts("", "", None)).text,
            "Ministers met.\n\nThey agreed.\n\nShare prices rose.\n\n\
             Follow the money, the envoy said on Monday.\n\nCopyright talks open next week."
        );
    }

    #[test]
    fn the_dek_goes_from_the_top_only() {
        let dek = "Egypt and Qatar pressed both sides to accept a phased deal.";
        let page = PageFacts {
            dek: Some(dek),
            ..facts("", "", None)
        };
        assert_eq!(strip(&format!("{dek}\n\n{STORY}"), &page).text, STORY);
        // The same words later on, or a second time, are the story's own.
        let text = format!("{STORY}\n\n{dek}");
        assert_eq!(strip(&text, &page).text, text);
        let twice = format!("{dek}\n\nBy Jane O’Neill\n\n{dek}\n\n{STORY}");
        let page = PageFacts {
            byline: "Jane O’Neill",
            ..page
        };
        assert_eq!(strip(&twice, &page).text, format!("{dek}\n\n{STORY}"));
    }

    #[test]
    fn a_page_of_nothing_but_labels_is_left_alone() {
        let text = "Advertisement\n\nShare";
        assert_eq!(strip(text, &facts("", "", None)).text, text);
    }
}
