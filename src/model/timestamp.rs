//! Reading the times of annotation stamps. Demarche writes them as
//! `2024-05-14T06:53:49Z`; that form is read directly and every other one through
//! chrono's general RFC 3339 parser, which took a tenth of the time of opening a project
//! whose hundred thousand annotations carry two times each (`perf`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

/// `deserialize_with` for a `DateTime<Utc>` field.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(UtcVisitor)
}

struct UtcVisitor;

impl Visitor<'_> for UtcVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date and time such as \"2024-05-14T06:53:49Z\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        match whole_seconds_utc(text) {
            Some(time) => Ok(time),
            None => text.parse().map_err(E::custom),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, or `None` for anything else (including leap seconds).
fn whole_seconds_utc(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let shape = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z';
    if !shape {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?
        .and_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the text, the result is chrono's.
        #[test]
        fn reads_as_chrono_does(secs in -62_000_000_000i64..253_000_000_000, nanos in prop_oneof![Just(0u32), 0u32..2_000_000_000]) {
            if let Some(time) = DateTime::<Utc>::from_timestamp(secs, nanos) {
                let text = time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
                let ours = UtcVisitor.visit_str::<de::value::Error>(&text).ok();
                prop_assert_eq!(ours, text.parse::<DateTime<Utc>>().ok());
            }
        }

        #[test]
        fn any_text_reads_as_chrono_reads_it(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[Z+0-9:]{1,6}") {
            let ours = UtcVisitor.visit_str::<de::value::Error>(&text).ok();
            prop_assert_eq!(ours, text.parse::<DateTime<Utc>>().ok());
        }
    }

    #[test]
    fn the_written_form_is_read_directly() {
        let time = whole_seconds_utc("2024-05-14T06:53:49Z").expect("read");
        assert_eq!(time.to_rfc3339(), "2024-05-14T06:53:49+00:00");
        assert_eq!(whole_seconds_utc("2024-02-30T06:53:49Z"), None);
        assert_eq!(whole_seconds_utc("2024-05-14T23:59:60Z"), None);
    }
}
