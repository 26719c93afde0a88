//! Curation through the library and the command line: units and their status, taking a
//! version with a reason, "none is right", auto-merge that leaves only the disagreement
//! and never touches the curator's decisions, `demarche curate --auto`.

use crate::curation_support::{ALICE, BOB, two_analysts};
use demarche::agreement::Layer;
use demarche::curation::{self, Planner, Rule, Status};
use demarche::edit::Edit;
use demarche::model::{CURATED, Outcome, Project};
use demarche::persist;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

fn commitment_unit(project: &Project) -> usize {
    let units = curation::units(&project.documents[0]);
    units
        .iter()
        .position(|u| u.layer == Layer::Commitments)
        .expect("a commitment unit")
}

#[test]
fn the_units_agree_except_the_commitment_whose_strength_differs() {
    let (project, _) = two_analysts();
    let doc = &project.documents[0];
    let units = curation::units(doc);
    let disagreeing: Vec<_> = units.iter().filter(|u| u.status != Status::Agree).collect();
    assert_eq!(disagreeing.len(), 1, "{disagreeing:?}");
    assert_eq!(disagreeing[0].layer, Layer::Commitments);
    assert_eq!(disagreeing[0].status, Status::Disagree);
    assert_eq!(disagreeing[0].versions.len(), 2);
    let progress = curation::Progress::of(doc);
    assert_eq!((progress.curated, progress.open_disagreements), (0, 1));
    assert_eq!(progress.units, units.len());
}

#[test]
fn taking_bobs_commitment_takes_his_statement_with_it_and_records_the_reason() {
    let (mut project, document) = two_analysts();
    let before = project.clone();
    let doc = project.document(document).expect("doc").clone();
    let units = curation::units(&doc);
    let at = commitment_unit(&project);
    let bob = units[at]
        .versions
        .iter()
        .position(|v| &*v.analyst == BOB)
        .expect("bob's version");
    let mut ids = project.id_allocator(CURATED);
    let mut planner = Planner::new(&doc, &units, &mut ids, "carol");
    let taken = Outcome::Took {
        analyst: BOB.into(),
    };
    let result = planner
        .take(at, bob, taken.clone(), "the text hedges", true)
        .expect("taken");
    Edit::Batch(planner.finish())
        .apply(&mut project)
        .expect("applies");
    let doc = project.document(document).expect("doc");
    let curated = doc
        .commitments
        .iter()
        .find(|c| c.id == result)
        .expect("the curated commitment");
    assert_eq!(curated.stamp.annotator, CURATED);
    assert_eq!(curated.strength, "probable");
    let statement = doc
        .statements
        .iter()
        .find(|s| s.id == curated.statement)
        .expect("its statement is curated too");
    assert_eq!(statement.stamp.annotator, CURATED);
    let decision = units[at].decision(doc).expect("the decision");
    assert_eq!(decision.outcome, taken);
    assert_eq!(decision.reason, "the text hedges");
    assert_eq!(decision.curator, "carol");
    assert_eq!(decision.result, Some(result));
    assert_eq!(
        doc.curation.len(),
        2,
        "the commitment's and its statement's"
    );
    // The analysts' layers are untouched.
    for analyst in [ALICE, BOB] {
        assert_eq!(
            demarche::model::layers::layer_document(doc, analyst),
            demarche::model::layers::layer_document(
                before.document(document).expect("doc"),
                analyst
            )
        );
    }
}

#[test]
fn auto_merge_leaves_only_the_disagreement_and_a_rerun_changes_nothing() {
    let (mut project, document) = two_analysts();
    let (edit, merged) = curation::auto_merge(&project, Rule::default(), "carol").expect("plans");
    let units = curation::units(project.document(document).expect("doc"));
    assert_eq!(merged.taken, units.len() - 1);
    assert_eq!(merged.documents, 1);
    edit.apply(&mut project).expect("applies");
    let doc = project.document(document).expect("doc");
    let open: Vec<_> = units.iter().filter(|u| u.decision(doc).is_none()).collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].layer, Layer::Commitments);
    assert!(doc.curation.iter().all(|d| matches!(
        &d.outcome,
        Outcome::Agreed { analysts } if analysts == &[ALICE.to_owned(), BOB.to_owned()]
    )));
    assert_eq!(
        curation::next_open(doc, &units, None),
        Some(
            units
                .iter()
                .position(|u| u.layer == Layer::Commitments)
                .expect("unit")
        )
    );
    let (again, merged) = curation::auto_merge(&project, Rule::default(), "carol").expect("plans");
    assert!(again.is_empty());
    assert_eq!(merged.taken, 0);
    assert_eq!(merged.already_decided, units.len() - 1);
}

