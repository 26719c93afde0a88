//! The command line for teams, through the real binary: `--as` stamps and mints in the
//! analyst's block; `--analyst` narrows validate, export and suggest; `analysts` lists who
//! coded what; brat and doccano imports attach an analyst's layer to a document already in
//! the project, refuse a second copy of it, and replace it with `--replace`; exports carry
//! the analyst.

use demarche::model::analyst::{block_of, block_of_id};
use demarche::model::{Id, Project};
use demarche::persist;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

/// A wire story the suggestion rules find actors and a statement in.
const ARTICLE_LIMA: &str = "\
LIMA, May 6 (Meridian) — Peru and China signed a memorandum on port logistics on Tuesday, \
after talks between Foreign Minister Rosa Quispe Huamán and Wang Yi (王毅).

“We will open the Chancay corridor to every partner,” Quispe Huamán said. Wang said \
Beijing was “ready to share experience” in customs digitalisation.
";

struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    /// A folder with `lima.txt` and an empty project `p.ron`.
    fn new() -> Self {
        let sandbox = Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        };
        fs::write(sandbox.path("lima.txt"), ARTICLE_LIMA).expect("write article");
        persist::save(&Project::new("Andean corpus"), &sandbox.path("p.ron")).expect("save");
        sandbox
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `demarche ARGS` in the sandbox, with an analyst in the environment that every
    /// `--as` must win over.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env("DEMARCHE_DATA_DIR", self.dir.path())
            .env("DEMARCHE_ANNOTATOR", "zed")
            .output()
            .expect("the binary runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "demarche {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn project(&self) -> Project {
        persist::load(&self.path("p.ron")).expect("loads").project
    }

    /// `lima.txt` imported and coded by alice (every suggestion accepted).
    fn coded_by_alice(&self) -> Id {
        self.ok(&["import", "p.ron", "lima.txt", "--as", "alice"]);
        self.ok(&["--as", "alice", "suggest", "p.ron", "--apply"]);
        self.project().documents[0].id
    }
}

/// Every annotation's analyst and id, in the project.
fn stamps(project: &Project) -> Vec<(String, Id)> {
    let mut out = Vec::new();
    for d in &project.documents {
        for a in d.mentions.iter().map(|m| (&m.stamp, m.id)).chain(
            d.statements
                .iter()
                .map(|s| (&s.stamp, s.id))
                .chain(d.tags.iter().map(|t| (&t.stamp, t.id))),
        ) {
            out.push((a.0.annotator.clone(), a.1));
        }
    }
    out
}

fn layer_size(project: &Project, analyst: &str) -> usize {
    project
        .documents
        .iter()
        .flat_map(|d| d.annotators())
        .filter(|a| *a == analyst)
        .count()
}

fn column(csv_file: &Path, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(csv_file).expect("csv");
    let at = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("{} has no column {name}", csv_file.display()));
    reader
        .records()
        .map(|r| r.expect("row")[at].to_owned())
        .collect()
}

#[test]
fn as_stamps_and_mints_in_the_analysts_block_over_the_environment() {
    let sandbox = Sandbox::new();
    let doc = sandbox.coded_by_alice();
    assert_eq!(
        block_of_id(doc),
        block_of("alice"),
        "the document id is alice's"
    );
    let project = sandbox.project();
    let stamps = stamps(&project);
    assert!(!stamps.is_empty(), "the rules found something to accept");
    for (analyst, id) in &stamps {
        assert_eq!(analyst, "alice", "--as wins over DEMARCHE_ANNOTATOR");
        assert_eq!(
            block_of_id(*id),
            block_of("alice"),
            "id {id} in alice's block"
        );
    }
    for actor in &project.actors {
        assert_eq!(block_of_id(actor.id), block_of("alice"));
    }
    // Without --as, the environment's analyst: the same suggestions are open again for zed.
    sandbox.ok(&["suggest", "p.ron", "--apply"]);
    let project = sandbox.project();
    assert_eq!(layer_size(&project, "zed"), layer_size(&project, "alice"));
    assert_eq!(project.documents.len(), 1);
}

impl Sandbox {
    /// Makes bob an analyst of the project with no annotations: a status of his own.
    fn bob_started(&self) {
        let mut project = self.project();
        project.documents[0]
            .meta
            .set_status("bob", demarche::model::DocStatus::InProgress);
        persist::save(&project, &self.path("p.ron")).expect("save");
    }
}

