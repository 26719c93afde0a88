//! Accepting suggestions (`edit::accept`): what an analyst relies on when pressing Enter on
//! a suggestion or "accept all": one undoable step, actors added once, commitments placed
//! on a statement, and a project that still validates.

use demarche::edit::Edit;
use demarche::edit::accept::accept;
use demarche::model::*;
use demarche::persist;
use demarche::suggest::{ActorRef, Detail, NewActor, StanceTargetRef, Suggestion, SuggestionKind};

/// CRLF line endings, curly quotes, an en dash, accents and a CJK name.
const TEXT: &str = "Foreign Minister Wang Yi (王毅) said on Monday that China “is ready to deepen \
cooperation” with CELAC.\r\nBeijing will host the China–CELAC Forum in São Paulo next year, \
Wang added.\r\nBrasília welcomed the plan.\r\n";

/// The code-point range of the `nth` (0-based) occurrence of `phrase`.
fn at(phrase: &str, nth: usize) -> (usize, usize) {
    let byte = TEXT
        .match_indices(phrase)
        .nth(nth)
        .map(|(b, _)| b)
        .expect("phrase in text");
    let start = TEXT[..byte].chars().count();
    (start, start + phrase.chars().count())
}

fn project() -> (Project, Id) {
    let mut project = Project::new("Accept");
    let doc = Document::new(
        Id(1),
        DocumentMeta {
            title: "Wang on CELAC".into(),
            ..DocumentMeta::default()
        },
        Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: LineEndings::CrLf,
            file_fingerprint: None,
            imported: Stamp::now("tester").created,
        },
        TEXT.into(),
    );
    Edit::AddDocument(Box::new(doc))
        .apply(&mut project)
        .expect("document added");
    (project, Id(1))
}

fn new_actor(name: &str, kind: &str, iso3: Option<&str>) -> NewActor {
    NewActor {
        name: name.into(),
        kind: kind.into(),
        aliases: Vec::new(),
        iso3: iso3.map(Into::into),
        cameo: iso3.map(Into::into),
        role: String::new(),
        affiliation: None,
    }
}

fn china() -> ActorRef {
    ActorRef::New(new_actor("China", "state", Some("CHN")))
}

fn wang() -> ActorRef {
    let mut w = new_actor("Wang Yi", "person", None);
    w.role = "Foreign Minister".into();
    w.aliases = vec!["王毅".into(), "Wang".into()];
    w.affiliation = Some(Box::new(china()));
    ActorRef::New(w)
}

fn celac() -> ActorRef {
    ActorRef::New(new_actor("CELAC", "regional_group", None))
}

fn suggestion(kind: SuggestionKind, (start, end): (usize, usize), detail: Detail) -> Suggestion {
    Suggestion {
        kind,
        start,
        end,
        text: TEXT.chars().skip(start).take(end - start).collect(),
        detail,
        rule: "",
    }
}

fn mention(phrase: &str, nth: usize, actor: ActorRef) -> Suggestion {
    suggestion(
        SuggestionKind::Mention,
        at(phrase, nth),
        Detail::Mention { actor },
    )
}

const FIRST_STATEMENT: &str = "China “is ready to deepen cooperation” with CELAC";
const SECOND_STATEMENT: &str = "Beijing will host the China–CELAC Forum in São Paulo next year";

/// Everything the rules might say about the text, in text order.
fn all() -> Vec<Suggestion> {
    vec![
        mention("Wang Yi", 0, wang()),
        mention("王毅", 0, wang()),
        suggestion(
            SuggestionKind::Statement,
            at(FIRST_STATEMENT, 0),
            Detail::Statement {
                speaker: Some(wang()),
                attribution: "reported".into(),
                cue: Some(at("said", 0)),
            },
        ),
        mention("China", 0, china()),
        suggestion(
            SuggestionKind::Commitment,
            at("is ready to deepen cooperation", 0),
            Detail::Commitment {
                statement: at(FIRST_STATEMENT, 0),
                committer: Some(china()),
                addressees: vec![celac()],
                action: "deepen cooperation".into(),
                strength: "possible".into(),
                conditions: String::new(),
                category: "COOPERATE".into(),
            },
        ),
        mention("CELAC", 0, celac()),
        // "Beijing" as a metonym: a new actor by another name with China's ISO3 code.
        mention(
            "Beijing",
            0,
            ActorRef::New(new_actor("Beijing", "state", Some("CHN"))),
        ),
        suggestion(
            SuggestionKind::Commitment,
            at("will host the China–CELAC Forum", 0),
            Detail::Commitment {
                statement: at(SECOND_STATEMENT, 0),
                committer: Some(china()),
                addressees: Vec::new(),
                action: "host the China–CELAC Forum".into(),
                strength: "certain".into(),
                conditions: String::new(),
                // Not a key of the codebook: falls back to the first category.
                category: "HOST".into(),
            },
        ),
        suggestion(
            SuggestionKind::Stance,
            at("welcomed the plan", 0),
            Detail::Stance {
                statement: at("Brasília welcomed the plan", 0),
                holder: Some(ActorRef::New(new_actor("Brazil", "state", Some("BRA")))),
                target: Some(StanceTargetRef::Topic("regional_integration".into())),
                polarity: "favor".into(),
                no_target: None,
            },
        ),
    ]
}

