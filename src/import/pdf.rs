//! The PDF importer: the text layer of every page, rebuilt into paragraphs.
//!
//! `lopdf` parses the file, decrypts it when it opens without a password, and decodes each
//! font's encoding (WinAnsi, MacRoman, `Differences`, `ToUnicode` maps). The content streams
//! are interpreted here, because the crates that extract text either drop where the text
//! sits (`lopdf`'s own `extract_text`) or panic on pages with images (`pdf-extract` reads an
//! image as a content stream); positions are what lines, paragraphs, running headers and
//! page numbers are recognised by. The reading order is the order the page draws its text,
//! which is the column order for the statements and reports analysts import.
//!
//! After extraction, in [`layout`] below:
//! - runs of text on one baseline become a line;
//! - lines repeated at the top or bottom of most pages, or of three pages or more (digits
//!   ignored, so "Page 3" and "Page 4" repeat), are running headers and footers and are
//!   dropped, and so are bare page numbers ("3", "Page 3 of 12", "- 3 -") at the top or
//!   bottom of a page;
//! - lines become paragraphs: a new paragraph starts after a wider gap than the page's line
//!   spacing, at a first-line indent, at a change of type size, or after a line that ended
//!   early (the next line's first word would have fitted on it), or at a bullet;
//! - a word broken at a line end is joined (see [`join_hyphenated`] for the rule).

use super::{Extracted, ImportError};
use crate::model::{DocumentMeta, LineEndings};
use chrono::NaiveDate;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId, content::Content};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

/// How deeply form XObjects may nest (a form drawing a form…), against reference loops.
const MAX_FORM_DEPTH: usize = 8;

/// Most bytes one content stream (a page's, or a form's) may inflate to: far beyond any
/// real page (a dense page is tens of kilobytes), and small enough that a compression bomb
/// cannot exhaust memory.
pub const MAX_CONTENT_BYTES: usize = 16 * 1024 * 1024;

/// Most bytes all the content streams of one document may inflate to together (a form
/// drawn on every page counts every time), so that many small bombs cannot add up.
pub const MAX_TOTAL_CONTENT_BYTES: usize = 256 * 1024 * 1024;

/// Most bytes an object or cross-reference stream may inflate to while the file loads:
/// they hold the file's objects, a few MiB in the largest reports.
const MAX_OBJECT_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Most content operations read from one document, so that forms drawing forms many
/// times over cannot make an import endless, and the text runs kept in memory stay few
/// (a 300-page report has about 100,000 operations).
pub const MAX_OPERATIONS: usize = 2_000_000;

/// Most bytes of text the pages may draw, before headers and footers are dropped: the
/// limit of an article's text.
const MAX_DRAWN_TEXT_BYTES: usize = super::MAX_ARTICLE_BYTES;

pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    // lopdf parses untrusted bytes; a panic in it must become "damaged", not a crash of
    // the window or a lost import batch.
    let pages = catch_unwind(AssertUnwindSafe(|| read_pages(bytes)))
        .map_err(|_| ImportError::DamagedPdf)??;
    let (pages, meta) = pages;
    if pages
        .iter()
        .all(|p| p.lines.iter().all(|l| l.text.trim().is_empty()))
    {
        return Err(ImportError::NoTextLayer);
    }
    let text = layout::paragraphs(pages);
    if text.is_empty() {
        return Err(ImportError::NoTextLayer);
    }
    Ok(Extracted {
        text,
        encoding: "UTF-8",
        line_endings: LineEndings::Lf,
        meta,
        warnings: Vec::new(),
    })
}

fn read_pages(bytes: &[u8]) -> Result<(Vec<layout::Page>, DocumentMeta), ImportError> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_OBJECT_STREAM_BYTES);
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ImportError::Unpacked {
                what: "one of this PDF's object streams",
                limit: MAX_OBJECT_STREAM_BYTES,
            }
        }
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => ImportError::EncryptedPdf,
        _ => ImportError::DamagedPdf,
    })?;
    // lopdf decrypts on load when the empty user password opens the file (the usual
    // "printing restricted" PDF); one that still names /Encrypt needs a password.
    if doc.is_encrypted() {
        return Err(ImportError::EncryptedPdf);
    }
    let page_ids: Vec<ObjectId> = doc.page_iter().collect();
    if page_ids.is_empty() {
        return Err(ImportError::DamagedPdf);
    }
    let mut reader = PageReader::new(&doc);
    let mut pages = Vec::with_capacity(page_ids.len());
    for &id in &page_ids {
        pages.push(reader.page(id));
        if let Some(error) = reader.stopped.take() {
            return Err(error);
        }
    }
    Ok((pages, document_meta(&doc)))
}

// ---------------------------------------------------------------------------------------
// Metadata.

/// Title, author and creation date from the document information dictionary.
fn info_meta(doc: &Document) -> DocumentMeta {
    let Some(info) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return DocumentMeta::default();
    };
    let text = |key: &[u8]| {
        info.get_deref(key, doc)
            .ok()
            .and_then(|o| lopdf::decode_text_string(o).ok())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let title = text(b"Title");
    DocumentMeta {
        title: if is_placeholder_title(&title) {
            String::new()
        } else {
            title
        },
        byline: text(b"Author"),
        date: parse_pdf_date(&text(b"CreationDate")),
        ..DocumentMeta::default()
    }
}

