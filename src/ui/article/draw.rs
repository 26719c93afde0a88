//! One paragraph's cached layout and annotation drawing, and the colours they use.

use super::spans::{Deco, DecoKind, Shade};
use egui::epaint::text::{CharIndex, LayoutJob, TextFormat};
use egui::epaint::{Galley, Mesh};
use egui::text::CCursor;
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, TextStyle, Vec2};
use std::sync::Arc;

/// Line height as a multiple of the font size: the room below the baseline holds stacked
/// underlines of overlapping annotations.
const LINE_SPACING: f32 = 1.8;
/// Underlines start this far below the baseline and stack this far apart.
const UNDERLINE_OFFSET: f32 = 2.0;
const UNDERLINE_STEP: f32 = 3.0;
/// Deeper overlaps share the last underline row rather than run into the next line.
const MAX_UNDERLINE_LEVEL: u8 = 3;

/// Everything a paragraph's layout and colours depend on; a change lays paragraphs out anew.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutStyle {
    pub font: FontId,
    pub row_height: f32,
    pub paragraph_gap: f32,
    pub wrap_width: f32,
    pub pixels_per_point: f32,
    pub dark: bool,
    pub text_colour: Color32,
    pub selection: Color32,
    pub outline: Stroke,
    caret_colour: Color32,
}

impl LayoutStyle {
    pub fn from_ui(ui: &egui::Ui) -> Self {
        let font = TextStyle::Body.resolve(ui.style());
        let visuals = ui.visuals();
        let scroll_bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
        Self {
            row_height: (font.size * LINE_SPACING).round(),
            paragraph_gap: (font.size * 0.5).round(),
            font,
            wrap_width: (ui.available_width() - scroll_bar - 4.0).max(40.0).round(),
            pixels_per_point: ui.ctx().pixels_per_point(),
            dark: visuals.dark_mode,
            text_colour: visuals.text_color(),
            selection: visuals.selection.bg_fill.gamma_multiply(0.8),
            outline: Stroke::new(2.0, visuals.selection.stroke.color),
            caret_colour: visuals.text_cursor.stroke.color,
        }
    }

    /// Same line breaks (so measured heights stay valid).
    pub fn same_wrap(&self, other: &Self) -> bool {
        self.font == other.font
            && self.wrap_width == other.wrap_width
            && self.row_height == other.row_height
            && self.pixels_per_point == other.pixels_per_point
    }

    pub fn estimated_chars_per_row(&self) -> f32 {
        (self.wrap_width / (self.font.size * 0.5)).max(1.0)
    }

    pub fn caret(&self, focused: bool) -> Stroke {
        let colour = if focused {
            self.caret_colour
        } else {
            self.caret_colour.gamma_multiply(0.45)
        };
        Stroke::new(2.0, colour)
    }

    pub fn find_colour(&self, current: bool) -> Color32 {
        if current {
            Color32::from_rgba_unmultiplied(255, 140, 0, 150)
        } else {
            Color32::from_rgba_unmultiplied(255, 214, 0, 90)
        }
    }

    /// Light tints that keep text readable on light and dark backgrounds; overlapping
    /// statements add up to a deeper tint.
    pub fn shade(&self, shade: Shade) -> Color32 {
        let [r, g, b] = match shade {
            Shade::Commitment => [66, 133, 244],
            Shade::Stance => [245, 160, 40],
            Shade::Both => [171, 71, 188],
            Shade::Other => [120, 160, 140],
        };
        let alpha = if self.dark { 70 } else { 50 };
        Color32::from_rgba_unmultiplied(r, g, b, alpha)
    }

    /// Other analysts' marks: a grey that reads as "not mine" on either background.
    pub fn foreign_colour(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(150, 150, 160)
        } else {
            Color32::from_rgb(120, 120, 130)
        }
    }

    pub fn tag_colour(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(214, 150, 230)
        } else {
            Color32::from_rgb(140, 40, 160)
        }
    }
}

