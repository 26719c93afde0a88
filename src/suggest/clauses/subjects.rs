//! Stage 2: who a clause is about — the subject before or after a cue, unnamed sources ("the
//! spokesperson"), collectives, the most salient actor for a pronoun or a side.

use super::*;
use crate::suggest::actors::words::role_fits;

impl<'a> Rules<'a> {
    /// The subject of the verb at token `i`: skipping `skip` words (auxiliaries,
    /// adverbs, time words) and an appositive between commas, the mention, pronoun or
    /// source noun just before.
    pub(super) fn subject_before(&self, s: &Sentence, i: usize, skip: &[&str]) -> Subject {
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
    pub(super) fn clause_subject(&self, s: &Sentence, i: usize, from: usize) -> Option<ActorRef> {
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
    pub(super) fn appositive_before(&self, s: &Sentence, t: usize) -> bool {
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
    pub(super) fn subject_after(&self, s: &Sentence, from: usize) -> Option<(ActorRef, usize)> {
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
    pub(super) fn source_owner(&self, s: &Sentence, t: usize) -> Option<(ActorRef, usize)> {
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
    pub(super) fn unnamed_speaker(
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
    pub(super) fn in_condition(s: &Sentence, i: usize) -> bool {
        (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| s.tokens[k].kind == TokenKind::Word)
            .any(|k| matches!(Self::word(s, k), "if" | "unless" | "until"))
    }

    /// "a senior official", "an official, who spoke on condition of anonymity": an
    /// unnamed official or diplomat at token `t` is a source, not an actor. A
    /// spokesperson is not ("a Commission spokesperson said" speaks for the body).
    pub(super) fn anonymous(&self, s: &Sentence, t: usize) -> bool {
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
    pub(super) fn person_of(
        &self,
        s: &Sentence,
        t: usize,
        head: &str,
        owner: &ActorRef,
    ) -> Option<ActorRef> {
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
    pub(super) fn is_collective(&self, s: &Sentence, at: usize) -> bool {
        at > 0
            && self.lex.collective_nouns.contains(&Self::word(s, at))
            && matches!(Self::word(s, at - 1), "both" | "two")
    }

    /// "He added" right after a sentence whose speaker is a person: that speaker, the
    /// subject the reader follows, rather than the person the actors module took (the
    /// first one named) — unless an earlier pronoun gave the speaker the other gender.
    pub(super) fn salient(
        &self,
        s: &Sentence,
        actor: ActorRef,
        at: usize,
        recent: &Recent,
    ) -> ActorRef {
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
    pub(super) fn body_by_noun(&self, s: &Sentence, t: usize) -> Option<ActorRef> {
        if t == 0 || Self::word(s, t - 1) != "the" {
            return None;
        }
        self.body_named(s, t)
    }

    /// The latest organisation or body before token `t` with the body noun at `t` in
    /// its name.
    pub(super) fn body_named(&self, s: &Sentence, t: usize) -> Option<ActorRef> {
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
}
