//! PDF statements: the text layer comes out as the article's paragraphs, in order, with
//! running headers, footers and page numbers gone and words broken at line ends joined.
//! The PDFs are written by the test (tests/fixtures/articles/pdf/writer.rs) the way word
//! processors write them.

#[path = "fixtures/articles/pdf/writer.rs"]
pub(crate) mod writer;

use chrono::NaiveDate;
use demarche::import::{ImportError, MAX_ARTICLE_BYTES, MAX_PDF_BYTES, import_bytes, import_file};
use demarche::model::{Id, document};
use lopdf::dictionary;
use proptest::prelude::*;
use writer::{Line, Spec};

const TITLE: &str = "Joint Statement on Cooperation between Brazil and Côte d’Ivoire";

/// A three-page press release: 12 body lines a page, paragraphs separated by 8 points,
/// lines broken as a word processor breaks them at 86 characters (hyphenating five words).
fn statement_lines() -> Vec<Line> {
    let paragraphs: &[&[&str]] = &[
        &[
            "The Ministers of Foreign Affairs of the Federative Republic of Brazil and of the",
            "Republic of Côte d’Ivoire met at Itamaraty on 11 March 2024 to review their coopera-",
            "tion and to prepare the visit of President Alassane Ouattara to São Paulo later this",
            "year.",
        ],
        &[
            "Both Ministers recalled the long-term partnership agreed in 2019 and reaffirmed their",
            "resolve to pursue, with their partners in West Africa and in South America, a long-",
            "term agenda on agriculture, energy, health and education for the period 2024–2026, in",
            "line with the priorities set by their Governments.",
        ],
        &[
            "The Brazilian Minister said: “Our countries share the Atlantic and a history that",
            "binds them; we intend to turn that history into trade, investment and technical",
            // Page break here: the paragraph goes on at the top of page 2.
            "cooperation.” He added that senior officials of both ministries would hold the follow-",
            "up meeting in Abidjan before the end of June, and that Brazil would take up the",
            "Ivorian proposal on cocoa research at Embrapa.",
        ],
        &[
            "The Ivorian Minister thanked the Government of Brazil for its support to the candidacy",
            "of Côte d’Ivoire to the Human Rights Council and welcomed the decision to open a trade",
            "promotion office in Abidjan. Both sides agreed, after a long exchange, that negoti-",
            "ations on an agreement on the mutual protection of investments should resume in April",
            "— with a view to concluding them before the visit — and that the joint commission",
            "would meet every two years, alternately in Brasília and Abidjan, to follow the work of",
            "the technical committees and to report to both Ministers.",
        ],
        &[
            "The Ministers also exchanged views on the regional situation and on other interna-",
            "tional questions, including peace and security in the Sahel and the Gulf of Guinea,",
            "and took note of the meeting of BRICS foreign ministers chaired by Wang Yi (王毅) in",
            // Page break here.
            "Beijing. They underlined the importance of multilateralism and of the reform of the",
            "United Nations Security Council.",
        ],
        &[
            "The Minister of Foreign Affairs of Côte d’Ivoire thanked his Brazilian counterpart for",
            "the warm welcome extended to his delegation at Itamaraty and in São Paulo.",
        ],
    ];
    let mut lines = vec![
        Line::body(TITLE).sized(16.0),
        Line::body("Brasília, 12 March 2024").after_gap(10.0),
    ];
    for paragraph in paragraphs {
        for (i, text) in paragraph.iter().enumerate() {
            let line = Line::body(text);
            lines.push(if i == 0 { line.after_gap(8.0) } else { line });
        }
    }
    lines
}