#[test]
fn analyst_narrows_validate_and_export() {
    let sandbox = Sandbox::new();
    sandbox.coded_by_alice();
    sandbox.bob_started();
    let alice = layer_size(&sandbox.project(), "alice");

    let all = sandbox.ok(&["validate", "p.ron"]);
    assert!(all.contains("alice: 1 document, "), "{all}");
    let only_bob = sandbox.ok(&["validate", "p.ron", "--analyst", "bob"]);
    assert!(only_bob.starts_with("1 document, "), "{only_bob}");
    assert!(only_bob.contains("0 mentions"), "{only_bob}");
    assert!(!only_bob.contains("alice"), "{only_bob}");
    let only_alice = sandbox.ok(&["validate", "p.ron", "--analyst", "alice"]);
    assert_eq!(only_alice, all, "alice's layer is all there is to count");

    let out = sandbox.run(&["validate", "p.ron", "--analyst", "carol"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no analyst “carol”; its analysts are: alice, bob"),
        "{stderr}"
    );

    sandbox.ok(&[
        "export",
        "p.ron",
        "--format",
        "csv",
        "--out",
        "alice",
        "--analyst",
        "alice",
    ]);
    let analysts = column(&sandbox.path("alice/mentions.csv"), "analyst");
    assert!(!analysts.is_empty());
    assert!(analysts.iter().all(|a| a == "alice"));
    assert_eq!(
        column(&sandbox.path("alice/mentions.csv"), "annotator"),
        analysts,
        "the old column is kept for scripts written before"
    );
    let total: usize = [
        "mentions",
        "statements",
        "commitments",
        "stances",
        "tags",
        "links",
    ]
    .iter()
    .map(|t| column(&sandbox.path(&format!("alice/{t}.csv")), "analyst").len())
    .sum();
    assert_eq!(total, alice);
    assert_eq!(
        column(&sandbox.path("alice/progress.csv"), "analyst"),
        ["alice"]
    );

    sandbox.ok(&[
        "export",
        "p.ron",
        "--format",
        "csv",
        "--out",
        "bob",
        "--analyst",
        "bob",
    ]);
    assert!(column(&sandbox.path("bob/mentions.csv"), "analyst").is_empty());
    assert_eq!(
        column(&sandbox.path("bob/progress.csv"), "status"),
        ["in progress"]
    );

    sandbox.ok(&["export", "p.ron", "--format", "csv", "--out", "all"]);
    assert_eq!(
        column(&sandbox.path("all/progress.csv"), "analyst"),
        ["alice", "bob"],
        "every analyst on every document, to do included"
    );
    assert_eq!(
        column(&sandbox.path("all/progress.csv"), "status"),
        ["to do", "in progress"]
    );
}

#[test]
fn suggest_hides_only_the_named_analysts_work() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["import", "p.ron", "lima.txt", "--as", "alice"]);
    let open = sandbox.ok(&["suggest", "p.ron"]);
    assert!(!open.is_empty(), "the rules find something in the story");
    sandbox.ok(&["--as", "alice", "suggest", "p.ron", "--apply"]);
    let out = sandbox.run(&["suggest", "p.ron", "--analyst", "bob"]);
    assert!(
        !out.status.success(),
        "bob is not an analyst of the project yet"
    );
    sandbox.bob_started();

    // Every analyst's work hides a suggestion by default.
    assert_eq!(sandbox.ok(&["suggest", "p.ron"]), "");
    assert_eq!(sandbox.ok(&["suggest", "p.ron", "--analyst", "alice"]), "");
    let for_bob = sandbox.ok(&["suggest", "p.ron", "--analyst", "bob"]);
    // Without the rule: once alice's accepted actors are in the registry, the registry
    // rule finds the names the gazetteer found before.
    let mentions = |out: &str| {
        out.lines()
            .filter(|l| l.contains(r#""kind":"mention""#))
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).expect("JSON");
                v.as_object_mut().expect("an object").remove("rule");
                v.to_string()
            })
            .collect::<Vec<_>>()
    };
    assert!(!mentions(&for_bob).is_empty());
    assert_eq!(
        mentions(&for_bob),
        mentions(&open),
        "the mentions alice accepted are still open for bob"
    );
    let out = sandbox.run(&["suggest", "p.ron", "--apply", "--analyst", "bob"]);
    assert!(
        !out.status.success(),
        "--apply works on the --as layer only"
    );
}

