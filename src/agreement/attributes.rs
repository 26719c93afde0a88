//! Agreement on the attributes of matched units: Krippendorff's α (nominal or ordinal, from
//! the coincidence matrix; Krippendorff 2004, ch. 11, and "Computing Krippendorff's
//! Alpha-Reliability", 2011), percent agreement and, for two analysts, Cohen's κ (1960).
//!
//! A tally holds what a set of matched units says about one attribute; tallies of
//! documents add up to the corpus's, so pooled and per-document figures come from the same
//! counts.

use super::units::{Scale, Value};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What matched units say about one attribute.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttributeTally {
    /// o_ck: ordered pairs of values within a unit, each weighted 1 / (m_u − 1).
    coincidences: HashMap<(Value, Value), f64>,
    /// Σ over units of the share of their analyst pairs that agree.
    agreement: f64,
    /// Units with at least two values.
    units: usize,
    /// Two analysts only: how often the first gave one value and the second another.
    contingency: HashMap<(Value, Value), usize>,
    /// Whether every unit so far had exactly two values, first analyst first.
    two_only: bool,
}

impl AttributeTally {
    pub fn new() -> Self {
        Self {
            two_only: true,
            ..Self::default()
        }
    }

    /// Adds one matched unit: the values of the analysts who coded it, in analyst order
    /// (for κ the first analyst's value comes first). A unit with fewer than two values
    /// is not pairable and adds nothing.
    pub fn add(&mut self, values: &[&Value]) {
        let m = values.len();
        if m < 2 {
            return;
        }
        let weight = 1.0 / (m - 1) as f64;
        let mut agreeing = 0usize;
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i == j {
                    continue;
                }
                *self
                    .coincidences
                    .entry(((*a).clone(), (*b).clone()))
                    .or_default() += weight;
                agreeing += usize::from(a == b);
            }
        }
        self.agreement += agreeing as f64 / (m * (m - 1)) as f64;
        self.units += 1;
        if m == 2 {
            *self
                .contingency
                .entry((values[0].clone(), values[1].clone()))
                .or_default() += 1;
        } else {
            self.two_only = false;
        }
    }

    /// Adds another tally (another document's) to this one.
    pub fn merge(&mut self, other: &AttributeTally) {
        for (pair, o) in &other.coincidences {
            *self.coincidences.entry(pair.clone()).or_default() += o;
        }
        for (pair, n) in &other.contingency {
            *self.contingency.entry(pair.clone()).or_default() += n;
        }
        self.agreement += other.agreement;
        self.units += other.units;
        self.two_only &= other.two_only;
    }

    /// Matched units that had at least two values.
    pub fn units(&self) -> usize {
        self.units
    }

    /// The share of analyst pairs that agree, averaged over units.
    pub fn percent_agreement(&self) -> Option<f64> {
        (self.units > 0).then(|| self.agreement / self.units as f64)
    }

    /// Krippendorff's α over the tally. `ranks` orders ordinal values (lowest first);
    /// values not in it come after, in their own order. `None` when there is nothing to
    /// compare or every value is the same (D_e = 0: agreement cannot be told from chance).
    pub fn alpha(&self, scale: Scale, ranks: &[String]) -> Option<f64> {
        let mut totals: BTreeMap<&Value, f64> = BTreeMap::new();
        for ((c, _), o) in &self.coincidences {
            *totals.entry(c).or_default() += o;
        }
        let n: f64 = totals.values().sum();
        if n <= 1.0 {
            return None;
        }
        let delta = Metric::new(scale, ranks, &totals);
        let observed: f64 = self
            .coincidences
            .iter()
            .map(|((c, k), o)| o * delta.squared(c, k))
            .sum::<f64>()
            / n;
        let values: Vec<(&Value, f64)> = totals.into_iter().collect();
        let mut expected = 0.0;
        for (i, (c, n_c)) in values.iter().enumerate() {
            for (k, n_k) in &values[i + 1..] {
                expected += 2.0 * n_c * n_k * delta.squared(c, k);
            }
        }
        expected /= n * (n - 1.0);
        (expected > 0.0).then(|| 1.0 - observed / expected)
    }

    /// Cohen's κ, for tallies where every unit had two analysts' values.
    pub fn cohen_kappa(&self) -> Option<f64> {
        if !self.two_only || self.units == 0 {
            return None;
        }
        let total = self.units as f64;
        let mut first: HashMap<&Value, f64> = HashMap::new();
        let mut second: HashMap<&Value, f64> = HashMap::new();
        let mut observed = 0.0;
        for ((a, b), count) in &self.contingency {
            let count = *count as f64;
            *first.entry(a).or_default() += count / total;
            *second.entry(b).or_default() += count / total;
            if a == b {
                observed += count / total;
            }
        }
        let expected: f64 = first
            .iter()
            .map(|(value, p)| p * second.get(value).copied().unwrap_or(0.0))
            .sum();
        (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
    }
}

