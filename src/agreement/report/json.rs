//! JSON for scripts: what the figures were computed over, then every figure as an object
//! with its coefficient name, coverage and counts.

use super::{DEFINITIONS, rows};
use crate::agreement::scope::Report;
use serde_json::json;

pub(super) fn render(report: &Report, per_document: bool) -> String {
    let definitions: serde_json::Map<String, serde_json::Value> = DEFINITIONS
        .iter()
        .map(|(name, text)| ((*name).to_owned(), json!(text)))
        .collect();
    let value = json!({
        "project": report.project,
        "codebook_hash": report.codebook_hash,
        "analysts": report.analysts,
        "documents": report.documents,
        "min_overlap": report.min_overlap,
        "suggestions": report.suggestions,
        "coefficients": definitions,
        "figures": rows(report, per_document),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}
