//! A generated corpus for the query tests, with every choice drawn from a fixed stream so
//! that the tests can count what it holds by walking the model themselves: 60 documents
//! (every tenth undated) from three sources, each coded by two analysts with statements,
//! mentions, commitments (committers, addressees, categories, strengths, conditions),
//! stances (actor and topic targets, polarities), and tags; affiliations China ← its
//! foreign ministry ← Wang Yi, and Peru ← Rosa Quispe.

use chrono::NaiveDate;
use demarche::model::{
    Actor, Commitment, Document, DocumentMeta, Id, LineEndings, Mention, Origin, Project, Span,
    Stamp, Stance, StanceTarget, Statement, Tag,
};

pub const CHINA: Id = Id(1);
pub const MFA: Id = Id(2);
pub const WANG: Id = Id(3);
pub const PERU: Id = Id(4);
pub const QUISPE: Id = Id(5);
pub const BRAZIL: Id = Id(6);
pub const CELAC: Id = Id(7);
pub const ANALYSTS: [&str; 2] = ["ana", "ben"];
pub const CATEGORIES: [&str; 4] = ["AGREE", "COOPERATE", "CONSULT", "SUPPORT"];
pub const STRENGTHS: [&str; 4] = ["certain", "probable", "possible", "uncommitted"];
pub const POLARITIES: [&str; 3] = ["favor", "against", "neutral"];
pub const TOPICS: [&str; 2] = ["trade", "climate"];
pub const SOURCES: [&str; 3] = ["Xinhua", "Reuters", "Andina"];
const WORDS: [&str; 4] = ["cooperation", "trade", "climate", "security"];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

pub fn date_of(d: u64) -> Option<NaiveDate> {
    (d % 10 != 9).then(|| {
        NaiveDate::from_ymd_opt(2019, 1, 1).expect("date") + chrono::Duration::days(d as i64 * 23)
    })
}

fn actors() -> Vec<Actor> {
    let mut china = Actor::new(CHINA, "China", "state");
    china.aliases.push("PRC".into());
    let mut mfa = Actor::new(
        MFA,
        "Ministry of Foreign Affairs of China",
        "government_body",
    );
    mfa.aliases.push("MFA".into());
    mfa.affiliation = Some(CHINA);
    let mut wang = Actor::new(WANG, "Wang Yi", "person");
    wang.affiliation = Some(MFA);
    let peru = Actor::new(PERU, "Peru", "state");
    let mut quispe = Actor::new(QUISPE, "Rosa Quispe", "person");
    quispe.affiliation = Some(PERU);
    let brazil = Actor::new(BRAZIL, "Brazil", "state");
    let celac = Actor::new(CELAC, "CELAC", "regional_group");
    vec![china, mfa, wang, peru, quispe, brazil, celac]
}

/// The generated project.
pub fn corpus() -> Project {
    let mut project = Project::new("query corpus");
    project.actors = actors();
    let names: Vec<(Id, String)> = project
        .actors
        .iter()
        .map(|a| (a.id, a.name.clone()))
        .collect();
    let mut rng = Rng(17);
    let mut next = 1000u64;
    let mut fresh = || {
        next += 1;
        Id(next)
    };
    for d in 0..60u64 {
        // Eight sentences, each naming one actor.
        let mut text = String::new();
        let mut sentences = Vec::new();
        for _ in 0..8 {
            let (actor, name) = names[rng.below(names.len() as u64) as usize].clone();
            let word = WORDS[rng.below(4) as usize];
            let start = text.chars().count();
            text.push_str(&format!("{name} said the {word} plan will go ahead. "));
            let end = text.chars().count() - 1;
            sentences.push((actor, start, start + name.chars().count(), end));
        }
        let origin = Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: LineEndings::Lf,
            file_fingerprint: None,
            imported: chrono::Utc::now(),
        };
        let meta = DocumentMeta {
            title: format!("Report {d}"),
            source: SOURCES[(d % 3) as usize].into(),
            date: date_of(d),
            ..DocumentMeta::default()
        };
        let mut doc = Document::new(Id(100 + d), meta, origin, text);
        for analyst in ANALYSTS {
            let stamp = Stamp::now(analyst);
            for &(actor, start, name_end, end) in &sentences {
                if rng.below(4) == 0 {
                    continue;
                }
                let span = |a, b| Span::from_range(doc.text(), doc.index(), a, b).expect("span");
                let (name_span, sentence) = (span(start, name_end), span(start, end));
                if rng.below(5) != 0 {
                    doc.mentions.push(Mention {
                        id: fresh(),
                        span: name_span,
                        actor,
                        stamp: stamp.clone(),
                        note: String::new(),
                    });
                }
                let statement = fresh();
                doc.statements.push(Statement {
                    id: statement,
                    span: sentence.clone(),
                    speaker: (rng.below(6) != 0).then_some(actor),
                    attribution: "reported".into(),
                    cue: None,
                    stamp: stamp.clone(),
                    note: String::new(),
                });
                let commitments = [0, 1, 1, 2][rng.below(4) as usize];
                for _ in 0..commitments {
                    let committer = match rng.below(5) {
                        0 => None,
                        _ => Some(names[rng.below(names.len() as u64) as usize].0),
                    };
                    let addressees = (0..rng.below(3))
                        .map(|_| names[rng.below(names.len() as u64) as usize].0)
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    doc.commitments.push(Commitment {
                        id: fresh(),
                        statement,
                        committer,
                        addressees,
                        action: if rng.below(3) == 0 {
                            "open ports".into()
                        } else {
                            String::new()
                        },
                        category: CATEGORIES[rng.below(4) as usize].into(),
                        cameo: None,
                        context: "economic".into(),
                        strength: STRENGTHS[rng.below(4) as usize].into(),
                        conditions: if rng.below(4) == 0 {
                            "if funds allow".into()
                        } else {
                            String::new()
                        },
                        time_horizon: "unspecified".into(),
                        stamp: stamp.clone(),
                        note: String::new(),
                    });
                }
                if rng.below(2) == 0 {
                    let target = match rng.below(5) {
                        0 => None,
                        1 | 2 => Some(StanceTarget::Topic(TOPICS[rng.below(2) as usize].into())),
                        _ => Some(StanceTarget::Actor(
                            names[rng.below(names.len() as u64) as usize].0,
                        )),
                    };
                    doc.stances.push(Stance {
                        id: fresh(),
                        statement,
                        holder: (rng.below(8) != 0)
                            .then(|| names[rng.below(names.len() as u64) as usize].0),
                        target,
                        polarity: POLARITIES[rng.below(3) as usize].into(),
                        intensity: "moderate".into(),
                        cameo: None,
                        stamp: stamp.clone(),
                        note: String::new(),
                    });
                }
                if rng.below(6) == 0 {
                    doc.tags.push(Tag {
                        id: fresh(),
                        span: sentence.clone(),
                        category: "key_passage".into(),
                        attributes: Default::default(),
                        stamp: stamp.clone(),
                        note: "worth quoting".into(),
                    });
                }
            }
        }
        doc.sort_annotations();
        project.documents.push(doc);
    }
    project
}

/// The actor and everyone affiliated with it, transitively, walking the registry.
pub fn family(project: &Project, root: Id) -> Vec<Id> {
    project
        .actors
        .iter()
        .filter(|a| {
            let mut at = Some(a.id);
            let mut steps = 0;
            while let Some(id) = at {
                if id == root {
                    return true;
                }
                at = project.actor(id).and_then(|x| x.affiliation);
                steps += 1;
                if steps > 20 {
                    return false;
                }
            }
            false
        })
        .map(|a| a.id)
        .collect()
}
