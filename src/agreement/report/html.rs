//! The self-contained HTML agreement report: what it was computed over (analysts,
//! documents, the codebook's hash, the minimum overlap), then the figures of each layer
//! with their coefficient names and coverage, and the coefficients' definitions. No
//! scripts and no external assets; every name and title is escaped.

use super::{DEFINITIONS, FigureRow, figure, rows};
use crate::agreement::scope::Report;
use quick_xml::escape::escape;
use std::fmt::Write as _;

const STYLE: &str = r#"
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
.meta { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f1f1f1; }
code { font-size: 0.85rem; }
"#;

fn counts(row: &FigureRow, unmatched: bool) -> String {
    let map = if unmatched {
        &row.unmatched
    } else {
        &row.units
    };
    map.iter()
        .map(|(who, n)| format!("{}: {n}", escape(who.as_str())))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn table(out: &mut String, rows: &[&FigureRow]) {
    out.push_str(
        "<table>\n<tr><th>analysts</th><th>measure</th><th>coefficient</th><th>pooled</th>\
         <th>mean over documents</th><th>documents</th><th>matched</th><th>units</th>\
         <th>unmatched</th></tr>\n",
    );
    for row in rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(row.analysts.join(" + ").as_str()),
            escape(row.measure.as_str()),
            escape(row.coefficient),
            figure(row.value),
            figure(row.mean_over_documents),
            row.documents,
            row.matched,
            counts(row, false),
            counts(row, true),
        );
    }
    out.push_str("</table>\n");
}

pub(super) fn render(report: &Report) -> String {
    let name = escape(report.project.as_str());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{name} — agreement</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Agreement in {name}</h1>\n"
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">Computed under the codebook <code>{}</code>: figures are \
         comparable only under the same codebook. Units are matched one to one by overlap \
         when they share at least {:.0}% of the shorter one's characters.{}</p>",
        escape(report.codebook_hash.as_str()),
        report.min_overlap * 100.0,
        if report.suggestions {
            " The rules' suggestions count as one more analyst, “(suggestions)”."
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "<h2>Analysts</h2>\n<p>{}</p>",
        report
            .analysts
            .iter()
            .map(|a| escape(a.as_str()).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let all = rows(report, false);
    for layer in &report.layers {
        let key = layer.layer.key();
        let _ = writeln!(out, "<h2>{key}</h2>");
        let headline: Vec<&FigureRow> =
            all.iter().filter(|r| r.layer == key && !r.detail).collect();
        table(&mut out, &headline);
        let detail: Vec<&FigureRow> = all.iter().filter(|r| r.layer == key && r.detail).collect();
        if !detail.is_empty() {
            let _ = writeln!(
                out,
                "<details><summary>α_U by {} ({} rows)</summary>",
                layer.category,
                detail.len()
            );
            table(&mut out, &detail);
            out.push_str("</details>\n");
        }
    }
    out.push_str("<h2>Coefficients</h2>\n<dl>\n");
    for (coefficient, definition) in DEFINITIONS {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(coefficient),
            escape(definition)
        );
    }
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<h2>Documents ({})</h2>\n<table>\n<tr><th>id</th><th>title</th><th>date</th></tr>",
        report.documents.len()
    );
    for doc in &report.documents {
        let _ = writeln!(
            out,
            "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            doc.id,
            escape(doc.title.as_str()),
            doc.date.map(|d| d.to_string()).unwrap_or_default()
        );
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}
