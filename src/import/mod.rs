//! Turning article files into documents.
//!
//! [`import_file`] and [`import_bytes`] pick an importer by file extension and content
//! ([`Format::detect`]), turn the file into LF-normalised text, read metadata from the text
//! without changing it, and return a [`Document`]. Plain text, HTML, Markdown, DOCX and PDF
//! (its text layer) import, each in its own module returning the same [`Extracted`]; RTF is
//! recognised so that it is refused by name. [`expand_paths`] turns folders into files.

mod bounded;
mod decode;
mod docx;
mod folders;
mod html;
mod markdown;
pub mod metadata;
mod pdf;
mod plain_text;

use crate::model::{
    Document, DocumentMeta, Id, LineEndings, Origin, Project, document, human_size,
};
use chrono::{SubsecRound, Utc};
use std::io::Read;
use std::path::Path;

pub use decode::normalise_line_endings;
pub use docx::MAX_DOCUMENT_XML_BYTES;
pub use folders::{Expanded, expand_paths};
pub use html::{MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH};
pub use pdf::{MAX_CONTENT_BYTES, MAX_OPERATIONS, MAX_TOTAL_CONTENT_BYTES};

/// Largest article file imported: 16 MiB, far beyond any news article or official
/// statement, and small enough that a mistaken pick (a log, a dump) cannot swamp the project
/// file. Importing a file this size takes about 0.2 s (measured, release build).
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// Largest PDF imported: 128 MiB. A PDF carries fonts and images that are not kept (a
/// statement with photographs easily passes 16 MiB); only its text becomes the document.
pub const MAX_PDF_BYTES: usize = 128 * 1024 * 1024;

/// File extensions that import today, for file dialog filters.
pub const SUPPORTED_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "md", "markdown", "docx", "pdf",
];

/// Why a file could not become a document. Messages speak to the analyst and leave naming
/// the file to the caller ("statement.rtf: RTF files cannot be imported yet; …").
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file could not be read: {source}")]
    Io {
        /// The path as given, for callers that report errors apart from their file.
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the file is too large ({}); articles are limited to {}",
        human_size(*size),
        human_size(*limit as u64)
    )]
    TooLarge { size: u64, limit: usize },
    #[error(
        "{what} unpacks to more than {}, the limit (a compression bomb, or not an \
         article); nothing was imported",
        human_size(*limit as u64)
    )]
    Unpacked { what: &'static str, limit: usize },
    #[error(
        "the article's text is longer than {}, the limit for one document; split the \
         file and import the parts",
        human_size(*limit as u64)
    )]
    TextTooLong { limit: usize },
    #[error(
        "this PDF draws its pages with more than {limit} operations, the limit (a damaged \
         or hostile file); print it to a new PDF and import that"
    )]
    TooManyOperations { limit: usize },
    #[error("the file is empty; there is no text to import")]
    Empty,
    #[error("{}", binary_message(*kind))]
    Binary { kind: Option<&'static str> },
    #[error(
        "the file is not valid UTF-8 and does not read as {encoding} either; \
         save it as UTF-8 text and import it again"
    )]
    Undecodable { encoding: &'static str },
    #[error(
        "this looks like UTF-16 text without a byte-order mark, but it does not read as \
         UTF-16 (cut short or damaged?); save it as UTF-8 text and import it again"
    )]
    Utf16WithoutBom,
    #[error(
        "no article text was found in this page; if the story is there, save it as plain \
         text (.txt) and import that"
    )]
    NoArticleText,
    #[error(
        "this Word file is damaged or not a Word document; open it in Word and save it \
         again as .docx"
    )]
    DamagedDocx,
    #[error(
        "this PDF has no text layer (scanned pages?) — run OCR on it first (a PDF reader's \
         “recognise text”, or ocrmypdf) and import the searchable PDF it makes"
    )]
    NoTextLayer,
    #[error(
        "this PDF is protected by a password; open it in a PDF reader, save or print an \
         unprotected copy, and import that"
    )]
    EncryptedPdf,
    #[error(
        "this PDF is damaged or not a PDF; open it in a PDF reader and save it again (or \
         print it to a new PDF), then import that"
    )]
    DamagedPdf,
    #[error(
        "{format} files cannot be imported yet; save the article as plain text (.txt) \
         and import that"
    )]
    UnsupportedFormat { format: &'static str },
}

