//! The Markdown importer (pulldown-cmark): the text without markup, one paragraph, heading,
//! list item or table row per block, blocks a blank line apart; the first top-level heading
//! is the title.

use super::{Extracted, ImportError, decode, html::tidy_paragraphs};
use crate::model::DocumentMeta;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let decoded = decode::decode(bytes)?;
    let mut text = String::with_capacity(decoded.text.len());
    let mut title = String::new();
    let mut in_title = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(&decoded.text, options) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if title.is_empty() => in_title = true,
            Event::Text(piece) | Event::Code(piece) => {
                if in_title {
                    title.push_str(&piece);
                }
                text.push_str(&piece);
            }
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Heading(_)) => {
                in_title = false;
                text.push_str("\n\n");
            }
            Event::End(TagEnd::TableCell) => text.push('\t'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => text.push_str("\n\n"),
            _ => {}
        }
    }
    let text = tidy_paragraphs(&text);
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Extracted {
        text,
        encoding: decoded.encoding,
        line_endings: decoded.line_endings,
        meta: DocumentMeta {
            title: title.trim().to_owned(),
            ..DocumentMeta::default()
        },
        warnings: decoded.warnings,
    })
}
