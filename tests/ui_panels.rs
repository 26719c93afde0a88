//! The panels and tagging, driven through egui_kittest on a real `Workspace`: what an
//! analyst clicks and types, and what the project holds afterwards.

use crate::ui_panels_support;

use demarche::model::{Annotation, CodebookList, DocStatus, Id, StanceTarget};
use demarche::ui::command::Command;
use demarche::ui::panels::{actors, codebook, documents, inspector, statements};
use demarche::ui::tagging::{self, Tagging};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_panels_support::*;

/// A harness drawing the inspector and the tagging popup, applying actions after each
/// frame as the app does.
fn inspector_harness(bench: Bench) -> Harness<'static, Bench> {
    Harness::builder()
        .with_context_setup(demarche::ui::fonts::install)
        .with_size([900.0, 700.0])
        .build_ui_state(
            |ui, b: &mut Bench| {
                let mut actions =
                    inspector::inspector_ui(ui, &b.ws, &mut b.panels.inspector, &b.sel);
                let ctx = ui.ctx().clone();
                actions.extend(b.tagging.ui(&ctx, &mut b.ws));
                b.apply(actions);
            },
            bench,
        )
}

fn type_text(harness: &mut Harness<'_, Bench>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

#[test]
fn a_whole_sentence_is_not_offered_as_a_new_actors_name() {
    let mut bench = Bench::new();
    let actors_before = bench.ws.project().actors.len();
    let (start, end) = find(
        "CELAC welcomed the proposal and called for more investment.",
        0,
    );
    bench.tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some((start, end)),
        None,
    );
    let mut harness = inspector_harness(bench);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("New actor «CELAC welcomed")
            .is_none(),
        "a sentence is not a name"
    );
    // Enter picks the first actor to browse instead of creating one named by the sentence.
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().ws.project().actors.len(), actors_before);

    // Typing a name still creates the actor.
    let mut bench = Bench::new();
    bench.tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some((start, end)),
        None,
    );
    let actions = bench
        .tagging
        .pick_with_query(&mut bench.ws, "Brazilian Senate");
    bench.apply(actions);
    assert!(
        bench
            .ws
            .project()
            .actor_by_name("Brazilian Senate")
            .is_some()
    );
}

#[test]
fn mention_of_a_new_actor_then_kind_change_undoes_back_to_the_original() {
    let mut bench = Bench::new();
    let original = bench.ws.project().clone();
    let (start, end) = find("José Ramírez", 0);
    let mut tagging = Tagging::new();
    let actions = tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some((start, end)),
        None,
    );
    assert!(actions.is_empty(), "a mention opens the actor popup first");
    assert!(tagging.is_open());
    bench.tagging = tagging;

    let mut harness = inspector_harness(bench);
    harness.run();
    // Nobody is called José Ramírez yet: the popup offers a new actor from the selected
    // words, highlighted, so Enter creates it.
    harness.get_by_label("New actor «José Ramírez»");
    harness.key_press(Key::Enter);
    harness.run();

    let b = harness.state();
    assert!(!b.tagging.is_open());
    let jose =
        b.ws.project()
            .actor_by_name("josé ramírez")
            .expect("actor created")
            .id;
    let mention = b.sel.annotation.expect("the new mention is selected");
    match b.annotation(mention) {
        Annotation::Mention(m) => {
            assert_eq!(m.actor, jose);
            assert_eq!(m.span.text(), "José Ramírez");
            assert_eq!((m.span.start(), m.span.end()), (start, end));
        }
        other => panic!("expected a mention, got {other:?}"),
    }
    assert_eq!(
        b.ws.history().undo_label(),
        Some("Tag mention of new actor “José Ramírez”")
    );

    // The inspector shows it, with the actor's kind editable.
    harness.get_by_label_contains("mention #");
    harness.get_by_value("José Ramírez");
    harness.get_by_value("Person").click();
    harness.run();
    harness.get_by_label("Government body").click();
    harness.run();
    let b = harness.state();
    assert_eq!(
        b.ws.project().actor(jose).map(|a| a.kind.as_str()),
        Some("government_body")
    );

    let b = harness.state_mut();
    assert_eq!(
        b.ws.undo().expect("undo applies"),
        Some("Change kind of “José Ramírez”".into())
    );
    assert!(b.ws.undo().expect("undo applies").is_some());
    assert_eq!(
        *b.ws.project(),
        original,
        "two undos restore the project exactly"
    );
    assert!(b.errors.is_empty(), "{:?}", b.errors);
}

