//! Stage 5: stances inside a statement — the cue and its polarity, the holder, and the target
//! (an actor or a codebook topic).

use super::*;

impl<'a> Rules<'a> {
    pub(super) fn stances(&self, s: &Sentence, st: &Stmt) -> Vec<Suggestion> {
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
    pub(super) fn stance_cue(
        &self,
        s: &Sentence,
        i: usize,
    ) -> Option<(usize, &'static str, &'static str)> {
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
    pub(super) fn target(
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
    pub(super) fn topic_at(&self, s: &Sentence, i: usize) -> Option<String> {
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