fn accept_in(project: &Project, doc: Id, chosen: &[Suggestion], all: &[Suggestion]) -> Edit {
    let mut ids = project.id_allocator("tester");
    accept(project, doc, chosen, all, &mut || ids.fresh(), "tester").expect("ids left")
}

fn doc(project: &Project, id: Id) -> &Document {
    project.document(id).expect("document")
}

#[test]
fn accepting_everything_then_undoing_restores_the_project_exactly() {
    let (mut project, doc_id) = project();
    let before = project.clone();
    let all = all();
    let edit = accept_in(&project, doc_id, &all, &all);
    assert!(matches!(edit, Edit::Batch(_)), "one step: {edit:?}");
    let undo = edit.apply(&mut project).expect("accepted");

    let d = doc(&project, doc_id);
    assert_eq!(d.mentions.len(), 5);
    assert_eq!(
        d.statements.len(),
        3,
        "two from commitments, one from the stance"
    );
    assert_eq!(d.commitments.len(), 2);
    assert_eq!(d.stances.len(), 1);
    assert!(
        persist::validate(&project).is_empty(),
        "{:?}",
        persist::validate(&project)
    );
    assert_eq!(
        persist::to_canonical_string(
            &persist::from_str(
                &persist::to_canonical_string(&project),
                "accepted.ron".as_ref()
            )
            .expect("saved project loads")
            .project
        ),
        persist::to_canonical_string(&project),
        "accepted annotations survive save and load"
    );

    undo.apply(&mut project).expect("undone");
    assert_eq!(project, before);
}

#[test]
fn actors_are_added_once_by_name_or_iso3_and_reused_on_a_second_accept() {
    let (mut project, doc_id) = project();
    let all = all();
    // First Wang Yi alone: adds China (his affiliation) before him.
    let first = accept_in(&project, doc_id, &all[..1], &all);
    let Edit::Batch(steps) = &first else {
        panic!("not a batch: {first:?}")
    };
    assert!(
        matches!(&steps[0], Edit::AddActor(a) if a.name == "China"),
        "affiliation first: {steps:?}"
    );
    first.apply(&mut project).expect("accepted");
    let wang = project.actor_by_name("Wang Yi").expect("Wang added");
    let china = project.actor_by_name("China").expect("China added");
    assert_eq!(wang.affiliation, Some(china.id));
    assert_eq!(wang.role, "Foreign Minister");
    assert_eq!(wang.kind, "person");
    assert!(wang.aliases.iter().any(|a| a == "王毅"));
    let (wang, china) = (wang.id, china.id);

    // Then everything: the same Wang and China, Beijing is China by ISO3.
    accept_in(&project, doc_id, &all, &all)
        .apply(&mut project)
        .expect("accepted");
    let names: Vec<&str> = project.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names.len(), 4, "Wang, China, CELAC, Brazil: {names:?}");
    let d = doc(&project, doc_id);
    let actor_of = |phrase: &str| {
        let range = at(phrase, 0);
        d.mentions
            .iter()
            .find(|m| (m.span.start(), m.span.end()) == range)
            .map(|m| m.actor)
    };
    assert_eq!(actor_of("王毅"), Some(wang));
    assert_eq!(actor_of("Beijing"), Some(china));
    assert_eq!(d.mentions.len(), 5, "the first mention is not added twice");

    // Accepting the same again changes nothing.
    let again = accept_in(&project, doc_id, &all, &all);
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn a_project_actor_with_the_name_or_code_is_reused() {
    let (mut project, doc_id) = project();
    let mut prc = Actor::new(Id(50), "People's Republic of China", "state");
    prc.iso3 = Some("CHN".into());
    let mut celac = Actor::new(
        Id(51),
        "Community of Latin American and Caribbean States",
        "regional_group",
    );
    celac.aliases.push("celac".into());
    Edit::Batch(vec![Edit::AddActor(prc), Edit::AddActor(celac)])
        .apply(&mut project)
        .expect("actors");
    let all = all();
    let chosen = [
        mention("China", 0, china()),
        mention("CELAC", 0, self::celac()),
    ];
    accept_in(&project, doc_id, &chosen, &all)
        .apply(&mut project)
        .expect("accepted");
    assert_eq!(project.actors.len(), 2, "no new actor");
    let actors: Vec<Id> = doc(&project, doc_id)
        .mentions
        .iter()
        .map(|m| m.actor)
        .collect();
    assert_eq!(actors, vec![Id(50), Id(51)]);
}

