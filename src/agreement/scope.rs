//! What agreement is computed over and how figures are gathered: the analysts (every pair
//! and all together), the documents (a list, a date range), the layers; each figure pooled
//! over the documents and per document, with the mean over documents beside the pooled
//! figure.

use super::align::{MIN_SHARE_OF_SHORTER, group};
use super::attributes::{AttributeFigures, AttributeTally};
use super::suggested::{SUGGESTIONS, suggested_units};
use super::unitizing::{RaterUnit, SectionStats, UnitizingAlpha, alpha_u};
use super::units::{Attribute, Layer, Scale, Unit, Value, extract, ordinal_ranks};
use crate::model::{CodebookList, Document, Id, Project};
use crate::suggest::Gazetteer;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What to compute agreement over. Empty lists mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub analysts: Vec<String>,
    pub layers: Vec<Layer>,
    pub documents: Vec<Id>,
    /// Documents dated on or after this day (undated documents are then left out).
    pub from: Option<NaiveDate>,
    /// Documents dated on or before this day.
    pub to: Option<NaiveDate>,
    /// Count the rules' suggestions as one more analyst, named [`SUGGESTIONS`].
    pub suggestions: bool,
}

/// Why agreement cannot be computed for a selection.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    #[error("the project has no analyst {}; its analysts are: {}", quoted(.unknown), list(.known))]
    UnknownAnalyst {
        unknown: Vec<String>,
        known: Vec<String>,
    },
    #[error("the project has no document {}", .0.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(", "))]
    UnknownDocument(Vec<Id>),
    #[error("agreement needs at least two analysts, and {} selected: {}", if .0.is_empty() { "none is".to_owned() } else { "only one is".to_owned() }, list(.0))]
    TooFewAnalysts(Vec<String>),
    #[error("the date range is empty: {from} is after {to}")]
    EmptyDateRange { from: NaiveDate, to: NaiveDate },
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

/// A figure pooled over the documents, and its mean over the documents where it is
/// defined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PooledAndMean {
    pub pooled: Option<f64>,
    pub mean: Option<f64>,
    /// Documents the mean is taken over.
    pub documents: usize,
}

/// How many units the figures rest on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Units coded by at least two of the scope's analysts (matched by overlap).
    pub matched: usize,
    /// Each analyst's units in the scope's documents.
    pub units: BTreeMap<String, usize>,
    /// Each analyst's units that no other analyst of the scope matched.
    pub unmatched: BTreeMap<String, usize>,
}

/// α_U of one category, pooled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategoryFigure {
    /// The category as scripts see it: a codebook key, `topic:KEY`, or an actor's id.
    pub category: String,
    /// An actor's name where the category is an actor, else the key again.
    pub label: String,
    pub alpha: Option<f64>,
    pub units: usize,
}

/// Unitizing α of one layer and scope.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UnitizingFigures {
    /// α_U with the layer's categories.
    pub by_category: PooledAndMean,
    /// α_U with one category: where units are, whatever they are.
    pub position_only: PooledAndMean,
    pub categories: Vec<CategoryFigure>,
}

/// One attribute's figures for one layer and scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeReport {
    pub attribute: String,
    pub scale: &'static str,
    pub alpha: PooledAndMean,
    pub percent: PooledAndMean,
    /// Two analysts only.
    pub kappa: Option<PooledAndMean>,
    /// Matched units where at least two analysts gave this attribute a value.
    pub units: usize,
}

/// One document's figures for one layer and scope.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentFigures {
    pub document: u64,
    pub matched: usize,
    pub alpha_u: Option<f64>,
    pub alpha_u_position: Option<f64>,
    pub attributes: Vec<(String, AttributeFigures)>,
}

/// Figures for one layer and one set of analysts (a pair, or all of them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScopeReport {
    pub analysts: Vec<String>,
    /// Documents on which every analyst of the scope worked.
    pub documents: usize,
    pub coverage: Coverage,
    pub unitizing: UnitizingFigures,
    pub attributes: Vec<AttributeReport>,
    pub per_document: Vec<DocumentFigures>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerReport {
    pub layer: Layer,
    /// What α_U's category is on this layer.
    pub category: &'static str,
    pub scopes: Vec<ScopeReport>,
}

