//! Helpers shared by the persistence tests: fixtures, scratch folders, and checks that a
//! failed load left everything as it was.

#![allow(dead_code)] // each test file uses a different part

use demarche::persist::{self, LoadError, Problem, ProblemKind};
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/projects")
        .join(name)
}

/// The canonical two-document fixture (accents, CJK, curly quotes, emoji, a discontinuous
/// span, every kind of annotation).
pub const BOGOTA: &str = "bogota-visit.ron";

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture is readable UTF-8")
}

/// A private folder holding one project file.
pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Scratch {
    pub fn with_bytes(bytes: &[u8]) -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("project.ron");
        std::fs::write(&path, bytes).expect("write scratch project");
        Self { dir, path }
    }

    pub fn with_text(text: &str) -> Self {
        Self::with_bytes(text.as_bytes())
    }

    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).expect("read scratch project")
    }

    /// File names in the folder, sorted.
    pub fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("list scratch folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// `text` with the first `from` after the first `anchor` replaced by `to`.
pub fn replace_after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let a = text
        .find(anchor)
        .unwrap_or_else(|| panic!("anchor {anchor:?} not in text"));
    let f = a + text[a..]
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not after {anchor:?}"));
    format!("{}{to}{}", &text[..f], &text[f + from.len()..])
}

/// 1-based line of the first occurrence of `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    1 + text[..at].matches('\n').count()
}

/// Loads a file that must fail as invalid, checking that the file and its folder are
/// exactly as before; returns the problems.
pub fn load_invalid(scratch: &Scratch) -> Vec<Problem> {
    let before = scratch.bytes();
    let listing = scratch.listing();
    let error = persist::load(&scratch.path).expect_err("the file must not load");
    assert_eq!(scratch.bytes(), before, "loading changed the file");
    assert_eq!(
        scratch.listing(),
        listing,
        "loading created or removed files"
    );
    let message = error.to_string();
    assert!(
        message.contains(&scratch.path.display().to_string()),
        "the message names the file: {message}"
    );
    match error {
        LoadError::Invalid { problems, .. } => problems,
        other => panic!("expected an invalid-file error, got {other}"),
    }
}

/// The only problem of a failed load, which must be of `kind`.
pub fn single_problem(problems: &[Problem], kind: ProblemKind) -> &Problem {
    assert_eq!(
        problems.len(),
        1,
        "expected one problem, got {}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(problems[0].kind, kind, "{}", problems[0]);
    &problems[0]
}
