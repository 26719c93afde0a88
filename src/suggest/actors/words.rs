//! The word lists of the mention rules — titles, name particles, words that never belong to
//! a person's name, government words after demonyms, epithet heads — read by name from
//! the rule set (`mention_words` in `assets/rules/en.ron`); what each list means to the
//! rules is here. Lists with a structure of their own (pronouns and their gender, body
//! nouns and their properties, roles an epithet fits) stay in code.
//! All comparisons ignore ASCII case unless said otherwise.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

type Set = OnceLock<HashSet<&'static [u8]>>;

/// The list `name` of the English rule set's `mention_words` (`assets/rules/en.ron`).
/// The mention rules read English lists for every document: the gazetteer, not these
/// words, finds most mentions, and its names are not tied to a language.
pub fn list(name: &str) -> &'static [&'static str] {
    crate::suggest::lexicon::Lexicon::for_language("en")
        .and_then(|lex| lex.mention_words(name))
        // Every name the rules use is checked against the shipped file by a test.
        .unwrap_or_else(|| panic!("assets/rules/en.ron has no mention_words list {name}"))
}

/// `word` is in the list `name`, ignoring ASCII case (the list is lower-case). The rules
/// look words up for every token of the text, so the lists become hash sets once and the
/// word is lower-cased on the stack.
fn folded_in(name: &str, set: &'static Set, word: &str) -> bool {
    const MAX: usize = 40;
    let bytes = word.as_bytes();
    if bytes.len() > MAX || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; MAX];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    let set = set.get_or_init(|| list(name).iter().map(|w| w.as_bytes()).collect());
    set.contains(&buf[..bytes.len()])
}

/// `word` is in the list `name` exactly.
fn exactly_in(name: &str, set: &'static Set, word: &str) -> bool {
    set.get_or_init(|| list(name).iter().map(|w| w.as_bytes()).collect())
        .contains(word.as_bytes())
}

macro_rules! any_eq {
    ($list:literal, $word:expr) => {{
        static SET: Set = OnceLock::new();
        folded_in($list, &SET, $word)
    }};
}

macro_rules! exact {
    ($list:literal, $word:expr) => {{
        static SET: Set = OnceLock::new();
        exactly_in($list, &SET, $word)
    }};
}

/// How a word can take part in a title.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TitleWord {
    Head,
    Modifier,
    Honorific,
}

pub fn title_word(word: &str) -> Option<TitleWord> {
    // Headline short forms ("Chinese FM Wang Yi"), in capitals only.
    if matches!(word, "FM" | "PM") {
        return Some(TitleWord::Head);
    }
    if exact!("honorifics", word) {
        Some(TitleWord::Honorific)
    } else if any_eq!("title_heads", word) {
        Some(TitleWord::Head)
    } else if any_eq!("title_modifiers", word) {
        Some(TitleWord::Modifier)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a title implies, if any.
pub fn title_gender(title: &str) -> Option<Gender> {
    let mut found = None;
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        if any_eq!("female_titles", word) {
            found = Some(Gender::Female);
        } else if any_eq!("male_titles", word) {
            found = Some(Gender::Male);
        }
    }
    found
}

pub fn is_particle(word: &str) -> bool {
    exact!("particles", word)
}

/// True for a capitalised word that cannot be part of a person's name.
pub fn not_name(word: &str) -> bool {
    exact!("not_name", word) || title_word(word).is_some()
}

pub fn is_institution_word(word: &str) -> bool {
    exact!("institution_words", word)
}

pub fn is_government_word(word: &str) -> bool {
    any_eq!("state_action_words", word) || any_eq!("government_words", word)
}

pub fn is_place_word(word: &str) -> bool {
    any_eq!("place_words", word)
}

/// Words before "to" that make it a destination ("flew to Beijing").
pub fn is_movement_word(word: &str) -> bool {
    exact!("movement_words", word)
}

/// Third-person pronouns coded as mentions of a person, with the gender they imply.
pub fn pronoun(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "him" | "his" | "His" | "HE" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "SHE" => Some(Gender::Female),
        _ => None,
    }
}

