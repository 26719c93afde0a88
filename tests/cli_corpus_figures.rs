//! `demarche table --format svg` and `demarche series` through the real binary, on the
//! generated query corpus: the grid's SVG holds one cell per non-empty cell of the dyad
//! matrix with the count walked from the model (parsed as XML, not matched as text); the
//! series has a row per month from the first to the last dated hit, a column per strength
//! and the undated hits apart, as CSV, JSON and XLSX (read back with calamine), and as the
//! Time tab's SVG.

use crate::query_support as fixture;
use calamine::{Data, Reader, Xlsx, open_workbook};
use demarche::model::{Id, Project};
use std::collections::BTreeMap;
use std::process::Command;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

fn sandbox() -> (TempDir, Project) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let project = fixture::corpus();
    demarche::persist::save(&project, &dir.path().join("corpus.ron")).expect("save");
    (dir, project)
}

fn run(dir: &TempDir, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir.path())
        .env("DEMARCHE_DATA_DIR", dir.path())
        .output()
        .expect("the binary runs")
}

fn ok(dir: &TempDir, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn actor(project: &Project, id: Id) -> String {
    project
        .actors
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.name.clone())
        .expect("actor")
}

/// The text of the SVG's `<g class="cell">`s: (row, column) → the number written in it.
fn svg_cells(svg: &str) -> BTreeMap<(String, String), String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("cell"))
        .map(|g| {
            let text = g
                .children()
                .find(|c| c.has_tag_name("text"))
                .and_then(|t| t.text())
                .expect("the cell's value");
            let key = (
                g.attribute("data-row").expect("row").to_owned(),
                g.attribute("data-col").expect("col").to_owned(),
            );
            (key, text.to_owned())
        })
        .collect()
}

#[test]
fn the_dyad_matrix_as_svg_writes_each_non_empty_cell_with_its_count() {
    let (dir, project) = sandbox();
    // Committer × addressee of the certain and probable commitments, walked from the model:
    // a commitment is in the cell of each of its addressees, "(none)" without one.
    let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
    for c in project.documents.iter().flat_map(|d| &d.commitments) {
        if c.strength != "certain" && c.strength != "probable" {
            continue;
        }
        let row = c
            .committer
            .map_or("(none)".to_owned(), |id| actor(&project, id));
        let cols: Vec<String> = if c.addressees.is_empty() {
            vec!["(none)".into()]
        } else {
            c.addressees.iter().map(|a| actor(&project, *a)).collect()
        };
        for col in cols {
            *expected.entry((row.clone(), col)).or_default() += 1;
        }
    }
    assert!(expected.len() > 4, "the fixture has several dyads");
    let svg = ok(
        &dir,
        &[
            "table",
            "corpus.ron",
            "--rows",
            "committer",
            "--cols",
            "addressee",
            "--query",
            "kind:commitment strength:certain,probable",
            "--format",
            "svg",
        ],
    );
    let cells = svg_cells(&svg);
    let expected_text: BTreeMap<(String, String), String> = expected
        .iter()
        .map(|(k, n)| (k.clone(), n.to_string()))
        .collect();
    assert_eq!(cells, expected_text);
    // Headings of every row and column, and the grand total.
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    let texts = |class: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .flat_map(|n| {
                n.descendants()
                    .filter(|t| t.is_text())
                    .filter_map(|t| t.text())
                    .map(str::to_owned)
            })
            .collect()
    };
    let total: usize = expected.values().sum();
    assert_eq!(texts("grand-total"), vec![total.to_string()]);
    // Long headings are cut with "…".
    let shown = |class: &str, name: &str| {
        texts(class)
            .iter()
            .any(|t| t == name || t.ends_with('…') && name.starts_with(t.trim_end_matches('…')))
    };
    for (row, col) in expected.keys() {
        assert!(shown("row-heading", row), "{row}");
        assert!(shown("col-heading", col), "{col}");
    }
    // The file written with --out is the same figure; a hit list has none.
    ok(
        &dir,
        &[
            "table",
            "corpus.ron",
            "--rows",
            "committer",
            "--cols",
            "addressee",
            "--query",
            "kind:commitment strength:certain,probable",
            "--format",
            "svg",
            "--out",
            "dyads.svg",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("dyads.svg")).expect("written"),
        svg
    );
    let refused = run(&dir, &["query", "corpus.ron", "", "--format", "svg"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("demarche table"));
}

/// Commitments per (month or None, strength), walked from the model.
fn monthly(project: &Project) -> BTreeMap<(Option<String>, String), usize> {
    let mut out = BTreeMap::new();
    for d in &project.documents {
        let month = d.meta.date.map(|x| x.format("%Y-%m").to_string());
        for c in &d.commitments {
            *out.entry((month.clone(), c.strength.clone())).or_default() += 1;
        }
    }
    out
}

