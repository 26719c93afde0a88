//! Suggestions in the real window (`DemarcheApp`) driven by keys through egui_kittest:
//! going through them, accepting (Enter) and rejecting (Backspace), accepting all of a
//! kind, undo, and hiding kinds. The suggestions come from a fixed test source so that
//! the tests do not depend on the rules' wording.

use demarche::model::{
    Document, DocumentMeta, Id, LineEndings, Origin, Project, RejectedSuggestion, Stamp,
};
use demarche::persist;
use demarche::suggest::{ActorRef, Detail, NewActor, Suggestion, SuggestionKind};
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::suggestions::{Source, WORKER_ABOVE_CHARS};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const DOC: Id = Id(1);

const TEXT: &str = "Foreign Minister Wang Yi (王毅) said on Monday that China “is ready to deepen \
cooperation” with CELAC.\n\nBeijing will host the China–CELAC Forum in São Paulo next year, \
Wang added.\n\nBrasília welcomed the plan.";

const STATEMENT: &str = "China “is ready to deepen cooperation” with CELAC";

fn at(text: &str, phrase: &str, nth: usize) -> (usize, usize) {
    let byte = text
        .match_indices(phrase)
        .nth(nth)
        .map(|(b, _)| b)
        .expect("phrase in text");
    let start = text[..byte].chars().count();
    (start, start + phrase.chars().count())
}

fn new_actor(name: &str, kind: &str, iso3: Option<&str>) -> ActorRef {
    ActorRef::New(NewActor {
        name: name.into(),
        kind: kind.into(),
        aliases: Vec::new(),
        iso3: iso3.map(Into::into),
        cameo: None,
        role: String::new(),
        affiliation: None,
    })
}

/// What a rule set might propose for the text: three mentions of China (one a
/// metonym), two of CELAC, a statement by Wang and a commitment in it.
fn suggestions(doc: &Document) -> Vec<Suggestion> {
    let text = doc.text();
    let make = |kind, (start, end): (usize, usize), detail| Suggestion {
        kind,
        start,
        end,
        text: text.chars().skip(start).take(end - start).collect(),
        detail,
        rule: "",
    };
    let china = || new_actor("China", "state", Some("CHN"));
    let celac = || new_actor("CELAC", "regional_group", None);
    let mention = |phrase, nth, actor| {
        make(
            SuggestionKind::Mention,
            at(text, phrase, nth),
            Detail::Mention { actor },
        )
    };
    vec![
        mention("China", 0, china()),
        mention("CELAC", 0, celac()),
        mention("Beijing", 0, new_actor("China", "state", Some("CHN"))),
        mention("China", 1, china()),
        mention("CELAC", 1, celac()),
        make(
            SuggestionKind::Statement,
            at(text, STATEMENT, 0),
            Detail::Statement {
                speaker: Some(new_actor("Wang Yi", "person", None)),
                attribution: "reported".into(),
                cue: Some(at(text, "said", 0)),
            },
        ),
        make(
            SuggestionKind::Commitment,
            at(text, "is ready to deepen cooperation", 0),
            Detail::Commitment {
                statement: at(text, STATEMENT, 0),
                committer: Some(china()),
                addressees: vec![celac()],
                action: "deepen cooperation".into(),
                strength: "possible".into(),
                conditions: String::new(),
                category: "COOPERATE".into(),
            },
        ),
    ]
}

fn saved_project(dir: &Path) -> PathBuf {
    saved_project_with(dir, TEXT)
}

fn saved_project_with(dir: &Path, text: &str) -> PathBuf {
    let mut project = Project::new("Suggestions");
    project.documents.push(Document::new(
        DOC,
        DocumentMeta {
            title: "Wang on CELAC".into(),
            ..DocumentMeta::default()
        },
        Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: LineEndings::Lf,
            file_fingerprint: None,
            imported: Stamp::now("tester").created,
        },
        text.into(),
    ));
    let path = dir.join("suggestions.ron");
    persist::save(&project, &path).expect("fixture saves");
    path
}

fn harness(path: PathBuf) -> Harness<'static, DemarcheApp> {
    harness_with(
        path,
        Arc::new(|_project: &Project, doc: &Document| suggestions(doc)),
    )
}

