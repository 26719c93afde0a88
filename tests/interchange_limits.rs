//! Other tools' files at their edges: too large, with a byte-order mark, with empty texts or
//! empty labels. The import succeeds with a project that validates, or fails naming the
//! file (and line) and changes nothing.

use demarche::interchange::{self, InterchangeError, UNLABELLED};
use demarche::model::Project;
use demarche::persist;
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write");
    path
}

fn assert_validates(project: &Project) {
    let problems = persist::validate(project);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn empty_brat_types_become_the_placeholder_and_the_project_validates() {
    let dir = TempDir::new().expect("folder");
    write(dir.path(), "a.txt", "Lavrov met Wang Yi in Moscow.");
    write(
        dir.path(),
        "a.ann",
        "T1\t 0 6\tLavrov\nT2\tPerson 11 18\tWang Yi\nE1\tMeeting:T1 :T2\n",
    );
    let mut project = Project::new("p");
    let report = interchange::import_brat(&mut project, dir.path(), "ana").expect("imports");
    let doc = &project.documents[0];
    let lavrov = doc
        .tags
        .iter()
        .find(|t| t.span.text() == "Lavrov")
        .expect("kept");
    assert_eq!(lavrov.category, UNLABELLED);
    assert!(
        doc.links.iter().any(|l| l.label == UNLABELLED),
        "{:?}",
        report.problems
    );
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.starts_with("a.ann, line 1:") && p.contains("no type")),
        "{:?}",
        report.problems
    );
    assert_validates(&project);
}

#[test]
fn empty_doccano_labels_and_relation_types_become_the_placeholder() {
    let dir = TempDir::new().expect("folder");
    let file = write(
        dir.path(),
        "corpus.jsonl",
        concat!(
            r#"{"text": "Lavrov met Wang Yi.", "label": [[0, 6, ""], [11, 18, "  "]]}"#,
            "\n",
            r#"{"text": "Lavrov met Wang Yi.", "entities": [{"id": 1, "start_offset": 0, "end_offset": 6, "label": ""}, {"id": 2, "start_offset": 11, "end_offset": 18, "label": "PER"}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": ""}]}"#,
            "\n"
        ),
    );
    let mut project = Project::new("p");
    let report = interchange::import_jsonl(&mut project, &file, "ana").expect("imports");
    assert_eq!(report.documents, 2);
    let categories: Vec<&str> = project
        .documents
        .iter()
        .flat_map(|d| d.tags.iter().map(|t| t.category.as_str()))
        .collect();
    assert_eq!(categories.iter().filter(|&&c| c == UNLABELLED).count(), 3);
    assert!(
        project.documents[1]
            .links
            .iter()
            .any(|l| l.label == UNLABELLED)
    );
    for expected in [
        "line 1, label 1",
        "line 1, label 2",
        "line 2, entity 1",
        "line 2, relation 1",
    ] {
        assert!(
            report.problems.iter().any(|p| p.starts_with(expected)),
            "{expected}: {:?}",
            report.problems
        );
    }
    assert_validates(&project);
}

#[test]
fn a_doccano_line_with_empty_text_is_refused_with_its_number() {
    let dir = TempDir::new().expect("folder");
    let file = write(
        dir.path(),
        "corpus.jsonl",
        "{\"text\": \"Lavrov spoke.\", \"label\": []}\n\n{\"text\": \"\", \"label\": []}\n",
    );
    let mut project = Project::new("p");
    let error = interchange::import_jsonl(&mut project, &file, "ana").expect_err("refused");
    assert!(
        matches!(error, InterchangeError::BadLine { line: 3, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("empty"), "{error}");
    assert!(project.documents.is_empty());
}

#[test]
fn byte_order_marks_at_the_start_of_ann_and_jsonl_files_are_dropped() {
    let dir = TempDir::new().expect("folder");
    write(dir.path(), "a.txt", "Lavrov spoke.");
    write(dir.path(), "a.ann", "\u{FEFF}T1\tPerson 0 6\tLavrov\n");
    let mut project = Project::new("p");
    let report = interchange::import_brat(&mut project, dir.path(), "ana").expect("imports");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(project.documents[0].tags[0].category, "Person");

    let file = write(
        dir.path(),
        "corpus.jsonl",
        "\u{FEFF}{\"text\": \"Lavrov spoke.\", \"label\": [[0, 6, \"PER\"]]}\n",
    );
    let mut project = Project::new("p");
    interchange::import_jsonl(&mut project, &file, "ana").expect("imports");
    assert_eq!(project.documents[0].tags[0].category, "PER");
}

#[test]
fn files_past_the_size_limits_are_refused_by_name() {
    let dir = TempDir::new().expect("folder");
    let jsonl = dir.path().join("huge.jsonl");
    let file = std::fs::File::create(&jsonl).expect("create");
    file.set_len(interchange::MAX_JSONL_BYTES as u64 + 1)
        .expect("sized");
    let mut project = Project::new("p");
    let error = interchange::import_jsonl(&mut project, &jsonl, "ana").expect_err("refused");
    assert!(
        matches!(error, InterchangeError::TooLarge { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("huge.jsonl"), "{message}");
    assert!(message.contains("256 MiB"), "{message}");

    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).expect("folder");
    write(&brat, "a.txt", "Lavrov spoke.");
    let big = std::fs::File::create(brat.join("b.txt")).expect("create");
    big.set_len(interchange::MAX_BRAT_TEXT_BYTES as u64 + 1)
        .expect("sized");
    let error = interchange::import_brat(&mut project, &brat, "ana").expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("b.txt"), "{message}");
    assert!(message.contains("16 MiB"), "{message}");
    assert!(project.documents.is_empty(), "a.txt was imported");
}

#[test]
fn the_command_line_import_of_empty_types_saves_a_project_that_validates() {
    let dir = TempDir::new().expect("folder");
    let project = dir.path().join("p.ron");
    persist::save(&Project::new("p"), &project).expect("save");
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).expect("folder");
    write(&brat, "a.txt", "Lavrov spoke.");
    write(&brat, "a.ann", "T1\t 0 6\tLavrov\n");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env("DEMARCHE_DATA_DIR", dir.path())
            .output()
            .expect("runs")
    };
    let out = run(&["import", "p.ron", "--format", "brat", "brat"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["validate", "p.ron"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