const EXPECTED: &str = "Joint Statement on Cooperation between Brazil and Côte d’Ivoire\n\n\
Brasília, 12 March 2024\n\n\
The Ministers of Foreign Affairs of the Federative Republic of Brazil and of the Republic of \
Côte d’Ivoire met at Itamaraty on 11 March 2024 to review their cooperation and to prepare \
the visit of President Alassane Ouattara to São Paulo later this year.\n\n\
Both Ministers recalled the long-term partnership agreed in 2019 and reaffirmed their resolve \
to pursue, with their partners in West Africa and in South America, a long-term agenda on \
agriculture, energy, health and education for the period 2024–2026, in line with the \
priorities set by their Governments.\n\n\
The Brazilian Minister said: “Our countries share the Atlantic and a history that binds them; \
we intend to turn that history into trade, investment and technical cooperation.” He added \
that senior officials of both ministries would hold the follow-up meeting in Abidjan before \
the end of June, and that Brazil would take up the Ivorian proposal on cocoa research at \
Embrapa.\n\n\
The Ivorian Minister thanked the Government of Brazil for its support to the candidacy of \
Côte d’Ivoire to the Human Rights Council and welcomed the decision to open a trade promotion \
office in Abidjan. Both sides agreed, after a long exchange, that negotiations on an agreement \
on the mutual protection of investments should resume in April — with a view to concluding \
them before the visit — and that the joint commission would meet every two years, alternately \
in Brasília and Abidjan, to follow the work of the technical committees and to report to both \
Ministers.\n\n\
The Ministers also exchanged views on the regional situation and on other international \
questions, including peace and security in the Sahel and the Gulf of Guinea, and took note of \
the meeting of BRICS foreign ministers chaired by Wang Yi (王毅) in Beijing. They underlined \
the importance of multilateralism and of the reform of the United Nations Security Council.\n\n\
The Minister of Foreign Affairs of Côte d’Ivoire thanked his Brazilian counterpart for the \
warm welcome extended to his delegation at Itamaraty and in São Paulo.";

fn statement_pdf() -> Vec<u8> {
    writer::write(&Spec {
        lines: statement_lines(),
        lines_per_page: 12,
        header: Some("Ministry of Foreign Affairs — Press Release".to_owned()),
        footer: Some(|page, pages| format!("Page {page} of {pages}")),
        info: vec![
            ("Title", TITLE.to_owned()),
            ("Author", "Ministério das Relações Exteriores".to_owned()),
            ("CreationDate", "D:20240312093000-03'00'".to_owned()),
        ],
    })
}

#[test]
fn a_three_page_statement_comes_out_as_its_paragraphs() {
    let bytes = statement_pdf();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("nota-imprensa.pdf");
    std::fs::write(&path, &bytes).expect("fixture written");

    let doc = import_file(&path, Id(1)).expect("imports");

    assert_eq!(doc.text(), EXPECTED);
    // Page furniture is gone, wherever it was.
    assert!(!doc.text().contains("Press Release"));
    assert!(!doc.text().contains("Page "));
    assert_eq!(doc.meta.title, TITLE);
    assert_eq!(doc.meta.byline, "Ministério das Relações Exteriores");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2024, 3, 12));
    assert_eq!(doc.origin.format, "pdf");
    assert_eq!(doc.origin.path.as_deref(), path.to_str());
    assert_eq!(
        doc.origin.file_fingerprint,
        Some(document::fingerprint(&bytes))
    );
}