#[test]
fn mention_popup_picks_an_existing_actor_by_alias_with_arrow_keys() {
    let mut bench = Bench::new();
    let (start, end) = find("He", 0);
    bench.tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some((start, end)),
        None,
    );
    let mut harness = inspector_harness(bench);
    harness.run();
    type_text(&mut harness, "wa");
    // "Wang Yi" matches by name; the second entry is the new-actor offer.
    harness.get_by_label("Wang Yi");
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::Enter);
    harness.run();
    let b = harness.state();
    let id = b.sel.annotation.expect("mention selected");
    match b.annotation(id) {
        Annotation::Mention(m) => assert_eq!(m.actor, WANG),
        other => panic!("expected a mention, got {other:?}"),
    }
    assert_eq!(b.ws.project().actors.len(), 3, "no actor was created");
}

#[test]
fn escape_cancels_the_popup_without_changing_anything() {
    let mut bench = Bench::new();
    let before = bench.ws.project().clone();
    bench.tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some(find("Brasília", 0)),
        None,
    );
    let mut harness = inspector_harness(bench);
    harness.run();
    type_text(&mut harness, "Bras");
    harness.key_press(Key::Escape);
    harness.run();
    let b = harness.state();
    assert!(!b.tagging.is_open());
    assert_eq!(*b.ws.project(), before);
    assert!(!b.ws.history().can_undo());
}

#[test]
fn typing_a_new_name_and_enter_creates_that_actor() {
    let mut bench = Bench::new();
    bench.tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some(find("The delegation", 0)),
        None,
    );
    let mut harness = inspector_harness(bench);
    harness.run();
    type_text(&mut harness, "Chinese delegation");
    harness.key_press(Key::Enter);
    harness.run();
    let b = harness.state();
    let actor =
        b.ws.project()
            .actor_by_name("Chinese delegation")
            .expect("created");
    let id = b.sel.annotation.expect("selected");
    match b.annotation(id) {
        Annotation::Mention(m) => {
            assert_eq!(m.actor, actor.id);
            assert_eq!(m.span.text(), "The delegation");
        }
        other => panic!("expected a mention, got {other:?}"),
    }
}

#[test]
fn commitment_without_a_statement_creates_both_in_one_undo_step() {
    let mut bench = Bench::new();
    let before = bench.ws.project().clone();
    let selection = find(
        "Beijing is ready to deepen cooperation with CELAC in trade and energy",
        0,
    );
    let actions = bench.tagging.start(
        Command::TagCommitment,
        &mut bench.ws,
        DOC,
        Some(selection),
        None,
    );
    bench.apply(actions);
    let id = bench.sel.annotation.expect("commitment selected");
    let Annotation::Commitment(c) = bench.annotation(id) else {
        panic!("expected a commitment");
    };
    assert_eq!(
        c.strength, "possible",
        "“ready to” is a possible commitment"
    );
    assert_eq!(
        c.committer,
        Some(CHINA),
        "nested attribution: “He stressed that Beijing is ready to …” is China's"
    );
    let Annotation::Statement(s) = bench.annotation(c.statement) else {
        panic!("expected its statement");
    };
    assert_eq!((s.span.start(), s.span.end()), selection);
    assert_eq!(s.speaker, Some(WANG));
    assert_eq!(s.attribution, "reported");

    // A stance on the same words reuses the statement.
    let actions = bench.tagging.start(
        Command::TagStance,
        &mut bench.ws,
        DOC,
        Some(selection),
        None,
    );
    bench.apply(actions);
    let Annotation::Stance(st) = bench.annotation(bench.sel.annotation.expect("stance")) else {
        panic!("expected a stance");
    };
    assert_eq!(st.statement, s.id);
    assert_eq!(bench.doc().statements.len(), 2);

    bench.ws.undo().expect("undo");
    bench.ws.undo().expect("undo");
    assert_eq!(*bench.ws.project(), before);
}

