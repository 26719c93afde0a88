//! The word lists of the suggestion rules, read from the rule set of the document's language
//! (`assets/rules/<language>.ron`; English is shipped). The rules hold a `&Lexicon` and
//! never a literal list, so a language is a file, not code.

use super::pattern::{CueRule, CueTable, Pattern, Vocabulary};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::LazyLock;

/// The rule sets built into Demarche: ISO 639-1 and 639-3 codes and RON text. Adding a language is
/// a file in `assets/rules/` and a line here (README, "Word lists are data, per language").
pub const SHIPPED: &[(&str, &str, &str)] =
    &[("en", "eng", include_str!("../../assets/rules/en.ron"))];

/// The rule set as written in its file: verb entries not yet inflected.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile<'a> {
    #[serde(borrow)]
    irregular: FxHashMap<&'a str, (&'a str, &'a str, &'a str)>,
    #[serde(borrow)]
    reporting_verbs: Vec<&'a str>,
    #[serde(borrow)]
    speech_act_verbs: Vec<&'a str>,
    #[serde(borrow)]
    position_verbs: Vec<&'a str>,
    #[serde(borrow)]
    phrasal_cues: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    participle_cues: Vec<&'a str>,
    #[serde(borrow)]
    passive_aux: Vec<&'a str>,
    #[serde(borrow)]
    determiners: Vec<&'a str>,
    #[serde(borrow)]
    cue_skip: Vec<&'a str>,
    #[serde(borrow)]
    commit_skip: Vec<&'a str>,
    #[serde(borrow)]
    stance_skip: Vec<&'a str>,
    #[serde(borrow)]
    auxiliaries: Vec<&'a str>,
    #[serde(borrow)]
    side_nouns: Vec<&'a str>,
    #[serde(borrow)]
    source_nouns: Vec<&'a str>,
    #[serde(borrow)]
    person_source_nouns: Vec<&'a str>,
    #[serde(borrow)]
    collective_nouns: Vec<&'a str>,
    #[serde(borrow)]
    person_collectives: Vec<&'a str>,
    #[serde(borrow)]
    document_nouns: Vec<&'a str>,
    #[serde(borrow)]
    body_nouns: Vec<&'a str>,
    #[serde(borrow)]
    source_words: Vec<&'a str>,
    #[serde(borrow)]
    title_words: Vec<&'a str>,
    #[serde(borrow)]
    will_noun_before: Vec<&'a str>,
    #[serde(borrow)]
    certain_to: Vec<&'a str>,
    #[serde(borrow)]
    probable_to: Vec<&'a str>,
    #[serde(borrow)]
    possible_to: Vec<&'a str>,
    #[serde(borrow)]
    action_skip: Vec<&'a str>,
    #[serde(borrow)]
    action_stop: Vec<&'a str>,
    #[serde(borrow)]
    continuing: Vec<&'a str>,
    #[serde(borrow)]
    addressee_prepositions: Vec<&'a str>,
    #[serde(borrow)]
    object_prepositions: Vec<&'a str>,
    #[serde(borrow)]
    addressee_skip: Vec<&'a str>,
    #[serde(borrow)]
    condition_markers: Vec<(&'a str, bool)>,
    #[serde(borrow)]
    clause_openers: Vec<&'a str>,
    #[serde(borrow)]
    favor_verbs: Vec<&'a str>,
    #[serde(borrow)]
    support_as_aid: Vec<&'a str>,
    #[serde(borrow)]
    against_verbs: Vec<&'a str>,
    #[serde(borrow)]
    object_skip: Vec<&'a str>,
    #[serde(borrow)]
    topic_phrases: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    topic_words: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    future_facts: Vec<&'a str>,
    #[serde(borrow)]
    stance_starts: Vec<&'a str>,
    /// Lists only the patterns use (`@name`), by name.
    #[serde(borrow)]
    pattern_lists: FxHashMap<&'a str, Vec<&'a str>>,
    #[serde(borrow)]
    stance_cues: Vec<CueEntry<'a>>,
    #[serde(borrow)]
    commitment_cues: Vec<CueEntry<'a>>,
    #[serde(borrow)]
    mention_words: FxHashMap<&'a str, Vec<&'a str>>,
}

