//! Two or three analysts coding one project on their own git clones, then merging with
//! real git: nothing conflicts, nothing is lost or doubled, ids stay unique, and an actor
//! both created is reported rather than silently doubled.

use demarche::model::{Id, Project};
use demarche::persist;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_demarche");
const ARTICLES: [&str; 3] = [
    "05-state-dept-kenya-readout.txt",
    "07-ap-celac-bogota.txt",
    "09-eu-council-georgia.txt",
];

fn article(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/dev")
        .join(name)
}

fn ok(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what} failed ({:?})\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// One clone, with its own analyst and settings folder.
struct Clone {
    dir: PathBuf,
    data: PathBuf,
    /// The project in the clone: `corpus.ron` (one file) or `corpus` (a project folder).
    project: &'static str,
}

impl Clone {
    fn git(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &self.data)
            .output()
            .expect("git runs")
    }

    fn demarche(&self, analyst: &str, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(&self.dir)
            .env("DEMARCHE_ANNOTATOR", analyst)
            .env("DEMARCHE_DATA_DIR", &self.data)
            .output()
            .expect("demarche runs")
    }

    fn commit(&self, message: &str) {
        ok(self.git(&["add", "-A"]), "git add");
        ok(self.git(&["commit", "-q", "-m", message]), "git commit");
    }

    fn project(&self) -> Project {
        persist::load(&self.dir.join(self.project))
            .expect("the project loads")
            .project
    }
}

struct Team {
    _root: tempfile::TempDir,
    origin: Clone,
    root: PathBuf,
    /// Whether each clone registers the merge driver.
    driver: bool,
}

impl Team {
    /// The lead's repository: the three articles imported and committed, the merge driver
    /// named in `.gitattributes`.
    fn new() -> Self {
        Self::of("corpus.ron", true)
    }

    /// The same with the project in `project` (a file or a folder), the driver registered
    /// in the clones or not.
    fn of(project: &'static str, driver: bool) -> Self {
        let root = tempfile::tempdir().expect("temporary folder");
        let path = root.path().to_owned();
        let origin = Clone {
            dir: path.join("origin"),
            data: path.join("origin-data"),
            project,
        };
        std::fs::create_dir_all(&origin.dir).expect("origin");
        std::fs::create_dir_all(&origin.data).expect("origin data");
        ok(origin.git(&["init", "-q", "-b", "main"]), "git init");
        configure(&origin);
        ok(origin.demarche("lead", &["new", project]), "new");
        let mut import = vec!["import".to_owned(), project.to_owned()];
        import.extend(ARTICLES.iter().map(|a| article(a).display().to_string()));
        let import: Vec<&str> = import.iter().map(String::as_str).collect();
        ok(origin.demarche("lead", &import), "import");
        if driver {
            ok(
                origin.demarche("lead", &["team", "setup", project]),
                "team setup",
            );
        }
        origin.commit("corpus");
        Self {
            _root: root,
            origin,
            root: path,
            driver,
        }
    }

    fn clone(&self, name: &str) -> Clone {
        let c = Clone {
            dir: self.root.join(name),
            data: self.root.join(format!("{name}-data")),
            project: self.origin.project,
        };
        std::fs::create_dir_all(&c.data).expect("data");
        ok(
            self.origin.git(&[
                "clone",
                "-q",
                &self.origin.dir.display().to_string(),
                &c.dir.display().to_string(),
            ]),
            "git clone",
        );
        configure(&c);
        // The driver's command lives in each clone's own .git/config.
        if self.driver {
            ok(
                c.demarche(name, &["team", "setup", c.project]),
                "team setup",
            );
        }
        c
    }
}

fn configure(c: &Clone) {
    ok(c.git(&["config", "user.name", "Analyst"]), "git config");
    ok(
        c.git(&["config", "user.email", "analyst@example.org"]),
        "git config",
    );
}

fn document_ids(c: &Clone) -> Vec<Id> {
    c.project().documents.iter().map(|d| d.id).collect()
}

/// Codes documents with the rules' suggestions, as `analyst`, and commits.
fn code(c: &Clone, analyst: &str, documents: &[Id]) {
    for id in documents {
        let doc = id.0.to_string();
        ok(
            c.demarche(analyst, &["suggest", c.project, "--doc", &doc, "--apply"]),
            "suggest --apply",
        );
    }
    c.commit(&format!("{analyst} codes"));
}

/// Every annotation as (document, id, analyst).
fn annotations(p: &Project) -> BTreeSet<(Id, Id, String)> {
    p.documents
        .iter()
        .flat_map(|d| {
            d.annotation_ids().map(move |id| {
                let a = d.annotation(id).expect("annotation");
                (d.id, id, a.stamp().annotator.clone())
            })
        })
        .collect()
}

