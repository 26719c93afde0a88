//! Which annotations touch which paragraph, how they are drawn, and which one a click
//! picks. Pure: no egui.

use super::paragraphs::Paragraphs;
use crate::model::{Document, Id, Project, Stamp};
use crate::ui::analysts::LayerView;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// How a statement is shaded: by what is coded on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shade {
    Commitment,
    Stance,
    Both,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecoKind {
    /// Underlined in the actor's colour: one thick line, or two thin ones for a person, so
    /// that people and collective actors (states, groups) can be told apart.
    Mention {
        colour: [u8; 3],
        person: bool,
    },
    Statement(Shade),
    /// Thin underline with end ticks.
    Tag,
}

/// One annotation range as it falls in one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Deco {
    pub id: Id,
    /// Code points within the paragraph, `start < end`.
    pub start: usize,
    pub end: usize,
    pub kind: DecoKind,
    /// Underline row below the baseline (0 nearest); nested and overlapping underlines
    /// get different rows so that all of them stay visible.
    pub level: u8,
    /// Length of the whole annotation (all its ranges): clicks pick the shortest.
    pub total_len: usize,
    /// Another analyst's annotation: drawn thin, dashed and muted, and read-only.
    pub foreign: bool,
}

impl Deco {
    pub fn is_underline(&self) -> bool {
        !matches!(self.kind, DecoKind::Statement(_))
    }
}

/// Every annotation with a span, start/end in document code points, sorted by
/// start, outer (longer) first: the order "next annotation" walks.
pub fn annotation_order(doc: &Document) -> Vec<(usize, usize, Id)> {
    annotation_order_in(doc, None)
}

/// [`annotation_order`] over the layers `layers` shows (all when `None`).
pub fn annotation_order_in(doc: &Document, layers: Option<&LayerView>) -> Vec<(usize, usize, Id)> {
    let shown = |stamp: &Stamp| layers.is_none_or(|l| l.shows(&stamp.annotator));
    let mut out: Vec<(usize, usize, Id)> = doc
        .mentions
        .iter()
        .map(|a| (&a.span, a.id, &a.stamp))
        .chain(doc.statements.iter().map(|a| (&a.span, a.id, &a.stamp)))
        .chain(doc.tags.iter().map(|a| (&a.span, a.id, &a.stamp)))
        .filter(|(span, _, stamp)| !span.ranges.is_empty() && shown(stamp))
        .map(|(span, id, _)| (span.start(), span.end(), id))
        .collect();
    out.sort_unstable_by_key(|&(s, e, id)| (s, std::cmp::Reverse(e), id));
    out
}

/// The decorations of every paragraph, sorted by start (longer first), with underline
/// levels assigned.
pub fn per_paragraph(project: &Project, doc: &Document, paras: &Paragraphs) -> Vec<Vec<Deco>> {
    per_paragraph_in(project, doc, paras, None)
}

