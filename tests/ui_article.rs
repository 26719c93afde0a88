//! The article view driven headless in an egui_kittest harness with a real document:
//! selecting with the mouse and the keyboard, clicking annotations, and seeing a new
//! annotation on the very next frame.

use demarche::model::{
    Actor, Document, DocumentMeta, Id, Mention, Origin, Project, Span, Stamp, Statement,
};
use demarche::ui::action::UiAction;
use demarche::ui::article::{ArticleInput, ArticleView, Nav};
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;

/// A wire story as analysts get it: curly quotes, accents, a CJK name, abbreviations.
const STORY: &str = "BEIJING, Sept. 26 (Xinhua) — Chinese Foreign Minister Wang Yi (王毅) met \
U.N. Secretary-General António Guterres on Tuesday. Wang said China “will firmly support” \
the United Nations in playing a central role.\n\
\n\
Guterres thanked China for its “unwavering” commitment to multilateralism. The two sides \
also discussed the situation in the Middle East.\n\
Mr. Lavrov, Russia’s foreign minister, was not present.";

const DOC: Id = Id(100);
const WANG: Id = Id(1);
const GUTERRES: Id = Id(2);

struct State {
    project: Project,
    view: ArticleView,
    revision: u64,
    selected: Option<Id>,
    actions: Vec<UiAction>,
}

fn offset_of(needle: &str) -> usize {
    let byte = STORY.find(needle).expect("needle in story");
    STORY[..byte].chars().count()
}

fn span_of(doc: &Document, needle: &str) -> Span {
    let start = offset_of(needle);
    Span::from_range(
        doc.text(),
        doc.index(),
        start,
        start + needle.chars().count(),
    )
    .expect("span in range")
}

fn project() -> Project {
    let mut project = Project::new("Wang Yi at the UN");
    project.actors.push(Actor::new(WANG, "Wang Yi", "person"));
    project
        .actors
        .push(Actor::new(GUTERRES, "António Guterres", "person"));
    let origin = Origin {
        path: None,
        format: "text".into(),
        encoding: "UTF-8".into(),
        line_endings: Default::default(),
        file_fingerprint: None,
        imported: chrono::Utc::now(),
    };
    let mut doc = Document::new(DOC, DocumentMeta::default(), origin, STORY.into());
    let stamp = Stamp::now("test");
    doc.mentions.push(Mention {
        id: Id(10),
        span: span_of(&doc, "Wang Yi"),
        actor: WANG,
        stamp: stamp.clone(),
        note: String::new(),
    });
    doc.statements.push(Statement {
        id: Id(11),
        span: span_of(
            &doc,
            "Wang said China “will firmly support” the United Nations",
        ),
        speaker: Some(WANG),
        attribution: "reported".into(),
        cue: None,
        stamp: stamp.clone(),
        note: String::new(),
    });
    doc.mentions.push(Mention {
        id: Id(12),
        span: span_of(&doc, "Wang said"),
        actor: WANG,
        stamp,
        note: String::new(),
    });
    project.documents.push(doc);
    project
}

fn harness() -> Harness<'static, State> {
    let state = State {
        project: project(),
        view: ArticleView::new(),
        revision: 1,
        selected: None,
        actions: Vec::new(),
    };
    let mut harness = Harness::builder()
        .with_size(Vec2::new(700.0, 500.0))
        // Frames a sixtieth of a second apart, so two clicks can make a double-click.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, state: &mut State| {
                // As the app does at start; a no-op after the first frame. (The harness
                // panics on any glyph no font has, so this also checks 王毅 renders.)
                demarche::ui::fonts::install(ui.ctx());
                let Some(doc) = state.project.document(DOC) else {
                    return;
                };
                let input = ArticleInput {
                    project: &state.project,
                    document: doc,
                    revision: state.revision,
                    selected_annotation: state.selected,
                    find_matches: &[],
                    find_current: None,
                };
                let actions = state.view.ui(ui, &input);
                for action in &actions {
                    if let UiAction::SelectAnnotation(id) = action {
                        state.selected = *id;
                    }
                }
                state.actions.extend(actions);
            },
            state,
        );
    harness.run();
    harness
}

