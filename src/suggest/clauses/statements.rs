//! Stage 3: statements — reporting cues and their speakers, quotes that run on, transcripts,
//! "in a statement", position verbs; each statement with its speaker and attribution.

use super::*;

impl<'a> Rules<'a> {
    /// Reporting cues in a sentence: (first token, last token, kind).
    pub(super) fn cues(&self, s: &Sentence) -> Vec<(usize, usize, CueKind)> {
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
    pub(super) fn cue_speaker(
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

    pub(super) fn statements(&self, sentences: &[Sentence]) -> Vec<Stmt> {
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
    pub(super) fn transcript_label(&self, s: &Sentence, answerer: Option<&ActorRef>) -> Label {
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
    pub(super) fn spokesperson(&self) -> Option<ActorRef> {
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

    pub(super) fn starts_with_quote(&self, s: &Sentence) -> bool {
        self.text[s.start..s.end]
            .chars()
            .next()
            .is_some_and(|c| c == '"' || opens_quote(c))
    }

    pub(super) fn has_quote(&self, s: &Sentence) -> bool {
        s.starts_in_quote || (0..s.tokens.len()).any(|i| self.is_quote_mark(s, i))
    }

    pub(super) fn continuation(&self, k: usize, s: &Sentence, speaker: Option<ActorRef>) -> Stmt {
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
    pub(super) fn accepted_statements(&self) -> Vec<Accepted> {
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
    pub(super) fn sentence_statements(
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
    pub(super) fn in_a_statement(&self, k: usize, s: &Sentence) -> Option<Stmt> {
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
    pub(super) fn clause_boundary(&self, s: &Sentence, from: usize, to: usize) -> Option<usize> {
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

    pub(super) fn statement_suggestion(&self, st: &Stmt) -> Option<Suggestion> {
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

    pub(super) fn chars(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let index = self.document.index();
        Some((index.char_of(start)?, index.char_of(end)?))
    }

    /// The tokens of `s` inside the statement.
    pub(super) fn token_range(s: &Sentence, st: &Stmt) -> std::ops::Range<usize> {
        let first = s.tokens.partition_point(|t| t.start < st.start);
        let last = s.tokens.partition_point(|t| t.end <= st.end);
        first..last.max(first)
    }

    /// Who a subject found inside a statement stands for: first person inside the
    /// speaker's words is the speaker's state (or the speaker), "he"/"she" the speaker.
    pub(super) fn resolve(&self, subject: Subject, st: &Stmt) -> Option<ActorRef> {
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
}
