//! Counts and sizes in words: "1 document", "3 documents", "16 MiB". Every noun the
//! program counts takes an "s" in the plural, so one rule serves.

/// The plural ending for a count of `n`: "" for one, "s" otherwise.
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` and the noun, in the singular for one: `counted(1, "file")` is "1 file".
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural_s(n))
}

/// A size as the analyst reads it: "16 MiB", "2 KiB".
pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        // Rounded up, so a file just over the limit never reads as equal to it.
        let tenths = (bytes * 10).div_ceil(MIB);
        if tenths.is_multiple_of(10) {
            format!("{} MiB", tenths / 10)
        } else {
            format!("{}.{} MiB", tenths / 10, tenths % 10)
        }
    } else if bytes >= 1024 {
        format!("{} KiB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::{counted, human_size};

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(0, "document"), "0 documents");
        assert_eq!(counted(1, "document"), "1 document");
        assert_eq!(counted(2, "stance"), "2 stances");
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(16 * 1024 * 1024), "16 MiB");
        assert_eq!(human_size(16 * 1024 * 1024 + 1), "16.1 MiB");
        assert_eq!(human_size(2048), "2 KiB");
    }
}
