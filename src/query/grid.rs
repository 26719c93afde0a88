//! Grids: the hits of a query counted by rows × columns chosen from the fields or from
//! periods of the document date, with totals and row and column percentages — MAXQDA's
//! code matrix, or a dyad matrix (committer × addressee, holder × target) whose cells may
//! instead sum the Goldstein score of each commitment's or stance's CAMEO code, optionally
//! weighted by the commitment's strength.

use super::eval::{EvalError, Period, compile};
use super::goldstein;
use super::grammar::{Chip, Field, Value};
use super::index::{Index, NONE, Row};
use crate::model::AnnotationKind;
use std::collections::BTreeMap;

/// What a grid's rows or columns are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    Field(Field),
    /// The document's date, by period; undated documents in their own row.
    Period(Period),
}

impl Dim {
    /// `committer`, `category`, `month`, `year`, …
    pub fn parse(name: &str) -> Option<Dim> {
        let name = name.trim().to_lowercase();
        match name.as_str() {
            "week" => Some(Dim::Period(Period::Week)),
            "month" => Some(Dim::Period(Period::Month)),
            "quarter" => Some(Dim::Period(Period::Quarter)),
            "year" => Some(Dim::Period(Period::Year)),
            _ => Field::from_name(&name)
                .filter(|f| !matches!(f, Field::Text | Field::Date))
                .map(Dim::Field),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Dim::Field(f) => f.name(),
            Dim::Period(p) => p.name(),
        }
    }

    /// The names `parse` takes, for messages.
    pub fn names() -> Vec<&'static str> {
        let mut out: Vec<&str> = Field::ALL
            .iter()
            .filter(|f| !matches!(f, Field::Text | Field::Date))
            .map(|f| f.name())
            .collect();
        out.extend(["week", "month", "quarter", "year"]);
        out
    }
}

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Count,
    /// The sum of the Goldstein scores of the hits' CAMEO codes (hits without a code add
    /// nothing); weighted by strength when asked.
    Goldstein {
        weighted: bool,
    },
}

/// One row or column heading: its text and the chip that narrows a query to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub text: String,
    /// `None` for "(none)" headings, which no chip selects.
    pub chip: Option<Chip>,
}

/// A computed grid. `values[r][c]` is the measure; `counts[r][c]` the number of hits
/// behind it. A hit with several values of a dimension (addressees) is in each of them,
/// so totals are sums of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub rows: Vec<Heading>,
    pub cols: Vec<Heading>,
    pub values: Vec<Vec<f64>>,
    pub counts: Vec<Vec<usize>>,
    pub row_totals: Vec<f64>,
    pub col_totals: Vec<f64>,
    pub total: f64,
}

impl Grid {
    /// The cell as a percentage of its row's total (`None` when the total is 0).
    pub fn row_percent(&self, r: usize, c: usize) -> Option<f64> {
        let t = self.row_totals[r];
        (t != 0.0).then(|| self.values[r][c] / t * 100.0)
    }

    pub fn col_percent(&self, r: usize, c: usize) -> Option<f64> {
        let t = self.col_totals[c];
        (t != 0.0).then(|| self.values[r][c] / t * 100.0)
    }
}

/// Whether an annotation of `kind` has the field at all: a mention has no strength, so it
/// is left out of a grid by strength rather than counted under "(none)".
pub fn applies(field: Field, kind: AnnotationKind) -> bool {
    use AnnotationKind as K;
    match field {
        Field::Committer
        | Field::Addressee
        | Field::Context
        | Field::Strength
        | Field::Conditions => kind == K::Commitment,
        Field::Holder | Field::Target | Field::Topic | Field::Polarity | Field::Intensity => {
            kind == K::Stance
        }
        Field::Category => matches!(kind, K::Commitment | K::Tag),
        Field::Cameo => matches!(kind, K::Commitment | K::Stance),
        Field::Speaker | Field::Attribution => {
            matches!(kind, K::Statement | K::Commitment | K::Stance)
        }
        _ => true,
    }
}

/// Heading keys of one dimension on one row: values (or `NONE`), or period numbers.
fn keys(index: &Index, dim: Dim, row: &Row, buf: &mut Vec<u32>, out: &mut Vec<i64>) {
    out.clear();
    match dim {
        Dim::Period(p) => out.push(
            index.docs[row.doc as usize]
                .date
                .map_or(i64::MAX, |d| p.ordinal(d)),
        ),
        Dim::Field(f) => {
            if !applies(f, row.kind) {
                return;
            }
            index.values(row, f, buf);
            if buf.is_empty() && f != Field::Check {
                out.push(NONE as i64);
            }
            out.extend(buf.iter().map(|v| *v as i64));
        }
    }
}

