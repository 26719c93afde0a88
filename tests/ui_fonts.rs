//! Every script renders: with the installed fonts, Chinese, Japanese, Korean, Arabic and
//! Cyrillic text is laid out with real glyphs, never the replacement box.

use demarche::ui::fonts::{self, SCRIPT_SAMPLES};
use egui::{FontId, RawInput};

/// The characters of the samples that no installed font has. Where all are present, the
/// samples are also laid out as the article does and every glyph of the galley checked.
fn missing_glyphs(ctx: &egui::Context) -> Vec<(String, char)> {
    // One frame so that fonts added with `install` take effect.
    let mut output = ctx.run_ui(RawInput::default(), |_| {});
    output.textures_delta.clear();
    let font = FontId::proportional(14.0);
    let mut missing = Vec::new();
    for (script, sample) in SCRIPT_SAMPLES {
        for c in sample.chars().filter(|c| !c.is_whitespace()) {
            if !ctx.fonts_mut(|f| f.has_glyph(&font, c)) {
                missing.push((script.to_owned(), c));
            }
        }
    }
    if missing.is_empty() {
        for (_, sample) in SCRIPT_SAMPLES {
            let galley = ctx.fonts_mut(|f| {
                f.layout_no_wrap(sample.to_owned(), font.clone(), egui::Color32::WHITE)
            });
            assert_eq!(galley.text(), sample);
            let glyphs: Vec<char> = galley
                .rows
                .iter()
                .flat_map(|r| r.glyphs.iter().map(|g| g.chr))
                .collect();
            // Shaping may split or join glyphs (Arabic), so check presence, not count.
            assert!(!glyphs.is_empty());
            for c in glyphs {
                assert!(
                    c.is_whitespace() || ctx.fonts_mut(|f| f.has_glyph(&font, c)),
                    "{c}"
                );
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