/// Krippendorff's difference functions δ².
struct Metric<'a> {
    /// Ordinal: each value's rank and the cumulative count below it.
    ordinal: Option<HashMap<&'a Value, (usize, f64)>>,
    /// Ordinal: the count of the value at each rank.
    counts: Vec<f64>,
    cumulative: Vec<f64>,
}

impl<'a> Metric<'a> {
    fn new(scale: Scale, ranks: &[String], totals: &BTreeMap<&'a Value, f64>) -> Self {
        let Scale::Ordinal(_) = scale else {
            return Self {
                ordinal: None,
                counts: Vec::new(),
                cumulative: Vec::new(),
            };
        };
        let rank_of = |v: &Value| match v {
            Value::Key(key) => ranks.iter().position(|r| r == key).unwrap_or(ranks.len()),
            _ => ranks.len(),
        };
        let mut ordered: Vec<(&Value, f64)> = totals.iter().map(|(v, n)| (*v, *n)).collect();
        ordered.sort_by(|a, b| (rank_of(a.0), a.0).cmp(&(rank_of(b.0), b.0)));
        let counts: Vec<f64> = ordered.iter().map(|v| v.1).collect();
        let mut cumulative = vec![0.0; counts.len() + 1];
        for (i, n) in counts.iter().enumerate() {
            cumulative[i + 1] = cumulative[i] + n;
        }
        let ordinal = ordered
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (*v, (i, cumulative[i])))
            .collect();
        Self {
            ordinal: Some(ordinal),
            counts,
            cumulative,
        }
    }

    fn squared(&self, c: &Value, k: &Value) -> f64 {
        if c == k {
            return 0.0;
        }
        let Some(ordinal) = &self.ordinal else {
            return 1.0;
        };
        let (Some(&(i, _)), Some(&(j, _))) = (ordinal.get(c), ordinal.get(k)) else {
            return 1.0;
        };
        let (low, high) = (i.min(j), i.max(j));
        // (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²
        let between = self.cumulative[high + 1] - self.cumulative[low];
        let d = between - (self.counts[low] + self.counts[high]) / 2.0;
        d * d
    }
}

/// The figures of one attribute, as reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeFigures {
    pub alpha: Option<f64>,
    pub percent: Option<f64>,
    pub kappa: Option<f64>,
    /// Matched units compared.
    pub units: usize,
}

