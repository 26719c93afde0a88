//! Markdown statements: the text without markup, blocks a blank line apart, the first
//! heading as the title (fixture with CRLF line endings, accents, a Japanese name, a list,
//! a table, a quotation and a link).

use demarche::import::import_file;
use demarche::model::Id;
use std::path::PathBuf;

#[test]
fn markdown_becomes_plain_paragraphs_with_its_heading_as_title() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/markdown/cl-jp-statement.md");
    let doc = import_file(&path, Id(1)).expect("imports");
    let expected = "Déclaration conjointe du Chili et du Japon\n\n\
        Santiago, 14 avril — Les ministres Alberto van Klaveren et 上川陽子 (Kamikawa Yōko) \
        ont signé un accord sur le lithium. Le texte entre en vigueur en juin.\n\n\
        Engagements\n\n\
        Le Chili s’engage à « garantir l’accès » aux concessions.\n\n\
        Le Japon financera une usine à Antofagasta.\n\n\
        Pays\tMontant\n\n\
        Japon\t300 M$\n\n\
        « Un partenariat d’égal à égal », a dit van Klaveren.";
    assert_eq!(doc.text(), expected);
    assert_eq!(doc.meta.title, "Déclaration conjointe du Chili et du Japon");
    assert_eq!(doc.origin.format, "markdown");
    assert_eq!(doc.origin.line_endings, demarche::model::LineEndings::CrLf);
}