#[test]
fn auto_merge_never_replaces_the_curators_decisions() {
    let (mut project, document) = two_analysts();
    let doc = project.document(document).expect("doc").clone();
    let units = curation::units(&doc);
    let mention = units
        .iter()
        .position(|u| u.layer == Layer::Mentions)
        .expect("a mention unit");
    let mut ids = project.id_allocator(CURATED);
    let mut planner = Planner::new(&doc, &units, &mut ids, "carol");
    planner
        .none_right(mention, "not an actor")
        .expect("decided");
    Edit::Batch(planner.finish())
        .apply(&mut project)
        .expect("applies");
    let (edit, _) = curation::auto_merge(&project, Rule::default(), "carol").expect("plans");
    edit.apply(&mut project).expect("applies");
    let doc = project.document(document).expect("doc");
    let decision = units[mention].decision(doc).expect("kept");
    assert_eq!(decision.outcome, Outcome::NoneRight);
    assert_eq!(decision.reason, "not an actor");
    let curated_mentions = doc
        .mentions
        .iter()
        .filter(|m| m.stamp.annotator == CURATED)
        .count();
    let mention_units = units.iter().filter(|u| u.layer == Layer::Mentions).count();
    assert_eq!(curated_mentions, mention_units - 1);
}

#[test]
fn a_threshold_of_two_also_takes_a_unit_two_of_three_analysts_agree_on() {
    let (mut project, document) = two_analysts();
    // carol codes the commitment as bob did: two of three agree on it.
    let doc = project.document(document).expect("doc").clone();
    let bobs = doc
        .commitments
        .iter()
        .find(|c| c.stamp.annotator == BOB)
        .expect("bob's commitment")
        .clone();
    let bobs_statement = doc
        .statements
        .iter()
        .find(|s| s.id == bobs.statement)
        .expect("statement")
        .clone();
    let mut ids = project.id_allocator("carol");
    let mut s = bobs_statement;
    s.id = ids.fresh().expect("id");
    s.stamp = demarche::model::Stamp::now("carol");
    let mut c = bobs;
    c.id = ids.fresh().expect("id");
    c.statement = s.id;
    c.stamp = demarche::model::Stamp::now("carol");
    Edit::Batch(vec![
        Edit::AddAnnotation {
            document,
            annotation: demarche::model::Annotation::Statement(s),
        },
        Edit::AddAnnotation {
            document,
            annotation: demarche::model::Annotation::Commitment(c),
        },
    ])
    .apply(&mut project)
    .expect("carol coded");
    let (_, unanimous) = curation::auto_merge(&project, Rule::default(), "dan").expect("plans");
    let rule = Rule { threshold: Some(2) };
    let (edit, with_threshold) = curation::auto_merge(&project, rule, "dan").expect("plans");
    // Only the statement has all three analysts; with the threshold, the mentions alice
    // and bob agree on and the commitment bob and carol agree on go too.
    assert_eq!(unanimous.taken, 1);
    let units = curation::units(project.document(document).expect("doc"));
    assert_eq!(with_threshold.taken, units.len());
    edit.apply(&mut project).expect("applies");
    let doc = project.document(document).expect("doc");
    let curated = doc
        .commitments
        .iter()
        .find(|c| c.stamp.annotator == CURATED)
        .expect("the commitment two analysts agree on");
    assert_eq!(curated.strength, "probable");
}

#[test]
fn the_command_line_auto_merges_once_and_a_second_run_changes_nothing() {
    let (project, _) = two_analysts();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let path = tmp.path().join("p.ron");
    persist::save(&project, &path).expect("saved");
    let run = || {
        Command::new(BIN)
            .args(["curate", "--auto", "--as", "carol"])
            .arg(&path)
            .output()
            .expect("runs")
    };
    let first = run();
    let said = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(
        first.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let units = curation::units(&project.documents[0]).len();
    assert!(
        said.contains(&format!(
            "auto-merged {} units on 1 document as carol",
            units - 1
        )),
        "{said}"
    );
    let saved = std::fs::read(&path).expect("read");
    let loaded = persist::load(&path).expect("loads").project;
    assert_eq!(loaded.documents[0].curation.len(), units - 1);
    assert!(
        loaded.documents[0]
            .curation
            .iter()
            .all(|d| d.curator == "carol")
    );

    // The curated layer exports like any analyst's.
    let out = tmp.path().join("curated-csv");
    let export = Command::new(BIN)
        .args(["export", "--format", "csv", "--analyst", CURATED, "--out"])
        .arg(&out)
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let exported: usize = std::fs::read_dir(&out)
        .expect("the export folder")
        .flatten()
        .filter(|e| e.file_name() != "documents.csv" && e.file_name() != "progress.csv")
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .map(|csv| csv.lines().filter(|l| l.contains(CURATED)).count())
        .sum();
    let curated_annotations = loaded.documents[0]
        .annotators()
        .filter(|a| *a == CURATED)
        .count();
    assert!(curated_annotations > 0);
    assert!(
        exported >= curated_annotations,
        "{exported} curated rows for {curated_annotations} curated annotations"
    );

    let second = run();
    assert!(second.status.success());
    let said = String::from_utf8_lossy(&second.stdout);
    assert!(
        said.contains("auto-merged 0 units") && said.contains("left unchanged"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        saved,
        "nothing rewritten"
    );

    let refused = Command::new(BIN)
        .args(["curate", "--auto", "--threshold", "1"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("2 or more"));
}