#[test]
fn analysts_lists_counts_per_document_and_says_when_there_are_none() {
    let sandbox = Sandbox::new();
    let none = sandbox.ok(&["analysts", "p.ron"]);
    assert!(none.contains("has no analysts yet"), "{none}");

    let doc = sandbox.coded_by_alice();
    let project = sandbox.project();
    let d = &project.documents[0];
    let table = sandbox.ok(&["analysts", "p.ron"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "header, alice's document, alice's total:\n{table}"
    );
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "analyst",
            "document",
            "title",
            "status",
            "mentions",
            "statements",
            "commitments",
            "stances",
            "tags",
            "links"
        ]
    );
    let row = lines[1];
    assert!(row.starts_with("alice"), "{row}");
    assert!(row.contains(&doc.to_string()), "{row}");
    assert!(row.contains("to do"), "{row}");
    let numbers: Vec<usize> = row
        .split_whitespace()
        .rev()
        .take(6)
        .map(|n| n.parse().expect("a count"))
        .collect();
    assert_eq!(
        numbers,
        [
            d.links.len(),
            d.tags.len(),
            d.stances.len(),
            d.commitments.len(),
            d.statements.len(),
            d.mentions.len()
        ]
    );
    assert!(lines[2].starts_with("alice") && lines[2].contains("total"));
    assert!(lines[2].contains("1 document"));
}

#[test]
fn a_brat_import_attaches_a_second_analysts_layer_and_refuses_a_double() {
    let sandbox = Sandbox::new();
    let doc = sandbox.coded_by_alice();
    sandbox.ok(&["export", "p.ron", "--format", "brat", "--out", "brat"]);
    let alice = layer_size(&sandbox.project(), "alice");

    let out = sandbox.ok(&["import", "p.ron", "--format", "brat", "brat", "--as", "bob"]);
    assert!(
        out.contains(&format!("attached {alice} annotations to document {doc}")),
        "{out}"
    );
    let project = sandbox.project();
    assert_eq!(project.documents.len(), 1, "no second copy of the text");
    assert_eq!(layer_size(&project, "bob"), alice);
    assert_eq!(
        layer_size(&project, "alice"),
        alice,
        "alice's layer untouched"
    );
    for (analyst, id) in stamps(&project) {
        assert_eq!(block_of_id(id), block_of(&analyst));
    }
    assert!(persist::validate(&project).is_empty());

    // The same folder again, as bob: refused, nothing doubled, the file unchanged.
    let before = fs::read(sandbox.path("p.ron")).expect("read");
    let again = sandbox.run(&["import", "p.ron", "--format", "brat", "brat", "--as", "bob"]);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("refused")
            && stderr.contains("already has")
            && stderr.contains("--replace"),
        "{stderr}"
    );
    assert_eq!(fs::read(sandbox.path("p.ron")).expect("read"), before);

    // --replace: bob's layer is replaced, not added to.
    let out = sandbox.ok(&[
        "import",
        "p.ron",
        "--format",
        "brat",
        "brat",
        "--as",
        "bob",
        "--replace",
    ]);
    assert!(
        out.contains(&format!("replacing bob's {alice} annotations")),
        "{out}"
    );
    let project = sandbox.project();
    assert_eq!(layer_size(&project, "bob"), alice);
    assert_eq!(layer_size(&project, "alice"), alice);

    // Two analysts' layers export as a brat folder each, and each comes back as its own.
    sandbox.ok(&["export", "p.ron", "--format", "brat", "--out", "team"]);
    let stem = fs::read_dir(sandbox.path("brat"))
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".ann"))
        .expect("an .ann file");
    for analyst in ["alice", "bob"] {
        assert_eq!(
            fs::read(sandbox.path(&format!("team/{analyst}/{stem}"))).expect("layer file"),
            fs::read(sandbox.path(&format!("brat/{stem}"))).expect("alice's export"),
            "{analyst}'s folder holds that analyst's layer alone"
        );
    }
    assert!(sandbox.path("team/annotation.conf").exists());

    // The team folder itself is not one analyst's work: the message says what to do.
    let out = sandbox.run(&[
        "import", "p.ron", "--format", "brat", "team", "--as", "carol",
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("holds a brat folder per analyst (alice, bob)")
            && stderr.contains("--as NAME"),
        "{stderr}"
    );
}

