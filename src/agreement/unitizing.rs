//! Krippendorff's unitizing α (α_U; Krippendorff 1995, "On the reliability of unitizing
//! contiguous data", and Content Analysis, 2nd ed., 2004, ch. 12), computed as DKPro
//! Agreement's `KrippendorffAlphaUnitizingAgreement` does (dkpro-statistics,
//! org.dkpro.statistics.agreement.unitizing) and hence INCEpTION: per category
//! α_c = 1 − D_o(c) / D_e(c), overall α_U = 1 − mean_c D_o / mean_c D_e, and 0 where
//! D_o = D_e. It is not the 2016 uα family, which gives other numbers.
//!
//! A corpus is a continuum of sections (documents). Observed disagreement adds up over
//! sections exactly as on one concatenated continuum; for the expected disagreement a gap
//! ends at its document's border, so that the order of documents changes nothing (on one
//! document this is DKPro's figure to the last digit).
//!
//! α_U assumes one rater's units of one category do not overlap; where they do (a name
//! nested in a longer mention of the same actor) they are taken as their union.

use serde::Serialize;
use std::collections::BTreeMap;

/// One rater's unit: `[begin, begin + length)` within its section, with a category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaterUnit<C> {
    pub begin: u64,
    pub length: u64,
    pub rater: usize,
    pub category: C,
}

/// α_U of one category, or overall.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UnitizingFigure {
    /// `None` when nothing was coded (D_e is 0/0).
    pub alpha: Option<f64>,
    pub observed: f64,
    pub expected: f64,
    /// Units counted, over all raters.
    pub units: usize,
}

/// α_U over a study, overall and by category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitizingAlpha<C> {
    pub overall: UnitizingFigure,
    pub by_category: Vec<(C, UnitizingFigure)>,
}

fn alpha_of(observed: f64, expected: f64) -> Option<f64> {
    if observed == expected {
        // DKPro's rule, which makes a study of zero-length units 0 rather than NaN.
        Some(0.0)
    } else {
        let alpha = 1.0 - observed / expected;
        alpha.is_finite().then_some(alpha)
    }
}

/// What one section contributes to one category.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct CategoryPart {
    /// Σ over rater pairs of the distances of overlapping segments.
    observed: u128,
    lengths: Vec<u64>,
    /// Every rater's gaps (including a rater without units of the category: the section).
    gaps: Vec<u64>,
}

/// What one section (document) contributes to α_U: enough to give the section's own α_U
/// and, added up over sections, the pooled one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionStats<C> {
    raters: usize,
    length: u64,
    categories: BTreeMap<C, CategoryPart>,
}

/// A rater's units of one category in text order, overlapping ones joined, all inside the
/// section.
fn flattened(mut spans: Vec<(u64, u64)>, length: u64) -> Vec<(u64, u64)> {
    spans.sort_unstable();
    let mut out: Vec<(u64, u64)> = Vec::with_capacity(spans.len());
    for (begin, len) in spans {
        let begin = begin.min(length);
        let end = (begin + len).min(length);
        match out.last_mut() {
            Some(last) if begin < last.0 + last.1 => {
                last.1 = last.1.max(end - last.0);
            }
            _ => out.push((begin, end - begin)),
        }
    }
    out
}

/// DKPro's distance between two segments (a category of `None` is a gap).
fn distance(a: (u64, u64, bool), b: (u64, u64, bool)) -> u128 {
    let (o1, l1, c1) = (a.0 as i128, a.1 as i128, a.2);
    let (o2, l2, c2) = (b.0 as i128, b.1 as i128, b.2);
    let begin_diff = o1 - o2;
    let length_diff = l1 - l2;
    let d = if c1 && c2 && -l1 < begin_diff && begin_diff < l2 {
        begin_diff * begin_diff + (begin_diff + length_diff) * (begin_diff + length_diff)
    } else if c1 && !c2 && -length_diff >= begin_diff && begin_diff >= 0 {
        l1 * l1
    } else if !c1 && c2 && -length_diff <= begin_diff && begin_diff <= 0 {
        l2 * l2
    } else {
        0
    };
    d as u128
}

/// One rater's walk along the section: its current segment and what comes next.
struct Walk<'a> {
    units: &'a [(u64, u64)],
    next: usize,
    offset: u64,
    length: u64,
    coded: bool,
}

impl<'a> Walk<'a> {
    fn new(units: &'a [(u64, u64)]) -> Self {
        Self {
            units,
            next: 0,
            offset: 0,
            length: 0,
            coded: false,
        }
    }

    fn has_next(&self) -> bool {
        self.next < self.units.len()
    }

