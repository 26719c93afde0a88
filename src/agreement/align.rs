//! Alignment: which unit of one analyst corresponds to which unit of another, so that
//! their attributes can be compared and a curator can see the versions of a unit side by
//! side.
//!
//! Two units can be matched when they overlap enough ([`can_match`]); among the possible
//! matchings the one with the best total overlap is chosen (Hungarian assignment, ties
//! broken towards closer extents, then the same category). The assignment is solved per
//! connected component of matchable units, so a long document costs a few small
//! assignments rather than one large one.

use super::units::Unit;
use pathfinding::prelude::{Matrix, kuhn_munkres};
use std::collections::BTreeSet;

/// The documented minimum overlap: two units can be matched when the code points they
/// share are at least this share of the shorter unit. A name nested in a longer mention
/// of the same person matches it; two mentions that merely touch do not.
pub const MIN_SHARE_OF_SHORTER: f64 = 0.5;

/// True when `a` and `b` overlap enough to be versions of the same unit.
pub fn can_match(a: &Unit, b: &Unit) -> bool {
    let shared = a.overlap(b);
    let shorter = a.len().min(b.len());
    shared > 0 && shared as f64 >= MIN_SHARE_OF_SHORTER * shorter as f64
}

/// How good a match is: the shared code points first, then fewer code points covered by
/// only one of the two, then the same category. Positive for every matchable pair.
fn weight(a: &Unit, b: &Unit) -> i64 {
    const OVERLAP_SCALE: i64 = 1 << 21;
    const MAX_SPREAD: usize = 1 << 19;
    let shared = a.overlap(b);
    let spread = (a.len() + b.len() - 2 * shared).min(MAX_SPREAD);
    let same_category = i64::from(a.category == b.category);
    shared as i64 * OVERLAP_SCALE - 2 * spread as i64 + same_category
}

/// Two analysts' units matched one to one. Indices are into the slices given to
/// [`align_pair`]; every index appears exactly once across `pairs` and `only_*`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PairAlignment {
    /// `(index in a, index in b)`, sorted by the index in `a`.
    pub pairs: Vec<(usize, usize)>,
    /// Units of `a` without a match, sorted.
    pub only_a: Vec<usize>,
    /// Units of `b` without a match, sorted.
    pub only_b: Vec<usize>,
}

/// Matches `a`'s units (one analyst) with `b`'s (another) one to one, maximising the total
/// overlap among pairs that [`can_match`].
pub fn align_pair(a: &[Unit], b: &[Unit]) -> PairAlignment {
    let candidates = overlapping_extents(
        &a.iter().map(|u| (u.start(), u.end())).collect::<Vec<_>>(),
        &b.iter().map(|u| (u.start(), u.end())).collect::<Vec<_>>(),
    );
    let edges: Vec<(usize, usize, i64)> = candidates
        .into_iter()
        .filter(|&(i, j)| can_match(&a[i], &b[j]))
        .map(|(i, j)| (i, j, weight(&a[i], &b[j])))
        .collect();
    let mut pairs = assign(a.len(), &edges);
    pairs.sort_unstable();
    let matched_a: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
    let matched_b: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
    PairAlignment {
        only_a: (0..a.len()).filter(|i| !matched_a.contains(i)).collect(),
        only_b: (0..b.len()).filter(|j| !matched_b.contains(j)).collect(),
        pairs,
    }
}

/// The versions of one unit by several analysts: indices into the slice given to
/// [`group`], at most one per analyst, in analyst order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<usize>,
}