/// A document the figures include.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentRef {
    pub id: u64,
    pub title: String,
    pub date: Option<NaiveDate>,
}

/// Every figure for a selection, with what it was computed over.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub project: String,
    /// SHA-256 of the codebook: figures are comparable only under the same codebook.
    pub codebook_hash: String,
    pub analysts: Vec<String>,
    pub documents: Vec<DocumentRef>,
    /// The minimum overlap for two units to be matched (share of the shorter unit).
    pub min_overlap: f64,
    pub suggestions: bool,
    pub layers: Vec<LayerReport>,
}

/// SHA-256 of the codebook as compact RON: every list in order with every field of every
/// entry, so that any change to the codebook changes the hash.
pub fn codebook_hash(project: &Project) -> String {
    let text = ron::to_string(&project.codebook).unwrap_or_default();
    crate::model::document::fingerprint(text.as_bytes())
}

/// An analyst takes part in a document when they coded something on it or gave it a
/// status; the suggestions take part everywhere.
pub(super) fn participants(doc: &Document) -> BTreeSet<&str> {
    let mut names: BTreeSet<&str> = doc.annotators().collect();
    names.extend(doc.meta.progress.keys().map(String::as_str));
    names.insert(SUGGESTIONS);
    names
}

/// The documents of the selection, in project order.
pub(super) fn documents<'p>(
    project: &'p Project,
    selection: &Selection,
) -> Result<Vec<&'p Document>, SelectionError> {
    if let (Some(from), Some(to)) = (selection.from, selection.to)
        && from > to
    {
        return Err(SelectionError::EmptyDateRange { from, to });
    }
    let missing: Vec<Id> = selection
        .documents
        .iter()
        .filter(|id| project.document(**id).is_none())
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(SelectionError::UnknownDocument(missing));
    }
    let wanted: BTreeSet<Id> = selection.documents.iter().copied().collect();
    let in_range = |doc: &Document| match (selection.from, selection.to, doc.meta.date) {
        (None, None, _) => true,
        (_, _, None) => false,
        (from, to, Some(date)) => from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t),
    };
    Ok(project
        .documents
        .iter()
        .filter(|d| wanted.is_empty() || wanted.contains(&d.id))
        .filter(|d| in_range(d))
        .collect())
}

/// The analysts of the selection, sorted, with the suggestions when asked for.
pub(super) fn analysts(
    project: &Project,
    selection: &Selection,
) -> Result<Vec<String>, SelectionError> {
    let known = project.analysts();
    let mut names: BTreeSet<String> = if selection.analysts.is_empty() {
        known.iter().cloned().collect()
    } else {
        selection
            .analysts
            .iter()
            .map(|a| a.trim().to_owned())
            .collect()
    };
    let unknown: Vec<String> = names
        .iter()
        .filter(|n| !known.contains(n) && n.as_str() != SUGGESTIONS)
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(SelectionError::UnknownAnalyst { unknown, known });
    }
    if selection.suggestions {
        names.insert(SUGGESTIONS.to_owned());
    }
    let names: Vec<String> = names.into_iter().collect();
    if names.len() < 2 {
        return Err(SelectionError::TooFewAnalysts(names));
    }
    Ok(names)
}

/// Every pair of analysts, then all of them together when there are more than two.
pub fn scopes(analysts: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, a) in analysts.iter().enumerate() {
        for b in &analysts[i + 1..] {
            out.push(vec![a.clone(), b.clone()]);
        }
    }
    if analysts.len() > 2 {
        out.push(analysts.to_vec());
    }
    out
}

/// Running sums for a mean over documents.
#[derive(Clone, Copy, Debug, Default)]
struct Mean {
    sum: f64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: Option<f64>) {
        if let Some(v) = value {
            self.sum += v;
            self.count += 1;
        }
    }

    fn with(self, pooled: Option<f64>) -> PooledAndMean {
        PooledAndMean {
            pooled,
            mean: (self.count > 0).then(|| self.sum / self.count as f64),
            documents: self.count,
        }
    }
}

