//! Statements (reporting cues and their speakers), commitments and stances.
//!
//! The rules follow `tests/gold/GUIDELINES.md`. They work sentence by sentence over the
//! clause words of `text::clause_words` (byte offsets) over the sentences of the shared
//! `text` analysis and the actor mentions already found (the
//! actors module's suggestions and the analyst's accepted mentions): a statement is a
//! sentence — or a clause, when a sentence reports two speakers — with a reporting cue
//! whose subject is an actor; commitments and stances are cue words inside a statement
//! whose clause subject is an actor. Everything is converted to code points at the end.
//!
//! Stages, a file each: `sentences` → `subjects` → `statements` → `commitments` and
//! `stances` (with `voice` for official texts in their issuer's own voice); the words they
//! match come from the document language's rule set (`suggest::lexicon`, `assets/rules/`).

use super::{ActorRef, Detail, Gazetteer, StanceTargetRef, Suggestion, SuggestionKind, rules};
use crate::model::{CodebookList, Document, Project};
use crate::text::clause_words::{self, Token, TokenKind};
use crate::text::{self, closes_quote, opens_quote, quote_runs_on};
use std::borrow::Cow;

mod commitments;
mod sentences;
mod stances;
mod statements;
mod subjects;
mod voice;

use super::issuer::Issuer;
use super::lexicon::{Lexicon, class};

/// True when `word` reports speech ("said", "stressed", "pledged"), in any case, in the
/// rule set of the document's language. Hand tagging (`ui::tagging`) uses the same list
/// as the suggestions.
pub fn is_reporting_verb(document: &Document, word: &str) -> bool {
    Lexicon::for_language(&document.meta.language)
        .is_some_and(|lex| lex.reporting_verbs.contains(&word.to_lowercase().as_str()))
}

/// The strength of a commitment the analyst selected by hand, from its first cue word
/// (`ui::tagging::default_strength`): the suggestions' word lists, read without
/// requiring the "to" after them, plus the hedging modals may, might and could.
pub fn strength_of(document: &Document, text: &str) -> Option<&'static str> {
    let lex = Lexicon::for_language(&document.meta.language)?;
    let words = crate::text::Tokens::of_phrase(text);
    words.list.iter().find_map(|t| {
        if t.kind != crate::text::TokenKind::Word {
            return None;
        }
        let lower = t.text(text).to_lowercase();
        let w = lower.as_str();
        if matches!(
            w,
            "will" | "shall" | "won't" | "agree" | "agrees" | "agreed"
        ) || lex.certain_to.contains(&w)
        {
            Some("certain")
        } else if lex.probable_to.contains(&w) {
            Some("probable")
        } else if lex.possible_to.contains(&w) || matches!(w, "may" | "might" | "could") {
            Some("possible")
        } else {
            None
        }
    })
}

/// Statement, commitment and stance suggestions for `document`, given its mention
/// suggestions (speakers, committers and holders are resolved through them).
pub fn clauses(
    project: &Project,
    document: &Document,
    gazetteer: &Gazetteer,
    mentions: &[Suggestion],
) -> Vec<Suggestion> {
    let Some(lex) = Lexicon::for_language(&document.meta.language) else {
        return Vec::new();
    };
    let issuer = super::issuer::issuer(project, document, gazetteer, mentions);
    let rules = Rules::new(project, document, gazetteer, mentions, issuer, lex);
    rules.run()
}

/// An actor mention in byte offsets.
#[derive(Clone, Debug)]
struct MentionAt<'a> {
    start: usize,
    end: usize,
    /// Borrowed from the mention suggestions: gazetteer actors carry their aliases.
    actor: Cow<'a, ActorRef>,
    person: bool,
    /// How well the mention names a speaker: a person, else a body or organisation,
    /// else a state (guidelines: the person if named, otherwise the body or state).
    rank: u8,
}

/// One sentence, tokenised, with the quotation state of every token.
struct Sentence<'t> {
    start: usize,
    end: usize,
    tokens: Vec<Token>,
    /// Lowercased token text ("" for punctuation).
    lower: Vec<Cow<'t, str>>,
    /// True for a word inside quotation marks.
    quoted: Vec<bool>,
    /// `lexicon::class` bits of every token.
    class: Vec<u32>,
    starts_in_quote: bool,
    ends_in_quote: bool,
    /// `Rules::mentions[first_mention..end_mention]` lie in this sentence.
    mentions: std::ops::Range<usize>,
}