fn harness_with(path: PathBuf, source: Source) -> Harness<'static, DemarcheApp> {
    let mut app = DemarcheApp::app_for_tests(Startup::Open(path));
    app.suggestions_mut().set_source(source);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app);
    h.run();
    h
}

fn press(h: &mut Harness<'static, DemarcheApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn focused(h: &Harness<'static, DemarcheApp>) -> Option<(SuggestionKind, usize, usize)> {
    let app = h.state();
    app.suggestions()
        .focused(&app.settings().suggestions)
        .map(|s| (s.kind, s.start, s.end))
}

fn doc<'h>(h: &'h Harness<'static, DemarcheApp>) -> &'h Document {
    h.state()
        .workspace()
        .project()
        .document(DOC)
        .expect("document")
}

#[test]
fn next_focuses_the_first_suggestion_enter_accepts_it_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));
    let before = h.state().workspace().project().clone();
    assert_eq!(h.state().suggestions().all().len(), 7);

    press(&mut h, Key::N);
    let china = at(TEXT, "China", 0);
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Mention, china.0, china.1))
    );
    // The status bar says what is focused, without hovering.
    assert!(
        h.query_by_label_contains("Suggested mention: China (new) — Enter accepts")
            .is_some()
    );
    assert_eq!(
        h.state().article().selection(),
        Some(china),
        "selected and revealed"
    );

    press(&mut h, Key::Enter);
    let project = h.state().workspace().project();
    let china_id = project.actor_by_name("China").expect("actor added").id;
    let mentions = &doc(&h).mentions;
    assert_eq!(mentions.len(), 1);
    assert_eq!((mentions[0].span.start(), mentions[0].span.end()), china);
    assert_eq!(mentions[0].actor, china_id);
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Accept suggested mention “China”")
    );
    // The accepted one is gone and focus moved on to the next.
    assert_eq!(h.state().suggestions().all().len(), 6);
    let celac = at(TEXT, "CELAC", 0);
    let statement = at(TEXT, STATEMENT, 0);
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Statement, statement.0, statement.1)),
        "the statement starts at China too and sorts after its mention"
    );
    press(&mut h, Key::N);
    press(&mut h, Key::N);
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Mention, celac.0, celac.1))
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &before);
    assert_eq!(
        h.state().suggestions().all().len(),
        7,
        "suggested again after undo"
    );
}

#[test]
fn backspace_rejects_and_the_rejection_is_saved_and_undoable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_project(dir.path());
    let mut h = harness(path.clone());

    press(&mut h, Key::N);
    press(&mut h, Key::Backspace);
    let china = at(TEXT, "China", 0);
    let rejected = RejectedSuggestion {
        document: DOC,
        analyst: h.state().workspace().annotator().to_owned(),
        kind: "mention".into(),
        start: china.0,
        end: china.1,
    };
    let project = h.state().workspace().project();
    assert_eq!(project.rejected_suggestions, vec![rejected.clone()]);
    assert!(doc(&h).mentions.is_empty(), "rejecting adds nothing");
    assert!(
        !h.state()
            .suggestions()
            .all()
            .iter()
            .any(|s| s.kind == SuggestionKind::Mention && (s.start, s.end) == china)
    );
    assert!(focused(&h).is_some(), "focus moved to the next suggestion");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = persist::load(&path).expect("saved project loads").project;
    assert_eq!(saved.rejected_suggestions, vec![rejected]);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .workspace()
            .project()
            .rejected_suggestions
            .is_empty()
    );
    assert_eq!(h.state().suggestions().all().len(), 7);
}

#[test]
fn accept_all_takes_every_suggestion_of_the_focused_kind_in_one_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));
    let before = h.state().workspace().project().clone();

    press(&mut h, Key::N);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Enter);
    h.run();
    let project = h.state().workspace().project();
    assert_eq!(doc(&h).mentions.len(), 5);
    assert!(doc(&h).statements.is_empty(), "only mentions");
    let names: Vec<&str> = project.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["China", "CELAC"],
        "each actor once; Beijing is China"
    );
    assert_eq!(
        h.state().workspace().history().undo_label(),
        Some("Accept 5 suggested mentions")
    );
    let left: Vec<SuggestionKind> = h
        .state()
        .suggestions()
        .all()
        .iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        left,
        [SuggestionKind::Statement, SuggestionKind::Commitment]
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &before, "one undo step");
}

