//! Several analysts' layers over the same documents, as after independent double coding:
//! the first analyst has the generated coding; each other analyst's layer copies it with
//! the differences coders make — most spans the same, some shifted by a few characters,
//! some units missing, some attribute values different (a neighbouring strength, another
//! polarity, another actor). For the agreement benchmark and tests.

use super::Rng;
use crate::model::{Document, Id, IdAllocator, Project, Span, Stamp};
use std::collections::HashMap;

/// Percentages of units an analyst leaves out, shifts, or codes with another value.
const MISSING: u64 = 5;
const SHIFTED: u64 = 10;
const OTHER_VALUE: u64 = 10;

/// `base` with every annotation in `analysts[0]`'s layer and a perturbed copy of it for
/// each other analyst (ids from that analyst's block). Deterministic for a seed.
pub fn team_layers(mut base: Project, analysts: &[&str], seed: u64) -> Project {
    let Some((first, others)) = analysts.split_first() else {
        return base;
    };
    let mut rng = Rng(seed);
    let actors: Vec<Id> = base.actors.iter().map(|a| a.id).collect();
    for doc in &mut base.documents {
        set_annotator(doc, first);
    }
    for r in &mut base.rejected_suggestions {
        r.analyst = (*first).to_owned();
    }
    base.rejected_suggestions.sort();
    base.rejected_suggestions.dedup();
    for analyst in others {
        let mut ids = base.id_allocator(analyst);
        for doc in &mut base.documents {
            copy_layer(doc, first, analyst, &actors, &mut ids, &mut rng);
            doc.sort_annotations();
        }
    }
    base
}

fn set_annotator(doc: &mut Document, name: &str) {
    let stamp = |s: &mut Stamp| s.annotator = name.to_owned();
    doc.mentions.iter_mut().for_each(|a| stamp(&mut a.stamp));
    doc.statements.iter_mut().for_each(|a| stamp(&mut a.stamp));
    doc.commitments.iter_mut().for_each(|a| stamp(&mut a.stamp));
    doc.stances.iter_mut().for_each(|a| stamp(&mut a.stamp));
    doc.tags.iter_mut().for_each(|a| stamp(&mut a.stamp));
    doc.links.iter_mut().for_each(|a| stamp(&mut a.stamp));
    doc.meta.progress.clear();
}

/// The span moved by a few characters at one end, when it has one range and stays valid.
fn shifted(doc: &Document, span: &Span, rng: &mut Rng) -> Span {
    let [range] = span.ranges.as_slice() else {
        return span.clone();
    };
    let by = 1 + rng.below(4);
    let (mut start, mut end) = (range.start, range.end);
    match rng.below(4) {
        0 => start = start.saturating_sub(by),
        1 if start + by < end => start += by,
        2 => end = (end + by).min(doc.len_chars()),
        _ if end - by > start => end -= by,
        _ => {}
    }
    Span::from_range(doc.text(), doc.index(), start, end).unwrap_or_else(|| span.clone())
}

fn other_key(keys: &[&str], current: &str, rng: &mut Rng) -> String {
    let at = keys.iter().position(|k| *k == current).unwrap_or(0);
    // A neighbouring value: coders mostly disagree by one step.
    let next = if at + 1 < keys.len() && (at == 0 || rng.chance(50)) {
        at + 1
    } else {
        at.saturating_sub(1)
    };
    keys[next].to_owned()
}

