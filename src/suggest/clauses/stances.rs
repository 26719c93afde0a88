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
            // Said in the inspector, so the analyst knows where to look.
            let no_target = target.is_none().then(|| {
                let object = self.text[s.tokens[last].end..end].trim();
                if object.chars().any(char::is_alphanumeric) {
                    format!("its object “{object}” names no actor and no topic of the codebook")
                } else {
                    "no object follows the cue in its clause: the target is in another clause \
                     or sentence"
                        .to_owned()
                }
            });
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
                            no_target: no_target.clone(),
                        },
                        rule,
                    });
                }
            }
            i = last + 1;
        }
        out
    }

    /// A stance cue at token `i`: its last token, polarity and rule — the first entry of
    /// the rule set's `stance_cues` that fits, tried at the words a stance can start with.
    pub(super) fn stance_cue(
        &self,
        s: &Sentence,
        i: usize,
    ) -> Option<(usize, &'static str, &'static str)> {
        if s.tokens[i].kind != TokenKind::Word || !Self::is(s, i, class::STANCE_START) {
            return None;
        }
        let cue = self
            .lex
            .stance_cues
            .first_cue(&self.view(s), i, &|_| false)?;
        Some((cue.last, cue.value, cue.rule))
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
                // Quotation marks do not end the object: "rejected “any attempt to …”",
                // "remained “deeply concerned” by Iran's stockpile".
                if !matches!(c, '-' | '‐' | '\'' | '’' | '"') && !opens_quote(c) && !closes_quote(c)
                {
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
        while head < j
            && (self.lex.object_skip.contains(&Self::word(s, head))
                || s.tokens[head].kind == TokenKind::Punct)
        {
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
