//! Suggestions drawn over the article: dashed and muted, so that they never pass for
//! annotations. Mentions get a dashed underline (in the actor's colour when the actor is in
//! the project, grey when accepting would add it); statements, commitments and stances a
//! dashed outline. The focused suggestion (the one Enter accepts) is drawn heavier on a
//! light fill.

use crate::model::Rgb;
use crate::suggest::SuggestionKind;
use egui::{Color32, Rect, Shape, Stroke};

/// One suggestion as the view draws it (code points in the document).
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionMark {
    pub kind: SuggestionKind,
    pub start: usize,
    pub end: usize,
    /// The actor's colour for a mention of a project actor.
    pub colour: Option<Rgb>,
    /// What hovering it says ("Suggested mention: China (Enter accept · Backspace reject)").
    pub tooltip: String,
}

const DASH: f32 = 4.0;
const GAP: f32 = 3.0;

/// Muted colours, one per kind, readable on light and dark backgrounds.
fn muted(kind: SuggestionKind, dark: bool) -> Color32 {
    let [r, g, b] = match kind {
        SuggestionKind::Mention => [140, 140, 140],
        SuggestionKind::Statement => [120, 130, 150],
        SuggestionKind::Commitment => [90, 140, 200],
        SuggestionKind::Stance => [210, 150, 70],
    };
    let alpha = if dark { 200 } else { 170 };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// The shapes for one mark over `rects` (its rows in this paragraph, screen coordinates).
pub fn shapes(
    mark: &SuggestionMark,
    rects: &[Rect],
    focused: bool,
    dark: bool,
    out: &mut Vec<Shape>,
) {
    let colour = match (mark.kind, mark.colour) {
        (SuggestionKind::Mention, Some(Rgb([r, g, b]))) => Color32::from_rgb(r, g, b),
        (kind, _) => muted(kind, dark),
    };
    let stroke = Stroke::new(if focused { 2.0 } else { 1.2 }, colour);
    for &r in rects {
        if focused {
            out.push(Shape::rect_filled(
                r.expand(1.0),
                2.0,
                colour.gamma_multiply(0.18),
            ));
        }
        match mark.kind {
            SuggestionKind::Mention => {
                // Below the rows' annotation underlines, so both can be seen.
                let y = r.bottom() + 2.5;
                Shape::dashed_line_many(
                    &[egui::pos2(r.left(), y), egui::pos2(r.right(), y)],
                    stroke,
                    DASH,
                    GAP,
                    out,
                );
            }
            kind => {
                // Statements sit outside the commitments and stances they hold.
                let grow = if kind == SuggestionKind::Statement {
                    2.5
                } else {
                    0.5
                };
                let r = r.expand(grow);
                let outline = [
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                    r.left_top(),
                ];
                Shape::dashed_line_many(&outline, stroke, DASH, GAP, out);
            }
        }
    }
}
