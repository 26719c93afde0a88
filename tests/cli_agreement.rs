//! `demarche agreement` through the real binary, on a project built from two analysts'
//! brat imports of the same article: they agree on most mentions and on the statement,
//! bob missed one mention and coded a commitment's strength one step lower.

use demarche::model::Project;
use demarche::persist;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

const ARTICLE: &str = "\
LIMA, May 6 (Meridian) — Peru and China signed a memorandum on port logistics on Tuesday, \
after talks between Foreign Minister Rosa Quispe Huamán and Wang Yi (王毅).

“We will open the Chancay corridor to every partner,” Quispe Huamán said. Wang said \
Beijing was “ready to share experience” in customs digitalisation.
";

const STATEMENT: &str = "“We will open the Chancay corridor to every partner,” Quispe Huamán said.";

/// A brat annotation file: three or four mentions, the statement and its commitment.
fn ann(with_beijing: bool, strength: &str) -> String {
    let mut lines = vec![
        "T1\tMention 25 29\tPeru".to_owned(),
        "T2\tMention 34 39\tChina".to_owned(),
        "T3\tMention 127 145\tRosa Quispe Huamán".to_owned(),
        format!("T5\tStatement 165 238\t{STATEMENT}"),
        format!("T6\tCommitment 165 238\t{STATEMENT}"),
        "R1\tInStatement Arg1:T6 Arg2:T5".to_owned(),
        "R2\tCommitter Arg1:T6 Arg2:T3".to_owned(),
        "A1\tAttribution T5 direct".to_owned(),
        format!("A2\tStrength T6 {strength}"),
        "A3\tCategory T6 AGREE".to_owned(),
    ];
    if with_beijing {
        lines.push("T4\tMention 249 256\tBeijing".to_owned());
    }
    lines.join("\n") + "\n"
}

struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    /// The article imported, then alice's and bob's brat folders imported as their layers.
    fn new() -> Self {
        let sandbox = Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        };
        fs::write(sandbox.path("lima.txt"), ARTICLE).expect("article");
        persist::save(&Project::new("Andean corpus"), &sandbox.path("p.ron")).expect("save");
        sandbox.ok(&["import", "p.ron", "lima.txt"]);
        for (who, with_beijing, strength) in
            [("alice", true, "certain"), ("bob", false, "probable")]
        {
            fs::create_dir(sandbox.path(who)).expect("folder");
            fs::write(sandbox.path(&format!("{who}/lima.txt")), ARTICLE).expect("text");
            fs::write(
                sandbox.path(&format!("{who}/lima.ann")),
                ann(with_beijing, strength),
            )
            .expect("annotations");
            sandbox.ok(&["import", "p.ron", "--format", "brat", who, "--as", who]);
        }
        sandbox
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

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

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }
}

/// The figure of `coefficient` for `measure` on `layer`, pooled.
fn figure<'a>(
    json: &'a serde_json::Value,
    layer: &str,
    measure: &str,
    coefficient: &str,
) -> &'a serde_json::Value {
    json["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| {
            f["layer"] == layer
                && f["measure"] == measure
                && f["coefficient"] == coefficient
                && f["document"].is_null()
        })
        .unwrap_or_else(|| panic!("no {coefficient} for {layer} {measure}"))
}

#[test]
fn the_table_names_each_coefficient_with_its_coverage() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["agreement", "p.ron"]);
    assert!(
        out.contains("2 analysts (alice, bob), 1 documents"),
        "{out}"
    );
    let strength = out
        .lines()
        .find(|l| l.starts_with("commitments") && l.contains("strength") && l.contains("ordinal"))
        .expect("a strength row");
    assert!(
        strength.contains("Krippendorff alpha ordinal"),
        "{strength}"
    );
    let mentions = out
        .lines()
        .find(|l| l.starts_with("mentions") && l.contains("position only"))
        .expect("a mentions row");
    assert!(
        mentions.contains("Krippendorff alpha_U (1995)"),
        "{mentions}"
    );
    assert!(
        mentions.contains("alice 1, bob 0"),
        "bob missed Beijing: {mentions}"
    );
}

