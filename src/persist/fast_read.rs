//! A fast reader for the RON that Demarche itself writes.
//!
//! Parsing with `ron` is most of what opening a project costs (72 % of the CPU time of
//! opening the 1,000-document benchmark folder, `perf`), and it goes through its text a
//! character at a time. Project files are nearly always in the canonical form that
//! `persist::canonical` writes: structs without names, `[…]` lists, `{…}` maps, `Some(…)`,
//! plain enum variants, integers and escaped strings. This reader reads exactly that
//! subset in one pass over the bytes. Anything else — a comment, a struct name, a float,
//! an unknown escape, an unknown field, a syntax error — makes it give up, and the caller
//! parses the text with `ron`, which stays the judge of every file and the author of every
//! error message. Written here because no crate reads RON faster than `ron` does.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use std::borrow::Cow;
use std::fmt;

/// The text is not in the subset this reader follows, or does not fit the type: parse it
/// with `ron` for the value or the message.
#[derive(Debug, PartialEq, Eq)]
pub struct NotCanonical;

impl fmt::Display for NotCanonical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the form Demarche writes")
    }
}

impl std::error::Error for NotCanonical {}

impl de::Error for NotCanonical {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotCanonical
    }
}

type Result<T> = std::result::Result<T, NotCanonical>;

/// `text` read as a `T`, when it is in the canonical subset and fits `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut reader = Reader { text, at: 0 };
    let value = T::deserialize(&mut reader)?;
    reader.skip_space();
    if reader.at == text.len() {
        Ok(value)
    } else {
        Err(NotCanonical)
    }
}

struct Reader<'de> {
    text: &'de str,
    /// A byte offset, always at a char boundary: it only stops after ASCII bytes.
    at: usize,
}

impl<'de> Reader<'de> {
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(NotCanonical)
        }
    }

    fn slice(&self, from: usize, to: usize) -> Result<&'de str> {
        self.text.get(from..to).ok_or(NotCanonical)
    }

    /// A plain identifier (no `r#`).
    fn identifier(&mut self) -> Result<&'de str> {
        self.skip_space();
        let start = self.at;
        let bytes = self.bytes();
        match bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(NotCanonical),
        }
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        self.at = start + len;
        // `r#raw` identifiers and `r"raw"` strings are `ron`'s to read.
        if let Some(b'#' | b'"') = bytes.get(self.at) {
            return Err(NotCanonical);
        }
        self.slice(start, self.at)
    }

    /// The identifier that comes next, without reading it.
    fn next_identifier(&mut self) -> Option<&'de str> {
        let at = self.at;
        let found = self.identifier().ok();
        self.at = at;
        found
    }

    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let start = self.at;
        let bytes = self.bytes();
        let end = start + memchr::memchr2(b'"', b'\\', &bytes[start..]).ok_or(NotCanonical)?;
        if bytes[end] == b'"' {
            self.at = end + 1;
            return self.slice(start, end).map(Cow::Borrowed);
        }
        let mut out = String::with_capacity(end - start + 16);
        out.push_str(self.slice(start, end)?);
        self.at = end;
        loop {
            // At a backslash.
            self.at += 1;
            let escaped = *bytes.get(self.at).ok_or(NotCanonical)?;
            self.at += 1;
            out.push(match escaped {
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'u' => self.unicode_escape()?,
                _ => return Err(NotCanonical),
            });
            let run = self.at;
            let next = run + memchr::memchr2(b'"', b'\\', &bytes[run..]).ok_or(NotCanonical)?;
            out.push_str(self.slice(run, next)?);
            self.at = next;
            if bytes[next] == b'"' {
                self.at += 1;
                return Ok(Cow::Owned(out));
            }
        }
    }

    /// The `{XXXX}` of a `\u{XXXX}` escape.
    fn unicode_escape(&mut self) -> Result<char> {
        if self.bytes().get(self.at) != Some(&b'{') {
            return Err(NotCanonical);
        }
        let start = self.at + 1;
        let len = self.bytes()[start..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if len == 0 || len > 6 || self.bytes().get(start + len) != Some(&b'}') {
            return Err(NotCanonical);
        }
        let code =
            u32::from_str_radix(self.slice(start, start + len)?, 16).map_err(|_| NotCanonical)?;
        self.at = start + len + 1;
        char::from_u32(code).ok_or(NotCanonical)
    }

    /// Decimal digits without sign, separators or leading zeros.
    fn digits(&mut self) -> Result<u64> {
        let start = self.at;
        let bytes = self.bytes();
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = bytes.get(start + len);
        let leading_zero = len > 1 && bytes[start] == b'0';
        if len == 0
            || leading_zero
            || after.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
        {
            return Err(NotCanonical);
        }
        self.at = start + len;
        self.slice(start, self.at)?
            .parse()
            .map_err(|_| NotCanonical)
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.skip_space();
        self.digits()
    }

    fn signed(&mut self) -> Result<i64> {
        if self.eat(b'-') {
            let magnitude = self.digits()?;
            0i64.checked_sub_unsigned(magnitude).ok_or(NotCanonical)
        } else {
            self.unsigned()?.try_into().map_err(|_| NotCanonical)
        }
    }
}

