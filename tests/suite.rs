//! All integration tests but one in a single binary: one link instead of thirty, which
//! keeps `cargo test --release` fast and its disk use small on CI. `persist_recovery_untitled`
//! stays apart because it sets environment variables for its whole process.
//!
//! One area: `cargo test --release --test suite suggest_quality`.

mod app_support;
mod export_fixture;
mod gold_support;
mod persist_support;
mod ui_panels_support;

mod accept;
mod agreement_figures;
mod architecture;
mod cli_agreement;
mod cli_commands;
mod cli_suggest;
mod cli_team;
mod curation;
mod curation_persist;
mod curation_support;
mod demo_project;
mod edits;
mod export_brat_conf;
mod export_formats;
mod export_import;
mod export_roundtrip;
mod export_safety;
mod fuzz_loaders;
mod ids_exhausted;
mod import_docx;
mod import_encodings;
mod import_folders;
mod import_html;
mod import_limits;
mod import_markdown;
mod import_metadata;
mod import_pdf;
mod import_roundtrip;
mod interchange_limits;
mod persist_fast_read;
mod persist_folder;
mod persist_folder_cli;
mod persist_load;
mod persist_messages;
mod persist_migrate;
mod persist_recovery;
mod persist_save;
mod persist_writers;
mod properties;
mod suggest_actors;
mod suggest_clauses;
mod suggest_dev;
mod suggest_gazetteer;
mod suggest_issuer;
mod suggest_quality;
mod team_git;
mod text_analysis;
mod ui_agreement;
mod ui_analysts;
mod ui_app;
mod ui_article;
mod ui_curation;
mod ui_disk_changes;
mod ui_documents;
mod ui_folder;
mod ui_fonts;
mod ui_import;
mod ui_import_annotations;
mod ui_keyboard;
mod ui_palette;
mod ui_panels;
mod ui_panels_app;
mod ui_suggestions;
mod ui_tagging_reading;
