//! The article view: the document text, wrapped and scrollable, with annotations drawn over
//! it, a caret and a selection in code points, laid out per paragraph and only where visible.
//!
//! Each paragraph (text between "\n") is one cached `Galley`, laid out only when it scrolls
//! into view and kept until the wrap width, font, theme or font atlas changes. Annotations
//! are not baked into the galley: each paragraph keeps two small meshes (shading behind the
//! text, underlines in front of it) rebuilt only when that paragraph's list of annotations
//! changes (compared by hash when the project's revision moves), so adding an annotation
//! never lays text out again. Heights of paragraphs not yet seen are estimated and fixed
//! as they are measured.
//!
//! The pure parts (paragraph index, words and sentences, which annotations fall where) live
//! in submodules without egui.

pub mod bidi;
pub mod draw;
pub mod paragraphs;
pub mod segment;
pub mod spans;
pub mod suggested;

use super::action::UiAction;
use super::command::Command;
use crate::model::{Annotation, Document, Id, Project, StanceTarget};
use draw::{LayoutStyle, ParaLayout};
use egui::{Pos2, Rect, Sense, Stroke, Vec2};
use paragraphs::Paragraphs;
use segment::Segments;
use spans::Deco;

/// Caret movements; `extend` in `Command::Navigate` keeps the anchor (shift).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Nav {
    CharLeft,
    CharRight,
    WordLeft,
    WordRight,
    LineUp,
    LineDown,
    /// Start / end of the caret's displayed (wrapped) line.
    LineStart,
    LineEnd,
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

/// Where to scroll on the next frame.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ScrollTarget {
    /// Put this offset a third of the way down the view (`reveal`); applied on two frames
    /// because measuring the newly visible paragraphs can move it a little.
    Offset {
        offset: usize,
        frames: u8,
    },
    /// Scroll only as far as needed to show the caret.
    Caret,
    Pixels(f32),
}

/// Repeated clicks at one place cycle through the annotations stacked there.
#[derive(Clone, Debug)]
struct ClickStack {
    ids: Vec<Id>,
    index: usize,
}

/// Counters the tests and the benchmark read to check what was rebuilt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewStats {
    /// Paragraph galleys laid out since the view was created.
    pub layouts: usize,
    /// Paragraph annotation meshes built since the view was created.
    pub decorations: usize,
}

/// Runtime state of the view (never saved in the project).
#[derive(Default)]
pub struct ArticleView {
    document: Option<Id>,
    caret: usize,
    anchor: Option<usize>,
    paras: Paragraphs,
    /// Words and sentences per paragraph, computed when first needed.
    segments: Vec<Option<Segments>>,
    decos: Vec<Vec<Deco>>,
    deco_hashes: Vec<u64>,
    /// Annotations with spans by start (outer first), for next/previous annotation.
    order: Vec<(usize, usize, Id)>,
    revision: Option<u64>,
    layouts: Vec<Option<ParaLayout>>,
    /// Height of each paragraph (measured or estimated) and the running tops (`n + 1`).
    heights: Vec<f32>,
    tops: Vec<f32>,
    style: Option<LayoutStyle>,
    atlas_fill: f32,
    scroll: Option<ScrollTarget>,
    /// The visible part of the content last frame, in content coordinates.
    viewport: Option<Rect>,
    /// Screen position of the content's top left last frame.
    origin: Pos2,
    click_stack: Option<ClickStack>,
    /// Actions produced outside `ui` (keyboard navigation), returned by the next `ui`.
    pending: Vec<UiAction>,
    stats: ViewStats,
    /// Suggestions to draw (set by the app each frame) and which one is focused.
    suggestions: std::sync::Arc<Vec<suggested::SuggestionMark>>,
    /// The longest suggestion's length, so a paragraph's marks are found by binary search
    /// instead of a scan from the document's start every frame.
    longest_suggestion: usize,
    focused_suggestion: Option<usize>,
    /// A suggestion clicked this frame (index into the marks), for the app to focus.
    clicked_suggestion: Option<usize>,
    /// Whose annotations are drawn and which are one's own; `None` draws all as one's own.
    layers: Option<crate::ui::analysts::LayerView>,
    /// The longest line in characters (a readable measure on wide screens); `None` fills
    /// the width.
    line_chars: Option<u16>,
    /// The body font's average character width, measured once per font.
    char_width: Option<(egui::FontId, f32)>,
    /// Ranges kept for a discontinuous span (`AddSpanRange`, Ctrl+drag), sorted and
    /// apart; the next tagging command takes them with the selection.
    span_ranges: Vec<(usize, usize)>,
}

impl ArticleView {
    pub fn new() -> Self {
        Self::default()
    }

    /// The egui id the view takes keyboard focus under. Its keys (arrows, Home/End, Tab…)
    /// are commands of the one table (`ui::command`), run while no field has focus.
    pub fn focus_id() -> egui::Id {
        egui::Id::unique("demarche-article-view")
    }

    /// Does the article have keyboard focus?
    pub fn has_focus(&self, ctx: &egui::Context) -> bool {
        ctx.memory(|m| m.has_focus(Self::focus_id()))
    }

    /// Whether actions wait for the next frame (an annotation stepped to by a command).
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Gives the article keyboard focus (e.g. after closing a popup).
    pub fn request_focus(&self, ctx: &egui::Context) {
        ctx.memory_mut(|m| m.request_focus(Self::focus_id()));
    }

