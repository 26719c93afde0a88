//! Bytes to text: byte-order marks, UTF-8, legacy encodings, binary refusal, line endings.
//!
//! Encodings are named as WHATWG (and encoding_rs) name them, so an ISO-8859-1 file is
//! recorded as `windows-1252`, its superset: the standard reads the one label as the other.

use super::ImportError;
use crate::model::LineEndings;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GBK, KOI8_R, KOI8_U, UTF_8};

/// Text decoded from a file, normalised to LF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding the bytes were read as ("UTF-8", "windows-1252", …).
    pub encoding: &'static str,
    pub line_endings: LineEndings,
    /// What the analyst should know about how the bytes were read (bytes replaced).
    pub warnings: Vec<String>,
}

/// Decodes an article's bytes. BOMs win; then valid UTF-8; then chardetng's guess.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    let (text, encoding, warning) = to_text(bytes)?;
    let mut decoded = finish(text, encoding)?;
    decoded.warnings.extend(warning);
    Ok(decoded)
}

/// Decodes bytes whose encoding the file declares (an HTML meta charset). A BOM still
/// wins, and a declaration the bytes contradict (pages are often mislabelled) gives way to
/// detection rather than garbling the article.
pub fn decode_declared(bytes: &[u8], declared: &'static Encoding) -> Result<Decoded, ImportError> {
    if bytes.is_empty() || Encoding::for_bom(bytes).is_some() {
        return decode(bytes);
    }
    match strict_decode(declared, bytes) {
        Ok(text) => finish(text, declared),
        Err(_) => decode(bytes),
    }
}

fn finish(text: String, encoding: &'static Encoding) -> Result<Decoded, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if has_many_control_chars(&text) {
        return Err(ImportError::Binary { kind: None });
    }
    let (text, line_endings) = normalise_line_endings(&text);
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        line_endings,
        warnings: Vec::new(),
    })
}

/// Text, the encoding it was read as, and a warning when bytes had to be replaced.
type Read = (String, &'static Encoding, Option<String>);

fn to_text(bytes: &[u8]) -> Result<Read, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return strict_decode(encoding, body).map(|text| (text, encoding, None));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportError::Binary { kind: Some(kind) });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return strict_decode(encoding, bytes)
            .map_err(|_| ImportError::Utf16WithoutBom)
            .map(|text| {
                let warning = format!(
                    "read as {} (UTF-16 without a byte-order mark, told by the zero bytes \
                     between its letters)",
                    encoding.name()
                );
                (text, encoding, Some(warning))
            });
    }
    // Without a BOM a NUL byte means binary: no text encoding we read puts NULs in text.
    if bytes.contains(&0) {
        return Err(ImportError::Binary { kind: None });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), UTF_8, None));
    }
    // UTF-8 but for a few bad bytes (a cut character, a stray byte from a copy and paste):
    // reading it as a legacy code page would garble every accent and quotation mark.
    if let Some((text, warning)) = utf8_with_slips(bytes) {
        return Ok((text, UTF_8, Some(warning)));
    }
    // Detection costs 0.1 to 0.3 µs a byte (measured), a third of a second for a 1 MB
    // GBK file: guess from the start of a long file, and only if that guess cannot decode
    // the whole file, look at all of it. The sample starts at the first non-ASCII byte:
    // ASCII tells nothing, and a single-byte guess made from ASCII alone would decode
    // anything (wrongly).
    let first_non_ascii = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let sample_end = first_non_ascii.saturating_add(DETECTION_SAMPLE_BYTES);
    if sample_end < bytes.len() {
        let encoding = detect(&bytes[..sample_end], bytes);
        if let Ok(text) = strict_decode(encoding, bytes) {
            return Ok((text, encoding, None));
        }
    }
    let encoding = detect(bytes, bytes);
    strict_decode(encoding, bytes).map(|text| (text, encoding, None))
}

/// Positions listed in a warning about replaced bytes; the rest are counted.
const LISTED_SLIPS: usize = 5;

/// Decodes bytes that are UTF-8 but for a few invalid sequences, each replaced by U+FFFD,
/// with a warning naming where they were. "A few": at least as many well-formed multi-byte
/// characters as bad sequences. Text in a legacy code page has almost none of the former
/// (its accented letters are lone high bytes), so it still goes to detection.
fn utf8_with_slips(bytes: &[u8]) -> Option<(String, String)> {
    let mut text = String::with_capacity(bytes.len() + 16);
    let (mut well_formed, mut slips) = (0usize, Vec::new());
    let (mut line, mut column) = (1usize, 1usize);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
            well_formed += usize::from(!c.is_ascii());
        }
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let offset =
                chunk.valid().as_ptr() as usize - bytes.as_ptr() as usize + chunk.valid().len();
            slips.push((line, column, offset));
            text.push(char::REPLACEMENT_CHARACTER);
            column += 1;
        }
    }
    if well_formed == 0 || well_formed < slips.len() {
        return None;
    }
    let mut listed: Vec<String> = slips
        .iter()
        .take(LISTED_SLIPS)
        .map(|(line, column, offset)| format!("line {line}, column {column} (byte {offset})"))
        .collect();
    if slips.len() > LISTED_SLIPS {
        listed.push(format!("and {} more", slips.len() - LISTED_SLIPS));
    }
    let warning = format!(
        "read as UTF-8, but {} {} not UTF-8 and {} replaced by \u{FFFD}: {}",
        slips.len(),
        if slips.len() == 1 {
            "byte sequence is"
        } else {
            "byte sequences are"
        },
        if slips.len() == 1 { "was" } else { "were" },
        listed.join("; ")
    );
    Some((text, warning))
}

/// How much of a long file chardetng sees first, from its first non-ASCII byte: dozens
/// of pages of any article.
const DETECTION_SAMPLE_BYTES: usize = 64 * 1024;

