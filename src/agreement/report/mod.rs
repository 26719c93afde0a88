//! Agreement figures as people and scripts read them: a text table, JSON, CSV and a
//! self-contained HTML report. Every figure carries its coefficient's name and coverage.

mod csv;
mod html;
mod json;
mod text;

use super::scope::{Coverage, PooledAndMean, Report, ScopeReport};
use serde::Serialize;
use std::collections::BTreeMap;

pub const ALPHA_U: &str = "Krippendorff alpha_U (1995)";
pub const ALPHA_NOMINAL: &str = "Krippendorff alpha nominal";
pub const ALPHA_ORDINAL: &str = "Krippendorff alpha ordinal";
pub const COHEN_KAPPA: &str = "Cohen kappa";
pub const PERCENT: &str = "percent agreement";

/// The coefficients' definitions, as the reports print them.
pub const DEFINITIONS: [(&str, &str); 5] = [
    (
        ALPHA_U,
        "Krippendorff's unitizing alpha (1995; Content Analysis, 2004, ch. 12), as DKPro \
         Agreement and INCEpTION compute it: for each category 1 − D_o/D_e over the \
         documents' code points, overall 1 − mean D_o / mean D_e over the categories. Not \
         the 2016 u-alpha family. 'position only' puts every unit in one category.",
    ),
    (
        ALPHA_NOMINAL,
        "Krippendorff's alpha over units matched by overlap, values equal or not (actors as \
         the same registry entry, categories, polarity, attribution).",
    ),
    (
        ALPHA_ORDINAL,
        "Krippendorff's alpha with the ordinal difference, ranks from the codebook \
         (commitment strength, stance intensity).",
    ),
    (
        COHEN_KAPPA,
        "Cohen's kappa (1960) over the units two analysts both coded.",
    ),
    (
        PERCENT,
        "The share of analyst pairs giving a matched unit the same value.",
    ),
];

/// Output formats of `demarche agreement`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    Html,
}

/// One figure with what it is and what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureRow {
    pub layer: &'static str,
    pub analysts: Vec<String>,
    /// `None`: pooled over the documents.
    pub document: Option<u64>,
    /// "span (by actor)", "span (position only)", "span: category KEY", or an attribute.
    pub measure: String,
    pub coefficient: &'static str,
    pub value: Option<f64>,
    /// Pooled rows: the mean of the per-document figures.
    pub mean_over_documents: Option<f64>,
    /// Pooled rows: documents in the scope (for the mean: those where it is defined).
    pub documents: usize,
    /// Units compared: matched units (attributes) or units coded (α_U).
    pub matched: usize,
    pub units: BTreeMap<String, usize>,
    pub unmatched: BTreeMap<String, usize>,
    /// Whether the row is a breakdown (one category) rather than a headline figure.
    pub detail: bool,
}

struct RowBase<'a> {
    layer: &'static str,
    scope: &'a ScopeReport,
    coverage: &'a Coverage,
}

impl RowBase<'_> {
    fn row(&self, measure: String, coefficient: &'static str, figure: PooledAndMean) -> FigureRow {
        FigureRow {
            layer: self.layer,
            analysts: self.scope.analysts.clone(),
            document: None,
            measure,
            coefficient,
            value: figure.pooled,
            mean_over_documents: figure.mean,
            documents: self.scope.documents,
            matched: self.coverage.matched,
            units: self.coverage.units.clone(),
            unmatched: self.coverage.unmatched.clone(),
            detail: false,
        }
    }
}

/// Every figure of `report` as rows: per layer and scope, α_U by category and position
/// only, then each attribute's α, κ (two analysts) and percent agreement; per-category α_U
/// rows are marked `detail`. With `per_document`, each document's figures follow.
pub fn rows(report: &Report, per_document: bool) -> Vec<FigureRow> {
    let mut out = Vec::new();
    for layer in &report.layers {
        for scope in &layer.scopes {
            let base = RowBase {
                layer: layer.layer.key(),
                scope,
                coverage: &scope.coverage,
            };
            let coded: usize = scope.coverage.units.values().sum();
            let mut span = base.row(
                format!("span (by {})", layer.category),
                ALPHA_U,
                scope.unitizing.by_category,
            );
            span.matched = coded;
            out.push(span);
            let mut position = base.row(
                "span (position only)".into(),
                ALPHA_U,
                scope.unitizing.position_only,
            );
            position.matched = coded;
            out.push(position);
            for attribute in &scope.attributes {
                let alpha = if attribute.scale == "ordinal" {
                    ALPHA_ORDINAL
                } else {
                    ALPHA_NOMINAL
                };
                let mut figures = vec![(alpha, attribute.alpha)];
                if let Some(kappa) = attribute.kappa {
                    figures.push((COHEN_KAPPA, kappa));
                }
                figures.push((PERCENT, attribute.percent));
                for (coefficient, figure) in figures {
                    let mut row = base.row(attribute.attribute.clone(), coefficient, figure);
                    row.matched = attribute.units;
                    out.push(row);
                }
            }
            for category in &scope.unitizing.categories {
                let mut row = base.row(
                    format!("span: {} {}", layer.category, category.label),
                    ALPHA_U,
                    PooledAndMean {
                        pooled: category.alpha,
                        mean: None,
                        documents: scope.documents,
                    },
                );
                row.matched = category.units;
                row.detail = true;
                out.push(row);
            }
            if per_document {
                out.extend(document_rows(&base, layer.category));
            }
        }
    }
    out
}

fn document_rows(base: &RowBase<'_>, category: &str) -> Vec<FigureRow> {
    let mut out = Vec::new();
    for doc in &base.scope.per_document {
        let one = |measure: String, coefficient, value, matched| FigureRow {
            layer: base.layer,
            analysts: base.scope.analysts.clone(),
            document: Some(doc.document),
            measure,
            coefficient,
            value,
            mean_over_documents: None,
            documents: 1,
            matched,
            units: BTreeMap::new(),
            unmatched: BTreeMap::new(),
            detail: false,
        };
        out.push(one(
            format!("span (by {category})"),
            ALPHA_U,
            doc.alpha_u,
            doc.matched,
        ));
        out.push(one(
            "span (position only)".into(),
            ALPHA_U,
            doc.alpha_u_position,
            doc.matched,
        ));
        for (name, figures) in &doc.attributes {
            let ordinal = base
                .scope
                .attributes
                .iter()
                .any(|a| a.attribute == *name && a.scale == "ordinal");
            let alpha = if ordinal {
                ALPHA_ORDINAL
            } else {
                ALPHA_NOMINAL
            };
            out.push(one(name.clone(), alpha, figures.alpha, figures.units));
            if base.scope.analysts.len() == 2 {
                out.push(one(name.clone(), COHEN_KAPPA, figures.kappa, figures.units));
            }
            out.push(one(name.clone(), PERCENT, figures.percent, figures.units));
        }
    }
    out
}

/// A figure to four decimals, or "—" where it is undefined.
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.4}"))
}

/// `report` in `format`. `per_document` adds each document's figures (text, JSON, CSV).
pub fn render(report: &Report, format: Format, per_document: bool) -> String {
    match format {
        Format::Text => text::render(report, per_document),
        Format::Json => json::render(report, per_document),
        Format::Csv => csv::render(report, per_document),
        Format::Html => html::render(report),
    }
}

/// The self-contained HTML report (what File ▸ Export ▸ Agreement report… writes).
pub fn html_report(report: &Report) -> String {
    html::render(report)
}
