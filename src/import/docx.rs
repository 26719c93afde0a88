//! The Word (DOCX) importer: the text of `word/document.xml`, paragraphs in order. Headings
//! and list items are paragraphs like any other; a table row is one paragraph with its
//! cells separated by tabs.

use super::{Extracted, ImportError, html::tidy_paragraphs};
use crate::model::{DocumentMeta, LineEndings};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let xml = document_xml(bytes).ok_or(ImportError::DamagedDocx)?;
    let mut reader = Reader::from_str(&xml);
    let mut text = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    // Inside a table cell a paragraph ends with a space, so that a row stays one line.
    let mut cell_depth = 0usize;
    loop {
        match reader.read_event() {
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
    })
}

fn document_xml(bytes: &[u8]) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut entry = archive.by_name("word/document.xml").ok()?;
    let mut xml = String::new();
    entry.read_to_string(&mut xml).ok()?;
    Some(xml)
}