/// Title, author and creation date from the XMP packet, for what the information
/// dictionary lacks (PDF 2.0 deprecates that dictionary in favour of XMP).
fn xmp_meta(doc: &Document) -> DocumentMeta {
    let Some(xml) = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .and_then(|s| s.decompressed_content_with_limit(MAX_CONTENT_BYTES).ok())
    else {
        return DocumentMeta::default();
    };
    let xml = String::from_utf8_lossy(&xml);
    let mut reader = Reader::from_str(&xml);
    // Title, creator, creation date; the first item of a list is taken.
    const FIELDS: [&[u8]; 3] = [b"dc:title", b"dc:creator", b"xmp:CreateDate"];
    let mut values: [String; 3] = Default::default();
    let mut field: Option<usize> = None;
    let date_attribute = |e: &BytesStart, values: &mut [String; 3]| {
        for attribute in e.attributes().flatten() {
            if attribute.key.as_ref() == FIELDS[2]
                && let Ok(value) = attribute.normalized_value(XmlVersion::Implicit1_0)
            {
                values[2] = value.into_owned();
            }
        }
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if let Some(i) = FIELDS.iter().position(|f| *f == e.name().as_ref()) {
                    field = values[i].is_empty().then_some(i);
                } else if e.name().as_ref() == b"rdf:Description" {
                    date_attribute(&e, &mut values);
                }
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == b"rdf:Description" => {
                date_attribute(&e, &mut values);
            }
            Ok(Event::End(e)) => {
                let name = e.name();
                let first_item_done = name.as_ref() == b"rdf:li"
                    && field.is_some_and(|i| !values[i].trim().is_empty());
                if first_item_done || FIELDS.contains(&name.as_ref()) {
                    field = None;
                }
            }
            Ok(Event::Text(t)) => {
                if let (Some(i), Ok(text)) = (field, t.decode()) {
                    values[i].push_str(&text);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let (Some(i), Ok(Some(c))) = (field, r.resolve_char_ref()) {
                    values[i].push(c);
                } else if let (Some(i), Ok(name)) = (field, r.decode()) {
                    values[i].push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let [title, creator, created] =
        values.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "));
    DocumentMeta {
        title: if is_placeholder_title(&title) {
            String::new()
        } else {
            title
        },
        byline: creator,
        date: created
            .get(..10)
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()),
        ..DocumentMeta::default()
    }
}

/// The information dictionary's metadata, completed from XMP.
fn document_meta(doc: &Document) -> DocumentMeta {
    let mut meta = info_meta(doc);
    if meta.title.is_empty() || meta.byline.is_empty() || meta.date.is_none() {
        let xmp = xmp_meta(doc);
        if meta.title.is_empty() {
            meta.title = xmp.title;
        }
        if meta.byline.is_empty() {
            meta.byline = xmp.byline;
        }
        meta.date = meta.date.or(xmp.date);
    }
    meta
}

/// Titles that word processors write for the analyst's file rather than the article:
/// "Microsoft Word - statement.docx", "Untitled", a bare file name.
fn is_placeholder_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.is_empty()
        || lower.starts_with("microsoft word - ")
        || lower.starts_with("untitled")
        || [".doc", ".docx", ".pdf", ".odt", ".rtf", ".txt"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

/// `D:YYYYMMDDHHmmSS+HH'mm'` → its day (the date as printed where it was made).
fn parse_pdf_date(value: &str) -> Option<NaiveDate> {
    let digits = value.trim().strip_prefix("D:").unwrap_or(value.trim());
    let day = digits.get(..8)?;
    NaiveDate::parse_from_str(day, "%Y%m%d").ok()
}

// ---------------------------------------------------------------------------------------
// Content streams.

/// A PDF transformation matrix `[a b c d e f]` (points map as row vectors: p × M).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translation(tx: f64, ty: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self × then`: first this transformation, then `then`.
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// How much a unit of height is scaled (for the size text appears at).
    fn vertical_scale(self) -> f64 {
        let [_, _, c, d, _, _] = self.0;
        c.hypot(d)
    }
}

/// A font as far as text extraction needs it: how codes become text, and their widths.
struct Font<'a> {
    encoding: Encoding<'a>,
    /// Composite (Type0) fonts use two-byte codes; simple fonts one byte.
    two_byte: bool,
    /// Glyph widths in thousandths of the type size, by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl<'a> Font<'a> {
    fn load(doc: &'a Document, dict: &'a Dictionary) -> Option<Font<'a>> {
        // A font dictionary without /Type is common enough; read it as WinAnsi, the
        // encoding of most Latin text in PDFs.
        let encoding = to_unicode_first(doc, dict).unwrap_or_else(|| {
            dict.get_font_encoding(doc)
                .unwrap_or(Encoding::SimpleEncoding(b"WinAnsiEncoding"))
        });
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).ok();
        let deref = |o: &'a Object| doc.dereference(o).ok().map(|(_, o)| o);
        let number = |o: &'a Object| deref(o).and_then(|o| o.as_float().ok()).map(f64::from);
        let mut widths = HashMap::new();
        if subtype == Some(b"Type0".as_slice()) {
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(deref)
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(deref)
                .and_then(|o| o.as_dict().ok());
            let default_width = descendant
                .and_then(|d| d.get(b"DW").ok())
                .and_then(number)
                .unwrap_or(1000.0);
            // /W [c [w1 w2 …] cfirst clast w …]
            let w = descendant
                .and_then(|d| d.get(b"W").ok())
                .and_then(deref)
                .and_then(|o| o.as_array().ok());
            if let Some(w) = w {
                let mut items = w.iter();
                while let Some(first) = items.next().and_then(number) {
                    match items.next().and_then(deref) {
                        Some(Object::Array(list)) => {
                            for (i, width) in list.iter().enumerate() {
                                if let Some(width) = number(width) {
                                    widths.insert(first as u32 + i as u32, width);
                                }
                            }
                        }
                        Some(last) => {
                            let (Some(last), Some(width)) =
                                (number(last), items.next().and_then(number))
                            else {
                                break;
                            };
                            // Bounded: a damaged range must not fill memory.
                            let last = last.min(first + 65_535.0);
                            for code in first as u32..=last as u32 {
                                widths.insert(code, width);
                            }
                        }
                        None => break,
                    }
                }
            }
            return Some(Font {
                encoding,
                two_byte: true,
                widths,
                default_width,
            });
        }
        let base_font = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .unwrap_or_default();
        // The standard fonts may come without widths; an average glyph width keeps line
        // ends roughly right (Courier is monospaced at 600).
        let mut default_width = if base_font.windows(7).any(|w| w == b"Courier") {
            600.0
        } else {
            500.0
        };
        if let Some(missing) = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(number)
            .filter(|w| *w > 0.0)
        {
            default_width = missing;
        }
        let first_char = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0);
        if let Some(list) = dict
            .get(b"Widths")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
        {
            for (i, width) in list.iter().take(256).enumerate() {
                if let Some(width) = number(width) {
                    widths.insert(first_char as u32 + i as u32, width);
                }
            }
        }
        Some(Font {
            encoding,
            two_byte: false,
            widths,
            default_width,
        })
    }

    fn decode(&self, bytes: &[u8]) -> String {
        let text = self.encoding.bytes_to_string(bytes).unwrap_or_default();
        // Typeset ligatures are letters to the analyst ("ﬁnancial" must match "financial").
        if text.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
            text.replace('\u{FB00}', "ff")
                .replace('\u{FB01}', "fi")
                .replace('\u{FB02}', "fl")
                .replace('\u{FB03}', "ffi")
                .replace('\u{FB04}', "ffl")
                .replace(['\u{FB05}', '\u{FB06}'], "st")
        } else {
            text
        }
    }

    /// The codes of a string, each with whether word spacing applies to it.
    fn codes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = (u32, bool)> + 'b {
        let step = if self.two_byte { 2 } else { 1 };
        let two_byte = self.two_byte;
        bytes.chunks(step).map(move |chunk| {
            let code = chunk.iter().fold(0u32, |code, &b| code << 8 | u32::from(b));
            (code, !two_byte && code == 32)
        })
    }

    fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