/// A cue table's entry as written: a pattern and the rule it names with its value, or
/// without a rule, `why` the words are not a cue there.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueEntry<'a> {
    pattern: &'a str,
    #[serde(default)]
    rule: &'a str,
    #[serde(default)]
    value: &'a str,
    #[serde(default)]
    when: &'a str,
    #[serde(default)]
    #[allow(dead_code)] // documentation in the rule set; read by people, not the matcher
    why: &'a str,
}

/// One language's word lists, every verb entry expanded to its forms.
pub struct Lexicon {
    /// Verbs that report speech ("X said", "X stressed that", "X pledged to").
    pub reporting_verbs: Vec<&'static str>,
    /// Reporting verbs that are speech acts only before "to", "that" or "on"
    /// ("agreed to", "pledged that"); otherwise they are not a report ("agreed terms").
    pub speech_act_verbs: Vec<&'static str>,
    /// Verbs that make an actor's position known ("Brazil welcomed …", "the leaders
    /// committed to …"): a statement when the sentence has no reporting verb.
    pub position_verbs: Vec<&'static str>,
    /// Verbs that report only with a particle: (verb, particles separated by `|`).
    pub phrasal_cues: Vec<(&'static str, &'static str)>,
    /// ", adding that …": a second cue of the same speaker.
    pub participle_cues: Vec<&'static str>,
    pub passive_aux: Vec<&'static str>,
    pub determiners: Vec<&'static str>,
    /// Words allowed between a speaker and the cue ("Wang also said on Monday").
    pub cue_skip: Vec<&'static str>,
    /// Words allowed between a committer and the commitment cue ("China is always ready to").
    pub commit_skip: Vec<&'static str>,
    /// Words allowed between a stance holder and the stance cue ("China firmly opposes",
    /// "China reiterated its support for").
    pub stance_skip: Vec<&'static str>,
    /// Finite auxiliaries and modals that follow a clause subject.
    pub auxiliaries: Vec<&'static str>,
    /// "the Chinese side", "the Brazilian government": the demonym's state is the subject.
    pub side_nouns: Vec<&'static str>,
    /// Unnamed sources that still make a report a statement ("the spokesperson said").
    pub source_nouns: Vec<&'static str>,
    /// Source nouns for a person ("the spokesperson said"): the last person whose role fits.
    pub person_source_nouns: Vec<&'static str>,
    /// Collective subjects after "both" or "two" ("both sides", "the two leaders").
    pub collective_nouns: Vec<&'static str>,
    /// Collectives of people: the person who spoke last is one of them.
    pub person_collectives: Vec<&'static str>,
    /// Source nouns for a document ("the statement said"): its author spoke last.
    pub document_nouns: Vec<&'static str>,
    /// Common nouns of bodies ("the council said"): the latest body with that word in its
    /// name.
    pub body_nouns: Vec<&'static str>,
    /// Words between "according to" and the source ("according to a statement issued by").
    pub source_words: Vec<&'static str>,
    /// Lowercase words of a title before an inverted speaker ("said foreign ministry
    /// spokesperson Mao Ning").
    pub title_words: Vec<&'static str>,
    /// "political will", "the will of": "will" as a noun.
    pub will_noun_before: Vec<&'static str>,
    /// "pledge to", "commit to": certain commitments.
    pub certain_to: Vec<&'static str>,
    pub probable_to: Vec<&'static str>,
    pub possible_to: Vec<&'static str>,
    /// Adverbs between the cue and the action's verb, left out of the action.
    pub action_skip: Vec<&'static str>,
    /// Words that end the action phrase.
    pub action_stop: Vec<&'static str>,
    /// Verbs whose infinitive belongs to the action ("continue to deepen").
    pub continuing: Vec<&'static str>,
    pub addressee_prepositions: Vec<&'static str>,
    /// Prepositions whose object is not the clause's subject.
    pub object_prepositions: Vec<&'static str>,
    pub addressee_skip: Vec<&'static str>,
    /// Condition markers; `true` when the condition may be a comma-separated list
    /// ("on the basis of mutual respect, equality and mutual benefit").
    pub condition_markers: Vec<(&'static str, bool)>,
    /// Words after a comma that start a new clause rather than continue a list.
    pub clause_openers: Vec<&'static str>,
    pub favor_verbs: Vec<&'static str>,
    /// "provide support", "financial support": aid, not a position.
    pub support_as_aid: Vec<&'static str>,
    pub against_verbs: Vec<&'static str>,
    /// Words before the head of a stance's object ("opposes any external interference").
    pub object_skip: Vec<&'static str>,
    /// Two-word topic names → `Topics` key.
    pub topic_phrases: Vec<(&'static str, &'static str)>,
    /// Single topic words → `Topics` key.
    pub topic_words: Vec<(&'static str, &'static str)>,
    /// Actions that describe a future event, not an actor's conduct ("will be held").
    pub future_facts: Vec<&'static str>,
    /// Any word a stance cue can start with, beside the favour and against verbs.
    pub stance_starts: Vec<&'static str>,
    /// Stance cues (`pattern`): the polarity is the entry's value.
    pub stance_cues: CueTable,
    /// Commitment cues: the strength is the entry's value; condition `reported`.
    pub commitment_cues: CueTable,
    /// The mention rules' word lists, by name (`suggest::actors::words`).
    mention_words: FxHashMap<&'static str, Vec<&'static str>>,
    /// Lists only the patterns use, by name, expanded.
    pattern_lists: FxHashMap<&'static str, Vec<&'static str>>,
    irregular: FxHashMap<&'static str, (&'static str, &'static str, &'static str)>,
    /// The word classes (`class`) of every listed word, so a token is looked up once.
    classes: FxHashMap<&'static str, u32>,
}