/// [`per_paragraph`] over the layers `layers` shows (all, as one's own, when `None`);
/// other analysts' annotations are marked `foreign`.
pub fn per_paragraph_in(
    project: &Project,
    doc: &Document,
    paras: &Paragraphs,
    layers: Option<&LayerView>,
) -> Vec<Vec<Deco>> {
    let mut out: Vec<Vec<Deco>> = vec![Vec::new(); paras.len()];
    let shown = |stamp: &Stamp| layers.is_none_or(|l| l.shows(&stamp.annotator));
    let foreign = |stamp: &Stamp| layers.is_some_and(|l| !l.owns(&stamp.annotator));
    // A statement is shaded by what its own analyst coded on it.
    let committed: HashSet<Id> = doc
        .commitments
        .iter()
        .filter(|c| shown(&c.stamp))
        .map(|c| c.statement)
        .collect();
    let stanced: HashSet<Id> = doc
        .stances
        .iter()
        .filter(|s| shown(&s.stamp))
        .map(|s| s.statement)
        .collect();
    let mut place = |id: Id, span: &crate::model::Span, kind: DecoKind, stamp: &Stamp| {
        if !shown(stamp) {
            return;
        }
        let foreign = foreign(stamp);
        let total_len = span.ranges.iter().map(|r| r.end - r.start).sum();
        for r in &span.ranges {
            if r.start >= r.end {
                continue;
            }
            for p in paras.touching(r.start, r.end) {
                let (ps, pe) = (paras.start(p), paras.end(p));
                let (s, e) = (r.start.max(ps), r.end.min(pe));
                if s < e {
                    out[p].push(Deco {
                        id,
                        start: s - ps,
                        end: e - ps,
                        kind,
                        level: 0,
                        total_len,
                        foreign,
                    });
                }
            }
        }
    };
    for m in &doc.mentions {
        let actor = project.actor(m.actor);
        let colour = actor.map_or([128, 128, 128], |a| a.colour.0);
        let person = actor.is_some_and(|a| a.kind == "person");
        place(
            m.id,
            &m.span,
            DecoKind::Mention { colour, person },
            &m.stamp,
        );
    }
    for s in &doc.statements {
        let shade = match (committed.contains(&s.id), stanced.contains(&s.id)) {
            (true, true) => Shade::Both,
            (true, false) => Shade::Commitment,
            (false, true) => Shade::Stance,
            (false, false) => Shade::Other,
        };
        place(s.id, &s.span, DecoKind::Statement(shade), &s.stamp);
    }
    for t in &doc.tags {
        place(t.id, &t.span, DecoKind::Tag, &t.stamp);
    }
    for list in &mut out {
        list.sort_unstable_by_key(|d| (d.start, std::cmp::Reverse(d.end), d.id));
        assign_levels(list);
    }
    out
}

/// Gives each underline the lowest level free over its whole range (greedy interval
/// colouring in start order), so no two overlapping underlines share a level.
fn assign_levels(list: &mut [Deco]) {
    // End offset of the last underline on each level so far.
    let mut level_ends: Vec<usize> = Vec::new();
    for d in list.iter_mut().filter(|d| d.is_underline()) {
        let level = match level_ends.iter().position(|&end| end <= d.start) {
            Some(l) => l,
            None => {
                level_ends.push(0);
                level_ends.len() - 1
            }
        };
        level_ends[level] = d.end;
        d.level = u8::try_from(level).unwrap_or(u8::MAX);
    }
}

/// A hash of a paragraph's decorations: its drawing is rebuilt only when this changes.
pub fn list_hash(list: &[Deco]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    list.hash(&mut h);
    h.finish()
}

