//! People: titles before names, appositions, speakers, short forms, pronouns and
//! epithets resolved to an earlier person — in stages, a file each: `names` → `registry`
//! → `appositions` → `coreference`.

use super::*;

mod appositions;
mod coreference;
mod names;
mod registry;

/// Honorifics of South and Southeast Asian usage ("Shri Randhir Jaiswal", "Datuk Seri
/// Anwar") and military ranks written out before a name ("Captain Ibrahim Traoré"), which
/// are no part of the name.
const REGIONAL_HONORIFICS: &[&str] = &[
    "Shri",
    "Sri",
    "Smt",
    "Shrimati",
    "Datuk",
    "Dato",
    "Dato'",
    "Dato’",
    "Tan",
    "Bapak",
    "Pak",
    "Ibu",
    "Captain",
    "Colonel",
    "Lieutenant",
    "Major",
    "Marshal",
];

/// "His Excellency", "Her Majesty": a form of address before a name or title, whose
/// "His" is no pronoun. Where what it addresses starts.
pub(super) fn form_of_address(t: &Tokens, i: usize) -> Option<usize> {
    let addressed = i + 2;
    (matches!(t.str(i), "His" | "Her" | "his" | "her")
        && matches!(t.str(i + 1), "Excellency" | "Majesty" | "Highness")
        && t.is_capitalised(addressed)
        && t.same_sentence(i, addressed))
    .then_some(addressed)
}

/// Where the name after the honorific at `i` starts ("Shri Randhir"; "Tan" only as "Tan
/// Sri").
fn regional_honorific(t: &Tokens, i: usize) -> Option<usize> {
    let word = t.str(i);
    // "His Excellency Paul Kagame"; before a title ("His Excellency President …") the
    // title is read on its own.
    if let Some(end) = form_of_address(t, i) {
        return words::title_word(t.str(end)).is_none().then_some(end);
    }
    if !REGIONAL_HONORIFICS.contains(&word) || !t.is_capitalised(i + 1) {
        return None;
    }
    // "Datuk Seri", "Tan Sri": two-word honorifics.
    let second = matches!(t.str(i + 1), "Seri" | "Sri");
    if word == "Tan" && !second {
        return None;
    }
    let end = if second { i + 2 } else { i + 1 };
    (t.is_capitalised(end) && t.same_sentence(i, end)).then_some(end)
}