/// What stands before a verb as its subject.
#[derive(Clone, Debug)]
enum Subject {
    /// An actor mention; the index of its first token.
    Actor(ActorRef, usize),
    /// "we", "our side", "I" (the speaker's side).
    FirstPerson,
    /// "he" or "she" with no mention over it.
    ThirdPerson(usize),
    /// "they" or "it" with no mention over it: the speaking state or body.
    They(usize),
    /// An unnamed source ("the spokesperson", "officials", "the statement").
    Unnamed(usize),
    /// A coordinated verb with no subject of its own ("… and will").
    Coordinated,
    None,
}

/// Who spoke or was named last, for references that do not name an actor ("he said",
/// "it said", "the statement said").
#[derive(Default)]
struct Recent {
    /// The person a later bare "he said" most likely means.
    person: Option<ActorRef>,
    /// The state or body a later "it said" most likely means.
    body: Option<ActorRef>,
    /// The speaker of the last statement (a document's author: "the statement said").
    speaker: Option<ActorRef>,
    /// The sentence being read, and the last sentence with a person as speaker and that
    /// person: the most salient antecedent of "he said" in the next sentence.
    sentence: usize,
    spoke_last: Option<(usize, ActorRef)>,
}

/// How a transcript paragraph is labelled.
enum Label {
    /// "Mao Ning: …", "A: …", "Spokesman: …": an answer by this speaker.
    Answer(ActorRef),
    /// "Q: …", "AFP: …": a journalist's question.
    Question,
    None,
}

/// A statement the analyst has coded, in bytes.
struct Accepted {
    start: usize,
    end: usize,
    speaker: Option<ActorRef>,
    cue: Option<(usize, usize)>,
}

/// A statement found (or already accepted) over `start..end` bytes of one sentence.
#[derive(Clone, Debug)]
struct Stmt {
    sentence: usize,
    start: usize,
    end: usize,
    /// The statement's whole range, which commitments and stances refer to (an
    /// accepted statement may run over several sentences).
    anchor: (usize, usize),
    speaker: Option<ActorRef>,
    cue: Option<(usize, usize)>,
    attribution: &'static str,
    /// The analyst's own statement: commitments and stances attach to it, it is not
    /// suggested again.
    accepted: bool,
    /// Byte offset after which an unquoted "would" is reported future ("said China would").
    reported_from: Option<usize>,
    /// In the issuer's voice (`voice`): a sentence of an official text, attribution
    /// narration.
    voice: bool,
    /// The parties a collective subject ("we", "the two sides") stands for: each commits
    /// and holds the positions of the statement.
    parties: Vec<ActorRef>,
    /// The rule that found it (`rules::statement`).
    rule: &'static str,
}

struct Rules<'a> {
    project: &'a Project,
    document: &'a Document,
    text: &'a str,
    mentions: Vec<MentionAt<'a>>,
    /// Who the document speaks for when it is an official text in its own voice.
    issuer: Option<Issuer>,
    gazetteer: &'a Gazetteer,
    /// The word lists of the document's language.
    lex: &'static Lexicon,
}

impl<'a> Rules<'a> {
    fn new(
        project: &'a Project,
        document: &'a Document,
        gazetteer: &'a Gazetteer,
        suggested: &'a [Suggestion],
        issuer: Option<Issuer>,
        lex: &'static Lexicon,
    ) -> Self {
        let text = document.text();
        let index = document.index();
        let bytes = |start: usize, end: usize| Some((index.byte_of(start)?, index.byte_of(end)?));
        let mut mentions = Vec::new();
        for s in suggested {
            if let Detail::Mention { actor } = &s.detail
                && let Some((start, end)) = bytes(s.start, s.end)
            {
                mentions.push((start, end, Cow::Borrowed(actor)));
            }
        }
        for m in &document.mentions {
            if let Some((start, end)) = bytes(m.span.start(), m.span.end()) {
                mentions.push((start, end, Cow::Owned(ActorRef::Project(m.actor))));
            }
        }
        let mut mentions: Vec<MentionAt> = mentions
            .into_iter()
            .map(|(start, end, actor)| {
                let kind = kind_of(project, &actor);
                MentionAt {
                    start,
                    end,
                    person: kind == "person",
                    rank: match kind {
                        "person" => 2,
                        "state" => 0,
                        _ => 1,
                    },
                    actor,
                }
            })
            .collect();
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.actor == b.actor);
        Self {
            project,
            document,
            text,
            mentions,
            issuer,
            gazetteer,
            lex,
        }
    }

    fn run(&self) -> Vec<Suggestion> {
        let sentences = self.sentences();
        let stmts = self.statements(&sentences);
        let stmts = self.with_voice(&sentences, stmts);
        let mut out = Vec::new();
        for stmt in &stmts {
            let sentence = &sentences[stmt.sentence];
            if !stmt.accepted
                && let Some(s) = self.statement_suggestion(stmt)
            {
                out.push(s);
            }
            out.extend(self.commitments(sentence, stmt));
            out.extend(self.stances(sentence, stmt));
        }
        out
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
    /// "said", "told", "called on": subject before (or after, inverted after a quote).
    Verb,
    /// "according to": the source follows.
    Inverted,
    /// ", adding", ", stressing": the same speaker as the cue before.
    Participle,
    /// "welcomed", "reaffirmed", "committed to": an actor's position made known, a
    /// statement only when the sentence has no reporting cue and its subject is named.
    Position,
}