#[test]
fn hidden_kinds_are_skipped_by_the_keys_and_one_toggle_hides_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));

    // View ▸ Suggestions ▸ Mentions off.
    h.get_by_label("View").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Suggestions").hover();
    h.run();
    h.get_by_label("Mentions").click();
    h.run();
    assert!(!h.state().settings().suggestions.mentions);
    let app = h.state();
    let shown: Vec<SuggestionKind> = app
        .suggestions()
        .shown(&app.settings().suggestions)
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        shown,
        [SuggestionKind::Statement, SuggestionKind::Commitment]
    );
    h.key_press(Key::Escape);
    h.run();

    press(&mut h, Key::N);
    let statement = at(TEXT, STATEMENT, 0);
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Statement, statement.0, statement.1)),
        "the mention of China before it is hidden"
    );
    // Enter on the statement accepts the statement, not a hidden mention.
    press(&mut h, Key::Enter);
    assert_eq!(doc(&h).statements.len(), 1);
    assert!(doc(&h).mentions.is_empty());

    // One toggle hides everything; Enter then does nothing.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::H);
    h.run();
    assert!(!h.state().settings().suggestions.enabled);
    press(&mut h, Key::N);
    assert_eq!(focused(&h), None);
    let annotations = doc(&h).annotation_count();
    press(&mut h, Key::Enter);
    assert_eq!(doc(&h).annotation_count(), annotations);
    assert_eq!(
        h.state().status_text(),
        Some("Suggestions are off (View ▸ Suggestions)")
    );
}

#[test]
fn enter_and_backspace_do_nothing_without_a_focused_suggestion() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));
    let before = h.state().workspace().project().clone();
    press(&mut h, Key::Enter);
    press(&mut h, Key::Backspace);
    assert_eq!(h.state().workspace().project(), &before);

    // Moving the caret away from the focused suggestion lets it go.
    press(&mut h, Key::N);
    assert!(focused(&h).is_some());
    h.state_mut().article_mut().set_selection(0, 7);
    h.run();
    assert_eq!(focused(&h), None);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().workspace().project(), &before);
}

/// The screen point over the character at `offset` in the article.
fn point_at(h: &Harness<'static, DemarcheApp>, offset: usize) -> egui::Pos2 {
    let view = h.state().article();
    let a = view.offset_rect(offset).expect("laid out");
    let b = view.offset_rect(offset + 1).expect("laid out");
    egui::pos2((a.left() + b.left()) / 2.0, a.center().y)
}

#[test]
fn clicking_a_suggestion_focuses_it_and_hovering_tells_what_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));
    let beijing = at(TEXT, "Beijing", 0);
    let pos = point_at(&h, beijing.0 + 2);

    h.event(egui::Event::PointerMoved(pos));
    h.run();
    let tooltip = "Suggested mention: China (new) (Enter accept · Backspace reject)";
    assert!(h.get_all_by_label_contains(tooltip).next().is_some());

    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Mention, beijing.0, beijing.1))
    );
    assert_eq!(h.state().article().selection(), Some(beijing));
    press(&mut h, Key::Enter);
    let mentions = &doc(&h).mentions;
    assert_eq!(mentions.len(), 1);
    assert_eq!((mentions[0].span.start(), mentions[0].span.end()), beijing);
}

