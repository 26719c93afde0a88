//! The disagreements behind the figures, for the window's disagreement browser: every unit
//! where the selected analysts differ — a span only some of them coded, matched spans whose
//! extents differ, matched units whose attribute values differ. Units are grouped exactly
//! as the figures group them, so a pair's list is what lowers that pair's figures.

use super::align::group;
use super::scope::{Selection, SelectionError, analysts, documents, participants};
use super::suggested::{SUGGESTIONS, suggested_units};
use super::units::{Attribute, Layer, Unit, Value, extract};
use crate::model::{Document, Id, Project};
use crate::suggest::Gazetteer;
use std::collections::BTreeSet;
use std::sync::Arc;

/// How the analysts differ on a unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Some analysts who worked on the document coded the span, others did not.
    OnlySome,
    /// The analysts' versions were matched, but their extents differ.
    Extent,
    /// Matched versions give this attribute different values.
    Attribute(Attribute),
}

impl Kind {
    /// How the browser names the kind.
    pub fn label(&self) -> String {
        match self {
            Kind::OnlySome => "span by only some".to_owned(),
            Kind::Extent => "spans differ".to_owned(),
            Kind::Attribute(a) => format!("{} differs", a.name()),
        }
    }

    /// The figure this kind of disagreement lowers.
    pub fn measure(&self) -> Measure {
        match self {
            Kind::OnlySome | Kind::Extent => Measure::Span,
            Kind::Attribute(a) => Measure::Attribute(a.name()),
        }
    }
}

/// A row of the figures: where units are (α_U), or one attribute by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    Span,
    Attribute(String),
}

impl Measure {
    /// The measure of a figure row ([`super::report::FigureRow::measure`]): "span …" rows
    /// are α_U, every other row names an attribute.
    pub fn of_row(measure: &str) -> Measure {
        if measure.starts_with("span") {
            Measure::Span
        } else {
            Measure::Attribute(measure.to_owned())
        }
    }
}

/// One analyst's side of a unit: their version, or none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub analyst: String,
    pub unit: Option<Unit>,
}

/// One way the analysts differ on one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub document: Id,
    pub layer: Layer,
    pub kind: Kind,
    /// Every selected analyst who worked on the document, in name order, with their
    /// version of the unit (shared by the unit's disagreements).
    pub sides: Arc<[Side]>,
    /// The extent of all versions together.
    pub start: usize,
    pub end: usize,
}

impl Disagreement {
    /// The side of `analyst`, when they worked on the document.
    pub fn side(&self, analyst: &str) -> Option<&Side> {
        self.sides.iter().find(|s| s.analyst == analyst)
    }

    /// `analyst`'s value of the disagreement's attribute (attribute kinds only).
    pub fn value_of(&self, analyst: &str) -> Option<&Value> {
        let Kind::Attribute(attribute) = &self.kind else {
            return None;
        };
        self.side(analyst)?.unit.as_ref()?.value(attribute)
    }

    /// True when analysts `a` and `b` both worked on the document and differ here.
    pub fn between(&self, a: &str, b: &str) -> bool {
        let (Some(sa), Some(sb)) = (self.side(a), self.side(b)) else {
            return false;
        };
        match (&self.kind, &sa.unit, &sb.unit) {
            (Kind::OnlySome, ua, ub) => ua.is_some() != ub.is_some(),
            (Kind::Extent, Some(ua), Some(ub)) => ua.ranges != ub.ranges,
            (Kind::Attribute(attribute), Some(ua), Some(ub)) => {
                matches!((ua.value(attribute), ub.value(attribute)), (Some(x), Some(y)) if x != y)
            }
            _ => false,
        }
    }

    /// The analysts' annotation ids in this unit, sorted (what curation calls the unit's
    /// cover). The suggestions have none.
    pub fn covers(&self) -> Vec<Id> {
        let mut ids: Vec<Id> = self
            .sides
            .iter()
            .filter(|s| s.analyst != SUGGESTIONS)
            .filter_map(|s| s.unit.as_ref().map(|u| u.id))
            .collect();
        ids.sort();
        ids
    }
}

/// Which disagreements to show; `None` everywhere shows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub layer: Option<Layer>,
    pub measure: Option<Measure>,
    /// Two analysts who differ on the unit.
    pub pair: Option<(String, String)>,
    pub document: Option<Id>,
}

impl Filter {
    pub fn matches(&self, d: &Disagreement) -> bool {
        self.layer.is_none_or(|l| l == d.layer)
            && self.document.is_none_or(|id| id == d.document)
            && self.measure.as_ref().is_none_or(|m| *m == d.kind.measure())
            && self.pair.as_ref().is_none_or(|(a, b)| d.between(a, b))
    }
}