#[test]
fn defaults_follow_attribution_subject_and_cue_words() {
    let mut bench = Bench::new();
    let doc = bench.doc();
    // Inside the quote, after "Wang Yi said": Wang, direct.
    let (s, e) = find("will work with Latin American countries", 0);
    let a = tagging::default_attribution(doc, s, e).expect("attributed");
    assert_eq!(a.speaker, WANG);
    assert!(a.attributed);
    assert_eq!(tagging::default_attribution_mode(doc, s, e, true), "direct");
    // No attribution near: the subject of the sentence (its first mention).
    let (s, e) = find("welcomed the proposal", 0);
    let a = tagging::default_attribution(doc, s, e).expect("subject");
    assert_eq!((a.speaker, a.attributed), (CELAC, false));
    // A sentence with nobody in it and nobody before.
    let (s, e) = find("arrived in Brasília", 0);
    assert_eq!(tagging::default_attribution(doc, s, e), None);
    assert_eq!(
        tagging::default_attribution_mode(doc, s, e, false),
        "narration"
    );

    // "According to José Ramírez, …": once he is tagged, he is the speaker, with the cue.
    bench.tagging.start(
        Command::TagMention,
        &mut bench.ws,
        DOC,
        Some(find("José Ramírez", 0)),
        None,
    );
    let actions = bench.tagging.pick_with_query(&mut bench.ws, "");
    bench.apply(actions);
    let jose = bench
        .ws
        .project()
        .actor_by_name("José Ramírez")
        .expect("tagged")
        .id;
    let doc = bench.doc();
    let (s, e) = find("the two sides hope to sign a memorandum", 0);
    let a = tagging::default_attribution(doc, s, e).expect("attributed");
    assert_eq!(a.speaker, jose);
    let (cs, ce) = a.cue.expect("cue found");
    assert_eq!(doc.slice(cs, ce), Some("According to"));

    assert_eq!(
        tagging::default_strength(doc, "China will work with"),
        Some("certain")
    );
    assert_eq!(
        tagging::default_strength(doc, "the parties shall consult"),
        Some("certain")
    );
    assert_eq!(
        tagging::default_strength(doc, "Beijing is willing to help"),
        Some("possible")
    );
    assert_eq!(
        tagging::default_strength(doc, "we hope the talks will continue"),
        Some("possible")
    );
    assert_eq!(tagging::default_strength(doc, "the talks continued"), None);
}

#[test]
fn change_actor_repoints_the_committer_of_the_selected_commitment() {
    let mut bench = Bench::new();
    bench.sel.annotation = Some(COMMITMENT);
    bench.tagging.start(
        Command::ChangeActor,
        &mut bench.ws,
        DOC,
        None,
        Some(COMMITMENT),
    );
    let mut harness = inspector_harness(bench);
    harness.run();
    type_text(&mut harness, "CEL");
    harness.key_press(Key::Enter);
    harness.run();
    let Annotation::Commitment(c) = harness.state().annotation(COMMITMENT) else {
        panic!("commitment");
    };
    assert_eq!(c.committer, Some(CELAC));
}

