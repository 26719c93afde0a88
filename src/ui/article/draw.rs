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
    /// A paragraph with right-to-left text: its lines in visual order, one per galley row
    /// (the galley then holds the visual text, and its char indices mean nothing).
    bidi: Option<Vec<BidiLine>>,
}

/// One displayed line of a right-to-left (or mixed) paragraph.
#[derive(Clone, Debug)]
struct BidiLine {
    /// Paragraph code points `[start, end)` of the line, in logical order.
    start: usize,
    end: usize,
    /// Its pieces from left to right with their x extents (relative to the paragraph).
    atoms: Vec<PlacedAtom>,
}

#[derive(Clone, Copy, Debug)]
struct PlacedAtom {
    start: usize,
    end: usize,
    rtl: bool,
    x0: f32,
    x1: f32,
}

impl PlacedAtom {
    /// The x of the caret boundary before paragraph char `c` (`start <= c <= end`), the
    /// characters spread evenly over the atom (an Arabic word's letters have no offsets
    /// of their own once joined).
    fn x_of(&self, c: usize) -> f32 {
        let n = (self.end - self.start).max(1) as f32;
        let t = (c.clamp(self.start, self.end) - self.start) as f32 / n;
        if self.rtl {
            self.x1 - t * (self.x1 - self.x0)
        } else {
            self.x0 + t * (self.x1 - self.x0)
        }
    }