/// The ways `units` (one group: at most one version per analyst) differ, given the
/// analysts who worked on the document.
fn kinds(members: &[&Unit], analysts: usize) -> Vec<Kind> {
    let mut out = Vec::new();
    if members.len() < analysts {
        out.push(Kind::OnlySome);
    }
    if members.windows(2).any(|w| w[0].ranges != w[1].ranges) {
        out.push(Kind::Extent);
    }
    let attributes: BTreeSet<&Attribute> = members
        .iter()
        .flat_map(|m| m.attributes.iter().map(|(a, _)| a))
        .collect();
    for attribute in attributes {
        // As the figures: only the versions that give the attribute a value count.
        let values: Vec<&Value> = members.iter().filter_map(|m| m.value(attribute)).collect();
        if values.windows(2).any(|w| w[0] != w[1]) {
            out.push(Kind::Attribute(attribute.clone()));
        }
    }
    out
}

/// The disagreements of one document, in text order (then layer, then kind).
fn document_disagreements(
    project: &Project,
    doc: &Document,
    analysts: &[String],
    layers: &[Layer],
) -> Vec<Disagreement> {
    let present = participants(doc);
    let here: Vec<&str> = analysts
        .iter()
        .map(String::as_str)
        .filter(|a| present.contains(a))
        .collect();
    if here.len() < 2 {
        return Vec::new();
    }
    let suggested = if here.contains(&SUGGESTIONS) {
        suggested_units(project, doc, Gazetteer::bundled())
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    for &layer in layers {
        let mut units = extract(doc, layer);
        units.retain(|u| here.contains(&&*u.analyst));
        units.extend(suggested.iter().filter(|u| u.layer == layer).cloned());
        for g in group(&units) {
            let members: Vec<&Unit> = g.members.iter().map(|&m| &units[m]).collect();
            let found = kinds(&members, here.len());
            if found.is_empty() {
                continue;
            }
            let sides: Arc<[Side]> = here
                .iter()
                .map(|a| Side {
                    analyst: (*a).to_owned(),
                    unit: members
                        .iter()
                        .find(|m| &*m.analyst == *a)
                        .map(|m| (*m).clone()),
                })
                .collect();
            let start = members.iter().map(|m| m.start()).min().unwrap_or(0);
            let end = members.iter().map(|m| m.end()).max().unwrap_or(0);
            out.extend(found.into_iter().map(|kind| Disagreement {
                document: doc.id,
                layer,
                kind,
                sides: sides.clone(),
                start,
                end,
            }));
        }
    }
    out.sort_by(|a, b| (a.start, a.end, a.layer, &a.kind).cmp(&(b.start, b.end, b.layer, &b.kind)));
    out
}

/// Every disagreement over `selection`, document by document in project order. The same
/// analysts, documents and layers as [`super::compute`] with the same selection.
pub fn disagreements(
    project: &Project,
    selection: &Selection,
) -> Result<Vec<Disagreement>, SelectionError> {
    let analysts = analysts(project, selection)?;
    let docs = documents(project, selection)?;
    let layers: Vec<Layer> = if selection.layers.is_empty() {
        Layer::ALL.to_vec()
    } else {
        let wanted: BTreeSet<Layer> = selection.layers.iter().copied().collect();
        wanted.into_iter().collect()
    };
    // Documents are independent: split them over the cores, keeping their order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = docs.len().div_ceil(threads).max(1);
    let parts: Vec<Vec<Disagreement>> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let (analysts, layers) = (&analysts, &layers);
                scope.spawn(move || {
                    part.iter()
                        .flat_map(|doc| document_disagreements(project, doc, analysts, layers))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    Ok(parts.into_iter().flatten().collect())
}

/// The text of `start..end` on `doc`, cut to `max` characters with an ellipsis.
pub fn excerpt(doc: &Document, start: usize, end: usize, max: usize) -> String {
    let text = doc.slice(start, end).unwrap_or_default();
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() <= max {
        return flat;
    }
    let mut short: String = flat.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commitment, DocumentMeta, Mention, Origin, Span, Stamp, Statement};

    fn project(text: &str) -> Project {
        let origin = Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: Default::default(),
            file_fingerprint: None,
            imported: chrono::Utc::now(),
        };
        let mut p = Project::new("t");
        p.documents.push(Document::new(
            Id(1),
            DocumentMeta::default(),
            origin,
            text.into(),
        ));
        p
    }

    fn span(doc: &Document, start: usize, end: usize) -> Span {
        Span::from_range(doc.text(), doc.index(), start, end).expect("span inside the text")
    }

    fn mention(doc: &mut Document, id: u64, who: &str, start: usize, end: usize, actor: u64) {
        let span = span(doc, start, end);
        doc.mentions.push(Mention {
            id: Id(id),
            span,
            actor: Id(actor),
            stamp: Stamp::now(who),
            note: String::new(),
        });
    }

    fn statement(doc: &mut Document, id: u64, who: &str, start: usize, end: usize) {
        let span = span(doc, start, end);
        doc.statements.push(Statement {
            id: Id(id),
            span,
            speaker: None,
            attribution: "direct".into(),
            cue: None,
            stamp: Stamp::now(who),
            note: String::new(),
        });
    }

    fn commitment(doc: &mut Document, id: u64, who: &str, statement: u64, strength: &str) {
        doc.commitments.push(Commitment {
            id: Id(id),
            statement: Id(statement),
            committer: None,
            addressees: Vec::new(),
            action: String::new(),
            category: "AGREE".into(),
            cameo: None,
            context: "diplomatic".into(),
            strength: strength.into(),
            conditions: String::new(),
            time_horizon: "unspecified".into(),
            stamp: Stamp::now(who),
            note: String::new(),
        });
    }

    const TEXT: &str = "Peru and China signed. Lima said it will open the port to all.";

    /// alice and bob agree on "Peru"; only alice coded "China"; they matched the statement
    /// with different extents; their commitments differ in strength only.
    fn two_analysts() -> Project {
        let mut p = project(TEXT);
        let doc = &mut p.documents[0];
        mention(doc, 1, "alice", 0, 4, 100);
        mention(doc, 2, "bob", 0, 4, 100);
        mention(doc, 3, "alice", 9, 14, 101);
        statement(doc, 10, "alice", 23, 62);
        statement(doc, 11, "bob", 28, 62);
        commitment(doc, 20, "alice", 10, "certain");
        commitment(doc, 21, "bob", 11, "probable");
        p
    }

    fn summary(list: &[Disagreement]) -> Vec<(Layer, String, usize, usize)> {
        list.iter()
            .map(|d| (d.layer, d.kind.label(), d.start, d.end))
            .collect()
    }

    #[test]
    fn every_difference_is_listed_once_and_agreed_units_not_at_all() {
        let p = two_analysts();
        let list = disagreements(&p, &Selection::default()).expect("listed");
        assert_eq!(
            summary(&list),
            [
                (Layer::Mentions, "span by only some".to_owned(), 9, 14),
                (Layer::Statements, "spans differ".to_owned(), 23, 62),
                (Layer::Commitments, "spans differ".to_owned(), 23, 62),
                (Layer::Commitments, "strength differs".to_owned(), 23, 62),
            ]
        );
        let strength = &list[3];
        assert_eq!(
            strength.value_of("alice"),
            Some(&Value::Key("certain".into()))
        );
        assert_eq!(
            strength.value_of("bob"),
            Some(&Value::Key("probable".into()))
        );
        assert_eq!(strength.covers(), [Id(20), Id(21)]);
        assert!(list[0].side("bob").is_some_and(|s| s.unit.is_none()));
    }

    #[test]
    fn the_filter_narrows_by_layer_measure_pair_and_document() {
        let p = two_analysts();
        let list = disagreements(&p, &Selection::default()).expect("listed");
        let shown = |f: &Filter| list.iter().filter(|d| f.matches(d)).count();
        assert_eq!(shown(&Filter::default()), 4);
        let strength = Filter {
            layer: Some(Layer::Commitments),
            measure: Some(Measure::of_row("strength")),
            pair: Some(("alice".into(), "bob".into())),
            document: Some(Id(1)),
        };
        assert_eq!(shown(&strength), 1);
        let spans = Filter {
            measure: Some(Measure::of_row("span (position only)")),
            ..Filter::default()
        };
        assert_eq!(shown(&spans), 3);
        let elsewhere = Filter {
            document: Some(Id(2)),
            ..Filter::default()
        };
        assert_eq!(shown(&elsewhere), 0);
    }

    #[test]
    fn with_three_analysts_a_pair_sees_only_where_those_two_differ() {
        let mut p = two_analysts();
        let doc = &mut p.documents[0];
        // carol codes like bob everywhere.
        mention(doc, 30, "carol", 0, 4, 100);
        statement(doc, 31, "carol", 28, 62);
        commitment(doc, 32, "carol", 31, "probable");
        let list = disagreements(&p, &Selection::default()).expect("listed");
        let between = |a: &str, b: &str| {
            let f = Filter {
                pair: Some((a.into(), b.into())),
                ..Filter::default()
            };
            list.iter().filter(|d| f.matches(d)).count()
        };
        assert_eq!(between("bob", "carol"), 0);
        assert_eq!(between("alice", "carol"), 4);
        let only = Selection {
            analysts: vec!["bob".into(), "carol".into()],
            ..Selection::default()
        };
        assert!(disagreements(&p, &only).expect("listed").is_empty());
    }

    #[test]
    fn the_selection_is_checked_as_for_the_figures() {
        let p = two_analysts();
        let one = Selection {
            analysts: vec!["alice".into()],
            ..Selection::default()
        };
        assert!(matches!(
            disagreements(&p, &one),
            Err(SelectionError::TooFewAnalysts(_))
        ));
    }

    #[test]
    fn excerpts_are_flat_and_cut() {
        let p = project("one\ntwo three four");
        assert_eq!(excerpt(&p.documents[0], 0, 7, 40), "one two");
        assert_eq!(excerpt(&p.documents[0], 0, 18, 8), "one two…");
    }
}
