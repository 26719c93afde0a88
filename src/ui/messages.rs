//! What the window has told the analyst: the last messages kept whole with their time (the
//! message log, opened from the status bar) and the newest shown a moment as a toast, so
//! the status bar keeps to the state and never cuts a message off.

use std::collections::VecDeque;

/// How many messages the log keeps.
pub const KEPT: usize = 50;

#[derive(Clone, Debug)]
pub struct Entry {
    pub text: String,
    pub error: bool,
    pub at: chrono::DateTime<chrono::Local>,
}

#[derive(Default)]
pub struct MessageLog {
    entries: VecDeque<Entry>,
    pub open: bool,
}

impl MessageLog {
    pub fn push(&mut self, text: &str, error: bool) {
        if self.entries.len() == KEPT {
            self.entries.pop_front();
        }
        self.entries.push_back(Entry {
            text: text.to_owned(),
            error,
            at: chrono::Local::now(),
        });
    }

    /// Oldest first.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The log window (newest first, each message whole).
    pub fn window_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.open;
        let mut clear = false;
        egui::Window::new("Messages")
            .open(&mut open)
            .default_size([480.0, 320.0])
            .vscroll(true)
            .show(ctx, |ui| {
                if self.entries.is_empty() {
                    ui.weak("No messages yet.");
                }
                for entry in self.entries.iter().rev() {
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(entry.at.format("%H:%M:%S").to_string());
                        let shown = crate::ui::article::bidi::visual(&entry.text);
                        let text = egui::Label::new(shown.as_ref()).wrap();
                        if entry.error {
                            ui.scope(|ui| {
                                ui.visuals_mut().override_text_color =
                                    Some(ui.visuals().error_fg_color);
                                ui.add(text);
                            });
                        } else {
                            ui.add(text);
                        }
                    });
                    ui.separator();
                }
                if !self.entries.is_empty() && ui.button("Clear").clicked() {
                    clear = true;
                }
            });
        if clear {
            self.entries.clear();
        }
        self.open = open;
    }
}

/// The newest message over the bottom right corner of the article, wrapped to at most
/// `max_width`; an error carries a Dismiss button. Returns true when dismissed.
pub fn toast_ui(ctx: &egui::Context, text: &str, error: bool, above: f32) -> bool {
    let mut dismissed = false;
    let screen = ctx.content_rect();
    let max_width = (screen.width() * 0.5).clamp(200.0, 460.0);
    egui::Area::new(egui::Id::unique("demarche-toast"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -above - 8.0])
        .interactable(true)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(max_width);
                let shown = crate::ui::article::bidi::visual(text);
                let label = egui::Label::new(shown.as_ref()).wrap();
                if error {
                    ui.scope(|ui| {
                        ui.visuals_mut().override_text_color = Some(ui.visuals().error_fg_color);
                        ui.add(label);
                    });
                    if ui.small_button("Dismiss").clicked() {
                        dismissed = true;
                    }
                } else {
                    ui.add(label);
                }
            });
        });
    dismissed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_the_last_fifty_messages_whole() {
        let mut log = MessageLog::default();
        let long = "x".repeat(500);
        for i in 0..60 {
            log.push(&format!("{i} {long}"), i % 2 == 0);
        }
        assert_eq!(log.len(), KEPT);
        let first = log.entries().next().expect("kept");
        assert!(first.text.starts_with("10 "));
        assert_eq!(first.text.len(), 3 + 500);
        assert!(log.entries().last().expect("kept").text.starts_with("59 "));
    }
}