/// One attribute's pooled tally and per-document means.
struct AttributeGather {
    tally: AttributeTally,
    alpha: Mean,
    percent: Mean,
    kappa: Mean,
}

/// What one layer and scope gathers over the documents.
struct ScopeGather {
    analysts: Vec<String>,
    documents: usize,
    matched: usize,
    /// Each analyst's units, by the analyst's position in `analysts`.
    units_by_rater: Vec<usize>,
    unmatched_by_rater: Vec<usize>,
    /// Categories numbered in order of appearance (α_U works on the numbers).
    categories: Vec<Value>,
    category_numbers: rustc_hash::FxHashMap<Value, u32>,
    by_category: Vec<SectionStats<u32>>,
    position: Vec<SectionStats<()>>,
    alpha_u: Mean,
    alpha_u_position: Mean,
    attributes: BTreeMap<Attribute, AttributeGather>,
    per_document: Vec<DocumentFigures>,
}

/// The ranks of the ordinal scales, from the project's codebook.
struct Ranks(BTreeMap<CodebookList, Vec<String>>);

impl Ranks {
    fn new(project: &Project) -> Self {
        Self(
            [CodebookList::Strengths, CodebookList::Intensities]
                .into_iter()
                .map(|list| (list, ordinal_ranks(&project.codebook, list)))
                .collect(),
        )
    }

    fn of(&self, scale: Scale) -> &[String] {
        match scale {
            Scale::Ordinal(list) => self.0.get(&list).map_or(&[], Vec::as_slice),
            Scale::Nominal => &[],
        }
    }
}

impl ScopeGather {
    fn new(analysts: Vec<String>) -> Self {
        Self {
            matched: 0,
            units_by_rater: vec![0; analysts.len()],
            unmatched_by_rater: vec![0; analysts.len()],
            analysts,
            documents: 0,
            categories: Vec::new(),
            category_numbers: Default::default(),
            by_category: Vec::new(),
            position: Vec::new(),
            alpha_u: Mean::default(),
            alpha_u_position: Mean::default(),
            attributes: BTreeMap::new(),
            per_document: Vec::new(),
        }
    }

