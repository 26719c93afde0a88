//! The plain-text importer: the file's text is the article, metadata comes from the text.

use super::{Extracted, ImportError, decode};
use crate::model::DocumentMeta;

pub fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    let decoded = decode::decode(bytes)?;
    Ok(Extracted {
        text: decoded.text,
        encoding: decoded.encoding,
        line_endings: decoded.line_endings,
        meta: DocumentMeta::default(),
        warnings: decoded.warnings,
    })
}
