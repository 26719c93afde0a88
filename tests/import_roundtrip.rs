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
