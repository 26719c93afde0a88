//! Wire datelines: the `BEIJING, Sept. 27 (Xinhua) --` that opens an agency's story.
//!
//! One recogniser serves the importer (which reads the agency and date from it) and the
//! suggester (which codes nothing inside it). Two fixed shapes, smaller to parse by hand
//! than to pull in a regex engine.

use chrono::{Datelike, NaiveDate};

/// A dateline: a place, optionally a region or a date after commas, an agency credit in
/// brackets and a dash. `UNITED NATIONS, Sept 26 (Reuters) -`, `LONDON, 26 September 2019
/// (AFP) —`, `HONIARA, Solomon Islands (AP) —`, `WASHINGTON (Reuters) -`.
#[derive(Debug, PartialEq, Eq)]
pub struct Dateline<'t> {
    pub agency: &'t str,
    pub month_day: Option<(u32, u32)>,
    pub year: Option<i32>,
    /// Byte offset where the text after the dash begins.
    pub body_start: usize,
}

impl Dateline<'_> {
    /// The dateline's date: its own year, or the one nearest to an earlier date.
    pub fn date(&self, earlier: Option<NaiveDate>) -> Option<NaiveDate> {
        let (month, day) = self.month_day?;
        if let Some(year) = self.year {
            return NaiveDate::from_ymd_opt(year, month, day);
        }
        let reference = earlier?;
        let year = reference.year();
        [year - 1, year, year + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| (*d - reference).num_days().abs())
    }
}

/// The dateline opening `line`, if it opens with one.
pub fn parse(line: &str) -> Option<Dateline<'_>> {
    let (open, agency, body_start) = bracketed_credit(line).or_else(|| slashed_credit(line))?;
    let head = line[..open].trim();
    let (place, qualifier) = match head.split_once(',') {
        Some((place, rest)) => (place, Some(rest)),
        None => (head, None),
    };
    if !looks_like_place(place) {
        return None;
    }
    let date = match qualifier {
        None => None,
        Some(rest) => match parse_month_day(rest) {
            Some(date) => Some(date),
            // "Solomon Islands" or "Solomon Islands, Nov. 27" after the place.
            None => {
                let (region, date) = match rest.split_once(',') {
                    Some((region, date)) => (region, Some(parse_month_day(date)?)),
                    None => (rest, None),
                };
                if !looks_like_place(region) {
                    return None;
                }
                date
            }
        },
    };
    // A place in capitals, or a date: "Trump (R) - …" opens no story.
    if date.is_none() && place.chars().any(char::is_lowercase) {
        return None;
    }
    Some(Dateline {
        agency,
        month_day: date.map(|(month, day, _)| (month, day)),
        year: date.and_then(|(_, _, year)| year),
        body_start,
    })
}

/// A dateline is short; a credit further in belongs to the sentence.
const MAX_HEAD_BYTES: usize = 80;

/// "(Reuters) -", "(Xinhua) --", "(AFP) —": where the credit opens, the agency, and where
/// the text after the dash begins.
fn bracketed_credit(line: &str) -> Option<(usize, &str, usize)> {
    let open = line
        .bytes()
        .take(MAX_HEAD_BYTES + 1)
        .position(|b| b == b'(')?;
    if open > MAX_HEAD_BYTES {
        return None;
    }
    let close = open + line[open..].find(')')?;
    let agency = line[open + 1..close].trim();
    if !looks_like_agency(agency) {
        return None;
    }
    let after = line[close + 1..].trim_start();
    let dash = ["--", "—", "–", "-"]
        .into_iter()
        .find(|d| after.starts_with(d))?;
    let body = after[dash.len()..].trim_start();
    Some((open, agency, line.len() - body.len()))
}

/// TASS and RIA style: "MOSCOW, November 27. /TASS/. Russia …".
fn slashed_credit(line: &str) -> Option<(usize, &str, usize)> {
    // Only the head is searched: a long paragraph has no credit to find.
    let mut head_end = (MAX_HEAD_BYTES + 3).min(line.len());
    while !line.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let open = line[..head_end].find(". /")?;
    if open > MAX_HEAD_BYTES {
        return None;
    }
    let rest = &line[open + 3..];
    let close = rest.find('/')?;
    let agency = rest[..close].trim();
    if !looks_like_agency(agency) || agency.contains(' ') {
        return None;
    }
    let after = &rest[close + 1..];
    let body = after.strip_prefix('.').unwrap_or(after).trim_start();
    Some((open, agency, line.len() - body.len()))
}

