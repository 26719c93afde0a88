//! Every export format on a realistic project: golden files, CSV offsets against the text,
//! formula neutralising, HTML escaping, the REFI-QDA archive, and the JSON document.

use crate::export_fixture;

use demarche::export::{self, Format, neutralise_formula};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn export_to(format: Format) -> (tempfile::TempDir, export::Summary) {
    let dir = tempfile::tempdir().unwrap();
    let project = export_fixture::project();
    let mut seen = Vec::new();
    let summary = export::export(&project, format, dir.path(), &mut |p| seen.push(p)).unwrap();
    assert_eq!(
        seen.last().map(|p| (p.done, p.total)).unwrap_or((3, 3)),
        (3, 3)
    );
    (dir, summary)
}

/// Compares a file with its golden copy; `UPDATE_GOLDEN=1` rewrites the golden copy.
fn golden(format: &str, name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/export")
        .join(format)
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} differs from its golden copy",
        path.display()
    );
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn csv_tables_match_golden_files_and_leave_no_staging_folder() {
    let (dir, summary) = export_to(Format::Csv);
    let names: Vec<PathBuf> = summary
        .files
        .iter()
        .map(|f| PathBuf::from(f.file_name().unwrap()))
        .collect();
    for name in [
        "documents.csv",
        "progress.csv",
        "actors.csv",
        "codebook.csv",
        "mentions.csv",
        "statements.csv",
        "commitments.csv",
        "stances.csv",
        "tags.csv",
        "links.csv",
    ] {
        assert!(names.contains(&PathBuf::from(name)), "{name} missing");
        golden("csv", name, &read(dir.path(), name));
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "staging folder left behind");
}

/// Undoes the apostrophe that neutralising adds, to compare with the article text.
fn plain(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralise_formula(rest).starts_with('\'') => rest,
        _ => cell,
    }
}

#[test]
fn every_csv_offset_points_at_its_text() {
    let (dir, _) = export_to(Format::Csv);
    let project = export_fixture::project();
    let docs: HashMap<String, &demarche::model::Document> = project
        .documents
        .iter()
        .map(|d| (d.id.0.to_string(), d))
        .collect();
    let mut checked = 0;
    for table in [
        "mentions.csv",
        "statements.csv",
        "commitments.csv",
        "stances.csv",
        "tags.csv",
    ] {
        let mut reader = csv::Reader::from_path(dir.path().join(table)).unwrap();
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (doc_col, start_col, end_col, text_col, ranges_col) = (
            col("document_id"),
            col("start"),
            col("end"),
            col("text"),
            col("ranges"),
        );
        for row in reader.records() {
            let row = row.unwrap();
            let doc = docs[&row[doc_col]];
            let start: usize = row[start_col].parse().unwrap();
            let end: usize = row[end_col].parse().unwrap();
            let text = plain(&row[text_col]);
            if row[ranges_col].is_empty() {
                assert_eq!(doc.slice(start, end).unwrap(), text, "{table}");
            } else {
                let pieces: Vec<&str> = row[ranges_col]
                    .split(';')
                    .map(|r| {
                        let (s, e) = r.split_once('-').unwrap();
                        doc.slice(s.parse().unwrap(), e.parse().unwrap()).unwrap()
                    })
                    .collect();
                assert_eq!(pieces.join(" … "), text, "{table}");
                assert!(pieces.len() > 1);
            }
            checked += 1;
        }
    }
    // 7 mentions, 3 statements, 2 commitments, 2 stances, 2 tags.
    assert_eq!(checked, 7 + 3 + 2 + 2 + 2);
}

#[test]
fn formula_cells_are_neutralised_but_numbers_and_plain_text_are_not() {
    for cell in ["=SUM(A1)", "+1", "-5%", "@cmd", "\tx", "\rx"] {
        assert_eq!(neutralise_formula(cell), format!("'{cell}"));
    }
    for cell in ["Wang Yi", "5", "", "王毅", "'quoted"] {
        assert_eq!(neutralise_formula(cell), cell);
    }
    let (dir, _) = export_to(Format::Csv);
    let tags = read(dir.path(), "tags.csv");
    assert!(
        tags.contains(",'=SUM(A1) is not a formula here; -5% growth,"),
        "{tags}"
    );
    assert!(tags.contains("'+check figures"));
    // A JSON cell starts with `{`, which no spreadsheet runs.
    let docs = read(dir.path(), "documents.csv");
    assert!(
        docs.contains(r#""{""desk"":""=Latin America""}""#),
        "{docs}"
    );
}

#[test]
fn json_is_the_whole_project_with_each_documents_text() {
    let (dir, _) = export_to(Format::Json);
    let json = read(dir.path(), "project.json");
    golden("json", "project.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let docs = value["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], 10);
    assert_eq!(docs[0]["text"], export_fixture::ARTICLE);
    let back: demarche::model::Project = serde_json::from_str(&json).unwrap();
    assert_eq!(back, export_fixture::project());
}

