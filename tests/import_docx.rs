//! Word statements: paragraphs in order, runs joined, headings, list items and table rows
//! as text (fixture written by tests/fixtures/articles/docx/make_docx.py).

use demarche::import::{import_bytes, import_file};
use demarche::model::Id;
use std::path::PathBuf;

#[test]
fn docx_paragraphs_come_out_in_order_with_runs_joined() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/docx/communique.docx");
    let doc = import_file(&path, Id(1)).expect("imports");
    let expected = "Communiqué conjoint\n\n\
        Brasília, 2 de junho — O Brasil e a Índia reafirmaram o compromisso com a reforma \
        do Conselho de Segurança.\n\n\
        Ministro:\tMauro Vieira\n\
        Ministro: S. Jaishankar (एस. जयशंकर)\n\n\
        Comércio & investimentos\n\n\
        “Energia limpa”\n\n\
        País\tMeta\n\n\
        Fim do comunicado.";
    assert_eq!(doc.text(), expected);
    assert_eq!(doc.origin.format, "docx");
    assert_eq!(doc.meta.title, "Communiqué conjoint");
}

#[test]
fn a_damaged_docx_is_refused_with_advice() {
    let error = import_bytes(
        b"PK\x03\x04 not really a zip",
        Some("statement.docx"),
        Id(1),
    )
    .expect_err("refused");
    assert!(error.to_string().contains("damaged"), "{error}");
}
