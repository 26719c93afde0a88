//! The Word (DOCX) importer: the text of `word/document.xml`, paragraphs in order. Headings
//! and list items are paragraphs like any other; a table row is one paragraph with its
//! cells separated by tabs.

use super::bounded::Bounded;
use super::{Extracted, ImportError, MAX_ARTICLE_BYTES, html::tidy_paragraphs};
use crate::model::{DocumentMeta, LineEndings};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{BufReader, Cursor};

/// Most bytes `word/document.xml` may inflate to. The XML is parsed as it inflates and
/// never held whole, so this bounds time, not memory; Word's markup around the text is
/// about ten times the text, and a 300-page report's XML is a few MiB.
pub const MAX_DOCUMENT_XML_BYTES: usize = 128 * 1024 * 1024;

pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::DamagedDocx)?;
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| ImportError::DamagedDocx)?;
    // The size the archive claims is not trusted: the bounded reader counts what inflates.
    let mut reader =
        Reader::from_reader(BufReader::new(Bounded::new(entry, MAX_DOCUMENT_XML_BYTES)));
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut in_text = false;
    // Inside a table cell a paragraph ends with a space, so that a row stays one line.
    let mut cell_depth = 0usize;
    loop {
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(ImportError::TextTooLong {
                limit: MAX_ARTICLE_BYTES,
            });
        }
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"tc" => cell_depth += 1,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" if cell_depth > 0 => text.push(' '),
                b"p" => text.push_str("\n\n"),
                b"tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    text.truncate(text.trim_end_matches(' ').len());
                    text.push('\t');
                }
                b"tr" => text.push_str("\n\n"),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => text.push('\t'),
                b"br" | b"cr" => text.push('\n'),
                b"p" => text.push_str("\n\n"),
                _ => {}
            },
            Ok(Event::Text(e)) if in_text => {
                text.push_str(&e.decode().map_err(|_| ImportError::DamagedDocx)?);
            }
            Ok(Event::GeneralRef(e)) if in_text => {
                if let Ok(Some(c)) = e.resolve_char_ref() {
                    text.push(c);
                } else {
                    let name = e.decode().map_err(|_| ImportError::DamagedDocx)?;
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(_) if reader.get_ref().get_ref().exceeded() => {
                return Err(ImportError::Unpacked {
                    what: "this Word file's text (word/document.xml)",
                    limit: MAX_DOCUMENT_XML_BYTES,
                });
            }
            Err(_) => return Err(ImportError::DamagedDocx),
        }
    }
    let text = tidy_paragraphs(&text);
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Extracted {
        text,
        encoding: "UTF-8",
        line_endings: LineEndings::Lf,
        meta: DocumentMeta::default(),
        warnings: Vec::new(),
    })
}
