//! The one-line query text and the chips it stands for.
//!
//! `kind:commitment committer:China~ strength:certain,probable date:2019..2021-06 "cooperation"`
//! is five chips: fields are ANDed, the comma-separated values of one chip are ORed, a
//! leading `-` negates a chip, `~` after an actor takes in its people and bodies (actors
//! affiliated with it, transitively), values with spaces or commas are quoted ("Wang Yi"),
//! and a quoted text or a bare word on its own searches the span, action and note.
//! `Display` writes the canonical text, which parses back to the same query.

use std::fmt;

/// The fields a chip can filter on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Kind,
    Speaker,
    Committer,
    Holder,
    Addressee,
    /// A stance's target: an actor or a topic.
    Target,
    Topic,
    /// Any actor the annotation names (mentioned, speaker, committer, addressee, holder,
    /// target).
    Actor,
    Category,
    Context,
    Strength,
    Polarity,
    Intensity,
    /// Whether a commitment states conditions: `present` or `absent`.
    Conditions,
    Attribution,
    Cameo,
    Date,
    Source,
    Document,
    Status,
    Analyst,
    /// A consistency check the annotation fails (see `checks`).
    Check,
    /// Free text in the span, the action or the note.
    Text,
}

impl Field {
    pub const ALL: [Field; 23] = [
        Field::Kind,
        Field::Speaker,
        Field::Committer,
        Field::Holder,
        Field::Addressee,
        Field::Target,
        Field::Topic,
        Field::Actor,
        Field::Category,
        Field::Context,
        Field::Strength,
        Field::Polarity,
        Field::Intensity,
        Field::Conditions,
        Field::Attribution,
        Field::Cameo,
        Field::Date,
        Field::Source,
        Field::Document,
        Field::Status,
        Field::Analyst,
        Field::Check,
        Field::Text,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Speaker => "speaker",
            Field::Committer => "committer",
            Field::Holder => "holder",
            Field::Addressee => "addressee",
            Field::Target => "target",
            Field::Topic => "topic",
            Field::Actor => "actor",
            Field::Category => "category",
            Field::Context => "context",
            Field::Strength => "strength",
            Field::Polarity => "polarity",
            Field::Intensity => "intensity",
            Field::Conditions => "conditions",
            Field::Attribution => "attribution",
            Field::Cameo => "cameo",
            Field::Date => "date",
            Field::Source => "source",
            Field::Document => "document",
            Field::Status => "status",
            Field::Analyst => "analyst",
            Field::Check => "check",
            Field::Text => "text",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// Fields whose values are actors of the registry (and so may take `~`).
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            Field::Speaker
                | Field::Committer
                | Field::Holder
                | Field::Addressee
                | Field::Target
                | Field::Actor
        )
    }

    /// The values a field accepts when it has a closed list; `None` for open ones.
    pub fn closed_values(self) -> Option<&'static [&'static str]> {
        match self {
            Field::Kind => Some(&KINDS),
            Field::Conditions => Some(&["present", "absent"]),
            Field::Status => Some(&["todo", "in-progress", "done"]),
            Field::Check => Some(&super::checks::Check::NAMES),
            _ => None,
        }
    }
}

const KINDS: [&str; 6] = [
    "mention",
    "statement",
    "commitment",
    "stance",
    "tag",
    "link",
];

/// One value of a chip, as written (keys, names, dates, ids, text).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Value {
    pub text: String,
    /// `~`: the actor and the actors affiliated with it, transitively.
    pub family: bool,
}

impl Value {
    pub fn new(text: impl Into<String>) -> Self {
        Value {
            text: text.into(),
            family: false,
        }
    }
}

/// One filter: a field, its values (any of them matches) and whether it is negated.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chip {
    pub field: Field,
    pub negated: bool,
    pub values: Vec<Value>,
}

impl Chip {
    pub fn new(field: Field, values: impl IntoIterator<Item = Value>) -> Self {
        Chip {
            field,
            negated: false,
            values: values.into_iter().collect(),
        }
    }
}

/// A query: chips that must all match. The empty query matches every annotation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub chips: Vec<Chip>,
}

impl Query {
    pub fn parse(text: &str) -> Result<Query, ParseError> {
        Parser::new(text).query()
    }

    /// The query without the chips on `field`: what a facet of that field counts under.
    pub fn without(&self, field: Field) -> Query {
        Query {
            chips: self
                .chips
                .iter()
                .filter(|c| c.field != field)
                .cloned()
                .collect(),
        }
    }

