//! Fonts: every script an analyst meets in diplomatic news renders as glyphs, not boxes.
//!
//! egui's default fonts cover Latin, Greek and Cyrillic. The system's fonts come next
//! (eframe's `system_fonts` feature, asked only for characters the installed fonts lack).
//! Because a fresh machine or a CI box may have no CJK or Arabic font at all, two small
//! fallbacks are bundled in the binary (see `assets/fonts/README.md` for their licences).

use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};
use egui::{Context, FontFamily};

/// Android's Droid Sans Fallback: CJK ideographs and kana (Apache-2.0).
const CJK_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");
/// Nanum Square: Hangul, which Droid Sans Fallback lacks (SIL OFL 1.1).
const HANGUL_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/NanumSquareR.ttf");
/// Noto Sans Arabic (SIL OFL 1.1).
const ARABIC_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");

/// The scripts the bundled fonts add, as a sample a test can lay out.
pub const SCRIPT_SAMPLES: [(&str, &str); 5] = [
    ("Chinese", "王毅表示，中方愿同各方加强合作。"),
    ("Japanese", "外務大臣は、ひらがなとカタカナで話した。"),
    ("Korean", "대한민국 외교부 장관은 회담을 가졌다"),
    ("Arabic", "وزير الخارجية السعودي"),
    ("Cyrillic", "Министр иностранных дел Лавров заявил"),
];

/// Adds the bundled fallback fonts after egui's own, for proportional and monospace text.
/// Call once at start; calling again does nothing.
pub fn install(ctx: &Context) {
    for (name, bytes) in [
        ("demarche-cjk-fallback", CJK_FALLBACK),
        ("demarche-hangul-fallback", HANGUL_FALLBACK),
        ("demarche-arabic-fallback", ARABIC_FALLBACK),
    ] {
        ctx.add_font(FontInsert::new(
            name,
            FontData::from_static(bytes),
            vec![
                InsertFontFamily {
                    family: FontFamily::Proportional,
                    priority: FontPriority::Lowest,
                },
                InsertFontFamily {
                    family: FontFamily::Monospace,
                    priority: FontPriority::Lowest,
                },
            ],
        ));
    }
}