    /// At `pos`, where the current segment ends, steps to the next unit or gap.
    fn step(&mut self, pos: u64, end: u64) {
        if pos != self.offset + self.length {
            return;
        }
        match self.units.get(self.next) {
            Some(&(begin, length)) if begin == pos => {
                self.length = length;
                self.coded = true;
                self.next += 1;
            }
            upcoming => {
                self.length = upcoming.map_or(end, |u| u.0) - pos;
                self.coded = false;
            }
        }
        self.offset = pos;
    }

    fn segment(&self) -> (u64, u64, bool) {
        (self.offset, self.length, self.coded)
    }
}

/// Σ of distances between two raters' segments, walking the section as DKPro does.
fn observed_pair(a: &[(u64, u64)], b: &[(u64, u64)], end: u64) -> u128 {
    let (mut walk_a, mut walk_b) = (Walk::new(a), Walk::new(b));
    let mut pos = 0;
    let mut sum = 0;
    while pos < end && (walk_a.has_next() || walk_b.has_next()) {
        walk_a.step(pos, end);
        walk_b.step(pos, end);
        sum += distance(walk_a.segment(), walk_b.segment());
        pos = (walk_a.offset + walk_a.length).min(walk_b.offset + walk_b.length);
    }
    sum
}

/// The gaps between a rater's units.
fn gaps(units: &[(u64, u64)], end: u64, out: &mut Vec<u64>) {
    let mut pos = 0;
    for &(begin, length) in units {
        if begin > pos {
            out.push(begin - pos);
        }
        pos = pos.max(begin + length);
    }
    if pos < end {
        out.push(end - pos);
    }
}

impl<C: Ord + Clone> SectionStats<C> {
    /// The statistics of one section of `length` positions coded by `raters` raters
    /// (numbered from 0; a rater without units still counts).
    pub fn new(raters: usize, length: u64, units: &[RaterUnit<C>]) -> Self {
        let mut by_category: BTreeMap<&C, Vec<Vec<(u64, u64)>>> = BTreeMap::new();
        for u in units.iter().filter(|u| u.rater < raters) {
            by_category
                .entry(&u.category)
                .or_insert_with(|| vec![Vec::new(); raters])[u.rater]
                .push((u.begin, u.length));
        }
        let mut categories = BTreeMap::new();
        for (category, per_rater) in by_category {
            let per_rater: Vec<Vec<(u64, u64)>> = per_rater
                .into_iter()
                .map(|spans| flattened(spans, length))
                .collect();
            let mut part = CategoryPart::default();
            for (r1, first) in per_rater.iter().enumerate() {
                for second in &per_rater[r1 + 1..] {
                    part.observed += observed_pair(first, second, length);
                }
                part.lengths.extend(first.iter().map(|u| u.1));
                gaps(first, length, &mut part.gaps);
            }
            categories.insert(category.clone(), part);
        }
        Self {
            raters,
            length,
            categories,
        }
    }
}

/// Sums of `g − l + 1` over gaps `g ≥ l`, answered from sorted gaps and suffix sums.
struct GapTable {
    sorted: Vec<u64>,
    /// `suffix[i]` = Σ sorted[i..].
    suffix: Vec<u128>,
}

impl GapTable {
    fn new(mut gaps: Vec<u64>) -> Self {
        gaps.sort_unstable();
        let mut suffix = vec![0u128; gaps.len() + 1];
        for i in (0..gaps.len()).rev() {
            suffix[i] = suffix[i + 1] + u128::from(gaps[i]);
        }
        Self {
            sorted: gaps,
            suffix,
        }
    }

    /// Σ over gaps `g ≥ length` of `g − length + 1`.
    fn tail(&self, length: u64) -> i128 {
        let first = self.sorted.partition_point(|&g| g < length);
        let count = (self.sorted.len() - first) as i128;
        self.suffix[first] as i128 - count * (i128::from(length) - 1)
    }
}

