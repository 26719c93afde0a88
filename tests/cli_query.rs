//! `demarche query` and `demarche table` through the real binary, on the generated query
//! corpus saved as a project file and converted to a folder: hits and grid cells against
//! counts walked from the model, JSON, the analyst option, a malformed query's message,
//! and the XLSX export read back with calamine holding the cells of the CSV.

use crate::query_support::{self as fixture, CHINA};
use calamine::{Data, Reader, Xlsx, open_workbook};
use demarche::export::neutralise_formula;
use demarche::model::Project;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

struct Sandbox {
    dir: TempDir,
    project: Project,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let project = fixture::corpus();
        demarche::persist::save(&project, &dir.path().join("corpus.ron")).expect("save");
        Sandbox { dir, project }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .env("DEMARCHE_DATA_DIR", self.dir.path())
            .output()
            .expect("the binary runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect()
}

fn xlsx_rows(path: &Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("the XLSX opens");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

/// A spreadsheet cell as the CSV writes it.
fn as_csv_cell(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => neutralise_formula(s).into_owned(),
        Data::Float(f) => demarche::export::query_tables::number(*f),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

const QUERY: &str = "kind:commitment committer:China~ strength:certain";

#[test]
fn query_prints_every_hit_with_its_columns_and_the_span_in_context() {
    let sandbox = Sandbox::new();
    let china = fixture::family(&sandbox.project, CHINA);
    let expected = sandbox
        .project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| c.strength == "certain" && c.committer.is_some_and(|a| china.contains(&a)))
        .count();
    // The file and the same project as a folder answer alike.
    sandbox.ok(&["convert", "corpus.ron", "corpus"]);
    for project in ["corpus.ron", "corpus"] {
        let rows = csv_rows(&sandbox.ok(&["query", project, QUERY]));
        assert_eq!(rows[0], demarche::query::describe::COLUMNS);
        assert_eq!(rows.len() - 1, expected, "{project}");
        let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
        for row in &rows[1..] {
            assert_eq!(row[col("kind")], "commitment");
            assert_eq!(row[col("strength")], "certain");
            assert!(row[col("text")].ends_with("will go ahead."), "{row:?}");
            assert!(
                ["China", "Ministry of Foreign Affairs of China", "Wang Yi"]
                    .contains(&row[col("committer")].as_str())
            );
        }
    }
    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&[
        "query",
        "corpus.ron",
        QUERY,
        "--format",
        "json",
        "--analyst",
        "ana",
    ]))
    .expect("JSON");
    let ana = sandbox
        .project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| {
            c.stamp.annotator == "ana"
                && c.strength == "certain"
                && c.committer.is_some_and(|a| china.contains(&a))
        })
        .count();
    assert_eq!(json["count"], ana);
    assert!(
        json["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .all(|h| h["analyst"] == "ana")
    );
    assert_eq!(json["query"], format!("{QUERY} analyst:ana"));
}

