//! Hostile files: compression bombs, runaway nesting, damaged encodings. Each is made here
//! (small on disk), and each import either succeeds or is refused with a message naming the
//! file and the limit, within bounded memory and with the project left as it was.

use demarche::import::{
    ImportError, MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, import_bytes, import_bytes_with_warnings,
};
use demarche::model::{Id, Project};
use demarche::persist;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

/// Address space the binary may use, in KiB: an uncapped inflate of the bombs below needs
/// more, a capped import far less.
const MEMORY_KIB: u64 = 2_000_000;

/// Runs `demarche ARGS` under `ulimit -v`, so an import that inflates a bomb whole fails.
fn run_capped(dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB}; exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .env("DEMARCHE_DATA_DIR", dir)
        .output()
        .expect("the binary runs")
}

/// A saved project with nothing in it, and its bytes.
fn empty_project(dir: &Path) -> (PathBuf, Vec<u8>) {
    let path = dir.join("corpus.ron");
    persist::save(&Project::new("Corpus"), &path).expect("save");
    let bytes = std::fs::read(&path).expect("read back");
    (path, bytes)
}

/// Imports `file` with the CLI under the memory cap; asserts it is refused with a message
/// naming the file and `limit`, and that the project is unchanged.
fn assert_refused_by_cli(file_name: &str, bytes: &[u8], limit: &str) {
    let dir = TempDir::new().expect("temporary folder");
    let (project, before) = empty_project(dir.path());
    std::fs::write(dir.path().join(file_name), bytes).expect("write");
    let out = run_capped(
        dir.path(),
        &["import", project.to_str().expect("utf-8 path"), file_name],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "imported: {stderr}");
    assert!(stderr.contains(file_name), "file not named: {stderr}");
    assert!(stderr.contains(limit), "limit {limit} not named: {stderr}");
    assert!(!stderr.contains("memory"), "ran out of memory: {stderr}");
    assert_eq!(
        std::fs::read(&project).expect("project"),
        before,
        "project changed"
    );
}

/// A DOCX whose `word/document.xml` is `head`, then `filler` `times` over, then `tail`.
fn docx(head: &str, filler: &str, times: usize, tail: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true)
        // Level 9: zlib-rs (the deflate backend since rust_xlsxwriter joined the tree)
        // packs these repeats less tightly than miniz did at the default level.
        .compression_level(Some(9));
    zip.start_file("word/document.xml", options).expect("entry");
    zip.write_all(head.as_bytes()).expect("write");
    let per_chunk = (64 * 1024 / filler.len().max(1)).max(1);
    let chunk = filler.repeat(per_chunk);
    let mut left = times;
    while left > 0 {
        let n = left.min(per_chunk);
        zip.write_all(&chunk.as_bytes()[..n * filler.len()])
            .expect("write");
        left -= n;
    }
    zip.write_all(tail.as_bytes()).expect("write");
    zip.finish().expect("finish").into_inner()
}

const DOCX_HEAD: &str = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>"#;
const DOCX_TAIL: &str = "</w:t></w:r></w:p></w:body></w:document>";

