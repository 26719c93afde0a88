//! Units of agreement: each analyst's annotations of one layer of one document, reduced to
//! what agreement compares — where they lie (code-point ranges), their category for α_U
//! and their attribute values.

use crate::model::{Codebook, CodebookList, Document, Id, StanceTarget, Statement, ids};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The layers agreement is computed on (links have no extent of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Mentions,
    Statements,
    Commitments,
    Stances,
    Tags,
}

impl Layer {
    pub const ALL: [Layer; 5] = [
        Layer::Mentions,
        Layer::Statements,
        Layer::Commitments,
        Layer::Stances,
        Layer::Tags,
    ];

    /// The word used on the command line and in JSON/CSV ("mentions", …).
    pub fn key(self) -> &'static str {
        match self {
            Layer::Mentions => "mentions",
            Layer::Statements => "statements",
            Layer::Commitments => "commitments",
            Layer::Stances => "stances",
            Layer::Tags => "tags",
        }
    }

    /// The layer named `key` (singular or plural, any case).
    pub fn from_key(key: &str) -> Option<Layer> {
        let key = key.trim().to_lowercase();
        Layer::ALL
            .into_iter()
            .find(|l| l.key() == key || l.key().strip_suffix('s') == Some(key.as_str()))
    }

    /// What the category of a unit is for α_U on this layer.
    pub fn category_name(self) -> &'static str {
        match self {
            Layer::Mentions => "actor",
            // Statements have no kind field: their attribution mode (direct, reported,
            // narration) is the closest thing to one and is what they are coded with.
            Layer::Statements => "attribution",
            Layer::Commitments => "category",
            Layer::Stances => "target",
            Layer::Tags => "category",
        }
    }
}

/// An attribute compared between matched units.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Attribute {
    /// A mention's actor.
    Actor,
    Speaker,
    Attribution,
    Committer,
    /// A commitment's addressees, compared as a set.
    Addressees,
    /// A commitment's or a tag's category.
    Category,
    Context,
    Strength,
    TimeHorizon,
    Holder,
    Target,
    Polarity,
    Intensity,
    /// One of a tag's free attributes, by name.
    TagAttribute(String),
}

/// How values of an attribute are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    Nominal,
    /// Ranked by the codebook list named here.
    Ordinal(CodebookList),
}

impl Attribute {
    /// The name used in tables, JSON and CSV ("strength", "tag:source").
    pub fn name(&self) -> String {
        match self {
            Attribute::Actor => "actor".into(),
            Attribute::Speaker => "speaker".into(),
            Attribute::Attribution => "attribution".into(),
            Attribute::Committer => "committer".into(),
            Attribute::Addressees => "addressees".into(),
            Attribute::Category => "category".into(),
            Attribute::Context => "context".into(),
            Attribute::Strength => "strength".into(),
            Attribute::TimeHorizon => "time horizon".into(),
            Attribute::Holder => "holder".into(),
            Attribute::Target => "target".into(),
            Attribute::Polarity => "polarity".into(),
            Attribute::Intensity => "intensity".into(),
            Attribute::TagAttribute(key) => format!("tag:{key}"),
        }
    }

    pub fn scale(&self) -> Scale {
        match self {
            Attribute::Strength => Scale::Ordinal(CodebookList::Strengths),
            Attribute::Intensity => Scale::Ordinal(CodebookList::Intensities),
            _ => Scale::Nominal,
        }
    }
}

/// A value an analyst gave an attribute. Leaving an optional field empty is a value of
/// its own (`Missing`): one analyst naming a speaker where the other named none is a
/// disagreement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Value {
    Missing,
    /// A registry actor: two analysts agree when they chose the same registry entry.
    Actor(Id),
    /// Several registry actors, sorted and without repeats.
    Actors(Vec<Id>),
    /// A codebook key or a free value.
    Key(String),
    /// A stance topic (a codebook key), kept apart from actors and other keys.
    Topic(String),
    /// An actor the suggestion rules would add to the registry, by name.
    NewActor(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Missing => f.write_str("(none)"),
            Value::Actor(id) => write!(f, "{id}"),
            Value::Actors(ids) => {
                let list: Vec<String> = ids.iter().map(ToString::to_string).collect();
                write!(f, "[{}]", list.join(", "))
            }
            Value::Key(key) => f.write_str(key),
            Value::Topic(key) => write!(f, "topic:{key}"),
            Value::NewActor(name) => write!(f, "new actor {name}"),
        }
    }
}