#[test]
fn tag_popup_filters_categories_and_can_add_one() {
    let mut bench = Bench::new();
    bench.tagging.start(
        Command::TagTag,
        &mut bench.ws,
        DOC,
        Some(find("shared future", 0)),
        None,
    );
    let mut harness = inspector_harness(bench);
    harness.run();
    type_text(&mut harness, "hed");
    harness.key_press(Key::Enter);
    harness.run();
    let b = harness.state();
    let Annotation::Tag(t) = b.annotation(b.sel.annotation.expect("tag")) else {
        panic!("tag");
    };
    assert_eq!(t.category, "hedge");

    let mut bench = Bench::new();
    bench.tagging.start(
        Command::TagTag,
        &mut bench.ws,
        DOC,
        Some(find("trade and energy", 0)),
        None,
    );
    let actions = bench
        .tagging
        .pick_with_query(&mut bench.ws, "energy security");
    bench.apply(actions);
    assert!(
        bench
            .ws
            .project()
            .codebook
            .entry(CodebookList::TagCategories, "energy security")
            .is_some()
    );
    assert_eq!(bench.doc().tags.len(), 1);
}

#[test]
fn inspector_typing_is_one_undo_step_and_combo_changes_strength() {
    let mut bench = Bench::new();
    bench.sel.annotation = Some(COMMITMENT);
    let mut harness = inspector_harness(bench);
    harness.run();
    harness
        .get_all_by_value("build a community with a shared future")
        .next()
        .expect("action field")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "build a shared future");
    type_text(&mut harness, " together");
    let Annotation::Commitment(c) = harness.state().annotation(COMMITMENT) else {
        panic!()
    };
    assert_eq!(c.action, "build a shared future together");
    assert!(c.stamp.modified >= c.stamp.created);

    harness.get_by_value("Certain").click();
    harness.run();
    harness.get_by_label("Probable").click();
    harness.run();
    let b = harness.state_mut();
    let Annotation::Commitment(c) = b.annotation(COMMITMENT) else {
        panic!()
    };
    assert_eq!(c.strength, "probable");
    b.ws.undo().expect("undo strength");
    b.ws.undo().expect("undo typing");
    let Annotation::Commitment(c) = b.annotation(COMMITMENT) else {
        panic!()
    };
    assert_eq!(
        c.action, "build a community with a shared future",
        "typing was one step"
    );
}

#[test]
fn inspector_delete_removes_a_statement_with_its_commitment_and_stance() {
    let mut bench = Bench::new();
    bench.sel.annotation = Some(STATEMENT);
    let mut harness = inspector_harness(bench);
    harness.run();
    harness.get_by_label("Delete annotation").click();
    harness.run();
    let b = harness.state();
    assert!(b.doc().statements.is_empty());
    assert!(b.doc().commitments.is_empty());
    assert!(b.doc().stances.is_empty());
    assert_eq!(b.sel.annotation, None);
}

fn actors_harness(bench: Bench) -> Harness<'static, Bench> {
    Harness::builder()
        .with_context_setup(demarche::ui::fonts::install)
        .with_size([500.0, 900.0])
        .build_ui_state(
            |ui, b: &mut Bench| {
                let actions = actors::actors_ui(ui, &mut b.ws, &mut b.panels.actors, &b.sel);
                b.apply(actions);
            },
            bench,
        )
}

#[test]
fn actors_panel_searches_by_alias_and_code_and_shows_counts() {
    let mut harness = actors_harness(Bench::new());
    harness.run();
    // Wang Yi: 2 mentions, 0 commitments, 1 stance; China: 2 mentions, 1 commitment.
    harness.get_by_label("2 · 0 · 1");
    harness.get_by_label("2 · 1 · 0");
    harness.state_mut().panels.actors.search = "王".into();
    harness.run();
    harness.get_by_label("Wang Yi (王毅)");
    assert!(harness.query_by_label("China").is_none());
    harness.state_mut().panels.actors.search = "chn".into();
    harness.run();
    harness.get_by_label("China (CHN)");
}

