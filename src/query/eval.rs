//! A query evaluated over the flattened project: each chip compiled once into a test on a
//! row's numbers (a set of actors, keys, kinds; date ranges; lower-cased substrings), then
//! one pass over the rows, which are already in (date, document, offset) order.

use super::grammar::{Chip, Field, Query, Value};
use super::index::{Index, KIND_NAMES, NONE, Row, STATUSES};
use crate::model::{AnnotationKind, Id, Project};
use chrono::{Datelike, NaiveDate};

/// A date chip's value: `2019-03-01..2019-06-30`, `2019..` (open end), `2019-05` (the
/// month), `undated`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Matches documents without a date (and only those).
    pub undated: bool,
}

impl DateRange {
    pub fn parse(text: &str) -> Result<DateRange, String> {
        const EXPECTED: &str = "a date or range (2019, 2019-05, 2019-05-31, 2019..2021-06, \
            ..2020-12-31, undated)";
        let text = text.trim();
        if text.eq_ignore_ascii_case("undated") || text.eq_ignore_ascii_case("none") {
            return Ok(DateRange {
                from: None,
                to: None,
                undated: true,
            });
        }
        let bounds = |t: &str| period(t).ok_or_else(|| EXPECTED.to_owned());
        let (from, to) = match text.split_once("..") {
            Some(("", "")) => return Err(EXPECTED.to_owned()),
            Some((a, b)) => (
                (!a.is_empty()).then(|| bounds(a)).transpose()?.map(|p| p.0),
                (!b.is_empty()).then(|| bounds(b)).transpose()?.map(|p| p.1),
            ),
            None => {
                let (a, b) = bounds(text)?;
                (Some(a), Some(b))
            }
        };
        if let (Some(a), Some(b)) = (from, to)
            && a > b
        {
            return Err("a range whose start is not after its end".to_owned());
        }
        Ok(DateRange {
            from,
            to,
            undated: false,
        })
    }

    pub fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            None => self.undated,
            Some(d) => {
                !self.undated && self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
            }
        }
    }
}