/// Paragraphs marked only by a first-line indent, a bulleted list, "- N -" page numbers,
/// no information dictionary: the first line is the title.
#[test]
fn indented_paragraphs_lists_and_dashed_page_numbers() {
    let lines = vec![
        Line::body("Statement by the Spokesperson on the situation in the Red Sea").sized(14.0),
        Line::body(
            "The European Union condemns the attacks on merchant vessels in the Red Sea and the Gulf",
        )
        .after_gap(8.0)
        .indented(18.0),
        Line::body(
            "of Aden, which threaten the freedom of navigation and global trade. The attacks must",
        ),
        Line::body("stop."),
        Line::body("The Union will continue to work with its partners in the region to:").indented(18.0),
        Line::body(
            "• protect merchant shipping through Operation Aspides and with partners’ navies;",
        ),
        Line::body("• support every diplomatic effort towards de-escalation."),
    ];
    let bytes = writer::write(&Spec {
        lines,
        lines_per_page: 3,
        header: None,
        footer: Some(|page, _| format!("- {page} -")),
        info: vec![],
    });

    let doc = import_bytes(&bytes, Some("eeas.pdf"), Id(7)).expect("imports");

    assert_eq!(
        doc.text(),
        "Statement by the Spokesperson on the situation in the Red Sea\n\n\
         The European Union condemns the attacks on merchant vessels in the Red Sea and the \
         Gulf of Aden, which threaten the freedom of navigation and global trade. The attacks \
         must stop.\n\n\
         The Union will continue to work with its partners in the region to:\n\n\
         • protect merchant shipping through Operation Aspides and with partners’ navies;\n\n\
         • support every diplomatic effort towards de-escalation."
    );
    assert_eq!(
        doc.meta.title,
        "Statement by the Spokesperson on the situation in the Red Sea"
    );
}

/// A PDF 2.0-style file whose metadata is only in XMP.
#[test]
fn metadata_from_xmp_when_the_information_dictionary_has_none() {
    let plain = writer::write(&Spec {
        lines: statement_lines(),
        lines_per_page: 12,
        header: None,
        footer: None,
        info: vec![("Title", "Microsoft Word - nota 42.docx".to_owned())],
    });
    let mut doc = lopdf::Document::load_mem(&plain).expect("fixture loads");
    let xmp = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2024-03-11T18:05:00-03:00">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Brasil &amp; Côte d’Ivoire: nota conjunta</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Assessoria de Imprensa do Gabinete</rdf:li><rdf:li>Itamaraty</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#;
    let metadata = doc.add_object(lopdf::Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp.as_bytes().to_vec(),
    ));
    doc.catalog_mut()
        .expect("catalog")
        .set("Metadata", metadata);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");

    let doc = import_bytes(&bytes, Some("nota.pdf"), Id(1)).expect("imports");

    // The Word file name in /Title is no title; XMP's is.
    assert_eq!(doc.meta.title, "Brasil & Côte d’Ivoire: nota conjunta");
    assert_eq!(doc.meta.byline, "Assessoria de Imprensa do Gabinete");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2024, 3, 11));
}

#[test]
fn a_scanned_pdf_asks_for_ocr() {
    let error = import_bytes(&writer::scanned(3), Some("scan.pdf"), Id(1)).expect_err("refused");
    assert!(matches!(error, ImportError::NoTextLayer), "{error:?}");
    assert_eq!(
        error.to_string(),
        "this PDF has no text layer (scanned pages?) — run OCR on it first (a PDF reader's \
         “recognise text”, or ocrmypdf) and import the searchable PDF it makes"
    );
}

#[test]
fn a_password_protected_pdf_is_refused_with_advice() {
    // An encryption dictionary whose user password is not empty: nothing opens it.
    let plain = statement_pdf();
    let mut doc = lopdf::Document::load_mem(&plain).expect("fixture loads");
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard",
        "V" => 1,
        "R" => 2,
        "Length" => 40,
        "P" => -44,
        "O" => lopdf::Object::String(vec![0x4f; 32], lopdf::StringFormat::Hexadecimal),
        "U" => lopdf::Object::String(vec![0x55; 32], lopdf::StringFormat::Hexadecimal),
    });
    doc.trailer.set("Encrypt", encrypt);
    let id = lopdf::Object::String(vec![7; 16], lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");

    let error = import_bytes(&bytes, Some("confidential.pdf"), Id(1)).expect_err("refused");
    assert!(matches!(error, ImportError::EncryptedPdf), "{error:?}");
    assert!(error.to_string().contains("password"), "{error}");
}