#[test]
fn a_docx_whose_text_inflates_past_the_article_limit_is_refused() {
    // 64 MiB of text from a file of about 64 KiB.
    let bomb = docx(DOCX_HEAD, "Lavrov ", 64 * 1024 * 1024 / 7, DOCX_TAIL);
    assert!(bomb.len() < 1024 * 1024, "bomb is {} bytes", bomb.len());
    let error = import_bytes(&bomb, Some("bomb.docx"), Id(1)).expect_err("refused");
    assert!(
        matches!(error, ImportError::TextTooLong { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("16 MiB"), "{error}");
}

#[test]
fn a_docx_markup_bomb_is_refused_within_bounded_memory() {
    // Empty paragraphs add no text; 600 MiB of them inflate from about 600 KiB.
    let bomb = docx(
        r#"<w:document xmlns:w="w"><w:body>"#,
        "<w:x/>",
        100 * 1024 * 1024,
        "<w:p><w:r><w:t>Lavrov</w:t></w:r></w:p></w:body></w:document>",
    );
    assert!(bomb.len() < 2 * 1024 * 1024, "bomb is {} bytes", bomb.len());
    assert_refused_by_cli("bomb.docx", &bomb, "128 MiB");
}

#[test]
fn a_docx_with_a_large_but_real_text_still_imports() {
    let words = "The ministers met in Geneva. ".repeat(20_000);
    let file = docx(DOCX_HEAD, &words, 1, DOCX_TAIL);
    let doc = import_bytes(&file, Some("long.docx"), Id(1)).expect("imports");
    assert_eq!(doc.text(), words.trim_end());
}

/// A PDF whose pages draw `contents` (one content stream each, compressed) in Helvetica.
fn pdf(contents: Vec<Vec<u8>>) -> Vec<u8> {
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids: Vec<Object> = Vec::new();
    for content in contents {
        let mut stream = Stream::new(dictionary! {}, content);
        stream.compress().expect("compresses");
        let content_id = doc.add_object(stream);
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources,
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF writes to memory");
    bytes
}

/// A content stream showing `string` `times` over on one line, about `7 + len` bytes each.
fn shows(string: &str, times: usize) -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    let op = format!("({string}) Tj ");
    content.reserve(op.len() * times + 3);
    for _ in 0..times {
        content.extend_from_slice(op.as_bytes());
    }
    content.extend_from_slice(b"ET");
    content
}

#[test]
fn a_pdf_page_that_inflates_to_64_mib_is_refused_within_bounded_memory() {
    // The tester's file: 64 MiB of one-letter runs from about 100 KiB.
    let bomb = pdf(vec![shows("a", 64 * 1024 * 1024 / 7)]);
    assert!(bomb.len() < 1024 * 1024, "bomb is {} bytes", bomb.len());
    assert_refused_by_cli("bomb.pdf", &bomb, "16 MiB");
}

#[test]
fn a_pdf_with_millions_of_operations_is_refused() {
    // Under the stream limit, over the operation limit.
    let file = pdf(vec![shows("a", 2_100_000)]);
    let error = import_bytes(&file, Some("ops.pdf"), Id(1)).expect_err("refused");
    assert!(
        matches!(error, ImportError::TooManyOperations { limit } if limit == demarche::import::MAX_OPERATIONS),
        "{error:?}"
    );
    assert!(error.to_string().contains("2000000"), "{error}");
}

#[test]
fn a_pdf_drawing_more_text_than_an_article_holds_is_refused() {
    let line = "Ministers met. ".repeat(60);
    let page = shows(&line, 7 * 1024 * 1024 / (line.len() + 6));
    let file = pdf(vec![page.clone(), page.clone(), page]);
    let error = import_bytes(&file, Some("long.pdf"), Id(1)).expect_err("refused");
    assert!(
        matches!(error, ImportError::TextTooLong { .. }),
        "{error:?}"
    );
}

/// Three paragraphs of a wire story, enough for the readability pass to take as the story.
const STORY: &str = "<p>The foreign ministers of Brazil and India met in Geneva on Tuesday to \
    discuss the reform of the Security Council, according to a statement released after the \
    talks by both delegations.</p><p>“We will continue to work together for a council that \
    reflects the world of today,” the Brazilian minister said, adding that the two countries \
    would coordinate their positions before the General Assembly in September.</p><p>The \
    Indian minister said the talks had been productive and that both sides had agreed to meet \
    again in New Delhi before the end of the year to review progress on trade and energy.</p>";

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Talks in Geneva</title></head><body>{body}</body></html>"
    )
}

#[test]
fn ten_thousand_nested_divs_are_flattened_and_the_story_kept() {
    let depth = 10_000;
    let html = page(&format!(
        "{}<article>{STORY}</article>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    ));
    let imported =
        import_bytes_with_warnings(html.as_bytes(), Some("deep.html"), Id(1)).expect("imports");
    let text = imported.document.text();
    assert!(
        text.starts_with("The foreign ministers of Brazil"),
        "{text}"
    );
    assert!(text.ends_with("trade and energy."), "{text}");
    // Paragraphs stay paragraphs: the tags dropped are the middle of the chain.
    assert!(text.contains(".\n\n“We will continue"), "{text}");
    // The chain: html, body, the divs, article, p.
    let flattened = depth + 4 - MAX_HTML_DEPTH;
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.starts_with(&format!("{flattened} elements nested deeper than"))),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn a_tag_with_200000_attributes_keeps_the_first_ones_and_the_story() {
    let attributes: String = (0..200_000)
        .map(|n| format!(" data-x{n}=\"{n}\""))
        .collect();
    let html = page(&format!("<article{attributes}>{STORY}</article>"));
    let imported =
        import_bytes_with_warnings(html.as_bytes(), Some("wide.html"), Id(1)).expect("imports");
    assert!(
        imported
            .document
            .text()
            .starts_with("The foreign ministers of Brazil")
    );
    let dropped = 200_000 - MAX_HTML_ATTRIBUTES;
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.starts_with(&format!("{dropped} attributes beyond"))),
        "{:?}",
        imported.warnings
    );
}