/// A laid-out paragraph and the meshes of its annotations (relative to its top left).
#[derive(Clone)]
pub struct ParaLayout {
    pub galley: Arc<Galley>,
    /// Hash of the annotation list the meshes were built from.
    pub deco_hash: u64,
    back: Mesh,
    front: Mesh,
    /// Paragraph char index where each galley row starts.
    row_starts: Vec<usize>,
}

/// One row's share of a range: its rectangle (the text band) and baseline.
struct Piece {
    rect: Rect,
    baseline: f32,
    /// Does the range start / end on this row?
    first: bool,
    last: bool,
}

impl ParaLayout {
    pub fn new(
        ctx: &egui::Context,
        style: &LayoutStyle,
        text: &str,
        decos: &[Deco],
        deco_hash: u64,
    ) -> Self {
        let format = TextFormat {
            font_id: style.font.clone(),
            color: style.text_colour,
            line_height: Some(style.row_height),
            ..Default::default()
        };
        let mut job = LayoutJob::single_section(text.to_owned(), format);
        job.wrap.max_width = style.wrap_width;
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let mut row_starts = Vec::with_capacity(galley.rows.len());
        let mut at = 0;
        for row in &galley.rows {
            row_starts.push(at);
            at += row.char_count_including_newline().0;
        }
        let mut layout = Self {
            galley,
            deco_hash,
            back: Mesh::default(),
            front: Mesh::default(),
            row_starts,
        };
        layout.rebuild_decorations(style, decos, deco_hash);
        layout
    }

    pub fn height(&self, style: &LayoutStyle) -> f32 {
        self.galley.rect.height() + style.paragraph_gap
    }

    /// Shading behind the text, underlines in front of it.
    pub fn rebuild_decorations(&mut self, style: &LayoutStyle, decos: &[Deco], hash: u64) {
        let mut back = Mesh::default();
        let mut front = Mesh::default();
        for d in decos {
            for piece in self.pieces(d.start, d.end) {
                let y = piece.baseline
                    + UNDERLINE_OFFSET
                    + f32::from(d.level.min(MAX_UNDERLINE_LEVEL)) * UNDERLINE_STEP;
                let (x0, x1) = (piece.rect.left(), piece.rect.right());
                if d.foreign {
                    foreign_piece(&mut back, &mut front, style, d, &piece, y);
                    continue;
                }
                match d.kind {
                    DecoKind::Statement(shade) => {
                        back.add_colored_rect(piece.rect, style.shade(shade))
                    }
                    DecoKind::Mention { colour: [r, g, b] } => front.add_colored_rect(
                        Rect::from_x_y_ranges(x0..=x1, y..=y + 2.0),
                        Color32::from_rgb(r, g, b),
                    ),
                    DecoKind::Tag => {
                        // A thin line with a tick at each end of the tag: distinct from
                        // mention underlines, and a few rectangles however long the tag.
                        let colour = style.tag_colour();
                        front.add_colored_rect(Rect::from_x_y_ranges(x0..=x1, y..=y + 1.0), colour);
                        if piece.first {
                            front.add_colored_rect(
                                Rect::from_x_y_ranges(x0..=x0 + 1.5, y - 4.0..=y + 1.0),
                                colour,
                            );
                        }
                        if piece.last {
                            front.add_colored_rect(
                                Rect::from_x_y_ranges(x1 - 1.5..=x1, y - 4.0..=y + 1.0),
                                colour,
                            );
                        }
                    }
                }
            }
        }
        self.back = back;
        self.front = front;
        self.deco_hash = hash;
    }

    pub fn back_shape(&self, at: Pos2) -> Shape {
        translated(&self.back, at)
    }

    pub fn front_shape(&self, at: Pos2) -> Shape {
        translated(&self.front, at)
    }

    /// The text-band rectangles covering paragraph chars `[a, b)`, one per row.
    pub fn range_rects(&self, a: usize, b: usize) -> Vec<Rect> {
        self.pieces(a, b).into_iter().map(|p| p.rect).collect()
    }

