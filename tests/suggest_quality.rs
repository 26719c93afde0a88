//! Measured quality of the suggestion rules (issue 6) on the hand-coded gold set in
//! `tests/gold/`: precision and recall per kind, speaker / committer / strength / holder /
//! polarity agreement, per article and overall. The rules see only each article's text.
//!
//! `cargo test --release --test suite suggest_quality -- --nocapture` prints the tables; with
//! `DEMARCHE_GOLD_DETAIL=1` also every miss, extra and wrong speaker per article.

use crate::gold_support;

use demarche::suggest::{self, ActorRef, Detail, Gazetteer, NewActor, Suggestion, SuggestionKind};
use gold_support::*;

fn run_article(article: &GoldArticle) -> Scores {
    let (project, id) = bare_project(article);
    let doc = project.document(id).expect("just added");
    assert_eq!(
        doc.text(),
        article.text,
        "{}: the imported text differs from the gold text",
        article.file
    );
    let suggestions = suggest::suggest(&project, doc, Gazetteer::bundled());
    if std::env::var_os("DEMARCHE_GOLD_DETAIL").is_some() {
        println!("\n{}", article.file);
        for line in differences(article, &project, &suggestions) {
            println!("{line}");
        }
    }
    score(article, &project, &suggestions)
}

fn measure() -> (Vec<(String, Scores)>, Scores) {
    let articles = load_all();
    let mut total = Scores::default();
    let per: Vec<_> = articles
        .iter()
        .map(|a| {
            let s = run_article(a);
            total.add(&s);
            (a.file.clone(), s)
        })
        .collect();
    (per, total)
}

/// The gold set parses, is large enough, and its texts are what a document holds.
#[test]
fn gold_set_is_well_formed() {
    let articles = load_all();
    assert!(articles.len() >= 6, "only {} gold articles", articles.len());
    assert!(
        articles.iter().any(|a| a.crlf),
        "one article has CRLF endings"
    );
    for a in &articles {
        let words = a.words();
        assert!(
            (400..=900).contains(&words),
            "{}: {words} words, the guidelines ask for 400–900",
            a.file
        );
        assert!(!a.text.contains('\r'));
        assert!(
            !a.mentions.is_empty() && !a.statements.is_empty(),
            "{}",
            a.file
        );
        for m in &a.mentions {
            let slice = a.slice(m.start, m.end);
            assert!(
                !slice.starts_with(' ') && !slice.ends_with(' ') && !slice.is_empty(),
                "{}: mention “{slice}” has edge spaces",
                a.file
            );
        }
        for c in &a.commitments {
            let st = &a.statements[c.statement];
            assert!(st.start <= c.start && c.end <= st.end, "{}", a.file);
        }
        // The import keeps the text exactly: offsets in the gold file are document offsets.
        let (project, id) = bare_project(a);
        assert_eq!(
            project.document(id).expect("added").text(),
            a.text,
            "{}",
            a.file
        );
    }
}

#[test]
fn parser_gives_code_point_offsets_and_nested_annotations() {
    let source = "title: t\r\nactor: Wang Yi | person | | Wang\r\nactor: China | state | CHN | Chinese\r\n---\r\n\
        Café — ⟦S speaker=Wang Yi; attr=direct|“[China]{China} ⟦C committer=China; strength=certain; \
        action=help; addressees=China|will help⟧,” [王毅]{Wang Yi} ⟨said⟩.⟧\r\n";
    let a = parse("x.txt", source).expect("parses");
    assert!(a.crlf);
    assert_eq!(a.text, "Café — “China will help,” 王毅 said.\n");
    assert_eq!(a.raw_text, "Café — “China will help,” 王毅 said.\r\n");
    assert_eq!(a.mentions.len(), 2);
    assert_eq!((a.mentions[0].start, a.mentions[0].end), (8, 13));
    assert_eq!(a.slice(a.mentions[1].start, a.mentions[1].end), "王毅");
    let st = &a.statements[0];
    assert_eq!(a.slice(st.start, st.end), "“China will help,” 王毅 said.");
    assert_eq!(st.cue.map(|(s, e)| a.slice(s, e)), Some("said".to_string()));
    let c = &a.commitments[0];
    assert_eq!(a.slice(c.start, c.end), "will help");
    assert_eq!((c.statement, c.committer.as_str()), (0, "China"));
    assert_eq!(c.addressees, vec!["China".to_string()]);
}

