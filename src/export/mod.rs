//! Exports (placeholder while the formats land).
