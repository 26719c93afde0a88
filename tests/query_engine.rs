//! The corpus query engine on a generated corpus (`query_support`): hits, facets, grids,
//! dyads with Goldstein sums, time buckets and stance lines, and the consistency checks,
//! each against counts the test makes by walking the model itself.

use crate::query_support::{self as fixture, CHINA, PERU, WANG};
use chrono::{Datelike, NaiveDate};
use demarche::model::{Commitment, Document, Id, Project, StanceTarget};
use demarche::query::eval::Period;
use demarche::query::facets::facets;
use demarche::query::grid::{Dim, Measure, grid};
use demarche::query::time::{series, stance_lines};
use demarche::query::{Field, Index, Query, hits, select};
use std::collections::BTreeMap;

fn q(text: &str) -> Query {
    Query::parse(text).expect("query parses")
}

fn commitments(project: &Project) -> impl Iterator<Item = (&Document, &Commitment)> {
    project
        .documents
        .iter()
        .flat_map(|d| d.commitments.iter().map(move |c| (d, c)))
}

fn in_2020(doc: &Document) -> bool {
    doc.meta.date.is_some_and(|d| d.year() == 2020)
}

#[test]
fn a_query_finds_exactly_the_annotations_it_describes_in_date_document_offset_order() {
    let project = fixture::corpus();
    let china = fixture::family(&project, CHINA);
    assert_eq!(china.len(), 3, "China, its ministry and Wang Yi");
    let found = hits(
        &project,
        &q("kind:commitment committer:China~ strength:certain date:2020-01-01..2020-12-31"),
    )
    .expect("hits");
    let mut expected: Vec<(Id, String, Id)> = commitments(&project)
        .filter(|(d, c)| {
            in_2020(d) && c.strength == "certain" && c.committer.is_some_and(|a| china.contains(&a))
        })
        .map(|(d, c)| (d.id, c.stamp.annotator.clone(), c.id))
        .collect();
    assert!(expected.len() > 5, "the corpus has such commitments");
    let mut got: Vec<(Id, String, Id)> = found
        .iter()
        .map(|h| (h.document, h.analyst.clone(), h.annotation))
        .collect();
    // Order: by date, then document, then offset in it.
    let key = |(doc, _, id): &(Id, String, Id)| {
        let d = project.document(*doc).expect("doc");
        let st = d
            .commitments
            .iter()
            .find(|c| c.id == *id)
            .expect("c")
            .statement;
        let start = d
            .statements
            .iter()
            .find(|s| s.id == st)
            .expect("s")
            .span
            .ranges[0]
            .start;
        (d.meta.date, d.id, start)
    };
    let keys: Vec<_> = got.iter().map(key).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "hits in order");
    got.sort();
    expected.sort();
    assert_eq!(got, expected);

    // Without `~`, China alone; a name is matched case-insensitively, an alias too.
    let only_china = hits(&project, &q("committer:prc")).expect("hits").len();
    assert_eq!(
        only_china,
        commitments(&project)
            .filter(|(_, c)| c.committer == Some(CHINA))
            .count()
    );
    // Negation, OR within a chip, free text in the span.
    let n = hits(
        &project,
        &q("kind:commitment -addressee:Peru,Brazil \"climate\""),
    )
    .expect("hits")
    .len();
    let expected = commitments(&project)
        .filter(|(d, c)| {
            !c.addressees
                .iter()
                .any(|a| *a == PERU || *a == fixture::BRAZIL)
                && d.statements
                    .iter()
                    .any(|s| s.id == c.statement && s.span.ranges[0].text.contains("climate"))
        })
        .count();
    assert_eq!(n, expected);
}

#[test]
fn an_analyst_chip_narrows_to_that_layer_and_an_unknown_actor_is_an_error() {
    let project = fixture::corpus();
    let ana = hits(&project, &q("analyst:ana")).expect("hits");
    let expected: usize = project
        .documents
        .iter()
        .map(|d| {
            demarche::model::layers::counts_by_analyst(d)
                .get("ana")
                .map_or(0, |c| c.total())
        })
        .sum();
    assert_eq!(ana.len(), expected);
    assert!(ana.iter().all(|h| h.analyst == "ana"));
    let err = hits(&project, &q("speaker:\"Wang Y\"")).unwrap_err();
    assert!(err.to_string().contains("Wang Yi"), "{err}");
}