struct Cue {
    first: usize,
    last: usize,
    strength: &'static str,
    agree: bool,
    /// The rule that found it (`rules::commitment`).
    rule: &'static str,
}

struct Commit {
    first: usize,
    action_end: usize,
    /// The action and the few words after it, lowercase.
    scope: String,
    committer: ActorRef,
    /// The other parties of a collective committer ("we will" in a joint statement).
    others: Vec<ActorRef>,
    action: String,
    strength: &'static str,
    agree: bool,
    rule: &'static str,
}

use super::roles::actor_kind as kind_of;

fn is_person(project: &Project, actor: &ActorRef) -> bool {
    kind_of(project, actor) == "person"
}

/// The state or organisation a person speaks for, when known.
fn affiliation(project: &Project, actor: &ActorRef) -> Option<ActorRef> {
    match actor {
        ActorRef::Project(id) => project.actor(*id)?.affiliation.map(ActorRef::Project),
        ActorRef::New(n) => n.affiliation.as_deref().cloned(),
    }
}

/// Whose side "we" is: the state or organisation the speaker belongs to — through a
/// ministry to its state ("we" of a foreign ministry's spokesperson is the state).
fn side_of(project: &Project, speaker: &ActorRef) -> Option<ActorRef> {
    let mut side = affiliation(project, speaker)?;
    for _ in 0..3 {
        if kind_of(project, &side) != "government_body" {
            break;
        }
        match affiliation(project, &side) {
            Some(up) => side = up,
            None => break,
        }
    }
    Some(side)
}

/// A person's role in lower case ("foreign minister"), "" when unknown.
fn role_of(project: &Project, actor: &ActorRef) -> String {
    match actor {
        ActorRef::Project(id) => project
            .actor(*id)
            .map_or(String::new(), |a| a.role.to_lowercase()),
        ActorRef::New(n) => n.role.to_lowercase(),
    }
}

/// The names an actor goes by, lower case.
fn names_of(project: &Project, actor: &ActorRef) -> Vec<String> {
    match actor {
        ActorRef::Project(id) => project
            .actor(*id)
            .map(|a| a.names().map(str::to_lowercase).collect())
            .unwrap_or_default(),
        ActorRef::New(n) => std::iter::once(&n.name)
            .chain(&n.aliases)
            .map(|a| a.to_lowercase())
            .collect(),
    }
}

/// How many earlier mentions the look-backs for unnamed references read, at most (a
/// text without sentence ends stays linear).
const MAX_LOOK_BACK: usize = 400;

/// A finite verb by its form ("welcomed", "supports", "is"): the rules have no
/// part-of-speech tagger, and a clause subject is followed by one.
fn looks_like_verb(lex: &Lexicon, word: &str) -> bool {
    // Endings in -s that are no verb's: "serious", "this", "crisis", "economics".
    let not_verb_s = ["ss", "ous", "us", "is", "ics"]
        .iter()
        .any(|ending| word.ends_with(ending));
    lex.auxiliaries.contains(&word)
        || (word.len() > 3 && (word.ends_with("ed") || (word.ends_with('s') && !not_verb_s)))
}

/// "be held", "take place": a future event, not an actor's conduct.
fn is_future_fact(lex: &Lexicon, action: &str) -> bool {
    let lower = action.to_lowercase();
    lex.future_facts.iter().any(|f| lower.starts_with(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_told_from_other_words_in_s() {
        let en = Lexicon::for_language("en").expect("shipped");
        for verb in ["supports", "welcomed", "is", "remains"] {
            assert!(looks_like_verb(en, verb), "{verb}");
        }
        // "concern over land reclamations and serious incidents": "serious" does not
        // start a new clause.
        for word in ["serious", "this", "crisis", "economics", "class"] {
            assert!(!looks_like_verb(en, word), "{word}");
        }
    }
}
