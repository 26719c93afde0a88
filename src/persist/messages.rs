//! What a project file that does not parse is told: `ron`'s errors rewritten in the terms of
//! the file (fields, lists, texts in quotes), never of the Rust types behind it, and a file
//! cut short recognised as such wherever the cut falls.

use super::{Problem, ProblemKind};
use ron::error::{Position, SpannedError};

/// A `ron` error as a located problem of the file `text`.
pub(crate) fn syntax_problem(e: &SpannedError, text: &str) -> Problem {
    let ending = Ending::of(text);
    if is_cut_short(e, &ending) {
        return truncated(text, &ending);
    }
    let kind = match &e.code {
        ron::Error::Message(_)
        | ron::Error::ExpectedBoolean
        | ron::Error::ExpectedInteger
        | ron::Error::ExpectedFloat
        | ron::Error::ExpectedString
        | ron::Error::ExpectedChar
        | ron::Error::ExpectedOption
        | ron::Error::ExpectedArray
        | ron::Error::ExpectedMap
        | ron::Error::ExpectedStructLike
        | ron::Error::ExpectedNamedStructLike(_)
        | ron::Error::ExpectedDifferentStructName { .. }
        | ron::Error::ExpectedUnit
        | ron::Error::IntegerOutOfBounds
        | ron::Error::InvalidValueForType { .. }
        | ron::Error::ExpectedDifferentLength { .. }
        | ron::Error::NoSuchEnumVariant { .. }
        | ron::Error::NoSuchStructField { .. }
        | ron::Error::MissingStructField { .. }
        | ron::Error::DuplicateStructField { .. } => ProblemKind::WrongValue,
        _ => ProblemKind::Syntax,
    };
    Problem::at(kind, e.span.start.line, e.span.start.col, describe(&e.code))
}

/// A cut file leaves something open at its end (the project's own `(` at least), and `ron`
/// stops at that end: in the last token, or at the end of the text. A file cut before its
/// first token is blank.
fn is_cut_short(e: &SpannedError, ending: &Ending) -> bool {
    if e.code == ron::Error::Eof {
        return true;
    }
    match (ending.unfinished, ending.last_token) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(_), Some(last)) => e.span.end >= last,
    }
}

fn truncated(text: &str, ending: &Ending) -> Problem {
    // The last line with something on it: what an editor shows as the end of the file.
    let line = text.lines().count().max(1);
    let column = 1 + text.lines().last().map_or(0, |l| l.chars().count());
    let message = match (ending.last_token, ending.unfinished) {
        (None, _) => format!(
            "the file ends early at line {line}: it is empty, with no project in it (was it cut short or never written?)"
        ),
        (Some(_), inside) => format!(
            "the file ends early at line {line}{}: it was probably cut short (an interrupted copy, download or sync, or a full disk). Demarche keeps the previous save beside it, named like it with .bak added",
            inside.map_or(String::new(), |what| format!(", inside {what}"))
        ),
    };
    Problem::at(ProblemKind::Truncated, line, column, message)
}

/// How a RON text ends: what is left open, and where its last token starts (`ron`'s line and
/// column, 1-based, in characters).
///
/// Written here rather than taken from `ron`, whose tokenizer is private: this only needs
/// to know strings, comments and brackets, and never fails.
struct Ending {
    unfinished: Option<&'static str>,
    last_token: Option<Position>,
}

#[derive(Clone, Copy, PartialEq)]
enum Lexing {
    Code,
    /// A run of letters, digits and the like (a name or a number).
    Word,
    /// A string; `raw` is the number of `#` of a raw string, `None` for an escaped one.
    Str {
        raw: Option<usize>,
    },
    Char,
    LineComment,
    BlockComment {
        depth: usize,
    },
}