    /// The query with one more chip (a grid cell or facet value narrowing it).
    pub fn and(mut self, chip: Chip) -> Query {
        self.chips.push(chip);
        self
    }
}

/// Why a query text does not parse: where (in characters from the start) and what was
/// expected there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("at character {position}: expected {expected}, found {found}")]
pub struct ParseError {
    /// Code points from the start of the text (0-based).
    pub position: usize,
    pub expected: String,
    pub found: String,
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn new(text: &str) -> Self {
        Parser {
            chars: text.chars().collect(),
            at: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the query".to_owned(),
            Some(c) if c.is_whitespace() => "a space".to_owned(),
            Some(c) => format!("“{c}”"),
        }
    }

    fn error(&self, at: usize, expected: impl Into<String>) -> ParseError {
        let here = Parser {
            chars: self.chars.clone(),
            at,
        };
        ParseError {
            position: at,
            expected: expected.into(),
            found: here.found(),
        }
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn query(&mut self) -> Result<Query, ParseError> {
        let mut chips = Vec::new();
        loop {
            self.skip_spaces();
            if self.peek().is_none() {
                return Ok(Query { chips });
            }
            chips.push(self.chip()?);
            if self.peek().is_some_and(|c| !c.is_whitespace()) {
                return Err(self.error(self.at, "a space before the next chip"));
            }
        }
    }

    fn chip(&mut self) -> Result<Chip, ParseError> {
        let negated = self.peek() == Some('-');
        if negated {
            self.at += 1;
        }
        if self.peek() == Some('"') {
            let text = self.quoted()?;
            return Ok(Chip {
                field: Field::Text,
                negated,
                values: vec![Value::new(text)],
            });
        }
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            self.at += 1;
        }
        let word: String = self.chars[start..self.at].iter().collect();
        if self.peek() != Some(':') {
            // A bare word on its own is free text.
            let rest = self.bare();
            let text = format!("{word}{rest}");
            if text.is_empty() {
                return Err(self.error(start, "a field name, a quoted text or a word"));
            }
            return Ok(Chip {
                field: Field::Text,
                negated,
                values: vec![Value::new(text)],
            });
        }
        let Some(field) = Field::from_name(&word) else {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            return Err(ParseError {
                position: start,
                expected: format!("a field ({})", names.join(", ")),
                found: format!("“{word}”"),
            });
        };
        self.at += 1;
        let mut values = Vec::new();
        loop {
            values.push(self.value(field)?);
            if self.peek() == Some(',') {
                self.at += 1;
            } else {
                break;
            }
        }
        Ok(Chip {
            field,
            negated,
            values,
        })
    }

    fn value(&mut self, field: Field) -> Result<Value, ParseError> {
        let start = self.at;
        let mut text = if self.peek() == Some('"') {
            self.quoted()?
        } else {
            let bare = self.bare();
            if bare.is_empty() {
                return Err(self.error(start, format!("a value for {}:", field.name())));
            }
            bare
        };
        let quoted = self.chars.get(start) == Some(&'"');
        let mut family = false;
        if quoted && self.peek() == Some('~') {
            self.at += 1;
            family = true;
        } else if !quoted && text.ends_with('~') {
            text.pop();
            family = true;
            if text.is_empty() {
                return Err(self.error(start, format!("a value for {}:", field.name())));
            }
        }
        if family && !field.is_actor() {
            return Err(ParseError {
                position: self.at - 1,
                expected: format!(
                    "no “~” after a value of {}: (only actors have people and bodies)",
                    field.name()
                ),
                found: "“~”".to_owned(),
            });
        }
        let text = normalised(field, &text).map_err(|expected| ParseError {
            position: start,
            expected,
            found: format!("“{text}”"),
        })?;
        Ok(Value { text, family })
    }

    /// A run of characters up to a space, comma or quote.
    fn bare(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && c != ',' && c != '"')
        {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    /// A quoted string; `\"` and `\\` inside stand for `"` and `\`.
    fn quoted(&mut self) -> Result<String, ParseError> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(ParseError {
                        position: self.at,
                        expected: format!("a closing quote for the one at character {open}"),
                        found: "the end of the query".to_owned(),
                    });
                }
                Some('"') => {
                    self.at += 1;
                    break;
                }
                Some('\\') if matches!(self.chars.get(self.at + 1), Some('"' | '\\')) => {
                    out.push(self.chars[self.at + 1]);
                    self.at += 2;
                }
                Some(c) => {
                    out.push(c);
                    self.at += 1;
                }
            }
        }
        if out.is_empty() {
            return Err(self.error(open, "a non-empty text between the quotes"));
        }
        Ok(out)
    }
}