    /// Adds one document's units (already narrowed to this scope's analysts).
    fn add_document(&mut self, doc: &Document, units: &[&Unit], ranks: &Ranks) {
        self.documents += 1;
        let rater = |unit: &Unit| {
            self.analysts
                .iter()
                .position(|a| *a == *unit.analyst)
                .unwrap_or(usize::MAX)
        };
        let ranges: usize = units.iter().map(|u| u.ranges.len()).sum();
        let mut categorised = Vec::with_capacity(ranges);
        let mut positioned = Vec::with_capacity(ranges);
        for unit in units {
            let r = rater(unit);
            let category = match self.category_numbers.get(&unit.category) {
                Some(&n) => n,
                None => {
                    let n = self.categories.len() as u32;
                    self.categories.push(unit.category.clone());
                    self.category_numbers.insert(unit.category.clone(), n);
                    n
                }
            };
            for &(start, end) in &unit.ranges {
                let (begin, length) = (start as u64, (end - start) as u64);
                categorised.push(RaterUnit {
                    begin,
                    length,
                    rater: r,
                    category,
                });
                positioned.push(RaterUnit {
                    begin,
                    length,
                    rater: r,
                    category: (),
                });
            }
        }
        let length = doc.len_chars() as u64;
        let raters = self.analysts.len();
        let by_category = SectionStats::new(raters, length, &categorised);
        let position = SectionStats::new(raters, length, &positioned);
        let alpha_doc = by_category.alpha();
        let alpha_position_doc = position.alpha();
        self.alpha_u.add(alpha_doc);
        self.alpha_u_position.add(alpha_position_doc);
        self.by_category.push(by_category);
        self.position.push(position);

        let groups = group(units);
        let mut tallies: BTreeMap<&Attribute, AttributeTally> = BTreeMap::new();
        let mut matched = 0;
        for g in &groups {
            let members: Vec<&Unit> = g.members.iter().map(|&m| units[m]).collect();
            for m in &members {
                if let Some(count) = self.units_by_rater.get_mut(rater(m)) {
                    *count += 1;
                }
            }
            if members.len() < 2 {
                for m in &members {
                    if let Some(count) = self.unmatched_by_rater.get_mut(rater(m)) {
                        *count += 1;
                    }
                }
                continue;
            }
            matched += 1;
            let first = &members[0].attributes;
            let same_attributes = members.iter().all(|m| {
                m.attributes.len() == first.len()
                    && m.attributes.iter().zip(first).all(|(a, b)| a.0 == b.0)
            });
            let mut values: Vec<&Value> = Vec::with_capacity(members.len());
            if same_attributes {
                // Units of one layer list the same attributes in the same order (the usual
                // case): no lookups by name.
                for (k, (attribute, _)) in first.iter().enumerate() {
                    values.clear();
                    values.extend(members.iter().map(|m| &m.attributes[k].1));
                    tallies.entry(attribute).or_default().add(&values);
                }
            } else {
                let names: BTreeSet<&Attribute> = members
                    .iter()
                    .flat_map(|m| m.attributes.iter().map(|(a, _)| a))
                    .collect();
                for attribute in names {
                    values.clear();
                    values.extend(members.iter().filter_map(|m| m.value(attribute)));
                    tallies.entry(attribute).or_default().add(&values);
                }
            }
        }
        self.matched += matched;
        let mut figures = Vec::new();
        for (attribute, tally) in tallies {
            let scale = attribute.scale();
            let doc_figures = tally.figures(scale, ranks.of(scale));
            let gather =
                self.attributes
                    .entry(attribute.clone())
                    .or_insert_with(|| AttributeGather {
                        tally: AttributeTally::new(),
                        alpha: Mean::default(),
                        percent: Mean::default(),
                        kappa: Mean::default(),
                    });
            gather.alpha.add(doc_figures.alpha);
            gather.percent.add(doc_figures.percent);
            gather.kappa.add(doc_figures.kappa);
            gather.tally.merge(&tally);
            figures.push((attribute.name(), doc_figures));
        }
        self.per_document.push(DocumentFigures {
            document: doc.id.0,
            matched,
            alpha_u: alpha_doc,
            alpha_u_position: alpha_position_doc,
            attributes: figures,
        });
    }

    fn finish(self, project: &Project, ranks: &Ranks) -> ScopeReport {
        let pooled: UnitizingAlpha<u32> = alpha_u(&self.by_category);
        let position = alpha_u(&self.position).overall.alpha;
        let mut categories: Vec<CategoryFigure> = pooled
            .by_category
            .iter()
            .map(|(n, figure)| (&self.categories[*n as usize], figure))
            .map(|(value, figure)| CategoryFigure {
                category: category_key(value),
                label: category_label(project, value),
                alpha: figure.alpha,
                units: figure.units,
            })
            .collect();
        categories.sort_by(|a, b| (&a.label, &a.category).cmp(&(&b.label, &b.category)));
        let two = self.analysts.len() == 2;
        let attributes = self
            .attributes
            .into_iter()
            .map(|(attribute, g)| {
                let scale = attribute.scale();
                let figures = g.tally.figures(scale, ranks.of(scale));
                AttributeReport {
                    attribute: attribute.name(),
                    scale: match scale {
                        Scale::Nominal => "nominal",
                        Scale::Ordinal(_) => "ordinal",
                    },
                    alpha: g.alpha.with(figures.alpha),
                    percent: g.percent.with(figures.percent),
                    kappa: two.then(|| g.kappa.with(figures.kappa)),
                    units: figures.units,
                }
            })
            .collect();
        let per_analyst = |counts: &[usize]| -> BTreeMap<String, usize> {
            self.analysts
                .iter()
                .cloned()
                .zip(counts.iter().copied())
                .collect()
        };
        let coverage = Coverage {
            matched: self.matched,
            units: per_analyst(&self.units_by_rater),
            unmatched: per_analyst(&self.unmatched_by_rater),
        };
        ScopeReport {
            analysts: self.analysts,
            documents: self.documents,
            coverage,
            unitizing: UnitizingFigures {
                by_category: self.alpha_u.with(pooled.overall.alpha),
                position_only: self.alpha_u_position.with(position),
                categories,
            },
            attributes,
            per_document: self.per_document,
        }
    }
}