#[test]
fn parser_rejects_unknown_actors_and_unbalanced_markup() {
    let head = "actor: China | state | CHN |\n---\n";
    assert!(parse("a", &format!("{head}[Chinа]{{Chna}} said")).is_err());
    assert!(parse("a", &format!("{head}⟦S speaker=China; attr=direct|x")).is_err());
    assert!(parse("a", &format!("{head}[China said")).is_err());
    assert!(
        parse(
            "a",
            &format!("{head}⟦C committer=China; strength=certain|x⟧")
        )
        .is_err()
    );
    assert!(parse("a", "no header line").is_err());
    let two = parse("a", &format!("{head}[both]{{China; China}}")).expect("parses");
    assert_eq!(two.mentions.len(), 2);
}

fn new_actor(name: &str, iso3: Option<&str>) -> ActorRef {
    ActorRef::New(NewActor {
        name: name.into(),
        kind: "state".into(),
        aliases: Vec::new(),
        iso3: iso3.map(String::from),
        cameo: None,
        role: String::new(),
        affiliation: None,
    })
}

fn mention(start: usize, end: usize, actor: ActorRef) -> Suggestion {
    Suggestion {
        kind: SuggestionKind::Mention,
        start,
        end,
        text: String::new(),
        detail: Detail::Mention { actor },
        rule: "",
    }
}

const SMALL: &str = "actor: China | state | CHN | Chinese, Beijing\n\
    actor: Wang Yi | person | | Wang\n\
    actor: Brazil | state | BRA |\n---\n\
    ⟦S speaker=Wang Yi; attr=reported|[Wang Yi]{Wang Yi} ⟨said⟩ [China]{China} \
    ⟦C committer=China; strength=certain; action=help|will help⟧ and \
    ⟦T holder=China; polarity=favor; target=Brazil|welcomes [Brazil]{Brazil}⟧.⟧";

#[test]
fn matcher_counts_exact_overlapping_and_wrong_actor_mentions() {
    let a = parse("small", SMALL).expect("parses");
    let (project, _) = bare_project(&a);
    // "Wang Yi" 0..7, "China" 13..18, "Brazil" 42..48.
    let suggestions = vec![
        mention(0, 7, new_actor("Wang Yi", None)), // exact
        mention(13, 18, new_actor("People's Republic", Some("CHN"))), // same ISO3
        mention(36, 43, new_actor("Brazil", Some("BRA"))), // overlapping, not exact
    ];
    let s = score(&a, &project, &suggestions);
    assert_eq!(
        (s.mentions.gold, s.mentions.suggested, s.mentions.matched),
        (3, 3, 3)
    );
    assert_eq!(s.strict_mentions.matched, 2);

    let wrong = vec![mention(13, 18, new_actor("Brazil", Some("BRA")))];
    let s = score(&a, &project, &wrong);
    assert_eq!((s.mentions.matched, s.mentions.precision()), (0, 0.0));

    // One-to-one: two suggestions on the one gold mention count once.
    let twice = vec![
        mention(0, 7, new_actor("Wang Yi", None)),
        mention(0, 4, new_actor("Wang", None)),
    ];
    let s = score(&a, &project, &twice);
    assert_eq!((s.mentions.matched, s.mentions.suggested), (1, 2));
    assert!((s.mentions.precision() - 0.5).abs() < 1e-9);
}