    /// The char boundary nearest to `x`, and the char under it.
    fn at_x(&self, x: f32) -> (usize, usize) {
        let n = self.end - self.start;
        let w = (self.x1 - self.x0).max(f32::EPSILON);
        let mut t = ((x - self.x0) / w).clamp(0.0, 1.0);
        if self.rtl {
            t = 1.0 - t;
        }
        let boundary = self.start + (t * n as f32).round() as usize;
        let under = self.start + ((t * n as f32).floor() as usize).min(n.saturating_sub(1));
        (boundary.min(self.end), under)
    }
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
        if super::bidi::has_rtl(text) {
            return Self::new_bidi(ctx, style, text, format, decos, deco_hash);
        }
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
            bidi: None,
        };
        layout.rebuild_decorations(style, decos, deco_hash);
        layout
    }

    /// A paragraph with right-to-left text: broken into lines at spaces by measured width,
    /// each line put in visual order by the bidi algorithm and laid out as one galley row,
    /// aligned right when the paragraph reads right to left.
    fn new_bidi(
        ctx: &egui::Context,
        style: &LayoutStyle,
        text: &str,
        format: TextFormat,
        decos: &[Deco],
        deco_hash: u64,
    ) -> Self {
        let bidi = super::bidi::ParagraphBidi::new(text);
        let chars: Vec<char> = text.chars().collect();
        // Width and glyph count of a piece laid out alone, as it is laid out in the line
        // (each piece is a section of its own, shaped on its own).
        let mut measured: std::collections::HashMap<String, (f32, usize)> = Default::default();
        let mut measure = |piece: &str| -> (f32, usize) {
            if let Some(&m) = measured.get(piece) {
                return m;
            }
            let galley = ctx.fonts_mut(|f| {
                f.layout_no_wrap(piece.to_owned(), style.font.clone(), style.text_colour)
            });
            let glyphs = galley.rows.iter().map(|r| r.glyphs.len()).sum();
            let m = (galley.size().x, glyphs);
            measured.insert(piece.to_owned(), m);
            m
        };
        // Lines: words with their following spaces, as many as fit.
        let mut lines: Vec<(usize, usize)> = Vec::new();
        let (mut line_start, mut width, mut i) = (0, 0.0_f32, 0);
        while i < chars.len() {
            let word_end = (i..chars.len())
                .find(|&k| chars[k].is_whitespace())
                .unwrap_or(chars.len());
            let next = (word_end..chars.len())
                .find(|&k| !chars[k].is_whitespace())
                .unwrap_or(chars.len());
            let word: String = chars[i..word_end].iter().collect();
            let spaces: String = chars[word_end..next].iter().collect();
            let w = measure(&word).0;
            if width + w > style.wrap_width && i > line_start {
                lines.push((line_start, i));
                line_start = i;
                width = 0.0;
            }
            width += w + if spaces.is_empty() {
                0.0
            } else {
                measure(&spaces).0
            };
            i = next;
        }
        lines.push((line_start, chars.len()));

        let mut job = LayoutJob::default();
        job.wrap.max_width = f32::INFINITY;
        // Per line: its logical range and its atoms, each with its glyph count.
        type Line = (usize, usize, Vec<(super::bidi::Atom, usize)>);
        let mut visual: Vec<Line> = Vec::new();
        for (n, &(ls, le)) in lines.iter().enumerate() {
            let atoms: Vec<(super::bidi::Atom, usize)> = bidi
                .visual_atoms(ls..le)
                .into_iter()
                .map(|a| {
                    let glyphs = measure(&a.text).1;
                    (a, glyphs)
                })
                .collect();
            let line_width: f32 = atoms.iter().map(|(a, _)| measure(&a.text).0).sum();
            let mut leading = if bidi.rtl_base() {
                (style.wrap_width - line_width).max(0.0)
            } else {
                0.0
            };
            for (atom, _) in &atoms {
                job.append(&atom.text, std::mem::take(&mut leading), format.clone());
            }
            if n + 1 < lines.len() {
                job.append("\n", 0.0, format.clone());
            }
            visual.push((ls, le, atoms));
        }
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        // Each atom's extent from its glyphs in the row drawn.
        let mut placed_lines = Vec::with_capacity(visual.len());
        for (row, (ls, le, atoms)) in galley.rows.iter().zip(visual) {
            let mut g = 0;
            let mut x = row.pos.x + row.glyphs.first().map_or(0.0, |gl| gl.pos.x);
            let mut placed = Vec::with_capacity(atoms.len());
            for (atom, count) in atoms {
                let glyphs = row
                    .glyphs
                    .get(g..(g + count).min(row.glyphs.len()))
                    .unwrap_or(&[]);
                g += count;
                let x0 = glyphs
                    .iter()
                    .map(|gl| gl.pos.x)
                    .fold(f32::INFINITY, f32::min);
                let x1 = glyphs
                    .iter()
                    .map(|gl| gl.pos.x + gl.advance_width)
                    .fold(f32::NEG_INFINITY, f32::max);
                let (x0, x1) = if x0.is_finite() && x1 >= x0 {
                    (row.pos.x + x0, row.pos.x + x1)
                } else {
                    (x, x)
                };
                x = x1;
                placed.push(PlacedAtom {
                    start: atom.start,
                    end: atom.end,
                    rtl: atom.rtl,
                    x0,
                    x1,
                });
            }
            placed_lines.push(BidiLine {
                start: ls,
                end: le,
                atoms: placed,
            });
        }
        let row_starts = placed_lines.iter().map(|l| l.start).collect();
        let mut layout = Self {
            galley,
            deco_hash,
            back: Mesh::default(),
            front: Mesh::default(),
            row_starts,
            bidi: Some(placed_lines),
        };
        layout.rebuild_decorations(style, decos, deco_hash);
        layout
    }

    /// The line of a right-to-left paragraph holding caret boundary `c` (the next line's
    /// start belongs to the next line).
    fn bidi_line(lines: &[BidiLine], c: usize) -> usize {
        lines
            .partition_point(|l| l.start <= c)
            .saturating_sub(1)
            .min(lines.len().saturating_sub(1))
    }

    /// The row of a point, by its y.
    fn row_at_y(&self, y: f32) -> usize {
        let rows = &self.galley.rows;
        rows.iter()
            .position(|r| y < r.max_y())
            .unwrap_or(rows.len().saturating_sub(1))
    }

    /// The text band and baseline of galley row `i`.
    fn row_band(&self, i: usize) -> Option<(f32, f32, f32)> {
        let row = self.galley.rows.get(i)?;
        let g = row.glyphs.first()?;
        let baseline = row.pos.y + g.pos.y;
        let top = baseline - g.font_ascent;
        Some((top, top + g.font_height, baseline))
    }

    /// The start and end of the displayed line holding paragraph char `c`.
    pub fn line_bounds(&self, c: usize) -> (usize, usize) {
        if let Some(lines) = &self.bidi {
            let i = Self::bidi_line(lines, c);
            // A line broken at a space ends before it: its end is the next line's start.
            let more = i + 1 < lines.len();
            return lines
                .get(i)
                .map_or((c, c), |l| (l.start, if more { l.end - 1 } else { l.end }));
        }
        let y = self.caret_rect(c).center().y;
        (
            self.boundary_at(Vec2::new(f32::MIN, y)),
            self.boundary_at(Vec2::new(f32::MAX, y)),
        )
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
                    DecoKind::Mention {
                        colour: [r, g, b],
                        person,
                    } => {
                        let colour = Color32::from_rgb(r, g, b);
                        if person {
                            for dy in [0.0, 2.0] {
                                front.add_colored_rect(
                                    Rect::from_x_y_ranges(x0..=x1, y + dy..=y + dy + 1.0),
                                    colour,
                                );
                            }
                        } else {
                            front.add_colored_rect(
                                Rect::from_x_y_ranges(x0..=x1, y..=y + 2.0),
                                colour,
                            );
                        }
                    }
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
        if let Some(lines) = &self.bidi {
            return self.bidi_pieces(lines, a, b);
        }
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

    /// A range's visual pieces in a right-to-left paragraph: per line, the atoms it
    /// covers, touching ones joined into one rectangle.
    fn bidi_pieces(&self, lines: &[BidiLine], a: usize, b: usize) -> Vec<Piece> {
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if b <= line.start || a >= line.end {
                continue;
            }
            let Some((top, bottom, baseline)) = self.row_band(i) else {
                continue;
            };
            let mut spans: Vec<(f32, f32, bool, bool)> = Vec::new();
            for atom in &line.atoms {
                let (s, e) = (a.max(atom.start), b.min(atom.end));
                if s >= e {
                    continue;
                }
                let (xa, xb) = (atom.x_of(s), atom.x_of(e));
                let (x0, x1) = (xa.min(xb), xa.max(xb));
                let (first, last) = (s == a, e == b);
                match spans.last_mut() {
                    Some(prev) if (prev.1 - x0).abs() < 0.5 => {
                        prev.1 = x1;
                        prev.2 |= first;
                        prev.3 |= last;
                    }
                    _ => spans.push((x0, x1, first, last)),
                }
            }
            out.extend(spans.into_iter().map(|(x0, x1, first, last)| Piece {
                rect: Rect::from_x_y_ranges(x0..=x1, top..=bottom),
                baseline,
                first,
                last,
            }));
        }
        out
    }

    /// The caret position (paragraph char index) nearest to a point.
    pub fn boundary_at(&self, local: Vec2) -> usize {
        if let Some(lines) = &self.bidi {
            return self.bidi_hit(lines, local).map_or(0, |(b, _, _)| b);
        }
        self.galley.cursor_from_pos(local).index.0
    }

    /// In a right-to-left paragraph: the boundary nearest to a point, the char at its x,
    /// and whether the x is on that char.
    fn bidi_hit(&self, lines: &[BidiLine], local: Vec2) -> Option<(usize, usize, bool)> {
        let line = lines.get(self.row_at_y(local.y))?;
        let first = line.atoms.first()?;
        let last = line.atoms.last()?;
        let atom = line.atoms.iter().find(|a| local.x < a.x1).unwrap_or(last);
        let atom = if local.x < first.x0 { first } else { atom };
        let (boundary, under) = atom.at_x(local.x);
        let on = local.x >= atom.x0 && local.x < atom.x1;
        Some((boundary, under, on))
    }

    /// The paragraph char under a point, if the point is on a glyph.
    pub fn char_at(&self, local: Vec2) -> Option<usize> {
        if let Some(lines) = &self.bidi {
            let row = self.galley.rows.get(self.row_at_y(local.y))?;
            if local.y < row.min_y() || local.y > row.max_y() {
                return None;
            }
            return self
                .bidi_hit(lines, local)
                .and_then(|(_, under, on)| on.then_some(under));
        }
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
        if let Some(lines) = &self.bidi {
            let i = Self::bidi_line(lines, c);
            let (Some(line), Some(row)) = (lines.get(i), self.galley.rows.get(i)) else {
                return Rect::from_min_max(Pos2::ZERO, Pos2::ZERO);
            };
            // The atom holding the char after the boundary, else (at the line's end) the
            // one before it.
            let atom = line
                .atoms
                .iter()
                .find(|a| a.start <= c && c < a.end)
                .or_else(|| line.atoms.iter().find(|a| a.start < c && c <= a.end))
                .or(line.atoms.first());
            let x = atom.map_or(row.pos.x, |a| a.x_of(c));
            return Rect::from_x_y_ranges(x..=x, row.min_y()..=row.max_y());
        }
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
        DecoKind::Mention {
            colour: [r, g, b], ..
        } => {
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