#[test]
fn merging_actors_moves_every_reference_and_keeps_the_names() {
    let mut bench = Bench::new();
    // A duplicate "PRC" with a mention and a stance of its own.
    let prc = Id(40);
    bench.edit(
        "add",
        demarche::edit::Edit::AddActor(demarche::model::Actor::new(prc, "PRC", "state")),
    );
    let Annotation::Stance(mut st) = bench.annotation(STANCE) else {
        panic!()
    };
    st.target = Some(StanceTarget::Actor(prc));
    bench.edit(
        "retarget",
        demarche::edit::Edit::UpdateAnnotation {
            document: DOC,
            annotation: Annotation::Stance(st),
        },
    );
    let mut harness = actors_harness(bench);
    harness.run();
    harness.get_by_label("PRC").click();
    harness.run();
    harness.state_mut().panels.actors.merge_into = Some(CHINA);
    harness.run();
    harness.get_by_label("Merge").click();
    harness.run();
    let b = harness.state();
    assert!(b.errors.is_empty(), "{:?}", b.errors);
    let project = b.ws.project();
    assert!(project.actor(prc).is_none());
    let china = project.actor(CHINA).expect("kept");
    assert!(china.aliases.iter().any(|a| a == "PRC"));
    let Annotation::Stance(st) = b.annotation(STANCE) else {
        panic!()
    };
    assert_eq!(st.target, Some(StanceTarget::Actor(CHINA)));
    assert_eq!(b.panels.actors.selected, Some(CHINA));
}

#[test]
fn deleting_an_actor_asks_then_reassigns_or_removes_mentions() {
    let mut harness = actors_harness(Bench::new());
    harness.run();
    harness.get_by_label("CELAC").click();
    harness.run();
    harness.get_by_label("Delete actor…").click();
    harness.run();
    // Nothing happens until confirmed.
    assert!(harness.state().ws.project().actor(CELAC).is_some());
    harness.get_by_label("Reassign everything to:").click();
    harness.run();
    if let Some(req) = harness.state_mut().panels.actors.delete.as_mut() {
        req.reassign_to = Some(CHINA);
    }
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    let b = harness.state();
    assert!(b.ws.project().actor(CELAC).is_none());
    assert!(b.doc().mentions.iter().filter(|m| m.actor == CHINA).count() == 4);
    let Annotation::Commitment(c) = b.annotation(COMMITMENT) else {
        panic!()
    };
    assert_eq!(c.addressees, vec![CHINA]);

    // Removing instead: Wang Yi's mentions go, his roles are cleared.
    let mut harness = actors_harness(Bench::new());
    harness.run();
    harness.get_by_label("Wang Yi").click();
    harness.run();
    harness.get_by_label("Delete actor…").click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    let b = harness.state();
    assert!(b.ws.project().actor(WANG).is_none());
    assert!(b.doc().mentions.iter().all(|m| m.actor != WANG));
    assert_eq!(b.doc().mentions.len(), 4);
    let Annotation::Statement(s) = b.annotation(STATEMENT) else {
        panic!()
    };
    assert_eq!(s.speaker, None);
}

#[test]
fn new_actor_takes_the_search_text_and_edits_are_undoable() {
    let mut harness = actors_harness(Bench::new());
    harness.state_mut().panels.actors.search = "Itamaraty".into();
    harness.run();
    harness.get_by_label("New actor").click();
    harness.run();
    let b = harness.state();
    let id =
        b.ws.project()
            .actor_by_name("Itamaraty")
            .expect("created")
            .id;
    assert_eq!(b.panels.actors.selected, Some(id));
    harness
        .get_all_by_value("Itamaraty")
        .next()
        .expect("name field")
        .click();
    harness.run();
    harness.key_press(Key::End);
    type_text(&mut harness, " (Brazil)");
    let b = harness.state_mut();
    assert_eq!(
        b.ws.project().actor(id).map(|a| a.name.as_str()),
        Some("Itamaraty (Brazil)")
    );
    b.ws.undo().expect("undo");
    assert_eq!(
        b.ws.project().actor(id).map(|a| a.name.as_str()),
        Some("Itamaraty")
    );
}