/// Groups the units of any number of analysts (one layer of one document): every unit is
/// in exactly one group and no group holds two units of the same analyst. Analysts are
/// taken in name order; each one's units are matched one to one against the groups so far
/// (a group's weight is the sum over its members the unit [`can_match`]), and a unit
/// without a match starts a group of its own. Groups come in text order.
pub fn group(units: &[Unit]) -> Vec<Group> {
    let analysts: BTreeSet<&str> = units.iter().map(|u| &*u.analyst).collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut extents: Vec<(usize, usize)> = Vec::new();
    for analyst in analysts {
        let mine: Vec<usize> = (0..units.len())
            .filter(|&i| &*units[i].analyst == analyst)
            .collect();
        let my_extents: Vec<(usize, usize)> = mine
            .iter()
            .map(|&i| (units[i].start(), units[i].end()))
            .collect();
        let edges: Vec<(usize, usize, i64)> = overlapping_extents(&extents, &my_extents)
            .into_iter()
            .filter_map(|(g, k)| {
                let unit = &units[mine[k]];
                let matching = groups[g]
                    .iter()
                    .map(|&m| &units[m])
                    .filter(|member| can_match(member, unit));
                let total = matching.map(|member| weight(member, unit)).sum::<i64>();
                (total > 0).then_some((g, k, total))
            })
            .collect();
        let assigned = assign(groups.len(), &edges);
        let mut joined = vec![false; mine.len()];
        for (g, k) in assigned {
            let unit = mine[k];
            groups[g].push(unit);
            extents[g] = (
                extents[g].0.min(units[unit].start()),
                extents[g].1.max(units[unit].end()),
            );
            joined[k] = true;
        }
        for (k, &unit) in mine.iter().enumerate() {
            if !joined[k] {
                groups.push(vec![unit]);
                extents.push((units[unit].start(), units[unit].end()));
            }
        }
    }
    let mut out: Vec<((usize, usize), Group)> = extents
        .into_iter()
        .zip(groups)
        .map(|(extent, members)| (extent, Group { members }))
        .collect();
    out.sort_by(|a, b| (a.0, &a.1.members).cmp(&(b.0, &b.1.members)));
    out.into_iter().map(|(_, g)| g).collect()
}

/// Pairs `(i, j)` whose extents `[start, end)` overlap, `i` from `left` and `j` from
/// `right`; empty extents overlap nothing. A sweep in start order: each extent meets the
/// other side's extents still open where it starts.
fn overlapping_extents(left: &[(usize, usize)], right: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut events: Vec<(usize, bool, usize)> = left
        .iter()
        .enumerate()
        .filter(|(_, e)| e.0 < e.1)
        .map(|(i, e)| (e.0, false, i))
        .chain(
            right
                .iter()
                .enumerate()
                .filter(|(_, e)| e.0 < e.1)
                .map(|(j, e)| (e.0, true, j)),
        )
        .collect();
    events.sort_unstable();
    let mut open_left: Vec<(usize, usize)> = Vec::new();
    let mut open_right: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for (start, is_right, index) in events {
        if is_right {
            open_left.retain(|&(end, _)| end > start);
            out.extend(open_left.iter().map(|&(_, i)| (i, index)));
            open_right.push((right[index].1, index));
        } else {
            open_right.retain(|&(end, _)| end > start);
            out.extend(open_right.iter().map(|&(_, j)| (index, j)));
            open_left.push((left[index].1, index));
        }
    }
    out
}

/// The one-to-one assignment of left to right items over `edges` (with positive weights)
/// that maximises the total weight, solved per connected component. Returns `(left,
/// right)` pairs joined by an edge.
fn assign(n_left: usize, edges: &[(usize, usize, i64)]) -> Vec<(usize, usize)> {
    let n_right = edges.iter().map(|e| e.1 + 1).max().unwrap_or(0);
    let mut components = UnionFind::new(n_left + n_right);
    for &(i, j, _) in edges {
        components.union(i, n_left + j);
    }
    let mut by_component: std::collections::BTreeMap<usize, Vec<(usize, usize, i64)>> =
        Default::default();
    for &edge in edges {
        by_component
            .entry(components.find(edge.0))
            .or_default()
            .push(edge);
    }
    let mut out = Vec::new();
    for (_, component) in by_component {
        if let [(i, j, _)] = component.as_slice() {
            out.push((*i, *j));
            continue;
        }
        out.extend(assign_component(&component));
    }
    out
}