impl Ending {
    fn of(text: &str) -> Self {
        let (mut line, mut col) = (1, 1);
        let mut state = Lexing::Code;
        let mut brackets: Vec<char> = Vec::new();
        let mut last_token = None;
        let mut word = String::new();
        let mut escaped = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let here = Position { line, col };
            if c == '\n' {
                (line, col) = (line + 1, 1);
            } else {
                col += 1;
            }
            if state == Lexing::Word {
                if is_word_char(c) {
                    word.push(c);
                    continue;
                }
                if c == '"' {
                    // r"…", r#"…"#, b"…", br"…": the word was a string's prefix.
                    let hashes = word.chars().filter(|&h| h == '#').count();
                    state = Lexing::Str {
                        raw: word
                            .trim_start_matches('b')
                            .starts_with('r')
                            .then_some(hashes),
                    };
                    escaped = false;
                    continue;
                }
                state = Lexing::Code;
            }
            match state {
                Lexing::Word => {}
                Lexing::Code => {
                    if c.is_whitespace() {
                        continue;
                    }
                    if c == '/' && chars.peek() == Some(&'/') {
                        state = Lexing::LineComment;
                        continue;
                    }
                    if c == '/' && chars.peek() == Some(&'*') {
                        chars.next();
                        col += 1;
                        state = Lexing::BlockComment { depth: 1 };
                        continue;
                    }
                    last_token = Some(here);
                    match c {
                        '(' | '[' | '{' => brackets.push(c),
                        ')' | ']' | '}' => {
                            brackets.pop();
                        }
                        '"' => {
                            state = Lexing::Str { raw: None };
                            escaped = false;
                        }
                        '\'' => {
                            state = Lexing::Char;
                            escaped = false;
                        }
                        ',' | ':' => {}
                        _ => {
                            state = Lexing::Word;
                            word.clear();
                            word.push(c);
                        }
                    }
                }
                Lexing::Str { raw: None } | Lexing::Char => {
                    let close = if state == Lexing::Char { '\'' } else { '"' };
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == close {
                        state = Lexing::Code;
                    }
                }
                Lexing::Str { raw: Some(hashes) } => {
                    if c == '"' {
                        let mut found = 0;
                        while found < hashes && chars.peek() == Some(&'#') {
                            chars.next();
                            col += 1;
                            found += 1;
                        }
                        if found == hashes {
                            state = Lexing::Code;
                        }
                    }
                }
                Lexing::LineComment => {
                    if c == '\n' {
                        state = Lexing::Code;
                    }
                }
                Lexing::BlockComment { depth } => {
                    if c == '*' && chars.peek() == Some(&'/') {
                        chars.next();
                        col += 1;
                        state = if depth == 1 {
                            Lexing::Code
                        } else {
                            Lexing::BlockComment { depth: depth - 1 }
                        };
                    } else if c == '/' && chars.peek() == Some(&'*') {
                        chars.next();
                        col += 1;
                        state = Lexing::BlockComment { depth: depth + 1 };
                    }
                }
            }
        }
        let unfinished = match state {
            Lexing::Str { .. } => Some("a text in quotes"),
            Lexing::Char => Some("a character in single quotes"),
            Lexing::BlockComment { .. } => Some("a /* comment */"),
            Lexing::Code | Lexing::Word | Lexing::LineComment => brackets.last().map(|b| match b {
                '[' => "a list [ ]",
                '{' => "a table { }",
                _ => "an entry ( )",
            }),
        };
        Self {
            unfinished,
            last_token,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-' | '#')
}

/// `ron`'s error in the user's terms.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends early".to_owned(),
        E::ExpectedArray => "expected `[` here, opening a list".to_owned(),
        E::ExpectedArrayEnd => {
            "expected `]` here, closing the list (or a comma before the next item)".to_owned()
        }
        E::ExpectedAttribute | E::ExpectedAttributeEnd | E::NoSuchExtension(_) => {
            "this `#![enable(...)]` line is malformed or names an unknown option".to_owned()
        }
        E::ExpectedBoolean => "expected `true` or `false` here".to_owned(),
        E::ExpectedComma => "expected a comma here, between two fields or items".to_owned(),
        E::ExpectedChar => "expected a character in single quotes here".to_owned(),
        E::ExpectedByteLiteral | E::ExpectedByteString => "expected a byte string here".to_owned(),
        E::ExpectedFloat => "expected a number here".to_owned(),
        E::FloatUnderscore | E::UnderscoreAtBeginning | E::InvalidIntegerDigit { .. } => {
            "this number is malformed".to_owned()
        }
        E::ExpectedInteger => "expected a whole number here".to_owned(),
        E::ExpectedOption => "expected `Some(...)` or `None` here".to_owned(),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => {
            "expected `)` here, closing the entry (or a comma before the next field)".to_owned()
        }
        E::ExpectedMap => "expected `{` here, opening a table".to_owned(),
        E::ExpectedMapColon => "expected a colon `:` after the field name".to_owned(),
        E::ExpectedMapEnd => "expected `}` here, closing the table".to_owned(),
        E::ExpectedDifferentStructName { found, .. } | E::ExpectedStructName(found) => {
            format!("`{found}` is not the kind of entry expected here")
        }
        E::ExpectedStructLike => "expected `(` here, opening an entry".to_owned(),
        E::ExpectedNamedStructLike(name) => format!(
            "expected `(` here, opening {}",
            term(name).unwrap_or("an entry")
        ),
        E::ExpectedUnit => "expected `()` here".to_owned(),
        E::ExpectedString => "expected a text in double quotes here".to_owned(),
        E::ExpectedStringEnd => "this text in double quotes is never closed".to_owned(),
        E::ExpectedIdentifier => "expected a field name here".to_owned(),
        E::InvalidEscape(_) => {
            "a backslash escape in this text is not valid (\\n, \\\", \\\\, \\u{...} are)"
                .to_owned()
        }
        E::IntegerOutOfBounds => "this number is too large, or negative, for this field".to_owned(),
        E::UnclosedBlockComment => "a `/*` comment is never closed".to_owned(),
        E::UnclosedLineComment => "a `//` comment is never ended by a line break".to_owned(),
        E::UnexpectedChar(c) => format!("unexpected character {c:?} here"),
        E::Utf8Error(_) => "this part of the file is not UTF-8 text".to_owned(),
        E::TrailingCharacters => {
            "unexpected text after the end of the project (after its closing `)`)".to_owned()
        }
        E::InvalidValueForType { expected, found } => {
            format!(
                "expected {} here, but found {}",
                expected_value(expected),
                found_value(found)
            )
        }
        E::ExpectedDifferentLength { expected, found } => format!(
            "expected {} here, but found {found} item(s)",
            expected_value(expected)
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the values allowed here{}",
            did_you_mean(found, expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}`{}{}; Demarche refuses it rather than drop what it holds",
            within(outer.as_deref()),
            did_you_mean(found, expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "{} lacks its field `{field}`",
            outer.as_deref().and_then(term).unwrap_or("this entry")
        ),
        E::DuplicateStructField { field, outer } => format!(
            "the field `{field}` appears twice{}",
            within(outer.as_deref())
        ),
        E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => {
            "this is not a valid field or value name".to_owned()
        }
        E::ExceededRecursionLimit => {
            "entries are nested far deeper than in any project file".to_owned()
        }
        E::ExpectedRangeSyntax => "expected `..` here".to_owned(),
        E::Message(message) => plain(message),
        _ => "the file is malformed here".to_owned(),
    }
}

/// What a Rust type of the project file is to the user; `None` for types that have no name
/// in the file's terms.
fn term(type_name: &str) -> Option<&'static str> {
    Some(match type_name {
        "VersionOnly" | "Project" | "ProjectV1" => "the project",
        "ProjectMeta" => "the project's `meta`",
        "Codebook" | "CodebookV1" => "the codebook",
        "CodebookEntry" => "a codebook entry",
        "Actor" | "ActorV1" => "an actor",
        "Rgb" => "a colour",
        "Document" | "DocumentV1" => "a document",
        "DocumentMeta" => "a document's `meta`",
        "Origin" => "a document's `origin`",
        "Mention" | "MentionV1" => "a mention",
        "Statement" | "StatementV1" => "a statement",
        "Commitment" | "CommitmentV1" => "a commitment",
        "Stance" | "StanceV1" => "a stance",
        "StanceTarget" => "a stance's target",
        "Tag" | "TagV1" => "a tag",
        "Link" => "a link",
        "Stamp" => "an annotation's `created` stamp",
        "RejectedSuggestion" => "a rejected suggestion",
        "Span" => "a span",
        "TextRange" => "a range of a span",
        "DocStatus" => "a document status",
        "LineEndings" => "a line-ending choice",
        "Id" => "an id",
        _ => return None,
    })
}

fn within(outer: Option<&str>) -> String {
    outer
        .and_then(term)
        .map_or(String::new(), |t| format!(" in {t}"))
}

/// The closest allowed name when it is close enough to be a typo.
fn did_you_mean(found: &str, allowed: &[&str]) -> String {
    allowed
        .iter()
        .map(|name| (strsim::damerau_levenshtein(found, name), name))
        .filter(|(distance, name)| *distance <= 2.max(name.len() / 4))
        .min()
        .map_or(String::new(), |(_, name)| {
            format!(" (did you mean `{name}`?)")
        })
}

/// serde's description of an expected value (`u64`, `struct Document`, `a sequence`).
fn expected_value(expected: &str) -> String {
    let words: Vec<&str> = expected.split_whitespace().collect();
    match words.as_slice() {
        ["u8" | "u16" | "u32" | "u64" | "u128" | "usize"] => "a whole number".to_owned(),
        ["i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "f32" | "f64"] => "a number".to_owned(),
        ["struct" | "enum", name] | ["tuple" | "unit", "struct", name] => {
            term(name).unwrap_or("another kind of value").to_owned()
        }
        ["variant", "identifier"] => "a value name".to_owned(),
        ["field", "identifier"] => "a field name".to_owned(),
        ["a", "sequence"] => "a list `[...]`".to_owned(),
        ["option"] => "`Some(...)` or `None`".to_owned(),
        ["a", "map"] => "a table `{...}`".to_owned(),
        _ => plain(expected),
    }
}

/// `ron`'s description of a value found in the file.
fn found_value(found: &str) -> String {
    match found {
        "a unit value" => "`()`".to_owned(),
        "an optional value" => "`Some(...)`".to_owned(),
        "a sequence" => "a list `[...]`".to_owned(),
        "a map" => "a table `{...}`".to_owned(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "a named value".to_owned(),
        "a newtype struct" => "an entry".to_owned(),
        other => plain(other),
    }
}

/// A message of serde or of a model type with any Rust type name in it replaced: such a
/// name means nothing to the user.
fn plain(message: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut words = message.split(' ').peekable();
    while let Some(word) = words.next() {
        let names_a_type = matches!(word, "struct" | "enum")
            && words
                .peek()
                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_uppercase()));
        if names_a_type {
            let name = words.next().unwrap_or_default();
            let bare = name.trim_end_matches(|c: char| !c.is_alphanumeric());
            let rest = &name[bare.len()..];
            // "tuple struct X", "unit struct X": the adjective goes with the type name.
            if matches!(out.last().map(String::as_str), Some("tuple" | "unit")) {
                out.pop();
            }
            out.push(format!(
                "{}{rest}",
                term(bare).unwrap_or("another kind of value")
            ));
        } else {
            out.push(word.to_owned());
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_replaced_by_what_they_are_in_the_file() {
        assert_eq!(
            plain("data did not match any variant of untagged enum StanceTarget"),
            "data did not match any variant of untagged a stance's target"
        );
        assert_eq!(
            plain("expected tuple struct Foo."),
            "expected another kind of value."
        );
        assert_eq!(expected_value("struct Document"), "a document");
        assert_eq!(expected_value("u64"), "a whole number");
    }

    #[test]
    fn a_typo_close_to_an_allowed_name_is_pointed_out() {
        assert_eq!(
            did_you_mean("speakr", &["speaker", "span"]),
            " (did you mean `speaker`?)"
        );
        assert_eq!(did_you_mean("zzzzzz", &["speaker", "span"]), "");
    }

    #[test]
    fn the_ending_knows_strings_comments_and_brackets() {
        let open = |t: &str| Ending::of(t).unfinished;
        assert_eq!(open("(a: 1)"), None);
        assert_eq!(open("(a: \"x)"), Some("a text in quotes"));
        assert_eq!(open("(a: \"x)\""), Some("an entry ( )"));
        assert_eq!(open("(a: \"x\\\")\")"), None);
        assert_eq!(open("(a: [1, // ]\n"), Some("a list [ ]"));
        assert_eq!(open("(a: 1) /* /* */"), Some("a /* comment */"));
        assert_eq!(open("(a: r#\"x\"y\"#)"), None);
        assert!(Ending::of(" // nothing\n").last_token.is_none());
    }
}
