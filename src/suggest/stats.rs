//! How each rule fares on a coded project (`demarche suggest --stats`): what it proposes
//! on the bare texts, how much of that the analysts coded the same way (accepted, or coded
//! by hand at the same place), and how much they rejected.

use super::{Detail, Gazetteer, Suggestion, rules};
use crate::model::{Document, Project, Span, Stamp};
use std::collections::BTreeMap;

/// One rule's figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Suggestions it makes on the documents' bare texts.
    pub made: usize,
    /// Of those, the ones an analyst's annotation matches.
    pub coded: usize,
    /// Of those, the ones an analyst rejected.
    pub rejected: usize,
}

/// Every rule's figures over `project` (every shipped rule, with zeros for those that
/// made nothing), counting the work of `analyst` only when given.
pub fn tally(
    project: &Project,
    gazetteer: &Gazetteer,
    analyst: Option<&str>,
) -> BTreeMap<&'static str, Tally> {
    let mut out: BTreeMap<&'static str, Tally> = rules::RULES
        .iter()
        .map(|r| (r.name, Tally::default()))
        .collect();
    let mine = |stamp: &Stamp| analyst.is_none_or(|a| stamp.annotator == a);
    for document in &project.documents {
        // The rules leave out what is coded already: they run on the text alone, as for
        // an analyst who has not started.
        let bare = bare(document);
        for s in super::proposals(project, &bare, gazetteer) {
            let t = out.entry(s.rule).or_default();
            t.made += 1;
            if is_coded(document, &s, &mine) {
                t.coded += 1;
            }
            let rejection = s.rejection(document.id, analyst.unwrap_or_default());
            if project.rejected_suggestions.iter().any(|r| {
                r.document == rejection.document
                    && r.kind == rejection.kind
                    && r.start == rejection.start
                    && r.end == rejection.end
                    && analyst.is_none_or(|a| r.analyst == a)
            }) {
                t.rejected += 1;
            }
        }
    }
    out
}

fn bare(document: &Document) -> Document {
    let mut bare = document.clone();
    bare.mentions.clear();
    bare.statements.clear();
    bare.commitments.clear();
    bare.stances.clear();
    bare.tags.clear();
    bare.links.clear();
    bare.curation.clear();
    bare
}

/// A mention over the same range; a statement over the same words (analysts often choose
/// other bounds: with or without the attribution); a commitment or stance on a statement
/// that covers the suggestion's words.
fn is_coded(document: &Document, s: &Suggestion, mine: &dyn Fn(&Stamp) -> bool) -> bool {
    let same = |span: &Span| span.start() == s.start && span.end() == s.end;
    let covers = |span: &Span| span.start() <= s.start && s.end <= span.end();
    match s.detail {
        Detail::Mention { .. } => document
            .mentions
            .iter()
            .any(|m| mine(&m.stamp) && same(&m.span)),
        Detail::Statement { .. } => document
            .statements
            .iter()
            .any(|st| mine(&st.stamp) && st.span.start() < s.end && s.start < st.span.end()),
        Detail::Commitment { .. } => document.commitments.iter().any(|c| {
            mine(&c.stamp)
                && document
                    .statements
                    .iter()
                    .any(|st| st.id == c.statement && covers(&st.span))
        }),
        Detail::Stance { .. } => document.stances.iter().any(|p| {
            mine(&p.stamp)
                && document
                    .statements
                    .iter()
                    .any(|st| st.id == p.statement && covers(&st.span))
        }),
    }
}
