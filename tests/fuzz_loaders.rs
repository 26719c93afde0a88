//! Bounded random mutation of real inputs (byte flips, insertions of RON and JSON tokens,
//! deletions, truncations, duplications and splices of other files) through every reader
//! of outside bytes: the project loader, the article importers, and the brat and doccano
//! readers. cargo-fuzz needs a nightly compiler, so this is proptest with a fixed number of
//! cases (a few seconds in release).
//!
//! Each case must end (it runs on a thread given [`CASE_TIME_LIMIT`]) without a panic;
//! what loads must save and load again, an imported document must make a valid project, and
//! a failed load or import leaves the file on disk as it was.

use crate::persist_support::{BOGOTA, Scratch, fixture};
use demarche::interchange::{brat, flat, import_brat, import_jsonl, jsonl};
use demarche::model::{Id, Project};
use demarche::persist::{self, LoadError};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

/// Far beyond what any case needs (milliseconds): reaching it means a hang.
const CASE_TIME_LIMIT: Duration = Duration::from_secs(20);

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs `case` on its own thread: a panic fails with its message, a hang with the input.
fn bounded<T: Send + 'static>(what: &str, case: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(case());
    });
    match result.recv_timeout(CASE_TIME_LIMIT) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what} did not finish in {CASE_TIME_LIMIT:?}")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what} panicked"),
    }
}

/// One change to a file's bytes; positions are fractions of the length, so that a change
/// applies to any file.
#[derive(Clone, Debug)]
pub(crate) enum Mutation {
    Flip(Index, u8),
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Truncate(Index),
    Duplicate(Index, usize),
    /// Bytes of another input put in at a place.
    Splice(Index, usize, Index, usize),
}

/// Pieces of RON, JSON and brat that steer a parser somewhere else than a random byte.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "'",
    "#",
    "/*",
    "//",
    "\n",
    "\r\n",
    "\t",
    " ",
    "0",
    "-1",
    "18446744073709551615",
    "99999999999999999999",
    "1e308",
    "Some(",
    "None",
    "true",
    "r#\"",
    "\u{feff}",
    "é",
    "王",
    "😀",
    "\u{0}",
    "T1\tPerson 0 4\tx\n",
    "R1\tRel Arg1:T1 Arg2:T1\n",
    "#1\tAnnotatorNotes T1\tn\n",
    "[[0, 4, \"X\"]]",
    "{\"text\": \"",
    "\"label\": [",
    "\u{2028}",
];

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(at, bits)| Mutation::Flip(at, bits)),
        (
            any::<Index>(),
            prop::collection::vec(
                prop_oneof![
                    prop::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
                    prop::collection::vec(any::<u8>(), 1..4),
                ],
                1..4
            )
            .prop_map(|pieces| pieces.concat())
        )
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<Index>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete(at, len)),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 1usize..256).prop_map(|(at, len)| Mutation::Duplicate(at, len)),
        (any::<Index>(), any::<usize>(), any::<Index>(), 1usize..512)
            .prop_map(|(at, donor, from, len)| Mutation::Splice(at, donor, from, len)),
    ]
}