#[test]
fn json_gives_figures_coverage_and_the_codebook_hash() {
    let sandbox = Sandbox::new();
    let json = sandbox.json(&["agreement", "p.ron", "--format", "json"]);
    assert_eq!(json["analysts"], serde_json::json!(["alice", "bob"]));
    assert!(
        json["codebook_hash"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    // The statement is coded identically: full span agreement.
    let statements = figure(
        &json,
        "statements",
        "span (by attribution)",
        "Krippendorff alpha_U (1995)",
    );
    assert_eq!(statements["value"], 1.0);
    // The commitment is matched; its strength differs (certain against probable).
    let strength = figure(&json, "commitments", "strength", "percent agreement");
    assert_eq!(strength["value"], 0.0);
    assert_eq!(strength["matched"], 1);
    let category = figure(&json, "commitments", "category", "percent agreement");
    assert_eq!(category["value"], 1.0);
    assert!(figure(&json, "commitments", "strength", "Cohen kappa").is_object());
    // Mentions: four against three, three matched, Beijing unmatched on alice's side.
    let mentions = figure(
        &json,
        "mentions",
        "span (position only)",
        "Krippendorff alpha_U (1995)",
    );
    assert_eq!(mentions["units"], serde_json::json!({"alice": 4, "bob": 3}));
    assert_eq!(
        mentions["unmatched"],
        serde_json::json!({"alice": 1, "bob": 0})
    );
    let position = mentions["value"].as_f64().expect("a figure");
    assert!(position > 0.0 && position < 1.0, "{position}");
}

#[test]
fn layers_documents_and_formats_narrow_and_shape_the_output() {
    let sandbox = Sandbox::new();
    let json = sandbox.json(&[
        "agreement",
        "p.ron",
        "--layer",
        "commitment",
        "--format",
        "json",
    ]);
    let layers: Vec<&str> = json["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .filter_map(|f| f["layer"].as_str())
        .collect();
    assert!(!layers.is_empty() && layers.iter().all(|l| *l == "commitments"));

    let csv = sandbox.ok(&["agreement", "p.ron", "--format", "csv", "--per-document"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("layer,analysts,document,measure,coefficient,value")
    );
    assert!(csv.lines().any(|l| l.contains(",Cohen kappa,")));
    let doc_rows = csv
        .lines()
        .filter(|l| l.split(',').nth(2).is_some_and(|d| !d.is_empty()));
    assert!(
        doc_rows.count() > 0,
        "--per-document adds rows with a document id"
    );

    sandbox.ok(&[
        "agreement",
        "p.ron",
        "--format",
        "html",
        "-o",
        "report.html",
    ]);
    let html = fs::read_to_string(sandbox.path("report.html")).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Krippendorff alpha_U (1995)") && html.contains("sha256:"));
    assert!(html.contains("alice") && html.contains("Peru and China signed"));
    assert!(!html.contains("<script"), "self-contained, no scripts");
}

#[test]
fn bad_selections_get_a_clear_message() {
    let sandbox = Sandbox::new();
    let unknown = sandbox.run(&["agreement", "p.ron", "--analysts", "alice,carol"]);
    assert!(!unknown.status.success());
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("no analyst “carol”") && stderr.contains("alice, bob"),
        "{stderr}"
    );

    let one = sandbox.run(&["agreement", "p.ron", "--analysts", "alice"]);
    assert!(String::from_utf8_lossy(&one.stderr).contains("at least two analysts"));

    let layer = sandbox.run(&["agreement", "p.ron", "--layer", "links"]);
    assert!(String::from_utf8_lossy(&layer.stderr).contains("is not a layer"));

    let dates = sandbox.run(&[
        "agreement",
        "p.ron",
        "--from",
        "2024-05-01",
        "--to",
        "2024-04-01",
    ]);
    assert!(String::from_utf8_lossy(&dates.stderr).contains("date range is empty"));

    let doc = sandbox.run(&["agreement", "p.ron", "--doc", "12"]);
    assert!(String::from_utf8_lossy(&doc.stderr).contains("no document 12"));
}