/// The canonical form of a value of a closed or structured field, or what was expected.
fn normalised(field: Field, text: &str) -> Result<String, String> {
    let lower = text.to_lowercase();
    match field {
        Field::Kind => {
            let singular = lower.strip_suffix('s').unwrap_or(&lower);
            KINDS
                .iter()
                .find(|k| **k == lower || **k == singular)
                .map(|k| (*k).to_owned())
                .ok_or_else(|| format!("a kind ({})", KINDS.join(", ")))
        }
        Field::Conditions => match lower.as_str() {
            "present" | "yes" => Ok("present".into()),
            "absent" | "no" | "none" => Ok("absent".into()),
            _ => Err("present or absent".into()),
        },
        Field::Status => {
            let key: String = lower
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>();
            match key.as_str() {
                "todo" => Ok("todo".into()),
                "inprogress" => Ok("in-progress".into()),
                "done" => Ok("done".into()),
                _ => Err("a status (todo, in-progress, done)".into()),
            }
        }
        Field::Check => super::checks::Check::from_name(&lower)
            .map(|c| c.name().to_owned())
            .ok_or_else(|| format!("a check ({})", super::checks::Check::NAMES.join(", "))),
        Field::Date => {
            super::eval::DateRange::parse(text)?;
            Ok(text.to_owned())
        }
        Field::Document => {
            let digits = text.strip_prefix('#').unwrap_or(text);
            digits
                .parse::<u64>()
                .map(|n| n.to_string())
                .map_err(|_| "a document id (12 or #12)".to_owned())
        }
        _ => Ok(text.to_owned()),
    }
}

/// Whether a value must be quoted to read back the same.
fn needs_quotes(text: &str) -> bool {
    text.is_empty()
        || text.ends_with('~')
        || text
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == '"' || c == '\\')
}

fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in text.chars() {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if needs_quotes(&self.text) {
            write_quoted(f, &self.text)?;
        } else {
            f.write_str(&self.text)?;
        }
        if self.family {
            f.write_str("~")?;
        }
        Ok(())
    }
}

impl fmt::Display for Chip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        if let (Field::Text, [only]) = (self.field, self.values.as_slice()) {
            return write_quoted(f, &only.text);
        }
        write!(f, "{}:", self.field.name())?;
        for (i, value) in self.values.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            if self.field == Field::Text {
                write_quoted(f, &value.text)?;
            } else {
                write!(f, "{value}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chip) in self.chips.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{chip}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_example_parses_into_five_chips_and_prints_back() {
        let text = r#"kind:commitment committer:China~ strength:certain date:2019-01-01..2021-12-31 "cooperation""#;
        let q = Query::parse(text).expect("parses");
        assert_eq!(q.chips.len(), 5);
        assert_eq!(q.chips[1].field, Field::Committer);
        assert!(q.chips[1].values[0].family);
        assert_eq!(q.chips[4].field, Field::Text);
        assert_eq!(q.to_string(), text);
    }

    #[test]
    fn quoted_names_commas_and_negation() {
        let q = Query::parse(r#"-speaker:"Wang Yi",Lula addressee:"CELAC"~ cooperation"#)
            .expect("parses");
        assert!(q.chips[0].negated);
        assert_eq!(q.chips[0].values[0].text, "Wang Yi");
        assert_eq!(q.chips[0].values[1].text, "Lula");
        assert!(q.chips[1].values[0].family);
        assert_eq!(q.chips[2].values[0].text, "cooperation");
        assert_eq!(
            q.to_string(),
            r#"-speaker:"Wang Yi",Lula addressee:CELAC~ "cooperation""#
        );
    }

    #[test]
    fn malformed_queries_say_where_and_what() {
        let err = Query::parse("kind:commitment colour:red").unwrap_err();
        assert_eq!(err.position, 16);
        assert!(err.expected.starts_with("a field"), "{err}");
        let err = Query::parse("kind:").unwrap_err();
        assert_eq!(
            (err.position, err.found.as_str()),
            (5, "the end of the query")
        );
        let err = Query::parse(r#"speaker:"Wang Yi"#).unwrap_err();
        assert_eq!(err.position, 16);
        assert!(err.expected.contains("closing quote"));
        let err = Query::parse("strength:certain~").unwrap_err();
        assert_eq!(err.position, 16);
        let err = Query::parse("date:2019-13-01").unwrap_err();
        assert_eq!(err.position, 5);
        let err = Query::parse("kind:stanza").unwrap_err();
        assert!(err.expected.contains("commitment"));
    }
}