/// The elements of a list `[…]` or a tuple `(…)`, up to `close`.
struct Elements<'r, 'de> {
    reader: &'r mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'r, 'de> Elements<'r, 'de> {
    fn new(reader: &'r mut Reader<'de>, close: u8) -> Self {
        Self {
            reader,
            close,
            first: true,
        }
    }

    /// Past the comma before the next element; `false` at the end.
    fn more(&mut self) -> Result<bool> {
        if self.reader.peek() == Some(self.close) {
            return Ok(false);
        }
        if !std::mem::take(&mut self.first) {
            self.reader.expect(b',')?;
        }
        Ok(self.reader.peek() != Some(self.close))
    }
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = NotCanonical;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.more()? {
            seed.deserialize(&mut *self.reader).map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The fields of a struct `(name: value, …)` or the entries of a map `{key: value, …}`.
struct Entries<'r, 'de> {
    elements: Elements<'r, 'de>,
    /// Struct fields have identifiers for keys; maps have values.
    named: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = NotCanonical;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.elements.more()? {
            return Ok(None);
        }
        let reader = &mut *self.elements.reader;
        let key = if self.named {
            let name = reader.identifier()?;
            seed.deserialize(BorrowedStrDeserializer::new(name))?
        } else {
            seed.deserialize(&mut *reader)?
        };
        reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.elements.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = NotCanonical;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(BorrowedStrDeserializer::new(name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = NotCanonical;

    fn unit_variant(self) -> Result<()> {
        if self.peek() == Some(b'(') {
            Err(NotCanonical)
        } else {
            Ok(())
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.eat(b',');
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Elements::new(&mut *self, b')'))?;
        self.expect(b')')?;
        Ok(value)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", &[], visitor)
    }
}

/// What the canonical form never holds: `ron` reads it.
macro_rules! not_canonical {
    ($($name:ident)*) => {
        $(fn $name<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(NotCanonical)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = NotCanonical;

    not_canonical! {
        deserialize_any deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_ignored_any
        deserialize_i128 deserialize_u128
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(NotCanonical),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.eat(b',');
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(NotCanonical),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(NotCanonical)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Elements::new(&mut *self, b']'))?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Elements::new(&mut *self, b')'))?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        let value = visitor.visit_map(Entries {
            elements: Elements::new(&mut *self, b'}'),
            named: false,
        })?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_map(Entries {
            elements: Elements::new(&mut *self, b')'),
            named: true,
        })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // `Some(…)`-like names are variants here: the visitor knows its own.
        if self.next_identifier().is_none() {
            return Err(NotCanonical);
        }
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}
