//! The article view: the document text, wrapped and scrollable, with annotations drawn over
//! it, a caret and a selection in code points, laid out per paragraph and only where visible.
//!
//! PROVISIONAL interface agreed between the UI engineers; the view work fills it in.

use super::action::UiAction;
use crate::model::{Document, Id, Project};

/// Caret movements; `extend` in `Command::Navigate` keeps the anchor (shift).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Nav {
    CharLeft,
    CharRight,
    WordLeft,
    WordRight,
    LineUp,
    LineDown,
    SentencePrevious,
    SentenceNext,
    /// Select the sentence around the caret.
    SelectSentence,
    /// Select the word around the caret.
    SelectWord,
    DocumentStart,
    DocumentEnd,
    AnnotationPrevious,
    AnnotationNext,
}

/// What the view needs to draw one frame.
pub struct ArticleInput<'a> {
    pub project: &'a Project,
    pub document: &'a Document,
    /// Changes whenever the project changes (`Workspace::revision`): layouts are rebuilt
    /// only for paragraphs whose annotations changed.
    pub revision: u64,
    pub selected_annotation: Option<Id>,
    /// Find matches as code-point ranges, and which one is current.
    pub find_matches: &'a [(usize, usize)],
    pub find_current: Option<usize>,
}

/// Runtime state of the view (never saved in the project).
#[derive(Default)]
pub struct ArticleView {
    document: Option<Id>,
    caret: usize,
    anchor: Option<usize>,
}

impl ArticleView {
    pub fn new() -> Self {
        Self::default()
    }

    /// Draws the article; returns what the user asked for (clicks on annotations, context
    /// menu commands).
    pub fn ui(&mut self, ui: &mut egui::Ui, input: &ArticleInput<'_>) -> Vec<UiAction> {
        if self.document != Some(input.document.id) {
            self.reset(input.document.id);
        }
        ui.label(input.document.text());
        Vec::new()
    }

    /// Starts afresh on another document.
    pub fn reset(&mut self, document: Id) {
        self.document = Some(document);
        self.caret = 0;
        self.anchor = None;
    }

    /// Caret position in code points.
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// The current selection `(start, end)` in code points, if non-empty.
    pub fn selection(&self) -> Option<(usize, usize)> {
        let anchor = self.anchor?;
        let (s, e) = (anchor.min(self.caret), anchor.max(self.caret));
        (s < e).then_some((s, e))
    }

    pub fn set_selection(&mut self, start: usize, end: usize) {
        self.anchor = Some(start);
        self.caret = end;
    }

    pub fn clear_selection(&mut self) {
        self.anchor = None;
    }

    /// Moves the caret (extending the selection when `extend`).
    pub fn navigate(&mut self, document: &Document, nav: Nav, extend: bool) {
        let _ = (document, nav, extend);
    }

    /// Scrolls so that `[start, end)` is visible on the next frame.
    pub fn reveal(&mut self, start: usize, end: usize) {
        let _ = (start, end);
    }
}