/// α_U over sections taken together (one section: that document's α_U).
pub fn alpha_u<'a, C: Ord + Clone + 'a>(
    sections: impl IntoIterator<Item = &'a SectionStats<C>>,
) -> UnitizingAlpha<C> {
    let sections: Vec<&SectionStats<C>> = sections.into_iter().collect();
    let raters = sections.first().map_or(0, |s| s.raters);
    let total: u64 = sections.iter().map(|s| s.length).sum();
    let mut by_category: BTreeMap<&C, Vec<(u64, &CategoryPart)>> = BTreeMap::new();
    for s in &sections {
        for (category, part) in &s.categories {
            by_category
                .entry(category)
                .or_default()
                .push((s.length, part));
        }
    }
    // Sections without a category are one gap per rater for it: counted from the table of
    // all sections' lengths less those where the category occurs.
    let all_lengths = GapTable::new(sections.iter().map(|s| s.length).collect());
    let (r, l) = (raters as f64, total as f64);
    let mut figures = Vec::new();
    for (category, parts) in by_category {
        let present = GapTable::new(parts.iter().map(|p| p.0).collect());
        let gaps = GapTable::new(parts.iter().flat_map(|p| p.1.gaps.clone()).collect());
        let lengths: Vec<u64> = parts.iter().flat_map(|p| p.1.lengths.clone()).collect();
        let observed_sum: u128 = parts.iter().map(|p| p.1.observed).sum();
        let n = lengths.len() as i128;
        let mut numerator: i128 = 0;
        let mut squared: i128 = 0;
        for &length in &lengths {
            let len = i128::from(length);
            let tail = raters as i128 * (all_lengths.tail(length) - present.tail(length))
                + gaps.tail(length);
            numerator += (n - 1) * len * (len - 1) * (2 * len - 1) / 3 + len * len * tail;
            squared += len * (len - 1);
        }
        let observed = 2.0 * observed_sum as f64 / (r * (r - 1.0) * l * l);
        let expected = numerator as f64 * 2.0 / l / (r * l * (r * l - 1.0) - squared as f64);
        figures.push((
            category.clone(),
            UnitizingFigure {
                alpha: alpha_of(observed, expected),
                observed,
                expected,
                units: lengths.len(),
            },
        ));
    }
    let count = figures.len() as f64;
    let observed = figures.iter().map(|f| f.1.observed).sum::<f64>() / count;
    let expected = figures.iter().map(|f| f.1.expected).sum::<f64>() / count;
    UnitizingAlpha {
        overall: UnitizingFigure {
            alpha: if figures.is_empty() {
                None
            } else {
                alpha_of(observed, expected)
            },
            observed,
            expected,
            units: figures.iter().map(|f| f.1.units).sum(),
        },
        by_category: figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn unit(
        begin: u64,
        length: u64,
        rater: usize,
        category: &'static str,
    ) -> RaterUnit<&'static str> {
        RaterUnit {
            begin,
            length,
            rater,
            category,
        }
    }

    fn round4(x: f64) -> f64 {
        (x * 10_000.0).round() / 10_000.0
    }

    /// Krippendorff (2004: 254), units as (begin, +length) on the continuum [150, 450):
    /// shifted to begin at 0.
    fn krippendorff_2004() -> SectionStats<&'static str> {
        let at = |b: u64| b - 150;
        SectionStats::new(
            2,
            300,
            &[
                unit(at(225), 70, 0, "c"),
                unit(at(370), 30, 0, "c"),
                unit(at(220), 80, 1, "c"),
                unit(at(355), 20, 1, "c"),
                unit(at(400), 20, 1, "c"),
                unit(at(180), 60, 0, "k"),
                unit(at(300), 50, 0, "k"),
                unit(at(180), 60, 1, "k"),
                unit(at(300), 50, 1, "k"),
            ],
        )
    }

    #[test]
    fn krippendorff_2004_example() {
        let study = krippendorff_2004();
        let alpha = alpha_u([&study]);
        let by: BTreeMap<_, _> = alpha.by_category.iter().cloned().collect();
        assert_eq!(round4(by["c"].observed), 0.0144);
        assert_eq!(round4(by["c"].expected), 0.0532);
        assert_eq!(by["c"].alpha.map(round4), Some(0.7286));
        assert_eq!(round4(by["k"].expected), 0.0490);
        assert_eq!(by["k"].alpha.map(round4), Some(1.0));
        assert_eq!(alpha.overall.alpha.map(round4), Some(0.8587));
    }

    #[test]
    fn dkpro_ten_positions_one_long_unit_against_three_short_ones() {
        // r0: -11111111-   r1: --1-1-1---
        let study = SectionStats::new(
            2,
            10,
            &[
                unit(1, 8, 0, "A"),
                unit(2, 1, 1, "A"),
                unit(4, 1, 1, "A"),
                unit(6, 1, 1, "A"),
            ],
        );
        let alpha = alpha_u([&study]);
        assert_eq!(round4(alpha.by_category[0].1.observed), 0.91);
        assert_eq!(round4(alpha.by_category[0].1.expected), 0.5352);
        assert_eq!(alpha.overall.alpha.map(round4), Some(-0.7003));
    }

    #[test]
    fn full_agreement_is_one_and_zero_length_units_are_zero() {
        let same = SectionStats::new(
            3,
            100,
            &[
                unit(10, 5, 0, "x"),
                unit(10, 5, 1, "x"),
                unit(10, 5, 2, "x"),
                unit(40, 20, 0, "y"),
                unit(40, 20, 1, "y"),
                unit(40, 20, 2, "y"),
            ],
        );
        assert_eq!(alpha_u([&same]).overall.alpha, Some(1.0));
        let points = SectionStats::new(2, 20, &[unit(3, 0, 0, "x"), unit(7, 0, 1, "x")]);
        assert_eq!(alpha_u([&points]).overall.alpha, Some(0.0));
        let nothing: SectionStats<&str> = SectionStats::new(2, 20, &[]);
        assert_eq!(alpha_u([&nothing]).overall.alpha, None);
    }

    #[test]
    fn overlapping_units_of_one_rater_count_as_their_union() {
        let nested = SectionStats::new(
            2,
            50,
            &[
                unit(10, 20, 0, "x"),
                unit(15, 5, 0, "x"),
                unit(10, 20, 1, "x"),
            ],
        );
        let plain = SectionStats::new(2, 50, &[unit(10, 20, 0, "x"), unit(10, 20, 1, "x")]);
        assert_eq!(alpha_u([&nested]).overall, alpha_u([&plain]).overall);
    }

    #[test]
    fn a_document_without_a_category_is_one_gap_per_rater_for_it() {
        // Document A (100 positions) has x; document B (60) has only y. For x, B counts as
        // one gap of 60 for each of the two raters.
        let a = SectionStats::new(2, 100, &[unit(10, 20, 0, "x"), unit(15, 20, 1, "x")]);
        let b = SectionStats::new(2, 60, &[unit(5, 10, 0, "y"), unit(5, 10, 1, "y")]);
        let pooled = alpha_u([&a, &b]);
        let x = pooled.by_category.iter().find(|c| c.0 == "x").expect("x").1;
        // By hand: gaps 10, 70 (rater 0), 15, 65 (rater 1), 60, 60 (document B);
        // units of 20 and 20; L = 160, R = 2.
        let gaps = [10i128, 70, 15, 65, 60, 60];
        let tail: i128 = gaps.iter().filter(|&&g| g >= 20).map(|g| g - 20 + 1).sum();
        let per_unit = 20 * 19 * 39 / 3 + 400 * tail;
        let expected = (2 * per_unit) as f64 * 2.0 / 160.0 / (320.0 * 319.0 - 2.0 * 380.0);
        assert!(
            (x.expected - expected).abs() < 1e-12,
            "{} {expected}",
            x.expected
        );
        // Observed: 5² + 5² for the shifted pair, over R(R−1)L² / 2.
        assert!((x.observed - 2.0 * 50.0 / (2.0 * 160.0 * 160.0)).abs() < 1e-12);
    }

    fn section() -> impl Strategy<Value = (u64, Vec<RaterUnit<&'static str>>)> {
        (20u64..200).prop_flat_map(|length| {
            let units = prop::collection::vec(
                (
                    0..length,
                    1u64..20,
                    0usize..3,
                    prop::sample::select(vec!["a", "b"]),
                ),
                0..12,
            )
            .prop_map(|list| {
                list.into_iter()
                    .map(|(begin, len, rater, category)| unit(begin, len, rater, category))
                    .collect()
            });
            (Just(length), units)
        })
    }

    proptest! {
        #[test]
        fn document_order_changes_nothing(sections in prop::collection::vec(section(), 1..5)) {
            let stats: Vec<_> = sections.iter().map(|(l, u)| SectionStats::new(3, *l, u)).collect();
            let forward = alpha_u(&stats);
            let backward = alpha_u(stats.iter().rev());
            prop_assert_eq!(forward.overall.alpha.map(round4), backward.overall.alpha.map(round4));
        }

        #[test]
        fn swapping_raters_changes_nothing((length, units) in section()) {
            let swapped: Vec<_> = units.iter().map(|u| RaterUnit { rater: 2 - u.rater, ..u.clone() }).collect();
            let a = alpha_u([&SectionStats::new(3, length, &units)]);
            let b = alpha_u([&SectionStats::new(3, length, &swapped)]);
            prop_assert_eq!(a.overall.alpha.map(round4), b.overall.alpha.map(round4));
        }

        #[test]
        fn raters_who_all_code_the_same_agree_fully((length, units) in section()) {
            let copied: Vec<_> = units.iter().filter(|u| u.rater == 0)
                .flat_map(|u| (0..3).map(|rater| RaterUnit { rater, ..u.clone() }))
                .collect();
            let alpha = alpha_u([&SectionStats::new(3, length, &copied)]).overall.alpha;
            prop_assert!(copied.is_empty() || alpha == Some(1.0), "{alpha:?}");
        }
    }
}