/// The first and last day of `2019`, `2019-05` or `2019-05-31`.
fn period(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        [y, m] => {
            let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Why a query cannot be evaluated on this project (the text parsed).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EvalError(pub String);

/// What one chip tests.
#[derive(Clone, Debug)]
enum Test {
    /// The row has a value of the field in this set (indexed by value).
    Set(Vec<bool>),
    /// A target: an actor of the first set or a topic of the second.
    Target(Vec<bool>, Vec<bool>),
    Dates(Vec<DateRange>),
    Texts(Vec<String>),
}

/// A query ready to run on one index.
#[derive(Clone, Debug)]
pub struct Compiled {
    pub tests: Vec<(Field, bool, TestBox)>,
}

/// A compiled chip (opaque).
#[derive(Clone, Debug)]
pub struct TestBox(Test);

pub fn compile(index: &Index, query: &Query) -> Result<Compiled, EvalError> {
    let tests = query
        .chips
        .iter()
        .map(|chip| Ok((chip.field, chip.negated, TestBox(test(index, chip)?))))
        .collect::<Result<_, EvalError>>()?;
    Ok(Compiled { tests })
}

fn set_of(size: usize, members: impl IntoIterator<Item = u32>) -> Vec<bool> {
    let mut set = vec![false; size];
    for m in members {
        if let Some(slot) = set.get_mut(m as usize) {
            *slot = true;
        }
    }
    set
}

fn test(index: &Index, chip: &Chip) -> Result<Test, EvalError> {
    let field = chip.field;
    let values = &chip.values;
    Ok(match field {
        Field::Text => Test::Texts(values.iter().map(|v| v.text.to_lowercase()).collect()),
        Field::Date => Test::Dates(
            values
                .iter()
                .map(|v| DateRange::parse(&v.text).map_err(EvalError))
                .collect::<Result<_, _>>()?,
        ),
        Field::Target => {
            // An actor (with `~`, its people and bodies) or a topic key or label.
            let mut actors = Vec::new();
            let mut topics = Vec::new();
            for v in values {
                let found = index.actors_named(&v.text, v.family);
                if found.is_empty() && v.family {
                    return Err(unknown_actor(index, v, ""));
                }
                actors.extend(found);
                topics.extend(keys(index, Field::Topic, v));
            }
            Test::Target(
                set_of(index.actor_names.len(), actors),
                set_of(index.topics.len(), topics),
            )
        }
        f if f.is_actor() => {
            let mut actors = Vec::new();
            for v in values {
                let found = index.actors_named(&v.text, v.family);
                if found.is_empty() {
                    return Err(unknown_actor(index, v, ""));
                }
                actors.extend(found);
            }
            Test::Set(set_of(index.actor_names.len(), actors))
        }
        Field::Kind => Test::Set(set_of(
            KIND_NAMES.len(),
            values.iter().filter_map(|v| position(&KIND_NAMES, &v.text)),
        )),
        Field::Conditions => Test::Set(set_of(
            2,
            values
                .iter()
                .filter_map(|v| position(&["absent", "present"], &v.text)),
        )),
        Field::Status => Test::Set(set_of(
            3,
            values.iter().filter_map(|v| position(&STATUSES, &v.text)),
        )),
        Field::Check => Test::Set(set_of(
            32,
            values
                .iter()
                .filter_map(|v| super::checks::Check::from_name(&v.text).map(|c| c as u32)),
        )),
        Field::Document => Test::Set(set_of(
            index.docs.len(),
            values.iter().filter_map(|v| {
                let n = v.text.trim_start_matches('#').parse::<u64>().ok()?;
                index
                    .docs
                    .iter()
                    .position(|d| d.id == Id(n))
                    .map(|p| p as u32)
            }),
        )),
        Field::Cameo => {
            // A code stands for itself and the codes under it: 03 takes 030 … 039.
            let codes = &index.cameos;
            Test::Set(set_of(
                codes.len(),
                (0..codes.len() as u32).filter(|&c| {
                    values
                        .iter()
                        .any(|v| codes.names[c as usize].starts_with(v.text.trim()))
                }),
            ))
        }
        _ => {
            let size = index.interner(field).map_or(0, |i| i.len());
            Test::Set(set_of(
                size,
                values.iter().flat_map(|v| keys(index, field, v)),
            ))
        }
    })
}

fn position(names: &[&str], text: &str) -> Option<u32> {
    names.iter().position(|n| *n == text).map(|p| p as u32)
}

/// The interned values a value of a codebook or string field stands for: its key or label,
/// case-insensitive.
fn keys(index: &Index, field: Field, value: &Value) -> Vec<u32> {
    let Some(table) = index.interner(field) else {
        return Vec::new();
    };
    let wanted = value.text.trim().to_lowercase();
    let key = index
        .labels
        .get(&(field, wanted.clone()))
        .map(|k| k.to_lowercase());
    (0..table.len() as u32)
        .filter(|&i| {
            let name = table.names[i as usize].to_lowercase();
            name == wanted || key.as_deref() == Some(name.as_str())
        })
        .collect()
}

fn unknown_actor(index: &Index, value: &Value, or: &str) -> EvalError {
    let near = index
        .actor_names
        .iter()
        .max_by(|a, b| {
            let score =
                |n: &str| strsim::jaro_winkler(&n.to_lowercase(), &value.text.to_lowercase());
            score(a).total_cmp(&score(b))
        })
        .map(|n| format!(" (did you mean “{n}”?)"))
        .unwrap_or_default();
    EvalError(format!(
        "no actor{or} named “{}” in the project{near}",
        value.text
    ))
}

impl Compiled {
    /// Whether chip `i` (negation applied) holds for a row.
    pub fn holds(&self, i: usize, index: &Index, row_at: usize) -> bool {
        let (field, negated, TestBox(test)) = &self.tests[i];
        let row = &index.rows[row_at];
        let hit = match test {
            Test::Texts(texts) => {
                let hay = &index.haystacks[row_at];
                texts.iter().any(|t| hay.contains(t.as_str()))
            }
            Test::Dates(ranges) => {
                let date = index.docs[row.doc as usize].date;
                ranges.iter().any(|r| r.contains(date))
            }
            Test::Target(actors, topics) => {
                member(actors, row.target_actor) || member(topics, row.topic)
            }
            Test::Set(set) => any_value(index, row, *field, |v| member(set, v)),
        };
        hit != *negated
    }

    pub fn matches(&self, index: &Index, row_at: usize) -> bool {
        (0..self.tests.len()).all(|i| self.holds(i, index, row_at))
    }
}

fn member(set: &[bool], v: u32) -> bool {
    v != NONE && set.get(v as usize).copied().unwrap_or(false)
}

/// Whether any value of `field` on the row passes `f`, without allocating.
pub fn any_value(index: &Index, row: &Row, field: Field, f: impl Fn(u32) -> bool) -> bool {
    match field {
        Field::Addressee => index.slice(row.addressees).iter().any(|v| f(*v)),
        Field::Actor => index.slice(row.actors).iter().any(|v| f(*v)),
        Field::Target => f(row.target_actor),
        Field::Check => (0..32).any(|b| row.checks & (1 << b) != 0 && f(b)),
        _ => f(index.single(row, field)),
    }
}

/// The rows matching `query`, in (date, document, offset) order.
pub fn select(index: &Index, query: &Query) -> Result<Vec<u32>, EvalError> {
    let compiled = compile(index, query)?;
    Ok((0..index.rows.len())
        .filter(|&r| compiled.matches(index, r))
        .map(|r| r as u32)
        .collect())
}

/// One annotation a query found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub document: Id,
    pub analyst: String,
    pub annotation: Id,
    pub kind: AnnotationKind,
}

impl Index {
    pub fn hit(&self, row_at: u32) -> Hit {
        let row = &self.rows[row_at as usize];
        Hit {
            document: self.docs[row.doc as usize].id,
            analyst: self.analysts.names[row.analyst as usize].clone(),
            annotation: row.id,
            kind: row.kind,
        }
    }
}

/// Every annotation of `project` matching `query` (every analyst's layer, the curated one
/// too, unless the query names analysts), in (date, document, offset) order; documents
/// without a date come last.
pub fn hits(project: &Project, query: &Query) -> Result<Vec<Hit>, EvalError> {
    let index = Index::build(project);
    Ok(select(&index, query)?
        .into_iter()
        .map(|r| index.hit(r))
        .collect())
}

/// The period a date falls in, as a sortable number and a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
}