/// Word classes as bits, so each token is looked up once instead of scanned against
/// every list.
pub(crate) mod class {
    pub const REPORTING: u32 = 1;
    pub const SPEECH_ACT: u32 = 1 << 1;
    pub const PARTICIPLE: u32 = 1 << 2;
    pub const PHRASAL: u32 = 1 << 3;
    pub const PASSIVE: u32 = 1 << 4;
    pub const DETERMINER: u32 = 1 << 5;
    pub const FAVOR: u32 = 1 << 6;
    pub const AGAINST: u32 = 1 << 7;
    /// Any word a stance cue can start with.
    pub const STANCE_START: u32 = 1 << 8;
    /// Any word a condition marker starts with.
    pub const CONDITION_START: u32 = 1 << 9;
    pub const POSITION: u32 = 1 << 10;
}

static LEXICONS: LazyLock<Vec<(&'static str, Lexicon)>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|&(language, _, ron)| {
            // A shipped rule set is checked by the tests; a broken one is a build error.
            let lexicon = Lexicon::from_ron(ron)
                .unwrap_or_else(|e| panic!("assets/rules/{language}.ron: {e}"));
            (language, lexicon)
        })
        .collect()
});

impl Lexicon {
    /// The rule set for a language tag ("en", "en-GB", or ISO 639-3 "eng"); a document
    /// whose language is not set is read as English. `None`: no rules for that language.
    pub fn for_language(tag: &str) -> Option<&'static Lexicon> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let wanted = if primary.is_empty() {
            "en"
        } else {
            primary.as_str()
        };
        let index = SHIPPED
            .iter()
            .position(|&(two, three, _)| two == wanted || three == wanted)?;
        Some(&LEXICONS[index].1)
    }

    fn from_ron(ron: &'static str) -> Result<Self, String> {
        let file: LexiconFile<'static> = ron::from_str(ron).map_err(|e| e.to_string())?;
        let irregular = &file.irregular.clone();
        let expand = |entries: Vec<&'static str>| -> Vec<&'static str> {
            entries
                .into_iter()
                .flat_map(|e| inflect(e, irregular))
                .collect()
        };
        let mut lexicon = Lexicon {
            reporting_verbs: expand(file.reporting_verbs),
            speech_act_verbs: expand(file.speech_act_verbs),
            position_verbs: expand(file.position_verbs),
            phrasal_cues: file.phrasal_cues,
            participle_cues: expand(file.participle_cues),
            passive_aux: expand(file.passive_aux),
            determiners: expand(file.determiners),
            cue_skip: expand(file.cue_skip),
            commit_skip: expand(file.commit_skip),
            stance_skip: expand(file.stance_skip),
            auxiliaries: expand(file.auxiliaries),
            side_nouns: expand(file.side_nouns),
            source_nouns: expand(file.source_nouns),
            person_source_nouns: expand(file.person_source_nouns),
            collective_nouns: expand(file.collective_nouns),
            person_collectives: expand(file.person_collectives),
            document_nouns: expand(file.document_nouns),
            body_nouns: expand(file.body_nouns),
            source_words: expand(file.source_words),
            title_words: expand(file.title_words),
            will_noun_before: expand(file.will_noun_before),
            certain_to: expand(file.certain_to),
            probable_to: expand(file.probable_to),
            possible_to: expand(file.possible_to),
            action_skip: expand(file.action_skip),
            action_stop: expand(file.action_stop),
            continuing: expand(file.continuing),
            addressee_prepositions: expand(file.addressee_prepositions),
            object_prepositions: expand(file.object_prepositions),
            addressee_skip: expand(file.addressee_skip),
            condition_markers: file.condition_markers,
            clause_openers: expand(file.clause_openers),
            favor_verbs: expand(file.favor_verbs),
            support_as_aid: expand(file.support_as_aid),
            against_verbs: expand(file.against_verbs),
            object_skip: expand(file.object_skip),
            topic_phrases: file.topic_phrases,
            topic_words: file.topic_words,
            future_facts: expand(file.future_facts),
            stance_starts: expand(file.stance_starts),
            stance_cues: CueTable::default(),
            commitment_cues: CueTable::default(),
            pattern_lists: file
                .pattern_lists
                .into_iter()
                .map(|(name, words)| (name, expand(words)))
                .collect(),
            mention_words: file
                .mention_words
                .into_iter()
                .map(|(name, words)| (name, expand(words)))
                .collect(),
            irregular: file.irregular,
            classes: FxHashMap::default(),
        };
        lexicon.classes = lexicon.word_classes();
        lexicon.stance_cues = lexicon.cue_table(file.stance_cues, &[])?;
        lexicon.commitment_cues = lexicon.cue_table(file.commitment_cues, &["reported"])?;
        Ok(lexicon)
    }

    /// Compiles a cue table; a pattern that does not parse, names no rule of
    /// `rules::RULES` or a condition the rules do not check is an error naming it.
    fn cue_table(
        &self,
        entries: Vec<CueEntry<'static>>,
        conditions: &[&str],
    ) -> Result<CueTable, String> {
        let entries = entries
            .into_iter()
            .map(|entry| {
                let rule = match entry.rule {
                    "" => None,
                    name => Some(
                        super::rules::rule(name)
                            .ok_or_else(|| format!("“{}”: no rule {name}", entry.pattern))?
                            .name,
                    ),
                };
                if !entry.when.is_empty() && !conditions.contains(&entry.when) {
                    return Err(format!("“{}”: no condition {}", entry.pattern, entry.when));
                }
                Ok(CueRule {
                    pattern: Pattern::parse(entry.pattern, self)?,
                    rule,
                    value: entry.value,
                    when: entry.when,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(CueTable::new(entries))
    }

    fn word_classes(&self) -> FxHashMap<&'static str, u32> {
        let phrasal: Vec<&'static str> = self.phrasal_cues.iter().map(|(v, _)| *v).collect();
        let conditions: Vec<&'static str> = self
            .condition_markers
            .iter()
            .filter_map(|(m, _)| m.split(' ').next())
            .collect();
        let lists: [(&[&'static str], u32); 11] = [
            (&self.position_verbs, class::POSITION),
            (&self.reporting_verbs, class::REPORTING),
            (&self.speech_act_verbs, class::SPEECH_ACT),
            (&self.participle_cues, class::PARTICIPLE),
            (&phrasal, class::PHRASAL),
            (&self.passive_aux, class::PASSIVE),
            (&self.determiners, class::DETERMINER),
            (&self.favor_verbs, class::FAVOR | class::STANCE_START),
            (&self.against_verbs, class::AGAINST | class::STANCE_START),
            (&self.stance_starts, class::STANCE_START),
            (&conditions, class::CONDITION_START),
        ];
        let mut map = FxHashMap::default();
        for (list, flag) in lists {
            for word in list {
                *map.entry(*word).or_insert(0) |= flag;
            }
        }
        map
    }

    /// A word list of the mention rules (`mention_words`) by name.
    pub fn mention_words(&self, name: &str) -> Option<&[&'static str]> {
        self.mention_words.get(name).map(Vec::as_slice)
    }

    /// A list by the name it has in the rule set's file, for the patterns' `@name`.
    fn named(&self, name: &str) -> Option<&[&'static str]> {
        Some(match name {
            "determiners" => &self.determiners,
            "auxiliaries" => &self.auxiliaries,
            "passive_aux" => &self.passive_aux,
            "favor_verbs" => &self.favor_verbs,
            "against_verbs" => &self.against_verbs,
            "support_as_aid" => &self.support_as_aid,
            "reporting_verbs" => &self.reporting_verbs,
            "position_verbs" => &self.position_verbs,
            "will_noun_before" => &self.will_noun_before,
            "certain_to" => &self.certain_to,
            "probable_to" => &self.probable_to,
            "possible_to" => &self.possible_to,
            _ => return self.pattern_lists.get(name).map(Vec::as_slice),
        })
    }

    /// The classes of a lowercase word (0 when it is in no list).
    pub(crate) fn classes(&self, word: &str) -> u32 {
        self.classes.get(word).copied().unwrap_or(0)
    }
}

impl Vocabulary for Lexicon {
    fn list(&self, name: &str) -> Option<Vec<&'static str>> {
        self.named(name).map(<[_]>::to_vec)
    }

    fn forms(&self, lemma: &str) -> Vec<&'static str> {
        inflect(leak(format!("{lemma}:base,s,ed,ing")), &self.irregular)
    }
}

/// The words an entry stands for: itself, or for "lemma:forms" each form the regular
/// rules of English (or the `irregular` table) make. No crate inflects English verbs
/// from a lemma without a dictionary; these four rules cover the lists, and the
/// tests check every entry's forms.
fn inflect(
    entry: &'static str,
    irregular: &FxHashMap<&'static str, (&'static str, &'static str, &'static str)>,
) -> Vec<&'static str> {
    let Some((lemma, forms)) = entry.split_once(':') else {
        return vec![entry];
    };
    forms
        .split(',')
        .map(|form| match (form.trim(), irregular.get(lemma)) {
            ("base", _) => lemma,
            ("s", Some(&(s, _, _))) => s,
            ("ed", Some(&(_, ed, _))) => ed,
            ("ing", Some(&(_, _, ing))) => ing,
            (form, None) => leak(regular(lemma, form)),
            (form, Some(_)) => leak(format!("{lemma}:{form}?")),
        })
        .collect()
}