#[test]
fn the_series_has_a_row_per_month_a_column_per_value_and_the_undated_apart() {
    let (dir, project) = sandbox();
    let expected = monthly(&project);
    let args = [
        "series",
        "corpus.ron",
        "--by",
        "month",
        "--stack",
        "strength",
        "--query",
        "kind:commitment",
    ];
    let csv_text = ok(&dir, &args);
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows[0][0], "month");
    assert_eq!(rows[0].last().map(String::as_str), Some("total"));
    let strengths = &rows[0][1..rows[0].len() - 1];
    let mut sorted = fixture::STRENGTHS.to_vec();
    sorted.sort();
    assert_eq!(strengths, sorted.as_slice());
    // Every month from the first to the last dated document with a commitment, in order,
    // empty months included.
    let months: Vec<&String> = expected.keys().filter_map(|(m, _)| m.as_ref()).collect();
    let (first, last) = (
        months.first().expect("dated"),
        months.last().expect("dated"),
    );
    let listed: Vec<&str> = rows[1..rows.len() - 1]
        .iter()
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(listed.first(), Some(&first.as_str()));
    assert_eq!(listed.last(), Some(&last.as_str()));
    assert!(listed.windows(2).all(|w| w[0] < w[1]));
    let span = |m: &str| {
        let (y, mo) = m.split_once('-').expect("YYYY-MM");
        y.parse::<i32>().expect("year") * 12 + mo.parse::<i32>().expect("month")
    };
    assert_eq!(listed.len() as i32, span(last) - span(first) + 1);
    let undated_row = rows.last().expect("undated row");
    assert_eq!(undated_row[0], "undated");
    for row in &rows[1..] {
        let month = (row[0] != "undated").then(|| row[0].clone());
        let mut sum = 0;
        for (i, s) in strengths.iter().enumerate() {
            let n = expected
                .get(&(month.clone(), s.clone()))
                .copied()
                .unwrap_or(0);
            assert_eq!(row[i + 1], n.to_string(), "{month:?} {s}");
            sum += n;
        }
        assert_eq!(row.last(), Some(&sum.to_string()));
    }
    let undated: usize = expected
        .iter()
        .filter(|((m, _), _)| m.is_none())
        .map(|(_, n)| n)
        .sum();
    assert!(undated > 0, "the fixture has undated documents");
    assert_eq!(undated_row.last(), Some(&undated.to_string()));

    // JSON: the same counts.
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&dir, &json_args)).expect("JSON");
    assert_eq!(json["period"], "month");
    assert_eq!(json["stack"], "strength");
    let undated_json: u64 = json["undated"]
        .as_array()
        .expect("undated")
        .iter()
        .map(|n| n.as_u64().expect("count"))
        .sum();
    assert_eq!(undated_json as usize, undated);
    assert_eq!(
        json["periods"].as_array().expect("periods").len(),
        listed.len()
    );

    // XLSX: the query row, then the CSV's cells.
    let mut xlsx_args = args.to_vec();
    xlsx_args.extend(["--format", "xlsx", "--out", "series.xlsx"]);
    ok(&dir, &xlsx_args);
    let mut book: Xlsx<_> = open_workbook(dir.path().join("series.xlsx")).expect("opens");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).expect("sheet");
    let xlsx: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => demarche::export::query_tables::number(*f),
                    Data::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(xlsx[0][0], "query");
    assert_eq!(xlsx[0][1], "kind:commitment");
    assert_eq!(xlsx[1..], rows[..]);

    // SVG: the Time tab's stacked bars, one per non-empty (month, strength).
    let mut svg_args = args.to_vec();
    svg_args.extend(["--format", "svg"]);
    let svg = ok(&dir, &svg_args);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let bars = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("bar"))
        .count();
    let dated_segments = expected.keys().filter(|(m, _)| m.is_some()).count();
    assert_eq!(bars, dated_segments);

    // Unstacked by quarter: one column, all; and --help documents the command.
    let quarters = ok(&dir, &["series", "corpus.ron", "--by", "quarter"]);
    assert!(quarters.starts_with("quarter,all,total\n"), "{quarters}");
    assert!(quarters.contains("\n2019-Q1,"));
    let help = ok(&dir, &["series", "--help"]);
    for needed in ["--by", "--stack", "--query", "--format", "undated"] {
        assert!(help.contains(needed), "{needed} in {help}");
    }
    let bad = run(&dir, &["series", "corpus.ron", "--stack", "date"]);
    assert!(!bad.status.success());
}