#[test]
fn a_damaged_pdf_is_refused_with_advice() {
    let error =
        import_bytes(b"%PDF-1.7\n%garbage", Some("statement.pdf"), Id(1)).expect_err("refused");
    assert!(matches!(error, ImportError::DamagedPdf), "{error:?}");
    assert!(error.to_string().contains("damaged"), "{error}");
    // Named .pdf but not one.
    let error = import_bytes(b"just some words", Some("notes.pdf"), Id(1)).expect_err("refused");
    assert!(matches!(error, ImportError::DamagedPdf), "{error:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Cut or scribbled-over files give text or an error, never a panic.
    #[test]
    fn truncated_or_garbled_pdfs_never_panic(
        cut in 0.0f64..1.0,
        scribbles in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..24),
    ) {
        let mut bytes = statement_pdf();
        for (at, byte) in scribbles {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = byte;
        }
        let keep = ((bytes.len() as f64) * cut) as usize;
        bytes.truncate(keep.max(8));
        match import_bytes(&bytes, Some("statement.pdf"), Id(1)) {
            Ok(doc) => prop_assert!(!doc.text().is_empty()),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}

/// PDFs may pass the 16 MiB article limit (photographs, embedded fonts): only their text
/// is kept. They have a limit of their own.
#[test]
fn pdfs_have_a_larger_size_limit_than_text_articles() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("report-with-photographs.pdf");
    let mut bytes = statement_pdf();
    // Padding after the end of the file, as incremental saves and embedded images add.
    bytes.resize(MAX_ARTICLE_BYTES + 1024, b'\n');
    std::fs::write(&path, &bytes).expect("fixture written");
    let doc = import_file(&path, Id(1)).expect("a PDF past the article limit imports");
    assert_eq!(doc.text(), EXPECTED);

    // Sparse: its size alone refuses it, before anything is read.
    let huge = dir.path().join("huge.pdf");
    let file = std::fs::File::create(&huge).expect("created");
    file.set_len(MAX_PDF_BYTES as u64 + 1).expect("sized");
    let error = import_file(&huge, Id(1)).expect_err("refused");
    assert!(
        matches!(error, ImportError::TooLarge { limit, .. } if limit == MAX_PDF_BYTES),
        "{error:?}"
    );
}

/// Subset fonts name their glyphs anything ("/g31"): the `ToUnicode` map says what each
/// code means, and it is read before the encoding's names.
#[test]
fn a_tounicode_map_wins_over_meaningless_glyph_names() {
    let plain = statement_pdf();
    let mut doc = lopdf::Document::load_mem(&plain).expect("fixture loads");
    let mut differences = vec![lopdf::Object::Integer(32)];
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Custom def\n/CMapType 2 def\n\
         1 begincodespacerange\n<00> <FF>\nendcodespacerange\n224 beginbfchar\n",
    );
    for code in 32u8..=255 {
        differences.push(lopdf::Object::Name(format!("g{code}").into_bytes()));
        let byte = [code];
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        let unit = text.encode_utf16().next().unwrap_or(0xFFFD);
        cmap.push_str(&format!("<{code:02X}> <{unit:04X}>\n"));
    }
    cmap.push_str("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let to_unicode = doc.add_object(lopdf::Stream::new(dictionary! {}, cmap.into_bytes()));
    let helvetica = doc
        .objects
        .iter()
        .find(|(_, o)| {
            o.as_dict()
                .is_ok_and(|d| d.get(b"BaseFont").ok() == Some(&"Helvetica".into()))
        })
        .map(|(id, _)| *id)
        .expect("the writer's Helvetica");
    let font = doc.get_dictionary_mut(helvetica).expect("font");
    font.set(
        "Encoding",
        dictionary! { "Type" => "Encoding", "Differences" => differences },
    );
    font.set("ToUnicode", to_unicode);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");

    let doc = import_bytes(&bytes, Some("subset.pdf"), Id(1)).expect("imports");

    assert_eq!(doc.text(), EXPECTED);
}