#[test]
fn renaming_a_codebook_key_updates_annotations() {
    let mut bench = Bench::new();
    bench.panels.codebook.list = CodebookList::Strengths;
    let mut harness = Harness::builder()
        .with_context_setup(demarche::ui::fonts::install)
        .with_size([1000.0, 700.0])
        .build_ui_state(
            |ui, b: &mut Bench| {
                let actions = codebook::codebook_ui(ui, &b.ws, &mut b.panels.codebook);
                b.apply(actions);
            },
            bench,
        );
    harness.run();
    harness.get_by_label("Key of Certain").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "definite");
    // Nothing is renamed while typing.
    assert!(
        harness
            .state()
            .ws
            .project()
            .codebook
            .entry(CodebookList::Strengths, "certain")
            .is_some()
    );
    harness.key_press(Key::Enter);
    harness.run();
    let b = harness.state();
    assert!(b.errors.is_empty(), "{:?}", b.errors);
    let cb = &b.ws.project().codebook;
    assert!(cb.entry(CodebookList::Strengths, "certain").is_none());
    assert_eq!(cb.label(CodebookList::Strengths, "definite"), "Certain");
    assert_eq!(
        cb.list(CodebookList::Strengths)[0].key,
        "definite",
        "keeps its place"
    );
    let Annotation::Commitment(c) = b.annotation(COMMITMENT) else {
        panic!()
    };
    assert_eq!(c.strength, "definite");
    assert_eq!(
        b.ws.history().undo_label(),
        Some("Rename key “certain” to “definite”")
    );
}

#[test]
fn codebook_entries_in_use_cannot_be_removed_but_unused_ones_can() {
    let mut bench = Bench::new();
    bench.panels.codebook.list = CodebookList::Polarities;
    let usage = codebook::key_usage(bench.ws.project(), CodebookList::Polarities);
    assert_eq!(usage.get("favor"), Some(&1));
    let mut harness = Harness::builder()
        .with_context_setup(demarche::ui::fonts::install)
        .with_size([1000.0, 700.0])
        .build_ui_state(
            |ui, b: &mut Bench| {
                let actions = codebook::codebook_ui(ui, &b.ws, &mut b.panels.codebook);
                b.apply(actions);
            },
            bench,
        );
    harness.run();
    let removes = harness.get_all_by_label("Remove").count();
    assert_eq!(removes, 4);
    // "favor" is first and in use: clicking its Remove does nothing.
    harness
        .get_all_by_label("Remove")
        .next()
        .expect("a button")
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .ws
            .project()
            .codebook
            .entry(CodebookList::Polarities, "favor")
            .is_some()
    );
    harness
        .get_all_by_label("Remove")
        .nth(3)
        .expect("mixed")
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .ws
            .project()
            .codebook
            .entry(CodebookList::Polarities, "mixed")
            .is_none()
    );
    // Retiring hides an entry from new choices but keeps it readable.
    harness
        .get_all_by_role(egui::accesskit::Role::CheckBox)
        .next()
        .expect("checkbox")
        .click();
    harness.run();
    let cb = &harness.state().ws.project().codebook;
    assert!(
        cb.entry(CodebookList::Polarities, "favor")
            .is_some_and(|e| e.retired)
    );
    assert_eq!(
        cb.first_active(CodebookList::Polarities)
            .map(|e| e.key.as_str()),
        Some("against")
    );
}

