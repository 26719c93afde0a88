//! A searchable picker, used instead of egui's `ComboBox` (whose popup the keyboard can
//! neither search nor walk): a button showing the current choice that opens, in place, a
//! search field over a filtered list. Typing on the focused button opens it with what was
//! typed; ↑/↓ move the highlight, Enter picks, Escape closes. It opens in place rather
//! than in a popup so that it wraps to the panel and Tab order stays the panel's.

use super::focus_ring;
use egui::{Event, Id, Key, Modifiers, Ui};

/// One entry of the list.
pub struct Choice {
    pub label: String,
    /// Shown on hover (a codebook entry's description).
    pub hover: Option<String>,
    /// The value the field holds now.
    pub current: bool,
}

impl Choice {
    pub fn new(label: impl Into<String>, current: bool) -> Self {
        Self {
            label: label.into(),
            hover: None,
            current,
        }
    }
}

#[derive(Clone, Default)]
struct State {
    open: bool,
    query: String,
    highlight: usize,
    /// Give the search field focus on the next draw.
    focus_search: bool,
}

/// Rows shown at most; the search narrows the rest.
const MAX_ROWS: usize = 200;

/// Whether some picker's list is open: Escape then closes it, not the inspector.
pub fn any_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<Id>(open_marker()))
        .is_some_and(|id| {
            ctx.data(|d| d.get_temp::<State>(id))
                .is_some_and(|s| s.open)
        })
}

fn open_marker() -> Id {
    Id::unique("demarche-picker-open")
}

/// Draws the picker `id` (persistent, e.g. `ui.make_persistent_id(name)`) named `name` for
/// screen readers, showing `shown`. `choices(query)` lists what matches the typed query, in
/// order; it is called only while the list is open. Returns the index of the choice picked.
pub fn picker_ui(
    ui: &mut Ui,
    id: Id,
    name: &str,
    shown: &str,
    choices: impl FnOnce(&str) -> Vec<Choice>,
) -> Option<usize> {
    let mut state: State = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut picked = None;
    // As wide as the panel allows (never past its edge), the text wrapping inside.
    // Measured against the visible panel rather than the cell: a grid's cells are narrow
    // on their first frame, and a width taken from them would change the layout for a few
    // frames.
    let right = ui
        .clip_rect()
        .right()
        .min(ui.max_rect().right().max(ui.cursor().left() + 40.0));
    let width = (right - ui.cursor().left() - ui.spacing().item_spacing.x).clamp(40.0, 280.0);
    let icon = ui.spacing().icon_width;
    let inner = ui.vertical(|ui| {
        ui.set_max_width(width);
        let button = egui::Button::new(shown)
            .wrap()
            .min_size(egui::vec2(width, 0.0))
            .selected(state.open);
        let response = ui.add(button);
        let rect = egui::Rect::from_min_size(
            egui::pos2(
                response.rect.right() - icon - 4.0,
                response.rect.center().y - icon / 2.0,
            ),
            egui::vec2(icon, icon),
        );
        let visuals = ui.style().interact(&response);
        let triangle =
            egui::Rect::from_center_size(rect.center(), egui::vec2(icon * 0.6, icon * 0.35));
        ui.painter().add(egui::Shape::rotated_triangle(
            triangle,
            0.0,
            visuals.fg_stroke.color,
        ));
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::new(egui::Role::ComboBox);
            info.enabled = ui.is_enabled();
            info.current_text_value = Some(shown.to_owned());
            info
        });
        let response = response.accessible_name(name);
        focus_ring::register(ui.ctx(), response.id, id.with("search"));
        // Outside the inspector too, letters typed on it are its own.
        super::type_ahead::claim_letters(ui.ctx(), response.id);

        // Letters typed on the focused button open the list searching for them.
        if response.has_focus() && !state.open {
            let typed: String = ui.input(|i| {
                i.events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) => Some(t.as_str()),
                        _ => None,
                    })
                    .collect()
            });
            let down = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown));
            if !typed.trim().is_empty() || down {
                state = State {
                    open: true,
                    query: typed.trim_start().to_owned(),
                    highlight: 0,
                    focus_search: true,
                };
            }
        }
        if response.clicked() {
            state = State {
                open: !state.open,
                focus_search: true,
                ..State::default()
            };
            if !state.open {
                response.request_focus();
            }
        }

        if state.open {
            let search_id = id.with("search");
            let focused = ui.memory(|m| m.has_focus(search_id));
            let (mut enter, mut escape, mut step) = (false, false, 0isize);
            if focused {
                ui.input_mut(|i| {
                    enter = i.consume_key(Modifiers::NONE, Key::Enter);
                    escape = i.consume_key(Modifiers::NONE, Key::Escape);
                    while i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                        step += 1;
                    }
                    while i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                        step -= 1;
                    }
                });
            }
            let field = ui.add(
                egui::TextEdit::singleline(&mut state.query)
                    .id(search_id)
                    .hint_text("type to search")
                    .desired_width(width),
            );
            let field = field.accessible_name(format!("Search {name}"));
            if field.changed() {
                state.highlight = 0;
            }
            if state.focus_search {
                field.request_focus();
                state.focus_search = false;
            }
            let list = choices(&state.query);
            if !list.is_empty() {
                let last = list.len().min(MAX_ROWS) as isize - 1;
                state.highlight = (state.highlight as isize + step).clamp(0, last) as usize;
            }
            if enter && !list.is_empty() {
                picked = Some(state.highlight);
            }
            egui::ScrollArea::vertical()
                .id_salt(id.with("list"))
                .max_height(220.0)
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    if list.is_empty() {
                        ui.weak("nothing matches");
                    }
                    for (i, choice) in list.iter().enumerate().take(MAX_ROWS) {
                        let text = if choice.current {
                            egui::RichText::new(&choice.label).strong()
                        } else {
                            egui::RichText::new(&choice.label)
                        };
                        let row = egui::Button::selectable(i == state.highlight, text)
                            .wrap()
                            .min_size(egui::vec2(width, 0.0));
                        let mut row = ui.add(row);
                        if i == state.highlight && step != 0 {
                            row.scroll_to_me(None);
                        }
                        if let Some(hover) = &choice.hover {
                            row = row.on_hover_text(hover);
                        }
                        if row.clicked() {
                            picked = Some(i);
                        }
                    }
                });
            if picked.is_some() || escape {
                state = State::default();
                response.request_focus();
            }
        }
        response
    });
    let _ = inner;
    if state.open {
        ui.data_mut(|d| d.insert_temp(open_marker(), id));
    }
    ui.data_mut(|d| d.insert_temp(id, state));
    picked
}