#[test]
fn facets_count_each_value_under_the_rest_of_the_query() {
    let project = fixture::corpus();
    let index = Index::build(&project);
    let faceted = facets(&index, &q("kind:commitment strength:certain")).expect("facets");
    let facet = |field: Field| -> BTreeMap<String, usize> {
        faceted
            .facets
            .iter()
            .find(|f| f.field == field)
            .expect("facet")
            .values
            .iter()
            .map(|v| (v.text.clone(), v.count))
            .collect()
    };
    // Strength ignores its own chip: every commitment, by strength.
    let mut strengths = BTreeMap::new();
    for (_, c) in commitments(&project) {
        *strengths.entry(c.strength.clone()).or_insert(0) += 1;
    }
    assert_eq!(facet(Field::Strength), strengths);
    // Committer is counted under both chips.
    let mut committers = BTreeMap::new();
    for (_, c) in commitments(&project).filter(|(_, c)| c.strength == "certain") {
        if let Some(a) = c.committer {
            let name = project.actor(a).expect("actor").name.clone();
            *committers.entry(name).or_insert(0) += 1;
        }
    }
    assert_eq!(facet(Field::Committer), committers);
    // Kind ignores the kind chip: certain strength exists only on commitments.
    assert_eq!(
        facet(Field::Kind),
        BTreeMap::from([("commitment".to_owned(), strengths["certain"])])
    );
    assert_eq!(faceted.hits.len(), strengths["certain"]);
}

#[test]
fn a_grid_counts_rows_by_columns_with_totals_and_percentages() {
    let project = fixture::corpus();
    let index = Index::build(&project);
    let g = grid(
        &index,
        &Query::default(),
        Dim::Field(Field::Committer),
        Dim::Field(Field::Category),
        Measure::Count,
    )
    .expect("grid");
    let mut expected: BTreeMap<(String, String), f64> = BTreeMap::new();
    for (_, c) in commitments(&project) {
        let who = c.committer.map_or("(none)".to_owned(), |a| {
            project.actor(a).expect("a").name.clone()
        });
        *expected.entry((who, c.category.clone())).or_default() += 1.0;
    }
    let mut got = BTreeMap::new();
    for (r, row) in g.rows.iter().enumerate() {
        for (c, col) in g.cols.iter().enumerate() {
            if g.values[r][c] > 0.0 {
                got.insert((row.text.clone(), col.text.clone()), g.values[r][c]);
            }
        }
    }
    assert_eq!(got, expected);
    let all: f64 = expected.values().sum();
    assert_eq!(g.total, all);
    assert_eq!(g.rows.last().map(|h| h.text.as_str()), Some("(none)"));
    let r = g
        .rows
        .iter()
        .position(|h| h.text == "Peru")
        .expect("Peru row");
    let row_sum: f64 = (0..g.cols.len()).filter_map(|c| g.row_percent(r, c)).sum();
    assert!((row_sum - 100.0).abs() < 1e-9);
    // A cell's chips narrow the query to the hits behind it.
    let c = g
        .cols
        .iter()
        .position(|h| h.text == "AGREE")
        .expect("AGREE column");
    let narrowed = Query::default()
        .and(g.rows[r].chip.clone().expect("chip"))
        .and(g.cols[c].chip.clone().expect("chip"));
    assert_eq!(
        select(&index, &narrowed).expect("rows").len() as f64,
        g.values[r][c]
    );
}

#[test]
fn dyads_sum_goldstein_scores_optionally_weighted_by_strength() {
    let project = fixture::corpus();
    let index = Index::build(&project);
    // Published values (Goldstein 1992 as adapted to CAMEO) of the categories' codes:
    // AGREE 030, COOPERATE 031, CONSULT 036, SUPPORT 032.
    let score = |category: &str| match category {
        "AGREE" => 4.0,
        "COOPERATE" => 5.2,
        "CONSULT" => 4.0,
        "SUPPORT" => 4.5,
        other => panic!("{other}"),
    };
    let weight = |s: &str| match s {
        "certain" => 1.0,
        "probable" => 0.75,
        "possible" => 0.5,
        _ => 0.25,
    };
    for weighted in [false, true] {
        let g = grid(
            &index,
            &q("kind:commitment"),
            Dim::Field(Field::Committer),
            Dim::Field(Field::Addressee),
            Measure::Goldstein { weighted },
        )
        .expect("grid");
        let mut expected = 0.0;
        for (_, c) in commitments(&project) {
            if c.committer == Some(WANG) && c.addressees.contains(&PERU) {
                expected += score(&c.category) * if weighted { weight(&c.strength) } else { 1.0 };
            }
        }
        let r = g
            .rows
            .iter()
            .position(|h| h.text == "Wang Yi")
            .expect("row");
        let c = g.cols.iter().position(|h| h.text == "Peru").expect("col");
        assert!(expected > 0.0);
        assert!(
            (g.values[r][c] - expected).abs() < 1e-9,
            "{} vs {expected}",
            g.values[r][c]
        );
    }
}

