//! The whole window under egui_kittest, as the app-level tests drive it.

use demarche::ui::app::DemarcheApp;
use egui_kittest::Harness;

/// The window at 1280×800 with the bundled fonts, running `app`.
pub fn app_harness(app: DemarcheApp) -> Harness<'static, DemarcheApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        // Some panel combo boxes have no accessible name yet (reported to the panels work).
        .with_accessibility_check(false)
        // The window relies on the system's fonts (eframe's `system_fonts`) for arrows and
        // symbols in panel texts; the harness has only egui's fonts plus the bundled ones.
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut DemarcheApp| app.frame_ui(ui), app)
}