fn actor_names(p: &Project) -> BTreeSet<String> {
    p.actors.iter().map(|a| a.name.clone()).collect()
}

/// Merges `other`'s branch into `into` and checks the result against both sides; returns
/// the merged project and how many actors both sides created (each reported).
fn merge_and_check(into: &Clone, other: &Clone, sides: &[&Project]) -> (Project, usize) {
    let out = into.git(&[
        "pull",
        "-q",
        "--no-rebase",
        "--no-edit",
        &other.dir.display().to_string(),
        "main",
    ]);
    ok(out, "git pull");
    let status = into.git(&["status", "--porcelain"]);
    assert!(
        status.stdout.is_empty(),
        "nothing left unmerged: {status:?}"
    );
    let validate = ok(
        into.demarche("curator", &["validate", into.project]),
        "validate",
    );
    let merged = into.project();
    let all = annotations(&merged);
    let mut expected = BTreeSet::new();
    for side in sides {
        expected.extend(annotations(side));
    }
    assert_eq!(
        all, expected,
        "every annotation of every side, exactly once"
    );
    let ids: Vec<Id> = all.iter().map(|(_, id, _)| *id).collect();
    assert_eq!(
        ids.len(),
        ids.iter().collect::<BTreeSet<_>>().len(),
        "ids unique"
    );
    // An actor both analysts created is there twice, and validate says so.
    let stderr = String::from_utf8_lossy(&validate.stderr).into_owned();
    let mut both = actor_names(sides[0]);
    for side in &sides[1..] {
        both = both.intersection(&actor_names(side)).cloned().collect();
    }
    let mut doubled = 0;
    for name in &both {
        let copies = merged.actors.iter().filter(|a| &a.name == name).count();
        if copies > 1 {
            doubled += 1;
            assert!(
                stderr.contains(&format!("both named “{name}”")),
                "{name} is reported:\n{stderr}"
            );
        }
    }
    (merged, doubled)
}

#[test]
fn two_analysts_code_overlapping_documents_and_merge_both_ways_with_a_third_later() {
    overlapping_work_merges(Team::new());
}

/// The project folder merges with plain git: each analyst's work is in files only that
/// analyst writes, and actors created in parallel are separate files.
#[test]
fn a_project_folder_merges_without_the_driver() {
    overlapping_work_merges(Team::of("corpus", false));
}

#[test]
fn a_project_folder_merges_with_the_driver_too() {
    overlapping_work_merges(Team::of("corpus", true));
}

fn overlapping_work_merges(team: Team) {
    let alice = team.clone("alice");
    let bob = team.clone("bob");
    let docs = document_ids(&alice);
    assert_eq!(docs.len(), 3);
    code(&alice, "alice", &docs[0..2]);
    code(&bob, "bob", &docs[1..3]);
    let (a, b) = (alice.project(), bob.project());
    assert!(annotations(&a).iter().all(|(_, _, who)| who == "alice"));
    assert!(!annotations(&b).is_empty());

    // Bob's work into Alice's clone…
    let (merged, doubled) = merge_and_check(&alice, &bob, &[&a, &b]);
    assert!(
        doubled > 0,
        "both coded document 2, so both created its actors"
    );
    assert!(
        merged.actors.len() > a.actors.len(),
        "bob's actors came in too"
    );

    // …and Alice's into a fresh clone of Bob's work: the same annotations.
    let other_way = Clone {
        dir: team.root.join("bob-again"),
        data: team.root.join("bob-again-data"),
        project: team.origin.project,
    };
    std::fs::create_dir_all(&other_way.data).expect("data");
    ok(
        bob.git(&["clone", "-q", ".", &other_way.dir.display().to_string()]),
        "clone bob",
    );
    configure(&other_way);
    if team.driver {
        ok(
            other_way.demarche("bob", &["team", "setup", other_way.project]),
            "setup",
        );
    }
    let (reverse, _) = merge_and_check(&other_way, &alice, &[&a, &b]);
    assert_eq!(annotations(&reverse), annotations(&merged));

    // A third analyst who never saw the others' work merges in too.
    let carol = team.clone("carol");
    code(&carol, "carol", &docs[0..1]);
    let c = carol.project();
    merge_and_check(&alice, &carol, &[&merged, &c]);
}