/// chardetng's guess from `sample` (a prefix of `bytes`, or all of it), refined against
/// `bytes`.
fn detect(sample: &[u8], bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // Never "last": a file cut inside a character would rule out its real encoding and
    // be read as windows-1252 garbage; this way the strict decode refuses it instead.
    detector.feed(sample, false);
    refine_guess(detector.guess(None, Utf8Detection::Deny), bytes)
}

/// Decodes without replacement characters: an article must never lose characters silently.
fn strict_decode(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, ImportError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(ImportError::Undecodable {
            encoding: encoding.name(),
        })
}

/// chardetng reports one encoding per family; name the more likely member when the bytes
/// decode identically either way, so that the recorded encoding matches what the file is.
fn refine_guess(guessed: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    // KOI8-U differs from KOI8-R only in eight positions (Ukrainian letters vs. box
    // drawing). Without them the text is Russian KOI8-R, far the more common.
    const KOI8_U_ONLY: [u8; 8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];
    if guessed == KOI8_U && !bytes.iter().any(|b| KOI8_U_ONLY.contains(b)) {
        return KOI8_R;
    }
    // encoding_rs decodes GBK with the full GB18030 decoder; a four-byte sequence (second
    // byte a digit) is only valid in GB18030, so name that when one occurs.
    if guessed == GBK && has_gb18030_four_byte_sequence(bytes) {
        return encoding_rs::GB18030;
    }
    guessed
}

fn has_gb18030_four_byte_sequence(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, and the two single bytes above it (€ and an unused 0xFF).
        if b <= 0x80 || b == 0xFF {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(0x30..=0x39) => return true,
            Some(_) => i += 2,
            None => i += 1,
        }
    }
    false
}

/// UTF-16 without a byte-order mark (see [`crate::sniff`]).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some(encoding) = crate::sniff::mostly_latin_utf16(bytes) {
        return Some(encoding);
    }
    let (even, odd) = crate::sniff::zero_bytes_by_side(bytes);
    // Chinese, Russian or Arabic in UTF-16 has few zero bytes (only its line breaks,
    // spaces and digits) but every one on the same side. That alone could be a binary
    // format, so the file must then also decode to something that reads as text.
    let candidate = match (even, odd) {
        (0, n) if n > 0 => encoding_rs::UTF_16LE,
        (n, 0) if n > 0 => encoding_rs::UTF_16BE,
        _ => return None,
    };
    let (text, had_errors) = candidate.decode_without_bom_handling(bytes);
    (!had_errors && reads_as_text(&text)).then_some(candidate)
}

/// Whether decoded characters look like prose in some script: no control characters but
/// line breaks and tabs, and nearly all letters, digits, spaces or punctuation.
fn reads_as_text(text: &str) -> bool {
    let (mut total, mut prose) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            return false;
        }
        total += 1;
        let punctuation = c.is_ascii_punctuation()
            || matches!(c, '\u{2010}'..='\u{205F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}' | '\u{00A0}'..='\u{00BF}');
        if c.is_alphanumeric() || c.is_whitespace() || punctuation {
            prose += 1;
        }
    }
    total > 0 && prose * 100 >= total * 97
}

/// Well-known binary formats, named so the analyst knows what they picked.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "program"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "old Microsoft Office document",
        ),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"Rar!", "RAR archive"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// True when more than 1 % of the characters (and more than a handful) are control
/// characters that never occur in prose: the bytes were not text in any encoding.
fn has_many_control_chars(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            control += 1;
        }
    }
    control > 4 && control * 100 > total
}

/// Replaces CR LF and lone CR by LF, and says which endings the text had.
pub fn normalise_line_endings(text: &str) -> (String, LineEndings) {
    let lf_total = text.bytes().filter(|&b| b == b'\n').count();
    let mut out = String::with_capacity(text.len());
    let (mut crlf, mut cr) = (0usize, 0usize);
    let mut rest = text;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        let after = &rest[at + 1..];
        if let Some(stripped) = after.strip_prefix('\n') {
            crlf += 1;
            rest = stripped;
        } else {
            cr += 1;
            rest = after;
        }
    }
    out.push_str(rest);
    let lf = lf_total - crlf;
    let endings = match (lf > 0, crlf > 0, cr > 0) {
        (_, false, false) => LineEndings::Lf,
        (false, true, false) => LineEndings::CrLf,
        (false, false, true) => LineEndings::Cr,
        _ => LineEndings::Mixed,
    };
    (out, endings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_are_classified_and_normalised() {
        assert_eq!(
            normalise_line_endings("a\nb"),
            ("a\nb".into(), LineEndings::Lf)
        );
        assert_eq!(
            normalise_line_endings("a\r\nb\r\n"),
            ("a\nb\n".into(), LineEndings::CrLf)
        );
        assert_eq!(
            normalise_line_endings("a\rb\r"),
            ("a\nb\n".into(), LineEndings::Cr)
        );
        assert_eq!(
            normalise_line_endings("a\r\nb\nc\rd"),
            ("a\nb\nc\nd".into(), LineEndings::Mixed)
        );
        assert_eq!(
            normalise_line_endings("\r\r\n"),
            ("\n\n".into(), LineEndings::Mixed)
        );
        assert_eq!(
            normalise_line_endings("no newline"),
            ("no newline".into(), LineEndings::Lf)
        );
    }

    #[test]
    fn a_few_control_characters_do_not_make_text_binary() {
        let text = format!("{}\u{7}\u{1b}", "Wang Yi said. ".repeat(10));
        assert!(!has_many_control_chars(&text));
        assert!(has_many_control_chars(&"\u{1}\u{2}ab".repeat(10)));
    }
}
