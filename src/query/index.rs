//! The project flattened for querying: one row per annotation of every layer, its fields
//! as small integers (actor positions, interned codebook keys), sorted by (date, document,
//! offset). Built once per project revision, so that a query, its facets, a grid and a
//! time series are each one pass over plain rows while the analyst types.

use super::checks;
use super::grammar::Field;
use crate::model::{AnnotationKind, Document, Id, Project, Span, StanceTarget, Statement};
use chrono::NaiveDate;
use std::collections::HashMap;

/// No value (a commitment without committer, a mention's strength).
pub const NONE: u32 = u32::MAX;

/// Strings of one field, each given a number in order of first sight.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    pub names: Vec<String>,
    lookup: HashMap<String, u32>,
}

impl Interner {
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.lookup.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.lookup.insert(name.to_owned(), n);
        n
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        self.lookup.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// One annotation, flattened. Commitments and stances carry their statement's speaker,
/// attribution and span.
#[derive(Clone, Debug)]
pub struct Row {
    /// Position of the document in `Index::docs`.
    pub doc: u32,
    pub id: Id,
    pub kind: AnnotationKind,
    pub analyst: u32,
    /// Code points of the (statement's) span in the document text; 0..0 for links.
    pub start: u32,
    pub end: u32,
    pub mentioned: u32,
    pub speaker: u32,
    pub committer: u32,
    pub holder: u32,
    pub target_actor: u32,
    pub topic: u32,
    /// `Index::lists` range of the addressees.
    pub addressees: (u32, u32),
    /// `Index::lists` range of every actor the annotation names.
    pub actors: (u32, u32),
    pub category: u32,
    pub context: u32,
    pub strength: u32,
    pub polarity: u32,
    pub intensity: u32,
    /// 0 absent, 1 present, `NONE` where the kind has no conditions.
    pub conditions: u32,
    pub attribution: u32,
    pub cameo: u32,
    /// The analyst's status on the document: 0 to do, 1 in progress, 2 done.
    pub status: u32,
    /// Bit `n` set: the row fails check `n` (`checks::Check`).
    pub checks: u32,
}

/// A document as the rows see it.
#[derive(Clone, Debug)]
pub struct DocRow {
    pub id: Id,
    pub date: Option<NaiveDate>,
    pub source: u32,
    pub title: String,
}

/// The flattened project.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub rows: Vec<Row>,
    pub lists: Vec<u32>,
    pub docs: Vec<DocRow>,
    /// Lower-cased span text, action, conditions and note of each row, for free text.
    pub haystacks: Vec<String>,
    /// Actor names and ids by position in `Project::actors`.
    pub actor_names: Vec<String>,
    pub actor_ids: Vec<Id>,
    /// Each actor's position and the positions of the actors affiliated with it,
    /// transitively (for `~`).
    pub families: Vec<Vec<u32>>,
    /// Lower-cased name or alias → actor positions.
    pub actor_lookup: HashMap<String, Vec<u32>>,
    pub analysts: Interner,
    pub topics: Interner,
    pub categories: Interner,
    pub contexts: Interner,
    pub strengths: Interner,
    pub polarities: Interner,
    pub intensities: Interner,
    pub attributions: Interner,
    pub cameos: Interner,
    pub sources: Interner,
    /// Codebook label (lower-cased) → key, per field, so that `strength:Certain` finds
    /// the key `certain`.
    pub labels: HashMap<(Field, String), String>,
    /// Commitment category key → its CAMEO code in the codebook.
    category_cameos: HashMap<String, String>,
}

/// Status numbers as the grammar writes them.
pub const STATUSES: [&str; 3] = ["todo", "in-progress", "done"];