fn binary_message(kind: Option<&str>) -> String {
    match kind {
        Some(kind) => format!("this is a {kind}, not a text article"),
        None => "this looks like a binary file, not a text article".to_owned(),
    }
}

/// The kinds of article file Demarche knows about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Markdown,
    Docx,
    Pdf,
    Rtf,
}

impl Format {
    /// What the analyst calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::Docx => "Word (DOCX)",
            Format::Pdf => "PDF",
            Format::Rtf => "RTF",
        }
    }

    /// The name recorded in `Origin::format`.
    pub fn key(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Rtf => "rtf",
        }
    }

    /// Signatures first (a PDF is a PDF whatever it is called), then the extension, then a
    /// look at the content; anything else is read as text (and refused if it is binary).
    pub fn detect(file_name: Option<&str>, bytes: &[u8]) -> Format {
        let extension = file_name
            .and_then(|name| Path::new(name).extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if bytes.starts_with(b"%PDF-") {
            return Format::Pdf;
        }
        if bytes.starts_with(b"{\\rtf") {
            return Format::Rtf;
        }
        match extension.as_deref() {
            Some("txt" | "text") => return Format::Text,
            Some("html" | "htm" | "xhtml") => return Format::Html,
            Some("md" | "markdown") => return Format::Markdown,
            // A DOCX is a ZIP; only its name says it is Word.
            Some("docx") if bytes.starts_with(b"PK\x03\x04") => return Format::Docx,
            Some("pdf") => return Format::Pdf,
            Some("rtf") => return Format::Rtf,
            _ => {}
        }
        if looks_like_html(bytes) {
            return Format::Html;
        }
        Format::Text
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = start.trim_ascii_start();
    let head = &start[..start.len().min(15)];
    let head = head.to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// What an importer makes of a file, before it becomes a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// The article's text, LF line endings.
    pub text: String,
    /// WHATWG name of the encoding read.
    pub encoding: &'static str,
    pub line_endings: LineEndings,
    /// Metadata the format itself carries (an HTML `<title>`); filled in from the text
    /// where empty.
    pub meta: DocumentMeta,
    /// What the analyst should know about how the file was read (bytes replaced, nesting
    /// flattened): the import went ahead, but not exactly as written.
    pub warnings: Vec<String>,
}

/// A document read from a file, with what the analyst should know about the reading.
#[derive(Clone, Debug)]
pub struct Imported {
    pub document: Document,
    pub warnings: Vec<String>,
}

/// Reads an article file into a document with the given id; see
/// [`import_file_with_warnings`] for a caller that shows what went not quite as written.
pub fn import_file(path: &Path, id: Id) -> Result<Document, ImportError> {
    import_file_with_warnings(path, id).map(|imported| imported.document)
}

/// Reads an article file into a document, with warnings for the analyst.
pub fn import_file_with_warnings(path: &Path, id: Id) -> Result<Imported, ImportError> {
    let io_error = |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    let file_name = path.to_string_lossy();
    // The first bytes say whether this is a PDF, which may be larger.
    let mut bytes = Vec::new();
    (&mut file)
        .take(5)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let limit = size_limit(Some(&file_name), &bytes);
    if size > limit as u64 {
        return Err(too_large(size, limit));
    }
    bytes.reserve(
        usize::try_from(size)
            .unwrap_or(0)
            .saturating_sub(bytes.len()),
    );
    // Read at most one byte past the limit, in case the file grows while being read.
    file.take((limit + 1 - bytes.len()) as u64)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    import_bytes_with_warnings(&bytes, Some(&file_name), id)
}

/// Imports an article from memory; `file_name` (or a path) helps pick the format and is
/// recorded as the document's origin.
pub fn import_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
    id: Id,
) -> Result<Document, ImportError> {
    import_bytes_with_warnings(bytes, file_name, id).map(|imported| imported.document)
}

