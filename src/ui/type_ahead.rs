//! Type-ahead for a `ComboBox` where a searchable picker does not fit (the filter bars):
//! a letter typed on the focused box picks the next entry starting with it, ↑/↓ step
//! through the entries. Widgets that take letters this way are remembered, so that the
//! window's own letter keys stay off while one has the focus.

use egui::{Context, Event, Id, Key, Modifiers, Response, Ui};
use std::collections::HashSet;

fn claimed_id() -> Id {
    Id::unique("demarche-type-ahead-widgets")
}

/// Marks `id` as a widget that takes typed letters when focused.
pub fn claim_letters(ctx: &Context, id: Id) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<HashSet<Id>>(claimed_id())
            .insert(id);
    });
}

/// Whether the focused widget takes typed letters (the window's letter keys must not).
pub fn has_focus(ctx: &Context) -> bool {
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return false;
    };
    ctx.data(|d| {
        d.get_temp::<HashSet<Id>>(claimed_id())
            .is_some_and(|set| set.contains(&focused))
    })
}

/// The entry `labels[i]` the keys typed on the focused `response` choose, `current` being
/// the entry chosen now. Repeating a letter walks the entries starting with it.
pub fn keys(
    ui: &Ui,
    response: &Response,
    labels: &[String],
    current: Option<usize>,
) -> Option<usize> {
    claim_letters(ui.ctx(), response.id);
    if !response.has_focus() || labels.is_empty() {
        return None;
    }
    // ↑/↓ are the box's: egui would otherwise also move the focus to a neighbour.
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    let typed: String = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    });
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
        )
    });
    let n = labels.len();
    if down {
        return Some(current.map_or(0, |c| (c + 1).min(n - 1)));
    }
    if up {
        return Some(current.map_or(0, |c| c.saturating_sub(1)));
    }
    next_starting_with(labels, typed.trim(), current)
}

/// The first entry after `current` (round) whose label starts with `prefix`,
/// case-insensitively.
pub fn next_starting_with(
    labels: &[String],
    prefix: &str,
    current: Option<usize>,
) -> Option<usize> {
    let wanted = prefix.to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let n = labels.len();
    let from = current.map_or(0, |c| c + 1);
    (0..n)
        .map(|k| (from + k) % n)
        .find(|&i| labels[i].to_lowercase().starts_with(&wanted))
}

/// A `ComboBox` named `name` over `options` (value, label) with type-ahead; `width` as
/// `ComboBox::width` when given. Returns the box's response (for a hover text).
pub fn combo_box<T: Clone + PartialEq>(
    ui: &mut Ui,
    salt: &str,
    name: &str,
    value: &mut T,
    options: &[(T, String)],
    width: Option<f32>,
) -> Response {
    let current = options.iter().position(|(v, _)| v == value);
    let shown = current.map_or_else(String::new, |i| options[i].1.clone());
    let mut combo = egui::ComboBox::from_id_salt(salt).selected_text(shown);
    if let Some(w) = width {
        combo = combo.width(w);
    }
    let response = combo
        .show_ui(ui, |ui| {
            for (v, label) in options {
                ui.selectable_value(value, v.clone(), label.as_str());
            }
        })
        .response
        .accessible_name(name);
    let labels: Vec<String> = options.iter().map(|(_, l)| l.clone()).collect();
    if let Some(i) = keys(ui, &response, &labels, current) {
        *value = options[i].0.clone();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_walks_the_entries_starting_with_it_round() {
        let labels: Vec<String> = ["any", "Mentions", "Stances", "Statements", "Tags"]
            .map(String::from)
            .into();
        assert_eq!(next_starting_with(&labels, "s", Some(0)), Some(2));
        assert_eq!(next_starting_with(&labels, "s", Some(2)), Some(3));
        assert_eq!(next_starting_with(&labels, "S", Some(3)), Some(2));
        assert_eq!(next_starting_with(&labels, "m", None), Some(1));
        assert_eq!(next_starting_with(&labels, "x", Some(1)), None);
    }
}