#[test]
fn a_commitment_without_an_accepted_statement_creates_it() {
    let (mut project, doc_id) = project();
    let all = all();
    let commitments: Vec<Suggestion> = all
        .iter()
        .filter(|s| s.kind == SuggestionKind::Commitment)
        .cloned()
        .collect();
    accept_in(&project, doc_id, &commitments, &all)
        .apply(&mut project)
        .expect("accepted");
    let d = doc(&project, doc_id);
    let wang = project.actor_by_name("Wang Yi").map(|a| a.id);
    let china = project.actor_by_name("China").map(|a| a.id);
    let celac = project.actor_by_name("CELAC").map(|a| a.id);

    // From the statement suggestion at its range: Wang's reported speech with its cue.
    let first = &d.statements[0];
    assert_eq!(first.span.text(), FIRST_STATEMENT);
    assert_eq!(first.speaker, wang);
    assert_eq!(first.attribution, "reported");
    assert_eq!(first.cue.as_ref().map(|c| c.text()), Some("said".into()));
    let c = &d.commitments[0];
    assert_eq!(c.statement, first.id);
    assert_eq!(c.committer, china);
    assert_eq!(c.addressees, vec![celac.expect("CELAC added")]);
    assert_eq!(
        (c.strength.as_str(), c.category.as_str()),
        ("possible", "COOPERATE")
    );
    assert_eq!(c.action, "deepen cooperation");
    assert_eq!(c.stamp.annotator, "tester");

    // No statement suggestion there: a bare statement spoken by the committer.
    let second = &d.statements[1];
    assert_eq!(second.span.text(), SECOND_STATEMENT);
    assert_eq!(second.speaker, china);
    let c = &d.commitments[1];
    assert_eq!(c.statement, second.id);
    assert_eq!(c.category, "AGREE", "unknown key falls back to the first");
    assert!(persist::validate(&project).is_empty());
}

#[test]
fn a_commitment_goes_on_the_statement_accepted_with_it_or_already_there() {
    let (mut project, doc_id) = project();
    let all = all();
    // Statement and commitment together, in either order: one statement.
    let chosen = [all[4].clone(), all[2].clone()];
    accept_in(&project, doc_id, &chosen, &all)
        .apply(&mut project)
        .expect("accepted");
    let d = doc(&project, doc_id);
    assert_eq!(d.statements.len(), 1);
    assert_eq!(d.commitments[0].statement, d.statements[0].id);

    // A stance later on the same, existing statement.
    let mut stance = all[8].clone();
    if let Detail::Stance { statement, .. } = &mut stance.detail {
        *statement = at(FIRST_STATEMENT, 0);
    }
    accept_in(&project, doc_id, &[stance], &all)
        .apply(&mut project)
        .expect("accepted");
    let d = doc(&project, doc_id);
    assert_eq!(d.statements.len(), 1);
    assert_eq!(d.stances[0].statement, d.statements[0].id);
    assert_eq!(d.stances[0].polarity, "favor");
    assert_eq!(
        d.stances[0].target,
        Some(StanceTarget::Topic("regional_integration".into()))
    );
}

#[test]
fn a_stale_suggestion_is_skipped() {
    let (project, doc_id) = project();
    let mut stale = mention("China", 0, china());
    stale.text = "Chile".into();
    let edit = accept_in(&project, doc_id, &[stale], &[]);
    assert!(edit.is_empty(), "{edit:?}");
}

