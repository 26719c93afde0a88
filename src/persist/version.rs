//! Reading a file's `format_version` before the full parse, which depends on it.
//!
//! Demarche writes `format_version` as the first field, so a look at the first few tokens
//! finds it without parsing a 70 MB file twice. Only when it is not there (a hand-edited
//! file) does `ron` scan the whole file for it, skipping everything else.

use super::{Problem, ProblemKind, syntax_problem};
use serde::Deserialize;

/// The file's format version, or the problem that prevents knowing it.
pub(super) fn read(text: &str) -> Result<u32, Problem> {
    if let Some(version) = first_field(text) {
        return Ok(version);
    }
    #[derive(Deserialize)]
    struct VersionOnly {
        // RON writes an `Option` as `Some(2)`; the file has a bare number or nothing.
        #[serde(default, deserialize_with = "present")]
        format_version: Option<u32>,
    }
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        u32::deserialize(d).map(Some)
    }
    match ron::from_str::<VersionOnly>(text) {
        Ok(VersionOnly {
            format_version: Some(v),
        }) => Ok(v),
        Ok(VersionOnly {
            format_version: None,
        }) => Err(Problem::of(
            ProblemKind::MissingVersion,
            None,
            None,
            "the file has no format_version, so it cannot be read safely; \
             Demarche project files start with `format_version: N`",
        )),
        Err(e) => Err(syntax_problem(&e, text)),
    }
}

/// `format_version` when it is the first field of the top-level struct.
fn first_field(text: &str) -> Option<u32> {
    let mut rest = skip_trivia(text);
    // An optional struct name, as `ron` writes with `struct_names`.
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    rest = skip_trivia(&rest[name_len..]);
    rest = skip_trivia(rest.strip_prefix('(')?);
    rest = skip_trivia(rest.strip_prefix("format_version")?);
    rest = skip_trivia(rest.strip_prefix(':')?);
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..digits].parse().ok()
}

/// Skips white space, comments and `#![enable(...)]` attributes.
fn skip_trivia(mut s: &str) -> &str {
    loop {
        let trimmed = s.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            s = after.find('\n').map_or("", |i| &after[i..]);
        } else if let Some(after) = trimmed.strip_prefix("/*") {
            // RON block comments nest, but a nested one before the version is too rare to
            // handle here: the full scan then finds the version.
            s = after.find("*/").map_or("", |i| &after[i + 2..]);
        } else if let Some(after) = trimmed.strip_prefix("#!") {
            s = after.find(']').map_or("", |i| &after[i + 1..]);
        } else {
            return trimmed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_version_after_comments_attributes_and_a_struct_name() {
        assert_eq!(first_field("(\n    format_version: 2,\n"), Some(2));
        assert_eq!(
            first_field(
                "// project\n/* x */ #![enable(implicit_some)]\nProject( format_version : 17 )"
            ),
            Some(17)
        );
        assert_eq!(first_field("(meta: (), format_version: 2)"), None);
    }

    #[test]
    fn a_version_in_another_place_is_found_by_the_full_scan() {
        assert_eq!(read("(meta: (name: \"x\"), format_version: 1)"), Ok(1));
        let missing = read("(meta: (name: \"x\"))").unwrap_err();
        assert_eq!(missing.kind, ProblemKind::MissingVersion);
    }
}