/// The Hungarian assignment (`pathfinding`'s Kuhn–Munkres) on one component's edges.
fn assign_component(edges: &[(usize, usize, i64)]) -> Vec<(usize, usize)> {
    let rows: Vec<usize> = edges
        .iter()
        .map(|e| e.0)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let cols: Vec<usize> = edges
        .iter()
        .map(|e| e.1)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Kuhn–Munkres assigns every row, so the shorter side goes in the rows; a row given a
    // column it has no edge to (weight 0) stays unmatched.
    let transposed = rows.len() > cols.len();
    let (short, long) = if transposed {
        (&cols, &rows)
    } else {
        (&rows, &cols)
    };
    let mut weights = Matrix::new(short.len(), long.len(), 0i64);
    for &(i, j, w) in edges {
        let (r, c) = if transposed { (j, i) } else { (i, j) };
        let (Ok(r), Ok(c)) = (short.binary_search(&r), long.binary_search(&c)) else {
            continue;
        };
        weights[(r, c)] = w;
    }
    let (_, chosen) = kuhn_munkres(&weights);
    chosen
        .into_iter()
        .enumerate()
        .filter(|&(r, c)| weights[(r, c)] > 0)
        .map(|(r, c)| {
            if transposed {
                (long[c], short[r])
            } else {
                (short[r], long[c])
            }
        })
        .collect()
}

