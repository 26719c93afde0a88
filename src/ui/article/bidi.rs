//! Right-to-left scripts: the visual order of each displayed line of a paragraph by the
//! Unicode bidi algorithm (`unicode-bidi`), as "atoms" the view lays out from left to right
//! while keeping, for each, the logical code-point range the project stores. Pure: no egui.
//!
//! egui shapes each run of one font with harfrust, which draws an Arabic or Hebrew word's
//! letters right to left and joined; it does not reorder words. So an atom is a word of a
//! right-to-left script (given to egui in logical order, its letters are drawn right),
//! or a single other character of a right-to-left run (a space, a bracket, mirrored), or a
//! whole left-to-right run; reversing the atoms of right-to-left runs and ordering the runs
//! by level gives the line in visual order.

use std::ops::Range;
use unicode_bidi::ParagraphBidiInfo;

/// Does the text hold a character of a right-to-left script (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms)? A quick test before the bidi algorithm.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl_script)
}

fn is_rtl_script(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// One piece of a line in visual order: paragraph code points `[start, end)`, whether it
/// runs right to left, and the text to draw (the logical text; a mirrored bracket in a
/// right-to-left run).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Atom {
    pub start: usize,
    pub end: usize,
    pub rtl: bool,
    pub text: String,
}

/// A paragraph's bidi analysis, for its lines.
pub struct ParagraphBidi<'t> {
    info: ParagraphBidiInfo<'t>,
    text: &'t str,
    /// Byte offset of each code point, and the text's length last.
    bytes: Vec<usize>,
}

impl<'t> ParagraphBidi<'t> {
    /// The paragraph's direction comes from its first strong character (rules P2–P3).
    pub fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Self {
            info: ParagraphBidiInfo::new(text, None),
            text,
            bytes,
        }
    }

    /// Does the paragraph read right to left (lines aligned right)?
    pub fn rtl_base(&self) -> bool {
        self.info.paragraph_level.is_rtl()
    }

    fn char_of_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    /// The line of code points `line` in visual order, left to right.
    pub fn visual_atoms(&self, line: Range<usize>) -> Vec<Atom> {
        let (ls, le) = (
            line.start.min(self.bytes.len() - 1),
            line.end.min(self.bytes.len() - 1),
        );
        if ls >= le {
            return Vec::new();
        }
        let bytes = self.bytes[ls]..self.bytes[le];
        let (levels, runs) = self.info.visual_runs(bytes);
        let mut out = Vec::new();
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let (s, e) = (self.char_of_byte(run.start), self.char_of_byte(run.end));
            if !rtl {
                out.push(Atom {
                    start: s,
                    end: e,
                    rtl,
                    text: self.text[run].to_owned(),
                });
                continue;
            }
            // Words of the script together; every other character alone.
            let mut atoms: Vec<Atom> = Vec::new();
            for (i, c) in self.text[run.clone()].chars().enumerate() {
                let at = s + i;
                let word = is_rtl_script(c);
                match atoms.last_mut() {
                    Some(last)
                        if word && last.end == at && last.text.chars().all(is_rtl_script) =>
                    {
                        last.end = at + 1;
                        last.text.push(c);
                    }
                    _ => atoms.push(Atom {
                        start: at,
                        end: at + 1,
                        rtl,
                        text: mirrored(c).to_string(),
                    }),
                }
            }
            out.extend(atoms.into_iter().rev());
        }
        out
    }
}

/// `text` in visual order for a plain egui label (a title, a table cell, a tooltip): each
/// line reordered by the bidi algorithm, its right-to-left words kept whole (egui draws
/// their letters). Borrowed when there is nothing right to left. Display only: the text
/// stored, searched and edited stays in logical order.
pub fn visual(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_rtl(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let n = line.chars().count();
            ParagraphBidi::new(line)
                .visual_atoms(0..n)
                .into_iter()
                .map(|a| a.text)
                .collect()
        })
        .collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// A bracket or quotation mark as a right-to-left run shows it (rule L4, the common pairs).
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str, needle: &str) -> (usize, usize) {
        let byte = text.find(needle).expect("in text");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    #[test]
    fn an_arabic_phrase_in_an_english_line_reads_right_to_left_in_place() {
        let text = "The minister said وزير الخارجية today.";
        let bidi = ParagraphBidi::new(text);
        assert!(!bidi.rtl_base());
        let n = text.chars().count();
        let atoms = bidi.visual_atoms(0..n);
        let shown: Vec<&str> = atoms.iter().map(|a| a.text.as_str()).collect();
        // English first, then the second Arabic word left of the first, then English.
        assert_eq!(
            shown,
            ["The minister said ", "الخارجية", " ", "وزير", " today."]
        );
        let (w1, w2) = (chars(text, "وزير"), chars(text, "الخارجية"));
        assert_eq!((atoms[1].start, atoms[1].end), w2);
        assert_eq!((atoms[3].start, atoms[3].end), w1);
        assert!(atoms[1].rtl && !atoms[0].rtl);
    }

    #[test]
    fn an_arabic_paragraph_is_right_to_left_with_english_names_left_to_right() {
        let text = "التقى الوزير Mauro Vieira في الرياض";
        let bidi = ParagraphBidi::new(text);
        assert!(bidi.rtl_base());
        let atoms = bidi.visual_atoms(0..text.chars().count());
        let shown: Vec<&str> = atoms.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            shown,
            [
                "الرياض",
                " ",
                "في",
                " ",
                "Mauro Vieira",
                " ",
                "الوزير",
                " ",
                "التقى"
            ]
        );
        // Every code point is in exactly one atom.
        let mut covered: Vec<usize> = atoms.iter().flat_map(|a| a.start..a.end).collect();
        covered.sort_unstable();
        assert_eq!(covered, (0..text.chars().count()).collect::<Vec<_>>());
    }

    #[test]
    fn a_label_shows_arabic_in_visual_order_and_leaves_other_text_alone() {
        // Two Arabic words: the second (logically) stands left of the first.
        assert_eq!(visual("وزير الخارجية"), "الخارجية وزير");
        assert_eq!(
            visual("Minister وزير الخارجية said"),
            "Minister الخارجية وزير said"
        );
        // Each line on its own; an English name keeps its order inside Arabic.
        assert_eq!(
            visual("التقى Mauro Vieira\nplain"),
            "Mauro Vieira التقى\nplain"
        );
        assert!(matches!(
            visual("Wang Yi meets CELAC envoys"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn brackets_mirror_in_a_right_to_left_run() {
        let text = "قال «نعم»";
        let atoms = ParagraphBidi::new(text).visual_atoms(0..text.chars().count());
        let shown: String = atoms.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(shown, "«نعم» قال");
        assert!(has_rtl(text) && !has_rtl("Plain English, «quoted»."));
    }
}