#[test]
fn a_long_document_is_suggested_once_per_revision_on_a_worker_thread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = TEXT.to_owned();
    while text.chars().count() <= WORKER_ABOVE_CHARS {
        text.push_str("\n\nThe ministers met again in Lima. ");
    }
    // The source notes the thread it runs on.
    let threads = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = threads.clone();
    let source: Source = Arc::new(move |_project: &Project, doc: &Document| {
        let name = std::thread::current().name().map(str::to_owned);
        seen.lock().expect("not poisoned").push(name);
        suggestions(doc)
    });
    let mut h = harness_with(saved_project_with(dir.path(), &text), source);
    wait_for_worker(&mut h);
    assert_eq!(h.state().suggestions().all().len(), 7);
    assert_eq!(
        *threads.lock().expect("not poisoned"),
        [Some("suggestions".to_owned())],
        "once, on the worker"
    );
    press(&mut h, Key::N);
    let china = at(TEXT, "China", 0);
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Mention, china.0, china.1))
    );
    // The status bar says what is focused, without hovering.
    assert!(
        h.query_by_label_contains("Suggested mention: China (new) — Enter accepts")
            .is_some()
    );
    press(&mut h, Key::Enter);
    assert_eq!(doc(&h).mentions.len(), 1);
    // Focus moves on once the worker has redone the list for the new revision.
    wait_for_worker(&mut h);
    let statement = at(TEXT, STATEMENT, 0);
    assert_eq!(
        focused(&h),
        Some((SuggestionKind::Statement, statement.0, statement.1))
    );
    assert_eq!(threads.lock().expect("not poisoned").len(), 2);
}

/// Frames go on while the worker runs; its result arrives within a bounded wait.
fn wait_for_worker(h: &mut Harness<'static, DemarcheApp>) {
    for _ in 0..2_000 {
        if !h.state().suggestions().computing() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.run();
    }
    assert!(!h.state().suggestions().computing());
}

#[test]
fn the_bundled_rules_feed_the_window_and_their_first_suggestion_can_be_accepted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "BEIJING, May 3 — Chinese Foreign Minister Wang Yi said on Monday that China \
will deepen cooperation with Brazil, and Brasília welcomed the plan.";
    let app = DemarcheApp::app_for_tests(Startup::Open(saved_project_with(dir.path(), text)));
    // No test source: the app's own, the bundled rules.
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app);
    h.run();
    let all = h.state().suggestions().all().to_vec();
    assert!(
        all.iter()
            .any(|s| s.kind == SuggestionKind::Mention && s.text == "China"),
        "{all:?}"
    );
    press(&mut h, Key::N);
    let first = h
        .state()
        .suggestions()
        .focused(&h.state().settings().suggestions)
        .cloned()
        .expect("focused");
    press(&mut h, Key::Enter);
    let d = doc(&h);
    let added = match first.kind {
        SuggestionKind::Mention => d.mentions.len(),
        SuggestionKind::Statement => d.statements.len(),
        SuggestionKind::Commitment => d.commitments.len(),
        SuggestionKind::Stance => d.stances.len(),
    };
    assert_eq!(added, 1, "accepting {first:?}");
    assert!(persist::validate(h.state().workspace().project()).is_empty());
}

/// A rule pass that panics: on the worker (a long document) and on the UI thread (a short
/// one) the window shows a message, keeps the project as it was and does not run the
/// failing pass again for the same revision.
#[test]
fn a_panicking_rule_pass_shows_a_message_changes_nothing_and_is_not_retried() {
    for long in [true, false] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut text = TEXT.to_owned();
        while long && text.chars().count() <= WORKER_ABOVE_CHARS {
            text.push_str("\n\nThe ministers met again in Lima. ");
        }
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = calls.clone();
        let source: Source = Arc::new(move |_project: &Project, _doc: &Document| {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            panic!("a rule pass broke");
        });
        let mut h = harness_with(saved_project_with(dir.path(), &text), source);
        let before = h.state().workspace().project().clone();
        wait_for_worker(&mut h);
        for _ in 0..5 {
            h.run();
        }
        let status = h.state().status_text().unwrap_or_default().to_owned();
        assert!(
            status.contains("Suggestions failed") && status.contains("a rule pass broke"),
            "long = {long}: {status}"
        );
        assert!(h.state().suggestions().all().is_empty());
        assert_eq!(h.state().workspace().project(), &before, "long = {long}");
        assert!(!h.state().workspace().is_dirty());
        assert_eq!(
            calls.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "long = {long}: tried once for the revision"
        );
    }
}

