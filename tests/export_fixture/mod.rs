//! A small, realistic project for the export tests: accents, CJK names, curly quotes,
//! emoji (astral characters), a discontinuous statement, overlapping spans, notes with
//! line breaks, cells a spreadsheet would run as formulas, and `<script>` in an article.
//! Every stamp and date is fixed so that golden files stay stable.

#![allow(dead_code)] // each test file uses part of it

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use demarche::model::*;
use std::collections::BTreeMap;

pub fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 9, 30, 0)
        .single()
        .unwrap()
}

pub fn stamp() -> Stamp {
    Stamp {
        annotator: "Ana Pérez".into(),
        created: at(),
        modified: at(),
    }
}

pub const ARTICLE: &str = "BEIJING — State Councilor Wang Yi (王毅) said on Tuesday that China \u{201c}will work with Latin America\u{201d} to deepen cooperation 🇨🇳🤝.\n\
He added that Beijing was ready to support CELAC\u{2019}s integration, provided that partners respect non-interference.\n\
=SUM(A1) is not a formula here; -5% growth was cited by México\u{2019}s ministry.\n\
<script>alert('x')</script> appeared in the wire copy & was removed.\n";

pub const ARTICLE_ZH: &str = "新华社北京电 习近平会见墨西哥总统，双方同意加强合作。\n墨西哥方面表示“愿意”共同推进拉共体建设。\n";

pub fn span(doc: &Document, needle: &str) -> Span {
    let byte = doc.text().find(needle).unwrap();
    let start = doc.index().char_of(byte).unwrap();
    let end = start + needle.chars().count();
    Span::from_range(doc.text(), doc.index(), start, end).unwrap()
}

fn span2(doc: &Document, a: &str, b: &str) -> Span {
    let (x, y) = (span(doc, a), span(doc, b));
    Span::from_ranges(
        doc.text(),
        doc.index(),
        [(x.start(), x.end()), (y.start(), y.end())],
    )
    .unwrap()
}

fn origin() -> Origin {
    Origin {
        path: Some("/home/ana/wire/xinhua-2026-03-14.txt".into()),
        format: "text".into(),
        encoding: "UTF-8".into(),
        line_endings: LineEndings::CrLf,
        file_fingerprint: None,
        imported: at(),
    }
}

