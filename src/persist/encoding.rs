//! What a project file that is not UTF-8 was saved as, so that its problem says how to fix
//! it: UTF-16 and UTF-32 (with or without a byte-order mark), a legacy encoding, or no text
//! at all.

use super::{Problem, ProblemKind};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};

/// What bytes that are not a UTF-8 project look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Saved {
    Utf16,
    Utf32,
    /// A legacy encoding, by its WHATWG name (`windows-1252`, `Shift_JIS`, …).
    Legacy(&'static str),
    Binary,
}

/// How much of the file the guesses look at: the start of a project tells enough.
const SAMPLE: usize = crate::sniff::SAMPLE_BYTES;

fn guess(bytes: &[u8]) -> Saved {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Saved::Utf32;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Saved::Utf16;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    // A project is mostly ASCII: in UTF-32 three bytes of four are NUL, always at the same
    // offsets; UTF-16 is told as the importer tells it.
    let nul_share = |offset: usize, step: usize| {
        let slots = sample.iter().skip(offset).step_by(step);
        let total = slots.clone().count().max(1);
        slots.filter(|&&b| b == 0).count() * 10 / total
    };
    let utf32 = (nul_share(1, 4) >= 6 && nul_share(2, 4) >= 6 && nul_share(3, 4) >= 6)
        || (nul_share(0, 4) >= 6 && nul_share(1, 4) >= 6 && nul_share(2, 4) >= 6);
    if sample.len() >= 8 && utf32 {
        return Saved::Utf32;
    }
    if crate::sniff::mostly_latin_utf16(bytes).is_some() {
        return Saved::Utf16;
    }
    if sample.contains(&0) {
        return Saved::Binary;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    Saved::Legacy(detector.guess(None, Utf8Detection::Deny).name())
}

impl Saved {
    fn hint(self) -> String {
        let save_as = "save it as UTF-8 (in the editor's Save As, choose the UTF-8 encoding)";
        match self {
            Saved::Utf16 => format!("the file was saved as UTF-16; {save_as}"),
            Saved::Utf32 => format!("the file was saved as UTF-32; {save_as}"),
            Saved::Legacy(name) => format!(
                "it looks like text saved as {name}; {save_as}, or check that it is a Demarche project"
            ),
            Saved::Binary => {
                "it holds binary data: it is not a Demarche project (a project is UTF-8 text)"
                    .to_owned()
            }
        }
    }
}

/// True for UTF-16 and UTF-32 text.
pub(super) fn is_wide(bytes: &[u8]) -> bool {
    matches!(guess(bytes), Saved::Utf16 | Saved::Utf32)
}

/// The problem of text that is valid UTF-8 but holds NUL characters, which no project does:
/// UTF-16 of ASCII text is valid UTF-8. `None` when the text has no NUL.
pub(super) fn nul_problem(text: &str) -> Option<Problem> {
    if !text.contains('\0') {
        return None;
    }
    let saved = guess(text.as_bytes());
    Some(Problem::at(
        ProblemKind::NotUtf8,
        1,
        1,
        format!("not a UTF-8 project file: {}", saved.hint()),
    ))
}

/// The problem of bytes that are not UTF-8, from the first byte that cannot be decoded.
pub(super) fn not_utf8_problem(bytes: &[u8], valid_up_to: usize) -> Problem {
    let saved = guess(bytes);
    if is_wide(bytes) {
        return Problem::at(
            ProblemKind::NotUtf8,
            1,
            1,
            format!("not a UTF-8 project file: {}", saved.hint()),
        );
    }
    let valid = &bytes[..valid_up_to];
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
    // The prefix is valid UTF-8 by definition of `valid_up_to`.
    let column = 1 + String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count();
    let byte = bytes.get(valid_up_to).copied().unwrap_or_default();
    Problem::at(
        ProblemKind::NotUtf8,
        line,
        column,
        format!(
            "not UTF-8 text: byte 0x{byte:02X} at byte offset {valid_up_to} cannot be decoded; {}",
            saved.hint()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_and_utf32_are_told_with_or_without_a_byte_order_mark() {
        let text = "(\n    format_version: 2,\n    meta: (name: \"Bogotá\"),\n)\n";
        assert_eq!(guess(&utf16(text, false)), Saved::Utf16);
        assert_eq!(guess(&utf16(text, true)), Saved::Utf16);
        let mut with_bom = vec![0xFE, 0xFF];
        with_bom.extend(utf16(text, true));
        assert_eq!(guess(&with_bom), Saved::Utf16);
        let utf32: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(guess(&utf32), Saved::Utf32);
    }

    #[test]
    fn latin1_text_is_named_and_binary_data_is_called_binary() {
        assert_eq!(
            guess(b"(meta: (name: \"Caf\xE9 du Commerce, R\xE9publique\"))"),
            Saved::Legacy("windows-1252")
        );
        assert_eq!(guess(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x80"), Saved::Binary);
    }
}
