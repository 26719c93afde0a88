//! What bytes are, told from their look before any decoding: the zero bytes that give away
//! UTF-16 saved without a byte-order mark. The project loader (to say how a file was saved)
//! and the article importer (to read it) both ask.

use encoding_rs::Encoding;

/// How much of a file the look takes in: its start tells enough.
pub const SAMPLE_BYTES: usize = 4096;

/// The zero bytes at even and at odd offsets of the start of `bytes`.
pub fn zero_bytes_by_side(bytes: &[u8]) -> (usize, usize) {
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let on = |side: usize| {
        sample
            .iter()
            .skip(side)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    (on(0), on(1))
}

/// UTF-16 of mostly Latin text, told by its zero bytes: a NUL in every other byte (odd
/// offsets little-endian, even ones big-endian) and (nearly) only there. Text in any other
/// encoding has no NULs at all.
pub fn mostly_latin_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let pairs = bytes.len().min(SAMPLE_BYTES) / 2;
    if pairs < 8 {
        return None;
    }
    let (even, odd) = zero_bytes_by_side(bytes);
    // A few NULs on the other side (U+0100, U+0200… or a damaged byte) are allowed.
    let mostly = |here: usize, there: usize| here * 10 >= pairs * 3 && there * 50 <= here;
    if mostly(odd, even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even, odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_utf16_is_told_either_way_round_and_plain_text_is_not() {
        let text = "(format_version: 2, meta: (name: \"Bogotá\"))";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(mostly_latin_utf16(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(mostly_latin_utf16(&be), Some(encoding_rs::UTF_16BE));
        assert_eq!(mostly_latin_utf16(text.as_bytes()), None);
    }
}