#[test]
fn deleting_an_accepted_suggestion_keeps_it_away_and_undo_brings_back_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));
    let before = h.state().workspace().project().clone();
    press(&mut h, Key::N);
    press(&mut h, Key::Enter);
    let china = at(TEXT, "China", 0);
    let mention = doc(&h).mentions[0].id;
    assert_eq!(h.state().suggestions().all().len(), 6);

    // Select the accepted mention and delete it: the suggestion does not come back.
    h.state_mut()
        .queue_command(demarche::ui::command::Command::Navigate {
            nav: demarche::ui::article::Nav::AnnotationNext,
            extend: false,
        });
    h.run();
    assert_eq!(h.state().selection().annotation, Some(mention));
    press(&mut h, Key::Delete);
    assert!(doc(&h).mentions.is_empty(), "deleted");
    assert_eq!(h.state().suggestions().all().len(), 6);
    assert!(
        !h.state()
            .suggestions()
            .all()
            .iter()
            .any(|s| (s.kind, s.start, s.end) == (SuggestionKind::Mention, china.0, china.1)),
        "the deleted annotation's suggestion stays away"
    );
    let rejected = &h.state().workspace().project().rejected_suggestions;
    assert_eq!(rejected.len(), 1);
    assert_eq!((rejected[0].start, rejected[0].end), china);

    // One undo brings back the annotation and forgets the rejection; a second, the start.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(doc(&h).mentions.len(), 1);
    assert!(
        h.state()
            .workspace()
            .project()
            .rejected_suggestions
            .is_empty()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().project(), &before);
}

#[test]
fn the_focused_suggestion_is_described_in_the_inspector_with_its_rule_and_what_enter_creates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rule = demarche::suggest::rules::commitment::WILL;
    let mut h = harness_with(
        saved_project(dir.path()),
        Arc::new(move |_project: &Project, doc: &Document| {
            suggestions(doc)
                .into_iter()
                .map(|mut s| {
                    if s.kind == SuggestionKind::Commitment {
                        s.rule = rule;
                    }
                    s
                })
                .collect()
        }),
    );
    for _ in 0..10 {
        if focused(&h).is_some_and(|f| f.0 == SuggestionKind::Commitment) {
            break;
        }
        press(&mut h, Key::N);
    }
    assert_eq!(focused(&h).map(|f| f.0), Some(SuggestionKind::Commitment));
    // What it is, why (the rule, from the rules' table), and what Enter will create.
    h.get_by_label("Suggested commitment");
    let what = demarche::suggest::rules::rule(rule).expect("a rule").what;
    h.get_by_label_contains(&format!("Rule {rule}: {}", what.trim_end_matches('.')));
    h.get_by_label_contains(
        "A commitment (possible, COOPERATE) by China (a new state actor) to CELAC (a new \
         regional group actor), on a new statement over “China “is ready",
    );
    // Its Accept button does what Enter does.
    h.get_by_label("Accept suggestion (Enter)").click();
    h.run();
    assert_eq!(doc(&h).commitments.len(), 1);
    assert_eq!(doc(&h).statements.len(), 1, "made with its statement");
}

#[test]
fn deleting_an_accepted_suggestion_from_the_inspector_rejects_it_in_the_same_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(saved_project(dir.path()));
    press(&mut h, Key::N);
    press(&mut h, Key::Enter);
    let china = at(TEXT, "China", 0);
    let mention = doc(&h).mentions[0].id;
    h.state_mut()
        .queue_command(demarche::ui::command::Command::Navigate {
            nav: demarche::ui::article::Nav::AnnotationNext,
            extend: false,
        });
    h.run();
    assert_eq!(h.state().selection().annotation, Some(mention));

    h.get_by_label("Delete annotation").click();
    h.run();
    h.run();
    assert!(doc(&h).mentions.is_empty(), "deleted");
    let rejected = &h.state().workspace().project().rejected_suggestions;
    assert_eq!(rejected.len(), 1, "and its suggestion rejected");
    assert_eq!((rejected[0].start, rejected[0].end), china);
    assert!(
        !h.state()
            .suggestions()
            .all()
            .iter()
            .any(|s| (s.kind, s.start, s.end) == (SuggestionKind::Mention, china.0, china.1)),
        "the suggestion does not come back"
    );
    // One undo brings back the mention and forgets the rejection.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(doc(&h).mentions.len(), 1);
    assert!(
        h.state()
            .workspace()
            .project()
            .rejected_suggestions
            .is_empty()
    );
}
