//! Counts in words: "1 document", "3 documents". Every noun the program counts takes an
//! "s" in the plural, so one rule serves.

/// The plural ending for a count of `n`: "" for one, "s" otherwise.
pub fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` and the noun, in the singular for one: `counted(1, "file")` is "1 file".
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural_s(n))
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(0, "document"), "0 documents");
        assert_eq!(counted(1, "document"), "1 document");
        assert_eq!(counted(2, "stance"), "2 stances");
    }
}
