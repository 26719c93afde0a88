//! The issuer's voice: sentences of a readout, joint statement, declaration or
//! communiqué that commit, take a position or report a speech act of the issuer or a
//! participant are statements without a reporting verb ("The United States will …",
//! "We condemn …", "The two sides committed to …"), attribution narration; "we", "the
//! Parties", "the two sides" stand for every party (tests/gold/GUIDELINES.md, "The
//! issuer's voice"). Cues are data: `assets/issuer_voice.ron`.

use super::super::issuer::VoiceData;
use super::{ActorRef, Rules, Sentence, Stmt, Subject, TokenKind, class, opens_quote, rules};

/// Words between a subject and its verb in an official text ("The Ministers also
/// today jointly reaffirmed", "The United States is fully committed").
const VOICE_SKIP: &[&str] = &[
    "also",
    "further",
    "again",
    "today",
    "jointly",
    "together",
    "fully",
    "firmly",
    "strongly",
    "deeply",
    "once",
    "all",
    "is",
    "are",
    "was",
    "were",
    "remain",
    "remains",
    "remained",
    "have",
    "has",
    "had",
    "will",
    "would",
    "shall",
    "warmly",
    "highly",
    "hereby",
    "each",
    "both",
    "collectively",
    "unanimously",
    "strongly",
    "resolutely",
];