    /// Draws the article; returns what the user asked for (clicks on annotations, context
    /// menu commands).
    pub fn ui(&mut self, ui: &mut egui::Ui, input: &ArticleInput<'_>) -> Vec<UiAction> {
        let mut actions = std::mem::take(&mut self.pending);
        self.ensure_document(input.document);
        if self.revision != Some(input.revision) {
            self.refresh_annotations(input.project, input.document);
            self.revision = Some(input.revision);
        }
        self.check_style(ui);

        if self.has_focus(ui.ctx()) {
            self.keyboard(ui, input.document);
        }

        let mut area = egui::ScrollArea::vertical()
            .id_salt("demarche-article-scroll")
            .auto_shrink([false, false]);
        if let Some(y) = self.take_scroll_offset() {
            area = area.vertical_scroll_offset(y);
        }
        let out = area.show_viewport(ui, |ui, viewport| {
            self.content_ui(ui, viewport, input, &mut actions);
        });
        self.viewport = Some(Rect::from_min_size(
            out.state.clamped_offset().to_pos2(),
            out.inner_rect.size(),
        ));
        actions
    }

    /// Limits lines to about `chars` characters (centred in the view); `None` fills it.
    pub fn set_line_length(&mut self, chars: Option<u16>) {
        self.line_chars = chars.filter(|&c| c > 0);
    }