/// Who speaks for a state in meetings coverage without being named ("the representative
/// of France", "Denmark's delegate", "the speaker for the Russian Federation").
pub fn is_delegate_noun(word: &str) -> bool {
    exact!("delegate_nouns", word)
}

/// Object pronouns: never the subject of their own clause.
pub fn is_object_pronoun(word: &str) -> bool {
    matches!(word, "him")
}

pub fn is_epithet_head(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && any_eq!("epithet_heads", word)
        || exact!("epithet_titles", word)
}

pub fn is_epithet_modifier(word: &str) -> bool {
    any_eq!("epithet_modifiers", word)
}

/// The kind of office a role (lower-case) is, for matching counterparts: heads of state
/// or government meet each other, foreign ministers meet each other.
pub fn office_kind(role: &str) -> Option<&'static str> {
    const LEADERS: &[&str] = &[
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "emir",
        "sultan",
    ];
    if role.contains("foreign") || role.contains("secretary of state") {
        Some("foreign")
    } else if role.contains("vice") || role.contains("deputy") {
        None
    } else if LEADERS.iter().any(|l| role.contains(l)) {
        Some("leader")
    } else if role.contains("defen") {
        Some("defence")
    } else {
        None
    }
}

/// True when an epithet's or unnamed source's head ("the top diplomat", "the chief")
/// fits a person's role (both lower-case). The mention and the clause rules share it.
pub fn role_fits(head: &str, role: &str) -> bool {
    match head {
        "diplomat" => [
            "foreign",
            "secretary of state",
            "state councilor",
            "ambassador",
            "envoy",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "leader" => [
            "president",
            "premier",
            "prime minister",
            "chancellor",
            "king",
            "chairman",
            "leader",
            "emir",
            "sultan",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "spokesperson" | "spokesman" | "spokeswoman" => role.contains("spokes"),
        "chief" => ["chief", "secretary-general", "director", "head", "chair"]
            .iter()
            .any(|r| role.contains(r)),
        "official" => !role.is_empty(),
        "president" => role.contains("president") && !role.contains("vice"),
        "premier" => role.contains("premier") || role.contains("prime minister"),
        _ => role.contains(head),
    }
}

/// What a collective reference ("both sides", "the two leaders") refers to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Collective {
    States,
    People,
    /// States if two are clear, otherwise people.
    Sides,
    /// Ministries ("the two foreign ministries").
    Ministries,
}

/// `word` in any case ("Presidents" in "the two Presidents").
pub fn collective_head(word: &str) -> Option<Collective> {
    if word.len() > 12 || !word.is_ascii() {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let word = lower.as_str();
    if exact!("collective_states", word) {
        Some(Collective::States)
    } else if exact!("collective_people", word) {
        Some(Collective::People)
    } else if exact!("collective_sides", word) {
        Some(Collective::Sides)
    } else if exact!("collective_ministries", word) {
        Some(Collective::Ministries)
    } else {
        None
    }
}

/// "the two …", "the three …": how many referents a collective has.
pub fn count_word(word: &str) -> Option<usize> {
    match word {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    }
}

/// Words between "the two" and "sides" / "parties" ("the two warring parties").
pub fn is_side_modifier(word: &str) -> bool {
    exact!("side_modifiers", word)
}

/// Words that make "the … group" an armed group ("the militant group").
pub fn is_armed_modifier(word: &str) -> bool {
    exact!("armed_modifiers", word)
}

/// How a common noun can name a body met before ("the mission", "army", "the Council").
#[derive(Clone, Copy)]
pub struct BodyNoun {
    /// Capitalised, it is a short name ("the Council", "the Forum"); otherwise only in
    /// lower case.
    pub short_name: bool,
    /// The mention keeps "the" ("the confederation", "the council" as the rules always
    /// spanned it).
    pub with_article: bool,
    /// A state's body by CAMEO suffix ("army" → "MIL"), found from the state.
    pub state_body: Option<&'static str>,
    /// Only capitalised ("the Organization" for the UN; "the organization" is a group
    /// word).
    pub capital_only: bool,
}

/// `body_noun` of `word` in any ASCII case, without allocating.
pub fn body_noun_folded(word: &str) -> Option<BodyNoun> {
    const MAX: usize = 16;
    let bytes = word.as_bytes();
    if bytes.len() > MAX || bytes.len() < 4 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX];
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    body_noun(std::str::from_utf8(&buf[..bytes.len()]).ok()?)
}

/// Common nouns that name a body met before (`word` in lower case).
pub fn body_noun(word: &str) -> Option<BodyNoun> {
    let noun = |short_name, with_article, state_body| {
        Some(BodyNoun {
            short_name,
            with_article,
            state_body,
            capital_only: false,
        })
    };
    match word {
        // "the Union" after the African Union, "the Assembly" after the General Assembly.
        "organization" | "organisation" | "union" | "assembly" => Some(BodyNoun {
            short_name: true,
            with_article: false,
            state_body: None,
            capital_only: true,
        }),
        // "the Government", capitalised as official and UN texts write it.
        "government" => noun(true, false, None),
        "coast" => noun(false, false, None),
        "army" => noun(false, false, Some("MIL")),
        "parliament" => noun(true, false, Some("LEG")),
        "mission" | "force" => noun(true, false, None),
        "council" | "commission" | "forum" | "committee" => noun(true, true, None),
        "confederation" | "movement" => noun(false, true, None),
        _ => None,
    }
}

/// "the council", "the ministry": an organisation or body named just before.
pub fn is_office_noun(word: &str) -> bool {
    exact!("office_nouns", word)
}

/// "the bloc", "the group": the most recent organisation or grouping.
pub fn is_group_word(word: &str) -> bool {
    exact!("group_words", word)
}

/// Words before a name that show a person is meant ("met Kassym-Jomart Tokayev").
pub fn is_meeting_word(word: &str) -> bool {
    exact!("meeting_words", word)
}

/// Last words of event and place names that contain a state's name ("China-Central Asia
/// Summit", "China International Import Expo").
pub fn is_event_word(word: &str) -> bool {
    exact!("event_words", word)
}

/// Last words of documents named after an organisation ("United Nations Convention on
/// the Law of the Sea", "UN Charter"): no mention of it, even right after the name.
pub fn is_document_word(word: &str) -> bool {
    exact!("document_words", word)
}

/// Lower-case nouns after a capital that make it the name of a process or an accord
/// ("the Doha process", "the Washington accord"): the place, not the government.
pub fn is_process_noun(word: &str) -> bool {
    exact!("process_nouns", word)
}

/// Verbs a person's name is the subject of in diplomatic copy ("Tokayev welcomed …").
pub fn is_speaker_verb(word: &str) -> bool {
    exact!("speaker_verbs", word)
}

/// Verbs that follow or precede a speaker's name ("Wang Yi said", "said Wang Yi"): the
/// reporting verbs of the English rule set, the same list the statement rules read.
pub fn is_reporting_verb(word: &str) -> bool {
    crate::suggest::lexicon::Lexicon::for_language("en")
        .is_some_and(|lex| lex.reporting_verbs.contains(&word))
}

#[cfg(test)]
mod tests {
    use crate::suggest::lexicon::Lexicon;

    #[test]
    fn every_list_the_mention_rules_name_is_in_the_rule_set() {
        let en = Lexicon::for_language("en").expect("shipped");
        let sources = [
            include_str!("words.rs"),
            include_str!("people/coreference.rs"),
        ];
        let mut named = 0;
        for source in sources {
            for call in ["exact!(\"", "any_eq!(\"", "list(\""] {
                for piece in source.split(call).skip(1) {
                    let name = piece.split('"').next().unwrap_or("");
                    assert!(en.mention_words(name).is_some(), "no list {name}");
                    named += 1;
                }
            }
        }
        assert!(named > 25, "the rules name their lists ({named} found)");
    }
}