#[test]
fn html_report_escapes_article_and_annotation_text() {
    let (dir, _) = export_to(Format::Html);
    let html = read(dir.path(), "report.html");
    golden("html", "report.html", &html);
    assert!(
        !html.contains("<script"),
        "a <script> from the article survived"
    );
    assert!(html.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;markup&lt;/b&gt; in the wire"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
    assert!(html.contains("@media print"));
    assert!(html.contains("work with Latin America"));
    assert!(html.contains("🇨🇳🤝"));
}

#[test]
fn brat_export_matches_golden_files() {
    let (dir, summary) = export_to(Format::Brat);
    assert!(summary.left_out.is_empty(), "{:?}", summary.left_out);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    for name in names {
        golden("brat", &name, &read(dir.path(), &name));
    }
}

#[test]
fn jsonl_export_matches_golden_files() {
    let (dir, _) = export_to(Format::Jsonl);
    for name in ["doccano.jsonl", "doccano_labels.jsonl"] {
        let content = read(dir.path(), name);
        assert_eq!(content.lines().count(), 3);
        golden("jsonl", name, &content);
    }
}

#[test]
fn qdpx_holds_a_refi_qda_project_and_the_sources() {
    let (dir, _) = export_to(Format::Qdpx);
    let file = std::fs::File::open(dir.path().join("project.qdpx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 4, "{names:?}");
    let mut qde = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut qde).unwrap();
    golden("qdpx", "project.qde", &qde);
    // Well-formed XML in the REFI-QDA namespace, with what an analyst entered.
    let mut reader = quick_xml::Reader::from_str(&qde);
    let mut elements: HashMap<String, usize> = HashMap::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                *elements
                    .entry(String::from_utf8_lossy(e.name().as_ref()).into_owned())
                    .or_default() += 1;
            }
            _ => {}
        }
    }
    assert!(qde.contains("xmlns=\"urn:QDA-XML:project:1.0\""));
    assert_eq!(elements["TextSource"], 3);
    assert_eq!(elements["Link"], 2);
    // 8 mentions, 3 statements (one in two parts), 2 cues, 2 commitments (one in two
    // parts), 2 stances (one in two parts) and 2 tags.
    assert_eq!(elements["PlainTextSelection"], 7 + 4 + 2 + 3 + 3 + 2);
    assert!(qde.contains("Headline commitment\nrepeated in the communiqué"));
    assert!(qde.contains("Conditions: partners respect non-interference"));
    for name in names.iter().filter(|n| n.starts_with("sources/")) {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        assert!(qde.contains(&format!("internal://{}", &name["sources/".len()..])));
        assert!(!text.is_empty());
    }
}

#[test]
fn export_into_a_file_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let err =
        export::export(&export_fixture::project(), Format::Csv, &file, &mut |_| {}).unwrap_err();
    assert!(err.to_string().contains("not a folder"), "{err}");
}

#[test]
fn the_codebook_table_keeps_a_renamed_key_s_role() {
    use demarche::edit::compose::rename_codebook_key;
    use demarche::model::CodebookList;
    let mut project = export_fixture::project();
    rename_codebook_key(&project, CodebookList::Strengths, "certain", "firm")
        .apply(&mut project)
        .expect("the rename applies");
    let dir = tempfile::tempdir().unwrap();
    export::export(&project, Format::Csv, dir.path(), &mut |_| {}).unwrap();
    let table = read(dir.path(), "codebook.csv");
    let header = table.lines().next().unwrap_or("");
    assert!(header.starts_with("list,key,role,label"), "{header}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Strengths,firm,certain,")),
        "the renamed entry names its role:\n{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Strengths,probable,probable,")),
        "an entry never renamed is its own role"
    );
}