/// Screen position of the middle of the character at `offset`.
fn pos_of(harness: &Harness<'_, State>, offset: usize) -> Pos2 {
    let view = &harness.state().view;
    let a = view.offset_rect(offset).expect("laid out");
    let b = view.offset_rect(offset + 1).expect("laid out");
    Pos2::new((a.left() + b.left()) / 2.0, a.center().y)
}

fn press(harness: &Harness<'_, State>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

fn click(harness: &mut Harness<'_, State>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    press(harness, pos, true, Modifiers::NONE);
    press(harness, pos, false, Modifiers::NONE);
    harness.run();
    // Wait out the double-click delay so the next click is a click of its own.
    harness.run_steps(30);
}

fn selected_text(harness: &Harness<'_, State>) -> Option<String> {
    let (s, e) = harness.state().view.selection()?;
    Some(STORY.chars().skip(s).take(e - s).collect())
}

#[test]
fn dragging_selects_and_snaps_to_whole_words() {
    let mut harness = harness();
    // From inside "Foreign" to inside "Minister".
    let from = pos_of(&harness, offset_of("Foreign") + 3);
    let to = pos_of(&harness, offset_of("Minister") + 4);
    harness.event(Event::PointerMoved(from));
    press(&harness, from, true, Modifiers::NONE);
    harness.step();
    for i in 1..=5 {
        harness.event(Event::PointerMoved(from + (to - from) * (i as f32 / 5.0)));
        harness.step();
    }
    press(&harness, to, false, Modifiers::NONE);
    harness.run();
    assert_eq!(selected_text(&harness).as_deref(), Some("Foreign Minister"));
}

#[test]
fn double_click_selects_a_word_with_accents() {
    let mut harness = harness();
    let pos = pos_of(&harness, offset_of("António") + 2);
    harness.event(Event::PointerMoved(pos));
    for _ in 0..2 {
        press(&harness, pos, true, Modifiers::NONE);
        press(&harness, pos, false, Modifiers::NONE);
        harness.step();
    }
    harness.run();
    assert_eq!(selected_text(&harness).as_deref(), Some("António"));
}

#[test]
fn keyboard_moves_by_word_and_sentence_without_splitting_at_abbreviations() {
    let mut harness = harness();
    // Focus the article by clicking its first character.
    let start = pos_of(&harness, 0);
    click(&mut harness, start);
    assert!(harness.state().view.has_focus(&harness.ctx));
    assert_eq!(harness.state().view.caret(), 0);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view.caret(), "BEIJING".len());

    // The dateline is in no sentence: the next sentence start is after it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().view.caret(),
        offset_of("Chinese Foreign Minister")
    );

    // "U.N." does not end the sentence: the next one starts at "Wang said".
    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view.caret(), offset_of("Wang said"));

    // Shift extends: select the next two words.
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    }
    harness.run();
    assert_eq!(selected_text(&harness).as_deref(), Some("Wang said"));

    // Plain arrows collapse the selection, then move by one character.
    harness.key_press(Key::ArrowRight);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view.selection(), None);
    assert_eq!(harness.state().view.caret(), offset_of("Wang said") + 10);
}

#[test]
fn home_and_end_go_to_the_edges_of_the_displayed_line() {
    let mut harness = harness();
    let at = pos_of(&harness, offset_of("Russia"));
    click(&mut harness, at);
    assert_eq!(harness.state().view.caret(), offset_of("Russia"));
    // A short paragraph is one line: End goes to its end, Home to its start.
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().view.caret(), STORY.chars().count());
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().view.caret(), offset_of("Mr. Lavrov"));
    // Shift extends.
    let at = pos_of(&harness, offset_of("Russia"));
    click(&mut harness, at);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::End);
    harness.run();
    assert_eq!(
        selected_text(&harness).as_deref(),
        Some("Russia’s foreign minister, was not present.")
    );

    // The first paragraph wraps at this width: End stops at the end of the first row.
    let at = pos_of(&harness, 0);
    click(&mut harness, at);
    harness.key_press(Key::End);
    harness.run();
    let row_end = harness.state().view.caret();
    assert!(row_end > 0 && row_end < offset_of("the United Nations in playing"));
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(harness.state().view.caret(), 0);
}