impl Period {
    pub fn name(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// A number that grows by one from one period to the next.
    pub fn ordinal(self, d: NaiveDate) -> i64 {
        match self {
            // Weeks start on Monday: days since a Monday, divided by seven.
            Period::Week => (d.num_days_from_ce() as i64 - 1).div_euclid(7),
            Period::Month => d.year() as i64 * 12 + d.month0() as i64,
            Period::Quarter => d.year() as i64 * 4 + d.month0() as i64 / 3,
            Period::Year => d.year() as i64,
        }
    }

    /// The first day of the period numbered `n`.
    pub fn first_day(self, n: i64) -> NaiveDate {
        let ym = |y: i64, m0: i64| {
            NaiveDate::from_ymd_opt(y as i32, m0 as u32 + 1, 1).unwrap_or(NaiveDate::MIN)
        };
        match self {
            Period::Week => {
                NaiveDate::from_num_days_from_ce_opt((n * 7 + 1) as i32).unwrap_or(NaiveDate::MIN)
            }
            Period::Month => ym(n.div_euclid(12), n.rem_euclid(12)),
            Period::Quarter => ym(n.div_euclid(4), n.rem_euclid(4) * 3),
            Period::Year => ym(n, 0),
        }
    }

    /// The last day of the period numbered `n`.
    pub fn last_day(self, n: i64) -> NaiveDate {
        self.first_day(n + 1).pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// `2019-W05` (ISO week of its Monday), `2019-05`, `2019-Q2`, `2019`.
    pub fn label(self, n: i64) -> String {
        let d = self.first_day(n);
        match self {
            Period::Week => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{}-{:02}", d.year(), d.month()),
            Period::Quarter => format!("{}-Q{}", d.year(), d.month0() / 3 + 1),
            Period::Year => d.year().to_string(),
        }
    }

    /// The date chip that selects the period numbered `n`.
    pub fn chip_text(self, n: i64) -> String {
        format!("{}..{}", self.first_day(n), self.last_day(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn ranges_with_partial_and_open_ends() {
        let r = DateRange::parse("2019..2020-02").expect("range");
        assert_eq!((r.from, r.to), (Some(d(2019, 1, 1)), Some(d(2020, 2, 29))));
        let r = DateRange::parse("..2019-06-30").expect("range");
        assert!(r.contains(Some(d(1990, 1, 1))) && !r.contains(Some(d(2019, 7, 1))));
        assert!(!r.contains(None));
        assert!(DateRange::parse("undated").expect("undated").contains(None));
        assert!(DateRange::parse("2019-02-30").is_err());
        assert!(DateRange::parse("2021..2019").is_err());
    }

    #[test]
    fn periods_number_consecutively_and_label_as_people_write_them() {
        for p in [Period::Week, Period::Month, Period::Quarter, Period::Year] {
            let n = p.ordinal(d(2019, 12, 31));
            assert_eq!(p.ordinal(p.first_day(n + 1)), n + 1, "{p:?}");
            assert!(p.first_day(n) <= d(2019, 12, 31) && d(2019, 12, 31) <= p.last_day(n));
        }
        assert_eq!(
            Period::Week.first_day(Period::Week.ordinal(d(2019, 1, 3))),
            d(2018, 12, 31)
        );
        assert_eq!(
            Period::Week.label(Period::Week.ordinal(d(2019, 1, 3))),
            "2019-W01"
        );
        assert_eq!(
            Period::Quarter.label(Period::Quarter.ordinal(d(2019, 5, 3))),
            "2019-Q2"
        );
        assert_eq!(
            Period::Month.chip_text(Period::Month.ordinal(d(2020, 2, 3))),
            "2020-02-01..2020-02-29"
        );
    }
}
