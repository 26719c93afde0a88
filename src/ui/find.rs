//! The find bar (ctrl+F): every match of the query in the current document as code-point
//! ranges, case-insensitive by default, with a current match to move through.

use crate::model::{Document, Id};

#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    pub query: String,
    pub match_case: bool,
    matches: Vec<(usize, usize)>,
    current: Option<usize>,
    /// What `matches` was computed for: document, its text length, query, case.
    computed_for: Option<(Id, usize, String, bool)>,
    /// Focus the text field on the next frame.
    focus_request: bool,
}

/// What the find bar asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindAction {
    /// Scroll the article to the current match.
    Reveal(usize, usize),
    Close,
}

impl FindBar {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_request = true;
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    pub fn matches(&self) -> &[(usize, usize)] {
        if self.open { &self.matches } else { &[] }
    }

    pub fn current(&self) -> Option<usize> {
        self.current.filter(|_| self.open)
    }

    /// Recomputes the matches when the query, case or document changed.
    pub fn refresh(&mut self, document: Option<&Document>) {
        let Some(doc) = document else {
            self.matches.clear();
            self.current = None;
            self.computed_for = None;
            return;
        };
        let key = (doc.id, doc.len_chars(), self.query.clone(), self.match_case);
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        self.matches = find_all(doc.text(), &self.query, self.match_case);
        self.current = if self.matches.is_empty() {
            None
        } else {
            Some(0)
        };
        self.computed_for = Some(key);
    }

    /// Moves to the next (or previous) match, wrapping around; returns it.
    pub fn step(&mut self, forward: bool) -> Option<(usize, usize)> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let next = match self.current {
            None => 0,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        self.current = Some(next);
        self.matches.get(next).copied()
    }

    pub fn current_match(&self) -> Option<(usize, usize)> {
        self.current.and_then(|i| self.matches.get(i).copied())
    }

    /// Draws the bar; Enter moves to the next match, shift+Enter to the previous, Escape
    /// closes it.
    pub fn ui(&mut self, ui: &mut egui::Ui, document: Option<&Document>) -> Option<FindAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.label("Find:");
            let edit = egui::TextEdit::singleline(&mut self.query)
                .hint_text("text in this article")
                .desired_width(260.0);
            let response = ui.add(edit);
            if std::mem::take(&mut self.focus_request) {
                response.request_focus();
            }
            ui.checkbox(&mut self.match_case, "Match case");
            self.refresh(document);
            let (enter, shift, escape) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(egui::Key::Escape),
                )
            });
            // A single-line field gives up focus on Enter; keep it so Enter can repeat.
            if response.lost_focus() && enter {
                response.request_focus();
                if let Some((s, e)) = self.step(!shift) {
                    action = Some(FindAction::Reveal(s, e));
                }
            } else if response.changed()
                && let Some((s, e)) = self.current_match()
            {
                action = Some(FindAction::Reveal(s, e));
            }
            if ui
                .button("Previous")
                .on_hover_text("Previous match (shift+F3)")
                .clicked()
                && let Some((s, e)) = self.step(false)
            {
                action = Some(FindAction::Reveal(s, e));
            }
            if ui.button("Next").on_hover_text("Next match (F3)").clicked()
                && let Some((s, e)) = self.step(true)
            {
                action = Some(FindAction::Reveal(s, e));
            }
            ui.label(self.count_text());
            if ui.button("Close").on_hover_text("Close (Escape)").clicked()
                || (escape && response.has_focus())
            {
                action = Some(FindAction::Close);
            }
        });
        action
    }

    /// "3 of 12 matches", "no matches".
    pub fn count_text(&self) -> String {
        match (self.matches.len(), self.current) {
            (_, _) if self.query.is_empty() => String::new(),
            (0, _) => "no matches".to_owned(),
            (1, _) => "1 match".to_owned(),
            (n, Some(i)) => format!("{} of {n} matches", i + 1),
            (n, None) => format!("{n} matches"),
        }
    }
}

/// Every non-overlapping occurrence of `query` in `text`, as code-point ranges.
///
/// Case folding is per code point (`char::to_lowercase` when it gives one code point) so
/// that offsets in the folded text are offsets in the original; written by hand because
/// the usual case-insensitive searchers report byte offsets of a differently long string.
pub fn find_all(text: &str, query: &str, match_case: bool) -> Vec<(usize, usize)> {
    let fold = |c: char| -> char {
        if match_case {
            return c;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    };
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(fold).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + needle.len()] == needle[..] {
            found.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_code_point_ranges_and_ignore_case() {
        let text = "«Élysée» — l’ÉLYSÉE a dit: élysée.";
        let found = find_all(text, "élysée", false);
        assert_eq!(found.len(), 3);
        let chars: Vec<char> = text.chars().collect();
        for (s, e) in &found {
            let word: String = chars[*s..*e].iter().collect();
            assert_eq!(word.to_lowercase(), "élysée");
        }
        assert_eq!(find_all(text, "élysée", true).len(), 1);
    }

    #[test]
    fn cjk_queries_find_their_offsets() {
        let text = "王毅说，中方愿意。王毅还表示……";
        assert_eq!(find_all(text, "王毅", false), vec![(0, 2), (9, 11)]);
        assert!(find_all(text, "", false).is_empty());
    }

    #[test]
    fn stepping_wraps_both_ways() {
        let mut bar = FindBar {
            matches: vec![(0, 1), (5, 6), (9, 10)],
            current: Some(0),
            ..FindBar::default()
        };
        assert_eq!(bar.step(false), Some((9, 10)));
        assert_eq!(bar.step(true), Some((0, 1)));
        assert_eq!(bar.step(true), Some((5, 6)));
    }
}