impl Rules<'_> {
    /// The statements of an official text: those the reporting rules found, in the
    /// issuer's voice (narration), and one for every other sentence in that voice.
    pub(super) fn with_voice(&self, sentences: &[Sentence], mut stmts: Vec<Stmt>) -> Vec<Stmt> {
        let Some(issuer) = &self.issuer else {
            return stmts;
        };
        let data = VoiceData::bundled();
        let mut covered = vec![false; sentences.len()];
        for st in &mut stmts {
            covered[st.sentence] = true;
            if st.accepted || st.attribution != "reported" {
                continue;
            }
            // "Secretary Rubio expressed appreciation", "The United States praised": the
            // text's own account of a participant's act, not speech it reports.
            let cue_word = st
                .cue
                .map(|(a, b)| self.text[a..b].to_lowercase())
                .unwrap_or_default();
            let first = cue_word.split_whitespace().next().unwrap_or("");
            if data.speech_act(first).is_some() || self.lex.classes(first) & class::POSITION != 0 {
                st.attribution = "narration";
                st.voice = true;
                let s = &sentences[st.sentence];
                if let Some(at) = (0..s.tokens.len())
                    .find(|&i| s.tokens[i].start >= st.cue.map_or(st.start, |c| c.0))
                {
                    st.parties = self.collective_parties(s, at, st);
                    if let Some(first) = st.parties.first() {
                        st.speaker = Some(first.clone());
                    }
                }
            }
        }
        let mut added = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            if covered[k] || !self.may_be_voice(s) {
                continue;
            }
            if let Some(st) = self.voice_statement(k, s, &issuer.actors, data) {
                added.push(st);
            }
        }
        if !added.is_empty() {
            stmts.extend(added);
            stmts.sort_by_key(|st| (st.start, st.end));
        }
        stmts
    }

    /// A body sentence outside quotation marks: not a header line, a question, a line
    /// that introduces what follows, or a quotation.
    fn may_be_voice(&self, s: &Sentence) -> bool {
        let text = self.text[s.start..s.end].trim_end();
        let words = s
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        words >= 4
            && text.ends_with(['.', ';', '!'])
            && !s.starts_in_quote
            && !s.ends_in_quote
            && !self.has_quote(s)
    }

    /// The statement of a sentence in the issuer's voice: its first speech act,
    /// commitment or stance cue, with the subject before it as speaker.
    fn voice_statement(
        &self,
        k: usize,
        s: &Sentence,
        issuer: &[ActorRef],
        data: &VoiceData,
    ) -> Option<Stmt> {
        let mut st = Stmt {
            sentence: k,
            start: s.start,
            end: s.end,
            anchor: (s.start, s.end),
            speaker: None,
            cue: None,
            attribution: "narration",
            accepted: false,
            reported_from: None,
            voice: true,
            parties: Vec::new(),
            rule: rules::statement::ISSUER_VOICE,
        };
        for i in 0..s.tokens.len() {
            if s.quoted[i] || s.tokens[i].kind != TokenKind::Word || Self::in_condition(s, i) {
                continue;
            }
            let (first, speech) = if self.speech_act_at(s, i, data) {
                (i, true)
            } else if let Some(cue) = self.commitment_cue(s, i, &st) {
                (cue.first, false)
            } else if self.stance_cue(s, i).is_some() || self.voice_stance_cue(s, i).is_some() {
                (i, false)
            } else {
                continue;
            };
            let parties = self.collective_parties(s, first, &st);
            let speaker = if !parties.is_empty() {
                Some(parties[0].clone())
            } else {
                match self.subject_before(s, first, VOICE_SKIP) {
                    Subject::Actor(actor, _) => Some(actor),
                    // "X and Y discussed … and agreed to": the sentence's subject.
                    Subject::Coordinated => self
                        .opening_subject(s)
                        .or_else(|| self.clause_subject(s, first, 0)),
                    // "They reaffirmed" after "X met with Y": the two who met.
                    Subject::They(_) => self
                        .people_before(s.start)
                        .into_iter()
                        .next()
                        .or_else(|| issuer.first().cloned()),
                    Subject::ThirdPerson(_) => self.people_before(s.start).pop(),
                    // "… met virtually to reaffirm …": the issuer's purpose.
                    Subject::None if first == 0 || Self::word(s, first - 1) == "to" => {
                        st.parties = issuer.to_vec();
                        issuer.first().cloned()
                    }
                    _ => None,
                }
            };
            // A cue with no subject in the issuer's voice ("… that has enabled"): a
            // later one may have one.
            let Some(speaker) = speaker else {
                continue;
            };
            if st.parties.is_empty() {
                st.parties = parties;
            }
            st.speaker = Some(speaker);
            st.cue = speech.then(|| (s.tokens[first].start, s.tokens[first].end));
            return Some(st);
        }
        None
    }

    /// True when token `i` is a speech act of the issuer's voice used as a verb
    /// ("reaffirmed", "agreed to"), not a noun ("U.S. support", "the agreed plan").
    fn speech_act_at(&self, s: &Sentence, i: usize, data: &VoiceData) -> bool {
        let Some(act) = data.speech_act(Self::word(s, i)) else {
            return false;
        };
        let next = Self::word(s, i + 1);
        if !act.after.is_empty() && !act.after.iter().any(|a| a == next) {
            return false;
        }
        if self.mention_at(s, i).is_some() {
            return false;
        }
        if i > 0 {
            let prev = Self::word(s, i - 1);
            let noun = Self::is(s, i - 1, class::DETERMINER)
                || prev.ends_with("'s")
                || prev.ends_with("’s")
                || self.modifies(s, i - 1, Self::word(s, i) == act.lemma);
            // "was welcomed by": a passive, the act of someone else.
            let passive = Self::is(s, i - 1, class::PASSIVE) && next == "by";
            if noun || passive {
                return false;
            }
        }
        true
    }

    /// True when the mention over token `i` modifies the next word rather than being
    /// its subject: a demonym ("Iraqi efforts"), or an acronym before a bare form that a
    /// singular subject would not take ("U.S. support", not "The U.S. supports").
    fn modifies(&self, s: &Sentence, i: usize, bare: bool) -> bool {
        use super::super::gazetteer::MatchKind;
        let Some(m) = self.mention_at(s, i) else {
            return false;
        };
        let raw = &self.text[m.start..m.end];
        let Some(hit) = self.gazetteer.find(raw).into_iter().next() else {
            return false;
        };
        let at = Self::token_of(s, m.start);
        let coordinated =
            at > 0 && (Self::word(s, at - 1) == "and" || self.punct(s, at - 1) == Some(','));
        hit.how == MatchKind::Demonym || (hit.how == MatchKind::Acronym && bare && !coordinated)
    }

    /// A stance cue of the issuer's voice that the clause rules' lists do not have: a
    /// speech act that takes a position ("emphasized", "thanked", "condemn") or a
    /// phrase ("the importance of", "outrage at").
    pub(super) fn voice_stance_cue(
        &self,
        s: &Sentence,
        i: usize,
    ) -> Option<(usize, &'static str, &'static str)> {
        let data = VoiceData::bundled();
        if s.tokens[i].kind != TokenKind::Word || s.quoted[i] {
            return None;
        }
        let prev = if i > 0 { Self::word(s, i - 1) } else { "" };
        // "will support", "would not condemn": a commitment's action or a refusal.
        if matches!(
            prev,
            "will" | "would" | "shall" | "can" | "could" | "not" | "never"
        ) {
            return None;
        }
        if let Some(act) = data.speech_act(Self::word(s, i))
            && let polarity = act.stance.as_str()
            && !polarity.is_empty()
            && self.speech_act_at(s, i, data)
            && Self::word(s, i + 1) != "that"
        {
            return Some((i, polarity, rules::stance::VOICE_SPEECH_ACT));
        }
        data.stances.iter().find_map(|p| {
            let words: Vec<&str> = p.phrase.split(' ').collect();
            let fits = words
                .iter()
                .enumerate()
                .all(|(n, w)| Self::word(s, i + n) == *w);
            fits.then(|| {
                (
                    i + words.len() - 1,
                    p.polarity.as_str(),
                    rules::stance::VOICE_PHRASE,
                )
            })
        })
    }

    /// The parties a collective subject right before token `at` stands for: "we", "the
    /// Parties", "the two sides", "the Ministers" in an official text → every party.
    /// Empty when the subject is not collective or the text has no issuer.
    pub(super) fn collective_parties(&self, s: &Sentence, at: usize, st: &Stmt) -> Vec<ActorRef> {
        let Some(issuer) = &self.issuer else {
            return Vec::new();
        };
        if !st.voice {
            return Vec::new();
        }
        let data = VoiceData::bundled();
        let mut j = at;
        while j > 0 && VOICE_SKIP.contains(&Self::word(s, j - 1)) {
            j -= 1;
        }
        let ends_collective = |j: usize| {
            data.collectives.iter().any(|phrase| {
                let words: Vec<&str> = phrase.split(' ').collect();
                j >= words.len()
                    && words
                        .iter()
                        .enumerate()
                        .all(|(n, w)| Self::word(s, j - words.len() + n) == *w)
            })
        };
        // A comma-enclosed aside between subject and verb ("The Ministers, recalling
        // their statement of February 6, 2019, committed"): any comma before it may
        // close the subject.
        let collective = ends_collective(j)
            || (j > 0
                && self.punct(s, j - 1) == Some(',')
                && (j.saturating_sub(24)..j - 1)
                    .rev()
                    .take_while(|&x| !self.punct(s, x).is_some_and(opens_quote))
                    .any(|x| self.punct(s, x) == Some(',') && ends_collective(x)));
        if collective {
            issuer.actors.clone()
        } else {
            Vec::new()
        }
    }

    /// The actor a sentence opens with ("Minister Çavusoğlu and Secretary Pompeo …"):
    /// a mention among its first words, after titles.
    fn opening_subject(&self, s: &Sentence) -> Option<ActorRef> {
        let m = self.mentions[s.mentions.clone()].first()?;
        let at = Self::token_of(s, m.start);
        let titles = (0..at).all(|i| {
            s.tokens[i].kind == TokenKind::Word
                && s.tokens[i]
                    .text(self.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        });
        (at <= 3 && titles).then(|| m.actor.clone().into_owned())
    }

    /// The people named last before byte `before`, in text order (at most two): whom
    /// "they" stands for after "X met with Y".
    fn people_before(&self, before: usize) -> Vec<ActorRef> {
        let mut people: Vec<ActorRef> = Vec::new();
        for m in self.mentions[..self.mentions.partition_point(|m| m.end <= before)]
            .iter()
            .rev()
            .take(super::MAX_LOOK_BACK)
        {
            if m.person && !people.contains(&m.actor) {
                people.push(m.actor.clone().into_owned());
                if people.len() == 2 {
                    break;
                }
            }
        }
        people.reverse();
        people
    }
}