pub(crate) fn mutate(base: &[u8], donors: &[Vec<u8>], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for m in mutations {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
        match m {
            Mutation::Flip(i, bits) => {
                if !bytes.is_empty() {
                    let p = i.index(bytes.len());
                    bytes[p] ^= bits | 1;
                }
            }
            Mutation::Insert(i, piece) => {
                let p = at(i, bytes.len());
                bytes.splice(p..p, piece.iter().copied());
            }
            Mutation::Delete(i, len) => {
                let p = at(i, bytes.len());
                let end = (p + len).min(bytes.len());
                bytes.drain(p..end);
            }
            Mutation::Truncate(i) => bytes.truncate(at(i, bytes.len())),
            Mutation::Duplicate(i, len) => {
                let p = at(i, bytes.len());
                let end = (p + len).min(bytes.len());
                let copy = bytes[p..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Splice(i, donor, from, len) => {
                let donor = &donors[donor % donors.len()];
                let start = at(from, donor.len()).min(donor.len());
                let end = (start + len).min(donor.len());
                let p = at(i, bytes.len());
                bytes.splice(p..p, donor[start..end].iter().copied());
            }
        }
    }
    bytes
}

/// Project files to start from: the canonical fixture, the old format, the demo.
pub(crate) fn project_files() -> Vec<Vec<u8>> {
    [
        fixture(BOGOTA),
        fixture("v1-minimal.ron"),
        manifest("project-files/demo.ron"),
    ]
    .iter()
    .map(|p| std::fs::read(p).expect("read a project file"))
    .collect()
}

/// Loads `bytes` from a file; asserts that a failed load left the file and its folder as
/// they were, and that a project that loads also saves and loads again.
fn load_case(bytes: Vec<u8>) {
    let scratch = Scratch::with_bytes(&bytes);
    let listing = scratch.listing();
    let path = scratch.path.clone();
    let result = bounded("loading a mutated project", move || persist::load(&path));
    match result {
        Ok(loaded) => {
            let text = persist::to_canonical_string(&loaded.project);
            let again = persist::from_str(&text, &scratch.path);
            assert!(
                again.is_ok(),
                "a loaded project must load once saved: {again:?}"
            );
        }
        Err(LoadError::Invalid { problems, .. }) => {
            assert!(!problems.is_empty());
            assert!(problems.iter().all(|p| !p.message.is_empty()));
        }
        Err(LoadError::TooNew { .. }) => {}
        Err(other) => panic!("a readable file gave {other}"),
    }
    assert_eq!(scratch.bytes(), bytes, "loading changed the file");
    assert_eq!(
        scratch.listing(),
        listing,
        "loading created or removed files"
    );
}

proptest! {
    #![proptest_config(Config { cases: 1000, failure_persistence: None, ..Config::default() })]

    #[test]
    fn mutated_project_files_load_or_are_refused_and_stay_untouched(
        base in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let files = project_files();
        let base = &files[base.index(files.len())];
        load_case(mutate(base, &files, &mutations));
    }
}

use crate::import_pdf::writer as pdf_writer;

/// A one-page PDF as word processors write them, with a CJK name.
fn small_pdf() -> Vec<u8> {
    let paragraphs = [
        "BEIJING, March 4 — Wang Yi (王毅) met Rosa Quispe Huamán on Monday. \
        “We will open the corridor to every partner,” she said."
            .to_owned(),
    ];
    pdf_writer::write(&pdf_writer::Spec {
        lines: pdf_writer::wrap(&paragraphs, 60, 6.0),
        lines_per_page: 40,
        header: None,
        footer: None,
        info: Vec::new(),
    })
}

/// Small articles of every format the importer reads from bytes.
fn articles() -> Vec<(&'static str, Vec<u8>)> {
    let read = |p: &str| std::fs::read(manifest(p)).expect("read an article fixture");
    vec![
        ("statement.pdf", small_pdf()),
        ("en.txt", read("tests/fixtures/articles/en-utf-8.txt")),
        (
            "fr.txt",
            read("tests/fixtures/articles/fr-windows-1252.txt"),
        ),
        ("zh.txt", read("tests/fixtures/articles/zh-hans-gbk.txt")),
        (
            "en16.txt",
            read("tests/fixtures/articles/en-utf-16le-bom.txt"),
        ),
        (
            "page.html",
            read("tests/fixtures/articles/html/guardian-style.html"),
        ),
        ("zh.html", read("tests/fixtures/articles/html/zh-gbk.html")),
        (
            "statement.md",
            read("tests/fixtures/articles/markdown/cl-jp-statement.md"),
        ),
        (
            "communique.docx",
            read("tests/fixtures/articles/docx/communique.docx"),
        ),
    ]
}

proptest! {
    #![proptest_config(Config { cases: 1500, failure_persistence: None, ..Config::default() })]

    #[test]
    fn mutated_articles_import_as_valid_documents_or_are_refused(
        base in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let inputs = articles();
        let (name, base) = &inputs[base.index(inputs.len())];
        let donors: Vec<Vec<u8>> = inputs.iter().map(|(_, b)| b.clone()).collect();
        let bytes = mutate(base, &donors, &mutations);
        let name = (*name).to_owned();
        let imported = bounded("importing a mutated article", move || {
            demarche::import::import_bytes(&bytes, Some(&name), Id(1))
        });
        if let Ok(document) = imported {
            let mut project = Project::new("fuzz");
            project.documents.push(document);
            let problems = persist::validate(&project);
            prop_assert!(problems.is_empty(), "{problems:?}");
        }
    }
}

/// brat `.ann` files and doccano lines written from the fixture project, plus the foreign
/// files of the export tests.
/// A brat document: its text and its `.ann` bytes.
type BratPair = (String, Vec<u8>);

fn annotation_inputs() -> (Vec<BratPair>, Vec<Vec<u8>>) {
    let project = persist::load(&fixture(BOGOTA))
        .expect("fixture loads")
        .project;
    let mut brat_pairs = Vec::new();
    let mut lines = Vec::new();
    for doc in &project.documents {
        let flat = flat::flatten(&project, doc);
        brat_pairs.push((
            doc.text().to_owned(),
            brat::write_ann(&flat, doc.text()).into_bytes(),
        ));
        lines.push(
            jsonl::relation_line(doc.id.0, &doc.meta.title, doc.text(), &flat)
                .to_string()
                .into_bytes(),
        );
        lines.push(
            jsonl::plain_line(doc.id.0, &doc.meta.title, doc.text(), &flat)
                .to_string()
                .into_bytes(),
        );
    }
    let foreign = manifest("tests/fixtures/export/brat_foreign");
    brat_pairs.push((
        std::fs::read_to_string(foreign.join("news_crlf.txt")).expect("brat text"),
        std::fs::read(foreign.join("news_crlf.ann")).expect("brat annotations"),
    ));
    for name in ["plain.jsonl", "relations.jsonl"] {
        lines.push(
            std::fs::read(manifest("tests/fixtures/export/doccano").join(name))
                .expect("doccano file"),
        );
    }
    (brat_pairs, lines)
}

proptest! {
    #![proptest_config(Config { cases: 1000, failure_persistence: None, ..Config::default() })]

    #[test]
    fn mutated_brat_and_doccano_files_import_validly_or_are_refused(
        base in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
        doccano in any::<bool>(),
    ) {
        let (brat_pairs, lines) = annotation_inputs();
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut donors: Vec<Vec<u8>> = lines.clone();
        donors.extend(brat_pairs.iter().map(|(_, ann)| ann.clone()));
        let (input, bytes) = if doccano {
            let base = &lines[base.index(lines.len())];
            let bytes = mutate(base, &donors, &mutations);
            let path = dir.path().join("labels.jsonl");
            std::fs::write(&path, &bytes).expect("write labels");
            (path, bytes)
        } else {
            let (text, ann) = &brat_pairs[base.index(brat_pairs.len())];
            std::fs::write(dir.path().join("doc.txt"), text).expect("write text");
            let bytes = mutate(ann, &donors, &mutations);
            std::fs::write(dir.path().join("doc.ann"), &bytes).expect("write annotations");
            (dir.path().join("doc.ann"), bytes)
        };
        let (folder, file) = (dir.path().to_owned(), input.clone());
        let project = bounded("importing mutated labels", move || {
            let mut project = Project::new("fuzz");
            let result = if doccano {
                import_jsonl(&mut project, &file, "ana")
            } else {
                import_brat(&mut project, &folder, "ana")
            };
            result.map(|_| project)
        });
        if let Ok(project) = project {
            let problems = persist::validate(&project);
            prop_assert!(problems.is_empty(), "{problems:?}");
        }
        prop_assert_eq!(std::fs::read(&input).expect("read input"), bytes);
    }
}

/// The command line on mutated projects: `validate` and `import` refuse damaged files
/// with a message, never a panic, and leave them byte for byte as they were.
#[test]
fn the_command_line_never_panics_on_a_mutated_project_nor_touches_it() {
    let files = project_files();
    let article = manifest("tests/fixtures/articles/en-utf-8.txt");
    let mut runner = proptest::test_runner::TestRunner::new(Config {
        cases: 16,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (any::<Index>(), prop::collection::vec(mutation(), 1..4));
    let result = runner.run(&strategy, |(base, mutations)| {
        let bytes = mutate(&files[base.index(files.len())], &files, &mutations);
        let scratch = Scratch::with_bytes(&bytes);
        let article = article.to_string_lossy().into_owned();
        for args in [
            vec!["validate", "project.ron"],
            vec!["import", "project.ron", article.as_str()],
        ] {
            let output = Command::new(BIN)
                .args(&args)
                .current_dir(scratch.dir.path())
                .env("DEMARCHE_DATA_DIR", scratch.dir.path())
                .output()
                .expect("the binary runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            prop_assert!(
                output.status.code().is_some(),
                "killed by a signal: {stderr}"
            );
            prop_assert!(!stderr.contains("panicked"), "{stderr}");
            // `validate` never writes; `import` writes only what loaded and took articles.
            if args[0] == "validate" || !output.status.success() {
                prop_assert_eq!(scratch.bytes(), bytes.clone(), "{}", stderr);
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Found by the brat case above (a `.ann` cut after an attribute's name): an attribute
/// without a value became the empty codebook key, and the project would not save.
#[test]
fn brat_attributes_without_a_value_give_the_default_keys() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        dir.path().join("doc.txt"),
        "Wang Yi said China will send aid.",
    )
    .expect("write text");
    std::fs::write(
        dir.path().join("doc.ann"),
        "T1\tStatement 0 33\tWang Yi said China will send aid.\n\
         T2\tCommitment 13 33\tChina will send aid.\n\
         T3\tMention 0 7\tWang Yi\n\
         T4\tStance 13 33\tChina will send aid.\n\
         R1\tInStatement Arg1:T2 Arg2:T1\n\
         R2\tInStatement Arg1:T4 Arg2:T1\n\
         A1\tTimeHorizon T2\n\
         A2\tAttribution T1\n\
         A3\tActorKind T3\n\
         A4\tTopic T4\n",
    )
    .expect("write annotations");
    let mut project = Project::new("brat flags");
    import_brat(&mut project, dir.path(), "ana").expect("the folder imports");
    assert_eq!(persist::validate(&project), vec![]);
    let doc = &project.documents[0];
    assert_eq!(doc.commitments[0].time_horizon, "unspecified");
    assert_eq!(doc.statements[0].attribution, "direct");
    assert_eq!(doc.stances[0].target, None);
}

/// Found by the doccano case above: a span or relation with an empty label became a tag
/// or link with the empty codebook key (an import that would not save). It is now kept
/// under the placeholder `unlabelled`, and the import says so.
#[test]
fn labels_that_are_empty_become_the_placeholder_and_are_reported() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("labels.jsonl");
    std::fs::write(
        &path,
        r#"{"text": "Wang Yi met Rosa Quispe in Lima.", "entities": [{"id": 1, "start_offset": 0, "end_offset": 7, "label": ""}, {"id": 2, "start_offset": 12, "end_offset": 23, "label": "PER"}], "relations": [{"id": 3, "from_id": 1, "to_id": 2, "type": ""}, {"id": 4, "from_id": 2, "to_id": 2, "type": ""}]}"#,
    )
    .expect("write labels");
    let mut project = Project::new("empty labels");
    let report = import_jsonl(&mut project, &path, "ana").expect("the file imports");
    assert_eq!(persist::validate(&project), vec![]);
    let doc = &project.documents[0];
    let categories: Vec<&str> = doc.tags.iter().map(|t| t.category.as_str()).collect();
    assert_eq!(categories, [demarche::interchange::UNLABELLED, "PER"]);
    let labels: Vec<&str> = doc.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, [demarche::interchange::UNLABELLED; 2]);
    assert!(
        report.problems.iter().any(|p| p.contains("no label")),
        "{:?}",
        report.problems
    );
}