/// An agency credit: "Xinhua", "Prensa Latina", "AP", "Reuters/Ipsos".
pub fn looks_like_agency(s: &str) -> bool {
    let count = s.chars().count();
    (1..=30).contains(&count)
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '.' | '-' | '/'))
}

fn looks_like_place(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() <= 40
        && s.split_whitespace().count() <= 4
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '/'))
}

/// "Sept. 27", "September 27, 2019", "27 September 2019" → (month, day, year).
pub fn parse_month_day(s: &str) -> Option<(u32, u32, Option<i32>)> {
    let tokens: Vec<&str> = s.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    let (month, day) = match tokens.as_slice() {
        [a, b] | [a, b, _] => month_number(a)
            .zip(day_number(b))
            .or_else(|| month_number(b).zip(day_number(a)))?,
        _ => return None,
    };
    let year = match tokens.get(2) {
        Some(t) => Some(year_number(t)?),
        None => None,
    };
    Some((month, day, year))
}

fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan"],
        &["february", "feb"],
        &["march", "mar"],
        &["april", "apr"],
        &["may"],
        &["june", "jun"],
        &["july", "jul"],
        &["august", "aug"],
        &["september", "sept", "sep"],
        &["october", "oct"],
        &["november", "nov"],
        &["december", "dec"],
    ];
    let word = token.strip_suffix('.').unwrap_or(token).to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn day_number(token: &str) -> Option<u32> {
    token.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(token: &str) -> Option<i32> {
    let token = token.trim_end_matches(['.', ',']);
    (token.len() == 4)
        .then(|| token.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn wire_styles() {
        let d = parse("BEIJING, Sept. 27 (Xinhua) -- Chinese leaders met.").unwrap();
        assert_eq!(
            (d.agency, d.month_day, d.year),
            ("Xinhua", Some((9, 27)), None)
        );
        let line = "UNITED NATIONS, Sept 26 (Reuters) - The council voted.";
        let d = parse(line).unwrap();
        assert_eq!(&line[d.body_start..], "The council voted.");
        let d = parse("BOGOTÁ, 3 March 2021 (AFP) — Ministers met.").unwrap();
        assert_eq!(d.date(None), date(2021, 3, 3));
        let d = parse("WASHINGTON (Reuters) - Officials said.").unwrap();
        assert_eq!((d.agency, d.month_day), ("Reuters", None));
        let d = parse("KINSHASA/GOMA, March 3 (Reuters) - Talks resumed.").unwrap();
        assert_eq!(d.month_day, Some((3, 3)));
        let d = parse("Beijing, Sept. 27 (Xinhua) -- x").unwrap();
        assert_eq!(d.agency, "Xinhua");
        let line = "MOSCOW, November 27. /TASS/. Russia is ready to help.";
        let d = parse(line).unwrap();
        assert_eq!((d.agency, d.month_day), ("TASS", Some((11, 27))));
        assert_eq!(&line[d.body_start..], "Russia is ready to help.");
    }

    #[test]
    fn a_region_may_follow_the_place_with_or_without_a_date() {
        let line = "HONIARA, Solomon Islands (AP) — Leaders met.";
        let d = parse(line).unwrap();
        assert_eq!((d.agency, d.month_day), ("AP", None));
        assert_eq!(&line[d.body_start..], "Leaders met.");
        let d = parse("HONIARA, Solomon Islands, Nov. 27, 2026 (AP) — x").unwrap();
        assert_eq!(d.date(None), date(2026, 11, 27));
    }

    #[test]
    fn sentences_with_brackets_are_no_datelines() {
        assert!(parse("Wang Yi said (in New York) that ties are good.").is_none());
        assert!(parse("China, in 2019 (Reuters) - x").is_none());
        assert!(parse("Trump (R) - who spoke first - said").is_none());
        assert!(parse("Kallas, the top diplomat (EU) - said").is_none());
        assert!(parse("BEIJING, Sept. 27 (Xinhua) Chinese leaders met.").is_none());
        assert!(parse("He left. /s/ Wang").is_none());
    }

    #[test]
    fn year_is_inferred_from_the_nearest_earlier_date() {
        let d = parse("HAVANA, Dec. 31 (Prensa Latina) -- x").unwrap();
        assert_eq!(d.date(date(2020, 1, 2)), date(2019, 12, 31));
        assert_eq!(d.date(None), None);
    }
}
