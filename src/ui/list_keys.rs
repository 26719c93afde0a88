//! The keys of a list that takes the keyboard from the article while it has it (the
//! agreement browser, the corpus hit list): ↑/↓, Page Up/Down and Enter.

/// Takes this frame's list keys while the list `open` at `rect` has the keyboard: a press
/// inside the list gives it the keyboard, a press elsewhere gives it back to the article.
/// Returns the rows to move (`page` per Page key) and whether Enter was pressed.
pub fn take_list_keys(
    ctx: &egui::Context,
    open: bool,
    rect: Option<egui::Rect>,
    page: isize,
    has_keys: &mut bool,
) -> (isize, bool) {
    if !open {
        *has_keys = false;
        return (0, false);
    }
    if let Some(pos) = ctx.input(|i| {
        i.pointer
            .primary_pressed()
            .then(|| i.pointer.press_origin())
            .flatten()
    }) {
        *has_keys = rect.is_some_and(|r| r.contains(pos));
    }
    // A focused field or selector (the browser's own filters) keeps its arrows.
    if !*has_keys || ctx.text_edit_focused() || crate::ui::type_ahead::has_focus(ctx) {
        return (0, false);
    }
    use egui::{Key, Modifiers};
    ctx.input_mut(|i| {
        let mut moves = 0;
        for (key, step) in [
            (Key::ArrowDown, 1),
            (Key::ArrowUp, -1),
            (Key::PageDown, page),
            (Key::PageUp, -page),
        ] {
            while i.consume_key(Modifiers::NONE, key) {
                moves += step;
            }
        }
        (moves, i.consume_key(Modifiers::NONE, Key::Enter))
    })
}