/// One analyst's annotation of one layer, as agreement sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The annotation's id in the document.
    pub id: Id,
    pub analyst: Arc<str>,
    pub layer: Layer,
    /// Half-open code-point ranges, in text order and not overlapping. Commitments and
    /// stances take their statement's ranges.
    pub ranges: Vec<(usize, usize)>,
    /// The category for α_U (see [`Layer::category_name`]).
    pub category: Value,
    /// Every compared attribute of the layer, in [`Attribute`] order.
    pub attributes: Vec<(Attribute, Value)>,
}

impl Unit {
    pub fn start(&self) -> usize {
        self.ranges.first().map_or(0, |r| r.0)
    }

    pub fn end(&self) -> usize {
        self.ranges.last().map_or(0, |r| r.1)
    }

    /// How many code points the unit covers.
    pub fn len(&self) -> usize {
        self.ranges.iter().map(|(s, e)| e - s).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many code points this unit and `other` both cover.
    pub fn overlap(&self, other: &Unit) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < self.ranges.len() && j < other.ranges.len() {
            let (a, b) = (self.ranges[i], other.ranges[j]);
            shared += a.1.min(b.1).saturating_sub(a.0.max(b.0));
            if a.1 <= b.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        shared
    }

    /// The value of `attribute`, if this layer has it.
    pub fn value(&self, attribute: &Attribute) -> Option<&Value> {
        self.attributes
            .iter()
            .find(|(a, _)| a == attribute)
            .map(|(_, v)| v)
    }
}

fn actor(id: Option<Id>) -> Value {
    id.map_or(Value::Missing, Value::Actor)
}

fn key(key: &str) -> Value {
    Value::Key(key.to_owned())
}

fn target(target: &Option<StanceTarget>) -> Value {
    match target {
        None => Value::Missing,
        Some(StanceTarget::Actor(id)) => Value::Actor(*id),
        Some(StanceTarget::Topic(topic)) => Value::Topic(topic.clone()),
    }
}

fn ranges_of(span: &crate::model::Span) -> Vec<(usize, usize)> {
    span.ranges.iter().map(|r| (r.start, r.end)).collect()
}

/// Interns analyst names so that the units of one analyst share one allocation.
#[derive(Default)]
struct Names(BTreeMap<String, Arc<str>>);

impl Names {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(name) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(name);
        self.0.insert(name.to_owned(), shared.clone());
        shared
    }
}

/// Every analyst's units of `layer` on `doc`, sorted by analyst, then position, then id.
/// A commitment or stance whose statement is not in the document (a hand-edited file)
/// has no extent and is left out.
pub fn extract(doc: &Document, layer: Layer) -> Vec<Unit> {
    let mut names = Names::default();
    let mut out: Vec<Unit> = match layer {
        Layer::Mentions => doc
            .mentions
            .iter()
            .map(|m| Unit {
                id: m.id,
                analyst: names.get(&m.stamp.annotator),
                layer,
                ranges: ranges_of(&m.span),
                category: Value::Actor(m.actor),
                attributes: vec![(Attribute::Actor, Value::Actor(m.actor))],
            })
            .collect(),
        Layer::Statements => doc
            .statements
            .iter()
            .map(|s| Unit {
                id: s.id,
                analyst: names.get(&s.stamp.annotator),
                layer,
                ranges: ranges_of(&s.span),
                category: key(&s.attribution),
                attributes: vec![
                    (Attribute::Speaker, actor(s.speaker)),
                    (Attribute::Attribution, key(&s.attribution)),
                ],
            })
            .collect(),
        Layer::Commitments => doc
            .commitments
            .iter()
            .filter_map(|c| {
                let statement: &Statement = ids::find(&doc.statements, c.statement)?;
                let mut addressees = c.addressees.clone();
                addressees.sort();
                addressees.dedup();
                Some(Unit {
                    id: c.id,
                    analyst: names.get(&c.stamp.annotator),
                    layer,
                    ranges: ranges_of(&statement.span),
                    category: key(&c.category),
                    attributes: vec![
                        (Attribute::Committer, actor(c.committer)),
                        (Attribute::Addressees, Value::Actors(addressees)),
                        (Attribute::Category, key(&c.category)),
                        (Attribute::Context, key(&c.context)),
                        (Attribute::Strength, key(&c.strength)),
                        (Attribute::TimeHorizon, key(&c.time_horizon)),
                    ],
                })
            })
            .collect(),
        Layer::Stances => doc
            .stances
            .iter()
            .filter_map(|s| {
                let statement: &Statement = ids::find(&doc.statements, s.statement)?;
                Some(Unit {
                    id: s.id,
                    analyst: names.get(&s.stamp.annotator),
                    layer,
                    ranges: ranges_of(&statement.span),
                    category: target(&s.target),
                    attributes: vec![
                        (Attribute::Holder, actor(s.holder)),
                        (Attribute::Target, target(&s.target)),
                        (Attribute::Polarity, key(&s.polarity)),
                        (Attribute::Intensity, key(&s.intensity)),
                    ],
                })
            })
            .collect(),
        Layer::Tags => doc
            .tags
            .iter()
            .map(|t| {
                let mut attributes = vec![(Attribute::Category, key(&t.category))];
                attributes.extend(
                    t.attributes
                        .iter()
                        .map(|(k, v)| (Attribute::TagAttribute(k.clone()), key(v))),
                );
                Unit {
                    id: t.id,
                    analyst: names.get(&t.stamp.annotator),
                    layer,
                    ranges: ranges_of(&t.span),
                    category: key(&t.category),
                    attributes,
                }
            })
            .collect(),
    };
    sort_units(&mut out);
    out
}

