//! The benchmark projects of a team: the generated project's work split over three
//! analysts, and the 10,000-document folder (generated once into the cache).

use demarche::model::Project;
use demarche::persist::folder;
use demarche::synth;
use std::path::PathBuf;
use std::time::Instant;

/// The analysts the generated annotations are split over.
pub const ANALYSTS: [&str; 3] = ["ana.souza", "li.wei", "jörg.müller"];

/// Gives the generated project's work to three analysts (the generator uses four names).
pub fn split_over_three(mut project: Project) -> Project {
    let analyst_of = |name: &str| -> String {
        let i = ["ana.souza", "li.wei", "jörg.müller", "m.garcía"]
            .iter()
            .position(|n| *n == name)
            .unwrap_or(0);
        ANALYSTS[i % ANALYSTS.len()].to_owned()
    };
    for d in &mut project.documents {
        for a in &mut d.mentions {
            a.stamp.annotator = analyst_of(&a.stamp.annotator);
        }
        for a in &mut d.statements {
            a.stamp.annotator = analyst_of(&a.stamp.annotator);
        }
        for a in &mut d.commitments {
            a.stamp.annotator = analyst_of(&a.stamp.annotator);
        }
        for a in &mut d.stances {
            a.stamp.annotator = analyst_of(&a.stamp.annotator);
        }
        for a in &mut d.tags {
            a.stamp.annotator = analyst_of(&a.stamp.annotator);
        }
        for a in &mut d.links {
            a.stamp.annotator = analyst_of(&a.stamp.annotator);
        }
        d.meta.progress = std::mem::take(&mut d.meta.progress)
            .into_iter()
            .map(|(name, status)| (analyst_of(&name), status))
            .collect();
    }
    for r in &mut project.rejected_suggestions {
        r.analyst = analyst_of(&r.analyst);
    }
    project.rejected_suggestions.sort();
    project.rejected_suggestions.dedup();
    project
}

/// The 10,000-document folder, generated once into the cache.
pub fn large_folder() -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let dir = target.join("bench-cache").join("folder-10k");
    let done = target.join("bench-cache").join("folder-10k.done");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(dir.parent().expect("a parent"));
        let started = Instant::now();
        let project = split_over_three(synth::project(10_000, 5_000, 1_000_000, 2027));
        folder::create(&dir, &project).expect("created");
        std::fs::write(&done, "").expect("marker");
        println!(
            "Generated the 10,000-document folder in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    dir
}