impl Index {
    pub fn build(project: &Project) -> Index {
        let mut ix = Index::default();
        let position: HashMap<Id, u32> = project
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i as u32))
            .collect();
        ix.actor_names = project.actors.iter().map(|a| a.name.clone()).collect();
        ix.actor_ids = project.actors.iter().map(|a| a.id).collect();
        for (i, actor) in project.actors.iter().enumerate() {
            for name in actor.names() {
                let entry = ix
                    .actor_lookup
                    .entry(name.trim().to_lowercase())
                    .or_default();
                if !entry.contains(&(i as u32)) {
                    entry.push(i as u32);
                }
            }
        }
        ix.families = families(project, &position);
        labels(project, &mut ix.labels);
        ix.category_cameos = project
            .codebook
            .commitment_categories
            .iter()
            .filter_map(|e| Some((e.key.clone(), e.cameo.clone()?)))
            .collect();

        let mut order: Vec<&Document> = project.documents.iter().collect();
        order.sort_by_key(|d| (d.meta.date.is_none(), d.meta.date, d.id));
        let mut rows = Vec::new();
        let mut haystacks = Vec::new();
        for doc in order {
            let source = ix.sources.intern(&doc.meta.source);
            ix.docs.push(DocRow {
                id: doc.id,
                date: doc.meta.date,
                source,
                title: doc.meta.title.clone(),
            });
            let at = (ix.docs.len() - 1) as u32;
            let first = rows.len();
            ix.add_document(doc, at, &position, &mut rows, &mut haystacks);
            // In the document, by offset; ties by analyst and id for a stable order.
            let mut both: Vec<(Row, String)> =
                rows.drain(first..).zip(haystacks.drain(first..)).collect();
            both.sort_by_key(|(r, _)| (r.start, r.end, r.analyst, r.kind, r.id));
            for (r, h) in both {
                rows.push(r);
                haystacks.push(h);
            }
        }
        ix.rows = rows;
        ix.haystacks = haystacks;
        checks::mark(project, &mut ix);
        ix
    }

    fn list(&mut self, items: impl IntoIterator<Item = u32>) -> (u32, u32) {
        let start = self.lists.len() as u32;
        self.lists.extend(items);
        (start, self.lists.len() as u32)
    }

    pub fn slice(&self, range: (u32, u32)) -> &[u32] {
        &self.lists[range.0 as usize..range.1 as usize]
    }

    fn add_document(
        &mut self,
        doc: &Document,
        at: u32,
        position: &HashMap<Id, u32>,
        rows: &mut Vec<Row>,
        haystacks: &mut Vec<String>,
    ) {
        let actor = |id: Option<Id>| id.and_then(|a| position.get(&a).copied()).unwrap_or(NONE);
        let statements: HashMap<Id, &Statement> =
            doc.statements.iter().map(|s| (s.id, s)).collect();
        let spans: HashMap<Id, &Span> = doc
            .mentions
            .iter()
            .map(|m| (m.id, &m.span))
            .chain(doc.statements.iter().map(|s| (s.id, &s.span)))
            .chain(doc.tags.iter().map(|t| (t.id, &t.span)))
            .collect();
        let blank = |ix: &mut Index, kind, id, analyst: &str| {
            let analyst = ix.analysts.intern(analyst);
            let status = match doc.meta.status_of(&ix.analysts.names[analyst as usize]) {
                crate::model::DocStatus::Todo => 0,
                crate::model::DocStatus::InProgress => 1,
                crate::model::DocStatus::Done => 2,
            };
            Row {
                doc: at,
                id,
                kind,
                analyst,
                start: 0,
                end: 0,
                mentioned: NONE,
                speaker: NONE,
                committer: NONE,
                holder: NONE,
                target_actor: NONE,
                topic: NONE,
                addressees: (0, 0),
                actors: (0, 0),
                category: NONE,
                context: NONE,
                strength: NONE,
                polarity: NONE,
                intensity: NONE,
                conditions: NONE,
                attribution: NONE,
                cameo: NONE,
                status,
                checks: 0,
            }
        };
        let place = |row: &mut Row, span: &Span| {
            row.start = span.ranges.first().map_or(0, |r| r.start) as u32;
            row.end = span.ranges.last().map_or(0, |r| r.end) as u32;
        };
        let mut push = |ix: &mut Index, mut row: Row, span: Option<&Span>, extra: &[&str]| {
            let mut hay = String::new();
            if let Some(span) = span {
                place(&mut row, span);
                for r in &span.ranges {
                    hay.push_str(&r.text.to_lowercase());
                    hay.push('\n');
                }
            }
            for e in extra.iter().filter(|e| !e.is_empty()) {
                hay.push_str(&e.to_lowercase());
                hay.push('\n');
            }
            let named = [
                row.mentioned,
                row.speaker,
                row.committer,
                row.holder,
                row.target_actor,
            ];
            let mut actors: Vec<u32> = named
                .into_iter()
                .chain(ix.slice(row.addressees).iter().copied())
                .filter(|a| *a != NONE)
                .collect();
            actors.sort_unstable();
            actors.dedup();
            row.actors = ix.list(actors);
            rows.push(row);
            haystacks.push(hay);
        };
        for m in &doc.mentions {
            let mut row = blank(self, AnnotationKind::Mention, m.id, &m.stamp.annotator);
            row.mentioned = actor(Some(m.actor));
            push(self, row, Some(&m.span), &[&m.note]);
        }
        for s in &doc.statements {
            let mut row = blank(self, AnnotationKind::Statement, s.id, &s.stamp.annotator);
            row.speaker = actor(s.speaker);
            row.attribution = self.attributions.intern(&s.attribution);
            push(self, row, Some(&s.span), &[&s.note]);
        }
        for c in &doc.commitments {
            let mut row = blank(self, AnnotationKind::Commitment, c.id, &c.stamp.annotator);
            let statement = statements.get(&c.statement);
            row.speaker = actor(statement.and_then(|s| s.speaker));
            if let Some(s) = statement {
                row.attribution = self.attributions.intern(&s.attribution);
            }
            row.committer = actor(c.committer);
            let addressees: Vec<u32> = c
                .addressees
                .iter()
                .filter_map(|a| position.get(a).copied())
                .collect();
            row.addressees = self.list(addressees);
            row.category = self.categories.intern(&c.category);
            row.context = self.contexts.intern(&c.context);
            row.strength = self.strengths.intern(&c.strength);
            row.conditions = u32::from(!c.conditions.trim().is_empty());
            // The commitment's own code, else its category's (the code is only given
            // where it is more specific than the category's).
            let code = c
                .cameo
                .clone()
                .filter(|c| !c.is_empty())
                .or_else(|| self.category_cameos.get(&c.category).cloned());
            if let Some(code) = code {
                row.cameo = self.cameos.intern(&code);
            }
            let span = statement.map(|s| &s.span);
            push(self, row, span, &[&c.action, &c.conditions, &c.note]);
        }
        for s in &doc.stances {
            let mut row = blank(self, AnnotationKind::Stance, s.id, &s.stamp.annotator);
            let statement = statements.get(&s.statement);
            row.speaker = actor(statement.and_then(|s| s.speaker));
            if let Some(st) = statement {
                row.attribution = self.attributions.intern(&st.attribution);
            }
            row.holder = actor(s.holder);
            match &s.target {
                Some(StanceTarget::Actor(a)) => row.target_actor = actor(Some(*a)),
                Some(StanceTarget::Topic(t)) => row.topic = self.topics.intern(t),
                None => {}
            }
            row.polarity = self.polarities.intern(&s.polarity);
            row.intensity = self.intensities.intern(&s.intensity);
            if let Some(code) = s.cameo.as_deref().filter(|c| !c.is_empty()) {
                row.cameo = self.cameos.intern(code);
            }
            let span = statement.map(|s| &s.span);
            push(self, row, span, &[&s.note]);
        }
        for t in &doc.tags {
            let mut row = blank(self, AnnotationKind::Tag, t.id, &t.stamp.annotator);
            row.category = self.categories.intern(&t.category);
            push(self, row, Some(&t.span), &[&t.note]);
        }
        for l in &doc.links {
            let row = blank(self, AnnotationKind::Link, l.id, &l.stamp.annotator);
            push(self, row, spans.get(&l.from).copied(), &[&l.label, &l.note]);
        }
    }

    /// The actor positions a name or alias stands for (case-insensitive), with their
    /// people and bodies when `family`.
    pub fn actors_named(&self, name: &str, family: bool) -> Vec<u32> {
        let name = name.trim();
        let mut found: Vec<u32> = self
            .actor_lookup
            .get(&name.to_lowercase())
            .cloned()
            .unwrap_or_default();
        // `#12` names an actor by id.
        if found.is_empty()
            && let Some(n) = name.strip_prefix('#').and_then(|n| n.parse::<u64>().ok())
        {
            found.extend(
                self.actor_ids
                    .iter()
                    .position(|id| id.0 == n)
                    .map(|i| i as u32),
            );
        }
        if family {
            let mut all: Vec<u32> = found
                .iter()
                .flat_map(|a| self.families[*a as usize].iter().copied())
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        } else {
            found
        }
    }

    /// The interned table of a codebook or string field.
    pub fn interner(&self, field: Field) -> Option<&Interner> {
        Some(match field {
            Field::Analyst => &self.analysts,
            Field::Topic => &self.topics,
            Field::Category => &self.categories,
            Field::Context => &self.contexts,
            Field::Strength => &self.strengths,
            Field::Polarity => &self.polarities,
            Field::Intensity => &self.intensities,
            Field::Attribution => &self.attributions,
            Field::Cameo => &self.cameos,
            Field::Source => &self.sources,
            _ => return None,
        })
    }

    /// The value of a single-valued field of a row (`NONE` when it has none).
    pub fn single(&self, row: &Row, field: Field) -> u32 {
        match field {
            Field::Kind => row.kind as u32,
            Field::Speaker => row.speaker,
            Field::Committer => row.committer,
            Field::Holder => row.holder,
            Field::Topic => row.topic,
            Field::Category => row.category,
            Field::Context => row.context,
            Field::Strength => row.strength,
            Field::Polarity => row.polarity,
            Field::Intensity => row.intensity,
            Field::Conditions => row.conditions,
            Field::Attribution => row.attribution,
            Field::Cameo => row.cameo,
            Field::Source => self.docs[row.doc as usize].source,
            Field::Document => row.doc,
            Field::Status => row.status,
            Field::Analyst => row.analyst,
            _ => NONE,
        }
    }

    /// Every value of `field` on a row, pushed to `out` (cleared first).
    pub fn values(&self, row: &Row, field: Field, out: &mut Vec<u32>) {
        out.clear();
        match field {
            Field::Addressee => out.extend_from_slice(self.slice(row.addressees)),
            Field::Actor => out.extend_from_slice(self.slice(row.actors)),
            Field::Target => {
                if row.target_actor != NONE {
                    out.push(row.target_actor);
                }
            }
            Field::Check => out.extend((0..32).filter(|b| row.checks & (1 << b) != 0)),
            _ => {
                let v = self.single(row, field);
                if v != NONE {
                    out.push(v);
                }
            }
        }
    }

    /// How a value of `field` reads in a list and in a query chip.
    pub fn value_text(&self, field: Field, value: u32) -> String {
        if value == NONE {
            return "(none)".to_owned();
        }
        if field.is_actor() {
            return self.actor_names[value as usize].clone();
        }
        match field {
            Field::Kind => KIND_NAMES[value as usize].to_owned(),
            Field::Conditions => ["absent", "present"][value as usize].to_owned(),
            Field::Status => STATUSES[value as usize].to_owned(),
            Field::Document => self.docs[value as usize].id.0.to_string(),
            Field::Check => checks::Check::NAMES[value as usize].to_owned(),
            _ => self
                .interner(field)
                .map(|i| i.names[value as usize].clone())
                .unwrap_or_default(),
        }
    }
}