    /// Starts afresh on another document.
    pub fn reset(&mut self, document: Id) {
        *self = Self {
            stats: self.stats,
            layers: self.layers.take(),
            line_chars: self.line_chars,
            char_width: self.char_width.take(),
            ..Self::default()
        };
        self.document = Some(document);
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

    /// Keeps the selection as one range of a discontinuous span and clears it, so that the
    /// next part can be selected. False when nothing is selected.
    pub fn add_selection_to_span(&mut self) -> bool {
        let Some(range) = self.selection() else {
            return false;
        };
        self.span_ranges = merge_ranges(self.span_ranges.iter().copied().chain([range]));
        self.anchor = None;
        true
    }

    /// The ranges kept for a discontinuous span so far (without the selection).
    pub fn pending_ranges(&self) -> &[(usize, usize)] {
        &self.span_ranges
    }

    /// What a tagging command tags: the kept ranges and the selection, in text order,
    /// overlapping or touching ones merged.
    pub fn span_ranges(&self) -> Vec<(usize, usize)> {
        merge_ranges(self.span_ranges.iter().copied().chain(self.selection()))
    }

    /// Drops the kept ranges (tagged, or Escape).
    pub fn clear_pending_ranges(&mut self) {
        self.span_ranges.clear();
    }

    /// Scrolls so that `[start, end)` is visible on the next frame.
    pub fn reveal(&mut self, start: usize, end: usize) {
        let _ = end;
        self.scroll = Some(ScrollTarget::Offset {
            offset: start,
            frames: 2,
        });
    }

    /// Scrolls to a pixel offset from the top of the article on the next frame.
    pub fn set_scroll_offset(&mut self, y: f32) {
        self.scroll = Some(ScrollTarget::Pixels(y));
    }

    /// Height of the whole article in points (estimated where not yet laid out).
    pub fn content_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The visible part of the article last frame, in content coordinates.
    pub fn viewport(&self) -> Rect {
        self.viewport.unwrap_or(Rect::ZERO)
    }

    /// Where a document offset was drawn last frame: a zero-width rectangle in screen
    /// coordinates (for popups next to the selection, and tests). `None` when that
    /// paragraph has not been laid out.
    pub fn offset_rect(&self, offset: usize) -> Option<Rect> {
        let (p, c) = self.paras.locate(offset);
        let layout = self.layouts.get(p)?.as_ref()?;
        let at = self.origin + Vec2::new(0.0, *self.tops.get(p)?);
        Some(layout.caret_rect(c).translate(at.to_vec2()))
    }

    /// The suggestions to draw, in text order, and the index of the focused one.
    pub fn set_suggestions(
        &mut self,
        marks: std::sync::Arc<Vec<suggested::SuggestionMark>>,
        focused: Option<usize>,
    ) {
        if !std::sync::Arc::ptr_eq(&self.suggestions, &marks) {
            self.longest_suggestion = marks.iter().map(|m| m.end - m.start).max().unwrap_or(0);
            self.suggestions = marks;
        }
        self.focused_suggestion = focused;
    }

    /// Which analysts' layers to draw, and whose is the current one. A change redraws the
    /// annotations on the next frame.
    pub fn set_layers(&mut self, layers: crate::ui::analysts::LayerView) {
        if self.layers.as_ref() != Some(&layers) {
            self.layers = Some(layers);
            self.revision = None;
        }
    }

    /// The suggestion the analyst clicked (where no annotation is), once.
    pub fn take_clicked_suggestion(&mut self) -> Option<usize> {
        self.clicked_suggestion.take()
    }

    pub fn stats(&self) -> ViewStats {
        self.stats
    }

    /// The annotations drawn at a document offset, innermost first.
    pub fn annotations_at(&self, offset: usize) -> Vec<Id> {
        let (p, c) = self.paras.locate(offset);
        self.decos
            .get(p)
            .map(|list| spans::stack_at(list, c))
            .unwrap_or_default()
    }

    /// The paragraphs' drawn annotations (what the next paint uses).
    pub fn paragraph_decorations(&self, paragraph: usize) -> &[Deco] {
        self.decos.get(paragraph).map_or(&[], Vec::as_slice)
    }

    /// Is the paragraph's annotation drawing up to date with the project (as of the last
    /// `ui`)? True once it has been painted after the change.
    pub fn paragraph_is_current(&self, paragraph: usize) -> bool {
        match (self.layouts.get(paragraph), self.deco_hashes.get(paragraph)) {
            (Some(Some(l)), Some(&h)) => l.deco_hash == h,
            _ => false,
        }
    }

    /// Moves the caret (extending the selection when `extend`).
    pub fn navigate(&mut self, document: &Document, nav: Nav, extend: bool) {
        self.ensure_document(document);
        let text = document.text();
        let old = self.caret.min(self.paras.total_chars());
        let (p, c) = self.paras.locate(old);
        let selection = self.selection();
        let new = match nav {
            Nav::CharLeft => match selection {
                Some((s, _)) if !extend => s,
                _ => old.saturating_sub(1),
            },
            Nav::CharRight => match selection {
                Some((_, e)) if !extend => e,
                _ => (old + 1).min(self.paras.total_chars()),
            },
            Nav::WordRight => self
                .find_forward(text, p, |seg, from| seg.next_word_end(from), c, false)
                .unwrap_or(self.paras.total_chars()),
            Nav::WordLeft => self
                .find_backward(text, p, |seg, from| seg.previous_word_start(from), c)
                .unwrap_or(0),
            Nav::SentenceNext => self
                .find_forward(text, p, |seg, from| seg.next_sentence_start(from), c, true)
                .unwrap_or(self.paras.total_chars()),
            Nav::SentencePrevious => self
                .find_backward(text, p, |seg, from| seg.previous_sentence_start(from), c)
                .unwrap_or(0),
            Nav::LineUp => self.line_move(p, c, -1),
            Nav::LineDown => self.line_move(p, c, 1),
            Nav::LineStart => self.line_edge(p, c, false),
            Nav::LineEnd => self.line_edge(p, c, true),
            Nav::DocumentStart => 0,
            Nav::DocumentEnd => self.paras.total_chars(),
            Nav::SelectWord | Nav::SelectSentence => {
                let par_text = self.paras.text(text, p);
                let seg = self.segments(text, p);
                let found = if nav == Nav::SelectWord {
                    seg.word_at(c)
                } else {
                    seg.sentence_at(c, par_text)
                };
                if let Some((s, e)) = found {
                    let base = self.paras.start(p);
                    self.set_selection(base + s, base + e);
                    self.scroll = Some(ScrollTarget::Caret);
                }
                return;
            }
            Nav::AnnotationNext | Nav::AnnotationPrevious => {
                self.step_annotation(nav == Nav::AnnotationNext);
                return;
            }
        };
        if extend {
            self.anchor = Some(self.anchor.unwrap_or(old));
        } else {
            self.anchor = None;
        }
        self.caret = new;
        self.scroll = Some(ScrollTarget::Caret);
    }

    // ----------------------------------------------------------------------------------
    // State kept in step with the document and project

    fn ensure_document(&mut self, doc: &Document) {
        if self.document == Some(doc.id) && !self.paras.is_empty() {
            return;
        }
        if self.document != Some(doc.id) {
            self.reset(doc.id);
        }
        self.paras = Paragraphs::new(doc.text());
        let n = self.paras.len();
        self.segments = vec![None; n];
        self.layouts = vec![None; n];
        self.decos = vec![Vec::new(); n];
        self.deco_hashes = vec![spans::list_hash(&[]); n];
        self.order = spans::annotation_order_in(doc, self.layers.as_ref());
        self.heights = vec![0.0; n];
        self.estimate_heights();
    }

    /// Recomputes which annotations fall in which paragraph; paragraphs whose list changed
    /// get their drawing rebuilt when next painted (their hash no longer matches).
    fn refresh_annotations(&mut self, project: &Project, doc: &Document) {
        self.decos = spans::per_paragraph_in(project, doc, &self.paras, self.layers.as_ref());
        self.deco_hashes = self.decos.iter().map(|l| spans::list_hash(l)).collect();
        self.order = spans::annotation_order_in(doc, self.layers.as_ref());
    }

    fn check_style(&mut self, ui: &egui::Ui) {
        let mut style = LayoutStyle::from_ui(ui);
        if let Some(chars) = self.line_chars {
            if self
                .char_width
                .as_ref()
                .is_none_or(|(f, _)| *f != style.font)
            {
                // The mean width of ordinary prose, not of one letter.
                const SAMPLE: &str =
                    "The ministers agreed to deepen cooperation in trade and energy.";
                let font = style.font.clone();
                let width = ui.ctx().fonts_mut(|f| {
                    f.layout_no_wrap(SAMPLE.to_owned(), font.clone(), egui::Color32::WHITE)
                        .size()
                        .x
                });
                self.char_width = Some((font, width / SAMPLE.chars().count() as f32));
            }
            let per_char = self.char_width.as_ref().map_or(8.0, |c| c.1);
            style.wrap_width = style.wrap_width.min((f32::from(chars) * per_char).round());
        }
        let fill = ui.ctx().fonts(|f| f.font_atlas_fill_ratio());
        // egui empties the glyph atlas when it fills up; galleys made before point into it.
        let atlas_cleared = fill < self.atlas_fill;
        self.atlas_fill = fill;
        if self.style.as_ref() != Some(&style) || atlas_cleared {
            self.layouts.iter_mut().for_each(|l| *l = None);
            let rewrap = self.style.as_ref().is_none_or(|s| !s.same_wrap(&style));
            self.style = Some(style);
            if rewrap {
                self.heights.iter_mut().for_each(|h| *h = 0.0);
                self.estimate_heights();
            }
        }
    }

    /// Guesses the height of every paragraph not yet laid out from its length.
    fn estimate_heights(&mut self) {
        let (row, chars_per_row, gap) = match &self.style {
            Some(s) => (s.row_height, s.estimated_chars_per_row(), s.paragraph_gap),
            None => (20.0, 80.0, 6.0),
        };
        for (p, h) in self.heights.iter_mut().enumerate() {
            if *h == 0.0 {
                let rows = (self.paras.char_len(p) as f32 / chars_per_row)
                    .ceil()
                    .max(1.0);
                *h = rows * row + gap;
            }
        }
        self.recompute_tops();
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.heights {
            y += h;
            self.tops.push(y);
        }
    }

    fn segments(&mut self, text: &str, p: usize) -> &Segments {
        let par_text = self.paras.text(text, p);
        self.segments[p].get_or_insert_with(|| Segments::new(par_text))
    }

    /// Lays the paragraph out if it is not, and brings its annotation meshes up to date.
    /// Returns true when its height changed.
    fn ensure_layout(&mut self, ctx: &egui::Context, text: &str, p: usize) -> bool {
        let Some(style) = &self.style else {
            return false;
        };
        let hash = self.deco_hashes[p];
        let layout = match &mut self.layouts[p] {
            Some(l) if l.deco_hash == hash => return false,
            Some(l) => {
                l.rebuild_decorations(style, &self.decos[p], hash);
                self.stats.decorations += 1;
                return false;
            }
            slot @ None => slot.insert(ParaLayout::new(
                ctx,
                style,
                self.paras.text(text, p),
                &self.decos[p],
                hash,
            )),
        };
        self.stats.layouts += 1;
        self.stats.decorations += 1;
        let height = layout.height(style);
        let changed = (self.heights[p] - height).abs() > 0.5;
        self.heights[p] = height;
        changed
    }

    /// The paragraph at a content y coordinate.
    fn paragraph_at_y(&self, y: f32) -> usize {
        self.tops
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(self.paras.len().saturating_sub(1))
    }

    fn take_scroll_offset(&mut self) -> Option<f32> {
        let viewport = self.viewport();
        let view_h = viewport.height().max(1.0);
        let target = self.scroll.take()?;
        let y = match target {
            ScrollTarget::Pixels(y) => y,
            ScrollTarget::Offset { offset, frames } => {
                if frames > 1 {
                    self.scroll = Some(ScrollTarget::Offset {
                        offset,
                        frames: frames - 1,
                    });
                }
                (self.offset_y(offset) - view_h / 3.0).max(0.0)
            }
            ScrollTarget::Caret => {
                let (top, bottom) = self.offset_rows(self.caret);
                if top < viewport.top() {
                    top
                } else if bottom > viewport.bottom() {
                    bottom - view_h
                } else {
                    return None;
                }
            }
        };
        Some(y.clamp(0.0, (self.content_height() - view_h).max(0.0)))
    }

    fn offset_y(&self, offset: usize) -> f32 {
        self.offset_rows(offset).0
    }

    /// Top and bottom (content coordinates) of the row holding `offset`.
    fn offset_rows(&self, offset: usize) -> (f32, f32) {
        let (p, c) = self.paras.locate(offset);
        let top = self.tops.get(p).copied().unwrap_or(0.0);
        match self.layouts.get(p).and_then(Option::as_ref) {
            Some(l) => {
                let r = l.caret_rect(c);
                (top + r.top(), top + r.bottom())
            }
            None => {
                let row = self.style.as_ref().map_or(20.0, |s| s.row_height);
                (top, top + row)
            }
        }
    }

    // ----------------------------------------------------------------------------------
    // Drawing and pointer input

    fn content_ui(
        &mut self,
        ui: &mut egui::Ui,
        viewport: Rect,
        input: &ArticleInput<'_>,
        actions: &mut Vec<UiAction>,
    ) {
        let text = input.document.text();
        let ctx = ui.ctx().clone();
        let width = ui.available_width();
        // Lines shorter than the view (the readable measure) sit in its middle.
        let margin = self.style.as_ref().map_or(0.0, |s| {
            let scroll_bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
            ((width - scroll_bar - 4.0 - s.wrap_width) / 2.0)
                .max(0.0)
                .floor()
        });
        let origin = ui.max_rect().min + Vec2::new(margin, 0.0);
        self.origin = origin;

        // Lay out what is visible first, so the heights used below are measured ones.
        let mut changed = false;
        let mut p = self.paragraph_at_y(viewport.top());
        while p < self.paras.len() && self.tops[p] < viewport.bottom() {
            changed |= self.ensure_layout(&ctx, text, p);
            if changed {
                self.recompute_tops();
            }
            p += 1;
        }
        let last_visible = p;

        let size = Vec2::new(width, self.content_height());
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let response = ui.interact(rect, Self::focus_id(), Sense::click_and_drag());
        if changed {
            ui.ctx().request_repaint();
        }

        self.pointer_input(ui, &response, origin, input, actions);
        self.context_menu(&response, text, origin, actions);
        self.tooltip(&response, origin, input);
        if self.has_focus(ui.ctx()) {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    Self::focus_id(),
                    // Tab steps through annotations (a command): egui must not move the
                    // focus away on it.
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        tab: true,
                        ..Default::default()
                    },
                );
            });
        }

        // Paint (the layouts may have changed with the pointer input: lay out again).
        let Some(style) = self.style.clone() else {
            return;
        };
        let painter = ui.painter();
        let selection = self.selection();
        let focused = self.has_focus(ui.ctx());
        let first = self.paragraph_at_y(viewport.top());
        for p in first..last_visible.max(first + 1).min(self.paras.len()) {
            self.ensure_layout(&ctx, text, p);
            let Some(layout) = &self.layouts[p] else {
                continue;
            };
            let at = origin + Vec2::new(0.0, self.tops[p]);
            let (ps, pe) = (self.paras.start(p), self.paras.end(p));
            let local = |s: usize, e: usize| -> Option<(usize, usize)> {
                (s <= pe && ps <= e).then(|| (s.max(ps) - ps, e.min(pe) - ps))
            };
            painter.add(layout.back_shape(at));
            // Find matches, the current one stronger.
            let first_match = input.find_matches.partition_point(|m| m.1 < ps);
            for (i, &(s, e)) in input.find_matches.iter().enumerate().skip(first_match) {
                if s > pe {
                    break;
                }
                if let Some((a, b)) = local(s, e) {
                    let colour = style.find_colour(input.find_current == Some(i));
                    for r in layout.range_rects(a, b) {
                        painter.rect_filled(r.translate(at.to_vec2()), 2.0, colour);
                    }
                }
            }
            if let Some((a, b)) = selection.and_then(|(s, e)| local(s, e)) {
                for r in layout.range_rects(a, b) {
                    painter.rect_filled(r.translate(at.to_vec2()), 0.0, style.selection);
                }
            }
            // Kept parts of a discontinuous span: the selection's colour, fainter and framed.
            for (a, b) in self.span_ranges.iter().filter_map(|&(s, e)| local(s, e)) {
                for r in layout.range_rects(a, b) {
                    let r = r.translate(at.to_vec2());
                    painter.rect_filled(r, 0.0, style.selection.gamma_multiply(0.5));
                    painter.rect_stroke(r, 0.0, style.outline, egui::StrokeKind::Outside);
                }
            }
            painter.galley(at, layout.galley.clone(), style.text_colour);
            painter.add(layout.front_shape(at));
            self.paint_suggestions(painter, layout, at, (ps, pe), style.dark);
            if let Some(id) = input.selected_annotation {
                let mut previous: Option<Rect> = None;
                for d in self.decos[p].iter().filter(|d| d.id == id) {
                    let rects = layout.range_rects(d.start, d.end);
                    // The parts of a discontinuous span are joined by a thin line: under
                    // the gap on one row; across rows, on to the end of the first part's
                    // row and in from the start of the next part's, as the text runs.
                    if let (Some(prev), Some(first)) = (previous, rects.first()) {
                        let stroke = Stroke::new(1.0, style.outline.color);
                        let off = at.to_vec2();
                        let (y0, y1) = (prev.bottom() + 1.0, first.bottom() + 1.0);
                        if (prev.center().y - first.center().y).abs() < 1.0 {
                            let from = Pos2::new(prev.right() + 1.0, y0) + off;
                            let to = Pos2::new(first.left() - 1.0, y1) + off;
                            painter.line_segment([from, to], stroke);
                        } else {
                            let row = layout.galley.rect;
                            let tail = [
                                Pos2::new(prev.right() + 1.0, y0) + off,
                                Pos2::new(row.right().max(prev.right() + 1.0), y0) + off,
                            ];
                            let head = [
                                Pos2::new(row.left().min(first.left() - 1.0), y1) + off,
                                Pos2::new(first.left() - 1.0, y1) + off,
                            ];
                            painter.line_segment(tail, stroke);
                            painter.line_segment(head, stroke);
                        }
                    }
                    for r in &rects {
                        painter.rect_stroke(
                            r.translate(at.to_vec2()).expand(1.0),
                            2.0,
                            style.outline,
                            egui::StrokeKind::Outside,
                        );
                    }
                    previous = rects.last().copied().or(previous);
                }
            }
            let (cp, cc) = self.paras.locate(self.caret);
            if cp == p {
                let r = layout.caret_rect(cc).translate(at.to_vec2());
                let stroke = style.caret(focused);
                painter.line_segment([r.center_top(), r.center_bottom()], stroke);
            }
        }
    }

    /// Dashed marks of the suggestions that fall in the paragraph `[ps, pe]` drawn at `at`.
    fn paint_suggestions(
        &self,
        painter: &egui::Painter,
        layout: &ParaLayout,
        at: Pos2,
        (ps, pe): (usize, usize),
        dark: bool,
    ) {
        let mut shapes = Vec::new();
        // Marks are in text order: none starting more than the longest mark's length before
        // the paragraph reaches into it, and those starting after its end stop the scan.
        let first = self
            .suggestions
            .partition_point(|m| m.start + self.longest_suggestion <= ps);
        for (i, m) in self.suggestions.iter().enumerate().skip(first) {
            if m.start > pe {
                break;
            }
            if m.end <= ps {
                continue;
            }
            let rects: Vec<Rect> = layout
                .range_rects(m.start.max(ps) - ps, m.end.min(pe) - ps)
                .into_iter()
                .map(|r| r.translate(at.to_vec2()))
                .collect();
            let focused = self.focused_suggestion == Some(i);
            suggested::shapes(m, &rects, focused, dark, &mut shapes);
        }
        painter.extend(shapes);
    }

    /// The caret position (document offset) nearest to a screen position, and the
    /// character under it, if any.
    fn hit(&mut self, ctx: &egui::Context, text: &str, origin: Pos2, pos: Pos2) -> Hit {
        let y = pos.y - origin.y;
        let p = self.paragraph_at_y(y);
        self.ensure_layout(ctx, text, p);
        let base = self.paras.start(p);
        let local = Vec2::new(pos.x - origin.x, y - self.tops[p]);
        match &self.layouts[p] {
            Some(l) => Hit {
                paragraph: p,
                boundary: base + l.boundary_at(local),
                char_under: l.char_at(local),
            },
            None => Hit {
                paragraph: p,
                boundary: base,
                char_under: None,
            },
        }
    }

    fn pointer_input(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        origin: Pos2,
        input: &ArticleInput<'_>,
        actions: &mut Vec<UiAction>,
    ) {
        let text = input.document.text();
        let ctx = ui.ctx().clone();
        let shift = ui.input(|i| i.modifiers.shift);
        if response.drag_started_by(egui::PointerButton::Primary) {
            response.request_focus();
            // Ctrl+drag selects a further part of a discontinuous span.
            if ui.input(|i| i.modifiers.command) && !shift {
                self.add_selection_to_span();
            }
            if let Some(pos) = ui.input(|i| i.pointer.press_origin()) {
                let hit = self.hit(&ctx, text, origin, pos);
                if !shift || self.anchor.is_none() {
                    self.anchor = Some(if shift { self.caret } else { hit.boundary });
                }
                self.caret = hit.boundary;
            }
        }
        if response.dragged_by(egui::PointerButton::Primary)
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.caret = self.hit(&ctx, text, origin, pos).boundary;
            // Keep the caret in view while dragging past the edge.
            let clip = ui.clip_rect();
            if pos.y > clip.bottom() || pos.y < clip.top() {
                self.scroll = Some(ScrollTarget::Caret);
            }
        }
        if response.drag_stopped_by(egui::PointerButton::Primary) {
            self.snap_selection(text);
        }

        let Some(pos) = response.interact_pointer_pos() else {
            return;
        };
        if response.triple_clicked() {
            let hit = self.hit(&ctx, text, origin, pos);
            self.caret = hit.boundary;
            self.navigate(input.document, Nav::SelectSentence, false);
        } else if response.double_clicked() {
            let hit = self.hit(&ctx, text, origin, pos);
            // The word the pointer is on, even when its nearest caret boundary is past it.
            let base = self.paras.start(hit.paragraph);
            self.caret = hit.char_under.map_or(hit.boundary, |c| base + c);
            self.navigate(input.document, Nav::SelectWord, false);
        } else if response.clicked() {
            response.request_focus();
            let hit = self.hit(&ctx, text, origin, pos);
            if shift {
                self.anchor = Some(self.anchor.unwrap_or(self.caret));
                self.caret = hit.boundary;
                self.snap_selection(text);
                return;
            }
            self.caret = hit.boundary;
            self.anchor = None;
            let stack = hit
                .char_under
                .map(|c| spans::stack_at(&self.decos[hit.paragraph], c))
                .unwrap_or_default();
            if stack.is_empty() {
                self.click_stack = None;
                if let Some(c) = hit.char_under {
                    let offset = self.paras.start(hit.paragraph) + c;
                    // The innermost suggestion there (a mention inside a statement).
                    self.clicked_suggestion = self
                        .suggestions
                        .iter()
                        .enumerate()
                        .take_while(|(_, m)| m.start <= offset)
                        .filter(|(_, m)| offset < m.end)
                        .min_by_key(|(_, m)| m.end - m.start)
                        .map(|(i, _)| i);
                }
                if input.selected_annotation.is_some() {
                    actions.push(UiAction::SelectAnnotation(None));
                }
                return;
            }
            // Clicking again where the selected annotation is moves down the stack.
            let index = match &self.click_stack {
                Some(prev)
                    if prev.ids == stack
                        && input.selected_annotation == Some(prev.ids[prev.index]) =>
                {
                    (prev.index + 1) % stack.len()
                }
                _ => 0,
            };
            actions.push(UiAction::SelectAnnotation(Some(stack[index])));
            self.click_stack = Some(ClickStack { ids: stack, index });
        }
    }

    fn context_menu(
        &mut self,
        response: &egui::Response,
        text: &str,
        origin: Pos2,
        actions: &mut Vec<UiAction>,
    ) {
        if response.secondary_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            // Right-click outside the selection selects the word there first.
            let hit = self.hit(&response.ctx, text, origin, pos);
            let inside = self
                .selection()
                .is_some_and(|(s, e)| s <= hit.boundary && hit.boundary <= e);
            if !inside {
                let (p, c) = self.paras.locate(hit.char_under.unwrap_or(hit.boundary));
                let base = self.paras.start(p);
                if let Some((s, e)) = self.segments(text, p).word_at(c) {
                    self.set_selection(base + s, base + e);
                }
            }
            response.request_focus();
        }
        let has_selection = self.selection().is_some();
        response.context_menu(|ui| {
            if !has_selection {
                ui.label("Select some text to tag it.");
                return;
            }
            // Labels and keys from the command table, as in the Tag menu.
            for command in [
                Command::TagMention,
                Command::TagStatement,
                Command::TagCommitment,
                Command::TagStance,
                Command::TagTag,
            ] {
                let mut button = egui::Button::new(command.label());
                if let Some(keys) = command.shortcut_text(ui.ctx()) {
                    button = button.shortcut_text(keys);
                }
                if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                    actions.push(UiAction::Run(command));
                    ui.close();
                }
            }
        });
    }

    fn tooltip(&mut self, response: &egui::Response, origin: Pos2, input: &ArticleInput<'_>) {
        if response.dragged() || response.context_menu_opened() {
            return;
        }
        let Some(pos) = response.hover_pos() else {
            return;
        };
        let hit = self.hit(&response.ctx, input.document.text(), origin, pos);
        let Some(c) = hit.char_under else {
            return;
        };
        let stack = spans::stack_at(&self.decos[hit.paragraph], c);
        let offset = self.paras.start(hit.paragraph) + c;
        let suggested = self
            .suggestions
            .iter()
            .take_while(|m| m.start <= offset)
            .filter(|m| offset < m.end)
            .map(|m| m.tooltip.clone());
        let layers = self.layers.as_ref();
        let lines: Vec<String> = stack
            .iter()
            .filter_map(|&id| {
                let text = describe(input.project, input.document, id)?;
                let owner = crate::ui::analysts::owner(input.document, id)?;
                Some(match layers {
                    Some(l) if !l.owns(&owner) => format!("{text}\nCoded by {owner} (read only)"),
                    _ => text,
                })
            })
            .chain(suggested)
            .collect();
        if lines.is_empty() {
            return;
        }
        response
            .clone()
            .on_hover_text_at_pointer(bidi::visual(&lines.join("\n\n")).into_owned());
    }

    fn snap_selection(&mut self, text: &str) {
        let Some((s, e)) = self.selection() else {
            return;
        };
        let forward = self.caret >= self.anchor.unwrap_or(self.caret);
        let (ps, sc) = self.paras.locate(s);
        let (pe, ec) = self.paras.locate(e);
        let start_limit = if ps == pe {
            ec
        } else {
            self.paras.char_len(ps)
        };
        let end_limit = if ps == pe { sc } else { 0 };
        let ns = self.paras.start(ps) + self.segments(text, ps).snap_start(sc, start_limit);
        let ne = self.paras.start(pe) + self.segments(text, pe).snap_end(ec, end_limit);
        if ns < ne {
            if forward {
                self.set_selection(ns, ne);
            } else {
                self.set_selection(ne, ns);
            }
        }
    }

    // ----------------------------------------------------------------------------------
    // Keyboard

    /// Caret keys left in the input (the window takes them as commands before the view is
    /// drawn; a view drawn alone takes them here), looked up in the one command table.
    fn keyboard(&mut self, ui: &egui::Ui, doc: &Document) {
        let navs: Vec<(Nav, bool)> = ui.input_mut(|i| {
            let mut navs = Vec::new();
            i.events.retain(|e| match e {
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => match super::command::navigation_for(*key, *modifiers) {
                    Some(nav) => {
                        navs.push(nav);
                        false
                    }
                    None => true,
                },
                _ => true,
            });
            navs
        });
        for (nav, extend) in navs {
            self.navigate(doc, nav, extend);
        }
    }

    /// The first `find(segments, from)` hit in paragraph `p` after `from`, or in a later
    /// paragraph from its start (`at_start` says whether a paragraph's start itself counts,
    /// as it does for sentences), in document offsets.
    fn find_forward(
        &mut self,
        text: &str,
        p: usize,
        find: impl Fn(&Segments, usize) -> Option<usize>,
        from: usize,
        at_start: bool,
    ) -> Option<usize> {
        for q in p..self.paras.len() {
            let base = self.paras.start(q);
            if q > p && at_start && self.paras.char_len(q) > 0 {
                return Some(base);
            }
            let probe = if q == p { from } else { 0 };
            if let Some(c) = find(self.segments(text, q), probe) {
                return Some(base + c);
            }
        }
        None
    }

    fn find_backward(
        &mut self,
        text: &str,
        p: usize,
        find: impl Fn(&Segments, usize) -> Option<usize>,
        from: usize,
    ) -> Option<usize> {
        let mut from = Some(from);
        for q in (0..=p).rev() {
            let base = self.paras.start(q);
            let len = self.paras.char_len(q);
            let probe = from.take().unwrap_or(len + 1);
            if let Some(c) = find(self.segments(text, q), probe) {
                return Some(base + c);
            }
        }
        None
    }

    /// The caret one visual row up (`-1`) or down (`1`), keeping its x where laid out.
    /// The start or end of the displayed line holding the caret; the paragraph's edge when
    /// it is not laid out (not visible).
    fn line_edge(&self, p: usize, c: usize, end: bool) -> usize {
        let base = self.paras.start(p);
        let Some(layout) = self.layouts.get(p).and_then(Option::as_ref) else {
            return base + if end { self.paras.char_len(p) } else { 0 };
        };
        let (start, stop) = layout.line_bounds(c);
        base + if end { stop } else { start }
    }

    fn line_move(&self, p: usize, c: usize, dir: i32) -> usize {
        let row = self.style.as_ref().map_or(20.0, |s| s.row_height);
        let Some(layout) = self.layouts.get(p).and_then(Option::as_ref) else {
            // Not laid out (not visible): move by paragraph.
            return match dir {
                -1 if p > 0 => self.paras.start(p - 1) + c.min(self.paras.char_len(p - 1)),
                1 if p + 1 < self.paras.len() => {
                    self.paras.start(p + 1) + c.min(self.paras.char_len(p + 1))
                }
                -1 => 0,
                _ => self.paras.total_chars(),
            };
        };
        let here = layout.caret_rect(c);
        let target_y = here.center().y + dir as f32 * row;
        if target_y >= 0.0 && target_y <= layout.galley.rect.height() {
            return self.paras.start(p) + layout.boundary_at(Vec2::new(here.left(), target_y));
        }
        let q = if dir < 0 {
            match p.checked_sub(1) {
                Some(q) => q,
                None => return 0,
            }
        } else if p + 1 < self.paras.len() {
            p + 1
        } else {
            return self.paras.total_chars();
        };
        match self.layouts.get(q).and_then(Option::as_ref) {
            Some(l) => {
                let y = if dir < 0 {
                    l.galley.rect.height() - 1.0
                } else {
                    1.0
                };
                self.paras.start(q) + l.boundary_at(Vec2::new(here.left(), y))
            }
            None => self.paras.start(q) + c.min(self.paras.char_len(q)),
        }
    }

    fn step_annotation(&mut self, forward: bool) {
        if self.order.is_empty() {
            return;
        }
        let selection = self.selection();
        let current = self
            .order
            .iter()
            .position(|&(s, e, _)| selection == Some((s, e)));
        let index = match (current, forward) {
            (Some(i), true) => (i + 1 < self.order.len()).then_some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => {
                let from = selection.map_or(self.caret, |s| s.0);
                let i = self.order.partition_point(|&(s, _, _)| s < from);
                (i < self.order.len()).then_some(i)
            }
            (None, false) => {
                let from = selection.map_or(self.caret, |s| s.0);
                self.order
                    .partition_point(|&(s, _, _)| s < from)
                    .checked_sub(1)
            }
        };
        if let Some(i) = index {
            let (s, e, id) = self.order[i];
            self.set_selection(s, e);
            self.pending.push(UiAction::SelectAnnotation(Some(id)));
            self.scroll = Some(ScrollTarget::Caret);
        }
    }
}

