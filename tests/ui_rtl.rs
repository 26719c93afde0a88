//! Right-to-left text in the article view: Arabic words in an English line and an Arabic
//! paragraph with English names are drawn in visual order (the bidi algorithm), while
//! clicks and drags select logical code-point ranges, as the project stores them.

use demarche::model::{Document, DocumentMeta, Id, Origin, Project};
use demarche::ui::action::UiAction;
use demarche::ui::article::{ArticleInput, ArticleView};
use egui::{Event, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;

const TEXT: &str = "The minister said وزير الخارجية today.\n\
\n\
التقى الوزير Mauro Vieira في الرياض";

const DOC: Id = Id(7);

struct State {
    project: Project,
    view: ArticleView,
}

/// Code points `[start, end)` of `needle` in the text.
fn range_of(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn harness() -> Harness<'static, State> {
    let origin = Origin {
        path: None,
        format: "text".into(),
        encoding: "UTF-8".into(),
        line_endings: Default::default(),
        file_fingerprint: None,
        imported: chrono::Utc::now(),
    };
    let mut project = Project::new("RTL");
    project.documents.push(Document::new(
        DOC,
        DocumentMeta::default(),
        origin,
        TEXT.into(),
    ));
    let state = State {
        project,
        view: ArticleView::new(),
    };
    let mut harness = Harness::builder()
        .with_size(Vec2::new(700.0, 400.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, state: &mut State| {
                demarche::ui::fonts::install(ui.ctx());
                let Some(doc) = state.project.document(DOC) else {
                    return;
                };
                let input = ArticleInput {
                    project: &state.project,
                    document: doc,
                    revision: 1,
                    selected_annotation: None,
                    find_matches: &[],
                    find_current: None,
                };
                let _: Vec<UiAction> = state.view.ui(ui, &input);
            },
            state,
        );
    harness.run();
    harness
}

/// The x where the caret sits at a boundary.
fn x_at(h: &Harness<'_, State>, offset: usize) -> f32 {
    h.state().view.offset_rect(offset).expect("laid out").left()
}

/// A word's extent on screen, left to right, whatever its direction: from the caret
/// before its first letter to the caret before its last (both inside the word; the
/// boundary after a word sits where the next character is, which may be elsewhere when
/// the direction changes).
fn extent(h: &Harness<'_, State>, needle: &str) -> (f32, f32) {
    let (s, e) = range_of(needle);
    let (a, b) = (x_at(h, s), x_at(h, e - 1));
    (a.min(b), a.max(b))
}

fn press(h: &Harness<'_, State>, pos: Pos2, pressed: bool) {
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

#[test]
fn arabic_words_in_an_english_line_read_right_to_left_in_place() {
    let h = harness();
    let said = extent(&h, "said");
    let first = extent(&h, "وزير");
    let second = extent(&h, "الخارجية");
    let today = extent(&h, "today");
    // The first Arabic word (logically) is drawn right of the second; English around.
    assert!(said.1 <= second.0, "{said:?} then {second:?}");
    assert!(second.1 <= first.0 + 0.5, "{second:?} left of {first:?}");
    assert!(first.1 <= today.0, "{first:?} then {today:?}");
    // A right-to-left word starts (logically) at its right edge.
    let (s, e) = range_of("وزير");
    assert!(x_at(&h, s) > x_at(&h, e));
}

#[test]
fn an_arabic_paragraph_reads_from_the_right_with_english_names_left_to_right() {
    let h = harness();
    let met = extent(&h, "التقى");
    let minister = extent(&h, "الوزير");
    let mauro = extent(&h, "Mauro");
    let vieira = extent(&h, "Vieira");
    let riyadh = extent(&h, "الرياض");
    assert!(
        minister.1 <= met.0 + 0.5,
        "the second word left of the first"
    );
    assert!(vieira.1 <= minister.0 + 0.5);
    assert!(mauro.1 <= vieira.0, "Mauro Vieira stays left to right");
    assert!(riyadh.1 <= mauro.0);
    // Aligned right: the paragraph's first word ends far right, near the English line's
    // right limit rather than at the left margin.
    assert!(met.1 > 400.0, "{met:?}");
}

#[test]
fn a_double_click_and_a_drag_over_arabic_select_logical_offsets() {
    let mut h = harness();
    let minister = range_of("الوزير");
    let (l, r) = extent(&h, "الوزير");
    // The caret before its last letter is a letter's width from its left edge.
    let l = l - (r - l) / 5.0;
    let y = h
        .state()
        .view
        .offset_rect(minister.0)
        .expect("laid out")
        .center()
        .y;
    let middle = Pos2::new((l + r) / 2.0, y);
    h.event(Event::PointerMoved(middle));
    for _ in 0..2 {
        press(&h, middle, true);
        press(&h, middle, false);
        h.step();
    }
    h.run();
    assert_eq!(h.state().view.selection(), Some(minister));
    h.run_steps(30);

    // Dragging from the right of "التقى" (its logical start) to the left of "الوزير"
    // (its logical end) selects the two words in logical order.
    let met = range_of("التقى");
    let from = Pos2::new(extent(&h, "التقى").1 - 2.0, y);
    let to = Pos2::new(l + 1.0, y);
    h.event(Event::PointerMoved(from));
    press(&h, from, true);
    h.step();
    for i in 1..=5 {
        h.event(Event::PointerMoved(from + (to - from) * (i as f32 / 5.0)));
        h.step();
    }
    press(&h, to, false);
    h.run();
    assert_eq!(h.state().view.selection(), Some((met.0, minister.1)));
}