#[test]
fn a_qdpx_export_makes_each_analyst_a_user_of_their_own_selections() {
    let sandbox = Sandbox::new();
    sandbox.coded_by_alice();
    sandbox.ok(&["export", "p.ron", "--format", "brat", "--out", "brat"]);
    sandbox.ok(&["import", "p.ron", "--format", "brat", "brat", "--as", "bob"]);
    sandbox.ok(&["export", "p.ron", "--format", "qdpx", "--out", "qdpx"]);
    let file = fs::File::open(sandbox.path("qdpx/project.qdpx")).expect("open");
    let mut archive = zip::ZipArchive::new(file).expect("a zip");
    let mut qde = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("project.qde").expect("project.qde"),
        &mut qde,
    )
    .expect("read");
    let guid_of = |name: &str| {
        let at = qde
            .find(&format!("name=\"{name}\"/>"))
            .unwrap_or_else(|| panic!("no user {name}"));
        let start = qde[..at].rfind("guid=\"").expect("guid") + 6;
        qde[start..start + 36].to_owned()
    };
    let (alice, bob) = (guid_of("alice"), guid_of("bob"));
    let users: Vec<&str> = qde
        .split("<PlainTextSelection ")
        .skip(1)
        .map(|s| {
            let from = s.find("creatingUser=\"").expect("a creating user") + 14;
            &s[from..from + 36]
        })
        .collect();
    let project = sandbox.project();
    let selections = |analyst: &str| {
        project.documents[0]
            .mentions
            .iter()
            .filter(|m| m.stamp.annotator == analyst)
            .count()
    };
    assert!(users.iter().filter(|u| **u == alice).count() >= selections("alice"));
    assert_eq!(
        users.iter().filter(|u| **u == alice).count(),
        users.iter().filter(|u| **u == bob).count(),
        "the same layer twice: as many selections each"
    );
    assert_eq!(
        users.len(),
        users.iter().filter(|u| **u == alice || **u == bob).count(),
        "every selection is one analyst's"
    );
}

#[test]
fn a_jsonl_export_names_each_lines_analyst_and_imports_back_as_those_layers() {
    let sandbox = Sandbox::new();
    sandbox.coded_by_alice();
    sandbox.ok(&["export", "p.ron", "--format", "brat", "--out", "brat"]);
    sandbox.ok(&["import", "p.ron", "--format", "brat", "brat", "--as", "bob"]);
    sandbox.ok(&["export", "p.ron", "--format", "jsonl", "--out", "jsonl"]);
    let lines: Vec<serde_json::Value> = fs::read_to_string(sandbox.path("jsonl/doccano.jsonl"))
        .expect("read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let analysts: Vec<&str> = lines
        .iter()
        .map(|l| l["analyst"].as_str().expect("an analyst"))
        .collect();
    assert_eq!(analysts, ["alice", "bob"], "one line per analyst's layer");

    persist::save(&Project::new("copy"), &sandbox.path("copy.ron")).expect("save");
    let out = sandbox.ok(&[
        "import",
        "copy.ron",
        "--format",
        "jsonl",
        "jsonl/doccano.jsonl",
        "--as",
        "carol",
    ]);
    assert!(out.contains("imported 1 document"), "{out}");
    let original = sandbox.project();
    let copy = persist::load(&sandbox.path("copy.ron"))
        .expect("loads")
        .project;
    assert_eq!(copy.documents.len(), 1);
    assert_eq!(
        copy.analysts(),
        ["alice", "bob"],
        "the lines' analysts are kept"
    );
    assert_eq!(layer_size(&copy, "alice"), layer_size(&original, "alice"));
    assert_eq!(layer_size(&copy, "bob"), layer_size(&original, "bob"));
}

#[test]
fn validate_notes_references_from_one_analysts_layer_into_anothers() {
    let sandbox = Sandbox::new();
    let project = sandbox.path("bogota.ron");
    fs::copy(
        crate::persist_support::fixture(crate::persist_support::BOGOTA),
        &project,
    )
    .expect("copy the fixture");
    let out = sandbox.run(&["validate", project.to_str().expect("UTF-8 path")]);
    assert!(out.status.success(), "a note is not a problem");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Ana coded two stances on 鈴木's statement 23.
    for stance in [28, 29] {
        assert!(
            stderr.contains(&format!(
                "Ana Lucía Pérez's stance #{stance} refers to 鈴木 花子's statement #23"
            )),
            "{stderr}"
        );
    }
    let own_layers = sandbox.run(&["validate", "p.ron"]);
    assert!(
        !String::from_utf8_lossy(&own_layers.stderr).contains("refers to"),
        "a project whose references stay in their layers gets no note"
    );
}
