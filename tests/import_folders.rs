//! Importing folders of articles: which files are read, in what order, and the summary
//! `demarche import` prints for a folder with nested folders, duplicates and files that
//! cannot be read.

use demarche::import::expand_paths;
use demarche::persist;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

const STORY_BERN: &str = "BERN, 3 mars (Méridien) — La Suisse et l’Union européenne ont \
conclu jeudi les négociations sur le paquet bilatéral, a annoncé le conseiller fédéral \
Ignazio Cassis.\n\n« C’est un pas décisif », a-t-il déclaré devant la presse.\n";

const STORY_SEOUL_CRLF: &str = "SEOUL, March 4 (Meridian) — South Korea’s foreign minister \
Cho Tae-yul (조태열) met his Japanese counterpart on Tuesday.\r\n\r\n“We agreed to keep \
talking,” Cho said.\r\n";

const STORY_ADDIS: &str = "ADDIS ABABA, March 5 (Meridian) — The African Union said on \
Wednesday that talks on the Nile dam would resume in April.\n";

/// 2024/
///   01-bern.txt
///   02/seoul.txt
///   02/copy-of-bern.txt      (same text as 01-bern.txt)
///   03/deep/addis.txt
///   .drafts/hidden.txt       (hidden folder: skipped)
///   .notes.txt               (hidden file: skipped)
///   photo.png                (not an article)
///   missing.txt              (a link to a file that is gone)
fn build_corpus(root: &Path) -> PathBuf {
    let corpus = root.join("2024");
    let write = |relative: &str, bytes: &[u8]| {
        let path = corpus.join(relative);
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
        fs::write(path, bytes).expect("write article");
    };
    write("01-bern.txt", STORY_BERN.as_bytes());
    write("02/seoul.txt", STORY_SEOUL_CRLF.as_bytes());
    write("02/copy-of-bern.txt", STORY_BERN.as_bytes());
    write("03/deep/addis.txt", STORY_ADDIS.as_bytes());
    write(
        ".drafts/hidden.txt",
        b"A draft that must not be imported.\n",
    );
    write(".notes.txt", b"Private notes.\n");
    write("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("gone.txt"), corpus.join("missing.txt"))
        .expect("create dangling link");
    corpus
}

fn names(files: &[PathBuf], root: &Path) -> Vec<String> {
    files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .expect("under the corpus")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

#[test]
fn a_folder_expands_to_its_visible_files_in_name_order_at_every_depth() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = build_corpus(dir.path());
    let single = dir.path().join("single.txt");
    fs::write(&single, STORY_ADDIS).expect("write article");

    let expanded = expand_paths(&[single.clone(), corpus.clone()]);

    assert!(expanded.failures.is_empty(), "{:?}", expanded.failures);
    assert_eq!(expanded.files[0], single, "a file named first stays first");
    let mut expected = vec![
        "01-bern.txt",
        "02/copy-of-bern.txt",
        "02/seoul.txt",
        "03/deep/addis.txt",
    ];
    #[cfg(unix)]
    expected.push("missing.txt");
    expected.push("photo.png");
    assert_eq!(names(&expanded.files[1..], &corpus), expected);
}

#[test]
fn importing_a_folder_prints_imported_duplicates_and_failures_with_reasons() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = build_corpus(dir.path());
    let project = dir.path().join("corpus.ron");
    let run = |args: &[&std::ffi::OsStr]| {
        Command::new(BIN)
            .args(args)
            .env("DEMARCHE_DATA_DIR", dir.path())
            .output()
            .expect("the binary runs")
    };
    let created = run(&["new".as_ref(), project.as_os_str()]);
    assert!(created.status.success(), "{created:?}");

    let out = run(&["import".as_ref(), project.as_os_str(), corpus.as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);

    assert!(
        !out.status.success(),
        "a failed article gives a failing status"
    );
    let failures = if cfg!(unix) { 2 } else { 1 };
    assert!(
        stdout.contains(&format!(
            "imported 3, skipped 1 duplicate, failed {failures}"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("copy-of-bern.txt: skipped, same text as document"),
        "{stdout}"
    );
    assert!(
        stderr.contains("photo.png: this is a PNG image"),
        "{stderr}"
    );
    #[cfg(unix)]
    assert!(
        stderr.contains("missing.txt: the file could not be read"),
        "{stderr}"
    );
    assert!(
        !stdout.contains("hidden") && !stdout.contains(".notes"),
        "{stdout}"
    );

    let saved = persist::load(&project).expect("the project loads").project;
    let texts: Vec<&str> = saved.documents.iter().map(|d| d.text()).collect();
    assert_eq!(texts.len(), 3);
    assert!(
        texts[0].starts_with("BERN, 3 mars"),
        "documents follow name order"
    );
    assert!(texts[1].starts_with("SEOUL"));
    assert!(texts[2].starts_with("ADDIS ABABA"));
}