fn category_key(value: &Value) -> String {
    match value {
        Value::Actor(id) => id.0.to_string(),
        other => other.to_string(),
    }
}

fn category_label(project: &Project, value: &Value) -> String {
    match value {
        Value::Actor(id) => project
            .actor(*id)
            .map_or_else(|| id.to_string(), |a| a.name.clone()),
        other => other.to_string(),
    }
}

/// Every figure for `selection` over `project`. The suggestions, when selected, come from
/// the bundled gazetteer's rules.
pub fn compute(project: &Project, selection: &Selection) -> Result<Report, SelectionError> {
    let analysts = analysts(project, selection)?;
    let docs = documents(project, selection)?;
    let layers: Vec<Layer> = if selection.layers.is_empty() {
        Layer::ALL.to_vec()
    } else {
        let wanted: BTreeSet<Layer> = selection.layers.iter().copied().collect();
        wanted.into_iter().collect()
    };
    let ranks = Ranks::new(project);
    let scope_list = scopes(&analysts);
    let with_suggestions = analysts.iter().any(|a| a == SUGGESTIONS);
    let suggested: Vec<Vec<Unit>> = if with_suggestions {
        docs.iter()
            .map(|doc| suggested_units(project, doc, Gazetteer::bundled()))
            .collect()
    } else {
        vec![Vec::new(); docs.len()]
    };
    let present: Vec<BTreeSet<&str>> = docs.iter().map(|doc| participants(doc)).collect();
    // Every layer's units of every document, extracted once for all its scopes.
    let units: Vec<Vec<Vec<Unit>>> = std::thread::scope(|threads| {
        let handles: Vec<_> = layers
            .iter()
            .map(|&layer| {
                let (docs, suggested) = (&docs, &suggested);
                threads.spawn(move || {
                    docs.iter()
                        .zip(suggested)
                        .map(|(doc, suggested)| {
                            let mut units = extract(doc, layer);
                            units.extend(suggested.iter().filter(|u| u.layer == layer).cloned());
                            units
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a layer's extraction does not panic"))
            .collect()
    });
    // One task per layer and scope, taken in turn by as many threads as there are cores:
    // layers differ much in size, so one thread per layer left cores idle.
    let tasks: Vec<(usize, usize)> = (0..layers.len())
        .flat_map(|l| (0..scope_list.len()).map(move |s| (l, s)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::with_capacity(tasks.len()));
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(tasks.len());
    std::thread::scope(|threads| {
        for _ in 0..workers {
            threads.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&(l, s)) = tasks.get(i) else {
                        break;
                    };
                    let mut gather = ScopeGather::new(scope_list[s].clone());
                    for ((doc, units), present) in docs.iter().zip(&units[l]).zip(&present) {
                        if !gather.analysts.iter().all(|a| present.contains(a.as_str())) {
                            continue;
                        }
                        let mine: Vec<&Unit> = units
                            .iter()
                            .filter(|u| gather.analysts.iter().any(|a| **a == *u.analyst))
                            .collect();
                        gather.add_document(doc, &mine, &ranks);
                    }
                    let report = gather.finish(project, &ranks);
                    if let Ok(mut results) = results.lock() {
                        results.push((i, report));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let mut results = results.into_iter().map(|(_, report)| report);
    let layer_reports = layers
        .iter()
        .map(|layer| LayerReport {
            layer: *layer,
            category: layer.category_name(),
            scopes: results.by_ref().take(scope_list.len()).collect(),
        })
        .collect();
    Ok(Report {
        project: project.meta.name.clone(),
        codebook_hash: codebook_hash(project),
        analysts,
        documents: docs
            .iter()
            .map(|d| DocumentRef {
                id: d.id.0,
                title: d.meta.title.clone(),
                date: d.meta.date,
            })
            .collect(),
        min_overlap: MIN_SHARE_OF_SHORTER,
        suggestions: with_suggestions,
        layers: layer_reports,
    })
}
