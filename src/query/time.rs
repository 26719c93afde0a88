//! Time: hits counted per week, month, quarter or year of their document's date, stacked
//! by a field; and the stance line of each holder on each target, (favor − against) /
//! (favor + against) per period, with the periods where its sign flips marked. Documents
//! without a date are counted apart, never dropped.

use super::eval::{EvalError, Period, compile};
use super::grammar::{Field, Query};
use super::index::{Index, NONE};
use crate::model::AnnotationKind;
use std::collections::BTreeMap;

/// Counts per period (without gaps from the first to the last dated hit) and per key.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub period: Period,
    /// Period numbers (`Period::ordinal`) and their labels.
    pub ordinals: Vec<i64>,
    pub labels: Vec<String>,
    /// What the series are stacked by: the field's values, or one key "all".
    pub keys: Vec<String>,
    /// `counts[k][p]`: hits of key `k` in period `p`.
    pub counts: Vec<Vec<usize>>,
    /// Hits of each key in undated documents.
    pub undated: Vec<usize>,
}

impl Series {
    pub fn undated_total(&self) -> usize {
        self.undated.iter().sum()
    }
}

/// Whether a series can be stacked by `field` (date and free text have no values to stack;
/// documents are too many to read as a stack).
pub fn stackable(field: Field) -> bool {
    !matches!(field, Field::Date | Field::Text | Field::Document)
}

pub fn series(
    index: &Index,
    query: &Query,
    period: Period,
    by: Option<Field>,
) -> Result<Series, EvalError> {
    let compiled = compile(index, query)?;
    // (key, period or None) → count.
    let mut cells: BTreeMap<(u32, Option<i64>), usize> = BTreeMap::new();
    let mut buf = Vec::new();
    for row_at in 0..index.rows.len() {
        if !compiled.matches(index, row_at) {
            continue;
        }
        let row = &index.rows[row_at];
        let at = index.docs[row.doc as usize].date.map(|d| period.ordinal(d));
        match by {
            None => *cells.entry((0, at)).or_default() += 1,
            Some(field) => {
                if !super::grid::applies(field, row.kind) {
                    continue;
                }
                index.values(row, field, &mut buf);
                if buf.is_empty() {
                    buf.push(NONE);
                }
                for v in &buf {
                    *cells.entry((*v, at)).or_default() += 1;
                }
            }
        }
    }
    let dated: Vec<i64> = cells.keys().filter_map(|k| k.1).collect();
    let ordinals: Vec<i64> = match (dated.iter().min(), dated.iter().max()) {
        (Some(a), Some(b)) => (*a..=*b).collect(),
        _ => Vec::new(),
    };
    let mut key_values: Vec<u32> = cells.keys().map(|k| k.0).collect();
    key_values.sort_unstable();
    key_values.dedup();
    let text = |v: u32| match by {
        None => "all".to_owned(),
        Some(f) => index.value_text(f, v),
    };
    key_values.sort_by_cached_key(|v| (*v == NONE, text(*v).to_lowercase()));
    let first = ordinals.first().copied().unwrap_or(0);
    let mut counts = vec![vec![0; ordinals.len()]; key_values.len()];
    let mut undated = vec![0; key_values.len()];
    for ((key, at), n) in cells {
        let k = key_values.iter().position(|v| *v == key).unwrap_or(0);
        match at {
            Some(p) => counts[k][(p - first) as usize] += n,
            None => undated[k] += n,
        }
    }
    Ok(Series {
        period,
        labels: ordinals.iter().map(|o| period.label(*o)).collect(),
        ordinals,
        keys: key_values.iter().map(|v| text(*v)).collect(),
        counts,
        undated,
    })
}

/// One period of a stance line.
#[derive(Clone, Debug, PartialEq)]
pub struct StancePoint {
    pub ordinal: i64,
    pub label: String,
    pub favor: usize,
    pub against: usize,
    /// Stances with another polarity (neutral, mixed).
    pub other: usize,
    /// (favor − against) / (favor + against); `None` without favor or against.
    pub score: Option<f64>,
    /// The sign differs from the last period that had one.
    pub flip: bool,
    /// The rows behind the point (its evidence).
    pub hits: Vec<u32>,
}

/// A holder's stance on one target (actor or topic) over time.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceLine {
    pub holder: String,
    pub target: String,
    /// Periods with stances only, in order.
    pub points: Vec<StancePoint>,
    /// Favor, against and other stances in undated documents.
    pub undated: (usize, usize, usize),
}

/// A stance line for each (holder, target) among the stances matching `query`.
pub fn stance_lines(
    index: &Index,
    query: &Query,
    period: Period,
) -> Result<Vec<StanceLine>, EvalError> {
    let compiled = compile(index, query)?;
    let favor = index.polarities.get("favor");
    let against = index.polarities.get("against");
    // (holder, target is an actor, target) → points by period, undated counts.
    type Key = (u32, bool, u32);
    type Line = (BTreeMap<i64, StancePoint>, (usize, usize, usize));
    let mut lines: BTreeMap<Key, Line> = BTreeMap::new();
    for row_at in 0..index.rows.len() {
        let row = &index.rows[row_at];
        if row.kind != AnnotationKind::Stance || row.holder == NONE {
            continue;
        }
        let target = if row.target_actor != NONE {
            (true, row.target_actor)
        } else if row.topic != NONE {
            (false, row.topic)
        } else {
            continue;
        };
        if !compiled.matches(index, row_at) {
            continue;
        }
        let line = lines.entry((row.holder, target.0, target.1)).or_default();
        let pol = Some(row.polarity);
        let date = index.docs[row.doc as usize].date;
        let Some(d) = date else {
            let u = &mut line.1;
            if pol == favor {
                u.0 += 1;
            } else if pol == against {
                u.1 += 1;
            } else {
                u.2 += 1;
            }
            continue;
        };
        let o = period.ordinal(d);
        let point = line.0.entry(o).or_insert_with(|| StancePoint {
            ordinal: o,
            label: period.label(o),
            favor: 0,
            against: 0,
            other: 0,
            score: None,
            flip: false,
            hits: Vec::new(),
        });
        if pol == favor {
            point.favor += 1;
        } else if pol == against {
            point.against += 1;
        } else {
            point.other += 1;
        }
        point.hits.push(row_at as u32);
    }
    let mut out: Vec<StanceLine> = lines
        .into_iter()
        .map(|((holder, is_actor, target), (points, undated))| {
            let mut last_sign = 0.0f64;
            let points = points
                .into_values()
                .map(|mut p| {
                    let (f, a) = (p.favor as f64, p.against as f64);
                    if f + a > 0.0 {
                        let score = (f - a) / (f + a);
                        p.score = Some(score);
                        let sign = if score > 0.0 {
                            1.0
                        } else if score < 0.0 {
                            -1.0
                        } else {
                            0.0
                        };
                        if sign != 0.0 {
                            p.flip = last_sign != 0.0 && sign != last_sign;
                            last_sign = sign;
                        }
                    }
                    p
                })
                .collect();
            StanceLine {
                holder: index.actor_names[holder as usize].clone(),
                target: if is_actor {
                    index.actor_names[target as usize].clone()
                } else {
                    index.topics.names[target as usize].clone()
                },
                points,
                undated,
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.holder, &a.target).cmp(&(&b.holder, &b.target)));
    Ok(out)
}