#[test]
fn monthly_buckets_count_every_hit_and_undated_documents_apart() {
    let project = fixture::corpus();
    let index = Index::build(&project);
    let s = series(
        &index,
        &q("kind:stance"),
        Period::Month,
        Some(Field::Polarity),
    )
    .expect("series");
    let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut undated: BTreeMap<String, usize> = BTreeMap::new();
    for d in &project.documents {
        for st in &d.stances {
            match d.meta.date {
                Some(date) => {
                    let month = format!("{}-{:02}", date.year(), date.month());
                    *expected.entry((st.polarity.clone(), month)).or_default() += 1;
                }
                None => *undated.entry(st.polarity.clone()).or_default() += 1,
            }
        }
    }
    let mut got = BTreeMap::new();
    for (k, key) in s.keys.iter().enumerate() {
        for (p, label) in s.labels.iter().enumerate() {
            if s.counts[k][p] > 0 {
                got.insert((key.clone(), label.clone()), s.counts[k][p]);
            }
        }
        assert_eq!(
            s.undated[k],
            undated.get(key).copied().unwrap_or(0),
            "{key}"
        );
    }
    assert_eq!(got, expected);
    assert!(s.undated_total() > 0, "undated stances are counted");
    // Months run without gaps from the first to the last.
    let first = NaiveDate::from_ymd_opt(2019, 1, 1).expect("d");
    assert_eq!(s.labels.first().map(String::as_str), Some("2019-01"));
    assert_eq!(
        s.ordinals.windows(2).filter(|w| w[1] != w[0] + 1).count(),
        0
    );
    assert_eq!(Period::Month.ordinal(first), s.ordinals[0]);
}

#[test]
fn a_stance_line_scores_each_period_and_marks_where_the_sign_flips() {
    let project = fixture::corpus();
    let index = Index::build(&project);
    let lines = stance_lines(&index, &q("analyst:ana"), Period::Quarter).expect("lines");
    assert!(!lines.is_empty());
    for line in &lines {
        let holder = project.actor_by_name(&line.holder).expect("holder").id;
        // Recount the line from the model.
        let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for d in &project.documents {
            let Some(date) = d.meta.date else { continue };
            for st in d.stances.iter().filter(|s| s.stamp.annotator == "ana") {
                let target = match &st.target {
                    Some(StanceTarget::Actor(a)) => project.actor(*a).expect("a").name.clone(),
                    Some(StanceTarget::Topic(t)) => t.clone(),
                    None => continue,
                };
                if st.holder != Some(holder) || target != line.target {
                    continue;
                }
                let label = format!("{}-Q{}", date.year(), date.month0() / 3 + 1);
                let e = per.entry(label).or_default();
                match st.polarity.as_str() {
                    "favor" => e.0 += 1,
                    "against" => e.1 += 1,
                    _ => {}
                }
            }
        }
        let mut last = 0.0f64;
        for p in &line.points {
            let (f, a) = per.get(&p.label).copied().unwrap_or_default();
            assert_eq!(
                (p.favor, p.against),
                (f, a),
                "{} on {} in {}",
                line.holder,
                line.target,
                p.label
            );
            let score = (f + a > 0).then(|| (f as f64 - a as f64) / (f + a) as f64);
            assert_eq!(p.score, score);
            let sign = match score {
                Some(s) if s > 0.0 => 1.0,
                Some(s) if s < 0.0 => -1.0,
                _ => 0.0,
            };
            assert_eq!(p.flip, sign != 0.0 && last != 0.0 && sign != last);
            if sign != 0.0 {
                last = sign;
            }
            assert_eq!(p.hits.len(), p.favor + p.against + p.other);
        }
    }
    assert!(
        lines.iter().any(|l| l.points.iter().any(|p| p.flip)),
        "some line flips"
    );
}

#[test]
fn consistency_checks_are_query_presets() {
    let project = fixture::corpus();
    let index = Index::build(&project);
    let count = |text: &str| select(&index, &q(text)).expect("rows").len();
    assert_eq!(
        count("check:no-committer"),
        commitments(&project)
            .filter(|(_, c)| c.committer.is_none())
            .count()
    );
    let no_target: usize = project
        .documents
        .iter()
        .map(|d| d.stances.iter().filter(|s| s.target.is_none()).count())
        .sum();
    assert_eq!(count("check:no-target"), no_target);
    // Speakers never mentioned by that analyst in the document.
    let mut unmentioned = 0;
    for d in &project.documents {
        for s in &d.statements {
            let Some(speaker) = s.speaker else { continue };
            if !d
                .mentions
                .iter()
                .any(|m| m.actor == speaker && m.stamp.annotator == s.stamp.annotator)
            {
                unmentioned += 1;
            }
        }
    }
    assert!(unmentioned > 0);
    assert_eq!(count("check:speaker-not-mentioned"), unmentioned);
    // Commitments on the same text in one document, coded by one analyst with two
    // categories or more, are all flagged.
    let mut groups: BTreeMap<(Id, String, String), Vec<String>> = BTreeMap::new();
    for d in &project.documents {
        for c in &d.commitments {
            let s = d
                .statements
                .iter()
                .find(|s| s.id == c.statement)
                .expect("statement");
            let text = s.span.ranges[0].text.trim().to_owned();
            groups
                .entry((d.id, c.stamp.annotator.clone(), text))
                .or_default()
                .push(c.category.clone());
        }
    }
    let mut mixed = 0;
    for cats in groups.values() {
        let mut distinct = cats.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() > 1 {
            mixed += cats.len();
        }
    }
    assert!(mixed > 0);
    assert_eq!(count("kind:commitment check:mixed-categories"), mixed);
}
