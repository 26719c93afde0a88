//! Statements (reporting cues and their speakers), commitments and stances.
//!
//! The rules follow `tests/gold/GUIDELINES.md`. They work sentence by sentence over the
//! clause words of `text::clause_words` (byte offsets) over the sentences of the shared
//! `text` analysis and the actor mentions already found (the
//! actors module's suggestions and the analyst's accepted mentions): a statement is a
//! sentence — or a clause, when a sentence reports two speakers — with a reporting cue
//! whose subject is an actor; commitments and stances are cue words inside a statement
//! whose clause subject is an actor. Everything is converted to code points at the end.

use super::{ActorRef, Detail, Gazetteer, StanceTargetRef, Suggestion, SuggestionKind, rules};
use crate::model::{CodebookList, Document, Project};
use crate::text::clause_words::{self, Token, TokenKind};
use crate::text::{self, closes_quote, opens_quote, quote_runs_on};
use std::borrow::Cow;

pub mod lexicon;
mod voice;

use super::issuer::Issuer;
use lexicon::{Lexicon, class};

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

/// Nouns after which "support" is part of a thing's name ("support office").
const SUPPORT_AS_NOUN_BEFORE: &[&str] = &[
    "office",
    "offices",
    "mission",
    "missions",
    "staff",
    "team",
    "teams",
    "services",
    "package",
    "base",
    "unit",
    "units",
    "personnel",
    "group",
    "vessel",
    "vessels",
    "ship",
    "ships",
];

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

    // ---- sentences ----------------------------------------------------------------

    fn sentences(&self) -> Vec<Sentence<'a>> {
        let text = self.text;
        let mut out = Vec::new();
        let mut open = false;
        let mut opened_low = false;
        let mut previous_end = 0;
        let mut first_mention = 0;
        let analysis = text::of(self.document);
        let index = self.document.index();
        let bytes = |offset: crate::text::CharOffset| index.byte_of(offset.get());
        for sentence in analysis.sentences() {
            let (Some(start), Some(end)) = (bytes(sentence.start), bytes(sentence.end)) else {
                continue;
            };
            // News copy reopens a quotation in each paragraph, so a break closes it —
            // unless the next quotation mark ahead closes one: a statement quoted over
            // several paragraphs ("the spokesperson said:" and a block).
            if text[previous_end..start].contains(['\n', '\r', '\u{2029}'])
                && !(open && quote_runs_on(text, start))
            {
                open = false;
            }
            previous_end = end;
            let starts_in_quote = open;
            let tokens = clause_words::tokens(text, start, end);
            let mut lower = Vec::with_capacity(tokens.len());
            let mut quoted = Vec::with_capacity(tokens.len());
            let mut class = Vec::with_capacity(tokens.len());
            for t in &tokens {
                let s = t.text(text);
                match t.kind {
                    TokenKind::Word => {
                        // Most words are lowercase ASCII already: borrow them.
                        let word = if s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                            Cow::Owned(s.to_lowercase())
                        } else {
                            Cow::Borrowed(s)
                        };
                        class.push(self.lex.classes(&word));
                        lower.push(word);
                        quoted.push(open);
                    }
                    TokenKind::Punct => {
                        let c = s.chars().next().unwrap_or(' ');
                        if c == '"' {
                            open = !open;
                        } else if c == '“' && open && opened_low {
                            open = false;
                        } else if opens_quote(c) {
                            open = true;
                            opened_low = c == '„';
                        } else if closes_quote(c) {
                            open = false;
                        }
                        lower.push(Cow::Borrowed(""));
                        class.push(0);
                        quoted.push(false);
                    }
                }
            }
            while first_mention < self.mentions.len() && self.mentions[first_mention].end <= start {
                first_mention += 1;
            }
            let mut end_mention = first_mention;
            while end_mention < self.mentions.len() && self.mentions[end_mention].start < end {
                end_mention += 1;
            }
            out.push(Sentence {
                start,
                end,
                tokens,
                lower,
                quoted,
                class,
                starts_in_quote,
                ends_in_quote: open,
                mentions: first_mention..end_mention,
            });
        }
        out
    }

    /// The first mention over token `i` of `s`.
    fn mention_at(&self, s: &Sentence, i: usize) -> Option<&MentionAt<'a>> {
        let t = s.tokens.get(i)?;
        self.mentions[s.mentions.clone()]
            .iter()
            .find(|m| m.start < t.end && m.end > t.start)
    }

    /// The index of the token where a mention starts.
    fn token_of(s: &Sentence, byte: usize) -> usize {
        s.tokens.partition_point(|t| t.end <= byte)
    }

    /// True when token `i` is in a word class of `lexicon::class`.
    fn is(s: &Sentence, i: usize, flag: u32) -> bool {
        s.class.get(i).is_some_and(|c| c & flag != 0)
    }

    fn word<'s>(s: &'s Sentence, i: usize) -> &'s str {
        s.lower.get(i).map_or("", |w| w.as_ref())
    }

    fn punct(&self, s: &Sentence, i: usize) -> Option<char> {
        let t = s.tokens.get(i)?;
        (t.kind == TokenKind::Punct)
            .then(|| t.text(self.text).chars().next())
            .flatten()
    }

    /// True when a quotation opens within `len` tokens from token `from`.
    fn quote_opens_within(&self, s: &Sentence, from: usize, len: usize) -> bool {
        (from..(from + len).min(s.tokens.len())).any(|k| {
            !s.quoted[k.saturating_sub(1)]
                && self.punct(s, k).is_some_and(|c| c == '"' || opens_quote(c))
        })
    }

    fn is_quote_mark(&self, s: &Sentence, i: usize) -> bool {
        self.punct(s, i)
            .is_some_and(|c| c == '"' || opens_quote(c) || closes_quote(c))
    }

    // ---- subjects -----------------------------------------------------------------

    /// The subject of the verb at token `i`: skipping `skip` words (auxiliaries,
    /// adverbs, time words) and an appositive between commas, the mention, pronoun or
    /// source noun just before.
    fn subject_before(&self, s: &Sentence, i: usize, skip: &[&str]) -> Subject {
        let mut j = i;
        let mut skipped = 0;
        while j > 0 && skipped < 6 {
            let w = Self::word(s, j - 1);
            if !w.is_empty() && skip.contains(&w) && self.mention_at(s, j - 1).is_none() {
                j -= 1;
                skipped += 1;
            } else {
                break;
            }
        }
        if j == 0 {
            return Subject::None;
        }
        let mut t = j - 1;
        // "The World Food Programme (WFP) said", "Guo Jiakun (郭嘉昆) said": the name
        // before the brackets.
        if self.punct(s, t) == Some(')')
            && let Some(open) = (t.saturating_sub(8)..t)
                .rev()
                .find(|&x| self.punct(s, x) == Some('('))
            && open > 0
        {
            t = open - 1;
        }
        // "Surangel Whipps Jr. said"
        if self.punct(s, t) == Some('.') && t >= 2 && matches!(Self::word(s, t - 1), "jr" | "sr") {
            t -= if self.mention_at(s, t - 1).is_some() {
                1
            } else {
                2
            };
        }
        // "… to Ghana's President John Dramani Mahama, who promised to …": the person
        // the relative clause is about.
        if Self::word(s, t) == "who"
            && t >= 2
            && self.punct(s, t - 1) == Some(',')
            && let Some(m) = self.mention_at(s, t - 2).filter(|m| m.person)
        {
            return Subject::Actor(m.actor.clone().into_owned(), Self::token_of(s, m.start));
        }
        if matches!(Self::word(s, t), "and" | "but" | "or") || self.punct(s, t) == Some(',') {
            // "will A and will B": the second verb shares the first one's subject.
            if self.punct(s, t) != Some(',') || !self.appositive_before(s, t) {
                return Subject::Coordinated;
            }
        }
        if self.punct(s, t) == Some(',') {
            let mut k = t;
            let mut found = None;
            while k > 0 && t - k < 16 {
                k -= 1;
                match self.punct(s, k) {
                    Some(',') => {
                        found = Some(k);
                        break;
                    }
                    Some(c) if c == ';' || c == ':' || c == '"' || opens_quote(c) => break,
                    Some(c) if closes_quote(c) => break,
                    _ => {}
                }
            }
            match found {
                Some(k) if k > 0 => {
                    // "Sudan's ambassador to the UN, Al-Harith Mohamed, rejected …": the
                    // person named between the commas, when the phrase before is no
                    // person ("Wang Yi, China's foreign minister, said" keeps Wang Yi).
                    let before_is_person = self.mention_at(s, k - 1).is_some_and(|m| m.person);
                    let named = (k + 1..t).find_map(|x| self.mention_at(s, x).filter(|m| m.person));
                    if let (false, Some(m)) = (before_is_person, named) {
                        return Subject::Actor(
                            m.actor.clone().into_owned(),
                            Self::token_of(s, m.start),
                        );
                    }
                    t = k - 1;
                }
                _ => return Subject::None,
            }
        }
        if let Some(m) = self.mention_at(s, t) {
            // "China's development will …": the possessor is not the subject.
            let token_end = s.tokens[t].end;
            if m.end < token_end {
                return Subject::None;
            }
            let mut first = m;
            let mut at = Self::token_of(s, m.start);
            // "China and Brazil will …": the first of the coordinated actors.
            while at >= 2 && Self::word(s, at - 1) == "and" {
                match self.mention_at(s, at - 2) {
                    Some(p) => {
                        first = p;
                        at = Self::token_of(s, p.start);
                    }
                    None => break,
                }
            }
            return Subject::Actor(first.actor.clone().into_owned(), at);
        }
        let w = Self::word(s, t);
        if let Some(body) = self.body_by_noun(s, t) {
            return Subject::Actor(body, t - 1);
        }
        // "the Chinese side", "the Brazilian government"
        if self.lex.side_nouns.contains(&w) && t > 0 {
            if Self::word(s, t - 1) == "our" {
                return Subject::FirstPerson;
            }
            if let Some(m) = self.mention_at(s, t - 1) {
                return Subject::Actor(m.actor.clone().into_owned(), Self::token_of(s, m.start));
            }
        }
        // "both sides said", "the two leaders agreed" with no mention over them.
        if t > 0
            && self.lex.collective_nouns.contains(&w)
            && matches!(Self::word(s, t - 1), "both" | "two")
        {
            return Subject::Unnamed(t);
        }
        match w {
            "we" | "i" => Subject::FirstPerson,
            "he" | "she" => Subject::ThirdPerson(t),
            "they" | "it" => Subject::They(t),
            _ if self.lex.source_nouns.contains(&w) => match self.source_owner(s, t) {
                // "a foreign ministry source said", "a senior Ukrainian official said":
                // anonymous, no actor speaks.
                Some(_) if matches!(w, "source" | "sources") || self.anonymous(s, t) => {
                    Subject::Unnamed(t)
                }
                // "the Chinese envoy said": the Chinese envoy named before, if any.
                Some((owner, at))
                    if self.lex.person_source_nouns.contains(&w)
                        && !is_person(self.project, &owner) =>
                {
                    let person = self.person_of(s, t, w, &owner);
                    Subject::Actor(person.unwrap_or(owner), at)
                }
                Some((actor, at)) => Subject::Actor(actor, at),
                None => Subject::Unnamed(t),
            },
            _ => Subject::None,
        }
    }

    /// The actor that opened the clause of a coordinated verb ("Brazil welcomed … and
    /// expects to"): the nearest mention before token `i` (not before `from`) that is
    /// followed by a lowercase word and is not the object of a preposition.
    fn clause_subject(&self, s: &Sentence, i: usize, from: usize) -> Option<ActorRef> {
        let before = s.tokens.get(i)?.start;
        self.mentions[s.mentions.clone()]
            .iter()
            .rev()
            .filter(|m| m.end <= before)
            .find(|m| {
                let at = Self::token_of(s, m.start);
                let after = Self::token_of(s, m.end);
                if at < from || after >= s.tokens.len() || s.tokens[after].start < m.end {
                    return false;
                }
                let prev = if at > 0 { Self::word(s, at - 1) } else { "" };
                // "the Chinese side supports": the verb comes after the side noun.
                let verb_at = if self.lex.side_nouns.contains(&Self::word(s, after)) {
                    after + 1
                } else {
                    after
                };
                looks_like_verb(self.lex, Self::word(s, verb_at))
                    && !self.lex.object_prepositions.contains(&prev)
            })
            .map(|m| m.actor.clone().into_owned())
    }

    /// True when the comma at `t` closes an appositive opened by an earlier comma in
    /// the same clause ("China, as a major country, will").
    fn appositive_before(&self, s: &Sentence, t: usize) -> bool {
        let mut k = t;
        while k > 0 && t - k < 16 {
            k -= 1;
            match self.punct(s, k) {
                // "China, as a major country, will"; "The Chinese envoy, Fu Cong, said";
                // "The Qatari prime minister, who is also foreign minister, said".
                Some(',') => {
                    return k > 0
                        && (self.mention_at(s, k - 1).is_some()
                            || matches!(Self::word(s, k + 1), "who" | "which")
                            || (k + 1..t)
                                .any(|x| self.mention_at(s, x).is_some_and(|m| m.person)));
                }
                Some(c) if c == ';' || c == ':' || c == '"' || opens_quote(c) => {
                    return false;
                }
                _ => {}
            }
        }
        false
    }

    /// The speaker after an inverted cue ("said Foreign Minister Wang Yi", "according to
    /// the ministry"): the mentions of the noun phrase that follows, a person first.
    fn subject_after(&self, s: &Sentence, from: usize) -> Option<(ActorRef, usize)> {
        let mut found: Option<&MentionAt> = None;
        let mut i = from;
        while i < s.tokens.len() && i < from + 10 {
            if let Some(m) = self.mention_at(s, i) {
                if found.is_none_or(|f| m.rank > f.rank) {
                    found = Some(m);
                }
                i = Self::token_of(s, m.end).max(i + 1);
                continue;
            }
            let t = &s.tokens[i];
            if t.kind == TokenKind::Punct {
                break;
            }
            let raw = t.text(self.text);
            let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
            let w = Self::word(s, i);
            if !(capitalised
                || self.lex.title_words.contains(&w)
                || self.lex.source_words.contains(&w))
            {
                break;
            }
            i += 1;
        }
        found.map(|m| (m.actor.clone().into_owned(), Self::token_of(s, m.start)))
    }

    /// The best-named actor in the title before an unnamed source noun at token `t`
    /// ("the Chinese Foreign Ministry spokesperson"), if any.
    fn source_owner(&self, s: &Sentence, t: usize) -> Option<(ActorRef, usize)> {
        let mut found: Option<&MentionAt> = None;
        let mut i = t;
        while i > 0 && t - i < 8 {
            i -= 1;
            if let Some(m) = self.mention_at(s, i) {
                if found.is_none_or(|f| m.rank > f.rank) {
                    found = Some(m);
                }
                continue;
            }
            // Any word of the noun phrase ("the European Commission's trade chief"), up
            // to a clause word.
            let w = Self::word(s, i);
            if s.tokens[i].kind == TokenKind::Punct
                || Self::is(s, i, class::REPORTING | class::POSITION)
                || matches!(w, "that" | "and" | "but" | "while" | "which" | "who" | "as")
            {
                break;
            }
        }
        found.map(|m| (m.actor.clone().into_owned(), Self::token_of(s, m.start)))
    }

    /// Who an unnamed source before a cue is ("the spokesperson said", "the statement
    /// said"): the last person whose role fits, the author of the last statement; `None`
    /// (no statement) for anonymous sources ("officials said", "diplomats said").
    fn unnamed_speaker(
        &self,
        s: &Sentence,
        at: usize,
        recent: &Recent,
    ) -> Option<Option<ActorRef>> {
        let w = Self::word(s, at);
        if self.is_collective(s, at) {
            // Any of the referents is right: the person who spoke last for people, their
            // state for sides and countries.
            let person = recent.person.clone();
            if self.lex.person_collectives.contains(&w) {
                return Some(person);
            }
            let state = person
                .as_ref()
                .and_then(|p| side_of(self.project, p))
                .filter(|a| kind_of(self.project, a) == "state");
            return Some(state.or_else(|| recent.body.clone()).or(person));
        }
        if matches!(
            w,
            "officials" | "diplomats" | "sources" | "source" | "leaders"
        ) || self.anonymous(s, at)
        {
            return None;
        }
        if self.lex.document_nouns.contains(&w) {
            return Some(recent.speaker.clone());
        }
        if self.lex.person_source_nouns.contains(&w) {
            // "A Commission spokesperson said": the body's spokesperson speaks for it.
            if at > 0
                && let Some(body) = self.body_named(s, at - 1)
            {
                return Some(Some(body));
            }
            let before = s.tokens[at].start;
            let fitting = self.mentions[..self.mentions.partition_point(|m| m.end <= before)]
                .iter()
                .rev()
                .take(MAX_LOOK_BACK)
                .find(|m| m.person && role_fits(w, &role_of(self.project, &m.actor)))
                .map(|m| m.actor.clone().into_owned());
            return Some(fitting.or_else(|| recent.person.clone()));
        }
        if matches!(w, "ministry" | "government") {
            return Some(recent.body.clone());
        }
        Some(None)
    }

    /// True when the verb at token `i` is inside an "if / unless / until" clause that
    /// opened a few words before it.
    fn in_condition(s: &Sentence, i: usize) -> bool {
        (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| s.tokens[k].kind == TokenKind::Word)
            .any(|k| matches!(Self::word(s, k), "if" | "unless" | "until"))
    }

    /// "a senior official", "an official, who spoke on condition of anonymity": an
    /// unnamed official or diplomat at token `t` is a source, not an actor. A
    /// spokesperson is not ("a Commission spokesperson said" speaks for the body).
    fn anonymous(&self, s: &Sentence, t: usize) -> bool {
        if !matches!(Self::word(s, t), "official" | "diplomat" | "source") {
            return false;
        }
        let indefinite = (t.saturating_sub(5)..t)
            .rev()
            .take_while(|&i| s.tokens[i].kind == TokenKind::Word)
            .any(|i| matches!(Self::word(s, i), "a" | "an" | "another" | "one"));
        indefinite || (0..s.tokens.len()).any(|i| Self::word(s, i) == "anonymity")
    }

    /// The latest person before token `t` whose role fits `head` and who speaks for
    /// `owner` ("the Chinese envoy" → the Chinese envoy named earlier).
    fn person_of(&self, s: &Sentence, t: usize, head: &str, owner: &ActorRef) -> Option<ActorRef> {
        let before = s.tokens[t].start;
        self.mentions[..self.mentions.partition_point(|m| m.end <= before)]
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .find(|m| {
                m.person
                    && role_fits(head, &role_of(self.project, &m.actor))
                    && side_of(self.project, &m.actor).as_ref() == Some(owner)
            })
            .map(|m| m.actor.clone().into_owned())
    }

    /// "both sides", "the two leaders" at token `at`.
    fn is_collective(&self, s: &Sentence, at: usize) -> bool {
        at > 0
            && self.lex.collective_nouns.contains(&Self::word(s, at))
            && matches!(Self::word(s, at - 1), "both" | "two")
    }

    /// "He added" right after a sentence whose speaker is a person: that speaker, the
    /// subject the reader follows, rather than the person the actors module took (the
    /// first one named) — unless an earlier pronoun gave the speaker the other gender.
    fn salient(&self, s: &Sentence, actor: ActorRef, at: usize, recent: &Recent) -> ActorRef {
        let pronoun = Self::word(s, at);
        if !matches!(pronoun, "he" | "she") {
            return actor;
        }
        let Some((k, speaker)) = &recent.spoke_last else {
            return actor;
        };
        if k + 1 != recent.sentence || *speaker == actor {
            return actor;
        }
        let other: &[&str] = if pronoun == "he" {
            &["she", "her", "hers"]
        } else {
            &["he", "him", "his"]
        };
        let before = s.tokens[at].start;
        let other_gender = self.mentions[..self.mentions.partition_point(|m| m.end <= before)]
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .any(|m| {
                *m.actor == *speaker
                    && other.contains(&self.text[m.start..m.end].to_lowercase().as_str())
            });
        if other_gender { actor } else { speaker.clone() }
    }

    /// "the council", "the commission" with no mention over it: the latest organisation
    /// or body before token `t` whose name has that word ("UN Security Council").
    fn body_by_noun(&self, s: &Sentence, t: usize) -> Option<ActorRef> {
        if t == 0 || Self::word(s, t - 1) != "the" {
            return None;
        }
        self.body_named(s, t)
    }

    /// The latest organisation or body before token `t` with the body noun at `t` in
    /// its name.
    fn body_named(&self, s: &Sentence, t: usize) -> Option<ActorRef> {
        let w = Self::word(s, t);
        if !self.lex.body_nouns.contains(&w) {
            return None;
        }
        let before = s.tokens[t].start;
        self.mentions[..self.mentions.partition_point(|m| m.end <= before)]
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .filter(|m| !m.person && kind_of(self.project, &m.actor) != "state")
            .find(|m| {
                names_of(self.project, &m.actor)
                    .iter()
                    .any(|n| n.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
            })
            .map(|m| m.actor.clone().into_owned())
    }

    // ---- statements ---------------------------------------------------------------

    /// Reporting cues in a sentence: (first token, last token, kind).
    fn cues(&self, s: &Sentence) -> Vec<(usize, usize, CueKind)> {
        let mut out = Vec::new();
        let n = s.tokens.len();
        for i in 0..n {
            if s.quoted[i] || s.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let w = Self::word(s, i);
            let next = Self::word(s, i + 1);
            let prev = if i > 0 { Self::word(s, i - 1) } else { "" };
            if w == "according" && next == "to" {
                out.push((i, i + 1, CueKind::Inverted));
                continue;
            }
            if Self::is(s, i, class::PHRASAL)
                && let Some(&(_, follower)) = self.lex.phrasal_cues.iter().find(|(v, _)| *v == w)
            {
                if follower.split('|').any(|f| f == next) {
                    out.push((i, i + 1, CueKind::Verb));
                } else if w == "called" && self.quote_opens_within(s, i + 1, 8) {
                    // "Lula called the deal “a victory for multilateralism”": a quoted
                    // judgement ("rejected calls to disarm" is a noun).
                    out.push((i, i, CueKind::Verb));
                }
                continue;
            }
            // "Wang was quoted as saying": the cue starts at "quoted".
            if w == "saying" && prev == "as" && i >= 2 && Self::word(s, i - 2) == "quoted" {
                let first = if i >= 3 && Self::is(s, i - 3, class::PASSIVE) {
                    i - 3
                } else {
                    i - 2
                };
                out.push((first, i, CueKind::Verb));
                continue;
            }
            if Self::is(s, i, class::PARTICIPLE) && i > 0 && self.punct(s, i - 1) == Some(',') {
                out.push((i, i, CueKind::Participle));
                continue;
            }
            if !Self::is(s, i, class::REPORTING) {
                // "Brazil welcomed the decision": a position an actor made known.
                let position = Self::is(s, i, class::POSITION)
                    && !(i > 0 && Self::is(s, i - 1, class::PASSIVE | class::DETERMINER))
                    && (!w.starts_with("commit") || next == "to")
                    && (!w.starts_with("look") || next == "forward");
                if position {
                    out.push((i, i, CueKind::Position));
                }
                continue;
            }
            // "will help if Brazil agrees to the plan": a condition, not a report.
            if Self::in_condition(s, i) {
                continue;
            }
            // "is said to", "the agreed plan", "as agreed", "urged both sides to agree":
            // not a report.
            if i > 0 && Self::is(s, i - 1, class::PASSIVE | class::DETERMINER)
                || matches!(prev, "as" | "to")
            {
                continue;
            }
            // "agreed terms": only "agreed to/that/on/with" reports; a pledge always does.
            if Self::is(s, i, class::SPEECH_ACT)
                && w.starts_with("agree")
                && !["to", "that", "on", "with"].contains(&next)
            {
                continue;
            }
            out.push((i, i, CueKind::Verb));
        }
        out
    }

    /// The speaker of the cue at tokens `first..=last`, and the token where its clause
    /// starts (the subject's first token). `None` when the cue has no source.
    fn cue_speaker(
        &self,
        s: &Sentence,
        (first, last, kind): (usize, usize, CueKind),
        recent: &Recent,
    ) -> Option<(Option<ActorRef>, usize)> {
        let (last_person, last_body) = (recent.person.as_ref(), recent.body.as_ref());
        if kind == CueKind::Inverted {
            return self
                .subject_after(s, last + 1)
                .map(|(actor, _)| (Some(actor), first));
        }
        if kind == CueKind::Position {
            // Only a named actor (or one a pronoun clearly stands for) makes it a report.
            return match self.subject_before(s, first, &self.lex.cue_skip) {
                Subject::Actor(actor, at) => Some((Some(self.salient(s, actor, at, recent)), at)),
                Subject::Unnamed(at) if self.is_collective(s, at) => self
                    .unnamed_speaker(s, at, recent)
                    .and_then(|speaker| speaker.map(|a| (Some(a), at))),
                Subject::ThirdPerson(at) => last_person.map(|p| (Some(p.clone()), at)),
                Subject::They(at) => last_body.map(|b| (Some(b.clone()), at)),
                Subject::Coordinated => self.clause_subject(s, first, 0).map(|a| (Some(a), 0)),
                _ => None,
            };
        }
        match self.subject_before(s, first, &self.lex.cue_skip) {
            Subject::Actor(actor, at) => Some((Some(self.salient(s, actor, at, recent)), at)),
            Subject::ThirdPerson(at) => Some((last_person.cloned(), at)),
            Subject::Unnamed(at) => self
                .unnamed_speaker(s, at, recent)
                .map(|speaker| (speaker, at)),
            Subject::They(at) if last_body.is_some() => Some((last_body.cloned(), at)),
            Subject::None
                if first > 0
                    && s.tokens[first - 1].kind == TokenKind::Word
                    && self.source_owner(s, first).is_some() =>
            {
                // "The European Union's trade chief said": the actor in the title.
                self.source_owner(s, first)
                    .map(|(actor, at)| (Some(actor), at))
            }
            Subject::Coordinated
                if let Some(earlier) =
                    self.cues(s).into_iter().rev().find(|c| {
                        c.1 < first && matches!(c.2, CueKind::Verb | CueKind::Position)
                    }) =>
            {
                // "Diop rejected the communiqué and said …": the first verb's subject.
                self.cue_speaker(s, earlier, recent)
            }
            Subject::FirstPerson | Subject::They(_) | Subject::Coordinated | Subject::None => {
                // Inverted after a quotation: “…,” said Wang.
                let after_quote = first == 0
                    || self
                        .punct(s, first - 1)
                        .is_some_and(|c| c == ',' || c == '"' || closes_quote(c));
                if after_quote && Self::word(s, last + 1) != "that" {
                    self.subject_after(s, last + 1)
                        .map(|(actor, _)| (Some(actor), first))
                } else {
                    None
                }
            }
        }
    }

    fn statements(&self, sentences: &[Sentence]) -> Vec<Stmt> {
        let accepted = self.accepted_statements();
        let mut out: Vec<Stmt> = Vec::new();
        // Sentences of the open quotation that wait for its cue, and the speaker of the
        // open quotation once its cue is known.
        let mut pending_quote: Vec<usize> = Vec::new();
        let mut quote_speaker: Option<Option<ActorRef>> = None;
        let mut recent = Recent::default();
        // The speaker a transcript paragraph is labelled with ("Mao Ning: …"), and the
        // last one labelled (whom "A:" means).
        let mut transcript: Option<ActorRef> = None;
        let mut answerer: Option<ActorRef> = None;
        let mut question = false;
        // The speaker of the previous sentence when it quoted them directly.
        let mut quoted_before: Option<(usize, Option<ActorRef>)> = None;
        let starts_paragraph = |k: usize| {
            k == 0
                || self.text[sentences[k - 1].end..sentences[k].start]
                    .contains(['\n', '\r', '\u{2029}'])
        };
        // The last labelled paragraph: after it, unlabelled paragraphs are narration, not
        // the answer going on.
        let last_label = (0..sentences.len())
            .rev()
            .find(|&k| {
                starts_paragraph(k)
                    && !matches!(
                        self.transcript_label(&sentences[k], answerer.as_ref()),
                        Label::None
                    )
            })
            .unwrap_or(0);
        for (k, s) in sentences.iter().enumerate() {
            recent.sentence = k;
            let new_paragraph = starts_paragraph(k);
            if new_paragraph {
                let label = self.transcript_label(s, answerer.as_ref());
                question = matches!(label, Label::Question);
                transcript = match label {
                    Label::Answer(speaker) => {
                        answerer = Some(speaker.clone());
                        Some(speaker)
                    }
                    // An answer goes on over paragraphs until the next label ("Spokesman:
                    // The Secretary-General welcomes …" / "Turning to Sudan, …").
                    Label::None if k < last_label => transcript.take(),
                    Label::None => None,
                    Label::Question => None,
                };
            }
            let linked = k > 0 && {
                let prev = &sentences[k - 1];
                let introduces = self.text[prev.start..prev.end].ends_with(':');
                s.starts_in_quote
                    || ((prev.ends_in_quote || introduces) && self.starts_with_quote(s))
            };
            if !linked {
                // A quotation that closed with no cue in it is not a statement.
                pending_quote.clear();
                quote_speaker = None;
            }
            let quoted_sentence = self.has_quote(s);
            let overlapping: Vec<&Accepted> = accepted
                .iter()
                .filter(|a| a.start < s.end && a.end > s.start)
                .collect();
            let is_question = self.text[s.start..s.end].ends_with('?');
            if !overlapping.is_empty() {
                for a in overlapping {
                    out.push(Stmt {
                        sentence: k,
                        start: a.start.max(s.start),
                        end: a.end.min(s.end),
                        anchor: (a.start, a.end),
                        speaker: a.speaker.clone(),
                        cue: a.cue,
                        attribution: "reported",
                        accepted: true,
                        reported_from: a.cue.map(|c| c.1),
                        voice: false,
                        parties: Vec::new(),
                        // The analyst's own: never suggested.
                        rule: "",
                    });
                }
            } else if let Some(speaker) = transcript.as_ref().filter(|_| !is_question) {
                // A transcript answer: every sentence is the labelled speaker's, also
                // one that reports someone else ("He calls on …").
                let found = self.sentence_statements(k, s, &recent, false);
                let mut stmt = self.continuation(k, s, Some(speaker.clone()));
                stmt.rule = rules::statement::TRANSCRIPT;
                if let Some(first) = found.first() {
                    stmt.cue = first.cue;
                    stmt.reported_from = first.reported_from;
                }
                out.push(stmt);
            } else {
                // In a question or a quotation the position is not the subject's.
                let allow_position = !question && !s.starts_in_quote && !self.starts_with_quote(s);
                let mut found = self.sentence_statements(k, s, &recent, allow_position);
                let introduces = self.text[s.start..s.end].ends_with(':');
                if let Some(first) = found.first() {
                    let speaker = first.speaker.clone();
                    if quoted_sentence || s.ends_in_quote || introduces {
                        // Earlier sentences of this quotation had no cue: they get this
                        // one's speaker, and so do later ones while it stays open.
                        for &p in &pending_quote {
                            out.push(self.continuation(p, &sentences[p], speaker.clone()));
                        }
                        pending_quote.clear();
                        quote_speaker = Some(speaker);
                    }
                    // "X said:" before a quotation reports nothing itself: the quoted
                    // sentences that follow are the statements.
                    let quotation_follows = sentences
                        .get(k + 1)
                        .is_some_and(|next| next.starts_in_quote || self.starts_with_quote(next));
                    if introduces && !quoted_sentence && quotation_follows && found.len() == 1 {
                        found.clear();
                    }
                    out.extend(found);
                } else if s.starts_in_quote || self.starts_with_quote(s) {
                    match (&quote_speaker, &quoted_before) {
                        (Some(speaker), _) => out.push(self.continuation(k, s, speaker.clone())),
                        // “…,” Peskov told reporters. “We expect results.” — the same
                        // speaker goes on in the same paragraph.
                        (None, Some((before, speaker))) if *before + 1 == k && !new_paragraph => {
                            out.push(self.continuation(k, s, speaker.clone()));
                        }
                        (None, _) => pending_quote.push(k),
                    }
                }
            }
            quoted_before = out
                .last()
                .filter(|st| st.sentence == k && st.attribution == "direct" && st.speaker.is_some())
                .map(|st| (k, st.speaker.clone()));
            if let Some(b) = out
                .iter()
                .rev()
                .take_while(|st| st.sentence == k)
                .find_map(|st| st.speaker.clone().filter(|a| !is_person(self.project, a)))
            {
                recent.body = Some(b);
            }
            if let Some(speaker) = out
                .iter()
                .rev()
                .take_while(|st| st.sentence == k)
                .find_map(|st| st.speaker.clone())
            {
                recent.speaker = Some(speaker);
            }
            // The person a later bare "he said" most likely means.
            if let Some(p) = out
                .iter()
                .rev()
                .take_while(|st| st.sentence == k)
                .find_map(|st| st.speaker.clone().filter(|a| is_person(self.project, a)))
            {
                recent.spoke_last = Some((k, p.clone()));
                recent.person = Some(p);
            } else if let Some(m) = self.mentions[s.mentions.clone()]
                .iter()
                .rev()
                .find(|m| m.person)
            {
                recent.person = Some(m.actor.clone().into_owned());
            }
        }
        out.sort_by_key(|st| (st.start, st.end));
        out
    }

    /// How a transcript paragraph is labelled: a speaker's name and a colon ("Mao Ning:
    /// …", "Spokesperson Lin Jian: …"), an answer label ("A:", "Spokesman:") meaning the
    /// last labelled speaker or the document's spokesperson, or a question ("Q:",
    /// "Question:", "Question (TASS):", a news outlet's name).
    fn transcript_label(&self, s: &Sentence, answerer: Option<&ActorRef>) -> Label {
        let mut i = 0;
        while i < s.tokens.len() && i < 8 {
            if let Some(m) = self.mention_at(s, i) {
                let after = Self::token_of(s, m.end);
                if self.punct(s, after) != Some(':') || s.tokens[after].start != m.end {
                    return Label::None;
                }
                return if kind_of(self.project, &m.actor) == "media" {
                    Label::Question
                } else {
                    Label::Answer(m.actor.clone().into_owned())
                };
            }
            if i > 0 && self.punct(s, i) == Some(':') {
                let label = Self::word(s, i - 1);
                return if matches!(label, "q" | "question" | "journalist" | "reporter") {
                    Label::Question
                } else if matches!(label, "a" | "answer") || label.starts_with("spokes") {
                    answerer
                        .cloned()
                        .or_else(|| self.spokesperson())
                        .map_or(Label::None, Label::Answer)
                } else {
                    Label::None
                };
            }
            // "Question (TASS):", "Q (RIA Novosti):": a question label naming the outlet
            // that asks, as Russian and Japanese briefing transcripts give it.
            if i > 0
                && self.punct(s, i) == Some('(')
                && matches!(Self::word(s, i - 1), "q" | "question")
            {
                let close =
                    (i + 1..s.tokens.len().min(i + 8)).find(|&j| self.punct(s, j) == Some(')'));
                return match close {
                    Some(j) if self.punct(s, j + 1) == Some(':') => Label::Question,
                    _ => Label::None,
                };
            }
            let raw = s.tokens[i].text(self.text);
            if s.tokens[i].kind == TokenKind::Punct
                || !raw.chars().next().is_some_and(char::is_uppercase)
            {
                return Label::None;
            }
            i += 1;
        }
        Label::None
    }

    /// The first person in the document whose role is spokesperson (the one a
    /// transcript's "A:" or "Spokesman:" stands for), else the first person named.
    fn spokesperson(&self) -> Option<ActorRef> {
        let people = || {
            self.mentions
                .iter()
                .filter(|m| m.person)
                .take(MAX_LOOK_BACK)
        };
        people()
            .find(|m| role_of(self.project, &m.actor).contains("spokes"))
            .or_else(|| people().next())
            .map(|m| m.actor.clone().into_owned())
    }

    fn starts_with_quote(&self, s: &Sentence) -> bool {
        self.text[s.start..s.end]
            .chars()
            .next()
            .is_some_and(|c| c == '"' || opens_quote(c))
    }

    fn has_quote(&self, s: &Sentence) -> bool {
        s.starts_in_quote || (0..s.tokens.len()).any(|i| self.is_quote_mark(s, i))
    }

    fn continuation(&self, k: usize, s: &Sentence, speaker: Option<ActorRef>) -> Stmt {
        Stmt {
            sentence: k,
            start: s.start,
            end: s.end,
            anchor: (s.start, s.end),
            speaker,
            cue: None,
            attribution: "direct",
            accepted: false,
            reported_from: None,
            voice: false,
            parties: Vec::new(),
            rule: rules::statement::QUOTE_CONTINUATION,
        }
    }

    /// The analyst's statements in bytes, sorted.
    fn accepted_statements(&self) -> Vec<Accepted> {
        let index = self.document.index();
        let mut out: Vec<Accepted> = self
            .document
            .statements
            .iter()
            .filter_map(|st| {
                let cue = st
                    .cue
                    .as_ref()
                    .and_then(|c| Some((index.byte_of(c.start())?, index.byte_of(c.end())?)));
                Some(Accepted {
                    start: index.byte_of(st.span.start())?,
                    end: index.byte_of(st.span.end())?,
                    speaker: st.speaker.map(ActorRef::Project),
                    cue,
                })
            })
            .collect();
        out.sort_by_key(|a| (a.start, a.end));
        out
    }

    /// The statements of one sentence: one per clause when several speakers report in
    /// it, else one for the whole sentence.
    fn sentence_statements(
        &self,
        k: usize,
        s: &Sentence,
        recent: &Recent,
        allow_position: bool,
    ) -> Vec<Stmt> {
        let mut cues = self.cues(s);
        if !allow_position
            || cues
                .iter()
                .any(|c| matches!(c.2, CueKind::Verb | CueKind::Inverted))
        {
            cues.retain(|c| c.2 != CueKind::Position);
        } else {
            let first_position = cues.iter().position(|c| c.2 == CueKind::Position);
            cues.truncate(first_position.map_or(0, |p| p + 1));
        }
        // (cue tokens, speaker, clause start token, cue kind)
        type Group = ((usize, usize), Option<ActorRef>, usize, CueKind);
        let mut groups: Vec<Group> = Vec::new();
        for cue in cues {
            if cue.2 == CueKind::Participle {
                continue;
            }
            let Some((speaker, at)) = self.cue_speaker(s, cue, recent) else {
                continue;
            };
            if let Some(last) = groups.last()
                && (last.1 == speaker || speaker.is_none())
            {
                continue;
            }
            // "… said that the talks were useful and that both sides had agreed to …": a
            // subject right after "that" is inside what the earlier speaker reports.
            let after_that = (at.saturating_sub(6)..at)
                .rev()
                .take_while(|&i| s.tokens[i].kind == TokenKind::Word)
                .any(|i| Self::word(s, i) == "that");
            if !groups.is_empty() && after_that {
                continue;
            }
            groups.push(((cue.0, cue.1), speaker, at, cue.2));
        }
        // "The 27 also agreed to …, the bloc's top diplomat, Kaja Kallas, told reporters.":
        // an attribution closing the sentence after a comma makes all of it that
        // speaker's; the earlier cues are what they report.
        if groups.len() > 1 {
            let says = |w: &str| {
                matches!(
                    w,
                    "said" | "says" | "told" | "tells" | "added" | "adds" | "stated" | "noted"
                )
            };
            let (cue, _, at, _) = groups[groups.len() - 1];
            let closing = says(Self::word(s, cue.0))
                && cue.1 + 6 >= s.tokens.len()
                && at > 0
                && self.punct(s, at - 1) == Some(',')
                && !(cue.1 + 1..s.tokens.len()).any(|i| Self::word(s, i) == "that");
            let reported_before = groups[..groups.len() - 1]
                .iter()
                .all(|g| !says(Self::word(s, g.0.0)));
            if closing && reported_before {
                groups.drain(..groups.len() - 1);
            }
        }
        if groups.is_empty() {
            if let Some(stmt) = self.in_a_statement(k, s) {
                return vec![stmt];
            }
            return Vec::new();
        }
        // Clause boundaries between speakers; without one the sentence stays whole.
        let mut bounds = vec![0usize];
        for w in 1..groups.len() {
            let from = groups[w - 1].0.1 + 1;
            let to = groups[w].2.min(groups[w].0.0);
            if let Some(b) = self.clause_boundary(s, from, to) {
                bounds.push(b);
            } else {
                groups.truncate(w);
                break;
            }
        }
        let mut out = Vec::new();
        for (g, (cue, speaker, _, kind)) in groups.iter().enumerate() {
            let first = bounds[g];
            let last = bounds.get(g + 1).map_or(s.tokens.len(), |&b| b);
            let start = if g == 0 {
                s.start
            } else {
                s.tokens[first].start
            };
            let end = if g + 1 == groups.len() {
                s.end
            } else {
                s.tokens[last.saturating_sub(1).max(first)].end
            };
            let end = if g + 1 < groups.len() {
                // Leave the separating comma or semicolon out.
                let mut e = last;
                while e > first && s.tokens[e - 1].kind == TokenKind::Punct {
                    e -= 1;
                }
                s.tokens[e.saturating_sub(1).max(first)].end.min(end)
            } else {
                end
            };
            let quoted_words = (first..last).filter(|&i| s.quoted[i]).count();
            let attribution = if quoted_words >= 3 || (s.starts_in_quote && g == 0) {
                "direct"
            } else {
                "reported"
            };
            let cue_range = (s.tokens[cue.0].start, s.tokens[cue.1].end);
            out.push(Stmt {
                sentence: k,
                start,
                end,
                anchor: (start, end),
                speaker: speaker.clone(),
                cue: Some(cue_range),
                attribution,
                accepted: false,
                reported_from: Some(cue_range.1),
                voice: false,
                parties: Vec::new(),
                rule: match kind {
                    CueKind::Inverted => rules::statement::ACCORDING_TO,
                    CueKind::Position => rules::statement::POSITION_VERB,
                    CueKind::Verb | CueKind::Participle => rules::statement::REPORTING_VERB,
                },
            });
        }
        out
    }

    /// "In a (joint) statement, the ministry condemned …": a statement with no verb cue.
    fn in_a_statement(&self, k: usize, s: &Sentence) -> Option<Stmt> {
        let w = |i| Self::word(s, i);
        let len = if w(0) == "in" && w(1) == "a" && w(2) == "statement" {
            3
        } else if w(0) == "in" && w(1) == "a" && w(2) == "joint" && w(3) == "statement" {
            4
        } else {
            return None;
        };
        let mut i = len;
        while i < s.tokens.len() && i < len + 8 {
            if let Some(m) = self.mention_at(s, i) {
                return Some(Stmt {
                    sentence: k,
                    start: s.start,
                    end: s.end,
                    anchor: (s.start, s.end),
                    speaker: Some(m.actor.clone().into_owned()),
                    cue: Some((s.tokens[0].start, s.tokens[len - 1].end)),
                    attribution: if self.has_quote(s) {
                        "direct"
                    } else {
                        "reported"
                    },
                    accepted: false,
                    reported_from: Some(s.tokens[len - 1].end),
                    voice: false,
                    parties: Vec::new(),
                    rule: rules::statement::IN_A_STATEMENT,
                });
            }
            i += 1;
        }
        None
    }

    /// The token where a new clause starts between tokens `from..to`: after a
    /// semicolon, else after a comma before and/but/while, else after the last comma.
    fn clause_boundary(&self, s: &Sentence, from: usize, to: usize) -> Option<usize> {
        let range = from..to.min(s.tokens.len());
        let after = |i: usize| i + 1;
        if let Some(i) = range.clone().rev().find(|&i| self.punct(s, i) == Some(';')) {
            return Some(after(i));
        }
        if let Some(i) = range.clone().rev().find(|&i| {
            self.punct(s, i) == Some(',')
                && matches!(Self::word(s, i + 1), "and" | "but" | "while" | "whereas")
        }) {
            return Some(after(i));
        }
        if let Some(i) = range
            .clone()
            .rev()
            .find(|&i| self.punct(s, i) == Some(',') || self.is_quote_mark(s, i) && i > from)
            .map(after)
            .filter(|&b| b < s.tokens.len())
        {
            return Some(i);
        }
        // "Wang said … and Rubio said …" with no comma: the clause starts at the word.
        range
            .rev()
            .find(|&i| matches!(Self::word(s, i), "and" | "but" | "while" | "whereas"))
    }

    fn statement_suggestion(&self, st: &Stmt) -> Option<Suggestion> {
        let (start, end) = self.chars(st.start, st.end)?;
        Some(Suggestion {
            kind: SuggestionKind::Statement,
            start,
            end,
            text: self.text[st.start..st.end].to_string(),
            detail: Detail::Statement {
                speaker: st.speaker.clone(),
                attribution: st.attribution.to_string(),
                cue: st.cue.and_then(|(a, b)| self.chars(a, b)),
            },
            rule: st.rule,
        })
    }

    fn chars(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let index = self.document.index();
        Some((index.char_of(start)?, index.char_of(end)?))
    }

    /// The tokens of `s` inside the statement.
    fn token_range(s: &Sentence, st: &Stmt) -> std::ops::Range<usize> {
        let first = s.tokens.partition_point(|t| t.start < st.start);
        let last = s.tokens.partition_point(|t| t.end <= st.end);
        first..last.max(first)
    }

    /// Who a subject found inside a statement stands for: first person inside the
    /// speaker's words is the speaker's state (or the speaker), "he"/"she" the speaker.
    fn resolve(&self, subject: Subject, st: &Stmt) -> Option<ActorRef> {
        match subject {
            Subject::Actor(actor, _) => Some(actor),
            Subject::FirstPerson => {
                let speaker = st.speaker.clone()?;
                Some(side_of(self.project, &speaker).unwrap_or(speaker))
            }
            Subject::ThirdPerson(_) => st.speaker.clone().filter(|a| is_person(self.project, a)),
            Subject::They(_) => st.speaker.clone().filter(|a| !is_person(self.project, a)),
            Subject::Unnamed(_) | Subject::Coordinated | Subject::None => None,
        }
    }

    // ---- commitments --------------------------------------------------------------

    fn commitments(&self, s: &Sentence, st: &Stmt) -> Vec<Suggestion> {
        let range = Self::token_range(s, st);
        let conditions = self.conditions(s, range.clone());
        let mut found: Vec<Commit> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let Some(cue) = self.commitment_cue(s, i, st) else {
                i += 1;
                continue;
            };
            // "… until Russia agrees to a ceasefire": the condition of another
            // commitment, not one of its own.
            if Self::in_condition(s, cue.first) {
                i = cue.last + 1;
                continue;
            }
            // "X reaffirmed its readiness to": the subject is before the verb.
            let subject_at = if matches!(Self::word(s, i), "readiness" | "willingness") {
                cue.first
            } else {
                i
            };
            let parties = self.collective_parties(s, subject_at, st);
            let subject = self.subject_before(s, subject_at, &self.lex.commit_skip);
            let committer = match subject {
                _ if !parties.is_empty() => Some(parties[0].clone()),
                Subject::Coordinated => found
                    .last()
                    .map(|c| c.committer.clone())
                    .or_else(|| self.clause_subject(s, i, range.start)),
                other => self.resolve(other, st),
            };
            let Some(committer) = committer else {
                i = cue.last + 1;
                continue;
            };
            let Some((action, action_end)) = self.action(s, cue.last + 1, range.end) else {
                i = cue.last + 1;
                continue;
            };
            if is_future_fact(self.lex, &action) {
                i = action_end;
                continue;
            }
            // The words after the action name the kind of commitment too ("work with
            // Colombia to deepen practical cooperation").
            let scope_end = (action_end + 8).min(range.end).max(cue.last + 2);
            let scope =
                self.text[s.tokens[cue.last + 1].start..s.tokens[scope_end - 1].end].to_lowercase();
            found.push(Commit {
                first: cue.first,
                action_end,
                scope,
                others: parties.into_iter().skip(1).collect(),
                committer,
                action,
                strength: cue.strength,
                agree: cue.agree,
                rule: cue.rule,
            });
            i = action_end.max(cue.last + 1);
        }
        let mut out = Vec::new();
        for (n, c) in found.iter().enumerate() {
            let scan_end = found.get(n + 1).map_or(range.end, |next| next.first);
            let mut addressees = self.addressees(s, c.action_end, scan_end);
            addressees.retain(|a| *a != c.committer);
            let category = self.category(c);
            let start = s.tokens[c.first].start;
            let end = s.tokens[c.action_end - 1].end;
            let (Some((cs, ce)), Some(statement)) =
                (self.chars(start, end), self.chars(st.anchor.0, st.anchor.1))
            else {
                continue;
            };
            for committer in std::iter::once(&c.committer).chain(&c.others) {
                out.push(Suggestion {
                    kind: SuggestionKind::Commitment,
                    start: cs,
                    end: ce,
                    text: self.text[start..end].to_string(),
                    detail: Detail::Commitment {
                        statement,
                        committer: Some(committer.clone()),
                        addressees: addressees.clone(),
                        action: c.action.clone(),
                        strength: c.strength.to_string(),
                        conditions: conditions.clone(),
                        category: category.clone(),
                    },
                    rule: c.rule,
                });
            }
        }
        out
    }

    /// A commitment cue starting at token `i`.
    fn commitment_cue(&self, s: &Sentence, i: usize, st: &Stmt) -> Option<Cue> {
        if s.tokens[i].kind != TokenKind::Word {
            return None;
        }
        let w = Self::word(s, i);
        let next = Self::word(s, i + 1);
        let prev = if i > 0 { Self::word(s, i - 1) } else { "" };
        use rules::commitment as rule;
        let cue = |rule: &'static str, last: usize, strength: &'static str, agree: bool| {
            Some(Cue {
                first: i,
                last,
                strength,
                agree,
                rule,
            })
        };
        match w {
            "will" | "shall" | "won't" => {
                // "political will", "the will of the people"
                let noun = self.lex.will_noun_before.contains(&prev)
                    || prev.ends_with("'s")
                    || prev.ends_with("’s")
                    || matches!(next, "of" | "to" | "and");
                if noun {
                    None
                } else {
                    cue(rule::WILL, i, "certain", false)
                }
            }
            // "pledged $2 billion in aid": a promise of a thing, not of an action.
            "pledged" | "pledges" | "pledge" | "promised" | "promises"
                if !matches!(next, "to" | "that" | "on")
                    && i + 1 < s.tokens.len()
                    && !(i > 0 && Self::is(s, i - 1, class::DETERMINER)) =>
            {
                cue(rule::PLEDGED_THING, i, "certain", false)
            }
            "would" if next == "like" && Self::word(s, i + 2) == "to" => {
                cue(rule::WOULD_LIKE_TO, i + 2, "possible", false)
            }
            "would" => {
                // Reported future ("said China would …"), outside quotation marks.
                let reported = st
                    .reported_from
                    .is_some_and(|from| s.tokens[i].start >= from)
                    && !s.quoted[i];
                if reported {
                    cue(rule::REPORTED_WOULD, i, "certain", false)
                } else {
                    None
                }
            }
            // "reaffirmed its readiness to continue …": a readiness declared.
            "readiness" | "willingness" if next == "to" => {
                // The cue starts at the verb before "its": "reaffirmed its readiness to".
                let first = if i >= 2 && self.lex.determiners.contains(&prev) {
                    i - 2
                } else {
                    i
                };
                Some(Cue {
                    first,
                    last: i + 1,
                    strength: "possible",
                    agree: false,
                    rule: rule::READINESS_TO,
                })
            }
            _ if next == "to" => {
                // "a plan to", "the pledge to": nouns.
                if self.lex.determiners.contains(&prev) {
                    return None;
                }
                if ["agree", "agrees", "agreed"].contains(&w) {
                    return cue(rule::AGREE_TO, i + 1, "certain", true);
                }
                if self.lex.certain_to.contains(&w) {
                    return cue(rule::CERTAIN_TO, i + 1, "certain", false);
                }
                if self.lex.probable_to.contains(&w) && !self.lex.passive_aux.contains(&prev) {
                    return cue(rule::PROBABLE_TO, i + 1, "probable", false);
                }
                if self.lex.possible_to.contains(&w) {
                    // "stands ready to": the cue starts at "stands".
                    let first = if matches!(prev, "stand" | "stands" | "stood") {
                        i - 1
                    } else {
                        i
                    };
                    return Some(Cue {
                        first,
                        last: i + 1,
                        strength: "possible",
                        agree: false,
                        rule: rule::POSSIBLE_TO,
                    });
                }
                None
            }
            _ => None,
        }
    }

    /// The action phrase from token `from`: a few words up to a preposition, conjunction
    /// or punctuation; returns it and the token after it.
    fn action(&self, s: &Sentence, from: usize, end: usize) -> Option<(String, usize)> {
        let mut i = from;
        while i < end && self.lex.action_skip.contains(&Self::word(s, i)) {
            i += 1;
        }
        let first = i;
        let first_raw = s.tokens.get(first)?.text(self.text);
        let currency = |t: &Token| {
            t.kind == TokenKind::Punct && matches!(t.text(self.text), "$" | "€" | "£" | "¥")
        };
        // A verb ("deepen"), or an amount after "pledged" ("$2 billion", "500 million").
        let opens = first_raw
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            || currency(&s.tokens[first]);
        if !opens || (s.tokens[first].kind != TokenKind::Word && !currency(&s.tokens[first])) {
            return None;
        }
        let mut words = 0;
        while i < end && words < 6 {
            let t = &s.tokens[i];
            if t.kind != TokenKind::Word && !currency(t) {
                break;
            }
            let w = Self::word(s, i);
            if i > first && self.lex.action_stop.contains(&w) {
                // "continue to deepen", "work to build": the infinitive belongs to it.
                let keep = w == "to"
                    && (self.lex.continuing.contains(&Self::word(s, i - 1)))
                    && s.tokens
                        .get(i + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word);
                if !keep {
                    break;
                }
            }
            words += 1;
            i += 1;
        }
        if i == first {
            return None;
        }
        let action = self.text[s.tokens[first].start..s.tokens[i - 1].end].to_string();
        Some((action, i))
    }

    /// "with Brazil", "to African countries": actors after a preposition.
    fn addressees(&self, s: &Sentence, from: usize, end: usize) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        let end = end.min(from + 20).min(s.tokens.len());
        let mut i = from;
        while i < end {
            if matches!(self.punct(s, i), Some('.' | ';' | ':')) {
                break;
            }
            if !self.lex.addressee_prepositions.contains(&Self::word(s, i)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < end && self.lex.addressee_skip.contains(&Self::word(s, j)) {
                j += 1;
            }
            while let Some(m) = self.mention_at(s, j).filter(|_| j < end) {
                if !out.contains(&m.actor) {
                    out.push(m.actor.clone().into_owned());
                }
                j = Self::token_of(s, m.end);
                if Self::word(s, j) == "and" || self.punct(s, j) == Some(',') {
                    j += 1;
                    while j < end && self.lex.addressee_skip.contains(&Self::word(s, j)) {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            i = j.max(i + 1);
        }
        out
    }

    /// "on the basis of …", "provided that …", "if …", "as long as …" in the statement.
    fn conditions(&self, s: &Sentence, range: std::ops::Range<usize>) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if !Self::is(s, i, class::CONDITION_START) {
                i += 1;
                continue;
            }
            let Some((len, list)) = self
                .lex
                .condition_markers
                .iter()
                .find_map(|(marker, list)| {
                    let mut len = 0;
                    for (k, w) in marker.split(' ').enumerate() {
                        if Self::word(s, i + k) != w {
                            return None;
                        }
                        len = k + 1;
                    }
                    Some((len, *list))
                })
            else {
                i += 1;
                continue;
            };
            if i > 0 && matches!(Self::word(s, i - 1), "as" | "even" | "see" | "ask") {
                i += len;
                continue;
            }
            let mut j = i + len;
            let mut words = 0;
            while j < range.end && words < 25 {
                let t = &s.tokens[j];
                if t.kind == TokenKind::Punct {
                    let c = t.text(self.text).chars().next().unwrap_or('.');
                    // A list inside "on the basis of mutual respect, equality and …".
                    let list_goes_on = c == ','
                        && list
                        && s.tokens.get(j + 1).is_some_and(|n| {
                            n.text(self.text)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                                && !self.lex.clause_openers.contains(&Self::word(s, j + 1))
                        });
                    if !(list_goes_on || c == '-' || c == '‐') {
                        break;
                    }
                } else {
                    words += 1;
                }
                j += 1;
            }
            if j > i + len {
                out.push(self.text[s.tokens[i].start..s.tokens[j - 1].end].to_string());
            }
            i = j;
        }
        out.join("; ")
    }

    fn category(&self, c: &Commit) -> String {
        let action = c.action.to_lowercase();
        let words: Vec<&str> = action.split_whitespace().collect();
        let scope: Vec<&str> = c.scope.split_whitespace().collect();
        let has = |list: &[&str]| scope.iter().any(|w| list.iter().any(|l| w.starts_with(l)));
        let head = words
            .iter()
            .find(|w| !["not", "never", "continue", "to"].contains(w));
        let key = if c.agree {
            "AGREE"
        } else if words.first().is_some_and(|w| *w == "not" || *w == "never")
            && has(&["interfer", "meddl", "intervene"])
            || head.is_some_and(|h| h.starts_with("refrain"))
        {
            "REFRAIN"
        } else if head.is_some_and(|h| h.starts_with("mediat")) {
            "MEDIATE"
        } else if has(&[
            "aid",
            "assistance",
            "donat",
            "funding",
            "grant",
            "loan",
            "relief",
        ]) && (head.is_some_and(|h| {
            [
                "provid", "offer", "giv", "send", "donat", "extend", "deliver", "increas",
            ]
            .iter()
            .any(|p| h.starts_with(p))
        }) || words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))))
        {
            // Providing aid, or pledging an amount of it.
            "AID"
        } else if head.is_some_and(|h| {
            ["consult", "negotiat", "meet", "visit"]
                .iter()
                .any(|p| h.starts_with(p))
        }) || (head.is_some_and(|h| h.starts_with("hold"))
            && has(&[
                "talk",
                "consultation",
                "dialogue",
                "meeting",
                "summit",
                "negotiation",
            ]))
        {
            "CONSULT"
        } else if head.is_some_and(|h| {
            ["support", "back", "endors"]
                .iter()
                .any(|p| h.starts_with(p))
        }) {
            "SUPPORT"
        } else if has(&["cooperat", "collaborat", "partnership"]) {
            "COOPERATE"
        } else if head.is_some_and(|h| h.starts_with("reform")) {
            "REFORM"
        } else if head.is_some_and(|h| {
            ["withdraw", "de-escalat", "pull"]
                .iter()
                .any(|p| h.starts_with(p))
        }) {
            "RETREAT"
        } else {
            return String::new();
        };
        self.codebook_key(CodebookList::CommitmentCategories, key)
    }

    /// `role` when the project's codebook has an active entry for it, else "" (the
    /// project's key replaces the role at the end: `roles::to_project_keys`).
    fn codebook_key(&self, list: CodebookList, role: &str) -> String {
        self.project
            .codebook
            .by_role(list, role)
            .map_or_else(String::new, |_| role.to_owned())
    }

    // ---- stances ------------------------------------------------------------------

    fn stances(&self, s: &Sentence, st: &Stmt) -> Vec<Suggestion> {
        let range = Self::token_range(s, st);
        let mut out = Vec::new();
        let mut seen: Vec<(&'static str, Option<StanceTargetRef>)> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let cue = self
                .stance_cue(s, i)
                .or_else(|| st.voice.then(|| self.voice_stance_cue(s, i)).flatten());
            let Some((last, polarity, rule)) = cue else {
                i += 1;
                continue;
            };
            let parties = self.collective_parties(s, i, st);
            // "China's support for …", "Brasília's opposition to …": the possessor holds
            // the position.
            let possessor = (i > 0)
                .then(|| Self::word(s, i - 1))
                .filter(|w| w.ends_with("'s") || w.ends_with("’s"))
                .and_then(|_| self.mention_at(s, i - 1))
                .map(|m| m.actor.clone().into_owned());
            let parties = if possessor.is_some() {
                Vec::new()
            } else {
                parties
            };
            let holder =
                possessor.or_else(|| match self.subject_before(s, i, &self.lex.stance_skip) {
                    _ if !parties.is_empty() => Some(parties[0].clone()),
                    Subject::Coordinated => self
                        .clause_subject(s, i, range.start)
                        .or_else(|| st.speaker.clone()),
                    Subject::None | Subject::Unnamed(_) => st.speaker.clone(),
                    other => self.resolve(other, st).or_else(|| st.speaker.clone()),
                });
            let (target, object_end) = self.target(s, last + 1, range.end, holder.as_ref());
            let key = (polarity, target.clone());
            if seen.contains(&key) {
                i = last + 1;
                continue;
            }
            seen.push(key);
            let start = s.tokens[i].start;
            let end = s.tokens[object_end.max(last + 1) - 1].end;
            if let (Some((cs, ce)), Some(statement)) =
                (self.chars(start, end), self.chars(st.anchor.0, st.anchor.1))
            {
                let holders = std::iter::once(holder).chain(parties.into_iter().skip(1).map(Some));
                for holder in holders {
                    out.push(Suggestion {
                        kind: SuggestionKind::Stance,
                        start: cs,
                        end: ce,
                        text: self.text[start..end].to_string(),
                        detail: Detail::Stance {
                            statement,
                            holder,
                            target: target.clone(),
                            polarity: polarity.to_string(),
                        },
                        rule,
                    });
                }
            }
            i = last + 1;
        }
        out
    }

    /// A stance cue at token `i`: its last token, polarity and rule.
    fn stance_cue(&self, s: &Sentence, i: usize) -> Option<(usize, &'static str, &'static str)> {
        use rules::stance as rule;
        if s.tokens[i].kind != TokenKind::Word {
            return None;
        }
        if !Self::is(s, i, class::STANCE_START) {
            return None;
        }
        // "Rapid Support Forces": a word of a name.
        if self.mention_at(s, i).is_some() {
            return None;
        }
        let w = Self::word(s, i);
        let next = Self::word(s, i + 1);
        let prev = if i > 0 { Self::word(s, i - 1) } else { "" };
        // "expressed concern over", "is deeply concerned by", "voiced appreciation for".
        let voiced = matches!(
            prev,
            "expressed" | "expresses" | "voiced" | "voices" | "deep" | "grave" | "serious"
        );
        if matches!(w, "concern" | "concerns") && voiced {
            return Some((i, "against", rule::CONCERN));
        }
        if w == "concerned"
            && matches!(
                prev,
                "is" | "was"
                    | "are"
                    | "were"
                    | "remains"
                    | "remained"
                    | "deeply"
                    | "gravely"
                    | "seriously"
            )
        {
            return Some((i, "against", rule::CONCERN));
        }
        if w == "appreciation" && (voiced || matches!(next, "for" | "of")) {
            return Some((i, "favor", rule::APPRECIATION));
        }
        if w == "welcoming" && i > 0 && self.punct(s, i - 1) == Some(',') {
            return Some((i, "favor", rule::WELCOMING));
        }
        if matches!(
            w,
            "concern" | "concerns" | "concerned" | "appreciation" | "welcoming"
        ) {
            return None;
        }
        // "will support", "to welcome": a commitment's action, not a stance taken.
        let is_modal = |w: &str| matches!(w, "will" | "would" | "shall" | "to" | "can" | "could");
        // "would not support the package", "would never endorse a text": a position
        // against.
        let refused = matches!(prev, "not" | "never") && i >= 2 && is_modal(Self::word(s, i - 2));
        if refused && Self::is(s, i, class::FAVOR) {
            return Some((i, "against", rule::REFUSAL));
        }
        let modal = is_modal(prev);
        if w == "support" && next == "for" {
            return Some((i, "favor", rule::SUPPORT_FOR));
        }
        if modal || (i > 0 && Self::is(s, i - 1, class::DETERMINER)) || next == "by" {
            return None;
        }
        // "the United Nations support office": a noun before a noun names a thing.
        if w == "support" && SUPPORT_AS_NOUN_BEFORE.contains(&next) {
            return None;
        }
        // "reaffirmed that …" reports what follows; the position is in it, if anywhere.
        if w.starts_with("reaffirm") && next == "that" {
            return None;
        }
        // "reaffirmed its readiness to …" declares a commitment, not a position.
        if w.starts_with("reaffirm")
            && self.lex.determiners.contains(&next)
            && matches!(
                Self::word(s, i + 2),
                "readiness" | "willingness" | "determination" | "intention"
            )
        {
            return None;
        }
        if Self::is(s, i, class::FAVOR)
            && !(w == "support" && self.lex.support_as_aid.contains(&prev))
        {
            return Some((i, "favor", rule::FAVOR_WORD));
        }
        if (w == "happy" || w == "pleased" || w == "glad")
            && next == "to"
            && Self::word(s, i + 2) == "see"
        {
            return Some((i + 2, "favor", rule::PLEASED_TO_SEE));
        }
        if matches!(w, "speaks" | "spoke" | "spoken")
            && next == "highly"
            && Self::word(s, i + 2) == "of"
        {
            return Some((i + 2, "favor", rule::SPEAKS_HIGHLY));
        }
        if matches!(w, "opposition" | "condemnation") && matches!(next, "to" | "of") {
            return Some((i + 1, "against", rule::OPPOSITION_TO));
        }
        if Self::is(s, i, class::AGAINST) {
            return Some((i, "against", rule::AGAINST_WORD));
        }
        if matches!(w, "warn" | "warns" | "warned" | "warning") && next == "against" {
            return Some((i + 1, "against", rule::WARN_AGAINST));
        }
        if matches!(w, "object" | "objects" | "objected") && next == "to" {
            return Some((i + 1, "against", rule::OBJECT_TO));
        }
        if matches!(w, "has" | "have" | "had") && next == "never" {
            return Some((i + 1, "against", rule::HAS_NEVER));
        }
        if matches!(w, "neutral" | "neutrality" | "impartial") {
            return Some((i, "neutral", rule::NEUTRAL_WORD));
        }
        if matches!(w, "take" | "takes" | "taking")
            && next == "sides"
            && matches!(prev, "not" | "never")
        {
            return Some((i + 1, "neutral", rule::NOT_TAKE_SIDES));
        }
        None
    }

    /// The stance's target in its object phrase from token `from`, and where the
    /// phrase ends: a topic named first ("opposes interference in …"), else the first
    /// actor other than the holder, else a topic anywhere in the phrase.
    fn target(
        &self,
        s: &Sentence,
        from: usize,
        end: usize,
        holder: Option<&ActorRef>,
    ) -> (Option<StanceTargetRef>, usize) {
        let mut j = from;
        let mut words = 0;
        while j < end && words < 14 {
            let t = &s.tokens[j];
            if t.kind == TokenKind::Punct {
                let c = t.text(self.text).chars().next().unwrap_or('.');
                if !matches!(c, '-' | '‐' | '\'' | '’') {
                    break;
                }
            } else {
                let w = Self::word(s, j);
                // "welcomed the talks and expects to …": the next verb ends the object.
                let next_verb = matches!(w, "and" | "but")
                    && (looks_like_verb(self.lex, Self::word(s, j + 1))
                        || self.lex.action_skip.contains(&Self::word(s, j + 1)));
                if j > from && (next_verb || matches!(w, "that" | "which" | "who")) {
                    break;
                }
                words += 1;
            }
            j += 1;
        }
        let object = from..j;
        let mut head = from;
        while head < j && self.lex.object_skip.contains(&Self::word(s, head)) {
            head += 1;
        }
        let topic_at = |i: usize| self.topic_at(s, i);
        if let Some(topic) = (head..(head + 2).min(j)).find_map(topic_at) {
            return (Some(StanceTargetRef::Topic(topic)), j);
        }
        let actor = object.clone().find_map(|i| {
            self.mention_at(s, i)
                // Not a name inside a word ("one-China principle").
                .filter(|m| holder != Some(m.actor.as_ref()) && m.start <= s.tokens[i].start)
                .map(|m| m.actor.clone().into_owned())
        });
        if let Some(actor) = actor {
            return (Some(StanceTargetRef::Actor(actor)), j);
        }
        (
            object
                .into_iter()
                .find_map(topic_at)
                .map(StanceTargetRef::Topic),
            j,
        )
    }

    /// The `Topics` key a word (or two-word phrase) at token `i` names.
    fn topic_at(&self, s: &Sentence, i: usize) -> Option<String> {
        let w = Self::word(s, i);
        if w.is_empty() {
            return None;
        }
        let two = format!("{w} {}", Self::word(s, i + 1));
        let key = self
            .lex
            .topic_phrases
            .iter()
            .find(|(phrase, _)| *phrase == two)
            .or_else(|| self.lex.topic_words.iter().find(|(word, _)| *word == w))
            .map(|(_, key)| *key)?;
        let key = self.codebook_key(CodebookList::Topics, key);
        (!key.is_empty()).then_some(key)
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

/// True when a role fits the head noun of an unnamed reference ("the top diplomat" →
/// a foreign minister or secretary of state).
fn role_fits(head: &str, role: &str) -> bool {
    match head {
        "spokesperson" | "spokesman" | "spokeswoman" => role.contains("spokes"),
        "diplomat" => [
            "foreign",
            "secretary of state",
            "ambassador",
            "envoy",
            "state councilor",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "leader" => [
            "president",
            "prime minister",
            "premier",
            "chancellor",
            "leader",
            "king",
            "emir",
        ]
        .iter()
        .any(|r| role.contains(r)),
        "president" => role.contains("president") && !role.contains("vice"),
        "official" => !role.is_empty(),
        _ => role.contains(head),
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
    lex.auxiliaries.contains(&word)
        || (word.len() > 3
            && (word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss"))))
}

/// "be held", "take place": a future event, not an actor's conduct.
fn is_future_fact(lex: &Lexicon, action: &str) -> bool {
    let lower = action.to_lowercase();
    lex.future_facts.iter().any(|f| lower.starts_with(f))
}