#[test]
fn matcher_pairs_statements_commitments_and_stances_one_to_one() {
    let a = parse("small", SMALL).expect("parses");
    let (project, _) = bare_project(&a);
    let end = a.text.chars().count();
    let statement = |speaker: &str| Suggestion {
        kind: SuggestionKind::Statement,
        start: 0,
        end,
        text: String::new(),
        detail: Detail::Statement {
            speaker: Some(new_actor(speaker, None)),
            attribution: "reported".into(),
            cue: Some((8, 12)),
        },
        rule: "",
    };
    let commitment = |strength: &str, committer: &str| Suggestion {
        kind: SuggestionKind::Commitment,
        start: 19,
        end: 28,
        text: String::new(),
        detail: Detail::Commitment {
            statement: (0, end),
            committer: Some(new_actor(committer, None)),
            addressees: Vec::new(),
            action: "help".into(),
            strength: strength.into(),
            conditions: String::new(),
            category: String::new(),
        },
        rule: "",
    };
    let stance = Suggestion {
        kind: SuggestionKind::Stance,
        start: 33,
        end: 43,
        text: String::new(),
        detail: Detail::Stance {
            statement: (0, end),
            holder: Some(new_actor("Wang Yi", None)),
            target: None,
            polarity: "against".into(),
            no_target: None,
        },
        rule: "",
    };
    let s = score(
        &a,
        &project,
        &[
            statement("Wang Yi"),
            statement("China"),
            commitment("possible", "China"),
            commitment("certain", "China"),
            stance,
        ],
    );
    assert_eq!((s.statements.matched, s.statements.suggested), (1, 2));
    assert_eq!(
        s.statements.agree_a, 1,
        "the first statement has the right speaker"
    );
    assert_eq!((s.commitments.matched, s.commitments.suggested), (1, 2));
    assert_eq!((s.commitments.agree_a, s.commitments.agree_b), (1, 0));
    assert_eq!(
        (s.stances.matched, s.stances.agree_a, s.stances.agree_b),
        (1, 0, 0)
    );

    let wrong_speaker = score(&a, &project, &[statement("Brazil")]);
    assert_eq!(
        (
            wrong_speaker.statements.matched,
            wrong_speaker.statements.agree_a
        ),
        (1, 0)
    );
}

/// Prints the measured quality; always passes (the targets are checked by `quality_floors_hold`).
#[test]
fn quality_report() {
    let (per, total) = measure();
    print_tables("the gold set", &per, &total);
}

/// The targets: mentions R ≥ 0.9 and P ≥ 0.85; statement speakers right ≥ 0.85;
/// commitments R ≥ 0.8 and P ≥ 0.7. Each is printed as met or not met; the test fails when
/// quality falls under its floor.
#[test]
fn quality_floors_hold() {
    let (per, total) = measure();
    print_tables("the gold set", &per, &total);
    let speakers = ratio(total.statements.agree_a, total.statements.gold);
    // (what, measured, the target, the floor this test enforces). Every target is
    // met, so every floor is its target: a change that takes any figure under it fails.
    // Both are printed so the margin is never hidden.
    let checks = [
        ("mention recall", total.mentions.recall(), 0.9, 0.9),
        ("mention precision", total.mentions.precision(), 0.85, 0.85),
        ("speakers right", speakers, 0.85, 0.85),
        ("commitment recall", total.commitments.recall(), 0.8, 0.8),
        (
            "commitment precision",
            total.commitments.precision(),
            0.7,
            0.7,
        ),
    ];
    let mut missed = Vec::new();
    for (what, value, target, floor) in checks {
        let status = if value >= target { "met" } else { "NOT MET" };
        println!("{what}: {value:.3} (target {target}, {status}; floor {floor})");
        if value < floor {
            missed.push(format!("{what} {value:.3} < floor {floor}"));
        }
    }
    assert!(missed.is_empty(), "quality fell: {}", missed.join("; "));
}