fn heading(index: &Index, dim: Dim, key: i64) -> Heading {
    match dim {
        Dim::Period(_) if key == i64::MAX => Heading {
            text: "undated".into(),
            chip: Some(Chip::new(Field::Date, [Value::new("undated")])),
        },
        Dim::Period(p) => Heading {
            text: p.label(key),
            chip: Some(Chip::new(Field::Date, [Value::new(p.chip_text(key))])),
        },
        Dim::Field(_) if key == NONE as i64 => Heading {
            text: "(none)".into(),
            chip: None,
        },
        Dim::Field(f) => {
            let text = index.value_text(f, key as u32);
            Heading {
                chip: Some(Chip::new(f, [Value::new(text.clone())])),
                text,
            }
        }
    }
}

/// The value a hit adds to a cell.
fn measure(index: &Index, row: &Row, m: Measure) -> f64 {
    match m {
        Measure::Count => 1.0,
        Measure::Goldstein { weighted } => {
            if row.cameo == NONE {
                return 0.0;
            }
            let score = goldstein::score(&index.cameos.names[row.cameo as usize]).unwrap_or(0.0);
            let weight = if weighted && row.strength != NONE {
                goldstein::strength_weight(&index.strengths.names[row.strength as usize])
            } else {
                1.0
            };
            score * weight
        }
    }
}

/// Counts (or sums) the hits of `query` by `rows` × `cols`. Headings of periods run
/// without gaps from the first to the last dated hit (undated last); other headings are
/// sorted by text, "(none)" last.
pub fn grid(
    index: &Index,
    query: &super::grammar::Query,
    rows: Dim,
    cols: Dim,
    m: Measure,
) -> Result<Grid, EvalError> {
    let compiled = compile(index, query)?;
    let mut cells: BTreeMap<(i64, i64), (f64, usize)> = BTreeMap::new();
    let (mut buf, mut rk, mut ck) = (Vec::new(), Vec::new(), Vec::new());
    for row_at in 0..index.rows.len() {
        if !compiled.matches(index, row_at) {
            continue;
        }
        let row = &index.rows[row_at];
        keys(index, rows, row, &mut buf, &mut rk);
        if rk.is_empty() {
            continue;
        }
        keys(index, cols, row, &mut buf, &mut ck);
        let v = measure(index, row, m);
        for r in &rk {
            for c in &ck {
                let cell = cells.entry((*r, *c)).or_default();
                cell.0 += v;
                cell.1 += 1;
            }
        }
    }
    let row_keys = ordered(index, rows, cells.keys().map(|k| k.0));
    let col_keys = ordered(index, cols, cells.keys().map(|k| k.1));
    let row_pos: BTreeMap<i64, usize> = row_keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let col_pos: BTreeMap<i64, usize> = col_keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut values = vec![vec![0.0; col_keys.len()]; row_keys.len()];
    let mut counts = vec![vec![0; col_keys.len()]; row_keys.len()];
    for ((r, c), (v, n)) in &cells {
        values[row_pos[r]][col_pos[c]] = *v;
        counts[row_pos[r]][col_pos[c]] = *n;
    }
    let row_totals: Vec<f64> = values.iter().map(|r| r.iter().sum()).collect();
    let col_totals: Vec<f64> = (0..col_keys.len())
        .map(|c| values.iter().map(|r| r[c]).sum())
        .collect();
    let total = row_totals.iter().sum();
    Ok(Grid {
        rows: row_keys.iter().map(|k| heading(index, rows, *k)).collect(),
        cols: col_keys.iter().map(|k| heading(index, cols, *k)).collect(),
        values,
        counts,
        row_totals,
        col_totals,
        total,
    })
}

/// The headings' keys in display order.
fn ordered(index: &Index, dim: Dim, keys: impl Iterator<Item = i64>) -> Vec<i64> {
    let mut seen: Vec<i64> = keys.collect();
    seen.sort_unstable();
    seen.dedup();
    match dim {
        Dim::Period(_) => {
            let dated: Vec<i64> = seen.iter().copied().filter(|k| *k != i64::MAX).collect();
            let mut out: Vec<i64> = match (dated.first(), dated.last()) {
                (Some(a), Some(b)) => (*a..=*b).collect(),
                _ => Vec::new(),
            };
            if seen.contains(&i64::MAX) {
                out.push(i64::MAX);
            }
            out
        }
        Dim::Field(f) => {
            let text = |k: i64| {
                (
                    k == NONE as i64,
                    index.value_text(f, k as u32).to_lowercase(),
                )
            };
            seen.sort_by_cached_key(|k| text(*k));
            seen
        }
    }
}
