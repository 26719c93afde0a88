//! `demarche suggest PROJECT [--doc ID] [--apply]` as scripts use it: JSON lines whose
//! offsets slice the document text, one document or all, accepting everything, and
//! failures that write nothing. Every test runs the real binary in its own folder.

use demarche::edit::Edit;
use demarche::model::{Id, Project};
use demarche::persist;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

/// A readout with a Han name, accents and curly quotes before the spans that matter, so
/// that byte offsets and code-point offsets differ.
const READOUT: &str = "\
BEIJING, Nov. 20 — Chinese Vice Premier Hé Lìfēng (何立峰) met Chilean Foreign Minister \
Alberto van Klaveren in Beijing on Thursday.

“China will expand imports of Chilean cherries and copper,” Hé said. He added that China \
is willing to work with Chile to upgrade their free trade agreement.

Van Klaveren said Chile firmly supports multilateralism and welcomes Chinese investment \
in lithium processing.
";

/// A second article, written with Windows line endings.
const COMMUNIQUE_CRLF: &str = "Brasília — Brazil and India agreed on Monday to raise \
trade to 20 billion dollars.\r\n\r\nIndian Foreign Minister Subrahmanyam Jaishankar said \
India will open a consulate in São Paulo next year.\r\n";

struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env("DEMARCHE_DATA_DIR", self.dir.path())
            .env("DEMARCHE_ANNOTATOR", "cli-test")
            .output()
            .expect("the binary runs")
    }

    /// A saved project holding the two articles (documents 1 and 2), nothing coded.
    fn project(&self) -> PathBuf {
        let mut project = Project::new("Suggestions");
        let mut ids = demarche::model::IdAllocator::after(None);
        for (name, text) in [
            ("readout.txt", READOUT),
            ("communique.txt", COMMUNIQUE_CRLF),
        ] {
            let doc = demarche::import::import_bytes(
                text.as_bytes(),
                Some(name),
                ids.fresh().expect("a fresh id"),
            )
            .expect("imports");
            Edit::AddDocument(Box::new(doc))
                .apply(&mut project)
                .expect("adds");
        }
        let path = self.path("corpus.ron");
        persist::save(&project, &path).expect("save");
        path
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
}

fn assert_failure(out: &Output) {
    assert!(
        !out.status.success(),
        "expected a failure\nstdout: {}",
        stdout(out)
    );
    assert!(!stderr(out).trim().is_empty(), "a failure says why");
}

fn lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn load(path: &Path) -> Project {
    persist::load(path).expect("loads").project
}

fn key(v: &Value) -> (String, u64, u64, u64) {
    (
        v["kind"].as_str().expect("kind").to_string(),
        v["document"].as_u64().expect("document"),
        v["start"].as_u64().expect("start"),
        v["end"].as_u64().expect("end"),
    )
}

#[test]
fn prints_json_lines_whose_code_point_offsets_slice_the_text() {
    let sandbox = Sandbox::new();
    let path = sandbox.project();
    let before = fs::read(&path).expect("read");
    let out = sandbox.run(&["suggest", "corpus.ron"]);
    assert_success(&out);
    let lines = lines(&out);
    assert!(!lines.is_empty(), "the readout has suggestions");
    let project = load(&path);
    for line in &lines {
        let (kind, document, start, end) = key(line);
        let doc = project
            .document(Id(document))
            .expect("a document of the project");
        let slice = doc
            .slice(start as usize, end as usize)
            .expect("in the text");
        assert_eq!(line["text"].as_str(), Some(slice), "{line}");
        let has = |field: &str| line.get(field).is_some();
        match kind.as_str() {
            "mention" => assert!(line["actor"].is_string(), "{line}"),
            "statement" => assert!(has("speaker") && has("attribution") && has("cue"), "{line}"),
            "commitment" => assert!(
                has("committer")
                    && line["strength"].is_string()
                    && has("action")
                    && has("conditions")
                    && line["addressees"].is_array(),
                "{line}"
            ),
            "stance" => assert!(
                has("holder") && line["polarity"].is_string() && has("target"),
                "{line}"
            ),
            other => panic!("unknown kind {other}"),
        }
        if let (Some(cue), Some(s)) = (line["cue"].as_str(), line["cue_start"].as_u64()) {
            let e = line["cue_end"].as_u64().expect("cue_end with cue_start");
            assert_eq!(doc.slice(s as usize, e as usize), Some(cue));
        }
    }
    // China after the Han name: the offsets count code points, not bytes.
    let text = project.document(Id(1)).expect("readout").text().to_string();
    let china = lines
        .iter()
        .find(|l| l["kind"] == "mention" && l["text"] == "China")
        .expect("a mention of China");
    let start = china["start"].as_u64().expect("start") as usize;
    assert!(
        text.chars()
            .skip(start)
            .collect::<String>()
            .starts_with("China")
    );
    assert!(
        lines.iter().any(|l| l["document"] == 2),
        "both documents are suggested on"
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "printing writes nothing"
    );
}