/// A picker over a fixed list of `options` (value, label, hover), showing `current`'s
/// label or `none` when nothing is chosen. Returns the value picked.
pub fn pick_one<T: Clone + PartialEq>(
    ui: &mut Ui,
    id: Id,
    name: &str,
    current: Option<&T>,
    none: &str,
    options: &[(T, String, Option<String>)],
) -> Option<T> {
    let shown = options
        .iter()
        .find(|(v, _, _)| Some(v) == current)
        .map_or(none, |(_, label, _)| label.as_str());
    let mut order = Vec::new();
    let picked = picker_ui(ui, id, name, shown, |query| {
        order = filter_labels(options.iter().map(|(_, l, _)| l.as_str()), query);
        order
            .iter()
            .map(|&i| {
                let (v, label, hover) = &options[i];
                Choice {
                    label: label.clone(),
                    hover: hover.clone(),
                    current: Some(v) == current,
                }
            })
            .collect()
    })?;
    order.get(picked).map(|&i| options[i].0.clone())
}

/// The choices of `labels` matching `query` (case-insensitive): those starting with it
/// first, then those containing it, each group in the given order. Returns indices.
pub fn filter_labels<'a>(labels: impl IntoIterator<Item = &'a str>, query: &str) -> Vec<usize> {
    let wanted = query.trim().to_lowercase();
    let mut prefix = Vec::new();
    let mut inside = Vec::new();
    for (i, label) in labels.into_iter().enumerate() {
        let lower = label.to_lowercase();
        if wanted.is_empty() || lower.starts_with(&wanted) {
            prefix.push(i);
        } else if lower.contains(&wanted) {
            inside.push(i);
        }
    }
    prefix.extend(inside);
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_starting_with_the_query_come_before_those_containing_it() {
        let labels = ["Mixed", "Against", "Neutral", "Favor"];
        assert_eq!(filter_labels(labels, "a"), vec![1, 2, 3]);
        assert_eq!(filter_labels(labels, "ne"), vec![2]);
        assert_eq!(filter_labels(labels, "i"), vec![0, 1]);
        assert_eq!(filter_labels(labels, ""), vec![0, 1, 2, 3]);
    }
}