/// A font's `ToUnicode` map where it has one beside an `/Encoding`: the map says what
/// each glyph means, while custom `Differences` names ("/g31") say nothing. lopdf reads the
/// encoding first, so the map is read from a copy without it.
fn to_unicode_first(doc: &Document, dict: &Dictionary) -> Option<Encoding<'static>> {
    if !dict.has(b"ToUnicode") || !dict.has(b"Encoding") {
        return None;
    }
    let mut without_encoding = dict.clone();
    without_encoding.remove(b"Encoding");
    match without_encoding.get_font_encoding(doc).ok()? {
        Encoding::UnicodeMapEncoding(map) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

/// The graphics and text state that `q`/`Q` save and restore.
#[derive(Clone)]
struct State<'a> {
    ctm: Matrix,
    font: Option<Rc<Font<'a>>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
}

impl State<'_> {
    fn new(ctm: Matrix) -> Self {
        State {
            ctm,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Resource dictionaries in the order a name is looked up.
type Resources<'a> = Vec<&'a Dictionary>;

struct PageReader<'a> {
    doc: &'a Document,
    /// Fonts by object id, shared by the pages that use them (parsing a `ToUnicode` map
    /// once per document, not per page).
    fonts: HashMap<ObjectId, Option<Rc<Font<'a>>>>,
    /// Operations still allowed (see [`MAX_OPERATIONS`]).
    operations_left: usize,
    /// Content bytes still allowed (see [`MAX_TOTAL_CONTENT_BYTES`]).
    content_left: usize,
    /// Text bytes still allowed (see [`MAX_DRAWN_TEXT_BYTES`]).
    text_left: usize,
    /// Runs of the current page whose text is already charged to `text_left`.
    runs_charged: usize,
    /// The limit that stopped reading, once one has: the import is refused.
    stopped: Option<ImportError>,
}

impl<'a> PageReader<'a> {
    fn new(doc: &'a Document) -> Self {
        PageReader {
            doc,
            fonts: HashMap::new(),
            operations_left: MAX_OPERATIONS,
            content_left: MAX_TOTAL_CONTENT_BYTES,
            text_left: MAX_DRAWN_TEXT_BYTES,
            runs_charged: 0,
            stopped: None,
        }
    }

    /// Charges the text of runs added since the last call (a byte more for each, the space
    /// or line break it may become); stops past the limit.
    fn charge_runs(&mut self, runs: &[layout::Run]) {
        let new = runs.get(self.runs_charged..).unwrap_or_default();
        let cost: usize = new.iter().map(|run| run.text.len() + 1).sum();
        self.runs_charged = runs.len();
        match self.text_left.checked_sub(cost) {
            Some(left) => self.text_left = left,
            None => self.stop(ImportError::TextTooLong {
                limit: MAX_DRAWN_TEXT_BYTES,
            }),
        }
    }

    /// Charges a decompressed stream to the document's budget; false (and stopped) past it.
    fn charge_content(&mut self, content: &[u8]) -> bool {
        match self.content_left.checked_sub(content.len()) {
            Some(left) => {
                self.content_left = left;
                true
            }
            None => {
                self.stop(ImportError::Unpacked {
                    what: "this PDF's page content, all pages together,",
                    limit: MAX_TOTAL_CONTENT_BYTES,
                });
                false
            }
        }
    }

    fn stop(&mut self, error: ImportError) {
        self.stopped.get_or_insert(error);
    }

    fn content_too_large() -> ImportError {
        ImportError::Unpacked {
            what: "a page of this PDF (its content stream)",
            limit: MAX_CONTENT_BYTES,
        }
    }

    fn page(&mut self, page_id: ObjectId) -> layout::Page {
        let doc = self.doc;
        let mut resources = Resources::new();
        if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
            resources.extend(direct);
            resources.extend(ids.iter().filter_map(|&id| doc.get_dictionary(id).ok()));
        }
        let (bottom, top) = media_box(doc, page_id);
        let mut runs = Vec::new();
        self.runs_charged = 0;
        // A stream that cannot be decoded reads as no text; one past the limit stops.
        let content = match doc.get_page_content_with_limit(page_id, MAX_CONTENT_BYTES) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.stop(Self::content_too_large());
                Vec::new()
            }
            Err(_) => Vec::new(),
        };
        if !self.charge_content(&content) {
            return layout::Page::default();
        }
        self.run_stream(
            &content,
            &resources,
            State::new(Matrix::IDENTITY),
            0,
            &mut runs,
        );
        layout::Page::from_runs(runs, bottom, top)
    }

    fn run_stream(
        &mut self,
        content: &[u8],
        resources: &Resources<'a>,
        state: State<'a>,
        depth: usize,
        runs: &mut Vec<layout::Run>,
    ) {
        let mut state = state;
        let mut saved: Vec<State<'a>> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        // A stream damaged partway keeps the text before the damage.
        for op in Content::decode_iter(content).map_while(Result::ok) {
            self.charge_runs(runs);
            if self.stopped.is_some() {
                break;
            }
            if self.operations_left == 0 {
                self.stop(ImportError::TooManyOperations {
                    limit: MAX_OPERATIONS,
                });
                break;
            }
            self.operations_left -= 1;
            let operands = &op.operands;
            let num = |i: usize| {
                operands
                    .get(i)
                    .and_then(|o| o.as_float().ok())
                    .map_or(0.0, f64::from)
            };
            let matrix = || Matrix([num(0), num(1), num(2), num(3), num(4), num(5)]);
            match op.operator.as_str() {
                "q" => saved.push(state.clone()),
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                "cm" => state.ctm = matrix().then(state.ctm),
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| self.font(resources, name));
                    state.font_size = num(1);
                }
                "Tc" => state.char_spacing = num(0),
                "Tw" => state.word_spacing = num(0),
                "Tz" => state.horizontal_scale = num(0) / 100.0,
                "TL" => state.leading = num(0),
                "Ts" => state.rise = num(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        state.leading = -num(1);
                    }
                    tlm = Matrix::translation(num(0), num(1)).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = matrix();
                    tm = tlm;
                }
                "T*" => {
                    tlm = Matrix::translation(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0);
                            state.char_spacing = num(1);
                        }
                        tlm = Matrix::translation(0.0, -state.leading).then(tlm);
                        tm = tlm;
                    }
                    let string = operands.last().and_then(|o| o.as_str().ok());
                    if let Some(bytes) = string {
                        show(&state, &mut tm, bytes, runs);
                    }
                }
                "TJ" => {
                    let Some(items) = operands.first().and_then(|o| o.as_array().ok()) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => show(&state, &mut tm, bytes, runs),
                            other => {
                                let adjust = other.as_float().map_or(0.0, f64::from);
                                let tx =
                                    -adjust / 1000.0 * state.font_size * state.horizontal_scale;
                                tm = Matrix::translation(tx, 0.0).then(tm);
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                        self.draw_form(resources, name, &state, depth, runs);
                    }
                }
                _ => {}
            }
        }
        self.charge_runs(runs);
    }

    /// Runs a form XObject (text drawn through a form is page text); images are skipped.
    fn draw_form(
        &mut self,
        resources: &Resources<'a>,
        name: &[u8],
        state: &State<'a>,
        depth: usize,
        runs: &mut Vec<layout::Run>,
    ) {
        let doc = self.doc;
        let Some(form) = lookup(doc, resources, b"XObject", name).and_then(|o| o.as_stream().ok())
        else {
            return;
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        let content = match form.decompressed_content_with_limit(MAX_CONTENT_BYTES) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.stop(Self::content_too_large());
                return;
            }
            Err(_) => return,
        };
        if !self.charge_content(&content) {
            return;
        }
        let mut form_resources = Resources::new();
        if let Some(own) = form
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
        {
            form_resources.push(own);
        }
        // Older files leave a form's resources to the page.
        form_resources.extend(resources.iter().copied());
        let mut inner = state.clone();
        if let Some(m) = form
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| o.as_array().ok())
        {
            let n = |i: usize| {
                m.get(i)
                    .and_then(|o| o.as_float().ok())
                    .map_or(0.0, f64::from)
            };
            if m.len() == 6 {
                inner.ctm = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]).then(state.ctm);
            }
        }
        self.run_stream(&content, &form_resources, inner, depth + 1, runs);
    }

    fn font(&mut self, resources: &Resources<'a>, name: &[u8]) -> Option<Rc<Font<'a>>> {
        let doc = self.doc;
        for dict in resources {
            let Some(fonts) = dict
                .get(b"Font")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
            else {
                continue;
            };
            let Ok(entry) = fonts.get(name) else {
                continue;
            };
            return match entry {
                Object::Reference(id) => self
                    .fonts
                    .entry(*id)
                    .or_insert_with(|| {
                        let dict = doc.get_dictionary(*id).ok()?;
                        Font::load(doc, dict).map(Rc::new)
                    })
                    .clone(),
                Object::Dictionary(dict) => Font::load(doc, dict).map(Rc::new),
                _ => None,
            };
        }
        None
    }
}