pub fn project() -> Project {
    let mut p = Project::new("CELAC–China forum 2026");
    p.meta.created = at();
    p.meta.description = "Pilot coding of the ministerial forum".into();
    let mut wang = Actor::new(Id(1), "Wang Yi", "person");
    wang.aliases = vec!["王毅".into()];
    wang.wikidata = Some("Q22101".into());
    wang.affiliation = Some(Id(2));
    wang.role = "Minister of Foreign Affairs".into();
    let mut china = Actor::new(Id(2), "China", "state");
    china.iso3 = Some("CHN".into());
    china.cameo = Some("CHN".into());
    let mut celac = Actor::new(Id(3), "CELAC", "regional_group");
    celac.note = "Comunidad de Estados Latinoamericanos y Caribeños".into();
    let mut mexico = Actor::new(Id(4), "México", "state");
    mexico.iso3 = Some("MEX".into());
    mexico.aliases = vec!["Mexico".into(), "墨西哥".into()];
    p.actors = vec![wang, china, celac, mexico];

    let meta = DocumentMeta {
        title: "Wang Yi meets CELAC envoys — “a new chapter”".into(),
        source: "Xinhua".into(),
        date: NaiveDate::from_ymd_opt(2026, 3, 14),
        byline: "Staff reporter".into(),
        url: "https://example.org/xinhua/2026/03/14/wang-celac".into(),
        language: "en".into(),
        progress: [("ana".to_owned(), DocStatus::InProgress)].into(),
        custom: BTreeMap::from([("desk".into(), "=Latin America".into())]),
        note: "Check the Spanish version.".into(),
        ..DocumentMeta::default()
    };
    let mut d = Document::new(Id(10), meta, origin(), ARTICLE.into());
    let s = stamp();
    let mention = |d: &Document, id: u64, needle: &str, actor: u64, note: &str| Mention {
        id: Id(id),
        span: span(d, needle),
        actor: Id(actor),
        stamp: s.clone(),
        note: note.into(),
    };
    d.mentions = vec![
        mention(&d, 11, "Wang Yi", 1, ""),
        mention(&d, 12, "王毅", 1, "Chinese name in brackets"),
        mention(&d, 13, "China", 2, ""),
        mention(&d, 14, "He", 1, "anaphor"),
        mention(&d, 15, "CELAC", 3, ""),
        mention(&d, 16, "México", 4, ""),
    ];
    d.statements = vec![
        Statement {
            id: Id(20),
            span: span(
                &d,
                "China \u{201c}will work with Latin America\u{201d} to deepen cooperation 🇨🇳🤝",
            ),
            speaker: Some(Id(1)),
            attribution: "reported".into(),
            cue: Some(span(&d, "said")),
            stamp: s.clone(),
            note: String::new(),
        },
        Statement {
            id: Id(21),
            span: span2(
                &d,
                "Beijing was ready to support CELAC\u{2019}s integration",
                "provided that partners respect non-interference",
            ),
            speaker: Some(Id(1)),
            attribution: "reported".into(),
            cue: Some(span(&d, "added")),
            stamp: s.clone(),
            note: "Conditional offer".into(),
        },
    ];
    d.commitments = vec![
        Commitment {
            id: Id(30),
            statement: Id(20),
            committer: Some(Id(2)),
            addressees: vec![Id(3)],
            action: "work with Latin America".into(),
            category: "COOPERATE".into(),
            cameo: Some("036".into()),
            context: "diplomatic".into(),
            strength: "certain".into(),
            conditions: String::new(),
            time_horizon: "unspecified".into(),
            stamp: s.clone(),
            note: "Headline commitment\nrepeated in the communiqué".into(),
        },
        Commitment {
            id: Id(31),
            statement: Id(21),
            committer: Some(Id(2)),
            addressees: vec![Id(3), Id(4)],
            action: "support CELAC’s integration".into(),
            category: "SUPPORT".into(),
            cameo: None,
            context: "political".into(),
            strength: "possible".into(),
            conditions: "partners respect non-interference".into(),
            time_horizon: "medium_term".into(),
            stamp: s.clone(),
            note: String::new(),
        },
    ];
    d.stances = vec![
        Stance {
            id: Id(40),
            statement: Id(21),
            holder: Some(Id(2)),
            target: Some(StanceTarget::Topic("sovereignty".into())),
            polarity: "favor".into(),
            intensity: "high".into(),
            cameo: Some("051".into()),
            stamp: s.clone(),
            note: "@see editorial".into(),
        },
        Stance {
            id: Id(41),
            statement: Id(20),
            holder: Some(Id(1)),
            target: Some(StanceTarget::Actor(Id(3))),
            polarity: "favor".into(),
            intensity: "moderate".into(),
            cameo: None,
            stamp: s.clone(),
            note: String::new(),
        },
    ];
    d.tags = vec![
        Tag {
            id: Id(50),
            span: span(&d, "=SUM(A1) is not a formula here; -5% growth"),
            category: "key_passage".into(),
            attributes: BTreeMap::from([
                ("source".into(), "wire copy".into()),
                ("=risk".into(), "-5%".into()),
            ]),
            stamp: s.clone(),
            note: "+check figures".into(),
        },
        Tag {
            id: Id(51),
            span: span(&d, "<script>alert('x')</script>"),
            category: "to_review".into(),
            attributes: BTreeMap::new(),
            stamp: s.clone(),
            note: "<b>markup</b> in the wire".into(),
        },
    ];
    d.links = vec![
        Link {
            id: Id(60),
            from: Id(30),
            to: Id(40),
            label: "answers".into(),
            stamp: s.clone(),
            note: "same forum".into(),
        },
        Link {
            id: Id(61),
            from: Id(50),
            to: Id(21),
            label: "refers_to".into(),
            stamp: s.clone(),
            note: String::new(),
        },
    ];

    let meta2 = DocumentMeta {
        title: "习近平会见墨西哥总统".into(),
        source: "新华社".into(),
        language: "zh-Hans".into(),
        ..DocumentMeta::default()
    };
    let mut d2 = Document::new(Id(70), meta2, origin(), ARTICLE_ZH.into());
    d2.mentions = vec![Mention {
        id: Id(71),
        span: span(&d2, "墨西哥"),
        actor: Id(4),
        stamp: s.clone(),
        note: String::new(),
    }];
    d2.statements = vec![Statement {
        id: Id(72),
        span: span(&d2, "双方同意加强合作"),
        speaker: None,
        attribution: "narration".into(),
        cue: None,
        stamp: s.clone(),
        note: String::new(),
    }];
    let d3 = Document::new(
        Id(80),
        DocumentMeta {
            title: "Empty wire item".into(),
            ..DocumentMeta::default()
        },
        origin(),
        "No codable content.\n".into(),
    );
    p.documents = vec![d, d2, d3];
    p.sort_all();
    p
}