/// The annotations under paragraph offset `c`, innermost (shortest) first: the order in
/// which repeated clicks at one place cycle through them.
pub fn stack_at(list: &[Deco], c: usize) -> Vec<Id> {
    let mut hits: Vec<&Deco> = list.iter().filter(|d| d.start <= c && c < d.end).collect();
    hits.sort_by_key(|d| (d.total_len, u8::from(!d.is_underline()), d.id));
    let mut ids: Vec<Id> = hits.iter().map(|d| d.id).collect();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actor, Commitment, DocumentMeta, Mention, Origin, Span, Stamp, Statement, Tag,
    };

    fn fixture() -> (Project, Document) {
        let text = "Wang Yi said: “China will support the talks.”\nLavrov agreed.";
        let mut project = Project::new("test");
        project.actors.push(Actor::new(Id(1), "Wang Yi", "person"));
        let origin = Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: Default::default(),
            file_fingerprint: None,
            imported: chrono::Utc::now(),
        };
        let mut doc = Document::new(Id(2), DocumentMeta::default(), origin, text.into());
        let span = |s, e| Span::from_range(text, &crate::model::TextIndex::new(text), s, e);
        let stamp = Stamp::now("test");
        doc.mentions.push(Mention {
            id: Id(10),
            span: span(0, 7).expect("in range"),
            actor: Id(1),
            stamp: stamp.clone(),
            note: String::new(),
        });
        doc.mentions.push(Mention {
            id: Id(11),
            span: span(15, 20).expect("in range"),
            actor: Id(1),
            stamp: stamp.clone(),
            note: String::new(),
        });
        // A statement from the quote across the paragraph break.
        doc.statements.push(Statement {
            id: Id(12),
            span: span(14, 53).expect("in range"),
            speaker: Some(Id(1)),
            attribution: "direct".into(),
            cue: None,
            stamp: stamp.clone(),
            note: String::new(),
        });
        doc.tags.push(Tag {
            id: Id(13),
            span: span(15, 45).expect("in range"),
            category: "pledge".into(),
            attributes: Default::default(),
            stamp: stamp.clone(),
            note: String::new(),
        });
        doc.commitments.push(Commitment {
            id: Id(14),
            statement: Id(12),
            committer: Some(Id(1)),
            addressees: vec![],
            action: "support talks".into(),
            category: "SUPPORT".into(),
            cameo: None,
            context: "diplomatic".into(),
            strength: "certain".into(),
            conditions: String::new(),
            time_horizon: String::new(),
            stamp,
            note: String::new(),
        });
        (project, doc)
    }

    #[test]
    fn spans_are_cut_at_paragraphs_and_overlaps_get_their_own_underline_row() {
        let (project, doc) = fixture();
        let paras = Paragraphs::new(doc.text());
        let lists = per_paragraph(&project, &doc, &paras);
        assert_eq!(lists.len(), 2);
        let statement: Vec<_> = lists
            .iter()
            .flatten()
            .filter(|d| d.id == Id(12))
            .map(|d| (d.start, d.end, d.kind))
            .collect();
        assert_eq!(
            statement,
            [
                (14, 45, DecoKind::Statement(Shade::Commitment)),
                (0, 7, DecoKind::Statement(Shade::Commitment))
            ]
        );
        let tag = lists[0].iter().find(|d| d.id == Id(13)).expect("tag drawn");
        let china = lists[0]
            .iter()
            .find(|d| d.id == Id(11))
            .expect("mention drawn");
        assert_ne!(tag.level, china.level, "nested underlines stay apart");
        let colour = project.actors[0].colour.0;
        // The fixture's only actor is a person: drawn with the double line.
        assert_eq!(
            china.kind,
            DecoKind::Mention {
                colour,
                person: true
            }
        );
    }

    #[test]
    fn clicks_pick_the_innermost_annotation_first() {
        let (project, doc) = fixture();
        let paras = Paragraphs::new(doc.text());
        let lists = per_paragraph(&project, &doc, &paras);
        assert_eq!(stack_at(&lists[0], 16), [Id(11), Id(13), Id(12)]);
        assert_eq!(stack_at(&lists[0], 8), Vec::<Id>::new());
        assert_eq!(annotation_order(&doc)[0], (0, 7, Id(10)));
    }

    #[test]
    fn hash_changes_only_for_the_changed_paragraph() {
        let (project, mut doc) = fixture();
        let paras = Paragraphs::new(doc.text());
        let before: Vec<u64> = per_paragraph(&project, &doc, &paras)
            .iter()
            .map(|l| list_hash(l))
            .collect();
        doc.commitments.clear();
        let after: Vec<u64> = per_paragraph(&project, &doc, &paras)
            .iter()
            .map(|l| list_hash(l))
            .collect();
        assert_ne!(before[0], after[0]);
        assert_ne!(before[1], after[1], "the statement runs into paragraph 2");
        doc.mentions.pop();
        let again: Vec<u64> = per_paragraph(&project, &doc, &paras)
            .iter()
            .map(|l| list_hash(l))
            .collect();
        assert_ne!(after[0], again[0]);
        assert_eq!(after[1], again[1], "paragraph 2 has no mention to lose");
    }
}
