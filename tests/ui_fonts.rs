//! Every script renders: with the installed fonts, Chinese, Japanese, Korean, Arabic and
//! Cyrillic text is laid out with real glyphs, never the replacement box.

use demarche::ui::fonts::{self, SCRIPT_SAMPLES};
use egui::{FontId, RawInput};

/// Runs one frame so that pending font changes take effect, then checks the samples.
fn missing_glyphs(ctx: &egui::Context) -> Vec<(String, char)> {
    let _ = ctx.run_ui(RawInput::default(), |ui| {
        for (_, sample) in SCRIPT_SAMPLES {
            ui.label(sample);
        }
    });
    let font = FontId::proportional(14.0);
    let mut missing = Vec::new();
    for (script, sample) in SCRIPT_SAMPLES {
        // Lay the sample out as the article does, and check each glyph the galley holds.
        let galley = ctx
            .fonts_mut(|f| f.layout_no_wrap(sample.to_owned(), font.clone(), egui::Color32::WHITE));
        assert_eq!(galley.text(), sample);
        for row in &galley.rows {
            for glyph in &row.glyphs {
                let has = ctx.fonts_mut(|f| f.has_glyph(&font, glyph.chr));
                if !has && !glyph.chr.is_whitespace() {
                    missing.push((script.to_owned(), glyph.chr));
                }
            }
        }
    }
    missing
}

#[test]
fn cjk_arabic_and_cyrillic_have_glyphs_once_fonts_are_installed() {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let missing = missing_glyphs(&ctx);
    assert!(missing.is_empty(), "missing glyphs: {missing:?}");
}

#[test]
fn egui_alone_lacks_cjk_so_the_check_above_means_something() {
    let ctx = egui::Context::default();
    let missing = missing_glyphs(&ctx);
    assert!(
        missing.iter().any(|(script, _)| script == "Chinese"),
        "egui's default fonts were expected to lack Chinese: {missing:?}"
    );
    assert!(!missing.iter().any(|(script, _)| script == "Cyrillic"));
}
