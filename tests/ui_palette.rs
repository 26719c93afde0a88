//! One command table for everything: the palette (Ctrl+Shift+P) finds any command by a
//! few letters, shows its key and runs it; the help lists every command with its key.

use crate::ui_panels_support::*;

use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::command::{self, Command};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(dir: &std::path::Path) -> Harness<'static, DemarcheApp> {
    let path = dir.join("celac.ron");
    persist::save(&project(), &path).expect("fixture saves");
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(demarche::ui::fonts::install)
        .build_ui_state(
            |ui, app: &mut DemarcheApp| app.frame_ui(ui),
            DemarcheApp::app_for_tests_as(Startup::Open(path), ANALYST),
        );
    h.run();
    h
}

fn palette_search(h: &mut Harness<'static, DemarcheApp>, typed: &str) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Command palette search");
    h.event(egui::Event::Text(typed.into()));
    h.run();
}

#[test]
fn the_palette_finds_a_command_by_scattered_letters_shows_its_key_and_runs_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    assert!(!h.state().help_shown());
    palette_search(&mut h, "kbd shortc");
    // The row names the menu and the command, with its key beside it.
    h.get_by_label_contains("Help: Keyboard shortcuts");
    h.get_by_label_contains("F1");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().help_shown(), "Enter ran the command");
    assert!(h.query_by_label("Command palette search").is_none());

    // Arrows choose among the matches; Escape closes without running anything.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().help_shown());
    let dark_before = h.ctx.theme();
    palette_search(&mut h, "light dark");
    h.key_press(Key::Enter);
    h.run();
    assert_ne!(h.ctx.theme(), dark_before, "Toggle light / dark ran");

    palette_search(&mut h, "undo");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Command palette search").is_none());
    assert_ne!(h.ctx.theme(), dark_before, "Escape ran nothing");
}

#[test]
fn letters_typed_in_the_palette_do_not_tag_the_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    let (s, e) = find("Wang Yi", 0);
    h.state_mut().article_mut().set_selection(s, e);
    let before = h.state().workspace().revision();
    palette_search(&mut h, "m");
    h.key_press(Key::M);
    h.run();
    assert_eq!(h.state().workspace().revision(), before);
    assert!(h.query_by_label("New actor «Wang Yi»").is_none());
}

#[test]
fn every_command_is_in_the_help_with_its_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    h.key_press(Key::F1);
    h.run();
    for &c in command::ALL {
        assert!(
            h.query_all_by_label(&c.label()).next().is_some(),
            "{c:?} is not in the help"
        );
    }
    // Keys as printed on the keyboard; the number keys are explained.
    h.get_by_label("Tab or ]");
    h.get_by_label(Command::SetLevel(1).tooltip());
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().help_shown());
}

#[test]
fn the_article_keys_with_alt_are_commands_of_the_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path());
    let end = TEXT.chars().count();
    h.key_press_modifiers(Modifiers::ALT, Key::End);
    h.run();
    assert_eq!(h.state().article().caret(), end);
    h.key_press_modifiers(Modifiers::ALT | Modifiers::SHIFT, Key::Home);
    h.run();
    assert_eq!(h.state().article().selection(), Some((0, end)));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    let word_end = "Foreign".chars().count();
    assert_eq!(h.state().article().caret(), word_end);
    // And the help lists them with the rest.
    let keys = Command::Navigate {
        nav: demarche::ui::article::Nav::DocumentEnd,
        extend: false,
    }
    .all_shortcuts_text(&h.ctx);
    assert!(keys.contains("Alt+End"), "{keys}");
}
