//! The bundled demo project: the first thing a new user sees, and what the window embeds.

use demarche::model::{Project, StanceTarget};
use demarche::persist;
use std::collections::BTreeSet;
use std::path::Path;

// The builder's own code, so that the committed file is checked against what it generates.
#[allow(dead_code)]
#[path = "../examples/build_demo.rs"]
mod build_demo;

/// The file as committed, the way the window embeds it.
const DEMO: &str = include_str!("../project-files/demo.ron");

fn demo() -> Project {
    match persist::from_str(DEMO, Path::new(build_demo::DEMO_PATH)) {
        Ok(loaded) => loaded.project,
        Err(e) => panic!("the demo does not load: {e}"),
    }
}

#[test]
fn demo_loads_without_problems_and_in_the_current_format() {
    let loaded = persist::from_str(DEMO, Path::new(build_demo::DEMO_PATH)).expect("loads");
    assert_eq!(loaded.migrated_from, None);
    assert_eq!(persist::validate(&loaded.project), Vec::new());
}

#[test]
fn demo_is_canonical() {
    assert_eq!(persist::to_canonical_string(&demo()), DEMO);
}

#[test]
fn demo_is_what_the_builder_writes() {
    let built = build_demo::build().expect("the builder runs");
    assert!(
        persist::to_canonical_string(&built) == DEMO,
        "project-files/demo.ron is stale: run `cargo run --example build_demo`"
    );
}

#[test]
fn demo_has_the_promised_amount_of_annotation() {
    let c = demo().counts();
    assert!(c.documents >= 3, "{c}");
    assert!(c.actors >= 10, "{c}");
    assert!(c.mentions >= 40, "{c}");
    assert!(c.statements >= 15, "{c}");
    assert!(c.commitments >= 4, "{c}");
    assert!(c.stances >= 4, "{c}");
    assert!(c.tags >= 1 && c.links >= 1, "{c:?}");
}

#[test]
fn demo_shows_the_range_of_what_can_be_coded() {
    let p = demo();
    let texts: String = p.documents.iter().map(|d| d.text()).collect();
    for needle in ["Bogotá", "São Paulo", "王毅", "“", "”", "—"] {
        assert!(texts.contains(needle), "no {needle:?} in the articles");
    }

    let mentioned: BTreeSet<&str> = p
        .documents
        .iter()
        .flat_map(|d| d.mentions.iter().map(|m| m.span.text()))
        .map(|t| match t.as_str() {
            "王毅" => "王毅",
            "He" | "he" => "he",
            t if t.contains("top diplomat") => "epithet",
            _ => "",
        })
        .collect();
    for kind in ["王毅", "he", "epithet"] {
        assert!(mentioned.contains(kind), "no mention of kind {kind}");
    }

    let commitments = p.documents.iter().flat_map(|d| &d.commitments);
    let strengths: BTreeSet<&str> = commitments.clone().map(|c| c.strength.as_str()).collect();
    for s in ["certain", "probable", "possible"] {
        assert!(strengths.contains(s), "no {s} commitment");
    }
    assert!(commitments.clone().any(|c| !c.conditions.is_empty()));
    let horizons: BTreeSet<&str> = commitments.map(|c| c.time_horizon.as_str()).collect();
    assert!(horizons.len() >= 3, "{horizons:?}");

    let stances = || p.documents.iter().flat_map(|d| &d.stances);
    let topics: BTreeSet<&str> = stances()
        .filter_map(|s| match &s.target {
            Some(StanceTarget::Topic(t)) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert!(topics.len() >= 4, "{topics:?}");
    assert!(stances().any(|s| matches!(s.target, Some(StanceTarget::Actor(_)))));
    let polarities: BTreeSet<&str> = stances().map(|s| s.polarity.as_str()).collect();
    assert!(polarities.len() >= 3, "{polarities:?}");

    let statements = || p.documents.iter().flat_map(|d| &d.statements);
    let modes: BTreeSet<&str> = statements().map(|s| s.attribution.as_str()).collect();
    assert_eq!(modes, BTreeSet::from(["direct", "narration", "reported"]));
    assert!(statements().any(|s| s.cue.is_some() && s.speaker.is_some()));
    assert!(
        statements().any(|s| s.span.ranges.len() > 1),
        "no discontinuous span"
    );

    assert!(
        p.actors
            .iter()
            .any(|a| a.affiliation.is_some() && !a.role.is_empty())
    );
    assert!(
        p.actors
            .iter()
            .any(|a| a.iso3.is_some() && a.wikidata.is_some())
    );
    assert!(p.documents.iter().any(|d| !d.meta.note.is_empty()));
    assert!(
        p.documents
            .iter()
            .flat_map(|d| d.annotation_ids().filter_map(|id| d.annotation(id)))
            .any(|a| !a.note().is_empty())
    );
}

#[test]
fn every_demo_actor_is_used() {
    let p = demo();
    for actor in &p.actors {
        assert!(
            p.actor_in_use(actor.id),
            "{} is never referred to",
            actor.name
        );
    }
}

#[test]
fn every_demo_actor_has_a_colour_of_its_own() {
    let demo = demo();
    let colours: std::collections::BTreeSet<String> =
        demo.actors.iter().map(|a| a.colour.to_hex()).collect();
    assert_eq!(colours.len(), demo.actors.len());
}

#[test]
fn demo_annotations_are_stamped_by_the_demo_annotator() {
    let p = demo();
    for d in &p.documents {
        for id in d.annotation_ids() {
            let a = d.annotation(id).expect("listed ids exist");
            assert_eq!(a.stamp().annotator, "demo");
        }
    }
}