/// The driver run by hand, as git runs it: a clean merge exits 0 with the merged project in
/// %A; the same analyst's layer changed two ways exits 1 with git's conflict markers there,
/// and says why on stderr.
#[test]
fn the_driver_merges_what_it_can_and_leaves_git_markers_for_the_rest() {
    let team = Team::new();
    let alice = team.clone("alice");
    let docs = document_ids(&alice);
    let base = std::fs::read_to_string(alice.dir.join("corpus.ron")).expect("base");
    code(&alice, "alice", &docs[0..1]);
    let ours = std::fs::read_to_string(alice.dir.join("corpus.ron")).expect("ours");
    let bob = team.clone("bob");
    code(&bob, "bob", &docs[0..1]);
    let theirs = std::fs::read_to_string(bob.dir.join("corpus.ron")).expect("theirs");
    let dir = tempfile::tempdir().expect("temporary folder");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
    };
    let run = |o: &str, a: &str, b: &str| {
        Command::new(BIN)
            .args(["merge-driver", o, a, b, "corpus.ron"])
            .env("DEMARCHE_DATA_DIR", dir.path())
            .output()
            .expect("runs")
    };
    let (o, a, b) = (write("O", &base), write("A", &ours), write("B", &theirs));
    ok(run(&o, &a, &b), "a clean merge");
    let merged = persist::from_str(&std::fs::read_to_string(&a).expect("A"), Path::new("A"))
        .expect("the merge loads")
        .project;
    let coders: BTreeSet<String> = annotations(&merged)
        .into_iter()
        .map(|(_, _, w)| w)
        .collect();
    assert_eq!(
        coders,
        BTreeSet::from(["alice".to_owned(), "bob".to_owned()])
    );

    // Bob's coding presented as Alice's: her layer on document 1 changed two ways.
    let (o, a, b) = (
        write("O", &base),
        write("A", &ours),
        write(
            "B",
            &theirs.replace("annotator: \"bob\"", "annotator: \"alice\""),
        ),
    );
    let out = run(&o, &a, &b);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("both versions changed document"),
        "{stderr}"
    );
    let left = std::fs::read_to_string(&a).expect("A");
    assert!(left.contains("<<<<<<< current") && left.contains(">>>>>>> other"));
}

/// In a project folder the driver merges the shared files as what they hold: codebook
/// entries both analysts added to `project.ron`, and two fields of one actor.
#[test]
fn the_driver_merges_a_folders_codebook_and_actor_files() {
    use demarche::model::{Actor, CodebookEntry, CodebookList, Id};
    use demarche::persist::folder::{Part, parse_part, part_text};
    let dir = tempfile::tempdir().expect("temporary folder");
    let run_in = |name: &str, base: &str, ours: &str, theirs: &str| {
        let (o, a, b) = (
            dir.path().join("O"),
            dir.path().join("A"),
            dir.path().join("B"),
        );
        for (path, text) in [(&o, base), (&a, ours), (&b, theirs)] {
            std::fs::write(path, text).expect("write");
        }
        let out = Command::new(BIN)
            .arg("merge-driver")
            .args([&o, &a, &b])
            .arg(name)
            .current_dir(dir.path())
            .env("DEMARCHE_DATA_DIR", dir.path())
            .output()
            .expect("runs");
        let merged = std::fs::read_to_string(&a).expect("A");
        (ok(out, "the driver"), merged)
    };
    let new = Command::new(BIN)
        .args(["new", "corpus"])
        .current_dir(dir.path())
        .env("DEMARCHE_DATA_DIR", dir.path())
        .output()
        .expect("runs");
    ok(new, "new folder");

    let main = Path::new("project.ron");
    let base = std::fs::read_to_string(dir.path().join("corpus/project.ron")).expect("base");
    let with_topic = |key: &str| {
        let Ok(Part::Project(mut p)) = parse_part(main, &base) else {
            panic!("project.ron parses");
        };
        p.codebook
            .list_mut(CodebookList::Topics)
            .push(CodebookEntry::new(key, key));
        part_text(&Part::Project(p))
    };
    let (_, merged) = run_in(
        "corpus/project.ron",
        &base,
        &with_topic("arctic"),
        &with_topic("space"),
    );
    let Ok(Part::Project(p)) = parse_part(main, &merged) else {
        panic!("the merge is a project.ron: {merged}");
    };
    let topics: Vec<&str> = p
        .codebook
        .list(CodebookList::Topics)
        .iter()
        .map(|e| e.key.as_str())
        .collect();
    assert!(topics.ends_with(&["arctic", "space"]), "{topics:?}");

    std::fs::create_dir_all(dir.path().join("corpus/actors")).expect("actors");
    let path = Path::new("actors/7-xinhua.ron");
    let actor = Actor::new(Id(7), "Xinhua", "media");
    let text = |a: &Actor| part_text(&Part::Actor(a.clone()));
    let mut ours = actor.clone();
    ours.aliases.push("新华社".into());
    let mut theirs = actor.clone();
    theirs.role = "state news agency".into();
    let (_, merged) = run_in(
        "corpus/actors/7-xinhua.ron",
        &text(&actor),
        &text(&ours),
        &text(&theirs),
    );
    let Ok(Part::Actor(a)) = parse_part(path, &merged) else {
        panic!("the merge is an actor: {merged}");
    };
    assert_eq!((a.aliases.len(), a.role.as_str()), (1, "state news agency"));
}