/// Ranges in text order with overlapping or touching ones merged; empty ones dropped.
fn merge_ranges(ranges: impl IntoIterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = ranges.into_iter().filter(|(s, e)| s < e).collect();
    all.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

struct Hit {
    paragraph: usize,
    boundary: usize,
    char_under: Option<usize>,
}

/// What the tooltip says about an annotation.
pub fn describe(project: &Project, doc: &Document, id: Id) -> Option<String> {
    let actor = |a: Option<Id>| {
        a.and_then(|a| project.actor(a))
            .map_or_else(|| "(no actor)".to_owned(), |a| a.name.clone())
    };
    let quote = |span: &crate::model::Span| {
        let t = span.text();
        let short: String = t.chars().take(80).collect();
        let parts = match span.ranges.len() {
            0 | 1 => String::new(),
            n => format!(" ({n} parts)"),
        };
        if short.len() < t.len() {
            format!("“{short}…”{parts}")
        } else {
            format!("“{short}”{parts}")
        }
    };
    Some(match doc.annotation(id)? {
        Annotation::Mention(m) => {
            format!("Mention of {} — {}", actor(Some(m.actor)), quote(&m.span))
        }
        Annotation::Statement(s) => {
            let mut out = format!(
                "Statement by {} ({}) — {}",
                actor(s.speaker),
                s.attribution,
                quote(&s.span)
            );
            for c in doc.commitments_of(s.id) {
                out.push_str(&format!(
                    "\nCommitment: {} · {} · {} · by {}",
                    c.category,
                    c.strength,
                    c.context,
                    actor(c.committer)
                ));
            }
            for st in doc.stances_of(s.id) {
                let target = match &st.target {
                    Some(StanceTarget::Actor(a)) => actor(Some(*a)),
                    Some(StanceTarget::Topic(t)) => t.clone(),
                    None => "(no target)".to_owned(),
                };
                out.push_str(&format!(
                    "\nStance: {} toward {} ({}) · held by {}",
                    st.polarity,
                    target,
                    st.intensity,
                    actor(st.holder)
                ));
            }
            out
        }
        Annotation::Tag(t) => {
            let mut out = format!("Tag {} — {}", t.category, quote(&t.span));
            for (k, v) in &t.attributes {
                out.push_str(&format!("\n{k}: {v}"));
            }
            out
        }
        other => format!("{} {}", other.kind().label(), id.0),
    })
}
