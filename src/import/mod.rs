//! Turning article files into documents.
