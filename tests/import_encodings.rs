//! Article files in every supported encoding import to exactly the text they hold.

use demarche::import::{self, ImportError, MAX_ARTICLE_BYTES};
use demarche::model::{Id, LineEndings};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixture(&format!("{name}.expected"))).unwrap()
}

/// Imports NAME.txt and checks the text against NAME.expected and the recorded encoding.
fn assert_imports(name: &str, encoding: &str, line_endings: LineEndings) {
    let path = fixture(&format!("{name}.txt"));
    let doc = import::import_file(&path, Id(7)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(doc.text(), expected(name), "{name}: text differs");
    assert_eq!(doc.origin.encoding, encoding, "{name}: encoding");
    assert_eq!(
        doc.origin.line_endings, line_endings,
        "{name}: line endings"
    );
    assert_eq!(doc.origin.format, "text");
    assert_eq!(doc.origin.path.as_deref(), Some(&*path.to_string_lossy()));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        doc.origin.file_fingerprint.as_deref(),
        Some(&*demarche::model::document::fingerprint(&bytes))
    );
    assert_eq!(doc.id, Id(7));
    assert!(!doc.text().contains('\u{FEFF}'), "{name}: BOM kept in text");
    assert!(!doc.text().contains('\r'), "{name}: CR kept in text");
}

#[test]
fn utf8_without_bom() {
    assert_imports("en-utf-8", "UTF-8", LineEndings::Lf);
}

#[test]
fn utf8_with_bom_drops_the_bom() {
    assert_imports("en-utf-8-bom", "UTF-8", LineEndings::Lf);
}

#[test]
fn utf16_little_endian_with_bom() {
    assert_imports("en-utf-16le-bom", "UTF-16LE", LineEndings::Lf);
}

#[test]
fn utf16_big_endian_with_bom() {
    assert_imports("en-utf-16be-bom", "UTF-16BE", LineEndings::Lf);
}

#[test]
fn french_in_windows_1252() {
    assert_imports("fr-windows-1252", "windows-1252", LineEndings::Lf);
}

// WHATWG (and so encoding_rs) reads the ISO-8859-1 label as windows-1252, its superset:
// the recorded name is windows-1252 and the text is identical.
#[test]
fn spanish_in_iso_8859_1() {
    assert_imports("es-iso-8859-1", "windows-1252", LineEndings::Lf);
}

#[test]
fn portuguese_in_iso_8859_1() {
    assert_imports("pt-iso-8859-1", "windows-1252", LineEndings::Lf);
}

#[test]
fn simplified_chinese_in_gbk() {
    assert_imports("zh-hans-gbk", "GBK", LineEndings::Lf);
}

#[test]
fn simplified_chinese_in_gb18030_with_a_four_byte_character() {
    assert_imports("zh-hans-gb18030", "gb18030", LineEndings::Lf);
    let doc = import::import_file(&fixture("zh-hans-gb18030.txt"), Id(1)).unwrap();
    assert!(doc.text().contains("陈𠀋"));
}

#[test]
fn a_headline_alone_is_enough_to_detect_the_encoding() {
    for (name, encoding) in [
        ("fr-windows-1252", "windows-1252"),
        ("es-iso-8859-1", "windows-1252"),
        ("zh-hans-gbk", "GBK"),
        ("zh-hant-big5", "Big5"),
        ("ja-shift-jis", "Shift_JIS"),
        ("ru-koi8-r", "KOI8-R"),
    ] {
        let bytes = std::fs::read(fixture(&format!("{name}.txt"))).unwrap();
        let headline = &bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()];
        let doc = import::import_bytes(headline, None, Id(1)).unwrap();
        assert_eq!(doc.origin.encoding, encoding, "{name}");
        assert_eq!(doc.text(), expected(name).lines().next().unwrap(), "{name}");
    }
}

#[test]
fn long_legacy_file_with_late_non_ascii_is_detected() {
    // 100 KiB of ASCII, then Chinese: detection must not judge from the ASCII alone.
    let ascii = "Ministers met in New York on Thursday.\n".repeat(2700);
    let chinese = expected("zh-hans-gbk").repeat(200);
    let mut bytes = ascii.clone().into_bytes();
    bytes.extend(
        std::fs::read(fixture("zh-hans-gbk.txt"))
            .unwrap()
            .repeat(200),
    );
    let doc = import::import_bytes(&bytes, Some("long.txt"), Id(1)).unwrap();
    assert_eq!(doc.origin.encoding, "GBK");
    assert!(doc.text() == ascii + &chinese, "text differs");
}

#[test]
fn traditional_chinese_in_big5() {
    assert_imports("zh-hant-big5", "Big5", LineEndings::Lf);
}

#[test]
fn japanese_in_shift_jis() {
    assert_imports("ja-shift-jis", "Shift_JIS", LineEndings::Lf);
}

#[test]
fn russian_in_koi8_r() {
    assert_imports("ru-koi8-r", "KOI8-R", LineEndings::Lf);
}

