//! The rule table (`suggest::rules`): every suggestion names the rule that made it; each
//! rule fires on its own example and not on its near miss; `demarche suggest` prints the
//! rule and `--stats` counts per rule what was suggested, coded and rejected.

use demarche::edit::Edit;
use demarche::model::{Actor, Id, Project};
use demarche::suggest::rules::{self, RULES};
use demarche::suggest::{self, Gazetteer, Suggestion};
use std::collections::HashSet;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

/// A project with one registry actor (for `mention.registry`) and `text` imported.
fn suggestions_on(text: &str) -> Vec<Suggestion> {
    let mut project = Project::new("rules");
    let mut ids = project.id_allocator("tester");
    let actor = Actor::new(
        ids.fresh().expect("an id"),
        "Acme Alliance",
        "international_org",
    );
    Edit::AddActor(actor)
        .apply(&mut project)
        .expect("a new actor");
    let id: Id = ids.fresh().expect("an id");
    let doc = demarche::import::import_bytes(text.as_bytes(), Some("example.txt"), id)
        .expect("the example imports");
    Edit::AddDocument(Box::new(doc))
        .apply(&mut project)
        .expect("a new document");
    let doc = project.document(id).expect("just added");
    suggest::suggest(&project, doc, Gazetteer::bundled())
}

fn listed(all: &[Suggestion]) -> String {
    all.iter()
        .map(|s| format!("  {} {:?} ({})", s.kind.key(), s.text, s.rule))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rule_names_are_unique_and_say_their_kind() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.name), "{} twice", rule.name);
        assert!(
            rule.name.starts_with(&format!("{}.", rule.kind.key())),
            "{} is not named after its kind",
            rule.name
        );
        assert!(!rule.what.is_empty());
    }
}

