//! Analysts: who coded what. Every annotation belongs to the layer of the analyst named in
//! its stamp; ids are minted in a block of the id space that belongs to that analyst, so
//! that analysts working on separate clones of a project never mint the same id.

use super::ids::Id;
use sha2::{Digest, Sha256};

/// Bits of an id below the analyst's block: about four billion ids per analyst.
pub const BLOCK_SHIFT: u32 = 32;

/// Bits of the block number. With 32 bits of counter this keeps every id below 2^53, so
/// ids survive JSON readers that hold numbers as doubles (JavaScript, pandas).
const BLOCK_BITS: u32 = 21;

/// The id block of an analyst: derived from the name alone, so two clones that never
/// met agree on it. Block 0 holds the ids of projects written before analysts had blocks.
/// Two names share a block with odds of about one in two million per pair; `validate`
/// reports the duplicate ids that would follow, and a new layer refuses a taken block.
pub fn block_of(analyst: &str) -> u64 {
    let digest = Sha256::digest(analyst.trim().as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first) % ((1 << BLOCK_BITS) - 1) + 1
}

/// The block an id was minted in.
pub fn block_of_id(id: Id) -> u64 {
    id.0 >> BLOCK_SHIFT
}

/// A name for files and folders: lowercase letters, digits and dashes, at most `max`
/// bytes; empty when nothing usable is left.
pub fn slug(text: &str, max: usize) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    let mut slug = String::new();
    // Accents are taken off rather than cut (`Bogotá` → `bogota`, not `bogot`).
    let letters = text.nfd().filter(|c| !is_combining_mark(*c));
    for c in letters.flat_map(char::to_lowercase) {
        if slug.len() >= max {
            break;
        }
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The folder name of an analyst's layer: the name itself when it is already a plain
/// slug (`alice`), else its slug and a short hash, so that `Ann Lee` and `ann-lee` differ.
pub fn folder_name(analyst: &str) -> String {
    let plain = slug(analyst, 40);
    if plain == analyst && !plain.is_empty() {
        return plain;
    }
    let digest = Sha256::digest(analyst.as_bytes());
    let hash: String = digest[..3].iter().map(|b| format!("{b:02x}")).collect();
    if plain.is_empty() {
        format!("analyst-{hash}")
    } else {
        format!("{plain}-{hash}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_stable_nonzero_and_keep_ids_below_two_to_the_53() {
        let b = block_of("alice");
        assert_eq!(b, block_of("alice"));
        assert_ne!(b, block_of("bob"));
        for name in ["alice", "bob", "", "Ann Lee", "王毅"] {
            let block = block_of(name);
            assert!(block >= 1);
            assert!(((block + 1) << BLOCK_SHIFT) - 1 < 1 << 53);
        }
    }

    #[test]
    fn folder_names_keep_plain_names_and_tell_others_apart() {
        assert_eq!(folder_name("alice"), "alice");
        assert_ne!(folder_name("Ann Lee"), folder_name("ann-lee"));
        assert!(folder_name("Ann Lee").starts_with("ann-lee-"));
        assert!(folder_name("王毅").starts_with("analyst-"));
        assert_eq!(slug("  Wang Yi: a «visit» ", 40), "wang-yi-a-visit");
        assert_eq!(slug("Álvaro Leyva in Bogotá", 40), "alvaro-leyva-in-bogota");
    }
}