#[test]
fn crlf_is_normalised_and_recorded() {
    assert_imports("en-crlf", "UTF-8", LineEndings::CrLf);
    assert_imports("fr-windows-1252-crlf", "windows-1252", LineEndings::CrLf);
}

#[test]
fn lone_cr_is_normalised_and_recorded() {
    assert_imports("en-cr", "UTF-8", LineEndings::Cr);
}

#[test]
fn mixed_line_endings_are_recorded() {
    let doc = import::import_bytes(b"Title\r\nFirst line\nSecond\rEnd", None, Id(1)).unwrap();
    assert_eq!(doc.text(), "Title\nFirst line\nSecond\nEnd");
    assert_eq!(doc.origin.line_endings, LineEndings::Mixed);
}

#[test]
fn binary_file_is_refused_and_named() {
    let err = import::import_file(&fixture("binary.png"), Id(1)).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Binary {
                kind: Some("PNG image")
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "this is a PNG image, not a text article");
}

#[test]
fn bytes_with_nul_or_control_characters_are_refused_as_binary() {
    let err = import::import_bytes(b"abc\0def ghi", Some("a.txt"), Id(1)).unwrap_err();
    assert!(matches!(err, ImportError::Binary { kind: None }), "{err:?}");
    let noise = b"\x01\x02AB".repeat(100);
    let err = import::import_bytes(&noise, Some("a.txt"), Id(1)).unwrap_err();
    assert!(matches!(err, ImportError::Binary { kind: None }), "{err:?}");
}

#[test]
fn utf16_without_bom_is_told_by_its_zero_bytes_and_read_with_a_warning() {
    let expected = expected("en-utf-16le-bom");
    let le: Vec<u8> = expected.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = expected.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let imported =
            import::import_bytes_with_warnings(&bytes, Some("a.txt"), Id(1)).expect("reads");
        assert_eq!(imported.document.text(), expected.replace("\r\n", "\n"));
        assert_eq!(imported.document.origin.encoding, name);
        assert!(
            imported.warnings.iter().any(|w| w.contains(name)),
            "{:?}",
            imported.warnings
        );
    }
}

#[test]
fn non_latin_utf16_without_bom_is_told_by_the_few_zero_bytes_of_its_line_breaks() {
    let chinese = "北京，3月14日——中国外交部长王毅周四表示，中方愿同拉美和加勒比国家共建命运共同体。\n\n\
                   王毅说：“我们将继续推进合作。”\n";
    let russian = "МОСКВА, 27 ноября. Министр иностранных дел России заявил, что Москва готова \
                   к переговорам.\n";
    let arabic = "القاهرة — قال وزير الخارجية إن مصر مستعدة لاستضافة الجولة المقبلة من المحادثات.\n";
    for text in [chinese, russian, arabic] {
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let imported = import::import_bytes_with_warnings(&bytes, Some("a.txt"), Id(1))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(imported.document.text(), text, "{name}");
            assert_eq!(imported.document.origin.encoding, name);
            assert!(
                imported.warnings.iter().any(|w| w.contains(name)),
                "{:?}",
                imported.warnings
            );
        }
    }
    // Binary data with zero bytes on one side only is still binary.
    let mut binary = Vec::new();
    for i in 0u16..600 {
        binary.extend_from_slice(&[(i % 7) as u8 + 1, if i % 50 == 0 { 0 } else { 0x8f }]);
    }
    assert!(matches!(
        import::import_bytes(&binary, Some("a.txt"), Id(1)),
        Err(ImportError::Binary { .. })
    ));
}

#[test]
fn utf16_without_bom_cut_short_is_refused_by_name() {
    let expected = expected("en-utf-16le-bom");
    let mut le: Vec<u8> = expected.encode_utf16().flat_map(u16::to_le_bytes).collect();
    // Half a character at the end: odd length, once read as "binary".
    le.pop();
    let err = import::import_bytes(&le, Some("a.txt"), Id(1)).unwrap_err();
    assert!(matches!(err, ImportError::Utf16WithoutBom), "{err:?}");
    assert!(err.to_string().contains("UTF-16"), "{err}");
}

#[test]
fn empty_files_are_refused() {
    let err = import::import_file(&fixture("empty.txt"), Id(1)).unwrap_err();
    assert!(matches!(err, ImportError::Empty), "{err:?}");
    for blank in [&b"\xEF\xBB\xBF"[..], b" \r\n\t\n", b"\xFF\xFE"] {
        let err = import::import_bytes(blank, None, Id(1)).unwrap_err();
        assert!(matches!(err, ImportError::Empty), "{blank:?}: {err:?}");
    }
}

#[test]
fn too_large_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse file: its size says it is too large without writing 16 MiB.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_ARTICLE_BYTES as u64 + 1).unwrap();
    let err = import::import_file(&path, Id(1)).unwrap_err();
    assert!(
        matches!(err, ImportError::TooLarge { size, limit } if size == MAX_ARTICLE_BYTES as u64 + 1 && limit == MAX_ARTICLE_BYTES),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "the file is too large (16.1 MiB); articles are limited to 16 MiB"
    );
}