#[test]
fn statements_table_filters_sorts_and_row_click_selects_and_reveals() {
    let mut bench = Bench::new();
    // A second statement coded as nothing ("other").
    let actions = bench.tagging.start(
        Command::TagStatement,
        &mut bench.ws,
        DOC,
        Some(find(
            "CELAC welcomed the proposal and called for more investment.",
            0,
        )),
        None,
    );
    bench.apply(actions);
    let other = bench.sel.annotation.expect("statement");
    bench.sel.annotation = None;

    let rows = statements::rows(bench.ws.project(), bench.doc());
    assert_eq!(rows.len(), 3);
    let kinds: Vec<_> = rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            statements::RowKind::Commitment,
            statements::RowKind::Stance,
            statements::RowKind::Other
        ]
    );
    let filter = statements::Filter {
        actor: Some(CELAC),
        ..Default::default()
    };
    let shown = statements::visible_rows(
        rows.clone(),
        &filter,
        statements::SortColumn::Position,
        false,
    );
    assert_eq!(shown.iter().map(|r| r.id).collect::<Vec<_>>(), [other]);
    let by_actor = statements::visible_rows(
        rows,
        &Default::default(),
        statements::SortColumn::Actor,
        false,
    );
    assert_eq!(by_actor[0].actor_name, "CELAC");

    let mut harness = Harness::builder()
        .with_context_setup(demarche::ui::fonts::install)
        .with_size([900.0, 500.0])
        .build_ui_state(
            |ui, b: &mut Bench| {
                let actions =
                    statements::statements_ui(ui, &b.ws, &mut b.panels.statements, &b.sel);
                b.apply(actions);
            },
            bench,
        );
    harness.run();
    harness.get_by_label("Multilateralism");
    harness.get_by_label("Material cooperation");
    // Filter to stances only: the commitment row goes.
    harness.get_by_value("any kind").click();
    harness.run();
    harness
        .get_all_by_label("stance")
        .last()
        .expect("popup entry")
        .click();
    harness.run();
    assert!(harness.query_by_label("Material cooperation").is_none());
    harness.get_by_label("Multilateralism").click();
    harness.run();
    let b = harness.state();
    assert_eq!(b.sel.annotation, Some(STANCE));
    let Annotation::Statement(s) = b.annotation(STATEMENT) else {
        panic!()
    };
    assert_eq!(b.revealed, Some((s.span.start(), s.span.end())));

    // Free text filter.
    harness.state_mut().panels.statements.filter = statements::Filter {
        text: "INVESTMENT".into(),
        ..Default::default()
    };
    harness.run();
    assert!(harness.query_by_label("Multilateralism").is_none());
    harness.get_by_label("other");
}

#[test]
fn documents_panel_switches_sorts_and_sets_status() {
    let bench = Bench::new();
    let docs = &bench.ws.project().documents;
    let by_title = documents::sorted(docs, documents::DocumentOrder::Title);
    assert_eq!(
        by_title[0].id,
        Id(30),
        "“Ämter …” sorts with the A's, before “Wang …” (accents ignored)"
    );
    let by_date = documents::sorted(docs, documents::DocumentOrder::Date);
    assert_eq!(by_date[0].id, DOC, "newest first");

    let mut harness = Harness::builder()
        .with_context_setup(demarche::ui::fonts::install)
        .with_size([400.0, 600.0])
        .build_ui_state(
            |ui, b: &mut Bench| {
                let actions = documents::documents_ui(ui, &b.ws, &mut b.panels.documents, &b.sel);
                b.apply(actions);
            },
            bench,
        );
    harness.run();
    harness.get_by_label("2026-03-10 · Xinhua · 9 annotations");
    harness.get_by_label("Ämter und Ministerien").click();
    harness.run();
    assert_eq!(harness.state().sel.document, Some(Id(30)));
    harness
        .get_all_by_value("to do")
        .next()
        .expect("status combo")
        .click();
    harness.run();
    harness.get_by_label("in progress").click();
    harness.run();
    let b = harness.state();
    assert_eq!(
        b.ws.project()
            .document(DOC)
            .map(|d| d.meta.status_of(b.ws.annotator())),
        Some(DocStatus::InProgress)
    );
}