/// Connected components of the match graph.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::units::{Layer, Value};
    use crate::model::Id;
    use std::sync::Arc;

    fn unit(analyst: &str, id: u64, ranges: &[(usize, usize)], category: &str) -> Unit {
        Unit {
            id: Id(id),
            analyst: Arc::from(analyst),
            layer: Layer::Tags,
            ranges: ranges.to_vec(),
            category: Value::Key(category.into()),
            attributes: Vec::new(),
        }
    }

    #[test]
    fn identical_spans_match_one_to_one() {
        let a = [unit("a", 1, &[(0, 5)], "x"), unit("a", 2, &[(10, 20)], "x")];
        let b = [unit("b", 3, &[(0, 5)], "x"), unit("b", 4, &[(10, 20)], "y")];
        let aligned = align_pair(&a, &b);
        assert_eq!(aligned.pairs, [(0, 0), (1, 1)]);
        assert!(aligned.only_a.is_empty() && aligned.only_b.is_empty());
    }

    #[test]
    fn the_best_total_overlap_wins_over_the_first_greedy_choice() {
        // a0 overlaps b0 by 8 and b1 by 6; a1 overlaps only b0 (by 9). Greedy would pair
        // a0–b0 (8) and leave a1 alone; the best total pairs a0–b1 and a1–b0 (6 + 9).
        let a = [
            unit("a", 1, &[(10, 20)], "x"),
            unit("a", 2, &[(0, 11)], "x"),
        ];
        let b = [
            unit("b", 3, &[(2, 18)], "x"),
            unit("b", 4, &[(14, 24)], "x"),
        ];
        assert_eq!(a[0].overlap(&b[0]), 8);
        assert_eq!(a[0].overlap(&b[1]), 6);
        assert_eq!(a[1].overlap(&b[0]), 9);
        let aligned = align_pair(&a, &b);
        assert_eq!(aligned.pairs, [(0, 1), (1, 0)]);
    }

    #[test]
    fn a_nested_unit_matches_the_unit_around_it_and_a_touching_one_does_not() {
        // "Foreign Minister Wang Yi" (0..24) against "Wang Yi" (17..24): nested, matched.
        let a = [unit("a", 1, &[(0, 24)], "x")];
        let b = [unit("b", 2, &[(17, 24)], "x")];
        assert_eq!(align_pair(&a, &b).pairs, [(0, 0)]);
        // Sharing 1 of 10 code points is below the minimum overlap.
        let c = [unit("c", 3, &[(23, 33)], "x")];
        let aligned = align_pair(&a, &c);
        assert!(aligned.pairs.is_empty());
        assert_eq!((aligned.only_a, aligned.only_b), (vec![0], vec![0]));
    }

    #[test]
    fn nested_units_of_one_analyst_each_find_their_own_counterpart() {
        // Analyst a coded a long unit and a name nested in it; b coded the same two.
        let a = [
            unit("a", 1, &[(0, 24)], "x"),
            unit("a", 2, &[(17, 24)], "x"),
        ];
        let b = [
            unit("b", 3, &[(17, 24)], "x"),
            unit("b", 4, &[(0, 24)], "x"),
        ];
        assert_eq!(align_pair(&a, &b).pairs, [(0, 1), (1, 0)]);
    }

    #[test]
    fn equal_overlap_prefers_the_closer_extent_then_the_same_category() {
        let a = [unit("a", 1, &[(0, 10)], "x")];
        let b = [unit("b", 2, &[(0, 30)], "x"), unit("b", 3, &[(0, 10)], "y")];
        assert_eq!(align_pair(&a, &b).pairs, [(0, 1)]);
        let c = [unit("c", 4, &[(0, 10)], "y"), unit("c", 5, &[(0, 10)], "x")];
        assert_eq!(align_pair(&a, &c).pairs, [(0, 1)]);
    }

    #[test]
    fn unmatched_units_of_both_sides_are_reported() {
        let a = [unit("a", 1, &[(0, 5)], "x"), unit("a", 2, &[(40, 50)], "x")];
        let b = [unit("b", 3, &[(1, 5)], "x"), unit("b", 4, &[(20, 30)], "x")];
        let aligned = align_pair(&a, &b);
        assert_eq!(aligned.pairs, [(0, 0)]);
        assert_eq!(aligned.only_a, [1]);
        assert_eq!(aligned.only_b, [1]);
        let empty = align_pair(&[], &b);
        assert_eq!(empty.only_b, [0, 1]);
    }

    #[test]
    fn groups_hold_each_unit_once_and_at_most_one_per_analyst() {
        let units = [
            unit("a", 1, &[(0, 10)], "x"),
            unit("a", 2, &[(2, 9)], "x"),
            unit("b", 3, &[(0, 10)], "x"),
            unit("c", 4, &[(1, 10)], "x"),
            unit("c", 5, &[(3, 9)], "x"),
            unit("c", 6, &[(50, 60)], "x"),
            unit("b", 7, &[(52, 58)], "x"),
        ];
        let groups = group(&units);
        let mut seen: Vec<usize> = groups.iter().flat_map(|g| g.members.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..units.len()).collect::<Vec<_>>());
        for g in &groups {
            let analysts: BTreeSet<&str> = g.members.iter().map(|&m| &*units[m].analyst).collect();
            assert_eq!(analysts.len(), g.members.len(), "{g:?}");
        }
        let members: Vec<Vec<usize>> = groups.into_iter().map(|g| g.members).collect();
        assert_eq!(members, [vec![0, 2, 3], vec![1, 4], vec![6, 5]]);
    }

    #[test]
    fn big_documents_split_into_small_components() {
        // 2,000 units each, shifted by one code point: every unit matches its counterpart.
        let a: Vec<Unit> = (0..2000)
            .map(|i| unit("a", i, &[(i as usize * 10, i as usize * 10 + 8)], "x"))
            .collect();
        let b: Vec<Unit> = (0..2000)
            .map(|i| unit("b", i, &[(i as usize * 10 + 1, i as usize * 10 + 9)], "x"))
            .collect();
        let aligned = align_pair(&a, &b);
        assert_eq!(aligned.pairs.len(), 2000);
        assert!(aligned.pairs.iter().all(|(i, j)| i == j));
    }
}