/// An analyst who coded "Wang Yi (王毅)" as one mention is not offered "Wang Yi" again:
/// a suggestion overlapping an existing mention is hidden, not only one at the same range.
#[test]
fn suggestions_overlapping_a_coded_mention_are_not_offered_again() {
    use demarche::suggest::{Gazetteer, suggest};
    let (mut project, doc) = project();
    let wang = at("Wang Yi", 0);
    let offered = |project: &Project| {
        let document = project.document(doc).expect("document");
        suggest(project, document, Gazetteer::bundled())
    };
    assert!(
        offered(&project)
            .iter()
            .any(|s| s.kind == SuggestionKind::Mention && (s.start, s.end) == wang),
        "the rules offer Wang Yi before anything is coded"
    );
    let wider = at("Wang Yi (王毅)", 0);
    let coded = Suggestion {
        kind: SuggestionKind::Mention,
        start: wider.0,
        end: wider.1,
        text: "Wang Yi (王毅)".into(),
        detail: Detail::Mention {
            actor: ActorRef::New(new_actor("Wang Yi", "person", None)),
        },
        rule: "",
    };
    let mut next = project.id_allocator("tester");
    let edit =
        accept(&project, doc, &[coded], &[], &mut || next.fresh(), "tester").expect("ids left");
    edit.apply(&mut project).expect("mention added");
    let after = offered(&project);
    assert!(
        !after
            .iter()
            .any(|s| s.kind == SuggestionKind::Mention && s.start < wider.1 && wider.0 < s.end),
        "no mention suggestion overlaps the coded mention: {after:?}"
    );
    assert!(
        after
            .iter()
            .any(|s| s.kind == SuggestionKind::Mention && s.text == "CELAC"),
        "other mentions are still offered"
    );
}

/// Accept-all looks the document's annotations up in maps built once; it must find what a
/// scan finds: a mention already there, the first (lowest id) of two statements over one
/// range, and a statement that already has its commitment.
#[test]
fn accept_all_uses_what_the_document_already_holds() {
    let (mut project, doc_id) = project();
    let d = doc(&project, doc_id);
    let span = |phrase: &str| {
        let (start, end) = at(phrase, 0);
        Span::from_range(d.text(), d.index(), start, end).expect("span")
    };
    let stamp = Stamp::now("tester");
    let statement = |id: u64, phrase: &str| Statement {
        id: Id(id),
        span: span(phrase),
        speaker: None,
        attribution: "reported".into(),
        cue: None,
        stamp: stamp.clone(),
        note: String::new(),
    };
    let mut coded = match &all()[4].detail {
        Detail::Commitment { .. } => Commitment {
            id: Id(64),
            statement: Id(63),
            committer: None,
            addressees: Vec::new(),
            action: "deepen cooperation".into(),
            category: "COOPERATE".into(),
            cameo: None,
            context: String::new(),
            strength: "possible".into(),
            conditions: String::new(),
            time_horizon: "unspecified".into(),
            stamp: stamp.clone(),
            note: String::new(),
        },
        other => panic!("the fifth suggestion is a commitment: {other:?}"),
    };
    coded.note = "there before".into();
    let existing = [
        Annotation::Mention(Mention {
            id: Id(60),
            span: span("China"),
            actor: Id(50),
            stamp: stamp.clone(),
            note: String::new(),
        }),
        Annotation::Statement(statement(61, SECOND_STATEMENT)),
        Annotation::Statement(statement(62, SECOND_STATEMENT)),
        Annotation::Statement(statement(63, FIRST_STATEMENT)),
        Annotation::Commitment(coded),
    ];
    let mut edits = vec![Edit::AddActor(Actor::new(Id(50), "China", "state"))];
    edits.extend(existing.into_iter().map(|annotation| Edit::AddAnnotation {
        document: doc_id,
        annotation,
    }));
    Edit::Batch(edits)
        .apply(&mut project)
        .expect("existing annotations");

    let all = all();
    accept_in(&project, doc_id, &all, &all)
        .apply(&mut project)
        .expect("accepted");
    let d = doc(&project, doc_id);
    let china_mentions = d
        .mentions
        .iter()
        .filter(|m| (m.span.start(), m.span.end()) == at("China", 0))
        .count();
    assert_eq!(china_mentions, 1, "the mention there is not added again");
    let over = |phrase: &str| {
        d.statements
            .iter()
            .filter(|s| (s.span.start(), s.span.end()) == at(phrase, 0))
            .map(|s| s.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        over(SECOND_STATEMENT),
        vec![Id(61), Id(62)],
        "no third twin"
    );
    assert_eq!(over(FIRST_STATEMENT), vec![Id(63)]);
    let on = |statement: u64| {
        d.commitments
            .iter()
            .filter(|c| c.statement == Id(statement))
            .map(|c| c.note.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        on(61),
        vec![""],
        "the new commitment goes on the first twin"
    );
    assert!(on(62).is_empty());
    assert_eq!(
        on(63),
        vec!["there before"],
        "a coded statement gets no second one"
    );
}