/// `/Category /Name` in the first resource dictionary that has it.
fn lookup<'a>(
    doc: &'a Document,
    resources: &Resources<'a>,
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|dict| {
        let (_, group) = doc.dereference(dict.get(category).ok()?).ok()?;
        let (_, object) = doc
            .dereference(group.as_dict().ok()?.get(name).ok()?)
            .ok()?;
        Some(object)
    })
}

/// The page's bottom and top edges (its /MediaBox, inherited from the page tree).
fn media_box(doc: &Document, page_id: ObjectId) -> (f64, f64) {
    let mut node = doc.get_dictionary(page_id).ok();
    let mut seen = HashSet::new();
    while let Some(dict) = node {
        if let Some(edges) = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .filter(|a| a.len() == 4)
        {
            let n = |i: usize| {
                edges
                    .get(i)
                    .and_then(|o| o.as_float().ok())
                    .map_or(0.0, f64::from)
            };
            return (n(1).min(n(3)), n(1).max(n(3)));
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok();
        node = parent
            .filter(|id| seen.insert(*id))
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    // US Letter, the default of most writers.
    (0.0, 792.0)
}

/// Shows one string: records it as a run where it starts and ends, and advances the text
/// matrix by its width.
fn show(state: &State<'_>, tm: &mut Matrix, bytes: &[u8], runs: &mut Vec<layout::Run>) {
    let Some(font) = state.font.as_deref() else {
        return;
    };
    let size = state.font_size;
    let text_space = Matrix([
        size * state.horizontal_scale,
        0.0,
        0.0,
        size,
        0.0,
        state.rise,
    ]);
    let start = text_space.then(*tm).then(state.ctm);
    let mut advance = 0.0;
    for (code, is_space) in font.codes(bytes) {
        let mut tx = font.width(code) / 1000.0 * size + state.char_spacing;
        if is_space {
            tx += state.word_spacing;
        }
        advance += tx * state.horizontal_scale;
    }
    *tm = Matrix::translation(advance, 0.0).then(*tm);
    let end = text_space.then(*tm).then(state.ctm);
    let text = font.decode(bytes);
    if text.is_empty() {
        return;
    }
    let [.., x, y] = start.0;
    runs.push(layout::Run {
        x,
        y,
        end_x: end.0[4],
        size: start.vertical_scale().abs(),
        text,
    });
}

// ---------------------------------------------------------------------------------------
// Lines to paragraphs.

pub(crate) mod layout {
    //! Written by hand: the rules are specific to what a PDF page loses (line breaks,
    //! hyphens, page furniture) and no maintained crate rebuilds paragraphs from positioned
    //! text this way.

    use std::collections::{HashMap, HashSet};

    /// Text shown in one go, in page coordinates (points, y upwards).
    #[derive(Clone, Debug)]
    pub struct Run {
        pub x: f64,
        pub y: f64,
        pub end_x: f64,
        pub size: f64,
        pub text: String,
    }

    /// One line of a page.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Line {
        pub text: String,
        pub x: f64,
        pub end_x: f64,
        /// Baseline, y upwards.
        pub y: f64,
        pub size: f64,
    }

    #[derive(Clone, Debug, Default)]
    pub struct Page {
        pub lines: Vec<Line>,
        pub bottom: f64,
        pub top: f64,
    }

    impl Page {
        /// Runs on one baseline (within half the type size: superscripts stay), drawn one
        /// after another, form a line, in the order drawn (runs are not sorted by position,
        /// which would reverse right-to-left scripts); a gap wider than a sixth of the type
        /// size between runs is a space, and so is a jump back to the left (a right-aligned
        /// label drawn before the text on its line).
        pub fn from_runs(runs: Vec<Run>, bottom: f64, top: f64) -> Page {
            let mut groups: Vec<Vec<Run>> = Vec::new();
            for run in runs {
                let size = run.size.max(1.0);
                match groups.last_mut() {
                    Some(group) if (run.y - group[0].y).abs() <= 0.5 * size.max(group[0].size) => {
                        group.push(run);
                    }
                    _ => groups.push(vec![run]),
                }
            }
            let mut lines: Vec<Line> = groups.into_iter().map(line_from_runs).collect();
            for line in &mut lines {
                let original_len = line.text.len();
                let tidy = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
                // Leading spaces drawn as characters still start where the text does.
                if tidy.len() != original_len && line.text.starts_with(' ') {
                    let leading = line.text.len() - line.text.trim_start().len();
                    line.x += leading as f64 * line.size * 0.25;
                }
                line.text = tidy;
            }
            lines.retain(|l| !l.text.is_empty());
            Page { lines, bottom, top }
        }
    }

    fn line_from_runs(runs: Vec<Run>) -> Line {
        let mut line = Line {
            text: String::new(),
            x: runs.iter().map(|r| r.x).fold(f64::MAX, f64::min),
            end_x: f64::MIN,
            y: runs.first().map_or(0.0, |r| r.y),
            size: 0.0,
        };
        let mut previous: Option<&Run> = None;
        for run in &runs {
            let size = run.size.max(1.0);
            if let Some(prev) = previous {
                // Text drawn twice, a little offset, is simulated bold: read it once.
                if prev.text == run.text && (run.x - prev.x).abs() < size * 0.3 {
                    continue;
                }
                let gap = run.x - prev.end_x;
                if (gap > size / 6.0 || gap < -size)
                    && !line.text.ends_with(' ')
                    && !run.text.starts_with(' ')
                {
                    line.text.push(' ');
                }
            }
            line.text.push_str(&run.text);
            line.end_x = line.end_x.max(run.end_x);
            line.size = line.size.max(run.size);
            previous = Some(run);
        }
        line
    }

    /// The pages' text: page furniture dropped, lines joined into paragraphs separated by
    /// blank lines.
    pub fn paragraphs(mut pages: Vec<Page>) -> String {
        drop_page_furniture(&mut pages);
        let vocabulary = Vocabulary::new(&pages);
        let mut paragraphs: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut previous: Option<(&Line, PageShape)> = None;
        let shapes: Vec<PageShape> = pages.iter().map(PageShape::new).collect();
        for (page, shape) in pages.iter().zip(&shapes) {
            for line in &page.lines {
                let starts_paragraph = match previous {
                    None => true,
                    Some((prev, prev_shape)) => {
                        if starts_list_item(line) {
                            true
                        } else if std::ptr::eq(prev_shape.id, shape.id) {
                            shape.breaks_between(prev, line)
                        } else {
                            // Across a page break the spacing says nothing; an early line
                            // end or an indent does.
                            prev_shape.ends_early(prev, line) || shape.is_indented(line)
                        }
                    }
                };
                if starts_paragraph && !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
                if current.is_empty() {
                    current.push_str(&line.text);
                } else {
                    join_hyphenated(&mut current, &line.text, &vocabulary);
                }
                previous = Some((line, *shape));
            }
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }
        paragraphs.join("\n\n")
    }

    /// What a page's body text looks like: its left margin, where full lines end, and its
    /// line spacing.
    #[derive(Clone, Copy, Debug)]
    struct PageShape<'p> {
        /// Identifies the page (shapes are compared by page, not by value).
        id: &'p Page,
        left: f64,
        right: f64,
        spacing: Option<f64>,
    }

    impl<'p> PageShape<'p> {
        fn new(page: &'p Page) -> PageShape<'p> {
            let lines = &page.lines;
            // The left margin is where most lines start.
            let mut starts: HashMap<i64, usize> = HashMap::new();
            for line in lines {
                *starts.entry(line.x.round() as i64).or_default() += 1;
            }
            let left = starts
                .iter()
                .max_by_key(|(x, count)| (**count, -**x))
                .map_or(0.0, |(x, _)| *x as f64);
            // Full lines end near the right margin: take a high percentile of line ends.
            let mut ends: Vec<f64> = lines.iter().map(|l| l.end_x).collect();
            ends.sort_by(f64::total_cmp);
            let right = ends
                .get(ends.len().saturating_sub(1) * 9 / 10)
                .copied()
                .unwrap_or(0.0);
            // Line spacing: the most common gap between consecutive lines of body size.
            let mut gaps: HashMap<i64, usize> = HashMap::new();
            for pair in lines.windows(2) {
                let gap = pair[0].y - pair[1].y;
                if gap > 0.0 && gap < 3.0 * pair[0].size.max(pair[1].size) {
                    *gaps.entry((gap * 2.0).round() as i64).or_default() += 1;
                }
            }
            let spacing = gaps
                .iter()
                .max_by_key(|(gap, count)| (**count, -**gap))
                .map(|(gap, _)| *gap as f64 / 2.0);
            PageShape {
                id: page,
                left,
                right,
                spacing,
            }
        }

        fn is_indented(&self, line: &Line) -> bool {
            line.x > self.left + line.size.max(1.0)
        }

        /// Whether `next` starts a new paragraph after `prev` on the same page.
        fn breaks_between(&self, prev: &Line, next: &Line) -> bool {
            let gap = prev.y - next.y;
            let size = prev.size.max(next.size).max(1.0);
            if gap <= 0.0 {
                // Back up the page: a new column, like a page break.
                return self.ends_early(prev, next) || self.is_indented(next);
            }
            let spacing = self.spacing.unwrap_or(1.2 * size);
            gap > spacing * 1.4
                || (next.size - prev.size).abs() > 0.15 * size
                || (self.is_indented(next) && next.x > prev.x + size)
                || self.ends_early(prev, next)
        }

        /// A line ended early when the next line's first word would have fitted after it:
        /// a writer only breaks a line there at the end of a paragraph.
        fn ends_early(&self, prev: &Line, next: &Line) -> bool {
            let first_word = next.text.split(' ').next().unwrap_or_default();
            // An average glyph is about half the type size wide.
            let word_width = (first_word.chars().count() as f64 + 1.0) * next.size * 0.5;
            prev.end_x + word_width < self.right - prev.size * 0.5
        }
    }

    /// A bulleted list item ("• …") is a paragraph of its own, however long its line.
    fn starts_list_item(line: &Line) -> bool {
        line.text
            .starts_with(['•', '◦', '▪', '■', '●', '‣', '⁃', '∙'])
    }

    /// Drops running headers and footers (lines repeated at the top or bottom of most
    /// pages, or of three pages or more, as a chapter's running head is; digits ignored)
    /// and bare page numbers at the top or bottom of a page.
    fn drop_page_furniture(pages: &mut [Page]) {
        let edge_keys: Vec<HashSet<String>> = pages
            .iter()
            .map(|page| edge_lines(page).map(|l| furniture_key(&l.text)).collect())
            .collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for keys in &edge_keys {
            for key in keys {
                *counts.entry(key.as_str()).or_default() += 1;
            }
        }
        // "Most pages": more than half of them, and at least two.
        let most = (pages.len() / 2 + 1).max(2);
        let running: HashSet<String> = counts
            .into_iter()
            .filter(|(_, count)| *count >= most.min(3))
            .map(|(key, _)| key.to_owned())
            .collect();
        for page in pages.iter_mut() {
            let edges: Vec<usize> = edge_indexes(page);
            // A bare number counts as a page number only in the page's outer fifths.
            let band = (page.top - page.bottom) / 5.0;
            let (low, high) = (page.bottom + band, page.top - band);
            let mut index = 0;
            page.lines.retain(|line| {
                let at_edge = edges.contains(&index);
                index += 1;
                let in_margin = line.y < low || line.y > high;
                !(at_edge
                    && (running.contains(&furniture_key(&line.text))
                        || (in_margin && is_page_number(&line.text))))
            });
        }
    }

    /// How many lines at the top and at the bottom of a page may be furniture.
    const EDGE_LINES: usize = 3;

    fn edge_indexes(page: &Page) -> Vec<usize> {
        let mut by_height: Vec<usize> = (0..page.lines.len()).collect();
        by_height.sort_by(|&a, &b| page.lines[b].y.total_cmp(&page.lines[a].y));
        let n = by_height.len();
        let mut edges: Vec<usize> = by_height.iter().take(EDGE_LINES).copied().collect();
        edges.extend(by_height.iter().skip(n.saturating_sub(EDGE_LINES)).copied());
        edges
    }

    fn edge_lines(page: &Page) -> impl Iterator<Item = &Line> {
        edge_indexes(page).into_iter().map(|i| &page.lines[i])
    }

    /// A line with its numbers blanked, so "Page 3 of 12" matches "Page 4 of 12".
    fn furniture_key(text: &str) -> String {
        let mut key = String::with_capacity(text.len());
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_digit() {
                if !key.ends_with('#') {
                    key.push('#');
                }
            } else {
                key.push(c);
            }
        }
        key
    }

    /// "3", "- 3 -", "— 3 —", "[3]", "Page 3", "page 3 of 12", "p. 3", "3 / 12", "3 of 12".
    pub fn is_page_number(text: &str) -> bool {
        let lower = text.to_lowercase();
        let trimmed = lower.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')' | '|' | '·')
        });
        let rest = ["page ", "page", "p. ", "p.", "pg. ", "pg "]
            .iter()
            .find_map(|prefix| trimmed.strip_prefix(prefix))
            .unwrap_or(trimmed)
            .trim_start();
        let number_len = rest.chars().take_while(char::is_ascii_digit).count();
        if !(1..=4).contains(&number_len) {
            return false;
        }
        let number = &rest[..number_len];
        let rest = rest[number_len..].trim();
        if rest.is_empty() {
            // A year alone is a date line, not a page number.
            return !(number_len == 4 && (number.starts_with("19") || number.starts_with("20")));
        }
        let total = ["of ", "/ ", "/"]
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
            .map(str::trim);
        total.is_some_and(|t| (1..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()))
    }

    /// The words of the document, to tell a word broken at a line end ("coopera-tion")
    /// from a compound that happens to break at its hyphen ("long-term").
    struct Vocabulary {
        words: HashSet<String>,
        compounds: HashSet<String>,
    }

    impl Vocabulary {
        fn new(pages: &[Page]) -> Vocabulary {
            let mut words = HashSet::new();
            let mut compounds = HashSet::new();
            let lines: Vec<&str> = pages
                .iter()
                .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
                .collect();
            for (i, line) in lines.iter().enumerate() {
                let tokens: Vec<&str> = line.split(' ').collect();
                let broken_end = line.ends_with(['-', '\u{2010}', '\u{AD}']);
                let broken_start = i > 0 && lines[i - 1].ends_with(['-', '\u{2010}', '\u{AD}']);
                for (j, token) in tokens.iter().enumerate() {
                    // The pieces of a word broken across lines are not words.
                    if (broken_end && j + 1 == tokens.len()) || (broken_start && j == 0) {
                        continue;
                    }
                    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
                    let lower = token.to_lowercase();
                    if lower.contains(['-', '\u{2010}']) {
                        compounds.insert(lower.replace('\u{2010}', "-"));
                    }
                    for word in lower.split(|c: char| !c.is_alphabetic()) {
                        if !word.is_empty() {
                            words.insert(word.to_owned());
                        }
                    }
                }
            }
            Vocabulary { words, compounds }
        }
    }

    /// Prefixes written with a hyphen in English whether or not the rest is a word
    /// elsewhere in the text.
    const HYPHENATED_PREFIXES: &[&str] = &["self", "ex", "all", "quasi", "vice", "non"];

    /// Appends `next` to a paragraph ending in `paragraph`'s last line.
    ///
    /// A line ending in a hyphen after a letter, followed by a lower-case letter, is a
    /// broken word. The hyphen is kept (and no space added) when the document writes that
    /// compound with a hyphen elsewhere ("long-term"), or, failing that, when the document
    /// does not write the joined word elsewhere and both halves are words of the document
    /// ("follow-up" where "follow" and "up" occur) or the first half is a prefix written
    /// with a hyphen ("self-determination"). Otherwise the hyphen was the typesetter's and
    /// goes ("coopera-tion" → "cooperation"). A soft hyphen always goes; a hyphen before
    /// an upper-case letter or a digit stays ("Franco-German", "COVID-19").
    fn join_hyphenated(paragraph: &mut String, next: &str, vocabulary: &Vocabulary) {
        if let Some(head) = paragraph.strip_suffix('\u{AD}') {
            let len = head.len();
            paragraph.truncate(len);
            paragraph.push_str(next);
            return;
        }
        let hyphen = ['-', '\u{2010}']
            .into_iter()
            .find(|h| paragraph.ends_with(*h));
        let Some(hyphen) = hyphen else {
            paragraph.push(' ');
            paragraph.push_str(next);
            return;
        };
        let before_hyphen = &paragraph[..paragraph.len() - hyphen.len_utf8()];
        let head: String = before_hyphen
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let next_first = next.chars().next();
        if head.is_empty() || next_first.is_none() {
            paragraph.push(' ');
            paragraph.push_str(next);
            return;
        }
        if !next_first.is_some_and(char::is_lowercase) {
            // "Franco-" + "German": a compound, kept whole.
            paragraph.push_str(next);
            return;
        }
        let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        let head_lower = head.to_lowercase();
        let tail_lower = tail.to_lowercase();
        let compound = format!("{head_lower}-{tail_lower}");
        let joined = format!("{head_lower}{tail_lower}");
        let keep_hyphen = vocabulary.compounds.contains(&compound)
            || (!vocabulary.words.contains(&joined)
                && ((vocabulary.words.contains(&head_lower)
                    && vocabulary.words.contains(&tail_lower))
                    || HYPHENATED_PREFIXES.contains(&head_lower.as_str())));
        if !keep_hyphen {
            paragraph.truncate(before_hyphen.len());
        }
        paragraph.push_str(next);
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn vocabulary(text: &str) -> Vocabulary {
            let lines = text
                .lines()
                .map(|t| Line {
                    text: t.to_owned(),
                    x: 0.0,
                    end_x: 0.0,
                    y: 0.0,
                    size: 10.0,
                })
                .collect();
            Vocabulary::new(&[Page {
                lines,
                bottom: 0.0,
                top: 792.0,
            }])
        }

        fn join(first: &str, second: &str, others: &str) -> String {
            let mut paragraph = first.to_owned();
            join_hyphenated(&mut paragraph, second, &vocabulary(others));
            paragraph
        }

        #[test]
        fn broken_words_join_and_compounds_keep_their_hyphen() {
            let others = "a long road and a short term; we follow up";
            assert_eq!(
                join("deepen coopera-", "tion now", others),
                "deepen cooperation now"
            );
            assert_eq!(join("the long-", "term plan", others), "the long-term plan");
            assert_eq!(join("a follow-", "up visit", others), "a follow-up visit");
            assert_eq!(join("for self-", "reliance", ""), "for self-reliance");
            assert_eq!(
                join("the Franco-", "German axis", ""),
                "the Franco-German axis"
            );
            assert_eq!(
                join("inter-", "national law", "national"),
                "international law"
            );
            // The document writes the joined word elsewhere: the break was typesetting.
            assert_eq!(
                join("long-", "term", "longterm long term"),
                "longterm",
                "the joined form seen elsewhere wins"
            );
            assert_eq!(join("an end —", "then", ""), "an end — then");
            assert_eq!(join("soft\u{AD}", "ware", ""), "software");
        }

        fn run(text: &str, x: f64, end_x: f64) -> Run {
            Run {
                x,
                y: 700.0,
                end_x,
                size: 10.0,
                text: text.to_owned(),
            }
        }

        #[test]
        fn runs_on_a_baseline_make_one_line_with_spaces_at_gaps() {
            let page = Page::from_runs(
                vec![
                    // A right-aligned label drawn first, then the line from the left.
                    run("[Function]", 474.0, 522.0),
                    run("int", 90.0, 104.0),
                    run("asn1_create", 109.0, 160.0),
                    // Kerned pieces of one word, then simulated bold (drawn twice).
                    run("elem", 160.2, 180.0),
                    run("ent", 180.1, 195.0),
                    run("!", 195.0, 198.0),
                    run("!", 195.4, 198.4),
                ],
                0.0,
                792.0,
            );
            assert_eq!(page.lines.len(), 1);
            assert_eq!(page.lines[0].text, "[Function] int asn1_createelement!");
            assert_eq!(page.lines[0].x, 90.0);
        }

        #[test]
        fn page_numbers_in_their_usual_shapes() {
            for number in [
                "3",
                "- 3 -",
                "— 12 —",
                "[4]",
                "Page 3",
                "Page 3 of 12",
                "p. 7",
                "3 / 12",
                "3 of 12",
            ] {
                assert!(is_page_number(number), "{number}");
            }
            for text in ["2024", "3 May 2024", "Page three", "12345", "Pages 3"] {
                assert!(!is_page_number(text), "{text}");
            }
        }

        #[test]
        fn dates_from_pdf_date_strings() {
            use super::super::parse_pdf_date;
            use chrono::NaiveDate;
            assert_eq!(
                parse_pdf_date("D:20240305143000+01'00'"),
                NaiveDate::from_ymd_opt(2024, 3, 5)
            );
            assert_eq!(
                parse_pdf_date("20240305"),
                NaiveDate::from_ymd_opt(2024, 3, 5)
            );
            assert_eq!(parse_pdf_date("yesterday"), None);
        }
    }
}