/// Kind names by `AnnotationKind as u32`.
pub const KIND_NAMES: [&str; 6] = [
    "mention",
    "statement",
    "commitment",
    "stance",
    "tag",
    "link",
];

/// For each actor, itself and every actor whose affiliation chain reaches it.
fn families(project: &Project, position: &HashMap<Id, u32>) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = (0..project.actors.len() as u32).map(|i| vec![i]).collect();
    for (i, actor) in project.actors.iter().enumerate() {
        let mut seen = vec![i as u32];
        let mut next = actor.affiliation;
        // The chain is followed until it ends or loops (a hand-edited cycle).
        while let Some(parent) = next.and_then(|p| position.get(&p).copied()) {
            if seen.contains(&parent) {
                break;
            }
            seen.push(parent);
            out[parent as usize].push(i as u32);
            next = project.actors[parent as usize].affiliation;
        }
    }
    for f in &mut out {
        f.sort_unstable();
    }
    out
}

fn labels(project: &Project, out: &mut HashMap<(Field, String), String>) {
    use crate::model::CodebookList as L;
    let lists = [
        (Field::Category, L::CommitmentCategories),
        (Field::Category, L::TagCategories),
        (Field::Context, L::Contexts),
        (Field::Strength, L::Strengths),
        (Field::Polarity, L::Polarities),
        (Field::Intensity, L::Intensities),
        (Field::Attribution, L::AttributionModes),
        (Field::Topic, L::Topics),
        (Field::Target, L::Topics),
    ];
    for (field, list) in lists {
        for entry in project.codebook.list(list) {
            out.entry((field, entry.label.to_lowercase()))
                .or_insert_with(|| entry.key.clone());
        }
    }
}
