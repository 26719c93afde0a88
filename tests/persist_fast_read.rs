//! The fast reader of canonical project files: it reads what Demarche writes, gives the
//! same value as `ron` for it, and never accepts a text `ron` refuses or reads it
//! differently (a mutated file either gives `ron`'s value or is left to `ron`).

use crate::fuzz_loaders::{mutate, mutation, project_files};
use crate::properties::{build, project_recipe};
use demarche::model::Project;
use demarche::persist::folder::{self, DocumentPart, LayerPart, ProjectPart};
use demarche::persist::{self, fast_read};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use std::path::Path;

/// The project a text holds as `ron` reads it, if any.
fn by_ron(text: &str) -> Option<Project> {
    ron::from_str(text).ok()
}

#[test]
fn the_demo_and_the_fixtures_are_read_as_ron_reads_them() {
    for bytes in project_files() {
        let text = String::from_utf8(bytes).expect("UTF-8");
        let text = persist::to_canonical_string(
            &persist::from_str(&text, Path::new("p"))
                .expect("loads")
                .project,
        );
        let fast: Project = fast_read::from_str(&text).expect("the canonical form is read fast");
        assert_eq!(Some(fast), by_ron(&text));
    }
}

#[test]
fn escapes_and_every_script_come_back_as_written() {
    let value: Vec<(String, Option<u32>)> = vec![
        (
            "quote \" backslash \\ tab \t newline \n nul \0".into(),
            Some(7),
        ),
        ("王毅 · وزير · Müller · 🇨🇳 · \u{200b}\u{202e}".into(), None),
    ];
    let text =
        ron::ser::to_string_pretty(&value, ron::ser::PrettyConfig::default()).expect("written");
    assert!(text.contains("\\u{200b}"), "{text}");
    let fast: Vec<(String, Option<u32>)> = fast_read::from_str(&text).expect("read fast");
    assert_eq!(fast, value);
}

#[test]
fn what_demarche_never_writes_is_left_to_ron() {
    for text in [
        "// a comment\n[1]",
        "[1, /* two */ 2]",
        "Point(x: 1)",
        "[1.5]",
        "['a']",
        "[r\"raw\"]",
        "[0x10]",
        "[1_000]",
        "[007]",
        "[\"\\x41\"]",
        "#![enable(implicit_some)]\n[1]",
        "[1] trailing",
    ] {
        assert!(
            fast_read::from_str::<Vec<serde::de::IgnoredAny>>(text).is_err()
                && fast_read::from_str::<Vec<u32>>(text).is_err(),
            "{text}"
        );
    }
}

#[test]
fn a_folder_s_parts_are_read_fast() {
    let project = build_demo();
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("p");
    folder::create(&dir, &project).expect("created");
    let mut read = 0;
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.expect("listed");
        let relative = entry.path().strip_prefix(&dir).expect("inside");
        let Some(kind) = folder::layout::kind_of(relative) else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let ok = match kind {
            folder::layout::PartKind::Project => fast_read::from_str::<ProjectPart>(&text).is_ok(),
            folder::layout::PartKind::Actor => {
                fast_read::from_str::<demarche::model::Actor>(&text).is_ok()
            }
            folder::layout::PartKind::Document => {
                fast_read::from_str::<DocumentPart>(&text).is_ok()
            }
            folder::layout::PartKind::Layer => fast_read::from_str::<LayerPart>(&text).is_ok(),
        };
        assert!(ok, "{} is not read fast", relative.display());
        read += 1;
    }
    assert!(read > 10, "only {read} parts");
}

fn build_demo() -> Project {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("project-files/demo.ron"),
    )
    .expect("the demo");
    persist::from_str(&text, Path::new("demo.ron"))
        .expect("loads")
        .project
}

proptest! {
    #![proptest_config(Config { cases: 48, ..Config::default() })]

    #[test]
    fn generated_projects_are_read_as_written(recipe in project_recipe()) {
        let project = build(&recipe);
        let text = persist::to_canonical_string(&project);
        let fast: Project = fast_read::from_str(&text).expect("the canonical form is read fast");
        prop_assert_eq!(&fast, &project);
    }
}

proptest! {
    #![proptest_config(Config { cases: 600, failure_persistence: None, ..Config::default() })]

    #[test]
    fn a_mutated_file_is_read_as_ron_reads_it_or_left_to_ron(
        base in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let files = project_files();
        let base = &files[base.index(files.len())];
        let Ok(text) = String::from_utf8(mutate(base, &files, &mutations)) else {
            return Ok(());
        };
        if let Ok(fast) = fast_read::from_str::<Project>(&text) {
            prop_assert_eq!(Some(fast), by_ron(&text));
        }
    }
}