/// Every shipped rule makes its suggestion on its example, with its name on it.
#[test]
fn every_rule_fires_on_its_example() {
    let mut failed = Vec::new();
    for rule in RULES {
        let all = suggestions_on(rule.fires_on);
        let fired = all
            .iter()
            .any(|s| s.rule == rule.name && s.kind == rule.kind && s.text.contains(rule.marked));
        if !fired {
            failed.push(format!(
                "{} did not mark {:?} in {:?}; got:\n{}",
                rule.name,
                rule.marked,
                rule.fires_on,
                listed(&all)
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// And stays silent on its near miss.
#[test]
fn no_rule_fires_on_its_near_miss() {
    let mut failed = Vec::new();
    for rule in RULES {
        let all = suggestions_on(rule.not_on);
        if all.iter().any(|s| s.rule == rule.name) {
            failed.push(format!(
                "{} fired on {:?}:\n{}",
                rule.name,
                rule.not_on,
                listed(&all)
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

/// Whatever the rules propose on real text carries a name from the table.
#[test]
fn every_suggestion_on_the_demo_names_a_rule_of_the_table() {
    let project = demarche::persist::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/project-files/demo.ron"
    )))
    .expect("the demo loads")
    .project;
    let mut count = 0;
    for doc in &project.documents {
        for s in suggest::proposals(&project, doc, Gazetteer::bundled()) {
            assert!(
                rules::rule(s.rule).is_some_and(|r| r.kind == s.kind),
                "{} {:?} has rule {:?}",
                s.kind.key(),
                s.text,
                s.rule
            );
            count += 1;
        }
    }
    assert!(count > 20, "only {count} suggestions on the demo");
}

fn run(args: &[&str], dir: &std::path::Path) -> String {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("DEMARCHE_ANNOTATOR", "ana")
        .output()
        .expect("demarche runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

const ARTICLE: &str = "BEIJING, Sept. 27 (Xinhua) -- China is willing to work with Latin American \
countries to deepen cooperation, Chinese State Councilor and Foreign Minister Wang Yi said \
Thursday.\n\nWang said China will expand trade with Peru. \"We oppose protectionism,\" Wang said.\n";

/// `suggest` prints each suggestion's rule; after `--apply` accepted them all, `--stats`
/// finds every suggestion coded, with a row per rule and a total that adds them up.
#[test]
fn suggest_prints_rules_and_stats_count_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("article.txt"), ARTICLE).expect("written");
    run(&["new", "p.ron"], dir.path());
    run(&["import", "p.ron", "article.txt"], dir.path());
    let printed = run(&["suggest", "p.ron"], dir.path());
    let lines: Vec<serde_json::Value> = printed
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert!(lines.len() > 5, "{printed}");
    let mut fired: Vec<&str> = lines
        .iter()
        .map(|l| l["rule"].as_str().expect("a rule on every line"))
        .collect();
    assert!(fired.iter().all(|r| rules::rule(r).is_some()), "{fired:?}");
    fired.sort_unstable();
    fired.dedup();

    run(&["suggest", "p.ron", "--apply"], dir.path());
    let table = run(&["suggest", "p.ron", "--stats"], dir.path());
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][..5], ["rule", "kind", "made", "coded", "rejected"]);
    let total = rows.last().expect("a total row");
    assert_eq!(total[0], "total");
    assert_eq!(total[2], total[3], "every suggestion was accepted: {table}");
    assert_eq!(rows.len(), RULES.len() + 2, "a row per rule: {table}");
    let made: usize = rows[1..rows.len() - 1]
        .iter()
        .map(|r| r[2].parse::<usize>().expect("a count"))
        .sum();
    assert_eq!(made.to_string(), total[2]);
}

/// The project of `ARTICLE` with the document's language set to `language`.
fn article_in(language: &str) -> Project {
    let mut project = Project::new("languages");
    let mut ids = project.id_allocator("tester");
    let id: Id = ids.fresh().expect("an id");
    let mut doc = demarche::import::import_bytes(ARTICLE.as_bytes(), Some("article.txt"), id)
        .expect("the article imports");
    doc.meta.language = language.to_owned();
    Edit::AddDocument(Box::new(doc))
        .apply(&mut project)
        .expect("a new document");
    project
}

/// The document's language picks the rule set: English (by any tag, or none) gets the
/// clause rules; a language without a rule set gets mentions only, and says so.
#[test]
fn the_language_selects_the_clause_rules() {
    let kinds = |language: &str| -> Vec<&'static str> {
        let project = article_in(language);
        let doc = &project.documents[0];
        let mut kinds: Vec<&str> = suggest::suggest(&project, doc, Gazetteer::bundled())
            .iter()
            .map(|s| s.kind.key())
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    };
    let english = kinds("en");
    assert_eq!(english, ["commitment", "mention", "stance", "statement"]);
    assert_eq!(kinds(""), english, "a language not set reads as English");
    assert_eq!(kinds("en-GB"), english);
    assert_eq!(kinds("fr"), ["mention"]);
    let french = article_in("fr");
    let note = suggest::missing_rules(&french.documents[0]).expect("no French rules");
    assert!(note.contains("“fr”") && note.contains("en"), "{note}");
    assert!(!note.contains("  "), "one line, no runs of spaces: {note}");
    assert!(suggest::missing_rules(&article_in("en-GB").documents[0]).is_none());

    // `demarche suggest` says it on stderr and prints the mentions.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("fr.ron");
    demarche::persist::save(&french, &path).expect("saved");
    let out = Command::new(BIN)
        .args(["suggest", "fr.ron"])
        .current_dir(dir.path())
        .output()
        .expect("demarche runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&note), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().count() > 0);
    assert!(
        stdout.lines().all(|l| l.contains("\"kind\":\"mention\"")),
        "{stdout}"
    );
}

/// The window says once, in its message log, why a document gets mentions only.
#[test]
fn the_window_says_when_a_language_has_no_rules() {
    use demarche::ui::Startup;
    use demarche::ui::app::DemarcheApp;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("fr.ron");
    let french = article_in("fr");
    let note = suggest::missing_rules(&french.documents[0]).expect("no French rules");
    demarche::persist::save(&french, &path).expect("saved");
    let mut h =
        crate::app_support::app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "ana"));
    h.run_steps(5);
    let said = |h: &egui_kittest::Harness<'_, DemarcheApp>| {
        h.state()
            .message_log()
            .entries()
            .filter(|e| e.text == note && !e.error)
            .count()
    };
    assert_eq!(said(&h), 1, "the note is logged once");
    h.run_steps(5);
    assert_eq!(said(&h), 1, "and not again on later frames");
}
