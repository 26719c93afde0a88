//! Demarche: the library behind the `demarche` binary.
//!
//! `model` holds the data and knows nothing of the window; `edit` changes it (with undo);
//! `persist` reads and writes project files; `import` turns articles into documents; `ui`
//! is the window, which changes the project only through edits.

pub mod agreement;
pub mod cli;
pub mod conflict;
pub mod curation;
pub mod edit;
pub mod error_text;
pub mod export;
pub mod import;
pub mod interchange;
pub mod lock_file;
pub mod model;
pub mod persist;
pub mod query;
pub mod sniff;
pub mod suggest;
pub mod synth;
pub mod team;
pub mod text;
pub mod ui;
pub mod workspace;