fn copy_layer(
    doc: &mut Document,
    from: &str,
    analyst: &str,
    actors: &[Id],
    ids: &mut IdAllocator,
    rng: &mut Rng,
) {
    let mut new_id = HashMap::new();
    let mut fresh = |old: Id, map: &mut HashMap<Id, Id>| {
        let id = ids.fresh().unwrap_or(old);
        map.insert(old, id);
        id
    };
    let stamp = |s: &Stamp| Stamp {
        annotator: analyst.to_owned(),
        ..s.clone()
    };
    let mine = |s: &Stamp| s.annotator == from;
    let mut added_mentions = Vec::new();
    for m in doc.mentions.iter().filter(|m| mine(&m.stamp)) {
        if rng.chance(MISSING) {
            continue;
        }
        let mut copy = m.clone();
        copy.id = fresh(m.id, &mut new_id);
        copy.stamp = stamp(&m.stamp);
        if rng.chance(SHIFTED) {
            copy.span = shifted(doc, &m.span, rng);
        }
        if rng.chance(OTHER_VALUE) && !actors.is_empty() {
            copy.actor = *rng.pick(actors);
        }
        added_mentions.push(copy);
    }
    let mut added_statements = Vec::new();
    for s in doc.statements.iter().filter(|s| mine(&s.stamp)) {
        if rng.chance(MISSING) {
            continue;
        }
        let mut copy = s.clone();
        copy.id = fresh(s.id, &mut new_id);
        copy.stamp = stamp(&s.stamp);
        if rng.chance(SHIFTED) {
            copy.span = shifted(doc, &s.span, rng);
        }
        if rng.chance(OTHER_VALUE) {
            copy.attribution = other_key(&["direct", "reported", "narration"], &s.attribution, rng);
        }
        if rng.chance(OTHER_VALUE / 2) {
            copy.speaker = None;
        }
        added_statements.push(copy);
    }
    let mut added_commitments = Vec::new();
    for c in doc.commitments.iter().filter(|c| mine(&c.stamp)) {
        let Some(&statement) = new_id.get(&c.statement) else {
            continue;
        };
        if rng.chance(MISSING) {
            continue;
        }
        let mut copy = c.clone();
        copy.id = fresh(c.id, &mut new_id);
        copy.statement = statement;
        copy.stamp = stamp(&c.stamp);
        if rng.chance(OTHER_VALUE + 5) {
            let strengths = ["certain", "probable", "possible", "uncommitted"];
            copy.strength = other_key(&strengths, &c.strength, rng);
        }
        if rng.chance(OTHER_VALUE) {
            copy.category = other_key(&["AGREE", "SUPPORT", "CONSULT", "AID"], &c.category, rng);
        }
        added_commitments.push(copy);
    }
    let mut added_stances = Vec::new();
    for s in doc.stances.iter().filter(|s| mine(&s.stamp)) {
        let Some(&statement) = new_id.get(&s.statement) else {
            continue;
        };
        if rng.chance(MISSING) {
            continue;
        }
        let mut copy = s.clone();
        copy.id = fresh(s.id, &mut new_id);
        copy.statement = statement;
        copy.stamp = stamp(&s.stamp);
        if rng.chance(OTHER_VALUE) {
            copy.polarity = other_key(&["favor", "against", "neutral"], &s.polarity, rng);
        }
        if rng.chance(OTHER_VALUE + 5) {
            copy.intensity = other_key(&["low", "moderate", "high"], &s.intensity, rng);
        }
        added_stances.push(copy);
    }
    let mut added_tags = Vec::new();
    for t in doc.tags.iter().filter(|t| mine(&t.stamp)) {
        if rng.chance(MISSING) {
            continue;
        }
        let mut copy = t.clone();
        copy.id = fresh(t.id, &mut new_id);
        copy.stamp = stamp(&t.stamp);
        if rng.chance(SHIFTED) {
            copy.span = shifted(doc, &t.span, rng);
        }
        added_tags.push(copy);
    }
    let mut added_links = Vec::new();
    for l in doc.links.iter().filter(|l| mine(&l.stamp)) {
        let (Some(&from_id), Some(&to_id)) = (new_id.get(&l.from), new_id.get(&l.to)) else {
            continue;
        };
        let mut copy = l.clone();
        copy.id = fresh(l.id, &mut new_id);
        copy.from = from_id;
        copy.to = to_id;
        copy.stamp = stamp(&l.stamp);
        added_links.push(copy);
    }
    doc.mentions.extend(added_mentions);
    doc.statements.extend(added_statements);
    doc.commitments.extend(added_commitments);
    doc.stances.extend(added_stances);
    doc.tags.extend(added_tags);
    doc.links.extend(added_links);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(project: &Project) -> HashMap<&str, usize> {
        let mut out = HashMap::new();
        for a in project.documents.iter().flat_map(|d| d.annotators()) {
            *out.entry(a).or_default() += 1;
        }
        out
    }

    #[test]
    fn each_analyst_gets_a_layer_mostly_like_the_first_with_valid_spans() {
        let project = team_layers(crate::synth::project(5, 3000, 500, 3), &["ana", "ben"], 9);
        let counts = counts(&project);
        assert_eq!(counts["ana"], 500);
        assert!(counts["ben"] > 400 && counts["ben"] < 500, "{counts:?}");
        for doc in &project.documents {
            for m in &doc.mentions {
                assert_eq!(m.span.check(doc.text(), doc.index()), Ok(()));
            }
            for t in &doc.tags {
                assert_eq!(t.span.check(doc.text(), doc.index()), Ok(()));
            }
        }
        let again = team_layers(crate::synth::project(5, 3000, 500, 3), &["ana", "ben"], 9);
        assert_eq!(project, again, "deterministic");
    }
}
