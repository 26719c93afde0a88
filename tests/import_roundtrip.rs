//! Any text, written as UTF-8, UTF-16LE with BOM or with CRLF endings, imports back intact.

use demarche::import;
use demarche::model::{Id, LineEndings};
use proptest::prelude::*;

/// Text an article could hold: any characters but the control characters that mark a
/// binary file and a leading BOM (which is an encoding mark, not text).
fn article_text() -> impl Strategy<Value = String> {
    r"[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\x{FEFF}]{1,300}"
        .prop_filter("not only blank space", |s| !s.trim().is_empty())
}

fn lf(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

proptest! {
    #[test]
    fn utf8_imports_to_the_lf_text(text in article_text()) {
        let doc = import::import_bytes(text.as_bytes(), Some("a.txt"), Id(1)).unwrap();
        prop_assert_eq!(doc.text(), lf(&text));
        prop_assert_eq!(&doc.origin.encoding, "UTF-8");
    }

    #[test]
    fn utf16le_with_bom_imports_to_the_lf_text(text in article_text()) {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let doc = import::import_bytes(&bytes, Some("a.txt"), Id(1)).unwrap();
        prop_assert_eq!(doc.text(), lf(&text));
        prop_assert_eq!(&doc.origin.encoding, "UTF-16LE");
    }

    #[test]
    fn crlf_text_imports_to_the_lf_text(text in article_text()) {
        let normal = lf(&text);
        let crlf = normal.replace('\n', "\r\n");
        let doc = import::import_bytes(crlf.as_bytes(), Some("a.txt"), Id(1)).unwrap();
        prop_assert_eq!(doc.text(), normal.as_str());
        let expected = if normal.contains('\n') { LineEndings::CrLf } else { LineEndings::Lf };
        prop_assert_eq!(doc.origin.line_endings, expected);
    }
}

/// Lines built from the pieces datelines and caption headers are made of, in any order.
fn wire_like_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "date ",
        "2019-09-27",
        " ",
        "  ",
        "\n",
        "\n\n",
        "(",
        ")",
        "Xinhua",
        "/",
        "Liu Jie",
        "BEIJING",
        "SÃO PAULO",
        ",",
        "Sept.",
        "Sept",
        "27",
        "2019",
        "--",
        "-",
        "—",
        "Mr.",
        "U.S.",
        "said",
        ".",
        "。",
        "王毅",
        "🌏",
        "é",
        "\u{301}",
    ]);
    prop::collection::vec(piece, 1..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn every_imported_text_gets_a_bounded_title_and_stays_whole(text in wire_like_text()) {
        prop_assume!(!text.trim().is_empty());
        let doc = import::import_bytes(text.as_bytes(), None, Id(1)).unwrap();
        prop_assert_eq!(doc.text(), text.as_str());
        prop_assert!(!doc.meta.title.is_empty());
        let max = import::metadata::TITLE_MAX_CHARS + 1;
        prop_assert!(doc.meta.title.chars().count() <= max);
    }
}
