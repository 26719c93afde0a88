//! Properties of the agreement figures over whole projects: identical layers agree fully,
//! the figures do not depend on which analyst is named first, nor on the order of the
//! documents.

use demarche::agreement::report::{FigureRow, rows};
use demarche::agreement::{Selection, compute};
use demarche::model::{Id, Project};
use demarche::synth;
use proptest::prelude::*;

fn pooled(project: &Project) -> Vec<FigureRow> {
    let report = compute(project, &Selection::default()).expect("figures");
    rows(&report, false)
}

/// Rows as comparable keys, figures rounded off the last bits of floating-point sums.
fn keyed(rows: &[FigureRow]) -> Vec<(String, String, String, Option<i64>, usize)> {
    let mut out: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.layer.to_owned(),
                r.measure.clone(),
                r.coefficient.to_owned(),
                r.value.map(|v| (v * 1e9).round() as i64),
                r.matched,
            )
        })
        .collect();
    out.sort();
    out
}

/// `project` with a second analyst, "ben", whose layer is an exact copy of "ana"'s.
fn twin_layers(mut project: Project) -> Project {
    project = synth::team::team_layers(project, &["ana"], 1);
    let shift = |id: Id| Id(id.0 + (1 << 40));
    for doc in &mut project.documents {
        let stamp = |s: &demarche::model::Stamp| demarche::model::Stamp {
            annotator: "ben".into(),
            ..s.clone()
        };
        let mentions: Vec<_> = doc
            .mentions
            .iter()
            .map(|m| demarche::model::Mention {
                id: shift(m.id),
                stamp: stamp(&m.stamp),
                ..m.clone()
            })
            .collect();
        let statements: Vec<_> = doc
            .statements
            .iter()
            .map(|s| demarche::model::Statement {
                id: shift(s.id),
                stamp: stamp(&s.stamp),
                ..s.clone()
            })
            .collect();
        let commitments: Vec<_> = doc
            .commitments
            .iter()
            .map(|c| demarche::model::Commitment {
                id: shift(c.id),
                statement: shift(c.statement),
                stamp: stamp(&c.stamp),
                ..c.clone()
            })
            .collect();
        let stances: Vec<_> = doc
            .stances
            .iter()
            .map(|s| demarche::model::Stance {
                id: shift(s.id),
                statement: shift(s.statement),
                stamp: stamp(&s.stamp),
                ..s.clone()
            })
            .collect();
        let tags: Vec<_> = doc
            .tags
            .iter()
            .map(|t| demarche::model::Tag {
                id: shift(t.id),
                stamp: stamp(&t.stamp),
                ..t.clone()
            })
            .collect();
        doc.mentions.extend(mentions);
        doc.statements.extend(statements);
        doc.commitments.extend(commitments);
        doc.stances.extend(stances);
        doc.tags.extend(tags);
        doc.sort_annotations();
    }
    project
}

fn renamed(mut project: Project, swap: (&str, &str)) -> Project {
    let other = |name: &str| {
        if name == swap.0 {
            swap.1.to_owned()
        } else if name == swap.1 {
            swap.0.to_owned()
        } else {
            name.to_owned()
        }
    };
    for doc in &mut project.documents {
        for a in &mut doc.mentions {
            a.stamp.annotator = other(&a.stamp.annotator);
        }
        for a in &mut doc.statements {
            a.stamp.annotator = other(&a.stamp.annotator);
        }
        for a in &mut doc.commitments {
            a.stamp.annotator = other(&a.stamp.annotator);
        }
        for a in &mut doc.stances {
            a.stamp.annotator = other(&a.stamp.annotator);
        }
        for a in &mut doc.tags {
            a.stamp.annotator = other(&a.stamp.annotator);
        }
        for a in &mut doc.links {
            a.stamp.annotator = other(&a.stamp.annotator);
        }
    }
    project
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn identical_layers_agree_fully(seed in 0u64..1000) {
        let project = twin_layers(synth::project(4, 2500, 200, seed));
        for row in pooled(&project) {
            match (row.coefficient, row.value) {
                // Undefined only where nothing varies (one value throughout).
                (_, None) => {}
                (_, Some(v)) => prop_assert!((v - 1.0).abs() < 1e-9, "{row:?}"),
            }
            prop_assert!(row.unmatched.values().all(|n| *n == 0), "{row:?}");
        }
    }

    #[test]
    fn naming_the_analysts_the_other_way_round_changes_nothing(seed in 0u64..1000) {
        let project = synth::team::team_layers(synth::project(4, 2500, 200, seed), &["ana", "ben"], seed);
        let swapped = renamed(project.clone(), ("ana", "ben"));
        let (a, b) = (pooled(&project), pooled(&swapped));
        prop_assert_eq!(keyed(&a), keyed(&b));
    }

    #[test]
    fn the_order_of_documents_changes_nothing(seed in 0u64..1000, rotate in 1usize..4) {
        let project = synth::team::team_layers(synth::project(4, 2500, 200, seed), &["ana", "ben", "cy"], seed);
        let mut shuffled = project.clone();
        shuffled.documents.rotate_left(rotate);
        shuffled.documents.swap(0, 1);
        prop_assert_eq!(keyed(&pooled(&project)), keyed(&pooled(&shuffled)));
    }
}

#[test]
fn three_analysts_give_every_pair_and_all_together_with_coverage() {
    let project =
        synth::team::team_layers(synth::project(6, 2500, 300, 5), &["ana", "ben", "cy"], 5);
    let report = compute(&project, &Selection::default()).expect("figures");
    let scopes: Vec<Vec<String>> = report.layers[0]
        .scopes
        .iter()
        .map(|s| s.analysts.clone())
        .collect();
    assert_eq!(
        scopes,
        [
            vec!["ana", "ben"],
            vec!["ana", "cy"],
            vec!["ben", "cy"],
            vec!["ana", "ben", "cy"],
        ]
        .map(|s| s.iter().map(|n| n.to_string()).collect::<Vec<_>>())
    );
    for layer in &report.layers {
        for scope in &layer.scopes {
            assert_eq!(scope.documents, 6);
            assert_eq!(scope.per_document.len(), 6);
            let coded: usize = scope.coverage.units.values().sum();
            let unmatched: usize = scope.coverage.unmatched.values().sum();
            assert!(unmatched <= coded);
            // κ is for two analysts only.
            let two = scope.analysts.len() == 2;
            assert!(scope.attributes.iter().all(|a| a.kappa.is_some() == two));
        }
    }
    // Restricting to two analysts gives that pair's figures and nothing else.
    let pair = compute(
        &project,
        &Selection {
            analysts: vec!["cy".into(), "ana".into()],
            ..Selection::default()
        },
    )
    .expect("figures");
    assert_eq!(pair.layers[0].scopes.len(), 1);
    let json = |s| serde_json::to_string_pretty(s).expect("json");
    let (alone, among) = (
        json(&pair.layers[0].scopes[0]),
        json(&report.layers[0].scopes[1]),
    );
    for (a, b) in alone.lines().zip(among.lines()) {
        assert_eq!(a, b);
    }
}