impl AttributeTally {
    pub fn figures(&self, scale: Scale, ranks: &[String]) -> AttributeFigures {
        AttributeFigures {
            alpha: self.alpha(scale, ranks),
            percent: self.percent_agreement(),
            kappa: self.cohen_kappa(),
            units: self.units,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CodebookList;

    fn key(k: &str) -> Value {
        Value::Key(k.into())
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four observers,
    /// twelve units, missing values left out; the last unit has one value only.
    fn krippendorff_2011() -> AttributeTally {
        let rows: [[Option<u8>; 4]; 12] = [
            [Some(1), Some(1), None, Some(1)],
            [Some(2), Some(2), Some(3), Some(2)],
            [Some(3), Some(3), Some(3), Some(3)],
            [Some(3), Some(3), Some(3), Some(3)],
            [Some(2), Some(2), Some(2), Some(2)],
            [Some(1), Some(2), Some(3), Some(4)],
            [Some(4), Some(4), Some(4), Some(4)],
            [Some(1), Some(1), Some(2), Some(1)],
            [Some(2), Some(2), Some(2), Some(2)],
            [None, Some(5), Some(5), Some(5)],
            [None, None, Some(1), Some(1)],
            [None, Some(3), None, None],
        ];
        let mut tally = AttributeTally::new();
        for row in rows {
            let values: Vec<Value> = row.iter().flatten().map(|v| key(&v.to_string())).collect();
            tally.add(&values.iter().collect::<Vec<_>>());
        }
        tally
    }

    fn round3(x: f64) -> f64 {
        (x * 1000.0).round() / 1000.0
    }

    #[test]
    fn krippendorff_2011_nominal_and_ordinal() {
        let tally = krippendorff_2011();
        let ranks: Vec<String> = (1..=5).map(|v| v.to_string()).collect();
        assert_eq!(tally.alpha(Scale::Nominal, &ranks).map(round3), Some(0.743));
        let ordinal = Scale::Ordinal(CodebookList::Strengths);
        assert_eq!(tally.alpha(ordinal, &ranks).map(round3), Some(0.815));
        assert_eq!(tally.units(), 11, "the unit with one value is not pairable");
        assert_eq!(tally.cohen_kappa(), None, "κ is for two analysts");
    }

    #[test]
    fn cohen_kappa_of_the_textbook_two_by_two_table() {
        // 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = 0.7, p_e = 0.5, κ = 0.4.
        let mut tally = AttributeTally::new();
        for (a, b, times) in [
            ("yes", "yes", 20),
            ("yes", "no", 5),
            ("no", "yes", 10),
            ("no", "no", 15),
        ] {
            for _ in 0..times {
                tally.add(&[&key(a), &key(b)]);
            }
        }
        assert_eq!(tally.cohen_kappa().map(round3), Some(0.4));
        assert_eq!(tally.percent_agreement().map(round3), Some(0.7));
    }

    #[test]
    fn tallies_of_documents_add_up_to_the_corpus() {
        let mut whole = AttributeTally::new();
        let mut first = AttributeTally::new();
        let mut second = AttributeTally::new();
        for (i, (a, b)) in [("x", "x"), ("x", "y"), ("y", "y"), ("z", "y")]
            .into_iter()
            .enumerate()
        {
            whole.add(&[&key(a), &key(b)]);
            if i < 2 { &mut first } else { &mut second }.add(&[&key(a), &key(b)]);
        }
        first.merge(&second);
        assert_eq!(
            first.alpha(Scale::Nominal, &[]),
            whole.alpha(Scale::Nominal, &[])
        );
        assert_eq!(first.cohen_kappa(), whole.cohen_kappa());
    }

    #[test]
    fn one_value_throughout_has_no_alpha_but_full_percent_agreement() {
        let mut tally = AttributeTally::new();
        tally.add(&[&key("favor"), &key("favor")]);
        tally.add(&[&key("favor"), &key("favor")]);
        assert_eq!(tally.alpha(Scale::Nominal, &[]), None);
        assert_eq!(tally.percent_agreement(), Some(1.0));
    }

    #[test]
    fn ordinal_alpha_forgives_near_misses_more_than_nominal() {
        let ranks: Vec<String> = ["certain", "probable", "possible", "uncommitted"]
            .map(String::from)
            .to_vec();
        let mut tally = AttributeTally::new();
        for (a, b) in [
            ("certain", "certain"),
            ("certain", "probable"),
            ("possible", "possible"),
            ("uncommitted", "uncommitted"),
            ("probable", "probable"),
        ] {
            tally.add(&[&key(a), &key(b)]);
        }
        let ordinal = tally
            .alpha(Scale::Ordinal(CodebookList::Strengths), &ranks)
            .expect("alpha");
        let nominal = tally.alpha(Scale::Nominal, &ranks).expect("alpha");
        assert!(ordinal > nominal, "{ordinal} vs {nominal}");
    }
}
