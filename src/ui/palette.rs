//! The command palette (Ctrl+Shift+P): every command of the table, found by fuzzy search
//! on its name and menu, each shown with its key; ↑/↓ choose, Enter runs, Escape closes.

use super::command::{self, Command};
use egui::{Key, Modifiers};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

#[derive(Default)]
pub struct Palette {
    open: bool,
    query: String,
    highlight: usize,
    focus_field: bool,
}

/// What a command is searched by: its menu and its name ("Edit Undo").
fn haystack(c: Command) -> String {
    format!("{} {}", c.menu().label(), c.label())
}

/// The commands matching `query`, best first (the table's order among equals).
pub fn search(query: &str) -> Vec<Command> {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let items: Vec<(Command, String)> = command::ALL.iter().map(|&c| (c, haystack(c))).collect();
    pattern
        .match_list(items.iter().map(|(_, h)| h.as_str()), &mut matcher)
        .into_iter()
        .filter_map(|(h, _)| items.iter().find(|(_, x)| x == h).map(|(c, _)| *c))
        .collect()
}

impl Palette {
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn toggle(&mut self) {
        if self.open {
            self.open = false;
        } else {
            *self = Self {
                open: true,
                focus_field: true,
                ..Self::default()
            };
        }
    }

    /// Draws the palette when open; returns the command chosen.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        let (mut enter, mut escape, mut step) = (false, false, 0isize);
        ctx.input_mut(|i| {
            enter = i.consume_key(Modifiers::NONE, Key::Enter);
            escape = i.consume_key(Modifiers::NONE, Key::Escape);
            while i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                step += 1;
            }
            while i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                step -= 1;
            }
        });
        if escape {
            self.open = false;
            return None;
        }
        let mut chosen = None;
        let screen = ctx.content_rect();
        let width = (screen.width() - 40.0).clamp(200.0, 560.0);
        egui::Window::new("Command palette")
            .title_bar(false)
            .resizable(false)
            .collapsible(false)
            .fixed_size([width, 0.0])
            .anchor(egui::Align2::CENTER_TOP, [0.0, 48.0])
            .show(ctx, |ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Type a command…")
                        .desired_width(width),
                );
                let field = field.accessible_name("Command palette search");
                if std::mem::take(&mut self.focus_field) {
                    field.request_focus();
                }
                if field.changed() {
                    self.highlight = 0;
                }
                let found = search(&self.query);
                if !found.is_empty() {
                    let last = found.len() as isize - 1;
                    self.highlight = (self.highlight as isize + step).clamp(0, last) as usize;
                }
                if enter {
                    chosen = found.get(self.highlight).copied();
                }
                egui::ScrollArea::vertical()
                    .max_height((screen.height() * 0.6).max(160.0))
                    .show(ui, |ui| {
                        if found.is_empty() {
                            ui.weak("No command matches");
                        }
                        for (i, &c) in found.iter().enumerate() {
                            let mut button = egui::Button::selectable(
                                i == self.highlight,
                                format!("{}: {}", c.menu().label(), c.label()),
                            )
                            .min_size(egui::vec2(width, 0.0));
                            if let Some(keys) = c.shortcut_text(ui.ctx()) {
                                button = button.shortcut_text(keys);
                            }
                            let row = ui.add(button).on_hover_text(c.tooltip());
                            if i == self.highlight && step != 0 {
                                row.scroll_to_me(None);
                            }
                            if row.clicked() {
                                chosen = Some(c);
                            }
                        }
                    });
            });
        if chosen.is_some() {
            self.open = false;
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_search_finds_commands_by_scattered_letters_and_by_menu() {
        assert_eq!(search("undo").first(), Some(&Command::Undo));
        assert!(search("tgl dark").contains(&Command::ToggleTheme));
        assert!(search("help").contains(&Command::ShowHelp));
        assert_eq!(search("").len(), command::ALL.len());
        assert!(search("zzzzqqq").is_empty());
    }
}