#[test]
fn doc_limits_the_output_and_an_unknown_doc_fails_without_writing() {
    let sandbox = Sandbox::new();
    let path = sandbox.project();
    let before = fs::read(&path).expect("read");

    for id in ["2", "#2"] {
        let out = sandbox.run(&["suggest", "corpus.ron", "--doc", id]);
        assert_success(&out);
        let lines = lines(&out);
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|l| l["document"] == 2), "only document 2");
    }

    let out = sandbox.run(&["suggest", "corpus.ron", "--doc", "99", "--apply"]);
    assert_failure(&out);
    assert!(stderr(&out).contains("99"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert_eq!(fs::read(&path).expect("read"), before);

    let out = sandbox.run(&["suggest", "corpus.ron", "--doc", "two"]);
    assert_failure(&out);
}

#[test]
fn a_broken_or_missing_project_fails_and_is_left_alone() {
    let sandbox = Sandbox::new();
    let path = sandbox.path("broken.ron");
    fs::write(&path, "(format_version: 1, this is not a project").expect("write");
    let out = sandbox.run(&["suggest", "broken.ron", "--apply"]);
    assert_failure(&out);
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "(format_version: 1, this is not a project"
    );
    assert!(!sandbox.path("broken.ron.bak").exists());

    let out = sandbox.run(&["suggest", "missing.ron"]);
    assert_failure(&out);
    assert!(!sandbox.path("missing.ron").exists());
}

#[test]
fn apply_accepts_everything_validates_and_leaves_nothing_to_suggest_again() {
    let sandbox = Sandbox::new();
    let path = sandbox.project();
    let first = lines(&sandbox.run(&["suggest", "corpus.ron"]));
    let mentions = first.iter().filter(|l| l["kind"] == "mention").count();
    assert!(mentions > 0);

    let out = sandbox.run(&["suggest", "corpus.ron", "--apply"]);
    assert_success(&out);
    assert!(stderr(&out).contains("accepted"), "{}", stderr(&out));
    assert_eq!(lines(&out).len(), first.len(), "it prints what it accepts");

    let validate = sandbox.run(&["validate", "corpus.ron"]);
    assert_success(&validate);
    let project = load(&path);
    let counts = project.counts();
    assert!(counts.mentions >= 1 && counts.actors >= 1, "{counts}");
    let accepted = project
        .documents
        .iter()
        .flat_map(|d| &d.mentions)
        .filter(|m| m.stamp.annotator == "cli-test")
        .count();
    assert_eq!(accepted, counts.mentions, "every mention came from --apply");
    // Actors added in one batch are told apart by colour while the palette lasts.
    let colours: std::collections::BTreeSet<String> =
        project.actors.iter().map(|a| a.colour.to_hex()).collect();
    assert_eq!(
        colours.len(),
        project.actors.len().min(20),
        "{} actors, {} colours",
        project.actors.len(),
        colours.len()
    );

    // Nothing accepted comes back.
    let again = lines(&sandbox.run(&["suggest", "corpus.ron"]));
    let first_keys: Vec<_> = first.iter().map(key).collect();
    let repeated: Vec<_> = again
        .iter()
        .filter(|l| first_keys.contains(&key(l)))
        .collect();
    assert!(
        repeated.is_empty(),
        "suggested again after --apply: {repeated:?}"
    );

    // A second --apply with nothing new leaves the file alone.
    if again.is_empty() {
        let before = fs::read(&path).expect("read");
        let out = sandbox.run(&["suggest", "corpus.ron", "--apply"]);
        assert_success(&out);
        assert_eq!(fs::read(&path).expect("read"), before);
    }
}

#[test]
fn help_names_the_fields() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["suggest", "--help"]);
    assert_success(&out);
    let help = stdout(&out);
    for word in ["--doc", "--apply", "mention", "committer", "polarity"] {
        assert!(help.contains(word), "{word} missing from help");
    }
}

#[test]
fn a_reader_that_leaves_early_stops_the_command_quietly_without_saving() {
    let sandbox = Sandbox::new();
    let path = sandbox.project();
    let before = fs::read(&path).expect("read");
    // `demarche suggest … --apply | head -0`: a pipe whose reader is already gone.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = Command::new(BIN)
        .args(["suggest", "corpus.ron", "--apply"])
        .current_dir(sandbox.dir.path())
        .env("DEMARCHE_DATA_DIR", sandbox.dir.path())
        .env("DEMARCHE_ANNOTATOR", "cli-test")
        .stdout(writer)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(141), "the status of a closed pipe");
    assert!(
        stderr(&out).is_empty(),
        "no error message: {}",
        stderr(&out)
    );
    assert_eq!(fs::read(&path).expect("read"), before, "nothing applied");
}