    fn pieces(&self, a: usize, b: usize) -> Vec<Piece> {
        let mut out = Vec::new();
        for (row, &rs) in self.galley.rows.iter().zip(&self.row_starts) {
            let re = rs + row.glyphs.len();
            if b <= rs || a >= re {
                continue;
            }
            let (ca, cb) = (a.max(rs) - rs, b.min(re) - rs);
            let x0 = row.pos.x + row.x_offset(CharIndex(ca));
            let x1 = row.pos.x + row.x_offset(CharIndex(cb));
            let Some(g) = row.glyphs.first() else {
                continue;
            };
            let baseline = row.pos.y + g.pos.y;
            let top = baseline - g.font_ascent;
            out.push(Piece {
                rect: Rect::from_x_y_ranges(x0..=x1, top..=top + g.font_height),
                baseline,
                first: a >= rs,
                last: b <= re,
            });
        }
        out
    }

    /// The caret position (paragraph char index) nearest to a point.
    pub fn boundary_at(&self, local: Vec2) -> usize {
        self.galley.cursor_from_pos(local).index.0
    }

    /// The paragraph char under a point, if the point is on a glyph.
    pub fn char_at(&self, local: Vec2) -> Option<usize> {
        for (row, &rs) in self.galley.rows.iter().zip(&self.row_starts) {
            if local.y < row.min_y() || local.y > row.max_y() {
                continue;
            }
            let x = local.x - row.pos.x;
            return row
                .glyphs
                .iter()
                .position(|g| g.pos.x <= x && x < g.max_x())
                .map(|i| rs + i);
        }
        None
    }

    /// A zero-width rectangle at a caret position.
    pub fn caret_rect(&self, c: usize) -> Rect {
        self.galley.pos_from_cursor(CCursor::new(c))
    }
}

/// Dots along `x0..x1` at `y`, `thickness` high: dotted, where suggestions are dashed.
fn dashes(mesh: &mut Mesh, x0: f32, x1: f32, y: f32, thickness: f32, colour: Color32) {
    const DASH: f32 = 1.5;
    const GAP: f32 = 2.0;
    let mut x = x0;
    while x < x1 {
        let end = (x + DASH).min(x1);
        mesh.add_colored_rect(Rect::from_x_y_ranges(x..=end, y..=y + thickness), colour);
        x = end + GAP;
    }
}

/// Another analyst's annotation: never coloured like one's own, never dashed like a
/// suggestion. Mentions get a dotted line in a faded actor colour; statements a faint grey
/// band with a dotted grey line below; tags a dotted grey line with end ticks.
fn foreign_piece(
    back: &mut Mesh,
    mesh: &mut Mesh,
    style: &LayoutStyle,
    d: &Deco,
    piece: &Piece,
    y: f32,
) {
    let (x0, x1) = (piece.rect.left(), piece.rect.right());
    let grey = style.foreign_colour();
    match d.kind {
        DecoKind::Mention { colour: [r, g, b] } => {
            let faded = Color32::from_rgb(r, g, b).gamma_multiply(0.6);
            dashes(mesh, x0, x1, y, 1.0, faded);
        }
        DecoKind::Statement(_) => {
            let alpha = if style.dark { 0.16 } else { 0.12 };
            back.add_colored_rect(piece.rect, grey.gamma_multiply(alpha));
            dashes(mesh, x0, x1, piece.rect.bottom(), 1.0, grey);
        }
        DecoKind::Tag => {
            dashes(mesh, x0, x1, y, 1.0, grey);
            if piece.first {
                mesh.add_colored_rect(
                    Rect::from_x_y_ranges(x0..=x0 + 1.0, y - 3.0..=y + 1.0),
                    grey,
                );
            }
            if piece.last {
                mesh.add_colored_rect(
                    Rect::from_x_y_ranges(x1 - 1.0..=x1, y - 3.0..=y + 1.0),
                    grey,
                );
            }
        }
    }
}

fn translated(mesh: &Mesh, at: Pos2) -> Shape {
    if mesh.is_empty() {
        return Shape::Noop;
    }
    let mut m = mesh.clone();
    m.translate(at.to_vec2());
    Shape::mesh(m)
}