#[test]
fn select_sentence_and_next_annotation() {
    let mut harness = harness();
    let doc = harness.state().project.document(DOC).cloned().expect("doc");
    let state = harness.state_mut();
    state
        .view
        .set_selection(offset_of("Guterres thanked"), offset_of("Guterres thanked"));
    state.view.navigate(&doc, Nav::SelectSentence, false);
    assert_eq!(
        selected_text(&harness).as_deref(),
        Some("Guterres thanked China for its “unwavering” commitment to multilateralism.")
    );

    // Next annotation from the start walks them in text order and selects each.
    let state = harness.state_mut();
    state.view.navigate(&doc, Nav::DocumentStart, false);
    state.view.navigate(&doc, Nav::AnnotationNext, false);
    harness.run();
    assert_eq!(selected_text(&harness).as_deref(), Some("Wang Yi"));
    assert_eq!(harness.state().selected, Some(Id(10)));
    let state = harness.state_mut();
    state.view.navigate(&doc, Nav::AnnotationNext, false);
    state.view.navigate(&doc, Nav::AnnotationNext, false);
    harness.run();
    assert_eq!(selected_text(&harness).as_deref(), Some("Wang said"));
    assert_eq!(harness.state().selected, Some(Id(12)));
    let state = harness.state_mut();
    state.view.navigate(&doc, Nav::AnnotationPrevious, false);
    harness.run();
    assert_eq!(
        harness.state().selected,
        Some(Id(11)),
        "the statement starts there too"
    );
}

#[test]
fn clicking_picks_the_innermost_annotation_then_cycles() {
    let mut harness = harness();
    let pos = pos_of(&harness, offset_of("Wang said") + 1);
    click(&mut harness, pos);
    assert_eq!(
        harness.state().selected,
        Some(Id(12)),
        "the mention inside the statement"
    );
    click(&mut harness, pos);
    assert_eq!(
        harness.state().selected,
        Some(Id(11)),
        "then the statement around it"
    );
    click(&mut harness, pos);
    assert_eq!(harness.state().selected, Some(Id(12)), "and round again");
    // A click on plain text clears the selected annotation.
    let plain = pos_of(&harness, offset_of("Tuesday"));
    click(&mut harness, plain);
    assert_eq!(harness.state().selected, None);
}

#[test]
fn an_added_annotation_is_drawn_on_the_next_frame_without_new_layouts() {
    let mut harness = harness();
    let at = offset_of("Guterres thanked");
    assert!(harness.state().view.annotations_at(at).is_empty());
    let layouts_before = harness.state().view.stats().layouts;

    let state = harness.state_mut();
    let doc = state.project.document_mut(DOC).expect("doc");
    let mention = Mention {
        id: Id(20),
        span: Span::from_range(doc.text(), doc.index(), at, at + "Guterres".len())
            .expect("in range"),
        actor: GUTERRES,
        stamp: Stamp::now("test"),
        note: String::new(),
    };
    // Through the same edit the app applies.
    let edit = demarche::edit::Edit::AddAnnotation {
        document: DOC,
        annotation: demarche::model::Annotation::Mention(mention),
    };
    edit.apply(&mut state.project).expect("edit applies");
    state.revision += 1;
    harness.step();

    let view = &harness.state().view;
    assert_eq!(view.annotations_at(at), [Id(20)]);
    assert!(
        view.paragraph_is_current(2),
        "its paragraph's drawing was rebuilt"
    );
    assert!(view.paragraph_is_current(0), "the others were untouched");
    assert_eq!(
        view.stats().layouts,
        layouts_before,
        "no text was laid out again"
    );
}