/// Rule sets live as long as the process (one per language, loaded once), so their
/// generated forms are leaked to `&'static str` like the words borrowed from the file.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn regular(lemma: &str, form: &str) -> String {
    let vowel = |c: char| "aeiou".contains(c);
    let mut chars = lemma.chars().rev();
    let (last, before) = (chars.next(), chars.next());
    let consonant_y = last == Some('y') && before.is_some_and(|c| !vowel(c));
    match form {
        "s" if lemma.ends_with(['s', 'x', 'z'])
            || lemma.ends_with("ch")
            || lemma.ends_with("sh") =>
        {
            format!("{lemma}es")
        }
        "s" if consonant_y => format!("{}ies", &lemma[..lemma.len() - 1]),
        "s" => format!("{lemma}s"),
        "ed" if lemma.ends_with('e') => format!("{lemma}d"),
        "ed" if consonant_y => format!("{}ied", &lemma[..lemma.len() - 1]),
        "ed" => format!("{lemma}ed"),
        "ing" if lemma.ends_with("ie") => format!("{}ying", &lemma[..lemma.len() - 2]),
        "ing"
            if lemma.ends_with('e')
                && !lemma.ends_with("ee")
                && !lemma.ends_with("ye")
                && !lemma.ends_with("oe") =>
        {
            format!("{}ing", &lemma[..lemma.len() - 1])
        }
        "ing" => format!("{lemma}ing"),
        // An unknown form name: kept visible so the rule-set test reports it.
        other => format!("{lemma}:{other}?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_rule_set_loads_and_names_only_known_forms() {
        for &(language, _, _) in SHIPPED {
            let lexicon = Lexicon::for_language(language).expect("shipped");
            let words = lexicon.classes.keys().copied();
            let bad: Vec<&str> = words.filter(|w| w.contains(':')).collect();
            assert!(bad.is_empty(), "{language}: unknown forms {bad:?}");
        }
    }

    #[test]
    fn verbs_are_inflected_from_their_lemmas() {
        let en = Lexicon::for_language("en").expect("shipped");
        for (list, word) in [
            (&en.reporting_verbs, "noted"),
            (&en.reporting_verbs, "replied"),
            (&en.reporting_verbs, "stresses"),
            (&en.reporting_verbs, "said"),
            (&en.position_verbs, "denies"),
            (&en.certain_to, "committed"),
            (&en.probable_to, "planning"),
            (&en.stance_starts, "welcoming"),
            (&en.participle_cues, "noting"),
        ] {
            assert!(list.contains(&word), "{word} missing");
        }
        assert!(
            !en.position_verbs.contains(&"welcome"),
            "only the forms listed"
        );
        assert_eq!(en.classes("said") & class::REPORTING, class::REPORTING);
    }

    #[test]
    fn every_cue_rule_of_the_code_table_has_a_pattern() {
        use crate::suggest::SuggestionKind;
        let en = Lexicon::for_language("en").expect("shipped");
        let named: Vec<&str> = en
            .stance_cues
            .entries()
            .iter()
            .chain(en.commitment_cues.entries())
            .filter_map(|c| c.rule)
            .collect();
        for rule in super::super::rules::RULES {
            let cue_kind = matches!(
                rule.kind,
                SuggestionKind::Stance | SuggestionKind::Commitment
            );
            // The issuer's voice has its own data (assets/issuer_voice.ron).
            if cue_kind && !rule.name.contains("voice") {
                assert!(named.contains(&rule.name), "{} has no pattern", rule.name);
            }
        }
    }

    #[test]
    fn a_rule_set_with_a_bad_pattern_says_which() {
        let en = SHIPPED[0].2;
        let broken = en.replacen("[would like to]", "[would like to", 1);
        let error = Lexicon::from_ron(leak(broken)).err().expect("rejected");
        assert!(error.contains("would like to"), "{error}");
        let unknown = en.replacen("commitment.would-like-to", "commitment.nowhere", 1);
        let error = Lexicon::from_ron(leak(unknown)).err().expect("rejected");
        assert!(error.contains("commitment.nowhere"), "{error}");
    }

    #[test]
    fn languages_are_chosen_by_their_primary_tag() {
        assert!(
            Lexicon::for_language("").is_some(),
            "not set reads as English"
        );
        assert!(Lexicon::for_language("en-GB").is_some());
        assert!(Lexicon::for_language("eng").is_some(), "ISO 639-3");
        assert!(Lexicon::for_language("fr").is_none());
    }
}