/// [`import_bytes`], with warnings for the analyst.
pub fn import_bytes_with_warnings(
    bytes: &[u8],
    file_name: Option<&str>,
    id: Id,
) -> Result<Imported, ImportError> {
    let limit = size_limit(file_name, bytes);
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    let format = Format::detect(file_name, bytes);
    let extracted = match format {
        Format::Text => plain_text::extract(bytes)?,
        Format::Html => html::extract(bytes)?,
        Format::Markdown => markdown::extract(bytes)?,
        Format::Docx => docx::extract(bytes)?,
        Format::Pdf => pdf::extract(bytes)?,
        other => {
            return Err(ImportError::UnsupportedFormat {
                format: other.label(),
            });
        }
    };
    // A few bytes of a compressed format can stand for far more text than any article.
    if extracted.text.len() > MAX_ARTICLE_BYTES {
        return Err(ImportError::TextTooLong {
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let warnings = extracted.warnings.clone();
    Ok(Imported {
        document: into_document(extracted, format, bytes, file_name, id),
        warnings,
    })
}

fn size_limit(file_name: Option<&str>, head: &[u8]) -> usize {
    if Format::detect(file_name, head) == Format::Pdf {
        MAX_PDF_BYTES
    } else {
        MAX_ARTICLE_BYTES
    }
}

fn too_large(size: u64, limit: usize) -> ImportError {
    ImportError::TooLarge { size, limit }
}

fn into_document(
    extracted: Extracted,
    format: Format,
    bytes: &[u8],
    file_name: Option<&str>,
    id: Id,
) -> Document {
    let Extracted {
        text,
        encoding,
        line_endings,
        mut meta,
        warnings: _,
    } = extracted;
    let found = metadata::read(&text);
    if meta.title.is_empty() {
        meta.title = found.title;
    }
    if meta.source.is_empty() {
        meta.source = found.source;
    }
    if meta.date.is_none() {
        meta.date = found.date;
    }
    if meta.language.is_empty() {
        meta.language = found.language;
    }
    let origin = Origin {
        path: file_name.map(str::to_owned),
        format: format.key().to_owned(),
        encoding: encoding.to_owned(),
        line_endings,
        file_fingerprint: Some(document::fingerprint(bytes)),
        imported: Utc::now().trunc_subsecs(0),
    };
    Document::new(id, meta, origin, text)
}

/// A document of the project with the same text, if the article is already there.
pub fn find_duplicate<'p>(project: &'p Project, doc: &Document) -> Option<&'p Document> {
    project
        .documents
        .iter()
        .find(|d| d.fingerprint() == doc.fingerprint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_signature_extension_and_content() {
        assert_eq!(Format::detect(Some("a.txt"), b"hello"), Format::Text);
        assert_eq!(Format::detect(None, b"hello"), Format::Text);
        assert_eq!(Format::detect(Some("a.TXT"), b"<html>"), Format::Text);
        assert_eq!(Format::detect(Some("a.txt"), b"%PDF-1.7"), Format::Pdf);
        assert_eq!(
            Format::detect(Some("a.docx"), b"PK\x03\x04rest"),
            Format::Docx
        );
        assert_eq!(
            Format::detect(Some("a.zip"), b"PK\x03\x04rest"),
            Format::Text
        );
        assert_eq!(Format::detect(None, b"  <!DOCTYPE html><p>"), Format::Html);
        assert_eq!(
            Format::detect(Some("notes.md"), b"# Title"),
            Format::Markdown
        );
    }
}