#[test]
fn too_large_bytes_are_refused() {
    let bytes = vec![b'a'; MAX_ARTICLE_BYTES + 1];
    let err = import::import_bytes(&bytes, Some("a.txt"), Id(1)).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
}

#[test]
fn a_file_at_the_limit_imports() {
    let mut bytes = b"Title\n".repeat(MAX_ARTICLE_BYTES / 6);
    bytes.resize(MAX_ARTICLE_BYTES, b'x');
    let doc = import::import_bytes(&bytes, Some("a.txt"), Id(1)).unwrap();
    assert_eq!(doc.text().len(), MAX_ARTICLE_BYTES);
}

#[test]
fn missing_file_is_an_io_error_with_its_path() {
    let path = Path::new("/no/such/dir/article.txt");
    let err = import::import_file(path, Id(1)).unwrap_err();
    let ImportError::Io {
        path: reported,
        source,
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(reported, "/no/such/dir/article.txt");
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert!(err.to_string().starts_with("the file could not be read: "));
}

#[test]
fn broken_utf16_is_undecodable() {
    // A BOM, then a lone high surrogate: no character can be read from it.
    let err = import::import_bytes(b"\xFF\xFEA\x00\x00\xD8B\x00", None, Id(1)).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::Undecodable {
                encoding: "UTF-16LE"
            }
        ),
        "{err:?}"
    );
}

#[test]
fn legacy_file_cut_inside_a_character_is_refused_not_garbled() {
    let mut bytes = std::fs::read(fixture("zh-hans-gbk.txt")).unwrap();
    bytes.pop(); // the final newline
    bytes.push(0xD6); // the first byte of a two-byte GBK character, and nothing after it
    let err = import::import_bytes(&bytes, Some("cut.txt"), Id(1)).unwrap_err();
    assert!(
        matches!(err, ImportError::Undecodable { encoding: "GBK" }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "the file is not valid UTF-8 and does not read as GBK either; save it as UTF-8 text \
         and import it again"
    );
}

#[test]
fn formats_not_yet_supported_are_refused_by_name() {
    let err = import::import_bytes(b"{\\rtf1\\ansi Hi}", None, Id(1)).unwrap_err();
    assert!(
        matches!(err, ImportError::UnsupportedFormat { format: "RTF" }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "RTF files cannot be imported yet; save the article as plain text (.txt) and import that"
    );
    // A page recognised by its content imports as HTML.
    let page = import::import_bytes(b"<!DOCTYPE html><p>Hi</p>", None, Id(1)).expect("imports");
    assert_eq!(page.origin.format, "html");
    assert!(!import::SUPPORTED_EXTENSIONS.contains(&"rtf"));
}

#[test]
fn utf8_with_a_stray_byte_stays_utf8_with_the_byte_replaced_and_named() {
    let article = "Le ministre a déclaré : « Nous sommes prêts ».\nÀ Genève, l’accord";
    let mut bytes = article.as_bytes().to_vec();
    // A windows-1252 "é" pasted into the second line, after "À Genève, l".
    let at = article.find("l’accord").unwrap() + 1;
    bytes.insert(at, 0xE9);
    let imported =
        import::import_bytes_with_warnings(&bytes, Some("a.txt"), Id(1)).expect("imports");
    let doc = &imported.document;
    assert_eq!(doc.origin.encoding, "UTF-8");
    assert_eq!(
        doc.text(),
        "Le ministre a déclaré : « Nous sommes prêts ».\nÀ Genève, l\u{FFFD}’accord"
    );
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    let warning = &imported.warnings[0];
    assert!(warning.contains("line 2, column 12"), "{warning}");
    assert!(warning.contains(&format!("byte {at}")), "{warning}");
}

#[test]
fn chinese_utf8_with_a_stray_byte_is_read_not_refused_as_binary() {
    let article = "外交部发言人王毅表示，中方愿与各方加强合作。\n双方同意继续推进谈判。";
    let mut bytes = article.as_bytes().to_vec();
    bytes.insert(article.find('双').unwrap(), 0xFF);
    let imported =
        import::import_bytes_with_warnings(&bytes, Some("a.txt"), Id(1)).expect("imports");
    assert_eq!(imported.document.origin.encoding, "UTF-8");
    assert_eq!(
        imported.document.text(),
        "外交部发言人王毅表示，中方愿与各方加强合作。\n\u{FFFD}双方同意继续推进谈判。"
    );
    assert!(
        imported.warnings[0].contains("line 2, column 1"),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn many_bad_sequences_are_listed_up_to_five_and_counted() {
    let mut bytes = "Déclaration conjointe sur la coopération régionale "
        .repeat(4)
        .into_bytes();
    for _ in 0..7 {
        bytes.extend_from_slice(b"x\x80 ");
    }
    let imported =
        import::import_bytes_with_warnings(&bytes, Some("a.txt"), Id(1)).expect("imports");
    let warning = &imported.warnings[0];
    assert!(
        warning.starts_with("read as UTF-8, but 7 byte sequences"),
        "{warning}"
    );
    assert!(warning.ends_with("and 2 more"), "{warning}");
}