#[test]
fn a_malformed_query_is_shown_with_a_caret_under_the_position() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["query", "corpus.ron", "kind:commitment colour:red"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at character 16: expected a field"), "{err}");
    assert!(
        err.contains("\n  kind:commitment colour:red\n                  ^"),
        "{err}"
    );
    let out = sandbox.run(&["table", "corpus.ron", "--rows", "colour", "--cols", "year"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a field or period"));
}

#[test]
fn table_prints_the_grid_with_totals_and_json_adds_percentages() {
    let sandbox = Sandbox::new();
    let rows = csv_rows(&sandbox.ok(&[
        "table",
        "corpus.ron",
        "--rows",
        "committer",
        "--cols",
        "category",
    ]));
    assert_eq!(rows[0][0], "committer \\ category");
    assert_eq!(rows[0].last().map(String::as_str), Some("total"));
    let peru = rows.iter().find(|r| r[0] == "Peru").expect("Peru row");
    let agree = rows[0].iter().position(|c| c == "AGREE").expect("AGREE");
    let expected = sandbox
        .project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| c.committer == Some(fixture::PERU) && c.category == "AGREE")
        .count();
    assert_eq!(peru[agree], expected.to_string());
    let all: usize = sandbox
        .project
        .documents
        .iter()
        .map(|d| d.commitments.len())
        .sum();
    let last = rows.last().expect("total row");
    assert_eq!(
        (last[0].as_str(), last.last().expect("total").clone()),
        ("total", all.to_string())
    );

    let json: serde_json::Value = serde_json::from_str(&sandbox.ok(&[
        "table",
        "corpus.ron",
        "--rows",
        "year",
        "--cols",
        "kind",
        "--value",
        "goldstein",
        "--weighted",
        "--format",
        "json",
        "--query",
        "kind:commitment",
    ]))
    .expect("JSON");
    assert_eq!(json["value"], "goldstein weighted by strength");
    assert_eq!(
        json["rows"]
            .as_array()
            .expect("rows")
            .last()
            .expect("undated"),
        "undated"
    );
    let total = json["total"].as_f64().expect("total");
    assert!(total > 0.0);
    let row_pct: f64 = json["row_percent"][0]
        .as_array()
        .expect("row")
        .iter()
        .filter_map(|v| v.as_f64())
        .sum();
    assert!((row_pct - 100.0).abs() < 1e-6);
}

#[test]
fn xlsx_exports_hold_the_same_cells_as_the_csv_under_a_query_and_date_row() {
    let mut sandbox = Sandbox::new();
    // A source a spreadsheet would run as a formula.
    sandbox.project.documents[0].meta.source = "=1+1".into();
    demarche::persist::save(&sandbox.project, &sandbox.path("corpus.ron")).expect("save");
    let query = "kind:commitment,tag";
    sandbox.ok(&["query", "corpus.ron", query, "--out", "hits.csv"]);
    sandbox.ok(&["query", "corpus.ron", query, "--out", "hits.xlsx"]);
    let csv = csv_rows(&std::fs::read_to_string(sandbox.path("hits.csv")).expect("csv"));
    let xlsx = xlsx_rows(&sandbox.path("hits.xlsx"));
    assert_eq!(xlsx[0][0], Data::String("query".into()));
    assert_eq!(xlsx[0][1], Data::String(query.into()));
    assert_eq!(xlsx[0][2], Data::String("exported".into()));
    assert_eq!(xlsx.len() - 1, csv.len());
    for (x, c) in xlsx[1..].iter().zip(&csv) {
        let cells: Vec<String> = x.iter().map(as_csv_cell).collect();
        assert_eq!(&cells, c);
    }
    // The formula is text in both: an apostrophe in the CSV, a string cell in the XLSX.
    let source = csv[0].iter().position(|c| c == "source").expect("source");
    assert!(csv.iter().any(|r| r[source] == "'=1+1"));
    assert!(
        xlsx.iter()
            .any(|r| r[source] == Data::String("=1+1".into()))
    );
    let args = [
        "table",
        "corpus.ron",
        "--rows",
        "source",
        "--cols",
        "quarter",
    ];
    sandbox.ok(&[&args[..], &["--out", "grid.csv"]].concat());
    sandbox.ok(&[&args[..], &["--out", "grid.xlsx"]].concat());
    let csv = csv_rows(&std::fs::read_to_string(sandbox.path("grid.csv")).expect("csv"));
    let xlsx = xlsx_rows(&sandbox.path("grid.xlsx"));
    assert_eq!(xlsx.len() - 1, csv.len());
    for (x, c) in xlsx[1..].iter().zip(&csv) {
        let cells: Vec<String> = x.iter().map(as_csv_cell).collect();
        assert_eq!(&cells, c);
    }
}

#[test]
fn a_query_saved_by_name_runs_again_with_at_name_in_the_file_and_the_folder() {
    let sandbox = Sandbox::new();
    let before = std::fs::read(sandbox.path("corpus.ron")).expect("read");
    sandbox.ok(&["convert", "corpus.ron", "corpus"]);
    // Loading and saving a project without saved queries keeps its bytes.
    assert!(!String::from_utf8_lossy(&before).contains("saved_queries"));
    for project in ["corpus.ron", "corpus"] {
        let said = sandbox.ok(&[
            "query",
            project,
            "kind:stances  polarity:favor",
            "--save",
            "Favour",
        ]);
        assert_eq!(said.trim(), "saved “Favour”: kind:stance polarity:favor");
        let direct = sandbox.ok(&["query", project, "kind:stance polarity:favor"]);
        assert_eq!(sandbox.ok(&["query", project, "@favour"]), direct);
        let grid = sandbox.ok(&[
            "table", project, "--rows", "holder", "--cols", "year", "--query", "@Favour",
        ]);
        assert!(grid.starts_with("holder \\ year"));
        let loaded = demarche::persist::load(&sandbox.path(project))
            .expect("loads")
            .project;
        assert_eq!(loaded.meta.saved_queries.len(), 1, "{project}");
        let out = sandbox.run(&["query", project, "@nothing"]);
        assert!(String::from_utf8_lossy(&out.stderr).contains("its saved queries: Favour"));
    }
}