/// `analyst`'s units of `layer` on `doc`, by position.
pub fn extract_for(doc: &Document, layer: Layer, analyst: &str) -> Vec<Unit> {
    let mut all = extract(doc, layer);
    all.retain(|u| &*u.analyst == analyst);
    all
}

/// Sorts units as [`extract`] returns them: by analyst, then position, then id.
pub fn sort_units(units: &mut [Unit]) {
    units.sort_by(|a, b| {
        (&a.analyst, a.start(), a.end(), a.id).cmp(&(&b.analyst, b.start(), b.end(), b.id))
    });
}

/// The ranks of an ordinal list's keys, lowest first. The codebook's lists are in the order
/// the window offers them, whose first entry is the default for new annotations: strengths
/// are listed from certain down to uncommitted (a rank order), but the default intensities
/// list "moderate" first, so their known keys are ranked low < moderate < high and any
/// other key keeps its list order after them.
pub fn ordinal_ranks(codebook: &Codebook, list: CodebookList) -> Vec<String> {
    let keys: Vec<String> = codebook.list(list).iter().map(|e| e.key.clone()).collect();
    if list != CodebookList::Intensities {
        return keys;
    }
    let known = ["low", "moderate", "high"];
    let mut ranked: Vec<String> = known
        .iter()
        .filter(|k| keys.iter().any(|key| key == *k))
        .map(|k| (*k).to_owned())
        .collect();
    ranked.extend(keys.into_iter().filter(|k| !known.contains(&k.as_str())));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Commitment, DocumentMeta, Mention, Origin, Span, Stamp, Stance, StanceTarget, Tag,
    };

    pub(crate) fn doc(text: &str) -> Document {
        let origin = Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: Default::default(),
            file_fingerprint: None,
            imported: chrono::Utc::now(),
        };
        Document::new(Id(1), DocumentMeta::default(), origin, text.into())
    }

    fn span(doc: &Document, start: usize, end: usize) -> Span {
        Span::from_range(doc.text(), doc.index(), start, end).expect("span inside the text")
    }

    #[test]
    fn commitments_and_stances_take_their_statements_extent() {
        let mut d = doc("Wang said China will work with Brazil on trade.");
        let statement = Statement {
            id: Id(10),
            span: span(&d, 10, 47),
            speaker: Some(Id(2)),
            attribution: "direct".into(),
            cue: None,
            stamp: Stamp::now("alice"),
            note: String::new(),
        };
        d.statements.push(statement);
        d.commitments.push(Commitment {
            id: Id(11),
            statement: Id(10),
            committer: Some(Id(3)),
            addressees: vec![Id(5), Id(4), Id(5)],
            action: "work with Brazil".into(),
            category: "SUPPORT".into(),
            cameo: None,
            context: "bilateral".into(),
            strength: "certain".into(),
            conditions: String::new(),
            time_horizon: "unspecified".into(),
            stamp: Stamp::now("alice"),
            note: String::new(),
        });
        d.stances.push(Stance {
            id: Id(12),
            statement: Id(10),
            holder: None,
            target: Some(StanceTarget::Topic("trade".into())),
            polarity: "favor".into(),
            intensity: "high".into(),
            cameo: None,
            stamp: Stamp::now("alice"),
            note: String::new(),
        });
        let commitments = extract(&d, Layer::Commitments);
        assert_eq!(commitments.len(), 1);
        assert_eq!(commitments[0].ranges, [(10, 47)]);
        assert_eq!(commitments[0].category, Value::Key("SUPPORT".into()));
        assert_eq!(
            commitments[0].value(&Attribute::Addressees),
            Some(&Value::Actors(vec![Id(4), Id(5)]))
        );
        let stances = extract(&d, Layer::Stances);
        assert_eq!(stances[0].ranges, [(10, 47)]);
        assert_eq!(stances[0].category, Value::Topic("trade".into()));
        assert_eq!(stances[0].value(&Attribute::Holder), Some(&Value::Missing));
        let statements = extract(&d, Layer::Statements);
        assert_eq!(statements[0].category, Value::Key("direct".into()));
    }

    #[test]
    fn units_come_sorted_by_analyst_then_position_and_keep_tag_attributes() {
        let mut d = doc("Lima and Quito and Bogotá.");
        for (id, who, start, end) in [
            (20, "bob", 9, 14),
            (21, "alice", 9, 14),
            (22, "alice", 0, 4),
        ] {
            d.mentions.push(Mention {
                id: Id(id),
                span: span(&d, start, end),
                actor: Id(7),
                stamp: Stamp::now(who),
                note: String::new(),
            });
        }
        d.tags.push(Tag {
            id: Id(30),
            span: span(&d, 19, 25),
            category: "place".into(),
            attributes: [("source".to_owned(), "wire".to_owned())].into(),
            stamp: Stamp::now("bob"),
            note: String::new(),
        });
        let mentions = extract(&d, Layer::Mentions);
        let order: Vec<(&str, u64)> = mentions.iter().map(|u| (&*u.analyst, u.id.0)).collect();
        assert_eq!(order, [("alice", 22), ("alice", 21), ("bob", 20)]);
        assert_eq!(extract_for(&d, Layer::Mentions, "bob").len(), 1);
        let tags = extract(&d, Layer::Tags);
        assert_eq!(
            tags[0].value(&Attribute::TagAttribute("source".into())),
            Some(&Value::Key("wire".into()))
        );
        assert_eq!(tags[0].len(), 6, "code points, not bytes (Bogotá)");
    }

    #[test]
    fn overlap_counts_shared_code_points_across_discontinuous_ranges() {
        let unit = |ranges: Vec<(usize, usize)>| Unit {
            id: Id(1),
            analyst: Arc::from("a"),
            layer: Layer::Tags,
            ranges,
            category: Value::Missing,
            attributes: Vec::new(),
        };
        let a = unit(vec![(0, 10), (20, 30)]);
        let b = unit(vec![(5, 25)]);
        assert_eq!(a.overlap(&b), 10);
        assert_eq!(b.overlap(&a), 10);
        assert_eq!(a.overlap(&unit(vec![(10, 20)])), 0);
        assert_eq!(a.len(), 20);
    }

    #[test]
    fn layers_are_named_singular_or_plural() {
        assert_eq!(Layer::from_key("Commitment"), Some(Layer::Commitments));
        assert_eq!(Layer::from_key("tags"), Some(Layer::Tags));
        assert_eq!(Layer::from_key("links"), None);
    }

    #[test]
    fn intensities_rank_low_to_high_whatever_the_list_order() {
        let codebook = Codebook::default();
        assert_eq!(
            ordinal_ranks(&codebook, CodebookList::Intensities),
            ["low", "moderate", "high"]
        );
        assert_eq!(
            ordinal_ranks(&codebook, CodebookList::Strengths),
            ["certain", "probable", "possible", "uncommitted"]
        );
    }
}
