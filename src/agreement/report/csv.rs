//! CSV for spreadsheets: one figure a row, with its coefficient name, coverage and counts.
//! Per-analyst counts are written as `name=count` joined with `;`.

use super::rows;
use crate::agreement::scope::Report;
use std::collections::BTreeMap;

const HEADER: [&str; 13] = [
    "layer",
    "analysts",
    "document",
    "measure",
    "coefficient",
    "value",
    "mean_over_documents",
    "documents",
    "matched",
    "units",
    "unmatched",
    "detail",
    "codebook_hash",
];

fn counts(map: &BTreeMap<String, usize>) -> String {
    map.iter()
        .map(|(who, n)| format!("{who}={n}"))
        .collect::<Vec<_>>()
        .join(";")
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

pub(super) fn render(report: &Report, per_document: bool) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = |record: &[String]| {
        // Writing into memory cannot fail.
        let _ = writer.write_record(record);
    };
    write(&HEADER.map(str::to_owned));
    for row in rows(report, per_document) {
        write(&[
            row.layer.to_owned(),
            row.analysts.join(";"),
            row.document.map(|d| d.to_string()).unwrap_or_default(),
            row.measure,
            row.coefficient.to_owned(),
            number(row.value),
            number(row.mean_over_documents),
            row.documents.to_string(),
            row.matched.to_string(),
            counts(&row.units),
            counts(&row.unmatched),
            row.detail.to_string(),
            report.codebook_hash.clone(),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
